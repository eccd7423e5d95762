/**
 * The state of one appraisal stream, its total `evolve`, and the pure queries over it.
 *
 * @since 0.3.0
 */
import type { Fold } from "../kernel/Decider.ts"
import { lookup } from "../kernel/records.ts"
import type { LegalDate } from "../LegalDate.ts"
import type { AppraisalEvent } from "./events.ts"
import type { DisposalForm, DisposalOutcome, Grade } from "./model.ts"

/**
 * A member's grade in the appraisal: the grade now (after any correction), whether the member was
 * probationary and appraised as a mobile member when graded, when graded, and when the grade last changed.
 *
 * @category models
 * @since 0.3.0
 */
export interface Grading {
  readonly grade: Grade
  readonly probationary: boolean
  readonly mobile: boolean
  readonly gradedAt: LegalDate
  readonly changedAt: LegalDate
}

/**
 * An organizational disposal of a member (R63): what was decided, when, by which meeting, its review date
 * (a 限期改正) and its outcome once concluded.
 *
 * @category models
 * @since 0.3.0
 */
export interface Disposal {
  readonly matterId: string
  readonly form: DisposalForm
  readonly meetingId: string
  readonly decidedAt: LegalDate
  readonly approved: boolean
  readonly months: number | undefined
  readonly reviewDueOn: LegalDate | undefined
  readonly outcome: DisposalOutcome | undefined
  readonly concludedAt: LegalDate | undefined
}

/**
 * @category models
 * @since 0.3.0
 */
export interface AppraisalState {
  readonly status: "none" | "open" | "closed"
  readonly orgId: string
  readonly year: number
  readonly meetingId: string | undefined
  readonly openedAt: LegalDate | undefined
  readonly closedAt: LegalDate | undefined
  /** AM on the day the appraisal opened, then on the day it closed (the basis of the 优秀 cap, R62). */
  readonly allMembers: number
  /** FM on the same days. */
  readonly fullMembers: number
  readonly grades: Readonly<Record<string, Grading>>
  /** Members graded 基本合格 who were shown the gaps, with the date (R63). */
  readonly guidance: Readonly<Record<string, LegalDate>>
  /** Matters dealt with by discipline, by member (CZ Art. 4). */
  readonly disciplines: Readonly<Record<string, ReadonlyArray<string>>>
  /** Disposals by member, oldest first (the last one is the current one). */
  readonly disposals: Readonly<Record<string, ReadonlyArray<Disposal>>>
}

/**
 * The state before the first event.
 *
 * @category models
 * @since 0.3.0
 */
export const initialState: AppraisalState = {
  status: "none",
  orgId: "",
  year: 0,
  meetingId: undefined,
  openedAt: undefined,
  closedAt: undefined,
  allMembers: 0,
  fullMembers: 0,
  grades: {},
  guidance: {},
  disciplines: {},
  disposals: {}
}

const withLastDisposal = (
  state: AppraisalState,
  memberId: string,
  update: (disposal: Disposal) => Disposal
): AppraisalState => {
  const list = lookup(state.disposals, memberId) ?? []
  const last = list.at(-1)
  if (last === undefined) return state
  // A spread with a computed key defines an own entry, even for a member id such as `__proto__`.
  return { ...state, disposals: { ...state.disposals, [memberId]: [...list.slice(0, -1), update(last)] } }
}

/**
 * Applies one event. Total and pure; never throws on a stored event.
 *
 * @category folding
 * @since 0.3.0
 */
export const evolve = (state: AppraisalState, event: AppraisalEvent): AppraisalState => {
  switch (event._tag) {
    case "AppraisalOpened":
      return {
        ...initialState,
        status: "open",
        orgId: event.orgId,
        year: event.year,
        meetingId: event.meetingId,
        openedAt: event.at,
        allMembers: event.allMembers,
        fullMembers: event.fullMembers
      }
    case "MemberGraded":
      return {
        ...state,
        grades: {
          ...state.grades,
          [event.memberId]: {
            grade: event.grade,
            probationary: event.probationary,
            mobile: event.mobile,
            gradedAt: event.at,
            changedAt: event.at
          }
        }
      }
    case "AppraisalGradeCorrected": {
      const grading = lookup(state.grades, event.memberId)
      if (grading === undefined) return state
      return {
        ...state,
        grades: { ...state.grades, [event.memberId]: { ...grading, grade: event.grade, changedAt: event.at } }
      }
    }
    case "AppraisalClosed":
      return {
        ...state,
        status: "closed",
        closedAt: event.at,
        allMembers: event.allMembers,
        fullMembers: event.fullMembers
      }
    case "ImprovementGuidanceRecorded":
      return { ...state, guidance: { ...state.guidance, [event.memberId]: event.at } }
    case "DisciplineRecorded": {
      const matters = lookup(state.disciplines, event.memberId) ?? []
      return matters.includes(event.matterId)
        ? state
        : { ...state, disciplines: { ...state.disciplines, [event.memberId]: [...matters, event.matterId] } }
    }
    case "OrganizationalDisposalDecided": {
      const list = lookup(state.disposals, event.memberId) ?? []
      const disposal: Disposal = {
        matterId: event.matterId,
        form: event.form,
        meetingId: event.vote.meetingId,
        decidedAt: event.at,
        approved: event.approval !== undefined,
        months: event.months,
        reviewDueOn: event.reviewDueOn,
        outcome: undefined,
        concludedAt: undefined
      }
      return { ...state, disposals: { ...state.disposals, [event.memberId]: [...list, disposal] } }
    }
    case "CorrectionPeriodExtended":
      return withLastDisposal(state, event.memberId, (d) => ({ ...d, reviewDueOn: event.until }))
    case "DisposalConcluded":
      return withLastDisposal(state, event.memberId, (d) => ({ ...d, outcome: event.outcome, concludedAt: event.at }))
    default:
      return state
  }
}

/**
 * The fold of the appraisal stream.
 *
 * @category folding
 * @since 0.3.0
 */
export const fold: Fold<AppraisalEvent, AppraisalState> = { initialState, evolve }

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

/**
 * A member's grading, or undefined when not graded.
 *
 * @category queries
 * @since 0.3.0
 */
export const gradingOf = (state: AppraisalState, memberId: string): Grading | undefined =>
  lookup(state.grades, memberId)

/**
 * How many members hold each grade now.
 *
 * @category queries
 * @since 0.3.0
 */
export const gradeCounts = (state: AppraisalState): Readonly<Record<Grade, number>> => {
  const counts = { excellent: 0, qualified: 0, basicallyQualified: 0, unqualified: 0 }
  for (const grading of Object.values(state.grades)) counts[grading.grade]++
  return counts
}

/**
 * The number of graded members.
 *
 * @category queries
 * @since 0.3.0
 */
export const gradedCount = (state: AppraisalState): number => Object.keys(state.grades).length

/**
 * A member's latest disposal, concluded or not, or undefined.
 *
 * @category queries
 * @since 0.3.0
 */
export const lastDisposalOf = (state: AppraisalState, memberId: string): Disposal | undefined =>
  lookup(state.disposals, memberId)?.at(-1)

/**
 * A member's running disposal (decided, not concluded), or undefined.
 *
 * @category queries
 * @since 0.3.0
 */
export const runningDisposalOf = (state: AppraisalState, memberId: string): Disposal | undefined => {
  const last = lastDisposalOf(state, memberId)
  return last !== undefined && last.outcome === undefined ? last : undefined
}

/**
 * Whether a member's matter was dealt with by discipline (CZ Art. 4).
 *
 * @category queries
 * @since 0.3.0
 */
export const isDisciplined = (state: AppraisalState, memberId: string, matterId?: string): boolean => {
  const matters = lookup(state.disciplines, memberId) ?? []
  return matterId === undefined ? matters.length > 0 : matters.includes(matterId)
}
