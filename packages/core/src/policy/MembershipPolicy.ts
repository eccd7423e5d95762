/**
 * The membership part of the governance policy: probation, lapse and suspension, transfers, mobile members
 * and community check-ins (RULES.md R37–R47). Figures RULES.md marks as secondary or local are policy, with
 * the national or best-sourced default. It is part of the policy (`GovernancePolicy.membership`), so it lives
 * in `policy/` and imports no aggregate; the `Member` namespace re-exports it.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Days, Months } from "../units.ts"

/**
 * @category models
 * @since 0.1.0
 */
export const MembershipPolicy = Schema.Struct({
  /** R37: probation length in months (DZ Art. 7: one year). */
  probationMonths: Months,
  /** R37: an extension lasts at least this many months (发展党员工作细则: half a year). */
  probationExtensionMinMonths: Months,
  /** R37: and at most this many (DZ Art. 7: one year). */
  probationExtensionMaxMonths: Months,
  /** R39: months without org life, dues or work after which the lapse finding fires (DZ Art. 9). */
  lapseMonths: Months,
  /** R39: early warning (local practice: 3 months); 0 turns it off. */
  lapseEarlyWarningMonths: Months,
  /** R40: months of lost contact after which suspension is due. */
  lostContactSuspendMonths: Months,
  /** R40: years after suspension after which removal is due. */
  suspendedRemoveAfterYears: Months,
  /** R41: months away at a fixed place after which a transfer is due. */
  transferDueAfterMonths: Months,
  /** R44: an absence of up to this many months needs no credential (local practice: 3). */
  credentialFreeMonths: Months,
  /** R43 / C10: validity of a transfer letter in days (default 90, the maximum). */
  transferLetterValidityDays: Days,
  /** R45: a rural branch must name a contact person for each mobile member. */
  requireMobileContactPerson: Schema.Boolean,
  /** R45: months without recorded contact with a mobile member before a finding (abroad: half a year). */
  mobileContactIntervalMonths: Months,
  /** R46 / C11: where a resettled member's affiliation is expected to be. */
  affiliationDefaultForResettled: Schema.Literals(["origin", "residence"]),
  /** R47: the community's feedback to the affiliation organization is due this many months after check-in. */
  checkInFeedbackEveryMonths: Months,
  /** R47 (local, e.g. 绥棱 2007: 4): minimum community activities a year; absent = no minimum. */
  minCommunityActivitiesPerYear: Schema.optionalKey(Months),
  /** R47 (local, e.g. 佛山): a failed check-in caps the year-end appraisal. */
  failedCheckInCapsAppraisal: Schema.Boolean
}).annotate({ identifier: "MembershipPolicy" })

/**
 * @category models
 * @since 0.1.0
 */
export type MembershipPolicy = typeof MembershipPolicy.Type

/**
 * The national defaults (RULES.md R37–R47).
 *
 * @category presets
 * @since 0.1.0
 */
export const nationalMembershipPolicy: MembershipPolicy = {
  probationMonths: 12,
  probationExtensionMinMonths: 6,
  probationExtensionMaxMonths: 12,
  lapseMonths: 6,
  lapseEarlyWarningMonths: 3,
  lostContactSuspendMonths: 6,
  suspendedRemoveAfterYears: 2,
  transferDueAfterMonths: 6,
  credentialFreeMonths: 3,
  transferLetterValidityDays: 90,
  requireMobileContactPerson: true,
  mobileContactIntervalMonths: 6,
  affiliationDefaultForResettled: "origin",
  checkInFeedbackEveryMonths: 12,
  failedCheckInCapsAppraisal: false
}

/**
 * The credential an absence calls for (R44): `none` (short absence), `certificateOrMobileCard`,
 * `mobileCard` (place or time uncertain) or `transferLetter` (away at a fixed place long enough that the
 * affiliation is to be transferred, R41).
 *
 * @category models
 * @since 0.1.0
 */
export type RequiredCredential = "none" | "certificateOrMobileCard" | "mobileCard" | "transferLetter"

/**
 * R44 CONF: the credential for an absence of `months` whole months: none up to `credentialFreeMonths`; a
 * transfer letter from `transferDueAfterMonths` at a fixed place ("6个月以上" is inclusive, R41, §3.1); a
 * mobile-member card when the place is uncertain; otherwise a certificate or a card.
 *
 * @example
 * ```ts
 * import { Member, GovernancePolicy } from "@dangjian/core"
 *
 * const policy = GovernancePolicy.national.membership
 * Member.credentialFor(policy, 3, true) // => "none"
 * Member.credentialFor(policy, 5, true) // => "certificateOrMobileCard"
 * Member.credentialFor(policy, 6, true) // => "transferLetter"
 * Member.credentialFor(policy, 6, false) // => "mobileCard"
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const credentialFor = (policy: MembershipPolicy, months: number, fixedPlace: boolean): RequiredCredential => {
  if (months <= policy.credentialFreeMonths) return "none"
  if (!fixedPlace) return "mobileCard"
  return months >= policy.transferDueAfterMonths ? "transferLetter" : "certificateOrMobileCard"
}
