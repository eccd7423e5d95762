/**
 * The `SnapshotStore` on SQLite: the newest snapshot per stream and key, encoded with the access strategy's
 * schema. A snapshot is a cache: an older snapshot never replaces a newer one, and one that no longer decodes
 * is treated as absent.
 *
 * @since 0.1.0
 */
import type { Snapshot } from "@dangjian/core/store"
import { StoreUnavailable } from "@dangjian/core/store"
import { Effect, Option, Result } from "effect"
import type { DatabaseSync } from "node:sqlite"
import * as StateJson from "./internal/stateJson.ts"
import { describeFailure } from "./SqliteEventStore.ts"
import type { Names } from "./StoreConfig.ts"

/**
 * Creates the snapshot store on an open, migrated database.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (db: DatabaseSync, n: Names): Snapshot.SnapshotStoreShape => {
  const loadStatement = db.prepare(
    `SELECT version, state FROM ${n.snapshots} WHERE snapshot_key = ? AND stream_id = ?`
  )
  const saveStatement = db.prepare(`INSERT INTO ${n.snapshots} (snapshot_key, stream_id, version, state)
    VALUES (?, ?, ?, ?)
    ON CONFLICT (snapshot_key, stream_id) DO UPDATE SET version = excluded.version, state = excluded.state
    WHERE ${n.snapshots}.version < excluded.version`)
  return {
    load: (streamId, strategy) =>
      Effect.suspend(() => {
        try {
          const row = loadStatement.get(strategy.key, streamId) as { version: number; state: string } | undefined
          if (row === undefined) return Effect.succeed(Option.none())
          const state = StateJson.decode(strategy.schema, row.state)
          return Effect.succeed(
            Result.isSuccess(state) ? Option.some({ version: row.version, state: state.success }) : Option.none()
          )
        } catch (cause) {
          return Effect.fail(new StoreUnavailable({ operation: "snapshot.load", reason: describeFailure(cause) }))
        }
      }),
    save: (streamId, strategy, snapshot) =>
      Effect.suspend(() => {
        const state = StateJson.encode(strategy.schema, snapshot.state)
        if (Result.isFailure(state)) {
          return Effect.fail(new StoreUnavailable({ operation: "snapshot.save", reason: state.failure }))
        }
        try {
          saveStatement.run(strategy.key, streamId, snapshot.version, state.success)
          return Effect.void
        } catch (cause) {
          return Effect.fail(new StoreUnavailable({ operation: "snapshot.save", reason: describeFailure(cause) }))
        }
      })
  }
}
