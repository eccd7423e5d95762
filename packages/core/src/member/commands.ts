/**
 * The commands of the member aggregate. Every command carries its legal date `at` and may carry an `actor` (an
 * opaque id). They are decided over the member stream and the organization streams they concern (see
 * `decide.ts`).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { YearMonth } from "../dues/model.ts"
import { LegalDate } from "../LegalDate.ts"
import { Approval, JoiningStatus } from "../organization/model.ts"
import { actor, Days, Months } from "../units.ts"
import {
  CheckInRecord,
  FeedbackRating,
  HostActivityKind,
  MeetingVote,
  MobileCredential,
  ParticipationKind,
  RemovalReason,
  TransferLetter,
  TransferRejectionReason,
  VoteKind
} from "./model.ts"

// ---------------------------------------------------------------------------------------------------------
// Standing
// ---------------------------------------------------------------------------------------------------------

/**
 * Registers a member already in the Party with an affiliation (R38); adds the member to that roster unless
 * the organization's establishment already listed them.
 *
 * @category commands
 * @since 0.1.0
 */
export const RegisterMember = Schema.TaggedStruct("RegisterMember", {
  memberId: Schema.String,
  orgId: Schema.String,
  status: JoiningStatus,
  probationEndsAt: Schema.optionalKey(LegalDate),
  at: LegalDate,
  actor
})

/**
 * Admits a member as probationary by a branch general meeting with higher approval (R37, R20, R25).
 *
 * @category commands
 * @since 0.1.0
 */
export const AdmitMember = Schema.TaggedStruct("AdmitMember", {
  memberId: Schema.String,
  orgId: Schema.String,
  meeting: MeetingVote,
  approval: Approval,
  at: LegalDate,
  actor
})

/**
 * Converts a probationary member to full at the end of probation (R37).
 *
 * @category commands
 * @since 0.1.0
 */
export const ConvertMember = Schema.TaggedStruct("ConvertMember", {
  memberId: Schema.String,
  meeting: MeetingVote,
  approval: Approval,
  at: LegalDate,
  actor
})

/**
 * Extends the probation once, by `months` from its end (R37: 6–12 months by policy).
 *
 * @category commands
 * @since 0.1.0
 */
export const ExtendProbation = Schema.TaggedStruct("ExtendProbation", {
  memberId: Schema.String,
  months: Months,
  meeting: MeetingVote,
  approval: Approval,
  at: LegalDate,
  actor
})

/**
 * Cancels a probationary membership (R37).
 *
 * @category commands
 * @since 0.1.0
 */
export const CancelProbation = Schema.TaggedStruct("CancelProbation", {
  memberId: Schema.String,
  meeting: MeetingVote,
  approval: Approval,
  at: LegalDate,
  actor
})

/**
 * Records organizational life, dues or assigned work at the affiliation organization (R39).
 *
 * @category commands
 * @since 0.1.0
 */
export const RecordParticipation = Schema.TaggedStruct("RecordParticipation", {
  memberId: Schema.String,
  kind: ParticipationKind,
  at: LegalDate,
  actor
})

/**
 * Records that contact with the member was lost since a date (R40).
 *
 * @category commands
 * @since 0.1.0
 */
export const RecordLostContact = Schema.TaggedStruct("RecordLostContact", {
  memberId: Schema.String,
  since: LegalDate,
  at: LegalDate,
  actor
})

/**
 * Records that contact with the member was restored (R40).
 *
 * @category commands
 * @since 0.1.0
 */
export const RestoreContact = Schema.TaggedStruct("RestoreContact", {
  memberId: Schema.String,
  at: LegalDate,
  actor
})

/**
 * Suspends the membership after lost contact, by decision of the branch or the higher organization (R40).
 *
 * @category commands
 * @since 0.1.0
 */
export const SuspendMembership = Schema.TaggedStruct("SuspendMembership", {
  memberId: Schema.String,
  decision: Approval,
  at: LegalDate,
  actor
})

/**
 * Restores a suspended membership by procedure (R40).
 *
 * @category commands
 * @since 0.1.0
 */
export const RestoreMembership = Schema.TaggedStruct("RestoreMembership", {
  memberId: Schema.String,
  approval: Approval,
  at: LegalDate,
  actor
})

/**
 * Removes the member from the rolls by a general-meeting vote and higher approval (R39, R40).
 *
 * @category commands
 * @since 0.1.0
 */
export const RemoveMember = Schema.TaggedStruct("RemoveMember", {
  memberId: Schema.String,
  reason: RemovalReason,
  meeting: MeetingVote,
  approval: Approval,
  at: LegalDate,
  actor
})

// ---------------------------------------------------------------------------------------------------------
// Transfers
// ---------------------------------------------------------------------------------------------------------

/**
 * Issues a transfer letter to another organization (R42), valid `validityDays` (default and maximum: the
 * policy's `transferLetterValidityDays`, R43). `external: true` sends it to an organization recorded in
 * another store (another province's shard): that store checks the destination when it receives the letter.
 *
 * @category commands
 * @since 0.1.0
 */
export const IssueTransferLetter = Schema.TaggedStruct("IssueTransferLetter", {
  memberId: Schema.String,
  transferId: Schema.String,
  toOrgId: Schema.String,
  validityDays: Schema.optionalKey(Days),
  external: Schema.optionalKey(Schema.Boolean),
  /** R74: the month the member's dues are paid through ("党费已交到"), from `Dues.paidThrough`; optional. */
  duesPaidThrough: Schema.optionalKey(YearMonth),
  at: LegalDate,
  actor
})

/**
 * The destination receives the member (R42): one atomic append to the member, origin and destination
 * streams. Across stores (provinces) it is two appends, one in each store, never one transaction: the
 * destination's store receives with the `letter` (the member's stream there starts from it), then the
 * origin's store records the same receipt without a letter (the member leaves its roster). A receipt already
 * recorded for the same `transferId` is nothing to do, so a retry after a crash appends nothing.
 *
 * @category commands
 * @since 0.1.0
 */
export const ReceiveTransfer = Schema.TaggedStruct("ReceiveTransfer", {
  memberId: Schema.String,
  transferId: Schema.String,
  letter: Schema.optionalKey(TransferLetter),
  at: LegalDate,
  actor
})

/**
 * The destination refuses the transfer with a reason (R42).
 *
 * @category commands
 * @since 0.1.0
 */
export const RejectTransfer = Schema.TaggedStruct("RejectTransfer", {
  memberId: Schema.String,
  transferId: Schema.String,
  reason: TransferRejectionReason,
  at: LegalDate,
  actor
})

/**
 * Marks an open letter as expired after its validity (R43).
 *
 * @category commands
 * @since 0.1.0
 */
export const ExpireTransferLetter = Schema.TaggedStruct("ExpireTransferLetter", {
  memberId: Schema.String,
  transferId: Schema.String,
  at: LegalDate,
  actor
})

// ---------------------------------------------------------------------------------------------------------
// Absence and mobile members
// ---------------------------------------------------------------------------------------------------------

/**
 * Records that the member went away (R41, R44).
 *
 * @category commands
 * @since 0.1.0
 */
export const RecordAbsence = Schema.TaggedStruct("RecordAbsence", {
  memberId: Schema.String,
  fixedPlace: Schema.Boolean,
  abroad: Schema.Boolean,
  at: LegalDate,
  actor
})

/**
 * Registers the member as a mobile member at a host organization with a credential (R45, R44); records the
 * absence too when none is recorded.
 *
 * @category commands
 * @since 0.1.0
 */
export const RegisterMobileMember = Schema.TaggedStruct("RegisterMobileMember", {
  memberId: Schema.String,
  hostOrgId: Schema.String,
  credential: MobileCredential,
  credentialId: Schema.String,
  contactPersonId: Schema.optionalKey(Schema.String),
  fixedPlace: Schema.Boolean,
  abroad: Schema.Boolean,
  at: LegalDate,
  actor
})

/**
 * Names the person who keeps contact with a mobile member (R45).
 *
 * @category commands
 * @since 0.1.0
 */
export const AssignMobileContactPerson = Schema.TaggedStruct("AssignMobileContactPerson", {
  memberId: Schema.String,
  contactPersonId: Schema.String,
  at: LegalDate,
  actor
})

/**
 * Records the origin's contact with a mobile member (R45).
 *
 * @category commands
 * @since 0.1.0
 */
export const RecordMobileContact = Schema.TaggedStruct("RecordMobileContact", {
  memberId: Schema.String,
  at: LegalDate,
  actor
})

/**
 * Records a mobile member's organizational life, appraisal, training or service at the host (R45).
 *
 * @category commands
 * @since 0.1.0
 */
export const RecordHostActivity = Schema.TaggedStruct("RecordHostActivity", {
  memberId: Schema.String,
  hostOrgId: Schema.String,
  kind: HostActivityKind,
  at: LegalDate,
  actor
})

/**
 * Records the member's return: the absence and any mobile status end.
 *
 * @category commands
 * @since 0.1.0
 */
export const RecordReturn = Schema.TaggedStruct("RecordReturn", {
  memberId: Schema.String,
  at: LegalDate,
  actor
})

// ---------------------------------------------------------------------------------------------------------
// Community check-ins
// ---------------------------------------------------------------------------------------------------------

/**
 * Checks the member in at the residence community (R47); `resettled` marks a member living in a
 * resettlement community while keeping the affiliation elsewhere (R46).
 *
 * @category commands
 * @since 0.1.0
 */
export const CheckInAtCommunity = Schema.TaggedStruct("CheckInAtCommunity", {
  memberId: Schema.String,
  checkInId: Schema.String,
  communityOrgId: Schema.String,
  record: CheckInRecord,
  resettled: Schema.Boolean,
  at: LegalDate,
  actor
})

/**
 * Records an activity of the checked-in member at the community (R47).
 *
 * @category commands
 * @since 0.1.0
 */
export const RecordCheckInActivity = Schema.TaggedStruct("RecordCheckInActivity", {
  memberId: Schema.String,
  activityKind: Schema.String,
  at: LegalDate,
  actor
})

/**
 * Records the community's feedback to the affiliation organization (R47).
 *
 * @category commands
 * @since 0.1.0
 */
export const RecordCheckInFeedback = Schema.TaggedStruct("RecordCheckInFeedback", {
  memberId: Schema.String,
  rating: FeedbackRating,
  at: LegalDate,
  actor
})

/**
 * Checks the member out of the community (R47).
 *
 * @category commands
 * @since 0.1.0
 */
export const CheckOutOfCommunity = Schema.TaggedStruct("CheckOutOfCommunity", {
  memberId: Schema.String,
  at: LegalDate,
  actor
})

// ---------------------------------------------------------------------------------------------------------
// Rights
// ---------------------------------------------------------------------------------------------------------

/**
 * Records the member's vote, election ballot or candidacy at an organization. Only the affiliation
 * organization's full members may (R20); never at a host (R45) or a check-in community (R47).
 *
 * @category commands
 * @since 0.1.0
 */
export const RecordVote = Schema.TaggedStruct("RecordVote", {
  memberId: Schema.String,
  orgId: Schema.String,
  kind: VoteKind,
  at: LegalDate,
  actor
})

/**
 * Every command of the member aggregate.
 *
 * @category commands
 * @since 0.1.0
 */
export const MemberCommand = Schema.Union([
  RegisterMember,
  AdmitMember,
  ConvertMember,
  ExtendProbation,
  CancelProbation,
  RecordParticipation,
  RecordLostContact,
  RestoreContact,
  SuspendMembership,
  RestoreMembership,
  RemoveMember,
  IssueTransferLetter,
  ReceiveTransfer,
  RejectTransfer,
  ExpireTransferLetter,
  RecordAbsence,
  RegisterMobileMember,
  AssignMobileContactPerson,
  RecordMobileContact,
  RecordHostActivity,
  RecordReturn,
  CheckInAtCommunity,
  RecordCheckInActivity,
  RecordCheckInFeedback,
  CheckOutOfCommunity,
  RecordVote
]).annotate({ identifier: "MemberCommand" })

/**
 * @category commands
 * @since 0.1.0
 */
export type MemberCommand = typeof MemberCommand.Type

// ---------------------------------------------------------------------------------------------------------
// Command types
// ---------------------------------------------------------------------------------------------------------

/**
 * @category commands
 * @since 0.1.0
 */
export type RegisterMember = typeof RegisterMember.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type AdmitMember = typeof AdmitMember.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type ConvertMember = typeof ConvertMember.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type ExtendProbation = typeof ExtendProbation.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type CancelProbation = typeof CancelProbation.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type RecordParticipation = typeof RecordParticipation.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type RecordLostContact = typeof RecordLostContact.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type RestoreContact = typeof RestoreContact.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type SuspendMembership = typeof SuspendMembership.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type RestoreMembership = typeof RestoreMembership.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type RemoveMember = typeof RemoveMember.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type IssueTransferLetter = typeof IssueTransferLetter.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type ReceiveTransfer = typeof ReceiveTransfer.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type RejectTransfer = typeof RejectTransfer.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type ExpireTransferLetter = typeof ExpireTransferLetter.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type RecordAbsence = typeof RecordAbsence.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type RegisterMobileMember = typeof RegisterMobileMember.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type AssignMobileContactPerson = typeof AssignMobileContactPerson.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type RecordMobileContact = typeof RecordMobileContact.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type RecordHostActivity = typeof RecordHostActivity.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type RecordReturn = typeof RecordReturn.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type CheckInAtCommunity = typeof CheckInAtCommunity.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type RecordCheckInActivity = typeof RecordCheckInActivity.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type RecordCheckInFeedback = typeof RecordCheckInFeedback.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type CheckOutOfCommunity = typeof CheckOutOfCommunity.Type

/**
 * @category commands
 * @since 0.1.0
 */
export type RecordVote = typeof RecordVote.Type
