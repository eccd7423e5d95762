/**
 * The decisions of the member aggregate. A member command is decided over the member stream and the
 * organization streams it concerns (the affiliation, a transfer's origin and destination, a mobile member's
 * host, a check-in community), and its events are appended to all of them at once by the kernel's command
 * loop (the route in `route.ts`), each stream with its exact expected version: a member's affiliation and the
 * organizations' rosters can never disagree (R38, R42).
 *
 * - Roster events on organization streams come from the organization pillar's own roster decisions
 *   (`decideRosterAdd`, `decideRosterRemove`, `decideRosterStatus`), so its checks (R9 and the rest) apply.
 * - Organizations that are only read (a transfer's destination when the letter is issued, a host, a
 *   community) still take part in the append with their expected version, so the decision never rests on
 *   an organization that was dissolved meanwhile.
 * - Time comes in on the command (`at`), and the policy in force on that date judges it.
 * - One function per command, in the order of `MemberCommand`; {@link decideWith} dispatches over every tag
 *   (a `never` check closes the switch, so a new command fails to compile until it has its decision).
 *
 * Rules enforced here: R9 (through the roster), R20, R25, R37–R47. Findings (what is due, never automatic)
 * are in `findings.ts`.
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import { monthOf, shiftMonth } from "../dues/model.ts"
import { lookup } from "../kernel/records.ts"
import { exhaustive } from "../kernel/tags.ts"
import type { LegalDate } from "../LegalDate.ts"
import { addDays, addMonths, monthsBetween } from "../LegalDate.ts"
import type { Policies } from "../organization/decide.ts"
import { toTimeline } from "../organization/decide.ts"
import type { OrganizationEvent } from "../organization/events.ts"
import type { Approval } from "../organization/model.ts"
import { decideRosterAdd, decideRosterRemove, decideRosterStatus, requireActive } from "../organization/roster.ts"
import type { OrganizationState } from "../organization/state.ts"
import { childIds, initialState as organizationInitial } from "../organization/state.ts"
import type { DuesPolicy } from "../policy/DuesPolicy.ts"
import type { GovernancePolicy } from "../policy/GovernancePolicy.ts"
import { moreThanHalf } from "../policy/GovernancePolicy.ts"
import type { MembershipPolicy } from "../policy/MembershipPolicy.ts"
import { policyAt } from "../policy/PolicyTimeline.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import { invalid, unknownCommand, violation } from "../rules/RuleViolation.ts"
import type {
  AdmitMember,
  AssignMobileContactPerson,
  CancelProbation,
  CheckInAtCommunity,
  CheckOutOfCommunity,
  ConvertMember,
  ExpireTransferLetter,
  ExtendProbation,
  IssueTransferLetter,
  MemberCommand,
  ReceiveTransfer,
  RecordAbsence,
  RecordCheckInActivity,
  RecordCheckInFeedback,
  RecordHostActivity,
  RecordLostContact,
  RecordMobileContact,
  RecordParticipation,
  RecordReturn,
  RecordVote,
  RegisterMember,
  RegisterMobileMember,
  RejectTransfer,
  RemoveMember,
  RestoreContact,
  RestoreMembership,
  SuspendMembership
} from "./commands.ts"
import type { MemberEvent } from "./events.ts"
import {
  AbsenceRecorded,
  CheckInActivityRecorded,
  CheckInFeedbackRecorded,
  CommunityCheckedIn,
  CommunityCheckedOut,
  ContactRestored,
  HostActivityRecorded,
  LostContactRecorded,
  MemberAdmitted,
  MemberConverted,
  MemberRegistered,
  MemberRemoved,
  MemberReturned,
  MembershipRestored,
  MembershipSuspended,
  MobileContactPersonAssigned,
  MobileContactRecorded,
  MobileMemberRegistered,
  ParticipationRecorded,
  ProbationCancelled,
  ProbationExtended,
  TransferLetterExpired,
  TransferLetterIssued,
  TransferReceived,
  TransferRejected,
  VoteRecorded
} from "./events.ts"
import type { MeetingVote, TransferLetter } from "./model.ts"
import { probationEnd } from "./model.ts"
import type { CheckIn, MemberState, Mobility, Transfer } from "./state.ts"
import { isActive, lapsedFor, openTransfer } from "./state.ts"

/**
 * The states a member decision reads: the member's, and the organizations' it needs (by id).
 *
 * @category models
 * @since 0.1.0
 */
export interface MemberStates {
  readonly member: MemberState
  readonly orgs: Readonly<Record<string, OrganizationState>>
}

/**
 * The events of a member decision: the member stream's, and each organization stream's (by id; a missing
 * id gets no events).
 *
 * @category models
 * @since 0.1.0
 */
export interface MemberEvents {
  readonly member: ReadonlyArray<MemberEvent>
  readonly orgs: Readonly<Record<string, ReadonlyArray<OrganizationEvent>>>
}

type Decision = Result.Result<MemberEvents, DomainError>

const fail = (error: DomainError): Decision => Result.fail(error)
const ok = (member: ReadonlyArray<MemberEvent>, orgs: MemberEvents["orgs"] = {}): Decision =>
  Result.succeed({ member, orgs })

const dedupe = (ids: ReadonlyArray<string | undefined>): ReadonlyArray<string> => [
  ...new Set(ids.filter((id): id is string => id !== undefined))
]

/**
 * The organizations a member command needs, given the member's state: the affiliation for standing
 * commands, the origin and destination of a transfer, the host of a mobile member, the check-in community.
 *
 * @category decisions
 * @since 0.1.0
 */
export const requiredOrgs = (command: MemberCommand, member: MemberState): ReadonlyArray<string> => {
  switch (command._tag) {
    case "RegisterMember":
    case "AdmitMember":
      return [command.orgId]
    case "ConvertMember":
    case "ExtendProbation":
    case "CancelProbation":
    case "SuspendMembership":
    case "RestoreMembership":
    case "RemoveMember":
      return dedupe([member.orgId])
    case "IssueTransferLetter":
      return command.external === true ? [] : [command.toOrgId]
    case "ReceiveTransfer": {
      if (command.letter !== undefined) return [command.letter.toOrgId]
      const open = openTransfer(member)
      if (open === undefined) return []
      return open.external ? [open.fromOrgId] : dedupe([open.fromOrgId, open.toOrgId])
    }
    case "RegisterMobileMember":
      return [command.hostOrgId]
    case "CheckInAtCommunity":
      return [command.communityOrgId]
    case "RecordParticipation":
    case "RecordLostContact":
    case "RestoreContact":
    case "RejectTransfer":
    case "ExpireTransferLetter":
    case "RecordAbsence":
    case "AssignMobileContactPerson":
    case "RecordMobileContact":
    case "RecordHostActivity":
    case "RecordReturn":
    case "RecordCheckInActivity":
    case "RecordCheckInFeedback":
    case "CheckOutOfCommunity":
    case "RecordVote":
      return []
    default:
      return exhaustive(command, [])
  }
}

const orgState = (states: MemberStates, orgId: string): OrganizationState =>
  lookup(states.orgs, orgId) ?? organizationInitial

// ---------------------------------------------------------------------------------------------------------
// Shared checks
// ---------------------------------------------------------------------------------------------------------

const requireMember = (member: MemberState, memberId: string): DomainError | undefined => {
  if (member.status === "none") return invalid("domain.notFound", { entity: "member", id: memberId })
  if (member.status === "removed" || member.status === "cancelled" || member.status === "transferredOut") {
    return invalid("domain.closed", { entity: "member", id: memberId, state: member.status })
  }
  return undefined
}

const requireActiveMember = (member: MemberState, memberId: string): DomainError | undefined =>
  requireMember(member, memberId)
    ?? (isActive(member) ? undefined : invalid("member.notActive", { memberId, status: member.status }))

const requireProbationary = (member: MemberState, memberId: string): DomainError | undefined =>
  requireMember(member, memberId)
    ?? (member.status === "probationary"
      ? undefined
      : invalid("member.notProbationary", { memberId, status: member.status }))

/**
 * R20 / R25 / R37 HARD: the branch general meeting's vote on a member. Only full members vote (those entitled
 * cannot exceed FM when the roster is the whole electorate); more than half of those entitled attend; the
 * motion passes with yes-votes from more than half of those entitled (应到会); the higher approval comes
 * after the meeting and on or before the decision's date.
 *
 * @category decisions
 * @since 0.1.0
 */
export const checkMeeting = (
  org: OrganizationState,
  orgId: string,
  meeting: MeetingVote,
  approval: Approval,
  at: LegalDate
): DomainError | undefined => {
  if (meeting.present > meeting.entitled) {
    return invalid("organization.presentExceedsEntitled", {
      orgId,
      entitled: meeting.entitled,
      present: meeting.present
    })
  }
  if (meeting.yes > meeting.present) {
    return invalid("member.votesExceedPresent", { orgId, yes: meeting.yes, present: meeting.present })
  }
  if (!(meeting.at <= approval.at && approval.at <= at)) {
    return invalid("member.datesOutOfOrder", { orgId, meetingAt: meeting.at, approvalAt: approval.at, at })
  }
  // R20 HARD: only full members have a vote, so those entitled cannot exceed FM (when the roster is all of them)
  if (childIds(org).length === 0 && meeting.entitled > org.full) {
    return violation("R20", "organization.entitledExceedsFull", {
      orgId,
      entitled: meeting.entitled,
      excluded: 0,
      full: org.full
    })
  }
  const required = moreThanHalf(meeting.entitled)
  // R25 HARD: more than half of those with a vote must attend
  if (meeting.entitled === 0 || meeting.present < required) {
    return violation("R25", "organization.meetingQuorumNotMet", {
      orgId,
      entitled: meeting.entitled,
      present: meeting.present,
      required
    })
  }
  // R37 HARD (with R25's 应到会 denominator): every probation outcome needs a passed general-meeting vote
  if (meeting.yes < required) {
    return violation("R37", "member.meetingNotPassed", {
      orgId,
      entitled: meeting.entitled,
      yes: meeting.yes,
      required
    })
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------------------
// Standing (R20, R37, R38)
// ---------------------------------------------------------------------------------------------------------

const register = (states: MemberStates, cmd: RegisterMember): Decision => {
  const member = states.member
  // R38 HARD: exactly one formal affiliation
  if (member.status !== "none") {
    return fail(violation("R38", "member.alreadyAffiliated", { memberId: cmd.memberId, orgId: member.orgId }))
  }
  const org = orgState(states, cmd.orgId)
  const inactive = requireActive(org, cmd.orgId, cmd.at)
  if (inactive !== undefined) return fail(inactive)
  const event = MemberRegistered.make({
    memberId: cmd.memberId,
    orgId: cmd.orgId,
    status: cmd.status,
    ...(cmd.probationEndsAt === undefined ? {} : { probationEndsAt: cmd.probationEndsAt }),
    at: cmd.at
  })
  const listed = lookup(org.roster, cmd.memberId)
  // Already listed by the organization's establishment: the member stream catches up, the roster stays.
  if (listed === cmd.status) return ok([event])
  if (listed !== undefined) {
    return fail(
      invalid("member.rosterStatusMismatch", { memberId: cmd.memberId, orgId: cmd.orgId, listed, status: cmd.status })
    )
  }
  const added = decideRosterAdd(org, {
    memberId: cmd.memberId,
    status: cmd.status,
    reason: "initial",
    at: cmd.at,
    orgId: cmd.orgId
  })
  return Result.isFailure(added) ? fail(added.failure) : ok([event], { [cmd.orgId]: added.success })
}

const admit = (policy: MembershipPolicy, states: MemberStates, cmd: AdmitMember): Decision => {
  // R38 HARD: a member is admitted once, into one organization
  if (states.member.status !== "none") {
    return fail(violation("R38", "member.alreadyAffiliated", { memberId: cmd.memberId, orgId: states.member.orgId }))
  }
  const org = orgState(states, cmd.orgId)
  const added = decideRosterAdd(org, {
    memberId: cmd.memberId,
    status: "probationary",
    reason: "admitted",
    at: cmd.at,
    orgId: cmd.orgId
  })
  if (Result.isFailure(added)) return fail(added.failure)
  const meeting = checkMeeting(org, cmd.orgId, cmd.meeting, cmd.approval, cmd.at)
  if (meeting !== undefined) return fail(meeting)
  return ok([
    MemberAdmitted.make({
      memberId: cmd.memberId,
      orgId: cmd.orgId,
      meeting: cmd.meeting,
      approval: cmd.approval,
      // R37: the probation runs one year from the day the general meeting passes the admission
      probationEndsAt: probationEnd(cmd.meeting.at, policy.probationMonths),
      at: cmd.at
    })
  ], { [cmd.orgId]: added.success })
}

// R37 HARD: conversion and extension are decided when the probation (as extended) has ended
const checkProbationEnded = (member: MemberState, meetingAt: LegalDate): DomainError | undefined =>
  member.probationEndsAt !== undefined && meetingAt < member.probationEndsAt
    ? violation("R37", "member.probationNotEnded", {
      memberId: member.memberId,
      endsAt: member.probationEndsAt,
      at: meetingAt
    })
    : undefined

// A probation outcome (R37): on a probationary member, by the branch general meeting's vote with the higher
// approval. For a conversion or an extension the probation (as extended) has ended first; `checks` are the
// outcome's own, made before the vote's; `decided` gives the events, with the affiliation's state.
const probationOutcome = (
  states: MemberStates,
  cmd: ConvertMember | ExtendProbation | CancelProbation,
  ended: boolean,
  checks: () => DomainError | undefined,
  decided: (org: OrganizationState, orgId: string) => Decision
): Decision => {
  const member = states.member
  const orgId = member.orgId!
  const error = requireProbationary(member, cmd.memberId)
    ?? (ended ? checkProbationEnded(member, cmd.meeting.at) : undefined)
    ?? checks()
  if (error !== undefined) return fail(error)
  const org = orgState(states, orgId)
  const meeting = checkMeeting(org, orgId, cmd.meeting, cmd.approval, cmd.at)
  return meeting === undefined ? decided(org, orgId) : fail(meeting)
}

const noChecks = (): undefined => undefined

const convert = (states: MemberStates, cmd: ConvertMember): Decision =>
  probationOutcome(states, cmd, true, noChecks, (org, orgId) => {
    const memberId = cmd.memberId
    const changed = decideRosterStatus(org, { memberId, status: "full", at: cmd.at, orgId })
    if (Result.isFailure(changed)) return fail(changed.failure)
    return ok([MemberConverted.make({ memberId, orgId, meeting: cmd.meeting, approval: cmd.approval, at: cmd.at })], {
      [orgId]: changed.success
    })
  })

const extendProbation = (policy: MembershipPolicy, states: MemberStates, cmd: ExtendProbation): Decision => {
  const memberId = cmd.memberId
  const checks = () => {
    // R37 HARD: the probation is extended only once
    if (states.member.extended) return violation("R37", "member.alreadyExtended", { memberId })
    // R37 HARD: by at least half a year and at most one year (发展党员工作细则 Art. 32; DZ Art. 7)
    if (cmd.months < policy.probationExtensionMinMonths || cmd.months > policy.probationExtensionMaxMonths) {
      return violation("R37", "member.extensionOutOfRange", {
        memberId,
        months: cmd.months,
        min: policy.probationExtensionMinMonths,
        max: policy.probationExtensionMaxMonths
      })
    }
    return undefined
  }
  return probationOutcome(states, cmd, true, checks, (_org, orgId) =>
    ok([
      ProbationExtended.make({
        memberId,
        orgId,
        months: cmd.months,
        until: addMonths(states.member.probationEndsAt ?? cmd.meeting.at, cmd.months),
        meeting: cmd.meeting,
        approval: cmd.approval,
        at: cmd.at
      })
    ]))
}

const cancelProbation = (states: MemberStates, cmd: CancelProbation): Decision =>
  probationOutcome(states, cmd, false, noChecks, (org, orgId) => {
    const memberId = cmd.memberId
    const removed = decideRosterRemove(org, { memberId, reason: "cancelled", at: cmd.at, orgId })
    if (Result.isFailure(removed)) return fail(removed.failure)
    return ok(
      [ProbationCancelled.make({ memberId, orgId, meeting: cmd.meeting, approval: cmd.approval, at: cmd.at })],
      {
        [orgId]: removed.success
      }
    )
  })

// ---------------------------------------------------------------------------------------------------------
// Participation, contact and removal (R39, R40)
// ---------------------------------------------------------------------------------------------------------

const recordParticipation = (states: MemberStates, cmd: RecordParticipation): Decision => {
  const member = states.member
  const inactive = requireActiveMember(member, cmd.memberId)
  if (inactive !== undefined) return fail(inactive)
  return ok([ParticipationRecorded.make({ memberId: cmd.memberId, orgId: member.orgId!, kind: cmd.kind, at: cmd.at })])
}

const recordLostContact = (states: MemberStates, cmd: RecordLostContact): Decision => {
  if (cmd.since > cmd.at) {
    return fail(invalid("member.sinceAfterDate", { memberId: cmd.memberId, since: cmd.since, at: cmd.at }))
  }
  if (states.member.lostContactSince === cmd.since) return ok([])
  return ok([LostContactRecorded.make({ memberId: cmd.memberId, since: cmd.since, at: cmd.at })])
}

const restoreContact = (states: MemberStates, cmd: RestoreContact): Decision =>
  states.member.lostContactSince === undefined
    ? ok([])
    : ok([ContactRestored.make({ memberId: cmd.memberId, at: cmd.at })])

const suspend = (policy: MembershipPolicy, states: MemberStates, cmd: SuspendMembership): Decision => {
  const member = states.member
  const memberId = cmd.memberId
  const orgId = member.orgId!
  const inactive = requireActiveMember(member, memberId)
  if (inactive !== undefined) return fail(inactive)
  // R40 HARD: suspension follows lost contact of at least the policy's months, by a decision body
  if (member.lostContactSince === undefined) return fail(violation("R40", "member.notLostContact", { memberId }))
  const months = monthsBetween(member.lostContactSince, cmd.at)
  // R40 HARD: … of at least the policy's months
  if (months < policy.lostContactSuspendMonths) {
    return fail(
      violation("R40", "member.suspensionTooEarly", {
        memberId,
        since: member.lostContactSince,
        months,
        required: policy.lostContactSuspendMonths
      })
    )
  }
  const changed = decideRosterStatus(orgState(states, orgId), { memberId, status: "suspended", at: cmd.at, orgId })
  if (Result.isFailure(changed)) return fail(changed.failure)
  return ok([
    MembershipSuspended.make({
      memberId,
      orgId,
      decision: cmd.decision,
      lostContactSince: member.lostContactSince,
      at: cmd.at
    })
  ], { [orgId]: changed.success })
}

const restore = (states: MemberStates, cmd: RestoreMembership): Decision => {
  const member = states.member
  const memberId = cmd.memberId
  const orgId = member.orgId!
  // R40: only a suspended member is restored
  if (member.status !== "suspended") return fail(violation("R40", "member.notSuspended", { memberId }))
  const status = member.statusBeforeSuspension ?? "full"
  const changed = decideRosterStatus(orgState(states, orgId), { memberId, status, at: cmd.at, orgId })
  if (Result.isFailure(changed)) return fail(changed.failure)
  return ok([MembershipRestored.make({ memberId, orgId, status, approval: cmd.approval, at: cmd.at })], {
    [orgId]: changed.success
  })
}

const remove = (policy: MembershipPolicy, states: MemberStates, cmd: RemoveMember): Decision => {
  const member = states.member
  const error = requireMember(member, cmd.memberId)
  if (error !== undefined) return fail(error)
  const orgId = member.orgId!
  if (cmd.reason === "selfLapsed") {
    // R39 HARD: removal as self-lapsed needs 6 consecutive months without org life, dues or work (the
    // "without good reason" is the meeting's judgment, never the system's)
    if (member.status !== "suspended" && lapsedFor(member, policy, cmd.meeting.at) === undefined) {
      return fail(
        violation("R39", "member.notLapsed", {
          memberId: cmd.memberId,
          required: policy.lapseMonths,
          at: cmd.meeting.at
        })
      )
    }
  } else {
    // R40 HARD: removal for lost contact only after the suspension has lasted the policy's years
    if (member.status !== "suspended" || member.suspendedAt === undefined) {
      return fail(violation("R40", "member.notSuspended", { memberId: cmd.memberId }))
    }
    const months = monthsBetween(member.suspendedAt, cmd.meeting.at)
    if (months < policy.suspendedRemoveAfterYears * 12) {
      return fail(
        violation("R40", "member.removalTooEarly", {
          memberId: cmd.memberId,
          suspendedAt: member.suspendedAt,
          months,
          required: policy.suspendedRemoveAfterYears * 12
        })
      )
    }
  }
  const org = orgState(states, orgId)
  const meeting = checkMeeting(org, orgId, cmd.meeting, cmd.approval, cmd.at)
  if (meeting !== undefined) return fail(meeting)
  const removed = decideRosterRemove(org, { memberId: cmd.memberId, reason: "removed", at: cmd.at, orgId })
  if (Result.isFailure(removed)) return fail(removed.failure)
  return ok([
    MemberRemoved.make({
      memberId: cmd.memberId,
      orgId,
      reason: cmd.reason,
      meeting: cmd.meeting,
      approval: cmd.approval,
      at: cmd.at
    })
  ], { [orgId]: removed.success })
}

// ---------------------------------------------------------------------------------------------------------
// Transfers (R41–R43)
// ---------------------------------------------------------------------------------------------------------

const issueTransferLetter = (
  policy: MembershipPolicy,
  states: MemberStates,
  cmd: IssueTransferLetter,
  dues: DuesPolicy
): Decision => {
  const member = states.member
  const error = requireActiveMember(member, cmd.memberId)
  if (error !== undefined) return fail(error)
  const open = openTransfer(member)
  if (open !== undefined) {
    return fail(invalid("member.transferOpen", { memberId: cmd.memberId, transferId: open.transferId }))
  }
  if (member.transfer?.transferId === cmd.transferId) {
    return fail(invalid("domain.alreadyExists", { entity: "transfer", id: cmd.transferId }))
  }
  if (cmd.toOrgId === member.orgId) {
    return fail(invalid("member.transferToSameOrg", { memberId: cmd.memberId, orgId: cmd.toOrgId }))
  }
  const external = cmd.external === true
  // R42: a destination recorded in another store is checked there, when it receives (R9 and its being active)
  if (!external) {
    const destination = orgState(states, cmd.toOrgId)
    const inactive = requireActive(destination, cmd.toOrgId, cmd.at)
    if (inactive !== undefined) return fail(inactive)
    // R9 HARD: a temporary branch takes no affiliation
    if (destination.kind === "temporaryBranch") {
      return fail(violation("R9", "organization.temporaryBranchNoAffiliation", { orgId: cmd.toOrgId }))
    }
  }
  const days = cmd.validityDays ?? policy.transferLetterValidityDays
  // R43 CONF: a letter is valid at most the policy's days (generally ≤ 3 months)
  if (days > policy.transferLetterValidityDays) {
    return fail(
      violation("R43", "member.letterValidityTooLong", {
        transferId: cmd.transferId,
        days,
        max: policy.transferLetterValidityDays
      })
    )
  }
  const latest = shiftMonth(monthOf(cmd.at), dues.advancePayMaxMonths)
  // R74 HARD: dues paid through a month no later than the issue month plus the advance window (R70)
  if (cmd.duesPaidThrough !== undefined && cmd.duesPaidThrough > latest) {
    return fail(
      violation("R74", "dues.paidThroughTooLate", {
        transferId: cmd.transferId,
        paidThrough: cmd.duesPaidThrough,
        latest
      })
    )
  }
  return ok([
    TransferLetterIssued.make({
      memberId: cmd.memberId,
      transferId: cmd.transferId,
      fromOrgId: member.orgId!,
      toOrgId: cmd.toOrgId,
      validUntil: addDays(cmd.at, days),
      ...(external ? { external } : {}),
      ...(cmd.duesPaidThrough === undefined ? {} : { duesPaidThrough: cmd.duesPaidThrough }),
      at: cmd.at
    })
  ])
}

// A letter issued in another store (another province's shard): the member's stream here starts from it, and
// the destination's roster takes the member. The origin's store records its half of the receipt afterwards.
const receiveWithLetter = (states: MemberStates, cmd: ReceiveTransfer, letter: TransferLetter): Decision => {
  const member = states.member
  // R38 HARD: one affiliation; a member affiliated in this store is not received from another one
  if (member.status === "probationary" || member.status === "full" || member.status === "suspended") {
    return fail(violation("R38", "member.alreadyAffiliated", { memberId: cmd.memberId, orgId: member.orgId }))
  }
  if (member.status === "removed" || member.status === "cancelled") {
    return fail(invalid("domain.closed", { entity: "member", id: cmd.memberId, state: member.status }))
  }
  if (letter.fromOrgId === letter.toOrgId) {
    return fail(invalid("member.transferToSameOrg", { memberId: cmd.memberId, orgId: letter.toOrgId }))
  }
  if (cmd.at < letter.issuedAt) {
    return fail(invalid("member.beforeIssued", { transferId: cmd.transferId, issuedAt: letter.issuedAt, at: cmd.at }))
  }
  // R43 HARD: an expired letter cannot be received, from another store either (its last valid day passes)
  if (cmd.at > letter.validUntil) {
    return fail(
      violation("R43", "member.letterExpired", {
        transferId: cmd.transferId,
        validUntil: letter.validUntil,
        at: cmd.at
      })
    )
  }
  // R42 HARD: the destination takes the member into its roster (R9: never a temporary branch; it must be active)
  const added = decideRosterAdd(orgState(states, letter.toOrgId), {
    memberId: cmd.memberId,
    status: letter.status,
    reason: "transferredIn",
    at: cmd.at,
    orgId: letter.toOrgId
  })
  if (Result.isFailure(added)) return fail(added.failure)
  return ok([
    TransferReceived.make({
      memberId: cmd.memberId,
      transferId: cmd.transferId,
      fromOrgId: letter.fromOrgId,
      toOrgId: letter.toOrgId,
      letter,
      at: cmd.at
    })
  ], { [letter.toOrgId]: added.success })
}

const receiveTransfer = (states: MemberStates, cmd: ReceiveTransfer): Decision => {
  const member = states.member
  // R42: the receipt of this letter is recorded already (a retry after a crash, in either store): nothing to do
  if (member.transfer?.transferId === cmd.transferId && member.transfer.status === "received") return ok([])
  if (cmd.letter !== undefined) return receiveWithLetter(states, cmd, cmd.letter)
  const error = requireActiveMember(member, cmd.memberId)
  if (error !== undefined) return fail(error)
  const open = openTransfer(member)
  if (open === undefined || open.transferId !== cmd.transferId) {
    return fail(invalid("member.noOpenTransfer", { memberId: cmd.memberId, transferId: cmd.transferId }))
  }
  if (cmd.at < open.issuedAt) {
    return fail(invalid("member.beforeIssued", { transferId: cmd.transferId, issuedAt: open.issuedAt, at: cmd.at }))
  }
  // R43 HARD: an expired letter cannot be received (day 90 of a 90-day letter is the last valid day)
  if (cmd.at > open.validUntil) {
    return fail(
      violation("R43", "member.letterExpired", { transferId: cmd.transferId, validUntil: open.validUntil, at: cmd.at })
    )
  }
  // R42 HARD: the member leaves the origin and joins the destination in the same atomic append
  const removed = decideRosterRemove(orgState(states, open.fromOrgId), {
    memberId: cmd.memberId,
    reason: "transferredOut",
    at: cmd.at,
    orgId: open.fromOrgId
  })
  if (Result.isFailure(removed)) return fail(removed.failure)
  if (open.external) {
    // R42 HARD: the destination's store received the member (its half first): the origin's roster lets the
    // member go and the record here ends (`transferredOut`), with any check-in at a community here (R47)
    const checkedOut = member.checkIn === undefined
      ? []
      : [CommunityCheckedOut.make({ memberId: cmd.memberId, checkInId: member.checkIn.checkInId, at: cmd.at })]
    return ok([
      TransferReceived.make({
        memberId: cmd.memberId,
        transferId: cmd.transferId,
        fromOrgId: open.fromOrgId,
        toOrgId: open.toOrgId,
        at: cmd.at
      }),
      ...checkedOut
    ], { [open.fromOrgId]: removed.success })
  }
  const added = decideRosterAdd(orgState(states, open.toOrgId), {
    memberId: cmd.memberId,
    status: member.status === "full" ? "full" : "probationary",
    reason: "transferredIn",
    at: cmd.at,
    orgId: open.toOrgId
  })
  if (Result.isFailure(added)) return fail(added.failure)
  // R47: a member transferred into the community where they checked in is now organized there; the check-in
  // (participation without affiliation) ends with the same append
  const checkedOut = member.checkIn?.communityOrgId === open.toOrgId
    ? [CommunityCheckedOut.make({ memberId: cmd.memberId, checkInId: member.checkIn.checkInId, at: cmd.at })]
    : []
  return ok([
    TransferReceived.make({
      memberId: cmd.memberId,
      transferId: cmd.transferId,
      fromOrgId: open.fromOrgId,
      toOrgId: open.toOrgId,
      at: cmd.at
    }),
    ...checkedOut
  ], { [open.fromOrgId]: removed.success, [open.toOrgId]: added.success })
}

// The open transfer a rejection or an expiry closes: the one the command names, on or after its issue.
const closingTransfer = (
  member: MemberState,
  cmd: { readonly memberId: string; readonly transferId: string; readonly at: LegalDate }
): Result.Result<Transfer, DomainError> => {
  const open = openTransfer(member)
  if (open === undefined || open.transferId !== cmd.transferId) {
    return Result.fail(invalid("member.noOpenTransfer", { memberId: cmd.memberId, transferId: cmd.transferId }))
  }
  if (cmd.at < open.issuedAt) {
    return Result.fail(
      invalid("member.beforeIssued", { transferId: open.transferId, issuedAt: open.issuedAt, at: cmd.at })
    )
  }
  return Result.succeed(open)
}

const rejectTransfer = (states: MemberStates, cmd: RejectTransfer): Decision => {
  const open = closingTransfer(states.member, cmd)
  if (Result.isFailure(open)) return fail(open.failure)
  // R42 HARD: a refusal always names its reason (the Schema requires one)
  return ok([
    TransferRejected.make({
      memberId: cmd.memberId,
      transferId: open.success.transferId,
      reason: cmd.reason,
      at: cmd.at
    })
  ])
}

const expireTransferLetter = (states: MemberStates, cmd: ExpireTransferLetter): Decision => {
  const open = closingTransfer(states.member, cmd)
  if (Result.isFailure(open)) return fail(open.failure)
  const { transferId, validUntil } = open.success
  // R43: expiry is a state transition once the validity has run out, not before
  if (cmd.at <= validUntil) return fail(violation("R43", "member.letterStillValid", { transferId, validUntil }))
  return ok([TransferLetterExpired.make({ memberId: cmd.memberId, transferId, at: cmd.at })])
}

// ---------------------------------------------------------------------------------------------------------
// Absences and mobile members (R11, R44, R45)
// ---------------------------------------------------------------------------------------------------------

const recordAbsence = (states: MemberStates, cmd: RecordAbsence): Decision => {
  const member = states.member
  const inactive = requireActiveMember(member, cmd.memberId)
  if (inactive !== undefined) return fail(inactive)
  if (member.absence !== undefined) {
    return fail(invalid("member.alreadyAway", { memberId: cmd.memberId, since: member.absence.since }))
  }
  return ok([
    AbsenceRecorded.make({ memberId: cmd.memberId, fixedPlace: cmd.fixedPlace, abroad: cmd.abroad, at: cmd.at })
  ])
}

const registerMobile = (states: MemberStates, cmd: RegisterMobileMember): Decision => {
  const member = states.member
  const error = requireActiveMember(member, cmd.memberId)
  if (error !== undefined) return fail(error)
  if (member.mobile !== undefined) {
    return fail(invalid("member.alreadyMobile", { memberId: cmd.memberId, hostOrgId: member.mobile.hostOrgId }))
  }
  // R45 HARD: the host is another organization; the affiliation stays at the origin
  if (cmd.hostOrgId === member.orgId) {
    return fail(violation("R45", "member.hostIsAffiliation", { memberId: cmd.memberId, orgId: cmd.hostOrgId }))
  }
  const inactive = requireActive(orgState(states, cmd.hostOrgId), cmd.hostOrgId, cmd.at)
  if (inactive !== undefined) return fail(inactive)
  // R44 CONF: where the place or time is uncertain, the credential is the mobile-member card
  if (!cmd.fixedPlace && cmd.credential !== "mobileCard") {
    return fail(
      violation("R44", "member.credentialMismatch", {
        memberId: cmd.memberId,
        credential: cmd.credential,
        required: "mobileCard"
      })
    )
  }
  const absence = member.absence === undefined
    ? [AbsenceRecorded.make({ memberId: cmd.memberId, fixedPlace: cmd.fixedPlace, abroad: cmd.abroad, at: cmd.at })]
    : []
  return ok([
    ...absence,
    MobileMemberRegistered.make({
      memberId: cmd.memberId,
      originOrgId: member.orgId!,
      hostOrgId: cmd.hostOrgId,
      credential: cmd.credential,
      credentialId: cmd.credentialId,
      ...(cmd.contactPersonId === undefined ? {} : { contactPersonId: cmd.contactPersonId }),
      at: cmd.at
    })
  ])
}

// The mobile status a command on a mobile member needs.
const mobility = (member: MemberState, memberId: string): Result.Result<Mobility, DomainError> =>
  member.mobile === undefined ? Result.fail(invalid("member.notMobile", { memberId })) : Result.succeed(member.mobile)

const assignMobileContactPerson = (states: MemberStates, cmd: AssignMobileContactPerson): Decision => {
  const mobile = mobility(states.member, cmd.memberId)
  if (Result.isFailure(mobile)) return fail(mobile.failure)
  if (mobile.success.contactPersonId === cmd.contactPersonId) return ok([])
  return ok([
    MobileContactPersonAssigned.make({ memberId: cmd.memberId, contactPersonId: cmd.contactPersonId, at: cmd.at })
  ])
}

const recordMobileContact = (states: MemberStates, cmd: RecordMobileContact): Decision => {
  const mobile = mobility(states.member, cmd.memberId)
  if (Result.isFailure(mobile)) return fail(mobile.failure)
  return ok([MobileContactRecorded.make({ memberId: cmd.memberId, at: cmd.at })])
}

const recordHostActivity = (states: MemberStates, cmd: RecordHostActivity): Decision => {
  const mobile = mobility(states.member, cmd.memberId)
  if (Result.isFailure(mobile)) return fail(mobile.failure)
  // R45 HARD: a mobile member takes part (and is appraised) at the host it is registered with
  if (cmd.hostOrgId !== mobile.success.hostOrgId) {
    return fail(violation("R45", "member.notHostedThere", { memberId: cmd.memberId, orgId: cmd.hostOrgId }))
  }
  return ok([
    HostActivityRecorded.make({ memberId: cmd.memberId, hostOrgId: cmd.hostOrgId, kind: cmd.kind, at: cmd.at })
  ])
}

const recordReturn = (states: MemberStates, cmd: RecordReturn): Decision =>
  states.member.absence === undefined && states.member.mobile === undefined
    ? ok([])
    : ok([MemberReturned.make({ memberId: cmd.memberId, at: cmd.at })])

// ---------------------------------------------------------------------------------------------------------
// Community check-ins (R46, R47)
// ---------------------------------------------------------------------------------------------------------

const checkIn = (states: MemberStates, cmd: CheckInAtCommunity): Decision => {
  const member = states.member
  const error = requireActiveMember(member, cmd.memberId)
  if (error !== undefined) return fail(error)
  if (member.checkIn !== undefined) {
    return fail(invalid("member.alreadyCheckedIn", { memberId: cmd.memberId, checkInId: member.checkIn.checkInId }))
  }
  // R47 HARD: the check-in is at another organization than the affiliation, which it never changes
  if (cmd.communityOrgId === member.orgId) {
    return fail(violation("R47", "member.checkInAtAffiliation", { memberId: cmd.memberId, orgId: cmd.communityOrgId }))
  }
  const inactive = requireActive(orgState(states, cmd.communityOrgId), cmd.communityOrgId, cmd.at)
  if (inactive !== undefined) return fail(inactive)
  return ok([
    CommunityCheckedIn.make({
      memberId: cmd.memberId,
      checkInId: cmd.checkInId,
      communityOrgId: cmd.communityOrgId,
      affiliationOrgId: member.orgId!,
      record: cmd.record,
      resettled: cmd.resettled,
      at: cmd.at
    })
  ])
}

// The check-in a command on a checked-in member needs.
const checkedIn = (member: MemberState, memberId: string): Result.Result<CheckIn, DomainError> =>
  member.checkIn === undefined
    ? Result.fail(invalid("member.notCheckedIn", { memberId }))
    : Result.succeed(member.checkIn)

const recordCheckInActivity = (states: MemberStates, cmd: RecordCheckInActivity): Decision => {
  const checkIn = checkedIn(states.member, cmd.memberId)
  if (Result.isFailure(checkIn)) return fail(checkIn.failure)
  return ok([
    CheckInActivityRecorded.make({
      memberId: cmd.memberId,
      checkInId: checkIn.success.checkInId,
      activityKind: cmd.activityKind,
      at: cmd.at
    })
  ])
}

const recordCheckInFeedback = (states: MemberStates, cmd: RecordCheckInFeedback): Decision => {
  const checkIn = checkedIn(states.member, cmd.memberId)
  if (Result.isFailure(checkIn)) return fail(checkIn.failure)
  // R47: the feedback goes to the affiliation organization (where the member is appraised)
  return ok([
    CheckInFeedbackRecorded.make({
      memberId: cmd.memberId,
      checkInId: checkIn.success.checkInId,
      toOrgId: states.member.orgId!,
      rating: cmd.rating,
      at: cmd.at
    })
  ])
}

const checkOut = (states: MemberStates, cmd: CheckOutOfCommunity): Decision =>
  states.member.checkIn === undefined
    ? ok([])
    : ok([CommunityCheckedOut.make({ memberId: cmd.memberId, checkInId: states.member.checkIn.checkInId, at: cmd.at })])

// ---------------------------------------------------------------------------------------------------------
// Rights (R20, R38, R40, R42, R45, R47)
// ---------------------------------------------------------------------------------------------------------

/**
 * R20 / R38 / R40 / R42 / R45 / R47 HARD: who may vote, elect or stand where. Only at the affiliation, only
 * when full. The rejection names the rule that keeps the member from voting at that organization: R45 at a
 * mobile member's host, R47 at a check-in community, R42 at a transfer's destination before it is received,
 * R38 anywhere else outside the affiliation, R40 when suspended, R20 when probationary.
 *
 * @category decisions
 * @since 0.1.0
 */
export const voteRejection = (
  member: MemberState,
  orgId: string,
  kind: RecordVote["kind"]
): DomainError | undefined => {
  const memberId = member.memberId
  const params = { memberId, orgId, kind }
  if (orgId !== member.orgId) {
    // R45 HARD: a mobile member takes part at the host but has no vote there
    if (member.mobile?.hostOrgId === orgId) return violation("R45", "member.noVoteAtHost", params)
    // R47 HARD: a check-in gives no vote at the community
    if (member.checkIn?.communityOrgId === orgId) return violation("R47", "member.noVoteAtCheckIn", params)
    // R42 HARD: until received, the member belongs to (and votes at) the origin
    if (openTransfer(member)?.toOrgId === orgId) return violation("R42", "member.noVoteBeforeReceived", params)
    // R38 HARD: one affiliation, the only place with a vote
    return violation("R38", "member.noVoteOutsideAffiliation", params)
  }
  // R40: a suspended member counts nowhere and votes nowhere
  if (member.status === "suspended") return violation("R40", "member.noVoteWhenSuspended", params)
  // R20 HARD: probationary members have no vote, and cannot elect or stand
  if (member.status === "probationary") return violation("R20", "member.noVoteWhenProbationary", params)
  return undefined
}

const recordVote = (states: MemberStates, cmd: RecordVote): Decision => {
  const rejected = voteRejection(states.member, cmd.orgId, cmd.kind)
  if (rejected !== undefined) return fail(rejected)
  return ok([VoteRecorded.make({ memberId: cmd.memberId, orgId: cmd.orgId, kind: cmd.kind, at: cmd.at })])
}

// ---------------------------------------------------------------------------------------------------------
// The decision
// ---------------------------------------------------------------------------------------------------------

// The commands that start a member's standing or check it themselves; every other one is on a member who is
// registered and not removed or cancelled (checked once, before the dispatch).
const checksItsOwnStanding: ReadonlySet<MemberCommand["_tag"]> = new Set([
  "RegisterMember",
  "AdmitMember",
  "RemoveMember",
  "IssueTransferLetter",
  "ReceiveTransfer",
  "RegisterMobileMember",
  "CheckInAtCommunity"
])

/**
 * Decides a member command over the member's and the needed organizations' states, under one policy.
 *
 * @category decisions
 * @since 0.1.0
 */
export const decideWith = (policy: GovernancePolicy, command: MemberCommand, states: MemberStates): Decision => {
  const member = states.member
  const m = policy.membership
  if (member.status !== "none" && member.memberId !== command.memberId) {
    return fail(invalid("member.wrongStream", { memberId: command.memberId, streamMemberId: member.memberId }))
  }
  if (!checksItsOwnStanding.has(command._tag)) {
    const error = requireMember(member, command.memberId)
    if (error !== undefined) return fail(error)
  }
  switch (command._tag) {
    case "RegisterMember":
      return register(states, command)
    case "AdmitMember":
      return admit(m, states, command)
    case "ConvertMember":
      return convert(states, command)
    case "ExtendProbation":
      return extendProbation(m, states, command)
    case "CancelProbation":
      return cancelProbation(states, command)
    case "RecordParticipation":
      return recordParticipation(states, command)
    case "RecordLostContact":
      return recordLostContact(states, command)
    case "RestoreContact":
      return restoreContact(states, command)
    case "SuspendMembership":
      return suspend(m, states, command)
    case "RestoreMembership":
      return restore(states, command)
    case "RemoveMember":
      return remove(m, states, command)
    case "IssueTransferLetter":
      return issueTransferLetter(m, states, command, policy.dues)
    case "ReceiveTransfer":
      return receiveTransfer(states, command)
    case "RejectTransfer":
      return rejectTransfer(states, command)
    case "ExpireTransferLetter":
      return expireTransferLetter(states, command)
    case "RecordAbsence":
      return recordAbsence(states, command)
    case "RegisterMobileMember":
      return registerMobile(states, command)
    case "AssignMobileContactPerson":
      return assignMobileContactPerson(states, command)
    case "RecordMobileContact":
      return recordMobileContact(states, command)
    case "RecordHostActivity":
      return recordHostActivity(states, command)
    case "RecordReturn":
      return recordReturn(states, command)
    case "CheckInAtCommunity":
      return checkIn(states, command)
    case "RecordCheckInActivity":
      return recordCheckInActivity(states, command)
    case "RecordCheckInFeedback":
      return recordCheckInFeedback(states, command)
    case "CheckOutOfCommunity":
      return checkOut(states, command)
    case "RecordVote":
      return recordVote(states, command)
    default: {
      const _exhaustive: never = command
      return fail(unknownCommand(_exhaustive))
    }
  }
}

/**
 * Decides a member command with the policy in force on its legal date.
 *
 * @category decisions
 * @since 0.1.0
 */
export const decide = (policies: Policies, command: MemberCommand, states: MemberStates): Decision =>
  decideWith(policyAt(toTimeline(policies), command.at), command, states)
