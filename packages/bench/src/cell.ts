/**
 * One cell of the bench in its own process: one system, one workload, a fresh store. Opening, migrating and
 * pre-filling are not timed; the untimed checks run after the timed section. Prints one line
 * `BENCH-RESULT <json>` and exits.
 *
 *   node src/cell.ts --system dangjian-sqlite --workload W1 --streams 10000 [--owner <bench pid>]
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
import type { CellResult } from "./protocol.ts"
import { resultMarker } from "./protocol.ts"
import { systemById } from "./systems.ts"
import type { Measurement, Workload } from "./workload.ts"
import { workloads } from "./workload.ts"

const withTempDir = async <A>(body: (dir: string) => Promise<A>): Promise<A> => {
  const dir = mkdtempSync(join(tmpdir(), "dangjian-bench-"))
  try {
    return await body(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const withDatabase = async <A>(owner: number, body: (url: string) => Promise<A>): Promise<A> => {
  const { freshDatabase } = await import("./postgres.ts")
  const database = await freshDatabase(owner)
  try {
    return await body(database.url)
  } finally {
    await database.drop()
  }
}

const measure = async (system: string, workload: Workload, streams: number, owner: number): Promise<Measurement> => {
  switch (system) {
    case "raw-js":
      return (await import("./systems/rawJs.ts")).run(workload, streams)
    case "emmett-memory":
      return (await import("./systems/emmett.ts")).runMemory(workload, streams)
    case "dangjian-memory":
    case "dangjian-memory-codec": {
      const { MemoryStore, Projection } = await import("@dangjian/core/kernel")
      const { Layer } = await import("effect")
      const dangjian = await import("./systems/dangjian.ts")
      const store = MemoryStore.layer(system === "dangjian-memory" ? {} : { codec: dangjian.codec })
      return dangjian.run(Layer.merge(store, Projection.layerMemoryStore), workload, streams)
    }
    case "raw-sqlite":
      return withTempDir(async (dir) =>
        (await import("./systems/rawSqlite.ts")).run(workload, streams, join(dir, "raw.db"))
      )
    case "emmett-sqlite":
      return withTempDir(async (dir) =>
        (await import("./systems/emmett.ts")).runSqlite(workload, streams, join(dir, "emmett.db"))
      )
    case "dangjian-sqlite":
      return withTempDir(async (dir) => {
        const { SqliteStore } = await import("@dangjian/store-sqlite")
        const dangjian = await import("./systems/dangjian.ts")
        const filename = join(dir, "dangjian.db")
        const layer = SqliteStore.layer({ filename, codec: dangjian.codec, synchronous: "FULL" })
        const measured = await dangjian.run(layer, workload, streams)
        return { ...measured, notes: ["node:sqlite, WAL, synchronous=FULL"] }
      })
    case "raw-postgres":
      return withDatabase(owner, async (url) => (await import("./systems/rawPostgres.ts")).run(workload, streams, url))
    case "emmett-postgres":
      return withDatabase(
        owner,
        async (url) => (await import("./systems/emmett.ts")).runPostgres(workload, streams, url)
      )
    case "dangjian-postgres":
      return withDatabase(owner, async (url) => {
        const { PostgresStore } = await import("@dangjian/store-postgres")
        const { Redacted } = await import("effect")
        const dangjian = await import("./systems/dangjian.ts")
        const layer = PostgresStore.layer({ url: Redacted.make(url), codec: dangjian.codec, maxConnections: 4 })
        return dangjian.run(layer, workload, streams)
      })
    default:
      throw new Error(`unknown system ${system}`)
  }
}

const describe = (cause: unknown): string => {
  if (cause instanceof Error) return `${cause.name}: ${cause.message.split("\n")[0]}`
  if (typeof cause === "object" && cause !== null) {
    const tagged = cause as { _tag?: unknown; message?: unknown }
    return `${String(tagged._tag ?? "error")}: ${String(tagged.message ?? JSON.stringify(cause))}`
  }
  return String(cause)
}

const main = async (): Promise<CellResult> => {
  const { values } = parseArgs({
    options: {
      system: { type: "string" },
      workload: { type: "string" },
      streams: { type: "string", default: "10000" },
      owner: { type: "string", default: String(process.pid) }
    }
  })
  const system = values.system ?? ""
  const workload = values.workload as Workload
  const streams = Number(values.streams)
  const base = { system, workload, streams }
  if (systemById(system) === undefined) return { ...base, failures: [], error: `unknown system ${system}` }
  if (!workloads.includes(workload)) return { ...base, failures: [], error: `unknown workload ${workload}` }
  if (!Number.isSafeInteger(streams) || streams < 1) return { ...base, failures: [], error: "--streams must be ≥ 1" }
  try {
    const measured = await measure(system, workload, streams, Number(values.owner))
    return {
      ...base,
      events: measured.events,
      seconds: measured.seconds,
      eventsPerSecond: measured.events / measured.seconds,
      failures: measured.failures,
      ...(measured.notes === undefined ? {} : { notes: measured.notes })
    }
  } catch (cause) {
    return { ...base, failures: [], error: describe(cause) }
  }
}

const result = await main()
process.stdout.write(`${resultMarker}${JSON.stringify(result)}\n`)
process.exit(0)
