// The PostgreSQL read-model store beyond the conformance suite: its tables and key collation, the scale it is
// built for (10^5 rows in one commit, as a rebuild writes them, in a few statements rather than one per row;
// scans that page along the primary key's index), and driver failures that name the model and never a key.
import { ReadModel } from "@dangjian/core/store"
import { conformanceCodec } from "@dangjian/testing"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Result } from "effect"
import { SqlClient } from "effect/sql"
import { PostgresReadModelStore, PostgresStore, StoreConfig } from "../src/index.ts"
import { readModelSql } from "../src/internal/readModelSql.ts"
import { freshSchema, skipReason, storeLayer, unreachable } from "./support/database.ts"

const model: ReadModel.ReadModelKey = { name: "pg-rows", version: 1 }

/** A node of `EXPLAIN (ANALYZE, FORMAT JSON)`: the fields read here. */
interface PlanNode {
  readonly "Relation Name"?: string
  readonly "Actual Rows": number
  readonly "Actual Loops": number
  readonly "Rows Removed by Filter"?: number
  readonly "Rows Removed by Index Recheck"?: number
  readonly Plans?: ReadonlyArray<PlanNode>
}

const failure = <A, E>(result: Result.Result<A, E>): E => {
  assert.isTrue(Result.isFailure(result))
  return (result as Result.Failure<A, E>).failure
}

if (unreachable !== undefined) {
  describe("PostgresReadModelStore", () => {
    it.skip(skipReason, () => {})
  })
} else {
  describe("PostgresReadModelStore", () => {
    it.live("migration 3 creates the tables in the schema under the prefix, keys in the \"C\" collation", () => {
      const schema = freshSchema("rmtables")
      return Effect.gen(function*() {
        const rows = yield* ReadModel.ReadModelStore
        const sql = yield* SqlClient.SqlClient
        yield* rows.commit(model, { from: 0, to: 4, rows: [["k", { n: 1 }]] })
        const columns = yield* sql<{ table_name: string; column_name: string; collation_name: string | null }>`
          SELECT table_name, column_name, collation_name FROM information_schema.columns
          WHERE table_schema = ${schema} AND table_name LIKE 'dj_read_model%' AND column_name IN ('key', 'position')
          ORDER BY table_name, column_name`
        assert.deepStrictEqual(columns.map((c) => [c.table_name, c.column_name, c.collation_name]), [
          ["dj_read_model_checkpoints", "position", null],
          ["dj_read_model_rows", "key", "C"]
        ])
        const stored = yield* sql<{ key: string; row: string; position: number }>`
          SELECT r.key, r.row::text AS row, c.position::int AS position
          FROM ${sql(`${schema}.dj_read_model_rows`)} r JOIN ${sql(`${schema}.dj_read_model_checkpoints`)} c
            USING (name, version)`
        assert.deepStrictEqual(stored.map((r) => ({ ...r })), [{ key: "k", row: `{"n":1}`, position: 4 }])
      }).pipe(Effect.provide(Layer.fresh(storeLayer(conformanceCodec, { schema, tablePrefix: "dj_" }))))
    })

    it.live("inline read models on a database without migration 4 are refused when the store opens", () => {
      const schema = freshSchema("rminline")
      const inline = [ReadModel.make<number>({
        name: "pg-inline",
        version: 1,
        keyOf: () => "k",
        initial: 0,
        evolve: (n) => n + 1,
        dateOf: () => "2024-01-01"
      })]
      return Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        // The store as an older version left it: migration 4 not run.
        yield* sql.unsafe(`DELETE FROM ${schema}.migrations WHERE migration_id = 4`).raw
        const opened = yield* Effect.result(
          Layer.build(
            Layer.fresh(PostgresStore.layerClient({ codec: conformanceCodec, schema, migrate: false, inline }))
          )
            .pipe(Effect.scoped)
        )
        const refused = failure(opened) as { _tag: string; reason: string }
        assert.strictEqual(refused._tag, "StoreUnavailable")
        assert.include(refused.reason, "migration 4")
        // Without inline models it opens as before, and with migrations run it opens with them.
        yield* Layer.build(Layer.fresh(PostgresStore.layerClient({ codec: conformanceCodec, schema, migrate: false })))
          .pipe(Effect.scoped)
        yield* Layer.build(Layer.fresh(PostgresStore.layerClient({ codec: conformanceCodec, schema, inline })))
          .pipe(Effect.scoped)
      }).pipe(Effect.provide(Layer.fresh(storeLayer(conformanceCodec, { schema }))))
    })

    it.live(
      "100,000 rows: one commit, an update of all and a get of all in a few statements each, paged scans along the index",
      () => {
        const schema = freshSchema("rmscale")
        return Effect.gen(function*() {
          const sql = yield* SqlClient.SqlClient
          // The store on a client that counts the statements it sends.
          let statements = 0
          const counting = new Proxy(sql, {
            get: (target, property) =>
              property === "unsafe"
                ? (...args: Parameters<typeof sql.unsafe>) => {
                  statements++
                  return target.unsafe(...args)
                }
                : Reflect.get(target, property)
          })
          const rows = yield* PostgresReadModelStore.make(Result.getOrThrow(StoreConfig.names({ schema }))).pipe(
            Effect.provideService(SqlClient.SqlClient, counting)
          )
          const sent = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
            Effect.gen(function*() {
              const before = statements
              const value = yield* effect
              return [value, statements - before] as const
            })
          const count = 100_000
          const keys = Array.from({ length: count }, (_, i) => `member-${i}-党员`)
          const timed = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
            Effect.gen(function*() {
              const started = Date.now()
              const value = yield* effect
              return [value, Date.now() - started] as const
            })
          // Not a statement per row: the checkpoint (created, then checked and moved in one) and the rows in chunks of
          // 20,000.
          const [[, inserted], insertStatements] = yield* sent(timed(
            rows.commit(model, { from: 0, to: 1, rows: keys.map((key, i) => [key, [["2024-01-01", { i }]]]) })
          ))
          assert.strictEqual(insertStatements, 2 + count / 20_000)
          const [[, updated], updateStatements] = yield* sent(timed(
            rows.commit(model, {
              from: 1,
              to: 2,
              rows: keys.map((key, i) => [key, i % 10 === 0 ? undefined : [["2024-01-01", { i: -i }]]])
            })
          ))
          assert.strictEqual(updateStatements, 1 + 1 + Math.ceil((count - count / 10) / 20_000))
          // A batch without rows (most models, after an event that concerns a few of them) is one statement, and a
          // stale one still writes nothing.
          const [, moveStatements] = yield* sent(rows.commit(model, { from: 2, to: 3, rows: [] }))
          assert.strictEqual(moveStatements, 1)
          const stale = yield* Effect.flip(rows.commit(model, { from: 2, to: 4, rows: [] }))
          assert.deepStrictEqual(
            stale._tag === "CheckpointMoved" ? [stale.readModel, stale.expected, stale.actual] : stale._tag,
            [model.name, 2, 3]
          )
          assert.strictEqual(yield* rows.position(model), 3)
          const [[found, read], readStatements] = yield* sent(timed(rows.get(model, keys)))
          assert.strictEqual(readStatements, count / 20_000)
          assert.strictEqual(found.size, count - count / 10)
          assert.deepStrictEqual(found.get("member-7-党员"), [["2024-01-01", { i: -7 }]])
          assert.isFalse(found.has("member-10-党员"))
          const scanAll = Effect.gen(function*() {
            const all: Array<string> = []
            let after: string | undefined
            while (true) {
              const page = yield* rows.scan(model, { after, limit: 10_000 })
              for (const [key] of page) all.push(key)
              if (page.length < 10_000) return all
              after = page[page.length - 1]![0]
            }
          })
          const [ordered, scanned] = yield* timed(scanAll)
          assert.strictEqual(ordered.length, count - count / 10)
          assert.strictEqual(new Set(ordered).size, ordered.length)
          assert.deepStrictEqual(ordered, [...ordered].sort(ReadModel.compareKeys))
          for (
            const [what, ms] of [["insert", inserted], ["update", updated], ["get", read], ["scan", scanned]] as const
          ) {
            assert.isBelow(ms, 60_000, what)
          }
          // A page after a key is an index range scan in key order: no sort of the model's rows.
          const plan = yield* sql.unsafe(
            `EXPLAIN SELECT key, row::text FROM "${schema}"."read_model_rows"
           WHERE name = $1 AND version = $2 AND key COLLATE "C" > $3 ORDER BY key COLLATE "C" LIMIT $4`,
            [model.name, model.version, "member-5", 100]
          ).values
          const text = plan.map((row) => String(row[0])).join("\n")
          assert.match(text, /Index Scan/)
          assert.notMatch(text, /Sort/)
        }).pipe(Effect.provide(Layer.fresh(storeLayer(conformanceCodec, { schema }))))
      },
      120_000
    )

    it.live(
      "a get reads only its keys' rows, even on the plan the server cached for it while the model was empty",
      () => {
        // A catch-up prepares the get on an empty or small table, and the server may keep that statement's generic
        // plan for the session. With `key = ANY($3)` that plan probed (name, version) and filtered the array over
        // every row of the model, comparing element by element: O(rows × keys) per get (5.9 s a get in a county's
        // catch-up). The plan is forced generic here and made on the empty model, as in the catch-up.
        const schema = freshSchema("rmplan")
        return Effect.gen(function*() {
          const sql = yield* SqlClient.SqlClient
          const names = Result.getOrThrow(StoreConfig.names({ schema }))
          const { getSql } = readModelSql(names)
          const rowsTable = "read_model_rows"
          const stored = 20_000
          const found = 500
          const wanted = [
            ...Array.from({ length: found }, (_, i) => `k${String(i * 37).padStart(6, "0")}`),
            ...Array.from({ length: 10 }, (_, i) => `missing-${i}`)
          ]
          const plan = yield* sql.withTransaction(Effect.gen(function*() {
            yield* sql.unsafe("SET LOCAL plan_cache_mode = force_generic_plan").raw
            yield* sql.unsafe(`PREPARE dj_get_probe (text, int, text[]) AS ${getSql}`).raw
            for (let i = 0; i < 6; i++) yield* sql.unsafe("EXECUTE dj_get_probe('probe', 1, '{a,b}')").raw
            yield* sql.unsafe(
              `INSERT INTO ${names.readModelRows} (name, version, key, row)
               SELECT 'probe', 1, 'k' || lpad(i::text, 6, '0'), '{}' FROM generate_series(0, ${stored - 1}) AS i`
            ).raw
            const explained = yield* sql.unsafe(
              `EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE dj_get_probe('probe', 1, '{${wanted.join(",")}}')`
            ).values
            yield* sql.unsafe("DEALLOCATE dj_get_probe").raw
            const cell = explained[0]![0]
            return (typeof cell === "string" ? JSON.parse(cell) : cell) as ReadonlyArray<{ Plan: PlanNode }>
          }))
          // Every row the server read from the table, in every loop of every node that scans it.
          let read = 0
          let returned = 0
          const visit = (node: PlanNode, top: boolean) => {
            if (top) returned = node["Actual Rows"] * node["Actual Loops"]
            if (node["Relation Name"] === rowsTable) {
              read += (node["Actual Rows"] + (node["Rows Removed by Filter"] ?? 0)
                + (node["Rows Removed by Index Recheck"] ?? 0)) * node["Actual Loops"]
            }
            for (const child of node.Plans ?? []) visit(child, false)
          }
          visit(plan[0]!.Plan, true)
          assert.strictEqual(returned, found)
          // at most one row a key (EXPLAIN rounds per-loop averages, so a probe that found nothing may count as 1)
          assert.isAtMost(read, wanted.length, `rows read from ${stored} for ${wanted.length} keys`)
        }).pipe(Effect.provide(Layer.fresh(storeLayer(conformanceCodec, { schema }))))
      },
      60_000
    )

    it.live("a driver failure names the read model and the SQLSTATE, never a key, a row or the server's message", () => {
      const schema = freshSchema("rmfail")
      return Effect.gen(function*() {
        const rows = yield* ReadModel.ReadModelStore
        const sql = yield* SqlClient.SqlClient
        yield* rows.commit(model, { from: 0, to: 1, rows: [["k", 1]] })
        yield* sql.unsafe(`DROP TABLE "${schema}"."read_model_rows"`).raw
        for (
          const attempt of [
            rows.commit(model, { from: 1, to: 2, rows: [["secret-key", "secret-row"]] }),
            rows.get(model, ["secret-key"]),
            rows.scan(model, { after: "secret-key", limit: 3 }),
            rows.reset(model)
          ] as ReadonlyArray<Effect.Effect<unknown, { readonly _tag: string }>>
        ) {
          const error = failure(yield* Effect.result(attempt)) as unknown as { _tag: string; reason: string }
          assert.strictEqual(error._tag, "StoreUnavailable")
          assert.include(error.reason, model.name)
          assert.match(error.reason, /SQLSTATE 42P01/)
          assert.notInclude(error.reason, "secret")
          assert.notInclude(error.reason, "read_model_rows")
        }
        // The failed commit rolled back: the checkpoint did not move.
        assert.strictEqual(yield* rows.position(model), 1)
      }).pipe(Effect.provide(Layer.fresh(storeLayer(conformanceCodec, { schema }))))
    })
  })
}
