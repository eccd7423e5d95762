/**
 * The unit check-in register read model: every unit Party organization's community check-in (双报到, R47),
 * folded with the aggregate's own `evolve` from the unit check-in streams, by unit organization id. The
 * compliance view and the findings read it. {@link asOf} builds the same model as of any legal date, by leaving
 * out the events that took effect later. (The dual-registration ledger, `DualRegistration`, lists the same
 * check-ins with the members' as entries with their dates.)
 *
 * @since 0.2.0
 */
import type { Envelope } from "../../kernel/Envelope.ts"
import * as Projection from "../../kernel/Projection.ts"
import * as ReadModel from "../../kernel/ReadModel.ts"
import { lookup } from "../../kernel/records.ts"
import type { LegalDate } from "../../LegalDate.ts"
import { legalDateOf } from "../../organization/projections/OrganizationTree.ts"
import type { UnitCheckInEvent } from "../events.ts"
import type { UnitCheckInState } from "../state.ts"
import { checkedInAt, evolve, initialState } from "../state.ts"
import { unitOrgIdOf } from "../stream.ts"

/**
 * Every unit organization's check-in state, by unit organization id.
 *
 * @category models
 * @since 0.2.0
 */
export interface RegisterView {
  readonly units: Readonly<Record<string, UnitCheckInState>>
}

/**
 * The empty register.
 *
 * @category constructors
 * @since 0.2.0
 */
export const empty: RegisterView = { units: {} }

/**
 * Applies one envelope: events of unit check-in streams update that unit; others are ignored.
 *
 * @category folding
 * @since 0.2.0
 */
export const apply = (view: RegisterView, envelope: Envelope): RegisterView => {
  const unitOrgId = unitOrgIdOf(envelope.streamId)
  if (unitOrgId === undefined) return view
  const before = lookup(view.units, unitOrgId) ?? initialState
  const after = evolve(before, envelope.data as UnitCheckInEvent)
  return after === before ? view : { units: { ...view.units, [unitOrgId]: after } }
}

/**
 * The unit check-in register projection (current state).
 *
 * @category projections
 * @since 0.2.0
 */
export const projection: Projection.Projection<RegisterView> = Projection.make({
  name: "unitCheckIn.register",
  version: 1,
  initialState: empty,
  apply
})

/**
 * The register as of a legal date: events that take effect after `date` are left out.
 *
 * @category projections
 * @since 0.2.0
 */
export const asOf = (date: LegalDate): Projection.Projection<RegisterView> =>
  Projection.make({
    name: `unitCheckIn.register.asOf.${date}`,
    version: 1,
    initialState: empty,
    apply: (view, envelope) => (legalDateOf(envelope) <= date ? apply(view, envelope) : view)
  })

/**
 * The register of unit check-ins as a keyed read model: one row per unit organization with its state as of every legal date on which it
 * changed, kept in the store (see `ReadModel`).
 *
 * @category read models
 * @since 0.3.0
 */
export const readModel: ReadModel.ReadModel<UnitCheckInState> = ReadModel.make({
  name: "unitCheckIn.register",
  version: 1,
  mode: "inline",
  keyOf: (envelope) => unitOrgIdOf(envelope.streamId),
  initial: initialState,
  evolve: (state, envelope) => evolve(state, envelope.data as UnitCheckInEvent),
  dateOf: legalDateOf
})

/**
 * The register as of a date, from the rows of {@link readModel}.
 *
 * @category read models
 * @since 0.3.0
 */
export const fromTimelines = (
  timelines: ReadonlyMap<string, ReadModel.Timeline<UnitCheckInState>>,
  date: LegalDate
): RegisterView => ({ units: ReadModel.recordAsOf(readModel, timelines, date) })

/**
 * The unit organizations checked in at a community now, sorted by unit organization id.
 *
 * @category queries
 * @since 0.2.0
 */
export const checkedInAtCommunity = (view: RegisterView, communityOrgId: string): ReadonlyArray<UnitCheckInState> =>
  Object.keys(view.units).sort().flatMap((unitOrgId) => {
    const state = view.units[unitOrgId]!
    return checkedInAt(state) === communityOrgId ? [state] : []
  })
