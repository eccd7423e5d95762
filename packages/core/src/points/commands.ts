/**
 * The commands of the points aggregate (R52, R53). Every command names the organization (its stream,
 * `points-<orgId>`), carries its legal date `at` and may carry an `actor` (an opaque id). Every command reads
 * the organization's stream (active, its party groups); recording points and taking a post also read the
 * member's stream (a member of the organization, probationary or not). None writes to either (R52 HARD).
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { LegalDate } from "../LegalDate.ts"
import { actor } from "../units.ts"
import { DutyPostKind, Period, PointsScheme, RevocationReason } from "./model.ts"

/**
 * Defines (or redefines from its date) the organization's points scheme (R52 CONF: the scheme is data).
 *
 * @category commands
 * @since 0.3.0
 */
export const DefinePointsScheme = Schema.TaggedStruct("DefinePointsScheme", {
  orgId: Schema.String,
  scheme: PointsScheme,
  at: LegalDate,
  actor
})

/**
 * Records points for a member of the organization under an item of the scheme, in the period of `at` (not yet
 * published).
 *
 * @category commands
 * @since 0.3.0
 */
export const RecordPoints = Schema.TaggedStruct("RecordPoints", {
  orgId: Schema.String,
  entryId: Schema.String,
  memberId: Schema.String,
  itemId: Schema.String,
  at: LegalDate,
  actor
})

/**
 * Revokes an entry of a period not yet published.
 *
 * @category commands
 * @since 0.3.0
 */
export const RevokePointsEntry = Schema.TaggedStruct("RevokePointsEntry", {
  orgId: Schema.String,
  entryId: Schema.String,
  reason: RevocationReason,
  at: LegalDate,
  actor
})

/**
 * Publishes a period's results (公示, R52) on or after its last day.
 *
 * @category commands
 * @since 0.3.0
 */
export const PublishPointsPeriod = Schema.TaggedStruct("PublishPointsPeriod", {
  orgId: Schema.String,
  period: Period,
  at: LegalDate,
  actor
})

/**
 * Sets up a duty post (设岗定责, R53) with its responsibility area, in a party group of the organization.
 *
 * @category commands
 * @since 0.3.0
 */
export const EstablishDutyPost = Schema.TaggedStruct("EstablishDutyPost", {
  orgId: Schema.String,
  postId: Schema.String,
  kind: DutyPostKind,
  groupId: Schema.optionalKey(Schema.String),
  areaId: Schema.String,
  at: LegalDate,
  actor
})

/**
 * A member of the organization takes a duty post (上岗履职, R53).
 *
 * @category commands
 * @since 0.3.0
 */
export const AssignDutyPost = Schema.TaggedStruct("AssignDutyPost", {
  orgId: Schema.String,
  postId: Schema.String,
  memberId: Schema.String,
  at: LegalDate,
  actor
})

/**
 * A member leaves a duty post.
 *
 * @category commands
 * @since 0.3.0
 */
export const ReleaseDutyPost = Schema.TaggedStruct("ReleaseDutyPost", {
  orgId: Schema.String,
  postId: Schema.String,
  memberId: Schema.String,
  at: LegalDate,
  actor
})

/**
 * Abolishes a duty post.
 *
 * @category commands
 * @since 0.3.0
 */
export const AbolishDutyPost = Schema.TaggedStruct("AbolishDutyPost", {
  orgId: Schema.String,
  postId: Schema.String,
  at: LegalDate,
  actor
})

/**
 * Every points command.
 *
 * @category commands
 * @since 0.3.0
 */
export const PointsCommand = Schema.Union([
  DefinePointsScheme,
  RecordPoints,
  RevokePointsEntry,
  PublishPointsPeriod,
  EstablishDutyPost,
  AssignDutyPost,
  ReleaseDutyPost,
  AbolishDutyPost
]).annotate({ identifier: "PointsCommand" })

/**
 * @category commands
 * @since 0.3.0
 */
export type PointsCommand = typeof PointsCommand.Type
