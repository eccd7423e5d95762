/**
 * Output formats: findings as a table, JSON or Markdown (grouped by pillar: organizations, membership, joint
 * building; each group sorted by due date), and the organization tree as indented text or a Mermaid graph.
 *
 * @since 0.1.0
 */
import type { Locale } from "@dangjian/core"
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
  byPillar: Schema.Struct({ organization: Schema.Int, membership: Schema.Int, agreement: Schema.Int }),
  findings: Schema.Array(Schema.Struct({
    ruleId: Schema.String,
    pillar: Schema.Literals(["organization", "membership", "agreement"]),
    severity: Schema.Literals(["violation", "warning", "notice"]),
    subject: Schema.Struct({
      kind: Schema.Literals(["organization", "member", "agreement", "transfer", "checkIn", "unit"]),
      id: Schema.String
    }),
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

const severityLabel: Record<Locale, Record<Finding.Severity, string>> = {
  en: { violation: "violation", warning: "warning", notice: "notice" },
  "zh-CN": { violation: "违规", warning: "警示", notice: "提示" }
}

/**
 * The three pillars a finding can come from.
 *
 * @category models
 * @since 0.1.0
 */
export type Pillar = "organization" | "membership" | "agreement"

const pillars: ReadonlyArray<Pillar> = ["organization", "membership", "agreement"]
const pillarLabel: Record<Locale, Record<Pillar, string>> = {
  en: { organization: "Organizations", membership: "Membership", agreement: "Joint building" },
  "zh-CN": { organization: "组织设置", membership: "党员管理", agreement: "结对共建" }
}

/**
 * The pillar of a finding, from its message code: `organization.*`; `member.*` (members, transfers,
 * check-ins, mobile members, units' check-ins); `agreement.*` and `council.*`.
 *
 * @category rendering
 * @since 0.1.0
 */
export const pillarOf = (finding: Finding.Finding): Pillar =>
  finding.code.startsWith("member.")
    ? "membership"
    : finding.code.startsWith("agreement.") || finding.code.startsWith("council.")
    ? "agreement"
    : "organization"

/**
 * The report as JSON data (see {@link ReportJson}).
 *
 * @category rendering
 * @since 0.1.0
 */
export const reportJson = (findings: ReadonlyArray<Finding.Finding>, asOf: string, locale: Locale): ReportJson => ({
  asOf,
  locale,
  total: findings.length,
  counts: {
    violation: findings.filter((f) => f.severity === "violation").length,
    warning: findings.filter((f) => f.severity === "warning").length,
    notice: findings.filter((f) => f.severity === "notice").length
  },
  byPillar: {
    organization: findings.filter((f) => pillarOf(f) === "organization").length,
    membership: findings.filter((f) => pillarOf(f) === "membership").length,
    agreement: findings.filter((f) => pillarOf(f) === "agreement").length
  },
  findings: findings.map((f) => ({
    ruleId: f.ruleId,
    pillar: pillarOf(f),
    severity: f.severity,
    subject: f.subject,
    due: f.due ?? null,
    code: f.code,
    params: f.params,
    message: Messages.render(f, locale)
  }))
})

const pad = (s: string, n: number) =>
  s + " ".repeat(Math.max(0, n - [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0)))

/**
 * The report as text (`table`) or Markdown, grouped by pillar, each group sorted by due date (then by
 * severity, rule and subject; findings without a deadline last).
 *
 * @category rendering
 * @since 0.1.0
 */
export const reportText = (
  findings: ReadonlyArray<Finding.Finding>,
  asOf: string,
  locale: Locale,
  format: "table" | "markdown"
): string => {
  const lines: Array<string> = []
  const title = t("cli.report.title", { asOf }, locale)
  lines.push(format === "markdown" ? `# ${title}` : title)
  if (findings.length === 0) return [...lines, "", t("cli.report.none", {}, locale)].join("\n")
  for (const pillar of pillars) {
    const group = Finding.sort(findings.filter((f) => pillarOf(f) === pillar))
    if (group.length === 0) continue
    lines.push("")
    const heading = `${pillarLabel[locale][pillar]} (${group.length})`
    if (format === "markdown") {
      lines.push(`## ${heading}`, "", "| due | severity | rule | subject | finding |", "|---|---|---|---|---|")
      for (const f of group) {
        lines.push(
          `| ${f.due ?? "—"} | ${severityLabel[locale][f.severity]} | ${f.ruleId} | ${f.subject.id} | ${
            Messages.render(f, locale).replace(/\|/g, "\\|")
          } |`
        )
      }
    } else {
      lines.push(heading)
      for (const f of group) {
        lines.push(
          `  ${pad(f.due ?? "—", 11)} ${pad(severityLabel[locale][f.severity], 10)} ${pad(f.ruleId, 4)} ${
            pad(f.subject.id, 15)
          } ${Messages.render(f, locale)}`
        )
      }
    }
  }
  return lines.join("\n")
}

/**
 * The tree as a Mermaid flowchart.
 *
 * @category rendering
 * @since 0.1.0
 */
export const treeMermaid = (view: OrganizationTree.TreeView, locale: Locale): string => {
  const lines = ["flowchart TD"]
  const node = (id: string) => `o_${id.replace(/[^A-Za-z0-9_]/g, "_")}`
  const walk = (orgId: string) => {
    const state = view.orgs[orgId]!
    const label = `${Messages.renderCode(`organization.kind.${state.kind}`, {}, locale)} ${state.name}<br/>${
      Messages.renderCode(
        "organization.tree.counts",
        { full: state.full, all: state.full + state.probationary },
        locale
      )
    }`
    lines.push(`  ${node(orgId)}["${label.replace(/"/g, "'")}"]`)
    for (const child of OrganizationTree.children(view, orgId)) {
      walk(child.orgId)
      lines.push(`  ${node(orgId)} --> ${node(child.orgId)}`)
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
