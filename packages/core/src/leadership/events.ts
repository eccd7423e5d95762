/**
 * The events of the leadership-history stream (`leadership-<orgId>`): terms opened and closed (R91), void
 * elections (R92), by-elections, approval documents (R94), extensions (R22), renewal reminders (R95), renewal
 * requests and reports (R96).
 *
 * These tags and fields are the stored format: they are versioned with upcasters and never renamed or
 * reshaped in place. Ids are opaque; no event carries a member's personal data. No event of this aggregate is
 * ever appended to an organization stream.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import * as EventDefinition from "../kernel/EventDefinition.ts"
import { LegalDate } from "../LegalDate.ts"
import { OrgKind } from "../organization/model.ts"
import { Count, Months, Positive } from "../units.ts"
import { Alternate, ApprovalSubject, Ballot, ElectionMode, ReminderKind, TermBody, TermMember } from "./model.ts"

/**
 * An election opened a term (第N届, R91): what it elected, how, the members with their roles, the alternates
 * in the order of their votes (R93), the ballot (R92), the organization's kind at the election, and the term's
 * length and expected end computed with the policy in force on the election (R21), never entered.
 *
 * @category events
 * @since 0.3.0
 */
export const TermOpened = Schema.TaggedStruct("TermOpened", {
  orgId: Schema.String,
  termNo: Positive,
  body: TermBody,
  mode: ElectionMode,
  seats: Positive,
  members: Schema.Array(TermMember),
  alternates: Schema.Array(Alternate),
  ballot: Ballot,
  orgKind: OrgKind,
  termYears: Count,
  expectedEnd: LegalDate,
  at: LegalDate
})

/**
 * A term ended because the next one opened (R91: `endedOn` is the new election's date).
 *
 * @category events
 * @since 0.3.0
 */
export const TermClosed = Schema.TaggedStruct("TermClosed", {
  orgId: Schema.String,
  termNo: Positive,
  at: LegalDate
})

/**
 * An election was void (R92: more ballots collected than issued) and opened no term; a new election follows.
 *
 * @category events
 * @since 0.3.0
 */
export const ElectionVoided = Schema.TaggedStruct("ElectionVoided", {
  orgId: Schema.String,
  termNo: Positive,
  ballot: Ballot,
  at: LegalDate
})

/**
 * A by-election (补选) filled a seat of the current term: it amends the term and opens no new one (R91).
 *
 * @category events
 * @since 0.3.0
 */
export const ByElectionRecorded = Schema.TaggedStruct("ByElectionRecorded", {
  orgId: Schema.String,
  termNo: Positive,
  member: TermMember,
  replacesMemberId: Schema.optionalKey(Schema.String),
  at: LegalDate
})

/**
 * An approval document of the current term (R94): who approved, when, and its number when there is one.
 *
 * @category events
 * @since 0.3.0
 */
export const TermApprovalRecorded = Schema.TaggedStruct("TermApprovalRecorded", {
  orgId: Schema.String,
  termNo: Positive,
  subject: ApprovalSubject,
  approvedBy: Schema.String,
  approvedOn: LegalDate,
  approvalDocNo: Schema.optionalKey(Schema.String),
  at: LegalDate
})

/**
 * The current term was extended with approval (R22): the term now ends on `extendedTo`; its number is unchanged
 * (R91) and the reminders move with it (R95).
 *
 * @category events
 * @since 0.3.0
 */
export const TermExtensionRecorded = Schema.TaggedStruct("TermExtensionRecorded", {
  orgId: Schema.String,
  termNo: Positive,
  months: Months,
  extendedTo: LegalDate,
  approvedBy: Schema.String,
  approvedOn: LegalDate,
  approvalDocNo: Schema.optionalKey(Schema.String),
  exceptional: Schema.Boolean,
  at: LegalDate
})

/**
 * The higher organization reminded the organization of its renewal (R95).
 *
 * @category events
 * @since 0.3.0
 */
export const RenewalReminderIssued = Schema.TaggedStruct("RenewalReminderIssued", {
  orgId: Schema.String,
  termNo: Positive,
  kind: ReminderKind,
  at: LegalDate
})

/**
 * The organization sent its written renewal request (换届请示, R96) for the current term's renewal.
 *
 * @category events
 * @since 0.3.0
 */
export const RenewalRequested = Schema.TaggedStruct("RenewalRequested", {
  orgId: Schema.String,
  termNo: Positive,
  plannedOn: Schema.optionalKey(LegalDate),
  at: LegalDate
})

/**
 * The organization reported the result of the election that opened the current term (R96).
 *
 * @category events
 * @since 0.3.0
 */
export const RenewalReported = Schema.TaggedStruct("RenewalReported", {
  orgId: Schema.String,
  termNo: Positive,
  at: LegalDate
})

/**
 * The event definitions of the leadership-history stream, for the codec.
 *
 * @category events
 * @since 0.3.0
 */
export const leadershipEvents = [
  EventDefinition.define("TermOpened", TermOpened),
  EventDefinition.define("TermClosed", TermClosed),
  EventDefinition.define("ElectionVoided", ElectionVoided),
  EventDefinition.define("ByElectionRecorded", ByElectionRecorded),
  EventDefinition.define("TermApprovalRecorded", TermApprovalRecorded),
  EventDefinition.define("TermExtensionRecorded", TermExtensionRecorded),
  EventDefinition.define("RenewalReminderIssued", RenewalReminderIssued),
  EventDefinition.define("RenewalRequested", RenewalRequested),
  EventDefinition.define("RenewalReported", RenewalReported)
] as const

/**
 * Every event of the leadership-history stream.
 *
 * @category events
 * @since 0.3.0
 */
export const LeadershipEvent = Schema.Union([
  TermOpened,
  TermClosed,
  ElectionVoided,
  ByElectionRecorded,
  TermApprovalRecorded,
  TermExtensionRecorded,
  RenewalReminderIssued,
  RenewalRequested,
  RenewalReported
]).annotate({ identifier: "LeadershipEvent" })

/**
 * @category events
 * @since 0.3.0
 */
export type LeadershipEvent = typeof LeadershipEvent.Type
