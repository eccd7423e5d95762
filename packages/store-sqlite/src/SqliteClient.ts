/**
 * An `effect/sql` client over Node's built-in `node:sqlite` (no native build). `@effect/sql-sqlite-node` does
 * not work with effect 4.1, so this adapter builds the client from effect/sql's own parts: one connection
 * shared through a semaphore, the SQLite statement compiler, and driver errors classified into `SqlError`.
 * The store uses it for migrations; its hot paths run prepared statements on the same connection.
 *
 * @since 0.1.0
 */
import { Effect, Semaphore, Stream } from "effect"
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
