import { assert, describe, it } from "@effect/vitest"
import { Effect, Result } from "effect"
import { Dangjian, MemoryStore, Messages } from "../../src/index.ts"
import { EventStore } from "../../src/kernel/index.ts"
import { township, village } from "../organization/fixtures.ts"

const store = () => MemoryStore.layer({ codec: Dangjian.codec })

describe("Dangjian.execute", () => {
  it.effect("routes tree commands over several streams and single-stream commands to the decider", () =>
    Effect.gen(function*() {
      yield* Dangjian.execute(township() as Dangjian.Command)
      const established = yield* Dangjian.execute(village("v1", 5) as Dangjian.Command, { actor: "clerk-1" })
      assert.deepStrictEqual(
        established.streams.map((s) => s.streamId).sort(),
        ["organization-town", "organization-v1"]
      )
      assert.isTrue(established.events.every((e) => e.metadata.actor === "clerk-1"))
      assert.isTrue(established.events.every((e) => e.metadata.occurredAt === "2024-01-01"))
      const added = yield* Dangjian.execute({
        _tag: "AddRosterMember",
        orgId: "v1",
        memberId: "v1-new",
        status: "probationary",
        reason: "admitted",
        at: "2024-02-01"
      } as Dangjian.Command)
      const before = established.streams.find((s) => s.streamId === "organization-v1")!.version
      assert.deepStrictEqual(added.streams, [{ streamId: "organization-v1", version: before + 1 }])
      assert.strictEqual(added.events[0]!.type, "RosterMemberAdded")
    }).pipe(Effect.provide(store())))

  it.effect("R1: a standalone branch with 2 full members is a typed RuleViolation and writes nothing", () =>
    Effect.gen(function*() {
      yield* Dangjian.execute(township() as Dangjian.Command)
      const head = yield* EventStore.EventStore.use((s) => s.head)
      const rejected = yield* Effect.flip(Dangjian.execute(village("v2", 2) as Dangjian.Command))
      assert.strictEqual(rejected._tag, "RuleViolation")
      assert.strictEqual((rejected as { ruleId: string }).ruleId, "R1")
      assert.isTrue(Messages.isTranslated((rejected as { code: string }).code))
      assert.strictEqual(yield* EventStore.EventStore.use((s) => s.head), head)
    }).pipe(Effect.provide(store())))

  it("decodeCommand: bad input is a typed error with the path, never the input", () => {
    const decoded = Dangjian.decodeCommand({
      _tag: "AddRosterMember",
      orgId: "v1",
      memberId: "secret-name",
      status: "full",
      reason: "initial",
      at: "2024-13-01"
    })
    assert.isTrue(Result.isFailure(decoded))
    const error = (decoded as Result.Failure<unknown, any>).failure
    assert.strictEqual(error._tag, "CommandDecodeError")
    assert.strictEqual(error.path, "at")
    assert.notInclude(error.message, "secret-name")
    assert.isString(Messages.render(error, "zh-CN"))
    for (const input of [null, 1, "x", [], {}, { _tag: "Nope" }]) {
      assert.isTrue(Result.isFailure(Dangjian.decodeCommand(input)))
    }
    // The member of the union is chosen by `_tag`, so the path names the bad field in every pillar.
    const pathOf = (input: unknown) => {
      const result = Dangjian.decodeCommand(input)
      return Result.isFailure(result) ? result.failure.path : "decoded"
    }
    assert.strictEqual(pathOf({ _tag: "AdmitMember", memberId: 5 }), "memberId")
    assert.strictEqual(pathOf({ _tag: "SignAgreement" }), "agreementId")
    assert.strictEqual(pathOf({ _tag: "EstablishOrganization", orgId: 3 }), "orgId")
    assert.strictEqual(pathOf({ _tag: "Nope" }), "_tag")
    assert.strictEqual(pathOf([]), "(root)")
  })

  it("jsonSchemas: commands and events as JSON Schema 2020-12", () => {
    const { commands, events } = Dangjian.jsonSchemas()
    assert.strictEqual(commands.$schema, "https://json-schema.org/draft/2020-12/schema")
    assert.isAbove(JSON.stringify(commands).length, 1000)
    assert.include(JSON.stringify(commands), "EstablishOrganization")
    assert.include(JSON.stringify(events), "RosterMemberAdded")
    assert.doesNotThrow(() => JSON.parse(JSON.stringify({ commands, events })))
  })
})

describe("Dangjian.routes", () => {
  it("every command tag has exactly one route, and every route tag is a command", () => {
    const commandTags = Dangjian.Command.members.flatMap((union) =>
      union.members.map((member) => (member.fields._tag.schema as { readonly literal: string }).literal)
    )
    const routeTags = Dangjian.routes.flatMap((route) => route.tags as ReadonlyArray<string>)
    assert.deepStrictEqual([...routeTags].sort(), [...commandTags].sort())
    assert.strictEqual(new Set(routeTags).size, routeTags.length)
  })

  it.effect("a command outside Dangjian.Command (from JavaScript) is a typed InvalidCommand", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Dangjian.execute({ _tag: "Nonsense", at: "2024-01-01" } as never))
      assert.strictEqual(error._tag, "InvalidCommand")
      assert.strictEqual((error as { readonly code: string }).code, "domain.unknownCommand")
      assert.strictEqual(yield* EventStore.EventStore.use((s) => s.head), 0)
    }).pipe(Effect.provide(store())))

  it.effect("the command's own actor is recorded; the options' actor stands in when it names none", () =>
    Effect.gen(function*() {
      const first = yield* Dangjian.execute({ ...township(), actor: "clerk-9" } as Dangjian.Command, {
        actor: "client-1"
      })
      assert.isTrue(first.events.every((e) => e.metadata.actor === "clerk-9"))
      const second = yield* Dangjian.execute(village("v1", 5) as Dangjian.Command, { actor: "client-1" })
      assert.isTrue(second.events.every((e) => e.metadata.actor === "client-1"))
      const decoded = yield* Dangjian.decodeAndExecute({ ...village("v2", 5), actor: "clerk-3" })
      assert.isTrue(decoded.events.every((e) => e.metadata.actor === "clerk-3"))
    }).pipe(Effect.provide(store())))
})
