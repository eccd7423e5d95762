/**
 * The bench: runs workloads W1–W4c of shared bench/WORKLOAD.md on every dangjian store beside the raw driver
 * and Emmett of the same kind, in one session, each cell in a fresh process on a fresh store, and reports the
 * median events/s of each cell and dangjian's ratios to its peers with the verdict against the target.
 *
 *   pnpm --filter @dangjian/bench bench          # S = 10,000, median of 3 runs (short cells: 7), writes RESULTS.md
 *   pnpm --filter @dangjian/bench bench:quick    # S = 1,000, 1 run (a smoke check)
 *
 * Options: --streams N, --runs N, --short-runs N, --quick, --kinds memory,sqlite,postgres, --systems id,…,
 * --workloads W1,…, --json PATH, --markdown PATH, --cell-timeout SECONDS. PostgreSQL is at DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/test); each PostgreSQL cell runs in a database created and dropped for it.
 */
import { spawn } from "node:child_process"
import { mkdirSync, writeFileSync } from "node:fs"
import { cpus, totalmem } from "node:os"
import { dirname, join, relative, resolve } from "node:path"
import { parseArgs } from "node:util"
import * as Postgres from "./postgres.ts"
import type { CellResult } from "./protocol.ts"
import { resultMarker } from "./protocol.ts"
import type { CellSummary } from "./report.ts"
import * as Report from "./report.ts"
import type { Kind, System } from "./systems.ts"
import { kinds, systems } from "./systems.ts"
import type { Workload } from "./workload.ts"
import { perStream, workloads } from "./workload.ts"

const root = resolve(import.meta.dirname, "..")

// `npm run bench -- --kinds sqlite` needs the `--`; pnpm passes it on as an argument of its own.
const args = process.argv.slice(2)
const { values } = parseArgs({
  args: args[0] === "--" ? args.slice(1) : args,
  options: {
    streams: { type: "string" },
    runs: { type: "string" },
    "short-runs": { type: "string" },
    quick: { type: "boolean", default: false },
    kinds: { type: "string" },
    systems: { type: "string" },
    workloads: { type: "string" },
    json: { type: "string" },
    markdown: { type: "string" },
    "cell-timeout": { type: "string", default: "1800" }
  }
})

const list = (value: string | undefined): Array<string> | undefined =>
  value === undefined ? undefined : value.split(",").map((s) => s.trim()).filter((s) => s.length > 0)

const fail = (message: string): never => {
  process.stderr.write(`bench: ${message}\n`)
  process.exit(2)
}

const streams = Number(values.streams ?? (values.quick ? 1_000 : 10_000))
const runs = Number(values.runs ?? (values.quick ? 1 : 3))
// Short cells (every in-memory cell, and the SQL stores' reads) time 0.01–1 s, where one pause of the shared
// machine moves a run by a quarter or more; they cost seconds each, so they run more often than the SQL appends.
const shortRuns = Number(values["short-runs"] ?? (values.quick ? 1 : Math.max(runs, 7)))
const cellTimeout = Number(values["cell-timeout"]) * 1000
if (!Number.isSafeInteger(streams) || streams < 1) fail("--streams must be a whole number ≥ 1")
if (!Number.isSafeInteger(runs) || runs < 1) fail("--runs must be a whole number ≥ 1")
if (!Number.isSafeInteger(shortRuns) || shortRuns < 1) fail("--short-runs must be a whole number ≥ 1")
const isShort = (system: System, workload: Workload): boolean =>
  system.kind === "memory" || (workload !== "W1" && workload !== "W2")
const runsOf = (system: System, workload: Workload): number => (isShort(system, workload) ? shortRuns : runs)
const kindFilter = list(values.kinds)
const systemFilter = list(values.systems)
const workloadFilter = list(values.workloads)
for (const k of kindFilter ?? []) if (!kinds.includes(k as Kind)) fail(`unknown kind ${k} (${kinds.join(", ")})`)
for (const s of systemFilter ?? []) {
  if (!systems.some((x) => x.id === s)) fail(`unknown system ${s} (${systems.map((x) => x.id).join(", ")})`)
}
for (const w of workloadFilter ?? []) if (!workloads.includes(w as Workload)) fail(`unknown workload ${w}`)

const selected = systems.filter((s) =>
  (kindFilter === undefined || kindFilter.includes(s.kind))
  && (systemFilter === undefined || systemFilter.includes(s.id))
)
const selectedWorkloads = workloads.filter((w) => workloadFilter === undefined || workloadFilter.includes(w))
const complete = !values.quick && kindFilter === undefined && systemFilter === undefined && workloadFilter === undefined
const jsonPath = resolve(values.json ?? join(root, "results", complete ? "full.json" : "partial.json"))
const markdownPath = values.markdown !== undefined
  ? resolve(values.markdown)
  : complete
  ? join(root, "RESULTS.md")
  : undefined

const log = (line: string) => process.stderr.write(`${line}\n`)

/** Runs one cell in a child process and reads its result line. */
const runCell = (system: System, workload: Workload): Promise<CellResult> =>
  new Promise((resolveCell) => {
    const child = spawn(
      process.execPath,
      [
        "--expose-gc",
        join(root, "src", "cell.ts"),
        "--system",
        system.id,
        "--workload",
        workload,
        "--streams",
        String(streams),
        "--owner",
        String(process.pid)
      ],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] }
    )
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => child.kill("SIGKILL"), cellTimeout)
    child.on("close", (code, signal) => {
      clearTimeout(timer)
      const line = stdout.split("\n").find((l) => l.startsWith(resultMarker))
      if (line !== undefined) return resolveCell(JSON.parse(line.slice(resultMarker.length)) as CellResult)
      const why = signal === "SIGKILL"
        ? `killed after ${cellTimeout / 1000} s`
        : `exited with ${code ?? signal} without a result: ${stderr.trim().split("\n").slice(-3).join(" / ")}`
      resolveCell({ system: system.id, workload, streams, failures: [], error: why })
    })
  })

const started = new Date()
const pg = selected.some((s) => s.kind === "postgres") ? await Postgres.probe() : undefined
const pgMissing = pg !== undefined && "error" in pg ? `PostgreSQL unreachable at DATABASE_URL: ${pg.error}` : undefined
if (pg !== undefined && !("error" in pg)) {
  const dropped = await Postgres.dropLeftovers()
  if (dropped.length > 0) log(`dropped ${dropped.length} databases left by earlier benches`)
}

log(
  `bench: S = ${streams.toLocaleString("en-US")} streams (${
    (perStream * streams).toLocaleString("en-US")
  } events), ${runs} run(s) (short cells: ${shortRuns}), ${selected.length} systems, workloads ${
    selectedWorkloads.join(" ")
  }`
)

const results = new Map<string, Array<CellResult>>()
const skipped = new Map<string, string>()
const key = (system: System, workload: Workload) => `${system.id}|${workload}`

// Within a run, the systems of one kind run one workload after the other: a cell and its baselines are seconds
// apart, not minutes. The disk's fsync latency drifts over minutes on these shared machines (raw SQLite W2 ran
// 17,747–35,298 events/s across one bench), and a baseline measured before that drift is no baseline.
const ordered: Array<[System, Workload]> = []
for (const kind of kinds) {
  for (const workload of selectedWorkloads) {
    for (const system of selected) if (system.kind === kind) ordered.push([system, workload])
  }
}

for (let run = 1; run <= Math.max(runs, shortRuns); run++) {
  for (const [system, workload] of ordered) {
    if (!system.workloads.includes(workload) || run > runsOf(system, workload)) continue
    const k = key(system, workload)
    if (system.kind === "postgres" && pgMissing !== undefined) {
      skipped.set(k, pgMissing)
      continue
    }
    // An error (as opposed to a failed check) does not go away on the next run: report it once.
    if (results.get(k)?.some((r) => r.error !== undefined)) continue
    const result = await runCell(system, workload)
    results.set(k, [...(results.get(k) ?? []), result])
    log(
      `[${run}/${runsOf(system, workload)}] ${system.id} ${workload}: ${
        result.error !== undefined
          ? `ERROR ${result.error}`
          : `${Math.round(result.eventsPerSecond!).toLocaleString("en-US")} events/s (${result.seconds!.toFixed(2)} s)${
            result.failures.length > 0 ? ` CHECKS FAILED: ${result.failures.join("; ")}` : ""
          }`
      }`
    )
  }
}

if (pg !== undefined && !("error" in pg)) await Postgres.dropLeftovers(process.pid)

const summaries = new Map<string, Map<Workload, CellSummary>>()
for (const system of selected) {
  const cells = new Map<Workload, CellSummary>()
  for (const workload of selectedWorkloads) {
    const k = key(system, workload)
    cells.set(workload, Report.summarize(system, workload, results.get(k) ?? [], skipped.get(k)))
  }
  summaries.set(system.id, cells)
}
const comparisons = Report.compare(summaries, selected).filter((c) => selectedWorkloads.includes(c.workload))
const problems = Report.problems(summaries, selected)
const notes = [
  ...new Set(
    [...results.values()].flat().flatMap((r) => (r.notes ?? []).map((n) => `${r.system}: ${n}`))
  )
]

const finished = new Date()
const environment = {
  date: started.toISOString(),
  durationSeconds: Math.round((finished.getTime() - started.getTime()) / 1000),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? "unknown"}`,
  memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
  machine: "2 cores shared with other engineers: absolute figures are noisy, compare the ratios",
  postgres: pg === undefined ? "not selected" : "error" in pg ? `unreachable (${pg.error})` : pg.version
}
const parameters = {
  streams,
  eventsPerWorkload: perStream * streams,
  runs,
  shortRuns,
  statistic: `${runs === 1 ? "single run" : `median of ${runs} runs`}${
    shortRuns === runs
      ? ""
      : ` (in-memory cells and SQL reads W3–W4c: ${shortRuns === 1 ? "a single run" : `median of ${shortRuns}`})`
  }`,
  batchSize: 1_000,
  targets: { vsRaw: `≥ ${Report.rawTarget} × raw driver of the same kind`, vsEmmett: "> Emmett of the same kind" }
}

mkdirSync(dirname(jsonPath), { recursive: true })
writeFileSync(
  jsonPath,
  `${
    JSON.stringify(
      {
        environment,
        parameters,
        cells: Object.fromEntries([...summaries].map(([id, cells]) => [id, Object.fromEntries(cells)])),
        runs: Object.fromEntries(results),
        comparisons: comparisons.map((c) => ({
          store: c.system.id,
          workload: c.workload,
          raw: c.raw,
          emmett: c.emmett,
          dangjian: c.dangjian,
          vsRaw: c.vsRaw ?? null,
          vsEmmett: c.vsEmmett ?? null,
          verdict: c.verdict
        })),
        problems,
        notes
      },
      null,
      2
    )
  }\n`
)

const comparisonRows = Report.rows(comparisons)
const cellHead = ["system", "kind", ...workloads]
const out = [
  "",
  `dangjian bench — ${environment.date}, Node ${environment.node}, ${environment.cpus} (${environment.machine})`,
  `S = ${streams.toLocaleString("en-US")} streams, ${
    (perStream * streams).toLocaleString("en-US")
  } events per workload, ${parameters.statistic}, PostgreSQL ${environment.postgres}`,
  "",
  "events/s per cell:",
  Report.textTable(cellHead, Report.cellRows(summaries, selected)),
  "",
  `dangjian against its peers (target: ≥ ${Report.rawTarget} × raw, and > Emmett):`,
  Report.textTable(Report.header, comparisonRows),
  "",
  ...(problems.length > 0 ? ["cells without a number:", ...problems.map((p) => `  - ${p}`), ""] : []),
  ...(notes.length > 0 ? ["notes:", ...notes.map((n) => `  - ${n}`), ""] : []),
  `JSON: ${relative(process.cwd(), jsonPath)}`
]
process.stdout.write(`${out.join("\n")}\n`)

if (markdownPath !== undefined) {
  const passed = comparisons.filter((c) => c.verdict === "PASS")
  const failed = comparisons.filter((c) => c.verdict === "FAIL")
  const markdown = [
    "# dangjian bench results",
    "",
    `Workloads W1–W4c of shared \`bench/WORKLOAD.md\`, written by \`pnpm --filter @dangjian/bench bench\` (\`packages/bench/src/main.ts\`) from the run below. Every cell ran in a fresh process on a fresh store; opening, migrating and pre-filling were not timed; a cell whose untimed checks failed does not count.`,
    "",
    `- Date: ${environment.date} (${environment.durationSeconds} s)`,
    `- Node ${environment.node}, ${environment.platform}, ${environment.cpus}, ${environment.memory}`,
    `- Machine: ${environment.machine}`,
    `- PostgreSQL ${environment.postgres} on loopback`,
    `- Parameters: S = ${streams.toLocaleString("en-US")} streams × ${perStream} events = ${
      (perStream * streams).toLocaleString("en-US")
    } events per workload; ${parameters.statistic}; global reads and consumers in batches of ${
      parameters.batchSize.toLocaleString("en-US")
    }`,
    `- Target on every cell: dangjian ≥ ${Report.rawTarget} × the raw driver of the same kind, and ahead of Emmett of the same kind`,
    "",
    "## dangjian against its peers",
    "",
    "Events/s (median); ratios are dangjian's rate over the peer's; ✓ meets the target, ✗ does not.",
    "",
    Report.markdownTable(Report.header, comparisonRows),
    "",
    `${passed.length} cells meet every applicable target, ${failed.length} do not${
      failed.length > 0 ? `: ${failed.map((c) => `${c.system.label} ${c.workload}`).join(", ")}` : ""
    }.`,
    "",
    "## Every cell",
    "",
    Report.markdownTable(cellHead, Report.cellRows(summaries, selected)),
    "",
    ...(problems.length > 0 ? ["## Cells without a number", "", ...problems.map((p) => `- ${p}`), ""] : []),
    ...(notes.length > 0 ? ["## Drivers and settings", "", ...notes.map((n) => `- ${n}`), ""] : []),
    "## How each system runs the workload",
    "",
    "- **raw JS**: a `Map` of stream arrays plus a global array, an async append awaited per call with an expected-version check.",
    "- **raw SQLite**: better-sqlite3 (node:sqlite if it cannot load), WAL, `synchronous = FULL`, prepared statements; W1 one INSERT per event in its own transaction, W2 one transaction of 10 INSERTs per stream, W3 one SELECT per stream, W4 one SELECT of the whole log; JSON parsed on every read.",
    "- **raw PostgreSQL**: `pg`, one connection, named prepared statements; W1 one INSERT per event, W2 one 10-row INSERT per stream, W3 one SELECT per stream, W4 one SELECT of the whole log.",
    "- **Emmett 0.42**: `appendToStream` (W1, W2), `aggregateStream` (W3), `readMessagesBatch` (W4), a consumer with one checkpointed processor (W4c, batch 1,000, Emmett's default pulling frequency). SQLite on node-sqlite3 with one shared connection. The in-memory store has no global read, so W4/W4c are n/a.",
    "- **dangjian**: `EventStore.append` with event ids generated in the timed section (W1, W2), `EventStore.fold` on the store the program holds, as Emmett's cell calls `aggregateStream` on its store (W3), `Projection.replay` (W4), `Projection.run` — the subscription with the read model and its checkpoint saved together after each batch of 1,000 (W4c); the W4 and W4c projections name the envelope fields they read (`type`, `data`), so the SQL stores skip event ids and metadata. The SQL stores validate and encode every event with the codec; the in-memory store does so only with a codec (`+ codec`).",
    ""
  ].join("\n")
  writeFileSync(markdownPath, markdown)
  process.stdout.write(`Markdown: ${relative(process.cwd(), markdownPath)}\n`)
}
