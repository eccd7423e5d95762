// No entity id stops a read model: every awkward id a command accepts (prototype names, "\u0000", a lone
// surrogate, "~"-prefixed ids that look escaped, 10,000 characters) gets its own row on every store, and reading
// the rows gives the id back. Ids whose hashed storage keys collide get rows of their own too.
import { MemoryStore } from "@dangjian/core"
import { EventStore, ReadModel } from "@dangjian/core/kernel"
import { SqliteStore } from "@dangjian/store-sqlite"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import fc from "fast-check"
import { Arbitraries, conformanceCodec } from "../src/index.ts"

const ids = [
  ...Arbitraries.prototypeNames,
  ...Arbitraries.awkwardStrings,
  "~",
  "~x0041",
  `~h${"0".repeat(16)}`,
  "~h0123456789abcdef.1",
  "z".repeat(ReadModel.maxKeyLength),
  "z".repeat(ReadModel.maxKeyLength + 1),
  "\udc00\ud800"
]

// One row per thing, keyed by the event's `thingId` (any string, unlike a stream id): the event count.
const counts = ReadModel.make<number>({
  name: "test.keys",
  version: 1,
  keyOf: (envelope) => (envelope.data as { readonly thingId: string }).thingId,
  initial: 0,
  evolve: (n) => n + 1,
  dateOf: () => "2024-01-01"
})

let next = 0
const event = (thingId: string, n: number) => ({
  // Distinct, well-formed UUIDs (v7 layout) without the Clock: the order of ids does not matter here.
  eventId: `01890000-0000-7000-8000-${(next++).toString(16).padStart(12, "0")}`,
  type: "ThingNoted",
  data: { _tag: "ThingNoted", thingId, n },
  metadata: { occurredAt: "2024-01-01T00:00:00.000Z", recordedAt: "2024-01-01T00:00:00.000Z" }
})

const stores: ReadonlyArray<
  readonly [string, () => Layer.Layer<EventStore.EventStore | ReadModel.ReadModelStore, unknown>]
> = [
  ["memory", () => MemoryStore.layer({ codec: conformanceCodec })],
  ["sqlite", () => SqliteStore.layer({ filename: ":memory:", codec: conformanceCodec })]
]

describe("read-model keys", () => {
  for (const [name, layer] of stores) {
    it(`${name}: every awkward id gets its own row and comes back as written`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.shuffledSubarray(ids, { minLength: 1 }),
          fc.array(Arbitraries.awkwardId, { maxLength: 20 }),
          fc.integer({ min: 1, max: 9 }),
          async (picked, random, batchSize) => {
            const all = [...new Set([...picked, ...random])]
            const expected = new Map(all.map((id, i) => [id, (i % 3) + 1]))
            const timelines = await Effect.runPromise(
              Effect.gen(function*() {
                const store = yield* EventStore.EventStore
                for (const [i, [id, n]] of [...expected].entries()) {
                  yield* store.append([{
                    streamId: `thing-${i}`,
                    expected: 0,
                    events: Array.from({ length: n }, (_, j) => event(id, j))
                  }])
                }
                yield* ReadModel.catchUp(counts, { batchSize })
                return yield* ReadModel.load(counts)
              }).pipe(Effect.provide(layer()))
            )
            assert.deepStrictEqual(
              new Map([...timelines].map(([id, t]) => [id, ReadModel.latest(t, 0)])),
              expected
            )
          }
        ),
        { numRuns: 15 }
      )
    }, 120_000)
  }

  it("ids whose hashed storage keys collide keep rows of their own", async () => {
    const long = "y".repeat(10_000)
    const other = "w".repeat(10_000)
    const result = await Effect.runPromise(
      Effect.gen(function*() {
        const rows = yield* ReadModel.ReadModelStore
        // Another entity's row already sits under the hashed key `long` would take first.
        const taken = ReadModel.storageKeyOf(long)
        assert.isTrue(taken.startsWith("~h"))
        yield* rows.commit(counts, { from: 0, to: 0, rows: [[taken, { p: 0, t: [["2024-01-01", 7]], k: other }]] })
        const store = yield* EventStore.EventStore
        yield* store.append([{ streamId: "thing-long", expected: 0, events: [event(long, 1), event(long, 2)] }])
        yield* ReadModel.catchUp(counts)
        const loaded = yield* ReadModel.load(counts)
        const got = yield* ReadModel.get(counts, [long])
        return { loaded, got }
      }).pipe(Effect.provide(MemoryStore.layer({ codec: conformanceCodec })))
    )
    assert.strictEqual(ReadModel.latest(result.loaded.get(long)!, 0), 2)
    assert.strictEqual(ReadModel.latest(result.loaded.get(other)!, 0), 7)
    assert.strictEqual(ReadModel.latest(result.got.get(long)!, 0), 2)
  })
})
