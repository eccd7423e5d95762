// Every generated command and event decodes with its Schema, and every member of each union is generated.
import { Dangjian, Organization } from "@dangjian/core"
import { assert, describe, it } from "@effect/vitest"
import { Result, Schema } from "effect"
import fc from "fast-check"
import { Arbitraries } from "../src/index.ts"

const tagsOf = (
  union: { readonly members: ReadonlyArray<{ readonly fields: { readonly _tag: { readonly ast: unknown } } }> }
) => union.members.map((m) => (m.fields._tag.ast as { readonly literal: string }).literal).sort()

// Decodes the JSON form of every value, checks it equals the value, and returns the tags seen.
const checkUnion = <A extends { readonly _tag: string }>(
  schema: Schema.Codec<A, unknown>,
  arbitrary: fc.Arbitrary<A>,
  numRuns: number
): ReadonlyArray<string> => {
  const decode = Schema.decodeUnknownSync(schema)
  const is = Schema.is(schema)
  const seen = new Set<string>()
  fc.assert(
    fc.property(arbitrary, (value) => {
      assert.isTrue(is(value), value._tag)
      assert.deepStrictEqual(decode(JSON.parse(JSON.stringify(value))), value)
      seen.add(value._tag)
    }),
    { numRuns, seed: 20261130 }
  )
  return [...seen].sort()
}

describe("command and event generators", () => {
  it("OrganizationCommand: every value decodes, and all 19 tags are generated", () => {
    const seen = checkUnion(Organization.OrganizationCommand, Arbitraries.organizationCommand(), 2_000)
    assert.deepStrictEqual(seen, tagsOf(Organization.OrganizationCommand))
    assert.strictEqual(seen.length, 19)
    assert.deepStrictEqual(Object.keys(Arbitraries.organizationCommandArbitraries()).sort(), seen)
  })

  it("TreeCommand: every value decodes, and all 7 tags are generated", () => {
    const seen = checkUnion(Organization.TreeCommand, Arbitraries.treeCommand(), 1_000)
    assert.deepStrictEqual(seen, tagsOf(Organization.TreeCommand))
    assert.strictEqual(seen.length, 7)
    assert.deepStrictEqual(Object.keys(Arbitraries.treeCommandArbitraries()).sort(), seen)
  })

  it("Dangjian.Command: every value of the combined generator decodes, all 26 tags", () => {
    const seen = checkUnion(Dangjian.Command, Arbitraries.command(), 3_000)
    assert.strictEqual(seen.length, 26)
  })

  it("OrganizationEvent: every value decodes and round-trips through Dangjian.codec, all 30 tags", () => {
    const seen = checkUnion(Organization.OrganizationEvent, Arbitraries.organizationEvent(), 3_000)
    assert.deepStrictEqual(seen, tagsOf(Organization.OrganizationEvent))
    assert.strictEqual(seen.length, 30)
    assert.deepStrictEqual(Object.keys(Arbitraries.organizationEventArbitraries()).sort(), seen)
    fc.assert(
      fc.property(Arbitraries.organizationEvent(), (event) => {
        const encoded = Dangjian.codec.encode(event)
        assert.isTrue(Result.isSuccess(encoded))
        if (Result.isSuccess(encoded)) {
          assert.deepStrictEqual(Dangjian.codec.decode(encoded.success), Result.succeed(event))
        }
      }),
      { numRuns: 500 }
    )
  })

  it("the options choose the ids and dates", () => {
    const options = {
      orgIds: ["only"],
      memberPool: 2,
      dates: Arbitraries.legalDate({ min: "2020-01-01", max: "2020-01-31" })
    }
    for (const c of fc.sample(Arbitraries.command(options), { numRuns: 300, seed: 1 })) {
      assert.strictEqual(c.orgId, "only")
      assert.isTrue(c.at >= "2020-01-01" && c.at <= "2020-01-31", c.at)
      if ("memberId" in c) assert.include(["m0", "m1"], c.memberId)
    }
  })

  it("commands shrink: a property failing on any command with members shrinks to a minimal one", () => {
    const out = fc.check(
      fc.property(Arbitraries.organizationCommandArbitraries().FormPartyGroup, (c) => c.memberIds.length < 2),
      { seed: 3 }
    )
    assert.isTrue(out.failed)
    const [shrunk] = out.counterexample ?? []
    // shrunk to exactly two members, the first ids of the pool, no optional keys, the earliest date
    assert.deepStrictEqual([...(shrunk?.memberIds ?? [])].sort(), ["m0", "m1"])
    assert.isFalse(shrunk !== undefined && "leaderId" in shrunk)
    assert.strictEqual(shrunk?.at, "2015-01-01")
  })
})
