/**
 * The value objects of the member aggregate: member statuses, general-meeting votes, credentials for
 * absences, transfer-rejection reasons, kinds of participation, and the community check-in record (R37–R47).
 * Every id is opaque; no value here holds a member's name, ID number, phone or address.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { addMonths, LegalDate } from "../LegalDate.ts"
import { Count } from "../units.ts"

/**
 * A member's standing: `none` before the first event, `probationary` 预备, `full` 正式, `suspended` 停止党籍
 * (R40, counted nowhere), `removed` 除名 (R39, R40) and `cancelled` 取消预备党员资格 (R37). The last two are
 * final.
 *
 * @category models
 * @since 0.1.0
 */
export type MemberStatus = "none" | "probationary" | "full" | "suspended" | "removed" | "cancelled"

/**
 * The vote of a branch general meeting on a member (R25, R37): those entitled to vote (full members only,
 * R20), those present and the yes-votes, with the meeting's date.
 *
 * @category models
 * @since 0.1.0
 */
export const MeetingVote = Schema.Struct({
  entitled: Count,
  present: Count,
  yes: Count,
  at: LegalDate
}).annotate({ identifier: "MeetingVote" })

/**
 * @category models
 * @since 0.1.0
 */
export type MeetingVote = typeof MeetingVote.Type

/**
 * What a member carries while away (R44): `certificate` 党员证明信, `mobileCard` 流动党员活动证.
 *
 * @category models
 * @since 0.1.0
 */
export const MobileCredential = Schema.Literals(["certificate", "mobileCard"])

/**
 * @category models
 * @since 0.1.0
 */
export type MobileCredential = typeof MobileCredential.Type

/**
 * R42 HARD: why a receiving organization refused a transfer. "Refusing without cause is prohibited", so a
 * rejection always names one of these.
 *
 * @category models
 * @since 0.1.0
 */
export const TransferRejectionReason = Schema.Literals([
  "lettersInvalid",
  "fileIncomplete",
  "wrongDestination",
  "notEligible",
  "other"
])

/**
 * @category models
 * @since 0.1.0
 */
export type TransferRejectionReason = typeof TransferRejectionReason.Type

/**
 * What a member did for the Party at the affiliation organization (R39): took part in organizational life,
 * paid dues, or did assigned work.
 *
 * @category models
 * @since 0.1.0
 */
export const ParticipationKind = Schema.Literals(["orgLife", "dues", "work"])

/**
 * @category models
 * @since 0.1.0
 */
export type ParticipationKind = typeof ParticipationKind.Type

/**
 * What a mobile member does at the host organization (R45): organizational life, the annual appraisal,
 * training or service. Never a vote.
 *
 * @category models
 * @since 0.1.0
 */
export const HostActivityKind = Schema.Literals(["orgLife", "appraisal", "training", "service"])

/**
 * @category models
 * @since 0.1.0
 */
export type HostActivityKind = typeof HostActivityKind.Type

/**
 * A right only the affiliation organization's full members exercise (R20): voting on a motion (表决),
 * electing (选举) or standing for election (被选举).
 *
 * @category models
 * @since 0.1.0
 */
export const VoteKind = Schema.Literals(["vote", "election", "candidacy"])

/**
 * @category models
 * @since 0.1.0
 */
export type VoteKind = typeof VoteKind.Type

/**
 * Why a member was removed from the rolls: self-lapse (R39) or no contact two years after suspension (R40).
 *
 * @category models
 * @since 0.1.0
 */
export const RemovalReason = Schema.Literals(["selfLapsed", "lostContact"])

/**
 * @category models
 * @since 0.1.0
 */
export type RemovalReason = typeof RemovalReason.Type

/**
 * The community's feedback on a checked-in member (R47), used in the affiliation organization's appraisal.
 *
 * @category models
 * @since 0.1.0
 */
export const FeedbackRating = Schema.Literals(["excellent", "good", "fair", "poor"])

/**
 * @category models
 * @since 0.1.0
 */
export type FeedbackRating = typeof FeedbackRating.Type

/**
 * The registration record of a community check-in (R47, from local registration cards), without personal
 * data: the residence is an opaque reference (a building or household id the community keeps), skills and
 * service willingness are codes, and the assigned post and grid are ids. Name and contact details stay in
 * the community's own registry, never in an event.
 *
 * @category models
 * @since 0.1.0
 */
export const CheckInRecord = Schema.Struct({
  residenceRef: Schema.String,
  skills: Schema.Array(Schema.String),
  serviceWillingness: Schema.Array(Schema.String),
  assignedPostId: Schema.optionalKey(Schema.String),
  gridId: Schema.optionalKey(Schema.String)
}).annotate({ identifier: "CheckInRecord" })

/**
 * @category models
 * @since 0.1.0
 */
export type CheckInRecord = typeof CheckInRecord.Type

/**
 * R37: the end of a probation of `months` begun on `at` (2024-03-15 + 12 months = 2025-03-15).
 *
 * @category getters
 * @since 0.1.0
 */
export const probationEnd = (at: LegalDate, months: number): LegalDate => addMonths(at, months)
