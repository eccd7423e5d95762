/**
 * Calendar periods in China (Asia/Shanghai): months, quarters and years as ranges of legal dates, and the legal
 * date of an instant in Shanghai. Frequencies (R28–R35) are counted per period by the day a meeting was held
 * (R59), and a period is judged only once it has ended: from the day after its last day.
 *
 * @since 0.3.0
 */
import type { LegalDate } from "../LegalDate.ts"
import { addDays, daysInMonth } from "../LegalDate.ts"
import type { PeriodUnit } from "./model.ts"

/**
 * A calendar period: its unit, its first and last day (both inclusive) and a label (`2024-03`, `2024-Q1`,
 * `2024`).
 *
 * @category models
 * @since 0.3.0
 */
export interface Period {
  readonly unit: PeriodUnit
  readonly start: LegalDate
  readonly last: LegalDate
  readonly label: string
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0")

/**
 * The period of a unit that contains a date.
 *
 * @example
 * ```ts
 * import { Meeting } from "@dangjian/core"
 *
 * Meeting.periodOf("quarter", "2024-03-31") // => { unit: "quarter", start: "2024-01-01", last: "2024-03-31", label: "2024-Q1" }
 * Meeting.periodOf("quarter", "2024-04-01").label // => "2024-Q2"
 * ```
 *
 * @category constructors
 * @since 0.3.0
 */
export const periodOf = (unit: PeriodUnit, date: LegalDate): Period => {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  const y = pad(year, 4)
  switch (unit) {
    case "month":
      return {
        unit,
        start: `${y}-${pad(month)}-01`,
        last: `${y}-${pad(month)}-${pad(daysInMonth(year, month))}`,
        label: `${y}-${pad(month)}`
      }
    case "quarter": {
      const q = Math.floor((month - 1) / 3) + 1
      const lastMonth = q * 3
      return {
        unit,
        start: `${y}-${pad(lastMonth - 2)}-01`,
        last: `${y}-${pad(lastMonth)}-${pad(daysInMonth(year, lastMonth))}`,
        label: `${y}-Q${q}`
      }
    }
    case "year":
      return { unit, start: `${y}-01-01`, last: `${y}-12-31`, label: y }
  }
}

/**
 * Whether a date falls in a period.
 *
 * @category predicates
 * @since 0.3.0
 */
export const contains = (period: Period, date: LegalDate): boolean => date >= period.start && date <= period.last

/**
 * The periods of a unit that start on or after `from` and have ended by `asOf` (their last day is before it),
 * oldest first: the periods that can be judged as of that date.
 *
 * @example
 * ```ts
 * import { Meeting } from "@dangjian/core"
 *
 * Meeting.endedPeriods("quarter", "2024-01-01", "2024-03-31").map((p) => p.label) // => []
 * Meeting.endedPeriods("quarter", "2024-01-01", "2024-04-01").map((p) => p.label) // => ["2024-Q1"]
 * ```
 *
 * @category constructors
 * @since 0.3.0
 */
export const endedPeriods = (unit: PeriodUnit, from: LegalDate, asOf: LegalDate): ReadonlyArray<Period> => {
  const out: Array<Period> = []
  let period = periodOf(unit, from)
  if (period.start < from) period = periodOf(unit, addDays(period.last, 1))
  while (period.last < asOf) {
    out.push(period)
    period = periodOf(unit, addDays(period.last, 1))
  }
  return out
}

/**
 * The first day of the month of a date.
 *
 * @category getters
 * @since 0.3.0
 */
export const monthStart = (date: LegalDate): LegalDate => `${date.slice(0, 7)}-01`

/**
 * The first day of the last quarter (Q4) of the year of a date: R33's org-life meeting is "usually in Q4".
 *
 * @category getters
 * @since 0.3.0
 */
export const fourthQuarterStart = (date: LegalDate): LegalDate => `${date.slice(0, 4)}-10-01`

const shanghai = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit"
})

/**
 * The legal date (the calendar day in China, Asia/Shanghai) of an instant: a `Date`, epoch milliseconds or an
 * ISO date-time with its offset. Use it to turn the moment a meeting ended into its `heldOn`: a meeting held on
 * 31 December at 23:00 in Shanghai (15:00 UTC) is held on 31 December, and counts in that year. An instant that
 * is not a time (an invalid `Date`, an unreadable string) gives undefined.
 *
 * @example
 * ```ts
 * import { Meeting } from "@dangjian/core"
 *
 * Meeting.legalDateInChina("2024-12-31T23:00:00+08:00") // => "2024-12-31"
 * Meeting.legalDateInChina("2024-12-31T16:30:00Z") // => "2025-01-01"
 * ```
 *
 * @category constructors
 * @since 0.3.0
 */
export const legalDateInChina = (instant: Date | number | string): LegalDate | undefined => {
  const date = instant instanceof Date ? instant : new Date(instant)
  if (Number.isNaN(date.getTime())) return undefined
  const parts = shanghai.formatToParts(date)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "01"
  return `${part("year")}-${part("month")}-${part("day")}`
}
