// The CLI's parts without a process: dates as spreadsheets write them, column names and their nearest known
// name, decoding (strict UTF-8, GB18030), CSV with strict quoting, "today" in the user's zone, masking of
// passwords, Mermaid ids and labels, the report's filters and summary, sync plans, and progress lines.
import { Dangjian, Finding, MemoryStore, Organization, OrganizationTree } from "@dangjian/core"
import { Effect, Result } from "effect"
import iconv from "iconv-lite"
import { assert, describe, it } from "vitest"
import { Cli, Input, Output, Progress, Roster, Store, Sync } from "../src/index.ts"
import { localeOfArgs } from "../src/messages.ts"
import { header, month1, month2 } from "./support/rosters.ts"

describe("Roster.parseDate", () => {
  it("reads the forms Chinese spreadsheets use, and refuses what is no day of the calendar", () => {
    for (
      const text of [
        "2019-03-01",
        "2019/3/1",
        "2019.3.1",
        "2019-3-1",
        "2019年3月1日",
        "2019 年 3 月 1 日",
        "20190301",
        "２０１９/３/１",
        "2019-03-01 00:00:00",
        "2019/03/01"
      ]
    ) {
      assert.strictEqual(Roster.parseDate(text), "2019-03-01", text)
    }
    for (const text of ["2019/2/30", "2019/13/1", "19/3/1", "2019-03", "昨天", "2019-03-01 12:30", "2019年3月"]) {
      assert.isUndefined(Roster.parseDate(text), text)
    }
  })
})

describe("Roster.mapColumns", () => {
  it("names a misspelled column with the nearest known one; an unknown column is a warning", () => {
    const names = header.split(",").map((n) => (n === "最近组织生活日期" ? "最近组织生活时间" : n))
    const mapped = Roster.mapColumns([...names, "备注", "姓名", "组织名"], 1, { requireAll: true })
    assert.deepStrictEqual(mapped.errors, [{
      line: 1,
      code: "cli.header.misspelled",
      params: {
        name: "最近组织生活时间",
        suggestion: "最近组织生活日期",
        column: "lastOrgLifeAt",
        columnZh: "最近组织生活日期"
      }
    }])
    assert.deepStrictEqual(mapped.warnings.map((w) => w.code), [
      "cli.header.unknown",
      "cli.header.personal",
      "cli.header.unknownNear"
    ])
    assert.strictEqual(Roster.editDistance("东村", "西村"), 1)
    assert.strictEqual(Roster.nearestColumn("approvedAtt").column, "approvedAt")
    // Another spelling of a known name is that column: letter case, spaces, underscores, full-width forms.
    assert.deepStrictEqual(
      Roster.mapColumns(["ParentID", "org_id", "ｏｒｇＮａｍｅ"], 1, { requireAll: false }).columns,
      [
        "parentId",
        "orgId",
        "orgName"
      ]
    )
  })

  it("a missing required column explained by a misspelling is reported once", () => {
    const names = header.split(",").map((n) => (n === "批准日期" ? "批准时间" : n))
    const mapped = Roster.mapColumns(names, 1, { requireAll: true })
    assert.deepStrictEqual(mapped.errors.map((e) => e.code), ["cli.header.misspelled"])
  })
})

describe("Input", () => {
  const bytes = (text: string) => new TextEncoder().encode(text)

  it("decodes strict UTF-8 and GB18030, and refuses each read as the other", () => {
    assert.deepStrictEqual(Input.decodeText(bytes("\uFEFF组织"), "f", "utf-8"), Result.succeed("组织"))
    const gb = new Uint8Array(iconv.encode("a\n组织编号", "gb18030"))
    assert.deepStrictEqual(Input.decodeText(gb, "f", "gb18030"), Result.succeed("a\n组织编号"))
    assert.deepStrictEqual(
      Input.decodeText(gb, "f", "utf-8"),
      Result.fail({ code: "cli.file.notUtf8.gb18030", params: { file: "f", line: 2 } })
    )
    assert.deepStrictEqual(
      Input.decodeText(bytes("组织"), "f", "gb18030"),
      Result.fail({ code: "cli.file.utf8NotGb18030", params: { file: "f" } })
    )
    // ASCII is both: read as either.
    assert.isTrue(Result.isSuccess(Input.decodeText(bytes("a,b"), "f", "gb18030")))
  })

  it("parses CSV strictly, with the line each record starts on", () => {
    const table = Input.parseCsv("a,b\r\n1,\"x\ny\"\n\n3,4\n,\n", "f")
    assert.deepStrictEqual(
      table,
      Result.succeed({
        kind: "table",
        format: "csv",
        header: { line: 1, names: ["a", "b"] },
        records: [{ line: 2, cells: ["1", "x\ny"] }, { line: 5, cells: ["3", "4"] }]
      })
    )
    assert.deepStrictEqual(
      Input.parseCsv("a\tb\n1\t2\n", "f").pipe(Result.map((t) => t.records[0]!.cells)),
      Result.succeed(["1", "2"])
    )
    assert.deepStrictEqual(
      Input.parseCsv("a,b\n1,\"2\n", "f"),
      Result.fail({ code: "cli.csv.quoteNotClosed", params: { file: "f", code: "CSV_QUOTE_NOT_CLOSED" }, line: 2 })
    )
    assert.deepStrictEqual(
      Input.parseCsv("a,b\n", "f"),
      Result.fail({ code: "cli.file.noRows", params: { file: "f" } })
    )
  })
})

describe("Cli: today in the user's zone", () => {
  it("is the date in Asia/Shanghai unless TZ names another zone", () => {
    // 2026-03-01T20:00Z is 04:00 on 2 March in Beijing.
    const instant = Date.UTC(2026, 2, 1, 20, 0)
    assert.strictEqual(Cli.timeZone({}), "Asia/Shanghai")
    assert.strictEqual(Cli.timeZone({ TZ: "" }), "Asia/Shanghai")
    assert.strictEqual(Cli.timeZone({ TZ: "Not/AZone" }), "Asia/Shanghai")
    assert.strictEqual(Cli.timeZone({ TZ: "UTC" }), "UTC")
    assert.strictEqual(Cli.dateIn(instant, Cli.timeZone({})), "2026-03-02")
    assert.strictEqual(Cli.dateIn(instant, Cli.timeZone({ TZ: "UTC" })), "2026-03-01")
    assert.strictEqual(Cli.dateIn(instant, Cli.timeZone({ TZ: "America/New_York" })), "2026-03-01")
  })
})

describe("Store", () => {
  it("masks passwords in URLs and parameters, and parses the schema of a PostgreSQL store", () => {
    assert.strictEqual(Store.mask("postgres://u:p@ss@h/db and x"), "postgres://u:***@h/db and x")
    assert.strictEqual(
      Store.mask("postgresql://user:secret@host:5432/db?password=x&sslmode=require"),
      "postgresql://user:***@host:5432/db?password=***&sslmode=require"
    )
    assert.strictEqual(Store.mask("postgres://user@host/db"), "postgres://user@host/db")
    const parsed = Store.parse("postgres://u:secret@h/db?schema=county")
    assert.isTrue(Result.isSuccess(parsed))
    if (Result.isSuccess(parsed) && parsed.success.kind === "postgres") {
      assert.strictEqual(parsed.success.schema, "county")
      assert.strictEqual(Store.describe(parsed.success), "postgres://u:***@h/db (schema county)")
    }
    assert.deepStrictEqual(Store.parse("mysql://u:secret@h/db"), Result.fail("mysql://u:***@h/db"))
  })

  it("the locale comes from --lang, else LC_ALL, LC_MESSAGES or LANG, else zh-CN", () => {
    assert.strictEqual(localeOfArgs(["report", "--lang", "en"], {}), "en")
    assert.strictEqual(localeOfArgs(["report", "--lang=en"], { LANG: "zh_CN.UTF-8" }), "en")
    assert.strictEqual(localeOfArgs(["report"], { LANG: "en_US.UTF-8" }), "en")
    assert.strictEqual(localeOfArgs(["report"], { LANG: "C.UTF-8" }), "zh-CN")
    assert.strictEqual(localeOfArgs(["report", "--lang", "fr"], {}), "zh-CN")
    assert.strictEqual(localeOfArgs(["report"], { LC_ALL: "", LANG: "en" }), "en")
  })
})

describe("Output: Mermaid", () => {
  it("ids stay unique for Chinese ids; labels escape markup and Mermaid's own characters", () => {
    const states = ["东村", "西村", "a-b", "a_b", "x"].map((orgId) => ({
      ...Organization.initialState,
      status: "active" as const,
      orgId,
      name: `<img src=x onerror=alert(1)> "${orgId}" #1;`
    }))
    const chart = Output.treeMermaid(OrganizationTree.fromStates(states), "en")
    const nodes = chart.split("\n").slice(1).map((line) => line.trim().split("[")[0])
    assert.strictEqual(new Set(nodes).size, 5)
    assert.notStrictEqual(Output.mermaidId("东村"), Output.mermaidId("西村"))
    assert.notInclude(chart, "<img")
    assert.notInclude(chart, "\"东村\"")
    assert.include(chart, "#60;img src=x onerror=alert#40;1#41;#62; #34;东村#34; #35;1#59;")
  })
})

describe("Output: filters and summary", () => {
  const view = {
    tree: OrganizationTree.fromStates([
      {
        ...Organization.initialState,
        status: "active" as const,
        orgId: "town",
        name: "镇",
        children: { v1: "branch" as const }
      },
      { ...Organization.initialState, status: "active" as const, orgId: "v1", name: "一村", parentId: "town" },
      { ...Organization.initialState, status: "active" as const, orgId: "v2", name: "二村" }
    ]),
    members: { members: { m1: { orgId: "v1", memberId: "m1" } } },
    agreements: { agreements: {}, councils: {}, orgs: {} }
  } as unknown as Output.View
  const finding = (
    ruleId: string,
    severity: Finding.Severity,
    kind: Finding.Subject["kind"],
    id: string,
    code: string
  ) =>
    ({
      ruleId,
      severity,
      subject: { kind, id },
      code,
      params: kind === "member" ? { memberId: id } : { orgId: id }
    }) as Finding.Finding
  const findings = [
    finding("R16", "violation", "organization", "v1", "organization.finding.committeeRequired"),
    finding("R19", "warning", "organization", "v2", "organization.finding.noSecretary"),
    finding("R39", "warning", "member", "m1", "member.finding.lapsed")
  ]

  it("a subtree takes its organizations' and its members' findings; rules, severities and pillars filter", () => {
    assert.deepStrictEqual(Output.filter(findings, view, { org: "town" }).map((f) => f.ruleId), ["R16", "R39"])
    assert.deepStrictEqual(Output.filter(findings, view, { org: "v2" }).map((f) => f.ruleId), ["R19"])
    assert.deepStrictEqual(Output.filter(findings, view, { rules: new Set(["R39"]) }).map((f) => f.ruleId), ["R39"])
    assert.deepStrictEqual(Output.filter(findings, view, { severities: new Set(["warning"] as const) }).length, 2)
    assert.deepStrictEqual(
      Output.filter(findings, view, { pillars: new Set(["membership"] as const) }).map((f) => f.ruleId),
      ["R39"]
    )
  })

  it("the summary gives totals, then counts per rule and per organization", () => {
    const summary = Output.summaryJson(findings, "2026-06-30", view)
    assert.strictEqual(summary.total, 3)
    assert.deepStrictEqual(summary.counts, { violation: 1, warning: 2, notice: 0 })
    assert.deepStrictEqual(summary.byOrganization.map((o) => [o.orgId, o.name, o.total]), [["v1", "一村", 2], [
      "v2",
      "二村",
      1
    ]])
    assert.deepStrictEqual(summary.byOrganization[0]!.byRule, { R16: 1, R39: 1 })
    const text = Output.summaryText(summary, "zh-CN", "table", view.tree)
    assert.match(text, /^截至 2026-06-30 的检查结果汇总\n共 3 项:违规 1 项,警示 2 项,提示 0 项\n/)
    assert.include(text, "一村 [v1]")
  })

  it("the summary is the same whatever the findings' order (`report --summary` counts them unsorted)", () => {
    // Two rule ids with the same number (a rule and a conflict of RULES.md) tie on every count.
    const more = [
      ...findings,
      finding("R1", "warning", "organization", "v2", "organization.finding.tooFewMembers"),
      finding("C1", "warning", "organization", "v2", "organization.finding.tooFewMembers")
    ]
    const expected = Output.summaryJson(more, "2026-06-30", view)
    for (const order of [more.toReversed(), [more[3]!, more[0]!, more[4]!, more[2]!, more[1]!]]) {
      assert.deepStrictEqual(Output.summaryJson(order, "2026-06-30", view), expected)
    }
    assert.deepStrictEqual(expected.byRule.map((r) => r.ruleId), ["C1", "R1", "R16", "R19", "R39"])
    assert.deepStrictEqual(Object.keys(expected.byOrganization.find((o) => o.orgId === "v2")!.byRule), [
      "C1",
      "R1",
      "R19"
    ])
  })

  it("the summary counts each finding under the first organization it concerns, members' findings together or not", () => {
    // m1 is on the roster (v1); m9 is not, and its findings name their organization in their params.
    const m9 = (ruleId: string, orgId: string) => ({
      ...finding(ruleId, "warning", "member", "m9", "member.finding.lapsed"),
      params: { memberId: "m9", orgId }
    })
    const all = [
      finding("R39", "warning", "member", "m1", "member.finding.lapsed"),
      finding("R40", "notice", "member", "m1", "member.finding.lapsed"),
      m9("R39", "v2"),
      m9("R40", "town"),
      finding("R39", "warning", "member", "m1", "member.finding.lapsed"),
      finding("R19", "warning", "organization", "v2", "organization.finding.noSecretary")
    ]
    const expected = new Map<string, number>()
    for (const f of all) {
      const orgId = Output.orgsOf(f, view)[0]!
      expected.set(orgId, (expected.get(orgId) ?? 0) + 1)
    }
    assert.deepStrictEqual(Object.fromEntries(expected), { v1: 3, v2: 2, town: 1 })
    for (const order of [all, all.toReversed(), [all[0]!, all[2]!, all[1]!, all[3]!, all[5]!, all[4]!]]) {
      const summary = Output.summaryJson(order, "2026-06-30", view)
      assert.deepStrictEqual(
        Object.fromEntries(summary.byOrganization.map((o) => [o.orgId, o.total])),
        Object.fromEntries(expected)
      )
    }
  })
})

describe("Sync.plan", () => {
  const checked = (lines: ReadonlyArray<string>) => {
    const table = Input.parseCsv(lines.join("\n"), "r.csv")
    assert.isTrue(Result.isSuccess(table))
    const rows = Roster.readRows(Result.getOrThrow(table))
    const roster = Roster.check(Result.getOrThrow(rows).rows, "2026-12-31")
    assert.isTrue(Result.isSuccess(roster), JSON.stringify(roster))
    return Result.getOrThrow(roster)
  }

  it("into an empty store a sync is the import; a second identical import is recognised", async () => {
    const roster = checked(month1)
    const empty = Sync.stateOf([])
    const asImport = Result.getOrThrow(Sync.plan(roster, empty, { mode: "import", date: "2026-07-01" }))
    const asSync = Result.getOrThrow(Sync.plan(roster, empty, { mode: "sync", date: "2026-07-01" }))
    assert.deepStrictEqual(asSync.steps, asImport.steps)
    assert.deepStrictEqual(asImport.establish.map((e) => [e.org.orgId, e.members.length]), [["town", 0], ["east", 8], [
      "west",
      3
    ]])
    const program = Effect.gen(function*() {
      yield* Sync.apply(asImport, { locale: "en" })
      const { state } = yield* Sync.readState()
      return {
        again: Sync.plan(roster, state, { mode: "import", date: "2026-07-01" }),
        next: Result.getOrThrow(Sync.plan(checked(month2), state, { mode: "sync", date: "2026-07-01" }))
      }
    })
    const { again, next } = await Effect.runPromise(
      program.pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec })))
    )
    assert.deepStrictEqual(
      again,
      Result.fail([{ code: "cli.import.already", params: { orgs: 3, members: 11, firstLine: 2, id: "town" } }])
    )
    assert.deepStrictEqual(next.register.map((r) => r.memberId), ["w4"])
    assert.deepStrictEqual(next.transfers.map((t) => [t.row.memberId, t.fromOrgId, t.row.orgId]), [[
      "e7",
      "east",
      "west"
    ]])
    assert.deepStrictEqual(next.participation.map((p) => [p.row.memberId, p.kind]), [["e8", "orgLife"], [
      "w4",
      "orgLife"
    ], ["w4", "dues"]])
    assert.deepStrictEqual(next.departures, [])
    // A member the plan registers has its participation right after its registration; members already in the
    // store have theirs after the transfers. Every entry is made once, and the count is the plan's.
    const commandsOf = (plan: Sync.Plan) =>
      [...Sync.stepsOf(plan)].map(({ command }) =>
        `${command._tag} ${"memberId" in command ? command.memberId : ""} ${
          command._tag === "RecordParticipation" ? command.kind : ""
        }`.trim()
      )
    assert.deepStrictEqual(commandsOf(next), [
      "RegisterMember w4",
      "RecordParticipation w4 orgLife",
      "RecordParticipation w4 dues",
      "IssueTransferLetter e7",
      "ReceiveTransfer e7",
      "RecordParticipation e8 orgLife"
    ])
    assert.strictEqual(Sync.stepCount(next), 6)
    // The counts and the stored members' entries agree with the entries made on demand, for both plans.
    for (const plan of [next, asImport]) {
      assert.strictEqual(plan.participationCount, plan.participation.length)
      assert.deepStrictEqual(
        plan.storedParticipation,
        plan.participation.filter((p) => !p.registered).map(({ at, kind, row }) => ({ row, kind, at }))
      )
    }
    assert.strictEqual(asImport.participationCount, 22)
    assert.deepStrictEqual(next.storedParticipation.map((p) => [p.row.memberId, p.kind]), [["e8", "orgLife"]])
    const imported = commandsOf(asImport)
    assert.strictEqual(imported.length, Sync.stepCount(asImport))
    assert.deepStrictEqual(imported.slice(0, 5), [
      "EstablishOrganization",
      "EstablishOrganization",
      "RegisterMember e1",
      "RecordParticipation e1 orgLife",
      "RecordParticipation e1 dues"
    ])
  })
})

describe("Roster.check", () => {
  const rows = (lines: ReadonlyArray<string>) =>
    Result.getOrThrow(Roster.readRows(Result.getOrThrow(Input.parseCsv([header, ...lines].join("\n"), "r.csv")))).rows
  const row = (memberId: string, locus = "村", life = "2026-06-01") =>
    `east,东村党支部,党支部,${locus},,城关镇党委,乡镇,2019-03-01,${memberId},正式,${life},2026-06-01`

  it("names a member listed again with its first line, whether that first row was good or bad (R38)", () => {
    const checked = Roster.check(
      rows([row("a"), row("b", "山区"), row("a"), row("b"), row("c", "村", "2027-01-01"), row("c"), row("a")]),
      "2026-12-31"
    )
    assert.isTrue(Result.isFailure(checked))
    const errors = Result.isFailure(checked) ? checked.failure : []
    assert.deepStrictEqual(
      errors.filter((e) => e.code === "cli.row.duplicateMember").map((e) => [e.line, e.params]),
      [
        [4, { memberId: "a", firstLine: 2 }],
        [5, { memberId: "b", firstLine: 3 }],
        [7, { memberId: "c", firstLine: 6 }],
        [
          8,
          { memberId: "a", firstLine: 2 }
        ]
      ]
    )
    // The bad first rows are reported for their own reasons.
    assert.deepStrictEqual(errors.filter((e) => e.code !== "cli.row.duplicateMember").map((e) => [e.line, e.code]), [
      [3, "cli.row.invalidChoice"],
      [6, "cli.row.future"]
    ])
  })

  it("keeps every member's organization and dates as the file gives them", () => {
    const checked = Result.getOrThrow(Roster.check(rows([row("a"), row("b", "村", "2025-01-02")]), "2026-12-31"))
    assert.deepStrictEqual(
      [...checked.members.values()].map((m) => [m.memberId, m.orgId, m.lastOrgLifeAt, m.lastDuesAt]),
      [
        ["a", "east", "2026-06-01", "2026-06-01"],
        ["b", "east", "2025-01-02", "2026-06-01"]
      ]
    )
  })
})

describe("Progress", () => {
  it("prints plain lines off a terminal: a phase's start, its quarters and its end", async () => {
    const lines: Array<string> = []
    const progress = Progress.make("en", { isTTY: false, write: (text) => lines.push(text) })
    await Effect.runPromise(Effect.forEach([1, 10, 30, 60, 99, 100], (done) => progress.update("checking", done, 100)))
    await Effect.runPromise(progress.update("writing", 1, 1))
    assert.deepStrictEqual(lines, [
      "checking [....................] 1/100\n",
      "checking [######..............] 30/100\n",
      "checking [############........] 60/100\n",
      "checking [####################] 99/100\n",
      "checking [####################] 100/100\n",
      "writing [####################] 1/1\n"
    ])
  })
})
