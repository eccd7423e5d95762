import { Dangjian, GovernancePolicy, MemoryStore, Organization } from "@dangjian/core"
import { EventCodec } from "@dangjian/core/kernel"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Result } from "effect"
import fc from "fast-check"
import { Arbitraries, OrganizationWorld } from "../src/index.ts"

const policy = GovernancePolicy.national

describe("Arbitraries.organizationHistory", () => {
  it("the accepted commands of a history are accepted again, one after the other, and reach the same world", () => {
    let accepted = 0
    let rejected = 0
    const tags = new Set<string>()
    fc.assert(
      fc.property(Arbitraries.organizationHistory({ maxLength: 40 }), (history) => {
        const replayed = OrganizationWorld.play(policy, history.accepted)
        assert.deepStrictEqual(replayed.rejected, [])
        assert.deepStrictEqual(replayed.world, history.world)
        accepted += history.accepted.length
        rejected += history.commands.length - history.accepted.length
        for (const c of history.accepted) tags.add(c._tag)
      }),
      { numRuns: 200 }
    )
    // not vacuous: many commands of many kinds are accepted, and some are rejected
    assert.isAbove(accepted, 1_000)
    assert.isAbove(rejected, 500)
    for (const tag of ["EstablishOrganization", "MoveOrganization", "SplitOrganization", "FormPartyGroup"]) {
      assert.isTrue(tags.has(tag), tag)
    }
  })

  it("every resolved command decodes with Dangjian.Command", () => {
    fc.assert(
      fc.property(Arbitraries.organizationHistory({ maxLength: 20 }), (history) => {
        for (const c of history.commands) assert.isTrue(Result.isSuccess(Dangjian.decodeCommand(c)), c._tag)
      }),
      { numRuns: 100 }
    )
  })

  it.effect("the pure model and the store accept and reject the same commands", () =>
    Effect.promise(() =>
      fc.assert(
        fc.asyncProperty(Arbitraries.organizationHistory({ maxLength: 25 }), async (history) => {
          const outcomes = await Effect.runPromise(
            Effect.forEach(
              history.commands,
              (c) => Effect.map(Effect.result(Dangjian.execute(c, { policies: policy })), Result.isSuccess)
            ).pipe(
              Effect.provide(MemoryStore.layer({ codec: EventCodec.make(Organization.organizationEvents) }))
            )
          )
          assert.deepStrictEqual(
            history.commands.filter((_, i) => outcomes[i]),
            history.accepted
          )
        }),
        { numRuns: 25 }
      )
    ))

  it("a failing property shrinks to a short history", () => {
    const out = fc.check(
      fc.property(
        Arbitraries.organizationHistory({ maxLength: 30 }),
        (h) => !h.accepted.some((c) => c._tag === "SplitOrganization")
      ),
      { seed: 11 }
    )
    assert.isTrue(out.failed)
    const [shrunk] = out.counterexample ?? []
    // shrunk to nearly the shortest sequence of intents (two township-level ones and at least ten random
    // ones, out of up to 32), of which a handful are accepted, the split last
    assert.isAtMost(shrunk?.intents.length ?? 99, 14)
    assert.isAtMost(shrunk?.accepted.length ?? 99, 6)
    assert.strictEqual(shrunk?.accepted.at(-1)?._tag, "SplitOrganization")
  })
})

describe("OrganizationWorld", () => {
  it("run returns the typed rejection, with its rule id, and leaves the world unchanged", () => {
    const [tree = []] = fc.sample(Arbitraries.organizationTree(), { numRuns: 1, seed: 1 })
    const { world } = OrganizationWorld.play(policy, tree)
    const result = OrganizationWorld.run(policy, world, {
      _tag: "EstablishOrganization",
      orgId: "b",
      name: "b",
      kind: "branch",
      formation: "standalone",
      locus: "village",
      parentId: "t.0",
      approval: { by: "approver", level: "county", at: "2024-06-01" },
      initialMembers: [{ memberId: "m1", status: "full" }, { memberId: "m2", status: "full" }],
      at: "2024-06-01"
    })
    assert.isTrue(Result.isFailure(result))
    if (Result.isFailure(result)) {
      assert.deepStrictEqual([result.failure._tag, "ruleId" in result.failure && result.failure.ruleId], [
        "RuleViolation",
        "R1"
      ])
    }
    assert.deepStrictEqual(OrganizationWorld.stateOf(world, "b"), Organization.initialState)
  })

  it("isTreeCommand knows the seven tree commands", () => {
    const seen = new Set<string>()
    for (const c of fc.sample(Arbitraries.command(), { numRuns: 500, seed: 2 })) {
      if (OrganizationWorld.isTreeCommand(c)) seen.add(c._tag)
      assert.strictEqual(
        OrganizationWorld.isTreeCommand(c),
        Result.isSuccess(Dangjian.decodeCommand(c))
          && Organization.TreeCommand.members.some((m) => m.fields._tag.ast.literal === c._tag)
      )
    }
    assert.strictEqual(seen.size, 7)
  })
})
