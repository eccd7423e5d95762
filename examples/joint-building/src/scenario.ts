// A village–enterprise pairing (村企联建) over one year, recorded as events in the in-memory store and judged
// by the national policy's pairing defaults (term required, quarterly written reports, idle after 90 days,
// expiring within 30 days):
//
// - 枫林村党支部 (a village branch) and 茶业公司党支部 (the branch of a tea company) sign a pairing agreement
//   on economy (经济建设联抓) and public security (社会治安联防) for 2024, each naming a liaison;
// - two attempts are rejected: a signing with one party only (R50) and one with no joint area (R49);
// - a year of joint activities: tea-picking training and market days, joint patrols;
// - the first quarter's report is on time, the second quarter's is missed (a finding from 2024-07-01) and
//   submitted late on 2024-07-20;
// - an evaluation in December, and a new round (新一轮结对共建) for 2025 adding public welfare.
//
// Party members and cadres appear only as opaque ids; the example holds no personal data.
//
// Everything goes through the library's public entry points: `Dangjian.execute` routes each command to its
// aggregate (a signing reads the party organizations' streams in the same atomic append), and
// `Compliance.report` replays the log into the compliance view as of a date and judges it.
import {
  Agreement,
  AgreementRegister,
  Compliance,
  Dangjian,
  MemoryStore,
  Messages,
  PolicyTimeline
} from "@dangjian/core"
import type { Finding, Locale, Localized, Organization } from "@dangjian/core"
import { Effect } from "effect"

const policies = PolicyTimeline.national

/** Renders a rejection or finding in one locale (the library's catalog holds the agreement pillar's). */
export const renderMessage = (localized: Localized, locale: Locale): string => Messages.render(localized, locale)

const township = (at: string): Organization.Approval => ({ by: "maple-town", level: "township", at })

const roster = (prefix: string, full: number) =>
  Array.from({ length: full }, (_, i) => ({ memberId: `${prefix}-${i + 1}`, status: "full" as const }))

const execute = (command: Dangjian.Command) => Dangjian.execute(command, { policies, actor: "township-clerk" })
const tree = (command: Organization.TreeCommand) => execute(command)
const agreement = (command: Agreement.AgreementCommand) => execute(command)

/** The agreement's id. */
export const agreementId = "maple-tea"

const parties: ReadonlyArray<Agreement.Party> = [
  { _tag: "OrganizationParty", orgId: "maple-village", liaison: { liaisonId: "maple-liaison", role: "organizer" } },
  { _tag: "OrganizationParty", orgId: "tea-company", liaison: { liaisonId: "tea-liaison", role: "organizer" } }
]

const signatories: ReadonlyArray<Agreement.Signatory> = [
  { partyId: "maple-village", signatoryId: "maple-secretary", role: "secretary" },
  { partyId: "tea-company", signatoryId: "tea-secretary", role: "secretary" }
]

const signing: Agreement.AgreementCommand = {
  _tag: "SignAgreement",
  agreementId,
  parties,
  form: "villageEnterprise",
  areas: ["economy", "publicSecurity"],
  term: { startDate: "2024-01-01", endDate: "2024-12-31" },
  signatories,
  at: "2024-01-05"
}

// Monthly joint activities in 2024: training and market days (economy), patrols (public security).
const activities: ReadonlyArray<readonly [string, Agreement.Area, ReadonlyArray<string>, number, string]> = [
  ["2024-01-20", "economy", ["maple-village", "tea-company"], 24, "tea-picking training"],
  ["2024-02-18", "publicSecurity", ["maple-village", "tea-company"], 12, "joint patrol before the spring festival"],
  ["2024-03-15", "economy", ["maple-village", "tea-company"], 30, "spring tea market day"],
  ["2024-04-22", "publicSecurity", ["maple-village"], 8, "road safety check"],
  ["2024-05-16", "economy", ["tea-company"], 15, "processing workshop open day"],
  ["2024-06-12", "publicSecurity", ["maple-village", "tea-company"], 10, "flood-season patrol"],
  ["2024-07-25", "economy", ["maple-village", "tea-company"], 26, "summer tea sales fair"],
  ["2024-08-28", "publicSecurity", ["maple-village", "tea-company"], 11, "joint patrol"],
  ["2024-09-19", "economy", ["maple-village", "tea-company"], 18, "cooperative bookkeeping class"],
  ["2024-10-24", "publicSecurity", ["tea-company"], 9, "fire-safety drill"],
  ["2024-11-21", "economy", ["maple-village", "tea-company"], 22, "autumn tea market day"],
  ["2024-12-12", "publicSecurity", ["maple-village", "tea-company"], 14, "year-end joint patrol"]
]

/** A command the rules rejected, with its typed error (a rule id and a localized message). */
export interface Rejection {
  readonly what: Readonly<Record<Locale, string>>
  readonly error: Localized & { readonly ruleId?: string }
}

// Runs a command that the rules must reject and keeps its error; an accepted command is a bug in the example.
const attempt = <A, E extends Localized, R>(
  what: Readonly<Record<Locale, string>>,
  effect: Effect.Effect<A, E, R>
): Effect.Effect<Rejection, A, R> => Effect.map(Effect.flip(effect), (error) => ({ what, error }))

/** Records the pairing's history (2023-06 to 2024-12). */
export const record = Effect.gen(function*() {
  yield* tree({
    _tag: "EstablishOrganization",
    orgId: "maple-town",
    name: "枫林镇党委",
    kind: "townshipCommittee",
    formation: "standalone",
    locus: "township",
    approval: { by: "county-committee", level: "county", at: "2023-06-01" },
    initialMembers: [],
    at: "2023-06-01"
  })
  yield* tree({
    _tag: "EstablishOrganization",
    orgId: "maple-village",
    name: "枫林村党支部",
    kind: "branch",
    formation: "standalone",
    locus: "village",
    parentId: "maple-town",
    approval: township("2023-06-01"),
    initialMembers: roster("maple", 23),
    at: "2023-06-01"
  })
  yield* tree({
    _tag: "EstablishOrganization",
    orgId: "tea-company",
    name: "茶业公司党支部",
    kind: "branch",
    formation: "standalone",
    locus: "enterprise",
    parentId: "maple-town",
    approval: township("2023-06-01"),
    initialMembers: roster("tea", 6),
    at: "2023-06-01"
  })

  const rejections: Array<Rejection> = []
  rejections.push(
    yield* attempt(
      { "zh-CN": "只有一方签订结对共建协议", en: "A pairing agreement signed by one party only" },
      agreement({ ...signing, parties: [parties[0]!], signatories: [signatories[0]!] })
    ),
    yield* attempt(
      { "zh-CN": "未选择共建内容的结对共建协议", en: "A pairing agreement with no joint area" },
      agreement({ ...signing, areas: [] })
    )
  )

  yield* agreement(signing)
  for (const [at, area, partyIds, participants, description] of activities) {
    yield* agreement({
      _tag: "RecordAgreementActivity",
      agreementId,
      activityId: `activity-${at}`,
      area,
      partyIds,
      participants,
      description,
      at
    })
  }
  // Q1 on time; Q2 (due 2024-06-30) missed, submitted late on 2024-07-20; Q3 and Q4 on time
  for (const at of ["2024-03-28", "2024-07-20", "2024-09-27", "2024-12-27"]) {
    yield* agreement({ _tag: "SubmitAgreementReport", agreementId, reportId: `report-${at}`, at })
  }
  yield* agreement({
    _tag: "EvaluateAgreement",
    agreementId,
    evaluationId: "evaluation-2024",
    rating: "good",
    at: "2024-12-20"
  })
  // 新一轮结对共建: 2025, adding public welfare
  yield* agreement({
    _tag: "RenewAgreement",
    agreementId,
    areas: ["economy", "publicSecurity", "publicWelfare"],
    term: { startDate: "2025-01-01", endDate: "2025-12-31" },
    signatories,
    at: "2024-12-28"
  })
  return rejections
})

/**
 * What the example reports as of a date: the register, activities per area and party, and the agreement
 * pillar's findings (R48–R51). `Compliance.report` returns them in one list with the other pillars' findings
 * of the same date; the example's branches record no elections, so their own R16/R19 findings are left out here.
 */
export interface Report {
  readonly asOf: string
  readonly entries: ReadonlyArray<AgreementRegister.Entry>
  readonly byArea: Readonly<Record<Agreement.Area, AgreementRegister.Tally>>
  readonly byParty: Readonly<Record<string, AgreementRegister.Tally>>
  readonly findings: ReadonlyArray<Finding.Finding>
}

const pillarRules: ReadonlySet<string> = new Set(["R48", "R49", "R50", "R51"])

/** The compliance view as of `asOf`, replayed from the log: its agreement register and findings. */
export const reportAt = (asOf: string) =>
  Effect.map(Compliance.report(policies, asOf), ({ view, findings }): Report => {
    const register = view.agreements
    const policy = Agreement.pairingPolicyAt(policies, asOf)
    return {
      asOf,
      entries: AgreementRegister.entries(register, asOf, policy),
      byArea: AgreementRegister.activitiesByArea(register),
      byParty: AgreementRegister.activitiesByParty(register),
      findings: findings.filter((finding) => pillarRules.has(finding.ruleId))
    }
  })

/** Records the history and reports as of each date. */
export const run = (
  dates: ReadonlyArray<string>
): Effect.Effect<{ readonly rejections: ReadonlyArray<Rejection>; readonly reports: ReadonlyArray<Report> }, unknown> =>
  Effect.gen(function*() {
    const rejections = yield* record
    const reports: Array<Report> = []
    for (const date of dates) reports.push(yield* reportAt(date))
    return { rejections, reports }
  }).pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec })))

const severityLabel: Record<Locale, Record<Finding.Severity, string>> = {
  en: { violation: "VIOLATION", warning: "warning", notice: "notice" },
  "zh-CN": { violation: "违规", warning: "警示", notice: "提示" }
}

const label = (code: string, locale: Locale) => Messages.renderCode(code, {}, locale)

/** A report as text in one locale. */
export const render = (report: Report, locale: Locale): string => {
  const lines: Array<string> = []
  lines.push(locale === "en" ? `Pairing register as of ${report.asOf}` : `结对共建台账(截至 ${report.asOf})`)
  for (const entry of report.entries) {
    const round = locale === "en" ? `round ${entry.round}` : `第 ${entry.round} 轮`
    const ends = entry.endDate === undefined ? "" : locale === "en" ? `, ends ${entry.endDate}` : `,至 ${entry.endDate}`
    lines.push(`  ${entry.agreementId}: ${label(`agreement.standing.${entry.standing}`, locale)} (${round}${ends})`)
  }
  lines.push(locale === "en" ? "Activities per area:" : "各项共建内容的活动:")
  for (const [area, tally] of Object.entries(report.byArea)) {
    if (tally.activities === 0) continue
    const counts = locale === "en"
      ? `${tally.activities} activities, ${tally.participants} participants`
      : `${tally.activities} 次,${tally.participants} 人次`
    lines.push(`  ${label(`agreement.area.${area}`, locale)}: ${counts}`)
  }
  lines.push(locale === "en" ? "Findings:" : "发现的问题:")
  if (report.findings.length === 0) lines.push(locale === "en" ? "  none" : "  无")
  for (const finding of report.findings) {
    lines.push(`  - [${finding.ruleId}] ${severityLabel[locale][finding.severity]}: ${renderMessage(finding, locale)}`)
  }
  return lines.join("\n")
}
