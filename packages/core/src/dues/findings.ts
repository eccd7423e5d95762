/**
 * The findings of the dues aggregate as of a legal date, in the one `Finding` shape every aggregate returns, so
 * they join the compliance view. Judged with the dues policy in force on the date (`GovernancePolicy.dues`):
 *
 * - R75 (REC, feeding R39): six consecutive due months unpaid (`arrearsLapseMonths`), computed from the
 *   ledger: a warning from the first day after the sixth month (or its quarter) ends, which stays after a
 *   back-payment (shown as `paidOn`) until a person closes it (`ReviewDuesLapse`); and the early warning
 *   (`arrearsWarnMonths`, a notice) while fewer months are unpaid. Never a change of status (R39).
 * - R74: a transfer letter issued without the paid-through month (violation), one that disagrees with the
 *   ledger, and arrears carried into a transfer (paid through a month before the one before issue) (warnings).
 * - R69: a year whose monthly amount is not fixed (notice); a mid-year reassessment without a reason (warning).
 * - R73: an account that starts after the month of the admission vote (warning).
 * - R72 (local): a regular monthly amount above `monthlyRegularCapFen` (notice).
 *
 * Only members who are active (or of whom the register knows nothing) get R69, R72 and R75 findings: a member
 * who left or is suspended owes nothing new. PRIVACY: params hold ids, months, dates, counts and policy
 * figures, never a base or an amount.
 *
 * @since 0.3.0
 */
import type { Finding, Severity } from "../findings/Finding.ts"
import { sort } from "../findings/Finding.ts"
import { lookup } from "../kernel/records.ts"
import type { LegalDate } from "../LegalDate.ts"
import type { Policies } from "../organization/decide.ts"
import { toTimeline } from "../organization/decide.ts"
import type { DuesPolicy } from "../policy/DuesPolicy.ts"
import { policyAt } from "../policy/PolicyTimeline.ts"
import { firstDayOf, januaryOf, monthOf, shiftMonth, yearOf } from "./model.ts"
import type { MemberFacts, RegisterView } from "./projections/DuesRegister.ts"
import type { DuesState } from "./state.ts"
import { amountFor, assessedYear, currentArrears, inAccount, paidThrough, unpaidFrom, unpaidRuns } from "./state.ts"

type Params = Record<string, string | number | boolean>

const memberFinding = (
  memberId: string,
  ruleId: string,
  severity: Severity,
  code: string,
  params: Params,
  due: LegalDate
): Finding => ({
  ruleId,
  severity,
  subject: { kind: "member", id: memberId },
  due,
  code,
  params: { memberId, ...params }
})

const arrearsFindings = (account: DuesState, policy: DuesPolicy, asOf: LegalDate): ReadonlyArray<Finding> => {
  const memberId = account.memberId
  const out: Array<Finding> = []
  const lapse = policy.arrearsLapseMonths
  for (const run of unpaidRuns(account, asOf, lapse)) {
    if (account.reviewedLapses.includes(run.fromMonth)) continue
    // R75 REC: dues unpaid for 6 consecutive months: a self-lapse under DZ Art. 9 (R39): a finding, never removal
    out.push(
      memberFinding(memberId, "R75", "warning", "dues.finding.lapse", {
        fromMonth: run.fromMonth,
        toMonth: run.toMonth,
        months: run.months,
        required: lapse,
        ...(run.paidOn === undefined ? {} : { paidOn: run.paidOn })
      }, run.firesOn)
    )
  }
  const warn = policy.arrearsWarnMonths
  const arrears = currentArrears(account, asOf)
  if (warn > 0 && arrears.length >= warn && arrears.length < lapse) {
    // R75 CONF: the early warning (3 months, as R39's local one)
    out.push(
      memberFinding(memberId, "R75", "notice", "dues.finding.arrearsWarning", {
        fromMonth: arrears[0]!,
        toMonth: arrears.at(-1)!,
        months: arrears.length,
        required: lapse
      }, unpaidFrom(account, arrears[warn - 1]!))
    )
  }
  return out
}

const fixingFindings = (account: DuesState, policy: DuesPolicy, asOf: LegalDate): ReadonlyArray<Finding> => {
  const memberId = account.memberId
  const out: Array<Finding> = []
  const month = monthOf(asOf)
  const year = yearOf(month)
  if (account.status === "open" && inAccount(account, month) && !assessedYear(account, year)) {
    const first = januaryOf(year) > account.firstMonth ? januaryOf(year) : account.firstMonth
    // R69: the monthly amount is fixed at the start of each year ("每年初核定")
    out.push(memberFinding(memberId, "R69", "notice", "dues.finding.yearNotAssessed", { year }, firstDayOf(first)))
  }
  const cap = policy.monthlyRegularCapFen
  const amount = amountFor(account, month)
  if (cap !== undefined && account.status === "open" && amount !== undefined && !amount.exempt && amount.fen > cap) {
    // R72 (local): the regular monthly amount generally stays under the local cap ("一般不超过")
    out.push(
      memberFinding(memberId, "R72", "notice", "dues.finding.aboveMonthlyCap", { year, capFen: cap }, firstDayOf(month))
    )
  }
  return out
}

const recordFindings = (account: DuesState, facts: MemberFacts | undefined): ReadonlyArray<Finding> => {
  const memberId = account.memberId
  const out: Array<Finding> = []
  for (const a of account.assessments) {
    if (a.kind !== "reassessment" || a.reasonGiven) continue
    // R69 REC: a mid-year reassessment states its reason
    out.push(
      memberFinding(memberId, "R69", "warning", "dues.finding.reassessedWithoutReason", {
        year: a.year,
        fromMonth: a.fromMonth
      }, a.at)
    )
  }
  const vote = facts?.admissionVoteAt
  if (vote !== undefined && account.basis === "admission" && account.firstMonth > monthOf(vote)) {
    // R73 REC: after the approval, arrears are computed from the month of the admission vote
    out.push(
      memberFinding(memberId, "R73", "warning", "dues.finding.firstMonthAfterVote", {
        voteMonth: monthOf(vote),
        firstMonth: account.firstMonth
      }, account.openedAt ?? vote)
    )
  }
  return out
}

const letterFindings = (account: DuesState, facts: MemberFacts | undefined): ReadonlyArray<Finding> => {
  const memberId = account.memberId
  const out: Array<Finding> = []
  for (const letter of facts?.letters ?? []) {
    if (account.openedAt === undefined || letter.issuedAt < account.openedAt) continue
    const subject = { kind: "transfer" as const, id: letter.transferId }
    const base = { memberId, transferId: letter.transferId, fromOrgId: letter.fromOrgId }
    const ledger = paidThrough(account, letter.issuedAt)
    if (letter.duesPaidThrough === undefined) {
      // R74 HARD (schema): the letter states the month the dues are paid through
      out.push({
        ruleId: "R74",
        severity: "violation",
        subject,
        due: letter.issuedAt,
        code: "dues.finding.letterWithoutPaidThrough",
        params: base
      })
    } else if (ledger !== undefined && ledger !== letter.duesPaidThrough) {
      // R74: the letter says what the ledger says
      out.push({
        ruleId: "R74",
        severity: "warning",
        subject,
        due: letter.issuedAt,
        code: "dues.finding.letterPaidThroughMismatch",
        params: { ...base, stated: letter.duesPaidThrough, ledger }
      })
    }
    const through = letter.duesPaidThrough ?? ledger
    if (through !== undefined && through < shiftMonth(monthOf(letter.issuedAt), -1)) {
      // R74 REC: arrears carried into a transfer are a finding at the origin
      out.push({
        ruleId: "R74",
        severity: "warning",
        subject,
        due: letter.issuedAt,
        code: "dues.finding.arrearsIntoTransfer",
        params: { ...base, paidThrough: through, issuedAt: letter.issuedAt }
      })
    }
  }
  return out
}

/**
 * The findings of every dues account of a register under one dues policy. Pure; sorted with `Finding.sort`.
 *
 * @category assessing
 * @since 0.3.0
 */
export const assessWith = (view: RegisterView, policy: DuesPolicy, asOf: LegalDate): ReadonlyArray<Finding> => {
  const out: Array<Finding> = []
  for (const memberId of Object.keys(view.accounts).sort()) {
    const account = view.accounts[memberId]!
    if (account.status === "none") continue
    const facts = lookup(view.members, memberId)
    const owing = facts === undefined || facts.status === "active"
    if (owing) out.push(...arrearsFindings(account, policy, asOf), ...fixingFindings(account, policy, asOf))
    out.push(...recordFindings(account, facts), ...letterFindings(account, facts))
  }
  return sort(out)
}

/**
 * The findings of every dues account of a register as of a date, under the dues policy in force on it. Build
 * the register with `DuesRegister.asOf(asOf)` so that it holds only what took effect by then.
 *
 * @example
 * ```ts
 * import { Dues, DuesRegister, GovernancePolicy } from "@dangjian/core"
 *
 * Dues.assess(DuesRegister.empty, GovernancePolicy.national, "2024-06-30") // => []
 * ```
 *
 * @category assessing
 * @since 0.3.0
 */
export const assess = (view: RegisterView, policies: Policies, asOf: LegalDate): ReadonlyArray<Finding> =>
  assessWith(view, policyAt(toTimeline(policies), asOf).dues, asOf)
