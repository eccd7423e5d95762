/**
 * The commands of a unit Party organization's community check-in (双报到, R47). Every command carries its
 * legal date `at` and may carry an `actor` (an opaque id); each is decided on the unit's check-in stream alone.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { LegalDate } from "../LegalDate.ts"
import { FeedbackRating } from "../member/model.ts"
import { actor } from "../units.ts"

/**
 * Checks a unit's Party organization in at a community (R47).
 *
 * @category commands
 * @since 0.1.0
 */
export const CheckInUnit = Schema.TaggedStruct("CheckInUnit", {
  unitOrgId: Schema.String,
  communityOrgId: Schema.String,
  at: LegalDate,
  actor
})

/**
 * Records a joint activity of a checked-in unit organization (R47).
 *
 * @category commands
 * @since 0.1.0
 */
export const RecordUnitActivity = Schema.TaggedStruct("RecordUnitActivity", {
  unitOrgId: Schema.String,
  activityKind: Schema.String,
  at: LegalDate,
  actor
})

/**
 * Records the community's yearly evaluation of a checked-in unit organization (R47).
 *
 * @category commands
 * @since 0.1.0
 */
export const RecordUnitFeedback = Schema.TaggedStruct("RecordUnitFeedback", {
  unitOrgId: Schema.String,
  rating: FeedbackRating,
  at: LegalDate,
  actor
})

/**
 * Checks a unit organization out of the community (R47).
 *
 * @category commands
 * @since 0.1.0
 */
export const CheckOutUnit = Schema.TaggedStruct("CheckOutUnit", {
  unitOrgId: Schema.String,
  at: LegalDate,
  actor
})

/**
 * Every command of the unit check-in stream.
 *
 * @category commands
 * @since 0.1.0
 */
export const UnitCheckInCommand = Schema.Union([CheckInUnit, RecordUnitActivity, RecordUnitFeedback, CheckOutUnit])
  .annotate({ identifier: "UnitCheckInCommand" })

/**
 * @category commands
 * @since 0.1.0
 */
export type UnitCheckInCommand = typeof UnitCheckInCommand.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type CheckInUnit = typeof CheckInUnit.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type RecordUnitActivity = typeof RecordUnitActivity.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type RecordUnitFeedback = typeof RecordUnitFeedback.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type CheckOutUnit = typeof CheckOutUnit.Type
