/**
 * The decisions of the development aggregate (R77–R90). A development command is decided over the
 * development stream and the streams it reads: the organization holding the record and the organizations
 * above it (who decides an activist, who may approve, the committees between the branch and the approver), the
 * member streams of the contact persons and introducers (R80, R82: full members), and, for the approval and the
 * conversion, the candidate's member stream. The kernel's command loop (the route in `route.ts`) appends all of
 * it at once, each stream with its exact expected version.
 *
 * - **The order that is HARD (R77).** 1 before 3, 3 before 5, 5 before 7; 7 before each of 9, 10 and 11, which
 *   come in any order and all before 12; then 12 → 13 (and the form issued) → 14 → 15 → 16 → 17 strictly; steps
 *   18–24 only after the approval (17), 25 after the conversion (24). A step is never dated before the step it
 *   needs. The talk (2), the filings (4, 8, 18), the reviews (6, 21), the placement and the oath (19, 20) and the
 *   archiving (25) never block: their absence is a finding (`findings.ts`).
 * - **The approval hands over to the member stream (R88), atomically.** `ApproveAdmission` appends
 *   `AdmissionApproved` here, `MemberAdmitted` on `member-<applicantId>` and the roster's `RosterMemberAdded` on
 *   the branch, in one append: the candidate is never approved without being a member, nor a member without the
 *   approval. The member's events are dated on the vote (the probation, 党籍 and dues run from it: DZ Art. 7,
 *   JY Art. 24, R73), so a count "as of" a date after the vote, computed after the approval, includes the member,
 *   and one computed before it did not (R88's two timelines). The branch's roster decision (`decideRosterAdd`)
 *   judges R9 and the rest; R38 (one affiliation) is judged on the member stream.
 * - **The conversion (R89) hands over the same way:** `ApproveConversion` runs the member aggregate's own
 *   `ConvertMember`, `ExtendProbation` or `CancelProbation` decision (R37: the probation has ended, one extension
 *   of 6–12 months) and appends its events with `ConversionApproved`. The meeting it hands over counts those
 *   present and those whose written opinion counted (R85), so the member's tally (yes ≤ present) holds.
 * - Time comes in on the command (`at`), and the policy in force on that date judges it.
 * - One function per command, in the order of `DevelopmentCommand`; {@link decideWith} dispatches over every
 *   tag (a `never` check closes the switch, so a new command fails to compile until it has its decision).
 *
 * @since 0.3.0
 */
import { Result } from "effect"
import { has, lookup } from "../kernel/records.ts"
import { exhaustive } from "../kernel/tags.ts"
import type { LegalDate } from "../LegalDate.ts"
import { addMonths, addYears } from "../LegalDate.ts"
import type { MemberCommand } from "../member/commands.ts"
import { decideWith as decideMember } from "../member/decide.ts"
import type { MemberEvent } from "../member/events.ts"
import { MemberAdmitted } from "../member/events.ts"
import type { MeetingVote } from "../member/model.ts"
import { probationEnd } from "../member/model.ts"
import type { MemberState } from "../member/state.ts"
import { initialState as memberInitial } from "../member/state.ts"
import type { Policies } from "../organization/decide.ts"
import { toTimeline } from "../organization/decide.ts"
import type { OrganizationEvent } from "../organization/events.ts"
import type { Approval, OrgKind } from "../organization/model.ts"
import { decideRosterAdd, requireActive } from "../organization/roster.ts"
import type { OrganizationState } from "../organization/state.ts"
import { childIds, initialState as organizationInitial } from "../organization/state.ts"
import type { DevelopmentPolicy, ExclusionVote, ProbationaryApprover } from "../policy/DevelopmentPolicy.ts"
import type { GovernancePolicy } from "../policy/GovernancePolicy.ts"
import { moreThanHalf } from "../policy/GovernancePolicy.ts"
import { policyAt } from "../policy/PolicyTimeline.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import { invalid, unknownCommand, violation } from "../rules/RuleViolation.ts"
import type {
  ApplyForConversion,
  ApproveAdmission,
  ApproveConversion,
  ArchiveRecords,
  AssignContactPersons,
  AssignIntroducers,
  AssignToBranchAndGroup,
  CompleteApplicationForm,
  CompleteTraining,
  ConcludePoliticalReview,
  DesignateActivist,
  DesignateDevelopmentObject,
  DevelopmentCommand,
  FileActivist,
  FileAdmission,
  FileDevelopmentObject,
  HandOverDevelopmentMaterials,
  HoldApprovalInterview,
  InterviewApplicant,
  IssueApplicationForm,
  PassPreReview,
  PostponeConversion,
  RecordAdmissionReview,
  RejectAdmission,
  ReportResolution,
  ReviewActivist,
  ReviewByBranchCommittee,
  ReviewProbation,
  SubmitApplication,
  TakeOath,
  TransferDevelopmentRecord,
  VoteOnAdmission,
  VoteOnConversion
} from "./commands.ts"
import type { DevelopmentEvent } from "./events.ts"
import {
  ActivistDesignated,
  ActivistFiled,
  ActivistReviewed,
  AdmissionApproved,
  AdmissionFiled,
  AdmissionRejected,
  AdmissionReviewed,
  AdmissionVoted,
  ApplicantInterviewed,
  ApplicationFormCompleted,
  ApplicationFormIssued,
  ApplicationSubmitted,
  ApprovalInterviewHeld,
  AssignedToBranchAndGroup,
  BranchCommitteeReviewed,
  ContactPersonsAssigned,
  ConversionApplied,
  ConversionApproved,
  ConversionPostponed,
  ConversionVoted,
  DevelopmentMaterialsHandedOver,
  DevelopmentObjectDesignated,
  DevelopmentObjectFiled,
  DevelopmentRecordTransferred,
  IntroducersAssigned,
  OathTaken,
  PoliticalReviewConcluded,
  PreReviewPassed,
  ProbationReviewed,
  RecordsArchived,
  ResolutionReported,
  TrainingCompleted
} from "./events.ts"
import type { DecidingBody, DecisionMeeting, Tally } from "./model.ts"
import { hasQuorum, passes } from "./model.ts"
import type { DevelopmentState } from "./state.ts"
import { awaitingApproval, materialsPending, movesSinceActivist } from "./state.ts"

/**
 * The states a development decision reads: the record's, and the organizations' and members' it needs (by id;
 * a missing id reads as a stream that does not exist yet).
 *
 * @category models
 * @since 0.3.0
 */
export interface DevelopmentStates {
  readonly development: DevelopmentState
  readonly orgs: Readonly<Record<string, OrganizationState>>
  readonly members: Readonly<Record<string, MemberState>>
}

/**
 * The events of a development decision: the record's, and each member's and organization's (by id; a missing
 * id gets no events).
 *
 * @category models
 * @since 0.3.0
 */
export interface DevelopmentEvents {
  readonly development: ReadonlyArray<DevelopmentEvent>
  readonly members: Readonly<Record<string, ReadonlyArray<MemberEvent>>>
  readonly orgs: Readonly<Record<string, ReadonlyArray<OrganizationEvent>>>
}

type Decision = Result.Result<DevelopmentEvents, DomainError>

const fail = (error: DomainError): Decision => Result.fail(error)
const ok = (
  development: ReadonlyArray<DevelopmentEvent>,
  members: DevelopmentEvents["members"] = {},
  orgs: DevelopmentEvents["orgs"] = {}
): Decision => Result.succeed({ development, members, orgs })
const nothing: Decision = ok([])

/**
 * R82 HARD: the number of introducers ("要有两名正式党员作介绍人", DZ Art. 5): the rule's own figure, not policy.
 *
 * @category constants
 * @since 0.3.0
 */
export const introducerCount = 2

const orgOf = (states: DevelopmentStates, orgId: string): OrganizationState =>
  lookup(states.orgs, orgId) ?? organizationInitial

const memberOf = (states: DevelopmentStates, memberId: string): MemberState =>
  lookup(states.members, memberId) ?? memberInitial

/**
 * The organizations above one, nearest first, as far as the states loaded know them (a cycle or a missing
 * parent ends the walk).
 *
 * @category queries
 * @since 0.3.0
 */
export const ancestorsOf = (
  orgs: Readonly<Record<string, OrganizationState>>,
  orgId: string
): ReadonlyArray<string> => {
  const out: Array<string> = []
  const seen = new Set<string>([orgId])
  let parent = lookup(orgs, orgId)?.parentId
  while (parent !== undefined && !seen.has(parent)) {
    out.push(parent)
    seen.add(parent)
    parent = lookup(orgs, parent)?.parentId
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------
// The streams a command reads
// ---------------------------------------------------------------------------------------------------------

// The organization whose chain (it and the organizations above it) a command reads, if any.
const chainBase = (
  command: DevelopmentCommand,
  development: DevelopmentState,
  members: DevelopmentStates["members"]
) => {
  switch (command._tag) {
    case "PassPreReview":
    case "RecordAdmissionReview":
    case "ApproveAdmission":
    case "RejectAdmission":
      return development.orgId
    case "ApproveConversion":
      return lookup(members, command.applicantId)?.orgId ?? development.orgId
    default:
      return undefined
  }
}

/**
 * The member streams a development command reads: the contact persons (R80) and introducers (R82) named or
 * recorded, and the candidate's own for the approval and the conversion (R88, R89).
 *
 * @category decisions
 * @since 0.3.0
 */
export const requiredMembers = (command: DevelopmentCommand, development: DevelopmentState): ReadonlyArray<string> => {
  switch (command._tag) {
    case "AssignContactPersons":
      return [...new Set(command.contactPersonIds)]
    case "AssignIntroducers":
      return [...new Set(command.introducerIds)]
    case "VoteOnAdmission":
      return [...new Set(development.introducerIds)]
    case "ApproveAdmission":
    case "PostponeConversion":
    case "VoteOnConversion":
    case "ApproveConversion":
      return [command.applicantId]
    case "SubmitApplication":
    case "InterviewApplicant":
    case "DesignateActivist":
    case "FileActivist":
    case "ReviewActivist":
    case "DesignateDevelopmentObject":
    case "FileDevelopmentObject":
    case "ConcludePoliticalReview":
    case "CompleteTraining":
    case "ReviewByBranchCommittee":
    case "PassPreReview":
    case "IssueApplicationForm":
    case "CompleteApplicationForm":
    case "ReportResolution":
    case "RecordAdmissionReview":
    case "HoldApprovalInterview":
    case "RejectAdmission":
    case "FileAdmission":
    case "AssignToBranchAndGroup":
    case "TakeOath":
    case "ReviewProbation":
    case "ApplyForConversion":
    case "ArchiveRecords":
    case "TransferDevelopmentRecord":
    case "HandOverDevelopmentMaterials":
      return []
    default:
      return exhaustive(command, [])
  }
}

/**
 * The organization streams a development command reads, given the states loaded so far: the organization it
 * names (the receiving organization, the approver, a reviewer, a move's destination), the one holding the
 * record where the decision looks at it (who decides, the vote's electorate, party groups), and, for a
 * pre-review, a review, an approval or a conversion decision, every organization above the branch (loaded
 * round by round as the parents become known).
 *
 * @category decisions
 * @since 0.3.0
 */
export const requiredOrganizations = (
  command: DevelopmentCommand,
  development: DevelopmentState,
  orgs: Readonly<Record<string, OrganizationState>>,
  members: Readonly<Record<string, MemberState>>
): ReadonlyArray<string> => {
  const named: Array<string> = []
  switch (command._tag) {
    case "SubmitApplication":
      named.push(command.orgId)
      break
    case "DesignateActivist":
    case "DesignateDevelopmentObject":
    case "VoteOnAdmission":
    case "AssignToBranchAndGroup":
      named.push(development.orgId)
      break
    case "PassPreReview":
    case "ReportResolution":
    case "ApproveAdmission":
    case "RejectAdmission":
    case "ApproveConversion":
      named.push(command.approverOrgId)
      break
    case "RecordAdmissionReview":
      named.push(command.reviewerOrgId)
      break
    case "VoteOnConversion":
      named.push(lookup(members, command.applicantId)?.orgId ?? development.orgId)
      break
    case "TransferDevelopmentRecord":
      named.push(command.toOrgId)
      break
    case "InterviewApplicant":
    case "FileActivist":
    case "AssignContactPersons":
    case "ReviewActivist":
    case "FileDevelopmentObject":
    case "AssignIntroducers":
    case "ConcludePoliticalReview":
    case "CompleteTraining":
    case "ReviewByBranchCommittee":
    case "IssueApplicationForm":
    case "CompleteApplicationForm":
    case "HoldApprovalInterview":
    case "FileAdmission":
    case "TakeOath":
    case "ReviewProbation":
    case "ApplyForConversion":
    case "PostponeConversion":
    case "ArchiveRecords":
    case "HandOverDevelopmentMaterials":
      break
    default:
      return exhaustive(command, [])
  }
  const base = chainBase(command, development, members)
  const chain = base === undefined || base === "" ? [] : [base, ...ancestorsOf(orgs, base)]
  return [...new Set([...named.filter((id) => id !== ""), ...chain])]
}

// ---------------------------------------------------------------------------------------------------------
// Shared checks
// ---------------------------------------------------------------------------------------------------------

const requireOpen = (state: DevelopmentState, applicantId: string): DomainError | undefined => {
  if (state.status === "none") return invalid("domain.notFound", { entity: "development", id: applicantId })
  if (state.status === "rejected" || state.status === "cancelled") {
    return invalid("domain.closed", { entity: "development", id: applicantId, state: state.status })
  }
  if (state.status !== "open") return invalid("development.alreadyAdmitted", { applicantId, status: state.status })
  return undefined
}

// R77 HARD: steps 18–24 exist only after step 17 (the approval)
const requireAdmitted = (state: DevelopmentState, applicantId: string, step: number): DomainError | undefined => {
  if (state.status === "admitted") return undefined
  if (state.status === "open") {
    return violation("R77", "development.stepOutOfOrder", { applicantId, step, requires: 17 })
  }
  if (state.status === "none") return invalid("domain.notFound", { entity: "development", id: applicantId })
  return invalid("domain.closed", { entity: "development", id: applicantId, state: state.status })
}

/**
 * R77 HARD: a step needs the steps before it (`[step, date]` pairs, undefined when not taken), and is never
 * dated before them.
 *
 * @category decisions
 * @since 0.3.0
 */
export const checkOrder = (
  applicantId: string,
  step: number,
  at: LegalDate,
  required: ReadonlyArray<readonly [number, LegalDate | undefined]>
): DomainError | undefined => {
  for (const [requires, doneAt] of required) {
    // R77 HARD: the order of the 25 steps
    if (doneAt === undefined) return violation("R77", "development.stepOutOfOrder", { applicantId, step, requires })
    if (at < doneAt) {
      return invalid("development.beforePrerequisite", { applicantId, step, requires, at, prerequisiteAt: doneAt })
    }
  }
  return undefined
}

const hasCommittee = (org: OrganizationState): boolean => (org.leadership.committeeIds?.length ?? 0) > 0

// R80 / R81 HARD: the branch committee decides; the general meeting only where there is no committee (R16, R17)
const checkDecidingBody = (
  ruleId: "R80" | "R81",
  org: OrganizationState,
  orgId: string,
  decidedBy: DecidingBody
): DomainError | undefined => {
  if (decidedBy === "branchCommittee" && !hasCommittee(org)) {
    return violation(ruleId, "development.noCommittee", { orgId })
  }
  if (decidedBy === "generalMeeting" && hasCommittee(org)) {
    return violation(ruleId, "development.committeeDecides", { orgId })
  }
  return undefined
}

// R80 / R82 HARD: each named person is a full member as the library knows them on the date (a probation that has
// ended but whose conversion is not approved does not count)
const checkFullMembers = (
  ruleId: "R80" | "R82",
  states: DevelopmentStates,
  applicantId: string,
  ids: ReadonlyArray<string>
): DomainError | undefined => {
  for (const id of ids) {
    if (id === applicantId) return violation(ruleId, "development.selfNamed", { applicantId })
    const member = memberOf(states, id)
    if (member.status !== "full") {
      return violation(ruleId, "development.notFullMember", { applicantId, memberId: id, status: member.status })
    }
  }
  return undefined
}

// R85 HARD: one vote names exactly one candidate (逐个表决); R87 the same for the approving committee
const checkOneCandidate = (
  ruleId: "R85" | "R87",
  code: string,
  applicantId: string,
  candidateIds: ReadonlyArray<string>
): DomainError | undefined =>
  candidateIds.length === 1 && candidateIds[0] === applicantId
    ? undefined
    : violation(ruleId, code, { applicantId, candidates: candidateIds.length })

/**
 * R85 HARD (and R89 for the conversion): a branch general meeting's tally on one candidate. The figures are
 * consistent (present ≤ entitled, yes ≤ present, written opinions only from absent voters); only full members
 * with a vote are entitled (R20: not more than FM, where the branch's roster is the whole electorate, counting
 * approved exclusions, which the policy applies only to the votes it lists); more than half of those entitled
 * attend (written opinions do not count towards it). Whether it passes is `passes`, not a rejection.
 *
 * @category decisions
 * @since 0.3.0
 */
export const checkTally = (
  policy: DevelopmentPolicy,
  vote: ExclusionVote,
  org: OrganizationState,
  orgId: string,
  tally: Tally
): DomainError | undefined => {
  const excluded = tally.excluded ?? 0
  // R85 CONF: the R23 attendance exclusions apply only to the votes the policy lists (default: elections)
  if (excluded > 0 && !policy.voteExclusionsApplyTo.includes(vote)) {
    return violation("R85", "development.exclusionsNotApplicable", { orgId, excluded, vote })
  }
  if (tally.present > tally.entitled) {
    return invalid("organization.presentExceedsEntitled", { orgId, entitled: tally.entitled, present: tally.present })
  }
  if (tally.yes > tally.present) {
    return invalid("development.votesExceedPresent", { orgId, yes: tally.yes, present: tally.present })
  }
  if (tally.writtenOpinions > tally.entitled - tally.present || tally.writtenYes > tally.writtenOpinions) {
    return invalid("development.writtenOpinionsInconsistent", {
      orgId,
      absent: tally.entitled - tally.present,
      writtenOpinions: tally.writtenOpinions,
      writtenYes: tally.writtenYes
    })
  }
  // R20 HARD: only full members vote; probationary members and those under 留党察看 are not among those entitled
  if (childIds(org).length === 0 && tally.entitled + excluded > org.full) {
    return violation("R20", "organization.entitledExceedsFull", {
      orgId,
      entitled: tally.entitled,
      excluded,
      full: org.full
    })
  }
  // R85 HARD: more than half of those entitled are present (2 × present > entitled); written opinions do not count
  if (!hasQuorum(tally)) {
    return violation("R85", "development.voteQuorumNotMet", {
      orgId,
      entitled: tally.entitled,
      present: tally.present,
      required: moreThanHalf(tally.entitled)
    })
  }
  return undefined
}

const approverKind = (kind: OrgKind): ProbationaryApprover | undefined =>
  kind === "townshipCommittee" || kind === "subdistrictCommittee" || kind === "primaryCommittee" ? kind : undefined

/**
 * R87 HARD: the committee that pre-reviews, approves or decides a conversion: an active organization above the
 * branch, of a kind the policy lets approve (the township or subdistrict committee by default). A village or
 * community committee (二级党委), a general branch, a branch and a temporary organization never approve; they may
 * review. Returns the organizations between the branch and the approver that may review (general branches and
 * primary committees), nearest first.
 *
 * @category decisions
 * @since 0.3.0
 */
export const checkApprover = (
  policy: DevelopmentPolicy,
  orgs: Readonly<Record<string, OrganizationState>>,
  approverOrgId: string,
  branchOrgId: string,
  at: LegalDate
): Result.Result<ReadonlyArray<string>, DomainError> => {
  const approver = lookup(orgs, approverOrgId) ?? organizationInitial
  const inactive = requireActive(approver, approverOrgId, at)
  if (inactive !== undefined) return Result.fail(inactive)
  // R87 HARD (R9): a temporary organization neither receives nor approves probationary members
  if (approver.kind === "temporaryBranch") {
    return Result.fail(violation("R87", "development.approverTemporary", { approverOrgId }))
  }
  // R87 HARD: a village or community committee (二级党委) may only review (审议)
  if (approver.kind === "primaryCommittee" && approver.secondTier) {
    return Result.fail(violation("R87", "development.approverSecondTier", { approverOrgId }))
  }
  const kind = approverKind(approver.kind)
  // R87 HARD (CONF probationaryApprovers): only a committee with approval power; never a general branch or a branch
  if (kind === undefined || !policy.probationaryApprovers.includes(kind)) {
    return Result.fail(violation("R87", "development.approverNotAllowed", { approverOrgId, kind: approver.kind }))
  }
  const chain = ancestorsOf(orgs, branchOrgId)
  const index = chain.indexOf(approverOrgId)
  // R87 HARD: the approving committee is above the branch (上级党委)
  if (index < 0) {
    return Result.fail(violation("R87", "development.approverNotAbove", { approverOrgId, orgId: branchOrgId }))
  }
  return Result.succeed(
    chain.slice(0, index).filter((id) => {
      const kindBetween = lookup(orgs, id)?.kind
      return kindBetween === "generalBranch" || kindBetween === "primaryCommittee"
    })
  )
}

/**
 * R87 CONF: when the approval clock starts: the branch's report when one is recorded and the policy counts from
 * it, otherwise the vote (the conservative choice).
 *
 * @category getters
 * @since 0.3.0
 */
export const approvalClockStart = (policy: DevelopmentPolicy, state: DevelopmentState): LegalDate | undefined =>
  policy.approvalClockFrom === "reported" && state.reported !== undefined ? state.reported.at : state.vote?.at

const approvalLevelOf = (kind: OrgKind): Approval["level"] =>
  kind === "primaryCommittee" ? "primaryCommittee" : "township"

// The member's view of a general meeting's vote: those present and those whose written opinion counted (R85),
// and all the yes-votes (written included).
const handedOverMeeting = (tally: Tally, at: LegalDate): MeetingVote => ({
  entitled: tally.entitled,
  present: tally.present + tally.writtenOpinions,
  yes: tally.yes + tally.writtenYes,
  at
})

// ---------------------------------------------------------------------------------------------------------
// Stage 1: 申请入党
// ---------------------------------------------------------------------------------------------------------

const submit = (policy: DevelopmentPolicy, states: DevelopmentStates, cmd: SubmitApplication): Decision => {
  const state = states.development
  if (state.status === "cancelled") {
    return fail(invalid("domain.closed", { entity: "development", id: cmd.applicantId, state: state.status }))
  }
  if (state.status !== "none" && state.status !== "rejected") {
    return fail(invalid("domain.alreadyExists", { entity: "development", id: cmd.applicantId }))
  }
  const inactive = requireActive(orgOf(states, cmd.orgId), cmd.orgId, cmd.at)
  if (inactive !== undefined) return fail(inactive)
  if (cmd.bornOn > cmd.at) return fail(invalid("development.bornAfterApplication", { applicantId: cmd.applicantId }))
  const adultOn = addYears(cmd.bornOn, policy.minApplicantAge)
  const adult = policy.ageOnBirthdayQualifies ? cmd.at >= adultOn : cmd.at > adultOn
  // R78 HARD: the applicant is 18 on the application date (the birthday qualifies by convention, CONF); the
  // rejection names neither the birth date nor the age
  if (!adult) {
    return fail(
      violation("R78", "development.underAge", { applicantId: cmd.applicantId, minAge: policy.minApplicantAge })
    )
  }
  return ok([ApplicationSubmitted.make({ applicantId: cmd.applicantId, orgId: cmd.orgId, at: cmd.at })])
}

const interviewApplicant = (state: DevelopmentState, cmd: InterviewApplicant): Decision => {
  if (state.interviewedAt !== undefined) return nothing
  const order = checkOrder(cmd.applicantId, 2, cmd.at, [[1, state.receivedAt]])
  if (order !== undefined) return fail(order)
  return ok([ApplicantInterviewed.make({ applicantId: cmd.applicantId, orgId: state.orgId, at: cmd.at })])
}

// ---------------------------------------------------------------------------------------------------------
// Stage 2: 入党积极分子的确定和培养教育
// ---------------------------------------------------------------------------------------------------------

const designateActivist = (states: DevelopmentStates, cmd: DesignateActivist): Decision => {
  const state = states.development
  if (state.activistSince !== undefined) return nothing
  // R77 HARD: 1 before 3
  const order = checkOrder(cmd.applicantId, 3, cmd.at, [[1, state.receivedAt]])
  if (order !== undefined) return fail(order)
  const body = checkDecidingBody("R80", orgOf(states, state.orgId), state.orgId, cmd.decidedBy)
  if (body !== undefined) return fail(body)
  return ok([
    ActivistDesignated.make({ applicantId: cmd.applicantId, orgId: state.orgId, decidedBy: cmd.decidedBy, at: cmd.at })
  ])
}

const fileActivist = (state: DevelopmentState, cmd: FileActivist): Decision => {
  if (state.activistFiledAt !== undefined) return nothing
  const order = checkOrder(cmd.applicantId, 4, cmd.at, [[3, state.activistSince]])
  if (order !== undefined) return fail(order)
  return ok([ActivistFiled.make({ applicantId: cmd.applicantId, orgId: state.orgId, at: cmd.at })])
}

const sameIds = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean =>
  a.length === b.length && a.every((id) => b.includes(id))

const assignContactPersons = (
  policy: DevelopmentPolicy,
  states: DevelopmentStates,
  cmd: AssignContactPersons
): Decision => {
  const state = states.development
  // R77 HARD: 3 before 5
  const order = checkOrder(cmd.applicantId, 5, cmd.at, [[3, state.activistSince]])
  if (order !== undefined) return fail(order)
  if (state.contactsAssignedAt !== undefined && sameIds(state.contactPersonIds, cmd.contactPersonIds)) return nothing
  const ids = cmd.contactPersonIds
  // R80 HARD: one or two contact persons ("一至两名"), each named once
  if (new Set(ids).size !== ids.length) {
    return fail(invalid("development.duplicatePerson", { applicantId: cmd.applicantId }))
  }
  if (ids.length < policy.minContactPersons || ids.length > policy.maxContactPersons) {
    return fail(
      violation("R80", "development.contactPersonCount", {
        applicantId: cmd.applicantId,
        count: ids.length,
        min: policy.minContactPersons,
        max: policy.maxContactPersons
      })
    )
  }
  const notFull = checkFullMembers("R80", states, cmd.applicantId, ids)
  if (notFull !== undefined) return fail(notFull)
  return ok([
    ContactPersonsAssigned.make({ applicantId: cmd.applicantId, orgId: state.orgId, contactPersonIds: ids, at: cmd.at })
  ])
}

const reviewActivist = (state: DevelopmentState, cmd: ReviewActivist): Decision => {
  const order = checkOrder(cmd.applicantId, 6, cmd.at, [[3, state.activistSince]])
  if (order !== undefined) return fail(order)
  if (state.lastActivistReviewAt === cmd.at) return nothing
  return ok([ActivistReviewed.make({ applicantId: cmd.applicantId, orgId: state.orgId, at: cmd.at })])
}

// ---------------------------------------------------------------------------------------------------------
// Stage 3: 发展对象的确定和考察
// ---------------------------------------------------------------------------------------------------------

/**
 * R81 / R90: the date from which the year as an activist counts: the designation, or, after a move and when the
 * policy says activist time does not carry over, the last move. Undefined (with the rejection) when the record
 * moved and the policy does not say (R90 has no default).
 *
 * @category getters
 * @since 0.3.0
 */
export const activistClockStart = (
  policy: DevelopmentPolicy,
  state: DevelopmentState
): Result.Result<LegalDate | undefined, DomainError> => {
  const moves = movesSinceActivist(state)
  if (moves.length === 0) return Result.succeed(state.activistSince)
  // R90 CONF (no default): after a move, R81 cannot be evaluated until the policy says whether the time carries over
  if (policy.activistTimeCarriesOver === undefined) {
    return Result.fail(violation("R90", "development.carryOverUnset", { applicantId: state.applicantId }))
  }
  return Result.succeed(policy.activistTimeCarriesOver ? state.activistSince : moves[moves.length - 1]!.at)
}

const designateDevelopmentObject = (
  policy: DevelopmentPolicy,
  states: DevelopmentStates,
  cmd: DesignateDevelopmentObject
): Decision => {
  const state = states.development
  if (state.developmentObjectAt !== undefined) return nothing
  // R77 HARD: 5 before 7 (and so 3 before 7)
  const order = checkOrder(cmd.applicantId, 7, cmd.at, [[3, state.activistSince], [5, state.contactsAssignedAt]])
  if (order !== undefined) return fail(order)
  const body = checkDecidingBody("R81", orgOf(states, state.orgId), state.orgId, cmd.decidedBy)
  if (body !== undefined) return fail(body)
  const clock = activistClockStart(policy, state)
  if (Result.isFailure(clock)) return fail(clock.failure)
  const since = clock.success ?? state.activistSince!
  const earliest = addMonths(since, policy.minActivistMonths)
  // R81 HARD: a year or more as an activist ("一年以上", inclusive): the anniversary, not 365 days
  if (cmd.at < earliest) {
    return fail(violation("R81", "development.activistTooShort", { applicantId: cmd.applicantId, since, earliest }))
  }
  return ok([
    DevelopmentObjectDesignated.make({
      applicantId: cmd.applicantId,
      orgId: state.orgId,
      decidedBy: cmd.decidedBy,
      at: cmd.at
    })
  ])
}

const fileDevelopmentObject = (state: DevelopmentState, cmd: FileDevelopmentObject): Decision => {
  if (state.developmentObjectFiledAt !== undefined) return nothing
  const order = checkOrder(cmd.applicantId, 8, cmd.at, [[7, state.developmentObjectAt]])
  if (order !== undefined) return fail(order)
  return ok([DevelopmentObjectFiled.make({ applicantId: cmd.applicantId, orgId: state.orgId, at: cmd.at })])
}

const assignIntroducers = (states: DevelopmentStates, cmd: AssignIntroducers): Decision => {
  const state = states.development
  // R77 HARD: 7 before 9
  const order = checkOrder(cmd.applicantId, 9, cmd.at, [[7, state.developmentObjectAt]])
  if (order !== undefined) return fail(order)
  if (state.introducersAssignedAt !== undefined && sameIds(state.introducerIds, cmd.introducerIds)) return nothing
  const ids = cmd.introducerIds
  // R82 HARD: exactly two distinct introducers
  if (ids.length !== introducerCount || new Set(ids).size !== ids.length) {
    return fail(
      violation("R82", "development.introducerCount", {
        applicantId: cmd.applicantId,
        count: new Set(ids).size,
        required: introducerCount
      })
    )
  }
  // R82 HARD: neither is the candidate, each is a full member when named
  const notFull = checkFullMembers("R82", states, cmd.applicantId, ids)
  if (notFull !== undefined) return fail(notFull)
  return ok([
    IntroducersAssigned.make({ applicantId: cmd.applicantId, orgId: state.orgId, introducerIds: ids, at: cmd.at })
  ])
}

const concludePoliticalReview = (state: DevelopmentState, cmd: ConcludePoliticalReview): Decision => {
  // R77 HARD: 7 before 10
  const order = checkOrder(cmd.applicantId, 10, cmd.at, [[7, state.developmentObjectAt]])
  if (order !== undefined) return fail(order)
  if (state.politicalReview?.result === cmd.result) return nothing
  return ok([
    PoliticalReviewConcluded.make({ applicantId: cmd.applicantId, orgId: state.orgId, result: cmd.result, at: cmd.at })
  ])
}

/**
 * R83 HARD (CONF): whether a training meets the policy: `days ≥ trainingMinDays` or `hours ≥ trainingMinHours`
 * (3 days or 24 学时 by default).
 *
 * @example
 * ```ts
 * import { Development, GovernancePolicy } from "@dangjian/core"
 *
 * const policy = GovernancePolicy.national.development
 * Development.trainingSuffices(policy, 3, 20) // => true
 * Development.trainingSuffices(policy, 2, 24) // => true
 * Development.trainingSuffices(policy, 2, 23.5) // => false
 * ```
 *
 * @category predicates
 * @since 0.3.0
 */
export const trainingSuffices = (policy: DevelopmentPolicy, days: number, hours: number): boolean =>
  days >= policy.trainingMinDays || hours >= policy.trainingMinHours

const completeTraining = (policy: DevelopmentPolicy, state: DevelopmentState, cmd: CompleteTraining): Decision => {
  // R77 HARD: 7 before 11 (only development objects attend)
  const order = checkOrder(cmd.applicantId, 11, cmd.at, [[7, state.developmentObjectAt]])
  if (order !== undefined) return fail(order)
  // R83 HARD (CONF): three days or 24 学时, unless a waiver names its reason (which the findings report)
  if (!trainingSuffices(policy, cmd.days, cmd.hours) && cmd.waiverReason === undefined) {
    return fail(
      violation("R83", "development.trainingTooShort", {
        applicantId: cmd.applicantId,
        days: cmd.days,
        hours: cmd.hours,
        minDays: policy.trainingMinDays,
        minHours: policy.trainingMinHours
      })
    )
  }
  return ok([
    TrainingCompleted.make({
      applicantId: cmd.applicantId,
      orgId: state.orgId,
      days: cmd.days,
      hours: cmd.hours,
      ...(cmd.waiverReason === undefined ? {} : { waiverReason: cmd.waiverReason }),
      at: cmd.at
    })
  ])
}

// ---------------------------------------------------------------------------------------------------------
// Stage 4: 预备党员的接收
// ---------------------------------------------------------------------------------------------------------

const reviewByBranchCommittee = (state: DevelopmentState, cmd: ReviewByBranchCommittee): Decision => {
  // R77 HARD: 9, 10 and 11 (in any order) before 12
  const order = checkOrder(cmd.applicantId, 12, cmd.at, [
    [9, state.introducersAssignedAt],
    [10, state.politicalReview?.at],
    [11, state.training?.at]
  ])
  if (order !== undefined) return fail(order)
  // R83 HARD: "未经政治审查的,不能发展入党": the review has passed
  if (state.politicalReview?.result !== "pass") {
    return fail(violation("R83", "development.politicalReviewNotPassed", { applicantId: cmd.applicantId }))
  }
  if (state.branchReviewedAt !== undefined && state.expectedDepartureOn === cmd.expectedDepartureOn) return nothing
  return ok([
    BranchCommitteeReviewed.make({
      applicantId: cmd.applicantId,
      orgId: state.orgId,
      ...(cmd.expectedDepartureOn === undefined ? {} : { expectedDepartureOn: cmd.expectedDepartureOn }),
      at: cmd.at
    })
  ])
}

const passPreReview = (policy: DevelopmentPolicy, states: DevelopmentStates, cmd: PassPreReview): Decision => {
  const state = states.development
  if (state.preReview !== undefined) return nothing
  // R77 HARD: 12 → 13
  const order = checkOrder(cmd.applicantId, 13, cmd.at, [[12, state.branchReviewedAt]])
  if (order !== undefined) return fail(order)
  // R84 HARD: the pre-review is by a committee with approval power (R87)
  const approver = checkApprover(policy, states.orgs, cmd.approverOrgId, state.orgId, cmd.at)
  if (Result.isFailure(approver)) return fail(approver.failure)
  return ok([
    PreReviewPassed.make({
      applicantId: cmd.applicantId,
      orgId: state.orgId,
      approverOrgId: cmd.approverOrgId,
      at: cmd.at
    })
  ])
}

const issueApplicationForm = (state: DevelopmentState, cmd: IssueApplicationForm): Decision => {
  if (state.formIssuedAt !== undefined) return nothing
  // R84 HARD: the form is issued after the pre-review passed
  if (state.preReview === undefined) {
    return fail(violation("R84", "development.formBeforePreReview", { applicantId: cmd.applicantId }))
  }
  const order = checkOrder(cmd.applicantId, 13, cmd.at, [[13, state.preReview.at]])
  if (order !== undefined) return fail(order)
  return ok([ApplicationFormIssued.make({ applicantId: cmd.applicantId, orgId: state.orgId, at: cmd.at })])
}

const completeApplicationForm = (state: DevelopmentState, cmd: CompleteApplicationForm): Decision => {
  if (state.formCompletedAt !== undefined) return nothing
  // R84 HARD: the form is completed after it was issued
  if (state.formIssuedAt === undefined) {
    return fail(violation("R84", "development.formNotIssued", { applicantId: cmd.applicantId }))
  }
  const order = checkOrder(cmd.applicantId, 14, cmd.at, [[13, state.formIssuedAt]])
  if (order !== undefined) return fail(order)
  return ok([ApplicationFormCompleted.make({ applicantId: cmd.applicantId, orgId: state.orgId, at: cmd.at })])
}

const voteOnAdmission = (policy: DevelopmentPolicy, states: DevelopmentStates, cmd: VoteOnAdmission): Decision => {
  const state = states.development
  // R77 HARD: 14 → 15
  const order = checkOrder(cmd.applicantId, 15, cmd.at, [[14, state.formCompletedAt]])
  if (order !== undefined) return fail(order)
  const org = orgOf(states, state.orgId)
  // R87 HARD (R9): a temporary organization does not receive probationary members
  if (org.kind === "temporaryBranch") {
    return fail(violation("R87", "development.temporaryNoAdmission", { orgId: state.orgId }))
  }
  const batch = checkOneCandidate("R85", "development.batchVote", cmd.applicantId, cmd.candidateIds)
  if (batch !== undefined) return fail(batch)
  if (awaitingApproval(state)) {
    const start = approvalClockStart(policy, state)!
    // R87 HARD (CONF): a passed vote stands until its approval window has run out; only then the branch votes again
    if (cmd.at <= addMonths(start, policy.approvalMaxMonths)) {
      return fail(invalid("development.alreadyVoted", { applicantId: cmd.applicantId, votedAt: state.vote!.at }))
    }
  }
  // R82 HARD: the introducers are full members when the vote is recorded, too
  const introducers = checkFullMembers("R82", states, cmd.applicantId, state.introducerIds)
  if (introducers !== undefined) return fail(introducers)
  const tally = checkTally(policy, "admission", org, state.orgId, cmd.tally)
  if (tally !== undefined) return fail(tally)
  return ok([
    AdmissionVoted.make({
      applicantId: cmd.applicantId,
      orgId: state.orgId,
      meetingId: cmd.meetingId,
      tally: cmd.tally,
      // R85 HARD: passed when the yes-votes and written yes-opinions are more than half of those entitled
      passed: passes(cmd.tally),
      at: cmd.at
    })
  ])
}

// R77 HARD: 16 and 17 (and the report and reviews between) follow a vote that passed
const requirePassedVote = (state: DevelopmentState, applicantId: string, step: number, at: LegalDate) =>
  checkOrder(applicantId, step, at, [[15, awaitingApproval(state) ? state.vote!.at : undefined]])

const reportResolution = (states: DevelopmentStates, cmd: ReportResolution): Decision => {
  const state = states.development
  const order = requirePassedVote(state, cmd.applicantId, 16, cmd.at)
  if (order !== undefined) return fail(order)
  if (state.reported !== undefined) return nothing
  const inactive = requireActive(orgOf(states, cmd.approverOrgId), cmd.approverOrgId, cmd.at)
  if (inactive !== undefined) return fail(inactive)
  return ok([
    ResolutionReported.make({
      applicantId: cmd.applicantId,
      orgId: state.orgId,
      approverOrgId: cmd.approverOrgId,
      at: cmd.at
    })
  ])
}

const recordAdmissionReview = (states: DevelopmentStates, cmd: RecordAdmissionReview): Decision => {
  const state = states.development
  const order = requirePassedVote(state, cmd.applicantId, 16, cmd.at)
  if (order !== undefined) return fail(order)
  if (state.reviewedBy.includes(cmd.reviewerOrgId)) return nothing
  const reviewer = lookup(states.orgs, cmd.reviewerOrgId)
  // R87: the reviewer is a village or community committee or a general branch above the branch
  if (
    reviewer === undefined || !ancestorsOf(states.orgs, state.orgId).includes(cmd.reviewerOrgId)
    || !(reviewer.kind === "generalBranch" || reviewer.kind === "primaryCommittee")
  ) {
    return fail(invalid("development.notIntermediate", { reviewerOrgId: cmd.reviewerOrgId, orgId: state.orgId }))
  }
  return ok([
    AdmissionReviewed.make({
      applicantId: cmd.applicantId,
      orgId: state.orgId,
      reviewerOrgId: cmd.reviewerOrgId,
      at: cmd.at
    })
  ])
}

const holdApprovalInterview = (state: DevelopmentState, cmd: HoldApprovalInterview): Decision => {
  // R77 HARD: 15 → 16
  const order = requirePassedVote(state, cmd.applicantId, 16, cmd.at)
  if (order !== undefined) return fail(order)
  if (state.interview !== undefined) return nothing
  return ok([
    ApprovalInterviewHeld.make({
      applicantId: cmd.applicantId,
      orgId: state.orgId,
      interviewerRole: cmd.interviewerRole,
      at: cmd.at
    })
  ])
}

// The approving committee's decision on the candidate (R86, R87): on a vote that passed, after the interview when
// it approves, citing a meeting that decided this one candidate, by an approver above the branch. Returns the
// intermediate organizations.
const checkApprovalDecision = (
  policy: DevelopmentPolicy,
  states: DevelopmentStates,
  cmd: {
    readonly applicantId: string
    readonly approverOrgId: string
    readonly meeting: DecisionMeeting
    readonly at: LegalDate
  },
  approving: boolean
): Result.Result<ReadonlyArray<string>, DomainError> => {
  const state = states.development
  const order = requirePassedVote(state, cmd.applicantId, 17, cmd.at)
  if (order !== undefined) return Result.fail(order)
  if (approving) {
    // R86 HARD: the higher committee talks with the candidate before approving (步骤 16 → 17)
    if (state.interview === undefined) {
      return Result.fail(violation("R86", "development.noApprovalInterview", { applicantId: cmd.applicantId }))
    }
    const after = checkOrder(cmd.applicantId, 17, cmd.at, [[16, state.interview.at]])
    if (after !== undefined) return Result.fail(after)
  }
  const batch = checkOneCandidate("R87", "development.batchApproval", cmd.applicantId, cmd.meeting.candidateIds)
  if (batch !== undefined) return Result.fail(batch)
  return checkApprover(policy, states.orgs, cmd.approverOrgId, state.orgId, cmd.at)
}

const approveAdmission = (policy: GovernancePolicy, states: DevelopmentStates, cmd: ApproveAdmission): Decision => {
  const d = policy.development
  const state = states.development
  const decided = checkApprovalDecision(d, states, cmd, true)
  if (Result.isFailure(decided)) return fail(decided.failure)
  const vote = state.vote!
  const start = approvalClockStart(d, state)!
  const latest = addMonths(start, d.approvalMaxMonths)
  // R87 HARD (CONF): never more than six months after the clock start; the branch votes again
  if (cmd.at > latest) {
    return fail(violation("R87", "development.approvalTooLate", { applicantId: cmd.applicantId, from: start, latest }))
  }
  const memberId = cmd.applicantId
  const member = memberOf(states, memberId)
  // R38 HARD: the candidate becomes a member once, with one affiliation
  if (member.status !== "none") {
    return fail(violation("R38", "member.alreadyAffiliated", { memberId, orgId: member.orgId }))
  }
  // R88 HARD: the candidate joins the branch's roster as probationary from the vote (R9 is judged there)
  const added = decideRosterAdd(orgOf(states, state.orgId), {
    memberId,
    status: "probationary",
    reason: "admitted",
    at: vote.at,
    orgId: state.orgId
  })
  if (Result.isFailure(added)) return fail(added.failure)
  // R37 / R88: the probation runs a year from the vote, not from the approval
  const probationEndsAt = probationEnd(vote.at, policy.membership.probationMonths)
  const approval: Approval = {
    by: cmd.approverOrgId,
    level: approvalLevelOf(orgOf(states, cmd.approverOrgId).kind),
    at: cmd.at
  }
  const admitted = MemberAdmitted.make({
    memberId,
    orgId: state.orgId,
    meeting: handedOverMeeting(vote.tally, vote.at),
    approval,
    probationEndsAt,
    // R88: the membership (党籍), the probation and the dues run from the vote
    at: vote.at
  })
  return ok(
    [
      AdmissionApproved.make({
        applicantId: cmd.applicantId,
        orgId: state.orgId,
        approverOrgId: cmd.approverOrgId,
        meetingId: cmd.meeting.meetingId,
        voteAt: vote.at,
        probationEndsAt,
        dueBy: addMonths(start, d.approvalDueMonths),
        intermediateOrgIds: decided.success,
        ...(cmd.delayReason === undefined ? {} : { delayReason: cmd.delayReason }),
        at: cmd.at
      })
    ],
    { [memberId]: [admitted] },
    { [state.orgId]: added.success }
  )
}

const rejectAdmission = (policy: DevelopmentPolicy, states: DevelopmentStates, cmd: RejectAdmission): Decision => {
  const decided = checkApprovalDecision(policy, states, cmd, false)
  if (Result.isFailure(decided)) return fail(decided.failure)
  return ok([
    AdmissionRejected.make({
      applicantId: cmd.applicantId,
      orgId: states.development.orgId,
      approverOrgId: cmd.approverOrgId,
      meetingId: cmd.meeting.meetingId,
      at: cmd.at
    })
  ])
}

const fileAdmission = (state: DevelopmentState, cmd: FileAdmission): Decision => {
  if (state.admissionFiledAt !== undefined) return nothing
  const order = checkOrder(cmd.applicantId, 18, cmd.at, [[17, state.approval?.at]])
  if (order !== undefined) return fail(order)
  return ok([AdmissionFiled.make({ applicantId: cmd.applicantId, orgId: state.orgId, at: cmd.at })])
}

// ---------------------------------------------------------------------------------------------------------
// Stage 5: 预备党员的教育考察和转正
// ---------------------------------------------------------------------------------------------------------

const assignToBranchAndGroup = (states: DevelopmentStates, cmd: AssignToBranchAndGroup): Decision => {
  const state = states.development
  const order = checkOrder(cmd.applicantId, 19, cmd.at, [[17, state.approval?.at]])
  if (order !== undefined) return fail(order)
  if (state.placedAt !== undefined) return nothing
  // R38: the party group is one of the branch's
  if (cmd.groupId !== undefined && !has(orgOf(states, state.orgId).groups, cmd.groupId)) {
    return fail(invalid("development.unknownGroup", { orgId: state.orgId, groupId: cmd.groupId }))
  }
  return ok([
    AssignedToBranchAndGroup.make({
      applicantId: cmd.applicantId,
      orgId: state.orgId,
      ...(cmd.groupId === undefined ? {} : { groupId: cmd.groupId }),
      at: cmd.at
    })
  ])
}

const takeOath = (state: DevelopmentState, cmd: TakeOath): Decision => {
  if (state.oathAt !== undefined) return nothing
  const order = checkOrder(cmd.applicantId, 20, cmd.at, [[17, state.approval?.at]])
  if (order !== undefined) return fail(order)
  return ok([OathTaken.make({ applicantId: cmd.applicantId, orgId: state.orgId, at: cmd.at })])
}

const reviewProbation = (state: DevelopmentState, cmd: ReviewProbation): Decision => {
  const order = checkOrder(cmd.applicantId, 21, cmd.at, [[17, state.approval?.at]])
  if (order !== undefined) return fail(order)
  if (state.lastProbationReviewAt === cmd.at) return nothing
  return ok([ProbationReviewed.make({ applicantId: cmd.applicantId, orgId: state.orgId, at: cmd.at })])
}

const applyForConversion = (state: DevelopmentState, cmd: ApplyForConversion): Decision => {
  if (state.conversionAppliedAt !== undefined) return nothing
  const order = checkOrder(cmd.applicantId, 22, cmd.at, [[17, state.approval?.at]])
  if (order !== undefined) return fail(order)
  return ok([ConversionApplied.make({ applicantId: cmd.applicantId, orgId: state.orgId, at: cmd.at })])
}

/**
 * R89: whether the member's affiliation was received by another organization during the probation (from the
 * vote to the probation's end): the members whose conversion discussion may be postponed.
 *
 * @category predicates
 * @since 0.3.0
 */
export const transferredInDuringProbation = (member: MemberState, voteAt: LegalDate, endsAt: LegalDate): boolean => {
  const transfer = member.transfer
  return transfer !== undefined && transfer.status === "received" && transfer.closedAt !== undefined
    && transfer.closedAt >= voteAt && transfer.closedAt <= endsAt && transfer.toOrgId === member.orgId
}

const postponeConversion = (
  policy: DevelopmentPolicy,
  states: DevelopmentStates,
  cmd: PostponeConversion
): Decision => {
  const state = states.development
  const applicantId = cmd.applicantId
  const endsAt = state.probationEndsAt!
  if (state.postponedUntil !== undefined) {
    return fail(invalid("development.alreadyPostponed", { applicantId, until: state.postponedUntil }))
  }
  // R89 HARD: only for a member whose affiliation was received during the probation (otherwise: extend, R37)
  if (!transferredInDuringProbation(memberOf(states, applicantId), state.approval!.voteAt, endsAt)) {
    return fail(violation("R89", "development.postponeNotTransferredIn", { applicantId }))
  }
  if (cmd.until <= endsAt) {
    return fail(invalid("development.postponeBeforeEnd", { applicantId, until: cmd.until, endsAt }))
  }
  const latest = addMonths(endsAt, policy.transferredInPostponeMaxMonths)
  // R89 HARD (CONF): "推迟时间不超过6个月"
  if (cmd.until > latest) {
    return fail(violation("R89", "development.postponeTooLong", { applicantId, until: cmd.until, latest }))
  }
  return ok([ConversionPostponed.make({ applicantId, orgId: state.orgId, until: cmd.until, at: cmd.at })])
}

const voteOnConversion = (policy: DevelopmentPolicy, states: DevelopmentStates, cmd: VoteOnConversion): Decision => {
  const state = states.development
  const applicantId = cmd.applicantId
  const order = checkOrder(applicantId, 23, cmd.at, [[17, state.approval?.at]])
  if (order !== undefined) return fail(order)
  if (state.conversionVote?.passed === true) {
    return fail(invalid("development.alreadyVoted", { applicantId, votedAt: state.conversionVote.at }))
  }
  const batch = checkOneCandidate("R85", "development.batchVote", applicantId, cmd.candidateIds)
  if (batch !== undefined) return fail(batch)
  if ((cmd.outcome === "extend") !== (cmd.extendMonths !== undefined)) {
    return fail(invalid("development.extendMonthsMismatch", { applicantId, outcome: cmd.outcome }))
  }
  const endsAt = state.probationEndsAt!
  // R89 HARD (CONF forbidEarlyConversionVote): the conversion is not discussed before the probation ends
  if (cmd.outcome !== "cancel" && policy.forbidEarlyConversionVote && cmd.at < endsAt) {
    return fail(violation("R89", "development.conversionVoteEarly", { applicantId, endsAt, at: cmd.at }))
  }
  const orgId = memberOf(states, applicantId).orgId ?? state.orgId
  // R89 HARD: the same quorum and majority as the admission vote (R85)
  const tally = checkTally(policy, "admission", orgOf(states, orgId), orgId, cmd.tally)
  if (tally !== undefined) return fail(tally)
  return ok([
    ConversionVoted.make({
      applicantId,
      orgId: state.orgId,
      meetingId: cmd.meetingId,
      outcome: cmd.outcome,
      ...(cmd.extendMonths === undefined ? {} : { extendMonths: cmd.extendMonths }),
      tally: cmd.tally,
      passed: passes(cmd.tally),
      at: cmd.at
    })
  ])
}

const approveConversion = (policy: GovernancePolicy, states: DevelopmentStates, cmd: ApproveConversion): Decision => {
  const state = states.development
  const applicantId = cmd.applicantId
  const vote = state.conversionVote
  const order = checkOrder(applicantId, 24, cmd.at, [[23, vote?.passed === true ? vote.at : undefined]])
  if (order !== undefined) return fail(order)
  const batch = checkOneCandidate("R87", "development.batchApproval", applicantId, cmd.meeting.candidateIds)
  if (batch !== undefined) return fail(batch)
  const member = memberOf(states, applicantId)
  const orgId = member.orgId ?? state.orgId
  // R89 HARD: approved by a committee R87 allows
  const approver = checkApprover(policy.development, states.orgs, cmd.approverOrgId, orgId, cmd.at)
  if (Result.isFailure(approver)) return fail(approver.failure)
  const passed = vote!
  const meeting = handedOverMeeting(passed.tally, passed.at)
  const approval: Approval = {
    by: cmd.approverOrgId,
    level: approvalLevelOf(orgOf(states, cmd.approverOrgId).kind),
    at: cmd.at
  }
  const base = { memberId: applicantId, meeting, approval, at: cmd.at }
  const memberCommand: MemberCommand = passed.outcome === "convert"
    ? { _tag: "ConvertMember", ...base }
    : passed.outcome === "extend"
    ? { _tag: "ExtendProbation", months: passed.extendMonths ?? 0, ...base }
    : { _tag: "CancelProbation", ...base }
  // R37 / R89: the member aggregate's own decision (the probation has ended; one extension of 6–12 months)
  const handed = decideMember(policy, memberCommand, { member, orgs: states.orgs })
  if (Result.isFailure(handed)) return fail(handed.failure)
  const endsAt = member.probationEndsAt ?? state.probationEndsAt!
  const probationEndsAt = passed.outcome === "extend" ? addMonths(endsAt, passed.extendMonths ?? 0) : endsAt
  return ok(
    [
      ConversionApproved.make({
        applicantId,
        orgId: state.orgId,
        approverOrgId: cmd.approverOrgId,
        meetingId: cmd.meeting.meetingId,
        outcome: passed.outcome,
        // R89 HARD (C26): a conversion takes effect at the end of the probation, not on the approval
        ...(passed.outcome === "convert" ? { effectiveOn: endsAt } : {}),
        probationEndsAt,
        at: cmd.at
      })
    ],
    { [applicantId]: handed.success.member },
    handed.success.orgs
  )
}

const archiveRecords = (state: DevelopmentState, cmd: ArchiveRecords): Decision => {
  if (state.archivedAt !== undefined) return nothing
  const converted = state.status === "full" ? state.conversion?.at : undefined
  // R77 HARD: 24 before 25 (the materials are archived after the conversion)
  const order = checkOrder(cmd.applicantId, 25, cmd.at, [[24, converted]])
  if (order !== undefined) return fail(order)
  return ok([RecordsArchived.make({ applicantId: cmd.applicantId, orgId: state.orgId, at: cmd.at })])
}

// ---------------------------------------------------------------------------------------------------------
// Moves (R90)
// ---------------------------------------------------------------------------------------------------------

const transferRecord = (states: DevelopmentStates, cmd: TransferDevelopmentRecord): Decision => {
  const state = states.development
  if (awaitingApproval(state)) {
    return fail(invalid("development.transferAfterVote", { applicantId: cmd.applicantId, votedAt: state.vote!.at }))
  }
  if (cmd.toOrgId === state.orgId) return fail(invalid("development.transferToSameOrg", { orgId: cmd.toOrgId }))
  if (state.receivedAt !== undefined && cmd.at < state.receivedAt) {
    return fail(
      invalid("development.beforeApplication", {
        applicantId: cmd.applicantId,
        at: cmd.at,
        receivedAt: state.receivedAt
      })
    )
  }
  const inactive = requireActive(orgOf(states, cmd.toOrgId), cmd.toOrgId, cmd.at)
  if (inactive !== undefined) return fail(inactive)
  // R90: a move of the record, never an affiliation transfer; no member stream gets an event
  return ok([
    DevelopmentRecordTransferred.make({
      applicantId: cmd.applicantId,
      fromOrgId: state.orgId,
      toOrgId: cmd.toOrgId,
      materialsTransferred: cmd.materialsTransferred,
      at: cmd.at
    })
  ])
}

const handOverMaterials = (state: DevelopmentState, cmd: HandOverDevelopmentMaterials): Decision => {
  const pending = materialsPending(state)
  if (pending === undefined) return nothing
  if (cmd.at < pending.at) {
    return fail(invalid("development.beforeMove", { applicantId: cmd.applicantId, at: cmd.at, movedAt: pending.at }))
  }
  return ok([
    DevelopmentMaterialsHandedOver.make({
      applicantId: cmd.applicantId,
      fromOrgId: pending.fromOrgId,
      toOrgId: pending.toOrgId,
      at: cmd.at
    })
  ])
}

// ---------------------------------------------------------------------------------------------------------
// The decision
// ---------------------------------------------------------------------------------------------------------

// The commands on a record in stages 1–4 (open until the approval), and those after the approval.
const openCommands: ReadonlySet<DevelopmentCommand["_tag"]> = new Set([
  "InterviewApplicant",
  "DesignateActivist",
  "FileActivist",
  "AssignContactPersons",
  "ReviewActivist",
  "DesignateDevelopmentObject",
  "FileDevelopmentObject",
  "AssignIntroducers",
  "ConcludePoliticalReview",
  "CompleteTraining",
  "ReviewByBranchCommittee",
  "PassPreReview",
  "IssueApplicationForm",
  "CompleteApplicationForm",
  "VoteOnAdmission",
  "ReportResolution",
  "RecordAdmissionReview",
  "HoldApprovalInterview",
  "ApproveAdmission",
  "RejectAdmission",
  "TransferDevelopmentRecord",
  "HandOverDevelopmentMaterials"
])

const stepOf: Readonly<Partial<Record<DevelopmentCommand["_tag"], number>>> = {
  FileAdmission: 18,
  AssignToBranchAndGroup: 19,
  TakeOath: 20,
  ReviewProbation: 21,
  ApplyForConversion: 22,
  PostponeConversion: 23,
  VoteOnConversion: 23,
  ApproveConversion: 24
}

/**
 * Decides a development command over the record's and the needed streams' states, under one policy.
 *
 * @category decisions
 * @since 0.3.0
 */
export const decideWith = (
  policy: GovernancePolicy,
  command: DevelopmentCommand,
  states: DevelopmentStates
): Decision => {
  const state = states.development
  const d = policy.development
  if (state.status !== "none" && state.applicantId !== command.applicantId) {
    return fail(
      invalid("development.wrongStream", { applicantId: command.applicantId, streamApplicantId: state.applicantId })
    )
  }
  if (state.status === "none" && command._tag !== "SubmitApplication") {
    return fail(invalid("domain.notFound", { entity: "development", id: command.applicantId }))
  }
  if (openCommands.has(command._tag)) {
    const error = requireOpen(state, command.applicantId)
    if (error !== undefined) return fail(error)
  }
  const step = stepOf[command._tag]
  if (step !== undefined) {
    const error = requireAdmitted(state, command.applicantId, step)
    if (error !== undefined) return fail(error)
  }
  switch (command._tag) {
    case "SubmitApplication":
      return submit(d, states, command)
    case "InterviewApplicant":
      return interviewApplicant(state, command)
    case "DesignateActivist":
      return designateActivist(states, command)
    case "FileActivist":
      return fileActivist(state, command)
    case "AssignContactPersons":
      return assignContactPersons(d, states, command)
    case "ReviewActivist":
      return reviewActivist(state, command)
    case "DesignateDevelopmentObject":
      return designateDevelopmentObject(d, states, command)
    case "FileDevelopmentObject":
      return fileDevelopmentObject(state, command)
    case "AssignIntroducers":
      return assignIntroducers(states, command)
    case "ConcludePoliticalReview":
      return concludePoliticalReview(state, command)
    case "CompleteTraining":
      return completeTraining(d, state, command)
    case "ReviewByBranchCommittee":
      return reviewByBranchCommittee(state, command)
    case "PassPreReview":
      return passPreReview(d, states, command)
    case "IssueApplicationForm":
      return issueApplicationForm(state, command)
    case "CompleteApplicationForm":
      return completeApplicationForm(state, command)
    case "VoteOnAdmission":
      return voteOnAdmission(d, states, command)
    case "ReportResolution":
      return reportResolution(states, command)
    case "RecordAdmissionReview":
      return recordAdmissionReview(states, command)
    case "HoldApprovalInterview":
      return holdApprovalInterview(state, command)
    case "ApproveAdmission":
      return approveAdmission(policy, states, command)
    case "RejectAdmission":
      return rejectAdmission(d, states, command)
    case "FileAdmission":
      return fileAdmission(state, command)
    case "AssignToBranchAndGroup":
      return assignToBranchAndGroup(states, command)
    case "TakeOath":
      return takeOath(state, command)
    case "ReviewProbation":
      return reviewProbation(state, command)
    case "ApplyForConversion":
      return applyForConversion(state, command)
    case "PostponeConversion":
      return postponeConversion(d, states, command)
    case "VoteOnConversion":
      return voteOnConversion(d, states, command)
    case "ApproveConversion":
      return approveConversion(policy, states, command)
    case "ArchiveRecords":
      return archiveRecords(state, command)
    case "TransferDevelopmentRecord":
      return transferRecord(states, command)
    case "HandOverDevelopmentMaterials":
      return handOverMaterials(state, command)
    default: {
      const _exhaustive: never = command
      return fail(unknownCommand(_exhaustive))
    }
  }
}

/**
 * Decides a development command with the policy in force on its legal date.
 *
 * @category decisions
 * @since 0.3.0
 */
export const decide = (policies: Policies, command: DevelopmentCommand, states: DevelopmentStates): Decision =>
  decideWith(policyAt(toTimeline(policies), command.at), command, states)
