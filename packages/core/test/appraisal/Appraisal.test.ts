// Democratic appraisal (R35, R62–R64): opening, grading, the 优秀 cap, probationary members, and what follows
// 基本合格 and 不合格 (guidance, discipline, organizational disposal), against the pure decisions; every §3.5
// boundary of R62–R64 is here.
import { assert, describe, it } from "@effect/vitest"
import { Result } from "effect"
import * as Appraisal from "../../src/appraisal/Appraisal.ts"
import * as AppraisalRegisterQueries from "../../src/appraisal/projections/AppraisalRegister.ts"
import { Dangjian, Messages } from "../../src/index.ts"
import type * as Member from "../../src/member/Member.ts"
import type { World } from "../member/fixtures.ts"
import { runAllMembers } from "../member/fixtures.ts"
import { baseWorld, close, decideIn, dispose, grade, open, play, policy, rejection, ruleOf, vote } from "./fixtures.ts"

const world = baseWorld()
const opened = play(world, [open()])

describe("Appraisal: the stream", () => {
  it("streamId is appraisal-<year>-<orgId>, one per organization and appraised year", () => {
    assert.strictEqual(Appraisal.streamId("v1", 2024), "appraisal-2024-v1")
    assert.strictEqual(Appraisal.appraisalIdOf("appraisal-2024-v1"), "2024-v1")
    assert.strictEqual(Appraisal.appraisalIdOf("agreement-2024-v1"), undefined)
    // an organization id holding the separator still reads back whole
    assert.strictEqual(Appraisal.appraisalIdOf(Appraisal.streamId("a-b-2023", 2024)), "2024-a-b-2023")
  })

  it("the single-stream decider reads no member; a command built without the Schema is a typed rejection", () => {
    const decider = Appraisal.decider(policy)
    // grading through the decider sees no member stream: the member reads as one that does not exist
    const graded = decider.decide(grade("v1-f1", "qualified"), opened)
    assert.strictEqual(Result.isFailure(graded) ? graded.failure.code : undefined, "member.notActive")
    const closed = decider.decide(close(), opened)
    assert.strictEqual(Result.isSuccess(closed) ? closed.success[0]?._tag : undefined, "AppraisalClosed")
    const unknown = Appraisal.decide(policy, { _tag: "Nonsense", orgId: "v1", year: 2024, at: "2025-01-01" } as never, {
      appraisal: opened
    })
    assert.strictEqual(unknown._tag === "Failure" ? unknown.failure.code : undefined, "domain.unknownCommand")
    assert.strictEqual(Appraisal.requiredMember(grade("v1-f1", "qualified")), "v1-f1")
    assert.strictEqual(Appraisal.requiredMember(close()), undefined)
  })
})

describe("R35: an appraisal per organization and year", () => {
  it("R35: opens in the appraised year or the next; two years later is rejected", () => {
    assert.strictEqual(opened.status, "open")
    assert.strictEqual(opened.allMembers, 10)
    assert.strictEqual(opened.fullMembers, 9)
    assert.strictEqual(play(world, [open("v1", "2024-12-20")]).status, "open")
    assert.strictEqual(
      rejection(world, Appraisal.initialState, open("v1", "2026-01-02")).code,
      "appraisal.yearOutOfRange"
    )
    assert.strictEqual(rejection(world, Appraisal.initialState, open("nowhere")).code, "domain.notFound")
  })

  it("R35: opening twice is nothing to do; a closed appraisal stays closed", () => {
    assert.strictEqual(play(world, [open(), open()]).status, "open")
    const closed = play(world, [open(), close()])
    assert.strictEqual(closed.status, "closed")
    assert.strictEqual(rejection(world, closed, open()).code, "domain.closed")
    assert.strictEqual(rejection(world, closed, grade("v1-f1", "qualified")).code, "domain.closed")
    // closing again is nothing to do
    assert.strictEqual(play(world, [close()], policy, closed).closedAt, "2025-01-20")
  })

  it("R35: an appraisal still open after its due date is a warning from the day after, not on the day", () => {
    const state = play(world, [open("v1", "2024-11-05")])
    const at = (asOf: string, policies = policy) =>
      Appraisal.assess({ appraisals: { "2024-v1": state } }, policies, asOf).filter((f) => f.ruleId === "R35")
    // the default: closed by the end of the next year's first quarter, due 2025-03-31
    assert.deepStrictEqual(at("2025-03-31"), [])
    assert.deepStrictEqual(at("2025-04-01"), [{
      ruleId: "R35",
      severity: "warning",
      subject: { kind: "organization", id: "v1" },
      due: "2025-03-31",
      code: "appraisal.finding.notClosed",
      params: { orgId: "v1", year: 2024, due: "2025-03-31" }
    }])
    // a locality that closes the year's appraisal within the year: due 2024-12-31
    const strict = { ...policy, appraisal: { ...policy.appraisal, dueMonthsAfterYear: 0 } }
    assert.deepStrictEqual(at("2024-12-31", strict), [])
    assert.strictEqual(at("2025-01-01", strict)[0]?.due, "2024-12-31")
    // a closed appraisal raises nothing
    assert.deepStrictEqual(
      Appraisal.assess({ appraisals: { "2024-v1": play(world, [close()], policy, state) } }, policy, "2026-01-01"),
      []
    )
  })
})

describe("R62: grades, one result per member and year", () => {
  it("R62: a member of the organization gets one of the configured grades", () => {
    const state = play(world, [open(), grade("v1-f1", "excellent"), grade("v1-f2", "basicallyQualified")])
    assert.deepStrictEqual(Appraisal.gradeCounts(state), {
      excellent: 1,
      qualified: 0,
      basicallyQualified: 1,
      unqualified: 0
    })
    assert.strictEqual(Appraisal.gradingOf(state, "v1-f1")?.probationary, false)
  })

  it("R62: the legacy three-grade policy rejects 基本合格 (C19)", () => {
    const legacy = {
      ...policy,
      appraisal: { ...policy.appraisal, grades: ["excellent", "qualified", "unqualified"] as const }
    }
    const error = rejection(world, opened, grade("v1-f1", "basicallyQualified"), legacy)
    assert.deepStrictEqual(ruleOf(error), ["R62", "appraisal.gradeNotConfigured"])
    assert.strictEqual(Messages.render(error, "zh-CN"), "等次\"基本合格\"不在民主评议 2024-v1 所用政策的等次之内")
  })

  it("R62: a second result for the same member in the same year is rejected; the same one again is nothing to do", () => {
    const state = play(world, [open(), grade("v1-f1", "qualified")])
    assert.deepStrictEqual(ruleOf(rejection(world, state, grade("v1-f1", "excellent"))), [
      "R62",
      "appraisal.alreadyGraded"
    ])
    assert.strictEqual(play(world, [grade("v1-f1", "qualified")], policy, state), state)
    // a correction is a separate event
    const corrected = play(
      world,
      [{
        _tag: "CorrectAppraisalGrade",
        orgId: "v1",
        year: 2024,
        memberId: "v1-f1",
        grade: "excellent",
        reason: "reconsidered",
        at: "2025-01-15"
      }],
      policy,
      state
    )
    assert.strictEqual(Appraisal.gradingOf(corrected, "v1-f1")?.grade, "excellent")
    assert.strictEqual(Appraisal.gradingOf(corrected, "v1-f1")?.changedAt, "2025-01-15")
    // another organization's appraisal of the same year is a separate result
    assert.strictEqual(Appraisal.streamId("v2", 2024) === Appraisal.streamId("v1", 2024), false)
  })

  it("R62: the member belongs to the organization on the appraisal date, or is a mobile member it hosts (R45)", () => {
    assert.deepStrictEqual(ruleOf(rejection(world, opened, grade("v2-f1", "qualified"))), [
      "R62",
      "appraisal.notMemberOfOrg"
    ])
    const mobile: World = runAllMembers(world, [{
      _tag: "RegisterMobileMember",
      memberId: "v2-f1",
      hostOrgId: "v1",
      credential: "mobileCard",
      credentialId: "card-1",
      fixedPlace: true,
      abroad: false,
      at: "2024-06-01"
    }])
    const state = play(mobile, [grade("v2-f1", "qualified")], policy, opened)
    assert.strictEqual(Appraisal.gradingOf(state, "v2-f1")?.mobile, true)
    assert.strictEqual(rejection(world, opened, grade("nobody", "qualified")).code, "member.notActive")
  })

  it("R62: the date of a grade is not before the appraisal opened", () => {
    assert.strictEqual(
      rejection(world, opened, grade("v1-f1", "qualified", "v1", "2025-01-04")).code,
      "appraisal.beforeOpened"
    )
  })
})

describe("R62: the 优秀 cap, 一般不超过党员总数的1/3 (REC)", () => {
  const capFindings = (orgId: string, excellent: number, graded = excellent) => {
    const members = orgId === "v9" ? 9 : 10
    const commands = [
      open(orgId),
      ...Array.from(
        { length: graded },
        (_, i) => grade(`${orgId}-f${i + 1}`, i < excellent ? "excellent" : "qualified", orgId)
      ),
      close(orgId)
    ]
    const state = play(world, commands)
    assert.strictEqual(state.allMembers, members)
    return Appraisal.assess({ appraisals: { [`2024-${orgId}`]: state } }, policy, "2025-01-21")
      .filter((f) => f.ruleId === "R62")
  }

  it("R62: AM 9, 优秀 3: no warning (3 × 3 = 9 ≤ 9); 优秀 4: warning (12 > 9)", () => {
    assert.deepStrictEqual(capFindings("v9", 3), [])
    assert.deepStrictEqual(capFindings("v9", 4), [{
      ruleId: "R62",
      severity: "warning",
      subject: { kind: "organization", id: "v9" },
      due: "2025-01-20",
      code: "appraisal.finding.excellentOverCap",
      params: { orgId: "v9", year: 2024, excellent: 4, basis: 9, cap: 3 }
    }])
  })

  it("R62: AM 10, 优秀 3: fine (9 ≤ 10); 优秀 4: warning (12 > 10)", () => {
    assert.deepStrictEqual(capFindings("v1", 3), [])
    assert.strictEqual(capFindings("v1", 4).length, 1)
  })

  it("R62: AM 2, 优秀 1: warning (3 > 2), and the arithmetic is exact integers", () => {
    const third = policy.appraisal.excellentMaxShare
    assert.isTrue(Appraisal.overExcellentCap(third, 1, 2))
    assert.isFalse(Appraisal.overExcellentCap(third, 0, 2))
    assert.strictEqual(Appraisal.excellentCap(third, 2), 0)
    // the same through the findings, from stored events of a two-member branch
    const state = [
      Appraisal.AppraisalOpened.make({ orgId: "j1", year: 2024, allMembers: 2, fullMembers: 2, at: "2025-01-05" }),
      Appraisal.MemberGraded.make({
        orgId: "j1",
        year: 2024,
        memberId: "j1-f1",
        grade: "excellent",
        probationary: false,
        mobile: false,
        at: "2025-01-10"
      })
    ].reduce(Appraisal.evolve, Appraisal.initialState)
    const found = Appraisal.assess({ appraisals: { "2024-j1": state } }, policy, "2025-01-11")
    assert.deepStrictEqual(found.map((f) => [f.ruleId, f.params["excellent"], f.params["basis"], f.params["cap"]]), [[
      "R62",
      1,
      2,
      0
    ]])
  })

  it("R62 CONF: on the basis of the graded members instead of AM", () => {
    const graded = {
      ...policy,
      appraisal: { ...policy.appraisal, excellentMaxShare: { num: 1, den: 3, basis: "graded" as const } }
    }
    // 3 优秀 of 6 graded (AM 10): over on the graded basis (9 > 6), within on AM (9 ≤ 10)
    const state = play(world, [
      open(),
      ...Array.from({ length: 6 }, (_, i) => grade(`v1-f${i + 1}`, i < 3 ? "excellent" : "qualified"))
    ])
    assert.strictEqual(Appraisal.assess({ appraisals: { "2024-v1": state } }, policy, "2025-01-11").length, 0)
    const found = Appraisal.assess({ appraisals: { "2024-v1": state } }, graded, "2025-01-11")
    assert.deepStrictEqual(found.map((f) => [f.code, f.params["basis"]]), [["appraisal.finding.excellentOverCap", 6]])
  })
})

describe("R64: probationary members in the appraisal", () => {
  it("R64: a probationary member rated 优秀 is rejected; 合格 is accepted under 'gradedNoExcellent'", () => {
    const error = rejection(world, opened, grade("v1-p1", "excellent"))
    assert.deepStrictEqual(ruleOf(error), ["R64", "appraisal.probationaryExcellent"])
    assert.strictEqual(
      Messages.render(error, "en"),
      "Probationary member v1-p1 cannot be rated excellent (优秀) in appraisal 2024-v1"
    )
    const state = play(world, [grade("v1-p1", "qualified")], policy, opened)
    assert.strictEqual(Appraisal.gradingOf(state, "v1-p1")?.probationary, true)
  })

  it("R64: with 'notGraded' a probationary member graded 合格 is rejected (C20)", () => {
    const local = { ...policy, appraisal: { ...policy.appraisal, probationaryAppraisal: "notGraded" as const } }
    assert.deepStrictEqual(ruleOf(rejection(world, opened, grade("v1-p1", "qualified"), local)), [
      "R64",
      "appraisal.probationaryNotGraded"
    ])
    // full members are graded as before
    assert.strictEqual(play(world, [grade("v1-f1", "qualified")], local, opened).status, "open")
  })

  it("R64: a correction to 优秀 of a member probationary when graded is rejected", () => {
    const state = play(world, [grade("v1-p1", "qualified")], policy, opened)
    const error = rejection(world, state, {
      _tag: "CorrectAppraisalGrade",
      orgId: "v1",
      year: 2024,
      memberId: "v1-p1",
      grade: "excellent",
      reason: "appeal",
      at: "2025-01-12"
    })
    assert.deepStrictEqual(ruleOf(error), ["R64", "appraisal.probationaryExcellent"])
  })

  it("R64: a probationary member graded 不合格 is routed to R37, never to a disposal", () => {
    const state = play(world, [grade("v1-p1", "unqualified")], policy, opened)
    assert.deepStrictEqual(ruleOf(rejection(world, state, dispose("v1-p1", "correctWithinPeriod"))), [
      "R64",
      "appraisal.disposalOfProbationary"
    ])
    const found = Appraisal.assess({ appraisals: { "2024-v1": state } }, policy, "2025-01-11")
    assert.deepStrictEqual(found.map((f) => [f.ruleId, f.code, f.subject.id]), [[
      "R64",
      "appraisal.finding.probationaryUnqualified",
      "v1-p1"
    ]])
  })
})

describe("R63: what follows 基本合格 and 不合格", () => {
  const unqualified = play(world, [grade("v1-f1", "unqualified")], policy, opened)
  const findings = (state: Appraisal.AppraisalState, asOf: string, policies = policy) =>
    Appraisal.assess({ appraisals: { "2024-v1": state } }, policies, asOf).filter((f) => f.ruleId === "R63")

  it("R63: 基本合格 → point out the gaps: a notice until guidance is recorded; guidance only follows 基本合格", () => {
    const state = play(world, [grade("v1-f2", "basicallyQualified")], policy, opened)
    assert.deepStrictEqual(findings(state, "2025-01-11").map((f) => [f.severity, f.code]), [[
      "notice",
      "appraisal.finding.guidanceDue"
    ]])
    const guided = play(
      world,
      [{
        _tag: "RecordImprovementGuidance",
        orgId: "v1",
        year: 2024,
        memberId: "v1-f2",
        at: "2025-01-15"
      }],
      policy,
      state
    )
    assert.deepStrictEqual(findings(guided, "2025-01-16"), [])
    assert.strictEqual(
      rejection(world, unqualified, {
        _tag: "RecordImprovementGuidance",
        orgId: "v1",
        year: 2024,
        memberId: "v1-f1",
        at: "2025-01-15"
      })
        .code,
      "appraisal.notBasicallyQualified"
    )
  })

  it("R63: 不合格 with no disposal: a notice without a deadline by default; with disposalDecisionDueDays 30, due day 30, a warning from day 31", () => {
    assert.deepStrictEqual(findings(unqualified, "2025-06-01").map((f) => [f.severity, f.code, f.due]), [[
      "notice",
      "appraisal.finding.disposalDue",
      undefined
    ]])
    const local = { ...policy, appraisal: { ...policy.appraisal, disposalDecisionDueDays: 30 } }
    assert.deepStrictEqual(findings(unqualified, "2025-02-09", local).map((f) => [f.severity, f.due]), [[
      "notice",
      "2025-02-09"
    ]])
    assert.deepStrictEqual(findings(unqualified, "2025-02-10", local).map((f) => [f.severity, f.due]), [[
      "warning",
      "2025-02-09"
    ]])
  })

  it("R63: a disposal follows a 不合格 grade only", () => {
    const state = play(world, [grade("v1-f2", "qualified")], policy, unqualified)
    assert.deepStrictEqual(ruleOf(rejection(world, state, dispose("v1-f2", "correctWithinPeriod"))), [
      "R63",
      "appraisal.disposalNeedsUnqualified"
    ])
    assert.strictEqual(rejection(world, state, dispose("v1-f3", "remove")).code, "appraisal.notGraded")
  })

  it("R63 with R25: the general meeting's quorum and majority (9 entitled: 5 present and 5 yes at least)", () => {
    assert.deepStrictEqual(ruleOf(rejection(world, unqualified, dispose("v1-f1", "remove", { vote: vote(9, 4, 4) }))), [
      "R25",
      "organization.meetingQuorumNotMet"
    ])
    const notPassed = rejection(world, unqualified, dispose("v1-f1", "remove", { vote: vote(9, 9, 4) }))
    assert.deepStrictEqual(ruleOf(notPassed), ["R63", "appraisal.disposalNotPassed"])
    assert.deepStrictEqual(notPassed.params, {
      appraisalId: "2024-v1",
      memberId: "v1-f1",
      entitled: 9,
      yes: 4,
      required: 5
    })
    assert.strictEqual(
      play(world, [dispose("v1-f1", "remove", { vote: vote(9, 5, 5) })], policy, unqualified).status,
      "open"
    )
    // R20: those entitled are full members only (FM 9)
    assert.deepStrictEqual(
      ruleOf(rejection(world, unqualified, dispose("v1-f1", "remove", { vote: vote(10, 10, 10) }))),
      [
        "R20",
        "organization.entitledExceedsFull"
      ]
    )
    assert.strictEqual(
      rejection(world, unqualified, dispose("v1-f1", "remove", { vote: vote(9, 10, 9) })).code,
      "organization.presentExceedsEntitled"
    )
  })

  it("R63: 劝其退党 and 除名 need the higher approval; 限期改正 too while correctionNeedsApproval", () => {
    const { approval: _approval, ...withoutApproval } = dispose("v1-f1", "adviseToWithdraw") as Extract<
      Appraisal.AppraisalCommand,
      { readonly _tag: "DecideDisposal" }
    >
    assert.deepStrictEqual(ruleOf(rejection(world, unqualified, withoutApproval)), [
      "R63",
      "appraisal.disposalNeedsApproval"
    ])
    assert.deepStrictEqual(ruleOf(rejection(world, unqualified, { ...withoutApproval, form: "remove" })), [
      "R63",
      "appraisal.disposalNeedsApproval"
    ])
    assert.deepStrictEqual(ruleOf(rejection(world, unqualified, { ...withoutApproval, form: "correctWithinPeriod" })), [
      "R63",
      "appraisal.disposalNeedsApproval"
    ])
    const lenient = { ...policy, appraisal: { ...policy.appraisal, correctionNeedsApproval: false } }
    const state = play(world, [{ ...withoutApproval, form: "correctWithinPeriod" }], lenient, unqualified)
    assert.strictEqual(Appraisal.runningDisposalOf(state, "v1-f1")?.approved, false)
  })

  it("R63 (CZ Art. 4): no disposal for a matter already dealt with by discipline; another matter may be", () => {
    const disciplined = play(
      world,
      [{
        _tag: "RecordDiscipline",
        orgId: "v1",
        year: 2024,
        memberId: "v1-f1",
        matterId: "matter-1",
        at: "2025-01-09"
      }],
      policy,
      unqualified
    )
    assert.deepStrictEqual(ruleOf(rejection(world, disciplined, dispose("v1-f1", "correctWithinPeriod"))), [
      "R63",
      "appraisal.disposalAfterDiscipline"
    ])
    assert.isDefined(
      play(world, [dispose("v1-f1", "correctWithinPeriod", { matterId: "matter-2" })], policy, disciplined)
    )
    // and the member with a discipline recorded raises no "disposal due" finding
    assert.deepStrictEqual(findings(disciplined, "2025-06-01"), [])
  })

  it("R63: 限期改正 decided 2025-01-10: review due 2025-07-10; may extend to 2026-01-10; 2026-01-11 is rejected", () => {
    const decided = play(world, [dispose("v1-f1", "correctWithinPeriod")], policy, unqualified)
    const running = Appraisal.runningDisposalOf(decided, "v1-f1")
    assert.strictEqual(running?.reviewDueOn, "2025-07-10")
    assert.strictEqual(running?.months, 6)
    const extend = (until: string): Appraisal.AppraisalCommand => ({
      _tag: "ExtendCorrectionPeriod",
      orgId: "v1",
      year: 2024,
      memberId: "v1-f1",
      until,
      at: "2025-07-01"
    })
    const error = rejection(world, decided, extend("2026-01-11"))
    assert.deepStrictEqual(ruleOf(error), ["R63", "appraisal.correctionTooLong"])
    assert.strictEqual(
      Messages.render(error, "en"),
      "The limited-time correction of member v1-f1 may run at most 12 months (until 2026-01-10)"
    )
    const extended = play(world, [extend("2026-01-10")], policy, decided)
    assert.strictEqual(Appraisal.runningDisposalOf(extended, "v1-f1")?.reviewDueOn, "2026-01-10")
    assert.strictEqual(rejection(world, extended, extend("2025-12-01")).code, "appraisal.extensionNotLater")
    // a period of 13 months is rejected at the decision; 12 is the maximum
    assert.deepStrictEqual(
      ruleOf(rejection(world, unqualified, dispose("v1-f1", "correctWithinPeriod", { correctionMonths: 13 }))),
      [
        "R63",
        "appraisal.correctionTooLong"
      ]
    )
    assert.strictEqual(
      Appraisal.runningDisposalOf(
        play(world, [dispose("v1-f1", "correctWithinPeriod", { correctionMonths: 12 })], policy, unqualified),
        "v1-f1"
      )
        ?.reviewDueOn,
      "2026-01-10"
    )
    // only a 限期改正 has a period
    assert.strictEqual(
      rejection(world, unqualified, dispose("v1-f1", "remove", { correctionMonths: 6 })).code,
      "appraisal.monthsOnlyForCorrection"
    )
  })

  it("R63 (C18): before CZ (2024-06-16) a 限期改正 runs 12 months by default", () => {
    const early = play(world, [
      open("v1", "2024-01-05", 2023),
      { _tag: "GradeMember", orgId: "v1", year: 2023, memberId: "v1-f1", grade: "unqualified", at: "2024-01-10" },
      {
        ...(dispose("v1-f1", "correctWithinPeriod") as Extract<
          Appraisal.AppraisalCommand,
          { readonly _tag: "DecideDisposal" }
        >),
        year: 2023,
        vote: vote(9, 9, 9, "2024-01-10"),
        approval: { by: "town", level: "township", at: "2024-01-10" },
        at: "2024-01-10"
      }
    ])
    assert.strictEqual(Appraisal.runningDisposalOf(early, "v1-f1")?.reviewDueOn, "2025-01-10")
    assert.strictEqual(Appraisal.correctionPeriodAt(policy.appraisal, "2024-06-15").defaultMonths, 12)
    assert.strictEqual(Appraisal.correctionPeriodAt(policy.appraisal, "2024-06-16").defaultMonths, 6)
  })

  it("R63: the correction review is a notice until its date and a warning from the day after", () => {
    const decided = play(world, [dispose("v1-f1", "correctWithinPeriod")], policy, unqualified)
    assert.deepStrictEqual(findings(decided, "2025-07-10").map((f) => [f.severity, f.code, f.due]), [[
      "notice",
      "appraisal.finding.correctionReview",
      "2025-07-10"
    ]])
    assert.deepStrictEqual(findings(decided, "2025-07-11").map((f) => f.severity), ["warning"])
  })

  it("R63 (DZ Art. 9): 劝其退党, 坚持不退, then the general meeting decides 除名; a concluded removal is final", () => {
    const advised = play(world, [dispose("v1-f1", "adviseToWithdraw")], policy, unqualified)
    assert.deepStrictEqual(findings(advised, "2025-02-01").map((f) => f.code), ["appraisal.finding.disposalRunning"])
    assert.strictEqual(rejection(world, advised, dispose("v1-f1", "remove")).code, "appraisal.disposalRunning")
    const conclude = (outcome: Appraisal.DisposalOutcome, at = "2025-02-10"): Appraisal.AppraisalCommand => ({
      _tag: "ConcludeDisposal",
      orgId: "v1",
      year: 2024,
      memberId: "v1-f1",
      outcome,
      at
    })
    assert.strictEqual(rejection(world, advised, conclude("corrected")).code, "appraisal.outcomeNotForForm")
    const refused = play(world, [conclude("refusedToWithdraw")], policy, advised)
    assert.deepStrictEqual(findings(refused, "2025-02-11").map((f) => [f.code, f.params["outcome"]]), [[
      "appraisal.finding.furtherDecisionDue",
      "refusedToWithdraw"
    ]])
    const removed = play(
      world,
      [
        dispose("v1-f1", "remove", {
          vote: vote(9, 9, 9, "2025-02-20"),
          approval: { by: "town", level: "township", at: "2025-02-25" },
          at: "2025-02-25"
        }),
        conclude("removed", "2025-02-25")
      ],
      policy,
      refused
    )
    assert.deepStrictEqual(findings(removed, "2025-03-01"), [])
    assert.strictEqual(rejection(world, removed, dispose("v1-f1", "remove")).code, "appraisal.disposalFinal")
    assert.strictEqual(
      Appraisal.assess({ appraisals: { "2024-v1": removed } }, policy, "2025-03-01").length,
      0
    )
  })

  it("R63: a grade under a running disposal cannot be corrected until the disposal is concluded", () => {
    const decided = play(world, [dispose("v1-f1", "correctWithinPeriod")], policy, unqualified)
    const correction: Appraisal.AppraisalCommand = {
      _tag: "CorrectAppraisalGrade",
      orgId: "v1",
      year: 2024,
      memberId: "v1-f1",
      grade: "basicallyQualified",
      reason: "appeal",
      at: "2025-02-01"
    }
    assert.strictEqual(rejection(world, decided, correction).code, "appraisal.disposalRunning")
  })

  it("R63: the general meeting comes after the grade, the approval after the meeting, the decision last", () => {
    assert.strictEqual(
      rejection(world, unqualified, dispose("v1-f1", "remove", { vote: vote(9, 9, 9, "2025-01-09") })).code,
      "appraisal.datesOutOfOrder"
    )
    assert.strictEqual(
      rejection(
        world,
        unqualified,
        dispose("v1-f1", "remove", { approval: { by: "town", level: "township", at: "2025-01-11" } })
      )
        .code,
      "appraisal.datesOutOfOrder"
    )
  })

  it("R63: 不合格 → MemberRemoved with no disposal vote is rejected: the member aggregate removes only a lapsed or lost member, and no appraisal command removes anyone", () => {
    const removal = {
      _tag: "RemoveMember",
      memberId: "v1-f1",
      reason: "unqualified",
      meeting: { entitled: 9, present: 9, yes: 9, at: "2025-01-10" },
      approval: { by: "town", level: "township", at: "2025-01-10" },
      at: "2025-01-10"
    }
    const decoded = Dangjian.decodeCommand(removal)
    assert.strictEqual(Result.isFailure(decoded) ? decoded.failure.path : undefined, "reason")
    // a concluded 除名 leaves the member's stream as it was: only the appraisal stream has events
    const decided = decideIn(world, unqualified, dispose("v1-f1", "remove"))
    assert.deepStrictEqual(Result.isSuccess(decided) ? decided.success.map((e) => e._tag) : [], [
      "OrganizationalDisposalDecided"
    ])
  })

  it("R63: a suspended member is not disposed of (the member is not active)", () => {
    const suspended: World = runAllMembers(world, [
      { _tag: "RecordLostContact", memberId: "v1-f1", since: "2024-01-01", at: "2024-08-01" },
      {
        _tag: "SuspendMembership",
        memberId: "v1-f1",
        decision: { by: "v1", level: "township", at: "2024-08-01" },
        at: "2024-08-01"
      }
    ] as ReadonlyArray<Member.MemberCommand>)
    assert.strictEqual(rejection(suspended, unqualified, dispose("v1-f1", "remove")).code, "member.notActive")
  })
})

describe("AppraisalRegister queries", () => {
  it("a member's history, the members of a grade, and the bar on rejoining (R63: 5 years from the outcome)", () => {
    const state = play(
      world,
      [
        grade("v1-f2", "excellent"),
        dispose("v1-f1", "remove"),
        { _tag: "ConcludeDisposal", orgId: "v1", year: 2024, memberId: "v1-f1", outcome: "removed", at: "2025-01-12" }
      ],
      policy,
      play(world, [grade("v1-f1", "unqualified")], policy, opened)
    )
    const view = { appraisals: { "2024-v1": state } }
    assert.deepStrictEqual(AppraisalRegisterQueries.membersGraded(state, "excellent"), ["v1-f2"])
    assert.deepStrictEqual(
      AppraisalRegisterQueries.historyOf(view, "v1-f1").map((h) => [h.year, h.grading.grade, h.disposal?.outcome]),
      [
        [2024, "unqualified", "removed"]
      ]
    )
    assert.strictEqual(AppraisalRegisterQueries.readmissionBarredUntil(view, "v1-f1", policy.appraisal), "2030-01-12")
    assert.strictEqual(AppraisalRegisterQueries.readmissionBarredUntil(view, "v1-f2", policy.appraisal), undefined)
    assert.strictEqual(AppraisalRegisterQueries.appraisalOf(view, "v1", 2024), state)
  })
})
