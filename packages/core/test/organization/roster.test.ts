import { assert, describe, it } from "@effect/vitest"
import { Result } from "effect"
import { GovernancePolicy, Organization } from "../../src/index.ts"
import { addMember, approval, rejection, runAll, stateOf, township, village } from "./fixtures.ts"

const policy = GovernancePolicy.national

describe("Organization roster (the contract the membership pillar uses)", () => {
  it("streamId is organization-<orgId> and orgIdOf reverses it", () => {
    assert.strictEqual(Organization.streamId("v1"), "organization-v1")
    assert.strictEqual(Organization.orgIdOf("organization-v1"), "v1")
    assert.strictEqual(Organization.orgIdOf("member-m1"), undefined)
  })

  it("§3.2: FM counts full members, AM full and probationary, suspended counted nowhere", () => {
    const world = runAll(policy, [
      township(),
      village("v1", 3, 2),
      { _tag: "ChangeRosterStatus", orgId: "v1", memberId: "v1-f1", status: "suspended", at: "2024-02-01" }
    ])
    const state = stateOf(world, "v1")
    assert.strictEqual(Organization.fullCount(state), 2)
    assert.strictEqual(Organization.allCount(state), 4)
    assert.strictEqual(Organization.rosterStatus(state, "v1-f1"), "suspended")
    assert.strictEqual(Organization.rosterStatus(state, "nobody"), undefined)
    assert.isTrue(Organization.isActive(state))
    assert.strictEqual(Organization.kindOf(state), "branch")
    assert.strictEqual(Organization.locusOf(state), "village")
    assert.strictEqual(Organization.kindOf(Organization.initialState), undefined)
  })

  it("adds, converts and removes members; the events are exactly the contract's", () => {
    const world = runAll(policy, [township(), village("v1", 3), addMember("v1", "m9", "probationary")])
    const state = stateOf(world, "v1")
    const converted = Organization.decideRosterStatus(state, { memberId: "m9", status: "full", at: "2025-02-01" })
    assert.deepStrictEqual(
      converted,
      Result.succeed([
        { _tag: "RosterMemberStatusChanged", orgId: "v1", memberId: "m9", status: "full", at: "2025-02-01" }
      ])
    )
    const removed = Organization.decideRosterRemove(state, {
      memberId: "m9",
      reason: "transferredOut",
      at: "2025-03-01"
    })
    assert.deepStrictEqual(
      removed,
      Result.succeed([
        { _tag: "RosterMemberRemoved", orgId: "v1", memberId: "m9", reason: "transferredOut", at: "2025-03-01" }
      ])
    )
    const after = Result.getOrThrow(removed).reduce(Organization.evolve, state)
    assert.strictEqual(Organization.allCount(after), 3)
  })

  it("the same status again is nothing to do; full → probationary is rejected", () => {
    const state = stateOf(runAll(policy, [township(), village("v1", 3)]), "v1")
    assert.deepStrictEqual(
      Organization.decideRosterStatus(state, { memberId: "v1-f1", status: "full", at: "2024-02-01" }),
      Result.succeed([])
    )
    const back = Organization.decideRosterStatus(state, { memberId: "v1-f1", status: "probationary", at: "2024-02-01" })
    assert.isTrue(Result.isFailure(back) && back.failure.code === "organization.invalidStatusChange")
  })

  it("rejects a member already on, or not on, the roster", () => {
    const world = runAll(policy, [township(), village("v1", 3)])
    assert.strictEqual(rejection(policy, world, addMember("v1", "v1-f1")).code, "organization.alreadyOnRoster")
    assert.strictEqual(
      rejection(policy, world, {
        _tag: "RemoveRosterMember",
        orgId: "v1",
        memberId: "x",
        reason: "removed",
        at: "2024-02-01"
      })
        .code,
      "organization.notOnRoster"
    )
  })

  it("rejects roster changes on an unknown or dissolved organization, or dated before establishment", () => {
    assert.strictEqual(rejection(policy, runAll(policy, []), addMember("nowhere", "m1")).code, "domain.notFound")
    const world = runAll(policy, [
      township(),
      village("v1", 3),
      ...["v1-f1", "v1-f2", "v1-f3"].map((memberId): Organization.OrganizationCommand => ({
        _tag: "RemoveRosterMember",
        orgId: "v1",
        memberId,
        reason: "transferredOut",
        at: "2024-03-01"
      })),
      {
        _tag: "DissolveOrganization",
        orgId: "v1",
        reason: "conditionsLapsed",
        approval: approval("township", "2024-04-01"),
        at: "2024-04-01"
      }
    ])
    assert.strictEqual(rejection(policy, world, addMember("v1", "m1", "full", "2024-05-01")).code, "domain.closed")
    const fresh = runAll(policy, [township(), village("v2", 3)])
    assert.strictEqual(
      rejection(policy, fresh, addMember("v2", "m1", "full", "2023-12-31")).code,
      "organization.beforeEstablished"
    )
  })

  it("R9: a temporary branch admits nobody and takes no affiliation", () => {
    const world = runAll(policy, [
      township(),
      {
        _tag: "EstablishOrganization",
        orgId: "t1",
        name: "Flood works",
        kind: "temporaryBranch",
        formation: "standalone",
        locus: "project",
        parentId: "town",
        approval: approval("township"),
        initialMembers: [],
        hostBodyId: "flood-hq",
        at: "2024-01-01"
      }
    ])
    const admitted = rejection(policy, world, addMember("t1", "m1", "probationary"))
    assert.strictEqual(admitted.code, "organization.temporaryBranchNoAdmission")
    assert.strictEqual((admitted as { ruleId?: string }).ruleId, "R9")
    const transferred = rejection(policy, world, addMember("t1", "m1", "full"))
    assert.strictEqual(transferred.code, "organization.temporaryBranchNoAffiliation")
  })

  it("removing or suspending a member vacates their offices and group places", () => {
    const world = runAll(policy, [
      township(),
      village("v1", 5),
      {
        _tag: "AppointLeadership",
        orgId: "v1",
        secretaryId: "v1-f1",
        deputyIds: ["v1-f2"],
        committeeIds: [],
        approval: approval(),
        at: "2024-02-01"
      },
      {
        _tag: "FormPartyGroup",
        orgId: "v1",
        groupId: "g1",
        groupType: "retired",
        leaderId: "v1-f1",
        memberIds: ["v1-f1", "v1-f3", "v1-f4"],
        at: "2024-02-01"
      },
      { _tag: "ChangeRosterStatus", orgId: "v1", memberId: "v1-f2", status: "suspended", at: "2024-03-01" },
      { _tag: "RemoveRosterMember", orgId: "v1", memberId: "v1-f1", reason: "deceased", at: "2024-03-02" }
    ])
    const state = stateOf(world, "v1")
    assert.strictEqual(state.leadership.secretaryId, undefined)
    assert.deepStrictEqual(state.leadership.deputyIds, [])
    assert.deepStrictEqual(state.groups["g1"]!.memberIds, ["v1-f3", "v1-f4"])
    assert.strictEqual(state.groups["g1"]!.leaderId, undefined)
  })

  it("evolve never throws on an event that does not fit the state", () => {
    const state = Organization.evolve(Organization.initialState, {
      _tag: "RosterMemberRemoved",
      orgId: "x",
      memberId: "nobody",
      reason: "removed",
      at: "2024-01-01"
    })
    assert.strictEqual(state, Organization.initialState)
    const unknown = Organization.evolve(state, { _tag: "SomethingNew" } as unknown as Organization.OrganizationEvent)
    assert.strictEqual(unknown, state)
  })
})
