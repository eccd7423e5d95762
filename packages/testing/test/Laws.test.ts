import { Dangjian, MemoryStore } from "@dangjian/core"
import type { Decider } from "@dangjian/core/kernel"
import { EventCodec, EventDefinition, EventStore, Projection } from "@dangjian/core/kernel"
import { SqliteStore } from "@dangjian/store-sqlite"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Result, Schema } from "effect"
import fc from "fast-check"
import { Arbitraries, Laws } from "../src/index.ts"

// The kernel's counter fixture: an organization is established, members join and leave.
type Command =
  | { readonly _tag: "Establish" }
  | { readonly _tag: "Join"; readonly memberId: string }
  | { readonly _tag: "Leave"; readonly memberId: string }
type Event =
  | { readonly _tag: "Established" }
  | { readonly _tag: "Joined"; readonly memberId: string }
  | { readonly _tag: "Left"; readonly memberId: string }
interface State {
  readonly established: boolean
  readonly members: ReadonlyArray<string>
}

const evolve = (state: State, event: Event): State => {
  switch (event._tag) {
    case "Established":
      return { established: true, members: [] }
    case "Joined":
      return { ...state, members: [...state.members, event.memberId] }
    case "Left":
      return { ...state, members: state.members.filter((m) => m !== event.memberId) }
  }
}

const good: Decider.Decider<Command, Event, State, "notEstablished" | "notAMember"> = {
  initialState: { established: false, members: [] },
  evolve,
  decide: (command, state) => {
    switch (command._tag) {
      case "Establish":
        return Result.succeed(state.established ? [] : [{ _tag: "Established" }])
      case "Join":
        if (!state.established) return Result.fail("notEstablished")
        return Result.succeed(
          state.members.includes(command.memberId) ? [] : [{ _tag: "Joined", memberId: command.memberId }]
        )
      case "Leave":
        if (!state.members.includes(command.memberId)) return Result.fail("notAMember")
        return Result.succeed([{ _tag: "Left", memberId: command.memberId }])
    }
  }
}

// Broken: Join is not idempotent (a member joins twice), and Leave throws on a non-member.
const broken: Decider.Decider<Command, Event, State, "notEstablished"> = {
  ...good,
  decide: (command, state) => {
    switch (command._tag) {
      case "Establish":
        return Result.succeed(state.established ? [] : [{ _tag: "Established" }])
      case "Join":
        if (!state.established) return Result.fail("notEstablished")
        return Result.succeed([{ _tag: "Joined", memberId: command.memberId }])
      case "Leave":
        if (!state.members.includes(command.memberId)) throw new Error("not a member")
        return Result.succeed([{ _tag: "Left", memberId: command.memberId }])
    }
  }
}

// Broken differently: Join always records a join, even for a member already on the roster.
const nonIdempotent: Decider.Decider<Command, Event, State, "notEstablished" | "notAMember"> = {
  ...good,
  decide: (command, state) =>
    command._tag === "Join" && state.established
      ? Result.succeed([{ _tag: "Joined", memberId: command.memberId }])
      : good.decide(command, state)
}

const member = fc.constantFrom("m1", "m2", "m3")
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.constant({ _tag: "Establish" as const }),
  fc.record({ _tag: fc.constant("Join" as const), memberId: member }),
  fc.record({ _tag: fc.constant("Leave" as const), memberId: member })
)
const commands = fc.array(command, { maxLength: 30 })
const events: fc.Arbitrary<ReadonlyArray<Event>> = fc.array(
  fc.oneof(
    fc.constant({ _tag: "Established" as const }),
    fc.record({ _tag: fc.constant("Joined" as const), memberId: member }),
    fc.record({ _tag: fc.constant("Left" as const), memberId: member })
  ),
  { maxLength: 30 }
)
const isJoin = (c: Command) => c._tag === "Join" || c._tag === "Establish"

describe("Laws", () => {
  it("a sound decider obeys every law", () => {
    fc.assert(Laws.decideNeverThrows(good, commands), { numRuns: 200 })
    fc.assert(Laws.replayDeterminism(good, commands), { numRuns: 200 })
    fc.assert(Laws.idempotentReapply(good, commands, isJoin), { numRuns: 200 })
    fc.assert(Laws.projectionIsFold({ initialState: good.initialState, apply: evolve }, events), { numRuns: 200 })
  })

  it("catches a decider that throws, with a shrunk counterexample of one command", () => {
    const out = fc.check(Laws.decideNeverThrows(broken, commands), { seed: 42, numRuns: 500 })
    assert.isTrue(out.failed)
    const [shrunk] = out.counterexample ?? [[]]
    assert.deepStrictEqual(shrunk, [{ _tag: "Leave", memberId: "m1" }])
  })

  it("catches a non-idempotent decision, shrunk to establish then join", () => {
    const out = fc.check(Laws.idempotentReapply(nonIdempotent, commands, isJoin), { seed: 42, numRuns: 500 })
    assert.isTrue(out.failed)
    const [shrunk] = out.counterexample ?? [[]]
    assert.deepStrictEqual(shrunk, [{ _tag: "Establish" }, { _tag: "Join", memberId: "m1" }])
  })

  it("catches a projection that is not a fold (it depends on how often it is called)", () => {
    let calls = 0
    const impure = {
      initialState: 0,
      apply: (n: number, _e: Event) => n + 1 + (calls++ % 2)
    }
    const out = fc.check(Laws.projectionIsFold(impure, events), { seed: 1, numRuns: 200 })
    assert.isTrue(out.failed)
    const [shrunk] = out.counterexample ?? [[]]
    assert.isTrue(shrunk.length <= 2)
  })
})

describe("Laws.projectionReadsOnlyItsFields", () => {
  const metadata = { occurredAt: "2024-03-15", recordedAt: "2024-03-15T08:00:00.000Z" }
  const envelopes = fc.array(
    fc.record({
      stream: fc.constantFrom("a", "b"),
      event: fc.constantFrom<Event>(
        { _tag: "Established" },
        { _tag: "Joined", memberId: "m1" },
        { _tag: "Left", memberId: "m1" }
      ),
      day: fc.constantFrom("2024-03-15", "2024-03-16")
    }),
    { maxLength: 20 }
  ).map((drawn) =>
    drawn.map(({ stream, event, day }, i) => ({
      eventId: `00000000-0000-7000-8000-${String(i + 1).padStart(12, "0")}`,
      streamId: `organization-${stream}`,
      streamPosition: i + 1,
      globalPosition: i + 1,
      type: event._tag,
      schemaVersion: 1,
      data: event,
      metadata: { ...metadata, occurredAt: day }
    }))
  )
  const joinsPerStream = Projection.make({
    name: "joins",
    version: 1,
    initialState: {} as Readonly<Record<string, number>>,
    fields: ["streamId", "type"],
    apply: (joins, envelope) =>
      envelope.type === "Joined" ? { ...joins, [envelope.streamId]: (joins[envelope.streamId] ?? 0) + 1 } : joins
  })

  it("holds for a projection that reads what it names", () => {
    fc.assert(Laws.projectionReadsOnlyItsFields(joinsPerStream, envelopes), { numRuns: 200 })
  })

  it("catches a projection that reads a field it did not name, with a one-event log", () => {
    // The cast hides from the compiler that `apply` reads the metadata.
    const joinsPerDay = Projection.make<Readonly<Record<string, number>>, "type">({
      name: "joinsPerDay",
      version: 1,
      initialState: {},
      fields: ["type"],
      apply: (joins, envelope) => {
        const day = (envelope as unknown as { metadata?: { occurredAt: string } }).metadata?.occurredAt ?? "unknown"
        return envelope.type === "Joined" ? { ...joins, [day]: (joins[day] ?? 0) + 1 } : joins
      }
    })
    const out = fc.check(Laws.projectionReadsOnlyItsFields(joinsPerDay, envelopes), { seed: 7, numRuns: 200 })
    assert.isTrue(out.failed)
    const [shrunk] = out.counterexample ?? [[]]
    assert.strictEqual(shrunk.length, 1)
    assert.strictEqual(shrunk[0]!.type, "Joined")
  })
})

// The kernel's versioned fixture: version 2 of Joined added `role`; version 1 stored `{ orgId, memberId }`.
const JoinedV1 = Schema.Struct({ _tag: Schema.Literal("Joined"), orgId: Schema.String, memberId: Schema.String })
const JoinedV2 = Schema.TaggedStruct("Joined", { orgId: Schema.String, memberId: Schema.String, role: Schema.String })
const Joined = EventDefinition.define("Joined", JoinedV2, {
  version: 2,
  upcasters: [EventDefinition.upcaster(1, JoinedV1, (old) => ({ ...old, role: "member" }))]
})
const joinedV1 = fc.record({ _tag: fc.constant("Joined" as const), orgId: fc.string(), memberId: fc.string() })

// Version 3 split `role` into `roles`; versions 1 and 2 both upcast.
const JoinedV3 = EventDefinition.define(
  "Joined",
  Schema.TaggedStruct("Joined", { orgId: Schema.String, memberId: Schema.String, roles: Schema.Array(Schema.String) }),
  {
    version: 3,
    upcasters: [
      EventDefinition.upcaster(1, JoinedV1, (old) => ({ ...old, role: "member" })),
      EventDefinition.upcaster(2, JoinedV2, ({ role, ...rest }) => ({ ...rest, roles: [role] }))
    ]
  }
)

// Broken: the upcaster forgets `role` for member ids of three characters or more.
const lossy = EventDefinition.define("Joined", JoinedV2, {
  version: 2,
  upcasters: [
    EventDefinition.upcaster(1, JoinedV1, (old) => old.memberId.length < 3 ? { ...old, role: "member" } : old)
  ]
})

// Broken differently: the upcaster is not deterministic (it numbers the values it upcasts).
let upcasts = 0
const counting = EventDefinition.define("Joined", JoinedV2, {
  version: 2,
  upcasters: [EventDefinition.upcaster(1, JoinedV1, (old) => ({ ...old, role: `member-${upcasts++}` }))]
})

describe("Laws.upcastRoundTrip", () => {
  it("the kernel fixture's v1 Joined upcasts, encodes and decodes stably", () => {
    fc.assert(Laws.upcastRoundTrip(Joined, joinedV1), { numRuns: 300 })
  })

  it("a chain of upcasters (v1 → v2 → v3, and v2 → v3) round-trips", () => {
    fc.assert(Laws.upcastRoundTrip(JoinedV3, joinedV1), { numRuns: 200 })
    const joinedV2 = fc.record({
      _tag: fc.constant("Joined" as const),
      orgId: fc.string(),
      memberId: fc.string(),
      role: fc.string()
    })
    fc.assert(Laws.upcastRoundTrip(JoinedV3, joinedV2, 2), { numRuns: 200 })
  })

  it("catches a lossy upcaster, shrunk to a member id of exactly three characters", () => {
    const out = fc.check(Laws.upcastRoundTrip(lossy, joinedV1), { seed: 42, numRuns: 500 })
    assert.isTrue(out.failed)
    const [shrunk] = out.counterexample ?? []
    const value = shrunk as { readonly orgId: string; readonly memberId: string }
    assert.strictEqual(value.memberId.length, 3)
    assert.strictEqual(value.orgId, "")
  })

  it("catches a non-deterministic upcaster, and a definition with no upcaster to round-trip", () => {
    assert.isTrue(fc.check(Laws.upcastRoundTrip(counting, joinedV1), { seed: 1, numRuns: 10 }).failed)
    const unversioned = EventDefinition.define("Joined", JoinedV2)
    assert.isTrue(fc.check(Laws.upcastRoundTrip(unversioned, joinedV1), { seed: 1, numRuns: 10 }).failed)
  })
})

// A store that ignores event ids: every append writes fresh events.
const forgetful: Layer.Layer<EventStore.EventStore> = Layer.effect(
  EventStore.EventStore,
  Effect.map(MemoryStore.make({ codec: Dangjian.codec }), (inner) => {
    let n = 0
    return {
      ...inner,
      append: (request) =>
        inner.append(request.map((part) => ({
          ...part,
          expected: "any",
          events: part.events.map((e) => ({
            ...e,
            eventId: `10000000-0000-7000-8000-${String(++n).padStart(12, "0")}`
          }))
        })))
    }
  })
)

const batches = Arbitraries.appendBatch(Arbitraries.organizationEvent(), { streamPrefix: "organization" })

describe("Laws.idempotentReappend", () => {
  it("holds for the in-memory store", async () => {
    await fc.assert(
      Laws.idempotentReappend(() => MemoryStore.layer({ codec: Dangjian.codec }), batches),
      { numRuns: 200 }
    )
  })

  it("holds for the SQLite store (:memory:)", async () => {
    await fc.assert(
      Laws.idempotentReappend(() => SqliteStore.layer({ filename: ":memory:", codec: Dangjian.codec }), batches),
      { numRuns: 50 }
    )
  })

  it("catches a store that writes a re-appended batch again, shrunk to one stream with one event", async () => {
    const out = await fc.check(Laws.idempotentReappend(() => forgetful, batches), { seed: 7, numRuns: 100 })
    assert.isTrue(out.failed)
    const [shrunk = []] = out.counterexample ?? []
    assert.strictEqual(shrunk.length, 1)
    assert.strictEqual(shrunk[0]?.events.length, 1)
  })

  it("the generated batches are valid appends: an event the codec refuses fails the run with its typed error", async () => {
    const refused = Arbitraries.appendBatch(fc.constant({ _tag: "NotAnEvent" }))
    const out = await fc.check(
      Laws.idempotentReappend(() => MemoryStore.layer({ codec: EventCodec.make(Dangjian.eventDefinitions) }), refused),
      { numRuns: 5 }
    )
    assert.isTrue(out.failed)
    assert.include(String(out.errorInstance), "UnknownEventType")
  })
})
