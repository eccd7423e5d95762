/**
 * The CLI's own messages (zh-CN and en): row errors of a roster import and the lines it prints.
 *
 * @since 0.1.0
 */
import type { Locale, MessageParams } from "@dangjian/core"
import { Messages } from "@dangjian/core"
import type { Catalogs } from "@dangjian/core/kernel"
import { Message } from "@dangjian/core/kernel"

const show = (v: string | number | boolean | undefined) => (v === undefined ? "—" : String(v))

/**
 * @category messages
 * @since 0.1.0
 */
export const cliMessages: Catalogs = {
  en: {
    "cli.row.missingColumn": (p) => `missing required column ${show(p.column)}`,
    "cli.row.required": (p) => `${show(p.column)} is empty`,
    "cli.row.invalidValue": (p) => `${show(p.column)} has an invalid value (${show(p.expected)})`,
    "cli.row.duplicateMember": (p) => `member ${show(p.memberId)} appears twice (first on line ${show(p.firstLine)})`,
    "cli.row.conflictingOrg": (p) =>
      `organization ${show(p.orgId)} is described differently than on line ${show(p.firstLine)} (${show(p.column)})`,
    "cli.row.unknownParent": (p) => `parent organization ${show(p.parentId)} is neither in the file nor in the store`,
    "cli.row.cycle": (p) => `organization ${show(p.orgId)} is its own ancestor`,
    "cli.row.exists": (p) => `organization ${show(p.orgId)} already exists in the store`,
    "cli.row.rejected": (p) => `rejected: ${show(p.reason)}`,
    "cli.file.unreadable": (p) => `cannot read ${show(p.file)}: ${show(p.reason)}`,
    "cli.file.format": (p) => `${show(p.file)}: ${show(p.reason)}`,
    "cli.file.unwritable": (p) => `cannot write ${show(p.file)}: ${show(p.reason)}`,
    "cli.import.failed": (p) => `import failed: ${show(p.count)} bad rows; nothing was written`,
    "cli.import.done": (p) =>
      `imported ${show(p.organizations)} organizations and ${show(p.members)} members (${show(p.events)} events)`,
    "cli.import.changed": () => "the store changed during the import; nothing was written, run it again",
    "cli.store.invalid": (p) => `invalid --store ${show(p.spec)}: use sqlite:<file> or postgres://…`,
    "cli.report.none": () => "no findings",
    "cli.report.title": (p) => `Findings as of ${show(p.asOf)}`,
    "cli.tree.empty": () => "no organizations",
    "cli.demo.done": (p) => `demo township written to ${show(p.store)} (${show(p.events)} events)`,
    "cli.replay.done": (p) => `rebuilt ${show(p.projections)} projections over ${show(p.events)} events`,
    "cli.schema.written": (p) => `wrote ${show(p.commands)} and ${show(p.events)}`
  },
  "zh-CN": {
    "cli.row.missingColumn": (p) => `缺少必需的列 ${show(p.column)}`,
    "cli.row.required": (p) => `${show(p.column)} 为空`,
    "cli.row.invalidValue": (p) => `${show(p.column)} 的值无效(${show(p.expected)})`,
    "cli.row.duplicateMember": (p) => `党员 ${show(p.memberId)} 重复出现(首次在第 ${show(p.firstLine)} 行)`,
    "cli.row.conflictingOrg": (p) =>
      `组织 ${show(p.orgId)} 的描述与第 ${show(p.firstLine)} 行不一致(${show(p.column)})`,
    "cli.row.unknownParent": (p) => `上级组织 ${show(p.parentId)} 既不在文件中,也不在存储中`,
    "cli.row.cycle": (p) => `组织 ${show(p.orgId)} 的上级链条构成循环`,
    "cli.row.exists": (p) => `组织 ${show(p.orgId)} 已存在于存储中`,
    "cli.row.rejected": (p) => `被拒绝:${show(p.reason)}`,
    "cli.file.unreadable": (p) => `无法读取 ${show(p.file)}:${show(p.reason)}`,
    "cli.file.format": (p) => `${show(p.file)}:${show(p.reason)}`,
    "cli.file.unwritable": (p) => `无法写入 ${show(p.file)}:${show(p.reason)}`,
    "cli.import.failed": (p) => `导入失败:${show(p.count)} 行有误;未写入任何数据`,
    "cli.import.done": (p) =>
      `已导入 ${show(p.organizations)} 个组织、${show(p.members)} 名党员(${show(p.events)} 个事件)`,
    "cli.import.changed": () => "导入期间存储发生变化;未写入任何数据,请重新运行",
    "cli.store.invalid": (p) => `--store ${show(p.spec)} 无效:请使用 sqlite:<文件> 或 postgres://…`,
    "cli.report.none": () => "没有发现问题",
    "cli.report.title": (p) => `截至 ${show(p.asOf)} 的检查结果`,
    "cli.tree.empty": () => "没有组织",
    "cli.demo.done": (p) => `示例乡镇已写入 ${show(p.store)}(${show(p.events)} 个事件)`,
    "cli.replay.done": (p) => `已在 ${show(p.events)} 个事件上重建 ${show(p.projections)} 个投影`,
    "cli.schema.written": (p) => `已写入 ${show(p.commands)} 和 ${show(p.events)}`
  }
}

const all = Message.mergeCatalogs(Messages.catalogs, cliMessages)

/**
 * Renders a library or CLI message code.
 *
 * @category rendering
 * @since 0.1.0
 */
export const t = (code: string, params: MessageParams, locale: Locale): string =>
  Message.renderWith(all, code, params, locale)

/**
 * The locale from `--lang`, else from `LANG`/`LC_ALL` (zh → zh-CN), else zh-CN.
 *
 * @category rendering
 * @since 0.1.0
 */
export const localeFrom = (flag: string | undefined, env: Record<string, string | undefined>): Locale => {
  const value = flag ?? env["LC_ALL"] ?? env["LANG"] ?? "zh-CN"
  return value.toLowerCase().startsWith("en") ? "en" : "zh-CN"
}
