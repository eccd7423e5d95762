/**
 * Messages of the unit check-in aggregate in zh-CN and en: its rejections and its finding. The codes keep the
 * `member.` prefix they had when the unit check-in was part of the member pillar (`member.unit…`,
 * `member.finding.unitFeedbackDue`): codes are stable, and callers and the rules pages match on them. Params
 * hold ids and dates only.
 *
 * @since 0.2.0
 */
import type { Catalogs } from "../kernel/Message.ts"
import { show } from "../kernel/Message.ts"

/**
 * @category messages
 * @since 0.2.0
 */
export const unitCheckInMessages: Catalogs = {
  en: {
    "member.unitAlreadyCheckedIn": (p) =>
      `The organization ${show(p.orgId)} is already checked in at ${show(p.communityOrgId)}`,
    "member.unitCheckInAtSelf": (p) => `The organization ${show(p.orgId)} cannot check in at itself`,
    "member.unitNotCheckedIn": (p) => `The organization ${show(p.orgId)} is not checked in at a community`,
    "member.finding.unitFeedbackDue": (p) =>
      `Community ${show(p.communityOrgId)} owes its yearly evaluation of the checked-in organization ${
        show(p.orgId)
      } (last: ${show(p.lastAt)})`
  },
  "zh-CN": {
    "member.unitAlreadyCheckedIn": (p) => `党组织 ${show(p.orgId)} 已到 ${show(p.communityOrgId)} 报到`,
    "member.unitCheckInAtSelf": (p) => `党组织 ${show(p.orgId)} 不能向自身报到`,
    "member.unitNotCheckedIn": (p) => `党组织 ${show(p.orgId)} 未到社区报到`,
    "member.finding.unitFeedbackDue": (p) =>
      `社区 ${show(p.communityOrgId)} 应对报到的党组织 ${show(p.orgId)} 进行年度评议(上次:${show(p.lastAt)})`
  }
}
