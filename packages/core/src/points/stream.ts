/**
 * The points stream: `points-<orgId>`, one per organization. It holds the organization's points scheme, the
 * points recorded for its members, the periods published, and its duty posts (设岗定责) with their holders:
 * everything the organization decides about its members' points and posts, and nothing about their status.
 *
 * @since 0.3.0
 */

const category = "points"

/**
 * The points stream of an organization: `points-<orgId>`.
 *
 * @example
 * ```ts
 * import { Points } from "@dangjian/core"
 *
 * Points.streamId("v1") // => "points-v1"
 * ```
 *
 * @category stream
 * @since 0.3.0
 */
export const streamId = (orgId: string): string => `${category}-${orgId}`

/**
 * The organization id of a points stream id, or undefined for another stream.
 *
 * @category stream
 * @since 0.3.0
 */
export const pointsOrgIdOf = (stream: string): string | undefined =>
  stream.startsWith(`${category}-`) ? stream.slice(category.length + 1) : undefined
