/**
 * A pure, in-memory world of every stream of the five aggregates (organizations, members, unit check-ins,
 * agreements and councils): the model the `townshipHistory` generator resolves commands against, and an
 * oracle for store-backed tests. Each command runs through its aggregate's route (`Dangjian.routes`), the
 * same one `Dangjian.execute` runs against a store (a member command over the member and the organizations
 * it names, a signing over the agreement and its party organizations, a council over its member
 * organizations), with the streams' states taken from this world, and accepted events are applied with each
 * aggregate's own `evolve`. Nothing here throws: a rejection is the decider's typed `DomainError`.
 *
 * @since 0.1.0
 */
import type { DomainError } from "@dangjian/core"
import { Appraisal, Points, Roles } from "@dangjian/core"
import { Agreement, Council, Dangjian, InvalidCommand, Member, Organization, UnitCheckIn } from "@dangjian/core"
import { Development, Leadership } from "@dangjian/core"
import { Meeting } from "@dangjian/core"
import { Dues } from "@dangjian/core"
import type { Decider } from "@dangjian/core/kernel"
import { CommandHandler } from "@dangjian/core/kernel"
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
  readonly unitCheckIns: Readonly<Record<string, UnitCheckIn.UnitCheckInState>>
  readonly agreements: Readonly<Record<string, Agreement.AgreementState>>
  readonly councils: Readonly<Record<string, Council.CouncilState>>
  /** Democratic appraisals (R35, R62–R64), by appraisal id (`<year>-<orgId>`). */
  readonly appraisals: Readonly<Record<string, Appraisal.AppraisalState>>
  /** Points ledgers and duty posts (R52, R53), by organization id. */
  readonly points: Readonly<Record<string, Points.PointsState>>
  /** Roles (R54, R56, R57), by keeping organization id. */
  readonly roles: Readonly<Record<string, Roles.RolesState>>
  /** Development records (R77–R90), by applicant id. */
  readonly developments: Readonly<Record<string, Development.DevelopmentState>>
  /** Leadership histories (R91–R96), by organization id. */
  readonly leaderships: Readonly<Record<string, Leadership.LeadershipState>>
  /** Meetings (三会一课 and organizational life, R28–R36, R58–R61), by meeting id. */
  readonly meetings: Readonly<Record<string, Meeting.MeetingState>>
  /** Dues accounts (R65–R76), by member id. */
  readonly dues: Readonly<Record<string, Dues.DuesState>>
}

/**
 * The world before any command.
 *
 * @category constructors
 * @since 0.1.0
 */
export const empty: World = {
  orgs: OrganizationWorld.empty,
  members: {},
  unitCheckIns: {},
  agreements: {},
  councils: {},
  appraisals: {},
  points: {},
  roles: {},
  developments: {},
  leaderships: {},
  meetings: {},
  dues: {}
}

/**
 * The dues account of one member (the initial state when it has no stream).
 *
 * @category getters
 * @since 0.3.0
 */
export const duesOf = (world: World, memberId: string): Dues.DuesState =>
  Object.hasOwn(world.dues, memberId) ? world.dues[memberId]! : Dues.initialState

/**
 * The state of one meeting (the initial state when it has no stream).
 *
 * @category getters
 * @since 0.3.0
 */
export const meetingOf = (world: World, meetingId: string): Meeting.MeetingState =>
  Object.hasOwn(world.meetings, meetingId) ? world.meetings[meetingId]! : Meeting.initialState

/**
 * The state of one member (the initial state when it has no stream).
 *
 * @category getters
 * @since 0.1.0
 */
export const memberOf = (world: World, memberId: string): Member.MemberState =>
  Object.hasOwn(world.members, memberId) ? world.members[memberId]! : Member.initialState

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
  Object.hasOwn(world.agreements, agreementId) ? world.agreements[agreementId]! : Agreement.initialState

/**
 * The state of one council (the initial state when it has no stream).
 *
 * @category getters
 * @since 0.1.0
 */
export const councilOf = (world: World, councilId: string): Council.CouncilState =>
  Object.hasOwn(world.councils, councilId) ? world.councils[councilId]! : Council.initialState

/**
 * The state of one appraisal, by appraisal id `<year>-<orgId>` (the initial state when it has no stream).
 *
 * @category getters
 * @since 0.3.0
 */
export const appraisalOf = (world: World, appraisalId: string): Appraisal.AppraisalState =>
  Object.hasOwn(world.appraisals, appraisalId) ? world.appraisals[appraisalId]! : Appraisal.initialState

/**
 * The points stream of one organization (the initial state when it has no stream).
 *
 * @category getters
 * @since 0.3.0
 */
export const pointsOf = (world: World, orgId: string): Points.PointsState =>
  Object.hasOwn(world.points, orgId) ? world.points[orgId]! : Points.initialState

/**
 * The roles stream of one keeping organization (the initial state when it has no stream).
 *
 * @category getters
 * @since 0.3.0
 */
export const rolesOf = (world: World, orgId: string): Roles.RolesState =>
  Object.hasOwn(world.roles, orgId) ? world.roles[orgId]! : Roles.initialState

/**
 * The state of one development record (the initial state when it has no stream).
 *
 * @category getters
 * @since 0.3.0
 */
export const developmentOf = (world: World, applicantId: string): Development.DevelopmentState =>
  Object.hasOwn(world.developments, applicantId) ? world.developments[applicantId]! : Development.initialState

/**
 * The leadership history of one organization (the initial state when it has no stream).
 *
 * @category getters
 * @since 0.3.0
 */
export const leadershipOf = (world: World, orgId: string): Leadership.LeadershipState =>
  Object.hasOwn(world.leaderships, orgId) ? world.leaderships[orgId]! : Leadership.initialState

/**
 * The check-in state of one unit organization (the initial state when it has no stream).
 *
 * @category getters
 * @since 0.2.0
 */
export const unitCheckInOf = (world: World, unitOrgId: string): UnitCheckIn.UnitCheckInState =>
  Object.hasOwn(world.unitCheckIns, unitOrgId) ? world.unitCheckIns[unitOrgId]! : UnitCheckIn.initialState

const routeByTag: ReadonlyMap<string, Decider.Route<Command, Organization.Policies, DomainError>> = new Map(
  Dangjian.routes.flatMap((route) =>
    route.tags.map((tag) => [tag, route as unknown as Decider.Route<Command, Organization.Policies, DomainError>])
  )
)

/**
 * The aggregates of the library, as `pillarOf` names them (one per folder of `@dangjian/core`).
 *
 * @category models
 * @since 0.2.0
 */
export type Pillar =
  | "organization"
  | "member"
  | "unitCheckIn"
  | "agreement"
  | "council"
  | "appraisal"
  | "points"
  | "roles"
  | "development"
  | "leadership"
  | "meeting"
  | "dues"

const pillarByRoute = new Map<unknown, Pillar>([
  [Organization.treeRoute, "organization"],
  [Organization.route, "organization"],
  [Member.route, "member"],
  [UnitCheckIn.route, "unitCheckIn"],
  [Agreement.route, "agreement"],
  [Council.route, "council"],
  [Appraisal.route, "appraisal"],
  [Points.route, "points"],
  [Roles.route, "roles"],
  [Development.route, "development"],
  [Leadership.route, "leadership"],
  [Meeting.route, "meeting"],
  [Dues.route, "dues"]
])

/**
 * The aggregate of a command: `organization` (tree and single-stream organization commands), `member`,
 * `unitCheckIn` (a unit organization's community check-in), `agreement` or `council`.
 *
 * @category predicates
 * @since 0.1.0
 */
export const pillarOf = (command: Command): Pillar => pillarByRoute.get(routeByTag.get(command._tag)) ?? "organization"

// A stream's state in the world, by its category.
const stateOfStream = (world: World, streamId: string): unknown => {
  const unitOrgId = UnitCheckIn.unitOrgIdOf(streamId)
  if (unitOrgId !== undefined) return unitCheckInOf(world, unitOrgId)
  const member = Member.memberIdOf(streamId)
  if (member !== undefined) return memberOf(world, member)
  const agreement = Agreement.agreementIdOf(streamId)
  if (agreement !== undefined) return agreementOf(world, agreement)
  const council = Council.councilIdOf(streamId)
  if (council !== undefined) return councilOf(world, council)
  const appraisal = Appraisal.appraisalIdOf(streamId)
  if (appraisal !== undefined) return appraisalOf(world, appraisal)
  const pointsOrgId = Points.pointsOrgIdOf(streamId)
  if (pointsOrgId !== undefined) return pointsOf(world, pointsOrgId)
  const keeper = Roles.rolesOrgIdOf(streamId)
  if (keeper !== undefined) return rolesOf(world, keeper)
  const applicant = Development.applicantIdOf(streamId)
  if (applicant !== undefined) return developmentOf(world, applicant)
  const history = Leadership.leadershipOrgIdOf(streamId)
  if (history !== undefined) return leadershipOf(world, history)
  const meeting = Meeting.meetingIdOf(streamId)
  if (meeting !== undefined) return meetingOf(world, meeting)
  const duesMemberId = Dues.duesMemberIdOf(streamId)
  if (duesMemberId !== undefined) return duesOf(world, duesMemberId)
  return orgOf(world, Organization.orgIdOf(streamId) ?? streamId)
}

// Records keyed by ids (user data) stay without a prototype, so that `__proto__` is an id like any other.
const withEntry = <V>(record: Readonly<Record<string, V>>, id: string, value: V): Readonly<Record<string, V>> => {
  const next: Record<string, V> = Object.assign(Object.create(null), record)
  next[id] = value
  return next
}

/**
 * Decides a command in the world, judged by the policy in force on its date, and applies its events: the
 * command's route (`Dangjian.routes`, the same one `Dangjian.execute` runs against a store) interpreted
 * over this world's states.
 *
 * @category running
 * @since 0.1.0
 */
export const run = (
  policies: Organization.Policies,
  world: World,
  command: Command
): Result.Result<World, DomainError> => {
  const route = routeByTag.get(command._tag)
  if (route === undefined) return Result.fail(new InvalidCommand({ code: "domain.unknownCommand", params: {} }))
  const states = CommandHandler.discover(route, command, (streamId) => stateOfStream(world, streamId))
  return Result.map(route.decide(command, states, policies), (decision) => {
    let next = world
    const orgEvents: Record<string, ReadonlyArray<Organization.OrganizationEvent>> = Object.create(null)
    for (const { streamId, events } of decision) {
      if (events.length === 0) continue
      const fold = route.fold(streamId)
      const state = events.reduce(fold.evolve, states.get(streamId) ?? fold.initialState)
      const unitOrgId = UnitCheckIn.unitOrgIdOf(streamId)
      const member = Member.memberIdOf(streamId)
      const agreement = Agreement.agreementIdOf(streamId)
      const council = Council.councilIdOf(streamId)
      const appraisal = Appraisal.appraisalIdOf(streamId)
      const pointsOrgId = Points.pointsOrgIdOf(streamId)
      const keeper = Roles.rolesOrgIdOf(streamId)
      const applicant = Development.applicantIdOf(streamId)
      const history = Leadership.leadershipOrgIdOf(streamId)
      const meeting = Meeting.meetingIdOf(streamId)
      const duesMemberId = Dues.duesMemberIdOf(streamId)
      if (unitOrgId !== undefined) {
        next = {
          ...next,
          unitCheckIns: withEntry(next.unitCheckIns, unitOrgId, state as UnitCheckIn.UnitCheckInState)
        }
      } else if (member !== undefined) {
        next = { ...next, members: withEntry(next.members, member, state as Member.MemberState) }
      } else if (agreement !== undefined) {
        next = { ...next, agreements: withEntry(next.agreements, agreement, state as Agreement.AgreementState) }
      } else if (appraisal !== undefined) {
        next = { ...next, appraisals: withEntry(next.appraisals, appraisal, state as Appraisal.AppraisalState) }
      } else if (pointsOrgId !== undefined) {
        next = { ...next, points: withEntry(next.points, pointsOrgId, state as Points.PointsState) }
      } else if (keeper !== undefined) {
        next = { ...next, roles: withEntry(next.roles, keeper, state as Roles.RolesState) }
      } else if (council !== undefined) {
        next = { ...next, councils: withEntry(next.councils, council, state as Council.CouncilState) }
      } else if (applicant !== undefined) {
        next = {
          ...next,
          developments: withEntry(next.developments, applicant, state as Development.DevelopmentState)
        }
      } else if (history !== undefined) {
        next = { ...next, leaderships: withEntry(next.leaderships, history, state as Leadership.LeadershipState) }
      } else if (meeting !== undefined) {
        next = { ...next, meetings: withEntry(next.meetings, meeting, state as Meeting.MeetingState) }
      } else if (duesMemberId !== undefined) {
        next = { ...next, dues: withEntry(next.dues, duesMemberId, state as Dues.DuesState) }
      } else orgEvents[Organization.orgIdOf(streamId)!] = events as ReadonlyArray<Organization.OrganizationEvent>
    }
    return { ...next, orgs: OrganizationWorld.applyEvents(next.orgs, orgEvents) }
  })
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
