import { assert, describe, it } from "@effect/vitest"
import { GovernancePolicy, Organization } from "../../src/index.ts"
import type { World } from "./fixtures.ts"
import { approval, members, rejection, run, runAll, stateOf, township, village } from "./fixtures.ts"

const national = GovernancePolicy.national
const s001 = GovernancePolicy.s001Village
const s002 = GovernancePolicy.s002ResettlementArea

const ruleOf = (error: { readonly code: string }) => [(error as { ruleId?: string }).ruleId, error.code]

const upgrade = (
  orgId: string,
  to: Organization.OrgKind,
  options: Partial<typeof Organization.UpgradeOrganization.Type> = {}
): Organization.TreeCommand => ({
  _tag: "UpgradeOrganization",
  orgId,
  to,
  approval: approval(to === "primaryCommittee" ? "county" : "township", "2024-05-01"),
  at: "2024-05-01",
  ...options
})

const withTown = (...commands: ReadonlyArray<Organization.TreeCommand | Organization.OrganizationCommand>): World =>
  runAll(national, [township(), ...commands])

describe("Organization: setting up (R1, R2, R6, R14, R27, R48)", () => {
  it("R1: rejects a standalone branch with 2 full members (and 5 probationary: AM 7)", () => {
    const error = rejection(national, withTown(), village("v1", 2, 5))
    assert.deepStrictEqual(ruleOf(error), ["R1", "organization.branchTooSmall"])
    assert.deepStrictEqual(error.params, {
      orgId: "v1",
      kind: "branch",
      full: 2,
      required: 3
    })
  })

  it("R1: accepts a branch with exactly 3 full members", () => {
    const world = withTown(village("v1", 3))
    assert.strictEqual(Organization.fullCount(stateOf(world, "v1")), 3)
    assert.deepStrictEqual(stateOf(world, "town").children, { v1: "branch" })
  })

  it("R2: a village with FM < 3 joins a joint branch that reaches FM 3 in total", () => {
    const joint = (units: number, full: number): Organization.TreeCommand => ({
      _tag: "EstablishOrganization",
      orgId: "j1",
      name: "Joint",
      kind: "jointBranch",
      formation: "joint",
      locus: "village",
      parentId: "town",
      approval: approval(),
      initialMembers: members("j1", full, 1),
      coveredUnits: Array.from({ length: units }, (_, i) => ({ unitId: `u${i + 1}`, fullCount: i === 0 ? 2 : 1 })),
      at: "2024-01-01"
    })
    assert.deepStrictEqual(ruleOf(rejection(national, withTown(), joint(5, 2))), ["R2", "organization.branchTooSmall"])
    assert.deepStrictEqual(ruleOf(rejection(national, withTown(), joint(1, 3))), ["R2", "organization.jointNeedsUnits"])
    const five = withTown(joint(5, 6))
    assert.strictEqual(Object.keys(stateOf(five, "j1").coveredUnits).length, 5)
    // R2: a 6th unit is accepted (a warning finding, not a rejection)
    const six = runAll(
      national,
      [{ _tag: "CoverUnit", orgId: "j1", unitId: "u6", fullCount: 1, at: "2024-02-01" }],
      five
    )
    assert.strictEqual(Object.keys(stateOf(six, "j1").coveredUnits).length, 6)
  })

  it("R6: a village branch needs township approval or higher", () => {
    const error = rejection(national, withTown(), village("v1", 3, 0, { approval: approval("primaryCommittee") }))
    assert.deepStrictEqual(ruleOf(error), ["R6", "organization.approvalLevelTooLow"])
    // an enterprise branch may be approved by the unit's primary committee
    const enterprise = withTown(village("e1", 3, 0, { locus: "enterprise", approval: approval("primaryCommittee") }))
    assert.isTrue(Organization.isActive(stateOf(enterprise, "e1")))
  })

  it("R14: 村社挂建 is a community organization attached to an active village organization", () => {
    const attached = (host?: string): Organization.TreeCommand =>
      village("c1", 1, 2, {
        locus: "community",
        formation: "attachedToVillage",
        parentId: "v1",
        ...(host === undefined ? {} : { hostVillageOrgId: host })
      })
    const world = withTown(village("v1", 3), upgrade("v1", "generalBranch", { workNeed: true }))
    assert.deepStrictEqual(ruleOf(rejection(national, world, attached())), ["R14", "organization.attachedNeedsVillage"])
    // attached orgs are branches and still need FM ≥ 3 (R1)
    assert.deepStrictEqual(ruleOf(rejection(national, world, attached("v1"))), ["R1", "organization.branchTooSmall"])
    const ok = runAll(national, [{
      ...(attached("v1") as typeof Organization.EstablishOrganization.Type),
      initialMembers: members("c1", 3)
    }], world)
    assert.strictEqual(stateOf(ok, "c1").hostVillageOrgId, "v1")
    const notCommunity = {
      ...(attached("v1") as typeof Organization.EstablishOrganization.Type),
      locus: "village" as const
    }
    assert.deepStrictEqual(ruleOf(rejection(national, world, notCommunity)), [
      "R14",
      "organization.formationNeedsCommunity"
    ])
  })

  it("R27: 村居合一 needs both names and one leadership team", () => {
    const unified = (aliases: ReadonlyArray<string>, mergedLeadership: boolean) =>
      village("vc", 5, 0, { formation: "villageCommunityUnified", aliases, mergedLeadership })
    assert.deepStrictEqual(ruleOf(rejection(national, withTown(), unified(["A村"], true))), [
      "R27",
      "organization.unifiedNeedsAliases"
    ])
    assert.deepStrictEqual(ruleOf(rejection(national, withTown(), unified(["A村", "A社区"], false))), [
      "R27",
      "organization.unifiedNeedsAliases"
    ])
    assert.deepStrictEqual(stateOf(withTown(unified(["A村", "A社区"], true)), "vc").aliases, ["A村", "A社区"])
  })

  it("R48: 村企联建 names the enterprise it joins", () => {
    const error = rejection(national, withTown(), village("ve", 4, 0, { formation: "villageEnterprise" }))
    assert.deepStrictEqual(ruleOf(error), ["R48", "organization.villageEnterpriseNeedsUnit"])
    const world = withTown(
      village("ve", 4, 0, { formation: "villageEnterprise", coveredUnits: [{ unitId: "factory", fullCount: 2 }] })
    )
    assert.deepStrictEqual(stateOf(world, "ve").coveredUnits, { factory: 2 })
  })

  it("R9: a temporary branch names its host body and takes no members; it ends with its host body", () => {
    const temporary = (hostBodyId?: string, full = 0): Organization.TreeCommand => ({
      _tag: "EstablishOrganization",
      orgId: "t1",
      name: "Flood works",
      kind: "temporaryBranch",
      formation: "standalone",
      locus: "project",
      parentId: "town",
      approval: approval(),
      initialMembers: members("t1", full),
      ...(hostBodyId === undefined ? {} : { hostBodyId }),
      at: "2024-01-01"
    })
    assert.deepStrictEqual(ruleOf(rejection(national, withTown(), temporary())), [
      "R9",
      "organization.temporaryNeedsHostBody"
    ])
    assert.deepStrictEqual(ruleOf(rejection(national, withTown(), temporary("hq", 3))), [
      "R9",
      "organization.temporaryBranchNoAffiliation"
    ])
    const world = withTown(temporary("hq"))
    assert.deepStrictEqual(ruleOf(rejection(national, world, upgrade("t1", "generalBranch", { workNeed: true }))), [
      "R9",
      "organization.temporaryBranchFixed"
    ])
    const ended = runAll(national, [{
      _tag: "DissolveOrganization",
      orgId: "t1",
      reason: "hostBodyDissolved",
      at: "2024-09-01"
    }], world)
    assert.strictEqual(stateOf(ended, "t1").status, "dissolved")
    assert.deepStrictEqual(stateOf(ended, "town").children, {})
    const notTemporary = withTown(village("v1", 3))
    assert.strictEqual(
      rejection(national, notTemporary, {
        _tag: "DissolveOrganization",
        orgId: "v1",
        reason: "hostBodyDissolved",
        at: "2024-09-01"
      }).code,
      "organization.notTemporary"
    )
  })

  it("R11: a mobile-member branch names origin and host, and records the host's consent", () => {
    const mobile = (extra: Partial<typeof Organization.EstablishOrganization.Type>): Organization.TreeCommand => ({
      _tag: "EstablishOrganization",
      orgId: "mb",
      name: "Mobile members in the city",
      kind: "mobileMemberBranch",
      formation: "standalone",
      locus: "other",
      parentId: "town",
      approval: approval(),
      initialMembers: members("mb", 3),
      at: "2024-01-01",
      ...extra
    })
    assert.deepStrictEqual(ruleOf(rejection(national, withTown(), mobile({}))), [
      "R11",
      "organization.mobileNeedsOriginAndHost"
    ])
    assert.deepStrictEqual(
      ruleOf(rejection(national, withTown(), mobile({ originOrgId: "town", hostOrgId: "city-park" }))),
      ["R11", "organization.hostConsentMissing"]
    )
    const noConsentNeeded = { ...national, requireHostConsent: false }
    assert.isTrue(
      Organization.isActive(
        stateOf(runAll(noConsentNeeded, [township(), mobile({ originOrgId: "town", hostOrgId: "city-park" })]), "mb")
      )
    )
    const world = withTown(mobile({ originOrgId: "town", hostOrgId: "city-park", hostConsentAt: "2023-12-20" }))
    assert.strictEqual(stateOf(world, "mb").hostConsentAt, "2023-12-20")
  })

  it("rejects an organization established twice, or approved after the act", () => {
    const world = withTown(village("v1", 3))
    assert.strictEqual(rejection(national, world, village("v1", 3)).code, "domain.alreadyExists")
    assert.strictEqual(
      rejection(national, withTown(), village("v2", 3, 0, { approval: approval("township", "2024-02-01") })).code,
      "organization.approvalAfterAct"
    )
  })
})

describe("Organization: the tree (R15, R55, C6, C7)", () => {
  it("R15: a branch cannot sit under a branch, nor a general branch under a general branch", () => {
    const world = withTown(village("v1", 3))
    const sub = village("v1a", 3, 0, { parentId: "v1" })
    assert.deepStrictEqual(ruleOf(rejection(national, world, sub)), ["R15", "organization.kindIncompatible"])
    const gb = withTown(village("v1", 60), upgrade("v1", "generalBranch"))
    const nested = village("v1b", 60, 0, { kind: "generalBranch", parentId: "v1" })
    assert.deepStrictEqual(ruleOf(rejection(national, gb, nested)), ["R15", "organization.kindIncompatible"])
    const township2 = { ...(township("t2") as typeof Organization.EstablishOrganization.Type), parentId: "town" }
    assert.deepStrictEqual(ruleOf(rejection(national, world, township2)), ["R15", "organization.kindIncompatible"])
  })

  it("C7: a functional branch sits under a general branch, not directly under the township", () => {
    const functional = (parentId: string) => village("f1", 3, 0, { kind: "functionalBranch", parentId })
    const world = withTown(village("v1", 60), upgrade("v1", "generalBranch"))
    assert.deepStrictEqual(ruleOf(rejection(national, world, functional("town"))), [
      "R15",
      "organization.kindIncompatible"
    ])
    assert.deepStrictEqual(stateOf(runAll(national, [functional("v1")], world), "v1").children, {
      f1: "functionalBranch"
    })
  })

  it("R55: a village's organization is led by the township or subdistrict committee", () => {
    const root = village("v1", 3, 0, {})
    const { parentId: _omit, ...withoutParent } = root as typeof Organization.EstablishOrganization.Type
    assert.deepStrictEqual(ruleOf(rejection(national, withTown(), withoutParent)), ["R55", "organization.parentLevel"])
    const enterprise = withTown(
      village("corp", 120, 0, { kind: "primaryCommittee", locus: "enterprise", approval: approval("county") })
    )
    const underEnterprise = village("v2", 3, 0, { parentId: "corp" })
    assert.deepStrictEqual(ruleOf(rejection(national, enterprise, underEnterprise)), [
      "R55",
      "organization.parentLevel"
    ])
    // an enterprise organization needs no township parent
    const { parentId: _p, ...rootEnterprise } = village("e1", 3, 0, {
      locus: "enterprise"
    }) as typeof Organization.EstablishOrganization.Type
    assert.isTrue(Organization.isActive(stateOf(withTown(rootEnterprise), "e1")))
    // a community branch under a subdistrict committee
    const subdistrict: Organization.TreeCommand = {
      ...(township("sd") as typeof Organization.EstablishOrganization.Type),
      kind: "subdistrictCommittee",
      locus: "subdistrict"
    }
    const community = withTown(subdistrict, village("c1", 3, 0, { locus: "community", parentId: "sd" }))
    assert.strictEqual(stateOf(community, "c1").parentId, "sd")
  })

  it("R15: moving keeps kinds compatible, records the move on both parents, and cannot create a cycle", () => {
    const world = withTown(
      village("v1", 60),
      upgrade("v1", "generalBranch"),
      village("v2", 3),
      { ...(township("town2") as typeof Organization.EstablishOrganization.Type) }
    )
    const moved = runAll(national, [
      { _tag: "MoveOrganization", orgId: "v2", toParentId: "v1", approval: approval(), at: "2024-06-01" }
    ], world)
    assert.strictEqual(stateOf(moved, "v2").parentId, "v1")
    assert.deepStrictEqual(stateOf(moved, "v1").children, { v2: "branch" })
    assert.deepStrictEqual(stateOf(moved, "town").children, { v1: "generalBranch" })
    // moving a general branch under its own child branch (a cycle) is a kind incompatibility
    const cycle = rejection(national, moved, {
      _tag: "MoveOrganization",
      orgId: "v1",
      toParentId: "v2",
      approval: approval(),
      at: "2024-06-02"
    })
    assert.deepStrictEqual(ruleOf(cycle), ["R15", "organization.kindIncompatible"])
    const self = rejection(national, moved, {
      _tag: "MoveOrganization",
      orgId: "v1",
      toParentId: "v1",
      approval: approval(),
      at: "2024-06-02"
    })
    assert.deepStrictEqual(ruleOf(self), ["R15", "organization.kindIncompatible"])
    // moving to the same parent is nothing to do
    const same = run(national, moved, {
      _tag: "MoveOrganization",
      orgId: "v2",
      toParentId: "v1",
      approval: approval(),
      at: "2024-06-03"
    })
    assert.isTrue(same._tag === "Success" && same.success.log.length === moved.log.length)
  })

  it("R15: a general branch with branches below it cannot become a branch", () => {
    const world = withTown(
      village("v1", 60),
      upgrade("v1", "generalBranch"),
      {
        _tag: "SplitOrganization",
        orgId: "v1",
        placement: "children",
        parts: [{ orgId: "v1a", name: "A", memberIds: ["v1-f1", "v1-f2", "v1-f3"] }],
        approval: approval("township", "2024-06-01"),
        at: "2024-06-01"
      }
    )
    const error = rejection(national, world, {
      _tag: "DowngradeOrganization",
      orgId: "v1",
      to: "branch",
      approval: approval(),
      at: "2024-07-01"
    })
    assert.deepStrictEqual(ruleOf(error), ["R15", "organization.childrenIncompatible"])
  })
})

describe("Organization: upgrading (R4, R5, C2, C3, C5)", () => {
  it("R4 / C3: at AM 50 the national rule needs a stated work need; at 51 it does not", () => {
    const fifty = withTown(village("v1", 40, 10))
    assert.deepStrictEqual(
      ruleOf(rejection(national, fifty, upgrade("v1", "generalBranch"))),
      ["R4", "organization.generalBranchBelowThreshold"]
    )
    assert.strictEqual(
      stateOf(runAll(national, [upgrade("v1", "generalBranch", { workNeed: true })], fifty), "v1").kind,
      "generalBranch"
    )
    const fiftyOne = withTown(village("v1", 40, 11))
    assert.strictEqual(
      stateOf(runAll(national, [upgrade("v1", "generalBranch")], fiftyOne), "v1").kind,
      "generalBranch"
    )
  })

  it("C3: the same upgrade at AM 50 is accepted under the S001 preset (50名以上, inclusive)", () => {
    const world = runAll(s001, [township(), village("v1", 40, 10)])
    const upgraded = runAll(s001, [upgrade("v1", "generalBranch")], world)
    assert.strictEqual(stateOf(upgraded, "v1").kind, "generalBranch")
    assert.strictEqual(stateOf(upgraded, "town").children["v1"], "generalBranch")
  })

  it("R5: AM 99 cannot set up a committee; AM 100 can, with county approval", () => {
    const ninetyNine = withTown(village("v1", 90, 9))
    assert.deepStrictEqual(
      ruleOf(rejection(national, ninetyNine, upgrade("v1", "primaryCommittee"))),
      ["R5", "organization.partyCommitteeBelowThreshold"]
    )
    const hundred = withTown(village("v1", 90, 10))
    const township = upgrade("v1", "primaryCommittee", { approval: approval("township", "2024-05-01") })
    assert.deepStrictEqual(ruleOf(rejection(national, hundred, township)), ["R5", "organization.approvalLevelTooLow"])
    assert.strictEqual(
      stateOf(runAll(national, [upgrade("v1", "primaryCommittee")], hundred), "v1").kind,
      "primaryCommittee"
    )
  })

  it("R5 / C5: under S002 the committee also needs a good foundation and a venue", () => {
    const world = runAll(s002, [township(), village("v1", 90, 10)])
    const error = rejection(s002, world, upgrade("v1", "primaryCommittee", { localConditions: ["goodFoundation"] }))
    assert.deepStrictEqual(ruleOf(error), ["R5", "organization.localGuardMissing"])
    const ok = runAll(s002, [
      upgrade("v1", "primaryCommittee", { localConditions: ["goodFoundation", "venue"], secondTier: true })
    ], world)
    assert.isTrue(stateOf(ok, "v1").secondTier)
  })

  it("R5: a general branch counts the members of its branches when it becomes a committee", () => {
    const world = withTown(
      village("v1", 80, 20),
      upgrade("v1", "generalBranch"),
      {
        _tag: "SplitOrganization",
        orgId: "v1",
        placement: "children",
        parts: [
          { orgId: "v1a", name: "A", memberIds: members("v1", 40).map((m) => m.memberId) },
          {
            orgId: "v1b",
            name: "B",
            memberIds: [...members("v1", 80).slice(40), ...members("v1", 0, 20)].map((m) => m.memberId)
          }
        ],
        approval: approval("township", "2024-06-01"),
        at: "2024-06-01"
      }
    )
    assert.strictEqual(Organization.allCount(stateOf(world, "v1")), 0)
    const upgraded = runAll(national, [
      upgrade("v1", "primaryCommittee", { at: "2024-07-01", approval: approval("county", "2024-07-01") })
    ], world)
    assert.strictEqual(stateOf(upgraded, "v1").kind, "primaryCommittee")
    assert.deepStrictEqual(Organization.childIds(stateOf(upgraded, "v1")).slice().sort(), ["v1a", "v1b"])
  })

  it("only a higher kind is an upgrade", () => {
    const world = withTown(village("v1", 60))
    assert.strictEqual(rejection(national, world, upgrade("v1", "branch")).code, "organization.notAnUpgrade")
    assert.strictEqual(rejection(national, world, upgrade("v1", "townshipCommittee")).code, "organization.notAnUpgrade")
  })
})

describe("Organization: split, merge, dissolve (R3, R7, R38)", () => {
  it("R3: a branch of 60 splits into sibling branches; every part and the rest keep FM ≥ 3 (R1)", () => {
    const world = withTown(village("v1", 55, 5))
    const split = (memberIds: ReadonlyArray<string>): Organization.TreeCommand => ({
      _tag: "SplitOrganization",
      orgId: "v1",
      placement: "siblings",
      parts: [{ orgId: "v1-east", name: "East", memberIds }],
      approval: approval("township", "2024-06-01"),
      at: "2024-06-01"
    })
    assert.deepStrictEqual(ruleOf(rejection(national, world, split(["v1-f1", "v1-f2", "v1-p1"]))), [
      "R1",
      "organization.branchTooSmall"
    ])
    const allButTwo = members("v1", 53).map((m) => m.memberId)
    assert.deepStrictEqual(ruleOf(rejection(national, world, split(allButTwo))), ["R1", "organization.branchTooSmall"])
    const half = [...members("v1", 28).map((m) => m.memberId), "v1-p1", "v1-p2"]
    const after = runAll(national, [split(half)], world)
    assert.strictEqual(Organization.allCount(stateOf(after, "v1")), 30)
    assert.strictEqual(Organization.allCount(stateOf(after, "v1-east")), 30)
    assert.strictEqual(Organization.rosterStatus(stateOf(after, "v1-east"), "v1-p1"), "probationary")
    assert.deepStrictEqual(stateOf(after, "town").children, { v1: "branch", "v1-east": "branch" })
    const again = {
      ...(split(["v1-f1"]) as typeof Organization.SplitOrganization.Type),
      parts: [{ orgId: "v1-west", name: "West", memberIds: ["v1-f1"] }]
    }
    assert.strictEqual(rejection(national, after, again).code, "organization.notOnRoster")
  })

  it("R7 / R38: a branch below 3 full members merges into another; its members move with it", () => {
    const world = withTown(
      village("v1", 3),
      village("v2", 5),
      { _tag: "RemoveRosterMember", orgId: "v1", memberId: "v1-f3", reason: "transferredOut", at: "2024-03-01" }
    )
    const merged = runAll(national, [{
      _tag: "MergeOrganization",
      orgId: "v1",
      intoOrgId: "v2",
      approval: approval("township", "2024-04-01"),
      at: "2024-04-01"
    }], world)
    assert.strictEqual(stateOf(merged, "v1").status, "dissolved")
    assert.strictEqual(stateOf(merged, "v1").mergedInto, "v2")
    assert.strictEqual(Organization.fullCount(stateOf(merged, "v2")), 7)
    assert.deepStrictEqual(stateOf(merged, "town").children, { v2: "branch" })
    assert.strictEqual(
      rejection(national, world, {
        _tag: "MergeOrganization",
        orgId: "v1",
        intoOrgId: "v1",
        approval: approval(),
        at: "2024-04-01"
      }).code,
      "organization.mergeIntoSelf"
    )
  })

  it("merging a general branch moves its branches to the target", () => {
    const world = withTown(
      village("g1", 60),
      upgrade("g1", "generalBranch"),
      {
        _tag: "SplitOrganization",
        orgId: "g1",
        placement: "children",
        parts: [{ orgId: "g1a", name: "A", memberIds: members("g1", 30).map((m) => m.memberId) }],
        approval: approval("township", "2024-06-01"),
        at: "2024-06-01"
      },
      village("g2", 60),
      upgrade("g2", "generalBranch")
    )
    const merged = runAll(national, [{
      _tag: "MergeOrganization",
      orgId: "g1",
      intoOrgId: "g2",
      approval: approval("township", "2024-07-01"),
      at: "2024-07-01"
    }], world)
    assert.strictEqual(stateOf(merged, "g1a").parentId, "g2")
    assert.deepStrictEqual(stateOf(merged, "g2").children, { g1a: "branch" })
    assert.strictEqual(Organization.fullCount(stateOf(merged, "g2")), 90)
    const intoChild = rejection(national, world, {
      _tag: "MergeOrganization",
      orgId: "g1",
      intoOrgId: "g1a",
      approval: approval(),
      at: "2024-07-01"
    })
    assert.deepStrictEqual(ruleOf(intoChild), ["R15", "organization.mergeIntoDescendant"])
  })

  it("R38: an organization with members cannot be dissolved; R6: dissolution needs approval", () => {
    const world = withTown(village("v1", 3))
    assert.deepStrictEqual(
      ruleOf(
        rejection(national, world, {
          _tag: "DissolveOrganization",
          orgId: "v1",
          reason: "conditionsLapsed",
          at: "2024-05-01"
        })
      ),
      ["R6", "organization.approvalRequired"]
    )
    const dissolve: Organization.TreeCommand = {
      _tag: "DissolveOrganization",
      orgId: "v1",
      reason: "conditionsLapsed",
      approval: approval("township", "2024-05-01"),
      at: "2024-05-01"
    }
    assert.deepStrictEqual(ruleOf(rejection(national, world, dissolve)), ["R38", "organization.rosterNotEmpty"])
    assert.deepStrictEqual(
      ruleOf(
        rejection(national, world, {
          ...(dissolve as typeof Organization.DissolveOrganization.Type),
          orgId: "town",
          approval: approval("county", "2024-05-01")
        })
      ),
      ["R15", "organization.hasSubOrganizations"]
    )
  })
})

describe("Organization: village-to-community conversion (R8)", () => {
  it("R8: the village becomes a community; with an adjustment the organization is adjusted in the same decision", () => {
    const world = withTown(village("v1", 5))
    const converted = runAll(national, [{
      _tag: "ConvertVillageToCommunity",
      orgId: "v1",
      communityName: "New community",
      adjustment: {
        approval: approval("township", "2024-05-01"),
        aliases: ["v1", "New community"],
        mergedLeadership: true,
        formation: "villageCommunityUnified"
      },
      at: "2024-05-01"
    }], world)
    const state = stateOf(converted, "v1")
    assert.strictEqual(state.locus, "community")
    assert.strictEqual(state.conversion?.adjustedAt, "2024-05-01")
    assert.strictEqual(state.formation, "villageCommunityUnified")
    assert.strictEqual(
      rejection(national, converted, {
        _tag: "ConvertVillageToCommunity",
        orgId: "v1",
        communityName: "again",
        at: "2024-06-01"
      }).code,
      "organization.notAVillage"
    )
  })
})
