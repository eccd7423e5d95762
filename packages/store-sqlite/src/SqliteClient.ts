/**
 * An `effect/sql` client over Node's built-in `node:sqlite` (no native build). `@effect/sql-sqlite-node` does
 * not work with effect 4.1, so this adapter builds the client from effect/sql's own parts: one connection
 * shared through a semaphore, the SQLite statement compiler, and driver errors classified into `SqlError`.
 * The store uses it for migrations; its hot paths run prepared statements on the same connection.
 *
 * `node:sqlite` is loaded when a database is opened ({@link loadDriver}), never imported at the top: a static
 * import fails at link time on a Node without it, so the package could not even be imported there (for its
 * types, or by a CLI that only wants PostgreSQL). On such a Node, opening a store fails with
 * {@link NodeSqliteUnavailable}.
 *
 * @since 0.1.0
 */
import { Message } from "@dangjian/core/store"
import { Effect, Result, Schema, Semaphore, Stream } from "effect"
import * as Reactivity from "effect/reactivity/Reactivity"
import { SqlClient, SqlError, Statement } from "effect/sql"
import type { SqlConnection } from "effect/sql"
import type { DatabaseSync, StatementSync } from "node:sqlite"

// node:sqlite puts the extended result code in `errcode`; effect's classifier reads `errno`/`code`.
const classify = (cause: unknown, operation: string): SqlError.SqlError => {
  const withErrno = typeof cause === "object" && cause !== null && "errcode" in cause
    ? Object.assign(Object.create(Object.getPrototypeOf(cause)), cause, {
      errno: (cause as { errcode: unknown }).errcode
    })
    : cause
  return new SqlError.SqlError({ reason: SqlError.classifySqliteError(withErrno, { operation }) })
}

/**
 * Builds the client on an open database.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (db: DatabaseSync): Effect.Effect<SqlClient.SqlClient> =>
  Effect.gen(function*() {
    const statements = new Map<string, StatementSync>()
    const prepare = (sql: string): StatementSync => {
      let statement = statements.get(sql)
      if (statement === undefined) {
        statement = db.prepare(sql)
        statements.set(sql, statement)
      }
      return statement
    }
    const run = (sql: string, params: ReadonlyArray<unknown>, prepared: boolean): ReadonlyArray<any> => {
      const statement = prepared ? prepare(sql) : db.prepare(sql)
      const values = params as Array<any>
      if (statement.columns().length > 0) return statement.all(...values)
      statement.run(...values)
      return []
    }
    const execute = (sql: string, params: ReadonlyArray<unknown>, prepared = true) =>
      Effect.try({ try: () => run(sql, params, prepared), catch: (cause) => classify(cause, "execute") })
    const values = (rows: ReadonlyArray<any>) => rows.map((row) => Object.values(row))
    const connection: SqlConnection.Connection = {
      execute: (sql, params, transformRows) =>
        Effect.map(execute(sql, params), (rows) => (transformRows ? transformRows(rows) : rows)),
      executeRaw: (sql, params) => execute(sql, params),
      executeStream: (sql, params, transformRows) =>
        Stream.fromIterableEffect(
          Effect.map(execute(sql, params), (rows) => (transformRows ? transformRows(rows) : rows))
        ),
      executeValues: (sql, params) => Effect.map(execute(sql, params), values),
      executeValuesUnprepared: (sql, params) => Effect.map(execute(sql, params, false), values),
      executeUnprepared: (sql, params, transformRows) =>
        Effect.map(execute(sql, params, false), (rows) => (transformRows ? transformRows(rows) : rows))
    }
    const semaphore = yield* Semaphore.make(1)
    const acquirers = SqlClient.makeSqliteAcquirers({
      connection: Effect.succeed(connection),
      semaphore,
      isTransaction: () => db.isTransaction
    })
    return yield* SqlClient.make({
      acquirer: acquirers.acquirer,
      borrower: acquirers.borrower,
      transactionAcquirer: acquirers.transactionAcquirer,
      compiler: Statement.makeCompilerSqlite(),
      driver: "node:sqlite",
      spanAttributes: [["db.system.name", "sqlite"]]
    }).pipe(Effect.provide(Reactivity.layer))
  })

/**
 * The Node.js version the store needs: `node:sqlite` without a flag came in 22.13, but the store also uses
 * `DatabaseSync#isOpen` (22.15), `DatabaseSync#isTransaction` and `StatementSync#columns()` (both 22.16; on the
 * odd 23 line `isTransaction` only came with 24.0).
 *
 * @category constants
 * @since 0.1.0
 */
export const requiredNode = "22.16"

/**
 * The running Node.js has no `node:sqlite`, or one older than the store needs ({@link requiredNode}). Nothing
 * was opened.
 *
 * @category errors
 * @since 0.1.0
 */
export class NodeSqliteUnavailable extends Schema.TaggedError<NodeSqliteUnavailable>()("NodeSqliteUnavailable", {
  required: Schema.String,
  running: Schema.String
}) implements Message.Localized {
  get code() {
    return "store.nodeSqliteUnavailable"
  }
  get params(): Message.MessageParams {
    return { required: this.required, running: this.running }
  }
  override get message() {
    return Message.renderWith(messages, this.code, this.params, "en")
  }
}

/**
 * The messages of this package in zh-CN and en (merge them into your catalogs with `Message.mergeCatalogs`).
 *
 * @category messages
 * @since 0.1.0
 */
export const messages: Message.Catalogs = {
  en: {
    "store.nodeSqliteUnavailable": (p) =>
      `The SQLite store needs node:sqlite from Node.js ≥ ${Message.show(p.required)} (the running version is ${
        Message.show(p.running)
      })`
  },
  "zh-CN": {
    "store.nodeSqliteUnavailable": (p) =>
      `SQLite 存储所需的 node:sqlite 要求 Node.js ≥ ${Message.show(p.required)}(当前运行的是 ${
        Message.show(p.running)
      })`
  }
}

/**
 * The constructor of `node:sqlite`'s `DatabaseSync`.
 *
 * @category models
 * @since 0.1.0
 */
export type DatabaseConstructor = typeof DatabaseSync

/**
 * Looks a built-in module up by id, as `process.getBuiltinModule` does (`undefined` when there is none).
 *
 * @category models
 * @since 0.1.0
 */
export type BuiltinLookup = (id: string) => unknown

/**
 * Finds `DatabaseSync` through `lookup` and checks that it has what the store uses, on a private in-memory
 * database. Fails with {@link NodeSqliteUnavailable} naming `running` when there is no lookup (Node < 20.16 or
 * 22.3 has no `process.getBuiltinModule`), no `node:sqlite`, or one too old. Never throws.
 *
 * @category constructors
 * @since 0.1.0
 */
export const resolveDriver = (
  lookup: BuiltinLookup | undefined,
  running: string
): Result.Result<DatabaseConstructor, NodeSqliteUnavailable> => {
  const unavailable = Result.fail(new NodeSqliteUnavailable({ required: requiredNode, running }))
  if (typeof lookup !== "function") return unavailable
  try {
    const Database = (lookup("node:sqlite") as { readonly DatabaseSync?: unknown } | undefined)?.DatabaseSync
    if (typeof Database !== "function") return unavailable
    // A 22.13–22.15 node:sqlite loads and opens fine; then the migrations fail on the missing `columns()`, a failed
    // append (no `isTransaction`) is never rolled back and the file never closed (no `isOpen`). Probing one
    // in-memory database once turns all of that into this error.
    const probe = new (Database as DatabaseConstructor)(":memory:")
    try {
      const complete = typeof probe.isOpen === "boolean" && typeof probe.isTransaction === "boolean"
        && typeof probe.prepare("SELECT 1").columns === "function"
      return complete ? Result.succeed(Database as DatabaseConstructor) : unavailable
    } finally {
      probe.close()
    }
  } catch {
    return unavailable
  }
}

const processLookup = (): BuiltinLookup | undefined => {
  const proc = (globalThis as { readonly process?: { readonly getBuiltinModule?: BuiltinLookup } }).process
  const getBuiltinModule = proc?.getBuiltinModule
  return typeof getBuiltinModule === "function" ? (id) => getBuiltinModule.call(proc, id) : undefined
}

const runningVersion = (): string => {
  const version = (globalThis as { readonly process?: { readonly version?: unknown } }).process?.version
  return typeof version === "string" ? version : "unknown"
}

// The Node cannot change under a running process, so the first answer, success or failure, is the answer.
let driver: Result.Result<DatabaseConstructor, NodeSqliteUnavailable> | undefined

/**
 * `DatabaseSync` from the running Node's `node:sqlite`, loaded on first use and cached; fails with
 * {@link NodeSqliteUnavailable} on a Node without a usable one.
 *
 * @category constructors
 * @since 0.1.0
 */
export const loadDriver: Effect.Effect<DatabaseConstructor, NodeSqliteUnavailable> = Effect.suspend(() => {
  driver ??= resolveDriver(processLookup(), runningVersion())
  return Effect.fromResult(driver)
})
