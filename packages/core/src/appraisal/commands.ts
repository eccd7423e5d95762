/**
 * The commands of the appraisal aggregate. Every command names the organization and the appraised year (its
 * stream, `appraisal-<year>-<orgId>`), carries its legal date `at` and may carry an `actor` (an opaque id).
 * Opening and closing read the organization's stream (its member counts); a command about a member also reads
 * the member's stream (where the member belongs, whether probationary). None writes to either (R63).
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { LegalDate } from "../LegalDate.ts"
import { Approval } from "../organization/model.ts"
import { actor, Positive } from "../units.ts"
import { AppraisalYear, CorrectionReason, DisposalForm, DisposalOutcome, DisposalVote, Grade } from "./model.ts"

/**
 * Opens an organization's appraisal of a year (R35), the year of `at` or the one before; optionally names the
 * appraisal meeting by id.
 *
 * @category commands
 * @since 0.3.0
 */
export const OpenAppraisal = Schema.TaggedStruct("OpenAppraisal", {
  orgId: Schema.String,
  year: AppraisalYear,
  meetingId: Schema.optionalKey(Schema.String),
  at: LegalDate,
  actor
})

/**
 * Grades a member (R62, R64): a grade of the policy in force, once per member, for a member of the
 * organization (or a mobile member it hosts, R45); never 优秀 for a probationary member.
 *
 * @category commands
 * @since 0.3.0
 */
export const GradeMember = Schema.TaggedStruct("GradeMember", {
  orgId: Schema.String,
  year: AppraisalYear,
  memberId: Schema.String,
  grade: Grade,
  at: LegalDate,
  actor
})

/**
 * Corrects a member's grade, with a reason (R62: a correction is a separate event).
 *
 * @category commands
 * @since 0.3.0
 */
export const CorrectAppraisalGrade = Schema.TaggedStruct("CorrectAppraisalGrade", {
  orgId: Schema.String,
  year: AppraisalYear,
  memberId: Schema.String,
  grade: Grade,
  reason: CorrectionReason,
  at: LegalDate,
  actor
})

/**
 * Closes the appraisal: no more grades (corrections and the follow-up of R63 stay possible).
 *
 * @category commands
 * @since 0.3.0
 */
export const CloseAppraisal = Schema.TaggedStruct("CloseAppraisal", {
  orgId: Schema.String,
  year: AppraisalYear,
  at: LegalDate,
  actor
})

/**
 * Records that a member graded 基本合格 was shown the gaps and helped to improve (R63).
 *
 * @category commands
 * @since 0.3.0
 */
export const RecordImprovementGuidance = Schema.TaggedStruct("RecordImprovementGuidance", {
  orgId: Schema.String,
  year: AppraisalYear,
  memberId: Schema.String,
  at: LegalDate,
  actor
})

/**
 * Records that a graded member's matter was dealt with by a disciplinary sanction (CZ Art. 4, R63): no
 * disposal may follow for that matter.
 *
 * @category commands
 * @since 0.3.0
 */
export const RecordDiscipline = Schema.TaggedStruct("RecordDiscipline", {
  orgId: Schema.String,
  year: AppraisalYear,
  memberId: Schema.String,
  matterId: Schema.String,
  at: LegalDate,
  actor
})

/**
 * Starts an organizational disposal of a member graded 不合格 (R63): 限期改正, 劝其退党 or 除名, decided by a
 * passed general-meeting vote, approved by the higher organization where needed; never for a probationary
 * member (R64) nor for a matter already dealt with by discipline. `correctionMonths` (a 限期改正 only) defaults
 * to the policy's length. The member's status does not change.
 *
 * @category commands
 * @since 0.3.0
 */
export const DecideDisposal = Schema.TaggedStruct("DecideDisposal", {
  orgId: Schema.String,
  year: AppraisalYear,
  memberId: Schema.String,
  matterId: Schema.String,
  form: DisposalForm,
  vote: DisposalVote,
  approval: Schema.optionalKey(Approval),
  correctionMonths: Schema.optionalKey(Positive),
  at: LegalDate,
  actor
})

/**
 * Extends a running 限期改正 to a later review date (R63: at most the policy's maximum from the decision).
 *
 * @category commands
 * @since 0.3.0
 */
export const ExtendCorrectionPeriod = Schema.TaggedStruct("ExtendCorrectionPeriod", {
  orgId: Schema.String,
  year: AppraisalYear,
  memberId: Schema.String,
  until: LegalDate,
  at: LegalDate,
  actor
})

/**
 * Concludes a member's running disposal with an outcome of its form (R63).
 *
 * @category commands
 * @since 0.3.0
 */
export const ConcludeDisposal = Schema.TaggedStruct("ConcludeDisposal", {
  orgId: Schema.String,
  year: AppraisalYear,
  memberId: Schema.String,
  outcome: DisposalOutcome,
  at: LegalDate,
  actor
})

/**
 * Every appraisal command.
 *
 * @category commands
 * @since 0.3.0
 */
export const AppraisalCommand = Schema.Union([
  OpenAppraisal,
  GradeMember,
  CorrectAppraisalGrade,
  CloseAppraisal,
  RecordImprovementGuidance,
  RecordDiscipline,
  DecideDisposal,
  ExtendCorrectionPeriod,
  ConcludeDisposal
]).annotate({ identifier: "AppraisalCommand" })

/**
 * @category commands
 * @since 0.3.0
 */
export type AppraisalCommand = typeof AppraisalCommand.Type
