/**
 * The events of the council stream (`council-<councilId>`).
 *
 * These tags and fields are the stored format: they are versioned with upcasters and never renamed or
 * reshaped in place. Ids are opaque; no event carries a member's personal data.
 *
 * A council, like a pairing agreement, creates no organization and no affiliation (R48): no council event is
 * ever appended to an organization stream.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import * as EventDefinition from "../kernel/EventDefinition.ts"
import { LegalDate } from "../LegalDate.ts"
import { Ids } from "../units.ts"
import { CouncilKind } from "./model.ts"

/**
 * A council was formed by its convener with its member organizations (the convener among them).
 *
 * @category events
 * @since 0.1.0
 */
export const CouncilFormed = Schema.TaggedStruct("CouncilFormed", {
  councilId: Schema.String,
  kind: CouncilKind,
  convenerOrgId: Schema.String,
  memberOrgIds: Ids,
  at: LegalDate
})

/**
 * A member organization joined the council.
 *
 * @category events
 * @since 0.1.0
 */
export const CouncilMemberAdded = Schema.TaggedStruct("CouncilMemberAdded", {
  councilId: Schema.String,
  orgId: Schema.String,
  at: LegalDate
})

/**
 * A member organization left the council.
 *
 * @category events
 * @since 0.1.0
 */
export const CouncilMemberRemoved = Schema.TaggedStruct("CouncilMemberRemoved", {
  councilId: Schema.String,
  orgId: Schema.String,
  at: LegalDate
})

/**
 * A joint meeting (联席会) was held with the member organizations that attended.
 *
 * @category events
 * @since 0.1.0
 */
export const JointMeetingHeld = Schema.TaggedStruct("JointMeetingHeld", {
  councilId: Schema.String,
  meetingId: Schema.String,
  attendingOrgIds: Ids,
  at: LegalDate
})

/**
 * The council was dissolved.
 *
 * @category events
 * @since 0.1.0
 */
export const CouncilDissolved = Schema.TaggedStruct("CouncilDissolved", {
  councilId: Schema.String,
  at: LegalDate
})

/**
 * The event definitions of the council stream, for the codec.
 *
 * @category events
 * @since 0.1.0
 */
export const councilEvents = [
  EventDefinition.define("CouncilFormed", CouncilFormed),
  EventDefinition.define("CouncilMemberAdded", CouncilMemberAdded),
  EventDefinition.define("CouncilMemberRemoved", CouncilMemberRemoved),
  EventDefinition.define("JointMeetingHeld", JointMeetingHeld),
  EventDefinition.define("CouncilDissolved", CouncilDissolved)
] as const

/**
 * Every event of the council stream.
 *
 * @category events
 * @since 0.1.0
 */
export const CouncilEvent = Schema.Union([
  CouncilFormed,
  CouncilMemberAdded,
  CouncilMemberRemoved,
  JointMeetingHeld,
  CouncilDissolved
]).annotate({ identifier: "CouncilEvent" })

/**
 * @category events
 * @since 0.1.0
 */
export type CouncilEvent = typeof CouncilEvent.Type
