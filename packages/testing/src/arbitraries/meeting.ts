/**
 * Every command and event of the meeting aggregate (`Meeting.MeetingCommand`, `Meeting.MeetingEvent`: 三会一课 and
 * organizational life, R28–R36, R58–R61), one arbitrary per `_tag` and one per union, and meeting records that
 * hold together (present and absent make up the entitled, R58) for a branch's members. Values are structurally
 * valid (each decodes with its Schema) but not necessarily accepted; for accepted histories see
 * `townshipHistory`. Ids are opaque and drawn from small pools.
 *
 * @since 0.3.0
 */
import type { Dangjian } from "@dangjian/core"
import { LegalDate, Meeting } from "@dangjian/core"
import fc from "fast-check"
import type * as DangjianWorld from "../DangjianWorld.ts"
import { actor, oneOfRecord, tagged } from "../internal/tagged.ts"
import type { ValueOptions } from "./values.ts"
import { values } from "./values.ts"

type MeetingCmd<Tag extends Meeting.MeetingCommand["_tag"]> = Extract<Meeting.MeetingCommand, { readonly _tag: Tag }>
type MeetingEv<Tag extends Meeting.MeetingEvent["_tag"]> = Extract<Meeting.MeetingEvent, { readonly _tag: Tag }>

/**
 * An arbitrary for every meeting command, by `_tag`.
 *
 * @since 0.3.0
 * @category models
 */
export type MeetingCommandArbitraries = {
  readonly [Tag in Meeting.MeetingCommand["_tag"]]: fc.Arbitrary<MeetingCmd<Tag>>
}

/**
 * An arbitrary for every meeting event, by `_tag`.
 *
 * @since 0.3.0
 * @category models
 */
export type MeetingEventArbitraries = {
  readonly [Tag in Meeting.MeetingEvent["_tag"]]: fc.Arbitrary<MeetingEv<Tag>>
}

/**
 * An absence (R58): excused absences carry a reason (请假原因), unexcused ones may.
 *
 * @since 0.3.0
 * @category meeting values
 */
export const absenceOf = (memberId: string): fc.Arbitrary<Meeting.Absence> =>
  fc.oneof(
    fc.constant({ memberId, excused: false }),
    fc.constantFrom(...Meeting.AbsenceReason.literals).map((reason) => ({ memberId, excused: true, reason }))
  )

/**
 * Attendance that holds together for the members entitled (R58): each member present or absent, never both,
 * absences with leave carrying a reason. Shrinks towards everyone present.
 *
 * @since 0.3.0
 * @category meeting values
 */
export const attendanceOf = (
  entitled: ReadonlyArray<string>
): fc.Arbitrary<{ readonly present: ReadonlyArray<string>; readonly absent: ReadonlyArray<Meeting.Absence> }> =>
  fc.tuple(...entitled.map((id) => fc.option(absenceOf(id), { nil: undefined, freq: 3 }))).map((choices) => ({
    present: entitled.filter((_, i) => choices[i] === undefined),
    absent: choices.filter((a): a is Meeting.Absence => a !== undefined)
  }))

const meetingValues = (options: ValueOptions) => {
  const v = values(options)
  const kind = fc.constantFrom(...Meeting.MeetingKind.literals)
  const kinds = fc.uniqueArray(kind, { maxLength: 2 })
  const absences = v.memberIds.chain((ids) => fc.tuple(...ids.map(absenceOf)))
  const tally = fc.record({
    motion: fc.constantFrom("motion-1", "motion-2"),
    yes: v.count,
    no: v.count,
    abstain: v.count
  })
  const voting = fc.record({
    entitledVoting: v.count,
    presentVoting: v.count,
    votes: fc.array(tally, { maxLength: 2 })
  })
  const text = fc.array(fc.constantFrom("2024 plan", "study session", "admission"), { maxLength: 2 })
  return {
    ...v,
    meetingId: v.entityId("meeting-"),
    groupId: fc.constantFrom("g1", "g2"),
    kind,
    kinds,
    body: fc.constantFrom(...Meeting.Body.literals),
    absences,
    voting,
    text,
    ordinal: fc.integer({ min: 1, max: 24 }),
    place: fc.constantFrom("activity room", "service centre"),
    source: fc.constantFrom(...Meeting.RecordSource.literals),
    chairRole: fc.constantFrom(...Meeting.ChairRole.literals),
    lecturerRole: fc.constantFrom(...Meeting.LecturerRole.literals)
  }
}

/**
 * One arbitrary per meeting command (`PlanMeeting` … `CorrectMeetingRecord`).
 *
 * @since 0.3.0
 * @category meeting commands
 */
export const meetingCommandArbitraries = (options: ValueOptions = {}): MeetingCommandArbitraries => {
  const v = meetingValues(options)
  const { date: at, meetingId, orgId } = v
  const record = {
    heldOn: v.date,
    entitled: v.memberIds,
    present: v.memberIds,
    absent: v.absences
  }
  const recordOptional = {
    alsoCounts: v.kinds,
    place: v.place,
    ordinal: v.ordinal,
    chairId: v.memberId,
    delegated: fc.boolean(),
    recorderId: v.memberId,
    lecturerId: v.memberId,
    guestMembers: v.memberIds,
    invitees: fc.uniqueArray(fc.constantFrom("official-1", "official-2"), { maxLength: 2 }),
    topics: v.text,
    decisions: v.text,
    voting: v.voting
  }
  return {
    PlanMeeting: tagged<MeetingCmd<"PlanMeeting">>("PlanMeeting", {
      meetingId,
      orgId,
      kind: v.kind,
      plannedOn: v.date,
      at
    }, { groupId: v.groupId, body: v.body, ordinal: v.ordinal, actor }),
    RescheduleMeeting: tagged<MeetingCmd<"RescheduleMeeting">>("RescheduleMeeting", {
      meetingId,
      plannedOn: v.date,
      at
    }, { actor }),
    CancelMeeting: tagged<MeetingCmd<"CancelMeeting">>("CancelMeeting", { meetingId, at }, {
      reason: fc.constant("postponed by the township"),
      actor
    }),
    RecordMeeting: tagged<MeetingCmd<"RecordMeeting">>("RecordMeeting", {
      meetingId,
      orgId,
      kind: v.kind,
      ...record,
      at
    }, {
      groupId: v.groupId,
      body: v.body,
      ...recordOptional,
      lateReason: fc.constant("the recorder was away"),
      source: v.source,
      actor
    }),
    RecordHeartToHeartTalk: tagged<MeetingCmd<"RecordHeartToHeartTalk">>("RecordHeartToHeartTalk", {
      meetingId,
      orgId,
      participantIds: v.memberIds,
      heldOn: v.date,
      at
    }, { place: v.place, topics: v.text, actor }),
    CorrectMeetingRecord: tagged<MeetingCmd<"CorrectMeetingRecord">>("CorrectMeetingRecord", {
      meetingId,
      ...record,
      reason: fc.constant("an absence was recorded wrongly"),
      at
    }, { ...recordOptional, actor })
  }
}

/**
 * One arbitrary per meeting event (`MeetingPlanned` … `MeetingRecordCorrected`).
 *
 * @since 0.3.0
 * @category meeting events
 */
export const meetingEventArbitraries = (options: ValueOptions = {}): MeetingEventArbitraries => {
  const v = meetingValues(options)
  const { date: at, meetingId, orgId } = v
  const record = {
    alsoCounts: v.kinds,
    heldOn: v.date,
    chairDelegated: fc.boolean(),
    entitled: v.memberIds,
    present: v.memberIds,
    absent: v.absences,
    guestMembers: v.memberIds,
    invitees: fc.uniqueArray(fc.constantFrom("official-1", "official-2"), { maxLength: 2 }),
    topics: v.text,
    decisions: v.text,
    entitledNotOnRoster: v.count,
    rosterNotEntitled: v.count
  }
  const recordOptional = {
    place: v.place,
    ordinal: v.ordinal,
    chairId: v.memberId,
    chairRole: v.chairRole,
    recorderId: v.memberId,
    lecturerId: v.memberId,
    lecturerRole: v.lecturerRole,
    voting: v.voting
  }
  return {
    MeetingPlanned: tagged<MeetingEv<"MeetingPlanned">>("MeetingPlanned", {
      meetingId,
      orgId,
      kind: v.kind,
      body: v.body,
      plannedOn: v.date,
      at
    }, { groupId: v.groupId, ordinal: v.ordinal }),
    MeetingRescheduled: tagged<MeetingEv<"MeetingRescheduled">>("MeetingRescheduled", {
      meetingId,
      plannedOn: v.date,
      previousPlannedOn: v.date,
      at
    }, {}),
    MeetingCancelled: tagged<MeetingEv<"MeetingCancelled">>("MeetingCancelled", { meetingId, at }, {
      reason: fc.constant("postponed by the township")
    }),
    MeetingHeld: tagged<MeetingEv<"MeetingHeld">>("MeetingHeld", {
      meetingId,
      orgId,
      kind: v.kind,
      body: v.body,
      ...record,
      lateRecorded: fc.boolean(),
      source: v.source,
      at
    }, { groupId: v.groupId, ...recordOptional, lateReason: fc.constant("the recorder was away") }),
    MeetingRecordCorrected: tagged<MeetingEv<"MeetingRecordCorrected">>("MeetingRecordCorrected", {
      meetingId,
      ...record,
      reason: fc.constant("an absence was recorded wrongly"),
      at
    }, recordOptional)
  }
}

/**
 * Any meeting command (every member of `Meeting.MeetingCommand`).
 *
 * @since 0.3.0
 * @category meeting commands
 */
export const meetingCommand = (options: ValueOptions = {}): fc.Arbitrary<Meeting.MeetingCommand> =>
  oneOfRecord<Meeting.MeetingCommand>(meetingCommandArbitraries(options))

/**
 * Any meeting event (every member of `Meeting.MeetingEvent`).
 *
 * @since 0.3.0
 * @category meeting events
 */
export const meetingEvent = (options: ValueOptions = {}): fc.Arbitrary<Meeting.MeetingEvent> =>
  oneOfRecord<Meeting.MeetingEvent>(meetingEventArbitraries(options))

/**
 * The members entitled to a branch meeting and a consistent record of one (R58): attendance that makes up the
 * entitled, the chair (the first present member) and a recorder, held on a day from `dates`, entered the same
 * day. The organization, kind and meeting id are the caller's. Shrinks towards everyone present.
 *
 * @since 0.3.0
 * @category meeting values
 */
export const meetingRecord = (
  entitled: ReadonlyArray<string>,
  dates: fc.Arbitrary<LegalDate.LegalDate>
): fc.Arbitrary<
  Pick<Meeting.RecordMeeting, "heldOn" | "entitled" | "present" | "absent" | "chairId" | "recorderId" | "at">
> =>
  fc.tuple(attendanceOf(entitled), dates).map(([{ absent, present }, heldOn]) => ({
    heldOn,
    entitled,
    present,
    absent,
    ...(present[0] === undefined ? {} : { chairId: present[0] }),
    ...(present[1] === undefined && present[0] === undefined ? {} : { recorderId: present[1] ?? present[0]! }),
    at: heldOn
  }))

// ---------------------------------------------------------------------------------------------------------
// Accepted histories
// ---------------------------------------------------------------------------------------------------------

/**
 * A meeting step in the abstract, resolved against the world when it runs (see `townshipHistory`): the
 * organization and meeting it touches are picks (`pick % count`) among those that fit; `absent` chooses the
 * absentees bit by bit; `gap` is the days since the previous step.
 *
 * @since 0.3.0
 * @category township histories
 */
export interface MeetingIntent {
  readonly _tag: "plan" | "reschedule" | "cancel" | "record" | "talk" | "correct"
  readonly gap: number
  readonly org: number
  readonly m: number
  readonly n: number
  readonly absent: number
  readonly flag: boolean
}

const meetingIntentOf = (tag: MeetingIntent["_tag"], weight: number) => ({
  arbitrary: fc.record({
    _tag: fc.constant(tag),
    gap: fc.integer({ min: 0, max: 20 }),
    org: fc.nat({ max: 1_000 }),
    m: fc.nat({ max: 1_000 }),
    n: fc.integer({ min: 0, max: 30 }),
    absent: fc.nat({ max: 255 }),
    flag: fc.boolean()
  }),
  weight
})

/**
 * One {@link MeetingIntent}, weighted towards records so that the branches' organizational life fills up.
 *
 * @since 0.3.0
 * @category township histories
 */
export const meetingIntent: fc.Arbitrary<MeetingIntent> = fc.oneof(
  meetingIntentOf("record", 6),
  meetingIntentOf("plan", 3),
  meetingIntentOf("reschedule", 1),
  meetingIntentOf("cancel", 1),
  meetingIntentOf("talk", 1),
  meetingIntentOf("correct", 1)
)

const choose = <A>(xs: ReadonlyArray<A>, n: number): A | undefined => xs[n % Math.max(xs.length, 1)]

// The kinds a whole branch meets as (its members are the entitled).
const memberKinds: ReadonlyArray<Meeting.MeetingKind> = [
  "generalMeeting",
  "themedPartyDay",
  "partyLecture",
  "orgLifeMeeting",
  "appraisalMeeting"
]

const byId = <A>(key: (a: A) => string) => (a: A, b: A) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)

const branchesOf = (world: DangjianWorld.World) =>
  Object.values(world.orgs.states)
    .filter((s) => s.status === "active" && s.kind !== "townshipCommittee" && s.kind !== "subdistrictCommittee")
    .sort(byId((s) => s.orgId))

const entitledOf = (org: { readonly roster: Readonly<Record<string, string>> }) =>
  Object.entries(org.roster).filter(([, status]) => status !== "suspended").map(([id]) => id).sort()

const meetingsOf = (world: DangjianWorld.World, status: Meeting.MeetingState["status"]) =>
  Object.values(world.meetings).filter((m) => m.status === status && m.kind !== "heartToHeartTalk")
    .sort(byId((m) => m.meetingId))

/**
 * The concrete command of a meeting intent in the current world on `at` (undefined when nothing fits). A branch
 * without a secretary first gets one appointed (R36: the secretary chairs); new meetings are `mt<step>`.
 * Records are consistent (R58): the branch's members are entitled, the secretary chairs and records, the
 * absentees come from `absent` (with leave every other one), and every fourth record has a member of another
 * branch taking part (R45).
 *
 * @since 0.3.0
 * @category township histories
 */
export const resolveMeeting = (
  world: DangjianWorld.World,
  step: number,
  at: LegalDate.LegalDate,
  i: MeetingIntent
): Dangjian.Command | undefined => {
  const branches = branchesOf(world)
  // Mostly a branch that has a secretary already; now and then one that has none, which gets one first.
  const led = branches.filter((b) => b.leadership.secretaryId !== undefined)
  const org = choose(led.length > 0 && i.absent % 4 !== 0 ? led : branches, i.org)
  const secretaryId = org?.leadership.secretaryId
  if (
    org !== undefined && secretaryId === undefined && (i._tag === "record" || i._tag === "talk" || i._tag === "plan")
  ) {
    const full = Object.entries(org.roster).filter(([, status]) => status === "full").map(([id]) => id).sort()
    const first = full[0]
    return first === undefined ? undefined : {
      _tag: "AppointLeadership",
      orgId: org.orgId,
      secretaryId: first,
      deputyIds: [],
      committeeIds: [],
      approval: { by: "township", level: "township", at },
      at
    }
  }
  const record = (target: typeof org, meetingId: string, kind: Meeting.MeetingKind): Dangjian.Command | undefined => {
    const chair = target?.leadership.secretaryId
    if (target === undefined || chair === undefined) return undefined
    const entitled = entitledOf(target)
    const absent = entitled.filter((id, n) => id !== chair && ((i.absent >> (n % 8)) & 1) === 1).map((memberId, n) =>
      n % 2 === 0 ? { memberId, excused: false } : { memberId, excused: true, reason: "work" as const }
    )
    const away = new Set(absent.map((a) => a.memberId))
    const guest = i.n % 4 === 0
      ? choose(branches.filter((b) => b.orgId !== target.orgId).flatMap(entitledOf), i.m)
      : undefined
    return {
      _tag: "RecordMeeting",
      meetingId,
      orgId: target.orgId,
      kind,
      heldOn: LegalDate.addDays(at, -(i.n % 3)),
      chairId: chair,
      recorderId: chair,
      entitled,
      present: entitled.filter((id) => !away.has(id)),
      absent,
      ...(guest === undefined || Object.hasOwn(target.roster, guest) ? {} : { guestMembers: [guest] }),
      at
    }
  }
  switch (i._tag) {
    case "plan":
      return org === undefined ? undefined : {
        _tag: "PlanMeeting",
        meetingId: `mt${step}`,
        orgId: org.orgId,
        kind: choose(memberKinds, i.n) ?? "generalMeeting",
        plannedOn: LegalDate.addDays(at, i.n),
        at
      }
    case "record": {
      const planned = i.flag ? choose(meetingsOf(world, "planned"), i.m) : undefined
      if (planned !== undefined) {
        return record(world.orgs.states[planned.orgId], planned.meetingId, planned.kind)
      }
      return record(org, `mt${step}`, choose(memberKinds, i.n) ?? "generalMeeting")
    }
    case "reschedule":
    case "cancel": {
      const planned = choose(meetingsOf(world, "planned"), i.m)
      if (planned === undefined) return undefined
      return i._tag === "cancel"
        ? { _tag: "CancelMeeting", meetingId: planned.meetingId, at }
        : { _tag: "RescheduleMeeting", meetingId: planned.meetingId, plannedOn: LegalDate.addDays(at, i.n), at }
    }
    case "talk": {
      const other = org === undefined ? undefined : entitledOf(org).find((id) => id !== secretaryId)
      return org === undefined || secretaryId === undefined || other === undefined ? undefined : {
        _tag: "RecordHeartToHeartTalk",
        meetingId: `mt${step}`,
        orgId: org.orgId,
        participantIds: [secretaryId, other],
        heldOn: at,
        at
      }
    }
    case "correct": {
      const held = choose(meetingsOf(world, "held").filter((m) => m.body === "members"), i.m)
      const current = held?.record
      if (held === undefined || current === undefined) return undefined
      const moved = current.present.find((id) => id !== current.chairId)
      if (moved === undefined) return undefined
      return {
        _tag: "CorrectMeetingRecord",
        meetingId: held.meetingId,
        heldOn: current.heldOn,
        ...(current.chairId === undefined ? {} : { chairId: current.chairId }),
        ...(current.recorderId === undefined ? {} : { recorderId: current.recorderId }),
        entitled: current.entitled,
        present: current.present.filter((id) => id !== moved),
        absent: [...current.absent, { memberId: moved, excused: true, reason: "illness" as const }],
        guestMembers: current.guestMembers,
        reason: "an absence was not recorded",
        at
      }
    }
  }
}
