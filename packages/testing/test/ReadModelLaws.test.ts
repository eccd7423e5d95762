// Laws of keyed read models (`ReadModel`): a timeline built event by event, in log order and with back-dated
// events, answers "as of D" exactly as folding the events dated on or before D in log order; key order is UTF-8
// byte order; storable keys are those that survive UTF-8 and every store.
import { ReadModel } from "@dangjian/core/kernel"
import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import { Buffer } from "node:buffer"
import { Arbitraries } from "../src/index.ts"

interface State {
  readonly created: boolean
  readonly notes: ReadonlyArray<number>
}

const initial: State = { created: false, notes: [] }

// Order-sensitive (the notes in the order applied), and a second creation returns the state itself.
const evolve = (state: State, event: Arbitraries.DatedEvent): State =>
  event.kind === "created"
    ? state.created ? state : { ...state, created: true }
    : { ...state, notes: [...state.notes, event.n] }

const timelineOf = (events: ReadonlyArray<Arbitraries.DatedEvent>): ReadModel.Timeline<State> =>
  events.reduce<ReadModel.Timeline<State>>(
    (timeline, event) => ReadModel.applyToTimeline(timeline, event.date, initial, (state) => evolve(state, event)),
    []
  )

const foldAsOf = (events: ReadonlyArray<Arbitraries.DatedEvent>, date: string): State =>
  events.filter((event) => event.date <= date).reduce(evolve, initial)

const history = fc.array(Arbitraries.datedEvent(["k"]), { maxLength: 40 })
// From the day before the events' window to the day after it.
const anyDate = Arbitraries.readModelDate({ from: "2024-02-19", days: 16 })

describe("ReadModel laws", () => {
  it("timelines: stateAsOf(D) after applyToTimeline in log order equals folding the events dated ≤ D in log order (back-dated events included)", () => {
    fc.assert(
      fc.property(history, fc.array(anyDate, { minLength: 1, maxLength: 8 }), (events, dates) => {
        const timeline = timelineOf(events)
        for (const date of dates) {
          assert.deepStrictEqual(ReadModel.stateAsOf(timeline, date, initial), foldAsOf(events, date), date)
        }
        assert.deepStrictEqual(ReadModel.latest(timeline, initial), events.reduce(evolve, initial))
      }),
      { numRuns: 500 }
    )
  })

  it("timelines: the day before the first event is the initial state, the day of the last is the newest", () => {
    const events: ReadonlyArray<Arbitraries.DatedEvent> = [
      { key: "k", date: "2024-03-10", kind: "noted", n: 1 },
      { key: "k", date: "2024-03-01", kind: "noted", n: 2 },
      { key: "k", date: "2024-03-10", kind: "created", n: 0 }
    ]
    const timeline = timelineOf(events)
    assert.deepStrictEqual(timeline.map(([date]) => date), ["2024-03-01", "2024-03-10"])
    assert.strictEqual(ReadModel.stateAsOf(timeline, "2024-02-29", initial), initial)
    assert.deepStrictEqual(ReadModel.stateAsOf(timeline, "2024-03-01", initial), { created: false, notes: [2] })
    assert.deepStrictEqual(ReadModel.stateAsOf(timeline, "2024-03-09", initial), { created: false, notes: [2] })
    assert.deepStrictEqual(ReadModel.stateAsOf(timeline, "2024-03-10", initial), { created: true, notes: [1, 2] })
  })

  it("timelines: dates strictly increase, and an event that changes nothing returns the timeline itself", () => {
    fc.assert(
      fc.property(history, anyDate, (events, date) => {
        const timeline = timelineOf(events)
        for (let i = 1; i < timeline.length; i++) assert.isTrue(timeline[i - 1]![0] < timeline[i]![0])
        // A creation dated after a creation changes no state, so nothing is added and nothing copied.
        const created = ReadModel.applyToTimeline(
          timeline,
          "2024-02-01",
          initial,
          (state) => evolve(state, { key: "k", date: "2024-02-01", kind: "created", n: 0 })
        )
        const again = ReadModel.applyToTimeline(
          created,
          date,
          initial,
          (state) => evolve(state, { key: "k", date, kind: "created", n: 0 })
        )
        assert.strictEqual(again, created)
      }),
      { numRuns: 300 }
    )
  })

  it("keys: compareKeys is UTF-8 byte order (SQLite BINARY, PostgreSQL \"C\") on storable keys, and a total order", () => {
    const key = fc.oneof(Arbitraries.readModelKey, fc.string({ unit: "binary", maxLength: 6 }))
      .filter(ReadModel.isStorableKey)
    fc.assert(
      fc.property(key, key, key, (a, b, c) => {
        const bytes = Math.sign(Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8")))
        assert.strictEqual(Math.sign(ReadModel.compareKeys(a, b)), bytes)
        assert.strictEqual(Math.sign(ReadModel.compareKeys(b, a)), -bytes)
        assert.strictEqual(ReadModel.compareKeys(a, b) === 0, a === b)
        if (ReadModel.compareKeys(a, b) < 0 && ReadModel.compareKeys(b, c) < 0) {
          assert.isBelow(ReadModel.compareKeys(a, c), 0)
        }
      }),
      { numRuns: 1_000 }
    )
    // Where it differs from `<` (UTF-16 code units): U+E000–U+FFFF against characters above U+FFFF.
    assert.isBelow(ReadModel.compareKeys("！", "😀"), 0)
    const [emoji, fullWidth] = ["😀", "！"]
    assert.isTrue(emoji < fullWidth)
    assert.isBelow(ReadModel.compareKeys("\uffee", "𠀀"), 0)
    assert.isBelow(ReadModel.compareKeys("党", "党支部"), 0)
    assert.strictEqual(ReadModel.compareKeys("", ""), 0)
  })

  it(
    `keys: storable iff it survives UTF-8, has no NUL and at most ${ReadModel.maxKeyLength} code units (${ReadModel.maxKeyLength} passes, ${
      ReadModel.maxKeyLength + 1
    } fails)`,
    () => {
      fc.assert(
        fc.property(fc.string({ unit: "binary", maxLength: 12 }), (s) => {
          const survives = Buffer.from(s, "utf8").toString("utf8") === s
          assert.strictEqual(ReadModel.isStorableKey(s), survives && !s.includes("\u0000"))
        }),
        { numRuns: 2_000 }
      )
      assert.isTrue(ReadModel.isStorableKey("党".repeat(ReadModel.maxKeyLength)))
      assert.isFalse(ReadModel.isStorableKey("党".repeat(ReadModel.maxKeyLength + 1)))
      assert.isTrue(ReadModel.isStorableKey("😀".repeat(ReadModel.maxKeyLength / 2)))
      assert.isFalse(ReadModel.isStorableKey("😀".repeat(ReadModel.maxKeyLength / 2) + "a"))
      for (const key of Arbitraries.awkwardKeys) assert.isTrue(ReadModel.isStorableKey(key), JSON.stringify(key))
      for (const key of ["\u0000", "a\ud800", "\udc00", "😀".slice(1)]) assert.isFalse(ReadModel.isStorableKey(key))
    }
  )
})
