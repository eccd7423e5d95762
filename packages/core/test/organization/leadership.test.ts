import { assert, describe, it } from "@effect/vitest"
import { GovernancePolicy, Organization, PolicyTimeline } from "../../src/index.ts"
import type { World } from "./fixtures.ts"
import { approval, members, rejection, runAll, stateOf, township, village } from "./fixtures.ts"

const national = GovernancePolicy.national
const ruleOf = (error: { readonly code: string }) => [(error as { ruleId?: string }).ruleId, error.code]

const elect = (
  orgId: string,
  seats: number,
  yes: ReadonlyArray<number>,
  options: Partial<typeof Organization.ElectCommittee.Type> = {}
): Organization.OrganizationCommand => ({
  _tag: "ElectCommittee",
  orgId,
  body: "generalMeeting",
  seats,
  candidates: yes.map((y, i) => ({ memberId: `${orgId}-f${i + 1}`, yes: y })),
  entitled: options.entitled ?? 10,
  present: options.present ?? 9,
  ballotsIssued: options.present ?? 9,
  ballotsCollected: options.present ?? 9,
  at: "2024-05-10",
  ...options
})

const secretaryByMeeting = (
  orgId: string,
  yes: number,
  options: Partial<typeof Organization.ElectSecretary.Type> = {}
): Organization.OrganizationCommand => ({
  _tag: "ElectSecretary",
  orgId,
  electedBy: "generalMeeting",
  secretary: { memberId: `${orgId}-f1`, yes },
  deputies: [],
  entitled: 6,
  present: 6,
  at: "2024-05-10",
  ...options
})

const branch = (full: number, probationary = 0, policy: GovernancePolicy.GovernancePolicy = national): World =>
  runAll(policy, [township(), village("b", full, probationary)])

describe("Leadership: committee or secretary (R16, R17)", () => {
  it("R17: FM 6 with 3 probationary (AM 9) elects no committee", () => {
    const world = branch(6, 3)
    const error = rejection(national, world, elect("b", 3, [6, 6, 6, 6], { entitled: 6, present: 6 }))
    assert.deepStrictEqual(ruleOf(error), ["R17", "organization.branchCommitteeBelowThreshold"])
    const elected = runAll(national, [secretaryByMeeting("b", 6, { deputies: [{ memberId: "b-f2", yes: 5 }] })], world)
    assert.strictEqual(stateOf(elected, "b").leadership.pending?.secretaryId, "b-f1")
    assert.isFalse(Organization.hasCommittee(stateOf(elected, "b")))
  })

  it("R16: FM 7 must elect a committee, which then elects the secretary", () => {
    const world = branch(7)
    const error = rejection(national, world, secretaryByMeeting("b", 6, { entitled: 7, present: 7 }))
    assert.deepStrictEqual(ruleOf(error), ["R16", "organization.committeeRequired"])
    const committee = runAll(national, [elect("b", 3, [7, 6, 6, 2], { entitled: 7, present: 7 })], world)
    assert.deepStrictEqual(stateOf(committee, "b").leadership.committeeIds, ["b-f1", "b-f2", "b-f3"])
    const notMember = rejection(national, committee, {
      _tag: "ElectSecretary",
      orgId: "b",
      electedBy: "committee",
      secretary: { memberId: "b-f4", yes: 3 },
      deputies: [],
      entitled: 3,
      present: 3,
      at: "2024-05-11"
    })
    assert.deepStrictEqual(ruleOf(notMember), ["R19", "organization.notCommitteeMember"])
  })

  it("R16: a branch committee has at least 3 seats, and at most one deputy secretary", () => {
    const world = branch(9)
    assert.deepStrictEqual(ruleOf(rejection(national, world, elect("b", 2, [8, 8, 8], { entitled: 9, present: 9 }))), [
      "R16",
      "organization.committeeTooSmall"
    ])
    const committee = runAll(national, [elect("b", 3, [9, 9, 9, 1], { entitled: 9, present: 9 })], world)
    const twoDeputies = rejection(national, committee, {
      _tag: "ElectSecretary",
      orgId: "b",
      electedBy: "committee",
      secretary: { memberId: "b-f1", yes: 3 },
      deputies: [{ memberId: "b-f2", yes: 3 }, { memberId: "b-f3", yes: 3 }],
      entitled: 3,
      present: 3,
      at: "2024-05-11"
    })
    assert.deepStrictEqual(ruleOf(twoDeputies), ["R16", "organization.tooManyDeputies"])
  })

  it("R16: a committee of 7 is allowed", () => {
    const world = runAll(national, [elect("b", 7, [9, 9, 9, 9, 9, 9, 9, 1, 1], { entitled: 9, present: 9 })], branch(9))
    assert.strictEqual(stateOf(world, "b").leadership.committeeIds?.length, 7)
  })
})

describe("Elections (R19, R20, R23, R24)", () => {
  it("R23: with 10 entitled, 8 present (exactly 4/5) is invalid and 9 is valid", () => {
    const world = branch(10)
    const eight = rejection(national, world, elect("b", 3, [8, 8, 8, 8], { present: 8 }))
    assert.deepStrictEqual(ruleOf(eight), ["R23", "organization.quorumNotMet"])
    assert.strictEqual((eight as { params: Record<string, unknown> }).params["required"], 9)
    // C9: a policy reading "含五分之四" accepts 8
    const inclusive = { ...national, election: { ...national.election, quorumInclusive: true } }
    runAll(inclusive, [elect("b", 3, [8, 8, 8, 1], { present: 8 })], world)
  })

  it("R23: with 9 present a candidate with 5 yes-votes is elected and one with 4 is not", () => {
    const world = runAll(national, [elect("b", 3, [9, 5, 4, 4])], branch(10))
    assert.deepStrictEqual(stateOf(world, "b").leadership.committeeIds, ["b-f1", "b-f2"])
  })

  it("R23: with 8 present, 4 yes-votes (exactly half) fails", () => {
    // 9 entitled: 8 present is over 4/5 (7.2)
    const world = runAll(national, [elect("b", 3, [8, 5, 5, 4], { entitled: 9, present: 8 })], branch(10))
    assert.deepStrictEqual(stateOf(world, "b").leadership.committeeIds, ["b-f1", "b-f2", "b-f3"])
    const six = branch(6)
    const half = rejection(national, six, secretaryByMeeting("b", 3))
    assert.deepStrictEqual(ruleOf(half), ["R23", "organization.notElected"])
    runAll(national, [secretaryByMeeting("b", 4)], six)
  })

  it("R23: candidates tied at the last seat are all left for a new vote", () => {
    const world = runAll(national, [elect("b", 3, [9, 8, 6, 6])], branch(10))
    assert.deepStrictEqual(stateOf(world, "b").leadership.committeeIds, ["b-f1", "b-f2"])
    assert.deepStrictEqual(Organization.electedCandidates([{ memberId: "a", yes: 5 }], 3, 9), ["a"])
  })

  it("R23: nobody over half, or more ballots collected than issued, is rejected", () => {
    const world = branch(10)
    assert.deepStrictEqual(ruleOf(rejection(national, world, elect("b", 3, [4, 4, 4, 4]))), [
      "R23",
      "organization.noneElected"
    ])
    assert.deepStrictEqual(
      ruleOf(rejection(national, world, elect("b", 3, [9, 9, 9, 1], { ballotsIssued: 9, ballotsCollected: 10 }))),
      ["R23", "organization.ballotsExceedIssued"]
    )
  })

  it("R23: voters excluded from the count with approval reduce those entitled", () => {
    const world = branch(10)
    const excluded = { count: 2, approval: approval("township", "2024-05-01") }
    const result = runAll(national, [elect("b", 3, [7, 7, 7, 1], { entitled: 8, present: 7, excluded })], world)
    assert.strictEqual(stateOf(result, "b").leadership.committeeIds?.length, 3)
    assert.deepStrictEqual(
      ruleOf(rejection(national, world, elect("b", 3, [9, 9, 9, 1], { entitled: 9, present: 9, excluded }))),
      ["R20", "organization.entitledExceedsFull"]
    )
  })

  it("R24: 5 seats need 6 candidates, 3 seats need 4", () => {
    const world = branch(10)
    const five = rejection(national, world, elect("b", 5, [9, 9, 9, 9, 9]))
    assert.deepStrictEqual(ruleOf(five), ["R24", "organization.notEnoughCandidates"])
    assert.strictEqual((five as { params: Record<string, unknown> }).params["required"], 6)
    runAll(national, [elect("b", 5, [9, 9, 9, 9, 9, 1])], world)
    assert.deepStrictEqual(ruleOf(rejection(national, world, elect("b", 3, [9, 9, 9]))), [
      "R24",
      "organization.notEnoughCandidates"
    ])
    runAll(national, [elect("b", 3, [9, 9, 9, 1])], world)
    const capped = { ...national, election: { ...national.election, maxCandidatesMultiple: 2 } }
    assert.deepStrictEqual(
      ruleOf(rejection(capped, world, elect("b", 3, [9, 9, 9, 1, 1, 1, 1]))),
      ["R24", "organization.tooManyCandidates"]
    )
  })

  it("R20: only full members stand and vote", () => {
    const world = branch(9, 2)
    const probationary = {
      ...(elect("b", 3, [9, 9, 9, 1], { entitled: 9, present: 9 }) as typeof Organization.ElectCommittee.Type),
      candidates: [
        { memberId: "b-f1", yes: 9 },
        { memberId: "b-f2", yes: 9 },
        { memberId: "b-f3", yes: 9 },
        { memberId: "b-p1", yes: 1 }
      ]
    }
    assert.deepStrictEqual(ruleOf(rejection(national, world, probationary)), ["R20", "organization.notEligible"])
    assert.deepStrictEqual(
      ruleOf(rejection(national, world, elect("b", 3, [9, 9, 9, 1], { entitled: 11, present: 11 }))),
      ["R20", "organization.entitledExceedsFull"]
    )
  })

  it("R19: an elected secretary takes office once the higher organization approves", () => {
    const world = runAll(national, [
      elect("b", 3, [9, 9, 9, 1]),
      {
        _tag: "ElectSecretary",
        orgId: "b",
        electedBy: "committee",
        secretary: { memberId: "b-f1", yes: 3 },
        deputies: [{ memberId: "b-f2", yes: 2 }],
        entitled: 3,
        present: 3,
        at: "2024-05-11"
      }
    ], branch(10))
    assert.strictEqual(stateOf(world, "b").leadership.secretaryId, undefined)
    const early = rejection(national, world, {
      _tag: "ApproveSecretary",
      orgId: "b",
      approval: approval("township", "2024-05-01"),
      at: "2024-05-20"
    })
    assert.strictEqual(early.code, "organization.approvalBeforeElection")
    const approved = runAll(national, [{
      _tag: "ApproveSecretary",
      orgId: "b",
      approval: approval("township", "2024-05-20"),
      at: "2024-05-20"
    }], world)
    assert.strictEqual(stateOf(approved, "b").leadership.secretaryId, "b-f1")
    assert.deepStrictEqual(stateOf(approved, "b").leadership.deputyIds, ["b-f2"])
    assert.strictEqual(
      rejection(national, approved, { _tag: "ApproveSecretary", orgId: "b", approval: approval(), at: "2024-05-21" })
        .code,
      "organization.noPendingSecretary"
    )
  })

  it("R19: a delegate congress elects a committee from AM 500 (inclusive), with approval", () => {
    const committee = (all: number) =>
      runAll(national, [
        township(),
        village("pc", 400, all - 400, { kind: "primaryCommittee", approval: approval("county") })
      ])
    const congress = (options: Partial<typeof Organization.ElectCommittee.Type>) =>
      elect("pc", 5, [150, 150, 150, 150, 150, 10], {
        body: "delegateCongress",
        entitled: 200,
        present: 190,
        ...options
      })
    assert.deepStrictEqual(
      ruleOf(rejection(national, committee(499), congress({ approval: approval("township", "2024-05-01") }))),
      ["R19", "organization.delegateCongressBelowThreshold"]
    )
    assert.deepStrictEqual(ruleOf(rejection(national, committee(500), congress({}))), [
      "R19",
      "organization.delegateCongressNeedsApproval"
    ])
    runAll(national, [congress({ approval: approval("township", "2024-05-01") })], committee(500))
    runAll(national, [congress({ approval: approval("township", "2024-05-01"), dispersed: true })], committee(499))
    assert.deepStrictEqual(
      ruleOf(
        rejection(national, branch(10), elect("b", 3, [9, 9, 9, 1], { body: "delegateCongress", approval: approval() }))
      ),
      ["R19", "organization.delegateCongressNotForKind"]
    )
  })

  it("R9: a temporary branch holds no elections; its leadership is appointed", () => {
    const world = runAll(national, [
      township(),
      {
        _tag: "EstablishOrganization",
        orgId: "t",
        name: "Works",
        kind: "temporaryBranch",
        formation: "standalone",
        locus: "project",
        parentId: "town",
        approval: approval(),
        initialMembers: [],
        hostBodyId: "hq",
        at: "2024-01-01"
      }
    ])
    assert.deepStrictEqual(ruleOf(rejection(national, world, elect("t", 3, [1, 1, 1, 1]))), [
      "R9",
      "organization.temporaryBranchNoElection"
    ])
    const appointed = runAll(national, [{
      _tag: "AppointLeadership",
      orgId: "t",
      secretaryId: "m-home-1",
      deputyIds: ["m-home-2"],
      committeeIds: ["m-home-1", "m-home-2", "m-home-3"],
      approval: approval(),
      at: "2024-02-01"
    }], world)
    assert.strictEqual(stateOf(appointed, "t").leadership.secretaryId, "m-home-1")
  })
})

describe("Terms (R21, R22, C1, C13)", () => {
  const elected = (
    policy: GovernancePolicy.GovernancePolicy | PolicyTimeline.PolicyTimeline,
    at: string,
    locus: Organization.Locus = "village"
  ) =>
    runAll(policy, [
      township("town", "2010-01-01"),
      village("b", 10, 0, { at: "2010-01-01", approval: approval("township", "2010-01-01"), locus }),
      elect("b", 3, [9, 9, 9, 1], { at })
    ])

  it("R21: a village branch elected 2021-05-10 serves until 2026-05-10", () => {
    const state = stateOf(elected(national, "2021-05-10"), "b")
    assert.strictEqual(Organization.termEnd(state), "2026-05-10")
    assert.strictEqual(state.term?.years, 5)
  })

  it("C1: the same election under the S001 preset ends after 3 years", () => {
    assert.strictEqual(
      Organization.termEnd(stateOf(elected(GovernancePolicy.s001Village, "2021-05-10"), "b")),
      "2024-05-10"
    )
    // other (non-village) branches serve 3 years nationally
    assert.strictEqual(Organization.termEnd(stateOf(elected(national, "2021-05-10", "enterprise"), "b")), "2024-05-10")
  })

  it("C13: a history replayed with pre-2018 dates keeps the terms of its time", () => {
    const timeline = PolicyTimeline.national
    assert.strictEqual(Organization.termEnd(stateOf(elected(timeline, "2016-05-10"), "b")), "2019-05-10")
    assert.strictEqual(Organization.termEnd(stateOf(elected(timeline, "2019-05-10"), "b")), "2024-05-10")
  })

  it("R22: an extension of up to 12 months with approval; longer only when exceptional", () => {
    const world = elected(national, "2021-05-10")
    const extend = (months: number, exceptional?: boolean): Organization.OrganizationCommand => ({
      _tag: "ExtendTerm",
      orgId: "b",
      months,
      approval: approval("township", "2026-03-01"),
      ...(exceptional === undefined ? {} : { exceptional }),
      at: "2026-03-01"
    })
    assert.strictEqual(Organization.termEnd(stateOf(runAll(national, [extend(12)], world), "b")), "2027-05-10")
    assert.deepStrictEqual(ruleOf(rejection(national, world, extend(13))), ["R22", "organization.extensionTooLong"])
    assert.strictEqual(Organization.termEnd(stateOf(runAll(national, [extend(13, true)], world), "b")), "2027-06-10")
    assert.strictEqual(rejection(national, branch(3), extend(6)).code, "organization.noTerm")
  })
})

describe("General meetings (R25)", () => {
  const vote = (present: number, yes: number): Organization.OrganizationCommand => ({
    _tag: "RecordGeneralMeetingVote",
    orgId: "b",
    matter: "motion-1",
    entitled: 20,
    present,
    yes,
    at: "2024-06-01"
  })
  const lastVote = (world: World) =>
    world.log[world.log.length - 1]!.event as typeof Organization.GeneralMeetingVoteRecorded.Type

  it("R25: with 20 entitled a meeting needs 11 present", () => {
    const world = branch(20)
    assert.deepStrictEqual(ruleOf(rejection(national, world, vote(10, 10))), [
      "R25",
      "organization.meetingQuorumNotMet"
    ])
    assert.isFalse(lastVote(runAll(national, [vote(11, 10)], world)).passed)
  })

  it("R25: a motion passes with 11 yes-votes even if only 12 attend (the denominator is those entitled)", () => {
    const world = branch(20)
    assert.isTrue(lastVote(runAll(national, [vote(12, 11)], world)).passed)
    assert.isFalse(lastVote(runAll(national, [vote(20, 10)], world)).passed)
  })

  it("R20: those entitled to vote cannot exceed the full members", () => {
    assert.deepStrictEqual(ruleOf(rejection(national, branch(19, 1), vote(12, 11))), [
      "R20",
      "organization.entitledExceedsFull"
    ])
  })
})

describe("Party groups and hub households (R12, R13)", () => {
  it("R12: a party group belongs to a branch and divides its members; a probationary member does not lead it", () => {
    const world = branch(5, 1)
    const form = (leaderId: string, memberIds: ReadonlyArray<string>): Organization.OrganizationCommand => ({
      _tag: "FormPartyGroup",
      orgId: "b",
      groupId: "g1",
      groupType: "retired",
      leaderId,
      memberIds,
      at: "2024-02-01"
    })
    assert.deepStrictEqual(ruleOf(rejection(national, world, form("b-p1", ["b-p1", "b-f1", "b-f2"]))), [
      "R12",
      "organization.probationaryGroupLeader"
    ])
    assert.strictEqual(rejection(national, world, form("b-f1", ["b-f1", "stranger"])).code, "organization.notOnRoster")
    const grouped = runAll(national, [form("b-f1", ["b-f1", "b-f2", "b-p1"])], world)
    assert.strictEqual(
      rejection(national, grouped, {
        ...(form("b-f3", ["b-f3", "b-f1"]) as typeof Organization.FormPartyGroup.Type),
        groupId: "g2"
      }).code,
      "organization.alreadyInGroup"
    )
    const general = runAll(national, [township(), village("gb", 60), {
      _tag: "UpgradeOrganization",
      orgId: "gb",
      to: "generalBranch",
      approval: approval("township", "2024-02-01"),
      at: "2024-02-01"
    }])
    assert.deepStrictEqual(
      ruleOf(
        rejection(national, general, {
          ...(form("gb-f1", ["gb-f1"]) as typeof Organization.FormPartyGroup.Type),
          orgId: "gb"
        })
      ),
      ["R12", "organization.groupNeedsBranch"]
    )
  })

  it("R13: a hub household is a member household of its group", () => {
    const world = runAll(national, [
      {
        _tag: "FormPartyGroup",
        orgId: "b",
        groupId: "g1",
        groupType: "general",
        memberIds: ["b-f1", "b-f2", "b-f3"],
        at: "2024-02-01"
      }
    ], branch(5))
    const hub = (memberId: string): Organization.OrganizationCommand => ({
      _tag: "DesignateHubHousehold",
      orgId: "b",
      groupId: "g1",
      hubId: "h1",
      memberId,
      linkedHouseholds: 10,
      at: "2024-03-01"
    })
    assert.deepStrictEqual(ruleOf(rejection(national, world, hub("b-f4"))), ["R13", "organization.hubNotInGroup"])
    const designated = runAll(national, [hub("b-f2")], world)
    assert.deepStrictEqual(stateOf(designated, "b").groups["g1"]!.hubs, {
      h1: { memberId: "b-f2", linkedHouseholds: 10 }
    })
    const revoked = runAll(national, [{
      _tag: "RevokeHubHousehold",
      orgId: "b",
      groupId: "g1",
      hubId: "h1",
      at: "2024-04-01"
    }], designated)
    assert.deepStrictEqual(stateOf(revoked, "b").groups["g1"]!.hubs, {})
  })
})

describe("Decider", () => {
  it("judges each command by the policy in force on its date and rejects a command for another stream", () => {
    const world = branch(10)
    const decider = Organization.decider(PolicyTimeline.national)
    const wrong = decider.decide(elect("other", 3, [9, 9, 9, 1]), stateOf(world, "b"))
    assert.isTrue(wrong._tag === "Failure" && wrong.failure.code === "organization.wrongStream")
    assert.strictEqual(decider.initialState, Organization.initialState)
    assert.deepStrictEqual(members("x", 1, 1).map((m) => m.status), ["full", "probationary"])
  })
})
