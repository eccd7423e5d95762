/**
 * The commands of the development aggregate, one per step of R77 (in stage order), plus the branch's report
 * and an intermediate review (R87), the postponement of a conversion (R89) and the move of a record (R90).
 * Every command carries its legal date `at` and may carry an `actor` (an opaque id). Commands are decoded from
 * untrusted JSON; the rules are judged by `decide` over the development stream and the streams it reads (the
 * organizations, the contact persons' and introducers' member streams, the candidate's member stream).
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { LegalDate } from "../LegalDate.ts"
import { actor, Count, Ids, Months } from "../units.ts"
import { ConversionOutcome, DecidingBody, DecisionMeeting, InterviewerRole, ReviewResult, Tally } from "./model.ts"

const command = <Tag extends string, Fields extends Schema.Struct.Fields>(tag: Tag, fields: Fields) =>
  Schema.TaggedStruct(tag, { applicantId: Schema.String, ...fields, at: LegalDate, actor })

// ---------------------------------------------------------------------------------------------------------
// Stage 1: 申请入党
// ---------------------------------------------------------------------------------------------------------

/**
 * Step 1: records a written application received by an organization on `at` (R78: the applicant is 18 on
 * that date; `bornOn` is read for the check and never stored). Opens the record, or reopens it after a
 * rejection.
 *
 * @category commands
 * @since 0.3.0
 */
export const SubmitApplication = command("SubmitApplication", { orgId: Schema.String, bornOn: LegalDate })

/**
 * Step 2: records the talk with the applicant (R79: within a month).
 *
 * @category commands
 * @since 0.3.0
 */
export const InterviewApplicant = command("InterviewApplicant", {})

// ---------------------------------------------------------------------------------------------------------
// Stage 2: 入党积极分子的确定和培养教育
// ---------------------------------------------------------------------------------------------------------

/**
 * Step 3: makes the applicant an activist, by the branch committee, or the general meeting without one (R80).
 *
 * @category commands
 * @since 0.3.0
 */
export const DesignateActivist = command("DesignateActivist", { decidedBy: DecidingBody })

/**
 * Step 4: records the filing of the activist with the higher committee (R80).
 *
 * @category commands
 * @since 0.3.0
 */
export const FileActivist = command("FileActivist", {})

/**
 * Step 5: assigns one or two full members as contact persons (R80).
 *
 * @category commands
 * @since 0.3.0
 */
export const AssignContactPersons = command("AssignContactPersons", { contactPersonIds: Ids })

/**
 * Step 6: records a review of the activist (R80: every half year).
 *
 * @category commands
 * @since 0.3.0
 */
export const ReviewActivist = command("ReviewActivist", {})

// ---------------------------------------------------------------------------------------------------------
// Stage 3: 发展对象的确定和考察
// ---------------------------------------------------------------------------------------------------------

/**
 * Step 7: makes the activist a development object, a year or more after step 3 (R81).
 *
 * @category commands
 * @since 0.3.0
 */
export const DesignateDevelopmentObject = command("DesignateDevelopmentObject", { decidedBy: DecidingBody })

/**
 * Step 8: records the filing of the development object with the higher committee (R81).
 *
 * @category commands
 * @since 0.3.0
 */
export const FileDevelopmentObject = command("FileDevelopmentObject", {})

/**
 * Step 9: names the two full-member introducers (R82).
 *
 * @category commands
 * @since 0.3.0
 */
export const AssignIntroducers = command("AssignIntroducers", { introducerIds: Ids })

/**
 * Step 10: records the conclusion of the political review (R83).
 *
 * @category commands
 * @since 0.3.0
 */
export const ConcludePoliticalReview = command("ConcludePoliticalReview", { result: ReviewResult })

/**
 * Step 11: records the concentrated training (R83): days and 学时, or a waiver with its reason.
 *
 * @category commands
 * @since 0.3.0
 */
export const CompleteTraining = command("CompleteTraining", {
  days: Count,
  hours: Schema.Number.check(Schema.isGreaterThanOrEqualTo(0)),
  waiverReason: Schema.optionalKey(Schema.String)
})

// ---------------------------------------------------------------------------------------------------------
// Stage 4: 预备党员的接收
// ---------------------------------------------------------------------------------------------------------

/**
 * Step 12: records the branch committee's review (R84), with the candidate's expected departure from the unit
 * when one is known.
 *
 * @category commands
 * @since 0.3.0
 */
export const ReviewByBranchCommittee = command("ReviewByBranchCommittee", {
  expectedDepartureOn: Schema.optionalKey(LegalDate)
})

/**
 * Step 13: records the pre-review by a committee with approval power above the branch (R84, R87).
 *
 * @category commands
 * @since 0.3.0
 */
export const PassPreReview = command("PassPreReview", { approverOrgId: Schema.String })

/**
 * The outcome of step 13: issues the admission form (R84).
 *
 * @category commands
 * @since 0.3.0
 */
export const IssueApplicationForm = command("IssueApplicationForm", {})

/**
 * Step 14: records the completed admission form (R84).
 *
 * @category commands
 * @since 0.3.0
 */
export const CompleteApplicationForm = command("CompleteApplicationForm", {})

/**
 * Step 15: records the branch general meeting's vote on the candidate (R85): the meeting, the candidates its
 * vote names (exactly this one: 逐个表决) and the tally.
 *
 * @category commands
 * @since 0.3.0
 */
export const VoteOnAdmission = command("VoteOnAdmission", {
  meetingId: Schema.String,
  candidateIds: Ids,
  tally: Tally
})

/**
 * Records the branch's report of the resolution to the approving committee (R87: the approval clock).
 *
 * @category commands
 * @since 0.3.0
 */
export const ReportResolution = command("ReportResolution", { approverOrgId: Schema.String })

/**
 * Records the review (审议) of the resolution by a village or community committee or a general branch between
 * the branch and the approver (R87).
 *
 * @category commands
 * @since 0.3.0
 */
export const RecordAdmissionReview = command("RecordAdmissionReview", { reviewerOrgId: Schema.String })

/**
 * Step 16: records the higher committee's talk with the candidate (R86).
 *
 * @category commands
 * @since 0.3.0
 */
export const HoldApprovalInterview = command("HoldApprovalInterview", { interviewerRole: InterviewerRole })

/**
 * Step 17: approves the admission (R87) and hands over to the member stream (R88): the candidate becomes a
 * probationary member of the branch from the vote, in the same atomic append. `delayReason` explains an
 * approval after the three months.
 *
 * @category commands
 * @since 0.3.0
 */
export const ApproveAdmission = command("ApproveAdmission", {
  approverOrgId: Schema.String,
  meeting: DecisionMeeting,
  delayReason: Schema.optionalKey(Schema.String)
})

/**
 * Step 17: records that the approving committee did not approve (R88).
 *
 * @category commands
 * @since 0.3.0
 */
export const RejectAdmission = command("RejectAdmission", { approverOrgId: Schema.String, meeting: DecisionMeeting })

/**
 * Step 18: records the filing of the approval (R87).
 *
 * @category commands
 * @since 0.3.0
 */
export const FileAdmission = command("FileAdmission", {})

// ---------------------------------------------------------------------------------------------------------
// Stage 5: 预备党员的教育考察和转正
// ---------------------------------------------------------------------------------------------------------

/**
 * Step 19: records the placement in the branch and, when named, a party group of it (R88, R38).
 *
 * @category commands
 * @since 0.3.0
 */
export const AssignToBranchAndGroup = command("AssignToBranchAndGroup", {
  groupId: Schema.optionalKey(Schema.String)
})

/**
 * Step 20: records the oath (R88).
 *
 * @category commands
 * @since 0.3.0
 */
export const TakeOath = command("TakeOath", {})

/**
 * Step 21: records a review of the probationary member (R77).
 *
 * @category commands
 * @since 0.3.0
 */
export const ReviewProbation = command("ReviewProbation", {})

/**
 * Step 22: records the application for conversion (R89).
 *
 * @category commands
 * @since 0.3.0
 */
export const ApplyForConversion = command("ApplyForConversion", {})

/**
 * Postpones the conversion discussion of a probationary member whose affiliation was received during the
 * probation, to `until` (R89: at most six months after the probation's end).
 *
 * @category commands
 * @since 0.3.0
 */
export const PostponeConversion = command("PostponeConversion", { until: LegalDate })

/**
 * Step 23: records the branch general meeting's vote on the conversion (R89): convert, extend by
 * `extendMonths`, or cancel; one candidate, R85's tally.
 *
 * @category commands
 * @since 0.3.0
 */
export const VoteOnConversion = command("VoteOnConversion", {
  meetingId: Schema.String,
  candidateIds: Ids,
  outcome: ConversionOutcome,
  extendMonths: Schema.optionalKey(Months),
  tally: Tally
})

/**
 * Step 24: approves the outcome of the conversion vote (R89, R37, R87) and hands it over to the member
 * stream in the same atomic append.
 *
 * @category commands
 * @since 0.3.0
 */
export const ApproveConversion = command("ApproveConversion", {
  approverOrgId: Schema.String,
  meeting: DecisionMeeting
})

/**
 * Step 25: records that the materials were archived (R89).
 *
 * @category commands
 * @since 0.3.0
 */
export const ArchiveRecords = command("ArchiveRecords", {})

// ---------------------------------------------------------------------------------------------------------
// Moves (R90)
// ---------------------------------------------------------------------------------------------------------

/**
 * Moves the record of an applicant, activist or development object to another organization (R90), saying
 * whether the training materials went with it.
 *
 * @category commands
 * @since 0.3.0
 */
export const TransferDevelopmentRecord = command("TransferDevelopmentRecord", {
  toOrgId: Schema.String,
  materialsTransferred: Schema.Boolean
})

/**
 * Records that the training materials were handed over after a move (R90).
 *
 * @category commands
 * @since 0.3.0
 */
export const HandOverDevelopmentMaterials = command("HandOverDevelopmentMaterials", {})

/**
 * Every development command.
 *
 * @category commands
 * @since 0.3.0
 */
export const DevelopmentCommand = Schema.Union([
  SubmitApplication,
  InterviewApplicant,
  DesignateActivist,
  FileActivist,
  AssignContactPersons,
  ReviewActivist,
  DesignateDevelopmentObject,
  FileDevelopmentObject,
  AssignIntroducers,
  ConcludePoliticalReview,
  CompleteTraining,
  ReviewByBranchCommittee,
  PassPreReview,
  IssueApplicationForm,
  CompleteApplicationForm,
  VoteOnAdmission,
  ReportResolution,
  RecordAdmissionReview,
  HoldApprovalInterview,
  ApproveAdmission,
  RejectAdmission,
  FileAdmission,
  AssignToBranchAndGroup,
  TakeOath,
  ReviewProbation,
  ApplyForConversion,
  PostponeConversion,
  VoteOnConversion,
  ApproveConversion,
  ArchiveRecords,
  TransferDevelopmentRecord,
  HandOverDevelopmentMaterials
]).annotate({ identifier: "DevelopmentCommand" })

/**
 * @category commands
 * @since 0.3.0
 */
export type DevelopmentCommand = typeof DevelopmentCommand.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type SubmitApplication = typeof SubmitApplication.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type InterviewApplicant = typeof InterviewApplicant.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type DesignateActivist = typeof DesignateActivist.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type FileActivist = typeof FileActivist.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type AssignContactPersons = typeof AssignContactPersons.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type ReviewActivist = typeof ReviewActivist.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type DesignateDevelopmentObject = typeof DesignateDevelopmentObject.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type FileDevelopmentObject = typeof FileDevelopmentObject.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type AssignIntroducers = typeof AssignIntroducers.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type ConcludePoliticalReview = typeof ConcludePoliticalReview.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type CompleteTraining = typeof CompleteTraining.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type ReviewByBranchCommittee = typeof ReviewByBranchCommittee.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type PassPreReview = typeof PassPreReview.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type IssueApplicationForm = typeof IssueApplicationForm.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type CompleteApplicationForm = typeof CompleteApplicationForm.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type VoteOnAdmission = typeof VoteOnAdmission.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type ReportResolution = typeof ReportResolution.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type RecordAdmissionReview = typeof RecordAdmissionReview.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type HoldApprovalInterview = typeof HoldApprovalInterview.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type ApproveAdmission = typeof ApproveAdmission.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type RejectAdmission = typeof RejectAdmission.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type FileAdmission = typeof FileAdmission.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type AssignToBranchAndGroup = typeof AssignToBranchAndGroup.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type TakeOath = typeof TakeOath.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type ReviewProbation = typeof ReviewProbation.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type ApplyForConversion = typeof ApplyForConversion.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type PostponeConversion = typeof PostponeConversion.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type VoteOnConversion = typeof VoteOnConversion.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type ApproveConversion = typeof ApproveConversion.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type ArchiveRecords = typeof ArchiveRecords.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type TransferDevelopmentRecord = typeof TransferDevelopmentRecord.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type HandOverDevelopmentMaterials = typeof HandOverDevelopmentMaterials.Type
