/**
 * The schema of the SQLite store, created and upgraded by effect/sql's `Migrator`. Table names come from the
 * validated prefix (see `StoreConfig`).
 *
 * - `events`: the log. `global_position` is the rowid: SQLite has one writer at a time, so rowid order is
 *   commit order and a reader can never skip a late commit. `event_id` is unique (idempotent appends);
 *   `(stream_id, stream_position)` is unique (no two events take one version).
 * - `streams`: each stream's version, checked and moved in the append's transaction.
 * - `projections`: a read model and its checkpoint in one row; `snapshots`: the newest state per stream and key.
 * - `read_model_rows`: keyed read models, one row (JSON text) per model, version and key, in key order
 *   (`BINARY`: UTF-8 bytes); `read_model_checkpoints`: each keyed read model's position, moved in the same
 *   transaction as its rows.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import { Migrator, SqlClient } from "effect/sql"
import type { Names } from "./StoreConfig.ts"

/**
 * The migrations for a set of table names.
 *
 * @category migrations
 * @since 0.1.0
 */
export const loader = (n: Names): Migrator.Loader =>
  Migrator.fromRecord({
    "0001_events": Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      yield* sql.unsafe(`CREATE TABLE ${n.streams} (
        stream_id TEXT PRIMARY KEY NOT NULL,
        version INTEGER NOT NULL
      ) WITHOUT ROWID`)
      yield* sql.unsafe(`CREATE TABLE ${n.events} (
        global_position INTEGER PRIMARY KEY,
        stream_id TEXT NOT NULL,
        stream_position INTEGER NOT NULL,
        event_id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        schema_version INTEGER NOT NULL,
        data TEXT NOT NULL,
        metadata TEXT NOT NULL,
        UNIQUE (stream_id, stream_position)
      )`)
    }),
    "0002_projections_snapshots": Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      yield* sql.unsafe(`CREATE TABLE ${n.projections} (
        name TEXT NOT NULL,
        version INTEGER NOT NULL,
        position INTEGER NOT NULL,
        state TEXT NOT NULL,
        PRIMARY KEY (name, version)
      ) WITHOUT ROWID`)
      yield* sql.unsafe(`CREATE TABLE ${n.snapshots} (
        snapshot_key TEXT NOT NULL,
        stream_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        state TEXT NOT NULL,
        PRIMARY KEY (snapshot_key, stream_id)
      ) WITHOUT ROWID`)
    }),
    "0003_read_models": Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      // BINARY: keys compare as UTF-8 bytes, which is Unicode code point order (`ReadModel.compareKeys`).
      yield* sql.unsafe(`CREATE TABLE ${n.readModelRows} (
        name TEXT NOT NULL,
        version INTEGER NOT NULL,
        key TEXT NOT NULL COLLATE BINARY,
        row TEXT NOT NULL,
        PRIMARY KEY (name, version, key)
      ) WITHOUT ROWID`)
      yield* sql.unsafe(`CREATE TABLE ${n.readModelCheckpoints} (
        name TEXT NOT NULL,
        version INTEGER NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (name, version)
      ) WITHOUT ROWID`)
    })
  })

/**
 * Runs the migrations that have not run yet.
 *
 * @category migrations
 * @since 0.1.0
 */
export const migrate = (n: Names) => Migrator.make({})({ loader: loader(n), table: n.migrations })
