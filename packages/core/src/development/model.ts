/**
 * The value objects of the development aggregate (R77–R90): who decides an activist or a development object,
 * the outcome of the political review, who interviews before the approval, the tally of a branch general
 * meeting's vote with its written opinions (R85), the committee meeting that approves one candidate (R87), the
 * outcomes of the conversion discussion (R89), the stages of the pipeline, and the vote arithmetic. Ids are
 * opaque; no value here holds a person's name, ID number, birth date or address.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { Count, Ids } from "../units.ts"

/**
 * Who decides an activist (R80) or a development object (R81): the branch committee (支部委员会), or the branch
 * general meeting where the branch has no committee (R16, R17).
 *
 * @category models
 * @since 0.3.0
 */
export const DecidingBody = Schema.Literals(["branchCommittee", "generalMeeting"])

/**
 * @category models
 * @since 0.3.0
 */
export type DecidingBody = typeof DecidingBody.Type

/**
 * The conclusion of the political review (政治审查, R83).
 *
 * @category models
 * @since 0.3.0
 */
export const ReviewResult = Schema.Literals(["pass", "fail"])

/**
 * @category models
 * @since 0.3.0
 */
export type ReviewResult = typeof ReviewResult.Type

/**
 * Who the higher committee sends to talk with the candidate before approving (R86): a committee member
 * (党委委员) or an organizer (组织员).
 *
 * @category models
 * @since 0.3.0
 */
export const InterviewerRole = Schema.Literals(["committeeMember", "organizer"])

/**
 * @category models
 * @since 0.3.0
 */
export type InterviewerRole = typeof InterviewerRole.Type

/**
 * The tally of a branch general meeting's vote on one candidate (R85, and R89 for the conversion):
 *
 * - `entitled`: full members with a vote who should attend (应到会有表决权), after any `excluded`;
 * - `present`: those of them present (到会);
 * - `yes`: yes-votes of those present;
 * - `writtenOpinions`: absent voters who gave a written opinion before the meeting; `writtenYes` of them in
 *   favour. Written opinions count towards the votes, never towards the quorum;
 * - `excluded`: voters excluded from the attendance count with approval, where the policy applies the R23
 *   exclusions to this vote (`voteExclusionsApplyTo`).
 *
 * @category models
 * @since 0.3.0
 */
export const Tally = Schema.Struct({
  entitled: Count,
  present: Count,
  yes: Count,
  writtenOpinions: Count,
  writtenYes: Count,
  excluded: Schema.optionalKey(Count)
}).annotate({ identifier: "DevelopmentTally" })

/**
 * @category models
 * @since 0.3.0
 */
export type Tally = typeof Tally.Type

/**
 * The committee meeting that decides on the candidate (R87: the approving committee meets and votes, one
 * candidate at a time): its opaque id and the candidates its decision names (exactly the one candidate).
 *
 * @category models
 * @since 0.3.0
 */
export const DecisionMeeting = Schema.Struct({
  meetingId: Schema.String,
  candidateIds: Ids
}).annotate({ identifier: "DecisionMeeting" })

/**
 * @category models
 * @since 0.3.0
 */
export type DecisionMeeting = typeof DecisionMeeting.Type

/**
 * What the conversion discussion decides (R89, R37): convert on time, extend the probation, or cancel it.
 *
 * @category models
 * @since 0.3.0
 */
export const ConversionOutcome = Schema.Literals(["convert", "extend", "cancel"])

/**
 * @category models
 * @since 0.3.0
 */
export type ConversionOutcome = typeof ConversionOutcome.Type

/**
 * The stages of the pipeline (R77), in order: 申请入党 `applicant`, 入党积极分子 `activist`, 发展对象
 * `developmentObject`, 预备党员 `probationary`, 正式党员 `full`; and where a record ends otherwise:
 * `rejected` (the approving committee did not approve, R88) and `cancelled` (the probation was cancelled).
 *
 * @category models
 * @since 0.3.0
 */
export type Stage = "applicant" | "activist" | "developmentObject" | "probationary" | "full" | "rejected" | "cancelled"

/**
 * The stages in pipeline order (the open ones, then the ends).
 *
 * @category constants
 * @since 0.3.0
 */
export const stages: ReadonlyArray<Stage> = [
  "applicant",
  "activist",
  "developmentObject",
  "probationary",
  "full",
  "rejected",
  "cancelled"
]

/**
 * R85 HARD: the quorum of a general meeting's vote on a candidate: more than half of those entitled are
 * present (`2 × present > entitled`); written opinions do not count towards it.
 *
 * @example
 * ```ts
 * import { Development } from "@dangjian/core"
 *
 * const tally = { entitled: 20, present: 10, yes: 10, writtenOpinions: 5, writtenYes: 5 }
 * Development.hasQuorum(tally) // => false
 * Development.hasQuorum({ ...tally, present: 11 }) // => true
 * ```
 *
 * @category predicates
 * @since 0.3.0
 */
export const hasQuorum = (tally: Tally): boolean => 2 * tally.present > tally.entitled

/**
 * R85 HARD: whether the vote passes: the yes-votes of those present plus the written yes-opinions are more
 * than half of those entitled (`2 × (yes + writtenYes) > entitled`, the denominator is 应到会, not 到会).
 *
 * @example
 * ```ts
 * import { Development } from "@dangjian/core"
 *
 * const tally = { entitled: 20, present: 11, yes: 10, writtenOpinions: 0, writtenYes: 0 }
 * Development.passes(tally) // => false
 * Development.passes({ ...tally, writtenOpinions: 1, writtenYes: 1 }) // => true
 * ```
 *
 * @category predicates
 * @since 0.3.0
 */
export const passes = (tally: Tally): boolean => 2 * (tally.yes + tally.writtenYes) > tally.entitled
