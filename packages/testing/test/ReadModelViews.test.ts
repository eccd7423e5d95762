// The compliance view from the keyed read models equals the view replayed from the log, as of every date that
// matters: each legal date an event of the history takes effect on, the day before it, and dates before and
// after the whole history. Read models are caught up in batches of random sizes, or only part of the way (the
// rest of the log is then folded in memory by the query), and the report reads no event once they are current.
import { Compliance, Dangjian, Finding, GovernancePolicy, MemoryStore, OrganizationTree } from "@dangjian/core"
import { EventStore, Projection, ReadModel } from "@dangjian/core/kernel"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import fc from "fast-check"
import { Arbitraries } from "../src/index.ts"
import { legalDates } from "./legalDates.ts"

const policies = GovernancePolicy.national
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

/** An event store that counts the events its global reads return. */
const counting = (counter: { events: number }) =>
  Layer.effect(
    EventStore.EventStore,
    Effect.gen(function*() {
      const store = yield* EventStore.EventStore
      return {
        ...store,
        readAll: (options) =>
          Effect.tap(store.readAll(options), (batch) =>
            Effect.sync(() => {
              counter.events += batch.length
            }))
      } satisfies EventStore.EventStoreShape
    })
  )

/** Runs the commands, then catches the read models up to `share` of the log only; returns the whole log. */
const runAndCatchUpPart = (commands: ReadonlyArray<Dangjian.Command>, share: number, batchSize?: number) =>
  Effect.gen(function*() {
    for (const command of commands) yield* Dangjian.execute(command, { policies })
    const store = yield* EventStore.EventStore
    const log = yield* store.readAll({ after: 0, limit: 1_000_000 })
    const partial = Math.floor(log.length * share)
    if (partial > 0) {
      const truncated = { ...store, head: Effect.succeed(log[partial - 1]!.globalPosition) }
      const catchUp = Compliance.catchUp(batchSize === undefined ? undefined : { batchSize })
      yield* Effect.provideService(catchUp, EventStore.EventStore, truncated)
    }
    assert.isAtMost(partial, yield* store.head)
    return log
  })

describe("read models: the compliance view as of any date", () => {
  it("equals the replayed view on every legal date of a random history, whatever the batches", async () => {
    let compared = 0
    await fc.assert(
      fc.asyncProperty(
        Arbitraries.townshipHistory({ policies }).map((h) => h.accepted),
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (commands, batchSize, share) =>
          Effect.runPromise(
            Effect.gen(function*() {
              // Catch up only part of the log: the query folds the rest in memory.
              const log = yield* runAndCatchUpPart(commands, share, batchSize)
              const dates = legalDates(log)
              for (const asOf of dates) {
                const replayed = (yield* Projection.replay(Compliance.projection(asOf))).state
                const fromRows = yield* Compliance.viewFromReadModels(asOf)
                assert.deepStrictEqual(asJson(fromRows), asJson(replayed), `view as of ${asOf}`)
                assert.deepStrictEqual(
                  asJson(Compliance.findings(fromRows, policies)),
                  asJson(Compliance.findings(replayed, policies)),
                  `findings as of ${asOf}`
                )
                compared++
              }
            }).pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec })))
          )
      ),
      { numRuns: 25 }
    )
    assert.isAbove(compared, 200)
  }, 120_000)

  it(
    "the findings a page of members at a time are the view's, each page with the members its findings concern",
    async () => {
      let compared = 0
      await fc.assert(
        fc.asyncProperty(
          Arbitraries.townshipHistory({ policies }).map((h) => h.accepted),
          fc.integer({ min: 1, max: 6 }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          async (commands, pageSize, share) =>
            Effect.runPromise(
              Effect.gen(function*() {
                // Catch up only part of the log: the members the rest of it adds come in the last pages.
                const log = yield* runAndCatchUpPart(commands, share)
                for (const asOf of legalDates(log)) {
                  const whole = yield* Compliance.viewFromReadModels(asOf)
                  const pages: Array<Compliance.FindingsPage> = []
                  yield* Compliance.assessInPages(policies, asOf, (page) => Effect.sync(() => pages.push(page)), {
                    pageSize
                  })
                  assert.deepStrictEqual(
                    asJson(Finding.sort(pages.flatMap((page) => page.findings))),
                    asJson(Compliance.findings(whole, policies)),
                    `findings as of ${asOf}`
                  )
                  for (const [i, page] of pages.entries()) {
                    if (i < pages.length - 1) assert.isAtMost(Object.keys(page.view.members.members).length, pageSize)
                    assert.deepStrictEqual(asJson(page.view.tree), asJson(whole.tree))
                    for (const finding of page.findings) {
                      const memberId = finding.params["memberId"]
                      for (const id of [finding.subject.kind === "member" ? finding.subject.id : undefined, memberId]) {
                        if (typeof id !== "string") continue
                        assert.deepStrictEqual(
                          asJson(page.view.members.members[id] ?? null),
                          asJson(whole.members.members[id] ?? null),
                          `member ${id} of a finding as of ${asOf}`
                        )
                      }
                    }
                  }
                  compared++
                }
              }).pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec })))
            )
        ),
        { numRuns: 20 }
      )
      assert.isAbove(compared, 150)
    },
    120_000
  )

  it("a report from caught-up read models reads no event of the log", async () => {
    const counter = { events: 0 }
    const commands = fc.sample(Arbitraries.townshipHistory({ policies }).map((h) => h.accepted), {
      numRuns: 1,
      seed: 7
    })[0]!
    await Effect.runPromise(
      Effect.gen(function*() {
        const half = Math.floor(commands.length / 2)
        for (const command of commands.slice(0, half)) yield* Dangjian.execute(command, { policies })
        yield* Compliance.catchUp()
        const before = counter.events
        const { findings } = yield* Compliance.report(policies, "2030-01-01").pipe(
          Effect.provide(counting(counter))
        )
        assert.strictEqual(counter.events - before, 0, "no event read")
        const replayed = yield* Projection.replay(Compliance.projection("2030-01-01"))
        assert.deepStrictEqual(asJson(findings), asJson(Compliance.findings(replayed.state, policies)))
        // more events: the report reads exactly the events after the checkpoint, once per read model
        for (const command of commands.slice(half)) yield* Dangjian.execute(command, { policies })
        const head = yield* EventStore.EventStore.use((s) => s.head)
        const position = yield* ReadModel.ReadModelStore.use((rows) => rows.position(OrganizationTree.readModel))
        const beforeTail = counter.events
        yield* Compliance.report(policies, "2030-01-01").pipe(Effect.provide(counting(counter)))
        assert.isAbove(head, position)
        assert.strictEqual(counter.events - beforeTail, (head - position) * Compliance.readModels.length)
      }).pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec })))
    )
  })

  it("a query that reads the checkpoint before a runner commits applies no event twice", async () => {
    const commands = fc.sample(Arbitraries.townshipHistory({ policies }).map((h) => h.accepted), {
      numRuns: 1,
      seed: 11
    })[0]!
    await Effect.runPromise(
      Effect.gen(function*() {
        for (const command of commands) yield* Dangjian.execute(command, { policies })
        yield* Compliance.catchUp({ batchSize: 3 })
        const rows = yield* ReadModel.ReadModelStore
        const head = yield* EventStore.EventStore.use((s) => s.head)
        // The checkpoint as a query saw it before the runner's last commits: every row is newer than it.
        for (const stale of [0, 1, Math.floor(head / 2), head - 1]) {
          const early: ReadModel.ReadModelStoreShape = { ...rows, position: () => Effect.succeed(stale) }
          const view = yield* Effect.provideService(
            Compliance.viewFromReadModels("2030-06-30"),
            ReadModel.ReadModelStore,
            early
          )
          const replayed = yield* Projection.replay(Compliance.projection("2030-06-30"))
          assert.deepStrictEqual(asJson(view), asJson(replayed.state), `checkpoint seen at ${stale}`)
        }
        // The library's states take an event twice without a change; a count does not, so it shows any double.
        const counts = ReadModel.make<number>({
          name: "test.eventsPerStream",
          version: 1,
          keyOf: (envelope) => envelope.streamId,
          initial: 0,
          evolve: (n) => n + 1,
          dateOf: () => "2000-01-01"
        })
        yield* ReadModel.catchUp(counts, { batchSize: 5 })
        const log = yield* EventStore.EventStore.use((s) => s.readAll({ after: 0, limit: 1_000_000 }))
        const expected = new Map<string, number>()
        for (const envelope of log) expected.set(envelope.streamId, (expected.get(envelope.streamId) ?? 0) + 1)
        for (const stale of [0, 1, Math.floor(head / 2), head - 1]) {
          const early: ReadModel.ReadModelStoreShape = { ...rows, position: () => Effect.succeed(stale) }
          const { timelines } = yield* Effect.provideService(
            ReadModel.loadCurrent(counts),
            ReadModel.ReadModelStore,
            early
          )
          const loaded = new Map([...timelines].map(([key, t]) => [key, ReadModel.latest(t, 0)]))
          assert.deepStrictEqual(loaded, expected, `counts with the checkpoint seen at ${stale}`)
          // A page at a time: the same rows, each key once, no page larger than asked.
          const paged = new Map<string, number>()
          yield* Effect.provideService(
            ReadModel.forEachPage(counts, (page) =>
              Effect.sync(() => {
                assert.isAtMost(page.size, 3)
                for (const [key, t] of page) {
                  assert.isFalse(paged.has(key), `${key} in two pages`)
                  paged.set(key, ReadModel.latest(t, 0))
                }
              }), { pageSize: 3 }),
            ReadModel.ReadModelStore,
            early
          )
          assert.deepStrictEqual(paged, expected, `pages with the checkpoint seen at ${stale}`)
          // Some keys only, the tail folded into them alone.
          const some = [...expected.keys()].filter((_, i) => i % 2 === 0).concat(["no-such-stream"])
          const { timelines: picked } = yield* Effect.provideService(
            ReadModel.loadCurrent(counts, { keys: some }),
            ReadModel.ReadModelStore,
            early
          )
          assert.deepStrictEqual(
            new Map([...picked].map(([key, t]) => [key, ReadModel.latest(t, 0)])),
            new Map([...expected].filter(([key]) => some.includes(key))),
            `some keys with the checkpoint seen at ${stale}`
          )
        }
      }).pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec })))
    )
  })
})
