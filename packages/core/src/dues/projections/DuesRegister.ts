/**
 * The dues register read model: every member's dues account (folded with the aggregate's own `evolve`) and,
 * from the member streams, what the dues rules need to know of each member (standing, affiliation over time,
 * the admission vote, the transfer letters issued), with the queries the office asks: a member's ledger as of
 * a date (months owed, paid and exempt, the balance, the paid-through month) and a summary per organization
 * and month. {@link asOf} builds the same model as of any legal date, by leaving out the events that took
 * effect later.
 *
 * Derived figures (ledgers, summaries, runs of unpaid months) are computed by the query functions, never kept
 * in the view: the view is one state per stream.
 *
 * @since 0.3.0
 */
import type { Envelope } from "../../kernel/Envelope.ts"
import * as Projection from "../../kernel/Projection.ts"
import * as ReadModel from "../../kernel/ReadModel.ts"
import { lookup } from "../../kernel/records.ts"
import type { LegalDate } from "../../LegalDate.ts"
import { addDays } from "../../LegalDate.ts"
import type { MemberEvent } from "../../member/events.ts"
import { memberIdOf } from "../../member/stream.ts"
import { legalDateOf } from "../../organization/projections/OrganizationTree.ts"
import type { DuesEvent } from "../events.ts"
import type { YearMonth } from "../model.ts"
import { firstDayAfter, monthOf } from "../model.ts"
import type { DuesState, Ledger } from "../state.ts"
import { amountFor, evolve, inAccount, initialState, ledger, paymentFor, unpaidFrom } from "../state.ts"
import { duesMemberIdOf } from "../stream.ts"

// ---------------------------------------------------------------------------------------------------------
// What the dues rules need of a member
// ---------------------------------------------------------------------------------------------------------

/**
 * A transfer letter as the dues rules see it (R74).
 *
 * @category models
 * @since 0.3.0
 */
export interface LetterFacts {
  readonly transferId: string
  readonly fromOrgId: string
  readonly toOrgId: string
  readonly issuedAt: LegalDate
  readonly duesPaidThrough: YearMonth | undefined
  readonly external: boolean
}

/**
 * What the dues rules need of a member, folded from the member stream: `active` (probationary or full),
 * `suspended`, or `left` (removed, probation cancelled, transferred to another store); the affiliations with
 * the date each began; the admission vote (R73); the transfer letters issued (R74).
 *
 * @category models
 * @since 0.3.0
 */
export interface MemberFacts {
  readonly status: "none" | "active" | "suspended" | "left"
  readonly affiliations: ReadonlyArray<{ readonly orgId: string; readonly from: LegalDate }>
  readonly admissionVoteAt: LegalDate | undefined
  readonly letters: ReadonlyArray<LetterFacts>
}

/**
 * The facts before the member's first event.
 *
 * @category models
 * @since 0.3.0
 */
export const initialFacts: MemberFacts = { status: "none", affiliations: [], admissionVoteAt: undefined, letters: [] }

/**
 * Applies one member event to a member's facts. Total and pure.
 *
 * @category folding
 * @since 0.3.0
 */
export const evolveFacts = (facts: MemberFacts, event: MemberEvent): MemberFacts => {
  switch (event._tag) {
    case "MemberRegistered":
      return { ...initialFacts, status: "active", affiliations: [{ orgId: event.orgId, from: event.at }] }
    case "MemberAdmitted":
      return {
        ...initialFacts,
        status: "active",
        affiliations: [{ orgId: event.orgId, from: event.at }],
        admissionVoteAt: event.meeting.at
      }
    case "TransferLetterIssued":
      return {
        ...facts,
        letters: [...facts.letters, {
          transferId: event.transferId,
          fromOrgId: event.fromOrgId,
          toOrgId: event.toOrgId,
          issuedAt: event.at,
          duesPaidThrough: event.duesPaidThrough,
          external: event.external === true
        }]
      }
    case "TransferReceived": {
      // Received here from another store: the member's record here starts from the letter.
      if (event.letter !== undefined) {
        return {
          ...facts,
          status: "active",
          affiliations: [...facts.affiliations, { orgId: event.toOrgId, from: event.at }]
        }
      }
      const letter = facts.letters.find((l) => l.transferId === event.transferId)
      // Received by another store: the member's dues are kept there now.
      if (letter?.external === true) return { ...facts, status: "left" }
      return { ...facts, affiliations: [...facts.affiliations, { orgId: event.toOrgId, from: event.at }] }
    }
    case "MembershipSuspended":
      return { ...facts, status: "suspended" }
    case "MembershipRestored":
      return { ...facts, status: "active" }
    case "MemberRemoved":
    case "ProbationCancelled":
      return { ...facts, status: "left" }
    default:
      return facts
  }
}

/**
 * The affiliation in force on a date (the last one begun on or before it; the first one before any).
 *
 * @category queries
 * @since 0.3.0
 */
export const affiliationAt = (facts: MemberFacts, date: LegalDate): string | undefined => {
  let found = facts.affiliations[0]?.orgId
  for (const a of facts.affiliations) if (a.from <= date) found = a.orgId
  return found
}

// ---------------------------------------------------------------------------------------------------------
// The view
// ---------------------------------------------------------------------------------------------------------

/**
 * @category models
 * @since 0.3.0
 */
export interface RegisterView {
  /** Every dues account, by member id (from `dues-<memberId>`). */
  readonly accounts: Readonly<Record<string, DuesState>>
  /** What the dues rules need of every member, by member id (from `member-<memberId>`). */
  readonly members: Readonly<Record<string, MemberFacts>>
}

/**
 * The empty register.
 *
 * @category constructors
 * @since 0.3.0
 */
export const empty: RegisterView = { accounts: {}, members: {} }

/**
 * Applies one envelope: dues events update their account, member events the member's facts; other events are
 * ignored.
 *
 * @category folding
 * @since 0.3.0
 */
export const apply = (view: RegisterView, envelope: Envelope): RegisterView => {
  const duesMemberId = duesMemberIdOf(envelope.streamId)
  if (duesMemberId !== undefined) {
    const before = lookup(view.accounts, duesMemberId) ?? initialState
    const after = evolve(before, envelope.data as DuesEvent)
    return after === before ? view : { ...view, accounts: { ...view.accounts, [duesMemberId]: after } }
  }
  const memberId = memberIdOf(envelope.streamId)
  if (memberId !== undefined) {
    const before = lookup(view.members, memberId) ?? initialFacts
    const after = evolveFacts(before, envelope.data as MemberEvent)
    return after === before ? view : { ...view, members: { ...view.members, [memberId]: after } }
  }
  return view
}

/**
 * The dues register projection (current state).
 *
 * @category projections
 * @since 0.3.0
 */
export const projection: Projection.Projection<RegisterView> = Projection.make({
  name: "dues.register",
  version: 1,
  initialState: empty,
  apply
})

/**
 * The register as of a legal date: events that take effect after `date` are left out.
 *
 * @category projections
 * @since 0.3.0
 */
export const asOf = (date: LegalDate): Projection.Projection<RegisterView> =>
  Projection.make({
    name: `dues.register.asOf.${date}`,
    version: 1,
    initialState: empty,
    apply: (view, envelope) => (legalDateOf(envelope) <= date ? apply(view, envelope) : view)
  })

/**
 * The dues accounts as a keyed read model: one row per member's account with its state as of every legal date
 * on which it changed (see `ReadModel`).
 *
 * @category read models
 * @since 0.3.0
 */
export const readModel: ReadModel.ReadModel<DuesState> = ReadModel.make({
  name: "dues.accounts",
  version: 1,
  mode: "inline",
  keyOf: (envelope) => duesMemberIdOf(envelope.streamId),
  initial: initialState,
  evolve: (state, envelope) => evolve(state, envelope.data as DuesEvent),
  dateOf: legalDateOf
})

/**
 * What the dues rules need of every member, as a keyed read model: one row per member.
 *
 * @category read models
 * @since 0.3.0
 */
export const factsReadModel: ReadModel.ReadModel<MemberFacts> = ReadModel.make({
  name: "dues.memberFacts",
  version: 1,
  mode: "inline",
  keyOf: (envelope) => memberIdOf(envelope.streamId),
  initial: initialFacts,
  evolve: (facts, envelope) => evolveFacts(facts, envelope.data as MemberEvent),
  dateOf: legalDateOf
})

/**
 * The register as of a date, from the rows of {@link readModel} and {@link factsReadModel}.
 *
 * @category read models
 * @since 0.3.0
 */
export const fromTimelines = (
  accounts: ReadonlyMap<string, ReadModel.Timeline<DuesState>>,
  facts: ReadonlyMap<string, ReadModel.Timeline<MemberFacts>>,
  date: LegalDate
): RegisterView => ({
  accounts: ReadModel.recordAsOf(readModel, accounts, date),
  members: ReadModel.recordAsOf(factsReadModel, facts, date)
})

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

/**
 * A member's ledger as of a date (months owed, paid and exempt; the balance; the paid-through month), or
 * undefined for a member without a dues account.
 *
 * @category queries
 * @since 0.3.0
 */
export const ledgerOf = (view: RegisterView, memberId: string, date: LegalDate): Ledger | undefined => {
  const account = lookup(view.accounts, memberId)
  return account === undefined || account.status === "none" ? undefined : ledger(account, date)
}

/**
 * One organization's dues for one month, as of a date. Members are counted at the organization they belonged
 * to at the month's end (or on the date, if earlier): `membersDue` owe the month (`dueFen` in all; those whose
 * year is not assessed yet are also `membersUnassessed`), of whom `membersPaid` paid it (`paidFen`),
 * `membersUnpaid` have not although it ended, and `membersOpen` have not while it runs; `membersExempt` owe
 * nothing (R71). `collectedFen`, `voluntaryExtraFen` and `centralFen` are what the organization received in
 * payments made in the month (regular amounts, voluntary extras, and the extras routed to the centre, R72).
 *
 * @category models
 * @since 0.3.0
 */
export interface OrgMonthSummary {
  readonly orgId: string
  readonly month: YearMonth
  readonly membersDue: number
  readonly membersPaid: number
  readonly membersUnpaid: number
  readonly membersOpen: number
  readonly membersExempt: number
  readonly membersUnassessed: number
  readonly dueFen: number
  readonly paidFen: number
  readonly collectedFen: number
  readonly voluntaryExtraFen: number
  readonly centralFen: number
}

const emptyRow = (orgId: string, month: YearMonth): OrgMonthSummary => ({
  orgId,
  month,
  membersDue: 0,
  membersPaid: 0,
  membersUnpaid: 0,
  membersOpen: 0,
  membersExempt: 0,
  membersUnassessed: 0,
  dueFen: 0,
  paidFen: 0,
  collectedFen: 0,
  voluntaryExtraFen: 0,
  centralFen: 0
})

/**
 * The dues of every organization for one month, as of a date (see {@link OrgMonthSummary}), sorted by
 * organization id.
 *
 * @category queries
 * @since 0.3.0
 */
export const summary = (view: RegisterView, month: YearMonth, date: LegalDate): ReadonlyArray<OrgMonthSummary> => {
  const rows = new Map<string, OrgMonthSummary>()
  const update = (orgId: string, change: (row: OrgMonthSummary) => OrgMonthSummary) =>
    rows.set(orgId, change(rows.get(orgId) ?? emptyRow(orgId, month)))
  const monthEnd = addDays(firstDayAfter(month), -1)
  const at = monthEnd < date ? monthEnd : date
  for (const memberId of Object.keys(view.accounts).sort()) {
    const account = view.accounts[memberId]!
    if (account.status === "none") continue
    for (const payment of account.payments) {
      if (payment.at > date || monthOf(payment.at) !== month) continue
      update(payment.collectingOrgId, (row) => ({
        ...row,
        collectedFen: row.collectedFen + payment.regularFen,
        voluntaryExtraFen: row.voluntaryExtraFen + payment.voluntaryExtraFen,
        centralFen: row.centralFen + (payment.extraRouting === "central" ? payment.voluntaryExtraFen : 0)
      }))
    }
    if (!inAccount(account, month) || month > monthOf(date)) continue
    const facts = lookup(view.members, memberId)
    const orgId = (facts === undefined ? undefined : affiliationAt(facts, at)) ?? account.orgId
    const amount = amountFor(account, month)
    if (amount?.exempt === true) {
      update(orgId, (row) => ({ ...row, membersExempt: row.membersExempt + 1 }))
      continue
    }
    const found = paymentFor(account, month)
    const paid = found !== undefined && found.payment.at <= date ? found : undefined
    const unpaid = paid === undefined && unpaidFrom(account, month) <= date
    update(orgId, (row) => ({
      ...row,
      membersDue: row.membersDue + 1,
      membersUnassessed: row.membersUnassessed + (amount === undefined ? 1 : 0),
      dueFen: row.dueFen + (amount?.fen ?? 0),
      membersPaid: row.membersPaid + (paid === undefined ? 0 : 1),
      paidFen: row.paidFen + (paid?.fen ?? 0),
      membersUnpaid: row.membersUnpaid + (unpaid ? 1 : 0),
      membersOpen: row.membersOpen + (paid === undefined && !unpaid ? 1 : 0)
    }))
  }
  return [...rows.keys()].sort().map((orgId) => rows.get(orgId)!)
}
