/**
 * @dangjian/core: an event-sourced model of rural-community Party building.
 *
 * @since 0.1.0
 */
export * as Agreement from "./agreement/Agreement.ts"
export * as Dangjian from "./app/Dangjian.ts"
export * as Assessment from "./findings/assess.ts"
export * as Compliance from "./findings/Compliance.ts"
export * as Finding from "./findings/Finding.ts"
export * from "./kernel/index.ts"
export * as LegalDate from "./LegalDate.ts"
export * as Member from "./member/Member.ts"
export * as DualRegistration from "./member/projections/DualRegistration.ts"
export * as MemberRoster from "./member/projections/Roster.ts"
export * as TransfersInTransit from "./member/projections/TransfersInTransit.ts"
export * as Messages from "./messages/index.ts"
export * as Organization from "./organization/Organization.ts"
export * as OrganizationTree from "./organization/projections/OrganizationTree.ts"
export * as GovernancePolicy from "./policy/GovernancePolicy.ts"
export * as PolicyTimeline from "./policy/PolicyTimeline.ts"
export * as PromiseClient from "./promise/Client.ts"
export * as Rules from "./rules/RuleViolation.ts"
export { InvalidCommand, RuleViolation } from "./rules/RuleViolation.ts"
