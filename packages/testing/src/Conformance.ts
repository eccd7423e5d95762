/**
 * The event-store conformance suite: one function that registers the whole `EventStore` contract as vitest
 * tests against any store layer. Every dangjian store runs it unchanged (in-memory, SQLite, PostgreSQL), and
 * so can a store you write yourself.
 *
 * It checks every expected-version variant, multi-stream atomicity, idempotent re-append, request
 * validation, codec validation on append, stream and global ordering and paging, concurrent writers
 * (every version taken exactly once; losers get a typed conflict) and subscriptions (catch-up, then live;
 * every event exactly once, in global order, even while writers are busy).
 *
 * @since 0.1.0
 */
import type { ExpectedVersion, NewEvent } from "@dangjian/core/kernel"
import { Envelope, EventCodec, EventDefinition, EventStore, Uuid } from "@dangjian/core/kernel"
import { assert, describe, it } from "@effect/vitest"
import type { Layer } from "effect"
import { Effect, Fiber, Result, Schema, Stream } from "effect"

/**
 * The events the suite writes: a thing is created, then noted.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const ThingCreated = EventDefinition.define(
  "ThingCreated",
  Schema.TaggedStruct("ThingCreated", { thingId: Schema.String, label: Schema.String })
)

/**
 * @category fixtures
 * @since 0.1.0
 */
export const ThingNoted = EventDefinition.define(
  "ThingNoted",
  Schema.TaggedStruct("ThingNoted", { thingId: Schema.String, n: Schema.Int })
)

/**
 * The codec of the suite's events; `makeStore` receives it.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const conformanceCodec = EventCodec.make([ThingCreated, ThingNoted])

/**
 * @category models
 * @since 0.1.0
 */
export interface ConformanceOptions {
  /** A fresh, empty store for one test, built with the given codec. */
  readonly makeStore: (codec: EventCodec.EventCodec<any>) => Layer.Layer<EventStore.EventStore, unknown>
  /** Concurrent writers in the concurrency tests (default 8). */
  readonly writers?: number
  /** Appends per writer in the contention test (default 25). */
  readonly appendsPerWriter?: number
  /** Re-appends in the idempotency test (default 1,000). */
  readonly reappends?: number
  /** Per-test timeout in milliseconds (default 60,000). */
  readonly timeout?: number
}

const metadata = { occurredAt: "2024-03-15", recordedAt: "2024-03-15T08:00:00.000Z", actor: "actor-1" }

const noted = (thingId: string, n: number): Effect.Effect<NewEvent> =>
  Effect.map(Uuid.v7, (eventId) => ({
    eventId,
    type: "ThingNoted",
    data: ThingNoted.schema.make({ thingId, n }),
    metadata
  }))

const created = (thingId: string): Effect.Effect<NewEvent> =>
  Effect.map(Uuid.v7, (eventId) => ({
    eventId,
    type: "ThingCreated",
    data: ThingCreated.schema.make({ thingId, label: `thing ${thingId}` }),
    metadata
  }))

const notes = (thingId: string, from: number, count: number) =>
  Effect.all(Array.from({ length: count }, (_, i) => noted(thingId, from + i)))

const failureTag = <A, E>(result: Result.Result<A, E>): string =>
  Result.isFailure(result) ? String((result.failure as { _tag?: unknown })._tag) : "Success"

/**
 * Registers the conformance suite under `describe(name)`.
 *
 * @example
 * ```ts
 * import { MemoryStore } from "@dangjian/core"
 * import { eventStoreConformance } from "@dangjian/testing"
 *
 * eventStoreConformance("in-memory", { makeStore: (codec) => MemoryStore.layer({ codec }) })
 * ```
 *
 * @category suites
 * @since 0.1.0
 */
export const eventStoreConformance = (name: string, options: ConformanceOptions): void => {
  const writers = options.writers ?? 8
  const appendsPerWriter = options.appendsPerWriter ?? 25
  const reappends = options.reappends ?? 1_000
  const timeout = options.timeout ?? 60_000

  const test = (title: string, body: Effect.Effect<void, unknown, EventStore.EventStore>) =>
    it.live(title, () => body.pipe(Effect.provide(options.makeStore(conformanceCodec))), timeout)

  const store = EventStore.EventStore

  describe(`EventStore conformance: ${name}`, () => {
    describe("append and read", () => {
      test(
        "a new stream starts at version 0 and positions are 1-based",
        Effect.gen(function*() {
          const s = yield* store
          const empty = yield* s.readStream("thing-none")
          assert.strictEqual(empty.version, 0)
          assert.strictEqual(empty.events.length, 0)
          const events = [yield* created("a"), ...(yield* notes("a", 1, 2))]
          const result = yield* s.append([{ streamId: "thing-a", expected: "noStream", events }])
          assert.isFalse(result.alreadyStored)
          assert.deepStrictEqual(result.streams, [{ streamId: "thing-a", version: 3 }])
          assert.deepStrictEqual(result.positions.map((p) => p.streamPosition), [1, 2, 3])
          assert.deepStrictEqual(result.positions.map((p) => p.eventId), events.map((e) => e.eventId))
          assert.strictEqual(result.lastGlobalPosition, result.positions[2]!.globalPosition)
          const read = yield* s.readStream("thing-a")
          assert.strictEqual(read.version, 3)
          assert.deepStrictEqual(read.events.map((e) => e.streamPosition), [1, 2, 3])
          assert.deepStrictEqual(read.events.map((e) => e.eventId), events.map((e) => e.eventId))
          assert.deepStrictEqual(read.events.map((e) => e.data), events.map((e) => e.data))
          assert.deepStrictEqual(read.events.map((e) => e.type), ["ThingCreated", "ThingNoted", "ThingNoted"])
          assert.isTrue(read.events.every((e) => e.schemaVersion === 1 && e.streamId === "thing-a"))
          assert.deepStrictEqual(read.events[0]!.metadata, metadata)
          assert.strictEqual(yield* s.head, result.lastGlobalPosition)
        })
      )

      test(
        "readStream after a position returns the rest and the full version",
        Effect.gen(function*() {
          const s = yield* store
          yield* s.append([{ streamId: "thing-b", expected: "noStream", events: yield* notes("b", 1, 5) }])
          const rest = yield* s.readStream("thing-b", { after: 3 })
          assert.strictEqual(rest.version, 5)
          assert.deepStrictEqual(rest.events.map((e) => e.streamPosition), [4, 5])
          const none = yield* s.readStream("thing-b", { after: 5 })
          assert.strictEqual(none.events.length, 0)
          assert.strictEqual(none.version, 5)
        })
      )

      test(
        "folding in the store equals folding what readStream returns (foldStream, when the store has it)",
        Effect.gen(function*() {
          const s = yield* store
          yield* s.append([{ streamId: "thing-f", expected: "noStream", events: yield* notes("f", 1, 6) }])
          // An order-sensitive fold: the sequence of `n`s, so a skipped, repeated or reordered event shows.
          const evolve = (seen: ReadonlyArray<number>, data: unknown) => [...seen, (data as { n: number }).n]
          for (const after of [0, 2, 5, 6, 9]) {
            const read = yield* s.readStream("thing-f", { after })
            const folded = yield* EventStore.fold(s, "thing-f", [] as ReadonlyArray<number>, evolve, { after })
            assert.deepStrictEqual(folded, { state: read.events.map((e) => (e.data as { n: number }).n), version: 6 })
          }
          const missing = yield* EventStore.fold(s, "thing-none", ["initial"], (state) => [...state, "event"])
          assert.deepStrictEqual(missing, { state: ["initial"], version: 0 })
        })
      )

      test(
        "any string round-trips in data and metadata (NUL, lone surrogates, escapes, non-Latin text), and so does a non-Latin stream id",
        Effect.gen(function*() {
          const s = yield* store
          // JSON.stringify writes NUL as \u0000 and a lone surrogate as \ud800: every store must take them back
          // (PostgreSQL's jsonb refuses \u0000; a store must not turn such an event into a failed append).
          const awkward = "a\u0000b \ud800 \udfff 😀 党建 \"q\" \\ \n\t\u2028 \u001f"
          const eventId = yield* Uuid.v7
          const event: NewEvent = {
            eventId,
            type: "ThingCreated",
            data: ThingCreated.schema.make({ thingId: "odd", label: awkward }),
            metadata: { ...metadata, actor: awkward, correlationId: awkward }
          }
          const streamId = "thing-党建-😀"
          yield* s.append([{ streamId, expected: "noStream", events: [event] }])
          const [read] = (yield* s.readStream(streamId)).events
          const [global] = yield* s.readAll({ after: 0 })
          for (const envelope of [read!, global!]) {
            assert.strictEqual(envelope.streamId, streamId)
            assert.deepStrictEqual(envelope.data, event.data)
            assert.deepStrictEqual(envelope.metadata, event.metadata)
          }
        })
      )

      test(
        "an append with no events for a stream only checks its version",
        Effect.gen(function*() {
          const s = yield* store
          const check = yield* s.append([{ streamId: "thing-c", expected: "noStream", events: [] }])
          assert.deepStrictEqual(check.streams, [{ streamId: "thing-c", version: 0 }])
          assert.strictEqual(check.positions.length, 0)
          assert.strictEqual(check.lastGlobalPosition, 0)
          assert.strictEqual((yield* s.readStream("thing-c")).version, 0)
          const conflict = yield* Effect.result(s.append([{ streamId: "thing-c", expected: "exists", events: [] }]))
          assert.strictEqual(failureTag(conflict), "VersionConflict")
        })
      )
    })

    describe("expected versions", () => {
      const cases: ReadonlyArray<{
        readonly title: string
        readonly existing: number
        readonly expected: ExpectedVersion
        readonly ok: boolean
      }> = [
        { title: "any on no stream", existing: 0, expected: "any", ok: true },
        { title: "any on an existing stream", existing: 2, expected: "any", ok: true },
        { title: "noStream on no stream", existing: 0, expected: "noStream", ok: true },
        { title: "noStream on an existing stream", existing: 2, expected: "noStream", ok: false },
        { title: "exists on no stream", existing: 0, expected: "exists", ok: false },
        { title: "exists on an existing stream", existing: 2, expected: "exists", ok: true },
        { title: "exact 0 on no stream", existing: 0, expected: 0, ok: true },
        { title: "exact 0 on an existing stream", existing: 2, expected: 0, ok: false },
        { title: "exact n matching", existing: 2, expected: 2, ok: true },
        { title: "exact n behind", existing: 2, expected: 1, ok: false },
        { title: "exact n ahead", existing: 2, expected: 3, ok: false }
      ]
      for (const c of cases) {
        test(
          `${c.title}: ${c.ok ? "appends" : "conflicts with expected and actual"}`,
          Effect.gen(function*() {
            const s = yield* store
            if (c.existing > 0) {
              yield* s.append([{ streamId: "thing-v", expected: "noStream", events: yield* notes("v", 1, c.existing) }])
            }
            const headBefore = yield* s.head
            const result = yield* Effect.result(
              s.append([{ streamId: "thing-v", expected: c.expected, events: yield* notes("v", 10, 1) }])
            )
            if (c.ok) {
              assert.isTrue(Result.isSuccess(result))
              assert.strictEqual((yield* s.readStream("thing-v")).version, c.existing + 1)
            } else {
              assert.isTrue(Result.isFailure(result))
              const error = (result as Result.Failure<unknown, any>).failure
              assert.strictEqual(error._tag, "VersionConflict")
              assert.strictEqual(error.streamId, "thing-v")
              assert.deepStrictEqual(error.expected, c.expected)
              assert.strictEqual(error.actual, c.existing)
              assert.strictEqual(error.code, "kernel.versionConflict")
              assert.strictEqual((yield* s.readStream("thing-v")).version, c.existing)
              assert.strictEqual(yield* s.head, headBefore)
            }
          })
        )
      }
    })

    describe("multi-stream appends", () => {
      test(
        "write every stream in one commit",
        Effect.gen(function*() {
          const s = yield* store
          yield* s.append([{ streamId: "thing-m1", expected: "noStream", events: yield* notes("m1", 1, 1) }])
          const result = yield* s.append([
            { streamId: "thing-m1", expected: 1, events: yield* notes("m1", 2, 2) },
            { streamId: "thing-m2", expected: "noStream", events: yield* notes("m2", 1, 1) },
            { streamId: "thing-m3", expected: "any", events: [] }
          ])
          assert.deepStrictEqual(result.streams, [
            { streamId: "thing-m1", version: 3 },
            { streamId: "thing-m2", version: 1 },
            { streamId: "thing-m3", version: 0 }
          ])
          const globals = result.positions.map((p) => p.globalPosition)
          assert.deepStrictEqual(globals, [...globals].sort((a, b) => a - b))
          assert.strictEqual(new Set(globals).size, 3)
          const all = yield* s.readAll({ after: 0 })
          assert.deepStrictEqual(all.map((e) => e.streamId), ["thing-m1", "thing-m1", "thing-m1", "thing-m2"])
        })
      )

      test(
        "one failed expectation writes nothing to any stream",
        Effect.gen(function*() {
          const s = yield* store
          yield* s.append([{ streamId: "thing-x1", expected: "noStream", events: yield* notes("x1", 1, 2) }])
          yield* s.append([{ streamId: "thing-x2", expected: "noStream", events: yield* notes("x2", 1, 1) }])
          const head = yield* s.head
          const result = yield* Effect.result(s.append([
            { streamId: "thing-x1", expected: 2, events: yield* notes("x1", 3, 1) },
            { streamId: "thing-x3", expected: "noStream", events: yield* notes("x3", 1, 1) },
            { streamId: "thing-x2", expected: 5, events: yield* notes("x2", 2, 1) }
          ]))
          assert.strictEqual(failureTag(result), "VersionConflict")
          const error = (result as Result.Failure<unknown, any>).failure
          assert.strictEqual(error.streamId, "thing-x2")
          assert.strictEqual(error.actual, 1)
          assert.strictEqual((yield* s.readStream("thing-x1")).version, 2)
          assert.strictEqual((yield* s.readStream("thing-x2")).version, 1)
          assert.strictEqual((yield* s.readStream("thing-x3")).version, 0)
          assert.strictEqual(yield* s.head, head)
          assert.strictEqual((yield* s.readAll({ after: 0 })).length, 3)
        })
      )

      test(
        "an invalid event in one stream writes nothing to any stream",
        Effect.gen(function*() {
          const s = yield* store
          const bad: NewEvent = {
            eventId: yield* Uuid.v7,
            type: "ThingNoted",
            data: { _tag: "ThingNoted", thingId: "y", n: 1.5 },
            metadata
          }
          const result = yield* Effect.result(s.append([
            { streamId: "thing-y1", expected: "noStream", events: yield* notes("y1", 1, 1) },
            { streamId: "thing-y2", expected: "noStream", events: [bad] }
          ]))
          assert.strictEqual(failureTag(result), "EventEncodeError")
          assert.strictEqual((result as Result.Failure<unknown, any>).failure.path, "n")
          assert.strictEqual(yield* s.head, 0)
          const unknown: NewEvent = {
            eventId: yield* Uuid.v7,
            type: "NoSuchEvent",
            data: { _tag: "NoSuchEvent" },
            metadata
          }
          const result2 = yield* Effect.result(s.append([{ streamId: "thing-y1", expected: "any", events: [unknown] }]))
          assert.strictEqual(failureTag(result2), "UnknownEventType")
          assert.strictEqual(yield* s.head, 0)
        })
      )
    })

    describe("idempotency", () => {
      test(
        `re-appending the same event ids ${reappends} times stores them once`,
        Effect.gen(function*() {
          const s = yield* store
          const events = yield* notes("i", 1, 3)
          const first = yield* s.append([{ streamId: "thing-i", expected: "noStream", events }])
          for (let i = 0; i < reappends; i++) {
            const again = yield* s.append([{ streamId: "thing-i", expected: "noStream", events }])
            if (i === 0 || i === reappends - 1) {
              assert.isTrue(again.alreadyStored)
              assert.deepStrictEqual(again.positions, first.positions)
              assert.deepStrictEqual(again.streams, first.streams)
            }
          }
          const read = yield* s.readStream("thing-i")
          assert.strictEqual(read.version, 3)
          assert.strictEqual((yield* s.readAll({ after: 0, limit: 10_000 })).length, 3)
        })
      )

      test(
        "a stored event id in another stream or in part of a batch is a typed conflict",
        Effect.gen(function*() {
          const s = yield* store
          const [one, two] = yield* notes("j", 1, 2)
          yield* s.append([{ streamId: "thing-j", expected: "noStream", events: [one!] }])
          const other = yield* Effect.result(s.append([{ streamId: "thing-k", expected: "any", events: [one!] }]))
          assert.strictEqual(failureTag(other), "EventIdConflict")
          assert.strictEqual((other as Result.Failure<unknown, any>).failure.reason, "otherStream")
          const partial = yield* Effect.result(
            s.append([{ streamId: "thing-j", expected: "any", events: [one!, two!] }])
          )
          assert.strictEqual(failureTag(partial), "EventIdConflict")
          assert.strictEqual((partial as Result.Failure<unknown, any>).failure.reason, "partialBatch")
          assert.strictEqual((yield* s.readStream("thing-j")).version, 1)
          assert.strictEqual((yield* s.readStream("thing-k")).version, 0)
        })
      )

      test(
        "event ids in any order (made elsewhere, or chosen by the caller) are found again",
        Effect.gen(function*() {
          const s = yield* store
          // Ids in generation order, then appended out of it: newest first, one below everything stored, and
          // ids of another generator's shape (version 4), so no store can rely on ids arriving in order.
          const ids = yield* Uuid.v7Many(30)
          const chosen = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`
          const withIds = (thingId: string, eventIds: ReadonlyArray<string>) =>
            Effect.map(
              notes(thingId, 1, eventIds.length),
              (events) => events.map((event, i) => ({ ...event, eventId: eventIds[i]! }))
            )
          const batches = [
            { streamId: "thing-o1", events: yield* withIds("o1", ids.slice(20, 30)) },
            { streamId: "thing-o2", events: yield* withIds("o2", ids.slice(0, 10).toReversed()) },
            { streamId: "thing-o3", events: yield* withIds("o3", [chosen(7), chosen(3), chosen(5)]) },
            { streamId: "thing-o4", events: yield* withIds("o4", ids.slice(10, 20)) }
          ]
          const first: Array<EventStore.AppendResult> = []
          for (const batch of batches) first.push(yield* s.append([{ ...batch, expected: "noStream" }]))
          for (const [i, batch] of batches.entries()) {
            const again = yield* s.append([{ ...batch, expected: "noStream" }])
            assert.isTrue(again.alreadyStored, batch.streamId)
            assert.deepStrictEqual(again.positions, first[i]!.positions)
            for (const event of batch.events) {
              const elsewhere = yield* Effect.result(
                s.append([{ streamId: "thing-o5", expected: "any", events: [event] }])
              )
              assert.strictEqual(failureTag(elsewhere), "EventIdConflict", event.eventId)
            }
          }
          // An id between stored ones that is not stored is new.
          const between = yield* withIds("o5", [chosen(4)])
          const fresh = yield* s.append([{ streamId: "thing-o5", expected: "noStream", events: between }])
          assert.isFalse(fresh.alreadyStored)
          assert.strictEqual((yield* s.readAll({ after: 0, limit: 10_000 })).length, 34)
        })
      )
    })

    describe("request validation", () => {
      test(
        "malformed requests are typed errors and write nothing",
        Effect.gen(function*() {
          const s = yield* store
          const [a, b] = yield* notes("r", 1, 2)
          const reasons: Array<string> = []
          const attempts: ReadonlyArray<ReadonlyArray<EventStore.AppendToStream>> = [
            [],
            [{ streamId: "thing-r", expected: "any", events: [a!] }, {
              streamId: "thing-r",
              expected: "any",
              events: [b!]
            }],
            [{ streamId: "thing-r", expected: "any", events: [a!, a!] }],
            [{ streamId: "thing-r", expected: "any", events: [{ ...a!, eventId: "not-a-uuid" }] }],
            [{ streamId: "", expected: "any", events: [a!] }],
            [{ streamId: "thing-\u0000", expected: "any", events: [a!] }],
            // One stream in memory, U+FFFD in a SQL store's UTF-8: refused everywhere.
            [{ streamId: "thing-\ud800", expected: "any", events: [a!] }],
            [{ streamId: "thing-r", expected: -1, events: [a!] }],
            // A SQL store could not store these, or not read them back: refused everywhere, before any write.
            [{ streamId: "thing-r", expected: "any", events: [b!, { ...a!, type: "" }] }],
            [{ streamId: "thing-r", expected: "any", events: [{ ...a!, data: undefined }] }],
            [{
              streamId: "thing-r",
              expected: "any",
              events: [b!, { ...a!, metadata: { occurredAt: "2024-03-15" } as never }]
            }]
          ]
          for (const request of attempts) {
            const result = yield* Effect.result(s.append(request))
            assert.strictEqual(failureTag(result), "InvalidAppend")
            reasons.push((result as Result.Failure<unknown, any>).failure.reason)
          }
          assert.deepStrictEqual(reasons, [
            "noStreams",
            "duplicateStream",
            "duplicateEventId",
            "invalidEventId",
            "invalidStreamId",
            "invalidStreamId",
            "invalidStreamId",
            "invalidExpectedVersion",
            "invalidEventType",
            "missingEventData",
            "invalidMetadata"
          ])
          assert.strictEqual(yield* s.head, 0)
        })
      )
    })

    describe("global order", () => {
      test(
        "readAll pages return every event once, in commit order",
        Effect.gen(function*() {
          const s = yield* store
          for (let round = 0; round < 5; round++) {
            for (const id of ["p", "q", "r"]) {
              yield* s.append([{ streamId: `thing-${id}`, expected: round, events: yield* notes(id, round, 1) }])
            }
          }
          const all = yield* s.readAll({ after: 0 })
          assert.strictEqual(all.length, 15)
          const positions = all.map((e) => e.globalPosition)
          assert.deepStrictEqual(positions, [...positions].sort((x, y) => x - y))
          assert.deepStrictEqual(all.map((e) => e.streamId).slice(0, 3), ["thing-p", "thing-q", "thing-r"])
          const paged: Array<Envelope.Envelope> = []
          let after = 0
          while (true) {
            const page = yield* s.readAll({ after, limit: 4 })
            if (page.length === 0) break
            assert.isAtMost(page.length, 4)
            paged.push(...page)
            after = page[page.length - 1]!.globalPosition
          }
          assert.deepStrictEqual(paged.map((e) => e.eventId), all.map((e) => e.eventId))
          const tail = yield* s.readAll({ after: positions[9]! })
          assert.deepStrictEqual(tail.map((e) => e.eventId), all.slice(10).map((e) => e.eventId))
        })
      )

      test(
        "a read that names its fields returns at least those, equal to a full read's, in readAll pages and subscriptions",
        Effect.gen(function*() {
          const s = yield* store
          for (let round = 0; round < 3; round++) {
            for (const id of ["f", "g"]) {
              const events = round === 0 ? [yield* created(id)] : yield* notes(id, round, 2)
              yield* s.append([{ streamId: `thing-${id}`, expected: round === 0 ? "noStream" : "exists", events }])
            }
          }
          const full = yield* s.readAll({ after: 0 })
          assert.strictEqual(full.length, 10)
          const fieldSets: ReadonlyArray<ReadonlyArray<Envelope.EnvelopeField>> = [
            [],
            ["type", "data"],
            ["streamId", "streamPosition", "type", "schemaVersion", "data"],
            ["eventId"],
            ["metadata", "data"],
            ["eventId", "streamId", "streamPosition", "type", "schemaVersion", "data", "metadata"]
          ]
          const named = (envelope: object, fields: ReadonlyArray<string>) =>
            Object.fromEntries(["globalPosition", ...fields].map((f) => [f, (envelope as Record<string, unknown>)[f]]))
          for (const fields of fieldSets) {
            const paged: Array<object> = []
            let after = 0
            while (true) {
              const page = yield* s.readAll({ after, limit: 3, fields })
              if (page.length === 0) break
              paged.push(...page)
              after = page[page.length - 1]!.globalPosition
            }
            assert.deepStrictEqual(paged.map((e) => named(e, fields)), full.map((e) => named(e, fields)), fields.join())
            const subscribed = yield* s.subscribe({ after: 0, batchSize: 4, fields }).pipe(
              Stream.take(full.length),
              Stream.runCollect
            )
            assert.deepStrictEqual(
              subscribed.map((e) => named(e, fields)),
              full.map((e) => named(e, fields)),
              fields.join()
            )
          }
        })
      )
    })

    describe("concurrency", () => {
      test(
        `${writers} writers racing for the same version: one wins, the others get a typed conflict`,
        Effect.gen(function*() {
          const s = yield* store
          yield* s.append([{ streamId: "thing-race", expected: "noStream", events: yield* notes("race", 0, 1) }])
          const attempts = yield* Effect.all(
            Array.from(
              { length: writers },
              (_, w) =>
                Effect.flatMap(
                  notes("race", w + 1, 1),
                  (events) => Effect.result(s.append([{ streamId: "thing-race", expected: 1, events }]))
                )
            ),
            { concurrency: "unbounded" }
          )
          const tags = attempts.map(failureTag)
          assert.strictEqual(
            tags.filter((t) => t === "Success").length,
            1
          )
          assert.strictEqual(tags.filter((t) => t === "VersionConflict").length, writers - 1)
          assert.strictEqual((yield* s.readStream("thing-race")).version, 2)
        })
      )

      test(
        `${writers} writers × ${appendsPerWriter} appends with exact versions: every version taken once`,
        Effect.gen(function*() {
          const s = yield* store
          let conflicts = 0
          const writer = (w: number) =>
            Effect.gen(function*() {
              for (let i = 0; i < appendsPerWriter; i++) {
                const events = yield* notes("hot", w * 1_000 + i, 1)
                while (true) {
                  const version = (yield* s.readStream("thing-hot")).version
                  const result = yield* Effect.result(s.append([{ streamId: "thing-hot", expected: version, events }]))
                  if (Result.isSuccess(result)) break
                  assert.strictEqual(failureTag(result), "VersionConflict")
                  conflicts++
                  yield* Effect.yieldNow
                }
              }
            })
          yield* Effect.all(Array.from({ length: writers }, (_, w) => writer(w)), { concurrency: "unbounded" })
          const read = yield* s.readStream("thing-hot")
          const total = writers * appendsPerWriter
          assert.strictEqual(read.version, total)
          assert.deepStrictEqual(
            read.events.map((e) => e.streamPosition),
            Array.from({ length: total }, (_, i) => i + 1)
          )
          assert.strictEqual(new Set(read.events.map((e) => (e.data as { n: number }).n)).size, total)
          assert.isAtLeast(conflicts, 0)
        })
      )
    })

    describe("subscriptions", () => {
      test(
        "catch up from a position, then receive live appends",
        Effect.gen(function*() {
          const s = yield* store
          yield* s.append([{ streamId: "thing-s", expected: "noStream", events: yield* notes("s", 1, 3) }])
          const fiber = yield* s.subscribe({ after: 1, batchSize: 2 }).pipe(
            Stream.take(4),
            Stream.runCollect,
            Effect.forkChild
          )
          yield* Effect.sleep("20 millis")
          yield* s.append([{ streamId: "thing-s", expected: 3, events: yield* notes("s", 4, 2) }])
          const got = yield* Fiber.join(fiber)
          assert.deepStrictEqual(got.map((e) => e.streamPosition), [2, 3, 4, 5])
        })
      )

      test(
        `a subscriber started during ${writers} concurrent writers gets every event once, in global order`,
        Effect.gen(function*() {
          const s = yield* store
          const perWriter = 20
          const total = writers * perWriter + 5
          yield* s.append([{ streamId: "thing-pre", expected: "noStream", events: yield* notes("pre", 0, 5) }])
          const writer = (w: number) =>
            Effect.gen(function*() {
              for (let i = 0; i < perWriter; i++) {
                yield* s.append([{ streamId: `thing-w${w}`, expected: i, events: yield* notes(`w${w}`, i, 1) }])
                if (i % 5 === 0) yield* Effect.yieldNow
              }
            })
          const writing = yield* Effect.forkChild(
            Effect.all(Array.from({ length: writers }, (_, w) => writer(w)), { concurrency: "unbounded" })
          )
          const got = yield* s.subscribe({ after: 0, batchSize: 7 }).pipe(Stream.take(total), Stream.runCollect)
          yield* Fiber.join(writing)
          const positions = got.map((e) => e.globalPosition)
          assert.strictEqual(got.length, total)
          assert.strictEqual(new Set(got.map((e) => e.eventId)).size, total)
          assert.deepStrictEqual(positions, [...positions].sort((a, b) => a - b))
          const all = yield* s.readAll({ after: 0, limit: 10_000 })
          assert.deepStrictEqual(got.map((e) => e.eventId), all.map((e) => e.eventId))
        })
      )
    })
  })
}
