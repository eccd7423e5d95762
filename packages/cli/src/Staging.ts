/**
 * All-or-nothing writes for the CLI: commands are decided by the library's rules on a unit of work over the
 * store (`UnitOfWork` of `@dangjian/core/kernel`), which reads each stream it needs from the store once and
 * buffers what the commands append; then everything is written in ONE atomic append, each stream at the
 * version the unit first saw. A concurrent change to any stream the commands read or wrote fails the append
 * (`StoreChanged`) and writes nothing. Only the streams the commands touch are held in memory, never the
 * store's log. Used by `import`, `roster sync`, `exec --atomic` and `demo`.
 *
 * @since 0.1.0
 */
import { Compliance, Dangjian, FindingsIndex } from "@dangjian/core"
import type { AppendError, EventStore as EventStoreModule, ReadError } from "@dangjian/core/kernel"
import { EventStore, ReadModel, UnitOfWork } from "@dangjian/core/kernel"
import { Effect, Result } from "effect"

/**
 * A staging area: a unit of work over the store, checking every event with the library's codec.
 *
 * @category models
 * @since 0.1.0
 */
export type Staging = UnitOfWork.UnitOfWork

/**
 * The store changed between staging and writing; nothing was written.
 *
 * @category errors
 * @since 0.1.0
 */
export interface StoreChanged {
  readonly _tag: "StoreChanged"
}

const storeChanged: StoreChanged = { _tag: "StoreChanged" }

/**
 * A staging area over the store in context. Nothing is read until a command needs it.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make: Effect.Effect<Staging, never, EventStoreModule.EventStore> = Effect.flatMap(
  EventStore.EventStore,
  (store) => UnitOfWork.make(store, { codec: Dangjian.codec })
)

/**
 * Decides one command on the staging area.
 *
 * @category executing
 * @since 0.1.0
 */
export const execute = (
  staging: Staging,
  command: Dangjian.Command,
  options?: Dangjian.ExecuteOptions
): Effect.Effect<Dangjian.Executed, Dangjian.ExecuteError> =>
  Dangjian.execute(command, options).pipe(UnitOfWork.provide(staging))

/**
 * Runs an effect that needs an `EventStore` on the staging area.
 *
 * @category executing
 * @since 0.2.0
 */
export const onStaging = (staging: Staging) => UnitOfWork.provide(staging)

/**
 * Whether a stream the staging area read holds an event written after global position `position` (the
 * position the caller's view of the store was read up to): the store changed under a plan made from that view.
 *
 * @category executing
 * @since 0.3.0
 */
export const changedAfter = (staging: Staging, position: number): Effect.Effect<boolean> =>
  Effect.map(staging.pending, (pending) => pending.newestRead > position)

/**
 * Writes everything staged in one atomic append; returns the number of events written. A concurrent change to
 * a stream the staged commands read or wrote is `StoreChanged`, and nothing is written.
 *
 * @category executing
 * @since 0.1.0
 */
export const commit = (staging: Staging): Effect.Effect<number, StoreChanged | AppendError> =>
  Effect.flatMap(Effect.result(UnitOfWork.commit(staging)), (committed): Effect.Effect<
    number,
    StoreChanged | AppendError
  > =>
    Result.isSuccess(committed)
      ? Effect.succeed(committed.success.positions.length)
      : committed.failure._tag === "VersionConflict"
      ? Effect.fail(storeChanged)
      : Effect.fail(committed.failure))

/**
 * Runs `use` on a staging area whose events are written into ONE store transaction in parts as they grow
 * (`UnitOfWork.transactInChunks`): all or nothing, in memory that stays flat however large the roster. The
 * transaction commits when `use` succeeds (nothing is written otherwise: `use`'s failure, or `StoreChanged`
 * when a stream it read or wrote changed meanwhile); then the library's read models are caught up (the CLI's
 * stores keep them inline, in the transaction itself: this finds them current, and serves a store without).
 * Returns `use`'s value and the number of events written.
 *
 * @category executing
 * @since 0.3.0
 */
export const transact = <A, E, R>(
  use: (staging: Staging) => Effect.Effect<A, E, R>
): Effect.Effect<
  { readonly value: A; readonly events: number },
  E | StoreChanged | AppendError | ReadError,
  EventStoreModule.EventStore | ReadModel.ReadModelStore | Exclude<R, EventStoreModule.EventStore>
> =>
  UnitOfWork.transactInChunks(use, { codec: Dangjian.codec }).pipe(
    Effect.mapError((error) =>
      (error as { readonly _tag?: unknown } | undefined)?._tag === "VersionConflict" ? storeChanged : error
    ),
    Effect.tap(() => catchUpReadSide),
    Effect.map(({ value, written }) => ({ value, events: written.events }))
  )

/**
 * {@link commit}, then the library's read models caught up to what was written (the CLI's writers keep them
 * current, so `report` and `tree` read no event of the log). A failed catch-up loses nothing: the events are
 * committed, and the next writer, `dangjian replay` or the next query takes the read models the rest of the way.
 *
 * @category executing
 * @since 0.3.0
 */
export const commitAndCatchUp = (
  staging: Staging
): Effect.Effect<
  number,
  StoreChanged | AppendError | ReadError,
  EventStoreModule.EventStore | ReadModel.ReadModelStore
> => Effect.tap(commit(staging), () => catchUpReadSide)

/** The read models, then the findings index of the CLI's policies, caught up to the log's head. */
const catchUpReadSide = Effect.andThen(Compliance.catchUp(), FindingsIndex.catchUp(Dangjian.defaultPolicies))
