/**
 * The findings of the points aggregate as of a legal date, in the one `Finding` shape every aggregate
 * returns, so they join the compliance view. R52 HARD: a points result never changes a member's status; a low
 * score is a notice that feeds the procedures of R37 (probation), R39 (lapse) and R63 (appraisal), which a
 * person decides (C14: the 东阳 rule "probationary below 85 for the year → cancelled" becomes a notice).
 *
 * - R52 (warning): a period ended and was not published within `publicationGraceDays`; one finding per
 *   organization, at its earliest unpublished period, with the number of such periods.
 * - R52 (notice): in the latest published period, a member whose score is below the scheme's `noticeBelow`.
 * - R52 (notice): in the latest year whose last period is published, a member who was probationary (as the
 *   entries record) and scored below the scheme's `probationaryYearBelow`.
 * - R53 (warning): fewer members without office hold a duty post than the policy's `dutyPostMinShare`
 *   (absent by default: the seed's figure is masked).
 *
 * @since 0.3.0
 */
import type { Finding } from "../findings/Finding.ts"
import { sort } from "../findings/Finding.ts"
import type { LegalDate } from "../LegalDate.ts"
import { addDays } from "../LegalDate.ts"
import type { Policies } from "../organization/decide.ts"
import { toTimeline } from "../organization/decide.ts"
import type { OrganizationState } from "../organization/state.ts"
import type { PointsPolicy } from "../policy/PointsPolicy.ts"
import { policyAt } from "../policy/PolicyTimeline.ts"
import { nextPeriod, periodEnd, periodOf } from "./model.ts"
import type { RegisterView } from "./projections/PointsRegister.ts"
import { dutyPostShare, ledger } from "./projections/PointsRegister.ts"
import type { PointsState } from "./state.ts"
import { isPublished, liveEntries } from "./state.ts"

// Organizations whose members take duty posts: every active organization holding members, except the township
// and subdistrict committees and temporary branches (R9).
const holdsMembers = (org: OrganizationState): boolean =>
  org.status === "active" && org.kind !== "townshipCommittee" && org.kind !== "subdistrictCommittee"
  && org.kind !== "temporaryBranch"

const publicationFindings = (
  orgId: string,
  state: PointsState,
  policy: PointsPolicy,
  asOf: LegalDate
): Array<Finding> => {
  const scheme = state.scheme
  if (scheme === undefined || state.schemeSince === undefined) return []
  const overdue: Array<{ readonly period: string; readonly due: LegalDate }> = []
  for (let period = periodOf(state.schemeSince, scheme.publication);; period = nextPeriod(period)) {
    const due = addDays(periodEnd(period), policy.publicationGraceDays)
    if (due >= asOf) break
    if (!isPublished(state, period)) overdue.push({ period, due })
  }
  const first = overdue[0]
  if (first === undefined) return []
  return [{
    // R52 REC: "考评结果每月或每季度定期公示"
    ruleId: "R52",
    severity: "warning",
    subject: { kind: "organization", id: orgId },
    due: first.due,
    code: "points.finding.unpublished",
    params: { orgId, period: first.period, due: first.due, periods: overdue.length }
  }]
}

const scoreFindings = (view: RegisterView, orgId: string, state: PointsState): Array<Finding> => {
  const scheme = state.scheme
  if (scheme === undefined) return []
  const out: Array<Finding> = []
  const published = Object.keys(state.published).filter((p) => p.includes("Q") === (scheme.publication === "quarterly"))
    .sort()
  const latest = published.at(-1)
  const below = scheme.noticeBelow
  if (latest !== undefined && below !== undefined) {
    for (const line of ledger(view, orgId, latest)) {
      if (line.score >= below) continue
      // R52 → R39 / R63: a low score is a notice for the branch to look into, never a status change (C14)
      out.push({
        ruleId: "R52",
        severity: "notice",
        subject: { kind: "member", id: line.memberId },
        code: "points.finding.belowThreshold",
        params: { orgId, memberId: line.memberId, period: latest, score: line.score, threshold: below }
      })
    }
  }
  const yearBelow = scheme.probationaryYearBelow
  const lastOfYear = published.filter((p) => p.endsWith("-12") || p.endsWith("-Q4")).at(-1)
  if (lastOfYear !== undefined && yearBelow !== undefined) {
    const year = lastOfYear.slice(0, 4)
    const probationary = new Set(
      liveEntries(state).filter((e) => e.probationary && e.period.startsWith(year)).map((e) => e.memberId)
    )
    for (const line of ledger(view, orgId, lastOfYear)) {
      if (!probationary.has(line.memberId) || line.score >= yearBelow) continue
      // R52 → R37 (C14): a probationary member's low yearly score feeds the conversion discussion; the
      // probation is extended or cancelled only by a general-meeting vote with higher approval
      out.push({
        ruleId: "R52",
        severity: "notice",
        subject: { kind: "member", id: line.memberId },
        code: "points.finding.probationaryBelow",
        params: { orgId, memberId: line.memberId, year: Number(year), score: line.score, threshold: yearBelow }
      })
    }
  }
  return out
}

const shareFindings = (view: RegisterView, policy: PointsPolicy): Array<Finding> => {
  const share = policy.dutyPostMinShare
  if (share === undefined) return []
  return Object.keys(view.orgs).sort().flatMap((orgId): Array<Finding> => {
    if (!holdsMembers(view.orgs[orgId]!)) return []
    const { holding, withoutOffice } = dutyPostShare(view, orgId)
    if (withoutOffice === 0 || share.den * holding >= share.num * withoutOffice) return []
    return [{
      // R53 REC (CONF): "**%以上的无职党员上岗履职" (S003; the figure is the policy's)
      ruleId: "R53",
      severity: "warning",
      subject: { kind: "organization", id: orgId },
      code: "points.finding.dutyPostShareLow",
      params: { orgId, holding, withoutOffice, required: Math.ceil((share.num * withoutOffice) / share.den) }
    }]
  })
}

/**
 * The findings of every points ledger and duty-post share of a register as of a date, under the points policy
 * in force on it. Pure; sorted with `Finding.sort`. Build the register with `PointsRegister.asOf(asOf)`.
 *
 * @example
 * ```ts
 * import { GovernancePolicy, Points, PointsRegister } from "@dangjian/core"
 *
 * Points.assess(PointsRegister.empty, GovernancePolicy.national, "2025-06-30") // => []
 * ```
 *
 * @category assessing
 * @since 0.3.0
 */
export const assess = (view: RegisterView, policies: Policies, asOf: LegalDate): ReadonlyArray<Finding> => {
  const policy = policyAt(toTimeline(policies), asOf).points
  const out: Array<Finding> = []
  for (const orgId of Object.keys(view.ledgers).sort()) {
    const state = view.ledgers[orgId]!
    out.push(...publicationFindings(orgId, state, policy, asOf), ...scoreFindings(view, orgId, state))
  }
  return sort([...out, ...shareFindings(view, policy)])
}
