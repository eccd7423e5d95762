/**
 * A pure, in-memory world of organization streams: the model the history generators resolve commands
 * against, and an oracle for store-backed tests. Commands run through the organization aggregate's routes
 * (`Organization.treeRoute`, `Organization.route`), the same ones `Dangjian.execute` runs against a store,
 * with their streams' states taken from this world; accepted events are applied with the aggregate's own
 * `evolve`. Nothing here throws: a rejection is the
 * decider's typed `DomainError`.
 *
 * @since 0.1.0
 */
import type { DomainError } from "@dangjian/core"
import { Organization } from "@dangjian/core"
import type { Decider } from "@dangjian/core/kernel"
import { CommandHandler } from "@dangjian/core/kernel"
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
  Object.hasOwn(world.states, orgId) ? world.states[orgId]! : Organization.initialState

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
  // Keyed by organization ids (user data): no prototype, so `__proto__` is an id like any other.
  const states: Record<string, Organization.OrganizationState> = Object.assign(Object.create(null), world.states)
  const log = [...world.log]
  for (const [orgId, list] of Object.entries(events)) {
    let state = Object.hasOwn(states, orgId) ? states[orgId]! : Organization.initialState
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
  // The same routes `Dangjian.execute` runs, interpreted over this world instead of a store.
  const route = (isTreeCommand(command) ? Organization.treeRoute : Organization.route) as Decider.Route<
    Command,
    Organization.Policies,
    DomainError
  >
  const states = CommandHandler.discover(route, command, (streamId) => stateOf(world, Organization.orgIdOf(streamId)!))
  return Result.map(route.decide(command, states, policies), (decision) => {
    const events: Record<string, ReadonlyArray<Organization.OrganizationEvent>> = Object.create(null)
    for (const { streamId, events: list } of decision) {
      events[Organization.orgIdOf(streamId)!] = list as ReadonlyArray<Organization.OrganizationEvent>
    }
    return applyEvents(world, events)
  })
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
