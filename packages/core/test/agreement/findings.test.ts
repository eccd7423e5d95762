// Findings as of a date, each at its boundary day (the day before, on, and after), under the national
// policy's pairing defaults: expiring within 30 days, idle after 90 days, quarterly reports.
import { assert, describe, it } from "@effect/vitest"
import * as Agreement from "../../src/agreement/Agreement.ts"
import { AgreementRegister } from "../../src/index.ts"
import { activity, dissolved, orgWorld, policy, render, report, sign, steps, viewOf } from "./fixtures.ts"

const world = orgWorld()
// term 2024-03-01 … 2025-02-28, signed 2024-03-01
const signed = steps(world, [sign()])

const codesAt = (state: Agreement.AgreementState, asOf: string, code: string, w = world) =>
  Agreement.assess(viewOf(w, state), policy, asOf).filter((f) => f.code === code)

describe("Agreement findings at their boundary days", () => {
  it("expiring: from 30 days before the end date (2025-01-29) through the end date", () => {
    // keep the agreement busy and reported, so only the term speaks
    assert.deepStrictEqual(codesAt(signed, "2025-01-28", "agreement.finding.expiring"), [])
    const on = codesAt(signed, "2025-01-29", "agreement.finding.expiring")
    assert.deepStrictEqual(on, [{
      ruleId: "R50",
      severity: "notice",
      subject: { kind: "agreement", id: "pa" },
      due: "2025-02-28",
      code: "agreement.finding.expiring",
      params: { agreementId: "pa", endDate: "2025-02-28", days: 30 }
    }])
    assert.strictEqual(codesAt(signed, "2025-01-30", "agreement.finding.expiring")[0]?.params["days"], 29)
    assert.strictEqual(codesAt(signed, "2025-02-28", "agreement.finding.expiring")[0]?.params["days"], 0)
    assert.strictEqual(render(on[0]!, "en"), "Agreement pa ends on 2025-02-28 (in 30 days): renew it or close it")
    assert.strictEqual(render(on[0]!, "zh-CN"), "结对共建协议 pa 将于 2025-02-28 到期(还有 30 天):请续签或终止")
  })

  it("expired: from the day after the end date, until renewed or the expiry is recorded", () => {
    assert.deepStrictEqual(codesAt(signed, "2025-02-28", "agreement.finding.expired"), [])
    assert.strictEqual(codesAt(signed, "2025-03-01", "agreement.finding.expired").length, 1)
    assert.strictEqual(codesAt(signed, "2025-03-02", "agreement.finding.expired")[0]?.severity, "warning")
    assert.deepStrictEqual(codesAt(signed, "2025-03-01", "agreement.finding.expiring"), [])
    const recorded = steps(world, [{ _tag: "ExpireAgreement", agreementId: "pa", at: "2025-03-01" }], signed)
    assert.deepStrictEqual(codesAt(recorded, "2025-03-02", "agreement.finding.expired"), [])
    // an open-ended agreement never expires
    const open = steps(world, [sign({ term: { startDate: "2024-03-01", openEnded: true } })])
    assert.deepStrictEqual(
      Agreement.assess(viewOf(world, open), policy, "2030-01-01").filter((f) =>
        f.code.startsWith("agreement.finding.exp")
      ),
      []
    )
  })

  it("idle: on the day 90 full days have passed without an activity", () => {
    // no activity since the start 2024-03-01: idle on 2024-05-30
    assert.deepStrictEqual(codesAt(signed, "2024-05-29", "agreement.finding.idle"), [])
    const on = codesAt(signed, "2024-05-30", "agreement.finding.idle")
    assert.deepStrictEqual(on[0]?.params, { agreementId: "pa", since: "2024-03-01", days: 90, idleAfterDays: 90 })
    assert.strictEqual(on[0]?.due, "2024-05-30")
    assert.strictEqual(codesAt(signed, "2024-05-31", "agreement.finding.idle")[0]?.params["days"], 91)
    // an activity on 2024-04-15 restarts the count: idle on 2024-07-14
    const active = steps(world, [activity("2024-04-15")], signed)
    assert.deepStrictEqual(codesAt(active, "2024-07-13", "agreement.finding.idle"), [])
    assert.strictEqual(codesAt(active, "2024-07-14", "agreement.finding.idle").length, 1)
    assert.strictEqual(codesAt(active, "2024-07-15", "agreement.finding.idle").length, 1)
    // a configurable interval: 30 days
    const strict = { ...policy, pairing: { ...policy.pairing, idleAfterDays: 30 } }
    assert.strictEqual(
      Agreement.assess(viewOf(world, active), strict, "2024-05-15").filter((f) => f.code === "agreement.finding.idle")
        .length,
      1
    )
    assert.strictEqual(
      Agreement.assess(viewOf(world, active), strict, "2024-05-14").filter((f) => f.code === "agreement.finding.idle")
        .length,
      0
    )
  })

  it("report overdue: from the day after the quarter's last day (2024-05-31)", () => {
    assert.deepStrictEqual(codesAt(signed, "2024-05-31", "agreement.finding.reportOverdue"), [])
    const on = codesAt(signed, "2024-06-01", "agreement.finding.reportOverdue")
    assert.deepStrictEqual(on[0]?.params, {
      agreementId: "pa",
      round: 1,
      period: 1,
      periodStart: "2024-03-01",
      due: "2024-05-31"
    })
    assert.strictEqual(codesAt(signed, "2024-06-02", "agreement.finding.reportOverdue").length, 1)
    assert.strictEqual(
      render(on[0]!, "zh-CN"),
      "结对共建协议 pa 第 1 期(2024-03-01 至 2024-05-31)书面报告逾期未报"
    )
    // reported on the last day: the next report is due 2024-08-31
    const reported = steps(world, [report("2024-05-31")], signed)
    assert.deepStrictEqual(codesAt(reported, "2024-08-31", "agreement.finding.reportOverdue"), [])
    assert.strictEqual(codesAt(reported, "2024-09-01", "agreement.finding.reportOverdue")[0]?.params["period"], 2)
    // a cadence of 0 months: no report is ever overdue
    const none = { ...policy, pairing: { ...policy.pairing, reportEveryMonths: 0 } }
    assert.deepStrictEqual(
      Agreement.assess(viewOf(world, signed), none, "2024-12-01").filter((f) =>
        f.code === "agreement.finding.reportOverdue"
      ),
      []
    )
  })

  it("party dissolved: a party organization dissolved after the signing", () => {
    const gone = dissolved(world, "e1", "2024-06-10")
    const found = codesAt(signed, "2024-06-10", "agreement.finding.partyDissolved", gone)
    assert.deepStrictEqual(found[0]?.params, { agreementId: "pa", orgId: "e1", dissolvedAt: "2024-06-10" })
    assert.strictEqual(
      render(found[0]!, "en"),
      "Party organization e1 of agreement pa was dissolved on 2024-06-10: terminate the agreement or renew it with its successor"
    )
    const terminated = steps(world, [{
      _tag: "TerminateAgreement",
      agreementId: "pa",
      reason: "partyDissolved",
      at: "2024-06-11"
    }], signed)
    assert.deepStrictEqual(Agreement.assess(viewOf(gone, terminated), policy, "2024-06-12"), [])
  })

  it("the register sorts agreements by standing as of a date", () => {
    const other = steps(world, [sign({ agreementId: "pb", term: { startDate: "2024-01-01", endDate: "2024-06-30" } })])
    const open = steps(world, [sign({ agreementId: "pc", term: { startDate: "2024-03-01", openEnded: true } })])
    const ended = steps(world, [
      sign({ agreementId: "pd" }),
      { _tag: "TerminateAgreement", agreementId: "pd", reason: "withdrawal", at: "2024-05-01" }
    ])
    const view = viewOf(world, signed, other, open, ended)
    assert.deepStrictEqual(AgreementRegister.byStanding(view, "2024-06-15", policy.pairing), {
      proposed: [],
      active: ["pa", "pc"],
      expiring: ["pb"],
      expired: [],
      terminated: ["pd"]
    })
    assert.deepStrictEqual(AgreementRegister.byStanding(view, "2024-07-01", policy.pairing).expired, ["pb"])
  })

  it("activities per area and per party", () => {
    const state = steps(world, [
      activity("2024-03-10", { participants: 10 }),
      activity("2024-04-10", { area: "publicSecurity", partyIds: ["v1"], participants: 4 }),
      activity("2024-05-10", { participants: 6 })
    ], signed)
    const view = viewOf(world, state)
    const byArea = AgreementRegister.activitiesByArea(view)
    assert.deepStrictEqual(byArea.economy, { activities: 2, participants: 16 })
    assert.deepStrictEqual(byArea.publicSecurity, { activities: 1, participants: 4 })
    assert.deepStrictEqual(byArea.culture, { activities: 0, participants: 0 })
    assert.deepStrictEqual(AgreementRegister.activitiesByParty(view, "pa"), {
      v1: { activities: 3, participants: 20 },
      e1: { activities: 2, participants: 16 }
    })
  })
})
