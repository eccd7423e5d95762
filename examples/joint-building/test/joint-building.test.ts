// Runs the joint-building example: the scenario itself (its rejections, register and findings are the
// documented outcomes of RULES.md R48–R50), and `pnpm start` as a user would, so CI fails when the example
// stops working.
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { execFileSync } from "node:child_process"
import { join } from "node:path"
import { render, renderMessage, run } from "../src/scenario.ts"

const codes = (report: { readonly findings: ReadonlyArray<{ readonly ruleId: string; readonly code: string }> }) =>
  report.findings.map((f) => `${f.ruleId} ${f.code}`)

describe("joint-building example", () => {
  it.effect("rejects a one-party signing (R50) and a signing with no area (R49), in both languages", () =>
    Effect.gen(function*() {
      const { rejections } = yield* run([])
      assert.deepStrictEqual(rejections.map((r) => [r.error.ruleId, r.error.code]), [
        ["R50", "agreement.tooFewParties"],
        ["R49", "agreement.noArea"]
      ])
      assert.strictEqual(
        renderMessage(rejections[0]!.error, "zh-CN"),
        "结对共建协议 maple-tea 只有 1 个不同的结对方,至少需要 2 个"
      )
      assert.strictEqual(
        renderMessage(rejections[0]!.error, "en"),
        "Agreement maple-tea names 1 distinct party; a pairing needs at least 2"
      )
    }))

  it.effect("the missed second-quarter report is a finding from 2024-07-01 until the late report", () =>
    Effect.gen(function*() {
      const { reports } = yield* run(["2024-06-30", "2024-07-01", "2024-07-19", "2024-07-20"])
      const [due, overdue, stillOverdue, reported] = reports
      assert.deepStrictEqual(codes(due!), [])
      assert.deepStrictEqual(codes(overdue!), ["R50 agreement.finding.reportOverdue"])
      assert.deepStrictEqual(overdue!.findings[0]!.params, {
        agreementId: "maple-tea",
        round: 1,
        period: 2,
        periodStart: "2024-04-01",
        due: "2024-06-30"
      })
      assert.deepStrictEqual(codes(stillOverdue!), ["R50 agreement.finding.reportOverdue"])
      assert.deepStrictEqual(codes(reported!), [])
    }))

  it.effect("a year of activities: never idle; expiring from 2024-12-01; renewed for 2025 with no findings", () =>
    Effect.gen(function*() {
      const { reports } = yield* run(["2024-11-30", "2024-12-01", "2024-12-27", "2025-01-15"])
      const [before, expiring, lastReport, renewed] = reports
      assert.deepStrictEqual(codes(before!), [])
      assert.deepStrictEqual(codes(expiring!), ["R50 agreement.finding.expiring"])
      assert.strictEqual(expiring!.findings[0]!.params["days"], 30)
      assert.deepStrictEqual(expiring!.entries.map((e) => [e.agreementId, e.standing, e.round]), [
        ["maple-tea", "expiring", 1]
      ])
      assert.deepStrictEqual(codes(lastReport!), ["R50 agreement.finding.expiring"])
      assert.deepStrictEqual(renewed!.entries.map((e) => [e.agreementId, e.standing, e.round, e.endDate]), [
        ["maple-tea", "active", 2, "2025-12-31"]
      ])
      assert.deepStrictEqual(codes(renewed!), [])
      assert.deepStrictEqual(renewed!.byArea.economy, { activities: 6, participants: 135 })
      assert.deepStrictEqual(renewed!.byArea.publicSecurity, { activities: 6, participants: 64 })
      assert.deepStrictEqual(renewed!.byParty["tea-company"], { activities: 11, participants: 191 })
      assert.deepStrictEqual(renewed!.byParty["maple-village"], { activities: 10, participants: 175 })
      assert.include(render(expiring!, "zh-CN"), "maple-tea: 即将到期 (第 1 轮,至 2024-12-31)")
      assert.include(render(renewed!, "en"), "maple-tea: active (round 2, ends 2025-12-31)")
    }))

  it("runs with `pnpm start`", () => {
    const output = execFileSync(process.execPath, [join(import.meta.dirname, "..", "src", "main.ts")], {
      encoding: "utf8"
    })
    assert.include(output, "结对共建台账(截至 2024-07-01)")
    assert.include(output, "Pairing register as of 2025-01-15")
    assert.include(output, "结对共建协议 maple-tea 第 2 期(2024-04-01 至 2024-06-30)书面报告逾期未报")
    assert.include(output, "经济建设联抓: 6 次,135 人次")
  })
})
