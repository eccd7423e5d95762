/**
 * The value objects of the appraisal aggregate: the grades of the democratic appraisal (R62), the forms and
 * outcomes of the organizational disposal that may follow a 不合格 grade (R63), the general-meeting vote a
 * disposal needs, and why a grade is corrected. Every id is opaque; no value holds a member's personal data.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { LegalDate } from "../LegalDate.ts"
import { Count } from "../units.ts"

/**
 * The appraisal grades as stored (R62): `excellent` 优秀, `qualified` 合格, `basicallyQualified` 基本合格,
 * `unqualified` 不合格. The stored format owns this list: the policy's `AppraisalGrade` (which grades are in
 * use) is a separate list, so editing a policy never changes a stored event.
 *
 * @category models
 * @since 0.3.0
 */
export const Grade = Schema.Literals(["excellent", "qualified", "basicallyQualified", "unqualified"])

/**
 * @category models
 * @since 0.3.0
 */
export type Grade = typeof Grade.Type

/**
 * The forms of organizational disposal (组织处置, CZ Art. 3): `correctWithinPeriod` 限期改正, `adviseToWithdraw`
 * 劝其退党, `remove` 除名. Not a disciplinary sanction (R63).
 *
 * @category models
 * @since 0.3.0
 */
export const DisposalForm = Schema.Literals(["correctWithinPeriod", "adviseToWithdraw", "remove"])

/**
 * @category models
 * @since 0.3.0
 */
export type DisposalForm = typeof DisposalForm.Type

/**
 * How a disposal procedure ended: a 限期改正 `corrected` or `notCorrected`; a 劝其退党 `withdrew` or
 * `refusedToWithdraw` (坚持不退: the general meeting then decides on 除名, DZ Art. 9); a 除名 `removed`. The
 * member's own stream records the removal; this outcome never changes a member's status (R63).
 *
 * @category models
 * @since 0.3.0
 */
export const DisposalOutcome = Schema.Literals([
  "corrected",
  "notCorrected",
  "withdrew",
  "refusedToWithdraw",
  "removed"
])

/**
 * @category models
 * @since 0.3.0
 */
export type DisposalOutcome = typeof DisposalOutcome.Type

/**
 * The outcomes that end each form of disposal.
 *
 * @category constants
 * @since 0.3.0
 */
export const outcomesOf: Readonly<Record<DisposalForm, ReadonlyArray<DisposalOutcome>>> = {
  correctWithinPeriod: ["corrected", "notCorrected"],
  adviseToWithdraw: ["withdrew", "refusedToWithdraw"],
  remove: ["removed"]
}

/**
 * Why a grade was corrected after it was given: a recording error, a reconsideration by the committee or the
 * general meeting, or the member's appeal. A correction is its own event; a grade is never edited in place.
 *
 * @category models
 * @since 0.3.0
 */
export const CorrectionReason = Schema.Literals(["recordingError", "reconsidered", "appeal"])

/**
 * @category models
 * @since 0.3.0
 */
export type CorrectionReason = typeof CorrectionReason.Type

/**
 * The branch general meeting's vote on a disposal (R63, with R25's arithmetic): the meeting (by id, as the
 * meeting records know it), those entitled to vote (full members), those present and the yes-votes, with the
 * meeting's date.
 *
 * @category models
 * @since 0.3.0
 */
export const DisposalVote = Schema.Struct({
  meetingId: Schema.String,
  entitled: Count,
  present: Count,
  yes: Count,
  at: LegalDate
}).annotate({ identifier: "DisposalVote" })

/**
 * @category models
 * @since 0.3.0
 */
export type DisposalVote = typeof DisposalVote.Type

/**
 * The appraised year (评议年度), a calendar year.
 *
 * @category models
 * @since 0.3.0
 */
export const AppraisalYear = Schema.Int.check(Schema.isGreaterThanOrEqualTo(1900), Schema.isLessThanOrEqualTo(9999))
