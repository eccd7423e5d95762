// A township's Party organizations from 2016 to 2024, recorded as events in the in-memory store and judged
// by the rules in force on each date (the pre-2018 rules, then the national ones from 2018-07-01):
//
// - 青山镇党委 (the township committee);
// - 东村: a branch of 48 that crosses 50 members in 2024 (a general branch becomes possible);
// - 西村: a general branch of 99 whose branches cross 100 members (a committee becomes possible, then is set
//   up with county approval);
// - 北村 and 南村: too small for a branch of their own (R1), they form a joint branch (R2);
// - 河湾村: converted into the resettlement community 新苑社区 with its organization adjusted (R8, 村居合一);
// - a temporary branch for the road project (R9);
// - 新苑社区's branch reaches 7 full members and has no committee yet (R16).
//
// Member ids are opaque; the example holds no personal data.
import {
  Compliance,
  Finding,
  MemoryStore,
  Messages,
  Organization,
  OrganizationTree,
  PolicyTimeline
} from "@dangjian/core"
import type { Locale, Localized } from "@dangjian/core"
import { CommandHandler, EventCodec } from "@dangjian/core/kernel"
import { Effect } from "effect"

const policies = PolicyTimeline.national

type Approval = Organization.Approval
const township = (at: string): Approval => ({ by: "qingshan-town", level: "township", at })
const county = (at: string): Approval => ({ by: "county-committee", level: "county", at })

const roster = (prefix: string, full: number, probationary = 0) => [
  ...Array.from({ length: full }, (_, i) => ({ memberId: `${prefix}-${i + 1}`, status: "full" as const })),
  ...Array.from(
    { length: probationary },
    (_, i) => ({ memberId: `${prefix}-p${i + 1}`, status: "probationary" as const })
  )
]

const ids = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}-${from + i}`)

const tree = (command: Organization.TreeCommand) =>
  CommandHandler.run(Organization.treeRoute, command, policies, {
    context: { occurredAt: command.at, actor: "township-clerk" }
  })

const single = (command: Organization.OrganizationCommand) =>
  CommandHandler.handle(Organization.decider(policies), Organization.streamId(command.orgId), command, {
    context: { occurredAt: command.at, actor: "township-clerk" }
  })

// A general meeting elects 5 of 6 candidates (R24: 5 seats need 6), members `first` … `first + 5`; one member
// is absent, so more than 4/5 attend (R23).
const committeeElection = (
  orgId: string,
  prefix: string,
  first: number,
  entitled: number,
  at: string
): Organization.OrganizationCommand => ({
  _tag: "ElectCommittee",
  orgId,
  body: "generalMeeting",
  seats: 5,
  candidates: [0, 1, 2, 3, 4, 5].map((n) => ({
    memberId: `${prefix}-${first + n}`,
    yes: n === 5 ? 10 : entitled - 1 - n
  })),
  entitled,
  present: entitled - 1,
  ballotsIssued: entitled - 1,
  ballotsCollected: entitled - 1,
  at
})

// The committee elects the secretary and a deputy, and the township approves them (R19).
const secretaryElection = (orgId: string, prefix: string, first: number, at: string, approvedAt: string) => [
  single({
    _tag: "ElectSecretary",
    orgId,
    electedBy: "committee",
    secretary: { memberId: `${prefix}-${first}`, yes: 5 },
    deputies: [{ memberId: `${prefix}-${first + 1}`, yes: 4 }],
    entitled: 5,
    present: 5,
    at
  }),
  single({ _tag: "ApproveSecretary", orgId, approval: township(approvedAt), at: approvedAt })
]

/**
 * What the example reports: the rejected commands with their rule ids, the tree and the findings as of the
 * report date.
 */
export interface Report {
  readonly asOf: string
  readonly rejections: ReadonlyArray<Rejection>
  readonly view: Compliance.ComplianceView
  readonly findings: ReadonlyArray<Finding.Finding>
}

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

/** Records the township's history and reports as of `asOf`. */
export const run = (asOf = "2024-06-30"): Effect.Effect<Report, unknown> =>
  Effect.gen(function*() {
    // 2016: the township, 东村 and 西村 under the pre-2018 rules
    yield* tree({
      _tag: "EstablishOrganization",
      orgId: "qingshan-town",
      name: "青山镇党委",
      kind: "townshipCommittee",
      formation: "standalone",
      locus: "township",
      approval: county("2016-01-10"),
      initialMembers: [],
      at: "2016-01-10"
    })
    yield* single({
      _tag: "AppointLeadership",
      orgId: "qingshan-town",
      secretaryId: "town-secretary",
      deputyIds: ["town-deputy-1", "town-deputy-2"],
      committeeIds: [],
      approval: county("2016-01-10"),
      at: "2016-01-10"
    })
    yield* tree({
      _tag: "EstablishOrganization",
      orgId: "east-village",
      name: "东村党支部",
      kind: "branch",
      formation: "standalone",
      locus: "village",
      parentId: "qingshan-town",
      approval: township("2016-03-01"),
      initialMembers: roster("east", 44, 4),
      at: "2016-03-01"
    })
    // C13: a committee elected in 2016 served 3 years
    yield* single(committeeElection("east-village", "east", 1, 44, "2016-05-10"))
    // then 5 years from a 2019 election (RQ 2018): the term ends 2024-05-12
    yield* single(committeeElection("east-village", "east", 1, 44, "2019-05-12"))
    for (const step of secretaryElection("east-village", "east", 1, "2019-05-12", "2019-05-30")) yield* step
    yield* single({
      _tag: "RecordConcurrentPosts",
      orgId: "east-village",
      secretaryIsDirector: true,
      secretaryHeadsCollective: true,
      crossAppointed: 3,
      at: "2019-06-01"
    })

    yield* tree({
      _tag: "EstablishOrganization",
      orgId: "west-village",
      name: "西村党组织",
      kind: "generalBranch",
      formation: "standalone",
      locus: "village",
      parentId: "qingshan-town",
      approval: township("2016-03-01"),
      initialMembers: roster("west", 93, 6),
      at: "2016-03-01"
    })
    yield* tree({
      _tag: "SplitOrganization",
      orgId: "west-village",
      placement: "children",
      parts: [
        { orgId: "west-1", name: "西村第一党支部", memberIds: ids("west", 1, 47) },
        {
          orgId: "west-2",
          name: "西村第二党支部",
          memberIds: [...ids("west", 48, 93), ...[1, 2, 3, 4, 5, 6].map((n) => `west-p${n}`)]
        }
      ],
      approval: township("2016-03-01"),
      at: "2016-03-01"
    })
    for (const [orgId, first, entitled] of [["west-1", 1, 47], ["west-2", 48, 46]] as const) {
      yield* single(committeeElection(orgId, "west", first, entitled, "2021-04-10"))
      for (const step of secretaryElection(orgId, "west", first, "2021-04-10", "2021-04-25")) yield* step
    }
    yield* single({
      _tag: "AppointLeadership",
      orgId: "west-village",
      secretaryId: "west-1",
      deputyIds: ["west-48"],
      committeeIds: ["west-1", "west-2", "west-48", "west-49", "west-50"],
      approval: township("2016-03-01"),
      at: "2016-03-01"
    })

    // 2018 onwards: the small villages cannot stand alone (R1) and form a joint branch (R2)
    const rejections = [
      yield* attempt(
        { "zh-CN": "北村单独成立党支部", en: "北村 sets up its own branch" },
        tree({
          _tag: "EstablishOrganization",
          orgId: "north-village",
          name: "北村党支部",
          kind: "branch",
          formation: "standalone",
          locus: "village",
          parentId: "qingshan-town",
          approval: township("2019-01-15"),
          initialMembers: roster("north", 2, 1),
          at: "2019-01-15"
        })
      )
    ]
    yield* tree({
      _tag: "EstablishOrganization",
      orgId: "north-south-joint",
      name: "北村南村联合党支部",
      kind: "jointBranch",
      formation: "joint",
      locus: "village",
      parentId: "qingshan-town",
      approval: township("2019-01-20"),
      initialMembers: [...roster("north", 2, 1), ...roster("south", 2)],
      coveredUnits: [{ unitId: "north-village", fullCount: 2 }, { unitId: "south-village", fullCount: 2 }],
      at: "2019-01-20"
    })
    yield* single({
      _tag: "ElectSecretary",
      orgId: "north-south-joint",
      electedBy: "generalMeeting",
      secretary: { memberId: "north-1", yes: 4 },
      deputies: [],
      entitled: 4,
      present: 4,
      at: "2021-01-20"
    })
    yield* single({
      _tag: "ApproveSecretary",
      orgId: "north-south-joint",
      approval: township("2021-02-01"),
      at: "2021-02-01"
    })

    // 2020: 河湾村 and its conversion into 新苑社区 with its organization adjusted the same day (R8, R27)
    yield* tree({
      _tag: "EstablishOrganization",
      orgId: "river-village",
      name: "河湾村党支部",
      kind: "branch",
      formation: "standalone",
      locus: "village",
      parentId: "qingshan-town",
      approval: township("2020-03-01"),
      initialMembers: roster("river", 6, 1),
      at: "2020-03-01"
    })
    yield* single({
      _tag: "ConvertVillageToCommunity",
      orgId: "river-village",
      communityName: "新苑社区",
      adjustment: {
        approval: township("2022-06-01"),
        formation: "villageCommunityUnified",
        aliases: ["河湾村", "新苑社区"],
        mergedLeadership: true
      },
      at: "2022-06-01"
    })
    // resettled members arrive: 7 full members, so a committee is now required (R16)
    yield* single({
      _tag: "AddRosterMember",
      orgId: "river-village",
      memberId: "river-7",
      status: "full",
      reason: "transferredIn",
      at: "2023-09-01"
    })

    // 2024: the road project gets a temporary branch (R9); its members keep their affiliation at home
    yield* tree({
      _tag: "EstablishOrganization",
      orgId: "road-project",
      name: "公路建设临时党支部",
      kind: "temporaryBranch",
      formation: "standalone",
      locus: "project",
      parentId: "qingshan-town",
      approval: township("2024-03-01"),
      initialMembers: [],
      hostBodyId: "road-project-office",
      at: "2024-03-01"
    })
    yield* single({
      _tag: "AppointLeadership",
      orgId: "road-project",
      secretaryId: "east-3",
      deputyIds: [],
      committeeIds: [],
      approval: township("2024-03-01"),
      at: "2024-03-01"
    })
    rejections.push(
      yield* attempt(
        { "zh-CN": "临时党支部发展党员", en: "the temporary branch admits a member" },
        single({
          _tag: "AddRosterMember",
          orgId: "road-project",
          memberId: "worker-1",
          status: "probationary",
          reason: "admitted",
          at: "2024-04-01"
        })
      )
    )

    // 东村 admits three probationary members: AM 48 → 51 (over 50)
    for (const n of [5, 6, 7]) {
      yield* single({
        _tag: "AddRosterMember",
        orgId: "east-village",
        memberId: `east-p${n}`,
        status: "probationary",
        reason: "admitted",
        at: "2024-04-20"
      })
    }

    // 西村 crosses 100 members in its branches, and becomes a committee with county approval (R5)
    rejections.push(
      yield* attempt(
        { "zh-CN": "西村以 99 名党员成立党委", en: "西村 becomes a Party committee with 99 members" },
        tree({
          _tag: "UpgradeOrganization",
          orgId: "west-village",
          to: "primaryCommittee",
          approval: county("2024-05-01"),
          at: "2024-05-01"
        })
      )
    )
    yield* single({
      _tag: "AddRosterMember",
      orgId: "west-1",
      memberId: "west-p7",
      status: "probationary",
      reason: "admitted",
      at: "2024-05-05"
    })
    yield* tree({
      _tag: "UpgradeOrganization",
      orgId: "west-village",
      to: "primaryCommittee",
      approval: county("2024-06-01"),
      secondTier: true,
      at: "2024-06-01"
    })

    // R1: a cooperative with 3 full members and no organization of its own is a coverage gap
    const units = [{ unitId: "tea-cooperative", fullCount: 3 }, {
      unitId: "north-village",
      fullCount: 2,
      coveredBy: "north-south-joint"
    }]
    const { findings, view } = yield* Compliance.report(policies, asOf, { units })
    return { asOf, rejections, view, findings }
  }).pipe(Effect.provide(MemoryStore.layer({ codec: EventCodec.make(Organization.organizationEvents) })))

const severityLabel: Record<Locale, Record<Finding.Severity, string>> = {
  en: { violation: "VIOLATION", warning: "warning", notice: "notice" },
  "zh-CN": { violation: "违规", warning: "警示", notice: "提示" }
}

/** The report as text in one locale. */
export const render = (report: Report, locale: Locale): string => {
  const lines: Array<string> = []
  const title = locale === "en" ? `Township report as of ${report.asOf}` : `青山镇党组织情况(截至 ${report.asOf})`
  lines.push(title, "")
  lines.push(locale === "en" ? "Rejected commands:" : "被拒绝的命令:")
  for (const { error, what } of report.rejections) {
    lines.push(`  - ${what[locale]}: [${error.ruleId ?? "-"}] ${Messages.render(error, locale)}`)
  }
  lines.push("", locale === "en" ? "Organization tree:" : "组织树:")
  lines.push(OrganizationTree.render(report.view.tree, locale))
  lines.push("", locale === "en" ? "Findings:" : "发现的问题:")
  for (const finding of report.findings) {
    const due = finding.due === undefined ? "" : ` (${locale === "en" ? "due" : "期限"} ${finding.due})`
    lines.push(
      `  - [${finding.ruleId}] ${severityLabel[locale][finding.severity]}: ${Messages.render(finding, locale)}${due}`
    )
  }
  return lines.join("\n")
}
