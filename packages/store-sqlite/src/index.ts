/**
 * @dangjian/store-sqlite: the dangjian event store on Node's built-in `node:sqlite`, the embedded default,
 * with persistent projections, snapshots and keyed read models.
 *
 * @since 0.1.0
 */
export * as Migrations from "./Migrations.ts"
export * as SqliteClient from "./SqliteClient.ts"
export { NodeSqliteUnavailable } from "./SqliteClient.ts"
export * as SqliteEventStore from "./SqliteEventStore.ts"
export * as SqliteProjectionStore from "./SqliteProjectionStore.ts"
export * as SqliteReadModelStore from "./SqliteReadModelStore.ts"
export * as SqliteSnapshotStore from "./SqliteSnapshotStore.ts"
export * as SqliteStore from "./SqliteStore.ts"
export * as StoreConfig from "./StoreConfig.ts"
export { InvalidStoreConfig } from "./StoreConfig.ts"
