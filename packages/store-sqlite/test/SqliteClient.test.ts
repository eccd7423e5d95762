// How the store finds node:sqlite: looked up when a store opens, never imported at load time, and a Node without
// a usable one gets NodeSqliteUnavailable with a one-line message in zh-CN and en, never a loader error.
import { Message } from "@dangjian/core/store"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Result } from "effect"
import { DatabaseSync } from "node:sqlite"
import { SqliteClient } from "../src/index.ts"

const refused = (result: Result.Result<SqliteClient.DatabaseConstructor, SqliteClient.NodeSqliteUnavailable>) => {
  assert.isTrue(Result.isFailure(result))
  return (result as Result.Failure<never, SqliteClient.NodeSqliteUnavailable>).failure
}

const en = (running: string) =>
  `The SQLite store needs node:sqlite from Node.js ≥ 22.16 (the running version is ${running})`
const zh = (running: string) => `SQLite 存储所需的 node:sqlite 要求 Node.js ≥ 22.16(当前运行的是 ${running})`

const assertRefused = (error: SqliteClient.NodeSqliteUnavailable, running: string) => {
  assert.deepStrictEqual(
    { tag: error._tag, required: error.required, running: error.running, code: error.code },
    { tag: "NodeSqliteUnavailable", required: "22.16", running, code: "store.nodeSqliteUnavailable" }
  )
  assert.strictEqual(error.message, en(running))
  assert.strictEqual(Message.renderWith(SqliteClient.messages, error.code, error.params, "en"), en(running))
  assert.strictEqual(Message.renderWith(SqliteClient.messages, error.code, error.params, "zh-CN"), zh(running))
}

// Stand-ins for the DatabaseSync of a node:sqlite that loads but lacks what the store uses.
const closed: Array<string> = []
class Node2213 {
  // 22.13–22.14: no isOpen, no isTransaction, statements without columns().
  prepare() {
    return {}
  }
  close() {
    closed.push("22.13")
  }
}
class Node2215 {
  // 22.15: isOpen, but neither isTransaction nor columns().
  readonly isOpen = true
  prepare() {
    return {}
  }
  close() {
    closed.push("22.15")
  }
}
class Node2311 {
  // 23.11: isOpen and columns(), but isTransaction only came with 24.0.
  readonly isOpen = true
  prepare() {
    return { columns: () => [] }
  }
  close() {
    closed.push("23.11")
  }
}

describe("SqliteClient.resolveDriver", () => {
  it("a Node without process.getBuiltinModule (< 20.16) is refused in both languages, in one line", () => {
    const error = refused(SqliteClient.resolveDriver(undefined, "v18.20.4"))
    assertRefused(error, "v18.20.4")
    assert.notInclude(error.message, "\n")
  })

  it("a Node without node:sqlite (20.x) is refused", () => {
    assertRefused(refused(SqliteClient.resolveDriver(() => undefined, "v20.20.2")), "v20.20.2")
  })

  it("a lookup that throws is refused, not rethrown", () => {
    const lookup = () => {
      throw new Error("No such built-in module: node:sqlite")
    }
    assertRefused(refused(SqliteClient.resolveDriver(lookup, "v20.20.2")), "v20.20.2")
  })

  it("a node:sqlite older than the store needs is refused, and its probe database is closed", () => {
    closed.length = 0
    for (
      const [Database, running] of [[Node2213, "v22.13.1"], [Node2215, "v22.15.0"], [Node2311, "v23.11.0"]] as const
    ) {
      assertRefused(refused(SqliteClient.resolveDriver(() => ({ DatabaseSync: Database }), running)), running)
    }
    assert.deepStrictEqual(closed, ["22.13", "22.15", "23.11"])
  })

  it("this Node's node:sqlite is found", () => {
    const result = SqliteClient.resolveDriver((id) => process.getBuiltinModule(id), process.version)
    assert.isTrue(Result.isSuccess(result))
    assert.strictEqual((result as Result.Success<SqliteClient.DatabaseConstructor, never>).success, DatabaseSync)
  })

  it.effect("loadDriver loads it once and hands out the same constructor", () =>
    Effect.gen(function*() {
      const first = yield* SqliteClient.loadDriver
      const second = yield* SqliteClient.loadDriver
      assert.strictEqual(first, DatabaseSync)
      assert.strictEqual(second, first)
    }))
})
