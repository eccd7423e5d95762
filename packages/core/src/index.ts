/**
 * @dangjian/core: an event-sourced model of rural-community Party building, for application teams: the
 * `Dangjian` facade and the Promise client, the five aggregates (`Organization`, `Member`, `UnitCheckIn`,
 * `Agreement`, `Council`), their read models (one namespace each), findings and compliance, the governance
 * policies, legal dates, messages (zh-CN, en) and the errors a command or a read can end in.
 *
 * Effect users who write their own aggregates import `@dangjian/core/kernel`; store authors import
 * `@dangjian/core/store`.
 *
 * @since 0.1.0
 */
export * as Agreement from "./agreement/Agreement.ts"
export * as AgreementRegister from "./agreement/projections/AgreementRegister.ts"
export * as Dangjian from "./app/Dangjian.ts"
export * as Appraisal from "./appraisal/Appraisal.ts"
export * as AppraisalRegister from "./appraisal/projections/AppraisalRegister.ts"
export * as Council from "./council/Council.ts"
export * as CouncilRegister from "./council/projections/CouncilRegister.ts"
export * as Development from "./development/Development.ts"
export * as DevelopmentRegister from "./development/projections/DevelopmentRegister.ts"
export * as Dues from "./dues/Dues.ts"
export * as DuesRegister from "./dues/projections/DuesRegister.ts"
export * as Compliance from "./findings/Compliance.ts"
export * as Finding from "./findings/Finding.ts"
export * as FindingsIndex from "./findings/FindingsIndex.ts"
export {
  CommandDecodeError,
  CorruptEvent,
  EventDecodeError,
  EventEncodeError,
  EventIdConflict,
  InvalidAppend,
  StoreUnavailable,
  UnknownEventType,
  VersionConflict
} from "./kernel/errors.ts"
export type { AppendError, ReadError } from "./kernel/errors.ts"
// The in-memory store is the store of tests and of the browser, so application teams get it here too.
export * as MemoryStore from "./kernel/MemoryStore.ts"
export type { Locale, Localized, MessageParams } from "./kernel/Message.ts"
export * as Leadership from "./leadership/Leadership.ts"
export * as LeadershipRegister from "./leadership/projections/LeadershipRegister.ts"
export * as LegalDate from "./LegalDate.ts"
export * as Meeting from "./meeting/Meeting.ts"
export * as MeetingRegister from "./meeting/projections/MeetingRegister.ts"
export * as Member from "./member/Member.ts"
export * as DualRegistration from "./member/projections/DualRegistration.ts"
export * as MemberRoster from "./member/projections/Roster.ts"
export * as TransfersInTransit from "./member/projections/TransfersInTransit.ts"
export * as Messages from "./messages/index.ts"
export * as Organization from "./organization/Organization.ts"
export * as OrganizationTree from "./organization/projections/OrganizationTree.ts"
export * as Points from "./points/Points.ts"
export * as PointsRegister from "./points/projections/PointsRegister.ts"
export * as GovernancePolicy from "./policy/GovernancePolicy.ts"
export * as PolicyTimeline from "./policy/PolicyTimeline.ts"
export * as PromiseClient from "./promise/Client.ts"
export * as RolesRegister from "./roles/projections/RolesRegister.ts"
export * as Roles from "./roles/Roles.ts"
export * as Rules from "./rules/catalog.ts"
export { InvalidCommand, RuleViolation } from "./rules/RuleViolation.ts"
export type { DomainError } from "./rules/RuleViolation.ts"
export * as UnitCheckInRegister from "./unitCheckIn/projections/UnitCheckInRegister.ts"
export * as UnitCheckIn from "./unitCheckIn/UnitCheckIn.ts"
