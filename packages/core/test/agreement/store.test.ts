// The agreement aggregate against the event store: a signing reads the party organizations' streams in the
// same atomic append and writes none of them (R48); the register projection consumes agreement and
// organization events; the findings as of a date join the organization findings in one sorted list.
import { assert, describe, it } from "@effect/vitest"
import { Effect, Result } from "effect"
import * as Agreement from "../../src/agreement/Agreement.ts"
import {
  AgreementRegister,
  Finding,
  MemoryStore,
  Organization,
  OrganizationTree,
  PolicyTimeline
} from "../../src/index.ts"
import { CommandHandler, EventCodec, EventStore, Projection } from "../../src/kernel/index.ts"
import { members, township, village } from "../organization/fixtures.ts"
import { activity, sign } from "./fixtures.ts"

const codec = EventCodec.make([...Organization.organizationEvents, ...Agreement.agreementEvents])
const store = () => MemoryStore.layer({ codec })
const policies = PolicyTimeline.national
const context = (occurredAt: string) => ({ context: { occurredAt, actor: "clerk-1" } })
const tree = (command: Organization.TreeCommand) =>
  CommandHandler.run(Organization.treeRoute, command, policies, context(command.at))
const agreement = (command: Agreement.AgreementCommand) =>
  CommandHandler.run(Agreement.route, command, policies, context(command.at))

const setup = Effect.gen(function*() {
  yield* tree(township())
  yield* tree(village("v1", 5))
  yield* tree(village("e1", 3, 0, { locus: "enterprise" }))
})

const dissolveE1 = (at: string) =>
  Effect.gen(function*() {
    for (const { memberId } of members("e1", 3)) {
      yield* CommandHandler.handle(Organization.decider(policies), Organization.streamId("e1"), {
        _tag: "RemoveRosterMember",
        orgId: "e1",
        memberId,
        reason: "transferredOut",
        at
      }, context(at))
    }
    yield* tree({
      _tag: "DissolveOrganization",
      orgId: "e1",
      reason: "unitClosed",
      approval: { by: "town", level: "township", at },
      at
    })
  })

const versionOf = (streamId: string) =>
  EventStore.EventStore.use((s) => Effect.map(s.readStream(streamId), (read) => read.version))

describe("Agreement against the event store", () => {
  it.effect("signing appends to the agreement stream only; the organization streams keep their versions", () =>
    Effect.gen(function*() {
      yield* setup
      const before = [yield* versionOf("organization-v1"), yield* versionOf("organization-e1")]
      const handled = yield* agreement(sign())
      assert.deepStrictEqual(handled.streams, [{ streamId: "agreement-pa", version: 1 }])
      assert.strictEqual(handled.events[0]!.streamId, "agreement-pa")
      assert.strictEqual(handled.events[0]!.type, "AgreementSigned")
      assert.deepStrictEqual([yield* versionOf("organization-v1"), yield* versionOf("organization-e1")], before)
      // the same signing again writes nothing
      assert.deepStrictEqual((yield* agreement(sign())).events, [])
      const recorded = yield* agreement(activity("2024-03-10"))
      assert.deepStrictEqual(recorded.streams, [{ streamId: "agreement-pa", version: 2 }])
    }).pipe(Effect.provide(store())))

  it.effect("signing with a dissolved organization is a typed R50 error and writes nothing", () =>
    Effect.gen(function*() {
      yield* setup
      yield* dissolveE1("2024-02-01")
      const head = yield* EventStore.EventStore.use((s) => s.head)
      const result = yield* Effect.result(agreement(sign()))
      assert.isTrue(Result.isFailure(result))
      if (Result.isFailure(result)) {
        assert.strictEqual(result.failure._tag, "RuleViolation")
        assert.strictEqual((result.failure as { ruleId: string }).ruleId, "R50")
        assert.strictEqual(result.failure.code, "agreement.partyOrganizationDissolved")
      }
      assert.strictEqual(yield* EventStore.EventStore.use((s) => s.head), head)
    }).pipe(Effect.provide(store())))

  it.effect("the register consumes organization dissolutions; as of an earlier date it does not see them", () =>
    Effect.gen(function*() {
      yield* setup
      yield* agreement(sign())
      yield* agreement(activity("2024-06-01"))
      yield* dissolveE1("2024-06-10")
      const now = yield* Projection.replay(AgreementRegister.projection)
      assert.deepStrictEqual(AgreementRegister.withDissolvedParty(now.state), [
        { agreementId: "pa", orgId: "e1", dissolvedAt: "2024-06-10" }
      ])
      const before = yield* Projection.replay(AgreementRegister.asOf("2024-06-09"))
      assert.deepStrictEqual(AgreementRegister.withDissolvedParty(before.state), [])
      // as of 2024-06-15: the dissolved party, and the first quarter's report overdue; the organization
      // findings and the agreement findings join into one sorted list
      const asOf = "2024-06-15"
      const orgs = yield* Projection.replay(OrganizationTree.asOf(asOf))
      const register = yield* Projection.replay(AgreementRegister.asOf(asOf))
      const joined = Finding.sort([
        ...Organization.assess(orgs.state, policies, asOf),
        ...Agreement.assess(register.state, policies, asOf)
      ])
      const agreementFindings = joined.filter((f) => f.subject.kind === "agreement").map((f) => f.code)
      assert.deepStrictEqual(agreementFindings, ["agreement.finding.reportOverdue", "agreement.finding.partyDissolved"])
    }).pipe(Effect.provide(store())))

  it.effect("a renewal reads the agreement's party organizations from the store", () =>
    Effect.gen(function*() {
      yield* setup
      yield* agreement(sign())
      yield* dissolveE1("2024-12-01")
      const renew: Agreement.AgreementCommand = {
        _tag: "RenewAgreement",
        agreementId: "pa",
        areas: ["economy"],
        term: { startDate: "2025-03-01", endDate: "2026-02-28" },
        signatories: [{ partyId: "v1", signatoryId: "s1" }, { partyId: "e1", signatoryId: "s2" }],
        at: "2025-02-20"
      }
      const result = yield* Effect.result(agreement(renew))
      assert.isTrue(Result.isFailure(result) && result.failure.code === "agreement.partyOrganizationDissolved")
    }).pipe(Effect.provide(store())))
})
