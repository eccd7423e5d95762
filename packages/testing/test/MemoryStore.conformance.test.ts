import { MemoryStore } from "@dangjian/core"
import { commandContention, eventStoreConformance } from "../src/index.ts"

eventStoreConformance("in-memory", { makeStore: (codec) => MemoryStore.layer({ codec }) })
commandContention("in-memory", { makeStore: (codec) => MemoryStore.layer({ codec }) })
