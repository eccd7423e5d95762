/**
 * Legal dates: the calendar day on which something takes effect (`YYYY-MM-DD`). Every rule is judged as of a
 * legal date, and every deadline (terms, probation, letter validity, absences) is computed with the calendar
 * arithmetic here, so that "6 months" and "5 years" mean the same thing everywhere.
 *
 * Month arithmetic keeps the day of month and clamps to the month's end (2024-01-31 + 1 month = 2024-02-29).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

// Dates are read by character codes, not a regular expression: the rules check and shift dates for every member
// of a roster, and a match allocates its groups each time. `digits` is the value of `s[from..to)` when each of
// those characters is an ASCII digit 0–9, else -1.
const digits = (s: string, from: number, to: number): number => {
  let value = 0
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48
    if (c < 0 || c > 9) return -1
    value = value * 10 + c
  }
  return value
}

/** Year, month and day of `YYYY-MM-DD` (ASCII digits, the dashes in place), or undefined. */
const split = (s: string): readonly [number, number, number] | undefined => {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined
  const y = digits(s, 0, 4)
  const mo = digits(s, 5, 7)
  const d = digits(s, 8, 10)
  return y < 0 || mo < 0 || d < 0 ? undefined : [y, mo, d]
}

const isValid = (s: string): boolean => {
  const ymd = split(s)
  if (ymd === undefined) return false
  const [y, mo, d] = ymd
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)
}

// `isValid` as one regular expression, for JSON Schema: months 01–12, each month's length, and 29 February only
// in Gregorian leap years (a year divisible by 4; a century only when divisible by 400). A client in another
// language thus refuses 2024-02-30 and 2023-02-29 before sending them, as the decoder does. `[0-9]`, not `\d`:
// some engines (Python's among them) read `\d` as any Unicode digit.
const jsonSchemaPattern = "^(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
  + "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
  + "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$"

/**
 * A calendar date `YYYY-MM-DD`. Its JSON Schema carries the whole calendar rule as a `pattern`, so a client in
 * another language checks it exactly as the decoder does.
 *
 * @category models
 * @since 0.1.0
 */
export const LegalDate = Schema.String.check(
  Schema.makeFilter((s: string) => isValid(s) || "Expected a date YYYY-MM-DD", {
    // The pattern is exact (every string it admits, the filter admits, and the reverse), so it is not marked
    // as an approximation. maxLength: where `$` also matches before a final newline (Python's `re`), a pattern
    // alone would let "2024-03-15\n" through.
    toJsonSchema: () => ({ pattern: jsonSchemaPattern, maxLength: 10 })
  })
).annotate({
  identifier: "LegalDate",
  description: "A calendar date, YYYY-MM-DD (year 0000–9999). The pattern is the whole calendar: months 01–12, "
    + "each month's length, and 29 February only in leap years (2024-02-29 is a date; 2023-02-29 and 2024-02-30 "
    + "are not). Rules between dates (a term that ends before it starts, …) are judged when the command runs, "
    + "not by this schema.",
  examples: ["2024-03-15"]
})

/**
 * @category models
 * @since 0.1.0
 */
export type LegalDate = string

/**
 * Whether a string is a valid `YYYY-MM-DD` date.
 *
 * @category guards
 * @since 0.1.0
 */
export const isLegalDate = (u: unknown): u is LegalDate => typeof u === "string" && isValid(u)

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

/**
 * Days in a month (1–12).
 *
 * @category getters
 * @since 0.1.0
 */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeap(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31

const parts = (date: LegalDate): readonly [number, number, number] => split(date) ?? [1970, 1, 1]

// Dates are built by the million when findings are scheduled: no padding calls for the common case.
const twoDigits = (n: number): string => (n < 10 ? `0${n}` : `${n}`)
const format = (y: number, m: number, d: number): LegalDate =>
  `${y >= 1000 ? `${y}` : String(y).padStart(4, "0")}-${twoDigits(m)}-${twoDigits(d)}`

/**
 * Adds (or subtracts) whole months, clamping the day to the target month's end.
 *
 * @category arithmetic
 * @since 0.1.0
 */
export const addMonths = (date: LegalDate, months: number): LegalDate => {
  const [y, m, d] = parts(date)
  const index = y * 12 + (m - 1) + Math.trunc(months)
  const ny = Math.floor(index / 12)
  const nm = index - ny * 12 + 1
  return format(ny, nm, Math.min(d, daysInMonth(ny, nm)))
}

/**
 * Adds (or subtracts) whole years (Feb 29 becomes Feb 28 in a common year).
 *
 * @category arithmetic
 * @since 0.1.0
 */
export const addYears = (date: LegalDate, years: number): LegalDate => addMonths(date, Math.trunc(years) * 12)

// Days since 1970-01-01 in the proleptic Gregorian calendar, by arithmetic on 400-year eras (H. Hinnant's
// `days_from_civil`), not `Date.UTC`: that reads the years 0–99 as 1900–1999, and 0050-01-01 plus a day would be
// 1950-01-02.
const toEpochDay = (date: LegalDate): number => {
  const [year, m, d] = parts(date)
  const y = m <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

// The inverse (`civil_from_days`).
const fromEpochDay = (day: number): LegalDate => {
  const z = day + 719_468
  const era = Math.floor(z / 146_097)
  const dayOfEra = z - era * 146_097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const m = mp < 10 ? mp + 3 : mp - 9
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
  return format(yearOfEra + era * 400 + (m <= 2 ? 1 : 0), m, d)
}

/**
 * Adds (or subtracts) days.
 *
 * @category arithmetic
 * @since 0.1.0
 */
export const addDays = (date: LegalDate, days: number): LegalDate => fromEpochDay(toEpochDay(date) + Math.trunc(days))

/**
 * Days from `from` to `to` (negative when `to` is earlier).
 *
 * @category arithmetic
 * @since 0.1.0
 */
export const daysBetween = (from: LegalDate, to: LegalDate): number => toEpochDay(to) - toEpochDay(from)

/**
 * Whole months completed from `from` to `to`: the largest n with `addMonths(from, n) ≤ to` (0 when `to` is
 * earlier). "Away exactly 6 months" is `monthsBetween(from, to) >= 6`.
 *
 * @category arithmetic
 * @since 0.1.0
 */
export const monthsBetween = (from: LegalDate, to: LegalDate): number => {
  if (to < from) return 0
  const [fy, fm, fd] = parts(from)
  const [ty, tm, td] = parts(to)
  const n = (ty - fy) * 12 + (tm - fm)
  // `addMonths(from, n)` falls in `to`'s month, on `from`'s day clamped to the month's end: past `to` only when that
  // day is; then n − 1 months fall in an earlier month.
  return n > 0 && Math.min(fd, daysInMonth(ty, tm)) > td ? n - 1 : n
}

/**
 * Compares two dates (`-1`, `0`, `1`). ISO dates compare as strings.
 *
 * @category comparing
 * @since 0.1.0
 */
export const compare = (a: LegalDate, b: LegalDate): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The later of two dates.
 *
 * @category comparing
 * @since 0.1.0
 */
export const max = (a: LegalDate, b: LegalDate): LegalDate => (a < b ? b : a)

/**
 * The earlier of two dates.
 *
 * @category comparing
 * @since 0.1.0
 */
export const min = (a: LegalDate, b: LegalDate): LegalDate => (a < b ? a : b)

/**
 * The legal date of an ISO date or date-time (its first ten characters).
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromIso = (iso: string): LegalDate => iso.slice(0, 10)
