/**
 * @dangjian/store-postgres: the dangjian event store on PostgreSQL, with persistent projections, snapshots
 * and keyed read models.
 *
 * @since 0.1.0
 */
export * as Migrations from "./Migrations.ts"
export * as PostgresEventStore from "./PostgresEventStore.ts"
export * as PostgresProjectionStore from "./PostgresProjectionStore.ts"
export * as PostgresReadModelStore from "./PostgresReadModelStore.ts"
export * as PostgresSnapshotStore from "./PostgresSnapshotStore.ts"
export * as PostgresStore from "./PostgresStore.ts"
export * as StoreConfig from "./StoreConfig.ts"
export { InvalidStoreConfig } from "./StoreConfig.ts"
