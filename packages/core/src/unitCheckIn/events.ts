/**
 * The events of a unit Party organization's community check-in stream (`unitcheckin-<unitOrgId>`).
 *
 * These tags and fields are the stored format: they are versioned with upcasters and never renamed or
 * reshaped in place. Ids are opaque. A unit check-in creates no affiliation and changes no count (R47): no
 * unit check-in event is ever appended to an organization stream.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import * as EventDefinition from "../kernel/EventDefinition.ts"
import { LegalDate } from "../LegalDate.ts"
// The community's rating scale of a check-in is the member check-in's (双报到 evaluates members and units alike).
import { FeedbackRating } from "../member/model.ts"

/**
 * A unit's Party organization checked in at the community where the unit sits (双报到, R47). It creates no
 * affiliation and changes no count.
 *
 * @category events
 * @since 0.1.0
 */
export const UnitCheckedIn = Schema.TaggedStruct("UnitCheckedIn", {
  unitOrgId: Schema.String,
  communityOrgId: Schema.String,
  at: LegalDate
})

/**
 * The community recorded a joint activity with the checked-in unit organization (R47).
 *
 * @category events
 * @since 0.1.0
 */
export const UnitActivityRecorded = Schema.TaggedStruct("UnitActivityRecorded", {
  unitOrgId: Schema.String,
  communityOrgId: Schema.String,
  activityKind: Schema.String,
  at: LegalDate
})

/**
 * The community evaluated the unit organization's part and fed it back (R47, at least once a year).
 *
 * @category events
 * @since 0.1.0
 */
export const UnitFeedbackRecorded = Schema.TaggedStruct("UnitFeedbackRecorded", {
  unitOrgId: Schema.String,
  communityOrgId: Schema.String,
  rating: FeedbackRating,
  at: LegalDate
})

/**
 * The unit organization checked out of the community (R47).
 *
 * @category events
 * @since 0.1.0
 */
export const UnitCheckedOut = Schema.TaggedStruct("UnitCheckedOut", {
  unitOrgId: Schema.String,
  communityOrgId: Schema.String,
  at: LegalDate
})

/**
 * Every event definition of the unit check-in stream.
 *
 * @category events
 * @since 0.1.0
 */
export const unitCheckInEvents = [
  EventDefinition.define("UnitCheckedIn", UnitCheckedIn),
  EventDefinition.define("UnitActivityRecorded", UnitActivityRecorded),
  EventDefinition.define("UnitFeedbackRecorded", UnitFeedbackRecorded),
  EventDefinition.define("UnitCheckedOut", UnitCheckedOut)
] as const

/**
 * Every event of the unit check-in stream.
 *
 * @category events
 * @since 0.1.0
 */
export const UnitCheckInEvent = Schema.Union([
  UnitCheckedIn,
  UnitActivityRecorded,
  UnitFeedbackRecorded,
  UnitCheckedOut
]).annotate({ identifier: "UnitCheckInEvent" })

/**
 * @category events
 * @since 0.1.0
 */
export type UnitCheckInEvent = typeof UnitCheckInEvent.Type
