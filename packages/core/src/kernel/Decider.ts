/**
 * The pure decider: `initialState`, `evolve(state, event)` and `decide(command, state)`. No clock and no IO:
 * the legal date and the actor come in on the command. `decide` returns the new events (an empty array means
 * "nothing to do", which makes a repeated command idempotent) or a typed domain error.
 *
 * A {@link MultiDecider} decides over several streams at once (for example a transfer between two
 * organizations), so that the command handler can append to all of them atomically.
 *
 * @since 0.1.0
 */
import type { Result } from "effect"

/**
 * An event as the kernel sees it: a tagged value whose tag is its stored type.
 *
 * @category models
 * @since 0.1.0
 */
export interface TaggedEvent {
  readonly _tag: string
}

/**
 * @category models
 * @since 0.1.0
 */
export interface Decider<Command, Event extends TaggedEvent, State, Err = never> {
  readonly initialState: State
  readonly evolve: (state: State, event: Event) => State
  readonly decide: (command: Command, state: State) => Result.Result<ReadonlyArray<Event>, Err>
}

/**
 * Folds events into a state.
 *
 * @category folding
 * @since 0.1.0
 */
export const fold = <Event, State>(
  evolve: (state: State, event: Event) => State,
  initial: State,
  events: Iterable<Event>
): State => {
  let state = initial
  for (const event of events) state = evolve(state, event)
  return state
}

/**
 * The part of a decider that rebuilds one stream's state.
 *
 * @category models
 * @since 0.1.0
 */
export interface Fold<Event extends TaggedEvent, State> {
  readonly initialState: State
  readonly evolve: (state: State, event: Event) => State
}

/**
 * A decider over several named streams. `decide` sees every stream's state and returns the events for each
 * stream (a missing key means no events for that stream).
 *
 * @category models
 * @since 0.1.0
 */
export interface MultiDecider<
  Command,
  Streams extends Record<string, { readonly state: unknown; readonly event: TaggedEvent }>,
  Err = never
> {
  readonly streams: { readonly [K in keyof Streams]: Fold<Streams[K]["event"], Streams[K]["state"]> }
  readonly decide: (
    command: Command,
    states: { readonly [K in keyof Streams]: Streams[K]["state"] }
  ) => Result.Result<{ readonly [K in keyof Streams]?: ReadonlyArray<Streams[K]["event"]> }, Err>
}

/**
 * What a route decides: the events of each stream (a stream absent from the list gets none).
 *
 * @category models
 * @since 0.2.0
 */
export type StreamEvents = ReadonlyArray<{ readonly streamId: string; readonly events: ReadonlyArray<TaggedEvent> }>

/**
 * The states of the streams a command reads, by stream id. A stream that does not exist yet has its fold's
 * initial state.
 *
 * @category models
 * @since 0.2.0
 */
export type StreamStates = ReadonlyMap<string, unknown>

/**
 * How the kernel's one command loop (`CommandHandler.run`) runs the commands of one aggregate: which command
 * tags it takes, which streams a command needs given the states loaded so far, how each stream folds, and
 * the decision over their states. The loop asks `streams` again after every load until it names no stream
 * it has not loaded, so a route can follow what the states say (a member's organization, a parent's
 * children); `decide` then sees every state the loop loaded, and the append names every one of those
 * streams with its exact expected version, so the decision never rests on a state that changed meanwhile.
 *
 * `Env` is what a decision needs besides the states (the policies in force, say); `Err` its typed rejection.
 *
 * @category models
 * @since 0.2.0
 */
export interface Route<Command extends TaggedEvent, Env, Err> {
  /** The command tags this route takes. */
  readonly tags: ReadonlyArray<Command["_tag"]>
  /** The fold of a stream this route reads (chosen by its id, usually by its category). */
  readonly fold: (streamId: string) => Fold<any, any>
  /** The streams the command needs, given the states loaded so far (call it with an empty map first). */
  readonly streams: (command: Command, states: StreamStates) => ReadonlyArray<string>
  /** The decision: the events of each stream, or a typed rejection. Pure. */
  readonly decide: (command: Command, states: StreamStates, env: Env) => Result.Result<StreamEvents, Err>
}
