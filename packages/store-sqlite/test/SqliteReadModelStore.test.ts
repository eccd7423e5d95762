// The SQLite read-model store beyond the conformance suite: its tables, other connections to the same file
// (another process's write lock, a runner on another connection), rows changed by hand, and a get of more keys
// than SQLite binds in one statement.
import { ReadModel } from "@dangjian/core/store"
import { conformanceCodec } from "@dangjian/testing"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Result } from "effect"
import { DatabaseSync } from "node:sqlite"
import { SqliteStore } from "../src/index.ts"
import { freshFile } from "./support/children.ts"

const model: ReadModel.ReadModelKey = { name: "sqlite-rows", version: 1 }

const onFile = (file: string, options: { readonly busyTimeoutMs?: number; readonly tablePrefix?: string } = {}) =>
  Layer.fresh(SqliteStore.layer({ filename: file, codec: conformanceCodec, ...options }))

const failure = <A, E>(result: Result.Result<A, E>): E => {
  assert.isTrue(Result.isFailure(result))
  return (result as Result.Failure<A, E>).failure
}

describe("SqliteReadModelStore", () => {
  it.live("migration 0003 creates the tables under the prefix, keys in BINARY collation", () => {
    const file = freshFile("rmtables")
    return Effect.gen(function*() {
      const rows = yield* ReadModel.ReadModelStore
      yield* rows.commit(model, { from: 0, to: 4, rows: [["k", { n: 1 }]] })
      const db = new DatabaseSync(file, { readOnly: true })
      const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'x_read_model%'
        ORDER BY name`).all() as Array<{ name: string; sql: string }>
      const stored = db.prepare(`SELECT name, version, key, row FROM x_read_model_rows`).all()
      const checkpoint = db.prepare(`SELECT name, version, position FROM x_read_model_checkpoints`).all()
      db.close()
      assert.deepStrictEqual(tables.map((t) => t.name), ["x_read_model_checkpoints", "x_read_model_rows"])
      assert.match(tables[1]!.sql, /key TEXT NOT NULL COLLATE BINARY/)
      assert.deepStrictEqual(stored.map((r) => ({ ...r })), [{
        name: model.name,
        version: 1,
        key: "k",
        row: `{"n":1}`
      }])
      assert.deepStrictEqual(checkpoint.map((r) => ({ ...r })), [{ name: model.name, version: 1, position: 4 }])
    }).pipe(Effect.provide(onFile(file, { tablePrefix: "x_" })))
  })

  it.live("a commit waits for another process's write lock up to the busy timeout, then fails naming the model and writes nothing; released, it commits", () => {
    const file = freshFile("rmbusy")
    return Effect.gen(function*() {
      const rows = yield* ReadModel.ReadModelStore
      yield* rows.commit(model, { from: 0, to: 1, rows: [["k", 1]] })
      const other = new DatabaseSync(file)
      other.exec("PRAGMA busy_timeout = 0")
      other.exec("BEGIN IMMEDIATE")
      const started = Date.now()
      const busy = failure(yield* Effect.result(rows.commit(model, { from: 1, to: 2, rows: [["secret-key", 2]] })))
      const waited = Date.now() - started
      assert.strictEqual(busy._tag, "StoreUnavailable")
      const reason = (busy as { reason: string }).reason
      assert.include(reason, model.name)
      assert.notInclude(reason, "secret-key")
      assert.isAtLeast(waited, 150)
      const reset = failure(yield* Effect.result(rows.reset(model)))
      assert.strictEqual(reset._tag, "StoreUnavailable")
      other.exec("ROLLBACK")
      other.close()
      assert.strictEqual(yield* rows.position(model), 1)
      assert.deepStrictEqual(yield* rows.scan(model, { limit: 10 }), [["k", 1]])
      yield* rows.commit(model, { from: 1, to: 2, rows: [["secret-key", 2]] })
      assert.strictEqual(yield* rows.position(model), 2)
    }).pipe(Effect.provide(onFile(file, { busyTimeoutMs: 200 })))
  })

  it.live("two connections to one file: a runner that lost the race gets CheckpointMoved and wrote nothing", () => {
    const file = freshFile("rmrace")
    return Effect.gen(function*() {
      const rows = yield* ReadModel.ReadModelStore
      const [first, second] = yield* Effect.all([
        SqliteStore.make({ filename: file, codec: conformanceCodec }),
        SqliteStore.make({ filename: file, codec: conformanceCodec })
      ])
      yield* first.readModelStore.commit(model, { from: 0, to: 5, rows: [["a", "first"]] })
      const moved = failure(
        yield* Effect.result(second.readModelStore.commit(model, { from: 0, to: 6, rows: [["a", "second"], ["b", 1]] }))
      )
      assert.deepStrictEqual(
        { tag: moved._tag, expected: (moved as any).expected, actual: (moved as any).actual },
        { tag: "CheckpointMoved", expected: 0, actual: 5 }
      )
      assert.deepStrictEqual(yield* second.readModelStore.scan(model, { limit: 10 }), [["a", "first"]])
      yield* second.readModelStore.commit(model, { from: 5, to: 6, rows: [["b", 1]] })
      assert.deepStrictEqual(yield* rows.scan(model, { limit: 10 }), [["a", "first"], ["b", 1]])
      assert.strictEqual(yield* rows.position(model), 6)
    }).pipe(Effect.scoped, Effect.provide(onFile(file)))
  })

  it.live("a row changed by hand into text that is not JSON fails get and scan, naming the model and not the row", () => {
    const file = freshFile("rmcorrupt")
    return Effect.gen(function*() {
      const rows = yield* ReadModel.ReadModelStore
      yield* rows.commit(model, { from: 0, to: 1, rows: [["k", 1]] })
      const db = new DatabaseSync(file)
      db.prepare(`UPDATE dangjian_read_model_rows SET row = ? WHERE key = ?`).run("secret-row{", "k")
      db.close()
      for (const read of [rows.get(model, ["k"]), rows.scan(model, { limit: 5 })]) {
        const error = failure(yield* Effect.result(read as Effect.Effect<unknown, { _tag: string }>))
        assert.strictEqual(error._tag, "StoreUnavailable")
        assert.include((error as unknown as { reason: string }).reason, model.name)
        assert.notInclude((error as unknown as { reason: string }).reason, "secret-row")
      }
    }).pipe(Effect.provide(onFile(file)))
  })

  it.live("a get of 40,000 keys, more than SQLite binds in one statement (32,766), reads them in chunks", () =>
    Effect.gen(function*() {
      const rows = yield* ReadModel.ReadModelStore
      const keys = Array.from({ length: 40_000 }, (_, i) => `member-${i}`)
      yield* rows.commit(model, { from: 0, to: 1, rows: keys.map((key, i) => [key, i]) })
      const found = yield* rows.get(model, [...keys, "missing"])
      assert.strictEqual(found.size, keys.length)
      assert.strictEqual(found.get("member-39999"), 39_999)
      assert.strictEqual(found.get("member-0"), 0)
    }).pipe(Effect.provide(onFile(":memory:"))))
})
