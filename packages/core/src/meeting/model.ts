/**
 * The value objects of the meeting aggregate (RULES.md R28–R36, R58): the kinds of organizational-life meeting,
 * the body that meets, the chair's role, absences with their leave reasons, votes with their tallies and the
 * record a meeting leaves, with the pure facts about them (which bodies a kind may be held as, which kinds count
 * as organizational life for R61, which calendar period a kind is counted in).
 *
 * These literals are the stored format's own (events carry them): editing a policy never changes them.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { exhaustive } from "../kernel/tags.ts"
import { LegalDate } from "../LegalDate.ts"
import { Count, Ids, Positive } from "../units.ts"

/**
 * The kinds of meeting (R58, R28–R35):
 *
 * - `generalMeeting` 支部党员大会 (R28), `committeeMeeting` 支部委员会会议 (R29), `groupMeeting` 党小组会 (R30):
 *   三会;
 * - `partyLecture` 党课 (R31): 一课;
 * - `themedPartyDay` 主题党日 (R32), `orgLifeMeeting` 组织生活会 (R33), `heartToHeartTalk` 谈心谈话 (R34),
 *   `appraisalMeeting` 民主评议党员 (R35).
 *
 * @category models
 * @since 0.3.0
 */
export const MeetingKind = Schema.Literals([
  "generalMeeting",
  "committeeMeeting",
  "groupMeeting",
  "partyLecture",
  "themedPartyDay",
  "orgLifeMeeting",
  "heartToHeartTalk",
  "appraisalMeeting"
])

/**
 * @category models
 * @since 0.3.0
 */
export type MeetingKind = typeof MeetingKind.Type

/**
 * The body that meets, which decides who is entitled (应到, R58) and who chairs (R36): `members`, every member of
 * the organization (probationary members included); `committee`, the committee (secretary, deputies and
 * committee members); `group`, one Party group's members; `participants`, the people of a heart-to-heart talk.
 *
 * @category models
 * @since 0.3.0
 */
export const Body = Schema.Literals(["members", "committee", "group", "participants"])

/**
 * @category models
 * @since 0.3.0
 */
export type Body = typeof Body.Type

/**
 * The chair's role as checked when the meeting was recorded (R36): the `secretary`; a `deputySecretary` or a
 * `committeeMember` the secretary delegated (ZB Art. 14: "书记不能参加会议的,可以委托副书记或者委员主持"); the
 * `groupLeader` of a group meeting.
 *
 * @category models
 * @since 0.3.0
 */
export const ChairRole = Schema.Literals(["secretary", "deputySecretary", "committeeMember", "groupLeader"])

/**
 * @category models
 * @since 0.3.0
 */
export type ChairRole = typeof ChairRole.Type

/**
 * The lecturer's role in the organization when a lecture was recorded (R31 counts the `secretary`'s): an
 * office holder, a `member` of the organization, or a `guest` from outside it.
 *
 * @category models
 * @since 0.3.0
 */
export const LecturerRole = Schema.Literals(["secretary", "deputySecretary", "committeeMember", "member", "guest"])

/**
 * @category models
 * @since 0.3.0
 */
export type LecturerRole = typeof LecturerRole.Type

/**
 * The reason of an absence, as a category and never as free text (a record names no illness): `illness` 病假,
 * `work` 因公/工作, `family` 事假, `away` 外出, `other`.
 *
 * @category models
 * @since 0.3.0
 */
export const AbsenceReason = Schema.Literals(["illness", "work", "family", "away", "other"])

/**
 * @category models
 * @since 0.3.0
 */
export type AbsenceReason = typeof AbsenceReason.Type

/**
 * An absent member (缺席, R58): `excused` when leave was asked for (请假), with its reason; an unexcused absence may
 * carry a reason too.
 *
 * @category models
 * @since 0.3.0
 */
export const Absence = Schema.Struct({
  memberId: Schema.String,
  excused: Schema.Boolean,
  reason: Schema.optionalKey(AbsenceReason)
}).annotate({ identifier: "MeetingAbsence" })

/**
 * @category models
 * @since 0.3.0
 */
export type Absence = typeof Absence.Type

/**
 * One vote of a meeting (表决): the motion (an opaque reference or a short title, never a person's name) and its
 * tally.
 *
 * @category models
 * @since 0.3.0
 */
export const VoteTally = Schema.Struct({
  motion: Schema.String,
  yes: Count,
  no: Count,
  abstain: Count
}).annotate({ identifier: "MeetingVoteTally" })

/**
 * @category models
 * @since 0.3.0
 */
export type VoteTally = typeof VoteTally.Type

/**
 * Where votes are taken (R58): those entitled to vote (应到会有表决权: full members, minus 留党察看 and any
 * approved exclusions), those present with a vote, and each vote's tally. Guests and invitees never vote here.
 *
 * @category models
 * @since 0.3.0
 */
export const Voting = Schema.Struct({
  entitledVoting: Count,
  presentVoting: Count,
  votes: Schema.Array(VoteTally)
}).annotate({ identifier: "MeetingVoting" })

/**
 * @category models
 * @since 0.3.0
 */
export type Voting = typeof Voting.Type

/**
 * How a record entered the store: `entry` (a clerk records it) or `import` (a bulk import of history, exempt
 * from the late-recording rule while the policy's `importExempt` is set, R60).
 *
 * @category models
 * @since 0.3.0
 */
export const RecordSource = Schema.Literals(["entry", "import"])

/**
 * @category models
 * @since 0.3.0
 */
export type RecordSource = typeof RecordSource.Type

/**
 * The record a held meeting leaves (会议记录, R58), as stored: the other kinds it also counts as (a themed Party day
 * with a lecture, an org-life meeting with the appraisal), when and where it was held, who chaired (and in which
 * role, R36), who recorded, the lecturer, attendance (应到 `entitled`, 实到 `present`, 缺席 `absent`, 流入党员
 * `guestMembers`, 列席 `invitees`), topics, decisions, votes, and how far the entitled list differs from the
 * roster the library knew when it was recorded (R58 REC). Ids are opaque; topics and decisions are record text.
 *
 * @category models
 * @since 0.3.0
 */
export const MeetingRecord = Schema.Struct({
  alsoCounts: Schema.Array(MeetingKind),
  heldOn: LegalDate,
  place: Schema.optionalKey(Schema.String),
  ordinal: Schema.optionalKey(Positive),
  chairId: Schema.optionalKey(Schema.String),
  chairRole: Schema.optionalKey(ChairRole),
  chairDelegated: Schema.Boolean,
  recorderId: Schema.optionalKey(Schema.String),
  lecturerId: Schema.optionalKey(Schema.String),
  lecturerRole: Schema.optionalKey(LecturerRole),
  entitled: Ids,
  present: Ids,
  absent: Schema.Array(Absence),
  guestMembers: Ids,
  invitees: Ids,
  topics: Schema.Array(Schema.String),
  decisions: Schema.Array(Schema.String),
  voting: Schema.optionalKey(Voting),
  entitledNotOnRoster: Count,
  rosterNotEntitled: Count
}).annotate({ identifier: "MeetingRecord" })

/**
 * @category models
 * @since 0.3.0
 */
export type MeetingRecord = typeof MeetingRecord.Type

// ---------------------------------------------------------------------------------------------------------
// Facts about kinds
// ---------------------------------------------------------------------------------------------------------

const bodies: Readonly<Record<MeetingKind, ReadonlyArray<Body>>> = {
  generalMeeting: ["members"],
  committeeMeeting: ["committee"],
  groupMeeting: ["group"],
  partyLecture: ["members", "group"],
  themedPartyDay: ["members", "group"],
  // R33: "以党员大会、党小组会或支部委员会会议的形式召开"
  orgLifeMeeting: ["members", "committee", "group"],
  heartToHeartTalk: ["participants"],
  // R62: groups may hold the self and mutual evaluation
  appraisalMeeting: ["members", "group"]
}

/**
 * The bodies a kind of meeting may be held as, the usual one first (R33: an org-life meeting is held as a
 * general, committee or group meeting).
 *
 * @example
 * ```ts
 * import { Meeting } from "@dangjian/core"
 *
 * Meeting.bodiesOf("orgLifeMeeting") // => ["members", "committee", "group"]
 * Meeting.bodiesOf("committeeMeeting") // => ["committee"]
 * ```
 *
 * @category getters
 * @since 0.3.0
 */
export const bodiesOf = (kind: MeetingKind): ReadonlyArray<Body> =>
  Object.hasOwn(bodies, kind) ? bodies[kind] : ["members"]

/**
 * The body a kind of meeting is held as when the record names none.
 *
 * @category getters
 * @since 0.3.0
 */
export const defaultBody = (kind: MeetingKind): Body => bodiesOf(kind)[0] ?? "members"

/**
 * The kinds that count as taking part in organizational life for R39 (R61): every kind but the heart-to-heart
 * talk; a committee meeting counts only for those entitled to it (the committee).
 *
 * @category constants
 * @since 0.3.0
 */
export const orgLifeKinds: ReadonlyArray<MeetingKind> = [
  "generalMeeting",
  "committeeMeeting",
  "groupMeeting",
  "partyLecture",
  "themedPartyDay",
  "orgLifeMeeting",
  "appraisalMeeting"
]

/**
 * The calendar periods frequencies are counted in (R59).
 *
 * @category models
 * @since 0.3.0
 */
export const PeriodUnit = Schema.Literals(["month", "quarter", "year"])

/**
 * @category models
 * @since 0.3.0
 */
export type PeriodUnit = typeof PeriodUnit.Type

/**
 * The period a kind of meeting is counted in (R28–R35): the general meeting and the lecture by quarter; the
 * committee, group and themed day by month; the org-life meeting, talks and appraisal by year.
 *
 * @category getters
 * @since 0.3.0
 */
export const periodUnitOf = (kind: MeetingKind): PeriodUnit => {
  switch (kind) {
    case "generalMeeting":
    case "partyLecture":
      return "quarter"
    case "committeeMeeting":
    case "groupMeeting":
    case "themedPartyDay":
      return "month"
    case "orgLifeMeeting":
    case "heartToHeartTalk":
    case "appraisalMeeting":
      return "year"
    default:
      return exhaustive(kind, "year")
  }
}
