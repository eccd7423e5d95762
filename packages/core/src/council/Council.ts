/**
 * The coordination council aggregate (R51): one stream per council, `council-<councilId>`. A council is the
 * joint meeting system of a subdistrict or township (党建工作联席会议, its member units being the Party
 * organizations of agencies and enterprises in the area), the community Party-building coordination committee
 * (街道社区党建工作协调委员会), the Party-building community (党建共同体) or the community grand committee
 * (社区大党委).
 *
 * A council, like a pairing agreement, creates no organization and no affiliation (R48): its member
 * organizations keep their own streams and get no events.
 *
 * - Forming a council and adding a member read the member organizations' streams (they must exist and not be
 *   dissolved) in the same atomic append: {@link route} gives them to the kernel's command loop, and
 *   `Dangjian.execute` runs it. The other commands are decided on the council stream alone ({@link decider}).
 * - The register read model is `CouncilRegister` (in `projections/`); the findings as of a date (a joint
 *   meeting overdue, a member dissolved) are {@link assess}, with the pairing policy's
 *   `councilMeetingEveryMonths` (the `Agreement` namespace re-exports `PairingPolicy`).
 *
 * Rules enforced here: R51 (with R48). The message catalog (`council.*`) is part of `Messages`.
 *
 * @since 0.2.0
 */

export * from "./commands.ts"
export * from "./decide.ts"
export * from "./events.ts"
export * from "./findings.ts"
export * from "./model.ts"
export * from "./route.ts"
export * from "./state.ts"
export { councilIdOf, streamId } from "./stream.ts"
