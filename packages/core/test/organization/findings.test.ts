import { assert, describe, it } from "@effect/vitest"
import { Finding, GovernancePolicy, Messages, Organization, OrganizationTree, PolicyTimeline } from "../../src/index.ts"
import { organizationMessages } from "../../src/organization/messages.ts"
import type { World } from "./fixtures.ts"
import { addMember, approval, members, runAll, stateOf, township, village } from "./fixtures.ts"

const national = GovernancePolicy.national
const view = (world: World) => OrganizationTree.fromStates(Object.values(world.states))
const codes = (findings: ReadonlyArray<Finding.Finding>, orgId = "b") =>
  findings.filter((f) => f.params["orgId"] === orgId).map((f) => `${f.ruleId} ${f.code}`)
const findingsOf = (world: World, asOf = "2024-06-01", policies: Organization.Policies = national) =>
  Organization.assess(view(world), policies, asOf)
const branch = (full: number, probationary = 0, policy: GovernancePolicy.GovernancePolicy = national) =>
  runAll(policy, [township(), village("b", full, probationary)])

describe("Organization findings: set-up", () => {
  it("R3: AM 50 has no warning; AM 51 is over the soft cap and may set up a general branch (R4)", () => {
    const fifty = codes(findingsOf(branch(40, 10)))
    assert.notInclude(fifty, "R3 organization.finding.splitSuggested")
    assert.notInclude(fifty, "R4 organization.finding.generalBranchPossible")
    const fiftyOne = codes(findingsOf(branch(40, 11)))
    assert.include(fiftyOne, "R3 organization.finding.splitSuggested")
    assert.include(fiftyOne, "R4 organization.finding.generalBranchPossible")
  })

  it("R4 is not suggested to a branch whose parent cannot hold a general branch (R3's split is the way out)", () => {
    const world = runAll(national, [
      township(),
      village("g", 0, 0, { kind: "generalBranch", workNeed: true }),
      village("b", 40, 11, { parentId: "g" })
    ])
    const underGeneralBranch = codes(findingsOf(world))
    assert.include(underGeneralBranch, "R3 organization.finding.splitSuggested")
    assert.notInclude(underGeneralBranch, "R4 organization.finding.generalBranchPossible")
  })

  it("C2 / C3: under S001 AM 50 already reaches the general-branch threshold, as a 'should'", () => {
    const findings = findingsOf(
      branch(40, 10, GovernancePolicy.s001Village),
      "2024-06-01",
      GovernancePolicy.s001Village
    )
    const due = findings.find((f) => f.code === "organization.finding.generalBranchDue")
    assert.strictEqual(due?.severity, "warning")
    assert.strictEqual(due?.ruleId, "R4")
  })

  it("R7: FM 3 dropping to 2 makes the branch due for adjustment or dissolution", () => {
    const three = branch(3)
    assert.notInclude(codes(findingsOf(three)), "R7 organization.finding.dissolutionDue")
    const two = runAll(national, [
      { _tag: "RemoveRosterMember", orgId: "b", memberId: "b-f3", reason: "transferredOut", at: "2024-03-01" }
    ], three)
    const finding = findingsOf(two).find((f) => f.code === "organization.finding.dissolutionDue")
    assert.strictEqual(finding?.ruleId, "R7")
    assert.strictEqual(finding?.due, "2024-03-31")
  })

  it("R5: AM 99 is no committee by count; AM 100 makes one possible (counted over the subtree)", () => {
    assert.notInclude(codes(findingsOf(branch(90, 9))), "R5 organization.finding.committeePossible")
    const hundred = findingsOf(branch(90, 10)).find((f) => f.code === "organization.finding.committeePossible")
    assert.strictEqual(hundred?.params["approvalLevel"], "county")
    const withGuards = findingsOf(
      branch(90, 10, GovernancePolicy.s002ResettlementArea),
      "2024-06-01",
      GovernancePolicy.s002ResettlementArea
    )
    assert.strictEqual(withGuards.find((f) => f.ruleId === "R5")?.params["guards"], "goodFoundation,venue")
  })

  // A village's Party committee, set up with county approval (R5) on `full` full and `probationary` probationary
  // members of its own.
  const committee = (full: number, probationary = 0) =>
    runAll(national, [
      township(),
      village("c", full, probationary, { kind: "primaryCommittee", approval: approval("county") })
    ])
  const transferOut = (orgId: string, memberId: string, at = "2024-03-01") => ({
    _tag: "RemoveRosterMember" as const,
    orgId,
    memberId,
    reason: "transferredOut" as const,
    at
  })
  const adjustmentDue = (findings: ReadonlyArray<Finding.Finding>) =>
    findings.filter((f) => f.code === "organization.finding.committeeAdjustmentDue")

  it("R5 / R7: a committee of 100 members is fine; one transfer out (99) makes it due for adjustment", () => {
    const hundred = committee(100)
    assert.deepStrictEqual(adjustmentDue(findingsOf(hundred)), [])
    const ninetyNine = runAll(national, [transferOut("c", "c-f100")], hundred)
    const [finding, ...others] = adjustmentDue(findingsOf(ninetyNine))
    assert.deepStrictEqual(others, [])
    assert.deepStrictEqual(finding, {
      ruleId: "R7",
      severity: "warning",
      subject: { kind: "organization", id: "c" },
      code: "organization.finding.committeeAdjustmentDue",
      params: { orgId: "c", members: 99, basis: "AM", threshold: 100, inclusive: true }
    })
    assert.strictEqual(
      Messages.render(finding!, "en"),
      "The Party committee c has 99 members, no longer at least 100: the basis of a committee is gone, adjust it promptly"
    )
    assert.strictEqual(
      Messages.render(finding!, "zh-CN"),
      "党委 c 现有党员 99 名,已不足 100 人,不再具备设立党委的条件:应及时调整"
    )
  })

  it("R5 / R7: the committee threshold is read on the policy's basis (FM or AM) and inclusivity", () => {
    // 99 full and 1 probationary: AM 100, FM 99.
    const mixed = runAll(national, [transferOut("c", "c-f100")], committee(100, 1))
    assert.deepStrictEqual(adjustmentDue(findingsOf(mixed)), [], "national: AM 100 reaches '100人以上'")
    const byFull: GovernancePolicy.GovernancePolicy = {
      ...national,
      committeeThreshold: { ...national.committeeThreshold, basis: "FM" }
    }
    const onFull = adjustmentDue(findingsOf(mixed, "2024-06-01", byFull))
    assert.deepStrictEqual(onFull.map((f) => [f.ruleId, f.params["members"], f.params["basis"]]), [["R7", 99, "FM"]])
    assert.strictEqual(
      Messages.render(onFull[0]!, "zh-CN"),
      "党委 c 现有正式党员 99 名,已不足 100 人,不再具备设立党委的条件:应及时调整"
    )
    // "超过100人" (exclusive): AM 100 does not reach it, AM 101 does.
    const over: GovernancePolicy.GovernancePolicy = {
      ...national,
      committeeThreshold: { ...national.committeeThreshold, inclusive: false }
    }
    const exclusive = adjustmentDue(findingsOf(committee(100), "2024-06-01", over))
    assert.deepStrictEqual(exclusive.map((f) => [f.params["members"], f.params["inclusive"]]), [[100, false]])
    assert.strictEqual(
      Messages.render(exclusive[0]!, "en"),
      "The Party committee c has 100 members, no longer more than 100: the basis of a committee is gone, adjust it promptly"
    )
    assert.deepStrictEqual(adjustmentDue(findingsOf(committee(101), "2024-06-01", over)), [])
  })

  it("R5 / R7: a committee's members are counted over its subtree, and other kinds get no committee finding", () => {
    // 97 of the committee's own and 3 in a branch under it: 100.
    const world = runAll(national, [
      ...["c-f98", "c-f99", "c-f100"].map((memberId) => transferOut("c", memberId, "2024-02-01")),
      village("c1", 3, 0, { parentId: "c", at: "2024-02-02" })
    ], committee(100))
    assert.deepStrictEqual(adjustmentDue(findingsOf(world)), [])
    const fewer = runAll(national, [transferOut("c1", "c1-f3")], world)
    assert.deepStrictEqual(adjustmentDue(findingsOf(fewer)).map((f) => [f.subject.id, f.params["members"]]), [[
      "c",
      99
    ]])
    // A branch or a general branch of 99 is not a committee: no committee finding.
    assert.deepStrictEqual(adjustmentDue(findingsOf(branch(99))), [])
  })

  it("R2: a joint branch over 5 units is warned; a covered unit reaching FM 3 should stand alone (R1)", () => {
    const world = runAll(national, [township(), {
      _tag: "EstablishOrganization",
      orgId: "j",
      name: "Joint",
      kind: "jointBranch",
      formation: "joint",
      locus: "village",
      parentId: "town",
      approval: approval(),
      initialMembers: members("j", 6),
      coveredUnits: [1, 2, 3, 4, 5, 6].map((i) => ({ unitId: `u${i}`, fullCount: i === 6 ? 3 : 1 })),
      at: "2024-01-01"
    }])
    const findings = findingsOf(world)
    assert.include(codes(findings, "j"), "R2 organization.finding.jointTooManyUnits")
    const unit = findings.find((f) => f.code === "organization.finding.unitCanStandAlone")
    assert.deepStrictEqual(unit?.subject, { kind: "unit", id: "u6" })
  })

  it("R1 / R2 / R10: coverage gaps of units without an organization", () => {
    const world = branch(3)
    const findings = Organization.assess(view(world), national, "2024-06-01", {
      units: [
        { unitId: "shop", fullCount: 3 },
        { unitId: "farm", fullCount: 1 },
        { unitId: "road-works", fullCount: 4, projectMonths: 6 },
        { unitId: "covered", fullCount: 9, coveredBy: "b" },
        { unitId: "empty", fullCount: 0 }
      ]
    })
    const byUnit = Object.fromEntries(
      findings.filter((f) => f.subject.kind === "unit").map((f) => [f.subject.id, `${f.ruleId} ${f.code}`])
    )
    assert.deepStrictEqual(byUnit, {
      shop: "R1 organization.finding.coverageGap",
      farm: "R2 organization.finding.jointBranchSuggested",
      "road-works": "R10 organization.finding.projectBranchDue"
    })
  })

  it("R6: an approval that took more than a month is noted", () => {
    const world = runAll(national, [
      township(),
      village("b", 3, 0, { approval: { by: "t", level: "township", at: "2024-01-01", appliedAt: "2023-11-15" } })
    ])
    assert.include(codes(findingsOf(world)), "R6 organization.finding.approvalLate")
  })

  it("R8: a conversion without a same-day adjustment is a finding", () => {
    const world = runAll(national, [{
      _tag: "ConvertVillageToCommunity",
      orgId: "b",
      communityName: "C",
      at: "2024-05-01"
    }], branch(5))
    assert.notInclude(codes(findingsOf(world, "2024-05-01")), "R8 organization.finding.conversionNotAdjusted")
    assert.include(codes(findingsOf(world, "2024-05-02")), "R8 organization.finding.conversionNotAdjusted")
  })

  it("R12: small groups and a large branch without groups are noted", () => {
    const withFigure = {
      ...national,
      groups: {
        ...national.groups,
        groupsSuggestedAt: { value: 20, inclusive: true, basis: "AM" as const, source: "central organs" }
      }
    }
    assert.include(codes(findingsOf(branch(20), "2024-06-01", withFigure)), "R12 organization.finding.groupsSuggested")
    const small = runAll(national, [
      {
        _tag: "FormPartyGroup",
        orgId: "b",
        groupId: "g",
        groupType: "general",
        memberIds: ["b-f1", "b-f2"],
        at: "2024-02-01"
      }
    ], branch(5))
    assert.include(codes(findingsOf(small)), "R12 organization.finding.groupTooSmall")
  })
})

describe("Organization findings: leadership", () => {
  const elect = (
    seats: number,
    yes: ReadonlyArray<number>,
    entitled: number,
    at = "2024-05-10"
  ): Organization.OrganizationCommand => ({
    _tag: "ElectCommittee",
    orgId: "b",
    body: "generalMeeting",
    seats,
    candidates: yes.map((y, i) => ({ memberId: `b-f${i + 1}`, yes: y })),
    entitled,
    present: entitled,
    ballotsIssued: entitled,
    ballotsCollected: entitled,
    at
  })

  it("R16: FM 6 → 7 makes a committee required; electing 3–5 clears it", () => {
    const six = branch(6)
    assert.notInclude(codes(findingsOf(six)), "R16 organization.finding.committeeRequired")
    const seven = runAll(national, [addMember("b", "m7")], six)
    const required = findingsOf(seven).find((f) => f.code === "organization.finding.committeeRequired")
    assert.strictEqual(required?.severity, "violation")
    const elected = runAll(national, [elect(3, [7, 7, 7, 1], 7)], seven)
    assert.notInclude(codes(findingsOf(elected)), "R16 organization.finding.committeeRequired")
  })

  it("R16: a committee of 7 has no size finding; 8 is a warning", () => {
    const seven = runAll(national, [elect(7, [9, 9, 9, 9, 9, 9, 9, 1, 1], 9)], branch(9))
    assert.notInclude(codes(findingsOf(seven)), "R16 organization.finding.committeeTooLarge")
    const eight = runAll(national, [elect(8, [10, 10, 10, 10, 10, 10, 10, 10, 1, 1], 10)], branch(10))
    const large = findingsOf(eight).find((f) => f.code === "organization.finding.committeeTooLarge")
    assert.strictEqual(large?.severity, "warning")
    assert.strictEqual(large?.ruleId, "R16")
  })

  it("R21 / R22: a term ending 2026-05-10 is reminded from 2025-11-10 and expired from 2026-05-10", () => {
    const world = runAll(
      national,
      [elect(3, [9, 9, 9, 1], 9, "2021-05-10")],
      runAll(national, [
        township("town", "2021-01-01"),
        village("b", 9, 0, { at: "2021-01-01", approval: approval("township", "2021-01-01") })
      ])
    )
    const at = (asOf: string) =>
      findingsOf(world, asOf).filter((f) => f.code.startsWith("organization.finding.term")).map((f) =>
        `${f.ruleId} ${f.code} ${f.due}`
      )
    assert.deepStrictEqual(at("2025-11-09"), [])
    assert.deepStrictEqual(at("2025-11-10"), ["R21 organization.finding.termExpiring 2026-05-10"])
    assert.deepStrictEqual(at("2026-05-09"), ["R21 organization.finding.termExpiring 2026-05-10"])
    assert.deepStrictEqual(at("2026-05-10"), ["R22 organization.finding.termExpired 2026-05-10"])
    const extended = runAll(national, [{
      _tag: "ExtendTerm",
      orgId: "b",
      months: 12,
      approval: approval("township", "2026-03-01"),
      at: "2026-03-01"
    }], world)
    const term = (asOf: string) =>
      findingsOf(extended, asOf).filter((f) => f.code.startsWith("organization.finding.term")).map((f) =>
        `${f.code} ${f.due}`
      )
    assert.deepStrictEqual(term("2026-05-10"), [])
    assert.deepStrictEqual(term("2026-11-10"), ["organization.finding.termExpiring 2027-05-10"])
    assert.deepStrictEqual(term("2027-05-10"), ["organization.finding.termExpired 2027-05-10"])
  })

  it("R19: a secretary awaiting approval is noted, and overdue after a month", () => {
    const world = runAll(national, [{
      _tag: "ElectSecretary",
      orgId: "b",
      electedBy: "generalMeeting",
      secretary: { memberId: "b-f1", yes: 5 },
      deputies: [],
      entitled: 5,
      present: 5,
      at: "2024-05-10"
    }], branch(5))
    const pending = (asOf: string) => findingsOf(world, asOf).find((f) => f.ruleId === "R19")
    assert.strictEqual(pending("2024-06-09")?.code, "organization.finding.secretaryApprovalPending")
    assert.strictEqual(pending("2024-06-10")?.code, "organization.finding.secretaryApprovalOverdue")
    assert.strictEqual(pending("2024-06-10")?.due, "2024-06-09")
  })

  it("R26: a village secretary who is not also director is noted", () => {
    const world = runAll(national, [{
      _tag: "RecordConcurrentPosts",
      orgId: "b",
      secretaryIsDirector: false,
      secretaryHeadsCollective: true,
      crossAppointed: 2,
      at: "2024-03-01"
    }], branch(5))
    assert.include(codes(findingsOf(world)), "R26 organization.finding.notConcurrent")
    const off = { ...national, expectConcurrentSecretaryDirector: false }
    assert.notInclude(codes(findingsOf(world, "2024-06-01", off)), "R26 organization.finding.notConcurrent")
  })

  it("judges by the policy in force on the assessment date", () => {
    const findings = Organization.assess(stateOf(branch(40, 11), "b"), PolicyTimeline.national, "2024-06-01")
    assert.include(codes(findings), "R4 organization.finding.generalBranchPossible")
    assert.deepStrictEqual([...findings], [...Finding.sort(findings)])
  })
})

describe("Messages of the organization pillar", () => {
  it("every code has a zh-CN and an en template, and every finding and rejection renders in both", () => {
    const en = Object.keys(organizationMessages.en).sort()
    assert.deepStrictEqual(Object.keys(organizationMessages["zh-CN"]).sort(), en)
    for (const code of en) assert.isTrue(Messages.isTranslated(code), code)
    const findings = findingsOf(branch(40, 11))
    for (const finding of findings) {
      assert.notInclude(Messages.render(finding, "en"), finding.code)
      assert.notInclude(Messages.render(finding, "zh-CN"), finding.code)
    }
  })

  it("every code the sources use is in the catalog", async () => {
    const { readFileSync, readdirSync } = await import("node:fs")
    const { join } = await import("node:path")
    const roots = ["../../src/organization", "../../src/findings", "../../src/policy"].map((p) =>
      new URL(p, import.meta.url).pathname
    )
    const used = new Set<string>()
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name)
        if (entry.isDirectory()) walk(path)
        else if (entry.name !== "messages.ts") {
          for (const m of readFileSync(path, "utf8").matchAll(/"((?:organization|policy)\.[A-Za-z.]+)"/g)) {
            used.add(m[1]!)
          }
        }
      }
    }
    roots.forEach(walk)
    // projection names are not message codes
    const names = new Set([
      "organization.tree",
      "organization.tree.asOf",
      "organization.compliance.asOf",
      "organization.status"
    ])
    const missing = [...used].filter((code) => !names.has(code) && !Messages.isTranslated(code))
    assert.deepStrictEqual(missing, [])
  })

  it("a rejection carries its rule id and renders in both locales without personal data", () => {
    const error = Organization.decideRosterAdd(Organization.initialState, {
      orgId: "v9",
      memberId: "m1",
      status: "full",
      reason: "initial",
      at: "2024-01-01"
    })
    assert.isTrue(error._tag === "Failure")
    if (error._tag === "Failure") {
      assert.strictEqual(Messages.render(error.failure, "en"), "organization v9 does not exist")
      assert.strictEqual(Messages.render(error.failure, "zh-CN"), "organization v9 不存在")
    }
    const world = runAll(national, [township(), {
      _tag: "EstablishOrganization",
      orgId: "t",
      name: "T",
      kind: "temporaryBranch",
      formation: "standalone",
      locus: "project",
      parentId: "town",
      approval: approval(),
      initialMembers: [],
      hostBodyId: "hq",
      at: "2024-01-01"
    }])
    const r9 = Organization.decideRosterAdd(stateOf(world, "t"), {
      memberId: "m1",
      status: "probationary",
      reason: "admitted",
      at: "2024-02-01"
    })
    assert.isTrue(r9._tag === "Failure")
    if (r9._tag === "Failure") {
      // The error sits below the catalogs: its message is the rule id, code and params; the catalogs render it.
      assert.strictEqual(r9.failure.message, "[R9] organization.temporaryBranchNoAdmission (orgId=t)")
      assert.strictEqual(Messages.render(r9.failure, "en"), "The temporary branch t does not admit members")
      assert.strictEqual(Messages.render(r9.failure, "zh-CN"), "临时党支部 t 一般不发展党员")
      assert.notInclude(JSON.stringify(r9.failure.params), "m1")
    }
  })
})
