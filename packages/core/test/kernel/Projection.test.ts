import { assert, describe, it } from "@effect/vitest"
import { Effect, Fiber, Layer, Stream } from "effect"
import fc from "fast-check"
import { MemoryStore } from "../../src/index.ts"
import { CommandHandler, EventStore, Projection } from "../../src/kernel/index.ts"
import type { Command, Event } from "./fixtures.ts"
import { codec, context, decider } from "./fixtures.ts"

// Members per organization, from the global log.
const membersPerOrg = Projection.make<Readonly<Record<string, number>>>({
  name: "membersPerOrg",
  version: 1,
  initialState: {},
  apply: (state, envelope) => {
    const event = envelope.data as Event
    switch (event._tag) {
      case "Established":
        return { ...state, [event.orgId]: 0 }
      case "Joined":
        return { ...state, [event.orgId]: (state[event.orgId] ?? 0) + 1 }
      case "Left":
        return { ...state, [event.orgId]: (state[event.orgId] ?? 0) - 1 }
    }
  }
})

const layer = () => Layer.mergeAll(MemoryStore.layer({ codec }), Projection.layerMemoryStore)

// Random command sequences over three organizations and five members; rejected commands are simply skipped.
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ _tag: fc.constant("Establish" as const), orgId: fc.constantFrom("a", "b", "c") }),
  fc.record({
    _tag: fc.constant("Join" as const),
    orgId: fc.constantFrom("a", "b", "c"),
    memberId: fc.constantFrom("m1", "m2", "m3", "m4", "m5")
  }),
  fc.record({
    _tag: fc.constant("Leave" as const),
    orgId: fc.constantFrom("a", "b", "c"),
    memberId: fc.constantFrom("m1", "m2", "m3", "m4", "m5")
  })
)

const run = (commands: ReadonlyArray<Command>) =>
  Effect.forEach(
    commands,
    (command) => Effect.ignore(CommandHandler.handle(decider, `organization-${command.orgId}`, command, { context })),
    {
      discard: true
    }
  )

describe("Projection", () => {
  it.effect("property: folding readStream equals the handler's state", () =>
    Effect.promise(() =>
      fc.assert(
        fc.asyncProperty(fc.array(commandArb, { maxLength: 40 }), (commands) =>
          Effect.runPromise(
            Effect.gen(function*() {
              const last = new Map<string, unknown>()
              for (const command of commands) {
                const result = yield* Effect.result(
                  CommandHandler.handle(decider, `organization-${command.orgId}`, command, { context })
                )
                if (result._tag === "Success") last.set(command.orgId, result.success.state)
              }
              const store = yield* EventStore.EventStore
              for (const [orgId, state] of last) {
                const read = yield* store.readStream(`organization-${orgId}`)
                let folded = decider.initialState
                for (const envelope of read.events) folded = decider.evolve(folded, envelope.data as Event)
                assert.deepStrictEqual(folded, state)
              }
            }).pipe(Effect.provide(layer()))
          )),
        { numRuns: 60 }
      )
    ))

  it.effect("property: rebuild equals the incremental projection, however the log is split", () =>
    Effect.promise(() =>
      fc.assert(
        fc.asyncProperty(
          fc.array(commandArb, { maxLength: 40 }),
          fc.array(fc.nat({ max: 40 }), { maxLength: 4 }),
          fc.integer({ min: 1, max: 7 }),
          (commands, cuts, batchSize) =>
            Effect.runPromise(
              Effect.gen(function*() {
                // Incremental: catch up after each slice of commands.
                const points = [...new Set(cuts)].sort((a, b) => a - b)
                let from = 0
                for (const point of [...points, commands.length]) {
                  yield* run(commands.slice(from, Math.max(from, point)))
                  from = Math.max(from, point)
                  yield* Projection.catchUp(membersPerOrg, { batchSize })
                }
                const incremental = yield* Projection.catchUp(membersPerOrg, { batchSize })
                const rebuilt = yield* Projection.rebuild({ ...membersPerOrg, version: 2 })
                assert.deepStrictEqual(rebuilt.state, incremental.state)
                assert.strictEqual(rebuilt.position, incremental.position)
                assert.strictEqual(rebuilt.position, yield* EventStore.EventStore.use((s) => s.head))
              }).pipe(Effect.provide(layer()))
            )
        ),
        { numRuns: 60 }
      )
    ))

  it.effect("catchUp resumes from its checkpoint and never counts an event twice", () =>
    Effect.gen(function*() {
      yield* run([{ _tag: "Establish", orgId: "a" }, { _tag: "Join", orgId: "a", memberId: "m1" }])
      const first = yield* Projection.catchUp(membersPerOrg)
      assert.deepStrictEqual(first.state, { a: 1 })
      const again = yield* Projection.catchUp(membersPerOrg)
      assert.deepStrictEqual(again, first)
      yield* run([{ _tag: "Join", orgId: "a", memberId: "m2" }])
      const third = yield* Projection.catchUp(membersPerOrg)
      assert.deepStrictEqual(third.state, { a: 2 })
      assert.strictEqual(third.position, 3)
    }).pipe(Effect.provide(layer())))

  it.live("run follows live appends and saves each checkpoint", () =>
    Effect.gen(function*() {
      yield* run([{ _tag: "Establish", orgId: "a" }])
      const fiber = yield* Projection.run(membersPerOrg).pipe(
        Stream.takeUntil((c) => c.position >= 3),
        Stream.runLast,
        Effect.forkChild
      )
      yield* Effect.sleep("10 millis")
      yield* run([{ _tag: "Join", orgId: "a", memberId: "m1" }, { _tag: "Join", orgId: "a", memberId: "m2" }])
      const last = yield* Fiber.join(fiber)
      assert.isTrue(last._tag === "Some")
      const saved = yield* Projection.ProjectionStore.use((p) => p.load(membersPerOrg))
      assert.deepStrictEqual(saved._tag === "Some" ? saved.value : undefined, { position: 3, state: { a: 2 } })
    }).pipe(Effect.provide(layer())))

  describe("a projection that names the envelope fields it reads", () => {
    const membersByData = Projection.make({
      name: "membersByData",
      version: 1,
      initialState: {} as Readonly<Record<string, number>>,
      fields: ["data"],
      apply: (state, envelope) => membersPerOrg.apply(state, envelope as never)
    })

    // Records the fields every read asks the store for.
    const asked: Array<ReadonlyArray<string> | undefined> = []
    const recordingLayer = () =>
      Layer.mergeAll(
        Layer.effect(
          EventStore.EventStore,
          Effect.map(MemoryStore.make({ codec }), (store) =>
            EventStore.EventStore.of({
              ...store,
              readAll: (options) => {
                asked.push(options.fields)
                return store.readAll(options)
              },
              subscribe: (options) => {
                asked.push(options.fields)
                return store.subscribe(options)
              }
            }))
        ),
        Projection.layerMemoryStore
      )

    it.effect("replay, catchUp, rebuild and run ask the store for those fields and fold as without them", () =>
      Effect.gen(function*() {
        asked.length = 0
        yield* run([
          { _tag: "Establish", orgId: "a" },
          { _tag: "Join", orgId: "a", memberId: "m1" },
          { _tag: "Establish", orgId: "b" }
        ])
        const full = yield* Projection.replay(membersPerOrg)
        assert.deepStrictEqual(asked, [undefined])
        asked.length = 0
        assert.deepStrictEqual(yield* Projection.replay(membersByData, { batchSize: 2 }), full)
        assert.deepStrictEqual(yield* Projection.catchUp(membersByData), full)
        assert.deepStrictEqual(yield* Projection.rebuild({ ...membersByData, version: 2 }), full)
        const live = yield* Projection.run({ ...membersByData, version: 3 }).pipe(
          Stream.takeUntil((c) => c.position >= 3),
          Stream.runLast
        )
        assert.deepStrictEqual(live._tag === "Some" ? live.value : undefined, full)
        assert.isAbove(asked.length, 3)
        assert.isTrue(asked.every((fields) => fields?.join() === "data"), JSON.stringify(asked))
      }).pipe(Effect.provide(recordingLayer())))

    it("EventStore.readShapeOf: full when the event id or metadata is named, bare when no stream column is", () => {
      assert.strictEqual(EventStore.readShapeOf(undefined), "full")
      assert.strictEqual(EventStore.readShapeOf(["type", "metadata"]), "full")
      assert.strictEqual(EventStore.readShapeOf(["eventId"]), "full")
      assert.strictEqual(EventStore.readShapeOf(["streamId", "data"]), "lean")
      assert.strictEqual(EventStore.readShapeOf(["streamPosition"]), "lean")
      assert.strictEqual(EventStore.readShapeOf(["type", "schemaVersion", "data"]), "bare")
      assert.strictEqual(EventStore.readShapeOf([]), "bare")
    })

    it("naming fields with the envelope type left at every field does not compile", () => {
      const counted = Projection.make<number, "type">({
        name: "counted",
        version: 1,
        initialState: 0,
        fields: ["type"],
        apply: (count, envelope) => (envelope.type === "Joined" ? count + 1 : count)
      })
      assert.deepStrictEqual(counted.fields, ["type"])
      Projection.make<number>({
        name: "untyped",
        version: 1,
        initialState: 0,
        // @ts-expect-error F is every field here, so apply could read what the store leaves out
        fields: ["type"],
        apply: (count, envelope) => (envelope.metadata.occurredAt === "" ? count : count + 1)
      })
    })

    it("apply is typed to see only the named fields and the global position", () => {
      Projection.make({
        name: "typed",
        version: 1,
        initialState: 0,
        fields: ["type"],
        apply: (count, envelope) => {
          // @ts-expect-error metadata was not named in fields
          const unnamed: unknown = envelope.metadata
          return unnamed === undefined && envelope.type === "Joined" && envelope.globalPosition > 0 ? count + 1 : count
        }
      })
    })
  })
})
