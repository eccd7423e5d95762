/**
 * A pure, in-memory world of organization streams: the model the history generators resolve commands
 * against, and an oracle for store-backed tests. Tree commands are decided over the states they need (as
 * `Organization.handleTree` does against a store) and single-stream commands with the organization decider;
 * accepted events are applied with the aggregate's own `evolve`. Nothing here throws: a rejection is the
 * decider's typed `DomainError`.
 *
 * @since 0.1.0
 */
import type { DomainError } from "@dangjian/core"
import { Organization } from "@dangjian/core"
import { Result } from "effect"

/**
 * Any organization command: a tree command or a single-stream one.
 *
 * @category models
 * @since 0.1.0
 */
export type Command = Organization.OrganizationCommand | Organization.TreeCommand

/**
 * The states of every organization stream by id, and the log of accepted events in order.
 *
 * @category models
 * @since 0.1.0
 */
export interface World {
  readonly states: Readonly<Record<string, Organization.OrganizationState>>
  readonly log: ReadonlyArray<{ readonly orgId: string; readonly event: Organization.OrganizationEvent }>
}

/**
 * The world before any command.
 *
 * @category constructors
 * @since 0.1.0
 */
export const empty: World = { states: {}, log: [] }

/**
 * The state of one organization (the initial state when it has no stream).
 *
 * @category getters
 * @since 0.1.0
 */
export const stateOf = (world: World, orgId: string): Organization.OrganizationState =>
  world.states[orgId] ?? Organization.initialState

const treeTags: ReadonlySet<string> = new Set(
  Organization.TreeCommand.members.map((member) => member.fields._tag.schema.literal)
)

/**
 * Whether a command changes the tree (is decided over several streams).
 *
 * @category predicates
 * @since 0.1.0
 */
export const isTreeCommand = (command: Command): command is Organization.TreeCommand => treeTags.has(command._tag)

/**
 * Applies decided events to the world, stream by stream, and appends them to its log.
 *
 * @category running
 * @since 0.1.0
 */
export const applyEvents = (
  world: World,
  events: Readonly<Record<string, ReadonlyArray<Organization.OrganizationEvent>>>
): World => {
  const states: Record<string, Organization.OrganizationState> = { ...world.states }
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

/**
 * Decides a command in the world, judged by the policy in force on its date, and applies its events.
 *
 * @category running
 * @since 0.1.0
 */
export const run = (
  policies: Organization.Policies,
  world: World,
  command: Command
): Result.Result<World, DomainError> => {
  if (isTreeCommand(command)) {
    let states: Record<string, Organization.OrganizationState> = {}
    for (let round = 0; round < 3; round++) {
      for (const id of Organization.requiredStreams(command, states)) states = { ...states, [id]: stateOf(world, id) }
    }
    return Result.map(Organization.decideTree(policies, command, states), (events) => applyEvents(world, events))
  }
  return Result.map(
    Organization.decider(policies).decide(command, stateOf(world, command.orgId)),
    (events) => applyEvents(world, { [command.orgId]: events })
  )
}

/**
 * The outcome of {@link play}: the final world, and which commands were accepted and rejected (with the
 * rejection), in order.
 *
 * @category models
 * @since 0.1.0
 */
export interface Played {
  readonly world: World
  readonly accepted: ReadonlyArray<Command>
  readonly rejected: ReadonlyArray<{ readonly command: Command; readonly error: DomainError }>
}

/**
 * Runs commands one after the other from a world (the empty one by default), keeping the accepted ones.
 *
 * @category running
 * @since 0.1.0
 */
export const play = (
  policies: Organization.Policies,
  commands: Iterable<Command>,
  from: World = empty
): Played => {
  let world = from
  const accepted: Array<Command> = []
  const rejected: Array<{ readonly command: Command; readonly error: DomainError }> = []
  for (const command of commands) {
    const result = run(policies, world, command)
    if (Result.isSuccess(result)) {
      world = result.success
      accepted.push(command)
    } else {
      rejected.push({ command, error: result.failure })
    }
  }
  return { world, accepted, rejected }
}
