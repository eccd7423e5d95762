/**
 * The points-and-duty-posts aggregate (党员积分制, 设岗定责, R52, R53): one stream per organization,
 * `points-<orgId>`. The organization defines its points scheme as data (a base score, addition and deduction
 * items, monthly or quarterly publication, the thresholds that raise notices), records points for its
 * members, revokes entries before publication and publishes each period's results; it sets up duty posts
 * with their responsibility areas by party group and assigns its members to them.
 *
 * - Points and posts are one consistency boundary: both are the organization's own register of what its
 *   members do (S003 ties the posts to the points), decided together on one stream. Commands read the
 *   organization's stream and (an entry, a post) the member's, which take part in the atomic append and get
 *   no events: {@link route} gives them to the kernel's command loop, and `Dangjian.execute` runs it.
 * - R52 HARD: no points result changes a member's status. Low scores are notices for the procedures of R37,
 *   R39 and R63 ({@link assess}); the ledger and the ranking are query functions of `PointsRegister`.
 * - Policy: `GovernancePolicy.points` (`PointsPolicy`, re-exported here).
 *
 * Rules enforced here: R52, R53. The message catalog (`points.*`) is part of `Messages`.
 *
 * @since 0.3.0
 */

export * from "../policy/PointsPolicy.ts"
export * from "./commands.ts"
export * from "./decide.ts"
export * from "./events.ts"
export * from "./findings.ts"
export * from "./model.ts"
export * from "./route.ts"
export * from "./state.ts"
export { pointsOrgIdOf, streamId } from "./stream.ts"
