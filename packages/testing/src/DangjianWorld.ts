/**
 * A pure, in-memory world of every stream of the three pillars (organizations, members and unit check-ins,
 * agreements and councils): the model the `townshipHistory` generator resolves commands against, and an
 * oracle for store-backed tests. Each command is decided over the states it needs, as `Dangjian.execute`
 * does against a store (a member command over the member and the organizations it names, a signing over the
 * agreement and its party organizations, a council over its member organizations), and accepted events are
 * applied with each aggregate's own `evolve`. Nothing here throws: a rejection is the decider's typed
 * `DomainError`.
 *
 * @since 0.1.0
 */
import type { Dangjian, DomainError } from "@dangjian/core"
import { Agreement, Member, Organization } from "@dangjian/core"
import { Result } from "effect"
import * as OrganizationWorld from "./OrganizationWorld.ts"

/**
 * Any command of the library (a member of `Dangjian.Command`).
 *
 * @category models
 * @since 0.1.0
 */
export type Command = Dangjian.Command

/**
 * The states of every stream, by id: organizations (with the organization log), members, unit check-ins,
 * agreements and councils.
 *
 * @category models
 * @since 0.1.0
 */
export interface World {
  readonly orgs: OrganizationWorld.World
  readonly members: Readonly<Record<string, Member.MemberState>>
  readonly units: Readonly<Record<string, Member.UnitCheckInState>>
  readonly agreements: Readonly<Record<string, Agreement.AgreementState>>
  readonly councils: Readonly<Record<string, Agreement.CouncilState>>
}

/**
 * The world before any command.
 *
 * @category constructors
 * @since 0.1.0
 */
export const empty: World = { orgs: OrganizationWorld.empty, members: {}, units: {}, agreements: {}, councils: {} }

/**
 * The state of one member (the initial state when it has no stream).
 *
 * @category getters
 * @since 0.1.0
 */
export const memberOf = (world: World, memberId: string): Member.MemberState =>
  world.members[memberId] ?? Member.initialState

/**
 * The state of one organization (the initial state when it has no stream).
 *
 * @category getters
 * @since 0.1.0
 */
export const orgOf = (world: World, orgId: string): Organization.OrganizationState =>
  OrganizationWorld.stateOf(world.orgs, orgId)

/**
 * The state of one agreement (the initial state when it has no stream).
 *
 * @category getters
 * @since 0.1.0
 */
export const agreementOf = (world: World, agreementId: string): Agreement.AgreementState =>
  world.agreements[agreementId] ?? Agreement.initialState

/**
 * The state of one council (the initial state when it has no stream).
 *
 * @category getters
 * @since 0.1.0
 */
export const councilOf = (world: World, councilId: string): Agreement.CouncilState =>
  world.councils[councilId] ?? Agreement.initialCouncilState

/**
 * The check-in state of one unit organization (the initial state when it has no stream).
 *
 * @category getters
 * @since 0.1.0
 */
export const unitOf = (world: World, unitOrgId: string): Member.UnitCheckInState =>
  world.units[unitOrgId] ?? Member.unitInitialState

const tagsOf = (
  union: { readonly members: ReadonlyArray<{ readonly fields: { readonly _tag: { readonly schema: unknown } } }> }
): ReadonlySet<string> =>
  new Set(union.members.map((m) => (m.fields._tag.schema as { readonly literal: string }).literal))

const memberTags = tagsOf(Member.MemberCommand)
const unitTags = tagsOf(Member.UnitCheckInCommand)
const agreementTags = tagsOf(Agreement.AgreementCommand)
const councilTags = tagsOf(Agreement.CouncilCommand)

/**
 * The pillar of a command: `organization` (tree and single-stream organization commands), `member`,
 * `unit` (a unit organization's community check-in), `agreement` or `council`.
 *
 * @category predicates
 * @since 0.1.0
 */
export const pillarOf = (command: Command): "organization" | "member" | "unit" | "agreement" | "council" =>
  memberTags.has(command._tag)
    ? "member"
    : unitTags.has(command._tag)
    ? "unit"
    : agreementTags.has(command._tag)
    ? "agreement"
    : councilTags.has(command._tag)
    ? "council"
    : "organization"

const orgStates = (world: World, ids: ReadonlyArray<string>): Record<string, Organization.OrganizationState> =>
  Object.fromEntries(ids.map((id) => [id, orgOf(world, id)]))

/**
 * Decides a command in the world, judged by the policy in force on its date, and applies its events.
 *
 * @category running
 * @since 0.1.0
 */
export const run = (
  policies: Organization.Policies,
  world: World,
  command: Command
): Result.Result<World, DomainError> => {
  switch (pillarOf(command)) {
    case "member": {
      const cmd = command as Member.MemberCommand
      const member = memberOf(world, cmd.memberId)
      const orgs = orgStates(world, Member.requiredOrgs(cmd, member))
      return Result.map(Member.decide(policies, cmd, { member, orgs }), (events) => ({
        ...world,
        orgs: OrganizationWorld.applyEvents(world.orgs, events.orgs),
        members: { ...world.members, [cmd.memberId]: events.member.reduce(Member.evolve, member) }
      }))
    }
    case "unit": {
      const cmd = command as Member.UnitCheckInCommand
      const state = unitOf(world, cmd.unitOrgId)
      return Result.map(Member.decideUnit(cmd, state), (events) => ({
        ...world,
        units: { ...world.units, [cmd.unitOrgId]: events.reduce(Member.unitEvolve, state) }
      }))
    }
    case "agreement": {
      const cmd = command as Agreement.AgreementCommand
      const state = agreementOf(world, cmd.agreementId)
      const orgs = orgStates(world, Agreement.requiredOrganizations(cmd, state))
      return Result.map(Agreement.decide(policies, cmd, state, orgs), (events) => ({
        ...world,
        agreements: { ...world.agreements, [cmd.agreementId]: events.reduce(Agreement.evolve, state) }
      }))
    }
    case "council": {
      const cmd = command as Agreement.CouncilCommand
      const state = councilOf(world, cmd.councilId)
      const orgs = orgStates(world, Agreement.councilOrganizations(cmd))
      return Result.map(Agreement.decideCouncil(cmd, state, orgs), (events) => ({
        ...world,
        councils: { ...world.councils, [cmd.councilId]: events.reduce(Agreement.evolveCouncil, state) }
      }))
    }
    case "organization":
      return Result.map(
        OrganizationWorld.run(policies, world.orgs, command as OrganizationWorld.Command),
        (orgs) => ({ ...world, orgs })
      )
  }
}

/**
 * The outcome of {@link play}: the final world, and which commands were accepted and rejected (with the
 * rejection), in order.
 *
 * @category models
 * @since 0.1.0
 */
export interface Played {
  readonly world: World
  readonly accepted: ReadonlyArray<Command>
  readonly rejected: ReadonlyArray<{ readonly command: Command; readonly error: DomainError }>
}

/**
 * Runs commands one after the other from a world (the empty one by default), keeping the accepted ones.
 *
 * @category running
 * @since 0.1.0
 */
export const play = (policies: Organization.Policies, commands: Iterable<Command>, from: World = empty): Played => {
  let world = from
  const accepted: Array<Command> = []
  const rejected: Array<{ readonly command: Command; readonly error: DomainError }> = []
  for (const command of commands) {
    const result = run(policies, world, command)
    if (Result.isSuccess(result)) {
      world = result.success
      accepted.push(command)
    } else {
      rejected.push({ command, error: result.failure })
    }
  }
  return { world, accepted, rejected }
}
