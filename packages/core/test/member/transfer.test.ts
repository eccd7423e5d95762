import { assert, describe, it } from "@effect/vitest"
import { Effect, Result } from "effect"
import { MemoryStore, Organization, PolicyTimeline } from "../../src/index.ts"
import { CommandHandler, EventCodec, EventStore } from "../../src/kernel/index.ts"
import * as Member from "../../src/member/Member.ts"
import { township, village } from "../organization/fixtures.ts"
import {
  baseWorld,
  checkIn,
  issue,
  memberOf,
  orgOf,
  policy,
  receive,
  register,
  rejectionOf,
  ruleOf,
  runAllMembers,
  vote
} from "./fixtures.ts"

describe("Transfers (R41–R43)", () => {
  const issued = () => runAllMembers(baseWorld(), [register("m1"), issue("m1", "v2", "2024-01-01")])

  it("R43: a letter is valid 90 days by default: received on day 90, rejected on day 91", () => {
    const world = issued()
    assert.strictEqual(Member.openTransfer(memberOf(world, "m1"))?.validUntil, "2024-03-31")
    const late = rejectionOf(world, receive("m1", "2024-04-01"))
    assert.strictEqual(ruleOf(late), "R43")
    assert.strictEqual(late.code, "member.letterExpired")
    const received = runAllMembers(world, [receive("m1", "2024-03-31")])
    assert.strictEqual(Member.affiliationOf(memberOf(received, "m1")), "v2")
  })

  it("R43: a validity over the policy's maximum is rejected; a shorter one is kept", () => {
    const world = runAllMembers(baseWorld(), [register("m1")])
    const long = rejectionOf(world, { ...issue("m1", "v2", "2024-01-01"), validityDays: 91 } as Member.MemberCommand)
    assert.strictEqual(ruleOf(long), "R43")
    const short = runAllMembers(world, [
      { ...issue("m1", "v2", "2024-01-01"), validityDays: 10 } as Member.MemberCommand
    ])
    assert.strictEqual(Member.openTransfer(memberOf(short, "m1"))?.validUntil, "2024-01-11")
  })

  it("R42: until received the member counts (and votes) at the origin; receiving moves both rosters at once", () => {
    const world = issued()
    assert.strictEqual(Organization.allCount(orgOf(world, "v1")), 6)
    assert.strictEqual(Organization.allCount(orgOf(world, "v2")), 5)
    assert.strictEqual(ruleOf(rejectionOf(world, vote("m1", "v2"))), "R42")
    runAllMembers(world, [vote("m1", "v1")])
    const received = runAllMembers(world, [receive("m1", "2024-02-01")])
    assert.strictEqual(Organization.rosterStatus(orgOf(received, "v1"), "m1"), undefined)
    assert.strictEqual(Organization.rosterStatus(orgOf(received, "v2"), "m1"), "full")
    assert.strictEqual(Organization.allCount(orgOf(received, "v1")), 5)
    assert.strictEqual(Organization.allCount(orgOf(received, "v2")), 6)
    runAllMembers(received, [vote("m1", "v2", "2024-02-02")])
  })

  it("R42: a probationary member is received as probationary", () => {
    const world = runAllMembers(baseWorld(), [register("p1", "v1", "probationary"), issue("p1", "v2", "2024-01-01")])
    const received = runAllMembers(world, [receive("p1", "2024-01-05")])
    assert.strictEqual(Organization.rosterStatus(orgOf(received, "v2"), "p1"), "probationary")
  })

  it("R42: a rejection names its reason and leaves the member at the origin", () => {
    const world = runAllMembers(issued(), [
      { _tag: "RejectTransfer", memberId: "m1", transferId: "t-m1", reason: "fileIncomplete", at: "2024-01-10" }
    ])
    const m1 = memberOf(world, "m1")
    assert.strictEqual(m1.transfer?.status, "rejected")
    assert.strictEqual(m1.transfer?.reason, "fileIncomplete")
    assert.strictEqual(Member.affiliationOf(m1), "v1")
    assert.strictEqual(rejectionOf(world, receive("m1", "2024-01-11")).code, "member.noOpenTransfer")
  })

  it("R43: expiry is a state transition after the validity, not before; then a new letter may be issued", () => {
    const world = issued()
    const early = rejectionOf(world, {
      _tag: "ExpireTransferLetter",
      memberId: "m1",
      transferId: "t-m1",
      at: "2024-03-31"
    })
    assert.strictEqual(ruleOf(early), "R43")
    const expired = runAllMembers(world, [
      { _tag: "ExpireTransferLetter", memberId: "m1", transferId: "t-m1", at: "2024-04-01" }
    ])
    assert.strictEqual(memberOf(expired, "m1").transfer?.status, "expired")
    assert.strictEqual(Member.affiliationOf(memberOf(expired, "m1")), "v1")
    const again = runAllMembers(expired, [issue("m1", "v2", "2024-04-02", "t-2"), receive("m1", "2024-04-03", "t-2")])
    assert.strictEqual(Member.affiliationOf(memberOf(again, "m1")), "v2")
  })

  it("rejects a second open letter, a letter to the own organization, to a temporary branch or a missing one", () => {
    const world = issued()
    assert.strictEqual(rejectionOf(world, issue("m1", "c1", "2024-01-02", "t-x")).code, "member.transferOpen")
    const fresh = runAllMembers(baseWorld(), [register("m1")])
    assert.strictEqual(rejectionOf(fresh, issue("m1", "v1", "2024-01-02")).code, "member.transferToSameOrg")
    assert.strictEqual(rejectionOf(fresh, issue("m1", "nowhere", "2024-01-02")).code, "domain.notFound")
    const temp: Organization.OrganizationState = { ...orgOf(fresh, "v2"), kind: "temporaryBranch" }
    assert.strictEqual(
      ruleOf(rejectionOf({ ...fresh, orgs: { ...fresh.orgs, v2: temp } }, issue("m1", "v2", "2024-01-02"))),
      "R9"
    )
  })

  it("R47: a transfer into the community where the member checked in ends the check-in in the same append", () => {
    const world = runAllMembers(baseWorld(), [
      register("m1"),
      checkIn("m1", "c1", "2024-01-05", true),
      issue("m1", "c1", "2024-07-01")
    ])
    const member = memberOf(world, "m1")
    const decided = Member.decide(policy, receive("m1", "2024-07-05"), {
      member,
      orgs: { v1: orgOf(world, "v1"), c1: orgOf(world, "c1") }
    })
    assert.isTrue(Result.isSuccess(decided))
    if (Result.isSuccess(decided)) {
      assert.deepStrictEqual(decided.success.member.map((e) => e._tag), ["TransferReceived", "CommunityCheckedOut"])
    }
    const received = runAllMembers(world, [receive("m1", "2024-07-05")])
    assert.strictEqual(memberOf(received, "m1").checkIn, undefined)
    assert.strictEqual(Member.affiliationOf(memberOf(received, "m1")), "c1")
  })

  it("a received transfer ends the absence and the mobile status at the old origin", () => {
    const world = runAllMembers(baseWorld(), [
      register("m1"),
      {
        _tag: "RegisterMobileMember",
        memberId: "m1",
        hostOrgId: "v2",
        credential: "mobileCard",
        credentialId: "card-1",
        fixedPlace: true,
        abroad: false,
        at: "2024-01-01"
      },
      issue("m1", "v2", "2024-07-01"),
      receive("m1", "2024-07-05")
    ])
    const m1 = memberOf(world, "m1")
    assert.strictEqual(m1.mobile, undefined)
    assert.strictEqual(m1.absence, undefined)
    assert.deepStrictEqual(Member.participatesAt(m1), [])
  })
})

describe("Transfers against the event store", () => {
  const codec = EventCodec.make([...Organization.organizationEvents, ...Member.memberEvents])
  const policies = PolicyTimeline.national
  const context = (occurredAt: string) => ({ context: { occurredAt, actor: "clerk-1" } })
  const tree = (command: Organization.TreeCommand) =>
    CommandHandler.run(Organization.treeRoute, command, policies, context(command.at))
  const member = (command: Member.MemberCommand) =>
    CommandHandler.run(Member.route, command, policies, context(command.at))

  it.effect("R42: a received transfer is one atomic append to the member, the origin and the destination", () =>
    Effect.gen(function*() {
      yield* tree(township())
      yield* tree(village("v1", 3))
      yield* tree(village("v2", 3))
      yield* member(register("v1-f1", "v1", "full", "2024-01-02"))
      yield* member(issue("v1-f1", "v2", "2024-02-01"))
      const handled = yield* member(receive("v1-f1", "2024-02-10"))
      assert.deepStrictEqual(handled.streams.map((s) => s.streamId).sort(), [
        "member-v1-f1",
        "organization-v1",
        "organization-v2"
      ])
      const typesOf = (streamId: string) => handled.events.filter((e) => e.streamId === streamId).map((e) => e.type)
      assert.deepStrictEqual(typesOf("member-v1-f1"), ["TransferReceived"])
      assert.deepStrictEqual(typesOf("organization-v1"), ["RosterMemberRemoved"])
      assert.deepStrictEqual(typesOf("organization-v2"), ["RosterMemberAdded"])
      const positions = handled.events.map((e) => e.globalPosition)
      assert.strictEqual(positions[2]! - positions[0]!, 2)
      const v1 = yield* CommandHandler.load(Organization.fold, Organization.streamId("v1"))
      const v2 = yield* CommandHandler.load(Organization.fold, Organization.streamId("v2"))
      assert.strictEqual(Organization.fullCount(v1.state), 2)
      assert.strictEqual(Organization.fullCount(v2.state), 4)
      const m = yield* CommandHandler.load(Member.fold, Member.streamId("v1-f1"))
      assert.strictEqual(Member.affiliationOf(m.state), "v2")
    }).pipe(Effect.provide(MemoryStore.layer({ codec }))))

  it.effect("R43: a late receipt is a typed error with its rule id and writes nothing", () =>
    Effect.gen(function*() {
      yield* tree(township())
      yield* tree(village("v1", 3))
      yield* tree(village("v2", 3))
      yield* member(register("v1-f1", "v1", "full", "2024-01-02"))
      yield* member(issue("v1-f1", "v2", "2024-02-01"))
      const head = yield* EventStore.EventStore.use((s) => s.head)
      const result = yield* Effect.result(member(receive("v1-f1", "2024-05-02")))
      assert.isTrue(
        Result.isFailure(result) && result.failure._tag === "RuleViolation" && result.failure.ruleId === "R43"
      )
      assert.strictEqual(yield* EventStore.EventStore.use((s) => s.head), head)
    }).pipe(Effect.provide(MemoryStore.layer({ codec }))))
})
