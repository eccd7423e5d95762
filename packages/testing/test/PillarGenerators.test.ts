// Every generated member, unit check-in, agreement and council command and event decodes with its Schema,
// events round-trip through Dangjian.codec, and every member of each union is generated.
import { Agreement, Council, Dangjian, Meeting, Member, UnitCheckIn } from "@dangjian/core"
import { assert, describe, it } from "@effect/vitest"
import { Result, Schema } from "effect"
import fc from "fast-check"
import { Arbitraries } from "../src/index.ts"

const tagsOf = (
  union: { readonly members: ReadonlyArray<{ readonly fields: { readonly _tag: { readonly ast: unknown } } }> }
) => union.members.map((m) => (m.fields._tag.ast as { readonly literal: string }).literal).sort()

// The tags of a union of unions (Dangjian.Command, Dangjian.Event).
const allTagsOf = (union: { readonly members: ReadonlyArray<Parameters<typeof tagsOf>[0]> }) =>
  union.members.flatMap(tagsOf).sort()

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

const roundTrips = <A>(arbitrary: fc.Arbitrary<A>) =>
  fc.assert(
    fc.property(arbitrary, (event) => {
      const encoded = Dangjian.codec.encode(event as never)
      assert.isTrue(Result.isSuccess(encoded))
      if (Result.isSuccess(encoded)) {
        assert.deepStrictEqual<unknown>(Dangjian.codec.decode(encoded.success), Result.succeed(event))
      }
    }),
    { numRuns: 300 }
  )

const cases = [
  [
    "Member.MemberCommand",
    Member.MemberCommand,
    Arbitraries.memberCommand(),
    Arbitraries.memberCommandArbitraries(),
    26
  ],
  [
    "UnitCheckIn.UnitCheckInCommand",
    UnitCheckIn.UnitCheckInCommand,
    Arbitraries.unitCheckInCommand(),
    Arbitraries.unitCheckInCommandArbitraries(),
    4
  ],
  [
    "Agreement.AgreementCommand",
    Agreement.AgreementCommand,
    Arbitraries.agreementCommand(),
    Arbitraries.agreementCommandArbitraries(),
    8
  ],
  [
    "Council.CouncilCommand",
    Council.CouncilCommand,
    Arbitraries.councilCommand(),
    Arbitraries.councilCommandArbitraries(),
    5
  ],
  [
    "Meeting.MeetingCommand",
    Meeting.MeetingCommand,
    Arbitraries.meetingCommand(),
    Arbitraries.meetingCommandArbitraries(),
    6
  ],
  ["Member.MemberEvent", Member.MemberEvent, Arbitraries.memberEvent(), Arbitraries.memberEventArbitraries(), 26],
  [
    "UnitCheckIn.UnitCheckInEvent",
    UnitCheckIn.UnitCheckInEvent,
    Arbitraries.unitCheckInEvent(),
    Arbitraries.unitCheckInEventArbitraries(),
    4
  ],
  [
    "Agreement.AgreementEvent",
    Agreement.AgreementEvent,
    Arbitraries.agreementEvent(),
    Arbitraries.agreementEventArbitraries(),
    8
  ],
  [
    "Council.CouncilEvent",
    Council.CouncilEvent,
    Arbitraries.councilEvent(),
    Arbitraries.councilEventArbitraries(),
    5
  ],
  [
    "Meeting.MeetingEvent",
    Meeting.MeetingEvent,
    Arbitraries.meetingEvent(),
    Arbitraries.meetingEventArbitraries(),
    5
  ]
] as const

describe("member, unit check-in, agreement and council generators", () => {
  for (const [name, schema, arbitrary, byTag, count] of cases) {
    it(`${name}: every value decodes, and all ${count} tags are generated`, () => {
      const seen = checkUnion(
        schema as unknown as Schema.Codec<{ readonly _tag: string }, unknown>,
        arbitrary as fc.Arbitrary<{ readonly _tag: string }>,
        3_000
      )
      assert.deepStrictEqual(seen, tagsOf(schema))
      assert.strictEqual(seen.length, count)
      assert.deepStrictEqual(Object.keys(byTag).sort(), seen)
      if (name.endsWith("Event")) roundTrips(arbitrary as fc.Arbitrary<unknown>)
    })
  }

  it("Dangjian.Command and Dangjian.Event: every value decodes, and every tag of both is generated", () => {
    const commands = checkUnion(Dangjian.Command, Arbitraries.dangjianCommand(), 8_000)
    assert.deepStrictEqual(commands, allTagsOf(Dangjian.Command))
    // organization, member, unit check-in, agreement, council, meeting, appraisal, points, roles, dues,
    // development, leadership
    assert.strictEqual(commands.length, 26 + 26 + 4 + 8 + 5 + 6 + 9 + 8 + 8 + 11 + 32 + 7)
    const events = checkUnion(Dangjian.Event, Arbitraries.dangjianEvent(), 8_000)
    assert.deepStrictEqual(events, allTagsOf(Dangjian.Event))
    assert.strictEqual(events.length, 30 + 26 + 4 + 8 + 5 + 5 + 9 + 8 + 8 + 11 + 32 + 9)
  })

  it("member and agreement commands shrink to minimal values", () => {
    const out = fc.check(
      fc.property(Arbitraries.agreementCommandArbitraries().SignAgreement, (c) => c.parties.length < 2),
      { seed: 7 }
    )
    assert.isTrue(out.failed)
    const [shrunk] = out.counterexample ?? []
    // two parties (the first org id of the pool), no areas, no signatories, no optional keys, earliest date
    assert.strictEqual(shrunk?.parties.length, 2)
    assert.deepStrictEqual(shrunk?.areas, [])
    assert.deepStrictEqual(shrunk?.signatories, [])
    assert.isFalse(shrunk !== undefined && ("term" in shrunk || "jointOrganizationId" in shrunk))
    assert.strictEqual(shrunk?.at, "2015-01-01")
    const member = fc.check(
      fc.property(Arbitraries.memberCommandArbitraries().AdmitMember, (c) => c.meeting.yes < 3),
      { seed: 7 }
    )
    assert.deepStrictEqual(member.counterexample?.[0]?.meeting, { entitled: 0, present: 0, yes: 3, at: "2015-01-01" })
  })
})
