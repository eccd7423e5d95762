// Members on the move in 柳河镇 (Liuhe township), spring 2024, recorded through the library's public entry point
// (`Dangjian.execute`) and judged by the national policy:
//
// - 42 members transfer into 新村第二党支部, a branch of the village general branch 新村党总支, from the branches
//   of three enterprises in the township's industrial park that moved their production lines away (R41: without
//   a fixed work unit, the affiliation follows the habitual residence). Until the letters are received they
//   count at the enterprises (R42); on receipt each is one atomic append to the member, the enterprise and the
//   village branch. The general branch passes 50 members, its second branch passes 50 (R3: split suggested; no R4,
//   since a general branch's own branch cannot become one), and one enterprise branch falls below 3 full members (R7: adjust or dissolve);
// - a member of 河湾村 resettled in the new resettlement community 新苑社区 checks in there (R46, R47): neither
//   count changes, and a vote at the community is rejected (R47);
// - a member of 新村第一党支部 goes abroad for work and is registered as a mobile member of an overseas project's
//   temporary branch (R45): counted at home, a vote at the host is rejected (R45), and the rural branch has to
//   name a contact person (a finding until it does).
//
// The same story runs on the in-memory store and on SQLite (`:memory:`). Members and contact persons are
// opaque ids; the example holds no personal data.
import {
  Compliance,
  Dangjian,
  DualRegistration,
  Finding,
  MemberRoster,
  MemoryStore,
  Messages,
  OrganizationTree,
  TransfersInTransit
} from "@dangjian/core"
import type { Locale, Localized, Organization } from "@dangjian/core"
import { Projection } from "@dangjian/core/kernel"
import type { EventStore } from "@dangjian/core/kernel"
import { SqliteStore } from "@dangjian/store-sqlite"
import { Effect } from "effect"

const policies = Dangjian.defaultPolicies

/** The organizations of the story, by id. */
export const orgs = {
  town: "liuhe-town",
  village: "xincun",
  first: "xincun-1",
  second: "xincun-2",
  hewan: "hewan",
  community: "xinyuan",
  overseas: "overseas-project",
  enterprises: ["hengda-ceramics", "lvyuan-food", "jinhe-logistics"]
} as const

/** How many members move from each enterprise branch (14 × 3 = 42). */
export const movers = { "hengda-ceramics": 14, "lvyuan-food": 14, "jinhe-logistics": 14 } as const

/** The resettled member and the member abroad for work. */
export const resettledMemberId = "hewan-3"
export const abroadMemberId = "xincun-1-7"

const township = (at: string): Organization.Approval => ({ by: orgs.town, level: "township", at })

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`)
const full = (memberIds: ReadonlyArray<string>) => memberIds.map((memberId) => ({ memberId, status: "full" as const }))

// Each organization's members at establishment (all full, except one probationary member of 新村第二党支部).
const rosters: ReadonlyArray<readonly [string, ReadonlyArray<{ memberId: string; status: "full" | "probationary" }>]> =
  [
    [orgs.first, full(ids(orgs.first, 20))],
    [orgs.second, [...full(ids(orgs.second, 8)), { memberId: `${orgs.second}-p1`, status: "probationary" }]],
    [orgs.hewan, full(ids(orgs.hewan, 6))],
    [orgs.community, full(ids(orgs.community, 9))],
    ["hengda-ceramics", full(ids("hengda-ceramics", 18))],
    ["lvyuan-food", full(ids("lvyuan-food", 16))],
    ["jinhe-logistics", full(ids("jinhe-logistics", 17))]
  ]

// Secretaries and committees: the township's and the general branch's from their own cadres (ids), the
// branches' from their members.
const leadership: ReadonlyArray<readonly [string, string, ReadonlyArray<string>]> = [
  [orgs.town, "town-secretary", []],
  [orgs.village, "xincun-1-1", ["xincun-1-1", "xincun-1-2", "xincun-2-1", "xincun-2-2", "xincun-1-3"]],
  [orgs.overseas, "overseas-secretary", []],
  ...rosters.map(([orgId, roster]) => {
    const fullIds = roster.filter((m) => m.status === "full").map((m) => m.memberId)
    return [orgId, fullIds[0]!, fullIds.length >= 7 ? fullIds.slice(0, 5) : []] as const
  })
]

/** The members who transfer: the last 14 of each enterprise branch (the secretaries stay). */
export const transferringMemberIds: ReadonlyArray<string> = rosters
  .filter(([orgId]) => orgId in movers)
  .flatMap(([orgId, roster]) => roster.slice(-movers[orgId as keyof typeof movers]).map((m) => m.memberId))

const execute = (command: Dangjian.Command) => Dangjian.execute(command, { policies, actor: "township-clerk" })

const establish = (
  orgId: string,
  name: string,
  kind: Organization.OrgKind,
  locus: Organization.Locus,
  parentId: string | undefined,
  extra: { readonly workNeed?: boolean; readonly hostBodyId?: string } = {}
) =>
  execute({
    _tag: "EstablishOrganization",
    orgId,
    name,
    kind,
    formation: "standalone",
    locus,
    ...(parentId === undefined ? {} : { parentId }),
    approval: parentId === undefined
      ? { by: "county-committee", level: "county", at: "2021-03-01" }
      : township("2021-03-01"),
    initialMembers: rosters.find(([id]) => id === orgId)?.[1] ?? [],
    ...extra,
    at: "2021-03-01"
  })

/** A command the rules rejected, with its typed error (a rule id and a localized message). */
export interface Rejection {
  readonly what: Readonly<Record<Locale, string>>
  readonly error: Localized & { readonly _tag: string; readonly ruleId?: string }
}

// Runs a command that the rules must reject and keeps its error; an accepted command is a bug in the example.
const attempt = (what: Readonly<Record<Locale, string>>, command: Dangjian.Command) =>
  Effect.map(Effect.flip(execute(command)), (error): Rejection => ({ what, error: error as Rejection["error"] }))

/** FM and AM. */
export interface Counts {
  readonly full: number
  readonly all: number
}

/** What the clerk sees on a date: the counts, the rosters, the letters in transit, the ledger, the findings. */
export interface Report {
  readonly asOf: string
  readonly tree: OrganizationTree.TreeView
  /** Each organization's counts on its own stream (FM, AM). */
  readonly counts: Readonly<Record<string, Counts>>
  /** The same counts, from the members' own streams (the roster projection). */
  readonly countsFromMembers: Readonly<Record<string, Counts>>
  /** The village's 党员人数: the general branch and its branches. */
  readonly village: Counts
  readonly rosters: Readonly<Record<string, MemberRoster.OrgRoster>>
  readonly inTransit: ReadonlyArray<TransfersInTransit.InTransit>
  readonly checkedIn: ReadonlyArray<DualRegistration.MemberEntry>
  readonly findings: ReadonlyArray<Finding.Finding>
}

const allOrgIds: ReadonlyArray<string> = [
  orgs.town,
  orgs.village,
  orgs.first,
  orgs.second,
  orgs.hewan,
  orgs.community,
  orgs.overseas,
  ...orgs.enterprises
]

const reportAt = (asOf: string) =>
  Effect.gen(function*() {
    const { findings, view } = yield* Compliance.report(policies, asOf)
    const transfers = yield* Projection.replay(TransfersInTransit.projection)
    const ledger = yield* Projection.replay(DualRegistration.projection)
    const counts: Record<string, Counts> = {}
    const countsFromMembers: Record<string, Counts> = {}
    const rosterByOrg: Record<string, MemberRoster.OrgRoster> = {}
    for (const orgId of allOrgIds) {
      const state = view.tree.orgs[orgId]!
      counts[orgId] = { full: state.full, all: state.full + state.probationary }
      countsFromMembers[orgId] = MemberRoster.countsOf(view.members, orgId)
      rosterByOrg[orgId] = MemberRoster.rosterOf(view.members, orgId)
    }
    const report: Report = {
      asOf,
      tree: view.tree,
      counts,
      countsFromMembers,
      village: OrganizationTree.subtreeCounts(view.tree, orgs.village),
      rosters: rosterByOrg,
      inTransit: TransfersInTransit.list(transfers.state),
      checkedIn: DualRegistration.activeAt(ledger.state, orgs.community),
      findings
    }
    return report
  })

/** What the story produced. */
export interface Story {
  readonly rejections: ReadonlyArray<Rejection>
  /** Before anything moves (2024-03-01), with the letters in transit (2024-03-10), after receipt (2024-03-31). */
  readonly reports: readonly [Report, Report, Report]
}

/** Records the story and reports on three dates. Needs an event store with the library's codec. */
export const story: Effect.Effect<Story, unknown, EventStore.EventStore> = Effect.gen(function*() {
  // 2021: the township, the village general branch (set up below 50 members for a work need, R4) with its two
  // branches, 河湾村, the resettlement community, three enterprise branches, and an overseas project's
  // temporary branch (R9: it holds no affiliations)
  yield* establish(orgs.town, "柳河镇党委", "townshipCommittee", "township", undefined)
  yield* establish(orgs.village, "新村党总支", "generalBranch", "village", orgs.town, { workNeed: true })
  yield* establish(orgs.first, "新村第一党支部", "branch", "village", orgs.village)
  yield* establish(orgs.second, "新村第二党支部", "branch", "village", orgs.village)
  yield* establish(orgs.hewan, "河湾村党支部", "branch", "village", orgs.town)
  yield* establish(orgs.community, "新苑社区党支部", "branch", "community", orgs.town)
  yield* establish("hengda-ceramics", "恒达陶瓷公司党支部", "branch", "enterprise", orgs.town)
  yield* establish("lvyuan-food", "绿源食品公司党支部", "branch", "enterprise", orgs.town)
  yield* establish("jinhe-logistics", "金河物流公司党支部", "branch", "enterprise", orgs.town)
  yield* establish(orgs.overseas, "援外工程项目临时党支部", "temporaryBranch", "project", orgs.town, {
    hostBodyId: "overseas-project-office"
  })
  // Each organization's leadership, appointed with the township's approval: a secretary everywhere, and a
  // committee of 5 in the branches with 7 or more full members (R16, R17)
  for (const [orgId, secretaryId, committeeIds] of leadership) {
    yield* execute({
      _tag: "AppointLeadership",
      orgId,
      secretaryId,
      deputyIds: [],
      committeeIds,
      approval: orgId === orgs.town
        ? { by: "county-committee", level: "county", at: "2021-03-01" }
        : township("2021-03-01"),
      at: "2021-03-01"
    })
  }
  // 2024-01-02: the township registers every member's own record (the rosters stay as they are)
  for (const [orgId, roster] of rosters) {
    for (const { memberId, status } of roster) {
      yield* execute({ _tag: "RegisterMember", memberId, orgId, status, at: "2024-01-02" })
    }
  }
  const before = yield* reportAt("2024-03-01")

  // 2024-03-04: the enterprise branches issue the transfer letters (valid 90 days by default, R43)
  for (const memberId of transferringMemberIds) {
    yield* execute({
      _tag: "IssueTransferLetter",
      memberId,
      transferId: `transfer-${memberId}`,
      toOrgId: orgs.second,
      at: "2024-03-04"
    })
  }
  // 2024-03-05: the resettled member checks in at the community where the family now lives (R46, R47)
  yield* execute({
    _tag: "CheckInAtCommunity",
    memberId: resettledMemberId,
    checkInId: `check-in-${resettledMemberId}`,
    communityOrgId: orgs.community,
    record: {
      residenceRef: "xinyuan-building-12",
      skills: ["mediation"],
      serviceWillingness: ["neighbourhoodPatrol"],
      gridId: "xinyuan-grid-3"
    },
    resettled: true,
    at: "2024-03-05"
  })
  // 2024-03-08: a member goes abroad for work on the overseas project, with a mobile-member card (R44, R45)
  yield* execute({
    _tag: "RegisterMobileMember",
    memberId: abroadMemberId,
    hostOrgId: orgs.overseas,
    credential: "mobileCard",
    credentialId: "card-2024-017",
    fixedPlace: false,
    abroad: true,
    at: "2024-03-08"
  })
  const rejections: Array<Rejection> = [
    yield* attempt(
      { "zh-CN": "流动党员在流入地党组织参加表决", en: "A mobile member votes at the host organization" },
      { _tag: "RecordVote", memberId: abroadMemberId, orgId: orgs.overseas, kind: "vote", at: "2024-03-09" }
    ),
    yield* attempt(
      { "zh-CN": "报到党员参加社区党支部选举", en: "A checked-in member takes part in the community's election" },
      { _tag: "RecordVote", memberId: resettledMemberId, orgId: orgs.community, kind: "election", at: "2024-03-09" }
    ),
    yield* attempt(
      {
        "zh-CN": "组织关系尚未接收的党员在转入支部表决",
        en: "A member votes at the destination before being received"
      },
      { _tag: "RecordVote", memberId: transferringMemberIds[0]!, orgId: orgs.second, kind: "vote", at: "2024-03-09" }
    )
  ]
  const inTransit = yield* reportAt("2024-03-10")

  // 2024-03-12: the village branch names the person who keeps contact with the member abroad (R45)
  yield* execute({
    _tag: "AssignMobileContactPerson",
    memberId: abroadMemberId,
    contactPersonId: "xincun-1-2",
    at: "2024-03-12"
  })
  // 2024-03-16: the resettled member's first community activity (R47)
  yield* execute({
    _tag: "RecordCheckInActivity",
    memberId: resettledMemberId,
    activityKind: "neighbourhoodPatrol",
    at: "2024-03-16"
  })
  // 2024-03-18: 新村第二党支部 receives the 42 members: each receipt is one append to three streams (R42)
  for (const memberId of transferringMemberIds) {
    yield* execute({ _tag: "ReceiveTransfer", memberId, transferId: `transfer-${memberId}`, at: "2024-03-18" })
  }
  // 2024-03-20: the member abroad takes part in the host's organizational life (R45), without a vote there
  yield* execute({
    _tag: "RecordHostActivity",
    memberId: abroadMemberId,
    hostOrgId: orgs.overseas,
    kind: "orgLife",
    at: "2024-03-20"
  })
  const received = yield* reportAt("2024-03-31")
  return { rejections, reports: [before, inTransit, received] }
})

/** The story on the in-memory store. */
export const runInMemory = (): Effect.Effect<Story, unknown> =>
  story.pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec })))

/** The story on SQLite, in memory. */
export const runOnSqlite = (): Effect.Effect<Story, unknown> =>
  story.pipe(Effect.provide(SqliteStore.layer({ filename: ":memory:", codec: Dangjian.codec })))

const severityLabel: Record<Locale, Record<Finding.Severity, string>> = {
  en: { violation: "VIOLATION", warning: "warning", notice: "notice" },
  "zh-CN": { violation: "违规", warning: "警示", notice: "提示" }
}

const bucketLabel: Record<Locale, Record<Exclude<keyof MemberRoster.OrgRoster, "full" | "probationary">, string>> = {
  en: {
    suspended: "suspended",
    inTransitOut: "in transit out",
    inTransitIn: "in transit in",
    mobileAway: "mobile, away",
    hosted: "hosted mobile members",
    checkedIn: "checked in from elsewhere"
  },
  "zh-CN": {
    suspended: "停止党籍",
    inTransitOut: "转出在途",
    inTransitIn: "转入在途",
    mobileAway: "外出流动",
    hosted: "流入党员",
    checkedIn: "报到党员"
  }
}

/** A rejection or a finding in one locale, with its rule id. */
export const renderMessage = (localized: Localized & { readonly ruleId?: string }, locale: Locale): string =>
  `[${localized.ruleId ?? "-"}] ${Messages.render(localized, locale)}`

/** A report as text in one locale. */
export const render = (report: Report, locale: Locale): string => {
  const en = locale === "en"
  const lines: Array<string> = []
  lines.push(en ? `Liuhe township, members as of ${report.asOf}` : `柳河镇党员组织关系情况(截至 ${report.asOf})`)
  lines.push(OrganizationTree.render(report.tree, locale))
  const village = en
    ? `The village's members (新村党总支 and its branches): FM ${report.village.full}, AM ${report.village.all}`
    : `新村党员人数(党总支及所属支部): 正式党员 ${report.village.full},党员 ${report.village.all}`
  lines.push(village)
  lines.push(en ? "Who takes part where without counting there:" : "不计入人数的关系:")
  let any = false
  for (const [orgId, roster] of Object.entries(report.rosters)) {
    const parts = (Object.keys(bucketLabel[locale]) as Array<keyof typeof bucketLabel["en"]>)
      .filter((bucket) => roster[bucket].length > 0)
      .map((bucket) => `${bucketLabel[locale][bucket]} ${roster[bucket].length}`)
    if (parts.length === 0) continue
    any = true
    lines.push(`  ${orgId}: ${parts.join(en ? ", " : ",")}`)
  }
  if (!any) lines.push(en ? "  none" : "  无")
  const first = report.inTransit[0]
  lines.push(
    first === undefined
      ? (en ? "Transfer letters in transit: none" : "在途组织关系转接: 无")
      : en
      ? `Transfer letters in transit: ${report.inTransit.length}, the first expiring ${first.validUntil}`
      : `在途组织关系转接: ${report.inTransit.length} 件,最早于 ${first.validUntil} 到期`
  )
  for (const entry of report.checkedIn) {
    lines.push(
      en
        ? `Checked in at ${entry.communityOrgId}: ${entry.memberId} (affiliation ${entry.affiliationOrgId}${
          entry.resettled ? ", resettled" : ""
        }) since ${entry.since}, activities: ${entry.activities}`
        : `在 ${entry.communityOrgId} 报到: ${entry.memberId}(组织关系在 ${entry.affiliationOrgId}${
          entry.resettled ? ",安置居民" : ""
        }),${entry.since} 起,参加活动 ${entry.activities} 次`
    )
  }
  lines.push(en ? "Findings:" : "发现的问题:")
  if (report.findings.length === 0) lines.push(en ? "  none" : "  无")
  for (const finding of report.findings) {
    lines.push(`  - ${severityLabel[locale][finding.severity]} ${renderMessage(finding, locale)}`)
  }
  return lines.join("\n")
}
