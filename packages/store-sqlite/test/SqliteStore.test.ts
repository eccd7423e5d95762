import { CommandHandler } from "@dangjian/core/kernel"
import { EventStore, Projection, Snapshot, Uuid } from "@dangjian/core/store"
import { conformanceCodec, ThingNoted } from "@dangjian/testing"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option, Result, Schema } from "effect"
import { DatabaseSync } from "node:sqlite"
import { SqliteStore } from "../src/index.ts"
import { accountAccess, accountDecider, codec } from "./fixtures/domain.ts"
import { freshFile } from "./support/children.ts"

const metadata = { occurredAt: "2024-03-15", recordedAt: "2024-03-15T08:00:00.000Z" }
const note = (n: number) =>
  Effect.map(
    Uuid.v7,
    (eventId) => ({ eventId, type: "ThingNoted", data: ThingNoted.schema.make({ thingId: "t", n }), metadata })
  )

const onFile = (file: string) => Layer.fresh(SqliteStore.layer({ filename: file, codec: conformanceCodec }))

const total = Projection.make({
  name: "total",
  version: 1,
  initialState: { sum: 0 },
  apply: (state: { readonly sum: number }, envelope) => ({ sum: state.sum + (envelope.data as { n: number }).n }),
  stateSchema: Schema.Struct({ sum: Schema.Int })
})

describe("SqliteStore", () => {
  it.live("events, read models and snapshots survive closing and reopening the file", () => {
    const file = freshFile("reopen")
    return Effect.gen(function*() {
      yield* Effect.gen(function*() {
        const store = yield* EventStore.EventStore
        yield* store.append([{ streamId: "thing-a", expected: "noStream", events: [yield* note(1), yield* note(2)] }])
        yield* Projection.catchUp(total)
      }).pipe(Effect.provide(onFile(file)))
      yield* Effect.gen(function*() {
        const store = yield* EventStore.EventStore
        assert.strictEqual((yield* store.readStream("thing-a")).version, 2)
        const saved = yield* Projection.ProjectionStore.use((p) => p.load(total))
        assert.deepStrictEqual(Option.getOrThrow(saved), { position: 2, state: { sum: 3 } })
        yield* store.append([{ streamId: "thing-a", expected: 2, events: [yield* note(4)] }])
        assert.deepStrictEqual(yield* Projection.catchUp(total), { position: 3, state: { sum: 7 } })
      }).pipe(Effect.provide(onFile(file)))
    })
  })

  it.live("a projection checkpoint never moves backwards", () =>
    Effect.gen(function*() {
      const projections = yield* Projection.ProjectionStore
      yield* projections.save(total, { position: 5, state: { sum: 10 } })
      yield* projections.save(total, { position: 3, state: { sum: 1 } })
      assert.deepStrictEqual(Option.getOrThrow(yield* projections.load(total)), { position: 5, state: { sum: 10 } })
    }).pipe(Effect.provide(onFile(":memory:"))))

  it.live("snapshots: commands load from the snapshot and agree with a full load", () =>
    Effect.gen(function*() {
      for (let seq = 0; seq < 60; seq++) {
        yield* CommandHandler.handle(accountDecider, "account-1", {
          _tag: "Deposit",
          account: "account-1",
          amount: 2,
          writer: 0,
          seq
        }, { context: { occurredAt: "2024-03-15" }, access: accountAccess })
      }
      const saved = yield* Snapshot.SnapshotStore.use((s) => s.load("account-1", accountAccess as never))
      assert.strictEqual(Option.getOrThrow(saved).version, 50)
      const viaSnapshot = yield* CommandHandler.load(accountDecider, "account-1", accountAccess)
      const full = yield* CommandHandler.load(accountDecider, "account-1")
      assert.deepStrictEqual(viaSnapshot, full)
      assert.deepStrictEqual(full.state, { balance: 120, deposits: 60 })
    }).pipe(Effect.provide(Layer.fresh(SqliteStore.layer({ filename: ":memory:", codec })))))

  // Two events in stream thing-a of a fresh file, for the tests that then spoil the second row by hand.
  const appendTwoNotes = (file: string) =>
    EventStore.EventStore.use((s) =>
      Effect.flatMap(
        Effect.all([note(1), note(2)]),
        (events) => s.append([{ streamId: "thing-a", expected: "noStream", events }])
      )
    ).pipe(Effect.provide(onFile(file)))

  it.live("a corrupt row (bad JSON) is a typed CorruptEvent, an unknown type a typed UnknownEventType", () => {
    const file = freshFile("corrupt")
    return Effect.gen(function*() {
      yield* appendTwoNotes(file)
      const db = new DatabaseSync(file)
      db.exec("UPDATE dangjian_events SET data = '{not json' WHERE global_position = 2")
      db.close()
      const bad = yield* Effect.result(
        EventStore.EventStore.use((s) => s.readStream("thing-a")).pipe(
          Effect.provide(onFile(file))
        )
      )
      assert.isTrue(Result.isFailure(bad))
      const corrupt = (bad as Result.Failure<unknown, any>).failure
      assert.strictEqual(corrupt._tag, "CorruptEvent")
      assert.strictEqual(corrupt.globalPosition, 2)
      const db2 = new DatabaseSync(file)
      db2.exec("UPDATE dangjian_events SET data = '{}', type = 'Vanished' WHERE global_position = 2")
      db2.close()
      const unknown = yield* Effect.result(
        EventStore.EventStore.use((s) => s.readAll({ after: 0 })).pipe(
          Effect.provide(onFile(file))
        )
      )
      assert.strictEqual((unknown as Result.Failure<unknown, any>).failure._tag, "UnknownEventType")
      assert.strictEqual((unknown as Result.Failure<unknown, any>).failure.type, "Vanished")
    })
  })

  it.live("a read of the type and data only: its decode errors still name the stream and position", () => {
    const file = freshFile("bare")
    const readAll = (fields: ReadonlyArray<"type" | "data">) =>
      EventStore.EventStore.use((s) => s.readAll({ after: 0, fields })).pipe(Effect.provide(onFile(file)))
    return Effect.gen(function*() {
      yield* appendTwoNotes(file)
      const bare = yield* readAll(["type", "data"])
      assert.deepStrictEqual(bare.map((e) => [e.globalPosition, e.type, e.data]), [
        [1, "ThingNoted", ThingNoted.schema.make({ thingId: "t", n: 1 })],
        [2, "ThingNoted", ThingNoted.schema.make({ thingId: "t", n: 2 })]
      ])
      const db = new DatabaseSync(file)
      db.exec(`UPDATE dangjian_events SET data = '{"_tag":"ThingNoted","thingId":"t","n":"secret"}'
        WHERE global_position = 2`)
      db.close()
      const undecodable = yield* Effect.result(readAll(["data"]))
      const decodeError = (undecodable as Result.Failure<unknown, any>).failure
      assert.deepInclude(decodeError, { _tag: "EventDecodeError", path: "n", streamId: "thing-a", streamPosition: 2 })
      assert.notInclude(decodeError.message, "secret")
      const db2 = new DatabaseSync(file)
      db2.exec("UPDATE dangjian_events SET data = '{}', type = 'Vanished' WHERE global_position = 2")
      db2.close()
      const vanished = yield* Effect.result(readAll(["type", "data"]))
      const unknown = (vanished as Result.Failure<unknown, any>).failure
      assert.deepInclude(unknown, {
        _tag: "UnknownEventType",
        type: "Vanished",
        streamId: "thing-a",
        streamPosition: 2
      })
    })
  })

  it.live("a row whose metadata cannot be read is a typed CorruptEvent, as in PostgreSQL", () => {
    const file = freshFile("corrupt-metadata")
    const readWith = (metadata: string) =>
      Effect.gen(function*() {
        const db = new DatabaseSync(file)
        db.prepare("UPDATE dangjian_events SET metadata = ? WHERE global_position = 2").run(metadata)
        db.close()
        const read = yield* Effect.result(
          EventStore.EventStore.use((s) => s.readAll({ after: 0 })).pipe(Effect.provide(onFile(file)))
        )
        return Result.isFailure(read) ? (read.failure as { _tag: string; globalPosition?: number }) : undefined
      })
    return Effect.gen(function*() {
      yield* appendTwoNotes(file)
      for (
        const metadata of [
          "\"garbage\"",
          "null",
          "[]",
          "{\"occurredAt\":\"2026-11-30\"}",
          "{\"occurredAt\":\"2026-11-30\",\"recordedAt\":7}"
        ]
      ) {
        const failure = yield* readWith(metadata)
        assert.strictEqual(failure?._tag, "CorruptEvent", metadata)
        assert.strictEqual(failure?.globalPosition, 2)
      }
      assert.isUndefined(yield* readWith("{\"occurredAt\":\"2026-11-30\",\"recordedAt\":\"2026-11-30T00:00:00.000Z\"}"))
    })
  })

  it.live("a hostile table prefix is refused with a typed error and nothing is opened", () =>
    Effect.gen(function*() {
      for (const tablePrefix of ["x; DROP TABLE y; --", "Upper_", "a-b", "", "x".repeat(40)]) {
        const result = yield* Effect.result(
          Effect.provide(EventStore.EventStore, SqliteStore.layer({ filename: ":memory:", codec, tablePrefix }))
        )
        assert.isTrue(Result.isFailure(result))
        const error = (result as Result.Failure<unknown, any>).failure
        assert.strictEqual(error._tag, "InvalidStoreConfig")
        assert.strictEqual(error.field, "tablePrefix")
      }
    }))

  it.live("two stores with different prefixes share one file without seeing each other", () => {
    const file = freshFile("prefix")
    return Effect.gen(function*() {
      const write = (tablePrefix: string, n: number) =>
        EventStore.EventStore.use((s) =>
          Effect.flatMap(note(n), (e) => s.append([{ streamId: "thing-a", expected: "noStream", events: [e] }]))
        ).pipe(Effect.provide(Layer.fresh(SqliteStore.layer({ filename: file, codec: conformanceCodec, tablePrefix }))))
      yield* write("county_a_", 1)
      yield* write("county_b_", 2)
      const read = yield* EventStore.EventStore.use((s) => s.readAll({ after: 0 })).pipe(
        Effect.provide(
          Layer.fresh(SqliteStore.layer({ filename: file, codec: conformanceCodec, tablePrefix: "county_b_" }))
        )
      )
      assert.deepStrictEqual(read.map((e) => (e.data as { n: number }).n), [2])
    })
  })
})
