// Fuzzes the public API: arbitrary JSON and mutated valid commands through `Dangjian.decodeAndExecute` on the
// in-memory store. Every outcome is a success or a typed, translated error; nothing throws or dies, and the
// recognisable fake name put in name fields never appears in a message.
import { Dangjian, MemoryStore, Messages } from "@dangjian/core"
import { assert, describe, it } from "@effect/vitest"
import { Cause, Effect, Exit } from "effect"
import fc from "fast-check"
import { Arbitraries } from "../src/index.ts"

const FAKE_NAME = "张测试Zhang-Fuzzname"
const ARBITRARY_INPUTS = 90_000
const MUTATED_INPUTS = 10_000

const township = {
  _tag: "EstablishOrganization",
  orgId: "t1",
  name: FAKE_NAME,
  kind: "townshipCommittee",
  formation: "standalone",
  locus: "township",
  approval: { by: "approver", level: "county", at: "2024-01-01" },
  initialMembers: [],
  at: "2024-01-01"
}
const branch = {
  _tag: "EstablishOrganization",
  orgId: "o1",
  name: FAKE_NAME,
  kind: "branch",
  formation: "standalone",
  locus: "village",
  parentId: "t1",
  approval: { by: "approver", level: "county", at: "2024-03-01" },
  initialMembers: ["m0", "m1", "m2", "m3"].map((memberId) => ({ memberId, status: "full" })),
  at: "2024-03-01"
}

const tags = [
  "EstablishOrganization",
  "UpgradeOrganization",
  "MoveOrganization",
  "SplitOrganization",
  "DissolveOrganization",
  "AddRosterMember",
  "ConvertVillageToCommunity",
  "FormPartyGroup"
]

// Arbitrary JSON, plus tagged objects with random fields (so decoding goes deeper than the tag).
const arbitraryJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({
    _tag: fc.constantFrom(...tags),
    orgId: fc.oneof(fc.constantFrom("t1", "o1"), fc.jsonValue({ maxDepth: 1 })),
    name: fc.constant(FAKE_NAME),
    communityName: fc.constant(FAKE_NAME),
    at: fc.oneof(Arbitraries.calendarEdgeDate, fc.string({ maxLength: 12 })),
    extra: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 })
  })
)

const validCommand: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.constant(township),
  fc.constant(branch),
  fc.constant({ ...branch, orgId: "o2", initialMembers: branch.initialMembers.slice(0, 2) }),
  fc.constant({ _tag: "ConvertVillageToCommunity", orgId: "o1", communityName: FAKE_NAME, at: "2024-05-01" }),
  Arbitraries.rosterCommand("o1", { dates: Arbitraries.legalDate({ min: "2024-03-01", max: "2025-12-31" }) })
)

// Mutations: drop a key, replace a value with arbitrary JSON, or set a name field to the fake name.
const mutated: fc.Arbitrary<unknown> = fc
  .tuple(validCommand, fc.nat(), fc.jsonValue({ maxDepth: 2 }), fc.integer({ min: 0, max: 3 }))
  .map(([command, n, value, how]) => {
    const keys = Object.keys(command)
    const key = keys[n % keys.length] ?? "_tag"
    switch (how) {
      case 0:
        return command
      case 1: {
        const { [key]: _dropped, ...rest } = command
        return rest
      }
      case 2:
        return { ...command, [key]: value }
      default:
        return { ...command, name: FAKE_NAME }
    }
  })

describe("fuzzing Dangjian.decodeAndExecute", () => {
  it("100,000 inputs: zero exceptions, every failure typed, translated and free of personal data", async () => {
    const inputs = [
      ...fc.sample(arbitraryJson, { numRuns: ARBITRARY_INPUTS, seed: 20261122 }),
      ...fc.sample(mutated, { numRuns: MUTATED_INPUTS, seed: 20261123 })
    ]
    const byKind = new Map<string, number>()
    const problems: Array<string> = []
    let succeeded = 0
    let exceptions = 0
    const program = Effect.forEach(
      inputs,
      (input) =>
        Effect.map(Effect.exit(Dangjian.decodeAndExecute(input)), (exit) => {
          if (Exit.isSuccess(exit)) {
            succeeded++
            return
          }
          if (Cause.hasDies(exit.cause) || !Cause.hasFails(exit.cause)) {
            exceptions++
            if (problems.length < 5) problems.push(Cause.pretty(exit.cause))
            return
          }
          const error = Cause.squash(exit.cause) as Parameters<typeof Messages.render>[0] & {
            readonly _tag: string
            readonly message: string
            readonly path?: string
          }
          byKind.set(error._tag, (byKind.get(error._tag) ?? 0) + 1)
          const zh = Messages.render(error, "zh-CN")
          const en = Messages.render(error, "en")
          const report = (why: string) => {
            if (problems.length < 5) problems.push(`${why}: ${error._tag} ${error.code}`)
          }
          if (zh.length === 0 || en.length === 0) report("empty message")
          if (!Messages.isTranslated(error.code)) report("untranslated code")
          if (error._tag === "CommandDecodeError" && typeof error.path !== "string") report("decode error without path")
          const texts = [zh, en, error.message, JSON.stringify(error.params)]
          if (texts.some((t) => t.includes(FAKE_NAME) || t.includes("Fuzzname"))) report("personal data in a message")
        })
    )
    await Effect.runPromise(Effect.provide(program, MemoryStore.layer({ codec: Dangjian.codec })))
    const kinds = Object.fromEntries([...byKind.entries()].sort(([a], [b]) => a.localeCompare(b)))
    console.log(
      JSON.stringify({ inputs: inputs.length, succeeded, typedErrors: kinds, exceptions, problems: problems.length })
    )
    assert.strictEqual(inputs.length, ARBITRARY_INPUTS + MUTATED_INPUTS)
    // The check is not vacuous: many inputs carry the fake name.
    assert.isTrue(inputs.filter((i) => JSON.stringify(i).includes(FAKE_NAME)).length > 10_000)
    assert.deepStrictEqual(problems, [])
    assert.strictEqual(exceptions, 0)
    assert.isTrue(succeeded > 0)
    assert.isTrue([...byKind.keys()].some((k) => k !== "CommandDecodeError"))
  }, 120_000)
})
