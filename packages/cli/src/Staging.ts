/**
 * All-or-nothing writes for the CLI: a staging copy of the store in memory, with the same streams and
 * versions, on which commands are decided by the library's rules; then everything the copy gained is
 * written to the store in ONE atomic append, each stream at its version before staging. A concurrent
 * change fails the append (`StoreChanged`) and writes nothing. Used by `import`, `roster sync`, `exec --atomic`
 * and `demo`.
 *
 * @since 0.1.0
 */
import { Dangjian, MemoryStore } from "@dangjian/core"
import type { Envelope, EventStore as EventStoreModule, NewEvent } from "@dangjian/core/kernel"
import { EventStore } from "@dangjian/core/kernel"
import { Effect, Result } from "effect"

/**
 * A staging copy: the store's log as it was, and the in-memory copy to decide commands on.
 *
 * @category models
 * @since 0.1.0
 */
export interface Staging {
  readonly log: ReadonlyArray<Envelope.Envelope>
  readonly store: EventStoreModule.EventStoreShape
}

/**
 * The store changed between staging and writing; nothing was written.
 *
 * @category errors
 * @since 0.1.0
 */
export interface StoreChanged {
  readonly _tag: "StoreChanged"
}

/**
 * Copies the store's log into a new in-memory store.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make: Effect.Effect<Staging, unknown, EventStoreModule.EventStore> = Effect.suspend(() => makeWith())

/**
 * Like {@link make}, telling `onProgress` how many events of the store's log it has read.
 *
 * @category constructors
 * @since 0.2.0
 */
export const makeWith = (
  options?: { readonly onProgress?: (read: number, head: number) => Effect.Effect<void> }
): Effect.Effect<Staging, unknown, EventStoreModule.EventStore> =>
  Effect.gen(function*() {
    const target = yield* EventStore.EventStore
    const head = options?.onProgress === undefined ? 0 : yield* target.head
    const log: Array<Envelope.Envelope> = []
    for (let after = 0;;) {
      const page = yield* target.readAll({ after, limit: 5_000 })
      if (page.length === 0) break
      log.push(...page)
      after = page[page.length - 1]!.globalPosition
      if (options?.onProgress !== undefined) yield* options.onProgress(log.length, head)
    }
    const store = yield* MemoryStore.make({ codec: Dangjian.codec })
    for (const e of log) {
      yield* store.append([{
        streamId: e.streamId,
        expected: e.streamPosition - 1,
        events: [{ eventId: e.eventId, type: e.type, data: e.data, metadata: e.metadata }]
      }])
    }
    return { log, store }
  })

/**
 * Decides one command on the staging copy.
 *
 * @category executing
 * @since 0.1.0
 */
export const execute = (
  staging: Staging,
  command: Dangjian.Command,
  options?: Dangjian.ExecuteOptions
): Effect.Effect<Dangjian.Executed, Dangjian.ExecuteError> =>
  Dangjian.execute(command, options).pipe(Effect.provideService(EventStore.EventStore, staging.store))

/**
 * Runs an effect that needs an `EventStore` on the staging copy.
 *
 * @category executing
 * @since 0.2.0
 */
export const onStaging =
  (staging: Staging) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, Exclude<R, EventStoreModule.EventStore>> =>
    Effect.provideService(effect, EventStore.EventStore, staging.store)

/**
 * Writes everything the staging copy gained in one atomic append; returns the number of events written.
 *
 * @category executing
 * @since 0.1.0
 */
export const commit = (
  staging: Staging
): Effect.Effect<number, StoreChanged | unknown, EventStoreModule.EventStore> =>
  Effect.gen(function*() {
    const target = yield* EventStore.EventStore
    const gained = yield* staging.store.readAll({ after: staging.log.length, limit: Number.MAX_SAFE_INTEGER })
    if (gained.length === 0) return 0
    const byStream = new Map<string, { first: number; events: Array<NewEvent> }>()
    for (const e of gained) {
      let entry = byStream.get(e.streamId)
      if (entry === undefined) {
        entry = { first: e.streamPosition, events: [] }
        byStream.set(e.streamId, entry)
      }
      entry.events.push({ eventId: e.eventId, type: e.type, data: e.data, metadata: e.metadata })
    }
    const appended = yield* Effect.result(target.append(
      [...byStream].map(([streamId, entry]) => ({ streamId, expected: entry.first - 1, events: entry.events }))
    ))
    if (Result.isFailure(appended)) {
      return yield* Effect.fail(
        appended.failure._tag === "VersionConflict" ? { _tag: "StoreChanged" as const } : appended.failure
      )
    }
    return gained.length
  })
