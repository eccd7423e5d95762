// Arbitraries.townshipHistory: every accepted command of a three-pillar history is accepted by
// Dangjian.execute on the in-memory store, in order; the pure DangjianWorld and the store agree on every
// resolved command; and the histories reach every pillar.
import { Dangjian, GovernancePolicy, MemoryStore } from "@dangjian/core"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Result } from "effect"
import fc from "fast-check"
import { Arbitraries, DangjianWorld } from "../src/index.ts"

const policies = GovernancePolicy.national

const outcomes = (commands: ReadonlyArray<Dangjian.Command>) =>
  Effect.runPromise(
    Effect.forEach(commands, (c) => Effect.result(Dangjian.execute(c, { policies }))).pipe(
      Effect.provide(MemoryStore.layer({ codec: Dangjian.codec }))
    )
  )

describe("Arbitraries.townshipHistory", () => {
  it(
    "every accepted command is accepted by Dangjian.execute on the memory store, across the three pillars",
    async () => {
      const tags = new Set<string>()
      let accepted = 0
      await fc.assert(
        fc.asyncProperty(Arbitraries.townshipHistory(), async (history) => {
          const results = await outcomes(history.accepted)
          results.forEach((r, n) => {
            if (Result.isFailure(r)) {
              assert.fail(`${history.accepted[n]?._tag} rejected: ${r.failure._tag} ${JSON.stringify(r.failure)}`)
            }
          })
          for (const c of history.accepted) tags.add(c._tag)
          accepted += history.accepted.length
        }),
        { numRuns: 60 }
      )
      // not vacuous: the histories reach members, transfers, mobile members, check-ins and agreements
      for (
        const tag of [
          "EstablishOrganization",
          "RegisterMember",
          "AdmitMember",
          "ConvertMember",
          "IssueTransferLetter",
          "ReceiveTransfer",
          "RegisterMobileMember",
          "CheckInAtCommunity",
          "RecordVote",
          "CheckInUnit",
          "SignAgreement",
          "RecordAgreementActivity",
          "SubmitAgreementReport",
          "FormCouncil"
        ]
      ) assert.isTrue(tags.has(tag), tag)
      assert.isAbove(accepted, 400)
    },
    120_000
  )

  it("the pure world and the store accept and reject the same resolved commands", async () => {
    await fc.assert(
      fc.asyncProperty(Arbitraries.townshipHistory({ members: 30, agreements: 15 }), async (history) => {
        const results = await outcomes(history.commands)
        assert.deepStrictEqual(history.commands.filter((_, i) => Result.isSuccess(results[i]!)), history.accepted)
        assert.deepStrictEqual(DangjianWorld.play(policies, history.accepted).world, history.world)
      }),
      { numRuns: 30 }
    )
  }, 120_000)

  it("a failing property shrinks to a small history", () => {
    const out = fc.check(
      fc.property(Arbitraries.townshipHistory(), (h) => !h.accepted.some((c) => c._tag === "ReceiveTransfer")),
      { seed: 4 }
    )
    assert.isTrue(out.failed)
    const [shrunk] = out.counterexample ?? []
    // one village and one branch, and only the steps that lead to a received transfer
    assert.isAtMost(shrunk?.memberIntents.length ?? 99, 4)
    assert.strictEqual(shrunk?.agreementIntents.length, 0)
    assert.strictEqual(shrunk?.accepted.at(-1)?._tag, "ReceiveTransfer")
  })
})
