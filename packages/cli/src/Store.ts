/**
 * The `--store` option: `sqlite:<file>` (the embedded default, `sqlite:./dangjian.db`) or a PostgreSQL URL
 * `postgres://…` (the password stays `Redacted`: it never reaches a log or an error).
 *
 * @since 0.1.0
 */
import { Dangjian } from "@dangjian/core"
import { PostgresStore } from "@dangjian/store-postgres"
import { SqliteStore } from "@dangjian/store-sqlite"
import type { Layer } from "effect"
import { Redacted, Result } from "effect"

/**
 * @category models
 * @since 0.1.0
 */
export type StoreSpec =
  | { readonly kind: "sqlite"; readonly filename: string }
  | { readonly kind: "postgres"; readonly url: Redacted.Redacted<string> }

/**
 * The default store: `./dangjian.db`.
 *
 * @category constants
 * @since 0.1.0
 */
export const defaultSpec = "sqlite:./dangjian.db"

/**
 * Parses a `--store` value.
 *
 * @category parsing
 * @since 0.1.0
 */
export const parse = (spec: string): Result.Result<StoreSpec, string> => {
  if (spec.startsWith("sqlite:")) {
    const filename = spec.slice("sqlite:".length)
    return filename.length === 0 ? Result.fail(spec) : Result.succeed({ kind: "sqlite", filename })
  }
  if (spec.startsWith("postgres://") || spec.startsWith("postgresql://")) {
    return Result.succeed({ kind: "postgres", url: Redacted.make(spec) })
  }
  return Result.fail(spec.replace(/:\/\/[^@]*@/, "://***@"))
}

/**
 * What to show of a store in messages (no password).
 *
 * @category rendering
 * @since 0.1.0
 */
export const describe = (spec: StoreSpec): string =>
  spec.kind === "sqlite" ? `sqlite:${spec.filename}` : Redacted.value(spec.url).replace(/:\/\/[^@]*@/, "://***@")

/**
 * The layer of a store, with the library's codec.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (spec: StoreSpec): Layer.Layer<SqliteStore.Services, unknown> =>
  spec.kind === "sqlite"
    ? SqliteStore.layer({ filename: spec.filename, codec: Dangjian.codec })
    : PostgresStore.layer({ url: spec.url, codec: Dangjian.codec, maxConnections: 4 })
