/**
 * The `EventStore` on SQLite. Every append is one `BEGIN IMMEDIATE` transaction: it takes SQLite's write
 * lock first, so its expected-version checks and inserts can never interleave with another writer (another
 * fiber, or another process on the same file). The happy path does no lookups by event id: the unique index
 * on `event_id` catches a re-append, and only then are the stored positions read to tell an idempotent
 * retry from a conflict.
 *
 * Statements run synchronously on prepared `node:sqlite` statements inside one Effect step each, so an append
 * is atomic for the fibers of this process as well.
 *
 * @since 0.1.0
 */
import type { Envelope, EventCodec } from "@dangjian/core"
import {
  AppendRequest,
  CorruptEvent,
  Envelope as EnvelopeModule,
  EventStore,
  StoreUnavailable,
  VersionConflict
} from "@dangjian/core"
import type { AppendError, ReadError } from "@dangjian/core"
import { Deferred, Duration, Effect, Exit, Result } from "effect"
import type { DatabaseSync, StatementSync } from "node:sqlite"
import type { Names } from "./StoreConfig.ts"

type Row = {
  readonly global_position: number
  readonly stream_id: string
  readonly stream_position: number
  readonly event_id: string
  readonly type: string
  readonly schema_version: number
  readonly data: string
  readonly metadata: string
}

/** A short, data-free description of a driver failure: SQLite's code and its generic text, never values. */
export const describeFailure = (cause: unknown): string => {
  if (typeof cause === "object" && cause !== null) {
    const c = cause as { code?: unknown; errcode?: unknown; errstr?: unknown }
    const parts = [c.code, c.errcode, c.errstr].filter((p) => typeof p === "string" || typeof p === "number")
    if (parts.length > 0) return parts.join(" ")
  }
  return "driver failure"
}

const isUniqueEventId = (cause: unknown, events: string): boolean =>
  typeof cause === "object" && cause !== null && (cause as { errcode?: unknown }).errcode === 2067
  && String((cause as { message?: unknown }).message ?? "").includes(`${events}.event_id`)

/**
 * Creates the event store on an open, migrated database.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (
  db: DatabaseSync,
  names: Names,
  codec: EventCodec.EventCodec<any>,
  options?: { readonly pollInterval?: Duration.Input }
): EventStore.EventStoreShape => {
  const poll = Duration.fromInputUnsafe(options?.pollInterval ?? "100 millis")
  const statements = new Map<string, StatementSync>()
  const prepare = (sql: string): StatementSync => {
    let statement = statements.get(sql)
    if (statement === undefined) {
      statement = db.prepare(sql)
      statements.set(sql, statement)
    }
    return statement
  }
  const columns = "global_position, stream_id, stream_position, event_id, type, schema_version, data, metadata"
  const sqlVersion = `SELECT version FROM ${names.streams} WHERE stream_id = ?`
  const sqlUpsertStream = `INSERT INTO ${names.streams} (stream_id, version) VALUES (?, ?)
    ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version`
  const sqlInsert = `INSERT INTO ${names.events}
    (stream_id, stream_position, event_id, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)`
  const sqlById = `SELECT stream_id, stream_position, global_position, schema_version FROM ${names.events}
    WHERE event_id = ?`
  const sqlStream = `SELECT ${columns} FROM ${names.events} WHERE stream_id = ? AND stream_position > ?
    ORDER BY stream_position`
  const sqlAll = `SELECT ${columns} FROM ${names.events} WHERE global_position > ? ORDER BY global_position LIMIT ?`
  const sqlHead = `SELECT COALESCE(MAX(global_position), 0) AS head FROM ${names.events}`

  const versionOf = (streamId: string): number => {
    const row = prepare(sqlVersion).get(streamId) as { version: number } | undefined
    return row === undefined ? 0 : row.version
  }

  const storedPositions = (request: ReadonlyArray<EventStore.AppendToStream>) => {
    const found = new Map<string, EventStore.StoredPosition>()
    const byId = prepare(sqlById)
    for (const part of request) {
      for (const event of part.events) {
        const row = byId.get(event.eventId) as
          | { stream_id: string; stream_position: number; global_position: number; schema_version: number }
          | undefined
        if (row !== undefined) {
          found.set(event.eventId, {
            eventId: event.eventId,
            streamId: row.stream_id,
            streamPosition: row.stream_position,
            globalPosition: row.global_position,
            schemaVersion: row.schema_version
          })
        }
      }
    }
    return found
  }

  // After a failed attempt: an append whose event ids are all stored already is an idempotent retry.
  const idempotentOr = <E>(
    request: ReadonlyArray<EventStore.AppendToStream>,
    failure: E
  ): Result.Result<EventStore.AppendResult, E | AppendError> => {
    const found = storedPositions(request)
    if (found.size === 0) return Result.fail(failure)
    const classified = AppendRequest.classifyStored(request, found, versionOf)
    if (Result.isFailure(classified)) return Result.fail(classified.failure)
    return classified.success === undefined ? Result.fail(failure) : Result.succeed(classified.success)
  }

  const appendSync = (
    request: ReadonlyArray<EventStore.AppendToStream>
  ): Result.Result<EventStore.AppendResult, AppendError> => {
    const invalid = AppendRequest.validate(request)
    if (invalid !== undefined) return Result.fail(invalid)
    // Encode everything before taking the write lock.
    const encoded: Array<Array<{ type: string; schemaVersion: number; data: string; metadata: string }>> = []
    for (const part of request) {
      const partEncoded = []
      for (const event of part.events) {
        const result = codec.encode(event.data)
        if (Result.isFailure(result)) return Result.fail(result.failure)
        partEncoded.push({
          type: result.success.type,
          schemaVersion: result.success.schemaVersion,
          data: JSON.stringify(result.success.data),
          metadata: JSON.stringify(event.metadata)
        })
      }
      encoded.push(partEncoded)
    }
    db.exec("BEGIN IMMEDIATE")
    let committed = false
    try {
      const versions: Array<number> = []
      for (const part of request) {
        const actual = versionOf(part.streamId)
        if (!EnvelopeModule.satisfies(part.expected, actual)) {
          db.exec("ROLLBACK")
          committed = true
          return idempotentOr(
            request,
            new VersionConflict({ streamId: part.streamId, expected: part.expected, actual })
          )
        }
        versions.push(actual)
      }
      const insert = prepare(sqlInsert)
      const upsert = prepare(sqlUpsertStream)
      const positions: Array<EventStore.StoredPosition> = []
      const streams: Array<{ streamId: string; version: number }> = []
      let last = 0
      for (let i = 0; i < request.length; i++) {
        const part = request[i]!
        let version = versions[i]!
        for (let j = 0; j < part.events.length; j++) {
          const event = part.events[j]!
          const e = encoded[i]![j]!
          version++
          const result = insert.run(part.streamId, version, event.eventId, e.type, e.schemaVersion, e.data, e.metadata)
          last = Number(result.lastInsertRowid)
          positions.push({
            eventId: event.eventId,
            streamId: part.streamId,
            streamPosition: version,
            globalPosition: last,
            schemaVersion: e.schemaVersion
          })
        }
        if (part.events.length > 0) upsert.run(part.streamId, version)
        streams.push({ streamId: part.streamId, version })
      }
      db.exec("COMMIT")
      committed = true
      return Result.succeed({ alreadyStored: false, streams, positions, lastGlobalPosition: last })
    } catch (cause) {
      if (!committed && db.isTransaction) db.exec("ROLLBACK")
      if (isUniqueEventId(cause, names.events)) {
        return idempotentOr(request, new StoreUnavailable({ operation: "append", reason: describeFailure(cause) }))
      }
      return Result.fail(new StoreUnavailable({ operation: "append", reason: describeFailure(cause) }))
    }
  }

  let commit = Deferred.makeUnsafe<void>()
  const wake = () => {
    const done = commit
    commit = Deferred.makeUnsafe<void>()
    Deferred.doneUnsafe(done, Exit.void)
  }

  const append: EventStore.EventStoreShape["append"] = (request) =>
    Effect.suspend(() => {
      let result: Result.Result<EventStore.AppendResult, AppendError>
      try {
        result = appendSync(request)
      } catch (cause) {
        // BEGIN itself failed (busy past the timeout, disk): nothing was written.
        result = Result.fail(new StoreUnavailable({ operation: "append", reason: describeFailure(cause) }))
      }
      if (Result.isSuccess(result) && !result.success.alreadyStored && result.success.positions.length > 0) wake()
      return Effect.fromResult(result)
    })

  const toEnvelope = (row: Row): Result.Result<Envelope.Envelope | undefined, ReadError> => {
    let data: unknown
    let metadata: Envelope.EventMetadata
    try {
      data = JSON.parse(row.data)
      metadata = JSON.parse(row.metadata)
    } catch {
      return Result.fail(
        new CorruptEvent({ globalPosition: row.global_position, reason: "the stored JSON does not parse" })
      )
    }
    const decoded = codec.decode(
      { type: row.type, schemaVersion: row.schema_version, data },
      { streamId: row.stream_id, streamPosition: row.stream_position }
    )
    if (Result.isFailure(decoded)) return Result.fail(decoded.failure)
    if (decoded.success === undefined) return Result.succeed(undefined)
    return Result.succeed({
      eventId: row.event_id,
      streamId: row.stream_id,
      streamPosition: row.stream_position,
      globalPosition: row.global_position,
      type: row.type,
      schemaVersion: row.schema_version,
      data: decoded.success,
      metadata
    })
  }

  const toEnvelopes = (rows: ReadonlyArray<Row>): Result.Result<Array<Envelope.Envelope>, ReadError> => {
    const out: Array<Envelope.Envelope> = []
    for (const row of rows) {
      const envelope = toEnvelope(row)
      if (Result.isFailure(envelope)) return Result.fail(envelope.failure)
      if (envelope.success !== undefined) out.push(envelope.success)
    }
    return Result.succeed(out)
  }

  const guarded = <A>(operation: string, f: () => Result.Result<A, ReadError>): Effect.Effect<A, ReadError> =>
    Effect.suspend(() => {
      try {
        return Effect.fromResult(f())
      } catch (cause) {
        return Effect.fail(new StoreUnavailable({ operation, reason: describeFailure(cause) }))
      }
    })

  const readStream: EventStore.EventStoreShape["readStream"] = (streamId, options) =>
    guarded("readStream", () => {
      // One read transaction: the version and the events come from the same snapshot.
      db.exec("BEGIN")
      try {
        const version = versionOf(streamId)
        const rows = prepare(sqlStream).all(streamId, options?.after ?? 0) as unknown as ReadonlyArray<Row>
        db.exec("COMMIT")
        const events = toEnvelopes(rows)
        return Result.isFailure(events) ? Result.fail(events.failure) : Result.succeed({
          streamId,
          version,
          events: events.success
        })
      } catch (cause) {
        if (db.isTransaction) db.exec("ROLLBACK")
        throw cause
      }
    })

  const readAll: EventStore.EventStoreShape["readAll"] = (options) =>
    guarded("readAll", () =>
      toEnvelopes(
        prepare(sqlAll).all(
          Math.max(0, options.after),
          options.limit ?? EventStore.defaultBatchSize
        ) as unknown as ReadonlyArray<Row>
      ))

  const head = Effect.suspend(() => {
    try {
      return Effect.succeed(Number((prepare(sqlHead).get() as { head: number }).head))
    } catch (cause) {
      return Effect.fail(new StoreUnavailable({ operation: "head", reason: describeFailure(cause) }))
    }
  })

  // Wakes on a local commit at once, and polls for commits made by other processes on the same file.
  // The signal is taken before the head is read, so a local commit in between is never missed.
  const awaitCommitAfter = (position: number) =>
    Effect.suspend(() => {
      const signal = commit
      return Effect.flatMap(
        head,
        (h) => (h > position ? Effect.void : Effect.raceFirst(Deferred.await(signal), Effect.sleep(poll)))
      )
    })

  return EventStore.EventStore.of({
    append,
    readStream,
    readAll,
    subscribe: (options) => EventStore.makeSubscription(readAll, awaitCommitAfter, options),
    head
  })
}
