/**
 * Messages of the leadership-history aggregate in zh-CN and en: rejections (`leadership.*`) and findings
 * (`leadership.finding.*`, R91–R96). Params hold ids, counts, term numbers and dates only.
 *
 * @since 0.3.0
 */
import type { Catalog, Catalogs } from "../kernel/Message.ts"
import { show } from "../kernel/Message.ts"

const en: Catalog = {
  "leadership.wrongStream": (p) =>
    `The command names organization ${show(p.orgId)}, but the history belongs to ${show(p.streamOrgId)}`,
  "leadership.beforeLastElection": (p) =>
    `The election of ${show(p.at)} at ${show(p.orgId)} is before the last one recorded (${show(p.lastElectedOn)})`,
  "leadership.termNoGap": (p) =>
    `${show(p.orgId)}: the election is recorded as term ${show(p.termNo)}; the next term is ${show(p.expected)}`,
  "leadership.numberingOnUpgradeUnset": (p) =>
    `${show(p.orgId)} was upgraded (${show(p.from)} → ${
      show(p.to)
    }): the policy must say whether term numbers continue or restart (leadership.termNumberingOnUpgrade)`,
  "leadership.issuedExceedsPresent": (p) =>
    `${show(p.orgId)}: ${show(p.issued)} ballots issued but only ${show(p.present)} voters present`,
  "leadership.ballotsInconsistent": (p) =>
    `${show(p.orgId)}: ${show(p.collected)} ballots collected, but ${show(p.valid)} valid and ${
      show(p.invalid)
    } invalid`,
  "leadership.fewerCandidatesThanSeats": (p) =>
    `${show(p.orgId)}: ${show(p.candidates)} candidate(s) for ${show(p.seats)} seat(s)`,
  "leadership.countsExceedValid": (p) =>
    `${show(p.orgId)}: the counts of candidate ${show(p.memberId)} exceed the ${show(p.valid)} valid ballots`,
  "leadership.overmarkedBallots": (p) =>
    `${show(p.orgId)}: ${show(p.yes)} yes-votes on ${show(p.valid)} valid ballots for ${
      show(p.seats)
    } seat(s): a ballot marking more names than seats is invalid`,
  "leadership.membersInvalid": (p) =>
    `${show(p.orgId)}: the members elected must be named, each once, and not also as alternates`,
  "leadership.moreMembersThanSeats": (p) =>
    `${show(p.orgId)}: ${show(p.members)} member(s) for ${show(p.seats)} seat(s)`,
  "leadership.secretaryCount": (p) =>
    `${show(p.orgId)}: ${
      show(p.secretaries)
    } secretaries; a term has one (an election of the secretary names exactly one)`,
  "leadership.committeeNotCompetitive": (p) =>
    `${show(p.orgId)}: committee members are elected with more candidates than seats (差额)`,
  "leadership.alternatesNotAllowed": (p) =>
    `${show(p.orgId)}: ${
      show(p.alternates)
    } alternate(s) recorded, but the policy does not allow alternates (leadership.alternatesAllowed)`,
  "leadership.noCurrentTerm": (p) => `${show(p.orgId)} has no current term recorded`,
  "leadership.beforeElection": (p) =>
    `The date ${show(p.at)} is before the election of the current term of ${show(p.orgId)} (${show(p.electedOn)})`,
  "leadership.alreadySitting": (p) => `${show(p.memberId)} already sits in the current term of ${show(p.orgId)}`,
  "leadership.notSitting": (p) => `${show(p.memberId)} does not sit in the current term of ${show(p.orgId)}`,
  "leadership.approvalDocNoRequired": (p) =>
    `${show(p.orgId)}: the approval's document number (批准文号) is required by the policy`,
  "leadership.approvedAfterRecord": (p) =>
    `${show(p.orgId)}: the approval of ${show(p.approvedOn)} is dated after its record (${show(p.at)})`,
  "leadership.extensionTooLong": (p) =>
    `${show(p.orgId)}: an extension of ${show(p.months)} months in all; at most ${
      show(p.max)
    } without an exceptional approval`,
  "leadership.finding.revoteRequired": (p) =>
    `${show(p.orgId)}: the election of ${
      show(p.voidedOn)
    } was void (more ballots collected than issued); a new election is required`,
  "leadership.finding.reminderDue": (p) =>
    `Term ${show(p.termNo)} of ${show(p.orgId)} ends on ${show(p.endsAt)}: the renewal reminder (${
      show(p.months)
    } months before) has been due since ${show(p.remindAt)}`,
  "leadership.finding.yearStartNoticeDue": (p) =>
    `Term ${show(p.termNo)} of ${show(p.orgId)} ends on ${
      show(p.endsAt)
    }: the year-start renewal notice has been due since ${show(p.remindAt)}`,
  "leadership.finding.requestDue": (p) =>
    `Term ${show(p.termNo)} of ${show(p.orgId)} ends on ${show(p.endsAt)}: the renewal request is due by ${
      show(p.dueOn)
    }`,
  "leadership.finding.termExpired": (p) =>
    `Term ${show(p.termNo)} of ${show(p.orgId)} ended on ${show(p.endsAt)} with no renewal and no approved extension`,
  "leadership.finding.reportOverdue": (p) =>
    `The election of ${show(p.electedOn)} (term ${show(p.termNo)} of ${show(p.orgId)}) was to be reported by ${
      show(p.due)
    }`,
  "leadership.finding.noRenewalRequest": (p) =>
    `${show(p.orgId)}: no renewal request was recorded before the election of ${show(p.electedOn)} (term ${
      show(p.termNo)
    })`,
  "leadership.finding.ballotTotalsOnly": (p) =>
    `Term ${show(p.termNo)} of ${show(p.orgId)}: the ballot has totals only; the winners cannot be checked`,
  "leadership.finding.approvalDocNoMissing": (p) =>
    `Term ${show(p.termNo)} of ${show(p.orgId)}: the approval (${show(p.subject)}, ${
      show(p.approvedOn)
    }) has no document number`
}

const zh: Catalog = {
  "leadership.wrongStream": (p) => `命令指向党组织 ${show(p.orgId)},但该届次记录属于 ${show(p.streamOrgId)}`,
  "leadership.beforeLastElection": (p) =>
    `${show(p.orgId)} 的选举日期 ${show(p.at)} 早于已记录的上一次选举(${show(p.lastElectedOn)})`,
  "leadership.termNoGap": (p) => `${show(p.orgId)}:本次选举记为第 ${show(p.termNo)} 届,应为第 ${show(p.expected)} 届`,
  "leadership.numberingOnUpgradeUnset": (p) =>
    `${show(p.orgId)} 已升格(${show(p.from)} → ${
      show(p.to)
    }):须在政策中规定届次是连续计算还是重新起算(leadership.termNumberingOnUpgrade)`,
  "leadership.issuedExceedsPresent": (p) =>
    `${show(p.orgId)}:发出选票 ${show(p.issued)} 张,但实到会只有 ${show(p.present)} 人`,
  "leadership.ballotsInconsistent": (p) =>
    `${show(p.orgId)}:收回选票 ${show(p.collected)} 张,有效 ${show(p.valid)} 张、无效 ${show(p.invalid)} 张,数字不符`,
  "leadership.fewerCandidatesThanSeats": (p) =>
    `${show(p.orgId)}:候选人 ${show(p.candidates)} 名,少于应选名额 ${show(p.seats)} 名`,
  "leadership.countsExceedValid": (p) =>
    `${show(p.orgId)}:候选人 ${show(p.memberId)} 的得票数超过有效选票 ${show(p.valid)} 张`,
  "leadership.overmarkedBallots": (p) =>
    `${show(p.orgId)}:${show(p.valid)} 张有效选票共有赞成票 ${show(p.yes)} 张,应选 ${
      show(p.seats)
    } 名;所选人数多于应选名额的选票无效`,
  "leadership.membersInvalid": (p) => `${show(p.orgId)}:当选人须逐一列出、不得重复,也不得同时列为候补委员`,
  "leadership.moreMembersThanSeats": (p) =>
    `${show(p.orgId)}:当选 ${show(p.members)} 人,多于应选名额 ${show(p.seats)} 名`,
  "leadership.secretaryCount": (p) => `${show(p.orgId)}:书记 ${show(p.secretaries)} 名;每届设书记 1 名`,
  "leadership.committeeNotCompetitive": (p) => `${show(p.orgId)}:委员应实行差额选举`,
  "leadership.alternatesNotAllowed": (p) =>
    `${show(p.orgId)}:记录了候补委员 ${show(p.alternates)} 名,但政策未允许设候补委员(leadership.alternatesAllowed)`,
  "leadership.noCurrentTerm": (p) => `${show(p.orgId)} 没有当届班子记录`,
  "leadership.beforeElection": (p) => `日期 ${show(p.at)} 早于 ${show(p.orgId)} 当届的选举日期(${show(p.electedOn)})`,
  "leadership.alreadySitting": (p) => `${show(p.memberId)} 已是 ${show(p.orgId)} 当届班子成员`,
  "leadership.notSitting": (p) => `${show(p.memberId)} 不是 ${show(p.orgId)} 当届班子成员`,
  "leadership.approvalDocNoRequired": (p) => `${show(p.orgId)}:按政策规定须填写批准文号`,
  "leadership.approvedAfterRecord": (p) => `${show(p.orgId)}:批准日期 ${show(p.approvedOn)} 晚于记录日期 ${show(p.at)}`,
  "leadership.extensionTooLong": (p) =>
    `${show(p.orgId)}:累计延期 ${show(p.months)} 个月,一般不超过 ${show(p.max)} 个月(特殊批准除外)`,
  "leadership.finding.revoteRequired": (p) =>
    `${show(p.orgId)} ${show(p.voidedOn)} 的选举无效(收回的选票多于发出的选票),应重新进行选举`,
  "leadership.finding.reminderDue": (p) =>
    `${show(p.orgId)} 第 ${show(p.termNo)} 届任期于 ${show(p.endsAt)} 届满:自 ${
      show(p.remindAt)
    } 起应提醒其做好换届准备(提前 ${show(p.months)} 个月)`,
  "leadership.finding.yearStartNoticeDue": (p) =>
    `${show(p.orgId)} 第 ${show(p.termNo)} 届任期于 ${show(p.endsAt)} 届满:自 ${show(p.remindAt)} 起应下达换届提示函`,
  "leadership.finding.requestDue": (p) =>
    `${show(p.orgId)} 第 ${show(p.termNo)} 届任期于 ${show(p.endsAt)} 届满:应于 ${show(p.dueOn)} 前报送换届请示`,
  "leadership.finding.termExpired": (p) =>
    `${show(p.orgId)} 第 ${show(p.termNo)} 届任期已于 ${show(p.endsAt)} 届满,未换届也未经批准延期`,
  "leadership.finding.reportOverdue": (p) =>
    `${show(p.orgId)} ${show(p.electedOn)} 的换届选举(第 ${show(p.termNo)} 届)应于 ${show(p.due)} 前报告换届情况`,
  "leadership.finding.noRenewalRequest": (p) =>
    `${show(p.orgId)} ${show(p.electedOn)} 换届选举(第 ${show(p.termNo)} 届)前未报送换届请示`,
  "leadership.finding.ballotTotalsOnly": (p) =>
    `${show(p.orgId)} 第 ${show(p.termNo)} 届:选票只记录了总数,无法核对当选人得票`,
  "leadership.finding.approvalDocNoMissing": (p) =>
    `${show(p.orgId)} 第 ${show(p.termNo)} 届:批准(${show(p.subject)},${show(p.approvedOn)})未记录批准文号`
}

/**
 * @category messages
 * @since 0.3.0
 */
export const leadershipMessages: Catalogs = { en, "zh-CN": zh }
