import { EventDefinition } from "@dangjian/core/kernel"
import { EventCodec, EventStore, Uuid } from "@dangjian/core/store"
import type { NewEvent } from "@dangjian/core/store"
import { PgClient } from "@effect/sql-pg"
import { assert, describe, it } from "@effect/vitest"
import { Deferred, Effect, Fiber, Layer, Redacted, Result, Schema, Stream } from "effect"
import { SqlClient } from "effect/sql"
import { PostgresStore } from "../src/index.ts"
import { databaseUrl, freshSchema, skipReason, storeLayer, unreachable } from "./support/database.ts"

const Noted = EventDefinition.define(
  "Noted",
  Schema.TaggedStruct("Noted", { text: Schema.String, n: Schema.Int })
)
const codec = EventCodec.make([Noted])
const skipping = EventCodec.make([Noted], { unknownEvents: "skip" })
const metadata = { occurredAt: "2024-03-15", recordedAt: "2024-03-15T08:00:00.000Z" }

const noted = (n: number, text = `note ${n}`): Effect.Effect<NewEvent> =>
  Effect.map(Uuid.v7, (eventId) => ({ eventId, type: "Noted", data: Noted.schema.make({ text, n }), metadata }))

const failureOf = <A, E>(result: Result.Result<A, E>): E & { readonly _tag: string } => {
  assert.isTrue(Result.isFailure(result), "expected a failure")
  return (result as Result.Failure<A, E>).failure as E & { readonly _tag: string }
}

/**
 * Runs `body` in a transaction held open while `use` runs; `use` gets a way to end it (commit or roll back). The
 * transaction is rolled back whatever happens to `use`, so a failing test never leaves a lock behind.
 */
const withHeldTransaction = <A, E, R>(
  body: Effect.Effect<unknown, unknown, SqlClient.SqlClient>,
  use: (end: (how: "commit" | "rollback") => Effect.Effect<void>) => Effect.Effect<A, E, R>
) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const release = yield* Deferred.make<"commit" | "rollback">()
    const started = yield* Deferred.make<void, unknown>()
    const writer = yield* Effect.forkChild(
      sql.withTransaction(Effect.gen(function*() {
        yield* body
        yield* Deferred.succeed(started, undefined)
        if ((yield* Deferred.await(release)) === "rollback") return yield* Effect.fail("rollback" as const)
      })).pipe(
        // If the body itself fails, the test must see why rather than wait for `started` for ever.
        Effect.catch((error) => Effect.asVoid(Deferred.fail(started, error)))
      )
    )
    yield* Deferred.await(started)
    const end = (how: "commit" | "rollback") =>
      Effect.andThen(Deferred.succeed(release, how), Effect.asVoid(Fiber.await(writer)))
    return yield* use(end).pipe(Effect.ensuring(end("rollback")))
  })

if (unreachable !== undefined) {
  describe("PostgresEventStore", () => {
    it.skip(skipReason, () => {})
  })
} else {
  describe("PostgresEventStore", () => {
    it.live("identifiers and values travel only as parameters", () =>
      Effect.gen(function*() {
        const store = yield* EventStore.EventStore
        const streamId = `note-'); DROP TABLE events; --"$$`
        const text = `'; DELETE FROM streams; -- "\\u0000-free" $fn$`
        yield* store.append([{ streamId, expected: "noStream", events: [yield* noted(1, text)] }])
        const read = yield* store.readStream(streamId)
        assert.strictEqual(read.version, 1)
        assert.deepStrictEqual(read.events[0]!.data, Noted.schema.make({ text, n: 1 }))
        assert.strictEqual((yield* store.readAll({ after: 0 })).length, 1)
      }).pipe(Effect.provide(Layer.fresh(storeLayer(codec)))))

    it.live("a reader stops before a position held by a running transaction, and passes it once it commits", () => {
      const schema = freshSchema()
      return Effect.gen(function*() {
        const store = yield* EventStore.EventStore
        yield* store.append([{ streamId: "note-a", expected: "noStream", events: [yield* noted(1)] }])
        // A writer that took position 2 and has not committed: the append function inside an open transaction.
        const sqlText =
          `SELECT status FROM "${schema}"."append_events"(ARRAY['note-held'], ARRAY['note'], ARRAY[-1]::bigint[],
          ARRAY[1], ARRAY[1], ARRAY[]::int[], ARRAY[]::int[], ARRAY[$1]::uuid[], ARRAY['Noted'], ARRAY[1],
          ARRAY[$2], ARRAY[$3], true)`
        const held = yield* noted(2, "held")
        const takePosition = Effect.flatMap(
          SqlClient.SqlClient,
          (sql) => sql.unsafe(sqlText, [held.eventId, JSON.stringify(held.data), JSON.stringify(metadata)]).raw
        )
        yield* withHeldTransaction(takePosition, (end) =>
          Effect.gen(function*() {
            // A later writer commits position 3.
            const later = yield* store.append([{ streamId: "note-b", expected: "noStream", events: [yield* noted(3)] }])
            assert.strictEqual(later.lastGlobalPosition, 3)
            assert.deepStrictEqual((yield* store.readAll({ after: 0 })).map((e) => e.globalPosition), [1])
            assert.strictEqual(yield* store.head, 1)
            // A subscriber started now waits at the hole too, and gets 2 then 3 once the writer commits.
            const subscriber = yield* store.subscribe({ after: 1 }).pipe(
              Stream.take(2),
              Stream.runCollect,
              Effect.forkChild
            )
            yield* Effect.sleep("100 millis")
            yield* end("commit")
            assert.deepStrictEqual((yield* Fiber.join(subscriber)).map((e) => e.globalPosition), [2, 3])
          }))
        assert.deepStrictEqual((yield* store.readAll({ after: 0 })).map((e) => e.globalPosition), [1, 2, 3])
        assert.strictEqual(yield* store.head, 3)
      }).pipe(Effect.provide(Layer.fresh(storeLayer(codec, { schema }))))
    })

    it.live("a position taken by a transaction that rolled back is proved dead and passed", () => {
      const schema = freshSchema()
      return Effect.gen(function*() {
        const store = yield* EventStore.EventStore
        yield* store.append([{ streamId: "note-a", expected: "noStream", events: [yield* noted(1)] }])
        const takePosition = Effect.flatMap(
          SqlClient.SqlClient,
          (sql) => sql.unsafe(`SELECT pg_current_xact_id()::text, nextval('"${schema}"."events_position"')::text`).raw
        )
        yield* withHeldTransaction(takePosition, (end) =>
          Effect.gen(function*() {
            yield* store.append([{ streamId: "note-b", expected: "noStream", events: [yield* noted(3)] }])
            assert.deepStrictEqual((yield* store.readAll({ after: 0 })).map((e) => e.globalPosition), [1])
            yield* end("rollback")
          }))
        // Proving the hole dead needs every transaction older than the later writer to have ended: sessions of
        // other tests on the same server can delay the proof, never prevent it.
        let passed = yield* store.readAll({ after: 0 })
        for (let i = 0; i < 500 && passed.length < 2; i++) {
          yield* Effect.sleep("20 millis")
          passed = yield* store.readAll({ after: 0 })
        }
        assert.deepStrictEqual(passed.map((e) => e.globalPosition), [1, 3])
        assert.deepStrictEqual((yield* store.readAll({ after: 1 })).map((e) => e.globalPosition), [3])
        assert.strictEqual(yield* store.head, 3)
      }).pipe(Effect.provide(Layer.fresh(storeLayer(codec, { schema }))))
    })

    it.live("concurrent re-appends of one batch store it once; the others get the stored positions", () =>
      Effect.gen(function*() {
        const store = yield* EventStore.EventStore
        const events = yield* Effect.all([noted(1), noted(2), noted(3)])
        for (const expected of ["any", 0] as const) {
          const streamId = `note-race-${expected}`
          const batch = events.map((e) => ({ ...e, eventId: Effect.runSync(Uuid.v7) }))
          const results = yield* Effect.all(
            Array.from({ length: 6 }, () => store.append([{ streamId, expected, events: batch }])),
            { concurrency: "unbounded" }
          )
          assert.strictEqual(results.filter((r) => !r.alreadyStored).length, 1)
          for (const r of results) assert.deepStrictEqual(r.positions, results[0]!.positions)
          assert.strictEqual((yield* store.readStream(streamId)).version, 3)
        }
      }).pipe(Effect.provide(Layer.fresh(storeLayer(codec)))))

    it.live("multi-stream appends naming their streams in opposite orders never deadlock", () =>
      Effect.gen(function*() {
        const store = yield* EventStore.EventStore
        const pairs = Array.from({ length: 40 }, (_, i) => i % 2 === 0 ? ["note-x", "note-y"] : ["note-y", "note-x"])
        const results = yield* Effect.all(
          pairs.map(([first, second]) =>
            Effect.flatMap(Effect.all([noted(1), noted(2)]), ([a, b]) =>
              store.append([
                { streamId: first!, expected: "any", events: [a] },
                { streamId: second!, expected: "any", events: [b] }
              ]))
          ),
          { concurrency: "unbounded" }
        )
        assert.strictEqual(results.length, 40)
        assert.strictEqual((yield* store.readStream("note-x")).version, 40)
        assert.strictEqual((yield* store.readStream("note-y")).version, 40)
      }).pipe(Effect.provide(Layer.fresh(storeLayer(codec)))))

    describe("corrupt rows", () => {
      const corrupt = (schema: string, assignment: string) =>
        Effect.flatMap(
          SqlClient.SqlClient,
          (sql) => sql.unsafe(`UPDATE "${schema}"."events" SET ${assignment} WHERE global_position = 2`).raw
        )

      it.live("an unknown type fails reads with UnknownEventType under the fail policy", () => {
        const schema = freshSchema()
        return Effect.gen(function*() {
          const store = yield* EventStore.EventStore
          yield* store.append([{
            streamId: "note-c",
            expected: "noStream",
            events: yield* Effect.all([noted(1), noted(2), noted(3)])
          }])
          yield* corrupt(schema, `type = 'NoSuchEvent'`)
          const error = failureOf(yield* Effect.result(store.readStream("note-c")))
          assert.strictEqual(error._tag, "UnknownEventType")
          assert.deepInclude(error, { type: "NoSuchEvent", streamId: "note-c", streamPosition: 2 })
          assert.strictEqual(failureOf(yield* Effect.result(store.readAll({ after: 0 })))._tag, "UnknownEventType")
          // A read of the type and data only does not fetch the stream columns; its error still names them.
          const bare = failureOf(yield* Effect.result(store.readAll({ after: 0, fields: ["type", "data"] })))
          assert.deepInclude(bare, { _tag: "UnknownEventType", streamId: "note-c", streamPosition: 2 })
          const subscribed = yield* Effect.result(store.subscribe({ after: 0 }).pipe(Stream.take(3), Stream.runCollect))
          assert.strictEqual(failureOf(subscribed)._tag, "UnknownEventType")
        }).pipe(Effect.provide(Layer.fresh(storeLayer(codec, { schema }))))
      })

      it.live("under the skip policy an unknown type is left out and pages stay full", () => {
        const schema = freshSchema()
        return Effect.gen(function*() {
          const store = yield* EventStore.EventStore
          yield* store.append([{
            streamId: "note-c",
            expected: "noStream",
            events: yield* Effect.all([noted(1), noted(2), noted(3), noted(4)])
          }])
          yield* corrupt(schema, `type = 'NoSuchEvent'`)
          const read = yield* store.readStream("note-c")
          assert.strictEqual(read.version, 4)
          assert.deepStrictEqual(read.events.map((e) => e.streamPosition), [1, 3, 4])
          assert.deepStrictEqual((yield* store.readAll({ after: 0, limit: 2 })).map((e) => e.globalPosition), [1, 3])
          assert.deepStrictEqual((yield* store.readAll({ after: 1, limit: 1 })).map((e) => e.globalPosition), [3])
          const bare = yield* store.readAll({ after: 0, limit: 2, fields: ["type", "data"] })
          assert.deepStrictEqual(bare.map((e) => [e.globalPosition, e.type]), [[1, "Noted"], [3, "Noted"]])
          const got = yield* store.subscribe({ after: 0, batchSize: 1 }).pipe(Stream.take(3), Stream.runCollect)
          assert.deepStrictEqual(got.map((e) => e.globalPosition), [1, 3, 4])
        }).pipe(Effect.provide(Layer.fresh(storeLayer(skipping, { schema }))))
      })

      it.live("data that does not decode fails with EventDecodeError and the issue's path", () => {
        const schema = freshSchema()
        return Effect.gen(function*() {
          const store = yield* EventStore.EventStore
          yield* store.append([{
            streamId: "note-c",
            expected: "noStream",
            events: yield* Effect.all([noted(1), noted(2)])
          }])
          yield* corrupt(schema, `data = '{"_tag":"Noted","text":"x","n":"not a number"}'`)
          const error = failureOf(yield* Effect.result(store.readStream("note-c")))
          assert.strictEqual(error._tag, "EventDecodeError")
          assert.deepInclude(error, { path: "n", streamPosition: 2 })
          assert.notInclude(error.message, "not a number")
          const bare = failureOf(yield* Effect.result(store.readAll({ after: 0, fields: ["data"] })))
          assert.deepInclude(bare, { _tag: "EventDecodeError", path: "n", streamId: "note-c", streamPosition: 2 })
          assert.notInclude(bare.message, "not a number")
        }).pipe(Effect.provide(Layer.fresh(storeLayer(codec, { schema }))))
      })

      it.live("a row whose metadata cannot be read is a CorruptEvent; JSON null data is decoded by the codec", () => {
        const schema = freshSchema()
        return Effect.gen(function*() {
          const store = yield* EventStore.EventStore
          yield* store.append([{
            streamId: "note-c",
            expected: "noStream",
            events: yield* Effect.all([noted(1), noted(2)])
          }])
          yield* corrupt(schema, `metadata = '"garbage"'`)
          const error = failureOf(yield* Effect.result(store.readAll({ after: 0 })))
          assert.strictEqual(error._tag, "CorruptEvent")
          assert.strictEqual((error as unknown as { globalPosition: number }).globalPosition, 2)
          yield* corrupt(schema, `metadata = '{"occurredAt":"2026-11-30","recordedAt":7}'`)
          assert.strictEqual(failureOf(yield* Effect.result(store.readStream("note-c")))._tag, "CorruptEvent")
          // null is JSON: the store reads it, and the codec refuses it as a Noted.
          yield* corrupt(schema, `metadata = '${JSON.stringify(metadata)}', data = 'null'`)
          assert.strictEqual(failureOf(yield* Effect.result(store.readStream("note-c")))._tag, "EventDecodeError")
        }).pipe(Effect.provide(Layer.fresh(storeLayer(codec, { schema }))))
      })
    })

    describe("subscriptions", () => {
      const otherWriter = (schema: string) =>
        PostgresStore.layer({ url: Redacted.make(databaseUrl), schema, codec, maxConnections: 2, migrate: false })

      it.live("LISTEN/NOTIFY wakes a subscriber at once when another process appends", () => {
        const schema = freshSchema()
        return Effect.gen(function*() {
          const store = yield* EventStore.EventStore
          const subscriber = yield* store.subscribe({ after: 0 }).pipe(
            Stream.take(1),
            Stream.runCollect,
            Effect.forkChild
          )
          yield* Effect.sleep("300 millis")
          const started = Date.now()
          yield* Effect.flatMap(
            noted(1),
            (event) =>
              EventStore.appendToStream("note-n", "noStream", [event]).pipe(Effect.provide(otherWriter(schema)))
          )
          const got = yield* Fiber.join(subscriber)
          assert.strictEqual(got.length, 1)
          // The poll interval is a minute: only the notification can have woken it.
          assert.isBelow(Date.now() - started, 10_000)
        }).pipe(Effect.provide(Layer.fresh(storeLayer(codec, { schema, pollInterval: "1 minute" }))))
      })

      it.live("without notifications, polling delivers", () => {
        const schema = freshSchema()
        return Effect.gen(function*() {
          const store = yield* EventStore.EventStore
          const subscriber = yield* store.subscribe({ after: 0 }).pipe(
            Stream.take(2),
            Stream.runCollect,
            Effect.forkChild
          )
          yield* Effect.sleep("100 millis")
          yield* Effect.flatMap(
            Effect.all([noted(1), noted(2)]),
            (events) =>
              EventStore.appendToStream("note-p", "noStream", events).pipe(Effect.provide(otherWriter(schema)))
          )
          assert.deepStrictEqual((yield* Fiber.join(subscriber)).map((e) => e.streamPosition), [1, 2])
        }).pipe(
          Effect.provide(Layer.fresh(storeLayer(codec, { schema, notifications: false, pollInterval: "50 millis" })))
        )
      })
    })

    it.live("the layer on its own pool, and a second layer on the same schema, share one log", () => {
      const schema = freshSchema()
      const own = PostgresStore.layer({ url: Redacted.make(databaseUrl), schema, codec, maxConnections: 2 })
      return Effect.gen(function*() {
        yield* Effect.flatMap(
          noted(1),
          (event) => EventStore.appendToStream("note-l", "noStream", [event]).pipe(Effect.provide(own))
        )
        const read = yield* EventStore.EventStore.use((s) => s.readStream("note-l")).pipe(Effect.provide(own))
        assert.strictEqual(read.version, 1)
      }).pipe(
        Effect.ensuring(
          Effect.flatMap(SqlClient.SqlClient, (sql) => sql.unsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).raw)
            .pipe(
              Effect.provide(PgClient.layer({ url: Redacted.make(databaseUrl), maxConnections: 1 })),
              Effect.ignore
            )
        )
      )
    })
  })
}
