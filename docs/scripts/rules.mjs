// Generates the rules reference, one page per locale (docs/zh/rules.md → /rules, docs/en/rules.md → /en/rules;
// both gitignored), from the code: the rule catalog (packages/core/src/rules/catalog.ts), where the source cites
// each rule and which message codes it raises (scan.mjs), and the message catalogs in both languages
// (packages/core/src/messages/index.ts). The .ts modules are imported with Node's type stripping.
import { mkdirSync, writeFileSync } from "node:fs"
import { dirname, join, relative } from "node:path"
import { root } from "./entries.mjs"
import { scan } from "./scan.mjs"

const docs = join(root, "docs")
export const rulesPages = { "zh-CN": join(docs, "zh", "rules.md"), en: join(docs, "en", "rules.md") }

const text = {
  "zh-CN": {
    title: "规则参考",
    intro: [
      "本页由代码生成:规则目录 `Rules`(`packages/core/src/rules/catalog.ts`)给出每条规则的标题、类别、依据和策略字段;",
      "“代码中”和“消息”两栏在构建文档时扫描 `packages/core/src` 得出(规则编号出现的位置,以及与规则编号一起出现的消息代码),",
      "不是手工维护的。规则编号与《规则说明》(RULES.md)一致:每一次拒绝(`RuleViolation`)和每一条发现(`Finding`)都带有 `ruleId`。"
    ].join(""),
    classesTitle: "类别",
    classes: {
      HARD: "硬性规则:违反时命令被拒绝,不写入任何事件。",
      REC: "建议性规则:接受事件,但产生一条发现(finding)提醒处理。",
      CONF: "可配置:数值或开关来自 `GovernancePolicy`,给出全国默认值。"
    },
    mixed: "一条规则可以兼有多个类别,例如阈值可配置的硬性检查。",
    sourcesTitle: "依据代号",
    sourceTags:
      "“[V]”表示见到了条文原文的转载,“[V-art?]”表示条号为推断,“[2nd]”表示只有二手来源,“[NF]”表示未找到权威来源。",
    tableTitle: "总览",
    head: ["规则", "标题", "类别", "代码中"],
    implemented: (n) => `${n} 处`,
    notYet: "尚未实现",
    titleEn: "英文标题",
    source: "依据",
    knobs: "策略字段",
    noKnobs: "无(规则固定,或尚无对应字段)",
    cited: "代码中",
    notCited: "代码中尚未出现这条规则。",
    messages: "消息",
    rejection: "拒绝",
    kind: (k) => `(${k})`,
    finding: "发现",
    counts: (total, cited) => `共 ${total} 条规则,其中 ${cited} 条出现在代码中(检查、发现或其说明)。`
  },
  en: {
    title: "Rules reference",
    intro: [
      "This page is generated from the code: the rule catalog `Rules` (`packages/core/src/rules/catalog.ts`) gives each ",
      "rule's title, classes, source and policy fields; the columns “in code” and “messages” are found when the site ",
      "is built, by scanning `packages/core/src` (where a rule id appears, and which message codes appear with it), ",
      "never by hand. The ids are those of the rules specification: every rejection (`RuleViolation`) and every ",
      "finding (`Finding`) carries its `ruleId`."
    ].join(""),
    classesTitle: "Classes",
    classes: {
      HARD: "the command is rejected and nothing is written.",
      REC: "a recommendation: the event is accepted and a finding is raised.",
      CONF: "the figure or the switch comes from the `GovernancePolicy`, with the national default."
    },
    mixed: "A rule can have several classes, for example a HARD check whose threshold is configurable.",
    sourcesTitle: "Source keys",
    sourceTags:
      "“[V]”: the wording was seen in a reproduction of the text; “[V-art?]”: the article number is inferred; “[2nd]”: a secondary source only; “[NF]”: nothing authoritative was found.",
    tableTitle: "Overview",
    head: ["Rule", "Title", "Classes", "In code"],
    implemented: (n) => `${n} ${n === 1 ? "place" : "places"}`,
    notYet: "not yet",
    titleEn: "Chinese title",
    source: "Source",
    knobs: "Policy fields",
    noKnobs: "none (the rule is fixed, or no field exists yet)",
    cited: "In code",
    notCited: "The code does not cite this rule yet.",
    messages: "Messages",
    rejection: "rejection",
    kind: (k) => ` (${k})`,
    finding: "finding",
    counts: (total, cited) =>
      `${total} rules, ${cited} of them cited in the code (a check, a finding, or its documentation).`
  }
}

const badgeType = { HARD: "danger", REC: "warning", CONF: "info" }
const badges = (classes) => classes.map((c) => `<Badge type="${badgeType[c]}" text="${c}" />`).join(" ")

// Markdown and Vue both read a page: escape what either would take as syntax.
const escape = (s) =>
  String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|").replace(
    /\{\{/g,
    "&#123;&#123;"
  )

// A template rendered with each parameter shown as its name, in a <var> (braces would be read as attributes by
// the Markdown renderer).
const open = "\u0001"
const close = "\u0002"
const template = (catalogs, locale, code) => {
  const fn = catalogs[locale][code]
  if (fn === undefined) return "—"
  const params = new Proxy({}, { get: (_, key) => (typeof key === "string" ? `${open}${key}${close}` : undefined) })
  let rendered
  try {
    rendered = fn(params)
  } catch {
    return escape(code)
  }
  return escape(rendered).replace(new RegExp(`${open}([^${close}]*)${close}`, "g"), "<var>$1</var>")
}

const lineList = (places) => {
  const byFile = new Map()
  for (const { file, line } of places) byFile.set(file, [...(byFile.get(file) ?? []), line])
  return [...byFile].map(([file, lines]) => `\`${file}\` (${lines.join(", ")})`).join(", ")
}

export const generateRules = async () => {
  const Rules = await import(join(root, "packages/core/src/rules/catalog.ts"))
  const { catalogs } = await import(join(root, "packages/core/src/messages/index.ts"))
  const known = new Set(Object.keys(catalogs.en).filter((c) => !c.startsWith("domain.") && !c.startsWith("kernel.")))
  const { citations, codes } = scan(known)
  for (const [locale, file] of Object.entries(rulesPages)) {
    const t = text[locale]
    const other = locale === "zh-CN" ? "en" : "zh-CN"
    const cited = Rules.all.filter((r) => citations.has(r.id)).length
    const lines = [
      "---",
      `title: ${t.title}`,
      "outline: [2, 2]",
      "---",
      "",
      `<!-- generated by docs/scripts/rules.mjs: do not edit -->`,
      "",
      `# ${t.title}`,
      "",
      t.intro,
      "",
      t.counts(Rules.all.length, cited),
      "",
      `## ${t.classesTitle}`,
      "",
      ...["HARD", "REC", "CONF"].map((c) => `- ${badges([c])} ${t.classes[c]}`),
      "",
      t.mixed,
      "",
      `## ${t.sourcesTitle}`,
      "",
      `| | |`,
      `|---|---|`,
      ...Object.entries(Rules.documents).map(([key, name]) => `| ${key} | ${escape(name[locale])} |`),
      "",
      t.sourceTags,
      "",
      `## ${t.tableTitle}`,
      "",
      `| ${t.head.join(" | ")} |`,
      `|---|---|---|---|`,
      ...Rules.all.map((r) => {
        const places = citations.get(r.id)
        return `| [${r.id}](#${r.id.toLowerCase()}) | ${escape(r.title[locale])} | ${r.classes.join(" ")} | ${
          places === undefined ? t.notYet : t.implemented(places.length)
        } |`
      }),
      ""
    ]
    for (const section of Rules.sections) {
      lines.push(`## ${escape(section.title[locale])}`, "")
      for (const r of Rules.inSection(section.id)) {
        lines.push(
          `### ${r.id} ${escape(r.title[locale])} {#${r.id.toLowerCase()}}`,
          "",
          badges(r.classes),
          "",
          `- **${t.titleEn}**: ${escape(r.title[other])}`,
          `- **${t.source}**: ${escape(r.source)}`,
          `- **${t.knobs}**: ${r.knobs.length === 0 ? t.noKnobs : r.knobs.map((k) => `\`${k}\``).join(", ")}`
        )
        const places = citations.get(r.id)
        lines.push(places === undefined ? `- **${t.cited}**: ${t.notCited}` : `- **${t.cited}**: ${lineList(places)}`)
        const tied = [...(codes.get(r.id) ?? [])].sort()
        if (tied.length > 0) {
          lines.push(
            `- **${t.messages}**:`,
            ...tied.flatMap((code) => [
              `  - \`${code}\`${t.kind(code.includes(".finding.") ? t.finding : t.rejection)}`,
              `    - ${template(catalogs, "zh-CN", code)}`,
              `    - ${template(catalogs, "en", code)}`
            ])
          )
        }
        lines.push("")
      }
    }
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, lines.join("\n"))
  }
  return { rules: Rules.all.length, cited: Rules.all.filter((r) => citations.has(r.id)).length }
}

if (import.meta.main) {
  const started = Date.now()
  const result = await generateRules()
  console.log(
    `rules: ${
      Object.values(rulesPages).map((p) => relative(root, p)).join(", ")
    } (${result.rules} rules, ${result.cited} cited in code) in ${((Date.now() - started) / 1000).toFixed(1)} s`
  )
}
