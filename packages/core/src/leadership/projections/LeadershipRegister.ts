/**
 * The leadership register read model: every organization's leadership history (folded with the aggregate's own
 * `evolve`), keyed by organization id, with the queries the reports ask: the current term of an organization
 * (第N届, R91), the terms ending in a period (R95), and the renewal dates of every current term. {@link asOf}
 * builds the same model as of any legal date, by leaving out the events that took effect later.
 *
 * The view holds only the per-stream states; every index is a query. The same register is a keyed read model
 * ({@link readModel}: one row per organization), and {@link fromTimelines} builds the view as of a date from
 * those rows.
 *
 * @since 0.3.0
 */
import type { Envelope } from "../../kernel/Envelope.ts"
import * as Projection from "../../kernel/Projection.ts"
import * as ReadModel from "../../kernel/ReadModel.ts"
import { lookup } from "../../kernel/records.ts"
import type { LegalDate } from "../../LegalDate.ts"
import { legalDateOf } from "../../organization/projections/OrganizationTree.ts"
import type { LeadershipEvent } from "../events.ts"
import type { LeadershipState, TermRecord } from "../state.ts"
import { currentTerm, evolve, initialState, termEnd } from "../state.ts"
import { leadershipOrgIdOf } from "../stream.ts"

/**
 * @category models
 * @since 0.3.0
 */
export interface RegisterView {
  readonly leaderships: Readonly<Record<string, LeadershipState>>
}

/**
 * The empty register.
 *
 * @category constructors
 * @since 0.3.0
 */
export const empty: RegisterView = { leaderships: {} }

/**
 * Applies one envelope: leadership events update their organization's history; other events are ignored.
 *
 * @category folding
 * @since 0.3.0
 */
export const apply = (view: RegisterView, envelope: Envelope): RegisterView => {
  const orgId = leadershipOrgIdOf(envelope.streamId)
  if (orgId === undefined) return view
  const before = lookup(view.leaderships, orgId) ?? initialState
  const after = evolve(before, envelope.data as LeadershipEvent)
  return after === before ? view : { leaderships: { ...view.leaderships, [orgId]: after } }
}

/**
 * The leadership register projection (current state).
 *
 * @category projections
 * @since 0.3.0
 */
export const projection: Projection.Projection<RegisterView> = Projection.make({
  name: "leadership.register",
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
    name: `leadership.register.asOf.${date}`,
    version: 1,
    initialState: empty,
    apply: (view, envelope) => (legalDateOf(envelope) <= date ? apply(view, envelope) : view)
  })

/**
 * The register as a keyed read model: one row per organization's leadership history, with its state as of every legal date on which it
 * changed, kept in the store (see `ReadModel`).
 *
 * @category read models
 * @since 0.3.0
 */
export const readModel: ReadModel.ReadModel<LeadershipState> = ReadModel.make({
  name: "leadership.register",
  version: 1,
  mode: "inline",
  keyOf: (envelope) => leadershipOrgIdOf(envelope.streamId),
  initial: initialState,
  evolve: (state, envelope) => evolve(state, envelope.data as LeadershipEvent),
  dateOf: legalDateOf
})

/**
 * The register as of a date, from the rows of {@link readModel}.
 *
 * @category read models
 * @since 0.3.0
 */
export const fromTimelines = (
  timelines: ReadonlyMap<string, ReadModel.Timeline<LeadershipState>>,
  date: LegalDate
): RegisterView => ({ leaderships: ReadModel.recordAsOf(readModel, timelines, date) })

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

/**
 * The current term of an organization, or undefined (no history, or the last term ended).
 *
 * @example
 * ```ts
 * import { LeadershipRegister } from "@dangjian/core"
 *
 * LeadershipRegister.current(LeadershipRegister.empty, "v1") // => undefined
 * ```
 *
 * @category queries
 * @since 0.3.0
 */
export const current = (view: RegisterView, orgId: string): TermRecord | undefined => {
  const state = lookup(view.leaderships, orgId)
  return state === undefined ? undefined : currentTerm(state)
}

/**
 * The history of an organization: its terms in order (the current one last).
 *
 * @category queries
 * @since 0.3.0
 */
export const history = (view: RegisterView, orgId: string): ReadonlyArray<TermRecord> =>
  lookup(view.leaderships, orgId)?.terms ?? []

/**
 * A current term ending in a period.
 *
 * @category models
 * @since 0.3.0
 */
export interface TermEnding {
  readonly orgId: string
  readonly termNo: number
  readonly endsOn: LegalDate
}

/**
 * The current terms that end from `from` to `to` (both included), by end date then organization (R95: the
 * year's renewal plan).
 *
 * @category queries
 * @since 0.3.0
 */
export const termsEnding = (view: RegisterView, from: LegalDate, to: LegalDate): ReadonlyArray<TermEnding> =>
  Object.keys(view.leaderships).sort().flatMap((orgId) => {
    const term = currentTerm(view.leaderships[orgId]!)
    if (term === undefined) return []
    const endsOn = termEnd(term)
    return endsOn >= from && endsOn <= to ? [{ orgId, termNo: term.termNo, endsOn }] : []
  }).sort((a, b) => (a.endsOn < b.endsOn ? -1 : a.endsOn > b.endsOn ? 1 : 0))
