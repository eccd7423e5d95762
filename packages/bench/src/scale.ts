/**
 * The domain workloads at scale (shared/bench/WORKLOAD.md, "Domain workloads at scale"; issue #20): a county-to-
 * province roster from a seed, loaded and questioned the way a clerk does it, on SQLite and PostgreSQL, beside
 * raw baselines measured in the same run on the same rows:
 *
 * - `import`: `dangjian import` of the roster as a process (wall time, peak RSS), beside a raw one-transaction
 *   insert of the very rows the import wrote (the store's own events, re-inserted into a bare table);
 * - `rebuild`: `dangjian replay` (every read model from zero) as a process, beside a raw full read of the log
 *   (every row, its JSON parsed);
 * - `report`: `dangjian report --as-of … --summary` as a process from caught-up read models, and the full report of
 *   one township (`--org t0001 --format json`), what its clerk asks of the whole store;
 * - `one more event`: one command, then the read models' and the findings index's catch-up (the median and the
 *   slowest of nine such), then a report, in process; and nine more commands on the store built with the read
 *   models `inline`, whose time includes their catch-up in the command's own transaction.
 *
 * The commands run the executable as it ships (`packages/cli/dist/bin.js` and its bundle, built first if missing).
 *
 * Run: `pnpm --filter @dangjian/bench scale [--preset county|nation100] [--townships N --villages N]
 * [--kinds sqlite,postgres] [--markdown PATH]`. `county` is 100 townships × 50 villages (5,100 organizations,
 * ~168,000 members); `nation100` is one hundredth of the nation: 1,050 townships × 49 villages (52,500
 * organizations) of smaller branches, ~1,000,000 members. Not a test: figures are ratios against the baselines.
 */
import { Compliance, Dangjian, FindingsIndex } from "@dangjian/core"
import { EventStore, ReadModel } from "@dangjian/core/kernel"
import { PostgresStore } from "@dangjian/store-postgres"
import { SqliteStore } from "@dangjian/store-sqlite"
import { Effect, Layer, Redacted } from "effect"
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { DatabaseSync } from "node:sqlite"
import pg from "pg"
import { dropLeftovers, freshDatabase, probe } from "./postgres.ts"

// ---------------------------------------------------------------------------------------------------------
// The roster
// ---------------------------------------------------------------------------------------------------------

const header =
  "组织编号,组织名称,组织类型,所在地类型,上级组织编号,批准机关,批准级别,批准日期,党员编号,党员状态,预备期满日期,最近组织生活日期,最近交纳党费日期"

interface Mix {
  /** Share of general branches (党总支) among the villages' organizations. */
  readonly general: number
  readonly branch: readonly [min: number, max: number]
  readonly generalBranch: readonly [min: number, max: number]
}

export const presets = {
  county: { townships: 100, villages: 50, mix: { general: 0.15, branch: [5, 48], generalBranch: [55, 94] } },
  nation100: { townships: 1_050, villages: 49, mix: { general: 0.08, branch: [3, 28], generalBranch: [51, 80] } }
} as const satisfies Record<string, { townships: number; villages: number; mix: Mix }>

const random = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, "0")
const daysBefore = (today: string, days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10)

/** Writes the roster (CSV, UTF-8) line by line; returns its counts. */
export const writeRoster = (file: string, townships: number, villages: number, mix: Mix, today: string) => {
  const next = random(2026)
  const chunks: Array<string> = [header]
  let members = 0
  let text = ""
  const flush = () => {
    text += chunks.join("\n") + "\n"
    chunks.length = 0
  }
  for (let t = 1; t <= townships; t++) {
    const town = `t${pad(t, 4)}`
    const townName = `第${t}镇党委`
    chunks.push(`${town},${townName},乡镇党委,乡镇,,县委,县级,2019-01-15,,,,,`)
    for (let v = 1; v <= villages; v++) {
      const general = next() < mix.general
      const [min, max] = general ? mix.generalBranch : mix.branch
      const size = min + Math.floor(next() * (max - min + 1))
      const org = `${town}-v${pad(v, 3)}`
      const kind = general ? "党总支" : "党支部"
      const orgPart = `${org},${townName}第${v}村${kind},${kind},村,${town},${townName},乡镇,2019-03-01`
      for (let m = 1; m <= size; m++) {
        // The first three are full members: a branch needs three (R1), whatever the draw.
        const probationary = next() < 0.03 && m > 3
        const life = daysBefore(today, Math.floor(next() * 330))
        const dues = daysBefore(today, Math.floor(next() * 330))
        const probationEnds = probationary ? daysBefore(today, Math.floor(next() * 360) - 180) : ""
        chunks.push(
          `${orgPart},${org}-m${pad(m, 3)},${probationary ? "预备" : "正式"},${probationEnds},${life},${dues}`
        )
        members++
      }
    }
    if (chunks.length > 50_000) flush()
  }
  flush()
  writeFileSync(file, text)
  return { organizations: townships * (villages + 1), members }
}

// ---------------------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------------------

// The executable as it ships (`pnpm build`: its bundle), built first when it is missing or older than a source of the
// packages its bundle holds.
const cliPackage = resolve(import.meta.dirname, "../../cli")
const cli = join(cliPackage, "dist", "bin.js")
const newestBelow = (dir: string): number =>
  Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? newestBelow(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs
    )
  )
const ensureCliBuilt = () => {
  const bundle = join(cliPackage, "dist", "dangjian.js")
  const newest = Math.max(
    ...["cli", "core", "store-sqlite", "store-postgres"].map((name) => newestBelow(join(cliPackage, "..", name, "src")))
  )
  if (existsSync(cli) && existsSync(bundle) && statSync(bundle).mtimeMs >= newest) return
  const built = spawnSync("pnpm", ["build"], { cwd: cliPackage, stdio: "inherit" })
  if (built.status !== 0) throw new Error("the command line does not build")
}

interface Run {
  readonly seconds: number
  readonly peakMiB: number
  readonly stdout: string
}

/** Runs the CLI as a process under /usr/bin/time: wall time and peak RSS. */
const runCli = (args: ReadonlyArray<string>, cwd: string): Run => {
  const result = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, cli, ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { ...process.env, DANGJIAN_LANG: "en", NO_COLOR: "1" }
  })
  const last = result.stderr.trim().split("\n").at(-1) ?? ""
  const [seconds, kib] = last.split(" ").map(Number)
  if (result.status !== 0 || seconds === undefined || kib === undefined || Number.isNaN(seconds)) {
    throw new Error(`dangjian ${args[0]} failed (exit ${result.status}): ${result.stderr.slice(-2_000)}`)
  }
  return { seconds, peakMiB: kib / 1024, stdout: result.stdout }
}

const time = async <A>(body: () => Promise<A> | A): Promise<{ readonly seconds: number; readonly value: A }> => {
  const started = performance.now()
  const value = await body()
  return { seconds: (performance.now() - started) / 1_000, value }
}

// ---------------------------------------------------------------------------------------------------------
// Raw baselines
// ---------------------------------------------------------------------------------------------------------

interface Row {
  readonly stream_id: string
  readonly stream_position: number
  readonly event_id: string
  readonly type: string
  readonly schema_version: number
  readonly data: string
  readonly metadata: string
}

/** SQLite: the store's rows re-inserted into a bare table in one transaction; then a full read with JSON.parse. */
const rawSqlite = async (filename: string) => {
  const db = new DatabaseSync(filename)
  try {
    const rows = db.prepare(
      "SELECT stream_id, stream_position, event_id, type, schema_version, data, metadata FROM dangjian_events ORDER BY global_position"
    ).all() as unknown as ReadonlyArray<Row>
    db.exec(`DROP TABLE IF EXISTS raw_events; CREATE TABLE raw_events (global_position INTEGER PRIMARY KEY,
      stream_id TEXT NOT NULL, stream_position INTEGER NOT NULL, event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
      schema_version INTEGER NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, UNIQUE (stream_id, stream_position))`)
    const insert = db.prepare(
      "INSERT INTO raw_events (stream_id, stream_position, event_id, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)"
    )
    const inserted = await time(() => {
      db.exec("BEGIN")
      for (const r of rows) {
        insert.run(r.stream_id, r.stream_position, r.event_id, r.type, r.schema_version, r.data, r.metadata)
      }
      db.exec("COMMIT")
    })
    const read = await time(() => {
      let n = 0
      for (const r of db.prepare("SELECT type, data FROM raw_events ORDER BY global_position").iterate()) {
        JSON.parse((r as { data: string }).data)
        n++
      }
      return n
    })
    db.exec("DROP TABLE raw_events")
    return { events: rows.length, insertSeconds: inserted.seconds, readSeconds: read.seconds }
  } finally {
    db.close()
  }
}

/** PostgreSQL: the same, with unnest inserts of 10,000 rows in one transaction, and a cursor-free full read. */
const rawPostgres = async (url: string) => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<Row>(
      "SELECT stream_id, stream_position, event_id, type, schema_version, data::text AS data, metadata::text AS metadata FROM dangjian.events ORDER BY global_position"
    )
    await client.query(`DROP TABLE IF EXISTS raw_events; CREATE TABLE raw_events (global_position bigserial PRIMARY KEY,
      stream_id text NOT NULL, stream_position bigint NOT NULL, event_id text NOT NULL UNIQUE, type text NOT NULL,
      schema_version int NOT NULL, data json NOT NULL, metadata json NOT NULL, UNIQUE (stream_id, stream_position))`)
    const inserted = await time(async () => {
      await client.query("BEGIN")
      for (let i = 0; i < rows.length; i += 10_000) {
        const chunk = rows.slice(i, i + 10_000)
        await client.query(
          `INSERT INTO raw_events (stream_id, stream_position, event_id, type, schema_version, data, metadata)
           SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::int[], $6::json[], $7::json[])`,
          [
            chunk.map((r) => r.stream_id),
            chunk.map((r) => r.stream_position),
            chunk.map((r) => r.event_id),
            chunk.map((r) => r.type),
            chunk.map((r) => r.schema_version),
            chunk.map((r) => r.data),
            chunk.map((r) => r.metadata)
          ]
        )
      }
      await client.query("COMMIT")
    })
    const read = await time(async () => {
      const all = await client.query<{ data: string }>(
        "SELECT type, data::text AS data FROM raw_events ORDER BY global_position"
      )
      for (const r of all.rows) JSON.parse(r.data)
      return all.rows.length
    })
    await client.query("DROP TABLE raw_events")
    return { events: rows.length, insertSeconds: inserted.seconds, readSeconds: read.seconds }
  } finally {
    await client.end()
  }
}

// ---------------------------------------------------------------------------------------------------------
// One more event, in process
// ---------------------------------------------------------------------------------------------------------

/** How many single events the catch-up is timed on: one such catch-up takes milliseconds, and varies. */
const oneMoreEventRuns = 9

/**
 * One more event, nine times: the command's time and the catch-up's after it. With `inline`, the store keeps the
 * compliance read models in the command's own transaction: the command's time includes their catch-up, and the
 * catch-up after it finds them current.
 */
const oneMoreEvent = (
  layer: Layer.Layer<EventStore.EventStore | ReadModel.ReadModelStore, unknown>,
  asOf: string,
  inline: boolean
) =>
  Effect.runPromise(
    Effect.gen(function*() {
      const times: Array<number> = []
      const commandTimes: Array<number> = []
      let events = 0
      for (let run = 0; run < oneMoreEventRuns; run++) {
        const before = yield* EventStore.EventStore.use((s) => s.head)
        // A participation on a different day each time (a different one for the inline runs), so each is a new
        // event.
        const commandStarted = performance.now()
        yield* Dangjian.decodeAndExecute({
          _tag: "RecordParticipation",
          memberId: "t0001-v001-m001",
          kind: "orgLife",
          at: daysBefore(asOf, run + (inline ? oneMoreEventRuns : 0))
        }).pipe(Effect.ignore)
        commandTimes.push(performance.now() - commandStarted)
        events += (yield* EventStore.EventStore.use((s) => s.head)) - before
        const started = performance.now()
        yield* Compliance.catchUp()
        yield* FindingsIndex.catchUp(Dangjian.defaultPolicies)
        times.push(performance.now() - started)
      }
      times.sort((a, b) => a - b)
      commandTimes.sort((a, b) => a - b)
      const reportStarted = performance.now()
      const { findings } = yield* Compliance.report(Dangjian.defaultPolicies, asOf)
      const reportMs = performance.now() - reportStarted
      return {
        events,
        commandMs: commandTimes[Math.floor(commandTimes.length / 2)]!,
        commandMaxMs: commandTimes[commandTimes.length - 1]!,
        catchUpMs: times[Math.floor(times.length / 2)]!,
        catchUpMaxMs: times[times.length - 1]!,
        reportMs,
        findings: findings.length
      }
    }).pipe(Effect.provide(layer))
  )

// ---------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------

interface ScaleRow {
  readonly kind: string
  readonly startupSeconds: number
  readonly organizations: number
  readonly members: number
  readonly events: number
  readonly importSeconds: number
  readonly importEventsPerSecond: number
  readonly importPeakMiB: number
  readonly rawInsertSeconds: number
  readonly rawInsertEventsPerSecond: number
  readonly importVsRaw: number
  readonly rebuildSeconds: number
  readonly rebuildPeakMiB: number
  readonly rawReadSeconds: number
  readonly rebuildVsRawRead: number
  readonly reportSeconds: number
  readonly reportPeakMiB: number
  readonly townshipReportSeconds: number
  readonly townshipReportPeakMiB: number
  readonly oneMoreEvent: OneMoreEvent
  readonly oneMoreEventInline: OneMoreEvent
}

interface OneMoreEvent {
  readonly events: number
  readonly commandMs: number
  readonly commandMaxMs: number
  readonly catchUpMs: number
  readonly catchUpMaxMs: number
  readonly reportMs: number
  readonly findings: number
}

const argument = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`)
  return i === -1 ? undefined : process.argv[i + 1]
}

const main = async () => {
  const presetName = (argument("preset") ?? "county") as keyof typeof presets
  const preset = presets[presetName]
  if (preset === undefined) throw new Error(`unknown preset ${presetName} (county, nation100)`)
  const townships = Number(argument("townships") ?? preset.townships)
  const villages = Number(argument("villages") ?? preset.villages)
  const kinds = (argument("kinds") ?? "sqlite,postgres").split(",")
  ensureCliBuilt()
  const today = "2026-11-30"
  const asOf = "2026-12-01"
  const dir = mkdtempSync(join(tmpdir(), "dangjian-scale-"))
  const results: Array<ScaleRow> = []
  try {
    const rosterFile = join(dir, "roster.csv")
    const roster = writeRoster(rosterFile, townships, villages, preset.mix, today)
    console.error(`roster: ${roster.organizations} organizations, ${roster.members} members`)
    for (const kind of kinds) {
      let spec: string
      let cleanup = async () => {}
      let layer: (inline: boolean) => Layer.Layer<EventStore.EventStore | ReadModel.ReadModelStore, unknown>
      const inlineModels = (inline: boolean) => (inline ? Compliance.readModels : [])
      if (kind === "sqlite") {
        const file = join(dir, "scale.db")
        spec = `sqlite:${file}`
        layer = (inline) => SqliteStore.layer({ filename: file, codec: Dangjian.codec, inline: inlineModels(inline) })
      } else if (kind === "postgres") {
        const reachable = await probe()
        if ("error" in reachable) {
          console.error(`postgres: skipped (${reachable.error})`)
          continue
        }
        await dropLeftovers()
        const fresh = await freshDatabase(process.pid)
        spec = fresh.url
        const url = Redacted.make(spec)
        layer = (inline) =>
          PostgresStore.layer({ url, codec: Dangjian.codec, maxConnections: 4, inline: inlineModels(inline) })
        cleanup = fresh.drop
      } else throw new Error(`unknown kind ${kind}`)
      try {
        // The CLI's own start (loading the library), paid by every command below: shown apart.
        const startup = runCli(["--version"], dir)
        console.error(`${kind}: import`)
        const imported = runCli(["import", rosterFile, "--store", spec], dir)
        // Each step's figures as it ends: a later step's failure keeps them.
        console.error(`${kind}: import ${imported.seconds} s, peak ${imported.peakMiB.toFixed(0)} MiB`)
        console.error(`${kind}: raw baselines`)
        const raw = kind === "sqlite" ? await rawSqlite(spec.slice("sqlite:".length)) : await rawPostgres(spec)
        console.error(`${kind}: raw insert ${raw.insertSeconds.toFixed(1)} s, raw read ${raw.readSeconds.toFixed(1)} s`)
        console.error(`${kind}: replay`)
        const rebuilt = runCli(["replay", "--store", spec], dir)
        console.error(`${kind}: replay ${rebuilt.seconds} s, peak ${rebuilt.peakMiB.toFixed(0)} MiB`)
        console.error(`${kind}: report`)
        const reported = runCli(["report", "--as-of", asOf, "--summary", "--format", "json", "--store", spec], dir)
        console.error(`${kind}: report ${reported.seconds} s, peak ${reported.peakMiB.toFixed(0)} MiB`)
        const township = runCli(
          ["report", "--as-of", asOf, "--org", "t0001", "--format", "json", "--store", spec],
          dir
        )
        console.error(`${kind}: township report ${township.seconds} s, peak ${township.peakMiB.toFixed(0)} MiB`)
        console.error(`${kind}: one more event`)
        const more = await oneMoreEvent(layer(false), asOf, false)
        const moreInline = await oneMoreEvent(layer(true), asOf, true)
        const row: ScaleRow = {
          kind,
          startupSeconds: startup.seconds,
          organizations: roster.organizations,
          members: roster.members,
          events: raw.events,
          importSeconds: imported.seconds,
          importEventsPerSecond: raw.events / imported.seconds,
          importPeakMiB: imported.peakMiB,
          rawInsertSeconds: raw.insertSeconds,
          rawInsertEventsPerSecond: raw.events / raw.insertSeconds,
          importVsRaw: raw.insertSeconds / imported.seconds,
          rebuildSeconds: rebuilt.seconds,
          rebuildPeakMiB: rebuilt.peakMiB,
          rawReadSeconds: raw.readSeconds,
          rebuildVsRawRead: rebuilt.seconds / raw.readSeconds,
          reportSeconds: reported.seconds,
          reportPeakMiB: reported.peakMiB,
          townshipReportSeconds: township.seconds,
          townshipReportPeakMiB: township.peakMiB,
          oneMoreEvent: more,
          oneMoreEventInline: moreInline
        }
        console.error(JSON.stringify(row))
        results.push(row)
      } finally {
        await cleanup()
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const markdown = argument("markdown")
  const table = [
    `Scale run (${presetName}, ${townships} townships × ${villages} villages), ${
      new Date().toISOString().slice(0, 10)
    }, Node ${process.version}`,
    "",
    "The CLI's start (`dangjian --version`) is included in every process time; its own time is the `start s` column.",
    "",
    "| store | start s | orgs | members | events | import s (ev/s) | peak MiB | raw insert s (ev/s) | import ÷ raw rate | rebuild s | raw read s | rebuild ÷ raw | report s (peak MiB) | one township's report s (peak MiB) | +1 event: catch-up ms (median, max of 9), report ms | +1 event: command ms, async / inline (median, max of 9) |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...results.map((n) => {
      return `| ${n.kind} | ${n.startupSeconds.toFixed(1)} | ${n.organizations} | ${n.members} | ${n.events} | ${
        n.importSeconds.toFixed(1)
      } (${Math.round(n.importEventsPerSecond)}) | ${Math.round(n.importPeakMiB)} | ${n.rawInsertSeconds.toFixed(1)} (${
        Math.round(n.rawInsertEventsPerSecond)
      }) | ${n.importVsRaw.toFixed(2)}× | ${n.rebuildSeconds.toFixed(1)} | ${n.rawReadSeconds.toFixed(1)} | ${
        n.rebuildVsRawRead.toFixed(1)
      }× | ${n.reportSeconds.toFixed(1)} (${Math.round(n.reportPeakMiB)}) | ${n.townshipReportSeconds.toFixed(1)} (${
        Math.round(n.townshipReportPeakMiB)
      }) | ${n.oneMoreEvent.catchUpMs.toFixed(0)} (${n.oneMoreEvent.catchUpMaxMs.toFixed(0)}), ${
        n.oneMoreEvent.reportMs.toFixed(0)
      } | ${n.oneMoreEvent.commandMs.toFixed(0)} (${n.oneMoreEvent.commandMaxMs.toFixed(0)}) / ${
        n.oneMoreEventInline.commandMs.toFixed(0)
      } (${n.oneMoreEventInline.commandMaxMs.toFixed(0)}) |`
    })
  ].join("\n")
  console.log(table)
  if (markdown !== undefined) writeFileSync(markdown, `${table}\n`)
}

// Run as a script; imported (for its roster generator), it does nothing.
if (import.meta.main) await main()
