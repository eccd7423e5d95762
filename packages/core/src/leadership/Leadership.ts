/**
 * The leadership-history aggregate (RULES.md §L, R91–R96): one stream per Party organization,
 * `leadership-<orgId>`, holding its term records (届次) with their ordinal, members and roles, ballots, alternates
 * and approval documents, and the steps of each renewal. It extends the organization's leadership rules (R16–R22)
 * without writing the organization's stream: the organization keeps its live roster and leadership, this
 * aggregate keeps the history (an imported history may start at any 届).
 *
 * - **Terms (R91).** {@link RecordElection} opens 第N届 right after 第N−1届 (after an upgrade, as the policy says)
 *   and closes the previous term; the expected end is computed from R21 on the election date; an extension
 *   ({@link RecordTermExtension}, R22) moves the end and keeps the number; a by-election amends the current term.
 * - **Ballots (R92).** The arithmetic of the ballot record (issued ≤ present; valid + invalid = collected; more
 *   than 4/5 present; winners over half of those present; no ballot over the seats) is checked; a ballot with
 *   more collected than issued is recorded as a void election, to be followed by a new one.
 * - **Alternates (R93)** only where the policy allows them; **approval documents (R94)** with who and when, the
 *   number where the policy asks.
 * - **Reminders (R95, R96)**: {@link renewalDates} gives the dates (T − 6 nationally; the year-start notice, the
 *   request at T − 2 and the report at E + 1 where the policy has them); {@link assess} raises them as a due
 *   state, so a missed day never loses one.
 * - The register read model is `LeadershipRegister` (in `projections/`); the leadership part of the policy
 *   (`LeadershipPolicy`, with the `bengbuLocal` and `egovPlatform` presets) is re-exported here.
 *
 * Rules enforced here: R91–R96 (with R9, R21–R24). The message catalog (`leadership.*`) is part of `Messages`.
 *
 * @since 0.3.0
 */

export * from "./commands.ts"
export * from "./decide.ts"
export * from "./events.ts"
export * from "./findings.ts"
export * from "./model.ts"
// The leadership part of the policy: it lives in policy/, which imports no aggregate.
export * from "../policy/LeadershipPolicy.ts"
export * from "./route.ts"
export * from "./state.ts"
export { leadershipOrgIdOf, streamId } from "./stream.ts"
