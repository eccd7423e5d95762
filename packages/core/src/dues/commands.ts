/**
 * The commands of the dues aggregate. Every command carries its legal date `at` and may carry an `actor` (an
 * opaque id). They are decided over the member's dues stream and the member stream (standing, affiliation,
 * admission vote, mobile host, open transfer), and, where a rule needs them, the organizations concerned (a
 * payment's collecting organization, the branch and its higher committees for a hardship decision). Amounts
 * are whole fen; every command decodes from untrusted JSON with `Dangjian.decodeCommand`.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { LegalDate } from "../LegalDate.ts"
import { Approval } from "../organization/model.ts"
import { actor } from "../units.ts"
import {
  BodyDecision,
  ClosingReason,
  DuesCategory,
  ExtraInitiator,
  Fen,
  Payer,
  PaymentMethod,
  Year,
  YearMonth
} from "./model.ts"

/**
 * Opens the member's dues account at the member's affiliation. An admitted member owes from the month of the
 * admission vote (R73: `fromMonth` defaults to it and may not be earlier); a registered member from
 * `fromMonth` (default: the month of `at`).
 *
 * @category commands
 * @since 0.3.0
 */
export const OpenDuesAccount = Schema.TaggedStruct("OpenDuesAccount", {
  memberId: Schema.String,
  fromMonth: Schema.optionalKey(YearMonth),
  at: LegalDate,
  actor
})

/**
 * Declares the member's category for `year`, from `fromMonth` (default January), with the monthly base in fen
 * for the bracket categories (R65: required for them, refused for the fixed-amount ones). Under
 * `fixing: "followIncome"` a base declared for a year already assessed also reassesses it from `fromMonth`
 * (R69); under `annual` it applies from the next assessment.
 *
 * @category commands
 * @since 0.3.0
 */
export const DeclareDuesBase = Schema.TaggedStruct("DeclareDuesBase", {
  memberId: Schema.String,
  year: Year,
  category: DuesCategory,
  baseFen: Schema.optionalKey(Fen),
  includesAllowances: Schema.optionalKey(Schema.Boolean),
  fromMonth: Schema.optionalKey(YearMonth),
  at: LegalDate,
  actor
})

/**
 * Fixes the monthly amount of `year` (R69: once a year, at its start) from the base declared for it, from
 * `fromMonth` (default January, or the account's first month). `amountFen` other than the computed amount
 * needs an `overrideReason` (R66).
 *
 * @category commands
 * @since 0.3.0
 */
export const AssessDues = Schema.TaggedStruct("AssessDues", {
  memberId: Schema.String,
  year: Year,
  fromMonth: Schema.optionalKey(YearMonth),
  amountFen: Schema.optionalKey(Fen),
  overrideReason: Schema.optionalKey(Schema.String),
  at: LegalDate,
  actor
})

/**
 * Changes the monthly amount within an assessed year from `fromMonth`, from the base in force then (R69: a
 * mid-year reassessment states a `reason`; without one it is accepted and raises a finding).
 *
 * @category commands
 * @since 0.3.0
 */
export const ReassessDues = Schema.TaggedStruct("ReassessDues", {
  memberId: Schema.String,
  year: Year,
  fromMonth: YearMonth,
  reason: Schema.optionalKey(Schema.String),
  amountFen: Schema.optionalKey(Fen),
  overrideReason: Schema.optionalKey(Schema.String),
  at: LegalDate,
  actor
})

/**
 * Records a payment of `amountFen` covering `months` (none for a purely voluntary payment) to
 * `collectingOrgId` (R70). The regular amount is the sum of the covered months' amounts and the rest is a
 * voluntary extra (R72); less than the regular amount is refused (R66, R68). Months more than
 * `backPayMaxMonths` before or `advancePayMaxMonths` after the payment month need `exceptionApproval` (R70).
 * A `paymentId` already recorded is nothing to do (a repeated command appends nothing).
 *
 * @category commands
 * @since 0.3.0
 */
export const PayDues = Schema.TaggedStruct("PayDues", {
  memberId: Schema.String,
  paymentId: Schema.String,
  months: Schema.Array(YearMonth),
  amountFen: Fen,
  collectingOrgId: Schema.String,
  payer: Payer,
  payerId: Schema.optionalKey(Schema.String),
  method: PaymentMethod,
  extraInitiatedBy: Schema.optionalKey(ExtraInitiator),
  exceptionApproval: Schema.optionalKey(BodyDecision),
  at: LegalDate,
  actor
})

/**
 * Reduces the monthly amount to `monthlyFen` from `fromMonth` to `toMonth` for hardship (R71): the member's
 * branch decides, and a higher committee approves.
 *
 * @category commands
 * @since 0.3.0
 */
export const ReduceDues = Schema.TaggedStruct("ReduceDues", {
  memberId: Schema.String,
  decisionId: Schema.String,
  fromMonth: YearMonth,
  toMonth: YearMonth,
  monthlyFen: Fen,
  branchDecision: BodyDecision,
  approval: Schema.optionalKey(Approval),
  at: LegalDate,
  actor
})

/**
 * Exempts the member from `fromMonth` to `toMonth` for hardship (R71): the member's branch decides, and a
 * higher committee approves.
 *
 * @category commands
 * @since 0.3.0
 */
export const ExemptDues = Schema.TaggedStruct("ExemptDues", {
  memberId: Schema.String,
  decisionId: Schema.String,
  fromMonth: YearMonth,
  toMonth: YearMonth,
  branchDecision: BodyDecision,
  approval: Schema.optionalKey(Approval),
  at: LegalDate,
  actor
})

/**
 * Records the branch's consent to quarterly payment from `fromMonth` (R70: special circumstances, where the
 * policy allows it).
 *
 * @category commands
 * @since 0.3.0
 */
export const ArrangeQuarterlyDues = Schema.TaggedStruct("ArrangeQuarterlyDues", {
  memberId: Schema.String,
  fromMonth: YearMonth,
  consent: BodyDecision,
  at: LegalDate,
  actor
})

/**
 * Ends a quarterly arrangement after `lastMonth`.
 *
 * @category commands
 * @since 0.3.0
 */
export const EndQuarterlyDues = Schema.TaggedStruct("EndQuarterlyDues", {
  memberId: Schema.String,
  lastMonth: YearMonth,
  at: LegalDate,
  actor
})

/**
 * Closes the six-months-unpaid finding whose run starts at `fromMonth`, after a person reviewed it (R75).
 *
 * @category commands
 * @since 0.3.0
 */
export const ReviewDuesLapse = Schema.TaggedStruct("ReviewDuesLapse", {
  memberId: Schema.String,
  fromMonth: YearMonth,
  at: LegalDate,
  actor
})

/**
 * Closes the account after `lastMonth` (the member left the Party, died, or moved out of the system). Months
 * up to `lastMonth` can still be paid.
 *
 * @category commands
 * @since 0.3.0
 */
export const CloseDuesAccount = Schema.TaggedStruct("CloseDuesAccount", {
  memberId: Schema.String,
  lastMonth: YearMonth,
  reason: ClosingReason,
  at: LegalDate,
  actor
})

/**
 * Every dues command.
 *
 * @category commands
 * @since 0.3.0
 */
export const DuesCommand = Schema.Union([
  OpenDuesAccount,
  DeclareDuesBase,
  AssessDues,
  ReassessDues,
  PayDues,
  ReduceDues,
  ExemptDues,
  ArrangeQuarterlyDues,
  EndQuarterlyDues,
  ReviewDuesLapse,
  CloseDuesAccount
]).annotate({ identifier: "DuesCommand" })

/**
 * @category commands
 * @since 0.3.0
 */
export type DuesCommand = typeof DuesCommand.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type OpenDuesAccount = typeof OpenDuesAccount.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type DeclareDuesBase = typeof DeclareDuesBase.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type AssessDues = typeof AssessDues.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type ReassessDues = typeof ReassessDues.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type PayDues = typeof PayDues.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type ReduceDues = typeof ReduceDues.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type ExemptDues = typeof ExemptDues.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type ArrangeQuarterlyDues = typeof ArrangeQuarterlyDues.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type EndQuarterlyDues = typeof EndQuarterlyDues.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type ReviewDuesLapse = typeof ReviewDuesLapse.Type

/**
 * @category commands
 * @since 0.3.0
 */
export type CloseDuesAccount = typeof CloseDuesAccount.Type
