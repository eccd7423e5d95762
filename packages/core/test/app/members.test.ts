// Member commands through the library's entry point, from untrusted JSON (`Dangjian.decodeAndExecute`): each
// command appends to exactly the streams it concerns, a multi-stream command atomically with the versions the
// store reports (R38, R42); a rejected command is a typed error with its rule id and a zh-CN and en message,
// and writes nothing; bad input is a `CommandDecodeError` that never echoes the input; and the JSON Schema
// export covers every member and unit check-in command and event.
import { assert, describe, it } from "@effect/vitest"
import { Effect, Result } from "effect"
import { Dangjian, Member, MemoryStore, Messages, UnitCheckIn } from "../../src/index.ts"
import { EventStore } from "../../src/kernel/index.ts"
import { approval, township, village } from "../organization/fixtures.ts"

const store = () => MemoryStore.layer({ codec: Dangjian.codec })

// Untrusted input: a plain JSON document, as another language or an HTTP body would send it.
const json = (command: Record<string, unknown>): unknown => JSON.parse(JSON.stringify(command))

const send = (command: Record<string, unknown>, options?: Dangjian.ExecuteOptions) =>
  Dangjian.decodeAndExecute(json(command), { actor: "clerk-1", ...options })

// A township with village branches v1 and v2 and a community branch c1, each with 5 full members
// (`<org>-f1` … `<org>-f5`).
const setup = Effect.gen(function*() {
  yield* Dangjian.execute(township() as Dangjian.Command)
  yield* Dangjian.execute(village("v1", 5) as Dangjian.Command)
  yield* Dangjian.execute(village("v2", 5) as Dangjian.Command)
  yield* Dangjian.execute(village("c1", 5, 0, { locus: "community", name: "Community c1" }) as Dangjian.Command)
})

const streamsOf = (executed: Dangjian.Executed) => executed.streams.map((s) => s.streamId).sort()
const typesIn = (executed: Dangjian.Executed, streamId: string) =>
  executed.events.filter((e) => e.streamId === streamId).map((e) => e.type)

const head = EventStore.EventStore.use((s) => s.head)
const versionOf = (streamId: string) =>
  Effect.map(EventStore.EventStore.use((s) => s.readStream(streamId)), (r) => r.version)

// The typed rejection of a command, checked to write nothing.
const rejection = (command: Record<string, unknown>) =>
  Effect.gen(function*() {
    const before = yield* head
    const error = yield* Effect.flip(send(command))
    assert.strictEqual(yield* head, before)
    return error as Dangjian.ExecuteError & { readonly ruleId?: string; readonly code: string }
  })

const meeting = (at: string) => ({ entitled: 5, present: 4, yes: 3, at })

describe("Dangjian.decodeAndExecute: member commands from JSON", () => {
  it.effect("RegisterMember: a listed member catches up on the member stream only; a new one joins the roster too", () =>
    Effect.gen(function*() {
      yield* setup
      const listed = yield* send({
        _tag: "RegisterMember",
        memberId: "v1-f1",
        orgId: "v1",
        status: "full",
        at: "2024-02-01"
      })
      assert.deepStrictEqual(streamsOf(listed), ["member-v1-f1"])
      assert.deepStrictEqual(typesIn(listed, "member-v1-f1"), ["MemberRegistered"])
      const added = yield* send({
        _tag: "RegisterMember",
        memberId: "m1",
        orgId: "v1",
        status: "full",
        at: "2024-02-01"
      })
      assert.deepStrictEqual(streamsOf(added), ["member-m1", "organization-v1"])
      assert.deepStrictEqual(typesIn(added, "organization-v1"), ["RosterMemberAdded"])
      assert.isTrue(added.events.every((e) => e.metadata.actor === "clerk-1" && e.metadata.occurredAt === "2024-02-01"))
    }).pipe(Effect.provide(store())))

  it.effect("AdmitMember (R37): one append to the member stream and the admitting branch", () =>
    Effect.gen(function*() {
      yield* setup
      const admitted = yield* send({
        _tag: "AdmitMember",
        memberId: "p1",
        orgId: "v1",
        meeting: meeting("2024-03-15"),
        approval: approval("township", "2024-03-15"),
        at: "2024-03-15"
      })
      assert.deepStrictEqual(streamsOf(admitted), ["member-p1", "organization-v1"])
      assert.deepStrictEqual(typesIn(admitted, "member-p1"), ["MemberAdmitted"])
      assert.deepStrictEqual(typesIn(admitted, "organization-v1"), ["RosterMemberAdded"])
      const added = admitted.events.find((e) => e.streamId === "organization-v1")!
      assert.strictEqual((added.data as { readonly status: string }).status, "probationary")
    }).pipe(Effect.provide(store())))

  it.effect("a transfer (R42): the letter goes to the member stream; the receipt to member, origin and destination", () =>
    Effect.gen(function*() {
      yield* setup
      yield* send({ _tag: "RegisterMember", memberId: "m1", orgId: "v1", status: "full", at: "2024-02-01" })
      const issued = yield* send({
        _tag: "IssueTransferLetter",
        memberId: "m1",
        transferId: "t1",
        toOrgId: "v2",
        at: "2024-03-01"
      })
      assert.deepStrictEqual(streamsOf(issued), ["member-m1"])
      assert.deepStrictEqual(typesIn(issued, "member-m1"), ["TransferLetterIssued"])
      const origin = yield* versionOf("organization-v1")
      const destination = yield* versionOf("organization-v2")
      const received = yield* send(
        { _tag: "ReceiveTransfer", memberId: "m1", transferId: "t1", at: "2024-03-20" },
        { commandId: "command-receive-t1" }
      )
      assert.deepStrictEqual(streamsOf(received), ["member-m1", "organization-v1", "organization-v2"])
      assert.deepStrictEqual(typesIn(received, "member-m1"), ["TransferReceived"])
      assert.deepStrictEqual(typesIn(received, "organization-v1"), ["RosterMemberRemoved"])
      assert.deepStrictEqual(typesIn(received, "organization-v2"), ["RosterMemberAdded"])
      // each stream moved on by exactly its own events, and the versions reported are the store's
      for (const { streamId, version } of received.streams) assert.strictEqual(version, yield* versionOf(streamId))
      assert.strictEqual(yield* versionOf("organization-v1"), origin + 1)
      assert.strictEqual(yield* versionOf("organization-v2"), destination + 1)
      // one command, one atomic append: consecutive global positions, the same command id
      const positions = received.events.map((e) => e.globalPosition)
      assert.deepStrictEqual(positions, [positions[0]!, positions[0]! + 1, positions[0]! + 2])
      assert.isTrue(received.events.every((e) => e.metadata.commandId === "command-receive-t1"))
    }).pipe(Effect.provide(store())))

  it.effect("a rejected transfer and an expired letter append to the member stream only (R42, R43)", () =>
    Effect.gen(function*() {
      yield* setup
      for (const memberId of ["v1-f1", "v1-f2"]) {
        yield* send({ _tag: "RegisterMember", memberId, orgId: "v1", status: "full", at: "2024-02-01" })
        yield* send({
          _tag: "IssueTransferLetter",
          memberId,
          transferId: `t-${memberId}`,
          toOrgId: "v2",
          at: "2024-03-01"
        })
      }
      const rejected = yield* send({
        _tag: "RejectTransfer",
        memberId: "v1-f1",
        transferId: "t-v1-f1",
        reason: "fileIncomplete",
        at: "2024-03-10"
      })
      assert.deepStrictEqual(streamsOf(rejected), ["member-v1-f1"])
      // a 90-day letter issued 2024-03-01 is valid through 2024-05-30; it expires from the day after
      const expired = yield* send({
        _tag: "ExpireTransferLetter",
        memberId: "v1-f2",
        transferId: "t-v1-f2",
        at: "2024-05-31"
      })
      assert.deepStrictEqual(streamsOf(expired), ["member-v1-f2"])
      assert.deepStrictEqual(typesIn(expired, "member-v1-f2"), ["TransferLetterExpired"])
    }).pipe(Effect.provide(store())))

  it.effect("mobile member, check-in and vote are single-stream appends that leave every roster alone (R45, R47)", () =>
    Effect.gen(function*() {
      yield* setup
      yield* send({ _tag: "RegisterMember", memberId: "v1-f1", orgId: "v1", status: "full", at: "2024-02-01" })
      const rosters = [
        yield* versionOf("organization-v1"),
        yield* versionOf("organization-v2"),
        yield* versionOf("organization-c1")
      ]
      const mobile = yield* send({
        _tag: "RegisterMobileMember",
        memberId: "v1-f1",
        hostOrgId: "v2",
        credential: "mobileCard",
        credentialId: "card-1",
        contactPersonId: "v1-f2",
        fixedPlace: false,
        abroad: true,
        at: "2024-03-01"
      })
      assert.deepStrictEqual(streamsOf(mobile), ["member-v1-f1"])
      assert.deepStrictEqual(typesIn(mobile, "member-v1-f1"), ["AbsenceRecorded", "MobileMemberRegistered"])
      const checkedIn = yield* send({
        _tag: "CheckInAtCommunity",
        memberId: "v1-f1",
        checkInId: "ci-1",
        communityOrgId: "c1",
        record: { residenceRef: "bldg-7", skills: [], serviceWillingness: ["mediation"] },
        resettled: true,
        at: "2024-03-05"
      })
      assert.deepStrictEqual(streamsOf(checkedIn), ["member-v1-f1"])
      const voted = yield* send({
        _tag: "RecordVote",
        memberId: "v1-f1",
        orgId: "v1",
        kind: "election",
        at: "2024-04-01"
      })
      assert.deepStrictEqual(streamsOf(voted), ["member-v1-f1"])
      assert.deepStrictEqual(typesIn(voted, "member-v1-f1"), ["VoteRecorded"])
      assert.deepStrictEqual(
        [yield* versionOf("organization-v1"), yield* versionOf("organization-v2"), yield* versionOf("organization-c1")],
        rosters
      )
    }).pipe(Effect.provide(store())))

  it.effect("SuspendMembership (R40): one append to the member stream and the affiliation's roster", () =>
    Effect.gen(function*() {
      yield* setup
      yield* send({ _tag: "RegisterMember", memberId: "v1-f1", orgId: "v1", status: "full", at: "2024-02-01" })
      yield* send({ _tag: "RecordLostContact", memberId: "v1-f1", since: "2024-01-05", at: "2024-02-01" })
      const suspended = yield* send({
        _tag: "SuspendMembership",
        memberId: "v1-f1",
        decision: approval("township", "2024-07-05"),
        at: "2024-07-05"
      })
      assert.deepStrictEqual(streamsOf(suspended), ["member-v1-f1", "organization-v1"])
      assert.deepStrictEqual(typesIn(suspended, "member-v1-f1"), ["MembershipSuspended"])
      assert.deepStrictEqual(typesIn(suspended, "organization-v1"), ["RosterMemberStatusChanged"])
    }).pipe(Effect.provide(store())))

  it.effect("a unit organization's check-in goes to its own stream (R47)", () =>
    Effect.gen(function*() {
      yield* setup
      const checkedIn = yield* send({ _tag: "CheckInUnit", unitOrgId: "v2", communityOrgId: "c1", at: "2024-03-01" })
      assert.deepStrictEqual(checkedIn.streams, [{ streamId: UnitCheckIn.streamId("v2"), version: 1 }])
      assert.deepStrictEqual(typesIn(checkedIn, UnitCheckIn.streamId("v2")), ["UnitCheckedIn"])
    }).pipe(Effect.provide(store())))
})

describe("Dangjian.decodeAndExecute: rejected member commands", () => {
  it.effect("a vote at the host (R45) is a typed RuleViolation with a zh-CN and en message, and writes nothing", () =>
    Effect.gen(function*() {
      yield* setup
      yield* send({ _tag: "RegisterMember", memberId: "v1-f1", orgId: "v1", status: "full", at: "2024-02-01" })
      yield* send({
        _tag: "RegisterMobileMember",
        memberId: "v1-f1",
        hostOrgId: "v2",
        credential: "certificate",
        credentialId: "certificate-1",
        contactPersonId: "v1-f2",
        fixedPlace: true,
        abroad: false,
        at: "2024-03-01"
      })
      const error = yield* rejection({
        _tag: "RecordVote",
        memberId: "v1-f1",
        orgId: "v2",
        kind: "vote",
        at: "2024-04-01"
      })
      assert.strictEqual(error._tag, "RuleViolation")
      assert.strictEqual(error.ruleId, "R45")
      assert.strictEqual(error.code, "member.noVoteAtHost")
      assert.isTrue(Messages.isTranslated(error.code))
      assert.strictEqual(Messages.render(error, "zh-CN"), "流动党员 v1-f1 在流入地 v2 参加组织生活,但不享有表决权")
      assert.strictEqual(
        Messages.render(error, "en"),
        "Mobile member v1-f1 takes part at the host v2, but has no vote there"
      )
    }).pipe(Effect.provide(store())))

  it.effect("each rejection names its rule: R38, R43 (day 91), R47, R42, R20", () =>
    Effect.gen(function*() {
      yield* setup
      yield* send({ _tag: "RegisterMember", memberId: "v1-f1", orgId: "v1", status: "full", at: "2024-02-01" })
      yield* send({ _tag: "RegisterMember", memberId: "v1-f2", orgId: "v1", status: "full", at: "2024-02-01" })
      yield* send({
        _tag: "AdmitMember",
        memberId: "p1",
        orgId: "v1",
        meeting: meeting("2024-03-15"),
        approval: approval("township", "2024-03-15"),
        at: "2024-03-15"
      })
      yield* send({ _tag: "IssueTransferLetter", memberId: "v1-f2", transferId: "t2", toOrgId: "v2", at: "2024-03-01" })
      const cases: ReadonlyArray<readonly [Record<string, unknown>, string, string]> = [
        // R38: one affiliation only
        [
          { _tag: "RegisterMember", memberId: "v1-f1", orgId: "v2", status: "full", at: "2024-03-01" },
          "R38",
          "member.alreadyAffiliated"
        ],
        // R43: a 90-day letter issued 2024-03-01 cannot be received on day 91
        [
          { _tag: "ReceiveTransfer", memberId: "v1-f2", transferId: "t2", at: "2024-05-31" },
          "R43",
          "member.letterExpired"
        ],
        // R47: a check-in is at another organization than the affiliation
        [
          {
            _tag: "CheckInAtCommunity",
            memberId: "v1-f1",
            checkInId: "ci-1",
            communityOrgId: "v1",
            record: { residenceRef: "bldg-1", skills: [], serviceWillingness: [] },
            resettled: false,
            at: "2024-03-05"
          },
          "R47",
          "member.checkInAtAffiliation"
        ],
        // R42: no vote at the destination before the transfer is received
        [
          { _tag: "RecordVote", memberId: "v1-f2", orgId: "v2", kind: "vote", at: "2024-03-10" },
          "R42",
          "member.noVoteBeforeReceived"
        ],
        // R20: a probationary member has no vote
        [
          { _tag: "RecordVote", memberId: "p1", orgId: "v1", kind: "election", at: "2024-04-01" },
          "R20",
          "member.noVoteWhenProbationary"
        ]
      ]
      for (const [command, ruleId, code] of cases) {
        const error = yield* rejection(command)
        assert.deepStrictEqual([error._tag, error.ruleId, error.code], ["RuleViolation", ruleId, code])
        assert.isTrue(Messages.isTranslated(code), code)
        assert.notStrictEqual(Messages.render(error, "zh-CN"), Messages.render(error, "en"))
      }
      // day 90 of the same letter is still valid
      const received = yield* send({ _tag: "ReceiveTransfer", memberId: "v1-f2", transferId: "t2", at: "2024-05-30" })
      assert.deepStrictEqual(streamsOf(received), ["member-v1-f2", "organization-v1", "organization-v2"])
    }).pipe(Effect.provide(store())))

  it.effect("bad member input is a CommandDecodeError that never echoes the input, and runs nothing", () =>
    Effect.gen(function*() {
      yield* setup
      const before = yield* head
      // each pair: a valid command, and the same with one field broken
      const pairs: ReadonlyArray<readonly [Record<string, unknown>, Record<string, unknown>]> = [
        [{
          _tag: "ExtendProbation",
          memberId: "secret-name",
          months: 6,
          meeting: meeting("2024-03-15"),
          approval: approval(),
          at: "2024-03-15"
        }, { months: -1 }],
        [{ _tag: "RecordVote", memberId: "secret-name", orgId: "v1", kind: "vote", at: "2024-03-15" }, {
          kind: "acclamation"
        }],
        [{ _tag: "IssueTransferLetter", memberId: "secret-name", transferId: "t", toOrgId: "v2", at: "2024-02-29" }, {
          at: "2024-02-30"
        }],
        [{
          _tag: "CheckInAtCommunity",
          memberId: "secret-name",
          checkInId: "c",
          communityOrgId: "c1",
          record: { residenceRef: "bldg-1", skills: [], serviceWillingness: [] },
          resettled: true,
          at: "2024-03-05"
        }, { record: { skills: [] } }]
      ]
      for (const [valid, broken] of pairs) {
        assert.isTrue(Result.isSuccess(Dangjian.decodeCommand(json(valid))))
        const error = yield* Effect.flip(Dangjian.decodeAndExecute(json({ ...valid, ...broken })))
        assert.strictEqual(error._tag, "CommandDecodeError")
        assert.notInclude(error.message, "secret-name")
        assert.notInclude(JSON.stringify(error.params), "secret-name")
        assert.notInclude(Messages.render(error, "zh-CN"), "secret-name")
      }
      assert.strictEqual(yield* head, before)
    }).pipe(Effect.provide(store())))
})

describe("Dangjian.jsonSchemas: the membership pillar", () => {
  const { commands, events } = Dangjian.jsonSchemas() as {
    readonly commands: { readonly $defs: Record<string, { readonly anyOf?: ReadonlyArray<unknown> }> }
    readonly events: { readonly $defs: Record<string, { readonly anyOf?: ReadonlyArray<unknown> }> }
  }
  const tagsOf = (schema: { readonly anyOf?: ReadonlyArray<unknown> } | undefined): Array<string> =>
    (schema?.anyOf ?? []).map((member) =>
      (member as { readonly properties: { readonly _tag: { readonly enum: ReadonlyArray<string> } } }).properties._tag
        .enum[0]!
    )
  const literalTags = (union: { readonly members: ReadonlyArray<unknown> }): Array<string> =>
    union.members.map((member) =>
      (member as { readonly fields: { readonly _tag: { readonly ast: { readonly literal: string } } } }).fields._tag.ast
        .literal
    )

  it("has every member and unit check-in command", () => {
    assert.deepStrictEqual(tagsOf(commands.$defs["MemberCommand"]), literalTags(Member.MemberCommand))
    assert.deepStrictEqual(tagsOf(commands.$defs["UnitCheckInCommand"]), literalTags(UnitCheckIn.UnitCheckInCommand))
    assert.strictEqual(tagsOf(commands.$defs["MemberCommand"]).length, 26)
    assert.includeMembers(tagsOf(commands.$defs["MemberCommand"]), [
      "ReceiveTransfer",
      "RegisterMobileMember",
      "CheckInAtCommunity",
      "RecordVote"
    ])
    assert.isDefined(commands.$defs["CheckInRecord"])
    assert.isDefined(commands.$defs["MeetingVote"])
  })

  it("has every member and unit check-in event", () => {
    const all = JSON.stringify(events)
    for (const definition of [...Member.memberEvents, ...UnitCheckIn.unitCheckInEvents]) {
      assert.include(all, `"${definition.type}"`)
    }
    assert.sameMembers(tagsOf(events.$defs["MemberEvent"]), Member.memberEvents.map((d) => d.type))
    assert.sameMembers(tagsOf(events.$defs["UnitCheckInEvent"]), UnitCheckIn.unitCheckInEvents.map((d) => d.type))
  })

  it("decodeCommand accepts each member command back from JSON", () => {
    const decoded = Dangjian.decodeCommand(json({ _tag: "RecordReturn", memberId: "m1", at: "2024-09-01" }))
    assert.isTrue(Result.isSuccess(decoded))
  })
})
