import { EventDefinition } from "@dangjian/core/kernel"
import { EventCodec, EventStore, Projection, Uuid } from "@dangjian/core/store"
import type { Envelope } from "@dangjian/core/store"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option, Result, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { freshSchema, skipReason, storeLayer, unreachable } from "./support/database.ts"

const Counted = EventDefinition.define("Counted", Schema.TaggedStruct("Counted", { by: Schema.Int }))
const codec = EventCodec.make([Counted])
const metadata = { occurredAt: "2024-03-15", recordedAt: "2024-03-15T08:00:00.000Z" }

/** A read model that is not plain JSON: a Map, encoded with its schema. */
const Totals = Schema.Struct({ total: Schema.Int, perStream: Schema.ReadonlyMap(Schema.String, Schema.Int) })
const totals = (version: number) =>
  Projection.make<typeof Totals.Type>({
    name: "totals",
    version,
    initialState: { total: 0, perStream: new Map() },
    apply: (state, envelope: Envelope.Envelope) => {
      const by = (envelope.data as { by: number }).by
      const perStream = new Map(state.perStream)
      perStream.set(envelope.streamId, (perStream.get(envelope.streamId) ?? 0) + by)
      return { total: state.total + by, perStream }
    },
    stateSchema: Totals
  })

const appendCounts = (streamId: string, values: ReadonlyArray<number>) =>
  Effect.gen(function*() {
    const ids = yield* Uuid.v7Many(values.length)
    yield* EventStore.appendToStream(
      streamId,
      "any",
      values.map((by, i) => ({ eventId: ids[i]!, type: "Counted", data: Counted.schema.make({ by }), metadata }))
    )
  })

if (unreachable !== undefined) {
  describe("PostgresProjectionStore", () => {
    it.skip(skipReason, () => {})
  })
} else {
  describe("PostgresProjectionStore", () => {
    it.live("catchUp persists the read model with its checkpoint and resumes from it without double counting", () =>
      Effect.gen(function*() {
        yield* appendCounts("count-a", [1, 2, 3])
        yield* appendCounts("count-b", [10, 20])
        const first = yield* Projection.catchUp(totals(1), { batchSize: 2 })
        assert.strictEqual(first.state.total, 36)
        yield* appendCounts("count-a", [100])
        const second = yield* Projection.catchUp(totals(1), { batchSize: 2 })
        assert.strictEqual(second.state.total, 136)
        assert.strictEqual(second.state.perStream.get("count-a"), 106)
        const saved = Option.getOrThrow(yield* Projection.ProjectionStore.use((p) => p.load(totals(1))))
        assert.deepStrictEqual(saved, yield* Projection.replay(totals(1)))
        assert.instanceOf(saved.state.perStream, Map)
      }).pipe(Effect.provide(Layer.fresh(storeLayer(codec)))))

    it.live("a rebuild under a new version gets its own row; the old version stays readable", () =>
      Effect.gen(function*() {
        yield* appendCounts("count-a", [1, 2])
        yield* Projection.catchUp(totals(1))
        yield* appendCounts("count-a", [3])
        const rebuilt = yield* Projection.rebuild(totals(2))
        assert.strictEqual(rebuilt.state.total, 6)
        const projections = yield* Projection.ProjectionStore
        assert.strictEqual(Option.getOrThrow(yield* projections.load(totals(1))).state.total, 3)
        assert.strictEqual(Option.getOrThrow(yield* projections.load(totals(2))).state.total, 6)
      }).pipe(Effect.provide(Layer.fresh(storeLayer(codec)))))

    it.live("a save never moves a checkpoint backwards", () =>
      Effect.gen(function*() {
        const projections = yield* Projection.ProjectionStore
        const p = totals(1)
        yield* projections.save(p, { position: 10, state: { total: 10, perStream: new Map() } })
        yield* projections.save(p, { position: 4, state: { total: 4, perStream: new Map() } })
        assert.strictEqual(Option.getOrThrow(yield* projections.load(p)).position, 10)
        yield* projections.save(p, { position: 12, state: { total: 12, perStream: new Map() } })
        assert.strictEqual(Option.getOrThrow(yield* projections.load(p)).state.total, 12)
      }).pipe(Effect.provide(Layer.fresh(storeLayer(codec)))))

    it.live("without a stateSchema, plain JSON is stored as is and anything else is a typed error", () =>
      Effect.gen(function*() {
        const projections = yield* Projection.ProjectionStore
        const plain = Projection.make<{ n: number; list: ReadonlyArray<unknown> }>({
          name: "plain",
          version: 1,
          initialState: { n: 0, list: [] },
          apply: (s) => s
        })
        // NUL and a lone surrogate included: PostgreSQL's jsonb would refuse the first.
        const odd = "a\u0000b \ud800 党建"
        yield* projections.save(plain, { position: 3, state: { n: 3, list: [1, "a", null, true, odd] } })
        assert.deepStrictEqual(Option.getOrThrow(yield* projections.load(plain)).state, {
          n: 3,
          list: [1, "a", null, true, odd]
        })
        const mapped = Projection.make({
          name: "mapped",
          version: 1,
          initialState: new Map<string, number>(),
          apply: (s) => s
        })
        const result = yield* Effect.result(projections.save(mapped, { position: 1, state: new Map([["a", 1]]) }))
        assert.strictEqual(Result.isFailure(result) ? result.failure._tag : "Success", "StoreUnavailable")
      }).pipe(Effect.provide(Layer.fresh(storeLayer(codec)))))

    it.live("a stored read model that no longer decodes is a typed error, not a crash", () => {
      const schema = freshSchema()
      return Effect.gen(function*() {
        const projections = yield* Projection.ProjectionStore
        yield* projections.save(totals(1), { position: 1, state: { total: 1, perStream: new Map() } })
        const sql = yield* SqlClient.SqlClient
        yield* sql.unsafe(`UPDATE "${schema}"."projections" SET state = '{"total":"one"}'`).raw
        const result = yield* Effect.result(projections.load(totals(1)))
        assert.isTrue(Result.isFailure(result))
        if (Result.isFailure(result)) {
          assert.strictEqual(result.failure._tag, "StoreUnavailable")
          assert.include(result.failure.reason, "new version")
        }
      }).pipe(Effect.provide(Layer.fresh(storeLayer(codec, { schema }))))
    })
  })
}
