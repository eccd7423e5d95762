// Attendance as the source of R39's lapse (R61), through the library's entry point on the in-memory store: a
// year of meetings of branch v1 recorded with `Dangjian.execute`, and the findings as of any date from the
// registers replayed as of that date (`MemberRoster.asOf`, `OrganizationTree.asOf`, `MeetingRegister.asOf`),
// as the compliance view builds them. Each boundary of RULES.md §3.5 for R61 is a case; so is how meetings
// combine with `RecordParticipation` (organizations that record no meeting keep using it).
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import type { Finding } from "../../src/index.ts"
import {
  Dangjian,
  LegalDate,
  Meeting,
  MeetingRegister,
  Member,
  MemberRoster,
  MemoryStore,
  Messages,
  OrganizationTree
} from "../../src/index.ts"
import type { GovernancePolicy } from "../../src/index.ts"
import { Projection } from "../../src/kernel/index.ts"
import { approval, members, township, village } from "../organization/fixtures.ts"
import { g1, g2, policy, v1Committee, v1Members, withOrgLife } from "./fixtures.ts"

const store = () => MemoryStore.layer({ codec: Dangjian.codec })
const exec = (command: unknown) => Dangjian.execute(command as Dangjian.Command)

// A township (from 2023), branch v1 (10 full, 2 probationary; secretary v1-f1, committee, groups g1 and g2),
// branch v2 (5 full, records no meeting) and community branch c1; every member of v1 and v2 registered on
// 2023-06-01.
const setup = Effect.gen(function*() {
  yield* exec(township("town", "2023-01-01"))
  yield* exec(village("v1", 10, 2, { at: "2023-01-01", approval: approval("township", "2023-01-01") }))
  yield* exec(village("v2", 5, 0, { at: "2023-01-01", approval: approval("township", "2023-01-01") }))
  yield* exec(
    village("c1", 3, 0, { at: "2023-01-01", approval: approval("township", "2023-01-01"), locus: "community" })
  )
  yield* exec({
    _tag: "AppointLeadership",
    orgId: "v1",
    secretaryId: "v1-f1",
    deputyIds: ["v1-f2"],
    committeeIds: v1Committee,
    approval: approval("township", "2023-01-01"),
    at: "2023-01-01"
  })
  for (const [groupId, ids] of [["g1", g1], ["g2", g2]] as const) {
    yield* exec({
      _tag: "FormPartyGroup",
      orgId: "v1",
      groupId,
      groupType: "general",
      leaderId: ids[0],
      memberIds: ids,
      at: "2023-01-01"
    })
  }
  for (const { memberId, status } of [...members("v1", 10, 2), ...members("v2", 5)]) {
    yield* exec({ _tag: "RegisterMember", memberId, orgId: memberId.slice(0, 2), status, at: "2023-06-01" })
  }
})

type Absent = ReadonlyArray<Meeting.Absence>

const absentees = (entitled: ReadonlyArray<string>, absent: Absent): Absent =>
  absent.filter((a) => entitled.includes(a.memberId))

// A meeting of v1 recorded on the day it was held, with the given absences among those entitled.
const meetingOf = (
  meetingId: string,
  kind: Meeting.MeetingKind,
  heldOn: string,
  absent: Absent = [],
  guestMembers: ReadonlyArray<string> = []
) => {
  const groupId = kind === "groupMeeting" ? (meetingId.includes("g2") ? "g2" : "g1") : undefined
  const entitled = kind === "committeeMeeting" ? v1Committee : groupId === "g1" ? g1 : groupId === "g2" ? g2 : v1Members
  const away = absentees(entitled, absent)
  const gone = new Set(away.map((a) => a.memberId))
  return {
    _tag: "RecordMeeting",
    meetingId,
    orgId: "v1",
    kind,
    ...(groupId === undefined ? {} : { groupId }),
    heldOn,
    chairId: groupId === undefined ? "v1-f1" : entitled[0],
    recorderId: groupId === undefined ? "v1-f3" : entitled[1],
    entitled,
    present: entitled.filter((id) => !gone.has(id)),
    absent: away,
    guestMembers,
    at: heldOn
  }
}

// The roster, the tree and the meeting register as of a date, replayed from the log.
const registersAsOf = (asOf: string) =>
  Effect.gen(function*() {
    const { state: roster } = yield* Projection.replay(MemberRoster.asOf(asOf))
    const { state: tree } = yield* Projection.replay(OrganizationTree.asOf(asOf))
    const { state: meetings } = yield* Projection.replay(MeetingRegister.asOf(asOf))
    return { roster, tree, meetings }
  })

// The findings as of a date, from the registers as of that date (as `Compliance` builds its view).
const assessAt = (asOf: string, policies: GovernancePolicy.GovernancePolicy = policy) =>
  Effect.gen(function*() {
    const { meetings, roster, tree } = yield* registersAsOf(asOf)
    return {
      members: Member.assessMembers(Object.values(roster.members), policies, asOf, {
        orgs: tree.orgs,
        attendance: meetings
      }),
      meetings: Meeting.assess(meetings, policies, asOf, { orgs: tree.orgs })
    }
  })

// The R39 organizational-life findings of one member: [code, severity, due].
const orgLifeOf = (findings: ReadonlyArray<Finding.Finding>, memberId: string) =>
  findings.filter((f) => f.ruleId === "R39" && f.subject.id === memberId && f.params["kind"] === "orgLife")
    .map((f) => [f.code, f.severity, f.due] as const)

// The first day of a findings schedule on which each R39 organizational-life code of a member holds.
const firstDays = (schedule: ReadonlyArray<Member.FindingsFrom>, memberId: string) => {
  const first: Record<string, string> = {}
  for (const stretch of schedule) {
    for (const [code] of orgLifeOf(stretch.findings, memberId)) first[code] ??= stretch.from
  }
  return first
}

const months = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"]

// A year of v1's organizational life in 2024: each month a committee meeting (5th), a meeting of each group
// (15th, 16th) and a themed Party day (25th); a general meeting and a lecture each quarter; the org-life meeting
// with the appraisal in December and a talk in March. `absentIn(month)` says who is away that month.
const year = (absentIn: (month: number) => Absent) =>
  months.flatMap((m, i) => {
    const away = absentIn(i + 1)
    const quarterly = i % 3 === 2
      ? [
        meetingOf(`gm-${m}`, "generalMeeting", `2024-${m}-20`, away),
        meetingOf(`lec-${m}`, "partyLecture", `2024-${m}-21`, away)
      ]
      : []
    return [
      meetingOf(`cm-${m}`, "committeeMeeting", `2024-${m}-05`, away),
      meetingOf(`g1-${m}`, "groupMeeting", `2024-${m}-15`, away),
      meetingOf(`g2-${m}`, "groupMeeting", `2024-${m}-16`, away),
      ...quarterly,
      meetingOf(`td-${m}`, "themedPartyDay", `2024-${m}-25`, away),
      ...(m === "03"
        ? [{
          _tag: "RecordHeartToHeartTalk",
          meetingId: "talk-03",
          orgId: "v1",
          participantIds: ["v1-f1", "v1-f9"],
          heldOn: "2024-03-10",
          at: "2024-03-10"
        }]
        : []),
      ...(m === "12"
        ? [{ ...meetingOf("olm-12", "orgLifeMeeting", "2024-12-28", away), alsoCounts: ["appraisalMeeting"] }]
        : [])
    ]
  }).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))

describe("R61: attendance feeds R39's lapse (acceptance: a year of v1's meetings)", () => {
  // v1-f5 (group g1) is absent without leave from every meeting in months 1–6; v1-f6 (g1) is absent with leave
  // (illness, then work) in months 1–6; v1-f8 (g2) attends everything. Both absentees last took part on
  // 2023-12-20 (`RecordParticipation`, before v1 recorded meetings).
  const absentIn = (month: number): Absent =>
    month <= 6
      ? [
        { memberId: "v1-f5", excused: false },
        { memberId: "v1-f6", excused: true, reason: month <= 3 ? "illness" : "work" }
      ]
      : []
  const history = Effect.gen(function*() {
    yield* setup
    for (const memberId of ["v1-f5", "v1-f6"]) {
      yield* exec({ _tag: "RecordParticipation", memberId, kind: "orgLife", at: "2023-12-20" })
    }
    for (const command of year(absentIn)) yield* exec(command)
  })

  it.effect("R61: absent without leave months 1–6: the lapse finding on 2024-06-20, not on 2024-06-19", () =>
    Effect.gen(function*() {
      yield* history
      const before = yield* assessAt("2024-06-19")
      assert.deepStrictEqual(orgLifeOf(before.members, "v1-f5"), [[
        "member.finding.lapseWarning",
        "notice",
        "2024-06-20"
      ]])
      const on = yield* assessAt("2024-06-20")
      assert.deepStrictEqual(orgLifeOf(on.members, "v1-f5"), [["member.finding.lapsed", "warning", "2024-06-20"]])
      const params = on.members.find((f) =>
        f.code === "member.finding.lapsed" && f.subject.id === "v1-f5" && f.params["kind"] === "orgLife"
      )?.params
      // up to 2024-06-20: g1's meetings (Jan–Jun: 6), themed days (25th, Jan–May: 5), the general meetings of
      // 03-20 and 06-20 and the lecture of 03-21 (3)
      assert.deepStrictEqual(params, {
        memberId: "v1-f5",
        kind: "orgLife",
        since: "2023-12-20",
        months: 6,
        required: 6,
        source: "meetings",
        absences: 14,
        excusedAbsences: 0,
        unexcusedAbsences: 14
      })
      // attending again in July ends it
      const july = yield* assessAt("2024-07-15")
      assert.deepStrictEqual(orgLifeOf(july.members, "v1-f5"), [])
      // a member who attended everything is not lapsing
      assert.deepStrictEqual(orgLifeOf(on.members, "v1-f8"), [])
      // the committee (v1-f1) attended its own meetings
      assert.deepStrictEqual(orgLifeOf(on.members, "v1-f1"), [])
    }).pipe(Effect.provide(store())))

  it.effect("R61: a member's findings schedule agrees with the judgement on every day, meetings after its start included", () =>
    Effect.gen(function*() {
      yield* history
      // The registers with the whole year of meetings, and a schedule from before most of them: the days a member
      // took part or missed a meeting after `asOf` are days the findings may change on.
      const { meetings, roster, tree } = yield* registersAsOf("2024-12-31")
      const options = { orgs: tree.orgs, attendance: meetings }
      const withoutMonths = (findings: ReadonlyArray<Finding.Finding>) =>
        findings.map(({ params: { months: _months, ...params }, ...finding }) => ({ ...finding, params }))
      for (const memberId of ["v1-f5", "v1-f6", "v1-f8", "v2-f1"]) {
        const member = roster.members[memberId]!
        const schedule = Member.findingsSchedule(member, policy, "2024-02-01", options)
        // v1-f5's lapse warning, its lapse, and its end when it attends again in July are stretches
        if (memberId === "v1-f5") assert.isAtLeast(schedule.length, 4)
        let stretch = 0
        for (let day = "2024-02-01"; day <= "2026-12-31"; day = LegalDate.addDays(day, 1)) {
          while (stretch + 1 < schedule.length && schedule[stretch + 1]!.from <= day) stretch++
          assert.deepStrictEqual(
            withoutMonths(Member.assessMember(member, policy, day, options)),
            withoutMonths(schedule[stretch]!.findings),
            `${memberId} on ${day}`
          )
        }
      }
    }).pipe(Effect.provide(store())))

  it.effect("R61: a member received into v1 is judged from the receipt: the schedule's lapse falls six months after it", () =>
    Effect.gen(function*() {
      yield* history
      // v2-f2 (registered 2023-06-01, no participation recorded) is received into v1 on 2025-01-10 and misses
      // v1's themed Party days of 2025, without leave.
      yield* exec({
        _tag: "IssueTransferLetter",
        memberId: "v2-f2",
        transferId: "t-v2-f2",
        toOrgId: "v1",
        at: "2025-01-05"
      })
      yield* exec({ _tag: "ReceiveTransfer", memberId: "v2-f2", transferId: "t-v2-f2", at: "2025-01-10" })
      const entitled = [...v1Members, "v2-f2"]
      for (const m of months.slice(1)) {
        yield* exec({
          _tag: "RecordMeeting",
          meetingId: `td-2025-${m}`,
          orgId: "v1",
          kind: "themedPartyDay",
          heldOn: `2025-${m}-25`,
          chairId: "v1-f1",
          recorderId: "v1-f3",
          entitled,
          present: v1Members,
          absent: [{ memberId: "v2-f2", excused: false }],
          guestMembers: [],
          at: `2025-${m}-25`
        })
      }
      const { meetings, roster, tree } = yield* registersAsOf("2025-12-31")
      const options = { orgs: tree.orgs, attendance: meetings }
      const member = roster.members["v2-f2"]!
      const schedule = Member.findingsSchedule(member, policy, "2025-01-15", options)
      const orgLife = (findings: ReadonlyArray<Finding.Finding>) =>
        findings.filter((f) => f.ruleId === "R39" && f.params["kind"] === "orgLife").map((f) => f.code)
      // Each missed meeting begins a stretch too (the absences are counted); the codes change on these days.
      const firstWith = (code: string) => schedule.find((s) => orgLife(s.findings).includes(code))?.from
      assert.strictEqual(firstWith("member.finding.lapseWarning"), "2025-04-10")
      assert.strictEqual(firstWith("member.finding.lapsed"), "2025-07-10")
      for (const day of ["2025-04-09", "2025-04-10", "2025-07-09", "2025-07-10"]) {
        const on = schedule.filter((s) => s.from <= day).at(-1)!
        assert.deepStrictEqual(orgLife(Member.assessMember(member, policy, day, options)), orgLife(on.findings), day)
      }
    }).pipe(Effect.provide(store())))

  it.effect("R61: absent with leave months 1–6: by default the finding still fires and lists the leave reasons", () =>
    Effect.gen(function*() {
      yield* history
      const on = yield* assessAt("2024-06-20")
      assert.deepStrictEqual(orgLifeOf(on.members, "v1-f6"), [[
        "member.finding.lapsedWithLeave",
        "warning",
        "2024-06-20"
      ]])
      const finding = on.members.find((f) => f.code === "member.finding.lapsedWithLeave")!
      assert.deepStrictEqual(
        [finding.params["excusedAbsences"], finding.params["unexcusedAbsences"], finding.params["leaveReasons"]],
        [14, 0, "illness,work"]
      )
      assert.strictEqual(
        Messages.render(finding, "en"),
        "Member v1-f6: no organizational life for 6 consecutive months since 2023-12-20 (6): 14 meeting(s) missed, "
          + "14 with leave (illness, work); whether there was good reason is for the branch general meeting to judge"
      )
      assert.strictEqual(
        Messages.render(finding, "zh-CN"),
        "党员 v1-f6 自 2023-12-20 起连续 6 个月未组织生活(6 个月):缺席 14 次,其中请假 14 次(病假、因公),"
          + "是否有正当理由由支部党员大会判断"
      )
    }).pipe(Effect.provide(store())))

  it.effect("R61 CONF: with excusedAbsenceResetsLapseClock, the member with leave has no finding; without leave still does", () =>
    Effect.gen(function*() {
      yield* history
      const lenient = withOrgLife({ excusedAbsenceResetsLapseClock: true })
      const on = yield* assessAt("2024-06-20", lenient)
      assert.deepStrictEqual(orgLifeOf(on.members, "v1-f6"), [])
      assert.deepStrictEqual(orgLifeOf(on.members, "v1-f5"), [["member.finding.lapsed", "warning", "2024-06-20"]])
    }).pipe(Effect.provide(store())))

  it.effect("the branch's year is complete: no frequency finding for 2024 as of 2025-01-01", () =>
    Effect.gen(function*() {
      yield* history
      const { meetings } = yield* assessAt("2025-01-01")
      assert.deepStrictEqual(meetings.filter((f) => f.params["orgId"] === "v1").map((f) => f.code), [])
    }).pipe(Effect.provide(store())))
})

describe("R61: the boundaries of RULES.md §3.5", () => {
  // v1 records a themed Party day on the 15th of each month in `monthsHeld` (2024), v1-f5 takes part in the one
  // of January only.
  const themedDays = (monthsHeld: ReadonlyArray<string>, present: ReadonlyArray<string> = ["01"]) =>
    monthsHeld.map((m) =>
      meetingOf(
        `td-${m}`,
        "themedPartyDay",
        `2024-${m}-15`,
        present.includes(m) ? [] : [{ memberId: "v1-f5", excused: false }]
      )
    )

  it.effect("R61: last took part 2024-01-15, meetings Feb–Jun: early warning 2024-04-15, lapse 2024-07-15 not 07-14", () =>
    Effect.gen(function*() {
      yield* setup
      for (const c of themedDays(["01", "02", "03", "04", "05", "06"])) yield* exec(c)
      assert.deepStrictEqual(orgLifeOf((yield* assessAt("2024-04-14")).members, "v1-f5"), [])
      assert.deepStrictEqual(orgLifeOf((yield* assessAt("2024-04-15")).members, "v1-f5"), [
        ["member.finding.lapseWarning", "notice", "2024-07-15"]
      ])
      assert.deepStrictEqual(orgLifeOf((yield* assessAt("2024-07-14")).members, "v1-f5"), [
        ["member.finding.lapseWarning", "notice", "2024-07-15"]
      ])
      assert.deepStrictEqual(orgLifeOf((yield* assessAt("2024-07-15")).members, "v1-f5"), [
        ["member.finding.lapsed", "warning", "2024-07-15"]
      ])
    }).pipe(Effect.provide(store())))

  it.effect("R61: last took part 2024-01-15 and the branch held nothing since: no member finding, the branch's instead", () =>
    Effect.gen(function*() {
      yield* setup
      for (const c of themedDays(["01"])) yield* exec(c)
      const { meetings, members: found } = yield* assessAt("2024-07-15")
      assert.deepStrictEqual(orgLifeOf(found, "v1-f5"), [])
      assert.deepStrictEqual(orgLifeOf(found, "v1-f6"), [])
      assert.includeMembers(meetings.map((f) => f.ruleId), ["R28", "R30", "R32"])
      // once the branch meets again and the member stays away, the finding comes, due on that meeting's day
      yield* exec(themedDays(["08"])[0])
      assert.deepStrictEqual(orgLifeOf((yield* assessAt("2024-08-15")).members, "v1-f5"), [
        ["member.finding.lapsed", "warning", "2024-08-15"]
      ])
    }).pipe(Effect.provide(store())))

  it.effect("R61, R45: taking part at a host's group meeting on 2024-05-20 restarts the clock: nothing before 2024-11-20", () =>
    Effect.gen(function*() {
      yield* setup
      for (const c of themedDays(["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11"])) yield* exec(c)
      // v2-f3 (v2 records no meeting) takes part in v1's group meeting as a member of another organization
      yield* exec({ _tag: "RecordParticipation", memberId: "v2-f3", kind: "orgLife", at: "2024-01-15" })
      yield* exec(meetingOf("g1-host", "groupMeeting", "2024-05-20", [], ["v2-f3"]))
      assert.deepStrictEqual(orgLifeOf((yield* assessAt("2024-11-19")).members, "v2-f3"), [
        ["member.finding.lapseWarning", "notice", "2024-11-20"]
      ])
      assert.deepStrictEqual(orgLifeOf((yield* assessAt("2024-11-20")).members, "v2-f3"), [
        ["member.finding.lapsed", "warning", "2024-11-20"]
      ])
      // without the host meeting, v2-f3 (whose branch records nothing) lapsed on 2024-07-15, as RecordParticipation says
      const { state: roster } = yield* Projection.replay(MemberRoster.asOf("2024-07-15"))
      const alone = Member.assessMembers([roster.members["v2-f3"]!], policy, "2024-07-15")
      assert.deepStrictEqual(orgLifeOf(alone, "v2-f3"), [["member.finding.lapsed", "warning", "2024-07-15"]])
      // The schedule from before the host meeting's effects, with the registers that hold it, has the same days.
      const { meetings, roster: later } = yield* registersAsOf("2024-11-30")
      const schedule = Member.findingsSchedule(later.members["v2-f3"]!, policy, "2024-06-01", { attendance: meetings })
      assert.deepStrictEqual(firstDays(schedule, "v2-f3"), {
        "member.finding.lapseWarning": "2024-08-20",
        "member.finding.lapsed": "2024-11-20"
      })
    }).pipe(Effect.provide(store())))

  it.effect("R61 CONF: where leave resets the clock, the schedule runs from the last absence with leave", () =>
    Effect.gen(function*() {
      yield* setup
      yield* exec(meetingOf("td-0831", "themedPartyDay", "2024-08-31"))
      for (const m of ["09", "10", "11", "12"]) {
        yield* exec(
          meetingOf(`td-${m}`, "themedPartyDay", `2024-${m}-15`, [{
            memberId: "v1-f5",
            excused: true,
            reason: "illness"
          }])
        )
      }
      // and misses January's without leave: a meeting missed since the clock's start, which R61 needs
      yield* exec(meetingOf("td-2501", "themedPartyDay", "2025-01-15", [{ memberId: "v1-f5", excused: false }]))
      const lenient = withOrgLife({ excusedAbsenceResetsLapseClock: true })
      const { meetings, roster } = yield* registersAsOf("2025-01-31")
      const member = roster.members["v1-f5"]!
      const schedule = Member.findingsSchedule(member, lenient, "2024-09-01", { attendance: meetings })
      assert.deepStrictEqual(firstDays(schedule, "v1-f5"), {
        "member.finding.lapseWarning": "2025-03-15",
        "member.finding.lapsed": "2025-06-15"
      })
      const on = (day: string) =>
        orgLifeOf(Member.assessMember(member, lenient, day, { attendance: meetings }), "v1-f5").map(([code]) => code)
      assert.deepStrictEqual([on("2025-03-14"), on("2025-03-15")], [[], ["member.finding.lapseWarning"]])
    }).pipe(Effect.provide(store())))

  it.effect("R61: last took part 2024-08-31: the finding on 2025-02-28 (month-end clamp)", () =>
    Effect.gen(function*() {
      yield* setup
      yield* exec(meetingOf("td-0831", "themedPartyDay", "2024-08-31"))
      for (const m of ["09", "10", "11", "12"]) {
        yield* exec(meetingOf(`td-${m}`, "themedPartyDay", `2024-${m}-15`, [{ memberId: "v1-f5", excused: false }]))
      }
      yield* exec(meetingOf("td-2501", "themedPartyDay", "2025-01-15", [{ memberId: "v1-f5", excused: false }]))
      assert.deepStrictEqual(orgLifeOf((yield* assessAt("2025-02-27")).members, "v1-f5"), [
        ["member.finding.lapseWarning", "notice", "2025-02-28"]
      ])
      assert.deepStrictEqual(orgLifeOf((yield* assessAt("2025-02-28")).members, "v1-f5"), [
        ["member.finding.lapsed", "warning", "2025-02-28"]
      ])
    }).pipe(Effect.provide(store())))

  it.effect("R61: a committee meeting counts for the committee only; a guest at one takes no credit from it", () =>
    Effect.gen(function*() {
      yield* setup
      yield* exec(meetingOf("td-01", "themedPartyDay", "2024-01-15", [{ memberId: "v1-f3", excused: false }]))
      for (const m of ["02", "03", "04", "05", "06"]) {
        yield* exec(meetingOf(`cm-${m}`, "committeeMeeting", `2024-${m}-05`, [], m === "06" ? ["v2-f1"] : []))
        yield* exec(meetingOf(`td-${m}`, "themedPartyDay", `2024-${m}-15`, [
          { memberId: "v1-f3", excused: false },
          { memberId: "v1-f5", excused: false }
        ]))
      }
      const { members: found } = yield* assessAt("2024-07-15")
      // v1-f3 missed every themed day but attended the committee: taking part; v1-f5 is not on the committee
      assert.deepStrictEqual(orgLifeOf(found, "v1-f3"), [])
      assert.deepStrictEqual(orgLifeOf(found, "v1-f5"), [["member.finding.lapsed", "warning", "2024-07-15"]])
      // v2-f1, a guest at the June committee meeting, takes no credit: v2 records nothing, its clock is the stream's
      assert.deepStrictEqual(orgLifeOf(found, "v2-f1"), [["member.finding.lapsed", "warning", "2023-12-01"]])
    }).pipe(Effect.provide(store())))

  it.effect("both sources: RecordParticipation later than any meeting restarts the clock too; v2 keeps using it alone", () =>
    Effect.gen(function*() {
      yield* setup
      for (const m of ["01", "02", "03", "04", "05", "06", "07"]) {
        yield* exec(meetingOf(`td-${m}`, "themedPartyDay", `2024-${m}-15`, [{ memberId: "v1-f5", excused: false }]))
      }
      yield* exec({ _tag: "RecordParticipation", memberId: "v1-f5", kind: "orgLife", at: "2024-05-01" })
      yield* exec({ _tag: "RecordParticipation", memberId: "v2-f2", kind: "orgLife", at: "2024-05-01" })
      const { members: found } = yield* assessAt("2024-07-31")
      // v1-f5: from 2024-05-01, missed May–July: 2 full months and a warning is not yet due (3 months)
      assert.deepStrictEqual(orgLifeOf(found, "v1-f5"), [])
      assert.deepStrictEqual(orgLifeOf(found, "v2-f2"), [])
      // v2-f1 (no participation, v2 records no meeting): the stream's own clock since 2023-06-01
      assert.deepStrictEqual(orgLifeOf(found, "v2-f1"), [["member.finding.lapsed", "warning", "2023-12-01"]])
      const later = yield* assessAt("2024-08-01")
      assert.deepStrictEqual(orgLifeOf(later.members, "v1-f5"), [[
        "member.finding.lapseWarning",
        "notice",
        "2024-11-01"
      ]])
    }).pipe(Effect.provide(store())))

  it.effect("R61 CONF: a community check-in activity counts as organizational life only when the policy says so", () =>
    Effect.gen(function*() {
      yield* setup
      yield* exec({
        _tag: "CheckInAtCommunity",
        memberId: "v2-f4",
        checkInId: "ci-1",
        communityOrgId: "c1",
        record: { residenceRef: "r-1", skills: [], serviceWillingness: [] },
        resettled: false,
        at: "2024-01-10"
      })
      yield* exec({ _tag: "RecordCheckInActivity", memberId: "v2-f4", activityKind: "service", at: "2024-05-10" })
      const strict = yield* assessAt("2024-07-31")
      assert.deepStrictEqual(orgLifeOf(strict.members, "v2-f4"), [["member.finding.lapsed", "warning", "2023-12-01"]])
      const counted = yield* assessAt("2024-07-31", withOrgLife({ communityActivityCountsAsOrgLife: true }))
      assert.deepStrictEqual(orgLifeOf(counted.members, "v2-f4"), [])
    }).pipe(Effect.provide(store())))
})
