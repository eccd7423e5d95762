/**
 * The single-stream decisions of the organization aggregate: roster, leadership, elections, terms, party
 * groups and hub households, village-to-community conversion, adjustments and covered units. Each is judged
 * with the policy in force on the command's legal date.
 *
 * Where a check needs the members of sub-organizations (an organization with sub-organizations elects with
 * an electorate spread over their rosters), one stream cannot see them: the check is made when the
 * organization has no sub-organizations (its roster is the whole electorate) and otherwise left to the
 * compliance assessment over the tree.
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import type { Decider } from "../kernel/Decider.ts"
import { has, lookup } from "../kernel/records.ts"
import * as LegalDate from "../LegalDate.ts"
import type { GovernancePolicy, SizeRange } from "../policy/GovernancePolicy.ts"
import { minimumCandidates, moreThanHalf, quorumMinimum, reachedBy } from "../policy/GovernancePolicy.ts"
import type { PolicyTimeline } from "../policy/PolicyTimeline.ts"
import { of as timelineOf, policyAt } from "../policy/PolicyTimeline.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import { invalid, unknownCommand, violation } from "../rules/RuleViolation.ts"
import type {
  Adjustment,
  AdjustOrganization,
  AppointLeadership,
  ApproveSecretary,
  ConvertVillageToCommunity,
  CoverUnit,
  DesignateHubHousehold,
  DisbandPartyGroup,
  ElectCommittee,
  ElectSecretary,
  ExtendTerm,
  FormPartyGroup,
  OrganizationCommand,
  RecordConcurrentPosts,
  RecordGeneralMeetingVote,
  ReorganizePartyGroup,
  RevokeHubHousehold,
  UncoverUnit,
  Vote
} from "./commands.ts"
import type { OrganizationEvent } from "./events.ts"
import {
  CommitteeElected,
  ConcurrentPostsRecorded,
  GeneralMeetingVoteRecorded,
  HubHouseholdDesignated,
  HubHouseholdRevoked,
  LeadershipAppointed,
  OrganizationAdjusted,
  PartyGroupDisbanded,
  PartyGroupFormed,
  PartyGroupReorganized,
  SecretaryApproved,
  SecretaryElected,
  TermExtended,
  UnitCovered,
  UnitUncovered,
  VillageConvertedToCommunity
} from "./events.ts"
import type { Approval, Locus, OrgKind } from "./model.ts"
import { isBranchKind, isTownshipLevel, isVillageOrCommunity, levelAtLeast } from "./model.ts"
import { decideRosterAdd, decideRosterRemove, decideRosterStatus, requireActive } from "./roster.ts"
import type { OrganizationState } from "./state.ts"
import { childIds, counts, evolve, initialState } from "./state.ts"

type Decision = Result.Result<ReadonlyArray<OrganizationEvent>, DomainError>

const fail = (error: DomainError): Decision => Result.fail(error)
const ok = (events: ReadonlyArray<OrganizationEvent>): Decision => Result.succeed(events)

/**
 * R21: the term length of an organization of this kind and locus under a policy.
 *
 * @category getters
 * @since 0.1.0
 */
export const termYearsFor = (policy: GovernancePolicy, kind: OrgKind, locus: Locus): number => {
  const years = policy.termYears
  if (isTownshipLevel(kind)) return years.township
  if (isVillageOrCommunity(locus)) return years.villageOrCommunity
  if (kind === "primaryCommittee") return years.primaryCommittee
  if (kind === "generalBranch") return years.otherGeneralBranch
  return years.otherBranch
}

/**
 * R16 / R18: the committee sizes of a kind under a policy.
 *
 * @category getters
 * @since 0.1.0
 */
export const sizesFor = (policy: GovernancePolicy, kind: OrgKind): SizeRange =>
  isTownshipLevel(kind)
    ? policy.committeeSizes.township
    : kind === "primaryCommittee"
    ? policy.committeeSizes.primaryCommittee
    : kind === "generalBranch"
    ? policy.committeeSizes.generalBranch
    : policy.committeeSizes.branch

/**
 * R6 / R5: the lowest approval level for setting up, changing or dissolving an organization of this kind at
 * this locus: county for a village or community committee (R5), township for anything else at village or
 * community level (R6), the unit's primary committee otherwise.
 *
 * @category getters
 * @since 0.1.0
 */
export const requiredApprovalLevel = (
  policy: GovernancePolicy,
  kind: OrgKind,
  locus: Locus
): Approval["level"] => {
  if (kind === "primaryCommittee") return policy.committeeThreshold.approvalLevel
  if (isTownshipLevel(kind)) return "county"
  if (isVillageOrCommunity(locus)) return "township"
  return "primaryCommittee"
}

/**
 * R5 / R6 HARD: rejects an approval below the required level.
 *
 * @category decisions
 * @since 0.1.0
 */
export const checkApprovalLevel = (
  policy: GovernancePolicy,
  orgId: string,
  kind: OrgKind,
  locus: Locus,
  approval: Approval
): DomainError | undefined => {
  const required = requiredApprovalLevel(policy, kind, locus)
  if (levelAtLeast(approval.level, required)) return undefined
  // R5 HARD: a village or community committee needs county approval; R6 HARD: village level needs township
  const ruleId = kind === "primaryCommittee" ? "R5" : "R6"
  return violation(ruleId, "organization.approvalLevelTooLow", { orgId, level: approval.level, required, kind })
}

// A member may vote and stand only when full (R20). When the organization has sub-organizations, members
// elsewhere in its subtree are not on this roster, and a township committee's members belong to the
// branches of its organs: only members found here can be checked.
const checkFullMember = (state: OrganizationState, memberId: string): DomainError | undefined => {
  const status = lookup(state.roster, memberId)
  if (status === "full") return undefined
  if (status === undefined && (childIds(state).length > 0 || isTownshipLevel(state.kind))) return undefined
  // R20 HARD: only full members have the right to be elected
  return violation("R20", "organization.notEligible", {
    orgId: state.orgId,
    memberId,
    status: status ?? "notOnRoster"
  })
}

const distinct = (ids: ReadonlyArray<string>): boolean => new Set(ids).size === ids.length

// R20 HARD: only full members vote, so those entitled (plus approved exclusions) cannot exceed FM, when the
// roster is the whole electorate.
const checkEntitled = (state: OrganizationState, entitled: number, excluded: number): DomainError | undefined => {
  if (childIds(state).length > 0) return undefined
  if (entitled + excluded <= state.full) return undefined
  return violation("R20", "organization.entitledExceedsFull", {
    orgId: state.orgId,
    entitled,
    excluded,
    full: state.full
  })
}

const checkAttendance = (orgId: string, entitled: number, present: number): DomainError | undefined =>
  present > entitled ? invalid("organization.presentExceedsEntitled", { orgId, entitled, present }) : undefined

const checkQuorum = (policy: GovernancePolicy, orgId: string, entitled: number, present: number) => {
  const required = quorumMinimum(policy.election, entitled)
  if (present >= required && entitled > 0) return undefined
  // R23 HARD / C9: an election is valid only when present voters are over 4/5 of those entitled
  return violation("R23", "organization.quorumNotMet", { orgId, entitled, present, required })
}

const checkVotes = (orgId: string, votes: ReadonlyArray<Vote>, present: number): DomainError | undefined => {
  for (const vote of votes) {
    if (vote.yes > present) {
      return invalid("organization.votesExceedPresent", { orgId, memberId: vote.memberId, yes: vote.yes, present })
    }
  }
  return undefined
}

/**
 * R23: who is elected: candidates with yes-votes over half of those present, best first, up to `seats`.
 * Candidates tied at the last seat are all left out (they go to a new vote), so the result never depends on
 * the order of the ballot list.
 *
 * @category decisions
 * @since 0.1.0
 */
export const electedCandidates = (
  candidates: ReadonlyArray<Vote>,
  seats: number,
  present: number
): ReadonlyArray<string> => {
  const needed = moreThanHalf(present)
  const passing = candidates.filter((c) => c.yes >= needed).sort((a, b) => b.yes - a.yes)
  if (passing.length <= seats) return passing.map((c) => c.memberId)
  const cut = passing[seats - 1]!.yes
  if (passing[seats]!.yes < cut) return passing.slice(0, seats).map((c) => c.memberId)
  return passing.filter((c) => c.yes > cut).map((c) => c.memberId)
}

const electCommittee = (policy: GovernancePolicy, state: OrganizationState, cmd: typeof ElectCommittee.Type) => {
  const orgId = state.orgId
  // R9 HARD: a temporary branch holds no elections; its leadership is appointed
  if (state.kind === "temporaryBranch") {
    return fail(violation("R9", "organization.temporaryBranchNoElection", { orgId }))
  }
  const sizes = sizesFor(policy, state.kind)
  if (isBranchKind(state.kind)) {
    // R17 HARD (CONF switch): a branch with FM < 7 has a secretary, no committee
    if (policy.forbidCommitteeBelowThreshold && !reachedBy(policy.branchCommitteeAtFull, counts(state))) {
      return fail(
        violation("R17", "organization.branchCommitteeBelowThreshold", {
          orgId,
          full: state.full,
          required: policy.branchCommitteeAtFull.value
        })
      )
    }
    // R16 HARD: a branch committee has at least 3 members
    if (cmd.seats < sizes.min) {
      return fail(violation("R16", "organization.committeeTooSmall", { orgId, seats: cmd.seats, min: sizes.min }))
    }
  }
  if (cmd.seats < 1) return fail(invalid("organization.noSeats", { orgId }))
  if (cmd.body === "delegateCongress") {
    // R19 HARD: a delegate congress elects only a primary committee (or the township level)
    if (!(state.kind === "primaryCommittee" || isTownshipLevel(state.kind))) {
      return fail(violation("R19", "organization.delegateCongressNotForKind", { orgId, kind: state.kind }))
    }
    // R19 HARD: a delegate congress needs higher approval
    if (cmd.approval === undefined) {
      return fail(violation("R19", "organization.delegateCongressNeedsApproval", { orgId }))
    }
    const memberCount = childIds(state).length > 0 ? cmd.memberCount ?? 0 : counts(state).all
    // R19 HARD: and AM ≥ 500 or dispersed sub-organizations
    if (
      cmd.dispersed !== true
      && !reachedBy(policy.delegateCongressThreshold, { full: memberCount, all: memberCount })
    ) {
      return fail(
        violation("R19", "organization.delegateCongressBelowThreshold", {
          orgId,
          members: memberCount,
          required: policy.delegateCongressThreshold.value
        })
      )
    }
  }
  const excluded = cmd.excluded?.count ?? 0
  if (cmd.body === "generalMeeting") {
    const entitledError = checkEntitled(state, cmd.entitled, excluded)
    if (entitledError !== undefined) return fail(entitledError)
  }
  const attendance = checkAttendance(orgId, cmd.entitled, cmd.present)
  if (attendance !== undefined) return fail(attendance)
  if (cmd.ballotsIssued > cmd.present) {
    return fail(
      invalid("organization.ballotsExceedPresent", { orgId, issued: cmd.ballotsIssued, present: cmd.present })
    )
  }
  // R23 HARD: more ballots collected than issued voids the vote
  if (cmd.ballotsCollected > cmd.ballotsIssued) {
    return fail(
      violation("R23", "organization.ballotsExceedIssued", {
        orgId,
        issued: cmd.ballotsIssued,
        collected: cmd.ballotsCollected
      })
    )
  }
  const quorum = checkQuorum(policy, orgId, cmd.entitled, cmd.present)
  if (quorum !== undefined) return fail(quorum)
  const ids = cmd.candidates.map((c) => c.memberId)
  if (!distinct(ids)) return fail(invalid("organization.duplicateCandidate", { orgId }))
  for (const id of ids) {
    const notEligible = checkFullMember(state, id)
    if (notEligible !== undefined) return fail(notEligible)
  }
  const required = minimumCandidates(policy.election, cmd.seats)
  // R24 HARD: candidates exceed seats by at least 20 % of the seats, rounded up
  if (cmd.candidates.length < required) {
    return fail(
      violation("R24", "organization.notEnoughCandidates", {
        orgId,
        seats: cmd.seats,
        candidates: cmd.candidates.length,
        required
      })
    )
  }
  const maxMultiple = policy.election.maxCandidatesMultiple
  // R24 CONF (local): at most a multiple of the seats
  if (maxMultiple !== undefined && cmd.candidates.length > cmd.seats * maxMultiple) {
    return fail(
      violation("R24", "organization.tooManyCandidates", {
        orgId,
        seats: cmd.seats,
        candidates: cmd.candidates.length,
        max: cmd.seats * maxMultiple
      })
    )
  }
  const votes = checkVotes(orgId, cmd.candidates, cmd.present)
  if (votes !== undefined) return fail(votes)
  const elected = electedCandidates(cmd.candidates, cmd.seats, cmd.present)
  // R23 HARD: nobody got more than half of those present
  if (elected.length === 0) {
    return fail(violation("R23", "organization.noneElected", { orgId, present: cmd.present }))
  }
  const termYears = termYearsFor(policy, state.kind, state.locus)
  return ok([
    CommitteeElected.make({
      orgId,
      body: cmd.body,
      seats: cmd.seats,
      candidates: cmd.candidates.length,
      memberIds: elected,
      entitled: cmd.entitled,
      present: cmd.present,
      excluded,
      termYears,
      termEndsAt: LegalDate.addYears(cmd.at, termYears),
      at: cmd.at
    })
  ])
}

const electSecretary = (policy: GovernancePolicy, state: OrganizationState, cmd: typeof ElectSecretary.Type) => {
  const orgId = state.orgId
  // R9 HARD: a temporary branch holds no elections
  if (state.kind === "temporaryBranch") {
    return fail(violation("R9", "organization.temporaryBranchNoElection", { orgId }))
  }
  const sizes = sizesFor(policy, state.kind)
  const deputyIds = cmd.deputies.map((d) => d.memberId)
  // R16 HARD: at most one deputy secretary in a branch (policy per kind, R18)
  if (deputyIds.length > sizes.maxDeputies) {
    return fail(
      violation("R16", "organization.tooManyDeputies", { orgId, deputies: deputyIds.length, max: sizes.maxDeputies })
    )
  }
  const all = [cmd.secretary.memberId, ...deputyIds]
  if (!distinct(all)) return fail(invalid("organization.duplicateCandidate", { orgId }))
  const committee = state.leadership.committeeIds
  if (cmd.electedBy === "committee") {
    // R19 HARD: the committee elects the secretary, so there must be one, and they come from it
    if (committee === undefined || committee.length === 0) {
      return fail(violation("R19", "organization.noCommittee", { orgId }))
    }
    for (const id of all) {
      if (!committee.includes(id)) {
        return fail(violation("R19", "organization.notCommitteeMember", { orgId, memberId: id }))
      }
    }
    if (cmd.entitled !== committee.length) {
      return fail(
        invalid("organization.entitledMismatch", { orgId, entitled: cmd.entitled, expected: committee.length })
      )
    }
  } else {
    // R19 HARD: the general meeting elects the secretary only where there is no committee (a branch)
    if (!isBranchKind(state.kind)) {
      return fail(violation("R19", "organization.secretaryByCommittee", { orgId, kind: state.kind }))
    }
    // R16 HARD: a branch with FM ≥ 7 must set up a committee, which then elects the secretary
    if (reachedBy(policy.branchCommitteeAtFull, counts(state))) {
      return fail(
        violation("R16", "organization.committeeRequired", {
          orgId,
          full: state.full,
          required: policy.branchCommitteeAtFull.value
        })
      )
    }
    const entitledError = checkEntitled(state, cmd.entitled, 0)
    if (entitledError !== undefined) return fail(entitledError)
  }
  for (const id of all) {
    const notEligible = checkFullMember(state, id)
    if (notEligible !== undefined) return fail(notEligible)
  }
  const attendance = checkAttendance(orgId, cmd.entitled, cmd.present)
  if (attendance !== undefined) return fail(attendance)
  const quorum = checkQuorum(policy, orgId, cmd.entitled, cmd.present)
  if (quorum !== undefined) return fail(quorum)
  const votes = [cmd.secretary, ...cmd.deputies]
  const overPresent = checkVotes(orgId, votes, cmd.present)
  if (overPresent !== undefined) return fail(overPresent)
  const needed = moreThanHalf(cmd.present)
  for (const vote of votes) {
    // R23 HARD: elected only with yes-votes over half of those present; exactly half fails
    if (vote.yes < needed) {
      return fail(
        violation("R23", "organization.notElected", { orgId, memberId: vote.memberId, yes: vote.yes, required: needed })
      )
    }
  }
  const renewal = cmd.electedBy === "generalMeeting"
  const termYears = termYearsFor(policy, state.kind, state.locus)
  return ok([
    SecretaryElected.make({
      orgId,
      secretaryId: cmd.secretary.memberId,
      deputyIds,
      electedBy: cmd.electedBy,
      ...(renewal ? { termYears, termEndsAt: LegalDate.addYears(cmd.at, termYears) } : {}),
      at: cmd.at
    })
  ])
}

const approveSecretary = (state: OrganizationState, cmd: typeof ApproveSecretary.Type) => {
  const pending = state.leadership.pending
  if (pending === undefined) return fail(invalid("organization.noPendingSecretary", { orgId: state.orgId }))
  if (cmd.approval.at < pending.electedAt) {
    return fail(
      invalid("organization.approvalBeforeElection", {
        orgId: state.orgId,
        approvedAt: cmd.approval.at,
        electedAt: pending.electedAt
      })
    )
  }
  return ok([
    SecretaryApproved.make({
      orgId: state.orgId,
      secretaryId: pending.secretaryId,
      deputyIds: pending.deputyIds,
      approval: cmd.approval,
      at: cmd.at
    })
  ])
}

const appointLeadership = (policy: GovernancePolicy, state: OrganizationState, cmd: typeof AppointLeadership.Type) => {
  const orgId = state.orgId
  const sizes = sizesFor(policy, state.kind)
  // R16 HARD: at most one deputy secretary in a branch (policy per kind, R18)
  if (cmd.deputyIds.length > sizes.maxDeputies) {
    return fail(
      violation("R16", "organization.tooManyDeputies", {
        orgId,
        deputies: cmd.deputyIds.length,
        max: sizes.maxDeputies
      })
    )
  }
  if (!distinct([cmd.secretaryId, ...cmd.deputyIds]) || !distinct(cmd.committeeIds)) {
    return fail(invalid("organization.duplicateCandidate", { orgId }))
  }
  const temporary = state.kind === "temporaryBranch"
  if (
    !temporary && isBranchKind(state.kind) && cmd.committeeIds.length > 0
    && policy.forbidCommitteeBelowThreshold && !reachedBy(policy.branchCommitteeAtFull, counts(state))
  ) {
    // R17 HARD: a branch with FM < 7 has no committee
    return fail(
      violation("R17", "organization.branchCommitteeBelowThreshold", {
        orgId,
        full: state.full,
        required: policy.branchCommitteeAtFull.value
      })
    )
  }
  // R9: members of a temporary branch keep their affiliation elsewhere, so they are not on its roster
  if (!temporary) {
    for (const id of [cmd.secretaryId, ...cmd.deputyIds, ...cmd.committeeIds]) {
      const notEligible = checkFullMember(state, id)
      if (notEligible !== undefined) return fail(notEligible)
    }
  }
  return ok([
    LeadershipAppointed.make({
      orgId,
      secretaryId: cmd.secretaryId,
      deputyIds: cmd.deputyIds,
      committeeIds: cmd.committeeIds,
      approval: cmd.approval,
      at: cmd.at
    })
  ])
}

const extendTerm = (policy: GovernancePolicy, state: OrganizationState, cmd: typeof ExtendTerm.Type) => {
  const term = state.term
  if (term === undefined) return fail(invalid("organization.noTerm", { orgId: state.orgId }))
  const exceptional = cmd.exceptional === true
  // R22 HARD: an extension is generally ≤ 1 year; longer needs an explicit exceptional approval
  if (cmd.months > policy.extensionMaxMonths && !exceptional) {
    return fail(
      violation("R22", "organization.extensionTooLong", {
        orgId: state.orgId,
        months: cmd.months,
        max: policy.extensionMaxMonths
      })
    )
  }
  return ok([
    TermExtended.make({
      orgId: state.orgId,
      months: cmd.months,
      endsAt: LegalDate.addMonths(term.endsAt, cmd.months),
      approval: cmd.approval,
      exceptional,
      at: cmd.at
    })
  ])
}

const recordGeneralMeetingVote = (state: OrganizationState, cmd: typeof RecordGeneralMeetingVote.Type) => {
  const orgId = state.orgId
  const entitledError = checkEntitled(state, cmd.entitled, 0)
  if (entitledError !== undefined) return fail(entitledError)
  const attendance = checkAttendance(orgId, cmd.entitled, cmd.present)
  if (attendance !== undefined) return fail(attendance)
  if (cmd.yes > cmd.present) {
    return fail(
      invalid("organization.votesExceedPresent", { orgId, memberId: "-", yes: cmd.yes, present: cmd.present })
    )
  }
  const quorum = moreThanHalf(cmd.entitled)
  // R25 HARD: a general meeting is valid only when more than half of those with a vote attend
  if (cmd.present < quorum || cmd.entitled === 0) {
    return fail(
      violation("R25", "organization.meetingQuorumNotMet", {
        orgId,
        entitled: cmd.entitled,
        present: cmd.present,
        required: quorum
      })
    )
  }
  return ok([
    GeneralMeetingVoteRecorded.make({
      orgId,
      matter: cmd.matter,
      entitled: cmd.entitled,
      present: cmd.present,
      yes: cmd.yes,
      // R25 HARD: a motion passes with yes-votes over half of those entitled (应到会), not of those present
      passed: cmd.yes >= moreThanHalf(cmd.entitled),
      at: cmd.at
    })
  ])
}

const checkGroup = (
  policy: GovernancePolicy,
  state: OrganizationState,
  cmd: typeof FormPartyGroup.Type | typeof ReorganizePartyGroup.Type
): DomainError | undefined => {
  const orgId = state.orgId
  if (!distinct(cmd.memberIds)) return invalid("organization.duplicateMember", { orgId })
  for (const memberId of cmd.memberIds) {
    const status = lookup(state.roster, memberId)
    // R12 / R38: a group divides the branch's own members
    if (status === undefined || status === "suspended") {
      return invalid("organization.notOnRoster", { orgId, memberId })
    }
    for (const [groupId, group] of Object.entries(state.groups)) {
      if (groupId !== cmd.groupId && group.memberIds.includes(memberId)) {
        return invalid("organization.alreadyInGroup", { orgId, memberId, groupId })
      }
    }
  }
  if (cmd.leaderId !== undefined) {
    if (!cmd.memberIds.includes(cmd.leaderId)) {
      return invalid("organization.leaderNotInGroup", { orgId, groupId: cmd.groupId, memberId: cmd.leaderId })
    }
    // R12 CONF: a probationary member may not lead a group (secondary figure, policy switch)
    if (!policy.groups.probationaryMayLead && lookup(state.roster, cmd.leaderId) === "probationary") {
      return violation("R12", "organization.probationaryGroupLeader", { orgId, groupId: cmd.groupId })
    }
  }
  return undefined
}

const formPartyGroup = (policy: GovernancePolicy, state: OrganizationState, cmd: typeof FormPartyGroup.Type) => {
  // R12 HARD: a party group belongs to a branch; it is not a level of organization
  if (!isBranchKind(state.kind)) {
    return fail(violation("R12", "organization.groupNeedsBranch", { orgId: state.orgId, kind: state.kind }))
  }
  if (has(state.groups, cmd.groupId)) {
    return fail(invalid("domain.alreadyExists", { entity: "partyGroup", id: cmd.groupId }))
  }
  const error = checkGroup(policy, state, cmd)
  if (error !== undefined) return fail(error)
  return ok([
    PartyGroupFormed.make({
      orgId: state.orgId,
      groupId: cmd.groupId,
      groupType: cmd.groupType,
      ...(cmd.leaderId === undefined ? {} : { leaderId: cmd.leaderId }),
      memberIds: cmd.memberIds,
      at: cmd.at
    })
  ])
}

const reorganizePartyGroup = (
  policy: GovernancePolicy,
  state: OrganizationState,
  cmd: typeof ReorganizePartyGroup.Type
) => {
  if (!has(state.groups, cmd.groupId)) {
    return fail(invalid("domain.notFound", { entity: "partyGroup", id: cmd.groupId }))
  }
  const error = checkGroup(policy, state, cmd)
  if (error !== undefined) return fail(error)
  return ok([
    PartyGroupReorganized.make({
      orgId: state.orgId,
      groupId: cmd.groupId,
      ...(cmd.leaderId === undefined ? {} : { leaderId: cmd.leaderId }),
      memberIds: cmd.memberIds,
      at: cmd.at
    })
  ])
}

const adjustmentEvent = (
  policy: GovernancePolicy,
  state: OrganizationState,
  adjustment: typeof Adjustment.Type,
  locusDefault: Locus,
  at: LegalDate.LegalDate
): Result.Result<OrganizationEvent, DomainError> => {
  const locus = adjustment.locus ?? locusDefault
  const formation = adjustment.formation ?? state.formation
  const aliases = adjustment.aliases ?? state.aliases
  const mergedLeadership = adjustment.mergedLeadership ?? state.mergedLeadership
  const level = checkApprovalLevel(policy, state.orgId, state.kind, locus, adjustment.approval)
  if (level !== undefined) return Result.fail(level)
  // R27 CONF: 村居合一 is one organization with both names and one leadership team
  if (formation === "villageCommunityUnified" && (aliases.length < 2 || !mergedLeadership)) {
    return Result.fail(violation("R27", "organization.unifiedNeedsAliases", { orgId: state.orgId }))
  }
  return Result.succeed(
    OrganizationAdjusted.make({
      orgId: state.orgId,
      approval: adjustment.approval,
      locus,
      formation,
      aliases,
      mergedLeadership,
      at
    })
  )
}

const convert = (policy: GovernancePolicy, state: OrganizationState, cmd: typeof ConvertVillageToCommunity.Type) => {
  if (state.locus !== "village") {
    return fail(invalid("organization.notAVillage", { orgId: state.orgId, locus: state.locus }))
  }
  const converted = VillageConvertedToCommunity.make({
    orgId: state.orgId,
    communityName: cmd.communityName,
    at: cmd.at
  })
  if (cmd.adjustment === undefined) return ok([converted])
  // R8 REC: the organization is adjusted at the same time as the conversion ("同步调整")
  const adjusted = adjustmentEvent(policy, state, cmd.adjustment, "community", cmd.at)
  return Result.isFailure(adjusted) ? fail(adjusted.failure) : ok([converted, adjusted.success])
}

const recordConcurrentPosts = (state: OrganizationState, cmd: typeof RecordConcurrentPosts.Type) =>
  ok([
    ConcurrentPostsRecorded.make({
      orgId: state.orgId,
      secretaryIsDirector: cmd.secretaryIsDirector,
      secretaryHeadsCollective: cmd.secretaryHeadsCollective,
      crossAppointed: cmd.crossAppointed,
      at: cmd.at
    })
  ])

const disbandPartyGroup = (state: OrganizationState, cmd: typeof DisbandPartyGroup.Type) => {
  if (!has(state.groups, cmd.groupId)) {
    return fail(invalid("domain.notFound", { entity: "partyGroup", id: cmd.groupId }))
  }
  return ok([PartyGroupDisbanded.make({ orgId: state.orgId, groupId: cmd.groupId, at: cmd.at })])
}

const designateHubHousehold = (state: OrganizationState, cmd: typeof DesignateHubHousehold.Type) => {
  const group = lookup(state.groups, cmd.groupId)
  if (group === undefined) return fail(invalid("domain.notFound", { entity: "partyGroup", id: cmd.groupId }))
  // R13 CONF: a hub household is a member household of the group
  if (!group.memberIds.includes(cmd.memberId)) {
    return fail(
      violation("R13", "organization.hubNotInGroup", {
        orgId: state.orgId,
        groupId: cmd.groupId,
        memberId: cmd.memberId
      })
    )
  }
  for (const other of Object.values(state.groups)) {
    if (has(other.hubs, cmd.hubId)) {
      return fail(invalid("domain.alreadyExists", { entity: "hubHousehold", id: cmd.hubId }))
    }
  }
  return ok([
    HubHouseholdDesignated.make({
      orgId: state.orgId,
      groupId: cmd.groupId,
      hubId: cmd.hubId,
      memberId: cmd.memberId,
      ...(cmd.linkedHouseholds === undefined ? {} : { linkedHouseholds: cmd.linkedHouseholds }),
      at: cmd.at
    })
  ])
}

const revokeHubHousehold = (state: OrganizationState, cmd: typeof RevokeHubHousehold.Type) => {
  if (lookup(lookup(state.groups, cmd.groupId)?.hubs, cmd.hubId) === undefined) {
    return fail(invalid("domain.notFound", { entity: "hubHousehold", id: cmd.hubId }))
  }
  return ok([HubHouseholdRevoked.make({ orgId: state.orgId, groupId: cmd.groupId, hubId: cmd.hubId, at: cmd.at })])
}

const adjustOrganization = (
  policy: GovernancePolicy,
  state: OrganizationState,
  cmd: typeof AdjustOrganization.Type
) => {
  const adjusted = adjustmentEvent(policy, state, cmd.adjustment, state.locus, cmd.at)
  return Result.isFailure(adjusted) ? fail(adjusted.failure) : ok([adjusted.success])
}

const isJoint = (state: OrganizationState) =>
  state.kind === "jointBranch" || state.formation === "joint" || state.formation === "villageEnterprise"

const coverUnit = (state: OrganizationState, cmd: typeof CoverUnit.Type) => {
  if (!isJoint(state)) return fail(invalid("organization.notJoint", { orgId: state.orgId }))
  if (lookup(state.coveredUnits, cmd.unitId) === cmd.fullCount) return ok([])
  return ok([UnitCovered.make({ orgId: state.orgId, unitId: cmd.unitId, fullCount: cmd.fullCount, at: cmd.at })])
}

const uncoverUnit = (state: OrganizationState, cmd: typeof UncoverUnit.Type) => {
  if (!has(state.coveredUnits, cmd.unitId)) return fail(invalid("domain.notFound", { entity: "unit", id: cmd.unitId }))
  return ok([UnitUncovered.make({ orgId: state.orgId, unitId: cmd.unitId, at: cmd.at })])
}

// The roster commands decide on an organization that is not yet active themselves (with the rejection the
// membership pillar gets too); every other command needs an active organization, checked once before the
// dispatch.
const rosterCommands: ReadonlySet<OrganizationCommand["_tag"]> = new Set([
  "AddRosterMember",
  "RemoveRosterMember",
  "ChangeRosterStatus"
])

/**
 * Decides a command on one organization stream under one policy (the policy in force on its date: see
 * {@link decide}).
 *
 * @category decisions
 * @since 0.1.0
 */
export const decideWith = (
  policy: GovernancePolicy,
  command: OrganizationCommand,
  state: OrganizationState
): Decision => {
  if (state.status !== "none" && command.orgId !== state.orgId) {
    return fail(invalid("organization.wrongStream", { orgId: command.orgId, streamOrgId: state.orgId }))
  }
  if (!rosterCommands.has(command._tag)) {
    const inactive = requireActive(state, command.orgId, command.at)
    if (inactive !== undefined) return fail(inactive)
  }
  switch (command._tag) {
    case "AddRosterMember":
      return decideRosterAdd(state, command)
    case "RemoveRosterMember":
      return decideRosterRemove(state, command)
    case "ChangeRosterStatus":
      return decideRosterStatus(state, command)
    case "ElectCommittee":
      return electCommittee(policy, state, command)
    case "ElectSecretary":
      return electSecretary(policy, state, command)
    case "ApproveSecretary":
      return approveSecretary(state, command)
    case "AppointLeadership":
      return appointLeadership(policy, state, command)
    case "ExtendTerm":
      return extendTerm(policy, state, command)
    case "RecordGeneralMeetingVote":
      return recordGeneralMeetingVote(state, command)
    case "RecordConcurrentPosts":
      return recordConcurrentPosts(state, command)
    case "FormPartyGroup":
      return formPartyGroup(policy, state, command)
    case "ReorganizePartyGroup":
      return reorganizePartyGroup(policy, state, command)
    case "DisbandPartyGroup":
      return disbandPartyGroup(state, command)
    case "DesignateHubHousehold":
      return designateHubHousehold(state, command)
    case "RevokeHubHousehold":
      return revokeHubHousehold(state, command)
    case "ConvertVillageToCommunity":
      return convert(policy, state, command)
    case "AdjustOrganization":
      return adjustOrganization(policy, state, command)
    case "CoverUnit":
      return coverUnit(state, command)
    case "UncoverUnit":
      return uncoverUnit(state, command)
    default: {
      const _exhaustive: never = command
      return fail(unknownCommand(_exhaustive))
    }
  }
}

/**
 * Either a timeline or one policy in force on every date.
 *
 * @category models
 * @since 0.1.0
 */
export type Policies = PolicyTimeline | GovernancePolicy

/**
 * The timeline of {@link Policies}.
 *
 * @category constructors
 * @since 0.1.0
 */
export const toTimeline = (policies: Policies): PolicyTimeline =>
  "policies" in policies ? policies : timelineOf(policies)

/**
 * Decides a single-stream organization command with the policy in force on its legal date. Pure. (The tree
 * commands are decided over several organizations by {@link decideTree}.)
 *
 * @category decisions
 * @since 0.2.0
 */
export const decide = (policies: Policies, command: OrganizationCommand, state: OrganizationState): Decision =>
  decideWith(policyAt(toTimeline(policies), command.at), command, state)

/**
 * The kernel decider of the organization stream for the single-stream commands, judging each command by the
 * policy in force on its legal date (`at`).
 *
 * @category deciders
 * @since 0.1.0
 */
export const decider = (
  policies: Policies
): Decider<OrganizationCommand, OrganizationEvent, OrganizationState, DomainError> => {
  const timeline = toTimeline(policies)
  return {
    initialState,
    evolve,
    decide: (command, state) => decideWith(policyAt(timeline, command.at), command, state)
  }
}
