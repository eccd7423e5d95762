// A pure, in-memory world of member and organization streams for tests: a member command is decided over the
// member's state and the organizations it needs (like `Member.handle` does against a store), and accepted
// events are applied with each aggregate's own `evolve`.
import { Result } from "effect"
import { GovernancePolicy, Organization } from "../../src/index.ts"
// Not yet re-exported from src/index.ts (the lead adds `export * as Member`): import the barrel directly.
import * as Member from "../../src/member/Member.ts"
import type { DomainError } from "../../src/rules/RuleViolation.ts"
import type { World as OrgWorld } from "../organization/fixtures.ts"
import { approval, runAll, township, village } from "../organization/fixtures.ts"

export const policy = GovernancePolicy.national

export interface World {
  readonly orgs: Readonly<Record<string, Organization.OrganizationState>>
  readonly members: Readonly<Record<string, Member.MemberState>>
}

export const fromOrgWorld = (world: OrgWorld): World => ({ orgs: world.states, members: {} })

export const memberOf = (world: World, memberId: string): Member.MemberState =>
  world.members[memberId] ?? Member.initialState

export const orgOf = (world: World, orgId: string): Organization.OrganizationState =>
  world.orgs[orgId] ?? Organization.initialState

export const run = (
  world: World,
  command: Member.MemberCommand,
  policies: GovernancePolicy.GovernancePolicy = policy
): Result.Result<World, DomainError> => {
  const member = memberOf(world, command.memberId)
  const orgs = Object.fromEntries(Member.requiredOrgs(command, member).map((id) => [id, orgOf(world, id)]))
  return Result.map(Member.decide(policies, command, { member, orgs }), (events) => {
    const nextOrgs = { ...world.orgs }
    for (const [id, list] of Object.entries(events.orgs)) {
      nextOrgs[id] = list.reduce(Organization.evolve, orgOf(world, id))
    }
    return {
      orgs: nextOrgs,
      members: { ...world.members, [command.memberId]: events.member.reduce(Member.evolve, member) }
    }
  })
}

export const runAllMembers = (
  world: World,
  commands: ReadonlyArray<Member.MemberCommand>,
  policies: GovernancePolicy.GovernancePolicy = policy
): World => {
  let current = world
  for (const command of commands) {
    const result = run(current, command, policies)
    if (Result.isFailure(result)) {
      throw new Error(`${command._tag} rejected: ${result.failure.message} (${JSON.stringify(result.failure)})`)
    }
    current = result.success
  }
  return current
}

export const rejectionOf = (
  world: World,
  command: Member.MemberCommand,
  policies: GovernancePolicy.GovernancePolicy = policy
): DomainError => {
  const result = run(world, command, policies)
  if (Result.isSuccess(result)) throw new Error(`${command._tag} was accepted`)
  return result.failure
}

export const ruleOf = (error: DomainError): string | undefined =>
  error._tag === "RuleViolation" ? error.ruleId : undefined

export const meeting = (at: string, entitled = 5, present = 4, yes = 3): Member.MeetingVote => ({
  entitled,
  present,
  yes,
  at
})

/** A township, village branches v1 and v2 (5 full members each), and a community branch c1 with 5. */
export const baseWorld = (): World =>
  fromOrgWorld(
    runAll(policy, [
      township(),
      village("v1", 5),
      village("v2", 5),
      village("c1", 5, 0, { locus: "community", name: "Community c1" })
    ])
  )

export const admit = (memberId: string, orgId = "v1", at = "2024-03-15"): Member.MemberCommand => ({
  _tag: "AdmitMember",
  memberId,
  orgId,
  meeting: meeting(at),
  approval: approval("township", at),
  at
})

export const register = (
  memberId: string,
  orgId = "v1",
  status: "full" | "probationary" = "full",
  at = "2024-02-01"
): Member.MemberCommand => ({ _tag: "RegisterMember", memberId, orgId, status, at })

/** A probationary member registered with the day probation ends (as a roster gives it). */
export const registerProbationary = (
  memberId: string,
  probationEndsAt: string,
  orgId = "v1",
  at = "2024-01-10"
): Member.MemberCommand => ({ _tag: "RegisterMember", memberId, orgId, status: "probationary", probationEndsAt, at })

export const issue = (
  memberId: string,
  toOrgId: string,
  at: string,
  transferId = `t-${memberId}`
): Member.MemberCommand => ({ _tag: "IssueTransferLetter", memberId, transferId, toOrgId, at })

export const receive = (memberId: string, at: string, transferId = `t-${memberId}`): Member.MemberCommand => ({
  _tag: "ReceiveTransfer",
  memberId,
  transferId,
  at
})

export const mobile = (
  memberId: string,
  hostOrgId: string,
  at: string,
  contactPersonId?: string
): Member.MemberCommand => ({
  _tag: "RegisterMobileMember",
  memberId,
  hostOrgId,
  credential: "mobileCard",
  credentialId: `card-${memberId}`,
  ...(contactPersonId === undefined ? {} : { contactPersonId }),
  fixedPlace: true,
  abroad: false,
  at
})

export const checkIn = (
  memberId: string,
  communityOrgId: string,
  at: string,
  resettled = false
): Member.MemberCommand => ({
  _tag: "CheckInAtCommunity",
  memberId,
  checkInId: `ci-${memberId}`,
  communityOrgId,
  record: { residenceRef: "bldg-7", skills: ["law"], serviceWillingness: ["mediation"], gridId: "g-3" },
  resettled,
  at
})

export const vote = (
  memberId: string,
  orgId: string,
  at = "2024-06-01",
  kind: Member.VoteKind = "vote"
): Member.MemberCommand => ({
  _tag: "RecordVote",
  memberId,
  orgId,
  kind,
  at
})

export { approval }
