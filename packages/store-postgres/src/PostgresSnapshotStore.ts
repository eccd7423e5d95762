/**
 * The `SnapshotStore` on PostgreSQL: the newest snapshot per stream and strategy key, in `snapshots`. The
 * state is JSON, encoded with the strategy's schema (or stored as is when it is plain JSON data). A snapshot is
 * a cache: one that no longer decodes (its fold changed without a new key) reads as missing, and the stream is
 * loaded whole.
 *
 * @since 0.1.0
 */
import type { Snapshot } from "@dangjian/core/store"
import { StoreUnavailable } from "@dangjian/core/store"
import { Effect, Option, Result } from "effect"
import { SqlClient } from "effect/sql"
import * as Failures from "./internal/failures.ts"
import * as StateJson from "./internal/stateJson.ts"
import type { Names } from "./StoreConfig.ts"

const toNumber = (value: unknown): number => (typeof value === "bigint" ? Number(value) : (value as number))

/**
 * Creates the snapshot store on an existing client. The tables must exist (see `Migrations.migrate`).
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (n: Names): Effect.Effect<Snapshot.SnapshotStoreShape, never, SqlClient.SqlClient> =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const loadSql = `SELECT version, state FROM ${n.snapshots} WHERE key = $1 AND stream_id = $2`
    const saveSql = `INSERT INTO ${n.snapshots} AS s (key, stream_id, version, state) VALUES ($1, $2, $3, $4::json)
      ON CONFLICT (key, stream_id) DO UPDATE SET version = EXCLUDED.version, state = EXCLUDED.state
      WHERE s.version < EXCLUDED.version`

    const load: Snapshot.SnapshotStoreShape["load"] = (streamId, strategy) =>
      sql.unsafe(loadSql, [strategy.key, streamId]).values.pipe(
        Effect.mapError(Failures.unavailable("snapshot.load")),
        Effect.map((rows): Option.Option<Snapshot.Snapshot> => {
          const row = rows[0]
          if (row === undefined) return Option.none()
          const state = StateJson.decode(strategy.schema, row[1])
          return Result.isFailure(state)
            ? Option.none()
            : Option.some({ version: toNumber(row[0]), state: state.success })
        })
      )

    const save: Snapshot.SnapshotStoreShape["save"] = (streamId, strategy, snapshot) =>
      Effect.suspend(() => {
        const state = StateJson.encode(strategy.schema, snapshot.state)
        if (Result.isFailure(state)) {
          return Effect.fail(new StoreUnavailable({ operation: "snapshot.save", reason: state.failure }))
        }
        return sql.unsafe(saveSql, [strategy.key, streamId, snapshot.version, state.success]).raw.pipe(
          Effect.mapError(Failures.unavailable("snapshot.save")),
          Effect.asVoid
        )
      })

    return { load, save }
  })
