/**
 * The `ReadModelStore` on SQLite: keyed read models in `read_model_rows` (one row of JSON text per model,
 * version and key) and their checkpoints in `read_model_checkpoints`. A commit is one `BEGIN IMMEDIATE`
 * transaction (inside an event store's `atomically` transaction, a savepoint of it): it takes SQLite's write
 * lock first, checks that the checkpoint is still where the batch started, writes the rows and moves the
 * checkpoint, so a crash keeps both or neither and two runners (fibers, or processes on one file) never apply a
 * batch twice. A writer that finds the lock taken waits up to the store's busy timeout, as appends do.
 *
 * Statements run synchronously on prepared `node:sqlite` statements inside one Effect step each, so a commit is
 * atomic for the fibers of this process as well. Keys are `TEXT` in `BINARY` collation: UTF-8 bytes, which is
 * the code point order of `ReadModel.compareKeys`. Failures name the read model, never a key or a row.
 *
 * @since 0.3.0
 */
import { ReadModel, StoreUnavailable } from "@dangjian/core/store"
import { Effect, Result } from "effect"
import type { DatabaseSync, StatementSync } from "node:sqlite"
import { describeFailure } from "./SqliteEventStore.ts"
import type { Names } from "./StoreConfig.ts"

/** Keys per `IN (…)` list: far below SQLite's limit on bound parameters (32,766 since 3.32, 999 before). */
const maxKeysPerRead = 512

/** Rows per multi-row upsert: 2 + 2 × 256 bound parameters, within the same limit. */
const maxRowsPerWrite = 256

const failure = (operation: string, model: ReadModel.ReadModelKey, reason: string) =>
  new StoreUnavailable({ operation, reason: `${model.name}: ${reason}` })

/**
 * Creates the read-model store on an open, migrated database.
 *
 * @category constructors
 * @since 0.3.0
 */
export const make = (db: DatabaseSync, n: Names): ReadModel.ReadModelStoreShape => {
  const positionStatement = db.prepare(`SELECT position FROM ${n.readModelCheckpoints} WHERE name = ? AND version = ?`)
  const firstStatement = db.prepare(`SELECT key, row FROM ${n.readModelRows} WHERE name = ? AND version = ?
    ORDER BY key LIMIT ?`)
  const afterStatement = db.prepare(`SELECT key, row FROM ${n.readModelRows} WHERE name = ? AND version = ?
    AND key > ? ORDER BY key LIMIT ?`)
  const deleteStatement = db.prepare(`DELETE FROM ${n.readModelRows} WHERE name = ? AND version = ? AND key = ?`)
  const checkpointStatement = db.prepare(`INSERT INTO ${n.readModelCheckpoints} (name, version, position)
    VALUES (?, ?, ?) ON CONFLICT (name, version) DO UPDATE SET position = excluded.position`)
  const resetRowsStatement = db.prepare(`DELETE FROM ${n.readModelRows} WHERE name = ? AND version = ?`)
  const resetCheckpointStatement = db.prepare(
    `DELETE FROM ${n.readModelCheckpoints} WHERE name = ? AND version = ?`
  )
  const resetOlderRowsStatement = db.prepare(`DELETE FROM ${n.readModelRows} WHERE name = ? AND version < ?`)
  const resetOlderCheckpointsStatement = db.prepare(
    `DELETE FROM ${n.readModelCheckpoints} WHERE name = ? AND version < ?`
  )
  // One statement per power of two up to `maxKeysPerRead` placeholders; a shorter list repeats its last key.
  const readStatements = new Map<number, StatementSync>()
  const readStatement = (size: number): StatementSync => {
    let statement = readStatements.get(size)
    if (statement === undefined) {
      statement = db.prepare(`SELECT key, row FROM ${n.readModelRows} WHERE name = ? AND version = ?
        AND key IN (${Array.from({ length: size }, () => "?").join(", ")})`)
      readStatements.set(size, statement)
    }
    return statement
  }

  // One upsert per power of two up to `maxRowsPerWrite` rows, so a large commit runs a statement per 256 rows
  // rather than per row. `?1` and `?2` are the model's name and version; each row adds a key and a row (a bare
  // `?` takes the number after the largest so far).
  const upsertStatements = new Map<number, StatementSync>()
  const upsertStatement = (size: number): StatementSync => {
    let statement = upsertStatements.get(size)
    if (statement === undefined) {
      statement = db.prepare(`INSERT INTO ${n.readModelRows} (name, version, key, row)
        VALUES ${Array.from({ length: size }, () => "(?1, ?2, ?, ?)").join(", ")}
        ON CONFLICT (name, version, key) DO UPDATE SET row = excluded.row`)
      upsertStatements.set(size, statement)
    }
    return statement
  }

  /** Upserts rows in key order: each lands next to the one before it in the b-tree. */
  const upsert = (model: ReadModel.ReadModelKey, upserted: ReadonlyArray<readonly [string, string]>): void => {
    const params: Array<string | number> = [model.name, model.version]
    let start = 0
    while (start < upserted.length) {
      let size = maxRowsPerWrite
      while (size > upserted.length - start) size >>>= 1
      params.length = 2
      for (let i = start; i < start + size; i++) params.push(upserted[i]![0], upserted[i]![1])
      upsertStatement(size).run(...params)
      start += size
    }
  }

  // Inside an event store's `atomically` transaction (the inline read models of `ReadModel.inlineStore`), a
  // commit is a savepoint of it: it commits with the transaction's events, and a refused one undoes only itself.
  const begin = (nested: boolean) => db.exec(nested ? "SAVEPOINT dangjian_read_model" : "BEGIN IMMEDIATE")
  const commitOrRelease = (nested: boolean) => db.exec(nested ? "RELEASE dangjian_read_model" : "COMMIT")
  const rollback = (nested: boolean) => {
    if (!nested) {
      db.exec("ROLLBACK")
      return
    }
    db.exec("ROLLBACK TO dangjian_read_model")
    db.exec("RELEASE dangjian_read_model")
  }

  const positionOf = (model: ReadModel.ReadModelKey): number => {
    const row = positionStatement.get(model.name, model.version) as { position: number } | undefined
    return row === undefined ? 0 : Number(row.position)
  }

  /** Decodes stored rows; `undefined` when one does not parse (the file was changed by hand). */
  const decode = (rows: ReadonlyArray<unknown>): Array<readonly [string, unknown]> | undefined => {
    const out: Array<readonly [string, unknown]> = []
    for (const row of rows) {
      const { key, row: text } = row as { key: string; row: string }
      try {
        out.push([key, JSON.parse(text)])
      } catch {
        return undefined
      }
    }
    return out
  }

  const position: ReadModel.ReadModelStoreShape["position"] = (model) =>
    Effect.suspend(() => {
      try {
        return Effect.succeed(positionOf(model))
      } catch (cause) {
        return Effect.fail(failure("readModel.position", model, describeFailure(cause)))
      }
    })

  const get: ReadModel.ReadModelStoreShape["get"] = (model, keys) =>
    Effect.suspend((): Effect.Effect<ReadonlyMap<string, unknown>, StoreUnavailable> => {
      const wanted = [...new Set(keys)].filter(ReadModel.isStorableKey)
      const found = new Map<string, unknown>()
      try {
        for (let start = 0; start < wanted.length; start += maxKeysPerRead) {
          const chunk = wanted.slice(start, start + maxKeysPerRead)
          let size = 1
          while (size < chunk.length) size *= 2
          const params = [...chunk]
          while (params.length < size) params.push(chunk[chunk.length - 1]!)
          const rows = decode(readStatement(size).all(model.name, model.version, ...params))
          if (rows === undefined) return Effect.fail(failure("readModel.get", model, "a stored row does not parse"))
          for (const [key, row] of rows) found.set(key, row)
        }
      } catch (cause) {
        return Effect.fail(failure("readModel.get", model, describeFailure(cause)))
      }
      return Effect.succeed(found)
    })

  const scan: ReadModel.ReadModelStoreShape["scan"] = (model, options) =>
    Effect.suspend((): Effect.Effect<ReadonlyArray<readonly [string, unknown]>, StoreUnavailable> => {
      const after = options.after
      if (after !== undefined && !ReadModel.isStorableKey(after)) {
        return Effect.fail(failure("readModel.scan", model, "the scan cursor is not a key"))
      }
      const limit = Math.max(0, Math.floor(options.limit))
      if (limit === 0) return Effect.succeed([])
      try {
        const rows = decode(
          after === undefined
            ? firstStatement.all(model.name, model.version, limit)
            : afterStatement.all(model.name, model.version, after, limit)
        )
        return rows === undefined
          ? Effect.fail(failure("readModel.scan", model, "a stored row does not parse"))
          : Effect.succeed(rows)
      } catch (cause) {
        return Effect.fail(failure("readModel.scan", model, describeFailure(cause)))
      }
    })

  const commit: ReadModel.ReadModelStoreShape["commit"] = (model, batch) =>
    Effect.suspend((): Effect.Effect<void, StoreUnavailable | ReadModel.CheckpointMoved> => {
      // Encode everything before taking the write lock: a refused key or row writes nothing.
      const encoded = ReadModel.encodeRows(batch.rows)
      if (Result.isFailure(encoded)) return Effect.fail(failure("readModel.commit", model, encoded.failure))
      const { deleted, upserted } = encoded.success
      upserted.sort(([a], [b]) => ReadModel.compareKeys(a, b))
      const nested = db.isTransaction
      try {
        begin(nested)
      } catch (cause) {
        // Busy past the timeout, or the disk: nothing was written.
        return Effect.fail(failure("readModel.commit", model, describeFailure(cause)))
      }
      try {
        const actual = positionOf(model)
        if (actual !== batch.from) {
          rollback(nested)
          return Effect.fail(
            new ReadModel.CheckpointMoved({ readModel: model.name, expected: batch.from, actual })
          )
        }
        for (const key of deleted) deleteStatement.run(model.name, model.version, key)
        upsert(model, upserted)
        checkpointStatement.run(model.name, model.version, batch.to)
        commitOrRelease(nested)
        return Effect.void
      } catch (cause) {
        if (db.isTransaction) rollback(nested)
        return Effect.fail(failure("readModel.commit", model, describeFailure(cause)))
      }
    })

  /** Runs `write` in a transaction of its own (a savepoint inside one), or fails and writes nothing. */
  const transact = <A>(operation: string, model: ReadModel.ReadModelKey, write: () => A) =>
    Effect.suspend((): Effect.Effect<A, StoreUnavailable> => {
      const nested = db.isTransaction
      try {
        begin(nested)
      } catch (cause) {
        return Effect.fail(failure(operation, model, describeFailure(cause)))
      }
      try {
        const written = write()
        commitOrRelease(nested)
        return Effect.succeed(written)
      } catch (cause) {
        if (db.isTransaction) rollback(nested)
        return Effect.fail(failure(operation, model, describeFailure(cause)))
      }
    })

  const reset: ReadModel.ReadModelStoreShape["reset"] = (model) =>
    transact("readModel.reset", model, () => {
      resetRowsStatement.run(model.name, model.version)
      resetCheckpointStatement.run(model.name, model.version)
    })

  const resetOlderVersions: ReadModel.ReadModelStoreShape["resetOlderVersions"] = (model) =>
    transact("readModel.resetOlderVersions", model, () => {
      const { changes } = resetOlderRowsStatement.run(model.name, model.version)
      resetOlderCheckpointsStatement.run(model.name, model.version)
      return Number(changes)
    })

  return ReadModel.ReadModelStore.of({ position, get, scan, commit, reset, resetOlderVersions })
}
