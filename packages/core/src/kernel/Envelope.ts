/**
 * The stored shape of events: ids, positions, expected versions, metadata and the envelope that every read
 * returns. These types are the contract between deciders, command handlers, projections and every store.
 *
 * Positions are plain numbers: a stream's version is the count of its events (0 = no stream), an event's
 * `streamPosition` is 1-based, and `globalPosition` is 1-based and strictly increasing in commit order.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * A stream id, `<category>-<id>` by convention (for example `organization-org-1`). 1–200 UTF-16 code units,
 * no control characters, no unpaired surrogates (the SQL stores keep text as UTF-8, where one would become
 * U+FFFD).
 *
 * @category models
 * @since 0.1.0
 */
export const StreamId = Schema.String.check(
  Schema.isMinLength(1),
  Schema.isMaxLength(200),
  Schema.isPattern(/^(?:[^\u0000-\u001f\u007f\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])+$/)
).annotate({ identifier: "StreamId", description: "A stream id: <category>-<id>, 1–200 characters" })

/**
 * @category models
 * @since 0.1.0
 */
export type StreamId = string

/**
 * An event id: a UUID (UUIDv7 when the library generates it). It is the idempotency key of an append.
 *
 * @category models
 * @since 0.1.0
 */
export const EventId = Schema.String.check(Schema.isUUID()).annotate({
  identifier: "EventId",
  description: "An event id (UUID, v7 when generated): the idempotency key of an append"
})

/**
 * @category models
 * @since 0.1.0
 */
export type EventId = string

/**
 * What the writer expects the stream's version to be when the append commits.
 *
 * - `"any"`: no check;
 * - `"noStream"`: the stream has no events;
 * - `"exists"`: the stream has at least one event;
 * - a number `n ≥ 0`: the stream has exactly `n` events.
 *
 * @category models
 * @since 0.1.0
 */
export type ExpectedVersion = "any" | "noStream" | "exists" | number

/**
 * @category models
 * @since 0.1.0
 */
export const ExpectedVersion: Schema.Codec<ExpectedVersion> = Schema.Union([
  Schema.Literals(["any", "noStream", "exists"]),
  Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))
]).annotate({ identifier: "ExpectedVersion" })

/**
 * Whether a stream at `actual` satisfies `expected`.
 *
 * @category guards
 * @since 0.1.0
 */
export const satisfies = (expected: ExpectedVersion, actual: number): boolean => {
  switch (expected) {
    case "any":
      return true
    case "noStream":
      return actual === 0
    case "exists":
      return actual > 0
    default:
      return actual === expected
  }
}

/**
 * Metadata carried by every event.
 *
 * - `occurredAt`: when it legally took effect (an ISO date or date-time); rules are judged as of this date;
 * - `recordedAt`: when it was recorded (ISO date-time);
 * - `actor`: who did it (an opaque id, never a person's name);
 * - `commandId`, `causationId`, `correlationId`: tracing ids.
 *
 * @category models
 * @since 0.1.0
 */
export const EventMetadata = Schema.Struct({
  occurredAt: Schema.String,
  recordedAt: Schema.String,
  actor: Schema.optionalKey(Schema.String),
  commandId: Schema.optionalKey(Schema.String),
  causationId: Schema.optionalKey(Schema.String),
  correlationId: Schema.optionalKey(Schema.String)
}).annotate({ identifier: "EventMetadata" })

/**
 * @category models
 * @since 0.1.0
 */
export type EventMetadata = typeof EventMetadata.Type

/**
 * Whether a value is {@link EventMetadata}: an object with `occurredAt` and `recordedAt` strings, and each of
 * `actor`, `commandId`, `causationId`, `correlationId` a string when present. It agrees with
 * `Schema.is(EventMetadata)` (a property test holds them equal) and is written out because every appended
 * event, and every metadata text a SQL store reads, is checked with it: an absent key is told from one set to
 * `undefined` with `in` only when the value is not a string, five times cheaper than `Object.hasOwn` per key.
 *
 * @category guards
 * @since 0.1.0
 */
export const isEventMetadata = (u: unknown): u is EventMetadata => {
  if (typeof u !== "object" || u === null || Array.isArray(u)) return false
  const m = u as { readonly [K in keyof EventMetadata]-?: unknown }
  return typeof m.occurredAt === "string" && typeof m.recordedAt === "string"
    && (typeof m.actor === "string" || (m.actor === undefined && !("actor" in m)))
    && (typeof m.commandId === "string" || (m.commandId === undefined && !("commandId" in m)))
    && (typeof m.causationId === "string" || (m.causationId === undefined && !("causationId" in m)))
    && (typeof m.correlationId === "string" || (m.correlationId === undefined && !("correlationId" in m)))
}

/**
 * An event to append: its id, type name, domain value and metadata. The schema version is the current one of
 * its definition, filled in by the codec.
 *
 * @category models
 * @since 0.1.0
 */
export interface NewEvent<A = unknown> {
  readonly eventId: EventId
  readonly type: string
  readonly data: A
  readonly metadata: EventMetadata
}

/**
 * A stored event as every read returns it.
 *
 * @category models
 * @since 0.1.0
 */
export interface Envelope<A = unknown> {
  readonly eventId: EventId
  readonly streamId: StreamId
  /** 1-based position in its stream. */
  readonly streamPosition: number
  /** 1-based position in the global log, in commit order. */
  readonly globalPosition: number
  readonly type: string
  readonly schemaVersion: number
  readonly data: A
  readonly metadata: EventMetadata
}

/**
 * A field of an {@link Envelope} other than `globalPosition`, which every read returns.
 *
 * @category models
 * @since 0.1.0
 */
export type EnvelopeField = Exclude<keyof Envelope, "globalPosition">

/**
 * An envelope with only the named fields (and `globalPosition`): what a read asked for some fields returns at
 * least. A store may return more.
 *
 * @category models
 * @since 0.1.0
 */
export type PartialEnvelope<F extends EnvelopeField = EnvelopeField, A = unknown> = Pick<
  Envelope<A>,
  F | "globalPosition"
>

/**
 * The category of a stream id: the text before the first `-`.
 *
 * @category getters
 * @since 0.1.0
 */
export const categoryOf = (streamId: StreamId): string => {
  const dash = streamId.indexOf("-")
  return dash === -1 ? streamId : streamId.slice(0, dash)
}
