/**
 * The compliance view as of any legal date: the organization tree built from the events that took effect on
 * or before that date, and its findings under the policy in force on it. The view is a kernel `Projection`,
 * so it can be replayed from the log, caught up or rebuilt like any other read model.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import type { ReadError } from "../kernel/errors.ts"
import type { EventStore } from "../kernel/EventStore.ts"
import * as Projection from "../kernel/Projection.ts"
import type { LegalDate } from "../LegalDate.ts"
import type { Policies } from "../organization/decide.ts"
import * as OrganizationTree from "../organization/projections/OrganizationTree.ts"
import type { AssessOptions } from "./assess.ts"
import { assess } from "./assess.ts"
import type { Finding } from "./Finding.ts"

/**
 * The tree as of a date.
 *
 * @category models
 * @since 0.1.0
 */
export interface ComplianceView {
  readonly asOf: LegalDate
  readonly tree: OrganizationTree.TreeView
}

/**
 * The compliance projection as of a legal date.
 *
 * @category projections
 * @since 0.1.0
 */
export const projection = (asOf: LegalDate): Projection.Projection<ComplianceView> => {
  const tree = OrganizationTree.asOf(asOf)
  return Projection.make({
    name: `organization.compliance.asOf.${asOf}`,
    version: 1,
    initialState: { asOf, tree: OrganizationTree.empty },
    apply: (view, envelope) => {
      const next = tree.apply(view.tree, envelope)
      return next === view.tree ? view : { asOf, tree: next }
    }
  })
}

/**
 * The findings of a compliance view, under the policy in force on its date.
 *
 * @category assessing
 * @since 0.1.0
 */
export const findings = (
  view: ComplianceView,
  policies: Policies,
  options?: AssessOptions
): ReadonlyArray<Finding> => assess(view.tree, policies, view.asOf, options)

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
