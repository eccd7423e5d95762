// RULES.md §3.3, row by row: where a member in transit, away, hosted, checked in or suspended is counted
// (AM/FM) and where the member votes. Each row checks the member's own view (`countedAt`, `votesAt`), the
// organizations' counts on their streams, and the rejection of a vote anywhere else.
import { assert, describe, it } from "@effect/vitest"
import { Organization } from "../../src/index.ts"
import * as Member from "../../src/member/Member.ts"
import type { World } from "./fixtures.ts"
import {
  approval,
  baseWorld,
  checkIn,
  issue,
  memberOf,
  mobile,
  orgOf,
  policy,
  register,
  rejectionOf,
  ruleOf,
  runAllMembers,
  vote
} from "./fixtures.ts"

const counts = (world: World, orgId: string) => ({
  full: Organization.fullCount(orgOf(world, orgId)),
  all: Organization.allCount(orgOf(world, orgId))
})

// v1, v2 and c1 each start with 5 full members; m1 is a sixth, full, at v1.
const start = () => runAllMembers(baseWorld(), [register("m1", "v1", "full", "2024-01-02")])

const assertAtHome = (world: World, elsewhere: string, rule: string) => {
  const m1 = memberOf(world, "m1")
  assert.deepStrictEqual(Member.countedAt(m1), { orgId: "v1", as: "full" })
  assert.strictEqual(Member.votesAt(m1), "v1")
  assert.deepStrictEqual(counts(world, "v1"), { full: 6, all: 6 })
  assert.deepStrictEqual(counts(world, elsewhere), { full: 5, all: 5 })
  runAllMembers(world, [vote("m1", "v1", "2024-06-01", "election")])
  assert.strictEqual(ruleOf(rejectionOf(world, vote("m1", elsewhere, "2024-06-01", "election"))), rule)
}

describe("§3.3: who counts where, and votes where", () => {
  it("row 1 (R42): letter issued, not yet received: counted at the origin, votes at the origin", () => {
    assertAtHome(runAllMembers(start(), [issue("m1", "v2", "2024-05-01")]), "v2", "R42")
  })

  it("row 2 (R43): letter expired: counted at the origin with a finding, votes at the origin", () => {
    const world = runAllMembers(start(), [
      issue("m1", "v2", "2024-01-10"),
      { _tag: "ExpireTransferLetter", memberId: "m1", transferId: "t-m1", at: "2024-04-10" }
    ])
    assertAtHome(world, "v2", "R38")
    const findings = Member.assessMembers([memberOf(world, "m1")], policy, "2024-04-10")
    assert.deepStrictEqual(findings.filter((f) => f.ruleId === "R43").map((f) => [f.code, f.params["validUntil"]]), [
      ["member.finding.transferLetterExpired", "2024-04-09"]
    ])
  })

  it("row 3 (R45): mobile member with a card or a certificate at a host: counted at home, votes at home only", () => {
    assertAtHome(runAllMembers(start(), [mobile("m1", "v2", "2024-03-01")]), "v2", "R45")
    const certificate = runAllMembers(start(), [
      { ...mobile("m1", "v2", "2024-03-01"), credential: "certificate" } as Member.MemberCommand
    ])
    assertAtHome(certificate, "v2", "R45")
  })

  it("row 4 (R9): member of a temporary branch: stays at home (no transfer), votes at home", () => {
    const world = start()
    const temp: Organization.OrganizationState = { ...orgOf(world, "v2"), kind: "temporaryBranch" }
    const withTemp: World = { ...world, orgs: { ...world.orgs, v2: temp } }
    assert.strictEqual(ruleOf(rejectionOf(withTemp, issue("m1", "v2", "2024-05-01"))), "R9")
    assertAtHome(withTemp, "v2", "R38")
  })

  it("row 5 (R47): employed member reporting to the residence community: counted and votes at the work-unit org", () => {
    assertAtHome(runAllMembers(start(), [checkIn("m1", "c1", "2024-03-01")]), "c1", "R47")
  })

  it("row 6 (R46): resettled member keeping the affiliation in the origin village (policy origin)", () => {
    const world = runAllMembers(start(), [checkIn("m1", "c1", "2024-03-01", true)])
    assert.strictEqual(policy.membership.affiliationDefaultForResettled, "origin")
    assertAtHome(world, "c1", "R47")
  })

  it("row 7 (R41): away half a year or more, should have transferred: still counted at the origin, finding raised", () => {
    const world = runAllMembers(start(), [
      { _tag: "RecordAbsence", memberId: "m1", fixedPlace: true, abroad: false, at: "2024-01-15" }
    ])
    assertAtHome(world, "v2", "R38")
    const findings = Member.assessMembers([memberOf(world, "m1")], policy, "2024-07-15")
    assert.isDefined(findings.find((f) => f.ruleId === "R41" && f.code === "member.finding.transferDue"))
  })

  it("row 8 (R40): lost contact, suspended: counted nowhere, votes nowhere", () => {
    const world = runAllMembers(start(), [
      { _tag: "RecordLostContact", memberId: "m1", since: "2024-01-05", at: "2024-02-01" },
      { _tag: "SuspendMembership", memberId: "m1", decision: approval("township", "2024-07-05"), at: "2024-07-05" }
    ])
    const m1 = memberOf(world, "m1")
    assert.strictEqual(Member.countedAt(m1), undefined)
    assert.strictEqual(Member.votesAt(m1), undefined)
    assert.deepStrictEqual(counts(world, "v1"), { full: 5, all: 5 })
    assert.strictEqual(ruleOf(rejectionOf(world, vote("m1", "v1", "2024-08-01"))), "R40")
    assert.strictEqual(ruleOf(rejectionOf(world, vote("m1", "v2", "2024-08-01"))), "R38")
  })
})
