/**
 * The compliance view as of any legal date, across every aggregate: the organization tree, every member's
 * state, the unit organizations' community check-ins, the agreement register and the council register, each
 * built from the events that took effect on or before that date; and their findings under the policy in force
 * on it. The view is a kernel `Projection`, so it can be replayed from the log, caught up or rebuilt like any
 * other read model.
 *
 * This is the one cross-pillar module of the findings: each aggregate judges its own read model in its own
 * `findings.ts`, and this view joins them into one list.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import * as Agreement from "../agreement/findings.ts"
import * as AgreementRegister from "../agreement/projections/AgreementRegister.ts"
import * as Council from "../council/findings.ts"
import * as CouncilRegister from "../council/projections/CouncilRegister.ts"
import type { ReadError } from "../kernel/errors.ts"
import type { EventStore } from "../kernel/EventStore.ts"
import * as Projection from "../kernel/Projection.ts"
import type { LegalDate } from "../LegalDate.ts"
import { assessMembers } from "../member/findings.ts"
import * as MemberRoster from "../member/projections/Roster.ts"
import type { Policies } from "../organization/decide.ts"
import type { AssessOptions } from "../organization/findings.ts"
import { assess } from "../organization/findings.ts"
import * as OrganizationTree from "../organization/projections/OrganizationTree.ts"
import * as UnitCheckIn from "../unitCheckIn/findings.ts"
import * as UnitCheckInRegister from "../unitCheckIn/projections/UnitCheckInRegister.ts"
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
  /** Unit Party organizations' community check-ins (R47). */
  readonly unitCheckIns: UnitCheckInRegister.RegisterView
  readonly agreements: AgreementRegister.RegisterView
  /** Coordination councils (R51). */
  readonly councils: CouncilRegister.RegisterView
}

/**
 * @category constructors
 * @since 0.1.0
 */
export const empty = (asOf: LegalDate): ComplianceView => ({
  asOf,
  tree: OrganizationTree.empty,
  members: MemberRoster.empty,
  unitCheckIns: UnitCheckInRegister.empty,
  agreements: AgreementRegister.empty,
  councils: CouncilRegister.empty
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
  const unitCheckIns = UnitCheckInRegister.asOf(asOf)
  const agreements = AgreementRegister.asOf(asOf)
  const councils = CouncilRegister.asOf(asOf)
  const combine = (view: ComplianceView, next: Omit<ComplianceView, "asOf">): ComplianceView =>
    next.tree === view.tree && next.members === view.members && next.unitCheckIns === view.unitCheckIns
      && next.agreements === view.agreements && next.councils === view.councils
      ? view
      : { asOf, ...next }
  return Projection.make({
    name: `compliance.asOf.${asOf}`,
    // 3: the unit check-ins became a register of their own, and the councils joined the view.
    version: 3,
    initialState: empty(asOf),
    apply: (view, envelope) =>
      combine(view, {
        tree: tree.apply(view.tree, envelope),
        members: members.apply(view.members, envelope),
        unitCheckIns: unitCheckIns.apply(view.unitCheckIns, envelope),
        agreements: agreements.apply(view.agreements, envelope),
        councils: councils.apply(view.councils, envelope)
      }),
    // Each part folds the batch its own way (the members' record is copied once per batch, not per event).
    applyBatch: (view, envelopes) =>
      combine(view, {
        tree: Projection.foldEnvelopes(tree, view.tree, envelopes),
        members: Projection.foldEnvelopes(members, view.members, envelopes),
        unitCheckIns: Projection.foldEnvelopes(unitCheckIns, view.unitCheckIns, envelopes),
        agreements: Projection.foldEnvelopes(agreements, view.agreements, envelopes),
        councils: Projection.foldEnvelopes(councils, view.councils, envelopes)
      })
  })
}

/**
 * The findings of a compliance view, under the policy in force on its date: every aggregate's (organization
 * set-up and leadership, membership, unit check-ins, agreements, councils), sorted by due date.
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
    ...assessMembers(Object.values(view.members.members), policies, view.asOf, { orgs: view.tree.orgs }),
    ...UnitCheckIn.assess(view.unitCheckIns, policies, view.asOf),
    ...Agreement.assess(view.agreements, policies, view.asOf),
    ...Council.assess(view.councils, policies, view.asOf)
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
