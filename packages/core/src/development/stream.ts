/**
 * The development stream: `development-<applicantId>`, one per person in the development pipeline (发展党员).
 *
 * A candidate is not a member (RULES.md §K): the record is its own stream, keyed by the person, and counts in
 * no organization's figures until the approval hands over to the member stream (R88). The applicant id is the
 * member id the approval admits, so `development-p1` becomes `member-p1`.
 *
 * @since 0.3.0
 */

const category = "development"

/**
 * The stream of a development record: `development-<applicantId>`.
 *
 * @example
 * ```ts
 * import { Development } from "@dangjian/core"
 *
 * Development.streamId("p-1") // => "development-p-1"
 * ```
 *
 * @category stream
 * @since 0.3.0
 */
export const streamId = (applicantId: string): string => `${category}-${applicantId}`

/**
 * The applicant id of a development stream id, or undefined for another stream.
 *
 * @category stream
 * @since 0.3.0
 */
export const applicantIdOf = (stream: string): string | undefined =>
  stream.startsWith(`${category}-`) ? stream.slice(category.length + 1) : undefined
