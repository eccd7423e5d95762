/**
 * The joint-building (结对共建) part of the governance policy (RULES.md R49–R50). No national template or
 * term exists, so every figure here is local practice with a stated default. It is part of the policy
 * (`GovernancePolicy.pairing`), so it lives in `policy/` and imports no aggregate; the `Agreement` namespace
 * re-exports it.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Count, Days, Months } from "../units.ts"

/**
 * @category models
 * @since 0.1.0
 */
export const PairingPolicy = Schema.Struct({
  /** R50 HARD (library schema): a term with start and end, or an explicit open end, is required. */
  requireTerm: Schema.Boolean,
  /** R50 CONF (local, quarterly by default): months between written reports; 0 = no reports required. */
  reportEveryMonths: Months,
  /** R50 REC: days without a recorded activity after which an agreement is idle. */
  idleAfterDays: Days,
  /** Days before the end of term from which an agreement is reported as expiring. */
  expiringWithinDays: Count,
  /**
   * R51 CONF (local): months within which a coordination council (联席会议, 协调委员会) holds its next joint
   * meeting ("定期开展活动" gives no figure); 0 = not checked.
   */
  councilMeetingEveryMonths: Months
}).annotate({ identifier: "PairingPolicy" })

/**
 * @category models
 * @since 0.1.0
 */
export type PairingPolicy = typeof PairingPolicy.Type

/**
 * Defaults: term required, quarterly reports (tagged local: m.yrrf.cn template), idle after 90 days,
 * expiring within 30 days, council meetings not checked (no sourced figure).
 *
 * @category presets
 * @since 0.1.0
 */
export const defaultPairingPolicy: PairingPolicy = {
  requireTerm: true,
  reportEveryMonths: 3,
  idleAfterDays: 90,
  expiringWithinDays: 30,
  councilMeetingEveryMonths: 0
}
