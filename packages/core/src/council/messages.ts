/**
 * Messages of the council aggregate in zh-CN and en: rejections (`council.*`), findings (`council.finding.*`)
 * and the labels of the kinds of council (`council.kind.*`, R51). Params hold ids, counts and dates only.
 *
 * @since 0.2.0
 */
import type { Catalog, Catalogs } from "../kernel/Message.ts"
import { show } from "../kernel/Message.ts"

const en: Catalog = {
  "council.kind.jointMeeting": () => "joint meeting",
  "council.kind.coordinationCommittee": () => "coordination committee",
  "council.kind.partyBuildingCommunity": () => "Party-building community",
  "council.kind.communityGrandCommittee": () => "community grand committee",
  "council.tooFewMembers": (p) =>
    `Council ${show(p.councilId)} has ${show(p.members)} member organization(s); it needs at least ${show(p.required)}`,
  "council.duplicateMember": (p) => `Council ${show(p.councilId)} names member ${show(p.orgId)} twice`,
  "council.convenerNotMember": (p) =>
    `The convener ${show(p.orgId)} of council ${show(p.councilId)} must be (and stay) one of its members`,
  "council.memberNotFound": (p) =>
    `Member organization ${show(p.orgId)} of council ${show(p.councilId)} does not exist on ${show(p.at)}`,
  "council.memberDissolved": (p) =>
    `Member organization ${show(p.orgId)} of council ${show(p.councilId)} was dissolved on ${show(p.dissolvedAt)}`,
  "council.beforeFormed": (p) =>
    `The date ${show(p.at)} is before council ${show(p.councilId)} was formed (${show(p.formedAt)})`,
  "council.noAttendance": (p) => `A joint meeting of council ${show(p.councilId)} names no attending organization`,
  "council.notMember": (p) => `${show(p.orgId)} is not a member of council ${show(p.councilId)}`,
  "council.finding.meetingOverdue": (p) =>
    `Council ${show(p.councilId)} (convened by ${show(p.orgId)}) has not met since ${
      show(p.since)
    }; a joint meeting was due by ${show(p.due)}`,
  "council.finding.memberDissolved": (p) =>
    `Member organization ${show(p.orgId)} of council ${show(p.councilId)} was dissolved on ${
      show(p.dissolvedAt)
    }: update the council's members`
}

const zh: Catalog = {
  "council.kind.jointMeeting": () => "党建工作联席会议",
  "council.kind.coordinationCommittee": () => "党建工作协调委员会",
  "council.kind.partyBuildingCommunity": () => "党建共同体",
  "council.kind.communityGrandCommittee": () => "社区大党委",
  "council.tooFewMembers": (p) =>
    `联席组织 ${show(p.councilId)} 只有 ${show(p.members)} 个成员单位党组织,至少需要 ${show(p.required)} 个`,
  "council.duplicateMember": (p) => `联席组织 ${show(p.councilId)} 重复列出成员单位 ${show(p.orgId)}`,
  "council.convenerNotMember": (p) => `联席组织 ${show(p.councilId)} 的召集单位 ${show(p.orgId)} 必须是其成员单位`,
  "council.memberNotFound": (p) =>
    `联席组织 ${show(p.councilId)} 的成员单位党组织 ${show(p.orgId)} 在 ${show(p.at)} 不存在`,
  "council.memberDissolved": (p) =>
    `联席组织 ${show(p.councilId)} 的成员单位党组织 ${show(p.orgId)} 已于 ${show(p.dissolvedAt)} 撤销`,
  "council.beforeFormed": (p) => `日期 ${show(p.at)} 早于联席组织 ${show(p.councilId)} 的成立日期 ${show(p.formedAt)}`,
  "council.noAttendance": (p) => `联席组织 ${show(p.councilId)} 的联席会议未列出参会单位`,
  "council.notMember": (p) => `${show(p.orgId)} 不是联席组织 ${show(p.councilId)} 的成员单位`,
  "council.finding.meetingOverdue": (p) =>
    `联席组织 ${show(p.councilId)}(召集单位 ${show(p.orgId)})自 ${show(p.since)} 起未召开联席会议,应于 ${
      show(p.due)
    } 前召开`,
  "council.finding.memberDissolved": (p) =>
    `联席组织 ${show(p.councilId)} 的成员单位党组织 ${show(p.orgId)} 已于 ${show(p.dissolvedAt)} 撤销:请调整成员单位`
}

/**
 * @category messages
 * @since 0.2.0
 */
export const councilMessages: Catalogs = { en, "zh-CN": zh }
