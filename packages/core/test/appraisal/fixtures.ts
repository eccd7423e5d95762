// Fixtures of the appraisal tests: a township with village branches whose members are registered on their own
// streams (built with the organization and member fixtures), and a pure runner that decides appraisal
// commands over the appraisal's state, the organization's and the member's, as the route does against a store.
import { Result } from "effect"
import * as Appraisal from "../../src/appraisal/Appraisal.ts"
import type { GovernancePolicy } from "../../src/index.ts"
import type * as Member from "../../src/member/Member.ts"
import type { DomainError } from "../../src/rules/RuleViolation.ts"
import type { World } from "../member/fixtures.ts"
import { fromOrgWorld, memberOf, orgOf, policy, runAllMembers } from "../member/fixtures.ts"
import { runAll, township, village } from "../organization/fixtures.ts"

export { policy }

const registered = (orgId: string, full: number, probationary = 0): ReadonlyArray<Member.MemberCommand> => [
  ...Array.from({ length: full }, (_, i): Member.MemberCommand => ({
    _tag: "RegisterMember",
    memberId: `${orgId}-f${i + 1}`,
    orgId,
    status: "full",
    at: "2024-01-01"
  })),
  ...Array.from({ length: probationary }, (_, i): Member.MemberCommand => ({
    _tag: "RegisterMember",
    memberId: `${orgId}-p${i + 1}`,
    orgId,
    status: "probationary",
    probationEndsAt: "2025-06-01",
    at: "2024-01-01"
  }))
]

/** A township (2024-01-01) with `v1` (9 full, 1 probationary: AM 10), `v9` (9 full: AM 9) and `v2` (4 full),
 * every member registered on its own stream. */
export const baseWorld = (): World =>
  runAllMembers(
    fromOrgWorld(runAll(policy, [township(), village("v1", 9, 1), village("v9", 9), village("v2", 4)])),
    [...registered("v1", 9, 1), ...registered("v9", 9), ...registered("v2", 4)]
  )

const memberOfCommand = (command: Appraisal.AppraisalCommand): string | undefined => Appraisal.requiredMember(command)

/** Decides one appraisal command in the world, as the route does. */
export const decideIn = (
  world: World,
  state: Appraisal.AppraisalState,
  command: Appraisal.AppraisalCommand,
  policies: GovernancePolicy.GovernancePolicy = policy
) => {
  const memberId = memberOfCommand(command)
  return Appraisal.decide(policies, command, {
    appraisal: state,
    org: orgOf(world, command.orgId),
    member: memberId === undefined ? undefined : memberOf(world, memberId)
  })
}

/** Runs appraisal commands that must all be accepted; throws (in tests only) on a rejection. */
export const play = (
  world: World,
  commands: ReadonlyArray<Appraisal.AppraisalCommand>,
  policies: GovernancePolicy.GovernancePolicy = policy,
  from: Appraisal.AppraisalState = Appraisal.initialState
): Appraisal.AppraisalState => {
  let state = from
  for (const command of commands) {
    const decided = decideIn(world, state, command, policies)
    if (Result.isFailure(decided)) {
      throw new Error(`${command._tag} rejected: ${decided.failure.message}`)
    }
    state = decided.success.reduce(Appraisal.evolve, state)
  }
  return state
}

/** The rejection of a command (fails the test if it was accepted). */
export const rejection = (
  world: World,
  state: Appraisal.AppraisalState,
  command: Appraisal.AppraisalCommand,
  policies: GovernancePolicy.GovernancePolicy = policy
): DomainError => {
  const decided = decideIn(world, state, command, policies)
  if (Result.isSuccess(decided)) throw new Error(`${command._tag} was accepted`)
  return decided.failure
}

/** The rule id and code of a rejection. */
export const ruleOf = (error: DomainError): [string | undefined, string] => [
  error._tag === "RuleViolation" ? error.ruleId : undefined,
  error.code
]

export const open = (orgId = "v1", at = "2025-01-05", year = 2024): Appraisal.AppraisalCommand => ({
  _tag: "OpenAppraisal",
  orgId,
  year,
  meetingId: `${orgId}-appraisal-meeting`,
  at
})

export const grade = (
  memberId: string,
  g: Appraisal.Grade,
  orgId = "v1",
  at = "2025-01-10"
): Appraisal.AppraisalCommand => ({ _tag: "GradeMember", orgId, year: 2024, memberId, grade: g, at })

export const close = (orgId = "v1", at = "2025-01-20"): Appraisal.AppraisalCommand => ({
  _tag: "CloseAppraisal",
  orgId,
  year: 2024,
  at
})

export const vote = (entitled: number, present: number, yes: number, at = "2025-01-10"): Appraisal.DisposalVote => ({
  meetingId: "gm-1",
  entitled,
  present,
  yes,
  at
})

export const dispose = (
  memberId: string,
  form: Appraisal.DisposalForm,
  options: Partial<Extract<Appraisal.AppraisalCommand, { readonly _tag: "DecideDisposal" }>> = {}
): Appraisal.AppraisalCommand => ({
  _tag: "DecideDisposal",
  orgId: "v1",
  year: 2024,
  memberId,
  matterId: "matter-1",
  form,
  vote: vote(9, 9, 9),
  approval: { by: "town", level: "township", at: "2025-01-10" },
  at: "2025-01-10",
  ...options
})
