/**
 * PostgreSQL append at scale (issue #20, point 4): how the time of ONE atomic append grows with its size. An
 * import is one append of 10^5–10^6 events to as many as ~170,000 streams; the first body of `append_events`
 * (migration 1) took 8.8 s for 40,526 events, 21 s for 81,640 and 83 s for 163,484: quadratic.
 *
 *   node packages/bench/src/pgAppend.ts [--sizes 10000,100000,1000000] [--runs 3] [--old-limit 600] [--json PATH]
 *   pnpm --filter @dangjian/bench pg-append     # the same, with --expose-gc (a collection before each timed append)
 *
 * Each size N is one append of N events to N/4 streams ("noStream", 4 events each: one
 * `OrganizationEstablished`, three `MemberJoined`), with metadata shared by a stream's events and different
 * from one stream to the next, as an import's commands have. Every run goes through every size, and at each size
 * times these systems, each on a fresh schema of one fresh database (created untimed, then a `CHECKPOINT`), in
 * this order:
 *
 * - `raw`: the floor: one statement that inserts the same stream rows and event rows from `unnest` (positions
 *   from the same sequence, the event's stream id and stream position sent per event), no check of any kind;
 * - `new`: the function of migration 2, called with the parameters `PostgresEventStore` sends;
 * - `store`: `EventStore.append` of the same request on `PostgresStore.layer` (migration 2), end to end:
 *   validation, encoding, building the parameters, the driver, the function; sent as one statement whatever
 *   its size (`appendChunkBytes` set out of reach);
 * - `staged`: the same, staged in chunks of 4 Mi code units within one transaction (`appendChunkBytes`), as the
 *   store does by default above 64 Mi;
 * - `old`: the function of migration 1 (a schema given only the first migration's statements), same call.
 *   It stops at `--old-limit` seconds (statement_timeout), and is not run again at a size where it stopped.
 *
 * `raw`, `new` and `old` go through `pg` (text parameters); `store` and `staged` through the store's own driver. A run is
 * checked untimed (every event stored once, every stream at version 4); one that fails its checks does not
 * count. Prints a Markdown table: median seconds per append, microseconds per event, and each per-event time
 * over the same system's at the smallest size (1.0 = linear).
 */
import { EventStore, Uuid } from "@dangjian/core/kernel"
import { Envelope } from "@dangjian/core/store"
import type { NewEvent } from "@dangjian/core/store"
import { Migrations, PostgresStore, StoreConfig } from "@dangjian/store-postgres"
import { Effect, Redacted, Result } from "effect"
import { mkdirSync, writeFileSync } from "node:fs"
import { cpus, totalmem } from "node:os"
import { dirname, resolve } from "node:path"
import { parseArgs } from "node:util"
import pg from "pg"
import * as Postgres from "./postgres.ts"
import { codec } from "./systems/dangjian.ts"

const args = process.argv.slice(2)
const { values } = parseArgs({
  args: args[0] === "--" ? args.slice(1) : args,
  options: {
    sizes: { type: "string", default: "10000,100000,1000000" },
    runs: { type: "string", default: "3" },
    "old-limit": { type: "string", default: "600" },
    json: { type: "string" }
  }
})

const fail = (message: string): never => {
  process.stderr.write(`pgAppend: ${message}\n`)
  process.exit(2)
}

const sizes = values.sizes.split(",").map((s) => Number(s.trim()))
const runs = Number(values.runs)
const oldLimit = Number(values["old-limit"])
for (const size of sizes) {
  if (!Number.isSafeInteger(size) || size < 4 || size % 4 !== 0) fail("--sizes must be multiples of 4, ≥ 4")
}
if (!Number.isSafeInteger(runs) || runs < 1) fail("--runs must be a whole number ≥ 1")
if (!(oldLimit > 0)) fail("--old-limit must be a number of seconds > 0")

const perStream = 4

/** The chunk of the `staged` system: every size here above 10^4 events is staged in several chunks. */
const stagedChunk = 4 * 1024 * 1024
const systems = ["raw", "new", "store", "staged", "old"] as const
type SystemId = (typeof systems)[number]

// ---- the request ----------------------------------------------------------------------------------------

type Data =
  | { readonly _tag: "OrganizationEstablished"; readonly orgId: string; readonly name: string; readonly plan: string }
  | { readonly _tag: "MemberJoined"; readonly orgId: string; readonly memberId: string; readonly role: string }

const dataOf = (s: number, k: number): Data =>
  k === 0
    ? { _tag: "OrganizationEstablished", orgId: `org-${s}`, name: `Organization ${s}`, plan: "standard" }
    : { _tag: "MemberJoined", orgId: `org-${s}`, memberId: `member-${s}-${k}`, role: "member" }

/** One import-like append: `events / 4` new streams of 4 events each. */
const requestOf = (events: number): ReadonlyArray<EventStore.AppendToStream> => {
  const ids = Effect.runSync(Uuid.v7Many(events))
  const request: Array<EventStore.AppendToStream> = []
  for (let s = 0; s < events / perStream; s++) {
    const day = 1 + (s % 28)
    const metadata = {
      occurredAt: `2026-02-${String(day).padStart(2, "0")}`,
      recordedAt: `2026-03-01T00:00:${String(s % 60).padStart(2, "0")}.000Z`,
      correlationId: `import-${s}`
    }
    const streamEvents: Array<NewEvent> = []
    for (let k = 0; k < perStream; k++) {
      const data = dataOf(s, k)
      streamEvents.push({ eventId: ids[s * perStream + k]!, type: data._tag, data, metadata })
    }
    request.push({ streamId: `organization-${s}`, expected: "noStream", events: streamEvents })
  }
  return request
}

/** The thirteen parameters of `append_events`, built as `PostgresEventStore` builds them. */
const functionParams = (request: ReadonlyArray<EventStore.AppendToStream>): Array<unknown> => {
  const streams: Array<string> = []
  const categories: Array<string> = []
  const expected: Array<string> = []
  const counts: Array<number> = []
  const eventStream: Array<number> = []
  const eventOffset: Array<number> = []
  const ids: Array<string> = []
  const types: Array<string> = []
  const versions: Array<number> = []
  const data: Array<string> = []
  const metadata: Array<string> = []
  for (let i = 0; i < request.length; i++) {
    const part = request[i]!
    streams.push(part.streamId)
    categories.push(Envelope.categoryOf(part.streamId))
    expected.push("-2")
    counts.push(part.events.length)
    let metadataText = ""
    for (let k = 0; k < part.events.length; k++) {
      const event = part.events[k]!
      eventStream.push(i + 1)
      eventOffset.push(k + 1)
      ids.push(event.eventId)
      types.push(event.type)
      versions.push(1)
      data.push(JSON.stringify(event.data))
      if (k === 0) metadataText = JSON.stringify(event.metadata)
      metadata.push(metadataText)
    }
  }
  const lockOrder = streams.map((_, i) => i + 1).sort((a, b) => {
    const x = streams[a - 1]!
    const y = streams[b - 1]!
    return x < y ? -1 : x > y ? 1 : 0
  })
  return [
    streams,
    categories,
    expected,
    counts,
    lockOrder,
    eventStream,
    eventOffset,
    ids,
    types,
    versions,
    data,
    metadata,
    true
  ]
}

/** The same rows for the raw insert: per stream, and per event with its stream id and position. */
const rawParams = (request: ReadonlyArray<EventStore.AppendToStream>): Array<unknown> => {
  const [streams, categories, , , , , , ids, types, versions, data, metadata] = functionParams(request)
  const eventStreams: Array<string> = []
  const eventPositions: Array<number> = []
  for (const part of request) {
    for (let k = 0; k < part.events.length; k++) {
      eventStreams.push(part.streamId)
      eventPositions.push(k + 1)
    }
  }
  return [streams, categories, eventStreams, eventPositions, ids, types, versions, data, metadata]
}

// ---- the systems ----------------------------------------------------------------------------------------

const namesOf = (schema: string): StoreConfig.Names => Result.getOrThrow(StoreConfig.names({ schema }))

const callSql = (n: StoreConfig.Names) =>
  `SELECT status, cardinality(positions) AS stored FROM ${n.appendFunction}($1::text[], $2::text[], $3::bigint[],
    $4::int[], $5::int[], $6::int[], $7::int[], $8::uuid[], $9::text[], $10::int[], $11::text[], $12::text[], $13::boolean)`

const rawSql = (n: StoreConfig.Names) =>
  `WITH s AS (
     INSERT INTO ${n.streams} (stream_id, version, category)
       SELECT r.id, ${perStream}, r.category FROM unnest($1::text[], $2::text[]) AS r(id, category)
   )
   INSERT INTO ${n.events} (global_position, stream_id, stream_position, event_id, type, schema_version, data,
                            metadata, horizon)
     SELECT nextval(${n.sequenceLiteral}), e.stream, e.sp, e.id, e.ty, e.sv, e.d::json, e.m::json,
            pg_current_xact_id()
       FROM unnest($3::text[], $4::bigint[], $5::uuid[], $6::text[], $7::int[], $8::text[], $9::text[])
              AS e(stream, sp, id, ty, sv, d, m)`

interface Timed {
  readonly seconds: number
  /** The statement was stopped at the limit. */
  readonly stopped?: boolean
  readonly failures: ReadonlyArray<string>
}

const collect = () => (globalThis as { gc?: () => void }).gc?.()

/** Checks, untimed, that the schema holds the append once: `events` rows, every stream at version 4. */
const check = async (client: pg.Client, n: StoreConfig.Names, events: number): Promise<Array<string>> => {
  const row = (await client.query<{ e: string; p: string; s: string; v: string; bad: string }>(
    `SELECT (SELECT count(*) FROM ${n.events}) AS e,
            (SELECT count(DISTINCT global_position) FROM ${n.events}) AS p,
            (SELECT count(*) FROM ${n.streams}) AS s,
            (SELECT coalesce(sum(version), 0) FROM ${n.streams}) AS v,
            (SELECT count(*) FROM ${n.events} e JOIN ${n.streams} s USING (stream_id)
              WHERE e.stream_position < 1 OR e.stream_position > s.version) AS bad`
  )).rows[0]!
  const failures: Array<string> = []
  if (Number(row.e) !== events || Number(row.p) !== events) failures.push(`${row.e} events stored, ${events} expected`)
  if (Number(row.s) !== events / perStream) failures.push(`${row.s} streams, ${events / perStream} expected`)
  if (Number(row.v) !== events) failures.push(`versions sum to ${row.v}, ${events} expected`)
  if (Number(row.bad) !== 0) failures.push(`${row.bad} events beyond their stream's version`)
  return failures
}

const isTimeout = (cause: unknown): boolean =>
  typeof cause === "object" && cause !== null && (cause as { code?: unknown }).code === "57014"

const runSystem = async (
  system: SystemId,
  url: string,
  schema: string,
  request: ReadonlyArray<EventStore.AppendToStream>,
  events: number
): Promise<Timed> => {
  const n = namesOf(schema)
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`CREATE SCHEMA ${n.schemaIdent}`)
    if (system === "store" || system === "staged") {
      const layer = PostgresStore.layer({
        url: Redacted.make(url),
        schema,
        codec,
        maxConnections: 1,
        appendChunkBytes: system === "store" ? Number.MAX_SAFE_INTEGER : stagedChunk
      })
      const seconds = await Effect.runPromise(Effect.scoped(
        Effect.gen(function*() {
          const store = yield* EventStore.EventStore
          yield* Effect.promise(() => client.query("CHECKPOINT"))
          collect()
          const start = performance.now()
          const result = yield* store.append(request)
          const elapsed = (performance.now() - start) / 1000
          if (result.positions.length !== events) throw new Error(`${result.positions.length} positions returned`)
          return elapsed
        }).pipe(Effect.provide(layer))
      ))
      return { seconds, failures: await check(client, n, events) }
    }
    for (const statement of Migrations.initialStatements(n)) await client.query(statement)
    if (system === "new") {
      for (const statement of Migrations.linearAppendStatements(n)) await client.query(statement)
    }
    const text = system === "raw" ? rawSql(n) : callSql(n)
    const params = system === "raw" ? rawParams(request) : functionParams(request)
    await client.query(`SET statement_timeout = ${system === "old" ? Math.round(oldLimit * 1000) : 0}`)
    await client.query("CHECKPOINT")
    collect()
    const start = performance.now()
    let result: pg.QueryResult
    try {
      // The parameters are built before the clock starts for these three; the driver's encoding is timed.
      result = await client.query(text, params)
    } catch (cause) {
      if (isTimeout(cause)) return { seconds: oldLimit, stopped: true, failures: [] }
      throw cause
    }
    const seconds = (performance.now() - start) / 1000
    const failures = await check(client, n, events)
    if (system !== "raw") {
      const row = result.rows[0] as { status: string; stored: number }
      if (row.status !== "ok" || row.stored !== events) failures.push(`status ${row.status}, ${row.stored} positions`)
    }
    return { seconds, failures }
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${n.schemaIdent} CASCADE`).catch(() => undefined)
    await client.end()
  }
}

// ---- the run --------------------------------------------------------------------------------------------

interface Cell {
  readonly system: SystemId
  readonly events: number
  readonly streams: number
  /** Seconds of every counted run. */
  readonly seconds: Array<number>
  stoppedAt?: number
  readonly failures: Array<string>
}

const median = (xs: ReadonlyArray<number>): number => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const started = new Date()
const probe = await Postgres.probe()
const serverVersion = "version" in probe
  ? probe.version
  : fail(`PostgreSQL unreachable at ${Postgres.adminUrl()}: ${probe.error}`)
await Postgres.dropLeftovers()
const cells: Array<Cell> = []
const database = await Postgres.freshDatabase(process.pid)
try {
  // Every run goes through every size, so that the shared machine's load, which drifts over minutes, weighs on
  // each size alike (one size after another, the 10^6 cells ran 30 minutes after the 10^4 ones).
  const requests = new Map(sizes.map((events) => [events, requestOf(events)]))
  for (const events of sizes) {
    for (const system of systems) {
      cells.push({ system, events, streams: events / perStream, seconds: [], failures: [] })
    }
  }
  for (let run = 1; run <= runs; run++) {
    for (const events of sizes) {
      for (const system of systems) {
        const cell = cells.find((c) => c.system === system && c.events === events)!
        if (cell.stoppedAt !== undefined) continue
        const schema = `append_${system}_${run}`
        const timed = await runSystem(system, database.url, schema, requests.get(events)!, events)
        if (timed.stopped === true) cell.stoppedAt = timed.seconds
        else if (timed.failures.length > 0) cell.failures.push(...timed.failures)
        else cell.seconds.push(timed.seconds)
        process.stderr.write(
          `${events} events, run ${run}, ${system}: ${
            timed.stopped === true ? `stopped at ${timed.seconds} s` : `${timed.seconds.toFixed(2)} s`
          }${timed.failures.length > 0 ? ` FAILED ${timed.failures.join("; ")}` : ""}\n`
        )
      }
    }
  }
} finally {
  await database.drop()
}

// ---- the report -----------------------------------------------------------------------------------------

const fmt = (x: number, digits: number) =>
  x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })
const cellOf = (system: SystemId, events: number) => cells.find((c) => c.system === system && c.events === events)!
const perEvent = (cell: Cell): number | undefined =>
  cell.seconds.length === 0 ? undefined : (median(cell.seconds) / cell.events) * 1e6
const smallest = sizes[0]!

const lines: Array<string> = []
lines.push(
  `One append of N events to N/4 streams; median of ${runs} run(s) (seconds), µs per event, and µs per event over the same system's at N = ${
    smallest.toLocaleString("en-US")
  } (1.00 = linear). \`old\` stops at ${oldLimit} s.`
)
lines.push("")
lines.push("| N events | streams | system | seconds | µs/event | × per-event time at smallest N | / raw |")
lines.push("| ---: | ---: | --- | ---: | ---: | ---: | ---: |")
for (const events of sizes) {
  const raw = cellOf("raw", events)
  for (const system of systems) {
    const cell = cellOf(system, events)
    const us = perEvent(cell)
    const base = perEvent(cellOf(system, smallest))
    const rawSeconds = raw.seconds.length > 0 ? median(raw.seconds) : undefined
    const seconds = cell.seconds.length > 0 ? median(cell.seconds) : undefined
    const shown = cell.stoppedAt !== undefined
      ? `> ${fmt(cell.stoppedAt, 0)} (stopped)`
      : seconds === undefined
      ? `failed: ${cell.failures[0] ?? "no run"}`
      : fmt(seconds, 2)
    lines.push(
      `| ${events.toLocaleString("en-US")} | ${cell.streams.toLocaleString("en-US")} | ${system} | ${shown} | ${
        us === undefined
          ? (cell.stoppedAt !== undefined ? `> ${fmt((cell.stoppedAt / events) * 1e6, 1)}` : "—")
          : fmt(us, 1)
      } | ${us !== undefined && base !== undefined ? fmt(us / base, 2) : "—"} | ${
        system !== "raw" && seconds !== undefined && rawSeconds !== undefined ? `${fmt(seconds / rawSeconds, 2)}×` : "—"
      } |`
    )
  }
}
lines.push("")
lines.push(
  `${started.toISOString()}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, ${
    Math.round(totalmem() / 2 ** 30)
  } GiB, PostgreSQL ${serverVersion} on loopback.`
)
const markdown = lines.join("\n")
process.stdout.write(`${markdown}\n`)
if (values.json !== undefined) {
  const path = resolve(values.json)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, JSON.stringify({ started: started.toISOString(), runs, oldLimit, cells }, null, 2))
}
process.exit(0)
