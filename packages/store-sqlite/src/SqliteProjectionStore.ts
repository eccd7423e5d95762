/**
 * The `ProjectionStore` on SQLite: each read model and its checkpoint live in one row keyed by the projection's
 * name and version, written by one statement, so a crash can never keep one without the other. A save never
 * moves a checkpoint backwards: when two runners race on one projection, the one behind loses its write.
 *
 * @since 0.1.0
 */
import type { Projection } from "@dangjian/core/store"
import { StoreUnavailable } from "@dangjian/core/store"
import { Effect, Option, Result } from "effect"
import type { DatabaseSync } from "node:sqlite"
import * as StateJson from "./internal/stateJson.ts"
import { describeFailure } from "./SqliteEventStore.ts"
import type { Names } from "./StoreConfig.ts"

/**
 * Creates the projection store on an open, migrated database.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (db: DatabaseSync, n: Names): Projection.ProjectionStoreShape => {
  const loadStatement = db.prepare(`SELECT position, state FROM ${n.projections} WHERE name = ? AND version = ?`)
  const saveStatement = db.prepare(`INSERT INTO ${n.projections} (name, version, position, state) VALUES (?, ?, ?, ?)
    ON CONFLICT (name, version) DO UPDATE SET position = excluded.position, state = excluded.state
    WHERE ${n.projections}.position <= excluded.position`)

  const load = <S>(projection: Projection.Projection<S>) =>
    Effect.suspend((): Effect.Effect<Option.Option<Projection.Checkpointed<S>>, StoreUnavailable> => {
      let row: { position: number; state: string } | undefined
      try {
        row = loadStatement.get(projection.name, projection.version) as typeof row
      } catch (cause) {
        return Effect.fail(new StoreUnavailable({ operation: "projection.load", reason: describeFailure(cause) }))
      }
      if (row === undefined) return Effect.succeed(Option.none())
      const state = StateJson.decode(projection.stateSchema, row.state)
      if (Result.isFailure(state)) {
        return Effect.fail(
          new StoreUnavailable({
            operation: "projection.load",
            reason: `${state.failure} (give the projection a new version when its state changes)`
          })
        )
      }
      return Effect.succeed(Option.some({ position: row.position, state: state.success as S }))
    })

  const save = <S>(projection: Projection.Projection<S>, checkpoint: Projection.Checkpointed<S>) =>
    Effect.suspend((): Effect.Effect<void, StoreUnavailable> => {
      const state = StateJson.encode(projection.stateSchema, checkpoint.state)
      if (Result.isFailure(state)) {
        return Effect.fail(new StoreUnavailable({ operation: "projection.save", reason: state.failure }))
      }
      try {
        saveStatement.run(projection.name, projection.version, checkpoint.position, state.success)
        return Effect.void
      } catch (cause) {
        return Effect.fail(new StoreUnavailable({ operation: "projection.save", reason: describeFailure(cause) }))
      }
    })

  return { load, save }
}
