import { assert, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import fc from "fast-check"
import type { EventStore, ExpectedVersion } from "../../src/kernel/index.ts"
import { AppendRequest, Envelope } from "../../src/kernel/index.ts"

// The obvious implementation, for the differential property: validate's fast paths (ids in increasing order,
// pairwise comparison for small requests, Sets for large ones) must give the same verdict.
const isMetadata = Schema.is(Envelope.EventMetadata)

const reference = (request: ReadonlyArray<EventStore.AppendToStream>): string | undefined => {
  if (request.length === 0) return "noStreams"
  const streams = new Set<string>()
  const ids = new Set<string>()
  let duplicateId = false
  for (const part of request) {
    if (
      part.streamId.length === 0 || part.streamId.length > 200 || /[\u0000-\u001f\u007f]/.test(part.streamId)
      || !Envelope.StreamId.pipe(Schema.is)(part.streamId)
    ) {
      return "invalidStreamId"
    }
    if (streams.has(part.streamId)) return "duplicateStream"
    streams.add(part.streamId)
    for (const event of part.events) {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(event.eventId)) {
        return "invalidEventId"
      }
      if (typeof event.type !== "string" || event.type === "") return "invalidEventType"
      if (event.data === undefined) return "missingEventData"
      if (!isMetadata(event.metadata)) return "invalidMetadata"
      if (ids.has(event.eventId)) duplicateId = true
      ids.add(event.eventId)
    }
  }
  return duplicateId ? "duplicateEventId" : undefined
}

const metadata = { occurredAt: "2026-11-30", recordedAt: "2026-11-30T00:00:00.000Z" }
const eventId = fc.oneof(
  { weight: 20, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom("00000000-0000-7000-8000-000000000001", "not-a-uuid") },
  { weight: 1, arbitrary: fc.uuid().map((id) => id.toUpperCase()) }
)
// Mostly well-formed events; now and then one without a type name or data, or with malformed metadata.
const eventBody = fc.oneof(
  { weight: 30, arbitrary: fc.constant({ type: "T", data: {}, metadata }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constantFrom<unknown>("T", "", 7, undefined),
      data: fc.constantFrom<unknown>({}, null, 0, undefined),
      metadata: fc.constantFrom<unknown>(
        metadata,
        { ...metadata, actor: "cadre-1" },
        { ...metadata, actor: 1 },
        { occurredAt: "2026-11-30" },
        { ...metadata, recordedAt: null },
        null,
        [],
        "2026-11-30"
      )
    })
  }
)
const part = fc.record({
  streamId: fc.oneof(
    { weight: 20, arbitrary: fc.constantFrom(...Array.from({ length: 40 }, (_, i) => `s-${i}`)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("", "bad\u0001", "x".repeat(201), "y".repeat(200), "党建-1", "s-😀")
    },
    // Unpaired surrogates (alone, reversed, at either end) and well-formed pairs.
    { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 6 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("a\ud800", "\udc00b", "\udc00\ud800", "\ud800\ud800\udc00", "x\ud83d\ude00y")
    }
  ),
  // Sorted ids too, as `Uuid.v7` makes them: strictly increasing unless a duplicate sits next to its twin.
  events: fc.oneof(
    fc.array(eventId, { maxLength: 24 }),
    fc.array(eventId, { maxLength: 24 }).map((ids) => [...ids].sort())
  ).chain((ids) =>
    fc.tuple(...ids.map(() => eventBody)).map((bodies) =>
      ids.map((id, i) => ({ eventId: id, ...bodies[i]! }) as EventStore.AppendToStream["events"][number])
    )
  )
})

describe("AppendRequest.validate", () => {
  it("gives the reference verdict on small and large requests (pairwise and hashed paths)", () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 30 }), (parts) => {
        const request: ReadonlyArray<EventStore.AppendToStream> = parts.map((p) => ({ ...p, expected: "any" }))
        assert.strictEqual(AppendRequest.validate(request)?.reason, reference(request))
      }),
      { numRuns: 3000 }
    )
  })

  it("an expected version other than any, noStream, exists or a whole number ≥ 0 is refused", () => {
    for (const expected of [-1, 1.5, Number.NaN, 2 ** 53, "latest", null]) {
      const request = [{ streamId: "s-1", expected: expected as ExpectedVersion, events: [] }]
      const refused = AppendRequest.validate(request)
      assert.strictEqual(refused?.reason, "invalidExpectedVersion")
      assert.strictEqual(refused?.detail, "s-1")
    }
    for (const expected of [0, 7, "any", "noStream", "exists"] as const) {
      assert.isUndefined(AppendRequest.validate([{ streamId: "s-1", expected, events: [] }]))
    }
  })

  it("an invalid value is never echoed in the error", () => {
    const secret = "member-张三\u0000"
    const refused = AppendRequest.validate([{ streamId: secret, expected: "any", events: [] }])
    assert.strictEqual(refused?.reason, "invalidStreamId")
    assert.notInclude(refused!.message, "张三")
    assert.include(refused!.message, "control characters")
  })

  it("an event without a type name or data, or with malformed metadata, is refused and named by its id", () => {
    const id = "00000000-0000-7000-8000-000000000001"
    const refusal = (event: Record<string, unknown>) =>
      AppendRequest.validate([{
        streamId: "s-1",
        expected: "any",
        events: [{ eventId: id, type: "T", data: {}, metadata, ...event } as never]
      }])
    for (const type of ["", 7, undefined]) assert.strictEqual(refusal({ type })?.reason, "invalidEventType")
    assert.strictEqual(refusal({ data: undefined })?.reason, "missingEventData")
    for (const bad of [undefined, null, "2026-11-30", [], { occurredAt: "2026-11-30" }, { ...metadata, actor: 1 }]) {
      const refused = refusal({ metadata: bad })
      assert.strictEqual(refused?.reason, "invalidMetadata")
      assert.strictEqual(refused?.detail, id)
    }
    // Data may be any JSON value, null and 0 included; metadata may carry the optional ids.
    for (const data of [null, 0, "", []]) assert.isUndefined(refusal({ data }))
    assert.isUndefined(refusal({ metadata: { ...metadata, actor: "cadre-1", correlationId: "c-1" } }))
  })

  it("metadata shared by a request's events is checked once, and a later malformed one is still found", () => {
    const ids = Array.from({ length: 3 }, (_, i) => `00000000-0000-7000-8000-00000000000${i + 1}`)
    const events = ids.map((eventId) => ({ eventId, type: "T", data: {}, metadata }))
    assert.isUndefined(AppendRequest.validate([{ streamId: "s-1", expected: "any", events }]))
    const last = { ...events[2]!, metadata: { occurredAt: "2026-11-30" } as never }
    const refused = AppendRequest.validate([{
      streamId: "s-1",
      expected: "any",
      events: [...events.slice(0, 2), last]
    }])
    assert.strictEqual(refused?.reason, "invalidMetadata")
    assert.strictEqual(refused?.detail, ids[2])
  })

  it("a duplicate stream among 10,000 streams is found (the hashed path)", () => {
    const request = Array.from({ length: 10_000 }, (_, i) => ({
      streamId: `s-${i === 9_999 ? 0 : i}`,
      expected: "any" as const,
      events: []
    }))
    assert.strictEqual(AppendRequest.validate(request)?.reason, "duplicateStream")
  })
})
