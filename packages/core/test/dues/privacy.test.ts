// PRIVACY: a dues base is a member's income. A run with a known base (7382.91 yuan, 738291 fen, paying 110.74 a
// month at 1.5 %) goes through the store with a tracer and a logger that keep everything; then every rejection
// of the run (a wide range of bad commands), every decode failure of a bad base, and every finding of the
// register on several dates is rendered in zh-CN and en, with its plain message and its JSON, and none of it, nor
// any span or log line, shows the base or the amount computed from it, in any spelling.
import { assert, describe, it } from "@effect/vitest"
import { Effect, Logger, References, Result, Tracer } from "effect"
import type { DomainError } from "../../src/index.ts"
import { Dangjian, Dues, DuesRegister, MemoryStore, Messages } from "../../src/index.ts"
import { Projection } from "../../src/kernel/index.ts"
import type { Command } from "./fixtures.ts"
import { assess, declare, open, pay, policyWith } from "./fixtures.ts"

const base = 738291
const monthly = 11074 // 738291 × 150 bp = 11074.365 fen, half-up
const secrets = ["738291", "7382.91", "7382", "73829", "7,382", "11074", "110.74", "1107"]

const policy = policyWith({ fixing: "followIncome" })

const setup: ReadonlyArray<Command> = [
  {
    _tag: "EstablishOrganization",
    orgId: "town",
    name: "Town",
    kind: "townshipCommittee",
    formation: "standalone",
    locus: "township",
    approval: { by: "county", level: "county", at: "2020-01-01" },
    initialMembers: [],
    at: "2020-01-01"
  },
  ...["v1", "v2"].map((orgId): Command => ({
    _tag: "EstablishOrganization",
    orgId,
    name: `Branch ${orgId}`,
    kind: "branch",
    formation: "standalone",
    locus: "village",
    parentId: "town",
    approval: { by: "town", level: "township", at: "2020-01-01" },
    initialMembers: [1, 2, 3].map((n) => ({ memberId: `${orgId}-f${n}`, status: "full" as const })),
    at: "2020-01-01"
  })),
  { _tag: "RegisterMember", memberId: "v1-f1", orgId: "v1", status: "full", at: "2020-01-01" },
  open("v1-f1", "2024-01-02"),
  declare("v1-f1", 2024, "salaried", base, "2024-01-02"),
  assess("v1-f1", 2024, "2024-01-02"),
  pay("v1-f1", "jan", ["2024-01"], monthly, "2024-01-20")
]

// Commands each rule refuses, all about the member whose base is known.
const refused: ReadonlyArray<Command> = [
  open("v1-f1", "2024-01-03"),
  declare("v1-f1", 2024, "salaried", undefined, "2024-02-01"),
  declare("v1-f1", 2024, "student", base, "2024-02-01"),
  declare("v1-f1", 2024, "retiree", base, "2024-02-01", { includesAllowances: true }),
  declare("v1-f1", 2024, "farmerWithIncome", base, "2024-02-01"),
  declare("v1-f1", 2025, "salaried", base, "2024-02-01", { fromMonth: "2024-03" }),
  assess("v1-f1", 2024, "2024-02-01"),
  assess("v1-f1", 2025, "2024-02-01", { amountFen: base }),
  assess("v1-f1", 2026, "2024-02-01", { amountFen: monthly - 1 }),
  { _tag: "ReassessDues", memberId: "v1-f1", year: 2024, fromMonth: "2023-12", at: "2024-02-01" },
  { _tag: "ReassessDues", memberId: "v1-f1", year: 2024, fromMonth: "2024-03", amountFen: base, at: "2024-02-01" },
  pay("v1-f1", "b", ["2024-02"], monthly - 1, "2024-02-20"),
  pay("v1-f1", "b", ["2024-02", "2024-03"], base, "2024-02-20", { payer: "organization" }),
  pay("v1-f1", "b", ["2024-02"], monthly, "2024-02-20", { method: "payrollDeduction" }),
  pay("v1-f1", "b", ["2024-02"], monthly + base, "2024-02-20", { extraInitiatedBy: "organization" }),
  pay("v1-f1", "b", ["2024-02"], monthly, "2024-02-20", { collectingOrgId: "v2" }),
  pay("v1-f1", "b", ["2024-02"], monthly, "2024-02-20", { payer: "relative" }),
  pay("v1-f1", "b", ["2024-09"], monthly, "2024-02-20"),
  pay("v1-f1", "b", ["2024-01"], monthly, "2024-02-20"),
  pay("v1-f1", "b", ["2023-12"], monthly, "2024-02-20"),
  pay("v1-f1", "b", ["2024-02", "2024-02"], 2 * monthly, "2024-02-20"),
  {
    _tag: "ReduceDues",
    memberId: "v1-f1",
    decisionId: "r1",
    fromMonth: "2024-03",
    toMonth: "2024-04",
    monthlyFen: monthly,
    branchDecision: { by: "v1", at: "2024-02-20" },
    approval: { by: "town", level: "township", at: "2024-02-21" },
    at: "2024-02-22"
  },
  {
    _tag: "ExemptDues",
    memberId: "v1-f1",
    decisionId: "x1",
    fromMonth: "2024-03",
    toMonth: "2024-04",
    branchDecision: { by: "v1", at: "2024-02-20" },
    at: "2024-02-22"
  },
  {
    _tag: "ArrangeQuarterlyDues",
    memberId: "v1-f1",
    fromMonth: "2024-03",
    consent: { by: "v2", at: "2024-02-20" },
    at: "2024-02-22"
  },
  { _tag: "ReviewDuesLapse", memberId: "v1-f1", fromMonth: "2024-02", at: "2024-02-22" },
  { _tag: "CloseDuesAccount", memberId: "v1-f1", lastMonth: "2023-06", reason: "other", at: "2024-02-22" },
  {
    _tag: "IssueTransferLetter",
    memberId: "v1-f1",
    transferId: "tr0",
    toOrgId: "v2",
    duesPaidThrough: "2025-01",
    at: "2024-02-22"
  }
]

// Accepted later: a raise under followIncome, a reassessment without a reason, months left unpaid, letters
// with and without the paid-through month (findings of every kind follow).
const later: ReadonlyArray<Command> = [
  declare("v1-f1", 2024, "salaried", base + 100, "2024-03-02", { fromMonth: "2024-03" }),
  { _tag: "ReassessDues", memberId: "v1-f1", year: 2024, fromMonth: "2024-04", at: "2024-04-02" },
  { _tag: "IssueTransferLetter", memberId: "v1-f1", transferId: "tr1", toOrgId: "v2", at: "2024-09-10" },
  { _tag: "RejectTransfer", memberId: "v1-f1", transferId: "tr1", reason: "fileIncomplete", at: "2024-09-12" },
  {
    _tag: "IssueTransferLetter",
    memberId: "v1-f1",
    transferId: "tr2",
    toOrgId: "v2",
    duesPaidThrough: "2024-03",
    at: "2024-09-20"
  }
]

const leaks = (text: string): ReadonlyArray<string> => secrets.filter((s) => text.includes(s))

const shown = (localized: { readonly code: string; readonly params: object }): string =>
  [
    Messages.render(localized as DomainError, "zh-CN"),
    Messages.render(localized as DomainError, "en"),
    (localized as { message?: string }).message ?? "",
    JSON.stringify(localized)
  ].join("\n")

describe("PRIVACY: a dues base never leaves the stream", () => {
  it("no rejection, decode failure, finding, span or log line of a run shows the base or the amount computed from it", async () => {
    const spans: Array<Tracer.NativeSpan> = []
    const tracer = Tracer.make({
      span(options) {
        const span = new Tracer.NativeSpan(options)
        spans.push(span)
        return span
      }
    })
    const logs: Array<string> = []
    const logger = Logger.make((options) => logs.push(JSON.stringify(options.message)))
    const errors: Array<DomainError> = []
    const program = Effect.gen(function*() {
      // the capture works: a probe carrying the base is seen by both
      yield* Effect.log(`probe ${base}`).pipe(Effect.withSpan("probe", { attributes: { probe: base } }))
      for (const command of setup) yield* Dangjian.execute(command, { policies: policy })
      for (const command of refused) {
        const outcome = yield* Effect.result(Dangjian.execute(command, { policies: policy }))
        if (Result.isSuccess(outcome)) throw new Error(`${command._tag} was accepted`)
        if (outcome.failure._tag === "RuleViolation" || outcome.failure._tag === "InvalidCommand") {
          errors.push(outcome.failure)
        }
      }
      for (const command of later) yield* Dangjian.execute(command, { policies: policy })
      return yield* Projection.replay(DuesRegister.projection)
    }).pipe(
      Effect.provideService(Tracer.Tracer, tracer),
      Effect.provideService(References.MinimumLogLevel, "All"),
      Effect.provide(Logger.layer([logger])),
      Effect.provide(MemoryStore.layer({ codec: Dangjian.codec }))
    )
    const register = await Effect.runPromise(program)
    // every refusal was a domain error, and they are many and varied
    assert.strictEqual(errors.length, refused.length)
    assert.isAbove(new Set(errors.map((e) => e.code)).size, 20)
    // the probe proves the capture sees spans and logs
    assert.deepStrictEqual(leaks(logs.join("\n")).slice(0, 1), ["738291"])
    assert.isTrue(spans.some((s) => s.name === "probe" && s.attributes.get("probe") === base))
    const traced = spans.filter((s) => s.name !== "probe")
      .map((s) => `${s.name} ${JSON.stringify([...s.attributes])} ${JSON.stringify(s.events)}`)
    assert.isAbove(traced.length, refused.length)
    assert.deepStrictEqual(leaks(traced.join("\n")), [])
    assert.deepStrictEqual(leaks(logs.filter((l) => !l.includes("probe")).join("\n")), [])
    for (const error of errors) assert.deepStrictEqual(leaks(shown(error)), [], error.code)
    // findings of every kind, on several dates
    const findings = ["2024-03-31", "2024-05-01", "2024-09-01", "2024-09-30", "2025-02-01"].flatMap((asOf) =>
      Dues.assess(register.state, policyWith({ monthlyRegularCapFen: 100 }), asOf)
    )
    assert.includeMembers([...new Set(findings.map((f) => f.code))], [
      "dues.finding.lapse",
      "dues.finding.arrearsWarning",
      "dues.finding.reassessedWithoutReason",
      "dues.finding.letterWithoutPaidThrough",
      "dues.finding.arrearsIntoTransfer",
      "dues.finding.yearNotAssessed",
      "dues.finding.aboveMonthlyCap"
    ])
    for (const finding of findings) assert.deepStrictEqual(leaks(shown(finding)), [], finding.code)
  })

  it("a bad base does not decode, and the decode failure does not echo it", () => {
    for (const baseFen of [7382.91, -738291, "738291", 1e12 + 738291]) {
      const decoded = Dangjian.decodeCommand({ ...declare("v1-f1", 2024, "salaried", 0, "2024-01-02"), baseFen })
      assert.isTrue(Result.isFailure(decoded), String(baseFen))
      if (Result.isFailure(decoded)) {
        const text = `${decoded.failure.message}\n${JSON.stringify(decoded.failure)}\n${
          Messages.render(decoded.failure, "zh-CN")
        }`
        assert.deepStrictEqual(leaks(text), [], String(baseFen))
      }
    }
  })
})
