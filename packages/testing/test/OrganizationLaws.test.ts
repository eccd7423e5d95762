import { GovernancePolicy, Organization } from "@dangjian/core"
import { Decider } from "@dangjian/core/kernel"
import { assert, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import fc from "fast-check"
import { Arbitraries, Laws, Specification } from "../src/index.ts"

const policy = GovernancePolicy.national
const command = (c: Organization.TreeCommand) => c
const township = command({
  _tag: "EstablishOrganization",
  orgId: "t1",
  name: "Township",
  kind: "townshipCommittee",
  formation: "standalone",
  locus: "township",
  approval: { by: "approver", level: "county", at: "2024-01-01" },
  initialMembers: [],
  at: "2024-01-01"
})
const branch = command({
  _tag: "EstablishOrganization",
  orgId: "o1",
  name: "Branch",
  kind: "branch",
  formation: "standalone",
  locus: "village",
  parentId: "t1",
  approval: { by: "approver", level: "county", at: "2024-03-01" },
  initialMembers: ["m0", "m1", "m2", "m3"].map((memberId) => ({ memberId, status: "full" as const })),
  at: "2024-03-01"
})

const decided = (then: { readonly outcome: Specification.Outcome<unknown, unknown> }) => {
  if (then.outcome._tag !== "Decided") throw new Error("fixture rejected")
  return then.outcome.events[0] as { readonly [id: string]: ReadonlyArray<Organization.OrganizationEvent> }
}
const t1 = decided(Specification.givenRoute(Organization.treeRoute, policy, {}).when(township))["organization-t1"] ?? []
const o1 = decided(Specification.givenRoute(Organization.treeRoute, policy, { "organization-t1": t1 }).when(branch))[
  "organization-o1"
] ?? []

const base = Organization.decider(policy)
// The organization decider, starting from an established branch of four full members.
const established = { ...base, initialState: Decider.fold(base.evolve, base.initialState, o1) }
const commands = Arbitraries.rosterCommands("o1", { maxLength: 25 })

describe("Organization laws", () => {
  it("every generated roster command decodes with OrganizationCommand", () => {
    const decode = Schema.decodeUnknownSync(Organization.OrganizationCommand)
    fc.assert(
      fc.property(Arbitraries.rosterCommand("o1"), (c) => {
        assert.deepStrictEqual(decode(JSON.parse(JSON.stringify(c))), c)
      }),
      { numRuns: 300 }
    )
  })

  it("decide never throws, on an empty and on an established stream", () => {
    fc.assert(Laws.decideNeverThrows(base, commands), { numRuns: 100 })
    fc.assert(Laws.decideNeverThrows(established, commands), { numRuns: 200 })
  })

  it("replay is deterministic and the state is the fold of the log", () => {
    fc.assert(Laws.replayDeterminism(established, commands), { numRuns: 200 })
  })

  it("the generated sequences reach accepted decisions", () => {
    const accepted = fc.sample(commands, { numRuns: 50, seed: 3 })
      .map((cs) => Laws.run(established, cs).log.length)
      .reduce((a, b) => a + b, 0)
    assert.isTrue(accepted > 20)
  })
})
