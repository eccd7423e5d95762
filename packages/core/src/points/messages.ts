/**
 * Messages of the points aggregate in zh-CN and en: rejections (`points.*`), findings (`points.finding.*`)
 * and the labels of duty-post kinds (R52, R53). Params hold ids, periods, counts and scores only, never a
 * member's personal data.
 *
 * @since 0.3.0
 */
import type { Catalog, Catalogs } from "../kernel/Message.ts"
import { show } from "../kernel/Message.ts"

const postKindsEn: Readonly<Record<string, string>> = {
  policyPublicity: "policy publicity (政策宣传岗)",
  environment: "environment (环境整治岗)",
  mediation: "mediation (矛盾调解岗)",
  security: "public security (治安巡防岗)",
  service: "service (便民服务岗)",
  other: "other duty post"
}

const postKindsZh: Readonly<Record<string, string>> = {
  policyPublicity: "政策宣传岗",
  environment: "环境整治岗",
  mediation: "矛盾调解岗",
  security: "治安巡防岗",
  service: "便民服务岗",
  other: "其他责任岗"
}

const labels = (names: Readonly<Record<string, string>>): Catalog =>
  Object.fromEntries(Object.entries(names).map(([key, name]) => [`points.postKind.${key}`, () => name]))

const en: Catalog = {
  ...labels(postKindsEn),
  "points.duplicateItem": (p) => `The points scheme of ${show(p.orgId)} names item ${show(p.itemId)} twice`,
  "points.noScheme": (p) => `Organization ${show(p.orgId)} has no points scheme`,
  "points.beforeScheme": (p) =>
    `The date ${show(p.at)} is before the points scheme of ${show(p.orgId)} (${show(p.since)})`,
  "points.unknownItem": (p) => `The points scheme of ${show(p.orgId)} has no item ${show(p.itemId)}`,
  "points.notMemberOfOrg": (p) => `Member ${show(p.memberId)} is not affiliated to ${show(p.orgId)}`,
  "points.periodPublished": (p) => `The results of ${show(p.period)} at ${show(p.orgId)} are published and final`,
  "points.itemLimitReached": (p) =>
    `Item ${show(p.itemId)} counts at most ${show(p.max)} times per period; member ${
      show(p.memberId)
    } has reached it in ${show(p.period)}`,
  "points.periodMismatch": (p) =>
    `The points of ${show(p.orgId)} are published ${show(p.publication)}; ${show(p.period)} is not such a period`,
  "points.periodNotEnded": (p) => `The period ${show(p.period)} ends on ${show(p.end)}; publish it from that day`,
  "points.unknownGroup": (p) => `Organization ${show(p.orgId)} has no party group ${show(p.groupId)}`,
  "points.postNeedsGroup": (p) =>
    `Duty post ${show(p.postId)} of ${show(p.orgId)} must name its party group (posts are set up by party group)`,
  "points.beforePost": (p) =>
    `The date ${show(p.at)} is before duty post ${show(p.postId)} was set up (${show(p.establishedAt)})`,
  "points.notInGroup": (p) =>
    `Member ${show(p.memberId)} is not in party group ${show(p.groupId)}, which duty post ${show(p.postId)} belongs to`,
  "points.notHolder": (p) => `Member ${show(p.memberId)} does not hold duty post ${show(p.postId)}`,
  "points.finding.unpublished": (p) =>
    `The points results of ${show(p.orgId)} for ${show(p.period)} were due to be published by ${show(p.due)} (${
      show(p.periods)
    } period(s) unpublished)`,
  "points.finding.belowThreshold": (p) =>
    `Member ${show(p.memberId)} scored ${show(p.score)} points by ${show(p.period)} at ${show(p.orgId)}, below ${
      show(p.threshold)
    }: look into it (organizational life, the appraisal); no status changes`,
  "points.finding.probationaryBelow": (p) =>
    `Probationary member ${show(p.memberId)} scored ${show(p.score)} points in ${show(p.year)} at ${
      show(p.orgId)
    }, below ${show(p.threshold)}: for the conversion discussion; no status changes`,
  "points.finding.dutyPostShareLow": (p) =>
    `${show(p.holding)} of ${show(p.withoutOffice)} members without office at ${
      show(p.orgId)
    } hold a duty post; at least ${show(p.required)} should`
}

const zh: Catalog = {
  ...labels(postKindsZh),
  "points.duplicateItem": (p) => `${show(p.orgId)} 的积分方案重复列出项目 ${show(p.itemId)}`,
  "points.noScheme": (p) => `党组织 ${show(p.orgId)} 尚未制定积分方案`,
  "points.beforeScheme": (p) => `日期 ${show(p.at)} 早于 ${show(p.orgId)} 积分方案的施行日期 ${show(p.since)}`,
  "points.unknownItem": (p) => `${show(p.orgId)} 的积分方案中没有项目 ${show(p.itemId)}`,
  "points.notMemberOfOrg": (p) => `党员 ${show(p.memberId)} 的组织关系不在 ${show(p.orgId)}`,
  "points.periodPublished": (p) => `${show(p.orgId)} ${show(p.period)} 的积分结果已公示,不可更改`,
  "points.itemLimitReached": (p) =>
    `项目 ${show(p.itemId)} 每期最多计 ${show(p.max)} 次;党员 ${show(p.memberId)} 在 ${show(p.period)} 已达上限`,
  "points.periodMismatch": (p) =>
    `${show(p.orgId)} 的积分按${p.publication === "monthly" ? "月" : "季度"}公示,${show(p.period)} 不是这样的期间`,
  "points.periodNotEnded": (p) => `${show(p.period)} 至 ${show(p.end)} 结束,当日起方可公示`,
  "points.unknownGroup": (p) => `党组织 ${show(p.orgId)} 没有党小组 ${show(p.groupId)}`,
  "points.postNeedsGroup": (p) => `${show(p.orgId)} 的责任岗 ${show(p.postId)} 须以党小组为单位设立`,
  "points.beforePost": (p) => `日期 ${show(p.at)} 早于责任岗 ${show(p.postId)} 的设立日期 ${show(p.establishedAt)}`,
  "points.notInGroup": (p) => `党员 ${show(p.memberId)} 不在责任岗 ${show(p.postId)} 所属的党小组 ${show(p.groupId)}`,
  "points.notHolder": (p) => `党员 ${show(p.memberId)} 未在责任岗 ${show(p.postId)} 上岗`,
  "points.finding.unpublished": (p) =>
    `${show(p.orgId)} ${show(p.period)} 的积分结果应于 ${show(p.due)} 前公示(共 ${show(p.periods)} 期未公示)`,
  "points.finding.belowThreshold": (p) =>
    `党员 ${show(p.memberId)} 截至 ${show(p.period)} 在 ${show(p.orgId)} 积 ${show(p.score)} 分,低于 ${
      show(p.threshold)
    } 分:请了解情况(组织生活、民主评议);不改变党员身份`,
  "points.finding.probationaryBelow": (p) =>
    `预备党员 ${show(p.memberId)} ${show(p.year)} 年在 ${show(p.orgId)} 积 ${show(p.score)} 分,低于 ${
      show(p.threshold)
    } 分:供讨论转正时参考;不改变党员身份`,
  "points.finding.dutyPostShareLow": (p) =>
    `${show(p.orgId)} 的 ${show(p.withoutOffice)} 名无职党员中有 ${show(p.holding)} 名上岗,应至少 ${
      show(p.required)
    } 名`
}

/**
 * @category messages
 * @since 0.3.0
 */
export const pointsMessages: Catalogs = { en, "zh-CN": zh }
