/**
 * The dues stream: `dues-<memberId>`, one dues account (党费账户) per member. The R75 clock belongs to the member,
 * not to an organization (R74), so the account stays the same stream across transfers.
 *
 * @since 0.3.0
 */

const category = "dues"

/**
 * The stream of a member's dues account: `dues-<memberId>`.
 *
 * @example
 * ```ts
 * import { Dues } from "@dangjian/core"
 *
 * Dues.streamId("m-1") // => "dues-m-1"
 * ```
 *
 * @category stream
 * @since 0.3.0
 */
export const streamId = (memberId: string): string => `${category}-${memberId}`

/**
 * The member id of a dues stream id, or undefined for another stream.
 *
 * @category stream
 * @since 0.3.0
 */
export const duesMemberIdOf = (stream: string): string | undefined =>
  stream.startsWith(`${category}-`) ? stream.slice(category.length + 1) : undefined
