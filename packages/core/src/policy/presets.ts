/**
 * Policy presets: the national rules (default, in force from 2018-07 when RQ set 5-year village and community
 * terms), the pre-2018 rules for replaying older histories (C1, C13), and the local variants of the seed
 * reports (S001 village/community, S002 resettlement areas). Each preset is a plain `GovernancePolicy` value;
 * derive your own with a spread (`{ ...national, name: "my-county", … }`) and check it with
 * `GovernancePolicy.validateLocal` (local rules may only tighten, R5).
 *
 * @since 0.1.0
 */
import { nationalAppraisalPolicy } from "./AppraisalPolicy.ts"
import { nationalDevelopmentPolicy } from "./DevelopmentPolicy.ts"
import { cn2008 } from "./DuesPolicy.ts"
import { nationalLeadershipPolicy } from "./LeadershipPolicy.ts"
import { nationalMembershipPolicy } from "./MembershipPolicy.ts"
import type { GovernancePolicy } from "./model.ts"
import { nationalOrgLifePolicy } from "./OrgLifePolicy.ts"
import { defaultPairingPolicy } from "./PairingPolicy.ts"
import { defaultPointsPolicy } from "./PointsPolicy.ts"
import { defaultRolesPolicy } from "./RolesPolicy.ts"

/**
 * The national rules (ZB 2018, NC 2019, RQ 2018, XJ 2020), in force from 2018-07-01. Figures RULES.md marks
 * secondary carry their source in `source`.
 *
 * @category presets
 * @since 0.1.0
 */
export const national: GovernancePolicy = {
  name: "national-2018",
  effectiveFrom: "2018-07-01",
  branchMinFull: { value: 3, inclusive: true, basis: "FM", mandatory: true, source: "ZB Art. 4; DZ Art. 30; NC ch. 2" },
  branchSoftMax: { value: 50, inclusive: false, basis: "AM", source: "ZB Art. 4" },
  jointBranchMaxUnits: 5,
  generalBranchThreshold: { value: 50, inclusive: false, basis: "AM", mandatory: false, source: "NC ch. 2" },
  generalBranchBelowThresholdNeedsJustification: true,
  committeeThreshold: {
    value: 100,
    inclusive: true,
    basis: "AM",
    mandatory: false,
    source: "NC ch. 2",
    approvalLevel: "county",
    extraGuards: []
  },
  branchCommitteeAtFull: { value: 7, inclusive: true, basis: "FM", mandatory: true, source: "ZB Art. 20 (ch. 6)" },
  forbidCommitteeBelowThreshold: true,
  delegateCongressThreshold: { value: 500, inclusive: true, basis: "AM", source: "XJ Art. 4; NC" },
  committeeSizes: {
    branch: { min: 3, normalMax: 5, max: 7, maxDeputies: 1, source: "ZB Art. 20 (ch. 6)" },
    generalBranch: { min: 5, normalMax: 7, max: 9, maxDeputies: 1, source: "中组部 guidance [2nd]" },
    primaryCommittee: {
      min: 5,
      normalMax: 7,
      max: 9,
      maxDeputies: 2,
      source: "中组部 guidance; village practice [2nd]"
    },
    township: { min: 7, normalMax: 9, max: 9, maxDeputies: 2, source: "NC ch. 2" }
  },
  termYears: {
    villageOrCommunity: 5,
    otherBranch: 3,
    otherGeneralBranch: 3,
    primaryCommittee: 5,
    township: 5,
    source: "RQ 2018; ZB Art. 21; NC"
  },
  renewalReminderMonths: 6,
  extensionMaxMonths: 12,
  election: {
    quorumNumerator: 4,
    quorumDenominator: 5,
    quorumInclusive: false,
    minSurplusPercent: 20,
    source: "XJ90 [2nd]; XJ Art. 13"
  },
  approvalReplyDays: 30,
  conversionAdjustmentDays: 0,
  projectBranchMinMonths: 6,
  requireHostConsent: true,
  groups: { minMembers: 3, minFull: 1, probationaryMayLead: false },
  expectConcurrentSecretaryDirector: true,
  membership: nationalMembershipPolicy,
  dues: cn2008,
  orgLife: nationalOrgLifePolicy,
  appraisal: nationalAppraisalPolicy,
  points: defaultPointsPolicy,
  roles: defaultRolesPolicy,
  pairing: defaultPairingPolicy,
  development: nationalDevelopmentPolicy,
  leadership: nationalLeadershipPolicy
}

/**
 * The rules before 2018 (C13): the same thresholds, but shorter terms. Village and community organizations
 * and other general branches served 3 years, other branches 2, primary committees 3 (中组部 practice under
 * the 2012 Constitution's "三年或四年" / "两年或三年", dkdj.gov.cn [2nd]).
 *
 * @category presets
 * @since 0.1.0
 */
export const legacyPre2018: GovernancePolicy = {
  ...national,
  name: "legacy-pre-2018",
  effectiveFrom: "1990-01-01",
  termYears: {
    villageOrCommunity: 3,
    otherBranch: 2,
    otherGeneralBranch: 3,
    primaryCommittee: 3,
    township: 5,
    source: "C13: 2012 党章 and 中组部 practice [2nd]"
  }
}

/**
 * The S001 town's local rules (content c. 2005–2010): a general branch from 50 members inclusive and phrased
 * as "shall" ("在有50名以上党员的村设立党总支", C2, C3); community terms of 3 years ("每届任期3年", C1);
 * committees of 3–7 for branches and general branches (C4, warnings only).
 *
 * @category presets
 * @since 0.1.0
 */
export const s001Village: GovernancePolicy = {
  ...national,
  name: "s001-village",
  effectiveFrom: "2005-01-01",
  generalBranchThreshold: { value: 50, inclusive: true, basis: "AM", mandatory: true, source: "S001" },
  committeeSizes: {
    ...national.committeeSizes,
    branch: { min: 3, normalMax: 7, max: 7, maxDeputies: 1, source: "S001" },
    generalBranch: { min: 3, normalMax: 7, max: 7, maxDeputies: 1, source: "S001" }
  },
  termYears: { ...national.termYears, villageOrCommunity: 3, source: "S001 (每届任期3年)" }
}

/**
 * The S002 city's rules for concentrated resettlement areas: a (second-tier) committee needs, besides
 * AM ≥ 100 and county approval, a good Party-building foundation and a good venue (C5). These guards only
 * tighten the national rule (R5).
 *
 * @category presets
 * @since 0.1.0
 */
export const s002ResettlementArea: GovernancePolicy = {
  ...national,
  name: "s002-resettlement-area",
  effectiveFrom: "2018-07-01",
  committeeThreshold: {
    ...national.committeeThreshold,
    source: "NC ch. 2; S002 (达到或超过100人, 党建基础较好, 具有较好党建阵地)",
    extraGuards: ["goodFoundation", "venue"]
  }
}
