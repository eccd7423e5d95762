/**
 * The events of the roles stream (`roles-<orgId>`).
 *
 * These tags and fields are the stored format: they are versioned with upcasters and never renamed or
 * reshaped in place. Ids are opaque; no event carries personal data (appointees and cadres are ids, subsidies
 * are flags).
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import * as EventDefinition from "../kernel/EventDefinition.ts"
import { LegalDate } from "../LegalDate.ts"
import { Ids } from "../units.ts"
import { ResettlementStaffing, UnitClosure, UnitType } from "./model.ts"

/**
 * A first secretary (第一书记, R57) was appointed to a village or community organization for a term, sent by a
 * unit (by id).
 *
 * @category events
 * @since 0.3.0
 */
export const FirstSecretaryAppointed = Schema.TaggedStruct("FirstSecretaryAppointed", {
  orgId: Schema.String,
  appointmentId: Schema.String,
  villageOrgId: Schema.String,
  appointeeId: Schema.String,
  dispatchedBy: Schema.String,
  from: LegalDate,
  until: LegalDate,
  at: LegalDate
})

/**
 * A first secretary's term was extended.
 *
 * @category events
 * @since 0.3.0
 */
export const FirstSecretaryTermExtended = Schema.TaggedStruct("FirstSecretaryTermExtended", {
  orgId: Schema.String,
  appointmentId: Schema.String,
  until: LegalDate,
  at: LegalDate
})

/**
 * A first secretary was recalled (or left at the end of the term).
 *
 * @category events
 * @since 0.3.0
 */
export const FirstSecretaryRecalled = Schema.TaggedStruct("FirstSecretaryRecalled", {
  orgId: Schema.String,
  appointmentId: Schema.String,
  at: LegalDate
})

/**
 * A unit without Party members was registered in the organization's area (R54, "按照属地或归口管理的原则").
 *
 * @category events
 * @since 0.3.0
 */
export const UnitWithoutMembersRegistered = Schema.TaggedStruct("UnitWithoutMembersRegistered", {
  orgId: Schema.String,
  unitId: Schema.String,
  unitType: UnitType,
  at: LegalDate
})

/**
 * A unit left the register of units without members.
 *
 * @category events
 * @since 0.3.0
 */
export const UnitWithoutMembersClosed = Schema.TaggedStruct("UnitWithoutMembersClosed", {
  orgId: Schema.String,
  unitId: Schema.String,
  reason: UnitClosure,
  at: LegalDate
})

/**
 * A Party-building instructor (党建工作指导员, R54) was sent to one or more units without members, from a date,
 * until a date when the appointment names one.
 *
 * @category events
 * @since 0.3.0
 */
export const InstructorAppointed = Schema.TaggedStruct("InstructorAppointed", {
  orgId: Schema.String,
  appointmentId: Schema.String,
  instructorId: Schema.String,
  unitIds: Ids,
  from: LegalDate,
  until: Schema.optionalKey(LegalDate),
  at: LegalDate
})

/**
 * An instructor was recalled.
 *
 * @category events
 * @since 0.3.0
 */
export const InstructorRecalled = Schema.TaggedStruct("InstructorRecalled", {
  orgId: Schema.String,
  appointmentId: Schema.String,
  at: LegalDate
})

/**
 * The staffing of a resettlement site was recorded (R56, data only); it replaces the site's earlier record.
 *
 * @category events
 * @since 0.3.0
 */
export const ResettlementSiteStaffed = Schema.TaggedStruct("ResettlementSiteStaffed", {
  orgId: Schema.String,
  siteId: Schema.String,
  staffing: ResettlementStaffing,
  at: LegalDate
})

/**
 * The event definitions of the roles stream, for the codec.
 *
 * @category events
 * @since 0.3.0
 */
export const rolesEvents = [
  EventDefinition.define("FirstSecretaryAppointed", FirstSecretaryAppointed),
  EventDefinition.define("FirstSecretaryTermExtended", FirstSecretaryTermExtended),
  EventDefinition.define("FirstSecretaryRecalled", FirstSecretaryRecalled),
  EventDefinition.define("UnitWithoutMembersRegistered", UnitWithoutMembersRegistered),
  EventDefinition.define("UnitWithoutMembersClosed", UnitWithoutMembersClosed),
  EventDefinition.define("InstructorAppointed", InstructorAppointed),
  EventDefinition.define("InstructorRecalled", InstructorRecalled),
  EventDefinition.define("ResettlementSiteStaffed", ResettlementSiteStaffed)
] as const

/**
 * Every event of the roles stream.
 *
 * @category events
 * @since 0.3.0
 */
export const RolesEvent = Schema.Union([
  FirstSecretaryAppointed,
  FirstSecretaryTermExtended,
  FirstSecretaryRecalled,
  UnitWithoutMembersRegistered,
  UnitWithoutMembersClosed,
  InstructorAppointed,
  InstructorRecalled,
  ResettlementSiteStaffed
]).annotate({ identifier: "RolesEvent" })

/**
 * @category events
 * @since 0.3.0
 */
export type RolesEvent = typeof RolesEvent.Type
