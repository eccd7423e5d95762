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
 * `atomically` holds one `BEGIN IMMEDIATE` transaction across many Effect steps, from its first append (each
 * append inside it is a savepoint) to its end; meanwhile every other operation of this process's stores on the
 * same database waits for it (they share one gate per connection), and other processes wait on SQLite's write
 * lock as for any append.
 *
 * @since 0.1.0
 */
import type { Envelope, EventCodec } from "@dangjian/core/store"
import {
  AppendRequest,
  CorruptEvent,
  Envelope as EnvelopeModule,
  EventStore,
  StoreUnavailable,
  VersionConflict
} from "@dangjian/core/store"
import type { AppendError, ReadError } from "@dangjian/core/store"
import { Deferred, Duration, Effect, Exit, Result } from "effect"
import type { DatabaseSync, StatementSync } from "node:sqlite"
import * as Gate from "./internal/gate.ts"
import type { Names } from "./StoreConfig.ts"

/**
 * A stored event as the read statements return it: the columns of `columns`, in that order, as an array (no
 * object with named properties is built per row). Stream reads leave out the stream id: the caller knows it, and
 * every column the driver materialises costs time on each row. A lean global read (`sqlAllLean`) has NULL for
 * the event id and the metadata, which are then never read.
 */
type Row = readonly [
  globalPosition: number,
  streamPosition: number,
  eventId: string,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  streamId?: string
]

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
  // The read statements return rows as arrays (`setReturnArrays`, Node ≥ 22.16 / 24). On an older Node the
  // rows come as objects and are turned into arrays, in the order of `columns`. Every read statement takes two
  // parameters.
  const readStatements = new Map<string, (a: number | string, b: number | string) => ReadonlyArray<Row>>()
  const prepareRead = (sql: string): (a: number | string, b: number | string) => ReadonlyArray<Row> => {
    let read = readStatements.get(sql)
    if (read === undefined) {
      const statement = db.prepare(sql)
      if (typeof statement.setReturnArrays === "function") {
        statement.setReturnArrays(true)
        read = (a, b) => statement.all(a, b) as unknown as ReadonlyArray<Row>
      } else {
        read = (a, b) => statement.all(a, b).map((row) => Object.values(row) as unknown as Row)
      }
      readStatements.set(sql, read)
    }
    return read
  }
  const columns = "global_position, stream_position, event_id, type, schema_version, data, metadata"
  const sqlVersion = `SELECT version FROM ${names.streams} WHERE stream_id = ?`
  const sqlUpsertStream = `INSERT INTO ${names.streams} (stream_id, version) VALUES (?, ?)
    ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version`
  const sqlInsert = `INSERT INTO ${names.events}
    (stream_id, stream_position, event_id, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)`
  const sqlById = `SELECT stream_id, stream_position, global_position, schema_version FROM ${names.events}
    WHERE event_id = ?`
  const sqlStream = `SELECT ${columns} FROM ${names.events} WHERE stream_id = ? AND stream_position > ?
    ORDER BY stream_position`
  const sqlAll = `SELECT ${columns}, stream_id FROM ${names.events} WHERE global_position > ?
    ORDER BY global_position LIMIT ?`
  // A read that names neither the event id nor the metadata: the same row layout with both left empty, so
  // SQLite does not copy them out and the metadata is not parsed.
  const sqlAllLean = `SELECT global_position, stream_position, NULL AS event_id, type, schema_version, data,
    NULL AS metadata, stream_id FROM ${names.events} WHERE global_position > ? ORDER BY global_position LIMIT ?`
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

  // Inside an `atomically` transaction an append is a savepoint: refused, it undoes only itself.
  const begin = (nested: boolean) => db.exec(nested ? "SAVEPOINT dangjian_append" : "BEGIN IMMEDIATE")
  const commitOrRelease = (nested: boolean) => db.exec(nested ? "RELEASE dangjian_append" : "COMMIT")
  const rollback = (nested: boolean) => {
    if (!nested) {
      if (db.isTransaction) db.exec("ROLLBACK")
      return
    }
    db.exec("ROLLBACK TO dangjian_append")
    db.exec("RELEASE dangjian_append")
  }

  const appendSync = (
    request: ReadonlyArray<EventStore.AppendToStream>,
    nested: boolean
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
    begin(nested)
    let committed = false
    try {
      const versions: Array<number> = []
      for (const part of request) {
        const actual = versionOf(part.streamId)
        if (!EnvelopeModule.satisfies(part.expected, actual)) {
          rollback(nested)
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
      commitOrRelease(nested)
      committed = true
      return Result.succeed({ alreadyStored: false, streams, positions, lastGlobalPosition: last })
    } catch (cause) {
      if (!committed && db.isTransaction) rollback(nested)
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

  // Whether an `atomically` transaction has appended: its commit wakes the subscribers.
  let appendedInTransaction = false

  const appendWith = (nested: boolean): EventStore.EventStoreShape["append"] => (request) =>
    Effect.suspend(() => {
      let result: Result.Result<EventStore.AppendResult, AppendError>
      try {
        result = appendSync(request, nested)
      } catch (cause) {
        // BEGIN itself failed (busy past the timeout, disk): nothing was written.
        result = Result.fail(new StoreUnavailable({ operation: "append", reason: describeFailure(cause) }))
      }
      if (Result.isSuccess(result) && !result.success.alreadyStored && result.success.positions.length > 0) {
        if (nested) appendedInTransaction = true
        else wake()
      }
      return Effect.fromResult(result)
    })

  // One command's events share their metadata, so a run of rows usually carries the same metadata text: it is
  // parsed once per run (envelopes are immutable, so sharing the parsed object is safe).
  let lastMetadataText: string | undefined
  let lastMetadata: Envelope.EventMetadata | undefined

  /**
   * Decodes rows into envelopes, skipping the events the codec's policy skips. Replays spend most of their time
   * here, so it is one flat loop with no intermediate `Result` per row.
   */
  const toEnvelopes = (
    rows: ReadonlyArray<Row>,
    stream: string | undefined,
    lean = false
  ): Result.Result<Array<Envelope.Envelope>, ReadError> => {
    const out: Array<Envelope.Envelope> = []
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!
      let data: unknown
      let metadata = lastMetadata
      try {
        data = JSON.parse(row[5])
        if (!lean && (row[6] !== lastMetadataText || metadata === undefined)) {
          const parsed: unknown = JSON.parse(row[6])
          if (!EnvelopeModule.isEventMetadata(parsed)) {
            return Result.fail(
              new CorruptEvent({
                globalPosition: row[0],
                reason: "metadata is not an object with occurredAt and recordedAt"
              })
            )
          }
          metadata = parsed
          lastMetadataText = row[6]
          lastMetadata = metadata
        }
      } catch {
        return Result.fail(new CorruptEvent({ globalPosition: row[0], reason: "the stored JSON does not parse" }))
      }
      const streamId = stream ?? row[7]!
      const streamPosition = row[1]
      const type = row[3]
      const schemaVersion = row[4]
      const decoded = codec.decode({ type, schemaVersion, data }, { streamId, streamPosition })
      if (Result.isFailure(decoded)) return Result.fail(decoded.failure)
      if (decoded.success === undefined) continue
      if (lean) {
        // Typed as an envelope for the one array; `readAll` hands it out as the partial envelope it is.
        out.push(
          {
            streamId,
            streamPosition,
            globalPosition: row[0],
            type,
            schemaVersion,
            data: decoded.success
          } as Envelope.Envelope
        )
        continue
      }
      out.push({
        eventId: row[2],
        streamId,
        streamPosition,
        globalPosition: row[0],
        type,
        schemaVersion,
        data: decoded.success,
        metadata: metadata!
      })
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
      const after = options?.after ?? 0
      if (after <= 0) {
        // Read whole: one statement, so one snapshot. A stream's positions are 1…version with no hole and commit
        // with its version, so the version is the last row's position (even when the codec skips that event).
        const rows = prepareRead(sqlStream)(streamId, 0)
        const events = toEnvelopes(rows, streamId)
        return Result.isFailure(events) ? Result.fail(events.failure) : Result.succeed({
          streamId,
          version: rows.length === 0 ? 0 : rows[rows.length - 1]![1],
          events: events.success
        })
      }
      // One read transaction: the version and the events come from the same snapshot (inside an `atomically`
      // transaction, its own).
      const own = !db.isTransaction
      if (own) db.exec("BEGIN")
      try {
        const version = versionOf(streamId)
        const rows = prepareRead(sqlStream)(streamId, after)
        if (own) db.exec("COMMIT")
        const events = toEnvelopes(rows, streamId)
        return Result.isFailure(events) ? Result.fail(events.failure) : Result.succeed({
          streamId,
          version,
          events: events.success
        })
      } catch (cause) {
        if (own && db.isTransaction) db.exec("ROLLBACK")
        throw cause
      }
    })

  const readAll: EventStore.EventStoreShape["readAll"] = (options) =>
    guarded("readAll", () => {
      const lean = !EventStore.asksFor(options.fields, "eventId") && !EventStore.asksFor(options.fields, "metadata")
      return toEnvelopes(
        prepareRead(lean ? sqlAllLean : sqlAll)(
          Math.max(0, options.after),
          options.limit ?? EventStore.defaultBatchSize
        ),
        undefined,
        lean
      )
    })

  const head = Effect.suspend(() => {
    try {
      return Effect.succeed(Number((prepare(sqlHead).get() as { head: number }).head))
    } catch (cause) {
      return Effect.fail(new StoreUnavailable({ operation: "head", reason: describeFailure(cause) }))
    }
  })

  // Wakes on a local commit at once, and polls for commits made by other processes on the same file.
  // The signal is taken before the head is read, so a local commit in between is never missed.
  const awaitCommitAfterWith = (headOf: typeof head, position: number) =>
    Effect.suspend(() => {
      const signal = commit
      return Effect.flatMap(
        headOf,
        (h) => (h > position ? Effect.void : Effect.raceFirst(Deferred.await(signal), Effect.sleep(poll)))
      )
    })
  const awaitCommitAfter = (position: number) => awaitCommitAfterWith(head, position)

  // Outside a transaction every operation takes the database's gate for its (synchronous) duration; the
  // transaction's own operations run while it holds the gate.
  const gate = Gate.gateOf(db)
  const gated = Gate.through(gate, "eventStore")
  // The transaction begins at its first append: until then it has only read (the latest commits, as any
  // reader), so SQLite's write lock is held from the first written part to the commit, not while the work
  // before it is decided.
  let transactionOpen = false
  const nestedAppend = appendWith(true)
  const inner: EventStore.EventStoreShape = {
    append: (request) =>
      Effect.suspend(() => {
        if (!transactionOpen) {
          try {
            db.exec("BEGIN IMMEDIATE")
          } catch (cause) {
            // Busy past the timeout, or the disk: nothing was written.
            return Effect.fail(new StoreUnavailable({ operation: "append", reason: describeFailure(cause) }))
          }
          transactionOpen = true
        }
        return nestedAppend(request)
      }),
    readStream,
    readAll,
    subscribe: (options) => EventStore.makeSubscription(readAll, awaitCommitAfter, options),
    head
  }
  const gatedReadAll: EventStore.EventStoreShape["readAll"] = (options) => gated(readAll(options))
  const gatedHead = gated(head)
  const outerAppend = appendWith(false)

  const finish = <A, E>(exit: Exit.Exit<A, E>): Effect.Effect<A, E | StoreUnavailable> =>
    Effect.suspend((): Effect.Effect<A, E | StoreUnavailable> => {
      const wrote = appendedInTransaction
      appendedInTransaction = false
      const open = transactionOpen
      transactionOpen = false
      try {
        if (open && Exit.isSuccess(exit)) db.exec("COMMIT")
        else if (db.isTransaction) db.exec("ROLLBACK")
      } catch (cause) {
        if (db.isTransaction) db.exec("ROLLBACK")
        return Effect.fail(new StoreUnavailable({ operation: "atomically", reason: describeFailure(cause) }))
      }
      if (Exit.isSuccess(exit) && wrote) wake()
      return exit
    })

  const atomically: NonNullable<EventStore.EventStoreShape["atomically"]> = (use) =>
    gated(Effect.uninterruptibleMask((restore) =>
      Effect.suspend(() => {
        appendedInTransaction = false
        transactionOpen = false
        return Effect.flatMap(Effect.exit(restore(Gate.holding(gate, use(inner)))), finish)
      })
    ))

  return EventStore.EventStore.of({
    append: (request) => gated(outerAppend(request)),
    readStream: (streamId, options) => gated(readStream(streamId, options)),
    readAll: gatedReadAll,
    subscribe: (options) =>
      EventStore.makeSubscription(gatedReadAll, (position) => awaitCommitAfterWith(gatedHead, position), options),
    head: gatedHead,
    atomically
  })
}
