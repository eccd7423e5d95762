/**
 * The roles aggregate: first secretaries (第一书记, R57) sent to villages and communities, Party-building
 * instructors (党建工作指导员, R54) sent to units without members, and the staffing of resettlement sites
 * (R56, data only). One stream per organization that sends and keeps the roles (usually a township or
 * subdistrict committee), `roles-<orgId>`.
 *
 * - The stream is the consistency boundary of "one first secretary of a village at a time" and of the units
 *   an instructor covers (they must be on the keeper's register). Commands read the keeping organization's
 *   stream and (a first secretary) the village's, which take part in the atomic append and get no events:
 *   {@link route} gives them to the kernel's command loop, and `Dangjian.execute` runs it.
 * - A role is not an office on a roster: no roles command changes an organization or a member.
 * - Findings ({@link assess}): terms lapsed or ending, full coverage when the policy asks for it, units without
 *   an instructor. Read model: `RolesRegister`. Policy: `GovernancePolicy.roles` (`RolesPolicy`, re-exported).
 *
 * Rules enforced here: R54, R56, R57. The message catalog (`roles.*`) is part of `Messages`.
 *
 * @since 0.3.0
 */

export * from "../policy/RolesPolicy.ts"
export * from "./commands.ts"
export * from "./decide.ts"
export * from "./events.ts"
export * from "./findings.ts"
export * from "./model.ts"
export * from "./route.ts"
export * from "./state.ts"
export { rolesOrgIdOf, streamId } from "./stream.ts"
