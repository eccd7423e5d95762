// The unit check-in aggregate (双报到, R47): a unit's Party organization checking in at a community on its own
// stream, `unitcheckin-<unitOrgId>`; its decisions, its register and findings, its messages, and its route
// against the event store.
import { assert, describe, it } from "@effect/vitest"
import { Effect, Result } from "effect"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { Dangjian, GovernancePolicy, MemoryStore, Messages, UnitCheckInRegister } from "../../src/index.ts"
import { Envelope, EventStore, Projection } from "../../src/kernel/index.ts"
import * as UnitCheckIn from "../../src/unitCheckIn/UnitCheckIn.ts"

const policy = GovernancePolicy.national
const decider = UnitCheckIn.decider(policy)

const run = (commands: ReadonlyArray<UnitCheckIn.UnitCheckInCommand>, from = UnitCheckIn.initialState) => {
  let state = from
  for (const command of commands) {
    const result = decider.decide(command, state)
    if (Result.isFailure(result)) throw new Error(`${command._tag} rejected: ${result.failure.code}`)
    state = result.success.reduce(decider.evolve, state)
  }
  return state
}

const checkIn: UnitCheckIn.UnitCheckInCommand = {
  _tag: "CheckInUnit",
  unitOrgId: "ent1",
  communityOrgId: "c1",
  at: "2024-01-05"
}

describe("UnitCheckIn: the stream", () => {
  it("streamId is unitcheckin-<unitOrgId>, one lowercase category without a dash, and unitOrgIdOf reverses it", () => {
    assert.strictEqual(UnitCheckIn.streamId("u1"), "unitcheckin-u1")
    assert.strictEqual(UnitCheckIn.unitOrgIdOf("unitcheckin-u1"), "u1")
    assert.strictEqual(UnitCheckIn.unitOrgIdOf("unitcheckin-a-b"), "a-b")
    assert.strictEqual(UnitCheckIn.unitOrgIdOf("member-u1"), undefined)
    // the stream ids of versions before 0.2.0 are another category, and not this aggregate's
    assert.strictEqual(UnitCheckIn.unitOrgIdOf("unit-checkin-u1"), undefined)
    assert.strictEqual(Envelope.categoryOf(UnitCheckIn.streamId("a-b")), "unitcheckin")
  })
})

describe("UnitCheckIn: decisions (R47)", () => {
  it("checks in, records activities and the yearly evaluation, checks out; again is nothing to do", () => {
    let state = run([checkIn])
    assert.deepStrictEqual(decider.decide({ ...checkIn, at: "2024-02-01" }, state), Result.succeed([]))
    state = run([
      { _tag: "RecordUnitActivity", unitOrgId: "ent1", activityKind: "volunteer", at: "2024-03-01" },
      { _tag: "RecordUnitFeedback", unitOrgId: "ent1", rating: "excellent", at: "2024-12-01" }
    ], state)
    assert.strictEqual(state.lastFeedbackAt, "2024-12-01")
    assert.strictEqual(state.activities.length, 1)
    assert.strictEqual(UnitCheckIn.checkedInAt(state), "c1")
    state = run([{ _tag: "CheckOutUnit", unitOrgId: "ent1", at: "2025-01-01" }], state)
    assert.strictEqual(state.status, "checkedOut")
    assert.strictEqual(UnitCheckIn.checkedInAt(state), undefined)
    assert.deepStrictEqual(
      decider.decide({ _tag: "CheckOutUnit", unitOrgId: "ent1", at: "2025-02-01" }, state),
      Result.succeed([])
    )
  })

  it("R47: a unit organization does not check in at itself", () => {
    const self = decider.decide({ ...checkIn, unitOrgId: "c1" }, UnitCheckIn.initialState)
    assert.isTrue(Result.isFailure(self) && self.failure._tag === "RuleViolation" && self.failure.ruleId === "R47")
    assert.strictEqual(Result.isFailure(self) ? self.failure.code : undefined, "member.unitCheckInAtSelf")
  })

  it("rejects a second community, an activity before checking in, and a command built without the Schema", () => {
    const other = decider.decide({ ...checkIn, communityOrgId: "c2" }, run([checkIn]))
    assert.strictEqual(Result.isFailure(other) ? other.failure.code : undefined, "member.unitAlreadyCheckedIn")
    const early = decider.decide(
      { _tag: "RecordUnitActivity", unitOrgId: "ent1", activityKind: "x", at: "2024-01-01" },
      UnitCheckIn.initialState
    )
    assert.strictEqual(Result.isFailure(early) ? early.failure.code : undefined, "member.unitNotCheckedIn")
    const unknown = UnitCheckIn.decide(
      policy,
      { _tag: "Nonsense", unitOrgId: "ent1", at: "2024-01-01" } as unknown as UnitCheckIn.UnitCheckInCommand,
      UnitCheckIn.initialState
    )
    assert.strictEqual(Result.isFailure(unknown) ? unknown.failure.code : undefined, "domain.unknownCommand")
  })
})

describe("UnitCheckIn: findings (R47)", () => {
  it("a checked-in unit organization is evaluated yearly: due on the anniversary of the last evaluation", () => {
    const unit = run([checkIn])
    const view: UnitCheckInRegister.RegisterView = { units: { ent1: unit } }
    assert.deepStrictEqual(UnitCheckIn.assess(view, policy, "2025-01-04"), [])
    assert.deepStrictEqual(UnitCheckIn.assess(view, policy, "2025-01-05"), [{
      ruleId: "R47",
      severity: "warning",
      subject: { kind: "organization", id: "ent1" },
      due: "2025-01-05",
      code: "member.finding.unitFeedbackDue",
      params: { orgId: "ent1", communityOrgId: "c1", lastAt: "2024-01-05" }
    }])
    const evaluated = run([{ _tag: "RecordUnitFeedback", unitOrgId: "ent1", rating: "good", at: "2024-12-01" }], unit)
    assert.deepStrictEqual(UnitCheckIn.assess({ units: { ent1: evaluated } }, policy, "2025-01-05"), [])
    const off = { ...policy, membership: { ...policy.membership, checkInFeedbackEveryMonths: 0 } }
    assert.deepStrictEqual(UnitCheckIn.assess(view, off, "2030-01-01"), [])
  })
})

describe("UnitCheckIn: messages", () => {
  const sources = (dir: string): ReadonlyArray<string> =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : []
    )

  it("every code the aggregate emits has a zh-CN and an en template", () => {
    const used = new Set<string>()
    for (const file of sources(join(import.meta.dirname, "../../src/unitCheckIn"))) {
      if (file.endsWith("messages.ts")) continue
      for (const match of readFileSync(file, "utf8").matchAll(/"((?:member|domain)\.[A-Za-z.]+)"/g)) used.add(match[1]!)
    }
    assert.isAtLeast(used.size, 5)
    for (const code of used) assert.isTrue(Messages.isTranslated(code), code)
    assert.strictEqual(
      Messages.renderCode("member.unitCheckInAtSelf", { orgId: "c1" }, "en"),
      "The organization c1 cannot check in at itself"
    )
  })
})

describe("UnitCheckIn: the route against the store", () => {
  it.effect("a check-in is one event on the unit's own stream; the register replays it, as of any date", () =>
    Effect.gen(function*() {
      const checked = yield* Dangjian.execute(checkIn)
      assert.deepStrictEqual(checked.streams, [{ streamId: "unitcheckin-ent1", version: 1 }])
      yield* Dangjian.execute({ _tag: "RecordUnitActivity", unitOrgId: "ent1", activityKind: "x", at: "2024-03-01" })
      const store = yield* EventStore.EventStore
      assert.deepStrictEqual((yield* store.readAll({ after: 0, limit: 10 })).map((e) => e.streamId), [
        "unitcheckin-ent1",
        "unitcheckin-ent1"
      ])
      const now = yield* Projection.replay(UnitCheckInRegister.projection)
      assert.strictEqual(now.state.units["ent1"]?.activities.length, 1)
      assert.deepStrictEqual(
        UnitCheckInRegister.checkedInAtCommunity(now.state, "c1").map((u) => u.unitOrgId),
        ["ent1"]
      )
      const before = yield* Projection.replay(UnitCheckInRegister.asOf("2024-01-04"))
      assert.deepStrictEqual(before.state, UnitCheckInRegister.empty)
    }).pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec }))))
})
