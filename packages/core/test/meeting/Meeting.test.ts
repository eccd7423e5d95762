// The meeting aggregate's decisions (R36, R58–R60): the record's HARD checks at each boundary of RULES.md §3.5,
// the chair's role, plans, new dates and cancellations, records entered after the fact, talks and corrections;
// against the pure decision over the meeting and the organization it reads.
import { assert, describe, it } from "@effect/vitest"
import { Result } from "effect"
import * as Meeting from "../../src/meeting/Meeting.ts"
import {
  baseWorld,
  bodyMeeting,
  eventsOf,
  g1,
  general,
  meetingOf,
  policy,
  rejection,
  ruleOf,
  runAll,
  talk,
  v1Committee,
  v1Members,
  withOrgLife
} from "./fixtures.ts"

describe("Meeting: the stream", () => {
  it("streamId is meeting-<meetingId> and meetingIdOf reverses it", () => {
    assert.strictEqual(Meeting.streamId("m1"), "meeting-m1")
    assert.strictEqual(Meeting.meetingIdOf("meeting-m1"), "m1")
    assert.strictEqual(Meeting.meetingIdOf("member-m1"), undefined)
  })

  it("the single-stream decider reads no organization; a command built without the Schema is a typed rejection", () => {
    const decider = Meeting.decider(policy)
    const planned = decider.decide(
      {
        _tag: "PlanMeeting",
        meetingId: "m",
        orgId: "v1",
        kind: "generalMeeting",
        plannedOn: "2024-03-20",
        at: "2024-03-01"
      },
      Meeting.initialState
    )
    assert.strictEqual(Result.isFailure(planned) ? planned.failure.code : undefined, "meeting.orgNotFound")
    const unknown = Meeting.decide(
      policy,
      { _tag: "Nonsense", meetingId: "m", at: "2024-01-01" } as never,
      Meeting.initialState
    )
    assert.strictEqual(Result.isFailure(unknown) ? unknown.failure.code : undefined, "domain.unknownCommand")
  })
})

describe("R58: the contents of a meeting record", () => {
  const world = baseWorld()
  const leave = { memberId: "v1-f9", excused: true, reason: "illness" as const }
  const noLeave = { memberId: "v1-f10", excused: false }

  it("R58: entitled 12, present 10, absent 2 (one with leave, one without) is valid and keeps both absences", () => {
    assert.strictEqual(v1Members.length, 12)
    const [held] = eventsOf(world, general("gm", "2024-03-10", { absentIds: [leave, noLeave] }))
    assert.strictEqual(held?._tag, "MeetingHeld")
    if (held?._tag !== "MeetingHeld") return
    assert.strictEqual(held.entitled.length, 12)
    assert.strictEqual(held.present.length, 10)
    assert.deepStrictEqual(held.absent, [leave, noLeave])
    assert.deepStrictEqual([held.chairRole, held.chairDelegated, held.lateRecorded], ["secretary", false, false])
    assert.deepStrictEqual([held.entitledNotOnRoster, held.rosterNotEntitled], [0, 0])
  })

  it("R58: entitled 12, present 10, absent 1 is rejected: present ∪ absent ≠ entitled", () => {
    const error = rejection(
      world,
      general("gm", "2024-03-10", {
        absentIds: [leave],
        present: v1Members.filter((id) => id !== "v1-f9" && id !== "v1-f10")
      })
    )
    assert.deepStrictEqual(ruleOf(error), ["R58", "meeting.attendanceMismatch"])
    assert.deepStrictEqual(error.params, { meetingId: "gm", entitled: 12, present: 10, absent: 1 })
    // someone present who is not entitled is a mismatch too
    const stranger = rejection(world, general("gm", "2024-03-10", { present: [...v1Members.slice(1), "x"] }))
    assert.deepStrictEqual(ruleOf(stranger), ["R58", "meeting.attendanceMismatch"])
  })

  it("R58: a member listed twice, or leave without its reason, is rejected", () => {
    const twice = rejection(world, general("gm", "2024-03-10", { absentIds: [noLeave], present: v1Members }))
    assert.deepStrictEqual(ruleOf(twice), ["R58", "meeting.duplicateAttendee"])
    const entitledTwice = rejection(world, general("gm", "2024-03-10", { entitled: [...v1Members, "v1-f1"] }))
    assert.deepStrictEqual(ruleOf(entitledTwice), ["R58", "meeting.duplicateAttendee"])
    const noReason = rejection(
      world,
      general("gm", "2024-03-10", { absentIds: [{ memberId: "v1-f9", excused: true }] })
    )
    assert.deepStrictEqual(ruleOf(noReason), ["R58", "meeting.leaveReasonMissing"])
    // an unexcused absence may go without a reason
    assert.strictEqual(eventsOf(world, general("gm", "2024-03-10", { absentIds: [noLeave] })).length, 1)
  })

  it("R58: a member of the branch listed as an invitee is rejected; an outsider invitee is not; 列席 at a committee", () => {
    const member = rejection(world, general("gm", "2024-03-10", { absentIds: [noLeave], invitees: ["v1-f10"] }))
    assert.deepStrictEqual(ruleOf(member), ["R58", "meeting.duplicateAttendee"])
    const onRoster = rejection(
      world,
      general("gm", "2024-03-10", {
        entitled: v1Members.filter((id) => id !== "v1-f10"),
        present: v1Members.filter((id) => id !== "v1-f10"),
        invitees: ["v1-f10"]
      })
    )
    assert.deepStrictEqual(ruleOf(onRoster), ["R58", "meeting.inviteeIsMember"])
    const [outsider] = eventsOf(world, general("gm", "2024-03-10", { invitees: ["township-official-1"] }))
    assert.deepStrictEqual(outsider?._tag === "MeetingHeld" ? outsider.invitees : [], ["township-official-1"])
    // a branch member attends a committee meeting as an invitee (列席), without being entitled there
    const [committee] = eventsOf(world, { ...bodyMeeting("cm", "committeeMeeting", "2024-03-05"), invitees: ["v1-f4"] })
    assert.deepStrictEqual(committee?._tag === "MeetingHeld" ? committee.invitees : [], ["v1-f4"])
  })

  it("R58, R45: a mobile member of v2 at v1's group meeting is a guest: not entitled, no vote, not on v1's roster", () => {
    const meeting = { ...bodyMeeting("gr", "groupMeeting", "2024-05-20", "g1"), guestMembers: ["v2-f3"] }
    const [held] = eventsOf(world, meeting)
    assert.deepStrictEqual(held?._tag === "MeetingHeld" ? [held.guestMembers, held.entitled] : [], [["v2-f3"], g1])
    // a member of v1 is not a guest at v1
    const local = rejection(world, { ...meeting, guestMembers: ["v1-f10"] })
    assert.deepStrictEqual(ruleOf(local), ["R58", "meeting.guestIsMember"])
    // a guest has no vote: those present with a vote are among the present members
    const voting = {
      ...meeting,
      voting: { entitledVoting: 4, presentVoting: 5, votes: [{ motion: "m1", yes: 5, no: 0, abstain: 0 }] }
    }
    assert.deepStrictEqual(ruleOf(rejection(world, voting)), ["R58", "meeting.votingInconsistent"])
  })

  it("R58: the chair is present, and the record names its chair and recorder", () => {
    const absentChair = rejection(
      world,
      general("gm", "2024-03-10", { absentIds: [{ memberId: "v1-f1", excused: false }] })
    )
    assert.deepStrictEqual(ruleOf(absentChair), ["R58", "meeting.chairNotPresent"])
    const { chairId: _c, ...noChair } = general("gm", "2024-03-10")
    assert.deepStrictEqual(ruleOf(rejection(world, noChair)), ["R58", "meeting.chairMissing"])
    const { recorderId: _r, ...noRecorder } = general("gm", "2024-03-10")
    assert.deepStrictEqual(ruleOf(rejection(world, noRecorder)), ["R58", "meeting.recorderMissing"])
    assert.deepStrictEqual(ruleOf(rejection(world, general("gm", "2024-03-10", { recorderId: " " }))), [
      "R58",
      "meeting.recorderMissing"
    ])
  })

  it("R58: votes add up: present with a vote ≤ entitled to vote ≤ entitled; a tally ≤ those present with a vote", () => {
    const voting = (entitledVoting: number, presentVoting: number, yes: number) =>
      general("gm", "2024-03-10", {
        voting: { entitledVoting, presentVoting, votes: [{ motion: "admission-1", yes, no: 1, abstain: 0 }] },
        decisions: ["admitted"]
      })
    assert.strictEqual(eventsOf(world, voting(10, 10, 9)).length, 1)
    assert.deepStrictEqual(ruleOf(rejection(world, voting(10, 10, 10))), ["R58", "meeting.votingInconsistent"])
    assert.deepStrictEqual(ruleOf(rejection(world, voting(10, 11, 5))), ["R58", "meeting.votingInconsistent"])
    assert.deepStrictEqual(ruleOf(rejection(world, voting(13, 10, 5))), ["R58", "meeting.votingInconsistent"])
  })

  it("R58 REC: an entitled list that differs from the roster is accepted and counted for the finding", () => {
    const [held] = eventsOf(
      world,
      general("gm", "2024-03-10", {
        entitled: [...v1Members.slice(1), "v2-f1"],
        present: [...v1Members.slice(1), "v2-f1"],
        chairId: "v1-f2",
        delegated: true
      })
    )
    assert.deepStrictEqual(held?._tag === "MeetingHeld" ? [held.entitledNotOnRoster, held.rosterNotEntitled] : [], [
      1,
      1
    ])
  })

  it("R58: the body follows the kind; a group meeting names a group of the branch; combined kinds share the body", () => {
    const noGroup = rejection(world, { ...bodyMeeting("gr", "groupMeeting", "2024-05-20", "g1"), groupId: "g9" })
    assert.strictEqual(noGroup.code, "meeting.groupNotFound")
    const committeeAsGroup = rejection(world, { ...bodyMeeting("cm", "committeeMeeting", "2024-05-20"), body: "group" })
    assert.strictEqual(committeeAsGroup.code, "meeting.bodyNotAllowed")
    const combined = rejection(world, {
      ...bodyMeeting("cm", "committeeMeeting", "2024-05-20"),
      alsoCounts: ["partyLecture"]
    })
    assert.strictEqual(combined.code, "meeting.combinedKindNotAllowed")
    // R33: an org-life meeting held as a group meeting, chaired by the group leader
    const [orgLife] = eventsOf(world, {
      ...bodyMeeting("gr", "groupMeeting", "2024-11-20", "g1"),
      kind: "orgLifeMeeting",
      body: "group",
      alsoCounts: ["appraisalMeeting"]
    })
    assert.deepStrictEqual(orgLife?._tag === "MeetingHeld" ? [orgLife.body, orgLife.groupId, orgLife.chairRole] : [], [
      "group",
      "g1",
      "groupLeader"
    ])
    const talkAsMeeting = rejection(world, { ...general("t", "2024-03-10"), kind: "heartToHeartTalk" })
    assert.strictEqual(talkAsMeeting.code, "meeting.talkNeedsItsCommand")
  })

  it("the organization exists on the day held and is not dissolved; a meeting is not recorded before it is held", () => {
    assert.strictEqual(
      rejection(world, { ...general("x", "2024-03-10"), orgId: "nowhere" }).code,
      "meeting.orgNotFound"
    )
    assert.strictEqual(rejection(world, general("x", "2023-12-31")).code, "meeting.orgNotFound")
    assert.deepStrictEqual(rejection(world, general("x", "2024-03-11", { at: "2024-03-10" })).params, {
      meetingId: "x",
      heldOn: "2024-03-11",
      at: "2024-03-10"
    })
  })
})

describe("R36: who chairs", () => {
  const world = baseWorld()

  it("R36: the secretary chairs; a deputy or committee member only with a recorded delegation; nobody else", () => {
    const role = (chairId: string, delegated?: boolean) => {
      const [held] = eventsOf(
        world,
        general("gm", "2024-03-10", { chairId, ...(delegated === undefined ? {} : { delegated }) })
      )
      return held?._tag === "MeetingHeld" ? [held.chairRole, held.chairDelegated] : []
    }
    assert.deepStrictEqual(role("v1-f1"), ["secretary", false])
    assert.deepStrictEqual(role("v1-f2", true), ["deputySecretary", true])
    assert.deepStrictEqual(role("v1-f3", true), ["committeeMember", true])
    // the organization member (a committee member) with no delegation recorded: rejected
    const noDelegation = rejection(world, general("gm", "2024-03-10", { chairId: "v1-f3" }))
    assert.deepStrictEqual(ruleOf(noDelegation), ["R36", "meeting.chairRole"])
    assert.deepStrictEqual(ruleOf(rejection(world, general("gm", "2024-03-10", { chairId: "v1-f2" }))), [
      "R36",
      "meeting.chairRole"
    ])
    // an ordinary member cannot be delegated the chair
    assert.deepStrictEqual(
      ruleOf(rejection(world, general("gm", "2024-03-10", { chairId: "v1-f5", delegated: true }))),
      [
        "R36",
        "meeting.chairRole"
      ]
    )
  })

  it("R36: a group meeting is chaired by its group leader, not by another member nor by the secretary", () => {
    const meeting = bodyMeeting("gr", "groupMeeting", "2024-05-20", "g1")
    assert.strictEqual(eventsOf(world, meeting).length, 1)
    assert.deepStrictEqual(ruleOf(rejection(world, { ...meeting, chairId: "v1-f5" })), ["R36", "meeting.chairRole"])
    const secretary = { ...meeting, entitled: [...g1, "v1-f1"], present: [...g1, "v1-f1"], chairId: "v1-f1" }
    assert.deepStrictEqual(ruleOf(rejection(world, secretary)), ["R36", "meeting.chairRole"])
  })

  it("R36: a committee meeting is chaired by the secretary", () => {
    assert.strictEqual(eventsOf(world, bodyMeeting("cm", "committeeMeeting", "2024-03-05")).length, 1)
    const deputy = { ...bodyMeeting("cm", "committeeMeeting", "2024-03-05"), chairId: "v1-f2" }
    assert.deepStrictEqual(ruleOf(rejection(world, deputy)), ["R36", "meeting.chairRole"])
    assert.strictEqual(eventsOf(world, { ...deputy, delegated: true }).length, 1)
    assert.deepStrictEqual(v1Committee, ["v1-f1", "v1-f2", "v1-f3"])
  })
})

describe("R59: plans, new dates and cancellations", () => {
  const world = baseWorld()
  const plan = (meetingId: string, plannedOn: string, at = "2024-03-01"): Meeting.MeetingCommand => ({
    _tag: "PlanMeeting",
    meetingId,
    orgId: "v1",
    kind: "generalMeeting",
    plannedOn,
    at
  })

  it("R59: a new date is a MeetingRescheduled; the original plannedOn is kept", () => {
    const moved = runAll(world, [
      plan("gm", "2024-03-20"),
      { _tag: "RescheduleMeeting", meetingId: "gm", plannedOn: "2024-03-28", at: "2024-03-15" }
    ])
    const state = meetingOf(moved, "gm")
    assert.deepStrictEqual(state.schedule, [
      { plannedOn: "2024-03-20", at: "2024-03-01" },
      { plannedOn: "2024-03-28", at: "2024-03-15" }
    ])
    assert.strictEqual(Meeting.plannedOn(state), "2024-03-28")
    // the same date again, or the same plan again: nothing to do
    assert.deepStrictEqual(
      eventsOf(moved, { _tag: "RescheduleMeeting", meetingId: "gm", plannedOn: "2024-03-28", at: "2024-03-16" }),
      []
    )
    assert.deepStrictEqual(eventsOf(runAll(world, [plan("p", "2024-03-20")]), plan("p", "2024-03-20")), [])
  })

  it("R59: a plan is for a day on or after the day it is entered; a held or cancelled meeting is not moved", () => {
    assert.strictEqual(rejection(world, plan("gm", "2024-02-29", "2024-03-01")).code, "meeting.planInPast")
    assert.strictEqual(eventsOf(world, plan("gm", "2024-03-01", "2024-03-01")).length, 1)
    const held = runAll(world, [plan("gm", "2024-03-20"), general("gm", "2024-03-20")])
    assert.strictEqual(
      rejection(held, { _tag: "RescheduleMeeting", meetingId: "gm", plannedOn: "2024-04-01", at: "2024-03-21" }).code,
      "meeting.alreadyHeld"
    )
    assert.strictEqual(
      rejection(held, { _tag: "CancelMeeting", meetingId: "gm", at: "2024-03-21" }).code,
      "meeting.alreadyHeld"
    )
    const cancelled = runAll(world, [plan("gm", "2024-03-20"), {
      _tag: "CancelMeeting",
      meetingId: "gm",
      at: "2024-03-10"
    }])
    assert.strictEqual(meetingOf(cancelled, "gm").status, "cancelled")
    assert.deepStrictEqual(eventsOf(cancelled, { _tag: "CancelMeeting", meetingId: "gm", at: "2024-03-11" }), [])
    assert.strictEqual(rejection(cancelled, general("gm", "2024-03-20")).code, "domain.closed")
  })

  it("R59: a record keeps the plan's organization and kind; held on another day than planned is fine", () => {
    const planned = runAll(world, [plan("gm", "2024-03-28")])
    assert.strictEqual(
      rejection(planned, { ...general("gm", "2024-04-01"), kind: "themedPartyDay" }).code,
      "meeting.planMismatch"
    )
    const held = runAll(planned, [general("gm", "2024-04-01")])
    assert.deepStrictEqual([meetingOf(held, "gm").status, Meeting.heldOn(meetingOf(held, "gm"))], [
      "held",
      "2024-04-01"
    ])
  })
})

describe("R60: recording after the fact (补录)", () => {
  const world = baseWorld()
  // Held 2024-05-10, recorded 2024-05-12.
  const late = general("gm", "2024-05-10", { at: "2024-05-12" })

  it("R60: held 2024-05-10, recorded 2024-05-12, no plan, policy 'allow': accepted, lateRecorded", () => {
    const [held] = eventsOf(world, late)
    assert.deepStrictEqual(held?._tag === "MeetingHeld" ? [held.lateRecorded, held.heldOn, held.at] : [], [
      true,
      "2024-05-10",
      "2024-05-12"
    ])
    const [sameDay] = eventsOf(world, general("gm", "2024-05-10"))
    assert.strictEqual(sameDay?._tag === "MeetingHeld" ? sameDay.lateRecorded : undefined, false)
  })

  it("R60: policy 'forbid': rejected, unless a plan was entered on or before the day held", () => {
    const forbid = withOrgLife({ lateRecording: "forbid" })
    assert.deepStrictEqual(ruleOf(rejection(world, late, forbid)), ["R60", "meeting.lateRecordingForbidden"])
    // recorded the same day: not a late record
    assert.strictEqual(eventsOf(world, general("gm", "2024-05-10"), forbid).length, 1)
    const plan = (at: string): Meeting.MeetingCommand => ({
      _tag: "PlanMeeting",
      meetingId: "gm",
      orgId: "v1",
      kind: "generalMeeting",
      plannedOn: "2024-05-10",
      at
    })
    // a plan recorded on 2024-05-10 (08:00 that day is the same legal date)
    assert.strictEqual(eventsOf(runAll(world, [plan("2024-05-10")]), late, forbid).length, 1)
    assert.strictEqual(eventsOf(runAll(world, [plan("2024-05-01")]), late, forbid).length, 1)
    // a plan entered after the day held does not make a late record allowed
    const afterwards = runAll(world, [{ ...plan("2024-05-11"), plannedOn: "2024-05-11" } as Meeting.MeetingCommand])
    assert.deepStrictEqual(ruleOf(rejection(afterwards, late, forbid)), ["R60", "meeting.lateRecordingForbidden"])
  })

  it("R60: a bulk import is exempt while importExempt is set", () => {
    const forbid = withOrgLife({ lateRecording: "forbid" })
    const imported = { ...late, source: "import" as const }
    const [held] = eventsOf(world, imported, forbid)
    assert.deepStrictEqual(held?._tag === "MeetingHeld" ? [held.source, held.lateRecorded] : [], ["import", true])
    const strict = withOrgLife({ lateRecording: "forbid", importExempt: false })
    assert.deepStrictEqual(ruleOf(rejection(world, imported, strict)), ["R60", "meeting.lateRecordingForbidden"])
  })

  it("R60: 'allowWithReason' with 3 grace days: day 3 passes without a reason, day 4 needs one", () => {
    const withReason = withOrgLife({ lateRecording: "allowWithReason", lateRecordingGraceDays: 3 })
    assert.strictEqual(eventsOf(world, general("gm", "2024-05-10", { at: "2024-05-13" }), withReason).length, 1)
    const day4 = general("gm", "2024-05-10", { at: "2024-05-14" })
    const error = rejection(world, day4, withReason)
    assert.deepStrictEqual(ruleOf(error), ["R60", "meeting.lateReasonRequired"])
    assert.deepStrictEqual(error.params, { meetingId: "gm", heldOn: "2024-05-10", at: "2024-05-14", graceDays: 3 })
    const [held] = eventsOf(world, { ...day4, lateReason: "the recorder was away" }, withReason)
    assert.strictEqual(held?._tag === "MeetingHeld" ? held.lateReason : undefined, "the recorder was away")
    // no grace days set: any late record needs a reason
    const noGrace = withOrgLife({ lateRecording: "allowWithReason" })
    assert.deepStrictEqual(ruleOf(rejection(world, general("gm", "2024-05-10", { at: "2024-05-11" }), noGrace)), [
      "R60",
      "meeting.lateReasonRequired"
    ])
  })

  it("R60: a correction is not a back-fill: its own event with a reason, checked like a record, never late", () => {
    const forbid = withOrgLife({ lateRecording: "forbid" })
    const held = runAll(world, [general("gm", "2024-05-10")])
    // the same record again is nothing to do; another one is a correction, not a second record
    assert.deepStrictEqual(eventsOf(held, general("gm", "2024-05-10")), [])
    assert.strictEqual(rejection(held, general("gm", "2024-05-10", { place: "hall" })).code, "meeting.alreadyHeld")
    const { _tag: _t, meetingId: _m, orgId: _o, kind: _k, at: _a, ...record } = general("gm", "2024-05-10")
    const correction: Meeting.MeetingCommand = {
      _tag: "CorrectMeetingRecord",
      meetingId: "gm",
      ...record,
      absent: [{ memberId: "v1-p2", excused: true, reason: "work" }],
      present: v1Members.filter((id) => id !== "v1-p2"),
      reason: "v1-p2 had asked for leave",
      at: "2024-06-30"
    }
    const [corrected] = eventsOf(held, correction, forbid)
    assert.strictEqual(corrected?._tag, "MeetingRecordCorrected")
    const after = runAll(held, [correction], forbid)
    const state = meetingOf(after, "gm")
    assert.deepStrictEqual([state.corrections, state.correctedAt, state.record?.absent.length], [1, "2024-06-30", 1])
    assert.deepStrictEqual(eventsOf(after, correction), [])
    assert.deepStrictEqual(ruleOf(rejection(held, { ...correction, absent: [] } as Meeting.MeetingCommand)), [
      "R58",
      "meeting.attendanceMismatch"
    ])
    assert.strictEqual(
      rejection(held, { ...correction, reason: " " } as Meeting.MeetingCommand).code,
      "meeting.correctionReasonMissing"
    )
    assert.strictEqual(rejection(world, correction).code, "domain.notFound")
  })
})

describe("R34: heart-to-heart talks", () => {
  const world = baseWorld()

  it("R34: a talk is between at least two different people; it is recorded as held, never late-checked", () => {
    const [held] = eventsOf(
      world,
      { ...talk("t1", "2024-05-10"), at: "2024-06-10" },
      withOrgLife({ lateRecording: "forbid" })
    )
    assert.deepStrictEqual(
      held?._tag === "MeetingHeld" ? [held.kind, held.body, held.entitled, held.present, held.lateRecorded] : [],
      ["heartToHeartTalk", "participants", ["v1-f1", "v1-f5"], ["v1-f1", "v1-f5"], true]
    )
    assert.strictEqual(rejection(world, talk("t1", "2024-05-10", ["v1-f1"])).code, "meeting.tooFewParticipants")
    assert.strictEqual(
      rejection(world, talk("t1", "2024-05-10", ["v1-f1", "v1-f1"])).code,
      "meeting.tooFewParticipants"
    )
    const recorded = runAll(world, [talk("t1", "2024-05-10")])
    assert.deepStrictEqual(eventsOf(recorded, talk("t1", "2024-05-10")), [])
    assert.strictEqual(rejection(recorded, talk("t1", "2024-05-11")).code, "meeting.alreadyHeld")
  })
})
