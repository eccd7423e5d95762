/**
 * Messages for generic domain rejections (not tied to one pillar).
 *
 * @since 0.1.0
 */
import type { Catalogs } from "../kernel/Message.ts"
import { show } from "../kernel/Message.ts"

/**
 * @category messages
 * @since 0.1.0
 */
export const ruleMessages: Catalogs = {
  en: {
    "domain.notFound": (p) => `${show(p.entity)} ${show(p.id)} does not exist`,
    "domain.alreadyExists": (p) => `${show(p.entity)} ${show(p.id)} already exists`,
    "domain.closed": (p) => `${show(p.entity)} ${show(p.id)} is closed (${show(p.state)})`,
    "domain.dateBeforeLast": (p) =>
      `The legal date ${show(p.at)} is before the last recorded date ${show(p.last)} of ${show(p.id)}`,
    "domain.unknownCommand": () => "Unknown command type: not a member of Dangjian.Command"
  },
  "zh-CN": {
    "domain.notFound": (p) => `${show(p.entity)} ${show(p.id)} 不存在`,
    "domain.alreadyExists": (p) => `${show(p.entity)} ${show(p.id)} 已存在`,
    "domain.closed": (p) => `${show(p.entity)} ${show(p.id)} 已关闭(${show(p.state)})`,
    "domain.dateBeforeLast": (p) => `生效日期 ${show(p.at)} 早于 ${show(p.id)} 最近记录的日期 ${show(p.last)}`,
    "domain.unknownCommand": () => "无法识别的命令类型:不属于 Dangjian.Command"
  }
}
