// The unit of work: an overlay store whose reads fall through to its store once per stream, whose appends are
// buffered and checked like any store's, and whose commit is one atomic append at the versions it first saw.
// The whole EventStore contract is checked on it (the conformance suite), then what is particular to it:
// counted reads of the store underneath, buffered conflicts, the commit, a concurrent writer, and a property:
// commands run through a unit and committed leave the same log as the same commands run on the store.
import { Arbitraries, commandContention, eventStoreConformance } from "@dangjian/testing"
import { assert, describe, it } from "@effect/vitest"
import { Deferred, Effect, Fiber, Layer, Result, Stream } from "effect"
import fc from "fast-check"
import { Dangjian, MemoryStore } from "../../src/index.ts"
import type { Envelope, EventCodec, NewEvent } from "../../src/kernel/index.ts"
import { CommandHandler, EventStore, StoreUnavailable, UnitOfWork } from "../../src/kernel/index.ts"
import { codec, context, decider, Established, evolve, Joined } from "./fixtures.ts"

// ---------------------------------------------------------------------------------------------------------
// The contract: a unit of work over an empty in-memory store is a complete event store.
// ---------------------------------------------------------------------------------------------------------

const overMemory = (storeCodec: EventCodec.EventCodec<any>) =>
  Layer.effect(
    EventStore.EventStore,
    Effect.flatMap(MemoryStore.make({ codec: storeCodec }), (base) => UnitOfWork.make(base, { codec: storeCodec }))
  )

eventStoreConformance("a unit of work over an in-memory store", { makeStore: overMemory })
commandContention("a unit of work over an in-memory store", { makeStore: overMemory })

// ---------------------------------------------------------------------------------------------------------
// Fixtures: a store that counts what is asked of it.
// ---------------------------------------------------------------------------------------------------------

interface Counted {
  readonly store: EventStore.EventStoreShape
  /** Stream reads (`readStream` and `foldStream`) by stream id. */
  readonly reads: Map<string, number>
  readonly appends: Array<ReadonlyArray<EventStore.AppendToStream>>
}

const counted = (base: EventStore.EventStoreShape): Counted => {
  const reads = new Map<string, number>()
  const appends: Array<ReadonlyArray<EventStore.AppendToStream>> = []
  const count = (streamId: string) => reads.set(streamId, (reads.get(streamId) ?? 0) + 1)
  return {
    reads,
    appends,
    store: {
      ...base,
      readStream: (streamId, options) => Effect.suspend(() => (count(streamId), base.readStream(streamId, options))),
      foldStream: (streamId, initial, evolve, options) =>
        Effect.suspend(() => (count(streamId), EventStore.fold(base, streamId, initial, evolve, options))),
      append: (request) => Effect.suspend(() => (appends.push(request), base.append(request)))
    }
  }
}

let idCounter = 0
/** A new event with an id that sorts after every earlier one (as `Uuid.v7` makes them). */
const event = (data: typeof Established.schema.Type | typeof Joined.schema.Type): NewEvent => ({
  eventId: `00000000-0000-7000-8000-${String(++idCounter).padStart(12, "0")}`,
  type: data._tag,
  data,
  metadata: { occurredAt: "2024-03-15", recordedAt: "2024-03-15T08:00:00.000Z" }
})
const established = (orgId: string) => event(Established.schema.make({ orgId, name: `Org ${orgId}` }))
const joined = (orgId: string, memberId: string) => event(Joined.schema.make({ orgId, memberId, role: "member" }))

/** A store holding organization a (established, one member) and b (established): head 3. */
const seeded = Effect.gen(function*() {
  const base = yield* MemoryStore.make({ codec })
  yield* base.append([
    { streamId: "organization-a", expected: "noStream", events: [established("a"), joined("a", "m1")] },
    { streamId: "organization-b", expected: "noStream", events: [established("b")] }
  ])
  return base
})

const typesOf = (events: ReadonlyArray<Envelope.Envelope>) =>
  events.map((e) => `${e.streamId}#${e.streamPosition} ${e.type}`)

const failureOf = <A, E>(result: Result.Result<A, E>): E => {
  assert.isTrue(Result.isFailure(result), "expected a failure")
  return (result as Result.Failure<A, E>).failure
}

// ---------------------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------------------

describe("UnitOfWork reads", () => {
  it.effect("a stream is read from the store once, then answered from the unit, buffered events included", () =>
    Effect.gen(function*() {
      const base = counted(yield* seeded)
      const unit = yield* UnitOfWork.make(base.store, { codec })
      const first = yield* unit.readStream("organization-a")
      assert.deepStrictEqual([first.version, first.events.length], [2, 2])
      yield* unit.readStream("organization-a")
      const folded = yield* EventStore.fold(unit, "organization-a", decider.initialState, evolve as never)
      assert.deepStrictEqual(folded, { state: { established: true, members: ["m1"] }, version: 2 })
      yield* unit.append([{ streamId: "organization-a", expected: 2, events: [joined("a", "m2")] }])
      const after = yield* unit.readStream("organization-a")
      assert.deepStrictEqual(typesOf(after.events), [
        "organization-a#1 Established",
        "organization-a#2 Joined",
        "organization-a#3 Joined"
      ])
      assert.strictEqual(after.version, 3)
      assert.deepStrictEqual((yield* unit.readStream("organization-a", { after: 2 })).events.length, 1)
      const again = yield* EventStore.fold(unit, "organization-a", decider.initialState, evolve as never)
      assert.deepStrictEqual(again, { state: { established: true, members: ["m1", "m2"] }, version: 3 })
      // One read of the store for all of the above; the store itself is unchanged.
      assert.deepStrictEqual([...base.reads], [["organization-a", 1]])
      assert.strictEqual((yield* base.store.readStream("organization-a")).version, 2)
    }))

  it.effect("appending to a stream never read reads it once first (its first-seen version), and only it", () =>
    Effect.gen(function*() {
      const base = counted(yield* seeded)
      const unit = yield* UnitOfWork.make(base.store, { codec })
      yield* unit.append([{ streamId: "organization-b", expected: 1, events: [joined("b", "m9")] }])
      yield* unit.append([{ streamId: "organization-c", expected: "noStream", events: [established("c")] }])
      yield* unit.readStream("organization-b")
      yield* unit.readStream("organization-c")
      assert.deepStrictEqual([...base.reads].sort(), [["organization-b", 1], ["organization-c", 1]])
      assert.deepStrictEqual(yield* unit.pending, { touched: 2, streams: 2, events: 2, newestRead: 3 })
    }))

  it.effect("over a store that was empty, no stream is read at all: each is new, at version 0", () =>
    Effect.gen(function*() {
      const base = counted(yield* MemoryStore.make({ codec }))
      const unit = yield* UnitOfWork.make(base.store, { codec })
      for (const id of ["x", "y", "z"]) {
        yield* CommandHandler.handle(decider, `organization-${id}`, { _tag: "Establish", orgId: id }, { context }).pipe(
          UnitOfWork.provide(unit)
        )
      }
      assert.strictEqual(base.reads.size, 0)
      assert.strictEqual(yield* unit.head, 3)
      assert.strictEqual(yield* base.store.head, 0)
    }))

  it.effect("a long stream's fold goes on from its last fold by the same function, and equals a fold from the start", () =>
    Effect.gen(function*() {
      const base = yield* seeded
      const unit = yield* UnitOfWork.make(base, { codec })
      let calls = 0
      const counting = (state: typeof decider.initialState, data: unknown) => (calls++, evolve(state, data as never))
      const fold = (initial = decider.initialState, after?: number) =>
        EventStore.fold(unit, "organization-a", initial, counting, after === undefined ? undefined : { after })
      // A short stream (two events) keeps no fold: it is folded again.
      yield* fold()
      yield* fold()
      assert.strictEqual(calls, 4)
      const members = ["m2", "m3", "m4", "m5", "m6", "m7"]
      yield* unit.append([{ streamId: "organization-a", expected: 2, events: members.map((m) => joined("a", m)) }])
      calls = 0
      yield* fold()
      assert.strictEqual(calls, 8, "eight events: folded once, then kept")
      yield* unit.append([{ streamId: "organization-a", expected: 8, events: [joined("a", "m8"), joined("a", "m9")] }])
      calls = 0
      const resumed = yield* fold()
      assert.strictEqual(calls, 2, "only the two new events are folded")
      assert.deepStrictEqual(resumed, {
        state: { established: true, members: ["m1", ...members, "m8", "m9"] },
        version: 10
      })
      calls = 0
      assert.deepStrictEqual(yield* fold(), resumed)
      assert.strictEqual(calls, 0, "nothing new: nothing folded")
      // Another initial state, or a fold after a position, is folded from where it asks.
      const other = yield* fold({ established: false, members: ["x"] })
      assert.strictEqual(calls, 10)
      assert.deepStrictEqual(other.state.members, ["m1", ...members, "m8", "m9"])
      const tail = yield* fold({ established: true, members: [] }, 8)
      assert.deepStrictEqual(tail, { state: { established: true, members: ["m8", "m9"] }, version: 10 })
      // The same as a fold from the start, with the store's events and the buffered ones.
      const fresh = yield* UnitOfWork.make(base, { codec })
      yield* fresh.append([{
        streamId: "organization-a",
        expected: 2,
        events: [...members, "m8", "m9"].map((m) => joined("a", m))
      }])
      assert.deepStrictEqual(
        (yield* EventStore.fold(fresh, "organization-a", decider.initialState, evolve as never)).state,
        resumed.state
      )
    }))

  it.effect("head and readAll: the store's log up to its head, then the buffered events after it, page by page", () =>
    Effect.gen(function*() {
      const base = yield* seeded
      const unit = yield* UnitOfWork.make(base, { codec })
      yield* unit.append([
        { streamId: "organization-b", expected: 1, events: [joined("b", "m1"), joined("b", "m2")] },
        { streamId: "organization-d", expected: "noStream", events: [established("d")] }
      ])
      assert.strictEqual(yield* unit.head, 6)
      const all = yield* unit.readAll({ after: 0 })
      assert.deepStrictEqual(all.map((e) => e.globalPosition), [1, 2, 3, 4, 5, 6])
      assert.deepStrictEqual(typesOf(all).slice(3), [
        "organization-b#2 Joined",
        "organization-b#3 Joined",
        "organization-d#1 Established"
      ])
      // Pages of two cross from the store to the buffer without a gap or a repeat.
      const paged: Array<number> = []
      for (let after = 0;;) {
        const page = yield* unit.readAll({ after, limit: 2 })
        if (page.length === 0) break
        paged.push(...page.map((e) => e.globalPosition))
        after = page[page.length - 1]!.globalPosition
      }
      assert.deepStrictEqual(paged, [1, 2, 3, 4, 5, 6])
      // A writer adding to the store after the unit's head is not in the unit's log.
      yield* base.append([{ streamId: "organization-e", expected: "noStream", events: [established("e")] }])
      assert.deepStrictEqual((yield* unit.readAll({ after: 2, limit: 10 })).map((e) => e.globalPosition), [3, 4, 5, 6])
      assert.strictEqual(yield* unit.head, 6)
    }))

  it.live("subscribe catches up over the store and the buffer, then follows buffered appends", () =>
    Effect.gen(function*() {
      const base = yield* seeded
      const unit = yield* UnitOfWork.make(base, { codec })
      yield* unit.append([{ streamId: "organization-b", expected: 1, events: [joined("b", "m1")] }])
      const fiber = yield* unit.subscribe({ after: 1, batchSize: 2 }).pipe(
        Stream.take(4),
        Stream.runCollect,
        Effect.forkChild
      )
      yield* Effect.sleep("20 millis")
      yield* unit.append([{ streamId: "organization-f", expected: "noStream", events: [established("f")] }])
      const delivered = yield* Fiber.join(fiber)
      assert.deepStrictEqual(delivered.map((e) => e.globalPosition), [2, 3, 4, 5])
      assert.strictEqual(delivered[3]!.streamId, "organization-f")
    }))
})

// ---------------------------------------------------------------------------------------------------------
// Buffered appends
// ---------------------------------------------------------------------------------------------------------

describe("UnitOfWork appends", () => {
  it.effect("a stale expectation against the buffered version is a VersionConflict and buffers nothing", () =>
    Effect.gen(function*() {
      const base = yield* seeded
      const unit = yield* UnitOfWork.make(base, { codec })
      yield* unit.append([{ streamId: "organization-a", expected: 2, events: [joined("a", "m2")] }])
      const stale = failureOf(
        yield* Effect.result(unit.append([{ streamId: "organization-a", expected: 2, events: [joined("a", "m3")] }]))
      )
      assert.deepStrictEqual([
        stale._tag,
        (stale as { expected?: unknown }).expected,
        (stale as { actual?: unknown })
          .actual
      ], ["VersionConflict", 2, 3])
      // One stale stream of two: nothing is buffered on either.
      const partly = failureOf(
        yield* Effect.result(unit.append([
          { streamId: "organization-b", expected: 1, events: [joined("b", "m2")] },
          { streamId: "organization-a", expected: "noStream", events: [joined("a", "m4")] }
        ]))
      )
      assert.strictEqual(partly._tag, "VersionConflict")
      assert.deepStrictEqual(yield* unit.pending, { touched: 2, streams: 1, events: 1, newestRead: 3 })
      assert.strictEqual((yield* unit.readStream("organization-b")).version, 1)
    }))

  it.effect("re-appending buffered event ids as buffered returns their positions; in another stream, a conflict", () =>
    Effect.gen(function*() {
      const unit = yield* UnitOfWork.make(yield* seeded, { codec })
      const events = [joined("a", "m2")]
      const once = yield* unit.append([{ streamId: "organization-a", expected: 2, events }])
      const twice = yield* unit.append([{ streamId: "organization-a", expected: 2, events }])
      assert.isTrue(twice.alreadyStored)
      assert.deepStrictEqual(twice.positions, once.positions)
      const elsewhere = failureOf(
        yield* Effect.result(unit.append([{ streamId: "organization-b", expected: "any", events }]))
      )
      assert.strictEqual(elsewhere._tag, "EventIdConflict")
      assert.strictEqual((yield* unit.pending).events, 1)
    }))

  it.effect("with a codec, an event that does not match its definition is refused and nothing is buffered", () =>
    Effect.gen(function*() {
      const unit = yield* UnitOfWork.make(yield* seeded, { codec })
      const bad = { ...established("z"), data: { _tag: "Established", orgId: 1 } }
      const refused = failureOf(
        yield* Effect.result(unit.append([{ streamId: "organization-z", expected: "noStream", events: [bad] }]))
      )
      assert.strictEqual(refused._tag, "EventEncodeError")
      const unknown = { ...established("z"), type: "Vanished", data: { _tag: "Vanished" } }
      assert.strictEqual(
        failureOf(
          yield* Effect.result(unit.append([{ streamId: "organization-z", expected: "any", events: [unknown] }]))
        )
          ._tag,
        "UnknownEventType"
      )
      assert.strictEqual((yield* unit.pending).events, 0)
    }))
})

// ---------------------------------------------------------------------------------------------------------
// Commit
// ---------------------------------------------------------------------------------------------------------

describe("UnitOfWork.commit", () => {
  it.effect("writes every buffered event in ONE append, each stream at its first-seen version, then starts over", () =>
    Effect.gen(function*() {
      const base = counted(yield* seeded)
      const unit = yield* UnitOfWork.make(base.store, { codec })
      yield* unit.append([{ streamId: "organization-a", expected: 2, events: [joined("a", "m2")] }])
      yield* unit.append([{ streamId: "organization-c", expected: "noStream", events: [established("c")] }])
      yield* unit.append([{ streamId: "organization-a", expected: 3, events: [joined("a", "m3")] }])
      yield* unit.readStream("organization-b")
      const committed = yield* UnitOfWork.commit(unit)
      assert.strictEqual(base.appends.length, 1)
      assert.deepStrictEqual(
        base.appends[0]!.map((part) => [part.streamId, part.expected, part.events.length]),
        [["organization-a", 2, 2], ["organization-c", 0, 1], ["organization-b", 1, 0]]
      )
      assert.deepStrictEqual(committed.streams, [
        { streamId: "organization-a", version: 4 },
        { streamId: "organization-c", version: 1 },
        { streamId: "organization-b", version: 1 }
      ])
      assert.strictEqual(committed.positions.length, 3)
      assert.deepStrictEqual(typesOf(yield* base.store.readAll({ after: 3 })), [
        "organization-a#3 Joined",
        "organization-a#4 Joined",
        "organization-c#1 Established"
      ])
      // The unit starts over: empty, reading the store again.
      assert.deepStrictEqual(yield* unit.pending, { touched: 0, streams: 0, events: 0, newestRead: 0 })
      assert.strictEqual((yield* unit.readStream("organization-a")).version, 4)
      assert.strictEqual(base.reads.get("organization-a"), 2)
      // Nothing buffered: nothing is written, the store is not asked.
      const nothing = yield* UnitOfWork.commit(unit)
      assert.deepStrictEqual(nothing.positions, [])
      assert.strictEqual(base.appends.length, 1)
    }))

  it.effect("a writer appending between the first read and the commit fails the commit; nothing is written", () =>
    Effect.gen(function*() {
      const base = yield* seeded
      const unit = yield* UnitOfWork.make(base, { codec })
      yield* unit.append([{ streamId: "organization-a", expected: 2, events: [joined("a", "m2")] }])
      yield* unit.append([{ streamId: "organization-c", expected: "noStream", events: [established("c")] }])
      // Another writer, straight to the store.
      yield* base.append([{ streamId: "organization-a", expected: 2, events: [joined("a", "rival")] }])
      const conflict = failureOf(yield* Effect.result(UnitOfWork.commit(unit)))
      assert.deepStrictEqual(
        [conflict._tag, (conflict as { streamId?: string }).streamId, (conflict as { actual?: number }).actual],
        ["VersionConflict", "organization-a", 3]
      )
      // Only the rival's event is in the store; organization-c, which no one else touched, was not written.
      assert.strictEqual(yield* base.head, 4)
      assert.strictEqual((yield* base.readStream("organization-c")).version, 0)
      // The unit keeps its buffer.
      assert.strictEqual((yield* unit.pending).events, 2)
    }))

  it.effect("a change to a stream the unit only read fails the commit too; a change elsewhere does not", () =>
    Effect.gen(function*() {
      const base = yield* seeded
      const unit = yield* UnitOfWork.make(base, { codec })
      yield* unit.readStream("organization-b")
      yield* unit.append([{ streamId: "organization-c", expected: "noStream", events: [established("c")] }])
      yield* base.append([{ streamId: "organization-z", expected: "noStream", events: [established("z")] }])
      yield* base.append([{ streamId: "organization-b", expected: 1, events: [joined("b", "rival")] }])
      const conflict = failureOf(yield* Effect.result(UnitOfWork.commit(unit)))
      assert.deepStrictEqual([conflict._tag, (conflict as { streamId?: string }).streamId], [
        "VersionConflict",
        "organization-b"
      ])
      // Without the change to b, the change elsewhere (organization-z) does not stop it.
      const other = yield* UnitOfWork.make(base, { codec })
      yield* other.append([{ streamId: "organization-c", expected: "noStream", events: [established("c")] }])
      yield* base.append([{ streamId: "organization-y", expected: "noStream", events: [established("y")] }])
      const committed = yield* UnitOfWork.commit(other)
      assert.deepStrictEqual(committed.streams, [{ streamId: "organization-c", version: 1 }])
    }))

  it.effect("a commit that landed but was not answered is recognised when committed again", () =>
    Effect.gen(function*() {
      const base = yield* seeded
      let lost = true
      const forgetful: EventStore.EventStoreShape = {
        ...base,
        append: (request) =>
          Effect.flatMap(base.append(request), (result) => {
            if (!lost) return Effect.succeed(result)
            lost = false
            return Effect.fail(new StoreUnavailable({ operation: "append", reason: "the answer was lost" }))
          })
      }
      const unit = yield* UnitOfWork.make(forgetful, { codec })
      yield* unit.append([{ streamId: "organization-c", expected: "noStream", events: [established("c")] }])
      assert.isTrue(Result.isFailure(yield* Effect.result(UnitOfWork.commit(unit))))
      const again = yield* UnitOfWork.commit(unit)
      assert.isTrue(again.alreadyStored)
      assert.strictEqual(yield* base.head, 4)
    }))

  it.live("an append while a commit runs is refused (StoreUnavailable), and the commit is not changed by it", () =>
    Effect.gen(function*() {
      const base = yield* seeded
      const gate = yield* Deferred.make<void>()
      const slow: EventStore.EventStoreShape = {
        ...base,
        append: (request) => Effect.andThen(Deferred.await(gate), base.append(request))
      }
      const unit = yield* UnitOfWork.make(slow, { codec })
      yield* unit.append([{ streamId: "organization-c", expected: "noStream", events: [established("c")] }])
      const committing = yield* Effect.forkChild(UnitOfWork.commit(unit))
      yield* Effect.sleep("10 millis")
      const refused = failureOf(
        yield* Effect.result(unit.append([{ streamId: "organization-c", expected: 1, events: [joined("c", "m")] }]))
      )
      assert.deepStrictEqual([refused._tag, (refused as { operation?: string }).operation], [
        "StoreUnavailable",
        "append"
      ])
      yield* Deferred.succeed(gate, undefined)
      const committed = yield* Fiber.join(committing)
      assert.strictEqual(committed.positions.length, 1)
      assert.strictEqual(yield* base.head, 4)
    }))

  it.effect("discard drops what was buffered and read; layer provides the unit as the EventStore", () =>
    Effect.gen(function*() {
      const base = counted(yield* seeded)
      const unit = yield* UnitOfWork.make(base.store, { codec })
      yield* CommandHandler.handle(decider, "organization-a", { _tag: "Join", orgId: "a", memberId: "m2" }, { context })
        .pipe(Effect.provide(UnitOfWork.layer(unit)))
      assert.deepStrictEqual(yield* unit.pending, { touched: 1, streams: 1, events: 1, newestRead: 2 })
      yield* unit.discard
      assert.deepStrictEqual(yield* unit.pending, { touched: 0, streams: 0, events: 0, newestRead: 0 })
      assert.strictEqual((yield* unit.readStream("organization-a")).version, 2)
      assert.strictEqual(base.reads.get("organization-a"), 2, "read again after the discard")
      assert.deepStrictEqual((yield* UnitOfWork.commit(unit)).positions, [])
      assert.strictEqual(base.appends.length, 0)
      assert.strictEqual(yield* base.store.head, 3)
    }))

  it.effect("transact commits what the effect appended, and writes nothing when the effect fails", () =>
    Effect.gen(function*() {
      const ok = yield* UnitOfWork.transact(
        Effect.gen(function*() {
          yield* CommandHandler.handle(decider, "organization-t", { _tag: "Establish", orgId: "t" }, { context })
          yield* CommandHandler.handle(decider, "organization-t", { _tag: "Join", orgId: "t", memberId: "m" }, {
            context
          })
          return yield* EventStore.EventStore.use((store) => store.head)
        })
      )
      assert.strictEqual(ok.value, 2, "the effect sees its own appends")
      assert.strictEqual(ok.committed.positions.length, 2)
      const failed = yield* Effect.result(UnitOfWork.transact(
        Effect.gen(function*() {
          yield* CommandHandler.handle(decider, "organization-u", { _tag: "Establish", orgId: "u" }, { context })
          return yield* CommandHandler.handle(decider, "organization-u", { _tag: "Leave", orgId: "u", memberId: "m" }, {
            context
          })
        })
      ))
      assert.deepStrictEqual(failed, Result.fail("notAMember"))
      assert.strictEqual(yield* EventStore.EventStore.use((store) => store.head), 2)
    }).pipe(Effect.provide(MemoryStore.layer({ codec }))))
})

// ---------------------------------------------------------------------------------------------------------
// The property: through a unit of work, then committed, is the same as straight on the store.
// ---------------------------------------------------------------------------------------------------------

interface Observed {
  readonly outcomes: ReadonlyArray<string>
  readonly streams: Record<string, ReadonlyArray<{ readonly type: string; readonly data: unknown }>>
}

const outcomeOf = (result: Result.Result<Dangjian.Executed, Dangjian.ExecuteError>): string => {
  if (Result.isSuccess(result)) return `accepted ${result.success.events.map((e) => e.type).join(",")}`
  const error = result.failure as { readonly _tag: string; readonly ruleId?: string; readonly code?: string }
  return `rejected ${error._tag} ${error.ruleId ?? ""} ${error.code ?? ""}`
}

const observe = Effect.gen(function*() {
  const store = yield* EventStore.EventStore
  const streams: Record<string, Array<{ readonly type: string; readonly data: unknown }>> = {}
  for (const e of yield* store.readAll({ after: 0, limit: 1_000_000 })) {
    ;(streams[`:${e.streamId}`] ??= []).push({ type: e.type, data: e.data })
  }
  return streams
})

const runDirect = (commands: ReadonlyArray<Dangjian.Command>) =>
  Effect.gen(function*() {
    const outcomes: Array<string> = []
    for (const command of commands) outcomes.push(outcomeOf(yield* Effect.result(Dangjian.execute(command))))
    return { outcomes, streams: yield* observe } satisfies Observed
  }).pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec })))

// The first `split` commands straight on the store (so the unit reads streams that exist), the rest on a unit.
const runThroughUnit = (commands: ReadonlyArray<Dangjian.Command>, split: number) =>
  Effect.gen(function*() {
    const outcomes: Array<string> = []
    for (const command of commands.slice(0, split)) {
      outcomes.push(outcomeOf(yield* Effect.result(Dangjian.execute(command))))
    }
    const base = yield* EventStore.EventStore
    const headBefore = yield* base.head
    const unit = yield* UnitOfWork.make(base, { codec: Dangjian.codec })
    for (const command of commands.slice(split)) {
      outcomes.push(outcomeOf(yield* Effect.result(Dangjian.execute(command).pipe(UnitOfWork.provide(unit)))))
    }
    const pending = yield* unit.pending
    assert.strictEqual(yield* base.head, headBefore, "nothing is written before the commit")
    const committed = yield* UnitOfWork.commit(unit)
    assert.strictEqual(committed.positions.length, pending.events)
    return { outcomes, streams: yield* observe } satisfies Observed
  }).pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec })))

describe("UnitOfWork: the same as the store", () => {
  it(
    "random township histories (rejections included) through a unit, then committed, give the store's log",
    async () => {
      let commands = 0
      let buffered = 0
      await fc.assert(
        fc.asyncProperty(
          Arbitraries.townshipHistory({ members: 30, agreements: 10 }).map((h) => h.commands),
          fc.nat(),
          async (history, seed) => {
            const split = seed % (history.length + 1)
            const [direct, throughUnit] = await Promise.all([
              Effect.runPromise(runDirect(history)),
              Effect.runPromise(runThroughUnit(history, split))
            ])
            assert.deepStrictEqual(throughUnit.outcomes, direct.outcomes)
            assert.deepStrictEqual(throughUnit.streams, direct.streams)
            commands += history.length
            buffered += history.length - split
          }
        ),
        { numRuns: 40 }
      )
      // Not vacuous: the histories were long, and most of their commands went through a unit.
      assert.isAbove(commands, 400)
      assert.isAbove(buffered, 150)
    },
    120_000
  )

  it("the comparison can fail: a unit whose commit drops a stream's last event differs from the store", async () => {
    const history = fc.sample(Arbitraries.townshipHistory({ members: 10, agreements: 0 }).map((h) => h.accepted), {
      numRuns: 1,
      seed: 7
    })[0]!
    const lossy = Effect.gen(function*() {
      const base = yield* EventStore.EventStore
      const dropping: EventStore.EventStoreShape = {
        ...base,
        append: (request) =>
          base.append(request.map((part, i) => i === 0 ? { ...part, events: part.events.slice(0, -1) } : part))
      }
      const unit = yield* UnitOfWork.make(dropping, { codec: Dangjian.codec })
      for (const command of history) yield* Effect.result(Dangjian.execute(command).pipe(UnitOfWork.provide(unit)))
      yield* UnitOfWork.commit(unit)
      return yield* observe
    }).pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec })))
    const [direct, dropped] = await Promise.all([Effect.runPromise(runDirect(history)), Effect.runPromise(lossy)])
    assert.notDeepEqual(dropped, direct.streams)
  })
})
