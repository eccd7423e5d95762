/**
 * Coordination councils (R51): the joint meeting system of a subdistrict or township (党建工作联席会议, its
 * member units being the Party organizations of agencies and enterprises in the area), the community Party
 * building coordination committee (街道社区党建工作协调委员会), the Party-building community (党建共同体) and
 * the community grand committee (社区大党委). One stream per council, `council-<councilId>`.
 *
 * A council, like a pairing agreement, creates no organization and no affiliation (R48): its member
 * organizations keep their own streams and get no events. Forming a council and adding a member read the
 * member organizations' streams (they must exist and not be dissolved) in the same atomic append, as a
 * signing does.
 *
 * @since 0.1.0
 */
import { Result, Schema } from "effect"
import type { Decider, Fold } from "../kernel/Decider.ts"
import * as EventDefinition from "../kernel/EventDefinition.ts"
import { has, lookup } from "../kernel/records.ts"
import { LegalDate } from "../LegalDate.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import { invalid, violation } from "../rules/RuleViolation.ts"
import type { OrganizationStates } from "./decide.ts"

const actor = Schema.optionalKey(Schema.String)

/**
 * The kinds of council (R51, seed practices): `jointMeeting` 党建工作联席会议, `coordinationCommittee`
 * 党建工作协调委员会, `partyBuildingCommunity` 党建共同体, `communityGrandCommittee` 社区大党委 (片区党委).
 *
 * @category models
 * @since 0.1.0
 */
export const CouncilKind = Schema.Literals([
  "jointMeeting",
  "coordinationCommittee",
  "partyBuildingCommunity",
  "communityGrandCommittee"
])

/**
 * @category models
 * @since 0.1.0
 */
export type CouncilKind = typeof CouncilKind.Type

// ---------------------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------------------

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
  memberOrgIds: Schema.Array(Schema.String),
  at: LegalDate
})

/**
 * @category events
 * @since 0.1.0
 */
export const CouncilMemberAdded = Schema.TaggedStruct("CouncilMemberAdded", {
  councilId: Schema.String,
  orgId: Schema.String,
  at: LegalDate
})

/**
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
  attendingOrgIds: Schema.Array(Schema.String),
  at: LegalDate
})

/**
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

// ---------------------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------------------

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
  memberOrgIds: Schema.Array(Schema.String),
  at: LegalDate,
  actor
})

/**
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
 * @category commands
 * @since 0.1.0
 */
export const HoldJointMeeting = Schema.TaggedStruct("HoldJointMeeting", {
  councilId: Schema.String,
  meetingId: Schema.String,
  attendingOrgIds: Schema.Array(Schema.String),
  at: LegalDate,
  actor
})

/**
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

// ---------------------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------------------

/**
 * @category models
 * @since 0.1.0
 */
export interface CouncilState {
  readonly status: "none" | "active" | "dissolved"
  readonly councilId: string
  readonly kind: CouncilKind
  readonly convenerOrgId: string
  readonly memberOrgIds: ReadonlyArray<string>
  readonly formedAt: LegalDate | undefined
  readonly meetings: Readonly<
    Record<string, { readonly attendingOrgIds: ReadonlyArray<string>; readonly at: LegalDate }>
  >
  readonly lastMeetingAt: LegalDate | undefined
  readonly dissolvedAt: LegalDate | undefined
}

/**
 * The state before the first event.
 *
 * @category models
 * @since 0.1.0
 */
export const initialCouncilState: CouncilState = {
  status: "none",
  councilId: "",
  kind: "jointMeeting",
  convenerOrgId: "",
  memberOrgIds: [],
  formedAt: undefined,
  meetings: {},
  lastMeetingAt: undefined,
  dissolvedAt: undefined
}

/**
 * Applies one event. Total and pure.
 *
 * @category folding
 * @since 0.1.0
 */
export const evolveCouncil = (state: CouncilState, event: CouncilEvent): CouncilState => {
  switch (event._tag) {
    case "CouncilFormed":
      return {
        ...initialCouncilState,
        status: "active",
        councilId: event.councilId,
        kind: event.kind,
        convenerOrgId: event.convenerOrgId,
        memberOrgIds: event.memberOrgIds,
        formedAt: event.at
      }
    case "CouncilMemberAdded":
      return state.memberOrgIds.includes(event.orgId)
        ? state
        : { ...state, memberOrgIds: [...state.memberOrgIds, event.orgId] }
    case "CouncilMemberRemoved":
      return { ...state, memberOrgIds: state.memberOrgIds.filter((id) => id !== event.orgId) }
    case "JointMeetingHeld":
      return {
        ...state,
        meetings: { ...state.meetings, [event.meetingId]: { attendingOrgIds: event.attendingOrgIds, at: event.at } },
        lastMeetingAt: state.lastMeetingAt === undefined || state.lastMeetingAt < event.at
          ? event.at
          : state.lastMeetingAt
      }
    case "CouncilDissolved":
      return { ...state, status: "dissolved", dissolvedAt: event.at }
    default:
      return state
  }
}

/**
 * The fold of the council stream.
 *
 * @category folding
 * @since 0.1.0
 */
export const councilFold: Fold<CouncilEvent, CouncilState> = {
  initialState: initialCouncilState,
  evolve: evolveCouncil
}

const category = "council"

/**
 * The stream of a council: `council-<councilId>`.
 *
 * @category stream
 * @since 0.1.0
 */
export const councilStreamId = (councilId: string): string => `${category}-${councilId}`

/**
 * The council id of a council stream id, or undefined for another stream.
 *
 * @category stream
 * @since 0.1.0
 */
export const councilIdOf = (stream: string): string | undefined =>
  stream.startsWith(`${category}-`) ? stream.slice(category.length + 1) : undefined

// ---------------------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------------------

type Decision = Result.Result<ReadonlyArray<CouncilEvent>, DomainError>

const checkMember = (
  councilId: string,
  orgId: string,
  orgs: OrganizationStates,
  at: LegalDate
): DomainError | undefined => {
  const state = lookup(orgs, orgId)
  // R51 CONF: member units are Party organizations (机关、企事业单位党组织) that exist …
  if (
    state === undefined || state.status === "none" || (state.establishedAt !== undefined && state.establishedAt > at)
  ) {
    return violation("R51", "council.memberNotFound", { councilId, orgId, at })
  }
  // … and are not dissolved
  if (state.status === "dissolved") {
    return violation("R51", "council.memberDissolved", { councilId, orgId, dissolvedAt: state.dissolvedAt })
  }
  return undefined
}

const closed = (state: CouncilState, councilId: string): DomainError | undefined =>
  state.status === "none"
    ? invalid("domain.notFound", { entity: "council", id: councilId })
    : state.status === "dissolved"
    ? invalid("domain.closed", { entity: "council", id: councilId, state: "dissolved" })
    : undefined

/**
 * Decides a council command given the council's state and the states of the organizations it names (only
 * forming and adding read them). Pure.
 *
 * @category decisions
 * @since 0.1.0
 */
export const decideCouncil = (
  command: CouncilCommand,
  state: CouncilState,
  orgs: OrganizationStates = {}
): Decision => {
  switch (command._tag) {
    case "FormCouncil": {
      const { councilId, memberOrgIds } = command
      if (state.status !== "none") {
        return Result.fail(invalid("domain.alreadyExists", { entity: "council", id: councilId }))
      }
      const seen = new Set<string>()
      for (const id of memberOrgIds) {
        if (seen.has(id)) return Result.fail(violation("R51", "council.duplicateMember", { councilId, orgId: id }))
        seen.add(id)
      }
      // R51 CONF: a joint meeting joins several Party organizations
      if (memberOrgIds.length < 2) {
        return Result.fail(
          violation("R51", "council.tooFewMembers", { councilId, members: memberOrgIds.length, required: 2 })
        )
      }
      if (!seen.has(command.convenerOrgId)) {
        return Result.fail(invalid("council.convenerNotMember", { councilId, orgId: command.convenerOrgId }))
      }
      for (const id of memberOrgIds) {
        const error = checkMember(councilId, id, orgs, command.at)
        if (error !== undefined) return Result.fail(error)
      }
      return Result.succeed([
        CouncilFormed.make({
          councilId,
          kind: command.kind,
          convenerOrgId: command.convenerOrgId,
          memberOrgIds,
          at: command.at
        })
      ])
    }
    case "AddCouncilMember": {
      const error = closed(state, command.councilId)
        ?? (state.memberOrgIds.includes(command.orgId)
          ? undefined
          : checkMember(command.councilId, command.orgId, orgs, command.at))
      if (error !== undefined) return Result.fail(error)
      if (state.memberOrgIds.includes(command.orgId)) return Result.succeed([])
      return Result.succeed([
        CouncilMemberAdded.make({ councilId: command.councilId, orgId: command.orgId, at: command.at })
      ])
    }
    case "RemoveCouncilMember": {
      const error = closed(state, command.councilId)
      if (error !== undefined) return Result.fail(error)
      if (!state.memberOrgIds.includes(command.orgId)) return Result.succeed([])
      if (command.orgId === state.convenerOrgId) {
        return Result.fail(invalid("council.convenerNotMember", { councilId: command.councilId, orgId: command.orgId }))
      }
      // R51 CONF: a council keeps at least two member organizations
      if (state.memberOrgIds.length - 1 < 2) {
        return Result.fail(
          violation("R51", "council.tooFewMembers", {
            councilId: command.councilId,
            members: state.memberOrgIds.length - 1,
            required: 2
          })
        )
      }
      return Result.succeed([
        CouncilMemberRemoved.make({ councilId: command.councilId, orgId: command.orgId, at: command.at })
      ])
    }
    case "HoldJointMeeting": {
      const error = closed(state, command.councilId)
      if (error !== undefined) return Result.fail(error)
      if (has(state.meetings, command.meetingId)) return Result.succeed([])
      if (state.formedAt !== undefined && command.at < state.formedAt) {
        return Result.fail(
          invalid("council.beforeFormed", { councilId: command.councilId, at: command.at, formedAt: state.formedAt })
        )
      }
      if (command.attendingOrgIds.length === 0) {
        return Result.fail(invalid("council.noAttendance", { councilId: command.councilId }))
      }
      const stranger = command.attendingOrgIds.find((id) => !state.memberOrgIds.includes(id))
      if (stranger !== undefined) {
        return Result.fail(invalid("council.notMember", { councilId: command.councilId, orgId: stranger }))
      }
      return Result.succeed([
        JointMeetingHeld.make({
          councilId: command.councilId,
          meetingId: command.meetingId,
          attendingOrgIds: command.attendingOrgIds,
          at: command.at
        })
      ])
    }
    case "DissolveCouncil": {
      if (state.status === "dissolved") return Result.succeed([])
      const error = closed(state, command.councilId)
      if (error !== undefined) return Result.fail(error)
      return Result.succeed([CouncilDissolved.make({ councilId: command.councilId, at: command.at })])
    }
  }
}

/**
 * The organizations a council command reads: the members of a new council, or an added member.
 *
 * @category decisions
 * @since 0.1.0
 */
export const councilOrganizations = (command: CouncilCommand): ReadonlyArray<string> =>
  command._tag === "FormCouncil"
    ? [...new Set(command.memberOrgIds)]
    : command._tag === "AddCouncilMember"
    ? [command.orgId]
    : []

/**
 * The single-stream decider of the council commands that read no organization.
 *
 * @category deciders
 * @since 0.1.0
 */
export const councilDecider: Decider<CouncilCommand, CouncilEvent, CouncilState, DomainError> = {
  initialState: initialCouncilState,
  evolve: evolveCouncil,
  decide: (command, state) => decideCouncil(command, state)
}
