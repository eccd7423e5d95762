/**
 * The appraisal stream: `appraisal-<year>-<orgId>`, one per organization and appraised year. The stream is the
 * consistency boundary of R62's "at most one result per member, per organization, per year": every grade,
 * correction and disposal of that year's appraisal is decided on it.
 *
 * @since 0.3.0
 */

const category = "appraisal"

/**
 * The id of an organization's appraisal of a year, `<year>-<orgId>` (the year has four digits, so the id
 * reads back unambiguously whatever the organization id holds).
 *
 * @category stream
 * @since 0.3.0
 */
export const appraisalId = (orgId: string, year: number): string => `${String(year).padStart(4, "0")}-${orgId}`

/**
 * The stream of an organization's appraisal of a year: `appraisal-<year>-<orgId>`.
 *
 * @example
 * ```ts
 * import { Appraisal } from "@dangjian/core"
 *
 * Appraisal.streamId("v1", 2024) // => "appraisal-2024-v1"
 * ```
 *
 * @category stream
 * @since 0.3.0
 */
export const streamId = (orgId: string, year: number): string => `${category}-${appraisalId(orgId, year)}`

/**
 * The appraisal id (`<year>-<orgId>`) of an appraisal stream id, or undefined for another stream.
 *
 * @category stream
 * @since 0.3.0
 */
export const appraisalIdOf = (stream: string): string | undefined =>
  stream.startsWith(`${category}-`) ? stream.slice(category.length + 1) : undefined
