/**
 * The decisions of the roles aggregate (R54, R56, R57). A roles command is decided over the roles stream and
 * the stream of the organization that keeps it (it must be active), and, appointing a first secretary, the
 * village or community organization's stream; the route (`route.ts`) runs them through the kernel's command
 * loop, so the organizations take part in the append with their exact expected versions and get no events.
 * An appointment changes no organization and no member: a first secretary or an instructor is a role, not an
 * office on a roster.
 *
 * One function per command, in the order of `RolesCommand`; {@link decide} dispatches over every tag (a
 * `never` check closes the switch).
 *
 * @since 0.3.0
 */
import { Result } from "effect"
import type { Decider } from "../kernel/Decider.ts"
import { lookup } from "../kernel/records.ts"
import { exhaustive } from "../kernel/tags.ts"
import type { Policies } from "../organization/decide.ts"
import { requireActive } from "../organization/roster.ts"
import type { OrganizationState } from "../organization/state.ts"
import { initialState as organizationInitial } from "../organization/state.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import { invalid, unknownCommand, violation } from "../rules/RuleViolation.ts"
import type {
  AppointFirstSecretary,
  AppointInstructor,
  CloseUnitWithoutMembers,
  ExtendFirstSecretaryTerm,
  RecallFirstSecretary,
  RecallInstructor,
  RecordResettlementStaffing,
  RegisterUnitWithoutMembers,
  RolesCommand
} from "./commands.ts"
import type { RolesEvent } from "./events.ts"
import {
  FirstSecretaryAppointed,
  FirstSecretaryRecalled,
  FirstSecretaryTermExtended,
  InstructorAppointed,
  InstructorRecalled,
  ResettlementSiteStaffed,
  UnitWithoutMembersClosed,
  UnitWithoutMembersRegistered
} from "./events.ts"
import type { RolesState } from "./state.ts"
import { evolve, initialState } from "./state.ts"

type Decision = Result.Result<ReadonlyArray<RolesEvent>, DomainError>

const fail = (error: DomainError): Decision => Result.fail(error)
const ok = (events: ReadonlyArray<RolesEvent>): Decision => Result.succeed(events)

/**
 * The states a roles decision reads: the roles stream's, the keeping organization's and (appointing a first
 * secretary) the village or community organization's. A missing state reads as one that does not exist.
 *
 * @category models
 * @since 0.3.0
 */
export interface RolesStates {
  readonly roles: RolesState
  readonly org?: OrganizationState | undefined
  readonly village?: OrganizationState | undefined
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

const keeperActive = (states: RolesStates, cmd: { readonly orgId: string; readonly at: string }) =>
  requireActive(states.org ?? organizationInitial, cmd.orgId, cmd.at)

// ---------------------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------------------

const appointFirstSecretary = (states: RolesStates, cmd: typeof AppointFirstSecretary.Type): Decision => {
  const existing = lookup(states.roles.firstSecretaries, cmd.appointmentId)
  if (existing !== undefined) {
    return existing.villageOrgId === cmd.villageOrgId && existing.appointeeId === cmd.appointeeId
        && existing.from === cmd.from && existing.until === cmd.until
      ? ok([])
      : fail(invalid("domain.alreadyExists", { entity: "appointment", id: cmd.appointmentId }))
  }
  const inactive = keeperActive(states, cmd)
  if (inactive !== undefined) return fail(inactive)
  const village = states.village ?? organizationInitial
  const notActive = requireActive(village, cmd.villageOrgId, cmd.at)
  if (notActive !== undefined) return fail(notActive)
  // R57 CONF: first secretaries are sent to villages and communities (S003: "村(社区)第一书记")
  if (village.locus !== "village" && village.locus !== "community") {
    return fail(violation("R57", "roles.notVillageOrCommunity", { orgId: cmd.villageOrgId, locus: village.locus }))
  }
  if (cmd.until <= cmd.from) return fail(invalid("roles.termEndsBeforeStart", { from: cmd.from, until: cmd.until }))
  for (const id of Object.keys(states.roles.firstSecretaries).sort()) {
    const other = states.roles.firstSecretaries[id]!
    if (other.villageOrgId !== cmd.villageOrgId) continue
    const overlaps = other.recalledAt === undefined
      ? other.from <= cmd.until && cmd.from <= other.until
      : other.from <= cmd.until && cmd.from < other.recalledAt
    // R57: one first secretary of a village or community at a time
    if (overlaps) {
      return fail(violation("R57", "roles.firstSecretaryOverlap", { orgId: cmd.villageOrgId, appointmentId: id }))
    }
  }
  return ok([
    FirstSecretaryAppointed.make({
      orgId: cmd.orgId,
      appointmentId: cmd.appointmentId,
      villageOrgId: cmd.villageOrgId,
      appointeeId: cmd.appointeeId,
      dispatchedBy: cmd.dispatchedBy,
      from: cmd.from,
      until: cmd.until,
      at: cmd.at
    })
  ])
}

const extendFirstSecretary = (states: RolesStates, cmd: typeof ExtendFirstSecretaryTerm.Type): Decision => {
  const found = lookup(states.roles.firstSecretaries, cmd.appointmentId)
  if (found === undefined) return fail(invalid("domain.notFound", { entity: "appointment", id: cmd.appointmentId }))
  if (found.recalledAt !== undefined) {
    return fail(invalid("domain.closed", { entity: "appointment", id: cmd.appointmentId, state: "recalled" }))
  }
  if (cmd.until === found.until) return ok([])
  if (cmd.until < found.until) {
    return fail(
      invalid("roles.extensionNotLater", { appointmentId: cmd.appointmentId, until: cmd.until, current: found.until })
    )
  }
  return ok([
    FirstSecretaryTermExtended.make({
      orgId: cmd.orgId,
      appointmentId: cmd.appointmentId,
      until: cmd.until,
      at: cmd.at
    })
  ])
}

const recallFirstSecretary = (states: RolesStates, cmd: typeof RecallFirstSecretary.Type): Decision => {
  const found = lookup(states.roles.firstSecretaries, cmd.appointmentId)
  if (found === undefined) return fail(invalid("domain.notFound", { entity: "appointment", id: cmd.appointmentId }))
  if (found.recalledAt !== undefined) return ok([])
  if (cmd.at < found.appointedAt) {
    return fail(invalid("domain.dateBeforeLast", { id: cmd.appointmentId, at: cmd.at, last: found.appointedAt }))
  }
  return ok([FirstSecretaryRecalled.make({ orgId: cmd.orgId, appointmentId: cmd.appointmentId, at: cmd.at })])
}

const registerUnit = (states: RolesStates, cmd: typeof RegisterUnitWithoutMembers.Type): Decision => {
  const found = lookup(states.roles.units, cmd.unitId)
  if (found !== undefined) {
    return found.closedAt === undefined && found.unitType === cmd.unitType
      ? ok([])
      : fail(invalid("domain.alreadyExists", { entity: "unit", id: cmd.unitId }))
  }
  const inactive = keeperActive(states, cmd)
  if (inactive !== undefined) return fail(inactive)
  return ok([
    UnitWithoutMembersRegistered.make({ orgId: cmd.orgId, unitId: cmd.unitId, unitType: cmd.unitType, at: cmd.at })
  ])
}

const closeUnit = (states: RolesStates, cmd: typeof CloseUnitWithoutMembers.Type): Decision => {
  const found = lookup(states.roles.units, cmd.unitId)
  if (found === undefined) return fail(invalid("domain.notFound", { entity: "unit", id: cmd.unitId }))
  if (found.closedAt !== undefined) return ok([])
  if (cmd.at < found.registeredAt) {
    return fail(invalid("domain.dateBeforeLast", { id: cmd.unitId, at: cmd.at, last: found.registeredAt }))
  }
  return ok([UnitWithoutMembersClosed.make({ orgId: cmd.orgId, unitId: cmd.unitId, reason: cmd.reason, at: cmd.at })])
}

const appointInstructor = (states: RolesStates, cmd: typeof AppointInstructor.Type): Decision => {
  const existing = lookup(states.roles.instructors, cmd.appointmentId)
  if (existing !== undefined) {
    return existing.instructorId === cmd.instructorId && sameJson(existing.unitIds, cmd.unitIds)
        && existing.from === cmd.from && existing.until === cmd.until
      ? ok([])
      : fail(invalid("domain.alreadyExists", { entity: "appointment", id: cmd.appointmentId }))
  }
  const inactive = keeperActive(states, cmd)
  if (inactive !== undefined) return fail(inactive)
  if (cmd.unitIds.length === 0) return fail(invalid("roles.noUnits", { appointmentId: cmd.appointmentId }))
  const seen = new Set<string>()
  for (const unitId of cmd.unitIds) {
    if (seen.has(unitId)) return fail(invalid("roles.duplicateUnit", { appointmentId: cmd.appointmentId, unitId }))
    seen.add(unitId)
    const unit = lookup(states.roles.units, unitId)
    // R54 CONF: an instructor is sent to units without members ("无党员单位")
    if (unit === undefined || unit.closedAt !== undefined) {
      return fail(violation("R54", "roles.notUnitWithoutMembers", { orgId: cmd.orgId, unitId }))
    }
  }
  if (cmd.until !== undefined && cmd.until <= cmd.from) {
    return fail(invalid("roles.termEndsBeforeStart", { from: cmd.from, until: cmd.until }))
  }
  return ok([
    InstructorAppointed.make({
      orgId: cmd.orgId,
      appointmentId: cmd.appointmentId,
      instructorId: cmd.instructorId,
      unitIds: cmd.unitIds,
      from: cmd.from,
      ...(cmd.until === undefined ? {} : { until: cmd.until }),
      at: cmd.at
    })
  ])
}

const recallInstructor = (states: RolesStates, cmd: typeof RecallInstructor.Type): Decision => {
  const found = lookup(states.roles.instructors, cmd.appointmentId)
  if (found === undefined) return fail(invalid("domain.notFound", { entity: "appointment", id: cmd.appointmentId }))
  if (found.recalledAt !== undefined) return ok([])
  if (cmd.at < found.appointedAt) {
    return fail(invalid("domain.dateBeforeLast", { id: cmd.appointmentId, at: cmd.at, last: found.appointedAt }))
  }
  return ok([InstructorRecalled.make({ orgId: cmd.orgId, appointmentId: cmd.appointmentId, at: cmd.at })])
}

const staff = (states: RolesStates, cmd: typeof RecordResettlementStaffing.Type): Decision => {
  const found = lookup(states.roles.sites, cmd.siteId)
  if (found !== undefined && sameJson(found.staffing, cmd.staffing)) return ok([])
  const inactive = keeperActive(states, cmd)
  if (inactive !== undefined) return fail(inactive)
  if (found !== undefined && cmd.at < found.since) {
    return fail(invalid("domain.dateBeforeLast", { id: cmd.siteId, at: cmd.at, last: found.since }))
  }
  // R56 CONF (data only): S000's staffing of resettlement sites is recorded, never judged
  return ok([
    ResettlementSiteStaffed.make({ orgId: cmd.orgId, siteId: cmd.siteId, staffing: cmd.staffing, at: cmd.at })
  ])
}

/**
 * Decides a roles command given the roles stream's state and the organizations it reads (a missing one reads
 * as one that does not exist). No figure of the policy judges a roles command (R54 and R57 are findings'
 * figures); `decide` takes the policies all the same, as every aggregate's does. Pure.
 *
 * @category decisions
 * @since 0.3.0
 */
export const decide = (_policies: Policies, command: RolesCommand, states: RolesStates): Decision => {
  switch (command._tag) {
    case "AppointFirstSecretary":
      return appointFirstSecretary(states, command)
    case "ExtendFirstSecretaryTerm":
      return extendFirstSecretary(states, command)
    case "RecallFirstSecretary":
      return recallFirstSecretary(states, command)
    case "RegisterUnitWithoutMembers":
      return registerUnit(states, command)
    case "CloseUnitWithoutMembers":
      return closeUnit(states, command)
    case "AppointInstructor":
      return appointInstructor(states, command)
    case "RecallInstructor":
      return recallInstructor(states, command)
    case "RecordResettlementStaffing":
      return staff(states, command)
    default: {
      const _exhaustive: never = command
      return fail(unknownCommand(_exhaustive))
    }
  }
}

/**
 * The village or community organization a roles command reads (appointing a first secretary), or undefined.
 *
 * @category decisions
 * @since 0.3.0
 */
export const requiredVillage = (command: RolesCommand): string | undefined => {
  switch (command._tag) {
    case "AppointFirstSecretary":
      return command.villageOrgId
    case "ExtendFirstSecretaryTerm":
    case "RecallFirstSecretary":
    case "RegisterUnitWithoutMembers":
    case "CloseUnitWithoutMembers":
    case "AppointInstructor":
    case "RecallInstructor":
    case "RecordResettlementStaffing":
      return undefined
    default:
      return exhaustive(command, undefined)
  }
}

/**
 * The single-stream decider of the roles stream (it sees no organization: run roles commands through
 * {@link route} or `Dangjian.execute` to read them).
 *
 * @category deciders
 * @since 0.3.0
 */
export const decider = (policies: Policies): Decider<RolesCommand, RolesEvent, RolesState, DomainError> => ({
  initialState,
  evolve,
  decide: (command, state) => decide(policies, command, { roles: state })
})
