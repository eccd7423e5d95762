// The meeting findings as of a date (R28–R35 frequencies per calendar period counted by the day held, R59 plans
// not held, R58 records): each figure at its boundary (a period is judged from the day after its last day), the
// judging window (recording organizations only, from their first record, not exempt, not after dissolution),
// the policy in force at each period's end, and the messages in both locales.
import { assert, describe, it } from "@effect/vitest"
import type { Finding } from "../../src/index.ts"
import { Messages, PolicyTimeline } from "../../src/index.ts"
import type { GovernancePolicy } from "../../src/index.ts"
import * as Meeting from "../../src/meeting/Meeting.ts"
import type { World } from "./fixtures.ts"
import { baseWorld, bodyMeeting, general, orgsOf, policy, runAll, talk, viewOf, withOrgLife } from "./fixtures.ts"

// The world as of a date: only the commands entered on or before it (each event's `at` is its command's).
const worldAsOf = (commands: ReadonlyArray<Meeting.MeetingCommand>, asOf: string, policies = policy): World =>
  runAll(baseWorld(), commands.filter((c) => c.at <= asOf), policies)

const findingsAt = (
  commands: ReadonlyArray<Meeting.MeetingCommand>,
  asOf: string,
  policies: GovernancePolicy.GovernancePolicy | PolicyTimeline.PolicyTimeline = policy,
  withOrgs = true
): ReadonlyArray<Finding.Finding> => {
  const world = worldAsOf(commands, asOf)
  return Meeting.assess(viewOf(world), policies, asOf, withOrgs ? { orgs: orgsOf(world) } : undefined)
}

const of = (findings: ReadonlyArray<Finding.Finding>, rule: string, orgId = "v1") =>
  findings.filter((f) => f.ruleId === rule && f.subject.id === orgId).map((f) =>
    [f.code, f.params["period"] ?? f.params["meetingId"], f.params["groupId"] ?? f.params["kind"], f.due] as const
  )

// v1's first record: a committee meeting on 5 January 2024 (frequencies are judged from January on).
const opening = bodyMeeting("cm-01", "committeeMeeting", "2024-01-05")

const themedDays = (months: ReadonlyArray<string>) =>
  months.map((m) => ({ ...general(`td-${m}`, `2024-${m}-15`), kind: "themedPartyDay" as const }))

describe("R28–R35: frequencies per calendar period, counted by the day held", () => {
  it("R28: Q1 is judged from 2024-04-01, not 2024-03-31; a general meeting on 03-31 counts for Q1, on 04-01 for Q2", () => {
    assert.deepStrictEqual(of(findingsAt([opening], "2024-03-31"), "R28"), [])
    assert.deepStrictEqual(of(findingsAt([opening], "2024-04-01"), "R28"), [
      ["meeting.finding.frequencyShort", "2024-Q1", "generalMeeting", "2024-03-31"]
    ])
    assert.deepStrictEqual(of(findingsAt([opening, general("gm", "2024-03-31")], "2024-04-01"), "R28"), [])
    const april = [opening, general("gm", "2024-04-01")]
    assert.deepStrictEqual(of(findingsAt(april, "2024-07-01"), "R28"), [
      ["meeting.finding.frequencyShort", "2024-Q1", "generalMeeting", "2024-03-31"]
    ])
    const found = findingsAt([opening], "2024-04-01").find((f) => f.ruleId === "R28")
    assert.deepStrictEqual(found?.params, {
      orgId: "v1",
      kind: "generalMeeting",
      period: "2024-Q1",
      held: 0,
      required: 1
    })
    assert.deepStrictEqual([found?.severity, found?.subject], ["warning", { kind: "organization", id: "v1" }])
  })

  it("R29: a month without a committee meeting, judged from the 1st of the next; only where a committee exists", () => {
    const commands = [
      opening,
      general("v2-gm", "2024-01-10", {
        orgId: "v2",
        chairId: "v2-f1",
        recorderId: "v2-f2",
        entitled: ["v2-f1", "v2-f2", "v2-f3", "v2-f4", "v2-f5"],
        present: ["v2-f1", "v2-f2", "v2-f3", "v2-f4", "v2-f5"]
      })
    ]
    assert.deepStrictEqual(of(findingsAt(commands, "2024-02-29"), "R29"), [])
    assert.deepStrictEqual(of(findingsAt(commands, "2024-03-01"), "R29"), [
      ["meeting.finding.frequencyShort", "2024-02", "committeeMeeting", "2024-02-29"]
    ])
    // v2 records meetings but has no committee: no R29 finding
    assert.deepStrictEqual(of(findingsAt(commands, "2024-03-01"), "R29", "v2"), [])
    assert.deepStrictEqual(
      of(findingsAt(commands, "2024-03-01", withOrgLife({ committeeMeetingsPerMonth: 0 })), "R29"),
      []
    )
  })

  it("R30: each Party group meets every month: group g2 missing February is a finding of its own", () => {
    const commands = [
      opening,
      bodyMeeting("g1-01", "groupMeeting", "2024-01-20", "g1"),
      bodyMeeting("g2-01", "groupMeeting", "2024-01-21", "g2"),
      bodyMeeting("g1-02", "groupMeeting", "2024-02-20", "g1")
    ]
    assert.deepStrictEqual(of(findingsAt(commands, "2024-03-01"), "R30"), [
      ["meeting.finding.frequencyShort", "2024-02", "g2", "2024-02-29"]
    ])
  })

  it("R31: a lecture each quarter (local, CONF; 0 turns it off); a Party committee's secretary lectures yearly", () => {
    const lecture = { ...general("lec", "2024-02-10"), kind: "partyLecture" as const, lecturerId: "v1-f1" }
    assert.deepStrictEqual(of(findingsAt([opening], "2024-04-01"), "R31"), [
      ["meeting.finding.frequencyShort", "2024-Q1", "partyLecture", "2024-03-31"]
    ])
    assert.deepStrictEqual(of(findingsAt([opening, lecture], "2024-04-01"), "R31"), [])
    assert.deepStrictEqual(of(findingsAt([opening], "2024-04-01", withOrgLife({ lecturesPerQuarter: 0 })), "R31"), [])
    // the township committee: its secretary's lecture, by year
    const townLecture = (lecturerId: string, heldOn = "2024-06-01"): Meeting.MeetingCommand => ({
      _tag: "RecordMeeting",
      meetingId: `town-lec-${lecturerId}-${heldOn}`,
      orgId: "town",
      kind: "partyLecture",
      heldOn,
      chairId: "town-f1",
      recorderId: "town-f1",
      lecturerId,
      entitled: ["town-f1"],
      present: ["town-f1"],
      absent: [],
      invitees: ["county-lecturer"],
      at: heldOn
    })
    // the township's first record is in January (a guest lecture), so 2024 is judged
    const guest = townLecture("county-lecturer", "2024-01-10")
    assert.deepStrictEqual(of(findingsAt([guest, townLecture("town-f1")], "2024-12-31"), "R31", "town"), [])
    assert.deepStrictEqual(of(findingsAt([guest, townLecture("town-f1")], "2025-01-01"), "R31", "town"), [])
    assert.deepStrictEqual(of(findingsAt([guest], "2025-01-01"), "R31", "town"), [
      ["meeting.finding.secretaryLectureShort", "2024", undefined, "2024-12-31"]
    ])
    // a Party committee is not judged by the branch frequencies
    assert.deepStrictEqual(
      findingsAt([guest, townLecture("town-f1")], "2025-01-01").filter((f) => f.subject.id === "town"),
      []
    )
    assert.deepStrictEqual(
      of(findingsAt([guest], "2025-01-01", withOrgLife({ secretaryLecturesPerYear: 0 })), "R31", "town"),
      []
    )
    // a record first made in June leaves 2024 unjudged (a part year)
    assert.deepStrictEqual(of(findingsAt([townLecture("county-lecturer")], "2025-01-01"), "R31", "town"), [])
  })

  it("R32: a themed Party day every month: held on 01-31 counts for January, on 02-01 for February", () => {
    const january = [opening, ...themedDays(["02"]), {
      ...general("td-jan", "2024-01-31"),
      kind: "themedPartyDay" as const
    }]
    assert.deepStrictEqual(of(findingsAt(january, "2024-03-01"), "R32"), [])
    const february = [opening, ...themedDays(["02"]), {
      ...general("td-feb", "2024-02-01"),
      kind: "themedPartyDay" as const
    }]
    assert.deepStrictEqual(of(findingsAt(february, "2024-01-31"), "R32"), [])
    assert.deepStrictEqual(of(findingsAt(february, "2024-02-01"), "R32"), [
      ["meeting.finding.frequencyShort", "2024-01", "themedPartyDay", "2024-01-31"]
    ])
  })

  it("R33: an org-life meeting on 31 December at 23:00 in Shanghai counts in that year; 00:30 on 1 January does not", () => {
    const orgLife = (instant: string): Meeting.MeetingCommand => {
      const heldOn = Meeting.legalDateInChina(instant)!
      return { ...general("olm", heldOn), kind: "orgLifeMeeting" }
    }
    assert.strictEqual(Meeting.legalDateInChina("2024-12-31T15:00:00Z"), "2024-12-31")
    assert.strictEqual(Meeting.legalDateInChina("2024-12-31T16:30:00Z"), "2025-01-01")
    assert.strictEqual(Meeting.legalDateInChina("not a time"), undefined)
    assert.deepStrictEqual(of(findingsAt([opening, orgLife("2024-12-31T23:00:00+08:00")], "2025-01-01"), "R33"), [])
    assert.deepStrictEqual(of(findingsAt([opening, orgLife("2025-01-01T00:30:00+08:00")], "2025-01-01"), "R33"), [
      ["meeting.finding.frequencyShort", "2024", "orgLifeMeeting", "2024-12-31"]
    ])
  })

  it("R33: usually in Q4: a notice from 1 October while the year has none, gone once it is held", () => {
    assert.deepStrictEqual(of(findingsAt([opening], "2024-09-30"), "R33"), [])
    const notice = findingsAt([opening], "2024-10-01").filter((f) => f.ruleId === "R33")
    assert.deepStrictEqual(notice.map((f) => [f.code, f.severity, f.due]), [
      ["meeting.finding.orgLifeMeetingDue", "notice", "2024-12-31"]
    ])
    const held = [opening, { ...general("olm", "2024-11-20"), kind: "orgLifeMeeting" as const }]
    assert.deepStrictEqual(of(findingsAt(held, "2024-12-01"), "R33"), [])
  })

  it("R34, R35: a heart-to-heart talk and an appraisal each year; an org-life meeting may also be the appraisal", () => {
    const year = "2025-01-01"
    const missing = findingsAt([opening], year)
    assert.deepStrictEqual(of(missing, "R34"), [[
      "meeting.finding.frequencyShort",
      "2024",
      "heartToHeartTalk",
      "2024-12-31"
    ]])
    assert.deepStrictEqual(of(missing, "R35"), [[
      "meeting.finding.frequencyShort",
      "2024",
      "appraisalMeeting",
      "2024-12-31"
    ]])
    const combined = [
      opening,
      talk("t1", "2024-06-01"),
      { ...general("olm", "2024-12-20"), kind: "orgLifeMeeting" as const, alsoCounts: ["appraisalMeeting" as const] }
    ]
    const found = findingsAt(combined, year)
    assert.deepStrictEqual([of(found, "R33"), of(found, "R34"), of(found, "R35")], [[], [], []])
  })
})

describe("the judging window", () => {
  it("an organization that records no meeting gets no finding; v2's periods are not judged because v1 records", () => {
    assert.deepStrictEqual(findingsAt([], "2025-01-01"), [])
    assert.deepStrictEqual(findingsAt([opening], "2025-01-01").filter((f) => f.subject.id !== "v1"), [])
  })

  it("periods that start before the month of the first record are not judged", () => {
    const may = [{ ...general("gm", "2024-05-10"), kind: "themedPartyDay" as const }]
    const found = findingsAt(may, "2024-07-01")
    // Q2 started before May: not judged; May is judged for the committee only from its first month on
    assert.deepStrictEqual(of(found, "R28"), [])
    assert.deepStrictEqual(of(found, "R32"), [[
      "meeting.finding.frequencyShort",
      "2024-06",
      "themedPartyDay",
      "2024-06-30"
    ]])
  })

  it("R59 CONF: an exempt organization gets no frequency finding (a plan not held still is one)", () => {
    const exempt = withOrgLife({ frequencyExemptOrgs: ["v1"] })
    const plan: Meeting.MeetingCommand = {
      _tag: "PlanMeeting",
      meetingId: "p",
      orgId: "v1",
      kind: "generalMeeting",
      plannedOn: "2024-02-01",
      at: "2024-01-05"
    }
    const found = findingsAt([opening, plan], "2025-01-01", exempt)
    assert.deepStrictEqual([...new Set(found.map((f) => f.ruleId))], ["R59"])
  })

  it("a dissolved organization is judged only for the periods that ended before its dissolution", () => {
    const world = worldAsOf([opening], "2024-12-31")
    const orgs = {
      ...orgsOf(world),
      v1: { ...orgsOf(world)["v1"]!, status: "dissolved" as const, dissolvedAt: "2024-03-15" }
    }
    const found = Meeting.assess(viewOf(world), policy, "2024-12-31", { orgs })
    assert.deepStrictEqual(of(found, "R32").map((f) => f[1]), ["2024-01", "2024-02"])
    assert.deepStrictEqual(of(found, "R28"), [])
  })

  it("each period is judged by the policy in force on its last day", () => {
    const off: GovernancePolicy.GovernancePolicy = { ...withOrgLife({ lecturesPerQuarter: 0 }), name: "no-lectures" }
    const on: GovernancePolicy.GovernancePolicy = { ...policy, name: "lectures", effectiveFrom: "2024-07-01" }
    const found = findingsAt([opening], "2024-10-01", PolicyTimeline.make(off, on))
    assert.deepStrictEqual(of(found, "R31").map((f) => f[1]), ["2024-Q3"])
  })

  it("without the organizations, every recording organization is judged as a branch", () => {
    const commands = [opening, bodyMeeting("g2-01", "groupMeeting", "2024-01-21", "g2")]
    const found = findingsAt(commands, "2024-03-01", policy, false)
    // committee meetings were recorded, so R29 is judged; only the group that recorded meetings is judged (R30)
    assert.deepStrictEqual(of(found, "R29").map((f) => f[1]), ["2024-02"])
    assert.deepStrictEqual(of(found, "R30").map((f) => f[2]), ["g2"])
  })
})

describe("R59: planned, not held", () => {
  const plan = (plannedOn: string, at = "2024-03-01"): Meeting.MeetingCommand => ({
    _tag: "PlanMeeting",
    meetingId: "gm",
    orgId: "v1",
    kind: "generalMeeting",
    plannedOn,
    at
  })

  it("R59: planned 2024-03-20, held 2024-03-31: counts for Q1, no plan finding", () => {
    const found = findingsAt([opening, plan("2024-03-20"), general("gm", "2024-03-31")], "2024-04-01")
    assert.deepStrictEqual([of(found, "R28"), of(found, "R59")], [[], []])
  })

  it("R59: planned 2024-03-28, held 2024-04-01 with no other in Q1: R28 for Q1 and a plan not held in its period", () => {
    const commands = [opening, plan("2024-03-28"), general("gm", "2024-04-01")]
    assert.deepStrictEqual(of(findingsAt(commands, "2024-03-31"), "R59"), [])
    const found = findingsAt(commands, "2024-04-01")
    assert.deepStrictEqual(of(found, "R59"), [[
      "meeting.finding.plannedNotHeld",
      "2024-Q1",
      "generalMeeting",
      "2024-03-31"
    ]])
    assert.deepStrictEqual(found.find((f) => f.ruleId === "R59")?.params, {
      orgId: "v1",
      meetingId: "gm",
      kind: "generalMeeting",
      plannedOn: "2024-03-28",
      period: "2024-Q1"
    })
    assert.deepStrictEqual(of(found, "R28").map((f) => f[1]), ["2024-Q1"])
    // and it stays a fact of Q1 (Q2 has its meeting)
    assert.deepStrictEqual(of(findingsAt(commands, "2024-07-01"), "R28").map((f) => f[1]), ["2024-Q1"])
  })

  it("R59: a new date entered before the period ended moves the plan; one entered after does not erase the miss", () => {
    const move = (at: string): Meeting.MeetingCommand => ({
      _tag: "RescheduleMeeting",
      meetingId: "gm",
      plannedOn: "2024-04-10",
      at
    })
    assert.deepStrictEqual(of(findingsAt([opening, plan("2024-03-28"), move("2024-03-31")], "2024-04-05"), "R59"), [])
    assert.deepStrictEqual(
      of(findingsAt([opening, plan("2024-03-28"), move("2024-04-02")], "2024-04-05"), "R59").length,
      1
    )
    // the moved plan is judged in its own period: not held by 2024-06-30
    assert.deepStrictEqual(
      of(findingsAt([opening, plan("2024-03-28"), move("2024-03-31")], "2024-07-01"), "R59").length,
      1
    )
  })

  it("R59: a plan called off before its period ended is no finding; called off after, it is", () => {
    const cancel = (at: string): Meeting.MeetingCommand => ({ _tag: "CancelMeeting", meetingId: "gm", at })
    assert.deepStrictEqual(of(findingsAt([opening, plan("2024-03-28"), cancel("2024-03-25")], "2024-04-05"), "R59"), [])
    assert.deepStrictEqual(
      of(findingsAt([opening, plan("2024-03-28"), cancel("2024-04-03")], "2024-04-05"), "R59").length,
      1
    )
  })
})

describe("R58 REC: what a record shows", () => {
  it("R58: an entitled list that differs from the roster is a notice; a general meeting that voted with no decision a warning", () => {
    const commands = [
      general("gm", "2024-03-10", {
        entitled: ["v1-f1", "v1-f2"],
        present: ["v1-f1", "v1-f2"],
        voting: { entitledVoting: 2, presentVoting: 2, votes: [{ motion: "plan-2024", yes: 2, no: 0, abstain: 0 }] }
      })
    ]
    const found = findingsAt(commands, "2024-03-10").filter((f) => f.ruleId === "R58")
    assert.deepStrictEqual(
      found.map((f) => [f.code, f.severity, f.params["notOnRoster"], f.params["notEntitled"]]),
      [
        ["meeting.finding.voteWithoutDecision", "warning", undefined, undefined],
        ["meeting.finding.rosterMismatch", "notice", 0, 10]
      ].sort((a, b) => (String(a[0]) < String(b[0]) ? 1 : -1))
    )
    const decided = [{ ...commands[0]!, decisions: ["plan adopted"] } as Meeting.MeetingCommand]
    assert.deepStrictEqual(
      findingsAt(decided, "2024-03-10").filter((f) => f.code === "meeting.finding.voteWithoutDecision"),
      []
    )
  })
})

describe("meeting messages", () => {
  it("every finding renders in zh-CN and en with ids, periods and counts only", () => {
    const found = findingsAt(
      [opening, general("gm", "2024-04-01", { entitled: ["v1-f1"], present: ["v1-f1"] })],
      "2025-01-01"
    )
    const codes = new Set(found.map((f) => f.code))
    assert.includeMembers([...codes], [
      "meeting.finding.frequencyShort",
      "meeting.finding.rosterMismatch"
    ])
    for (const f of found) {
      assert.isTrue(Messages.isTranslated(f.code), f.code)
      assert.notInclude(Messages.render(f, "en"), f.code)
    }
    const r30 = found.find((f) => f.ruleId === "R30")
    assert.match(Messages.render(r30!, "zh-CN"), /^v1\(党小组 g[12]\) 在 2024-\d\d 召开党小组会 0 次,应至少 1 次$/)
    assert.match(
      Messages.render(r30!, "en"),
      /^v1 \(group g[12]\) held 0 Party group meeting\(s\) in 2024-\d\d; at least 1 expected$/
    )
  })
})
