/**
 * Laws every decider and projection must obey, as reusable fast-check properties. Each law takes the
 * thing under test and an arbitrary of inputs and returns a property; run it with `fc.assert` (inside
 * vitest a failure shows the shrunk counterexample) or `fc.check` to inspect the counterexample.
 *
 * @since 0.1.0
 */
import { Decider } from "@dangjian/core"
import { Result } from "effect"
import fc from "fast-check"
import { isDeepStrictEqual } from "./internal/equal.ts"

/**
 * The outcome of running a sequence of commands through a decider: every decision (accepted events or the
 * rejection) and the final state.
 *
 * @since 0.1.0
 * @category models
 */
export interface Run<Event, State, Err> {
  readonly decisions: ReadonlyArray<Result.Result<ReadonlyArray<Event>, Err>>
  readonly log: ReadonlyArray<Event>
  readonly state: State
}

/**
 * Runs commands through a decider, one after the other, evolving the state with the accepted events.
 *
 * @since 0.1.0
 * @category running
 */
export const run = <Command, Event extends Decider.TaggedEvent, State, Err>(
  decider: Decider.Decider<Command, Event, State, Err>,
  commands: Iterable<Command>
): Run<Event, State, Err> => {
  let state = decider.initialState
  const decisions: Array<Result.Result<ReadonlyArray<Event>, Err>> = []
  const log: Array<Event> = []
  for (const command of commands) {
    const decision = decider.decide(command, state)
    decisions.push(decision)
    if (Result.isSuccess(decision)) {
      for (const event of decision.success) {
        log.push(event)
        state = decider.evolve(state, event)
      }
    }
  }
  return { decisions, log, state }
}

/**
 * Law: `decide` and `evolve` are total. For any sequence of commands, deciding each against the current
 * state and evolving the accepted events never throws, and every decision is a `Result`.
 *
 * @since 0.1.0
 * @category laws
 */
export const decideNeverThrows = <Command, Event extends Decider.TaggedEvent, State, Err>(
  decider: Decider.Decider<Command, Event, State, Err>,
  commands: fc.Arbitrary<ReadonlyArray<Command>>
): fc.IProperty<[ReadonlyArray<Command>]> =>
  fc.property(commands, (cs) => {
    const r = run(decider, cs)
    return r.decisions.every((d) => Result.isSuccess(d) || Result.isFailure(d))
  })

/**
 * Law: replay determinism. Running the same commands twice gives the same decisions, log and state, and
 * folding the log from the initial state gives the state reached step by step.
 *
 * @since 0.1.0
 * @category laws
 */
export const replayDeterminism = <Command, Event extends Decider.TaggedEvent, State, Err>(
  decider: Decider.Decider<Command, Event, State, Err>,
  commands: fc.Arbitrary<ReadonlyArray<Command>>
): fc.IProperty<[ReadonlyArray<Command>]> =>
  fc.property(commands, (cs) => {
    const first = run(decider, cs)
    const second = run(decider, cs)
    const replayed = Decider.fold(decider.evolve, decider.initialState, first.log)
    return isDeepStrictEqual(first, second) && isDeepStrictEqual(replayed, first.state)
  })

/**
 * Law: a decision is idempotent once applied when the decider treats a repeated command as already done.
 * For commands the caller declares idempotent (`isIdempotent`), deciding the command again right after its
 * events were applied yields no events (or the same rejection it yielded before).
 *
 * @since 0.1.0
 * @category laws
 */
export const idempotentReapply = <Command, Event extends Decider.TaggedEvent, State, Err>(
  decider: Decider.Decider<Command, Event, State, Err>,
  commands: fc.Arbitrary<ReadonlyArray<Command>>,
  isIdempotent: (command: Command) => boolean
): fc.IProperty<[ReadonlyArray<Command>]> =>
  fc.property(commands, (cs) => {
    let state = decider.initialState
    for (const command of cs) {
      const decision = decider.decide(command, state)
      if (Result.isFailure(decision)) continue
      state = Decider.fold(decider.evolve, state, decision.success)
      if (!isIdempotent(command)) continue
      const again = decider.decide(command, state)
      if (Result.isSuccess(again) && again.success.length > 0) return false
    }
    return true
  })

/**
 * Law: a projection is a fold of the log. Folding the whole log gives the same read model as folding it in
 * two parts (the second starting from the first's result), at any split point; and folding twice gives the
 * same read model.
 *
 * @since 0.1.0
 * @category laws
 */
export const projectionIsFold = <Event, Model>(
  projection: { readonly initialState: Model; readonly apply: (model: Model, event: Event) => Model },
  events: fc.Arbitrary<ReadonlyArray<Event>>
): fc.IProperty<[ReadonlyArray<Event>, number]> =>
  fc.property(events, fc.nat(), (es, n) => {
    const whole = Decider.fold(projection.apply, projection.initialState, es)
    const split = n % (es.length + 1)
    const head = Decider.fold(projection.apply, projection.initialState, es.slice(0, split))
    const parts = Decider.fold(projection.apply, head, es.slice(split))
    const again = Decider.fold(projection.apply, projection.initialState, es)
    return isDeepStrictEqual(whole, parts) && isDeepStrictEqual(whole, again)
  })
