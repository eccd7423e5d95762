/**
 * Encodes read models and snapshots as JSON text: with their Schema when one is given, otherwise only when the
 * value is plain JSON data already (anything else, a `Map` say, would change silently, so it is refused).
 */
import { describeIssue } from "@dangjian/core/store"
import { Result, Schema } from "effect"

type AnyCodec = Schema.Codec<any, any>

interface Compiled {
  readonly encode: (u: unknown) => Result.Result<unknown, Schema.SchemaError>
  readonly decode: (u: unknown) => Result.Result<unknown, Schema.SchemaError>
}

const compiled = new WeakMap<AnyCodec, Compiled>()

const compile = (schema: AnyCodec): Compiled => {
  let found = compiled.get(schema)
  if (found === undefined) {
    const json = Schema.toCodecJson(schema as Schema.Codec<unknown, unknown>)
    found = { encode: Schema.encodeUnknownResult(json), decode: Schema.decodeUnknownResult(json) }
    compiled.set(schema, found)
  }
  return found
}

const isPlainJson = (value: unknown, depth = 0): boolean => {
  if (depth > 256) return false
  if (value === null || typeof value === "string" || typeof value === "boolean") return true
  if (typeof value === "number") return Number.isFinite(value)
  if (Array.isArray(value)) return value.every((item) => isPlainJson(item, depth + 1))
  if (typeof value !== "object") return false
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return false
  for (const key in value) {
    if (!isPlainJson((value as Record<string, unknown>)[key], depth + 1)) return false
  }
  return true
}

/** The JSON text of a state, or why it cannot be stored. */
export const encode = (schema: AnyCodec | undefined, state: unknown): Result.Result<string, string> => {
  if (schema === undefined) {
    return isPlainJson(state)
      ? Result.succeed(JSON.stringify(state))
      : Result.fail("the state is not plain JSON data and no schema was given to encode it")
  }
  const encoded = compile(schema).encode(state)
  if (Result.isFailure(encoded)) {
    const { issue, path } = describeIssue(encoded.failure.issue)
    return Result.fail(`the state does not encode with its schema at ${path}: ${issue}`)
  }
  return Result.succeed(JSON.stringify(encoded.success))
}

/** A stored state decoded from its JSON text, or why it cannot be. */
export const decode = (schema: AnyCodec | undefined, text: string): Result.Result<unknown, string> => {
  let stored: unknown
  try {
    stored = JSON.parse(text)
  } catch {
    return Result.fail("the stored state is not valid JSON")
  }
  if (schema === undefined) return Result.succeed(stored)
  const decoded = compile(schema).decode(stored)
  if (Result.isFailure(decoded)) {
    const { path } = describeIssue(decoded.failure.issue)
    return Result.fail(`the stored state does not decode with its schema at ${path}`)
  }
  return Result.succeed(decoded.success)
}
