/**
 * The dues (党费) part of the governance policy (RULES.md §J, R65–R76): the rate brackets, the fixed monthly
 * amounts, the rounding a policy must name, the payment windows, the large-payment threshold and the arrears
 * figures, as a dated value (`effectiveFrom`), with the national preset {@link cn2008} (中组发〔2008〕3号, in force
 * from 2008-04-01) and {@link validate}, which checks a local variant against it.
 *
 * Amounts are whole **fen** (0.01 CNY) and rates **basis points** (1 bp = 0.01 %, so 0.5 % is 50 bp): every
 * computation is integer arithmetic, and no stored or computed amount is ever a binary fraction. A rate applies
 * to the **whole** base (R66, not marginal like income tax), chosen by the bracket the base falls in, with
 * inclusive upper bounds ("3000元以下(含3000元)").
 *
 * Figures RULES.md marks [NF] have no default in the preset (`rounding`, `farmerMonthlyAmountFen`,
 * `farmerWithWageIncome`, `duesDuringTransit`, `refundOnAdmissionRefused`): a command that needs one is rejected
 * as "policy incomplete" until a local policy sets it.
 *
 * It is part of the policy (`GovernancePolicy.dues`), so it lives in `policy/` and imports no aggregate; the
 * `Dues` namespace re-exports it.
 *
 * @since 0.3.0
 */
import { Result, Schema } from "effect"
import { LegalDate } from "../LegalDate.ts"
import type { RuleViolation } from "../rules/RuleViolation.ts"
import { violation } from "../rules/RuleViolation.ts"
import { Months } from "../units.ts"

// ---------------------------------------------------------------------------------------------------------
// Models
// ---------------------------------------------------------------------------------------------------------

// A policy figure in whole fen (0.01 CNY), 0 to one billion yuan. The stored format has its own (`Dues.Fen`):
// a stored event never reaches a policy module, so editing a policy figure never changes a stored event.
const Fen = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0), Schema.isLessThanOrEqualTo(100_000_000_000))

/**
 * A rate in basis points of the base (1 bp = 0.01 %; 0.5 % is 50), from 0 to 10 000.
 *
 * @category models
 * @since 0.3.0
 */
export const BasisPoints = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0), Schema.isLessThanOrEqualTo(10_000))

/**
 * One bracket: bases up to `upTo` fen **inclusive** pay `bp` on the whole base; `upTo: null` is the open top
 * bracket. Brackets are listed in ascending order (R66).
 *
 * @category models
 * @since 0.3.0
 */
export const Bracket = Schema.Struct({
  upTo: Schema.NullOr(Fen),
  bp: BasisPoints
}).annotate({ identifier: "DuesBracket" })

/**
 * @category models
 * @since 0.3.0
 */
export type Bracket = typeof Bracket.Type

/**
 * The rounding of a computed amount (R66): to the `fen` or the `jiao` (0.10 CNY), `halfUp`, `halfEven`, `floor`
 * or `ceil`. No official rule was found ([NF]), so no preset names one.
 *
 * @category models
 * @since 0.3.0
 */
export const Rounding = Schema.Struct({
  unit: Schema.Literals(["fen", "jiao"]),
  mode: Schema.Literals(["halfUp", "halfEven", "floor", "ceil"])
}).annotate({ identifier: "DuesRounding" })

/**
 * @category models
 * @since 0.3.0
 */
export type Rounding = typeof Rounding.Type

/**
 * The fixed monthly amounts of DF Art. 6 in fen: a farmer's range, and the amount of students, the laid-off and
 * unemployed, members on 抚恤 or 救济, and members on 低保.
 *
 * @category models
 * @since 0.3.0
 */
export const FlatAmounts = Schema.Struct({
  farmer: Schema.Struct({ min: Fen, max: Fen }),
  student: Fen,
  unemployed: Fen,
  relief: Fen,
  minimumLivingAllowance: Fen
}).annotate({ identifier: "DuesFlatAmounts" })

/**
 * @category models
 * @since 0.3.0
 */
export type FlatAmounts = typeof FlatAmounts.Type

/**
 * The dues policy.
 *
 * @category models
 * @since 0.3.0
 */
export const DuesPolicy = Schema.Struct({
  /** A stable name for reports and assessments ("cn2008", …). */
  id: Schema.String,
  /** The first legal date on which these figures apply; nothing is assessed for a month before it. */
  effectiveFrom: LegalDate,
  /** The text the figures come from. */
  source: Schema.String,
  /** R66: salaried brackets in fen, inclusive upper bounds, one rate on the whole base. */
  salaried: Schema.Array(Bracket),
  /** R67: retired members' brackets (≤ 5000.00 at 0.5 %, above at 1 %). */
  retiree: Schema.Array(Bracket),
  /** R67 / C17: a retiree's base leaves out allowances (津补贴); a declaration that includes them is refused. */
  retireeBaseExcludesAllowances: Schema.Boolean,
  /** R68: the fixed monthly amounts (farmers 0.20–1.00, others 0.20). */
  flatMonthlyFen: FlatAmounts,
  /** R68: the amount farmers pay here, within the range; no default (a local choice). */
  farmerMonthlyAmountFen: Schema.optionalKey(Fen),
  /** R65: village cadres on a fixed subsidy pay like salaried members (true), or the farmer amount. */
  villageCadreSubsidyIsSalary: Schema.Boolean,
  /** R65: farmers with wage or business income pay the farmer amount or by the brackets; no default. */
  farmerWithWageIncome: Schema.optionalKey(Schema.Literals(["flat", "brackets"])),
  /** R69 / C15: `annual` fixes the amount at the start of the year; `followIncome` follows a pay change. */
  fixing: Schema.Literals(["annual", "followIncome"]),
  /** R70 / C16: a payment covers months at most this many before the payment month without an exception. */
  backPayMaxMonths: Months,
  /** R70 / C16: and at most this many after it (advance payment); R74 bounds a letter's paid-through month. */
  advancePayMaxMonths: Months,
  /** R70: whether a branch may agree to quarterly payment. */
  quarterlyAllowed: Schema.Boolean,
  /** R72: a voluntary extra of at least this many fen in one payment goes to the centre. */
  lumpToCentreThresholdFen: Fen,
  /** R72 (local): the regular monthly amount generally stays at or below this; absent = no cap. */
  monthlyRegularCapFen: Schema.optionalKey(Fen),
  /** R73 / C25: probationary members owe from the month of the admission vote (fixed, not configurable). */
  firstDuesMonth: Schema.Literal("voteMonth"),
  /** R75: the early warning after this many consecutive unpaid months; 0 turns it off. */
  arrearsWarnMonths: Months,
  /** R75: consecutive unpaid months after which the self-lapse finding fires (DZ Art. 9: six). */
  arrearsLapseMonths: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)),
  /** R66: how a computed amount is rounded; no default ([NF]): bracket amounts are refused until it is set. */
  rounding: Schema.optionalKey(Rounding),
  /** R74: who collects the months of a transfer in transit; no default ([NF]). */
  duesDuringTransit: Schema.optionalKey(Schema.Literals(["origin", "destination"])),
  /**
   * R73: whether dues paid before a refused admission are refunded; no default ([NF]). Not consulted by the
   * library: an account opens only after the admission is approved, so no dues are recorded before it.
   */
  refundOnAdmissionRefused: Schema.optionalKey(Schema.Boolean)
}).annotate({ identifier: "DuesPolicy" })

/**
 * @category models
 * @since 0.3.0
 */
export type DuesPolicy = typeof DuesPolicy.Type

// ---------------------------------------------------------------------------------------------------------
// Presets
// ---------------------------------------------------------------------------------------------------------

/**
 * The national preset (R76): 中组部《关于中国共产党党费收缴、使用和管理的规定》(中组发〔2008〕3号), in force from
 * 2008-04-01 (DF Art. 32). Brackets of DF Art. 2 for salaried members (0.5 / 1 / 1.5 / 2 %, inclusive upper
 * bounds 3000.00, 5000.00, 10000.00), retirees at 0.5 % up to 5000.00 and 1 % above, the fixed amounts of
 * DF Art. 6, back and advance payment within 6 months (DF Art. 12), 1000.00 to the centre. Rounding, the
 * farmer amount, farmers with wage income and dues in transit are not set: the preset is complete only for
 * the categories that need none of them.
 *
 * @example
 * ```ts
 * import { Dues } from "@dangjian/core"
 *
 * Dues.cn2008.salaried[0] // => { upTo: 300000, bp: 50 }
 * Dues.cn2008.rounding // => undefined
 * ```
 *
 * @category presets
 * @since 0.3.0
 */
export const cn2008: DuesPolicy = {
  id: "cn2008",
  effectiveFrom: "2008-04-01",
  source: "DF (中组发〔2008〕3号) Art. 2, 6, 12, 14, 32 [V]; QZ [2nd]",
  salaried: [{ upTo: 300000, bp: 50 }, { upTo: 500000, bp: 100 }, { upTo: 1000000, bp: 150 }, { upTo: null, bp: 200 }],
  retiree: [{ upTo: 500000, bp: 50 }, { upTo: null, bp: 100 }],
  retireeBaseExcludesAllowances: true,
  flatMonthlyFen: {
    farmer: { min: 20, max: 100 },
    student: 20,
    unemployed: 20,
    relief: 20,
    minimumLivingAllowance: 20
  },
  villageCadreSubsidyIsSalary: true,
  fixing: "annual",
  backPayMaxMonths: 6,
  advancePayMaxMonths: 6,
  quarterlyAllowed: true,
  lumpToCentreThresholdFen: 100000,
  firstDuesMonth: "voteMonth",
  arrearsWarnMonths: 3,
  arrearsLapseMonths: 6
}

// ---------------------------------------------------------------------------------------------------------
// Arithmetic
// ---------------------------------------------------------------------------------------------------------

/**
 * R66 / R67: the rate of the bracket a base falls in (the first whose inclusive upper bound it does not exceed;
 * the open bracket otherwise). A base above every bounded bracket with no open one gets the last bracket's
 * rate, so the answer is total.
 *
 * @example
 * ```ts
 * import { Dues } from "@dangjian/core"
 *
 * Dues.rateFor(Dues.cn2008.salaried, 300000) // => 50
 * Dues.rateFor(Dues.cn2008.salaried, 300001) // => 100
 * ```
 *
 * @category getters
 * @since 0.3.0
 */
export const rateFor = (brackets: ReadonlyArray<Bracket>, baseFen: number): number => {
  for (const bracket of brackets) {
    if (bracket.upTo === null || baseFen <= bracket.upTo) return bracket.bp
  }
  return brackets.at(-1)?.bp ?? 0
}

/**
 * `numerator / denominator` rounded to a whole number by a rounding mode, in integers only (both ≥ 0,
 * `denominator` > 0).
 *
 * @category getters
 * @since 0.3.0
 */
export const divideRounded = (numerator: number, denominator: number, mode: Rounding["mode"]): number => {
  const q = Math.floor(numerator / denominator)
  const r = numerator - q * denominator
  if (r === 0) return q
  switch (mode) {
    case "floor":
      return q
    case "ceil":
      return q + 1
    case "halfUp":
      return 2 * r >= denominator ? q + 1 : q
    case "halfEven":
      return 2 * r > denominator ? q + 1 : 2 * r < denominator ? q : q % 2 === 0 ? q : q + 1
  }
}

/**
 * R66: `base × bp / 10 000`, rounded to the policy's unit (fen, or jiao = 10 fen) by its mode, in fen. Exact:
 * the product of two integers below 2^53 and one integer division.
 *
 * @example
 * ```ts
 * import { Dues } from "@dangjian/core"
 *
 * const halfUp = { unit: "fen", mode: "halfUp" } as const
 * Dues.applyRate(300000, 50, halfUp) // => 1500
 * Dues.applyRate(300050, 100, halfUp) // => 3001
 * Dues.applyRate(300050, 100, { unit: "fen", mode: "halfEven" }) // => 3000
 * ```
 *
 * @category getters
 * @since 0.3.0
 */
export const applyRate = (baseFen: number, bp: number, rounding: Rounding): number =>
  rounding.unit === "fen"
    ? divideRounded(baseFen * bp, 10_000, rounding.mode)
    : divideRounded(baseFen * bp, 100_000, rounding.mode) * 10

// ---------------------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------------------

const bracketsIssues = (
  policy: DuesPolicy,
  field: "salaried" | "retiree",
  ruleId: string
): ReadonlyArray<RuleViolation> => {
  const brackets = policy[field]
  const last = brackets.at(-1)
  // R66 / R67 HARD: ascending inclusive upper bounds, closed by an open bracket, so every base has one rate
  const ascending = brackets.every((b, i) =>
    i === brackets.length - 1 ? b.upTo === null : b.upTo !== null && (i === 0 || b.upTo > brackets[i - 1]!.upTo!)
  )
  return last !== undefined && ascending
    ? []
    : [violation(ruleId, "dues.policy.bracketsInvalid", { policy: policy.id, field })]
}

/**
 * Checks a dues policy on its own and against a baseline (default {@link cn2008}): the brackets ascend and end
 * in an open bracket (R66, R67); the farmer range and the four other fixed amounts are those of the baseline,
 * and a farmer amount, when set, lies in the range (R68); the back and advance windows are no longer than the
 * baseline's (C16: local presets only tighten); the early warning comes before the lapse (R75). Returns the
 * policy, or every issue found. The rounding may stay unset: commands that need it are refused instead.
 *
 * @example
 * ```ts
 * import { Dues } from "@dangjian/core"
 * import { Result } from "effect"
 *
 * Result.isSuccess(Dues.validate({ ...Dues.cn2008, farmerMonthlyAmountFen: 100 })) // => true
 * Result.isFailure(Dues.validate({ ...Dues.cn2008, farmerMonthlyAmountFen: 101 })) // => true
 * ```
 *
 * @category validation
 * @since 0.3.0
 */
export const validate = (
  policy: DuesPolicy,
  baseline: DuesPolicy = cn2008
): Result.Result<DuesPolicy, ReadonlyArray<RuleViolation>> => {
  const id = policy.id
  const issues: Array<RuleViolation> = [
    ...bracketsIssues(policy, "salaried", "R66"),
    ...bracketsIssues(policy, "retiree", "R67")
  ]
  const flat = policy.flatMonthlyFen
  const base = baseline.flatMonthlyFen
  // R68 HARD: farmers pay within 0.20–1.00 a month
  if (flat.farmer.min !== base.farmer.min || flat.farmer.max !== base.farmer.max) {
    issues.push(violation("R68", "dues.policy.flatAmountChanged", { policy: id, category: "farmer" }))
  }
  for (const category of ["student", "unemployed", "relief", "minimumLivingAllowance"] as const) {
    // R68 HARD: the other categories pay exactly 0.20
    if (flat[category] !== base[category]) {
      issues.push(violation("R68", "dues.policy.flatAmountChanged", { policy: id, category }))
    }
  }
  const farmer = policy.farmerMonthlyAmountFen
  // R68 HARD: the local farmer amount lies in the range (0.19 and 1.01 are refused)
  if (farmer !== undefined && (farmer < flat.farmer.min || farmer > flat.farmer.max)) {
    issues.push(
      violation("R68", "dues.policy.farmerAmountOutOfRange", {
        policy: id,
        minFen: flat.farmer.min,
        maxFen: flat.farmer.max
      })
    )
  }
  // R70 / C16: a local window may only be shorter
  if (policy.backPayMaxMonths > baseline.backPayMaxMonths) {
    issues.push(
      violation("R70", "dues.policy.windowLoosened", {
        policy: id,
        field: "backPayMaxMonths",
        months: policy.backPayMaxMonths,
        max: baseline.backPayMaxMonths
      })
    )
  }
  if (policy.advancePayMaxMonths > baseline.advancePayMaxMonths) {
    issues.push(
      violation("R70", "dues.policy.windowLoosened", {
        policy: id,
        field: "advancePayMaxMonths",
        months: policy.advancePayMaxMonths,
        max: baseline.advancePayMaxMonths
      })
    )
  }
  // R75 CONF: the early warning comes before the lapse finding
  if (policy.arrearsWarnMonths >= policy.arrearsLapseMonths) {
    issues.push(
      violation("R75", "dues.policy.warnAfterLapse", {
        policy: id,
        warn: policy.arrearsWarnMonths,
        lapse: policy.arrearsLapseMonths
      })
    )
  }
  return issues.length === 0 ? Result.succeed(policy) : Result.fail(issues)
}
