import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { TestClock } from "effect/testing"
import fc from "fast-check"
import { Uuid } from "../../src/index.ts"

const reference = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

describe("Uuid", () => {
  it("isUuid agrees with the reference pattern on arbitrary strings and on near-UUIDs", () => {
    const nearUuid = fc.uuid().chain((id) =>
      fc.tuple(fc.nat({ max: 35 }), fc.constantFrom("-", "g", "G", "0", "F", "", "00", " ")).map(([at, c]) =>
        id.slice(0, at) + c + id.slice(at + 1)
      )
    )
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.uuid(), fc.uuid().map((id) => id.toUpperCase()), nearUuid), (s) => {
        assert.strictEqual(Uuid.isUuid(s), reference.test(s))
      }),
      { numRuns: 5000 }
    )
    assert.isFalse(Uuid.isUuid(42))
    assert.isFalse(Uuid.isUuid(undefined))
  })

  it.effect("v7 ids are valid version-7 UUIDs carrying the clock's millisecond, and unique across pool refills", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(Date.UTC(2026, 10, 30, 12, 0, 0, 123))
      const ids = [...(yield* Uuid.v7Many(1000)), yield* Uuid.v7]
      assert.strictEqual(new Set(ids).size, ids.length)
      for (const id of ids) {
        assert.isTrue(Uuid.isUuid(id))
        assert.strictEqual(id[14], "7")
        assert.include("89ab", id[19]!)
        assert.strictEqual(parseInt(id.slice(0, 8) + id.slice(9, 13), 16), Date.UTC(2026, 10, 30, 12, 0, 0, 123))
      }
    }))

  it("v7FromParts writes the time into the first 6 bytes and sets version and variant", () => {
    const id = Uuid.v7FromParts(0x0123456789ab, new Uint8Array(16).fill(0xff))
    assert.strictEqual(id, "01234567-89ab-7fff-bfff-ffffffffffff")
  })
})
