import { Dangjian, MemoryStore, Organization, OrganizationTree } from "@dangjian/core"
import { Projection } from "@dangjian/core/kernel"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import fc from "fast-check"
import { Arbitraries, OrganizationWorld } from "../src/index.ts"

const executeAll = (commands: ReadonlyArray<Dangjian.Command>) =>
  Effect.runPromise(
    Effect.provide(
      Effect.gen(function*() {
        const outcomes = yield* Effect.forEach(commands, (c) => Effect.result(Dangjian.execute(c)))
        const { state } = yield* Projection.replay(OrganizationTree.projection)
        return { outcomes, view: state }
      }),
      MemoryStore.layer({ codec: Dangjian.codec })
    )
  )

describe("Arbitraries.organizationTree", () => {
  it("every generated tree (township → villages and communities → branches → groups) is accepted command by command", async () => {
    const decode = Schema.decodeUnknownSync(Dangjian.Command)
    let groups = 0
    await fc.assert(
      fc.asyncProperty(Arbitraries.organizationTree(), async (commands) => {
        const { outcomes, view } = await executeAll(commands.map((c) => decode(JSON.parse(JSON.stringify(c)))))
        assert.deepStrictEqual(outcomes.filter((o) => o._tag === "Failure"), [])
        // the tree has the generated shape: villages and communities under the township, branches below
        for (const state of OrganizationTree.active(view)) {
          if (state.kind === "generalBranch") assert.strictEqual(state.parentId, "t")
          if (state.kind === "branch") assert.strictEqual(view.orgs[state.parentId ?? ""]?.kind, "generalBranch")
          groups += Object.keys(state.groups).length
        }
      }),
      { numRuns: 25 }
    )
    assert.isAbove(groups, 10)
  })

  it("the pure model accepts the same trees", () => {
    fc.assert(
      fc.property(Arbitraries.organizationTree(), (commands) => {
        const played = OrganizationWorld.play(Dangjian.defaultPolicies, commands)
        assert.deepStrictEqual(played.rejected, [])
      }),
      { numRuns: 100 }
    )
  })

  it("R1: the check can fail: a branch cut to two full members is rejected", async () => {
    const [commands = []] = fc.sample(Arbitraries.organizationTree(), { numRuns: 1, seed: 9 })
    const index = commands.findLastIndex((c) => c._tag === "EstablishOrganization" && c.kind === "branch")
    const last = commands[index]
    assert.isTrue(last?._tag === "EstablishOrganization")
    const broken = last?._tag === "EstablishOrganization"
      ? [...commands.slice(0, index), { ...last, initialMembers: last.initialMembers.slice(0, 2) }]
      : commands
    const { outcomes } = await executeAll(broken)
    assert.deepStrictEqual(outcomes.map((o) => o._tag).slice(-2), ["Success", "Failure"])
  })

  it("R12: the check can fail: a group led by a probationary member is rejected", () => {
    const shape = {
      units: { min: 1, max: 1 },
      branchesPerUnit: { min: 1, max: 1 },
      groupsPerBranch: { min: 1, max: 1 }
    }
    const [commands = []] = fc.sample(Arbitraries.organizationTree(shape), { numRuns: 1, seed: 4 })
    const played = OrganizationWorld.play(Dangjian.defaultPolicies, commands)
    assert.deepStrictEqual(played.rejected, [])
    const branch = played.world.states["t.0.0"]!
    const probationary = Object.keys(branch.roster).find((m) => branch.roster[m] === "probationary")
    const extra: Organization.OrganizationCommand = {
      _tag: "AddRosterMember",
      orgId: "t.0.0",
      memberId: "t.0.0-new",
      status: "probationary",
      reason: "admitted",
      at: "2024-06-01"
    }
    const leader = probationary ?? "t.0.0-new"
    const group: Organization.OrganizationCommand = {
      _tag: "FormPartyGroup",
      orgId: "t.0.0",
      groupId: "extra",
      groupType: "general",
      leaderId: leader,
      memberIds: [leader],
      at: "2024-06-02"
    }
    const again = OrganizationWorld.play(
      Dangjian.defaultPolicies,
      probationary === undefined ? [extra, group] : [group],
      played.world
    )
    assert.strictEqual(again.rejected.length, 1)
    const error = again.rejected[0]?.error
    assert.deepStrictEqual([error?._tag, error !== undefined && "ruleId" in error && error.ruleId], [
      "RuleViolation",
      "R12"
    ])
  })

  it("respects the chosen shape, groups included", () => {
    const shape = { units: { min: 2, max: 2 }, branchesPerUnit: { min: 3, max: 3 } }
    for (const commands of fc.sample(Arbitraries.organizationTree(shape), { numRuns: 10, seed: 5 })) {
      assert.strictEqual(commands.length, 1 + 2 + 2 * 3)
    }
    const grouped = { ...shape, groupsPerBranch: { min: 2, max: 2 } }
    for (const commands of fc.sample(Arbitraries.organizationTree(grouped), { numRuns: 10, seed: 5 })) {
      assert.strictEqual(commands.filter((c) => c._tag === "EstablishOrganization").length, 1 + 2 + 2 * 3)
      assert.strictEqual(commands.filter((c) => c._tag === "FormPartyGroup").length, 2 * 3 * 2)
    }
  })

  it("shrinks towards the smallest tree: one village or community, one branch of three full members", () => {
    const out = fc.check(
      fc.property(Arbitraries.organizationTree(), (commands) => commands.length < 3),
      { seed: 2 }
    )
    assert.isTrue(out.failed)
    const [shrunk = []] = out.counterexample ?? []
    assert.strictEqual(shrunk.length, 3)
    const branch = shrunk[2]
    assert.isTrue(branch?._tag === "EstablishOrganization" && branch.kind === "branch")
    if (branch?._tag === "EstablishOrganization") {
      assert.deepStrictEqual(branch.initialMembers.map((m) => m.status), ["full", "full", "full"])
    }
  })
})
