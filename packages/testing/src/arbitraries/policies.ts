/**
 * Governance policies: the national policy, every shipped preset, random variants (thresholds inclusive or
 * exclusive, on the FM or AM basis), local variants that only tighten the national rules (R5, so that
 * `GovernancePolicy.validateLocal` accepts them), and timelines of policies. Member counts too.
 *
 * @since 0.1.0
 */
import { GovernancePolicy, PolicyTimeline } from "@dangjian/core"
import fc from "fast-check"
import { legalDate } from "./dates.ts"

/**
 * A policy threshold with a value in `[min, max]`, inclusive or exclusive, on the FM or AM basis, mandatory
 * or not. Shrinks towards `min`, exclusive, FM, non-mandatory.
 *
 * @since 0.1.0
 * @category policies
 */
export const threshold = (min: number, max: number): fc.Arbitrary<GovernancePolicy.Threshold> =>
  fc.record({
    value: fc.integer({ min, max }),
    inclusive: fc.boolean(),
    basis: fc.constantFrom("FM" as const, "AM" as const),
    mandatory: fc.boolean(),
    source: fc.constant("generated")
  })

/**
 * The national policy (`GovernancePolicy.national`), as an arbitrary.
 *
 * @since 0.1.0
 * @category policies
 */
export const nationalPolicy: fc.Arbitrary<GovernancePolicy.GovernancePolicy> = fc.constant(GovernancePolicy.national)

/**
 * A random variant of the national policy: the branch minimum, branch soft maximum, general-branch,
 * committee and branch-committee thresholds vary in value, inclusivity, basis and mandatory flag. Variants
 * may loosen the national rules: use {@link localPolicy} for policies `validateLocal` accepts.
 *
 * @since 0.1.0
 * @category policies
 */
export const randomPolicy: fc.Arbitrary<GovernancePolicy.GovernancePolicy> = fc
  .record({
    branchMinFull: threshold(1, 6),
    branchSoftMax: threshold(10, 60),
    generalBranchThreshold: threshold(10, 60),
    committeeThreshold: threshold(40, 120),
    branchCommitteeAtFull: threshold(3, 12)
  })
  .map((t) => ({
    ...GovernancePolicy.national,
    name: "generated",
    branchMinFull: t.branchMinFull,
    branchSoftMax: t.branchSoftMax,
    generalBranchThreshold: t.generalBranchThreshold,
    committeeThreshold: { ...GovernancePolicy.national.committeeThreshold, ...t.committeeThreshold },
    branchCommitteeAtFull: t.branchCommitteeAtFull
  }))

/**
 * Every shipped preset (`policy/presets.ts`): national, legacy (pre-2018) and the two seed local policies
 * (S001 village, S002 resettlement area). Shrinks towards national.
 *
 * @since 0.1.0
 * @category policies
 */
export const presetPolicy: fc.Arbitrary<GovernancePolicy.GovernancePolicy> = fc.constantFrom(
  GovernancePolicy.national,
  GovernancePolicy.legacyPre2018,
  GovernancePolicy.s001Village,
  GovernancePolicy.s002ResettlementArea
)

/**
 * A local policy that only tightens the national rules where R5 forbids loosening them (so
 * `GovernancePolicy.validateLocal` accepts it), and varies the figures left to local choice: a stricter
 * committee threshold (value, inclusivity, basis, approval level, guards), a stricter branch minimum, a
 * stricter quorum and candidate surplus, shorter extensions, fewer branch deputies, and any general-branch
 * threshold and village term (C1–C3). Shrinks towards the national figures.
 *
 * @since 0.1.0
 * @category policies
 */
export const localPolicy: fc.Arbitrary<GovernancePolicy.GovernancePolicy> = fc
  .record({
    effectiveFrom: legalDate({ min: "2018-07-01", max: "2035-12-31" }),
    committeeValue: fc.integer({ min: 100, max: 160 }),
    committeeInclusive: fc.boolean().map((b) => !b),
    committeeBasis: fc.constantFrom("AM" as const, "FM" as const),
    approvalLevel: fc.constantFrom("county" as const, "city" as const, "province" as const),
    guards: fc.subarray(["goodFoundation" as const, "venue" as const]),
    branchMin: fc.integer({ min: 3, max: 5 }),
    quorum: fc.constantFrom([4, 5], [5, 6], [9, 10]),
    surplus: fc.integer({ min: 20, max: 50 }),
    extensionMaxMonths: fc.integer({ min: 0, max: 12 }).map((n) => 12 - n),
    branchDeputies: fc.integer({ min: 0, max: 1 }).map((n) => 1 - n),
    generalBranchThreshold: threshold(30, 80),
    villageTermYears: fc.constantFrom(5, 3)
  })
  .map((v) => {
    const national = GovernancePolicy.national
    return {
      ...national,
      name: "generated-local",
      effectiveFrom: v.effectiveFrom,
      committeeThreshold: {
        ...national.committeeThreshold,
        value: v.committeeValue,
        inclusive: v.committeeInclusive,
        basis: v.committeeBasis,
        approvalLevel: v.approvalLevel,
        extraGuards: v.guards,
        source: "generated"
      },
      branchMinFull: { ...national.branchMinFull, value: v.branchMin, source: "generated" },
      election: {
        ...national.election,
        quorumNumerator: v.quorum[0] ?? 4,
        quorumDenominator: v.quorum[1] ?? 5,
        minSurplusPercent: v.surplus
      },
      extensionMaxMonths: v.extensionMaxMonths,
      committeeSizes: {
        ...national.committeeSizes,
        branch: { ...national.committeeSizes.branch, maxDeputies: v.branchDeputies }
      },
      generalBranchThreshold: v.generalBranchThreshold,
      termYears: { ...national.termYears, villageOrCommunity: v.villageTermYears }
    }
  })

/**
 * Any policy: a preset (shrinks to national), a random variant or a valid local variant.
 *
 * @since 0.1.0
 * @category policies
 */
export const policy: fc.Arbitrary<GovernancePolicy.GovernancePolicy> = fc.oneof(
  presetPolicy,
  randomPolicy,
  localPolicy
)

/**
 * A policy timeline of one to four policies (presets, random and local variants) with random
 * `effectiveFrom` dates, built with `PolicyTimeline.make` (so sorted). Shrinks towards one national policy.
 *
 * @since 0.1.0
 * @category policies
 */
export const policyTimeline: fc.Arbitrary<PolicyTimeline.PolicyTimeline> = fc
  .array(fc.record({ policy, from: legalDate({ min: "1990-01-01", max: "2040-12-31" }) }), {
    minLength: 1,
    maxLength: 4
  })
  .map((entries) => {
    const [first, ...rest] = entries.map(({ from, policy: p }) => ({ ...p, effectiveFrom: from }))
    return first === undefined ? PolicyTimeline.national : PolicyTimeline.make(first, ...rest)
  })

/**
 * Full and probationary member counts (0–130 full, 0–30 probationary); shrinks towards zero.
 *
 * @since 0.1.0
 * @category counts
 */
export const counts: fc.Arbitrary<{ readonly full: number; readonly probationary: number }> = fc.record({
  full: fc.integer({ min: 0, max: 130 }),
  probationary: fc.integer({ min: 0, max: 30 })
})
