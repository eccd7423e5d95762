/**
 * The governance policy: every figure of the organization rules that RULES.md marks configurable (CONF) or
 * uncertain, with its basis (full members FM or all members AM), its inclusivity, its source and the date
 * from which it is in force. The membership and pairing pillars read their figures from the same value
 * (`membership`, `pairing`), so one policy describes one place at one time.
 *
 * A {@link Threshold} is *reached* by a count `n` when `n ≥ value` (inclusive) or `n > value` (exclusive):
 * "3人以上" is `{ value: 3, inclusive: true }`, "超过50人" is `{ value: 50, inclusive: false }`
 * (RULES.md §2, reading conventions).
 *
 * The Schema and its arithmetic live in `model.ts`, the presets in `presets.ts`; this namespace gathers them
 * with {@link validateLocal}. Which preset applies on which date is a `PolicyTimeline`.
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import type { RuleViolation } from "../rules/RuleViolation.ts"
import { violation } from "../rules/RuleViolation.ts"
import type { ApprovalLevel, GovernancePolicy, Threshold } from "./model.ts"
import { minimumCandidates, minimumReaching, quorumMinimum } from "./model.ts"
import { national } from "./presets.ts"

export * from "./model.ts"
export { legacyPre2018, national, s001Village, s002ResettlementArea } from "./presets.ts"

// ---------------------------------------------------------------------------------------------------------
// Local rules may only tighten (R5)
// ---------------------------------------------------------------------------------------------------------

const levels: ReadonlyArray<ApprovalLevel> = ["primaryCommittee", "township", "county", "city", "province", "central"]

// A threshold that must be reached before something is allowed is at least as strict as the baseline when
// it needs at least as many members, counted on a basis no larger (FM ≤ AM).
const atLeastAsStrict = (local: Threshold, baseline: Threshold): boolean =>
  minimumReaching(local) >= minimumReaching(baseline) && (local.basis === baseline.basis || local.basis === "FM")

/**
 * Checks that a local policy only tightens the national rules it may not loosen (R5: "local predicates may
 * only tighten"): the committee threshold, its approval level and guards (R5), the branch minimum (R1), the
 * election quorum (R23) and candidate surplus (R24), the extension limit (R22) and the branch deputy limit
 * (R16). Figures RULES.md leaves to local choice (the general-branch threshold C2/C3, terms C1, sizes C4)
 * are not checked. Returns the policy, or every loosening found.
 *
 * @example
 * ```ts
 * import { GovernancePolicy } from "@dangjian/core"
 * import { Result } from "effect"
 *
 * Result.isSuccess(GovernancePolicy.validateLocal(GovernancePolicy.s002ResettlementArea)) // => true
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const validateLocal = (
  local: GovernancePolicy,
  baseline: GovernancePolicy = national
): Result.Result<GovernancePolicy, ReadonlyArray<RuleViolation>> => {
  const issues: Array<RuleViolation> = []
  const policy = local.name
  // R5 HARD: a local committee threshold may only require more members
  if (!atLeastAsStrict(local.committeeThreshold, baseline.committeeThreshold)) {
    issues.push(
      violation("R5", "policy.loosensThreshold", {
        policy,
        field: "committeeThreshold",
        value: local.committeeThreshold.value,
        baseline: baseline.committeeThreshold.value
      })
    )
  }
  // R5 HARD: the approval authority stays at least county level
  if (
    levels.indexOf(local.committeeThreshold.approvalLevel) < levels.indexOf(baseline.committeeThreshold.approvalLevel)
  ) {
    issues.push(
      violation("R5", "policy.loosensApproval", {
        policy,
        level: local.committeeThreshold.approvalLevel,
        required: baseline.committeeThreshold.approvalLevel
      })
    )
  }
  // R5 HARD: local guards add to the national ones, never remove them
  for (const guard of baseline.committeeThreshold.extraGuards) {
    if (!local.committeeThreshold.extraGuards.includes(guard)) {
      issues.push(violation("R5", "policy.dropsGuard", { policy, guard }))
    }
  }
  // R1 HARD: a branch needs at least 3 full members everywhere
  if (!atLeastAsStrict(local.branchMinFull, baseline.branchMinFull)) {
    issues.push(
      violation("R1", "policy.loosensThreshold", {
        policy,
        field: "branchMinFull",
        value: local.branchMinFull.value,
        baseline: baseline.branchMinFull.value
      })
    )
  }
  // R23 HARD: the quorum is never lower (checked on every electorate up to 1,000)
  for (let entitled = 1; entitled <= 1_000; entitled++) {
    if (quorumMinimum(local.election, entitled) < quorumMinimum(baseline.election, entitled)) {
      issues.push(violation("R23", "policy.loosensQuorum", { policy, entitled }))
      break
    }
  }
  // R24 HARD: the candidate surplus is never smaller (checked up to 50 seats)
  for (let seats = 1; seats <= 50; seats++) {
    if (minimumCandidates(local.election, seats) < minimumCandidates(baseline.election, seats)) {
      issues.push(violation("R24", "policy.loosensSurplus", { policy, seats }))
      break
    }
  }
  // R22 HARD: extensions stay within a year
  if (local.extensionMaxMonths > baseline.extensionMaxMonths) {
    issues.push(
      violation("R22", "policy.loosensExtension", {
        policy,
        months: local.extensionMaxMonths,
        max: baseline.extensionMaxMonths
      })
    )
  }
  // R16 HARD: at most one deputy secretary in a branch
  if (local.committeeSizes.branch.maxDeputies > baseline.committeeSizes.branch.maxDeputies) {
    issues.push(
      violation("R16", "policy.loosensDeputies", {
        policy,
        deputies: local.committeeSizes.branch.maxDeputies,
        max: baseline.committeeSizes.branch.maxDeputies
      })
    )
  }
  return issues.length === 0 ? Result.succeed(local) : Result.fail(issues)
}
