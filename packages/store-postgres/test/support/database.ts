/**
 * Test support: the database URL, whether PostgreSQL is reachable (tests are skipped, with the reason shown,
 * only when it is not), fresh random schemas, and a store layer that drops its schema when released.
 */
import type { EventCodec } from "@dangjian/core/store"
import { PgClient } from "@effect/sql-pg"
import { Effect, Layer, Redacted } from "effect"
import { SqlClient } from "effect/sql"
import { randomBytes } from "node:crypto"
import { connect } from "node:net"
import { PostgresStore } from "../../src/index.ts"
import type { StoreSettings } from "../../src/StoreConfig.ts"

export const databaseUrl = process.env["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/test"

const probe = (url: string): Promise<string | undefined> =>
  new Promise((resolve) => {
    let host = "127.0.0.1"
    let port = 5432
    try {
      const parsed = new URL(url)
      host = parsed.hostname || host
      port = parsed.port === "" ? 5432 : Number(parsed.port)
    } catch {
      resolve("DATABASE_URL is not a URL")
      return
    }
    const socket = connect({ host, port })
    const done = (reason: string | undefined) => {
      socket.destroy()
      resolve(reason)
    }
    socket.setTimeout(2_000, () => done(`no answer from ${host}:${port} within 2 s`))
    socket.once("connect", () => done(undefined))
    socket.once("error", (error) => done(`${host}:${port} refused the connection (${error.message})`))
  })

/** Why PostgreSQL tests are skipped, or `undefined` when the server is reachable. */
export const unreachable: string | undefined = await probe(databaseUrl)

/** The visible reason of a skip. */
export const skipReason = `PostgreSQL unreachable (${unreachable ?? ""}); set DATABASE_URL to run these tests`

/** A fresh random schema name. */
export const freshSchema = (label = "t"): string => `dj_${label}_${randomBytes(6).toString("hex")}`

/** A client layer on the test database. */
export const clientLayer = (maxConnections = 4) => PgClient.layer({ url: Redacted.make(databaseUrl), maxConnections })

/** Drops a schema when the layer is released. */
const dropOnRelease = (schema: string) =>
  Layer.effectDiscard(
    Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      yield* Effect.addFinalizer(() => sql.unsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).raw.pipe(Effect.ignore))
    })
  )

/** A store on a fresh schema, dropped when the layer is released. */
export const storeLayer = (
  codec: EventCodec.EventCodec<any>,
  settings: Omit<StoreSettings, "codec" | "schema"> & { readonly schema?: string } = {}
) => {
  const schema = settings.schema ?? freshSchema()
  return PostgresStore.layerClient({ ...settings, codec, schema }).pipe(
    Layer.provideMerge(dropOnRelease(schema)),
    Layer.provideMerge(clientLayer())
  )
}
