// The appraisal, points and roles aggregates against the event store: each command reads the organization's
// (and the member's) stream in the same atomic append and writes only its own stream, so no appraisal, points
// or roles command ever changes a member's status (R52 HARD, R63 HARD); the registers fold the stored events
// into the same states as the pure decisions, and `asOf` leaves out what took effect later.
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as Appraisal from "../../src/appraisal/Appraisal.ts"
import * as AppraisalRegister from "../../src/appraisal/projections/AppraisalRegister.ts"
import { MemoryStore, Organization, PolicyTimeline } from "../../src/index.ts"
import { CommandHandler, EventCodec, EventStore, Projection } from "../../src/kernel/index.ts"
import * as Member from "../../src/member/Member.ts"
import * as Points from "../../src/points/Points.ts"
import * as PointsRegister from "../../src/points/projections/PointsRegister.ts"
import * as RolesRegister from "../../src/roles/projections/RolesRegister.ts"
import * as Roles from "../../src/roles/Roles.ts"
import { township, village } from "../organization/fixtures.ts"
import { dispose, grade, open } from "./fixtures.ts"

const codec = EventCodec.make([
  ...Organization.organizationEvents,
  ...Member.memberEvents,
  ...Appraisal.appraisalEvents,
  ...Points.pointsEvents,
  ...Roles.rolesEvents
])
const policies = PolicyTimeline.national
const context = (occurredAt: string) => ({ context: { occurredAt, actor: "clerk-1" } })
const tree = (command: Organization.TreeCommand) =>
  CommandHandler.run(Organization.treeRoute, command, policies, context(command.at))
const member = (command: Member.MemberCommand) =>
  CommandHandler.run(Member.route, command, policies, context(command.at))
const appraisal = (command: Appraisal.AppraisalCommand) =>
  CommandHandler.run(Appraisal.route, command, policies, context(command.at))
const points = (command: Points.PointsCommand) =>
  CommandHandler.run(Points.route, command, policies, context(command.at))
const roles = (command: Roles.RolesCommand) => CommandHandler.run(Roles.route, command, policies, context(command.at))

const versionOf = (streamId: string) =>
  EventStore.EventStore.use((s) => Effect.map(s.readStream(streamId), (read) => read.version))

const setup = Effect.gen(function*() {
  yield* tree(township())
  yield* tree(village("v1", 9, 1))
  for (let i = 1; i <= 9; i++) {
    yield* member({ _tag: "RegisterMember", memberId: `v1-f${i}`, orgId: "v1", status: "full", at: "2024-01-01" })
  }
  yield* member({ _tag: "RegisterMember", memberId: "v1-p1", orgId: "v1", status: "probationary", at: "2024-01-01" })
})

describe("appraisal, points and roles against the event store", () => {
  it.effect("R63 HARD: grading and a disposal append to the appraisal stream only; the member and organization keep their versions", () =>
    Effect.gen(function*() {
      yield* setup
      const memberVersion = yield* versionOf(Member.streamId("v1-f1"))
      const orgVersion = yield* versionOf(Organization.streamId("v1"))
      yield* appraisal(open())
      const graded = yield* appraisal(grade("v1-f1", "unqualified"))
      assert.deepStrictEqual(graded.events.map((e) => [e.streamId, e.type]), [["appraisal-2024-v1", "MemberGraded"]])
      const decided = yield* appraisal(dispose("v1-f1", "remove"))
      assert.deepStrictEqual(decided.events.map((e) => e.streamId), ["appraisal-2024-v1"])
      yield* appraisal({
        _tag: "ConcludeDisposal",
        orgId: "v1",
        year: 2024,
        memberId: "v1-f1",
        outcome: "removed",
        at: "2025-01-12"
      })
      assert.strictEqual(yield* versionOf(Member.streamId("v1-f1")), memberVersion)
      assert.strictEqual(yield* versionOf(Organization.streamId("v1")), orgVersion)
      // the member is still a full member of v1: removing is the member aggregate's own decision
      const read = yield* EventStore.EventStore.use((s) => s.readStream(Member.streamId("v1-f1")))
      const state = read.events.map((e) => e.data as Member.MemberEvent).reduce(Member.evolve, Member.initialState)
      assert.strictEqual(state.status, "full")
      // a repeated command appends nothing
      const again = yield* appraisal(grade("v1-f1", "unqualified"))
      assert.deepStrictEqual(again.events, [])
      // the register folds the stored events into the decisions' state; as of a date, later events are left out
      const register = yield* Projection.replay(AppraisalRegister.projection)
      const stored = AppraisalRegister.appraisalOf(register.state, "v1", 2024)
      assert.strictEqual(stored?.grades["v1-f1"]?.grade, "unqualified")
      assert.strictEqual(Appraisal.lastDisposalOf(stored!, "v1-f1")?.outcome, "removed")
      const before = yield* Projection.replay(AppraisalRegister.asOf("2025-01-09"))
      assert.deepStrictEqual(Object.keys(before.state.appraisals[`2024-v1`]?.grades ?? {}), [])
      assert.strictEqual(Appraisal.assess(before.state, policies, "2025-01-09").length, 0)
    }).pipe(Effect.provide(MemoryStore.layer({ codec }))))

  it.effect("R52 HARD: points and duty posts append to the points stream only; the register's ledger reads them", () =>
    Effect.gen(function*() {
      yield* setup
      const memberVersion = yield* versionOf(Member.streamId("v1-p1"))
      yield* points({
        _tag: "DefinePointsScheme",
        orgId: "v1",
        scheme: {
          baseScore: 100,
          items: [{ itemId: "absent", direction: "deduction", points: 30 }],
          publication: "monthly",
          noticeBelow: 60
        },
        at: "2024-01-01"
      })
      const recorded = yield* points({
        _tag: "RecordPoints",
        orgId: "v1",
        entryId: "e1",
        memberId: "v1-p1",
        itemId: "absent",
        at: "2024-01-10"
      })
      yield* points({
        _tag: "RecordPoints",
        orgId: "v1",
        entryId: "e2",
        memberId: "v1-p1",
        itemId: "absent",
        at: "2024-01-11"
      })
      yield* points({ _tag: "PublishPointsPeriod", orgId: "v1", period: "2024-01", at: "2024-02-01" })
      yield* points({
        _tag: "EstablishDutyPost",
        orgId: "v1",
        postId: "p1",
        kind: "environment",
        areaId: "zone-1",
        at: "2024-02-01"
      })
      yield* points({ _tag: "AssignDutyPost", orgId: "v1", postId: "p1", memberId: "v1-p1", at: "2024-02-02" })
      assert.deepStrictEqual(recorded.events.map((e) => e.streamId), ["points-v1"])
      assert.strictEqual(yield* versionOf(Member.streamId("v1-p1")), memberVersion)
      const register = yield* Projection.replay(PointsRegister.projection)
      assert.deepStrictEqual(PointsRegister.ledger(register.state, "v1", "2024-01"), [{
        memberId: "v1-p1",
        periodPoints: -60,
        score: 40
      }])
      assert.deepStrictEqual(PointsRegister.dutyPostShare(register.state, "v1"), { holding: 1, withoutOffice: 10 })
      const found = Points.assess(register.state, policies, "2024-02-03")
      assert.deepStrictEqual(found.map((f) => [f.severity, f.code, f.subject.id]), [[
        "notice",
        "points.finding.belowThreshold",
        "v1-p1"
      ]])
      const early = yield* Projection.replay(PointsRegister.asOf("2024-01-10"))
      assert.deepStrictEqual(PointsRegister.ledger(early.state, "v1", "2024-01"), [{
        memberId: "v1-p1",
        periodPoints: -30,
        score: 70
      }])
    }).pipe(Effect.provide(MemoryStore.layer({ codec }))))

  it.effect("roles append to the roles stream only; appointing reads the village's stream", () =>
    Effect.gen(function*() {
      yield* setup
      const villageVersion = yield* versionOf(Organization.streamId("v1"))
      const appointed = yield* roles({
        _tag: "AppointFirstSecretary",
        orgId: "town",
        appointmentId: "a1",
        villageOrgId: "v1",
        appointeeId: "cadre-1",
        dispatchedBy: "county-bureau",
        from: "2024-03-01",
        until: "2026-02-28",
        at: "2024-03-01"
      })
      assert.deepStrictEqual(appointed.events.map((e) => e.streamId), ["roles-town"])
      assert.strictEqual(yield* versionOf(Organization.streamId("v1")), villageVersion)
      const register = yield* Projection.replay(RolesRegister.projection)
      assert.strictEqual(RolesRegister.firstSecretaryOf(register.state, "v1", "2025-01-01")?.appointeeId, "cadre-1")
      const found = Roles.assess(register.state, policies, "2026-03-01")
      assert.deepStrictEqual(found.map((f) => f.code), ["roles.finding.firstSecretaryTermLapsed"])
    }).pipe(Effect.provide(MemoryStore.layer({ codec }))))

  it.effect("ids such as __proto__ and constructor are ids like any other, in every record of the three registers", () =>
    Effect.gen(function*() {
      const awkward = ["__proto__", "constructor", "toString"]
      yield* tree(township("hasOwnProperty"))
      yield* tree(village("constructor", 3, 0, { parentId: "hasOwnProperty" }))
      for (const memberId of awkward) {
        yield* CommandHandler.run(
          Organization.route,
          {
            _tag: "AddRosterMember",
            orgId: "constructor",
            memberId,
            status: "full",
            reason: "transferredIn",
            at: "2024-01-02"
          },
          policies,
          context("2024-01-02")
        )
        yield* member({ _tag: "RegisterMember", memberId, orgId: "constructor", status: "full", at: "2024-01-02" })
      }
      yield* appraisal({ _tag: "OpenAppraisal", orgId: "constructor", year: 2024, at: "2024-12-01" })
      for (const memberId of awkward) {
        yield* appraisal({
          _tag: "GradeMember",
          orgId: "constructor",
          year: 2024,
          memberId,
          grade: "basicallyQualified",
          at: "2024-12-02"
        })
      }
      yield* points({
        _tag: "DefinePointsScheme",
        orgId: "constructor",
        scheme: {
          baseScore: 10,
          items: [{ itemId: "__proto__", direction: "deduction", points: 20 }],
          publication: "monthly",
          noticeBelow: 5
        },
        at: "2024-01-02"
      })
      for (const memberId of awkward) {
        yield* points({
          _tag: "RecordPoints",
          orgId: "constructor",
          entryId: memberId,
          memberId,
          itemId: "__proto__",
          at: "2024-01-03"
        })
      }
      yield* points({ _tag: "PublishPointsPeriod", orgId: "constructor", period: "2024-01", at: "2024-02-01" })
      yield* points({
        _tag: "EstablishDutyPost",
        orgId: "constructor",
        postId: "__proto__",
        kind: "other",
        areaId: "constructor",
        at: "2024-02-01"
      })
      yield* points({
        _tag: "AssignDutyPost",
        orgId: "constructor",
        postId: "__proto__",
        memberId: "__proto__",
        at: "2024-02-02"
      })
      yield* roles({
        _tag: "RegisterUnitWithoutMembers",
        orgId: "hasOwnProperty",
        unitId: "__proto__",
        unitType: "other",
        at: "2024-02-01"
      })
      yield* roles({
        _tag: "AppointFirstSecretary",
        orgId: "hasOwnProperty",
        appointmentId: "__proto__",
        villageOrgId: "constructor",
        appointeeId: "constructor",
        dispatchedBy: "toString",
        from: "2024-02-01",
        until: "2024-12-31",
        at: "2024-02-01"
      })
      const appraisals = (yield* Projection.replay(AppraisalRegister.projection)).state
      const ledgers = (yield* Projection.replay(PointsRegister.projection)).state
      const keepers = (yield* Projection.replay(RolesRegister.projection)).state
      assert.deepStrictEqual(
        Object.keys(AppraisalRegister.appraisalOf(appraisals, "constructor", 2024)?.grades ?? {}).sort(),
        [...awkward].sort()
      )
      assert.deepStrictEqual(
        PointsRegister.ledger(ledgers, "constructor", "2024-01").map((l) => [l.memberId, l.score]),
        [
          ["__proto__", -10],
          ["constructor", -10],
          ["toString", -10]
        ]
      )
      assert.deepStrictEqual(PointsRegister.dutyPostShare(ledgers, "constructor"), { holding: 1, withoutOffice: 6 })
      assert.strictEqual(
        RolesRegister.firstSecretaryOf(keepers, "constructor", "2024-06-01")?.appointmentId,
        "__proto__"
      )
      // the findings are computed, one per awkward member where one is due
      const guidance = Appraisal.assess(appraisals, policies, "2024-12-03").filter((f) =>
        f.code === "appraisal.finding.guidanceDue"
      )
      assert.deepStrictEqual(guidance.map((f) => f.subject.id).sort(), [...awkward].sort())
      const low = Points.assess(ledgers, policies, "2024-02-02").filter((f) =>
        f.code === "points.finding.belowThreshold"
      )
      assert.strictEqual(low.length, 3)
      assert.deepStrictEqual(Roles.assess(keepers, policies, "2025-01-01").map((f) => f.code), [
        "roles.finding.firstSecretaryTermLapsed",
        "roles.finding.noInstructor"
      ])
      assert.strictEqual(Object.getPrototypeOf(appraisals.appraisals), Object.prototype)
    }).pipe(Effect.provide(MemoryStore.layer({ codec }))))
})
