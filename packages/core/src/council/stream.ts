/**
 * The council stream: `council-<councilId>`.
 *
 * @since 0.2.0
 */

const category = "council"

/**
 * The stream of a coordination council: `council-<councilId>`.
 *
 * @example
 * ```ts
 * import { Council } from "@dangjian/core"
 *
 * Council.streamId("jm-1") // => "council-jm-1"
 * ```
 *
 * @category stream
 * @since 0.2.0
 */
export const streamId = (councilId: string): string => `${category}-${councilId}`

/**
 * The council id of a council stream id, or undefined for another stream.
 *
 * @category stream
 * @since 0.1.0
 */
export const councilIdOf = (stream: string): string | undefined =>
  stream.startsWith(`${category}-`) ? stream.slice(category.length + 1) : undefined
