/**
 * Messages of the agreement pillar in zh-CN and en: rejections (`agreement.*`), findings
 * (`agreement.finding.*`) and the labels of areas, forms and standings (`agreement.area.*`,
 * `agreement.form.*`, `agreement.standing.*`). Params hold ids, counts, dates and kinds only (the coordination
 * councils' messages are the council aggregate's, in `council/messages.ts`).
 *
 * @since 0.1.0
 */
import type { Catalog, Catalogs, MessageParams } from "../kernel/Message.ts"
import { show } from "../kernel/Message.ts"

type Names = Readonly<Record<string, string>>

const areasEn: Names = {
  economy: "economic development",
  culture: "cultural affairs",
  publicWelfare: "public welfare",
  publicSecurity: "public security",
  ideologyMorality: "ideology and morality"
}

const areasZh: Names = {
  economy: "经济建设联抓",
  culture: "文化事业联搞",
  publicWelfare: "公益事业联建",
  publicSecurity: "社会治安联防",
  ideologyMorality: "思想道德联做"
}

const formsEn: Names = {
  leaderToGrassroots: "leading cadre with a grassroots unit",
  departmentToGrassroots: "department with a grassroots unit",
  gridPairing: "grid pairing",
  villageCommunity: "village–community joint building",
  villageEnterprise: "village–enterprise joint building"
}

const formsZh: Names = {
  leaderToGrassroots: "领导干部与基层结对",
  departmentToGrassroots: "机关部门与基层结对",
  gridPairing: "基层纵横网格式结对",
  villageCommunity: "村居联建",
  villageEnterprise: "村企联建"
}

const standingsEn: Names = {
  none: "not recorded",
  proposed: "proposed",
  active: "active",
  expiring: "expiring",
  expired: "expired",
  terminated: "terminated"
}

const standingsZh: Names = {
  none: "未登记",
  proposed: "拟签订",
  active: "履行中",
  expiring: "即将到期",
  expired: "已到期",
  terminated: "已终止"
}

// Own keys only: a value such as `constructor` is shown as itself, never as Object.prototype's function.
const name = (names: Names) => (value: MessageParams[string]) =>
  value === undefined ? "—" : Object.hasOwn(names, String(value)) ? names[String(value)]! : String(value)

const aEn = name(areasEn)
const aZh = name(areasZh)
const fEn = name(formsEn)
const fZh = name(formsZh)

const labels = (prefix: string, names: Names): Catalog =>
  Object.fromEntries(Object.entries(names).map(([key, label]) => [`${prefix}.${key}`, () => label]))

const en: Catalog = {
  ...labels("agreement.area", areasEn),
  ...labels("agreement.form", formsEn),
  ...labels("agreement.standing", standingsEn),
  "agreement.tooFewParties": (p) =>
    `Agreement ${show(p.agreementId)} names ${show(p.parties)} distinct party; a pairing needs at least ${
      show(p.required)
    }`,
  "agreement.duplicateParty": (p) =>
    `Agreement ${show(p.agreementId)} names party ${show(p.partyId)} twice; the parties must be distinct`,
  "agreement.noPartyOrganization": (p) =>
    `Agreement ${show(p.agreementId)} names no Party organization among its parties`,
  "agreement.noArea": (p) =>
    `Agreement ${
      show(p.agreementId)
    } names no joint area; choose at least one of the five (economy, culture, public welfare, public security, ideology and morality)`,
  "agreement.duplicateArea": (p) => `Agreement ${show(p.agreementId)} names a joint area twice`,
  "agreement.termRequired": (p) =>
    `Agreement ${show(p.agreementId)} has no term: give a start and an end date, or declare it open-ended`,
  "agreement.termEndsBeforeStart": (p) =>
    `The term of agreement ${show(p.agreementId)} ends (${show(p.endDate)}) before it starts (${show(p.startDate)})`,
  "agreement.partyNotSigned": (p) => `Agreement ${show(p.agreementId)} has no signatory for party ${show(p.partyId)}`,
  "agreement.signatoryNotParty": (p) =>
    `A signatory of agreement ${show(p.agreementId)} signs for ${show(p.partyId)}, which is not a party`,
  "agreement.partyOrganizationNotFound": (p) =>
    `Party organization ${show(p.orgId)} of agreement ${show(p.agreementId)} does not exist on ${show(p.at)}`,
  "agreement.partyOrganizationDissolved": (p) =>
    `Party organization ${show(p.orgId)} of agreement ${show(p.agreementId)} was dissolved on ${
      show(p.dissolvedAt)
    }; it cannot sign`,
  "agreement.jointFormRequired": (p) =>
    `Only a village–community or village–enterprise pairing links a joint organization; agreement ${
      show(p.agreementId)
    } is a ${fEn(p.form)}`,
  "agreement.jointOrganizationNotFound": (p) =>
    `Joint organization ${show(p.orgId)} of agreement ${show(p.agreementId)} does not exist on ${show(p.at)}`,
  "agreement.jointOrganizationDissolved": (p) =>
    `Joint organization ${show(p.orgId)} of agreement ${show(p.agreementId)} was dissolved on ${show(p.dissolvedAt)}`,
  "agreement.notJointOrganization": (p) =>
    `Organization ${show(p.orgId)} is not a joint organization (formed ${show(p.formation)})`,
  "agreement.notSigned": (p) => `Agreement ${show(p.agreementId)} is not signed (${show(p.status)})`,
  "agreement.beforeSigned": (p) =>
    `The date ${show(p.at)} is before agreement ${show(p.agreementId)} was signed (${show(p.signedAt)})`,
  "agreement.outsideTerm": (p) =>
    `On ${show(p.at)} the term of agreement ${show(p.agreementId)} has ended (${show(p.endDate)})`,
  "agreement.areaNotAgreed": (p) => `Agreement ${show(p.agreementId)} does not cover the area ${aEn(p.area)}`,
  "agreement.noPartiesInvolved": (p) => `An activity of agreement ${show(p.agreementId)} names no party`,
  "agreement.partyNotInAgreement": (p) => `${show(p.partyId)} is not a party to agreement ${show(p.agreementId)}`,
  "agreement.duplicatePartyInvolved": (p) => `An activity of agreement ${show(p.agreementId)} names a party twice`,
  "agreement.noReportDue": (p) =>
    `No report of agreement ${show(p.agreementId)} is due on ${show(p.at)} (every ${
      show(p.everyMonths)
    } months; next period starts ${show(p.nextStart)})`,
  "agreement.renewalStartsBeforeCurrent": (p) =>
    `The new round of agreement ${show(p.agreementId)} starts (${show(p.startDate)}) before the current one (${
      show(p.currentStart)
    })`,
  "agreement.openEnded": (p) => `Agreement ${show(p.agreementId)} is open-ended and does not expire`,
  "agreement.termNotEnded": (p) =>
    `The term of agreement ${show(p.agreementId)} runs until ${show(p.endDate)}; it has not ended on ${show(p.at)}`,
  "agreement.finding.expiring": (p) =>
    `Agreement ${show(p.agreementId)} ends on ${show(p.endDate)} (in ${show(p.days)} days): renew it or close it`,
  "agreement.finding.expired": (p) =>
    `The term of agreement ${show(p.agreementId)} ended on ${show(p.endDate)}: renew it or record its expiry`,
  "agreement.finding.idle": (p) =>
    `Agreement ${show(p.agreementId)} has had no activity for ${show(p.days)} days (since ${show(p.since)}; at most ${
      show(p.idleAfterDays)
    })`,
  "agreement.finding.reportOverdue": (p) =>
    `The report of agreement ${show(p.agreementId)} for period ${show(p.period)} (${show(p.periodStart)} – ${
      show(p.due)
    }) is overdue`,
  "agreement.finding.partyDissolved": (p) =>
    `Party organization ${show(p.orgId)} of agreement ${show(p.agreementId)} was dissolved on ${
      show(p.dissolvedAt)
    }: terminate the agreement or renew it with its successor`
}

const zh: Catalog = {
  ...labels("agreement.area", areasZh),
  ...labels("agreement.form", formsZh),
  ...labels("agreement.standing", standingsZh),
  "agreement.tooFewParties": (p) =>
    `结对共建协议 ${show(p.agreementId)} 只有 ${show(p.parties)} 个不同的结对方,至少需要 ${show(p.required)} 个`,
  "agreement.duplicateParty": (p) =>
    `结对共建协议 ${show(p.agreementId)} 重复列出结对方 ${show(p.partyId)},结对方必须互不相同`,
  "agreement.noPartyOrganization": (p) => `结对共建协议 ${show(p.agreementId)} 的结对方中没有党组织`,
  "agreement.noArea": (p) =>
    `结对共建协议 ${
      show(p.agreementId)
    } 未选择共建内容,至少选择“五联”之一(经济建设联抓、文化事业联搞、公益事业联建、社会治安联防、思想道德联做)`,
  "agreement.duplicateArea": (p) => `结对共建协议 ${show(p.agreementId)} 重复选择了同一共建内容`,
  "agreement.termRequired": (p) => `结对共建协议 ${show(p.agreementId)} 未约定期限:请填写起止日期,或明确为不定期`,
  "agreement.termEndsBeforeStart": (p) =>
    `结对共建协议 ${show(p.agreementId)} 的终止日期 ${show(p.endDate)} 早于起始日期 ${show(p.startDate)}`,
  "agreement.partyNotSigned": (p) => `结对共建协议 ${show(p.agreementId)} 缺少结对方 ${show(p.partyId)} 的签字人`,
  "agreement.signatoryNotParty": (p) =>
    `结对共建协议 ${show(p.agreementId)} 的签字人所代表的 ${show(p.partyId)} 不是结对方`,
  "agreement.partyOrganizationNotFound": (p) =>
    `结对共建协议 ${show(p.agreementId)} 的党组织 ${show(p.orgId)} 在 ${show(p.at)} 不存在`,
  "agreement.partyOrganizationDissolved": (p) =>
    `结对共建协议 ${show(p.agreementId)} 的党组织 ${show(p.orgId)} 已于 ${show(p.dissolvedAt)} 撤销,不能签订`,
  "agreement.jointFormRequired": (p) =>
    `只有村居联建、村企联建才关联联建党组织;结对共建协议 ${show(p.agreementId)} 为${fZh(p.form)}`,
  "agreement.jointOrganizationNotFound": (p) =>
    `结对共建协议 ${show(p.agreementId)} 关联的联建党组织 ${show(p.orgId)} 在 ${show(p.at)} 不存在`,
  "agreement.jointOrganizationDissolved": (p) =>
    `结对共建协议 ${show(p.agreementId)} 关联的联建党组织 ${show(p.orgId)} 已于 ${show(p.dissolvedAt)} 撤销`,
  "agreement.notJointOrganization": (p) => `党组织 ${show(p.orgId)} 不是联建党组织(组建方式 ${show(p.formation)})`,
  "agreement.notSigned": (p) => `结对共建协议 ${show(p.agreementId)} 尚未签订(${show(p.status)})`,
  "agreement.beforeSigned": (p) =>
    `日期 ${show(p.at)} 早于结对共建协议 ${show(p.agreementId)} 的签订日期 ${show(p.signedAt)}`,
  "agreement.outsideTerm": (p) => `${show(p.at)} 结对共建协议 ${show(p.agreementId)} 已期满(${show(p.endDate)})`,
  "agreement.areaNotAgreed": (p) => `结对共建协议 ${show(p.agreementId)} 不包括“${aZh(p.area)}”`,
  "agreement.noPartiesInvolved": (p) => `结对共建协议 ${show(p.agreementId)} 的活动未列出参与的结对方`,
  "agreement.partyNotInAgreement": (p) => `${show(p.partyId)} 不是结对共建协议 ${show(p.agreementId)} 的结对方`,
  "agreement.duplicatePartyInvolved": (p) => `结对共建协议 ${show(p.agreementId)} 的活动重复列出同一结对方`,
  "agreement.noReportDue": (p) =>
    `结对共建协议 ${show(p.agreementId)} 在 ${show(p.at)} 没有应报送的报告(每 ${
      show(p.everyMonths)
    } 个月一次;下一期始于 ${show(p.nextStart)})`,
  "agreement.renewalStartsBeforeCurrent": (p) =>
    `结对共建协议 ${show(p.agreementId)} 新一轮的起始日期 ${show(p.startDate)} 早于本轮 ${show(p.currentStart)}`,
  "agreement.openEnded": (p) => `结对共建协议 ${show(p.agreementId)} 为不定期协议,不会期满`,
  "agreement.termNotEnded": (p) =>
    `结对共建协议 ${show(p.agreementId)} 的期限至 ${show(p.endDate)},${show(p.at)} 尚未期满`,
  "agreement.finding.expiring": (p) =>
    `结对共建协议 ${show(p.agreementId)} 将于 ${show(p.endDate)} 到期(还有 ${show(p.days)} 天):请续签或终止`,
  "agreement.finding.expired": (p) =>
    `结对共建协议 ${show(p.agreementId)} 已于 ${show(p.endDate)} 期满:请开展新一轮结对共建或登记期满`,
  "agreement.finding.idle": (p) =>
    `结对共建协议 ${show(p.agreementId)} 已 ${show(p.days)} 天未开展活动(自 ${show(p.since)} 起;不超过 ${
      show(p.idleAfterDays)
    } 天)`,
  "agreement.finding.reportOverdue": (p) =>
    `结对共建协议 ${show(p.agreementId)} 第 ${show(p.period)} 期(${show(p.periodStart)} 至 ${
      show(p.due)
    })书面报告逾期未报`,
  "agreement.finding.partyDissolved": (p) =>
    `结对共建协议 ${show(p.agreementId)} 的党组织 ${show(p.orgId)} 已于 ${
      show(p.dissolvedAt)
    } 撤销:请终止协议或与继任组织续签`
}

/**
 * @category messages
 * @since 0.1.0
 */
export const agreementMessages: Catalogs = { en, "zh-CN": zh }
