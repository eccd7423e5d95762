// Points and duty posts (R52, R53): the scheme as data, entries, publication monthly or quarterly, the ledger
// and ranking as queries, low scores as notices only (C14), and duty posts by party group with the share of
// members without office on a post; against the pure decisions.
import { assert, describe, it } from "@effect/vitest"
import { Result } from "effect"
import { Messages } from "../../src/index.ts"
import type * as Member from "../../src/member/Member.ts"
import * as Points from "../../src/points/Points.ts"
import * as PointsRegister from "../../src/points/projections/PointsRegister.ts"
import type { World } from "../member/fixtures.ts"
import { fromOrgWorld, runAllMembers } from "../member/fixtures.ts"
import { runAll, township, village } from "../organization/fixtures.ts"
import { baseWorld, define, play, policy, publish, record, rejection, ruleOf, scheme } from "./fixtures.ts"

const world = baseWorld()
const defined = play(world, [define()])

const viewOf = (state: Points.PointsState, orgs: World["orgs"] = {}): PointsRegister.RegisterView => ({
  ledgers: { [state.orgId]: state },
  orgs
})

describe("Points: the stream and the periods", () => {
  it("streamId is points-<orgId>", () => {
    assert.strictEqual(Points.streamId("v1"), "points-v1")
    assert.strictEqual(Points.pointsOrgIdOf("points-v1"), "v1")
    assert.strictEqual(Points.pointsOrgIdOf("member-v1"), undefined)
  })

  it("R52: periods are months or quarters of the civil calendar", () => {
    assert.strictEqual(Points.periodOf("2024-03-31", "quarterly"), "2024-Q1")
    assert.strictEqual(Points.periodOf("2024-04-01", "quarterly"), "2024-Q2")
    assert.strictEqual(Points.periodOf("2024-12-31", "monthly"), "2024-12")
    assert.strictEqual(Points.periodEnd("2024-02"), "2024-02-29")
    assert.strictEqual(Points.periodEnd("2023-02"), "2023-02-28")
    assert.strictEqual(Points.periodEnd("2024-Q4"), "2024-12-31")
    assert.strictEqual(Points.periodStart("2024-Q3"), "2024-07-01")
    assert.strictEqual(Points.nextPeriod("2024-Q4"), "2025-Q1")
    assert.strictEqual(Points.nextPeriod("2024-12"), "2025-01")
  })

  it("the single-stream decider sees no organization; a command built without the Schema is a typed rejection", () => {
    const decided = Points.decider(policy).decide(define(), Points.initialState)
    assert.strictEqual(Result.isFailure(decided) ? decided.failure.code : undefined, "domain.notFound")
    const unknown = Points.decide(policy, { _tag: "Nonsense", orgId: "v1", at: "2024-01-01" } as never, {
      points: defined
    })
    assert.strictEqual(Result.isFailure(unknown) ? unknown.failure.code : undefined, "domain.unknownCommand")
  })
})

describe("R52: the points scheme is data, defined by command per organization", () => {
  it("R52: a scheme names each item once; redefining it is from a later date; the same scheme again is nothing to do", () => {
    assert.strictEqual(defined.scheme?.baseScore, 100)
    const twice = { ...scheme(), items: [...scheme().items, scheme().items[0]!] }
    assert.strictEqual(
      rejection(world, Points.initialState, {
        _tag: "DefinePointsScheme",
        orgId: "v1",
        scheme: twice,
        at: "2024-01-01"
      }).code,
      "points.duplicateItem"
    )
    assert.strictEqual(play(world, [define()], policy, defined), defined)
    const march = play(world, [define("2024-03-01")])
    assert.strictEqual(rejection(world, march, define("2024-02-29", "monthly")).code, "domain.dateBeforeLast")
    assert.strictEqual(play(world, [define("2024-07-01", "monthly")], policy, defined).scheme?.publication, "monthly")
    assert.strictEqual(
      rejection(world, Points.initialState, define("2024-01-01", "quarterly", "nowhere")).code,
      "domain.notFound"
    )
  })

  it("R52: points are recorded for a member of the organization under an item, signed by its direction", () => {
    const state = play(
      world,
      [record("e1", "v1-f1", "absent-org-life", "2024-02-10"), record("e2", "v1-f1", "volunteer", "2024-02-11")],
      policy,
      defined
    )
    assert.deepStrictEqual(Points.liveEntries(state).map((e) => [e.entryId, e.points, e.period]), [
      ["e1", -20, "2024-Q1"],
      ["e2", 5, "2024-Q1"]
    ])
    assert.strictEqual(
      rejection(world, Points.initialState, record("e1", "v1-f1", "volunteer", "2024-02-10")).code,
      "points.noScheme"
    )
    assert.strictEqual(
      rejection(world, defined, record("e1", "v1-f1", "nothing", "2024-02-10")).code,
      "points.unknownItem"
    )
    assert.strictEqual(
      rejection(world, defined, record("e1", "v2-f1", "volunteer", "2024-02-10")).code,
      "points.notMemberOfOrg"
    )
    assert.strictEqual(
      rejection(world, defined, record("e1", "nobody", "volunteer", "2024-02-10")).code,
      "member.notActive"
    )
    // the same entry again is nothing to do; another entry under its id is rejected
    assert.strictEqual(play(world, [record("e1", "v1-f1", "absent-org-life", "2024-02-10")], policy, state), state)
    assert.strictEqual(
      rejection(world, state, record("e1", "v1-f2", "volunteer", "2024-02-10")).code,
      "domain.alreadyExists"
    )
  })

  it("R52: an item counts at most maxPerPeriod times per member and period (2 accepted, the 3rd rejected, the next period again)", () => {
    const two = play(
      world,
      [record("e1", "v1-f1", "volunteer", "2024-02-10"), record("e2", "v1-f1", "volunteer", "2024-03-10")],
      policy,
      defined
    )
    const error = rejection(world, two, record("e3", "v1-f1", "volunteer", "2024-03-31"))
    assert.deepStrictEqual(ruleOf(error), ["R52", "points.itemLimitReached"])
    assert.strictEqual(Messages.render(error, "zh-CN"), "项目 volunteer 每期最多计 2 次;党员 v1-f1 在 2024-Q1 已达上限")
    // a revoked entry does not count; the next period starts afresh
    const revoked = play(
      world,
      [{ _tag: "RevokePointsEntry", orgId: "v1", entryId: "e2", reason: "recordingError", at: "2024-03-20" }],
      policy,
      two
    )
    assert.strictEqual(
      play(world, [record("e3", "v1-f1", "volunteer", "2024-03-31")], policy, revoked).entries["e3"]?.points,
      5
    )
    assert.strictEqual(
      play(world, [record("e3", "v1-f1", "volunteer", "2024-04-01")], policy, two).entries["e3"]?.period,
      "2024-Q2"
    )
  })

  it("R52: a quarter is published from its last day (2024-03-30 rejected, 2024-03-31 accepted); then its entries are final", () => {
    const state = play(world, [record("e1", "v1-f1", "volunteer", "2024-02-10")], policy, defined)
    assert.strictEqual(rejection(world, state, publish("2024-Q1", "2024-03-30")).code, "points.periodNotEnded")
    assert.strictEqual(rejection(world, state, publish("2024-03", "2024-04-30")).code, "points.periodMismatch")
    const published = play(world, [publish("2024-Q1", "2024-03-31")], policy, state)
    assert.isTrue(Points.isPublished(published, "2024-Q1"))
    assert.strictEqual(play(world, [publish("2024-Q1", "2024-04-02")], policy, published), published)
    assert.strictEqual(
      rejection(world, published, record("e2", "v1-f2", "volunteer", "2024-03-31")).code,
      "points.periodPublished"
    )
    assert.strictEqual(
      rejection(world, published, {
        _tag: "RevokePointsEntry",
        orgId: "v1",
        entryId: "e1",
        reason: "appeal",
        at: "2024-04-02"
      }).code,
      "points.periodPublished"
    )
    // entries of the next quarter are still open
    assert.isDefined(play(world, [record("e2", "v1-f2", "volunteer", "2024-04-01")], policy, published).entries["e2"])
  })
})

describe("R52: the ledger and the ranking are queries", () => {
  const state = play(
    world,
    [
      record("a1", "v1-f1", "absent-org-life", "2024-02-01"),
      record("a2", "v1-f2", "volunteer", "2024-02-01"),
      record("a3", "v1-f3", "volunteer", "2024-02-01"),
      record("a4", "v1-f4", "dues-late", "2024-02-01"),
      record("b1", "v1-f1", "volunteer", "2024-05-01")
    ],
    policy,
    defined
  )

  it("a period's ledger: the period's points and the year-to-date score on the base of 100", () => {
    assert.deepStrictEqual(PointsRegister.ledger(viewOf(state), "v1", "2024-Q1"), [
      { memberId: "v1-f1", periodPoints: -20, score: 80 },
      { memberId: "v1-f2", periodPoints: 5, score: 105 },
      { memberId: "v1-f3", periodPoints: 5, score: 105 },
      { memberId: "v1-f4", periodPoints: -15, score: 85 }
    ])
    assert.deepStrictEqual(PointsRegister.ledger(viewOf(state), "v1", "2024-Q2")[0], {
      memberId: "v1-f1",
      periodPoints: 5,
      score: 85
    })
    assert.deepStrictEqual(PointsRegister.ledger(viewOf(state), "v2", "2024-Q1"), [])
  })

  it("the ranking: highest score first, ties share a rank and the next rank skips (1, 1, 3, 4)", () => {
    assert.deepStrictEqual(PointsRegister.ranking(viewOf(state), "v1", "2024-Q1").map((l) => [l.memberId, l.rank]), [
      ["v1-f2", 1],
      ["v1-f3", 1],
      ["v1-f4", 3],
      ["v1-f1", 4]
    ])
  })
})

describe("R52: findings, never a status change (C14)", () => {
  it("R52: a quarter unpublished 15 days after its end is a warning from the 16th day (due 2024-04-15)", () => {
    const at = (asOf: string) => Points.assess(viewOf(defined), policy, asOf)
    assert.deepStrictEqual(at("2024-04-15"), [])
    assert.deepStrictEqual(at("2024-04-16"), [{
      ruleId: "R52",
      severity: "warning",
      subject: { kind: "organization", id: "v1" },
      due: "2024-04-15",
      code: "points.finding.unpublished",
      params: { orgId: "v1", period: "2024-Q1", due: "2024-04-15", periods: 1 }
    }])
    assert.strictEqual(at("2024-10-16")[0]?.params["periods"], 3)
    const published = play(world, [publish("2024-Q1", "2024-04-15")], policy, defined)
    assert.deepStrictEqual(Points.assess(viewOf(published), policy, "2024-04-16"), [])
  })

  it("R52 → R39/R63: below 60 in the latest published period is a notice (60 exactly is not)", () => {
    const state = play(
      world,
      [
        record("a1", "v1-f1", "absent-org-life", "2024-01-10"),
        record("a2", "v1-f1", "absent-org-life", "2024-02-10"),
        record("a3", "v1-f2", "absent-org-life", "2024-01-10"),
        record("a4", "v1-f2", "absent-org-life", "2024-02-10"),
        record("a5", "v1-f2", "absent-org-life", "2024-03-10"),
        publish("2024-Q1", "2024-04-01")
      ],
      policy,
      defined
    )
    const found = Points.assess(viewOf(state), policy, "2024-04-02")
    assert.deepStrictEqual(found, [{
      ruleId: "R52",
      severity: "notice",
      subject: { kind: "member", id: "v1-f2" },
      code: "points.finding.belowThreshold",
      params: { orgId: "v1", memberId: "v1-f2", period: "2024-Q1", score: 40, threshold: 60 }
    }])
  })

  it("R52 → R37 (C14): a probationary member below 85 for the year is a notice for the conversion discussion (85 is not)", () => {
    const quarters = (["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"] as const).map((q, i) =>
      publish(q, ["2024-04-01", "2024-07-01", "2024-10-01", "2025-01-02"][i]!)
    )
    const below = play(world, [record("p1", "v1-p1", "absent-org-life", "2024-05-10"), ...quarters], policy, defined)
    assert.deepStrictEqual(
      Points.assess(viewOf(below), policy, "2025-01-03").map((
        f
      ) => [f.code, f.subject.id, f.params["score"], f.params["year"]]),
      [["points.finding.probationaryBelow", "v1-p1", 80, 2024]]
    )
    const exactly = play(world, [record("p1", "v1-p1", "dues-late", "2024-05-10"), ...quarters], policy, defined)
    assert.deepStrictEqual(Points.assess(viewOf(exactly), policy, "2025-01-03"), [])
    // a full member's 80 raises nothing yearly (and is above the period notice's 60)
    const full = play(world, [record("f1", "v1-f1", "absent-org-life", "2024-05-10"), ...quarters], policy, defined)
    assert.deepStrictEqual(Points.assess(viewOf(full), policy, "2025-01-03"), [])
  })
})

describe("R53: duty posts by party group, and members without office on a post", () => {
  const posts: World = runAllMembers(
    fromOrgWorld(runAll(policy, [
      township(),
      village("v2", 4),
      {
        _tag: "FormPartyGroup",
        orgId: "v2",
        groupId: "g1",
        groupType: "general",
        leaderId: "v2-f1",
        memberIds: ["v2-f1", "v2-f2", "v2-f3"],
        at: "2024-02-01"
      }
    ])),
    ["v2-f1", "v2-f2", "v2-f3", "v2-f4"].map((memberId): Member.MemberCommand => ({
      _tag: "RegisterMember",
      memberId,
      orgId: "v2",
      status: "full",
      at: "2024-01-01"
    }))
  )
  const establish = (postId: string, groupId?: string): Points.PointsCommand => ({
    _tag: "EstablishDutyPost",
    orgId: "v2",
    postId,
    kind: "policyPublicity",
    ...(groupId === undefined ? {} : { groupId }),
    areaId: "zone-east",
    at: "2024-03-01"
  })
  const assign = (postId: string, memberId: string): Points.PointsCommand => ({
    _tag: "AssignDutyPost",
    orgId: "v2",
    postId,
    memberId,
    at: "2024-03-02"
  })
  const byGroup = { ...policy, points: { ...policy.points, postsByPartyGroup: true } }

  it("R53: a post names a party group of the organization; under postsByPartyGroup it must, and its holders are the group's", () => {
    assert.strictEqual(rejection(posts, Points.initialState, establish("p1", "g9")).code, "points.unknownGroup")
    assert.deepStrictEqual(ruleOf(rejection(posts, Points.initialState, establish("p1"), byGroup)), [
      "R53",
      "points.postNeedsGroup"
    ])
    const state = play(posts, [establish("p1", "g1")], byGroup)
    assert.deepStrictEqual(ruleOf(rejection(posts, state, assign("p1", "v2-f4"), byGroup)), [
      "R53",
      "points.notInGroup"
    ])
    assert.deepStrictEqual(play(posts, [assign("p1", "v2-f2")], byGroup, state).posts["p1"]?.holderIds, ["v2-f2"])
    // without the policy any member of the organization may take it
    assert.deepStrictEqual(play(posts, [assign("p1", "v2-f4")], policy, state).posts["p1"]?.holderIds, ["v2-f4"])
    assert.strictEqual(rejection(posts, state, assign("p1", "v1-f1")).code, "member.notActive")
  })

  it("R53: members take and leave posts; an abolished post has no holders", () => {
    const state = play(posts, [establish("p1"), assign("p1", "v2-f2"), assign("p1", "v2-f3")])
    assert.deepStrictEqual(Points.postHolders(state), ["v2-f2", "v2-f3"])
    const released = play(
      posts,
      [{ _tag: "ReleaseDutyPost", orgId: "v2", postId: "p1", memberId: "v2-f2", at: "2024-05-01" }],
      policy,
      state
    )
    assert.deepStrictEqual(Points.postHolders(released), ["v2-f3"])
    assert.strictEqual(
      rejection(posts, released, {
        _tag: "ReleaseDutyPost",
        orgId: "v2",
        postId: "p1",
        memberId: "v2-f2",
        at: "2024-05-02"
      }).code,
      "points.notHolder"
    )
    const abolished = play(
      posts,
      [{ _tag: "AbolishDutyPost", orgId: "v2", postId: "p1", at: "2024-06-01" }],
      policy,
      released
    )
    assert.deepStrictEqual(Points.postHolders(abolished), [])
    assert.strictEqual(rejection(posts, abolished, assign("p1", "v2-f2")).code, "domain.closed")
    assert.strictEqual(rejection(posts, abolished, establish("p1")).code, "domain.alreadyExists")
  })

  it("R53: members without office exclude the secretary, deputies, committee and group leaders", () => {
    assert.deepStrictEqual(PointsRegister.membersWithoutOffice(posts.orgs["v2"]!), ["v2-f2", "v2-f3", "v2-f4"])
  })

  it("R53: with a minimum share of 1/2, 1 of 3 members without office on a post is a warning; 2 of 3 is not", () => {
    const half = { ...policy, points: { ...policy.points, dutyPostMinShare: { num: 1, den: 2 } } }
    const one = play(posts, [establish("p1"), assign("p1", "v2-f2"), assign("p1", "v2-f1")])
    const found = Points.assess(viewOf(one, posts.orgs), half, "2024-04-01")
    assert.deepStrictEqual(found, [{
      ruleId: "R53",
      severity: "warning",
      subject: { kind: "organization", id: "v2" },
      code: "points.finding.dutyPostShareLow",
      params: { orgId: "v2", holding: 1, withoutOffice: 3, required: 2 }
    }])
    const two = play(posts, [assign("p1", "v2-f3")], policy, one)
    assert.deepStrictEqual(Points.assess(viewOf(two, posts.orgs), half, "2024-04-01"), [])
    // exactly at the share is enough: 2 of 3 against 2/3 (3 × 2 = 2 × 3); 1 of 3 is not
    const twoThirds = { ...policy, points: { ...policy.points, dutyPostMinShare: { num: 2, den: 3 } } }
    assert.deepStrictEqual(Points.assess(viewOf(two, posts.orgs), twoThirds, "2024-04-01"), [])
    assert.strictEqual(Points.assess(viewOf(one, posts.orgs), twoThirds, "2024-04-01")[0]?.params["required"], 2)
    // the national default sets no share (the seed's figure is masked)
    assert.deepStrictEqual(Points.assess(viewOf(one, posts.orgs), policy, "2024-04-01"), [])
  })
})
