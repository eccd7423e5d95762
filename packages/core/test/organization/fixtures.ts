// A pure, in-memory world of organization streams for tests: tree commands are decided over the states they
// need (like `handleTree` does against a store) and single-stream commands with the decider; accepted events
// are applied with the aggregate's own `evolve`.
import { Result } from "effect"
import { Organization } from "../../src/index.ts"
import type { GovernancePolicy } from "../../src/policy/GovernancePolicy.ts"
import type { PolicyTimeline } from "../../src/policy/PolicyTimeline.ts"
import type { DomainError } from "../../src/rules/RuleViolation.ts"

type State = Organization.OrganizationState
type Event = Organization.OrganizationEvent
type Policies = PolicyTimeline | GovernancePolicy

export interface World {
  readonly states: Readonly<Record<string, State>>
  readonly log: ReadonlyArray<{ readonly orgId: string; readonly event: Event }>
}

export const emptyWorld: World = { states: {}, log: [] }

export const stateOf = (world: World, orgId: string): State => world.states[orgId] ?? Organization.initialState

const applyEvents = (world: World, events: Readonly<Record<string, ReadonlyArray<Event>>>): World => {
  const states: Record<string, State> = { ...world.states }
  const log = [...world.log]
  for (const [orgId, list] of Object.entries(events)) {
    let state = states[orgId] ?? Organization.initialState
    for (const event of list) {
      state = Organization.evolve(state, event)
      log.push({ orgId, event })
    }
    states[orgId] = state
  }
  return { states, log }
}

const isTree = (
  command: Organization.OrganizationCommand | Organization.TreeCommand
): command is Organization.TreeCommand =>
  command._tag === "EstablishOrganization" || command._tag === "UpgradeOrganization"
  || command._tag === "DowngradeOrganization" || command._tag === "MoveOrganization"
  || command._tag === "SplitOrganization" || command._tag === "MergeOrganization"
  || command._tag === "DissolveOrganization"

/** Decides a command in the world and applies its events. */
export const run = (
  policies: Policies,
  world: World,
  command: Organization.OrganizationCommand | Organization.TreeCommand
): Result.Result<World, DomainError> => {
  if (isTree(command)) {
    let states: Record<string, State> = {}
    for (let round = 0; round < 3; round++) {
      for (const id of Organization.requiredStreams(command, states)) states = { ...states, [id]: stateOf(world, id) }
    }
    const decided = Organization.decideTree(policies, command, states)
    return Result.map(decided, (events) => applyEvents(world, events))
  }
  const decided = Organization.decider(policies).decide(command, stateOf(world, command.orgId))
  return Result.map(decided, (events) => applyEvents(world, { [command.orgId]: events }))
}

/** Runs commands that must all be accepted; throws (in tests only) with the rejection otherwise. */
export const runAll = (
  policies: Policies,
  commands: ReadonlyArray<Organization.OrganizationCommand | Organization.TreeCommand>,
  world: World = emptyWorld
): World => {
  let current = world
  for (const command of commands) {
    const result = run(policies, current, command)
    if (Result.isFailure(result)) {
      throw new Error(`${command._tag} rejected: ${result.failure.message} (${JSON.stringify(result.failure)})`)
    }
    current = result.success
  }
  return current
}

/** The rejection of a command (fails the test if it was accepted). */
export const rejection = (
  policies: Policies,
  world: World,
  command: Organization.OrganizationCommand | Organization.TreeCommand
): DomainError => {
  const result = run(policies, world, command)
  if (Result.isSuccess(result)) throw new Error(`${command._tag} was accepted`)
  return result.failure
}

export const approval = (
  level: Organization.Approval["level"] = "township",
  at = "2024-01-01",
  by = "approver"
): Organization.Approval => ({ by, level, at })

export const members = (prefix: string, full: number, probationary = 0): ReadonlyArray<{
  readonly memberId: string
  readonly status: "full" | "probationary"
}> => [
  ...Array.from({ length: full }, (_, i) => ({ memberId: `${prefix}-f${i + 1}`, status: "full" as const })),
  ...Array.from(
    { length: probationary },
    (_, i) => ({ memberId: `${prefix}-p${i + 1}`, status: "probationary" as const })
  )
]

export const township = (orgId = "town", at = "2024-01-01"): Organization.TreeCommand => ({
  _tag: "EstablishOrganization",
  orgId,
  name: "Town",
  kind: "townshipCommittee",
  formation: "standalone",
  locus: "township",
  approval: approval("county", at),
  initialMembers: [],
  at
})

export const village = (
  orgId: string,
  full: number,
  probationary = 0,
  options: Partial<typeof Organization.EstablishOrganization.Type> = {}
): Organization.TreeCommand => ({
  _tag: "EstablishOrganization",
  orgId,
  name: `Village ${orgId}`,
  kind: "branch",
  formation: "standalone",
  locus: "village",
  parentId: "town",
  approval: approval("township", options.at ?? "2024-01-01"),
  initialMembers: members(orgId, full, probationary),
  at: "2024-01-01",
  ...options
})

export const addMember = (
  orgId: string,
  memberId: string,
  status: "full" | "probationary" = "full",
  at = "2024-02-01"
): Organization.OrganizationCommand => ({
  _tag: "AddRosterMember",
  orgId,
  memberId,
  status,
  reason: status === "probationary" ? "admitted" : "transferredIn",
  at
})
