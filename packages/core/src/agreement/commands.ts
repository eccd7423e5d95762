/**
 * The commands of the agreement aggregate. Every command carries its legal date `at` and may carry an
 * `actor` (an opaque id). {@link SignAgreement} and {@link RenewAgreement} read the party organizations'
 * streams (they must exist and not be dissolved, R50) and the joint organization's (R48); the others are
 * decided on the agreement stream alone.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { LegalDate } from "../LegalDate.ts"
import { actor, Count } from "../units.ts"
import { Area, Form, Party, Rating, Signatory, Term, TerminationReason } from "./model.ts"

/**
 * Proposes a draft (R49, R50 checked on its contents). Proposing again before signing amends the draft.
 *
 * @category commands
 * @since 0.1.0
 */
export const ProposeAgreement = Schema.TaggedStruct("ProposeAgreement", {
  agreementId: Schema.String,
  parties: Schema.Array(Party),
  form: Form,
  areas: Schema.Array(Area),
  term: Schema.optionalKey(Term),
  at: LegalDate,
  actor
})

/**
 * Signs an agreement (R48–R50), with or without a prior proposal: what is signed is binding. ≥ 2 distinct
 * parties, at least one a Party organization, every party organization existing and not dissolved, ≥ 1 of
 * the five areas, a term (or `openEnded`) as the policy requires, a signatory for every party.
 *
 * @category commands
 * @since 0.1.0
 */
export const SignAgreement = Schema.TaggedStruct("SignAgreement", {
  agreementId: Schema.String,
  parties: Schema.Array(Party),
  form: Form,
  areas: Schema.Array(Area),
  term: Schema.optionalKey(Term),
  signatories: Schema.Array(Signatory),
  jointOrganizationId: Schema.optionalKey(Schema.String),
  at: LegalDate,
  actor
})

/**
 * Records a joint activity in one of the agreed areas, with the parties involved and a participant count.
 *
 * @category commands
 * @since 0.1.0
 */
export const RecordAgreementActivity = Schema.TaggedStruct("RecordAgreementActivity", {
  agreementId: Schema.String,
  activityId: Schema.String,
  area: Area,
  partyIds: Schema.Array(Schema.String),
  participants: Count,
  /** The office's summary; it must not name people. */
  description: Schema.String,
  at: LegalDate,
  actor
})

/**
 * Submits the written report of the earliest period not yet reported (R50, cadence from policy).
 *
 * @category commands
 * @since 0.1.0
 */
export const SubmitAgreementReport = Schema.TaggedStruct("SubmitAgreementReport", {
  agreementId: Schema.String,
  reportId: Schema.String,
  at: LegalDate,
  actor
})

/**
 * Records a periodic evaluation (R50).
 *
 * @category commands
 * @since 0.1.0
 */
export const EvaluateAgreement = Schema.TaggedStruct("EvaluateAgreement", {
  agreementId: Schema.String,
  evaluationId: Schema.String,
  rating: Rating,
  at: LegalDate,
  actor
})

/**
 * Signs a new round of the same agreement between the same parties (R50: 新一轮结对共建), with its areas,
 * term and signatories.
 *
 * @category commands
 * @since 0.1.0
 */
export const RenewAgreement = Schema.TaggedStruct("RenewAgreement", {
  agreementId: Schema.String,
  areas: Schema.Array(Area),
  term: Schema.optionalKey(Term),
  signatories: Schema.Array(Signatory),
  jointOrganizationId: Schema.optionalKey(Schema.String),
  at: LegalDate,
  actor
})

/**
 * Ends a proposed or signed agreement, with a coded reason.
 *
 * @category commands
 * @since 0.1.0
 */
export const TerminateAgreement = Schema.TaggedStruct("TerminateAgreement", {
  agreementId: Schema.String,
  reason: TerminationReason,
  at: LegalDate,
  actor
})

/**
 * Records that the term ended without renewal (from the day after the end date).
 *
 * @category commands
 * @since 0.1.0
 */
export const ExpireAgreement = Schema.TaggedStruct("ExpireAgreement", {
  agreementId: Schema.String,
  at: LegalDate,
  actor
})

/**
 * The commands that read the party organizations' streams too.
 *
 * @category commands
 * @since 0.1.0
 */
export const SigningCommand = Schema.Union([SignAgreement, RenewAgreement])

/**
 * @category commands
 * @since 0.1.0
 */
export type SigningCommand = typeof SigningCommand.Type

/**
 * Every agreement command.
 *
 * @category commands
 * @since 0.1.0
 */
export const AgreementCommand = Schema.Union([
  ProposeAgreement,
  SignAgreement,
  RecordAgreementActivity,
  SubmitAgreementReport,
  EvaluateAgreement,
  RenewAgreement,
  TerminateAgreement,
  ExpireAgreement
]).annotate({ identifier: "AgreementCommand" })

/**
 * @category commands
 * @since 0.1.0
 */
export type AgreementCommand = typeof AgreementCommand.Type
