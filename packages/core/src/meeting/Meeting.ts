/**
 * The meeting aggregate (三会一课 and organizational life, RULES.md R28–R36, R58–R61): one stream per meeting,
 * `meeting-<meetingId>`, for every kind R58 names (the branch general meeting, the committee meeting, the Party
 * group meeting, the Party lecture, the themed Party day, the org-life meeting, the heart-to-heart talk and the
 * democratic appraisal meeting), from its plan (and new dates, or its cancellation) to its record and the
 * record's corrections.
 *
 * - Planning, recording and correcting read the organization's stream in the same atomic append ({@link route},
 *   run by `Dangjian.execute`): the organization exists and is not dissolved, the chair holds the role R36
 *   requires, invitees and members of other organizations are not on its roster (R58). Rescheduling and
 *   cancelling are decided on the meeting stream alone ({@link decider}).
 * - A record is checked HARD only where RULES.md says HARD (R36, R58's record consistency, R60 under the
 *   `forbid` policy); a record entered after the day the meeting was held is marked `lateRecorded` (R60).
 * - The register read model is `MeetingRegister` (in `projections/`); the findings as of a date (R28–R35
 *   frequencies per calendar period counted by the day held, R59 plans not held, R58 records) are
 *   {@link assess}, with the `OrgLifePolicy` (`GovernancePolicy.orgLife`), which this namespace re-exports.
 * - Attendance feeds R39's lapse finding (R61): `Member.assessMembers(…, { attendance })` reads the register.
 *
 * Rules enforced here: R28–R36, R58–R61. The message catalog (`meeting.*`) is part of `Messages`.
 *
 * @since 0.3.0
 */

export * from "../policy/OrgLifePolicy.ts"
export * from "./commands.ts"
export * from "./decide.ts"
export * from "./events.ts"
export * from "./findings.ts"
export * from "./model.ts"
export * from "./periods.ts"
export * from "./route.ts"
export * from "./state.ts"
export { meetingIdOf, streamId } from "./stream.ts"
