/**
 * The codec between domain events and their stored JSON: it encodes with the current schema version and
 * decodes stored data of any known version, running the upcasters in order first.
 *
 * Unknown types and undecodable data follow an explicit {@link UnknownEventPolicy}: `"fail"` (the default)
 * fails the read with a typed error; `"skip"` leaves the event out of reads, and must be chosen on purpose.
 *
 * @since 0.1.0
 */
import { Result, Schema, SchemaAST } from "effect"
import { describeIssue, EventDecodeError, EventEncodeError, UnknownEventType } from "./errors.ts"
import type { EventDefinition, EventOf } from "./EventDefinition.ts"
import type { Guard } from "./SchemaGuard.ts"
import { fastGuard } from "./SchemaGuard.ts"

/**
 * What a read does with an event whose type is unknown or whose data does not decode.
 *
 * @category models
 * @since 0.1.0
 */
export type UnknownEventPolicy = "fail" | "skip"

/**
 * An event encoded for storage.
 *
 * @category models
 * @since 0.1.0
 */
export interface EncodedEvent {
  readonly type: string
  readonly schemaVersion: number
  /** A JSON-safe value. */
  readonly data: unknown
}

/**
 * Where a stored event sits, for error reports.
 *
 * @category models
 * @since 0.1.0
 */
export interface EventLocation {
  readonly streamId: string
  readonly streamPosition: number
}

/**
 * The codec of a set of event definitions.
 *
 * @category models
 * @since 0.1.0
 */
export interface EventCodec<E = unknown> {
  readonly definitions: ReadonlyArray<EventDefinition>
  readonly policy: UnknownEventPolicy
  /** The current schema version of a type, if known. */
  readonly versionOf: (type: string) => number | undefined
  /** Checks a domain value against its definition without encoding it. */
  readonly validate: (event: E) => Result.Result<E, UnknownEventType | EventEncodeError>
  readonly encode: (event: E) => Result.Result<EncodedEvent, UnknownEventType | EventEncodeError>
  /** `undefined` when the policy is `"skip"` and the event is unknown or undecodable. */
  readonly decode: (
    stored: EncodedEvent,
    at?: EventLocation
  ) => Result.Result<E | undefined, UnknownEventType | EventDecodeError>
}

interface Compiled {
  readonly definition: EventDefinition
  /** The schema has no transformation: its encoded form is its type (strings, numbers, literals, structs…). */
  readonly plain: boolean
  readonly is: (u: unknown) => boolean
  readonly validate: (u: unknown) => Result.Result<unknown, Schema.SchemaError>
  readonly encode: (u: unknown) => Result.Result<unknown, Schema.SchemaError>
  readonly decode: (u: unknown) => Result.Result<unknown, Schema.SchemaError>
  readonly upcasters: ReadonlyArray<{
    readonly decode: (u: unknown) => Result.Result<unknown, Schema.SchemaError>
    readonly upcast: (old: unknown) => unknown
  }>
}

const withFastPath = (fast: Guard | undefined, is: Guard): Guard => fast === undefined ? is : (u) => fast(u) || is(u)

const compile = (definition: EventDefinition): Compiled => {
  const json = Schema.toCodecJson(definition.schema as Schema.Codec<unknown, unknown>)
  return {
    definition,
    plain: SchemaAST.toEncoded(definition.schema.ast) === definition.schema.ast,
    is: withFastPath(
      fastGuard(definition.schema.ast),
      Schema.is(definition.schema as Schema.Codec<unknown, unknown>)
    ),
    validate: Schema.decodeUnknownResult(Schema.toType(definition.schema as Schema.Codec<unknown, unknown>)),
    encode: Schema.encodeUnknownResult(json),
    decode: Schema.decodeUnknownResult(json),
    upcasters: definition.upcasters.map((u) => ({
      decode: Schema.decodeUnknownResult(Schema.toCodecJson(u.schema as Schema.Codec<unknown, unknown>)),
      upcast: u.upcast
    }))
  }
}

/**
 * Builds the codec of a set of definitions. A type defined twice is a programming error and throws at
 * construction, never at read or write time.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = <const Defs extends ReadonlyArray<EventDefinition>>(
  definitions: Defs,
  options?: { readonly unknownEvents?: UnknownEventPolicy }
): EventCodec<EventOf<Defs>> => {
  const policy = options?.unknownEvents ?? "fail"
  const byType = new Map<string, Compiled>()
  for (const definition of definitions) {
    if (byType.has(definition.type)) throw new TypeError(`EventCodec: type ${definition.type} is defined twice`)
    byType.set(definition.type, compile(definition))
  }

  const unknownType = (type: string, schemaVersion: number, at?: EventLocation) =>
    new UnknownEventType(
      at === undefined ? { type, schemaVersion } : { type, schemaVersion, ...at }
    )

  const tagOf = (event: unknown): string =>
    typeof event === "object" && event !== null && typeof (event as { _tag?: unknown })._tag === "string"
      ? (event as { _tag: string })._tag
      : "(no _tag)"

  const validate = (event: unknown): Result.Result<any, UnknownEventType | EventEncodeError> => {
    const type = tagOf(event)
    const compiled = byType.get(type)
    if (compiled === undefined) return Result.fail(unknownType(type, 0))
    if (compiled.is(event)) return Result.succeed(event)
    const checked = compiled.validate(event)
    if (Result.isSuccess(checked)) return Result.succeed(event)
    return Result.fail(new EventEncodeError({ type, ...describeIssue(checked.failure.issue) }))
  }

  const encode = (event: unknown): Result.Result<EncodedEvent, UnknownEventType | EventEncodeError> => {
    const type = tagOf(event)
    const compiled = byType.get(type)
    if (compiled === undefined) return Result.fail(unknownType(type, 0))
    const encoded = compiled.encode(event)
    if (Result.isFailure(encoded)) {
      return Result.fail(new EventEncodeError({ type, ...describeIssue(encoded.failure.issue) }))
    }
    return Result.succeed({ type, schemaVersion: compiled.definition.version, data: encoded.success })
  }

  const decode = (
    stored: EncodedEvent,
    at?: EventLocation
  ): Result.Result<any, UnknownEventType | EventDecodeError> => {
    const compiled = byType.get(stored.type)
    const version = stored.schemaVersion
    if (compiled === undefined || !Number.isInteger(version) || version < 1 || version > compiled.definition.version) {
      return policy === "skip" ? Result.succeed(undefined) : Result.fail(unknownType(stored.type, version, at))
    }
    const fail = (error: Schema.SchemaError, v: number) => {
      if (policy === "skip") return Result.succeed(undefined)
      const described = describeIssue(error.issue)
      return Result.fail(
        new EventDecodeError(
          at === undefined
            ? { type: stored.type, schemaVersion: v, ...described }
            : { type: stored.type, schemaVersion: v, ...described, ...at }
        )
      )
    }
    let data = stored.data
    for (let v = version; v < compiled.definition.version; v++) {
      const step = compiled.upcasters[v - 1]!
      const old = step.decode(data)
      if (Result.isFailure(old)) return fail(old.failure, v)
      data = step.upcast(old.success)
    }
    // Reads are the hot path of every replay: data of a plain schema that already has its type is returned as
    // read (a check, no copy); anything else, including every invalid value, goes through the full decode.
    if (compiled.plain && compiled.is(data)) return Result.succeed(data)
    const decoded = compiled.decode(data)
    if (Result.isFailure(decoded)) return fail(decoded.failure, compiled.definition.version)
    return Result.succeed(decoded.success)
  }

  return {
    definitions,
    policy,
    versionOf: (type) => byType.get(type)?.definition.version,
    validate,
    encode,
    decode
  }
}
