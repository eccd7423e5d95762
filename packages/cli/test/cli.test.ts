// Drives the built `dangjian` binary (dist/bin.js, built on demand) in temporary directories, as a user would.
import { Result, Schema } from "effect"
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import { assert, beforeAll, describe, it } from "vitest"
import { Output } from "../src/index.ts"

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
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, LANG: "en_US.UTF-8" },
    timeout: 170_000
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const workdir = () => mkdtempSync(join(tmpdir(), "dangjian-cli-"))

const eventCount = (file: string): number => {
  if (!existsSync(file)) return 0
  const db = new DatabaseSync(file, { readOnly: true })
  const n = (db.prepare("SELECT count(*) AS n FROM dangjian_events").get() as { n: number }).n
  db.close()
  return n
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

describe("dangjian (built binary)", () => {
  it("demo writes the township into ./dangjian.db and prints the tree and the findings; again writes nothing", () => {
    const cwd = workdir()
    const first = run(cwd, "demo")
    assert.strictEqual(first.code, 0, first.stderr)
    assert.include(first.stdout, "东湖村党支部")
    assert.include(first.stdout, "Findings as of")
    assert.match(first.stdout, /R16 +xingfu/)
    const events = eventCount(join(cwd, "dangjian.db"))
    assert.isAbove(events, 100)
    const again = run(cwd, "demo")
    assert.strictEqual(again.code, 0, again.stderr)
    assert.strictEqual(eventCount(join(cwd, "dangjian.db")), events)
  })

  it("imports a roster of 10,000 members; counts and findings agree with the file", () => {
    const cwd = workdir()
    const file = join(fixtures, "roster-10000.csv")
    const imported = run(cwd, "import", file)
    assert.strictEqual(imported.code, 0, imported.stderr)
    const oracle = rosterCounts(file)
    const members = [...oracle.values()].reduce((n, o) => n + o.all, 0)
    assert.strictEqual(members, 10_000)
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

    const tree = run(cwd, "tree")
    assert.strictEqual(tree.code, 0, tree.stderr)
    assert.include(tree.stdout, "FM 0, AM 0")
    assert.strictEqual(tree.stdout.trim().split("\n").length, oracle.size + 1)
  })

  it("a roster with bad rows fails with every line number and reason and leaves the store unchanged", () => {
    const cwd = workdir()
    assert.strictEqual(run(cwd, "demo").code, 0)
    const before = eventCount(join(cwd, "dangjian.db"))
    const result = run(cwd, "import", join(fixtures, "roster-bad.csv"))
    assert.strictEqual(result.code, 3)
    assert.match(result.stderr, /line 6: locus has an invalid value/)
    assert.match(result.stderr, /line 7: approvedAt has an invalid value/)
    assert.match(result.stderr, /line 8: member v1-m1 appears twice \(first on line 3\)/)
    assert.match(result.stderr, /line 9: parent organization nowhere is neither in the file nor in the store/)
    assert.include(result.stderr, "nothing was written")
    assert.strictEqual(eventCount(join(cwd, "dangjian.db")), before)
  })

  it("R1: rows the rules reject fail with their lines and the rule, and nothing is written", () => {
    const cwd = workdir()
    const result = run(cwd, "import", join(fixtures, "roster-rejected.csv"))
    assert.strictEqual(result.code, 3)
    for (const line of [3, 4, 5]) assert.match(result.stderr, new RegExp(`line ${line}: rejected: \\[R1\\]`))
    assert.strictEqual(eventCount(join(cwd, "dangjian.db")), 0)
  })

  it("tree as Mermaid, Markdown report, zh-CN output, JSON Schema, and usage errors", () => {
    const cwd = workdir()
    assert.strictEqual(run(cwd, "demo").code, 0)
    assert.match(run(cwd, "tree", "--format", "mermaid").stdout, /^flowchart TD\n/)
    const markdown = run(cwd, "report", "--as-of", "2026-06-30", "--format", "markdown")
    assert.match(markdown.stdout, /^# Findings as of 2026-06-30/)
    assert.include(markdown.stdout, "| due | rule | subject | finding |")
    const zh = run(cwd, "report", "--as-of", "2026-06-30", "--lang", "zh-CN")
    assert.include(zh.stdout, "截至 2026-06-30 的检查结果")
    const schema = JSON.parse(run(cwd, "schema").stdout)
    assert.include(JSON.stringify(schema.commands), "EstablishOrganization")
    assert.include(JSON.stringify(schema.events), "OrganizationEstablished")
    const badStore = run(cwd, "report", "--store", "mysql://x")
    assert.strictEqual(badStore.code, 2)
    assert.include(badStore.stderr, "invalid --store")
    const badDate = run(cwd, "report", "--as-of", "2026-02-30")
    assert.notStrictEqual(badDate.code, 0)
  })
})
