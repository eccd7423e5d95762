import { EventStore, Projection, Uuid } from "@dangjian/core/store"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option } from "effect"
import { SqlClient } from "effect/sql"
import { balancesProjection, BatchNoted, codec, Deposited } from "./fixtures/domain.ts"
import type { Event } from "./fixtures/domain.ts"
import { numbers, start, waitFor } from "./support/children.ts"
import { freshSchema, skipReason, storeLayer, unreachable } from "./support/database.ts"

const metadata = { occurredAt: "2024-03-15", recordedAt: "2024-03-15T08:00:00.000Z" }
const batchSize = 25

const kill9 = (child: ReturnType<typeof start>) =>
  Effect.promise(() => {
    child.process.kill("SIGKILL")
    return child.exited
  })

if (unreachable !== undefined) {
  describe("fault tests: kill -9 (real processes)", () => {
    it.skip(skipReason, () => {})
  })
} else {
  describe("fault tests: kill -9 (real processes)", () => {
    it.live("kill -9 of the writer, and its server session killed mid-append, leave no partial batch", () => {
      const schema = freshSchema("crash")
      return Effect.gen(function*() {
        const store = yield* EventStore.EventStore
        const sql = yield* SqlClient.SqlClient
        const child = start("batchWriter", schema, { BATCH: String(batchSize) })
        yield* Effect.promise(() => waitFor(child, (out) => numbers(out).length >= 20))
        // First the server side: terminate the child's session while it runs an append (the transaction is
        // cut in the middle and rolled back); the child's pool opens a new one and goes on.
        let terminated = 0
        for (let i = 0; i < 200 && terminated < 3; i++) {
          const killed = yield* sql<{ ok: boolean }>`
            SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
            WHERE state = 'active' AND pid <> pg_backend_pid() AND query LIKE ${`%"${schema}"."append_events"%`}`
          terminated += killed.filter((r) => r.ok).length
          yield* Effect.sleep("5 millis")
        }
        assert.isAbove(terminated, 0)
        const before = numbers(child.stdout()).length
        yield* Effect.promise(() => waitFor(child, (out) => numbers(out).length >= before + 20))
        // Then the client side: kill -9 in the middle of its appends.
        const signal = yield* kill9(child)
        assert.strictEqual(signal, "SIGKILL")
        const acknowledged = Math.max(...numbers(child.stdout()))

        // Every batch is whole or absent; every acknowledged batch is there.
        const rows = yield* sql<{ batch: number; n: number }>`
          SELECT (data->>'batch')::int AS batch, count(*)::int AS n FROM ${sql(`${schema}.events`)}
          GROUP BY 1 ORDER BY 1`
        for (const row of rows) assert.strictEqual(row.n, 2 * batchSize, `batch ${row.batch}`)
        const batches = rows.map((r) => r.batch)
        assert.deepStrictEqual(batches, Array.from({ length: batches.length }, (_, i) => i + 1))
        assert.isAtLeast(batches.length, acknowledged)
        assert.isAtMost(batches.length, acknowledged + 1)

        // The store goes on: every stream is gap-free, and the global log returns every event once, in order,
        // past any hole the killed append left.
        yield* store.append([{
          streamId: "after-crash",
          expected: "noStream",
          events: [{
            eventId: yield* Uuid.v7,
            type: "BatchNoted",
            data: BatchNoted.schema.make({ batch: 0, index: 0 }),
            metadata
          }]
        }])
        for (const stream of ["batch-a0", "batch-a1", "batch-a2", "batch-b0", "batch-b1", "batch-b2"]) {
          const read = yield* store.readStream(stream)
          assert.deepStrictEqual(read.events.map((e) => e.streamPosition), read.events.map((_, i) => i + 1))
        }
        const all = yield* store.readAll({ after: 0, limit: 100_000 })
        assert.strictEqual(all.length, batches.length * 2 * batchSize + 1)
        assert.strictEqual(new Set(all.map((e) => e.eventId)).size, all.length)
        const positions = all.map((e) => e.globalPosition)
        assert.deepStrictEqual(positions, [...positions].sort((a, b) => a - b))
        assert.strictEqual(yield* store.head, positions[positions.length - 1])
      }).pipe(Effect.provide(Layer.fresh(storeLayer(codec, { schema }))))
    }, 90_000)

    it.live("kill -9 during a projection run: it resumes and ends equal to a replay", () => {
      const schema = freshSchema("crashp")
      const total = 3_000
      return Effect.gen(function*() {
        const store = yield* EventStore.EventStore
        const projections = yield* Projection.ProjectionStore
        // Pre-fill: 30 accounts × 100 deposits, in appends of 100.
        for (let a = 0; a < 30; a++) {
          const ids = yield* Uuid.v7Many(100)
          let balance = 0
          const events = ids.map((eventId, i) => {
            balance += 1 + (i % 5)
            return {
              eventId,
              type: "Deposited",
              data: Deposited.schema.make({
                account: `account-${a}`,
                amount: 1 + (i % 5),
                writer: 0,
                seq: i,
                balanceAfter: balance
              }),
              metadata
            }
          })
          yield* store.append([{ streamId: `account-${a}`, expected: "noStream", events }])
        }

        const first = start("projector", schema, { STOP_AT: String(total) })
        yield* Effect.promise(() => waitFor(first, (out) => (numbers(out).at(-1) ?? 0) >= 800))
        yield* kill9(first)
        const interrupted = yield* projections.load(balancesProjection)
        assert.isTrue(Option.isSome(interrupted))
        const checkpoint = Option.getOrThrow(interrupted)
        assert.isBelow(checkpoint.position, yield* store.head)
        // The saved read model is exactly the fold of the events up to its checkpoint: nothing counted twice.
        const upTo = (yield* store.readAll({ after: 0, limit: total })).filter((e) =>
          e.globalPosition <= checkpoint.position
        )
        assert.deepStrictEqual(
          checkpoint.state,
          Projection.foldEnvelopes(balancesProjection, balancesProjection.initialState, upTo)
        )

        const second = start("projector", schema, { STOP_AT: String(total) })
        assert.strictEqual(yield* Effect.promise(() => second.exited), 0, second.stderr())
        assert.isAbove(numbers(second.stdout())[0]!, checkpoint.position - 1)
        const finished = Option.getOrThrow(yield* projections.load(balancesProjection))
        const replayed = yield* Projection.replay(balancesProjection)
        assert.deepStrictEqual(finished, replayed)
        assert.strictEqual(finished.state.events, total)
        assert.isTrue(Object.values(finished.state.accounts).every((a) => a.inOrder))
        const data = (yield* store.readStream("account-7")).events.map((e) => e.data as Event)
        assert.strictEqual(finished.state.accounts["account-7"]!.deposits, data.length)
      }).pipe(Effect.provide(Layer.fresh(storeLayer(codec, { schema }))))
    }, 90_000)
  })
}
