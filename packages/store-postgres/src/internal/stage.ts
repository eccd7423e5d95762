/**
 * The staging table of a large append. An append whose events encode to more than `appendChunkBytes` is not
 * sent as one statement (a statement's parameters are limited to 1 GiB by the server, and the driver and the
 * server would each hold several copies of them): in one transaction the client creates this temporary table,
 * fills it with the events in chunks, then calls `append_events` with `p_ids` NULL, which reads the events from
 * it. The table is the session's own and is dropped at the end of the transaction, committed or not.
 */

/** The table's name, qualified with the session's temporary schema. */
export const stageTable = "pg_temp.dangjian_append_stage"

/**
 * Creates the table for one transaction. `ord` is the event's place in the request (1…n, in order), `stream`,
 * `stream_index` (1-based, in the request) and `stream_offset` (1-based, in its stream) say where it goes;
 * `metadata` is NULL when every event shares the metadata sent as the function's `p_metadata`.
 */
export const createStage = `CREATE TEMPORARY TABLE ${stageTable} (
  ord bigint PRIMARY KEY,
  stream text NOT NULL,
  stream_index int NOT NULL,
  stream_offset int NOT NULL,
  event_id uuid NOT NULL,
  type text NOT NULL,
  schema_version int NOT NULL,
  data text NOT NULL,
  metadata text
) ON COMMIT DROP`

/**
 * Adds one chunk: `$1` is the `ord` of the chunk's first event minus one, then one array per column.
 */
export const fillStage = `INSERT INTO ${stageTable} (ord, stream, stream_index, stream_offset, event_id, type,
    schema_version, data, metadata)
  SELECT $1::bigint + e.k, e.stream, e.si, e.so, e.id, e.ty, e.sv, e.d, e.m
    FROM unnest($2::text[], $3::int[], $4::int[], $5::uuid[], $6::text[], $7::int[], $8::text[], $9::text[])
           WITH ORDINALITY AS e(stream, si, so, id, ty, sv, d, m, k)`
