/**
 * The leadership-history part of the governance policy (RULES.md §L, R91–R96): the renewal reminder offsets
 * (R95: six months before the term ends nationally; the year-start notice, the request two months before and
 * the report a month after are local or platform practice), approval document numbers (R94), alternates (R93)
 * and term numbering after an upgrade (R91). It is part of the policy (`GovernancePolicy.leadership`), so it
 * lives in `policy/` and imports no aggregate; the `Leadership` namespace re-exports it.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { Months } from "../units.ts"

/**
 * @category models
 * @since 0.3.0
 */
export const LeadershipPolicy = Schema.Struct({
  /** R95: months before the term ends at which the higher organization reminds (national [6]; EGOV [6, 1]). */
  remindBeforeMonths: Schema.Array(Months),
  /** R95 (local, 蚌埠): a renewal notice at the start of the year in which the term ends. */
  yearStartNotice: Schema.Boolean,
  /** R95 / R96 (local, 蚌埠: 2): the renewal request is due this many months before the term ends; absent = none. */
  requestDueMonthsBefore: Schema.optionalKey(Months),
  /** R95 / R96 (local, 蚌埠: 1): the report of the renewal is due this many months after the election; absent = none. */
  reportDueMonthsAfter: Schema.optionalKey(Months),
  /** R94: whether an approval without its document number (批准文号) is rejected (default false: a finding). */
  requireApprovalDocNo: Schema.Boolean,
  /** R93 (no default): whether an election may record alternates (候补委员); absent rejects them. */
  alternatesAllowed: Schema.optionalKey(Schema.Boolean),
  /** R91 (no default): after an upgrade, whether term numbers continue or restart at 第1届; absent rejects. */
  termNumberingOnUpgrade: Schema.optionalKey(Schema.Literals(["continue", "restart"]))
}).annotate({ identifier: "LeadershipPolicy" })

/**
 * @category models
 * @since 0.3.0
 */
export type LeadershipPolicy = typeof LeadershipPolicy.Type

/**
 * The national default (R95): one reminder six months before the term ends (RQ, via the central-organs
 * handbook), nothing local, approval document numbers not required (R94), no default for alternates (R93)
 * or for term numbering after an upgrade (R91).
 *
 * @category presets
 * @since 0.3.0
 */
export const nationalLeadershipPolicy: LeadershipPolicy = {
  remindBeforeMonths: [6],
  yearStartNotice: false,
  requireApprovalDocNo: false
}

/**
 * The 蚌埠 local rule (pre-2018, R95): the T−6 reminder, a notice at the start of the year of the term's end, the
 * renewal request two months before the end and the report within a month of the election.
 *
 * @category presets
 * @since 0.3.0
 */
export const bengbuLocal: LeadershipPolicy = {
  ...nationalLeadershipPolicy,
  remindBeforeMonths: [6],
  yearStartNotice: true,
  requestDueMonthsBefore: 2,
  reportDueMonthsAfter: 1
}

/**
 * The EGOV platform's practice (R95): reminders six months and one month before the term ends.
 *
 * @category presets
 * @since 0.3.0
 */
export const egovPlatform: LeadershipPolicy = { ...nationalLeadershipPolicy, remindBeforeMonths: [6, 1] }
