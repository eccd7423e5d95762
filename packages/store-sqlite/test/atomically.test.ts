// `atomically` on SQLite holds one connection's transaction across many Effect steps: the other operations of
// the process's stores on that database wait for it (and then see all of it, or none), an operation called from
// inside it fails at once rather than waiting for itself, and another process is kept out only from the first
// written part on.
import { EventStore, ReadModel, Uuid } from "@dangjian/core/store"
import { conformanceCodec, ThingNoted, thingTimelines } from "@dangjian/testing"
import { assert, describe, it } from "@effect/vitest"
import { Deferred, Effect, Fiber, Layer, Result } from "effect"
import { DatabaseSync } from "node:sqlite"
import { SqliteStore } from "../src/index.ts"
import { freshFile } from "./support/children.ts"

const metadata = { occurredAt: "2024-03-15", recordedAt: "2024-03-15T08:00:00.000Z" }
const note = (thingId: string, n: number) =>
  Effect.map(Uuid.v7, (eventId) => ({
    eventId,
    type: "ThingNoted",
    data: ThingNoted.schema.make({ thingId, n }),
    metadata
  }))

const onFile = (file: string) => Layer.fresh(SqliteStore.layer({ filename: file, codec: conformanceCodec }))

describe("SqliteEventStore.atomically", () => {
  it.live("other fibers' operations wait for the transaction, then see all of it", () =>
    Effect.gen(function*() {
      const store = yield* EventStore.EventStore
      const inside = yield* Deferred.make<void>()
      const seen: Array<string> = []
      const transaction = yield* Effect.forkChild(store.atomically!((tx) =>
        Effect.gen(function*() {
          yield* tx.append([{ streamId: "thing-a", expected: "noStream", events: [yield* note("a", 1)] }])
          yield* Deferred.succeed(inside, undefined)
          yield* Effect.sleep("100 millis")
          seen.push("appended twice")
          yield* tx.append([{ streamId: "thing-a", expected: 1, events: [yield* note("a", 2)] }])
        })
      ))
      yield* Deferred.await(inside)
      // Started while the transaction holds the connection: they run after it, and see both events.
      const [read, rows] = yield* Effect.all([
        Effect.map(store.readStream("thing-a"), (r) => {
          seen.push("read")
          return r.version
        }),
        ReadModel.catchUp(thingTimelines)
      ], { concurrency: "unbounded" })
      yield* Fiber.join(transaction)
      assert.deepStrictEqual(seen, ["appended twice", "read"])
      assert.strictEqual(read, 2)
      assert.strictEqual(rows.position, 2)
    }).pipe(Effect.provide(onFile(freshFile("atomically-wait")))))

  it.live("an operation on the same database from inside fails at once with StoreUnavailable", () =>
    Effect.gen(function*() {
      const store = yield* EventStore.EventStore
      const outcome = yield* store.atomically!((tx) =>
        Effect.gen(function*() {
          yield* tx.append([{ streamId: "thing-b", expected: "noStream", events: [yield* note("b", 1)] }])
          const tagOf = <A, E extends { readonly _tag: string }>(r: Result.Result<A, E>) =>
            Result.isFailure(r) ? r.failure._tag : "ran"
          return [
            tagOf(yield* Effect.result(store.head)),
            tagOf(yield* Effect.result(ReadModel.catchUp(thingTimelines)))
          ]
        })
      )
      assert.deepStrictEqual(outcome, ["StoreUnavailable", "StoreUnavailable"])
      // The transaction itself went through.
      assert.strictEqual((yield* store.readStream("thing-b")).version, 1)
    }).pipe(Effect.provide(onFile(freshFile("atomically-reentry")))))

  it.live("another process writes freely until the first part is written, and is kept out from then on", () => {
    const file = freshFile("atomically-lock")
    return Effect.gen(function*() {
      const store = yield* EventStore.EventStore
      yield* store.append([{ streamId: "thing-c", expected: "noStream", events: [yield* note("c", 1)] }])
      const other = new DatabaseSync(file, { timeout: 0 })
      const write = () => {
        try {
          other.exec("BEGIN IMMEDIATE")
          other.exec("ROLLBACK")
          return "wrote"
        } catch {
          return "busy"
        }
      }
      const outcome = yield* store.atomically!((tx) =>
        Effect.gen(function*() {
          yield* tx.readStream("thing-c")
          const beforeFirstPart = write()
          yield* tx.append([{ streamId: "thing-c", expected: 1, events: [yield* note("c", 2)] }])
          return [beforeFirstPart, write()]
        })
      )
      const after = write()
      other.close()
      assert.deepStrictEqual([...outcome, after], ["wrote", "busy", "wrote"])
    }).pipe(Effect.provide(onFile(file)))
  })
})
