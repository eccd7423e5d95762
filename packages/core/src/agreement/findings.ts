/**
 * The findings of the agreement pillar as of a legal date, in the one `Finding` shape every pillar returns,
 * so they join the compliance view: expiring (notice), expired, idle, report overdue and party dissolved
 * (warnings), each under R50. Judged with the pairing policy in force on the date. (The coordination councils'
 * findings, R51, are the council aggregate's: `Council.assess`.)
 *
 * Boundaries (RULES.md R50, all figures from policy):
 *
 * - expiring: from `expiringWithinDays` days before the end date, through the end date itself;
 * - expired: from the day after the end date, until renewal or the expiry is recorded;
 * - idle: on the day `idleAfterDays` full days have passed without an activity;
 * - report overdue: from the day after the period's last day.
 *
 * @since 0.1.0
 */
import type { Finding } from "../findings/Finding.ts"
import { sort } from "../findings/Finding.ts"
import type { LegalDate } from "../LegalDate.ts"
import { addDays, daysBetween } from "../LegalDate.ts"
import type { Policies } from "../organization/decide.ts"
import type { PairingPolicy } from "../policy/PairingPolicy.ts"
import { pairingPolicyAt } from "./decide.ts"
import type { RegisterView } from "./projections/AgreementRegister.ts"
import { entries, idle, overdueReports, withDissolvedParty } from "./projections/AgreementRegister.ts"

const subject = (id: string) => ({ kind: "agreement" as const, id })

/**
 * The findings of every agreement of a register under one pairing policy. Pure; sorted with
 * `Finding.sort`.
 *
 * @category assessing
 * @since 0.1.0
 */
export const assessWith = (view: RegisterView, policy: PairingPolicy, asOf: LegalDate): ReadonlyArray<Finding> => {
  const out: Array<Finding> = []
  for (const entry of entries(view, asOf, policy)) {
    if (entry.endDate === undefined) continue
    const state = view.agreements[entry.agreementId]!
    if (entry.standing === "expiring") {
      out.push({
        // R50 CONF: the term is the agreement's own; its end is coming up
        ruleId: "R50",
        severity: "notice",
        subject: subject(entry.agreementId),
        due: entry.endDate,
        code: "agreement.finding.expiring",
        params: { agreementId: entry.agreementId, endDate: entry.endDate, days: daysBetween(asOf, entry.endDate) }
      })
    } else if (entry.standing === "expired" && state.status === "signed") {
      out.push({
        // R50: the term ended without a new round (新一轮结对共建) or a recorded expiry
        ruleId: "R50",
        severity: "warning",
        subject: subject(entry.agreementId),
        due: entry.endDate,
        code: "agreement.finding.expired",
        params: { agreementId: entry.agreementId, endDate: entry.endDate }
      })
    }
  }
  for (const found of idle(view, asOf, policy)) {
    out.push({
      // R50 REC: no activity recorded in a configurable interval
      ruleId: "R50",
      severity: "warning",
      subject: subject(found.agreementId),
      due: addDays(found.since, policy.idleAfterDays),
      code: "agreement.finding.idle",
      params: {
        agreementId: found.agreementId,
        since: found.since,
        days: found.days,
        idleAfterDays: policy.idleAfterDays
      }
    })
  }
  for (const report of overdueReports(view, asOf, policy)) {
    out.push({
      // R50 CONF (local, quarterly by default): the periodic written report is missing
      ruleId: "R50",
      severity: "warning",
      subject: subject(report.agreementId),
      due: report.due,
      code: "agreement.finding.reportOverdue",
      params: {
        agreementId: report.agreementId,
        round: report.round,
        period: report.period,
        periodStart: report.periodStart,
        due: report.due
      }
    })
  }
  for (const dissolved of withDissolvedParty(view)) {
    out.push({
      // R50 HARD at signing: party organizations exist; one dissolved since leaves the agreement without it
      ruleId: "R50",
      severity: "warning",
      subject: subject(dissolved.agreementId),
      ...(dissolved.dissolvedAt === undefined ? {} : { due: dissolved.dissolvedAt }),
      code: "agreement.finding.partyDissolved",
      params: {
        agreementId: dissolved.agreementId,
        orgId: dissolved.orgId,
        ...(dissolved.dissolvedAt === undefined ? {} : { dissolvedAt: dissolved.dissolvedAt })
      }
    })
  }
  return sort(out)
}

/**
 * The findings of every agreement of a register as of a date, under the pairing policy in force on it.
 * Build the register with `AgreementRegister.asOf(asOf)` so that it holds only what took effect by then.
 *
 * @category assessing
 * @since 0.1.0
 */
export const assess = (view: RegisterView, policies: Policies, asOf: LegalDate): ReadonlyArray<Finding> =>
  assessWith(view, pairingPolicyAt(policies, asOf), asOf)
