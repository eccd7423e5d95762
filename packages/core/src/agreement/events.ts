/**
 * The events of the agreement stream (`agreement-<agreementId>`).
 *
 * These tags and fields are the stored format: they are versioned with upcasters and never renamed or
 * reshaped in place. Ids are opaque; no event carries a member's personal data (an activity's description
 * is the office's own summary and must not name people).
 *
 * A pairing agreement creates no organization and no affiliation (R48): no agreement event is ever appended
 * to an organization stream.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as EventDefinition from "../kernel/EventDefinition.ts"
import { LegalDate } from "../LegalDate.ts"
import { Count, Positive } from "../units.ts"
import { Area, Form, Party, Rating, Signatory, Term, TerminationReason } from "./model.ts"

/**
 * A draft agreement was proposed (its contents already meet R49 and R50).
 *
 * @category events
 * @since 0.1.0
 */
export const AgreementProposed = Schema.TaggedStruct("AgreementProposed", {
  agreementId: Schema.String,
  parties: Schema.Array(Party),
  form: Form,
  areas: Schema.Array(Area),
  term: Schema.optionalKey(Term),
  at: LegalDate
})

/**
 * The agreement was signed (R48–R50): its first round starts. `at` is the signing date (`signedAt`).
 *
 * @category events
 * @since 0.1.0
 */
export const AgreementSigned = Schema.TaggedStruct("AgreementSigned", {
  agreementId: Schema.String,
  parties: Schema.Array(Party),
  form: Form,
  areas: Schema.Array(Area),
  term: Schema.optionalKey(Term),
  signatories: Schema.Array(Signatory),
  /** R48: the joint organization (村居联建, 村企联建) set up in the Organization pillar for this pairing. */
  jointOrganizationId: Schema.optionalKey(Schema.String),
  at: LegalDate
})

/**
 * A joint activity was held (R50: records after each activity).
 *
 * @category events
 * @since 0.1.0
 */
export const AgreementActivityRecorded = Schema.TaggedStruct("AgreementActivityRecorded", {
  agreementId: Schema.String,
  activityId: Schema.String,
  area: Area,
  partyIds: Schema.Array(Schema.String),
  participants: Count,
  description: Schema.String,
  at: LegalDate
})

/**
 * A periodic written report was submitted (R50, cadence from policy: quarterly by default, local). `period`
 * counts from 1 in each round; `periodEnd` is the last day it covers.
 *
 * @category events
 * @since 0.1.0
 */
export const AgreementReportSubmitted = Schema.TaggedStruct("AgreementReportSubmitted", {
  agreementId: Schema.String,
  reportId: Schema.String,
  round: Positive,
  period: Positive,
  periodEnd: LegalDate,
  at: LegalDate
})

/**
 * The agreement was evaluated (R50: 定期评估和反馈).
 *
 * @category events
 * @since 0.1.0
 */
export const AgreementEvaluated = Schema.TaggedStruct("AgreementEvaluated", {
  agreementId: Schema.String,
  evaluationId: Schema.String,
  round: Positive,
  rating: Rating,
  at: LegalDate
})

/**
 * A new round was signed (R50: 新一轮结对共建), linked to the previous round of the same agreement.
 *
 * @category events
 * @since 0.1.0
 */
export const AgreementRenewed = Schema.TaggedStruct("AgreementRenewed", {
  agreementId: Schema.String,
  round: Positive,
  previousRound: Positive,
  areas: Schema.Array(Area),
  term: Schema.optionalKey(Term),
  signatories: Schema.Array(Signatory),
  jointOrganizationId: Schema.optionalKey(Schema.String),
  at: LegalDate
})

/**
 * The agreement was terminated before or at the end of its term, with a coded reason.
 *
 * @category events
 * @since 0.1.0
 */
export const AgreementTerminated = Schema.TaggedStruct("AgreementTerminated", {
  agreementId: Schema.String,
  reason: TerminationReason,
  at: LegalDate
})

/**
 * The agreement's term ended (`endDate`) without renewal; recorded on or after the day after it.
 *
 * @category events
 * @since 0.1.0
 */
export const AgreementExpired = Schema.TaggedStruct("AgreementExpired", {
  agreementId: Schema.String,
  round: Positive,
  endDate: LegalDate,
  at: LegalDate
})

/**
 * The event definitions of the agreement stream, for the codec.
 *
 * @category events
 * @since 0.1.0
 */
export const agreementEvents = [
  EventDefinition.define("AgreementProposed", AgreementProposed),
  EventDefinition.define("AgreementSigned", AgreementSigned),
  EventDefinition.define("AgreementActivityRecorded", AgreementActivityRecorded),
  EventDefinition.define("AgreementReportSubmitted", AgreementReportSubmitted),
  EventDefinition.define("AgreementEvaluated", AgreementEvaluated),
  EventDefinition.define("AgreementRenewed", AgreementRenewed),
  EventDefinition.define("AgreementTerminated", AgreementTerminated),
  EventDefinition.define("AgreementExpired", AgreementExpired)
] as const

/**
 * Every event of the agreement stream.
 *
 * @category events
 * @since 0.1.0
 */
export const AgreementEvent = Schema.Union([
  AgreementProposed,
  AgreementSigned,
  AgreementActivityRecorded,
  AgreementReportSubmitted,
  AgreementEvaluated,
  AgreementRenewed,
  AgreementTerminated,
  AgreementExpired
]).annotate({ identifier: "AgreementEvent" })

/**
 * @category events
 * @since 0.1.0
 */
export type AgreementEvent = typeof AgreementEvent.Type
