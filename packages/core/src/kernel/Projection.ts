/**
 * Projections: pure folds over the global log with a name and a version, and a runner that keeps a
 * checkpoint. The read model and its checkpoint are saved together in one call of the
 * {@link ProjectionStore}, which SQL stores run as one transaction: a crash can never count an event twice.
 * Rebuilding is a new version replayed from zero; the old version stays readable until it is dropped.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer, Option, Stream } from "effect"
import type { Schema } from "effect"
import type { EnvelopeField, PartialEnvelope } from "./Envelope.ts"
import type { ReadError, StoreUnavailable } from "./errors.ts"
import type { ReadAllOptions } from "./EventStore.ts"
import { defaultBatchSize, EventStore } from "./EventStore.ts"

/**
 * A projection: `apply` folds an envelope into the read model. It must be pure and total: events it does
 * not care about return the state unchanged.
 *
 * `F` is the envelope fields `apply` reads, named in `fields` (default: all of them). The runners then ask
 * the store for those fields only, and `apply` is typed to see only them and `globalPosition`.
 *
 * @category models
 * @since 0.1.0
 */
export interface Projection<S, F extends EnvelopeField = EnvelopeField> {
  readonly name: string
  readonly version: number
  readonly initialState: S
  /**
   * Optional: the envelope fields `apply` reads, e.g. `["type", "data"]`. A store may then skip the others
   * (the SQL stores skip the event id and the metadata when neither is named).
   */
  readonly fields?: ReadonlyArray<F>
  readonly apply: (state: S, event: PartialEnvelope<F>) => S
  /**
   * Optional: folds a whole batch at once, with the same result as `apply` event by event. A read model kept
   * as immutable records can then copy what it changes once per batch instead of once per event (a record
   * of n members copied per event makes a replay quadratic).
   */
  readonly applyBatch?: (state: S, events: ReadonlyArray<PartialEnvelope<F>>) => S
  /** Lets persistent projection stores encode the read model as JSON. */
  readonly stateSchema?: Schema.Codec<S, any>
}

/**
 * Defines a projection. `F` is inferred from `fields`; with `S` given explicitly give `F` too
 * (`make<State, "type" | "data">`): naming fields while `F` stays at its default (every field) does not compile,
 * because `apply` would then be typed to read fields the store may leave out.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = <S, const F extends EnvelopeField = EnvelopeField>(
  projection: Projection<S, F> & ([EnvelopeField] extends [F] ? { readonly fields?: undefined } : unknown)
): Projection<S, F> => projection

/**
 * A read model with the global position it reflects.
 *
 * @category models
 * @since 0.1.0
 */
export interface Checkpointed<S> {
  readonly position: number
  readonly state: S
}

/**
 * @category models
 * @since 0.1.0
 */
export interface ProjectionStoreShape {
  readonly load: <S>(projection: Projection<S>) => Effect.Effect<Option.Option<Checkpointed<S>>, StoreUnavailable>
  /** Saves the read model and its checkpoint atomically. */
  readonly save: <S>(projection: Projection<S>, checkpoint: Checkpointed<S>) => Effect.Effect<void, StoreUnavailable>
}

/**
 * Where read models and their checkpoints are kept, keyed by projection name and version.
 *
 * @category services
 * @since 0.1.0
 */
export class ProjectionStore extends Context.Service<ProjectionStore, ProjectionStoreShape>()(
  "@dangjian/core/ProjectionStore"
) {}

/**
 * An in-memory projection store.
 *
 * @category constructors
 * @since 0.1.0
 */
export const makeMemoryStore: Effect.Effect<ProjectionStoreShape> = Effect.sync(() => {
  const saved = new Map<string, Checkpointed<unknown>>()
  const keyOf = (p: Projection<unknown>) => `${p.name}@${p.version}`
  return {
    load: <S>(projection: Projection<S>) =>
      Effect.sync(() => Option.fromNullishOr(saved.get(keyOf(projection as Projection<unknown>)) as Checkpointed<S>)),
    save: <S>(projection: Projection<S>, checkpoint: Checkpointed<S>) =>
      Effect.sync(() => {
        saved.set(keyOf(projection as Projection<unknown>), checkpoint)
      })
  }
})

/**
 * @category layers
 * @since 0.1.0
 */
export const layerMemoryStore: Layer.Layer<ProjectionStore> = Layer.effect(ProjectionStore, makeMemoryStore)

/**
 * Folds envelopes into a read model.
 *
 * @category folding
 * @since 0.1.0
 */
export const foldEnvelopes = <S, F extends EnvelopeField>(
  projection: Projection<S, F>,
  state: S,
  events: Iterable<PartialEnvelope<F>>
): S => {
  if (projection.applyBatch !== undefined) {
    return projection.applyBatch(state, Array.isArray(events) ? events : [...events])
  }
  let next = state
  for (const event of events) next = projection.apply(next, event)
  return next
}

const readOptions = <S, F extends EnvelopeField>(
  projection: Projection<S, F>,
  after: number,
  limit: number
): ReadAllOptions<F> => projection.fields === undefined ? { after, limit } : { after, limit, fields: projection.fields }

/**
 * Replays the whole log from zero into the read model, without touching any checkpoint.
 *
 * @category running
 * @since 0.1.0
 */
export const replay = <S, F extends EnvelopeField>(
  projection: Projection<S, F>,
  options?: { readonly batchSize?: number; readonly onProgress?: (position: number) => Effect.Effect<void> }
): Effect.Effect<Checkpointed<S>, ReadError, EventStore> =>
  Effect.gen(function*() {
    const store = yield* EventStore
    const limit = options?.batchSize ?? defaultBatchSize
    let state = projection.initialState
    let position = 0
    while (true) {
      const batch = yield* store.readAll(readOptions(projection, position, limit))
      if (batch.length === 0) break
      state = foldEnvelopes(projection, state, batch)
      position = batch[batch.length - 1]!.globalPosition
      if (options?.onProgress !== undefined) yield* options.onProgress(position)
      if (batch.length < limit) break
    }
    return { position, state }
  })

/**
 * Brings a persisted projection up to the store's head: loads its checkpoint, reads the log after it in
 * batches and saves the read model with the new checkpoint after each batch.
 *
 * @category running
 * @since 0.1.0
 */
export const catchUp = <S, F extends EnvelopeField>(
  projection: Projection<S, F>,
  options?: { readonly batchSize?: number }
): Effect.Effect<Checkpointed<S>, ReadError, EventStore | ProjectionStore> =>
  Effect.gen(function*() {
    const store = yield* EventStore
    const projections = yield* ProjectionStore
    const limit = options?.batchSize ?? defaultBatchSize
    const loaded = yield* projections.load(projection)
    let checkpoint: Checkpointed<S> = Option.isSome(loaded)
      ? loaded.value
      : { position: 0, state: projection.initialState }
    while (true) {
      const batch = yield* store.readAll(readOptions(projection, checkpoint.position, limit))
      if (batch.length === 0) break
      checkpoint = {
        position: batch[batch.length - 1]!.globalPosition,
        state: foldEnvelopes(projection, checkpoint.state, batch)
      }
      yield* projections.save(projection, checkpoint)
      if (batch.length < limit) break
    }
    return checkpoint
  }).pipe(Effect.withSpan("dangjian.projection.catchUp", { attributes: { "dangjian.projection": projection.name } }))

/**
 * Runs a persisted projection live: catches up from its checkpoint, then follows the subscription, saving
 * the read model and checkpoint after each delivered chunk. The stream emits each saved checkpoint; it ends
 * only when interrupted or on an error.
 *
 * @category running
 * @since 0.1.0
 */
export const run = <S, F extends EnvelopeField>(
  projection: Projection<S, F>,
  options?: { readonly batchSize?: number }
): Stream.Stream<Checkpointed<S>, ReadError, EventStore | ProjectionStore> =>
  Stream.unwrap(
    Effect.gen(function*() {
      const store = yield* EventStore
      const projections = yield* ProjectionStore
      const loaded = yield* projections.load(projection)
      let checkpoint: Checkpointed<S> = Option.isSome(loaded)
        ? loaded.value
        : { position: 0, state: projection.initialState }
      const subscription = store.subscribe<F>({
        after: checkpoint.position,
        ...(options?.batchSize === undefined ? {} : { batchSize: options.batchSize }),
        ...(projection.fields === undefined ? {} : { fields: projection.fields })
      })
      return subscription.pipe(
        Stream.chunks,
        Stream.mapEffect((events) => {
          checkpoint = {
            position: events[events.length - 1]!.globalPosition,
            state: foldEnvelopes(projection, checkpoint.state, events)
          }
          const saved = checkpoint
          return Effect.as(projections.save(projection, saved), saved)
        })
      )
    })
  )

/**
 * Rebuilds a projection from zero under its (new) version and saves the result with its checkpoint.
 *
 * @category running
 * @since 0.1.0
 */
export const rebuild = <S, F extends EnvelopeField>(
  projection: Projection<S, F>,
  options?: { readonly batchSize?: number; readonly onProgress?: (position: number) => Effect.Effect<void> }
): Effect.Effect<Checkpointed<S>, ReadError, EventStore | ProjectionStore> =>
  Effect.gen(function*() {
    const projections = yield* ProjectionStore
    const rebuilt = yield* replay(projection, options)
    yield* projections.save(projection, rebuilt)
    return rebuilt
  })
