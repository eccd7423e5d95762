// Runs the membership example: the story's counts, rosters, letters in transit, check-in ledger, rejections
// and findings are the documented outcomes of RULES.md R3, R4, R7, R41–R47 and §3.3; the same story on SQLite
// gives the same reports; and `pnpm start` runs as a user would, so CI fails when the example stops working.
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { execFileSync } from "node:child_process"
import { join } from "node:path"
import type { Report } from "../src/scenario.ts"
import {
  abroadMemberId,
  orgs,
  render,
  renderMessage,
  resettledMemberId,
  runInMemory,
  runOnSqlite,
  transferringMemberIds
} from "../src/scenario.ts"

const codes = (report: Report) => report.findings.map((f) => `${f.ruleId} ${f.subject.id} ${f.code}`)
const total = (report: Report) =>
  Object.values(report.counts).reduce((sum, c) => ({ full: sum.full + c.full, all: sum.all + c.all }), {
    full: 0,
    all: 0
  })

describe("membership example", () => {
  it.effect("votes at a host (R45), at a check-in community (R47) and before receipt (R42) are typed rejections", () =>
    Effect.gen(function*() {
      const { rejections } = yield* runInMemory()
      assert.deepStrictEqual(rejections.map((r) => [r.error._tag, r.error.ruleId, r.error.code]), [
        ["RuleViolation", "R45", "member.noVoteAtHost"],
        ["RuleViolation", "R47", "member.noVoteAtCheckIn"],
        ["RuleViolation", "R42", "member.noVoteBeforeReceived"]
      ])
      assert.strictEqual(
        renderMessage(rejections[0]!.error, "zh-CN"),
        "[R45] 流动党员 xincun-1-7 在流入地 overseas-project 参加组织生活,但不享有表决权"
      )
      assert.strictEqual(
        renderMessage(rejections[0]!.error, "en"),
        "[R45] Mobile member xincun-1-7 takes part at the host overseas-project, but has no vote there"
      )
    }))

  it.effect("42 letters in transit change no count (R42); their receipt moves the village past 50", () =>
    Effect.gen(function*() {
      const { reports: [before, inTransit, after] } = yield* runInMemory()
      assert.strictEqual(transferringMemberIds.length, 42)
      // §3.3 row 1: issued, not yet received: counted at the origin
      assert.deepStrictEqual(inTransit.counts, before.counts)
      assert.strictEqual(inTransit.inTransit.length, 42)
      // R43: 90 days by default from 2024-03-04
      assert.isTrue(inTransit.inTransit.every((t) => t.validUntil === "2024-06-02" && t.toOrgId === orgs.second))
      assert.strictEqual(inTransit.rosters[orgs.second]!.inTransitIn.length, 42)
      for (const orgId of orgs.enterprises) assert.strictEqual(inTransit.rosters[orgId]!.inTransitOut.length, 14)
      // received: one append each to the member, the enterprise and the village branch (R42)
      assert.deepStrictEqual(before.village, { full: 28, all: 29 })
      assert.deepStrictEqual(after.village, { full: 70, all: 71 })
      assert.deepStrictEqual(after.counts[orgs.second], { full: 50, all: 51 })
      assert.deepStrictEqual(after.counts["hengda-ceramics"], { full: 4, all: 4 })
      assert.deepStrictEqual(after.counts["lvyuan-food"], { full: 2, all: 2 })
      assert.deepStrictEqual(after.counts["jinhe-logistics"], { full: 3, all: 3 })
      assert.deepStrictEqual(after.inTransit, [])
      assert.deepStrictEqual(after.rosters[orgs.second]!.inTransitIn, [])
      // R38: nobody is lost or counted twice; the organizations' own counts equal the members' streams
      for (const report of [before, inTransit, after]) {
        assert.deepStrictEqual(total(report), { full: 94, all: 95 })
        assert.deepStrictEqual(report.countsFromMembers, report.counts)
      }
    }))

  it.effect("the resettled member's check-in and the member abroad change no count (R45, R46, R47)", () =>
    Effect.gen(function*() {
      const { reports: [before, inTransit, after] } = yield* runInMemory()
      for (const report of [inTransit, after]) {
        assert.deepStrictEqual(report.counts[orgs.hewan], before.counts[orgs.hewan])
        assert.deepStrictEqual(report.counts[orgs.community], before.counts[orgs.community])
        assert.deepStrictEqual(report.counts[orgs.first], before.counts[orgs.first])
        assert.deepStrictEqual(report.counts[orgs.overseas], { full: 0, all: 0 })
        // counted at home, taking part elsewhere
        assert.include(report.rosters[orgs.hewan]!.full, resettledMemberId)
        assert.deepStrictEqual(report.rosters[orgs.community]!.checkedIn, [resettledMemberId])
        assert.include(report.rosters[orgs.first]!.full, abroadMemberId)
        assert.deepStrictEqual(report.rosters[orgs.first]!.mobileAway, [abroadMemberId])
        assert.deepStrictEqual(report.rosters[orgs.overseas]!.hosted, [abroadMemberId])
      }
      assert.deepStrictEqual(before.counts[orgs.hewan], { full: 6, all: 6 })
      assert.deepStrictEqual(before.counts[orgs.community], { full: 9, all: 9 })
      assert.deepStrictEqual(
        after.checkedIn.map((e) => [e.memberId, e.affiliationOrgId, e.resettled, e.since, e.activities]),
        [[resettledMemberId, orgs.hewan, true, "2024-03-05", 1]]
      )
    }))

  it.effect("findings: the contact person (R45) until named; then split (R3, not R4 under a general branch), dissolution (R7)", () =>
    Effect.gen(function*() {
      const { reports: [before, inTransit, after] } = yield* runInMemory()
      assert.deepStrictEqual(codes(before), [])
      assert.deepStrictEqual(codes(inTransit), [`R45 ${abroadMemberId} member.finding.mobileContactPersonMissing`])
      assert.deepStrictEqual(codes(after), [
        "R7 lvyuan-food organization.finding.dissolutionDue",
        "R16 lvyuan-food organization.finding.committeeTooSmall",
        "R3 xincun-2 organization.finding.splitSuggested",
        "R17 hengda-ceramics organization.finding.committeeNotRequired",
        "R17 jinhe-logistics organization.finding.committeeNotRequired",
        "R17 lvyuan-food organization.finding.committeeNotRequired"
      ])
      const split = after.findings.find((f) => f.ruleId === "R3")!
      assert.deepStrictEqual(split.params, { orgId: orgs.second, members: 51, max: 50 })
      const rendered = render(after, "zh-CN")
      assert.include(rendered, "党支部 新村第二党支部 [xincun-2] (正式党员 50,党员 51)")
      assert.include(rendered, "xincun-2 有党员 51 名,超过党支部一般 50 人的规模:宜分设党支部或成立党总支")
      assert.include(render(inTransit, "en"), "Transfer letters in transit: 42, the first expiring 2024-06-02")
    }))

  it.effect("the same story on SQLite (:memory:) gives the same rejections and reports", () =>
    Effect.gen(function*() {
      const memory = yield* runInMemory()
      const sqlite = yield* runOnSqlite()
      assert.deepStrictEqual(
        sqlite.rejections.map((r) => [r.error.ruleId, r.error.code, r.error.params]),
        memory.rejections.map((r) => [r.error.ruleId, r.error.code, r.error.params])
      )
      for (const [i, report] of sqlite.reports.entries()) {
        const { tree: _tree, ...rest } = report
        const { tree: _memoryTree, ...expected } = memory.reports[i]!
        assert.deepStrictEqual(rest, expected)
        assert.strictEqual(render(report, "en"), render(memory.reports[i]!, "en"))
      }
    }))

  it("runs with `pnpm start`", () => {
    const output = execFileSync(process.execPath, [join(import.meta.dirname, "..", "src", "main.ts")], {
      encoding: "utf8"
    })
    assert.include(output, "柳河镇党员组织关系情况(截至 2024-03-10)")
    assert.include(output, "Liuhe township, members as of 2024-03-31")
    assert.include(output, "新村党员人数(党总支及所属支部): 正式党员 70,党员 71")
    assert.include(
      output,
      "[R45] Mobile member xincun-1-7 takes part at the host overseas-project, but has no vote there"
    )
  })
})
