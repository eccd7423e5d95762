/**
 * dangjian on any of its stores, through the library's public API only: `EventStore.append` (W1, W2),
 * `EventStore.fold` on the store the program holds (W3, as Emmett's cell calls `aggregateStream` on the store it
 * holds), `Projection.replay` (W4) and `Projection.run` — the subscription with a
 * checkpoint saved with the read model after every delivered batch — (W4c). The W4 and W4c projections name
 * the envelope fields they read (`type`, `data`), as any projection may.
 *
 * Event ids are generated inside the timed section (`Uuid.v7`), as every writer of the library must; Emmett
 * generates its ids inside its append as well.
 */
import type { Envelope, EventStore as EventStoreModule, NewEvent } from "@dangjian/core/kernel"
import { EventCodec, EventDefinition, EventStore, Projection, Uuid } from "@dangjian/core/kernel"
import { Effect, Layer, Option, Schema, Stream } from "effect"
import type { Measurement, Workload } from "../workload.ts"
import { Checks, evolveByType, initialState, perStream, project, settle, streamName } from "../workload.ts"

const OrganizationEstablished = EventDefinition.define(
  "OrganizationEstablished",
  Schema.TaggedStruct("OrganizationEstablished", { orgId: Schema.String, name: Schema.String, plan: Schema.String })
)
const MemberJoined = EventDefinition.define(
  "MemberJoined",
  Schema.TaggedStruct("MemberJoined", { orgId: Schema.String, memberId: Schema.String, role: Schema.String })
)

/** The codec of the workload's two event types. */
export const codec = EventCodec.make([OrganizationEstablished, MemberJoined])

type Event = typeof OrganizationEstablished.schema.Type | typeof MemberJoined.schema.Type

const metadata = { occurredAt: "2026-11-22", recordedAt: "2026-11-22T00:00:00.000Z" }

// The same data as `eventOf`, built directly as the tagged value dangjian stores (as many objects per event as
// the baselines build: the data and its wrapper).
const dataOf = (s: number, k: number): Event =>
  k === 0
    ? { _tag: "OrganizationEstablished", orgId: `org-${s}`, name: `Organization ${s}`, plan: "standard" }
    : { _tag: "MemberJoined", orgId: `org-${s}`, memberId: `member-${s}-${k}`, role: "member" }

const newEvent = (eventId: string, s: number, k: number): NewEvent<Event> => {
  const data = dataOf(s, k)
  return { eventId, type: data._tag, data, metadata }
}

const streamEvents = (s: number): Effect.Effect<ReadonlyArray<NewEvent<Event>>> =>
  Effect.map(Uuid.v7Many(perStream), (ids) => ids.map((id, k) => newEvent(id, s, k)))

const prefill = (store: EventStoreModule.EventStoreShape, streams: number) =>
  Effect.gen(function*() {
    for (let s = 0; s < streams; s++) {
      yield* store.append([{ streamId: streamName(s), expected: "noStream", events: yield* streamEvents(s) }])
    }
  })

const timed = <A, E, R>(body: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    settle()
    const start = performance.now()
    const value = yield* body
    return { seconds: (performance.now() - start) / 1000, value }
  })

// W3's fold step over the event data `EventStore.fold` hands it.
const evolve = (state: typeof initialState, data: unknown) => evolveByType(state, (data as Event)._tag)

const orgIdOf = (envelope: Envelope.PartialEnvelope<"data">): string => (envelope.data as Event).orgId

/** The services a store layer must provide for every workload. */
export type Services = EventStore.EventStore | Projection.ProjectionStore

const program = (workload: Workload, streams: number) =>
  Effect.gen(function*() {
    const store = yield* EventStore.EventStore
    const checks = new Checks()
    const events = perStream * streams
    switch (workload) {
      case "W1": {
        const { seconds } = yield* timed(Effect.gen(function*() {
          for (let k = 0; k < perStream; k++) {
            for (let s = 0; s < streams; s++) {
              const id = yield* Uuid.v7
              const result = yield* store.append([{
                streamId: streamName(s),
                expected: k,
                events: [newEvent(id, s, k)]
              }])
              checks.version(result.streams[0]!.version, k + 1)
            }
          }
        }))
        checks.stored(yield* store.head, streams)
        return { events, seconds, failures: checks.failures }
      }
      case "W2": {
        const { seconds } = yield* timed(Effect.gen(function*() {
          for (let s = 0; s < streams; s++) {
            const batch = yield* streamEvents(s)
            const result = yield* store.append([{ streamId: streamName(s), expected: "noStream", events: batch }])
            checks.version(result.streams[0]!.version, perStream)
          }
        }))
        checks.stored(yield* store.head, streams)
        return { events, seconds, failures: checks.failures }
      }
      case "W3": {
        yield* prefill(store, streams)
        const { seconds, value } = yield* timed(Effect.gen(function*() {
          let total = 0
          for (let s = 0; s < streams; s++) {
            const folded = yield* EventStore.fold(store, streamName(s), initialState, evolve)
            total += folded.state.memberCount
          }
          return total
        }))
        checks.total(value, streams)
        return { events, seconds, failures: checks.failures }
      }
      case "W4": {
        yield* prefill(store, streams)
        // The projection names the two fields it reads, as the raw baselines read two columns.
        const projection = Projection.make<Map<string, number>, "type" | "data">({
          name: "members",
          version: 1,
          initialState: new Map(),
          fields: ["type", "data"],
          apply: (counts, envelope) => {
            project(counts, envelope.type, orgIdOf(envelope))
            return counts
          }
        })
        const { seconds, value } = yield* timed(Projection.replay(projection))
        checks.counts(value.state, streams)
        checks.that(value.position === events, `replay ended at ${value.position}, expected ${events}`)
        return { events, seconds, failures: checks.failures }
      }
      case "W4c": {
        yield* prefill(store, streams)
        // A persisted read model must encode as JSON: a plain record (the same counts as W4's Map).
        const projection = Projection.make<Record<string, number>, "type" | "data">({
          name: "members",
          version: 1,
          initialState: {},
          fields: ["type", "data"],
          apply: (counts, envelope) => {
            const orgId = orgIdOf(envelope)
            counts[orgId] = (counts[orgId] ?? 0) + (envelope.type === "MemberJoined" ? 1 : 0)
            return counts
          }
        })
        const { seconds, value } = yield* timed(
          Projection.run(projection).pipe(
            Stream.takeUntil((checkpoint) => checkpoint.position >= events),
            Stream.runLast
          )
        )
        const saved = yield* (yield* Projection.ProjectionStore).load(projection)
        checks.that(Option.isSome(value), "the subscription delivered nothing")
        checks.that(
          Option.isSome(saved) && saved.value.position === events,
          `saved checkpoint ${Option.isSome(saved) ? saved.value.position : "none"}, expected ${events}`
        )
        if (Option.isSome(saved)) checks.counts(saved.value.state, streams)
        return { events, seconds, failures: checks.failures }
      }
    }
  })

/**
 * Runs one workload on a fresh store built by `layer` (opening and migrating happen while the layer is built,
 * before anything is timed) and closes it.
 */
export const run = <E>(
  layer: Layer.Layer<Services, E>,
  workload: Workload,
  streams: number
): Promise<Measurement> => Effect.runPromise(program(workload, streams).pipe(Effect.provide(Layer.fresh(layer))))
