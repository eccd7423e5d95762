import { assert, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import fc from "fast-check"
import { Envelope } from "../../src/kernel/index.ts"

const bySchema = Schema.is(Envelope.EventMetadata)
const optionalKeys = ["actor", "commandId", "causationId", "correlationId"] as const

// Objects near the boundary: the two required keys present or not, each of any value; optional keys absent,
// strings or something else.
const nearMetadata = fc.record(
  {
    occurredAt: fc.oneof(fc.string(), fc.anything()),
    recordedAt: fc.oneof(fc.string(), fc.anything()),
    ...Object.fromEntries(optionalKeys.map((key) => [key, fc.oneof(fc.string(), fc.anything())]))
  },
  { requiredKeys: [] }
)

describe("Envelope.isEventMetadata", () => {
  it("agrees with Schema.is(EventMetadata) on anything and on near-miss objects", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), nearMetadata), (u) => {
        assert.strictEqual(Envelope.isEventMetadata(u), bySchema(u))
      }),
      { numRuns: 5000 }
    )
  })

  it("takes the required keys and the optional ids, and refuses what a store could not read back", () => {
    const base = { occurredAt: "2026-11-30", recordedAt: "2026-11-30T00:00:00.000Z" }
    assert.isTrue(Envelope.isEventMetadata(base))
    assert.isTrue(Envelope.isEventMetadata({ ...base, actor: "cadre-1", extra: 1 }))
    for (const bad of [null, [], "x", { occurredAt: "2026-11-30" }, { ...base, recordedAt: 0 }]) {
      assert.isFalse(Envelope.isEventMetadata(bad))
    }
    for (const key of optionalKeys) assert.isFalse(Envelope.isEventMetadata({ ...base, [key]: undefined }))
  })
})
