import { commandContention, eventStoreConformance } from "@dangjian/testing"
import { describe, it } from "@effect/vitest"
import { skipReason, storeLayer, unreachable } from "./support/database.ts"

if (unreachable === undefined) {
  eventStoreConformance("postgres", { makeStore: (codec) => storeLayer(codec) })
  commandContention("postgres", { makeStore: (codec) => storeLayer(codec) })
} else {
  describe("EventStore conformance: postgres", () => {
    it.skip(skipReason, () => {})
  })
}
