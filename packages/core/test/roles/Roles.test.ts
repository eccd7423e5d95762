// Roles (R54, R56, R57): first secretaries sent to villages and communities with their terms, units without
// members with their Party-building instructors, and the staffing of resettlement sites as data; against the
// pure decisions.
import { assert, describe, it } from "@effect/vitest"
import { Result } from "effect"
import { Messages } from "../../src/index.ts"
import type { OrganizationState } from "../../src/organization/state.ts"
import * as RolesRegister from "../../src/roles/projections/RolesRegister.ts"
import * as Roles from "../../src/roles/Roles.ts"
import type { DomainError } from "../../src/rules/RuleViolation.ts"
import { policy } from "../member/fixtures.ts"
import { runAll, township, village } from "../organization/fixtures.ts"

const orgs = runAll(policy, [
  township(),
  village("v1", 5),
  village("c1", 3, 0, { locus: "community" }),
  village("e1", 3, 0, { locus: "enterprise" })
]).states

const orgOf = (orgId: string): OrganizationState | undefined => orgs[orgId]

const decideIn = (state: Roles.RolesState, command: Roles.RolesCommand, policies = policy) => {
  const village = Roles.requiredVillage(command)
  return Roles.decide(policies, command, {
    roles: state,
    org: orgOf(command.orgId),
    village: village === undefined ? undefined : orgOf(village)
  })
}

const play = (commands: ReadonlyArray<Roles.RolesCommand>, from: Roles.RolesState = Roles.initialState) => {
  let state = from
  for (const command of commands) {
    const decided = decideIn(state, command)
    if (Result.isFailure(decided)) throw new Error(`${command._tag} rejected: ${decided.failure.message}`)
    state = decided.success.reduce(Roles.evolve, state)
  }
  return state
}

const rejection = (state: Roles.RolesState, command: Roles.RolesCommand): DomainError => {
  const decided = decideIn(state, command)
  if (Result.isSuccess(decided)) throw new Error(`${command._tag} was accepted`)
  return decided.failure
}

const ruleOf = (error: DomainError) => [error._tag === "RuleViolation" ? error.ruleId : undefined, error.code]

const appoint = (
  appointmentId: string,
  villageOrgId = "v1",
  from = "2024-03-01",
  until = "2026-02-28"
): Roles.RolesCommand => ({
  _tag: "AppointFirstSecretary",
  orgId: "town",
  appointmentId,
  villageOrgId,
  appointeeId: `cadre-${appointmentId}`,
  dispatchedBy: "county-bureau",
  from,
  until,
  at: from
})

const viewOf = (state: Roles.RolesState): RolesRegister.RegisterView => ({ roles: { town: state }, orgs })

describe("Roles: the stream", () => {
  it("streamId is roles-<orgId>", () => {
    assert.strictEqual(Roles.streamId("town"), "roles-town")
    assert.strictEqual(Roles.rolesOrgIdOf("roles-town"), "town")
    assert.strictEqual(Roles.rolesOrgIdOf("points-town"), undefined)
  })

  it("the single-stream decider sees no organization; a command built without the Schema is a typed rejection", () => {
    const decided = Roles.decider(policy).decide(appoint("a1"), Roles.initialState)
    assert.strictEqual(Result.isFailure(decided) ? decided.failure.code : undefined, "domain.notFound")
    const unknown = Roles.decide(policy, { _tag: "Nonsense", orgId: "town", at: "2024-01-01" } as never, {
      roles: Roles.initialState
    })
    assert.strictEqual(Result.isFailure(unknown) ? unknown.failure.code : undefined, "domain.unknownCommand")
  })
})

describe("R57: first secretaries (第一书记)", () => {
  it("R57: a first secretary is sent to a village or community organization for a term", () => {
    const state = play([appoint("a1"), appoint("a2", "c1")])
    assert.strictEqual(RolesRegister.firstSecretaryOf(viewOf(state), "v1", "2024-03-01")?.appointmentId, "a1")
    assert.strictEqual(RolesRegister.firstSecretaryOf(viewOf(state), "v1", "2024-02-29"), undefined)
    const error = rejection(Roles.initialState, appoint("a3", "e1"))
    assert.deepStrictEqual(ruleOf(error), ["R57", "roles.notVillageOrCommunity"])
    assert.strictEqual(Messages.render(error, "zh-CN"), "第一书记应选派到村或社区党组织;e1 不是村或社区党组织")
    assert.strictEqual(rejection(Roles.initialState, appoint("a3", "nowhere")).code, "domain.notFound")
    assert.strictEqual(
      rejection(Roles.initialState, appoint("a3", "v1", "2024-03-01", "2024-03-01")).code,
      "roles.termEndsBeforeStart"
    )
  })

  it("R57: one first secretary of a village at a time: an overlapping term is rejected; after a recall it is not", () => {
    const state = play([appoint("a1")])
    assert.deepStrictEqual(ruleOf(rejection(state, appoint("a2", "v1", "2026-02-28", "2028-02-28"))), [
      "R57",
      "roles.firstSecretaryOverlap"
    ])
    assert.strictEqual(
      play([appoint("a2", "v1", "2026-03-01", "2028-02-28")], state).firstSecretaries["a2"]?.from,
      "2026-03-01"
    )
    const recalled = play(
      [{ _tag: "RecallFirstSecretary", orgId: "town", appointmentId: "a1", at: "2025-01-10" }],
      state
    )
    assert.strictEqual(
      play([appoint("a2", "v1", "2025-01-10", "2027-01-09")], recalled).firstSecretaries["a2"]?.villageOrgId,
      "v1"
    )
    assert.strictEqual(
      rejection(recalled, appoint("a2", "v1", "2025-01-09", "2027-01-09")).code,
      "roles.firstSecretaryOverlap"
    )
    // the same appointment again is nothing to do; another one under its id is rejected
    assert.strictEqual(play([appoint("a1")], state), state)
    assert.strictEqual(rejection(state, appoint("a1", "c1")).code, "domain.alreadyExists")
  })

  it("R57: a term that ends without a recall or extension is a warning from the day after (due the last day)", () => {
    const state = play([appoint("a1")])
    const at = (asOf: string, s = state) => Roles.assess(viewOf(s), policy, asOf).filter((f) => f.ruleId === "R57")
    assert.deepStrictEqual(at("2026-02-28").map((f) => [f.severity, f.code]), [[
      "notice",
      "roles.finding.firstSecretaryTermEnding"
    ]])
    assert.deepStrictEqual(at("2026-03-01"), [{
      ruleId: "R57",
      severity: "warning",
      subject: { kind: "organization", id: "v1" },
      due: "2026-02-28",
      code: "roles.finding.firstSecretaryTermLapsed",
      params: { orgId: "v1", appointmentId: "a1", until: "2026-02-28" }
    }])
    // 30 days before the end it is reported as ending; 31 days before, not
    assert.strictEqual(at("2026-01-29").length, 1)
    assert.strictEqual(at("2026-01-28").length, 0)
    const extended = play([{
      _tag: "ExtendFirstSecretaryTerm",
      orgId: "town",
      appointmentId: "a1",
      until: "2027-02-28",
      at: "2026-02-01"
    }], state)
    assert.deepStrictEqual(at("2026-03-01", extended), [])
    assert.strictEqual(
      rejection(extended, {
        _tag: "ExtendFirstSecretaryTerm",
        orgId: "town",
        appointmentId: "a1",
        until: "2026-12-31",
        at: "2026-02-02"
      }).code,
      "roles.extensionNotLater"
    )
    const recalled = play(
      [{ _tag: "RecallFirstSecretary", orgId: "town", appointmentId: "a1", at: "2026-02-28" }],
      state
    )
    assert.deepStrictEqual(at("2026-03-01", recalled), [])
  })

  it("R57 CONF: full coverage, when the policy asks for it, is a warning for each village or community without one", () => {
    const coverage = { ...policy, roles: { ...policy.roles, firstSecretaryCoverage: true } }
    const state = play([appoint("a1")])
    const found = Roles.assess(viewOf(state), coverage, "2024-06-01").filter((f) =>
      f.code === "roles.finding.noFirstSecretary"
    )
    // v1 is covered; c1 (community) is not; e1 (enterprise) and the township are not villages or communities
    assert.deepStrictEqual(found.map((f) => f.subject.id), ["c1"])
    assert.deepStrictEqual(Roles.assess(viewOf(state), policy, "2024-06-01"), [])
  })
})

describe("R54: Party-building instructors for units without members", () => {
  const unit = (unitId: string): Roles.RolesCommand => ({
    _tag: "RegisterUnitWithoutMembers",
    orgId: "town",
    unitId,
    unitType: "privateEnterprise",
    at: "2024-02-01"
  })
  const instruct = (appointmentId: string, unitIds: ReadonlyArray<string>, until?: string): Roles.RolesCommand => ({
    _tag: "AppointInstructor",
    orgId: "town",
    appointmentId,
    instructorId: `instructor-${appointmentId}`,
    unitIds,
    from: "2024-03-01",
    ...(until === undefined ? {} : { until }),
    at: "2024-03-01"
  })

  it("R54: a unit without members and without an instructor is a notice (可以委派: may); an instructor clears it", () => {
    const registered = play([unit("u1"), unit("u2")])
    const notices = (state: Roles.RolesState, asOf = "2024-03-01") =>
      Roles.assess(viewOf(state), policy, asOf).filter((f) => f.ruleId === "R54")
    assert.deepStrictEqual(notices(registered).map((f) => [f.severity, f.subject]), [
      ["notice", { kind: "unit", id: "u1" }],
      ["notice", { kind: "unit", id: "u2" }]
    ])
    const instructed = play([instruct("i1", ["u1"])], registered)
    assert.deepStrictEqual(notices(instructed).map((f) => f.subject.id), ["u2"])
    // before the instructor's first day the unit has none
    assert.strictEqual(notices(instructed, "2024-02-29").length, 2)
    const off = { ...policy, roles: { ...policy.roles, instructorForUnitsWithoutMembers: false } }
    assert.deepStrictEqual(Roles.assess(viewOf(registered), off, "2024-03-01"), [])
    // a unit that got members leaves the register
    const closed = play([{
      _tag: "CloseUnitWithoutMembers",
      orgId: "town",
      unitId: "u2",
      reason: "membersJoined",
      at: "2024-04-01"
    }], instructed)
    assert.deepStrictEqual(notices(closed, "2024-04-01"), [])
  })

  it("R54: an instructor is sent to registered units without members only", () => {
    const registered = play([unit("u1")])
    assert.deepStrictEqual(ruleOf(rejection(registered, instruct("i1", ["u9"]))), [
      "R54",
      "roles.notUnitWithoutMembers"
    ])
    assert.strictEqual(rejection(registered, instruct("i1", [])).code, "roles.noUnits")
    assert.strictEqual(rejection(registered, instruct("i1", ["u1", "u1"])).code, "roles.duplicateUnit")
    assert.strictEqual(rejection(registered, instruct("i1", ["u1"], "2024-03-01")).code, "roles.termEndsBeforeStart")
  })

  it("R54: an instructor's term that ran out without a recall is a warning (and the unit's notice waits for it)", () => {
    const state = play([unit("u1"), instruct("i1", ["u1"], "2024-12-31")])
    const found = Roles.assess(viewOf(state), policy, "2025-01-01")
    assert.deepStrictEqual(found.map((f) => [f.severity, f.code, f.due]), [[
      "warning",
      "roles.finding.instructorTermLapsed",
      "2024-12-31"
    ]])
    assert.deepStrictEqual(Roles.assess(viewOf(state), policy, "2024-12-31"), [])
    const recalled = play([{ _tag: "RecallInstructor", orgId: "town", appointmentId: "i1", at: "2024-12-31" }], state)
    assert.deepStrictEqual(Roles.assess(viewOf(recalled), policy, "2025-01-01").map((f) => f.code), [
      "roles.finding.noInstructor"
    ])
  })
})

describe("R56: the staffing of resettlement sites, as data", () => {
  it("R56: a site's staffing is recorded and replaced, never judged", () => {
    const staffing: Roles.ResettlementStaffing = {
      secretaryId: "cadre-1",
      directorId: "cadre-2",
      cadres: [{ cadreId: "cadre-3", source: "selected" }, { cadreId: "cadre-4", source: "retained" }],
      rotatingDuty: true,
      fiveUnified: false,
      secretarySubsidy: true,
      directorSubsidy: true
    }
    const record = (at: string, s = staffing): Roles.RolesCommand => ({
      _tag: "RecordResettlementStaffing",
      orgId: "town",
      siteId: "site-1",
      staffing: s,
      at
    })
    const state = play([record("2024-05-01")])
    assert.strictEqual(play([record("2024-06-01")], state), state)
    const replaced = play([record("2024-06-01", { ...staffing, fiveUnified: true })], state)
    assert.deepStrictEqual(
      RolesRegister.resettlementSites(viewOf(replaced)).map((s) => [s.siteId, s.staffing.fiveUnified, s.since]),
      [
        ["site-1", true, "2024-06-01"]
      ]
    )
    assert.strictEqual(rejection(replaced, record("2024-05-15", staffing)).code, "domain.dateBeforeLast")
    assert.deepStrictEqual(Roles.assess(viewOf(replaced), policy, "2030-01-01"), [])
  })
})
