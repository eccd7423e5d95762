// Transfers between two stores (two provinces' shards, docs/guide/national-deployment.md): the origin's store
// issues the letter (`external: true`), the destination's store receives it with the letter's data (the member's
// stream there starts from it), and the origin's store then records the same receipt (the member leaves its
// roster and is `transferredOut` there). Each half is one atomic append in one store; no transaction spans two.
// Two pure worlds stand for the two stores.
import { assert, describe, it } from "@effect/vitest"
import { Result } from "effect"
import { Organization } from "../../src/index.ts"
import * as Member from "../../src/member/Member.ts"
import { runAll, township, village } from "../organization/fixtures.ts"
import type { World } from "./fixtures.ts"
import {
  checkIn,
  fromOrgWorld,
  meeting,
  memberOf,
  orgOf,
  policy,
  register,
  rejectionOf,
  ruleOf,
  run,
  runAllMembers
} from "./fixtures.ts"

/** Store A: villages a1 (5 full members), a2 and community ac under a township. */
const storeA = (): World =>
  fromOrgWorld(
    runAll(policy, [
      township(),
      village("a1", 5),
      village("a2", 5),
      village("ac", 5, 0, { locus: "community", name: "Community ac" })
    ])
  )

/** Store B: villages b1 (5 full members) and b2 under its own township. */
const storeB = (): World => fromOrgWorld(runAll(policy, [township(), village("b1", 5), village("b2", 5)]))

const issueOut = (memberId: string, toOrgId: string, at: string, transferId = `t-${memberId}`) =>
  ({ _tag: "IssueTransferLetter", memberId, transferId, toOrgId, external: true, at }) as const

const receiveWith = (memberId: string, letter: Member.TransferLetter, at: string, transferId = `t-${memberId}`) =>
  ({ _tag: "ReceiveTransfer", memberId, transferId, letter, at }) as const

const receipt = (memberId: string, at: string, transferId = `t-${memberId}`) =>
  ({ _tag: "ReceiveTransfer", memberId, transferId, at }) as const

const letterOf = (world: World, memberId: string): Member.TransferLetter => {
  const letter = Member.transferLetterOf(memberOf(world, memberId))
  if (letter === undefined) throw new Error(`no open letter for ${memberId}`)
  return letter
}

/** Member m1 registered full at a1 on 2024-02-01, with a letter to b1 issued on 2024-03-01 (valid to 2024-05-30). */
const issued = () => runAllMembers(storeA(), [register("m1", "a1"), issueOut("m1", "b1", "2024-03-01")])

const all = (world: World, orgId: string) => Organization.allCount(orgOf(world, orgId))

/** The events a command decides (it must be accepted). */
const eventsOf = (world: World, command: Member.MemberCommand) => {
  const member = memberOf(world, command.memberId)
  const orgs = Object.fromEntries(Member.requiredOrgs(command, member).map((id) => [id, orgOf(world, id)]))
  const decided = Member.decide(policy, command, { member, orgs })
  if (Result.isFailure(decided)) throw new Error(`${command._tag} rejected: ${decided.failure.message}`)
  return decided.success
}

describe("Transfers across stores (R38, R42, R43)", () => {
  it("R42: an external letter is issued without the destination (checked in its own store); a local one needs it", () => {
    const world = runAllMembers(storeA(), [register("m1", "a1")])
    assert.deepStrictEqual(Member.requiredOrgs(issueOut("m1", "nowhere", "2024-03-01"), memberOf(world, "m1")), [])
    const out = runAllMembers(world, [issueOut("m1", "nowhere", "2024-03-01")])
    assert.strictEqual(Member.openTransfer(memberOf(out, "m1"))?.external, true)
    const local = { ...issueOut("m1", "nowhere", "2024-03-01"), external: false }
    assert.strictEqual(rejectionOf(world, local).code, "domain.notFound")
    // R43 CONF: the policy's maximum validity holds for an external letter too
    assert.strictEqual(ruleOf(rejectionOf(world, { ...issueOut("m1", "b1", "2024-03-01"), validityDays: 91 })), "R43")
  })

  it("R42: the member counts at the origin until its store records the receipt, then only at the destination", () => {
    const a = issued()
    assert.strictEqual(all(a, "a1"), 6)
    assert.deepStrictEqual(Member.countedAt(memberOf(a, "m1")), { orgId: "a1", as: "full" })
    const letter = letterOf(a, "m1")
    assert.deepStrictEqual(
      { from: letter.fromOrgId, to: letter.toOrgId, issued: letter.issuedAt, until: letter.validUntil },
      { from: "a1", to: "b1", issued: "2024-03-01", until: "2024-05-30" }
    )
    // The destination's half: its roster takes the member, whose stream there starts from the letter.
    const b = runAllMembers(storeB(), [receiveWith("m1", letter, "2024-04-01")])
    assert.strictEqual(all(b, "b1"), 6)
    assert.deepStrictEqual(Member.countedAt(memberOf(b, "m1")), { orgId: "b1", as: "full" })
    assert.deepStrictEqual(memberOf(b, "m1").transfer?.status, "received")
    assert.strictEqual(memberOf(b, "m1").transfer?.external, true)
    // Until the origin's store records it, the origin still counts the member: the window the coordinator closes.
    assert.strictEqual(all(a, "a1"), 6)
    // The origin's half: only the origin's roster changes, and the member is transferred out of this store.
    assert.deepStrictEqual(Member.requiredOrgs(receipt("m1", "2024-04-01"), memberOf(a, "m1")), ["a1"])
    const done = runAllMembers(a, [receipt("m1", "2024-04-01")])
    assert.strictEqual(all(done, "a1"), 5)
    assert.strictEqual(memberOf(done, "m1").status, "transferredOut")
    assert.strictEqual(Member.countedAt(memberOf(done, "m1")), undefined)
    assert.strictEqual(Member.affiliationOf(memberOf(done, "m1")), undefined)
    assert.strictEqual(Member.openTransfer(memberOf(done, "m1")), undefined)
  })

  it("R43: a letter from another store is received on its last valid day (day 90), refused on day 91", () => {
    const letter = letterOf(issued(), "m1")
    const late = rejectionOf(storeB(), receiveWith("m1", letter, "2024-05-31"))
    assert.strictEqual(ruleOf(late), "R43")
    assert.strictEqual(late.code, "member.letterExpired")
    const onTime = runAllMembers(storeB(), [receiveWith("m1", letter, "2024-05-30")])
    assert.strictEqual(Member.affiliationOf(memberOf(onTime, "m1")), "b1")
    assert.strictEqual(rejectionOf(storeB(), receiveWith("m1", letter, "2024-02-29")).code, "member.beforeIssued")
  })

  it("R43: at the origin, an external letter not received expires after its validity and the member stays", () => {
    const a = issued()
    const expire = { _tag: "ExpireTransferLetter", memberId: "m1", transferId: "t-m1", at: "2024-05-30" } as const
    assert.strictEqual(ruleOf(rejectionOf(a, expire)), "R43")
    const expired = runAllMembers(a, [{ ...expire, at: "2024-05-31" }])
    assert.strictEqual(memberOf(expired, "m1").transfer?.status, "expired")
    assert.deepStrictEqual(Member.countedAt(memberOf(expired, "m1")), { orgId: "a1", as: "full" })
    assert.strictEqual(rejectionOf(expired, receipt("m1", "2024-05-20")).code, "member.noOpenTransfer")
  })

  it("R42: a receipt retried in either store after a crash is nothing to do (no second event, no second count)", () => {
    const a = issued()
    const letter = letterOf(a, "m1")
    const b = runAllMembers(storeB(), [receiveWith("m1", letter, "2024-04-01")])
    assert.deepStrictEqual(eventsOf(b, receiveWith("m1", letter, "2024-04-01")), { member: [], orgs: {} })
    assert.strictEqual(all(runAllMembers(b, [receiveWith("m1", letter, "2024-04-02")]), "b1"), 6)
    const done = runAllMembers(a, [receipt("m1", "2024-04-01")])
    assert.deepStrictEqual(eventsOf(done, receipt("m1", "2024-04-01")), { member: [], orgs: {} })
    assert.strictEqual(all(runAllMembers(done, [receipt("m1", "2024-04-01")]), "a1"), 5)
    // Another letter id is not a retry: it is refused (R38 at the destination, no open letter at the origin).
    assert.strictEqual(ruleOf(rejectionOf(b, receiveWith("m1", letter, "2024-04-01", "t-other"))), "R38")
    assert.strictEqual(rejectionOf(done, receipt("m1", "2024-04-01", "t-other")).code, "domain.closed")
  })

  it("R38: a member affiliated in this store is not received from another one; a removed one is closed", () => {
    const letter = letterOf(issued(), "m1")
    const here = runAllMembers(storeB(), [register("m1", "b2")])
    const twice = rejectionOf(here, receiveWith("m1", letter, "2024-04-01"))
    assert.strictEqual(ruleOf(twice), "R38")
    assert.strictEqual(twice.code, "member.alreadyAffiliated")
    const removed: World = {
      ...storeB(),
      members: { m1: { ...Member.initialState, memberId: "m1", status: "removed" } }
    }
    assert.strictEqual(rejectionOf(removed, receiveWith("m1", letter, "2024-04-01")).code, "domain.closed")
    const same = { ...letter, toOrgId: "a1" }
    assert.strictEqual(rejectionOf(storeB(), receiveWith("m1", same, "2024-04-01")).code, "member.transferToSameOrg")
  })

  it("R9: the destination's store refuses a letter into a temporary branch, and one to an organization it lacks", () => {
    const letter = letterOf(issued(), "m1")
    const b = storeB()
    const temp: World = { ...b, orgs: { ...b.orgs, b2: { ...orgOf(b, "b2"), kind: "temporaryBranch" } } }
    const toTemp = rejectionOf(temp, receiveWith("m1", { ...letter, toOrgId: "b2" }, "2024-04-01"))
    assert.strictEqual(ruleOf(toTemp), "R9")
    assert.strictEqual(toTemp.code, "organization.temporaryBranchNoAffiliation")
    const missing = rejectionOf(b, receiveWith("m1", { ...letter, toOrgId: "b9" }, "2024-04-01"))
    assert.strictEqual(missing.code, "domain.notFound")
  })

  it("R37, R39: the destination goes on with the member's standing: probation, one extension, last participation", () => {
    const a = runAllMembers(storeA(), [
      {
        _tag: "RegisterMember",
        memberId: "p1",
        orgId: "a1",
        status: "probationary",
        probationEndsAt: "2024-06-01",
        at: "2024-02-01"
      },
      { _tag: "RecordParticipation", memberId: "p1", kind: "orgLife", at: "2024-02-10" },
      { _tag: "RecordParticipation", memberId: "p1", kind: "dues", at: "2024-02-10" },
      issueOut("p1", "b1", "2024-03-01")
    ])
    const letter = { ...letterOf(a, "p1"), extended: true }
    assert.deepStrictEqual(letter.lastParticipation, { orgLife: "2024-02-10", dues: "2024-02-10" })
    const b = runAllMembers(storeB(), [receiveWith("p1", letter, "2024-03-05")])
    const p1 = memberOf(b, "p1")
    assert.deepStrictEqual([p1.status, p1.probationEndsAt, p1.joinedAt], ["probationary", "2024-06-01", "2024-02-01"])
    assert.strictEqual(Organization.rosterStatus(orgOf(b, "b1"), "p1"), "probationary")
    // R37 HARD: the probation was extended once in the other store: not again here; conversion goes on
    const vote = {
      meeting: meeting("2024-06-02"),
      approval: { by: "town", level: "township", at: "2024-06-03" }
    } as const
    const extend = { _tag: "ExtendProbation", memberId: "p1", months: 6, ...vote, at: "2024-06-03" } as const
    const again = rejectionOf(b, extend)
    assert.deepStrictEqual([ruleOf(again), again.code], ["R37", "member.alreadyExtended"])
    const convert = { _tag: "ConvertMember", memberId: "p1", ...vote, at: "2024-06-03" } as const
    assert.strictEqual(memberOf(runAllMembers(b, [convert]), "p1").status, "full")
    // R39: the lapse clock runs from the last organizational life in the other store: 6 months on 2024-08-10
    const lapsed = (asOf: string) =>
      Member.assessMembers([p1], policy, asOf).filter((f) => f.code === "member.finding.lapsed").length
    assert.strictEqual(lapsed("2024-08-09"), 0)
    assert.strictEqual(lapsed("2024-08-10"), 2)
  })

  it("R38: transferred out, the member counts nowhere in the origin's store and only a letter back brings it back", () => {
    const a = issued()
    const letter = letterOf(a, "m1")
    const b = runAllMembers(storeB(), [receiveWith("m1", letter, "2024-04-01")])
    const out = runAllMembers(a, [receipt("m1", "2024-04-01")])
    const closed = rejectionOf(out, { _tag: "RecordParticipation", memberId: "m1", kind: "dues", at: "2024-04-02" })
    assert.strictEqual(closed.code, "domain.closed")
    assert.strictEqual(rejectionOf(out, issueOut("m1", "b2", "2024-04-02", "t-2")).code, "domain.closed")
    assert.deepStrictEqual(Member.assessMembers([memberOf(out, "m1")], policy, "2025-12-31"), [])
    // Back from B to A: B issues, A receives with B's letter, B records the receipt.
    const bOut = runAllMembers(b, [issueOut("m1", "a2", "2024-06-01", "t-back")])
    const back = runAllMembers(out, [receiveWith("m1", letterOf(bOut, "m1"), "2024-06-10", "t-back")])
    assert.deepStrictEqual(Member.countedAt(memberOf(back, "m1")), { orgId: "a2", as: "full" })
    assert.deepStrictEqual([all(back, "a1"), all(back, "a2")], [5, 6])
    const bDone = runAllMembers(bOut, [receipt("m1", "2024-06-10", "t-back")])
    assert.strictEqual(memberOf(bDone, "m1").status, "transferredOut")
    assert.strictEqual(all(bDone, "b1"), 5)
  })

  it("R47: a check-in at a community of the origin's store ends when the member leaves the store", () => {
    const a = runAllMembers(storeA(), [
      register("m1", "a1"),
      checkIn("m1", "ac", "2024-02-05"),
      issueOut("m1", "b1", "2024-03-01")
    ])
    const events = eventsOf(a, receipt("m1", "2024-04-01"))
    assert.deepStrictEqual(events.member.map((e) => e._tag), ["TransferReceived", "CommunityCheckedOut"])
    assert.deepStrictEqual(Object.keys(events.orgs), ["a1"])
    const done = runAllMembers(a, [receipt("m1", "2024-04-01")])
    assert.strictEqual(memberOf(done, "m1").checkIn, undefined)
  })

  it("the letter is what the origin's record holds: none without an open letter or for a suspended member", () => {
    const world = runAllMembers(storeA(), [register("m1", "a1")])
    assert.strictEqual(Member.transferLetterOf(memberOf(world, "m1")), undefined)
    const suspended: World = {
      ...issued(),
      members: { m1: { ...memberOf(issued(), "m1"), status: "suspended" } }
    }
    assert.strictEqual(Member.transferLetterOf(memberOf(suspended, "m1")), undefined)
    assert.isTrue(Result.isFailure(run(suspended, receipt("m1", "2024-04-01"))))
  })
})
