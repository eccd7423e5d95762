// The concurrency law of the membership pillar (issue 4): random members making random transfers and
// check-ins from 8 concurrent fibers on the in-memory store. At every point of the committed log (after each
// command's atomic append) each member has exactly one affiliation, every organization's roster lists
// exactly the members affiliated with it, and every organization's counts on its own stream
// (`Organization.fullCount` / `allCount`) equal the roster projection folded from the member streams. At the
// end, the projections replayed from the store equal a replay of each stream.
//
// The store is the kernel MemoryStore wrapped so that every read and append yields to the scheduler first:
// the 8 fibers really interleave between loading and appending, and the test checks that version conflicts
// did happen (and were retried), so the law is tested under contention, not by luck of scheduling.
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import fc from "fast-check"
import { MemoryStore, Organization, OrganizationTree, PolicyTimeline } from "../../src/index.ts"
import type { Envelope } from "../../src/kernel/Envelope.ts"
import { CommandHandler, EventCodec, EventStore, Projection } from "../../src/kernel/index.ts"
import * as Member from "../../src/member/Member.ts"
import * as MemberRoster from "../../src/member/projections/Roster.ts"
import * as TransfersInTransit from "../../src/member/projections/TransfersInTransit.ts"
import * as UnitCheckIn from "../../src/unitCheckIn/UnitCheckIn.ts"
import { approval, members, township, village } from "../organization/fixtures.ts"

// A tree command through the organization's route, as `Dangjian.execute` runs it.
const handleTree = (
  policies: Organization.Policies,
  command: Organization.TreeCommand,
  options: CommandHandler.HandleOptions
) => CommandHandler.run(Organization.treeRoute, command, policies, options)
// A member command through the member's route, as `Dangjian.execute` runs it.
const handleMember = (
  policies: Organization.Policies,
  command: Member.MemberCommand,
  options: CommandHandler.HandleOptions
) => CommandHandler.run(Member.route, command, policies, options)

const codec = EventCodec.make([
  ...Organization.organizationEvents,
  ...Member.memberEvents,
  ...UnitCheckIn.unitCheckInEvents
])
const policies = PolicyTimeline.national
const orgIds = ["v1", "v2", "v3", "c1"] as const
const initial = orgIds.flatMap((orgId) => members(orgId, 4).map((m) => ({ memberId: m.memberId, orgId })))
const at = "2024-06-01"

type Op =
  | { readonly kind: "transfer" | "issue" | "checkIn" | "admit"; readonly member: number; readonly target: number }
  | { readonly kind: "receive" | "reject" | "checkOut"; readonly member: number }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constantFrom("transfer" as const, "issue" as const, "checkIn" as const, "admit" as const),
    member: fc.nat({ max: initial.length - 1 }),
    target: fc.nat({ max: orgIds.length - 1 })
  }),
  fc.record({
    kind: fc.constantFrom("receive" as const, "reject" as const, "checkOut" as const),
    member: fc.nat({ max: initial.length - 1 })
  })
)

const fibersArb = fc.array(fc.array(opArb, { maxLength: 6 }), { minLength: 8, maxLength: 8 })

const yielding = (store: EventStore.EventStoreShape, conflicts: { n: number }): EventStore.EventStoreShape => ({
  ...store,
  readStream: (streamId, options) => Effect.andThen(Effect.yieldNow, store.readStream(streamId, options)),
  append: (request) =>
    Effect.andThen(Effect.yieldNow, store.append(request)).pipe(
      Effect.tapError((error) =>
        Effect.sync(() => {
          if (error._tag === "VersionConflict") conflicts.n++
        })
      )
    )
})

let commandSeq = 0
const send = (command: Member.MemberCommand) =>
  Effect.result(
    handleMember(policies, command, { context: { occurredAt: at, commandId: `c${commandSeq++}` } })
  ).pipe(
    Effect.flatMap((result) => {
      if (result._tag === "Success") return Effect.void
      const tag = result.failure._tag
      // Rejections are expected (a letter already open, a stale transfer id…); nothing else may happen.
      return tag === "RuleViolation" || tag === "InvalidCommand" || tag === "VersionConflict"
        ? Effect.void
        : Effect.die(result.failure)
    })
  )

const runOp = (fiber: number, index: number, op: Op) =>
  Effect.gen(function*() {
    const memberId = op.kind === "admit" ? `n-${fiber}-${index}` : initial[op.member]!.memberId
    const transferId = `t-${fiber}-${index}`
    switch (op.kind) {
      case "transfer":
      case "issue":
        yield* send({ _tag: "IssueTransferLetter", memberId, transferId, toOrgId: orgIds[op.target]!, at })
        if (op.kind === "transfer") yield* send({ _tag: "ReceiveTransfer", memberId, transferId, at })
        return
      case "receive":
      case "reject": {
        const loaded = yield* CommandHandler.load(Member.fold, Member.streamId(memberId))
        const open = Member.openTransfer(loaded.state)
        if (open === undefined) return
        yield* send(
          op.kind === "receive"
            ? { _tag: "ReceiveTransfer", memberId, transferId: open.transferId, at }
            : { _tag: "RejectTransfer", memberId, transferId: open.transferId, reason: "wrongDestination", at }
        )
        return
      }
      case "checkIn":
        yield* send({
          _tag: "CheckInAtCommunity",
          memberId,
          checkInId: transferId,
          communityOrgId: orgIds[op.target]!,
          record: { residenceRef: "r", skills: [], serviceWillingness: [] },
          resettled: false,
          at
        })
        return
      case "checkOut":
        yield* send({ _tag: "CheckOutOfCommunity", memberId, at })
        return
      case "admit":
        yield* send({
          _tag: "AdmitMember",
          memberId,
          orgId: orgIds[op.target]!,
          meeting: { entitled: 3, present: 3, yes: 3, at },
          approval: approval("township", at),
          at
        })
        return
    }
  })

// Checks the law on the states folded from one prefix of the log.
const checkPoint = (
  memberStates: Readonly<Record<string, Member.MemberState>>,
  orgStates: Readonly<Record<string, Organization.OrganizationState>>,
  roster: MemberRoster.RosterView,
  position: number
) => {
  const listedAt = new Map<string, Array<string>>()
  for (const [orgId, state] of Object.entries(orgStates)) {
    for (const memberId of Object.keys(state.roster)) listedAt.set(memberId, [...(listedAt.get(memberId) ?? []), orgId])
  }
  for (const member of Object.values(memberStates)) {
    const listed = listedAt.get(member.memberId) ?? []
    if (member.orgId === undefined) {
      assert.deepStrictEqual(listed, [], `@${position}: ${member.memberId} without affiliation is listed`)
      continue
    }
    // R38: exactly one affiliation, and the roster of that organization (only) lists the member
    assert.deepStrictEqual(listed, [member.orgId], `@${position}: ${member.memberId} listed at ${listed.join(",")}`)
    assert.strictEqual(orgStates[member.orgId]!.roster[member.memberId], member.status, `@${position}`)
  }
  for (const orgId of orgIds) {
    const state = orgStates[orgId]!
    assert.deepStrictEqual(
      { full: Organization.fullCount(state), all: Organization.allCount(state) },
      MemberRoster.countsOf(roster, orgId),
      `@${position}: counts of ${orgId}`
    )
  }
}

describe("Membership under concurrency (R38, R42, R47)", () => {
  it.effect(
    "property: 8 fibers of transfers and check-ins keep one affiliation per member and counts equal to the projection and a replay",
    () =>
      Effect.gen(function*() {
        const conflicts = { n: 0 }
        yield* Effect.promise(() =>
          fc.assert(
            fc.asyncProperty(fibersArb, (fibers) =>
              Effect.runPromise(
                Effect.gen(function*() {
                  const store = yield* EventStore.EventStore
                  const context = { context: { occurredAt: "2024-01-01" } }
                  yield* handleTree(policies, township(), context)
                  for (const orgId of orgIds) {
                    yield* handleTree(
                      policies,
                      village(orgId, 4, 0, orgId === "c1" ? { locus: "community" } : {}),
                      context
                    )
                  }
                  for (const m of initial) {
                    yield* handleMember(
                      policies,
                      {
                        _tag: "RegisterMember",
                        memberId: m.memberId,
                        orgId: m.orgId,
                        status: "full",
                        at: "2024-01-02"
                      },
                      context
                    )
                  }
                  const setupEnd = yield* store.head
                  yield* Effect.all(
                    fibers.map((ops, fiber) =>
                      Effect.forEach(ops, (op, index) => runOp(fiber, index, op), { discard: true })
                    ),
                    { concurrency: 8, discard: true }
                  )
                  // Every point of the committed log, at command boundaries after the setup
                  const log: ReadonlyArray<Envelope> = yield* store.readAll({ after: 0, limit: 1_000_000 })
                  const memberStates: Record<string, Member.MemberState> = {}
                  const orgStates: Record<string, Organization.OrganizationState> = {}
                  let roster = MemberRoster.empty
                  log.forEach((envelope, i) => {
                    const memberId = Member.memberIdOf(envelope.streamId)
                    const orgId = Organization.orgIdOf(envelope.streamId)
                    if (memberId !== undefined) {
                      memberStates[memberId] = Member.evolve(
                        memberStates[memberId] ?? Member.initialState,
                        envelope.data as Member.MemberEvent
                      )
                    }
                    if (orgId !== undefined) {
                      orgStates[orgId] = Organization.evolve(
                        orgStates[orgId] ?? Organization.initialState,
                        envelope.data as Organization.OrganizationEvent
                      )
                    }
                    roster = MemberRoster.apply(roster, envelope)
                    const next = log[i + 1]
                    const boundary = next === undefined || next.metadata.commandId !== envelope.metadata.commandId
                      || next.metadata.commandId === undefined
                    if (envelope.globalPosition >= setupEnd && boundary) {
                      checkPoint(memberStates, orgStates, roster, envelope.globalPosition)
                    }
                  })
                  // The projections replayed from the store equal a replay of each stream
                  const replayed = yield* Projection.replay(MemberRoster.projection)
                  const { state: tree } = yield* Projection.replay(OrganizationTree.projection)
                  for (const orgId of orgIds) {
                    const loaded = yield* CommandHandler.load(Organization.fold, Organization.streamId(orgId))
                    const counts = {
                      full: Organization.fullCount(loaded.state),
                      all: Organization.allCount(loaded.state)
                    }
                    assert.deepStrictEqual(MemberRoster.countsOf(replayed.state, orgId), counts, orgId)
                    assert.deepStrictEqual(OrganizationTree.subtreeCounts(tree, orgId), counts, orgId)
                    const listed = MemberRoster.rosterOf(replayed.state, orgId)
                    assert.deepStrictEqual(
                      [...listed.full, ...listed.probationary, ...listed.suspended].sort(),
                      Object.keys(loaded.state.roster).sort(),
                      orgId
                    )
                  }
                  for (const memberId of Object.keys(replayed.state.members)) {
                    const loaded = yield* CommandHandler.load(Member.fold, Member.streamId(memberId))
                    assert.deepStrictEqual(replayed.state.members[memberId], loaded.state, memberId)
                  }
                  // Check-ins never moved anybody: the checked-in are never on the community's roster
                  for (const orgId of orgIds) {
                    const listed = MemberRoster.rosterOf(replayed.state, orgId)
                    for (const id of listed.checkedIn) assert.notStrictEqual(replayed.state.members[id]!.orgId, orgId)
                  }
                  const transfers = yield* Projection.replay(TransfersInTransit.projection)
                  assert.deepStrictEqual(
                    TransfersInTransit.list(transfers.state).map((t) => t.memberId).sort(),
                    Object.values(replayed.state.members).filter((m) => Member.openTransfer(m) !== undefined).map((m) =>
                      m.memberId
                    ).sort()
                  )
                }).pipe(
                  Effect.provide(
                    Layer.effect(
                      EventStore.EventStore,
                      Effect.map(MemoryStore.make({ codec }), (store) => yielding(store, conflicts))
                    )
                  )
                )
              )),
            { numRuns: 40 }
          )
        )
        assert.isAbove(conflicts.n, 0, "the fibers never contended: the law was not tested under concurrency")
      }),
    60_000
  )
})
