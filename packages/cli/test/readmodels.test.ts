// The read side from outside, on SQLite and PostgreSQL: `dangjian import` leaves the read models current,
// `report` and `tree` answer from them (shown by damaging the log under them: they still answer, while a replay
// of the log fails), and `dangjian replay` rebuilds exactly them, after which the answers are the same.
import { Compliance, Dangjian, FindingsIndex } from "@dangjian/core"
import { Effect } from "effect"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import { afterAll, assert, beforeAll, describe, it } from "vitest"
import { ensureBuilt, fixtures, pgUnreachable, postgresStore, run, sql, sqliteStore, workdir } from "./support/cli.ts"
import type { TestStore } from "./support/cli.ts"

beforeAll(ensureBuilt, 300_000)

// Exactly the read models the compliance view is built from.
const readModelNames = Compliance.readModels.map((model) => model.name).sort()
// And the findings index of the CLI's policies, which `report --summary` counts from.
const findingsIndex = FindingsIndex.modelOf(Dangjian.defaultPolicies).name

interface Access {
  /** Checkpoints of the read models, by name (of a name's versions, the lowest's). */
  readonly checkpoints: () => Promise<Record<string, number>>
  /** Rows of one read model. */
  readonly rows: (name: string) => Promise<number>
  /** Overwrites the data of the first `n` events with data no codec decodes. */
  readonly damageLog: (n: number) => Promise<void>
  /** Deletes the rows of one read model (its checkpoint stays). */
  readonly deleteRows: (name: string) => Promise<void>
  /** Writes a row and a checkpoint of a read model's version, as another release would have. */
  readonly putRow: (name: string, version: number, key: string) => Promise<void>
  /** The versions of a read model with rows or a checkpoint, each with its rows. */
  readonly versions: (name: string) => Promise<Record<number, number>>
}

const sqliteAccess = (file: string): Access => {
  const query = <A>(f: (db: DatabaseSync) => A): A => {
    const db = new DatabaseSync(file)
    try {
      return f(db)
    } finally {
      db.close()
    }
  }
  return {
    checkpoints: async () =>
      Object.fromEntries(
        query((db) =>
          db.prepare("SELECT name, position FROM dangjian_read_model_checkpoints ORDER BY version DESC").all() as Array<
            { name: string; position: number }
          >
        ).map((r) => [r.name, Number(r.position)])
      ),
    rows: async (name) =>
      query((db) =>
        Number(
          (db.prepare("SELECT count(*) AS n FROM dangjian_read_model_rows WHERE name = ?").get(name) as { n: number }).n
        )
      ),
    damageLog: async (n) => {
      query((db) =>
        db.prepare(`UPDATE dangjian_events SET data = '{"damaged":true}' WHERE global_position <= ?`).run(n)
      )
    },
    deleteRows: async (name) => {
      query((db) => db.prepare("DELETE FROM dangjian_read_model_rows WHERE name = ?").run(name))
    },
    putRow: async (name, version, key) => {
      query((db) => {
        db.prepare("INSERT INTO dangjian_read_model_rows (name, version, key, row) VALUES (?, ?, ?, '[1]')").run(
          name,
          version,
          key
        )
        db.prepare("INSERT OR REPLACE INTO dangjian_read_model_checkpoints (name, version, position) VALUES (?, ?, 1)")
          .run(name, version)
      })
    },
    versions: async (name) =>
      Object.fromEntries(
        query((db) =>
          db.prepare(`SELECT c.version AS version, (SELECT count(*) FROM dangjian_read_model_rows AS r
            WHERE r.name = c.name AND r.version = c.version) AS n FROM dangjian_read_model_checkpoints AS c
            WHERE c.name = ? UNION SELECT version, count(*) FROM dangjian_read_model_rows WHERE name = ?
            GROUP BY version`).all(name, name) as Array<{ version: number; n: number }>
        ).map((r) => [Number(r.version), Number(r.n)])
      )
  }
}

const postgresAccess = (schema: string): Access => ({
  checkpoints: () =>
    sql((client) =>
      Effect.map(
        client.unsafe<{ name: string; position: string | number }>(
          `SELECT name, position FROM "${schema}".read_model_checkpoints ORDER BY version DESC`
        ),
        (rows) => Object.fromEntries(rows.map((r) => [r.name, Number(r.position)]))
      )
    ),
  rows: (name) =>
    sql((client) =>
      Effect.map(
        client.unsafe<{ n: string | number }>(`SELECT count(*) AS n FROM "${schema}".read_model_rows WHERE name = $1`, [
          name
        ]),
        (rows) => Number(rows[0]!.n)
      )
    ),
  damageLog: (n) =>
    sql((client) =>
      client.unsafe(`UPDATE "${schema}".events SET data = '{"damaged":true}' WHERE global_position <= $1`, [n]).raw
        .pipe(Effect.asVoid)
    ),
  deleteRows: (name) =>
    sql((client) =>
      client.unsafe(`DELETE FROM "${schema}".read_model_rows WHERE name = $1`, [name]).raw.pipe(Effect.asVoid)
    ),
  putRow: (name, version, key) =>
    sql((client) =>
      Effect.andThen(
        client.unsafe(
          `INSERT INTO "${schema}".read_model_rows (name, version, key, row) VALUES ($1, $2, $3, '[1]')`,
          [name, version, key]
        ).raw,
        client.unsafe(
          `INSERT INTO "${schema}".read_model_checkpoints (name, version, position) VALUES ($1, $2, 1)
            ON CONFLICT (name, version) DO NOTHING`,
          [name, version]
        ).raw
      ).pipe(Effect.asVoid)
    ),
  versions: (name) =>
    sql((client) =>
      Effect.map(
        client.unsafe<{ version: number; n: string | number }>(
          `SELECT v.version, (SELECT count(*) FROM "${schema}".read_model_rows AS r
            WHERE r.name = $1 AND r.version = v.version) AS n FROM (
              SELECT version FROM "${schema}".read_model_checkpoints WHERE name = $1
              UNION SELECT version FROM "${schema}".read_model_rows WHERE name = $1) AS v`,
          [name]
        ),
        (rows) => Object.fromEntries(rows.map((r) => [Number(r.version), Number(r.n)]))
      )
    )
})

interface Counts {
  readonly total: number
  readonly counts: Record<string, number>
  readonly byRule: Record<string, Record<string, number>>
  readonly byOrganization: ReadonlyMap<string, ReadonlyMap<string, number>>
}

/** What `report --summary --format json` counts, in one shape. */
const countsOf = (summary: {
  readonly total: number
  readonly counts: Record<string, number>
  readonly byRule: ReadonlyArray<{ readonly ruleId: string; readonly [severity: string]: number | string }>
  readonly byOrganization: ReadonlyArray<{ readonly orgId: string | null; readonly byRule: Record<string, number> }>
}): Counts => ({
  total: summary.total,
  counts: summary.counts,
  byRule: Object.fromEntries(summary.byRule.map(({ ruleId, violation, warning, notice }) => [ruleId, {
    violation: Number(violation),
    warning: Number(warning),
    notice: Number(notice)
  }])),
  byOrganization: new Map(summary.byOrganization.map((o) => [String(o.orgId), new Map(Object.entries(o.byRule))]))
})

/** The same counts, of the findings `report --format json` lists. */
const countsOfReport = (report: {
  readonly findings: ReadonlyArray<
    { readonly ruleId: string; readonly severity: string; readonly orgId: string | null }
  >
}): Counts => {
  const counts: Record<string, number> = { violation: 0, warning: 0, notice: 0 }
  const byRule: Record<string, Record<string, number>> = {}
  // Maps: an organization's id may be `constructor` or `__proto__`.
  const byOrganization = new Map<string, Map<string, number>>()
  for (const f of report.findings) {
    counts[f.severity]!++
    const rule = byRule[f.ruleId] ??= { violation: 0, warning: 0, notice: 0 }
    rule[f.severity]!++
    let org = byOrganization.get(String(f.orgId))
    if (org === undefined) byOrganization.set(String(f.orgId), org = new Map())
    org.set(f.ruleId, (org.get(f.ruleId) ?? 0) + 1)
  }
  return { total: report.findings.length, counts, byRule, byOrganization }
}

const stores: ReadonlyArray<{
  readonly kind: "sqlite" | "postgres"
  readonly make: (cwd: string) => { readonly store: TestStore; readonly access: Access }
}> = [
  {
    kind: "sqlite",
    make: (cwd) => {
      const store = sqliteStore(cwd)
      return { store, access: sqliteAccess(store.spec.slice("sqlite:".length)) }
    }
  },
  {
    kind: "postgres",
    make: () => {
      const store = postgresStore("rm")
      return { store, access: postgresAccess(store.schema) }
    }
  }
]

for (const { kind, make } of stores) {
  describe.skipIf(kind === "postgres" && pgUnreachable !== undefined)(`read models on ${kind}`, () => {
    const dropped: Array<TestStore> = []
    afterAll(async () => {
      for (const store of dropped) await store.drop()
    })

    it("import leaves them current; report and tree read them, not the log; replay rebuilds exactly them", async () => {
      const cwd = workdir()
      const { store, access } = make(cwd)
      dropped.push(store)
      const imported = run(cwd, ["import", join(fixtures, "roster-10000.csv"), "--store", store.spec])
      assert.strictEqual(imported.code, 0, imported.stderr)
      const events = await store.events()
      // The writer caught every read model up to the head.
      const afterImport = await access.checkpoints()
      assert.deepStrictEqual(Object.keys(afterImport).sort(), [...readModelNames, findingsIndex].sort())
      for (const name of [...readModelNames, findingsIndex]) assert.strictEqual(afterImport[name], events, name)
      assert.strictEqual(await access.rows("member.roster"), 10_000)
      assert.strictEqual(await access.rows("organization.tree"), 258)

      const reportArgs = ["report", "--store", store.spec, "--as-of", "2026-06-30", "--format", "json"]
      const report = run(cwd, reportArgs)
      assert.strictEqual(report.code, 0, report.stderr)
      // The summary reads the members a page at a time: it counts what the whole report lists.
      const summary = run(cwd, [...reportArgs, "--summary"])
      assert.strictEqual(summary.code, 0, summary.stderr)
      assert.deepStrictEqual(countsOf(JSON.parse(summary.stdout)), countsOfReport(JSON.parse(report.stdout)))
      assert.isAbove(JSON.parse(summary.stdout).total, 1_000)
      // A branch's summary and report: the report judges the branch's members only, the summary counts them.
      const branchArgs = [...reportArgs, "--org", "v001"]
      const branchReport = run(cwd, branchArgs)
      assert.strictEqual(branchReport.code, 0, branchReport.stderr)
      const branchSummary = run(cwd, [...branchArgs, "--summary"])
      assert.strictEqual(branchSummary.code, 0, branchSummary.stderr)
      assert.deepStrictEqual(
        countsOf(JSON.parse(branchSummary.stdout)),
        countsOfReport(JSON.parse(branchReport.stdout))
      )
      assert.isAbove(JSON.parse(branchSummary.stdout).total, 5)
      const tree = run(cwd, ["tree", "--store", store.spec])
      assert.strictEqual(tree.code, 0, tree.stderr)
      const earlier = run(cwd, ["report", "--store", store.spec, "--as-of", "2019-02-01", "--format", "json"])
      assert.strictEqual(earlier.code, 0, earlier.stderr)
      assert.notStrictEqual(earlier.stdout, report.stdout, "as of another date, other findings")

      // Damage the whole log under the read models: report and tree still answer, the same; a replay cannot.
      await access.damageLog(events)
      const fromRows = run(cwd, reportArgs)
      assert.strictEqual(fromRows.code, 0, fromRows.stderr)
      assert.strictEqual(fromRows.stdout, report.stdout)
      assert.strictEqual(run(cwd, ["tree", "--store", store.spec]).stdout, tree.stdout)

      // The summary counts the members from the findings index: without the members' rows it counts the same, while
      // the report, which lists every finding with its member, has none of theirs.
      await access.deleteRows("member.roster")
      const fromIndex = run(cwd, [...reportArgs, "--summary"])
      assert.strictEqual(fromIndex.code, 0, fromIndex.stderr)
      assert.strictEqual(fromIndex.stdout, summary.stdout)
      const branchFromIndex = run(cwd, [...branchArgs, "--summary"])
      assert.strictEqual(branchFromIndex.code, 0, branchFromIndex.stderr)
      assert.strictEqual(branchFromIndex.stdout, branchSummary.stdout)
      const withoutMembers = JSON.parse(run(cwd, reportArgs).stdout).findings as ReadonlyArray<unknown>
      assert.isBelow(withoutMembers.length, JSON.parse(summary.stdout).total)

      const broken = run(cwd, ["replay", "--store", store.spec])
      assert.notStrictEqual(broken.code, 0, "the damaged log cannot be replayed")
    }, 300_000)

    it(
      "a filtered report judges only the members the findings index says may pass: the same report as judging everyone, for every organization of the demo",
      async () => {
        const cwd = workdir()
        const { store, access } = make(cwd)
        dropped.push(store)
        const demo = run(cwd, ["demo", "--store", store.spec])
        assert.strictEqual(demo.code, 0, demo.stderr)
        const orgs = [
          ...new Set(
            JSON.parse(run(cwd, ["report", "--store", store.spec, "--format", "json"]).stdout)
              .findings.map((f: { readonly orgId: string | null }) => f.orgId).filter((id: string | null) =>
                id !== null
              )
          )
        ]
        assert.isAtLeast(orgs.length, 3)
        const filters = [
          ...orgs.map((org) => ["--org", String(org)]),
          ["--pillar", "membership"],
          ["--rule", "R39,R43"],
          ["--severity", "warning"],
          ["--org", String(orgs[0]), "--pillar", "membership"]
        ]
        const report = (args: ReadonlyArray<string>) => {
          const ran = run(cwd, ["report", "--store", store.spec, "--format", "json", ...args])
          assert.strictEqual(ran.code, 0, ran.stderr)
          return ran.stdout
        }
        const withIndex = filters.map((filter) => [report(filter), report([...filter, "--summary"])] as const)
        for (const [i, [listed, counted]] of withIndex.entries()) {
          assert.deepStrictEqual(
            countsOf(JSON.parse(counted)),
            countsOfReport(JSON.parse(listed)),
            filters[i]!.join(" ")
          )
        }
        // The filters leave findings out (the members the index holds and no filter lets through are not read).
        const total = JSON.parse(report([])).findings.length as number
        assert.isTrue(withIndex.some(([listed]) => JSON.parse(listed).findings.length < total))
        // Without the index every member is judged: the same reports and summaries, byte for byte.
        await access.deleteRows(findingsIndex)
        for (const [i, filter] of filters.entries()) {
          assert.strictEqual(report(filter), withIndex[i]![0], filter.join(" "))
          assert.strictEqual(report([...filter, "--summary"]), withIndex[i]![1], `${filter.join(" ")} --summary`)
        }
      },
      300_000
    )

    it("report and its summary page through members with prototype names like any other", async () => {
      const cwd = workdir()
      const { store } = make(cwd)
      dropped.push(store)
      const org = "constructor,原型社区党支部,党支部,社区,town,城南镇党委,乡镇,2019-03-01"
      const members = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty"]
      const csv = [
        "组织编号,组织名称,组织类型,所在地类型,上级组织编号,批准机关,批准级别,批准日期,党员编号,党员状态,预备期满日期,最近组织生活日期,最近交纳党费日期",
        "town,城南镇党委,乡镇党委,乡镇,,县委,县级,2019-01-15,,,,,",
        ...members.map((id) => `${org},${id},正式,,,`)
      ].join("\n")
      writeFileSync(join(cwd, "awkward.csv"), `${csv}\n`)
      const imported = run(cwd, ["import", "awkward.csv", "--store", store.spec])
      assert.strictEqual(imported.code, 0, imported.stderr)
      const args = ["report", "--store", store.spec, "--as-of", "2027-06-30", "--format", "json"]
      const report = run(cwd, args)
      assert.strictEqual(report.code, 0, report.stderr)
      const findings = JSON.parse(report.stdout).findings as ReadonlyArray<
        { readonly subject: { readonly kind: string; readonly id: string }; readonly orgId: string | null }
      >
      for (const id of members) {
        const own = findings.filter((f) => f.subject.kind === "member" && f.subject.id === id)
        assert.isAbove(own.length, 0, id)
        assert.isTrue(own.every((f) => f.orgId === "constructor"), id)
      }
      for (const filter of [[], ["--org", "constructor"], ["--rule", "39"]]) {
        const summary = run(cwd, [...args, "--summary", ...filter])
        assert.strictEqual(summary.code, 0, summary.stderr)
        const filtered = run(cwd, [...args, ...filter])
        assert.deepStrictEqual(countsOf(JSON.parse(summary.stdout)), countsOfReport(JSON.parse(filtered.stdout)))
      }
    }, 120_000)

    it("replay rebuilds every read model from zero, with progress, and the answers stay the same", async () => {
      const cwd = workdir()
      const { store, access } = make(cwd)
      dropped.push(store)
      assert.strictEqual(run(cwd, ["import", join(fixtures, "roster-10000.csv"), "--store", store.spec]).code, 0)
      const events = await store.events()
      const reportArgs = ["report", "--store", store.spec, "--as-of", "2026-06-30", "--summary", "--format", "json"]
      const before = run(cwd, reportArgs)
      const treeBefore = run(cwd, ["tree", "--store", store.spec, "--format", "mermaid"])
      // Rows another release left: an older version of the tree and of the index (reclaimed by the replay), a newer
      // version of the tree and a model of another name (kept: a newer release or another application reads them).
      const tree = Compliance.readModels.find((model) => model.name === "organization.tree")!
      const index = FindingsIndex.modelOf(Dangjian.defaultPolicies)
      await access.putRow(tree.name, tree.version - 1, "__proto__")
      await access.putRow(tree.name, tree.version - 1, "constructor")
      await access.putRow(index.name, index.version - 1, "a")
      await access.putRow(tree.name, tree.version + 1, "newer")
      await access.putRow("another.application", 1, "kept")
      const replayed = run(cwd, ["replay", "--store", store.spec, "--lang", "en"])
      assert.strictEqual(replayed.code, 0, replayed.stderr)
      assert.include(replayed.stdout, `${readModelNames.length} read models`)
      assert.include(replayed.stdout, `over ${events} events`)
      assert.include(replayed.stdout, "deleted 3 rows of read models' older versions")
      const treeRows = await access.rows(tree.name) - 1
      assert.deepStrictEqual(await access.versions(tree.name), { [tree.version]: treeRows, [tree.version + 1]: 1 })
      assert.deepStrictEqual(Object.keys(await access.versions(index.name)), [String(index.version)])
      assert.deepStrictEqual(await access.versions("another.application"), { 1: 1 })
      // Nothing older is left: a second replay deletes nothing, and says nothing of it.
      const again = run(cwd, ["replay", "--store", store.spec, "--lang", "en"])
      assert.strictEqual(again.code, 0, again.stderr)
      assert.notInclude(again.stdout, "older versions")
      const checkpoints = await access.checkpoints()
      for (const name of [...readModelNames, findingsIndex]) assert.strictEqual(checkpoints[name], events, name)
      assert.strictEqual(run(cwd, reportArgs).stdout, before.stdout)
      assert.strictEqual(run(cwd, ["tree", "--store", store.spec, "--format", "mermaid"]).stdout, treeBefore.stdout)
      assert.strictEqual(await store.events(), events, "replay appends nothing")
    }, 300_000)
  })
}
