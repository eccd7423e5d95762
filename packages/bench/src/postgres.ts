/**
 * Fresh PostgreSQL databases for the cells: each PostgreSQL cell runs in a database created for it and dropped
 * afterwards, so every system (Emmett's tables live in `public`) starts from nothing. Names carry the pid of
 * the bench that created them, so leftovers of a killed bench can be found and dropped.
 */
import pg from "pg"

/** The database URL: `DATABASE_URL`, or the project's default. */
export const adminUrl = (): string => process.env["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/test"

/** The prefix of every database a bench creates. */
export const prefix = "dj_bench_"

const withAdmin = async <A>(body: (client: pg.Client) => Promise<A>): Promise<A> => {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 5_000 })
  await client.connect()
  try {
    return await body(client)
  } finally {
    await client.end()
  }
}

/** The server's version, or why it cannot be reached. */
export const probe = async (): Promise<{ readonly version: string } | { readonly error: string }> => {
  try {
    return await withAdmin(async (client) => ({
      version: (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v
    }))
  } catch (cause) {
    return { error: cause instanceof Error ? cause.message : String(cause) }
  }
}

/** Creates a database named after `owner` (a bench pid) and returns its URL and a way to drop it. */
export const freshDatabase = async (
  owner: number
): Promise<{ readonly url: string; readonly drop: () => Promise<void> }> => {
  const name = `${prefix}${owner}_${process.pid}_${Date.now().toString(36)}`
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`))
  const url = new URL(adminUrl())
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () =>
      withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined)
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Drops the databases left by benches that are no longer running (or by `owner` itself, when given). */
export const dropLeftovers = async (owner?: number): Promise<ReadonlyArray<string>> =>
  withAdmin(async (client) => {
    const rows = (await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1",
      [`${prefix}%`]
    )).rows
    const dropped: Array<string> = []
    for (const { datname } of rows) {
      const match = /^dj_bench_(\d+)_\d+_[0-9a-z]+$/.exec(datname)
      if (match === null) continue
      const pid = Number(match[1])
      if (pid !== owner && isAlive(pid)) continue
      await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`)
      dropped.push(datname)
    }
    return dropped
  })
