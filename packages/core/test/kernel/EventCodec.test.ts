import { assert, describe, it } from "@effect/vitest"
import { Result, Schema } from "effect"
import fc from "fast-check"
import { EventCodec, EventDefinition } from "../../src/kernel/index.ts"
import { codec, Joined } from "./fixtures.ts"

describe("EventCodec", () => {
  it("encodes with the current schema version", () => {
    const encoded = codec.encode(Joined.schema.make({ orgId: "o", memberId: "m", role: "member" }))
    assert.isTrue(Result.isSuccess(encoded))
    const value = (encoded as Result.Success<EventCodec.EncodedEvent, never>).success
    assert.strictEqual(value.type, "Joined")
    assert.strictEqual(value.schemaVersion, 2)
  })

  it("upcasts version 1 data on decode", () => {
    const decoded = codec.decode({
      type: "Joined",
      schemaVersion: 1,
      data: { _tag: "Joined", orgId: "o", memberId: "m" }
    })
    assert.deepStrictEqual(Result.getOrThrow(decoded), { _tag: "Joined", orgId: "o", memberId: "m", role: "member" })
  })

  it("property: upcasting a v1 event, then encoding and decoding, is stable", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (orgId, memberId) => {
        const v1 = { _tag: "Joined", orgId, memberId }
        const upcast = Result.getOrThrow(codec.decode({ type: "Joined", schemaVersion: 1, data: v1 }))!
        const encoded = Result.getOrThrow(codec.encode(upcast))
        assert.strictEqual(encoded.schemaVersion, 2)
        const again = Result.getOrThrow(codec.decode(JSON.parse(JSON.stringify(encoded))))!
        assert.deepStrictEqual(again, upcast)
        assert.deepStrictEqual(Result.getOrThrow(codec.encode(again)), encoded)
      }),
      { numRuns: 200 }
    )
  })

  it("reports the Schema issue path of undecodable data, with its location", () => {
    const decoded = codec.decode(
      { type: "Joined", schemaVersion: 2, data: { _tag: "Joined", orgId: "o", memberId: 7, role: "x" } },
      { streamId: "organization-o", streamPosition: 4 }
    )
    assert.isTrue(Result.isFailure(decoded))
    const error = (decoded as Result.Failure<unknown, any>).failure
    assert.strictEqual(error._tag, "EventDecodeError")
    assert.strictEqual(error.path, "memberId")
    assert.strictEqual(error.streamPosition, 4)
    assert.include(error.message, "memberId")
    assert.notInclude(error.message, "7")
  })

  it("checks the old shape before an upcaster runs", () => {
    const decoded = codec.decode({ type: "Joined", schemaVersion: 1, data: { _tag: "Joined", orgId: "o" } })
    const error = (decoded as Result.Failure<unknown, any>).failure
    assert.strictEqual(error._tag, "EventDecodeError")
    assert.strictEqual(error.schemaVersion, 1)
    assert.strictEqual(error.path, "memberId")
  })

  it("fails on unknown types and versions by default", () => {
    for (
      const stored of [
        { type: "Nope", schemaVersion: 1, data: {} },
        { type: "Joined", schemaVersion: 3, data: {} },
        { type: "Joined", schemaVersion: 0, data: {} }
      ]
    ) {
      const decoded = codec.decode(stored)
      assert.strictEqual((decoded as Result.Failure<unknown, any>).failure._tag, "UnknownEventType")
    }
  })

  it("skips unknown and undecodable events when the policy says so", () => {
    const skipping = EventCodec.make(codec.definitions, { unknownEvents: "skip" })
    assert.strictEqual(Result.getOrThrow(skipping.decode({ type: "Nope", schemaVersion: 1, data: {} })), undefined)
    assert.strictEqual(
      Result.getOrThrow(skipping.decode({ type: "Joined", schemaVersion: 2, data: { _tag: "Joined" } })),
      undefined
    )
  })

  it("rejects invalid events on encode and validate with the path", () => {
    const bad = { _tag: "Joined", orgId: "o", memberId: "m", role: 1 } as never
    for (const result of [codec.encode(bad), codec.validate(bad)]) {
      const error = (result as Result.Failure<unknown, any>).failure
      assert.strictEqual(error._tag, "EventEncodeError")
      assert.strictEqual(error.path, "role")
    }
    assert.strictEqual(
      (codec.encode({ _tag: "Nope" } as never) as Result.Failure<unknown, any>).failure._tag,
      "UnknownEventType"
    )
  })

  it("refuses a definition whose versions have no upcaster chain, and a type defined twice", () => {
    const schema = Schema.TaggedStruct("X", { a: Schema.String })
    assert.throws(() => EventDefinition.define("X", schema, { version: 2 }), /upcaster from version 1/)
    const x = EventDefinition.define("X", schema)
    assert.throws(() => EventCodec.make([x, x]), /defined twice/)
  })
})

describe("EventCodec.decode on plain schemas", () => {
  const Plain = EventDefinition.define(
    "Plain",
    Schema.TaggedStruct("Plain", { id: Schema.String, n: Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)) })
  )
  const plain = EventCodec.make([Plain])

  it("returns valid data as read, and still rejects invalid data with the issue's path", () => {
    const data = { _tag: "Plain" as const, id: "a", n: 3 }
    const decoded = plain.decode({ type: "Plain", schemaVersion: 1, data })
    assert.deepStrictEqual(decoded, Result.succeed(data))
    const bad = plain.decode({ type: "Plain", schemaVersion: 1, data: { _tag: "Plain", id: "a", n: -1 } })
    assert.isTrue(Result.isFailure(bad))
    assert.strictEqual((bad as Result.Failure<unknown, { path: string }>).failure.path, "n")
  })

  it("gives the same value as the full decode for any valid value", () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), (id, n) => {
        const data = { _tag: "Plain" as const, id, n }
        const encoded = plain.encode(data)
        assert.isTrue(Result.isSuccess(encoded))
        const stored = (encoded as Result.Success<EventCodec.EncodedEvent, never>).success
        assert.deepStrictEqual(plain.decode(JSON.parse(JSON.stringify(stored))), Result.succeed(data))
      }),
      { numRuns: 300 }
    )
  })
})
