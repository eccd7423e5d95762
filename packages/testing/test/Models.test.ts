// The member and organization models (fast-check `commands`): random command sequences against
// Dangjian.execute on the in-memory store, checked after every command against a model that predicts
// acceptance on its own; the models are checked too (a fixed history, and a wrong model is caught).
import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import { Models } from "../src/index.ts"

describe("Models.member", () => {
  it(
    "no member command sequence reaches a state the model forbids; rosters and the projection equal the model",
    async () => {
      let accepted = 0
      let rejected = 0
      await fc.assert(
        fc.asyncProperty(Models.memberCommands(), async (cmds) => {
          const setup = await Models.memberSetup()
          await fc.asyncModelRun(() => setup, cmds)
          accepted += setup.model.accepted
          rejected += setup.model.rejected
        }),
        { numRuns: 100 }
      )
      // not vacuous: many commands were accepted and many rejected
      assert.isAbove(accepted, 500)
      assert.isAbove(rejected, 300)
    },
    120_000
  )

  it("a fixed history: admission, conversion after a year, transfer, check-in and votes", async () => {
    const setup = await Models.memberSetup()
    const { model } = setup
    const byLabel = (label: string) => {
      const [found] = fc.sample(Models.memberCommand.filter((c) => c.toString() === label), { numRuns: 1, seed: 1 })
      if (found === undefined) throw new Error(label)
      return found
    }
    await fc.asyncModelRun(() => setup, [
      byLabel("Register(v1-m0, v1)"),
      byLabel("Admit(n0, v2)"),
      byLabel("Vote(v1-m0, v1)"),
      byLabel("Vote(n0, v2)"),
      byLabel("Convert(n0)"),
      byLabel("CheckIn(v1-m0, c1)"),
      byLabel("Vote(v1-m0, c1)")
    ])
    assert.deepStrictEqual([model.accepted, model.rejected], [4, 3])
    assert.strictEqual(model.members["n0"]?.status, "probationary")
    assert.strictEqual(model.members["v1-m0"]?.checkIn, "c1")
  })
})

describe("Models.organization", () => {
  it("no roster command sequence reaches a state the model forbids; the tree projection equals the model", async () => {
    let accepted = 0
    await fc.assert(
      fc.asyncProperty(Models.organizationCommands(), async (cmds) => {
        const setup = await Models.organizationSetup()
        await fc.asyncModelRun(() => setup, cmds)
        accepted += setup.model.accepted
      }),
      { numRuns: 100 }
    )
    assert.isAbove(accepted, 500)
  }, 120_000)

  it("the check can fail: a model that allows a status change the rules forbid is caught and shrunk", async () => {
    // A broken model: every status change is allowed (full → probationary is not).
    const broken = Models.organizationCommand.map((c) => {
      const label = c.toString()
      if (!label.startsWith("Status(") || !label.endsWith(", probationary)")) return c
      return {
        ...c,
        run: async (model: Models.OrganizationModel, real: Models.Real) => {
          const orgId = label.slice(7, label.indexOf(","))
          const memberId = label.slice(label.indexOf(",") + 2, label.lastIndexOf(","))
          if (model.rosters[orgId]?.[memberId] === "full") model.rosters[orgId][memberId] = "probationary"
          await c.run(model, real)
        },
        toString: () => label
      }
    })
    const out = await fc.check(
      fc.asyncProperty(fc.commands([broken], { maxCommands: 30 }), async (cmds) => {
        const setup = await Models.organizationSetup()
        await fc.asyncModelRun(() => setup, cmds)
      }),
      { numRuns: 200, seed: 3 }
    )
    assert.isTrue(out.failed)
    // shrunk to the single offending command on a listed full member
    const shrunk = [...(out.counterexample?.[0] ?? [])].map(String)
    assert.strictEqual(shrunk.length, 1)
    assert.match(shrunk[0] ?? "", /^Status\(v[12], v[12]-m[01], probationary\)$/)
  }, 120_000)
})
