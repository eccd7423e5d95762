import { assert, describe, it } from "@effect/vitest"
import type { Finding } from "../../src/index.ts"
import { Messages, Organization } from "../../src/index.ts"
import { mergeCatalogs, renderWith } from "../../src/kernel/Message.ts"
import { kernelMessages } from "../../src/kernel/messages.ts"
import * as Member from "../../src/member/Member.ts"
import { memberMessages } from "../../src/member/messages.ts"
import { organizationMessages } from "../../src/organization/messages.ts"
import type { GovernancePolicy } from "../../src/policy/GovernancePolicy.ts"
import { ruleMessages } from "../../src/rules/messages.ts"
import type { World } from "./fixtures.ts"
import {
  approval,
  baseWorld,
  checkIn,
  issue,
  memberOf,
  mobile,
  policy,
  register,
  registerProbationary,
  runAllMembers
} from "./fixtures.ts"

const catalogs = mergeCatalogs(kernelMessages, ruleMessages, organizationMessages, memberMessages)

const codesAt = (
  world: World,
  asOf: string,
  rule: string,
  policies: GovernancePolicy = policy,
  memberIds: ReadonlyArray<string> = ["m1"]
): ReadonlyArray<string> =>
  Member.assessMembers(memberIds.map((id) => memberOf(world, id)), policies, asOf, { orgs: world.orgs })
    .filter((f) => f.ruleId === rule)
    .map((f) => f.code)

const withMembership = (patch: Partial<GovernancePolicy["membership"]>): GovernancePolicy => ({
  ...policy,
  membership: { ...policy.membership, ...patch }
})

describe("Member findings as of a date (boundaries)", () => {
  const joined = () => runAllMembers(baseWorld(), [register("m1", "v1", "full", "2024-01-10")])

  it("R39: the early warning at 3 months, the lapse finding on the day 6 full months are complete", () => {
    const world = joined()
    assert.deepStrictEqual(codesAt(world, "2024-04-09", "R39"), [])
    assert.deepStrictEqual(codesAt(world, "2024-04-10", "R39"), [
      "member.finding.lapseWarning",
      "member.finding.lapseWarning"
    ])
    assert.deepStrictEqual(codesAt(world, "2024-07-09", "R39"), [
      "member.finding.lapseWarning",
      "member.finding.lapseWarning"
    ])
    const lapsed = Member.assessMembers([memberOf(world, "m1")], policy, "2024-07-10").filter((f) => f.ruleId === "R39")
    assert.deepStrictEqual(lapsed.map((f) => [f.code, f.params["kind"], f.due]), [
      ["member.finding.lapsed", "orgLife", "2024-07-10"],
      ["member.finding.lapsed", "dues", "2024-07-10"]
    ])
    const active = runAllMembers(world, [
      { _tag: "RecordParticipation", memberId: "m1", kind: "orgLife", at: "2024-07-01" },
      { _tag: "RecordParticipation", memberId: "m1", kind: "dues", at: "2024-07-01" }
    ])
    assert.deepStrictEqual(codesAt(active, "2024-07-10", "R39"), [])
  })

  it("R40: suspension due at 6 months of lost contact; removal due 2 years after suspension", () => {
    const lost = runAllMembers(joined(), [
      { _tag: "RecordLostContact", memberId: "m1", since: "2024-02-01", at: "2024-03-01" }
    ])
    assert.deepStrictEqual(codesAt(lost, "2024-07-31", "R40"), [])
    assert.deepStrictEqual(codesAt(lost, "2024-08-01", "R40"), ["member.finding.suspensionDue"])
    const suspended = runAllMembers(lost, [
      { _tag: "SuspendMembership", memberId: "m1", decision: approval("township", "2024-08-01"), at: "2024-08-01" }
    ])
    assert.deepStrictEqual(codesAt(suspended, "2026-07-31", "R40"), [])
    assert.deepStrictEqual(codesAt(suspended, "2026-08-01", "R40"), ["member.finding.removalDue"])
    // suspended members raise no lapse finding: they count nowhere
    assert.deepStrictEqual(codesAt(suspended, "2026-08-01", "R39"), [])
  })

  it("R37: the probation discussion is due on the day probation ends", () => {
    const world = runAllMembers(baseWorld(), [register("m1", "v1", "probationary", "2024-01-10")])
    const withEnd = runAllMembers(baseWorld(), [registerProbationary("m1", "2024-09-01")])
    assert.deepStrictEqual(codesAt(world, "2030-01-01", "R37"), [])
    assert.deepStrictEqual(codesAt(withEnd, "2024-08-31", "R37"), [])
    assert.deepStrictEqual(codesAt(withEnd, "2024-09-01", "R37"), ["member.finding.probationDiscussionDue"])
  })

  it("R41: away at a fixed place exactly 6 months: transfer due; a day less: not; an open letter clears it", () => {
    const world = runAllMembers(joined(), [
      { _tag: "RecordAbsence", memberId: "m1", fixedPlace: true, abroad: false, at: "2024-01-15" }
    ])
    assert.deepStrictEqual(codesAt(world, "2024-07-14", "R41"), [])
    assert.deepStrictEqual(codesAt(world, "2024-07-15", "R41"), ["member.finding.transferDue"])
    const letter = runAllMembers(world, [issue("m1", "v2", "2024-07-15")])
    assert.deepStrictEqual(codesAt(letter, "2024-07-20", "R41"), [])
  })

  it("R44: away more than 3 months without a credential; none up to 3 months; none once mobile with a card", () => {
    const world = runAllMembers(joined(), [
      { _tag: "RecordAbsence", memberId: "m1", fixedPlace: false, abroad: false, at: "2024-02-01" }
    ])
    assert.deepStrictEqual(codesAt(world, "2024-05-31", "R44"), [])
    const due = Member.assessMembers([memberOf(world, "m1")], policy, "2024-06-01").filter((f) => f.ruleId === "R44")
    assert.deepStrictEqual(due.map((f) => [f.code, f.params["credential"]]), [[
      "member.finding.credentialDue",
      "mobileCard"
    ]])
    const carded = runAllMembers(world, [
      { ...mobile("m1", "v2", "2024-03-01"), fixedPlace: false } as Member.MemberCommand
    ])
    assert.deepStrictEqual(codesAt(carded, "2024-06-01", "R44"), [])
    // uncertain place: never a transfer-due finding
    assert.deepStrictEqual(codesAt(carded, "2025-06-01", "R41"), [])
  })

  it("R43: an open letter past its validity raises the expired finding from the day after", () => {
    const world = runAllMembers(joined(), [issue("m1", "v2", "2024-01-01")])
    assert.deepStrictEqual(codesAt(world, "2024-03-31", "R43"), [])
    const found = Member.assessMembers([memberOf(world, "m1")], policy, "2024-04-01").filter((f) => f.ruleId === "R43")
    assert.deepStrictEqual(found.map((f) => [f.code, f.subject.kind, f.due]), [
      ["member.finding.transferLetterExpired", "transfer", "2024-04-01"]
    ])
  })

  it("R45: a rural origin names a contact person; contact is overdue after 6 months", () => {
    const world = runAllMembers(joined(), [mobile("m1", "v2", "2024-02-01")])
    assert.deepStrictEqual(codesAt(world, "2024-03-01", "R45"), ["member.finding.mobileContactPersonMissing"])
    const named = runAllMembers(world, [
      { _tag: "AssignMobileContactPerson", memberId: "m1", contactPersonId: "v1-f2", at: "2024-02-10" }
    ])
    assert.deepStrictEqual(codesAt(named, "2024-07-31", "R45"), [])
    assert.deepStrictEqual(codesAt(named, "2024-08-01", "R45"), ["member.finding.mobileContactOverdue"])
    const contacted = runAllMembers(named, [{ _tag: "RecordMobileContact", memberId: "m1", at: "2024-07-01" }])
    assert.deepStrictEqual(codesAt(contacted, "2024-08-01", "R45"), [])
    // not rural (community origin), or the policy off: no contact-person finding
    const urban = runAllMembers(baseWorld(), [
      register("m1", "c1", "full", "2024-01-10"),
      mobile("m1", "v2", "2024-02-01")
    ])
    assert.deepStrictEqual(codesAt(urban, "2024-03-01", "R45"), [])
    assert.deepStrictEqual(
      codesAt(world, "2024-03-01", "R45", withMembership({ requireMobileContactPerson: false })),
      []
    )
  })

  it("R11: three full members of one origin hosted together suggest a mobile-member branch, unless it is one", () => {
    const ids = ["m1", "m2", "m3"]
    const world = runAllMembers(
      baseWorld(),
      ids.flatMap((id) => [register(id, "v1", "full", "2024-01-10"), mobile(id, "v2", "2024-02-01", "v1-f1")])
    )
    assert.deepStrictEqual(codesAt(world, "2024-03-01", "R11", policy, ["m1", "m2"]), [])
    const found = Member.assessMembers(ids.map((id) => memberOf(world, id)), policy, "2024-03-01", { orgs: world.orgs })
      .filter((f) => f.ruleId === "R11")
    assert.deepStrictEqual(found.map((f) => [f.code, f.params["hostOrgId"], f.params["full"]]), [
      ["member.finding.mobileBranchSuggested", "v2", 3]
    ])
    const branch: Organization.OrganizationState = { ...world.orgs["v2"]!, kind: "mobileMemberBranch" }
    assert.deepStrictEqual(
      codesAt({ ...world, orgs: { ...world.orgs, v2: branch } }, "2024-03-01", "R11", policy, ids),
      []
    )
  })

  it("R47: the yearly feedback is due 12 months after check-in or the last feedback; local activity minimum", () => {
    const world = runAllMembers(joined(), [checkIn("m1", "c1", "2024-03-01")])
    assert.deepStrictEqual(codesAt(world, "2025-02-28", "R47"), [])
    assert.deepStrictEqual(codesAt(world, "2025-03-01", "R47"), ["member.finding.checkInFeedbackDue"])
    const fed = runAllMembers(world, [{
      _tag: "RecordCheckInFeedback",
      memberId: "m1",
      rating: "good",
      at: "2025-01-10"
    }])
    assert.deepStrictEqual(codesAt(fed, "2025-03-01", "R47"), [])
    const local = withMembership({ minCommunityActivitiesPerYear: 4 })
    assert.deepStrictEqual(codesAt(fed, "2025-03-01", "R47", local), ["member.finding.fewCommunityActivities"])
    const busy = runAllMembers(
      fed,
      ["2024-04-01", "2024-06-01", "2024-09-01", "2024-12-01"].map((at): Member.MemberCommand => ({
        _tag: "RecordCheckInActivity",
        memberId: "m1",
        activityKind: "service",
        at
      }))
    )
    assert.deepStrictEqual(codesAt(busy, "2025-03-01", "R47", local), [])
  })

  it("R46: a resettled member: a notice after 6 months under `origin`, a warning under `residence`", () => {
    const world = runAllMembers(joined(), [checkIn("m1", "c1", "2024-03-01", true)])
    assert.deepStrictEqual(codesAt(world, "2024-08-31", "R46"), [])
    assert.deepStrictEqual(codesAt(world, "2024-09-01", "R46"), ["member.finding.resettledTransferSuggested"])
    const residence = withMembership({ affiliationDefaultForResettled: "residence" })
    assert.deepStrictEqual(codesAt(world, "2024-03-01", "R46", residence), ["member.finding.resettledTransferExpected"])
    const moving = runAllMembers(world, [issue("m1", "c1", "2024-03-05")])
    assert.deepStrictEqual(codesAt(moving, "2024-03-06", "R46", residence), [])
  })

  it("every finding renders in zh-CN and en and holds only ids, counts, dates and kinds", () => {
    const world = runAllMembers(baseWorld(), [
      register("m1", "v1", "full", "2024-01-10"),
      { _tag: "RecordAbsence", memberId: "m1", fixedPlace: true, abroad: false, at: "2024-01-15" },
      issue("m1", "v2", "2024-01-20"),
      checkIn("m1", "c1", "2024-01-20", true),
      mobile("m1", "v2", "2024-02-01")
    ])
    const findings: ReadonlyArray<Finding.Finding> = Member.assessMembers(
      [memberOf(world, "m1")],
      withMembership({ affiliationDefaultForResettled: "residence" }),
      "2026-01-01",
      { orgs: world.orgs }
    )
    assert.isAbove(findings.length, 3)
    for (const f of findings) {
      for (const locale of ["en", "zh-CN"] as const) {
        assert.isDefined(catalogs[locale][f.code], `${f.code} ${locale}`)
        assert.notInclude(renderWith(catalogs, f.code, f.params, locale), "—", `${f.code} ${locale} misses a param`)
      }
      for (const value of Object.values(f.params)) assert.include(["string", "number", "boolean"], typeof value)
    }
    assert.isString(Messages.renderCode("member.finding.lapsed", {}, "en"))
  })
})
