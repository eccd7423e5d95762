/**
 * The member stream: `member-<memberId>`.
 *
 * One stream per member: everything that decides a member's standing and affiliation is on it, so its own
 * version guards every change of affiliation; the organization streams hold the roster events that the
 * member commands append in the same atomic append.
 *
 * @since 0.1.0
 */

const category = "member"

/**
 * The stream of a member: `member-<memberId>`.
 *
 * @example
 * ```ts
 * import { Member } from "@dangjian/core"
 *
 * Member.streamId("m-1") // => "member-m-1"
 * ```
 *
 * @category stream
 * @since 0.1.0
 */
export const streamId = (memberId: string): string => `${category}-${memberId}`

/**
 * The member id of a member stream id, or undefined for another stream.
 *
 * @category stream
 * @since 0.1.0
 */
export const memberIdOf = (stream: string): string | undefined =>
  stream.startsWith(`${category}-`) ? stream.slice(category.length + 1) : undefined
