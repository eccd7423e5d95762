/**
 * The state of one development stream, its total `evolve`, and the pure queries over it: the stage of the
 * record (R77), the start of the R81 clock after moves (R90), the approval clock (R87).
 *
 * @since 0.3.0
 */
import type { Fold } from "../kernel/Decider.ts"
import type { LegalDate } from "../LegalDate.ts"
import type { DevelopmentEvent } from "./events.ts"
import type { ConversionOutcome, DecidingBody, InterviewerRole, ReviewResult, Stage, Tally } from "./model.ts"

/**
 * A general meeting's vote on the candidate (R85), as recorded.
 *
 * @category models
 * @since 0.3.0
 */
export interface RecordedVote {
  readonly meetingId: string
  readonly tally: Tally
  readonly passed: boolean
  readonly at: LegalDate
}

/**
 * A move of the record to another organization (R90), and when its materials were handed over.
 *
 * @category models
 * @since 0.3.0
 */
export interface Move {
  readonly fromOrgId: string
  readonly toOrgId: string
  readonly materialsTransferred: boolean
  readonly handedOverAt: LegalDate | undefined
  readonly at: LegalDate
}

/**
 * The state of one development record.
 *
 * - `status`: `none` before the application; `open` through stages 1–4 until the approval; `admitted` while
 *   probationary; `full` after conversion; `rejected` when the approval was refused; `cancelled` when the
 *   probation was.
 * - Each step's date (or record) once it happened; a later application after a rejection starts afresh.
 *
 * @category models
 * @since 0.3.0
 */
export interface DevelopmentState {
  readonly status: "none" | "open" | "admitted" | "full" | "rejected" | "cancelled"
  readonly applicantId: string
  /** The organization that holds the record (the branch; after a move, the new one, R90). */
  readonly orgId: string
  readonly receivedAt: LegalDate | undefined
  readonly interviewedAt: LegalDate | undefined
  readonly activistSince: LegalDate | undefined
  readonly activistDecidedBy: DecidingBody | undefined
  readonly activistFiledAt: LegalDate | undefined
  readonly contactPersonIds: ReadonlyArray<string>
  readonly contactsAssignedAt: LegalDate | undefined
  readonly lastActivistReviewAt: LegalDate | undefined
  readonly developmentObjectAt: LegalDate | undefined
  readonly developmentObjectFiledAt: LegalDate | undefined
  readonly introducerIds: ReadonlyArray<string>
  readonly introducersAssignedAt: LegalDate | undefined
  readonly politicalReview: { readonly result: ReviewResult; readonly at: LegalDate } | undefined
  readonly training:
    | {
      readonly days: number
      readonly hours: number
      readonly waiverReason: string | undefined
      readonly at: LegalDate
    }
    | undefined
  readonly branchReviewedAt: LegalDate | undefined
  readonly expectedDepartureOn: LegalDate | undefined
  readonly preReview: { readonly approverOrgId: string; readonly at: LegalDate } | undefined
  readonly formIssuedAt: LegalDate | undefined
  readonly formCompletedAt: LegalDate | undefined
  /** The latest admission vote. */
  readonly vote: RecordedVote | undefined
  /** The branch's report of the latest vote (R87). */
  readonly reported: { readonly approverOrgId: string; readonly at: LegalDate } | undefined
  /** Intermediate organizations that reviewed the latest vote (R87). */
  readonly reviewedBy: ReadonlyArray<string>
  /** The higher committee's talk after the latest vote (R86). */
  readonly interview: { readonly role: InterviewerRole; readonly at: LegalDate } | undefined
  readonly approval:
    | {
      readonly approverOrgId: string
      readonly meetingId: string
      readonly voteAt: LegalDate
      readonly dueBy: LegalDate
      readonly intermediateOrgIds: ReadonlyArray<string>
      readonly delayReason: string | undefined
      readonly at: LegalDate
    }
    | undefined
  readonly rejectedAt: LegalDate | undefined
  readonly admissionFiledAt: LegalDate | undefined
  readonly placedAt: LegalDate | undefined
  readonly oathAt: LegalDate | undefined
  /** R37: the end of the probation (from the vote; moved by an extension). */
  readonly probationEndsAt: LegalDate | undefined
  readonly extended: boolean
  readonly lastProbationReviewAt: LegalDate | undefined
  readonly conversionAppliedAt: LegalDate | undefined
  readonly postponedUntil: LegalDate | undefined
  /** The latest conversion vote not yet approved (R89). */
  readonly conversionVote:
    | (RecordedVote & { readonly outcome: ConversionOutcome; readonly extendMonths: number | undefined })
    | undefined
  /** The latest approved conversion outcome (R89). */
  readonly conversion:
    | {
      readonly outcome: ConversionOutcome
      readonly approverOrgId: string
      readonly voteAt: LegalDate
      readonly effectiveOn: LegalDate | undefined
      readonly at: LegalDate
    }
    | undefined
  readonly archivedAt: LegalDate | undefined
  readonly moves: ReadonlyArray<Move>
}

/**
 * The state before the first event.
 *
 * @category models
 * @since 0.3.0
 */
export const initialState: DevelopmentState = {
  status: "none",
  applicantId: "",
  orgId: "",
  receivedAt: undefined,
  interviewedAt: undefined,
  activistSince: undefined,
  activistDecidedBy: undefined,
  activistFiledAt: undefined,
  contactPersonIds: [],
  contactsAssignedAt: undefined,
  lastActivistReviewAt: undefined,
  developmentObjectAt: undefined,
  developmentObjectFiledAt: undefined,
  introducerIds: [],
  introducersAssignedAt: undefined,
  politicalReview: undefined,
  training: undefined,
  branchReviewedAt: undefined,
  expectedDepartureOn: undefined,
  preReview: undefined,
  formIssuedAt: undefined,
  formCompletedAt: undefined,
  vote: undefined,
  reported: undefined,
  reviewedBy: [],
  interview: undefined,
  approval: undefined,
  rejectedAt: undefined,
  admissionFiledAt: undefined,
  placedAt: undefined,
  oathAt: undefined,
  probationEndsAt: undefined,
  extended: false,
  lastProbationReviewAt: undefined,
  conversionAppliedAt: undefined,
  postponedUntil: undefined,
  conversionVote: undefined,
  conversion: undefined,
  archivedAt: undefined,
  moves: []
}

/**
 * Applies one event. Total and pure; never throws on a stored event.
 *
 * @category folding
 * @since 0.3.0
 */
export const evolve = (state: DevelopmentState, event: DevelopmentEvent): DevelopmentState => {
  switch (event._tag) {
    case "ApplicationSubmitted":
      // A new application (the first one, or one after a rejection) starts the record afresh.
      return {
        ...initialState,
        status: "open",
        applicantId: event.applicantId,
        orgId: event.orgId,
        receivedAt: event.at
      }
    case "ApplicantInterviewed":
      return { ...state, interviewedAt: state.interviewedAt ?? event.at }
    case "ActivistDesignated":
      return { ...state, activistSince: event.at, activistDecidedBy: event.decidedBy }
    case "ActivistFiled":
      return { ...state, activistFiledAt: event.at }
    case "ContactPersonsAssigned":
      return { ...state, contactPersonIds: event.contactPersonIds, contactsAssignedAt: event.at }
    case "ActivistReviewed":
      return { ...state, lastActivistReviewAt: event.at }
    case "DevelopmentObjectDesignated":
      return { ...state, developmentObjectAt: event.at }
    case "DevelopmentObjectFiled":
      return { ...state, developmentObjectFiledAt: event.at }
    case "IntroducersAssigned":
      return { ...state, introducerIds: event.introducerIds, introducersAssignedAt: event.at }
    case "PoliticalReviewConcluded":
      return { ...state, politicalReview: { result: event.result, at: event.at } }
    case "TrainingCompleted":
      return {
        ...state,
        training: { days: event.days, hours: event.hours, waiverReason: event.waiverReason, at: event.at }
      }
    case "BranchCommitteeReviewed":
      return { ...state, branchReviewedAt: event.at, expectedDepartureOn: event.expectedDepartureOn }
    case "PreReviewPassed":
      return { ...state, preReview: { approverOrgId: event.approverOrgId, at: event.at } }
    case "ApplicationFormIssued":
      return { ...state, formIssuedAt: event.at }
    case "ApplicationFormCompleted":
      return { ...state, formCompletedAt: event.at }
    case "AdmissionVoted":
      // A vote (a first one, or a new one after a failed vote or a lapsed approval window) starts the report,
      // the reviews and the higher committee's talk afresh: they belong to the vote they follow.
      return {
        ...state,
        vote: { meetingId: event.meetingId, tally: event.tally, passed: event.passed, at: event.at },
        reported: undefined,
        reviewedBy: [],
        interview: undefined
      }
    case "ResolutionReported":
      return { ...state, reported: { approverOrgId: event.approverOrgId, at: event.at } }
    case "AdmissionReviewed":
      return state.reviewedBy.includes(event.reviewerOrgId)
        ? state
        : { ...state, reviewedBy: [...state.reviewedBy, event.reviewerOrgId] }
    case "ApprovalInterviewHeld":
      return { ...state, interview: { role: event.interviewerRole, at: event.at } }
    case "AdmissionApproved":
      return {
        ...state,
        status: "admitted",
        approval: {
          approverOrgId: event.approverOrgId,
          meetingId: event.meetingId,
          voteAt: event.voteAt,
          dueBy: event.dueBy,
          intermediateOrgIds: event.intermediateOrgIds,
          delayReason: event.delayReason,
          at: event.at
        },
        probationEndsAt: event.probationEndsAt
      }
    case "AdmissionRejected":
      return { ...state, status: "rejected", rejectedAt: event.at }
    case "AdmissionFiled":
      return { ...state, admissionFiledAt: event.at }
    case "AssignedToBranchAndGroup":
      return { ...state, placedAt: event.at }
    case "OathTaken":
      return { ...state, oathAt: event.at }
    case "ProbationReviewed":
      return { ...state, lastProbationReviewAt: event.at }
    case "ConversionApplied":
      return { ...state, conversionAppliedAt: event.at }
    case "ConversionPostponed":
      return { ...state, postponedUntil: event.until }
    case "ConversionVoted":
      return {
        ...state,
        conversionVote: {
          meetingId: event.meetingId,
          tally: event.tally,
          passed: event.passed,
          outcome: event.outcome,
          extendMonths: event.extendMonths,
          at: event.at
        }
      }
    case "ConversionApproved": {
      const conversion = {
        outcome: event.outcome,
        approverOrgId: event.approverOrgId,
        voteAt: state.conversionVote?.at ?? event.at,
        effectiveOn: event.effectiveOn,
        at: event.at
      }
      const base = { ...state, conversion, conversionVote: undefined, postponedUntil: undefined }
      switch (event.outcome) {
        case "convert":
          return { ...base, status: "full" }
        case "extend":
          return { ...base, probationEndsAt: event.probationEndsAt, extended: true }
        case "cancel":
          return { ...base, status: "cancelled" }
        default:
          return base
      }
    }
    case "RecordsArchived":
      return { ...state, archivedAt: event.at }
    case "DevelopmentRecordTransferred":
      return {
        ...state,
        orgId: event.toOrgId,
        moves: [...state.moves, {
          fromOrgId: event.fromOrgId,
          toOrgId: event.toOrgId,
          materialsTransferred: event.materialsTransferred,
          handedOverAt: undefined,
          at: event.at
        }]
      }
    case "DevelopmentMaterialsHandedOver":
      return {
        ...state,
        moves: state.moves.map((move, i) =>
          i === state.moves.length - 1 && move.toOrgId === event.toOrgId ? { ...move, handedOverAt: event.at } : move
        )
      }
    default:
      return state
  }
}

/**
 * The fold of the development stream.
 *
 * @category folding
 * @since 0.3.0
 */
export const fold: Fold<DevelopmentEvent, DevelopmentState> = { initialState, evolve }

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

/**
 * The stage of a record (R77), or undefined before the application.
 *
 * @category queries
 * @since 0.3.0
 */
export const stageOf = (state: DevelopmentState): Stage | undefined => {
  switch (state.status) {
    case "none":
      return undefined
    case "open":
      return state.developmentObjectAt !== undefined
        ? "developmentObject"
        : state.activistSince !== undefined
        ? "activist"
        : "applicant"
    case "admitted":
      return "probationary"
    case "full":
    case "rejected":
    case "cancelled":
      return state.status
    default:
      return undefined
  }
}

/**
 * The moves of the record since it became an activist (R90).
 *
 * @category queries
 * @since 0.3.0
 */
export const movesSinceActivist = (state: DevelopmentState): ReadonlyArray<Move> =>
  state.activistSince === undefined ? [] : state.moves.filter((move) => move.at >= state.activistSince!)

/**
 * A move whose training materials have not been handed over (R90).
 *
 * @category queries
 * @since 0.3.0
 */
export const materialsPending = (state: DevelopmentState): Move | undefined =>
  state.moves.find((move) => !move.materialsTransferred && move.handedOverAt === undefined)

/**
 * Whether the latest admission vote passed and awaits the approving committee's decision.
 *
 * @category queries
 * @since 0.3.0
 */
export const awaitingApproval = (state: DevelopmentState): boolean =>
  state.status === "open" && state.vote?.passed === true
