/**
 * The state of one leadership-history stream, its total `evolve`, and the pure queries over it: the term
 * records in order (R91), the current term and the date it ends (R21, R22), and the renewal dates the reminders
 * are due on (R95).
 *
 * @since 0.3.0
 */
import type { Fold } from "../kernel/Decider.ts"
import type { LegalDate } from "../LegalDate.ts"
import { addMonths } from "../LegalDate.ts"
import type { OrgKind } from "../organization/model.ts"
import type { LeadershipPolicy } from "../policy/LeadershipPolicy.ts"
import type { LeadershipEvent } from "./events.ts"
import type {
  Alternate,
  ApprovalSubject,
  Ballot,
  ElectionMode,
  LeadershipRole,
  ReminderKind,
  TermBody
} from "./model.ts"

/**
 * A member of a term with the dates they served (a by-election adds one; a member replaced leaves).
 *
 * @category models
 * @since 0.3.0
 */
export interface TermSeat {
  readonly memberId: string
  readonly role: LeadershipRole
  readonly from: LegalDate
  readonly until: LegalDate | undefined
}

/**
 * An approval document (R94).
 *
 * @category models
 * @since 0.3.0
 */
export interface ApprovalRecord {
  readonly subject: ApprovalSubject
  readonly approvedBy: string
  readonly approvedOn: LegalDate
  readonly approvalDocNo: string | undefined
}

/**
 * One term record (届次, R91).
 *
 * @category models
 * @since 0.3.0
 */
export interface TermRecord {
  readonly termNo: number
  readonly body: TermBody
  readonly mode: ElectionMode
  readonly seats: number
  readonly orgKind: OrgKind
  readonly electedOn: LegalDate
  readonly termYears: number
  /** R21: the election date plus the term's years; computed, never entered. */
  readonly expectedEnd: LegalDate
  /** R22: the approved extended end, when extended. */
  readonly extendedTo: LegalDate | undefined
  /** R91: the next election's date once a new term opened; undefined for the current term. */
  readonly endedOn: LegalDate | undefined
  readonly members: ReadonlyArray<TermSeat>
  readonly alternates: ReadonlyArray<Alternate>
  readonly ballot: Ballot
  readonly approvals: ReadonlyArray<ApprovalRecord>
  readonly reminders: ReadonlyArray<{ readonly kind: ReminderKind; readonly at: LegalDate }>
  /** R96: the renewal request for this term's renewal. */
  readonly requestedAt: LegalDate | undefined
  /** R96: the report of the election that opened this term. */
  readonly reportedAt: LegalDate | undefined
}

/**
 * The history of one organization's leadership: its terms in order (the last one is the current one unless it
 * ended), and the void elections (R92).
 *
 * @category models
 * @since 0.3.0
 */
export interface LeadershipState {
  readonly orgId: string
  readonly terms: ReadonlyArray<TermRecord>
  readonly voided: ReadonlyArray<{ readonly termNo: number; readonly at: LegalDate }>
}

/**
 * The state before the first event.
 *
 * @category models
 * @since 0.3.0
 */
export const initialState: LeadershipState = { orgId: "", terms: [], voided: [] }

// Applies a change to the last term (the current one); a stored event for no term changes nothing.
const withLast = (state: LeadershipState, termNo: number, f: (term: TermRecord) => TermRecord): LeadershipState => {
  const last = state.terms[state.terms.length - 1]
  if (last === undefined || last.termNo !== termNo) return state
  return { ...state, terms: [...state.terms.slice(0, -1), f(last)] }
}

/**
 * Applies one event. Total and pure; never throws on a stored event.
 *
 * @category folding
 * @since 0.3.0
 */
export const evolve = (state: LeadershipState, event: LeadershipEvent): LeadershipState => {
  switch (event._tag) {
    case "TermOpened":
      return {
        ...state,
        orgId: event.orgId,
        terms: [...state.terms, {
          termNo: event.termNo,
          body: event.body,
          mode: event.mode,
          seats: event.seats,
          orgKind: event.orgKind,
          electedOn: event.at,
          termYears: event.termYears,
          expectedEnd: event.expectedEnd,
          extendedTo: undefined,
          endedOn: undefined,
          members: event.members.map((m) => ({ memberId: m.memberId, role: m.role, from: event.at, until: undefined })),
          alternates: event.alternates,
          ballot: event.ballot,
          approvals: [],
          reminders: [],
          requestedAt: undefined,
          reportedAt: undefined
        }]
      }
    case "TermClosed":
      return withLast(state, event.termNo, (term) => ({ ...term, endedOn: event.at }))
    case "ElectionVoided":
      return { ...state, orgId: event.orgId, voided: [...state.voided, { termNo: event.termNo, at: event.at }] }
    case "ByElectionRecorded":
      return withLast(state, event.termNo, (term) => ({
        ...term,
        members: [
          ...term.members.map((m) =>
            m.memberId === event.replacesMemberId && m.until === undefined ? { ...m, until: event.at } : m
          ),
          { memberId: event.member.memberId, role: event.member.role, from: event.at, until: undefined }
        ]
      }))
    case "TermApprovalRecorded":
      return withLast(state, event.termNo, (term) => ({
        ...term,
        approvals: [...term.approvals, {
          subject: event.subject,
          approvedBy: event.approvedBy,
          approvedOn: event.approvedOn,
          approvalDocNo: event.approvalDocNo
        }]
      }))
    case "TermExtensionRecorded":
      return withLast(state, event.termNo, (term) => ({
        ...term,
        extendedTo: event.extendedTo,
        approvals: [...term.approvals, {
          subject: "extension",
          approvedBy: event.approvedBy,
          approvedOn: event.approvedOn,
          approvalDocNo: event.approvalDocNo
        }]
      }))
    case "RenewalReminderIssued":
      return withLast(state, event.termNo, (term) => ({
        ...term,
        reminders: [...term.reminders, { kind: event.kind, at: event.at }]
      }))
    case "RenewalRequested":
      return withLast(state, event.termNo, (term) => ({ ...term, requestedAt: term.requestedAt ?? event.at }))
    case "RenewalReported":
      return withLast(state, event.termNo, (term) => ({ ...term, reportedAt: term.reportedAt ?? event.at }))
    default:
      return state
  }
}

/**
 * The fold of the leadership-history stream.
 *
 * @category folding
 * @since 0.3.0
 */
export const fold: Fold<LeadershipEvent, LeadershipState> = { initialState, evolve }

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

/**
 * The current term (R91: at most one): the last one recorded, unless it ended.
 *
 * @category queries
 * @since 0.3.0
 */
export const currentTerm = (state: LeadershipState): TermRecord | undefined => {
  const last = state.terms[state.terms.length - 1]
  return last !== undefined && last.endedOn === undefined ? last : undefined
}

/**
 * The term before the current one, if any.
 *
 * @category queries
 * @since 0.3.0
 */
export const previousTerm = (state: LeadershipState): TermRecord | undefined =>
  state.terms.length >= 2 ? state.terms[state.terms.length - 2] : undefined

/**
 * R21 / R22: when a term ends: the approved extended end, or the expected end.
 *
 * @category queries
 * @since 0.3.0
 */
export const termEnd = (term: TermRecord): LegalDate => term.extendedTo ?? term.expectedEnd

/**
 * R95: a date on which a renewal step is due, with what is due.
 *
 * @category models
 * @since 0.3.0
 */
export interface RenewalDate {
  readonly kind: "reminder" | "yearStartNotice" | "request" | "expiry"
  readonly on: LegalDate
  /** For a reminder or a request: the months before the end. */
  readonly months: number | undefined
}

/**
 * R95: the renewal dates of a term ending on `end` under a policy, in date order: a reminder at each offset
 * (T − 6 nationally; T − 1 on the EGOV platform), the year-start notice (local), the request (T − 2, local)
 * and the end itself. Months are calendar months clamped to the month's end (T = 2026-08-31: T − 6 =
 * 2026-02-28).
 *
 * @example
 * ```ts
 * import { Leadership } from "@dangjian/core"
 *
 * Leadership.renewalDates(Leadership.bengbuLocal, "2026-05-10").map((d) => `${d.kind} ${d.on}`)
 * // => ["reminder 2025-11-10", "yearStartNotice 2026-01-01", "request 2026-03-10", "expiry 2026-05-10"]
 * ```
 *
 * @category queries
 * @since 0.3.0
 */
export const renewalDates = (policy: LeadershipPolicy, end: LegalDate): ReadonlyArray<RenewalDate> => {
  const out: Array<RenewalDate> = []
  for (const months of [...new Set(policy.remindBeforeMonths)].filter((m) => m > 0)) {
    out.push({ kind: "reminder", on: addMonths(end, -months), months })
  }
  if (policy.yearStartNotice) out.push({ kind: "yearStartNotice", on: `${end.slice(0, 4)}-01-01`, months: undefined })
  if (policy.requestDueMonthsBefore !== undefined && policy.requestDueMonthsBefore > 0) {
    out.push({
      kind: "request",
      on: addMonths(end, -policy.requestDueMonthsBefore),
      months: policy.requestDueMonthsBefore
    })
  }
  out.push({ kind: "expiry", on: end, months: undefined })
  return out.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
}
