/**
 * The findings of the appraisal aggregate as of a legal date, in the one `Finding` shape every aggregate
 * returns, so they join the compliance view. None of them changes anything: a finding says what is due, and a
 * person decides (R63: an appraisal result never changes a member's status by itself).
 *
 * - R35 (warning): an appraisal still open after its due date (31 December of the appraised year, plus the
 *   policy's `dueMonthsAfterYear`): its grades are not final. (Whether an appraisal meeting was held at all
 *   each year is the meeting records' R35 finding.)
 * - R62 (warning): more 优秀 than the cap allows, `den × excellent > num × basis` (REC: "一般不超过").
 * - R63 (notice): a member graded 基本合格 not yet shown the gaps ("指出差距,帮助改进提高").
 * - R63: a member graded 不合格 with no disposal decided and no discipline recorded: a notice, due
 *   `disposalDecisionDueDays` after the grade when the policy sets it, a warning from the day after.
 * - R64 (notice): a probationary member graded 不合格 is handled through R37 (extend or cancel the probation).
 * - R63: a running 限期改正, due on its review date (a notice, a warning from the day after); a running
 *   劝其退党 or 除名 awaiting its outcome (notice); a 限期改正 not corrected or a refusal to withdraw with no
 *   further decision (notice, DZ Art. 9).
 *
 * Each appraisal is judged by the policy in force on the day it opened.
 *
 * @since 0.3.0
 */
import type { Finding } from "../findings/Finding.ts"
import { sort } from "../findings/Finding.ts"
import { lookup } from "../kernel/records.ts"
import type { LegalDate } from "../LegalDate.ts"
import { addDays, addMonths } from "../LegalDate.ts"
import type { Policies } from "../organization/decide.ts"
import { toTimeline } from "../organization/decide.ts"
import { excellentCap, overExcellentCap } from "../policy/AppraisalPolicy.ts"
import type { PolicyTimeline } from "../policy/PolicyTimeline.ts"
import { policyAt } from "../policy/PolicyTimeline.ts"
import type { RegisterView } from "./projections/AppraisalRegister.ts"
import { appraisals } from "./projections/AppraisalRegister.ts"
import type { AppraisalState } from "./state.ts"
import { gradeCounts, gradedCount, isDisciplined, lastDisposalOf } from "./state.ts"

/**
 * R35: the date by which the appraisal of a year is closed: 31 December of that year plus `dueMonthsAfterYear`
 * months.
 *
 * @category assessing
 * @since 0.3.0
 */
export const closingDue = (dueMonthsAfterYear: number, year: number): LegalDate =>
  addMonths(`${String(year).padStart(4, "0")}-12-31`, dueMonthsAfterYear)

const appraisalFindings = (appraisal: AppraisalState, timeline: PolicyTimeline, asOf: LegalDate): Array<Finding> => {
  const out: Array<Finding> = []
  const policy = policyAt(timeline, appraisal.openedAt ?? asOf).appraisal
  const { orgId, year } = appraisal
  const due = closingDue(policy.dueMonthsAfterYear, year)
  if (appraisal.status === "open" && asOf > due) {
    out.push({
      // R35 REC: "每年开展1次民主评议党员": the year's appraisal is concluded, its grades final
      ruleId: "R35",
      severity: "warning",
      subject: { kind: "organization", id: orgId },
      due,
      code: "appraisal.finding.notClosed",
      params: { orgId, year, due }
    })
  }
  const excellent = gradeCounts(appraisal).excellent
  const share = policy.excellentMaxShare
  const basis = share.basis === "AM" ? appraisal.allMembers : gradedCount(appraisal)
  // R62 REC (CONF): 优秀 "一般不超过党员总数的1/3", in integers: den × excellent > num × basis
  if (overExcellentCap(share, excellent, basis)) {
    out.push({
      ruleId: "R62",
      severity: "warning",
      subject: { kind: "organization", id: orgId },
      ...(appraisal.closedAt === undefined ? {} : { due: appraisal.closedAt }),
      code: "appraisal.finding.excellentOverCap",
      params: { orgId, year, excellent, basis, cap: excellentCap(share, basis) }
    })
  }
  for (const memberId of Object.keys(appraisal.grades).sort()) {
    const grading = appraisal.grades[memberId]!
    const subject = { kind: "member", id: memberId } as const
    if (grading.grade === "basicallyQualified" && lookup(appraisal.guidance, memberId) === undefined) {
      // R63 REC: 基本合格 → "指出差距,帮助改进提高"
      out.push({
        ruleId: "R63",
        severity: "notice",
        subject,
        code: "appraisal.finding.guidanceDue",
        params: { orgId, year, memberId }
      })
    }
    const last = lastDisposalOf(appraisal, memberId)
    if (grading.grade === "unqualified" && last === undefined && !isDisciplined(appraisal, memberId)) {
      if (grading.probationary) {
        // R64 HARD: no disposal for a probationary member; the probation is extended or cancelled (R37)
        out.push({
          ruleId: "R64",
          severity: "notice",
          subject,
          code: "appraisal.finding.probationaryUnqualified",
          params: { orgId, year, memberId }
        })
      } else {
        const days = policy.disposalDecisionDueDays
        const due = days === undefined ? undefined : addDays(grading.changedAt, days)
        // R63 REC: 不合格 → "按照规定办法和程序作出组织处置", within `disposalDecisionDueDays` when set
        out.push({
          ruleId: "R63",
          severity: due !== undefined && asOf > due ? "warning" : "notice",
          subject,
          ...(due === undefined ? {} : { due }),
          code: "appraisal.finding.disposalDue",
          params: { orgId, year, memberId, ...(due === undefined ? {} : { due }) }
        })
      }
    }
    if (last === undefined) continue
    if (last.outcome === undefined && last.form === "correctWithinPeriod" && last.reviewDueOn !== undefined) {
      // R63 (CONF, C18): the 限期改正 is reviewed when its period ends
      out.push({
        ruleId: "R63",
        severity: asOf > last.reviewDueOn ? "warning" : "notice",
        subject,
        due: last.reviewDueOn,
        code: "appraisal.finding.correctionReview",
        params: { orgId, year, memberId, due: last.reviewDueOn }
      })
    } else if (last.outcome === undefined) {
      // R63: a 劝其退党 or 除名 decided, its outcome not yet recorded
      out.push({
        ruleId: "R63",
        severity: "notice",
        subject,
        code: "appraisal.finding.disposalRunning",
        params: { orgId, year, memberId, form: last.form }
      })
    } else if (last.outcome === "notCorrected" || last.outcome === "refusedToWithdraw") {
      // R63 (DZ Art. 9): not corrected, or "坚持不退": the general meeting decides the next step
      out.push({
        ruleId: "R63",
        severity: "notice",
        subject,
        code: "appraisal.finding.furtherDecisionDue",
        params: { orgId, year, memberId, outcome: last.outcome }
      })
    }
  }
  return out
}

/**
 * The findings of every appraisal of a register. Pure; sorted with `Finding.sort`.
 *
 * @category assessing
 * @since 0.3.0
 */
export const assessWith = (view: RegisterView, timeline: PolicyTimeline, asOf: LegalDate): ReadonlyArray<Finding> =>
  sort(appraisals(view).flatMap((a) => appraisalFindings(a, timeline, asOf)))

/**
 * The findings of the appraisal register as of a date. Build the register with `AppraisalRegister.asOf(asOf)`
 * so that it holds only what took effect by then.
 *
 * @example
 * ```ts
 * import { Appraisal, AppraisalRegister, GovernancePolicy } from "@dangjian/core"
 *
 * Appraisal.assess(AppraisalRegister.empty, GovernancePolicy.national, "2025-06-30") // => []
 * ```
 *
 * @category assessing
 * @since 0.3.0
 */
export const assess = (view: RegisterView, policies: Policies, asOf: LegalDate): ReadonlyArray<Finding> =>
  assessWith(view, toTimeline(policies), asOf)
