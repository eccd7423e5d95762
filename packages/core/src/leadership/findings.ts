/**
 * The findings of the leadership-history aggregate as of a legal date (R91–R96), in the one `Finding` shape
 * every aggregate returns, so they join the compliance view. The subject is the organization. Judged with the
 * leadership policy in force on the date.
 *
 * - **Renewal reminders (R95)** are a due state, never a one-shot date match: a reminder due on T − k is raised
 *   from that day until a reminder is recorded on or after it, the term is renewed, or the term ends; so a job that
 *   did not run on the day still raises it. The year-start notice and the request (T − 2) work the same way where
 *   the policy has them; the term's end is a warning from T on; the report is due within
 *   `reportDueMonthsAfter` of the election (a warning from the day after).
 * - **R96**: a renewal election with no request recorded before it (notice).
 * - **R92**: the current term's ballot recorded as totals only (notice); a void election not yet followed by a
 *   new one (warning).
 * - **R94**: an approval of the current term without its document number (notice).
 *
 * @since 0.3.0
 */
import type { Finding, Severity } from "../findings/Finding.ts"
import { sort } from "../findings/Finding.ts"
import type { MessageParams } from "../kernel/Message.ts"
import type { LegalDate } from "../LegalDate.ts"
import { addMonths } from "../LegalDate.ts"
import type { Policies } from "../organization/decide.ts"
import { toTimeline } from "../organization/decide.ts"
import type { LeadershipPolicy } from "../policy/LeadershipPolicy.ts"
import { policyAt } from "../policy/PolicyTimeline.ts"
import type { RegisterView } from "./projections/LeadershipRegister.ts"
import type { LeadershipState } from "./state.ts"
import { currentTerm, previousTerm, renewalDates, termEnd } from "./state.ts"

const finding = (
  orgId: string,
  ruleId: string,
  severity: Severity,
  code: string,
  params: MessageParams,
  due?: LegalDate
): Finding => {
  const clean: Record<string, string | number | boolean> = { orgId }
  for (const [k, v] of Object.entries(params)) if (v !== undefined) clean[k] = v
  return {
    ruleId,
    severity,
    subject: { kind: "organization", id: orgId },
    ...(due === undefined ? {} : { due }),
    code,
    params: clean
  }
}

/**
 * The findings of one organization's leadership history under one leadership policy. Pure.
 *
 * @category assessing
 * @since 0.3.0
 */
export const assessHistory = (
  orgId: string,
  state: LeadershipState,
  policy: LeadershipPolicy,
  asOf: LegalDate
): ReadonlyArray<Finding> => {
  const out: Array<Finding> = []
  const term = currentTerm(state)
  const lastVoid = state.voided[state.voided.length - 1]
  if (lastVoid !== undefined && (term === undefined || lastVoid.at >= term.electedOn)) {
    // R92 HARD: a void election (more ballots collected than issued) must be followed by a new election
    out.push(
      finding(orgId, "R92", "warning", "leadership.finding.revoteRequired", { voidedOn: lastVoid.at }, lastVoid.at)
    )
  }
  if (term === undefined) return out
  const termNo = term.termNo
  const end = termEnd(term)
  for (const date of renewalDates(policy, end)) {
    if (asOf < date.on) continue
    switch (date.kind) {
      case "reminder":
      case "yearStartNotice": {
        const kind = date.kind === "reminder" ? "reminder" : "yearStartNotice"
        const issued = term.reminders.some((r) => r.kind === kind && r.at >= date.on)
        // R95 REC (CONF remindBeforeMonths, yearStartNotice): the higher organization reminds; due since the date
        if (!issued && asOf < end) {
          out.push(
            finding(
              orgId,
              "R95",
              "notice",
              date.kind === "reminder" ? "leadership.finding.reminderDue" : "leadership.finding.yearStartNoticeDue",
              { termNo, endsAt: end, remindAt: date.on, months: date.months },
              date.on
            )
          )
        }
        break
      }
      case "request":
        // R95 / R96 REC (CONF requestDueMonthsBefore, local): the written renewal request before the end
        if (term.requestedAt === undefined) {
          out.push(
            finding(
              orgId,
              "R96",
              asOf > date.on ? "warning" : "notice",
              "leadership.finding.requestDue",
              { termNo, endsAt: end, dueOn: date.on, months: date.months },
              date.on
            )
          )
        }
        break
      case "expiry":
        // R95 (R22) REC: the term has ended with no renewal recorded (an approved extension moves the end)
        out.push(finding(orgId, "R95", "warning", "leadership.finding.termExpired", { termNo, endsAt: end }, end))
        break
    }
  }
  if (policy.reportDueMonthsAfter !== undefined && policy.reportDueMonthsAfter > 0 && term.reportedAt === undefined) {
    const due = addMonths(term.electedOn, policy.reportDueMonthsAfter)
    // R95 / R96 REC (CONF reportDueMonthsAfter, local): the report of the renewal within a month of the election
    if (asOf > due) {
      out.push(
        finding(
          orgId,
          "R96",
          "warning",
          "leadership.finding.reportOverdue",
          { termNo, electedOn: term.electedOn, due },
          due
        )
      )
    }
  }
  const previous = previousTerm(state)
  if (previous !== undefined && previous.requestedAt === undefined) {
    // R96 REC: a renewal election with no written request before it
    out.push(
      finding(orgId, "R96", "notice", "leadership.finding.noRenewalRequest", { termNo, electedOn: term.electedOn })
    )
  }
  if (term.ballot.counts === undefined) {
    // R92 REC: totals only; the winners cannot be checked
    out.push(finding(orgId, "R92", "notice", "leadership.finding.ballotTotalsOnly", { termNo }))
  }
  for (const approval of term.approvals) {
    // R94 REC (requireApprovalDocNo = false): an approval without its document number
    if (approval.approvalDocNo === undefined) {
      out.push(
        finding(orgId, "R94", "notice", "leadership.finding.approvalDocNoMissing", {
          termNo,
          subject: approval.subject,
          approvedOn: approval.approvedOn
        })
      )
    }
  }
  return out
}

/**
 * The findings of every organization's leadership history of a register under one leadership policy. Pure;
 * sorted with `Finding.sort`.
 *
 * @category assessing
 * @since 0.3.0
 */
export const assessWith = (view: RegisterView, policy: LeadershipPolicy, asOf: LegalDate): ReadonlyArray<Finding> =>
  sort(
    Object.keys(view.leaderships).sort().flatMap((orgId) =>
      assessHistory(orgId, view.leaderships[orgId]!, policy, asOf)
    )
  )

/**
 * The findings of every leadership history of a register as of a date, under the leadership policy in force on
 * it. Build the register with `LeadershipRegister.asOf(asOf)` so that it holds only what took effect by then.
 *
 * @example
 * ```ts
 * import { GovernancePolicy, Leadership, LeadershipRegister } from "@dangjian/core"
 *
 * Leadership.assess(LeadershipRegister.empty, GovernancePolicy.national, "2024-06-30") // => []
 * ```
 *
 * @category assessing
 * @since 0.3.0
 */
export const assess = (view: RegisterView, policies: Policies, asOf: LegalDate): ReadonlyArray<Finding> =>
  assessWith(view, policyAt(toTimeline(policies), asOf).leadership, asOf)
