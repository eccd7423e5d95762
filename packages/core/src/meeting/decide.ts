/**
 * The decisions of the meeting aggregate (R36, R58–R60). Planning, recording and correcting are decided over the
 * meeting stream and the organization's stream, which must exist and not be dissolved; the route (`route.ts`)
 * runs them through the kernel's command loop, so the organization stream takes part in the append with its
 * exact expected version and gets no events. Rescheduling and cancelling are decided on the meeting stream
 * alone ({@link decider}).
 *
 * HARD checks, where RULES.md says HARD: the record's own consistency (R58: present and absent are disjoint and
 * make up the entitled; invitees and members of other organizations are not entitled; the chair is present; the
 * recorder is named; votes add up), the chair's role (R36) and, under the `forbid` policy, a record entered
 * after the day it was held without a plan entered in time (R60). What RULES.md marks REC (an entitled list that
 * differs from the roster, a vote without a decision, every frequency) is a finding, never a rejection.
 *
 * The policy is the one in force on the command's legal date `at` (the day the act is entered).
 *
 * @since 0.3.0
 */
import { Result } from "effect"
import type { Decider } from "../kernel/Decider.ts"
import { lookup } from "../kernel/records.ts"
import { exhaustive } from "../kernel/tags.ts"
import type { LegalDate } from "../LegalDate.ts"
import { daysBetween } from "../LegalDate.ts"
import type { Policies } from "../organization/decide.ts"
import { toTimeline } from "../organization/decide.ts"
import type { OrganizationState } from "../organization/state.ts"
import type { OrgLifePolicy } from "../policy/OrgLifePolicy.ts"
import { policyAt } from "../policy/PolicyTimeline.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import { invalid, unknownCommand, violation } from "../rules/RuleViolation.ts"
import type {
  CancelMeeting,
  CorrectMeetingRecord,
  MeetingCommand,
  PlanMeeting,
  RecordHeartToHeartTalk,
  RecordMeeting,
  RescheduleMeeting
} from "./commands.ts"
import type { MeetingEvent } from "./events.ts"
import { MeetingCancelled, MeetingHeld, MeetingPlanned, MeetingRecordCorrected, MeetingRescheduled } from "./events.ts"
import type { Absence, Body, ChairRole, LecturerRole, MeetingKind, MeetingRecord, Voting } from "./model.ts"
import { bodiesOf, defaultBody } from "./model.ts"
import type { MeetingState } from "./state.ts"
import { evolve, initialState, plannedOn } from "./state.ts"

type Decision = Result.Result<ReadonlyArray<MeetingEvent>, DomainError>

const fail = (error: DomainError): Decision => Result.fail(error)
const ok = (events: ReadonlyArray<MeetingEvent>): Decision => Result.succeed(events)

// A value as JSON with its keys sorted: two records are the same record when these agree.
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v)

// ---------------------------------------------------------------------------------------------------------
// The organization
// ---------------------------------------------------------------------------------------------------------

// The organization a meeting belongs to: it exists on `on` and is not dissolved.
const organizationOn = (
  meetingId: string,
  orgId: string,
  org: OrganizationState | undefined,
  on: LegalDate
): Result.Result<OrganizationState, DomainError> => {
  if (
    org === undefined || org.status === "none" || (org.establishedAt !== undefined && org.establishedAt > on)
  ) {
    return Result.fail(invalid("meeting.orgNotFound", { meetingId, orgId, at: on }))
  }
  if (org.status === "dissolved") {
    return Result.fail(invalid("meeting.orgDissolved", { meetingId, orgId, dissolvedAt: org.dissolvedAt }))
  }
  return Result.succeed(org)
}

// The body a meeting is held as, and its group: a group meeting (or one held as a group's) names a group of the
// organization; no other body names one.
const resolveBody = (
  meetingId: string,
  kind: MeetingKind,
  requested: Body | undefined,
  groupId: string | undefined,
  org: OrganizationState
): Result.Result<{ readonly body: Body; readonly groupId: string | undefined }, DomainError> => {
  const body = requested ?? defaultBody(kind)
  if (!bodiesOf(kind).includes(body)) return Result.fail(invalid("meeting.bodyNotAllowed", { meetingId, kind, body }))
  if (body === "group") {
    if (groupId === undefined || lookup(org.groups, groupId) === undefined) {
      return Result.fail(invalid("meeting.groupNotFound", { meetingId, orgId: org.orgId, groupId }))
    }
    return Result.succeed({ body, groupId })
  }
  if (groupId !== undefined) return Result.fail(invalid("meeting.groupNotExpected", { meetingId, kind, groupId }))
  return Result.succeed({ body, groupId: undefined })
}

// The kinds a meeting is combined with: other kinds, once each, that may be held as the same body (R33, R35).
const checkAlsoCounts = (
  meetingId: string,
  kind: MeetingKind,
  body: Body,
  also: ReadonlyArray<MeetingKind>
): DomainError | undefined => {
  const seen = new Set<MeetingKind>([kind])
  for (const other of also) {
    if (seen.has(other) || other === "heartToHeartTalk" || !bodiesOf(other).includes(body)) {
      return invalid("meeting.combinedKindNotAllowed", { meetingId, kind, also: other, body })
    }
    seen.add(other)
  }
  return undefined
}

/**
 * The members of the body that meets, as the organization's state knows them (R58's roster): every member of the
 * organization not suspended; the committee (with the secretary and deputies); one group's members and leader;
 * nobody for a talk.
 *
 * @category queries
 * @since 0.3.0
 */
export const bodyRoster = (org: OrganizationState, body: Body, groupId: string | undefined): ReadonlySet<string> => {
  switch (body) {
    case "members":
      return new Set(Object.entries(org.roster).filter(([, status]) => status !== "suspended").map(([id]) => id))
    case "committee": {
      const l = org.leadership
      return new Set([
        ...(l.committeeIds ?? []),
        ...(l.secretaryId === undefined ? [] : [l.secretaryId]),
        ...l.deputyIds
      ])
    }
    case "group": {
      const group = groupId === undefined ? undefined : lookup(org.groups, groupId)
      return new Set(
        group === undefined ? [] : [...group.memberIds, ...(group.leaderId === undefined ? [] : [group.leaderId])]
      )
    }
    case "participants":
      return new Set()
    default:
      return exhaustive(body, new Set())
  }
}

// ---------------------------------------------------------------------------------------------------------
// The record (R58, R36)
// ---------------------------------------------------------------------------------------------------------

/** What a clerk enters of a record (the inputs of `RecordMeeting` and `CorrectMeetingRecord`). */
interface RecordInput {
  readonly alsoCounts?: ReadonlyArray<MeetingKind>
  readonly heldOn: LegalDate
  readonly place?: string
  readonly ordinal?: number
  readonly chairId?: string
  readonly delegated?: boolean
  readonly recorderId?: string
  readonly lecturerId?: string
  readonly entitled: ReadonlyArray<string>
  readonly present: ReadonlyArray<string>
  readonly absent: ReadonlyArray<Absence>
  readonly guestMembers?: ReadonlyArray<string>
  readonly invitees?: ReadonlyArray<string>
  readonly topics?: ReadonlyArray<string>
  readonly decisions?: ReadonlyArray<string>
  readonly voting?: Voting
}

const checkAttendance = (
  meetingId: string,
  body: Body,
  input: RecordInput,
  org: OrganizationState
): DomainError | undefined => {
  const entitled = new Set<string>()
  for (const id of input.entitled) {
    // R58 HARD: each member is entitled once
    if (entitled.has(id)) return violation("R58", "meeting.duplicateAttendee", { meetingId, memberId: id })
    entitled.add(id)
  }
  const listed = new Set<string>()
  const list = (id: string): DomainError | undefined => {
    // R58 HARD: present, absent, members of other organizations and invitees are disjoint
    if (listed.has(id)) return violation("R58", "meeting.duplicateAttendee", { meetingId, memberId: id })
    listed.add(id)
    return undefined
  }
  for (const id of input.present) {
    const error = list(id)
    if (error !== undefined) return error
  }
  for (const absence of input.absent) {
    const error = list(absence.memberId)
    if (error !== undefined) return error
    // R58 HARD: leave (请假) is recorded with its reason
    if (absence.excused && absence.reason === undefined) {
      return violation("R58", "meeting.leaveReasonMissing", { meetingId, memberId: absence.memberId })
    }
  }
  // R58 HARD: present ∪ absent = entitled (应到 = 实到 + 缺席)
  const accounted = input.present.length + input.absent.length
  if (
    accounted !== entitled.size || !input.present.every((id) => entitled.has(id))
    || !input.absent.every((a) => entitled.has(a.memberId))
  ) {
    return violation("R58", "meeting.attendanceMismatch", {
      meetingId,
      entitled: entitled.size,
      present: input.present.length,
      absent: input.absent.length
    })
  }
  for (const id of input.guestMembers ?? []) {
    const error = list(id)
    if (error !== undefined) return error
    // R58 HARD (R45): a member taking part from another organization is not a member here
    if (lookup(org.roster, id) !== undefined) {
      return violation("R58", "meeting.guestIsMember", { meetingId, memberId: id })
    }
  }
  for (const id of input.invitees ?? []) {
    const error = list(id)
    if (error !== undefined) return error
    // R58 HARD: at a meeting of all members, a member of the organization is entitled, never an invitee (列席)
    if (body === "members" && lookup(org.roster, id) !== undefined) {
      return violation("R58", "meeting.inviteeIsMember", { meetingId, memberId: id })
    }
  }
  return undefined
}

const chairRoleOf = (
  meetingId: string,
  body: Body,
  groupId: string | undefined,
  input: RecordInput,
  org: OrganizationState
): Result.Result<{ readonly role: ChairRole | undefined; readonly delegated: boolean }, DomainError> => {
  if (body === "participants") return Result.succeed({ role: undefined, delegated: false })
  const chairId = input.chairId
  // R58 HARD: a record names its chair (主持人) …
  if (chairId === undefined || chairId.trim() === "") {
    return Result.fail(violation("R58", "meeting.chairMissing", { meetingId }))
  }
  // R58 HARD: … and its recorder (记录人)
  if (input.recorderId === undefined || input.recorderId.trim() === "") {
    return Result.fail(violation("R58", "meeting.recorderMissing", { meetingId }))
  }
  // R58 HARD: the chair is present
  if (!input.present.includes(chairId)) {
    return Result.fail(violation("R58", "meeting.chairNotPresent", { meetingId, chairId }))
  }
  const wrongRole = () => Result.fail(violation("R36", "meeting.chairRole", { meetingId, chairId, body }))
  if (body === "group") {
    // R36 HARD: a group meeting is chaired by the group leader
    const group = groupId === undefined ? undefined : lookup(org.groups, groupId)
    return group?.leaderId === chairId ? Result.succeed({ role: "groupLeader", delegated: false }) : wrongRole()
  }
  const leadership = org.leadership
  // R36 HARD: the secretary convenes and chairs …
  if (leadership.secretaryId === chairId) return Result.succeed({ role: "secretary", delegated: false })
  // R36 HARD: … or delegates the chair to a deputy secretary or a committee member (ZB Art. 14)
  if (input.delegated === true && leadership.deputyIds.includes(chairId)) {
    return Result.succeed({ role: "deputySecretary", delegated: true })
  }
  if (input.delegated === true && (leadership.committeeIds ?? []).includes(chairId)) {
    return Result.succeed({ role: "committeeMember", delegated: true })
  }
  return wrongRole()
}

const checkVoting = (meetingId: string, input: RecordInput): DomainError | undefined => {
  const voting = input.voting
  if (voting === undefined) return undefined
  const params = { meetingId, entitledVoting: voting.entitledVoting, presentVoting: voting.presentVoting }
  // R58 HARD: those present with a vote are among those entitled to one, who are among those entitled to attend;
  // guests and invitees never vote here
  if (
    voting.presentVoting > voting.entitledVoting || voting.entitledVoting > input.entitled.length
    || voting.presentVoting > input.present.length
  ) {
    return violation("R58", "meeting.votingInconsistent", params)
  }
  for (const vote of voting.votes) {
    // R58 HARD: a tally counts at most those present with a vote
    if (vote.yes + vote.no + vote.abstain > voting.presentVoting) {
      return violation("R58", "meeting.votingInconsistent", { ...params, motion: vote.motion })
    }
  }
  return undefined
}

const lecturerRoleOf = (org: OrganizationState, lecturerId: string): LecturerRole => {
  const l = org.leadership
  if (l.secretaryId === lecturerId) return "secretary"
  if (l.deputyIds.includes(lecturerId)) return "deputySecretary"
  if ((l.committeeIds ?? []).includes(lecturerId)) return "committeeMember"
  return lookup(org.roster, lecturerId) === undefined ? "guest" : "member"
}

const countNotIn = (ids: Iterable<string>, set: ReadonlySet<string>): number => {
  let n = 0
  for (const id of ids) if (!set.has(id)) n++
  return n
}

// Builds the record of a meeting from what the clerk entered, checking it (R58, R36) against the organization.
const buildRecord = (
  meetingId: string,
  kind: MeetingKind,
  body: Body,
  groupId: string | undefined,
  input: RecordInput,
  org: OrganizationState
): Result.Result<MeetingRecord, DomainError> => {
  const alsoCounts = input.alsoCounts ?? []
  const combined = checkAlsoCounts(meetingId, kind, body, alsoCounts)
  if (combined !== undefined) return Result.fail(combined)
  const attendance = checkAttendance(meetingId, body, input, org)
  if (attendance !== undefined) return Result.fail(attendance)
  const chair = chairRoleOf(meetingId, body, groupId, input, org)
  if (Result.isFailure(chair)) return Result.fail(chair.failure)
  const voting = checkVoting(meetingId, input)
  if (voting !== undefined) return Result.fail(voting)
  const roster = bodyRoster(org, body, groupId)
  const entitled = new Set(input.entitled)
  const { delegated, role } = chair.success
  return Result.succeed({
    alsoCounts,
    heldOn: input.heldOn,
    ...(input.place === undefined ? {} : { place: input.place }),
    ...(input.ordinal === undefined ? {} : { ordinal: input.ordinal }),
    ...(input.chairId === undefined || body === "participants" ? {} : { chairId: input.chairId }),
    ...(role === undefined ? {} : { chairRole: role }),
    chairDelegated: delegated,
    ...(input.recorderId === undefined ? {} : { recorderId: input.recorderId }),
    ...(input.lecturerId === undefined
      ? {}
      : { lecturerId: input.lecturerId, lecturerRole: lecturerRoleOf(org, input.lecturerId) }),
    entitled: input.entitled,
    present: input.present,
    absent: input.absent,
    guestMembers: input.guestMembers ?? [],
    invitees: input.invitees ?? [],
    topics: input.topics ?? [],
    decisions: input.decisions ?? [],
    ...(input.voting === undefined ? {} : { voting: input.voting }),
    // R58 REC: an entitled list that differs from the roster is a finding (paper records may differ)
    entitledNotOnRoster: body === "participants" ? 0 : countNotIn(entitled, roster),
    rosterNotEntitled: body === "participants" ? 0 : countNotIn(roster, entitled)
  })
}

// R60: a record entered after the day the meeting was held.
const checkLateRecording = (
  policy: OrgLifePolicy,
  state: MeetingState,
  cmd: RecordMeeting
): DomainError | undefined => {
  if (cmd.heldOn >= cmd.at) return undefined
  // R60 CONF: a bulk import of history is exempt while `importExempt` is set
  if (cmd.source === "import" && policy.importExempt) return undefined
  switch (policy.lateRecording) {
    case "allow":
      return undefined
    case "allowWithReason": {
      const graceDays = policy.lateRecordingGraceDays ?? 0
      // R60 CONF: past the grace days, a late record states why (补录原因)
      if (
        daysBetween(cmd.heldOn, cmd.at) > graceDays && (cmd.lateReason === undefined || cmd.lateReason.trim() === "")
      ) {
        return violation("R60", "meeting.lateReasonRequired", {
          meetingId: cmd.meetingId,
          heldOn: cmd.heldOn,
          at: cmd.at,
          graceDays
        })
      }
      return undefined
    }
    case "forbid": {
      const plan = state.schedule[0]
      // R60 HARD (policy `forbid`): no back-filling unless a plan was entered on or before the day it was held
      if (state.status !== "planned" || plan === undefined || plan.at > cmd.heldOn) {
        return violation("R60", "meeting.lateRecordingForbidden", {
          meetingId: cmd.meetingId,
          heldOn: cmd.heldOn,
          at: cmd.at
        })
      }
      return undefined
    }
    default:
      return exhaustive(policy.lateRecording, undefined)
  }
}

const notYetHeld = (meetingId: string, heldOn: LegalDate, at: LegalDate): DomainError | undefined =>
  heldOn > at ? invalid("meeting.notYetHeld", { meetingId, heldOn, at }) : undefined

// ---------------------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------------------

const plan = (state: MeetingState, org: OrganizationState | undefined, cmd: PlanMeeting): Decision => {
  const { meetingId, orgId } = cmd
  if (state.status !== "none") {
    const same = state.status === "planned" && state.orgId === orgId && state.kind === cmd.kind
      && state.schedule.length === 1 && state.schedule[0]?.plannedOn === cmd.plannedOn
    return same ? ok([]) : fail(invalid("domain.alreadyExists", { entity: "meeting", id: meetingId }))
  }
  if (cmd.plannedOn < cmd.at) {
    return fail(invalid("meeting.planInPast", { meetingId, plannedOn: cmd.plannedOn, at: cmd.at }))
  }
  const found = organizationOn(meetingId, orgId, org, cmd.at)
  if (Result.isFailure(found)) return fail(found.failure)
  const resolved = resolveBody(meetingId, cmd.kind, cmd.body, cmd.groupId, found.success)
  if (Result.isFailure(resolved)) return fail(resolved.failure)
  const { body, groupId } = resolved.success
  return ok([
    MeetingPlanned.make({
      meetingId,
      orgId,
      kind: cmd.kind,
      ...(groupId === undefined ? {} : { groupId }),
      body,
      plannedOn: cmd.plannedOn,
      ...(cmd.ordinal === undefined ? {} : { ordinal: cmd.ordinal }),
      at: cmd.at
    })
  ])
}

const open = (state: MeetingState, meetingId: string): DomainError | undefined =>
  state.status === "none"
    ? invalid("domain.notFound", { entity: "meeting", id: meetingId })
    : state.status === "cancelled"
    ? invalid("domain.closed", { entity: "meeting", id: meetingId, state: "cancelled" })
    : state.status === "held"
    ? invalid("meeting.alreadyHeld", { meetingId })
    : undefined

const reschedule = (state: MeetingState, cmd: RescheduleMeeting): Decision => {
  const error = open(state, cmd.meetingId)
  if (error !== undefined) return fail(error)
  const previous = plannedOn(state)
  if (previous === undefined || previous === cmd.plannedOn) return ok([])
  if (cmd.plannedOn < cmd.at) {
    return fail(invalid("meeting.planInPast", { meetingId: cmd.meetingId, plannedOn: cmd.plannedOn, at: cmd.at }))
  }
  return ok([
    MeetingRescheduled.make({
      meetingId: cmd.meetingId,
      plannedOn: cmd.plannedOn,
      previousPlannedOn: previous,
      at: cmd.at
    })
  ])
}

const cancel = (state: MeetingState, cmd: CancelMeeting): Decision => {
  if (state.status === "cancelled") return ok([])
  const error = open(state, cmd.meetingId)
  if (error !== undefined) return fail(error)
  return ok([
    MeetingCancelled.make({
      meetingId: cmd.meetingId,
      ...(cmd.reason === undefined ? {} : { reason: cmd.reason }),
      at: cmd.at
    })
  ])
}

const record = (
  policy: OrgLifePolicy,
  state: MeetingState,
  org: OrganizationState | undefined,
  cmd: RecordMeeting
): Decision => {
  const { meetingId, orgId } = cmd
  if (state.status === "cancelled") {
    return fail(invalid("domain.closed", { entity: "meeting", id: meetingId, state: "cancelled" }))
  }
  if (cmd.kind === "heartToHeartTalk") return fail(invalid("meeting.talkNeedsItsCommand", { meetingId }))
  const late = notYetHeld(meetingId, cmd.heldOn, cmd.at)
  if (late !== undefined) return fail(late)
  const found = organizationOn(meetingId, orgId, org, cmd.heldOn)
  if (Result.isFailure(found)) return fail(found.failure)
  const resolved = resolveBody(meetingId, cmd.kind, cmd.body, cmd.groupId, found.success)
  if (Result.isFailure(resolved)) return fail(resolved.failure)
  const { body, groupId } = resolved.success
  if (
    state.status !== "none" && (state.orgId !== orgId || state.kind !== cmd.kind || state.groupId !== groupId
      || state.body !== body)
  ) {
    return fail(invalid("meeting.planMismatch", { meetingId, orgId: state.orgId, kind: state.kind }))
  }
  const built = buildRecord(meetingId, cmd.kind, body, groupId, cmd, found.success)
  if (Result.isFailure(built)) return fail(built.failure)
  if (state.status === "held") {
    // The same record again (a retried command): nothing to do; another record is a correction.
    return canonical(state.record) === canonical(built.success)
      ? ok([])
      : fail(invalid("meeting.alreadyHeld", { meetingId }))
  }
  const lateError = checkLateRecording(policy, state, cmd)
  if (lateError !== undefined) return fail(lateError)
  return ok([
    MeetingHeld.make({
      meetingId,
      orgId,
      kind: cmd.kind,
      ...(groupId === undefined ? {} : { groupId }),
      body,
      ...built.success,
      // R60: entered after the day it was held (补录)
      lateRecorded: cmd.heldOn < cmd.at,
      ...(cmd.lateReason === undefined ? {} : { lateReason: cmd.lateReason }),
      source: cmd.source ?? "entry",
      at: cmd.at
    })
  ])
}

const recordTalk = (state: MeetingState, org: OrganizationState | undefined, cmd: RecordHeartToHeartTalk): Decision => {
  const { meetingId, orgId } = cmd
  if (state.status === "cancelled") {
    return fail(invalid("domain.closed", { entity: "meeting", id: meetingId, state: "cancelled" }))
  }
  const late = notYetHeld(meetingId, cmd.heldOn, cmd.at)
  if (late !== undefined) return fail(late)
  const found = organizationOn(meetingId, orgId, org, cmd.heldOn)
  if (Result.isFailure(found)) return fail(found.failure)
  const participants = new Set(cmd.participantIds)
  // R34: a talk is between at least two people, each named once
  if (participants.size < 2 || participants.size !== cmd.participantIds.length) {
    return fail(invalid("meeting.tooFewParticipants", { meetingId, participants: participants.size }))
  }
  if (state.status !== "none" && (state.orgId !== orgId || state.kind !== "heartToHeartTalk")) {
    return fail(invalid("meeting.planMismatch", { meetingId, orgId: state.orgId, kind: state.kind }))
  }
  const talk: MeetingRecord = {
    alsoCounts: [],
    heldOn: cmd.heldOn,
    ...(cmd.place === undefined ? {} : { place: cmd.place }),
    chairDelegated: false,
    entitled: cmd.participantIds,
    present: cmd.participantIds,
    absent: [],
    guestMembers: [],
    invitees: [],
    topics: cmd.topics ?? [],
    decisions: [],
    entitledNotOnRoster: 0,
    rosterNotEntitled: 0
  }
  if (state.status === "held") {
    return canonical(state.record) === canonical(talk) ? ok([]) : fail(invalid("meeting.alreadyHeld", { meetingId }))
  }
  // R60 does not apply: a talk is not a meeting (会议), and talks are usually written up afterwards
  return ok([
    MeetingHeld.make({
      meetingId,
      orgId,
      kind: "heartToHeartTalk",
      body: "participants",
      ...talk,
      lateRecorded: cmd.heldOn < cmd.at,
      source: "entry",
      at: cmd.at
    })
  ])
}

const correct = (state: MeetingState, org: OrganizationState | undefined, cmd: CorrectMeetingRecord): Decision => {
  const { meetingId } = cmd
  if (state.status !== "held") {
    return state.status === "none"
      ? fail(invalid("domain.notFound", { entity: "meeting", id: meetingId }))
      : fail(invalid("meeting.notHeld", { meetingId }))
  }
  if (cmd.reason.trim() === "") return fail(invalid("meeting.correctionReasonMissing", { meetingId }))
  const late = notYetHeld(meetingId, cmd.heldOn, cmd.at)
  if (late !== undefined) return fail(late)
  const found = organizationOn(meetingId, state.orgId, org, cmd.heldOn)
  if (Result.isFailure(found)) return fail(found.failure)
  const built = buildRecord(meetingId, state.kind, state.body, state.groupId, cmd, found.success)
  if (Result.isFailure(built)) return fail(built.failure)
  if (canonical(state.record) === canonical(built.success)) return ok([])
  return ok([MeetingRecordCorrected.make({ meetingId, ...built.success, reason: cmd.reason, at: cmd.at })])
}

/**
 * The organization a meeting command reads: the one a plan, a record or a talk names, and a held meeting's own
 * for a correction; none for a new date or a cancellation.
 *
 * @category decisions
 * @since 0.3.0
 */
export const requiredOrganization = (command: MeetingCommand, state: MeetingState): string | undefined => {
  switch (command._tag) {
    case "PlanMeeting":
    case "RecordMeeting":
    case "RecordHeartToHeartTalk":
      return command.orgId
    case "CorrectMeetingRecord":
      return state.status === "held" ? state.orgId : undefined
    case "RescheduleMeeting":
    case "CancelMeeting":
      return undefined
    default:
      return exhaustive(command, undefined)
  }
}

/**
 * Decides a meeting command given the meeting's state and the state of the organization it reads (see
 * {@link requiredOrganization}; undefined reads as an organization that does not exist), with the policy in force
 * on the command's legal date. Pure.
 *
 * @category decisions
 * @since 0.3.0
 */
export const decide = (
  policies: Policies,
  command: MeetingCommand,
  state: MeetingState,
  org?: OrganizationState
): Decision => {
  const policy = policyAt(toTimeline(policies), command.at).orgLife
  switch (command._tag) {
    case "PlanMeeting":
      return plan(state, org, command)
    case "RescheduleMeeting":
      return reschedule(state, command)
    case "CancelMeeting":
      return cancel(state, command)
    case "RecordMeeting":
      return record(policy, state, org, command)
    case "RecordHeartToHeartTalk":
      return recordTalk(state, org, command)
    case "CorrectMeetingRecord":
      return correct(state, org, command)
    default: {
      const _exhaustive: never = command
      return fail(unknownCommand(_exhaustive))
    }
  }
}

/**
 * The single-stream decider of the meeting stream (planning, recording and correcting read the organization:
 * run them through {@link route} or `Dangjian.execute`; here they see none).
 *
 * @category deciders
 * @since 0.3.0
 */
export const decider = (policies: Policies): Decider<MeetingCommand, MeetingEvent, MeetingState, DomainError> => ({
  initialState,
  evolve,
  decide: (command, state) => decide(policies, command, state)
})
