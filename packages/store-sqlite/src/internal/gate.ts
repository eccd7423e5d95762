/**
 * One database's gate: an `atomically` transaction holds the connection across many Effect steps, and every
 * other operation of the stores on that connection waits for it (SQLite has one transaction per connection: an
 * operation that ran meanwhile would read what is not committed, or fail to begin its own transaction).
 * Operations take the gate's one permit for their (synchronous) duration; the transaction holds it throughout,
 * and its own operations run without it. An operation of the gated stores called from inside the transaction
 * (on the fiber that holds the gate) would wait for itself forever: it fails at once instead.
 *
 * @internal
 */
import { StoreUnavailable } from "@dangjian/core/store"
import { Context, Effect, Semaphore } from "effect"
import type { DatabaseSync } from "node:sqlite"

const gates = new WeakMap<DatabaseSync, Semaphore.Semaphore>()

/** The gate of a database: one per connection, whichever store asks first makes it. */
export const gateOf = (db: DatabaseSync): Semaphore.Semaphore => {
  let gate = gates.get(db)
  if (gate === undefined) {
    gate = Semaphore.makeUnsafe(1)
    gates.set(db, gate)
  }
  return gate
}

/** The gates the current fiber holds through `atomically` (inherited by the fibers it forks). */
export const Holding = Context.Reference<ReadonlyArray<Semaphore.Semaphore>>("@dangjian/store-sqlite/Holding", {
  defaultValue: () => []
})

/** Runs `effect` holding `gate`, marked as held for the operations it calls. */
export const holding = <A, E, R>(gate: Semaphore.Semaphore, effect: Effect.Effect<A, E, R>) =>
  Effect.flatMap(Holding, (held) => Effect.provideService(effect, Holding, [...held, gate]))

/** `effect` behind the gate; failing at once when the calling fiber holds the gate itself. */
export const through =
  (gate: Semaphore.Semaphore, operation: string) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E | StoreUnavailable, R> =>
    Effect.flatMap(Holding, (held): Effect.Effect<A, E | StoreUnavailable, R> =>
      held.includes(gate)
        ? Effect.fail(
          new StoreUnavailable({
            operation,
            reason: "called inside atomically on the same database: use the store the transaction gives"
          })
        )
        : Semaphore.withPermit(gate, effect))

/** Every Effect-valued member of a store's shape, and every member returning an Effect, behind the gate. */
export const behind = <S extends object>(gate: Semaphore.Semaphore, shape: S): S => {
  const out: Record<string, unknown> = {}
  for (const [name, member] of Object.entries(shape)) {
    out[name] = Effect.isEffect(member)
      ? through(gate, name)(member)
      : typeof member === "function"
      ? (...args: Array<unknown>) => {
        const result = (member as (...a: Array<unknown>) => unknown)(...args)
        return Effect.isEffect(result) ? through(gate, name)(result) : result
      }
      : member
  }
  return out as S
}
