// Fixtures of the points tests: the appraisal tests' township (members on their own streams), a points scheme
// in the shape of the 东阳 local example (base 100, deductions and additions, notices below 60 and, for
// probationary members, below 85 for the year), and a pure runner that decides points commands over the points
// stream's state, the organization's and the member's, as the route does against a store.
import { Result } from "effect"
import type { GovernancePolicy } from "../../src/index.ts"
import * as Points from "../../src/points/Points.ts"
import type { DomainError } from "../../src/rules/RuleViolation.ts"
import type { World } from "../member/fixtures.ts"
import { memberOf, orgOf, policy } from "../member/fixtures.ts"

export { baseWorld, ruleOf } from "../appraisal/fixtures.ts"
export { policy }

export const scheme = (publication: Points.Publication = "quarterly"): Points.PointsScheme => ({
  baseScore: 100,
  items: [
    { itemId: "absent-org-life", direction: "deduction", points: 20 },
    { itemId: "dues-late", direction: "deduction", points: 15, maxPerPeriod: 1 },
    { itemId: "volunteer", direction: "addition", points: 5, maxPerPeriod: 2 }
  ],
  publication,
  noticeBelow: 60,
  probationaryYearBelow: 85
})

export const define = (
  at = "2024-01-01",
  publication: Points.Publication = "quarterly",
  orgId = "v1"
): Points.PointsCommand => ({ _tag: "DefinePointsScheme", orgId, scheme: scheme(publication), at })

export const record = (
  entryId: string,
  memberId: string,
  itemId: string,
  at: string,
  orgId = "v1"
): Points.PointsCommand => ({ _tag: "RecordPoints", orgId, entryId, memberId, itemId, at })

export const publish = (period: string, at: string, orgId = "v1"): Points.PointsCommand => ({
  _tag: "PublishPointsPeriod",
  orgId,
  period,
  at
})

/** Decides one points command in the world, as the route does. */
export const decideIn = (
  world: World,
  state: Points.PointsState,
  command: Points.PointsCommand,
  policies: GovernancePolicy.GovernancePolicy = policy
) => {
  const memberId = Points.requiredMember(command)
  return Points.decide(policies, command, {
    points: state,
    org: orgOf(world, command.orgId),
    member: memberId === undefined ? undefined : memberOf(world, memberId)
  })
}

/** Runs points commands that must all be accepted; throws (in tests only) on a rejection. */
export const play = (
  world: World,
  commands: ReadonlyArray<Points.PointsCommand>,
  policies: GovernancePolicy.GovernancePolicy = policy,
  from: Points.PointsState = Points.initialState
): Points.PointsState => {
  let state = from
  for (const command of commands) {
    const decided = decideIn(world, state, command, policies)
    if (Result.isFailure(decided)) throw new Error(`${command._tag} rejected: ${decided.failure.message}`)
    state = decided.success.reduce(Points.evolve, state)
  }
  return state
}

/** The rejection of a command (fails the test if it was accepted). */
export const rejection = (
  world: World,
  state: Points.PointsState,
  command: Points.PointsCommand,
  policies: GovernancePolicy.GovernancePolicy = policy
): DomainError => {
  const decided = decideIn(world, state, command, policies)
  if (Result.isSuccess(decided)) throw new Error(`${command._tag} was accepted`)
  return decided.failure
}
