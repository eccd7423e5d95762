/**
 * The store's schema, created and upgraded by effect/sql's `Migrator` (`Migrator.fromRecord`). Every
 * identifier comes from validated {@link Names}; no value is ever spliced into SQL.
 *
 * Tables (all in the configured schema, with the configured prefix):
 *
 * - `streams(stream_id PK, version, category)`: one row per stream, its version = its number of events. The
 *   row is the stream's lock: appends to one stream queue on it, appends to different streams never meet.
 * - `events(global_position PK, stream_id, stream_position, event_id UNIQUE, type, schema_version, data json,
 *   metadata json, transaction_id xid8, horizon xid8)`, `UNIQUE(stream_id, stream_position)`. Data and metadata
 *   are `json`, not `jsonb`: the text the codec wrote, checked as JSON and kept as is. `jsonb` refuses `\u0000`
 *   in a string (an event the other stores take), and converting to and from its binary form was nearly half of
 *   the server's work when a projection replays the log.
 * - `projections(name, version, position, state json)`: a read model and its checkpoint in one row.
 * - `snapshots(key, stream_id, version, state json)`.
 * - the sequence `events_position` (no cache, so positions are handed out in time order) and the function
 *   `append_events`, which performs a whole append in one round trip.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import { Migrator, SqlClient } from "effect/sql"
import type { SqlError } from "effect/sql/SqlError"
import type { Names } from "./StoreConfig.ts"

/**
 * The body of `append_events`. The order of its steps is what makes the store correct:
 *
 * 1. Lock every stream of the request (`SELECT … FOR UPDATE`, or insert it at version 0 when it is missing, so
 *    two appends creating one stream queue up instead of racing; for "no stream" the insert is tried first, as
 *    the stream is usually new), in an order the caller sorted, the same for every caller, so appends never
 *    deadlock.
 * 2. Check every expected version (`-1` any, `-2` no stream, `-3` exists, `n ≥ 0` exact) BEFORE any position
 *    is taken: a loser burns no sequence number. On a conflict, and on an append with no events, look the
 *    event ids up first: ids already stored make an idempotent re-append, which the caller classifies with
 *    the kernel's `AppendRequest.classifyStored`.
 * 3. The transaction has its id (step 1 wrote); only now take the positions from the sequence (`nextval` as
 *    plain PL/pgSQL expressions, in order, not as a query).
 * 4. In a subtransaction, bump the stream versions and insert the events. The subtransaction's id is
 *    assigned after step 3, so it is greater than the id of every transaction that took a smaller position:
 *    it is stored as the events' `horizon`, which readers use to prove a gap dead (see `PostgresEventStore`).
 *    For one stream the version bump and the insert are one statement: the bump runs first (the insert reads
 *    its `RETURNING`), so it is still the write that assigns the subtransaction its id.
 *    A unique violation on an event id (a retry of a committed append) undoes the subtransaction and reports
 *    the stored events instead; its positions stay unused, a gap that readers prove dead.
 */
const appendFunction = (n: Names): string => `
CREATE FUNCTION ${n.appendFunction}(
  p_streams text[], p_categories text[], p_expected bigint[], p_counts int[], p_lock_order int[],
  p_event_stream int[], p_event_offset int[], p_ids uuid[], p_types text[], p_versions int[],
  p_data text[], p_metadata text[], p_notify boolean,
  OUT status text, OUT conflict_index int, OUT versions bigint[], OUT positions bigint[],
  OUT found_ids text[], OUT found_streams text[], OUT found_stream_positions bigint[], OUT found_positions bigint[],
  OUT found_versions int[]
) LANGUAGE plpgsql AS $fn$
DECLARE
  v_streams int := cardinality(p_streams);
  v_n int := coalesce(cardinality(p_ids), 0);
  v_single boolean := cardinality(p_streams) = 1;
  v_shared_metadata json;
  v_i int;
  v_version bigint;
  v_expected bigint;
  v_top bigint;
  v_sub bigint;
  v_horizon xid8;
BEGIN
  versions := array_fill(0::bigint, ARRAY[v_streams]);
  conflict_index := 0;
  -- 1. Lock the streams in the order the caller sorted them (the same total order for every caller).
  FOREACH v_i IN ARRAY p_lock_order LOOP
    v_version := NULL;
    IF p_expected[v_i] = -2 THEN
      -- "No stream": creating it is the common case, so try the insert first.
      INSERT INTO ${n.streams} (stream_id, version, category) VALUES (p_streams[v_i], 0, p_categories[v_i])
        ON CONFLICT (stream_id) DO NOTHING;
      IF FOUND THEN
        v_version := 0;
      END IF;
    END IF;
    IF v_version IS NULL THEN
      SELECT s.version INTO v_version FROM ${n.streams} s WHERE s.stream_id = p_streams[v_i] FOR UPDATE;
      IF NOT FOUND THEN
        INSERT INTO ${n.streams} (stream_id, version, category) VALUES (p_streams[v_i], 0, p_categories[v_i])
          ON CONFLICT (stream_id) DO NOTHING;
        IF FOUND THEN
          v_version := 0;
        ELSE
          SELECT s.version INTO v_version FROM ${n.streams} s WHERE s.stream_id = p_streams[v_i] FOR UPDATE;
        END IF;
      END IF;
    END IF;
    versions[v_i] := v_version;
  END LOOP;
  -- 2. Every expected version, in request order, before any position is taken.
  FOR i IN 1 .. v_streams LOOP
    v_expected := p_expected[i];
    v_version := versions[i];
    IF NOT (v_expected = -1 OR (v_expected = -2 AND v_version = 0) OR (v_expected = -3 AND v_version > 0)
            OR v_expected = v_version) THEN
      conflict_index := i;
      EXIT;
    END IF;
  END LOOP;
  IF conflict_index > 0 OR v_n = 0 THEN
    -- A retried append whose events are stored is not a conflict: report what is stored.
    IF v_n > 0 THEN
      SELECT array_agg(e.event_id::text), array_agg(e.stream_id), array_agg(e.stream_position),
             array_agg(e.global_position), array_agg(e.schema_version)
        INTO found_ids, found_streams, found_stream_positions, found_positions, found_versions
        FROM unnest(p_ids) AS u(id) CROSS JOIN LATERAL (
          SELECT * FROM ${n.events} x WHERE x.event_id = u.id) AS e;
      IF found_ids IS NOT NULL THEN
        status := 'stored';
        RETURN;
      END IF;
    END IF;
    status := CASE WHEN conflict_index > 0 THEN 'conflict' ELSE 'ok' END;
    positions := ARRAY[]::bigint[];
    RETURN;
  END IF;
  -- 3. Positions, taken after this transaction got its id (step 1 wrote).
  v_top := pg_current_xact_id()::text::bigint;
  positions := array_fill(0::bigint, ARRAY[v_n]);
  FOR k IN 1 .. v_n LOOP
    positions[k] := nextval(${n.sequenceLiteral});
  END LOOP;
  IF cardinality(p_metadata) = 1 THEN
    v_shared_metadata := p_metadata[1]::json;
  END IF;
  -- 4. The writes, in a subtransaction opened after the positions were taken: its id is their horizon.
  BEGIN
    IF v_single THEN
      WITH u AS (
        UPDATE ${n.streams} AS s SET version = s.version + v_n WHERE s.stream_id = p_streams[1]
          RETURNING (v_top + ((s.xmin::text::bigint - v_top % 4294967296) + 4294967296) % 4294967296)::text::xid8 AS h
      )
      INSERT INTO ${n.events} (global_position, stream_id, stream_position, event_id, type, schema_version, data,
                               metadata, horizon)
        SELECT positions[e.ord], p_streams[1], versions[1] + e.ord, e.id, e.ty, e.sv, e.d::json,
               coalesce(v_shared_metadata, p_metadata[e.ord]::json), u.h
          FROM u, unnest(p_ids, p_types, p_versions, p_data) WITH ORDINALITY AS e(id, ty, sv, d, ord);
    ELSE
      FOR i IN 1 .. v_streams LOOP
        IF p_counts[i] > 0 THEN
          UPDATE ${n.streams} AS s SET version = s.version + p_counts[i] WHERE s.stream_id = p_streams[i]
            RETURNING s.xmin::text::bigint INTO v_sub;
        END IF;
      END LOOP;
      v_horizon := (v_top + ((v_sub - v_top % 4294967296) + 4294967296) % 4294967296)::text::xid8;
      INSERT INTO ${n.events} (global_position, stream_id, stream_position, event_id, type, schema_version, data,
                               metadata, horizon)
        SELECT positions[e.ord], p_streams[p_event_stream[e.ord]], versions[p_event_stream[e.ord]] + p_event_offset[e.ord],
               e.id, e.ty, e.sv, e.d::json, coalesce(v_shared_metadata, p_metadata[e.ord]::json), v_horizon
          FROM unnest(p_ids, p_types, p_versions, p_data) WITH ORDINALITY AS e(id, ty, sv, d, ord);
    END IF;
    IF p_notify THEN
      PERFORM pg_notify('${n.channel}', positions[v_n]::text);
    END IF;
  EXCEPTION WHEN unique_violation THEN
    -- An event id is stored already (a retry of a committed append, or an id used elsewhere): the
    -- subtransaction is undone; report what is stored, or ask the caller to run the append again.
    positions := NULL;
    SELECT array_agg(e.event_id::text), array_agg(e.stream_id), array_agg(e.stream_position),
           array_agg(e.global_position), array_agg(e.schema_version)
      INTO found_ids, found_streams, found_stream_positions, found_positions, found_versions
      FROM unnest(p_ids) AS u(id) CROSS JOIN LATERAL (
        SELECT * FROM ${n.events} x WHERE x.event_id = u.id) AS e;
    status := CASE WHEN found_ids IS NOT NULL THEN 'stored' ELSE 'retry' END;
    RETURN;
  END;
  status := 'ok';
END
$fn$`

/**
 * The statements of the first migration, in order.
 *
 * @category migrations
 * @since 0.1.0
 */
export const initialStatements = (n: Names): ReadonlyArray<string> => [
  `CREATE SEQUENCE ${n.sequence} AS bigint START 1 CACHE 1 NO CYCLE`,
  `CREATE TABLE ${n.streams} (
    stream_id text PRIMARY KEY,
    version bigint NOT NULL,
    category text NOT NULL
  ) WITH (fillfactor = 70)`,
  `CREATE TABLE ${n.events} (
    global_position bigint PRIMARY KEY,
    stream_id text NOT NULL,
    stream_position bigint NOT NULL,
    event_id uuid NOT NULL UNIQUE,
    type text NOT NULL,
    schema_version integer NOT NULL,
    data json NOT NULL,
    metadata json NOT NULL,
    transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
    horizon xid8 NOT NULL,
    UNIQUE (stream_id, stream_position)
  )`,
  `CREATE TABLE ${n.projections} (
    name text NOT NULL,
    version integer NOT NULL,
    position bigint NOT NULL,
    state json NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (name, version)
  )`,
  `CREATE TABLE ${n.snapshots} (
    key text NOT NULL,
    stream_id text NOT NULL,
    version bigint NOT NULL,
    state json NOT NULL,
    PRIMARY KEY (key, stream_id)
  )`,
  appendFunction(n)
]

/**
 * The migrations of one store, for `Migrator.fromRecord`.
 *
 * @category migrations
 * @since 0.1.0
 */
export const migrations = (n: Names): Record<string, Effect.Effect<void, SqlError, SqlClient.SqlClient>> => ({
  "1_event_store": Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    for (const statement of initialStatements(n)) yield* sql.unsafe(statement).unprepared
  })
})

/**
 * What a migration run can fail with.
 *
 * @category models
 * @since 0.1.0
 */
export type MigrationFailure = Migrator.MigrationError | SqlError

/**
 * Creates the schema if it is missing, then runs the pending migrations in one transaction. Concurrent runs
 * (several processes starting at once) queue on the migrations table's lock, and every migration runs once.
 *
 * @category migrations
 * @since 0.1.0
 */
export const migrate = (
  n: Names
): Effect.Effect<ReadonlyArray<readonly [id: number, name: string]>, MigrationFailure, SqlClient.SqlClient> =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const exists = sql<{ readonly found: number }>`SELECT 1 AS found FROM pg_namespace WHERE nspname = ${n.schema}`
    if ((yield* exists).length === 0) {
      // Two processes may create it at once: the loser's unique violation is fine if the schema now exists.
      yield* sql.unsafe(`CREATE SCHEMA IF NOT EXISTS ${n.schemaIdent}`).unprepared.pipe(
        Effect.catch((error) => Effect.flatMap(exists, (rows) => rows.length > 0 ? Effect.void : Effect.fail(error)))
      )
    }
    return yield* Migrator.make({})({
      loader: Migrator.fromRecord(migrations(n)),
      table: n.migrationsTable
    })
  })
