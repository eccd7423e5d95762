import { GovernancePolicy, LegalDate } from "@dangjian/core"
import { assert, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import fc from "fast-check"
import { Arbitraries } from "../src/index.ts"

const decodePolicy = Schema.decodeUnknownSync(GovernancePolicy.GovernancePolicy)

describe("Arbitraries", () => {
  it("every generated policy decodes with the GovernancePolicy schema", () => {
    fc.assert(
      fc.property(Arbitraries.policy, (p) => {
        assert.deepStrictEqual(decodePolicy(JSON.parse(JSON.stringify(p))), p)
      }),
      { numRuns: 200 }
    )
  })

  it("random policies vary inclusivity and basis", () => {
    const sample = fc.sample(Arbitraries.randomPolicy, { numRuns: 200, seed: 7 })
    const bases = new Set(sample.map((p) => p.branchMinFull.basis))
    const inclusive = new Set(sample.map((p) => p.branchMinFull.inclusive))
    assert.deepStrictEqual([...bases].sort(), ["AM", "FM"])
    assert.deepStrictEqual([...inclusive].sort(), [false, true])
  })

  it("legal dates are valid and within bounds", () => {
    fc.assert(
      fc.property(Arbitraries.legalDate({ min: "2020-02-27", max: "2020-03-02" }), (d) => {
        assert.isTrue(LegalDate.isLegalDate(d))
        assert.isTrue(d >= "2020-02-27" && d <= "2020-03-02")
      }),
      { numRuns: 100 }
    )
  })

  it("calendar edge dates and deadlines are valid dates near the boundary", () => {
    fc.assert(
      fc.property(Arbitraries.calendarEdgeDate, Arbitraries.aroundDeadline(), (d, { at, months, start }) => {
        assert.isTrue(LegalDate.isLegalDate(d))
        assert.isTrue(LegalDate.isLegalDate(at))
        const end = LegalDate.addMonths(start, months)
        assert.isTrue(Math.abs(LegalDate.daysBetween(end, at)) <= 3)
      }),
      { numRuns: 200 }
    )
  })

  it("legal dates shrink towards the minimum", () => {
    const out = fc.check(
      fc.property(Arbitraries.legalDate({ min: "2000-01-01" }), (d) => d < "2010-06-15"),
      { seed: 1 }
    )
    assert.isTrue(out.failed)
    assert.deepStrictEqual(out.counterexample, ["2010-06-15"])
  })
})
