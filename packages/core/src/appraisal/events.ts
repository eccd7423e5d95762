/**
 * The events of the appraisal stream (`appraisal-<year>-<orgId>`).
 *
 * These tags and fields are the stored format: they are versioned with upcasters and never renamed or
 * reshaped in place. Ids are opaque; no event carries a member's personal data.
 *
 * No appraisal event is ever appended to a member stream: a grade, a disposal decision or its outcome never
 * changes a member's status (R63). Removing a member stays the member aggregate's own decision.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import * as EventDefinition from "../kernel/EventDefinition.ts"
import { LegalDate } from "../LegalDate.ts"
import { Approval } from "../organization/model.ts"
import { Count, Months } from "../units.ts"
import { AppraisalYear, CorrectionReason, DisposalForm, DisposalOutcome, DisposalVote, Grade } from "./model.ts"

/**
 * The organization opened its democratic appraisal of a year (R35), optionally at a meeting (by id), with its
 * member counts on that day (AM and FM, the basis of the 优秀 cap, R62).
 *
 * @category events
 * @since 0.3.0
 */
export const AppraisalOpened = Schema.TaggedStruct("AppraisalOpened", {
  orgId: Schema.String,
  year: AppraisalYear,
  meetingId: Schema.optionalKey(Schema.String),
  allMembers: Count,
  fullMembers: Count,
  at: LegalDate
})

/**
 * A member received a grade (R62): whether the member was probationary (R64) and whether appraised as a
 * mobile member at the host (R45), as on the day.
 *
 * @category events
 * @since 0.3.0
 */
export const MemberGraded = Schema.TaggedStruct("MemberGraded", {
  orgId: Schema.String,
  year: AppraisalYear,
  memberId: Schema.String,
  grade: Grade,
  probationary: Schema.Boolean,
  mobile: Schema.Boolean,
  at: LegalDate
})

/**
 * A grade was corrected (R62: a correction is a separate event; the grade is never edited in place).
 *
 * @category events
 * @since 0.3.0
 */
export const AppraisalGradeCorrected = Schema.TaggedStruct("AppraisalGradeCorrected", {
  orgId: Schema.String,
  year: AppraisalYear,
  memberId: Schema.String,
  grade: Grade,
  reason: CorrectionReason,
  at: LegalDate
})

/**
 * The appraisal was closed, with the member counts on that day.
 *
 * @category events
 * @since 0.3.0
 */
export const AppraisalClosed = Schema.TaggedStruct("AppraisalClosed", {
  orgId: Schema.String,
  year: AppraisalYear,
  allMembers: Count,
  fullMembers: Count,
  at: LegalDate
})

/**
 * A member graded 基本合格 was shown the gaps and helped to improve ("指出差距,帮助改进提高", R63).
 *
 * @category events
 * @since 0.3.0
 */
export const ImprovementGuidanceRecorded = Schema.TaggedStruct("ImprovementGuidanceRecorded", {
  orgId: Schema.String,
  year: AppraisalYear,
  memberId: Schema.String,
  at: LegalDate
})

/**
 * A member's matter was dealt with by a disciplinary sanction (党纪处分), so no organizational disposal follows
 * for the same matter (CZ Art. 4, R63).
 *
 * @category events
 * @since 0.3.0
 */
export const DisciplineRecorded = Schema.TaggedStruct("DisciplineRecorded", {
  orgId: Schema.String,
  year: AppraisalYear,
  memberId: Schema.String,
  matterId: Schema.String,
  at: LegalDate
})

/**
 * The branch general meeting decided an organizational disposal of a member graded 不合格 (R63), with the
 * higher organization's approval where it is needed; a 限期改正 carries its review date. This starts the
 * procedure; the member's status does not change.
 *
 * @category events
 * @since 0.3.0
 */
export const OrganizationalDisposalDecided = Schema.TaggedStruct("OrganizationalDisposalDecided", {
  orgId: Schema.String,
  year: AppraisalYear,
  memberId: Schema.String,
  matterId: Schema.String,
  form: DisposalForm,
  vote: DisposalVote,
  approval: Schema.optionalKey(Approval),
  months: Schema.optionalKey(Months),
  reviewDueOn: Schema.optionalKey(LegalDate),
  at: LegalDate
})

/**
 * A 限期改正 was extended to a new review date (R63: at most the policy's maximum from the decision).
 *
 * @category events
 * @since 0.3.0
 */
export const CorrectionPeriodExtended = Schema.TaggedStruct("CorrectionPeriodExtended", {
  orgId: Schema.String,
  year: AppraisalYear,
  memberId: Schema.String,
  until: LegalDate,
  at: LegalDate
})

/**
 * A disposal procedure ended with an outcome (R63). The outcome never changes the member's status.
 *
 * @category events
 * @since 0.3.0
 */
export const DisposalConcluded = Schema.TaggedStruct("DisposalConcluded", {
  orgId: Schema.String,
  year: AppraisalYear,
  memberId: Schema.String,
  outcome: DisposalOutcome,
  at: LegalDate
})

/**
 * The event definitions of the appraisal stream, for the codec.
 *
 * @category events
 * @since 0.3.0
 */
export const appraisalEvents = [
  EventDefinition.define("AppraisalOpened", AppraisalOpened),
  EventDefinition.define("MemberGraded", MemberGraded),
  EventDefinition.define("AppraisalGradeCorrected", AppraisalGradeCorrected),
  EventDefinition.define("AppraisalClosed", AppraisalClosed),
  EventDefinition.define("ImprovementGuidanceRecorded", ImprovementGuidanceRecorded),
  EventDefinition.define("DisciplineRecorded", DisciplineRecorded),
  EventDefinition.define("OrganizationalDisposalDecided", OrganizationalDisposalDecided),
  EventDefinition.define("CorrectionPeriodExtended", CorrectionPeriodExtended),
  EventDefinition.define("DisposalConcluded", DisposalConcluded)
] as const

/**
 * Every event of the appraisal stream.
 *
 * @category events
 * @since 0.3.0
 */
export const AppraisalEvent = Schema.Union([
  AppraisalOpened,
  MemberGraded,
  AppraisalGradeCorrected,
  AppraisalClosed,
  ImprovementGuidanceRecorded,
  DisciplineRecorded,
  OrganizationalDisposalDecided,
  CorrectionPeriodExtended,
  DisposalConcluded
]).annotate({ identifier: "AppraisalEvent" })

/**
 * @category events
 * @since 0.3.0
 */
export type AppraisalEvent = typeof AppraisalEvent.Type
