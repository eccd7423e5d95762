// Agreements and councils through the public entry points: untrusted JSON decoded and routed by
// `Dangjian.decodeAndExecute` (a signing reads its party organizations' streams and writes none of them, R48,
// R50; council forming reads its members', R51), the compliance view joining agreement findings to the
// organization findings of the same date, and the JSON Schema export of agreement and council commands and
// events.
import { assert, describe, it } from "@effect/vitest"
import { Effect, Result } from "effect"
import {
  Agreement,
  AgreementRegister,
  Compliance,
  Council,
  Dangjian,
  Finding,
  MemoryStore,
  Messages,
  PolicyTimeline
} from "../../src/index.ts"
import type { Localized } from "../../src/index.ts"
import { EventStore } from "../../src/kernel/index.ts"

const store = () => MemoryStore.layer({ codec: Dangjian.codec })
const policies = PolicyTimeline.national

// Commands arrive as JSON text, as from another language or a form.
const json = (command: object): unknown => JSON.parse(JSON.stringify(command))
const run = (command: object) => Dangjian.decodeAndExecute(json(command), { actor: "clerk-1" })

const establish = (orgId: string, full: number, options: object = {}) => ({
  _tag: "EstablishOrganization",
  orgId,
  name: `Branch ${orgId}`,
  kind: "branch",
  formation: "standalone",
  locus: "village",
  parentId: "town",
  approval: { by: "town", level: "township", at: "2024-01-01" },
  initialMembers: Array.from({ length: full }, (_, i) => ({ memberId: `${orgId}-f${i + 1}`, status: "full" })),
  at: "2024-01-01",
  ...options
})

// A township with a village branch `v1` (5 full members) and an enterprise branch `e1` (3 full members).
const setup = Effect.gen(function*() {
  yield* run({
    _tag: "EstablishOrganization",
    orgId: "town",
    name: "Town",
    kind: "townshipCommittee",
    formation: "standalone",
    locus: "township",
    approval: { by: "county", level: "county", at: "2024-01-01" },
    initialMembers: [],
    at: "2024-01-01"
  })
  yield* run(establish("v1", 5))
  yield* run(establish("e1", 3, { locus: "enterprise" }))
})

// Dissolving `e1` on `at`: its members leave first, then the township approves the dissolution.
const dissolveE1 = (at: string) =>
  Effect.gen(function*() {
    for (let i = 1; i <= 3; i++) {
      yield* run({ _tag: "RemoveRosterMember", orgId: "e1", memberId: `e1-f${i}`, reason: "transferredOut", at })
    }
    yield* run({
      _tag: "DissolveOrganization",
      orgId: "e1",
      reason: "unitClosed",
      approval: { by: "town", level: "township", at },
      at
    })
  })

const party = (orgId: string) => ({ _tag: "OrganizationParty", orgId, liaison: { liaisonId: `${orgId}-liaison` } })
const signatory = (partyId: string) => ({ partyId, signatoryId: `${partyId}-secretary`, role: "secretary" })

const signing = (options: object = {}) => ({
  _tag: "SignAgreement",
  agreementId: "pa",
  parties: [party("v1"), party("e1")],
  form: "villageEnterprise",
  areas: ["economy", "publicSecurity"],
  term: { startDate: "2024-03-01", endDate: "2025-02-28" },
  signatories: [signatory("v1"), signatory("e1")],
  at: "2024-03-01",
  ...options
})

const activity = (at: string, options: object = {}) => ({
  _tag: "RecordAgreementActivity",
  agreementId: "pa",
  activityId: `act-${at}`,
  area: "economy",
  partyIds: ["v1", "e1"],
  participants: 12,
  description: "joint market day",
  at,
  ...options
})

const head = EventStore.EventStore.use((s) => s.head)
const versionOf = (streamId: string) =>
  EventStore.EventStore.use((s) => Effect.map(s.readStream(streamId), (read) => read.version))

const localized = (error: unknown): Localized => error as Localized

const ruleOf = (error: unknown) => {
  const e = error as { readonly _tag: string; readonly ruleId?: string; readonly code: string }
  return [e._tag, e.ruleId, e.code]
}

describe("agreement commands through Dangjian.decodeAndExecute", () => {
  it.effect("a signing reads its party organizations and appends to the agreement stream only", () =>
    Effect.gen(function*() {
      yield* setup
      const before = [yield* versionOf("organization-v1"), yield* versionOf("organization-e1")]
      const signed = yield* run(signing())
      assert.deepStrictEqual(signed.streams, [{ streamId: "agreement-pa", version: 1 }])
      assert.deepStrictEqual(signed.events.map((e) => [e.streamId, e.type]), [["agreement-pa", "AgreementSigned"]])
      assert.strictEqual(signed.events[0]!.metadata.actor, "clerk-1")
      assert.strictEqual(signed.events[0]!.metadata.occurredAt, "2024-03-01")
      // R48: a pairing creates no organization and no affiliation; the organization streams get no events
      assert.deepStrictEqual([yield* versionOf("organization-v1"), yield* versionOf("organization-e1")], before)
      // the same signing again is nothing to do
      const again = yield* run(signing())
      assert.deepStrictEqual(again, { streams: [], events: [] })
      assert.strictEqual(yield* versionOf("agreement-pa"), 1)
    }).pipe(Effect.provide(store())))

  it.effect("R50: a party organization that does not exist on the signing date is rejected", () =>
    Effect.gen(function*() {
      yield* setup
      const unknown = yield* Effect.flip(run(signing({
        parties: [party("v1"), party("nowhere")],
        signatories: [signatory("v1"), signatory("nowhere")]
      })))
      assert.deepStrictEqual(ruleOf(unknown), ["RuleViolation", "R50", "agreement.partyOrganizationNotFound"])
      // established on 2024-01-01: a signing dated the day before does not find it
      const early = yield* Effect.flip(run(signing({ at: "2023-12-31" })))
      assert.deepStrictEqual(ruleOf(early), ["RuleViolation", "R50", "agreement.partyOrganizationNotFound"])
      // on the day it is established it signs
      const onTheDay = yield* run(signing({ at: "2024-01-01" }))
      assert.strictEqual(onTheDay.events[0]!.type, "AgreementSigned")
    }).pipe(Effect.provide(store())))

  it.effect("R50: a signing with a dissolved organization is rejected with a zh-CN and en message", () =>
    Effect.gen(function*() {
      yield* setup
      yield* dissolveE1("2024-02-01")
      const position = yield* head
      const rejected = yield* Effect.flip(run(signing()))
      assert.deepStrictEqual(ruleOf(rejected), ["RuleViolation", "R50", "agreement.partyOrganizationDissolved"])
      const error = localized(rejected)
      assert.deepStrictEqual(error.params, { agreementId: "pa", orgId: "e1", dissolvedAt: "2024-02-01" })
      assert.strictEqual(
        Messages.render(error, "zh-CN"),
        "结对共建协议 pa 的党组织 e1 已于 2024-02-01 撤销,不能签订"
      )
      assert.strictEqual(
        Messages.render(error, "en"),
        "Party organization e1 of agreement pa was dissolved on 2024-02-01; it cannot sign"
      )
      // nothing was written
      assert.strictEqual(yield* head, position)
      assert.strictEqual(yield* versionOf("agreement-pa"), 0)
    }).pipe(Effect.provide(store())))

  it.effect("R49, R50: one party, the same party twice, no area are rejected with their rule and messages", () =>
    Effect.gen(function*() {
      yield* setup
      const position = yield* head
      const cases: ReadonlyArray<readonly [object, string, string]> = [
        [{ parties: [party("v1")], signatories: [signatory("v1")] }, "R50", "agreement.tooFewParties"],
        [
          { parties: [party("v1"), party("v1")], signatories: [signatory("v1")] },
          "R50",
          "agreement.duplicateParty"
        ],
        [{ areas: [] }, "R49", "agreement.noArea"]
      ]
      for (const [options, ruleId, code] of cases) {
        const rejected = yield* Effect.flip(run(signing(options)))
        assert.deepStrictEqual(ruleOf(rejected), ["RuleViolation", ruleId, code])
        assert.isTrue(Messages.isTranslated(localized(rejected).code))
        assert.notStrictEqual(Messages.render(localized(rejected), "zh-CN"), Messages.render(localized(rejected), "en"))
      }
      assert.strictEqual(
        Messages.render(localized(yield* Effect.flip(run(signing({ areas: [] })))), "en"),
        "Agreement pa names no joint area; choose at least one of the five (economy, culture, public welfare, public security, ideology and morality)"
      )
      assert.strictEqual(yield* head, position)
    }).pipe(Effect.provide(store())))

  it.effect("bad JSON is a CommandDecodeError that does not echo the input, and never reaches the store", () =>
    Effect.gen(function*() {
      yield* setup
      const position = yield* head
      const bad = yield* Effect.flip(run(signing({ areas: ["economy", "tourism"] })))
      assert.strictEqual(bad._tag, "CommandDecodeError")
      assert.notInclude(JSON.stringify(bad), "tourism")
      assert.notInclude(Messages.render(localized(bad), "zh-CN"), "tourism")
      const noTerm = yield* Effect.flip(run(signing({ term: { startDate: "2024-03-01" } })))
      assert.strictEqual(noTerm._tag, "CommandDecodeError")
      const negative = yield* Effect.flip(run(activity("2024-03-10", { participants: -1 })))
      assert.strictEqual(negative._tag, "CommandDecodeError")
      assert.strictEqual(yield* head, position)
    }).pipe(Effect.provide(store())))

  it.effect("the lifecycle routes to the agreement stream: activity, report, evaluation, renewal, expiry", () =>
    Effect.gen(function*() {
      yield* setup
      yield* run(signing())
      const recorded = yield* run(activity("2024-03-10"))
      assert.deepStrictEqual(recorded.streams, [{ streamId: "agreement-pa", version: 2 }])
      // R49: an activity serves an agreed area
      const offArea = yield* Effect.flip(run(activity("2024-03-11", { area: "culture" })))
      assert.deepStrictEqual(ruleOf(offArea), ["RuleViolation", "R49", "agreement.areaNotAgreed"])
      // R50 (quarterly by default): the first period, 2024-03-01 to 2024-05-31
      const report = yield* run({ _tag: "SubmitAgreementReport", agreementId: "pa", reportId: "q1", at: "2024-05-30" })
      assert.deepStrictEqual(report.events.map((e) => e.data), [{
        _tag: "AgreementReportSubmitted",
        agreementId: "pa",
        reportId: "q1",
        round: 1,
        period: 1,
        periodEnd: "2024-05-31",
        at: "2024-05-30"
      }])
      yield* run({
        _tag: "EvaluateAgreement",
        agreementId: "pa",
        evaluationId: "ev-1",
        rating: "good",
        at: "2024-12-20"
      })
      // the term ends on 2025-02-28: its expiry can be recorded from the next day, not on it
      const early = yield* Effect.flip(run({ _tag: "ExpireAgreement", agreementId: "pa", at: "2025-02-28" }))
      assert.deepStrictEqual(ruleOf(early), ["InvalidCommand", undefined, "agreement.termNotEnded"])
      const renewed = yield* run({
        _tag: "RenewAgreement",
        agreementId: "pa",
        areas: ["economy", "publicSecurity", "publicWelfare"],
        term: { startDate: "2025-03-01", endDate: "2026-02-28" },
        signatories: [signatory("v1"), signatory("e1")],
        at: "2025-02-20"
      })
      assert.deepStrictEqual(renewed.streams, [{ streamId: "agreement-pa", version: 5 }])
      assert.deepStrictEqual(
        renewed.events.map((e) => [e.type, (e.data as { round: number }).round]),
        [["AgreementRenewed", 2]]
      )
      const expired = yield* run({ _tag: "ExpireAgreement", agreementId: "pa", at: "2026-03-01" })
      assert.deepStrictEqual(expired.events.map((e) => e.data), [{
        _tag: "AgreementExpired",
        agreementId: "pa",
        round: 2,
        endDate: "2026-02-28",
        at: "2026-03-01"
      }])
    }).pipe(Effect.provide(store())))

  it.effect("R50: a renewal reads the party organizations again; a dissolved one blocks it", () =>
    Effect.gen(function*() {
      yield* setup
      yield* run(signing())
      yield* dissolveE1("2024-12-01")
      const rejected = yield* Effect.flip(run({
        _tag: "RenewAgreement",
        agreementId: "pa",
        areas: ["economy"],
        term: { startDate: "2025-03-01", endDate: "2026-02-28" },
        signatories: [signatory("v1"), signatory("e1")],
        at: "2025-02-20"
      }))
      assert.deepStrictEqual(ruleOf(rejected), ["RuleViolation", "R50", "agreement.partyOrganizationDissolved"])
      // the office terminates it instead, with a coded reason
      const terminated = yield* run({
        _tag: "TerminateAgreement",
        agreementId: "pa",
        reason: "partyDissolved",
        at: "2024-12-05"
      })
      assert.deepStrictEqual(terminated.streams, [{ streamId: "agreement-pa", version: 2 }])
    }).pipe(Effect.provide(store())))
})

describe("council commands through Dangjian.decodeAndExecute", () => {
  const forming = (options: object = {}) => ({
    _tag: "FormCouncil",
    councilId: "jm",
    kind: "jointMeeting",
    convenerOrgId: "town",
    memberOrgIds: ["town", "v1", "e1"],
    at: "2024-02-01",
    ...options
  })

  it.effect("forming reads the member organizations and appends to the council stream only", () =>
    Effect.gen(function*() {
      yield* setup
      const before = yield* versionOf("organization-e1")
      const formed = yield* run(forming())
      assert.deepStrictEqual(formed.streams, [{ streamId: "council-jm", version: 1 }])
      assert.deepStrictEqual(formed.events.map((e) => e.type), ["CouncilFormed"])
      assert.strictEqual(yield* versionOf("organization-e1"), before)
      const meeting = yield* run({
        _tag: "HoldJointMeeting",
        councilId: "jm",
        meetingId: "m1",
        attendingOrgIds: ["town", "e1"],
        at: "2024-03-01"
      })
      assert.deepStrictEqual(meeting.streams, [{ streamId: "council-jm", version: 2 }])
      const removed = yield* run({ _tag: "RemoveCouncilMember", councilId: "jm", orgId: "e1", at: "2024-04-01" })
      assert.deepStrictEqual(removed.events.map((e) => e.type), ["CouncilMemberRemoved"])
      // R51: a council keeps at least two member organizations
      const tooFew = yield* Effect.flip(
        run({ _tag: "RemoveCouncilMember", councilId: "jm", orgId: "v1", at: "2024-04-02" })
      )
      assert.deepStrictEqual(ruleOf(tooFew), ["RuleViolation", "R51", "council.tooFewMembers"])
      const added = yield* run({ _tag: "AddCouncilMember", councilId: "jm", orgId: "e1", at: "2024-05-01" })
      assert.deepStrictEqual(added.streams, [{ streamId: "council-jm", version: 4 }])
      const dissolved = yield* run({ _tag: "DissolveCouncil", councilId: "jm", at: "2024-06-01" })
      assert.deepStrictEqual(dissolved.events.map((e) => e.type), ["CouncilDissolved"])
    }).pipe(Effect.provide(store())))

  it.effect("R51: forming with one member, or with a dissolved or unknown organization, is rejected", () =>
    Effect.gen(function*() {
      yield* setup
      yield* dissolveE1("2024-01-20")
      const position = yield* head
      const one = yield* Effect.flip(run(forming({ memberOrgIds: ["town"] })))
      assert.deepStrictEqual(ruleOf(one), ["RuleViolation", "R51", "council.tooFewMembers"])
      const dissolved = yield* Effect.flip(run(forming()))
      assert.deepStrictEqual(ruleOf(dissolved), ["RuleViolation", "R51", "council.memberDissolved"])
      assert.strictEqual(
        Messages.render(localized(dissolved), "zh-CN"),
        "联席组织 jm 的成员单位党组织 e1 已于 2024-01-20 撤销"
      )
      assert.strictEqual(
        Messages.render(localized(dissolved), "en"),
        "Member organization e1 of council jm was dissolved on 2024-01-20"
      )
      const unknown = yield* Effect.flip(run(forming({ memberOrgIds: ["town", "v1", "nowhere"] })))
      assert.deepStrictEqual(ruleOf(unknown), ["RuleViolation", "R51", "council.memberNotFound"])
      assert.strictEqual(yield* head, position)
    }).pipe(Effect.provide(store())))
})

describe("Compliance.report joins agreement findings to organization findings", () => {
  const codes = (findings: ReadonlyArray<Finding.Finding>, kind: string) =>
    findings.filter((f) => f.subject.kind === kind).map((f) => `${f.ruleId} ${f.code} ${f.subject.id}`)

  it.effect("report overdue from the day after the period; the organization findings of the same date beside it", () =>
    Effect.gen(function*() {
      yield* setup
      yield* run(signing())
      yield* run(activity("2024-04-15"))
      const last = yield* Compliance.report(policies, "2024-05-31")
      const first = yield* Compliance.report(policies, "2024-06-01")
      assert.deepStrictEqual(codes(last.findings, "agreement"), [])
      assert.deepStrictEqual(codes(first.findings, "agreement"), ["R50 agreement.finding.reportOverdue pa"])
      // the organizations' own findings are in the same list, unchanged by the agreement
      const organizations = codes(first.findings, "organization")
      assert.isNotEmpty(organizations)
      assert.deepStrictEqual(codes(last.findings, "organization"), organizations)
      // the agreement findings are exactly the agreement pillar's assessment of the view's register
      assert.deepStrictEqual(
        first.findings.filter((f) => f.subject.kind === "agreement"),
        [...Agreement.assess(first.view.agreements, policies, "2024-06-01")]
      )
      // and the list is sorted as one
      assert.deepStrictEqual(first.findings, Finding.sort(first.findings))
      assert.deepStrictEqual(
        AgreementRegister.byStanding(
          first.view.agreements,
          "2024-06-01",
          Agreement.defaultPairingPolicy
        ).active,
        ["pa"]
      )
    }).pipe(Effect.provide(store())))

  it.effect("idle, expiring and expired at their boundary days (policy: 90, 30 days)", () =>
    Effect.gen(function*() {
      yield* setup
      yield* run(signing())
      // reports on time, so only the term and the activity matter
      for (const [reportId, at] of [["q1", "2024-05-31"], ["q2", "2024-08-31"], ["q3", "2024-11-30"]] as const) {
        yield* run({ _tag: "SubmitAgreementReport", agreementId: "pa", reportId, at })
      }
      yield* run(activity("2024-11-01"))
      const at = (asOf: string) => Effect.map(Compliance.report(policies, asOf), (r) => codes(r.findings, "agreement"))
      // idle: 90 full days after the last activity (2024-11-01 + 90 = 2025-01-30)
      // expiring: from 30 days before the end of term (2025-02-28 - 30 = 2025-01-29)
      assert.deepStrictEqual(yield* at("2025-01-28"), [])
      assert.deepStrictEqual(yield* at("2025-01-29"), ["R50 agreement.finding.expiring pa"])
      assert.deepStrictEqual((yield* at("2025-01-30")).sort(), [
        "R50 agreement.finding.expiring pa",
        "R50 agreement.finding.idle pa"
      ])
      // expired from the day after the end of term (and no longer idle: the term is over)
      const end = yield* at("2025-02-28")
      assert.include(end, "R50 agreement.finding.expiring pa")
      assert.notInclude(end, "R50 agreement.finding.expired pa")
      const after = yield* at("2025-03-01")
      assert.include(after, "R50 agreement.finding.expired pa")
      assert.notInclude(after, "R50 agreement.finding.expiring pa")
      assert.notInclude(after, "R50 agreement.finding.idle pa")
    }).pipe(Effect.provide(store())))

  it.effect("a party organization dissolved after signing: a finding from its dissolution date, for councils too", () =>
    Effect.gen(function*() {
      yield* setup
      yield* run(signing())
      yield* run({
        _tag: "FormCouncil",
        councilId: "jm",
        kind: "jointMeeting",
        convenerOrgId: "town",
        memberOrgIds: ["town", "v1", "e1"],
        at: "2024-03-01"
      })
      yield* run(activity("2024-04-15"))
      yield* run({ _tag: "SubmitAgreementReport", agreementId: "pa", reportId: "q1", at: "2024-05-31" })
      yield* dissolveE1("2024-06-10")
      const before = yield* Compliance.report(policies, "2024-06-09")
      const on = yield* Compliance.report(policies, "2024-06-10")
      assert.deepStrictEqual(codes(before.findings, "agreement"), [])
      assert.deepStrictEqual(codes(on.findings, "agreement"), ["R50 agreement.finding.partyDissolved pa"])
      const partyDissolved = on.findings.find((f) => f.code === "agreement.finding.partyDissolved")!
      assert.deepStrictEqual(partyDissolved.params, { agreementId: "pa", orgId: "e1", dissolvedAt: "2024-06-10" })
      // R51: the council's finding is on its convener, with the council id in the params
      const council = on.findings.filter((f) => f.ruleId === "R51")
      assert.deepStrictEqual(council.map((f) => [f.code, f.subject]), [
        ["council.finding.memberDissolved", { kind: "organization", id: "town" }]
      ])
      assert.deepStrictEqual(before.findings.filter((f) => f.ruleId === "R51"), [])
      // every finding renders in both languages
      for (const finding of on.findings) {
        assert.isTrue(Messages.isTranslated(finding.code), finding.code)
        assert.isString(Messages.render(finding, "zh-CN"))
      }
      assert.strictEqual(
        Messages.render(partyDissolved, "zh-CN"),
        "结对共建协议 pa 的党组织 e1 已于 2024-06-10 撤销:请终止协议或与继任组织续签"
      )
    }).pipe(Effect.provide(store())))
})

describe("Dangjian.jsonSchemas", () => {
  type Def = { readonly anyOf: ReadonlyArray<{ readonly properties: { readonly _tag: { readonly enum: [string] } } }> }
  const tagsOf = (def: Def | undefined) => (def?.anyOf ?? []).map((member) => member.properties._tag.enum[0])

  it("includes every agreement and council command and event", () => {
    const { commands, events } = Dangjian.jsonSchemas() as {
      readonly commands: { readonly $defs: Record<string, Def> }
      readonly events: { readonly $defs: Record<string, Def> }
    }
    assert.deepStrictEqual(tagsOf(commands.$defs["AgreementCommand"]), [
      "ProposeAgreement",
      "SignAgreement",
      "RecordAgreementActivity",
      "SubmitAgreementReport",
      "EvaluateAgreement",
      "RenewAgreement",
      "TerminateAgreement",
      "ExpireAgreement"
    ])
    assert.deepStrictEqual(tagsOf(commands.$defs["CouncilCommand"]), [
      "FormCouncil",
      "AddCouncilMember",
      "RemoveCouncilMember",
      "HoldJointMeeting",
      "DissolveCouncil"
    ])
    assert.deepStrictEqual(
      tagsOf(events.$defs["AgreementEvent"]),
      Agreement.agreementEvents.map((definition) => definition.type)
    )
    assert.deepStrictEqual(
      tagsOf(events.$defs["CouncilEvent"]),
      Council.councilEvents.map((definition) => definition.type)
    )
    // the union of every command refers to them
    assert.include(JSON.stringify(commands.$defs["DangjianCommand"]), "#/$defs/AgreementCommand")
    assert.include(JSON.stringify(commands.$defs["DangjianCommand"]), "#/$defs/CouncilCommand")
  })

  it("the signing's JSON Schema requires what R49 and R50 require of the input", () => {
    const { commands } = Dangjian.jsonSchemas() as {
      readonly commands: { readonly $defs: Record<string, { readonly anyOf: ReadonlyArray<any> }> }
    }
    const sign = commands.$defs["AgreementCommand"]!.anyOf.find((m) => m.properties._tag.enum[0] === "SignAgreement")
    assert.sameMembers(sign.required, ["_tag", "agreementId", "parties", "form", "areas", "signatories", "at"])
    assert.deepStrictEqual(sign.properties.areas.items.enum, [...Agreement.areas])
    // and a command decoded from that JSON runs
    assert.isTrue(Result.isSuccess(Dangjian.decodeCommand(json(signing()))))
  })
})
