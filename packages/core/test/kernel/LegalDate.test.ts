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
