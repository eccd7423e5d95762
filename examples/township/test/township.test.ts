// Runs the township example: the scenario itself (its rejections, tree and findings are the documented
// outcomes of RULES.md), and `pnpm start` as a user would, so CI fails when the example stops working.
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { execFileSync } from "node:child_process"
import { join } from "node:path"
import { render, run } from "../src/scenario.ts"

describe("township example", () => {
  it.effect("records the history and reports the documented findings as of 2024-06-30", () =>
    Effect.gen(function*() {
      const report = yield* run("2024-06-30")
      assert.deepStrictEqual(report.rejections.map((r) => [r.error.ruleId, r.error.code]), [
        ["R1", "organization.branchTooSmall"],
        ["R9", "organization.temporaryBranchNoAdmission"],
        ["R5", "organization.partyCommitteeBelowThreshold"]
      ])
      const findings = report.findings.map((f) => `${f.ruleId} ${f.subject.id} ${f.code}`)
      assert.includeMembers(findings, [
        "R22 east-village organization.finding.termExpired",
        "R3 east-village organization.finding.splitSuggested",
        "R4 east-village organization.finding.generalBranchPossible",
        "R16 river-village organization.finding.committeeRequired",
        "R1 tea-cooperative organization.finding.coverageGap"
      ])
      // 西村 became a committee once its branches reached 100 members: no committee-possible finding remains
      assert.notInclude(findings.join("\n"), "west-village organization.finding.committeePossible")
      assert.strictEqual(report.view.tree.orgs["west-village"]?.kind, "primaryCommittee")
      assert.include(
        render(report, "en"),
        "primary committee 西村党组织 [west-village] (FM 0, AM 0) [with sub-organizations: FM 93, AM 100]"
      )
      assert.include(render(report, "zh-CN"), "联合党支部 北村南村联合党支部 [north-south-joint] (正式党员 4,党员 5)")
    }))

  it.effect("as of 2023-12-31 东村 is within 50 members and its term is only expiring", () =>
    Effect.gen(function*() {
      const report = yield* run("2023-12-31")
      const east = report.findings.filter((f) => f.subject.id === "east-village").map((f) => `${f.ruleId} ${f.code}`)
      assert.deepStrictEqual(east, ["R21 organization.finding.termExpiring"])
      assert.strictEqual(report.view.tree.orgs["west-village"]?.kind, "generalBranch")
    }))

  it("runs with `pnpm start`", () => {
    const output = execFileSync(process.execPath, [join(import.meta.dirname, "..", "src", "main.ts")], {
      encoding: "utf8"
    })
    assert.include(output, "青山镇党组织情况(截至 2024-06-30)")
    assert.include(output, "Township report as of 2024-06-30")
    assert.include(output, "[R16] VIOLATION: river-village has 7 full members")
  })
})
