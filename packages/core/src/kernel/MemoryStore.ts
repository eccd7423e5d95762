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
import { Deferred, Effect, Exit, Layer, Result } from "effect"
import * as AppendRequest from "./AppendRequest.ts"
import type { Envelope, StreamId } from "./Envelope.ts"
import { satisfies } from "./Envelope.ts"
import type { AppendError } from "./errors.ts"
import { VersionConflict } from "./errors.ts"
import type { EventCodec } from "./EventCodec.ts"
import type { AppendResult, AppendToStream, EventStoreShape, StoredPosition, StreamRead } from "./EventStore.ts"
import { defaultBatchSize, EventStore, makeSubscription } from "./EventStore.ts"

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
}

const emptyEvents: ReadonlyArray<Envelope> = []

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
    const byEventId = new Map<string, Envelope>()
    // The commit signal exists only while a subscriber waits for the next commit: appends allocate nothing
    // for it otherwise.
    let commit: Deferred.Deferred<void> | undefined

    const versionOf = (streamId: StreamId): number => streams.get(streamId)?.length ?? 0

    const appendSync = (request: ReadonlyArray<AppendToStream>): Result.Result<AppendResult, AppendError> => {
      const invalid = AppendRequest.validate(request)
      if (invalid !== undefined) return Result.fail(invalid)

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
        if (Result.isFailure(classified)) return Result.fail(classified.failure)
        if (classified.success !== undefined) return Result.succeed(classified.success)
      }

      // Check every expectation and every event before writing anything. Each stream's array is looked up
      // once; schema versions are only collected with a codec (without one, every event is version 1).
      const targets: Array<Array<Envelope> | undefined> = []
      let schemaVersions: Array<Array<number>> | undefined
      for (let i = 0; i < request.length; i++) {
        const part = request[i]!
        const target = streams.get(part.streamId)
        const actual = target === undefined ? 0 : target.length
        if (!satisfies(part.expected, actual)) {
          return Result.fail(new VersionConflict({ streamId: part.streamId, expected: part.expected, actual }))
        }
        targets.push(target)
        if (codec !== undefined) {
          const partVersions: Array<number> = []
          for (const event of part.events) {
            const checked = codec.validate(event.data)
            if (Result.isFailure(checked)) return checked
            partVersions.push(codec.versionOf(event.type) ?? 1)
          }
          ;(schemaVersions ??= []).push(partVersions)
        }
      }

      const positions: Array<StoredPosition> = []
      const resultStreams: Array<{ streamId: StreamId; version: number }> = []
      for (let i = 0; i < request.length; i++) {
        const part = request[i]!
        let events = targets[i]
        let version = events === undefined ? 0 : events.length
        if (part.events.length > 0) {
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
              schemaVersion: schemaVersions === undefined ? 1 : schemaVersions[i]![j]!,
              data: event.data,
              metadata: event.metadata
            }
            events.push(envelope)
            log.push(envelope)
            byEventId.set(envelope.eventId, envelope)
            positions.push(envelope)
          }
        }
        resultStreams.push({ streamId: part.streamId, version })
      }
      return Result.succeed({
        alreadyStored: false,
        streams: resultStreams,
        positions,
        lastGlobalPosition: positions.length > 0 ? log.length : 0
      })
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
        const result = appendSync(request)
        if (Result.isFailure(result)) return Effect.fail(result.failure)
        if (result.success.positions.length > 0 && !result.success.alreadyStored) wake()
        return Effect.succeed(result.success)
      })

    const readStream: EventStoreShape["readStream"] = (streamId, options) =>
      Effect.sync((): StreamRead => {
        const events = streams.get(streamId)
        if (events === undefined) return { streamId, version: 0, events: emptyEvents }
        const after = options?.after ?? 0
        return { streamId, version: events.length, events: after <= 0 ? events.slice() : events.slice(after) }
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
      readAll,
      subscribe: (options) => makeSubscription(readAll, awaitCommitAfter, options),
      head: Effect.sync(() => log.length)
    })
  })

/**
 * A layer with a fresh in-memory store.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (options: MemoryStoreOptions = {}): Layer.Layer<EventStore> =>
  Layer.effect(EventStore, make(options))
