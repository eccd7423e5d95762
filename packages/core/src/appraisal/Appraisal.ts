/**
 * The democratic appraisal aggregate (民主评议党员, R35, R62–R64): one stream per organization and appraised
 * year, `appraisal-<year>-<orgId>`. An appraisal is opened (optionally at its meeting, by id), members are
 * graded 优秀 / 合格 / 基本合格 / 不合格 once each (a correction is its own event), and it is closed. What follows
 * a 基本合格 or 不合格 grade lives on the same stream: guidance recorded, a discipline that rules a disposal
 * out (CZ Art. 4), and the organizational disposal (限期改正, 劝其退党, 除名) decided by a passed general-meeting
 * vote with the higher approval, its correction period extended and its outcome concluded.
 *
 * - The stream is the consistency boundary of "one result per member, per organization, per year" (R62), and
 *   of the disposal that rests on that result. Commands read the organization's stream and (a grade, a
 *   disposal) the member's, which take part in the atomic append and get no events: {@link route} gives them
 *   to the kernel's command loop, and `Dangjian.execute` runs it.
 * - No appraisal command changes a member's status (R63 HARD): removing a member stays the member aggregate's
 *   decision. Findings say what is due ({@link assess}: the year's appraisal missing, the 优秀 cap exceeded,
 *   guidance and disposals due, correction reviews).
 * - Read model: `AppraisalRegister` (in `projections/`). Policy: `GovernancePolicy.appraisal`
 *   (`AppraisalPolicy`, re-exported here).
 *
 * Rules enforced here: R35, R62, R63, R64 (with R20, R25 for the disposal vote). The message catalog
 * (`appraisal.*`) is part of `Messages`.
 *
 * @since 0.3.0
 */

export * from "../policy/AppraisalPolicy.ts"
export * from "./commands.ts"
export * from "./decide.ts"
export * from "./events.ts"
export * from "./findings.ts"
export * from "./model.ts"
export * from "./route.ts"
export * from "./state.ts"
export { appraisalId, appraisalIdOf, streamId } from "./stream.ts"
