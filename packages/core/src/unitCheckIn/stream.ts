/**
 * The unit check-in stream: `unitcheckin-<unitOrgId>`, one per unit Party organization.
 *
 * The category is one lowercase word without a dash, like every other category, so that
 * `Envelope.categoryOf` (the text before the first `-`) names it: `unitcheckin`. Versions before 0.2.0 wrote
 * these streams as `unit-checkin-<unitOrgId>`, whose category reads as `unit`; this version neither reads nor
 * writes those ids (see the 0.2.0 changeset).
 *
 * @since 0.2.0
 */

const category = "unitcheckin"

/**
 * The check-in stream of a unit's Party organization: `unitcheckin-<unitOrgId>`.
 *
 * @example
 * ```ts
 * import { UnitCheckIn } from "@dangjian/core"
 *
 * UnitCheckIn.streamId("ent-1") // => "unitcheckin-ent-1"
 * ```
 *
 * @category stream
 * @since 0.2.0
 */
export const streamId = (unitOrgId: string): string => `${category}-${unitOrgId}`

/**
 * The unit organization id of a unit check-in stream id, or undefined for another stream.
 *
 * @category stream
 * @since 0.2.0
 */
export const unitOrgIdOf = (stream: string): string | undefined =>
  stream.startsWith(`${category}-`) ? stream.slice(category.length + 1) : undefined
