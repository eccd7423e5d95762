/**
 * Command handling, written once: {@link run} is the only command loop. It finds the streams a command needs
 * (following what the states it loads name, and keeping every state it loads), loads the missing ones
 * concurrently (optionally from snapshots), decides, appends once to every stream it read, each with its
 * exact expected version, and on a {@link VersionConflict} starts again after a jittered exponential backoff,
 * as the caller's retry policy allows. {@link handle} (one stream) and {@link handleMany} (fixed streams) are
 * that loop with a fixed route.
 *
 * Metrics (Effect `Metric`, stable names, attribute `command` = the command's tag): `dangjian.command.handled`
 * (counter, attribute `outcome` = `ok` | `rejected` | `failed`), `dangjian.command.conflicts` (counter, each
 * version conflict met), `dangjian.command.retries` (counter, each attempt after the first),
 * `dangjian.command.ms` (histogram, whole handling time with retries), `dangjian.append.events` (counter, events
 * appended) and `dangjian.append.ms` (histogram, time in the store's append). Spans: `dangjian.command` and,
 * inside it, `dangjian.append`.
 *
 * @since 0.1.0
 */
import { Clock, Context, Duration, Effect, Metric, Option, Random, Result, Schedule } from "effect"
import type { Decider, Fold, MultiDecider, Route, StreamEvents, StreamStates, TaggedEvent } from "./Decider.ts"
import type { Envelope, EventMetadata, NewEvent, StreamId } from "./Envelope.ts"
import type { AppendError, ReadError } from "./errors.ts"
import type { AppendToStream, EventStoreShape, FoldedStream, StoredPosition } from "./EventStore.ts"
import { EventStore, fold as foldStream } from "./EventStore.ts"
import type { AccessStrategy } from "./Snapshot.ts"
import { SnapshotStore } from "./Snapshot.ts"
import * as Uuid from "./Uuid.ts"

/**
 * What a command brings besides its data: its legal date and tracing ids. `recordedAt` is taken from the
 * `Clock` when the events are appended.
 *
 * @category models
 * @since 0.1.0
 */
export interface CommandContext {
  /** When the command legally takes effect (ISO date or date-time). */
  readonly occurredAt: string
  readonly actor?: string
  readonly commandId?: string
  readonly causationId?: string
  readonly correlationId?: string
}

/**
 * How often, and after how long, a command is tried again after a {@link VersionConflict}: up to `retries`
 * more times, waiting before try n a random time between 0 and `min(capMillis, baseMillis × 2^n)` ("full
 * jitter"), so that writers who collided spread out instead of colliding again. Plain data, so callers without
 * Effect can set it.
 *
 * @category models
 * @since 0.2.0
 */
export interface RetryPolicy {
  readonly retries: number
  readonly baseMillis: number
  readonly capMillis: number
}

/**
 * The default retry policy: 12 retries, from 5 ms doubling up to 250 ms. Eight writers contending for one
 * organization all get through with it (the contention test of every store).
 *
 * @category constants
 * @since 0.2.0
 */
export const defaultRetryPolicy: RetryPolicy = { retries: 12, baseMillis: 5, capMillis: 250 }

/**
 * A retry policy as a `Schedule` for {@link HandleOptions.retry}.
 *
 * @category constructors
 * @since 0.2.0
 */
export const backoff = (policy: RetryPolicy): Schedule.Schedule<unknown, unknown> =>
  Schedule.max([
    Schedule.exponential(Duration.millis(policy.baseMillis)).pipe(
      Schedule.modifyDelay(({ duration }) =>
        Effect.map(Random.next, (r) => Duration.millis(r * Math.min(policy.capMillis, Duration.toMillis(duration))))
      )
    ),
    Schedule.recurs(policy.retries)
  ])

/**
 * The retry schedule used when a call names none: {@link backoff} of {@link defaultRetryPolicy}. Provide
 * another value (`Effect.provideService(CommandHandler.CommandRetry, schedule)`, or `Layer.succeed`) to change
 * it for every command of a program.
 *
 * @category services
 * @since 0.2.0
 */
export const CommandRetry = Context.Reference<Schedule.Schedule<unknown, unknown>>("@dangjian/core/CommandRetry", {
  defaultValue: () => backoff(defaultRetryPolicy)
})

/**
 * A retry as a schedule or as plain data.
 *
 * @category models
 * @since 0.2.0
 */
export type Retry = Schedule.Schedule<unknown, unknown> | RetryPolicy

const scheduleOf = (retry: Retry): Schedule.Schedule<unknown, unknown> =>
  Schedule.isSchedule(retry) ? retry : backoff(retry)

/**
 * @category models
 * @since 0.1.0
 */
export interface HandleOptions {
  readonly context: CommandContext
  /** Retries after a version conflict (default: {@link CommandRetry}). */
  readonly retry?: Retry
  /** How to load a stream (default: whole). */
  readonly access?: AccessStrategy
}

/**
 * The outcome of a handled command: the state and version after it, and the events it appended (empty when
 * the decision was "nothing to do").
 *
 * @category models
 * @since 0.1.0
 */
export interface Handled<State, Event> {
  readonly state: State
  readonly version: number
  readonly events: ReadonlyArray<Envelope<Event>>
}

const isConflict = (error: unknown): boolean =>
  typeof error === "object" && error !== null && (error as { _tag?: unknown })._tag === "VersionConflict"

/**
 * Builds the stored events of a decision with fresh UUIDv7 ids and the command's metadata.
 *
 * @category constructors
 * @since 0.1.0
 */
export const toNewEvents = <Event extends TaggedEvent>(
  events: ReadonlyArray<Event>,
  context: CommandContext
): Effect.Effect<ReadonlyArray<NewEvent<Event>>> =>
  events.length === 0 ? Effect.succeed([]) : Effect.clockWith((clock) =>
    Effect.sync(() => {
      // One clock read for the ids and `recordedAt`: the ids carry the millisecond the events are recorded at.
      const millis = clock.currentTimeMillisUnsafe()
      const ids = Uuid.v7ManyAt(events.length, millis)
      const metadata = metadataAt(context, millis)
      return events.map((data, i) => ({ eventId: ids[i]!, type: data._tag, data, metadata }))
    })
  )

// Commands decided in a loop mostly share their millisecond: its ISO form is made once.
let isoMillis = Number.NaN
let isoString = ""
const metadataAt = (context: CommandContext, millis: number): EventMetadata => {
  if (millis !== isoMillis) {
    isoString = new Date(millis).toISOString()
    isoMillis = millis
  }
  return { ...context, recordedAt: isoString }
}

const loadWith = <Event extends TaggedEvent, State>(
  store: EventStoreShape,
  fold: Fold<Event, State>,
  streamId: StreamId,
  access: AccessStrategy | undefined
): Effect.Effect<FoldedStream<State>, ReadError> => {
  const evolve = fold.evolve as (state: State, data: unknown) => State
  // Without snapshots a load is one fold in the store: no generator, which is most of the cost of a short stream.
  if (access === undefined || access._tag !== "SnapshotEvery") {
    return foldStream(store, streamId, fold.initialState, evolve)
  }
  return Effect.gen(function*() {
    let state = fold.initialState
    let after = 0
    const snapshots = yield* Effect.serviceOption(SnapshotStore)
    if (Option.isSome(snapshots)) {
      const snapshot = yield* snapshots.value.load(streamId, access).pipe(
        Effect.orElseSucceed(() => Option.none())
      )
      if (Option.isSome(snapshot)) {
        state = snapshot.value.state as State
        after = snapshot.value.version
      }
    }
    return yield* foldStream(store, streamId, state, evolve, { after })
  })
}

const saveSnapshot = (
  streamId: StreamId,
  access: AccessStrategy | undefined,
  before: number,
  after: number,
  state: unknown
): Effect.Effect<void> => {
  if (access === undefined || access._tag !== "SnapshotEvery") return Effect.void
  if (Math.floor(after / access.every) === Math.floor(before / access.every)) return Effect.void
  return Effect.serviceOption(SnapshotStore).pipe(
    Effect.flatMap((snapshots) =>
      Option.isSome(snapshots) ? snapshots.value.save(streamId, access, { version: after, state }) : Effect.void
    ),
    // A snapshot is a cache: failing to save one never fails the command.
    Effect.ignore
  )
}

/**
 * Loads a stream's state with a fold (whole, or from a snapshot).
 *
 * @category loading
 * @since 0.1.0
 */
export const load = <Event extends TaggedEvent, State>(
  fold: Fold<Event, State>,
  streamId: StreamId,
  access?: AccessStrategy
): Effect.Effect<FoldedStream<State>, ReadError, EventStore> =>
  EventStore.use((store) => loadWith(store, fold, streamId, access))

/**
 * What {@link run} did: the streams it appended to with their new versions, the events it appended in log
 * order (both empty when the decision was "nothing to do"; streams read but not written are never listed),
 * and the state and version of every stream it read, after the command.
 *
 * @category models
 * @since 0.2.0
 */
export interface Ran {
  readonly streams: ReadonlyArray<{ readonly streamId: StreamId; readonly version: number }>
  readonly events: ReadonlyArray<Envelope<TaggedEvent>>
  readonly states: ReadonlyMap<StreamId, FoldedStream<unknown>>
}

// No route of the library needs more than three rounds (a command, the streams it names, the streams their
// states name). A route that still names new streams after this many is decided with what it has: every stream
// it read still takes part in the append with its expected version, so the decision stays atomic.
const maxRounds = 16

/**
 * The states a route needs for a command, found from a lookup that never fails (a pure world, a test):
 * {@link run}'s discovery without a store.
 *
 * @category handling
 * @since 0.2.0
 */
export const discover = <Command extends TaggedEvent, Env, Err>(
  route: Route<Command, Env, Err>,
  command: Command,
  stateOf: (streamId: StreamId) => unknown
): StreamStates => {
  const states = new Map<StreamId, unknown>()
  for (let round = 0; round < maxRounds; round++) {
    const missing = route.streams(command, states).filter((id) => !states.has(id))
    if (missing.length === 0) break
    for (const id of missing) states.set(id, stateOf(id))
  }
  return states
}

const appendedEnvelopes = (
  positions: ReadonlyArray<StoredPosition>,
  stored: ReadonlyMap<StreamId, ReadonlyArray<NewEvent<TaggedEvent>>>
): ReadonlyArray<Envelope<TaggedEvent>> => {
  const next = new Map<StreamId, number>()
  return positions.map((p) => {
    const i = next.get(p.streamId) ?? 0
    next.set(p.streamId, i + 1)
    const event = stored.get(p.streamId)![i]!
    return { ...p, type: event.type, data: event.data, metadata: event.metadata }
  })
}

/**
 * Runs a command through its route: the one command loop of the library.
 *
 * 1. Discovery: ask the route which streams the command needs, load the missing ones concurrently (from a
 *    snapshot when `access` says so), and ask again with every state loaded so far, until it names no new
 *    stream. Every stream is read once per attempt.
 * 2. Decide over every loaded state (pure).
 * 3. Append once: every stream loaded takes part with its exact expected version, the streams that got
 *    events with their events, so the whole decision is atomic and rests on states no one changed.
 * 4. On a {@link VersionConflict}, start again from 1 after the retry policy's delay; any other failure, and a
 *    conflict past the policy, is the result.
 *
 * @category handling
 * @since 0.2.0
 */
export const run = <Command extends TaggedEvent, Env, Err>(
  route: Route<Command, Env, Err>,
  command: Command,
  env: Env,
  options: HandleOptions
): Effect.Effect<Ran, Err | AppendError | ReadError, EventStore> =>
  // Steps here are paid once per command (an import decides hundreds of thousands): the loop reads the clock
  // and updates the metrics in place, with the fiber's context, instead of one effect per read or update.
  Effect.withSpan(
    Effect.withFiber((fiber) => {
      const context = fiber.context
      // Present: the effect requires it.
      const store = Context.getUnsafe(context, EventStore)
      const clock = fiber.getRef(Clock.Clock)
      const metrics = metricsOf(command._tag)
      const attempt: Effect.Effect<Ran, Err | AppendError | ReadError> = Effect.suspend(() =>
        discoverAndAppend(store, route, command, env, options, clock, context, metrics, 0, new Map(), new Map())
      )
      const startedAt = clock.currentTimeMillisUnsafe()
      const done = (outcome: "ok" | "rejected" | "failed"): void => {
        metrics.time.updateUnsafe(clock.currentTimeMillisUnsafe() - startedAt, context)
        metrics.handled[outcome].updateUnsafe(1, context)
      }
      const failed = (error: Err | AppendError | ReadError) => {
        done(isDomainFailure(error) ? "rejected" : "failed")
        return Effect.fail(error)
      }
      const succeeded = (ran: Ran) => {
        done("ok")
        return Effect.succeed(ran)
      }
      return Effect.matchEffect(attempt, {
        onSuccess: succeeded,
        onFailure: (error) => {
          if (!isConflict(error)) return failed(error)
          metrics.conflicts.updateUnsafe(1, context)
          return Effect.matchEffect(retried(attempt, error, options, context, metrics), {
            onSuccess: succeeded,
            onFailure: failed
          })
        }
      })
    }),
    "dangjian.command",
    // The stack trace would only name this module, where every command's span starts. (Data first: the piped
    // form of `withSpan` ignores `captureStackTrace`.)
    { attributes: { "dangjian.command": command._tag }, captureStackTrace: false }
  )

/**
 * The attempts after a first one that met a version conflict, as `Effect.retry` of every attempt with the
 * schedule while the error is a conflict would make them: the schedule sees that conflict first, then the
 * error of each attempt it allows. A command that gets through at once never builds the schedule.
 */
const retried = <A, E>(
  attempt: Effect.Effect<A, E>,
  first: E,
  options: HandleOptions,
  context: Context.Context<never>,
  metrics: CommandMetrics
): Effect.Effect<A, E> => {
  let replayed = false
  const again = Effect.suspend((): Effect.Effect<A, E> => {
    if (!replayed) {
      replayed = true
      return Effect.fail(first)
    }
    metrics.retries.updateUnsafe(1, context)
    return Effect.tapError(
      attempt,
      (error) => isConflict(error) ? Effect.sync(() => metrics.conflicts.updateUnsafe(1, context)) : Effect.void
    )
  })
  const schedule = options.retry === undefined ? Context.get(context, CommandRetry) : scheduleOf(options.retry)
  return Effect.retry(again, { schedule, while: isConflict })
}

// Discovery, one round per step: the streams the route names that are not loaded yet are loaded (one of them
// directly, several concurrently), until it names none; then the decision and its append.
const discoverAndAppend = <Command extends TaggedEvent, Env, Err>(
  store: EventStoreShape,
  route: Route<Command, Env, Err>,
  command: Command,
  env: Env,
  options: HandleOptions,
  clock: Clock.Clock,
  context: Context.Context<never>,
  metrics: CommandMetrics,
  round: number,
  loaded: Map<StreamId, FoldedStream<unknown>>,
  states: Map<StreamId, unknown>
): Effect.Effect<Ran, Err | AppendError | ReadError> => {
  const next = (): Effect.Effect<Ran, Err | AppendError | ReadError> =>
    discoverAndAppend(store, route, command, env, options, clock, context, metrics, round + 1, loaded, states)
  if (round < maxRounds) {
    const missing: Array<StreamId> = []
    for (const id of route.streams(command, states)) {
      if (!states.has(id) && !missing.includes(id)) missing.push(id)
    }
    if (missing.length === 1) {
      const id = missing[0]!
      return Effect.flatMap(loadWith(store, route.fold(id), id, options.access), (folded) => {
        loaded.set(id, folded)
        states.set(id, folded.state)
        return next()
      })
    }
    if (missing.length > 1) {
      return Effect.flatMap(
        Effect.forEach(missing, (id) => loadWith(store, route.fold(id), id, options.access), {
          concurrency: "unbounded"
        }),
        (folded) => {
          missing.forEach((id, i) => {
            loaded.set(id, folded[i]!)
            states.set(id, folded[i]!.state)
          })
          return next()
        }
      )
    }
  }
  const decided = route.decide(command, states, env)
  if (Result.isFailure(decided)) return Effect.fail(decided.failure)
  return appendDecision(store, route, command, loaded, decided.success, options, clock, context, metrics)
}

/** The command's metrics with its `command` attribute, made once per command type. */
interface CommandMetrics {
  readonly handled: {
    readonly ok: Metric.Metric<number, unknown>
    readonly rejected: Metric.Metric<number, unknown>
    readonly failed: Metric.Metric<number, unknown>
  }
  readonly conflicts: Metric.Metric<number, unknown>
  readonly retries: Metric.Metric<number, unknown>
  readonly time: Metric.Metric<number, unknown>
  readonly appendedEvents: Metric.Metric<number, unknown>
  readonly appendTime: Metric.Metric<number, unknown>
}

// Each metric is made per command type, with its attributes (see `metricsOf`).
const counter = (name: string, description: string) => (attributes: Metric.Metric.Attributes) =>
  Metric.counter(name, { description, attributes })
const histogramMs = (name: string, description: string) => (attributes: Metric.Metric.Attributes) =>
  Metric.histogram(name, {
    description,
    boundaries: Metric.exponentialBoundaries({ start: 1, factor: 2, count: 16 }),
    attributes
  })
const commandsHandled = counter("dangjian.command.handled", "Commands handled, by outcome")
const commandConflicts = counter("dangjian.command.conflicts", "Version conflicts met while handling commands")
const commandRetries = counter("dangjian.command.retries", "Command attempts after the first")
const commandTime = histogramMs("dangjian.command.ms", "Time to handle a command, retries included (ms)")
const appendedEvents = counter("dangjian.append.events", "Events appended by commands")
const appendTime = histogramMs("dangjian.append.ms", "Time in the store's append (ms)")

// One metric per command type, made with its attributes: Effect keeps such a metric's series key and builds it
// once. `Metric.withAttributes` would add the attributes to the context on every update, and the key (attributes
// merged, sorted, serialized) would be built again each time, several times per command.
const metricsByTag = new Map<string, CommandMetrics>()
const metricsOf = (tag: string): CommandMetrics => {
  const known = metricsByTag.get(tag)
  if (known !== undefined) return known
  const command = { command: tag }
  const handled = (outcome: string) => commandsHandled({ command: tag, outcome })
  const metrics: CommandMetrics = {
    handled: { ok: handled("ok"), rejected: handled("rejected"), failed: handled("failed") },
    conflicts: commandConflicts(command),
    retries: commandRetries(command),
    time: commandTime(command),
    appendedEvents: appendedEvents(command),
    appendTime: appendTime(command)
  }
  metricsByTag.set(tag, metrics)
  return metrics
}

// A failure the store or the reads did not cause: the decision's own (a rule, an invalid command).
const storeFailureTags = new Set([
  "VersionConflict",
  "StoreUnavailable",
  "InvalidAppend",
  "EventIdConflict",
  "EventEncodeError",
  "EventDecodeError",
  "UnknownEventType",
  "CorruptEvent"
])
const isDomainFailure = (error: unknown): boolean => {
  const tag = (error as { readonly _tag?: unknown } | null)?._tag
  return typeof tag !== "string" || !storeFailureTags.has(tag)
}

const appendDecision = <Command extends TaggedEvent, Env, Err>(
  store: EventStoreShape,
  route: Route<Command, Env, Err>,
  command: Command,
  loaded: ReadonlyMap<StreamId, FoldedStream<unknown>>,
  decision: StreamEvents,
  options: HandleOptions,
  clock: Clock.Clock,
  context: Context.Context<never>,
  metrics: CommandMetrics
): Effect.Effect<Ran, AppendError> => {
  const byStream = new Map<StreamId, Array<TaggedEvent>>()
  let count = 0
  for (const { streamId, events } of decision) {
    if (events.length === 0) continue
    // A decision may only write to streams it read: their expected versions are what makes it atomic.
    if (!loaded.has(streamId)) {
      return Effect.die(new Error(`the route of ${command._tag} decided events for ${streamId}, which it did not read`))
    }
    const list = byStream.get(streamId)
    if (list === undefined) byStream.set(streamId, [...events])
    else list.push(...events)
    count += events.length
  }
  if (count === 0) return Effect.succeed({ streams: [], events: [], states: loaded })
  // The ids are made in the decision's order of streams, one clock read for all of them (as `toNewEvents`).
  const millis = clock.currentTimeMillisUnsafe()
  const ids = Uuid.v7ManyAt(count, millis)
  const metadata = metadataAt(options.context, millis)
  const storedByStream = new Map<StreamId, ReadonlyArray<NewEvent<TaggedEvent>>>()
  let offset = 0
  for (const [streamId, events] of byStream) {
    const stored: Array<NewEvent<TaggedEvent>> = []
    for (const data of events) stored.push({ eventId: ids[offset++]!, type: data._tag, data, metadata })
    storedByStream.set(streamId, stored)
  }
  const request: Array<AppendToStream> = []
  for (const [streamId, folded] of loaded) {
    request.push({ streamId, expected: folded.version, events: storedByStream.get(streamId) ?? [] })
  }
  const appendStartedAt = clock.currentTimeMillisUnsafe()
  return Effect.flatMap(
    Effect.withSpan(store.append(request), "dangjian.append", {
      attributes: { "dangjian.streams": request.length },
      captureStackTrace: false
    }),
    (result) => {
      const appendEndedAt = clock.currentTimeMillisUnsafe()
      metrics.appendedEvents.updateUnsafe(result.alreadyStored ? 0 : result.positions.length, context)
      metrics.appendTime.updateUnsafe(appendEndedAt - appendStartedAt, context)
      const versions = new Map<StreamId, number>()
      for (const s of result.streams) versions.set(s.streamId, s.version)
      const versionOf = (streamId: StreamId): number => versions.get(streamId) ?? loaded.get(streamId)!.version
      // The states after the command are folded when asked for: `Dangjian.execute` never asks, and the unit of
      // work folds the same events again on the next load. A snapshot needs them now.
      let after: Map<StreamId, FoldedStream<unknown>> | undefined
      const statesAfter = (): Map<StreamId, FoldedStream<unknown>> => {
        if (after !== undefined) return after
        after = new Map()
        for (const [streamId, folded] of loaded) {
          const events = byStream.get(streamId)
          if (events === undefined) {
            after.set(streamId, folded)
            continue
          }
          const fold = route.fold(streamId)
          let state = folded.state
          for (const event of events) state = fold.evolve(state, event)
          after.set(streamId, { state, version: versionOf(streamId) })
        }
        return after
      }
      const ran: Ran = {
        streams: [...byStream.keys()].map((streamId) => ({ streamId, version: versionOf(streamId) })),
        events: appendedEnvelopes(result.positions, storedByStream),
        get states() {
          return statesAfter()
        }
      }
      const access = options.access
      if (access === undefined || access._tag !== "SnapshotEvery") return Effect.succeed(ran)
      const states = statesAfter()
      const written = [...loaded.keys()].filter((streamId) => byStream.has(streamId))
      return Effect.as(
        Effect.forEach(
          written,
          (streamId) =>
            saveSnapshot(
              streamId,
              access,
              loaded.get(streamId)!.version,
              versionOf(streamId),
              states.get(streamId)!.state
            ),
          { discard: true }
        ),
        ran
      )
    }
  )
}

/**
 * Handles a command on one stream: {@link run} with a route of that one stream.
 *
 * @category handling
 * @since 0.1.0
 */
export const handle = <Command extends TaggedEvent, Event extends TaggedEvent, State, Err>(
  decider: Decider<Command, Event, State, Err>,
  streamId: StreamId,
  command: Command,
  options: HandleOptions
): Effect.Effect<Handled<State, Event>, Err | AppendError | ReadError, EventStore> =>
  Effect.map(
    run(
      {
        tags: [command._tag],
        fold: () => decider,
        streams: () => [streamId],
        decide: (cmd, states) =>
          Result.map(decider.decide(cmd, states.get(streamId) as State), (events) => [{ streamId, events }])
      },
      command,
      undefined,
      options
    ),
    (ran) => {
      const folded = ran.states.get(streamId)!
      return {
        state: folded.state as State,
        version: folded.version,
        events: ran.events as ReadonlyArray<Envelope<Event>>
      }
    }
  ).pipe(Effect.annotateSpans({ "dangjian.stream": streamId }))

/**
 * The outcome of a multi-stream command, per stream.
 *
 * @category models
 * @since 0.1.0
 */
export type HandledMany<Streams extends Record<string, { readonly state: unknown; readonly event: TaggedEvent }>> = {
  readonly [K in keyof Streams]: Handled<Streams[K]["state"], Streams[K]["event"]>
}

/**
 * Handles a command over several fixed streams, keyed by name: {@link run} with a route of those streams.
 * Every stream takes part in the one atomic append with its exact expected version, even when it gets no
 * events, so the decision can never rest on a state that changed meanwhile.
 *
 * @category handling
 * @since 0.1.0
 */
export const handleMany = <
  Command extends TaggedEvent,
  Streams extends Record<string, { readonly state: unknown; readonly event: TaggedEvent }>,
  Err
>(
  decider: MultiDecider<Command, Streams, Err>,
  streamIds: { readonly [K in keyof Streams]: StreamId },
  command: Command,
  options: Omit<HandleOptions, "access">
): Effect.Effect<HandledMany<Streams>, Err | AppendError | ReadError, EventStore> => {
  const keys = Object.keys(decider.streams) as Array<keyof Streams & string>
  const keyOf = new Map(keys.map((key) => [streamIds[key], key]))
  return Effect.map(
    run(
      {
        tags: [command._tag],
        fold: (streamId) => decider.streams[keyOf.get(streamId)!] as Fold<TaggedEvent, unknown>,
        streams: () => keys.map((key) => streamIds[key]),
        decide: (cmd, states) =>
          Result.map(
            decider.decide(
              cmd,
              Object.fromEntries(keys.map((key) => [key, states.get(streamIds[key])])) as {
                readonly [K in keyof Streams]: Streams[K]["state"]
              }
            ),
            (events) =>
              keys.map((key) => ({
                streamId: streamIds[key],
                events: (events[key] ?? []) as ReadonlyArray<TaggedEvent>
              }))
          )
      },
      command,
      undefined,
      options
    ),
    (ran) =>
      Object.fromEntries(keys.map((key) => {
        const streamId = streamIds[key]
        const folded = ran.states.get(streamId)!
        return [key, {
          state: folded.state,
          version: folded.version,
          events: ran.events.filter((e) => e.streamId === streamId)
        }]
      })) as unknown as HandledMany<Streams>
  )
}
