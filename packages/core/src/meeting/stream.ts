/**
 * The meeting stream: `meeting-<meetingId>`, one stream per meeting, lecture, themed Party day, org-life meeting,
 * appraisal meeting or heart-to-heart talk, from its plan to its record and corrections.
 *
 * @since 0.3.0
 */

const category = "meeting"

/**
 * The stream of a meeting: `meeting-<meetingId>`.
 *
 * @example
 * ```ts
 * import { Meeting } from "@dangjian/core"
 *
 * Meeting.streamId("v1-2024-03") // => "meeting-v1-2024-03"
 * ```
 *
 * @category stream
 * @since 0.3.0
 */
export const streamId = (meetingId: string): string => `${category}-${meetingId}`

/**
 * The meeting id of a meeting stream id, or undefined for another stream.
 *
 * @category stream
 * @since 0.3.0
 */
export const meetingIdOf = (stream: string): string | undefined =>
  stream.startsWith(`${category}-`) ? stream.slice(category.length + 1) : undefined
