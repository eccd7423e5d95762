/**
 * Messages of the roles aggregate in zh-CN and en: rejections (`roles.*`), findings (`roles.finding.*`) and
 * the labels of unit types and cadre sources (R54, R56, R57). Params hold ids and dates only.
 *
 * @since 0.3.0
 */
import type { Catalog, Catalogs } from "../kernel/Message.ts"
import { show } from "../kernel/Message.ts"

const labelsEn: Readonly<Record<string, string>> = {
  "roles.unitType.privateEnterprise": "private enterprise",
  "roles.unitType.socialOrganization": "social organization",
  "roles.unitType.individualBusiness": "individual business",
  "roles.unitType.other": "other unit",
  "roles.cadreSource.selected": "selected (优选一批)",
  "roles.cadreSource.retained": "retained (留用一批)",
  "roles.cadreSource.adjusted": "adjusted (调整一批)"
}

const labelsZh: Readonly<Record<string, string>> = {
  "roles.unitType.privateEnterprise": "非公企业",
  "roles.unitType.socialOrganization": "社会组织",
  "roles.unitType.individualBusiness": "个体工商户",
  "roles.unitType.other": "其他单位",
  "roles.cadreSource.selected": "优选一批",
  "roles.cadreSource.retained": "留用一批",
  "roles.cadreSource.adjusted": "调整一批"
}

const labels = (names: Readonly<Record<string, string>>): Catalog =>
  Object.fromEntries(Object.entries(names).map(([code, name]) => [code, () => name]))

const en: Catalog = {
  ...labels(labelsEn),
  "roles.notVillageOrCommunity": (p) =>
    `A first secretary is sent to a village or community organization; ${show(p.orgId)} is at a ${show(p.locus)}`,
  "roles.termEndsBeforeStart": (p) => `A term from ${show(p.from)} must end after it (${show(p.until)})`,
  "roles.firstSecretaryOverlap": (p) =>
    `${show(p.orgId)} already has a first secretary in that time (appointment ${show(p.appointmentId)})`,
  "roles.extensionNotLater": (p) =>
    `The new end ${show(p.until)} of appointment ${show(p.appointmentId)} is before its current end ${show(p.current)}`,
  "roles.noUnits": (p) => `Instructor appointment ${show(p.appointmentId)} names no unit`,
  "roles.duplicateUnit": (p) => `Instructor appointment ${show(p.appointmentId)} names unit ${show(p.unitId)} twice`,
  "roles.notUnitWithoutMembers": (p) =>
    `Unit ${show(p.unitId)} is not on ${show(p.orgId)}'s register of units without members`,
  "roles.finding.firstSecretaryTermLapsed": (p) =>
    `The first secretary's term at ${show(p.orgId)} (appointment ${show(p.appointmentId)}) ended on ${
      show(p.until)
    }: extend it, recall, or appoint another`,
  "roles.finding.firstSecretaryTermEnding": (p) =>
    `The first secretary's term at ${show(p.orgId)} (appointment ${show(p.appointmentId)}) ends on ${show(p.until)}`,
  "roles.finding.noFirstSecretary": (p) => `${show(p.orgId)} has no first secretary (full coverage is required)`,
  "roles.finding.instructorTermLapsed": (p) =>
    `The instructor appointment ${show(p.appointmentId)} of ${show(p.orgId)} ended on ${
      show(p.until)
    }: recall or renew it`,
  "roles.finding.noInstructor": (p) =>
    `Unit ${show(p.unitId)} (a unit without members, ${show(p.orgId)}) has no Party-building instructor`
}

const zh: Catalog = {
  ...labels(labelsZh),
  "roles.notVillageOrCommunity": (p) => `第一书记应选派到村或社区党组织;${show(p.orgId)} 不是村或社区党组织`,
  "roles.termEndsBeforeStart": (p) => `任期自 ${show(p.from)} 起,结束日期 ${show(p.until)} 应晚于开始日期`,
  "roles.firstSecretaryOverlap": (p) => `${show(p.orgId)} 在该期间已有第一书记(任命 ${show(p.appointmentId)})`,
  "roles.extensionNotLater": (p) =>
    `任命 ${show(p.appointmentId)} 新的结束日期 ${show(p.until)} 早于现在的结束日期 ${show(p.current)}`,
  "roles.noUnits": (p) => `指导员任命 ${show(p.appointmentId)} 未列出单位`,
  "roles.duplicateUnit": (p) => `指导员任命 ${show(p.appointmentId)} 重复列出单位 ${show(p.unitId)}`,
  "roles.notUnitWithoutMembers": (p) => `单位 ${show(p.unitId)} 不在 ${show(p.orgId)} 的无党员单位名册中`,
  "roles.finding.firstSecretaryTermLapsed": (p) =>
    `${show(p.orgId)} 的第一书记(任命 ${show(p.appointmentId)})任期已于 ${show(p.until)} 届满:请延期、召回或另行选派`,
  "roles.finding.firstSecretaryTermEnding": (p) =>
    `${show(p.orgId)} 的第一书记(任命 ${show(p.appointmentId)})任期将于 ${show(p.until)} 届满`,
  "roles.finding.noFirstSecretary": (p) => `${show(p.orgId)} 没有第一书记(要求全覆盖)`,
  "roles.finding.instructorTermLapsed": (p) =>
    `${show(p.orgId)} 的党建工作指导员任命 ${show(p.appointmentId)} 已于 ${show(p.until)} 到期:请召回或续派`,
  "roles.finding.noInstructor": (p) => `无党员单位 ${show(p.unitId)}(${show(p.orgId)})没有党建工作指导员`
}

/**
 * @category messages
 * @since 0.3.0
 */
export const rolesMessages: Catalogs = { en, "zh-CN": zh }
