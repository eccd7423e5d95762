/**
 * Test support: the built `dangjian` binary run as a process in a temporary directory, and the two stores a
 * user can point it at, each with the count of its events read straight from the database (SQLite through
 * `node:sqlite`, PostgreSQL through `@effect/sql-pg` on a fresh schema that is dropped afterwards).
 */
import { PgClient } from "@effect/sql-pg"
import { Effect, Redacted } from "effect"
import { SqlClient } from "effect/sql"
import { spawnSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs"
import { connect } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import { afterAll, assert } from "vitest"

export const packageDir = join(import.meta.dirname, "..", "..")
export const bin = join(packageDir, "dist", "bin.js")
export const fixtures = join(import.meta.dirname, "..", "fixtures")

/** The newest modification time of the `.ts` files below `dir`. */
const newestBelow = (dir: string): number =>
  Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
      entry.isDirectory()
        ? newestBelow(join(dir, entry.name))
        : entry.name.endsWith(".ts")
        ? statSync(join(dir, entry.name)).mtimeMs
        : 0
    )
  )

/**
 * Builds dist/ when it is missing or older than a source file: the command line's, or one of the packages its bundle
 * holds (`bin.js` loads the bundle, which `tsc -b` alone leaves as it was).
 */
export const ensureBuilt = () => {
  const newest = Math.max(
    ...["cli", "core", "store-sqlite", "store-postgres"].map((name) => newestBelow(join(packageDir, "..", name, "src")))
  )
  const outputs = ["bin.js", "Cli.js", "dangjian.js"].map((file) => join(packageDir, "dist", file))
  if (outputs.some((file) => !existsSync(file) || statSync(file).mtimeMs < newest)) {
    const built = spawnSync("pnpm", ["build"], { cwd: packageDir, encoding: "utf8" })
    assert.strictEqual(built.status, 0, built.stderr)
  }
}

export interface Ran {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs the built binary in `cwd`; `env` adds to (or, with `undefined`, removes from) the environment. */
export const run = (
  cwd: string,
  args: ReadonlyArray<string>,
  options: { readonly env?: Record<string, string | undefined>; readonly input?: string | Uint8Array } = {}
): Ran => {
  const env: Record<string, string | undefined> = {
    ...process.env,
    LANG: "en_US.UTF-8",
    LC_ALL: undefined,
    ...options.env
  }
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key]
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: "utf8",
    env: env as NodeJS.ProcessEnv,
    timeout: 170_000,
    maxBuffer: 256 * 1024 * 1024,
    ...(options.input === undefined ? {} : { input: options.input })
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const workdirs: Array<string> = []

/** A fresh folder for one run of the CLI, removed when the test file ends. */
export const workdir = () => {
  const dir = mkdtempSync(join(tmpdir(), "dangjian-cli-"))
  workdirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of workdirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

// ---------------------------------------------------------------------------------------------------------
// Stores
// ---------------------------------------------------------------------------------------------------------

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
export const pgUnreachable: string | undefined = await probe(databaseUrl)

/** Runs SQL on the test database (as the URL's user). */
export const sql = <A>(f: (sql: SqlClient.SqlClient) => Effect.Effect<A, unknown>): Promise<A> =>
  Effect.runPromise(
    Effect.flatMap(SqlClient.SqlClient, f).pipe(
      Effect.provide(PgClient.layer({ url: Redacted.make(databaseUrl), maxConnections: 1 }))
    )
  )

/** A store the CLI can use: its `--store` value, its event count, and how to drop it. */
export interface TestStore {
  readonly kind: "sqlite" | "postgres"
  readonly spec: string
  readonly events: () => Promise<number>
  readonly drop: () => Promise<void>
}

/** A SQLite store in `cwd` (the file does not exist until a command that writes makes it). */
export const sqliteStore = (cwd: string, file = "store.db"): TestStore => {
  const path = join(cwd, file)
  return {
    kind: "sqlite",
    spec: `sqlite:${path}`,
    events: async () => {
      if (!existsSync(path)) return 0
      const db = new DatabaseSync(path, { readOnly: true })
      try {
        return (db.prepare("SELECT count(*) AS n FROM dangjian_events").get() as { n: number }).n
      } finally {
        db.close()
      }
    },
    drop: async () => {}
  }
}

/** A PostgreSQL store on a fresh schema of the test database (made by the first command that writes). */
export const postgresStore = (
  label = "cli"
): TestStore & { readonly schema: string; readonly url: (user?: string) => string } => {
  const schema = `dj_${label}_${randomBytes(5).toString("hex")}`
  const url = (user?: string) => {
    const u = new URL(databaseUrl)
    if (user !== undefined) {
      u.username = user
      u.password = ""
    }
    u.searchParams.set("schema", schema)
    return u.toString()
  }
  return {
    kind: "postgres",
    schema,
    url,
    spec: url(),
    events: () =>
      sql((client) =>
        Effect.gen(function*() {
          const found = yield* client<
            { readonly n: string | null }
          >`SELECT to_regclass(${`"${schema}".events`})::text AS n`
          if (found[0]?.n === null || found[0]?.n === undefined) return 0
          const rows = yield* client.unsafe<{ readonly n: string | number }>(
            `SELECT count(*) AS n FROM "${schema}".events`
          )
          return Number(rows[0]!.n)
        })
      ),
    drop: () => sql((client) => client.unsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).raw.pipe(Effect.asVoid))
  }
}
