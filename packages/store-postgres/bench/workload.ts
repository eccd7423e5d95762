/**
 * W1–W4c of shared bench/WORKLOAD.md against this store, beside the raw driver (@effect/sql-pg, one INSERT per
 * event / per stream, plain SELECT) in the same run. Not a test: run it by hand on an idle machine.
 *
 *   node packages/store-postgres/bench/workload.ts [S=2000] [runs=1]
 *
 * Each workload gets a fresh schema (dropped afterwards); opening, migrating and pre-filling are not timed.
 */
import type { Envelope } from "@dangjian/core"
import { EventCodec, EventDefinition, EventStore, Projection, Uuid } from "@dangjian/core"
import { PgClient } from "@effect/sql-pg"
import { Effect, Layer, Redacted, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { PostgresStore } from "../src/index.ts"

const url = process.env["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/test"
const S = Number(process.argv[2] ?? 2_000)
const runs = Number(process.argv[3] ?? 1)

const OrganizationEstablished = EventDefinition.define(
  "OrganizationEstablished",
  Schema.TaggedStruct("OrganizationEstablished", { orgId: Schema.String, name: Schema.String, plan: Schema.String })
)
const MemberJoined = EventDefinition.define(
  "MemberJoined",
  Schema.TaggedStruct("MemberJoined", { orgId: Schema.String, memberId: Schema.String, role: Schema.String })
)
const codec = EventCodec.make([OrganizationEstablished, MemberJoined])
type Ev = typeof codec extends EventCodec.EventCodec<infer E> ? E : never

const metadata = { occurredAt: "2024-01-01", recordedAt: "2024-01-01T00:00:00.000Z" }
const eventOf = (s: number, k: number): Ev =>
  k === 0
    ? { _tag: "OrganizationEstablished", orgId: `org-${s}`, name: `Organization ${s}`, plan: "standard" }
    : { _tag: "MemberJoined", orgId: `org-${s}`, memberId: `member-${s}-${k}`, role: "member" }

const ids = (n: number) => Effect.runSync(Uuid.v7Many(n))

interface State {
  readonly established: boolean
  readonly memberCount: number
}
const initial: State = { established: false, memberCount: 0 }
const evolve = (state: State, event: Ev): State =>
  event._tag === "OrganizationEstablished"
    ? { established: true, memberCount: 0 }
    : { ...state, memberCount: state.memberCount + 1 }

const Counts = Schema.Record(Schema.String, Schema.Number)
const projection = Projection.make<Record<string, number>>({
  name: "members",
  version: 1,
  initialState: {},
  apply: (state, envelope: Envelope.Envelope) => {
    const event = envelope.data as Ev
    if (event._tag === "MemberJoined") state[event.orgId] = (state[event.orgId] ?? 0) + 1
    else state[event.orgId] ??= 0
    return state
  },
  stateSchema: Counts
})

const Client = PgClient.layer({ url: Redacted.make(url), maxConnections: 4 })

const withSchema = <A, E>(
  body: (schema: string) => Effect.Effect<A, E, SqlClient.SqlClient | PgClient.PgClient>
) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const schema = `dj_bench_${Math.random().toString(36).slice(2, 10)}`
    return yield* body(schema).pipe(
      Effect.ensuring(sql.unsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).raw.pipe(Effect.ignore))
    )
  })

const store = (schema: string) => PostgresStore.layerClient({ codec, schema, notifications: true })

const prefill = Effect.gen(function*() {
  const s = yield* EventStore.EventStore
  for (let i = 0; i < S; i++) {
    const eventIds = ids(10)
    yield* s.append([{
      streamId: `organization-${i}`,
      expected: "noStream",
      events: Array.from({ length: 10 }, (_, k) => ({ eventId: eventIds[k]!, type: "", data: eventOf(i, k), metadata }))
    }])
  }
})

const timed = <A, E, R>(label: string, events: number, body: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    const start = performance.now()
    const result = yield* body
    const seconds = (performance.now() - start) / 1000
    return { label, rate: Math.round(events / seconds), result }
  })

const dangjian = {
  W1: withSchema((schema) =>
    Effect.gen(function*() {
      const s = yield* EventStore.EventStore
      const allIds = ids(10 * S)
      return yield* timed(
        "W1",
        10 * S,
        Effect.gen(function*() {
          for (let k = 0; k < 10; k++) {
            for (let i = 0; i < S; i++) {
              const r = yield* s.append([{
                streamId: `organization-${i}`,
                expected: k,
                events: [{ eventId: allIds[k * S + i]!, type: "", data: eventOf(i, k), metadata }]
              }])
              if (r.streams[0]!.version !== k + 1) throw new Error("W1 check")
            }
          }
        })
      )
    }).pipe(Effect.provide(store(schema)))
  ),
  W2: withSchema((schema) =>
    Effect.gen(function*() {
      return yield* timed("W2", 10 * S, prefill)
    }).pipe(Effect.provide(store(schema)))
  ),
  W3: withSchema((schema) =>
    Effect.gen(function*() {
      const s = yield* EventStore.EventStore
      yield* prefill
      return yield* timed(
        "W3",
        10 * S,
        Effect.gen(function*() {
          let total = 0
          for (let i = 0; i < S; i++) {
            const read = yield* s.readStream(`organization-${i}`)
            let state = initial
            for (const e of read.events) state = evolve(state, e.data as Ev)
            total += state.memberCount
          }
          if (total !== 9 * S) throw new Error("W3 check")
        })
      )
    }).pipe(Effect.provide(store(schema)))
  ),
  W4: withSchema((schema) =>
    Effect.gen(function*() {
      const s = yield* EventStore.EventStore
      yield* prefill
      return yield* timed(
        "W4",
        10 * S,
        Effect.gen(function*() {
          const counts = new Map<string, number>()
          let after = 0
          while (true) {
            const batch = yield* s.readAll({ after, limit: 1000 })
            if (batch.length === 0) break
            for (const e of batch) {
              const ev = e.data as Ev
              counts.set(ev.orgId, (counts.get(ev.orgId) ?? 0) + (ev._tag === "MemberJoined" ? 1 : 0))
            }
            after = batch[batch.length - 1]!.globalPosition
          }
          if (counts.size !== S || [...counts.values()].some((c) => c !== 9)) throw new Error("W4 check")
        })
      )
    }).pipe(Effect.provide(store(schema)))
  ),
  W4c: withSchema((schema) =>
    Effect.gen(function*() {
      yield* prefill
      return yield* timed(
        "W4c",
        10 * S,
        Effect.gen(function*() {
          const done = yield* Projection.catchUp(projection, { batchSize: 1000 })
          if (Object.keys(done.state).length !== S) throw new Error("W4c check")
        })
      )
    }).pipe(Effect.provide(store(schema)))
  )
}

const rawSchema = (schema: string) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql.unsafe(`CREATE SCHEMA "${schema}"`).raw
    yield* sql.unsafe(`CREATE TABLE "${schema}".events (global_position bigserial PRIMARY KEY, stream_id text NOT NULL,
      stream_position bigint NOT NULL, type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL,
      UNIQUE (stream_id, stream_position))`).raw
  })

const rawPrefill = (schema: string) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const text = `INSERT INTO "${schema}".events (stream_id, stream_position, type, data, metadata)
      SELECT $1, p, t, d::jsonb, $4::jsonb FROM unnest($2::int[], $3::text[], $5::text[]) AS u(p, t, d)`
    for (let i = 0; i < S; i++) {
      const events = Array.from({ length: 10 }, (_, k) => eventOf(i, k))
      yield* sql.unsafe(text, [
        `organization-${i}`,
        events.map((_, k) => k + 1),
        events.map((e) => e._tag),
        JSON.stringify(metadata),
        events.map((e) => JSON.stringify(e))
      ]).raw
    }
  })

const raw = {
  W1: withSchema((schema) =>
    Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      yield* rawSchema(schema)
      const text = `INSERT INTO "${schema}".events (stream_id, stream_position, type, data, metadata)
        VALUES ($1, $2, $3, $4::jsonb, $5::jsonb)`
      const meta = JSON.stringify(metadata)
      return yield* timed(
        "W1",
        10 * S,
        Effect.gen(function*() {
          for (let k = 0; k < 10; k++) {
            for (let i = 0; i < S; i++) {
              const e = eventOf(i, k)
              yield* sql.unsafe(text, [`organization-${i}`, k + 1, e._tag, JSON.stringify(e), meta]).raw
            }
          }
        })
      )
    })
  ),
  W2: withSchema((schema) =>
    Effect.gen(function*() {
      yield* rawSchema(schema)
      return yield* timed("W2", 10 * S, rawPrefill(schema))
    })
  ),
  W3: withSchema((schema) =>
    Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      yield* rawSchema(schema)
      yield* rawPrefill(schema)
      const text =
        `SELECT stream_position, type, data FROM "${schema}".events WHERE stream_id = $1 ORDER BY stream_position`
      return yield* timed(
        "W3",
        10 * S,
        Effect.gen(function*() {
          let total = 0
          for (let i = 0; i < S; i++) {
            const rows = yield* sql.unsafe(text, [`organization-${i}`]).values
            let state = initial
            for (const row of rows) state = evolve(state, row[2] as Ev)
            total += state.memberCount
          }
          if (total !== 9 * S) throw new Error("raw W3 check")
        })
      )
    })
  ),
  W4: withSchema((schema) =>
    Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      yield* rawSchema(schema)
      yield* rawPrefill(schema)
      const text =
        `SELECT global_position, stream_id, stream_position, type, data, metadata FROM "${schema}".events ORDER BY global_position`
      return yield* timed(
        "W4",
        10 * S,
        Effect.gen(function*() {
          const rows = yield* sql.unsafe(text).values
          const counts = new Map<string, number>()
          for (const row of rows) {
            const ev = row[4] as Ev
            counts.set(ev.orgId, (counts.get(ev.orgId) ?? 0) + (ev._tag === "MemberJoined" ? 1 : 0))
          }
          if (counts.size !== S) throw new Error("raw W4 check")
        })
      )
    })
  )
}

const only = process.env["ONLY"]?.split(",")
const program = Effect.gen(function*() {
  const table: Record<string, { raw: Array<number>; dangjian: Array<number> }> = {}
  for (let r = 0; r < runs; r++) {
    for (const id of ["W1", "W2", "W3", "W4", "W4c"] as const) {
      if (only !== undefined && !only.includes(id)) continue
      const row = (table[id] ??= { raw: [], dangjian: [] })
      if (id !== "W4c") row.raw.push((yield* raw[id]).rate)
      row.dangjian.push((yield* dangjian[id]).rate)
    }
  }
  const median = (xs: Array<number>) =>
    xs.length === 0 ? NaN : [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  console.log(`S=${S} (${10 * S} events), runs=${runs}, events/s (median)`)
  console.log("workload | raw driver | dangjian | ratio")
  for (const [id, row] of Object.entries(table)) {
    const rawRate = median(row.raw)
    const ours = median(row.dangjian)
    console.log(
      `${id} | ${Number.isNaN(rawRate) ? "—" : rawRate} | ${ours} | ${
        Number.isNaN(rawRate) ? "—" : (ours / rawRate).toFixed(2)
      }`
    )
  }
})

Effect.runPromise(program.pipe(Effect.provide(Layer.fresh(Client)))).catch((error) => {
  console.error(error)
  process.exit(1)
})
