import { Compliance, Dangjian, FindingsIndex } from "@dangjian/core"
import { EventStore, Projection, ReadModel, Uuid } from "@dangjian/core/store"
import { appendTownshipLog, checkAtCheckpoints, checkFindingsIndex } from "@dangjian/testing"
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

const models = Compliance.readModels as ReadonlyArray<ReadModel.ReadModel<unknown>>
// Every model's rows equal the fold of the log up to its checkpoint.
const checkEveryModel = checkAtCheckpoints(models)

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

    it.live(
      "its server session killed mid-commit, then kill -9, during a catch-up of the compliance register's read models: every row is a fold of the events up to its checkpoint, and it resumes to a fold of the whole log",
      () => {
        const schema = freshSchema("crashrm")
        return Effect.gen(function*() {
          const sql = yield* SqlClient.SqlClient
          const head = yield* appendTownshipLog({ events: 50_000 })
          assert.isAtLeast(head, 50_000)

          // First the server side: terminate the runner's session in the middle of a commit (a transaction that
          // has written: it holds an id); the transaction is rolled back and the runner fails.
          const first = start("readModelRunner", schema, { BATCH: "1000" })
          yield* Effect.promise(() => waitFor(first, (out) => numbers(out).length >= 5, 120_000))
          let terminated = 0
          for (let i = 0; i < 4_000 && terminated === 0 && first.process.exitCode === null; i++) {
            const killed = yield* sql<{ ok: boolean }>`
            SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
            WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()
              AND query LIKE ${`%"${schema}"."read_model_%`}`
            terminated += killed.filter((r) => r.ok).length
            if (terminated === 0) yield* Effect.sleep("2 millis")
          }
          assert.isAbove(terminated, 0, "a session was terminated in a commit")
          assert.strictEqual(yield* Effect.promise(() => first.exited), 1, first.stderr())
          assert.include(first.stderr(), "StoreUnavailable")
          const afterTermination = yield* checkEveryModel
          assert.isTrue(afterTermination.some((p) => p > 0 && p < head), "the first run stopped in the middle")

          // Then the client side: kill -9 in the middle of its commits.
          const second = start("readModelRunner", schema, { BATCH: "1000" })
          yield* Effect.promise(() => waitFor(second, (out) => numbers(out).length >= 40, 120_000))
          assert.strictEqual(yield* kill9(second), "SIGKILL")
          const interrupted = yield* checkEveryModel
          assert.isTrue(interrupted.some((p) => p < head), "the second run was killed before the end")
          const resumeFrom = interrupted.find((p) => p < head)!

          const third = start("readModelRunner", schema, { BATCH: "1000" })
          assert.strictEqual(yield* Effect.promise(() => third.exited), 0, third.stderr())
          // It went on from the checkpoint of the model it was killed in, not from the start.
          assert.isAbove(numbers(third.stdout())[0]!, resumeFrom)
          const finished = yield* checkEveryModel
          assert.deepStrictEqual(finished, models.map(() => head))
        }).pipe(Effect.provide(Layer.fresh(storeLayer(Dangjian.codec, { schema }))))
      },
      300_000
    )

    it.live(
      "kill -9 during a build of the findings index: the counts stay exact (the old index, or none, answers), and the next build leaves its rows only",
      () => {
        const schema = freshSchema("crashindex")
        const counts = (asOf: string) => checkFindingsIndex(Dangjian.defaultPolicies, asOf)
        // The builds the index's rows belong to: a bucket's key is "<build's epoch>.<number>" (the meta row aside).
        const builds = Effect.gen(function*() {
          const sql = yield* SqlClient.SqlClient
          const [row] = yield* sql<{ builds: number }>`
            SELECT count(DISTINCT regexp_replace(key, '[.][^.]*$', ''))::int AS builds
            FROM ${sql(`${schema}.read_model_rows`)}
            WHERE name = ${FindingsIndex.modelOf(Dangjian.defaultPolicies).name} AND key <> '~m'`
          return row!.builds
        })
        return Effect.gen(function*() {
          yield* appendTownshipLog({ events: 30_000 })
          yield* Compliance.catchUp()
          // The first build, killed: no index yet, every member judged, the counts exact.
          const first = start("findingsIndexRunner", schema, { PAGE: "100" })
          yield* Effect.promise(() => waitFor(first, (out) => numbers(out).length >= 5, 120_000))
          assert.strictEqual(yield* kill9(first), "SIGKILL")
          assert.strictEqual(yield* counts("2030-01-01"), 0, "nothing counted from a build that did not finish")
          // A whole build, then a second one killed: the first build's index still answers, exactly.
          const second = start("findingsIndexRunner", schema, { PAGE: "100" })
          assert.strictEqual(yield* Effect.promise(() => second.exited), 0, second.stderr())
          assert.strictEqual(yield* builds, 1, "the finished build deleted the killed one's rows")
          const third = start("findingsIndexRunner", schema, { PAGE: "100" })
          yield* Effect.promise(() => waitFor(third, (out) => numbers(out).length >= 5, 120_000))
          assert.strictEqual(yield* kill9(third), "SIGKILL")
          assert.strictEqual(yield* builds, 2)
          assert.isAbove(yield* counts("2030-01-01"), 0, "the finished index answers")
          yield* counts("2024-06-30")
          // The next build finishes and leaves its own rows only.
          const fourth = start("findingsIndexRunner", schema, { PAGE: "100" })
          assert.strictEqual(yield* Effect.promise(() => fourth.exited), 0, fourth.stderr())
          assert.strictEqual(yield* builds, 1)
          assert.isAbove(yield* counts("2030-01-01"), 0)
        }).pipe(Effect.provide(Layer.fresh(storeLayer(Dangjian.codec, { schema }))))
      },
      300_000
    )

    it.live(
      "kill -9 of two writers at once that keep the compliance register's read models inline: with no catch-up since, every model is at the head and its rows are a fold of the log",
      () => {
        const schema = freshSchema("crashinline")
        return Effect.gen(function*() {
          const store = yield* EventStore.EventStore
          const rows = yield* ReadModel.ReadModelStore
          const writers = [0, 1].map(() => start("inlineWriter", schema, { EVENTS: "30000", APPEND: "100" }))
          for (const writer of writers) {
            yield* Effect.promise(() => waitFor(writer, (out) => numbers(out).length >= 20, 120_000))
          }
          for (const writer of writers) assert.strictEqual(yield* kill9(writer), "SIGKILL")
          const acknowledged = Math.max(...writers.flatMap((writer) => numbers(writer.stdout())))
          const head = yield* store.head
          assert.isAtLeast(head, acknowledged)
          assert.isBelow(head, 60_000, "the writers were killed before the end")
          // The checkpoints first, before anything could catch up: this process's store keeps no model inline.
          assert.deepStrictEqual(yield* Effect.forEach(models, (model) => rows.position(model)), models.map(() => head))
          assert.deepStrictEqual(yield* checkEveryModel, models.map(() => head))
        }).pipe(Effect.provide(Layer.fresh(storeLayer(Dangjian.codec, { schema }))))
      },
      300_000
    )
  })
}
