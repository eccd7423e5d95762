// A client in another language validates with `Dangjian.jsonSchema()` before it sends: the document must be one
// valid draft 2020-12 schema, and accept exactly what the decoders accept (`Dangjian.decodeCommand` for
// commands, `Dangjian.codec` for events' data). The regressions this guards: `dangjian schema` printed
// `{ commands, events }`, which is no schema and accepted `{"_tag":"Nonsense"}`; and LegalDate was exported as a
// bare string, so "hello" and "2024-02-30" passed.
//
// The decoders have no rule here that a schema cannot state: the calendar (months' lengths, leap years) is in
// LegalDate's pattern, and extra properties are allowed by both (the decoder drops them). So schema and decoder
// must agree on every input, valid or mutated, with no exception. What no schema can say (the rules, judged by
// `execute` on the streams' state) is outside the decoders too, and outside this file.
import { Arbitraries } from "@dangjian/testing"
import { assert, describe, it } from "@effect/vitest"
import { Ajv2020 } from "ajv/dist/2020.js"
import { Result, Schema } from "effect"
import fc from "fast-check"
import { Dangjian, LegalDate } from "../../src/index.ts"

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }

// strict: unknown keywords, ignored `required` names, ambiguous types and the like fail compilation.
const ajv = new Ajv2020({ strict: true })
const one = Dangjian.jsonSchema()
const { commands, events } = Dangjian.jsonSchemas()
const validate = { one: ajv.compile(one), commands: ajv.compile(commands), events: ajv.compile(events) }

const isCommand = (input: unknown): boolean => Result.isSuccess(Dangjian.decodeCommand(input))

// An event's data is decoded by the codec under its `_tag`, at the current version, as a store reads it.
const isEvent = (input: unknown): boolean => {
  const type = typeof input === "object" && input !== null ? (input as { readonly _tag?: unknown })._tag : undefined
  const version = typeof type === "string" ? Dangjian.codec.versionOf(type) : undefined
  if (typeof type !== "string" || version === undefined) return false
  return Result.isSuccess(Dangjian.codec.decode({ type, schemaVersion: version, data: input }))
}

const decoders = { one: (u: unknown) => isCommand(u) || isEvent(u), commands: isCommand, events: isEvent }

/** Each document's verdict next to its decoder's, for messages that show which one disagrees. */
const verdicts = (input: Json) =>
  (["one", "commands", "events"] as const).map((name) => ({
    name,
    schema: validate[name](input),
    decoder: decoders[name](input)
  }))

const assertAgree = (input: Json) => {
  for (const v of verdicts(input)) {
    assert.strictEqual(
      v.schema,
      v.decoder,
      `${v.name}: schema ${v.schema}, decoder ${v.decoder}: ${JSON.stringify(input)}`
    )
  }
}

const toJson = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json
const encodeCommand = Schema.encodeSync(Dangjian.Command)
const commandJson = (command: Dangjian.Command): Json => toJson(encodeCommand(command))
const eventJson = (event: typeof Dangjian.Event.Type): Json => {
  const encoded = Dangjian.codec.encode(event)
  if (Result.isFailure(encoded)) throw new Error(`a generated event does not encode: ${encoded.failure._tag}`)
  return toJson(encoded.success.data)
}

const tagsOf = (schema: Schema.Top): Array<string> => {
  const node = schema as Schema.Top & {
    readonly members?: ReadonlyArray<Schema.Top>
    readonly fields?: { readonly _tag: { readonly ast: { readonly literal: string } } }
  }
  return node.members !== undefined ? node.members.flatMap(tagsOf) : [node.fields!._tag.ast.literal]
}
const commandTags = tagsOf(Dangjian.Command)
const eventTags = tagsOf(Dangjian.Event)

// Every place in a JSON value, as the keys that lead there.
type Path = ReadonlyArray<string | number>
const pathsOf = (value: Json, at: Path = []): Array<Path> => {
  if (Array.isArray(value)) return [at, ...value.flatMap((v: Json, i: number) => pathsOf(v, [...at, i]))]
  if (typeof value === "object" && value !== null) {
    return [at, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))]
  }
  return [at]
}
const get = (value: Json, path: Path): Json =>
  path.reduce<Json>((v, key) => (v as Record<string | number, Json>)[key]!, value)
/** A copy of `value` with `f` applied at `path`; `f` returning `undefined` removes the key (or array element). */
const update = (value: Json, path: Path, f: (old: Json) => Json | undefined): Json => {
  if (path.length === 0) return f(value) ?? null
  const [key, ...rest] = path
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) }
  const next = rest.length === 0 ? f(copy[key!]) : update(copy[key!], rest, f)
  if (next !== undefined) copy[key!] = next
  else if (Array.isArray(copy)) copy.splice(key as number, 1)
  else delete copy[key!]
  return copy
}

const badDates = ["hello", "", "2024-02-30", "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31"]
  .concat(["2024-1-05", "24-01-05", "2024-01-05\n", " 2024-01-05", "2024-01-05T00:00:00Z", "２０２４-01-05"])
const wrongValues: ReadonlyArray<Json> = [null, true, 0, -1, 1.5, 2 ** 53, "", "x", [], {}, ["x"], { x: 1 }]

// Mutations of a valid value: most make it invalid, some leave it valid (an extra property, an optional key
// removed, a string id replaced by another string); the schema and the decoder must say the same either way.
const mutated = (valid: fc.Arbitrary<Json>): fc.Arbitrary<{ readonly kind: string; readonly json: Json }> =>
  valid.chain((json) => {
    const paths = pathsOf(json)
    const keyed = paths.filter((p) => p.length > 0)
    const dates = paths.filter((p) => p.length > 0 && LegalDate.isLegalDate(get(json, p)))
    const mutations: Array<fc.Arbitrary<{ readonly kind: string; readonly json: Json }>> = [
      fc.constantFrom("Nonsense", "", ...commandTags, ...eventTags).map((tag) => ({
        kind: "tag",
        json: update(json, ["_tag"], () => tag)
      })),
      fc.constantFrom(...keyed).map((p) => ({ kind: "remove", json: update(json, p, () => undefined) })),
      fc.tuple(fc.constantFrom(...paths), fc.constantFrom(...wrongValues, ...badDates)).map(([p, v]) => ({
        kind: "replace",
        json: update(json, p, () => v)
      })),
      fc.tuple(fc.constantFrom(...paths), fc.constantFrom("extra", "_tag2", "__typename")).map(([p, key]) => ({
        kind: "add",
        json: update(
          json,
          p,
          (old) => typeof old === "object" && old !== null && !Array.isArray(old) ? { ...old, [key]: 1 } : old
        )
      }))
    ]
    if (dates.length > 0) {
      mutations.push(
        fc.tuple(fc.constantFrom(...dates), fc.constantFrom(...badDates)).map(([p, v]) => ({
          kind: "date",
          json: update(json, p, () => v)
        }))
      )
    }
    return fc.oneof(...mutations)
  })

describe("Dangjian.jsonSchema", () => {
  it("is one valid draft 2020-12 document, which Ajv compiles in strict mode; so are commands and events alone", () => {
    for (const document of [one, commands, events]) {
      assert.strictEqual(document.$schema, "https://json-schema.org/draft/2020-12/schema")
      assert.isTrue(ajv.validateSchema(document), JSON.stringify(ajv.errors))
      assert.isString(document.title)
      assert.include(document.description, "dropped by the decoder")
    }
    assert.deepStrictEqual(one["anyOf"], [{ $ref: "#/$defs/DangjianCommand" }, { $ref: "#/$defs/DangjianEvent" }])
    assert.include(commands.description, "can still be rejected")
    // The root's `anyOf` is exact only because no tag is both a command and an event.
    assert.deepStrictEqual(commandTags.filter((tag) => eventTags.includes(tag)), [])
  })

  it("refuses what is no command nor event: an unknown _tag, no _tag, no object", () => {
    for (const input of [{ _tag: "Nonsense" }, { _tag: "" }, {}, [], null, "x", 1, { _tag: ["AdmitMember"] }]) {
      for (const v of verdicts(input as Json)) {
        assert.isFalse(v.schema, `${v.name} accepts ${JSON.stringify(input)}`)
        assert.isFalse(v.decoder)
      }
    }
  })

  it("LegalDate: the pattern is the decoder's calendar, date for date (months' lengths, leap years)", () => {
    const date = ajv.compile(one.$defs["LegalDate"] as object)
    const decodes = Schema.is(LegalDate.LegalDate)
    const two = (n: number) => String(n).padStart(2, "0")
    let checked = 0
    // Every year's edges of every month (and months 00 and 13), and every day of the years around now.
    for (let year = 0; year <= 9999; year++) {
      const days = year >= 1999 && year <= 2030 ? Array.from({ length: 33 }, (_, d) => d) : [0, 1, 28, 29, 30, 31, 32]
      for (let month = 0; month <= 13; month++) {
        for (const day of days) {
          const s = `${String(year).padStart(4, "0")}-${two(month)}-${two(day)}`
          if (date(s) !== decodes(s)) assert.fail(`${s}: pattern ${date(s)}, decoder ${decodes(s)}`)
          checked++
        }
      }
    }
    assert.isAbove(checked, 900_000)
    for (const s of badDates) {
      assert.isFalse(date(s), s)
      assert.isFalse(decodes(s), s)
    }
    for (const s of ["2024-02-29", "2000-02-29", "0000-02-29", "2023-12-31", "9999-12-31"]) {
      assert.isTrue(date(s), s)
      assert.isTrue(decodes(s), s)
    }
    assert.include(String((one.$defs["LegalDate"] as { readonly description: string }).description), "leap years")
  }, 60_000)

  it("accepts every generated command and event, as the decoders do (and each kind alone refuses the other)", () => {
    fc.assert(
      fc.property(Arbitraries.dangjianCommand().map(commandJson), (json) => {
        assert.isTrue(isCommand(json))
        assert.isFalse(validate.events(json))
        assertAgree(json)
      }),
      { numRuns: 1_000 }
    )
    fc.assert(
      fc.property(Arbitraries.dangjianEvent().map(eventJson), (json) => {
        assert.isTrue(isEvent(json))
        assert.isFalse(validate.commands(json))
        assertAgree(json)
      }),
      { numRuns: 1_000 }
    )
  }, 60_000)

  it("agrees with the decoders on mutations: unknown tag, missing field, wrong type, bad date, extra key", () => {
    const refused: Record<string, number> = {}
    const tried: Record<string, number> = {}
    const check = ({ json, kind }: { readonly kind: string; readonly json: Json }) => {
      assertAgree(json)
      tried[kind] = (tried[kind] ?? 0) + 1
      if (!validate.one(json)) refused[kind] = (refused[kind] ?? 0) + 1
    }
    fc.assert(fc.property(mutated(Arbitraries.dangjianCommand().map(commandJson)), check), { numRuns: 1_500 })
    fc.assert(fc.property(mutated(Arbitraries.dangjianEvent().map(eventJson)), check), { numRuns: 1_500 })
    // Not vacuous: each kind of mutation was tried, and the invalid ones were refused by both.
    for (const kind of ["tag", "remove", "replace", "date"]) assert.isAbove(refused[kind] ?? 0, 100, kind)
    assert.strictEqual(refused["date"], tried["date"], "a bad date in a LegalDate field is always refused")
    assert.isUndefined(refused["add"], "an extra property is never refused")
  }, 60_000)
})
