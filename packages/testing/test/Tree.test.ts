import { Dangjian, MemoryStore } from "@dangjian/core"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import fc from "fast-check"
import { Arbitraries } from "../src/index.ts"

describe("Arbitraries.organizationTree", () => {
  it("every generated tree decodes and is accepted command by command", async () => {
    const decode = Schema.decodeUnknownSync(Dangjian.Command)
    await fc.assert(
      fc.asyncProperty(Arbitraries.organizationTree(), async (commands) => {
        const outcomes = await Effect.runPromise(
          Effect.provide(
            Effect.forEach(commands, (c) => Effect.result(Dangjian.execute(decode(JSON.parse(JSON.stringify(c)))))),
            MemoryStore.layer({ codec: Dangjian.codec })
          )
        )
        const rejected = outcomes.filter((o) => o._tag === "Failure")
        assert.deepStrictEqual(rejected, [])
      }),
      { numRuns: 25 }
    )
  })

  it("R1: the check can fail: a last branch cut to two full members is rejected", async () => {
    const [commands = []] = fc.sample(Arbitraries.organizationTree(), { numRuns: 1, seed: 9 })
    const last = commands[commands.length - 1]
    assert.isTrue(last?._tag === "EstablishOrganization" && last.kind === "branch")
    const broken = last?._tag === "EstablishOrganization"
      ? [...commands.slice(0, -1), { ...last, initialMembers: last.initialMembers.slice(0, 2) }]
      : commands
    const outcomes = await Effect.runPromise(
      Effect.provide(
        Effect.forEach(broken, (c) => Effect.result(Dangjian.execute(c))),
        MemoryStore.layer({ codec: Dangjian.codec })
      )
    )
    assert.deepStrictEqual(outcomes.map((o) => o._tag).slice(-2), ["Success", "Failure"])
  })

  it("respects the chosen shape", () => {
    const shape = { units: { min: 2, max: 2 }, branchesPerUnit: { min: 3, max: 3 } }
    for (const commands of fc.sample(Arbitraries.organizationTree(shape), { numRuns: 10, seed: 5 })) {
      assert.strictEqual(commands.length, 1 + 2 + 2 * 3)
    }
  })
})
