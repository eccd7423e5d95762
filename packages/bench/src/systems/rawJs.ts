/**
 * The raw-JS baseline: a `Map` of stream arrays plus one global array, with an expected-version check, and an
 * async append awaited one call at a time. It is the practical limit of an in-memory store in JavaScript.
 */
import type { BenchEvent, Measurement, Workload } from "../workload.ts"
import { Checks, eventOf, evolveByType, initialState, perStream, project, streamName, time } from "../workload.ts"

interface Stored {
  readonly streamId: string
  readonly streamPosition: number
  readonly globalPosition: number
  readonly event: BenchEvent
}

class VersionMismatch extends Error {}

const makeStore = () => {
  const streams = new Map<string, Array<Stored>>()
  const log: Array<Stored> = []
  return {
    log,
    append: async (streamId: string, expected: number, events: ReadonlyArray<BenchEvent>): Promise<number> => {
      let stream = streams.get(streamId)
      const actual = stream === undefined ? 0 : stream.length
      if (actual !== expected) throw new VersionMismatch(`${streamId}: expected ${expected}, actual ${actual}`)
      if (stream === undefined) {
        stream = []
        streams.set(streamId, stream)
      }
      let version = actual
      for (const event of events) {
        const stored: Stored = { streamId, streamPosition: ++version, globalPosition: log.length + 1, event }
        stream.push(stored)
        log.push(stored)
      }
      return version
    },
    /** Reads a stream (a copy, as a store must return) and folds it. */
    aggregate: async <S>(streamId: string, evolve: (state: S, type: string) => S, initial: S): Promise<S> => {
      const events = (streams.get(streamId) ?? []).slice()
      let state = initial
      for (let i = 0; i < events.length; i++) state = evolve(state, events[i]!.event.type)
      return state
    }
  }
}

const prefill = async (store: ReturnType<typeof makeStore>, streams: number) => {
  for (let s = 0; s < streams; s++) {
    const events: Array<BenchEvent> = []
    for (let k = 0; k < perStream; k++) events.push(eventOf(s, k))
    await store.append(streamName(s), 0, events)
  }
}

export const run = async (workload: Workload, streams: number): Promise<Measurement> => {
  const store = makeStore()
  const checks = new Checks()
  const events = perStream * streams
  switch (workload) {
    case "W1": {
      const { seconds } = await time(async () => {
        for (let k = 0; k < perStream; k++) {
          for (let s = 0; s < streams; s++) checks.version(await store.append(streamName(s), k, [eventOf(s, k)]), k + 1)
        }
      })
      checks.stored(store.log.length, streams)
      return { events, seconds, failures: checks.failures }
    }
    case "W2": {
      const { seconds } = await time(async () => {
        for (let s = 0; s < streams; s++) {
          const batch: Array<BenchEvent> = []
          for (let k = 0; k < perStream; k++) batch.push(eventOf(s, k))
          checks.version(await store.append(streamName(s), 0, batch), perStream)
        }
      })
      checks.stored(store.log.length, streams)
      return { events, seconds, failures: checks.failures }
    }
    case "W3": {
      await prefill(store, streams)
      const { seconds, value } = await time(async () => {
        let total = 0
        for (let s = 0; s < streams; s++) {
          total += (await store.aggregate(streamName(s), evolveByType, initialState)).memberCount
        }
        return total
      })
      checks.total(value, streams)
      return { events, seconds, failures: checks.failures }
    }
    case "W4": {
      await prefill(store, streams)
      const { seconds, value } = await time(async () => {
        const counts = new Map<string, number>()
        for (const stored of store.log) project(counts, stored.event.type, stored.event.data.orgId)
        return counts
      })
      checks.counts(value, streams)
      return { events, seconds, failures: checks.failures }
    }
    case "W4c":
      throw new Error("raw JS has no consumer machinery")
  }
}
