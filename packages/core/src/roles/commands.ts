/**
 * The commands of the roles aggregate (R54, R56, R57). Every command names the organization that keeps the
 * roles (its stream, `roles-<orgId>`), carries its legal date `at` and may carry an `actor` (an opaque id).
 * Every command reads that organization's stream (it must be active); appointing a first secretary also reads
 * the village or community organization's stream. None writes to either.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { LegalDate } from "../LegalDate.ts"
import { actor, Ids } from "../units.ts"
import { ResettlementStaffing, UnitClosure, UnitType } from "./model.ts"

/**
 * Appoints a first secretary (第一书记, R57) to a village or community organization for a term.
 *
 * @category commands
 * @since 0.3.0
 */
export const AppointFirstSecretary = Schema.TaggedStruct("AppointFirstSecretary", {
  orgId: Schema.String,
  appointmentId: Schema.String,
  villageOrgId: Schema.String,
  appointeeId: Schema.String,
  dispatchedBy: Schema.String,
  from: LegalDate,
  until: LegalDate,
  at: LegalDate,
  actor
})

/**
 * Extends a first secretary's term to a later date.
 *
 * @category commands
 * @since 0.3.0
 */
export const ExtendFirstSecretaryTerm = Schema.TaggedStruct("ExtendFirstSecretaryTerm", {
  orgId: Schema.String,
  appointmentId: Schema.String,
  until: LegalDate,
  at: LegalDate,
  actor
})

/**
 * Recalls a first secretary (or records that one left at the end of the term).
 *
 * @category commands
 * @since 0.3.0
 */
export const RecallFirstSecretary = Schema.TaggedStruct("RecallFirstSecretary", {
  orgId: Schema.String,
  appointmentId: Schema.String,
  at: LegalDate,
  actor
})

/**
 * Registers a unit without Party members in the organization's area (R54).
 *
 * @category commands
 * @since 0.3.0
 */
export const RegisterUnitWithoutMembers = Schema.TaggedStruct("RegisterUnitWithoutMembers", {
  orgId: Schema.String,
  unitId: Schema.String,
  unitType: UnitType,
  at: LegalDate,
  actor
})

/**
 * Takes a unit off the register of units without members, with the reason.
 *
 * @category commands
 * @since 0.3.0
 */
export const CloseUnitWithoutMembers = Schema.TaggedStruct("CloseUnitWithoutMembers", {
  orgId: Schema.String,
  unitId: Schema.String,
  reason: UnitClosure,
  at: LegalDate,
  actor
})

/**
 * Sends a Party-building instructor (党建工作指导员, R54) to registered units without members.
 *
 * @category commands
 * @since 0.3.0
 */
export const AppointInstructor = Schema.TaggedStruct("AppointInstructor", {
  orgId: Schema.String,
  appointmentId: Schema.String,
  instructorId: Schema.String,
  unitIds: Ids,
  from: LegalDate,
  until: Schema.optionalKey(LegalDate),
  at: LegalDate,
  actor
})

/**
 * Recalls an instructor.
 *
 * @category commands
 * @since 0.3.0
 */
export const RecallInstructor = Schema.TaggedStruct("RecallInstructor", {
  orgId: Schema.String,
  appointmentId: Schema.String,
  at: LegalDate,
  actor
})

/**
 * Records the staffing of a resettlement site (R56, data only), replacing its earlier record.
 *
 * @category commands
 * @since 0.3.0
 */
export const RecordResettlementStaffing = Schema.TaggedStruct("RecordResettlementStaffing", {
  orgId: Schema.String,
  siteId: Schema.String,
  staffing: ResettlementStaffing,
  at: LegalDate,
  actor
})

/**
 * Every roles command.
 *
 * @category commands
 * @since 0.3.0
 */
export const RolesCommand = Schema.Union([
  AppointFirstSecretary,
  ExtendFirstSecretaryTerm,
  RecallFirstSecretary,
  RegisterUnitWithoutMembers,
  CloseUnitWithoutMembers,
  AppointInstructor,
  RecallInstructor,
  RecordResettlementStaffing
]).annotate({ identifier: "RolesCommand" })

/**
 * @category commands
 * @since 0.3.0
 */
export type RolesCommand = typeof RolesCommand.Type
