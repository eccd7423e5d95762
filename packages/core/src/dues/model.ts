/**
 * The value objects of the dues aggregate: calendar months (`YearMonth`) and their arithmetic, the dues
 * categories (R65, R67, R68), who pays and how (R70), the branch's decisions (R70, R71) and why an account
 * closes. Amounts are whole fen (`Fen`, from the dues policy). No value here holds a member's name or ID number;
 * the base (a member's income) is held only by `DuesBaseDeclared` and never leaves the stream in an error or a
 * finding.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import type { LegalDate as LegalDateType } from "../LegalDate.ts"
import { LegalDate } from "../LegalDate.ts"

// ---------------------------------------------------------------------------------------------------------
// Months
// ---------------------------------------------------------------------------------------------------------

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/

/**
 * A calendar month `YYYY-MM` (the unit dues are owed and paid in). ISO months compare as strings.
 *
 * @category models
 * @since 0.3.0
 */
export const YearMonth = Schema.String.check(
  Schema.makeFilter((s: string) => monthPattern.test(s) || "Expected a month YYYY-MM", {
    toJsonSchema: () => ({ pattern: "^[0-9]{4}-(?:0[1-9]|1[0-2])$", maxLength: 7 })
  })
).annotate({
  identifier: "YearMonth",
  description: "A calendar month, YYYY-MM (months 01–12).",
  examples: ["2024-03"]
})

/**
 * @category models
 * @since 0.3.0
 */
export type YearMonth = string

/**
 * The largest amount the library takes, in fen (one billion yuan): with a rate of at most 10 000 bp the
 * product `base × bp` stays below 2^53, so integer arithmetic stays exact.
 *
 * @category constants
 * @since 0.3.0
 */
export const maxFen = 100_000_000_000

/**
 * An amount in whole fen (0.01 CNY), from 0 to {@link maxFen}: a base, a monthly amount, a payment. Never a
 * binary fraction.
 *
 * @category models
 * @since 0.3.0
 */
export const Fen = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0), Schema.isLessThanOrEqualTo(maxFen)).annotate({
  description: "An amount in whole fen (0.01 CNY), 0 to 100000000000"
})

/**
 * A calendar year (1000–9999): the year a category, base and monthly amount are fixed for (R65, R69).
 *
 * @category models
 * @since 0.3.0
 */
export const Year = Schema.Int.check(Schema.isGreaterThanOrEqualTo(1000), Schema.isLessThanOrEqualTo(9999))

/**
 * Whether a string is a `YYYY-MM` month.
 *
 * @category guards
 * @since 0.3.0
 */
export const isYearMonth = (u: unknown): u is YearMonth => typeof u === "string" && monthPattern.test(u)

const indexOf = (month: YearMonth): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1

const fromIndex = (index: number): YearMonth => {
  const year = Math.floor(index / 12)
  return `${String(year).padStart(4, "0")}-${String(index - year * 12 + 1).padStart(2, "0")}`
}

/**
 * The month of a legal date.
 *
 * @example
 * ```ts
 * import { Dues } from "@dangjian/core"
 *
 * Dues.monthOf("2024-03-31") // => "2024-03"
 * ```
 *
 * @category getters
 * @since 0.3.0
 */
export const monthOf = (date: LegalDateType): YearMonth => date.slice(0, 7)

/**
 * The month `n` months later (earlier when `n` < 0).
 *
 * @example
 * ```ts
 * import { Dues } from "@dangjian/core"
 *
 * Dues.shiftMonth("2024-01", -1) // => "2023-12"
 * Dues.shiftMonth("2024-01", 6) // => "2024-07"
 * ```
 *
 * @category arithmetic
 * @since 0.3.0
 */
export const shiftMonth = (month: YearMonth, n: number): YearMonth => fromIndex(indexOf(month) + Math.trunc(n))

/**
 * Months from `from` to `to` (negative when `to` is earlier): `monthDiff("2024-01", "2024-07")` is 6.
 *
 * @category arithmetic
 * @since 0.3.0
 */
export const monthDiff = (from: YearMonth, to: YearMonth): number => indexOf(to) - indexOf(from)

/**
 * Every month from `from` to `to`, both included (empty when `to` is earlier).
 *
 * @category arithmetic
 * @since 0.3.0
 */
export const monthSpan = (from: YearMonth, to: YearMonth): ReadonlyArray<YearMonth> => {
  const out: Array<YearMonth> = []
  for (let i = indexOf(from); i <= indexOf(to); i++) out.push(fromIndex(i))
  return out
}

/**
 * The year of a month.
 *
 * @category getters
 * @since 0.3.0
 */
export const yearOf = (month: YearMonth): number => Number(month.slice(0, 4))

/**
 * January of a year.
 *
 * @category getters
 * @since 0.3.0
 */
export const januaryOf = (year: number): YearMonth => `${String(year).padStart(4, "0")}-01`

/**
 * The first day of a month.
 *
 * @category getters
 * @since 0.3.0
 */
export const firstDayOf = (month: YearMonth): LegalDateType => `${month}-01`

/**
 * The first day after a month ends: the day a month left unpaid becomes unpaid (R75).
 *
 * @example
 * ```ts
 * import { Dues } from "@dangjian/core"
 *
 * Dues.firstDayAfter("2024-07") // => "2024-08-01"
 * ```
 *
 * @category getters
 * @since 0.3.0
 */
export const firstDayAfter = (month: YearMonth): LegalDateType => firstDayOf(shiftMonth(month, 1))

/**
 * The last month of the calendar quarter a month is in (March, June, September or December).
 *
 * @category getters
 * @since 0.3.0
 */
export const quarterEnd = (month: YearMonth): YearMonth => {
  const index = indexOf(month)
  return fromIndex(index + 2 - (index % 12) % 3)
}

// ---------------------------------------------------------------------------------------------------------
// Categories
// ---------------------------------------------------------------------------------------------------------

/**
 * The dues categories (R65, R67, R68), one per member and year:
 *
 * - by the salaried brackets (R66): `salaried` 按月领取工资, `annualSalary` 年薪制 (the month's pay),
 *   `selfEmployed` 无固定月收入 (the previous quarter's monthly average), `villageCadre` 领取定额补贴的村干部 (when
 *   `villageCadreSubsidyIsSalary`), `farmerWithIncome` 有工资或经营收入的农民 (when `farmerWithWageIncome` is
 *   `brackets`);
 * - by the retiree brackets (R67): `retiree` 离退休;
 * - fixed amounts (R68): `farmer` 农民, `student` 学生 (postgraduates too), `unemployed` 下岗失业,
 *   `relief` 依靠抚恤或救济生活, `minimumLivingAllowance` 领取最低生活保障金.
 *
 * @category models
 * @since 0.3.0
 */
export const DuesCategory = Schema.Literals([
  "salaried",
  "annualSalary",
  "selfEmployed",
  "villageCadre",
  "farmerWithIncome",
  "retiree",
  "farmer",
  "student",
  "unemployed",
  "relief",
  "minimumLivingAllowance"
])

/**
 * @category models
 * @since 0.3.0
 */
export type DuesCategory = typeof DuesCategory.Type

/**
 * The categories whose monthly amount is a fixed figure of the policy, not a rate on a base (R68).
 *
 * @category models
 * @since 0.3.0
 */
export const flatCategories: ReadonlyArray<DuesCategory> = [
  "farmer",
  "student",
  "unemployed",
  "relief",
  "minimumLivingAllowance"
]

// ---------------------------------------------------------------------------------------------------------
// Payments
// ---------------------------------------------------------------------------------------------------------

/**
 * Who paid (R70): the member, a relative or another member on the member's behalf (代交, with `payerId`), or
 * the organization. The last is decoded so that R70 can refuse it by name (垫交 is prohibited).
 *
 * @category models
 * @since 0.3.0
 */
export const Payer = Schema.Literals(["self", "relative", "otherMember", "organization"])

/**
 * @category models
 * @since 0.3.0
 */
export type Payer = typeof Payer.Type

/**
 * How the dues were paid (R70). `payrollDeduction` (扣缴) is decoded so that R70 can refuse it by name.
 *
 * @category models
 * @since 0.3.0
 */
export const PaymentMethod = Schema.Literals(["cash", "bankTransfer", "online", "payrollDeduction"])

/**
 * @category models
 * @since 0.3.0
 */
export type PaymentMethod = typeof PaymentMethod.Type

/**
 * Who asked for a voluntary extra (R70, R72): the member, or the organization. An organization asking for
 * extra "special dues" is prohibited, and decoded so that R70 can refuse it by name.
 *
 * @category models
 * @since 0.3.0
 */
export const ExtraInitiator = Schema.Literals(["member", "organization"])

/**
 * Where a payment's voluntary extra goes (R72): the branch, or all of it to the centre (≥ 1000.00 in one
 * payment); `none` when there is no extra.
 *
 * @category models
 * @since 0.3.0
 */
export const ExtraRouting = Schema.Literals(["none", "branch", "central"])

/**
 * @category models
 * @since 0.3.0
 */
export type ExtraRouting = typeof ExtraRouting.Type

/**
 * One month a payment covers and the regular amount it settled for it, in fen.
 *
 * @category models
 * @since 0.3.0
 */
export const CoveredMonth = Schema.Struct({
  month: YearMonth,
  fen: Fen
}).annotate({ identifier: "DuesCoveredMonth" })

/**
 * @category models
 * @since 0.3.0
 */
export type CoveredMonth = typeof CoveredMonth.Type

/**
 * A decision of a Party body: who (an opaque id of the branch or committee) and when. A branch's consent to
 * quarterly payment (R70), a branch's decision on a hardship reduction (R71), an exception to the payment
 * window (R70).
 *
 * @category models
 * @since 0.3.0
 */
export const BodyDecision = Schema.Struct({
  by: Schema.String,
  at: LegalDate
}).annotate({ identifier: "DuesBodyDecision" })

/**
 * @category models
 * @since 0.3.0
 */
export type BodyDecision = typeof BodyDecision.Type

/**
 * How an account was opened: on an admission (R73: from the vote month) or on a registration (a member
 * already in the Party).
 *
 * @category models
 * @since 0.3.0
 */
export const OpeningBasis = Schema.Literals(["admission", "registration"])

/**
 * @category models
 * @since 0.3.0
 */
export type OpeningBasis = typeof OpeningBasis.Type

/**
 * Why an account closed: removal (除名), cancelled probation, death, a transfer out of the system, other.
 *
 * @category models
 * @since 0.3.0
 */
export const ClosingReason = Schema.Literals(["removed", "probationCancelled", "deceased", "transferredOut", "other"])

/**
 * @category models
 * @since 0.3.0
 */
export type ClosingReason = typeof ClosingReason.Type
