/**
 * The settings of a PostgreSQL store and their validation. The schema name and the table prefix become SQL
 * identifiers, so they are checked against a strict pattern before anything touches the database: a hostile
 * name is refused with {@link InvalidStoreConfig}, never quoted and hoped for. Everything else reaches SQL
 * only as a bound parameter.
 *
 * @since 0.1.0
 */
import type { EventCodec, ReadModel } from "@dangjian/core/store"
import { Message } from "@dangjian/core/store"
import type { Duration, Redacted } from "effect"
import { Result, Schema } from "effect"

/**
 * The pattern a schema name must match: a lower-case letter or `_`, then up to 47 lower-case letters,
 * digits or `_`. Names beginning with `pg_` are reserved by PostgreSQL and refused.
 *
 * @category validation
 * @since 0.1.0
 */
export const schemaPattern: RegExp = /^[a-z_][a-z0-9_]{0,47}$/

/**
 * The pattern a table prefix must match: empty, or a lower-case letter followed by up to 15 lower-case
 * letters, digits or `_`.
 *
 * @category validation
 * @since 0.1.0
 */
export const tablePrefixPattern: RegExp = /^(?:[a-z][a-z0-9_]{0,15})?$/

/**
 * The default schema: `dangjian`.
 *
 * @category constants
 * @since 0.1.0
 */
export const defaultSchema = "dangjian"

/**
 * Settings shared by every way of building the store.
 *
 * @category models
 * @since 0.1.0
 */
export interface StoreSettings {
  /** The codec of the stored events: appends validate and encode with it, reads decode with it. */
  readonly codec: EventCodec.EventCodec<any>
  /** The PostgreSQL schema holding the tables (default `dangjian`); created if missing. */
  readonly schema?: string | undefined
  /** A prefix for every table, function and sequence name (default none), e.g. `dj_`. */
  readonly tablePrefix?: string | undefined
  /** Wake subscribers with LISTEN/NOTIFY (default `true`); polling is always the fallback. */
  readonly notifications?: boolean | undefined
  /** How often a waiting subscriber polls when no notification arrives (default 1 second). */
  readonly pollInterval?: Duration.Input | undefined
  /** Run the migrations when the layer is built (default `true`). */
  readonly migrate?: boolean | undefined
  /**
   * The most event text one append statement carries, in UTF-16 code units (default 64 Mi): a heavier append
   * (an import) is staged in chunks of about this size within one transaction, then appended by one call.
   */
  readonly appendChunkBytes?: number | undefined
  /**
   * Read models kept in each write's own transaction (`ReadModel.inlineStore`): every append and every
   * `atomically` transaction catches them up to its last event before it commits. Writers that keep them take
   * one transaction-scoped advisory lock per store first, so they append one at a time.
   */
  readonly inline?: ReadonlyArray<ReadModel.ReadModel<any>> | undefined
}

/**
 * Connection settings for the layers that open their own connection pool.
 *
 * @category models
 * @since 0.1.0
 */
export interface ConnectionSettings {
  /** A `postgres://` URL; it may hold a password, hence `Redacted`. */
  readonly url: Redacted.Redacted
  /** The size of the connection pool (default 10). */
  readonly maxConnections?: number | undefined
  /** How long to wait for a connection (default: `connect_timeout` in the URL, otherwise 5 seconds). */
  readonly connectTimeout?: Duration.Input | undefined
}

/**
 * The qualified, quoted names of every database object of one store, built only from validated settings.
 *
 * @category models
 * @since 0.1.0
 */
export interface Names {
  readonly schema: string
  readonly prefix: string
  /** `"schema"` */
  readonly schemaIdent: string
  readonly streams: string
  readonly events: string
  readonly sequence: string
  /** The sequence as a string literal for `nextval`. */
  readonly sequenceLiteral: string
  readonly appendFunction: string
  readonly projections: string
  readonly snapshots: string
  /** Keyed read models: one row per model, version and key. */
  readonly readModelRows: string
  /** Keyed read models: one checkpoint per model and version. */
  readonly readModelCheckpoints: string
  /** The migrations table, unquoted and qualified (`schema.prefixmigrations`) as effect/sql's Migrator wants it. */
  readonly migrationsTable: string
  /** The LISTEN/NOTIFY channel. */
  readonly channel: string
}

/**
 * The store settings were refused: `field` names the setting, `rule` the rule it broke. The offending value
 * is never echoed.
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidStoreConfig extends Schema.TaggedError<InvalidStoreConfig>()("InvalidStoreConfig", {
  field: Schema.String,
  rule: Schema.String
}) implements Message.Localized {
  get code() {
    return "store.invalidConfig"
  }
  get params(): Message.MessageParams {
    return { field: this.field, rule: this.rule }
  }
  override get message() {
    return Message.renderWith(storeMessages, this.code, this.params, "en")
  }
}

/**
 * The messages of this package in zh-CN and en (merge them into your catalogs with `Message.mergeCatalogs`).
 *
 * @category messages
 * @since 0.1.0
 */
export const storeMessages: Message.Catalogs = {
  en: {
    "store.invalidConfig": (p) => `Invalid store setting ${Message.show(p.field)}: ${Message.show(p.rule)}`
  },
  "zh-CN": {
    "store.invalidConfig": (p) => `存储配置 ${Message.show(p.field)} 无效:${Message.show(p.rule)}`
  }
}

const quote = (identifier: string): string => `"${identifier}"`

/**
 * Validates the settings and builds every object name from them.
 *
 * @category validation
 * @since 0.1.0
 */
export const names = (settings: {
  readonly schema?: string | undefined
  readonly tablePrefix?: string | undefined
}): Result.Result<Names, InvalidStoreConfig> => {
  const schema = settings.schema ?? defaultSchema
  const prefix = settings.tablePrefix ?? ""
  if (typeof schema !== "string" || !schemaPattern.test(schema)) {
    return Result.fail(
      new InvalidStoreConfig({
        field: "schema",
        rule: "a lower-case letter or _, then at most 47 lower-case letters, digits or _"
      })
    )
  }
  if (schema.startsWith("pg_") || schema === "information_schema") {
    return Result.fail(new InvalidStoreConfig({ field: "schema", rule: "a name reserved by PostgreSQL" }))
  }
  if (typeof prefix !== "string" || !tablePrefixPattern.test(prefix)) {
    return Result.fail(
      new InvalidStoreConfig({
        field: "tablePrefix",
        rule: "empty, or a lower-case letter then at most 15 lower-case letters, digits or _"
      })
    )
  }
  const qualified = (name: string) => `${quote(schema)}.${quote(prefix + name)}`
  return Result.succeed({
    schema,
    prefix,
    schemaIdent: quote(schema),
    streams: qualified("streams"),
    events: qualified("events"),
    sequence: qualified("events_position"),
    sequenceLiteral: `'${qualified("events_position")}'`,
    appendFunction: qualified("append_events"),
    projections: qualified("projections"),
    snapshots: qualified("snapshots"),
    readModelRows: qualified("read_model_rows"),
    readModelCheckpoints: qualified("read_model_checkpoints"),
    migrationsTable: `${schema}.${prefix}migrations`,
    channel: `dangjian_${schema}_${prefix}events`.slice(0, 63)
  })
}
