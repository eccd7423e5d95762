/**
 * The `ReadModelStore` on SQLite: keyed read models in `read_model_rows` (one row of JSON text per model,
 * version and key) and their checkpoints in `read_model_checkpoints`. A commit is one `BEGIN IMMEDIATE`
 * transaction: it takes SQLite's write lock first, checks that the checkpoint is still where the batch started,
 * writes the rows and moves the checkpoint, so a crash keeps both or neither and two runners (fibers, or
 * processes on one file) never apply a batch twice. A writer that finds the lock taken waits up to the store's
 * busy timeout, as appends do.
 *
 * Statements run synchronously on prepared `node:sqlite` statements inside one Effect step each, so a commit is
 * atomic for the fibers of this process as well. Keys are `TEXT` in `BINARY` collation: UTF-8 bytes, which is
 * the code point order of `ReadModel.compareKeys`. Failures name the read model, never a key or a row.
 *
 * @since 0.3.0
 */
import { ReadModel, StoreUnavailable } from "@dangjian/core/store"
import { Effect } from "effect"
import type { DatabaseSync, StatementSync } from "node:sqlite"
import { describeFailure } from "./SqliteEventStore.ts"
import type { Names } from "./StoreConfig.ts"

/** Keys per `IN (…)` list: far below SQLite's limit on bound parameters (32,766 since 3.32, 999 before). */
const maxKeysPerRead = 512

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
  const upsertStatement = db.prepare(`INSERT INTO ${n.readModelRows} (name, version, key, row) VALUES (?, ?, ?, ?)
    ON CONFLICT (name, version, key) DO UPDATE SET row = excluded.row`)
  const deleteStatement = db.prepare(`DELETE FROM ${n.readModelRows} WHERE name = ? AND version = ? AND key = ?`)
  const checkpointStatement = db.prepare(`INSERT INTO ${n.readModelCheckpoints} (name, version, position)
    VALUES (?, ?, ?) ON CONFLICT (name, version) DO UPDATE SET position = excluded.position`)
  const resetRowsStatement = db.prepare(`DELETE FROM ${n.readModelRows} WHERE name = ? AND version = ?`)
  const resetCheckpointStatement = db.prepare(
    `DELETE FROM ${n.readModelCheckpoints} WHERE name = ? AND version = ?`
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
      const encoded: Array<readonly [string, string | undefined]> = []
      for (const [key, row] of batch.rows) {
        if (!ReadModel.isStorableKey(key)) {
          return Effect.fail(failure("readModel.commit", model, "a key is not storable"))
        }
        if (row === undefined) {
          encoded.push([key, undefined])
          continue
        }
        const text = ReadModel.encodeRow(row)
        if (text === undefined) {
          return Effect.fail(failure("readModel.commit", model, "a row is not plain JSON data"))
        }
        encoded.push([key, text])
      }
      try {
        db.exec("BEGIN IMMEDIATE")
      } catch (cause) {
        // Busy past the timeout, or the disk: nothing was written.
        return Effect.fail(failure("readModel.commit", model, describeFailure(cause)))
      }
      try {
        const actual = positionOf(model)
        if (actual !== batch.from) {
          db.exec("ROLLBACK")
          return Effect.fail(
            new ReadModel.CheckpointMoved({ readModel: model.name, expected: batch.from, actual })
          )
        }
        for (const [key, text] of encoded) {
          if (text === undefined) deleteStatement.run(model.name, model.version, key)
          else upsertStatement.run(model.name, model.version, key, text)
        }
        checkpointStatement.run(model.name, model.version, batch.to)
        db.exec("COMMIT")
        return Effect.void
      } catch (cause) {
        if (db.isTransaction) db.exec("ROLLBACK")
        return Effect.fail(failure("readModel.commit", model, describeFailure(cause)))
      }
    })

  const reset: ReadModel.ReadModelStoreShape["reset"] = (model) =>
    Effect.suspend(() => {
      try {
        db.exec("BEGIN IMMEDIATE")
      } catch (cause) {
        return Effect.fail(failure("readModel.reset", model, describeFailure(cause)))
      }
      try {
        resetRowsStatement.run(model.name, model.version)
        resetCheckpointStatement.run(model.name, model.version)
        db.exec("COMMIT")
        return Effect.void
      } catch (cause) {
        if (db.isTransaction) db.exec("ROLLBACK")
        return Effect.fail(failure("readModel.reset", model, describeFailure(cause)))
      }
    })

  return ReadModel.ReadModelStore.of({ position, get, scan, commit, reset })
}
