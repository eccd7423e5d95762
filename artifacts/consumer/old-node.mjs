// Run on a Node.js older than the SQLite store and the CLI need: the core and the PostgreSQL store work, the
// SQLite store imports and fails to open with a typed error that names the version it needs.
import { Dangjian, MemoryStore, PromiseClient } from "@dangjian/core"
import { PostgresStore } from "@dangjian/store-postgres"
import { SqliteStore } from "@dangjian/store-sqlite"
import { Redacted } from "effect"
import assert from "node:assert/strict"

const town = {
  _tag: "EstablishOrganization",
  orgId: "town",
  name: "Town committee",
  kind: "townshipCommittee",
  formation: "standalone",
  locus: "township",
  approval: { by: "county", level: "county", at: "2024-01-01" },
  initialMembers: [],
  at: "2024-01-01"
}
const result = {}
const memory = PromiseClient.make({ store: MemoryStore.layer({ codec: Dangjian.codec }) })
result.memory = (await memory.execute(town)).streams.length
await memory.close()

const sqlite = PromiseClient.make({ store: SqliteStore.layer({ filename: ":memory:", codec: Dangjian.codec }) })
const refused = await sqlite.execute(town).then(() => undefined, (error) => error)
assert.ok(refused !== undefined, "SQLite opened on a Node.js without a usable node:sqlite")
result.sqlite = { tag: refused._tag, message: refused.message }
await sqlite.close().catch(() => undefined)

if (process.env.DATABASE_URL !== undefined && process.env.DANGJIAN_SCHEMA !== undefined) {
  const postgres = PromiseClient.make({
    store: PostgresStore.layer({
      url: Redacted.make(process.env.DATABASE_URL),
      codec: Dangjian.codec,
      schema: process.env.DANGJIAN_SCHEMA
    })
  })
  result.postgres = (await postgres.execute(town)).streams.length
  await postgres.close()
}
console.log(JSON.stringify(result))
