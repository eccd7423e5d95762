/**
 * Snapshots as an optional access strategy: the command handler loads the latest snapshot of a stream's
 * state and reads only the events after it, and saves a new snapshot every `every` events. A snapshot is a
 * cache: losing one, or failing to read or save it, never changes a decision, only the cost of loading.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer, Option } from "effect"
import type { Schema } from "effect"
import type { StreamId } from "./Envelope.ts"
import type { StoreUnavailable } from "./errors.ts"

/**
 * A stored snapshot: the state after `version` events of the stream.
 *
 * @category models
 * @since 0.1.0
 */
export interface Snapshot<S = unknown> {
  readonly version: number
  readonly state: S
}

/**
 * How to load a stream: whole (`"full"`), or from a snapshot taken every `every` events. `key` names the
 * fold (change it when `evolve` changes, so that stale snapshots are ignored); `schema` lets persistent
 * snapshot stores encode the state.
 *
 * @category models
 * @since 0.1.0
 */
export type AccessStrategy<S = any> =
  | { readonly _tag: "Full" }
  | {
    readonly _tag: "SnapshotEvery"
    readonly every: number
    readonly key: string
    readonly schema?: Schema.Codec<S, any>
  }

/**
 * Read the whole stream every time (the default).
 *
 * @category constructors
 * @since 0.1.0
 */
export const full: AccessStrategy = { _tag: "Full" }

/**
 * Snapshot every `every` events under `key`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const snapshotEvery = <S>(
  every: number,
  key: string,
  schema?: Schema.Codec<S, any>
): AccessStrategy<S> => ({
  _tag: "SnapshotEvery",
  every: Math.max(1, Math.floor(every)),
  key,
  ...(schema === undefined ? {} : { schema })
})

/**
 * @category models
 * @since 0.1.0
 */
export interface SnapshotStoreShape {
  readonly load: (
    streamId: StreamId,
    strategy: AccessStrategy & { readonly _tag: "SnapshotEvery" }
  ) => Effect.Effect<Option.Option<Snapshot>, StoreUnavailable>
  readonly save: (
    streamId: StreamId,
    strategy: AccessStrategy & { readonly _tag: "SnapshotEvery" },
    snapshot: Snapshot
  ) => Effect.Effect<void, StoreUnavailable>
}

/**
 * Where snapshots are kept.
 *
 * @category services
 * @since 0.1.0
 */
export class SnapshotStore extends Context.Service<SnapshotStore, SnapshotStoreShape>()(
  "@dangjian/core/SnapshotStore"
) {}

/**
 * An in-memory snapshot store; keeps the newest snapshot per stream and key.
 *
 * @category constructors
 * @since 0.1.0
 */
export const makeMemory: Effect.Effect<SnapshotStoreShape> = Effect.sync(() => {
  const snapshots = new Map<string, Snapshot>()
  const keyOf = (streamId: StreamId, key: string) => `${key}\u0000${streamId}`
  return {
    load: (streamId, strategy) => Effect.sync(() => Option.fromNullishOr(snapshots.get(keyOf(streamId, strategy.key)))),
    save: (streamId, strategy, snapshot) =>
      Effect.sync(() => {
        const key = keyOf(streamId, strategy.key)
        const current = snapshots.get(key)
        if (current === undefined || current.version < snapshot.version) snapshots.set(key, snapshot)
      })
  }
})

/**
 * @category layers
 * @since 0.1.0
 */
export const layerMemory: Layer.Layer<SnapshotStore> = Layer.effect(SnapshotStore, makeMemory)
