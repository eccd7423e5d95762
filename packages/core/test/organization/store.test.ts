import { assert, describe, it } from "@effect/vitest"
import { Effect, Result, Schedule } from "effect"
import {
  Compliance,
  GovernancePolicy,
  MemoryStore,
  Organization,
  OrganizationTree,
  PolicyTimeline
} from "../../src/index.ts"
import { CommandHandler, EventCodec, EventStore, Projection } from "../../src/kernel/index.ts"
import { addMember, approval, members, township, village } from "./fixtures.ts"

// A tree command through the organization's route, as `Dangjian.execute` runs it.
const handleTree = (
  policies: Organization.Policies,
  command: Organization.TreeCommand,
  options: CommandHandler.HandleOptions
) => CommandHandler.run(Organization.treeRoute, command, policies, options)

const codec = EventCodec.make(Organization.organizationEvents)
const store = () => MemoryStore.layer({ codec })
const policies = PolicyTimeline.national
const context = (occurredAt: string) => ({ context: { occurredAt, actor: "clerk-1" } })
const tree = (command: Organization.TreeCommand) =>
  CommandHandler.run(Organization.treeRoute, command, policies, context(command.at))
const single = (command: Organization.OrganizationCommand) =>
  CommandHandler.handle(
    Organization.decider(policies),
    Organization.streamId(command.orgId),
    command,
    context(command.at)
  )

describe("Organization against the event store", () => {
  it("establishing appends to the child and the parent in one atomic append", () =>
    Effect.gen(function*() {
      yield* tree(township())
      const handled = yield* tree(village("v1", 3, 1))
      assert.deepStrictEqual(handled.streams.map((s) => [s.streamId, s.version]).sort(), [
        ["organization-town", 2],
        ["organization-v1", 5]
      ])
      const of = (streamId: string) => handled.events.filter((e) => e.streamId === streamId)
      assert.strictEqual(of("organization-v1")[0]!.type, "OrganizationEstablished")
      assert.strictEqual(of("organization-town")[0]!.type, "SubOrganizationAttached")
      assert.deepStrictEqual(handled.events.map((e) => e.globalPosition), [2, 3, 4, 5, 6, 7])
    }).pipe(Effect.provide(store())))

  it("a rejected tree command is a typed error with its rule id and writes nothing", () =>
    Effect.gen(function*() {
      yield* tree(township())
      const result = yield* Effect.result(tree(village("v1", 2, 5)))
      assert.isTrue(Result.isFailure(result))
      if (Result.isFailure(result)) {
        assert.strictEqual(result.failure._tag, "RuleViolation")
        assert.strictEqual((result.failure as { ruleId: string }).ruleId, "R1")
      }
      assert.strictEqual(yield* EventStore.EventStore.use((s) => s.head), 1)
    }).pipe(Effect.provide(store())))

  it("an upgrade reads the children it counts; concurrent children are all attached", () =>
    Effect.gen(function*() {
      yield* tree(township())
      yield* tree(village("g", 3, 0, { kind: "generalBranch", workNeed: true }))
      yield* Effect.all(
        Array.from({ length: 10 }, (_, i) =>
          handleTree(policies, village(`b${i}`, 8, 2, { parentId: "g" }), {
            ...context("2024-01-01"),
            retry: Schedule.recurs(50)
          })),
        { concurrency: "unbounded" }
      )
      const g = yield* CommandHandler.load(Organization.fold, Organization.streamId("g"))
      assert.strictEqual(Organization.childIds(g.state).length, 10)
      // 3 own + 10 × 10 in the branches = 103 members: a committee is possible with county approval
      const upgraded = yield* tree({
        _tag: "UpgradeOrganization",
        orgId: "g",
        to: "primaryCommittee",
        approval: approval("county", "2024-05-01"),
        at: "2024-05-01"
      })
      assert.deepStrictEqual([...upgraded.states.keys()].map((id) => Organization.orgIdOf(id)).sort(), [
        "b0",
        "b1",
        "b2",
        "b3",
        "b4",
        "b5",
        "b6",
        "b7",
        "b8",
        "b9",
        "g",
        "town"
      ])
      const stateOf = (orgId: string) =>
        upgraded.states.get(Organization.streamId(orgId))!.state as Organization.OrganizationState
      assert.strictEqual(stateOf("g").kind, "primaryCommittee")
      assert.strictEqual(stateOf("town").children["g"], "primaryCommittee")
    }).pipe(Effect.provide(store())))

  it("single-stream commands run through the kernel decider", () =>
    Effect.gen(function*() {
      yield* tree(township())
      yield* tree(village("v1", 6))
      const handled = yield* single(addMember("v1", "m7"))
      assert.strictEqual(Organization.fullCount(handled.state), 7)
      const rejected = yield* Effect.result(single(addMember("v1", "m7")))
      assert.isTrue(Result.isFailure(rejected) && rejected.failure.code === "organization.alreadyOnRoster")
    }).pipe(Effect.provide(store())))

  it("the tree projection's counts equal a replay of each stream", () =>
    Effect.gen(function*() {
      yield* tree(township())
      yield* tree(village("v1", 30, 5))
      yield* tree(village("v2", 4))
      yield* single(addMember("v2", "m-x", "probationary"))
      yield* tree({
        _tag: "SplitOrganization",
        orgId: "v1",
        placement: "siblings",
        parts: [{ orgId: "v3", name: "V3", memberIds: members("v1", 10).map((m) => m.memberId) }],
        approval: approval("township", "2024-06-01"),
        at: "2024-06-01"
      })
      const { state: view } = yield* Projection.replay(OrganizationTree.projection)
      for (const orgId of ["town", "v1", "v2", "v3"]) {
        const loaded = yield* CommandHandler.load(Organization.fold, Organization.streamId(orgId))
        assert.strictEqual(view.orgs[orgId]!.full, loaded.state.full, orgId)
        assert.strictEqual(Organization.allCount(view.orgs[orgId]!), Organization.allCount(loaded.state), orgId)
      }
      assert.deepStrictEqual(OrganizationTree.subtreeCounts(view, "town"), { full: 34, all: 40 })
      assert.strictEqual(
        OrganizationTree.render(view, "en"),
        [
          "township committee Town [town] (FM 0, AM 0) [with sub-organizations: FM 34, AM 40]",
          "  branch Village v1 [v1] (FM 20, AM 25)",
          "  branch Village v2 [v2] (FM 4, AM 5)",
          "  branch V3 [v3] (FM 10, AM 10)"
        ].join("\n")
      )
    }).pipe(Effect.provide(store())))

  it("the compliance view as of a date leaves out what took effect later", () =>
    Effect.gen(function*() {
      yield* tree(township())
      yield* tree(village("v1", 40, 10))
      yield* single(addMember("v1", "late", "probationary", "2024-09-01"))
      const before = yield* Compliance.report(GovernancePolicy.national, "2024-08-31")
      assert.strictEqual(Organization.allCount(before.view.tree.orgs["v1"]!), 50)
      assert.isUndefined(before.findings.find((f) => f.code === "organization.finding.splitSuggested"))
      const after = yield* Compliance.report(GovernancePolicy.national, "2024-09-01")
      assert.strictEqual(
        after.findings.find((f) => f.code === "organization.finding.splitSuggested")?.params["members"],
        51
      )
      assert.strictEqual(Compliance.projection("2024-09-01").name, "organization.compliance.asOf.2024-09-01")
    }).pipe(Effect.provide(store())))
})
