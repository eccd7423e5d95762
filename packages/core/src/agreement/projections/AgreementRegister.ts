/**
 * The agreement register read model: every agreement's state (folded with the aggregate's own `evolve`)
 * and the status of every Party organization (from the organization streams' `OrganizationEstablished`,
 * `OrganizationDissolved` and `OrganizationMerged`), with the queries an office asks: the register by
 * standing (active, expiring within N days, expired, terminated), activities per area and per party,
 * overdue reports, idle agreements, and agreements whose party organization was dissolved. {@link asOf}
 * builds the same model as of any legal date, by leaving out the events that took effect later. (The
 * coordination councils have a register of their own: `CouncilRegister`.)
 *
 * @since 0.1.0
 */
import type { Envelope } from "../../kernel/Envelope.ts"
import * as Projection from "../../kernel/Projection.ts"
import * as ReadModel from "../../kernel/ReadModel.ts"
import { lookup, put } from "../../kernel/records.ts"
import type { LegalDate } from "../../LegalDate.ts"
import { daysBetween, max } from "../../LegalDate.ts"
import { legalDateOf } from "../../organization/projections/OrganizationTree.ts"
import type { OrganizationStatus, OrganizationStatuses } from "../../organization/projections/status.ts"
import * as Status from "../../organization/projections/status.ts"
import { applyStatus } from "../../organization/projections/status.ts"
import type { PairingPolicy } from "../../policy/PairingPolicy.ts"
import type { AgreementEvent } from "../events.ts"
import type { Area } from "../model.ts"
import { areas as allAreas } from "../model.ts"
import type { AgreementState, Standing } from "../state.ts"
import { evolve, initialState, nextReport, roundStart, standingAt, termEnd } from "../state.ts"
import { agreementIdOf } from "../stream.ts"

export type { OrganizationStatus } from "../../organization/projections/status.ts"

/**
 * @category models
 * @since 0.1.0
 */
export interface RegisterView {
  readonly agreements: Readonly<Record<string, AgreementState>>
  readonly orgs: OrganizationStatuses
}

/**
 * The empty register.
 *
 * @category constructors
 * @since 0.1.0
 */
export const empty: RegisterView = { agreements: {}, orgs: {} }

/**
 * Applies one envelope: agreement events update their agreement; organization establishments, dissolutions and
 * mergers update the organization's status; other events are ignored.
 *
 * @category folding
 * @since 0.1.0
 */
export const apply = (view: RegisterView, envelope: Envelope): RegisterView => {
  const agreementId = agreementIdOf(envelope.streamId)
  if (agreementId !== undefined) {
    const before = lookup(view.agreements, agreementId) ?? initialState
    const after = evolve(before, envelope.data as AgreementEvent)
    return after === before ? view : { ...view, agreements: { ...view.agreements, [agreementId]: after } }
  }
  const orgs = applyStatus(view.orgs, envelope)
  return orgs === view.orgs ? view : { ...view, orgs }
}

/**
 * The register projection (current state).
 *
 * @category projections
 * @since 0.1.0
 */
export const projection: Projection.Projection<RegisterView> = Projection.make({
  name: "agreement.register",
  // 2: the coordination councils left the register for their own (`CouncilRegister`).
  version: 2,
  initialState: empty,
  apply
})

/**
 * The register as of a legal date: events that take effect after `date` are left out.
 *
 * @category projections
 * @since 0.1.0
 */
export const asOf = (date: LegalDate): Projection.Projection<RegisterView> =>
  Projection.make({
    name: `agreement.register.asOf.${date}`,
    version: 2,
    initialState: empty,
    apply: (view, envelope) => (legalDateOf(envelope) <= date ? apply(view, envelope) : view)
  })

/**
 * The agreement register as a keyed read model: one row per agreement with its state as of every legal date on which it
 * changed, kept in the store (see `ReadModel`).
 *
 * @category read models
 * @since 0.3.0
 */
export const readModel: ReadModel.ReadModel<AgreementState> = ReadModel.make({
  name: "agreement.register",
  version: 1,
  mode: "inline",
  keyOf: (envelope) => agreementIdOf(envelope.streamId),
  initial: initialState,
  evolve: (state, envelope) => evolve(state, envelope.data as AgreementEvent),
  dateOf: legalDateOf
})

/**
 * The register as of a date, from the rows of {@link readModel} and of the organization statuses' read model.
 *
 * @category read models
 * @since 0.3.0
 */
export const fromTimelines = (
  timelines: ReadonlyMap<string, ReadModel.Timeline<AgreementState>>,
  statuses: ReadonlyMap<string, ReadModel.Timeline<OrganizationStatus | null>>,
  date: LegalDate
): RegisterView => ({
  agreements: ReadModel.recordAsOf(readModel, timelines, date),
  orgs: Status.fromTimelines(statuses, date)
})

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

/**
 * One line of the register.
 *
 * @category models
 * @since 0.1.0
 */
export interface Entry {
  readonly agreementId: string
  readonly standing: Standing
  readonly round: number
  readonly signedAt: LegalDate | undefined
  readonly endDate: LegalDate | undefined
}

const sortedIds = (view: RegisterView): ReadonlyArray<string> => Object.keys(view.agreements).sort()

/**
 * Every recorded agreement with its standing as of `asOf` (expiring within the policy's
 * `expiringWithinDays`), sorted by id.
 *
 * @category queries
 * @since 0.1.0
 */
export const entries = (view: RegisterView, asOf: LegalDate, policy: PairingPolicy): ReadonlyArray<Entry> =>
  sortedIds(view).flatMap((agreementId) => {
    const state = view.agreements[agreementId]!
    if (state.status === "none") return []
    return [{
      agreementId,
      standing: standingAt(state, asOf, policy.expiringWithinDays),
      round: state.round,
      signedAt: state.signedAt,
      endDate: termEnd(state)
    }]
  })

/**
 * The agreement ids by standing as of `asOf`.
 *
 * @category queries
 * @since 0.1.0
 */
export const byStanding = (
  view: RegisterView,
  asOf: LegalDate,
  policy: PairingPolicy
): Readonly<Record<Exclude<Standing, "none">, ReadonlyArray<string>>> => {
  const out: Record<Exclude<Standing, "none">, Array<string>> = {
    proposed: [],
    active: [],
    expiring: [],
    expired: [],
    terminated: []
  }
  for (const entry of entries(view, asOf, policy)) {
    if (entry.standing !== "none") out[entry.standing].push(entry.agreementId)
  }
  return out
}

/**
 * Activities and participants (person-times) of a tally.
 *
 * @category models
 * @since 0.1.0
 */
export interface Tally {
  readonly activities: number
  readonly participants: number
}

const select = (view: RegisterView, agreementId: string | undefined): ReadonlyArray<AgreementState> =>
  agreementId === undefined
    ? sortedIds(view).map((id) => view.agreements[id]!)
    : [lookup(view.agreements, agreementId)].filter((state) => state !== undefined)

/**
 * Activities per area (all five, zero when none), over every agreement or one.
 *
 * @category queries
 * @since 0.1.0
 */
export const activitiesByArea = (view: RegisterView, agreementId?: string): Readonly<Record<Area, Tally>> => {
  const out = Object.fromEntries(allAreas.map((area) => [area, { activities: 0, participants: 0 }])) as Record<
    Area,
    Tally
  >
  for (const state of select(view, agreementId)) {
    for (const activity of Object.values(state.activities)) {
      const tally = out[activity.area]
      out[activity.area] = {
        activities: tally.activities + 1,
        participants: tally.participants + activity.participants
      }
    }
  }
  return out
}

/**
 * Activities per party involved (a party counts each activity it took part in), over every agreement or
 * one.
 *
 * @category queries
 * @since 0.1.0
 */
export const activitiesByParty = (view: RegisterView, agreementId?: string): Readonly<Record<string, Tally>> => {
  const out: Record<string, Tally> = {}
  for (const state of select(view, agreementId)) {
    for (const activity of Object.values(state.activities)) {
      for (const partyId of activity.partyIds) {
        const tally = lookup(out, partyId) ?? { activities: 0, participants: 0 }
        put(out, partyId, {
          activities: tally.activities + 1,
          participants: tally.participants + activity.participants
        })
      }
    }
  }
  return out
}

/**
 * An overdue report: the earliest unreported period of the current round, past its last day.
 *
 * @category models
 * @since 0.1.0
 */
export interface OverdueReport {
  readonly agreementId: string
  readonly round: number
  readonly period: number
  readonly periodStart: LegalDate
  readonly due: LegalDate
}

/**
 * R50 CONF: signed agreements whose earliest unreported period ended before `asOf` (overdue from the day
 * after the period's last day).
 *
 * @category queries
 * @since 0.1.0
 */
export const overdueReports = (
  view: RegisterView,
  asOf: LegalDate,
  policy: PairingPolicy
): ReadonlyArray<OverdueReport> =>
  sortedIds(view).flatMap((agreementId) => {
    const state = view.agreements[agreementId]!
    if (state.status !== "signed") return []
    const next = nextReport(state, policy.reportEveryMonths)
    if (next === undefined || asOf <= next.due) return []
    return [{ agreementId, round: state.round, period: next.period, periodStart: next.start, due: next.due }]
  })

/**
 * An idle agreement: in force and without an activity since `since` for `days` days.
 *
 * @category models
 * @since 0.1.0
 */
export interface Idle {
  readonly agreementId: string
  readonly since: LegalDate
  readonly days: number
}

/**
 * R50 REC: agreements in force on `asOf` with no activity for `idleAfterDays` days or more, counted from the
 * latest activity of the round or, without one, from the round's start (its term's start or its signing,
 * whichever is later).
 *
 * @category queries
 * @since 0.1.0
 */
export const idle = (view: RegisterView, asOf: LegalDate, policy: PairingPolicy): ReadonlyArray<Idle> =>
  sortedIds(view).flatMap((agreementId) => {
    const state = view.agreements[agreementId]!
    if (state.status !== "signed" || state.roundSignedAt === undefined) return []
    const end = termEnd(state)
    if (end !== undefined && asOf > end) return []
    const start = max(roundStart(state) ?? state.roundSignedAt, state.roundSignedAt)
    const since = state.lastActivityAt === undefined ? start : max(state.lastActivityAt, start)
    const days = daysBetween(since, asOf)
    return days >= policy.idleAfterDays ? [{ agreementId, since, days }] : []
  })

/**
 * An agreement with a party organization that was dissolved (or merged away).
 *
 * @category models
 * @since 0.1.0
 */
export interface DissolvedParty {
  readonly agreementId: string
  readonly orgId: string
  readonly dissolvedAt: LegalDate | undefined
}

/**
 * Signed agreements (not terminated, expiry not recorded) whose party organization was dissolved.
 *
 * @category queries
 * @since 0.1.0
 */
export const withDissolvedParty = (view: RegisterView): ReadonlyArray<DissolvedParty> =>
  sortedIds(view).flatMap((agreementId) => {
    const state = view.agreements[agreementId]!
    if (state.status !== "signed") return []
    return state.parties.flatMap((party) => {
      if (party._tag !== "OrganizationParty") return []
      const org = lookup(view.orgs, party.orgId)
      return org?.status === "dissolved" ? [{ agreementId, orgId: party.orgId, dissolvedAt: org.dissolvedAt }] : []
    })
  })
