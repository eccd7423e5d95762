// Fixtures of the agreement tests: a township with a village branch, an enterprise branch, a community
// branch and a joint (村企联建) branch, built with the organization fixtures; agreement commands with
// defaults; the library's merged message catalog for rendering.
import { Result } from "effect"
import * as Agreement from "../../src/agreement/Agreement.ts"
import type { AgreementRegister } from "../../src/index.ts"
import { GovernancePolicy, Messages } from "../../src/index.ts"
import type { Organization } from "../../src/index.ts"
import type { Locale } from "../../src/kernel/Message.ts"
import { renderWith } from "../../src/kernel/Message.ts"
import type { DomainError } from "../../src/rules/RuleViolation.ts"
import type { World } from "../organization/fixtures.ts"
import { runAll, township, village } from "../organization/fixtures.ts"

export const policy = GovernancePolicy.national

export const catalogs = Messages.catalogs

export const render = (localized: { readonly code: string; readonly params: object }, locale: Locale): string =>
  renderWith(catalogs, localized.code, localized.params as Record<string, string | number | boolean>, locale)

/** A township (2024-01-01) with: village branch `v1`, enterprise branch `e1`, community branch `c1`, and the
 * 村企联建 joint branch `ve1` (formed village–enterprise). */
export const orgWorld = (): World =>
  runAll(policy, [
    township(),
    village("v1", 5),
    village("e1", 4, 0, { locus: "enterprise", approval: { by: "town", level: "township", at: "2024-01-01" } }),
    village("c1", 3, 0, { locus: "community" }),
    village("ve1", 6, 0, { formation: "villageEnterprise", coveredUnits: [{ unitId: "factory-1", fullCount: 2 }] })
  ])

export const orgParty = (orgId: string): Agreement.Party => ({
  _tag: "OrganizationParty",
  orgId,
  liaison: { liaisonId: `${orgId}-liaison`, role: "organizer" }
})

export const unitParty = (unitId: string, unitType: Agreement.UnitType = "enterprise"): Agreement.Party => ({
  _tag: "OutsideUnitParty",
  unitId,
  name: `Unit ${unitId}`,
  unitType,
  liaison: { liaisonId: `${unitId}-liaison` }
})

export const signatoriesFor = (parties: ReadonlyArray<Agreement.Party>): ReadonlyArray<Agreement.Signatory> =>
  parties.map((p) => ({ partyId: Agreement.partyIdOf(p), signatoryId: `${Agreement.partyIdOf(p)}-secretary` }))

export const sign = (
  options: Partial<typeof Agreement.SignAgreement.Type> = {}
): typeof Agreement.SignAgreement.Type => {
  const parties = options.parties ?? [orgParty("v1"), orgParty("e1")]
  return {
    _tag: "SignAgreement",
    agreementId: "pa",
    parties,
    form: "villageEnterprise",
    areas: ["economy", "publicSecurity"],
    term: { startDate: "2024-03-01", endDate: "2025-02-28" },
    signatories: signatoriesFor(parties),
    at: "2024-03-01",
    ...options
  }
}

export const activity = (
  at: string,
  options: Partial<typeof Agreement.RecordAgreementActivity.Type> = {}
): typeof Agreement.RecordAgreementActivity.Type => ({
  _tag: "RecordAgreementActivity",
  agreementId: "pa",
  activityId: `act-${at}`,
  area: "economy",
  partyIds: ["v1", "e1"],
  participants: 12,
  description: "joint market day",
  at,
  ...options
})

export const report = (at: string, reportId = `rep-${at}`): typeof Agreement.SubmitAgreementReport.Type => ({
  _tag: "SubmitAgreementReport",
  agreementId: "pa",
  reportId,
  at
})

/** Dissolves an organization of the world on a date: its members transfer out first (R38), then it is
 * dissolved with township approval. */
export const dissolved = (world: World, orgId: string, at: string): World =>
  runAll(policy, [
    ...Object.keys(world.states[orgId]?.roster ?? {}).map((memberId): Organization.OrganizationCommand => ({
      _tag: "RemoveRosterMember",
      orgId,
      memberId,
      reason: "transferredOut",
      at
    })),
    { _tag: "DissolveOrganization", orgId, reason: "unitClosed", approval: { by: "town", level: "township", at }, at }
  ], world)

/** Decides the command over the agreement state and the world's organizations; applies accepted events. */
export const step = (
  world: World,
  state: Agreement.AgreementState,
  command: Agreement.AgreementCommand
): Result.Result<Agreement.AgreementState, DomainError> =>
  Result.map(
    Agreement.decide(policy, command, state, world.states),
    (events) => events.reduce(Agreement.evolve, state)
  )

/** Runs commands that must all be accepted; throws (in tests only) with the rejection otherwise. */
export const steps = (
  world: World,
  commands: ReadonlyArray<Agreement.AgreementCommand>,
  state: Agreement.AgreementState = Agreement.initialState
): Agreement.AgreementState => {
  let current = state
  for (const command of commands) {
    const result = step(world, current, command)
    if (Result.isFailure(result)) {
      throw new Error(`${command._tag} rejected: ${result.failure.code} ${JSON.stringify(result.failure.params)}`)
    }
    current = result.success
  }
  return current
}

/** The rejection of a command (fails the test if it was accepted). */
export const rejection = (
  world: World,
  command: Agreement.AgreementCommand,
  state: Agreement.AgreementState = Agreement.initialState
): DomainError => {
  const result = step(world, state, command)
  if (Result.isSuccess(result)) throw new Error(`${command._tag} was accepted`)
  return result.failure
}

/** The statuses of the world's organizations, as a register keeps them. */
export const orgStatuses = (world: World): AgreementRegister.RegisterView["orgs"] =>
  Object.fromEntries(
    Object.values(world.states)
      .filter((s) => s.status !== "none")
      .map((s) => [s.orgId, { status: s.status === "dissolved" ? "dissolved" : "active", dissolvedAt: s.dissolvedAt }])
  )

/** A register view holding one agreement state and the world's organizations' statuses. */
export const viewOf = (
  world: World,
  ...states: ReadonlyArray<Agreement.AgreementState>
): AgreementRegister.RegisterView => ({
  agreements: Object.fromEntries(states.map((s) => [s.agreementId, s])),
  orgs: orgStatuses(world)
})
