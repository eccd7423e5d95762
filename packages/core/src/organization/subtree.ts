/**
 * Member counts over a set of organizations: an organization and everything below it. The tree decisions
 * (`tree.ts`, an upgrade counts the branches of the organization it upgrades) and the tree read model
 * (`projections/OrganizationTree.ts`) both need them; a decision imports no read model, so the count lives
 * here, below both.
 *
 * @since 0.1.0
 */
import { lookup } from "../kernel/records.ts"
import type { Counts } from "../policy/GovernancePolicy.ts"
import type { OrganizationState } from "./state.ts"

/**
 * Full and all members of an organization and everything below it (a village's 党员人数 when its members sit
 * in the branches of its general branch or committee).
 *
 * @category queries
 * @since 0.1.0
 */
export const subtreeCounts = (
  view: { readonly orgs: Readonly<Record<string, OrganizationState>> },
  orgId: string
): Counts => {
  let full = 0
  let all = 0
  const seen = new Set<string>()
  const stack = [orgId]
  while (stack.length > 0) {
    const id = stack.pop()!
    if (seen.has(id)) continue
    seen.add(id)
    const state = lookup(view.orgs, id)
    if (state === undefined || state.status !== "active") continue
    full += state.full
    all += state.full + state.probationary
    stack.push(...Object.keys(state.children))
  }
  return { full, all }
}
