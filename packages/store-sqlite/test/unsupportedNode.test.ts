// A Node without a usable node:sqlite can import the package (for its types, or a CLI that only wants
// PostgreSQL), and opening a store there fails with NodeSqliteUnavailable, not with a loader error. The real
// old Node runs the installed tarball in artifacts/test/oldNode.test.ts. This file
// has its own module instances (vitest isolates files), so the driver SqliteClient caches is first looked up
// here, under the simulated Node.
import { conformanceCodec } from "@dangjian/testing"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { existsSync } from "node:fs"
import { vi } from "vitest"
import { SqliteStore } from "../src/index.ts"
import { freshFile } from "./support/children.ts"

const en = (running: string) =>
  `The SQLite store needs node:sqlite from Node.js ≥ 22.16 (the running version is ${running})`

describe("SqliteStore on a Node without node:sqlite", () => {
  it.effect("opening fails with NodeSqliteUnavailable and creates no file (node:sqlite hidden)", () => {
    const file = freshFile("no-sqlite")
    const lookup = process.getBuiltinModule
    const spy = vi.spyOn(process, "getBuiltinModule").mockImplementation(
      ((id: string) => id === "node:sqlite" || id === "sqlite" ? undefined : lookup(id as never)) as typeof lookup
    )
    return Effect.gen(function*() {
      const error = yield* Effect.flip(
        Layer.build(SqliteStore.layer({ filename: file, codec: conformanceCodec })).pipe(Effect.scoped)
      )
      assert.strictEqual(error._tag, "NodeSqliteUnavailable")
      assert.strictEqual(error.message, en(process.version))
      assert.isFalse(existsSync(file))
    }).pipe(Effect.ensuring(Effect.sync(() => spy.mockRestore())))
  })
})
