/**
 * The decisions of the appraisal aggregate (R35, R62–R64). An appraisal command is decided over the appraisal
 * stream, the organization's stream (its counts, whether it is active) and, for a grade or a disposal, the
 * member's stream (where the member belongs, whether probationary); the route (`route.ts`) runs them through
 * the kernel's command loop, so the organization and the member take part in the append with their exact
 * expected versions and get no events. A grade, a disposal or its outcome never changes a member's status
 * (R63 HARD): no appraisal decision returns an event for any stream but its own.
 *
 * One function per command, in the order of `AppraisalCommand`; {@link decide} dispatches over every tag (a
 * `never` check closes the switch). Each is judged by the appraisal policy in force on the command's date.
 *
 * @since 0.3.0
 */
import { Result } from "effect"
import type { Decider } from "../kernel/Decider.ts"
import { exhaustive } from "../kernel/tags.ts"
import type { LegalDate } from "../LegalDate.ts"
import { addMonths } from "../LegalDate.ts"
import type { MemberState } from "../member/state.ts"
import { initialState as memberInitial, isActive as memberIsActive } from "../member/state.ts"
import type { Policies } from "../organization/decide.ts"
import { toTimeline } from "../organization/decide.ts"
import { requireActive } from "../organization/roster.ts"
import type { OrganizationState } from "../organization/state.ts"
import { allCount, childIds, initialState as organizationInitial } from "../organization/state.ts"
import type { AppraisalPolicy } from "../policy/AppraisalPolicy.ts"
import { correctionPeriodAt } from "../policy/AppraisalPolicy.ts"
import { moreThanHalf } from "../policy/GovernancePolicy.ts"
import { policyAt } from "../policy/PolicyTimeline.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import { invalid, unknownCommand, violation } from "../rules/RuleViolation.ts"
import type {
  AppraisalCommand,
  CloseAppraisal,
  ConcludeDisposal,
  CorrectAppraisalGrade,
  DecideDisposal,
  ExtendCorrectionPeriod,
  GradeMember,
  OpenAppraisal,
  RecordDiscipline,
  RecordImprovementGuidance
} from "./commands.ts"
import type { AppraisalEvent } from "./events.ts"
import {
  AppraisalClosed,
  AppraisalGradeCorrected,
  AppraisalOpened,
  CorrectionPeriodExtended,
  DisciplineRecorded,
  DisposalConcluded,
  ImprovementGuidanceRecorded,
  MemberGraded,
  OrganizationalDisposalDecided
} from "./events.ts"
import type { Grade } from "./model.ts"
import { outcomesOf } from "./model.ts"
import type { AppraisalState } from "./state.ts"
import { evolve, gradingOf, initialState, isDisciplined, lastDisposalOf, runningDisposalOf } from "./state.ts"
import { appraisalId } from "./stream.ts"

type Decision = Result.Result<ReadonlyArray<AppraisalEvent>, DomainError>

const fail = (error: DomainError): Decision => Result.fail(error)
const ok = (events: ReadonlyArray<AppraisalEvent>): Decision => Result.succeed(events)

/**
 * The states an appraisal decision reads: the appraisal's, the organization's and (for a grade or a disposal)
 * the member's. A missing state reads as one that does not exist.
 *
 * @category models
 * @since 0.3.0
 */
export interface AppraisalStates {
  readonly appraisal: AppraisalState
  readonly org?: OrganizationState | undefined
  readonly member?: MemberState | undefined
}

const yearOf = (date: LegalDate): number => Number(date.slice(0, 4))

const entity = (cmd: { readonly orgId: string; readonly year: number }) => ({
  entity: "appraisal",
  id: appraisalId(cmd.orgId, cmd.year)
})

const requireOpen = (state: AppraisalState, cmd: { readonly orgId: string; readonly year: number }) =>
  state.status === "none"
    ? invalid("domain.notFound", entity(cmd))
    : state.status === "closed"
    ? invalid("domain.closed", { ...entity(cmd), state: "closed" })
    : undefined

const requireExists = (state: AppraisalState, cmd: { readonly orgId: string; readonly year: number }) =>
  state.status === "none" ? invalid("domain.notFound", entity(cmd)) : undefined

const beforeOpened = (state: AppraisalState, cmd: { readonly orgId: string; readonly year: number; at: LegalDate }) =>
  state.openedAt !== undefined && cmd.at < state.openedAt
    ? invalid("appraisal.beforeOpened", {
      appraisalId: appraisalId(cmd.orgId, cmd.year),
      at: cmd.at,
      openedAt: state.openedAt
    })
    : undefined

const requireGraded = (
  state: AppraisalState,
  cmd: { readonly orgId: string; readonly year: number; readonly memberId: string }
) => {
  const grading = gradingOf(state, cmd.memberId)
  return grading === undefined
    ? {
      error: invalid("appraisal.notGraded", { appraisalId: appraisalId(cmd.orgId, cmd.year), memberId: cmd.memberId })
    }
    : { grading }
}

// R62 HARD / R64 HARD: a grade of the configured list; never 优秀 for a probationary member, and none at all
// when the policy does not grade them.
const checkGrade = (
  policy: AppraisalPolicy,
  cmd: { readonly orgId: string; readonly year: number; readonly memberId: string; readonly grade: Grade },
  probationary: boolean
): DomainError | undefined => {
  const id = appraisalId(cmd.orgId, cmd.year)
  // R62 HARD (CONF, C19): the grade is one value of the configured list
  if (!(policy.grades as ReadonlyArray<string>).includes(cmd.grade)) {
    return violation("R62", "appraisal.gradeNotConfigured", { appraisalId: id, grade: cmd.grade })
  }
  // R64 HARD (CONF, C20): probationary members take part without a grade under 'notGraded'
  if (probationary && policy.probationaryAppraisal === "notGraded") {
    return violation("R64", "appraisal.probationaryNotGraded", { appraisalId: id, memberId: cmd.memberId })
  }
  // R64 HARD: a probationary member is never rated 优秀 ("不宜被评选为优秀党员")
  if (probationary && cmd.grade === "excellent") {
    return violation("R64", "appraisal.probationaryExcellent", { appraisalId: id, memberId: cmd.memberId })
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------------------

const open = (states: AppraisalStates, cmd: typeof OpenAppraisal.Type): Decision => {
  const state = states.appraisal
  if (state.status === "open") return ok([])
  if (state.status === "closed") return fail(invalid("domain.closed", { ...entity(cmd), state: "closed" }))
  const org = states.org ?? organizationInitial
  const inactive = requireActive(org, cmd.orgId, cmd.at)
  if (inactive !== undefined) return fail(inactive)
  // R35 REC: one appraisal a year, held in the appraised year or early in the next
  const year = yearOf(cmd.at)
  if (cmd.year !== year && cmd.year !== year - 1) {
    return fail(invalid("appraisal.yearOutOfRange", { appraisalId: appraisalId(cmd.orgId, cmd.year), at: cmd.at }))
  }
  if (allCount(org) === 0) return fail(invalid("appraisal.noMembers", { orgId: cmd.orgId }))
  return ok([
    AppraisalOpened.make({
      orgId: cmd.orgId,
      year: cmd.year,
      ...(cmd.meetingId === undefined ? {} : { meetingId: cmd.meetingId }),
      allMembers: allCount(org),
      fullMembers: org.full,
      at: cmd.at
    })
  ])
}

const grade = (states: AppraisalStates, policy: AppraisalPolicy, cmd: typeof GradeMember.Type): Decision => {
  const state = states.appraisal
  const closed = requireOpen(state, cmd) ?? beforeOpened(state, cmd)
  if (closed !== undefined) return fail(closed)
  const id = appraisalId(cmd.orgId, cmd.year)
  const previous = gradingOf(state, cmd.memberId)
  if (previous !== undefined) {
    // The same result again is nothing to do; a different one is a second result.
    if (previous.grade === cmd.grade) return ok([])
    // R62 HARD: at most one result per member, per organization, per appraisal year (a correction is its own event)
    return fail(violation("R62", "appraisal.alreadyGraded", { appraisalId: id, memberId: cmd.memberId }))
  }
  const member = states.member ?? memberInitial
  if (!memberIsActive(member)) {
    return fail(invalid("member.notActive", { memberId: cmd.memberId, status: member.status }))
  }
  // R62 HARD: the member belongs to the organization on the appraisal date, or is a mobile member it hosts (R45)
  const mobile = member.orgId !== cmd.orgId && member.mobile?.hostOrgId === cmd.orgId
  if (member.orgId !== cmd.orgId && !mobile) {
    return fail(
      violation("R62", "appraisal.notMemberOfOrg", { appraisalId: id, memberId: cmd.memberId, orgId: cmd.orgId })
    )
  }
  const probationary = member.status === "probationary"
  const wrong = checkGrade(policy, cmd, probationary)
  if (wrong !== undefined) return fail(wrong)
  return ok([
    MemberGraded.make({
      orgId: cmd.orgId,
      year: cmd.year,
      memberId: cmd.memberId,
      grade: cmd.grade,
      probationary,
      mobile,
      at: cmd.at
    })
  ])
}

const correct = (
  states: AppraisalStates,
  policy: AppraisalPolicy,
  cmd: typeof CorrectAppraisalGrade.Type
): Decision => {
  const state = states.appraisal
  const missing = requireExists(state, cmd) ?? beforeOpened(state, cmd)
  if (missing !== undefined) return fail(missing)
  const graded = requireGraded(state, cmd)
  if (graded.error !== undefined) return fail(graded.error)
  if (graded.grading.grade === cmd.grade) return ok([])
  // R62 / R64 HARD: the corrected grade obeys the same rules, for the member's standing when graded
  const wrong = checkGrade(policy, cmd, graded.grading.probationary)
  if (wrong !== undefined) return fail(wrong)
  // R63: a running disposal rests on the 不合格 grade; conclude it before the grade changes
  if (runningDisposalOf(state, cmd.memberId) !== undefined) {
    return fail(
      invalid("appraisal.disposalRunning", { appraisalId: appraisalId(cmd.orgId, cmd.year), memberId: cmd.memberId })
    )
  }
  return ok([
    AppraisalGradeCorrected.make({
      orgId: cmd.orgId,
      year: cmd.year,
      memberId: cmd.memberId,
      grade: cmd.grade,
      reason: cmd.reason,
      at: cmd.at
    })
  ])
}

const close = (states: AppraisalStates, cmd: typeof CloseAppraisal.Type): Decision => {
  const state = states.appraisal
  if (state.status === "closed") return ok([])
  const error = requireOpen(state, cmd) ?? beforeOpened(state, cmd)
  if (error !== undefined) return fail(error)
  const org = states.org ?? organizationInitial
  return ok([
    AppraisalClosed.make({
      orgId: cmd.orgId,
      year: cmd.year,
      // A dissolved organization keeps the counts it had when the appraisal opened.
      allMembers: org.status === "active" ? allCount(org) : state.allMembers,
      fullMembers: org.status === "active" ? org.full : state.fullMembers,
      at: cmd.at
    })
  ])
}

const guide = (states: AppraisalStates, cmd: typeof RecordImprovementGuidance.Type): Decision => {
  const state = states.appraisal
  const missing = requireExists(state, cmd) ?? beforeOpened(state, cmd)
  if (missing !== undefined) return fail(missing)
  const graded = requireGraded(state, cmd)
  if (graded.error !== undefined) return fail(graded.error)
  // R63: "指出差距,帮助改进提高" follows a 基本合格 grade
  if (graded.grading.grade !== "basicallyQualified") {
    return fail(
      invalid("appraisal.notBasicallyQualified", {
        appraisalId: appraisalId(cmd.orgId, cmd.year),
        memberId: cmd.memberId,
        grade: graded.grading.grade
      })
    )
  }
  if (Object.hasOwn(state.guidance, cmd.memberId)) return ok([])
  return ok([
    ImprovementGuidanceRecorded.make({ orgId: cmd.orgId, year: cmd.year, memberId: cmd.memberId, at: cmd.at })
  ])
}

const discipline = (states: AppraisalStates, cmd: typeof RecordDiscipline.Type): Decision => {
  const state = states.appraisal
  const missing = requireExists(state, cmd) ?? beforeOpened(state, cmd)
  if (missing !== undefined) return fail(missing)
  const graded = requireGraded(state, cmd)
  if (graded.error !== undefined) return fail(graded.error)
  if (isDisciplined(state, cmd.memberId, cmd.matterId)) return ok([])
  return ok([
    DisciplineRecorded.make({
      orgId: cmd.orgId,
      year: cmd.year,
      memberId: cmd.memberId,
      matterId: cmd.matterId,
      at: cmd.at
    })
  ])
}

const decideDisposal = (
  states: AppraisalStates,
  policy: AppraisalPolicy,
  cmd: typeof DecideDisposal.Type
): Decision => {
  const state = states.appraisal
  const missing = requireExists(state, cmd) ?? beforeOpened(state, cmd)
  if (missing !== undefined) return fail(missing)
  const id = appraisalId(cmd.orgId, cmd.year)
  const { memberId, vote } = cmd
  const graded = requireGraded(state, cmd)
  if (graded.error !== undefined) return fail(graded.error)
  // R63 HARD: an organizational disposal follows a 不合格 grade ("按照规定办法和程序作出组织处置")
  if (graded.grading.grade !== "unqualified") {
    return fail(
      violation("R63", "appraisal.disposalNeedsUnqualified", { appraisalId: id, memberId, grade: graded.grading.grade })
    )
  }
  const member = states.member ?? memberInitial
  if (!memberIsActive(member)) return fail(invalid("member.notActive", { memberId, status: member.status }))
  // R64 HARD: never for a probationary member, who is routed to R37 (extend or cancel the probation)
  if (member.status === "probationary") {
    return fail(violation("R64", "appraisal.disposalOfProbationary", { appraisalId: id, memberId }))
  }
  // R63 HARD (CZ Art. 4): no organizational disposal for a matter already dealt with by discipline
  if (isDisciplined(state, memberId, cmd.matterId)) {
    return fail(
      violation("R63", "appraisal.disposalAfterDiscipline", { appraisalId: id, memberId, matterId: cmd.matterId })
    )
  }
  const last = lastDisposalOf(state, memberId)
  if (last !== undefined && last.outcome === undefined) {
    return fail(invalid("appraisal.disposalRunning", { appraisalId: id, memberId }))
  }
  if (last?.outcome === "withdrew" || last?.outcome === "removed") {
    return fail(invalid("appraisal.disposalFinal", { appraisalId: id, memberId, outcome: last.outcome }))
  }
  if (vote.present > vote.entitled) {
    return fail(
      invalid("organization.presentExceedsEntitled", {
        orgId: cmd.orgId,
        entitled: vote.entitled,
        present: vote.present
      })
    )
  }
  if (vote.yes > vote.present) {
    return fail(invalid("member.votesExceedPresent", { orgId: cmd.orgId, yes: vote.yes, present: vote.present }))
  }
  const approvalAt = cmd.approval?.at
  if (
    vote.at < graded.grading.changedAt || vote.at > cmd.at
    || (approvalAt !== undefined && (approvalAt < vote.at || approvalAt > cmd.at))
  ) {
    return fail(
      invalid("appraisal.datesOutOfOrder", {
        appraisalId: id,
        gradedAt: graded.grading.changedAt,
        voteAt: vote.at,
        approvalAt,
        at: cmd.at
      })
    )
  }
  const org = states.org ?? organizationInitial
  // R20 HARD: only full members vote, so those entitled cannot exceed FM (when the roster is all of them)
  if (org.status !== "none" && childIds(org).length === 0 && vote.entitled > org.full) {
    return fail(
      violation("R20", "organization.entitledExceedsFull", {
        orgId: cmd.orgId,
        entitled: vote.entitled,
        excluded: 0,
        full: org.full
      })
    )
  }
  const required = moreThanHalf(vote.entitled)
  // R25 HARD: more than half of those with a vote attend the general meeting
  if (vote.entitled === 0 || vote.present < required) {
    return fail(
      violation("R25", "organization.meetingQuorumNotMet", {
        orgId: cmd.orgId,
        entitled: vote.entitled,
        present: vote.present,
        required
      })
    )
  }
  // R63 HARD: the disposal is decided by the general meeting (DZ Art. 9; local practice: R25's majority of 应到会)
  if (vote.yes < required) {
    return fail(
      violation("R63", "appraisal.disposalNotPassed", {
        appraisalId: id,
        memberId,
        entitled: vote.entitled,
        yes: vote.yes,
        required
      })
    )
  }
  // R63 HARD: 劝其退党 and 除名 need the higher organization's approval; so does 限期改正 while the policy says so
  const needsApproval = cmd.form !== "correctWithinPeriod" || policy.correctionNeedsApproval
  if (needsApproval && cmd.approval === undefined) {
    return fail(violation("R63", "appraisal.disposalNeedsApproval", { appraisalId: id, memberId, form: cmd.form }))
  }
  if (cmd.form !== "correctWithinPeriod") {
    if (cmd.correctionMonths !== undefined) {
      return fail(invalid("appraisal.monthsOnlyForCorrection", { appraisalId: id, memberId, form: cmd.form }))
    }
    return ok([
      OrganizationalDisposalDecided.make({
        orgId: cmd.orgId,
        year: cmd.year,
        memberId,
        matterId: cmd.matterId,
        form: cmd.form,
        vote,
        ...(cmd.approval === undefined ? {} : { approval: cmd.approval }),
        at: cmd.at
      })
    ])
  }
  const period = correctionPeriodAt(policy, cmd.at)
  const months = cmd.correctionMonths ?? period.defaultMonths
  // R63 HARD (CONF, C18): "限期改正时间一般为6个月,最长不超过1年"
  if (months > period.maxMonths) {
    return fail(
      violation("R63", "appraisal.correctionTooLong", { appraisalId: id, memberId, months, max: period.maxMonths })
    )
  }
  return ok([
    OrganizationalDisposalDecided.make({
      orgId: cmd.orgId,
      year: cmd.year,
      memberId,
      matterId: cmd.matterId,
      form: cmd.form,
      vote,
      ...(cmd.approval === undefined ? {} : { approval: cmd.approval }),
      months,
      reviewDueOn: addMonths(cmd.at, months),
      at: cmd.at
    })
  ])
}

const extend = (
  states: AppraisalStates,
  policy: AppraisalPolicy,
  cmd: typeof ExtendCorrectionPeriod.Type
): Decision => {
  const state = states.appraisal
  const missing = requireExists(state, cmd)
  if (missing !== undefined) return fail(missing)
  const id = appraisalId(cmd.orgId, cmd.year)
  const running = runningDisposalOf(state, cmd.memberId)
  if (running === undefined || running.form !== "correctWithinPeriod" || running.reviewDueOn === undefined) {
    return fail(invalid("appraisal.noRunningCorrection", { appraisalId: id, memberId: cmd.memberId }))
  }
  if (cmd.until === running.reviewDueOn) return ok([])
  if (cmd.until < running.reviewDueOn || cmd.at < running.decidedAt) {
    return fail(
      invalid("appraisal.extensionNotLater", {
        appraisalId: id,
        memberId: cmd.memberId,
        until: cmd.until,
        reviewDueOn: running.reviewDueOn
      })
    )
  }
  // R63 HARD (CONF, C18): the whole period, extensions included, stays within the maximum from the decision
  const max = correctionPeriodAt(policy, running.decidedAt).maxMonths
  const latest = addMonths(running.decidedAt, max)
  if (cmd.until > latest) {
    return fail(
      violation("R63", "appraisal.correctionTooLong", {
        appraisalId: id,
        memberId: cmd.memberId,
        until: cmd.until,
        latest,
        max
      })
    )
  }
  return ok([
    CorrectionPeriodExtended.make({
      orgId: cmd.orgId,
      year: cmd.year,
      memberId: cmd.memberId,
      until: cmd.until,
      at: cmd.at
    })
  ])
}

const conclude = (states: AppraisalStates, cmd: typeof ConcludeDisposal.Type): Decision => {
  const state = states.appraisal
  const missing = requireExists(state, cmd)
  if (missing !== undefined) return fail(missing)
  const id = appraisalId(cmd.orgId, cmd.year)
  const last = lastDisposalOf(state, cmd.memberId)
  if (last?.outcome !== undefined && last.outcome === cmd.outcome) return ok([])
  if (last === undefined || last.outcome !== undefined) {
    return fail(invalid("appraisal.noRunningDisposal", { appraisalId: id, memberId: cmd.memberId }))
  }
  if (!outcomesOf[last.form].includes(cmd.outcome)) {
    return fail(
      invalid("appraisal.outcomeNotForForm", {
        appraisalId: id,
        memberId: cmd.memberId,
        form: last.form,
        outcome: cmd.outcome
      })
    )
  }
  if (cmd.at < last.decidedAt) {
    return fail(invalid("appraisal.datesOutOfOrder", { appraisalId: id, voteAt: last.decidedAt, at: cmd.at }))
  }
  return ok([
    DisposalConcluded.make({
      orgId: cmd.orgId,
      year: cmd.year,
      memberId: cmd.memberId,
      outcome: cmd.outcome,
      at: cmd.at
    })
  ])
}

/**
 * Decides an appraisal command given the appraisal's state and the states it reads (the organization's, and
 * the member's for a grade or a disposal; a missing one reads as one that does not exist), under the policy
 * in force on the command's date. Pure.
 *
 * @category decisions
 * @since 0.3.0
 */
export const decide = (policies: Policies, command: AppraisalCommand, states: AppraisalStates): Decision => {
  const policy = policyAt(toTimeline(policies), command.at).appraisal
  switch (command._tag) {
    case "OpenAppraisal":
      return open(states, command)
    case "GradeMember":
      return grade(states, policy, command)
    case "CorrectAppraisalGrade":
      return correct(states, policy, command)
    case "CloseAppraisal":
      return close(states, command)
    case "RecordImprovementGuidance":
      return guide(states, command)
    case "RecordDiscipline":
      return discipline(states, command)
    case "DecideDisposal":
      return decideDisposal(states, policy, command)
    case "ExtendCorrectionPeriod":
      return extend(states, policy, command)
    case "ConcludeDisposal":
      return conclude(states, command)
    default: {
      const _exhaustive: never = command
      return fail(unknownCommand(_exhaustive))
    }
  }
}

/**
 * The member an appraisal command reads (a grade and a disposal), or undefined.
 *
 * @category decisions
 * @since 0.3.0
 */
export const requiredMember = (command: AppraisalCommand): string | undefined => {
  switch (command._tag) {
    case "GradeMember":
    case "DecideDisposal":
      return command.memberId
    case "OpenAppraisal":
    case "CorrectAppraisalGrade":
    case "CloseAppraisal":
    case "RecordImprovementGuidance":
    case "RecordDiscipline":
    case "ExtendCorrectionPeriod":
    case "ConcludeDisposal":
      return undefined
    default:
      return exhaustive(command, undefined)
  }
}

/**
 * The single-stream decider of the appraisal stream (it sees no organization and no member: run appraisal
 * commands through {@link route} or `Dangjian.execute` to read them).
 *
 * @category deciders
 * @since 0.3.0
 */
export const decider = (
  policies: Policies
): Decider<AppraisalCommand, AppraisalEvent, AppraisalState, DomainError> => ({
  initialState,
  evolve,
  decide: (command, state) => decide(policies, command, { appraisal: state })
})
