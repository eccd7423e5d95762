/**
 * Command handling: load a stream (optionally from a snapshot), decide, append with the exact expected
 * version, and on a {@link VersionConflict} load again and decide again, as a `Schedule` allows. The
 * multi-stream form loads several streams and appends to all of them in one atomic append, each with its
 * expected version, so their states can never disagree.
 *
 * @since 0.1.0
 */
import { Effect, Option, Result, Schedule } from "effect"
import type { Decider, Fold, MultiDecider, TaggedEvent } from "./Decider.ts"
import type { Envelope, EventMetadata, NewEvent, StreamId } from "./Envelope.ts"
import type { AppendError, ReadError } from "./errors.ts"
import type { AppendToStream, EventStoreShape, FoldedStream } from "./EventStore.ts"
import { EventStore, fold as foldStream } from "./EventStore.ts"
import type { AccessStrategy } from "./Snapshot.ts"
import { SnapshotStore } from "./Snapshot.ts"
import * as Uuid from "./Uuid.ts"

/**
 * What a command brings besides its data: its legal date and tracing ids. `recordedAt` is taken from the
 * `Clock` when the events are appended.
 *
 * @category models
 * @since 0.1.0
 */
export interface CommandContext {
  /** When the command legally takes effect (ISO date or date-time). */
  readonly occurredAt: string
  readonly actor?: string
  readonly commandId?: string
  readonly causationId?: string
  readonly correlationId?: string
}

/**
 * @category models
 * @since 0.1.0
 */
export interface HandleOptions {
  readonly context: CommandContext
  /** Retries after a version conflict (default: 3 immediate retries). */
  readonly retry?: Schedule.Schedule<unknown, unknown>
  /** How to load the stream (default: whole). */
  readonly access?: AccessStrategy
}

/**
 * The outcome of a handled command: the state and version after it, and the events it appended (empty when
 * the decision was "nothing to do").
 *
 * @category models
 * @since 0.1.0
 */
export interface Handled<State, Event> {
  readonly state: State
  readonly version: number
  readonly events: ReadonlyArray<Envelope<Event>>
}

/**
 * The default retry policy on version conflicts: 3 immediate retries.
 *
 * @category constants
 * @since 0.1.0
 */
export const defaultRetry: Schedule.Schedule<unknown, unknown> = Schedule.recurs(3)

const isConflict = (error: unknown): boolean =>
  typeof error === "object" && error !== null && (error as { _tag?: unknown })._tag === "VersionConflict"

/**
 * Builds the stored events of a decision with fresh UUIDv7 ids and the command's metadata.
 *
 * @category constructors
 * @since 0.1.0
 */
export const toNewEvents = <Event extends TaggedEvent>(
  events: ReadonlyArray<Event>,
  context: CommandContext
): Effect.Effect<ReadonlyArray<NewEvent<Event>>> =>
  events.length === 0 ? Effect.succeed([]) : Effect.clockWith((clock) =>
    Effect.sync(() => {
      // One clock read for the ids and `recordedAt`: the ids carry the millisecond the events are recorded at.
      const millis = clock.currentTimeMillisUnsafe()
      const ids = Uuid.v7ManyAt(events.length, millis)
      const metadata: EventMetadata = { ...context, recordedAt: new Date(millis).toISOString() }
      return events.map((data, i) => ({ eventId: ids[i]!, type: data._tag, data, metadata }))
    })
  )

const loadWith = <Event extends TaggedEvent, State>(
  store: EventStoreShape,
  fold: Fold<Event, State>,
  streamId: StreamId,
  access: AccessStrategy | undefined
): Effect.Effect<FoldedStream<State>, ReadError> => {
  const evolve = fold.evolve as (state: State, data: unknown) => State
  // Without snapshots a load is one fold in the store: no generator, which is most of the cost of a short stream.
  if (access === undefined || access._tag !== "SnapshotEvery") {
    return foldStream(store, streamId, fold.initialState, evolve)
  }
  return Effect.gen(function*() {
    let state = fold.initialState
    let after = 0
    const snapshots = yield* Effect.serviceOption(SnapshotStore)
    if (Option.isSome(snapshots)) {
      const snapshot = yield* snapshots.value.load(streamId, access).pipe(
        Effect.orElseSucceed(() => Option.none())
      )
      if (Option.isSome(snapshot)) {
        state = snapshot.value.state as State
        after = snapshot.value.version
      }
    }
    return yield* foldStream(store, streamId, state, evolve, { after })
  })
}

const saveSnapshot = (
  streamId: StreamId,
  access: AccessStrategy | undefined,
  before: number,
  after: number,
  state: unknown
): Effect.Effect<void> => {
  if (access === undefined || access._tag !== "SnapshotEvery") return Effect.void
  if (Math.floor(after / access.every) === Math.floor(before / access.every)) return Effect.void
  return Effect.serviceOption(SnapshotStore).pipe(
    Effect.flatMap((snapshots) =>
      Option.isSome(snapshots) ? snapshots.value.save(streamId, access, { version: after, state }) : Effect.void
    ),
    // A snapshot is a cache: failing to save one never fails the command.
    Effect.ignore
  )
}

/**
 * Loads a stream's state with a fold (whole, or from a snapshot).
 *
 * @category loading
 * @since 0.1.0
 */
export const load = <Event extends TaggedEvent, State>(
  fold: Fold<Event, State>,
  streamId: StreamId,
  access?: AccessStrategy
): Effect.Effect<FoldedStream<State>, ReadError, EventStore> =>
  EventStore.use((store) => loadWith(store, fold, streamId, access))

/**
 * Handles a command on one stream.
 *
 * @category handling
 * @since 0.1.0
 */
export const handle = <Command extends TaggedEvent, Event extends TaggedEvent, State, Err>(
  decider: Decider<Command, Event, State, Err>,
  streamId: StreamId,
  command: Command,
  options: HandleOptions
): Effect.Effect<Handled<State, Event>, Err | AppendError | ReadError, EventStore> =>
  Effect.gen(function*() {
    const store = yield* EventStore
    const attempt = Effect.gen(function*() {
      const loaded = yield* loadWith(store, decider, streamId, options.access)
      const decided = decider.decide(command, loaded.state)
      if (Result.isFailure(decided)) return yield* Effect.fail(decided.failure)
      const events = decided.success
      if (events.length === 0) return { state: loaded.state, version: loaded.version, events: [] }
      const stored = yield* toNewEvents(events, options.context)
      const result = yield* store.append([{ streamId, expected: loaded.version, events: stored }])
      let state = loaded.state
      for (const event of events) state = decider.evolve(state, event)
      const version = result.streams[0]!.version
      yield* saveSnapshot(streamId, options.access, loaded.version, version, state)
      const envelopes = result.positions.map((p, i): Envelope<Event> => ({
        ...p,
        type: stored[i]!.type,
        data: stored[i]!.data,
        metadata: stored[i]!.metadata
      }))
      return { state, version, events: envelopes }
    })
    return yield* Effect.retry(attempt, {
      schedule: options.retry ?? defaultRetry,
      while: isConflict
    })
  }).pipe(
    Effect.withSpan("dangjian.command", {
      attributes: { "dangjian.stream": streamId, "dangjian.command": command._tag }
    })
  )

/**
 * The outcome of a multi-stream command, per stream.
 *
 * @category models
 * @since 0.1.0
 */
export type HandledMany<Streams extends Record<string, { readonly state: unknown; readonly event: TaggedEvent }>> = {
  readonly [K in keyof Streams]: Handled<Streams[K]["state"], Streams[K]["event"]>
}

/**
 * Handles a command over several streams: loads each one, decides over all states, and appends every
 * stream's events in one atomic append. Every loaded stream takes part with its exact expected version, even
 * when it gets no events, so the decision can never rest on a state that changed meanwhile.
 *
 * @category handling
 * @since 0.1.0
 */
export const handleMany = <
  Command extends TaggedEvent,
  Streams extends Record<string, { readonly state: unknown; readonly event: TaggedEvent }>,
  Err
>(
  decider: MultiDecider<Command, Streams, Err>,
  streamIds: { readonly [K in keyof Streams]: StreamId },
  command: Command,
  options: Omit<HandleOptions, "access">
): Effect.Effect<HandledMany<Streams>, Err | AppendError | ReadError, EventStore> =>
  Effect.gen(function*() {
    const store = yield* EventStore
    const keys = Object.keys(decider.streams) as Array<keyof Streams & string>
    const attempt = Effect.gen(function*() {
      const loaded: Record<string, FoldedStream<unknown>> = {}
      for (const key of keys) {
        loaded[key] = yield* loadWith(
          store,
          decider.streams[key] as Fold<TaggedEvent, unknown>,
          streamIds[key],
          undefined
        )
      }
      const states: Record<string, unknown> = {}
      for (const key of keys) states[key] = loaded[key]!.state
      const decided = decider.decide(command, states as { readonly [K in keyof Streams]: Streams[K]["state"] })
      if (Result.isFailure(decided)) return yield* Effect.fail(decided.failure)
      const request: Array<AppendToStream> = []
      const perStream: Record<string, ReadonlyArray<NewEvent<TaggedEvent>>> = {}
      for (const key of keys) {
        const events = (decided.success[key] ?? []) as ReadonlyArray<TaggedEvent>
        const stored = yield* toNewEvents(events, options.context)
        perStream[key] = stored
        request.push({ streamId: streamIds[key], expected: loaded[key]!.version, events: stored })
      }
      const anyEvents = request.some((part) => part.events.length > 0)
      const result = anyEvents ? yield* store.append(request) : undefined
      const out: Record<string, Handled<unknown, TaggedEvent>> = {}
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!
        const fold = decider.streams[key] as Fold<TaggedEvent, unknown>
        const stored = perStream[key]!
        let state = loaded[key]!.state
        for (const event of stored) state = fold.evolve(state, event.data)
        const positions = result === undefined ? [] : result.positions.filter((p) => p.streamId === streamIds[key])
        out[key] = {
          state,
          version: result === undefined ? loaded[key]!.version : result.streams[i]!.version,
          events: positions.map((p, j) => ({
            ...p,
            type: stored[j]!.type,
            data: stored[j]!.data,
            metadata: stored[j]!.metadata
          }))
        }
      }
      return out as HandledMany<Streams>
    })
    return yield* Effect.retry(attempt, { schedule: options.retry ?? defaultRetry, while: isConflict })
  }).pipe(Effect.withSpan("dangjian.command", { attributes: { "dangjian.command": command._tag } }))
