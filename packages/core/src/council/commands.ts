/**
 * The commands of the council aggregate. Every command carries its legal date `at` and may carry an `actor`
 * (an opaque id). {@link FormCouncil} and {@link AddCouncilMember} read the member organizations' streams (they
 * must exist and not be dissolved, R51); the others are decided on the council stream alone.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { LegalDate } from "../LegalDate.ts"
import { actor, Ids } from "../units.ts"
import { CouncilKind } from "./model.ts"

/**
 * Forms a council (R51): ≥ 2 distinct member organizations, the convener among them, each existing and not
 * dissolved.
 *
 * @category commands
 * @since 0.1.0
 */
export const FormCouncil = Schema.TaggedStruct("FormCouncil", {
  councilId: Schema.String,
  kind: CouncilKind,
  convenerOrgId: Schema.String,
  memberOrgIds: Ids,
  at: LegalDate,
  actor
})

/**
 * Adds a member organization (R51: it exists and is not dissolved).
 *
 * @category commands
 * @since 0.1.0
 */
export const AddCouncilMember = Schema.TaggedStruct("AddCouncilMember", {
  councilId: Schema.String,
  orgId: Schema.String,
  at: LegalDate,
  actor
})

/**
 * Removes a member organization (R51: the convener stays, and so do at least two members).
 *
 * @category commands
 * @since 0.1.0
 */
export const RemoveCouncilMember = Schema.TaggedStruct("RemoveCouncilMember", {
  councilId: Schema.String,
  orgId: Schema.String,
  at: LegalDate,
  actor
})

/**
 * Records a joint meeting with the member organizations that attended.
 *
 * @category commands
 * @since 0.1.0
 */
export const HoldJointMeeting = Schema.TaggedStruct("HoldJointMeeting", {
  councilId: Schema.String,
  meetingId: Schema.String,
  attendingOrgIds: Ids,
  at: LegalDate,
  actor
})

/**
 * Dissolves the council.
 *
 * @category commands
 * @since 0.1.0
 */
export const DissolveCouncil = Schema.TaggedStruct("DissolveCouncil", {
  councilId: Schema.String,
  at: LegalDate,
  actor
})

/**
 * Every council command.
 *
 * @category commands
 * @since 0.1.0
 */
export const CouncilCommand = Schema.Union([
  FormCouncil,
  AddCouncilMember,
  RemoveCouncilMember,
  HoldJointMeeting,
  DissolveCouncil
]).annotate({ identifier: "CouncilCommand" })

/**
 * @category commands
 * @since 0.1.0
 */
export type CouncilCommand = typeof CouncilCommand.Type
