/**
 * The SQLite store as layers: opens the file (or `:memory:`), sets WAL, `synchronous` and the busy timeout,
 * runs the migrations, and provides the `EventStore`, `ProjectionStore`, `SnapshotStore` and `ReadModelStore` on one
 * connection.
 * The database is closed when the layer's scope closes. On a Node.js without a usable `node:sqlite` (see
 * `SqliteClient.requiredNode`) opening fails with `NodeSqliteUnavailable`; importing the package never fails.
 *
 * Choose it for one machine (a county office, a laptop, tests, the CLI): no server, one file, several
 * processes may share it (writers wait for each other up to the busy timeout). Choose
 * `@dangjian/store-postgres` for a shared server.
 *
 * @since 0.1.0
 */
import { EventStore, Projection, ReadModel, Snapshot, StoreUnavailable } from "@dangjian/core/store"
import { Config, Context, Effect, Layer, Result } from "effect"
import { SqlClient } from "effect/sql"
import * as Gate from "./internal/gate.ts"
import * as Migrations from "./Migrations.ts"
import * as SqliteClient from "./SqliteClient.ts"
import type { NodeSqliteUnavailable } from "./SqliteClient.ts"
import * as SqliteEventStore from "./SqliteEventStore.ts"
import * as SqliteProjectionStore from "./SqliteProjectionStore.ts"
import * as SqliteReadModelStore from "./SqliteReadModelStore.ts"
import * as SqliteSnapshotStore from "./SqliteSnapshotStore.ts"
import type { InvalidStoreConfig, SqliteStoreOptions } from "./StoreConfig.ts"
import { validate } from "./StoreConfig.ts"

/**
 * The services the store provides.
 *
 * @category models
 * @since 0.1.0
 */
export type Services =
  | EventStore.EventStore
  | Projection.ProjectionStore
  | Snapshot.SnapshotStore
  | ReadModel.ReadModelStore

/**
 * Opens and migrates a store in the current scope and returns its services.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = Effect.fnUntraced(function*(options: SqliteStoreOptions) {
  const validated = validate(options)
  if (Result.isFailure(validated)) return yield* Effect.fail(validated.failure)
  const names = validated.success
  const DatabaseSync = yield* SqliteClient.loadDriver
  const db = yield* Effect.acquireRelease(
    Effect.try({
      try: () => {
        const db = new DatabaseSync(options.filename)
        db.exec(`PRAGMA busy_timeout = ${options.busyTimeoutMs ?? 5_000}`)
        if (options.filename !== ":memory:") db.exec("PRAGMA journal_mode = WAL")
        db.exec(`PRAGMA synchronous = ${options.synchronous ?? "FULL"}`)
        db.exec("PRAGMA foreign_keys = ON")
        return db
      },
      catch: (cause) => new StoreUnavailable({ operation: "open", reason: SqliteEventStore.describeFailure(cause) })
    }),
    (db) => Effect.sync(() => db.isOpen && db.close())
  )
  const client = yield* SqliteClient.make(db)
  yield* Migrations.migrate(names).pipe(
    Effect.provideService(SqlClient.SqlClient, client),
    Effect.mapError((error) => new StoreUnavailable({ operation: "migrate", reason: error._tag }))
  )
  // Inside an `atomically` transaction, the store's own operations run on the connection it holds: the inline
  // read models use the read-model store without the gate there.
  const readModels = SqliteReadModelStore.make(db, names)
  return {
    eventStore: ReadModel.inlineStore(
      SqliteEventStore.make(
        db,
        names,
        options.codec,
        options.pollInterval === undefined ? {} : { pollInterval: options.pollInterval }
      ),
      options.inline ?? [],
      { rows: readModels }
    ),
    // Behind the connection's gate, as the event store's own operations: they wait while an `atomically`
    // transaction holds the connection.
    projectionStore: Gate.behind(Gate.gateOf(db), SqliteProjectionStore.make(db, names)),
    snapshotStore: Gate.behind(Gate.gateOf(db), SqliteSnapshotStore.make(db, names)),
    readModelStore: Gate.behind(Gate.gateOf(db), readModels),
    client,
    database: db
  }
})

/**
 * A layer with the four services on one SQLite database.
 *
 * @example
 * ```ts
 * import { SqliteStore } from "@dangjian/store-sqlite"
 * const StoreLive = SqliteStore.layer({ filename: "./dangjian.db", codec })
 * ```
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (
  options: SqliteStoreOptions
): Layer.Layer<Services, StoreUnavailable | InvalidStoreConfig | NodeSqliteUnavailable> =>
  Layer.effectContext(
    Effect.map(make(options), (store) =>
      Context.make(EventStore.EventStore, store.eventStore).pipe(
        Context.add(Projection.ProjectionStore, store.projectionStore),
        Context.add(Snapshot.SnapshotStore, store.snapshotStore),
        Context.add(ReadModel.ReadModelStore, store.readModelStore)
      ))
  )

/**
 * Like {@link layer}, with the file name read from the config key `DANGJIAN_SQLITE_FILE` (default
 * `./dangjian.db`).
 *
 * @category layers
 * @since 0.1.0
 */
export const layerConfig = (
  options: Omit<SqliteStoreOptions, "filename">
): Layer.Layer<Services, StoreUnavailable | InvalidStoreConfig | NodeSqliteUnavailable | Config.ConfigError> =>
  Layer.unwrap(
    Effect.map(
      Config.String("DANGJIAN_SQLITE_FILE").pipe(Config.withDefault("./dangjian.db")),
      (filename) => layer({ ...options, filename })
    )
  )
