/**
 * The `EventStore` service: the contract every store implements (in memory, SQLite, PostgreSQL), checked by
 * the conformance suite in `@dangjian/testing`.
 *
 * - `append` writes to one or **several streams atomically**, each with its own expected version; an empty
 *   event list for a stream is a pure version check. Re-appending event ids that are already stored, exactly
 *   as they were stored, returns the stored positions and writes nothing (`alreadyStored: true`).
 * - `readStream` returns a stream's events in order with its version; `readAll` returns the global log in
 *   commit order after a position; `subscribe` catches up from a position, then follows live appends, and
 *   delivers every event exactly once in global order.
 *
 * @since 0.1.0
 */
import { Context, Effect, Option, Stream } from "effect"
import type {
  Envelope,
  EnvelopeField,
  EventId,
  ExpectedVersion,
  NewEvent,
  PartialEnvelope,
  StreamId
} from "./Envelope.ts"
import type { AppendError, ReadError, StoreUnavailable } from "./errors.ts"

/**
 * One stream's part of an append.
 *
 * @category models
 * @since 0.1.0
 */
export interface AppendToStream {
  readonly streamId: StreamId
  readonly expected: ExpectedVersion
  readonly events: ReadonlyArray<NewEvent>
}

/**
 * Where an appended event was stored.
 *
 * @category models
 * @since 0.1.0
 */
export interface StoredPosition {
  readonly eventId: EventId
  readonly streamId: StreamId
  readonly streamPosition: number
  readonly globalPosition: number
  readonly schemaVersion: number
}

/**
 * The outcome of an append.
 *
 * @category models
 * @since 0.1.0
 */
export interface AppendResult {
  /** `true` when every event id was already stored: nothing was written, positions are the stored ones. */
  readonly alreadyStored: boolean
  /** Each stream's version after the append (its next expected version). */
  readonly streams: ReadonlyArray<{ readonly streamId: StreamId; readonly version: number }>
  readonly positions: ReadonlyArray<StoredPosition>
  /** The global position of the last event written (or stored), 0 if the append had no events. */
  readonly lastGlobalPosition: number
}

/**
 * A stream read: its current version and its events after the requested position.
 *
 * @category models
 * @since 0.1.0
 */
export interface StreamRead {
  readonly streamId: StreamId
  /** The number of events in the stream (0 = no stream). */
  readonly version: number
  readonly events: ReadonlyArray<Envelope>
}

/**
 * @category models
 * @since 0.1.0
 */
export interface ReadStreamOptions {
  /** Only events with a stream position greater than this (default 0: the whole stream). */
  readonly after?: number
}

/**
 * @category models
 * @since 0.1.0
 */
export interface ReadAllOptions<F extends EnvelopeField = EnvelopeField> {
  /** Only events with a global position greater than this (0 = from the start). */
  readonly after: number
  /** At most this many events (default 1,000). */
  readonly limit?: number
  /**
   * The envelope fields the caller reads (default: all). A store may then leave the others out of what it
   * returns (the SQL stores skip the event id and the metadata when neither is named, which is most of what a
   * replay does not need) and may return more than asked. `globalPosition` is always there.
   */
  readonly fields?: ReadonlyArray<F>
}

/**
 * @category models
 * @since 0.1.0
 */
export interface SubscribeOptions<F extends EnvelopeField = EnvelopeField> {
  /** Start after this global position (0 = from the start). */
  readonly after: number
  /** Events read per batch during catch-up (default 1,000). */
  readonly batchSize?: number
  /** The envelope fields the subscriber reads (default: all), as in {@link ReadAllOptions}. */
  readonly fields?: ReadonlyArray<F>
}

/**
 * Whether a read asked for `field`: no `fields` means every field.
 *
 * @category reading
 * @since 0.1.0
 */
export const asksFor = (fields: ReadonlyArray<EnvelopeField> | undefined, field: EnvelopeField): boolean =>
  fields === undefined || fields.includes(field)

/**
 * How much of each stored event a global read needs, for a store that can fetch less than every column:
 * `full` every field; `lean` neither the event id nor the metadata; `bare` neither these nor the stream id
 * and stream position (only the type, schema version and data, besides the global position every envelope has).
 *
 * @category reading
 * @since 0.1.0
 */
export type ReadShape = "full" | "lean" | "bare"

/**
 * The {@link ReadShape} a read of `fields` needs (no `fields` means every field, so `full`).
 *
 * @category reading
 * @since 0.1.0
 */
export const readShapeOf = (fields: ReadonlyArray<EnvelopeField> | undefined): ReadShape =>
  asksFor(fields, "eventId") || asksFor(fields, "metadata")
    ? "full"
    : asksFor(fields, "streamId") || asksFor(fields, "streamPosition")
    ? "lean"
    : "bare"

/**
 * A stream's state as a fold left it: the folded state and the stream's version (0 = no stream).
 *
 * @category models
 * @since 0.1.0
 */
export interface FoldedStream<State> {
  readonly state: State
  readonly version: number
}

/**
 * The store contract.
 *
 * @category models
 * @since 0.1.0
 */
export interface EventStoreShape {
  readonly append: (request: ReadonlyArray<AppendToStream>) => Effect.Effect<AppendResult, AppendError>
  readonly readStream: (streamId: StreamId, options?: ReadStreamOptions) => Effect.Effect<StreamRead, ReadError>
  readonly readAll: <F extends EnvelopeField = EnvelopeField>(
    options: ReadAllOptions<F>
  ) => Effect.Effect<ReadonlyArray<PartialEnvelope<F>>, ReadError>
  readonly subscribe: <F extends EnvelopeField = EnvelopeField>(
    options: SubscribeOptions<F>
  ) => Stream.Stream<PartialEnvelope<F>, ReadError>
  /** The global position of the last committed event (0 when empty). */
  readonly head: Effect.Effect<number, StoreUnavailable>
  /**
   * Optional: folds a stream's event data (after `options.after`) in the store, the same as folding the
   * events `readStream` returns, without handing out envelopes — what loading an aggregate needs. A store
   * without it is folded through `readStream` (see {@link fold}).
   */
  readonly foldStream?: <State>(
    streamId: StreamId,
    initial: State,
    evolve: (state: State, data: unknown) => State,
    options?: ReadStreamOptions
  ) => Effect.Effect<FoldedStream<State>, ReadError>
  /**
   * Optional: runs `use` on a view of this store whose appends form ONE store transaction with each other.
   * What they write is seen by `use`'s own reads at once, by nobody else until `use` succeeds, and is all
   * dropped if `use` fails (or the transaction cannot commit: then the result is a `StoreUnavailable`). Each
   * append inside is still checked on its own (a `VersionConflict` refuses that append and writes nothing of
   * it). What an append of unbounded size needs: written in parts, all or nothing (see
   * `UnitOfWork.transactInChunks`).
   *
   * The SQLite store holds its write lock from the first append inside to the end (other operations on the
   * same database in this process wait for the whole of `use`); the PostgreSQL store runs `use` in a
   * transaction on one connection.
   */
  readonly atomically?: <A, E, R>(
    use: (transaction: EventStoreShape) => Effect.Effect<A, E, R>
  ) => Effect.Effect<A, E | StoreUnavailable, R>
}

/**
 * The event store service.
 *
 * @category services
 * @since 0.1.0
 */
export class EventStore extends Context.Service<EventStore, EventStoreShape>()("@dangjian/core/EventStore") {}

/**
 * Appends to one stream: a shorthand for `append([{ streamId, expected, events }])`.
 *
 * @category appending
 * @since 0.1.0
 */
export const appendToStream = (
  streamId: StreamId,
  expected: ExpectedVersion,
  events: ReadonlyArray<NewEvent>
): Effect.Effect<AppendResult, AppendError, EventStore> =>
  EventStore.use((store) => store.append([{ streamId, expected, events }]))

/**
 * Folds a stream's event data (after `options.after`) with the store's `foldStream`, or by reading the stream
 * when the store has none.
 *
 * @category reading
 * @since 0.1.0
 */
export const fold = <State>(
  store: EventStoreShape,
  streamId: StreamId,
  initial: State,
  evolve: (state: State, data: unknown) => State,
  options?: ReadStreamOptions
): Effect.Effect<FoldedStream<State>, ReadError> =>
  store.foldStream !== undefined
    ? store.foldStream(streamId, initial, evolve, options)
    : Effect.map(store.readStream(streamId, options), (read) => {
      let state = initial
      for (const envelope of read.events) state = evolve(state, envelope.data)
      return { state, version: read.version }
    })

/**
 * The default batch size of reads and subscriptions.
 *
 * @category constants
 * @since 0.1.0
 */
export const defaultBatchSize = 1_000

/**
 * Builds a catch-up-then-live subscription from a store's `readAll` and a way to wait for the next commit.
 * `awaitCommitAfter(position)` must return once the store's head may have moved past `position` (a
 * notification, or a polling interval): the subscription reads again and waits again if nothing is new. Each
 * event is delivered once, in global order, because the next read always starts after the last delivered
 * position.
 *
 * @category constructors
 * @since 0.1.0
 */
export const makeSubscription = <F extends EnvelopeField, E, E2>(
  readAll: (options: ReadAllOptions<F>) => Effect.Effect<ReadonlyArray<PartialEnvelope<F>>, E>,
  awaitCommitAfter: (position: number) => Effect.Effect<void, E2>,
  options: SubscribeOptions<F>
): Stream.Stream<PartialEnvelope<F>, E | E2> => {
  const limit = options.batchSize ?? defaultBatchSize
  const fields = options.fields
  const read = (after: number) => readAll(fields === undefined ? { after, limit } : { after, limit, fields })
  return Stream.paginate(options.after, (after: number) =>
    Effect.gen(function*() {
      let batch = yield* read(after)
      while (batch.length === 0) {
        yield* awaitCommitAfter(after)
        batch = yield* read(after)
      }
      const last = batch[batch.length - 1]!.globalPosition
      return [batch, Option.some(last)] as const
    }))
}
