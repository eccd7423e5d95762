// `ReadModel.catchUpAll` reads the next batch and runs a model's commit while the other models fold. A model's
// commit that loses a race to another runner is only seen when the model is about to fold again (or at the end):
// the model is then caught up alone, and every model still ends with the rows a fold of the log gives.
import { Compliance, Dangjian, MemoryStore } from "@dangjian/core"
import { EventStore, ReadModel, StoreUnavailable } from "@dangjian/core/kernel"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { establish } from "./townships.ts"

/** A township and its villages: enough events for many batches of 7. */
const history = Effect.gen(function*() {
  yield* Dangjian.decodeAndExecute(establish("town"))
  for (let v = 0; v < 12; v++) yield* Dangjian.decodeAndExecute(establish(`v${v}`, "town"))
})

const rowsOf = (models: ReadonlyArray<ReadModel.ReadModel<any>>) =>
  Effect.forEach(
    models,
    (model) =>
      Effect.map(
        ReadModel.load(model),
        (loaded) => [...loaded.entries()].sort(([a], [b]) => ReadModel.compareKeys(a, b))
      )
  )

describe("ReadModel.catchUpAll", () => {
  it.effect("a commit that loses a race while the next batch folds: the model finishes alone, every row as a fold's", () =>
    Effect.gen(function*() {
      yield* history
      const rows = yield* ReadModel.ReadModelStore
      const events = yield* EventStore.EventStore
      const head = yield* EventStore.EventStore.use((s) => s.head)
      const raced = Compliance.readModels[0]
      let rivals = 0
      let lost = 0
      // Before this runner's first commit of the raced model lands, another runner catches that model up to the
      // head: the commit then finds the checkpoint moved.
      const racing: ReadModel.ReadModelStoreShape = {
        ...rows,
        commit: (model, commit) =>
          model.name === raced.name && rivals === 0
            ? Effect.gen(function*() {
              rivals++
              yield* ReadModel.catchUp(raced).pipe(
                Effect.provideService(ReadModel.ReadModelStore, rows),
                Effect.provideService(EventStore.EventStore, events),
                Effect.orDie
              )
              return yield* rows.commit(model, commit).pipe(
                Effect.tapError((e) => Effect.sync(() => e._tag === "CheckpointMoved" && lost++))
              )
            })
            : rows.commit(model, commit)
      }
      const caught = yield* ReadModel.catchUpAll(Compliance.readModels, { batchSize: 7 }).pipe(
        Effect.provideService(ReadModel.ReadModelStore, racing)
      )
      assert.deepStrictEqual([rivals, lost], [1, 1])
      assert.isTrue(caught.every((c) => c.position === head))
      for (const model of Compliance.readModels) assert.strictEqual(yield* rows.position(model), head)
      // The same rows as one runner alone on a fresh store.
      const together = yield* rowsOf(Compliance.readModels)
      const alone = yield* Effect.gen(function*() {
        yield* history
        yield* ReadModel.catchUpAll(Compliance.readModels, { batchSize: 5_000 })
        return yield* rowsOf(Compliance.readModels)
      }).pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec })))
      assert.deepStrictEqual(together, alone)
      assert.isTrue(together.some((model) => model.length > 0))
    }).pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec }))))

  it.effect("a store failure in a commit in flight fails the catch-up with it", () =>
    Effect.gen(function*() {
      yield* history
      const rows = yield* ReadModel.ReadModelStore
      const failing: ReadModel.ReadModelStoreShape = {
        ...rows,
        commit: (model, commit) =>
          model.name === Compliance.readModels[2].name
            ? Effect.fail(new StoreUnavailable({ operation: "readModel.commit", reason: "test" }))
            : rows.commit(model, commit)
      }
      const error = yield* Effect.flip(
        ReadModel.catchUpAll(Compliance.readModels, { batchSize: 7 }).pipe(
          Effect.provideService(ReadModel.ReadModelStore, failing)
        )
      )
      assert.strictEqual(error._tag, "StoreUnavailable")
    }).pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec }))))
})
