/**
 * The roles stream: `roles-<orgId>`, one per organization that sends and keeps the roles: usually a township
 * or subdistrict committee. It holds the first secretaries it appointed to its villages and communities
 * (R57), the units without members in its area with the Party-building instructors sent to them (R54), and
 * the staffing of its resettlement sites (R56).
 *
 * @since 0.3.0
 */

const category = "roles"

/**
 * The roles stream of an organization: `roles-<orgId>`.
 *
 * @example
 * ```ts
 * import { Roles } from "@dangjian/core"
 *
 * Roles.streamId("town") // => "roles-town"
 * ```
 *
 * @category stream
 * @since 0.3.0
 */
export const streamId = (orgId: string): string => `${category}-${orgId}`

/**
 * The organization id of a roles stream id, or undefined for another stream.
 *
 * @category stream
 * @since 0.3.0
 */
export const rolesOrgIdOf = (stream: string): string | undefined =>
  stream.startsWith(`${category}-`) ? stream.slice(category.length + 1) : undefined
