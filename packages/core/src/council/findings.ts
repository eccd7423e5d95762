/**
 * The findings of the council aggregate as of a legal date (R51), in the one `Finding` shape every aggregate
 * returns, so they join the compliance view: a joint meeting overdue and a member organization dissolved
 * (warnings; their subject is the convening organization, with the council id in the params). Judged with the
 * pairing policy in force on the date (`PairingPolicy.councilMeetingEveryMonths`, 0 = not checked).
 *
 * Boundary: a meeting is overdue from the day after `councilMeetingEveryMonths` months since the last one (or
 * since the forming).
 *
 * @since 0.2.0
 */
import type { Finding } from "../findings/Finding.ts"
import { sort } from "../findings/Finding.ts"
import type { LegalDate } from "../LegalDate.ts"
import type { Policies } from "../organization/decide.ts"
import { toTimeline } from "../organization/decide.ts"
import type { PairingPolicy } from "../policy/PairingPolicy.ts"
import { policyAt } from "../policy/PolicyTimeline.ts"
import type { RegisterView } from "./projections/CouncilRegister.ts"
import { meetingsOverdue, withDissolvedMember } from "./projections/CouncilRegister.ts"

/**
 * The findings of every council of a register under one pairing policy. Pure; sorted with `Finding.sort`.
 *
 * @category assessing
 * @since 0.2.0
 */
export const assessWith = (view: RegisterView, policy: PairingPolicy, asOf: LegalDate): ReadonlyArray<Finding> => {
  const out: Array<Finding> = []
  for (const overdue of meetingsOverdue(view, asOf, policy)) {
    out.push({
      // R51 CONF: the joint meeting system meets regularly ("定期开展活动"); the interval is local policy
      ruleId: "R51",
      severity: "warning",
      subject: { kind: "organization", id: overdue.convenerOrgId },
      due: overdue.due,
      code: "council.finding.meetingOverdue",
      params: { councilId: overdue.councilId, orgId: overdue.convenerOrgId, since: overdue.since, due: overdue.due }
    })
  }
  for (const dissolved of withDissolvedMember(view)) {
    out.push({
      // R51 CONF: member units are existing Party organizations
      ruleId: "R51",
      severity: "warning",
      subject: { kind: "organization", id: dissolved.convenerOrgId },
      ...(dissolved.dissolvedAt === undefined ? {} : { due: dissolved.dissolvedAt }),
      code: "council.finding.memberDissolved",
      params: {
        councilId: dissolved.councilId,
        orgId: dissolved.orgId,
        ...(dissolved.dissolvedAt === undefined ? {} : { dissolvedAt: dissolved.dissolvedAt })
      }
    })
  }
  return sort(out)
}

/**
 * The findings of every council of a register as of a date, under the pairing policy in force on it. Build the
 * register with `CouncilRegister.asOf(asOf)` so that it holds only what took effect by then.
 *
 * @example
 * ```ts
 * import { Council, CouncilRegister, GovernancePolicy } from "@dangjian/core"
 *
 * Council.assess(CouncilRegister.empty, GovernancePolicy.national, "2024-06-30") // => []
 * ```
 *
 * @category assessing
 * @since 0.2.0
 */
export const assess = (view: RegisterView, policies: Policies, asOf: LegalDate): ReadonlyArray<Finding> =>
  assessWith(view, policyAt(toTimeline(policies), asOf).pairing, asOf)
