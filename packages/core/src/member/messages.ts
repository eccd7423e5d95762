/**
 * Messages of the membership pillar in zh-CN and en: rejections (`member.*`) and findings
 * (`member.finding.*`). Params hold ids, counts, dates and kinds only, never a member's personal data.
 *
 * @since 0.1.0
 */
import type { Catalogs, MessageParams } from "../kernel/Message.ts"
import { show } from "../kernel/Message.ts"

type Names = Readonly<Record<string, string>>

// Own keys only: a value such as `constructor` is shown as itself, never as Object.prototype's function.
const label = (names: Names) => (value: MessageParams[string]) =>
  value === undefined ? "—" : Object.hasOwn(names, String(value)) ? names[String(value)]! : String(value)

const kindEn = label({
  orgLife: "organizational life",
  dues: "dues",
  work: "assigned work",
  vote: "vote",
  election: "election",
  candidacy: "candidacy",
  certificate: "membership certificate",
  mobileCard: "mobile-member card",
  certificateOrMobileCard: "a certificate or a mobile-member card",
  transferLetter: "transfer letter",
  probationary: "probationary",
  full: "full",
  suspended: "suspended",
  removed: "removed",
  cancelled: "cancelled",
  transferredOut: "transferred to an organization recorded in another store",
  none: "not registered"
})

const kindZh = label({
  orgLife: "组织生活",
  dues: "交纳党费",
  work: "党所分配的工作",
  vote: "表决",
  election: "选举",
  candidacy: "被选举",
  certificate: "党员证明信",
  mobileCard: "流动党员活动证",
  certificateOrMobileCard: "党员证明信或流动党员活动证",
  transferLetter: "组织关系介绍信",
  probationary: "预备党员",
  full: "正式党员",
  suspended: "停止党籍",
  removed: "已除名",
  cancelled: "已取消预备党员资格",
  transferredOut: "已转往其他系统记录的党组织",
  none: "未登记"
})

/**
 * @category messages
 * @since 0.1.0
 */
export const memberMessages: Catalogs = {
  en: {
    "member.alreadyAffiliated": (p) =>
      `Member ${show(p.memberId)} already has an affiliation (${
        show(p.orgId)
      }); every member belongs to exactly one organization`,
    "member.alreadyAway": (p) => `Member ${show(p.memberId)} is already recorded as away since ${show(p.since)}`,
    "member.alreadyCheckedIn": (p) =>
      `Member ${show(p.memberId)} is already checked in at a community (check-in ${show(p.checkInId)})`,
    "member.alreadyExtended": (p) => `The probation of member ${show(p.memberId)} was already extended once`,
    "member.alreadyMobile": (p) =>
      `Member ${show(p.memberId)} is already a mobile member hosted by ${show(p.hostOrgId)}`,
    "member.beforeIssued": (p) =>
      `The date ${show(p.at)} is before the transfer letter ${show(p.transferId)} was issued (${show(p.issuedAt)})`,
    "member.checkInAtAffiliation": (p) =>
      `Member ${show(p.memberId)} cannot check in at ${show(p.orgId)}, the member's own affiliation`,
    "member.credentialMismatch": (p) =>
      `Member ${show(p.memberId)} is away at an uncertain place: the credential is a ${kindEn(p.required)}, not a ${
        kindEn(p.credential)
      }`,
    "member.datesOutOfOrder": (p) =>
      `The meeting (${show(p.meetingAt)}), the approval (${show(p.approvalAt)}) and the decision (${show(p.at)}) of ${
        show(p.orgId)
      } must follow one another`,
    "member.extensionOutOfRange": (p) =>
      `A probation extension of ${show(p.months)} months for member ${show(p.memberId)} is outside ${show(p.min)}–${
        show(p.max)
      } months`,
    "member.hostIsAffiliation": (p) =>
      `The host of mobile member ${show(p.memberId)} cannot be ${show(p.orgId)}, the member's own affiliation`,
    "member.letterExpired": (p) =>
      `Transfer letter ${show(p.transferId)} was valid until ${show(p.validUntil)} and cannot be received on ${
        show(p.at)
      }; a new letter is needed`,
    "member.letterStillValid": (p) =>
      `Transfer letter ${show(p.transferId)} is valid until ${show(p.validUntil)} and has not expired`,
    "member.letterValidityTooLong": (p) =>
      `Transfer letter ${show(p.transferId)}: a validity of ${show(p.days)} days exceeds the maximum of ${
        show(p.max)
      } days`,
    "member.meetingNotPassed": (p) =>
      `The general meeting of ${show(p.orgId)} did not pass: ${show(p.yes)} yes of ${show(p.entitled)} entitled, ${
        show(p.required)
      } needed`,
    "member.noOpenTransfer": (p) => `Member ${show(p.memberId)} has no open transfer letter ${show(p.transferId)}`,
    "member.notActive": (p) => `Member ${show(p.memberId)} is ${kindEn(p.status)}, not an active member`,
    "member.notCheckedIn": (p) => `Member ${show(p.memberId)} is not checked in at a community`,
    "member.notHostedThere": (p) => `Mobile member ${show(p.memberId)} is not hosted by ${show(p.orgId)}`,
    "member.notLapsed": (p) =>
      `Member ${show(p.memberId)} has not gone ${
        show(p.required)
      } consecutive months without organizational life, dues or work as of ${show(p.at)}`,
    "member.notLostContact": (p) => `No lost contact is recorded for member ${show(p.memberId)}`,
    "member.notMobile": (p) => `Member ${show(p.memberId)} is not a mobile member`,
    "member.notProbationary": (p) => `Member ${show(p.memberId)} is ${kindEn(p.status)}, not probationary`,
    "member.notSuspended": (p) => `The membership of member ${show(p.memberId)} is not suspended`,
    "member.noVoteAtCheckIn": (p) =>
      `Member ${show(p.memberId)} is checked in at ${show(p.orgId)} and takes part there, but has no ${
        kindEn(p.kind)
      } there`,
    "member.noVoteAtHost": (p) =>
      `Mobile member ${show(p.memberId)} takes part at the host ${show(p.orgId)}, but has no ${kindEn(p.kind)} there`,
    "member.noVoteBeforeReceived": (p) =>
      `Member ${show(p.memberId)} belongs to the origin until the transfer to ${show(p.orgId)} is received: no ${
        kindEn(p.kind)
      } there yet`,
    "member.noVoteOutsideAffiliation": (p) =>
      `Member ${show(p.memberId)} is not affiliated with ${show(p.orgId)}: no ${kindEn(p.kind)} there`,
    "member.noVoteWhenProbationary": (p) =>
      `Probationary member ${show(p.memberId)} has no right of ${kindEn(p.kind)} in ${show(p.orgId)}`,
    "member.noVoteWhenSuspended": (p) =>
      `The membership of ${show(p.memberId)} is suspended: no ${kindEn(p.kind)} in ${show(p.orgId)}`,
    "member.probationNotEnded": (p) =>
      `The probation of member ${show(p.memberId)} ends on ${show(p.endsAt)}; it cannot be decided on ${show(p.at)}`,
    "member.removalTooEarly": (p) =>
      `Member ${show(p.memberId)} was suspended on ${show(p.suspendedAt)}, ${
        show(p.months)
      } months ago; removal needs ${show(p.required)}`,
    "member.rosterStatusMismatch": (p) =>
      `Member ${show(p.memberId)} is listed at ${show(p.orgId)} as ${kindEn(p.listed)}, not ${kindEn(p.status)}`,
    "member.sinceAfterDate": (p) =>
      `Member ${show(p.memberId)}: lost contact since ${show(p.since)} is after the date ${show(p.at)}`,
    "member.suspensionTooEarly": (p) =>
      `Contact with member ${show(p.memberId)} was lost on ${show(p.since)}, ${
        show(p.months)
      } months ago; suspension needs ${show(p.required)}`,
    "member.transferOpen": (p) =>
      `Member ${show(p.memberId)} already has an open transfer letter ${show(p.transferId)}`,
    "member.transferToSameOrg": (p) =>
      `Member ${show(p.memberId)} is already affiliated with ${show(p.orgId)}: no transfer there`,
    "member.votesExceedPresent": (p) =>
      `${show(p.yes)} yes-votes exceed the ${show(p.present)} present in ${show(p.orgId)}`,
    "member.wrongStream": (p) =>
      `The command for ${show(p.memberId)} was sent to the stream of ${show(p.streamMemberId)}`,
    "member.finding.checkInFeedbackDue": (p) =>
      `Community ${show(p.communityOrgId)} owes ${show(p.orgId)} its yearly feedback on checked-in member ${
        show(p.memberId)
      } (last: ${show(p.lastAt)})`,
    "member.finding.credentialDue": (p) =>
      `Member ${show(p.memberId)} has been away ${show(p.months)} months since ${show(p.since)}: carry ${
        kindEn(p.credential)
      }`,
    "member.finding.fewCommunityActivities": (p) =>
      `Checked-in member ${show(p.memberId)} took part in ${show(p.count)} community activities in the last year at ${
        show(p.communityOrgId)
      }; the minimum is ${show(p.minimum)}`,
    "member.finding.lapsed": (p) =>
      `Member ${show(p.memberId)}: no ${kindEn(p.kind)} for ${show(p.months)} consecutive months since ${
        show(p.since)
      } (${show(p.required)}): regarded as lapsed; the branch general meeting decides`,
    "member.finding.lapseWarning": (p) =>
      `Member ${show(p.memberId)}: no ${kindEn(p.kind)} for ${show(p.months)} months since ${show(p.since)}`,
    "member.finding.lapsedWithLeave": (p) =>
      `Member ${show(p.memberId)}: no ${kindEn(p.kind)} for ${show(p.months)} consecutive months since ${
        show(p.since)
      } (${show(p.required)}): ${show(p.absences)} meeting(s) missed, ${show(p.excusedAbsences)} with leave (${
        String(p.leaveReasons ?? "").split(",").filter((r) => r !== "").map(label({
          illness: "illness",
          work: "work",
          family: "family matters",
          away: "away",
          other: "other"
        })).join(", ") || "—"
      }); whether there was good reason is for the branch general meeting to judge`,
    "member.finding.mobileBranchSuggested": (p) =>
      `${show(p.full)} full members of ${show(p.orgId)} are hosted together by ${
        show(p.hostOrgId)
      }: a mobile-member branch may be set up with the host`,
    "member.finding.mobileContactOverdue": (p) =>
      `No contact with mobile member ${show(p.memberId)} (host ${show(p.hostOrgId)}) since ${show(p.lastContactAt)}, ${
        show(p.months)
      } months`,
    "member.finding.mobileContactPersonMissing": (p) =>
      `The rural branch ${show(p.orgId)} has named no contact person for mobile member ${show(p.memberId)}`,
    "member.finding.probationDiscussionDue": (p) =>
      `The probation of member ${show(p.memberId)} ended on ${show(p.endsAt)}: the branch is to discuss conversion`,
    "member.finding.removalDue": (p) =>
      `Member ${show(p.memberId)} has been suspended since ${show(p.suspendedAt)} (${
        show(p.months)
      } months): removal as self-lapsed is due`,
    "member.finding.resettledTransferExpected": (p) =>
      `Resettled member ${show(p.memberId)} lives at ${
        show(p.communityOrgId)
      }; under the residence policy the affiliation (${show(p.orgId)}) is to be transferred there`,
    "member.finding.resettledTransferSuggested": (p) =>
      `Resettled member ${show(p.memberId)} has lived at ${show(p.communityOrgId)} for ${
        show(p.months)
      } months while affiliated with ${show(p.orgId)}: consider a transfer`,
    "member.finding.suspensionDue": (p) =>
      `Contact with member ${show(p.memberId)} was lost on ${show(p.since)}, ${
        show(p.months)
      } months ago: suspension is due`,
    "member.finding.transferDue": (p) =>
      `Member ${show(p.memberId)} has been away at a fixed place since ${show(p.since)} (${
        show(p.months)
      } months): the affiliation is to be transferred`,
    "member.finding.transferLetterExpired": (p) =>
      `Transfer letter ${show(p.transferId)} of member ${show(p.memberId)} (${show(p.fromOrgId)} → ${
        show(p.toOrgId)
      }) expired on ${show(p.validUntil)}; the member counts at the origin and needs a new letter`
  },
  "zh-CN": {
    "member.alreadyAffiliated": (p) =>
      `党员 ${show(p.memberId)} 已有组织关系(${show(p.orgId)});每名党员只能编入一个党组织`,
    "member.alreadyAway": (p) => `党员 ${show(p.memberId)} 自 ${show(p.since)} 起已登记为外出`,
    "member.alreadyCheckedIn": (p) => `党员 ${show(p.memberId)} 已到社区报到(报到 ${show(p.checkInId)})`,
    "member.alreadyExtended": (p) => `党员 ${show(p.memberId)} 的预备期已延长过一次`,
    "member.alreadyMobile": (p) => `党员 ${show(p.memberId)} 已是流动党员,流入地党组织为 ${show(p.hostOrgId)}`,
    "member.beforeIssued": (p) =>
      `日期 ${show(p.at)} 早于组织关系介绍信 ${show(p.transferId)} 的开具日期 ${show(p.issuedAt)}`,
    "member.checkInAtAffiliation": (p) => `党员 ${show(p.memberId)} 不能到本人组织关系所在的 ${show(p.orgId)} 报到`,
    "member.credentialMismatch": (p) =>
      `党员 ${show(p.memberId)} 外出地点不固定,应持${kindZh(p.required)},而非${kindZh(p.credential)}`,
    "member.datesOutOfOrder": (p) =>
      `${show(p.orgId)} 的支部大会(${show(p.meetingAt)})、上级批准(${show(p.approvalAt)})与决定日期(${
        show(p.at)
      })须依次发生`,
    "member.extensionOutOfRange": (p) =>
      `党员 ${show(p.memberId)} 延长预备期 ${show(p.months)} 个月,不在 ${show(p.min)}–${show(p.max)} 个月之内`,
    "member.hostIsAffiliation": (p) =>
      `流动党员 ${show(p.memberId)} 的流入地党组织不能是其组织关系所在的 ${show(p.orgId)}`,
    "member.letterExpired": (p) =>
      `组织关系介绍信 ${show(p.transferId)} 有效期至 ${show(p.validUntil)},${show(p.at)} 不能接收,须重新开具`,
    "member.letterStillValid": (p) => `组织关系介绍信 ${show(p.transferId)} 有效期至 ${show(p.validUntil)},尚未过期`,
    "member.letterValidityTooLong": (p) =>
      `组织关系介绍信 ${show(p.transferId)} 有效期 ${show(p.days)} 天,超过最长 ${show(p.max)} 天`,
    "member.meetingNotPassed": (p) =>
      `${show(p.orgId)} 党员大会未通过:应到会 ${show(p.entitled)} 人,赞成 ${show(p.yes)} 票,须 ${show(p.required)} 票`,
    "member.noOpenTransfer": (p) => `党员 ${show(p.memberId)} 没有未结的组织关系介绍信 ${show(p.transferId)}`,
    "member.notActive": (p) => `党员 ${show(p.memberId)} 的状态为${kindZh(p.status)},不是在册党员`,
    "member.notCheckedIn": (p) => `党员 ${show(p.memberId)} 未到社区报到`,
    "member.notHostedThere": (p) => `流动党员 ${show(p.memberId)} 的流入地党组织不是 ${show(p.orgId)}`,
    "member.notLapsed": (p) =>
      `截至 ${show(p.at)},党员 ${show(p.memberId)} 未连续 ${
        show(p.required)
      } 个月不参加组织生活、不交纳党费或不做党所分配的工作`,
    "member.notLostContact": (p) => `党员 ${show(p.memberId)} 未登记失去联系`,
    "member.notMobile": (p) => `党员 ${show(p.memberId)} 不是流动党员`,
    "member.notProbationary": (p) => `党员 ${show(p.memberId)} 的状态为${kindZh(p.status)},不是预备党员`,
    "member.notSuspended": (p) => `党员 ${show(p.memberId)} 未被停止党籍`,
    "member.noVoteAtCheckIn": (p) =>
      `党员 ${show(p.memberId)} 在 ${show(p.orgId)} 报到,参加活动,但在该处没有${kindZh(p.kind)}权`,
    "member.noVoteAtHost": (p) =>
      `流动党员 ${show(p.memberId)} 在流入地 ${show(p.orgId)} 参加组织生活,但不享有${kindZh(p.kind)}权`,
    "member.noVoteBeforeReceived": (p) =>
      `党员 ${show(p.memberId)} 的组织关系转入 ${show(p.orgId)} 前仍属原组织,在该处尚无${kindZh(p.kind)}权`,
    "member.noVoteOutsideAffiliation": (p) =>
      `党员 ${show(p.memberId)} 的组织关系不在 ${show(p.orgId)},在该处没有${kindZh(p.kind)}权`,
    "member.noVoteWhenProbationary": (p) => `预备党员 ${show(p.memberId)} 在 ${show(p.orgId)} 没有${kindZh(p.kind)}权`,
    "member.noVoteWhenSuspended": (p) =>
      `党员 ${show(p.memberId)} 已停止党籍,在 ${show(p.orgId)} 没有${kindZh(p.kind)}权`,
    "member.probationNotEnded": (p) =>
      `党员 ${show(p.memberId)} 的预备期至 ${show(p.endsAt)} 届满,${show(p.at)} 不能作出决定`,
    "member.removalTooEarly": (p) =>
      `党员 ${show(p.memberId)} 于 ${show(p.suspendedAt)} 停止党籍,已 ${show(p.months)} 个月;除名须满 ${
        show(p.required)
      } 个月`,
    "member.rosterStatusMismatch": (p) =>
      `党员 ${show(p.memberId)} 在 ${show(p.orgId)} 名册中为${kindZh(p.listed)},而非${kindZh(p.status)}`,
    "member.sinceAfterDate": (p) => `党员 ${show(p.memberId)} 失联起始日 ${show(p.since)} 晚于日期 ${show(p.at)}`,
    "member.suspensionTooEarly": (p) =>
      `党员 ${show(p.memberId)} 自 ${show(p.since)} 失去联系,已 ${show(p.months)} 个月;停止党籍须满 ${
        show(p.required)
      } 个月`,
    "member.transferOpen": (p) => `党员 ${show(p.memberId)} 已有未结的组织关系介绍信 ${show(p.transferId)}`,
    "member.transferToSameOrg": (p) => `党员 ${show(p.memberId)} 的组织关系已在 ${show(p.orgId)},无需转接`,
    "member.votesExceedPresent": (p) => `${show(p.orgId)} 赞成 ${show(p.yes)} 票,多于实到会 ${show(p.present)} 人`,
    "member.wrongStream": (p) => `${show(p.memberId)} 的命令发到了 ${show(p.streamMemberId)} 的流`,
    "member.finding.checkInFeedbackDue": (p) =>
      `社区 ${show(p.communityOrgId)} 应向 ${show(p.orgId)} 反馈报到党员 ${show(p.memberId)} 的年度表现(上次:${
        show(p.lastAt)
      })`,
    "member.finding.credentialDue": (p) =>
      `党员 ${show(p.memberId)} 自 ${show(p.since)} 外出已 ${show(p.months)} 个月,应持${kindZh(p.credential)}`,
    "member.finding.fewCommunityActivities": (p) =>
      `报到党员 ${show(p.memberId)} 近一年在 ${show(p.communityOrgId)} 参加社区活动 ${show(p.count)} 次,少于 ${
        show(p.minimum)
      } 次`,
    "member.finding.lapsed": (p) =>
      `党员 ${show(p.memberId)} 自 ${show(p.since)} 起连续 ${show(p.months)} 个月未${kindZh(p.kind)}(${
        show(p.required)
      } 个月),按自行脱党处理须经支部党员大会讨论决定`,
    "member.finding.lapseWarning": (p) =>
      `党员 ${show(p.memberId)} 自 ${show(p.since)} 起已 ${show(p.months)} 个月未${kindZh(p.kind)}`,
    "member.finding.lapsedWithLeave": (p) =>
      `党员 ${show(p.memberId)} 自 ${show(p.since)} 起连续 ${show(p.months)} 个月未${kindZh(p.kind)}(${
        show(p.required)
      } 个月):缺席 ${show(p.absences)} 次,其中请假 ${show(p.excusedAbsences)} 次(${
        String(p.leaveReasons ?? "").split(",").filter((r) => r !== "").map(label({
          illness: "病假",
          work: "因公",
          family: "事假",
          away: "外出",
          other: "其他"
        })).join("、") || "—"
      }),是否有正当理由由支部党员大会判断`,
    "member.finding.mobileBranchSuggested": (p) =>
      `${show(p.orgId)} 有 ${show(p.full)} 名正式党员集中流动在 ${
        show(p.hostOrgId)
      },可商流入地党组织成立流动党员党组织`,
    "member.finding.mobileContactOverdue": (p) =>
      `自 ${show(p.lastContactAt)} 起已 ${show(p.months)} 个月未与流动党员 ${show(p.memberId)}(流入地 ${
        show(p.hostOrgId)
      })联系`,
    "member.finding.mobileContactPersonMissing": (p) =>
      `农村党支部 ${show(p.orgId)} 未明确专人与流动党员 ${show(p.memberId)} 保持联系`,
    "member.finding.probationDiscussionDue": (p) =>
      `党员 ${show(p.memberId)} 的预备期已于 ${show(p.endsAt)} 届满,支部应及时讨论能否转正`,
    "member.finding.removalDue": (p) =>
      `党员 ${show(p.memberId)} 自 ${show(p.suspendedAt)} 停止党籍已 ${show(p.months)} 个月,应按自行脱党予以除名`,
    "member.finding.resettledTransferExpected": (p) =>
      `安置党员 ${show(p.memberId)} 居住在 ${show(p.communityOrgId)},按居住地政策其组织关系(${
        show(p.orgId)
      })应转入该处`,
    "member.finding.resettledTransferSuggested": (p) =>
      `安置党员 ${show(p.memberId)} 已在 ${show(p.communityOrgId)} 居住 ${show(p.months)} 个月,组织关系仍在 ${
        show(p.orgId)
      },宜考虑转接`,
    "member.finding.suspensionDue": (p) =>
      `党员 ${show(p.memberId)} 自 ${show(p.since)} 失去联系已 ${show(p.months)} 个月,应予停止党籍`,
    "member.finding.transferDue": (p) =>
      `党员 ${show(p.memberId)} 自 ${show(p.since)} 在相对固定地点外出已 ${show(p.months)} 个月,应转移组织关系`,
    "member.finding.transferLetterExpired": (p) =>
      `党员 ${show(p.memberId)} 的组织关系介绍信 ${show(p.transferId)}(${show(p.fromOrgId)} → ${show(p.toOrgId)})已于 ${
        show(p.validUntil)
      } 过期;党员仍在原组织,须重新开具`
  }
}
