/**
 * A unit of work: an overlay over an event store on which many commands are decided as if they were written,
 * and which is then written to the store in ONE atomic append — all of it, or nothing. It is what an import, a
 * roster sync or a batch of commands uses to be all-or-nothing without copying the store.
 *
 * A unit of work is itself an {@link EventStoreShape}: provide it as the `EventStore` ({@link provide},
 * {@link layer}) and `Dangjian.execute`, `CommandHandler.run` and every reader run on it unchanged.
 *
 * - **Reads fall through, once.** The first read of a stream (`readStream`, `foldStream`, or an append to it)
 *   reads it from the underlying store; the unit keeps its events and its version then (the stream's
 *   *first-seen version*) and never reads it from the store again. Only the streams touched are held, never
 *   the whole log.
 * - **Appends are buffered.** An append is checked against the stream as the unit sees it (first-seen version
 *   plus buffered events), with the store's own semantics: a stale expectation is a `VersionConflict` and writes
 *   nothing, an invalid request an `InvalidAppend`, and re-appending buffered event ids exactly as they were
 *   buffered returns their positions (`alreadyStored: true`). With a `codec`, every event is checked against
 *   its definition, as the in-memory store does. Event ids the *store* already holds are not looked up: the
 *   commit meets them (an `EventIdConflict`, or an idempotent success when the whole commit was stored).
 * - **The log and the head are an overlay.** `head` is the store's head when the unit first needed it plus the
 *   events buffered; `readAll` and `subscribe` return the store's log up to that head, then the buffered events
 *   in the order they were appended, at the positions that follow it. Events another writer adds to the store
 *   after that head are not in the unit's log. (The commit writes each stream's events together, so the store
 *   numbers them stream by stream: their global positions there differ from the unit's.)
 * - **Memory.** The unit holds the streams it touched and the buffered events — the objects the callers
 *   appended, not copies, with 20 bytes or so of bookkeeping each — and nothing else of the store. A long
 *   stream keeps its last fold, so that folding it again only folds what was appended since.
 * - **{@link commit} is one atomic append** of every touched stream, each with its first-seen version as the
 *   expected version — the streams that got events with their events, the streams only read as a pure version
 *   check. So if anyone changed a stream the unit read or wrote, the commit fails with a `VersionConflict` and
 *   the store is unchanged. After a successful commit the unit starts over, empty, as if just made; after a
 *   failed one it keeps its buffer.
 *
 * @since 0.3.0
 */
import { Deferred, Effect, Exit, Layer, Result, Semaphore } from "effect"
import * as AppendRequest from "./AppendRequest.ts"
import type { Envelope, NewEvent, StreamId } from "./Envelope.ts"
import { satisfies } from "./Envelope.ts"
import type { AppendError, ReadError } from "./errors.ts"
import { StoreUnavailable, VersionConflict } from "./errors.ts"
import type { EventCodec } from "./EventCodec.ts"
import type {
  AppendResult,
  AppendToStream,
  EventStoreShape,
  FoldedStream,
  StoredPosition,
  StreamRead
} from "./EventStore.ts"
import { defaultBatchSize, EventStore, makeSubscription } from "./EventStore.ts"

/**
 * @category models
 * @since 0.3.0
 */
export interface UnitOfWorkOptions {
  /**
   * When given, every buffered event is checked against its definition (type known, data valid) and carries
   * its definition's schema version, as in the in-memory store; without it events are buffered as given, with
   * schema version 1. The commit is checked by the store's own codec either way.
   */
  readonly codec?: EventCodec<any>
}

/**
 * What a unit of work holds: the streams it touched (read or appended to), those with buffered events, the
 * number of buffered events, and the newest stored event it read.
 *
 * @category models
 * @since 0.3.0
 */
export interface Pending {
  readonly touched: number
  readonly streams: number
  readonly events: number
  /**
   * The global position of the newest stored event in the streams the unit read (0 when none): a caller that
   * planned from the store's log up to some position learns whether a stream it then read changed after it.
   */
  readonly newestRead: number
}

/**
 * A unit of work: an {@link EventStoreShape} over `base` that buffers its appends until {@link commit}.
 *
 * @category models
 * @since 0.3.0
 */
export interface UnitOfWork extends EventStoreShape {
  /** The store the unit reads through to and commits to. */
  readonly base: EventStoreShape
  /** What the unit holds now. */
  readonly pending: Effect.Effect<Pending>
  /** Writes every buffered event in one atomic append (see {@link commit}). */
  readonly commit: Effect.Effect<AppendResult, AppendError>
  /** Drops every buffered event and every cached stream: the unit starts over, as if just made. */
  readonly discard: Effect.Effect<void>
}

/**
 * What a unit of work that wrote in parts wrote: the events, the streams they went to, and the global position of
 * the last (0 when nothing was written).
 *
 * @category models
 * @since 0.3.0
 */
export interface Written {
  readonly events: number
  readonly streams: number
  readonly lastGlobalPosition: number
}

/** A unit of work that can also commit after flushes (see `makeUnit`). */
interface ChunkedUnit extends UnitOfWork {
  readonly commitWritten: Effect.Effect<Written, AppendError>
  /** The failure of a flush, once one failed: the commit's failure, whatever the work did after it. */
  readonly broken: Effect.Effect<AppendError | undefined>
}

/**
 * A stream as the unit sees it: its first-seen version and stored events, then the events buffered for it (a
 * chain through the unit's log: `first`, then `next` of each, to `last`), and its last whole fold.
 */
interface Tracked {
  readonly streamId: StreamId
  /** The stream's version in the store when first read: the commit's expected version. */
  readonly expected: number
  /** The stream's events in the store when first read. */
  readonly stored: ReadonlyArray<Envelope>
  /** The number of buffered events; the log indices of the first and the last (-1 when none). */
  count: number
  first: number
  last: number
  /** The stream's last whole fold, once it has {@link foldCacheFrom} events or more (see {@link Fold}). */
  fold: Fold | undefined
}

/**
 * A stream's last whole fold: the `evolve` function, the initial state, the result and the events it folded (how
 * many; the log index of the last buffered one, -1 if none). Folding again with the same function and initial
 * state goes on from there, so a stream that grows while many commands load it (an organization whose members
 * are registered one by one) is folded once, not once per command. `evolve` is pure (the kernel's contract):
 * this is the state a fold from the start gives. Short streams (a member's) are folded again instead, and keep
 * no state.
 */
interface Fold {
  readonly evolve: unknown
  readonly initial: unknown
  readonly state: unknown
  readonly through: number
  readonly cursor: number
}

const foldCacheFrom = 8

const noEvents: ReadonlyArray<Envelope> = []

/** A growable array of 32-bit integers: 4 bytes an event where an array would hold a pointer or an object. */
class Ints {
  data = new Int32Array(1024)
  length = 0
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = value
  }
}

/**
 * A failed first read of a stream during an append, as an append error: an unknown stored type stays what it
 * is; an undecodable or corrupt stored event makes the store unusable for this append (its tag and position
 * only, never its data).
 */
const asAppendError = (error: ReadError): AppendError =>
  error._tag === "UnknownEventType" || error._tag === "StoreUnavailable"
    ? error
    : new StoreUnavailable({
      operation: "append",
      reason: error._tag === "CorruptEvent"
        ? `CorruptEvent at global position ${error.globalPosition}`
        : `EventDecodeError in ${error.streamId ?? "?"} at ${error.streamPosition ?? "?"}`
    })

const emptyCommit: AppendResult = { alreadyStored: false, streams: [], positions: [], lastGlobalPosition: 0 }

/**
 * Makes a unit of work over `base`. Nothing is read until the unit is used.
 *
 * **When to use**: to decide many commands and write all of them or none (an import, a batch), or to see what
 * commands would do without writing (decide, then {@link UnitOfWork.discard} or just drop the unit).
 *
 * **Details**
 * - the unit is an `EventStoreShape`: give it to `Effect.provideService(EventStore.EventStore, unit)`, or use
 *   {@link provide} / {@link layer};
 * - memory: the events of the streams it touched and the buffered events; nothing else of the store;
 * - safe to use from concurrent fibers (two first reads of one stream keep the first); an append while a
 *   commit runs fails with `StoreUnavailable` (`operation: "append"`).
 *
 * **Example** (decide two commands, then write both at once)
 *
 * ```ts
 * import assert from "node:assert/strict"
 * import { Dangjian, MemoryStore } from "@dangjian/core"
 * import { EventStore, UnitOfWork } from "@dangjian/core/kernel"
 * import { Effect } from "effect"
 *
 * const township = (orgId: string): Dangjian.Command => ({
 *   _tag: "EstablishOrganization",
 *   orgId,
 *   name: `${orgId}镇党委`,
 *   kind: "townshipCommittee",
 *   formation: "standalone",
 *   locus: "township",
 *   approval: { by: "县委", level: "county", at: "2019-01-15" },
 *   initialMembers: [],
 *   at: "2019-01-15"
 * })
 *
 * const program = Effect.gen(function*() {
 *   const store = yield* EventStore.EventStore
 *   const unit = yield* UnitOfWork.make(store, { codec: Dangjian.codec })
 *   yield* Dangjian.execute(township("east")).pipe(UnitOfWork.provide(unit)) // decided on the unit
 *   yield* Dangjian.execute(township("west")).pipe(UnitOfWork.provide(unit))
 *   assert.strictEqual(yield* store.head, 0) // nothing written yet
 *   const committed = yield* UnitOfWork.commit(unit) // one atomic append
 *   assert.strictEqual(committed.positions.length, 2)
 * })
 *
 * await Effect.runPromise(program.pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec }))))
 * ```
 *
 * @see {@link commit} · {@link transact}
 * @category constructors
 * @since 0.3.0
 */
export const make = (base: EventStoreShape, options: UnitOfWorkOptions = {}): Effect.Effect<UnitOfWork> =>
  Effect.sync(() => makeUnit(base, options, undefined))

/**
 * A unit of work that, with `chunkEvents`, writes its buffer to `base` whenever it holds that many events (a
 * *flush*; `base` is then the view of an `atomically` transaction, so nothing is visible or kept until the
 * transaction commits). Across flushes it keeps only each stream's first-seen version and the events its
 * flushes wrote to it: a later append to the stream expects exactly that version, and a stream only read is
 * checked against it at the commit, so a change by another writer is a `VersionConflict` as without flushes.
 */
const makeUnit = (
  base: EventStoreShape,
  options: UnitOfWorkOptions,
  chunkEvents: number | undefined
): ChunkedUnit => {
  {
    const codec = options.codec
    let streams = new Map<StreamId, Tracked>()
    // The buffered events as they were appended (the callers' own objects: no copy), and for each, by its log
    // index: its stream, its position in the stream, its schema version, the next event of its stream.
    let log: Array<NewEvent> = []
    let streamOf: Array<Tracked> = []
    let positionOf = new Ints()
    let versionOf = new Ints()
    let next = new Ints()
    // Event ids: the log indices of the ids that arrived in increasing order (every id `Uuid.v7` makes in this
    // process), searched by bisection; any other id in a `Map` (as the in-memory store's index does).
    let ascending = new Ints()
    let others = new Map<string, number>()
    // The store's head when the unit first needed it: buffered events take the positions after it.
    let baseHead: number | undefined
    let newestRead = 0
    let committing = false
    // The signal exists only while a subscriber waits for the next buffered append.
    let signal: Deferred.Deferred<void> | undefined
    // Flushes only (see `makeUnit`): for each stream a flush saw, the version the unit expects of it (its version
    // when the unit first saw it plus what the flushes wrote to it), doubled, plus one if the flushes wrote to it.
    // One number in one map: an import of a province sees a million streams, and two maps cost twice as much.
    const flushed = new Map<StreamId, number>()
    let flushedStreams = 0
    const flushedExpected = (entry: number): number => Math.floor(entry / 2)
    const flushedWrote = (entry: number | undefined): boolean => entry !== undefined && entry % 2 === 1
    const flushedRanges: Array<readonly [number, number]> = []
    let flushedEvents = 0
    let flushedLast = 0
    let broken: AppendError | undefined
    // Whether the store was empty when the unit first looked (before any flush).
    let emptyAtStart = false
    const writtenByFlush = (position: number): boolean => {
      for (const [from, to] of flushedRanges) if (position >= from && position <= to) return true
      return false
    }
    /** What a commit or a flush expects of a stream: its first-seen version plus what the unit wrote to it. */
    const expectedOf = (tracked: Tracked): number => {
      const entry = flushed.get(tracked.streamId)
      return entry === undefined ? tracked.expected : flushedExpected(entry)
    }

    const headOfBase: Effect.Effect<number, StoreUnavailable> = Effect.suspend(() =>
      baseHead !== undefined
        ? Effect.succeed(baseHead)
        : Effect.map(base.head, (head) => (baseHead ??= head))
    )

    const newTracked = (streamId: StreamId, expected: number, stored: ReadonlyArray<Envelope>): Tracked => ({
      streamId,
      expected,
      stored,
      count: 0,
      first: -1,
      last: -1,
      fold: undefined
    })

    // The first read of a stream goes to the store; every later one is answered here. When two fibers read a
    // new stream at once, the first answer is kept (it may already have buffered events).
    const track = (streamId: StreamId): Effect.Effect<Tracked, ReadError> => {
      const known = streams.get(streamId)
      if (known !== undefined) return Effect.succeed(known)
      if (baseHead === undefined) return Effect.flatMap(headOfBase, () => track(streamId))
      // A store that was empty when the unit first looked has no stream to read: each is new, at version 0 (a
      // writer that adds one meanwhile fails the commit, as for any stream read). After a flush that holds for
      // every stream but those the flushes wrote (a transaction's head may not count the unit's own events).
      if (flushedEvents === 0 && baseHead === 0) emptyAtStart = true
      if (emptyAtStart && !flushedWrote(flushed.get(streamId))) {
        const tracked = newTracked(streamId, 0, noEvents)
        streams.set(streamId, tracked)
        return Effect.succeed(tracked)
      }
      return Effect.map(base.readStream(streamId), (read) => {
        const again = streams.get(streamId)
        if (again !== undefined) return again
        const tracked = newTracked(streamId, read.version, read.events.length === 0 ? noEvents : read.events)
        streams.set(streamId, tracked)
        // A stream's events are in global order: its last one not written by a flush is its newest.
        let k = read.events.length - 1
        if (flushedEvents > 0) { while (k >= 0 && writtenByFlush(read.events[k]!.globalPosition)) k-- }
        const last = k < 0 ? 0 : read.events[k]!.globalPosition
        if (last > newestRead) newestRead = last
        return tracked
      })
    }

    const currentVersion = (tracked: Tracked): number => tracked.expected + tracked.count

    /** The buffered event at log index `i` as a stored position, its global position after the base head. */
    const positionAt = (i: number, head: number): StoredPosition => ({
      eventId: log[i]!.eventId,
      streamId: streamOf[i]!.streamId,
      streamPosition: positionOf.data[i]!,
      globalPosition: head + i + 1,
      schemaVersion: versionOf.data[i]!
    })

    /** The buffered event at log index `i` as an envelope. */
    const envelopeAt = (i: number, head: number): Envelope => {
      const event = log[i]!
      return {
        eventId: event.eventId,
        streamId: streamOf[i]!.streamId,
        streamPosition: positionOf.data[i]!,
        globalPosition: head + i + 1,
        type: event.type,
        schemaVersion: versionOf.data[i]!,
        data: event.data,
        metadata: event.metadata
      }
    }

    const bufferedIndexOf = (eventId: string): number | undefined => {
      if (others.size > 0) {
        const found = others.get(eventId)
        if (found !== undefined) return found
      }
      const n = ascending.length
      if (n === 0 || eventId > log[ascending.data[n - 1]!]!.eventId) return undefined
      let low = 0
      let high = n - 1
      while (low <= high) {
        const middle = (low + high) >>> 1
        const i = ascending.data[middle]!
        const id = log[i]!.eventId
        if (id === eventId) return i
        if (id < eventId) low = middle + 1
        else high = middle - 1
      }
      return undefined
    }

    const buffer = (tracked: Tracked, event: NewEvent, schemaVersion: number): number => {
      const i = log.length
      const n = ascending.length
      if (n === 0 || event.eventId > log[ascending.data[n - 1]!]!.eventId) ascending.push(i)
      else others.set(event.eventId, i)
      log.push(event)
      streamOf.push(tracked)
      positionOf.push(currentVersion(tracked) + 1)
      versionOf.push(schemaVersion)
      next.push(-1)
      if (tracked.last === -1) tracked.first = i
      else next.data[tracked.last] = i
      tracked.last = i
      tracked.count++
      return i
    }

    const wake = () => {
      const waiting = signal
      if (waiting !== undefined) {
        signal = undefined
        Deferred.doneUnsafe(waiting, Exit.void)
      }
    }

    /** The append itself, once every stream of the request is tracked and the base head is known. */
    const appendSync = (request: ReadonlyArray<AppendToStream>, head: number): Exit.Exit<AppendResult, AppendError> => {
      const invalid = AppendRequest.validate(request)
      if (invalid !== undefined) return Exit.fail(invalid)

      // Idempotency first, as in every store: buffered ids appended again exactly as buffered are a retry.
      let found: Map<string, StoredPosition> | undefined
      for (const part of request) {
        for (const event of part.events) {
          const i = bufferedIndexOf(event.eventId)
          if (i !== undefined) (found ??= new Map()).set(event.eventId, positionAt(i, head))
        }
      }
      if (found !== undefined) {
        const classified = AppendRequest.classifyStored(request, found, (id) => currentVersion(streams.get(id)!))
        if (Result.isFailure(classified)) return Exit.fail(classified.failure)
        if (classified.success !== undefined) return Exit.succeed(classified.success)
      }

      // Check every expectation and every event before buffering anything.
      const targets: Array<Tracked> = []
      const schemaVersions: Array<ReadonlyArray<number> | undefined> = []
      for (const part of request) {
        const tracked = streams.get(part.streamId)!
        const actual = currentVersion(tracked)
        if (!satisfies(part.expected, actual)) {
          return Exit.fail(new VersionConflict({ streamId: part.streamId, expected: part.expected, actual }))
        }
        targets.push(tracked)
        if (codec === undefined) {
          schemaVersions.push(undefined)
          continue
        }
        const versions: Array<number> = []
        for (const event of part.events) {
          const checked = codec.validate(event.data)
          if (Result.isFailure(checked)) return Exit.fail(checked.failure)
          versions.push(codec.versionOf(event.type) ?? 1)
        }
        schemaVersions.push(versions)
      }

      const positions: Array<StoredPosition> = []
      const resultStreams: Array<{ streamId: StreamId; version: number }> = []
      for (let p = 0; p < request.length; p++) {
        const part = request[p]!
        const tracked = targets[p]!
        for (let j = 0; j < part.events.length; j++) {
          positions.push(positionAt(buffer(tracked, part.events[j]!, schemaVersions[p]?.[j] ?? 1), head))
        }
        resultStreams.push({ streamId: part.streamId, version: currentVersion(tracked) })
      }
      return Exit.succeed({
        alreadyStored: false,
        streams: resultStreams,
        positions,
        lastGlobalPosition: positions.length > 0 ? head + log.length : 0
      })
    }

    const committingError = (operation: string) =>
      new StoreUnavailable({ operation, reason: "the unit of work is being committed" })

    const append: EventStoreShape["append"] = (request) =>
      Effect.suspend(() => {
        if (committing) return Effect.fail(committingError("append"))
        // Every stream of the request is read first (once), so that its first-seen version is known.
        const missing = request.filter((part) => typeof part.streamId === "string" && !streams.has(part.streamId))
        const ready = missing.length === 0
          ? headOfBase
          : Effect.andThen(
            Effect.forEach(missing, (part) => track(part.streamId), { discard: true }).pipe(
              Effect.mapError(asAppendError)
            ),
            headOfBase
          )
        return Effect.flatMap(ready, (head) =>
          Effect.suspend(() => {
            if (committing) return Effect.fail(committingError("append"))
            const exit = appendSync(request, head)
            if (Exit.isSuccess(exit) && !exit.value.alreadyStored && exit.value.positions.length > 0) wake()
            return exit
          }))
      })

    const readStream: EventStoreShape["readStream"] = (streamId, options) =>
      Effect.flatMap(track(streamId), (tracked) =>
        Effect.map(headOfBase, (head): StreamRead => {
          const after = options?.after ?? 0
          const events: Array<Envelope> = []
          for (const envelope of tracked.stored) {
            if (after <= 0 || envelope.streamPosition > after) events.push(envelope)
          }
          for (let i = tracked.first; i !== -1; i = next.data[i]!) {
            if (after <= 0 || positionOf.data[i]! > after) events.push(envelopeAt(i, head))
          }
          return { streamId, version: currentVersion(tracked), events }
        }))

    // Folds the held events in place: no envelope is made. A whole fold of a long stream goes on from its last
    // whole fold by the same function from the same initial state.
    const foldStream: NonNullable<EventStoreShape["foldStream"]> = (streamId, initial, evolve, options) =>
      Effect.map(track(streamId), (tracked): FoldedStream<any> => {
        const after = options?.after ?? 0
        const stored = tracked.stored
        if (after > 0) {
          let state = initial
          for (const envelope of stored) if (envelope.streamPosition > after) state = evolve(state, envelope.data)
          for (let i = tracked.first; i !== -1; i = next.data[i]!) {
            if (positionOf.data[i]! > after) state = evolve(state, log[i]!.data)
          }
          return { state, version: currentVersion(tracked) }
        }
        const cached = tracked.fold
        const resume = cached !== undefined && cached.evolve === evolve && cached.initial === initial
        let state = resume ? cached.state as typeof initial : initial
        let through = resume ? cached.through : 0
        for (; through < stored.length; through++) state = evolve(state, stored[through]!.data)
        let cursor = resume ? cached.cursor : -1
        for (let i = cursor === -1 ? tracked.first : next.data[cursor]!; i !== -1; i = next.data[i]!) {
          state = evolve(state, log[i]!.data)
          cursor = i
          through++
        }
        if (through >= foldCacheFrom) tracked.fold = { evolve, initial, state, through, cursor }
        return { state, version: currentVersion(tracked) }
      })

    // The store's log up to the unit's base head, then the buffered events. A store's positions may have gaps
    // (a PostgreSQL sequence), so the store is read by position and its page cut at the head, never counted.
    const readAll: EventStoreShape["readAll"] = (options) =>
      Effect.flatMap(headOfBase, (head) => {
        const after = Math.max(0, options.after)
        const limit = options.limit ?? defaultBatchSize
        const buffered = (from: number, room: number): Array<Envelope> => {
          const out: Array<Envelope> = []
          for (let i = from; i < log.length && out.length < room; i++) out.push(envelopeAt(i, head))
          return out
        }
        if (after >= head) return Effect.succeed(buffered(after - head, limit))
        return Effect.map(base.readAll({ ...options, after, limit }), (page) => {
          let kept = page
          if (page.length > 0 && page[page.length - 1]!.globalPosition > head) {
            kept = page.filter((envelope) => envelope.globalPosition <= head)
          }
          const reachedHead = kept.length < page.length || page.length < limit
            || (kept.length > 0 && kept[kept.length - 1]!.globalPosition >= head)
          const room = limit - kept.length
          if (!reachedHead || room <= 0 || log.length === 0) return kept
          return [...kept, ...(buffered(0, room) as ReadonlyArray<typeof kept[number]>)]
        })
      })

    const awaitAppendAfter = (position: number) =>
      Effect.flatMap(headOfBase, (head) =>
        Effect.suspend(() => {
          if (head + log.length > position) return Effect.void
          signal ??= Deferred.makeUnsafe<void>()
          return Deferred.await(signal)
        }))

    /** Drops the buffer and the streams held: after a flush the store holds them. */
    const resetBuffer = () => {
      streams = new Map()
      log = []
      streamOf = []
      positionOf = new Ints()
      versionOf = new Ints()
      next = new Ints()
      ascending = new Ints()
      others = new Map()
      baseHead = undefined
    }

    const reset = () => {
      resetBuffer()
      newestRead = 0
      flushed.clear()
      flushedStreams = 0
      flushedRanges.length = 0
      flushedEvents = 0
      flushedLast = 0
      emptyAtStart = false
    }

    /**
     * The append that writes the buffer: every stream with buffered events (the appended objects themselves, no
     * copy) at the version the unit expects of it. A stream only read is a pure version check at the commit; a
     * flush keeps its first-seen version for the commit instead. The commit after flushes also checks every
     * stream only read in an earlier part.
     */
    const requestOf = (final: boolean): { request: Array<AppendToStream>; written: Array<Tracked> } => {
      const request: Array<AppendToStream> = []
      const written: Array<Tracked> = []
      for (const [streamId, tracked] of streams) {
        if (tracked.count === 0 && !final) {
          if (!flushed.has(streamId)) flushed.set(streamId, tracked.expected * 2)
          continue
        }
        const events: Array<NewEvent> = []
        for (let i = tracked.first; i !== -1; i = next.data[i]!) events.push(log[i]!)
        request.push({ streamId, expected: expectedOf(tracked), events })
        if (tracked.count > 0) written.push(tracked)
      }
      if (final) {
        for (const [streamId, entry] of flushed) {
          if (!flushedWrote(entry) && !streams.has(streamId)) {
            request.push({ streamId, expected: flushedExpected(entry), events: [] })
          }
        }
      }
      return { request, written }
    }

    /**
     * Writes the buffer to the store now (see `makeUnit`), then holds nothing but the versions. A failed flush
     * does not fail the append that triggered it (its own events were buffered well, and a command loop must
     * not retry them): the unit is broken, every later append fails, and the commit fails with the flush's
     * error.
     */
    const flush: Effect.Effect<void> = Effect.suspend(() => {
      if (log.length === 0) return Effect.void
      const { request, written } = requestOf(false)
      committing = true
      return base.append(request).pipe(
        Effect.onExit(() =>
          Effect.sync(() => {
            committing = false
          })
        ),
        Effect.matchEffect({
          onFailure: (error) =>
            Effect.sync(() => {
              broken = error
            }),
          onSuccess: (result) =>
            Effect.sync(() => {
              for (const tracked of written) {
                const entry = flushed.get(tracked.streamId)
                if (!flushedWrote(entry)) flushedStreams++
                const expected = entry === undefined ? tracked.expected : flushedExpected(entry)
                flushed.set(tracked.streamId, (expected + tracked.count) * 2 + 1)
              }
              let from = Number.POSITIVE_INFINITY
              let to = 0
              for (const position of result.positions) {
                if (position.globalPosition < from) from = position.globalPosition
                if (position.globalPosition > to) to = position.globalPosition
              }
              if (to > 0) flushedRanges.push([from, to])
              flushedEvents += result.positions.length
              if (result.lastGlobalPosition > 0) flushedLast = result.lastGlobalPosition
              resetBuffer()
              // The head the unit numbers its buffer after: its own last written position, never a new look at
              // the store (a transaction's head on PostgreSQL walks back over every event of the transaction).
              baseHead = flushedLast
            })
        })
      )
    })

    const commitWritten: Effect.Effect<Written, AppendError> = Effect.suspend(() => {
      if (broken !== undefined) return Effect.fail(broken)
      if (committing) return Effect.fail(committingError("commit"))
      const { request, written } = requestOf(true)
      const summary = (events: number, last: number): Written => {
        let streamCount = flushedStreams
        for (const tracked of written) if (!flushedWrote(flushed.get(tracked.streamId))) streamCount++
        return { events: flushedEvents + events, streams: streamCount, lastGlobalPosition: last || flushedLast }
      }
      // Nothing written at all: nothing to check either (as `commit`). After parts, the streams only read are
      // still checked, even when no event is left to write.
      if (log.length === 0 && (flushedEvents === 0 || request.length === 0)) {
        const done = summary(0, 0)
        reset()
        return Effect.succeed(done)
      }
      committing = true
      return base.append(request).pipe(
        Effect.onExit(() =>
          Effect.sync(() => {
            committing = false
          })
        ),
        Effect.map((result) => {
          const done = summary(result.positions.length, result.lastGlobalPosition)
          reset()
          return done
        })
      )
    })

    const commit: Effect.Effect<AppendResult, AppendError> = Effect.suspend(() => {
      if (committing) return Effect.fail(committingError("commit"))
      if (log.length === 0) {
        reset()
        return Effect.succeed(emptyCommit)
      }
      // Every touched stream at its first-seen version: with its buffered events (the appended objects
      // themselves, no copy), or as a pure version check.
      const request: Array<AppendToStream> = []
      for (const [streamId, tracked] of streams) {
        const events: Array<NewEvent> = []
        for (let i = tracked.first; i !== -1; i = next.data[i]!) events.push(log[i]!)
        request.push({ streamId, expected: tracked.expected, events })
      }
      committing = true
      return base.append(request).pipe(
        Effect.onExit((exit) =>
          Effect.sync(() => {
            committing = false
            if (Exit.isSuccess(exit)) reset()
          })
        )
      )
    })

    // With flushes, one append at a time: a flush must not run while another append is being decided.
    const lock = Semaphore.makeUnsafe(1)
    const appendOrFlush: EventStoreShape["append"] = chunkEvents === undefined
      ? append
      : (request) =>
        Semaphore.withPermit(
          lock,
          Effect.suspend(() =>
            broken !== undefined
              ? Effect.fail(new StoreUnavailable({ operation: "append", reason: "an earlier part was not written" }))
              : Effect.flatMap(
                append(request),
                (result) => log.length >= chunkEvents ? Effect.as(flush, result) : Effect.succeed(result)
              )
          )
        )

    const unit: ChunkedUnit = {
      base,
      append: appendOrFlush,
      readStream,
      foldStream,
      readAll,
      subscribe: (options) => makeSubscription(readAll, awaitAppendAfter, options),
      head: Effect.map(headOfBase, (head) => head + log.length),
      pending: Effect.sync(() => {
        let written = 0
        for (const tracked of streams.values()) if (tracked.count > 0) written++
        return { touched: streams.size, streams: written, events: log.length, newestRead }
      }),
      commit,
      commitWritten,
      broken: Effect.sync(() => broken),
      discard: Effect.sync(() => {
        reset()
        broken = undefined
      })
    }
    return unit
  }
}

/**
 * Writes everything the unit buffered in ONE atomic append to its store: every touched stream with its
 * first-seen version as the expected version (the streams only read as a pure version check). Returns the
 * store's result; with nothing buffered it writes nothing and returns an empty result.
 *
 * **Details**
 * - a concurrent change to any stream the unit read or wrote fails the commit with the store's
 *   `VersionConflict`, and nothing is written;
 * - one `append` call, however large: the stores write it in one transaction;
 * - after a success the unit starts over, empty; after a failure it keeps its buffer (commit again after an
 *   `StoreUnavailable`: a commit that did land is then recognised by its event ids and not written twice).
 *
 * @see {@link make} · {@link transact}
 * @category committing
 * @since 0.3.0
 */
export const commit = (unit: UnitOfWork): Effect.Effect<AppendResult, AppendError> => unit.commit

/**
 * Runs an effect that needs an `EventStore` on the unit of work (its appends are buffered, its reads see them).
 *
 * @category layers
 * @since 0.3.0
 */
export const provide =
  (unit: UnitOfWork) => <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, Exclude<R, EventStore>> =>
    Effect.provideService(effect, EventStore, unit)

/**
 * The unit of work as the `EventStore` of a layer.
 *
 * @category layers
 * @since 0.3.0
 */
export const layer = (unit: UnitOfWork): Layer.Layer<EventStore> => Layer.succeed(EventStore, unit)

/**
 * Runs `effect` on a fresh unit of work over the `EventStore` in context and commits it if the effect succeeds:
 * everything it appended is written at once, or (on the effect's failure, or a failed commit) nothing is.
 *
 * @see {@link make} · {@link commit}
 * @category committing
 * @since 0.3.0
 */
export const transact = <A, E, R>(
  effect: Effect.Effect<A, E, R>,
  options: UnitOfWorkOptions = {}
): Effect.Effect<
  { readonly value: A; readonly committed: AppendResult },
  E | AppendError,
  EventStore | Exclude<R, EventStore>
> =>
  Effect.gen(function*() {
    const unit = yield* make(yield* EventStore, options)
    const value = yield* provide(unit)(effect)
    const committed = yield* unit.commit
    return { value, committed }
  })

/**
 * The events a unit of work of {@link transactInChunks} holds before it writes them into the transaction.
 *
 * @category constants
 * @since 0.3.0
 */
export const defaultChunkEvents = 50_000

/**
 * {@link transact} for work of any size: all or nothing, in memory that does not grow with it. Runs `use` on a
 * unit of work (given to it, and provided as its `EventStore`) inside ONE store transaction
 * (`EventStoreShape.atomically`); whenever the unit holds `chunkEvents` buffered events it writes them into the
 * transaction and lets go of them, keeping only each stream's version. The transaction commits if `use` and
 * every write succeed; otherwise nothing is written. On a store without `atomically` (the in-memory store)
 * everything is written in one append at the end, as with {@link transact}.
 *
 * **Details**
 * - what the unit wrote is seen by the unit's own reads (`readStream`, folds) at once; on PostgreSQL, `readAll`
 *   and `head` inside the transaction leave out its events until it commits;
 * - the same checks as {@link commit}: a stream another writer changed after the unit first read it is a
 *   `VersionConflict`, and nothing is written; a part that could not be written is the failure (every append
 *   after it fails with `StoreUnavailable`, so `use` sees them refused);
 * - on SQLite the transaction holds the database's write lock from the first written part to the commit; other
 *   operations of the same process on that database wait for the whole of it, and calling them from inside
 *   `use` fails with `StoreUnavailable` instead of waiting for itself: catch read models up after it returns;
 * - the result counts what was written rather than listing every position (which would grow with the work).
 *
 * **Example** (an import of any size, all or nothing)
 *
 * ```ts
 * import assert from "node:assert/strict"
 * import { Dangjian, MemoryStore } from "@dangjian/core"
 * import { UnitOfWork } from "@dangjian/core/kernel"
 * import { Effect } from "effect"
 *
 * const township = (orgId: string): Dangjian.Command => ({
 *   _tag: "EstablishOrganization",
 *   orgId,
 *   name: `${orgId}镇党委`,
 *   kind: "townshipCommittee",
 *   formation: "standalone",
 *   locus: "township",
 *   approval: { by: "县委", level: "county", at: "2019-01-15" },
 *   initialMembers: [],
 *   at: "2019-01-15"
 * })
 *
 * const program = UnitOfWork.transactInChunks(
 *   () => Effect.forEach(["east", "west", "north"], (id) => Dangjian.execute(township(id))),
 *   { codec: Dangjian.codec, chunkEvents: 2 }
 * )
 * const { written } = await Effect.runPromise(program.pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec }))))
 * assert.strictEqual(written.events, 3)
 * ```
 *
 * @see {@link transact}
 * @category committing
 * @since 0.3.0
 */
export const transactInChunks = <A, E, R>(
  use: (unit: UnitOfWork) => Effect.Effect<A, E, R>,
  options: UnitOfWorkOptions & { readonly chunkEvents?: number } = {}
): Effect.Effect<
  { readonly value: A; readonly written: Written },
  E | AppendError,
  EventStore | Exclude<R, EventStore>
> =>
  Effect.flatMap(EventStore, (store) => {
    const chunkEvents = Math.max(1, Math.floor(options.chunkEvents ?? defaultChunkEvents))
    const run = (base: EventStoreShape, chunk: number | undefined) =>
      Effect.gen(function*() {
        const unit = makeUnit(base, options, chunk)
        const exit = yield* Effect.exit(provide(unit)(use(unit)))
        // A failed part is the failure, whatever the work made of the appends refused after it.
        const broken = yield* unit.broken
        if (broken !== undefined) return yield* Effect.fail(broken)
        const value = yield* exit
        const written = yield* unit.commitWritten
        return { value, written }
      })
    return store.atomically === undefined
      ? run(store, undefined)
      : store.atomically((transaction) => run(transaction, chunkEvents))
  })
