/**
 * The raw PostgreSQL baseline: `pg` on one connection, named prepared statements, one INSERT per event (W1),
 * one multi-row INSERT per stream (W2), a plain SELECT per stream (W3) and one SELECT of the whole log (W4).
 * The unique key on (stream, position) is the expected-version check.
 */
import pg from "pg"
import type { Measurement, Workload } from "../workload.ts"
import { Checks, eventOf, evolveByType, initialState, perStream, project, streamName, time } from "../workload.ts"

export const run = async (workload: Workload, streams: number, url: string): Promise<Measurement> => {
  if (workload === "W4c") throw new Error("a raw driver has no consumer machinery")
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`CREATE TABLE events (
      global_position bigserial PRIMARY KEY,
      stream_id text NOT NULL,
      stream_position integer NOT NULL,
      type text NOT NULL,
      data jsonb NOT NULL,
      UNIQUE (stream_id, stream_position))`)
    const insertOne = "INSERT INTO events (stream_id, stream_position, type, data) VALUES ($1, $2, $3, $4)"
    const rows = Array.from({ length: perStream }, (_, k) => `($1, ${k + 1}, $${2 * k + 2}, $${2 * k + 3})`)
    const insertStream = `INSERT INTO events (stream_id, stream_position, type, data) VALUES ${rows.join(", ")}`
    const appendStream = async (s: number): Promise<number> => {
      const values: Array<string> = [streamName(s)]
      for (let k = 0; k < perStream; k++) {
        const event = eventOf(s, k)
        values.push(event.type, JSON.stringify(event.data))
      }
      const result = await client.query({ name: "insert-stream", text: insertStream, values })
      return result.rowCount ?? 0
    }
    const prefill = async () => {
      for (let s = 0; s < streams; s++) await appendStream(s)
    }
    const count = async () => Number((await client.query<{ n: string }>("SELECT COUNT(*) AS n FROM events")).rows[0]!.n)
    const checks = new Checks()
    const events = perStream * streams
    switch (workload) {
      case "W1": {
        const { seconds } = await time(async () => {
          for (let k = 0; k < perStream; k++) {
            for (let s = 0; s < streams; s++) {
              const event = eventOf(s, k)
              const result = await client.query({
                name: "insert-one",
                text: insertOne,
                values: [streamName(s), k + 1, event.type, JSON.stringify(event.data)]
              })
              checks.version(k + (result.rowCount ?? 0), k + 1)
            }
          }
        })
        checks.stored(await count(), streams)
        return { events, seconds, failures: checks.failures }
      }
      case "W2": {
        const { seconds } = await time(async () => {
          for (let s = 0; s < streams; s++) checks.version(await appendStream(s), perStream)
        })
        checks.stored(await count(), streams)
        return { events, seconds, failures: checks.failures }
      }
      case "W3": {
        await prefill()
        const select = "SELECT type, data FROM events WHERE stream_id = $1 ORDER BY stream_position"
        const { seconds, value } = await time(async () => {
          let total = 0
          for (let s = 0; s < streams; s++) {
            const result = await client.query<{ type: string }>({
              name: "select-stream",
              text: select,
              values: [streamName(s)]
            })
            let state = initialState
            for (const row of result.rows) state = evolveByType(state, row.type)
            total += state.memberCount
          }
          return total
        })
        checks.total(value, streams)
        return { events, seconds, failures: checks.failures }
      }
      case "W4": {
        await prefill()
        const { seconds, value } = await time(async () => {
          const result = await client.query<{ type: string; data: { orgId: string } }>(
            "SELECT type, data FROM events ORDER BY global_position"
          )
          const counts = new Map<string, number>()
          for (const row of result.rows) project(counts, row.type, row.data.orgId)
          return counts
        })
        checks.counts(value, streams)
        return { events, seconds, failures: checks.failures }
      }
    }
  } finally {
    await client.end()
  }
}
