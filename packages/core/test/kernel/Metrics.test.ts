// Operators see the write and read sides through Effect's own metrics, under stable names: commands handled by
// outcome, version conflicts and retries, appended events, and the read models' applied events, batches, lag and
// rebuilds. The names are part of the public contract (documented in CommandHandler and ReadModel).
import { Compliance, Dangjian, MemoryStore } from "@dangjian/core"
import { EventStore, ReadModel, VersionConflict } from "@dangjian/core/kernel"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Metric } from "effect"
import { establish } from "./townships.ts"

/** The memory store, whose first append fails with a version conflict (another writer got there first). */
const conflictingOnce = Layer.effect(
  EventStore.EventStore,
  Effect.gen(function*() {
    const store = yield* EventStore.EventStore
    let conflicted = false
    return {
      ...store,
      append: (request) => {
        if (!conflicted) {
          conflicted = true
          return Effect.fail(new VersionConflict({ streamId: request[0]!.streamId, expected: 0, actual: 1 }))
        }
        return store.append(request)
      }
    } satisfies EventStore.EventStoreShape
  })
)

const valueOf = (snapshots: ReadonlyArray<Metric.Metric.Snapshot>, id: string, attributes: Record<string, string>) =>
  snapshots
    .filter((s) => s.id === id && Object.entries(attributes).every(([k, v]) => s.attributes?.[k] === v))
    .map((s) => s.state as unknown as { readonly count?: number; readonly value?: number })

describe("metrics", () => {
  it.live("commands: handled by outcome, conflicts, retries, appended events; read models: events, rebuilds", () =>
    Effect.gen(function*() {
      yield* Dangjian.decodeAndExecute(establish("town"))
      yield* Dangjian.decodeAndExecute(establish("v1", "town"))
      yield* Effect.flip(Dangjian.decodeAndExecute(establish("v1", "town")))
      yield* Compliance.catchUp()
      yield* ReadModel.rebuild(Compliance.readModels[0])
      const snapshots = yield* Metric.snapshot
      const counter = (id: string, attributes: Record<string, string>) =>
        valueOf(snapshots, id, attributes).reduce((n, s) => n + (s.count ?? 0), 0)
      assert.strictEqual(counter("dangjian.command.handled", { command: "EstablishOrganization", outcome: "ok" }), 2)
      assert.strictEqual(
        counter("dangjian.command.handled", { command: "EstablishOrganization", outcome: "rejected" }),
        1
      )
      assert.strictEqual(counter("dangjian.command.conflicts", { command: "EstablishOrganization" }), 1)
      assert.strictEqual(counter("dangjian.command.retries", { command: "EstablishOrganization" }), 1)
      const head = yield* EventStore.EventStore.use((s) => s.head)
      assert.strictEqual(counter("dangjian.append.events", { command: "EstablishOrganization" }), head)
      assert.isAbove(counter("dangjian.readmodel.events", { readmodel: "organization.tree" }), 0)
      assert.strictEqual(counter("dangjian.readmodel.rebuilds", { readmodel: "organization.tree" }), 1)
      assert.isAbove(valueOf(snapshots, "dangjian.command.ms", { command: "EstablishOrganization" }).length, 0)
      assert.isAbove(valueOf(snapshots, "dangjian.readmodel.batch.ms", { readmodel: "member.roster" }).length, 0)
      assert.isAbove(valueOf(snapshots, "dangjian.readmodel.lag.events", { readmodel: "member.roster" }).length, 0)
    }).pipe(
      Effect.provide(conflictingOnce.pipe(Layer.provideMerge(MemoryStore.layer({ codec: Dangjian.codec })))),
      Effect.provideService(Metric.MetricRegistry, new Map())
    ))
})
