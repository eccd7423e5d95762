/**
 * The findings of the unit check-in aggregate as of a legal date (R47), in the one `Finding` shape every
 * aggregate returns, so they join the compliance view: a checked-in unit organization whose yearly evaluation
 * by the community is due (a warning; its subject is the unit organization). Judged with the membership policy
 * in force on the date (`MembershipPolicy.checkInFeedbackEveryMonths`, the same figure as a member's check-in;
 * 0 = not checked).
 *
 * The finding fires on the day the period is complete (`monthsBetween(last, asOf) >= n`), and its `due` is that
 * day.
 *
 * @since 0.2.0
 */
import type { Finding } from "../findings/Finding.ts"
import { sort } from "../findings/Finding.ts"
import type { LegalDate } from "../LegalDate.ts"
import { addMonths, monthsBetween } from "../LegalDate.ts"
import type { Policies } from "../organization/decide.ts"
import { toTimeline } from "../organization/decide.ts"
import type { MembershipPolicy } from "../policy/MembershipPolicy.ts"
import { policyAt } from "../policy/PolicyTimeline.ts"
import type { RegisterView } from "./projections/UnitCheckInRegister.ts"
import type { UnitCheckInState } from "./state.ts"

const feedbackFindings = (
  unit: UnitCheckInState,
  policy: MembershipPolicy,
  asOf: LegalDate
): ReadonlyArray<Finding> => {
  if (unit.status !== "checkedIn" || unit.since === undefined || unit.communityOrgId === undefined) return []
  const every = policy.checkInFeedbackEveryMonths
  const last = unit.lastFeedbackAt ?? unit.since
  if (every === 0 || monthsBetween(last, asOf) < every) return []
  return [{
    // R47 REC: the community evaluates the checked-in unit organizations at least once a year
    ruleId: "R47",
    severity: "warning",
    subject: { kind: "organization", id: unit.unitOrgId },
    due: addMonths(last, every),
    code: "member.finding.unitFeedbackDue",
    params: { orgId: unit.unitOrgId, communityOrgId: unit.communityOrgId, lastAt: last }
  }]
}

/**
 * The findings of every unit check-in of a register under one membership policy. Pure; sorted with
 * `Finding.sort`.
 *
 * @category assessing
 * @since 0.2.0
 */
export const assessWith = (
  view: RegisterView,
  policy: MembershipPolicy,
  asOf: LegalDate
): ReadonlyArray<Finding> => sort(Object.values(view.units).flatMap((unit) => feedbackFindings(unit, policy, asOf)))

/**
 * The findings of every unit check-in of a register as of a date, under the membership policy in force on
 * it. Build the register with `UnitCheckInRegister.asOf(asOf)` so that it holds only what took effect by then.
 *
 * @example
 * ```ts
 * import { GovernancePolicy, UnitCheckIn, UnitCheckInRegister } from "@dangjian/core"
 *
 * UnitCheckIn.assess(UnitCheckInRegister.empty, GovernancePolicy.national, "2024-06-30") // => []
 * ```
 *
 * @category assessing
 * @since 0.2.0
 */
export const assess = (view: RegisterView, policies: Policies, asOf: LegalDate): ReadonlyArray<Finding> =>
  assessWith(view, policyAt(toTimeline(policies), asOf).membership, asOf)
