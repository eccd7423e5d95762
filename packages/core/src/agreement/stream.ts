/**
 * The agreement stream: `agreement-<agreementId>`.
 *
 * @since 0.1.0
 */

const category = "agreement"

/**
 * The stream of an agreement: `agreement-<agreementId>`.
 *
 * @example
 * ```ts
 * import { Agreement } from "@dangjian/core"
 *
 * Agreement.streamId("pa-1") // => "agreement-pa-1"
 * ```
 *
 * @category stream
 * @since 0.1.0
 */
export const streamId = (agreementId: string): string => `${category}-${agreementId}`

/**
 * The agreement id of an agreement stream id, or undefined for another stream.
 *
 * @category stream
 * @since 0.1.0
 */
export const agreementIdOf = (stream: string): string | undefined =>
  stream.startsWith(`${category}-`) ? stream.slice(category.length + 1) : undefined
