/**
 * The value objects of the member aggregate: member statuses, general-meeting votes, credentials for
 * absences, transfer-rejection reasons, kinds of participation, the community check-in record, and a transfer
 * letter as another store receives it (R37–R47). Every id is opaque; no value here holds a member's name, ID
 * number, phone or address.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { addMonths, LegalDate } from "../LegalDate.ts"
import { JoiningStatus } from "../organization/model.ts"
import { Count } from "../units.ts"

/**
 * A member's standing: `none` before the first event, `probationary` 预备, `full` 正式, `suspended` 停止党籍
 * (R40, counted nowhere), `removed` 除名 (R39, R40), `cancelled` 取消预备党员资格 (R37), and `transferredOut`
 * (R38, R42: received by an organization recorded in another store, so counted nowhere here). `removed` and
 * `cancelled` are final; a member `transferredOut` comes back only with a letter from the other store.
 *
 * @category models
 * @since 0.1.0
 */
export type MemberStatus = "none" | "probationary" | "full" | "suspended" | "removed" | "cancelled" | "transferredOut"

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
 * A transfer letter as an organization recorded in another store receives it (R42, R43): one province's
 * records are one store (one shard, docs/guide/national-deployment.md), and a letter to another province
 * carries what the receiving store needs to go on deciding on the member: the origin and destination, the
 * letter's dates, and the member's standing as the origin's record holds it at the receipt (full or
 * probationary, the probation's end and whether it was extended once, R37; when the member joined and was
 * converted; the last organizational life, dues and work, R39). Ids and dates only, never personal data.
 *
 * @category models
 * @since 0.3.0
 */
export const TransferLetter = Schema.Struct({
  fromOrgId: Schema.String,
  toOrgId: Schema.String,
  issuedAt: LegalDate,
  validUntil: LegalDate,
  status: JoiningStatus,
  joinedAt: LegalDate,
  probationEndsAt: Schema.optionalKey(LegalDate),
  extended: Schema.Boolean,
  convertedAt: Schema.optionalKey(LegalDate),
  lastParticipation: Schema.Struct({
    orgLife: Schema.optionalKey(LegalDate),
    dues: Schema.optionalKey(LegalDate),
    work: Schema.optionalKey(LegalDate)
  })
}).annotate({ identifier: "TransferLetter" })

/**
 * @category models
 * @since 0.3.0
 */
export type TransferLetter = typeof TransferLetter.Type

/**
 * R37: the end of a probation of `months` begun on `at` (2024-03-15 + 12 months = 2025-03-15).
 *
 * @category getters
 * @since 0.1.0
 */
export const probationEnd = (at: LegalDate, months: number): LegalDate => addMonths(at, months)
