/**
 * The value objects of the organization aggregate: kinds, formation modes, loci, approvals, roster statuses
 * and party-group types, and the tree's kind compatibility (R15, R55, C6, C7).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { LegalDate } from "../LegalDate.ts"
import { Count } from "../units.ts"

/**
 * The kinds of Party organization (RULES.md §1):
 *
 * - `townshipCommittee` 乡镇党委 and `subdistrictCommittee` 街道党(工)委: the level above villages and
 *   communities (R55);
 * - `primaryCommittee` 基层党委 (a village or community one is S002's 二级党委, `secondTier`);
 * - `generalBranch` 党总支;
 * - the branch kinds: `branch` 党支部, `jointBranch` 联合党支部 (R2), `temporaryBranch` 临时党支部 (R9),
 *   `mobileMemberBranch` 流动党员党支部 (R11), `functionalBranch` 功能型党支部 (C7).
 *
 * @category models
 * @since 0.1.0
 */
export const OrgKind = Schema.Literals([
  "townshipCommittee",
  "subdistrictCommittee",
  "primaryCommittee",
  "generalBranch",
  "branch",
  "jointBranch",
  "temporaryBranch",
  "mobileMemberBranch",
  "functionalBranch"
])

/**
 * @category models
 * @since 0.1.0
 */
export type OrgKind = typeof OrgKind.Type

/**
 * How an organization is formed (R14, R27, R48): standalone 单独组建, joint 联合组建 (with covered units),
 * attached to a village 村社挂建, village–community unified 村居合一, village–enterprise joint 村企联建.
 *
 * @category models
 * @since 0.1.0
 */
export const FormationMode = Schema.Literals([
  "standalone",
  "joint",
  "attachedToVillage",
  "villageCommunityUnified",
  "villageEnterprise"
])

/**
 * @category models
 * @since 0.1.0
 */
export type FormationMode = typeof FormationMode.Type

/**
 * Where the organization sits.
 *
 * @category models
 * @since 0.1.0
 */
export const Locus = Schema.Literals([
  "village",
  "community",
  "enterprise",
  "agency",
  "institution",
  "school",
  "hospital",
  "socialOrganization",
  "park",
  "market",
  "cooperative",
  "project",
  "township",
  "subdistrict",
  "other"
])

/**
 * @category models
 * @since 0.1.0
 */
export type Locus = typeof Locus.Type

// The stored format owns its literals. `Approval` and `LocalConditions` are stored in the organization's and the
// member's events, so the approval levels and the local guards they hold are the organization's own lists here,
// not `GovernancePolicy.ApprovalLevel` and `GovernancePolicy.LocalGuard`: editing a policy list never changes a
// stored event. The lists are equal today; if one changes, TypeScript flags every place that compares a stored
// value with a policy figure (`requiredApprovalLevel`, the R5 guard check), and the stored one needs an event
// version of its own.
const approvalLevels = ["primaryCommittee", "township", "county", "city", "province", "central"] as const

/**
 * An approval: who approved (an opaque id of the approving body), at which level, on which date, and when
 * it was applied for (for the one-month reply of R6).
 *
 * @category models
 * @since 0.1.0
 */
export const Approval = Schema.Struct({
  by: Schema.String,
  level: Schema.Literals(approvalLevels),
  at: LegalDate,
  appliedAt: Schema.optionalKey(LegalDate)
}).annotate({ identifier: "Approval" })

/**
 * @category models
 * @since 0.1.0
 */
export type Approval = typeof Approval.Type

/**
 * A member's status on a roster: `full` 正式, `probationary` 预备, `suspended` 停止党籍 (counted nowhere).
 *
 * @category models
 * @since 0.1.0
 */
export const RosterStatus = Schema.Literals(["full", "probationary", "suspended"])

/**
 * @category models
 * @since 0.1.0
 */
export type RosterStatus = typeof RosterStatus.Type

/**
 * The status a member joins a roster with.
 *
 * @category models
 * @since 0.1.0
 */
export const JoiningStatus = Schema.Literals(["full", "probationary"])

/**
 * @category models
 * @since 0.1.0
 */
export type JoiningStatus = typeof JoiningStatus.Type

/**
 * Why a member joins a roster.
 *
 * @category models
 * @since 0.1.0
 */
export const JoinReason = Schema.Literals(["initial", "admitted", "transferredIn", "restored"])

/**
 * @category models
 * @since 0.1.0
 */
export type JoinReason = typeof JoinReason.Type

/**
 * Why a member leaves a roster.
 *
 * @category models
 * @since 0.1.0
 */
export const LeaveReason = Schema.Literals(["transferredOut", "removed", "cancelled", "deceased", "expelled"])

/**
 * @category models
 * @since 0.1.0
 */
export type LeaveReason = typeof LeaveReason.Type

/**
 * Party-group types from the seeds (R12): retired 离退休, mobile 流动, industry 产业, policy publicity and
 * mediation 政策宣传及纠纷调解, activity supervision 社区活动监督, featured 特色, or general.
 *
 * @category models
 * @since 0.1.0
 */
export const GroupType = Schema.Literals([
  "general",
  "retired",
  "mobile",
  "industry",
  "policyPublicityMediation",
  "activitySupervision",
  "featured"
])

/**
 * @category models
 * @since 0.1.0
 */
export type GroupType = typeof GroupType.Type

/**
 * A unit covered by a joint organization, with its full-member count as last recorded (R2).
 *
 * @category models
 * @since 0.1.0
 */
export const CoveredUnit = Schema.Struct({
  unitId: Schema.String,
  fullCount: Count
}).annotate({ identifier: "CoveredUnit" })

/**
 * @category models
 * @since 0.1.0
 */
export type CoveredUnit = typeof CoveredUnit.Type

/**
 * Local preconditions a seed adds before a (second-tier) committee may be set up (S002, C5), as attested on a
 * command and stored in its event (the organization's own list; see `approvalLevels` above).
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
 * Local conditions attested on a command (S002's guards, C5).
 *
 * @category models
 * @since 0.1.0
 */
export const LocalConditions = Schema.Array(LocalGuard)

/**
 * Which body elected.
 *
 * @category models
 * @since 0.1.0
 */
export const ElectingBody = Schema.Literals(["generalMeeting", "delegateCongress"])

/**
 * @category models
 * @since 0.1.0
 */
export type ElectingBody = typeof ElectingBody.Type

/**
 * Why an organization was dissolved (R7, R9).
 *
 * @category models
 * @since 0.1.0
 */
export const DissolutionReason = Schema.Literals([
  "conditionsLapsed",
  "hostBodyDissolved",
  "unitClosed",
  "reorganized",
  "other"
])

/**
 * @category models
 * @since 0.1.0
 */
export type DissolutionReason = typeof DissolutionReason.Type

const branchKinds: ReadonlySet<OrgKind> = new Set([
  "branch",
  "jointBranch",
  "temporaryBranch",
  "mobileMemberBranch",
  "functionalBranch"
])

/**
 * Whether a kind is one of the branch kinds (a 支部 of any sort).
 *
 * @category predicates
 * @since 0.1.0
 */
export const isBranchKind = (kind: OrgKind): boolean => branchKinds.has(kind)

/**
 * Whether a kind is the township or subdistrict level (R55).
 *
 * @category predicates
 * @since 0.1.0
 */
export const isTownshipLevel = (kind: OrgKind): boolean =>
  kind === "townshipCommittee" || kind === "subdistrictCommittee"

/**
 * The rank of a kind in the tree: township level 4, primary committee 3, general branch 2, branches 1.
 *
 * @category getters
 * @since 0.1.0
 */
export const rank = (kind: OrgKind): number =>
  isTownshipLevel(kind) ? 4 : kind === "primaryCommittee" ? 3 : kind === "generalBranch" ? 2 : 1

/**
 * R15 / C6 / C7: whether `child` may sit directly under `parent`. A committee has general branches and
 * branches below it, a general branch has branches, a branch has only party groups (which are not
 * organizations); a functional branch sits under a general branch or committee (C7); the township level has
 * primary organizations of every kind below it.
 *
 * Every allowed edge goes strictly down in {@link rank}, so a tree whose edges are all compatible has no
 * cycle: walking up from any organization the rank strictly grows, and it is at most 4.
 *
 * @category predicates
 * @since 0.1.0
 */
export const canContain = (parent: OrgKind, child: OrgKind): boolean => {
  if (rank(child) >= rank(parent)) return false
  if (child === "functionalBranch") return parent === "generalBranch" || parent === "primaryCommittee"
  return true
}

/**
 * Whether a locus is a village or a community (the loci R6, R21 and R55 speak of).
 *
 * @category predicates
 * @since 0.1.0
 */
export const isVillageOrCommunity = (locus: Locus): boolean => locus === "village" || locus === "community"

/**
 * Whether an approval level is at least another (`township` ≥ `primaryCommittee`, `county` ≥ `township`, …).
 *
 * @category predicates
 * @since 0.1.0
 */
export const levelAtLeast = (level: Approval["level"], required: Approval["level"]): boolean =>
  approvalLevels.indexOf(level) >= approvalLevels.indexOf(required)
