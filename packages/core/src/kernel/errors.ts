/**
 * The kernel's typed errors. Each one carries a stable `code` and `params` (see {@link Localized}); its
 * `message` is the English rendering, and `Messages.render` gives zh-CN. None of them carries event data,
 * so a member's personal data never reaches an error.
 *
 * @since 0.1.0
 */
import { Schema, SchemaIssue } from "effect"
import { ExpectedVersion } from "./Envelope.ts"
import type { Localized, MessageParams } from "./Message.ts"
import { renderWith } from "./Message.ts"
import { kernelMessages } from "./messages.ts"

const en = (self: Localized): string => renderWith(kernelMessages, self.code, self.params, "en")

/**
 * The stream's version did not match the append's expected version. Nothing was written.
 *
 * @category errors
 * @since 0.1.0
 */
export class VersionConflict extends Schema.TaggedError<VersionConflict>()("VersionConflict", {
  streamId: Schema.String,
  expected: ExpectedVersion,
  actual: Schema.Number
}) implements Localized {
  get code() {
    return "kernel.versionConflict"
  }
  get params(): MessageParams {
    return { streamId: this.streamId, expected: this.expected, actual: this.actual }
  }
  override get message() {
    return en(this)
  }
}

/**
 * An event id of the append is already stored, but not as this very append stored it (another stream or
 * position, or only part of the batch). Nothing was written.
 *
 * @category errors
 * @since 0.1.0
 */
export class EventIdConflict extends Schema.TaggedError<EventIdConflict>()("EventIdConflict", {
  eventId: Schema.String,
  storedStreamId: Schema.String,
  storedPosition: Schema.Number,
  reason: Schema.Literals(["otherStream", "partialBatch"])
}) implements Localized {
  get code() {
    return "kernel.eventIdConflict"
  }
  get params(): MessageParams {
    return {
      eventId: this.eventId,
      storedStreamId: this.storedStreamId,
      storedPosition: this.storedPosition,
      reason: this.reason
    }
  }
  override get message() {
    return en(this)
  }
}

/**
 * The append request itself is malformed (a stream twice, an event id twice, a bad stream id or expected
 * version, an event without a type name or data, malformed metadata). Nothing was written. `detail` names the
 * stream or event id concerned when it is valid (a duplicate, the stream of a bad expected version, the event
 * whose type, data or metadata is wrong) and is empty otherwise: an invalid value is never echoed.
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidAppend extends Schema.TaggedError<InvalidAppend>()("InvalidAppend", {
  reason: Schema.Literals([
    "duplicateStream",
    "duplicateEventId",
    "invalidStreamId",
    "invalidExpectedVersion",
    "invalidEventId",
    "invalidEventType",
    "missingEventData",
    "invalidMetadata",
    "noStreams"
  ]),
  detail: Schema.String
}) implements Localized {
  get code() {
    return "kernel.invalidAppend"
  }
  get params(): MessageParams {
    return { reason: this.reason, detail: this.detail }
  }
  override get message() {
    return en(this)
  }
}

/**
 * A stored or appended event has a type (or type and version) that no registered definition knows.
 *
 * @category errors
 * @since 0.1.0
 */
export class UnknownEventType extends Schema.TaggedError<UnknownEventType>()("UnknownEventType", {
  type: Schema.String,
  schemaVersion: Schema.Number,
  streamId: Schema.optionalKey(Schema.String),
  streamPosition: Schema.optionalKey(Schema.Number)
}) implements Localized {
  get code() {
    return "kernel.unknownEventType"
  }
  get params(): MessageParams {
    return {
      type: this.type,
      schemaVersion: this.schemaVersion,
      streamId: this.streamId,
      streamPosition: this.streamPosition
    }
  }
  override get message() {
    return en(this)
  }
}

/**
 * A stored event does not decode with its schema (after upcasting). `path` is the Schema issue path.
 *
 * @category errors
 * @since 0.1.0
 */
export class EventDecodeError extends Schema.TaggedError<EventDecodeError>()("EventDecodeError", {
  type: Schema.String,
  schemaVersion: Schema.Number,
  path: Schema.String,
  issue: Schema.String,
  streamId: Schema.optionalKey(Schema.String),
  streamPosition: Schema.optionalKey(Schema.Number)
}) implements Localized {
  get code() {
    return "kernel.eventDecode"
  }
  get params(): MessageParams {
    return {
      type: this.type,
      schemaVersion: this.schemaVersion,
      path: this.path,
      issue: this.issue,
      streamId: this.streamId,
      streamPosition: this.streamPosition
    }
  }
  override get message() {
    return en(this)
  }
}

/**
 * An event to append does not match its schema. Nothing was written.
 *
 * @category errors
 * @since 0.1.0
 */
export class EventEncodeError extends Schema.TaggedError<EventEncodeError>()("EventEncodeError", {
  type: Schema.String,
  path: Schema.String,
  issue: Schema.String
}) implements Localized {
  get code() {
    return "kernel.eventEncode"
  }
  get params(): MessageParams {
    return { type: this.type, path: this.path, issue: this.issue }
  }
  override get message() {
    return en(this)
  }
}

/**
 * A stored row cannot be read at all (bad JSON, missing columns).
 *
 * @category errors
 * @since 0.1.0
 */
export class CorruptEvent extends Schema.TaggedError<CorruptEvent>()("CorruptEvent", {
  globalPosition: Schema.Number,
  reason: Schema.String
}) implements Localized {
  get code() {
    return "kernel.corruptEvent"
  }
  get params(): MessageParams {
    return { globalPosition: this.globalPosition, reason: this.reason }
  }
  override get message() {
    return en(this)
  }
}

/**
 * The store could not be reached or failed (connection, disk, driver). `reason` is a short description that
 * never contains event data.
 *
 * @category errors
 * @since 0.1.0
 */
export class StoreUnavailable extends Schema.TaggedError<StoreUnavailable>()("StoreUnavailable", {
  operation: Schema.String,
  reason: Schema.String
}) implements Localized {
  get code() {
    return "kernel.storeUnavailable"
  }
  get params(): MessageParams {
    return { operation: this.operation, reason: this.reason }
  }
  override get message() {
    return en(this)
  }
}

/**
 * Input (a command, an event) does not decode with its schema. `path` is the Schema issue path; the input
 * value itself is never echoed.
 *
 * @category errors
 * @since 0.1.0
 */
export class CommandDecodeError extends Schema.TaggedError<CommandDecodeError>()("CommandDecodeError", {
  path: Schema.String,
  issue: Schema.String
}) implements Localized {
  get code() {
    return "kernel.commandDecode"
  }
  get params(): MessageParams {
    return { path: this.path, issue: this.issue }
  }
  override get message() {
    return en(this)
  }
}

/**
 * Errors a read can fail with.
 *
 * @category errors
 * @since 0.1.0
 */
export type ReadError = UnknownEventType | EventDecodeError | CorruptEvent | StoreUnavailable

/**
 * Errors an append can fail with.
 *
 * @category errors
 * @since 0.1.0
 */
export type AppendError =
  | VersionConflict
  | EventIdConflict
  | InvalidAppend
  | UnknownEventType
  | EventEncodeError
  | StoreUnavailable

const standard = SchemaIssue.makeFormatterStandardSchemaV1()

/**
 * The first issue of a Schema issue as `{ path, issue }`: the path joined with dots (`(root)` when empty),
 * the message without the input value.
 *
 * @category errors
 * @since 0.1.0
 */
export const describeIssue = (issue: SchemaIssue.Issue): { readonly path: string; readonly issue: string } => {
  const first = standard(issue).issues[0]
  if (first === undefined) return { path: "(root)", issue: "invalid" }
  const path = (first.path ?? []).map((p) => String(typeof p === "object" && p !== null ? p.key : p)).join(".")
  return { path: path.length > 0 ? path : "(root)", issue: first.message }
}
