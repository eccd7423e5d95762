/**
 * Messages of the organization pillar in zh-CN and en: rejections (`organization.*`), policy validation
 * (`policy.*`), findings (`organization.finding.*`) and the labels the tree rendering uses
 * (`organization.kind.*`, `organization.tree.*`). Params hold ids, counts, dates and kinds only.
 *
 * @since 0.1.0
 */
import type { Catalog, Catalogs, MessageParams } from "../kernel/Message.ts"
import { show } from "../kernel/Message.ts"

type Names = Readonly<Record<string, string>>

const kindsEn: Names = {
  townshipCommittee: "township committee",
  subdistrictCommittee: "subdistrict working committee",
  primaryCommittee: "primary committee",
  generalBranch: "general branch",
  branch: "branch",
  jointBranch: "joint branch",
  temporaryBranch: "temporary branch",
  mobileMemberBranch: "mobile-member branch",
  functionalBranch: "functional branch"
}

const kindsZh: Names = {
  townshipCommittee: "乡镇党委",
  subdistrictCommittee: "街道党工委",
  primaryCommittee: "基层党委",
  generalBranch: "党总支",
  branch: "党支部",
  jointBranch: "联合党支部",
  temporaryBranch: "临时党支部",
  mobileMemberBranch: "流动党员党支部",
  functionalBranch: "功能型党支部"
}

const levelsEn: Names = {
  primaryCommittee: "the unit's primary committee",
  township: "township",
  county: "county",
  city: "city",
  province: "province",
  central: "central"
}

const levelsZh: Names = {
  primaryCommittee: "单位基层党委",
  township: "乡镇(街道)",
  county: "县级",
  city: "市级",
  province: "省级",
  central: "中央"
}

const guardsZh: Names = { goodFoundation: "党建基础较好", venue: "具有较好党建阵地" }
const guardsEn: Names = { goodFoundation: "a good Party-building foundation", venue: "a good venue" }

// Own keys only: a value such as `constructor` is shown as itself, never as Object.prototype's function.
const name = (names: Names) => (value: MessageParams[string]) =>
  value === undefined ? "—" : Object.hasOwn(names, String(value)) ? names[String(value)]! : String(value)

const kEn = name(kindsEn)
const kZh = name(kindsZh)
const lEn = name(levelsEn)
const lZh = name(levelsZh)
const gEn = name(guardsEn)
const gZh = name(guardsZh)
const guardsListEn = (v: MessageParams[string]) =>
  typeof v === "string" && v.length > 0 ? `, and ${v.split(",").map(gEn).join(" and ")}` : ""
const guardsListZh = (v: MessageParams[string]) =>
  typeof v === "string" && v.length > 0 ? `,并须${v.split(",").map(gZh).join("、")}` : ""
const above = (inclusive: MessageParams[string], en: boolean) =>
  inclusive === true ? (en ? "at least" : "达到") : (en ? "more than" : "超过")

const kindCodes = (names: Names): Catalog =>
  Object.fromEntries(Object.entries(names).map(([kind, label]) => [`organization.kind.${kind}`, () => label]))

const en: Catalog = {
  ...kindCodes(kindsEn),
  "organization.tree.counts": (p) => `(FM ${show(p.full)}, AM ${show(p.all)})`,
  "organization.tree.subtree": (p) => `[with sub-organizations: FM ${show(p.full)}, AM ${show(p.all)}]`,

  // rejections
  "organization.alreadyInGroup": (p) =>
    `Member ${show(p.memberId)} of ${show(p.orgId)} is already in party group ${show(p.groupId)}`,
  "organization.alreadyOnRoster": (p) => `Member ${show(p.memberId)} is already on the roster of ${show(p.orgId)}`,
  "organization.approvalAfterAct": (p) =>
    `The approval for ${show(p.orgId)} is dated ${show(p.approvedAt)}, after the act it approves (${show(p.at)})`,
  "organization.approvalBeforeElection": (p) =>
    `The approval for ${show(p.orgId)} (${show(p.approvedAt)}) predates the election (${show(p.electedAt)})`,
  "organization.approvalLevelTooLow": (p) =>
    `A ${kEn(p.kind)} here needs approval at ${lEn(p.required)} level or above; ${show(p.orgId)} has ${
      lEn(p.level)
    } approval`,
  "organization.approvalRequired": (p) => `Dissolving ${show(p.orgId)} needs the higher organization's approval`,
  "organization.attachedNeedsVillage": (p) =>
    `${show(p.orgId)} is attached to a village (村社挂建) but names no active village organization as host`,
  "organization.ballotsExceedIssued": (p) =>
    `More ballots were collected (${show(p.collected)}) than issued (${show(p.issued)}) in ${
      show(p.orgId)
    }: the vote is void and must be held again`,
  "organization.ballotsExceedPresent": (p) =>
    `${show(p.issued)} ballots were issued in ${show(p.orgId)} but only ${show(p.present)} voters were present`,
  "organization.beforeEstablished": (p) =>
    `The legal date ${show(p.at)} is before ${show(p.orgId)} was established (${show(p.establishedAt)})`,
  "organization.branchCommitteeBelowThreshold": (p) =>
    `${show(p.orgId)} has ${show(p.full)} full members; a branch committee needs at least ${
      show(p.required)
    } (below that, a secretary and no committee)`,
  "organization.branchTooSmall": (p) =>
    `A ${kEn(p.kind)} needs at least ${show(p.required)} full members; ${show(p.orgId)} would have ${show(p.full)}`,
  "organization.cannotSplit": (p) =>
    `A ${kEn(p.kind)} (${show(p.orgId)}) cannot be split into ${
      p.placement === "children" ? "sub-" : "sibling "
    }branches`,
  "organization.childrenIncompatible": (p) =>
    `${show(p.orgId)} cannot become a ${kEn(p.kind)}: its sub-organization ${show(p.childId)} is a ${kEn(p.childKind)}`,
  "organization.committeeRequired": (p) =>
    `${show(p.orgId)} has ${show(p.full)} full members (at least ${
      show(p.required)
    }): it must elect a committee, which then elects the secretary`,
  "organization.committeeTooSmall": (p) =>
    `A branch committee has at least ${show(p.min)} members; ${show(p.seats)} seats were proposed for ${show(p.orgId)}`,
  "organization.delegateCongressBelowThreshold": (p) =>
    `A delegate congress needs at least ${show(p.required)} members or dispersed sub-organizations; ${
      show(p.orgId)
    } has ${show(p.members)}`,
  "organization.delegateCongressNeedsApproval": (p) => `A delegate congress of ${show(p.orgId)} needs higher approval`,
  "organization.delegateCongressNotForKind": (p) =>
    `A ${kEn(p.kind)} (${show(p.orgId)}) elects its committee at the general meeting, not a delegate congress`,
  "organization.duplicateCandidate": (p) => `A candidate is named twice in the election of ${show(p.orgId)}`,
  "organization.duplicateMember": (p) => `A member is named twice for ${show(p.orgId)}`,
  "organization.entitledExceedsFull": (p) =>
    `${show(p.entitled)} voters entitled plus ${show(p.excluded)} excluded exceed the ${show(p.full)} full members of ${
      show(p.orgId)
    }: only full members vote`,
  "organization.entitledMismatch": (p) =>
    `The committee of ${show(p.orgId)} has ${show(p.expected)} members, but ${
      show(p.entitled)
    } were counted as entitled`,
  "organization.extensionTooLong": (p) =>
    `A term is extended by at most ${show(p.max)} months without an exceptional approval; ${
      show(p.months)
    } were asked for ${show(p.orgId)}`,
  "organization.formationNeedsCommunity": (p) =>
    `Attachment to a village (村社挂建) is for a community's organization; ${show(p.orgId)} is at a ${show(p.locus)}`,
  "organization.generalBranchBelowThreshold": (p) =>
    `A general branch needs ${above(p.inclusive, true)} ${show(p.threshold)} members or a stated work need; ${
      show(p.orgId)
    } has ${show(p.members)}`,
  "organization.groupNeedsBranch": (p) => `Party groups belong to branches; ${show(p.orgId)} is a ${kEn(p.kind)}`,
  "organization.hasSubOrganizations": (p) =>
    `${show(p.orgId)} still has ${show(p.children)} sub-organizations: move, merge or dissolve them first`,
  "organization.hostConsentMissing": (p) =>
    `A mobile-member branch needs the consent of the host organization ${show(p.hostOrgId)} (${show(p.orgId)})`,
  "organization.hubNotInGroup": (p) =>
    `Member ${show(p.memberId)} is not in party group ${show(p.groupId)} of ${show(p.orgId)}`,
  "organization.invalidStatusChange": (p) =>
    `Member ${show(p.memberId)} of ${show(p.orgId)} cannot go from ${show(p.from)} to ${show(p.to)}`,
  "organization.jointNeedsUnits": (p) =>
    `A joint branch is formed jointly and covers several units; ${show(p.orgId)} names ${show(p.units)}`,
  "organization.kindIncompatible": (p) =>
    `A ${kEn(p.kind)} (${show(p.orgId)}) cannot sit under a ${kEn(p.parentKind)} (${show(p.parentId)})`,
  "organization.leaderNotInGroup": (p) =>
    `The leader ${show(p.memberId)} is not a member of party group ${show(p.groupId)} of ${show(p.orgId)}`,
  "organization.localGuardMissing": (p) => `A committee here also needs ${gEn(p.guard)} (${show(p.orgId)})`,
  "organization.meetingQuorumNotMet": (p) =>
    `The general meeting of ${show(p.orgId)} needs at least ${show(p.required)} of ${
      show(p.entitled)
    } voters present; ${show(p.present)} attended`,
  "organization.mergeIntoDescendant": (p) =>
    `${show(p.orgId)} cannot merge into its own sub-organization ${show(p.intoOrgId)}`,
  "organization.mergeIntoSelf": (p) => `${show(p.orgId)} cannot merge into itself`,
  "organization.mobileNeedsOriginAndHost": (p) =>
    `A mobile-member branch (${show(p.orgId)}) names its origin and host organizations`,
  "organization.noCommittee": (p) => `${show(p.orgId)} has no committee to elect the secretary`,
  "organization.noPendingSecretary": (p) => `${show(p.orgId)} has no elected secretary awaiting approval`,
  "organization.noSeats": (p) => `An election of ${show(p.orgId)} needs at least one seat`,
  "organization.noTerm": (p) => `${show(p.orgId)} has no term to extend`,
  "organization.noneElected": (p) =>
    `No candidate of ${show(p.orgId)} got yes-votes from more than half of the ${show(p.present)} present`,
  "organization.notADowngrade": (p) => `${show(p.orgId)} cannot be downgraded from ${kEn(p.from)} to ${kEn(p.to)}`,
  "organization.notAVillage": (p) => `${show(p.orgId)} is not a village's organization (its locus is ${show(p.locus)})`,
  "organization.notAnUpgrade": (p) => `${show(p.orgId)} cannot be upgraded from ${kEn(p.from)} to ${kEn(p.to)}`,
  "organization.notCommitteeMember": (p) =>
    `Member ${show(p.memberId)} is not on the committee of ${show(p.orgId)}, which elects from its members`,
  "organization.notElected": (p) =>
    `Candidate ${show(p.memberId)} of ${show(p.orgId)} got ${show(p.yes)} yes-votes; more than half of those present (${
      show(p.required)
    }) is needed`,
  "organization.notEligible": (p) =>
    `Member ${show(p.memberId)} of ${show(p.orgId)} is ${
      show(p.status)
    }: only full members have the rights to vote, elect and be elected`,
  "organization.notEnoughCandidates": (p) =>
    `${show(p.seats)} seats need at least ${show(p.required)} candidates (a surplus of 20 %, rounded up); ${
      show(p.orgId)
    } named ${show(p.candidates)}`,
  "organization.notJoint": (p) => `${show(p.orgId)} is not a joint organization and covers no units`,
  "organization.notOnRoster": (p) => `Member ${show(p.memberId)} is not on the roster of ${show(p.orgId)}`,
  "organization.notTemporary": (p) =>
    `Only a temporary branch ends with its host body; ${show(p.orgId)} is a ${kEn(p.kind)}`,
  "organization.parentLevel": (p) =>
    `The organization of a ${show(p.locus)} (${
      show(p.orgId)
    }) is led by the township or subdistrict committee; its parent is ${kEn(p.parentKind)}`,
  "organization.partyCommitteeBelowThreshold": (p) =>
    `A Party committee needs at least ${show(p.threshold)} members; ${show(p.orgId)} has ${show(p.members)}`,
  "organization.presentExceedsEntitled": (p) =>
    `${show(p.present)} present exceeds the ${show(p.entitled)} entitled in ${show(p.orgId)}`,
  "organization.probationaryGroupLeader": (p) =>
    `A probationary member may not lead party group ${show(p.groupId)} of ${show(p.orgId)}`,
  "organization.quorumNotMet": (p) =>
    `The election of ${show(p.orgId)} is invalid: ${show(p.present)} of ${show(p.entitled)} present, at least ${
      show(p.required)
    } (over 4/5) needed`,
  "organization.rosterNotEmpty": (p) =>
    `${show(p.orgId)} still has ${show(p.members)} members: transfer them first (or merge the organization)`,
  "organization.secretaryByCommittee": (p) =>
    `In a ${kEn(p.kind)} (${show(p.orgId)}) the committee elects the secretary`,
  "organization.suspendedCannotMove": (p) =>
    `Member ${show(p.memberId)} of ${show(p.orgId)} is suspended and cannot be moved to another organization`,
  "organization.temporaryBranchFixed": (p) => `The temporary branch ${show(p.orgId)} cannot be upgraded`,
  "organization.temporaryBranchNoAdmission": (p) => `The temporary branch ${show(p.orgId)} does not admit members`,
  "organization.temporaryBranchNoAffiliation": (p) =>
    `Members of the temporary branch ${show(p.orgId)} keep their affiliation in their home organization`,
  "organization.temporaryBranchNoElection": (p) =>
    `The temporary branch ${show(p.orgId)} holds no elections: its leadership is appointed`,
  "organization.temporaryNeedsHostBody": (p) => `A temporary branch (${show(p.orgId)}) names its temporary host body`,
  "organization.tooManyCandidates": (p) =>
    `${show(p.seats)} seats allow at most ${show(p.max)} candidates here; ${show(p.orgId)} named ${show(p.candidates)}`,
  "organization.tooManyDeputies": (p) =>
    `At most ${show(p.max)} deputy secretaries; ${show(p.deputies)} were named for ${show(p.orgId)}`,
  "organization.unifiedNeedsAliases": (p) =>
    `村居合一 (${show(p.orgId)}) is one organization with both names and one leadership team`,
  "organization.villageEnterpriseNeedsUnit": (p) => `村企联建 (${show(p.orgId)}) names the enterprise it joins`,
  "organization.votesExceedPresent": (p) =>
    `${show(p.yes)} yes-votes exceed the ${show(p.present)} present in ${show(p.orgId)}`,
  "organization.wrongStream": (p) => `A command for ${show(p.orgId)} was sent to the stream of ${show(p.streamOrgId)}`,

  // policy validation
  "policy.loosensThreshold": (p) =>
    `Policy ${show(p.policy)} lowers ${show(p.field)} to ${show(p.value)} (national: ${
      show(p.baseline)
    }); local rules may only tighten`,
  "policy.loosensApproval": (p) =>
    `Policy ${show(p.policy)} lets ${lEn(p.level)} approve a committee (national: ${lEn(p.required)})`,
  "policy.dropsGuard": (p) => `Policy ${show(p.policy)} drops the guard ${gEn(p.guard)}`,
  "policy.loosensQuorum": (p) =>
    `Policy ${show(p.policy)} lowers the election quorum (first seen with ${show(p.entitled)} entitled)`,
  "policy.loosensSurplus": (p) =>
    `Policy ${show(p.policy)} lowers the candidate surplus (first seen with ${show(p.seats)} seats)`,
  "policy.loosensExtension": (p) =>
    `Policy ${show(p.policy)} allows extensions of ${show(p.months)} months (national: ${show(p.max)})`,
  "policy.loosensDeputies": (p) =>
    `Policy ${show(p.policy)} allows ${show(p.deputies)} deputy secretaries in a branch (national: ${show(p.max)})`,

  // findings
  "organization.finding.dissolutionDue": (p) =>
    `${show(p.orgId)} has ${show(p.full)} full members, below the ${
      show(p.required)
    } a branch needs: adjust it, merge it into a joint branch or dissolve it`,
  "organization.finding.splitSuggested": (p) =>
    `${show(p.orgId)} has ${show(p.members)} members, over the ${
      show(p.max)
    } a branch normally has: split it or set up a general branch`,
  "organization.finding.generalBranchPossible": (p) =>
    `${show(p.orgId)} has ${show(p.members)} members (${above(p.inclusive, true)} ${
      show(p.threshold)
    }): it may set up a general branch with approval`,
  "organization.finding.generalBranchDue": (p) =>
    `${show(p.orgId)} has ${show(p.members)} members (${above(p.inclusive, true)} ${
      show(p.threshold)
    }): local rules ask it to set up a general branch`,
  "organization.finding.committeePossible": (p) =>
    `${show(p.orgId)} has ${show(p.members)} members (at least ${
      show(p.threshold)
    }): it may set up a Party committee with ${lEn(p.approvalLevel)}-level approval${guardsListEn(p.guards)}`,
  "organization.finding.downgradeSuggested": (p) =>
    `The general branch ${show(p.orgId)} has ${show(p.members)} members, no longer over ${
      show(p.threshold)
    }, and no recorded work need: consider adjusting it`,
  "organization.finding.committeeAdjustmentDue": (p) =>
    `The Party committee ${show(p.orgId)} has ${show(p.members)} ${
      p.basis === "FM" ? "full members" : "members"
    }, no longer ${above(p.inclusive, true)} ${
      show(p.threshold)
    }: the basis of a committee is gone, adjust it promptly`,
  "organization.finding.jointTooManyUnits": (p) =>
    `The joint branch ${show(p.orgId)} covers ${show(p.units)} units; generally at most ${show(p.max)}`,
  "organization.finding.unitCanStandAlone": (p) =>
    `Unit ${show(p.unitId)} in ${show(p.orgId)} has ${show(p.full)} full members: it should set up its own branch`,
  "organization.finding.canStandAlone": (p) =>
    `The attached community organization ${show(p.orgId)} has ${
      show(p.full)
    } full members and may now be set up on its own`,
  "organization.finding.approvalLate": (p) =>
    `The approval of ${show(p.orgId)} took ${show(p.days)} days; the reply is normally within ${show(p.max)}`,
  "organization.finding.conversionNotAdjusted": (p) =>
    `The village of ${show(p.orgId)} became a community on ${
      show(p.convertedAt)
    }, but its Party organization was not adjusted at the same time`,
  "organization.finding.groupTooSmall": (p) =>
    `Party group ${show(p.groupId)} of ${show(p.orgId)} has ${show(p.members)} members (${
      show(p.full)
    } full); at least ${show(p.minMembers)} with ${show(p.minFull)} full are expected`,
  "organization.finding.groupsSuggested": (p) =>
    `${show(p.orgId)} has ${show(p.members)} members and no party groups: divide it into groups`,
  "organization.finding.committeeRequired": (p) =>
    `${show(p.orgId)} has ${show(p.full)} full members (at least ${show(p.required)}) and no branch committee`,
  "organization.finding.committeeNotRequired": (p) =>
    `${show(p.orgId)} now has ${show(p.full)} full members (fewer than ${
      show(p.required)
    }): at its next election it has a secretary and no committee`,
  "organization.finding.committeeTooSmall": (p) =>
    `The committee of ${show(p.orgId)} has ${show(p.size)} members; at least ${show(p.min)} are needed`,
  "organization.finding.committeeTooLarge": (p) =>
    `The committee of ${show(p.orgId)} has ${show(p.size)} members; generally at most ${show(p.max)}`,
  "organization.finding.secretaryApprovalPending": (p) =>
    `The secretary of ${show(p.orgId)} elected on ${show(p.electedAt)} awaits the higher organization's approval`,
  "organization.finding.secretaryApprovalOverdue": (p) =>
    `The secretary of ${show(p.orgId)} elected on ${show(p.electedAt)} is still not approved`,
  "organization.finding.noSecretary": (p) => `${show(p.orgId)} has no secretary in office`,
  "organization.finding.termExpired": (p) =>
    `The term of ${show(p.orgId)} ended on ${show(p.endsAt)} without a renewal election or approved extension`,
  "organization.finding.termExpiring": (p) =>
    `The term of ${show(p.orgId)} ends on ${show(p.endsAt)}: prepare the renewal election`,
  "organization.finding.notConcurrent": (p) =>
    `The village secretary of ${
      show(p.orgId)
    } is expected to serve also as village-committee director and head of the collective economy`,
  "organization.finding.noCrossAppointment": (p) =>
    `The Party and village committees of ${show(p.orgId)} have no cross-appointed members`,
  "organization.finding.coverageGap": (p) =>
    `Unit ${show(p.unitId)} has ${show(p.full)} full members and no Party organization: it should set up a branch`,
  "organization.finding.projectBranchDue": (p) =>
    `Project ${show(p.unitId)} lasts 6 months or more and has ${show(p.full)} full members: it should set up a branch`,
  "organization.finding.jointBranchSuggested": (p) =>
    `Unit ${show(p.unitId)} has ${show(p.full)} full members (fewer than ${
      show(p.required)
    }) and no organization: it should join a joint branch`
}

const zh: Catalog = {
  ...kindCodes(kindsZh),
  "organization.tree.counts": (p) => `(正式党员 ${show(p.full)},党员 ${show(p.all)})`,
  "organization.tree.subtree": (p) => `[含下级组织:正式党员 ${show(p.full)},党员 ${show(p.all)}]`,

  // rejections
  "organization.alreadyInGroup": (p) => `${show(p.orgId)} 的党员 ${show(p.memberId)} 已在党小组 ${show(p.groupId)} 中`,
  "organization.alreadyOnRoster": (p) => `党员 ${show(p.memberId)} 已在 ${show(p.orgId)} 的名册中`,
  "organization.approvalAfterAct": (p) =>
    `${show(p.orgId)} 的批复日期 ${show(p.approvedAt)} 晚于所批准事项的日期 ${show(p.at)}`,
  "organization.approvalBeforeElection": (p) =>
    `${show(p.orgId)} 的批复日期 ${show(p.approvedAt)} 早于选举日期 ${show(p.electedAt)}`,
  "organization.approvalLevelTooLow": (p) =>
    `此处设立${kZh(p.kind)}须经${lZh(p.required)}或以上党组织批准;${show(p.orgId)} 的批准机关为${lZh(p.level)}`,
  "organization.approvalRequired": (p) => `撤销 ${show(p.orgId)} 须经上级党组织批准`,
  "organization.attachedNeedsVillage": (p) => `${show(p.orgId)} 为村社挂建,但未指明所挂靠的现有村党组织`,
  "organization.ballotsExceedIssued": (p) =>
    `${show(p.orgId)} 收回选票 ${show(p.collected)} 张,多于发出的 ${show(p.issued)} 张:选举无效,应重新投票`,
  "organization.ballotsExceedPresent": (p) =>
    `${show(p.orgId)} 发出选票 ${show(p.issued)} 张,但实到会仅 ${show(p.present)} 人`,
  "organization.beforeEstablished": (p) =>
    `生效日期 ${show(p.at)} 早于 ${show(p.orgId)} 的成立日期 ${show(p.establishedAt)}`,
  "organization.branchCommitteeBelowThreshold": (p) =>
    `${show(p.orgId)} 有正式党员 ${show(p.full)} 名;正式党员 ${
      show(p.required)
    } 人以上的党支部才设立支部委员会,不足的设书记,不设委员会`,
  "organization.branchTooSmall": (p) =>
    `${kZh(p.kind)}须有正式党员 ${show(p.required)} 人以上;${show(p.orgId)} 将只有 ${show(p.full)} 名`,
  "organization.cannotSplit": (p) => `${kZh(p.kind)} ${show(p.orgId)} 不能按此方式分设党支部`,
  "organization.childrenIncompatible": (p) =>
    `${show(p.orgId)} 不能改为${kZh(p.kind)}:其下级组织 ${show(p.childId)} 是${kZh(p.childKind)}`,
  "organization.committeeRequired": (p) =>
    `${show(p.orgId)} 有正式党员 ${show(p.full)} 名(${show(p.required)} 人以上):应当设立支部委员会,由委员会选举书记`,
  "organization.committeeTooSmall": (p) =>
    `支部委员会至少由 ${show(p.min)} 人组成;${show(p.orgId)} 拟选 ${show(p.seats)} 名`,
  "organization.delegateCongressBelowThreshold": (p) =>
    `召开党员代表大会须党员 ${show(p.required)} 名以上或所辖党组织驻地分散;${show(p.orgId)} 有党员 ${
      show(p.members)
    } 名`,
  "organization.delegateCongressNeedsApproval": (p) => `${show(p.orgId)} 召开党员代表大会须经上级党组织批准`,
  "organization.delegateCongressNotForKind": (p) =>
    `${kZh(p.kind)} ${show(p.orgId)} 的委员会由党员大会选举,不召开党员代表大会`,
  "organization.duplicateCandidate": (p) => `${show(p.orgId)} 的选举中有候选人重复`,
  "organization.duplicateMember": (p) => `${show(p.orgId)} 的名单中有党员重复`,
  "organization.entitledExceedsFull": (p) =>
    `应到会 ${show(p.entitled)} 人加经批准不计入的 ${show(p.excluded)} 人,超过 ${show(p.orgId)} 的正式党员 ${
      show(p.full)
    } 名:只有正式党员有表决权和选举权`,
  "organization.entitledMismatch": (p) =>
    `${show(p.orgId)} 的委员会有 ${show(p.expected)} 人,但应到会计为 ${show(p.entitled)} 人`,
  "organization.extensionTooLong": (p) =>
    `延期换届一般不超过 ${show(p.max)} 个月;${show(p.orgId)} 申请延期 ${show(p.months)} 个月,且无特别批准`,
  "organization.formationNeedsCommunity": (p) => `村社挂建适用于社区党组织;${show(p.orgId)} 所在为 ${show(p.locus)}`,
  "organization.generalBranchBelowThreshold": (p) =>
    `成立党总支须党员人数${above(p.inclusive, false)} ${show(p.threshold)} 人,或确因工作需要;${show(p.orgId)} 有党员 ${
      show(p.members)
    } 名`,
  "organization.groupNeedsBranch": (p) => `党小组设在党支部内;${show(p.orgId)} 是${kZh(p.kind)}`,
  "organization.hasSubOrganizations": (p) =>
    `${show(p.orgId)} 仍有下级组织 ${show(p.children)} 个:应先调整、合并或撤销`,
  "organization.hostConsentMissing": (p) =>
    `成立流动党员党支部须有流入地党组织 ${show(p.hostOrgId)} 的同意记录(${show(p.orgId)})`,
  "organization.hubNotInGroup": (p) => `党员 ${show(p.memberId)} 不在 ${show(p.orgId)} 的党小组 ${show(p.groupId)} 中`,
  "organization.invalidStatusChange": (p) =>
    `${show(p.orgId)} 的党员 ${show(p.memberId)} 不能由 ${show(p.from)} 改为 ${show(p.to)}`,
  "organization.jointNeedsUnits": (p) =>
    `联合党支部以联合组建方式成立,并覆盖多个单位;${show(p.orgId)} 列出 ${show(p.units)} 个`,
  "organization.kindIncompatible": (p) =>
    `${kZh(p.kind)} ${show(p.orgId)} 不能隶属于${kZh(p.parentKind)} ${show(p.parentId)}`,
  "organization.leaderNotInGroup": (p) =>
    `组长 ${show(p.memberId)} 不是 ${show(p.orgId)} 党小组 ${show(p.groupId)} 的成员`,
  "organization.localGuardMissing": (p) => `此处设立党委还须${gZh(p.guard)}(${show(p.orgId)})`,
  "organization.meetingQuorumNotMet": (p) =>
    `${show(p.orgId)} 的党员大会须有表决权的党员半数以上到会(${show(p.entitled)} 人中至少 ${
      show(p.required)
    } 人);实到 ${show(p.present)} 人`,
  "organization.mergeIntoDescendant": (p) => `${show(p.orgId)} 不能并入其下级组织 ${show(p.intoOrgId)}`,
  "organization.mergeIntoSelf": (p) => `${show(p.orgId)} 不能并入自身`,
  "organization.mobileNeedsOriginAndHost": (p) => `流动党员党支部(${show(p.orgId)})须注明流出地和流入地党组织`,
  "organization.noCommittee": (p) => `${show(p.orgId)} 没有委员会,无法由委员会选举书记`,
  "organization.noPendingSecretary": (p) => `${show(p.orgId)} 没有待批准的当选书记`,
  "organization.noSeats": (p) => `${show(p.orgId)} 的选举至少应有一个应选名额`,
  "organization.noTerm": (p) => `${show(p.orgId)} 没有可延期的任期`,
  "organization.noneElected": (p) => `${show(p.orgId)} 没有候选人获得超过实到会 ${show(p.present)} 人半数的赞成票`,
  "organization.notADowngrade": (p) => `${show(p.orgId)} 不能由${kZh(p.from)}调整为${kZh(p.to)}`,
  "organization.notAVillage": (p) => `${show(p.orgId)} 不是村党组织(所在为 ${show(p.locus)})`,
  "organization.notAnUpgrade": (p) => `${show(p.orgId)} 不能由${kZh(p.from)}升格为${kZh(p.to)}`,
  "organization.notCommitteeMember": (p) =>
    `党员 ${show(p.memberId)} 不是 ${show(p.orgId)} 委员会成员,书记、副书记从委员中选举`,
  "organization.notElected": (p) =>
    `${show(p.orgId)} 的候选人 ${show(p.memberId)} 获赞成票 ${show(p.yes)} 张;须超过实到会人数的半数(至少 ${
      show(p.required)
    } 张)`,
  "organization.notEligible": (p) =>
    `${show(p.orgId)} 的党员 ${show(p.memberId)} 为 ${show(p.status)}:只有正式党员有表决权、选举权和被选举权`,
  "organization.notEnoughCandidates": (p) =>
    `应选 ${show(p.seats)} 名须至少 ${show(p.required)} 名候选人(差额不少于20%,进一法);${show(p.orgId)} 提名 ${
      show(p.candidates)
    } 名`,
  "organization.notJoint": (p) => `${show(p.orgId)} 不是联合组建的党组织,不覆盖其他单位`,
  "organization.notOnRoster": (p) => `党员 ${show(p.memberId)} 不在 ${show(p.orgId)} 的名册中`,
  "organization.notTemporary": (p) => `只有临时党支部随临时机构撤销而撤销;${show(p.orgId)} 是${kZh(p.kind)}`,
  "organization.parentLevel": (p) =>
    `${show(p.locus)} 党组织(${show(p.orgId)})在乡镇党委或街道党工委领导下开展工作;其上级为${kZh(p.parentKind)}`,
  "organization.partyCommitteeBelowThreshold": (p) =>
    `成立党的基层委员会须党员 ${show(p.threshold)} 人以上;${show(p.orgId)} 有党员 ${show(p.members)} 名`,
  "organization.presentExceedsEntitled": (p) =>
    `${show(p.orgId)} 实到会 ${show(p.present)} 人,多于应到会 ${show(p.entitled)} 人`,
  "organization.probationaryGroupLeader": (p) => `预备党员不能担任 ${show(p.orgId)} 党小组 ${show(p.groupId)} 的组长`,
  "organization.quorumNotMet": (p) =>
    `${show(p.orgId)} 的选举无效:应到会 ${show(p.entitled)} 人,实到 ${show(p.present)} 人,须超过五分之四(至少 ${
      show(p.required)
    } 人)`,
  "organization.rosterNotEmpty": (p) => `${show(p.orgId)} 仍有党员 ${show(p.members)} 名:应先转接组织关系(或合并组织)`,
  "organization.secretaryByCommittee": (p) => `${kZh(p.kind)} ${show(p.orgId)} 的书记由委员会选举`,
  "organization.suspendedCannotMove": (p) => `${show(p.orgId)} 的党员 ${show(p.memberId)} 已停止党籍,不能转入其他组织`,
  "organization.temporaryBranchFixed": (p) => `临时党支部 ${show(p.orgId)} 不能升格`,
  "organization.temporaryBranchNoAdmission": (p) => `临时党支部 ${show(p.orgId)} 一般不发展党员`,
  "organization.temporaryBranchNoAffiliation": (p) => `临时党支部 ${show(p.orgId)} 的党员组织关系不转接,仍在原组织`,
  "organization.temporaryBranchNoElection": (p) => `临时党支部 ${show(p.orgId)} 不进行换届选举,其书记、委员由上级指定`,
  "organization.temporaryNeedsHostBody": (p) => `临时党支部(${show(p.orgId)})须注明所在的临时机构`,
  "organization.tooManyCandidates": (p) =>
    `应选 ${show(p.seats)} 名,候选人不得多于 ${show(p.max)} 名;${show(p.orgId)} 提名 ${show(p.candidates)} 名`,
  "organization.tooManyDeputies": (p) => `副书记最多 ${show(p.max)} 名;${show(p.orgId)} 提名 ${show(p.deputies)} 名`,
  "organization.unifiedNeedsAliases": (p) => `村居合一(${show(p.orgId)})实行"两块牌子、一套班子"`,
  "organization.villageEnterpriseNeedsUnit": (p) => `村企联建(${show(p.orgId)})须注明联建的企业`,
  "organization.votesExceedPresent": (p) =>
    `${show(p.orgId)} 赞成票 ${show(p.yes)} 张,多于实到会 ${show(p.present)} 人`,
  "organization.wrongStream": (p) => `${show(p.orgId)} 的命令被发往 ${show(p.streamOrgId)} 的流`,

  // policy validation
  "policy.loosensThreshold": (p) =>
    `政策 ${show(p.policy)} 将 ${show(p.field)} 降为 ${show(p.value)}(全国规定 ${show(p.baseline)});地方规定只能从严`,
  "policy.loosensApproval": (p) =>
    `政策 ${show(p.policy)} 允许${lZh(p.level)}批准设立党委(全国规定为${lZh(p.required)})`,
  "policy.dropsGuard": (p) => `政策 ${show(p.policy)} 取消了条件:${gZh(p.guard)}`,
  "policy.loosensQuorum": (p) => `政策 ${show(p.policy)} 降低了选举到会要求(应到会 ${show(p.entitled)} 人时)`,
  "policy.loosensSurplus": (p) => `政策 ${show(p.policy)} 降低了候选人差额(应选 ${show(p.seats)} 名时)`,
  "policy.loosensExtension": (p) =>
    `政策 ${show(p.policy)} 允许延期 ${show(p.months)} 个月(全国规定不超过 ${show(p.max)} 个月)`,
  "policy.loosensDeputies": (p) =>
    `政策 ${show(p.policy)} 允许党支部设副书记 ${show(p.deputies)} 名(全国规定最多 ${show(p.max)} 名)`,

  // findings
  "organization.finding.dissolutionDue": (p) =>
    `${show(p.orgId)} 正式党员 ${show(p.full)} 名,不足 ${
      show(p.required)
    } 名,已不符合设立条件:应及时调整、并入联合党支部或撤销`,
  "organization.finding.splitSuggested": (p) =>
    `${show(p.orgId)} 有党员 ${show(p.members)} 名,超过党支部一般 ${show(p.max)} 人的规模:宜分设党支部或成立党总支`,
  "organization.finding.generalBranchPossible": (p) =>
    `${show(p.orgId)} 有党员 ${show(p.members)} 名(${above(p.inclusive, false)} ${
      show(p.threshold)
    } 人):经批准可以成立党总支`,
  "organization.finding.generalBranchDue": (p) =>
    `${show(p.orgId)} 有党员 ${show(p.members)} 名(${above(p.inclusive, false)} ${
      show(p.threshold)
    } 人):按本地规定应建立党总支`,
  "organization.finding.committeePossible": (p) =>
    `${show(p.orgId)} 有党员 ${show(p.members)} 名(${show(p.threshold)} 人以上):经${
      lZh(p.approvalLevel)
    }党委批准可以成立党委${guardsListZh(p.guards)}`,
  "organization.finding.downgradeSuggested": (p) =>
    `党总支 ${show(p.orgId)} 有党员 ${show(p.members)} 名,已不超过 ${show(p.threshold)} 人,且无工作需要记录:可考虑调整`,
  "organization.finding.committeeAdjustmentDue": (p) =>
    `党委 ${show(p.orgId)} 现有${p.basis === "FM" ? "正式党员" : "党员"} ${show(p.members)} 名,已${
      p.inclusive === true ? "不足" : "不超过"
    } ${show(p.threshold)} 人,不再具备设立党委的条件:应及时调整`,
  "organization.finding.jointTooManyUnits": (p) =>
    `联合党支部 ${show(p.orgId)} 覆盖 ${show(p.units)} 个单位,一般不超过 ${show(p.max)} 个`,
  "organization.finding.unitCanStandAlone": (p) =>
    `${show(p.orgId)} 覆盖的单位 ${show(p.unitId)} 已有正式党员 ${show(p.full)} 名:应单独成立党支部`,
  "organization.finding.canStandAlone": (p) =>
    `挂建的社区党组织 ${show(p.orgId)} 已有正式党员 ${show(p.full)} 名,可以单独组建`,
  "organization.finding.approvalLate": (p) =>
    `${show(p.orgId)} 的批复用时 ${show(p.days)} 天,一般不超过 ${show(p.max)} 天`,
  "organization.finding.conversionNotAdjusted": (p) =>
    `${show(p.orgId)} 所在村于 ${show(p.convertedAt)} 改为社区,党组织未同步调整`,
  "organization.finding.groupTooSmall": (p) =>
    `${show(p.orgId)} 的党小组 ${show(p.groupId)} 有党员 ${show(p.members)} 名(正式党员 ${
      show(p.full)
    } 名);一般不少于 ${show(p.minMembers)} 名,其中正式党员不少于 ${show(p.minFull)} 名`,
  "organization.finding.groupsSuggested": (p) =>
    `${show(p.orgId)} 有党员 ${show(p.members)} 名,尚未划分党小组:应当划分若干党小组`,
  "organization.finding.committeeRequired": (p) =>
    `${show(p.orgId)} 有正式党员 ${show(p.full)} 名(${show(p.required)} 人以上),尚未设立支部委员会`,
  "organization.finding.committeeNotRequired": (p) =>
    `${show(p.orgId)} 现有正式党员 ${show(p.full)} 名(不足 ${show(p.required)} 人):换届时设书记,不设委员会`,
  "organization.finding.committeeTooSmall": (p) =>
    `${show(p.orgId)} 的委员会有 ${show(p.size)} 人,少于 ${show(p.min)} 人`,
  "organization.finding.committeeTooLarge": (p) =>
    `${show(p.orgId)} 的委员会有 ${show(p.size)} 人,一般不超过 ${show(p.max)} 人`,
  "organization.finding.secretaryApprovalPending": (p) =>
    `${show(p.orgId)} 于 ${show(p.electedAt)} 选出的书记待上级党组织批准`,
  "organization.finding.secretaryApprovalOverdue": (p) =>
    `${show(p.orgId)} 于 ${show(p.electedAt)} 选出的书记至今未获批准`,
  "organization.finding.noSecretary": (p) => `${show(p.orgId)} 没有在任书记`,
  "organization.finding.termExpired": (p) =>
    `${show(p.orgId)} 的任期已于 ${show(p.endsAt)} 届满,未按期换届,也无批准的延期`,
  "organization.finding.termExpiring": (p) => `${show(p.orgId)} 的任期将于 ${show(p.endsAt)} 届满:应做好换届准备`,
  "organization.finding.notConcurrent": (p) =>
    `${show(p.orgId)} 的村党组织书记应通过法定程序担任村委会主任和村级集体经济组织负责人`,
  "organization.finding.noCrossAppointment": (p) => `${show(p.orgId)} 的村"两委"成员没有交叉任职`,
  "organization.finding.coverageGap": (p) =>
    `单位 ${show(p.unitId)} 有正式党员 ${show(p.full)} 名,尚无党组织:应当成立党支部`,
  "organization.finding.projectBranchDue": (p) =>
    `项目 ${show(p.unitId)} 为期6个月以上,有正式党员 ${show(p.full)} 名:应当成立党支部`,
  "organization.finding.jointBranchSuggested": (p) =>
    `单位 ${show(p.unitId)} 正式党员 ${show(p.full)} 名(不足 ${show(p.required)} 名),尚无党组织:可成立联合党支部`
}

/**
 * The organization pillar's catalogs.
 *
 * @category messages
 * @since 0.1.0
 */
export const organizationMessages: Catalogs = { en, "zh-CN": zh }
