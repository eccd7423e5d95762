import { GovernancePolicy, LegalDate, Organization, PolicyTimeline } from "@dangjian/core"
import { assert, describe, it } from "@effect/vitest"
import { Result, Schema } from "effect"
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

  it("every preset is generated, and presets shrink to national", () => {
    const names = new Set(fc.sample(Arbitraries.presetPolicy, { numRuns: 200, seed: 3 }).map((p) => p.name))
    assert.deepStrictEqual([...names].sort(), [
      "legacy-pre-2018",
      "national-2018",
      "s001-village",
      "s002-resettlement-area"
    ])
    const out = fc.check(fc.property(Arbitraries.presetPolicy, () => false), { seed: 3 })
    assert.strictEqual(out.counterexample?.[0], GovernancePolicy.national)
  })

  it("R5: local variants decode, pass validateLocal, and really vary", () => {
    const committee = new Set<string>()
    fc.assert(
      fc.property(Arbitraries.localPolicy, (p) => {
        assert.deepStrictEqual(decodePolicy(JSON.parse(JSON.stringify(p))), p)
        const validated = GovernancePolicy.validateLocal(p)
        assert.isTrue(Result.isSuccess(validated), JSON.stringify(Result.isFailure(validated) && validated.failure))
        committee.add(`${p.committeeThreshold.value}/${p.committeeThreshold.inclusive}/${p.committeeThreshold.basis}`)
      }),
      { numRuns: 300 }
    )
    assert.isAbove(committee.size, 50)
  })

  it("R5: the check can fail: random variants often loosen the national rules", () => {
    const loosened = fc.sample(Arbitraries.randomPolicy, { numRuns: 200, seed: 5 })
      .filter((p) => Result.isFailure(GovernancePolicy.validateLocal(p)))
    assert.isAbove(loosened.length, 50)
  })

  it("timelines decode with the PolicyTimeline schema and are sorted by effectiveFrom", () => {
    const decode = Schema.decodeUnknownSync(PolicyTimeline.PolicyTimeline)
    fc.assert(
      fc.property(Arbitraries.policyTimeline, (t) => {
        assert.deepStrictEqual(decode(JSON.parse(JSON.stringify(t))), t)
        const dates = t.policies.map((p) => p.effectiveFrom)
        assert.deepStrictEqual(dates, [...dates].sort())
      }),
      { numRuns: 100 }
    )
  })

  it("C13: dates around the 2018 switch fall on both sides, with the term the timeline gives", () => {
    const sides = new Set<number>()
    fc.assert(
      fc.property(Arbitraries.aroundPolicySwitch(), (d) => {
        const policy = PolicyTimeline.policyAt(PolicyTimeline.national, d)
        assert.strictEqual(policy.termYears.villageOrCommunity, d < "2018-07-01" ? 3 : 5)
        sides.add(LegalDate.daysBetween(Arbitraries.policySwitchDate, d))
      }),
      { numRuns: 200 }
    )
    assert.isTrue(sides.has(-1) && sides.has(0) && sides.has(1))
  })

  it("R21: dates around a term end are within the radius of the end the policy in force on the election gives", () => {
    const offsets = new Set<number>()
    const terms = new Set<number>()
    fc.assert(
      fc.property(Arbitraries.aroundTermEnd(), (t) => {
        const policy = PolicyTimeline.policyAt(PolicyTimeline.national, t.electedAt)
        assert.strictEqual(t.termYears, Organization.termYearsFor(policy, t.kind, t.locus))
        assert.strictEqual(t.termEndsAt, LegalDate.addYears(t.electedAt, t.termYears))
        const offset = LegalDate.daysBetween(t.termEndsAt, t.at)
        assert.isAtMost(Math.abs(offset), 7)
        offsets.add(offset)
        terms.add(t.termYears)
      }),
      { numRuns: 300 }
    )
    assert.isTrue(offsets.has(-1) && offsets.has(0) && offsets.has(1))
    // both sides of 2018: 3-year (pre-2018 villages, other branches) and 5-year terms occur
    assert.isTrue(terms.has(3) && terms.has(5))
  })
})
