import { assert, describe, it } from "@effect/vitest"
import { Organization } from "../../src/index.ts"
import * as Member from "../../src/member/Member.ts"
import {
  admit,
  approval,
  baseWorld,
  checkIn,
  meeting,
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

const convert = (memberId: string, at: string): Member.MemberCommand => ({
  _tag: "ConvertMember",
  memberId,
  meeting: meeting(at),
  approval: approval("township", at),
  at
})

const extend = (memberId: string, months: number, at = "2025-03-15"): Member.MemberCommand => ({
  _tag: "ExtendProbation",
  memberId,
  months,
  meeting: meeting(at),
  approval: approval("township", at),
  at
})

describe("Member: admission and probation (R20, R25, R37, R38)", () => {
  it("streamId is member-<memberId> and memberIdOf reverses it", () => {
    assert.strictEqual(Member.streamId("m1"), "member-m1")
    assert.strictEqual(Member.memberIdOf("member-m1"), "m1")
    assert.strictEqual(Member.memberIdOf("organization-v1"), undefined)
    assert.strictEqual(Member.memberIdOf("unitcheckin-u1"), undefined)
  })

  it("R37: admission makes a probationary member for one year from the meeting, and adds the roster entry", () => {
    const world = runAllMembers(baseWorld(), [admit("m1")])
    const m1 = memberOf(world, "m1")
    assert.strictEqual(m1.status, "probationary")
    assert.strictEqual(m1.probationEndsAt, "2025-03-15")
    assert.strictEqual(Member.affiliationOf(m1), "v1")
    assert.strictEqual(Organization.rosterStatus(orgOf(world, "v1"), "m1"), "probationary")
    assert.strictEqual(Organization.fullCount(orgOf(world, "v1")), 5)
    assert.strictEqual(Organization.allCount(orgOf(world, "v1")), 6)
  })

  it("R38: a member is admitted or registered once, into one organization", () => {
    const world = runAllMembers(baseWorld(), [admit("m1")])
    assert.strictEqual(ruleOf(rejectionOf(world, admit("m1", "v2"))), "R38")
    assert.strictEqual(ruleOf(rejectionOf(world, register("m1", "v2"))), "R38")
  })

  it("R38: registering a member the establishment listed adds no second roster entry", () => {
    const world = runAllMembers(baseWorld(), [register("v1-f1", "v1")])
    assert.strictEqual(Organization.fullCount(orgOf(world, "v1")), 5)
    assert.strictEqual(memberOf(world, "v1-f1").status, "full")
    assert.strictEqual(
      rejectionOf(baseWorld(), register("v1-f1", "v1", "probationary")).code,
      "member.rosterStatusMismatch"
    )
  })

  it("R20: those entitled to vote on an admission cannot exceed the full members", () => {
    const cmd: Member.MemberCommand = {
      ...admit("m1"),
      meeting: meeting("2024-03-15", 6, 6, 6)
    } as Member.MemberCommand
    const error = rejectionOf(baseWorld(), cmd)
    assert.strictEqual(ruleOf(error), "R20")
    assert.strictEqual(error.code, "organization.entitledExceedsFull")
  })

  it("R25: the meeting needs more than half of those entitled present; R37: and yes-votes over half of them", () => {
    const quorum = rejectionOf(
      baseWorld(),
      { ...admit("m1"), meeting: meeting("2024-03-15", 5, 2, 2) } as Member.MemberCommand
    )
    assert.strictEqual(ruleOf(quorum), "R25")
    const passed = rejectionOf(
      baseWorld(),
      { ...admit("m1"), meeting: meeting("2024-03-15", 5, 5, 2) } as Member.MemberCommand
    )
    assert.strictEqual(ruleOf(passed), "R37")
    assert.strictEqual(passed.code, "member.meetingNotPassed")
    // 3 yes of 5 entitled (only 3 present) passes: the denominator is 应到会
    runAllMembers(baseWorld(), [{ ...admit("m1"), meeting: meeting("2024-03-15", 5, 3, 3) } as Member.MemberCommand])
  })

  it("rejects an approval before the meeting or after the decision", () => {
    const cmd = {
      ...admit("m1", "v1", "2024-03-15"),
      approval: approval("township", "2024-03-14")
    } as Member.MemberCommand
    assert.strictEqual(rejectionOf(baseWorld(), cmd).code, "member.datesOutOfOrder")
  })

  it("R9: nobody is admitted into a temporary branch", () => {
    const world = baseWorld()
    const temp: Organization.OrganizationState = { ...orgOf(world, "v2"), kind: "temporaryBranch" }
    assert.strictEqual(ruleOf(rejectionOf({ ...world, orgs: { ...world.orgs, v2: temp } }, admit("m1", "v2"))), "R9")
  })

  it("R37: conversion at the end of probation makes the member full on both streams; not before", () => {
    const world = runAllMembers(baseWorld(), [admit("m1")])
    const early = rejectionOf(world, convert("m1", "2025-03-14"))
    assert.strictEqual(ruleOf(early), "R37")
    assert.strictEqual(early.code, "member.probationNotEnded")
    const after = runAllMembers(world, [convert("m1", "2025-03-15")])
    assert.strictEqual(memberOf(after, "m1").status, "full")
    assert.strictEqual(memberOf(after, "m1").convertedAt, "2025-03-15")
    assert.strictEqual(Organization.fullCount(orgOf(after, "v1")), 6)
  })

  it("R37 §3.1: probation 2024-03-15, extensions of 5 and 13 months are rejected, 6 and 12 accepted", () => {
    const world = runAllMembers(baseWorld(), [admit("m1")])
    for (const months of [5, 13]) {
      const error = rejectionOf(world, extend("m1", months))
      assert.strictEqual(ruleOf(error), "R37", `${months}`)
      assert.strictEqual(error.code, "member.extensionOutOfRange")
    }
    assert.strictEqual(memberOf(runAllMembers(world, [extend("m1", 6)]), "m1").probationEndsAt, "2025-09-15")
    assert.strictEqual(memberOf(runAllMembers(world, [extend("m1", 12)]), "m1").probationEndsAt, "2026-03-15")
  })

  it("R37: only one extension; conversion then waits for the extended end", () => {
    const world = runAllMembers(baseWorld(), [admit("m1"), extend("m1", 6)])
    const twice = rejectionOf(world, extend("m1", 6, "2025-09-15"))
    assert.strictEqual(twice.code, "member.alreadyExtended")
    assert.strictEqual(rejectionOf(world, convert("m1", "2025-09-14")).code, "member.probationNotEnded")
    assert.strictEqual(memberOf(runAllMembers(world, [convert("m1", "2025-09-15")]), "m1").status, "full")
  })

  it("R37: cancellation takes the member off the roster and ends the membership", () => {
    const world = runAllMembers(baseWorld(), [
      admit("m1"),
      {
        _tag: "CancelProbation",
        memberId: "m1",
        meeting: meeting("2024-09-01"),
        approval: approval("township", "2024-09-01"),
        at: "2024-09-01"
      }
    ])
    assert.strictEqual(memberOf(world, "m1").status, "cancelled")
    assert.strictEqual(Member.affiliationOf(memberOf(world, "m1")), undefined)
    assert.strictEqual(Organization.rosterStatus(orgOf(world, "v1"), "m1"), undefined)
    assert.strictEqual(rejectionOf(world, vote("m1", "v1")).code, "domain.closed")
    assert.strictEqual(rejectionOf(world, convert("m1", "2025-03-15")).code, "domain.closed")
  })

  it("rejects commands for an unknown member, and conversion of a full member", () => {
    assert.strictEqual(rejectionOf(baseWorld(), vote("ghost", "v1")).code, "domain.notFound")
    const world = runAllMembers(baseWorld(), [register("m2")])
    assert.strictEqual(rejectionOf(world, convert("m2", "2025-03-15")).code, "member.notProbationary")
  })
})

describe("Member: lapse, lost contact, suspension and removal (R39, R40)", () => {
  const lost = (since: string, at = since): Member.MemberCommand => ({
    _tag: "RecordLostContact",
    memberId: "m1",
    since,
    at
  })
  const suspend = (at: string): Member.MemberCommand => ({
    _tag: "SuspendMembership",
    memberId: "m1",
    decision: approval("township", at),
    at
  })
  const remove = (reason: Member.RemovalReason, at: string): Member.MemberCommand => ({
    _tag: "RemoveMember",
    memberId: "m1",
    reason,
    meeting: meeting(at),
    approval: approval("township", at),
    at
  })

  it("R40: suspension needs 6 months of lost contact (boundary), then the member counts nowhere", () => {
    const world = runAllMembers(baseWorld(), [register("m1"), lost("2024-03-01")])
    const early = rejectionOf(world, suspend("2024-08-31"))
    assert.strictEqual(ruleOf(early), "R40")
    assert.strictEqual(early.code, "member.suspensionTooEarly")
    const suspended = runAllMembers(world, [suspend("2024-09-01")])
    assert.strictEqual(memberOf(suspended, "m1").status, "suspended")
    assert.strictEqual(Member.countedAt(memberOf(suspended, "m1")), undefined)
    assert.strictEqual(Organization.fullCount(orgOf(suspended, "v1")), 5)
    assert.strictEqual(Organization.rosterStatus(orgOf(suspended, "v1"), "m1"), "suspended")
    assert.strictEqual(ruleOf(rejectionOf(runAllMembers(baseWorld(), [register("m1")]), suspend("2024-09-01"))), "R40")
  })

  it("R40: removal for lost contact only 2 years after suspension; restoration brings the status back", () => {
    const world = runAllMembers(baseWorld(), [register("m1"), lost("2024-03-01"), suspend("2024-09-01")])
    assert.strictEqual(rejectionOf(world, remove("lostContact", "2026-08-31")).code, "member.removalTooEarly")
    const removed = runAllMembers(world, [remove("lostContact", "2026-09-01")])
    assert.strictEqual(memberOf(removed, "m1").status, "removed")
    assert.strictEqual(Organization.rosterStatus(orgOf(removed, "v1"), "m1"), undefined)
    const restored = runAllMembers(world, [
      { _tag: "RestoreMembership", memberId: "m1", approval: approval("township", "2025-01-01"), at: "2025-01-01" }
    ])
    assert.strictEqual(memberOf(restored, "m1").status, "full")
    assert.strictEqual(Organization.fullCount(orgOf(restored, "v1")), 6)
  })

  it("R39: removal as self-lapsed needs 6 consecutive months without org life (never automatic)", () => {
    const world = runAllMembers(baseWorld(), [
      register("m1", "v1", "full", "2024-01-10"),
      { _tag: "RecordParticipation", memberId: "m1", kind: "orgLife", at: "2024-03-01" },
      { _tag: "RecordParticipation", memberId: "m1", kind: "dues", at: "2024-03-01" }
    ])
    const early = rejectionOf(world, remove("selfLapsed", "2024-08-31"))
    assert.strictEqual(ruleOf(early), "R39")
    const removed = runAllMembers(world, [remove("selfLapsed", "2024-09-01")])
    assert.strictEqual(memberOf(removed, "m1").status, "removed")
    assert.strictEqual(Organization.allCount(orgOf(removed, "v1")), 5)
  })

  it("R39: lapsedFor reports the longest run when it reaches the policy's months", () => {
    const world = runAllMembers(baseWorld(), [
      register("m1", "v1", "full", "2024-01-10"),
      { _tag: "RecordParticipation", memberId: "m1", kind: "dues", at: "2024-06-01" }
    ])
    const m1 = memberOf(world, "m1")
    assert.isUndefined(Member.lapsedFor(m1, policy.membership, "2024-07-09"))
    assert.deepStrictEqual(Member.lapsedFor(m1, policy.membership, "2024-07-10"), {
      kind: "orgLife",
      since: "2024-01-10",
      months: 6
    })
  })
})

describe("Member: mobile members, check-ins and votes (R11, R20, R44, R45, R47)", () => {
  it("R45: a mobile member takes part and is appraised at the host, never votes there; the affiliation stays", () => {
    const world = runAllMembers(baseWorld(), [register("m1"), mobile("m1", "v2", "2024-03-01")])
    const m1 = memberOf(world, "m1")
    assert.strictEqual(Member.affiliationOf(m1), "v1")
    assert.deepStrictEqual(Member.participatesAt(m1), ["v2"])
    const appraised = runAllMembers(world, [
      { _tag: "RecordHostActivity", memberId: "m1", hostOrgId: "v2", kind: "appraisal", at: "2024-12-01" },
      { _tag: "RecordHostActivity", memberId: "m1", hostOrgId: "v2", kind: "orgLife", at: "2024-12-05" }
    ])
    assert.strictEqual(memberOf(appraised, "m1").lastParticipation.orgLife, "2024-12-05")
    for (const kind of ["vote", "election", "candidacy"] as const) {
      const error = rejectionOf(world, vote("m1", "v2", "2024-06-01", kind))
      assert.strictEqual(ruleOf(error), "R45", kind)
      assert.strictEqual(error.code, "member.noVoteAtHost")
    }
    runAllMembers(world, [vote("m1", "v1", "2024-06-01", "election")])
    assert.strictEqual(
      ruleOf(
        rejectionOf(world, {
          _tag: "RecordHostActivity",
          memberId: "m1",
          hostOrgId: "c1",
          kind: "orgLife",
          at: "2024-05-01"
        })
      ),
      "R45"
    )
    assert.strictEqual(Organization.fullCount(orgOf(world, "v2")), 5)
  })

  it("R45: the host is not the affiliation; R44: an uncertain place calls for the mobile-member card", () => {
    const world = runAllMembers(baseWorld(), [register("m1")])
    assert.strictEqual(ruleOf(rejectionOf(world, mobile("m1", "v1", "2024-03-01"))), "R45")
    const certificate: Member.MemberCommand = {
      ...mobile("m1", "v2", "2024-03-01"),
      credential: "certificate",
      fixedPlace: false
    } as Member.MemberCommand
    assert.strictEqual(ruleOf(rejectionOf(world, certificate)), "R44")
    runAllMembers(world, [{ ...certificate, fixedPlace: true } as Member.MemberCommand])
  })

  it("R44: the credential by length of absence", () => {
    const m = policy.membership
    assert.strictEqual(Member.credentialFor(m, 3, true), "none")
    assert.strictEqual(Member.credentialFor(m, 4, true), "certificateOrMobileCard")
    assert.strictEqual(Member.credentialFor(m, 5, true), "certificateOrMobileCard")
    assert.strictEqual(Member.credentialFor(m, 6, true), "transferLetter")
    assert.strictEqual(Member.credentialFor(m, 4, false), "mobileCard")
    assert.strictEqual(Member.credentialFor(m, 12, false), "mobileCard")
  })

  it("R47: a check-in records the member at the community, never changes the affiliation or any count, gives no vote", () => {
    const before = runAllMembers(baseWorld(), [register("m1")])
    const world = runAllMembers(before, [
      checkIn("m1", "c1", "2024-03-01"),
      { _tag: "RecordCheckInActivity", memberId: "m1", activityKind: "cleanup", at: "2024-04-01" },
      { _tag: "RecordCheckInFeedback", memberId: "m1", rating: "good", at: "2024-12-20" }
    ])
    const m1 = memberOf(world, "m1")
    assert.strictEqual(Member.affiliationOf(m1), "v1")
    assert.strictEqual(m1.checkIn?.activities.length, 1)
    assert.strictEqual(m1.checkIn?.lastFeedbackAt, "2024-12-20")
    assert.deepStrictEqual(world.orgs, before.orgs)
    const error = rejectionOf(world, vote("m1", "c1", "2024-06-01", "election"))
    assert.strictEqual(ruleOf(error), "R47")
    assert.strictEqual(error.code, "member.noVoteAtCheckIn")
    assert.strictEqual(ruleOf(rejectionOf(before, checkIn("m1", "v1", "2024-03-01"))), "R47")
    assert.strictEqual(rejectionOf(world, checkIn("m1", "v2", "2024-05-01")).code, "member.alreadyCheckedIn")
    const out = runAllMembers(world, [{ _tag: "CheckOutOfCommunity", memberId: "m1", at: "2025-01-01" }])
    assert.strictEqual(memberOf(out, "m1").checkIn, undefined)
    assert.strictEqual(rejectionOf(baseWorld(), checkIn("m1", "c1", "2024-03-01")).code, "domain.notFound")
  })

  it("R20: a probationary member has no vote; R40: nor a suspended one; R38: nowhere outside the affiliation", () => {
    const world = runAllMembers(baseWorld(), [admit("m1"), register("m2")])
    const probationary = rejectionOf(world, vote("m1", "v1"))
    assert.strictEqual(ruleOf(probationary), "R20")
    assert.strictEqual(ruleOf(rejectionOf(world, vote("m2", "v2"))), "R38")
    const suspended = runAllMembers(world, [
      { _tag: "RecordLostContact", memberId: "m2", since: "2024-01-01", at: "2024-02-01" },
      { _tag: "SuspendMembership", memberId: "m2", decision: approval("township", "2024-07-01"), at: "2024-07-01" }
    ])
    assert.strictEqual(ruleOf(rejectionOf(suspended, vote("m2", "v1", "2024-08-01"))), "R40")
  })
})
