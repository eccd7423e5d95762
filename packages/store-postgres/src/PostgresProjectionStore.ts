/**
 * The `ProjectionStore` on PostgreSQL: each read model and its checkpoint live in one row of `projections`,
 * keyed by the projection's name and version, and are written by one statement, so a crash can never keep one
 * without the other. The read model is JSON, encoded with the projection's `stateSchema` (or stored as is
 * when it is plain JSON data).
 *
 * A save never moves a checkpoint backwards: when two runners race on one projection, the one behind loses its
 * write, and every stored row is a state together with the exact position it reflects. Rebuilding is a new
 * version, which gets its own row while the old one stays readable.
 *
 * @since 0.1.0
 */
import type { Projection } from "@dangjian/core/store"
import { StoreUnavailable } from "@dangjian/core/store"
import { Effect, Option, Result } from "effect"
import { SqlClient } from "effect/sql"
import * as Failures from "./internal/failures.ts"
import * as StateJson from "./internal/stateJson.ts"
import type { Names } from "./StoreConfig.ts"

const toNumber = (value: unknown): number => (typeof value === "bigint" ? Number(value) : (value as number))

/**
 * Creates the projection store on an existing client. The tables must exist (see `Migrations.migrate`).
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (n: Names): Effect.Effect<Projection.ProjectionStoreShape, never, SqlClient.SqlClient> =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const loadSql = `SELECT position, state FROM ${n.projections} WHERE name = $1 AND version = $2`
    const saveSql = `INSERT INTO ${n.projections} AS p (name, version, position, state)
      VALUES ($1, $2, $3, $4::json)
      ON CONFLICT (name, version) DO UPDATE SET position = EXCLUDED.position, state = EXCLUDED.state, updated_at = now()
      WHERE p.position <= EXCLUDED.position`

    const load = <S>(projection: Projection.Projection<S>) =>
      sql.unsafe(loadSql, [projection.name, projection.version]).values.pipe(
        Effect.mapError(Failures.unavailable("projection.load")),
        Effect.flatMap((rows): Effect.Effect<Option.Option<Projection.Checkpointed<S>>, StoreUnavailable> => {
          const row = rows[0]
          if (row === undefined) return Effect.succeed(Option.none())
          const state = StateJson.decode(projection.stateSchema, row[1])
          if (Result.isFailure(state)) {
            return Effect.fail(
              new StoreUnavailable({
                operation: "projection.load",
                reason: `${state.failure} (give the projection a new version when its state changes)`
              })
            )
          }
          return Effect.succeed(Option.some({ position: toNumber(row[0]), state: state.success as S }))
        })
      )

    const save = <S>(projection: Projection.Projection<S>, checkpoint: Projection.Checkpointed<S>) =>
      Effect.suspend(() => {
        const state = StateJson.encode(projection.stateSchema, checkpoint.state)
        if (Result.isFailure(state)) {
          return Effect.fail(new StoreUnavailable({ operation: "projection.save", reason: state.failure }))
        }
        return sql.unsafe(saveSql, [projection.name, projection.version, checkpoint.position, state.success]).raw.pipe(
          Effect.mapError(Failures.unavailable("projection.save")),
          Effect.asVoid
        )
      })

    return { load, save }
  })
