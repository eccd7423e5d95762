/**
 * The events of the development stream (`development-<applicantId>`): one per step of the 25 steps of R77 (in
 * stage order), the branch's report and an intermediate committee's review (R87), the postponement of a
 * conversion (R89), and the move of a record between organizations (R90).
 *
 * These tags and fields are the stored format: they are versioned with upcasters and never renamed or
 * reshaped in place. Ids are opaque; no event carries a person's name, ID number, birth date or address (the
 * age check of R78 reads the birth date on the command and stores nothing of it).
 *
 * Every event names the organization that holds the record when it happens (`orgId`). The approval
 * (`AdmissionApproved`) and the conversion decision (`ConversionApproved`) are appended together with the
 * member stream's and the branch roster's events (R88), in one atomic append.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import * as EventDefinition from "../kernel/EventDefinition.ts"
import { LegalDate } from "../LegalDate.ts"
import { Count, Ids, Months } from "../units.ts"
import { ConversionOutcome, DecidingBody, InterviewerRole, ReviewResult, Tally } from "./model.ts"

const step = <Tag extends string, Fields extends Schema.Struct.Fields>(tag: Tag, fields: Fields) =>
  Schema.TaggedStruct(tag, { applicantId: Schema.String, orgId: Schema.String, ...fields, at: LegalDate })

// ---------------------------------------------------------------------------------------------------------
// Stage 1: 申请入党 (steps 1–2)
// ---------------------------------------------------------------------------------------------------------

/**
 * Step 1: the organization received the written application (R78; the applicant was 18 on this date).
 *
 * @category events
 * @since 0.3.0
 */
export const ApplicationSubmitted = step("ApplicationSubmitted", {})

/**
 * Step 2: the organization sent someone to talk with the applicant (R79).
 *
 * @category events
 * @since 0.3.0
 */
export const ApplicantInterviewed = step("ApplicantInterviewed", {})

// ---------------------------------------------------------------------------------------------------------
// Stage 2: 入党积极分子的确定和培养教育 (steps 3–6)
// ---------------------------------------------------------------------------------------------------------

/**
 * Step 3: the branch committee (or, without a committee, the general meeting) made the applicant an activist
 * (R80). The R81 year counts from this date.
 *
 * @category events
 * @since 0.3.0
 */
export const ActivistDesignated = step("ActivistDesignated", { decidedBy: DecidingBody })

/**
 * Step 4: the activist was filed with the higher committee (上级党委备案, R80).
 *
 * @category events
 * @since 0.3.0
 */
export const ActivistFiled = step("ActivistFiled", {})

/**
 * Step 5: one or two full members were assigned as contact persons (培养联系人, R80).
 *
 * @category events
 * @since 0.3.0
 */
export const ContactPersonsAssigned = step("ContactPersonsAssigned", { contactPersonIds: Ids })

/**
 * Step 6: the branch reviewed the activist (培养教育考察, every half year, R80).
 *
 * @category events
 * @since 0.3.0
 */
export const ActivistReviewed = step("ActivistReviewed", {})

// ---------------------------------------------------------------------------------------------------------
// Stage 3: 发展对象的确定和考察 (steps 7–11)
// ---------------------------------------------------------------------------------------------------------

/**
 * Step 7: the activist became a development object, a year or more after step 3 (R81).
 *
 * @category events
 * @since 0.3.0
 */
export const DevelopmentObjectDesignated = step("DevelopmentObjectDesignated", { decidedBy: DecidingBody })

/**
 * Step 8: the development object was filed with the higher committee (R81).
 *
 * @category events
 * @since 0.3.0
 */
export const DevelopmentObjectFiled = step("DevelopmentObjectFiled", {})

/**
 * Step 9: two full members became the introducers (入党介绍人, R82).
 *
 * @category events
 * @since 0.3.0
 */
export const IntroducersAssigned = step("IntroducersAssigned", { introducerIds: Ids })

/**
 * Step 10: the political review concluded (R83).
 *
 * @category events
 * @since 0.3.0
 */
export const PoliticalReviewConcluded = step("PoliticalReviewConcluded", { result: ReviewResult })

/**
 * Step 11: the concentrated training was completed (R83): days and 学时, or a waiver with its reason.
 *
 * @category events
 * @since 0.3.0
 */
export const TrainingCompleted = step("TrainingCompleted", {
  days: Count,
  hours: Schema.Number.check(Schema.isGreaterThanOrEqualTo(0)),
  waiverReason: Schema.optionalKey(Schema.String)
})

// ---------------------------------------------------------------------------------------------------------
// Stage 4: 预备党员的接收 (steps 12–18)
// ---------------------------------------------------------------------------------------------------------

/**
 * Step 12: the branch committee reviewed the candidate (R84), with the expected departure from the unit when
 * one is known (a finding when it falls within the window before the vote).
 *
 * @category events
 * @since 0.3.0
 */
export const BranchCommitteeReviewed = step("BranchCommitteeReviewed", {
  expectedDepartureOn: Schema.optionalKey(LegalDate)
})

/**
 * Step 13: the committee with approval power pre-reviewed the candidate (预审, R84, R87).
 *
 * @category events
 * @since 0.3.0
 */
export const PreReviewPassed = step("PreReviewPassed", { approverOrgId: Schema.String })

/**
 * The outcome of step 13: the admission form (入党志愿书) was issued to the candidate (R84).
 *
 * @category events
 * @since 0.3.0
 */
export const ApplicationFormIssued = step("ApplicationFormIssued", {})

/**
 * Step 14: the candidate completed the admission form (R84).
 *
 * @category events
 * @since 0.3.0
 */
export const ApplicationFormCompleted = step("ApplicationFormCompleted", {})

/**
 * Step 15: the branch general meeting voted on this one candidate (R85); `passed` is computed from the tally,
 * never entered.
 *
 * @category events
 * @since 0.3.0
 */
export const AdmissionVoted = step("AdmissionVoted", { meetingId: Schema.String, tally: Tally, passed: Schema.Boolean })

/**
 * The branch reported the resolution to the approving committee (上报, R87: the approval clock starts here).
 *
 * @category events
 * @since 0.3.0
 */
export const ResolutionReported = step("ResolutionReported", { approverOrgId: Schema.String })

/**
 * A village or community committee or a general branch between the branch and the approver reviewed (审议)
 * the resolution (R87; it may not approve).
 *
 * @category events
 * @since 0.3.0
 */
export const AdmissionReviewed = step("AdmissionReviewed", { reviewerOrgId: Schema.String })

/**
 * Step 16: the higher committee sent a committee member or an organizer to talk with the candidate (R86).
 *
 * @category events
 * @since 0.3.0
 */
export const ApprovalInterviewHeld = step("ApprovalInterviewHeld", { interviewerRole: InterviewerRole })

/**
 * Step 17: the approving committee approved the admission (R87, R88). The probation runs from the vote
 * (`voteAt`) to `probationEndsAt`; `dueBy` is the R87 deadline as computed on the approval (three months from
 * the clock start); `intermediateOrgIds` the committees and general branches between the branch and the
 * approver, which review but may not approve.
 *
 * @category events
 * @since 0.3.0
 */
export const AdmissionApproved = step("AdmissionApproved", {
  approverOrgId: Schema.String,
  meetingId: Schema.String,
  voteAt: LegalDate,
  probationEndsAt: LegalDate,
  dueBy: LegalDate,
  intermediateOrgIds: Ids,
  delayReason: Schema.optionalKey(Schema.String)
})

/**
 * Step 17: the approving committee did not approve (R88: no membership; the record ends here, and the person
 * may apply again).
 *
 * @category events
 * @since 0.3.0
 */
export const AdmissionRejected = step("AdmissionRejected", { approverOrgId: Schema.String, meetingId: Schema.String })

/**
 * Step 18: the approval was filed with the organization department of the next-higher committee (R87).
 *
 * @category events
 * @since 0.3.0
 */
export const AdmissionFiled = step("AdmissionFiled", {})

// ---------------------------------------------------------------------------------------------------------
// Stage 5: 预备党员的教育考察和转正 (steps 19–25)
// ---------------------------------------------------------------------------------------------------------

/**
 * Step 19: the probationary member was placed in the branch and a party group (R88, R38).
 *
 * @category events
 * @since 0.3.0
 */
export const AssignedToBranchAndGroup = step("AssignedToBranchAndGroup", { groupId: Schema.optionalKey(Schema.String) })

/**
 * Step 20: the probationary member took the oath (入党宣誓, R88).
 *
 * @category events
 * @since 0.3.0
 */
export const OathTaken = step("OathTaken", {})

/**
 * Step 21: the branch reviewed the probationary member (继续教育考察, R77, R37).
 *
 * @category events
 * @since 0.3.0
 */
export const ProbationReviewed = step("ProbationReviewed", {})

/**
 * Step 22: the probationary member applied for conversion (R89).
 *
 * @category events
 * @since 0.3.0
 */
export const ConversionApplied = step("ConversionApplied", {})

/**
 * The discussion of a transferred-in probationary member's conversion was postponed to `until` (at most six
 * months after the probation's end, R89; not an extension).
 *
 * @category events
 * @since 0.3.0
 */
export const ConversionPostponed = step("ConversionPostponed", { until: LegalDate })

/**
 * Step 23: the branch general meeting voted on the conversion (R89, with R85's arithmetic); `passed` is
 * computed from the tally.
 *
 * @category events
 * @since 0.3.0
 */
export const ConversionVoted = step("ConversionVoted", {
  meetingId: Schema.String,
  outcome: ConversionOutcome,
  extendMonths: Schema.optionalKey(Months),
  tally: Tally,
  passed: Schema.Boolean
})

/**
 * Step 24: the approving committee approved the outcome (R89, R37). A conversion is `effectiveOn` the end of
 * probation (computed, never entered); an extension moves `probationEndsAt`.
 *
 * @category events
 * @since 0.3.0
 */
export const ConversionApproved = step("ConversionApproved", {
  approverOrgId: Schema.String,
  meetingId: Schema.String,
  outcome: ConversionOutcome,
  effectiveOn: Schema.optionalKey(LegalDate),
  probationEndsAt: LegalDate
})

/**
 * Step 25: the materials went into the personnel or member file (材料归档, R89).
 *
 * @category events
 * @since 0.3.0
 */
export const RecordsArchived = step("RecordsArchived", {})

// ---------------------------------------------------------------------------------------------------------
// Moves (R90)
// ---------------------------------------------------------------------------------------------------------

/**
 * An applicant, activist or development object moved: the record now belongs to `toOrgId` (R90). Not an
 * affiliation transfer (R41–R44); it never creates membership.
 *
 * @category events
 * @since 0.3.0
 */
export const DevelopmentRecordTransferred = Schema.TaggedStruct("DevelopmentRecordTransferred", {
  applicantId: Schema.String,
  fromOrgId: Schema.String,
  toOrgId: Schema.String,
  materialsTransferred: Schema.Boolean,
  at: LegalDate
})

/**
 * The old organization handed the training materials over to the new one after a move (R90).
 *
 * @category events
 * @since 0.3.0
 */
export const DevelopmentMaterialsHandedOver = Schema.TaggedStruct("DevelopmentMaterialsHandedOver", {
  applicantId: Schema.String,
  fromOrgId: Schema.String,
  toOrgId: Schema.String,
  at: LegalDate
})

/**
 * The event definitions of the development stream, for the codec.
 *
 * @category events
 * @since 0.3.0
 */
export const developmentEvents = [
  EventDefinition.define("ApplicationSubmitted", ApplicationSubmitted),
  EventDefinition.define("ApplicantInterviewed", ApplicantInterviewed),
  EventDefinition.define("ActivistDesignated", ActivistDesignated),
  EventDefinition.define("ActivistFiled", ActivistFiled),
  EventDefinition.define("ContactPersonsAssigned", ContactPersonsAssigned),
  EventDefinition.define("ActivistReviewed", ActivistReviewed),
  EventDefinition.define("DevelopmentObjectDesignated", DevelopmentObjectDesignated),
  EventDefinition.define("DevelopmentObjectFiled", DevelopmentObjectFiled),
  EventDefinition.define("IntroducersAssigned", IntroducersAssigned),
  EventDefinition.define("PoliticalReviewConcluded", PoliticalReviewConcluded),
  EventDefinition.define("TrainingCompleted", TrainingCompleted),
  EventDefinition.define("BranchCommitteeReviewed", BranchCommitteeReviewed),
  EventDefinition.define("PreReviewPassed", PreReviewPassed),
  EventDefinition.define("ApplicationFormIssued", ApplicationFormIssued),
  EventDefinition.define("ApplicationFormCompleted", ApplicationFormCompleted),
  EventDefinition.define("AdmissionVoted", AdmissionVoted),
  EventDefinition.define("ResolutionReported", ResolutionReported),
  EventDefinition.define("AdmissionReviewed", AdmissionReviewed),
  EventDefinition.define("ApprovalInterviewHeld", ApprovalInterviewHeld),
  EventDefinition.define("AdmissionApproved", AdmissionApproved),
  EventDefinition.define("AdmissionRejected", AdmissionRejected),
  EventDefinition.define("AdmissionFiled", AdmissionFiled),
  EventDefinition.define("AssignedToBranchAndGroup", AssignedToBranchAndGroup),
  EventDefinition.define("OathTaken", OathTaken),
  EventDefinition.define("ProbationReviewed", ProbationReviewed),
  EventDefinition.define("ConversionApplied", ConversionApplied),
  EventDefinition.define("ConversionPostponed", ConversionPostponed),
  EventDefinition.define("ConversionVoted", ConversionVoted),
  EventDefinition.define("ConversionApproved", ConversionApproved),
  EventDefinition.define("RecordsArchived", RecordsArchived),
  EventDefinition.define("DevelopmentRecordTransferred", DevelopmentRecordTransferred),
  EventDefinition.define("DevelopmentMaterialsHandedOver", DevelopmentMaterialsHandedOver)
] as const

/**
 * Every event of the development stream.
 *
 * @category events
 * @since 0.3.0
 */
export const DevelopmentEvent = Schema.Union([
  ApplicationSubmitted,
  ApplicantInterviewed,
  ActivistDesignated,
  ActivistFiled,
  ContactPersonsAssigned,
  ActivistReviewed,
  DevelopmentObjectDesignated,
  DevelopmentObjectFiled,
  IntroducersAssigned,
  PoliticalReviewConcluded,
  TrainingCompleted,
  BranchCommitteeReviewed,
  PreReviewPassed,
  ApplicationFormIssued,
  ApplicationFormCompleted,
  AdmissionVoted,
  ResolutionReported,
  AdmissionReviewed,
  ApprovalInterviewHeld,
  AdmissionApproved,
  AdmissionRejected,
  AdmissionFiled,
  AssignedToBranchAndGroup,
  OathTaken,
  ProbationReviewed,
  ConversionApplied,
  ConversionPostponed,
  ConversionVoted,
  ConversionApproved,
  RecordsArchived,
  DevelopmentRecordTransferred,
  DevelopmentMaterialsHandedOver
]).annotate({ identifier: "DevelopmentEvent" })

/**
 * @category events
 * @since 0.3.0
 */
export type DevelopmentEvent = typeof DevelopmentEvent.Type
