/**
 * The leadership-history stream: `leadership-<orgId>`, one per Party organization, holding its term records
 * (届次), ballots, approvals and renewal steps (RULES.md §L). The organization's own stream is never written by
 * this aggregate: it keeps the live roster and leadership; this one keeps the history.
 *
 * @since 0.3.0
 */

const category = "leadership"

/**
 * The stream of an organization's leadership history: `leadership-<orgId>`.
 *
 * @example
 * ```ts
 * import { Leadership } from "@dangjian/core"
 *
 * Leadership.streamId("village-a") // => "leadership-village-a"
 * ```
 *
 * @category stream
 * @since 0.3.0
 */
export const streamId = (orgId: string): string => `${category}-${orgId}`

/**
 * The organization id of a leadership stream id, or undefined for another stream.
 *
 * @category stream
 * @since 0.3.0
 */
export const leadershipOrgIdOf = (stream: string): string | undefined =>
  stream.startsWith(`${category}-`) ? stream.slice(category.length + 1) : undefined
