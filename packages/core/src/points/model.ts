/**
 * The value objects of the points aggregate (R52, R53): the points scheme an organization defines as data
 * (items with their scores, a base score, the publication cadence and the thresholds that raise notices),
 * the periods results are published for, the kinds of duty post, and why an entry is revoked. Every id is
 * opaque; no value holds a member's personal data.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import type { LegalDate } from "../LegalDate.ts"
import { addDays, addMonths } from "../LegalDate.ts"
import { Count, Positive } from "../units.ts"

/**
 * How often results are published (R52: "考评结果每月或每季度定期公示").
 *
 * @category models
 * @since 0.3.0
 */
export const Publication = Schema.Literals(["monthly", "quarterly"])

/**
 * @category models
 * @since 0.3.0
 */
export type Publication = typeof Publication.Type

/**
 * One item of a scheme: an addition (加分) or a deduction (扣分) of `points`, at most `maxPerPeriod` times per
 * member and period when set.
 *
 * @category models
 * @since 0.3.0
 */
export const PointsItem = Schema.Struct({
  itemId: Schema.String,
  direction: Schema.Literals(["addition", "deduction"]),
  points: Positive,
  maxPerPeriod: Schema.optionalKey(Positive)
}).annotate({ identifier: "PointsItem" })

/**
 * @category models
 * @since 0.3.0
 */
export type PointsItem = typeof PointsItem.Type

/**
 * A points scheme (党员积分制, R52 CONF: the scheme is data): a base score every member starts the year with,
 * its items, the publication cadence, and the thresholds below which a member's score raises a notice (every
 * period: `noticeBelow`; for the year, members who were probationary: `probationaryYearBelow`, the 东阳 local
 * example's 60 and 85 on a base of 100). A notice only feeds the procedures of R37, R39 and R63; no score ever
 * changes a member's status (C14).
 *
 * @category models
 * @since 0.3.0
 */
export const PointsScheme = Schema.Struct({
  baseScore: Count,
  items: Schema.Array(PointsItem).check(Schema.isMinLength(1)),
  publication: Publication,
  noticeBelow: Schema.optionalKey(Count),
  probationaryYearBelow: Schema.optionalKey(Count)
}).annotate({ identifier: "PointsScheme" })

/**
 * @category models
 * @since 0.3.0
 */
export type PointsScheme = typeof PointsScheme.Type

/**
 * A publication period: a month `YYYY-MM` or a quarter `YYYY-Qn`. (The pattern carries the `u` flag so that it
 * exports to JSON Schema; the length bound keeps a validator whose `$` matches before a final newline, as
 * Python's `re` does, from admitting "2024-Q1\n".)
 *
 * @category models
 * @since 0.3.0
 */
export const Period = Schema.String.check(
  Schema.isPattern(/^[0-9]{4}-(?:0[1-9]|1[0-2]|Q[1-4])$/u),
  Schema.isMaxLength(7)
)

/**
 * @category models
 * @since 0.3.0
 */
export type Period = string

/**
 * Why a points entry was revoked before its period was published.
 *
 * @category models
 * @since 0.3.0
 */
export const RevocationReason = Schema.Literals(["recordingError", "appeal"])

/**
 * @category models
 * @since 0.3.0
 */
export type RevocationReason = typeof RevocationReason.Type

/**
 * The kinds of duty post (党员责任岗, R53; S003 names 政策宣传岗 and 环境整治岗): `policyPublicity`,
 * `environment`, `mediation` (矛盾调解), `security` (治安巡防), `service` (便民服务), `other`.
 *
 * @category models
 * @since 0.3.0
 */
export const DutyPostKind = Schema.Literals([
  "policyPublicity",
  "environment",
  "mediation",
  "security",
  "service",
  "other"
])

/**
 * @category models
 * @since 0.3.0
 */
export type DutyPostKind = typeof DutyPostKind.Type

/**
 * The publication period that contains a date.
 *
 * @example
 * ```ts
 * import { Points } from "@dangjian/core"
 *
 * Points.periodOf("2024-05-31", "monthly") // => "2024-05"
 * Points.periodOf("2024-05-31", "quarterly") // => "2024-Q2"
 * ```
 *
 * @category getters
 * @since 0.3.0
 */
export const periodOf = (date: LegalDate, publication: Publication): Period =>
  publication === "monthly"
    ? date.slice(0, 7)
    : `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`

/**
 * The cadence a period belongs to.
 *
 * @category getters
 * @since 0.3.0
 */
export const publicationOf = (period: Period): Publication => (period.includes("Q") ? "quarterly" : "monthly")

/**
 * The first day of a period.
 *
 * @category getters
 * @since 0.3.0
 */
export const periodStart = (period: Period): LegalDate => {
  const year = period.slice(0, 4)
  if (publicationOf(period) === "monthly") return `${period}-01`
  const quarter = Number(period.slice(6))
  return `${year}-${String((quarter - 1) * 3 + 1).padStart(2, "0")}-01`
}

/**
 * The last day of a period.
 *
 * @example
 * ```ts
 * import { Points } from "@dangjian/core"
 *
 * Points.periodEnd("2024-02") // => "2024-02-29"
 * Points.periodEnd("2024-Q3") // => "2024-09-30"
 * ```
 *
 * @category getters
 * @since 0.3.0
 */
export const periodEnd = (period: Period): LegalDate =>
  addDays(addMonths(periodStart(period), publicationOf(period) === "monthly" ? 1 : 3), -1)

/**
 * The period after a period, of the same cadence.
 *
 * @category getters
 * @since 0.3.0
 */
export const nextPeriod = (period: Period): Period => periodOf(addDays(periodEnd(period), 1), publicationOf(period))
