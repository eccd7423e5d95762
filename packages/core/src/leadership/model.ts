/**
 * The value objects of the leadership-history aggregate (R91–R96): what an election elects, how, the roles of a
 * term's members, the ballot record with its per-candidate counts (R92), alternates (R93), what an approval
 * approves (R94) and the kinds of renewal reminder (R95); and the ballot arithmetic. Ids are opaque.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { Count } from "../units.ts"

/**
 * What an election that opens a term elects (R91): the committee, or the secretary where there is no committee.
 *
 * @category models
 * @since 0.3.0
 */
export const TermBody = Schema.Literals(["committee", "secretary"])

/**
 * @category models
 * @since 0.3.0
 */
export type TermBody = typeof TermBody.Type

/**
 * The election mode (R24): competitive (差额, more candidates than seats) or one candidate per seat (等额).
 *
 * @category models
 * @since 0.3.0
 */
export const ElectionMode = Schema.Literals(["competitive", "nonCompetitive"])

/**
 * @category models
 * @since 0.3.0
 */
export type ElectionMode = typeof ElectionMode.Type

/**
 * The role of a member of a term (R16): secretary, deputy secretary, the organization, publicity and discipline
 * members, or a member without portfolio.
 *
 * @category models
 * @since 0.3.0
 */
export const LeadershipRole = Schema.Literals([
  "secretary",
  "deputySecretary",
  "organizationMember",
  "publicityMember",
  "disciplineMember",
  "member"
])

/**
 * @category models
 * @since 0.3.0
 */
export type LeadershipRole = typeof LeadershipRole.Type

/**
 * A member of a term with their role.
 *
 * @category models
 * @since 0.3.0
 */
export const TermMember = Schema.Struct({ memberId: Schema.String, role: LeadershipRole }).annotate({
  identifier: "TermMember"
})

/**
 * @category models
 * @since 0.3.0
 */
export type TermMember = typeof TermMember.Type

/**
 * One candidate's counts on a ballot (R92): yes, no and abstentions.
 *
 * @category models
 * @since 0.3.0
 */
export const CandidateCount = Schema.Struct({
  memberId: Schema.String,
  yes: Count,
  no: Count,
  abstain: Count
}).annotate({ identifier: "CandidateCount" })

/**
 * @category models
 * @since 0.3.0
 */
export type CandidateCount = typeof CandidateCount.Type

/**
 * A ballot record (R92): those entitled to vote (应到, after the exclusions approved under R23) and present
 * (实到); ballots issued, collected, valid and invalid; the number of candidates; and, when recorded, each
 * candidate's counts and the write-ins. A record of totals only is accepted, with a finding (the winners
 * cannot be checked).
 *
 * @category models
 * @since 0.3.0
 */
export const Ballot = Schema.Struct({
  entitled: Count,
  present: Count,
  issued: Count,
  collected: Count,
  valid: Count,
  invalid: Count,
  candidates: Count,
  counts: Schema.optionalKey(Schema.Array(CandidateCount)),
  writeIns: Schema.optionalKey(Count)
}).annotate({ identifier: "Ballot" })

/**
 * @category models
 * @since 0.3.0
 */
export type Ballot = typeof Ballot.Type

/**
 * An alternate (候补委员, R93) with their votes; alternates are kept in the order of their votes.
 *
 * @category models
 * @since 0.3.0
 */
export const Alternate = Schema.Struct({ memberId: Schema.String, votes: Count }).annotate({ identifier: "Alternate" })

/**
 * @category models
 * @since 0.3.0
 */
export type Alternate = typeof Alternate.Type

/**
 * What an approval document approves (R94): the secretary or a deputy (R19, 报上级党组织批准), the committee
 * (filed, 备案), or a term extension (R22).
 *
 * @category models
 * @since 0.3.0
 */
export const ApprovalSubject = Schema.Literals(["secretary", "deputySecretary", "committee", "extension"])

/**
 * @category models
 * @since 0.3.0
 */
export type ApprovalSubject = typeof ApprovalSubject.Type

/**
 * The kinds of renewal reminder (R95): the reminder before the term ends (换届提示, by letter or phone) and the
 * notice at the start of the year in which it ends (年初换届提示函, local).
 *
 * @category models
 * @since 0.3.0
 */
export const ReminderKind = Schema.Literals(["reminder", "yearStartNotice"])

/**
 * @category models
 * @since 0.3.0
 */
export type ReminderKind = typeof ReminderKind.Type

/**
 * R92 / R23 HARD: a ballot with more ballots collected than issued is void (选举无效), and a new election follows.
 *
 * @example
 * ```ts
 * import { Leadership } from "@dangjian/core"
 *
 * const ballot = { entitled: 45, present: 40, issued: 40, collected: 41, valid: 41, invalid: 0, candidates: 6 }
 * Leadership.isVoid(ballot) // => true
 * Leadership.isVoid({ ...ballot, collected: 40, valid: 38, invalid: 2 }) // => false
 * ```
 *
 * @category predicates
 * @since 0.3.0
 */
export const isVoid = (ballot: Ballot): boolean => ballot.collected > ballot.issued
