// A member's findings as days (`Member.findingsSchedule`): each stretch's findings are the member's findings on every
// day of it, but for `months`; a new stretch begins only where they change; and the boundaries of RULES.md §3.1 are
// first days of stretches, to the day (R37, R39, R41, R43, R44, R47).
import { Arbitraries } from "@dangjian/testing"
import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import type { Finding } from "../../src/index.ts"
import { LegalDate, MeetingRegister, PolicyTimeline } from "../../src/index.ts"
import * as Member from "../../src/member/Member.ts"
import type { GovernancePolicy } from "../../src/policy/GovernancePolicy.ts"
import {
  baseWorld,
  checkIn,
  issue,
  memberOf,
  policy,
  register,
  registerProbationary,
  runAllMembers
} from "./fixtures.ts"

const withoutMonths = (findings: ReadonlyArray<Finding.Finding>) =>
  findings.map(({ params: { months: _months, ...params }, ...finding }) => ({ ...finding, params }))

const stretchOn = (schedule: ReadonlyArray<Member.FindingsFrom>, day: string): Member.FindingsFrom => {
  let found = schedule[0]!
  for (const stretch of schedule) if (stretch.from <= day) found = stretch
  return found
}

/** The days a stretch begins on, with the codes of one rule's findings from then on. */
const daysOf = (schedule: ReadonlyArray<Member.FindingsFrom>, rule: string) =>
  schedule.map((s): readonly [string, ReadonlyArray<string>] => [
    s.from,
    s.findings.filter((f) => f.ruleId === rule).map((f) => f.code)
  ])

const joined = () => runAllMembers(baseWorld(), [register("m1", "v1", "full", "2024-01-10")])

describe("Member.findingsSchedule: the days findings change (boundaries)", () => {
  it("R39: the early warning from the day 3 months are complete, the lapse from the day 6 are", () => {
    const member = memberOf(joined(), "m1")
    assert.deepStrictEqual(daysOf(Member.findingsSchedule(member, policy, "2024-02-01"), "R39"), [
      ["2024-02-01", []],
      ["2024-04-10", ["member.finding.lapseWarning", "member.finding.lapseWarning"]],
      ["2024-07-10", ["member.finding.lapsed", "member.finding.lapsed"]]
    ])
    // From a day of the last stretch on, nothing changes any more.
    assert.deepStrictEqual(daysOf(Member.findingsSchedule(member, policy, "2031-05-05"), "R39"), [
      ["2031-05-05", ["member.finding.lapsed", "member.finding.lapsed"]]
    ])
  })

  it("until: no stretch starts on or after the day, and the stretches before it are the whole schedule's", () => {
    const member = memberOf(joined(), "m1")
    const whole = Member.findingsSchedule(member, policy, "2024-02-01")
    // The lapse falls due on 2024-07-10: a schedule until that day stops before it, one until the day after has it.
    assert.deepStrictEqual(
      Member.findingsSchedule(member, policy, "2024-02-01", { until: "2024-07-10" }),
      whole.slice(0, 2)
    )
    assert.deepStrictEqual(Member.findingsSchedule(member, policy, "2024-02-01", { until: "2024-07-11" }), whole)
    // The first stretch starts on `asOf` whatever `until` says.
    assert.deepStrictEqual(
      Member.findingsSchedule(member, policy, "2024-02-01", { until: "2024-02-01" }),
      whole.slice(0, 1)
    )
  })

  it("R37, R43: the probation discussion from the day probation ends; an expired letter from the day after", () => {
    const probationary = memberOf(
      runAllMembers(baseWorld(), [registerProbationary("m1", "2024-09-01")]),
      "m1"
    )
    const r37 = daysOf(Member.findingsSchedule(probationary, policy, "2024-01-01"), "R37")
    assert.deepStrictEqual(r37.filter(([, codes]) => codes.length > 0)[0], [
      "2024-09-01",
      ["member.finding.probationDiscussionDue"]
    ])
    const letter = memberOf(runAllMembers(joined(), [issue("m1", "v2", "2024-01-01")]), "m1")
    const r43 = daysOf(Member.findingsSchedule(letter, policy, "2024-01-01"), "R43")
    assert.deepStrictEqual(r43.filter(([, codes]) => codes.length > 0)[0], [
      "2024-04-01",
      ["member.finding.transferLetterExpired"]
    ])
  })

  it("R41, R44: a credential from the day 4 months are complete (none up to 3); a transfer from the day 6 are", () => {
    const away = memberOf(
      runAllMembers(joined(), [
        { _tag: "RecordAbsence", memberId: "m1", fixedPlace: true, abroad: false, at: "2024-01-15" }
      ]),
      "m1"
    )
    const schedule = Member.findingsSchedule(away, policy, "2024-02-01")
    const from = (rule: string) => daysOf(schedule, rule).filter(([, codes]) => codes.length > 0).map(([day]) => day)
    assert.strictEqual(from("R44")[0], "2024-05-15")
    assert.strictEqual(from("R41")[0], "2024-07-15")
    // The certificate is no longer asked for once the transfer is: R44's stretch ends where R41's begins.
    assert.notInclude(from("R44"), "2024-07-15")
  })

  it("R47: the feedback from 12 months after the last; too few activities from the day the last leaves the year", () => {
    const local: GovernancePolicy = {
      ...policy,
      membership: { ...policy.membership, minCommunityActivitiesPerYear: 1 }
    }
    const world = runAllMembers(joined(), [
      checkIn("m1", "c1", "2024-03-01"),
      { _tag: "RecordCheckInActivity", memberId: "m1", activityKind: "service", at: "2024-06-10" },
      { _tag: "RecordCheckInFeedback", memberId: "m1", rating: "good", at: "2025-01-10" }
    ])
    const schedule = Member.findingsSchedule(memberOf(world, "m1"), local, "2025-01-10")
    const codesOn = (day: string) =>
      stretchOn(schedule, day).findings.filter((f) => f.ruleId === "R47").map((f) => f.code)
    // The year before a day starts the day after its date a year earlier: 2024-06-10 counts up to 2025-06-09.
    assert.deepStrictEqual(codesOn("2025-06-09"), [])
    assert.deepStrictEqual(codesOn("2025-06-10"), ["member.finding.fewCommunityActivities"])
    assert.include(schedule.map((s) => s.from), "2025-06-10")
    assert.deepStrictEqual(
      codesOn("2026-01-10"),
      ["member.finding.fewCommunityActivities", "member.finding.checkInFeedbackDue"].sort()
    )
  })
})

describe("Member.findingsSchedule: calendar edges and local policy", () => {
  it("R47: an activity of 29 February counts through 28 February a year on, and no more from 1 March", () => {
    const local: GovernancePolicy = {
      ...policy,
      membership: { ...policy.membership, minCommunityActivitiesPerYear: 1, checkInFeedbackEveryMonths: 0 }
    }
    const world = runAllMembers(joined(), [
      checkIn("m1", "c1", "2024-02-01"),
      { _tag: "RecordCheckInActivity", memberId: "m1", activityKind: "service", at: "2024-02-29" }
    ])
    const schedule = Member.findingsSchedule(memberOf(world, "m1"), local, "2024-03-01")
    const fewFrom = schedule.filter((s) => s.findings.some((f) => f.code === "member.finding.fewCommunityActivities"))
    assert.strictEqual(fewFrom[0]?.from, "2025-03-01")
  })

  it("R61 CONF: where community activities count as organizational life, the lapse runs from the last activity", () => {
    const counting: GovernancePolicy = {
      ...policy,
      orgLife: { ...policy.orgLife, communityActivityCountsAsOrgLife: true }
    }
    const world = runAllMembers(joined(), [
      { _tag: "RecordParticipation", memberId: "m1", kind: "orgLife", at: "2024-02-01" },
      { _tag: "RecordParticipation", memberId: "m1", kind: "dues", at: "2025-12-01" },
      checkIn("m1", "c1", "2024-03-01"),
      { _tag: "RecordCheckInActivity", memberId: "m1", activityKind: "service", at: "2024-05-17" }
    ])
    const lapses = Member.findingsSchedule(memberOf(world, "m1"), counting, "2024-06-01").flatMap((s) =>
      s.findings.some((f) => f.code === "member.finding.lapsed" && f.params["kind"] === "orgLife") ? [s.from] : []
    )
    assert.strictEqual(lapses[0], "2024-11-17")
  })
})

// The membership and organizational-life figures a policy may set, drawn anew for each policy of a timeline.
const figures = fc.record({
  lapseMonths: fc.integer({ min: 1, max: 12 }),
  lapseEarlyWarningMonths: fc.integer({ min: 0, max: 6 }),
  lostContactSuspendMonths: fc.integer({ min: 1, max: 12 }),
  suspendedRemoveAfterYears: fc.integer({ min: 1, max: 3 }),
  transferDueAfterMonths: fc.integer({ min: 1, max: 12 }),
  credentialFreeMonths: fc.integer({ min: 0, max: 6 }),
  mobileContactIntervalMonths: fc.integer({ min: 0, max: 12 }),
  checkInFeedbackEveryMonths: fc.integer({ min: 0, max: 24 }),
  minCommunityActivitiesPerYear: fc.integer({ min: 0, max: 6 }),
  affiliationDefaultForResettled: fc.constantFrom("origin" as const, "residence" as const),
  excusedAbsenceResetsLapseClock: fc.boolean(),
  communityActivityCountsAsOrgLife: fc.boolean()
})

const timelines = fc.tuple(Arbitraries.policyTimeline, fc.array(figures, { minLength: 4, maxLength: 4 })).map((
  [timeline, drawn]
) => ({
  policies: timeline.policies.map((p, i): GovernancePolicy => {
    const { excusedAbsenceResetsLapseClock, communityActivityCountsAsOrgLife, minCommunityActivitiesPerYear, ...m } =
      drawn[i % drawn.length]!
    return {
      ...p,
      membership: {
        ...p.membership,
        ...m,
        ...(minCommunityActivitiesPerYear === 0 ? {} : { minCommunityActivitiesPerYear })
      },
      orgLife: { ...p.orgLife, excusedAbsenceResetsLapseClock, communityActivityCountsAsOrgLife }
    }
  })
}))

describe("Member.findingsSchedule and Member.assessMember: the meeting register", () => {
  // An application schedules or assesses its members one at a time with the same register: the register's
  // attendance is worked out once, not again for each member (as it was: the work grew with members × meetings).
  it("R61: the attendance of one register is worked out once for every member asked with it", () => {
    let reads = 0
    const meetings = new Proxy({}, {
      ownKeys: (target) => {
        reads++
        return Reflect.ownKeys(target)
      }
    })
    const view: MeetingRegister.RegisterView = { meetings }
    const world = runAllMembers(
      baseWorld(),
      Array.from({ length: 20 }, (_, n) => register(`m${n}`, n % 2 === 0 ? "v1" : "v2", "full", "2024-01-10"))
    )
    const timeline = PolicyTimeline.national
    for (let n = 0; n < 20; n++) {
      const member = memberOf(world, `m${n}`)
      const withView = Member.findingsSchedule(member, timeline, "2024-02-01", { attendance: view })
      assert.deepStrictEqual(
        withView,
        Member.findingsSchedule(member, timeline, "2024-02-01", { attendance: MeetingRegister.empty })
      )
      Member.assessMember(member, PolicyTimeline.policyAt(timeline, "2024-09-01"), "2024-09-01", { attendance: view })
    }
    assert.strictEqual(reads, 1)
    // Another register is another attendance.
    Member.findingsSchedule(memberOf(world, "m0"), timeline, "2024-02-01", { attendance: { meetings } })
    assert.strictEqual(reads, 2)
  })
})

describe("Member.findingsSchedule: laws", () => {
  // Any member state (random events folded), any policy timeline, any day: the stretch a day falls in has the
  // member's findings on that day, but for `months`; first days included, and the days before them.
  it("each stretch holds the findings of every day in it, and the next begins only where they change", () => {
    fc.assert(
      fc.property(
        // Prototype names among the ids too: the meeting register's attendance is looked up by member id.
        fc.array(
          fc.oneof(
            Arbitraries.memberEvent(),
            Arbitraries.memberEvent({ memberIds: ["__proto__", "constructor"], orgIds: ["__proto__", "toString"] })
          ),
          { maxLength: 10 }
        ),
        fc.oneof(Arbitraries.policyTimeline, timelines),
        Arbitraries.legalDate({ min: "2017-01-01", max: "2027-12-31" }),
        fc.array(fc.integer({ min: 0, max: 366 * 8 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (events, timeline, asOf, offsets, withRegister) => {
          const member = events.reduce(Member.evolve, Member.initialState)
          const options = withRegister ? { attendance: MeetingRegister.empty } : undefined
          const schedule = Member.findingsSchedule(member, timeline, asOf, options)
          const judge = (day: string) =>
            withoutMonths(Member.assessMember(member, PolicyTimeline.policyAt(timeline, day), day, options))
          assert.strictEqual(schedule[0]!.from, asOf)
          const days = new Set(offsets.map((n) => LegalDate.addDays(asOf, n)))
          for (let i = 1; i < schedule.length; i++) {
            const from = schedule[i]!.from
            assert.isTrue(from > schedule[i - 1]!.from)
            assert.notDeepEqual(withoutMonths(schedule[i]!.findings), withoutMonths(schedule[i - 1]!.findings))
            days.add(from)
            days.add(LegalDate.addDays(from, -1))
          }
          for (const day of days) assert.deepStrictEqual(judge(day), withoutMonths(stretchOn(schedule, day).findings))
        }
      ),
      { numRuns: 600 }
    )
  })
})
