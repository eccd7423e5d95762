/**
 * Options of the SQLite store and their validation. Table names are built from a validated prefix only, so
 * no identifier ever comes from unchecked input; every value goes to SQLite as a bound parameter.
 *
 * @since 0.1.0
 */
import type { EventCodec, ReadModel } from "@dangjian/core/store"
import type { Duration } from "effect"
import { Result, Schema } from "effect"

/**
 * @category models
 * @since 0.1.0
 */
export interface SqliteStoreOptions {
  /** A file path, or `":memory:"` for a private in-memory database. */
  readonly filename: string
  /** The codec of every event type the store will hold. */
  readonly codec: EventCodec.EventCodec<any>
  /** Prefix of the table names (default `dangjian_`): `^[a-z_][a-z0-9_]{0,30}$`. */
  readonly tablePrefix?: string
  /** SQLite's `synchronous` setting (default `FULL`: every commit is on disk before the append returns). */
  readonly synchronous?: "FULL" | "NORMAL" | "OFF"
  /** How long a writer waits for another process's write lock, in milliseconds (default 5,000). */
  readonly busyTimeoutMs?: number
  /** How often a live subscription looks for appends made by other processes (default 100 ms). */
  readonly pollInterval?: Duration.Input
  /**
   * Read models kept in each write's own transaction (`ReadModel.inlineStore`): every append and every
   * `atomically` transaction catches them up to its last event before it commits, under the write lock it holds.
   */
  readonly inline?: ReadonlyArray<ReadModel.ReadModel<any>> | undefined
}

/**
 * The options were refused. Nothing was opened.
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidStoreConfig extends Schema.TaggedError<InvalidStoreConfig>()("InvalidStoreConfig", {
  field: Schema.String,
  reason: Schema.String
}) {
  override get message() {
    return `Invalid SQLite store option ${this.field}: ${this.reason}`
  }
}

/**
 * The table names of one store.
 *
 * @category models
 * @since 0.1.0
 */
export interface Names {
  readonly streams: string
  readonly events: string
  readonly projections: string
  readonly snapshots: string
  /** Keyed read models: one row per model, version and key. */
  readonly readModelRows: string
  /** Keyed read models: one checkpoint per model and version. */
  readonly readModelCheckpoints: string
  readonly migrations: string
}

const prefixPattern = /^[a-z_][a-z0-9_]{0,30}$/

/**
 * Validates the options and derives the table names.
 *
 * @category constructors
 * @since 0.1.0
 */
export const validate = (options: SqliteStoreOptions): Result.Result<Names, InvalidStoreConfig> => {
  const prefix = options.tablePrefix ?? "dangjian_"
  if (!prefixPattern.test(prefix)) {
    return Result.fail(
      new InvalidStoreConfig({ field: "tablePrefix", reason: "must match ^[a-z_][a-z0-9_]{0,30}$" })
    )
  }
  if (typeof options.filename !== "string" || options.filename.length === 0 || options.filename.includes("\u0000")) {
    return Result.fail(new InvalidStoreConfig({ field: "filename", reason: "a non-empty path or :memory:" }))
  }
  const busy = options.busyTimeoutMs ?? 5_000
  if (!Number.isSafeInteger(busy) || busy < 0) {
    return Result.fail(new InvalidStoreConfig({ field: "busyTimeoutMs", reason: "a whole number ≥ 0" }))
  }
  return Result.succeed({
    streams: `${prefix}streams`,
    events: `${prefix}events`,
    projections: `${prefix}projections`,
    snapshots: `${prefix}snapshots`,
    readModelRows: `${prefix}read_model_rows`,
    readModelCheckpoints: `${prefix}read_model_checkpoints`,
    migrations: `${prefix}migrations`
  })
}
