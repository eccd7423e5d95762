import { MemoryStore } from "@dangjian/core"
import { commandContention, eventStoreConformance, readModelConformance } from "../src/index.ts"

eventStoreConformance("in-memory", { makeStore: (codec) => MemoryStore.layer({ codec }) })
commandContention("in-memory", { makeStore: (codec) => MemoryStore.layer({ codec }) })
readModelConformance("in-memory", {
  makeStore: (codec) => MemoryStore.layer({ codec }),
  makeInlineStore: (codec, inline) => MemoryStore.layer({ codec, inline }),
  inlineInTransaction: false
})
