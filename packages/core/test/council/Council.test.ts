// Coordination councils (R51): a township's joint meeting of Party organizations, its members, joint
// meetings and findings; against the pure decision and the event store.
import { assert, describe, it } from "@effect/vitest"
import { Effect, Result } from "effect"
import * as Council from "../../src/council/Council.ts"
import { CouncilRegister, MemoryStore, Organization, PolicyTimeline } from "../../src/index.ts"
import { CommandHandler, EventCodec, EventStore, Projection } from "../../src/kernel/index.ts"
import { dissolved, orgStatuses, orgWorld, policy, render } from "../agreement/fixtures.ts"
import type { World } from "../organization/fixtures.ts"
import { township, village } from "../organization/fixtures.ts"

const form = (
  options: Partial<typeof Council.FormCouncil.Type> = {}
): typeof Council.FormCouncil.Type => ({
  _tag: "FormCouncil",
  councilId: "jm",
  kind: "jointMeeting",
  convenerOrgId: "v1",
  memberOrgIds: ["v1", "e1", "c1"],
  at: "2024-02-01",
  ...options
})

const meeting = (at: string, attendingOrgIds: ReadonlyArray<string> = ["v1", "e1"]): Council.CouncilCommand => ({
  _tag: "HoldJointMeeting",
  councilId: "jm",
  meetingId: `m-${at}`,
  attendingOrgIds,
  at
})

const run = (world: World, commands: ReadonlyArray<Council.CouncilCommand>) => {
  let state = Council.initialState
  for (const command of commands) {
    const decided = Council.decide(policy, command, state, world.states)
    if (Result.isFailure(decided)) throw new Error(`${command._tag} rejected: ${decided.failure.code}`)
    state = decided.success.reduce(Council.evolve, state)
  }
  return state
}

const failure = (world: World, command: Council.CouncilCommand, state = Council.initialState) => {
  const decided = Council.decide(policy, command, state, world.states)
  if (Result.isSuccess(decided)) throw new Error(`${command._tag} was accepted`)
  return decided.failure
}

const ruleOf = (error: { readonly code: string }) => [(error as { ruleId?: string }).ruleId, error.code]

const viewOf = (world: World, council: Council.CouncilState): CouncilRegister.RegisterView => ({
  councils: { [council.councilId]: council },
  orgs: orgStatuses(world)
})

describe("Council: the stream", () => {
  it("streamId is council-<councilId> and councilIdOf reverses it", () => {
    assert.strictEqual(Council.streamId("jm"), "council-jm")
    assert.strictEqual(Council.councilIdOf("council-jm"), "jm")
    assert.strictEqual(Council.councilIdOf("agreement-jm"), undefined)
  })
})

describe("Coordination councils (R51)", () => {
  const world = orgWorld()

  it("the single-stream decider reads no organization; a command built without the Schema is a typed rejection", () => {
    const decider = Council.decider(policy)
    const formed = run(world, [form()])
    const met = decider.decide(meeting("2024-03-10"), formed)
    assert.isTrue(Result.isSuccess(met) && met.success[0]?._tag === "JointMeetingHeld")
    // forming through the decider sees no member organization
    const alone = decider.decide(form(), Council.initialState)
    assert.strictEqual(Result.isFailure(alone) ? alone.failure.code : undefined, "council.memberNotFound")
    const unknown = Council.decide(policy, { _tag: "Nonsense", councilId: "jm", at: "2024-01-01" } as never, formed)
    assert.strictEqual(Result.isFailure(unknown) ? unknown.failure.code : undefined, "domain.unknownCommand")
    assert.deepStrictEqual(Council.requiredOrganizations(form()), ["v1", "e1", "c1"])
    assert.deepStrictEqual(Council.requiredOrganizations(meeting("2024-03-10")), [])
  })

  it("a joint meeting of Party organizations is formed by its convener with ≥ 2 existing members", () => {
    const state = run(world, [form()])
    assert.strictEqual(state.status, "active")
    assert.deepStrictEqual(state.memberOrgIds, ["v1", "e1", "c1"])
    const one = failure(world, form({ memberOrgIds: ["v1"] }))
    assert.deepStrictEqual(ruleOf(one), ["R51", "council.tooFewMembers"])
    assert.strictEqual(render(one, "en"), "Council jm has 1 member organization(s); it needs at least 2")
    assert.strictEqual(render(one, "zh-CN"), "联席组织 jm 只有 1 个成员单位党组织,至少需要 2 个")
    assert.deepStrictEqual(ruleOf(failure(world, form({ memberOrgIds: ["v1", "v1"] }))), [
      "R51",
      "council.duplicateMember"
    ])
    assert.deepStrictEqual(ruleOf(failure(world, form({ memberOrgIds: ["v1", "nowhere"] }))), [
      "R51",
      "council.memberNotFound"
    ])
    const gone = failure(dissolved(world, "c1", "2024-01-15"), form())
    assert.deepStrictEqual(ruleOf(gone), ["R51", "council.memberDissolved"])
    assert.strictEqual(render(gone, "zh-CN"), "联席组织 jm 的成员单位党组织 c1 已于 2024-01-15 撤销")
    assert.strictEqual(failure(world, form({ convenerOrgId: "ve1" })).code, "council.convenerNotMember")
  })

  it("members join and leave; the council keeps its convener and at least two members", () => {
    const state = run(world, [form({ memberOrgIds: ["v1", "e1"] }), {
      _tag: "AddCouncilMember",
      councilId: "jm",
      orgId: "c1",
      at: "2024-03-01"
    }])
    assert.deepStrictEqual(state.memberOrgIds, ["v1", "e1", "c1"])
    const removed = run(world, [form(), {
      _tag: "RemoveCouncilMember",
      councilId: "jm",
      orgId: "c1",
      at: "2024-03-01"
    }])
    assert.deepStrictEqual(removed.memberOrgIds, ["v1", "e1"])
    assert.deepStrictEqual(
      ruleOf(failure(world, { _tag: "RemoveCouncilMember", councilId: "jm", orgId: "e1", at: "2024-04-01" }, removed)),
      ["R51", "council.tooFewMembers"]
    )
    assert.strictEqual(
      failure(world, { _tag: "RemoveCouncilMember", councilId: "jm", orgId: "v1", at: "2024-04-01" }, removed).code,
      "council.convenerNotMember"
    )
  })

  it("joint meetings are held by members; the meeting interval is a policy figure, overdue from the day after", () => {
    const state = run(world, [form(), meeting("2024-03-10")])
    assert.strictEqual(state.lastMeetingAt, "2024-03-10")
    assert.strictEqual(failure(world, meeting("2024-03-11", ["ve1"]), state).code, "council.notMember")
    assert.strictEqual(failure(world, meeting("2024-03-11", []), state).code, "council.noAttendance")
    assert.strictEqual(failure(world, meeting("2024-01-31"), run(world, [form()])).code, "council.beforeFormed")
    // the national default does not check the interval (no sourced figure)
    assert.deepStrictEqual(Council.assess(viewOf(world, state), policy, "2030-01-01"), [])
    // a local policy: a meeting every 3 months; due 2024-06-10, overdue from 2024-06-11
    const local = { ...policy, pairing: { ...policy.pairing, councilMeetingEveryMonths: 3 } }
    const at = (asOf: string) =>
      Council.assess(viewOf(world, state), local, asOf).filter((f) => f.code === "council.finding.meetingOverdue")
    assert.deepStrictEqual(at("2024-06-10"), [])
    assert.deepStrictEqual(at("2024-06-11"), [{
      ruleId: "R51",
      severity: "warning",
      subject: { kind: "organization", id: "v1" },
      due: "2024-06-10",
      code: "council.finding.meetingOverdue",
      params: { councilId: "jm", orgId: "v1", since: "2024-03-10", due: "2024-06-10" }
    }])
    assert.strictEqual(at("2024-06-12").length, 1)
  })

  it("a member organization dissolved after forming is a finding", () => {
    const state = run(world, [form()])
    const found = Council.assess(viewOf(dissolved(world, "c1", "2024-05-01"), state), policy, "2024-05-02")
    assert.deepStrictEqual(found.map((f) => [f.ruleId, f.code, f.params["orgId"]]), [
      ["R51", "council.finding.memberDissolved", "c1"]
    ])
  })

  it.effect("against the store: forming reads the members' streams and writes only the council stream", () =>
    Effect.gen(function*() {
      const policies = PolicyTimeline.national
      const context = (at: string) => ({ context: { occurredAt: at } })
      const tree = (command: Organization.TreeCommand) =>
        CommandHandler.run(Organization.treeRoute, command, policies, context(command.at))
      const council = (command: Council.CouncilCommand) =>
        CommandHandler.run(Council.route, command, policies, context(command.at))
      yield* tree(township())
      yield* tree(village("v1", 3))
      yield* tree(village("e1", 3, 0, { locus: "enterprise" }))
      const head = yield* EventStore.EventStore.use((s) => s.head)
      const missing = yield* Effect.result(council(form()))
      assert.isTrue(Result.isFailure(missing) && missing.failure.code === "council.memberNotFound")
      assert.strictEqual(yield* EventStore.EventStore.use((s) => s.head), head)
      const formed = yield* council(form({ memberOrgIds: ["v1", "e1"] }))
      assert.strictEqual(formed.events[0]!.streamId, "council-jm")
      assert.strictEqual(yield* EventStore.EventStore.use((s) => s.head), head + 1)
      yield* council(meeting("2024-03-10"))
      const register = yield* Projection.replay(CouncilRegister.projection)
      assert.strictEqual(register.state.councils["jm"]?.lastMeetingAt, "2024-03-10")
    }).pipe(
      Effect.provide(
        MemoryStore.layer({
          codec: EventCodec.make([...Organization.organizationEvents, ...Council.councilEvents])
        })
      )
    ))
})
