/**
 * The shape shared by registers of an aggregate kept per organization (points, roles): the aggregate's streams by
 * the id of the organization keeping them, folded with the aggregate's own `evolve`, beside every Party
 * organization's state, folded with the organization's. One definition gives the register's `empty`, `apply`,
 * projections (current and as of a date), keyed read model and view from read-model rows; each register module
 * exports them under its own documentation and adds its queries.
 *
 * @since 0.3.0
 */
import type { Envelope } from "../../kernel/Envelope.ts"
import * as Projection from "../../kernel/Projection.ts"
import * as ReadModel from "../../kernel/ReadModel.ts"
import { lookup } from "../../kernel/records.ts"
import type { LegalDate } from "../../LegalDate.ts"
import type { OrganizationEvent } from "../events.ts"
import type { OrganizationState } from "../state.ts"
import { evolve as organizationEvolve, initialState as organizationInitial } from "../state.ts"
import { orgIdOf } from "../stream.ts"
import { legalDateOf } from "./OrganizationTree.ts"

/** A register's view: the kept states under `field`, by keeping organization id, and the organizations by id. */
export type KeptView<Field extends string, S> =
  & { readonly [K in Field]: Readonly<Record<string, S>> }
  & { readonly orgs: Readonly<Record<string, OrganizationState>> }

/** What a register of an aggregate kept per organization is made of. */
export interface KeptByOrganization<Field extends string, S> {
  readonly empty: KeptView<Field, S>
  readonly apply: (view: KeptView<Field, S>, envelope: Envelope) => KeptView<Field, S>
  readonly projection: Projection.Projection<KeptView<Field, S>>
  readonly asOf: (date: LegalDate) => Projection.Projection<KeptView<Field, S>>
  readonly readModel: ReadModel.ReadModel<S>
  readonly fromTimelines: (
    timelines: ReadonlyMap<string, ReadModel.Timeline<S>>,
    orgs: Readonly<Record<string, OrganizationState>>,
    date: LegalDate
  ) => KeptView<Field, S>
}

/** Defines a register of an aggregate kept per organization; `name` names its projections and read model. */
export const keptByOrganization = <Field extends string, S, E>(options: {
  readonly name: string
  readonly field: Field
  /** The keeping organization's id of one of the aggregate's streams, `undefined` for any other stream. */
  readonly keeperOf: (streamId: string) => string | undefined
  readonly initial: S
  readonly evolve: (state: S, event: E) => S
}): KeptByOrganization<Field, S> => {
  const { evolve, field, initial, keeperOf, name } = options
  type View = KeptView<Field, S>
  const kept = (view: View): Readonly<Record<string, S>> => (view as Record<Field, Readonly<Record<string, S>>>)[field]
  const orgsOf = (view: View): Readonly<Record<string, OrganizationState>> =>
    (view as { readonly orgs: Readonly<Record<string, OrganizationState>> }).orgs
  // The kept states first, then the organizations, in every view (as the registers always built them).
  const viewOf = (states: Readonly<Record<string, S>>, orgs: Readonly<Record<string, OrganizationState>>): View =>
    ({ [field]: states, orgs }) as View
  const empty = viewOf({}, {})
  const apply = (view: View, envelope: Envelope): View => {
    const keeper = keeperOf(envelope.streamId)
    if (keeper !== undefined) {
      const before = lookup(kept(view), keeper) ?? initial
      const after = evolve(before, envelope.data as E)
      return after === before ? view : viewOf({ ...kept(view), [keeper]: after }, orgsOf(view))
    }
    const orgId = orgIdOf(envelope.streamId)
    if (orgId === undefined) return view
    const orgs = orgsOf(view)
    const before = lookup(orgs, orgId) ?? organizationInitial
    const after = organizationEvolve(before, envelope.data as OrganizationEvent)
    return after === before ? view : viewOf(kept(view), { ...orgs, [orgId]: after })
  }
  const readModel = ReadModel.make<S>({
    name,
    version: 1,
    mode: "inline",
    keyOf: (envelope) => keeperOf(envelope.streamId),
    initial,
    evolve: (state, envelope) => evolve(state, envelope.data as E),
    dateOf: legalDateOf
  })
  return {
    empty,
    apply,
    projection: Projection.make({ name, version: 1, initialState: empty, apply }),
    asOf: (date) =>
      Projection.make({
        name: `${name}.asOf.${date}`,
        version: 1,
        initialState: empty,
        apply: (view, envelope) => (legalDateOf(envelope) <= date ? apply(view, envelope) : view)
      }),
    readModel,
    fromTimelines: (timelines, orgs, date) => viewOf(ReadModel.recordAsOf(readModel, timelines, date), orgs)
  }
}
