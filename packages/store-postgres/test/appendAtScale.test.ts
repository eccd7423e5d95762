/**
 * The point of this file: appends of any size (issue #20, point 4). An import is one atomic append of
 * 10^5–10^6 events to as many as ~170,000 streams; the first body of `append_events` took time quadratic in
 * its size. Here: a 100,000-event append across 25,000 streams, sent as one statement and staged in chunks,
 * stores and reads back every event (not timed: `packages/bench/src/pgAppend.ts` measures); the whole
 * conformance suite passes with every append staged; staging changes no outcome (a property); the staging
 * refuses to run on a schema not yet migrated; migration 2 upgrades a schema at migration 1.
 */
import { EventDefinition } from "@dangjian/core/kernel"
import { EventCodec, EventStore, Uuid } from "@dangjian/core/store"
import type { Envelope } from "@dangjian/core/store"
import { Arbitraries, commandContention, eventStoreConformance } from "@dangjian/testing"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Result, Schema } from "effect"
import { Migrator, SqlClient } from "effect/sql"
import fc from "fast-check"
import { isDeepStrictEqual } from "node:util"
import { Migrations, PostgresStore, StoreConfig } from "../src/index.ts"
import { clientLayer, freshSchema, skipReason, storeLayer, unreachable } from "./support/database.ts"

const Noted = EventDefinition.define(
  "Noted",
  Schema.TaggedStruct("Noted", { text: Schema.String, n: Schema.Int })
)
const codec = EventCodec.make([Noted])
const metadata = { occurredAt: "2024-03-15", recordedAt: "2024-03-15T08:00:00.000Z" }

/** Every append staged, one event per chunk. */
const staged = { appendChunkBytes: 1 } as const

/** One append of `streams` new streams with `perStream` events each; stream s's metadata is its own. */
const importRequest = (streams: number, perStream: number): Array<EventStore.AppendToStream> => {
  const ids = Effect.runSync(Uuid.v7Many(streams * perStream))
  return Array.from({ length: streams }, (_, s) => {
    const own = { ...metadata, correlationId: `import-${s}` }
    return {
      streamId: `import-${s}`,
      expected: "noStream" as const,
      events: Array.from({ length: perStream }, (_, k) => ({
        eventId: ids[s * perStream + k]!,
        type: "Noted",
        data: Noted.schema.make({ text: `stream ${s} event ${k}`, n: k }),
        metadata: own
      }))
    }
  })
}

const namesOf = (schema: string) => Result.getOrThrow(StoreConfig.names({ schema }))

/** Runs `body` on a schema given only the first migration (the first body of `append_events`), then drops it. */
const onSchemaAtMigration1 = <A, E, R>(schema: string, body: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const n = namesOf(schema)
    yield* sql.unsafe(`CREATE SCHEMA ${n.schemaIdent}`).raw
    const first = Migrations.migrations(n)["1_event_store"]!
    yield* Migrator.make({})({ loader: Migrator.fromRecord({ "1_event_store": first }), table: n.migrationsTable })
    return yield* body
  }).pipe(
    Effect.ensuring(
      Effect.flatMap(SqlClient.SqlClient, (sql) => sql.unsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).raw)
        .pipe(Effect.ignore)
    )
  )

const storeOn = (schema: string, settings: { readonly appendChunkBytes?: number } = {}) =>
  PostgresStore.layerClient({ codec, schema, migrate: false, ...settings })

if (unreachable !== undefined) {
  describe("appends at scale", () => {
    it.skip(skipReason, () => {})
  })
} else {
  // The whole contract again with every append staged in chunks of one event.
  eventStoreConformance("postgres, staged appends", { makeStore: (c) => storeLayer(c, staged) })
  commandContention("postgres, staged appends", { makeStore: (c) => storeLayer(c, staged) })

  describe("appends at scale", () => {
    for (
      const [how, settings] of [["one statement", {}], ["staged in chunks", { appendChunkBytes: 1 << 20 }]] as const
    ) {
      it.live(
        `a 100,000-event append across 25,000 streams succeeds and reads back (${how})`,
        () =>
          Effect.gen(function*() {
            const store = yield* EventStore.EventStore
            const request = importRequest(25_000, 4)
            const result = yield* store.append(request)
            assert.isFalse(result.alreadyStored)
            assert.strictEqual(result.positions.length, 100_000)
            assert.isTrue(result.streams.every((s, i) => s.streamId === `import-${i}` && s.version === 4))
            // A fresh schema burns no position: the append holds 1…100,000, in request order.
            assert.isTrue(
              result.positions.every((p, i) => p.globalPosition === i + 1 && p.streamPosition === i % 4 + 1)
            )
            assert.strictEqual(result.lastGlobalPosition, 100_000)
            assert.strictEqual(yield* store.head, 100_000)
            let read = 0
            let after = 0
            while (true) {
              const page: ReadonlyArray<Envelope.Envelope> = yield* store.readAll({ after, limit: 10_000 })
              if (page.length === 0) break
              for (const e of page) {
                const s = Math.floor(read / 4)
                const k = read % 4
                const sent = request[s]!.events[k]!
                if (
                  e.globalPosition !== read + 1 || e.streamId !== `import-${s}` || e.streamPosition !== k + 1
                  || e.eventId !== sent.eventId || !isDeepStrictEqual(e.data, sent.data)
                  || e.metadata.correlationId !== `import-${s}`
                ) {
                  assert.fail(`event ${read + 1} read back differs`)
                }
                read++
              }
              after = page[page.length - 1]!.globalPosition
            }
            assert.strictEqual(read, 100_000)
            for (const s of [0, 12_345, 24_999]) {
              const stream = yield* store.readStream(`import-${s}`)
              assert.strictEqual(stream.version, 4)
              assert.deepStrictEqual(stream.events.map((e) => e.eventId), request[s]!.events.map((e) => e.eventId))
            }
            // Appended again, the same request is an idempotent re-append.
            const again = yield* store.append(request)
            assert.isTrue(again.alreadyStored)
            assert.strictEqual(again.lastGlobalPosition, 100_000)
          }).pipe(Effect.provide(Layer.fresh(storeLayer(codec, settings)))),
        { timeout: 600_000 }
      )
    }

    it.live(
      "staging changes no outcome: the same appends, sent whole or staged, give the same results and log",
      () =>
        Effect.promise(() => {
          const text = fc.string({ unit: "grapheme", maxLength: 12 })
          const batch = fc.tuple(
            Arbitraries.appendBatch(fc.record({ _tag: fc.constant("Noted" as const), text, n: fc.integer() }), {
              maxStreams: 4,
              maxEventsPerStream: 5,
              streamPrefix: "note"
            }),
            fc.boolean()
          ).map(([parts, ownMetadata]) =>
            // Every event's own metadata, or one shared by the whole batch (staged as NULL): both paths.
            parts.map((part) => ({
              ...part,
              events: part.events.map((event, k) =>
                ownMetadata
                  ? { ...event, metadata: { ...event.metadata, recordedAt: `2024-01-01T00:00:0${k}.000Z` } }
                  : event
              )
            }))
          )
          const property = fc.asyncProperty(
            fc.array(batch, { minLength: 1, maxLength: 3 }),
            fc.integer({ min: 1, max: 400 }),
            (batches, chunk) => {
              // Ids are numbered from 1 in every batch: renumber them so that the batches of one run differ.
              let next = 0
              const requests = batches.map((parts) =>
                parts.map((part) => ({
                  ...part,
                  events: part.events.map((event) => ({
                    ...event,
                    eventId: `00000000-0000-7000-8000-${String(++next).padStart(12, "0")}`
                  }))
                }))
              )
              // Each request, then the first again (an idempotent re-append, or a conflict).
              const appendAll = Effect.gen(function*() {
                const store = yield* EventStore.EventStore
                const outcomes: Array<unknown> = []
                for (const request of [...requests, requests[0]!]) {
                  const outcome = yield* Effect.result(store.append(request))
                  outcomes.push(
                    Result.isSuccess(outcome) ? outcome.success : JSON.stringify(outcome.failure)
                  )
                }
                const log = yield* store.readAll({ after: 0, limit: 1_000 })
                return { outcomes, log }
              })
              return Effect.runPromise(Effect.gen(function*() {
                const whole = yield* appendAll.pipe(Effect.provide(Layer.fresh(storeLayer(codec))))
                const inChunks = yield* appendAll.pipe(
                  Effect.provide(Layer.fresh(storeLayer(codec, { appendChunkBytes: chunk })))
                )
                return isDeepStrictEqual(whole, inChunks)
              }))
            }
          )
          return fc.assert(property, { numRuns: 12 })
        }),
      { timeout: 300_000 }
    )

    it.live("two staged appends in one enclosing transaction: both commit with it, or neither", () =>
      Effect.gen(function*() {
        const store = yield* EventStore.EventStore
        const sql = yield* SqlClient.SqlClient
        const [a, b] = [importRequest(3, 2), importRequest(3, 2).map((p) => ({ ...p, streamId: `${p.streamId}b` }))]
        yield* sql.withTransaction(Effect.andThen(store.append(a), store.append(b)))
        assert.strictEqual(yield* store.head, 12)
        const [c, d] = [importRequest(2, 2), importRequest(2, 2)].map((r, i) =>
          r.map((p) => ({ ...p, streamId: `${p.streamId}-rolled-${i}` }))
        )
        const rolledBack = yield* Effect.result(
          sql.withTransaction(Effect.andThen(Effect.andThen(store.append(c!), store.append(d!)), Effect.fail("undo")))
        )
        assert.isTrue(Result.isFailure(rolledBack))
        assert.strictEqual((yield* store.readStream("import-0-rolled-0")).version, 0)
        const log = yield* store.readAll({ after: 0, limit: 1_000 })
        assert.deepStrictEqual(log.map((e) => e.streamId).filter((id) => id.includes("rolled")), [])
      }).pipe(Effect.provide(Layer.fresh(storeLayer(codec, staged)))))

    it.live("a client on a schema still at migration 1 appends in one statement, and refuses to stage", () => {
      const schema = freshSchema("m1")
      return onSchemaAtMigration1(
        schema,
        Effect.gen(function*() {
          const whole = yield* EventStore.EventStore.use((s) => s.append(importRequest(3, 2))).pipe(
            Effect.provide(storeOn(schema))
          )
          assert.strictEqual(whole.lastGlobalPosition, 6)
          const refused = yield* Effect.result(
            EventStore.EventStore.use((s) =>
              s.append(importRequest(2, 2).map((p) => ({ ...p, streamId: `${p.streamId}x` })))
            )
              .pipe(Effect.provide(storeOn(schema, staged)))
          )
          assert.isTrue(Result.isFailure(refused))
          assert.deepInclude((refused as Result.Failure<unknown, object>).failure, {
            _tag: "StoreUnavailable",
            reason: "append_events predates migration 2"
          })
          // Nothing of the refused append was kept, not even its streams.
          const sql = yield* SqlClient.SqlClient
          const counts = yield* sql.unsafe<{ events: number; streams: number }>(
            `SELECT (SELECT count(*)::int FROM "${schema}"."events") AS events,
                    (SELECT count(*)::int FROM "${schema}"."streams") AS streams`
          )
          assert.deepStrictEqual(counts[0], { events: 6, streams: 3 })
        })
      ).pipe(Effect.provide(clientLayer()))
    })

    it.live("migration 2 replaces append_events on a schema at migration 1, whose streams go on from their versions", () => {
      const schema = freshSchema("m2")
      return onSchemaAtMigration1(
        schema,
        Effect.gen(function*() {
          const sql = yield* SqlClient.SqlClient
          const n = namesOf(schema)
          const before = importRequest(2, 3)
          yield* EventStore.EventStore.use((s) => s.append(before)).pipe(Effect.provide(storeOn(schema)))
          const source = sql.unsafe<{ src: string }>(
            `SELECT p.prosrc AS src FROM pg_proc p JOIN pg_namespace s ON s.oid = p.pronamespace
             WHERE s.nspname = '${schema}' AND p.proname = 'append_events'`
          )
          assert.notInclude((yield* source)[0]!.src, "v_staged")
          const applied = yield* Migrations.migrate(n)
          // Migration 2 and whatever follows it, in order.
          assert.deepStrictEqual(applied[0], [2, "linear_append"])
          const functions = yield* source
          assert.strictEqual(functions.length, 1)
          assert.include(functions[0]!.src, "v_staged")
          assert.deepStrictEqual(yield* Migrations.migrate(n), [])
          // The streams written by the first body go on from their versions, whole or staged.
          for (const settings of [{}, staged]) {
            const next = yield* EventStore.EventStore.use((s) =>
              Effect.flatMap(Uuid.v7, (eventId) =>
                s.append(before.map((part, i) => ({
                  streamId: part.streamId,
                  expected: "exists" as const,
                  events: i === 0
                    ? [{ eventId, type: "Noted", data: Noted.schema.make({ text: "next", n: 9 }), metadata }]
                    : []
                }))))
            ).pipe(Effect.provide(storeOn(schema, settings)))
            assert.deepStrictEqual(next.streams.map((s) => s.version), [settings === staged ? 5 : 4, 3])
          }
        })
      ).pipe(Effect.provide(clientLayer()))
    })

    it.live("append_events refuses per-stream counts that do not match the events (SQLSTATE 22023)", () => {
      const schema = freshSchema()
      return Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        const call = (counts: string) =>
          sql.unsafe(
            `SELECT status FROM "${schema}"."append_events"(ARRAY['note-a', 'note-b'], ARRAY['note', 'note'],
              ARRAY[-1, -1]::bigint[], ${counts}::int[], ARRAY[1, 2], ARRAY[]::int[], ARRAY[]::int[],
              ARRAY[$1, $2]::uuid[], ARRAY['Noted', 'Noted'], ARRAY[1, 1], ARRAY['{"_tag":"Noted","text":"a","n":1}',
              '{"_tag":"Noted","text":"b","n":2}'], ARRAY[$3], false)`,
            [Effect.runSync(Uuid.v7), Effect.runSync(Uuid.v7), JSON.stringify(metadata)]
          ).values
        const sqlStateOf = (result: Result.Result<unknown, unknown>) =>
          Result.isFailure(result)
            ? ((result.failure as { reason?: { cause?: { code?: unknown } } }).reason?.cause?.code)
            : "succeeded"
        assert.strictEqual(sqlStateOf(yield* Effect.result(call("ARRAY[2, 1]"))), "22023")
        assert.strictEqual(sqlStateOf(yield* Effect.result(call("ARRAY[2]"))), "22023")
        assert.deepStrictEqual(yield* call("ARRAY[1, 1]"), [["ok"]])
        const versions = yield* sql.unsafe<{ stream_id: string; version: number }>(
          `SELECT stream_id, version::int FROM "${schema}"."streams" ORDER BY stream_id`
        )
        assert.deepStrictEqual(versions.map((r) => [r.stream_id, r.version]), [["note-a", 1], ["note-b", 1]])
      }).pipe(Effect.provide(Layer.fresh(storeLayer(codec, { schema }))))
    })
  })
}
