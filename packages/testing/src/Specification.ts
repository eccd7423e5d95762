/**
 * Given/when/then specifications for deciders and projections. Each check returns a typed `Result`
 * (`Result.Failure` carries a {@link SpecFailure} with what was expected and what happened); inside vitest,
 * {@link verify} turns a failure into a failed assertion with a structural diff.
 *
 * @since 0.1.0
 */
import { CommandHandler, Decider } from "@dangjian/core/kernel"
import { Result } from "effect"
import { expect } from "vitest"
import { isDeepStrictEqual } from "./internal/equal.ts"

/**
 * Why a specification failed: a description, what was expected and what happened.
 *
 * @since 0.1.0
 * @category models
 */
export interface SpecFailure {
  readonly _tag: "SpecFailure"
  readonly description: string
  readonly expected: unknown
  readonly actual: unknown
}

/**
 * What a decider did with a command: the events it decided, or its rejection.
 *
 * @since 0.1.0
 * @category models
 */
export type Outcome<Event, Err> =
  | { readonly _tag: "Decided"; readonly events: ReadonlyArray<Event> }
  | { readonly _tag: "Rejected"; readonly error: Err }

/**
 * The expectations that can follow a `when`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Then<Event, Err> {
  /** The outcome itself, for custom checks. */
  readonly outcome: Outcome<Event, Err>
  /** Expects exactly these events, in order. */
  readonly expectEvents: (events: ReadonlyArray<Event>) => Result.Result<void, SpecFailure>
  /** Expects no events (an accepted no-op, e.g. an idempotent repeat). */
  readonly expectNothing: () => Result.Result<void, SpecFailure>
  /** Expects a rejection whose `ruleId` and/or `code` match. */
  readonly expectRejection: (
    expected: { readonly ruleId?: string; readonly code?: string }
  ) => Result.Result<void, SpecFailure>
}

const failure = (description: string, expected: unknown, actual: unknown): Result.Result<void, SpecFailure> =>
  Result.fail({ _tag: "SpecFailure", description, expected, actual })

const field = (error: unknown, key: string): unknown =>
  typeof error === "object" && error !== null && key in error ? (error as Record<string, unknown>)[key] : undefined

const thenOf = <Event, Err>(outcome: Outcome<Event, Err>): Then<Event, Err> => ({
  outcome,
  expectEvents: (events) =>
    outcome._tag === "Decided" && isDeepStrictEqual(outcome.events, events)
      ? Result.void
      : failure("expected events", { _tag: "Decided", events }, outcome),
  expectNothing: () =>
    outcome._tag === "Decided" && outcome.events.length === 0
      ? Result.void
      : failure("expected no events", { _tag: "Decided", events: [] }, outcome),
  expectRejection: (expected) => {
    if (outcome._tag !== "Rejected") return failure("expected a rejection", { _tag: "Rejected", ...expected }, outcome)
    const actual = {
      ...(expected.ruleId === undefined ? {} : { ruleId: field(outcome.error, "ruleId") }),
      ...(expected.code === undefined ? {} : { code: field(outcome.error, "code") })
    }
    return isDeepStrictEqual(actual, expected)
      ? Result.void
      : failure("expected another rejection", expected, outcome.error)
  }
})

const outcomeOf = <Event, Err>(decision: Result.Result<ReadonlyArray<Event>, Err>): Outcome<Event, Err> =>
  Result.isSuccess(decision)
    ? { _tag: "Decided", events: decision.success }
    : { _tag: "Rejected", error: decision.failure }

/**
 * A single-stream specification: given the events already on the stream, when a command is decided.
 *
 * @example
 * ```ts
 * verify(given(decider, [established]).when(join).expectEvents([joined]))
 * ```
 *
 * @since 0.1.0
 * @category specifications
 */
export const given = <Command, Event extends Decider.TaggedEvent, State, Err>(
  decider: Decider.Decider<Command, Event, State, Err>,
  history: ReadonlyArray<Event>
): { readonly when: (command: Command) => Then<Event, Err> } => ({
  when: (command) => {
    const state = Decider.fold(decider.evolve, decider.initialState, history)
    return thenOf(outcomeOf(decider.decide(command, state)))
  }
})

/**
 * A multi-stream specification: given the events on each stream (missing streams are empty), when a command
 * is decided; the outcome's events are per stream (`{ [stream]: events }`).
 *
 * @since 0.1.0
 * @category specifications
 */
export const givenStreams = <
  Command,
  Streams extends Record<string, { readonly state: unknown; readonly event: Decider.TaggedEvent }>,
  Err
>(
  decider: Decider.MultiDecider<Command, Streams, Err>,
  history: { readonly [K in keyof Streams]?: ReadonlyArray<Streams[K]["event"]> }
): {
  readonly when: (
    command: Command
  ) => Then<{ readonly [K in keyof Streams]?: ReadonlyArray<Streams[K]["event"]> }, Err>
} => ({
  when: (command) => {
    const states = {} as { [K in keyof Streams]: Streams[K]["state"] }
    for (const key of Object.keys(decider.streams) as Array<keyof Streams>) {
      const stream = decider.streams[key]
      states[key] = Decider.fold(stream.evolve, stream.initialState, history[key] ?? [])
    }
    const decision = decider.decide(command, states)
    return thenOf(
      Result.isSuccess(decision)
        ? { _tag: "Decided", events: [decision.success] }
        : { _tag: "Rejected", error: decision.failure }
    )
  }
})

/**
 * A specification over an aggregate's route (`Organization.treeRoute`, `Member.route`, …, or your own
 * `Decider.Route`): given each stream's history, by stream id, when the command runs, then its events by stream
 * id, or a typed rejection. The streams are found as the kernel's command loop finds them
 * (`CommandHandler.discover`): a stream without history has its fold's initial state.
 *
 * @example
 * ```ts no-run
 * Specification.verify(
 *   Specification.givenRoute(Organization.treeRoute, GovernancePolicy.national, { "organization-t1": township })
 *     .when(establishBranchWithTwoMembers)
 *     .expectRejection({ ruleId: "R1" })
 * )
 * ```
 *
 * @category specifications
 * @since 0.2.0
 */
export const givenRoute = <Command extends Decider.TaggedEvent, Env, Err>(
  route: Decider.Route<Command, Env, Err>,
  env: Env,
  history: { readonly [streamId: string]: ReadonlyArray<Decider.TaggedEvent> }
): {
  readonly when: (command: Command) => Then<{ readonly [streamId: string]: ReadonlyArray<Decider.TaggedEvent> }, Err>
} => ({
  when: (command) => {
    const states = CommandHandler.discover(route, command, (streamId) => {
      const fold = route.fold(streamId)
      return Decider.fold(fold.evolve, fold.initialState, Object.hasOwn(history, streamId) ? history[streamId]! : [])
    })
    const decision = route.decide(command, states, env)
    return thenOf(
      Result.isSuccess(decision)
        ? {
          _tag: "Decided",
          events: [Object.fromEntries(decision.success.map(({ streamId, events }) => [streamId, events]))]
        }
        : { _tag: "Rejected", error: decision.failure }
    )
  }
})

/**
 * A projection specification: folding the given events gives the expected read model, and folding them a
 * second time gives the same read model (replay determinism).
 *
 * @since 0.1.0
 * @category specifications
 */
export const projection = <Event, Model>(
  p: { readonly initialState: Model; readonly apply: (model: Model, event: Event) => Model },
  events: ReadonlyArray<Event>,
  expected: Model
): Result.Result<void, SpecFailure> => {
  const first = Decider.fold(p.apply, p.initialState, events)
  const second = Decider.fold(p.apply, p.initialState, events)
  if (!isDeepStrictEqual(first, second)) return failure("replaying twice gave another read model", first, second)
  return isDeepStrictEqual(first, expected) ? Result.void : failure("expected read model", expected, first)
}

/**
 * Inside a vitest test: passes on success, fails the test with a structural diff on a {@link SpecFailure}.
 *
 * @since 0.1.0
 * @category vitest
 */
export const verify = (result: Result.Result<void, SpecFailure>): void => {
  if (Result.isFailure(result)) {
    expect(result.failure.actual, result.failure.description).toStrictEqual(result.failure.expected)
    throw new Error(`${result.failure.description}: values differ`)
  }
}
