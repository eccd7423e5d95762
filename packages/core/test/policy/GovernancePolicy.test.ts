import { assert, describe, it } from "@effect/vitest"
import { Result, Schema } from "effect"
import { GovernancePolicy, PolicyTimeline } from "../../src/index.ts"

const { national, legacyPre2018, s001Village, s002ResettlementArea } = GovernancePolicy

describe("GovernancePolicy thresholds", () => {
  it("a threshold is reached at its value when inclusive, above it otherwise (RULES.md §2)", () => {
    // "3人以上" is inclusive; "超过50人" is not
    assert.isFalse(GovernancePolicy.reached(national.branchMinFull, 2))
    assert.isTrue(GovernancePolicy.reached(national.branchMinFull, 3))
    assert.isFalse(GovernancePolicy.reached(national.generalBranchThreshold, 50))
    assert.isTrue(GovernancePolicy.reached(national.generalBranchThreshold, 51))
    assert.isTrue(GovernancePolicy.reached(s001Village.generalBranchThreshold, 50))
    assert.strictEqual(GovernancePolicy.minimumReaching(national.generalBranchThreshold), 51)
    assert.strictEqual(GovernancePolicy.minimumReaching(s001Village.generalBranchThreshold), 50)
  })

  it("§3.2: a threshold is measured on its basis, FM or AM", () => {
    const counts = { full: 2, all: 7 }
    assert.isFalse(GovernancePolicy.reachedBy(national.branchMinFull, counts))
    assert.isTrue(GovernancePolicy.reachedBy({ ...national.branchMinFull, basis: "AM" }, counts))
  })

  it("R23: with 10 entitled, 9 present is the quorum (8 is exactly 4/5, not more)", () => {
    assert.strictEqual(GovernancePolicy.quorumMinimum(national.election, 10), 9)
    // C9: a local reading "含五分之四" makes 8 enough
    assert.strictEqual(GovernancePolicy.quorumMinimum({ ...national.election, quorumInclusive: true }, 10), 8)
    assert.strictEqual(GovernancePolicy.quorumMinimum(national.election, 7), 6) // 5.6 → 6
  })

  it("R24: competitive elections need seats + ceil(20 % of seats) candidates", () => {
    assert.strictEqual(GovernancePolicy.minimumCandidates(national.election, 5), 6)
    assert.strictEqual(GovernancePolicy.minimumCandidates(national.election, 3), 4)
    assert.strictEqual(GovernancePolicy.minimumCandidates(national.election, 10), 12)
    assert.strictEqual(GovernancePolicy.minimumCandidates({ ...national.election, minSurplusAbsolute: 2 }, 3), 5)
  })

  it("R23 / R25: more than half", () => {
    assert.strictEqual(GovernancePolicy.moreThanHalf(9), 5)
    assert.strictEqual(GovernancePolicy.moreThanHalf(8), 5)
    assert.strictEqual(GovernancePolicy.moreThanHalf(20), 11)
  })

  it("every preset is a valid GovernancePolicy and round-trips through JSON", () => {
    for (const preset of [national, legacyPre2018, s001Village, s002ResettlementArea]) {
      const json = JSON.parse(JSON.stringify(Schema.encodeSync(GovernancePolicy.GovernancePolicy)(preset)))
      assert.deepStrictEqual(Schema.decodeUnknownSync(GovernancePolicy.GovernancePolicy)(json), preset)
    }
  })

  it("the presets share the membership and pairing sections", () => {
    assert.strictEqual(national.membership.probationMonths, 12)
    assert.strictEqual(s001Village.pairing.reportEveryMonths, national.pairing.reportEveryMonths)
  })
})

describe("GovernancePolicy.validateLocal (R5: local rules may only tighten)", () => {
  it("R5: the S002 guards only tighten and pass", () => {
    assert.isTrue(Result.isSuccess(GovernancePolicy.validateLocal(s002ResettlementArea)))
    assert.isTrue(Result.isSuccess(GovernancePolicy.validateLocal(s001Village)))
  })

  it("R5: a lower committee threshold, a lower approval level or a dropped guard is rejected", () => {
    const loose: GovernancePolicy.GovernancePolicy = {
      ...national,
      name: "loose",
      committeeThreshold: { ...national.committeeThreshold, value: 80, approvalLevel: "township" }
    }
    const result = GovernancePolicy.validateLocal(loose)
    assert.isTrue(Result.isFailure(result))
    if (Result.isFailure(result)) {
      assert.deepStrictEqual(result.failure.map((v) => [v.ruleId, v.code]), [
        ["R5", "policy.loosensThreshold"],
        ["R5", "policy.loosensApproval"]
      ])
    }
    const dropped = GovernancePolicy.validateLocal(national, s002ResettlementArea)
    assert.isTrue(Result.isFailure(dropped))
    if (Result.isFailure(dropped)) assert.strictEqual(dropped.failure[0]!.code, "policy.dropsGuard")
  })

  it("R5: counting the committee threshold on FM instead of AM tightens; AM 100 exclusive also tightens", () => {
    const fm = { ...national, committeeThreshold: { ...national.committeeThreshold, basis: "FM" as const } }
    assert.isTrue(Result.isSuccess(GovernancePolicy.validateLocal(fm)))
    const exclusive = { ...national, committeeThreshold: { ...national.committeeThreshold, inclusive: false } }
    assert.isTrue(Result.isSuccess(GovernancePolicy.validateLocal(exclusive)))
    const amFromFm = GovernancePolicy.validateLocal({
      ...national,
      branchMinFull: { ...national.branchMinFull, basis: "AM" }
    })
    assert.isTrue(Result.isFailure(amFromFm))
  })

  it("R23 / R24 / R22 / R16: quorum, surplus, extension and deputies cannot be loosened", () => {
    const loose: GovernancePolicy.GovernancePolicy = {
      ...national,
      name: "loose",
      election: { ...national.election, quorumInclusive: true, minSurplusPercent: 10 },
      extensionMaxMonths: 18,
      committeeSizes: { ...national.committeeSizes, branch: { ...national.committeeSizes.branch, maxDeputies: 2 } }
    }
    const result = GovernancePolicy.validateLocal(loose)
    assert.isTrue(Result.isFailure(result))
    if (Result.isFailure(result)) {
      assert.deepStrictEqual(result.failure.map((v) => v.ruleId), ["R23", "R24", "R22", "R16"])
    }
  })
})

describe("PolicyTimeline", () => {
  it("C1 / C13: the policy in force on a date: 3-year village terms before 2018-07, 5 after", () => {
    const at = (date: string) => PolicyTimeline.policyAt(PolicyTimeline.national, date)
    assert.strictEqual(at("2016-05-10").name, "legacy-pre-2018")
    assert.strictEqual(at("2018-06-30").termYears.villageOrCommunity, 3)
    assert.strictEqual(at("2018-07-01").termYears.villageOrCommunity, 5)
    assert.strictEqual(at("2021-05-10").name, "national-2018")
    // before every policy: the earliest, so the answer is total
    assert.strictEqual(at("1980-01-01").name, "legacy-pre-2018")
  })

  it("orders policies by effectiveFrom; on the same date the later argument wins", () => {
    const local = { ...national, name: "local", effectiveFrom: "2018-07-01" }
    const timeline = PolicyTimeline.make(local, legacyPre2018, national)
    assert.deepStrictEqual(timeline.policies.map((p) => p.name), ["legacy-pre-2018", "local", "national-2018"])
    assert.strictEqual(PolicyTimeline.policyAt(timeline, "2020-01-01").name, "national-2018")
    const withLocal = PolicyTimeline.withPolicy(PolicyTimeline.national, {
      ...s001Village,
      effectiveFrom: "2022-01-01"
    })
    assert.strictEqual(PolicyTimeline.policyAt(withLocal, "2021-12-31").name, "national-2018")
    assert.strictEqual(PolicyTimeline.policyAt(withLocal, "2022-01-01").name, "s001-village")
  })

  it("a timeline is a Schema value", () => {
    const decoded = Schema.decodeUnknownSync(PolicyTimeline.PolicyTimeline)(
      JSON.parse(JSON.stringify(PolicyTimeline.national))
    )
    assert.strictEqual(decoded.policies.length, 2)
    assert.throws(() => Schema.decodeUnknownSync(PolicyTimeline.PolicyTimeline)({ policies: [] }))
  })
})
