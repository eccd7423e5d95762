// The command line as a county organization department's clerk uses it (issue 21), on SQLite and on
// PostgreSQL: every command the README and docs/guide/cli.md show, the monthly cycle from the CLI alone
// (import, record an election and a transfer with exec, sync the changed roster, the findings clear), and safety
// by default (read-only commands never create or migrate, the demo never lands in real data, passwords never
// shown). Each step is the built binary run as a process; each asserts the exit code, the output, and the
// number of events in the store afterwards.
import { Effect } from "effect"
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, assert, beforeAll, describe, it } from "vitest"
import type { TestStore } from "./support/cli.ts"
import { ensureBuilt, fixtures, pgUnreachable, postgresStore, run, sql, sqliteStore, workdir } from "./support/cli.ts"
import { jsonl, month1, month2, monthCommands, write } from "./support/rosters.ts"

beforeAll(ensureBuilt, 180_000)

const stores: ReadonlyArray<{ readonly kind: "sqlite" | "postgres"; readonly make: (cwd: string) => TestStore }> = [
  { kind: "sqlite", make: (cwd) => sqliteStore(cwd) },
  { kind: "postgres", make: () => postgresStore() }
]

const dropped: Array<TestStore> = []
afterAll(async () => {
  for (const store of dropped) await store.drop()
})

type Report = { findings: Array<{ ruleId: string; subject: { id: string }; orgId: string | null }> }
const findingsOf = (stdout: string) => (JSON.parse(stdout) as Report).findings
const has = (report: Report["findings"], ruleId: string, id: string) =>
  report.some((f) => f.ruleId === ruleId && f.subject.id === id)

for (const { kind, make } of stores) {
  describe.skipIf(kind === "postgres" && pgUnreachable !== undefined)(`dangjian on ${kind}`, () => {
    const newStore = (cwd: string) => {
      const store = make(cwd)
      dropped.push(store)
      return store
    }

    it("the README's and the guide's commands: import 10,000 members, report, filter, summarize, tree, replay", async () => {
      const cwd = workdir()
      const store = newStore(cwd)
      const roster = join(fixtures, "roster-10000.csv")
      const imported = run(cwd, ["import", roster, "--store", store.spec])
      assert.strictEqual(imported.code, 0, imported.stderr)
      assert.include(imported.stdout, "imported 258 organizations and 10000 members")
      const events = await store.events()
      assert.isAbove(events, 30_000)

      // A re-import is recognised: one message, exit 3, nothing written.
      const again = run(cwd, ["import", roster, "--store", store.spec])
      assert.strictEqual(again.code, 3)
      const messages = again.stderr.split("\n").filter((l) => l.length > 0 && !/^(reading|catching up) /.test(l))
      assert.deepStrictEqual(messages.length, 1, again.stderr)
      assert.include(messages[0], "already imported: its 258 organizations and 10000 members")
      assert.include(messages[0], "dangjian roster sync")
      assert.strictEqual(await store.events(), events)

      const markdown = run(cwd, ["report", "--store", store.spec, "--as-of", "2026-06-30", "--format", "markdown"])
      assert.strictEqual(markdown.code, 0, markdown.stderr)
      assert.match(markdown.stdout, /^# Findings as of 2026-06-30\n/)
      assert.include(markdown.stdout, "| due | severity | rule | subject | finding |")
      assert.include(markdown.stdout, "- violation  a binding rule is not met now")
      // Organizations by name with their id, in the subject and in the message.
      assert.match(
        markdown.stdout,
        /\| violation \| R16 \| 第\d+[村社区]+党支部 \[v\d{3}\] \| 第\d+[村社区]+党支部 \[v\d{3}\] has/
      )

      const summary = run(cwd, [
        "report",
        "--store",
        store.spec,
        "--as-of",
        "2026-06-30",
        "--summary",
        "--format",
        "json"
      ])
      assert.strictEqual(summary.code, 0, summary.stderr)
      const counts = JSON.parse(summary.stdout) as {
        total: number
        byRule: Array<{ ruleId: string; total: number }>
        byOrganization: Array<{ orgId: string; total: number; byRule: Record<string, number> }>
      }
      const r16 = counts.byRule.find((r) => r.ruleId === "R16")!.total
      assert.strictEqual(counts.byRule.reduce((n, r) => n + r.total, 0), counts.total)
      assert.strictEqual(counts.byOrganization.reduce((n, o) => n + o.total, 0), counts.total)

      const filtered = run(cwd, [
        "report",
        "--store",
        store.spec,
        "--as-of",
        "2026-06-30",
        "--rule",
        "R16",
        "--severity",
        "violation",
        "--pillar",
        "organization",
        "--format",
        "json"
      ])
      assert.strictEqual(filtered.code, 0, filtered.stderr)
      assert.strictEqual(findingsOf(filtered.stdout).length, r16)
      // A subtree: one village and everything below it, members' findings included.
      const village = counts.byOrganization.find((o) => o.orgId?.startsWith("v"))!
      const org = run(cwd, [
        "report",
        "--store",
        store.spec,
        "--as-of",
        "2026-06-30",
        "--org",
        village.orgId,
        "--format",
        "json"
      ])
      assert.strictEqual(org.code, 0, org.stderr)
      const inOrg = findingsOf(org.stdout)
      assert.strictEqual(inOrg.length, village.total)
      assert.isTrue(inOrg.every((f) => f.orgId === village.orgId))
      const summaryText = run(cwd, [
        "report",
        "--store",
        store.spec,
        "--as-of",
        "2026-06-30",
        "--summary",
        "--lang",
        "zh-CN"
      ])
      assert.match(summaryText.stdout, /^截至 2026-06-30 的检查结果汇总\n共 \d+ 项:违规 \d+ 项/)
      assert.include(summaryText.stdout, "按组织")

      const tree = run(cwd, ["tree", "--store", store.spec, "--format", "mermaid"])
      assert.strictEqual(tree.code, 0, tree.stderr)
      const nodes = tree.stdout.split("\n").filter((l) => l.includes("[\""))
      assert.strictEqual(nodes.length, 258)
      const subtree = run(cwd, ["tree", "--store", store.spec, "--org", village.orgId])
      assert.strictEqual(subtree.code, 0, subtree.stderr)
      assert.strictEqual(subtree.stdout.trim().split("\n").length, 1)

      const replayed = run(cwd, ["replay", "--store", store.spec])
      assert.strictEqual(replayed.code, 0, replayed.stderr)
      assert.include(replayed.stdout, `over ${events} events`)
      assert.strictEqual(await store.events(), events)
    })

    it("a month from the CLI alone: import, exec an election and a transfer, sync the changed roster; findings clear", async () => {
      const cwd = workdir()
      const store = newStore(cwd)
      const imported = run(cwd, ["import", write(cwd, "roster-2026-05.csv", month1), "--store", store.spec])
      assert.strictEqual(imported.code, 0, imported.stderr)
      assert.include(imported.stdout, "imported 3 organizations and 11 members")
      const report = () => {
        const ran = run(cwd, ["report", "--store", store.spec, "--as-of", "2026-06-30", "--format", "json"])
        assert.strictEqual(ran.code, 0, ran.stderr)
        return findingsOf(ran.stdout)
      }
      const before = report()
      assert.isTrue(has(before, "R16", "east"), "东村 has 8 full members and no committee")
      assert.isTrue(has(before, "R19", "east"), "东村 has no secretary")
      assert.isTrue(has(before, "R39", "e8"), "e8 lapsed")
      const afterImport = await store.events()

      // One command the rules reject, with --atomic: nothing is written.
      const bad = [...monthCommands, { ...monthCommands[4], transferId: "t-unknown" }]
      const atomic = run(cwd, ["exec", write(cwd, "bad.jsonl", jsonl(bad)), "--atomic", "--store", store.spec])
      assert.strictEqual(atomic.code, 5, atomic.stderr)
      assert.match(atomic.stdout, /^line 6: rejected ReceiveTransfer: /m)
      assert.include(atomic.stderr, "with --atomic nothing was written")
      assert.strictEqual(await store.events(), afterImport)

      // The month's commands from standard input.
      const exec = run(cwd, ["exec", "--store", store.spec], { input: jsonl(monthCommands) })
      assert.strictEqual(exec.code, 0, exec.stderr)
      assert.match(exec.stdout, /^line 1: accepted ElectCommittee: /m)
      assert.match(exec.stdout, /^line 5: accepted ReceiveTransfer: TransferReceived/m)
      assert.include(exec.stderr, "5 accepted, 0 rejected")
      const afterExec = await store.events()
      assert.isAbove(afterExec, afterImport)

      // The sync's plan, then the sync: e8's organizational life, w4 new; e7 already moved by exec.
      const next = write(cwd, "roster-2026-06.csv", month2)
      const dry = run(cwd, ["roster", "sync", next, "--store", store.spec, "--at", "2026-06-25", "--dry-run"])
      assert.strictEqual(dry.code, 0, dry.stderr)
      assert.include(dry.stdout, "New members: 1\n  + w4 → 西村党支部 [west]")
      assert.include(dry.stdout, "e8 orgLife 2026-06-20")
      assert.notInclude(dry.stdout, "Transfers")
      assert.include(dry.stderr, "nothing was written")
      assert.strictEqual(await store.events(), afterExec)
      const synced = run(cwd, ["roster", "sync", next, "--store", store.spec, "--at", "2026-06-25"])
      assert.strictEqual(synced.code, 0, synced.stderr)
      assert.include(synced.stderr, "synced: 0 new organizations, 1 new members, 0 transfers, 3 records")
      assert.isAbove(await store.events(), afterExec)

      const after = report()
      assert.isFalse(has(after, "R16", "east"))
      assert.isFalse(has(after, "R19", "east"))
      assert.isFalse(has(after, "R39", "e8"))
      const tree = run(cwd, ["tree", "--store", store.spec, "--lang", "en"])
      assert.include(tree.stdout, "西村党支部 [west] (FM 5, AM 5)")
      assert.include(tree.stdout, "东村党支部 [east] (FM 7, AM 7)")

      // The same roster again: nothing to do, nothing written.
      const settled = await store.events()
      const again = run(cwd, ["roster", "sync", next, "--store", store.spec, "--at", "2026-06-25"])
      assert.strictEqual(again.code, 0, again.stderr)
      assert.include(again.stdout, "the store already matches the roster")
      assert.strictEqual(await store.events(), settled)
    })

    it("a sync plans transfers, new organizations, and reports departures and what it cannot settle", async () => {
      const cwd = workdir()
      const store = newStore(cwd)
      assert.strictEqual(run(cwd, ["import", write(cwd, "m1.csv", month1), "--store", store.spec]).code, 0)
      const before = await store.events()
      const changed = [
        ...month1.filter((l) => !l.includes(",e5,") && !l.includes(",e6,")).map((l) =>
          l.includes(",w1,") ? l.replace(",正式,", ",预备,") : l
        ),
        "north,北村党支部,党支部,村,town,城关镇党委,乡镇,2026-06-01,n1,正式,,",
        "north,北村党支部,党支部,村,town,城关镇党委,乡镇,2026-06-01,n2,正式,,",
        "north,北村党支部,党支部,村,town,城关镇党委,乡镇,2026-06-01,n3,正式,,",
        "north,北村党支部,党支部,村,town,城关镇党委,乡镇,2026-06-01,e6,正式,,"
      ]
      const file = write(cwd, "changed.csv", changed)
      const plan = run(cwd, ["roster", "sync", file, "--store", store.spec, "--at", "2026-06-25", "--dry-run"])
      assert.strictEqual(plan.code, 0, plan.stderr)
      assert.include(plan.stdout, "New organizations: 1\n  + 北村党支部 [north] → 城关镇党委 [town], 3 members")
      assert.include(plan.stdout, "Transfers: 1\n  ~ e6: 东村党支部 [east] → 北村党支部 [north]")
      assert.include(plan.stdout, "Not on the roster any more: 1")
      assert.include(plan.stdout, "- e5 (东村党支部 [east])")
      assert.include(plan.stdout, "member w1 is full in the store and probationary in the file")
      assert.strictEqual(await store.events(), before)
      const synced = run(cwd, ["roster", "sync", file, "--store", store.spec, "--at", "2026-06-25"])
      assert.strictEqual(synced.code, 0, synced.stderr)
      assert.include(synced.stderr, "synced: 1 new organizations, 3 new members, 1 transfers")
      const tree = run(cwd, ["tree", "--store", store.spec, "--lang", "en"])
      assert.include(tree.stdout, "北村党支部 [north] (FM 4, AM 4)")
      assert.include(tree.stdout, "东村党支部 [east] (FM 7, AM 7)")
    })

    it("bad input gets a clear error and writes nothing", async () => {
      const cwd = workdir()
      const store = newStore(cwd)
      // Nothing is written into a store that does not exist yet either: it is not even created.
      const misspelled = write(
        cwd,
        "misspelled.csv",
        month1.map((l, i) => (i === 0 ? l.replace("最近组织生活日期", "最近组织生活时间") : l))
      )
      const refused = run(cwd, ["import", misspelled, "--store", store.spec])
      assert.strictEqual(refused.code, 3)
      assert.include(
        refused.stderr,
        "line 1 (header): unknown column \"最近组织生活时间\": did you mean \"最近组织生活日期\"?"
      )
      assert.strictEqual(await store.events(), 0)
      if (kind === "sqlite") assert.isFalse(existsSync(join(cwd, "store.db")))

      assert.strictEqual(run(cwd, ["import", write(cwd, "ok.csv", month1), "--store", store.spec]).code, 0)
      const events = await store.events()
      const badRows = write(cwd, "bad.csv", [
        month1[0]!,
        month1[1]!,
        "v9,九村党支部,党支部,山区,town,城关镇党委,乡镇,2019-02-30,x1,正式,,",
        "v9,九村党支部,党支部,村,nowhere,城关镇党委,乡镇,2019-03-01,x2,正式,2019-01-01,",
        "v9,九村党支部,党支部,村,town,城关镇党委,乡镇,2019-03-01,x2,正式,,"
      ])
      const rows = run(cwd, ["import", badRows, "--store", store.spec])
      assert.strictEqual(rows.code, 3)
      assert.include(rows.stderr, "line 3: locus (所在地类型): \"山区\" is not one of village 村")
      assert.include(rows.stderr, "line 3: approvedAt (批准日期): \"2019-02-30\" is not a date")
      assert.include(
        rows.stderr,
        "line 4: lastOrgLifeAt (最近组织生活日期): 2019-01-01 is before the organization's approval"
      )
      assert.include(rows.stderr, "line 5: member x2 is listed twice (first on line 4)")
      // Errors are counted by row: 4 errors on 3 rows.
      assert.include(rows.stderr, "import failed: 3 rows with errors; nothing was written")
      assert.strictEqual(await store.events(), events)
    })

    it("read-only commands never create or migrate; the demo never lands in real data; passwords never shown", async () => {
      const cwd = workdir()
      const store = newStore(cwd)
      for (const args of [["report"], ["tree"], ["roster", "sync", write(cwd, "r.csv", month1), "--dry-run"]]) {
        const ran = run(cwd, [...args, "--store", store.spec])
        assert.strictEqual(ran.code, 4, `${args.join(" ")}: ${ran.stderr}`)
        assert.match(
          ran.stderr,
          kind === "sqlite" ? /the store sqlite:.*store\.db does not exist/ : /is not a dangjian store/
        )
      }
      if (kind === "sqlite") assert.isFalse(existsSync(join(cwd, "store.db")))
      else {
        const schemas = await sql((client) =>
          client<{ n: string }>`SELECT count(*)::text AS n FROM pg_namespace WHERE nspname = ${
            (store as ReturnType<typeof postgresStore>).schema
          }`
        )
        assert.strictEqual(schemas[0]!.n, "0", "no schema was created")
      }

      assert.strictEqual(run(cwd, ["import", write(cwd, "ok.csv", month1), "--store", store.spec]).code, 0)
      const events = await store.events()
      const demo = run(cwd, ["demo", "--store", store.spec])
      assert.strictEqual(demo.code, 6)
      assert.include(demo.stderr, `already holds ${events} events that are not the demo's`)
      assert.strictEqual(await store.events(), events)

      if (kind === "postgres") {
        const pg = store as ReturnType<typeof postgresStore>
        // A read-only role reads.
        const role = `dj_reader_${pg.schema.slice(-6)}`
        await sql((client) =>
          Effect.gen(function*() {
            yield* client.unsafe(`CREATE ROLE ${role} LOGIN`).raw
            yield* client.unsafe(`GRANT USAGE ON SCHEMA "${pg.schema}" TO ${role}`).raw
            yield* client.unsafe(`GRANT SELECT ON ALL TABLES IN SCHEMA "${pg.schema}" TO ${role}`).raw
          })
        )
        try {
          const read = run(cwd, ["report", "--store", pg.url(role), "--as-of", "2026-06-30", "--format", "json"])
          assert.strictEqual(read.code, 0, read.stderr)
          assert.isTrue(has(findingsOf(read.stdout), "R16", "east"))
          const tree = run(cwd, ["tree", "--store", pg.url(role)])
          assert.strictEqual(tree.code, 0, tree.stderr)
          // Writing as that role fails as a store error, and writes nothing.
          const write2 = run(cwd, ["exec", "--store", pg.url(role)], { input: jsonl(monthCommands.slice(0, 1)) })
          assert.strictEqual(write2.code, 4, write2.stderr)
          assert.strictEqual(await store.events(), events)
        } finally {
          await sql((client) =>
            Effect.gen(function*() {
              yield* client.unsafe(`REVOKE ALL ON ALL TABLES IN SCHEMA "${pg.schema}" FROM ${role}`).raw
              yield* client.unsafe(`REVOKE USAGE ON SCHEMA "${pg.schema}" FROM ${role}`).raw
              yield* client.unsafe(`DROP ROLE ${role}`).raw
            })
          )
        }
        // A password in the URL is never printed, whatever happens.
        const secret = new URL(pg.url())
        secret.password = "s3cret-pw"
        secret.port = "1"
        for (
          const args of [["report"], ["demo"], ["report", "--as-of", "nope"], ["report", "--bogus", secret.toString()]]
        ) {
          const ran = run(cwd, [...args, "--store", secret.toString()])
          assert.notStrictEqual(ran.code, 0)
          assert.notInclude(ran.stdout + ran.stderr, "s3cret-pw", args.join(" "))
          if (args.length === 1) assert.include(ran.stderr, ":***@127.0.0.1:1/", args.join(" "))
        }
      }
    })
  })
}

describe("dangjian: the demo, languages and usage errors", () => {
  it("demo writes into its own store, again writes nothing; the guide's schema commands", () => {
    const cwd = workdir()
    const first = run(cwd, ["demo"])
    assert.strictEqual(first.code, 0, first.stderr)
    assert.include(first.stderr, "demo township written to sqlite:./dangjian-demo.db")
    assert.isTrue(existsSync(join(cwd, "dangjian-demo.db")))
    assert.isFalse(existsSync(join(cwd, "dangjian.db")))
    const again = run(cwd, ["demo"])
    assert.strictEqual(again.code, 0, again.stderr)
    assert.include(again.stderr, "already in sqlite:./dangjian-demo.db; nothing was written")
    assert.strictEqual(again.stdout, first.stdout)
    // The README's filter example, on the demo's township.
    const demoStore = ["--store", "sqlite:dangjian-demo.db"]
    const filtered = run(cwd, [
      "report",
      ...demoStore,
      "--org",
      "donghu",
      "--rule",
      "R16,R19",
      "--severity",
      "violation",
      "--pillar",
      "organization"
    ])
    assert.strictEqual(filtered.code, 0, filtered.stderr)
    assert.match(
      filtered.stdout,
      /^Findings as of \d{4}-\d{2}-\d{2}\n1 findings: 1 violations, 0 warnings, 0 notices\n/
    )
    assert.match(filtered.stdout, /violation +R16 +东湖村党支部 \[donghu\]/)
    // exec --atomic from standard input: a command the rules accept, written once.
    const atomic = run(cwd, ["exec", "--atomic", ...demoStore], {
      input: `${
        JSON.stringify({ _tag: "RecordParticipation", memberId: "donghu-001", kind: "dues", at: "2026-01-05" })
      }\n`
    })
    assert.strictEqual(atomic.code, 0, atomic.stderr)
    assert.match(atomic.stdout, /^line 1: accepted RecordParticipation: ParticipationRecorded\n$/)
    assert.include(atomic.stderr, "1 accepted, 0 rejected; 1 events written")
    const schema = run(cwd, ["schema"])
    assert.strictEqual(schema.code, 0, schema.stderr)
    assert.strictEqual(JSON.parse(schema.stdout).$schema, "https://json-schema.org/draft/2020-12/schema")
    const split = run(cwd, ["schema", "--split", "schemas"])
    assert.strictEqual(split.code, 0, split.stderr)
    assert.isTrue(existsSync(join(cwd, "schemas", "commands.schema.json")))
  })

  it("Chinese first: help, usage errors (exit 2, help on stderr) and messages in zh-CN; en with --lang en or LANG", () => {
    const cwd = workdir()
    const zh = { LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined }
    const help = run(cwd, ["--help"], { env: zh })
    assert.strictEqual(help.code, 0)
    assert.include(help.stdout, "用法:dangjian <命令>")
    assert.include(help.stdout, "demo    把示例乡镇写入空的存储")
    const usage = run(cwd, ["report", "--formt", "json"], { env: zh })
    assert.strictEqual(usage.code, 2)
    assert.strictEqual(usage.stdout, "")
    assert.match(usage.stderr, /^未知的选项 --formt;是不是 --format\?\n\n显示截至某日的检查结果/)
    assert.include(usage.stderr, "用法:dangjian report [选项]")
    const en = run(cwd, ["report", "--formt", "json", "--lang", "en"], { env: zh })
    assert.strictEqual(en.code, 2)
    assert.match(en.stderr, /^unknown option --formt; did you mean --format\?\n\nprint the findings/)
    const fromLang = run(cwd, ["reprot"], { env: { LANG: "en_GB.UTF-8" } })
    assert.strictEqual(fromLang.code, 2)
    assert.match(fromLang.stderr, /^unknown command reprot; did you mean report\?/)
    const noCommand = run(cwd, [], { env: zh })
    assert.strictEqual(noCommand.code, 2)
    assert.match(noCommand.stderr, /^没有给出命令\n/)
    const badDate = run(cwd, ["report", "--as-of", "2026-02-30"], { env: zh })
    assert.strictEqual(badDate.code, 2)
    assert.match(badDate.stderr, /^--as-of:不接受“2026-02-30”/)
    const badStore = run(cwd, ["report", "--store", "mysql://x"], { env: zh })
    assert.strictEqual(badStore.code, 2)
    assert.include(badStore.stderr, "--store:不接受“mysql://x”")
    const missing = run(cwd, ["report", "--store", "sqlite:cuonty.db"], { env: zh })
    assert.strictEqual(missing.code, 4)
    assert.strictEqual(missing.stderr, "存储 sqlite:cuonty.db 不存在(请检查文件名);只读命令不会新建存储\n")
    assert.isFalse(existsSync(join(cwd, "cuonty.db")))
  })

  it("the Mermaid tree gives 东村 and 西村 their own nodes and shows names as written", () => {
    const cwd = workdir()
    const roster = write(cwd, "cjk.csv", [
      "组织编号,组织名称,组织类型,所在地类型,上级组织编号,批准机关,批准级别,批准日期,党员编号",
      "镇,镇<b>党委</b>,乡镇党委,乡镇,,县委组织部,县级,2019-03-01,",
      ...["1", "2", "3"].map((i) => `东村,"东村""党支部""",党支部,村,镇,镇党委,乡镇,2019-03-01,d${i}`),
      ...["1", "2", "3"].map((i) => `西村,西村党支部 #1;,党支部,村,镇,镇党委,乡镇,2019-03-01,x${i}`)
    ])
    assert.strictEqual(run(cwd, ["import", roster, "--store", "sqlite:cjk.db"]).code, 0)
    const chart = run(cwd, ["tree", "--store", "sqlite:cjk.db", "--format", "mermaid"]).stdout
    const nodes = chart.split("\n").filter((l) => l.includes("[\"")).map((l) => l.trim().split("[")[0])
    assert.strictEqual(new Set(nodes).size, 3)
    assert.notInclude(chart, "<b>")
    assert.include(chart, "镇#60;b#62;党委#60;/b#62;")
    assert.include(chart, "东村#34;党支部#34;")
    assert.include(chart, "西村党支部 #35;1#59;")
    assert.strictEqual(readFileSync(roster, "utf8").length > 0, true)
  })
})
