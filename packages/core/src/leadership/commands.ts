/**
 * The commands of the leadership-history aggregate (R91–R96). Every command carries its legal date `at` and may
 * carry an `actor` (an opaque id). {@link RecordElection} reads the organization's stream (its kind and locus
 * give the term's length, R21; a temporary branch holds no elections, R9); the others are decided on the
 * leadership stream alone.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { LegalDate } from "../LegalDate.ts"
import { actor, Positive } from "../units.ts"
import { Alternate, ApprovalSubject, Ballot, ElectionMode, ReminderKind, TermBody, TermMember } from "./model.ts"

/**
 * Records an election that opens term `termNo` (R91): the next number (or 第1届 again after an upgrade, when the
 * policy restarts numbering); the ballot (R92) with its arithmetic; alternates only where the policy allows them
 * (R93). A void ballot (more collected than issued) is recorded as void and opens no term.
 *
 * @category commands
 * @since 0.3.0
 */
export const RecordElection = Schema.TaggedStruct("RecordElection", {
  orgId: Schema.String,
  termNo: Positive,
  body: TermBody,
  mode: ElectionMode,
  seats: Positive,
  members: Schema.Array(TermMember),
  alternates: Schema.optionalKey(Schema.Array(Alternate)),
  ballot: Ballot,
  at: LegalDate,
  actor
})

/**
 * Records a by-election (补选) for the current term: a member joins (replacing one who left, when named); the
 * term's number does not change (R91).
 *
 * @category commands
 * @since 0.3.0
 */
export const RecordByElection = Schema.TaggedStruct("RecordByElection", {
  orgId: Schema.String,
  member: TermMember,
  replacesMemberId: Schema.optionalKey(Schema.String),
  at: LegalDate,
  actor
})

/**
 * Records an approval document of the current term (R94): who approved and when (required), and its number
 * (required only where the policy says so).
 *
 * @category commands
 * @since 0.3.0
 */
export const RecordTermApproval = Schema.TaggedStruct("RecordTermApproval", {
  orgId: Schema.String,
  subject: ApprovalSubject,
  approvedBy: Schema.String,
  approvedOn: LegalDate,
  approvalDocNo: Schema.optionalKey(Schema.String),
  at: LegalDate,
  actor
})

/**
 * Records an approved extension of the current term by `months` (R22: at most a year in all unless
 * `exceptional`); the term's number does not change (R91).
 *
 * @category commands
 * @since 0.3.0
 */
export const RecordTermExtension = Schema.TaggedStruct("RecordTermExtension", {
  orgId: Schema.String,
  months: Positive,
  approvedBy: Schema.String,
  approvedOn: LegalDate,
  approvalDocNo: Schema.optionalKey(Schema.String),
  exceptional: Schema.optionalKey(Schema.Boolean),
  at: LegalDate,
  actor
})

/**
 * Records a renewal reminder or a year-start notice from the higher organization (R95).
 *
 * @category commands
 * @since 0.3.0
 */
export const RecordRenewalReminder = Schema.TaggedStruct("RecordRenewalReminder", {
  orgId: Schema.String,
  kind: ReminderKind,
  at: LegalDate,
  actor
})

/**
 * Records the organization's written renewal request (R96), with the planned election date when known.
 *
 * @category commands
 * @since 0.3.0
 */
export const RecordRenewalRequest = Schema.TaggedStruct("RecordRenewalRequest", {
  orgId: Schema.String,
  plannedOn: Schema.optionalKey(LegalDate),
  at: LegalDate,
  actor
})

/**
 * Records the report of the election that opened the current term (R96).
 *
 * @category commands
 * @since 0.3.0
 */
export const RecordRenewalReport = Schema.TaggedStruct("RecordRenewalReport", {
  orgId: Schema.String,
  at: LegalDate,
  actor
})

/**
 * Every leadership-history command.
 *
 * @category commands
 * @since 0.3.0
 */
export const LeadershipCommand = Schema.Union([
  RecordElection,
  RecordByElection,
  RecordTermApproval,
  RecordTermExtension,
  RecordRenewalReminder,
  RecordRenewalRequest,
  RecordRenewalReport
]).annotate({ identifier: "LeadershipCommand" })

/**
 * @category commands
 * @since 0.3.0
 */
export type LeadershipCommand = typeof LeadershipCommand.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type RecordElection = typeof RecordElection.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type RecordByElection = typeof RecordByElection.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type RecordTermApproval = typeof RecordTermApproval.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type RecordTermExtension = typeof RecordTermExtension.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type RecordRenewalReminder = typeof RecordRenewalReminder.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type RecordRenewalRequest = typeof RecordRenewalRequest.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type RecordRenewalReport = typeof RecordRenewalReport.Type
