// Leadership history (R91–R96): term records and their numbering, ballots and their arithmetic, alternates,
// approval documents, renewal reminders as a due state, requests and reports; every §3.5 boundary of R91–R96, over
// the routes on a pure world of streams (the development fixtures' township).
import { assert, describe, it } from "@effect/vitest"
import { Result, Schema } from "effect"
import { GovernancePolicy, Messages } from "../../src/index.ts"
import * as Leadership from "../../src/leadership/Leadership.ts"
import * as LeadershipRegister from "../../src/leadership/projections/LeadershipRegister.ts"
import type { Command, World } from "../development/fixtures.ts"
import { eventsOf, leadership, policy, rejection, ruleOf, run, runAll, township } from "../development/fixtures.ts"

const base = township()

const withLeadership = (patch: Partial<Leadership.LeadershipPolicy>): GovernancePolicy.GovernancePolicy => ({
  ...policy,
  leadership: { ...policy.leadership, ...patch }
})

const bengbu = withLeadership(Leadership.bengbuLocal)

const ballot = (options: Partial<Leadership.Ballot> = {}): Leadership.Ballot => ({
  entitled: 45,
  present: 40,
  issued: 40,
  collected: 40,
  valid: 38,
  invalid: 2,
  candidates: 6,
  counts: [
    { memberId: "m1", yes: 30, no: 5, abstain: 3 },
    { memberId: "m2", yes: 29, no: 6, abstain: 3 },
    { memberId: "m3", yes: 28, no: 7, abstain: 3 },
    { memberId: "m4", yes: 27, no: 8, abstain: 3 },
    { memberId: "m5", yes: 26, no: 9, abstain: 3 },
    { memberId: "m6", yes: 10, no: 25, abstain: 3 }
  ],
  ...options
})

// The same ballot with its totals only (no per-candidate counts).
const totals = (options: Partial<Leadership.Ballot> = {}): Leadership.Ballot => {
  const { counts: _counts, ...rest } = ballot(options)
  return rest
}

const committee: ReadonlyArray<Leadership.TermMember> = [
  { memberId: "m1", role: "secretary" },
  { memberId: "m2", role: "deputySecretary" },
  { memberId: "m3", role: "organizationMember" },
  { memberId: "m4", role: "publicityMember" },
  { memberId: "m5", role: "disciplineMember" }
]

const elect = (
  at: string,
  termNo: number,
  options: Partial<Leadership.RecordElection> = {},
  orgId = "v1"
): Command => ({
  _tag: "RecordElection",
  orgId,
  termNo,
  body: "committee",
  mode: "competitive",
  seats: 5,
  members: committee,
  ballot: ballot(),
  at,
  ...options
})

const findings = (world: World, asOf: string, p: Leadership.LeadershipPolicy = policy.leadership, orgId = "v1") =>
  Leadership.assessHistory(orgId, leadership(world, orgId), p, asOf)

const codes = (list: ReadonlyArray<{ readonly code: string }>) => list.map((f) => f.code)

const named = (world: World, asOf: string, code: string, p: Leadership.LeadershipPolicy = policy.leadership) =>
  findings(world, asOf, p).filter((f) => f.code === code)

describe("Leadership: the stream", () => {
  it("streamId is leadership-<orgId> and leadershipOrgIdOf reverses it", () => {
    assert.strictEqual(Leadership.streamId("v1"), "leadership-v1")
    assert.strictEqual(Leadership.leadershipOrgIdOf("leadership-v1"), "v1")
    assert.strictEqual(Leadership.leadershipOrgIdOf("organization-v1"), undefined)
  })

  it("an election reads the organization (it must exist; a temporary branch holds none); other commands need a term", () => {
    assert.strictEqual(rejection(base, elect("2021-05-10", 1, {}, "nowhere")).code, "domain.notFound")
    assert.deepStrictEqual(ruleOf(rejection(base, elect("2021-05-10", 1, {}, "tmp"))), [
      "R9",
      "organization.temporaryBranchNoElection"
    ])
    assert.strictEqual(
      rejection(base, { _tag: "RecordRenewalReport", orgId: "v1", at: "2021-06-01" }).code,
      "leadership.noCurrentTerm"
    )
    assert.deepStrictEqual(Leadership.requiredOrganizations(elect("2021-05-10", 1) as Leadership.LeadershipCommand), [
      "v1"
    ])
  })
})

describe("R91: term records", () => {
  it("R91: an imported history starts at any 届; 第3届 is followed by 第4届 only (第5届 is a gap); the new term closes the old", () => {
    const third = runAll([elect("2016-05-10", 3)], base)
    assert.deepStrictEqual(ruleOf(rejection(third, elect("2021-05-10", 5))), ["R91", "leadership.termNoGap"])
    assert.deepStrictEqual(ruleOf(rejection(third, elect("2021-05-10", 3))), ["R91", "leadership.termNoGap"])
    const fourth = runAll([elect("2021-05-10", 4)], third)
    const history = leadership(fourth, "v1").terms
    assert.deepStrictEqual(history.map((t) => [t.termNo, t.endedOn]), [[3, "2021-05-10"], [4, undefined]])
    // at most one current term
    assert.strictEqual(Leadership.currentTerm(leadership(fourth, "v1"))?.termNo, 4)
    assert.strictEqual(history.filter((t) => t.endedOn === undefined).length, 1)
  })

  it("R91 / R21: the expected end is computed (a village branch: 5 years), never entered; an earlier date than the last is rejected", () => {
    const world = runAll([elect("2021-05-10", 1)], base)
    const term = Leadership.currentTerm(leadership(world, "v1"))!
    assert.deepStrictEqual([term.termYears, term.expectedEnd, term.orgKind], [5, "2026-05-10", "branch"])
    assert.strictEqual(rejection(world, elect("2021-05-09", 2)).code, "leadership.beforeLastElection")
  })

  it("R91: a by-election for one vacancy amends the current term; the number is unchanged", () => {
    const world = runAll([
      elect("2021-05-10", 7),
      {
        _tag: "RecordByElection",
        orgId: "v1",
        member: { memberId: "m9", role: "member" },
        replacesMemberId: "m5",
        at: "2023-01-10"
      }
    ], base)
    const term = Leadership.currentTerm(leadership(world, "v1"))!
    assert.strictEqual(term.termNo, 7)
    assert.strictEqual(leadership(world, "v1").terms.length, 1)
    assert.deepStrictEqual(
      term.members.filter((m) => m.memberId === "m5" || m.memberId === "m9").map((m) => [m.memberId, m.until]),
      [
        ["m5", "2023-01-10"],
        ["m9", undefined]
      ]
    )
    // a by-election cannot add a seat
    assert.strictEqual(
      rejection(world, {
        _tag: "RecordByElection",
        orgId: "v1",
        member: { memberId: "m8", role: "member" },
        at: "2023-02-01"
      }).code,
      "leadership.moreMembersThanSeats"
    )
  })

  it("R91 CONF: after an upgrade the numbering follows the policy; with none set, the election is rejected", () => {
    const upgraded = runAll([
      elect("2019-05-10", 2, {}, "v20"),
      {
        _tag: "UpgradeOrganization",
        orgId: "v20",
        to: "generalBranch",
        workNeed: true,
        approval: { by: "town", level: "township", at: "2021-01-10" },
        at: "2021-01-10"
      }
    ], base)
    assert.deepStrictEqual(ruleOf(rejection(upgraded, elect("2024-05-10", 3, {}, "v20"))), [
      "R91",
      "leadership.numberingOnUpgradeUnset"
    ])
    assert.isTrue(
      Result.isSuccess(
        run(upgraded, elect("2024-05-10", 3, {}, "v20"), withLeadership({ termNumberingOnUpgrade: "continue" }))
      )
    )
    const restart = withLeadership({ termNumberingOnUpgrade: "restart" })
    assert.deepStrictEqual(ruleOf(rejection(upgraded, elect("2024-05-10", 3, {}, "v20"), restart)), [
      "R91",
      "leadership.termNoGap"
    ])
    assert.isTrue(Result.isSuccess(run(upgraded, elect("2024-05-10", 1, {}, "v20"), restart)))
  })

  it("R91 / R22: an approved extension moves the end and keeps the number; more than 12 months needs an exceptional approval", () => {
    const world = runAll([elect("2021-05-10", 7)], base)
    const extend = (months: number, exceptional?: boolean): Command => ({
      _tag: "RecordTermExtension",
      orgId: "v1",
      months,
      approvedBy: "town",
      approvedOn: "2026-03-01",
      approvalDocNo: "镇委〔2026〕3号",
      ...(exceptional === undefined ? {} : { exceptional }),
      at: "2026-03-02"
    })
    const extended = runAll([extend(12)], world)
    const term = Leadership.currentTerm(leadership(extended, "v1"))!
    assert.deepStrictEqual([term.termNo, Leadership.termEnd(term)], [7, "2027-05-10"])
    assert.deepStrictEqual(ruleOf(rejection(world, extend(13))), ["R22", "leadership.extensionTooLong"])
    assert.deepStrictEqual(ruleOf(rejection(extended, extend(1))), ["R22", "leadership.extensionTooLong"])
    assert.isTrue(Result.isSuccess(run(world, extend(13, true))))
  })
})

describe("R92: ballot records and their arithmetic", () => {
  it("R92: present 40, issued 40, collected 41: the election is void (no term) and a new election is required", () => {
    const voided = runAll([elect("2021-05-10", 1, { ballot: ballot({ collected: 41, valid: 41, invalid: 0 }) })], base)
    assert.strictEqual(Leadership.currentTerm(leadership(voided, "v1")), undefined)
    assert.deepStrictEqual(codes(findings(voided, "2021-05-11")), ["leadership.finding.revoteRequired"])
    const revoted = runAll([elect("2021-05-20", 1)], voided)
    assert.notInclude(codes(findings(revoted, "2021-05-21")), "leadership.finding.revoteRequired")
    assert.isTrue(Leadership.isVoid(ballot({ collected: 41 })))
  })

  it("R92: collected 40, valid 38, invalid 2 is consistent; valid + invalid ≠ collected is rejected", () => {
    assert.isTrue(Result.isSuccess(run(base, elect("2021-05-10", 1))))
    assert.deepStrictEqual(ruleOf(rejection(base, elect("2021-05-10", 1, { ballot: ballot({ valid: 39 }) }))), [
      "R92",
      "leadership.ballotsInconsistent"
    ])
  })

  it("R92: 41 ballots issued with 40 present is rejected", () => {
    assert.deepStrictEqual(ruleOf(rejection(base, elect("2021-05-10", 1, { ballot: ballot({ issued: 41 }) }))), [
      "R92",
      "leadership.issuedExceedsPresent"
    ])
  })

  it("R92: a ballot marking 6 names for 5 seats is invalid: counted as valid, the yes-votes exceed valid × seats (rejected)", () => {
    const overmarked = ballot({
      valid: 2,
      invalid: 38,
      counts: ["m1", "m2", "m3", "m4", "m5", "m6"].map((memberId) => ({ memberId, yes: 2, no: 0, abstain: 0 }))
    })
    assert.deepStrictEqual(ruleOf(rejection(base, elect("2021-05-10", 1, { ballot: overmarked }))), [
      "R92",
      "leadership.overmarkedBallots"
    ])
  })

  it("R92 / R23: winners need yes-votes over half of those present (40 present: 20 fails, 21 wins); quorum over 4/5", () => {
    const twenty = ballot({
      counts: [...ballot().counts!.slice(0, 4), { memberId: "m5", yes: 20, no: 15, abstain: 3 }, ballot().counts![5]!]
    })
    assert.deepStrictEqual(ruleOf(rejection(base, elect("2021-05-10", 1, { ballot: twenty }))), [
      "R23",
      "organization.notElected"
    ])
    const twentyOne = ballot({
      counts: [...ballot().counts!.slice(0, 4), { memberId: "m5", yes: 21, no: 14, abstain: 3 }, ballot().counts![5]!]
    })
    assert.isTrue(Result.isSuccess(run(base, elect("2021-05-10", 1, { ballot: twentyOne }))))
    // 10 entitled, 8 present is exactly 4/5: not "超过", rejected; 9 present accepted
    const small = (present: number) =>
      totals({ entitled: 10, present, issued: present, collected: present, valid: present, invalid: 0 })
    assert.deepStrictEqual(ruleOf(rejection(base, elect("2021-05-10", 1, { ballot: small(8) }))), [
      "R23",
      "organization.quorumNotMet"
    ])
    assert.isTrue(Result.isSuccess(run(base, elect("2021-05-10", 1, { ballot: small(9) }))))
    assert.isTrue(Leadership.winsSeat(9, 5))
    assert.isFalse(Leadership.winsSeat(8, 4))
  })

  it("R92 / R24: a competitive election of 5 needs 6 candidates; committee members are never elected 1:1", () => {
    assert.deepStrictEqual(ruleOf(rejection(base, elect("2021-05-10", 1, { ballot: ballot({ candidates: 5 }) }))), [
      "R24",
      "organization.notEnoughCandidates"
    ])
    assert.deepStrictEqual(ruleOf(rejection(base, elect("2021-05-10", 1, { mode: "nonCompetitive" }))), [
      "R24",
      "leadership.committeeNotCompetitive"
    ])
    // a secretary where there is no committee may be elected one candidate per seat
    const secretary = runAll([
      elect("2021-05-10", 1, {
        body: "secretary",
        mode: "nonCompetitive",
        seats: 1,
        members: [{ memberId: "m1", role: "secretary" }],
        ballot: ballot({ candidates: 1, counts: [{ memberId: "m1", yes: 35, no: 3, abstain: 0 }] })
      })
    ], base)
    assert.strictEqual(Leadership.currentTerm(leadership(secretary, "v1"))?.body, "secretary")
  })

  it("R92: a ballot of totals only is accepted with a finding (the winners cannot be checked)", () => {
    const world = runAll([elect("2021-05-10", 1, { ballot: totals() })], base)
    const [finding] = named(world, "2021-05-11", "leadership.finding.ballotTotalsOnly")
    assert.strictEqual(finding?.ruleId, "R92")
  })
})

describe("R93: alternates", () => {
  const alternates = [{ memberId: "a1", votes: 12 }, { memberId: "a2", votes: 18 }]

  it("R93: an election recording 1 alternate with alternatesAllowed unset is rejected (the policy must set it)", () => {
    assert.deepStrictEqual(ruleOf(rejection(base, elect("2021-05-10", 1, { alternates: [alternates[0]!] }))), [
      "R93",
      "leadership.alternatesNotAllowed"
    ])
    assert.deepStrictEqual(
      ruleOf(
        rejection(
          base,
          elect("2021-05-10", 1, { alternates: [alternates[0]!] }),
          withLeadership({ alternatesAllowed: false })
        )
      ),
      ["R93", "leadership.alternatesNotAllowed"]
    )
  })

  it("R93: where allowed, alternates are kept in the order of their votes and hold no seat", () => {
    const world = runAll([elect("2021-05-10", 1, { alternates })], base, withLeadership({ alternatesAllowed: true }))
    const term = Leadership.currentTerm(leadership(world, "v1"))!
    assert.deepStrictEqual(term.alternates.map((a) => a.memberId), ["a2", "a1"])
    assert.notInclude(term.members.map((m) => m.memberId), "a1")
  })
})

describe("R94: approval documents", () => {
  const world = runAll([elect("2021-05-10", 1)], base)
  const approval = (docNo?: string): Command => ({
    _tag: "RecordTermApproval",
    orgId: "v1",
    subject: "secretary",
    approvedBy: "town",
    approvedOn: "2021-05-20",
    ...(docNo === undefined ? {} : { approvalDocNo: docNo }),
    at: "2021-05-21"
  })

  it("R94: a secretary approval without approvedBy is rejected (the Schema); without its number, a finding by default", () => {
    const decoded = Schema.decodeUnknownResult(Leadership.RecordTermApproval)({
      _tag: "RecordTermApproval",
      orgId: "v1",
      subject: "secretary",
      approvedOn: "2021-05-20",
      at: "2021-05-21"
    })
    assert.isTrue(Result.isFailure(decoded))
    const noNumber = runAll([approval()], world)
    const [finding] = named(noNumber, "2021-05-22", "leadership.finding.approvalDocNoMissing")
    assert.deepStrictEqual([finding?.ruleId, finding?.severity], ["R94", "notice"])
    const numbered = runAll([approval("镇委〔2021〕12号")], world)
    assert.deepStrictEqual(named(numbered, "2021-05-22", "leadership.finding.approvalDocNoMissing"), [])
    // the same approval again changes nothing
    assert.deepStrictEqual(eventsOf(numbered, approval("镇委〔2021〕12号")), [])
  })

  it("R94 CONF: where the policy requires the number, an approval without it is rejected", () => {
    assert.deepStrictEqual(ruleOf(rejection(world, approval(), withLeadership({ requireApprovalDocNo: true }))), [
      "R94",
      "leadership.approvalDocNoRequired"
    ])
    assert.strictEqual(
      rejection(world, { ...approval(), approvedOn: "2021-05-01" } as Command).code,
      "leadership.beforeElection"
    )
  })
})

describe("R95: renewal reminders (a due state, never a one-shot date match)", () => {
  const elected = runAll([elect("2021-05-10", 7)], base)

  it("R95: village branch elected 2021-05-10: T = 2026-05-10, T−6 = 2025-11-10; T−2 (local) 2026-03-10; T−1 (platform) 2026-04-10; year start 2026-01-01", () => {
    assert.deepStrictEqual(Leadership.renewalDates(Leadership.bengbuLocal, "2026-05-10").map((d) => [d.kind, d.on]), [
      ["reminder", "2025-11-10"],
      ["yearStartNotice", "2026-01-01"],
      ["request", "2026-03-10"],
      ["expiry", "2026-05-10"]
    ])
    assert.deepStrictEqual(
      Leadership.renewalDates(Leadership.egovPlatform, "2026-05-10").map((d) => d.on),
      ["2025-11-10", "2026-04-10", "2026-05-10"]
    )
  })

  it("R95: T = 2026-08-31: T−6 = 2026-02-28 and T−1 = 2026-07-31 (clamp)", () => {
    assert.deepStrictEqual(
      Leadership.renewalDates(Leadership.egovPlatform, "2026-08-31").map((d) => d.on),
      ["2026-02-28", "2026-07-31", "2026-08-31"]
    )
  })

  it("R95: no reminder on 2025-11-09; due from 2025-11-10; a job that did not run that day still raises it on 2025-11-12", () => {
    assert.deepStrictEqual(named(elected, "2025-11-09", "leadership.finding.reminderDue"), [])
    const [due] = named(elected, "2025-11-10", "leadership.finding.reminderDue")
    assert.deepStrictEqual([due?.ruleId, due?.due, due?.severity], ["R95", "2025-11-10", "notice"])
    assert.strictEqual(
      named(elected, "2025-11-12", "leadership.finding.reminderDue")[0]?.params["remindAt"],
      "2025-11-10"
    )
    const reminded = runAll(
      [{ _tag: "RecordRenewalReminder", orgId: "v1", kind: "reminder", at: "2025-11-12" }],
      elected
    )
    assert.deepStrictEqual(named(reminded, "2025-11-13", "leadership.finding.reminderDue"), [])
  })

  it("R95: with the platform's [6, 1], a reminder at T−6 does not answer the one due at T−1", () => {
    const p = Leadership.egovPlatform
    const reminded = runAll(
      [{ _tag: "RecordRenewalReminder", orgId: "v1", kind: "reminder", at: "2025-11-12" }],
      elected
    )
    assert.deepStrictEqual(named(reminded, "2026-04-09", "leadership.finding.reminderDue", p), [])
    assert.deepStrictEqual(
      named(reminded, "2026-04-10", "leadership.finding.reminderDue", p).map((f) => f.params["months"]),
      [1]
    )
  })

  it("R95: the term ended on 2026-05-10 with no renewal: a warning from that day; an extension to 2027-05-10 moves the reminders", () => {
    assert.deepStrictEqual(named(elected, "2026-05-09", "leadership.finding.termExpired"), [])
    assert.strictEqual(named(elected, "2026-05-10", "leadership.finding.termExpired")[0]?.severity, "warning")
    const extended = runAll([{
      _tag: "RecordTermExtension",
      orgId: "v1",
      months: 12,
      approvedBy: "town",
      approvedOn: "2026-04-01",
      approvalDocNo: "镇委〔2026〕9号",
      at: "2026-04-01"
    }], elected)
    assert.deepStrictEqual(named(extended, "2026-05-10", "leadership.finding.termExpired"), [])
    assert.deepStrictEqual(named(extended, "2026-11-09", "leadership.finding.reminderDue"), [])
    assert.strictEqual(named(extended, "2026-11-10", "leadership.finding.reminderDue")[0]?.due, "2026-11-10")
    assert.strictEqual(Leadership.currentTerm(leadership(extended, "v1"))?.termNo, 7)
  })

  it("R95 (fixture T1, 蚌埠 preset): 第7届 elected 2021-05-10: T−6, the year-start notice and the T−2 request; 第8届 on 2026-05-08, reported by 2026-06-08", () => {
    const p = Leadership.bengbuLocal
    // 第7届's own election was reported on time
    const t1 = runAll([{ _tag: "RecordRenewalReport", orgId: "v1", at: "2021-06-01" }], elected, bengbu)
    assert.deepStrictEqual(codes(findings(t1, "2025-11-10", p)), ["leadership.finding.reminderDue"])
    assert.includeMembers(codes(findings(t1, "2026-01-01", p)), ["leadership.finding.yearStartNoticeDue"])
    assert.notInclude(codes(findings(t1, "2026-03-09", p)), "leadership.finding.requestDue")
    assert.includeMembers(codes(findings(t1, "2026-03-10", p)), ["leadership.finding.requestDue"])
    const requested = runAll(
      [{ _tag: "RecordRenewalRequest", orgId: "v1", plannedOn: "2026-05-08", at: "2026-03-05" }],
      t1,
      bengbu
    )
    assert.notInclude(codes(findings(requested, "2026-03-10", p)), "leadership.finding.requestDue")
    const renewed = runAll([elect("2026-05-08", 8)], requested, bengbu)
    assert.strictEqual(Leadership.currentTerm(leadership(renewed, "v1"))?.termNo, 8)
    assert.deepStrictEqual(codes(findings(renewed, "2026-06-08", p)), [])
    assert.deepStrictEqual(codes(findings(renewed, "2026-06-09", p)), ["leadership.finding.reportOverdue"])
    assert.strictEqual(findings(renewed, "2026-06-09", p)[0]?.due, "2026-06-08")
    const reported = runAll([{ _tag: "RecordRenewalReport", orgId: "v1", at: "2026-06-01" }], renewed, bengbu)
    assert.deepStrictEqual(codes(findings(reported, "2026-06-09", p)), [])
  })
})

describe("R96: the renewal request and report", () => {
  it("R96: a renewal election with no earlier request is a notice; with one, none", () => {
    const unrequested = runAll([elect("2021-05-10", 7), elect("2026-05-08", 8)], base)
    const [notice] = findings(unrequested, "2026-05-09").filter((f) => f.code === "leadership.finding.noRenewalRequest")
    assert.deepStrictEqual([notice?.ruleId, notice?.severity], ["R96", "notice"])
    const requested = runAll([
      elect("2021-05-10", 7),
      { _tag: "RecordRenewalRequest", orgId: "v1", at: "2026-03-01" },
      elect("2026-05-08", 8)
    ], base)
    assert.notInclude(codes(findings(requested, "2026-05-09")), "leadership.finding.noRenewalRequest")
  })
})

describe("LeadershipRegister", () => {
  it("the current term, the history and the terms ending in a period", () => {
    const world = runAll([elect("2016-05-10", 6), elect("2021-05-10", 7), elect("2022-03-01", 1, {}, "v20")], base)
    const view: LeadershipRegister.RegisterView = {
      leaderships: { v1: leadership(world, "v1"), v20: leadership(world, "v20") }
    }
    assert.strictEqual(LeadershipRegister.current(view, "v1")?.termNo, 7)
    assert.deepStrictEqual(LeadershipRegister.history(view, "v1").map((t) => t.termNo), [6, 7])
    assert.deepStrictEqual(LeadershipRegister.termsEnding(view, "2026-01-01", "2027-12-31"), [
      { orgId: "v1", termNo: 7, endsOn: "2026-05-10" },
      { orgId: "v20", termNo: 1, endsOn: "2027-03-01" }
    ])
    assert.strictEqual(LeadershipRegister.current(view, "constructor"), undefined)
  })

  it("every leadership code renders in zh-CN and en", async () => {
    const { leadershipMessages } = await import("../../src/leadership/messages.ts")
    const en = Object.keys(leadershipMessages.en)
    assert.deepStrictEqual(Object.keys(leadershipMessages["zh-CN"]).sort(), [...en].sort())
    for (const code of en) assert.isTrue(Messages.isTranslated(code), code)
  })
})
