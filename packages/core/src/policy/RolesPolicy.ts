/**
 * The roles part of the governance policy (RULES.md R54, R57): first secretaries (第一书记) sent to villages
 * and communities, and Party-building instructors (党建工作指导员) sent to units without members. Both are
 * seed practices (S001, S003), so every figure is local policy with a default that raises notices only. It is
 * part of the policy (`GovernancePolicy.roles`), so it lives in `policy/` and imports no aggregate; the
 * `Roles` namespace re-exports it.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { Count } from "../units.ts"

/**
 * @category models
 * @since 0.3.0
 */
export const RolesPolicy = Schema.Struct({
  /** R57 CONF (S003: "第一书记全覆盖"): every village and community organization should have a first secretary. */
  firstSecretaryCoverage: Schema.Boolean,
  /** R54 CONF (S001: "可以委派党建工作指导员"): a unit without members and without an instructor is a notice. */
  instructorForUnitsWithoutMembers: Schema.Boolean,
  /** Days before an appointment's term ends from which it is reported as ending (0 = not reported). */
  termEndingNoticeDays: Count
}).annotate({ identifier: "RolesPolicy" })

/**
 * @category models
 * @since 0.3.0
 */
export type RolesPolicy = typeof RolesPolicy.Type

/**
 * Defaults: full coverage by first secretaries is not required (a local target, S003), a unit without members
 * and without an instructor is a notice ("可以", may), terms ending within 30 days are reported.
 *
 * @category presets
 * @since 0.3.0
 */
export const defaultRolesPolicy: RolesPolicy = {
  firstSecretaryCoverage: false,
  instructorForUnitsWithoutMembers: true,
  termEndingNoticeDays: 30
}
