/**
 * The raw SQLite baseline: better-sqlite3 (or Node's built-in `node:sqlite` when better-sqlite3 cannot load
 * here), WAL, `synchronous = FULL`, prepared statements, one INSERT per event in its own transaction (W1), one
 * transaction of 10 INSERTs per stream (W2), a plain SELECT per stream (W3) and one SELECT of the whole log
 * (W4). The unique key on (stream, position) is the expected-version check.
 */
import { createRequire } from "node:module"
import type { Measurement, Workload } from "../workload.ts"
import { Checks, eventOf, evolveByType, initialState, perStream, project, streamName, time } from "../workload.ts"

interface Statement {
  run(...params: Array<string | number>): { changes: number | bigint }
  all(...params: Array<string | number>): Array<unknown>
  iterate(...params: Array<string | number>): Iterable<unknown>
}

interface Database {
  readonly driver: string
  exec(sql: string): void
  prepare(sql: string): Statement
  close(): void
}

/** Opens better-sqlite3 if it loads, otherwise `node:sqlite`, and says which one and why. */
const open = async (fileName: string): Promise<Database> => {
  const require = createRequire(import.meta.url)
  let reason: string
  try {
    const BetterSqlite3 = require("better-sqlite3") as typeof import("better-sqlite3")
    const db = new BetterSqlite3(fileName)
    return {
      driver: `better-sqlite3 (SQLite ${(db.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v})`,
      exec: (sql) => void db.exec(sql),
      prepare: (sql) => db.prepare(sql) as unknown as Statement,
      close: () => void db.close()
    }
  } catch (cause) {
    reason = cause instanceof Error ? cause.message.split("\n")[0]! : String(cause)
  }
  const { DatabaseSync } = await import("node:sqlite")
  const db = new DatabaseSync(fileName)
  return {
    driver: `node:sqlite (better-sqlite3 did not load: ${reason})`,
    exec: (sql) => db.exec(sql),
    prepare: (sql) => db.prepare(sql) as unknown as Statement,
    close: () => db.close()
  }
}

export const run = async (workload: Workload, streams: number, fileName: string): Promise<Measurement> => {
  if (workload === "W4c") throw new Error("a raw driver has no consumer machinery")
  const db = await open(fileName)
  try {
    db.exec("PRAGMA journal_mode = WAL")
    db.exec("PRAGMA synchronous = FULL")
    db.exec(`CREATE TABLE events (
      global_position INTEGER PRIMARY KEY AUTOINCREMENT,
      stream_id TEXT NOT NULL,
      stream_position INTEGER NOT NULL,
      type TEXT NOT NULL,
      data TEXT NOT NULL,
      UNIQUE (stream_id, stream_position))`)
    const notes = [`driver ${db.driver}, WAL, synchronous=FULL`]
    const insert = db.prepare("INSERT INTO events (stream_id, stream_position, type, data) VALUES (?, ?, ?, ?)")
    const append = (s: number, expected: number, ks: ReadonlyArray<number>): number => {
      let version = expected
      for (const k of ks) {
        const event = eventOf(s, k)
        insert.run(streamName(s), ++version, event.type, JSON.stringify(event.data))
      }
      return version
    }
    const all = Array.from({ length: perStream }, (_, k) => k)
    const appendStream = (s: number): number => {
      db.exec("BEGIN IMMEDIATE")
      try {
        const version = append(s, 0, all)
        db.exec("COMMIT")
        return version
      } catch (error) {
        db.exec("ROLLBACK")
        throw error
      }
    }
    const prefill = () => {
      for (let s = 0; s < streams; s++) appendStream(s)
    }
    const count = () => Number((db.prepare("SELECT COUNT(*) AS n FROM events").all()[0] as { n: number }).n)
    const checks = new Checks()
    const events = perStream * streams
    switch (workload) {
      case "W1": {
        const { seconds } = await time(async () => {
          for (let k = 0; k < perStream; k++) {
            for (let s = 0; s < streams; s++) checks.version(append(s, k, [k]), k + 1)
          }
        })
        checks.stored(count(), streams)
        return { events, seconds, failures: checks.failures, notes }
      }
      case "W2": {
        const { seconds } = await time(async () => {
          for (let s = 0; s < streams; s++) checks.version(appendStream(s), perStream)
        })
        checks.stored(count(), streams)
        return { events, seconds, failures: checks.failures, notes }
      }
      case "W3": {
        prefill()
        const select = db.prepare("SELECT type, data FROM events WHERE stream_id = ? ORDER BY stream_position")
        const { seconds, value } = await time(async () => {
          let total = 0
          for (let s = 0; s < streams; s++) {
            let state = initialState
            for (const row of select.all(streamName(s)) as Array<{ type: string; data: string }>) {
              JSON.parse(row.data)
              state = evolveByType(state, row.type)
            }
            total += state.memberCount
          }
          return total
        })
        checks.total(value, streams)
        return { events, seconds, failures: checks.failures, notes }
      }
      case "W4": {
        prefill()
        const select = db.prepare("SELECT type, data FROM events ORDER BY global_position")
        const { seconds, value } = await time(async () => {
          const counts = new Map<string, number>()
          for (const row of select.iterate() as Iterable<{ type: string; data: string }>) {
            project(counts, row.type, (JSON.parse(row.data) as { orgId: string }).orgId)
          }
          return counts
        })
        checks.counts(value, streams)
        return { events, seconds, failures: checks.failures, notes }
      }
    }
  } finally {
    db.close()
  }
}
