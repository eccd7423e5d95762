/**
 * The organization aggregate (组织设置): one stream per Party organization, `organization-<orgId>`.
 *
 * The stream holds the organization's establishment (kind, formation mode, parent, locus, approval), its
 * changes (upgrade, downgrade, move, split, merge, dissolution, village-to-community conversion), its
 * sub-organizations, its **roster** (members joining and leaving with their status, so that decisions know
 * the full (FM) and all (AM) member counts exactly), its leadership, elections and terms, and its party groups
 * and hub households.
 *
 * - Single-stream commands are decided by {@link decide} (the kernel `Decider` is {@link decider}), each judged
 *   by the policy in force on its legal date.
 * - Tree commands (establish, upgrade, downgrade, move, split, merge, dissolve) need the state of the
 *   organization's parent and sometimes of its children or of a merge target: they are decided over all
 *   those streams at once with {@link decideTree}. {@link route} and {@link treeRoute} give both kinds to the
 *   kernel's command loop (`CommandHandler.run`: one atomic append with an exact expected version per stream).
 * - The membership pillar appends the roster events together with its member-stream events, deciding them
 *   with {@link decideRosterAdd}, {@link decideRosterRemove} and {@link decideRosterStatus}.
 * - The tree read model is `OrganizationTree` (in `projections/`); the findings as of a date (set-up,
 *   leadership and terms, coverage of units) are {@link assess}. The organization is judged by the whole
 *   `GovernancePolicy` (its own namespace).
 *
 * Rules enforced here: R1, R2, R4–R9, R11–R17, R19–R27, R38, R48, R55 (RULES.md); see the comments on each
 * check.
 *
 * @since 0.1.0
 */

export * from "./commands.ts"
export * from "./decide.ts"
export * from "./events.ts"
export * from "./findings.ts"
export * from "./model.ts"
export * from "./roster.ts"
export * from "./route.ts"
export * from "./state.ts"
export { orgIdOf, streamId } from "./stream.ts"
export * from "./tree.ts"
