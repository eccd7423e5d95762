/**
 * The commands of the meeting aggregate. Every command carries its legal date `at`, the day the act is entered
 * (the day a meeting is planned, moved, called off, recorded or corrected), and may carry an `actor` (an opaque
 * id). A held meeting's own date is `heldOn` (R59): a record whose `at` is later than its `heldOn` is a record
 * entered after the fact (补录, R60).
 *
 * Planning, recording and correcting read the organization's stream (it must exist and not be dissolved; the
 * chair's role, R36, and the roster, R58, are checked against it); rescheduling and cancelling are decided on
 * the meeting stream alone.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { LegalDate } from "../LegalDate.ts"
import { actor, Ids, Positive } from "../units.ts"
import { Absence, Body, MeetingKind, RecordSource, Voting } from "./model.ts"

/**
 * Plans a meeting for `plannedOn` (R59), on or after the day the plan is entered. A group meeting names its
 * Party group; an org-life or appraisal meeting may name the body it is held as (R33).
 *
 * @category commands
 * @since 0.3.0
 */
export const PlanMeeting = Schema.TaggedStruct("PlanMeeting", {
  meetingId: Schema.String,
  orgId: Schema.String,
  kind: MeetingKind,
  groupId: Schema.optionalKey(Schema.String),
  body: Schema.optionalKey(Body),
  plannedOn: LegalDate,
  ordinal: Schema.optionalKey(Positive),
  at: LegalDate,
  actor
})

/**
 * Moves a planned meeting to a new date (R59: the earlier date is kept, never edited).
 *
 * @category commands
 * @since 0.3.0
 */
export const RescheduleMeeting = Schema.TaggedStruct("RescheduleMeeting", {
  meetingId: Schema.String,
  plannedOn: LegalDate,
  at: LegalDate,
  actor
})

/**
 * Calls off a planned meeting.
 *
 * @category commands
 * @since 0.3.0
 */
export const CancelMeeting = Schema.TaggedStruct("CancelMeeting", {
  meetingId: Schema.String,
  reason: Schema.optionalKey(Schema.String),
  at: LegalDate,
  actor
})

// The parts of a meeting record a clerk enters (R58); the chair's role and the roster comparison are the
// library's, worked out when the record is decided.
const recordInput = {
  alsoCounts: Schema.optionalKey(Schema.Array(MeetingKind)),
  heldOn: LegalDate,
  place: Schema.optionalKey(Schema.String),
  ordinal: Schema.optionalKey(Positive),
  /** R36, R58: the chair (required for every kind but a heart-to-heart talk); in `present`. */
  chairId: Schema.optionalKey(Schema.String),
  /** R36: the secretary delegated the chair to a deputy or a committee member (ZB Art. 14). */
  delegated: Schema.optionalKey(Schema.Boolean),
  /** R58: the recorder (记录人, required for every kind but a heart-to-heart talk). */
  recorderId: Schema.optionalKey(Schema.String),
  lecturerId: Schema.optionalKey(Schema.String),
  entitled: Ids,
  present: Ids,
  absent: Schema.Array(Absence),
  guestMembers: Schema.optionalKey(Ids),
  invitees: Schema.optionalKey(Ids),
  topics: Schema.optionalKey(Schema.Array(Schema.String)),
  decisions: Schema.optionalKey(Schema.Array(Schema.String)),
  voting: Schema.optionalKey(Voting)
}

/**
 * Records a held meeting (R58): when it was held, who chaired (R36) and recorded, who was entitled, present and
 * absent (with leave reasons), members of other organizations taking part (R45) and invitees (列席), topics,
 * decisions and votes. A meeting planned under the same id keeps its organization, kind and group. Entered after
 * the day it was held, it is a late record (R60): the policy may ask a reason, or forbid it unless it was
 * planned in time; a bulk import of history says `source: "import"`.
 *
 * @category commands
 * @since 0.3.0
 */
export const RecordMeeting = Schema.TaggedStruct("RecordMeeting", {
  meetingId: Schema.String,
  orgId: Schema.String,
  kind: MeetingKind,
  groupId: Schema.optionalKey(Schema.String),
  body: Schema.optionalKey(Body),
  ...recordInput,
  lateReason: Schema.optionalKey(Schema.String),
  source: Schema.optionalKey(RecordSource),
  at: LegalDate,
  actor
})

/**
 * Records a heart-to-heart talk (谈心谈话, R34) between at least two people of an organization, held on `heldOn`.
 *
 * @category commands
 * @since 0.3.0
 */
export const RecordHeartToHeartTalk = Schema.TaggedStruct("RecordHeartToHeartTalk", {
  meetingId: Schema.String,
  orgId: Schema.String,
  participantIds: Ids,
  heldOn: LegalDate,
  place: Schema.optionalKey(Schema.String),
  topics: Schema.optionalKey(Schema.Array(Schema.String)),
  at: LegalDate,
  actor
})

/**
 * Corrects a held meeting's record (R60: a correction, with its reason, never an edit in place): the whole
 * corrected record, checked as a new one would be (R36, R58). The organization, kind, group and body stay.
 *
 * @category commands
 * @since 0.3.0
 */
export const CorrectMeetingRecord = Schema.TaggedStruct("CorrectMeetingRecord", {
  meetingId: Schema.String,
  ...recordInput,
  reason: Schema.String,
  at: LegalDate,
  actor
})

/**
 * Every meeting command.
 *
 * @category commands
 * @since 0.3.0
 */
export const MeetingCommand = Schema.Union([
  PlanMeeting,
  RescheduleMeeting,
  CancelMeeting,
  RecordMeeting,
  RecordHeartToHeartTalk,
  CorrectMeetingRecord
]).annotate({ identifier: "MeetingCommand" })

/**
 * @category commands
 * @since 0.3.0
 */
export type MeetingCommand = typeof MeetingCommand.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type PlanMeeting = typeof PlanMeeting.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type RescheduleMeeting = typeof RescheduleMeeting.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type CancelMeeting = typeof CancelMeeting.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type RecordMeeting = typeof RecordMeeting.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type RecordHeartToHeartTalk = typeof RecordHeartToHeartTalk.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type CorrectMeetingRecord = typeof CorrectMeetingRecord.Type
