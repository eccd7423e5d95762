/**
 * The democratic-appraisal part of the governance policy (RULES.md R35, R62–R64): the grades in use, the cap
 * on 优秀, how probationary members are appraised, and the figures of the organizational disposal that may
 * follow a 不合格 grade (限期改正, 劝其退党, 除名). Figures RULES.md marks secondary, local or not found are
 * policy, with the best-sourced default. It is part of the policy (`GovernancePolicy.appraisal`), so it lives in
 * `policy/` and imports no aggregate; the `Appraisal` namespace re-exports it.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { LegalDate } from "../LegalDate.ts"
import { Count, Days, Months, Positive } from "../units.ts"

/**
 * The grades a policy can configure: `excellent` 优秀, `qualified` 合格, `basicallyQualified` 基本合格,
 * `unqualified` 不合格. (The appraisal's events own their copy of this list: editing a policy never changes a
 * stored event.)
 *
 * @category models
 * @since 0.3.0
 */
export const AppraisalGrade = Schema.Literals(["excellent", "qualified", "basicallyQualified", "unqualified"])

/**
 * @category models
 * @since 0.3.0
 */
export type AppraisalGrade = typeof AppraisalGrade.Type

/**
 * The cap on 优秀 as a fraction `num / den` of a basis: `AM`, all members of the organization (党员总数 read
 * literally, full and probationary), or `graded`, the members who received a grade. Integer arithmetic:
 * `den × excellent > num × basis` is over the cap.
 *
 * @category models
 * @since 0.3.0
 */
export const ExcellentShare = Schema.Struct({
  num: Count,
  den: Positive,
  basis: Schema.Literals(["AM", "graded"])
}).annotate({ identifier: "ExcellentShare" })

/**
 * @category models
 * @since 0.3.0
 */
export type ExcellentShare = typeof ExcellentShare.Type

/**
 * The length of a 限期改正 (limited-time correction) for decisions taken on or after `effectiveFrom`: the
 * months it runs when the decision names none, and the most it may run, extensions included.
 *
 * @category models
 * @since 0.3.0
 */
export const CorrectionPeriod = Schema.Struct({
  effectiveFrom: LegalDate,
  defaultMonths: Positive,
  maxMonths: Positive,
  source: Schema.String
}).annotate({ identifier: "CorrectionPeriod" })

/**
 * @category models
 * @since 0.3.0
 */
export type CorrectionPeriod = typeof CorrectionPeriod.Type

/**
 * @category models
 * @since 0.3.0
 */
export const AppraisalPolicy = Schema.Struct({
  /**
   * R35 REC ([NF]): months after the end of the appraised year by which its appraisal is closed ("每年开展1次"
   * names no day; an appraisal is held at the year's end or early in the next, often with the org-life
   * meeting). 0 = by 31 December.
   */
  dueMonthsAfterYear: Months,
  /** R62 HARD (CONF, C19): the grades in use; the four national ones, or three for legacy replay. */
  grades: Schema.Array(AppraisalGrade).check(Schema.isMinLength(1)),
  /** R62 REC (CONF): 优秀 "一般不超过党员总数的1/3", as a fraction of its basis. */
  excellentMaxShare: ExcellentShare,
  /** R64 (CONF, C20): probationary members are graded but never 优秀, or take part without a grade. */
  probationaryAppraisal: Schema.Literals(["gradedNoExcellent", "notGraded"]),
  /** R63 (CONF, C18): the 限期改正 lengths by the date of the decision (one entry at least). */
  correctionPeriodMonths: Schema.Array(CorrectionPeriod).check(Schema.isMinLength(1)),
  /** R63 (CONF, CZ summary [2nd]): years a member advised to withdraw or removed may not rejoin. */
  readmissionBarYears: Count,
  /** R63 HARD (CONF, 1996 Q&A [2nd]): a 限期改正 also needs the higher organization's approval. */
  correctionNeedsApproval: Schema.Boolean,
  /** R63 REC (CONF, no default [NF]): days after a 不合格 grade within which a disposal is decided. */
  disposalDecisionDueDays: Schema.optionalKey(Days)
}).annotate({ identifier: "AppraisalPolicy" })

/**
 * @category models
 * @since 0.3.0
 */
export type AppraisalPolicy = typeof AppraisalPolicy.Type

/**
 * The national defaults: four grades, 优秀 at most 1/3 of all members, probationary members graded but never
 * 优秀, 限期改正 of 6 months (at most 12) from 2024-06-16 (CZ) and of 12 months before (1996 Q&A, C18), a
 * five-year bar on rejoining, approval of a 限期改正 required, no deadline for the disposal decision, and the
 * appraisal of a year closed by the end of the next year's first quarter (the library's convention, no source).
 *
 * @category presets
 * @since 0.3.0
 */
export const nationalAppraisalPolicy: AppraisalPolicy = {
  dueMonthsAfterYear: 3,
  grades: ["excellent", "qualified", "basicallyQualified", "unqualified"],
  excellentMaxShare: { num: 1, den: 3, basis: "AM" },
  probationaryAppraisal: "gradedNoExcellent",
  correctionPeriodMonths: [
    { effectiveFrom: "1996-01-01", defaultMonths: 12, maxMonths: 12, source: "1996 中组部 Q&A [2nd] (C18)" },
    { effectiveFrom: "2024-06-16", defaultMonths: 6, maxMonths: 12, source: "CZ summary [2nd]" }
  ],
  readmissionBarYears: 5,
  correctionNeedsApproval: true
}

/**
 * R63 / C18: the 限期改正 length in force for a decision taken on `at`: the last entry whose `effectiveFrom` is on
 * or before it (the earliest entry for an older date).
 *
 * @example
 * ```ts
 * import { GovernancePolicy, Appraisal } from "@dangjian/core"
 *
 * const policy = GovernancePolicy.national.appraisal
 * Appraisal.correctionPeriodAt(policy, "2025-01-10").defaultMonths // => 6
 * Appraisal.correctionPeriodAt(policy, "2020-05-01").defaultMonths // => 12
 * ```
 *
 * @category getters
 * @since 0.3.0
 */
export const correctionPeriodAt = (policy: AppraisalPolicy, at: LegalDate): CorrectionPeriod => {
  const sorted = [...policy.correctionPeriodMonths].sort((a, b) =>
    a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0
  )
  let found = sorted[0]!
  for (const period of sorted) {
    if (period.effectiveFrom <= at) found = period
  }
  return found
}

/**
 * R62 REC: whether `excellent` grades exceed the cap on a basis of `basis` members: `den × excellent >
 * num × basis` ("不超过" is inclusive, so 3 of 9 is within the cap and 1 of 2 is over it).
 *
 * @example
 * ```ts
 * import { Appraisal } from "@dangjian/core"
 *
 * const third = { num: 1, den: 3, basis: "AM" } as const
 * Appraisal.overExcellentCap(third, 3, 9) // => false
 * Appraisal.overExcellentCap(third, 4, 9) // => true
 * Appraisal.overExcellentCap(third, 1, 2) // => true
 * ```
 *
 * @category predicates
 * @since 0.3.0
 */
export const overExcellentCap = (share: ExcellentShare, excellent: number, basis: number): boolean =>
  share.den * excellent > share.num * basis

/**
 * R62: the most 优秀 grades within the cap on a basis of `basis` members: `floor(num × basis / den)`.
 *
 * @category getters
 * @since 0.3.0
 */
export const excellentCap = (share: ExcellentShare, basis: number): number =>
  Math.floor((share.num * basis) / share.den)
