/**
 * The `ReadModelStore` on PostgreSQL: keyed read models in `read_model_rows` (one row of JSON per model, version
 * and key) and their checkpoints in `read_model_checkpoints`.
 *
 * A commit is one transaction: it moves the model's checkpoint if it is still where the batch started (one
 * `UPDATE … WHERE position = from`, which also locks the row to the end; the row is created at 0 for a batch that
 * starts at 0), then deletes and upserts the rows in one statement each (`unnest` of two text arrays, never a
 * statement per row, so a rebuild of 10^5–10^6 rows costs a few statements per batch). A batch without rows, as
 * most models get for an event that concerns a few of them, is that one statement alone. Two runners of one model
 * queue on the checkpoint row: the second finds it moved and writes nothing (`CheckpointMoved`). A reset deletes
 * the checkpoint first, so it queues behind a commit in flight.
 *
 * Keys are `text COLLATE "C"`: the primary key's index keeps them in UTF-8 byte order, which is the code point
 * order of `ReadModel.compareKeys`, so a scan is an index range scan in the same order as every other store.
 * Rows are `json` (the text `ReadModel.encodeRow` wrote, kept as is; `jsonb` would refuse `\u0000` in a
 * string). Failures name the read model and the SQLSTATE, never a key, a row or the server's message.
 *
 * @since 0.3.0
 */
import { ReadModel, StoreUnavailable } from "@dangjian/core/store"
import { Effect, Result } from "effect"
import { SqlClient } from "effect/sql"
import type { SqlError } from "effect/sql/SqlError"
import * as Failures from "./internal/failures.ts"
import { readModelSql } from "./internal/readModelSql.ts"
import type { Names } from "./StoreConfig.ts"

/** Keys per read or delete and rows per upsert: bounds one message, not a server limit. */
const maxPerStatement = 20_000

const failure = (operation: string, model: ReadModel.ReadModelKey, reason: string) =>
  new StoreUnavailable({ operation, reason: `${model.name}: ${reason}` })

const isSqlError = (error: unknown): error is SqlError =>
  typeof error === "object" && error !== null && (error as { _tag?: unknown })._tag === "SqlError"

const chunks = <A>(items: ReadonlyArray<A>, size: number): Array<ReadonlyArray<A>> => {
  const out: Array<ReadonlyArray<A>> = []
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size))
  return out
}

/**
 * Creates the read-model store on an existing client. The tables must exist (see `Migrations.migrate`).
 *
 * @category constructors
 * @since 0.3.0
 */
export const make = (n: Names): Effect.Effect<ReadModel.ReadModelStoreShape, never, SqlClient.SqlClient> =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const statements = readModelSql(n)

    const run = (text: string, params: ReadonlyArray<unknown>) => sql.unsafe(text, params).values

    const unavailable = (operation: string, model: ReadModel.ReadModelKey) => (error: SqlError) =>
      failure(operation, model, Failures.describe(error))

    /** Decodes stored rows; `undefined` when one does not parse. */
    const decode = (rows: ReadonlyArray<ReadonlyArray<unknown>>): Array<readonly [string, unknown]> | undefined => {
      const out: Array<readonly [string, unknown]> = []
      for (const row of rows) {
        try {
          out.push([row[0] as string, JSON.parse(row[1] as string)])
        } catch {
          return undefined
        }
      }
      return out
    }

    const position: ReadModel.ReadModelStoreShape["position"] = (model) =>
      run(statements.positionSql, [model.name, model.version]).pipe(
        Effect.map((rows) => rows.length === 0 ? 0 : Number(rows[0]![0])),
        Effect.mapError(unavailable("readModel.position", model))
      )

    const get: ReadModel.ReadModelStoreShape["get"] = (model, keys) =>
      Effect.gen(function*() {
        const wanted = [...new Set(keys)].filter(ReadModel.isStorableKey)
        const found = new Map<string, unknown>()
        for (const chunk of chunks(wanted, maxPerStatement)) {
          const rows = decode(
            yield* run(statements.getSql, [model.name, model.version, chunk]).pipe(
              Effect.mapError(unavailable("readModel.get", model))
            )
          )
          if (rows === undefined) {
            return yield* Effect.fail(failure("readModel.get", model, "a stored row does not parse"))
          }
          for (const [key, row] of rows) found.set(key, row)
        }
        return found as ReadonlyMap<string, unknown>
      })

    const scan: ReadModel.ReadModelStoreShape["scan"] = (model, options) =>
      Effect.gen(function*() {
        const after = options.after
        if (after !== undefined && !ReadModel.isStorableKey(after)) {
          return yield* Effect.fail(failure("readModel.scan", model, "the scan cursor is not a key"))
        }
        const limit = Math.max(0, Math.floor(options.limit))
        if (limit === 0) return []
        const rows = decode(
          yield* (after === undefined
            ? run(statements.firstSql, [model.name, model.version, limit])
            : run(statements.afterSql, [model.name, model.version, after, limit])).pipe(
              Effect.mapError(unavailable("readModel.scan", model))
            )
        )
        if (rows === undefined) {
          return yield* Effect.fail(failure("readModel.scan", model, "a stored row does not parse"))
        }
        return rows
      })

    const commit: ReadModel.ReadModelStoreShape["commit"] = (model, batch) =>
      Effect.suspend((): Effect.Effect<void, StoreUnavailable | ReadModel.CheckpointMoved> => {
        // Encode everything before the transaction: a refused key or row writes nothing. A key given twice keeps
        // its last row (one statement cannot upsert one row twice).
        const encoded = ReadModel.encodeRows(batch.rows)
        if (Result.isFailure(encoded)) return Effect.fail(failure("readModel.commit", model, encoded.failure))
        const { deleted, upserted } = encoded.success
        const params = [model.name, model.version] as const
        // The checkpoint moves first, if it is still where the batch started (its row stays locked to the end), so
        // a batch that only moves it (most models, for an event that concerns a few) is one statement.
        const move = Effect.gen(function*() {
          if (batch.from === 0) yield* run(statements.createSql, params)
          const moved = yield* run(statements.moveSql, [...params, batch.to, batch.from])
          if (moved.length > 0) return
          const found = yield* run(statements.positionSql, params)
          const actual = found.length === 0 ? 0 : Number(found[0]![0])
          return yield* Effect.fail(
            new ReadModel.CheckpointMoved({ readModel: model.name, expected: batch.from, actual })
          )
        })
        const write = Effect.gen(function*() {
          yield* move
          for (const chunk of chunks(deleted, maxPerStatement)) {
            yield* sql.unsafe(statements.deleteSql, [...params, chunk]).valuesUnprepared
          }
          for (const chunk of chunks(upserted, maxPerStatement)) {
            yield* run(statements.upsertSql, [...params, chunk.map(([key]) => key), chunk.map(([, text]) => text)])
          }
        })
        return (deleted.length === 0 && upserted.length === 0 ? move : sql.withTransaction(write))
          .pipe(
            Effect.mapError((error) =>
              isSqlError(error) ? unavailable("readModel.commit", model)(error) : (error as ReadModel.CheckpointMoved)
            )
          )
      })

    const reset: ReadModel.ReadModelStoreShape["reset"] = (model) =>
      sql.withTransaction(
        Effect.gen(function*() {
          // The checkpoint first: its row lock makes the reset wait for a commit in flight.
          yield* run(statements.resetCheckpointSql, [model.name, model.version])
          yield* run(statements.resetRowsSql, [model.name, model.version])
        })
      ).pipe(Effect.mapError(unavailable("readModel.reset", model)))

    const resetOlderVersions: ReadModel.ReadModelStoreShape["resetOlderVersions"] = (model) =>
      sql.withTransaction(
        Effect.gen(function*() {
          yield* run(statements.resetOlderCheckpointsSql, [model.name, model.version])
          const deleted = yield* run(statements.resetOlderRowsSql, [model.name, model.version])
          return Number(deleted[0]?.[0] ?? 0)
        })
      ).pipe(Effect.mapError(unavailable("readModel.resetOlderVersions", model)))

    return ReadModel.ReadModelStore.of({ position, get, scan, commit, reset, resetOlderVersions })
  })
