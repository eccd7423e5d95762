/**
 * Layers that provide the kernel's `EventStore`, `ProjectionStore`, `SnapshotStore` and `ReadModelStore` on
 * PostgreSQL.
 *
 * - {@link layer}: opens its own connection pool from a `Redacted` URL;
 * - {@link layerConfig}: the same, with the URL and schema read through `Config` (`DANGJIAN_DATABASE_URL`,
 *   `DANGJIAN_DATABASE_SCHEMA`, `DANGJIAN_DATABASE_MAX_CONNECTIONS`);
 * - {@link layerClient}: on a `PgClient` you provide (to share a pool with the rest of your app).
 *
 * Each validates the schema name and table prefix first (a hostile name fails with `InvalidStoreConfig`
 * before any connection is opened), then creates the schema and runs the migrations, unless told not to.
 *
 * @since 0.1.0
 */
import { EventStore, Projection, ReadModel, Snapshot, StoreUnavailable } from "@dangjian/core/store"
import { PgClient } from "@effect/sql-pg"
import { Config, Context, Effect, Layer } from "effect"
import type { Scope } from "effect"
import { SqlClient } from "effect/sql"
import * as Failures from "./internal/failures.ts"
import * as Migrations from "./Migrations.ts"
import * as PostgresEventStore from "./PostgresEventStore.ts"
import * as PostgresProjectionStore from "./PostgresProjectionStore.ts"
import * as PostgresReadModelStore from "./PostgresReadModelStore.ts"
import * as PostgresSnapshotStore from "./PostgresSnapshotStore.ts"
import type { ConnectionSettings, StoreSettings } from "./StoreConfig.ts"
import { defaultSchema, InvalidStoreConfig, names } from "./StoreConfig.ts"

/**
 * The services every layer of this module provides.
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
 * Everything {@link layer} needs: where to connect and how to store.
 *
 * @category models
 * @since 0.1.0
 */
export interface Options extends StoreSettings, ConnectionSettings {}

const migrationFailure = (error: Migrations.MigrationFailure): StoreUnavailable =>
  error._tag === "SqlError"
    ? Failures.unavailable("migrate")(error)
    : new StoreUnavailable({ operation: "migrate", reason: `migration ${error.kind}` })

/**
 * Builds the four services on the `PgClient` in context; the scope owns the subscribers' LISTEN connection.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (
  settings: StoreSettings
): Effect.Effect<Context.Context<Services>, InvalidStoreConfig | StoreUnavailable, PgClient.PgClient | Scope.Scope> =>
  Effect.gen(function*() {
    const n = yield* Effect.fromResult(names(settings))
    const pg = yield* PgClient.PgClient
    if (settings.migrate ?? true) {
      yield* Migrations.migrate(n).pipe(
        Effect.mapError(migrationFailure),
        Effect.provideService(SqlClient.SqlClient, pg)
      )
    }
    const projectionStore = yield* PostgresProjectionStore.make(n).pipe(Effect.provideService(SqlClient.SqlClient, pg))
    const snapshotStore = yield* PostgresSnapshotStore.make(n).pipe(Effect.provideService(SqlClient.SqlClient, pg))
    const readModelStore = yield* PostgresReadModelStore.make(n).pipe(Effect.provideService(SqlClient.SqlClient, pg))
    // Inline read models: inside an `atomically` transaction every statement of this client goes to its
    // connection, the read-model store's commits included (as savepoints). Appends take their positions
    // concurrently and may commit out of order, and each holds the writers' lock shared (migration 4); a write
    // that keeps the models takes it exclusively at its first append, so no other append is in flight from then
    // on, and its catch-up reads every visible row as settled, its own included.
    const inline = settings.inline ?? []
    if (inline.length > 0 && settings.migrate === false) {
      // Without migration 4 appends do not hold the writers' lock, and an inline catch-up could pass a position
      // another append has yet to commit: refuse rather than keep read models that may skip events.
      const applied = yield* pg.unsafe<{ readonly n: number | string }>(
        `SELECT count(*) AS n FROM ${n.migrationsTable} WHERE migration_id = 4`
      ).pipe(Effect.mapError(Failures.unavailable("open")))
      if (Number(applied[0]?.n ?? 0) === 0) {
        return yield* new StoreUnavailable({
          operation: "open",
          reason: "inline read models need migration 4 (4_writers_lock), which this database has not run"
        })
      }
    }
    const eventStore = yield* PostgresEventStore.make(n, settings)
    const underLock = inline.length === 0
      ? undefined
      : yield* PostgresEventStore.make(n, { ...settings, notifications: false, underWritersLock: true })
    const keeping = ReadModel.inlineStore(eventStore, inline, {
      rows: readModelStore,
      serialize: pg.unsafe("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [Migrations.writersLockKey(n)])
        .pipe(Effect.asVoid, Effect.mapError(Failures.unavailable("append.inline"))),
      ...(underLock === undefined ? {} : { readAll: underLock.readAll })
    })
    return Context.make(EventStore.EventStore, keeping).pipe(
      Context.add(Projection.ProjectionStore, projectionStore),
      Context.add(Snapshot.SnapshotStore, snapshotStore),
      Context.add(ReadModel.ReadModelStore, readModelStore)
    )
  })

/**
 * The store on a `PgClient` you provide.
 *
 * @example
 * ```ts
 * import { PgClient } from "@effect/sql-pg"
 * import { Layer, Redacted } from "effect"
 * import { EventCodec } from "@dangjian/core/store"
 * import { PostgresStore } from "@dangjian/store-postgres"
 *
 * const Pg = PgClient.layer({ url: Redacted.make("postgres://app@db/app"), maxConnections: 20 })
 * const Store = PostgresStore.layerClient({ codec: EventCodec.make([]) }).pipe(Layer.provide(Pg))
 * ```
 *
 * @category layers
 * @since 0.1.0
 */
export const layerClient = (
  settings: StoreSettings
): Layer.Layer<Services, InvalidStoreConfig | StoreUnavailable, PgClient.PgClient> =>
  Layer.effectContext(make(settings))

/**
 * The store with its own connection pool.
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import { EventCodec } from "@dangjian/core/store"
 * import { PostgresStore } from "@dangjian/store-postgres"
 *
 * const Store = PostgresStore.layer({
 *   url: Redacted.make("postgres://app@db.internal/app"),
 *   schema: "dangjian",
 *   codec: EventCodec.make([])
 * })
 * ```
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (options: Options): Layer.Layer<Services, InvalidStoreConfig | StoreUnavailable> =>
  Layer.unwrap(
    Effect.map(Effect.fromResult(names(options)), () =>
      layerClient(options).pipe(
        Layer.provide(
          PgClient.layerFrom(
            PgClient.make({
              url: options.url,
              maxConnections: options.maxConnections ?? 10,
              ...(options.connectTimeout === undefined ? {} : { connectTimeout: options.connectTimeout })
            }).pipe(Effect.mapError(Failures.unavailable("connect")))
          )
        )
      ))
  )

/**
 * The store with its own pool, configured through `Config`: `DANGJIAN_DATABASE_URL` (required, redacted),
 * `DANGJIAN_DATABASE_SCHEMA` (default `dangjian`) and `DANGJIAN_DATABASE_MAX_CONNECTIONS` (default 10). The
 * codec and the other settings come from code.
 *
 * @category layers
 * @since 0.1.0
 */
export const layerConfig = (
  settings: Omit<StoreSettings, "schema">
): Layer.Layer<Services, InvalidStoreConfig | StoreUnavailable | Config.ConfigError> =>
  Layer.unwrap(
    Effect.gen(function*() {
      const url = yield* Config.Redacted("DANGJIAN_DATABASE_URL")
      const schema = yield* Config.String("DANGJIAN_DATABASE_SCHEMA").pipe(Config.withDefault(defaultSchema))
      const maxConnections = yield* Config.Int("DANGJIAN_DATABASE_MAX_CONNECTIONS").pipe(Config.withDefault(10))
      return layer({ ...settings, url, schema, maxConnections })
    })
  )
