import { MemoryStore } from "@dangjian/core"
import { eventStoreConformance } from "../src/index.ts"

eventStoreConformance("in-memory", { makeStore: (codec) => MemoryStore.layer({ codec }) })
