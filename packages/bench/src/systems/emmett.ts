/**
 * Emmett 0.42 (`@event-driven-io/emmett` in memory, `emmett-sqlite` on node-sqlite3 with one shared
 * connection, `emmett-postgresql`) through its public API: `appendToStream` (W1, W2), `aggregateStream` (W3),
 * `readMessagesBatch` (W4) and a consumer with one checkpointed processor (W4c). Emmett's in-memory store has
 * no global read and no consumer over the store, so W4 and W4c do not exist for it.
 *
 * The consumers get the same batch size as dangjian's (1,000); their pulling frequency stays Emmett's default.
 */
import { dumbo, rawSql } from "@event-driven-io/dumbo"
import type { EventStore, ReadEvent } from "@event-driven-io/emmett"
import { getInMemoryEventStore, STREAM_DOES_NOT_EXIST } from "@event-driven-io/emmett"
import * as EmmettPg from "@event-driven-io/emmett-postgresql"
import type { BenchEvent, Measurement, State, Workload } from "../workload.ts"
import { Checks, eventOf, evolveByType, initialState, perStream, project, streamName, time } from "../workload.ts"

/** The batch size of global reads and consumers, the same as dangjian's default. */
const batchSize = 1_000

type Event = BenchEvent & { readonly kind?: "Event" }

const evolve = (state: State, event: ReadEvent<Event>): State => evolveByType(state, event.type)

const streamEvents = (s: number): Array<Event> => {
  const events: Array<Event> = []
  for (let k = 0; k < perStream; k++) events.push(eventOf(s, k))
  return events
}

const prefill = async (store: EventStore, streams: number) => {
  for (let s = 0; s < streams; s++) {
    await store.appendToStream(streamName(s), streamEvents(s), { expectedStreamVersion: STREAM_DOES_NOT_EXIST })
  }
}

/** W1, W2 and W3, the workloads every Emmett store offers. */
const common = async (
  store: EventStore,
  workload: "W1" | "W2" | "W3",
  streams: number,
  count: () => Promise<number>
): Promise<Measurement> => {
  const checks = new Checks()
  const events = perStream * streams
  switch (workload) {
    case "W1": {
      const { seconds } = await time(async () => {
        for (let k = 0; k < perStream; k++) {
          for (let s = 0; s < streams; s++) {
            const result = await store.appendToStream(streamName(s), [eventOf(s, k) as Event], {
              expectedStreamVersion: k === 0 ? STREAM_DOES_NOT_EXIST : BigInt(k)
            })
            checks.version(result.nextExpectedStreamVersion as bigint, k + 1)
          }
        }
      })
      checks.stored(await count(), streams)
      return { events, seconds, failures: checks.failures }
    }
    case "W2": {
      const { seconds } = await time(async () => {
        for (let s = 0; s < streams; s++) {
          const result = await store.appendToStream(streamName(s), streamEvents(s), {
            expectedStreamVersion: STREAM_DOES_NOT_EXIST
          })
          checks.version(result.nextExpectedStreamVersion as bigint, perStream)
        }
      })
      checks.stored(await count(), streams)
      return { events, seconds, failures: checks.failures }
    }
    case "W3": {
      await prefill(store, streams)
      const { seconds, value } = await time(async () => {
        let total = 0
        for (let s = 0; s < streams; s++) {
          const result = await store.aggregateStream<State, Event>(streamName(s), {
            evolve,
            initialState: () => initialState
          })
          total += result.state.memberCount
        }
        return total
      })
      checks.total(value, streams)
      return { events, seconds, failures: checks.failures }
    }
  }
}

const orgIdOf = (message: { readonly data: unknown }): string => (message.data as { orgId: string }).orgId

/** Emmett's in-memory store. */
export const runMemory = async (workload: Workload, streams: number): Promise<Measurement> => {
  if (workload === "W4" || workload === "W4c") throw new Error("Emmett's in-memory store has no global read")
  const store = getInMemoryEventStore()
  // The in-memory store has no count: read every stream back (untimed).
  const count = async () => {
    let n = 0
    for (let s = 0; s < streams; s++) n += (await store.readStream(streamName(s))).events.length
    return n
  }
  return common(store, workload, streams, count)
}

/** Emmett on SQLite (node-sqlite3), one shared connection, WAL as Emmett sets it. */
export const runSqlite = async (workload: Workload, streams: number, fileName: string): Promise<Measurement> => {
  // Loaded here, not at the top: node-sqlite3 is an optional native module, and when it did not build the
  // Emmett SQLite cells fail alone instead of taking the in-memory and PostgreSQL cells with them.
  const EmmettSqlite = await import("@event-driven-io/emmett-sqlite")
  const connection = EmmettSqlite.sqliteConnection({ fileName })
  const pool = EmmettSqlite.SQLiteConnectionPool({ fileName, connectionOptions: { singleton: true, connection } })
  const store = EmmettSqlite.getSQLiteEventStore({ fileName, pool, schema: { autoMigration: "CreateOrUpdate" } })
  try {
    await store.schema.migrate()
    const synchronous = await connection.querySingle<{ synchronous: number }>("PRAGMA synchronous")
    const journal = await connection.querySingle<{ journal_mode: string }>("PRAGMA journal_mode")
    const notes = [`journal_mode=${journal?.journal_mode}, synchronous=${synchronous?.synchronous} (2 = FULL)`]
    const count = async () =>
      (await connection.querySingle<{ n: number }>("SELECT COUNT(*) AS n FROM emt_messages"))?.n ?? -1
    const events = perStream * streams
    const checks = new Checks()
    switch (workload) {
      case "W1":
      case "W2":
      case "W3":
        return { ...(await common(store, workload, streams, count)), notes }
      case "W4": {
        await prefill(store, streams)
        const { seconds, value } = await time(async () => {
          const counts = new Map<string, number>()
          let after = 0n
          while (true) {
            const batch = await EmmettSqlite.readMessagesBatch(connection, { after, batchSize })
            for (const message of batch.messages) project(counts, message.type, orgIdOf(message))
            if (batch.messages.length === 0 || !batch.areEventsLeft) break
            after = batch.currentGlobalPosition
          }
          return counts
        })
        checks.counts(value, streams)
        return { events, seconds, failures: checks.failures, notes }
      }
      case "W4c": {
        await prefill(store, streams)
        const counts = new Map<string, number>()
        let last = 0n
        const consumer = store.consumer({ pulling: { batchSize } })
        consumer.processor({
          processorId: "bench-members",
          startFrom: "CURRENT",
          eachMessage: (message) => {
            project(counts, message.type, orgIdOf(message))
            last = message.metadata.globalPosition
          },
          stopAfter: (message) => message.metadata.globalPosition >= BigInt(events)
        })
        const { seconds } = await time(() => consumer.start())
        // Stopped before the checkpoint is read, so that a checkpoint Emmett writes on stopping counts.
        await consumer.stop()
        const checkpoint = await EmmettSqlite.readProcessorCheckpoint(connection, { processorId: "bench-members" })
        checks.counts(counts, streams)
        checks.that(last === BigInt(events), `consumer stopped at ${last}, expected ${events}`)
        checks.that(
          checkpoint.lastProcessedPosition === BigInt(events),
          `stored checkpoint ${checkpoint.lastProcessedPosition}, expected ${events}`
        )
        return { events, seconds, failures: checks.failures, notes }
      }
    }
  } finally {
    await pool.close()
  }
}

/** Emmett on PostgreSQL, on the database at `url` (created for this run). */
export const runPostgres = async (workload: Workload, streams: number, url: string): Promise<Measurement> => {
  const store = EmmettPg.getPostgreSQLEventStore(url, { schema: { autoMigration: "CreateOrUpdate" } })
  const reader = dumbo({ connectionString: url })
  try {
    await store.schema.migrate()
    const count = async () => {
      const result = await reader.execute.query<{ n: string }>(rawSql("SELECT COUNT(*) AS n FROM emt_messages"))
      return Number(result.rows[0]?.n ?? -1)
    }
    const events = perStream * streams
    const checks = new Checks()
    switch (workload) {
      case "W1":
      case "W2":
      case "W3":
        return await common(store, workload, streams, count)
      case "W4": {
        await prefill(store, streams)
        const { seconds, value } = await time(async () => {
          const counts = new Map<string, number>()
          let after = 0n
          while (true) {
            const batch = await EmmettPg.readMessagesBatch(reader.execute, { after, batchSize })
            for (const message of batch.messages) project(counts, message.type, orgIdOf(message))
            if (batch.messages.length === 0 || !batch.areMessagesLeft) break
            after = batch.currentGlobalPosition
          }
          return counts
        })
        checks.counts(value, streams)
        return { events, seconds, failures: checks.failures }
      }
      case "W4c": {
        await prefill(store, streams)
        const counts = new Map<string, number>()
        let last = 0n
        const consumer = EmmettPg.postgreSQLEventStoreConsumer({
          connectionString: url,
          pulling: { batchSize },
          stopWhen: { noMessagesLeft: true }
        })
        consumer.reactor({
          processorId: "bench-members",
          startFrom: "CURRENT",
          eachMessage: (message) => {
            project(counts, message.type, orgIdOf(message))
            last = message.metadata.globalPosition
          },
          stopAfter: (message) => message.metadata.globalPosition >= BigInt(events)
        })
        const { seconds } = await time(() => consumer.start())
        const checkpoint = await EmmettPg.readProcessorCheckpoint(reader.execute, { processorId: "bench-members" })
        await consumer.close()
        checks.counts(counts, streams)
        checks.that(last === BigInt(events), `consumer stopped at ${last}, expected ${events}`)
        checks.that(
          checkpoint.lastProcessedCheckpoint === BigInt(events),
          `stored checkpoint ${checkpoint.lastProcessedCheckpoint}, expected ${events}`
        )
        return { events, seconds, failures: checks.failures }
      }
    }
  } finally {
    await reader.close()
    await store.close()
  }
}
