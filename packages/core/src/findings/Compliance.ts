/**
 * The compliance view as of any legal date, across the three pillars: the organization tree, every member's
 * state and the units' community check-ins, and the agreement register, each built from the events that took
 * effect on or before that date; and their findings under the policy in force on it. The view is a kernel
 * `Projection`, so it can be replayed from the log, caught up or rebuilt like any other read model.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import * as Agreement from "../agreement/findings.ts"
import * as AgreementRegister from "../agreement/projections/AgreementRegister.ts"
import type { Envelope } from "../kernel/Envelope.ts"
import type { ReadError } from "../kernel/errors.ts"
import type { EventStore } from "../kernel/EventStore.ts"
import * as Projection from "../kernel/Projection.ts"
import { lookup } from "../kernel/records.ts"
import type { LegalDate } from "../LegalDate.ts"
import type { UnitCheckInEvent } from "../member/events.ts"
import { assessMembers } from "../member/findings.ts"
import * as MemberRoster from "../member/projections/Roster.ts"
import { unitOrgIdOf } from "../member/stream.ts"
import type { UnitCheckInState } from "../member/unitCheckIn.ts"
import { unitEvolve, unitInitialState } from "../member/unitCheckIn.ts"
import type { Policies } from "../organization/decide.ts"
import * as OrganizationTree from "../organization/projections/OrganizationTree.ts"
import type { AssessOptions } from "./assess.ts"
import { assess } from "./assess.ts"
import type { Finding } from "./Finding.ts"
import { sort } from "./Finding.ts"

/**
 * Everything the findings look at, as of a date.
 *
 * @category models
 * @since 0.1.0
 */
export interface ComplianceView {
  readonly asOf: LegalDate
  readonly tree: OrganizationTree.TreeView
  readonly members: MemberRoster.RosterView
  /** Unit Party organizations' community check-ins (R47), by unit organization id. */
  readonly units: Readonly<Record<string, UnitCheckInState>>
  readonly agreements: AgreementRegister.RegisterView
}

/**
 * @category constructors
 * @since 0.1.0
 */
export const empty = (asOf: LegalDate): ComplianceView => ({
  asOf,
  tree: OrganizationTree.empty,
  members: MemberRoster.empty,
  units: {},
  agreements: AgreementRegister.empty
})

/**
 * The compliance projection as of a legal date.
 *
 * @category projections
 * @since 0.1.0
 */
export const projection = (asOf: LegalDate): Projection.Projection<ComplianceView> => {
  const tree = OrganizationTree.asOf(asOf)
  const members = MemberRoster.asOf(asOf)
  const agreements = AgreementRegister.asOf(asOf)
  const applyUnit = (units: ComplianceView["units"], envelope: Envelope): ComplianceView["units"] => {
    const unitOrgId = unitOrgIdOf(envelope.streamId)
    if (unitOrgId === undefined || OrganizationTree.legalDateOf(envelope) > asOf) return units
    const before = lookup(units, unitOrgId) ?? unitInitialState
    const after = unitEvolve(before, envelope.data as UnitCheckInEvent)
    return after === before ? units : { ...units, [unitOrgId]: after }
  }
  const combine = (
    view: ComplianceView,
    next: Omit<ComplianceView, "asOf">
  ): ComplianceView =>
    next.tree === view.tree && next.members === view.members && next.agreements === view.agreements
      && next.units === view.units
      ? view
      : { asOf, ...next }
  return Projection.make({
    name: `compliance.asOf.${asOf}`,
    version: 2,
    initialState: empty(asOf),
    apply: (view, envelope) =>
      combine(view, {
        tree: tree.apply(view.tree, envelope),
        members: members.apply(view.members, envelope),
        units: applyUnit(view.units, envelope),
        agreements: agreements.apply(view.agreements, envelope)
      }),
    // Each part folds the batch its own way (the members' record is copied once per batch, not per event).
    applyBatch: (view, envelopes) => {
      let units = view.units
      for (const envelope of envelopes) units = applyUnit(units, envelope)
      return combine(view, {
        tree: Projection.foldEnvelopes(tree, view.tree, envelopes),
        members: Projection.foldEnvelopes(members, view.members, envelopes),
        units,
        agreements: Projection.foldEnvelopes(agreements, view.agreements, envelopes)
      })
    }
  })
}

/**
 * The findings of a compliance view, under the policy in force on its date: organization setup and
 * leadership, membership (lapse, transfers, mobile members, check-ins) and agreements, sorted by due date.
 *
 * @category assessing
 * @since 0.1.0
 */
export const findings = (
  view: ComplianceView,
  policies: Policies,
  options?: AssessOptions
): ReadonlyArray<Finding> =>
  sort([
    ...assess(view.tree, policies, view.asOf, options),
    ...assessMembers(Object.values(view.members.members), policies, view.asOf, {
      orgs: view.tree.orgs,
      units: Object.values(view.units)
    }),
    ...Agreement.assess(view.agreements, policies, view.asOf)
  ])

/**
 * Replays the log into the compliance view as of a date and assesses it.
 *
 * @category running
 * @since 0.1.0
 */
export const report = (
  policies: Policies,
  asOf: LegalDate,
  options?: AssessOptions
): Effect.Effect<
  { readonly view: ComplianceView; readonly findings: ReadonlyArray<Finding> },
  ReadError,
  EventStore
> =>
  Effect.map(Projection.replay(projection(asOf)), ({ state }) => ({
    view: state,
    findings: findings(state, policies, options)
  }))
