/**
 * The organization stream: `organization-<orgId>`.
 *
 * @since 0.1.0
 */

const category = "organization"

/**
 * The stream of an organization: `organization-<orgId>`.
 *
 * @example
 * ```ts
 * import { Organization } from "@dangjian/core"
 *
 * Organization.streamId("village-a") // => "organization-village-a"
 * ```
 *
 * @category stream
 * @since 0.1.0
 */
export const streamId = (orgId: string): string => `${category}-${orgId}`

/**
 * The organization id of an organization stream id, or undefined for another stream.
 *
 * @category stream
 * @since 0.1.0
 */
export const orgIdOf = (stream: string): string | undefined =>
  stream.startsWith(`${category}-`) ? stream.slice(category.length + 1) : undefined
