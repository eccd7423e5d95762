/**
 * Every command and event of the member aggregate (`Member.MemberCommand`, `Member.MemberEvent`), one arbitrary
 * per `_tag` and one per union. Values are structurally valid
 * (each decodes with its Schema) but not necessarily accepted; for accepted histories see
 * `townshipHistory`. Ids are opaque and drawn from small pools; no value holds personal data.
 *
 * @since 0.1.0
 */
import { Member } from "@dangjian/core"
import fc from "fast-check"
import { actor, oneOfRecord, tagged } from "../internal/tagged.ts"
import { yearMonth } from "./dues.ts"
import { transferLetter } from "./letters.ts"
import type { ValueOptions } from "./values.ts"
import { values } from "./values.ts"

type Cmd<Tag extends Member.MemberCommand["_tag"]> = Extract<Member.MemberCommand, { readonly _tag: Tag }>
type Ev<Tag extends Member.MemberEvent["_tag"]> = Extract<Member.MemberEvent, { readonly _tag: Tag }>

/**
 * An arbitrary for every member command, by `_tag`.
 *
 * @since 0.1.0
 * @category models
 */
export type MemberCommandArbitraries = {
  readonly [Tag in Member.MemberCommand["_tag"]]: fc.Arbitrary<Cmd<Tag>>
}

/**
 * An arbitrary for every member event, by `_tag`.
 *
 * @since 0.1.0
 * @category models
 */
export type MemberEventArbitraries = {
  readonly [Tag in Member.MemberEvent["_tag"]]: fc.Arbitrary<Ev<Tag>>
}

/**
 * The value objects of the membership pillar over the ids and dates of `options`: general-meeting votes,
 * community check-in records (opaque references and codes only), and the pillar's enumerations.
 *
 * @since 0.1.0
 * @category member values
 */
export const memberValues = (options: ValueOptions = {}) => {
  const v = values(options)
  const small = fc.integer({ min: 0, max: 12 })
  return {
    meeting: fc.record({ entitled: small, present: small, yes: small, at: v.date }),
    checkInRecord: fc.record(
      {
        residenceRef: fc.integer({ min: 1, max: 5 }).map((n) => `residence-${n}`),
        skills: fc.uniqueArray(fc.constantFrom("law", "medicine", "farming", "teaching"), { maxLength: 3 }),
        serviceWillingness: fc.uniqueArray(fc.constantFrom("mediation", "patrol", "tutoring"), { maxLength: 3 }),
        assignedPostId: v.entityId("post-"),
        gridId: v.entityId("grid-")
      },
      { requiredKeys: ["residenceRef", "skills", "serviceWillingness"] }
    ) as fc.Arbitrary<Member.CheckInRecord>,
    joiningStatus: fc.constantFrom<"full" | "probationary">("full", "probationary"),
    participationKind: fc.constantFrom(...Member.ParticipationKind.literals),
    removalReason: fc.constantFrom(...Member.RemovalReason.literals),
    rejectionReason: fc.constantFrom(...Member.TransferRejectionReason.literals),
    credential: fc.constantFrom(...Member.MobileCredential.literals),
    hostActivityKind: fc.constantFrom(...Member.HostActivityKind.literals),
    rating: fc.constantFrom(...Member.FeedbackRating.literals),
    voteKind: fc.constantFrom(...Member.VoteKind.literals),
    activityKind: fc.constantFrom("orgLife", "volunteering", "patrol", "study"),
    transferId: v.entityId("transfer-"),
    checkInId: v.entityId("checkin-"),
    months: fc.integer({ min: 0, max: 14 }),
    ...v
  }
}

/**
 * One arbitrary per member command (`RegisterMember` … `RecordVote`), over the ids and dates of `options`.
 *
 * @since 0.1.0
 * @category member commands
 */
export const memberCommandArbitraries = (options: ValueOptions = {}): MemberCommandArbitraries => {
  const v = memberValues(options)
  const { approval, date: at, meeting, memberId, orgId } = v
  return {
    RegisterMember: tagged<Cmd<"RegisterMember">>("RegisterMember", {
      memberId,
      orgId,
      status: v.joiningStatus,
      at
    }, { probationEndsAt: at, actor }),
    AdmitMember: tagged<Cmd<"AdmitMember">>("AdmitMember", { memberId, orgId, meeting, approval, at }, { actor }),
    ConvertMember: tagged<Cmd<"ConvertMember">>("ConvertMember", { memberId, meeting, approval, at }, { actor }),
    ExtendProbation: tagged<Cmd<"ExtendProbation">>("ExtendProbation", {
      memberId,
      months: v.months,
      meeting,
      approval,
      at
    }, { actor }),
    CancelProbation: tagged<Cmd<"CancelProbation">>("CancelProbation", { memberId, meeting, approval, at }, { actor }),
    RecordParticipation: tagged<Cmd<"RecordParticipation">>("RecordParticipation", {
      memberId,
      kind: v.participationKind,
      at
    }, { actor }),
    RecordLostContact: tagged<Cmd<"RecordLostContact">>("RecordLostContact", { memberId, since: at, at }, { actor }),
    RestoreContact: tagged<Cmd<"RestoreContact">>("RestoreContact", { memberId, at }, { actor }),
    SuspendMembership: tagged<Cmd<"SuspendMembership">>("SuspendMembership", { memberId, decision: approval, at }, {
      actor
    }),
    RestoreMembership: tagged<Cmd<"RestoreMembership">>("RestoreMembership", { memberId, approval, at }, { actor }),
    RemoveMember: tagged<Cmd<"RemoveMember">>("RemoveMember", {
      memberId,
      reason: v.removalReason,
      meeting,
      approval,
      at
    }, { actor }),
    IssueTransferLetter: tagged<Cmd<"IssueTransferLetter">>("IssueTransferLetter", {
      memberId,
      transferId: v.transferId,
      toOrgId: orgId,
      at
    }, {
      validityDays: fc.integer({ min: 1, max: 120 }),
      external: fc.boolean(),
      duesPaidThrough: yearMonth(),
      actor
    }),
    ReceiveTransfer: tagged<Cmd<"ReceiveTransfer">>("ReceiveTransfer", { memberId, transferId: v.transferId, at }, {
      letter: transferLetter(options),
      actor
    }),
    RejectTransfer: tagged<Cmd<"RejectTransfer">>("RejectTransfer", {
      memberId,
      transferId: v.transferId,
      reason: v.rejectionReason,
      at
    }, { actor }),
    ExpireTransferLetter: tagged<Cmd<"ExpireTransferLetter">>("ExpireTransferLetter", {
      memberId,
      transferId: v.transferId,
      at
    }, { actor }),
    RecordAbsence: tagged<Cmd<"RecordAbsence">>("RecordAbsence", {
      memberId,
      fixedPlace: fc.boolean(),
      abroad: fc.boolean(),
      at
    }, { actor }),
    RegisterMobileMember: tagged<Cmd<"RegisterMobileMember">>("RegisterMobileMember", {
      memberId,
      hostOrgId: orgId,
      credential: v.credential,
      credentialId: v.entityId("credential-"),
      fixedPlace: fc.boolean(),
      abroad: fc.boolean(),
      at
    }, { contactPersonId: v.entityId("contact-"), actor }),
    AssignMobileContactPerson: tagged<Cmd<"AssignMobileContactPerson">>("AssignMobileContactPerson", {
      memberId,
      contactPersonId: v.entityId("contact-"),
      at
    }, { actor }),
    RecordMobileContact: tagged<Cmd<"RecordMobileContact">>("RecordMobileContact", { memberId, at }, { actor }),
    RecordHostActivity: tagged<Cmd<"RecordHostActivity">>("RecordHostActivity", {
      memberId,
      hostOrgId: orgId,
      kind: v.hostActivityKind,
      at
    }, { actor }),
    RecordReturn: tagged<Cmd<"RecordReturn">>("RecordReturn", { memberId, at }, { actor }),
    CheckInAtCommunity: tagged<Cmd<"CheckInAtCommunity">>("CheckInAtCommunity", {
      memberId,
      checkInId: v.checkInId,
      communityOrgId: orgId,
      record: v.checkInRecord,
      resettled: fc.boolean(),
      at
    }, { actor }),
    RecordCheckInActivity: tagged<Cmd<"RecordCheckInActivity">>("RecordCheckInActivity", {
      memberId,
      activityKind: v.activityKind,
      at
    }, { actor }),
    RecordCheckInFeedback: tagged<Cmd<"RecordCheckInFeedback">>("RecordCheckInFeedback", {
      memberId,
      rating: v.rating,
      at
    }, { actor }),
    CheckOutOfCommunity: tagged<Cmd<"CheckOutOfCommunity">>("CheckOutOfCommunity", { memberId, at }, { actor }),
    RecordVote: tagged<Cmd<"RecordVote">>("RecordVote", { memberId, orgId, kind: v.voteKind, at }, { actor })
  }
}

/**
 * One arbitrary per member event (`MemberRegistered` … `VoteRecorded`), over the ids and dates of
 * `options`.
 *
 * @since 0.1.0
 * @category member events
 */
export const memberEventArbitraries = (options: ValueOptions = {}): MemberEventArbitraries => {
  const v = memberValues(options)
  const { approval, date: at, meeting, memberId, orgId } = v
  return {
    MemberRegistered: tagged<Ev<"MemberRegistered">>("MemberRegistered", {
      memberId,
      orgId,
      status: v.joiningStatus,
      at
    }, { probationEndsAt: at }),
    MemberAdmitted: tagged<Ev<"MemberAdmitted">>("MemberAdmitted", {
      memberId,
      orgId,
      meeting,
      approval,
      probationEndsAt: at,
      at
    }, {}),
    ProbationExtended: tagged<Ev<"ProbationExtended">>("ProbationExtended", {
      memberId,
      orgId,
      months: v.months,
      until: at,
      meeting,
      approval,
      at
    }, {}),
    MemberConverted: tagged<Ev<"MemberConverted">>("MemberConverted", { memberId, orgId, meeting, approval, at }, {}),
    ProbationCancelled: tagged<Ev<"ProbationCancelled">>("ProbationCancelled", {
      memberId,
      orgId,
      meeting,
      approval,
      at
    }, {}),
    ParticipationRecorded: tagged<Ev<"ParticipationRecorded">>("ParticipationRecorded", {
      memberId,
      orgId,
      kind: v.participationKind,
      at
    }, {}),
    LostContactRecorded: tagged<Ev<"LostContactRecorded">>("LostContactRecorded", { memberId, since: at, at }, {}),
    ContactRestored: tagged<Ev<"ContactRestored">>("ContactRestored", { memberId, at }, {}),
    MembershipSuspended: tagged<Ev<"MembershipSuspended">>("MembershipSuspended", {
      memberId,
      orgId,
      decision: approval,
      lostContactSince: at,
      at
    }, {}),
    MembershipRestored: tagged<Ev<"MembershipRestored">>("MembershipRestored", {
      memberId,
      orgId,
      status: v.joiningStatus,
      approval,
      at
    }, {}),
    MemberRemoved: tagged<Ev<"MemberRemoved">>("MemberRemoved", {
      memberId,
      orgId,
      reason: v.removalReason,
      meeting,
      approval,
      at
    }, {}),
    TransferLetterIssued: tagged<Ev<"TransferLetterIssued">>("TransferLetterIssued", {
      memberId,
      transferId: v.transferId,
      fromOrgId: orgId,
      toOrgId: orgId,
      validUntil: at,
      at
    }, { external: fc.boolean(), duesPaidThrough: yearMonth() }),
    TransferReceived: tagged<Ev<"TransferReceived">>("TransferReceived", {
      memberId,
      transferId: v.transferId,
      fromOrgId: orgId,
      toOrgId: orgId,
      at
    }, { letter: transferLetter(options) }),
    TransferRejected: tagged<Ev<"TransferRejected">>("TransferRejected", {
      memberId,
      transferId: v.transferId,
      reason: v.rejectionReason,
      at
    }, {}),
    TransferLetterExpired: tagged<Ev<"TransferLetterExpired">>("TransferLetterExpired", {
      memberId,
      transferId: v.transferId,
      at
    }, {}),
    AbsenceRecorded: tagged<Ev<"AbsenceRecorded">>("AbsenceRecorded", {
      memberId,
      fixedPlace: fc.boolean(),
      abroad: fc.boolean(),
      at
    }, {}),
    MobileMemberRegistered: tagged<Ev<"MobileMemberRegistered">>("MobileMemberRegistered", {
      memberId,
      originOrgId: orgId,
      hostOrgId: orgId,
      credential: v.credential,
      credentialId: v.entityId("credential-"),
      at
    }, { contactPersonId: v.entityId("contact-") }),
    MobileContactPersonAssigned: tagged<Ev<"MobileContactPersonAssigned">>("MobileContactPersonAssigned", {
      memberId,
      contactPersonId: v.entityId("contact-"),
      at
    }, {}),
    MobileContactRecorded: tagged<Ev<"MobileContactRecorded">>("MobileContactRecorded", { memberId, at }, {}),
    HostActivityRecorded: tagged<Ev<"HostActivityRecorded">>("HostActivityRecorded", {
      memberId,
      hostOrgId: orgId,
      kind: v.hostActivityKind,
      at
    }, {}),
    MemberReturned: tagged<Ev<"MemberReturned">>("MemberReturned", { memberId, at }, {}),
    CommunityCheckedIn: tagged<Ev<"CommunityCheckedIn">>("CommunityCheckedIn", {
      memberId,
      checkInId: v.checkInId,
      communityOrgId: orgId,
      affiliationOrgId: orgId,
      record: v.checkInRecord,
      resettled: fc.boolean(),
      at
    }, {}),
    CheckInActivityRecorded: tagged<Ev<"CheckInActivityRecorded">>("CheckInActivityRecorded", {
      memberId,
      checkInId: v.checkInId,
      activityKind: v.activityKind,
      at
    }, {}),
    CheckInFeedbackRecorded: tagged<Ev<"CheckInFeedbackRecorded">>("CheckInFeedbackRecorded", {
      memberId,
      checkInId: v.checkInId,
      toOrgId: orgId,
      rating: v.rating,
      at
    }, {}),
    CommunityCheckedOut: tagged<Ev<"CommunityCheckedOut">>("CommunityCheckedOut", {
      memberId,
      checkInId: v.checkInId,
      at
    }, {}),
    VoteRecorded: tagged<Ev<"VoteRecorded">>("VoteRecorded", { memberId, orgId, kind: v.voteKind, at }, {})
  }
}

/**
 * Any member command (every member of `Member.MemberCommand`); each value decodes with that Schema.
 *
 * @since 0.1.0
 * @category member commands
 */
export const memberCommand = (options: ValueOptions = {}): fc.Arbitrary<Member.MemberCommand> =>
  oneOfRecord<Member.MemberCommand>(memberCommandArbitraries(options))

/**
 * Any member event (every member of `Member.MemberEvent`); each value decodes with that Schema and
 * round-trips through `Dangjian.codec`.
 *
 * @since 0.1.0
 * @category member events
 */
export const memberEvent = (options: ValueOptions = {}): fc.Arbitrary<Member.MemberEvent> =>
  oneOfRecord<Member.MemberEvent>(memberEventArbitraries(options))
