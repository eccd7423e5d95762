import { GovernancePolicy, Organization } from "@dangjian/core"
import type { Decider } from "@dangjian/core/kernel"
import { assert, describe, it } from "@effect/vitest"
import { Result } from "effect"
import { Specification } from "../src/index.ts"

const establish = (full: number): Organization.TreeCommand => ({
  _tag: "EstablishOrganization",
  orgId: "o1",
  name: "Branch one",
  kind: "branch",
  formation: "standalone",
  locus: "village",
  approval: { by: "approver", level: "county", at: "2024-03-01" },
  parentId: "t1",
  initialMembers: Array.from({ length: full }, (_, n) => ({ memberId: `m${n}`, status: "full" as const })),
  at: "2024-03-01"
})

const township: Organization.TreeCommand = {
  _tag: "EstablishOrganization",
  orgId: "t1",
  name: "Township",
  kind: "townshipCommittee",
  formation: "standalone",
  locus: "township",
  approval: { by: "approver", level: "county", at: "2024-01-01" },
  initialMembers: [],
  at: "2024-01-01"
}

const eventsOf = (
  then: Specification.Then<{ readonly [streamId: string]: ReadonlyArray<Decider.TaggedEvent> }, unknown>,
  streamId: string
): ReadonlyArray<Organization.OrganizationEvent> => {
  if (then.outcome._tag !== "Decided") throw new Error(`fixture rejected: ${JSON.stringify(then.outcome.error)}`)
  return (then.outcome.events[0]?.[streamId] ?? []) as ReadonlyArray<Organization.OrganizationEvent>
}

const policy = GovernancePolicy.national
const townshipEvents = eventsOf(
  Specification.givenRoute(Organization.treeRoute, policy, {}).when(township),
  "organization-t1"
)
const single = Organization.decider(policy)
const underTownship = (full: number) =>
  Specification.givenRoute(Organization.treeRoute, policy, { "organization-t1": townshipEvents }).when(establish(full))
const historyOf = (full: number) => eventsOf(underTownship(full), "organization-o1")

describe("Specification", () => {
  it("R1: a standalone branch with 2 full members is rejected with its rule id", () => {
    Specification.verify(underTownship(2).expectRejection({ ruleId: "R1" }))
  })

  it("R1: a standalone branch with 3 full members is established on its own stream", () => {
    const then = underTownship(3)
    assert.strictEqual(then.outcome._tag, "Decided")
    assert.isTrue(Result.isFailure(then.expectRejection({ ruleId: "R1" })))
    assert.strictEqual(historyOf(3)[0]?._tag, "OrganizationEstablished")
  })

  it("single stream: expects events, nothing, or a typed rejection", () => {
    const history = historyOf(3)
    const add: Organization.OrganizationCommand = {
      _tag: "AddRosterMember",
      orgId: "o1",
      memberId: "m9",
      status: "full",
      reason: "admitted",
      at: "2024-04-01"
    }
    const then = Specification.given(single, history).when(add)
    assert.strictEqual(then.outcome._tag, "Decided")
    if (then.outcome._tag === "Decided") Specification.verify(then.expectEvents(then.outcome.events))
    Specification.verify(
      Specification.given(single, []).when(add).expectRejection({ code: "domain.notFound" })
    )
  })

  it("a wrong expectation is a typed failure, and verify fails the test with a diff", () => {
    const result = Specification.given(single, []).when({
      _tag: "AddRosterMember",
      orgId: "o1",
      memberId: "m9",
      status: "full",
      reason: "admitted",
      at: "2024-04-01"
    }).expectNothing()
    assert.isTrue(Result.isFailure(result))
    if (Result.isFailure(result)) assert.strictEqual(result.failure.description, "expected no events")
    assert.throws(() => Specification.verify(result))
  })

  it("projections: expected read model, replayed twice", () => {
    const count = { initialState: 0, apply: (n: number, _e: string) => n + 1 }
    Specification.verify(Specification.projection(count, ["a", "b"], 2))
    assert.isTrue(Result.isFailure(Specification.projection(count, ["a"], 2)))
    let calls = 0
    const impure = { initialState: 0, apply: (n: number, _e: string) => n + (calls++ < 1 ? 1 : 2) }
    const replayed = Specification.projection(impure, ["a"], 1)
    assert.isTrue(Result.isFailure(replayed) && replayed.failure.description.startsWith("replaying twice"))
  })
})
