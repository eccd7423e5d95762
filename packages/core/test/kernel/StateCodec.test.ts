// A read model's `codec` (`ReadModel.StateCodec`): its rows keep what `encode` gives, and every way of reading them
// (`load`, `loadCurrent` with and without a date or keys, `forEachPage`, `get`, a catch-up going on from a row)
// gives states through `decode`; a query of one date decodes only the states that date needs.
import { Dangjian, MemoryStore } from "@dangjian/core"
import { ReadModel } from "@dangjian/core/kernel"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { establish } from "./townships.ts"

let decoded = 0

/** How many events of each organization's stream took effect by each date, kept as text. */
const model: ReadModel.ReadModel<number> = ReadModel.make({
  name: "test.codec",
  version: 1,
  keyOf: (envelope) => envelope.streamId.startsWith("organization-") ? envelope.streamId : undefined,
  initial: 0,
  evolve: (n) => n + 1,
  dateOf: (envelope) => (envelope.data as { readonly at: string }).at,
  codec: {
    encode: (n) => ({ count: `#${n}` }),
    decode: (stored) => {
      decoded++
      return Number((stored as { readonly count: string }).count.slice(1))
    }
  }
})

const history = Effect.gen(function*() {
  yield* Dangjian.decodeAndExecute(establish("town"))
  yield* Dangjian.decodeAndExecute({ ...establish("v1", "town"), at: "2024-02-01" })
  yield* Dangjian.decodeAndExecute({ ...establish("v2", "town"), at: "2024-03-01" })
})

const layer = MemoryStore.layer({ codec: Dangjian.codec })

describe("ReadModel.StateCodec", () => {
  it.effect("rows keep the encoded states; every reader decodes them", () =>
    Effect.gen(function*() {
      yield* history
      yield* ReadModel.catchUp(model)
      const rows = yield* ReadModel.ReadModelStore
      const stored = yield* rows.scan(model, { limit: 10 })
      assert.isAbove(stored.length, 1)
      for (const [, row] of stored) {
        for (const [, state] of (row as ReadModel.StoredRow<unknown>).t) {
          assert.match((state as { readonly count: string }).count, /^#\d+$/)
        }
      }
      const plain = (timelines: ReadonlyMap<string, ReadModel.Timeline<number>>) =>
        [...timelines].map(([key, t]) => [key, t.map(([, n]) => typeof n)] as const)
      const all = yield* ReadModel.load(model)
      for (const [, types] of plain(all)) assert.isTrue(types.every((t) => t === "number"))
      const keys = [...all.keys()]
      const current = (yield* ReadModel.loadCurrent(model)).timelines
      assert.deepStrictEqual([...current], [...all])
      assert.deepStrictEqual([...(yield* ReadModel.get(model, keys))], [...all])
      assert.deepStrictEqual([...(yield* ReadModel.loadCurrent(model, { keys })).timelines], [...all])
      const paged = new Map<string, ReadModel.Timeline<number>>()
      yield* ReadModel.forEachPage(model, (page) =>
        Effect.sync(() => {
          for (const [key, t] of page) paged.set(key, t)
        }), { pageSize: 1 })
      assert.deepStrictEqual([...paged], [...all])
      // One date: one state per entity is decoded, not the whole timeline.
      const many = [...all.values()].reduce((n, t) => n + t.length, 0)
      decoded = 0
      const asOf = (yield* ReadModel.loadCurrent(model, { asOf: "2024-12-31" })).timelines
      assert.strictEqual(decoded, asOf.size)
      assert.isBelow(decoded, many)
    }).pipe(Effect.provide(layer)))

  it.effect("a catch-up goes on from a decoded row", () =>
    Effect.gen(function*() {
      yield* Dangjian.decodeAndExecute(establish("town"))
      yield* ReadModel.catchUp(model)
      yield* Dangjian.decodeAndExecute({ ...establish("v1", "town"), at: "2024-02-01" })
      yield* ReadModel.catchUp(model)
      const all = yield* ReadModel.load(model)
      // The village's establishment adds an event to the township's stream: the second catch-up evolved the state it
      // decoded from the row, not the stored object.
      assert.deepStrictEqual(all.get("organization-town"), [["2024-01-01", 1], ["2024-02-01", 2]])
      const rows = yield* ReadModel.ReadModelStore
      const town = (yield* rows.get(model, ["organization-town"])).get("organization-town")
      assert.deepStrictEqual((town as ReadModel.StoredRow<unknown>).t, [
        ["2024-01-01", { count: "#1" }],
        ["2024-02-01", { count: "#2" }]
      ])
    }).pipe(Effect.provide(layer)))
})
