// A pure world of organization and meeting streams for the meeting tests: meeting commands are decided over the
// meeting's state and the organization it reads (as the route does against a store), and accepted events are
// applied with the aggregate's own `evolve`. Branch v1 has 10 full and 2 probationary members, a secretary
// (v1-f1), a deputy (v1-f2), a committee (v1-f1, v1-f2, v1-f3) and two Party groups: g1 (leader v1-f4) and g2
// (leader v1-f7). Branch v2 has 5 full members; the township committee `town` has a secretary (town-f1).
import { Result } from "effect"
import { GovernancePolicy, MeetingRegister, Organization } from "../../src/index.ts"
import * as Meeting from "../../src/meeting/Meeting.ts"
import type { DomainError } from "../../src/rules/RuleViolation.ts"
import type { World as OrgWorld } from "../organization/fixtures.ts"
import {
  addMember,
  approval,
  members,
  runAll as runOrganizations,
  township,
  village
} from "../organization/fixtures.ts"

export const policy = GovernancePolicy.national

export const withOrgLife = (
  patch: Partial<GovernancePolicy.GovernancePolicy["orgLife"]>
): GovernancePolicy.GovernancePolicy => ({ ...policy, orgLife: { ...policy.orgLife, ...patch } })

export interface World {
  readonly orgs: OrgWorld
  readonly meetings: Readonly<Record<string, Meeting.MeetingState>>
}

export const v1Members = members("v1", 10, 2).map((m) => m.memberId)
export const v1Committee = ["v1-f1", "v1-f2", "v1-f3"]
export const g1 = ["v1-f4", "v1-f5", "v1-f6", "v1-p1"]
export const g2 = ["v1-f7", "v1-f8", "v1-f9", "v1-p2"]

export const baseWorld = (): World => ({
  orgs: runOrganizations(policy, [
    township(),
    village("v1", 10, 2),
    village("v2", 5),
    addMember("town", "town-f1", "full", "2024-01-01"),
    {
      _tag: "AppointLeadership",
      orgId: "v1",
      secretaryId: "v1-f1",
      deputyIds: ["v1-f2"],
      committeeIds: v1Committee,
      approval: approval("township"),
      at: "2024-01-01"
    },
    {
      _tag: "AppointLeadership",
      orgId: "v2",
      secretaryId: "v2-f1",
      deputyIds: [],
      committeeIds: [],
      approval: approval("township"),
      at: "2024-01-01"
    },
    {
      _tag: "AppointLeadership",
      orgId: "town",
      secretaryId: "town-f1",
      deputyIds: [],
      committeeIds: [],
      approval: approval("county"),
      at: "2024-01-01"
    },
    {
      _tag: "FormPartyGroup",
      orgId: "v1",
      groupId: "g1",
      groupType: "general",
      leaderId: "v1-f4",
      memberIds: g1,
      at: "2024-01-01"
    },
    {
      _tag: "FormPartyGroup",
      orgId: "v1",
      groupId: "g2",
      groupType: "general",
      leaderId: "v1-f7",
      memberIds: g2,
      at: "2024-01-01"
    }
  ]),
  meetings: {}
})

export const meetingOf = (world: World, meetingId: string): Meeting.MeetingState =>
  Object.hasOwn(world.meetings, meetingId) ? world.meetings[meetingId]! : Meeting.initialState

/** Decides a meeting command in the world and applies its events. */
export const run = (
  world: World,
  command: Meeting.MeetingCommand,
  policies: GovernancePolicy.GovernancePolicy = policy
): Result.Result<World, DomainError> => {
  const state = meetingOf(world, command.meetingId)
  const orgId = Meeting.requiredOrganization(command, state)
  const org = orgId === undefined ? undefined : world.orgs.states[orgId]
  return Result.map(Meeting.decide(policies, command, state, org), (events) => ({
    ...world,
    meetings: { ...world.meetings, [command.meetingId]: events.reduce(Meeting.evolve, state) }
  }))
}

/** Runs commands that must all be accepted; throws (in tests only) with the rejection otherwise. */
export const runAll = (
  world: World,
  commands: ReadonlyArray<Meeting.MeetingCommand>,
  policies: GovernancePolicy.GovernancePolicy = policy
): World => {
  let current = world
  for (const command of commands) {
    const result = run(current, command, policies)
    if (Result.isFailure(result)) {
      throw new Error(`${command._tag} rejected: ${result.failure.message}`)
    }
    current = result.success
  }
  return current
}

/** The rejection of a command (fails the test if it was accepted). */
export const rejection = (
  world: World,
  command: Meeting.MeetingCommand,
  policies: GovernancePolicy.GovernancePolicy = policy
): DomainError => {
  const result = run(world, command, policies)
  if (Result.isSuccess(result)) throw new Error(`${command._tag} was accepted`)
  return result.failure
}

/** The events a command decides (fails the test if it was rejected). */
export const eventsOf = (
  world: World,
  command: Meeting.MeetingCommand,
  policies: GovernancePolicy.GovernancePolicy = policy
): ReadonlyArray<Meeting.MeetingEvent> => {
  const state = meetingOf(world, command.meetingId)
  const orgId = Meeting.requiredOrganization(command, state)
  const decided = Meeting.decide(policies, command, state, orgId === undefined ? undefined : world.orgs.states[orgId])
  if (Result.isFailure(decided)) throw new Error(`${command._tag} rejected: ${decided.failure.message}`)
  return decided.success
}

export const ruleOf = (error: DomainError): ReadonlyArray<string | undefined> => [
  error._tag === "RuleViolation" ? error.ruleId : undefined,
  error.code
]

/** The register view of a world. */
export const viewOf = (world: World): MeetingRegister.RegisterView => ({ meetings: world.meetings })

/**
 * A general meeting of v1 on `heldOn`, recorded the same day: the secretary chairs, every member is entitled,
 * all present but `absent`.
 */
export const general = (
  meetingId: string,
  heldOn: string,
  options: Partial<Meeting.RecordMeeting> & { readonly absentIds?: ReadonlyArray<Meeting.Absence> } = {}
): Meeting.RecordMeeting => {
  const absent = options.absentIds ?? []
  const away = new Set(absent.map((a) => a.memberId))
  const { absentIds: _absentIds, ...rest } = options
  return {
    _tag: "RecordMeeting",
    meetingId,
    orgId: "v1",
    kind: "generalMeeting",
    heldOn,
    chairId: "v1-f1",
    recorderId: "v1-f3",
    entitled: v1Members,
    present: v1Members.filter((id) => !away.has(id)),
    absent,
    at: heldOn,
    ...rest
  }
}

/** A meeting of one body of v1 (committee or a group), everyone present, chaired by its chair. */
export const bodyMeeting = (
  meetingId: string,
  kind: "committeeMeeting" | "groupMeeting",
  heldOn: string,
  groupId?: "g1" | "g2"
): Meeting.RecordMeeting => {
  const entitled = kind === "committeeMeeting" ? v1Committee : groupId === "g2" ? g2 : g1
  return {
    _tag: "RecordMeeting",
    meetingId,
    orgId: "v1",
    kind,
    ...(kind === "groupMeeting" ? { groupId: groupId ?? "g1" } : {}),
    heldOn,
    chairId: kind === "committeeMeeting" ? "v1-f1" : entitled[0]!,
    recorderId: entitled[1]!,
    entitled,
    present: entitled,
    absent: [],
    at: heldOn
  }
}

export const talk = (meetingId: string, heldOn: string, participantIds = ["v1-f1", "v1-f5"]) => ({
  _tag: "RecordHeartToHeartTalk" as const,
  meetingId,
  orgId: "v1",
  participantIds,
  heldOn,
  at: heldOn
})

export const orgsOf = (world: World): Readonly<Record<string, Organization.OrganizationState>> => world.orgs.states
