// The installed packages on a Node.js older than some of them need (the machine's own Node 20, when it has
// one besides the Node running the tests): what needs nothing newer works, what does gets one clear line or a
// typed error, never a loader error.
import { spawnSync } from "node:child_process"
import { join } from "node:path"
import { assert, beforeAll, describe, it } from "vitest"
import { consumerDir, copyConsumerSources, installedManifest, oldNode, run } from "./helpers.ts"

const node = oldNode()
const databaseUrl = process.env["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/test"
const psql = (sql: string) => spawnSync("psql", [databaseUrl, "-tAqc", sql], { encoding: "utf8" })
const postgresUp = psql("select 1").stdout?.trim() === "1"

beforeAll(() => {
  copyConsumerSources()
})

describe.skipIf(node === undefined)(`on ${node ?? "no older Node.js on this machine"}`, () => {
  it("the engines say what each package needs", () => {
    assert.strictEqual(installedManifest("@dangjian/core").engines?.node, ">=20")
    assert.strictEqual(installedManifest("@dangjian/store-postgres").engines?.node, ">=20")
    assert.strictEqual(installedManifest("@dangjian/store-sqlite").engines?.node, ">=22.16")
    assert.strictEqual(installedManifest("@dangjian/cli").engines?.node, ">=22.19")
  })

  it("core and the PostgreSQL store run; the SQLite store imports and refuses to open with a typed error", () => {
    const schema = `artifacts_old_node_${process.pid}`
    try {
      const result = run(node!, [join(consumerDir(), "old-node.mjs")], {
        env: postgresUp ? { DATABASE_URL: databaseUrl, DANGJIAN_SCHEMA: schema } : {}
      })
      assert.strictEqual(result.code, 0, result.stderr)
      assert.notInclude(result.stderr, "ERR_UNKNOWN_BUILTIN_MODULE")
      const out = JSON.parse(result.stdout) as {
        memory: number
        sqlite: { tag: string; message: string }
        postgres?: number
      }
      assert.strictEqual(out.memory, 1)
      assert.strictEqual(out.sqlite.tag, "NodeSqliteUnavailable")
      assert.include(out.sqlite.message, "22.16")
      if (postgresUp) assert.strictEqual(out.postgres, 1)
    } finally {
      if (postgresUp) psql(`drop schema if exists ${schema} cascade`)
    }
  })

  it("the installed dangjian command prints one line naming the Node.js it needs", () => {
    const bin = join(consumerDir(), "node_modules", "@dangjian", "cli", "dist", "bin.js")
    const result = run(node!, [bin, "--help"])
    assert.strictEqual(result.code, 1)
    assert.strictEqual(result.stdout, "")
    const lines = result.stderr.trimEnd().split("\n")
    assert.strictEqual(lines.length, 1, result.stderr)
    assert.include(lines[0], "22.19")
  })
})
