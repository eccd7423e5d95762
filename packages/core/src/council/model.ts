/**
 * The value objects of the council aggregate: the kinds of coordination council (R51).
 *
 * @since 0.2.0
 */
import { Schema } from "effect"

/**
 * The kinds of council (R51, seed practices): `jointMeeting` 党建工作联席会议, `coordinationCommittee`
 * 党建工作协调委员会, `partyBuildingCommunity` 党建共同体, `communityGrandCommittee` 社区大党委 (片区党委).
 *
 * @category models
 * @since 0.1.0
 */
export const CouncilKind = Schema.Literals([
  "jointMeeting",
  "coordinationCommittee",
  "partyBuildingCommunity",
  "communityGrandCommittee"
])

/**
 * @category models
 * @since 0.1.0
 */
export type CouncilKind = typeof CouncilKind.Type
