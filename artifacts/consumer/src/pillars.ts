// A strict TypeScript ESM application on the installed packages: the three pillars through the Effect API,
// on the SQLite store and in memory, with the types the published declarations must carry.
import {
  Agreement,
  Compliance,
  Dangjian,
  Finding,
  LegalDate,
  Member,
  MemoryStore,
  Messages,
  Organization,
  OrganizationTree,
  PolicyTimeline,
  RuleViolation,
  VersionConflict
} from "@dangjian/core"
import type { DomainError, Locale } from "@dangjian/core"
import { Projection } from "@dangjian/core/kernel"
import { SqliteStore } from "@dangjian/store-sqlite"
import { Effect, Schema } from "effect"
import assert from "node:assert/strict"
import { mkdtempSync } from "node:fs"
import { join } from "node:path"

// Values paired with a type of the same name are in the published types as both (the bundled declarations
// once dropped 97 such values: `Dangjian.Command`, `Finding.Finding`, `LegalDate.LegalDate`, …).
const isCommand = Schema.is(Dangjian.Command)
const isFinding = Schema.is(Finding.Finding)
const isLegalDate = Schema.is(LegalDate.LegalDate)
const registerMember: typeof Member.RegisterMember.Type = {
  _tag: "RegisterMember",
  memberId: "m-1",
  orgId: "maple",
  status: "full",
  at: "2024-01-02"
}
assert.ok(isCommand(registerMember))
assert.ok(isLegalDate("2024-02-29"))
assert.ok(!isLegalDate("2024-02-30"))

// The declarations are real types, not `any`: each line below must be a type error.
// @ts-expect-error a number of days is a number
const notADate: LegalDate.LegalDate = LegalDate.addDays("2024-01-01", "3")
// @ts-expect-error an unknown command type
const nonsense: Dangjian.Command = { _tag: "Nonsense" }
// @ts-expect-error no such locale
const locale: Locale = "fr"
void notADate
void nonsense
void locale

const establish = (orgId: string, locus: "village" | "enterprise", full: number): Dangjian.Command => ({
  _tag: "EstablishOrganization",
  orgId,
  name: `Branch ${orgId}`,
  kind: "branch",
  formation: "standalone",
  locus,
  parentId: "town",
  approval: { by: "town", level: "township", at: "2024-01-01" },
  initialMembers: Array.from({ length: full }, (_, i) => ({ memberId: `${orgId}-${i + 1}`, status: "full" as const })),
  at: "2024-01-01"
})

const program = Effect.gen(function*() {
  // Organizations
  yield* Dangjian.execute({
    _tag: "EstablishOrganization",
    orgId: "town",
    name: "Town committee",
    kind: "townshipCommittee",
    formation: "standalone",
    locus: "township",
    approval: { by: "county", level: "county", at: "2024-01-01" },
    initialMembers: [],
    at: "2024-01-01"
  })
  yield* Dangjian.execute(establish("maple", "village", 52))
  yield* Dangjian.execute(establish("tea", "enterprise", 3))
  // Membership: a member's stream, then a transfer letter (the member still counts at the origin, R42)
  yield* Dangjian.execute({ _tag: "RegisterMember", memberId: "tea-1", orgId: "tea", status: "full", at: "2024-01-02" })
  yield* Dangjian.execute({
    _tag: "IssueTransferLetter",
    memberId: "tea-1",
    transferId: "t1",
    toOrgId: "maple",
    at: "2024-03-01"
  })
  // Joint building
  const party = (orgId: string) => ({
    _tag: "OrganizationParty" as const,
    orgId,
    liaison: { liaisonId: `${orgId}-liaison` }
  })
  const signed = yield* Dangjian.execute({
    _tag: "SignAgreement",
    agreementId: "maple-tea",
    parties: [party("maple"), party("tea")],
    form: "villageEnterprise",
    areas: ["economy", "publicSecurity"],
    term: { startDate: "2024-03-01", endDate: "2025-02-28" },
    signatories: [
      { partyId: "maple", signatoryId: "maple-secretary", role: "secretary" },
      { partyId: "tea", signatoryId: "tea-secretary", role: "secretary" }
    ],
    at: "2024-03-01"
  })
  assert.deepStrictEqual(signed.streams.map((s) => s.streamId), ["agreement-maple-tea"])
  // A rejection is a typed value with its rule id, rendered in both languages
  const rejected: DomainError | VersionConflict | unknown = yield* Effect.flip(
    Dangjian.execute({ ...establish("tiny", "village", 2) })
  )
  assert.ok(rejected instanceof RuleViolation)
  assert.strictEqual(rejected.ruleId, "R1")
  assert.ok(Messages.render(rejected, "zh-CN").length > 0)
  assert.ok(Messages.render(rejected, "en").length > 0)

  const tree = yield* Projection.replay(OrganizationTree.projection)
  assert.deepStrictEqual(OrganizationTree.roots(tree.state).map((o) => o.orgId), ["town"])
  const report = yield* Compliance.report(PolicyTimeline.national, "2024-06-30")
  assert.ok(report.findings.every(isFinding))
  // The village of 52 full members has grown past a branch (R3 or R4)
  assert.ok(report.findings.some((f) => f.subject.id === "maple"))
  return { findings: report.findings.length, agreementTags: Agreement.AgreementEvent.members.length }
})

// In the consumer folder (the test runs here), which the artifact setup removes afterwards.
const file = join(mkdtempSync(join(process.cwd(), "ts-")), "county.db")
const onSqlite = await Effect.runPromise(
  program.pipe(Effect.provide(SqliteStore.layer({ filename: file, codec: Dangjian.codec })))
)
const inMemory = await Effect.runPromise(program.pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec }))))
assert.deepStrictEqual(onSqlite, inMemory)
assert.ok(Organization.organizationEvents.length > 0)
console.log(JSON.stringify({ ok: true, ...onSqlite }))
