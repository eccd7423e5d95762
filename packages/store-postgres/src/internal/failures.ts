/**
 * Turns driver failures into the kernel's typed errors. The reason names the failure class and the SQLSTATE
 * only: never the server's message, which may quote stored values.
 */
import { StoreUnavailable } from "@dangjian/core/store"
import type { SqlError } from "effect/sql/SqlError"

/** The SQLSTATE of a failure, when the server sent one. */
export const sqlState = (error: SqlError): string | undefined => {
  const cause = (error.reason as { readonly cause?: unknown }).cause
  const code = typeof cause === "object" && cause !== null ? (cause as { readonly code?: unknown }).code : undefined
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined
}

/** A short, data-free description of a driver failure. */
export const describe = (error: SqlError): string => {
  const state = sqlState(error)
  return state === undefined ? error.reason._tag : `${error.reason._tag} (SQLSTATE ${state})`
}

/** Maps a driver failure to {@link StoreUnavailable}. */
export const unavailable = (operation: string) => (error: SqlError): StoreUnavailable =>
  new StoreUnavailable({ operation, reason: describe(error) })

/** Failures after which the same append may simply run again: nothing was written. */
export const isTransient = (error: SqlError): boolean =>
  error.reason._tag === "DeadlockError" || error.reason._tag === "SerializationError"
