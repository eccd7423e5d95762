import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { TestClock } from "effect/testing"
import fc from "fast-check"
import { Uuid } from "../../src/kernel/index.ts"

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

  it("isEventId accepts exactly the lowercase UUIDs", () => {
    const lowercase = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.uuid(), fc.uuid().map((id) => id.toUpperCase())), (s) => {
        assert.strictEqual(Uuid.isEventId(s), lowercase.test(s))
      }),
      { numRuns: 3000 }
    )
    assert.isTrue(Uuid.isEventId("0190a8c0-1111-7abc-8def-0123456789ab"))
    assert.isFalse(Uuid.isEventId("0190A8C0-1111-7ABC-8DEF-0123456789AB"))
  })

  // Each run starts a day after the last one's ids, so the module's last id never reaches into a run.
  let runStart = Date.UTC(2030, 0, 1)
  it("ids increase strictly through same-millisecond bursts and small clock steps back; a reset starts anew", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            step: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 }), fc.integer({ min: -10_000, max: -1 })),
            count: fc.integer({ min: 1, max: 300 })
          }),
          { minLength: 1, maxLength: 20 }
        ),
        (bursts) => {
          runStart += 86_400_000
          let clock = runStart
          // The model: the millisecond ids carry, and whether the last step was a reset (a step back > 10 s).
          let carried = Number.NEGATIVE_INFINITY
          let previous = ""
          for (const { count, step } of bursts) {
            clock += step
            const reset = clock < carried - 10_000
            if (clock > carried || reset) carried = clock
            for (const [i, id] of Uuid.v7ManyAt(count, clock).entries()) {
              assert.isTrue(Uuid.isEventId(id) && id[14] === "7" && "89ab".includes(id[19]!), id)
              if (!(reset && i === 0)) assert.isTrue(id > previous, `${id} after ${previous}`)
              assert.strictEqual(parseInt(id.slice(0, 8) + id.slice(9, 13), 16), carried)
              previous = id
            }
          }
          const greatest = carried
          // A clock set back further than 10 s is a reset: ids carry the new time again.
          const [reset] = Uuid.v7ManyAt(1, greatest - 10_001)
          assert.strictEqual(parseInt(reset!.slice(0, 8) + reset!.slice(9, 13), 16), greatest - 10_001)
        }
      ),
      { numRuns: 200 }
    )
  })

  it("v7FromParts writes the time into the first 6 bytes and sets version and variant", () => {
    const id = Uuid.v7FromParts(0x0123456789ab, new Uint8Array(16).fill(0xff))
    assert.strictEqual(id, "01234567-89ab-7fff-bfff-ffffffffffff")
  })
})
