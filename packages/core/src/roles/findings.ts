/**
 * The findings of the roles aggregate as of a legal date, in the one `Finding` shape every aggregate returns,
 * so they join the compliance view (R54, R57; R56 is data only and raises none).
 *
 * - R57 (warning): a first secretary's term ended without a recall or an extension, and no other first
 *   secretary serves the village or community; (notice) a term ends within the policy's `termEndingNoticeDays`.
 * - R57 (warning, policy `firstSecretaryCoverage`, S003's "全覆盖"): an active village or community
 *   organization directly under a township or subdistrict committee with no first secretary serving.
 * - R54 (notice, policy `instructorForUnitsWithoutMembers`: "可以委派", may): a unit without members with no
 *   instructor serving; (warning) an instructor's term ended without a recall.
 *
 * @since 0.3.0
 */
import type { Finding } from "../findings/Finding.ts"
import { sort } from "../findings/Finding.ts"
import { lookup } from "../kernel/records.ts"
import type { LegalDate } from "../LegalDate.ts"
import { daysBetween } from "../LegalDate.ts"
import type { Policies } from "../organization/decide.ts"
import { toTimeline } from "../organization/decide.ts"
import { policyAt } from "../policy/PolicyTimeline.ts"
import type { RolesPolicy } from "../policy/RolesPolicy.ts"
import type { RegisterView } from "./projections/RolesRegister.ts"
import { firstSecretaries, firstSecretaryOf, instructors, unitsWithoutMembers } from "./projections/RolesRegister.ts"

const firstSecretaryFindings = (view: RegisterView, policy: RolesPolicy, asOf: LegalDate): Array<Finding> => {
  const out: Array<Finding> = []
  for (const appointment of firstSecretaries(view)) {
    const { appointmentId, until, villageOrgId } = appointment
    if (appointment.recalledAt !== undefined && appointment.recalledAt <= asOf) continue
    const subject = { kind: "organization", id: villageOrgId } as const
    if (until < asOf) {
      if (firstSecretaryOf(view, villageOrgId, asOf) !== undefined) continue
      // R57 CONF: a first secretary serves for a term; at its end the appointment is extended or ended
      out.push({
        ruleId: "R57",
        severity: "warning",
        subject,
        due: until,
        code: "roles.finding.firstSecretaryTermLapsed",
        params: { orgId: villageOrgId, appointmentId, until }
      })
    } else if (
      appointment.from <= asOf && policy.termEndingNoticeDays > 0
      && daysBetween(asOf, until) <= policy.termEndingNoticeDays
    ) {
      out.push({
        ruleId: "R57",
        severity: "notice",
        subject,
        due: until,
        code: "roles.finding.firstSecretaryTermEnding",
        params: { orgId: villageOrgId, appointmentId, until }
      })
    }
  }
  if (!policy.firstSecretaryCoverage) return out
  for (const orgId of Object.keys(view.orgs).sort()) {
    const org = view.orgs[orgId]!
    if (org.status !== "active" || (org.locus !== "village" && org.locus !== "community")) continue
    const parent = org.parentId === undefined ? undefined : lookup(view.orgs, org.parentId)
    if (parent?.kind !== "townshipCommittee" && parent?.kind !== "subdistrictCommittee") continue
    if (firstSecretaryOf(view, orgId, asOf) !== undefined) continue
    // R57 CONF (S003): "第一书记全覆盖" of villages and communities, when the policy asks for it
    out.push({
      ruleId: "R57",
      severity: "warning",
      subject: { kind: "organization", id: orgId },
      code: "roles.finding.noFirstSecretary",
      params: { orgId }
    })
  }
  return out
}

const instructorFindings = (view: RegisterView, policy: RolesPolicy, asOf: LegalDate): Array<Finding> => {
  const out: Array<Finding> = []
  const lapsedUnits = new Set<string>()
  for (const appointment of instructors(view)) {
    const { appointmentId, keeperOrgId, until } = appointment
    if (until === undefined || until >= asOf) continue
    if (appointment.recalledAt !== undefined && appointment.recalledAt <= asOf) continue
    for (const unitId of appointment.unitIds) lapsedUnits.add(`${keeperOrgId}\u0000${unitId}`)
    // R54 CONF: the instructor's appointment ran out; send another or end it
    out.push({
      ruleId: "R54",
      severity: "warning",
      subject: { kind: "organization", id: keeperOrgId },
      due: until,
      code: "roles.finding.instructorTermLapsed",
      params: { orgId: keeperOrgId, appointmentId, until }
    })
  }
  if (!policy.instructorForUnitsWithoutMembers) return out
  for (const unit of unitsWithoutMembers(view, asOf)) {
    if (unit.instructor !== undefined || lapsedUnits.has(`${unit.keeperOrgId}\u0000${unit.unitId}`)) continue
    // R54 CONF (S001): "可以委派党建工作指导员" to units without members
    out.push({
      ruleId: "R54",
      severity: "notice",
      subject: { kind: "unit", id: unit.unitId },
      code: "roles.finding.noInstructor",
      params: { orgId: unit.keeperOrgId, unitId: unit.unitId }
    })
  }
  return out
}

/**
 * The findings of the roles register as of a date, under the roles policy in force on it. Pure; sorted with
 * `Finding.sort`. Build the register with `RolesRegister.asOf(asOf)`.
 *
 * @example
 * ```ts
 * import { GovernancePolicy, Roles, RolesRegister } from "@dangjian/core"
 *
 * Roles.assess(RolesRegister.empty, GovernancePolicy.national, "2025-06-30") // => []
 * ```
 *
 * @category assessing
 * @since 0.3.0
 */
export const assess = (view: RegisterView, policies: Policies, asOf: LegalDate): ReadonlyArray<Finding> => {
  const policy = policyAt(toTimeline(policies), asOf).roles
  return sort([...firstSecretaryFindings(view, policy, asOf), ...instructorFindings(view, policy, asOf)])
}
