/**
 * The `EventStore` on PostgreSQL.
 *
 * **Appends** are one round trip: one call of the `append_events` function (see `Migrations`), which locks
 * the request's streams, handles idempotent re-appends, checks every expected version in SQL before a
 * sequence number is taken, and writes the whole batch, so it commits whole or not at all. Its cost grows with
 * the append's events and no faster, up to an import's 10^6 events on 250,000 streams (`packages/bench`,
 * `pgAppend.ts`). An append whose events weigh more than `appendChunkBytes` (an import) is not one statement:
 * in one transaction its events are staged in chunks in a temporary table, then the same single call appends
 * them, so no statement nears the server's 1 GiB limit on a message and neither side holds the whole request
 * several times over.
 *
 * **The global log never skips a late commit.** Positions come from one sequence, and transactions commit in
 * any order: position 10 can commit after position 11. A reader that has returned 11 and later pages
 * `after: 11` would skip 10 for ever (the bug behind Emmett's lost messages). This store's readers return a
 * position only once every smaller position is settled: committed and visible, or proved dead. The proof
 * uses transaction ids and needs no lock shared by writers:
 *
 * - a writer gets its transaction id before it takes positions (its first write comes first);
 * - it writes its events in a subtransaction opened after it took them, and stores that subtransaction's
 *   id as the events' `horizon`. Transaction ids are handed out in time order, so the horizon of an event at
 *   position q is greater than the transaction id of every writer that took a position p < q;
 * - a reader's snapshot says, with `pg_snapshot_xmin`, below which id every transaction has ended. If an
 *   event at q has `horizon ≤ xmin`, the writer of every p < q has ended: p is visible now or never will be.
 *
 * So a read returns every row up to the last row whose horizon is below the snapshot's xmin, and beyond it
 * only a gap-free run (rows with no hole before them). A hole left by a writer still running (or one that
 * aborted and is not yet proved dead) stops the read there; the next read, woken by the writer's NOTIFY or
 * by polling, continues. Pages are ordered by global position and every event is returned exactly once.
 *
 * Why not the alternatives: reading `transaction_id < xmin` ordered by position is wrong (a transaction with
 * a smaller id may hold a larger position, and the reader skips the other one); ordering by transaction id
 * instead breaks the single-number position of the kernel contract and the per-stream order; serializing
 * writers per category (MessageDB) orders positions only within a category, not across them; and a global
 * lock held to commit serializes every writer (commanded measured 2–4×). Here writers meet only on the rows
 * of the streams they write, and the proof works per sequence, so a later partitioning by category can give
 * each partition its own sequence without a shared lock.
 *
 * @since 0.1.0
 */
import type { AppendError, EventCodec, ReadError } from "@dangjian/core/store"
import {
  AppendRequest,
  CorruptEvent,
  Envelope,
  EventStore,
  StoreUnavailable,
  VersionConflict
} from "@dangjian/core/store"
import { PgClient } from "@effect/sql-pg"
import { Deferred, Duration, Effect, Exit, Queue, Result, Schedule } from "effect"
import type { Scope } from "effect"
import type { SqlError } from "effect/sql/SqlError"
import { isSqlError } from "effect/sql/SqlError"
import * as Failures from "./internal/failures.ts"
import * as Stage from "./internal/stage.ts"
import type { Names } from "./StoreConfig.ts"

/**
 * Options of {@link make}.
 *
 * @category models
 * @since 0.1.0
 */
export interface EventStoreOptions {
  readonly codec: EventCodec.EventCodec<any>
  /** Send and listen for NOTIFY (default `true`). */
  readonly notifications?: boolean | undefined
  /** How often a waiting subscriber polls when no notification arrives (default 1 second). */
  readonly pollInterval?: Duration.Input | undefined
  /**
   * The most event text one statement carries, in UTF-16 code units (default 64 Mi): a heavier append (an
   * import) is staged in chunks of about this size within one transaction, then appended by one call.
   */
  readonly appendChunkBytes?: number | undefined
  /**
   * `true` for a store whose reads run while they hold the writers' lock exclusively
   * (`Migrations.writersLockKey`), as a write that keeps inline read models does: no append is in flight then,
   * so every row a read sees is settled, its own transaction's included, and a position missing below it will
   * never appear. Default `false`.
   */
  readonly underWritersLock?: boolean | undefined
}

/** The default of {@link EventStoreOptions.appendChunkBytes}: 64 Mi code units, far below the server's 1 GiB. */
const defaultAppendChunkBytes = 64 * 1024 * 1024

/** What an event weighs beyond its text: its id, type and version numbers, and the arrays' framing. */
const eventAllowance = 64

/** Runs of `append_events` an append may need when concurrent appends store the same ids first. */
const maxAppendAttempts = 10

const encodeExpected = (expected: EventStore.AppendToStream["expected"]): string =>
  expected === "any" ? "-1" : expected === "noStream" ? "-2" : expected === "exists" ? "-3" : String(expected)

type Row = ReadonlyArray<unknown>

const toNumber = (value: unknown): number => (typeof value === "bigint" ? Number(value) : (value as number))

/**
 * Creates the store on an existing client. The tables must exist (see `Migrations.migrate`). The scope owns
 * the LISTEN connection, opened on the first wait of a subscriber.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (
  n: Names,
  options: EventStoreOptions
): Effect.Effect<EventStore.EventStoreShape, never, PgClient.PgClient | Scope.Scope> =>
  Effect.gen(function*() {
    const sql = yield* PgClient.PgClient
    const scope = yield* Effect.scope
    const codec = options.codec
    const notify = options.notifications ?? true
    const pollInterval = Duration.fromInputUnsafe(options.pollInterval ?? Duration.seconds(1))
    const chunkWeight = Math.max(1, options.appendChunkBytes ?? defaultAppendChunkBytes)

    const appendSql = `SELECT status, conflict_index, versions, positions, found_ids, found_streams,
      found_stream_positions, found_positions, found_versions
      FROM ${n.appendFunction}($1::text[], $2::text[], $3::bigint[], $4::int[], $5::int[], $6::int[], $7::int[],
        $8::uuid[], $9::text[], $10::int[], $11::text[], $12::text[], $13::boolean)`
    // A stream's positions are 1…version with no hole, and its events commit with its version: read whole, the
    // last event is the version. Read after a position, the version comes from the streams row in the same
    // statement (the same snapshot), never from a second query that could see a later commit.
    // Positions are read as float8: exact below 2^53, and decoded as numbers rather than BigInts.
    const readStreamSql = `SELECT e.global_position::float8, e.stream_position::float8, e.event_id, e.type,
      e.schema_version, e.data, e.metadata::text FROM ${n.events} e WHERE e.stream_id = $1 ORDER BY e.stream_position`
    const readStreamAfterSql = `SELECT e.global_position::float8, e.stream_position::float8, e.event_id, e.type,
      e.schema_version, e.data, e.metadata::text, v.version
      FROM (SELECT coalesce((SELECT s.version FROM ${n.streams} s WHERE s.stream_id = $1), 0) AS version) v
      LEFT JOIN ${n.events} e ON e.stream_id = $1 AND e.stream_position > $2
      ORDER BY e.stream_position`
    // `settled`: the row's horizon is below the oldest transaction still running, so every smaller position is
    // final (see the module documentation). The snapshot's xmin is computed once per statement.
    // A read leaves out what it was not asked for: a column selected as NULL is sent as a length of -1 and the
    // driver decodes nothing for it. Every shape keeps one row layout, so one loop decodes them all.
    const settled = options.underWritersLock === true ? "TRUE" : "e.horizon <= x.xmin"
    const readAllSqlOf = (shape: EventStore.ReadShape) =>
      `SELECT e.global_position::float8, ${
        shape === "bare" ? "NULL::text, NULL::float8" : "e.stream_id, e.stream_position::float8"
      }, ${shape === "full" ? "e.event_id" : "NULL::uuid"}, e.type, e.schema_version, e.data, ${
        shape === "full" ? "e.metadata::text" : "NULL::text"
      }, ${settled}
      FROM ${n.events} e, (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin) x
      WHERE e.global_position > $1 ORDER BY e.global_position LIMIT $2`
    const readAllSql: Record<EventStore.ReadShape, string> = {
      full: readAllSqlOf("full"),
      lean: readAllSqlOf("lean"),
      bare: readAllSqlOf("bare")
    }
    const headSql = `SELECT e.global_position, ${settled}
      FROM ${n.events} e, (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin) x
      WHERE e.global_position < $1 ORDER BY e.global_position DESC LIMIT $2`

    const run = (text: string, params: ReadonlyArray<unknown>): Effect.Effect<ReadonlyArray<Row>, SqlError> =>
      sql.unsafe(text, params).values

    // ---- append -------------------------------------------------------------------------------------------

    const append: EventStore.EventStoreShape["append"] = (request) =>
      Effect.suspend((): Effect.Effect<EventStore.AppendResult, AppendError> => {
        const invalid = AppendRequest.validate(request)
        if (invalid !== undefined) return Effect.fail(invalid)
        const streams: Array<string> = []
        const categories: Array<string> = []
        const expected: Array<string> = []
        const counts: Array<number> = []
        const eventStream: Array<number> = []
        const eventOffset: Array<number> = []
        const ids: Array<string> = []
        const types: Array<string> = []
        const versions: Array<number> = []
        const data: Array<string> = []
        const metadata: Array<string> = []
        // What the events' text weighs (UTF-16 code units plus a fixed allowance per event): above
        // `appendChunkBytes` the append is staged in chunks rather than sent as one statement.
        let weight = 0
        let metadataWeight = 0
        let lastMetadata: unknown = undefined
        let lastMetadataText = ""
        for (let i = 0; i < request.length; i++) {
          const part = request[i]!
          streams.push(part.streamId)
          categories.push(Envelope.categoryOf(part.streamId))
          expected.push(encodeExpected(part.expected))
          counts.push(part.events.length)
          for (let k = 0; k < part.events.length; k++) {
            const event = part.events[k]!
            const checked = codec.validate(event.data)
            if (Result.isFailure(checked)) return Effect.fail(checked.failure)
            const encoded = codec.encode(event.data)
            if (Result.isFailure(encoded)) return Effect.fail(encoded.failure)
            eventStream.push(i + 1)
            eventOffset.push(k + 1)
            ids.push(event.eventId)
            types.push(encoded.success.type)
            versions.push(encoded.success.schemaVersion)
            const text = JSON.stringify(encoded.success.data)
            data.push(text)
            // One command's events share one metadata object: it is serialized once.
            if (event.metadata !== lastMetadata) {
              lastMetadata = event.metadata
              lastMetadataText = JSON.stringify(event.metadata)
            }
            metadata.push(lastMetadataText)
            weight += text.length + encoded.success.type.length + part.streamId.length + eventAllowance
            metadataWeight += lastMetadataText.length
          }
        }
        // Every append locks its streams in the same total order (UTF-16 code units), so appends never deadlock.
        // (Migration 2's function sorts the streams itself; the order is still sent for a schema not yet migrated.)
        const single = streams.length === 1
        const lockOrder = single ? [1] : streams.map((_, i) => i + 1).sort((a, b) => {
          const x = streams[a - 1]!
          const y = streams[b - 1]!
          return x < y ? -1 : x > y ? 1 : 0
        })
        // Metadata shared by every event (one command's events) is sent and parsed once.
        const sharedMetadata = metadata.length > 1 && metadata.every((m) => m === metadata[0])
        if (!sharedMetadata) weight += metadataWeight
        const send: Effect.Effect<Row, SqlError | StoreUnavailable> = weight <= chunkWeight
          ? Effect.map(
            run(appendSql, [
              streams,
              categories,
              expected,
              counts,
              lockOrder,
              single ? [] : eventStream,
              single ? [] : eventOffset,
              ids,
              types,
              versions,
              data,
              sharedMetadata ? [metadata[0]!] : metadata,
              notify
            ]),
            (rows) => rows[0]!
          )
          : staged(
            { streams, categories, expected, counts, lockOrder, eventStream, eventOffset, ids, types, versions, data },
            sharedMetadata ? metadata[0]! : metadata
          )
        const attempt = (tries: number): Effect.Effect<EventStore.AppendResult, AppendError> =>
          send.pipe(
            Effect.map((row) => ({ row, retry: false as boolean })),
            Effect.catchTag("SqlError", (error: SqlError) =>
              Failures.isTransient(error)
                ? Effect.succeed({ row: [] as Row, retry: true })
                : Effect.fail(Failures.unavailable("append")(error))),
            Effect.flatMap(({ row, retry }) => {
              if (retry || row[0] === "retry") {
                return tries < maxAppendAttempts
                  ? attempt(tries + 1)
                  : Effect.fail(new StoreUnavailable({ operation: "append", reason: "contention on event ids" }))
              }
              return Effect.fromResult(interpret(request, row, versions))
            })
          )
        return attempt(1)
      })

    /**
     * An append too heavy for one statement: in one transaction, the events go to the session's staging table
     * in chunks of about `appendChunkBytes`, then `append_events` runs on them with `p_ids` NULL (see
     * `internal/stage.ts`). The table is dropped before the transaction ends, so an enclosing transaction of the
     * caller's can stage again. A function older than migration 2 would take the NULL ids for an append without
     * events and report no positions: the transaction is then rolled back and the append refused.
     */
    const staged = (
      a: {
        readonly streams: ReadonlyArray<string>
        readonly categories: ReadonlyArray<string>
        readonly expected: ReadonlyArray<string>
        readonly counts: ReadonlyArray<number>
        readonly lockOrder: ReadonlyArray<number>
        readonly eventStream: ReadonlyArray<number>
        readonly eventOffset: ReadonlyArray<number>
        readonly ids: ReadonlyArray<string>
        readonly types: ReadonlyArray<string>
        readonly versions: ReadonlyArray<number>
        readonly data: ReadonlyArray<string>
      },
      metadata: string | ReadonlyArray<string>
    ): Effect.Effect<Row, SqlError | StoreUnavailable> =>
      sql.withTransaction(Effect.gen(function*() {
        yield* run(`DROP TABLE IF EXISTS ${Stage.stageTable}`, [])
        yield* run(Stage.createStage, [])
        const total = a.ids.length
        let from = 0
        while (from < total) {
          let to = from
          let chunk = 0
          while (to < total && (to === from || chunk < chunkWeight)) {
            const streamId = a.streams[a.eventStream[to]! - 1]!
            chunk += a.data[to]!.length + a.types[to]!.length + streamId.length + eventAllowance
              + (typeof metadata === "string" ? 0 : metadata[to]!.length)
            to++
          }
          const streamIds: Array<string> = []
          for (let k = from; k < to; k++) streamIds.push(a.streams[a.eventStream[k]! - 1]!)
          yield* run(Stage.fillStage, [
            from,
            streamIds,
            a.eventStream.slice(from, to),
            a.eventOffset.slice(from, to),
            a.ids.slice(from, to),
            a.types.slice(from, to),
            a.versions.slice(from, to),
            a.data.slice(from, to),
            typeof metadata === "string" ? [] : metadata.slice(from, to)
          ])
          from = to
        }
        const rows = yield* run(appendSql, [
          a.streams,
          a.categories,
          a.expected,
          a.counts,
          a.lockOrder,
          [],
          [],
          null,
          null,
          null,
          null,
          typeof metadata === "string" ? [metadata] : [],
          notify
        ])
        const row = rows[0]!
        if (row[0] === "ok" && (row[3] as ReadonlyArray<unknown>).length !== total) {
          return yield* Effect.fail(
            new StoreUnavailable({ operation: "append", reason: "append_events predates migration 2" })
          )
        }
        yield* run(`DROP TABLE ${Stage.stageTable}`, [])
        return row
      }))

    const interpret = (
      request: ReadonlyArray<EventStore.AppendToStream>,
      row: Row,
      schemaVersions: ReadonlyArray<number>
    ): Result.Result<EventStore.AppendResult, AppendError> => {
      const status = row[0] as string
      const current = (row[2] as ReadonlyArray<unknown>).map(toNumber)
      if (status === "conflict") {
        const index = (row[1] as number) - 1
        const part = request[index]!
        return Result.fail(
          new VersionConflict({ streamId: part.streamId, expected: part.expected, actual: current[index]! })
        )
      }
      if (status === "stored") {
        const found = new Map<string, EventStore.StoredPosition>()
        const foundIds = row[4] as ReadonlyArray<string>
        const foundStreams = row[5] as ReadonlyArray<string>
        const foundStreamPositions = row[6] as ReadonlyArray<unknown>
        const foundPositions = row[7] as ReadonlyArray<unknown>
        const foundVersions = row[8] as ReadonlyArray<number>
        for (let i = 0; i < foundIds.length; i++) {
          found.set(foundIds[i]!, {
            eventId: foundIds[i]!,
            streamId: foundStreams[i]!,
            streamPosition: toNumber(foundStreamPositions[i]),
            globalPosition: toNumber(foundPositions[i]),
            schemaVersion: foundVersions[i]!
          })
        }
        // Asked once per stream without events: an index of the request, built on first use, keeps a large
        // request's classification linear.
        let indexOf: Map<string, number> | undefined
        const versionOf = (streamId: Envelope.StreamId) => {
          if (indexOf === undefined) {
            indexOf = new Map()
            for (let i = 0; i < request.length; i++) indexOf.set(request[i]!.streamId, i)
          }
          return current[indexOf.get(streamId) ?? -1] ?? 0
        }
        // Ask for the stored positions in request order, as the kernel's classification returns them.
        const ordered = new Map<string, EventStore.StoredPosition>()
        for (const part of request) {
          for (const event of part.events) {
            const stored = found.get(event.eventId.toLowerCase()) ?? found.get(event.eventId)
            if (stored !== undefined) ordered.set(event.eventId, { ...stored, eventId: event.eventId })
          }
        }
        const classified = AppendRequest.classifyStored(request, ordered, versionOf)
        if (Result.isFailure(classified)) return Result.fail(classified.failure)
        return Result.succeed(classified.success!)
      }
      const positions = (row[3] as ReadonlyArray<unknown>).map(toNumber)
      const stored: Array<EventStore.StoredPosition> = []
      const resultStreams: Array<{ streamId: Envelope.StreamId; version: number }> = []
      let k = 0
      for (let i = 0; i < request.length; i++) {
        const part = request[i]!
        const before = current[i]!
        for (let j = 0; j < part.events.length; j++) {
          stored.push({
            eventId: part.events[j]!.eventId,
            streamId: part.streamId,
            streamPosition: before + j + 1,
            globalPosition: positions[k]!,
            schemaVersion: schemaVersions[k]!
          })
          k++
        }
        resultStreams.push({ streamId: part.streamId, version: before + part.events.length })
      }
      return Result.succeed({
        alreadyStored: false,
        streams: resultStreams,
        positions: stored,
        lastGlobalPosition: positions.length > 0 ? positions[positions.length - 1]! : 0
      })
    }

    // ---- reads --------------------------------------------------------------------------------------------

    // Metadata is read as text: one command's events share it, so a run of rows carries the same text and it is
    // parsed and checked once per run (envelopes are immutable, so sharing the parsed object is safe).
    let lastMetadataText: string | undefined
    let lastMetadata: Envelope.EventMetadata | undefined
    const metadataOf = (text: unknown): Envelope.EventMetadata | undefined => {
      if (text === lastMetadataText) return lastMetadata
      if (typeof text !== "string") return undefined
      let parsed: unknown
      try {
        parsed = JSON.parse(text)
      } catch {
        return undefined
      }
      if (!Envelope.isEventMetadata(parsed)) return undefined
      lastMetadataText = text
      lastMetadata = parsed
      return parsed
    }

    // Why the last row of a page failed to decode, when `decodeRow` returned `null`. Rows are decoded in one loop
    // per page, so a failure travels in this variable rather than in a `Result` allocated for every row.
    let decodeFailure: ReadError | undefined
    const corrupt = (globalPosition: number, reason: string): null => {
      decodeFailure = new CorruptEvent({ globalPosition, reason })
      return null
    }

    /**
     * Decodes one stored event: `undefined` when the codec's policy skips it, `null` when it fails. A lean row
     * (read without event id and metadata) becomes an envelope without them, a bare row one without its stream
     * id and stream position as well.
     */
    const decodeRow = (
      globalPosition: number,
      streamId: string,
      streamPosition: number,
      eventId: unknown,
      type: unknown,
      schemaVersion: unknown,
      data: unknown,
      metadataText: unknown,
      shape: EventStore.ReadShape
    ): Envelope.Envelope | undefined | null => {
      const full = shape === "full"
      if ((full && typeof eventId !== "string") || typeof type !== "string" || typeof schemaVersion !== "number") {
        return corrupt(globalPosition, "missing id, type or schema version")
      }
      const metadata = full ? metadataOf(metadataText) : undefined
      if (full && metadata === undefined) {
        return corrupt(globalPosition, "metadata is not an object with occurredAt and recordedAt")
      }
      const decoded = codec.decode(
        { type, schemaVersion, data },
        shape === "bare" ? undefined : { streamId, streamPosition }
      )
      if (Result.isFailure(decoded)) {
        decodeFailure = decoded.failure
        return null
      }
      if (decoded.success === undefined) return undefined
      // The partial shapes are typed as envelopes for the page's one array; `readAll` hands them out as the
      // partial envelopes they are.
      if (shape === "bare") {
        return { globalPosition, type, schemaVersion, data: decoded.success } as Envelope.Envelope
      }
      if (shape === "lean") {
        return {
          streamId,
          streamPosition,
          globalPosition,
          type,
          schemaVersion,
          data: decoded.success
        } as Envelope.Envelope
      }
      return {
        eventId: eventId as string,
        streamId,
        streamPosition,
        globalPosition,
        type,
        schemaVersion,
        data: decoded.success,
        metadata: metadata!
      }
    }

    const readStream: EventStore.EventStoreShape["readStream"] = (streamId, readOptions) => {
      const after = Math.max(0, readOptions?.after ?? 0)
      const query = after === 0 ? run(readStreamSql, [streamId]) : run(readStreamAfterSql, [streamId, after])
      return query.pipe(
        Effect.mapError(Failures.unavailable("readStream")),
        Effect.flatMap((rows): Effect.Effect<EventStore.StreamRead, ReadError> => {
          const events: Array<Envelope.Envelope> = []
          let version = 0
          for (const row of rows) {
            if (after > 0) version = toNumber(row[7])
            if (row[0] === null) continue
            const streamPosition = toNumber(row[1])
            if (after === 0) version = streamPosition
            const decoded = decodeRow(
              toNumber(row[0]),
              streamId,
              streamPosition,
              row[2],
              row[3],
              row[4],
              row[5],
              row[6],
              "full"
            )
            if (decoded === null) return Effect.fail(decodeFailure!)
            if (decoded !== undefined) events.push(decoded)
          }
          return Effect.succeed({ streamId, version, events })
        })
      )
    }

    /**
     * One page of the settled log: every row up to the last one whose horizon is below the snapshot's xmin,
     * then only rows without a hole before them. `consumed` is the position of the last row taken (decoded
     * or skipped by the codec's policy); `complete` says every row was taken and the page was full.
     */
    const readPage = (
      after: number,
      limit: number,
      shape: EventStore.ReadShape
    ): Effect.Effect<{ events: Array<Envelope.Envelope>; consumed: number; complete: boolean }, ReadError> =>
      run(readAllSql[shape], [after, limit]).pipe(
        Effect.mapError(Failures.unavailable("readAll")),
        Effect.flatMap((rows) => {
          let lastSettled = -1
          for (let i = rows.length - 1; i >= 0; i--) {
            if (rows[i]![8] === true) {
              lastSettled = i
              break
            }
          }
          const events: Array<Envelope.Envelope> = []
          let previous = after
          let taken = 0
          for (let i = 0; i < rows.length; i++) {
            const row = rows[i]!
            const position = toNumber(row[0])
            if (i > lastSettled && position !== previous + 1) break
            const decoded = decodeRow(
              position,
              row[1] as string,
              toNumber(row[2]),
              row[3],
              row[4],
              row[5],
              row[6],
              row[7],
              shape
            )
            if (decoded === null) {
              // A bare row has no stream id or position for a codec error to name: read the page again with
              // them. The rows up to this one are settled and never change, so the same row fails the same way.
              // A corrupt row is named by its global position alone and needs no second read.
              return shape === "bare" && decodeFailure!._tag !== "CorruptEvent"
                ? readPage(after, limit, "lean")
                : Effect.fail(decodeFailure!)
            }
            if (decoded !== undefined) events.push(decoded)
            previous = position
            taken++
          }
          return Effect.succeed({
            events,
            consumed: previous,
            complete: taken === rows.length && rows.length === limit
          })
        })
      )

    const readAll: EventStore.EventStoreShape["readAll"] = (readOptions) =>
      Effect.gen(function*() {
        const limit = Math.max(1, readOptions.limit ?? EventStore.defaultBatchSize)
        let after = Math.max(0, readOptions.after)
        const shape = EventStore.readShapeOf(readOptions.fields)
        const page = yield* readPage(after, limit, shape)
        if (page.events.length === limit || !page.complete) return page.events
        // The codec's policy skipped some events: fill the page, so that a short page still means "at the head".
        const events = page.events.slice()
        after = page.consumed
        while (events.length < limit) {
          const more = yield* readPage(after, limit - events.length, shape)
          for (const event of more.events) events.push(event)
          if (!more.complete) break
          after = more.consumed
        }
        return events
      })

    /** The settled head: the last position before which nothing can still appear. */
    const head: Effect.Effect<number, StoreUnavailable> = Effect.gen(function*() {
      const window = 256
      let below = Number.MAX_SAFE_INTEGER
      const unsettled: Array<number> = []
      while (true) {
        const rows = yield* run(headSql, [below, window]).pipe(Effect.mapError(Failures.unavailable("head")))
        for (const row of rows) {
          const position = toNumber(row[0])
          if (row[1] === true) return contiguousFrom(position, unsettled)
          unsettled.push(position)
        }
        if (rows.length < window) return contiguousFrom(0, unsettled)
        below = unsettled[unsettled.length - 1]!
      }
    })

    // ---- subscriptions ------------------------------------------------------------------------------------

    let signal = Deferred.makeUnsafe<void>()
    const wake = () => {
      const done = signal
      signal = Deferred.makeUnsafe<void>()
      Deferred.doneUnsafe(done, Exit.void)
    }
    // One LISTEN connection per store, opened on first need; if it drops it is opened again, and waiters are
    // woken so that commits made while it was down are read.
    const listener = Effect.scoped(
      Effect.gen(function*() {
        const queue = yield* sql.listen(n.channel)
        wake()
        while (true) {
          yield* Queue.take(queue)
          wake()
        }
      })
    ).pipe(
      Effect.retry(Schedule.spaced(pollInterval)),
      Effect.ignore
    )
    let listening = false
    const ensureListening = Effect.suspend(() => {
      if (listening || !notify) return Effect.void
      listening = true
      return Effect.asVoid(Effect.forkIn(listener, scope))
    })

    // Take the current signal first, then look for new events: a commit in between completes the signal we
    // hold, so no wake-up is lost. Polling covers a lost connection and holes proved dead without a commit.
    const awaitCommitAfter = (position: number): Effect.Effect<void, ReadError> =>
      Effect.gen(function*() {
        yield* ensureListening
        const waiting = signal
        // Only whether an event exists: no field of it is read.
        const next = yield* readAll({ after: position, limit: 1, fields: [] })
        if (next.length > 0) return
        yield* Deferred.await(waiting).pipe(Effect.timeoutOption(pollInterval))
      })

    const shape: EventStore.EventStoreShape = {
      append,
      readStream,
      readAll,
      subscribe: (subscribeOptions) => EventStore.makeSubscription(readAll, awaitCommitAfter, subscribeOptions),
      head,
      // One transaction on one connection: every statement `use` runs on this fiber goes to it (each append's
      // own transaction becomes a savepoint). Its own events are not settled for `readAll` and `head` until it
      // commits; `readStream` sees them.
      atomically: (use) =>
        sql.withTransaction(use(shape)).pipe(
          Effect.mapError((error) => isSqlError(error) ? Failures.unavailable("atomically")(error) : error)
        )
    }
    return EventStore.EventStore.of(shape)
  })

/** The end of the gap-free run that starts at `from`, given unsettled positions in descending order. */
const contiguousFrom = (from: number, descending: ReadonlyArray<number>): number => {
  let head = from
  for (let i = descending.length - 1; i >= 0; i--) {
    if (descending[i] !== head + 1) break
    head = descending[i]!
  }
  return head
}
