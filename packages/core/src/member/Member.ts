/**
 * The member aggregate (党员): one stream per member, `member-<memberId>`, with opaque ids and no personal
 * data.
 *
 * The stream holds the member's standing (admission as probationary by a branch general meeting,
 * conversion, one extension, cancellation, lost contact, suspension, restoration, removal), the one formal
 * affiliation (R38) and its transfers (letter issued, received, rejected, expired), absences and mobile
 * status with a host organization, community check-ins with activities and feedback, and recorded votes.
 *
 * - Every member command is decided over the member stream and the organization streams it concerns
 *   ({@link decide}), and appended to all of them atomically: {@link route} gives it to the kernel's command
 *   loop, and `Dangjian.execute` runs it. A received transfer is one append to the member, the origin and the
 *   destination (R42).
 * - A check-in or a mobile host never changes the affiliation or any count (R45, R47); only the affiliation
 *   organization's full members vote (R20), which {@link voteRejection} explains rule by rule.
 * - A unit's Party organization checking in at a community is an aggregate of its own: `UnitCheckIn`.
 * - Read models: `MemberRoster`, `TransfersInTransit`, `DualRegistration` (in `projections/`); findings as of
 *   a date: {@link assessMembers}. The membership part of the policy (`MembershipPolicy`, `credentialFor`) is
 *   re-exported here.
 *
 * Rules: R9 (through the roster), R11, R20, R25, R37–R47 (RULES.md D–F).
 *
 * @since 0.1.0
 */

export * from "./commands.ts"
export * from "./decide.ts"
export * from "./events.ts"
export * from "./findings.ts"
export * from "./model.ts"
// The membership part of the policy (and `credentialFor`): it lives in policy/, which imports no aggregate.
export * from "../policy/MembershipPolicy.ts"
export * from "./route.ts"
export * from "./state.ts"
export { memberIdOf, streamId } from "./stream.ts"
