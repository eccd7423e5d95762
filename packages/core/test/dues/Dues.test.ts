// The dues aggregate (R65–R76): the monthly amount (one rate on the whole base, inclusive upper bounds, the
// rounding a policy must name, the fixed amounts), the annual fixing, payments and their prohibitions, hardship
// relief, voluntary and large payments, probationary members from the admission vote, and the paid-through
// month on transfer letters; through each aggregate's route over a pure world, and against the store.
import { assert, describe, it } from "@effect/vitest"
import { Effect, Result, Schema } from "effect"
import { Dangjian, Dues, DuesRegister, GovernancePolicy, MemoryStore } from "../../src/index.ts"
import { EventStore, Projection } from "../../src/kernel/index.ts"
import * as Member from "../../src/member/Member.ts"
import type { Command } from "./fixtures.ts"
import {
  account,
  admit,
  appended,
  assess,
  declare,
  open,
  pay,
  payMonthly,
  policy,
  policyWith,
  rejection,
  ruleOf,
  runAll,
  salariedAccount,
  township
} from "./fixtures.ts"

const amount = (p: GovernancePolicy.GovernancePolicy, category: Dues.DuesCategory, baseFen?: number) =>
  Dues.monthlyAmount(p.dues, { category, baseFen })

const fenOf = (p: GovernancePolicy.GovernancePolicy, category: Dues.DuesCategory, baseFen?: number) => {
  const result = amount(p, category, baseFen)
  if (Result.isFailure(result)) throw new Error(result.failure.code)
  return result.success
}

const modes = ["halfUp", "halfEven", "floor", "ceil"] as const
const withMode = (mode: (typeof modes)[number]) => policyWith({ rounding: { unit: "fen", mode } })

describe("Dues: the stream", () => {
  it("streamId is dues-<memberId> and duesMemberIdOf reverses it, for awkward ids too", () => {
    assert.strictEqual(Dues.streamId("m-1"), "dues-m-1")
    assert.strictEqual(Dues.duesMemberIdOf("dues-__proto__"), "__proto__")
    assert.strictEqual(Dues.duesMemberIdOf("member-m-1"), undefined)
  })

  it("months: shift, span, quarter ends and the day a month becomes unpaid", () => {
    assert.strictEqual(Dues.shiftMonth("2024-01", -1), "2023-12")
    assert.strictEqual(Dues.monthDiff("2024-01", "2024-07"), 6)
    assert.deepStrictEqual(Dues.monthSpan("2023-11", "2024-02"), ["2023-11", "2023-12", "2024-01", "2024-02"])
    assert.deepStrictEqual(["2024-01", "2024-03", "2024-04", "2024-12"].map(Dues.quarterEnd), [
      "2024-03",
      "2024-03",
      "2024-06",
      "2024-12"
    ])
    assert.strictEqual(Dues.firstDayAfter("2024-12"), "2025-01-01")
    assert.isTrue(Dues.isYearMonth("2024-12"))
    assert.isFalse(Dues.isYearMonth("2024-13"))
    assert.isTrue(Result.isFailure(Schema.decodeUnknownResult(Dues.YearMonth)("2024-00")))
  })
})

describe("R66: one rate on the whole base, inclusive upper bounds (RULES.md §3.5)", () => {
  // base, then halfUp / halfEven / floor / ceil in fen
  const table: ReadonlyArray<readonly [number, readonly [number, number, number, number]]> = [
    [100000, [500, 500, 500, 500]],
    [299999, [1500, 1500, 1499, 1500]],
    [300000, [1500, 1500, 1500, 1500]],
    [300001, [3000, 3000, 3000, 3001]],
    [300050, [3001, 3000, 3000, 3001]],
    [499999, [5000, 5000, 4999, 5000]],
    [500000, [5000, 5000, 5000, 5000]],
    [500001, [7500, 7500, 7500, 7501]],
    [1000000, [15000, 15000, 15000, 15000]],
    [1000001, [20000, 20000, 20000, 20001]],
    [2000000, [40000, 40000, 40000, 40000]]
  ]

  it("R66: 3000.00 pays 15.00 at 0.5 %, 3000.01 pays 30.00 at 1 %; 5000.00 → 50.00, 5000.01 → 75.00; 10000.00 → 150.00, 10000.01 → 200.00, in every rounding mode of the table", () => {
    for (const [base, expected] of table) {
      modes.forEach((mode, i) =>
        assert.strictEqual(fenOf(withMode(mode), "salaried", base), expected[i], `${base} ${mode}`)
      )
    }
  })

  it("R66: 20000.00 pays 400.00 (2 % on the whole base), not the marginal 15 + 20 + 75 + 200", () => {
    assert.strictEqual(fenOf(policy, "salaried", 2000000), 40000)
    assert.notStrictEqual(fenOf(policy, "salaried", 2000000), 1500 + 2000 + 7500 + 20000)
  })

  it("R66: the rate of the bracket: 3000.50 is at 1 % (the 3001–5000 mis-reading would find no bracket)", () => {
    assert.strictEqual(Dues.rateFor(Dues.cn2008.salaried, 300050), 100)
    assert.deepStrictEqual(
      [300000, 300001, 500000, 500001, 1000000, 1000001].map((b) => Dues.rateFor(Dues.cn2008.salaried, b)),
      [
        50,
        100,
        100,
        150,
        150,
        200
      ]
    )
  })

  it("R66 CONF: rounding to the jiao (0.10) as the policy names it", () => {
    const jiao = policyWith({ rounding: { unit: "jiao", mode: "halfUp" } })
    assert.strictEqual(fenOf(jiao, "salaried", 300050), 3000) // 30.005 → 30.0
    assert.strictEqual(fenOf(jiao, "salaried", 299999), 1500) // 14.99995 → 15.0
    assert.strictEqual(fenOf(policyWith({ rounding: { unit: "jiao", mode: "ceil" } }), "salaried", 300001), 3010)
  })

  it("R66 (fixture D1): no rounding in the policy, so a bracket amount is refused as policy incomplete, for 3000.00 and 3000.01 alike", () => {
    const national = GovernancePolicy.national
    for (const base of [300000, 300001]) {
      const result = amount(national, "salaried", base)
      assert.isTrue(Result.isFailure(result))
      if (Result.isFailure(result)) {
        assert.deepStrictEqual(ruleOf(result.failure), ["R66", "dues.policyIncomplete"])
        assert.deepStrictEqual(result.failure.params, { policy: "cn2008", field: "rounding" })
      }
    }
    // through the aggregate: the assessment is refused and nothing is written
    const world = runAll(national, [
      open("v1-f1", "2024-01-05"),
      declare("v1-f1", 2024, "salaried", 300000, "2024-01-05")
    ], township(national))
    assert.deepStrictEqual(ruleOf(rejection(national, world, assess("v1-f1", 2024, "2024-01-05"))), [
      "R66",
      "dues.policyIncomplete"
    ])
  })

  it("R67: a retiree's pension 5000.00 pays 25.00 (0.5 %), 5000.01 pays 50.00 half-up and 50.01 ceil (1 %)", () => {
    assert.strictEqual(fenOf(policy, "retiree", 500000), 2500)
    assert.strictEqual(fenOf(policy, "retiree", 500001), 5000)
    assert.strictEqual(fenOf(withMode("ceil"), "retiree", 500001), 5001)
  })

  it("R67 CONF (C17): a retiree's base declared with allowances is refused where the policy leaves them out", () => {
    const world = runAll(policy, [open("v1-f1", "2024-01-05")], township())
    const withAllowances = declare("v1-f1", 2024, "retiree", 400000, "2024-01-05", { includesAllowances: true })
    assert.deepStrictEqual(ruleOf(rejection(policy, world, withAllowances)), ["R67", "dues.retireeAllowancesIncluded"])
    const counted = policyWith({ retireeBaseExcludesAllowances: false })
    runAll(counted, [withAllowances], world)
  })
})

describe("R65 / R68: categories, bases and fixed amounts", () => {
  it("R68: students, the unemployed, members on relief and on 低保 pay exactly 0.20; a farmer the local amount", () => {
    for (const category of ["student", "unemployed", "relief", "minimumLivingAllowance"] as const) {
      assert.strictEqual(fenOf(GovernancePolicy.national, category), 20, category)
    }
    assert.strictEqual(fenOf(policy, "farmer"), 50)
  })

  it("R68 CONF: the farmer amount has no default: a farmer's assessment is refused until a policy sets it", () => {
    const unset = policyWith({})
    const { farmerMonthlyAmountFen: _, ...noFarmer } = unset.dues
    const p = { ...unset, dues: noFarmer }
    const world = runAll(
      p,
      [open("v1-f1", "2024-01-05"), declare("v1-f1", 2024, "farmer", undefined, "2024-01-05")],
      township(p)
    )
    const error = rejection(p, world, assess("v1-f1", 2024, "2024-01-05"))
    assert.deepStrictEqual(ruleOf(error), ["R68", "dues.policyIncomplete"])
    assert.strictEqual(error.params["field"], "farmerMonthlyAmountFen")
  })

  it("R68: a farmer amount of 0.20 and 1.00 is valid, 0.19 and 1.01 are refused at policy validation", () => {
    for (const fen of [20, 100]) {
      assert.isTrue(Result.isSuccess(Dues.validate({ ...Dues.cn2008, farmerMonthlyAmountFen: fen })))
    }
    for (const fen of [19, 101]) {
      const result = Dues.validate({ ...Dues.cn2008, farmerMonthlyAmountFen: fen })
      assert.isTrue(
        Result.isFailure(result) && result.failure[0]?.code === "dues.policy.farmerAmountOutOfRange",
        String(fen)
      )
    }
    // and an amount out of range is refused at assessment too, if the policy was not validated
    const bad = policyWith({ farmerMonthlyAmountFen: 101 })
    const world = runAll(
      bad,
      [open("v1-f1", "2024-01-05"), declare("v1-f1", 2024, "farmer", undefined, "2024-01-05")],
      township(bad)
    )
    assert.deepStrictEqual(ruleOf(rejection(bad, world, assess("v1-f1", 2024, "2024-01-05"))), [
      "R68",
      "dues.policy.farmerAmountOutOfRange"
    ])
  })

  it("R70 / R75 policy validation: windows only tighten (C16), the early warning comes before the lapse, brackets ascend", () => {
    assert.isTrue(Result.isSuccess(Dues.validate(Dues.cn2008)))
    assert.isTrue(Result.isSuccess(Dues.validate({ ...Dues.cn2008, backPayMaxMonths: 3, advancePayMaxMonths: 3 })))
    const codes = (p: Dues.DuesPolicy) => {
      const result = Dues.validate(p)
      return Result.isFailure(result) ? result.failure.map((e) => `${e.ruleId} ${e.code}`) : []
    }
    assert.deepStrictEqual(codes({ ...Dues.cn2008, backPayMaxMonths: 7 }), ["R70 dues.policy.windowLoosened"])
    assert.deepStrictEqual(codes({ ...Dues.cn2008, arrearsWarnMonths: 6 }), ["R75 dues.policy.warnAfterLapse"])
    assert.deepStrictEqual(
      codes({
        ...Dues.cn2008,
        salaried: [{ upTo: 500000, bp: 50 }, { upTo: 300000, bp: 100 }, { upTo: null, bp: 200 }]
      }),
      [
        "R66 dues.policy.bracketsInvalid"
      ]
    )
    assert.deepStrictEqual(codes({ ...Dues.cn2008, retiree: [{ upTo: 500000, bp: 50 }] }), [
      "R67 dues.policy.bracketsInvalid"
    ])
    assert.deepStrictEqual(codes({ ...Dues.cn2008, flatMonthlyFen: { ...Dues.cn2008.flatMonthlyFen, student: 10 } }), [
      "R68 dues.policy.flatAmountChanged"
    ])
  })

  it("R65: a bracket category declares its base; a fixed-amount category records none; farmers with income need the policy's choice", () => {
    const world = runAll(policy, [open("v1-f1", "2024-01-05")], township())
    assert.deepStrictEqual(
      ruleOf(rejection(policy, world, declare("v1-f1", 2024, "salaried", undefined, "2024-01-05"))),
      [
        "R65",
        "dues.baseRequired"
      ]
    )
    assert.deepStrictEqual(ruleOf(rejection(policy, world, declare("v1-f1", 2024, "student", 120000, "2024-01-05"))), [
      undefined,
      "dues.baseNotApplicable"
    ])
    assert.deepStrictEqual(
      ruleOf(rejection(policy, world, declare("v1-f1", 2024, "farmerWithIncome", 200000, "2024-01-05"))),
      [
        "R65",
        "dues.policyIncomplete"
      ]
    )
    // with the policy's choice: brackets take the base, flat takes none
    const brackets = policyWith({ farmerWithWageIncome: "brackets" })
    const assessed = runAll(brackets, [
      declare("v1-f1", 2024, "farmerWithIncome", 200000, "2024-01-05"),
      assess("v1-f1", 2024, "2024-01-05")
    ], world)
    assert.strictEqual(Dues.amountFor(account(assessed, "v1-f1"), "2024-03")?.fen, 1000)
    const flat = policyWith({ farmerWithWageIncome: "flat" })
    assert.strictEqual(fenOf(flat, "farmerWithIncome"), 50)
    // R65 CONF: village cadres on a fixed subsidy pay like salaried members, or the farmer amount
    assert.strictEqual(fenOf(policy, "villageCadre", 200000), 1000)
    assert.strictEqual(fenOf(policyWith({ villageCadreSubsidyIsSalary: false }), "villageCadre"), 50)
  })

  it("R65 HARD (schema): a base below 0, or not whole fen, does not decode and the input is not echoed", () => {
    for (const baseFen of [-1, 300000.5]) {
      const decoded = Dangjian.decodeCommand({
        _tag: "DeclareDuesBase",
        memberId: "v1-f1",
        year: 2024,
        category: "salaried",
        baseFen,
        at: "2024-01-05"
      })
      assert.isTrue(Result.isFailure(decoded))
      if (Result.isFailure(decoded)) {
        assert.strictEqual(decoded.failure.path, "baseFen")
        assert.notInclude(JSON.stringify(decoded.failure), String(baseFen))
      }
    }
  })
})

describe("R69: the monthly amount is fixed at the start of the year (C15)", () => {
  const raise = (p: GovernancePolicy.GovernancePolicy) =>
    runAll(p, [
      open("v1-f1", "2024-01-02"),
      declare("v1-f1", 2024, "salaried", 480000, "2024-01-02"),
      assess("v1-f1", 2024, "2024-01-02"),
      declare("v1-f1", 2024, "salaried", 520000, "2024-07-03", { fromMonth: "2024-07" })
    ], township(p))

  it("R69 (annual): base 4800.00 → 5200.00 from 2024-07: 48.00 a month through 2024-12; 2025 assessed at 78.00", () => {
    const world = raise(policy)
    const state = account(world, "v1-f1")
    assert.deepStrictEqual(["2024-06", "2024-07", "2024-12"].map((m) => Dues.amountFor(state, m)?.fen), [
      4800,
      4800,
      4800
    ])
    // 2025 before its assessment: carried over from 2024
    assert.deepStrictEqual(Dues.amountFor(state, "2025-01"), {
      fen: 4800,
      category: "salaried",
      carried: true,
      reduced: false,
      exempt: false
    })
    const next = runAll(policy, [assess("v1-f1", 2025, "2025-01-04")], world)
    assert.strictEqual(Dues.amountFor(account(next, "v1-f1"), "2025-01")?.fen, 7800)
  })

  it("R69 (followIncome): the same raise pays 78.00 a month from 2024-07", () => {
    const follow = policyWith({ fixing: "followIncome" })
    const world = raise(follow)
    const state = account(world, "v1-f1")
    assert.deepStrictEqual(["2024-06", "2024-07", "2024-12"].map((m) => Dues.amountFor(state, m)?.fen), [
      4800,
      7800,
      7800
    ])
    assert.deepStrictEqual(world.log.slice(-2).map((e) => (e.data as Dues.DuesEvent)._tag), [
      "DuesBaseDeclared",
      "DuesReassessed"
    ])
  })

  it("R69 HARD: one annual assessment per member and year; a reassessment within the year is accepted, with or without its reason", () => {
    const world = raise(policy)
    assert.deepStrictEqual(ruleOf(rejection(policy, world, assess("v1-f1", 2024, "2024-07-05"))), [
      "R69",
      "dues.alreadyAssessed"
    ])
    const reassessed = runAll(policy, [{
      _tag: "ReassessDues",
      memberId: "v1-f1",
      year: 2024,
      fromMonth: "2024-07",
      at: "2024-07-05"
    }], world)
    const state = account(reassessed, "v1-f1")
    assert.strictEqual(Dues.amountFor(state, "2024-07")?.fen, 7800)
    assert.isFalse(state.assessments.at(-1)!.reasonGiven)
    // a reassessment of a year never assessed is refused
    const error = rejection(policy, world, {
      _tag: "ReassessDues",
      memberId: "v1-f1",
      year: 2026,
      fromMonth: "2026-03",
      reason: "pay rise",
      at: "2026-03-05"
    })
    assert.strictEqual(error.code, "dues.notAssessed")
  })

  it("R66 HARD: an assessed amount other than the computed one needs an override reason; R68: a fixed amount is never overridden", () => {
    const world = runAll(policy, [
      open("v1-f1", "2024-01-02"),
      declare("v1-f1", 2024, "salaried", 480000, "2024-01-02")
    ], township())
    assert.deepStrictEqual(ruleOf(rejection(policy, world, assess("v1-f1", 2024, "2024-01-02", { amountFen: 2000 }))), [
      "R66",
      "dues.amountNotComputed"
    ])
    const overridden = runAll(policy, [
      assess("v1-f1", 2024, "2024-01-02", { amountFen: 2000, overrideReason: "approved by the committee" })
    ], world)
    const event = appended(world, overridden)[0]
    assert.deepInclude(event, {
      _tag: "DuesAssessed",
      computedFen: 4800,
      monthlyFen: 2000,
      overrideReason: "approved by the committee"
    })
    const student = runAll(policy, [
      open("v2-f1", "2024-01-02"),
      declare("v2-f1", 2024, "student", undefined, "2024-01-02")
    ], township())
    assert.deepStrictEqual(
      ruleOf(
        rejection(policy, student, assess("v2-f1", 2024, "2024-01-02", { amountFen: 10, overrideReason: "hardship" }))
      ),
      [
        "R68",
        "dues.fixedAmountOverridden"
      ]
    )
  })

  it("R76: nothing is assessed for a month before the policy's effective date (cn2008: 2008-04-01), 2008-03 refused, 2008-04 accepted", () => {
    const world = township()
    assert.deepStrictEqual(ruleOf(rejection(policy, world, open("v1-f1", "2008-03-20", "2008-03"))), [
      "R76",
      "dues.policyNotInForce"
    ])
    runAll(policy, [open("v1-f1", "2008-04-02", "2008-04")], world)
  })
})

describe("R70: payments, back-payment, advance payment and what is prohibited", () => {
  const world = salariedAccount("v1-f1", "2023-07")

  it("R70: paid in 2024-07, covering 2024-01 is allowed (6 months back); covering 2023-12 needs an exception (7 back)", () => {
    runAll(policy, [pay("v1-f1", "a", ["2024-01"], 1500, "2024-07-10")], world)
    assert.deepStrictEqual(ruleOf(rejection(policy, world, pay("v1-f1", "b", ["2023-12"], 1500, "2024-07-10"))), [
      "R70",
      "dues.outsidePaymentWindow"
    ])
    const excepted = runAll(policy, [
      pay("v1-f1", "b", ["2023-12"], 1500, "2024-07-10", { exceptionApproval: { by: "v1", at: "2024-07-09" } })
    ], world)
    assert.deepInclude(appended(world, excepted)[0], { exceptionApproval: { by: "v1", at: "2024-07-09" } })
  })

  it("R70: paid in 2024-01, covering up to 2024-07 is allowed (6 ahead); up to 2024-08 needs an exception (7 ahead)", () => {
    runAll(policy, [pay("v1-f1", "a", Dues.monthSpan("2024-01", "2024-07"), 7 * 1500, "2024-01-10")], world)
    assert.deepStrictEqual(
      ruleOf(rejection(policy, world, pay("v1-f1", "a", Dues.monthSpan("2024-01", "2024-08"), 8 * 1500, "2024-01-10"))),
      [
        "R70",
        "dues.outsidePaymentWindow"
      ]
    )
  })

  it("R70 CONF (C16): a local window of 3 months refuses what the national 6 allow", () => {
    const local = policyWith({ backPayMaxMonths: 3 })
    const w = salariedAccount("v1-f1", "2023-07", local)
    runAll(local, [pay("v1-f1", "a", ["2024-04"], 1500, "2024-07-10")], w)
    assert.strictEqual(
      rejection(local, w, pay("v1-f1", "a", ["2024-03"], 1500, "2024-07-10")).code,
      "dues.outsidePaymentWindow"
    )
  })

  it("R70 HARD: the organization never pays for the member (垫交), dues are never deducted from pay (扣缴), no special dues", () => {
    assert.deepStrictEqual(
      ruleOf(rejection(policy, world, pay("v1-f1", "a", ["2024-01"], 1500, "2024-02-01", { payer: "organization" }))),
      [
        "R70",
        "dues.organizationPays"
      ]
    )
    assert.deepStrictEqual(
      ruleOf(
        rejection(policy, world, pay("v1-f1", "a", ["2024-01"], 1500, "2024-02-01", { method: "payrollDeduction" }))
      ),
      [
        "R70",
        "dues.payrollDeduction"
      ]
    )
    assert.deepStrictEqual(
      ruleOf(
        rejection(
          policy,
          world,
          pay("v1-f1", "a", ["2024-01"], 2500, "2024-02-01", { extraInitiatedBy: "organization" })
        )
      ),
      ["R70", "dues.specialDues"]
    )
  })

  it("R70: a relative or another member pays on the member's behalf (代交), named by an opaque id", () => {
    assert.strictEqual(
      rejection(policy, world, pay("v1-f1", "a", ["2024-01"], 1500, "2024-02-01", { payer: "relative" })).code,
      "dues.proxyWithoutPayer"
    )
    const paid = runAll(policy, [
      pay("v1-f1", "a", ["2024-01"], 1500, "2024-02-01", { payer: "otherMember", payerId: "v1-f2" })
    ], world)
    assert.deepInclude(appended(world, paid)[0], { payer: "otherMember", payerId: "v1-f2", collectingOrgId: "v1" })
  })

  it("R70: dues are paid to the affiliation's branch; a 活动证 holder may pay the host, a 证明信 holder may not", () => {
    assert.deepStrictEqual(
      ruleOf(rejection(policy, world, pay("v1-f1", "a", ["2024-01"], 1500, "2024-02-01", { collectingOrgId: "v2" }))),
      [
        "R70",
        "dues.wrongCollector"
      ]
    )
    const mobile = (credential: "mobileCard" | "certificate") =>
      runAll(policy, [{
        _tag: "RegisterMobileMember",
        memberId: "v1-f1",
        hostOrgId: "v2",
        credential,
        credentialId: "card-1",
        contactPersonId: "v1-f2",
        fixedPlace: credential === "certificate",
        abroad: false,
        at: "2024-01-20"
      } as Command], world)
    runAll(
      policy,
      [pay("v1-f1", "a", ["2024-01"], 1500, "2024-02-01", { collectingOrgId: "v2" })],
      mobile("mobileCard")
    )
    assert.strictEqual(
      rejection(
        policy,
        mobile("certificate"),
        pay("v1-f1", "a", ["2024-01"], 1500, "2024-02-01", { collectingOrgId: "v2" })
      ).code,
      "dues.wrongCollector"
    )
  })

  it("R9: a temporary branch collects no dues, even from a member it hosts", () => {
    const temporary = runAll(policy, [
      {
        _tag: "EstablishOrganization",
        orgId: "t1",
        name: "Project branch",
        kind: "temporaryBranch",
        formation: "standalone",
        locus: "project",
        parentId: "town",
        approval: { by: "town", level: "township", at: "2023-07-01" },
        initialMembers: [],
        hostBodyId: "project-1",
        at: "2023-07-01"
      } as Command,
      {
        _tag: "RegisterMobileMember",
        memberId: "v1-f1",
        hostOrgId: "t1",
        credential: "mobileCard",
        credentialId: "card-1",
        contactPersonId: "v1-f2",
        fixedPlace: false,
        abroad: false,
        at: "2024-01-20"
      } as Command
    ], world)
    assert.deepStrictEqual(
      ruleOf(
        rejection(policy, temporary, pay("v1-f1", "a", ["2024-01"], 1500, "2024-02-01", { collectingOrgId: "t1" }))
      ),
      [
        "R9",
        "dues.temporaryBranchCollects"
      ]
    )
  })

  it("a month is paid once; months outside the account, duplicated, or not yet assessed are refused", () => {
    const paid = runAll(policy, [pay("v1-f1", "a", ["2024-01"], 1500, "2024-02-01")], world)
    assert.strictEqual(
      rejection(policy, paid, pay("v1-f1", "b", ["2024-01"], 1500, "2024-02-01")).code,
      "dues.monthAlreadyPaid"
    )
    // the same payment again is nothing to do
    assert.strictEqual(
      runAll(policy, [pay("v1-f1", "a", ["2024-01"], 1500, "2024-02-01")], paid).log.length,
      paid.log.length
    )
    assert.strictEqual(
      rejection(policy, world, pay("v1-f1", "b", ["2023-06"], 1500, "2023-07-01")).code,
      "dues.monthNotDue"
    )
    assert.strictEqual(
      rejection(policy, world, pay("v1-f1", "b", ["2024-02", "2024-02"], 3000, "2024-02-01")).code,
      "dues.duplicateMonth"
    )
    const unassessed = runAll(policy, [
      open("v2-f1", "2024-01-02"),
      declare("v2-f1", 2024, "student", undefined, "2024-01-02")
    ], township())
    assert.deepStrictEqual(ruleOf(rejection(policy, unassessed, pay("v2-f1", "a", ["2024-01"], 20, "2024-02-01"))), [
      "R69",
      "dues.monthNotAssessed"
    ])
  })

  it("R74 CONF: while a transfer letter is in transit the policy names who collects (no default: refused until it says)", () => {
    const issued = runAll(policy, [{
      _tag: "IssueTransferLetter",
      memberId: "v1-f1",
      transferId: "tr1",
      toOrgId: "v2",
      at: "2024-06-10"
    }], world)
    runAll(policy, [pay("v1-f1", "a", ["2024-06"], 1500, "2024-06-20")], issued)
    assert.deepStrictEqual(
      ruleOf(rejection(policy, issued, pay("v1-f1", "a", ["2024-06"], 1500, "2024-06-20", { collectingOrgId: "v2" }))),
      [
        "R74",
        "dues.wrongCollectorInTransit"
      ]
    )
    const destination = policyWith({ duesDuringTransit: "destination" })
    runAll(destination, [pay("v1-f1", "a", ["2024-06"], 1500, "2024-06-20", { collectingOrgId: "v2" })], issued)
    const { duesDuringTransit: _, ...unset } = policy.dues
    const p = { ...policy, dues: unset }
    assert.deepStrictEqual(ruleOf(rejection(p, issued, pay("v1-f1", "a", ["2024-06"], 1500, "2024-06-20"))), [
      "R74",
      "dues.policyIncomplete"
    ])
  })
})

describe("R72: voluntary extra and large one-off payments", () => {
  const farmer = runAll(policy, [
    open("v1-f1", "2024-01-02"),
    declare("v1-f1", 2024, "farmer", undefined, "2024-01-02"),
    assess("v1-f1", 2024, "2024-01-02")
  ], township())

  it("R72 (fixture D1): a farmer at 0.50 pays 1500.50 in one go: regular 0.50, voluntary extra 1500.00 to the centre", () => {
    const paid = runAll(policy, [pay("v1-f1", "a", ["2024-01"], 150050, "2024-01-20")], farmer)
    assert.deepInclude(appended(farmer, paid)[0], {
      regularFen: 50,
      voluntaryExtraFen: 150000,
      extraRouting: "central"
    })
  })

  it("R72: a voluntary extra of 999.99 stays with the branch, 1000.00 goes to the centre (以上 inclusive)", () => {
    const routing = (extra: number) =>
      (appended(farmer, runAll(policy, [pay("v1-f1", "a", ["2024-01"], 50 + extra, "2024-01-20")], farmer))[0] as {
        extraRouting: string
      })
        .extraRouting
    assert.deepStrictEqual([routing(99999), routing(100000), routing(0)], ["branch", "central", "none"])
  })

  it("R72: two separate payments of 600.00 each are neither ≥ 1000 in one payment: no central routing", () => {
    const paid = runAll(policy, [
      pay("v1-f1", "a", ["2024-01"], 50 + 60000, "2024-01-20"),
      pay("v1-f1", "b", [], 60000, "2024-01-21")
    ], farmer)
    assert.deepStrictEqual(appended(farmer, paid).map((e) => (e as { extraRouting: string }).extraRouting), [
      "branch",
      "branch"
    ])
  })

  it("R68 / R72: a farmer paying 2.00 with an amount of 1.00 pays regular 1.00 and a voluntary extra of 1.00", () => {
    const one = policyWith({ farmerMonthlyAmountFen: 100 })
    const w = runAll(one, [
      open("v1-f1", "2024-01-02"),
      declare("v1-f1", 2024, "farmer", undefined, "2024-01-02"),
      assess("v1-f1", 2024, "2024-01-02")
    ], township(one))
    assert.deepInclude(appended(w, runAll(one, [pay("v1-f1", "a", ["2024-01"], 200, "2024-01-20")], w))[0], {
      regularFen: 100,
      voluntaryExtraFen: 100
    })
  })

  it("R68: a student paying 0.10 is refused as the regular amount (0.20 is fixed)", () => {
    const student = runAll(policy, [
      open("v2-f1", "2024-01-02"),
      declare("v2-f1", 2024, "student", undefined, "2024-01-02"),
      assess("v2-f1", 2024, "2024-01-02")
    ], township())
    assert.deepStrictEqual(ruleOf(rejection(policy, student, pay("v2-f1", "a", ["2024-01"], 10, "2024-01-20"))), [
      "R68",
      "dues.underpaid"
    ])
    assert.deepStrictEqual(
      ruleOf(rejection(policy, salariedAccount(), pay("v1-f1", "a", ["2024-01"], 1499, "2024-01-20"))),
      ["R66", "dues.underpaid"]
    )
  })
})

describe("R71: reduction or exemption for hardship", () => {
  const world = salariedAccount("v1-f1", "2024-01")
  const exemption = (approval?: { by: string; level: "township" | "primaryCommittee" }): Command => ({
    _tag: "ExemptDues",
    memberId: "v1-f1",
    decisionId: "x1",
    fromMonth: "2024-03",
    toMonth: "2024-05",
    branchDecision: { by: "v1", at: "2024-02-20" },
    ...(approval === undefined ? {} : { approval: { ...approval, at: "2024-02-25" } }),
    at: "2024-02-26"
  })

  it("R71: an exemption 2024-03 … 2024-05 approved by the branch only is refused; approved by the township committee it is accepted", () => {
    assert.deepStrictEqual(ruleOf(rejection(policy, world, exemption())), ["R71", "dues.reliefNeedsHigherApproval"])
    assert.deepStrictEqual(ruleOf(rejection(policy, world, exemption({ by: "v1", level: "primaryCommittee" }))), [
      "R71",
      "dues.reliefNeedsHigherApproval"
    ])
    const exempt = runAll(policy, [exemption({ by: "town", level: "township" })], world)
    const state = account(exempt, "v1-f1")
    assert.deepStrictEqual(["2024-02", "2024-03", "2024-05", "2024-06"].map((m) => Dues.amountFor(state, m)?.exempt), [
      false,
      true,
      true,
      false
    ])
    assert.strictEqual(
      rejection(policy, exempt, pay("v1-f1", "a", ["2024-04"], 1500, "2024-04-02")).code,
      "dues.monthExempt"
    )
  })

  it("R71: only the member's own branch decides", () => {
    const other: Command = {
      ...exemption({ by: "town", level: "township" }),
      branchDecision: { by: "v2", at: "2024-02-20" }
    } as Command
    assert.deepStrictEqual(ruleOf(rejection(policy, world, other)), ["R71", "dues.reliefNotByBranch"])
  })

  it("R71: a reduction lowers the amount owed for its months; a payment there pays the reduced amount", () => {
    const reduced = runAll(policy, [{
      _tag: "ReduceDues",
      memberId: "v1-f1",
      decisionId: "r1",
      fromMonth: "2024-03",
      toMonth: "2024-04",
      monthlyFen: 500,
      branchDecision: { by: "v1", at: "2024-02-20" },
      approval: { by: "town", level: "township", at: "2024-02-25" },
      at: "2024-02-26"
    }], world)
    assert.deepStrictEqual(Dues.amountFor(account(reduced, "v1-f1"), "2024-03"), {
      fen: 500,
      category: undefined,
      carried: false,
      reduced: true,
      exempt: false
    })
    const paid = runAll(policy, [pay("v1-f1", "a", ["2024-03"], 500, "2024-03-02")], reduced)
    assert.deepInclude(appended(reduced, paid)[0], { regularFen: 500, voluntaryExtraFen: 0 })
    assert.deepStrictEqual(ruleOf(rejection(policy, reduced, pay("v1-f1", "b", ["2024-04"], 400, "2024-04-02"))), [
      "R71",
      "dues.underpaid"
    ])
    const notLower = rejection(policy, world, {
      _tag: "ReduceDues",
      memberId: "v1-f1",
      decisionId: "r2",
      fromMonth: "2024-03",
      toMonth: "2024-03",
      monthlyFen: 1500,
      branchDecision: { by: "v1", at: "2024-02-20" },
      approval: { by: "town", level: "township", at: "2024-02-25" },
      at: "2024-02-26"
    })
    assert.strictEqual(notLower.code, "dues.notAReduction")
  })
})

describe("R73: probationary members pay from the admission vote (C25)", () => {
  const admitted = runAll(policy, [admit("p1", "v1", "2024-03-31", "2024-06-20")], township())

  it("R73: vote 2024-03-31, approval 2024-06-20: the first due month is 2024-03", () => {
    const opened = runAll(policy, [open("p1", "2024-06-20")], admitted)
    assert.deepInclude(account(opened, "p1"), { firstMonth: "2024-03", basis: "admission", orgId: "v1" })
  })

  it("R73 HARD: an account or an assessment for 2024-02 of the same person is refused (before the vote)", () => {
    assert.deepStrictEqual(ruleOf(rejection(policy, admitted, open("p1", "2024-06-20", "2024-02"))), [
      "R73",
      "dues.beforeAdmissionVote"
    ])
    const opened = runAll(
      policy,
      [open("p1", "2024-06-20"), declare("p1", 2024, "student", undefined, "2024-06-20")],
      admitted
    )
    assert.deepStrictEqual(
      ruleOf(rejection(policy, opened, assess("p1", 2024, "2024-06-20", { fromMonth: "2024-02" }))),
      [
        "R73",
        "dues.beforeAdmissionVote"
      ]
    )
    // the default assessment starts at the first due month, not January
    const assessed = runAll(policy, [assess("p1", 2024, "2024-06-20")], opened)
    assert.deepInclude(appended(opened, assessed)[0], { fromMonth: "2024-03" })
  })

  it("an account opens only for an active member", () => {
    assert.strictEqual(rejection(policy, township(), open("nobody", "2024-01-02")).code, "dues.memberNotActive")
    const opened = runAll(policy, [open("v1-f1", "2024-01-02")], township())
    assert.strictEqual(rejection(policy, opened, open("v1-f1", "2024-01-03")).code, "dues.accountExists")
    assert.strictEqual(rejection(policy, township(), assess("v1-f1", 2024, "2024-01-03")).code, "dues.accountNotOpen")
  })
})

describe("R74: the paid-through month on transfer letters", () => {
  const world = runAll(policy, payMonthly("v1-f1", "2024-01", "2024-05"), salariedAccount("v1-f1", "2024-01"))

  it("R74: Dues.paidThrough is the last month paid without a gap, as of a date", () => {
    const state = account(world, "v1-f1")
    assert.strictEqual(Dues.paidThrough(state, "2024-06-10"), "2024-05")
    assert.strictEqual(Dues.paidThrough(state, "2024-03-15"), "2024-03")
    assert.strictEqual(Dues.paidThrough(account(salariedAccount("v1-f1", "2024-01"), "v1-f1"), "2024-06-10"), "2023-12")
    // a gap stops it, an exemption does not
    const gap = runAll(policy, [pay("v1-f1", "x", ["2024-07"], 1500, "2024-06-20")], world)
    assert.strictEqual(Dues.paidThrough(account(gap, "v1-f1"), "2024-06-30"), "2024-05")
  })

  it("R74 HARD: a letter's paid-through month is no later than the issue month plus the advance window (2024-12 ok, 2025-01 refused)", () => {
    const issue = (duesPaidThrough: string): Command => ({
      _tag: "IssueTransferLetter",
      memberId: "v1-f1",
      transferId: "tr1",
      toOrgId: "v2",
      duesPaidThrough,
      at: "2024-06-10"
    })
    assert.deepStrictEqual(ruleOf(rejection(policy, world, issue("2025-01"))), ["R74", "dues.paidThroughTooLate"])
    const issued = runAll(policy, [issue("2024-12")], world)
    assert.strictEqual(
      (issued.log.at(-1)!.data as Member.MemberEvent & { duesPaidThrough?: string }).duesPaidThrough,
      "2024-12"
    )
  })

  it("R74: the issuing side puts Dues.paidThrough on the letter; the receiving org goes on from the month after it", () => {
    const through = Dues.paidThrough(account(world, "v1-f1"), "2024-06-10")!
    const moved = runAll(policy, [
      {
        _tag: "IssueTransferLetter",
        memberId: "v1-f1",
        transferId: "tr1",
        toOrgId: "v2",
        duesPaidThrough: through,
        at: "2024-06-10"
      },
      { _tag: "ReceiveTransfer", memberId: "v1-f1", transferId: "tr1", at: "2024-07-02" },
      pay("v1-f1", "after", [Dues.shiftMonth(through, 1)], 1500, "2024-07-03", { collectingOrgId: "v2" })
    ], world)
    assert.strictEqual(Dues.paidThrough(account(moved, "v1-f1"), "2024-07-03"), "2024-06")
  })

  it("R74: old letters (stored before 0.3.0, without the field) still decode, and new ones round-trip", () => {
    const decode = Schema.decodeUnknownResult(Member.TransferLetterIssued)
    const old = {
      _tag: "TransferLetterIssued",
      memberId: "m",
      transferId: "t",
      fromOrgId: "a",
      toOrgId: "b",
      validUntil: "2024-09-08",
      at: "2024-06-10"
    }
    assert.isTrue(Result.isSuccess(decode(old)))
    assert.isTrue(Result.isSuccess(decode({ ...old, duesPaidThrough: "2024-05" })))
    assert.isTrue(Result.isFailure(decode({ ...old, duesPaidThrough: "2024-5" })))
  })
})

describe("Dues against the store", () => {
  it.effect("a payment reads the member and the collecting branch and writes only the dues stream", () =>
    Effect.gen(function*() {
      const commands: ReadonlyArray<Command> = [
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
        {
          _tag: "EstablishOrganization",
          orgId: "v1",
          name: "Branch v1",
          kind: "branch",
          formation: "standalone",
          locus: "village",
          parentId: "town",
          approval: { by: "town", level: "township", at: "2020-01-01" },
          initialMembers: [1, 2, 3].map((n) => ({ memberId: `v1-f${n}`, status: "full" as const })),
          at: "2020-01-01"
        },
        { _tag: "RegisterMember", memberId: "v1-f1", orgId: "v1", status: "full", at: "2020-01-01" },
        open("v1-f1", "2024-01-02"),
        declare("v1-f1", 2024, "salaried", 300000, "2024-01-02"),
        assess("v1-f1", 2024, "2024-01-02")
      ]
      for (const command of commands) yield* Dangjian.execute(command, { policies: policy })
      const before = yield* EventStore.EventStore.use((s) => s.head)
      const paid = yield* Dangjian.execute(pay("v1-f1", "a", ["2024-01", "2024-02"], 3000, "2024-02-03"), {
        policies: policy
      })
      assert.deepStrictEqual(paid.streams.map((s) => s.streamId), ["dues-v1-f1"])
      const refused = yield* Effect.result(
        Dangjian.execute(pay("v1-f1", "b", ["2024-03"], 1500, "2024-03-03", { payer: "organization" }), {
          policies: policy
        })
      )
      assert.isTrue(
        Result.isFailure(refused) && refused.failure._tag === "RuleViolation" && refused.failure.ruleId === "R70"
      )
      // one event for the payment, none for the refusal
      assert.strictEqual(yield* EventStore.EventStore.use((s) => s.head), before + 1)
      const register = yield* Projection.replay(DuesRegister.projection)
      const ledger = DuesRegister.ledgerOf(register.state, "v1-f1", "2024-03-31")!
      assert.deepStrictEqual([ledger.paidFen, ledger.dueFen, ledger.balanceFen, ledger.paidThrough], [
        3000,
        4500,
        -1500,
        "2024-02"
      ])
    }).pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec }))))
})
