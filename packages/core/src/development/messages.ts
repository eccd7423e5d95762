/**
 * Messages of the development aggregate in zh-CN and en: rejections (`development.*`), findings
 * (`development.finding.*`) and the labels of the stages (`development.stage.*`, R77). Params hold ids, counts,
 * step numbers and dates only: never a name, an ID number or a birth date.
 *
 * @since 0.3.0
 */
import type { Catalog, Catalogs } from "../kernel/Message.ts"
import { show } from "../kernel/Message.ts"

const en: Catalog = {
  "development.stage.applicant": () => "applicant",
  "development.stage.activist": () => "activist",
  "development.stage.developmentObject": () => "development object",
  "development.stage.probationary": () => "probationary member",
  "development.stage.full": () => "full member",
  "development.stage.rejected": () => "not approved",
  "development.stage.cancelled": () => "probation cancelled",
  "development.wrongStream": (p) =>
    `The command names applicant ${show(p.applicantId)}, but the record belongs to ${show(p.streamApplicantId)}`,
  "development.alreadyAdmitted": (p) =>
    `Applicant ${show(p.applicantId)} has already been approved (${
      show(p.status)
    }); this step comes before the approval`,
  "development.stepOutOfOrder": (p) =>
    `Step ${show(p.step)} for applicant ${show(p.applicantId)} needs step ${show(p.requires)} first`,
  "development.beforePrerequisite": (p) =>
    `Step ${show(p.step)} for applicant ${show(p.applicantId)} is dated ${show(p.at)}, before step ${
      show(p.requires)
    } (${show(p.prerequisiteAt)})`,
  "development.beforeApplication": (p) =>
    `The date ${show(p.at)} is before the application of ${show(p.applicantId)} (${show(p.receivedAt)})`,
  "development.beforeMove": (p) =>
    `The date ${show(p.at)} is before the move of the record of ${show(p.applicantId)} (${show(p.movedAt)})`,
  "development.bornAfterApplication": (p) =>
    `The birth date of applicant ${show(p.applicantId)} is after the application`,
  "development.underAge": (p) =>
    `Applicant ${show(p.applicantId)} is not yet ${show(p.minAge)} on the date of the application`,
  "development.noCommittee": (p) =>
    `Organization ${show(p.orgId)} has no committee: its general meeting decides (there is no branch committee)`,
  "development.committeeDecides": (p) =>
    `Organization ${show(p.orgId)} has a committee: the branch committee decides, not the general meeting`,
  "development.duplicatePerson": (p) => `A person is named twice for applicant ${show(p.applicantId)}`,
  "development.contactPersonCount": (p) =>
    `Applicant ${show(p.applicantId)} is given ${show(p.count)} contact person(s); ${show(p.min)} to ${
      show(p.max)
    } are required`,
  "development.selfNamed": (p) => `Applicant ${show(p.applicantId)} cannot be their own contact person or introducer`,
  "development.notFullMember": (p) =>
    `${show(p.memberId)} is not a full member (${show(p.status)}); only full members may serve for applicant ${
      show(p.applicantId)
    }`,
  "development.carryOverUnset": (p) =>
    `The record of ${
      show(p.applicantId)
    } moved after the activist designation: the policy must say whether the time as an activist carries over (development.activistTimeCarriesOver)`,
  "development.activistTooShort": (p) =>
    `Applicant ${show(p.applicantId)} has been an activist since ${
      show(p.since)
    }; a development object needs a full year, from ${show(p.earliest)}`,
  "development.introducerCount": (p) =>
    `Applicant ${show(p.applicantId)} is given ${show(p.count)} distinct introducer(s); exactly ${
      show(p.required)
    } are required`,
  "development.trainingTooShort": (p) =>
    `The training of ${show(p.applicantId)} lasted ${show(p.days)} day(s) and ${show(p.hours)} hour(s); at least ${
      show(p.minDays)
    } days or ${show(p.minHours)} hours are required, or a waiver with its reason`,
  "development.politicalReviewNotPassed": (p) =>
    `The political review of ${show(p.applicantId)} has not passed; without it there is no admission`,
  "development.formBeforePreReview": (p) =>
    `The admission form of ${show(p.applicantId)} is issued only after the pre-review passed`,
  "development.formNotIssued": (p) => `The admission form of ${show(p.applicantId)} has not been issued`,
  "development.temporaryNoAdmission": (p) =>
    `The temporary organization ${show(p.orgId)} does not receive probationary members`,
  "development.batchVote": (p) =>
    `A vote names ${show(p.candidates)} candidates; the general meeting votes on each candidate separately (${
      show(p.applicantId)
    })`,
  "development.batchApproval": (p) =>
    `The committee's decision names ${show(p.candidates)} candidates; each candidate is decided separately (${
      show(p.applicantId)
    })`,
  "development.alreadyVoted": (p) =>
    `The vote of ${show(p.votedAt)} on ${show(p.applicantId)} passed and awaits its approval`,
  "development.exclusionsNotApplicable": (p) =>
    `${show(p.excluded)} voter(s) excluded from the count of ${
      show(p.orgId)
    }: the policy applies the attendance exclusions only to other votes (${show(p.vote)} is not among them)`,
  "development.votesExceedPresent": (p) =>
    `${show(p.yes)} yes-votes at ${show(p.orgId)} but only ${show(p.present)} present`,
  "development.writtenOpinionsInconsistent": (p) =>
    `${show(p.writtenOpinions)} written opinion(s) (${show(p.writtenYes)} in favour) at ${show(p.orgId)}, but ${
      show(p.absent)
    } voter(s) were absent`,
  "development.voteQuorumNotMet": (p) =>
    `Only ${show(p.present)} of ${show(p.entitled)} voters of ${show(p.orgId)} were present; at least ${
      show(p.required)
    } must be (written opinions do not count)`,
  "development.notIntermediate": (p) =>
    `${show(p.reviewerOrgId)} is not a committee or general branch above ${show(p.orgId)}`,
  "development.noApprovalInterview": (p) =>
    `No one from the higher committee has talked with ${show(p.applicantId)} since the vote`,
  "development.approverTemporary": (p) => `The temporary organization ${show(p.approverOrgId)} cannot approve`,
  "development.approverSecondTier": (p) =>
    `${show(p.approverOrgId)} is a village or community Party committee: it reviews, it cannot approve`,
  "development.approverNotAllowed": (p) =>
    `${show(p.approverOrgId)} (${show(p.kind)}) has no power to approve probationary members`,
  "development.approverNotAbove": (p) => `${show(p.approverOrgId)} is not a committee above ${show(p.orgId)}`,
  "development.approvalTooLate": (p) =>
    `More than six months since ${show(p.from)} (the last day was ${show(p.latest)}): the branch must vote again on ${
      show(p.applicantId)
    }`,
  "development.unknownGroup": (p) => `${show(p.groupId)} is not a party group of ${show(p.orgId)}`,
  "development.alreadyPostponed": (p) =>
    `The conversion discussion of ${show(p.applicantId)} is already postponed to ${show(p.until)}`,
  "development.postponeNotTransferredIn": (p) =>
    `The conversion of ${
      show(p.applicantId)
    } can be postponed only for a member transferred in during the probation; extend the probation instead`,
  "development.postponeBeforeEnd": (p) =>
    `A postponement to ${show(p.until)} must go past the end of the probation (${show(p.endsAt)})`,
  "development.postponeTooLong": (p) =>
    `The conversion of ${show(p.applicantId)} can be postponed to ${show(p.latest)} at the latest, not ${
      show(p.until)
    }`,
  "development.extendMonthsMismatch": (p) =>
    `The months of an extension go with an extension only (the outcome is ${show(p.outcome)}; ${show(p.applicantId)})`,
  "development.conversionVoteEarly": (p) =>
    `The probation of ${show(p.applicantId)} ends on ${show(p.endsAt)}; the conversion is not discussed before (${
      show(p.at)
    })`,
  "development.transferAfterVote": (p) =>
    `The vote of ${show(p.votedAt)} on ${show(p.applicantId)} awaits its approval: the record cannot move now`,
  "development.transferToSameOrg": (p) => `The record is already at ${show(p.orgId)}`,
  "development.finding.talkOverdue": (p) =>
    `No one has talked with applicant ${show(p.applicantId)} (application of ${
      show(p.receivedAt)
    }); the talk was due by ${show(p.due)}`,
  "development.finding.talkLate": (p) =>
    `The talk with applicant ${show(p.applicantId)} was held on ${show(p.heldOn)}, after ${show(p.due)}`,
  "development.finding.activistTooEarly": (p) =>
    `${show(p.applicantId)} became an activist on ${show(p.designatedOn)}, before the local minimum (${
      show(p.earliest)
    })`,
  "development.finding.activistDecisionOverdue": (p) =>
    `The activist decision on applicant ${show(p.applicantId)} was due by ${show(p.due)}`,
  "development.finding.activistDecisionLate": (p) =>
    `${show(p.applicantId)} became an activist on ${show(p.designatedOn)}, after the local deadline ${show(p.due)}`,
  "development.finding.activistNotFiled": (p) =>
    `Activist ${show(p.applicantId)} (since ${show(p.since)}) has not been filed with the higher committee`,
  "development.finding.activistReviewOverdue": (p) =>
    `Activist ${show(p.applicantId)} has not been reviewed since ${show(p.since)}; a review was due by ${show(p.due)}`,
  "development.finding.developmentObjectNotFiled": (p) =>
    `Development object ${show(p.applicantId)} (since ${show(p.since)}) has not been filed with the higher committee`,
  "development.finding.trainingWaived": (p) =>
    `The training of ${show(p.applicantId)} (${show(p.days)} day(s), ${show(p.hours)} hour(s)) was short and waived`,
  "development.finding.departureSoon": (p) =>
    `${show(p.applicantId)} is expected to leave the unit on ${show(p.departureOn)}, within ${
      show(p.months)
    } months of the vote: generally no admission`,
  "development.finding.approvalOverdue": (p) =>
    `The approval of ${show(p.applicantId)} was due by ${show(p.due)} (from ${show(p.from)})`,
  "development.finding.approvalWindowLapsed": (p) =>
    `No approval of ${show(p.applicantId)} by ${show(p.latest)}: the branch must vote again`,
  "development.finding.approvalLate": (p) =>
    `${show(p.applicantId)} was approved on ${show(p.approvedOn)}, after ${show(p.due)}, with no reason recorded`,
  "development.finding.intermediateReviewMissing": (p) =>
    `${show(p.reviewerOrgId)} did not review the admission of ${show(p.applicantId)} before the approval`,
  "development.finding.admissionNotFiled": (p) =>
    `The approval of ${show(p.applicantId)} (${
      show(p.approvedOn)
    }) has not been filed with the organization department`,
  "development.finding.notPlaced": (p) =>
    `Probationary member ${show(p.applicantId)} (approved ${show(p.approvedOn)}) has not been placed in a party group`,
  "development.finding.oathMissing": (p) =>
    `Probationary member ${show(p.applicantId)} (approved ${show(p.approvedOn)}) has not taken the oath`,
  "development.finding.probationReviewOverdue": (p) =>
    `Probationary member ${show(p.applicantId)} has not been reviewed since ${show(p.since)}; a review was due by ${
      show(p.due)
    }`,
  "development.finding.conversionVoteOverdue": (p) =>
    `The probation of ${show(p.applicantId)} ended on ${show(p.endsAt)}; the conversion vote was due by ${show(p.due)}`,
  "development.finding.conversionApprovalOverdue": (p) =>
    `The conversion vote on ${show(p.applicantId)} (${show(p.votedOn)}) awaits its approval, due by ${show(p.due)}`,
  "development.finding.conversionApprovalLate": (p) =>
    `The conversion of ${show(p.applicantId)} was approved on ${show(p.approvedOn)}, after ${show(p.due)}`,
  "development.finding.notArchived": (p) =>
    `The materials of ${show(p.applicantId)} (converted ${show(p.convertedOn)}) have not been archived`,
  "development.finding.materialsNotHandedOver": (p) =>
    `The record of ${show(p.applicantId)} moved from ${show(p.fromOrgId)} to ${show(p.toOrgId)} on ${
      show(p.movedOn)
    }, without its training materials`
}

const zh: Catalog = {
  "development.stage.applicant": () => "入党申请人",
  "development.stage.activist": () => "入党积极分子",
  "development.stage.developmentObject": () => "发展对象",
  "development.stage.probationary": () => "预备党员",
  "development.stage.full": () => "正式党员",
  "development.stage.rejected": () => "未获批准",
  "development.stage.cancelled": () => "取消预备党员资格",
  "development.wrongStream": (p) => `命令指向申请人 ${show(p.applicantId)},但该记录属于 ${show(p.streamApplicantId)}`,
  "development.alreadyAdmitted": (p) => `申请人 ${show(p.applicantId)} 已获批准(${show(p.status)}),此步骤应在审批之前`,
  "development.stepOutOfOrder": (p) =>
    `申请人 ${show(p.applicantId)} 的第 ${show(p.step)} 步须先完成第 ${show(p.requires)} 步`,
  "development.beforePrerequisite": (p) =>
    `申请人 ${show(p.applicantId)} 的第 ${show(p.step)} 步日期 ${show(p.at)} 早于第 ${show(p.requires)} 步(${
      show(p.prerequisiteAt)
    })`,
  "development.beforeApplication": (p) =>
    `日期 ${show(p.at)} 早于 ${show(p.applicantId)} 递交入党申请书的日期(${show(p.receivedAt)})`,
  "development.beforeMove": (p) => `日期 ${show(p.at)} 早于 ${show(p.applicantId)} 的材料转移日期(${show(p.movedAt)})`,
  "development.bornAfterApplication": (p) => `申请人 ${show(p.applicantId)} 的出生日期晚于申请日期`,
  "development.underAge": (p) => `申请人 ${show(p.applicantId)} 在申请之日未满 ${show(p.minAge)} 周岁`,
  "development.noCommittee": (p) => `党组织 ${show(p.orgId)} 未设支部委员会,应由支部大会研究决定`,
  "development.committeeDecides": (p) => `党组织 ${show(p.orgId)} 设有支部委员会,应由支部委员会研究决定`,
  "development.duplicatePerson": (p) => `为申请人 ${show(p.applicantId)} 重复列出了同一人`,
  "development.contactPersonCount": (p) =>
    `为申请人 ${show(p.applicantId)} 指定了 ${show(p.count)} 名培养联系人,应为 ${show(p.min)} 至 ${show(p.max)} 名`,
  "development.selfNamed": (p) => `申请人 ${show(p.applicantId)} 不能担任自己的培养联系人或入党介绍人`,
  "development.notFullMember": (p) =>
    `${show(p.memberId)} 不是正式党员(${show(p.status)}),不能担任申请人 ${
      show(p.applicantId)
    } 的培养联系人或入党介绍人`,
  "development.carryOverUnset": (p) =>
    `${
      show(p.applicantId)
    } 确定为入党积极分子后变动了单位:须在政策中规定原单位的培养时间是否连续计算(development.activistTimeCarriesOver)`,
  "development.activistTooShort": (p) =>
    `${show(p.applicantId)} 自 ${show(p.since)} 起为入党积极分子,须经过一年以上培养考察,${
      show(p.earliest)
    } 起方可列为发展对象`,
  "development.introducerCount": (p) =>
    `为申请人 ${show(p.applicantId)} 确定了 ${show(p.count)} 名入党介绍人,应为 ${show(p.required)} 名正式党员`,
  "development.trainingTooShort": (p) =>
    `${show(p.applicantId)} 的集中培训为 ${show(p.days)} 天、${show(p.hours)} 学时,一般不少于 ${show(p.minDays)} 天或 ${
      show(p.minHours)
    } 学时,否则须注明免训原因`,
  "development.politicalReviewNotPassed": (p) => `${show(p.applicantId)} 的政治审查未通过,不能发展入党`,
  "development.formBeforePreReview": (p) => `上级党委预审合格后方可向 ${show(p.applicantId)} 发放入党志愿书`,
  "development.formNotIssued": (p) => `尚未向 ${show(p.applicantId)} 发放入党志愿书`,
  "development.temporaryNoAdmission": (p) => `临时党组织 ${show(p.orgId)} 不能接收预备党员`,
  "development.batchVote": (p) =>
    `一次表决列出了 ${show(p.candidates)} 名发展对象,支部大会须逐个讨论和表决(${show(p.applicantId)})`,
  "development.batchApproval": (p) =>
    `党委的审批决定列出了 ${show(p.candidates)} 名发展对象,须逐个审议表决(${show(p.applicantId)})`,
  "development.alreadyVoted": (p) => `${show(p.votedAt)} 对 ${show(p.applicantId)} 的表决已通过,正待审批`,
  "development.exclusionsNotApplicable": (p) =>
    `${show(p.orgId)} 不计入应到会人数的 ${show(p.excluded)} 人:政策规定的应到会人数排除情形不适用于本次表决(${
      show(p.vote)
    })`,
  "development.votesExceedPresent": (p) => `${show(p.orgId)} 赞成 ${show(p.yes)} 票,但到会只有 ${show(p.present)} 人`,
  "development.writtenOpinionsInconsistent": (p) =>
    `${show(p.orgId)} 有书面意见 ${show(p.writtenOpinions)} 份(赞成 ${show(p.writtenYes)} 份),但因故未到会的只有 ${
      show(p.absent)
    } 人`,
  "development.voteQuorumNotMet": (p) =>
    `${show(p.orgId)} 应到会有表决权的 ${show(p.entitled)} 人中仅到会 ${show(p.present)} 人,须至少 ${
      show(p.required)
    } 人(书面意见不计入到会人数)`,
  "development.notIntermediate": (p) => `${show(p.reviewerOrgId)} 不是 ${show(p.orgId)} 上级的党委或党总支`,
  "development.noApprovalInterview": (p) => `支部大会表决后上级党委尚未派人同 ${show(p.applicantId)} 谈话`,
  "development.approverTemporary": (p) => `临时党组织 ${show(p.approverOrgId)} 不能审批预备党员`,
  "development.approverSecondTier": (p) => `${show(p.approverOrgId)} 是村、社区党委,只能审议,不能审批预备党员`,
  "development.approverNotAllowed": (p) => `${show(p.approverOrgId)}(${show(p.kind)})不具有审批预备党员的权限`,
  "development.approverNotAbove": (p) => `${show(p.approverOrgId)} 不是 ${show(p.orgId)} 的上级党委`,
  "development.approvalTooLate": (p) =>
    `自 ${show(p.from)} 起已超过六个月(最迟 ${show(p.latest)}):须由支部大会重新讨论 ${show(p.applicantId)}`,
  "development.unknownGroup": (p) => `${show(p.groupId)} 不是 ${show(p.orgId)} 的党小组`,
  "development.alreadyPostponed": (p) => `${show(p.applicantId)} 的转正讨论已推迟至 ${show(p.until)}`,
  "development.postponeNotTransferredIn": (p) =>
    `只有预备期内转入的预备党员才能推迟讨论转正(${show(p.applicantId)}),其他情形应延长预备期`,
  "development.postponeBeforeEnd": (p) => `推迟至 ${show(p.until)} 须晚于预备期满之日(${show(p.endsAt)})`,
  "development.postponeTooLong": (p) =>
    `${show(p.applicantId)} 的转正讨论最迟推迟至 ${show(p.latest)},不能推迟至 ${show(p.until)}`,
  "development.extendMonthsMismatch": (p) =>
    `只有延长预备期才需要注明延长月数(表决结果为 ${show(p.outcome)};${show(p.applicantId)})`,
  "development.conversionVoteEarly": (p) =>
    `${show(p.applicantId)} 的预备期于 ${show(p.endsAt)} 届满,不得早于预备期结束讨论转正(${show(p.at)})`,
  "development.transferAfterVote": (p) =>
    `${show(p.votedAt)} 对 ${show(p.applicantId)} 的表决正待审批,此时不能转移培养材料`,
  "development.transferToSameOrg": (p) => `材料已在 ${show(p.orgId)}`,
  "development.finding.talkOverdue": (p) =>
    `尚未派人同入党申请人 ${show(p.applicantId)} 谈话(${show(p.receivedAt)} 收到申请书),应于 ${show(p.due)} 前谈话`,
  "development.finding.talkLate": (p) =>
    `同入党申请人 ${show(p.applicantId)} 的谈话于 ${show(p.heldOn)} 进行,晚于 ${show(p.due)}`,
  "development.finding.activistTooEarly": (p) =>
    `${show(p.applicantId)} 于 ${show(p.designatedOn)} 确定为入党积极分子,早于本地规定的最早日期 ${show(p.earliest)}`,
  "development.finding.activistDecisionOverdue": (p) =>
    `应于 ${show(p.due)} 前研究确定入党申请人 ${show(p.applicantId)} 是否列为入党积极分子`,
  "development.finding.activistDecisionLate": (p) =>
    `${show(p.applicantId)} 于 ${show(p.designatedOn)} 确定为入党积极分子,晚于本地规定的 ${show(p.due)}`,
  "development.finding.activistNotFiled": (p) =>
    `入党积极分子 ${show(p.applicantId)}(${show(p.since)} 确定)尚未报上级党委备案`,
  "development.finding.activistReviewOverdue": (p) =>
    `入党积极分子 ${show(p.applicantId)} 自 ${show(p.since)} 起未经考察,应于 ${show(p.due)} 前考察`,
  "development.finding.developmentObjectNotFiled": (p) =>
    `发展对象 ${show(p.applicantId)}(${show(p.since)} 确定)尚未报上级党委备案`,
  "development.finding.trainingWaived": (p) =>
    `${show(p.applicantId)} 的集中培训(${show(p.days)} 天、${show(p.hours)} 学时)不足,经免训处理`,
  "development.finding.departureSoon": (p) =>
    `${show(p.applicantId)} 预计于 ${show(p.departureOn)} 离开工作、学习单位,在表决后 ${
      show(p.months)
    } 个月内,一般不办理接收预备党员手续`,
  "development.finding.approvalOverdue": (p) =>
    `${show(p.applicantId)} 的审批应于 ${show(p.due)} 前完成(自 ${show(p.from)} 起三个月内)`,
  "development.finding.approvalWindowLapsed": (p) =>
    `${show(p.applicantId)} 至 ${show(p.latest)} 仍未审批:须由支部大会重新讨论`,
  "development.finding.approvalLate": (p) =>
    `${show(p.applicantId)} 于 ${show(p.approvedOn)} 获批,晚于 ${show(p.due)},且未注明延长原因`,
  "development.finding.intermediateReviewMissing": (p) =>
    `${show(p.reviewerOrgId)} 在审批前未审议 ${show(p.applicantId)} 的接收决议`,
  "development.finding.admissionNotFiled": (p) =>
    `${show(p.applicantId)} 的审批(${show(p.approvedOn)})尚未报再上一级党委组织部门备案`,
  "development.finding.notPlaced": (p) => `预备党员 ${show(p.applicantId)}(${show(p.approvedOn)} 批准)尚未编入党小组`,
  "development.finding.oathMissing": (p) => `预备党员 ${show(p.applicantId)}(${show(p.approvedOn)} 批准)尚未入党宣誓`,
  "development.finding.probationReviewOverdue": (p) =>
    `预备党员 ${show(p.applicantId)} 自 ${show(p.since)} 起未经考察,应于 ${show(p.due)} 前考察`,
  "development.finding.conversionVoteOverdue": (p) =>
    `${show(p.applicantId)} 的预备期于 ${show(p.endsAt)} 届满,应于 ${show(p.due)} 前讨论转正`,
  "development.finding.conversionApprovalOverdue": (p) =>
    `${show(p.votedOn)} 对 ${show(p.applicantId)} 转正的表决正待审批,应于 ${show(p.due)} 前审批`,
  "development.finding.conversionApprovalLate": (p) =>
    `${show(p.applicantId)} 的转正于 ${show(p.approvedOn)} 获批,晚于 ${show(p.due)}`,
  "development.finding.notArchived": (p) => `${show(p.applicantId)}(${show(p.convertedOn)} 转正)的入党材料尚未归档`,
  "development.finding.materialsNotHandedOver": (p) =>
    `${show(p.applicantId)} 于 ${show(p.movedOn)} 由 ${show(p.fromOrgId)} 转至 ${show(p.toOrgId)},培养教育材料尚未转交`
}

/**
 * @category messages
 * @since 0.3.0
 */
export const developmentMessages: Catalogs = { en, "zh-CN": zh }
