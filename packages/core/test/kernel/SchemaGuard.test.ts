import { assert, describe, it } from "@effect/vitest"
import { Arbitrary, Effect, Schema } from "effect"
import fc from "fast-check"
import { fastGuard } from "../../src/kernel/SchemaGuard.ts"

// Schemas the hand-built check covers, and values around them.
const covered = {
  struct: Schema.TaggedStruct("MemberJoined", { orgId: Schema.String, memberId: Schema.String, role: Schema.String }),
  mixed: Schema.Struct({
    n: Schema.Number,
    flag: Schema.Boolean,
    kind: Schema.Literals(["a", "b", 3]),
    tags: Schema.Array(Schema.String),
    note: Schema.optionalKey(Schema.String),
    nested: Schema.Struct({ at: Schema.String, count: Schema.Number })
  })
}

// Schemas it must leave to `Schema.is`: checks, transformations, optional-with-undefined, records.
const left = {
  checked: Schema.Struct({ name: Schema.NonEmptyString }),
  transformed: Schema.Struct({ n: Schema.NumberFromString }),
  optional: Schema.Struct({ note: Schema.optional(Schema.String) }),
  record: Schema.Record(Schema.String, Schema.Number)
}

const samples = <S extends Schema.Top>(schema: S, count: number): ReadonlyArray<unknown> =>
  Effect.runSync(Arbitrary.sampleEffect(Arbitrary.schema(schema as any), { count, seed: 7 }))

// A valid value with one field replaced by anything (or removed): the values a check can most easily get wrong.
const nearValid = (valid: ReadonlyArray<unknown>) =>
  fc.tuple(fc.constantFrom(...valid), fc.anything(), fc.boolean()).map(([value, replacement, remove]) => {
    if (typeof value !== "object" || value === null) return replacement
    const keys = Object.keys(value)
    if (keys.length === 0) return replacement
    const copy: Record<string, unknown> = { ...value }
    const key = keys[Math.abs(JSON.stringify(replacement ?? null)?.length ?? 0) % keys.length]!
    if (remove) delete copy[key]
    else copy[key] = replacement
    return copy
  })

describe("SchemaGuard.fastGuard", () => {
  for (const [name, schema] of Object.entries(covered)) {
    it(`${name}: accepts every valid value and never accepts what Schema.is refuses`, () => {
      const guard = fastGuard(schema.ast)
      assert.isDefined(guard)
      const is = Schema.is(schema as any)
      const valid = samples(schema, 200)
      for (const value of valid) assert.isTrue(guard!(value), JSON.stringify(value))
      let refused = 0
      fc.assert(
        fc.property(fc.oneof(fc.anything(), nearValid(valid)), (value) => {
          if (guard!(value)) assert.isTrue(is(value), JSON.stringify(value))
          else refused++
        }),
        { numRuns: 3000 }
      )
      // Non-vacuity: the near-valid values do reach the refusing branch.
      assert.isAbove(refused, 100)
    })
  }

  it("leaves schemas with checks, transformations, undefined-able keys or records to Schema.is", () => {
    for (const schema of Object.values(left)) assert.isUndefined(fastGuard(schema.ast))
  })
})
