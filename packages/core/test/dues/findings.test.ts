// The findings of the dues aggregate as of a date (RULES.md §3.5, dues; §4 fixtures L1 and D1): six months
// unpaid (R75, feeding R39) with its early warning, exempt months and quarterly arrangements, back-payments that
// do not erase a finding and the review that closes it; the paid-through month on letters (R74); the annual
// fixing (R69); the first month of a probationary member (R73); the local monthly cap (R72).
import { assert, describe, it } from "@effect/vitest"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import type { Finding } from "../../src/index.ts"
import { Dues, DuesRegister, Messages, PolicyTimeline } from "../../src/index.ts"
import type { Command, World } from "./fixtures.ts"
import {
  account,
  admit,
  assess,
  declare,
  open,
  pay,
  payMonthly,
  policy,
  policyWith,
  rejection,
  runAll,
  salariedAccount,
  township,
  viewOf
} from "./fixtures.ts"

const findingsOf = (world: World, asOf: string, p = policy): ReadonlyArray<Finding.Finding> =>
  Dues.assess(viewOf(world, asOf), p, asOf)

const brief = (findings: ReadonlyArray<Finding.Finding>) =>
  findings.map((f) => `${f.ruleId} ${f.severity} ${f.code} ${f.due ?? "-"}`)

const lapseOf = (findings: ReadonlyArray<Finding.Finding>) => findings.filter((f) => f.code === "dues.finding.lapse")

// A salaried member of v1 owing from 2024-01, who paid January only.
const paidThroughJanuary = runAll(
  policy,
  payMonthly("v1-f1", "2024-01", "2024-01"),
  salariedAccount("v1-f1", "2024-01")
)

describe("R75: six consecutive months unpaid, from the ledger (feeding R39)", () => {
  it("R75: paid through 2024-01 and nothing after: the warning on 2024-05-01 (Feb–Apr), not on 2024-04-30", () => {
    assert.deepStrictEqual(brief(findingsOf(paidThroughJanuary, "2024-04-30")), [])
    const warned = findingsOf(paidThroughJanuary, "2024-05-01")
    assert.deepStrictEqual(brief(warned), ["R75 notice dues.finding.arrearsWarning 2024-05-01"])
    assert.deepStrictEqual(warned[0]!.params, {
      memberId: "v1-f1",
      fromMonth: "2024-02",
      toMonth: "2024-04",
      months: 3,
      required: 6
    })
  })

  it("R75 (fixture L1): the lapse finding fires on 2024-08-01 (Feb–Jul), not on 2024-07-31; it replaces the warning", () => {
    assert.deepStrictEqual(brief(findingsOf(paidThroughJanuary, "2024-07-31")), [
      "R75 notice dues.finding.arrearsWarning 2024-05-01"
    ])
    const lapsed = findingsOf(paidThroughJanuary, "2024-08-01")
    assert.deepStrictEqual(brief(lapsed), ["R75 warning dues.finding.lapse 2024-08-01"])
    assert.deepStrictEqual(lapsed[0]!.params, {
      memberId: "v1-f1",
      fromMonth: "2024-02",
      toMonth: "2024-07",
      months: 6,
      required: 6
    })
    assert.deepStrictEqual(lapsed[0]!.subject, { kind: "member", id: "v1-f1" })
  })

  it("R75: paid through 2024-02: no finding on 2024-08-01 (5 months), the finding on 2024-09-01", () => {
    const world = runAll(policy, payMonthly("v1-f1", "2024-02", "2024-02"), paidThroughJanuary)
    assert.deepStrictEqual(lapseOf(findingsOf(world, "2024-08-01")), [])
    assert.deepStrictEqual(brief(lapseOf(findingsOf(world, "2024-09-01"))), [
      "R75 warning dues.finding.lapse 2024-09-01"
    ])
  })

  it("R75 / R71: paid through 2024-01 with 2024-03 exempt: due Feb, Apr–Aug; the finding on 2024-09-01 (an exempt month is skipped, not a break)", () => {
    const world = runAll(policy, [{
      _tag: "ExemptDues",
      memberId: "v1-f1",
      decisionId: "x1",
      fromMonth: "2024-03",
      toMonth: "2024-03",
      branchDecision: { by: "v1", at: "2024-02-20" },
      approval: { by: "town", level: "township", at: "2024-02-25" },
      at: "2024-02-26"
    }], paidThroughJanuary)
    assert.deepStrictEqual(lapseOf(findingsOf(world, "2024-08-31")), [])
    const lapsed = lapseOf(findingsOf(world, "2024-09-01"))
    assert.deepStrictEqual(brief(lapsed), ["R75 warning dues.finding.lapse 2024-09-01"])
    assert.deepInclude(lapsed[0]!.params, { fromMonth: "2024-02", toMonth: "2024-08", months: 6 })
  })

  it("R75: a back-payment on 2024-08-05 for Feb–Jul leaves the 2024-08-01 finding open, marked paid on 2024-08-05; a person closes it", () => {
    const backPaid = runAll(policy, [
      pay("v1-f1", "back", Dues.monthSpan("2024-02", "2024-07"), 6 * 1500, "2024-08-05")
    ], paidThroughJanuary)
    const still = lapseOf(findingsOf(backPaid, "2024-08-10"))
    assert.deepStrictEqual(brief(still), ["R75 warning dues.finding.lapse 2024-08-01"])
    assert.strictEqual(still[0]!.params["paidOn"], "2024-08-05")
    // a review of a finding that does not exist is refused; of this one it closes it
    assert.strictEqual(
      rejection(policy, backPaid, {
        _tag: "ReviewDuesLapse",
        memberId: "v1-f1",
        fromMonth: "2024-03",
        at: "2024-08-10"
      }).code,
      "dues.noLapseFinding"
    )
    const reviewed = runAll(policy, [{
      _tag: "ReviewDuesLapse",
      memberId: "v1-f1",
      fromMonth: "2024-02",
      at: "2024-08-10"
    }], backPaid)
    assert.deepStrictEqual(lapseOf(findingsOf(reviewed, "2024-08-10")), [])
    // before the review's date the finding is still there (the register as of a date)
    assert.strictEqual(lapseOf(findingsOf(reviewed, "2024-08-09")).length, 1)
  })

  it("R75 / R70: under a quarterly arrangement the months of the running quarter are not yet unpaid", () => {
    const arrange: Command = {
      _tag: "ArrangeQuarterlyDues",
      memberId: "v1-f1",
      fromMonth: "2024-02",
      consent: { by: "v1", at: "2024-01-25" },
      at: "2024-01-26"
    }
    const quarterly = runAll(policy, [arrange], paidThroughJanuary)
    // 2024-05-01: Feb and Mar unpaid (their quarter ended), Apr still running: no warning (monthly would warn)
    assert.deepStrictEqual(brief(findingsOf(quarterly, "2024-05-01")), [])
    // Feb–Jul: July's quarter ends in September, so the finding waits for 2024-10-01
    assert.deepStrictEqual(lapseOf(findingsOf(quarterly, "2024-09-30")), [])
    assert.deepStrictEqual(brief(lapseOf(findingsOf(quarterly, "2024-10-01"))), [
      "R75 warning dues.finding.lapse 2024-10-01"
    ])
    // R70 HARD: the member's branch consents; R70 CONF: only where the policy allows quarterly payment
    assert.deepStrictEqual(
      [rejection(policy, paidThroughJanuary, { ...arrange, consent: { by: "v2", at: "2024-01-25" } } as Command).code],
      ["dues.quarterlyNeedsConsent"]
    )
    const monthlyOnly = policyWith({ quarterlyAllowed: false })
    assert.strictEqual(rejection(monthlyOnly, paidThroughJanuary, arrange).code, "dues.quarterlyNotAllowed")
    // ended: monthly again from the next month
    const ended = runAll(policy, [{
      _tag: "EndQuarterlyDues",
      memberId: "v1-f1",
      lastMonth: "2024-03",
      at: "2024-03-02"
    }], quarterly)
    assert.isFalse(Dues.isQuarterly(account(ended, "v1-f1"), "2024-04"))
    assert.strictEqual(Dues.unpaidFrom(account(ended, "v1-f1"), "2024-02"), "2024-04-01")
  })

  it("R73: vote 2024-03-31, approval 2024-06-20: on 2024-06-20 arrears are 2024-03 … 2024-05 (3 months): no lapse finding", () => {
    const world = runAll(policy, [
      admit("p1", "v1", "2024-03-31", "2024-06-20"),
      open("p1", "2024-06-20"),
      declare("p1", 2024, "student", undefined, "2024-06-20"),
      assess("p1", 2024, "2024-06-20")
    ], township())
    const ledger = DuesRegister.ledgerOf(viewOf(world, "2024-06-20"), "p1", "2024-06-20")!
    assert.deepStrictEqual(ledger.months.map((m) => `${m.month} ${m.status}`), [
      "2024-03 unpaid",
      "2024-04 unpaid",
      "2024-05 unpaid",
      "2024-06 open"
    ])
    assert.deepStrictEqual(lapseOf(findingsOf(world, "2024-06-20")), [])
    // the early warning counts the same three months
    assert.deepStrictEqual(brief(findingsOf(world, "2024-06-20")), [
      "R75 notice dues.finding.arrearsWarning 2024-06-01"
    ])
  })

  it("R75 / R39: no finding for a member who left or is suspended (the register says so)", () => {
    const view = viewOf(paidThroughJanuary, "2024-08-01")
    const facts = view.members["v1-f1"]!
    for (const status of ["left", "suspended"] as const) {
      const other = { ...view, members: { ...view.members, "v1-f1": { ...facts, status } } }
      assert.deepStrictEqual(Dues.assess(other, policy, "2024-08-01"), [], status)
    }
  })

  it("R75 CONF: the lapse and warning months come from the policy in force on the date", () => {
    const four = policyWith({ arrearsWarnMonths: 0, arrearsLapseMonths: 4 })
    assert.deepStrictEqual(brief(findingsOf(paidThroughJanuary, "2024-05-31", four)), [])
    assert.deepStrictEqual(brief(findingsOf(paidThroughJanuary, "2024-06-01", four)), [
      "R75 warning dues.finding.lapse 2024-06-01"
    ])
    // a timeline: the national figures before 2024-06, the local ones after
    const timeline = PolicyTimeline.make(policy, { ...four, effectiveFrom: "2024-06-01" })
    assert.deepStrictEqual(brief(Dues.assess(viewOf(paidThroughJanuary, "2024-05-31"), timeline, "2024-05-31")), [
      "R75 notice dues.finding.arrearsWarning 2024-05-01"
    ])
  })
})

describe("R74: the paid-through month on transfer letters (findings at the origin)", () => {
  const paid = runAll(policy, payMonthly("v1-f1", "2024-02", "2024-05"), paidThroughJanuary)
  const issue = (world: World, duesPaidThrough?: string) =>
    runAll(policy, [{
      _tag: "IssueTransferLetter",
      memberId: "v1-f1",
      transferId: "tr1",
      toOrgId: "v2",
      ...(duesPaidThrough === undefined ? {} : { duesPaidThrough }),
      at: "2024-06-10"
    }], world)
  const letterFindings = (world: World) => findingsOf(world, "2024-06-15").filter((f) => f.ruleId === "R74")

  it("R74: paid through 2024-05, issued 2024-06-10: no finding (the receiving org goes on from 2024-06)", () => {
    assert.deepStrictEqual(letterFindings(issue(paid, "2024-05")), [])
  })

  it("R74 HARD (schema): a letter without the paid-through month is a violation at the origin", () => {
    const found = letterFindings(issue(paid))
    assert.deepStrictEqual(brief(found), ["R74 violation dues.finding.letterWithoutPaidThrough 2024-06-10"])
    assert.deepStrictEqual(found[0]!.subject, { kind: "transfer", id: "tr1" })
    assert.deepStrictEqual(found[0]!.params, { memberId: "v1-f1", transferId: "tr1", fromOrgId: "v1" })
  })

  it("R74 REC: paid through 2024-04 at an issue on 2024-06-10 carries arrears into the transfer; a letter that disagrees with the ledger is flagged", () => {
    const short = runAll(policy, payMonthly("v1-f1", "2024-02", "2024-04"), paidThroughJanuary)
    assert.deepStrictEqual(brief(letterFindings(issue(short, "2024-04"))), [
      "R74 warning dues.finding.arrearsIntoTransfer 2024-06-10"
    ])
    const mismatch = letterFindings(issue(short, "2024-05"))
    assert.deepStrictEqual(brief(mismatch), ["R74 warning dues.finding.letterPaidThroughMismatch 2024-06-10"])
    assert.deepInclude(mismatch[0]!.params, { stated: "2024-05", ledger: "2024-04" })
  })
})

describe("R69 / R73 / R72: the other dues findings", () => {
  it("R69 REC: a reassessment without a reason is a warning; with one, none", () => {
    const reassess = (reason?: string): Command => ({
      _tag: "ReassessDues",
      memberId: "v1-f1",
      year: 2024,
      fromMonth: "2024-07",
      ...(reason === undefined ? {} : { reason }),
      at: "2024-07-03"
    })
    const without = runAll(policy, [reassess()], paidThroughJanuary)
    assert.deepStrictEqual(
      brief(findingsOf(without, "2024-07-03").filter((f) => f.ruleId === "R69")),
      ["R69 warning dues.finding.reassessedWithoutReason 2024-07-03"]
    )
    const withReason = runAll(policy, [reassess("pay scale changed")], paidThroughJanuary)
    assert.deepStrictEqual(findingsOf(withReason, "2024-07-03").filter((f) => f.ruleId === "R69"), [])
  })

  it("R69: a year whose monthly amount is not fixed is a notice from its first month", () => {
    const world = runAll(policy, [
      open("v2-f1", "2024-01-02"),
      declare("v2-f1", 2024, "student", undefined, "2024-01-02")
    ], township())
    assert.deepStrictEqual(brief(findingsOf(world, "2024-01-10")), [
      "R69 notice dues.finding.yearNotAssessed 2024-01-01"
    ])
    const assessed = runAll(policy, [assess("v2-f1", 2024, "2024-01-11")], world)
    assert.deepStrictEqual(findingsOf(assessed, "2024-01-11"), [])
    assert.deepStrictEqual(brief(findingsOf(assessed, "2025-01-02").filter((f) => f.ruleId === "R69")), [
      "R69 notice dues.finding.yearNotAssessed 2025-01-01"
    ])
  })

  it("R73 REC: an account of an admitted member starting after the vote month is a warning", () => {
    const world = runAll(
      policy,
      [admit("p1", "v1", "2024-03-31", "2024-06-20"), open("p1", "2024-06-20", "2024-05")],
      township()
    )
    assert.deepStrictEqual(brief(findingsOf(world, "2024-06-20").filter((f) => f.ruleId === "R73")), [
      "R73 warning dues.finding.firstMonthAfterVote 2024-06-20"
    ])
    const fromVote = runAll(
      policy,
      [admit("p1", "v1", "2024-03-31", "2024-06-20"), open("p1", "2024-06-20")],
      township()
    )
    assert.deepStrictEqual(findingsOf(fromVote, "2024-06-20").filter((f) => f.ruleId === "R73"), [])
  })

  it("R72 (local): a regular monthly amount above the cap is a notice; at the cap it is not", () => {
    const capped = (capFen: number) => policyWith({ monthlyRegularCapFen: capFen })
    assert.deepStrictEqual(brief(findingsOf(paidThroughJanuary, "2024-01-20", capped(1499))), [
      "R72 notice dues.finding.aboveMonthlyCap 2024-01-01"
    ])
    assert.deepStrictEqual(findingsOf(paidThroughJanuary, "2024-01-20", capped(1500)), [])
  })
})

describe("Messages of the dues aggregate", () => {
  const src = fileURLToPath(new URL("../../src", import.meta.url))
  const files = (dir: string): Array<string> =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []
    )

  it("every dues code the sources use renders in zh-CN and en, and every category has a label", () => {
    const used = new Set<string>()
    for (
      const file of [
        ...files(join(src, "dues")),
        join(src, "policy", "DuesPolicy.ts"),
        join(src, "member", "decide.ts")
      ]
    ) {
      if (file.endsWith("messages.ts")) continue
      for (const m of readFileSync(file, "utf8").matchAll(/"(dues\.[A-Za-z.]+)"/g)) used.add(m[1]!)
    }
    // Projection and read-model names are not message codes.
    for (const name of ["dues.register", "dues.register.asOf.", "dues.accounts", "dues.memberFacts"]) used.delete(name)
    assert.isAbove(used.size, 40)
    assert.deepStrictEqual([...used].filter((code) => !Messages.isTranslated(code)), [])
    assert.deepStrictEqual(Dues.DuesCategory.literals.filter((c) => !Messages.isTranslated(`dues.category.${c}`)), [])
  })

  it("a finding renders with its months and dates, and the zh-CN text is not the English one", () => {
    const [lapse] = findingsOf(paidThroughJanuary, "2024-08-01")
    assert.include(Messages.render(lapse!, "en"), "2024-02 to 2024-07")
    assert.include(Messages.render(lapse!, "zh-CN"), "连续 6 个月未交纳党费")
    const policyError = rejection(
      policyWith({ farmerMonthlyAmountFen: 101 }),
      runAll(
        policy,
        [open("v1-f1", "2024-01-02"), declare("v1-f1", 2024, "farmer", undefined, "2024-01-02")],
        township()
      ),
      assess("v1-f1", 2024, "2024-01-02")
    )
    assert.strictEqual(
      Messages.render(policyError, "en"),
      "Dues policy test-county: the farmer amount must lie between 0.20 and 1.00 yuan"
    )
  })
})
