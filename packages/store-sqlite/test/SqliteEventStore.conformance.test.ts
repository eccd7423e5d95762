import { commandContention, eventStoreConformance, readModelConformance } from "@dangjian/testing"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqliteStore } from "../src/index.ts"

eventStoreConformance("sqlite :memory:", {
  makeStore: (codec) => SqliteStore.layer({ filename: ":memory:", codec })
})

const dir = mkdtempSync(join(tmpdir(), "dangjian-sqlite-"))
let n = 0
eventStoreConformance("sqlite file (WAL)", {
  makeStore: (codec) => SqliteStore.layer({ filename: join(dir, `store-${n++}.db`), codec }),
  reappends: 200
})
commandContention("sqlite file (WAL)", {
  makeStore: (codec) => SqliteStore.layer({ filename: join(dir, `store-${n++}.db`), codec })
})
readModelConformance("sqlite :memory:", {
  makeStore: (codec) => SqliteStore.layer({ filename: ":memory:", codec }),
  makeInlineStore: (codec, inline) => SqliteStore.layer({ filename: ":memory:", codec, inline })
})
readModelConformance("sqlite file (WAL)", {
  makeStore: (codec) => SqliteStore.layer({ filename: join(dir, `store-${n++}.db`), codec }),
  makeInlineStore: (codec, inline) => SqliteStore.layer({ filename: join(dir, `store-${n++}.db`), codec, inline }),
  // Every commit waits for the disk (synchronous = FULL): fewer runs of the catch-up property.
  runs: 12
})
