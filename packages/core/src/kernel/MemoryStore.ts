/**
 * The in-memory event store: the reference implementation of the {@link EventStore} contract, used by
 * tests, examples and the browser. It is complete, not a toy: atomic multi-stream appends, every expected
 * version, idempotent re-append, global order and live subscriptions.
 *
 * Appends are atomic because each one runs as a single synchronous step: no other fiber can interleave with
 * its checks and writes. Appends are O(events), never O(streams).
 *
 * @since 0.1.0
 */
import { Context, Deferred, Effect, Exit, Layer, Result } from "effect"
import * as AppendRequest from "./AppendRequest.ts"
import type { Envelope, StreamId } from "./Envelope.ts"
import { satisfies } from "./Envelope.ts"
import type { AppendError } from "./errors.ts"
import { VersionConflict } from "./errors.ts"
import type { EventCodec } from "./EventCodec.ts"
import type { AppendResult, AppendToStream, EventStoreShape, StoredPosition, StreamRead } from "./EventStore.ts"
import { defaultBatchSize, EventStore, makeSubscription } from "./EventStore.ts"
import type { ReadModel } from "./ReadModel.ts"
import { inlineStore, makeMemoryStore as makeMemoryReadModels, ReadModelStore } from "./ReadModel.ts"

/**
 * @category models
 * @since 0.1.0
 */
export interface MemoryStoreOptions {
  /**
   * When given, every appended event is checked against its definition (type known, data valid) and the
   * schema version is recorded; without it, events are stored as given with schema version 1.
   */
  readonly codec?: EventCodec<any>
  /**
   * Read models that every append keeps current (`ReadModel.inlineStore`): caught up right after each
   * append, in the caller's step (this store has no transactions).
   */
  readonly inline?: ReadonlyArray<ReadModel<any>> | undefined
}

const emptyEvents: ReadonlyArray<Envelope> = []

/**
 * Stored envelopes by event id, for idempotent re-append and the uniqueness of event ids. Ids that arrive in
 * increasing order — every id `Uuid.v7` makes in this process — go to an array kept sorted, where telling a
 * new id from a stored one is one comparison with the last; any other id (made elsewhere, or chosen by the
 * caller) goes to a `Map`. A hash lookup in a large `Map` was the largest cost of an in-memory append.
 */
const makeEventIdIndex = () => {
  const ascending: Array<Envelope> = []
  const others = new Map<string, Envelope>()

  const searchAscending = (eventId: string): Envelope | undefined => {
    let low = 0
    let high = ascending.length - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const stored = ascending[middle]!
      if (stored.eventId === eventId) return stored
      if (stored.eventId < eventId) low = middle + 1
      else high = middle - 1
    }
    return undefined
  }

  return {
    get: (eventId: string): Envelope | undefined => {
      if (others.size > 0) {
        const stored = others.get(eventId)
        if (stored !== undefined) return stored
      }
      const greatest = ascending.length === 0 ? undefined : ascending[ascending.length - 1]!
      return greatest === undefined || eventId > greatest.eventId ? undefined : searchAscending(eventId)
    },
    add: (envelope: Envelope): void => {
      const greatest = ascending.length === 0 ? undefined : ascending[ascending.length - 1]!
      if (greatest === undefined || envelope.eventId > greatest.eventId) ascending.push(envelope)
      else others.set(envelope.eventId, envelope)
    }
  }
}

/**
 * Creates an in-memory store.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (options: MemoryStoreOptions = {}): Effect.Effect<EventStoreShape> =>
  Effect.sync(() => {
    const codec = options.codec
    const streams = new Map<StreamId, Array<Envelope>>()
    const log: Array<Envelope> = []
    const byEventId = makeEventIdIndex()
    // The commit signal exists only while a subscriber waits for the next commit: appends allocate nothing
    // for it otherwise.
    let commit: Deferred.Deferred<void> | undefined

    const versionOf = (streamId: StreamId): number => streams.get(streamId)?.length ?? 0

    /** The schema versions of a part's events, after checking each against the codec. */
    const checkEvents = (part: AppendToStream): Result.Result<ReadonlyArray<number>, AppendError> => {
      const versions: Array<number> = []
      for (const event of part.events) {
        const checked = codec!.validate(event.data)
        if (Result.isFailure(checked)) return checked
        versions.push(codec!.versionOf(event.type) ?? 1)
      }
      return Result.succeed(versions)
    }

    /** Writes a checked part after `target` (its stream's events, if any); returns the stream's new version. */
    const writeEvents = (
      part: AppendToStream,
      target: Array<Envelope> | undefined,
      schemaVersions: ReadonlyArray<number> | undefined,
      positions: Array<StoredPosition>
    ): number => {
      let version = target === undefined ? 0 : target.length
      if (part.events.length === 0) return version
      let events = target
      if (events === undefined) {
        events = []
        streams.set(part.streamId, events)
      }
      for (let j = 0; j < part.events.length; j++) {
        const event = part.events[j]!
        const envelope: Envelope = {
          eventId: event.eventId,
          streamId: part.streamId,
          streamPosition: ++version,
          globalPosition: log.length + 1,
          type: event.type,
          schemaVersion: schemaVersions === undefined ? 1 : schemaVersions[j]!,
          data: event.data,
          metadata: event.metadata
        }
        events.push(envelope)
        log.push(envelope)
        byEventId.add(envelope)
        positions.push(envelope)
      }
      return version
    }

    const appended = (
      streams: ReadonlyArray<{ readonly streamId: StreamId; readonly version: number }>,
      positions: ReadonlyArray<StoredPosition>
    ): Exit.Exit<AppendResult> =>
      Exit.succeed({
        alreadyStored: false,
        streams,
        positions,
        lastGlobalPosition: positions.length > 0 ? log.length : 0
      })

    const appendSync = (request: ReadonlyArray<AppendToStream>): Exit.Exit<AppendResult, AppendError> => {
      const invalid = AppendRequest.validate(request)
      if (invalid !== undefined) return Exit.fail(invalid)

      // Idempotency first: a retried append whose ids are all stored returns the stored positions.
      let found: Map<string, StoredPosition> | undefined
      for (const part of request) {
        for (const event of part.events) {
          const stored = byEventId.get(event.eventId)
          if (stored !== undefined) (found ??= new Map()).set(stored.eventId, stored)
        }
      }
      if (found !== undefined) {
        const classified = AppendRequest.classifyStored(request, found, versionOf)
        if (Result.isFailure(classified)) return Exit.fail(classified.failure)
        if (classified.success !== undefined) return Exit.succeed(classified.success)
      }

      // One stream, the usual append: no arrays to collect what the general case below checks per stream.
      if (request.length === 1) {
        const part = request[0]!
        const target = streams.get(part.streamId)
        const actual = target === undefined ? 0 : target.length
        if (!satisfies(part.expected, actual)) {
          return Exit.fail(new VersionConflict({ streamId: part.streamId, expected: part.expected, actual }))
        }
        let schemaVersions: ReadonlyArray<number> | undefined
        if (codec !== undefined) {
          const checked = checkEvents(part)
          if (Result.isFailure(checked)) return Exit.fail(checked.failure)
          schemaVersions = checked.success
        }
        const positions: Array<StoredPosition> = []
        const version = writeEvents(part, target, schemaVersions, positions)
        return appended([{ streamId: part.streamId, version }], positions)
      }

      // Check every expectation and every event before writing anything. Each stream's array is looked up
      // once; schema versions are only collected with a codec (without one, every event is version 1).
      const targets: Array<Array<Envelope> | undefined> = []
      const schemaVersions: Array<ReadonlyArray<number> | undefined> = []
      for (const part of request) {
        const target = streams.get(part.streamId)
        const actual = target === undefined ? 0 : target.length
        if (!satisfies(part.expected, actual)) {
          return Exit.fail(new VersionConflict({ streamId: part.streamId, expected: part.expected, actual }))
        }
        targets.push(target)
        if (codec !== undefined) {
          const checked = checkEvents(part)
          if (Result.isFailure(checked)) return Exit.fail(checked.failure)
          schemaVersions.push(checked.success)
        } else schemaVersions.push(undefined)
      }
      const positions: Array<StoredPosition> = []
      const resultStreams: Array<{ streamId: StreamId; version: number }> = []
      for (let i = 0; i < request.length; i++) {
        const part = request[i]!
        resultStreams.push({
          streamId: part.streamId,
          version: writeEvents(part, targets[i], schemaVersions[i], positions)
        })
      }
      return appended(resultStreams, positions)
    }

    const wake = () => {
      const waiting = commit
      if (waiting !== undefined) {
        commit = undefined
        Deferred.doneUnsafe(waiting, Exit.void)
      }
    }

    const append: EventStoreShape["append"] = (request) =>
      Effect.suspend(() => {
        const exit = appendSync(request)
        if (Exit.isSuccess(exit) && exit.value.positions.length > 0 && !exit.value.alreadyStored) wake()
        return exit
      })

    const readStream: EventStoreShape["readStream"] = (streamId, options) =>
      Effect.sync((): StreamRead => {
        const events = streams.get(streamId)
        if (events === undefined) return { streamId, version: 0, events: emptyEvents }
        const after = options?.after ?? 0
        return { streamId, version: events.length, events: after <= 0 ? events.slice() : events.slice(after) }
      })

    // Folds the stored envelopes in place: no copy of the stream, no read to hand out.
    const foldStream: NonNullable<EventStoreShape["foldStream"]> = (streamId, initial, evolve, options) =>
      Effect.sync(() => {
        const events = streams.get(streamId)
        if (events === undefined) return { state: initial, version: 0 }
        const after = options?.after ?? 0
        let state = initial
        // The positions `readStream` would return: `slice(after)` with `after` cut to an integer ≥ 0.
        for (let i = after > 0 ? Math.floor(after) : 0; i < events.length; i++) state = evolve(state, events[i]!.data)
        return { state, version: events.length }
      })

    const readAll: EventStoreShape["readAll"] = (options) =>
      Effect.sync(() => {
        const start = Math.max(0, options.after)
        return log.slice(start, start + (options.limit ?? defaultBatchSize))
      })

    // The head check and taking the signal happen in one synchronous step, so no commit can slip between
    // them: a commit after it completes the signal we wait on, and no wake-up is lost.
    const awaitCommitAfter = (position: number) =>
      Effect.suspend(() => {
        if (log.length > position) return Effect.void
        commit ??= Deferred.makeUnsafe<void>()
        return Deferred.await(commit)
      })

    return EventStore.of({
      append,
      readStream,
      foldStream,
      readAll,
      subscribe: (options) => makeSubscription(readAll, awaitCommitAfter, options),
      head: Effect.sync(() => log.length)
    })
  })

/**
 * A layer with a fresh in-memory store: the event store and, beside it, an in-memory store of keyed read models.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (options: MemoryStoreOptions = {}): Layer.Layer<EventStore | ReadModelStore> =>
  Layer.effectContext(Effect.gen(function*() {
    const rows = yield* makeMemoryReadModels
    const store = inlineStore(yield* make(options), options.inline ?? [], { rows })
    return Context.make(EventStore, store).pipe(Context.add(ReadModelStore, rows))
  }))
