/**
 * The CLI's own messages, zh-CN first and en: help, usage errors, file and row errors of a roster, the lines
 * each command prints. Every message the CLI shows goes through {@link t}, merged with the library's
 * catalogs (rule violations and findings).
 *
 * @since 0.1.0
 */
import type { Locale, MessageParams } from "@dangjian/core"
import { Messages } from "@dangjian/core"
import type { Catalogs } from "@dangjian/core/kernel"
import { Message } from "@dangjian/core/kernel"

type P = MessageParams
const show = (v: string | number | boolean | undefined) => (v === undefined ? "—" : String(v))
const zhCol = (p: P) => `${show(p.columnZh)}(${show(p.column)})`
const enCol = (p: P) => `${show(p.column)} (${show(p.columnZh)})`
const dateForms = {
  en: "YYYY-MM-DD; 2019/3/1, 2019.3.1, 2019年3月1日 and 20190301 are read too",
  zh: "YYYY-MM-DD,也可写作 2019/3/1、2019.3.1、2019年3月1日 或 20190301"
}

const en: Record<string, (p: P) => string> = {
  // --- files ---
  "cli.file.unreadable": (p) => `cannot read ${show(p.file)}: ${show(p.reason)}`,
  "cli.file.unwritable": (p) => `cannot write ${show(p.file)}: ${show(p.reason)}`,
  "cli.file.empty": (p) => `${show(p.file)} is empty: nothing to import`,
  "cli.file.noRows": (p) => `${show(p.file)} has a header but no rows: nothing to import`,
  "cli.file.utf16": (p) =>
    `${show(p.file)} is UTF-16 text ("Unicode Text"); in Excel use File › Save As › "CSV UTF-8 (Comma delimited)"`,
  "cli.file.notUtf8.gb18030": (p) =>
    `${show(p.file)} is not UTF-8 (line ${
      show(p.line)
    }); it looks like GB18030, what Excel on Chinese Windows saves as "CSV": `
    + `save it as "CSV UTF-8 (Comma delimited)", or run again with --encoding gb18030`,
  "cli.file.notUtf8.unknown": (p) =>
    `${show(p.file)} is not UTF-8 text (line ${show(p.line)}): save it as "CSV UTF-8 (Comma delimited)", `
    + `or pass --encoding gb18030 if it was saved as GB18030/GBK`,
  "cli.file.utf8NotGb18030": (p) =>
    `${
      show(p.file)
    } is UTF-8, not GB18030: run again without --encoding (reading it as GB18030 would garble every name)`,
  "cli.file.notGb18030": (p) => `${show(p.file)} is not GB18030 text either (line ${show(p.line)})`,
  "cli.file.xls": (p) =>
    `${
      show(p.file)
    } is an old Excel workbook (.xls), which is not read: save it as .xlsx, or as "CSV UTF-8 (Comma delimited)"`,
  "cli.file.xlsxUnreadable": (p) =>
    `${
      show(p.file)
    } cannot be read as an Excel workbook (.xlsx): open it in Excel and save it again, or save it as "CSV UTF-8"`,
  "cli.file.badJson": (p) => `${show(p.file)} is not valid JSON`,
  "cli.json.notArray": (p) => `${show(p.file)}: expected a JSON array of rows`,
  "cli.json.notObject": () => "a row must be a JSON object",
  "cli.csv.quoteNotClosed": () =>
    "a quote opened here is never closed (a field starting with \" must end with \"; write a quote inside it as \"\")",
  "cli.csv.quoteInField": () =>
    "a quote inside a field that does not start with one: put the whole field in quotes and double the quote (\"\")",
  "cli.csv.textAfterQuote": () =>
    "text follows the closing quote of a field: a comma or the end of the line was expected",
  "cli.csv.other": (p) => `the CSV cannot be read here (${show(p.code)})`,
  // --- header ---
  "cli.header.duplicate": (p) => `columns "${show(p.first)}" and "${show(p.name)}" both name ${enCol(p)}: keep one`,
  "cli.header.personal": (p) => `column "${show(p.name)}" holds personal data: it is not read and not stored`,
  "cli.header.misspelled": (p) =>
    `unknown column "${show(p.name)}": did you mean "${show(p.suggestion)}"? Without it ${
      enCol(p)
    } would be ignored; rename the column`,
  "cli.header.unknownNear": (p) =>
    `unknown column "${show(p.name)}" is ignored (it is close to "${show(p.suggestion)}", which the file has)`,
  "cli.header.unknown": (p) => `unknown column "${show(p.name)}" is ignored`,
  "cli.header.missing": (p) => `missing required column ${enCol(p)}`,
  // --- rows ---
  "cli.row.extraCells": (p) =>
    `${show(p.cells)} cells for ${show(p.columns)} columns (a comma in a value? put that value in quotes)`,
  "cli.row.notText": (p) => `${enCol(p)}: expected text, a number or a boolean`,
  "cli.row.required": (p) => `${enCol(p)} is empty`,
  "cli.row.invalidChoice": (p) => `${enCol(p)}: "${show(p.value)}" is not one of ${show(p.expected)}`,
  "cli.row.invalidDate": (p) => `${enCol(p)}: "${show(p.value)}" is not a date (${dateForms.en})`,
  "cli.row.memberOnly": (p) => `${enCol(p)} is for a member's row (one with a memberId)`,
  "cli.row.probationaryOnly": (p) => `${enCol(p)} is for a probationary member only`,
  "cli.row.beforeApproved": (p) =>
    `${enCol(p)}: ${show(p.value)} is before the organization's approval on ${show(p.approvedAt)}`,
  "cli.row.future": (p) => `${enCol(p)}: ${show(p.value)} is after today (${show(p.today)})`,
  "cli.row.duplicateMember": (p) => `member ${show(p.memberId)} is listed twice (first on line ${show(p.firstLine)})`,
  "cli.row.conflictingOrg": (p) =>
    `organization ${show(p.orgId)} is described differently than on line ${show(p.firstLine)} (${show(p.field)})`,
  "cli.row.unknownParent": (p) => `parent organization ${show(p.parentId)} is neither in the file nor in the store`,
  "cli.row.cycle": (p) => `organization ${show(p.orgId)} is its own ancestor`,
  "cli.row.rejected": (p) => `rejected: ${show(p.reason)}`,
  // --- import ---
  "cli.import.already": (p) =>
    `this roster is already imported: its ${show(p.orgs)} organizations and ${
      show(p.members)
    } members are in the store. `
    + "Nothing was written; to bring the store up to date with a changed roster, use: dangjian roster sync <file>",
  "cli.import.overlap": (p) =>
    `${show(p.orgs)} organizations and ${show(p.members)} members of this roster are already in the store (the first: `
    + `${show(p.id)}, line ${
      show(p.firstLine)
    }). An import only adds; nothing was written. Use: dangjian roster sync <file>`,
  "cli.import.failed": (p) => `import failed: ${show(p.lines)} rows with errors; nothing was written`,
  "cli.import.done": (p) =>
    `imported ${show(p.organizations)} organizations and ${show(p.members)} members (${show(p.events)} events)`,
  "cli.import.changed": () => "the store changed meanwhile; nothing was written, run it again",
  // --- sync ---
  "cli.sync.orgDissolved": (p) => `organization ${show(p.orgId)} is dissolved in the store; not synced`,
  "cli.sync.orgDiffers": (p) =>
    `organization ${show(p.orgId)}: ${
      show(p.field)
    } differs from the store's; not synced (record the change with dangjian exec)`,
  "cli.sync.memberClosed": (p) =>
    `member ${show(p.memberId)} is ${
      show(p.status)
    } in the store; not synced (record a readmission with dangjian exec)`,
  "cli.sync.transferOpen": (p) =>
    `member ${show(p.memberId)} has a transfer in progress (${show(p.transferId)}); not moved`,
  "cli.sync.statusDiffers": (p) =>
    `member ${show(p.memberId)} is ${show(p.stored)} in the store and ${show(p.listed)} in the file; not synced `
    + "(a conversion needs its meeting: record it with dangjian exec)",
  "cli.sync.planTitle": (p) => `Roster sync plan for ${show(p.file)}, dated ${show(p.date)}`,
  "cli.sync.section.establish": (p) => `New organizations: ${show(p.count)}`,
  "cli.sync.section.register": (p) => `New members: ${show(p.count)}`,
  "cli.sync.section.transfers": (p) => `Transfers: ${show(p.count)}`,
  "cli.sync.section.participation": (p) => `Organizational life and dues records: ${show(p.count)}`,
  "cli.sync.section.departures": (p) =>
    `Not on the roster any more: ${show(p.count)} (not acted on: record each departure's reason with dangjian exec)`,
  "cli.sync.section.unapplied": (p) => `Differences not synced: ${show(p.count)}`,
  "cli.sync.members": (p) => `${show(p.count)} members`,
  "cli.sync.more": (p) => `… and ${show(p.count)} more`,
  "cli.sync.nothing": () => "the store already matches the roster: nothing to do",
  "cli.sync.done": (p) =>
    `synced: ${show(p.organizations)} new organizations, ${show(p.members)} new members, ${
      show(p.transfers)
    } transfers, `
    + `${show(p.participation)} records (${show(p.events)} events)`,
  "cli.sync.dryRun": (p) => `dry run: the rules accept the plan (${show(p.events)} events); nothing was written`,
  "cli.sync.failed": (p) => `sync failed: ${show(p.lines)} rows with errors; nothing was written`,
  // --- exec ---
  "cli.exec.notJson": () => "not a JSON value",
  "cli.exec.notCommand": (p) => `not a command: ${show(p.path)}: ${show(p.issue)}`,
  "cli.exec.failed": () => "failed",
  "cli.exec.accepted": (p) => `accepted ${show(p.command)}: ${show(p.events)}`,
  "cli.exec.acceptedNothing": (p) => `accepted ${show(p.command)}: nothing to record (already so)`,
  "cli.exec.rejected": (p) => `rejected ${show(p.command)}: ${show(p.message)}`,
  "cli.exec.summary": (p) =>
    `${show(p.accepted)} accepted, ${show(p.rejected)} rejected; ${show(p.events)} events written`,
  "cli.exec.atomicRejected": (p) => `${show(p.rejected)} commands rejected: with --atomic nothing was written`,
  "cli.exec.badInput": (p) => `${show(p.lines)} lines are not commands; nothing was written`,
  "cli.exec.empty": () => "no commands in the input",
  "cli.exec.stdinTerminal": () => "give a JSON Lines file, or pipe the commands in: dangjian exec < commands.jsonl",
  // --- stores ---
  "cli.store.invalid": (p) => `invalid --store ${show(p.spec)}: use sqlite:<file> or postgres://user@host/db`,
  "cli.store.missing.noFile": (p) =>
    `the store ${show(p.store)} does not exist (check the file name); a command that only reads never creates one`,
  "cli.store.missing.notAFile": (p) => `the store ${show(p.store)} is not a file`,
  "cli.store.missing.noTables": (p) =>
    `${show(p.store)} is not a dangjian store (its tables are missing); a command that only reads never creates them`,
  "cli.store.missing.outdated": (p) =>
    `the store ${
      show(p.store)
    } was made by an older version: run "dangjian replay" (or another command that writes) to migrate it and build its read models`,
  "cli.store.unavailable": (p) => `the store ${show(p.store)} is unavailable: ${show(p.reason)}`,
  // --- demo ---
  "cli.demo.done": (p) => `demo township written to ${show(p.store)} (${show(p.events)} events)`,
  "cli.demo.again": (p) => `the demo township is already in ${show(p.store)}; nothing was written`,
  "cli.demo.refused": (p) =>
    `${show(p.store)} already holds ${
      show(p.events)
    } events that are not the demo's: the demo writes only into an empty `
    + "store (its default is sqlite:./dangjian-demo.db); nothing was written",
  // --- report and tree ---
  "cli.report.none": () => "no findings",
  "cli.report.title": (p) => `Findings as of ${show(p.asOf)}`,
  "cli.report.summaryTitle": (p) => `Summary of the findings as of ${show(p.asOf)}`,
  "cli.report.totals": (p) =>
    `${show(p.total)} findings: ${show(p.violation)} violations, ${show(p.warning)} warnings, ${
      show(p.notice)
    } notices`,
  "cli.report.column.due": () => "due",
  "cli.report.column.severity": () => "severity",
  "cli.report.column.rule": () => "rule",
  "cli.report.column.subject": () => "subject",
  "cli.report.column.finding": () => "finding",
  "cli.report.column.total": () => "total",
  "cli.report.column.organization": () => "organization",
  "cli.report.column.rules": () => "by rule",
  "cli.report.byRule": () => "By rule",
  "cli.report.byOrganization": () => "By organization",
  "cli.report.legend.title": () => "Legend:",
  "cli.report.legend.violation": () => "a binding rule is not met now",
  "cli.report.legend.warning": () => "a recommendation is not followed, or a deadline has passed",
  "cli.report.legend.notice": () => "something is possible or coming up",
  "cli.report.legend.rule": () =>
    "rule: the rule's id in the rules specification (R1–R96); due: when to act (— when there is no deadline)",
  "cli.report.unknownOrg": (p) =>
    `no organization ${show(p.orgId)} in the store${
      p.suggestion === undefined ? "" : `: did you mean ${show(p.suggestion)}?`
    }`,
  "cli.tree.empty": () => "no organizations",
  "cli.replay.done": (p) => `rebuilt ${show(p.projections)} read models over ${show(p.events)} events`,
  "cli.replay.olderVersions": (p) => `deleted ${show(p.rows)} rows of read models' older versions`,
  "cli.schema.written": (p) => `wrote ${show(p.commands)} and ${show(p.events)}`,
  // --- progress ---
  "cli.progress.reading": () => "reading",
  "cli.progress.checking": () => "checking",
  "cli.progress.writing": () => "writing",
  "cli.progress.catchingUp": () => "catching up",
  "cli.progress.indexing": () => "indexing findings",
  // --- lines ---
  "cli.line": (p) => `line ${show(p.line)}: `,
  "cli.line.header": (p) => `line ${show(p.line)} (header): `,
  "cli.warning": () => "warning: ",
  "cli.error.unexpected": (p) => `unexpected failure: ${show(p.message)}`,
  // --- usage ---
  "cli.usage.unrecognizedOption": (p) =>
    `unknown option ${show(p.option)}${p.suggestions === "" ? "" : `; did you mean ${show(p.suggestions)}?`}`,
  "cli.usage.duplicateOption": (p) => `option ${show(p.option)} is given twice`,
  "cli.usage.missingOption": (p) => `missing option --${show(p.option)}`,
  "cli.usage.missingArgument": (p) => `missing argument <${show(p.argument)}>`,
  "cli.usage.unexpectedArgument": (p) => `unexpected argument: ${show(p.arguments)}`,
  "cli.usage.invalidValue": (p) =>
    `${show(p.option)}: "${show(p.value)}" is not accepted${
      p.expected === "" ? "" : ` (expected ${show(p.expected)})`
    }`,
  "cli.usage.unknownSubcommand": (p) =>
    `unknown command ${show(p.subcommand)}${p.suggestions === "" ? "" : `; did you mean ${show(p.suggestions)}?`}`,
  "cli.usage.noCommand": () => "no command given",
  "cli.usage.badList": (p) => `--${show(p.flag)}: "${show(p.value)}" is not one of ${show(p.expected)}`,
  "cli.usage.badDate": (p) => `--${show(p.flag)}: "${show(p.value)}" is not a date (${dateForms.en})`,
  "cli.usage.badRule": (p) => `--rule: "${show(p.value)}" is not a rule id (R1, R16, …)`,
  "cli.usage.seeHelp": (p) => `see: ${show(p.command)} --help`,
  // --- help ---
  "cli.help.usage": () => "Usage",
  "cli.help.commands": () => "Commands",
  "cli.help.options": () => "Options",
  "cli.help.arguments": () => "Arguments",
  "cli.help.global": () => "Global options",
  "cli.help.exitCodes": () =>
    "Exit codes: 0 done, 1 unexpected failure, 2 usage error, 3 bad input (nothing written), 4 store unavailable or missing, "
    + "5 rejected by a rule, 6 the store holds other data (demo)",
  "cli.help.option": () => "OPTION",
  "cli.help.command": () => "COMMAND",
  "cli.help.flag.help": () => "show this help",
  "cli.help.flag.version": () => "show the version",
  "cli.help.dangjian": () =>
    "dangjian 党建: Party organizations, membership and joint building, event-sourced. Every command takes "
    + "--store sqlite:<file> | postgres://… and --lang zh-CN|en",
  "cli.help.demo": () =>
    "write a demo township into an empty store (default sqlite:./dangjian-demo.db), then print its tree and findings",
  "cli.help.import": () =>
    "import a roster (CSV, xlsx or JSON) into the store, all or nothing; the first sync of a roster",
  "cli.help.roster": () => "roster files: sync a changed roster with the store",
  "cli.help.sync": () =>
    "compare a roster with the store and record the differences (new organizations and members, transfers, records), all or nothing",
  "cli.help.exec": () =>
    "run commands from a JSON Lines file (or standard input), each accepted or rejected by the rules",
  "cli.help.report": () => "print the findings as of a date, filtered, or summarized",
  "cli.help.tree": () => "print the organization tree as text or Mermaid",
  "cli.help.replay": () => "rebuild the persisted projections from the event log",
  "cli.help.schema": () => "print one JSON Schema of every command and event; --split writes one file per kind",
  "cli.help.rules": () => "print rules by id (R16 …), or all: title, class, source, the policy fields that change it",
  "cli.help.arg.rules": () => "rule ids such as R16 (all rules when none is given)",
  "cli.rules.class": (p) => `class: ${show(p.classes)} (HARD rejects a command, REC raises a finding, CONF is policy)`,
  "cli.rules.source": (p) => `source: ${show(p.source)}`,
  "cli.rules.knobs": (p) => `policy fields: ${show(p.knobs)}`,
  "cli.rules.noKnobs": () => "none",
  "cli.rules.unknown": (p) => `no rule ${show(p.id)}: the rules are R1–R96 (dangjian rules lists them all)`,
  "cli.help.flag.store": () =>
    "the store: sqlite:<file> (default sqlite:./dangjian.db) or postgres://user@host/db[?schema=name]",
  "cli.help.flag.demoStore": () => "the store (default sqlite:./dangjian-demo.db)",
  "cli.help.flag.lang": () => "the language of every message: zh-CN (default) or en (also from LANG=en…)",
  "cli.help.flag.asOf": () => "the legal date to judge by, YYYY-MM-DD (default: today in Asia/Shanghai, or TZ)",
  "cli.help.flag.format.report": () => "table, json or markdown",
  "cli.help.flag.format.tree": () => "text or mermaid",
  "cli.help.flag.format.exec": () => "text or json (one JSON object per line)",
  "cli.help.flag.encoding": () => "the encoding of a CSV file: utf-8 (default) or gb18030 (also gbk, gb2312)",
  "cli.help.flag.org": () => "only this organization and everything below it (its id)",
  "cli.help.flag.rule": () => "only these rules, comma-separated (R16,R19)",
  "cli.help.flag.severity": () => "only these severities, comma-separated: violation, warning, notice",
  "cli.help.flag.pillar": () =>
    "only these areas, comma-separated: organization, membership, agreement, orgLife, dues, development",
  "cli.help.flag.summary": () => "counts per rule and per organization instead of every finding",
  "cli.help.flag.dryRun": () => "print the plan and check it against the rules; write nothing",
  "cli.help.flag.at": () => "the legal date of the sync's registrations and transfers (default: today)",
  "cli.help.flag.atomic": () => "all or nothing: write only if every command is accepted",
  "cli.help.flag.actor": () => "who records the commands (an id, kept in each event's metadata)",
  "cli.help.flag.split": () => "write commands.schema.json and events.schema.json into this directory",
  "cli.help.arg.roster": () => "a roster: .csv (UTF-8, or --encoding gb18030), .xlsx or .json",
  "cli.help.arg.jsonl": () => "a JSON Lines file of commands (default: standard input)"
}

const zh: Record<string, (p: P) => string> = {
  // --- files ---
  "cli.file.unreadable": (p) => `无法读取 ${show(p.file)}:${show(p.reason)}`,
  "cli.file.unwritable": (p) => `无法写入 ${show(p.file)}:${show(p.reason)}`,
  "cli.file.empty": (p) => `${show(p.file)} 是空文件:没有可导入的内容`,
  "cli.file.noRows": (p) => `${show(p.file)} 只有表头,没有数据行:没有可导入的内容`,
  "cli.file.utf16": (p) => `${show(p.file)} 是 UTF-16 文本(“Unicode 文本”);请在 Excel 中“另存为”“CSV UTF-8(逗号分隔)”`,
  "cli.file.notUtf8.gb18030": (p) =>
    `${show(p.file)} 不是 UTF-8 编码(第 ${show(p.line)} 行);看起来是 GB18030(中文 Windows 上 Excel 默认保存的“CSV”):`
    + `请在 Excel 中“另存为”“CSV UTF-8(逗号分隔)”,或加上 --encoding gb18030 重新运行`,
  "cli.file.notUtf8.unknown": (p) =>
    `${show(p.file)} 不是 UTF-8 文本(第 ${show(p.line)} 行):请另存为“CSV UTF-8(逗号分隔)”;`
    + `如果是以 GB18030/GBK 保存的,请加上 --encoding gb18030`,
  "cli.file.utf8NotGb18030": (p) =>
    `${show(p.file)} 是 UTF-8 编码,不是 GB18030:请去掉 --encoding 重新运行(按 GB18030 读取会把所有名称变成乱码)`,
  "cli.file.notGb18030": (p) => `${show(p.file)} 也不是 GB18030 文本(第 ${show(p.line)} 行)`,
  "cli.file.xls": (p) => `${show(p.file)} 是旧版 Excel 工作簿(.xls),无法读取:请另存为 .xlsx,或“CSV UTF-8(逗号分隔)”`,
  "cli.file.xlsxUnreadable": (p) =>
    `${show(p.file)} 无法作为 Excel 工作簿(.xlsx)读取:请用 Excel 打开后重新保存,或另存为“CSV UTF-8”`,
  "cli.file.badJson": (p) => `${show(p.file)} 不是有效的 JSON`,
  "cli.json.notArray": (p) => `${show(p.file)}:应为由各行组成的 JSON 数组`,
  "cli.json.notObject": () => "每一行应为一个 JSON 对象",
  "cli.csv.quoteNotClosed": () => "这里开始的引号没有闭合(以 \" 开头的字段须以 \" 结束;字段内的引号请写成 \"\")",
  "cli.csv.quoteInField": () => "字段中间出现了引号:请把整个字段放在引号中,并把其中的引号写成两个(\"\")",
  "cli.csv.textAfterQuote": () => "字段的结束引号后面还有文字:这里应是逗号或行尾",
  "cli.csv.other": (p) => `此处无法按 CSV 读取(${show(p.code)})`,
  // --- header ---
  "cli.header.duplicate": (p) => `列“${show(p.first)}”和“${show(p.name)}”都表示 ${zhCol(p)}:请只保留一列`,
  "cli.header.personal": (p) => `列“${show(p.name)}”含个人信息:不读取,也不保存`,
  "cli.header.misspelled": (p) =>
    `未知的列“${show(p.name)}”:是不是“${show(p.suggestion)}”?否则 ${zhCol(p)} 会被忽略;请改正列名`,
  "cli.header.unknownNear": (p) => `未知的列“${show(p.name)}”将被忽略(与文件中已有的“${show(p.suggestion)}”相近)`,
  "cli.header.unknown": (p) => `未知的列“${show(p.name)}”将被忽略`,
  "cli.header.missing": (p) => `缺少必需的列 ${zhCol(p)}`,
  // --- rows ---
  "cli.row.extraCells": (p) =>
    `有 ${show(p.cells)} 个单元格,而表头只有 ${show(p.columns)} 列(值中含逗号?请把该值放在引号中)`,
  "cli.row.notText": (p) => `${zhCol(p)}:应为文字、数字或布尔值`,
  "cli.row.required": (p) => `${zhCol(p)} 为空`,
  "cli.row.invalidChoice": (p) => `${zhCol(p)}:“${show(p.value)}”不是可用的值(${show(p.expected)})`,
  "cli.row.invalidDate": (p) => `${zhCol(p)}:“${show(p.value)}”不是日期(${dateForms.zh})`,
  "cli.row.memberOnly": (p) => `${zhCol(p)} 只用于党员行(有党员编号的行)`,
  "cli.row.probationaryOnly": (p) => `${zhCol(p)} 只用于预备党员`,
  "cli.row.beforeApproved": (p) => `${zhCol(p)}:${show(p.value)} 早于组织的批准日期 ${show(p.approvedAt)}`,
  "cli.row.future": (p) => `${zhCol(p)}:${show(p.value)} 晚于今天(${show(p.today)})`,
  "cli.row.duplicateMember": (p) => `党员 ${show(p.memberId)} 重复出现(首次在第 ${show(p.firstLine)} 行)`,
  "cli.row.conflictingOrg": (p) => `组织 ${show(p.orgId)} 的描述与第 ${show(p.firstLine)} 行不一致(${show(p.field)})`,
  "cli.row.unknownParent": (p) => `上级组织 ${show(p.parentId)} 既不在文件中,也不在存储中`,
  "cli.row.cycle": (p) => `组织 ${show(p.orgId)} 的上级链条构成循环`,
  "cli.row.rejected": (p) => `被拒绝:${show(p.reason)}`,
  // --- import ---
  "cli.import.already": (p) =>
    `这份名册已经导入过:其中的 ${show(p.orgs)} 个组织、${show(p.members)} 名党员都已在存储中。未写入任何数据;`
    + "名册有变化时请用:dangjian roster sync <文件>",
  "cli.import.overlap": (p) =>
    `名册中有 ${show(p.orgs)} 个组织、${show(p.members)} 名党员已在存储中(第一个:${show(p.id)},第 ${
      show(p.firstLine)
    } 行)。`
    + "导入只新增数据,未写入任何数据;请用:dangjian roster sync <文件>",
  "cli.import.failed": (p) => `导入失败:${show(p.lines)} 行有误;未写入任何数据`,
  "cli.import.done": (p) =>
    `已导入 ${show(p.organizations)} 个组织、${show(p.members)} 名党员(${show(p.events)} 个事件)`,
  "cli.import.changed": () => "期间存储发生了变化;未写入任何数据,请重新运行",
  // --- sync ---
  "cli.sync.orgDissolved": (p) => `组织 ${show(p.orgId)} 在存储中已撤销;不同步`,
  "cli.sync.orgDiffers": (p) =>
    `组织 ${show(p.orgId)}:${show(p.field)} 与存储中的不同;不同步(请用 dangjian exec 记录这一变化)`,
  "cli.sync.memberClosed": (p) =>
    `党员 ${show(p.memberId)} 在存储中的状态是 ${show(p.status)};不同步(恢复请用 dangjian exec 记录)`,
  "cli.sync.transferOpen": (p) => `党员 ${show(p.memberId)} 有正在办理的组织关系转接(${show(p.transferId)});不转接`,
  "cli.sync.statusDiffers": (p) =>
    `党员 ${show(p.memberId)} 在存储中是 ${show(p.stored)},名册中是 ${
      show(p.listed)
    };不同步(转正需要支部大会讨论:请用 dangjian exec 记录)`,
  "cli.sync.planTitle": (p) => `名册同步计划:${show(p.file)},日期 ${show(p.date)}`,
  "cli.sync.section.establish": (p) => `新建组织:${show(p.count)} 个`,
  "cli.sync.section.register": (p) => `新增党员:${show(p.count)} 名`,
  "cli.sync.section.transfers": (p) => `组织关系转接:${show(p.count)} 名`,
  "cli.sync.section.participation": (p) => `组织生活与党费记录:${show(p.count)} 条`,
  "cli.sync.section.departures": (p) =>
    `已不在名册上的党员:${show(p.count)} 名(不处理:离开须有原因,请用 dangjian exec 逐一记录)`,
  "cli.sync.section.unapplied": (p) => `无法同步的差异:${show(p.count)} 处`,
  "cli.sync.members": (p) => `${show(p.count)} 名党员`,
  "cli.sync.more": (p) => `……另有 ${show(p.count)} 项`,
  "cli.sync.nothing": () => "存储已与名册一致:无需变更",
  "cli.sync.done": (p) =>
    `已同步:新建 ${show(p.organizations)} 个组织,新增 ${show(p.members)} 名党员,转接 ${show(p.transfers)} 名,`
    + `记录 ${show(p.participation)} 条(${show(p.events)} 个事件)`,
  "cli.sync.dryRun": (p) => `试运行:计划符合规则(${show(p.events)} 个事件);未写入任何数据`,
  "cli.sync.failed": (p) => `同步失败:${show(p.lines)} 行有误;未写入任何数据`,
  // --- exec ---
  "cli.exec.notJson": () => "不是 JSON",
  "cli.exec.notCommand": (p) => `不是命令:${show(p.path)}:${show(p.issue)}`,
  "cli.exec.failed": () => "失败",
  "cli.exec.accepted": (p) => `已接受 ${show(p.command)}:${show(p.events)}`,
  "cli.exec.acceptedNothing": (p) => `已接受 ${show(p.command)}:无需记录(已是如此)`,
  "cli.exec.rejected": (p) => `被拒绝 ${show(p.command)}:${show(p.message)}`,
  "cli.exec.summary": (p) => `接受 ${show(p.accepted)} 条,拒绝 ${show(p.rejected)} 条;写入 ${show(p.events)} 个事件`,
  "cli.exec.atomicRejected": (p) => `${show(p.rejected)} 条命令被拒绝:使用了 --atomic,未写入任何数据`,
  "cli.exec.badInput": (p) => `${show(p.lines)} 行不是命令;未写入任何数据`,
  "cli.exec.empty": () => "输入中没有命令",
  "cli.exec.stdinTerminal": () => "请给出 JSON Lines 文件,或用管道输入命令:dangjian exec < commands.jsonl",
  // --- stores ---
  "cli.store.invalid": (p) => `--store ${show(p.spec)} 无效:请使用 sqlite:<文件> 或 postgres://用户@主机/数据库`,
  "cli.store.missing.noFile": (p) => `存储 ${show(p.store)} 不存在(请检查文件名);只读命令不会新建存储`,
  "cli.store.missing.notAFile": (p) => `存储 ${show(p.store)} 不是文件`,
  "cli.store.missing.noTables": (p) => `${show(p.store)} 不是 dangjian 的存储(缺少数据表);只读命令不会创建数据表`,
  "cli.store.missing.outdated": (p) =>
    `存储 ${show(p.store)} 由旧版本创建:请先运行 "dangjian replay"(或其他写入的命令)以完成迁移并建立读模型`,
  "cli.store.unavailable": (p) => `存储 ${show(p.store)} 不可用:${show(p.reason)}`,
  // --- demo ---
  "cli.demo.done": (p) => `示例乡镇已写入 ${show(p.store)}(${show(p.events)} 个事件)`,
  "cli.demo.again": (p) => `示例乡镇已在 ${show(p.store)} 中;未写入任何数据`,
  "cli.demo.refused": (p) =>
    `${show(p.store)} 中已有 ${
      show(p.events)
    } 个不属于示例的事件:示例只写入空的存储(默认是 sqlite:./dangjian-demo.db);未写入任何数据`,
  // --- report and tree ---
  "cli.report.none": () => "没有发现问题",
  "cli.report.title": (p) => `截至 ${show(p.asOf)} 的检查结果`,
  "cli.report.summaryTitle": (p) => `截至 ${show(p.asOf)} 的检查结果汇总`,
  "cli.report.totals": (p) =>
    `共 ${show(p.total)} 项:违规 ${show(p.violation)} 项,警示 ${show(p.warning)} 项,提示 ${show(p.notice)} 项`,
  "cli.report.column.due": () => "期限",
  "cli.report.column.severity": () => "级别",
  "cli.report.column.rule": () => "规则",
  "cli.report.column.subject": () => "对象",
  "cli.report.column.finding": () => "问题",
  "cli.report.column.total": () => "合计",
  "cli.report.column.organization": () => "组织",
  "cli.report.column.rules": () => "按规则",
  "cli.report.byRule": () => "按规则",
  "cli.report.byOrganization": () => "按组织",
  "cli.report.legend.title": () => "说明:",
  "cli.report.legend.violation": () => "现在未达到必须遵守的规定",
  "cli.report.legend.warning": () => "未按建议办理,或已过期限",
  "cli.report.legend.notice": () => "可以办理或即将到期的事项",
  "cli.report.legend.rule": () => "规则:规则说明中的编号(R1–R96);期限:应办理的日期(“—”表示没有期限)",
  "cli.report.unknownOrg": (p) =>
    `存储中没有组织 ${show(p.orgId)}${p.suggestion === undefined ? "" : `:是不是 ${show(p.suggestion)}?`}`,
  "cli.tree.empty": () => "没有组织",
  "cli.replay.done": (p) => `已在 ${show(p.events)} 个事件上重建 ${show(p.projections)} 个读模型`,
  "cli.replay.olderVersions": (p) => `已删除读模型旧版本的 ${show(p.rows)} 行`,
  "cli.schema.written": (p) => `已写入 ${show(p.commands)} 和 ${show(p.events)}`,
  // --- progress ---
  "cli.progress.reading": () => "读取",
  "cli.progress.checking": () => "检查",
  "cli.progress.writing": () => "写入",
  "cli.progress.catchingUp": () => "追赶",
  "cli.progress.indexing": () => "建立检查结果索引",
  // --- lines ---
  "cli.line": (p) => `第 ${show(p.line)} 行:`,
  "cli.line.header": (p) => `第 ${show(p.line)} 行(表头):`,
  "cli.warning": () => "注意:",
  "cli.error.unexpected": (p) => `意外的错误:${show(p.message)}`,
  // --- usage ---
  "cli.usage.unrecognizedOption": (p) =>
    `未知的选项 ${show(p.option)}${p.suggestions === "" ? "" : `;是不是 ${show(p.suggestions)}?`}`,
  "cli.usage.duplicateOption": (p) => `选项 ${show(p.option)} 出现了两次`,
  "cli.usage.missingOption": (p) => `缺少选项 --${show(p.option)}`,
  "cli.usage.missingArgument": (p) => `缺少参数 <${show(p.argument)}>`,
  "cli.usage.unexpectedArgument": (p) => `多余的参数:${show(p.arguments)}`,
  "cli.usage.invalidValue": (p) =>
    `${show(p.option)}:不接受“${show(p.value)}”${p.expected === "" ? "" : `(可用:${show(p.expected)})`}`,
  "cli.usage.unknownSubcommand": (p) =>
    `未知的命令 ${show(p.subcommand)}${p.suggestions === "" ? "" : `;是不是 ${show(p.suggestions)}?`}`,
  "cli.usage.noCommand": () => "没有给出命令",
  "cli.usage.badList": (p) => `--${show(p.flag)}:“${show(p.value)}”不是可用的值(${show(p.expected)})`,
  "cli.usage.badDate": (p) => `--${show(p.flag)}:“${show(p.value)}”不是日期(${dateForms.zh})`,
  "cli.usage.badRule": (p) => `--rule:“${show(p.value)}”不是规则编号(R1、R16 等)`,
  "cli.usage.seeHelp": (p) => `帮助:${show(p.command)} --help`,
  // --- help ---
  "cli.help.usage": () => "用法",
  "cli.help.commands": () => "命令",
  "cli.help.options": () => "选项",
  "cli.help.arguments": () => "参数",
  "cli.help.global": () => "通用选项",
  "cli.help.exitCodes": () =>
    "退出码:0 完成,1 意外错误,2 用法错误,3 输入有误(未写入),4 存储不可用或不存在,5 被规则拒绝,6 存储中已有其他数据(示例)",
  "cli.help.option": () => "选项",
  "cli.help.command": () => "命令",
  "cli.help.flag.help": () => "显示帮助",
  "cli.help.flag.version": () => "显示版本",
  "cli.help.dangjian": () =>
    "dangjian 党建:党组织设置、党员管理与结对共建(事件溯源)。每个命令都接受 --store sqlite:<文件> | postgres://… 和 --lang zh-CN|en",
  "cli.help.demo": () => "把示例乡镇写入空的存储(默认 sqlite:./dangjian-demo.db),并显示组织树和检查结果",
  "cli.help.import": () => "把名册(CSV、xlsx 或 JSON)导入存储,要么全部导入,要么都不导入;即名册的第一次同步",
  "cli.help.roster": () => "名册文件:把有变化的名册同步到存储",
  "cli.help.sync": () =>
    "比较名册与存储,记录差异(新组织、新党员、组织关系转接、组织生活与党费记录),要么全部记录,要么都不记录",
  "cli.help.exec": () => "执行 JSON Lines 文件(或标准输入)中的命令,逐条报告被规则接受或拒绝",
  "cli.help.report": () => "显示截至某日的检查结果,可筛选,可汇总",
  "cli.help.tree": () => "以文字或 Mermaid 显示组织树",
  "cli.help.replay": () => "从事件日志重建持久化的投影",
  "cli.help.schema": () => "输出所有命令和事件的 JSON Schema;--split 按类别写成两个文件",
  "cli.help.rules": () => "按编号(R16 等)输出规则,不给编号则输出全部:标题、类别、依据、影响它的政策项",
  "cli.help.arg.rules": () => "规则编号,如 R16(不给则输出全部规则)",
  "cli.rules.class": (p) => `类别:${show(p.classes)}(HARD 拒绝命令,REC 提示问题,CONF 由政策设定)`,
  "cli.rules.source": (p) => `依据:${show(p.source)}`,
  "cli.rules.knobs": (p) => `政策项:${show(p.knobs)}`,
  "cli.rules.noKnobs": () => "无",
  "cli.rules.unknown": (p) => `没有规则 ${show(p.id)}:规则编号为 R1–R96(dangjian rules 可列出全部)`,
  "cli.help.flag.store": () =>
    "存储:sqlite:<文件>(默认 sqlite:./dangjian.db)或 postgres://用户@主机/数据库[?schema=名称]",
  "cli.help.flag.demoStore": () => "存储(默认 sqlite:./dangjian-demo.db)",
  "cli.help.flag.lang": () => "所有信息的语言:zh-CN(默认)或 en(也可由 LANG=en… 指定)",
  "cli.help.flag.asOf": () => "判断所依据的日期,YYYY-MM-DD(默认:今天,按 Asia/Shanghai 或 TZ 指定的时区)",
  "cli.help.flag.format.report": () => "table(表格)、json 或 markdown",
  "cli.help.flag.format.tree": () => "text(文字)或 mermaid",
  "cli.help.flag.format.exec": () => "text(文字)或 json(每行一个 JSON 对象)",
  "cli.help.flag.encoding": () => "CSV 文件的编码:utf-8(默认)或 gb18030(也可写 gbk、gb2312)",
  "cli.help.flag.org": () => "只看该组织及其下级(组织编号)",
  "cli.help.flag.rule": () => "只看这些规则,用逗号分隔(R16,R19)",
  "cli.help.flag.severity": () => "只看这些级别,用逗号分隔:violation(违规)、warning(警示)、notice(提示)",
  "cli.help.flag.pillar": () =>
    "只看这些方面,用逗号分隔:organization(组织设置)、membership(党员管理)、agreement(结对共建)、orgLife(组织生活)、dues(党费)、development(发展党员)",
  "cli.help.flag.summary": () => "按规则和按组织汇总数量,不逐条列出",
  "cli.help.flag.dryRun": () => "显示计划并按规则检查;不写入任何数据",
  "cli.help.flag.at": () => "同步中登记和转接的日期(默认:今天)",
  "cli.help.flag.atomic": () => "要么全部写入,要么都不写入:只有每条命令都被接受才写入",
  "cli.help.flag.actor": () => "记录者(一个编号,保存在每个事件的元数据中)",
  "cli.help.flag.split": () => "把 commands.schema.json 和 events.schema.json 写入该目录",
  "cli.help.arg.roster": () => "名册:.csv(UTF-8,或加 --encoding gb18030)、.xlsx 或 .json",
  "cli.help.arg.jsonl": () => "命令的 JSON Lines 文件(默认:标准输入)"
}

/**
 * @category messages
 * @since 0.1.0
 */
export const cliMessages: Catalogs = { en, "zh-CN": zh }

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
 * The locale from `--lang`, else from `LC_ALL`, `LC_MESSAGES` or `LANG` (`en…` → en), else zh-CN.
 *
 * @category rendering
 * @since 0.1.0
 */
export const localeFrom = (flag: string | undefined, env: Record<string, string | undefined>): Locale => {
  const value = flag ?? (env["LC_ALL"] || undefined) ?? (env["LC_MESSAGES"] || undefined) ?? env["LANG"] ?? "zh-CN"
  return value.toLowerCase().startsWith("en") ? "en" : "zh-CN"
}

/**
 * The locale a command line asks for: its `--lang` (`--lang en`, `--lang=en`) when that is a known locale,
 * else the environment's.
 *
 * @category rendering
 * @since 0.2.0
 */
export const localeOfArgs = (args: ReadonlyArray<string>, env: Record<string, string | undefined>): Locale => {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === "--") break
    const value = arg === "--lang" ? args[i + 1] : arg.startsWith("--lang=") ? arg.slice("--lang=".length) : undefined
    if (value === "en" || value === "zh-CN") return value
  }
  return localeFrom(undefined, env)
}
