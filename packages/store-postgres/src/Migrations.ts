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
 * - `read_model_rows(name, version, key COLLATE "C", row json)`, primary key `(name, version, key)`, and
 *   `read_model_checkpoints(name, version, position)`: keyed read models (migration 3).
 * - the sequence `events_position` (no cache, so positions are handed out in time order) and the function
 *   `append_events`, which performs a whole append in one round trip. Migration 1 created it; migration 2
 *   replaced its body by a set-based one of the same signature and contract, whose cost grows with the
 *   append's events and no faster.
 *
 * Migrations are append-only: an applied one is never edited, a change is a new migration.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import { Migrator, SqlClient } from "effect/sql"
import type { SqlError } from "effect/sql/SqlError"
import { stageTable } from "./internal/stage.ts"
import type { Names } from "./StoreConfig.ts"

/**
 * The first body of `append_events` (migration 1; migration 2 replaces it with {@link linearAppendFunction}).
 * Kept as it was applied. The order of its steps is what makes the store correct:
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
 * The body of `append_events` since migration 2: the same contract, steps and guarantees as the first body
 * ({@link appendFunction}), with every step set-based, so that an append costs time in proportion to its events
 * however many streams and events it carries (an import is one atomic append of ~10^5–10^6 events to as many
 * as ~170,000 streams).
 *
 * Why the first body grew quadratically: PL/pgSQL hands a query the value of an array variable, and the
 * statements subscripted the big parameter arrays row by row inside the insert (`p_streams[p_event_stream[k]]`,
 * `p_metadata[k]`) and once per stream in the lock loop. Where the plan holds the array as one flat value (a
 * custom plan folds the parameter into a constant), finding element k of an array of variable-length elements
 * (text) walks the k − 1 before it: n lookups cost O(n²) (measured: 20,000 / 40,000 / 80,000 events took 4.1 /
 * 19.1 / 68.9 s, and 3.0 / 9.6 / 12.3 s with `plan_cache_mode = force_generic_plan`). This body never subscripts a
 * text array inside a query, and its cost does not depend on the plan mode:
 *
 * - arrays are read only by `unnest`, several arrays of one length side by side in one multi-argument
 *   `unnest` (a single pass, no join on ordinality: two function scans joined could be planned as a nested
 *   loop, O(n²) again);
 * - every other join is between an `unnest` and a table, on its unique index;
 * - an event's stream and stream position are expanded from the per-stream arrays (`generate_series` over each
 *   stream's count of events), in one pass, into two arrays of the events' length.
 *
 * So the events must come grouped by stream, in request order, `p_counts` of each (as `PostgresEventStore`
 * sends them). `p_lock_order`, `p_event_stream` and `p_event_offset` are no longer read; they stay in the
 * signature, and the client still sends them, so that a client and a schema not yet migrated work together.
 *
 * **Staged events.** With `p_ids` NULL the events are read from the session's staging table (see
 * `internal/stage.ts`), which the client filled in chunks earlier in the same transaction: an append too large
 * for one statement's parameters (the server takes at most 1 GiB). Each staged row names its stream, the
 * stream's index in the request and its offset in the stream, so the insert reads the table once, with no join:
 * its position and stream position are subscripts of `positions` and `versions`, arrays of fixed-width elements,
 * where finding element k costs the same at any k. `p_types`, `p_versions` and `p_data` are then NULL, and
 * `p_metadata` holds the metadata every event shares, or nothing.
 *
 * The steps, as in the first body:
 *
 * 1. Lock every stream of the request, creating missing ones at version 0 first. With several streams: one
 *    `INSERT … ON CONFLICT DO NOTHING` of every stream, then one `SELECT … FOR UPDATE` of them all, both in the
 *    byte order of their ids (`COLLATE "C"`), the same for every caller. No deadlock: the insert waits only on
 *    another transaction's uncommitted insert of the same id, which both take in that order; the locking
 *    statement waits only on rows locked by callers that passed their insert, and locks in that order too.
 *    One stream keeps the first body's scalar statements ("no stream" tries the insert first).
 * 2. Every expected version (`-1` any, `-2` no stream, `-3` exists, `n ≥ 0` exact), the first failing one in
 *    request order, BEFORE any position is taken; on a conflict, and on an append with no events, look the
 *    event ids up (one join on the unique index): ids already stored make an idempotent re-append.
 * 3. Positions from the sequence, in event order, after the transaction got its id (step 1 wrote).
 * 4. In a subtransaction opened after the positions were taken: bump the versions (one `UPDATE … FROM unnest`)
 *    and insert the events (one `INSERT … SELECT FROM unnest`). The subtransaction's id, read from the `xmin`
 *    of the rows its first write made, is the events' `horizon`. A unique violation on an event id undoes the
 *    subtransaction and reports the stored events, or asks the caller to run the append again.
 */
const linearAppendFunction = (n: Names, writersLock = false): string => `
CREATE OR REPLACE FUNCTION ${n.appendFunction}(
  p_streams text[], p_categories text[], p_expected bigint[], p_counts int[], p_lock_order int[],
  p_event_stream int[], p_event_offset int[], p_ids uuid[], p_types text[], p_versions int[],
  p_data text[], p_metadata text[], p_notify boolean,
  OUT status text, OUT conflict_index int, OUT versions bigint[], OUT positions bigint[],
  OUT found_ids text[], OUT found_streams text[], OUT found_stream_positions bigint[], OUT found_positions bigint[],
  OUT found_versions int[]
) LANGUAGE plpgsql AS $fn$
DECLARE
  v_staged boolean := p_ids IS NULL;
  v_streams int := cardinality(p_streams);
  v_n bigint;
  v_ids uuid[] := p_ids;
  v_stream text;
  v_expected bigint;
  v_version bigint;
  v_locked bigint;
  v_counted bigint;
  v_first bigint;
  v_last bigint;
  v_event_streams text[];
  v_event_positions bigint[];
  v_shared_metadata json;
  v_top bigint;
  v_sub bigint;
  v_horizon xid8;
BEGIN
${
  writersLock
    ? `  PERFORM pg_advisory_xact_lock_shared(hashtextextended('${writersLockKey(n)}', 0));\n`
    : ""
}  conflict_index := 0;
  IF v_staged THEN
    -- The events are in the staging table, ord 1…n.
    SELECT count(*), min(s.ord), max(s.ord) INTO v_n, v_first, v_last FROM ${stageTable} s;
    IF v_n > 0 AND (v_first <> 1 OR v_last <> v_n) THEN
      RAISE EXCEPTION 'append_events: the staged events are not numbered 1…n' USING ERRCODE = 'invalid_parameter_value';
    END IF;
  ELSE
    v_n := coalesce(cardinality(p_ids), 0);
  END IF;
  IF v_streams > 1 OR v_staged THEN
    -- The events come grouped by stream in request order, p_counts of each: anything else is refused.
    SELECT coalesce(sum(c.n), 0) INTO v_counted FROM unnest(p_counts) AS c(n);
    IF cardinality(p_counts) IS DISTINCT FROM v_streams OR v_counted <> v_n THEN
      RAISE EXCEPTION 'append_events: p_counts does not match the streams and events'
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
  END IF;
  IF v_streams = 1 THEN
    -- 1. One stream: lock it, or create it ("no stream" is usually new: try the insert first).
    v_stream := p_streams[1];
    v_expected := p_expected[1];
    IF v_expected = -2 THEN
      INSERT INTO ${n.streams} (stream_id, version, category) VALUES (v_stream, 0, p_categories[1])
        ON CONFLICT (stream_id) DO NOTHING;
      IF FOUND THEN
        v_version := 0;
      END IF;
    END IF;
    IF v_version IS NULL THEN
      SELECT s.version INTO v_version FROM ${n.streams} s WHERE s.stream_id = v_stream FOR UPDATE;
      IF NOT FOUND THEN
        INSERT INTO ${n.streams} (stream_id, version, category) VALUES (v_stream, 0, p_categories[1])
          ON CONFLICT (stream_id) DO NOTHING;
        IF FOUND THEN
          v_version := 0;
        ELSE
          SELECT s.version INTO v_version FROM ${n.streams} s WHERE s.stream_id = v_stream FOR UPDATE;
        END IF;
      END IF;
    END IF;
    versions := ARRAY[v_version];
    -- 2. The expected version, before any position is taken.
    IF NOT (v_expected = -1 OR (v_expected = -2 AND v_version = 0) OR (v_expected = -3 AND v_version > 0)
            OR v_expected = v_version) THEN
      conflict_index := 1;
    END IF;
  ELSE
    -- 1. Create the missing streams, then lock them all, in one order for every caller.
    INSERT INTO ${n.streams} (stream_id, version, category)
      SELECT r.id, 0, r.category FROM unnest(p_streams, p_categories) AS r(id, category)
       ORDER BY r.id COLLATE "C"
      ON CONFLICT (stream_id) DO NOTHING;
    SELECT array_agg(k.version ORDER BY k.i), count(*) INTO versions, v_locked
      FROM (SELECT r.i, s.version
              FROM unnest(p_streams) WITH ORDINALITY AS r(id, i)
              JOIN ${n.streams} s ON s.stream_id = r.id
             ORDER BY s.stream_id COLLATE "C"
               FOR UPDATE OF s) AS k;
    IF v_locked <> v_streams THEN
      -- Only under a snapshot older than the inserts (not READ COMMITTED): the caller runs the append again.
      RAISE EXCEPTION 'append_events: a stream row is not visible' USING ERRCODE = 'serialization_failure';
    END IF;
    -- 2. Every expected version; the first failure in request order is reported.
    SELECT coalesce(min(x.i), 0) INTO conflict_index
      FROM unnest(p_expected, versions) WITH ORDINALITY AS x(expected, version, i)
     WHERE NOT (x.expected = -1 OR (x.expected = -2 AND x.version = 0) OR (x.expected = -3 AND x.version > 0)
                OR x.expected = x.version);
  END IF;
  IF conflict_index > 0 OR v_n = 0 THEN
    -- A retried append whose events are stored is not a conflict: report what is stored.
    IF v_n > 0 THEN
      IF v_staged THEN
        SELECT array_agg(s.event_id) INTO v_ids FROM ${stageTable} s;
      END IF;
      SELECT array_agg(e.event_id::text), array_agg(e.stream_id), array_agg(e.stream_position),
             array_agg(e.global_position), array_agg(e.schema_version)
        INTO found_ids, found_streams, found_stream_positions, found_positions, found_versions
        FROM unnest(v_ids) AS u(id) JOIN ${n.events} e ON e.event_id = u.id;
      IF found_ids IS NOT NULL THEN
        status := 'stored';
        RETURN;
      END IF;
    END IF;
    status := CASE WHEN conflict_index > 0 THEN 'conflict' ELSE 'ok' END;
    positions := ARRAY[]::bigint[];
    RETURN;
  END IF;
  -- 3. Positions, taken after this transaction got its id (step 1 wrote), in event order.
  v_top := pg_current_xact_id()::text::bigint;
  SELECT array_agg(nextval(${n.sequenceLiteral})) INTO positions FROM generate_series(1, v_n);
  IF cardinality(p_metadata) = 1 THEN
    v_shared_metadata := p_metadata[1]::json;
  END IF;
  IF v_streams > 1 AND NOT v_staged THEN
    -- Each event's stream and stream position, expanded from the streams' counts: the events' order.
    SELECT array_agg(r.id), array_agg(r.version + g.k) INTO v_event_streams, v_event_positions
      FROM unnest(p_streams, versions, p_counts) AS r(id, version, n)
     CROSS JOIN LATERAL generate_series(1, r.n) AS g(k);
  END IF;
  -- 4. The writes, in a subtransaction opened after the positions were taken: its id is their horizon.
  BEGIN
    IF v_streams = 1 AND NOT v_staged THEN
      -- The version bump and the insert in one statement: the bump runs first and assigns the id.
      WITH u AS (
        UPDATE ${n.streams} AS s SET version = s.version + v_n WHERE s.stream_id = v_stream
          RETURNING (v_top + ((s.xmin::text::bigint - v_top % 4294967296) + 4294967296) % 4294967296)::text::xid8 AS h
      )
      INSERT INTO ${n.events} (global_position, stream_id, stream_position, event_id, type, schema_version, data,
                               metadata, horizon)
        SELECT e.p, v_stream, v_version + e.k, e.id, e.ty, e.sv, e.d::json, coalesce(v_shared_metadata, e.m::json), u.h
          FROM u, unnest(positions, p_ids, p_types, p_versions, p_data, p_metadata) WITH ORDINALITY
                    AS e(p, id, ty, sv, d, m, k);
    ELSE
      WITH u AS (
        UPDATE ${n.streams} AS s SET version = s.version + r.n
          FROM unnest(p_streams, p_counts) AS r(id, n)
         WHERE s.stream_id = r.id AND r.n > 0
          RETURNING s.xmin::text::bigint AS x
      )
      SELECT max(u.x) INTO v_sub FROM u;
      v_horizon := (v_top + ((v_sub - v_top % 4294967296) + 4294967296) % 4294967296)::text::xid8;
      IF v_staged THEN
        -- positions and versions hold fixed-width elements: subscripting them costs the same at any length.
        INSERT INTO ${n.events} (global_position, stream_id, stream_position, event_id, type, schema_version, data,
                                 metadata, horizon)
          SELECT positions[s.ord], s.stream, versions[s.stream_index] + s.stream_offset, s.event_id, s.type,
                 s.schema_version, s.data::json, coalesce(v_shared_metadata, s.metadata::json), v_horizon
            FROM ${stageTable} s;
      ELSE
        INSERT INTO ${n.events} (global_position, stream_id, stream_position, event_id, type, schema_version, data,
                                 metadata, horizon)
          SELECT e.p, e.stream, e.sp, e.id, e.ty, e.sv, e.d::json, coalesce(v_shared_metadata, e.m::json), v_horizon
            FROM unnest(positions, v_event_streams, v_event_positions, p_ids, p_types, p_versions, p_data, p_metadata)
                   AS e(p, stream, sp, id, ty, sv, d, m);
      END IF;
    END IF;
    IF p_notify THEN
      PERFORM pg_notify('${n.channel}', positions[v_n]::text);
    END IF;
  EXCEPTION WHEN unique_violation THEN
    -- An event id is stored already (a retry of a committed append, or an id used elsewhere): the
    -- subtransaction is undone; report what is stored, or ask the caller to run the append again.
    positions := NULL;
    IF v_staged THEN
      SELECT array_agg(s.event_id) INTO v_ids FROM ${stageTable} s;
    END IF;
    SELECT array_agg(e.event_id::text), array_agg(e.stream_id), array_agg(e.stream_position),
           array_agg(e.global_position), array_agg(e.schema_version)
      INTO found_ids, found_streams, found_stream_positions, found_positions, found_versions
      FROM unnest(v_ids) AS u(id) JOIN ${n.events} e ON e.event_id = u.id;
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
 * The statements of the second migration: `append_events` replaced by its set-based body, whose cost grows
 * with the events of an append and no faster (see {@link initialStatements} for the first body, which an
 * applied first migration keeps as it was).
 *
 * @category migrations
 * @since 0.1.0
 */
export const linearAppendStatements = (n: Names): ReadonlyArray<string> => [linearAppendFunction(n)]

/**
 * The statements of migration 3: the tables of keyed read models. Keys are `COLLATE "C"`, so the primary key
 * keeps them in UTF-8 byte order (Unicode code point order, `ReadModel.compareKeys`), the order of every store.
 *
 * @category migrations
 * @since 0.3.0
 */
export const readModelStatements = (n: Names): ReadonlyArray<string> => [
  `CREATE TABLE ${n.readModelRows} (
    name text NOT NULL,
    version integer NOT NULL,
    key text COLLATE "C" NOT NULL,
    row json NOT NULL,
    PRIMARY KEY (name, version, key)
  )`,
  `CREATE TABLE ${n.readModelCheckpoints} (
    name text NOT NULL,
    version integer NOT NULL,
    position bigint NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (name, version)
  )`
]

/**
 * The lock key of a store's writers (`hashtextextended` of `schema.prefix` + `inline`): every append holds it
 * shared; a write that keeps inline read models (`StoreSettings.inline`) holds it exclusively from its first
 * append on, so it then runs alone.
 *
 * @category migrations
 * @since 0.4.0
 */
export const writersLockKey = (n: Names): string => `${n.schema}.${n.prefix}inline`

/**
 * The statements of migration 4: the append function of migration 2, which now first takes the store's
 * writers' lock in shared mode ({@link writersLockKey}) until its transaction ends. Appends do not wait for each
 * other; a write that keeps inline read models takes the lock exclusively, so while it runs no other append is
 * in flight, and any position missing below its own belongs to a transaction that has ended.
 *
 * @category migrations
 * @since 0.4.0
 */
export const writersLockStatements = (n: Names): ReadonlyArray<string> => [linearAppendFunction(n, true)]

const runAll = (statements: ReadonlyArray<string>): Effect.Effect<void, SqlError, SqlClient.SqlClient> =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    for (const statement of statements) yield* sql.unsafe(statement).unprepared
  })

/**
 * The migrations of one store, for `Migrator.fromRecord`. Append-only: an applied migration is never edited;
 * a change is a new entry.
 *
 * @category migrations
 * @since 0.1.0
 */
export const migrations = (n: Names): Record<string, Effect.Effect<void, SqlError, SqlClient.SqlClient>> => ({
  "1_event_store": runAll(initialStatements(n)),
  "2_linear_append": runAll(linearAppendStatements(n)),
  "3_read_models": runAll(readModelStatements(n)),
  "4_writers_lock": runAll(writersLockStatements(n))
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
