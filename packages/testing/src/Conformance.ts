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
 * {@link readModelConformance} does the same for the `ReadModelStore` of keyed read models: checkpoint and rows
 * in one transaction, get/scan/reset, older versions reset, awkward keys in one order everywhere, versions apart,
 * rows that are not JSON refused, concurrent catch-ups and `follow`.
 *
 * @since 0.1.0
 */
import type { LegalDate, Organization } from "@dangjian/core"
import { Compliance, Dangjian, Finding, MemoryStore } from "@dangjian/core"
import type { ExpectedVersion, NewEvent } from "@dangjian/core/kernel"
import { Envelope, EventCodec, EventDefinition, EventStore, ReadModel, UnitOfWork, Uuid } from "@dangjian/core/kernel"
import { assert, describe, it } from "@effect/vitest"
import type { Layer } from "effect"
import { Deferred, Effect, Fiber, Ref, Result, Schema, Stream } from "effect"
import fc from "fast-check"
import type { DatedEvent } from "./arbitraries/readModel.ts"
import { awkwardKeys, readModelHistory, townshipCommands, withIdPrefix } from "./arbitraries/readModel.ts"

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
          // The refused appends may leave gaps in the global positions (a SQL sequence is not rolled back); a
          // store may hold a read at such a gap until no transaction that could still fill it is running, which
          // another test's long append on the same server can delay. Every event is found again once it may.
          let found = 0
          for (let waited = 0; waited <= 45_000; waited += 100) {
            found = (yield* s.readAll({ after: 0, limit: 10_000 })).length
            if (found >= 34) break
            yield* Effect.sleep("100 millis")
          }
          assert.strictEqual(found, 34)
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

    // Work too large for one append: a unit of work written in parts inside one store transaction
    // (`atomically`), or (a store without it) in one append at the end. Parts of 7 events here.
    describe("all or nothing in parts (UnitOfWork.transactInChunks)", () => {
      const things = ["a", "b", "c", "d", "e"]
      /** 12 notes to each of five streams, one event an append, reading each stream back after every part. */
      const work = Effect.gen(function*() {
        const unit = yield* store
        for (let i = 0; i < 12; i++) {
          for (const thing of things) {
            const read = yield* unit.readStream(`thing-${thing}`)
            assert.strictEqual(read.version, i, "the unit sees what its earlier parts wrote")
            yield* unit.append([{ streamId: `thing-${thing}`, expected: i, events: yield* notes(thing, i, 1) }])
          }
        }
      })
      const inParts = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
        UnitOfWork.transactInChunks(() => effect, { codec: conformanceCodec, chunkEvents: 7 })

      test(
        "every part is written, in each stream's order, numbered after the head",
        Effect.gen(function*() {
          const s = yield* store
          yield* s.append([{ streamId: "thing-before", expected: "noStream", events: yield* notes("before", 0, 2) }])
          const { written } = yield* inParts(
            Effect.andThen(work, Effect.flatMap(store, (unit) => unit.readStream("thing-before")))
          )
          assert.deepStrictEqual(written.events, 60)
          assert.deepStrictEqual(written.streams, 5)
          for (const thing of things) {
            const read = yield* s.readStream(`thing-${thing}`)
            assert.strictEqual(read.version, 12)
            assert.deepStrictEqual(read.events.map((e) => (e.data as { n: number }).n), [...Array(12).keys()])
          }
          // Stream reads, not the log: a PostgreSQL log read may wait at a gap another test's transaction holds.
          let last = 0
          for (const thing of things) {
            const read = yield* s.readStream(`thing-${thing}`)
            last = Math.max(last, read.events[read.events.length - 1]!.globalPosition)
          }
          assert.strictEqual(written.lastGlobalPosition, last)
        })
      )

      test(
        "on an empty store too: each stream read back as its parts left it",
        Effect.gen(function*() {
          const s = yield* store
          const { written } = yield* inParts(work)
          assert.strictEqual(written.events, 60)
          for (const thing of things) assert.strictEqual((yield* s.readStream(`thing-${thing}`)).version, 12)
        })
      )

      test(
        "a failure after parts were written leaves nothing of any of them",
        Effect.gen(function*() {
          const s = yield* store
          yield* s.append([{ streamId: "thing-before", expected: "noStream", events: yield* notes("before", 0, 2) }])
          const failed = yield* Effect.result(inParts(Effect.andThen(work, Effect.fail("the last row is bad"))))
          assert.isTrue(Result.isFailure(failed) && failed.failure === "the last row is bad")
          for (const thing of things) assert.strictEqual((yield* s.readStream(`thing-${thing}`)).version, 0)
          assert.strictEqual((yield* s.readStream("thing-before")).version, 2)
          // The store takes the same work afterwards: nothing was left half-written. (Parts of 6: the last part
          // ends the work, and the commit has nothing left to write.)
          const { written } = yield* UnitOfWork.transactInChunks(() => work, {
            codec: conformanceCodec,
            chunkEvents: 6
          })
          assert.strictEqual(written.events, 60)
          for (const thing of things) assert.strictEqual((yield* s.readStream(`thing-${thing}`)).version, 12)
        })
      )

      test(
        "another writer's change to a stream the unit read: a VersionConflict and nothing written, or it waits",
        Effect.gen(function*() {
          const s = yield* store
          yield* s.append([{ streamId: "thing-read", expected: "noStream", events: yield* notes("read", 0, 1) }])
          const other = yield* notes("read", 1, 1)
          // The other writer is a fiber of its own, started before the unit (not one the unit's work forked).
          const go = yield* Deferred.make<void>()
          const racing = yield* Effect.forkChild(
            Effect.andThen(
              Deferred.await(go),
              s.append([{ streamId: "thing-read", expected: 1, events: other }])
            )
          )
          const outcome = yield* Effect.result(inParts(Effect.gen(function*() {
            const unit = yield* store
            assert.strictEqual((yield* unit.readStream("thing-read")).version, 1)
            for (let i = 0; i < 10; i++) {
              yield* unit.append([{ streamId: "thing-a", expected: i, events: yield* notes("a", i, 1) }])
            }
            // After two parts are written, another writer changes the stream the unit read (a store that
            // serializes writers makes it wait for the transaction).
            yield* Deferred.succeed(go, undefined)
            yield* Effect.sleep("200 millis")
            for (let i = 10; i < 15; i++) {
              yield* unit.append([{ streamId: "thing-a", expected: i, events: yield* notes("a", i, 1) }])
            }
          })))
          const raced = yield* Fiber.join(racing)
          const a = yield* s.readStream("thing-a")
          if (Result.isFailure(outcome)) {
            assert.strictEqual(failureTag(outcome), "VersionConflict")
            assert.strictEqual(a.version, 0, "nothing of the unit is written")
          } else {
            // The writer waited: it wrote after the whole unit, never in the middle of it.
            assert.strictEqual(a.version, 15)
            assert.isAbove(raced.positions[0]!.globalPosition, a.events[a.events.length - 1]!.globalPosition)
          }
          assert.strictEqual((yield* s.readStream("thing-read")).version, 2)
        })
      )

      test(
        "atomically: a refused append inside writes nothing of itself, the others commit together",
        Effect.gen(function*() {
          const s = yield* store
          if (s.atomically === undefined) return
          const first = yield* notes("x", 0, 2)
          const refused = yield* notes("y", 0, 1)
          const last = yield* notes("x", 2, 1)
          const tags = yield* s.atomically((tx) =>
            Effect.gen(function*() {
              yield* tx.append([{ streamId: "thing-x", expected: "noStream", events: first }])
              const conflict = yield* Effect.result(
                tx.append([
                  { streamId: "thing-y", expected: "noStream", events: refused },
                  { streamId: "thing-x", expected: 0, events: [] }
                ])
              )
              yield* tx.append([{ streamId: "thing-x", expected: 2, events: last }])
              return [failureTag(conflict), (yield* tx.readStream("thing-x")).version]
            })
          )
          assert.deepStrictEqual(tags, ["VersionConflict", 3])
          assert.strictEqual((yield* s.readStream("thing-x")).version, 3)
          assert.strictEqual((yield* s.readStream("thing-y")).version, 0)
          const failed = yield* Effect.result(
            s.atomically((tx) =>
              Effect.andThen(
                Effect.flatMap(notes("z", 0, 3), (events) =>
                  tx.append([{ streamId: "thing-z", expected: "noStream", events }])),
                Effect.fail("changed my mind")
              )
            )
          )
          assert.isTrue(Result.isFailure(failed))
          assert.strictEqual((yield* s.readStream("thing-z")).version, 0)
        })
      )
    })
  })
}

// ---------------------------------------------------------------------------------------------------------
// Keyed read models
// ---------------------------------------------------------------------------------------------------------

/**
 * One thing in the suite's read model: created or not, and its notes (count, sum and the last in log order), so
 * an event applied twice, skipped or out of order changes a row.
 *
 * @category fixtures
 * @since 0.3.0
 */
export interface ThingState {
  readonly created: boolean
  readonly notes: number
  readonly sum: number
  readonly last: number | null
}

type ThingEvent = typeof ThingCreated.schema.Type | typeof ThingNoted.schema.Type

/**
 * The suite's keyed read model: one timeline per `thingId`, dated by the events' `occurredAt`. A second
 * creation changes nothing (the state itself is returned); events of the stream `thing-ignored` concern no
 * thing.
 *
 * @category fixtures
 * @since 0.3.0
 */
export const thingTimelines: ReadModel.ReadModel<ThingState> = ReadModel.make<ThingState>({
  name: "conformance-things",
  version: 1,
  keyOf: (envelope) => {
    if (envelope.streamId === "thing-ignored") return undefined
    const thingId = (envelope.data as { readonly thingId?: unknown }).thingId
    return typeof thingId === "string" ? thingId : undefined
  },
  initial: { created: false, notes: 0, sum: 0, last: null },
  evolve: (state, envelope) => {
    const event = envelope.data as ThingEvent
    switch (event._tag) {
      case "ThingCreated":
        return state.created ? state : { ...state, created: true }
      case "ThingNoted":
        return { created: state.created, notes: state.notes + 1, sum: state.sum + event.n, last: event.n }
      default: {
        const never: never = event
        return never
      }
    }
  },
  dateOf: (envelope) => envelope.metadata.occurredAt.slice(0, 10)
})

/**
 * The rows a keyed read model should hold after `envelopes`: each event applied to its entity's timeline in log
 * order, in memory (the oracle a store's rows are compared with).
 *
 * @category read models
 * @since 0.3.0
 */
export const foldTimelines = <S>(
  model: ReadModel.ReadModel<S>,
  envelopes: Iterable<Envelope.Envelope>
): Map<string, ReadModel.Timeline<S>> => {
  const rows = new Map<string, ReadModel.Timeline<S>>()
  for (const envelope of envelopes) {
    const key = model.keyOf(envelope)
    if (key === undefined) continue
    const before = rows.get(key) ?? []
    const after = ReadModel.applyToTimeline(
      before,
      model.dateOf(envelope),
      model.initial,
      (state) => model.evolve(state, envelope)
    )
    if (after !== before) rows.set(key, after)
  }
  return rows
}

/**
 * Rows sorted by key in store order (`ReadModel.compareKeys`), each as a store gives it back (through its JSON
 * text: fields that are `undefined` left out), for comparing a store's rows with {@link foldTimelines}. A row
 * that is not plain JSON is kept as it is, so it never equals a stored one.
 *
 * @category read models
 * @since 0.3.0
 */
export const sortedRows = (rows: ReadonlyMap<string, unknown>): Array<readonly [string, unknown]> =>
  [...rows].sort(([a], [b]) => ReadModel.compareKeys(a, b)).map(([key, row]) => {
    const text = ReadModel.encodeRow(row)
    return [key, text === undefined ? row : JSON.parse(text)]
  })

/**
 * Checks each read model against the log: its stored rows must equal the fold in memory of the log up to its
 * checkpoint (no event applied twice, none skipped, no batch in part). Returns the checkpoints, in the models'
 * order. What a fault test asserts after a crash, with nothing caught up since.
 *
 * @category read models
 * @since 0.4.0
 */
export const checkAtCheckpoints = (
  models: ReadonlyArray<ReadModel.ReadModel<any>>
): Effect.Effect<Array<number>, unknown, EventStore.EventStore | ReadModel.ReadModelStore> =>
  Effect.gen(function*() {
    const store = yield* EventStore.EventStore
    const rows = yield* ReadModel.ReadModelStore
    const log = yield* store.readAll({ after: 0, limit: Number.MAX_SAFE_INTEGER })
    const positions: Array<number> = []
    for (const model of models) {
      const position = yield* rows.position(model)
      const stored = sortedRows(yield* ReadModel.load(model))
      const folded = sortedRows(foldTimelines(model, log.filter((e) => e.globalPosition <= position)))
      // Their JSON texts first (chai's comparison takes seconds on rows this large); chai's when they differ, which
      // also tells rows that differ only in the order of their fields apart from rows that differ.
      if (JSON.stringify(stored) !== JSON.stringify(folded)) {
        assert.deepStrictEqual(stored, folded, `${model.name} at ${position}`)
      }
      positions.push(position)
    }
    return positions
  })

/**
 * Checks the findings index of a policy timeline against the whole view on a date: the findings
 * `Compliance.assessIndexedInPages` gives, judged or counted from the index, must be those of `Compliance.assess` of
 * `Compliance.viewFromReadModels`, by rule, severity, code and member (or subject); and counted in groups
 * (`grouped`), by rule, severity, code and the member's affiliation. Returns how many members were counted from the
 * index (0 when it was never built). What a fault test asserts after a build of the index was killed, and what a team
 * can assert on its own policies and histories.
 *
 * @category read models
 * @since 0.4.0
 */
export const checkFindingsIndex = (
  policies: Organization.Policies,
  asOf: LegalDate.LegalDate
): Effect.Effect<number, unknown, EventStore.EventStore | ReadModel.ReadModelStore> =>
  Effect.gen(function*() {
    const tally = (finding: Finding.Finding) =>
      `${finding.ruleId}|${finding.severity}|${finding.code}|${Finding.membersOf(finding)[0] ?? finding.subject.id}`
    const found: Array<string> = []
    let indexed = 0
    yield* Compliance.assessIndexedInPages(policies, asOf, (page) =>
      Effect.sync(() => {
        for (const finding of page.findings) found.push(tally(finding))
        for (const member of page.indexed) {
          indexed++
          for (const f of member.findings) found.push(`${f.ruleId}|${f.severity}|${f.code}|${member.memberId}`)
        }
      }))
    const whole = yield* Compliance.viewFromReadModels(asOf)
    const findings = Compliance.assess(whole, policies)
    assert.deepStrictEqual(found.sort(), findings.map(tally).sort(), `the findings index's counts as of ${asOf}`)
    // Counted in groups: a member's findings under the member's affiliation.
    const byOrganization = (finding: Finding.Finding) => {
      const memberId = Finding.membersOf(finding)[0]
      const about = memberId === undefined
        ? finding.subject.id
        : `org ${Object.hasOwn(whole.members.members, memberId) ? whole.members.members[memberId]!.orgId : "-"}`
      return `${finding.ruleId}|${finding.severity}|${finding.code}|${about}`
    }
    const grouped: Array<string> = []
    yield* Compliance.assessIndexedInPages(policies, asOf, (page) =>
      Effect.sync(() => {
        for (const finding of page.findings) grouped.push(byOrganization(finding))
        for (const group of page.groups) {
          for (const f of group.findings) {
            for (let n = 0; n < group.members; n++) {
              grouped.push(`${f.ruleId}|${f.severity}|${f.code}|org ${group.orgId}`)
            }
          }
        }
      }), { grouped: true })
    assert.deepStrictEqual(
      grouped.sort(),
      findings.map(byOrganization).sort(),
      `the findings index's counts in groups as of ${asOf}`
    )
    return indexed
  })

/**
 * Fills the store with a realistic log of at least `events` domain events, for tests of read models at scale (a
 * process killed in the middle of a catch-up, a rebuild). {@link townshipCommands} (from `seed`) are run by
 * `Dangjian.execute` on an in-memory store (a command the rules refuse is left out) until it holds `distinct`
 * events (default 5,000); then that log is written to the store again and again, each copy with its ids
 * ({@link withIdPrefix}) and stream ids prefixed by `c<n>-` and new event ids, in atomic appends of about
 * `appendSize` events (default 1,000; each stream's events in order). The store's codec must be
 * `Dangjian.codec`. Returns the store's head.
 *
 * @category read models
 * @since 0.3.0
 */
export const appendTownshipLog = (
  options: {
    readonly events: number
    readonly distinct?: number
    readonly seed?: number
    readonly appendSize?: number
  }
): Effect.Effect<number, unknown, EventStore.EventStore> =>
  Effect.gen(function*() {
    const distinct = Math.max(1, Math.min(options.events, options.distinct ?? 5_000))
    const original = yield* Effect.gen(function*() {
      const memory = yield* EventStore.EventStore
      let histories = 0
      for (const commands of townshipCommands(options.seed === undefined ? {} : { seed: options.seed })) {
        // A command the rules refuse (the generators' model of the rules lagging behind them) is left out.
        for (const command of commands) yield* Effect.result(Dangjian.execute(command))
        if ((yield* memory.head) >= distinct) break
        if (++histories > distinct) return yield* Effect.fail(new Error("the histories write no events"))
      }
      return yield* memory.readAll({ after: 0, limit: Number.MAX_SAFE_INTEGER })
    }).pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec })))
    const store = yield* EventStore.EventStore
    const appendSize = options.appendSize ?? 1_000
    let pending = new Map<string, Array<NewEvent>>()
    let count = 0
    const flush = Effect.suspend(() => {
      const request = [...pending].map(([streamId, events]) => ({ streamId, expected: "any" as const, events }))
      pending = new Map()
      count = 0
      return request.length === 0 ? Effect.void : Effect.asVoid(store.append(request))
    })
    let written = 0
    for (let copy = 0; written < options.events; copy++) {
      const prefix = copy === 0 ? "" : `c${copy}-`
      const ids = yield* Uuid.v7Many(original.length)
      for (const [i, envelope] of original.entries()) {
        const dash = envelope.streamId.indexOf("-")
        const streamId = prefix === "" || dash === -1
          ? envelope.streamId
          : `${envelope.streamId.slice(0, dash + 1)}${prefix}${envelope.streamId.slice(dash + 1)}`
        let events = pending.get(streamId)
        if (events === undefined) {
          events = []
          pending.set(streamId, events)
        }
        events.push({
          eventId: copy === 0 ? envelope.eventId : ids[i]!,
          type: envelope.type,
          data: prefix === "" ? envelope.data : withIdPrefix(envelope.data, prefix),
          metadata: envelope.metadata
        })
        if (++count >= appendSize) yield* flush
        if (++written >= options.events) break
      }
    }
    yield* flush
    return yield* store.head
  })

/**
 * @category models
 * @since 0.3.0
 */
export interface ReadModelConformanceOptions {
  /** A fresh, empty store for one test (or one property run) with both services, built with the given codec. */
  readonly makeStore: (
    codec: EventCodec.EventCodec<any>
  ) => Layer.Layer<EventStore.EventStore | ReadModel.ReadModelStore, unknown>
  /**
   * A fresh, empty store like `makeStore`'s that keeps `inline` read models in each write
   * (`ReadModel.inlineStore`, the stores' `inline` option); when given, the suite checks it.
   */
  readonly makeInlineStore?: (
    codec: EventCodec.EventCodec<any>,
    inline: ReadonlyArray<ReadModel.ReadModel<any>>
  ) => Layer.Layer<EventStore.EventStore | ReadModel.ReadModelStore, unknown>
  /**
   * Whether the inline models commit in the append's own transaction (default `true`); `false` for a store
   * without transactions (the in-memory store), whose refused catch-up leaves the events stored.
   */
  readonly inlineInTransaction?: boolean
  /** Runs of the concurrent catch-up property, each on a fresh store (default 25). */
  readonly runs?: number
  /** Per-test timeout in milliseconds (default 120,000). */
  readonly timeout?: number
}

const rowMetadata = (date: string) => ({ occurredAt: date, recordedAt: "2024-03-15T08:00:00.000Z" })

const datedEvents = (events: ReadonlyArray<DatedEvent>): Effect.Effect<Array<NewEvent>> =>
  Effect.map(Uuid.v7Many(events.length), (ids) =>
    events.map((event, i) => ({
      eventId: ids[i]!,
      type: event.kind === "created" ? "ThingCreated" : "ThingNoted",
      data: event.kind === "created"
        ? ThingCreated.schema.make({ thingId: event.key, label: "thing" })
        : ThingNoted.schema.make({ thingId: event.key, n: event.n }),
      metadata: rowMetadata(event.date)
    })))

/** Appends each batch to a stream of its own; returns the global position of the last event written. */
const appendDated = (batches: ReadonlyArray<ReadonlyArray<DatedEvent>>, streamPrefix = "thing-rm") =>
  Effect.gen(function*() {
    const s = yield* EventStore.EventStore
    let last = 0
    for (const [i, batch] of batches.entries()) {
      const appended = yield* s.append([{
        streamId: `${streamPrefix}${i % 3}`,
        expected: "any",
        events: yield* datedEvents(batch)
      }])
      last = appended.lastGlobalPosition
    }
    return last
  })

/** The rows the suite's model should hold now: the whole log folded in memory. */
const expectedRows = Effect.gen(function*() {
  const s = yield* EventStore.EventStore
  return foldTimelines(thingTimelines, yield* s.readAll({ after: 0, limit: 1_000_000 }))
})

/** Waits (real time) until `done` holds, checking every 10 ms, for at most `ms`. */
const eventually = <E, R>(done: Effect.Effect<boolean, E, R>, ms = 15_000) =>
  Effect.gen(function*() {
    for (let waited = 0; waited <= ms; waited += 10) {
      if (yield* done) return
      yield* Effect.sleep("10 millis")
    }
    assert.fail(`not reached within ${ms} ms`)
  })

/**
 * Registers the keyed read-model conformance suite under `describe(name)`.
 *
 * @example
 * ```ts
 * import { MemoryStore } from "@dangjian/core"
 * import { readModelConformance } from "@dangjian/testing"
 *
 * readModelConformance("in-memory", { makeStore: (codec) => MemoryStore.layer({ codec }) })
 * ```
 *
 * @category suites
 * @since 0.3.0
 */
export const readModelConformance = (name: string, options: ReadModelConformanceOptions): void => {
  const runs = options.runs ?? 25
  const timeout = options.timeout ?? 120_000
  const layer = () => options.makeStore(conformanceCodec)

  const test = (
    title: string,
    body: Effect.Effect<void, unknown, EventStore.EventStore | ReadModel.ReadModelStore>
  ) => it.live(title, () => body.pipe(Effect.provide(layer())), timeout)

  const rows = ReadModel.ReadModelStore
  const m1: ReadModel.ReadModelKey = { name: "conformance-rows", version: 1 }
  const m2: ReadModel.ReadModelKey = { name: "conformance-rows", version: 2 }

  /** Every row of a model, page by page (`limit` rows a page), checking each page's size. */
  const scanAll = (model: ReadModel.ReadModelKey, limit: number) =>
    Effect.gen(function*() {
      const store = yield* rows
      const all: Array<readonly [string, unknown]> = []
      let after: string | undefined
      while (true) {
        const page = yield* store.scan(model, { after, limit })
        assert.isAtMost(page.length, limit)
        all.push(...page)
        if (page.length < limit) return all
        after = page[page.length - 1]![0]
      }
    })

  const failureOf = <A, E>(result: Result.Result<A, E>): E => {
    assert.isTrue(Result.isFailure(result), "expected a failure")
    return (result as Result.Failure<A, E>).failure
  }

  describe(`ReadModelStore conformance: ${name}`, () => {
    describe("checkpoint and rows", () => {
      test(
        "a model never run is at position 0 with no rows",
        Effect.gen(function*() {
          const store = yield* rows
          assert.strictEqual(yield* store.position(m1), 0)
          assert.strictEqual((yield* store.get(m1, ["a", "b"])).size, 0)
          assert.deepStrictEqual(yield* store.scan(m1, { limit: 10 }), [])
        })
      )

      test(
        "a commit writes its rows and moves the checkpoint; the next upserts, deletes and adds",
        Effect.gen(function*() {
          const store = yield* rows
          yield* store.commit(m1, { from: 0, to: 5, rows: [["a", { n: 1 }], ["b", [1, "two", null, true]]] })
          assert.strictEqual(yield* store.position(m1), 5)
          assert.deepStrictEqual(
            [...(yield* store.get(m1, ["a", "b", "c"]))],
            [["a", { n: 1 }], ["b", [1, "two", null, true]]]
          )
          yield* store.commit(m1, { from: 5, to: 9, rows: [["a", { n: 2 }], ["b", undefined], ["c", "three"]] })
          assert.strictEqual(yield* store.position(m1), 9)
          assert.deepStrictEqual(yield* store.scan(m1, { limit: 10 }), [["a", { n: 2 }], ["c", "three"]])
          // A batch with no rows still moves the checkpoint (its events concerned no entity).
          yield* store.commit(m1, { from: 9, to: 12, rows: [] })
          assert.strictEqual(yield* store.position(m1), 12)
        })
      )

      test(
        "a commit whose checkpoint moved fails with CheckpointMoved (expected, actual) and writes no row",
        Effect.gen(function*() {
          const store = yield* rows
          yield* store.commit(m1, { from: 0, to: 5, rows: [["a", 1], ["b", 2]] })
          for (const from of [0, 4, 6]) {
            const moved = failureOf(
              yield* Effect.result(
                store.commit(m1, { from, to: 20, rows: [["a", 10], ["b", undefined], ["x", "new"]] })
              )
            )
            assert.strictEqual(moved._tag, "CheckpointMoved")
            assert.deepStrictEqual(
              { readModel: (moved as any).readModel, expected: (moved as any).expected, actual: (moved as any).actual },
              { readModel: m1.name, expected: from, actual: 5 }
            )
          }
          assert.strictEqual(yield* store.position(m1), 5)
          assert.deepStrictEqual(yield* store.scan(m1, { limit: 10 }), [["a", 1], ["b", 2]])
          // A model never committed is at 0: a batch from anywhere else finds it there.
          const fresh = failureOf(yield* Effect.result(store.commit(m2, { from: 3, to: 4, rows: [["a", 1]] })))
          assert.strictEqual((fresh as any).actual, 0)
          assert.strictEqual(yield* store.position(m2), 0)
          assert.strictEqual((yield* store.get(m2, ["a"])).size, 0)
        })
      )

      test(
        "two commits racing from one checkpoint: exactly one wins, the other writes nothing",
        Effect.gen(function*() {
          const store = yield* rows
          yield* store.commit(m1, { from: 0, to: 3, rows: [["k", 0]] })
          const attempts = yield* Effect.all(
            Array.from(
              { length: 6 },
              (_, i) => Effect.result(store.commit(m1, { from: 3, to: 10 + i, rows: [["k", i + 1], [`only-${i}`, i]] }))
            ),
            { concurrency: "unbounded" }
          )
          const won = attempts.flatMap((result, i) => (Result.isSuccess(result) ? [i] : []))
          assert.strictEqual(won.length, 1)
          for (const result of attempts) {
            if (Result.isFailure(result)) assert.strictEqual(result.failure._tag, "CheckpointMoved")
          }
          const winner = won[0]!
          assert.strictEqual(yield* store.position(m1), 10 + winner)
          assert.deepStrictEqual(yield* store.scan(m1, { limit: 10 }), [["k", winner + 1], [`only-${winner}`, winner]])
        })
      )

      test(
        "a key given twice in one commit keeps its last row",
        Effect.gen(function*() {
          const store = yield* rows
          yield* store.commit(m1, { from: 0, to: 1, rows: [["k", 1], ["j", 1], ["k", 2], ["j", undefined]] })
          assert.deepStrictEqual(yield* store.scan(m1, { limit: 10 }), [["k", 2]])
          yield* store.commit(m1, { from: 1, to: 2, rows: [["k", undefined], ["k", 3]] })
          assert.deepStrictEqual(yield* store.scan(m1, { limit: 10 }), [["k", 3]])
        })
      )

      test(
        "reset deletes the rows and the checkpoint of that version only, and the model starts again from 0",
        Effect.gen(function*() {
          const store = yield* rows
          yield* store.commit(m1, { from: 0, to: 7, rows: [["a", 1], ["b", 2]] })
          yield* store.commit(m2, { from: 0, to: 3, rows: [["a", "v2"]] })
          yield* store.reset(m1)
          assert.strictEqual(yield* store.position(m1), 0)
          assert.deepStrictEqual(yield* store.scan(m1, { limit: 10 }), [])
          assert.strictEqual((yield* store.get(m1, ["a", "b"])).size, 0)
          assert.strictEqual(yield* store.position(m2), 3)
          assert.deepStrictEqual(yield* store.scan(m2, { limit: 10 }), [["a", "v2"]])
          yield* store.reset(m1)
          yield* store.commit(m1, { from: 0, to: 2, rows: [["c", 3]] })
          assert.deepStrictEqual(yield* store.scan(m1, { limit: 10 }), [["c", 3]])
        })
      )

      test(
        "resetOlderVersions deletes the rows and checkpoints of the versions below, never this one, a newer one or another name",
        Effect.gen(function*() {
          const store = yield* rows
          const m3: ReadModel.ReadModelKey = { name: m1.name, version: 3 }
          const other: ReadModel.ReadModelKey = { name: "conformance-rows-3", version: 1 }
          yield* store.commit(m1, { from: 0, to: 5, rows: [["a", 1], ["b", 2], ["__proto__", 3]] })
          yield* store.commit(m2, { from: 0, to: 6, rows: [["a", "v2"]] })
          yield* store.commit(m3, { from: 0, to: 7, rows: [["a", "v3"]] })
          yield* store.commit(other, { from: 0, to: 8, rows: [["a", "other"]] })
          assert.strictEqual(yield* store.resetOlderVersions(m2), 3)
          assert.strictEqual(yield* store.position(m1), 0)
          assert.deepStrictEqual(yield* store.scan(m1, { limit: 10 }), [])
          assert.deepStrictEqual(
            [yield* store.position(m2), yield* store.position(m3), yield* store.position(other)],
            [6, 7, 8]
          )
          assert.deepStrictEqual(yield* store.scan(m2, { limit: 10 }), [["a", "v2"]])
          assert.deepStrictEqual(yield* store.scan(m3, { limit: 10 }), [["a", "v3"]])
          assert.deepStrictEqual(yield* store.scan(other, { limit: 10 }), [["a", "other"]])
          // Nothing older is left: nothing to delete, and the older version starts again from 0 if a process runs it.
          assert.strictEqual(yield* store.resetOlderVersions(m2), 0)
          yield* store.commit(m1, { from: 0, to: 1, rows: [["c", 4]] })
          assert.strictEqual(yield* store.resetOlderVersions(m3), 2)
          assert.deepStrictEqual(yield* store.scan(m3, { limit: 10 }), [["a", "v3"]])
          assert.strictEqual(yield* store.position(m2), 0)
        })
      )

      test(
        "versions and names are apart: v1 and v2 of a name, and another name, never see each other's rows",
        Effect.gen(function*() {
          const store = yield* rows
          const other: ReadModel.ReadModelKey = { name: "conformance-rows-2", version: 1 }
          yield* store.commit(m1, { from: 0, to: 4, rows: [["k", "v1"], ["only-v1", 1]] })
          assert.strictEqual(yield* store.position(m2), 0)
          assert.strictEqual((yield* store.get(m2, ["k", "only-v1"])).size, 0)
          yield* store.commit(m2, { from: 0, to: 9, rows: [["k", "v2"]] })
          yield* store.commit(other, { from: 0, to: 1, rows: [["k", "other"]] })
          assert.deepStrictEqual(yield* store.scan(m1, { limit: 10 }), [["k", "v1"], ["only-v1", 1]])
          assert.deepStrictEqual(yield* store.scan(m2, { limit: 10 }), [["k", "v2"]])
          assert.deepStrictEqual(yield* store.scan(other, { limit: 10 }), [["k", "other"]])
          assert.deepStrictEqual([yield* store.position(m1), yield* store.position(m2)], [4, 9])
        })
      )
    })

    describe("keys", () => {
      test(
        "awkward keys round-trip, and scan pages return every row once, in code point order",
        Effect.gen(function*() {
          const store = yield* rows
          const keys = [...new Set(awkwardKeys)]
          yield* store.commit(m1, { from: 0, to: 1, rows: keys.map((key, i) => [key, { i }]) })
          const found = yield* store.get(m1, [...keys, "missing"])
          assert.strictEqual(found.size, keys.length)
          for (const [i, key] of keys.entries()) assert.deepStrictEqual(found.get(key), { i }, `key ${i}`)
          const ordered = [...keys].sort(ReadModel.compareKeys)
          // Code point order, not UTF-16 code units: full-width "！" (U+FF01) before an emoji (U+1F600).
          assert.isBelow(ordered.indexOf("！"), ordered.indexOf("😀"))
          assert.isBelow(ordered.indexOf("\ue000"), ordered.indexOf("𠀀"))
          for (const limit of [1, 2, 3, 7, 1_000]) {
            const all = yield* scanAll(m1, limit)
            assert.deepStrictEqual(all.map(([key]) => key), ordered, `pages of ${limit}`)
          }
          const fromMiddle = yield* store.scan(m1, { after: ordered[5]!, limit: 3 })
          assert.deepStrictEqual(fromMiddle.map(([key]) => key), ordered.slice(6, 9))
          // A cursor that is not itself a key starts after where it would sort.
          const between = yield* store.scan(m1, { after: "党", limit: 1 })
          assert.deepStrictEqual(between.map(([key]) => key), [
            ordered.find((key) => ReadModel.compareKeys(key, "党") > 0)
          ])
          assert.deepStrictEqual(yield* store.scan(m1, { after: ordered[ordered.length - 1]!, limit: 5 }), [])
          assert.deepStrictEqual(yield* store.scan(m1, { limit: 0 }), [])
        })
      )

      test(
        "__proto__ and constructor as keys and as row fields stay plain data",
        Effect.gen(function*() {
          const store = yield* rows
          const row = JSON.parse(`{"__proto__":{"polluted":true},"constructor":"c","toString":1}`) as object
          yield* store.commit(m1, { from: 0, to: 1, rows: [["__proto__", row], ["constructor", { toString: "x" }]] })
          const found = yield* store.get(m1, ["__proto__", "constructor", "toString"])
          assert.deepStrictEqual([...found.keys()], ["__proto__", "constructor"])
          const back = found.get("__proto__") as Record<string, unknown>
          assert.isTrue(Object.hasOwn(back, "__proto__"))
          assert.strictEqual(Object.getPrototypeOf(back), Object.prototype)
          assert.deepStrictEqual(back["__proto__"], { polluted: true })
          assert.strictEqual(({} as Record<string, unknown>)["polluted"], undefined)
          assert.deepStrictEqual(found.get("constructor"), { toString: "x" })
        })
      )

      test(
        `a get of ${3_000} keys (half missing) returns the ${1_500} that exist`,
        Effect.gen(function*() {
          const store = yield* rows
          const keys = Array.from({ length: 3_000 }, (_, i) => `key-${String(i).padStart(5, "0")}-党`)
          const stored = keys.filter((_, i) => i % 2 === 0)
          yield* store.commit(m1, { from: 0, to: 1, rows: stored.map((key) => [key, key.length]) })
          const found = yield* store.get(m1, [...keys, ...stored])
          assert.strictEqual(found.size, stored.length)
          assert.isTrue(stored.every((key) => found.get(key) === key.length))
          assert.strictEqual((yield* scanAll(m1, 500)).length, stored.length)
        })
      )

      test(
        `keys: ${ReadModel.maxKeyLength} code units pass, ${
          ReadModel.maxKeyLength + 1
        }, NUL or an unpaired surrogate are refused, naming the read model only, and nothing is written`,
        Effect.gen(function*() {
          const store = yield* rows
          const longest = ["党".repeat(ReadModel.maxKeyLength), "😀".repeat(ReadModel.maxKeyLength / 2)]
          yield* store.commit(m1, { from: 0, to: 1, rows: longest.map((key) => [key, key.length]) })
          assert.strictEqual((yield* store.get(m1, longest)).size, 2)
          const refused = [
            "长".repeat(ReadModel.maxKeyLength + 1),
            "a\u0000b",
            "\u0000",
            "x\ud800",
            "\udc00y",
            "😀".slice(0, 1)
          ]
          for (const key of refused) {
            assert.isFalse(ReadModel.isStorableKey(key))
            const failure = failureOf(
              yield* Effect.result(store.commit(m1, { from: 1, to: 2, rows: [["fine", 1], [key, "secret-row"]] }))
            )
            assert.strictEqual(failure._tag, "StoreUnavailable")
            const reason = (failure as { reason: string }).reason
            assert.include(reason, m1.name)
            assert.notInclude(reason, "secret-row")
            assert.notInclude(reason, key)
            // Deleting such a key is refused the same way.
            assert.strictEqual(
              failureOf(yield* Effect.result(store.commit(m1, { from: 1, to: 2, rows: [[key, undefined]] })))._tag,
              "StoreUnavailable"
            )
            // It can never be stored, so a get finds nothing; a scan cannot start after it.
            assert.strictEqual((yield* store.get(m1, [key])).size, 0)
            assert.strictEqual(
              failureOf(yield* Effect.result(store.scan(m1, { after: key, limit: 1 })))._tag,
              "StoreUnavailable"
            )
          }
          assert.strictEqual(yield* store.position(m1), 1)
          assert.deepStrictEqual((yield* scanAll(m1, 10)).map(([key]) => key), [...longest].sort(ReadModel.compareKeys))
        })
      )
    })

    describe("rows", () => {
      test(
        "undefined fields are dropped, as JSON.stringify does",
        Effect.gen(function*() {
          const store = yield* rows
          const row = { a: 1, b: undefined, nested: { c: undefined, d: [1, null, "党"] }, e: "" }
          yield* store.commit(m1, { from: 0, to: 1, rows: [["k", row]] })
          const back = (yield* store.get(m1, ["k"])).get("k") as Record<string, unknown>
          assert.deepStrictEqual(back, { a: 1, nested: { d: [1, null, "党"] }, e: "" })
          assert.isFalse("b" in back)
          assert.isFalse("c" in (back["nested"] as object))
        })
      )

      test(
        "any string round-trips inside a row (NUL, lone surrogates, escapes, Chinese, emoji)",
        Effect.gen(function*() {
          const store = yield* rows
          const awkward = "a\u0000b \ud800 \udfff 😀 党建 \"q\" \\ \n\t\u2028 \u001f"
          const row = { [awkward]: awkward, list: [awkward], n: -0.5, big: 2 ** 53 - 1 }
          yield* store.commit(m1, { from: 0, to: 1, rows: [["k", row]] })
          assert.deepStrictEqual((yield* store.get(m1, ["k"])).get("k"), row)
          assert.deepStrictEqual(yield* store.scan(m1, { limit: 1 }), [["k", row]])
        })
      )

      test(
        "rows that are not plain JSON are refused, naming the read model only, and nothing is written",
        Effect.gen(function*() {
          const store = yield* rows
          class Point {
            readonly x: number
            constructor(x: number) {
              this.x = x
            }
          }
          const cycle: Record<string, unknown> = { secret: "secret-row" }
          cycle["self"] = cycle
          const refused: ReadonlyArray<unknown> = [
            new Map([["secret-row", 1]]),
            new Set(["secret-row"]),
            new Date(0),
            new Point(1),
            { secret: "secret-row", n: Number.NaN },
            { secret: "secret-row", n: Number.POSITIVE_INFINITY },
            { secret: "secret-row", f: () => 1 },
            [1, undefined],
            { secret: "secret-row", big: BigInt(1) },
            Symbol("secret-row"),
            cycle
          ]
          yield* store.commit(m1, { from: 0, to: 1, rows: [["kept", 1]] })
          for (const [i, bad] of refused.entries()) {
            assert.isUndefined(ReadModel.encodeRow(bad), `row ${i}`)
            const failure = failureOf(
              yield* Effect.result(
                store.commit(m1, { from: 1, to: 2, rows: [["fine", 1], ["kept", undefined], [`bad`, bad]] })
              )
            )
            assert.strictEqual(failure._tag, "StoreUnavailable", `row ${i}`)
            const reason = (failure as { reason: string }).reason
            assert.include(reason, m1.name)
            assert.notInclude(reason, "secret-row")
          }
          assert.strictEqual(yield* store.position(m1), 1)
          assert.deepStrictEqual(yield* store.scan(m1, { limit: 10 }), [["kept", 1]])
        })
      )
    })

    describe("running", () => {
      test(
        "catchUp folds the log into timelines equal to a fold in memory; again, it does nothing",
        Effect.gen(function*() {
          const s = yield* EventStore.EventStore
          yield* appendDated([
            [{ key: "a", date: "2024-03-01", kind: "created", n: 0 }, {
              key: "b",
              date: "2024-03-05",
              kind: "noted",
              n: 2
            }],
            [{ key: "a", date: "2024-03-10", kind: "noted", n: 3 }, {
              key: "a",
              date: "2024-02-01",
              kind: "noted",
              n: 5
            }],
            [{ key: "a", date: "2024-03-01", kind: "created", n: 0 }, {
              key: "党支部",
              date: "2024-03-10",
              kind: "noted",
              n: 7
            }]
          ])
          // Something the model ignores (no thing id) still moves the checkpoint.
          yield* s.append([{ streamId: "thing-ignored", expected: "any", events: yield* notes("x", 1, 1) }])
          const caught = yield* ReadModel.catchUp(thingTimelines, { batchSize: 2 })
          assert.strictEqual(caught.position, yield* s.head)
          assert.strictEqual(caught.events, 6)
          assert.isFalse((yield* ReadModel.load(thingTimelines)).has("x"))
          const loaded = yield* ReadModel.load(thingTimelines, { pageSize: 2 })
          assert.deepStrictEqual(sortedRows(loaded), sortedRows(yield* expectedRows))
          // The back-dated note (dated 1 February, appended after one dated 10 March) shows in every later state.
          const a = loaded.get("a")!
          assert.deepStrictEqual(a.map(([date]) => date), ["2024-02-01", "2024-03-01", "2024-03-10"])
          assert.deepStrictEqual(ReadModel.stateAsOf(a, "2024-03-09", thingTimelines.initial), {
            created: true,
            notes: 1,
            sum: 5,
            last: 5
          })
          assert.deepStrictEqual(ReadModel.latest(a, thingTimelines.initial), {
            created: true,
            notes: 2,
            sum: 8,
            last: 5
          })
          const again = yield* ReadModel.catchUp(thingTimelines)
          assert.deepStrictEqual(again, { position: caught.position, events: 0 })
          assert.isTrue(yield* ReadModel.isCurrent(thingTimelines))
          const rebuilt = yield* ReadModel.rebuild(thingTimelines, { batchSize: 3 })
          assert.strictEqual(rebuilt.events, 6)
          assert.deepStrictEqual(sortedRows(yield* ReadModel.load(thingTimelines)), sortedRows(loaded))
        })
      )

      test(
        `two catch-ups at once commit the same rows as one, and as a fold in memory, one of them catching up two models together (${runs} random histories, back-dated events)`,
        Effect.gen(function*() {
          // One store for every run (a fresh PostgreSQL schema per run costs seconds): each run has its own
          // streams and its own read model, which sees only them.
          const context = yield* Effect.context<EventStore.EventStore | ReadModel.ReadModelStore>()
          let run = 0
          const property = fc.asyncProperty(
            readModelHistory(),
            fc.integer({ min: 0, max: 4 }),
            fc.integer({ min: 1, max: 7 }),
            (history, split, batchSize) => {
              const prefix = `thing-run${++run}-`
              const twice: ReadModel.ReadModel<ThingState> = {
                ...thingTimelines,
                name: `conformance-run-${run}`,
                keyOf: (envelope) => envelope.streamId.startsWith(prefix) ? thingTimelines.keyOf(envelope) : undefined
              }
              const once = { ...twice, version: 2 }
              // Caught up with `twice` by `catchUpAll`, whose commits run while it reads and folds what follows.
              const beside = { ...twice, name: `conformance-run-${run}-beside` }
              return Effect.runPromise(
                Effect.gen(function*() {
                  const cut = Math.min(split, history.length)
                  yield* appendDated(history.slice(0, cut), prefix)
                  // Two runners of version 1 at once, while the rest of the history is appended.
                  yield* Effect.all([
                    ReadModel.catchUp(twice, { batchSize }),
                    ReadModel.catchUpAll([beside, twice], { batchSize }),
                    appendDated(history.slice(cut), prefix)
                  ], { concurrency: "unbounded" })
                  yield* Effect.all(
                    [ReadModel.catchUpAll([twice, beside], { batchSize }), ReadModel.catchUp(twice, { batchSize })],
                    {
                      concurrency: "unbounded"
                    }
                  )
                  // One runner of version 2.
                  yield* ReadModel.catchUp(once, { batchSize })
                  const rowsTwice = sortedRows(yield* ReadModel.load(twice, { pageSize: 3 }))
                  assert.deepStrictEqual(rowsTwice, sortedRows(yield* ReadModel.load(once)))
                  const log = yield* EventStore.EventStore.use((s) => s.readAll({ after: 0, limit: 1_000_000 }))
                  assert.deepStrictEqual(rowsTwice, sortedRows(foldTimelines(twice, log)))
                  assert.deepStrictEqual(sortedRows(yield* ReadModel.load(beside)), rowsTwice)
                  const head = log[log.length - 1]!.globalPosition
                  const store = yield* rows
                  assert.deepStrictEqual(
                    [yield* store.position(twice), yield* store.position(once), yield* store.position(beside)],
                    [head, head, head]
                  )
                }).pipe(Effect.provideContext(context))
              )
            }
          )
          yield* Effect.promise(() => fc.assert(property, { numRuns: runs }))
        })
      )

      test(
        "follow catches up, then commits live appends as they arrive",
        Effect.gen(function*() {
          const s = yield* EventStore.EventStore
          const store = yield* rows
          yield* appendDated([[{ key: "a", date: "2024-03-01", kind: "created", n: 0 }]])
          const emitted = yield* Ref.make<ReadonlyArray<number>>([])
          const fiber = yield* ReadModel.follow(thingTimelines, { batchSize: 2 }).pipe(
            Stream.runForEach((position) => Ref.update(emitted, (all) => [...all, position])),
            Effect.forkChild
          )
          const first = yield* s.head
          yield* eventually(Effect.map(store.position(thingTimelines), (p) => p >= first))
          for (let i = 0; i < 5; i++) {
            yield* appendDated([[
              { key: "a", date: "2024-02-15", kind: "noted", n: i },
              { key: `live-${i % 2}`, date: "2024-03-20", kind: "noted", n: i }
            ]])
          }
          const head = yield* s.head
          yield* eventually(Effect.map(store.position(thingTimelines), (p) => p >= head))
          yield* Fiber.interrupt(fiber)
          const positions = yield* Ref.get(emitted)
          assert.isAbove(positions.length, 0)
          assert.deepStrictEqual(positions, [...positions].sort((x, y) => x - y))
          assert.strictEqual(positions[positions.length - 1], head)
          assert.deepStrictEqual(sortedRows(yield* ReadModel.load(thingTimelines)), sortedRows(yield* expectedRows))
        })
      )
    })

    const makeInline = options.makeInlineStore
    if (makeInline !== undefined) {
      describe("inline read models (ReadModel.inlineStore)", () => {
        /** A model of the suite's things whose state is not plain JSON data once a note of 13 comes. */
        const unstorable: ReadModel.ReadModel<ThingState> = {
          ...thingTimelines,
          name: "conformance-unstorable",
          evolve: (state, envelope) => {
            const next = thingTimelines.evolve(state, envelope)
            return next.last === 13 ? { ...next, sum: Number.NaN } : next
          }
        }
        const inlineTest = (
          title: string,
          inline: ReadonlyArray<ReadModel.ReadModel<any>>,
          body: Effect.Effect<void, unknown, EventStore.EventStore | ReadModel.ReadModelStore>
        ) => it.live(title, () => body.pipe(Effect.provide(makeInline(conformanceCodec, inline))), timeout)

        /** The model's stored timelines, read without catching up. */
        const storedTimelines = (model: ReadModel.ReadModel<ThingState>) =>
          Effect.map(
            scanAll(model, 1_000),
            (all) => new Map(all.map(([key, row]) => [key, (row as ReadModel.StoredRow<ThingState>).t]))
          )

        inlineTest(
          "every append leaves the model at the head, its rows a fold of the log, with no catch-up",
          [thingTimelines],
          Effect.gen(function*() {
            const s = yield* EventStore.EventStore
            const store = yield* rows
            yield* appendDated([[{ key: "a", date: "2024-03-01", kind: "created", n: 0 }]])
            assert.strictEqual(yield* store.position(thingTimelines), yield* s.head)
            yield* appendDated([
              [{ key: "a", date: "2024-03-10", kind: "noted", n: 3 }, {
                key: "b",
                date: "2024-03-05",
                kind: "noted",
                n: 2
              }],
              [{ key: "a", date: "2024-02-01", kind: "noted", n: 5 }],
              [{ key: "党支部", date: "2024-03-10", kind: "noted", n: 7 }]
            ])
            yield* s.append([{ streamId: "thing-ignored", expected: "any", events: yield* notes("x", 1, 1) }])
            assert.strictEqual(yield* store.position(thingTimelines), yield* s.head)
            assert.deepStrictEqual(sortedRows(yield* storedTimelines(thingTimelines)), sortedRows(yield* expectedRows))
          })
        )

        inlineTest(
          "a unit of work in parts keeps the model when it commits",
          [thingTimelines],
          Effect.gen(function*() {
            const s = yield* EventStore.EventStore
            const store = yield* rows
            yield* UnitOfWork.transactInChunks(
              () =>
                Effect.gen(function*() {
                  const unit = yield* EventStore.EventStore
                  for (let i = 0; i < 4; i++) {
                    for (const thing of ["a", "b", "c"]) {
                      yield* unit.append([{
                        streamId: `thing-${thing}`,
                        expected: "any",
                        events: yield* notes(thing, i, 1)
                      }])
                    }
                  }
                }),
              { codec: conformanceCodec, chunkEvents: 5 }
            )
            assert.strictEqual(yield* s.head, 12)
            assert.strictEqual(yield* store.position(thingTimelines), 12)
            assert.deepStrictEqual(sortedRows(yield* storedTimelines(thingTimelines)), sortedRows(yield* expectedRows))
          })
        )

        inlineTest(
          "writers at once: each keeps the model, which ends at the head with every event",
          [thingTimelines],
          Effect.gen(function*() {
            const s = yield* EventStore.EventStore
            const store = yield* rows
            yield* Effect.all(
              Array.from({ length: 8 }, (_, i) =>
                Effect.gen(function*() {
                  for (let j = 0; j < 3; j++) {
                    yield* s.append([{
                      streamId: `thing-w${i}`,
                      expected: "any",
                      events: yield* notes(`w${i % 3}`, j, 2)
                    }])
                  }
                })),
              { concurrency: "unbounded" }
            )
            assert.strictEqual(yield* s.head, 48)
            assert.strictEqual(yield* store.position(thingTimelines), 48)
            assert.deepStrictEqual(sortedRows(yield* storedTimelines(thingTimelines)), sortedRows(yield* expectedRows))
          })
        )

        inlineTest(
          options.inlineInTransaction === false
            ? "a model that cannot be kept fails the append (a store without transactions keeps its events)"
            : "a model that cannot be kept refuses the append: neither its events nor any model's rows are written",
          [thingTimelines, unstorable],
          Effect.gen(function*() {
            const s = yield* EventStore.EventStore
            const store = yield* rows
            yield* appendDated([[{ key: "a", date: "2024-03-01", kind: "noted", n: 1 }]])
            const head = yield* s.head
            const refused = yield* Effect.result(
              s.append([{ streamId: "thing-rm0", expected: "any", events: yield* notes("a", 13, 1) }])
            )
            assert.strictEqual(failureTag(refused), "StoreUnavailable")
            assert.include((refused as Result.Failure<unknown, { reason: string }>).failure.reason, unstorable.name)
            if (options.inlineInTransaction === false) {
              assert.strictEqual(yield* s.head, head + 1)
              return
            }
            assert.strictEqual(yield* s.head, head)
            assert.strictEqual((yield* s.readStream("thing-rm0")).version, 1)
            assert.deepStrictEqual([yield* store.position(thingTimelines), yield* store.position(unstorable)], [
              head,
              head
            ])
            assert.deepStrictEqual(sortedRows(yield* storedTimelines(thingTimelines)), sortedRows(yield* expectedRows))
            // The same in a unit of work: nothing of it is written.
            const unit = yield* Effect.result(
              UnitOfWork.transactInChunks(
                () =>
                  Effect.gen(function*() {
                    const unit = yield* EventStore.EventStore
                    yield* unit.append([{ streamId: "thing-b", expected: "any", events: yield* notes("b", 1, 1) }])
                    yield* unit.append([{ streamId: "thing-a", expected: "any", events: yield* notes("a", 13, 1) }])
                  }),
                { codec: conformanceCodec, chunkEvents: 1 }
              )
            )
            assert.strictEqual(failureTag(unit), "StoreUnavailable")
            assert.strictEqual(yield* s.head, head)
            assert.strictEqual((yield* s.readStream("thing-b")).version, 0)
            // A write the models can keep goes through afterwards. The refused appends may leave holes in the
            // positions (PostgreSQL's sequence), which the store's head passes once no older transaction of the
            // database can fill them: another test's, on a shared server, may hold it a moment.
            const last = yield* appendDated([[{ key: "a", date: "2024-03-02", kind: "noted", n: 2 }]])
            assert.strictEqual(yield* store.position(unstorable), last)
            yield* eventually(Effect.map(s.head, (position) => position === last))
          })
        )
      })
    }
  })
}
