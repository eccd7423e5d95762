/**
 * The decisions of the leadership-history aggregate (R91–R96). Recording an election reads the organization's
 * stream (its kind and locus give the term's length, R21; a temporary branch holds no elections, R9), which
 * takes part in the append with its expected version and gets no events; the other commands are decided on the
 * leadership stream alone ({@link decider}).
 *
 * - **Term records (R91).** 第N届 follows 第N−1届 by exactly one; after an upgrade the policy says whether the
 *   numbers continue or restart (no default); a new term closes the previous one, so at most one is current; the
 *   expected end is computed, never entered; an extension moves the end and keeps the number; a by-election
 *   amends the current term.
 * - **Ballots (R92, with R23 and R24).** Issued ≤ present ≤ entitled; valid + invalid = collected; collected >
 *   issued voids the election (recorded, no term; a new election follows); more than 4/5 of those entitled
 *   present; every member elected with yes-votes over half of those present; no ballot marks more names than
 *   seats (the yes-votes are at most valid ballots × seats); a competitive election has the policy's surplus of
 *   candidates. A record of totals only is accepted with a finding.
 * - **Alternates (R93)** only where the policy says so (no default); kept in the order of their votes.
 * - **Approvals (R94)** carry who and when (the Schema requires them); the document number is required only
 *   where the policy says so, otherwise its absence is a finding.
 *
 * @since 0.3.0
 */
import { Result } from "effect"
import type { Decider } from "../kernel/Decider.ts"
import { lookup } from "../kernel/records.ts"
import { exhaustive } from "../kernel/tags.ts"
import type { LegalDate } from "../LegalDate.ts"
import { addMonths, addYears, monthsBetween } from "../LegalDate.ts"
import type { Policies } from "../organization/decide.ts"
import { termYearsFor, toTimeline } from "../organization/decide.ts"
import { rank } from "../organization/model.ts"
import type { OrganizationState } from "../organization/state.ts"
import { initialState as organizationInitial } from "../organization/state.ts"
import type { ElectionPolicy, GovernancePolicy } from "../policy/GovernancePolicy.ts"
import { minimumCandidates, moreThanHalf, quorumMinimum } from "../policy/GovernancePolicy.ts"
import type { LeadershipPolicy } from "../policy/LeadershipPolicy.ts"
import { policyAt } from "../policy/PolicyTimeline.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import { invalid, unknownCommand, violation } from "../rules/RuleViolation.ts"
import type {
  LeadershipCommand,
  RecordByElection,
  RecordElection,
  RecordRenewalReminder,
  RecordRenewalReport,
  RecordRenewalRequest,
  RecordTermApproval,
  RecordTermExtension
} from "./commands.ts"
import type { LeadershipEvent } from "./events.ts"
import {
  ByElectionRecorded,
  ElectionVoided,
  RenewalReminderIssued,
  RenewalReported,
  RenewalRequested,
  TermApprovalRecorded,
  TermClosed,
  TermExtensionRecorded,
  TermOpened
} from "./events.ts"
import type { Ballot, ElectionMode, TermMember } from "./model.ts"
import { isVoid } from "./model.ts"
import type { LeadershipState, TermRecord } from "./state.ts"
import { currentTerm, evolve, initialState, termEnd } from "./state.ts"

type Decision = Result.Result<ReadonlyArray<LeadershipEvent>, DomainError>

const fail = (error: DomainError): Decision => Result.fail(error)
const ok = (events: ReadonlyArray<LeadershipEvent>): Decision => Result.succeed(events)

/**
 * The states of the organizations a leadership decision reads, by organization id (a missing id reads as an
 * organization that does not exist).
 *
 * @category models
 * @since 0.3.0
 */
export type OrganizationStates = Readonly<Record<string, OrganizationState>>

/**
 * R23: whether the ballot's attendance reaches the election quorum of the policy (more than 4/5 of those
 * entitled by default).
 *
 * @category predicates
 * @since 0.3.0
 */
export const hasElectionQuorum = (election: ElectionPolicy, ballot: Ballot): boolean =>
  ballot.entitled > 0 && ballot.present >= quorumMinimum(election, ballot.entitled)

/**
 * R23: whether a candidate's yes-votes elect them: more than half of those present (exactly half fails).
 *
 * @example
 * ```ts
 * import { Leadership } from "@dangjian/core"
 *
 * Leadership.winsSeat(9, 5) // => true
 * Leadership.winsSeat(8, 4) // => false
 * ```
 *
 * @category predicates
 * @since 0.3.0
 */
export const winsSeat = (present: number, yes: number): boolean => yes >= moreThanHalf(present)

/**
 * R92 HARD (with R23, R24): the arithmetic of a ballot record that is not void, for an election of `seats` in a
 * `mode`, under the election figures of the policy. Returns the rejection, or undefined.
 *
 * @category decisions
 * @since 0.3.0
 */
export const checkBallot = (
  policy: GovernancePolicy,
  orgId: string,
  mode: ElectionMode,
  seats: number,
  members: ReadonlyArray<TermMember>,
  ballot: Ballot
): DomainError | undefined => {
  if (ballot.present > ballot.entitled) {
    return invalid("organization.presentExceedsEntitled", { orgId, entitled: ballot.entitled, present: ballot.present })
  }
  // R92 HARD: no more ballots issued than voters present
  if (ballot.issued > ballot.present) {
    return violation("R92", "leadership.issuedExceedsPresent", {
      orgId,
      issued: ballot.issued,
      present: ballot.present
    })
  }
  // R92 HARD: every collected ballot is valid or invalid
  if (ballot.valid + ballot.invalid !== ballot.collected) {
    return violation("R92", "leadership.ballotsInconsistent", {
      orgId,
      collected: ballot.collected,
      valid: ballot.valid,
      invalid: ballot.invalid
    })
  }
  // R23 HARD (C9): more than 4/5 of those entitled are present
  if (!hasElectionQuorum(policy.election, ballot)) {
    return violation("R23", "organization.quorumNotMet", {
      orgId,
      entitled: ballot.entitled,
      present: ballot.present,
      required: quorumMinimum(policy.election, ballot.entitled)
    })
  }
  if (mode === "competitive") {
    const minimum = minimumCandidates(policy.election, seats)
    // R24 HARD: a competitive election has candidates over the seats by the policy's surplus (20 %, rounded up)
    if (ballot.candidates < minimum) {
      return violation("R24", "organization.notEnoughCandidates", {
        orgId,
        seats,
        candidates: ballot.candidates,
        required: minimum
      })
    }
  } else if (ballot.candidates < seats) {
    return invalid("leadership.fewerCandidatesThanSeats", { orgId, seats, candidates: ballot.candidates })
  }
  const counts = ballot.counts
  if (counts === undefined) return undefined
  const ids = counts.map((c) => c.memberId)
  if (new Set(ids).size !== ids.length) return invalid("organization.duplicateCandidate", { orgId })
  let yesTotal = 0
  for (const count of counts) {
    // R92 HARD: a candidate's counts come from valid ballots
    if (count.yes + count.no + count.abstain > ballot.valid) {
      return violation("R92", "leadership.countsExceedValid", { orgId, memberId: count.memberId, valid: ballot.valid })
    }
    yesTotal += count.yes
  }
  // R92 HARD: a ballot marking more names than seats is invalid, so the valid ones hold at most `seats` yes-votes
  if (yesTotal > ballot.valid * seats) {
    return violation("R92", "leadership.overmarkedBallots", { orgId, yes: yesTotal, valid: ballot.valid, seats })
  }
  const needed = moreThanHalf(ballot.present)
  for (const member of members) {
    const count = counts.find((c) => c.memberId === member.memberId)
    // R92 / R23 HARD: every member elected is a candidate with yes-votes over half of those present
    if (count === undefined || !winsSeat(ballot.present, count.yes)) {
      return violation("R23", "organization.notElected", {
        orgId,
        memberId: member.memberId,
        yes: count?.yes ?? 0,
        required: needed
      })
    }
  }
  return undefined
}

/**
 * R91 HARD: the number a new term takes after `previous` (the last term recorded), for an organization now of
 * kind `kind`: the next one, or 1 after an upgrade when the policy restarts numbering. Undefined when the record
 * has no term yet (an imported history may start at any 届). A rejection when the organization was upgraded and
 * the policy does not say how to number (no default).
 *
 * @category decisions
 * @since 0.3.0
 */
export const nextTermNo = (
  policy: LeadershipPolicy,
  orgId: string,
  previous: TermRecord | undefined,
  kind: OrganizationState["kind"]
): Result.Result<number | undefined, DomainError> => {
  if (previous === undefined) return Result.succeed(undefined)
  if (rank(kind) <= rank(previous.orgKind)) return Result.succeed(previous.termNo + 1)
  // R91 CONF (no default): after an upgrade the numbers continue or restart as the policy says
  if (policy.termNumberingOnUpgrade === undefined) {
    return Result.fail(
      violation("R91", "leadership.numberingOnUpgradeUnset", { orgId, from: previous.orgKind, to: kind })
    )
  }
  return Result.succeed(policy.termNumberingOnUpgrade === "restart" ? 1 : previous.termNo + 1)
}

const recordElection = (
  policy: GovernancePolicy,
  state: LeadershipState,
  orgs: OrganizationStates,
  cmd: RecordElection
): Decision => {
  const orgId = cmd.orgId
  const org = lookup(orgs, orgId) ?? organizationInitial
  // A history may go back before the organization's record in the library (an imported 第N届), so only an
  // organization that exists, and was not dissolved by then, elects.
  if (org.status === "none") return fail(invalid("domain.notFound", { entity: "organization", id: orgId }))
  if (org.dissolvedAt !== undefined && cmd.at >= org.dissolvedAt) {
    return fail(invalid("domain.closed", { entity: "organization", id: orgId, state: "dissolved" }))
  }
  // R9 HARD: a temporary branch holds no elections; its leadership is appointed
  if (org.kind === "temporaryBranch") return fail(violation("R9", "organization.temporaryBranchNoElection", { orgId }))
  const last = state.terms[state.terms.length - 1]
  if (last !== undefined && cmd.at < last.electedOn) {
    return fail(invalid("leadership.beforeLastElection", { orgId, at: cmd.at, lastElectedOn: last.electedOn }))
  }
  const next = nextTermNo(policy.leadership, orgId, last, org.kind)
  if (Result.isFailure(next)) return fail(next.failure)
  // R91 HARD: 第N届 follows 第N−1届 by exactly one (no gap, no repeat)
  if (next.success !== undefined && cmd.termNo !== next.success) {
    return fail(violation("R91", "leadership.termNoGap", { orgId, termNo: cmd.termNo, expected: next.success }))
  }
  // R92 / R23 HARD: collected ballots over those issued void the election: recorded, no term, a new vote follows
  if (isVoid(cmd.ballot)) {
    if (cmd.ballot.issued > cmd.ballot.present) {
      return fail(
        violation("R92", "leadership.issuedExceedsPresent", {
          orgId,
          issued: cmd.ballot.issued,
          present: cmd.ballot.present
        })
      )
    }
    return ok([ElectionVoided.make({ orgId, termNo: cmd.termNo, ballot: cmd.ballot, at: cmd.at })])
  }
  const ids = cmd.members.map((m) => m.memberId)
  if (ids.length === 0 || new Set(ids).size !== ids.length) return fail(invalid("leadership.membersInvalid", { orgId }))
  if (ids.length > cmd.seats) {
    return fail(invalid("leadership.moreMembersThanSeats", { orgId, members: ids.length, seats: cmd.seats }))
  }
  const secretaries = cmd.members.filter((m) => m.role === "secretary").length
  // R16 / R17: one secretary (where the general meeting elects the secretary, exactly one)
  if (secretaries > 1 || (cmd.body === "secretary" && secretaries !== 1)) {
    return fail(invalid("leadership.secretaryCount", { orgId, secretaries }))
  }
  // R24 HARD: committee members are elected competitively (差额)
  if (cmd.body === "committee" && cmd.mode !== "competitive") {
    return fail(violation("R24", "leadership.committeeNotCompetitive", { orgId }))
  }
  const ballot = checkBallot(policy, orgId, cmd.mode, cmd.seats, cmd.members, cmd.ballot)
  if (ballot !== undefined) return fail(ballot)
  const alternates = cmd.alternates ?? []
  // R93 CONF (no default): alternates only where the policy allows them explicitly
  if (alternates.length > 0 && policy.leadership.alternatesAllowed !== true) {
    return fail(violation("R93", "leadership.alternatesNotAllowed", { orgId, alternates: alternates.length }))
  }
  if (
    alternates.some((a) => ids.includes(a.memberId))
    || new Set(alternates.map((a) => a.memberId)).size !== alternates.length
  ) {
    return fail(invalid("leadership.membersInvalid", { orgId }))
  }
  // R21: the term's length by the organization's kind and locus under the policy in force on the election
  const termYears = termYearsFor(policy, org.kind, org.locus)
  const closed = last !== undefined && last.endedOn === undefined
    ? [TermClosed.make({ orgId, termNo: last.termNo, at: cmd.at })]
    : []
  return ok([
    ...closed,
    TermOpened.make({
      orgId,
      termNo: cmd.termNo,
      body: cmd.body,
      mode: cmd.mode,
      seats: cmd.seats,
      members: cmd.members,
      // R93: alternates are ordered by their votes (stable for ties)
      alternates: [...alternates].sort((a, b) => b.votes - a.votes),
      ballot: cmd.ballot,
      orgKind: org.kind,
      termYears,
      expectedEnd: addYears(cmd.at, termYears),
      at: cmd.at
    })
  ])
}

const requireCurrent = (state: LeadershipState, orgId: string): Result.Result<TermRecord, DomainError> => {
  const term = currentTerm(state)
  return term === undefined
    ? Result.fail(invalid("leadership.noCurrentTerm", { orgId }))
    : Result.succeed(term)
}

const afterElection = (term: TermRecord, orgId: string, at: LegalDate): DomainError | undefined =>
  at < term.electedOn ? invalid("leadership.beforeElection", { orgId, at, electedOn: term.electedOn }) : undefined

const recordByElection = (state: LeadershipState, cmd: RecordByElection): Decision => {
  const term = requireCurrent(state, cmd.orgId)
  if (Result.isFailure(term)) return fail(term.failure)
  const early = afterElection(term.success, cmd.orgId, cmd.at)
  if (early !== undefined) return fail(early)
  const sitting = term.success.members.filter((m) => m.until === undefined)
  if (sitting.some((m) => m.memberId === cmd.member.memberId)) {
    return fail(invalid("leadership.alreadySitting", { orgId: cmd.orgId, memberId: cmd.member.memberId }))
  }
  if (cmd.replacesMemberId !== undefined && !sitting.some((m) => m.memberId === cmd.replacesMemberId)) {
    return fail(invalid("leadership.notSitting", { orgId: cmd.orgId, memberId: cmd.replacesMemberId }))
  }
  const after = sitting.length + 1 - (cmd.replacesMemberId === undefined ? 0 : 1)
  // R91: a by-election fills a vacancy of the current term; it cannot add seats
  if (after > term.success.seats) {
    return fail(
      invalid("leadership.moreMembersThanSeats", { orgId: cmd.orgId, members: after, seats: term.success.seats })
    )
  }
  return ok([
    ByElectionRecorded.make({
      orgId: cmd.orgId,
      termNo: term.success.termNo,
      member: cmd.member,
      ...(cmd.replacesMemberId === undefined ? {} : { replacesMemberId: cmd.replacesMemberId }),
      at: cmd.at
    })
  ])
}

// R94 CONF (requireApprovalDocNo): the document number is required only where the policy says so
const checkDocNo = (policy: LeadershipPolicy, orgId: string, docNo: string | undefined): DomainError | undefined =>
  policy.requireApprovalDocNo && (docNo === undefined || docNo.trim() === "")
    ? violation("R94", "leadership.approvalDocNoRequired", { orgId })
    : undefined

const recordTermApproval = (policy: LeadershipPolicy, state: LeadershipState, cmd: RecordTermApproval): Decision => {
  const term = requireCurrent(state, cmd.orgId)
  if (Result.isFailure(term)) return fail(term.failure)
  const early = afterElection(term.success, cmd.orgId, cmd.approvedOn)
  if (early !== undefined) return fail(early)
  if (cmd.approvedOn > cmd.at) {
    return fail(invalid("leadership.approvedAfterRecord", { orgId: cmd.orgId, approvedOn: cmd.approvedOn, at: cmd.at }))
  }
  const docNo = checkDocNo(policy, cmd.orgId, cmd.approvalDocNo)
  if (docNo !== undefined) return fail(docNo)
  // R94 HARD (schema): who approved and when are required; a repeated record of the same approval changes nothing
  const same = term.success.approvals.some((a) =>
    a.subject === cmd.subject && a.approvedBy === cmd.approvedBy && a.approvedOn === cmd.approvedOn
    && a.approvalDocNo === cmd.approvalDocNo
  )
  if (same) return ok([])
  return ok([
    TermApprovalRecorded.make({
      orgId: cmd.orgId,
      termNo: term.success.termNo,
      subject: cmd.subject,
      approvedBy: cmd.approvedBy,
      approvedOn: cmd.approvedOn,
      ...(cmd.approvalDocNo === undefined ? {} : { approvalDocNo: cmd.approvalDocNo }),
      at: cmd.at
    })
  ])
}

const recordTermExtension = (policy: GovernancePolicy, state: LeadershipState, cmd: RecordTermExtension): Decision => {
  const term = requireCurrent(state, cmd.orgId)
  if (Result.isFailure(term)) return fail(term.failure)
  const early = afterElection(term.success, cmd.orgId, cmd.approvedOn)
  if (early !== undefined) return fail(early)
  const docNo = checkDocNo(policy.leadership, cmd.orgId, cmd.approvalDocNo)
  if (docNo !== undefined) return fail(docNo)
  const extendedTo = addMonths(termEnd(term.success), cmd.months)
  const total = monthsBetween(term.success.expectedEnd, extendedTo)
  const exceptional = cmd.exceptional === true
  // R22 HARD: an extension is generally at most a year in all; longer needs an explicit exceptional approval
  if (total > policy.extensionMaxMonths && !exceptional) {
    return fail(
      violation("R22", "leadership.extensionTooLong", {
        orgId: cmd.orgId,
        months: total,
        max: policy.extensionMaxMonths
      })
    )
  }
  // R91 HARD: the extension moves the end; the term keeps its number
  return ok([
    TermExtensionRecorded.make({
      orgId: cmd.orgId,
      termNo: term.success.termNo,
      months: cmd.months,
      extendedTo,
      approvedBy: cmd.approvedBy,
      approvedOn: cmd.approvedOn,
      ...(cmd.approvalDocNo === undefined ? {} : { approvalDocNo: cmd.approvalDocNo }),
      exceptional,
      at: cmd.at
    })
  ])
}

const recordRenewalReminder = (state: LeadershipState, cmd: RecordRenewalReminder): Decision => {
  const term = requireCurrent(state, cmd.orgId)
  if (Result.isFailure(term)) return fail(term.failure)
  const early = afterElection(term.success, cmd.orgId, cmd.at)
  if (early !== undefined) return fail(early)
  if (term.success.reminders.some((r) => r.kind === cmd.kind && r.at === cmd.at)) return ok([])
  return ok([RenewalReminderIssued.make({ orgId: cmd.orgId, termNo: term.success.termNo, kind: cmd.kind, at: cmd.at })])
}

const recordRenewalRequest = (state: LeadershipState, cmd: RecordRenewalRequest): Decision => {
  const term = requireCurrent(state, cmd.orgId)
  if (Result.isFailure(term)) return fail(term.failure)
  const early = afterElection(term.success, cmd.orgId, cmd.at)
  if (early !== undefined) return fail(early)
  if (term.success.requestedAt !== undefined) return ok([])
  return ok([
    RenewalRequested.make({
      orgId: cmd.orgId,
      termNo: term.success.termNo,
      ...(cmd.plannedOn === undefined ? {} : { plannedOn: cmd.plannedOn }),
      at: cmd.at
    })
  ])
}

const recordRenewalReport = (state: LeadershipState, cmd: RecordRenewalReport): Decision => {
  const term = requireCurrent(state, cmd.orgId)
  if (Result.isFailure(term)) return fail(term.failure)
  const early = afterElection(term.success, cmd.orgId, cmd.at)
  if (early !== undefined) return fail(early)
  if (term.success.reportedAt !== undefined) return ok([])
  return ok([RenewalReported.make({ orgId: cmd.orgId, termNo: term.success.termNo, at: cmd.at })])
}

/**
 * Decides a leadership command over the history's state and the organizations it reads (only the election
 * reads one), under one policy.
 *
 * @category decisions
 * @since 0.3.0
 */
export const decideWith = (
  policy: GovernancePolicy,
  command: LeadershipCommand,
  state: LeadershipState,
  orgs: OrganizationStates = {}
): Decision => {
  if (state.orgId !== "" && state.orgId !== command.orgId) {
    return fail(invalid("leadership.wrongStream", { orgId: command.orgId, streamOrgId: state.orgId }))
  }
  switch (command._tag) {
    case "RecordElection":
      return recordElection(policy, state, orgs, command)
    case "RecordByElection":
      return recordByElection(state, command)
    case "RecordTermApproval":
      return recordTermApproval(policy.leadership, state, command)
    case "RecordTermExtension":
      return recordTermExtension(policy, state, command)
    case "RecordRenewalReminder":
      return recordRenewalReminder(state, command)
    case "RecordRenewalRequest":
      return recordRenewalRequest(state, command)
    case "RecordRenewalReport":
      return recordRenewalReport(state, command)
    default: {
      const _exhaustive: never = command
      return fail(unknownCommand(_exhaustive))
    }
  }
}

/**
 * Decides a leadership command with the policy in force on its legal date. Pure.
 *
 * @category decisions
 * @since 0.3.0
 */
export const decide = (
  policies: Policies,
  command: LeadershipCommand,
  state: LeadershipState,
  orgs: OrganizationStates = {}
): Decision => decideWith(policyAt(toTimeline(policies), command.at), command, state, orgs)

/**
 * The organizations a leadership command reads: the organization of an election.
 *
 * @category decisions
 * @since 0.3.0
 */
export const requiredOrganizations = (command: LeadershipCommand): ReadonlyArray<string> => {
  switch (command._tag) {
    case "RecordElection":
      return [command.orgId]
    case "RecordByElection":
    case "RecordTermApproval":
    case "RecordTermExtension":
    case "RecordRenewalReminder":
    case "RecordRenewalRequest":
    case "RecordRenewalReport":
      return []
    default:
      return exhaustive(command, [])
  }
}

/**
 * The single-stream decider of the leadership stream (an election reads its organization: run it through
 * {@link route} or `Dangjian.execute`; here it sees none).
 *
 * @category deciders
 * @since 0.3.0
 */
export const decider = (
  policies: Policies
): Decider<LeadershipCommand, LeadershipEvent, LeadershipState, DomainError> => ({
  initialState,
  evolve,
  decide: (command, state) => decide(policies, command, state)
})
