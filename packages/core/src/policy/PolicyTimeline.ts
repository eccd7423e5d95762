/**
 * A policy timeline: governance policies ordered by `effectiveFrom`. A command is judged by the policy in
 * force on its legal date, and a history replayed with old dates is judged by the rules of its time (C1, C13).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import type { LegalDate } from "../LegalDate.ts"
import { GovernancePolicy } from "./GovernancePolicy.ts"
import { legacyPre2018, national as nationalPolicy } from "./presets.ts"

/**
 * Policies ordered by `effectiveFrom` (at least one). A Schema, so a timeline can be stored as JSON.
 *
 * @category models
 * @since 0.1.0
 */
export const PolicyTimeline = Schema.Struct({
  policies: Schema.Array(GovernancePolicy).check(Schema.isMinLength(1))
}).annotate({ identifier: "PolicyTimeline" })

/**
 * @category models
 * @since 0.1.0
 */
export type PolicyTimeline = typeof PolicyTimeline.Type

/**
 * Builds a timeline from policies in any order. Policies with the same `effectiveFrom` keep their argument
 * order, and the later one wins from that date.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (first: GovernancePolicy, ...rest: ReadonlyArray<GovernancePolicy>): PolicyTimeline => ({
  policies: [first, ...rest]
    .map((policy, index) => ({ policy, index }))
    .sort((a, b) =>
      a.policy.effectiveFrom < b.policy.effectiveFrom
        ? -1
        : a.policy.effectiveFrom > b.policy.effectiveFrom
        ? 1
        : a.index - b.index
    )
    .map((entry) => entry.policy)
})

/**
 * A timeline of one policy, in force on every date.
 *
 * @category constructors
 * @since 0.1.0
 */
export const of = (policy: GovernancePolicy): PolicyTimeline => ({ policies: [policy] })

/**
 * The national timeline: the pre-2018 rules, then the national rules from 2018-07-01.
 *
 * @category presets
 * @since 0.1.0
 */
export const national: PolicyTimeline = make(legacyPre2018, nationalPolicy)

/**
 * Adds a local policy to a timeline (for example a seed variant from its own date).
 *
 * @category combining
 * @since 0.1.0
 */
export const withPolicy = (timeline: PolicyTimeline, policy: GovernancePolicy): PolicyTimeline => {
  const [first, ...rest] = timeline.policies
  return first === undefined ? of(policy) : make(first, ...rest, policy)
}

/**
 * The policy in force on a legal date: the last one whose `effectiveFrom` is on or before it. A date before
 * every policy gets the earliest one, so the answer is total.
 *
 * @example
 * ```ts
 * import { PolicyTimeline } from "@dangjian/core"
 *
 * PolicyTimeline.policyAt(PolicyTimeline.national, "2016-05-10").termYears.villageOrCommunity // => 3
 * PolicyTimeline.policyAt(PolicyTimeline.national, "2021-05-10").termYears.villageOrCommunity // => 5
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const policyAt = (timeline: PolicyTimeline, date: LegalDate): GovernancePolicy => {
  const policies = timeline.policies
  let found = policies[0] ?? nationalPolicy
  for (const policy of policies) {
    if (policy.effectiveFrom <= date) found = policy
    else break
  }
  return found
}
