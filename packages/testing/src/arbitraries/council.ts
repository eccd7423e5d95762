/**
 * Every command and event of the council aggregate (`Council.CouncilCommand`, `Council.CouncilEvent`:
 * coordination councils, R51), one arbitrary per `_tag` and one per union. Values are structurally valid (each
 * decodes with its Schema) but not necessarily accepted; for accepted histories see `townshipHistory`. Ids are
 * opaque and drawn from small pools.
 *
 * @since 0.2.0
 */
import { Council } from "@dangjian/core"
import fc from "fast-check"
import { actor, oneOfRecord, tagged } from "../internal/tagged.ts"
import type { ValueOptions } from "./values.ts"
import { values } from "./values.ts"

type CouncilCmd<Tag extends Council.CouncilCommand["_tag"]> = Extract<Council.CouncilCommand, { readonly _tag: Tag }>
type CouncilEv<Tag extends Council.CouncilEvent["_tag"]> = Extract<Council.CouncilEvent, { readonly _tag: Tag }>

/**
 * An arbitrary for every council command, by `_tag`.
 *
 * @since 0.1.0
 * @category models
 */
export type CouncilCommandArbitraries = {
  readonly [Tag in Council.CouncilCommand["_tag"]]: fc.Arbitrary<CouncilCmd<Tag>>
}

/**
 * An arbitrary for every council event, by `_tag`.
 *
 * @since 0.1.0
 * @category models
 */
export type CouncilEventArbitraries = {
  readonly [Tag in Council.CouncilEvent["_tag"]]: fc.Arbitrary<CouncilEv<Tag>>
}

const councilValues = (options: ValueOptions) => {
  const v = values(options)
  return {
    ...v,
    councilId: v.entityId("council-"),
    councilKind: fc.constantFrom(...Council.CouncilKind.literals),
    orgIds: fc.uniqueArray(v.orgId, { maxLength: 4 })
  }
}

/**
 * One arbitrary per council command (`FormCouncil` … `DissolveCouncil`).
 *
 * @since 0.1.0
 * @category council commands
 */
export const councilCommandArbitraries = (options: ValueOptions = {}): CouncilCommandArbitraries => {
  const v = councilValues(options)
  const { councilId, date: at, orgId } = v
  return {
    FormCouncil: tagged<CouncilCmd<"FormCouncil">>("FormCouncil", {
      councilId,
      kind: v.councilKind,
      convenerOrgId: orgId,
      memberOrgIds: v.orgIds,
      at
    }, { actor }),
    AddCouncilMember: tagged<CouncilCmd<"AddCouncilMember">>("AddCouncilMember", { councilId, orgId, at }, { actor }),
    RemoveCouncilMember: tagged<CouncilCmd<"RemoveCouncilMember">>("RemoveCouncilMember", { councilId, orgId, at }, {
      actor
    }),
    HoldJointMeeting: tagged<CouncilCmd<"HoldJointMeeting">>("HoldJointMeeting", {
      councilId,
      meetingId: v.entityId("meeting-"),
      attendingOrgIds: v.orgIds,
      at
    }, { actor }),
    DissolveCouncil: tagged<CouncilCmd<"DissolveCouncil">>("DissolveCouncil", { councilId, at }, { actor })
  }
}

/**
 * One arbitrary per council event (`CouncilFormed` … `CouncilDissolved`).
 *
 * @since 0.1.0
 * @category council events
 */
export const councilEventArbitraries = (options: ValueOptions = {}): CouncilEventArbitraries => {
  const v = councilValues(options)
  const { councilId, date: at, orgId } = v
  return {
    CouncilFormed: tagged<CouncilEv<"CouncilFormed">>("CouncilFormed", {
      councilId,
      kind: v.councilKind,
      convenerOrgId: orgId,
      memberOrgIds: v.orgIds,
      at
    }, {}),
    CouncilMemberAdded: tagged<CouncilEv<"CouncilMemberAdded">>("CouncilMemberAdded", { councilId, orgId, at }, {}),
    CouncilMemberRemoved: tagged<CouncilEv<"CouncilMemberRemoved">>(
      "CouncilMemberRemoved",
      { councilId, orgId, at },
      {}
    ),
    JointMeetingHeld: tagged<CouncilEv<"JointMeetingHeld">>("JointMeetingHeld", {
      councilId,
      meetingId: v.entityId("meeting-"),
      attendingOrgIds: v.orgIds,
      at
    }, {}),
    CouncilDissolved: tagged<CouncilEv<"CouncilDissolved">>("CouncilDissolved", { councilId, at }, {})
  }
}

/**
 * Any council command (every member of `Council.CouncilCommand`).
 *
 * @since 0.1.0
 * @category council commands
 */
export const councilCommand = (options: ValueOptions = {}): fc.Arbitrary<Council.CouncilCommand> =>
  oneOfRecord<Council.CouncilCommand>(councilCommandArbitraries(options))

/**
 * Any council event (every member of `Council.CouncilEvent`).
 *
 * @since 0.1.0
 * @category council events
 */
export const councilEvent = (options: ValueOptions = {}): fc.Arbitrary<Council.CouncilEvent> =>
  oneOfRecord<Council.CouncilEvent>(councilEventArbitraries(options))
