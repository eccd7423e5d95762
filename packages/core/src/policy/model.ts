/**
 * The governance policy's Schema and the arithmetic of its figures: thresholds with their basis (FM/AM) and
 * inclusivity, committee sizes, terms, elections, groups, and the membership and pairing parts. The
 * `GovernancePolicy` namespace re-exports all of it, with the presets and `validateLocal`; this module is
 * separate so the presets can name the type without importing the namespace that re-exports them (no cycle).
 *
 * A {@link Threshold} is *reached* by a count `n` when `n ≥ value` (inclusive) or `n > value` (exclusive):
 * "3人以上" is `{ value: 3, inclusive: true }`, "超过50人" is `{ value: 50, inclusive: false }`
 * (RULES.md §2, reading conventions).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { LegalDate } from "../LegalDate.ts"
import { Count, Positive } from "../units.ts"
import { AppraisalPolicy } from "./AppraisalPolicy.ts"
import { DevelopmentPolicy } from "./DevelopmentPolicy.ts"
import { DuesPolicy } from "./DuesPolicy.ts"
import { LeadershipPolicy } from "./LeadershipPolicy.ts"
import { MembershipPolicy } from "./MembershipPolicy.ts"
import { OrgLifePolicy } from "./OrgLifePolicy.ts"
import { PairingPolicy } from "./PairingPolicy.ts"
import { PointsPolicy } from "./PointsPolicy.ts"
import { RolesPolicy } from "./RolesPolicy.ts"

/**
 * Which count a threshold is measured on: `FM` full (正式) members only, `AM` all members (full and
 * probationary). Suspended members count nowhere (RULES.md §3.2).
 *
 * @category models
 * @since 0.1.0
 */
export const Basis = Schema.Literals(["FM", "AM"])

/**
 * @category models
 * @since 0.1.0
 */
export type Basis = typeof Basis.Type

/**
 * A numeric threshold: reached at `value` when `inclusive`, above it otherwise. `mandatory` turns "may" into
 * "shall" where RULES.md lets a seed variant do so (C2); `source` names the text it comes from.
 *
 * @category models
 * @since 0.1.0
 */
export const Threshold = Schema.Struct({
  value: Count,
  inclusive: Schema.Boolean,
  basis: Basis,
  mandatory: Schema.optionalKey(Schema.Boolean),
  source: Schema.String
}).annotate({ identifier: "Threshold" })

/**
 * @category models
 * @since 0.1.0
 */
export type Threshold = typeof Threshold.Type

/**
 * Local preconditions a seed adds before a (second-tier) committee may be set up (S002, C5). They may only
 * tighten the national rule (R5).
 *
 * @category models
 * @since 0.1.0
 */
export const LocalGuard = Schema.Literals(["goodFoundation", "venue"])

/**
 * @category models
 * @since 0.1.0
 */
export type LocalGuard = typeof LocalGuard.Type

/**
 * Who approves: the levels of the Party hierarchy an approval can come from, lowest first. `primaryCommittee`
 * is the unit's own primary committee (ZB Art. 6).
 *
 * @category models
 * @since 0.1.0
 */
export const ApprovalLevel = Schema.Literals(["primaryCommittee", "township", "county", "city", "province", "central"])

/**
 * @category models
 * @since 0.1.0
 */
export type ApprovalLevel = typeof ApprovalLevel.Type

/**
 * The committee threshold (R5): a threshold plus the approving level and the local guards.
 *
 * @category models
 * @since 0.1.0
 */
export const CommitteeThreshold = Schema.Struct({
  ...Threshold.fields,
  approvalLevel: ApprovalLevel,
  extraGuards: Schema.Array(LocalGuard)
}).annotate({ identifier: "CommitteeThreshold" })

/**
 * @category models
 * @since 0.1.0
 */
export type CommitteeThreshold = typeof CommitteeThreshold.Type

/**
 * Committee sizes of one kind (R16, R18): `min` to `normalMax` is the normal range, up to `max` is allowed
 * ("一般不超过"), above `max` is a warning; `maxDeputies` deputy secretaries at most.
 *
 * @category models
 * @since 0.1.0
 */
export const SizeRange = Schema.Struct({
  min: Positive,
  normalMax: Positive,
  max: Positive,
  maxDeputies: Count,
  source: Schema.String
}).annotate({ identifier: "SizeRange" })

/**
 * @category models
 * @since 0.1.0
 */
export type SizeRange = typeof SizeRange.Type

/**
 * Term lengths in years (R21, C1, C13).
 *
 * @category models
 * @since 0.1.0
 */
export const TermYears = Schema.Struct({
  /** Village and community committees, general branches and branches (RQ: 5 since 2018). */
  villageOrCommunity: Positive,
  /** Other branches (ZB Art. 21: generally 3). */
  otherBranch: Positive,
  /** Other general branches. */
  otherGeneralBranch: Positive,
  /** Other primary committees (generally 5). */
  primaryCommittee: Positive,
  /** Township and subdistrict committees. */
  township: Positive,
  source: Schema.String
}).annotate({ identifier: "TermYears" })

/**
 * @category models
 * @since 0.1.0
 */
export type TermYears = typeof TermYears.Type

/**
 * Election figures (R23, R24, C9).
 *
 * @category models
 * @since 0.1.0
 */
export const ElectionPolicy = Schema.Struct({
  /** R23: the quorum fraction of those entitled, as numerator / denominator (4/5). */
  quorumNumerator: Positive,
  quorumDenominator: Positive,
  /** C9: whether exactly 4/5 present is enough (default false: "超过"). */
  quorumInclusive: Schema.Boolean,
  /** R24: the surplus of committee candidates over seats, in percent of seats, rounded up (20). */
  minSurplusPercent: Count,
  /** R24 (local, village practice): an absolute minimum surplus; absent = none. */
  minSurplusAbsolute: Schema.optionalKey(Count),
  /** R24 (local): candidates at most this multiple of the seats; absent = no maximum. */
  maxCandidatesMultiple: Schema.optionalKey(Positive),
  source: Schema.String
}).annotate({ identifier: "ElectionPolicy" })

/**
 * @category models
 * @since 0.1.0
 */
export type ElectionPolicy = typeof ElectionPolicy.Type

/**
 * Party groups (R12).
 *
 * @category models
 * @since 0.1.0
 */
export const GroupPolicy = Schema.Struct({
  /** Secondary figure: a group has at least this many members. */
  minMembers: Count,
  /** Secondary figure: of whom at least this many are full members. */
  minFull: Count,
  /** Secondary figure: whether a probationary member may lead a group (default false). */
  probationaryMayLead: Schema.Boolean,
  /** A branch reaching this threshold should divide into groups; absent = no figure (20 is the central-organs one). */
  groupsSuggestedAt: Schema.optionalKey(Threshold)
}).annotate({ identifier: "GroupPolicy" })

/**
 * @category models
 * @since 0.1.0
 */
export type GroupPolicy = typeof GroupPolicy.Type

/**
 * The whole policy.
 *
 * @category models
 * @since 0.1.0
 */
export const GovernancePolicy = Schema.Struct({
  /** A stable name for reports ("national-2018", "s001-village", …). */
  name: Schema.String,
  /** The first legal date on which this policy is in force. */
  effectiveFrom: LegalDate,
  /** R1: a standalone branch needs FM ≥ 3 ("正式党员3人以上"). */
  branchMinFull: Threshold,
  /** R3: a branch over this (AM > 50) is over its soft cap: a split or upgrade is suggested. */
  branchSoftMax: Threshold,
  /** R2: a joint branch generally covers at most this many units ("一般不超过5个"). */
  jointBranchMaxUnits: Positive,
  /** R4 / C2 / C3: a general branch may (or, mandatory, should) be set up from here ("超过50人"). */
  generalBranchThreshold: Threshold,
  /** R4: below the threshold a general branch needs a stated work need and approval (HARD when true). */
  generalBranchBelowThresholdNeedsJustification: Schema.Boolean,
  /** R5 / C5: a committee may be set up from here ("100人以上"), with county approval and local guards. */
  committeeThreshold: CommitteeThreshold,
  /** R16: a branch committee is required from here ("正式党员7人以上"). */
  branchCommitteeAtFull: Threshold,
  /** R17: whether a branch below `branchCommitteeAtFull` may not elect a committee. */
  forbidCommitteeBelowThreshold: Schema.Boolean,
  /** R19: a delegate congress is possible from here ("500名以上"), with approval. */
  delegateCongressThreshold: Threshold,
  /** R16 / R18 / C4: committee sizes per kind. */
  committeeSizes: Schema.Struct({
    branch: SizeRange,
    generalBranch: SizeRange,
    primaryCommittee: SizeRange,
    township: SizeRange
  }),
  /** R21 / C1 / C13. */
  termYears: TermYears,
  /** R22: the higher org reminds this many months before a term ends. */
  renewalReminderMonths: Count,
  /** R22: an approved extension or advance lasts at most this many months ("一般不超过1年"). */
  extensionMaxMonths: Count,
  /** R23 / R24 / C9. */
  election: ElectionPolicy,
  /** R6: the higher org replies within this many days ("一般不超过1个月"). */
  approvalReplyDays: Positive,
  /** R8: days after a village-to-community conversion within which the organization must be adjusted (0 = same day). */
  conversionAdjustmentDays: Count,
  /** R10: projects lasting at least this many months should set up a branch. */
  projectBranchMinMonths: Count,
  /** R11: a mobile-member branch needs a host-organization consent record. */
  requireHostConsent: Schema.Boolean,
  /** R12. */
  groups: GroupPolicy,
  /** R26: the village secretary is expected to serve as village-committee director (一肩挑). */
  expectConcurrentSecretaryDirector: Schema.Boolean,
  /** R37–R47: the membership pillar's figures. */
  membership: MembershipPolicy,
  /** R65–R76: the dues (党费) figures, a dated policy of their own (preset `cn2008`). */
  dues: DuesPolicy,
  /** R28–R36, R58–R61: organizational life (三会一课), meeting records and attendance. */
  orgLife: OrgLifePolicy,
  /** R35, R62–R64: democratic appraisal and the organizational disposal that may follow. */
  appraisal: AppraisalPolicy,
  /** R52–R53: the points scheme's publication and the duty posts. */
  points: PointsPolicy,
  /** R54, R57: first secretaries and Party-building instructors. */
  roles: RolesPolicy,
  /** R49–R50: the pairing pillar's figures. */
  pairing: PairingPolicy,
  /** R77–R90: the member-development figures. */
  development: DevelopmentPolicy,
  /** R91–R96: the leadership-history figures (renewal reminders, approval documents, alternates). */
  leadership: LeadershipPolicy
}).annotate({ identifier: "GovernancePolicy" })

/**
 * @category models
 * @since 0.1.0
 */
export type GovernancePolicy = typeof GovernancePolicy.Type

/**
 * Whether a count reaches a threshold: `n ≥ value` when inclusive, `n > value` otherwise.
 *
 * @example
 * ```ts
 * import { GovernancePolicy } from "@dangjian/core"
 *
 * const overFifty = { value: 50, inclusive: false, basis: "AM", source: "NC" } as const
 * GovernancePolicy.reached(overFifty, 50) // => false
 * GovernancePolicy.reached(overFifty, 51) // => true
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const reached = (threshold: Threshold, n: number): boolean =>
  threshold.inclusive ? n >= threshold.value : n > threshold.value

/**
 * Member counts as thresholds see them.
 *
 * @category models
 * @since 0.1.0
 */
export interface Counts {
  /** Full members (FM). */
  readonly full: number
  /** All members: full and probationary (AM). */
  readonly all: number
}

/**
 * The count a threshold is measured on.
 *
 * @category getters
 * @since 0.1.0
 */
export const countFor = (threshold: Threshold, counts: Counts): number =>
  threshold.basis === "FM" ? counts.full : counts.all

/**
 * Whether counts reach a threshold on its basis.
 *
 * @category predicates
 * @since 0.1.0
 */
export const reachedBy = (threshold: Threshold, counts: Counts): boolean =>
  reached(threshold, countFor(threshold, counts))

/**
 * The smallest count that reaches a threshold (`value` when inclusive, `value + 1` otherwise).
 *
 * @category getters
 * @since 0.1.0
 */
export const minimumReaching = (threshold: Threshold): number =>
  threshold.inclusive ? threshold.value : threshold.value + 1

/**
 * R23: the smallest number present that makes an election with `entitled` voters valid: more than (or, when
 * inclusive, at least) `quorumNumerator / quorumDenominator` of them. Integer arithmetic, no rounding error.
 *
 * @example
 * ```ts
 * import { GovernancePolicy } from "@dangjian/core"
 *
 * const election = GovernancePolicy.national.election
 * GovernancePolicy.quorumMinimum(election, 10) // => 9
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const quorumMinimum = (election: ElectionPolicy, entitled: number): number => {
  // present * d > entitled * n (strict) or ≥ (inclusive)
  const n = election.quorumNumerator
  const d = election.quorumDenominator
  const exact = (entitled * n) / d
  if (Number.isInteger(exact)) return election.quorumInclusive ? exact : exact + 1
  return Math.ceil(exact)
}

/**
 * R24: the smallest number of candidates for `seats` committee seats in a competitive election:
 * `seats + ceil(seats × percent / 100)`, and at least the local absolute surplus.
 *
 * @category getters
 * @since 0.1.0
 */
export const minimumCandidates = (election: ElectionPolicy, seats: number): number => {
  const surplus = Math.ceil((seats * election.minSurplusPercent) / 100)
  return seats + Math.max(surplus, election.minSurplusAbsolute ?? 0)
}

/**
 * R23 / R25: the smallest number of yes-votes that is "more than half" of `base` (`floor(base / 2) + 1`).
 *
 * @category getters
 * @since 0.1.0
 */
export const moreThanHalf = (base: number): number => Math.floor(base / 2) + 1
