import { assert, describe, it } from "@effect/vitest"
import { Result, Schema } from "effect"
import fc from "fast-check"
import { LegalDate } from "../../src/index.ts"

describe("LegalDate", () => {
  it("month arithmetic clamps to the month's end", () => {
    assert.strictEqual(LegalDate.addMonths("2024-01-31", 1), "2024-02-29")
    assert.strictEqual(LegalDate.addMonths("2023-01-31", 1), "2023-02-28")
    assert.strictEqual(LegalDate.addMonths("2024-03-15", 12), "2025-03-15")
    assert.strictEqual(LegalDate.addMonths("2024-03-15", -6), "2023-09-15")
    assert.strictEqual(LegalDate.addYears("2024-02-29", 1), "2025-02-28")
  })

  it("R37 boundary: probation from 2024-03-15 is due 2025-03-15, extensions to 2025-09-15 … 2026-03-15", () => {
    const due = LegalDate.addMonths("2024-03-15", 12)
    assert.strictEqual(due, "2025-03-15")
    assert.strictEqual(LegalDate.addMonths(due, 6), "2025-09-15")
    assert.strictEqual(LegalDate.addMonths(due, 12), "2026-03-15")
  })

  it("R21/R22 boundary: a village branch elected 2021-05-10 expires 2026-05-10, reminder 2025-11-10", () => {
    const end = LegalDate.addYears("2021-05-10", 5)
    assert.strictEqual(end, "2026-05-10")
    assert.strictEqual(LegalDate.addMonths(end, -6), "2025-11-10")
    assert.strictEqual(LegalDate.addYears(end, 1), "2027-05-10")
  })

  it("monthsBetween counts completed months: exactly 6 months is 6", () => {
    assert.strictEqual(LegalDate.monthsBetween("2024-01-15", "2024-07-14"), 5)
    assert.strictEqual(LegalDate.monthsBetween("2024-01-15", "2024-07-15"), 6)
    assert.strictEqual(LegalDate.monthsBetween("2024-08-31", "2025-02-28"), 6)
    assert.strictEqual(LegalDate.monthsBetween("2024-07-15", "2024-01-15"), 0)
  })

  it("days: a 90-day letter issued 2024-01-01 is valid through 2024-03-31", () => {
    assert.strictEqual(LegalDate.addDays("2024-01-01", 90), "2024-03-31")
    assert.strictEqual(LegalDate.daysBetween("2024-01-01", "2024-03-31"), 90)
    assert.strictEqual(LegalDate.daysBetween("2024-03-31", "2024-01-01"), -90)
  })

  it("the schema accepts real dates only", () => {
    const decode = Schema.decodeUnknownResult(LegalDate.LegalDate)
    assert.isTrue(Result.isSuccess(decode("2024-02-29")))
    for (const bad of ["2023-02-29", "2024-13-01", "2024-1-1", "20240101", "", 20240101]) {
      assert.isTrue(Result.isFailure(decode(bad)), String(bad))
    }
  })

  it("days over the whole range 0000–9999: the first centuries are not read as the 1900s", () => {
    assert.strictEqual(LegalDate.addDays("0050-01-01", 1), "0050-01-02")
    assert.strictEqual(LegalDate.daysBetween("0099-12-31", "0100-01-01"), 1)
    // The year 0 is a leap year in the proleptic Gregorian calendar (divisible by 400).
    assert.strictEqual(LegalDate.addDays("0000-03-01", -1), "0000-02-29")
    assert.strictEqual(LegalDate.daysBetween("0000-01-01", "9999-12-31"), 3_652_424)
    assert.strictEqual(LegalDate.addDays("1969-12-31", 1), "1970-01-01")
    assert.strictEqual(LegalDate.daysBetween("1970-01-01", "2024-02-29"), 19_782)
    // Day by day across a year: each date is the day after the one before, as the calendar has it.
    const anyDate = fc.tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 31 })
    )
      .map(([y, m, d]) =>
        `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${
          String(Math.min(d, LegalDate.daysInMonth(y, m))).padStart(2, "0")
        }`
      )
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -400_000, max: 400_000 }), (d, n) => {
        const later = LegalDate.addDays(d, n)
        if (!LegalDate.isLegalDate(later)) return
        assert.strictEqual(LegalDate.daysBetween(d, later), n)
        assert.strictEqual(LegalDate.addDays(later, -n), d)
        assert.strictEqual(n >= 0 ? later >= d : later < d, true)
      })
    )
    fc.assert(
      fc.property(anyDate, (d) => {
        const next = LegalDate.addDays(d, 1)
        const [y, m, day] = d.split("-").map(Number) as [number, number, number]
        const expected = day < LegalDate.daysInMonth(y, m)
          ? `${d.slice(0, 8)}${String(day + 1).padStart(2, "0")}`
          : m < 12
          ? `${d.slice(0, 5)}${String(m + 1).padStart(2, "0")}-01`
          : `${String(y + 1).padStart(4, "0")}-01-01`
        assert.strictEqual(next, expected)
      })
    )
  })

  it("property: addDays and daysBetween are inverse; monthsBetween is maximal", () => {
    const date = fc.date({ min: new Date("1990-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }).map((d) =>
      d.toISOString().slice(0, 10)
    )
    fc.assert(
      fc.property(date, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        assert.strictEqual(LegalDate.daysBetween(d, LegalDate.addDays(d, n)), n)
      })
    )
    fc.assert(
      fc.property(date, date, (a, b) => {
        const n = LegalDate.monthsBetween(a, b)
        if (b >= a) {
          assert.isTrue(LegalDate.addMonths(a, n) <= b)
          assert.isTrue(LegalDate.addMonths(a, n + 1) > b)
        } else {
          assert.strictEqual(n, 0)
        }
      })
    )
  })
})
