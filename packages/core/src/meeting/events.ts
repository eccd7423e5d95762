/**
 * The events of the meeting stream (`meeting-<meetingId>`).
 *
 * These tags and fields are the stored format: they are versioned with upcasters and never renamed or
 * reshaped in place. Ids are opaque; topics, decisions and reasons are record text; no event carries a
 * member's personal data (an absence's reason is a category, never a diagnosis).
 *
 * Every event's `at` is the legal date of the act it records: the day a plan, a new date or a cancellation
 * was entered, the day a held meeting was recorded (`heldOn` is the day it was held, R59, R60), the day a
 * record was corrected. A record is never edited in place: a correction is an event of its own (R60).
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import * as EventDefinition from "../kernel/EventDefinition.ts"
import { LegalDate } from "../LegalDate.ts"
import { Positive } from "../units.ts"
import { Body, MeetingKind, MeetingRecord, RecordSource } from "./model.ts"

/**
 * A meeting was planned for `plannedOn` (R59: 计划召开时间), for an organization, or for one of its Party
 * groups.
 *
 * @category events
 * @since 0.3.0
 */
export const MeetingPlanned = Schema.TaggedStruct("MeetingPlanned", {
  meetingId: Schema.String,
  orgId: Schema.String,
  kind: MeetingKind,
  groupId: Schema.optionalKey(Schema.String),
  body: Body,
  plannedOn: LegalDate,
  ordinal: Schema.optionalKey(Positive),
  at: LegalDate
})

/**
 * A planned meeting got a new date (R59); the earlier dates stay in the stream, never edited.
 *
 * @category events
 * @since 0.3.0
 */
export const MeetingRescheduled = Schema.TaggedStruct("MeetingRescheduled", {
  meetingId: Schema.String,
  plannedOn: LegalDate,
  previousPlannedOn: LegalDate,
  at: LegalDate
})

/**
 * A planned meeting was called off.
 *
 * @category events
 * @since 0.3.0
 */
export const MeetingCancelled = Schema.TaggedStruct("MeetingCancelled", {
  meetingId: Schema.String,
  reason: Schema.optionalKey(Schema.String),
  at: LegalDate
})

/**
 * A meeting was held on `heldOn` and recorded on `at` (R58): the record, `lateRecorded` when it was entered after
 * the day it was held (补录, R60), with the reason when one was given, and how it entered the store.
 *
 * @category events
 * @since 0.3.0
 */
export const MeetingHeld = Schema.TaggedStruct("MeetingHeld", {
  meetingId: Schema.String,
  orgId: Schema.String,
  kind: MeetingKind,
  groupId: Schema.optionalKey(Schema.String),
  body: Body,
  ...MeetingRecord.fields,
  lateRecorded: Schema.Boolean,
  lateReason: Schema.optionalKey(Schema.String),
  source: RecordSource,
  at: LegalDate
})

/**
 * A held meeting's record was corrected (R60: a correction is not a back-fill): the whole corrected record, with
 * the reason for the correction.
 *
 * @category events
 * @since 0.3.0
 */
export const MeetingRecordCorrected = Schema.TaggedStruct("MeetingRecordCorrected", {
  meetingId: Schema.String,
  ...MeetingRecord.fields,
  reason: Schema.String,
  at: LegalDate
})

/**
 * The event definitions of the meeting stream, for the codec.
 *
 * @category events
 * @since 0.3.0
 */
export const meetingEvents = [
  EventDefinition.define("MeetingPlanned", MeetingPlanned),
  EventDefinition.define("MeetingRescheduled", MeetingRescheduled),
  EventDefinition.define("MeetingCancelled", MeetingCancelled),
  EventDefinition.define("MeetingHeld", MeetingHeld),
  EventDefinition.define("MeetingRecordCorrected", MeetingRecordCorrected)
] as const

/**
 * Every event of the meeting stream.
 *
 * @category events
 * @since 0.3.0
 */
export const MeetingEvent = Schema.Union([
  MeetingPlanned,
  MeetingRescheduled,
  MeetingCancelled,
  MeetingHeld,
  MeetingRecordCorrected
]).annotate({ identifier: "MeetingEvent" })

/**
 * @category events
 * @since 0.3.0
 */
export type MeetingEvent = typeof MeetingEvent.Type
