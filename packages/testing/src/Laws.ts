/**
 * Laws every decider, projection, event definition and store must obey, as reusable fast-check properties.
 * Each law takes the thing under test and an arbitrary of inputs and returns a property; run it with
 * `fc.assert` (inside vitest a failure shows the shrunk counterexample) or `fc.check` to inspect the
 * counterexample. Store laws are asynchronous properties (`fc.assert` returns a promise).
 *
 * @since 0.1.0
 */
import type { Envelope, EventDefinition } from "@dangjian/core/kernel"
import { Decider, EventCodec, EventStore, Projection } from "@dangjian/core/kernel"
import type { Layer } from "effect"
import { Effect, Result, Schema } from "effect"
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

/**
 * Law: upcast round trip. A value of an old version of an event (`fromVersion`, default 1), stored in that
 * version's JSON encoding, decodes through the definition's upcasters to a current value; decoding it again
 * gives the same value (upcasting is deterministic); and encoding the current value, then decoding it, gives
 * it back unchanged, with the current schema version (the upcast value is a valid current event).
 *
 * @example
 * ```ts
 * fc.assert(Laws.upcastRoundTrip(Joined, fc.record({ _tag: fc.constant("Joined"), orgId: fc.string(), memberId: fc.string() })))
 * ```
 *
 * @since 0.1.0
 * @category laws
 */
export const upcastRoundTrip = <S extends EventDefinition.EventSchema>(
  definition: EventDefinition.EventDefinition<S>,
  old: fc.Arbitrary<unknown>,
  fromVersion = 1
): fc.IProperty<[unknown]> => {
  const codec = EventCodec.make([definition])
  const step = definition.upcasters.find((u) => u.fromVersion === fromVersion)
  const encodeOld = step === undefined
    ? undefined
    : Schema.encodeUnknownResult(Schema.toCodecJson(step.schema as Schema.Codec<unknown, unknown>))
  return fc.property(old, (value) => {
    // A definition without an upcaster from `fromVersion` has nothing to round-trip: the law fails.
    if (encodeOld === undefined) return false
    const stored = encodeOld(value)
    if (Result.isFailure(stored)) return false
    const record = { type: definition.type, schemaVersion: fromVersion, data: stored.success }
    const first = codec.decode(record)
    const second = codec.decode(record)
    if (Result.isFailure(first) || first.success === undefined) return false
    if (!isDeepStrictEqual(first, second)) return false
    const encoded = codec.encode(first.success)
    if (Result.isFailure(encoded) || encoded.success.schemaVersion !== definition.version) return false
    const decoded = codec.decode(encoded.success)
    if (Result.isFailure(decoded) || decoded.success === undefined) return false
    if (!isDeepStrictEqual(decoded.success, first.success)) return false
    const reencoded = codec.encode(decoded.success)
    return Result.isSuccess(reencoded) && isDeepStrictEqual(reencoded.success, encoded.success)
  })
}

/**
 * Law: a projection reads only the envelope fields it names. Folding envelopes cut down to its `fields` (and
 * `globalPosition`), which is all a store has to return for it, gives the same read model as folding whole
 * envelopes. A projection that reads a field it did not name (through a cast, or from JavaScript) fails, with
 * the shortest log that shows it; one without `fields` holds trivially.
 *
 * @since 0.1.0
 * @category laws
 */
export const projectionReadsOnlyItsFields = <S, F extends Envelope.EnvelopeField>(
  projection: Projection.Projection<S, F>,
  envelopes: fc.Arbitrary<ReadonlyArray<Envelope.Envelope>>
): fc.IProperty<[ReadonlyArray<Envelope.Envelope>]> =>
  fc.property(envelopes, (whole) => {
    const fields = projection.fields
    if (fields === undefined) return true
    const cut = whole.map((envelope) => {
      const named: Record<string, unknown> = { globalPosition: envelope.globalPosition }
      for (const field of fields) named[field] = envelope[field]
      return named as Envelope.PartialEnvelope<F>
    })
    return isDeepStrictEqual(
      Projection.foldEnvelopes(projection, projection.initialState, cut),
      Projection.foldEnvelopes(projection, projection.initialState, whole)
    )
  })

/**
 * Law: idempotent re-append at the store level. On a fresh store (`makeStore` is called once per run),
 * appending a batch and then appending the very same batch again (same event ids, streams and expected
 * versions) succeeds, reports `alreadyStored` (when the batch has events), returns the stored positions and
 * stream versions of the first append, and stores nothing new (the global log is unchanged). A failing
 * append fails the run with its typed error.
 *
 * @since 0.1.0
 * @category laws
 */
export const idempotentReappend = (
  makeStore: () => Layer.Layer<EventStore.EventStore, unknown>,
  batches: fc.Arbitrary<ReadonlyArray<EventStore.AppendToStream>>
): fc.IAsyncProperty<[ReadonlyArray<EventStore.AppendToStream>]> =>
  fc.asyncProperty(batches, (batch) =>
    Effect.runPromise(
      Effect.gen(function*() {
        const store = yield* EventStore.EventStore
        const first = yield* store.append(batch)
        const before = yield* store.readAll({ after: 0, limit: 1_000_000 })
        const again = yield* store.append(batch)
        const after = yield* store.readAll({ after: 0, limit: 1_000_000 })
        const events = batch.reduce((n, part) => n + part.events.length, 0)
        return (events === 0 || again.alreadyStored)
          && isDeepStrictEqual(again.positions, first.positions)
          && isDeepStrictEqual(again.streams, first.streams)
          && again.lastGlobalPosition === first.lastGlobalPosition
          && isDeepStrictEqual(after, before)
      }).pipe(Effect.provide(makeStore()))
    ))
