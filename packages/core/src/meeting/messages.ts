/**
 * Messages of the meeting aggregate in zh-CN and en: rejections (`meeting.*`), findings (`meeting.finding.*`)
 * and the labels of the kinds of meeting (`meeting.kind.*`, R58) and of absence reasons
 * (`meeting.absenceReason.*`). Params hold ids, counts, dates, period labels and kinds only.
 *
 * @since 0.3.0
 */
import type { Catalog, Catalogs, MessageParams } from "../kernel/Message.ts"
import { show } from "../kernel/Message.ts"

type Names = Readonly<Record<string, string>>

// Own keys only: a value such as `constructor` is shown as itself, never as Object.prototype's function.
const label = (names: Names) => (value: MessageParams[string]) =>
  value === undefined ? "—" : Object.hasOwn(names, String(value)) ? names[String(value)]! : String(value)

const kindsEn: Names = {
  generalMeeting: "general meeting",
  committeeMeeting: "committee meeting",
  groupMeeting: "Party group meeting",
  partyLecture: "Party lecture",
  themedPartyDay: "themed Party day",
  orgLifeMeeting: "org-life meeting",
  heartToHeartTalk: "heart-to-heart talk",
  appraisalMeeting: "democratic appraisal of members"
}

const kindsZh: Names = {
  generalMeeting: "支部党员大会",
  committeeMeeting: "支部委员会会议",
  groupMeeting: "党小组会",
  partyLecture: "党课",
  themedPartyDay: "主题党日",
  orgLifeMeeting: "组织生活会",
  heartToHeartTalk: "谈心谈话",
  appraisalMeeting: "民主评议党员"
}

const reasonsEn: Names = { illness: "illness", work: "work", family: "family matters", away: "away", other: "other" }
const reasonsZh: Names = { illness: "病假", work: "因公", family: "事假", away: "外出", other: "其他" }

const bodiesEn: Names = { members: "all members", committee: "the committee", group: "a Party group" }
const bodiesZh: Names = { members: "全体党员", committee: "支部委员会", group: "党小组" }

const kindEn = label(kindsEn)
const kindZh = label(kindsZh)
const bodyEn = label(bodiesEn)
const bodyZh = label(bodiesZh)

const prefixed = (prefix: string, names: Names): Catalog =>
  Object.fromEntries(Object.entries(names).map(([key, text]) => [`${prefix}${key}`, () => text]))

const group = (p: MessageParams, en: boolean) =>
  p.groupId === undefined ? "" : en ? ` (group ${show(p.groupId)})` : `(党小组 ${show(p.groupId)})`

const en: Catalog = {
  ...prefixed("meeting.kind.", kindsEn),
  ...prefixed("meeting.absenceReason.", reasonsEn),
  "meeting.orgNotFound": (p) =>
    `Meeting ${show(p.meetingId)}: organization ${show(p.orgId)} does not exist on ${show(p.at)}`,
  "meeting.orgDissolved": (p) =>
    `Meeting ${show(p.meetingId)}: organization ${show(p.orgId)} was dissolved on ${show(p.dissolvedAt)}`,
  "meeting.bodyNotAllowed": (p) =>
    `Meeting ${show(p.meetingId)}: a ${kindEn(p.kind)} is not held as a meeting of ${bodyEn(p.body)}`,
  "meeting.groupNotFound": (p) =>
    `Meeting ${show(p.meetingId)}: organization ${show(p.orgId)} has no Party group ${show(p.groupId)}`,
  "meeting.groupNotExpected": (p) =>
    `Meeting ${show(p.meetingId)}: a ${kindEn(p.kind)} of the organization names no Party group (${show(p.groupId)})`,
  "meeting.combinedKindNotAllowed": (p) =>
    `Meeting ${show(p.meetingId)}: a ${kindEn(p.kind)} held as a meeting of ${bodyEn(p.body)} cannot also count as a ${
      kindEn(p.also)
    }`,
  "meeting.duplicateAttendee": (p) =>
    `Meeting ${show(p.meetingId)}: ${
      show(p.memberId)
    } is listed more than once (entitled, present, absent, guests, invitees)`,
  "meeting.attendanceMismatch": (p) =>
    `Meeting ${show(p.meetingId)}: ${show(p.present)} present and ${show(p.absent)} absent do not make up the ${
      show(p.entitled)
    } entitled to attend`,
  "meeting.leaveReasonMissing": (p) =>
    `Meeting ${show(p.meetingId)}: the leave of ${show(p.memberId)} is recorded without its reason`,
  "meeting.guestIsMember": (p) =>
    `Meeting ${show(p.meetingId)}: ${
      show(p.memberId)
    } is a member of this organization, not a member taking part from another`,
  "meeting.inviteeIsMember": (p) =>
    `Meeting ${show(p.meetingId)}: ${
      show(p.memberId)
    } is a member of this organization and entitled to attend, not an invitee`,
  "meeting.chairMissing": (p) => `Meeting ${show(p.meetingId)}: the record names no chair`,
  "meeting.recorderMissing": (p) => `Meeting ${show(p.meetingId)}: the record names no recorder`,
  "meeting.chairNotPresent": (p) =>
    `Meeting ${show(p.meetingId)}: the chair ${show(p.chairId)} is not among those present`,
  "meeting.chairRole": (p) =>
    `Meeting ${show(p.meetingId)} of ${bodyEn(p.body)}: ${
      show(p.chairId)
    } may not chair it (the secretary chairs, or a deputy or committee member the secretary delegated; a group meeting is chaired by its leader)`,
  "meeting.votingInconsistent": (p) =>
    `Meeting ${show(p.meetingId)}: the votes do not add up (${show(p.presentVoting)} present with a vote of ${
      show(p.entitledVoting)
    } entitled${p.motion === undefined ? "" : `; motion ${show(p.motion)}`})`,
  "meeting.lateReasonRequired": (p) =>
    `Meeting ${show(p.meetingId)} held on ${show(p.heldOn)} is recorded on ${show(p.at)}, more than ${
      show(p.graceDays)
    } days later: state the reason for the late record`,
  "meeting.lateRecordingForbidden": (p) =>
    `Meeting ${show(p.meetingId)} held on ${show(p.heldOn)} cannot be recorded on ${
      show(p.at)
    }: the policy forbids late records of meetings not planned on or before the day they were held`,
  "meeting.notYetHeld": (p) =>
    `Meeting ${show(p.meetingId)}: it cannot be recorded on ${show(p.at)} as held on ${show(p.heldOn)}, a later day`,
  "meeting.planInPast": (p) =>
    `Meeting ${show(p.meetingId)}: the planned date ${show(p.plannedOn)} is before the day it is entered (${
      show(p.at)
    })`,
  "meeting.alreadyHeld": (p) => `Meeting ${show(p.meetingId)} is already recorded as held: correct its record instead`,
  "meeting.planMismatch": (p) =>
    `Meeting ${show(p.meetingId)} was planned as a ${kindEn(p.kind)} of ${show(p.orgId)}; the record must match`,
  "meeting.talkNeedsItsCommand": (p) =>
    `Meeting ${show(p.meetingId)}: a heart-to-heart talk is recorded with RecordHeartToHeartTalk`,
  "meeting.tooFewParticipants": (p) =>
    `Heart-to-heart talk ${show(p.meetingId)}: it needs at least two different participants (${show(p.participants)})`,
  "meeting.notHeld": (p) => `Meeting ${show(p.meetingId)} has no record to correct: it was not held`,
  "meeting.correctionReasonMissing": (p) => `Meeting ${show(p.meetingId)}: a correction states its reason`,
  "meeting.finding.frequencyShort": (p) =>
    `${show(p.orgId)}${group(p, true)} held ${show(p.held)} ${kindEn(p.kind)}(s) in ${show(p.period)}; at least ${
      show(p.required)
    } expected`,
  "meeting.finding.orgLifeMeetingDue": (p) =>
    `${show(p.orgId)} has held no org-life meeting in ${show(p.period)} yet; it is usually held in the fourth quarter`,
  "meeting.finding.secretaryLectureShort": (p) =>
    `The secretary of ${show(p.orgId)} gave ${show(p.held)} Party lecture(s) in ${show(p.period)}; at least ${
      show(p.required)
    } a year`,
  "meeting.finding.plannedNotHeld": (p) =>
    `${kindEn(p.kind)} ${show(p.meetingId)} of ${show(p.orgId)}, planned for ${show(p.plannedOn)}, was not held in ${
      show(p.period)
    }`,
  "meeting.finding.rosterMismatch": (p) =>
    `Meeting ${show(p.meetingId)} of ${show(p.orgId)} on ${
      show(p.heldOn)
    }: the entitled list differs from the roster (${show(p.notOnRoster)} not on the roster, ${
      show(p.notEntitled)
    } on the roster but not listed)`,
  "meeting.finding.voteWithoutDecision": (p) =>
    `General meeting ${show(p.meetingId)} of ${show(p.orgId)} on ${show(p.heldOn)} voted but records no decision`
}

const zh: Catalog = {
  ...prefixed("meeting.kind.", kindsZh),
  ...prefixed("meeting.absenceReason.", reasonsZh),
  "meeting.orgNotFound": (p) => `会议 ${show(p.meetingId)}:党组织 ${show(p.orgId)} 在 ${show(p.at)} 不存在`,
  "meeting.orgDissolved": (p) => `会议 ${show(p.meetingId)}:党组织 ${show(p.orgId)} 已于 ${show(p.dissolvedAt)} 撤销`,
  "meeting.bodyNotAllowed": (p) => `会议 ${show(p.meetingId)}:${kindZh(p.kind)}不能以${bodyZh(p.body)}会议的形式召开`,
  "meeting.groupNotFound": (p) => `会议 ${show(p.meetingId)}:党组织 ${show(p.orgId)} 没有党小组 ${show(p.groupId)}`,
  "meeting.groupNotExpected": (p) =>
    `会议 ${show(p.meetingId)}:党组织的${kindZh(p.kind)}不应注明党小组(${show(p.groupId)})`,
  "meeting.combinedKindNotAllowed": (p) =>
    `会议 ${show(p.meetingId)}:以${bodyZh(p.body)}形式召开的${kindZh(p.kind)}不能同时计为${kindZh(p.also)}`,
  "meeting.duplicateAttendee": (p) =>
    `会议 ${show(p.meetingId)}:${show(p.memberId)} 被重复列出(应到、实到、缺席、流入党员、列席人员)`,
  "meeting.attendanceMismatch": (p) =>
    `会议 ${show(p.meetingId)}:实到 ${show(p.present)} 人与缺席 ${show(p.absent)} 人之和不等于应到 ${
      show(p.entitled)
    } 人`,
  "meeting.leaveReasonMissing": (p) => `会议 ${show(p.meetingId)}:${show(p.memberId)} 请假未记录请假原因`,
  "meeting.guestIsMember": (p) => `会议 ${show(p.meetingId)}:${show(p.memberId)} 是本组织党员,不是参加活动的外组织党员`,
  "meeting.inviteeIsMember": (p) =>
    `会议 ${show(p.meetingId)}:${show(p.memberId)} 是本组织党员,应列为应到人员而非列席人员`,
  "meeting.chairMissing": (p) => `会议 ${show(p.meetingId)}:会议记录未注明主持人`,
  "meeting.recorderMissing": (p) => `会议 ${show(p.meetingId)}:会议记录未注明记录人`,
  "meeting.chairNotPresent": (p) => `会议 ${show(p.meetingId)}:主持人 ${show(p.chairId)} 不在实到人员中`,
  "meeting.chairRole": (p) =>
    `会议 ${show(p.meetingId)}(${bodyZh(p.body)}):${
      show(p.chairId)
    } 不能主持(由书记主持,或由书记委托副书记、委员主持;党小组会由党小组组长主持)`,
  "meeting.votingInconsistent": (p) =>
    `会议 ${show(p.meetingId)}:表决人数不符(有表决权应到 ${show(p.entitledVoting)} 人,实到 ${show(p.presentVoting)} 人${
      p.motion === undefined ? "" : `;议题 ${show(p.motion)}`
    })`,
  "meeting.lateReasonRequired": (p) =>
    `会议 ${show(p.meetingId)} 于 ${show(p.heldOn)} 召开,${show(p.at)} 补录,超过 ${
      show(p.graceDays)
    } 天:须注明补录原因`,
  "meeting.lateRecordingForbidden": (p) =>
    `会议 ${show(p.meetingId)} 于 ${show(p.heldOn)} 召开,不能在 ${
      show(p.at)
    } 补录:按规定未在召开当日或之前列入计划的会议不可补录`,
  "meeting.notYetHeld": (p) => `会议 ${show(p.meetingId)}:不能在 ${show(p.at)} 记录为已于 ${show(p.heldOn)} 召开`,
  "meeting.planInPast": (p) => `会议 ${show(p.meetingId)}:计划召开日期 ${show(p.plannedOn)} 早于录入日期 ${show(p.at)}`,
  "meeting.alreadyHeld": (p) => `会议 ${show(p.meetingId)} 已记录为已召开,如需修改请更正会议记录`,
  "meeting.planMismatch": (p) =>
    `会议 ${show(p.meetingId)} 计划为 ${show(p.orgId)} 的${kindZh(p.kind)},会议记录须与计划一致`,
  "meeting.talkNeedsItsCommand": (p) => `会议 ${show(p.meetingId)}:谈心谈话请用 RecordHeartToHeartTalk 记录`,
  "meeting.tooFewParticipants": (p) =>
    `谈心谈话 ${show(p.meetingId)}:至少需要两名不同的参加人(现为 ${show(p.participants)} 名)`,
  "meeting.notHeld": (p) => `会议 ${show(p.meetingId)} 未召开,没有可更正的会议记录`,
  "meeting.correctionReasonMissing": (p) => `会议 ${show(p.meetingId)}:更正会议记录须注明原因`,
  "meeting.finding.frequencyShort": (p) =>
    `${show(p.orgId)}${group(p, false)} 在 ${show(p.period)} 召开${kindZh(p.kind)} ${show(p.held)} 次,应至少 ${
      show(p.required)
    } 次`,
  "meeting.finding.orgLifeMeetingDue": (p) =>
    `${show(p.orgId)} 在 ${show(p.period)} 尚未召开组织生活会,一般安排在第四季度`,
  "meeting.finding.secretaryLectureShort": (p) =>
    `${show(p.orgId)} 书记在 ${show(p.period)} 讲党课 ${show(p.held)} 次,每年应至少 ${show(p.required)} 次`,
  "meeting.finding.plannedNotHeld": (p) =>
    `${show(p.orgId)} 计划于 ${show(p.plannedOn)} 召开的${kindZh(p.kind)} ${show(p.meetingId)} 未在 ${
      show(p.period)
    } 内召开`,
  "meeting.finding.rosterMismatch": (p) =>
    `${show(p.orgId)} ${show(p.heldOn)} 的会议 ${show(p.meetingId)}:应到人员与党员名册不一致(${
      show(p.notOnRoster)
    } 人不在名册中,${show(p.notEntitled)} 人在名册中但未列入应到)`,
  "meeting.finding.voteWithoutDecision": (p) =>
    `${show(p.orgId)} ${show(p.heldOn)} 的支部党员大会 ${show(p.meetingId)} 进行了表决,但未记录决议`
}

/**
 * @category messages
 * @since 0.3.0
 */
export const meetingMessages: Catalogs = { en, "zh-CN": zh }
