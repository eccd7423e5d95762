import { commandContention, eventStoreConformance, readModelConformance } from "@dangjian/testing"
import { describe, it } from "@effect/vitest"
import { skipReason, storeLayer, unreachable } from "./support/database.ts"

if (unreachable === undefined) {
  eventStoreConformance("postgres", { makeStore: (codec) => storeLayer(codec) })
  commandContention("postgres", { makeStore: (codec) => storeLayer(codec) })
  readModelConformance("postgres", {
    makeStore: (codec) => storeLayer(codec),
    makeInlineStore: (codec, inline) => storeLayer(codec, { inline }),
    runs: 12
  })
} else {
  describe("EventStore conformance: postgres", () => {
    it.skip(skipReason, () => {})
  })
}
