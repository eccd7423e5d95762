/**
 * Keyed read models: one row per entity (an organization, a member, an agreement…), kept in the store beside the
 * log with a checkpoint, so a question reads rows instead of replaying the log. A row is the entity's
 * **timeline**: its state as of every legal date on which it changed, so "as of any date" is a lookup in the row,
 * not a replay. The timeline is exact for back-dated events too: an event dated `d` that arrives after events
 * dated later changes every state from `d` on, as folding the log by date would.
 *
 * A batch of events becomes one {@link ReadModelStoreShape.commit}: the changed rows and the new checkpoint in
 * one transaction, accepted only if the checkpoint is still where the batch started, so two runners never
 * apply an event twice and a crash between batches resumes exactly where the last commit left off.
 *
 * A read model is keyed by its name and version: a changed read model gets a new version, starts from
 * position 0 and so rebuilds itself on its first catch-up; the old version's rows stay until {@link reset}.
 *
 * `mode` says who keeps it current: `"inline"` models are kept by the writes themselves, in the append's own
 * transaction, when the store is built with them ({@link inlineStore}: the stores' `inline` option, which the
 * CLI's writing commands use), so a read after a write sees it and a crash keeps both or neither; `"async"`
 * models are caught up by a follower ({@link follow}), by `dangjian replay`, or at the latest by the query
 * that reads them. Every query catches up first, which costs O(events since the checkpoint): nothing, for
 * inline models kept by every writer.
 *
 * Metrics (Effect `Metric`, any exporter can take them): `dangjian.readmodel.events` (counter, events applied),
 * `dangjian.readmodel.batch.ms` (histogram, time per committed batch), `dangjian.readmodel.lag.events` and
 * `dangjian.readmodel.lag.ms` (gauges, behind the head when a catch-up starts), `dangjian.readmodel.rebuilds`
 * (counter); each with the attribute `readmodel` = the model's name. Spans: `dangjian.readmodel.catchUp`,
 * `dangjian.readmodel.rebuild`, `dangjian.readmodel.load`, `dangjian.readmodel.inline`.
 *
 * @since 0.3.0
 */
import { Clock, Context, Data, Effect, Fiber, Layer, Metric, Result, Stream } from "effect"
import type { Envelope } from "./Envelope.ts"
import type { ReadError } from "./errors.ts"
import { StoreUnavailable } from "./errors.ts"
import type { EventStoreShape } from "./EventStore.ts"
import { EventStore } from "./EventStore.ts"
import { put } from "./records.ts"

// ---------------------------------------------------------------------------------------------------------
// Models
// ---------------------------------------------------------------------------------------------------------

/**
 * One entity's history: `[date, state]` pairs sorted by date, each the state as of that date and until the next.
 * Dates are ISO calendar dates (`YYYY-MM-DD`), which sort as strings.
 *
 * @category models
 * @since 0.3.0
 */
export type Timeline<S> = ReadonlyArray<readonly [date: string, state: S]>

/**
 * What a store keeps per key: the timeline and the global position of the last event applied to it, so a reader
 * that loads rows while a runner commits can tell which events a row already reflects.
 *
 * @category models
 * @since 0.3.0
 */
export interface StoredRow<S> {
  readonly p: number
  readonly t: Timeline<S>
  /** The entity's key, when the row is kept under a hashed key (see {@link storageKeyOf}). */
  readonly k?: string
}

/**
 * A keyed read model: which entity an event concerns, how the entity's state evolves, and the legal date an
 * event takes effect on.
 *
 * @category models
 * @since 0.3.0
 */
export interface ReadModel<S> {
  readonly name: string
  readonly version: number
  /** Who keeps it current (default `"async"`); see the module's description. */
  readonly mode?: "inline" | "async"
  /** The entity an event concerns, or `undefined` when the model ignores it. */
  readonly keyOf: (envelope: Envelope) => string | undefined
  readonly initial: S
  /** Must return `state` itself when the event changes nothing. */
  readonly evolve: (state: S, envelope: Envelope) => S
  /** The legal date the event takes effect on (`YYYY-MM-DD`). */
  readonly dateOf: (envelope: Envelope) => string
  /**
   * How a state is kept in a row, when not as itself: what a large state's readers gain from another layout (the
   * organization tree keeps each roster packed in one string, which a reader turns into a record only when it reads it).
   */
  readonly codec?: StateCodec<S>
}

/**
 * A state's stored form ({@link ReadModel.codec}): `encode` gives plain JSON data; `decode` takes what `encode` gave, or
 * a state stored as itself (a row written before the model had a codec), as the store parsed it (it may keep and
 * change that value: each read parses the row anew). `decode(encode(s))` is a state equal to `s`, field for field
 * and in the same order.
 *
 * @category models
 * @since 0.4.0
 */
export interface StateCodec<S> {
  readonly encode: (state: S) => unknown
  readonly decode: (stored: unknown) => S
}

/**
 * Defines a keyed read model.
 *
 * @category constructors
 * @since 0.3.0
 */
export const make = <S>(model: ReadModel<S>): ReadModel<S> => model

/**
 * What a store needs to know of a read model: its name and version.
 *
 * @category models
 * @since 0.3.0
 */
export interface ReadModelKey {
  readonly name: string
  readonly version: number
}

/**
 * One batch of a catch-up, committed atomically: rows to write (`undefined` deletes the row) and the checkpoint
 * moving from `from` to `to`.
 *
 * @category models
 * @since 0.3.0
 */
export interface Commit {
  readonly from: number
  readonly to: number
  readonly rows: ReadonlyArray<readonly [key: string, row: unknown]>
}

/**
 * The checkpoint was not where the batch started: another runner committed first. Nothing was written; the
 * runner reloads and goes on.
 *
 * @category errors
 * @since 0.3.0
 */
export class CheckpointMoved extends Data.TaggedError("CheckpointMoved")<{
  readonly readModel: string
  readonly expected: number
  readonly actual: number
}> {}

/**
 * The store of keyed read models. Rows are plain JSON data (objects, arrays, strings, finite numbers, booleans,
 * `null`; object fields that are `undefined` are left out, as `JSON.stringify` does). Keys are
 * {@link isStorableKey} strings, kept in {@link compareKeys} order (Unicode code points: the same order in every
 * store). Failures name the read model, never a key or a row.
 *
 * @category models
 * @since 0.3.0
 */
export interface ReadModelStoreShape {
  /** The model's checkpoint: the global position of the last event it reflects (0 if never run). */
  readonly position: (model: ReadModelKey) => Effect.Effect<number, StoreUnavailable>
  /** The rows of these keys (missing keys, and keys that are not storable, are absent from the map). */
  readonly get: (
    model: ReadModelKey,
    keys: ReadonlyArray<string>
  ) => Effect.Effect<ReadonlyMap<string, unknown>, StoreUnavailable>
  /**
   * Rows in key order ({@link compareKeys}) after `after` (exclusive; `undefined` = from the first), at most
   * `limit`. An `after` that is not a storable key fails with `StoreUnavailable`.
   */
  readonly scan: (
    model: ReadModelKey,
    options: { readonly after?: string | undefined; readonly limit: number }
  ) => Effect.Effect<ReadonlyArray<readonly [string, unknown]>, StoreUnavailable>
  /**
   * Writes the rows and moves the checkpoint, in one transaction, if the checkpoint is still at `from`. A key
   * that is not {@link isStorableKey} or a row that is not plain JSON fails it with `StoreUnavailable`, and
   * nothing is written. When a key appears more than once, its last row counts. Commits of different models
   * may run at once ({@link catchUpAll} overlaps them); each must still be its own transaction.
   */
  readonly commit: (model: ReadModelKey, commit: Commit) => Effect.Effect<void, StoreUnavailable | CheckpointMoved>
  /** Deletes the model's rows and checkpoint (this version only). */
  readonly reset: (model: ReadModelKey) => Effect.Effect<void, StoreUnavailable>
  /**
   * Deletes the rows and checkpoints of the model's versions below this one, in one transaction, and returns how many
   * rows it deleted: what a new version leaves behind when it rebuilds itself. Never touches this version or a newer
   * one (a newer release may be building it beside this one).
   *
   * @since 0.4.0
   */
  readonly resetOlderVersions: (model: ReadModelKey) => Effect.Effect<number, StoreUnavailable>
}

/**
 * Where keyed read models are kept.
 *
 * @category services
 * @since 0.3.0
 */
export class ReadModelStore extends Context.Service<ReadModelStore, ReadModelStoreShape>()(
  "@dangjian/core/ReadModelStore"
) {}

// ---------------------------------------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------------------------------------

/**
 * The longest key a store keeps, in UTF-16 code units. A PostgreSQL index entry holds at most about 2,700 bytes,
 * and 512 code units are at most 1,536 bytes of UTF-8.
 *
 * @category keys
 * @since 0.3.0
 */
export const maxKeyLength = 512

/**
 * Whether every store can keep `key` as a row key: at most {@link maxKeyLength} UTF-16 code units, no NUL and
 * no unpaired surrogate. The SQL stores keep keys as UTF-8 text, where PostgreSQL refuses NUL and an unpaired
 * surrogate would become U+FFFD (two keys would name one row). The empty string is a key.
 *
 * @category keys
 * @since 0.3.0
 */
export const isStorableKey = (key: string): boolean => {
  if (typeof key !== "string" || key.length > maxKeyLength) return false
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i)
    if (c === 0) return false
    if (c >= 0xd800 && c <= 0xdfff) {
      // A high surrogate followed by a low one is one character; anything else is unpaired.
      const low = c <= 0xdbff && i + 1 < key.length ? key.charCodeAt(i + 1) : 0
      if (low < 0xdc00 || low > 0xdfff) return false
      i++
    }
  }
  return true
}

// UTF-16 code units in code point order: surrogates (U+D800–U+DFFF, the halves of characters above U+FFFF)
// after U+E000–U+FFFF.
const codePointRank = (unit: number): number => unit < 0xd800 ? unit : unit < 0xe000 ? unit + 0x2000 : unit - 0x800

/**
 * The order of keys in every store: Unicode code point order, which is UTF-8 byte order (SQLite's `BINARY` and
 * PostgreSQL's `"C"` collation). It differs from comparing strings with `<` (UTF-16 code units) only where a
 * character of U+E000–U+FFFF (full-width punctuation such as `！`, private use) meets one above U+FFFF (an emoji,
 * a CJK Extension B character): `"！" < "😀"` here, the other way round with `<`.
 *
 * @category keys
 * @since 0.3.0
 */
export const compareKeys = (a: string, b: string): number => {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) return codePointRank(x) - codePointRank(y)
  }
  return a.length - b.length
}

// ---------------------------------------------------------------------------------------------------------
// The in-memory store
// ---------------------------------------------------------------------------------------------------------

const keyOfModel = (model: ReadModelKey) => `${model.name}@${model.version}`

interface MemoryEntry {
  readonly name: string
  readonly version: number
  position: number
  readonly rows: Map<string, string>
}

/**
 * An in-memory read-model store. Rows are kept as JSON text, as the SQL stores keep them, so a model that
 * stores something JSON cannot carry fails here first.
 *
 * @category constructors
 * @since 0.3.0
 */
export const makeMemoryStore: Effect.Effect<ReadModelStoreShape> = Effect.sync(() => {
  const models = new Map<string, MemoryEntry>()
  const entry = (model: ReadModelKey) => {
    const id = keyOfModel(model)
    let found = models.get(id)
    if (found === undefined) {
      found = { name: model.name, version: model.version, position: 0, rows: new Map() }
      models.set(id, found)
    }
    return found
  }
  return {
    position: (model) => Effect.sync(() => models.get(keyOfModel(model))?.position ?? 0),
    get: (model, keys) =>
      Effect.sync(() => {
        const rows = models.get(keyOfModel(model))?.rows
        const found = new Map<string, unknown>()
        if (rows === undefined) return found
        for (const key of keys) {
          if (!isStorableKey(key)) continue
          const text = rows.get(key)
          if (text !== undefined) found.set(key, JSON.parse(text))
        }
        return found
      }),
    scan: (model, options) =>
      Effect.suspend((): Effect.Effect<ReadonlyArray<readonly [string, unknown]>, StoreUnavailable> => {
        const after = options.after
        if (after !== undefined && !isStorableKey(after)) {
          return Effect.fail(
            new StoreUnavailable({ operation: "readModel.scan", reason: `${model.name}: the scan cursor is not a key` })
          )
        }
        const rows = models.get(keyOfModel(model))?.rows
        if (rows === undefined) return Effect.succeed([])
        const keys = [...rows.keys()].filter((key) => after === undefined || compareKeys(key, after) > 0).sort(
          compareKeys
        )
        return Effect.succeed(
          keys.slice(0, options.limit).map((key): readonly [string, unknown] => [key, JSON.parse(rows.get(key)!)])
        )
      }),
    commit: (model, commit) =>
      Effect.suspend((): Effect.Effect<void, StoreUnavailable | CheckpointMoved> => {
        const found = entry(model)
        if (found.position !== commit.from) {
          return Effect.fail(
            new CheckpointMoved({ readModel: model.name, expected: commit.from, actual: found.position })
          )
        }
        const encoded = encodeRows(commit.rows)
        if (Result.isFailure(encoded)) {
          return Effect.fail(
            new StoreUnavailable({ operation: "readModel.commit", reason: `${model.name}: ${encoded.failure}` })
          )
        }
        for (const key of encoded.success.deleted) found.rows.delete(key)
        for (const [key, text] of encoded.success.upserted) found.rows.set(key, text)
        found.position = commit.to
        return Effect.void
      }),
    reset: (model) =>
      Effect.sync(() => {
        models.delete(keyOfModel(model))
      }),
    resetOlderVersions: (model) =>
      Effect.sync(() => {
        let deleted = 0
        for (const [id, found] of models) {
          if (found.name !== model.name || found.version >= model.version) continue
          deleted += found.rows.size
          models.delete(id)
        }
        return deleted
      })
  }
})

/**
 * @category layers
 * @since 0.3.0
 */
export const layerMemoryStore: Layer.Layer<ReadModelStore> = Layer.effect(ReadModelStore, makeMemoryStore)

/**
 * The JSON text of a row, or `undefined` when it is not plain JSON data (a `Map`, a class instance, a function,
 * a non-finite number, a cycle). Object fields that are `undefined` are left out. Stores use it so every store
 * accepts and refuses the same rows.
 *
 * @category encoding
 * @since 0.3.0
 */
export const encodeRow = (row: unknown): string | undefined => (isPlainJson(row, 0) ? JSON.stringify(row) : undefined)

/**
 * A commit's rows as a store writes them: each key once, with its last row, split into the keys whose rows are
 * deleted and the rows upserted as JSON text ({@link encodeRow}).
 *
 * @category encoding
 * @since 0.3.0
 */
export interface EncodedRows {
  readonly deleted: Array<string>
  readonly upserted: Array<readonly [key: string, text: string]>
}

/**
 * Encodes a commit's rows before anything is written, or says why the commit is refused: a key that is not
 * {@link isStorableKey}, or a row that is not plain JSON data. Stores use it, so every store accepts and refuses
 * the same commits, with the same reasons (which name no key and no row).
 *
 * @category encoding
 * @since 0.3.0
 */
export const encodeRows = (rows: Commit["rows"]): Result.Result<EncodedRows, string> => {
  const last = new Map<string, string | undefined>()
  for (const [key, row] of rows) {
    if (!isStorableKey(key)) return Result.fail("a key is not storable")
    if (row === undefined) {
      last.set(key, undefined)
      continue
    }
    const text = encodeRow(row)
    if (text === undefined) return Result.fail("a row is not plain JSON data")
    last.set(key, text)
  }
  const deleted: Array<string> = []
  const upserted: Array<readonly [string, string]> = []
  for (const [key, text] of last) {
    if (text === undefined) deleted.push(key)
    else upserted.push([key, text])
  }
  return Result.succeed({ deleted, upserted })
}

const maxDepth = 256

const isPlainJson = (value: unknown, depth: number): boolean => {
  if (depth > maxDepth) return false
  if (typeof value !== "object") {
    return typeof value === "string" || typeof value === "boolean"
      || (typeof value === "number" && Number.isFinite(value))
  }
  if (value === null) return true
  const inner = depth + 1
  // Strings, most of a row's leaves, are taken without a call.
  const leaf = inner <= maxDepth
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i]
      if (!(leaf && typeof item === "string") && !isPlainJson(item, inner)) return false
    }
    return true
  }
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return false
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key]
    if (field !== undefined && !(leaf && typeof field === "string") && !isPlainJson(field, inner)) return false
  }
  return true
}

// ---------------------------------------------------------------------------------------------------------
// Timelines
// ---------------------------------------------------------------------------------------------------------

/**
 * The state as of `date`: the last entry dated on or before it, or `initial`.
 *
 * @category timelines
 * @since 0.3.0
 */
export const stateAsOf = <S>(timeline: Timeline<S>, date: string, initial: S): S => {
  const count = entriesThrough(timeline, date)
  return count === 0 ? initial : timeline[count - 1]![1]
}

/** How many entries of a timeline are dated on or before `date` (a binary search: entries are sorted by date). */
const entriesThrough = <S>(timeline: Timeline<S>, date: string): number => {
  let lo = 0
  let hi = timeline.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (timeline[mid]![0] <= date) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The newest state of a timeline (as of any date after its last entry), or `initial`.
 *
 * @category timelines
 * @since 0.3.0
 */
export const latest = <S>(timeline: Timeline<S>, initial: S): S =>
  timeline.length === 0 ? initial : timeline[timeline.length - 1]![1]

/**
 * Applies one event, dated `date`, to a timeline: every state from `date` on evolves with it, and a state is
 * added at `date` if the timeline had none there. Returns `timeline` itself when nothing changed.
 *
 * @category timelines
 * @since 0.3.0
 */
export const applyToTimeline = <S>(
  timeline: Timeline<S>,
  date: string,
  initial: S,
  evolve: (state: S) => S
): Timeline<S> => {
  // Dates strictly increase, and most events are dated on or after the last entry: look from the end.
  let at = timeline.length
  while (at > 0 && timeline[at - 1]![0] >= date) at--
  let changed = false
  const next: Array<readonly [string, S]> = timeline.slice(0, at)
  if (at === timeline.length || timeline[at]![0] !== date) {
    const before = at === 0 ? initial : timeline[at - 1]![1]
    const after = evolve(before)
    if (after !== before) {
      next.push([date, after])
      changed = true
    }
  }
  for (let i = at; i < timeline.length; i++) {
    const [entryDate, state] = timeline[i]!
    const after = evolve(state)
    if (after !== state) changed = true
    next.push(after === state ? timeline[i]! : [entryDate, after])
  }
  return changed ? next : timeline
}

// ---------------------------------------------------------------------------------------------------------
// Metrics
// ---------------------------------------------------------------------------------------------------------

const eventsApplied = Metric.counter("dangjian.readmodel.events", {
  description: "Events applied to keyed read models"
})
const batchTime = Metric.histogram("dangjian.readmodel.batch.ms", {
  description: "Time to fold and commit one catch-up batch (ms)",
  boundaries: Metric.exponentialBoundaries({ start: 1, factor: 2, count: 16 })
})
const lagEvents = Metric.gauge("dangjian.readmodel.lag.events", {
  description: "Events behind the head when a catch-up starts"
})
const lagTime = Metric.gauge("dangjian.readmodel.lag.ms", {
  description: "Milliseconds between the oldest unapplied event and the start of a catch-up"
})
const rebuilds = Metric.counter("dangjian.readmodel.rebuilds", { description: "Read models rebuilt from zero" })

const tagged = <M extends Metric.Metric<any, any>>(metric: M, model: ReadModelKey): M =>
  Metric.withAttributes(metric, { readmodel: model.name }) as M

// ---------------------------------------------------------------------------------------------------------
// Running
// ---------------------------------------------------------------------------------------------------------

/**
 * @category models
 * @since 0.3.0
 */
export interface CatchUpOptions {
  /** Events read per batch (default 5,000); {@link catchUp} commits each, {@link catchUpAll} may wait for several. */
  readonly batchSize?: number
  /** Called after each committed batch with the position reached and the head when the catch-up started. */
  readonly onProgress?: (progress: { readonly position: number; readonly head: number }) => Effect.Effect<void>
}

/**
 * What a catch-up did.
 *
 * @category models
 * @since 0.3.0
 */
export interface CaughtUp {
  readonly position: number
  readonly events: number
}

const defaultCatchUpBatch = 5_000

// The most changed rows of one model that `catchUpAll` holds in memory before it commits them.
const maxPendingRows = 5_000
const maxConcurrentRetries = 8

const occurredAtOf = (envelope: Envelope): number | undefined => {
  const at = Date.parse(envelope.metadata.occurredAt)
  return Number.isFinite(at) ? at : undefined
}

// ---------------------------------------------------------------------------------------------------------
// Entity keys and storage keys
// ---------------------------------------------------------------------------------------------------------

// An entity's id is any string a command accepted (an empty one, `\u0000`, a lone surrogate, 10,000
// characters): none may stop a read model. A key every store can keep is stored as it is; any other, and any
// key starting with "~", is stored escaped: "~x" and its UTF-16 code units in hex when that is short enough,
// else "~h" and a 64-bit FNV-1a hash, with the entity's key in the row (`k`) and ".1", ".2"… after the hash
// for keys whose hashes collide. So every entity has its own row, and reading the rows gives its key back.

const hexOf = (key: string): string => {
  let hex = ""
  for (let i = 0; i < key.length; i++) hex += key.charCodeAt(i).toString(16).padStart(4, "0")
  return hex
}

const fromHex = (hex: string): string => {
  let key = ""
  for (let i = 0; i + 4 <= hex.length; i += 4) key += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16))
  return key
}

const fnv1a64 = (key: string): string => {
  let hash = 0xcbf29ce484222325n
  for (let i = 0; i < key.length; i++) {
    hash ^= BigInt(key.charCodeAt(i))
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn
  }
  return hash.toString(16).padStart(16, "0")
}

/**
 * The key a row of `key` is stored under first: `key` itself when every store can keep it and it does not
 * start with "~"; otherwise an escaped form (see the comment above). Hashed keys may move to ".1", ".2"… on a
 * collision.
 *
 * @category keys
 * @since 0.3.0
 */
export const storageKeyOf = (key: string): string => {
  if (isStorableKey(key) && !key.startsWith("~")) return key
  const hex = `~x${hexOf(key)}`
  return hex.length <= maxKeyLength ? hex : `~h${fnv1a64(key)}`
}

/** The entity key of a stored row. */
const entityKeyOf = (storageKey: string, row: StoredRow<unknown>): string =>
  row.k !== undefined ? row.k : storageKey.startsWith("~x") ? fromHex(storageKey.slice(2)) : storageKey

/** A stored timeline's states, decoded with the model's codec. */
const decodeTimeline = <S>(model: ReadModel<S>, stored: Timeline<unknown>): Timeline<S> => {
  const codec = model.codec
  if (codec === undefined) return stored as Timeline<S>
  return stored.map(([date, state]) => [date, codec.decode(state)] as const)
}

/** A timeline's states as a row keeps them. */
const encodeTimeline = <S>(model: ReadModel<S>, timeline: Timeline<S>): Timeline<unknown> => {
  const codec = model.codec
  if (codec === undefined) return timeline
  return timeline.map(([date, state]) => [date, codec.encode(state)] as const)
}

/**
 * The storage key and stored row of each entity key: one `get` for all, then, for hashed keys whose first
 * candidate holds another entity's row, the next candidates one by one. Storage keys that `written` knows
 * hold no row are not read.
 */
const resolve = (
  rows: ReadModelStoreShape,
  model: ReadModelKey,
  keys: Iterable<string>,
  written?: WrittenKeys
): Effect.Effect<ReadonlyMap<string, { readonly storageKey: string; readonly row: unknown }>, StoreUnavailable> =>
  Effect.gen(function*() {
    const first = new Map<string, string>()
    const wanted = new Set<string>()
    for (const key of keys) {
      const storageKey = storageKeyOf(key)
      first.set(key, storageKey)
      if (written === undefined || written.has(storageKey)) wanted.add(storageKey)
    }
    const found = wanted.size === 0 ? new Map<string, unknown>() : yield* rows.get(model, [...wanted])
    const resolved = new Map<string, { readonly storageKey: string; readonly row: unknown }>()
    for (const [key, storageKey] of first) {
      let candidate = storageKey
      let row = found.get(candidate)
      for (let n = 1; candidate.startsWith("~h") && row !== undefined && (row as StoredRow<unknown>).k !== key; n++) {
        candidate = `${storageKey}.${n}`
        row = (yield* rows.get(model, [candidate])).get(candidate)
      }
      resolved.set(key, { storageKey: candidate, row })
    }
    return resolved
  })

/** Bits in a {@link WrittenKeys} filter: 1 MiB, under 3% false positives at 10^6 keys. */
const writtenKeyBits = 1 << 23

/**
 * The storage keys a runner has committed rows under since its model was empty (checkpoint 0, so no rows), as a
 * Bloom filter of fixed size: a key it never committed has no row, so the rows of new entities (in a rebuild,
 * all of them) are not read. Valid only while every commit of the model since then was this runner's: one
 * `CheckpointMoved` drops it. A false positive only costs a read; far more keys than it is sized for make
 * every key a "maybe", which reads them all, as without it.
 */
class WrittenKeys {
  private readonly words = new Int32Array(writtenKeyBits >>> 5)

  add(key: string): void {
    this.probe(key, true)
  }

  has(key: string): boolean {
    return this.probe(key, false)
  }

  private probe(key: string, set: boolean): boolean {
    // FNV-1a, and an odd step derived from it: three bits per key (double hashing).
    let hash = 0x811c9dc5
    for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193)
    let step = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d)
    step = (step ^ (step >>> 12)) | 1
    let all = true
    for (let i = 0; i < 3; i++) {
      const bit = (hash + Math.imul(i, step)) & (writtenKeyBits - 1)
      const mask = 1 << (bit & 31)
      if ((this.words[bit >>> 5]! & mask) === 0) {
        if (!set) return false
        all = false
        this.words[bit >>> 5]! |= mask
      }
    }
    return all
  }
}

/**
 * A {@link WrittenKeys} for a model that has no rows (checkpoint 0 and nothing stored: a commit that moves the
 * checkpoint writes rows with it, and one by another runner after this look makes this runner's first commit
 * fail), else `undefined`.
 */
const writtenKeysFor = (
  rows: ReadModelStoreShape,
  model: ReadModelKey,
  position: number
): Effect.Effect<WrittenKeys | undefined, StoreUnavailable> =>
  position !== 0
    ? Effect.succeed(undefined)
    : Effect.map(rows.scan(model, { limit: 1 }), (page) => page.length === 0 ? new WrittenKeys() : undefined)

/** One entity while a batch is folded: its timeline so far and the position of the last event that changed it. */
interface Folding<S> {
  readonly storageKey: string
  timeline: Timeline<S>
  /** Whether `timeline` is an array this fold made, which it may write into. */
  owned: boolean
  /** The position of the last event that changed it; 0 while none has. */
  position: number
}

/**
 * {@link applyToTimeline} on a timeline the fold owns: writes into it instead of copying it per event (an
 * entity with many events in a batch would copy its timeline once per event). Returns whether it changed.
 */
const applyInPlace = <S>(
  timeline: Array<readonly [string, S]>,
  date: string,
  model: ReadModel<S>,
  envelope: Envelope
): boolean => {
  let at = timeline.length
  while (at > 0 && timeline[at - 1]![0] >= date) at--
  let added: readonly [string, S] | undefined
  if (at === timeline.length || timeline[at]![0] !== date) {
    const before = at === 0 ? model.initial : timeline[at - 1]![1]
    const after = model.evolve(before, envelope)
    if (after !== before) added = [date, after]
  }
  let changed = false
  for (let i = at; i < timeline.length; i++) {
    const [entryDate, state] = timeline[i]!
    const after = model.evolve(state, envelope)
    if (after !== state) {
      timeline[i] = [entryDate, after]
      changed = true
    }
  }
  if (added === undefined) return changed
  timeline.splice(at, 0, added)
  return true
}

/**
 * Folds one batch into `pending`, the entities changed since the last commit (by entity key): an entity found
 * there goes on from it, any other from its stored row. Returns the number of events applied.
 */
const foldBatch = <S>(
  model: ReadModel<S>,
  rows: ReadModelStoreShape,
  batch: ReadonlyArray<Envelope>,
  written: WrittenKeys | undefined,
  pending: Map<string, Folding<S>>
): Effect.Effect<number, StoreUnavailable> =>
  Effect.gen(function*() {
    // Each event's key once: the keys to load, then the fold. Events of one stream come in runs, so a key equal
    // to the one before needs no lookup.
    const keys: Array<string | undefined> = Array.from({ length: batch.length })
    const unloaded = new Set<string>()
    let previous: string | undefined
    for (let i = 0; i < batch.length; i++) {
      const key = model.keyOf(batch[i]!)
      keys[i] = key
      if (key !== undefined && key !== previous && !pending.has(key)) unloaded.add(key)
      previous = key
    }
    const loaded = new Map<string, Folding<S>>()
    if (unloaded.size > 0) {
      for (const [key, { row, storageKey }] of yield* resolve(rows, model, unloaded, written)) {
        const timeline = row === undefined ? [] : decodeTimeline(model, (row as StoredRow<unknown>).t)
        loaded.set(key, { storageKey, timeline, owned: false, position: 0 })
      }
    }
    let applied = 0
    let entity: Folding<S> | undefined
    previous = undefined
    for (let i = 0; i < batch.length; i++) {
      const key = keys[i]
      if (key === undefined) continue
      applied++
      const envelope = batch[i]!
      if (key !== previous) {
        entity = pending.get(key) ?? loaded.get(key)!
        previous = key
      }
      const folding = entity!
      const date = model.dateOf(envelope)
      if (folding.owned) {
        if (applyInPlace(folding.timeline as Array<readonly [string, S]>, date, model, envelope)) {
          folding.position = envelope.globalPosition
        }
        continue
      }
      // The first change copies the loaded timeline (the store's object, not the fold's to write into).
      const after = applyToTimeline(folding.timeline, date, model.initial, (s) => model.evolve(s, envelope))
      if (after !== folding.timeline) {
        folding.timeline = after
        folding.owned = true
        folding.position = envelope.globalPosition
        pending.set(key, folding)
      }
    }
    return applied
  })

/**
 * Commits the pending entities' rows with the checkpoint moving from `from` to `to`, notes their keys in
 * `written`, and empties `pending`.
 */
const commitPending = <S>(
  model: ReadModel<S>,
  rows: ReadModelStoreShape,
  from: number,
  to: number,
  pending: Map<string, Folding<S>>,
  written: WrittenKeys | undefined
): Effect.Effect<void, StoreUnavailable | CheckpointMoved> => {
  const changed: Array<readonly [string, StoredRow<unknown>]> = []
  for (const [key, { position: p, storageKey, timeline: t }] of pending) {
    const stored = encodeTimeline(model, t)
    changed.push([storageKey, storageKey.startsWith("~h") ? { p, t: stored, k: key } : { p, t: stored }])
  }
  return Effect.map(rows.commit(model, { from, to, rows: changed }), () => {
    if (written !== undefined) { for (const [storageKey] of changed) written.add(storageKey) }
    pending.clear()
  })
}

/** Folds one batch into the rows it touches and commits them with the checkpoint. */
const applyBatch = <S>(
  model: ReadModel<S>,
  rows: ReadModelStoreShape,
  from: number,
  batch: ReadonlyArray<Envelope>,
  written?: WrittenKeys
): Effect.Effect<number, StoreUnavailable | CheckpointMoved> =>
  Effect.gen(function*() {
    const pending = new Map<string, Folding<S>>()
    const applied = yield* foldBatch(model, rows, batch, written, pending)
    yield* commitPending(model, rows, from, batch[batch.length - 1]!.globalPosition, pending, written)
    return applied
  })

/**
 * Brings a read model up to the log's head: reads the log after its checkpoint in batches and commits each
 * batch's rows with the new checkpoint. Safe to run from several processes at once: a runner that loses a
 * race on a batch reloads the checkpoint and goes on from there.
 *
 * @category running
 * @since 0.3.0
 */
export const catchUp = <S>(
  model: ReadModel<S>,
  options?: CatchUpOptions
): Effect.Effect<CaughtUp, ReadError, EventStore | ReadModelStore> =>
  Effect.gen(function*() {
    const store = yield* EventStore
    const rows = yield* ReadModelStore
    const limit = options?.batchSize ?? defaultCatchUpBatch
    const head = yield* store.head
    let position = yield* rows.position(model)
    if (head > position) yield* Metric.update(tagged(lagEvents, model), head - position)
    let written = yield* writtenKeysFor(rows, model, position)
    let events = 0
    let races = 0
    let first = true
    while (position < head) {
      const startedAt = yield* Clock.currentTimeMillis
      const batch = yield* store.readAll({ after: position, limit })
      if (batch.length === 0) break
      if (first) {
        first = false
        const oldest = occurredAtOf(batch[0]!)
        if (oldest !== undefined) yield* Metric.update(tagged(lagTime, model), Math.max(0, startedAt - oldest))
      }
      const committed = yield* Effect.result(applyBatch(model, rows, position, batch, written))
      if (committed._tag === "Failure") {
        const failure = committed.failure
        // Losing to a runner that moved the checkpoint ahead is progress (however often it happens); only a
        // checkpoint that did not move forward (a reset, a broken store) counts towards the limit.
        if (failure._tag === "CheckpointMoved" && (failure.actual > position || races < maxConcurrentRetries)) {
          if (failure.actual <= position) races++
          position = failure.actual
          // Rows this runner did not write may exist now.
          written = undefined
          continue
        }
        return yield* Effect.fail(
          failure._tag === "CheckpointMoved"
            ? new StoreUnavailable({ operation: "readModel.catchUp", reason: `${model.name}: checkpoint keeps moving` })
            : failure
        )
      }
      position = batch[batch.length - 1]!.globalPosition
      events += committed.success
      const endedAt = yield* Clock.currentTimeMillis
      yield* Metric.update(tagged(eventsApplied, model), committed.success)
      yield* Metric.update(tagged(batchTime, model), endedAt - startedAt)
      if (options?.onProgress !== undefined) yield* options.onProgress({ position, head })
      if (batch.length < limit) break
    }
    return { position, events }
  }).pipe(Effect.withSpan("dangjian.readmodel.catchUp", { attributes: { "dangjian.readmodel": model.name } }))

/**
 * Brings several read models up to the log's head reading the log once: each batch is read one time and
 * folded into every model behind it. The same result as {@link catchUp} on each in turn, for a fraction of the
 * reads when the models are many; a model that loses a race to another runner is caught up on its own.
 *
 * Each model commits in its own transaction, with its own checkpoint, but not after every batch: a model's
 * changed rows (at most 5,000) and its checkpoint wait in memory for at most ten batches, and every model
 * commits at the end. A rebuild so spends one transaction (and one sync to disk) on several batches' rows, and
 * none on the batches that change nothing of a model.
 *
 * The store works while this process folds: the next batch of the log is read, and a model's commit runs,
 * while the other models fold (a model waits for its own commit before it folds again). On a server store
 * (PostgreSQL) the server's time so overlaps the fold's: each commit in flight is its own transaction (inside a
 * caller's transaction, a savepoint, which the SQL client takes one at a time). On SQLite and in memory, where
 * the store is this process, nothing changes.
 *
 * @category running
 * @since 0.3.0
 */
export const catchUpAll = (
  models: ReadonlyArray<ReadModel<any>>,
  options?: CatchUpOptions
): Effect.Effect<ReadonlyArray<CaughtUp>, ReadError, EventStore | ReadModelStore> =>
  Effect.gen(function*() {
    const store = yield* EventStore
    const rows = yield* ReadModelStore
    const limit = options?.batchSize ?? defaultCatchUpBatch
    const deferLimit = 10 * limit
    const head = yield* store.head
    // Per model: its checkpoint in the store, the position its fold has reached, and the entities changed and
    // events applied in between.
    const committed = yield* Effect.forEach(models, (model) => rows.position(model))
    const positions = [...committed]
    const pending = models.map(() => new Map<string, Folding<unknown>>())
    const pendingEvents = models.map(() => 0)
    const events = models.map(() => 0)
    const written = yield* Effect.forEach(models, (model, i) => writtenKeysFor(rows, model, committed[i]!))
    // Per model: the commit in flight, with the position it moves the checkpoint to and the events it applies.
    const inFlight: Array<InFlight | undefined> = models.map(() => undefined)
    for (const [i, model] of models.entries()) {
      if (head > positions[i]!) yield* Metric.update(tagged(lagEvents, model), head - positions[i]!)
    }
    /** Starts committing model `i` up to the position its fold reached; {@link settle} waits for it. */
    const startCommit = (i: number) =>
      Effect.gen(function*() {
        const rowsToCommit = pending[i]!
        pending[i] = new Map()
        const to = positions[i]!
        const applied = pendingEvents[i]!
        pendingEvents[i] = 0
        const fiber = yield* Effect.forkChild(
          Effect.result(commitPending(models[i]!, rows, committed[i]!, to, rowsToCommit, written[i])),
          { startImmediately: true }
        )
        inFlight[i] = { fiber, to, applied }
      })
    /** Waits for model `i`'s commit in flight; on a lost race, catches the model up alone. */
    const settle = (i: number) =>
      Effect.gen(function*() {
        const flight = inFlight[i]
        if (flight === undefined) return
        inFlight[i] = undefined
        const model = models[i]!
        const result = yield* Fiber.join(flight.fiber)
        if (result._tag === "Failure") {
          if (result.failure._tag !== "CheckpointMoved") return yield* Effect.fail(result.failure)
          // Another runner is on this model: let it be, and finish this one alone.
          pending[i]!.clear()
          pendingEvents[i] = 0
          written[i] = undefined
          const alone = yield* catchUp(model, { batchSize: limit })
          committed[i] = positions[i] = alone.position
          events[i] = events[i]! + alone.events
          return
        }
        committed[i] = flight.to
        events[i] = events[i]! + flight.applied
        yield* Metric.update(tagged(eventsApplied, model), flight.applied)
      })
    let from = Math.min(head, ...positions)
    let reading = from < head ? yield* readAhead(store, from, limit) : undefined
    while (reading !== undefined) {
      const startedAt = yield* Clock.currentTimeMillis
      const batch = yield* Fiber.join(reading)
      reading = undefined
      if (batch.length === 0) break
      const last = batch[batch.length - 1]!.globalPosition
      // The next batch is read while this one is folded.
      if (batch.length === limit && last < head) reading = yield* readAhead(store, last, limit)
      for (const [i, model] of models.entries()) {
        yield* settle(i)
        const position = positions[i]!
        if (position >= last) continue
        const part = position <= from ? batch : batch.filter((envelope) => envelope.globalPosition > position)
        pendingEvents[i] = pendingEvents[i]! + (yield* foldBatch(model, rows, part, written[i], pending[i]!))
        positions[i] = last
        if (pending[i]!.size >= maxPendingRows || last - committed[i]! >= deferLimit) yield* startCommit(i)
      }
      const endedAt = yield* Clock.currentTimeMillis
      for (const model of models) yield* Metric.update(tagged(batchTime, model), endedAt - startedAt)
      from = last
      if (options?.onProgress !== undefined) yield* options.onProgress({ position: from, head })
    }
    for (let i = 0; i < models.length; i++) {
      yield* settle(i)
      if (positions[i]! > committed[i]!) yield* startCommit(i)
    }
    for (let i = 0; i < models.length; i++) yield* settle(i)
    return models.map((_, i): CaughtUp => ({ position: positions[i]!, events: events[i]! }))
  }).pipe(Effect.withSpan("dangjian.readmodel.catchUpAll", { attributes: { "dangjian.readmodels": models.length } }))

/** A model's commit running in its own fiber. */
interface InFlight {
  readonly fiber: Fiber.Fiber<Result.Result<void, StoreUnavailable | CheckpointMoved>>
  readonly to: number
  readonly applied: number
}

/** Starts reading the batch after `after` in its own fiber (it sends its query before this returns). */
const readAhead = (store: EventStoreShape, after: number, limit: number) =>
  Effect.forkChild(store.readAll({ after, limit }), { startImmediately: true })

/**
 * Rebuilds several read models from zero reading the log once: deletes their rows and checkpoints (these
 * versions), then {@link catchUpAll}.
 *
 * @category running
 * @since 0.3.0
 */
export const rebuildAll = (
  models: ReadonlyArray<ReadModel<any>>,
  options?: CatchUpOptions
): Effect.Effect<ReadonlyArray<CaughtUp>, ReadError, EventStore | ReadModelStore> =>
  Effect.gen(function*() {
    const rows = yield* ReadModelStore
    for (const model of models) {
      yield* rows.reset(model)
      yield* Metric.update(tagged(rebuilds, model), 1)
    }
    return yield* catchUpAll(models, options)
  }).pipe(Effect.withSpan("dangjian.readmodel.rebuild", { attributes: { "dangjian.readmodels": models.length } }))

/**
 * Rebuilds a read model from zero: deletes its rows and checkpoint (this version), then catches up.
 *
 * @category running
 * @since 0.3.0
 */
export const rebuild = <S>(
  model: ReadModel<S>,
  options?: CatchUpOptions
): Effect.Effect<CaughtUp, ReadError, EventStore | ReadModelStore> =>
  Effect.gen(function*() {
    const rows = yield* ReadModelStore
    yield* rows.reset(model)
    yield* Metric.update(tagged(rebuilds, model), 1)
    return yield* catchUp(model, options)
  }).pipe(Effect.withSpan("dangjian.readmodel.rebuild", { attributes: { "dangjian.readmodel": model.name } }))

// ---------------------------------------------------------------------------------------------------------
// Inline
// ---------------------------------------------------------------------------------------------------------

/**
 * Options of {@link inlineStore}.
 *
 * @category models
 * @since 0.4.0
 */
export interface InlineOptions {
  /**
   * The read-model store on the same database as the event store, usable inside one of its `atomically`
   * transactions (its commits join the transaction).
   */
  readonly rows: ReadModelStoreShape
  /**
   * Runs in each transaction before its first append, and holds to its end: what serializes the writers that
   * keep inline read models where the database does not (PostgreSQL's appends take positions concurrently;
   * SQLite's write lock, taken at the first append too, already serializes them).
   */
  readonly serialize?: Effect.Effect<void, StoreUnavailable>
  /**
   * How the catch-up reads the log inside the transaction, when the store's own `readAll` there leaves out the
   * transaction's events (PostgreSQL's, which returns a position only once it is proved settled).
   */
  readonly readAll?: EventStoreShape["readAll"]
}

// A catch-up's failures, as an append's: the log was fine, keeping the read models was not.
const asAppendFailure = (error: ReadError | CheckpointMoved): StoreUnavailable =>
  error._tag === "StoreUnavailable"
    ? error
    : new StoreUnavailable({ operation: "append.inline", reason: `a read model could not be kept: ${error._tag}` })

/**
 * An event store whose writes keep `models` current in the same transaction: every `append`, and every
 * `atomically` transaction (a unit of work, an import), ends by catching the models up to its own last event
 * before it commits. The events and the rows they change commit together or not at all: a read after the write
 * sees them, a crash keeps both or neither, and a read model that cannot be kept (a row that is not plain JSON
 * data, a full disk) refuses the write, which then stores nothing (`StoreUnavailable`, operation
 * `append.inline`).
 *
 * This is the `"inline"` mode of {@link ReadModel.mode}: the stores' layers take the models as their `inline`
 * option. It costs each write a catch-up of every inline model (O(the write's events) when the models were
 * current; the first write after enabling it also folds what they lacked). Writers are serialized while they
 * do it: SQLite's write lock does so already; on PostgreSQL `serialize` takes a lock that orders them, so
 * every inline write's catch-up finds all the events before its own. A writer that does not keep the models
 * (another application on the same database) leaves them behind until the next inline write or catch-up.
 *
 * A store without `atomically` (the in-memory store) catches the models up right after each append, in the
 * caller's step; a failure then is returned, the events staying stored (a retried append with the same event
 * ids is idempotent and catches up again).
 *
 * @category running
 * @since 0.4.0
 */
export const inlineStore = (
  store: EventStoreShape,
  models: ReadonlyArray<ReadModel<any>>,
  options: InlineOptions
): EventStoreShape => {
  if (models.length === 0) return store
  // Inside a transaction the head is the transaction's own last event: a head read there may not count the
  // transaction's events (PostgreSQL's walks back over every one of them), and nothing after them can be read.
  const keep = (transaction: EventStoreShape, last: number) =>
    catchUpAll(models).pipe(
      Effect.provideService(EventStore, {
        ...transaction,
        readAll: options.readAll ?? transaction.readAll,
        head: Effect.succeed(last)
      }),
      Effect.provideService(ReadModelStore, options.rows),
      Effect.mapError(asAppendFailure),
      Effect.withSpan("dangjian.readmodel.inline", { attributes: { "dangjian.readmodels": models.length } })
    )
  const atomically = store.atomically
  if (atomically === undefined) {
    return {
      ...store,
      append: (request) => Effect.tap(store.append(request), (result) => keep(store, result.lastGlobalPosition))
    }
  }
  const transact: NonNullable<EventStoreShape["atomically"]> = (use) =>
    atomically((transaction) =>
      Effect.gen(function*() {
        // The last position the transaction's appends reached (an idempotent re-append's too: the models may
        // not have it yet).
        let last = 0
        // Serialized from the first append on: what the transaction reads and decides before it writes (an
        // import checking its commands) keeps other writers waiting no more than SQLite's own write lock does.
        let serialized = options.serialize === undefined
        const tracked: EventStoreShape = {
          ...transaction,
          append: (request) =>
            Effect.gen(function*() {
              if (!serialized) {
                yield* options.serialize!
                serialized = true
              }
              const result = yield* transaction.append(request)
              last = Math.max(last, result.lastGlobalPosition)
              return result
            })
        }
        const value = yield* use(tracked)
        if (last > 0) yield* keep(transaction, last)
        return value
      })
    )
  return {
    ...store,
    append: (request) => transact((transaction) => transaction.append(request)),
    atomically: transact
  }
}

/**
 * Deletes a read model's rows and checkpoint (this version).
 *
 * @category running
 * @since 0.3.0
 */
export const reset = (model: ReadModelKey): Effect.Effect<void, StoreUnavailable, ReadModelStore> =>
  ReadModelStore.use((rows) => rows.reset(model))

/**
 * Deletes the rows and checkpoints of the older versions of these read models ({@link ReadModelStoreShape}'s
 * `resetOlderVersions`), and returns how many rows it deleted. A read model whose version changed rebuilds itself
 * under the new version and leaves the old one's rows where they were, for a process of the older release that may
 * still be reading them; once every process runs the new release, this reclaims their space (`dangjian replay` does it
 * after its rebuild).
 *
 * @category running
 * @since 0.4.0
 */
export const resetOlderVersions = (
  models: ReadonlyArray<ReadModelKey>
): Effect.Effect<number, StoreUnavailable, ReadModelStore> =>
  Effect.gen(function*() {
    const rows = yield* ReadModelStore
    let deleted = 0
    for (const model of models) deleted += yield* rows.resetOlderVersions(model)
    return deleted
  }).pipe(Effect.withSpan("dangjian.readmodel.resetOlderVersions", {
    attributes: { "dangjian.readmodels": models.length }
  }))

/**
 * Keeps a read model current: catches up, then follows the store's subscription, committing each delivered
 * chunk. Emits the position after each commit; ends only when interrupted or on an error.
 *
 * @category running
 * @since 0.3.0
 */
export const follow = <S>(
  model: ReadModel<S>,
  options?: CatchUpOptions
): Stream.Stream<number, ReadError, EventStore | ReadModelStore> =>
  Stream.unwrap(
    Effect.gen(function*() {
      const store = yield* EventStore
      const rows = yield* ReadModelStore
      const caught = yield* catchUp(model, options)
      let position = caught.position
      return store.subscribe({
        after: position,
        ...(options?.batchSize === undefined ? {} : { batchSize: options.batchSize })
      }).pipe(
        Stream.chunks,
        Stream.mapEffect((events) =>
          Effect.gen(function*() {
            const startedAt = yield* Clock.currentTimeMillis
            const applied = yield* applyBatch(model, rows, position, events).pipe(
              Effect.catchTag("CheckpointMoved", () =>
                // Another runner is ahead: let it be, and catch up from its checkpoint instead.
                Effect.map(catchUp(model, options), (c) => c.events))
            )
            position = Math.max(position, events[events.length - 1]!.globalPosition)
            const endedAt = yield* Clock.currentTimeMillis
            yield* Metric.update(tagged(eventsApplied, model), applied)
            yield* Metric.update(tagged(batchTime, model), endedAt - startedAt)
            return position
          })
        )
      )
    })
  )

/**
 * Every row of a read model, by key (after no catch-up: call {@link catchUp} first to read the newest).
 *
 * @category reading
 * @since 0.3.0
 */
export const load = <S>(
  model: ReadModel<S>,
  options?: { readonly pageSize?: number }
): Effect.Effect<ReadonlyMap<string, Timeline<S>>, StoreUnavailable, ReadModelStore> =>
  Effect.gen(function*() {
    const rows = yield* ReadModelStore
    const limit = options?.pageSize ?? 10_000
    const all = new Map<string, Timeline<S>>()
    let after: string | undefined
    while (true) {
      const page = yield* rows.scan(model, { after, limit })
      for (const [key, row] of page) {
        all.set(entityKeyOf(key, row as StoredRow<unknown>), decodeTimeline(model, (row as StoredRow<unknown>).t))
      }
      if (page.length < limit) break
      after = page[page.length - 1]![0]
    }
    return all
  }).pipe(Effect.withSpan("dangjian.readmodel.load", { attributes: { "dangjian.readmodel": model.name } }))

/**
 * Every row of a read model as of the log's head, without writing: the stored rows, with the events after the
 * checkpoint folded in memory. What a read-only query uses: it costs O(rows + events since the checkpoint), and
 * a caught-up model reads no event at all.
 *
 * With `asOf`, each timeline keeps only what {@link stateAsOf} at that date needs: its last state on or before
 * the date (none when every state comes later), and events after the checkpoint dated later are not folded.
 * Such timelines answer exactly as the whole ones at `asOf` (an event dated `d ≤ asOf` evolves the state as of
 * `asOf` whether or not the states before it are kept), and at no other date; a query of one date holds a
 * fraction of the rows in memory.
 *
 * @category reading
 * @since 0.3.0
 */
export const loadCurrent = <S>(
  model: ReadModel<S>,
  options?: CurrentOptions & {
    /** Only these entities: their rows are read by key, and only their events after the checkpoint are folded. */
    readonly keys?: Iterable<string>
  }
): Effect.Effect<
  { readonly timelines: ReadonlyMap<string, Timeline<S>>; readonly position: number; readonly tail: number },
  ReadError,
  EventStore | ReadModelStore
> => {
  const timelines = new Map<string, Timeline<S>>()
  return Effect.map(
    readCurrent(model, (page) =>
      Effect.sync(() => {
        for (const [key, timeline] of page) timelines.set(key, timeline)
      }), options),
    ({ position, tail }) => ({ timelines, position, tail })
  )
}

/**
 * What {@link loadCurrent} reads, a page of keys at a time: each page's timelines are handed to `onPage` and let
 * go before the next page is read, so a query over millions of entities holds one page of them (and the events
 * after the checkpoint, none for a caught-up model). The pages follow the stored rows' order; entities that only
 * the events after the checkpoint know of come in the last pages. With `asOf`, the timelines are cut as
 * {@link loadCurrent} cuts them, and entities with no state on that date are left out.
 *
 * @category reading
 * @since 0.4.0
 */
export const forEachPage = <S, E, R>(
  model: ReadModel<S>,
  onPage: (timelines: ReadonlyMap<string, Timeline<S>>) => Effect.Effect<void, E, R>,
  options?: CurrentOptions
): Effect.Effect<
  { readonly position: number; readonly tail: number },
  ReadError | E,
  EventStore | ReadModelStore | R
> => readCurrent(model, onPage, options)

/** The options of {@link loadCurrent} and {@link forEachPage}. */
interface CurrentOptions {
  readonly pageSize?: number
  readonly batchSize?: number
  readonly asOf?: string
}

/** {@link forEachPage}, or with `keys` the rows of those keys only (in one page). */
const readCurrent = <S, E, R>(
  model: ReadModel<S>,
  onPage: (timelines: ReadonlyMap<string, Timeline<S>>) => Effect.Effect<void, E, R>,
  options?: CurrentOptions & { readonly keys?: Iterable<string> }
): Effect.Effect<
  { readonly position: number; readonly tail: number },
  ReadError | E,
  EventStore | ReadModelStore | R
> =>
  Effect.gen(function*() {
    const store = yield* EventStore
    const rows = yield* ReadModelStore
    const asOf = options?.asOf
    const only = options?.keys === undefined ? undefined : new Set(options.keys)
    // The checkpoint, then the events after it, then the rows: a row a runner committed meanwhile says by its own
    // position (`p`) which of those events it already reflects.
    let position = yield* rows.position(model)
    const pending = new Map<string, Array<Envelope>>()
    const limit = options?.batchSize ?? defaultCatchUpBatch
    let tail = 0
    while (true) {
      const batch = yield* store.readAll({ after: position, limit })
      for (const envelope of batch) {
        const key = model.keyOf(envelope)
        if (key === undefined || (only !== undefined && !only.has(key))) continue
        if (asOf !== undefined && model.dateOf(envelope) > asOf) continue
        const events = pending.get(key)
        if (events === undefined) pending.set(key, [envelope])
        else events.push(envelope)
      }
      tail += batch.length
      if (batch.length > 0) position = batch[batch.length - 1]!.globalPosition
      if (batch.length < limit) break
    }
    const fold = (timeline: Timeline<S>, events: ReadonlyArray<Envelope> | undefined, after: number) => {
      let out = timeline
      for (const envelope of events ?? []) {
        if (envelope.globalPosition <= after) continue
        out = applyToTimeline(out, model.dateOf(envelope), model.initial, (s) => model.evolve(s, envelope))
      }
      return out
    }
    const take = (timelines: Map<string, Timeline<S>>, key: string, row: StoredRow<unknown>) => {
      const events = pending.get(key)
      pending.delete(key)
      // Cut before decoding: only the states the date needs are decoded.
      const stored = decodeTimeline(model, asOf === undefined ? row.t : timelineAsOf(row.t, asOf))
      const timeline = fold(stored, events, row.p)
      if (timeline.length > 0 || asOf === undefined) timelines.set(key, timeline)
    }
    const pageSize = options?.pageSize ?? 10_000
    if (only !== undefined) {
      const timelines = new Map<string, Timeline<S>>()
      if (only.size > 0) {
        for (const [key, { row }] of yield* resolve(rows, model, only)) {
          if (row !== undefined) take(timelines, key, row as StoredRow<unknown>)
        }
      }
      if (timelines.size > 0) yield* onPage(timelines)
    } else {
      let cursor: string | undefined
      while (true) {
        const page = yield* rows.scan(model, { after: cursor, limit: pageSize })
        const timelines = new Map<string, Timeline<S>>()
        for (const [storageKey, value] of page) {
          take(timelines, entityKeyOf(storageKey, value as StoredRow<unknown>), value as StoredRow<unknown>)
        }
        if (timelines.size > 0) yield* onPage(timelines)
        if (page.length < pageSize) break
        cursor = page[page.length - 1]![0]
      }
    }
    // Entities only the events after the checkpoint know of.
    let rest = new Map<string, Timeline<S>>()
    for (const [key, events] of pending) {
      const timeline = fold([], events, 0)
      if (timeline.length > 0) rest.set(key, timeline)
      if (rest.size === pageSize) {
        yield* onPage(rest)
        rest = new Map()
      }
    }
    if (rest.size > 0) yield* onPage(rest)
    return { position, tail }
  })

/** The part of a timeline that {@link stateAsOf} at `date` reads: its last entry on or before the date. */
const timelineAsOf = <S>(timeline: Timeline<S>, date: string): Timeline<S> => {
  const last = timeline.length - 1
  if (last >= 0 && timeline[last]![0] <= date) return last === 0 ? timeline : [timeline[last]!]
  const count = entriesThrough(timeline, date)
  return count === 0 ? [] : [timeline[count - 1]!]
}

/**
 * The rows of some keys (after no catch-up).
 *
 * @category reading
 * @since 0.3.0
 */
export const get = <S>(
  model: ReadModel<S>,
  keys: ReadonlyArray<string>
): Effect.Effect<ReadonlyMap<string, Timeline<S>>, StoreUnavailable, ReadModelStore> =>
  ReadModelStore.use((rows) =>
    Effect.map(resolve(rows, model, keys), (found) => {
      const timelines = new Map<string, Timeline<S>>()
      for (const [key, { row }] of found) {
        if (row !== undefined) timelines.set(key, decodeTimeline(model, (row as StoredRow<unknown>).t))
      }
      return timelines
    })
  )

/**
 * Every entity's state as of a date, by key (entities with no state on that date are left out).
 *
 * @category reading
 * @since 0.3.0
 */
export const statesAsOf = <S>(
  model: ReadModel<S>,
  timelines: ReadonlyMap<string, Timeline<S>>,
  date: string
): ReadonlyMap<string, S> => {
  const states = new Map<string, S>()
  for (const [key, timeline] of timelines) {
    const state = stateAsOf(timeline, date, model.initial)
    if (state !== model.initial) states.set(key, state)
  }
  return states
}

/**
 * Every entity's state as of a date, as a record by key (safe for any key, `__proto__` included): the shape the
 * library's views keep. `keep` leaves out states it returns `false` for.
 *
 * @category reading
 * @since 0.3.0
 */
export const recordAsOf = <S, A extends S = S>(
  model: ReadModel<S>,
  timelines: ReadonlyMap<string, Timeline<S>>,
  date: string,
  keep?: (state: S) => state is A
): Readonly<Record<string, A>> => {
  const record: Record<string, A> = {}
  for (const [key, timeline] of timelines) {
    const state = stateAsOf(timeline, date, model.initial)
    if (state === model.initial || (keep !== undefined && !keep(state))) continue
    // An assignment defines an own property for every key but `__proto__`, and costs far less than `put`.
    if (key === "__proto__") put(record, key, state as A)
    else record[key] = state as A
  }
  return record
}

/**
 * Whether the read model has a checkpoint at the log's head.
 *
 * @category reading
 * @since 0.3.0
 */
export const isCurrent = (
  model: ReadModelKey
): Effect.Effect<boolean, StoreUnavailable, EventStore | ReadModelStore> =>
  Effect.gen(function*() {
    const store = yield* EventStore
    const rows = yield* ReadModelStore
    const [head, position] = yield* Effect.all([store.head, rows.position(model)])
    return position >= head
  })
