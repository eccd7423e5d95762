/**
 * The unit check-in aggregate (双报到, R47): a unit's Party organization checking in at the community where
 * the unit sits, the organization-level counterpart of a member's community check-in. One stream per unit
 * organization, `unitcheckin-<unitOrgId>`.
 *
 * - Every command reads and writes the unit's check-in stream alone ({@link decider}; {@link route} gives it to
 *   the kernel's command loop, and `Dangjian.execute` runs it). A unit check-in creates no affiliation and
 *   changes no count: it never touches an organization stream.
 * - The register read model is `UnitCheckInRegister` (in `projections/`); the dual-registration ledger
 *   (`DualRegistration`) lists unit check-ins beside the members'. The findings as of a date (the community's
 *   yearly evaluation due) are {@link assess}, with the membership policy's `checkInFeedbackEveryMonths` (the
 *   `Member` namespace re-exports `MembershipPolicy`).
 *
 * Rules: R47. The message catalog is part of `Messages` (its codes keep their `member.` prefix).
 *
 * @since 0.2.0
 */

export * from "./commands.ts"
export * from "./decide.ts"
export * from "./events.ts"
export * from "./findings.ts"
export * from "./route.ts"
export * from "./state.ts"
export { streamId, unitOrgIdOf } from "./stream.ts"
