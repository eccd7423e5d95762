/**
 * The events of the dues stream (`dues-<memberId>`).
 *
 * These tags and fields are the stored format: they are versioned with upcasters and never renamed or
 * reshaped in place. Amounts are whole fen. Ids are opaque; the only personal figure is the declared base (a
 * member's income) in {@link DuesBaseDeclared}, which no error, finding, log or span ever carries.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import * as EventDefinition from "../kernel/EventDefinition.ts"
import { LegalDate } from "../LegalDate.ts"
import { Approval } from "../organization/model.ts"
import {
  BodyDecision,
  ClosingReason,
  CoveredMonth,
  DuesCategory,
  ExtraRouting,
  Fen,
  OpeningBasis,
  Payer,
  PaymentMethod,
  Year,
  YearMonth
} from "./model.ts"

/**
 * The member's dues account was opened at the affiliation `orgId`, owing from `firstMonth` (R73: the month of
 * the admission vote for an admitted member).
 *
 * @category events
 * @since 0.3.0
 */
export const DuesAccountOpened = Schema.TaggedStruct("DuesAccountOpened", {
  memberId: Schema.String,
  orgId: Schema.String,
  basis: OpeningBasis,
  firstMonth: YearMonth,
  at: LegalDate
})

/**
 * The member's category (and, for the bracket categories, the monthly base in fen) for `year`, from
 * `fromMonth` (R65). `includesAllowances` says a retiree's base counts allowances (R67).
 *
 * @category events
 * @since 0.3.0
 */
export const DuesBaseDeclared = Schema.TaggedStruct("DuesBaseDeclared", {
  memberId: Schema.String,
  year: Year,
  category: DuesCategory,
  baseFen: Schema.optionalKey(Fen),
  includesAllowances: Schema.optionalKey(Schema.Boolean),
  fromMonth: YearMonth,
  at: LegalDate
})

/**
 * The monthly amount of `year` was fixed from `fromMonth` (R69: at the start of the year), by the policy
 * `policyId`: `computedFen` from the category and base, `monthlyFen` the amount owed (different only with an
 * `overrideReason`, R66).
 *
 * @category events
 * @since 0.3.0
 */
export const DuesAssessed = Schema.TaggedStruct("DuesAssessed", {
  memberId: Schema.String,
  year: Year,
  fromMonth: YearMonth,
  category: DuesCategory,
  computedFen: Fen,
  monthlyFen: Fen,
  overrideReason: Schema.optionalKey(Schema.String),
  policyId: Schema.String,
  at: LegalDate
})

/**
 * The monthly amount was changed within the year from `fromMonth` (R69): after a pay change under
 * `followIncome` (`cause: "incomeChange"`), or by a decision (`cause: "decision"`), with its `reason` (REC).
 *
 * @category events
 * @since 0.3.0
 */
export const DuesReassessed = Schema.TaggedStruct("DuesReassessed", {
  memberId: Schema.String,
  year: Year,
  fromMonth: YearMonth,
  category: DuesCategory,
  computedFen: Fen,
  monthlyFen: Fen,
  overrideReason: Schema.optionalKey(Schema.String),
  cause: Schema.Literals(["incomeChange", "decision"]),
  reason: Schema.optionalKey(Schema.String),
  policyId: Schema.String,
  at: LegalDate
})

/**
 * Dues were paid on `at` to `collectingOrgId` (R70): the regular amount of each covered month, and a voluntary
 * extra with its routing (R72). A proxy payment names its payer (`payerId`, opaque); a payment outside the
 * back/advance window carries the exception's decision.
 *
 * @category events
 * @since 0.3.0
 */
export const DuesPaid = Schema.TaggedStruct("DuesPaid", {
  memberId: Schema.String,
  paymentId: Schema.String,
  covered: Schema.Array(CoveredMonth),
  regularFen: Fen,
  voluntaryExtraFen: Fen,
  extraRouting: ExtraRouting,
  payer: Payer,
  payerId: Schema.optionalKey(Schema.String),
  method: PaymentMethod,
  collectingOrgId: Schema.String,
  exceptionApproval: Schema.optionalKey(BodyDecision),
  at: LegalDate
})

/**
 * The monthly amount was reduced to `monthlyFen` from `fromMonth` to `toMonth` for hardship, by the branch's
 * decision and the higher committee's approval (R71).
 *
 * @category events
 * @since 0.3.0
 */
export const DuesReduced = Schema.TaggedStruct("DuesReduced", {
  memberId: Schema.String,
  decisionId: Schema.String,
  fromMonth: YearMonth,
  toMonth: YearMonth,
  monthlyFen: Fen,
  branchDecision: BodyDecision,
  approval: Approval,
  at: LegalDate
})

/**
 * The member was exempted from `fromMonth` to `toMonth` for hardship, by the branch's decision and the higher
 * committee's approval (R71). Exempt months are not due, and not unpaid for R75.
 *
 * @category events
 * @since 0.3.0
 */
export const DuesExempted = Schema.TaggedStruct("DuesExempted", {
  memberId: Schema.String,
  decisionId: Schema.String,
  fromMonth: YearMonth,
  toMonth: YearMonth,
  branchDecision: BodyDecision,
  approval: Approval,
  at: LegalDate
})

/**
 * The branch agreed that the member pays quarterly from `fromMonth` (R70); the months of a running quarter
 * are not yet unpaid (R75).
 *
 * @category events
 * @since 0.3.0
 */
export const QuarterlyDuesArranged = Schema.TaggedStruct("QuarterlyDuesArranged", {
  memberId: Schema.String,
  fromMonth: YearMonth,
  consent: BodyDecision,
  at: LegalDate
})

/**
 * The quarterly arrangement ended after `lastMonth`; the member pays monthly again.
 *
 * @category events
 * @since 0.3.0
 */
export const QuarterlyDuesEnded = Schema.TaggedStruct("QuarterlyDuesEnded", {
  memberId: Schema.String,
  lastMonth: YearMonth,
  at: LegalDate
})

/**
 * A person reviewed and closed the six-months-unpaid finding whose run starts at `fromMonth` (R75: a later
 * back-payment does not erase the finding; a person closes it).
 *
 * @category events
 * @since 0.3.0
 */
export const DuesLapseReviewed = Schema.TaggedStruct("DuesLapseReviewed", {
  memberId: Schema.String,
  fromMonth: YearMonth,
  at: LegalDate
})

/**
 * The account closed after `lastMonth`: nothing is owed for a later month.
 *
 * @category events
 * @since 0.3.0
 */
export const DuesAccountClosed = Schema.TaggedStruct("DuesAccountClosed", {
  memberId: Schema.String,
  lastMonth: YearMonth,
  reason: ClosingReason,
  at: LegalDate
})

/**
 * The event definitions of the dues stream, for the codec.
 *
 * @category events
 * @since 0.3.0
 */
export const duesEvents = [
  EventDefinition.define("DuesAccountOpened", DuesAccountOpened),
  EventDefinition.define("DuesBaseDeclared", DuesBaseDeclared),
  EventDefinition.define("DuesAssessed", DuesAssessed),
  EventDefinition.define("DuesReassessed", DuesReassessed),
  EventDefinition.define("DuesPaid", DuesPaid),
  EventDefinition.define("DuesReduced", DuesReduced),
  EventDefinition.define("DuesExempted", DuesExempted),
  EventDefinition.define("QuarterlyDuesArranged", QuarterlyDuesArranged),
  EventDefinition.define("QuarterlyDuesEnded", QuarterlyDuesEnded),
  EventDefinition.define("DuesLapseReviewed", DuesLapseReviewed),
  EventDefinition.define("DuesAccountClosed", DuesAccountClosed)
] as const

/**
 * Every event of the dues stream.
 *
 * @category events
 * @since 0.3.0
 */
export const DuesEvent = Schema.Union([
  DuesAccountOpened,
  DuesBaseDeclared,
  DuesAssessed,
  DuesReassessed,
  DuesPaid,
  DuesReduced,
  DuesExempted,
  QuarterlyDuesArranged,
  QuarterlyDuesEnded,
  DuesLapseReviewed,
  DuesAccountClosed
]).annotate({ identifier: "DuesEvent" })

/**
 * @category events
 * @since 0.3.0
 */
export type DuesEvent = typeof DuesEvent.Type
