import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Result, Schedule } from "effect"
import { MemoryStore } from "../../src/index.ts"
import type { MultiDecider, Route } from "../../src/kernel/Decider.ts"
import { CommandHandler, EventStore, Snapshot } from "../../src/kernel/index.ts"
import type { Command, Event, Rejection, State } from "./fixtures.ts"
import { codec, context, decider, Joined, Left } from "./fixtures.ts"

const store = () => MemoryStore.layer({ codec })
const handle = (command: Command, streamId = "organization-o") =>
  CommandHandler.handle(decider, streamId, command, { context })

describe("CommandHandler.handle", () => {
  it.effect("loads, decides, appends with metadata and returns the new state", () =>
    Effect.gen(function*() {
      yield* handle({ _tag: "Establish", orgId: "o" })
      const joined = yield* handle({ _tag: "Join", orgId: "o", memberId: "m1" })
      assert.strictEqual(joined.version, 2)
      assert.deepStrictEqual(joined.state.members, ["m1"])
      assert.strictEqual(joined.events.length, 1)
      const envelope = joined.events[0]!
      assert.strictEqual(envelope.type, "Joined")
      assert.strictEqual(envelope.schemaVersion, 2)
      assert.strictEqual(envelope.streamPosition, 2)
      assert.strictEqual(envelope.metadata.occurredAt, "2024-03-15")
      assert.strictEqual(envelope.metadata.actor, "clerk-1")
      assert.match(envelope.eventId, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    }).pipe(Effect.provide(store())))

  it.effect("an empty decision appends nothing", () =>
    Effect.gen(function*() {
      yield* handle({ _tag: "Establish", orgId: "o" })
      const again = yield* handle({ _tag: "Establish", orgId: "o" })
      assert.strictEqual(again.events.length, 0)
      assert.strictEqual(yield* EventStore.EventStore.use((s) => s.head), 1)
    }).pipe(Effect.provide(store())))

  it.effect("a rejection is a typed failure and writes nothing", () =>
    Effect.gen(function*() {
      const result = yield* Effect.result(handle({ _tag: "Join", orgId: "o", memberId: "m1" }))
      assert.deepStrictEqual(result, Result.fail("notEstablished" as Rejection))
      assert.strictEqual(yield* EventStore.EventStore.use((s) => s.head), 0)
    }).pipe(Effect.provide(store())))

  it.effect("concurrent commands on one stream all land: conflicts are retried on the new state", () =>
    Effect.gen(function*() {
      yield* handle({ _tag: "Establish", orgId: "o" })
      const members = Array.from({ length: 16 }, (_, i) => `m${i}`)
      yield* Effect.all(
        members.map((memberId) =>
          CommandHandler.handle(decider, "organization-o", { _tag: "Join", orgId: "o", memberId }, {
            context,
            retry: Schedule.recurs(100)
          })
        ),
        { concurrency: "unbounded" }
      )
      const loaded = yield* CommandHandler.load(decider, "organization-o")
      assert.strictEqual(loaded.version, 17)
      assert.deepStrictEqual([...loaded.state.members].sort(), [...members].sort())
    }).pipe(Effect.provide(store())))

  it.effect("a conflict that outlasts the retry policy is a typed VersionConflict", () =>
    Effect.gen(function*() {
      yield* handle({ _tag: "Establish", orgId: "o" })
      // A store whose appends always expect a version the stream never has.
      const base = yield* EventStore.EventStore
      let attempts = 0
      const alwaysConflict = EventStore.EventStore.of({
        ...base,
        append: (request) => {
          attempts++
          return Effect.flatMap(base.append([{ ...request[0]!, expected: 999 }]), () => Effect.die("unreachable"))
        }
      })
      const result = yield* Effect.result(
        CommandHandler.handle(decider, "organization-o", { _tag: "Join", orgId: "o", memberId: "m" }, {
          context,
          retry: Schedule.recurs(2)
        }).pipe(Effect.provideService(EventStore.EventStore, alwaysConflict))
      )
      assert.strictEqual(attempts, 3)
      assert.isTrue(Result.isFailure(result))
      const error = (result as Result.Failure<unknown, any>).failure
      assert.strictEqual(error._tag, "VersionConflict")
      assert.strictEqual(error.expected, 999)
      assert.strictEqual(error.actual, 1)
    }).pipe(Effect.provide(store())))
})

describe("CommandHandler with snapshots", () => {
  it.effect("loads from the latest snapshot and gives the same state as a full load", () =>
    Effect.gen(function*() {
      const access = Snapshot.snapshotEvery<State>(3, "organization@1")
      const run = (command: Command) => CommandHandler.handle(decider, "organization-o", command, { context, access })
      yield* run({ _tag: "Establish", orgId: "o" })
      for (let i = 0; i < 10; i++) yield* run({ _tag: "Join", orgId: "o", memberId: `m${i}` })
      yield* run({ _tag: "Leave", orgId: "o", memberId: "m4" })
      const snapshots = yield* Snapshot.SnapshotStore
      const saved = yield* snapshots.load("organization-o", access as never)
      assert.isTrue(saved._tag === "Some")
      assert.strictEqual((saved as { value: Snapshot.Snapshot }).value.version, 12)
      const viaSnapshot = yield* CommandHandler.load(decider, "organization-o", access)
      const full = yield* CommandHandler.load(decider, "organization-o")
      assert.deepStrictEqual(viaSnapshot, full)
    }).pipe(Effect.provide(Layer.mergeAll(store(), Snapshot.layerMemory))))

  it.effect("works without a snapshot store (the snapshot is only a cache)", () =>
    Effect.gen(function*() {
      const access = Snapshot.snapshotEvery<State>(2, "organization@1")
      yield* CommandHandler.handle(decider, "organization-o", { _tag: "Establish", orgId: "o" }, { context, access })
      const r = yield* CommandHandler.handle(decider, "organization-o", { _tag: "Join", orgId: "o", memberId: "a" }, {
        context,
        access
      })
      assert.strictEqual(r.version, 2)
    }).pipe(Effect.provide(store())))
})

// A transfer of a member between two organizations: one command, two streams, one atomic append.
type Transfer = { readonly _tag: "Transfer"; readonly memberId: string; readonly from: string; readonly to: string }
const transfer: MultiDecider<
  Transfer,
  { origin: { state: State; event: Event }; destination: { state: State; event: Event } },
  Rejection
> = {
  streams: { origin: decider, destination: decider },
  decide: (command, states) => {
    if (!states.origin.members.includes(command.memberId)) return Result.fail("notAMember")
    if (!states.destination.established) return Result.fail("notEstablished")
    return Result.succeed({
      origin: [Left.schema.make({ orgId: command.from, memberId: command.memberId })],
      destination: [Joined.schema.make({ orgId: command.to, memberId: command.memberId, role: "member" })]
    })
  }
}

describe("CommandHandler.handleMany", () => {
  it.effect("appends to every stream atomically and returns each stream's state", () =>
    Effect.gen(function*() {
      yield* handle({ _tag: "Establish", orgId: "a" }, "organization-a")
      yield* handle({ _tag: "Join", orgId: "a", memberId: "m" }, "organization-a")
      yield* handle({ _tag: "Establish", orgId: "b" }, "organization-b")
      const moved = yield* CommandHandler.handleMany(
        transfer,
        { origin: "organization-a", destination: "organization-b" },
        { _tag: "Transfer", memberId: "m", from: "a", to: "b" },
        { context }
      )
      assert.deepStrictEqual(moved.origin.state.members, [])
      assert.deepStrictEqual(moved.destination.state.members, ["m"])
      assert.strictEqual(moved.origin.version, 3)
      assert.strictEqual(moved.destination.version, 2)
      assert.strictEqual(moved.origin.events[0]!.globalPosition + 1, moved.destination.events[0]!.globalPosition)
    }).pipe(Effect.provide(store())))

  it.effect("concurrent transfers of one member: exactly one lands, the member is in exactly one place", () =>
    Effect.gen(function*() {
      for (const id of ["a", "b", "c"]) yield* handle({ _tag: "Establish", orgId: id }, `organization-${id}`)
      yield* handle({ _tag: "Join", orgId: "a", memberId: "m" }, "organization-a")
      const results = yield* Effect.all(
        ["b", "c", "b", "c"].map((to) =>
          Effect.result(
            CommandHandler.handleMany(
              transfer,
              { origin: "organization-a", destination: `organization-${to}` },
              { _tag: "Transfer", memberId: "m", from: "a", to },
              { context, retry: Schedule.recurs(10) }
            )
          )
        ),
        { concurrency: "unbounded" }
      )
      assert.strictEqual(results.filter(Result.isSuccess).length, 1)
      assert.isTrue(results.filter(Result.isFailure).every((r) => r.failure === "notAMember"))
      const places = []
      for (const id of ["a", "b", "c"]) {
        const loaded = yield* CommandHandler.load(decider, `organization-${id}`)
        if (loaded.state.members.includes("m")) places.push(id)
      }
      assert.strictEqual(places.length, 1)
    }).pipe(Effect.provide(store())))
})

// A route that follows a state: a "Move" names its member's current organization only once the member's own
// stream is loaded (the way a member command finds its affiliation).
type Move = { readonly _tag: "Move"; readonly memberId: string; readonly from: string; readonly to: string }
const move: Move = { _tag: "Move", memberId: "m", from: "a", to: "b" }
const moveRoute: Route<Move, string, Rejection> = {
  tags: ["Move"],
  fold: () => decider,
  streams: (command, states) =>
    states.has(`organization-${command.from}`)
      ? [`organization-${command.from}`, `organization-${command.to}`]
      : [`organization-${command.from}`],
  decide: (command, states, role) => {
    const origin = states.get(`organization-${command.from}`) as State
    const destination = states.get(`organization-${command.to}`) as State
    if (!origin.members.includes(command.memberId)) return Result.fail("notAMember")
    if (!destination.established) return Result.fail("notEstablished")
    return Result.succeed([
      {
        streamId: `organization-${command.from}`,
        events: [Left.schema.make({ orgId: command.from, memberId: command.memberId })]
      },
      {
        streamId: `organization-${command.to}`,
        events: [Joined.schema.make({ orgId: command.to, memberId: command.memberId, role: role as "member" })]
      }
    ])
  }
}

describe("CommandHandler.run (the one command loop)", () => {
  it.effect("discovers streams from the states it loads, reads each once, and appends once to all of them", () =>
    Effect.gen(function*() {
      for (const id of ["a", "b"]) yield* handle({ _tag: "Establish", orgId: id }, `organization-${id}`)
      yield* handle({ _tag: "Join", orgId: "a", memberId: "m" }, "organization-a")
      const base = yield* EventStore.EventStore
      const reads: Array<string> = []
      let appends = 0
      const counting = EventStore.EventStore.of({
        ...base,
        readStream: (streamId, options) =>
          Effect.suspend(() => (reads.push(streamId), base.readStream(streamId, options))),
        ...(base.foldStream === undefined ? {} : {
          foldStream: (streamId, initial, evolve, options) =>
            Effect.suspend(() => (reads.push(streamId), base.foldStream!(streamId, initial, evolve, options)))
        }),
        append: (request) => Effect.suspend(() => (appends++, base.append(request)))
      })
      const ran = yield* CommandHandler.run(moveRoute, move, "member", {
        context
      }).pipe(Effect.provideService(EventStore.EventStore, counting))
      assert.deepStrictEqual(reads.sort(), ["organization-a", "organization-b"])
      assert.strictEqual(appends, 1)
      assert.deepStrictEqual(ran.streams, [{ streamId: "organization-a", version: 3 }, {
        streamId: "organization-b",
        version: 2
      }])
      assert.deepStrictEqual(ran.events.map((e) => [e.streamId, e.type]), [["organization-a", "Left"], [
        "organization-b",
        "Joined"
      ]])
      assert.deepStrictEqual((ran.states.get("organization-b")!.state as State).members, ["m"])
    }).pipe(Effect.provide(store())))

  it.effect("a stream read but not written still guards the decision with its expected version", () =>
    Effect.gen(function*() {
      for (const id of ["a", "b"]) yield* handle({ _tag: "Establish", orgId: id }, `organization-${id}`)
      yield* handle({ _tag: "Join", orgId: "a", memberId: "m" }, "organization-a")
      // The destination changes between the loop's read and its append: the append must conflict, and the retry
      // decide again on the new state.
      const base = yield* EventStore.EventStore
      let appends = 0
      const racing = EventStore.EventStore.of({
        ...base,
        append: (request) =>
          Effect.flatMap(
            appends++ === 0
              ? Effect.orDie(Effect.asVoid(handle({ _tag: "Join", orgId: "b", memberId: "x" }, "organization-b"))).pipe(
                Effect.provideService(EventStore.EventStore, base)
              )
              : Effect.void,
            () => base.append(request)
          )
      })
      const ran = yield* CommandHandler.run(moveRoute, move, "member", { context, retry: Schedule.recurs(3) }).pipe(
        Effect.provideService(EventStore.EventStore, racing)
      )
      assert.strictEqual(appends, 2)
      assert.deepStrictEqual((ran.states.get("organization-b")!.state as State).members, ["x", "m"])
    }).pipe(Effect.provide(store())))

  it.effect("a rejection writes nothing and is not retried", () =>
    Effect.gen(function*() {
      yield* handle({ _tag: "Establish", orgId: "a" }, "organization-a")
      const result = yield* Effect.result(
        CommandHandler.run(moveRoute, move, "member", { context })
      )
      assert.deepStrictEqual(result, Result.fail("notAMember" as Rejection))
      assert.strictEqual(yield* EventStore.EventStore.use((s) => s.head), 1)
    }).pipe(Effect.provide(store())))

  it("discover: the same streams from a lookup, without a store", () => {
    const states = CommandHandler.discover(moveRoute, move, (id) => id)
    assert.deepStrictEqual([...states.entries()], [["organization-a", "organization-a"], [
      "organization-b",
      "organization-b"
    ]])
  })

  it.live("the default retry backs off with jitter: a conflict past every retry fails after waiting", () =>
    Effect.gen(function*() {
      const policy = { retries: 4, baseMillis: 10, capMillis: 20 }
      const steps: Array<number> = []
      const started = Date.now()
      const result = yield* Effect.result(
        Effect.fail({ _tag: "VersionConflict" as const }).pipe(
          Effect.tapError(() => Effect.sync(() => steps.push(Date.now() - started))),
          Effect.retry({ schedule: CommandHandler.backoff(policy), while: () => true })
        )
      )
      assert.isTrue(Result.isFailure(result))
      assert.strictEqual(steps.length, 5)
      // Each wait is at most the cap, so five tries take at most 4 × 20 ms (plus scheduling).
      assert.isBelow(steps[4]!, 4 * 20 + 200)
    }))
})
