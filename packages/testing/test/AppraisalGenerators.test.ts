// Every generated appraisal, points and roles command and event decodes with its Schema, events round-trip
// through Dangjian.codec, every member of each union is generated, and the generators shrink.
import { Appraisal, Dangjian, Points, Roles } from "@dangjian/core"
import { assert, describe, it } from "@effect/vitest"
import { Result, Schema } from "effect"
import fc from "fast-check"
import { Arbitraries } from "../src/index.ts"

const tagsOf = (
  union: { readonly members: ReadonlyArray<{ readonly fields: { readonly _tag: { readonly ast: unknown } } }> }
) => union.members.map((m) => (m.fields._tag.ast as { readonly literal: string }).literal).sort()

const cases = [
  [
    "Appraisal.AppraisalCommand",
    Appraisal.AppraisalCommand,
    Arbitraries.appraisalCommand(),
    Arbitraries.appraisalCommandArbitraries(),
    9
  ],
  [
    "Appraisal.AppraisalEvent",
    Appraisal.AppraisalEvent,
    Arbitraries.appraisalEvent(),
    Arbitraries.appraisalEventArbitraries(),
    9
  ],
  [
    "Points.PointsCommand",
    Points.PointsCommand,
    Arbitraries.pointsCommand(),
    Arbitraries.pointsCommandArbitraries(),
    8
  ],
  ["Points.PointsEvent", Points.PointsEvent, Arbitraries.pointsEvent(), Arbitraries.pointsEventArbitraries(), 8],
  ["Roles.RolesCommand", Roles.RolesCommand, Arbitraries.rolesCommand(), Arbitraries.rolesCommandArbitraries(), 8],
  ["Roles.RolesEvent", Roles.RolesEvent, Arbitraries.rolesEvent(), Arbitraries.rolesEventArbitraries(), 8]
] as const

describe("appraisal, points and roles generators", () => {
  for (const [name, schema, arbitrary, byTag, count] of cases) {
    it(`${name}: every value decodes, and all ${count} tags are generated`, () => {
      const decode = Schema.decodeUnknownSync(schema as unknown as Schema.Codec<{ readonly _tag: string }, unknown>)
      const seen = new Set<string>()
      fc.assert(
        fc.property(arbitrary as fc.Arbitrary<{ readonly _tag: string }>, (value) => {
          assert.deepStrictEqual(decode(JSON.parse(JSON.stringify(value))), value)
          seen.add(value._tag)
          if (name.endsWith("Event")) {
            const encoded = Dangjian.codec.encode(value as never)
            assert.isTrue(Result.isSuccess(encoded))
            if (Result.isSuccess(encoded)) {
              assert.deepStrictEqual<unknown>(Dangjian.codec.decode(encoded.success), Result.succeed(value))
            }
          }
        }),
        { numRuns: 2_000, seed: 20261201 }
      )
      assert.deepStrictEqual([...seen].sort(), tagsOf(schema))
      assert.strictEqual(seen.size, count)
      assert.deepStrictEqual(Object.keys(byTag).sort(), [...seen].sort())
    })
  }

  it("commands shrink to minimal values: the earliest date, no optional keys", () => {
    const out = fc.check(
      fc.property(Arbitraries.appraisalCommandArbitraries().DecideDisposal, (c) => c.vote.yes < 3),
      { seed: 7 }
    )
    assert.isTrue(out.failed)
    const [shrunk] = out.counterexample ?? []
    assert.deepStrictEqual(shrunk?.vote.yes, 3)
    assert.strictEqual(shrunk?.at, "2015-01-01")
    assert.isFalse(shrunk !== undefined && ("approval" in shrunk || "correctionMonths" in shrunk || "actor" in shrunk))
  })
})
