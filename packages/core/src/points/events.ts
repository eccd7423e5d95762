/**
 * The events of the points stream (`points-<orgId>`).
 *
 * These tags and fields are the stored format: they are versioned with upcasters and never renamed or
 * reshaped in place. Ids are opaque; no event carries a member's personal data.
 *
 * R52 HARD: no points event is ever appended to a member stream, so no points result changes a member's
 * status; low scores raise notices only (C14).
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import * as EventDefinition from "../kernel/EventDefinition.ts"
import { LegalDate } from "../LegalDate.ts"
import { DutyPostKind, Period, PointsScheme, RevocationReason } from "./model.ts"

/**
 * The organization defined (or redefined, from this date) its points scheme (R52).
 *
 * @category events
 * @since 0.3.0
 */
export const PointsSchemeDefined = Schema.TaggedStruct("PointsSchemeDefined", {
  orgId: Schema.String,
  scheme: PointsScheme,
  at: LegalDate
})

/**
 * Points were recorded for a member under an item of the scheme, in the period of the date, with the signed
 * score of the item then and whether the member was probationary.
 *
 * @category events
 * @since 0.3.0
 */
export const PointsRecorded = Schema.TaggedStruct("PointsRecorded", {
  orgId: Schema.String,
  entryId: Schema.String,
  memberId: Schema.String,
  itemId: Schema.String,
  points: Schema.Int,
  period: Period,
  probationary: Schema.Boolean,
  at: LegalDate
})

/**
 * An entry was revoked before its period was published.
 *
 * @category events
 * @since 0.3.0
 */
export const PointsEntryRevoked = Schema.TaggedStruct("PointsEntryRevoked", {
  orgId: Schema.String,
  entryId: Schema.String,
  reason: RevocationReason,
  at: LegalDate
})

/**
 * A period's results were published (公示, R52); its entries are final.
 *
 * @category events
 * @since 0.3.0
 */
export const PointsPeriodPublished = Schema.TaggedStruct("PointsPeriodPublished", {
  orgId: Schema.String,
  period: Period,
  at: LegalDate
})

/**
 * A duty post was set up (设岗定责, R53), in a party group's responsibility area.
 *
 * @category events
 * @since 0.3.0
 */
export const DutyPostEstablished = Schema.TaggedStruct("DutyPostEstablished", {
  orgId: Schema.String,
  postId: Schema.String,
  kind: DutyPostKind,
  groupId: Schema.optionalKey(Schema.String),
  areaId: Schema.String,
  at: LegalDate
})

/**
 * A member took a duty post (上岗, R53).
 *
 * @category events
 * @since 0.3.0
 */
export const DutyPostAssigned = Schema.TaggedStruct("DutyPostAssigned", {
  orgId: Schema.String,
  postId: Schema.String,
  memberId: Schema.String,
  at: LegalDate
})

/**
 * A member left a duty post.
 *
 * @category events
 * @since 0.3.0
 */
export const DutyPostReleased = Schema.TaggedStruct("DutyPostReleased", {
  orgId: Schema.String,
  postId: Schema.String,
  memberId: Schema.String,
  at: LegalDate
})

/**
 * A duty post was abolished; its holders leave it.
 *
 * @category events
 * @since 0.3.0
 */
export const DutyPostAbolished = Schema.TaggedStruct("DutyPostAbolished", {
  orgId: Schema.String,
  postId: Schema.String,
  at: LegalDate
})

/**
 * The event definitions of the points stream, for the codec.
 *
 * @category events
 * @since 0.3.0
 */
export const pointsEvents = [
  EventDefinition.define("PointsSchemeDefined", PointsSchemeDefined),
  EventDefinition.define("PointsRecorded", PointsRecorded),
  EventDefinition.define("PointsEntryRevoked", PointsEntryRevoked),
  EventDefinition.define("PointsPeriodPublished", PointsPeriodPublished),
  EventDefinition.define("DutyPostEstablished", DutyPostEstablished),
  EventDefinition.define("DutyPostAssigned", DutyPostAssigned),
  EventDefinition.define("DutyPostReleased", DutyPostReleased),
  EventDefinition.define("DutyPostAbolished", DutyPostAbolished)
] as const

/**
 * Every event of the points stream.
 *
 * @category events
 * @since 0.3.0
 */
export const PointsEvent = Schema.Union([
  PointsSchemeDefined,
  PointsRecorded,
  PointsEntryRevoked,
  PointsPeriodPublished,
  DutyPostEstablished,
  DutyPostAssigned,
  DutyPostReleased,
  DutyPostAbolished
]).annotate({ identifier: "PointsEvent" })

/**
 * @category events
 * @since 0.3.0
 */
export type PointsEvent = typeof PointsEvent.Type
