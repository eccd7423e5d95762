/**
 * The `--store` option: `sqlite:<file>` (the embedded default, `sqlite:./dangjian.db`) or a PostgreSQL URL
 * `postgres://…` (with `?schema=<name>` to choose the schema, default `dangjian`). The password stays
 * `Redacted`: it never reaches a log or an error, and {@link mask} hides it in any text shown.
 *
 * A store opens in one of two ways. Commands that write (`import`, `exec`, `roster sync`, `demo`, `replay`)
 * open it with {@link layer}: the file or schema is created and migrated when needed. Commands that only read
 * (`report`, `tree`, `roster sync --dry-run`) open it with {@link layerReadOnly}: the store must already
 * exist with every table a writer made, nothing is created or migrated, and a SQLite file is opened read-only,
 * so a typo (`sqlite:cuonty.db`) is an error naming the file and a read-only PostgreSQL role can read.
 *
 * @since 0.1.0
 */
import { Compliance, Dangjian } from "@dangjian/core"
import { EventStore, Projection, ReadModel, Snapshot } from "@dangjian/core/store"
import { PostgresStore, StoreConfig as PgConfig } from "@dangjian/store-postgres"
import { Migrations as PgMigrations } from "@dangjian/store-postgres"
import {
  Migrations as SqliteMigrations,
  SqliteClient,
  SqliteEventStore,
  SqliteProjectionStore,
  SqliteReadModelStore,
  SqliteSnapshotStore,
  SqliteStore,
  StoreConfig as SqliteConfig
} from "@dangjian/store-sqlite"
import { PgClient } from "@effect/sql-pg"
import { Context, Data, Effect, Layer, Redacted, Result } from "effect"
import { SqlClient } from "effect/sql"
import { existsSync, statSync } from "node:fs"

/**
 * @category models
 * @since 0.1.0
 */
export type StoreSpec =
  | { readonly kind: "sqlite"; readonly filename: string }
  | { readonly kind: "postgres"; readonly url: Redacted.Redacted<string>; readonly schema: string | undefined }

/**
 * The default store: `./dangjian.db`.
 *
 * @category constants
 * @since 0.1.0
 */
export const defaultSpec = "sqlite:./dangjian.db"

/**
 * The demo's default store, a file of its own so that the fictional township never lands in real data.
 *
 * @category constants
 * @since 0.2.0
 */
export const demoSpec = "sqlite:./dangjian-demo.db"

/**
 * Hides credentials in any text: the password of a URL (`postgres://user:secret@host` →
 * `postgres://user:***@host`) and `password=` parameters.
 *
 * @category rendering
 * @since 0.2.0
 */
export const mask = (text: string): string =>
  text
    .replace(/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s]*@/gi, "$1:***@")
    .replace(/([?&;\s]password=)[^&\s;]*/gi, "$1***")

/**
 * Parses a `--store` value; a failure carries the value with its password masked.
 *
 * @category parsing
 * @since 0.1.0
 */
export const parse = (spec: string): Result.Result<StoreSpec, string> => {
  if (spec.startsWith("sqlite:")) {
    const filename = spec.slice("sqlite:".length)
    return filename.length === 0 || filename.includes("\u0000") ? Result.fail(spec) : Result.succeed({
      kind: "sqlite",
      filename
    })
  }
  if (spec.startsWith("postgres://") || spec.startsWith("postgresql://")) {
    let url: URL
    try {
      url = new URL(spec)
    } catch {
      return Result.fail(mask(spec))
    }
    const schema = url.searchParams.get("schema") ?? undefined
    url.searchParams.delete("schema")
    return Result.succeed({ kind: "postgres", url: Redacted.make(url.toString()), schema })
  }
  return Result.fail(mask(spec))
}

/**
 * What to show of a store in messages (no password).
 *
 * @category rendering
 * @since 0.1.0
 */
export const describe = (spec: StoreSpec): string =>
  spec.kind === "sqlite"
    ? `sqlite:${spec.filename}`
    : `${mask(Redacted.value(spec.url))}${spec.schema === undefined ? "" : ` (schema ${spec.schema})`}`

/**
 * The store a read-only command was pointed at is not there: no such file, or a database without the
 * store's tables, or one made by an older version and not migrated yet. Nothing was created.
 *
 * @category errors
 * @since 0.2.0
 */
export class StoreMissing extends Data.TaggedError("StoreMissing")<{
  readonly store: string
  readonly reason: "noFile" | "notAFile" | "noTables" | "outdated"
}> {}

/**
 * The layer of a store for a command that writes: created and migrated when needed. Its writes keep the read
 * models that `report` and `tree` read in their own transaction (`inline`), so the events and the rows they
 * change commit together.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (spec: StoreSpec): Layer.Layer<SqliteStore.Services, unknown> =>
  spec.kind === "sqlite"
    ? SqliteStore.layer({ filename: spec.filename, codec: Dangjian.codec, inline: Compliance.readModels })
    : PostgresStore.layer({
      url: spec.url,
      codec: Dangjian.codec,
      maxConnections: 4,
      inline: Compliance.readModels,
      ...(spec.schema === undefined ? {} : { schema: spec.schema })
    })

/**
 * The layer of a store that must exist already (`replay`): like {@link layer}, but a SQLite file that is not
 * there is {@link StoreMissing} instead of a new empty store.
 *
 * @category layers
 * @since 0.2.0
 */
export const layerExisting = (spec: StoreSpec): Layer.Layer<SqliteStore.Services, unknown> =>
  spec.kind === "sqlite" && !existsSync(spec.filename)
    ? Layer.unwrap(Effect.fail(new StoreMissing({ store: describe(spec), reason: "noFile" })))
    : layer(spec)

/**
 * The layer of a store for a command that only reads: the store must exist with all its tables; nothing is
 * created or migrated, and SQLite opens the file read-only.
 *
 * @category layers
 * @since 0.2.0
 */
export const layerReadOnly = (spec: StoreSpec): Layer.Layer<SqliteStore.Services, unknown> =>
  spec.kind === "sqlite" ? sqliteReadOnly(spec) : postgresReadOnly(spec)

const services = (
  eventStore: EventStore.EventStoreShape,
  projectionStore: Projection.ProjectionStoreShape,
  snapshotStore: Snapshot.SnapshotStoreShape,
  readModelStore: ReadModel.ReadModelStoreShape
): Context.Context<SqliteStore.Services> =>
  Context.make(EventStore.EventStore, eventStore).pipe(
    Context.add(Projection.ProjectionStore, projectionStore),
    Context.add(Snapshot.SnapshotStore, snapshotStore),
    Context.add(ReadModel.ReadModelStore, readModelStore)
  )

const sqliteReadOnly = (spec: Extract<StoreSpec, { kind: "sqlite" }>) =>
  Layer.effectContext(Effect.gen(function*() {
    const store = describe(spec)
    if (!existsSync(spec.filename)) return yield* new StoreMissing({ store, reason: "noFile" })
    if (!statSync(spec.filename).isFile()) return yield* new StoreMissing({ store, reason: "notAFile" })
    const names = yield* Effect.fromResult(SqliteConfig.validate({ filename: spec.filename, codec: Dangjian.codec }))
    const DatabaseSync = yield* SqliteClient.loadDriver
    const db = yield* Effect.acquireRelease(
      Effect.try({
        try: () => new DatabaseSync(spec.filename, { readOnly: true }),
        catch: () => new StoreMissing({ store, reason: "noTables" })
      }),
      (db) => Effect.sync(() => db.isOpen && db.close())
    )
    const tables = yield* Effect.try({
      try: () =>
        new Set(
          (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((
            row
          ) => row.name)
        ),
      // Not a database at all (a CSV given as the store, say).
      catch: () => new StoreMissing({ store, reason: "noTables" })
    })
    for (const table of [names.events, names.streams, names.projections, names.snapshots, names.migrations]) {
      if (!tables.has(table)) return yield* new StoreMissing({ store, reason: "noTables" })
    }
    const expected = (yield* SqliteMigrations.loader(names).pipe(Effect.orDie)).length
    const ran = (db.prepare(`SELECT count(*) AS n FROM ${names.migrations}`).get() as { n: number }).n
    if (ran < expected) return yield* new StoreMissing({ store, reason: "outdated" })
    return services(
      SqliteEventStore.make(db, names, Dangjian.codec),
      SqliteProjectionStore.make(db, names),
      SqliteSnapshotStore.make(db, names),
      SqliteReadModelStore.make(db, names)
    )
  }))

const postgresReadOnly = (spec: Extract<StoreSpec, { kind: "postgres" }>) => {
  const settings = {
    codec: Dangjian.codec,
    migrate: false,
    notifications: false,
    ...(spec.schema === undefined ? {} : { schema: spec.schema })
  }
  const check = Effect.gen(function*() {
    const names = yield* Effect.fromResult(PgConfig.names(settings))
    const sql = yield* SqlClient.SqlClient
    const store = describe(spec)
    const found = yield* sql<{ readonly events: string | null; readonly migrations: string | null }>`
      SELECT to_regclass(${names.events}) AS events, to_regclass(${names.migrationsTable}) AS migrations`
    const row = found[0]
    if (row === undefined || row.events === null || row.migrations === null) {
      return yield* new StoreMissing({ store, reason: "noTables" })
    }
    const ran = yield* sql.unsafe<{ readonly n: number | string }>(
      `SELECT count(*) AS n FROM ${names.migrationsTable}`
    )
    if (Number(ran[0]?.n ?? 0) < Object.keys(PgMigrations.migrations(names)).length) {
      return yield* new StoreMissing({ store, reason: "outdated" })
    }
    return PostgresStore.layerClient(settings)
  })
  return Layer.unwrap(check).pipe(
    Layer.provide(PgClient.layer({ url: spec.url, maxConnections: 2 }))
  )
}
