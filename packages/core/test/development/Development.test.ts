// Member development (发展党员, R77–R90): the 25 steps and their order, every time rule at its §3.5 boundary, who
// decides and who approves (over the organization tree), the hand-over to the member stream (R88) and the
// conversion (R89); against the routes over a pure world of streams (fixtures.ts), and the two timelines of R88
// against the event store.
import { assert, describe, it } from "@effect/vitest"
import { Effect, Result } from "effect"
import * as Development from "../../src/development/Development.ts"
import * as DevelopmentRegister from "../../src/development/projections/DevelopmentRegister.ts"
import { GovernancePolicy, Messages, Organization, OrganizationTree } from "../../src/index.ts"
import { CommandHandler, EventCodec, MemoryStore, Projection, ReadModel } from "../../src/kernel/index.ts"
import * as Leadership from "../../src/leadership/Leadership.ts"
import * as LeadershipRegister from "../../src/leadership/projections/LeadershipRegister.ts"
import * as Member from "../../src/member/Member.ts"
import type { Command, World } from "./fixtures.ts"
import {
  admitted,
  approve,
  development,
  eventsOf,
  meeting,
  member,
  org,
  path,
  policy,
  rejection,
  ruleOf,
  run,
  runAll,
  tally,
  township,
  townshipCommands,
  withState
} from "./fixtures.ts"

const base = township()

const withDevelopment = (
  patch: Partial<GovernancePolicy.GovernancePolicy["development"]>
): GovernancePolicy.GovernancePolicy => ({
  ...policy,
  development: { ...policy.development, ...patch }
})

const submit = (bornOn: string, at: string, applicantId = "a", orgId = "v1"): Development.DevelopmentCommand => ({
  _tag: "SubmitApplication",
  applicantId,
  orgId,
  bornOn,
  at
})

const codes = (findings: ReadonlyArray<{ readonly code: string }>) => findings.map((f) => f.code)

const findingsOf = (world: World, applicantId: string, asOf: string, p = policy.development) =>
  Development.assessRecord(development(world, applicantId), p, asOf)

const findingNamed = (world: World, applicantId: string, asOf: string, code: string, p = policy.development) =>
  findingsOf(world, applicantId, asOf, p).find((f) => f.code === code)

describe("Development: the stream", () => {
  it("streamId is development-<applicantId> and applicantIdOf reverses it", () => {
    assert.strictEqual(Development.streamId("p1"), "development-p1")
    assert.strictEqual(Development.applicantIdOf("development-p1"), "p1")
    assert.strictEqual(Development.applicantIdOf("member-p1"), undefined)
  })

  it("a command on a record that does not exist, or built without its Schema, is a typed rejection", () => {
    assert.strictEqual(
      rejection(base, { _tag: "InterviewApplicant", applicantId: "nobody", at: "2024-01-01" }).code,
      "domain.notFound"
    )
    const unknown = Development.decide(policy, { _tag: "Nonsense", applicantId: "a", at: "2024-01-01" } as never, {
      development: Development.initialState,
      orgs: {},
      members: {}
    })
    assert.strictEqual(Result.isFailure(unknown) ? unknown.failure.code : undefined, "domain.notFound")
  })
})

describe("R78: the application", () => {
  it("R78: born 2006-05-10, applying 2024-05-09 is rejected (17), 2024-05-10 accepted (the birthday qualifies)", () => {
    const error = rejection(base, submit("2006-05-10", "2024-05-09"))
    assert.deepStrictEqual(ruleOf(error), ["R78", "development.underAge"])
    // personal data: neither the birth date nor the age is in the params or the message
    assert.deepStrictEqual(Object.keys(error.params).sort(), ["applicantId", "minAge"])
    for (const text of [error.message, Messages.render(error, "zh-CN"), Messages.render(error, "en")]) {
      assert.notInclude(text, "2006")
      assert.notInclude(text, "17")
    }
    const world = runAll([submit("2006-05-10", "2024-05-10")], base)
    assert.strictEqual(Development.stageOf(development(world, "a")), "applicant")
    // the event stores nothing of the birth date
    assert.notInclude(JSON.stringify(world.log.at(-1)), "2006")
  })

  it("R78 CONF: when the birthday does not qualify, 2024-05-10 is rejected and 2024-05-11 accepted", () => {
    const strict = withDevelopment({ ageOnBirthdayQualifies: false })
    assert.deepStrictEqual(ruleOf(rejection(base, submit("2006-05-10", "2024-05-10"), strict)), [
      "R78",
      "development.underAge"
    ])
    assert.isTrue(Result.isSuccess(run(base, submit("2006-05-10", "2024-05-11"), strict)))
  })

  it("R78: the receiving organization exists; a temporary organization may receive an application; once open, no second one", () => {
    assert.strictEqual(rejection(base, submit("2000-01-01", "2024-01-01", "a", "nowhere")).code, "domain.notFound")
    const temporary = runAll([submit("2000-01-01", "2024-01-01", "a", "tmp")], base)
    assert.strictEqual(development(temporary, "a").orgId, "tmp")
    assert.strictEqual(rejection(temporary, submit("2000-01-01", "2024-02-01")).code, "domain.alreadyExists")
  })
})

describe("R79: the talk within a month", () => {
  const received = runAll([submit("2000-01-01", "2025-01-31")], base)

  it("R79: received 2025-01-31, no talk: no finding on 2025-02-28 (the clamped deadline), a finding from 2025-03-01", () => {
    assert.isUndefined(findingNamed(received, "a", "2025-02-28", "development.finding.talkOverdue"))
    const overdue = findingNamed(received, "a", "2025-03-01", "development.finding.talkOverdue")
    assert.strictEqual(overdue?.ruleId, "R79")
    assert.strictEqual(overdue?.due, "2025-02-28")
    assert.deepStrictEqual(overdue?.subject, { kind: "organization", id: "v1" })
  })

  it("R79: a talk on 2025-02-28 is on time; on 2025-03-01 it is late (a finding, never a rejection)", () => {
    const onTime = runAll([{ _tag: "InterviewApplicant", applicantId: "a", at: "2025-02-28" }], received)
    assert.deepStrictEqual(
      codes(findingsOf(onTime, "a", "2025-06-01")).filter((c) => c.includes("talk")),
      []
    )
    const late = runAll([{ _tag: "InterviewApplicant", applicantId: "a", at: "2025-03-01" }], received)
    assert.strictEqual(findingNamed(late, "a", "2025-06-01", "development.finding.talkLate")?.due, "2025-02-28")
    // a second talk changes nothing
    assert.deepStrictEqual(eventsOf(late, { _tag: "InterviewApplicant", applicantId: "a", at: "2025-03-05" }), [])
  })
})

describe("R80: activists", () => {
  it("R80: the branch committee decides; a branch without one decides by its general meeting", () => {
    const v1 = runAll(path("a", "v1", { upTo: 2 }), base)
    assert.deepStrictEqual(
      ruleOf(
        rejection(v1, { _tag: "DesignateActivist", applicantId: "a", decidedBy: "branchCommittee", at: "2023-03-01" })
      ),
      ["R80", "development.noCommittee"]
    )
    const v7 = runAll(path("b", "v7", { upTo: 2 }), base)
    assert.deepStrictEqual(
      ruleOf(
        rejection(v7, { _tag: "DesignateActivist", applicantId: "b", decidedBy: "generalMeeting", at: "2023-03-01" })
      ),
      ["R80", "development.committeeDecides"]
    )
    assert.strictEqual(
      development(runAll(path("b", "v7", { upTo: 3 }), base), "b").activistDecidedBy,
      "branchCommittee"
    )
  })

  it("R80: one or two contact persons, each a full member: three, none, a probationary one or the applicant are rejected", () => {
    const world = runAll([
      {
        _tag: "RegisterMember",
        memberId: "v1-p",
        orgId: "v1",
        status: "probationary",
        probationEndsAt: "2024-01-01",
        at: "2023-01-01"
      },
      ...path("a", "v1", { upTo: 3 })
    ], base)
    const assign = (ids: ReadonlyArray<string>): Command => ({
      _tag: "AssignContactPersons",
      applicantId: "a",
      contactPersonIds: ids,
      at: "2023-03-10"
    })
    assert.deepStrictEqual(ruleOf(rejection(world, assign(["v1-f1", "v1-f2", "v1-f3"]))), [
      "R80",
      "development.contactPersonCount"
    ])
    assert.deepStrictEqual(ruleOf(rejection(world, assign([]))), ["R80", "development.contactPersonCount"])
    assert.deepStrictEqual(ruleOf(rejection(world, assign(["v1-f1", "v1-p"]))), ["R80", "development.notFullMember"])
    assert.deepStrictEqual(ruleOf(rejection(world, assign(["nobody"]))), ["R80", "development.notFullMember"])
    assert.deepStrictEqual(ruleOf(rejection(world, assign(["a"]))), ["R80", "development.selfNamed"])
    const two = runAll([assign(["v1-f1", "v1-f2"])], world)
    assert.deepStrictEqual(development(two, "a").contactPersonIds, ["v1-f1", "v1-f2"])
    // the same pair again changes nothing
    assert.deepStrictEqual(eventsOf(two, assign(["v1-f2", "v1-f1"])), [])
  })

  it("R80: last review 2024-01-10; no finding on 2024-07-10, a finding on 2024-07-11 due 2024-07-10", () => {
    const world = runAll([
      ...path("a", "v1", { upTo: 5, dates: { applied: "2023-10-01", activist: "2023-12-01" } }),
      { _tag: "ReviewActivist", applicantId: "a", at: "2024-01-10" }
    ], base)
    assert.isUndefined(findingNamed(world, "a", "2024-07-10", "development.finding.activistReviewOverdue"))
    const overdue = findingNamed(world, "a", "2024-07-11", "development.finding.activistReviewOverdue")
    assert.strictEqual(overdue?.due, "2024-07-10")
    assert.strictEqual(overdue?.ruleId, "R80")
  })

  it("R80: the filing with the higher committee is a notice while missing, never a rejection", () => {
    const unfiled = runAll(path("a", "v1", { upTo: 3 }), base)
    assert.strictEqual(
      findingNamed(unfiled, "a", "2023-03-02", "development.finding.activistNotFiled")?.severity,
      "notice"
    )
    const filed = runAll(path("a", "v1", { upTo: 4 }), base)
    assert.isUndefined(findingNamed(filed, "a", "2023-03-02", "development.finding.activistNotFiled"))
  })

  it("R80 / C21: the local minimum and deadline raise findings only when the policy sets them", () => {
    const world = runAll(path("a", "v1", { upTo: 3 }), base)
    assert.isUndefined(findingNamed(world, "a", "2023-04-01", "development.finding.activistTooEarly"))
    const local = { ...policy.development, minMonthsApplicationToActivist: 6 }
    assert.strictEqual(
      findingNamed(world, "a", "2023-04-01", "development.finding.activistTooEarly", local)?.params["earliest"],
      "2023-07-10"
    )
    const pending = runAll(path("a", "v1", { upTo: 2 }), base)
    const deadline = { ...policy.development, activistDecisionDueMonths: 3 }
    assert.isUndefined(
      findingNamed(pending, "a", "2023-04-10", "development.finding.activistDecisionOverdue", deadline)
    )
    assert.strictEqual(
      findingNamed(pending, "a", "2023-04-11", "development.finding.activistDecisionOverdue", deadline)?.due,
      "2023-04-10"
    )
  })
})

describe("R81: a year or more as an activist (the anniversary, not 365 days)", () => {
  const object = (applicantId: string, at: string): Command => ({
    _tag: "DesignateDevelopmentObject",
    applicantId,
    decidedBy: "generalMeeting",
    at
  })

  it("R81: activist since 2024-05-10; 2025-05-09 (364 days) is rejected, 2025-05-10 (365 days) accepted", () => {
    const world = runAll(path("a", "v1", { upTo: 5, dates: { applied: "2024-01-10", activist: "2024-05-10" } }), base)
    const error = rejection(world, object("a", "2025-05-09"))
    assert.deepStrictEqual(ruleOf(error), ["R81", "development.activistTooShort"])
    assert.strictEqual(error.params["earliest"], "2025-05-10")
    assert.isTrue(Result.isSuccess(run(world, object("a", "2025-05-10"))))
  })

  it("R81: activist since 2023-05-10; 2024-05-09 (365 days, a leap year between) is rejected, 2024-05-10 (366) accepted", () => {
    const world = runAll(path("a", "v1", { upTo: 5, dates: { applied: "2023-01-10", activist: "2023-05-10" } }), base)
    assert.deepStrictEqual(ruleOf(rejection(world, object("a", "2024-05-09"))), ["R81", "development.activistTooShort"])
    assert.isTrue(Result.isSuccess(run(world, object("a", "2024-05-10"))))
  })

  it("R81: the development object is decided by the branch committee where there is one", () => {
    const world = runAll(path("b", "v7", { upTo: 5 }), base)
    assert.deepStrictEqual(
      ruleOf(
        rejection(world, {
          _tag: "DesignateDevelopmentObject",
          applicantId: "b",
          decidedBy: "generalMeeting",
          at: "2024-03-01"
        })
      ),
      ["R81", "development.committeeDecides"]
    )
  })
})

describe("R82: two full-member introducers", () => {
  const world = runAll([
    {
      _tag: "RegisterMember",
      memberId: "v1-i",
      orgId: "v1",
      status: "probationary",
      probationEndsAt: "2024-06-01",
      at: "2023-06-01"
    },
    ...path("a", "v1", { upTo: 8 })
  ], base)
  const introduce = (ids: ReadonlyArray<string>, at = "2024-03-10"): Command => ({
    _tag: "AssignIntroducers",
    applicantId: "a",
    introducerIds: ids,
    at
  })

  it("R82: one full and one probationary are rejected; one, three or the same one twice are rejected; two full accepted", () => {
    assert.deepStrictEqual(ruleOf(rejection(world, introduce(["v1-f1", "v1-i"]))), ["R82", "development.notFullMember"])
    assert.deepStrictEqual(ruleOf(rejection(world, introduce(["v1-f1"]))), ["R82", "development.introducerCount"])
    assert.deepStrictEqual(ruleOf(rejection(world, introduce(["v1-f1", "v1-f1"]))), [
      "R82",
      "development.introducerCount"
    ])
    assert.deepStrictEqual(ruleOf(rejection(world, introduce(["v1-f1", "v1-f2", "v1-f3"]))), [
      "R82",
      "development.introducerCount"
    ])
    assert.deepStrictEqual(ruleOf(rejection(world, introduce(["v1-f1", "a"]))), ["R82", "development.selfNamed"])
    assert.deepStrictEqual(development(runAll([introduce(["v1-f1", "v1-f2"])], world), "a").introducerIds, [
      "v1-f1",
      "v1-f2"
    ])
  })

  it("R82: probation ended 2024-06-01 but conversion approved 2024-08-20: not yet full on 2024-06-10; full after the approval", () => {
    assert.deepStrictEqual(ruleOf(rejection(world, introduce(["v1-f1", "v1-i"], "2024-06-10"))), [
      "R82",
      "development.notFullMember"
    ])
    const converted = runAll([{
      _tag: "ConvertMember",
      memberId: "v1-i",
      meeting: { entitled: 5, present: 5, yes: 5, at: "2024-06-10" },
      approval: { by: "town", level: "township", at: "2024-08-20" },
      at: "2024-08-20"
    }], world)
    assert.isTrue(Result.isSuccess(run(converted, introduce(["v1-f1", "v1-i"], "2024-08-21"))))
  })

  it("R82: the introducers are full members when the vote is recorded too", () => {
    const ready = runAll(path("a", "v1", { upTo: 14 }), base)
    const demoted = withState(ready, Member.streamId("v1-f2"), { ...member(ready, "v1-f2"), status: "probationary" })
    const vote = path("a", "v1").at(-1)!
    assert.deepStrictEqual(ruleOf(rejection(demoted, vote)), ["R82", "development.notFullMember"])
    assert.isTrue(Result.isSuccess(run(ready, vote)))
  })
})

describe("R83: political review and training", () => {
  const ready = runAll(path("a", "v1", { upTo: 10 }), base)
  const training = (days: number, hours: number, waiverReason?: string): Command => ({
    _tag: "CompleteTraining",
    applicantId: "a",
    days,
    hours,
    ...(waiverReason === undefined ? {} : { waiverReason }),
    at: "2024-03-05"
  })

  it("R83: 3 days / 20 学时 and 2 days / 24 学时 are accepted; 2 days / 23.5 学时 rejected unless waived", () => {
    assert.isTrue(Result.isSuccess(run(ready, training(3, 20))))
    assert.isTrue(Result.isSuccess(run(ready, training(2, 24))))
    assert.deepStrictEqual(ruleOf(rejection(ready, training(2, 23.5))), ["R83", "development.trainingTooShort"])
    const waived = runAll([training(2, 23.5, "illness")], ready)
    const finding = findingNamed(waived, "a", "2024-03-06", "development.finding.trainingWaived")
    assert.strictEqual(finding?.ruleId, "R83")
    // the waiver's reason (free text) stays in the record, out of the finding
    assert.notInclude(JSON.stringify(finding), "illness")
  })

  it("R83 / C22: the legacy figures (5 days or 40 学时) judge older records", () => {
    const legacy = { ...policy, development: Development.legacyDevelopmentPolicy }
    assert.deepStrictEqual(ruleOf(rejection(ready, training(4, 39), legacy)), ["R83", "development.trainingTooShort"])
    assert.isTrue(Result.isSuccess(run(ready, training(4, 40), legacy)))
  })

  it("R83: without a passed political review there is no committee review (no admission)", () => {
    const failed = runAll([
      { _tag: "ConcludePoliticalReview", applicantId: "a", result: "fail", at: "2024-03-02" },
      training(3, 24)
    ], ready)
    assert.deepStrictEqual(
      ruleOf(rejection(failed, { _tag: "ReviewByBranchCommittee", applicantId: "a", at: "2024-03-06" })),
      ["R83", "development.politicalReviewNotPassed"]
    )
  })

  it("R77: training is for development objects: before step 7 it is rejected", () => {
    const activist = runAll(path("b", "v1", { upTo: 5 }), base)
    assert.deepStrictEqual(ruleOf(rejection(activist, { ...training(3, 24), applicantId: "b" } as Command)), [
      "R77",
      "development.stepOutOfOrder"
    ])
  })
})

describe("R84: committee review, pre-review, the admission form", () => {
  it("R84: the form is issued only after the pre-review, completed only after it was issued", () => {
    const reviewed = runAll(path("a", "v1", { upTo: 12 }), base)
    assert.deepStrictEqual(
      ruleOf(rejection(reviewed, { _tag: "IssueApplicationForm", applicantId: "a", at: "2024-03-02" })),
      [
        "R84",
        "development.formBeforePreReview"
      ]
    )
    const preReviewed = runAll(
      [{ _tag: "PassPreReview", applicantId: "a", approverOrgId: "town", at: "2024-03-02" }],
      reviewed
    )
    assert.deepStrictEqual(
      ruleOf(rejection(preReviewed, { _tag: "CompleteApplicationForm", applicantId: "a", at: "2024-03-03" })),
      ["R84", "development.formNotIssued"]
    )
  })

  it("R84 / R87: the pre-review is by a committee with approval power: a village committee is rejected", () => {
    const reviewed = runAll(path("a", "vcb", { upTo: 12 }), base)
    assert.deepStrictEqual(
      ruleOf(rejection(reviewed, { _tag: "PassPreReview", applicantId: "a", approverOrgId: "vc", at: "2024-03-02" })),
      ["R87", "development.approverSecondTier"]
    )
  })

  it("R84: an expected departure within three months of the vote is a finding; four months after, none", () => {
    const withDeparture = (departure: string) =>
      runAll(
        path("a", "v1").map((
          c
        ) => (c._tag === "ReviewByBranchCommittee" ? { ...c, expectedDepartureOn: departure } : c)),
        base
      )
    const soon = findingNamed(withDeparture("2024-09-01"), "a", "2024-06-02", "development.finding.departureSoon")
    assert.strictEqual(soon?.ruleId, "R84")
    assert.isUndefined(
      findingNamed(withDeparture("2024-09-02"), "a", "2024-06-02", "development.finding.departureSoon")
    )
  })
})

describe("R85: the branch general meeting's vote on one candidate", () => {
  const vote = (t: ReturnType<typeof tally>, candidateIds: ReadonlyArray<string> = ["a"]): Command => ({
    _tag: "VoteOnAdmission",
    applicantId: "a",
    meetingId: "gm",
    candidateIds,
    tally: t,
    at: "2024-06-01"
  })
  const ready = runAll(path("a", "v20", { upTo: 14 }), base)

  it("R85: entitled 20, present 10: no quorum (2 × 10 = 20, not > 20): rejected", () => {
    const error = rejection(ready, vote(tally(20, 10, 10)))
    assert.deepStrictEqual(ruleOf(error), ["R85", "development.voteQuorumNotMet"])
    assert.strictEqual(error.params["required"], 11)
  })

  it("R85: entitled 20, present 11, yes 10: recorded as failed; the higher committee's talk then needs a passed vote", () => {
    const failed = runAll([vote(tally(20, 11, 10))], ready)
    assert.isFalse(development(failed, "a").vote?.passed)
    assert.deepStrictEqual(
      ruleOf(
        rejection(failed, {
          _tag: "HoldApprovalInterview",
          applicantId: "a",
          interviewerRole: "organizer",
          at: "2024-06-02"
        })
      ),
      ["R77", "development.stepOutOfOrder"]
    )
    // a new vote after a failed one is allowed
    assert.isTrue(
      development(runAll([{ ...vote(tally(20, 12, 12)), at: "2024-07-01" } as Command], failed), "a").vote?.passed
    )
  })

  it("R85: entitled 20, present 11, yes 10 + 1 written yes from an absent member: passes (2 × 11 = 22 > 20)", () => {
    assert.isTrue(development(runAll([vote(tally(20, 11, 10, 1))], ready), "a").vote?.passed)
  })

  it("R85: entitled 20, present 10, 5 written yes: still no quorum (written opinions count for votes, not attendance)", () => {
    assert.deepStrictEqual(ruleOf(rejection(ready, vote(tally(20, 10, 10, 5)))), [
      "R85",
      "development.voteQuorumNotMet"
    ])
  })

  it("R85: entitled 7: quorum at 4 present (3 is rejected); passing at 4 yes (3 fails)", () => {
    assert.deepStrictEqual(ruleOf(rejection(ready, vote(tally(7, 3, 3)))), ["R85", "development.voteQuorumNotMet"])
    assert.isFalse(development(runAll([vote(tally(7, 4, 3))], ready), "a").vote?.passed)
    assert.isTrue(development(runAll([vote(tally(7, 4, 4))], ready), "a").vote?.passed)
  })

  it("R85: a vote naming two candidates is rejected (逐个表决)", () => {
    assert.deepStrictEqual(ruleOf(rejection(ready, vote(tally(20, 20, 20), ["a", "b"]))), [
      "R85",
      "development.batchVote"
    ])
    assert.deepStrictEqual(ruleOf(rejection(ready, vote(tally(20, 20, 20), ["b"]))), ["R85", "development.batchVote"])
  })

  it("R85 / R20: those entitled are full members with a vote: 21 entitled in a branch of 20 full members is rejected", () => {
    assert.deepStrictEqual(ruleOf(rejection(ready, vote(tally(21, 20, 20)))), [
      "R20",
      "organization.entitledExceedsFull"
    ])
  })

  it("R85 CONF: exclusions from the count apply to admission votes only where the policy says so", () => {
    const excluded = vote({ ...tally(19, 19, 19), excluded: 1 })
    assert.deepStrictEqual(ruleOf(rejection(ready, excluded)), ["R85", "development.exclusionsNotApplicable"])
    const local = withDevelopment({ voteExclusionsApplyTo: ["election", "admission"] })
    assert.isTrue(Result.isSuccess(run(ready, excluded, local)))
  })

  it("the tally is consistent: yes-votes over those present, or written opinions over the absent, are rejected", () => {
    assert.strictEqual(rejection(ready, vote(tally(20, 11, 12))).code, "development.votesExceedPresent")
    assert.strictEqual(rejection(ready, vote(tally(20, 15, 15, 6))).code, "development.writtenOpinionsInconsistent")
    assert.strictEqual(rejection(ready, vote(tally(20, 15, 15, 2, 3))).code, "development.writtenOpinionsInconsistent")
  })

  it("R85: the arithmetic as functions (quorum and passing)", () => {
    assert.isFalse(Development.hasQuorum(tally(20, 10, 10)))
    assert.isTrue(Development.hasQuorum(tally(20, 11, 10)))
    assert.isFalse(Development.passes(tally(20, 11, 10)))
    assert.isTrue(Development.passes(tally(20, 11, 10, 1)))
  })
})

describe("R86: the higher committee's talk before the approval", () => {
  it("R86: an approval with no talk since the vote is rejected", () => {
    const voted = runAll(path("a"), base)
    assert.deepStrictEqual(
      ruleOf(rejection(voted, {
        _tag: "ApproveAdmission",
        applicantId: "a",
        approverOrgId: "town",
        meeting: meeting("a"),
        at: "2024-06-10"
      })),
      ["R86", "development.noApprovalInterview"]
    )
  })
})

describe("R87: the approval: who, how, when", () => {
  const votedOn = (vote: string, applicantId = "a", orgId = "v1") =>
    runAll(
      path(applicantId, orgId, {
        dates: { applied: "2022-01-10", activist: "2022-03-01", developmentObject: "2023-03-01", vote }
      }),
      base
    )
  const approved = (world: World, reportedAt: string, at: string, delayReason?: string) =>
    runAll(approve("a", at, { reportedAt, ...(delayReason === undefined ? {} : { delayReason }) }), world)
  const late = "development.finding.approvalLate"

  it("R87: reported 2025-01-15; approved 2025-04-15 (day 90) is on time, 2025-04-16 (day 91) a finding unless a reason", () => {
    const voted = votedOn("2025-01-10")
    assert.isUndefined(findingNamed(approved(voted, "2025-01-15", "2025-04-15"), "a", "2025-05-01", late))
    const lateOne = findingNamed(approved(voted, "2025-01-15", "2025-04-16"), "a", "2025-05-01", late)
    assert.strictEqual(lateOne?.due, "2025-04-15")
    assert.isUndefined(
      findingNamed(approved(voted, "2025-01-15", "2025-04-16", "committee met late"), "a", "2025-05-01", late)
    )
  })

  it("R87: reported 2024-01-15; approved 2024-04-15 (day 91 in a leap year) is on time: three calendar months", () => {
    const voted = votedOn("2024-01-10")
    assert.isUndefined(findingNamed(approved(voted, "2024-01-15", "2024-04-15"), "a", "2024-05-01", late))
  })

  it("R87: reported 2025-01-15; 2025-07-15 is accepted with a reason, 2025-07-16 rejected (vote again)", () => {
    const interviewed = runAll(
      approve("a", "2025-07-15", { reportedAt: "2025-01-15" }).slice(0, 2),
      votedOn("2025-01-10")
    )
    const decision = (at: string, delayReason?: string): Command => ({
      _tag: "ApproveAdmission",
      applicantId: "a",
      approverOrgId: "town",
      meeting: meeting("a"),
      ...(delayReason === undefined ? {} : { delayReason }),
      at
    })
    assert.isTrue(Result.isSuccess(run(interviewed, decision("2025-07-15", "reason"))))
    const error = rejection(interviewed, decision("2025-07-16", "reason"))
    assert.deepStrictEqual(ruleOf(error), ["R87", "development.approvalTooLate"])
    assert.strictEqual(error.params["latest"], "2025-07-15")
  })

  it("R87: reported 2024-11-30: the three months end 2025-02-28 (clamp); overdue from 2025-03-01; after six, vote again", () => {
    const reported = runAll(
      [{ _tag: "ReportResolution", applicantId: "a", approverOrgId: "town", at: "2024-11-30" }],
      votedOn("2024-11-20")
    )
    assert.isUndefined(findingNamed(reported, "a", "2025-02-28", "development.finding.approvalOverdue"))
    assert.strictEqual(
      findingNamed(reported, "a", "2025-03-01", "development.finding.approvalOverdue")?.due,
      "2025-02-28"
    )
    assert.strictEqual(
      findingNamed(reported, "a", "2025-05-31", "development.finding.approvalWindowLapsed")?.due,
      "2025-05-30"
    )
    const revote: Command = {
      _tag: "VoteOnAdmission",
      applicantId: "a",
      meetingId: "again",
      candidateIds: ["a"],
      tally: tally(5, 5, 5),
      at: "2025-05-30"
    }
    assert.strictEqual(rejection(reported, revote).code, "development.alreadyVoted")
    const again = runAll([{ ...revote, at: "2025-05-31" } as Command], reported)
    assert.strictEqual(development(again, "a").vote?.at, "2025-05-31")
    // the report belongs to the earlier vote: the clock now runs from the new vote
    assert.isUndefined(development(again, "a").reported)
  })

  it("R87 CONF: without a report, or when the policy counts from the vote, the clock starts at the vote", () => {
    const voted = votedOn("2025-01-10")
    const fromVote = runAll(approve("a", "2025-04-10"), voted)
    assert.strictEqual(development(fromVote, "a").approval?.dueBy, "2025-04-10")
    const policyVote = withDevelopment({ approvalClockFrom: "vote" })
    const reportedButVote = runAll(approve("a", "2025-04-10", { reportedAt: "2025-01-15" }), voted, policyVote)
    assert.strictEqual(development(reportedButVote, "a").approval?.dueBy, "2025-04-10")
  })

  it("R87: a village committee (二级党委), a general branch, a branch, a temporary branch and a township not above never approve", () => {
    const tryApprove = (orgId: string, approverOrgId: string) => {
      const voted = runAll([...path("a", orgId), {
        _tag: "HoldApprovalInterview",
        applicantId: "a",
        interviewerRole: "committeeMember",
        at: "2024-06-02"
      }], base)
      return rejection(voted, {
        _tag: "ApproveAdmission",
        applicantId: "a",
        approverOrgId,
        meeting: meeting("a"),
        at: "2024-06-10"
      })
    }
    assert.deepStrictEqual(ruleOf(tryApprove("vcb", "vc")), ["R87", "development.approverSecondTier"])
    assert.deepStrictEqual(ruleOf(tryApprove("gbb", "gb")), ["R87", "development.approverNotAllowed"])
    assert.deepStrictEqual(ruleOf(tryApprove("v1", "v20")), ["R87", "development.approverNotAllowed"])
    assert.deepStrictEqual(ruleOf(tryApprove("v1", "tmp")), ["R87", "development.approverTemporary"])
    assert.deepStrictEqual(ruleOf(tryApprove("v1", "other")), ["R87", "development.approverNotAbove"])
    // even a policy that authorises primary committees keeps a village committee out
    const authorised = withDevelopment({
      probationaryApprovers: ["townshipCommittee", "subdistrictCommittee", "primaryCommittee"]
    })
    const voted = runAll([...path("a", "vcb"), {
      _tag: "HoldApprovalInterview",
      applicantId: "a",
      interviewerRole: "organizer",
      at: "2024-06-02"
    }], base)
    assert.deepStrictEqual(
      ruleOf(
        rejection(voted, {
          _tag: "ApproveAdmission",
          applicantId: "a",
          approverOrgId: "vc",
          meeting: meeting("a"),
          at: "2024-06-10"
        }, authorised)
      ),
      ["R87", "development.approverSecondTier"]
    )
    // a subdistrict committee approves for its community branch
    const community = runAll([...path("a", "c1"), ...approve("a", "2024-06-10", { approverOrgId: "sub" })], base)
    assert.strictEqual(development(community, "a").status, "admitted")
  })

  it("R87: the township committee citing a meeting that decided two candidates in one vote is rejected", () => {
    const voted = runAll([...path("a"), {
      _tag: "HoldApprovalInterview",
      applicantId: "a",
      interviewerRole: "organizer",
      at: "2024-06-02"
    }], base)
    assert.deepStrictEqual(
      ruleOf(rejection(voted, {
        _tag: "ApproveAdmission",
        applicantId: "a",
        approverOrgId: "town",
        meeting: { meetingId: "tc", candidateIds: ["a", "b"] },
        at: "2024-06-10"
      })),
      ["R87", "development.batchApproval"]
    )
  })

  it("R87: a general branch between the branch and the approver reviews first: a finding when it did not", () => {
    const voted = runAll(path("a", "gbb"), base)
    const unreviewed = runAll(approve("a", "2024-06-10"), voted)
    assert.deepStrictEqual(development(unreviewed, "a").approval?.intermediateOrgIds, ["gb"])
    assert.strictEqual(
      findingNamed(unreviewed, "a", "2024-06-11", "development.finding.intermediateReviewMissing")
        ?.params["reviewerOrgId"],
      "gb"
    )
    const reviewed = runAll([
      { _tag: "RecordAdmissionReview", applicantId: "a", reviewerOrgId: "gb", at: "2024-06-03" },
      ...approve("a", "2024-06-10")
    ], voted)
    assert.isUndefined(findingNamed(reviewed, "a", "2024-06-11", "development.finding.intermediateReviewMissing"))
    assert.strictEqual(
      rejection(voted, { _tag: "RecordAdmissionReview", applicantId: "a", reviewerOrgId: "v1", at: "2024-06-03" }).code,
      "development.notIntermediate"
    )
  })

  it("R87 / R88: a rejection (no talk is needed to refuse; R86 is for approving) ends the record; the person may apply again", () => {
    const voted = runAll(path("a"), base)
    const refused = runAll([{
      _tag: "RejectAdmission",
      applicantId: "a",
      approverOrgId: "town",
      meeting: meeting("a"),
      at: "2024-06-20"
    }], voted)
    assert.strictEqual(Development.stageOf(development(refused, "a")), "rejected")
    assert.strictEqual(member(refused, "a").status, "none")
    assert.strictEqual(
      rejection(refused, { _tag: "TakeOath", applicantId: "a", at: "2024-07-01" }).code,
      "domain.closed"
    )
    const again = runAll([submit("2000-01-01", "2024-09-01")], refused)
    assert.strictEqual(Development.stageOf(development(again, "a")), "applicant")
    assert.isUndefined(development(again, "a").vote)
  })
})

const codec = EventCodec.make([
  ...Organization.organizationEvents,
  ...Member.memberEvents,
  ...Development.developmentEvents
])

describe("R88: the hand-over to the member stream", () => {
  it("R88: the approval appends the record's, the member's and the roster's events at once; probation from the vote", () => {
    const voted = runAll([...path("p1"), {
      _tag: "HoldApprovalInterview",
      applicantId: "p1",
      interviewerRole: "organizer",
      at: "2024-06-10"
    }], base)
    const appended = eventsOf(voted, {
      _tag: "ApproveAdmission",
      applicantId: "p1",
      approverOrgId: "town",
      meeting: meeting("p1"),
      at: "2024-07-01"
    })
    assert.deepStrictEqual(appended.map((e) => `${e.streamId}:${e.event._tag}`), [
      "development-p1:AdmissionApproved",
      "member-p1:MemberAdmitted",
      "organization-v1:RosterMemberAdded"
    ])
    const world = admitted()
    const p1 = member(world, "p1")
    assert.strictEqual(p1.status, "probationary")
    assert.strictEqual(p1.orgId, "v1")
    // R37 / R88: a year from the vote (2024-06-01), not from the approval (2024-07-01)
    assert.strictEqual(p1.probationEndsAt, "2025-06-01")
    assert.strictEqual(development(world, "p1").probationEndsAt, "2025-06-01")
    const admittedEvent = appended[1]!.event as Member.MemberEvent & { readonly _tag: "MemberAdmitted" }
    // 党籍 and dues from the vote: the member's event is dated on the vote
    assert.strictEqual(admittedEvent.at, "2024-06-01")
    assert.strictEqual(admittedEvent.meeting.at, "2024-06-01")
    assert.strictEqual(admittedEvent.approval.at, "2024-07-01")
    assert.strictEqual(Organization.rosterStatus(org(world, "v1"), "p1"), "probationary")
  })

  it("R88 / R38: a candidate who is already a member is not admitted again", () => {
    const voted = runAll([
      ...path("p2"),
      { _tag: "RegisterMember", memberId: "p2", orgId: "v20", status: "full", at: "2024-06-05" },
      { _tag: "HoldApprovalInterview", applicantId: "p2", interviewerRole: "organizer", at: "2024-06-10" }
    ], base)
    assert.deepStrictEqual(
      ruleOf(
        rejection(voted, {
          _tag: "ApproveAdmission",
          applicantId: "p2",
          approverOrgId: "town",
          meeting: meeting("p2"),
          at: "2024-07-01"
        })
      ),
      ["R38", "member.alreadyAffiliated"]
    )
  })

  it("R87 / R9: a temporary organization trains but does not receive probationary members", () => {
    const ready = runAll(path("t", "tmp", { upTo: 14, people: ["v1-f1", "v1-f2"] }), base)
    assert.deepStrictEqual(
      ruleOf(
        rejection(ready, {
          _tag: "VoteOnAdmission",
          applicantId: "t",
          meetingId: "m",
          candidateIds: ["t"],
          tally: tally(3, 3, 3),
          at: "2024-06-01"
        })
      ),
      ["R87", "development.temporaryNoAdmission"]
    )
  })

  it.effect("R88: vote 2024-03-15, approved 2024-05-20: AM as of 2024-04-01 includes the member when computed after the approval, not before", () =>
    Effect.gen(function*() {
      const routes = [Organization.treeRoute, Organization.route, Member.route, Development.route] as const
      const history = path("p1", "v1", {
        dates: { applied: "2022-01-10", activist: "2022-03-01", developmentObject: "2023-03-01", vote: "2024-03-15" }
      })
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
        {
          _tag: "EstablishOrganization",
          orgId: "v1",
          name: "v1",
          kind: "branch",
          formation: "standalone",
          locus: "village",
          parentId: "town",
          approval: { by: "town", level: "township", at: "2020-01-01" },
          initialMembers: [1, 2, 3, 4, 5].map((n) => ({ memberId: `v1-f${n}`, status: "full" as const })),
          at: "2020-01-01"
        },
        ...[1, 2].map((n): Command => ({
          _tag: "RegisterMember",
          memberId: `v1-f${n}`,
          orgId: "v1",
          status: "full",
          at: "2020-01-02"
        }))
      ]
      const execute = (command: Command) => {
        const route = routes.find((r) => (r.tags as ReadonlyArray<string>).includes(command._tag))!
        return CommandHandler.run(route as never, command as never, policy, { context: { occurredAt: command.at } })
      }
      for (
        const command of [
          ...setup,
          ...history,
          {
            _tag: "HoldApprovalInterview",
            applicantId: "p1",
            interviewerRole: "organizer",
            at: "2024-05-10"
          } as Command
        ]
      ) {
        yield* execute(command)
      }
      const before = (yield* Projection.replay(OrganizationTree.asOf("2024-04-01"))).state
      assert.strictEqual(before.orgs["v1"]?.probationary, 0)
      yield* execute({
        _tag: "ApproveAdmission",
        applicantId: "p1",
        approverOrgId: "town",
        meeting: meeting("p1"),
        at: "2024-05-20"
      })
      const after = (yield* Projection.replay(OrganizationTree.asOf("2024-04-01"))).state
      assert.strictEqual(after.orgs["v1"]?.probationary, 1)
      // the record itself is approved only from 2024-05-20
      const register = (yield* Projection.replay(DevelopmentRegister.asOf("2024-04-01"))).state
      assert.strictEqual(register.developments["p1"]?.status, "open")
      const now = (yield* Projection.replay(DevelopmentRegister.projection)).state
      assert.strictEqual(now.developments["p1"]?.probationEndsAt, "2025-03-15")
    }).pipe(Effect.provide(MemoryStore.layer({ codec }))))
})

describe("R89: conversion", () => {
  // vote 2024-03-15: the probation ends 2025-03-15
  const admittedMarch = () =>
    runAll([
      ...path("p1", "v1", {
        dates: { applied: "2022-01-10", activist: "2022-03-01", developmentObject: "2023-03-01", vote: "2024-03-15" }
      }),
      ...approve("p1", "2024-05-20", { reportedAt: "2024-03-20" })
    ], base)
  const voteOn = (at: string, outcome: Development.ConversionOutcome = "convert", extendMonths?: number): Command => ({
    _tag: "VoteOnConversion",
    applicantId: "p1",
    meetingId: `conv-${at}`,
    candidateIds: ["p1"],
    outcome,
    ...(extendMonths === undefined ? {} : { extendMonths }),
    tally: tally(5, 5, 5),
    at
  })
  const approveConversion = (at: string, approverOrgId = "town"): Command => ({
    _tag: "ApproveConversion",
    applicantId: "p1",
    approverOrgId,
    meeting: meeting("p1", `c-${at}`),
    at
  })

  it("R89: the conversion vote on 2025-03-14 (the probation ends 2025-03-15) is rejected; on 2025-03-15 accepted", () => {
    const world = admittedMarch()
    const error = rejection(world, voteOn("2025-03-14"))
    assert.deepStrictEqual(ruleOf(error), ["R89", "development.conversionVoteEarly"])
    assert.isTrue(Result.isSuccess(run(world, voteOn("2025-03-15"))))
  })

  it("R89: vote 2025-03-15, approval 2025-05-30: effective 2025-03-15 (党龄 from the end of probation); the member is full", () => {
    const world = runAll([voteOn("2025-03-15"), approveConversion("2025-05-30")], admittedMarch())
    const record = development(world, "p1")
    assert.strictEqual(record.status, "full")
    assert.strictEqual(record.conversion?.effectiveOn, "2025-03-15")
    assert.strictEqual(member(world, "p1").status, "full")
    assert.strictEqual(Organization.rosterStatus(org(world, "v1"), "p1"), "full")
    const last = world.log.filter((e) => e.streamId === "development-p1").at(-1)?.event as Development.DevelopmentEvent
    assert.strictEqual(last._tag, "ConversionApproved")
  })

  it("R89 / R37: an extension of 6 months from the end 2025-03-15 ends 2025-09-15; a second extension is refused", () => {
    const world = runAll([voteOn("2025-03-15", "extend", 6), approveConversion("2025-04-01")], admittedMarch())
    assert.strictEqual(development(world, "p1").probationEndsAt, "2025-09-15")
    assert.strictEqual(member(world, "p1").probationEndsAt, "2025-09-15")
    const again = runAll([voteOn("2025-09-15", "extend", 6)], world)
    assert.deepStrictEqual(ruleOf(rejection(again, approveConversion("2025-10-01"))), ["R37", "member.alreadyExtended"])
    // after the extension the conversion is not discussed before its new end
    assert.deepStrictEqual(ruleOf(rejection(world, voteOn("2025-09-14"))), ["R89", "development.conversionVoteEarly"])
  })

  it("R89: the conversion approval is by a committee R87 allows", () => {
    const voted = runAll([voteOn("2025-03-15")], admittedMarch())
    assert.deepStrictEqual(ruleOf(rejection(voted, approveConversion("2025-04-01", "v20"))), [
      "R87",
      "development.approverNotAllowed"
    ])
  })

  it("R89: transferred in during the probation: postponed to 2025-09-15 is accepted, 2025-09-16 rejected; never transferred: rejected", () => {
    const world = admittedMarch()
    const postpone = (until: string): Command => ({
      _tag: "PostponeConversion",
      applicantId: "p1",
      until,
      at: "2025-03-15"
    })
    assert.deepStrictEqual(ruleOf(rejection(world, postpone("2025-09-15"))), [
      "R89",
      "development.postponeNotTransferredIn"
    ])
    const moved = runAll([
      { _tag: "IssueTransferLetter", memberId: "p1", transferId: "t1", toOrgId: "v20", at: "2024-09-01" },
      { _tag: "ReceiveTransfer", memberId: "p1", transferId: "t1", at: "2024-09-10" }
    ], world)
    assert.deepStrictEqual(ruleOf(rejection(moved, postpone("2025-09-16"))), ["R89", "development.postponeTooLong"])
    const postponed = runAll([postpone("2025-09-15")], moved)
    assert.strictEqual(development(postponed, "p1").postponedUntil, "2025-09-15")
    // the conversion, when it comes, takes effect from the end of the probation
    const converted = runAll([
      { ...voteOn("2025-09-10"), tally: tally(20, 20, 20) } as Command,
      approveConversion("2025-09-20")
    ], postponed)
    assert.strictEqual(development(converted, "p1").conversion?.effectiveOn, "2025-03-15")
    assert.strictEqual(member(converted, "p1").orgId, "v20")
  })

  it("R89: the conversion vote is due a month after the end: no finding on 2025-04-15, a finding on 2025-04-16", () => {
    const world = admittedMarch()
    assert.isUndefined(findingNamed(world, "p1", "2025-04-15", "development.finding.conversionVoteOverdue"))
    assert.strictEqual(
      findingNamed(world, "p1", "2025-04-16", "development.finding.conversionVoteOverdue")?.due,
      "2025-04-15"
    )
    const voted = runAll([voteOn("2025-04-10")], world)
    assert.isUndefined(findingNamed(voted, "p1", "2025-05-01", "development.finding.conversionVoteOverdue"))
    assert.strictEqual(
      findingNamed(voted, "p1", "2025-07-11", "development.finding.conversionApprovalOverdue")?.due,
      "2025-07-10"
    )
  })

  it("R77: steps 18–24 only after the approval; 25 only after the conversion; the archiving is a notice until done", () => {
    const open = runAll(path("a", "v1", { upTo: 5 }), base)
    for (
      const command of [
        { _tag: "TakeOath", applicantId: "a", at: "2024-01-01" },
        { _tag: "FileAdmission", applicantId: "a", at: "2024-01-01" },
        { _tag: "ApplyForConversion", applicantId: "a", at: "2024-01-01" }
      ] as const
    ) {
      const error = rejection(open, command)
      assert.deepStrictEqual([...ruleOf(error), error.params["requires"]], ["R77", "development.stepOutOfOrder", 17])
    }
    const world = admittedMarch()
    assert.deepStrictEqual(ruleOf(rejection(world, { _tag: "ArchiveRecords", applicantId: "p1", at: "2025-06-01" })), [
      "R77",
      "development.stepOutOfOrder"
    ])
    const converted = runAll([voteOn("2025-03-15"), approveConversion("2025-04-01")], world)
    assert.strictEqual(
      findingNamed(converted, "p1", "2025-04-02", "development.finding.notArchived")?.severity,
      "notice"
    )
    const archived = runAll([{ _tag: "ArchiveRecords", applicantId: "p1", at: "2025-04-10" }], converted)
    assert.isUndefined(findingNamed(archived, "p1", "2025-04-11", "development.finding.notArchived"))
  })

  it("R88: the filing, the placement and the oath are notices while missing; a party group must be the branch's", () => {
    const world = admittedMarch()
    assert.includeMembers(codes(findingsOf(world, "p1", "2024-06-01")), [
      "development.finding.admissionNotFiled",
      "development.finding.notPlaced",
      "development.finding.oathMissing"
    ])
    const done = runAll([
      { _tag: "FileAdmission", applicantId: "p1", at: "2024-05-25" },
      { _tag: "AssignToBranchAndGroup", applicantId: "p1", at: "2024-05-25" },
      { _tag: "TakeOath", applicantId: "p1", at: "2024-05-25" }
    ], world)
    assert.deepStrictEqual(codes(findingsOf(done, "p1", "2024-06-01")), [])
    assert.strictEqual(
      rejection(world, { _tag: "AssignToBranchAndGroup", applicantId: "p1", groupId: "g9", at: "2024-05-25" }).code,
      "development.unknownGroup"
    )
  })
})

describe("R90: applicants and activists who move", () => {
  const moved = (policies: GovernancePolicy.GovernancePolicy = policy) =>
    runAll(
      [
        ...path("a", "v1", { upTo: 5 }),
        {
          _tag: "TransferDevelopmentRecord",
          applicantId: "a",
          toOrgId: "v20",
          materialsTransferred: false,
          at: "2023-11-01"
        }
      ],
      base,
      policies
    )
  const object = (at: string): Command => ({
    _tag: "DesignateDevelopmentObject",
    applicantId: "a",
    decidedBy: "generalMeeting",
    at
  })

  it("R90: an activist moves after 8 months; with the carry-over unset, R81 cannot be evaluated (rejected)", () => {
    const world = moved()
    assert.strictEqual(development(world, "a").orgId, "v20")
    assert.deepStrictEqual(ruleOf(rejection(world, object("2024-03-01"))), ["R90", "development.carryOverUnset"])
    // the move never creates membership: only the record got an event
    assert.deepStrictEqual(world.log.at(-1)?.streamId, "development-a")
    assert.strictEqual(member(world, "a").status, "none")
  })

  it("R90 CONF: time carries over (the year from 2023-03-01) or restarts at the move (from 2023-11-01)", () => {
    const carries = withDevelopment({ activistTimeCarriesOver: true })
    assert.isTrue(Result.isSuccess(run(moved(carries), object("2024-03-01"), carries)))
    const restarts = withDevelopment({ activistTimeCarriesOver: false })
    const error = rejection(moved(restarts), object("2024-03-01"), restarts)
    assert.deepStrictEqual([...ruleOf(error), error.params["earliest"]], [
      "R81",
      "development.activistTooShort",
      "2024-11-01"
    ])
    assert.isTrue(Result.isSuccess(run(moved(restarts), object("2024-11-01"), restarts)))
  })

  it("R90: a move without the materials is a finding until they are handed over", () => {
    const world = moved()
    const finding = findingNamed(world, "a", "2023-11-02", "development.finding.materialsNotHandedOver")
    assert.deepStrictEqual(finding?.params, {
      applicantId: "a",
      orgId: "v20",
      fromOrgId: "v1",
      toOrgId: "v20",
      movedOn: "2023-11-01"
    })
    const handed = runAll([{ _tag: "HandOverDevelopmentMaterials", applicantId: "a", at: "2023-11-20" }], world)
    assert.isUndefined(findingNamed(handed, "a", "2023-11-21", "development.finding.materialsNotHandedOver"))
  })

  it("R90: a record awaiting its approval does not move", () => {
    const voted = runAll(path("a"), base)
    assert.strictEqual(
      rejection(voted, {
        _tag: "TransferDevelopmentRecord",
        applicantId: "a",
        toOrgId: "v20",
        materialsTransferred: true,
        at: "2024-06-05"
      }).code,
      "development.transferAfterVote"
    )
  })
})

describe("R77: the order of the steps", () => {
  it("R77: each HARD step needs its prerequisite: 5 needs 3, 7 needs 5, 12 needs 9–11, 15 needs 14, 16 needs 15", () => {
    const requires = (world: World, command: Command) => {
      const error = rejection(world, command)
      return [...ruleOf(error), error.params["requires"]]
    }
    const applied = runAll(path("a", "v1", { upTo: 2 }), base)
    assert.deepStrictEqual(
      requires(applied, {
        _tag: "AssignContactPersons",
        applicantId: "a",
        contactPersonIds: ["v1-f1"],
        at: "2023-02-01"
      }),
      ["R77", "development.stepOutOfOrder", 3]
    )
    const activist = runAll(path("a", "v1", { upTo: 4 }), base)
    assert.deepStrictEqual(
      requires(activist, {
        _tag: "DesignateDevelopmentObject",
        applicantId: "a",
        decidedBy: "generalMeeting",
        at: "2024-03-01"
      }),
      ["R77", "development.stepOutOfOrder", 5]
    )
    const object = runAll(path("a", "v1", { upTo: 10 }), base)
    assert.deepStrictEqual(
      requires(object, { _tag: "ReviewByBranchCommittee", applicantId: "a", at: "2024-03-02" }),
      ["R77", "development.stepOutOfOrder", 11]
    )
    const issued = runAll(path("a", "v1", { upTo: 13 }), base)
    assert.deepStrictEqual(
      requires(issued, {
        _tag: "VoteOnAdmission",
        applicantId: "a",
        meetingId: "m",
        candidateIds: ["a"],
        tally: tally(5, 5, 5),
        at: "2024-06-01"
      }),
      ["R77", "development.stepOutOfOrder", 14]
    )
    assert.deepStrictEqual(
      requires(issued, {
        _tag: "HoldApprovalInterview",
        applicantId: "a",
        interviewerRole: "organizer",
        at: "2024-06-01"
      }),
      ["R77", "development.stepOutOfOrder", 15]
    )
  })

  it("R77: 9, 10 and 11 come in any order; a step is never dated before the one it needs", () => {
    const object = runAll(path("a", "v1", { upTo: 8 }), base)
    const reordered = runAll([
      { _tag: "CompleteTraining", applicantId: "a", days: 3, hours: 24, at: "2024-03-02" },
      { _tag: "ConcludePoliticalReview", applicantId: "a", result: "pass", at: "2024-03-03" },
      { _tag: "AssignIntroducers", applicantId: "a", introducerIds: ["v1-f1", "v1-f2"], at: "2024-03-04" },
      { _tag: "ReviewByBranchCommittee", applicantId: "a", at: "2024-03-05" }
    ], object)
    assert.isDefined(development(reordered, "a").branchReviewedAt)
    const applied = runAll(path("a", "v1", { upTo: 1 }), base)
    assert.strictEqual(
      rejection(applied, { _tag: "DesignateActivist", applicantId: "a", decidedBy: "generalMeeting", at: "2023-01-09" })
        .code,
      "development.beforePrerequisite"
    )
  })

  it("a repeated step changes nothing (idempotent)", () => {
    const world = runAll(path("a", "v1", { upTo: 4 }), base)
    assert.deepStrictEqual(
      eventsOf(world, { _tag: "DesignateActivist", applicantId: "a", decidedBy: "generalMeeting", at: "2023-04-01" }),
      []
    )
    assert.deepStrictEqual(eventsOf(world, { _tag: "FileActivist", applicantId: "a", at: "2023-04-01" }), [])
  })
})

describe("DevelopmentRegister: the pipeline of an organization", () => {
  it("counts each record of an organization at its stage", () => {
    const world = runAll([
      ...path("a", "v1", { upTo: 2 }),
      ...path("b", "v1", { upTo: 5 }),
      ...path("c", "v1", { upTo: 8 }),
      ...path("d", "v20", { upTo: 2 })
    ], admitted())
    const view: DevelopmentRegister.RegisterView = {
      developments: Object.fromEntries(["a", "b", "c", "d", "p1"].map((id) => [id, development(world, id)]))
    }
    const v1 = DevelopmentRegister.pipeline(view, "v1")
    assert.deepStrictEqual(v1.entries.map((e) => `${e.applicantId}:${e.stage}`), [
      "a:applicant",
      "b:activist",
      "c:developmentObject",
      "p1:probationary"
    ])
    assert.strictEqual(v1.counts.activist, 1)
    assert.strictEqual(v1.entries.find((e) => e.applicantId === "p1")?.since, "2024-06-01")
    assert.deepStrictEqual(DevelopmentRegister.pipelines(view).map((p) => p.orgId), ["v1", "v20"])
    assert.deepStrictEqual(DevelopmentRegister.awaitingApprovals(view), [])
  })
})

describe("messages", () => {
  it("every development code renders in zh-CN and en", async () => {
    const { developmentMessages } = await import("../../src/development/messages.ts")
    const en = Object.keys(developmentMessages.en)
    assert.deepStrictEqual(Object.keys(developmentMessages["zh-CN"]).sort(), [...en].sort())
    for (const code of en) assert.isTrue(Messages.isTranslated(code), code)
  })
})

describe("DevelopmentRegister and LeadershipRegister as keyed read models", () => {
  const storeCodec = EventCodec.make([
    ...Organization.organizationEvents,
    ...Member.memberEvents,
    ...Development.developmentEvents,
    ...Leadership.leadershipEvents
  ])
  const storeRoutes = [Organization.treeRoute, Organization.route, Member.route, Development.route, Leadership.route]
  const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

  it.effect("the view from the rows equals the replayed view as of every date (events recorded out of date order included)", () =>
    Effect.gen(function*() {
      const history: ReadonlyArray<Command> = [
        ...path("p1", "v1", {
          dates: { applied: "2022-01-10", activist: "2022-03-01", developmentObject: "2023-03-01", vote: "2024-03-15" }
        }),
        ...approve("p1", "2024-05-20", { reportedAt: "2024-03-20" }),
        ...path("p2", "v1", { upTo: 5 }),
        {
          _tag: "RecordElection",
          orgId: "v1",
          termNo: 3,
          body: "secretary",
          mode: "nonCompetitive",
          seats: 1,
          members: [{ memberId: "v1-f1", role: "secretary" }],
          ballot: { entitled: 5, present: 5, issued: 5, collected: 5, valid: 5, invalid: 0, candidates: 1 },
          at: "2021-05-10"
        },
        { _tag: "RecordRenewalReminder", orgId: "v1", kind: "reminder", at: "2025-11-12" }
      ]
      for (const command of [...townshipCommands, ...history]) {
        const route = storeRoutes.find((r) => (r.tags as ReadonlyArray<string>).includes(command._tag))!
        yield* CommandHandler.run(route as never, command as never, policy, { context: { occurredAt: command.at } })
      }
      yield* ReadModel.catchUp(DevelopmentRegister.readModel)
      yield* ReadModel.catchUp(LeadershipRegister.readModel)
      const developments = (yield* ReadModel.loadCurrent(DevelopmentRegister.readModel)).timelines
      const leaderships = (yield* ReadModel.loadCurrent(LeadershipRegister.readModel)).timelines
      for (const date of ["2021-06-01", "2023-01-10", "2024-04-01", "2024-05-20", "2025-12-31"]) {
        const replayed = (yield* Projection.replay(DevelopmentRegister.asOf(date))).state
        assert.deepStrictEqual(asJson(DevelopmentRegister.fromTimelines(developments, date)), asJson(replayed), date)
        const history = (yield* Projection.replay(LeadershipRegister.asOf(date))).state
        assert.deepStrictEqual(asJson(LeadershipRegister.fromTimelines(leaderships, date)), asJson(history), date)
      }
      const now = DevelopmentRegister.fromTimelines(developments, "2025-12-31")
      assert.strictEqual(now.developments["p1"]?.status, "admitted")
      assert.strictEqual(now.developments["p2"]?.activistSince, "2023-03-01")
    }).pipe(Effect.provide(MemoryStore.layer({ codec: storeCodec })), Effect.provide(ReadModel.layerMemoryStore)))
})
