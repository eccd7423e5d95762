// Drives the built `dangjian` binary (dist/bin.js, built on demand) in temporary directories, as a user would.
import { Ajv2020 } from "ajv/dist/2020.js"
import { Result, Schema } from "effect"
import { spawnSync } from "node:child_process"
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import { assert, beforeAll, describe, it } from "vitest"
import { Output } from "../src/index.ts"
import { workdir } from "./support/cli.ts"
import { findNodeBelow } from "./support/oldNode.ts"

const packageDir = join(import.meta.dirname, "..")
const bin = join(packageDir, "dist", "bin.js")
const fixtures = join(import.meta.dirname, "fixtures")

beforeAll(() => {
  if (!existsSync(bin)) {
    const built = spawnSync("pnpm", ["build"], { cwd: packageDir, encoding: "utf8" })
    assert.strictEqual(built.status, 0, built.stderr)
  }
}, 180_000)

const run = (cwd: string, ...args: Array<string>) => {
  // Progress lines go to stderr; the assertions here read the messages.
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, LANG: "en_US.UTF-8" },
    timeout: 170_000,
    maxBuffer: 256 * 1024 * 1024
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const compile = (schema: object) => new Ajv2020({ strict: true }).compile(schema)

const eventCount = (file: string): number => {
  if (!existsSync(file)) return 0
  const db = new DatabaseSync(file, { readOnly: true })
  const n = (db.prepare("SELECT count(*) AS n FROM dangjian_events").get() as { n: number }).n
  db.close()
  return n
}

// The streams of a category (`member`, `agreement`, …) in the store, straight from SQLite.
const streamCount = (file: string, category: string): number => {
  const db = new DatabaseSync(file, { readOnly: true })
  const n = (db.prepare("SELECT count(DISTINCT stream_id) AS n FROM dangjian_events WHERE stream_id LIKE ?").get(
    `${category}-%`
  ) as { n: number }).n
  db.close()
  return n
}

// Whole months from one date to another, as a county office counts them (2026-01-15 → 2026-07-15 is 6).
const monthsBetween = (from: string, to: string): number => {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number]
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number]
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0)
}

// The independent oracle: per organization, all and full members, straight from the CSV.
const rosterCounts = (file: string) => {
  const lines = readFileSync(file, "utf8").trim().split("\n").slice(1).map((l) => l.split(","))
  const orgs = new Map<string, { all: number; full: number }>()
  for (const cols of lines) {
    if (cols[8] === undefined || cols[8] === "") continue
    const entry = orgs.get(cols[0]!) ?? { all: 0, full: 0 }
    entry.all++
    if (cols[9] === "正式") entry.full++
    orgs.set(cols[0]!, entry)
  }
  return orgs
}

// The oracle of membership findings as of a date, straight from the CSV: probations ended (R37) and members
// 6 months or more without organizational life or dues, counted from the establishment when none is recorded
// (R39 lapsed), or 3 to 5 months (R39 early warning).
const memberOracle = (file: string, asOf: string) => {
  const lines = readFileSync(file, "utf8").trim().split("\n").slice(1).map((l) => l.split(","))
  const probationEnded = new Set<string>()
  const lapsed = new Set<string>()
  const warned = new Set<string>()
  for (const cols of lines) {
    const memberId = cols[8]
    if (memberId === undefined || memberId === "") continue
    if (cols[9] === "预备" && cols[10] !== "" && cols[10]! <= asOf) probationEnded.add(memberId)
    const months = [cols[11], cols[12]].map((date) => monthsBetween(date === "" ? cols[7]! : date!, asOf))
    if (months.some((m) => m >= 6)) lapsed.add(memberId)
    if (months.some((m) => m >= 3 && m < 6)) warned.add(memberId)
  }
  return { probationEnded, lapsed, warned }
}

describe("dangjian (built binary)", () => {
  it("demo writes the township into ./dangjian-demo.db and prints the tree and the findings; again writes nothing", () => {
    const cwd = workdir()
    const first = run(cwd, "demo")
    assert.strictEqual(first.code, 0, first.stderr)
    assert.include(first.stdout, "东湖村党支部")
    assert.include(first.stdout, "幸福社区党支部 [xingfu] (FM 8, AM 8)")
    assert.include(first.stdout, "Findings as of")
    // Organization findings
    assert.match(
      first.stdout,
      /violation +R16 +幸福社区党支部 \[xingfu\] +幸福社区党支部 \[xingfu\] has 8 full members/
    )
    assert.match(first.stdout, /warning +R22 +南山村党支部 \[nanshan\]/)
    assert.include(first.stdout, "due         severity   rule  subject")
    // Membership findings: probation ended (R37), lapse (R39), expired letter (R43), mobile member without a
    // contact person (R45), resettled members (R46), the community's feedback (R47)
    assert.include(first.stdout, "Membership (")
    assert.match(first.stdout, /warning +R37 +donghu-p01 /)
    assert.match(first.stdout, /warning +R39 +nanshan-004 /)
    assert.match(first.stdout, /notice +R39 +xiling-060 /)
    assert.match(first.stdout, /warning +R43 +tr-xiling-020 /)
    assert.match(first.stdout, /warning +R45 +xiling-050 /)
    assert.match(first.stdout, /notice +R46 +nanshan-002 /)
    assert.match(first.stdout, /warning +R47 +ci-nanshan-003 /)
    // Agreement findings: the department–community agreement missed its second report (R50); the
    // village–enterprise agreement is in order
    assert.include(first.stdout, "Joint building (1)")
    assert.match(first.stdout, /warning +R50 +weijian-xingfu .*period 2/)
    assert.notInclude(first.stdout, "donghu-lvyuan")
    // Member streams through the membership pillar, two agreements, one unit check-in
    const db = join(cwd, "dangjian-demo.db")
    assert.isFalse(existsSync(join(cwd, "dangjian.db")))
    assert.strictEqual(streamCount(db, "member"), 169)
    assert.strictEqual(streamCount(db, "agreement"), 2)
    assert.strictEqual(streamCount(db, "unitcheckin"), 1)
    const events = eventCount(db)
    assert.isAbove(events, 500)
    const again = run(cwd, "demo")
    assert.strictEqual(again.code, 0, again.stderr)
    assert.include(again.stderr, "nothing was written")
    assert.strictEqual(eventCount(db), events)
    assert.strictEqual(again.stdout, first.stdout)
  })

  it("demo in zh-CN prints the three pillars' findings", () => {
    const cwd = workdir()
    const zh = run(cwd, "demo", "--lang", "zh-CN")
    assert.strictEqual(zh.code, 0, zh.stderr)
    assert.include(zh.stdout, "组织设置 (")
    assert.include(zh.stdout, "党员管理 (")
    assert.include(zh.stdout, "结对共建 (1)")
  })

  it("imports a roster of 10,000 members; counts and findings agree with the file", () => {
    const cwd = workdir()
    const file = join(fixtures, "roster-10000.csv")
    const started = performance.now()
    const imported = run(cwd, "import", file)
    const seconds = (performance.now() - started) / 1000
    assert.strictEqual(imported.code, 0, imported.stderr)
    assert.isBelow(seconds, 30, `import took ${seconds.toFixed(1)} s`)
    // Every member of the roster has a member stream of their own (R38)
    assert.strictEqual(streamCount(join(cwd, "dangjian.db"), "member"), 10_000)
    const oracle = rosterCounts(file)
    const total = [...oracle.values()].reduce((n, o) => n + o.all, 0)
    assert.strictEqual(total, 10_000)
    assert.include(imported.stdout, `imported ${oracle.size + 1} organizations and 10000 members`)

    const report = run(cwd, "report", "--as-of", "2026-06-30", "--format", "json")
    assert.strictEqual(report.code, 0, report.stderr)
    const json = JSON.parse(report.stdout)
    // The report validates against its own documented schema.
    assert.isTrue(Result.isSuccess(Schema.decodeUnknownResult(Output.ReportJson)(json)))
    const subjects = (ruleId: string) =>
      new Set(
        json.findings.filter((f: { ruleId: string }) => f.ruleId === ruleId).map((f: { subject: { id: string } }) =>
          f.subject.id
        )
      )
    const over50 = [...oracle].filter(([, o]) => o.all > 50).map(([id]) => id)
    const atLeast100 = [...oracle].filter(([, o]) => o.all >= 100).map(([id]) => id)
    const committeeDue = [...oracle].filter(([, o]) => o.full >= 7).map(([id]) => id)
    assert.deepStrictEqual([...subjects("R3")].sort(), over50.sort())
    assert.deepStrictEqual([...subjects("R5")].sort(), atLeast100.sort())
    assert.deepStrictEqual([...subjects("R16")].sort(), committeeDue.sort())
    // Membership findings after the import, against the file
    const members = memberOracle(file, "2026-06-30")
    const coded = (code: string) =>
      new Set(
        json.findings.filter((f: { code: string }) => f.code === code).map((f: { subject: { id: string } }) =>
          f.subject.id
        )
      )
    assert.isAbove(members.lapsed.size, 0)
    assert.isAbove(members.probationEnded.size, 0)
    assert.deepStrictEqual(
      [...coded("member.finding.probationDiscussionDue")].sort(),
      [...members.probationEnded].sort()
    )
    assert.deepStrictEqual([...coded("member.finding.lapsed")].sort(), [...members.lapsed].sort())
    assert.deepStrictEqual([...coded("member.finding.lapseWarning")].sort(), [...members.warned].sort())
    assert.strictEqual(
      json.byPillar.membership,
      json.findings.filter((f: { pillar: string }) => f.pillar === "membership").length
    )

    const tree = run(cwd, "tree")
    assert.strictEqual(tree.code, 0, tree.stderr)
    assert.include(tree.stdout, "FM 0, AM 0")
    assert.strictEqual(tree.stdout.trim().split("\n").length, oracle.size + 1)
  })

  it("a roster with bad rows fails with every line number and reason and leaves the store unchanged", () => {
    const cwd = workdir()
    assert.strictEqual(run(cwd, "demo", "--store", "sqlite:dangjian.db").code, 0)
    const before = eventCount(join(cwd, "dangjian.db"))
    const result = run(cwd, "import", join(fixtures, "roster-bad.csv"))
    assert.strictEqual(result.code, 3)
    assert.include(result.stderr, "line 6: locus (所在地类型): \"planet\" is not one of village 村 | community 社区")
    assert.include(result.stderr, "line 7: approvedAt (批准日期): \"2019-02-30\" is not a date")
    assert.include(result.stderr, "line 8: member v1-m1 is listed twice (first on line 3)")
    assert.include(result.stderr, "line 10: lastOrgLifeAt (最近组织生活日期): \"2026-13-01\" is not a date")
    assert.include(result.stderr, "line 11: probationEndsAt (预备期满日期) is for a probationary member only")
    assert.include(
      result.stderr,
      "line 11: lastDuesAt (最近交纳党费日期): 2018-12-01 is before the organization's approval on 2019-03-01"
    )
    assert.include(result.stderr, "import failed: 5 rows with errors; nothing was written")
    assert.strictEqual(eventCount(join(cwd, "dangjian.db")), before)
    // Once the rows are right, the parent that is nowhere is named.
    const lines = readFileSync(join(fixtures, "roster-bad.csv"), "utf8").trim().split("\n")
    writeFileSync(join(cwd, "parent.csv"), `${[lines[0], lines[1], lines[8]].join("\n")}\n`)
    const parent = run(cwd, "import", "parent.csv")
    assert.strictEqual(parent.code, 3)
    assert.include(parent.stderr, "line 3: parent organization nowhere is neither in the file nor in the store")
    assert.strictEqual(eventCount(join(cwd, "dangjian.db")), before)
  })

  it("R1: rows the rules reject fail with their lines and the rule, and nothing is written", () => {
    const cwd = workdir()
    const result = run(cwd, "import", join(fixtures, "roster-rejected.csv"))
    assert.strictEqual(result.code, 3)
    for (const line of [3, 4, 5]) assert.match(result.stderr, new RegExp(`line ${line}: rejected: \\[R1\\]`))
    assert.strictEqual(eventCount(join(cwd, "dangjian.db")), 0)
  })

  it("tree as Mermaid, Markdown report, zh-CN output, and usage errors", () => {
    const cwd = workdir()
    assert.strictEqual(run(cwd, "demo", "--store", "sqlite:dangjian.db").code, 0)
    assert.match(run(cwd, "tree", "--format", "mermaid").stdout, /^flowchart TD\n/)
    const markdown = run(cwd, "report", "--as-of", "2026-06-30", "--format", "markdown")
    assert.match(markdown.stdout, /^# Findings as of 2026-06-30/)
    assert.include(markdown.stdout, "| due | severity | rule | subject | finding |")
    // The JSON report of the demo: subjects of every kind, and it validates against its documented schema
    const demoJson = JSON.parse(run(cwd, "report", "--format", "json").stdout)
    assert.isTrue(Result.isSuccess(Schema.decodeUnknownResult(Output.ReportJson)(demoJson)))
    assert.includeMembers(
      [...new Set(demoJson.findings.map((f: { subject: { kind: string } }) => f.subject.kind))],
      ["organization", "member", "transfer", "checkIn", "agreement"]
    )
    assert.deepStrictEqual(demoJson.byPillar, {
      organization: demoJson.findings.filter((f: { pillar: string }) => f.pillar === "organization").length,
      membership: 9,
      agreement: 1,
      orgLife: 0,
      dues: 0,
      development: 0
    })
    const zh = run(cwd, "report", "--as-of", "2026-06-30", "--lang", "zh-CN")
    assert.include(zh.stdout, "截至 2026-06-30 的检查结果")
    const badStore = run(cwd, "report", "--store", "mysql://x")
    assert.strictEqual(badStore.code, 2)
    assert.include(badStore.stderr, "--store: \"mysql://x\" is not accepted")
    const badDate = run(cwd, "report", "--as-of", "2026-02-30")
    assert.strictEqual(badDate.code, 2)
  })

  // What a team in another language feeds its validator: one document (the old output, `{ commands, events }`,
  // was no schema and let `{"_tag":"Nonsense"}` through), or with --split one file per kind.
  it("schema prints one JSON Schema that Ajv compiles strictly; --split writes commands and events", () => {
    const cwd = workdir()
    const printed = run(cwd, "schema")
    assert.strictEqual(printed.code, 0, printed.stderr)
    const one = compile(JSON.parse(printed.stdout))
    assert.isFalse(one({ _tag: "Nonsense" }))
    assert.isTrue(one({ _tag: "RecordReturn", memberId: "m1", at: "2024-09-01" }))
    assert.isFalse(one({ _tag: "RecordReturn", memberId: "m1", at: "2024-02-30" }))
    assert.isTrue(one({ _tag: "CouncilDissolved", councilId: "c1", at: "2024-09-01" }))

    const split = run(cwd, "schema", "--split", join("schemas", "v1"), "--lang", "en")
    assert.strictEqual(split.code, 0, split.stderr)
    assert.strictEqual(split.stdout, "")
    assert.include(split.stderr, join("schemas", "v1", "commands.schema.json"))
    const read = (file: string) => JSON.parse(readFileSync(join(cwd, "schemas", "v1", file), "utf8")) as object
    const commands = compile(read("commands.schema.json"))
    const events = compile(read("events.schema.json"))
    assert.isTrue(commands({ _tag: "RecordReturn", memberId: "m1", at: "2024-09-01" }))
    assert.isFalse(events({ _tag: "RecordReturn", memberId: "m1", at: "2024-09-01" }))
    assert.isTrue(events({ _tag: "CouncilDissolved", councilId: "c1", at: "2024-09-01" }))
    assert.isFalse(commands({ _tag: "CouncilDissolved", councilId: "c1", at: "2024-09-01" }))

    writeFileSync(join(cwd, "a-file"), "")
    const unwritable = run(cwd, "schema", "--split", join("a-file", "schemas"), "--lang", "en")
    assert.strictEqual(unwritable.code, 1)
    assert.include(unwritable.stderr, "cannot write")
  })
})

// The executable itself: `--version` prints the package's version, and a Node.js too old for
// @effect/platform-node and undici gets one line naming the version needed, never a loader error.
describe("dangjian (built binary): version and Node.js check", () => {
  const version = (JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string }).version

  // A dist/ built before the Node.js check (no main.js), or before bin.ts or main.ts last changed, is old code.
  beforeAll(() => {
    const main = join(packageDir, "dist", "main.js")
    const builtAt = existsSync(main) ? Math.min(statSync(main).mtimeMs, statSync(bin).mtimeMs) : 0
    const editedAt = Math.max(...["bin.ts", "main.ts"].map((f) => statSync(join(packageDir, "src", f)).mtimeMs))
    if (builtAt < editedAt) {
      const built = spawnSync("pnpm", ["build"], { cwd: packageDir, encoding: "utf8" })
      assert.strictEqual(built.status, 0, built.stderr)
    }
  }, 180_000)

  it("--version prints the version in package.json, from dist/ and from source", () => {
    const built = run(workdir(), "--version")
    assert.strictEqual(built.code, 0, built.stderr)
    assert.strictEqual(built.stdout.trim(), `dangjian v${version}`)
    const source = spawnSync(process.execPath, [join(packageDir, "src", "bin.ts"), "--version"], {
      encoding: "utf8",
      timeout: 60_000
    })
    assert.strictEqual(source.status, 0, source.stderr)
    assert.strictEqual(source.stdout.trim(), `dangjian v${version}`)
  })

  const old = findNodeBelow(22, 19)
  it.skipIf(old === undefined)(
    old === undefined
      ? "on an old Node: skipped, no Node.js < 22.19 on PATH, /usr/local/bin or /usr/bin"
      : `on ${old.version} (${old.path}) it prints one line naming Node.js 22.19 and exits with 1`,
    () => {
      const line = `dangjian 需要 Node.js ≥ 22.19(当前是 ${old!.version}):@effect/platform-node 与 undici 需要它 / `
        + `dangjian needs Node.js ≥ 22.19 (this is ${old!.version}): @effect/platform-node and undici need it\n`
      for (const args of [["--version"], ["demo"], ["report", "--lang", "en"]]) {
        const cwd = workdir()
        const result = spawnSync(old!.path, [bin, ...args], { cwd, encoding: "utf8", timeout: 60_000 })
        assert.deepStrictEqual(
          { code: result.status, stdout: result.stdout, stderr: result.stderr },
          { code: 1, stdout: "", stderr: line },
          args.join(" ")
        )
        assert.isFalse(existsSync(join(cwd, "dangjian.db")))
      }
    }
  )
})
