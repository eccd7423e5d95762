// The organization tree's rows keep each roster packed in one string (`OrganizationTree.stateCodec`): a roster parsed
// as a record costs V8 a property of its own per member, most of a report's reading of a province's tree. Read back, a state is the replayed one, field for field and in the same order, whatever the ids
// (`__proto__`, `constructor`, GB18030 text); its roster becomes a record only when read; rows written with the roster
// as a record (before 0.4.0) read as they are, and catch-ups go on from either.
import { Compliance, Dangjian, MemoryStore, OrganizationTree } from "@dangjian/core"
import { EventStore, Projection, ReadModel } from "@dangjian/core/kernel"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { establish } from "../kernel/townships.ts"

const ids = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "党员-𠀀-甲",
  "10",
  "2",
  "m 1",
  "a:b",
  "12:fp",
  "引\"号\\"
]

/** A township, a village whose first members have the ids above, and another village. */
const history = Effect.gen(function*() {
  yield* Dangjian.decodeAndExecute(establish("town"))
  yield* Dangjian.decodeAndExecute({
    ...establish("v1", "town"),
    initialMembers: ids.map((memberId, i) => ({ memberId, status: i % 3 === 0 ? "probationary" : "full" }))
  })
  yield* Dangjian.decodeAndExecute(establish("v2", "town"))
})

/** Later members of the first village: a catch-up then evolves states read from rows. */
const later = Effect.forEach(
  ["valueOf", "__defineGetter__", "党员-乙"],
  (memberId, i) =>
    Dangjian.decodeAndExecute({
      _tag: "RegisterMember",
      memberId,
      orgId: "v1",
      status: "full",
      at: `2024-0${i + 2}-01`
    })
)

const replayed = Effect.map(Projection.replay(OrganizationTree.projection), ({ state }) => state)
const fromRows = Effect.map(ReadModel.loadCurrent(OrganizationTree.readModel), ({ timelines }) => timelines)

/** Every state of every stored row, as stored. */
const storedStates = Effect.gen(function*() {
  const rows = yield* ReadModel.ReadModelStore
  const page = yield* rows.scan(OrganizationTree.readModel, { limit: 100 })
  return page.flatMap(([, row]) => (row as ReadModel.StoredRow<Record<string, unknown>>).t.map(([, state]) => state))
})

const layer = MemoryStore.layer({ codec: Dangjian.codec })

describe("OrganizationTree rows", () => {
  it.effect("keep each roster packed; read back, every state is the replayed one, field for field", () =>
    Effect.gen(function*() {
      yield* history
      yield* ReadModel.catchUp(OrganizationTree.readModel)
      for (const stored of yield* storedStates) assert.isString(stored.roster, "a packed roster")
      yield* later
      // The catch-up evolves the first village from its row: a state whose roster was stored packed.
      yield* ReadModel.catchUp(OrganizationTree.readModel)
      const tree = yield* replayed
      const timelines = yield* fromRows
      assert.deepStrictEqual([...timelines.keys()].sort(), ["town", "v1", "v2"])
      for (const [orgId, timeline] of timelines) {
        // The same text: the same fields with the same values, in the same order (the roster's place included).
        assert.strictEqual(JSON.stringify(timeline.at(-1)![1]), JSON.stringify(tree.orgs[orgId]), orgId)
      }
      const v1 = timelines.get("v1")!.at(-1)![1]
      assert.strictEqual(Object.getPrototypeOf(v1.roster), Object.prototype)
      assert.deepStrictEqual(Object.keys(v1.roster).sort(), Object.keys(tree.orgs["v1"]!.roster).sort())
      assert.strictEqual(Object.keys(v1.roster).length, ids.length + 3)
      assert.isTrue(Object.hasOwn(v1.roster, "__proto__"))
      assert.strictEqual(Object.getOwnPropertyDescriptor(v1.roster, "__proto__")?.value, "probationary")
      assert.strictEqual(Object.getOwnPropertyDescriptor(v1.roster, "constructor")?.value, "full")
      assert.strictEqual(v1.full, ids.filter((_, i) => i % 3 !== 0).length + 3)
      // Every state of every timeline, not only the newest, against the projection as of its date.
      for (const [orgId, timeline] of timelines) {
        for (const [date, state] of timeline) {
          const asOf = (yield* Effect.map(Projection.replay(OrganizationTree.asOf(date)), (c) => c.state)).orgs
          assert.strictEqual(JSON.stringify(state), JSON.stringify(asOf[orgId]), `${orgId} as of ${date}`)
        }
      }
    }).pipe(Effect.provide(layer)))

  it.effect("a state's roster becomes a record only when read, and a state not read encodes to its row", () =>
    Effect.gen(function*() {
      yield* history
      yield* ReadModel.catchUp(OrganizationTree.readModel)
      for (const stored of yield* storedStates) {
        const copy = structuredClone(stored)
        const state = OrganizationTree.stateCodec.decode(copy)
        assert.isFunction(Object.getOwnPropertyDescriptor(state, "roster")?.get, "not made yet")
        assert.deepStrictEqual(OrganizationTree.stateCodec.encode(state), stored)
        assert.isFunction(Object.getOwnPropertyDescriptor(state, "roster")?.get, "encoding made no record")
        const roster = state.roster
        assert.isUndefined(Object.getOwnPropertyDescriptor(state, "roster")?.get, "read once, kept")
        assert.strictEqual(state.roster, roster)
        assert.deepStrictEqual(OrganizationTree.stateCodec.encode(state), stored)
        // A copy of the state (what `evolve` makes) holds the record itself.
        const spread = { ...state }
        assert.strictEqual(spread.roster, roster)
        // Read first through an object that inherits from a state, it is the state's roster, made on the state.
        const other = OrganizationTree.stateCodec.decode(structuredClone(stored))
        const heir = Object.create(other) as typeof other
        assert.deepStrictEqual(heir.roster, roster)
        assert.strictEqual(heir.roster, other.roster)
        assert.isUndefined(Object.getOwnPropertyDescriptor(other, "roster")?.get)
        assert.isFalse(Object.hasOwn(heir, "roster"))
      }
      // What is not a stored state (a row changed by hand) comes back as it is, without an exception.
      for (const odd of [null, "x", 7, [], { roster: 3 }]) {
        assert.deepStrictEqual<unknown>(OrganizationTree.stateCodec.decode(structuredClone(odd)), odd)
      }
    }).pipe(Effect.provide(layer)))

  it.effect("a report's count reads no roster: every state of its tree keeps its roster packed", () =>
    Effect.gen(function*() {
      yield* history
      yield* later
      yield* Compliance.catchUp()
      let trees = 0
      let findings = 0
      yield* Compliance.assessInPages(Dangjian.defaultPolicies, "2025-06-30", (page) =>
        Effect.sync(() => {
          findings += page.findings.length
          for (const state of Object.values(page.view.tree.orgs)) {
            trees++
            assert.isFunction(Object.getOwnPropertyDescriptor(state, "roster")?.get, state.orgId)
          }
        }))
      assert.isAbove(trees, 0)
      assert.isAbove(findings, 0)
      // Read, the roster is the replayed one.
      const { orgs } = yield* OrganizationTree.view("2025-06-30")
      assert.deepStrictEqual(orgs["v1"]!.roster, (yield* replayed).orgs["v1"]!.roster)
    }).pipe(Effect.provide(layer)))

  it.effect("rows written with the roster as a record read as they are, and a catch-up goes on from them", () =>
    Effect.gen(function*() {
      yield* history
      const rows = yield* ReadModel.ReadModelStore
      const store = yield* EventStore.EventStore
      const head = yield* store.head
      // The rows as 0.3 wrote them: each state as itself.
      const tree = yield* replayed
      const old = Object.entries(tree.orgs).map(([orgId, state]) =>
        [orgId, { p: head, t: [["2024-01-01", JSON.parse(JSON.stringify(state))]] }] as const
      )
      yield* rows.commit(OrganizationTree.readModel, { from: 0, to: head, rows: old })
      const before = yield* fromRows
      for (const [orgId, timeline] of before) {
        assert.strictEqual(JSON.stringify(timeline.at(-1)![1]), JSON.stringify(tree.orgs[orgId]), orgId)
      }
      yield* later
      yield* ReadModel.catchUp(OrganizationTree.readModel)
      const after = yield* replayed
      for (const [orgId, timeline] of yield* fromRows) {
        assert.strictEqual(JSON.stringify(timeline.at(-1)![1]), JSON.stringify(after.orgs[orgId]), orgId)
      }
      // The row the catch-up rewrote is in the new form; the others are still as they were.
      const stored = new Map(
        (yield* rows.scan(OrganizationTree.readModel, { limit: 10 })).map(([key, row]) =>
          [key, (row as ReadModel.StoredRow<{ roster: unknown }>).t] as const
        )
      )
      assert.isTrue(stored.get("v1")!.every(([, state]) => typeof state.roster === "string"))
      assert.isObject(stored.get("v2")![0]![1].roster)
    }).pipe(Effect.provide(layer)))
})
