import { CommandHandler } from "@dangjian/core/kernel"
import { Snapshot } from "@dangjian/core/store"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option, Result, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { accountAccess, accountDecider, codec } from "./fixtures/domain.ts"
import { freshSchema, skipReason, storeLayer, unreachable } from "./support/database.ts"

const Counter = Schema.Struct({ n: Schema.Int })
const strategy = Snapshot.snapshotEvery(10, "counter-v1", Counter) as Snapshot.AccessStrategy & {
  _tag: "SnapshotEvery"
}

if (unreachable !== undefined) {
  describe("PostgresSnapshotStore", () => {
    it.skip(skipReason, () => {})
  })
} else {
  describe("PostgresSnapshotStore", () => {
    it.live("keeps the newest snapshot per stream and key", () =>
      Effect.gen(function*() {
        const snapshots = yield* Snapshot.SnapshotStore
        assert.isTrue(Option.isNone(yield* snapshots.load("counter-1", strategy)))
        yield* snapshots.save("counter-1", strategy, { version: 20, state: { n: 20 } })
        yield* snapshots.save("counter-1", strategy, { version: 10, state: { n: 10 } })
        assert.deepStrictEqual(Option.getOrThrow(yield* snapshots.load("counter-1", strategy)), {
          version: 20,
          state: { n: 20 }
        })
        const other = { ...strategy, key: "counter-v2" }
        assert.isTrue(Option.isNone(yield* snapshots.load("counter-1", other)))
      }).pipe(Effect.provide(Layer.fresh(storeLayer(codec)))))

    it.live("a snapshot that no longer decodes reads as missing", () => {
      const schema = freshSchema()
      return Effect.gen(function*() {
        const snapshots = yield* Snapshot.SnapshotStore
        yield* snapshots.save("counter-1", strategy, { version: 10, state: { n: 10 } })
        yield* Effect.flatMap(
          SqlClient.SqlClient,
          (sql) => sql.unsafe(`UPDATE "${schema}"."snapshots" SET state = '{"n":"ten"}'`).raw
        )
        assert.isTrue(Option.isNone(yield* snapshots.load("counter-1", strategy)))
        const unencodable = yield* Effect.result(
          snapshots.save("counter-2", strategy, { version: 10, state: { n: 1.5 } })
        )
        assert.isTrue(Result.isFailure(unencodable))
      }).pipe(Effect.provide(Layer.fresh(storeLayer(codec, { schema }))))
    })

    it.live("the command handler loads from the snapshots it saves and decides as on the whole stream", () =>
      Effect.gen(function*() {
        const context = { occurredAt: "2024-03-15" }
        for (let seq = 0; seq < 60; seq++) {
          yield* CommandHandler.handle(
            accountDecider,
            "account-s",
            { _tag: "Deposit", account: "account-s", amount: 2, writer: 0, seq },
            { context, access: accountAccess }
          )
        }
        const saved = Option.getOrThrow(
          yield* Snapshot.SnapshotStore.use((s) => s.load("account-s", accountAccess as never))
        )
        assert.strictEqual(saved.version, 50)
        const fromSnapshot = yield* CommandHandler.load(accountDecider, "account-s", accountAccess)
        const whole = yield* CommandHandler.load(accountDecider, "account-s")
        assert.deepStrictEqual(fromSnapshot, whole)
        assert.deepStrictEqual(whole, { state: { balance: 120, deposits: 60 }, version: 60 })
      }).pipe(Effect.provide(Layer.fresh(storeLayer(codec)))))
  })
}
