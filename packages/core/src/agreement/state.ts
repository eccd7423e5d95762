/**
 * The state of one agreement stream, its total `evolve`, and the pure queries over it: the report periods of
 * the current round (R50) and the agreement's standing as of a date.
 *
 * @since 0.1.0
 */
import type { Fold } from "../kernel/Decider.ts"
import type { LegalDate } from "../LegalDate.ts"
import { addDays, addMonths, min } from "../LegalDate.ts"
import type { AgreementEvent } from "./events.ts"
import type { Area, Form, Party, Rating, Signatory, Term, TerminationReason } from "./model.ts"
import { endOf } from "./model.ts"

/**
 * A recorded activity.
 *
 * @category models
 * @since 0.1.0
 */
export interface Activity {
  readonly area: Area
  readonly partyIds: ReadonlyArray<string>
  readonly participants: number
  readonly round: number
  readonly at: LegalDate
}

/**
 * - `none`: nothing recorded; `proposed`: a draft; `signed`: in a round (it may be past its end date until
 *   the expiry is recorded, see {@link standingAt});
 * - `terminated`, `expired`: closed (an expired agreement may still be renewed).
 *
 * @category models
 * @since 0.1.0
 */
export type Status = "none" | "proposed" | "signed" | "terminated" | "expired"

/**
 * @category models
 * @since 0.1.0
 */
export interface AgreementState {
  readonly status: Status
  readonly agreementId: string
  readonly parties: ReadonlyArray<Party>
  readonly form: Form
  readonly areas: ReadonlyArray<Area>
  readonly term: Term | undefined
  readonly signatories: ReadonlyArray<Signatory>
  readonly jointOrganizationId: string | undefined
  /** 0 before signing, then 1, 2, … with each renewal. */
  readonly round: number
  readonly proposedAt: LegalDate | undefined
  /** The first signing date. */
  readonly signedAt: LegalDate | undefined
  /** The signing date of the current round. */
  readonly roundSignedAt: LegalDate | undefined
  /** The date of the last lifecycle event (proposal, signing, renewal, termination, expiry). */
  readonly lastAt: LegalDate | undefined
  readonly activities: Readonly<Record<string, Activity>>
  /** The latest activity of the current round. */
  readonly lastActivityAt: LegalDate | undefined
  /** Periods of the current round reported so far (they are reported in order). */
  readonly reportedPeriods: number
  readonly reports: Readonly<Record<string, { readonly round: number; readonly period: number }>>
  readonly evaluations: Readonly<
    Record<string, { readonly round: number; readonly rating: Rating; readonly at: LegalDate }>
  >
  readonly terminatedAt: LegalDate | undefined
  readonly terminationReason: TerminationReason | undefined
  readonly expiredAt: LegalDate | undefined
}

/**
 * The state before the first event.
 *
 * @category models
 * @since 0.1.0
 */
export const initialState: AgreementState = {
  status: "none",
  agreementId: "",
  parties: [],
  form: "gridPairing",
  areas: [],
  term: undefined,
  signatories: [],
  jointOrganizationId: undefined,
  round: 0,
  proposedAt: undefined,
  signedAt: undefined,
  roundSignedAt: undefined,
  lastAt: undefined,
  activities: {},
  lastActivityAt: undefined,
  reportedPeriods: 0,
  reports: {},
  evaluations: {},
  terminatedAt: undefined,
  terminationReason: undefined,
  expiredAt: undefined
}

/**
 * Applies one event. Total and pure: an event that does not fit the state (it never should) leaves the
 * state unchanged, and never throws.
 *
 * @category folding
 * @since 0.1.0
 */
export const evolve = (state: AgreementState, event: AgreementEvent): AgreementState => {
  switch (event._tag) {
    case "AgreementProposed":
      return {
        ...state,
        status: "proposed",
        agreementId: event.agreementId,
        parties: event.parties,
        form: event.form,
        areas: event.areas,
        term: event.term,
        proposedAt: event.at,
        lastAt: event.at
      }
    case "AgreementSigned":
      return {
        ...state,
        status: "signed",
        agreementId: event.agreementId,
        parties: event.parties,
        form: event.form,
        areas: event.areas,
        term: event.term,
        signatories: event.signatories,
        jointOrganizationId: event.jointOrganizationId,
        round: 1,
        signedAt: event.at,
        roundSignedAt: event.at,
        lastAt: event.at,
        lastActivityAt: undefined,
        reportedPeriods: 0
      }
    case "AgreementActivityRecorded":
      return {
        ...state,
        activities: {
          ...state.activities,
          [event.activityId]: {
            area: event.area,
            partyIds: event.partyIds,
            participants: event.participants,
            round: state.round,
            at: event.at
          }
        },
        lastActivityAt: state.lastActivityAt === undefined || state.lastActivityAt < event.at
          ? event.at
          : state.lastActivityAt
      }
    case "AgreementReportSubmitted":
      return {
        ...state,
        reports: { ...state.reports, [event.reportId]: { round: event.round, period: event.period } },
        reportedPeriods: event.round === state.round && event.period > state.reportedPeriods
          ? event.period
          : state.reportedPeriods
      }
    case "AgreementEvaluated":
      return {
        ...state,
        evaluations: {
          ...state.evaluations,
          [event.evaluationId]: { round: event.round, rating: event.rating, at: event.at }
        }
      }
    case "AgreementRenewed":
      return {
        ...state,
        status: "signed",
        areas: event.areas,
        term: event.term,
        signatories: event.signatories,
        jointOrganizationId: event.jointOrganizationId ?? state.jointOrganizationId,
        round: event.round,
        roundSignedAt: event.at,
        lastAt: event.at,
        lastActivityAt: undefined,
        reportedPeriods: 0,
        expiredAt: undefined
      }
    case "AgreementTerminated":
      return {
        ...state,
        status: "terminated",
        terminatedAt: event.at,
        terminationReason: event.reason,
        lastAt: event.at
      }
    case "AgreementExpired":
      return { ...state, status: "expired", expiredAt: event.at, lastAt: event.at }
    default:
      return state
  }
}

/**
 * The fold of the agreement stream.
 *
 * @category folding
 * @since 0.1.0
 */
export const fold: Fold<AgreementEvent, AgreementState> = { initialState, evolve }

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

/**
 * The last day of the current term, or undefined when it is open-ended or there is none.
 *
 * @category queries
 * @since 0.1.0
 */
export const termEnd = (state: AgreementState): LegalDate | undefined => endOf(state.term)

/**
 * The first day of the current round: the term's start, or the signing date without a term.
 *
 * @category queries
 * @since 0.1.0
 */
export const roundStart = (state: AgreementState): LegalDate | undefined => state.term?.startDate ?? state.roundSignedAt

/**
 * R50 (cadence CONF, quarterly by default): the period `period` (from 1) of the current round, reported
 * every `everyMonths` months from the round's start: its first day and its last day (the report's due
 * date), clipped to the term's end. Undefined when no reports are required, before signing, or when the
 * period starts after the term.
 *
 * @category queries
 * @since 0.1.0
 */
export const reportPeriod = (
  state: AgreementState,
  everyMonths: number,
  period: number
): { readonly start: LegalDate; readonly due: LegalDate } | undefined => {
  const start = roundStart(state)
  if (everyMonths <= 0 || start === undefined || period < 1) return undefined
  const from = addMonths(start, (period - 1) * everyMonths)
  const end = termEnd(state)
  if (end !== undefined && from > end) return undefined
  const last = addDays(addMonths(start, period * everyMonths), -1)
  return { start: from, due: end === undefined ? last : min(last, end) }
}

/**
 * The earliest period of the current round whose report is missing, with its due date (undefined when
 * none is required).
 *
 * @category queries
 * @since 0.1.0
 */
export const nextReport = (
  state: AgreementState,
  everyMonths: number
): { readonly period: number; readonly start: LegalDate; readonly due: LegalDate } | undefined => {
  const period = state.reportedPeriods + 1
  const found = reportPeriod(state, everyMonths, period)
  return found === undefined ? undefined : { period, ...found }
}

/**
 * Where an agreement stands as of a date:
 *
 * - `proposed`; `terminated`; `expired` (recorded, or the term ended before `asOf`);
 * - `expiring`: in force and its term ends within `expiringWithinDays` days (on the end date itself too);
 * - `active`: in force otherwise (signed, the term not yet ended or open-ended);
 * - `none`: nothing recorded.
 *
 * @category queries
 * @since 0.1.0
 */
export type Standing = "none" | "proposed" | "active" | "expiring" | "expired" | "terminated"

/**
 * The standing of an agreement as of `asOf` (see {@link Standing}). The state should hold only the events
 * on or before `asOf` (the register's `asOf` projection does that).
 *
 * @category queries
 * @since 0.1.0
 */
export const standingAt = (state: AgreementState, asOf: LegalDate, expiringWithinDays: number): Standing => {
  switch (state.status) {
    case "none":
    case "proposed":
    case "terminated":
    case "expired":
      return state.status
    case "signed": {
      const end = termEnd(state)
      if (end === undefined) return "active"
      if (asOf > end) return "expired"
      return addDays(asOf, expiringWithinDays) >= end ? "expiring" : "active"
    }
  }
}
