/**
 * The decisions of the council aggregate (R51). Forming a council and adding a member are decided over the
 * council stream and the member organizations' streams, which must exist and not be dissolved; the route
 * (`route.ts`) runs them through the kernel's command loop, so every organization stream takes part in the
 * append with its exact expected version and gets no events (a council creates no organization and no
 * affiliation, R48). The other commands are decided on the council stream alone ({@link decider}).
 *
 * No figure of the policy judges a council command today (R51's "at least two member organizations" is the
 * rule's own); `decide` takes the policies all the same, as every aggregate's does, so a figure added later
 * changes no signature. The meeting interval is a finding's figure (`PairingPolicy.councilMeetingEveryMonths`,
 * in `findings.ts`).
 *
 * @since 0.2.0
 */
import { Result } from "effect"
import type { Decider } from "../kernel/Decider.ts"
import { has, lookup } from "../kernel/records.ts"
import { exhaustive } from "../kernel/tags.ts"
import type { LegalDate } from "../LegalDate.ts"
import type { Policies } from "../organization/decide.ts"
import type { OrganizationState } from "../organization/state.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import { invalid, unknownCommand, violation } from "../rules/RuleViolation.ts"
import type {
  AddCouncilMember,
  CouncilCommand,
  DissolveCouncil,
  FormCouncil,
  HoldJointMeeting,
  RemoveCouncilMember
} from "./commands.ts"
import type { CouncilEvent } from "./events.ts"
import {
  CouncilDissolved,
  CouncilFormed,
  CouncilMemberAdded,
  CouncilMemberRemoved,
  JointMeetingHeld
} from "./events.ts"
import type { CouncilState } from "./state.ts"
import { evolve, initialState, isMember } from "./state.ts"

type Decision = Result.Result<ReadonlyArray<CouncilEvent>, DomainError>

const fail = (error: DomainError): Decision => Result.fail(error)
const ok = (events: ReadonlyArray<CouncilEvent>): Decision => Result.succeed(events)

/**
 * The states of the organizations a council decision reads, by organization id (a missing id reads as
 * "none").
 *
 * @category models
 * @since 0.2.0
 */
export type OrganizationStates = Readonly<Record<string, OrganizationState>>

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
  // R51 CONF: … and are not dissolved
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

// ---------------------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------------------

const form = (state: CouncilState, orgs: OrganizationStates, cmd: typeof FormCouncil.Type): Decision => {
  const { councilId, memberOrgIds } = cmd
  if (state.status !== "none") return fail(invalid("domain.alreadyExists", { entity: "council", id: councilId }))
  const seen = new Set<string>()
  for (const id of memberOrgIds) {
    // R51 CONF: each member organization is named once
    if (seen.has(id)) return fail(violation("R51", "council.duplicateMember", { councilId, orgId: id }))
    seen.add(id)
  }
  // R51 CONF: a joint meeting joins several Party organizations
  if (memberOrgIds.length < 2) {
    return fail(violation("R51", "council.tooFewMembers", { councilId, members: memberOrgIds.length, required: 2 }))
  }
  if (!seen.has(cmd.convenerOrgId)) {
    return fail(invalid("council.convenerNotMember", { councilId, orgId: cmd.convenerOrgId }))
  }
  for (const id of memberOrgIds) {
    const error = checkMember(councilId, id, orgs, cmd.at)
    if (error !== undefined) return fail(error)
  }
  return ok([
    CouncilFormed.make({ councilId, kind: cmd.kind, convenerOrgId: cmd.convenerOrgId, memberOrgIds, at: cmd.at })
  ])
}

const addMember = (state: CouncilState, orgs: OrganizationStates, cmd: typeof AddCouncilMember.Type): Decision => {
  const error = closed(state, cmd.councilId)
  if (error !== undefined) return fail(error)
  // Already a member: nothing to do (its organization is not checked again).
  if (isMember(state, cmd.orgId)) return ok([])
  const notMember = checkMember(cmd.councilId, cmd.orgId, orgs, cmd.at)
  if (notMember !== undefined) return fail(notMember)
  return ok([CouncilMemberAdded.make({ councilId: cmd.councilId, orgId: cmd.orgId, at: cmd.at })])
}

const removeMember = (state: CouncilState, cmd: typeof RemoveCouncilMember.Type): Decision => {
  const error = closed(state, cmd.councilId)
  if (error !== undefined) return fail(error)
  if (!isMember(state, cmd.orgId)) return ok([])
  if (cmd.orgId === state.convenerOrgId) {
    return fail(invalid("council.convenerNotMember", { councilId: cmd.councilId, orgId: cmd.orgId }))
  }
  // R51 CONF: a council keeps at least two member organizations
  if (state.memberOrgIds.length - 1 < 2) {
    return fail(
      violation("R51", "council.tooFewMembers", {
        councilId: cmd.councilId,
        members: state.memberOrgIds.length - 1,
        required: 2
      })
    )
  }
  return ok([CouncilMemberRemoved.make({ councilId: cmd.councilId, orgId: cmd.orgId, at: cmd.at })])
}

const holdJointMeeting = (state: CouncilState, cmd: typeof HoldJointMeeting.Type): Decision => {
  const error = closed(state, cmd.councilId)
  if (error !== undefined) return fail(error)
  if (has(state.meetings, cmd.meetingId)) return ok([])
  if (state.formedAt !== undefined && cmd.at < state.formedAt) {
    return fail(invalid("council.beforeFormed", { councilId: cmd.councilId, at: cmd.at, formedAt: state.formedAt }))
  }
  if (cmd.attendingOrgIds.length === 0) return fail(invalid("council.noAttendance", { councilId: cmd.councilId }))
  const stranger = cmd.attendingOrgIds.find((id) => !isMember(state, id))
  if (stranger !== undefined) return fail(invalid("council.notMember", { councilId: cmd.councilId, orgId: stranger }))
  return ok([
    JointMeetingHeld.make({
      councilId: cmd.councilId,
      meetingId: cmd.meetingId,
      attendingOrgIds: cmd.attendingOrgIds,
      at: cmd.at
    })
  ])
}

const dissolve = (state: CouncilState, cmd: typeof DissolveCouncil.Type): Decision => {
  if (state.status === "dissolved") return ok([])
  const error = closed(state, cmd.councilId)
  if (error !== undefined) return fail(error)
  return ok([CouncilDissolved.make({ councilId: cmd.councilId, at: cmd.at })])
}

/**
 * Decides a council command given the council's state and the states of the organizations it names (only
 * forming and adding read them; a missing organization reads as one that does not exist). Pure.
 *
 * @category decisions
 * @since 0.2.0
 */
export const decide = (
  _policies: Policies,
  command: CouncilCommand,
  state: CouncilState,
  orgs: OrganizationStates = {}
): Decision => {
  switch (command._tag) {
    case "FormCouncil":
      return form(state, orgs, command)
    case "AddCouncilMember":
      return addMember(state, orgs, command)
    case "RemoveCouncilMember":
      return removeMember(state, command)
    case "HoldJointMeeting":
      return holdJointMeeting(state, command)
    case "DissolveCouncil":
      return dissolve(state, command)
    default: {
      const _exhaustive: never = command
      return fail(unknownCommand(_exhaustive))
    }
  }
}

/**
 * The organizations a council command reads: the members of a new council, or an added member.
 *
 * @category decisions
 * @since 0.2.0
 */
export const requiredOrganizations = (command: CouncilCommand): ReadonlyArray<string> => {
  switch (command._tag) {
    case "FormCouncil":
      return [...new Set(command.memberOrgIds)]
    case "AddCouncilMember":
      return [command.orgId]
    case "RemoveCouncilMember":
    case "HoldJointMeeting":
    case "DissolveCouncil":
      return []
    default:
      return exhaustive(command, [])
  }
}

/**
 * The single-stream decider of the council stream (forming and adding a member read organizations: run them
 * through {@link route} or `Dangjian.execute`; here they see none).
 *
 * @category deciders
 * @since 0.2.0
 */
export const decider = (policies: Policies): Decider<CouncilCommand, CouncilEvent, CouncilState, DomainError> => ({
  initialState,
  evolve,
  decide: (command, state) => decide(policies, command, state)
})
