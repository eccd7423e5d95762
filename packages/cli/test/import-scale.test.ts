// `dangjian import` at a size where holding the whole store or the whole file would show: a generated county
// roster of ~20,000 members (shared/bench/WORKLOAD.md's generator, 12 townships of 50 villages) imported into
// SQLite, every count checked against the file and the database. And the all-or-nothing promise under a real
// concurrent writer: while an import is checking its commands, another `dangjian exec` establishes one of the
// roster's organizations; the import fails with "the store changed meanwhile" (exit 1) and writes nothing; only
// the other writer's event is in the store. Then the import runs again and is refused as an overlap (exit 3).
import { spawn } from "node:child_process"
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import { pathToFileURL } from "node:url"
import { afterAll, assert, beforeAll, describe, it } from "vitest"
import type { TestStore } from "./support/cli.ts"
import { bin, ensureBuilt, pgUnreachable, postgresStore, run, sqliteStore, workdir } from "./support/cli.ts"
import { writeCounty } from "./support/county.ts"
import { jsonl, write } from "./support/rosters.ts"

beforeAll(ensureBuilt, 180_000)

const dropped: Array<TestStore> = []
afterAll(async () => {
  for (const store of dropped) await store.drop()
})

const count = (file: string, sql: string): number => {
  const db = new DatabaseSync(file, { readOnly: true })
  try {
    return (db.prepare(sql).get() as { n: number }).n
  } finally {
    db.close()
  }
}

describe("dangjian import at county scale", () => {
  it("imports a generated roster of ~20,000 members into SQLite; organizations, members and events agree", async () => {
    const cwd = workdir()
    const roster = writeCounty(join(cwd, "county.csv"), { townships: 12, villages: 50, today: "2026-11-30" })
    assert.isAbove(roster.members, 19_000)
    const store = sqliteStore(cwd)
    const imported = run(cwd, ["import", join(cwd, "county.csv"), "--store", store.spec])
    assert.strictEqual(imported.code, 0, imported.stderr)
    const events = await store.events()
    assert.strictEqual(
      imported.stdout.trim(),
      `imported ${roster.organizations} organizations and ${roster.members} members (${events} events)`
    )
    const db = join(cwd, "store.db")
    // R38: every member of the roster has a member stream of their own; every organization its own stream.
    assert.strictEqual(
      count(db, "SELECT count(*) AS n FROM dangjian_streams WHERE stream_id LIKE 'member-%'"),
      roster.members
    )
    assert.strictEqual(
      count(db, "SELECT count(*) AS n FROM dangjian_streams WHERE stream_id LIKE 'organization-%'"),
      roster.organizations
    )
    assert.strictEqual(
      count(db, "SELECT count(*) AS n FROM dangjian_events WHERE type = 'MemberRegistered'"),
      roster.members
    )
    // One atomic append: the events are numbered 1…n without a gap.
    assert.strictEqual(count(db, "SELECT max(global_position) AS n FROM dangjian_events"), events)
    const tree = run(cwd, ["tree", "--store", store.spec, "--org", "t012"])
    assert.strictEqual(tree.code, 0, tree.stderr)
    assert.strictEqual(tree.stdout.trim().split("\n").length, 51)
  }, 600_000)

  // V8 lets its young generation grow to 128 MiB on a machine with memory to spare, and an import of this size
  // filled it. The executable stops its growth once it is 16 MiB (it may grow once more before that is seen). Seen
  // from a module Node loads before the executable, which writes the largest size it saw when the process exits.
  it("keeps V8's young generation small while it imports", () => {
    const cwd = workdir()
    writeCounty(join(cwd, "county.csv"), { townships: 6, villages: 50, today: "2026-11-30" })
    const watcher = join(cwd, "young.mjs")
    const seen = join(cwd, "young.txt")
    writeFileSync(
      watcher,
      `import { getHeapSpaceStatistics } from "node:v8"
import { writeFileSync } from "node:fs"
let largest = 0
const watch = () => {
  const young = getHeapSpaceStatistics().find((space) => space.space_name === "new_space")
  largest = Math.max(largest, young?.space_size ?? 0)
}
setInterval(watch, 2).unref()
process.on("exit", () => { watch(); writeFileSync(${JSON.stringify(seen)}, String(largest)) })
`
    )
    const store = sqliteStore(cwd)
    const imported = run(cwd, ["import", join(cwd, "county.csv"), "--store", store.spec], {
      env: { NODE_OPTIONS: `--import=${pathToFileURL(watcher).href}` }
    })
    assert.strictEqual(imported.code, 0, imported.stderr)
    const largest = Number(readFileSync(seen, "utf8"))
    assert.isAbove(largest, 0)
    assert.isAtMost(largest / 2 ** 20, 48)
  }, 600_000)
})

// A township committee of the roster, established by another writer while the import checks its commands.
const establishTownship = (orgId: string) => ({
  _tag: "EstablishOrganization",
  orgId,
  name: "另一个写入者建立的镇党委",
  kind: "townshipCommittee",
  formation: "standalone",
  locus: "township",
  approval: { by: "县委", level: "county", at: "2019-01-15" },
  initialMembers: [],
  at: "2019-01-15"
})

for (const kind of ["sqlite", "postgres"] as const) {
  describe.skipIf(kind === "postgres" && pgUnreachable !== undefined)(`a concurrent change on ${kind}`, () => {
    it(
      "another writer during an import fails it with nothing written (exit 1); only the other's event is stored",
      async () => {
        const cwd = workdir()
        const store = kind === "sqlite" ? sqliteStore(cwd) : postgresStore("uow")
        dropped.push(store)
        const file = join(cwd, "county.csv")
        writeCounty(file, { townships: 8, villages: 50, today: "2026-11-30" })
        const other = write(cwd, "other.jsonl", jsonl([establishTownship("t008")]))
        // The store exists before the import starts (the other writer needs its tables).
        const first = run(cwd, [
          "exec",
          write(cwd, "first.jsonl", jsonl([establishTownship("zz-first")])),
          "--store",
          store.spec
        ])
        assert.strictEqual(first.code, 0, first.stderr)

        const importing = spawn(process.execPath, [bin, "import", file, "--store", store.spec], {
          cwd,
          env: { ...process.env, LANG: "en_US.UTF-8" },
          stdio: ["ignore", "pipe", "pipe"]
        })
        let stderr = ""
        let stdout = ""
        let wrote: ReturnType<typeof run> | undefined
        importing.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()))
        const exit = new Promise<number | null>((resolve) => importing.on("close", resolve))
        await new Promise<void>((resolve) => {
          importing.stderr.on("data", (chunk: Buffer) => {
            stderr += chunk.toString()
            // While the import checks its commands (nothing of it written yet), the other writer writes.
            if (wrote === undefined && /^checking /m.test(stderr)) {
              wrote = run(cwd, ["exec", other, "--store", store.spec])
              resolve()
            }
          })
          importing.on("close", () => resolve())
        })
        const code = await exit
        assert.isDefined(wrote, `the import ended before it checked its commands: ${stderr}`)
        assert.strictEqual(wrote!.code, 0, `the other writer: ${wrote!.stderr}`)
        assert.strictEqual(code, 1, stderr)
        assert.include(stderr, "the store changed meanwhile; nothing was written, run it again")
        assert.strictEqual(stdout, "")
        // Only the two establishments are stored: none of the import's events.
        assert.strictEqual(await store.events(), 2)

        // Run again, the roster overlaps what the store now holds: refused as such, still nothing written.
        const again = run(cwd, ["import", file, "--store", store.spec])
        assert.strictEqual(again.code, 3, again.stderr)
        assert.include(again.stderr, "t008")
        assert.strictEqual(await store.events(), 2)
      },
      600_000
    )
  })
}
