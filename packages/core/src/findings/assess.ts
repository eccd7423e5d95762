/**
 * The compliance assessment of organizations: `assess(state or tree, policies, asOf)` is pure and returns
 * the findings (rule id, severity, subject, due date, message code and params) of every active organization
 * as of a legal date, judged by the policy in force on that date. Term ends were fixed by the rules in force
 * when each term began (C1, C13), so a replayed history keeps the rules of its time.
 *
 * Over a tree the assessment sees each organization's subtree counts (a general branch's or committee's
 * 党员人数 lives in its branches), and with a list of units it also reports coverage gaps (R1, R2, R10).
 *
 * @since 0.1.0
 */
import { lookup } from "../kernel/records.ts"
import type { LegalDate } from "../LegalDate.ts"
import type { Policies } from "../organization/decide.ts"
import { toTimeline } from "../organization/decide.ts"
import * as OrganizationTree from "../organization/projections/OrganizationTree.ts"
import type { OrganizationState } from "../organization/state.ts"
import type { Counts, GovernancePolicy } from "../policy/GovernancePolicy.ts"
import { reachedBy } from "../policy/GovernancePolicy.ts"
import { policyAt } from "../policy/PolicyTimeline.ts"
import type { Finding } from "./Finding.ts"
import { sort } from "./Finding.ts"
import { leadershipFindings } from "./leadership.ts"
import { setupFindings } from "./setup.ts"

/**
 * A grassroots unit (village, community, enterprise, project…) as a registry knows it: its full members and
 * the organization that covers it, if any.
 *
 * @category models
 * @since 0.1.0
 */
export interface Unit {
  readonly unitId: string
  readonly fullCount: number
  /** The organization set up in or for this unit. */
  readonly coveredBy?: string
  /** For an engineering or work project: how many months it lasts (R10). */
  readonly projectMonths?: number
}

/**
 * @category models
 * @since 0.1.0
 */
export interface AssessOptions {
  /** Units to check for coverage gaps. */
  readonly units?: ReadonlyArray<Unit>
}

/**
 * The findings of one organization under one policy. `subtree` are its counts with its sub-organizations
 * (defaults to its own roster).
 *
 * @category assessing
 * @since 0.1.0
 */
export const assessOrganization = (
  state: OrganizationState,
  policy: GovernancePolicy,
  asOf: LegalDate,
  subtree?: Counts
): ReadonlyArray<Finding> =>
  sort([...setupFindings(state, policy, asOf, subtree), ...leadershipFindings(state, policy, asOf)])

const isTree = (input: OrganizationState | OrganizationTree.TreeView): input is OrganizationTree.TreeView =>
  "orgs" in input

/**
 * R1 / R2 / R10: units with no active organization: FM ≥ 3 should set up a branch (a project lasting 6
 * months or more too); FM below that joins a joint branch.
 *
 * @category assessing
 * @since 0.1.0
 */
export const assessCoverage = (
  units: ReadonlyArray<Unit>,
  view: OrganizationTree.TreeView,
  policy: GovernancePolicy
): ReadonlyArray<Finding> => {
  const jointlyCovered = new Set<string>()
  for (const state of OrganizationTree.active(view)) {
    for (const unitId of Object.keys(state.coveredUnits)) jointlyCovered.add(unitId)
  }
  const out: Array<Finding> = []
  for (const unit of units) {
    const coveredBy = unit.coveredBy === undefined ? undefined : lookup(view.orgs, unit.coveredBy)
    if (coveredBy?.status === "active" || jointlyCovered.has(unit.unitId)) continue
    const subject = { kind: "unit" as const, id: unit.unitId }
    const counts = { full: unit.fullCount, all: unit.fullCount }
    if (reachedBy(policy.branchMinFull, counts)) {
      const project = unit.projectMonths !== undefined && unit.projectMonths >= policy.projectBranchMinMonths
      out.push({
        // R10 REC: a project of 6 months or more meeting the conditions sets up a branch; R1 REC: any unit with FM ≥ 3
        ruleId: project ? "R10" : "R1",
        severity: "warning",
        subject,
        code: project ? "organization.finding.projectBranchDue" : "organization.finding.coverageGap",
        params: { unitId: unit.unitId, full: unit.fullCount, required: policy.branchMinFull.value }
      })
    } else if (unit.fullCount > 0) {
      // R2 REC: a unit with FM < 3 joins a joint branch
      out.push({
        ruleId: "R2",
        severity: "notice",
        subject,
        code: "organization.finding.jointBranchSuggested",
        params: { unitId: unit.unitId, full: unit.fullCount, required: policy.branchMinFull.value }
      })
    }
  }
  return out
}

/**
 * The findings of an organization, or of every active organization of a tree (with coverage gaps when units
 * are given), as of a legal date and under the policy in force on it. Pure; sorted with `Finding.sort`.
 *
 * @example
 * ```ts
 * import { Assessment, GovernancePolicy, OrganizationTree } from "@dangjian/core"
 *
 * Assessment.assess(OrganizationTree.empty, GovernancePolicy.national, "2024-06-30") // => []
 * ```
 *
 * @category assessing
 * @since 0.1.0
 */
export const assess = (
  input: OrganizationState | OrganizationTree.TreeView,
  policies: Policies,
  asOf: LegalDate,
  options?: AssessOptions
): ReadonlyArray<Finding> => {
  const policy = policyAt(toTimeline(policies), asOf)
  if (!isTree(input)) return assessOrganization(input, policy, asOf)
  const out: Array<Finding> = []
  for (const state of OrganizationTree.active(input)) {
    out.push(
      ...setupFindings(
        state,
        policy,
        asOf,
        OrganizationTree.subtreeCounts(input, state.orgId),
        state.parentId === undefined ? undefined : lookup(input.orgs, state.parentId)?.kind
      ),
      ...leadershipFindings(state, policy, asOf)
    )
  }
  if (options?.units !== undefined) out.push(...assessCoverage(options.units, input, policy))
  return sort(out)
}
