/**
 * The events of the member stream (`member-<memberId>`).
 *
 * These tags and fields are the stored format: they are versioned with upcasters and never renamed or
 * reshaped in place. Ids are opaque; no event carries a member's name, ID number, phone or address.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { YearMonth } from "../dues/model.ts"
import * as EventDefinition from "../kernel/EventDefinition.ts"
import { LegalDate } from "../LegalDate.ts"
import { Approval, JoiningStatus } from "../organization/model.ts"
import { Months } from "../units.ts"
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
// Standing: admission, probation, conversion (R20, R37, R38)
// ---------------------------------------------------------------------------------------------------------

/**
 * A member already in the Party was registered with an affiliation (migrating an existing roster). R38:
 * the member's one formal affiliation.
 *
 * @category events
 * @since 0.1.0
 */
export const MemberRegistered = Schema.TaggedStruct("MemberRegistered", {
  memberId: Schema.String,
  orgId: Schema.String,
  status: JoiningStatus,
  probationEndsAt: Schema.optionalKey(LegalDate),
  at: LegalDate
})

/**
 * A branch general meeting admitted the member as probationary, with the higher organization's approval
 * (R37). The probation runs from the meeting's date.
 *
 * @category events
 * @since 0.1.0
 */
export const MemberAdmitted = Schema.TaggedStruct("MemberAdmitted", {
  memberId: Schema.String,
  orgId: Schema.String,
  meeting: MeetingVote,
  approval: Approval,
  probationEndsAt: LegalDate,
  at: LegalDate
})

/**
 * The probation was extended once, by 6–12 months from its end (R37).
 *
 * @category events
 * @since 0.1.0
 */
export const ProbationExtended = Schema.TaggedStruct("ProbationExtended", {
  memberId: Schema.String,
  orgId: Schema.String,
  months: Months,
  until: LegalDate,
  meeting: MeetingVote,
  approval: Approval,
  at: LegalDate
})

/**
 * The probationary member became a full member (R37); Party standing counts from this date.
 *
 * @category events
 * @since 0.1.0
 */
export const MemberConverted = Schema.TaggedStruct("MemberConverted", {
  memberId: Schema.String,
  orgId: Schema.String,
  meeting: MeetingVote,
  approval: Approval,
  at: LegalDate
})

/**
 * The probationary membership was cancelled (R37).
 *
 * @category events
 * @since 0.1.0
 */
export const ProbationCancelled = Schema.TaggedStruct("ProbationCancelled", {
  memberId: Schema.String,
  orgId: Schema.String,
  meeting: MeetingVote,
  approval: Approval,
  at: LegalDate
})

// ---------------------------------------------------------------------------------------------------------
// Participation, lapse, lost contact, suspension, removal (R39, R40)
// ---------------------------------------------------------------------------------------------------------

/**
 * The member took part in organizational life, paid dues or did assigned work (R39).
 *
 * @category events
 * @since 0.1.0
 */
export const ParticipationRecorded = Schema.TaggedStruct("ParticipationRecorded", {
  memberId: Schema.String,
  orgId: Schema.String,
  kind: ParticipationKind,
  at: LegalDate
})

/**
 * The organization has lost contact with the member since `since` (R40).
 *
 * @category events
 * @since 0.1.0
 */
export const LostContactRecorded = Schema.TaggedStruct("LostContactRecorded", {
  memberId: Schema.String,
  since: LegalDate,
  at: LegalDate
})

/**
 * Contact with the member was restored (R40).
 *
 * @category events
 * @since 0.1.0
 */
export const ContactRestored = Schema.TaggedStruct("ContactRestored", {
  memberId: Schema.String,
  at: LegalDate
})

/**
 * The membership was suspended (停止党籍) by decision of the branch or the higher organization, after at
 * least the policy's months of lost contact (R40). A suspended member counts nowhere.
 *
 * @category events
 * @since 0.1.0
 */
export const MembershipSuspended = Schema.TaggedStruct("MembershipSuspended", {
  memberId: Schema.String,
  orgId: Schema.String,
  decision: Approval,
  lostContactSince: LegalDate,
  at: LegalDate
})

/**
 * The membership was restored by procedure (R40).
 *
 * @category events
 * @since 0.1.0
 */
export const MembershipRestored = Schema.TaggedStruct("MembershipRestored", {
  memberId: Schema.String,
  orgId: Schema.String,
  status: JoiningStatus,
  approval: Approval,
  at: LegalDate
})

/**
 * The branch general meeting removed the member from the rolls (除名), with the higher organization's
 * approval (R39, R40).
 *
 * @category events
 * @since 0.1.0
 */
export const MemberRemoved = Schema.TaggedStruct("MemberRemoved", {
  memberId: Schema.String,
  orgId: Schema.String,
  reason: RemovalReason,
  meeting: MeetingVote,
  approval: Approval,
  at: LegalDate
})

// ---------------------------------------------------------------------------------------------------------
// Transfers (R41–R44)
// ---------------------------------------------------------------------------------------------------------

/**
 * A transfer letter was issued (R42, R43). Until it is received the member counts at the origin. `external`:
 * the destination is recorded in another store (another province's shard).
 *
 * @category events
 * @since 0.1.0
 */
export const TransferLetterIssued = Schema.TaggedStruct("TransferLetterIssued", {
  memberId: Schema.String,
  transferId: Schema.String,
  fromOrgId: Schema.String,
  toOrgId: Schema.String,
  validUntil: LegalDate,
  external: Schema.optionalKey(Schema.Boolean),
  /** R74: the month the dues were paid through when the letter was issued (absent on letters before 0.3.0). */
  duesPaidThrough: Schema.optionalKey(YearMonth),
  at: LegalDate
})

/**
 * The destination received the member (R42): appended in the same atomic append as the origin's
 * `RosterMemberRemoved` and the destination's `RosterMemberAdded`. Across stores each store appends its own
 * half: the destination's with the `letter` (its `RosterMemberAdded`; the member's record there starts from
 * the letter), the origin's without it (its `RosterMemberRemoved`; the member is `transferredOut` there).
 *
 * @category events
 * @since 0.1.0
 */
export const TransferReceived = Schema.TaggedStruct("TransferReceived", {
  memberId: Schema.String,
  transferId: Schema.String,
  fromOrgId: Schema.String,
  toOrgId: Schema.String,
  letter: Schema.optionalKey(TransferLetter),
  at: LegalDate
})

/**
 * The destination refused the transfer, with a reason (R42). The member stays at the origin.
 *
 * @category events
 * @since 0.1.0
 */
export const TransferRejected = Schema.TaggedStruct("TransferRejected", {
  memberId: Schema.String,
  transferId: Schema.String,
  reason: TransferRejectionReason,
  at: LegalDate
})

/**
 * The letter's validity ran out before it was received (R43): a state transition, not a rejection. A new
 * letter is needed.
 *
 * @category events
 * @since 0.1.0
 */
export const TransferLetterExpired = Schema.TaggedStruct("TransferLetterExpired", {
  memberId: Schema.String,
  transferId: Schema.String,
  at: LegalDate
})

// ---------------------------------------------------------------------------------------------------------
// Absence and mobile members (R11, R41, R44, R45)
// ---------------------------------------------------------------------------------------------------------

/**
 * The member went away to study, work or live elsewhere, at a relatively fixed place or not, at home or
 * abroad (R41, R44, R45).
 *
 * @category events
 * @since 0.1.0
 */
export const AbsenceRecorded = Schema.TaggedStruct("AbsenceRecorded", {
  memberId: Schema.String,
  fixedPlace: Schema.Boolean,
  abroad: Schema.Boolean,
  at: LegalDate
})

/**
 * The member away became a mobile member (流动党员) with a host organization and a credential (R45): takes
 * part and is appraised at the host, never votes there; the affiliation stays at the origin.
 *
 * @category events
 * @since 0.1.0
 */
export const MobileMemberRegistered = Schema.TaggedStruct("MobileMemberRegistered", {
  memberId: Schema.String,
  originOrgId: Schema.String,
  hostOrgId: Schema.String,
  credential: MobileCredential,
  credentialId: Schema.String,
  contactPersonId: Schema.optionalKey(Schema.String),
  at: LegalDate
})

/**
 * The origin named the person who keeps contact with the mobile member (R45).
 *
 * @category events
 * @since 0.1.0
 */
export const MobileContactPersonAssigned = Schema.TaggedStruct("MobileContactPersonAssigned", {
  memberId: Schema.String,
  contactPersonId: Schema.String,
  at: LegalDate
})

/**
 * The origin was in contact with the mobile member (R45).
 *
 * @category events
 * @since 0.1.0
 */
export const MobileContactRecorded = Schema.TaggedStruct("MobileContactRecorded", {
  memberId: Schema.String,
  at: LegalDate
})

/**
 * The mobile member took part in the host organization's life, appraisal, training or service (R45).
 *
 * @category events
 * @since 0.1.0
 */
export const HostActivityRecorded = Schema.TaggedStruct("HostActivityRecorded", {
  memberId: Schema.String,
  hostOrgId: Schema.String,
  kind: HostActivityKind,
  at: LegalDate
})

/**
 * The member came back: the absence and any mobile status end.
 *
 * @category events
 * @since 0.1.0
 */
export const MemberReturned = Schema.TaggedStruct("MemberReturned", {
  memberId: Schema.String,
  at: LegalDate
})

// ---------------------------------------------------------------------------------------------------------
// Community check-ins (R46, R47)
// ---------------------------------------------------------------------------------------------------------

/**
 * The member checked in at the residence community (R47). The affiliation and every count stay as they are.
 *
 * @category events
 * @since 0.1.0
 */
export const CommunityCheckedIn = Schema.TaggedStruct("CommunityCheckedIn", {
  memberId: Schema.String,
  checkInId: Schema.String,
  communityOrgId: Schema.String,
  affiliationOrgId: Schema.String,
  record: CheckInRecord,
  resettled: Schema.Boolean,
  at: LegalDate
})

/**
 * The community recorded an activity of the checked-in member (R47).
 *
 * @category events
 * @since 0.1.0
 */
export const CheckInActivityRecorded = Schema.TaggedStruct("CheckInActivityRecorded", {
  memberId: Schema.String,
  checkInId: Schema.String,
  activityKind: Schema.String,
  at: LegalDate
})

/**
 * The community fed the member's performance back to the affiliation organization (R47).
 *
 * @category events
 * @since 0.1.0
 */
export const CheckInFeedbackRecorded = Schema.TaggedStruct("CheckInFeedbackRecorded", {
  memberId: Schema.String,
  checkInId: Schema.String,
  toOrgId: Schema.String,
  rating: FeedbackRating,
  at: LegalDate
})

/**
 * The member checked out of the community (R47).
 *
 * @category events
 * @since 0.1.0
 */
export const CommunityCheckedOut = Schema.TaggedStruct("CommunityCheckedOut", {
  memberId: Schema.String,
  checkInId: Schema.String,
  at: LegalDate
})

// ---------------------------------------------------------------------------------------------------------
// Rights (R20, R45, R47)
// ---------------------------------------------------------------------------------------------------------

/**
 * The member voted, elected or stood for election at the affiliation organization (R20).
 *
 * @category events
 * @since 0.1.0
 */
export const VoteRecorded = Schema.TaggedStruct("VoteRecorded", {
  memberId: Schema.String,
  orgId: Schema.String,
  kind: VoteKind,
  at: LegalDate
})

/**
 * Every event definition of the member stream.
 *
 * @category events
 * @since 0.1.0
 */
export const memberEvents = [
  EventDefinition.define("MemberRegistered", MemberRegistered),
  EventDefinition.define("MemberAdmitted", MemberAdmitted),
  EventDefinition.define("ProbationExtended", ProbationExtended),
  EventDefinition.define("MemberConverted", MemberConverted),
  EventDefinition.define("ProbationCancelled", ProbationCancelled),
  EventDefinition.define("ParticipationRecorded", ParticipationRecorded),
  EventDefinition.define("LostContactRecorded", LostContactRecorded),
  EventDefinition.define("ContactRestored", ContactRestored),
  EventDefinition.define("MembershipSuspended", MembershipSuspended),
  EventDefinition.define("MembershipRestored", MembershipRestored),
  EventDefinition.define("MemberRemoved", MemberRemoved),
  EventDefinition.define("TransferLetterIssued", TransferLetterIssued),
  EventDefinition.define("TransferReceived", TransferReceived),
  EventDefinition.define("TransferRejected", TransferRejected),
  EventDefinition.define("TransferLetterExpired", TransferLetterExpired),
  EventDefinition.define("AbsenceRecorded", AbsenceRecorded),
  EventDefinition.define("MobileMemberRegistered", MobileMemberRegistered),
  EventDefinition.define("MobileContactPersonAssigned", MobileContactPersonAssigned),
  EventDefinition.define("MobileContactRecorded", MobileContactRecorded),
  EventDefinition.define("HostActivityRecorded", HostActivityRecorded),
  EventDefinition.define("MemberReturned", MemberReturned),
  EventDefinition.define("CommunityCheckedIn", CommunityCheckedIn),
  EventDefinition.define("CheckInActivityRecorded", CheckInActivityRecorded),
  EventDefinition.define("CheckInFeedbackRecorded", CheckInFeedbackRecorded),
  EventDefinition.define("CommunityCheckedOut", CommunityCheckedOut),
  EventDefinition.define("VoteRecorded", VoteRecorded)
] as const

/**
 * Every event of the member stream.
 *
 * @category events
 * @since 0.1.0
 */
export const MemberEvent = Schema.Union([
  MemberRegistered,
  MemberAdmitted,
  ProbationExtended,
  MemberConverted,
  ProbationCancelled,
  ParticipationRecorded,
  LostContactRecorded,
  ContactRestored,
  MembershipSuspended,
  MembershipRestored,
  MemberRemoved,
  TransferLetterIssued,
  TransferReceived,
  TransferRejected,
  TransferLetterExpired,
  AbsenceRecorded,
  MobileMemberRegistered,
  MobileContactPersonAssigned,
  MobileContactRecorded,
  HostActivityRecorded,
  MemberReturned,
  CommunityCheckedIn,
  CheckInActivityRecorded,
  CheckInFeedbackRecorded,
  CommunityCheckedOut,
  VoteRecorded
]).annotate({ identifier: "MemberEvent" })

/**
 * @category events
 * @since 0.1.0
 */
export type MemberEvent = typeof MemberEvent.Type
