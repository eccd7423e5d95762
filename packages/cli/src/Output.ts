/**
 * Output formats: findings as a table, JSON or Markdown (grouped by pillar: organizations, membership, joint
 * building; each group sorted by due date), with column headers and a legend, organizations named by name
 * and id; the filters of `report` (a subtree, rules, severities, pillars) and its summary (counts per rule and
 * per organization, totals first); and the organization tree as indented text or a Mermaid graph whose node
 * ids are unique and whose labels are escaped for any id or name.
 *
 * @since 0.1.0
 */
import type { Compliance, FindingsIndex, Locale, MessageParams } from "@dangjian/core"
import { Finding, Messages, OrganizationTree } from "@dangjian/core"
import { Schema } from "effect"
import { t } from "./messages.ts"

/**
 * The documented shape of `report --format json`.
 *
 * @category models
 * @since 0.1.0
 */
export const ReportJson = Schema.Struct({
  asOf: Schema.String,
  locale: Schema.Literals(["zh-CN", "en"]),
  total: Schema.Int,
  counts: Schema.Struct({ violation: Schema.Int, warning: Schema.Int, notice: Schema.Int }),
  byPillar: Schema.Struct({
    organization: Schema.Int,
    membership: Schema.Int,
    agreement: Schema.Int,
    orgLife: Schema.Int,
    dues: Schema.Int,
    development: Schema.Int
  }),
  findings: Schema.Array(Schema.Struct({
    ruleId: Schema.String,
    pillar: Schema.Literals(["organization", "membership", "agreement", "orgLife", "dues", "development"]),
    severity: Schema.Literals(["violation", "warning", "notice"]),
    subject: Schema.Struct({
      kind: Schema.Literals(["organization", "member", "agreement", "transfer", "checkIn", "unit"]),
      id: Schema.String,
      /** The organization's name, for an organization subject. */
      name: Schema.optionalKey(Schema.String)
    }),
    /** The organization the finding is counted under (a member's affiliation, a transfer's origin, …). */
    orgId: Schema.NullOr(Schema.String),
    due: Schema.NullOr(Schema.String),
    code: Schema.String,
    params: Schema.Record(Schema.String, Schema.Union([Schema.String, Schema.Number, Schema.Boolean])),
    message: Schema.String
  }))
}).annotate({ identifier: "DangjianReport", description: "The findings report of `dangjian report --format json`" })

/**
 * @category models
 * @since 0.1.0
 */
export type ReportJson = typeof ReportJson.Type

/**
 * The documented shape of `report --summary --format json`.
 *
 * @category models
 * @since 0.2.0
 */
export const SummaryJson = Schema.Struct({
  asOf: Schema.String,
  total: Schema.Int,
  counts: Schema.Struct({ violation: Schema.Int, warning: Schema.Int, notice: Schema.Int }),
  byRule: Schema.Array(Schema.Struct({
    ruleId: Schema.String,
    total: Schema.Int,
    violation: Schema.Int,
    warning: Schema.Int,
    notice: Schema.Int
  })),
  byOrganization: Schema.Array(Schema.Struct({
    orgId: Schema.NullOr(Schema.String),
    name: Schema.NullOr(Schema.String),
    total: Schema.Int,
    byRule: Schema.Record(Schema.String, Schema.Int)
  }))
}).annotate({ identifier: "DangjianReportSummary", description: "`dangjian report --summary --format json`" })

/**
 * @category models
 * @since 0.2.0
 */
export type SummaryJson = typeof SummaryJson.Type

const severities: ReadonlyArray<Finding.Severity> = ["violation", "warning", "notice"]

const severityLabel: Record<Locale, Record<Finding.Severity, string>> = {
  en: { violation: "violation", warning: "warning", notice: "notice" },
  "zh-CN": { violation: "违规", warning: "警示", notice: "提示" }
}

/**
 * The areas a finding can come from: the three pillars (organizations, membership, joint building),
 * organizational life, Party dues and the development of new members.
 *
 * @category models
 * @since 0.1.0
 */
export type Pillar = "organization" | "membership" | "agreement" | "orgLife" | "dues" | "development"

/**
 * @category constants
 * @since 0.2.0
 */
export const pillars: ReadonlyArray<Pillar> = [
  "organization",
  "membership",
  "agreement",
  "orgLife",
  "dues",
  "development"
]

const pillarLabel: Record<Locale, Record<Pillar, string>> = {
  en: {
    organization: "Organizations",
    membership: "Membership",
    agreement: "Joint building",
    orgLife: "Organizational life",
    dues: "Party dues",
    development: "Member development"
  },
  "zh-CN": {
    organization: "组织设置",
    membership: "党员管理",
    agreement: "结对共建",
    orgLife: "组织生活",
    dues: "党费",
    development: "发展党员"
  }
}

const pillarByCodePrefix: ReadonlyArray<readonly [string, Pillar]> = [
  ["member.", "membership"],
  ["agreement.", "agreement"],
  ["council.", "agreement"],
  ["meeting.", "orgLife"],
  ["appraisal.", "orgLife"],
  ["points.", "orgLife"],
  ["roles.", "orgLife"],
  ["dues.", "dues"],
  ["development.", "development"]
]

/**
 * The area of a finding, from its message code: `member.*` membership (members, transfers, check-ins, mobile
 * members, units' check-ins); `agreement.*` and `council.*` joint building; `meeting.*`, `appraisal.*`,
 * `points.*` and `roles.*` organizational life; `dues.*`; `development.*`; everything else (`organization.*`,
 * `leadership.*`) organizations.
 *
 * @category rendering
 * @since 0.1.0
 */
export const pillarOf = (finding: Pick<Finding.Finding, "code">): Pillar =>
  pillarByCodePrefix.find(([prefix]) => finding.code.startsWith(prefix))?.[1] ?? "organization"

// ---------------------------------------------------------------------------------------------------------
// Organizations of a finding
// ---------------------------------------------------------------------------------------------------------

/**
 * What a report knows about the store: the compliance view its findings come from (or a part of it).
 *
 * @category models
 * @since 0.2.0
 */
export type View = Pick<Compliance.ComplianceView, "tree" | "members" | "agreements">

const own = <A>(record: Readonly<Record<string, A>>, key: string): A | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined

const isOrgKey = Finding.isOrganizationParam

/**
 * The organizations a finding concerns, the one it is counted under first: the organization itself; a member's
 * affiliation; a transfer's origin and destination; a check-in's member's affiliation and community; an
 * agreement's organization parties; and every organization its params name.
 *
 * @category filtering
 * @since 0.2.0
 */
export const orgsOf = (finding: Finding.Finding, view: View): ReadonlyArray<string> => {
  const out: Array<string> = []
  const add = (id: unknown) => {
    if (typeof id === "string" && id.length > 0 && !out.includes(id)) out.push(id)
  }
  const members = view.members.members
  const memberOrg = (memberId: unknown) => typeof memberId === "string" ? own(members, memberId)?.orgId : undefined
  switch (finding.subject.kind) {
    case "organization":
      add(finding.subject.id)
      break
    case "member":
      add(memberOrg(finding.subject.id))
      break
    case "transfer":
    case "checkIn":
      add(memberOrg(finding.params["memberId"]))
      break
    case "agreement":
      for (const party of own(view.agreements.agreements, finding.subject.id)?.parties ?? []) {
        if (party._tag === "OrganizationParty") add(party.orgId)
      }
      break
    case "unit":
      break
  }
  add(memberOrg(finding.params["memberId"]))
  for (const [key, value] of Object.entries(finding.params)) if (isOrgKey(key)) add(value)
  return out
}

/** `orgsOf(finding, view)[0]`, without building the list: the summary asks it of every finding. */
const firstOrgOf = (finding: Finding.Finding, view: View): string | undefined => {
  const members = view.members.members
  let first: unknown
  switch (finding.subject.kind) {
    case "organization":
      first = finding.subject.id
      break
    case "member":
      first = memberOrgOf(members, finding.subject.id)
      break
    case "transfer":
    case "checkIn":
      first = memberOrgOf(members, finding.params["memberId"])
      break
    case "agreement":
      for (const party of own(view.agreements.agreements, finding.subject.id)?.parties ?? []) {
        if (party._tag === "OrganizationParty" && isOrgId(party.orgId)) return party.orgId
      }
      break
    case "unit":
      break
  }
  if (isOrgId(first)) return first
  first = memberOrgOf(members, finding.params["memberId"])
  if (isOrgId(first)) return first
  for (const key in finding.params) {
    const value = finding.params[key]
    if (Object.hasOwn(finding.params, key) && isOrgKey(key) && isOrgId(value)) return value
  }
  return undefined
}

const isOrgId = (id: unknown): id is string => typeof id === "string" && id.length > 0

const memberOrgOf = (members: View["members"]["members"], memberId: unknown): string | undefined =>
  typeof memberId === "string" ? own(members, memberId)?.orgId : undefined

/**
 * An organization and everything below it, by id (empty when the organization is not in the tree).
 *
 * @category filtering
 * @since 0.2.0
 */
export const subtree = (tree: OrganizationTree.TreeView, orgId: string): ReadonlySet<string> => {
  const out = new Set<string>()
  const walk = (id: string) => {
    if (out.has(id) || own(tree.orgs, id) === undefined) return
    out.add(id)
    for (const child of Object.keys(own(tree.orgs, id)!.children)) walk(child)
  }
  walk(orgId)
  return out
}

/**
 * The filters of `report`; each is optional.
 *
 * @category models
 * @since 0.2.0
 */
export interface Filters {
  readonly org?: string
  readonly rules?: ReadonlySet<string>
  readonly severities?: ReadonlySet<Finding.Severity>
  readonly pillars?: ReadonlySet<Pillar>
}

/**
 * The findings that pass every filter: within the subtree of `org` (by {@link orgsOf}), of one of the rules,
 * severities and pillars.
 *
 * @category filtering
 * @since 0.2.0
 */
export const filter = (
  findings: ReadonlyArray<Finding.Finding>,
  view: View,
  filters: Filters
): ReadonlyArray<Finding.Finding> => {
  const within = filters.org === undefined ? undefined : subtree(view.tree, filters.org)
  if (
    within === undefined && filters.rules === undefined && filters.severities === undefined
    && filters.pillars === undefined
  ) return findings
  return findings.filter((f) =>
    passes(f, filters) && (within === undefined || orgsOf(f, view).some((id) => within.has(id)))
  )
}

/**
 * Whether a member the findings index holds has findings that may pass the filters, so that a report must judge it
 * from its row: one of its findings is of the filters' rules, severities and pillars, and, with an organization,
 * either the member is affiliated in `within` (the organization's subtree) or that finding names organizations
 * (which the index does not keep). A member for which this is false has no finding in the report.
 *
 * @category filtering
 * @since 0.4.0
 */
export const mayPass = (
  member: FindingsIndex.IndexedFindings,
  filters: Filters,
  within: ReadonlySet<string> | undefined
): boolean =>
  member.findings.some((f) =>
    passes(f, filters)
    && (filters.org === undefined || f.namesOrganizations || within === undefined || within.has(member.orgId))
  )

/** Whether a finding is of one of the filters' rules, severities and pillars (the organization aside). */
const passes = (f: Pick<FindingsIndex.IndexedFinding, "ruleId" | "severity" | "code">, filters: Filters): boolean =>
  (filters.rules === undefined || filters.rules.has(f.ruleId))
  && (filters.severities === undefined || filters.severities.has(f.severity))
  && (filters.pillars === undefined || filters.pillars.has(pillarOf(f)))

// ---------------------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------------------

/**
 * An organization as people know it: `name [id]` (just the id when it is not in the tree).
 *
 * @category rendering
 * @since 0.2.0
 */
export const orgLabel = (tree: OrganizationTree.TreeView, orgId: string): string => {
  const state = own(tree.orgs, orgId)
  return state === undefined || state.name.length === 0 ? orgId : `${state.name} [${orgId}]`
}

/**
 * A finding's message with every organization it names shown by name and id.
 *
 * @category rendering
 * @since 0.2.0
 */
export const message = (finding: Finding.Finding, locale: Locale, tree?: OrganizationTree.TreeView): string => {
  if (tree === undefined) return Messages.render(finding, locale)
  const params: Record<string, string | number | boolean> = {}
  for (const [key, value] of Object.entries(finding.params)) {
    params[key] = isOrgKey(key) && typeof value === "string" && own(tree.orgs, value) !== undefined
      ? orgLabel(tree, value)
      : value
  }
  return Messages.renderCode(finding.code, params as MessageParams, locale)
}

const subjectLabel = (finding: Finding.Finding, tree?: OrganizationTree.TreeView): string =>
  finding.subject.kind === "organization" && tree !== undefined
    ? orgLabel(tree, finding.subject.id)
    : finding.subject.id

const counts = (findings: ReadonlyArray<Finding.Finding>) => ({
  violation: findings.filter((f) => f.severity === "violation").length,
  warning: findings.filter((f) => f.severity === "warning").length,
  notice: findings.filter((f) => f.severity === "notice").length
})

/**
 * The report as JSON data (see {@link ReportJson}).
 *
 * @category rendering
 * @since 0.1.0
 */
export const reportJson = (
  findings: ReadonlyArray<Finding.Finding>,
  asOf: string,
  locale: Locale,
  view?: View
): ReportJson => ({
  asOf,
  locale,
  total: findings.length,
  counts: counts(findings),
  byPillar: {
    organization: findings.filter((f) => pillarOf(f) === "organization").length,
    membership: findings.filter((f) => pillarOf(f) === "membership").length,
    agreement: findings.filter((f) => pillarOf(f) === "agreement").length,
    orgLife: findings.filter((f) => pillarOf(f) === "orgLife").length,
    dues: findings.filter((f) => pillarOf(f) === "dues").length,
    development: findings.filter((f) => pillarOf(f) === "development").length
  },
  findings: findings.map((f) => {
    const name = f.subject.kind === "organization" && view !== undefined
      ? own(view.tree.orgs, f.subject.id)?.name
      : undefined
    return {
      ruleId: f.ruleId,
      pillar: pillarOf(f),
      severity: f.severity,
      subject: name === undefined ? f.subject : { ...f.subject, name },
      orgId: view === undefined ? null : orgsOf(f, view)[0] ?? null,
      due: f.due ?? null,
      code: f.code,
      params: f.params,
      message: message(f, locale, view?.tree)
    }
  })
})

/** Display width: wide (CJK) characters take two columns. */
const width = (s: string) => [...s].reduce((w, c) => w + (c.codePointAt(0)! > 0x2e7f ? 2 : 1), 0)
const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - width(s)))

const legend = (locale: Locale): Array<string> => [
  "",
  t("cli.report.legend.title", {}, locale),
  ...severities.map((s) =>
    `  ${pad(severityLabel[locale][s], Math.max(...severities.map((x) => width(severityLabel[locale][x]))))}  ${
      t(`cli.report.legend.${s}`, {}, locale)
    }`
  ),
  `  ${t("cli.report.legend.rule", {}, locale)}`
]

/**
 * The report as text (`table`) or Markdown, grouped by pillar, each group sorted by due date (then by
 * severity, rule and subject; findings without a deadline last), with column headers and a legend.
 *
 * @category rendering
 * @since 0.1.0
 */
export const reportText = (
  findings: ReadonlyArray<Finding.Finding>,
  asOf: string,
  locale: Locale,
  format: "table" | "markdown",
  view?: View
): string => {
  const lines: Array<string> = []
  const title = t("cli.report.title", { asOf }, locale)
  lines.push(format === "markdown" ? `# ${title}` : title)
  if (findings.length === 0) return [...lines, "", t("cli.report.none", {}, locale)].join("\n")
  const total = counts(findings)
  lines.push(t("cli.report.totals", { total: findings.length, ...total }, locale))
  const headers = ["due", "severity", "rule", "subject", "finding"].map((h) => t(`cli.report.column.${h}`, {}, locale))
  const tree = view?.tree
  for (const pillar of pillars) {
    const group = Finding.sort(findings.filter((f) => pillarOf(f) === pillar))
    if (group.length === 0) continue
    lines.push("")
    const heading = `${pillarLabel[locale][pillar]} (${group.length})`
    const rows = group.map((f) => [
      f.due ?? "—",
      severityLabel[locale][f.severity],
      f.ruleId,
      subjectLabel(f, tree),
      message(f, locale, tree)
    ])
    if (format === "markdown") {
      lines.push(`## ${heading}`, "", `| ${headers.join(" | ")} |`, `|${headers.map(() => "---").join("|")}|`)
      for (const row of rows) lines.push(`| ${row.map((cell) => cell.replace(/\|/g, "\\|")).join(" | ")} |`)
    } else {
      const widths = [0, 1, 2, 3].map((i) => Math.max(width(headers[i]!), ...rows.map((r) => width(r[i]!))))
      lines.push(heading)
      const line = (cells: ReadonlyArray<string>) =>
        `  ${cells.slice(0, 4).map((c, i) => pad(c, widths[i]!)).join("  ")}  ${cells[4]}`
      lines.push(line(headers))
      for (const row of rows) lines.push(line(row))
    }
  }
  lines.push(...legend(locale).map((l) => (format === "markdown" && l.startsWith("  ") ? `- ${l.trim()}` : l)))
  return lines.join("\n")
}

/** Code-unit order, the same in every locale. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The summary: totals, then counts per rule, then per organization (the one each finding is counted under),
 * most findings first. The findings may come in any order: the summary is the same.
 *
 * @category rendering
 * @since 0.2.0
 */
export const summaryJson = (findings: ReadonlyArray<Finding.Finding>, asOf: string, view: View): SummaryJson => {
  const builder = summaryBuilder()
  builder.add(findings, view)
  return builder.result(asOf, view.tree)
}

/**
 * A summary of findings that come in parts (`Compliance.assessInPages`), each with the view its findings come
 * from: the summary of every part together is {@link summaryJson} of all their findings.
 *
 * @category rendering
 * @since 0.4.0
 */
export interface SummaryBuilder {
  readonly add: (findings: ReadonlyArray<Finding.Finding>, view: View) => void
  /**
   * Members' findings from the findings index (`Compliance.assessIndexedInPages`), one by one or counted in groups,
   * each counted under the member's affiliation, as `add` counts a member's findings; those of the filters' rules,
   * severities and pillars only, and with `filters.org`, those of the members affiliated in its subtree of `tree`. The
   * index keeps no params: under an organization filter, a finding that names organizations
   * (`IndexedFinding.namesOrganizations`) is left out here, and a member with such a finding that passes the other
   * filters is to be judged instead (`judgeIndexed`: {@link mayPass} with an empty subtree).
   */
  readonly addIndexed: (
    members: ReadonlyArray<FindingsIndex.IndexedMember | FindingsIndex.IndexedGroup>,
    filters: Filters,
    tree: OrganizationTree.TreeView
  ) => void
  readonly result: (asOf: string, tree: OrganizationTree.TreeView) => SummaryJson
}

/**
 * An empty {@link SummaryBuilder}.
 *
 * @category rendering
 * @since 0.4.0
 */
export const summaryBuilder = (): SummaryBuilder => {
  const byRule = new Map<string, Record<Finding.Severity, number>>()
  const byOrg = new Map<string | null, Map<string, number>>()
  const totals: Record<Finding.Severity, number> = { violation: 0, warning: 0, notice: 0 }
  let total = 0
  const add = (findings: ReadonlyArray<Finding.Finding>, view: View): void => {
    // A member's findings come one after another (each aggregate judges a member at a time): the member's
    // affiliation is looked up once for them, not once per finding, in a roster of up to millions of members.
    const members = view.members.members
    let lastMember: string | undefined
    let lastAffiliation: string | undefined
    total += findings.length
    for (const f of findings) {
      totals[f.severity]++
      let rule = byRule.get(f.ruleId)
      if (rule === undefined) byRule.set(f.ruleId, rule = { violation: 0, warning: 0, notice: 0 })
      rule[f.severity]++
      if (f.subject.kind === "member" && f.subject.id !== lastMember) {
        lastMember = f.subject.id
        lastAffiliation = memberOrgOf(members, f.subject.id)
      }
      // A member with an affiliation is counted under it, as `firstOrgOf` would; anyone else as `firstOrgOf` says.
      const orgId = (f.subject.kind === "member" && isOrgId(lastAffiliation) ? lastAffiliation : firstOrgOf(f, view))
        ?? null
      let org = byOrg.get(orgId)
      if (org === undefined) byOrg.set(orgId, org = new Map<string, number>())
      org.set(f.ruleId, (org.get(f.ruleId) ?? 0) + 1)
    }
  }
  // The subtree of an organization filter, worked out once for the tree the pages share.
  let within:
    | { readonly tree: OrganizationTree.TreeView; readonly org: string; readonly ids: ReadonlySet<string> }
    | undefined
  const addIndexed = (
    members: ReadonlyArray<FindingsIndex.IndexedMember | FindingsIndex.IndexedGroup>,
    filters: Filters,
    tree: OrganizationTree.TreeView
  ): void => {
    const all = filters.rules === undefined && filters.severities === undefined && filters.pillars === undefined
    const root = filters.org
    if (root !== undefined && (within?.tree !== tree || within.org !== root)) {
      within = { tree, org: root, ids: subtree(tree, root) }
    }
    const ids = root === undefined ? undefined : within!.ids
    for (const member of members) {
      if (ids !== undefined && !ids.has(member.orgId)) continue
      const n = "members" in member ? member.members : 1
      let org = byOrg.get(member.orgId)
      for (const f of member.findings) {
        if ((!all && !passes(f, filters)) || (ids !== undefined && f.namesOrganizations)) continue
        total += n
        totals[f.severity] += n
        let rule = byRule.get(f.ruleId)
        if (rule === undefined) byRule.set(f.ruleId, rule = { violation: 0, warning: 0, notice: 0 })
        rule[f.severity] += n
        if (org === undefined) byOrg.set(member.orgId, org = new Map<string, number>())
        org.set(f.ruleId, (org.get(f.ruleId) ?? 0) + n)
      }
    }
  }
  const ruleNumber = (id: string) => Number(id.replace(/\D/g, "")) || 0
  const result = (asOf: string, tree: OrganizationTree.TreeView): SummaryJson => ({
    asOf,
    total,
    counts: { ...totals },
    byRule: [...byRule].map(([ruleId, c]) => ({ ruleId, total: c.violation + c.warning + c.notice, ...c }))
      .sort((a, b) =>
        b.total - a.total || ruleNumber(a.ruleId) - ruleNumber(b.ruleId) || compareText(a.ruleId, b.ruleId)
      ),
    byOrganization: [...byOrg].map(([orgId, rules]) => ({
      orgId,
      name: orgId === null ? null : own(tree.orgs, orgId)?.name ?? null,
      total: [...rules.values()].reduce((n, c) => n + c, 0),
      byRule: Object.fromEntries(
        [...rules].sort((a, b) => ruleNumber(a[0]) - ruleNumber(b[0]) || compareText(a[0], b[0]))
      )
    })).sort((a, b) => b.total - a.total || String(a.orgId).localeCompare(String(b.orgId)))
  })
  return { add, addIndexed, result }
}

/**
 * The summary as text or Markdown.
 *
 * @category rendering
 * @since 0.2.0
 */
export const summaryText = (
  summary: SummaryJson,
  locale: Locale,
  format: "table" | "markdown",
  tree: OrganizationTree.TreeView
): string => {
  const title = t("cli.report.summaryTitle", { asOf: summary.asOf }, locale)
  const lines = [format === "markdown" ? `# ${title}` : title]
  lines.push(t("cli.report.totals", { total: summary.total, ...summary.counts }, locale))
  if (summary.total === 0) return [...lines, "", t("cli.report.none", {}, locale)].join("\n")
  const table = (heading: string, headers: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>) => {
    lines.push("")
    if (format === "markdown") {
      lines.push(`## ${heading}`, "", `| ${headers.join(" | ")} |`, `|${headers.map(() => "---").join("|")}|`)
      for (const row of rows) lines.push(`| ${row.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`)
      return
    }
    const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))))
    lines.push(heading)
    for (const row of [headers, ...rows]) lines.push(`  ${row.map((c, i) => pad(c, widths[i]!)).join("  ")}`.trimEnd())
  }
  const sev = severities.map((s) => severityLabel[locale][s])
  table(
    t("cli.report.byRule", {}, locale),
    [t("cli.report.column.rule", {}, locale), t("cli.report.column.total", {}, locale), ...sev],
    summary.byRule.map((r) => [r.ruleId, String(r.total), String(r.violation), String(r.warning), String(r.notice)])
  )
  table(
    t("cli.report.byOrganization", {}, locale),
    [
      t("cli.report.column.organization", {}, locale),
      t("cli.report.column.total", {}, locale),
      t("cli.report.column.rules", {}, locale)
    ],
    summary.byOrganization.map((o) => [
      o.orgId === null ? "—" : orgLabel(tree, o.orgId),
      String(o.total),
      Object.entries(o.byRule).map(([rule, n]) => `${rule}×${n}`).join(" ")
    ])
  )
  return lines.join("\n")
}

// ---------------------------------------------------------------------------------------------------------
// The tree
// ---------------------------------------------------------------------------------------------------------

/**
 * The part of a tree at and below an organization (the whole tree without one).
 *
 * @category rendering
 * @since 0.2.0
 */
export const subtreeView = (view: OrganizationTree.TreeView, orgId: string | undefined): OrganizationTree.TreeView => {
  if (orgId === undefined) return view
  const ids = subtree(view, orgId)
  return OrganizationTree.fromStates([...ids].map((id) => view.orgs[id]!))
}

/**
 * Escapes text for a Mermaid label: every character that Mermaid or HTML would read (`"`, `<`, `>`, `&`, `#`,
 * `;`, backquote, brackets, braces, pipes, line breaks) becomes an entity code (`#34;`), so a name is shown as
 * written and never becomes markup.
 *
 * @category rendering
 * @since 0.2.0
 */
export const escapeMermaid = (text: string): string =>
  text.replace(/["<>&#;`[\]{}()|\\\r\n]/g, (c) => `#${c.codePointAt(0)};`)

/**
 * A Mermaid node id for an organization id: `o_` then the id with every character but an ASCII letter or digit
 * written as `_<hex code point>_`, so different ids (`东村`, `西村`, `a-b`, `a_b`) never share a node.
 *
 * @category rendering
 * @since 0.2.0
 */
export const mermaidId = (orgId: string): string =>
  `o_${orgId.replace(/[^A-Za-z0-9]/gu, (c) => `_${c.codePointAt(0)!.toString(16)}_`)}`

/**
 * The tree as a Mermaid flowchart.
 *
 * @category rendering
 * @since 0.1.0
 */
export const treeMermaid = (view: OrganizationTree.TreeView, locale: Locale): string => {
  const lines = ["flowchart TD"]
  const walk = (orgId: string) => {
    const state = view.orgs[orgId]!
    const kind = escapeMermaid(Messages.renderCode(`organization.kind.${state.kind}`, {}, locale))
    const counts = escapeMermaid(
      Messages.renderCode(
        "organization.tree.counts",
        { full: state.full, all: state.full + state.probationary },
        locale
      )
    )
    lines.push(
      `  ${mermaidId(orgId)}["${kind} ${escapeMermaid(state.name)} #91;${escapeMermaid(orgId)}#93;<br/>${counts}"]`
    )
    for (const child of OrganizationTree.children(view, orgId)) {
      walk(child.orgId)
      lines.push(`  ${mermaidId(orgId)} --> ${mermaidId(child.orgId)}`)
    }
  }
  for (const root of OrganizationTree.roots(view)) walk(root.orgId)
  return lines.join("\n")
}

/**
 * The tree as indented text.
 *
 * @category rendering
 * @since 0.1.0
 */
export const treeText = (view: OrganizationTree.TreeView, locale: Locale): string =>
  Object.keys(view.orgs).length === 0 ? t("cli.tree.empty", {}, locale) : OrganizationTree.render(view, locale)
