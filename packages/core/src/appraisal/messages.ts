/**
 * Messages of the appraisal aggregate in zh-CN and en: rejections (`appraisal.*`), findings
 * (`appraisal.finding.*`) and the labels of grades, disposal forms and outcomes (R35, R62–R64). Params hold
 * ids, counts, dates and codes only, never a member's personal data.
 *
 * @since 0.3.0
 */
import type { Catalog, Catalogs, MessageParams } from "../kernel/Message.ts"
import { show } from "../kernel/Message.ts"

type Names = Readonly<Record<string, string>>

// Own keys only: a value such as `constructor` is shown as itself, never as Object.prototype's function.
const label = (names: Names) => (value: MessageParams[string]) =>
  value === undefined ? "—" : Object.hasOwn(names, String(value)) ? names[String(value)]! : String(value)

const namesEn: Names = {
  excellent: "excellent (优秀)",
  qualified: "qualified (合格)",
  basicallyQualified: "basically qualified (基本合格)",
  unqualified: "unqualified (不合格)",
  correctWithinPeriod: "limited-time correction (限期改正)",
  adviseToWithdraw: "advice to withdraw (劝其退党)",
  remove: "removal (除名)",
  corrected: "corrected",
  notCorrected: "not corrected",
  withdrew: "withdrew",
  refusedToWithdraw: "refused to withdraw",
  removed: "removed"
}

const namesZh: Names = {
  excellent: "优秀",
  qualified: "合格",
  basicallyQualified: "基本合格",
  unqualified: "不合格",
  correctWithinPeriod: "限期改正",
  adviseToWithdraw: "劝其退党",
  remove: "除名",
  corrected: "已改正",
  notCorrected: "未改正",
  withdrew: "已退党",
  refusedToWithdraw: "坚持不退",
  removed: "已除名"
}

const en_ = label(namesEn)
const zh_ = label(namesZh)

const labels = (names: Names, prefixes: ReadonlyArray<[string, ReadonlyArray<string>]>): Catalog =>
  Object.fromEntries(
    prefixes.flatMap(([prefix, keys]) => keys.map((key) => [`${prefix}.${key}`, () => names[key] ?? key]))
  )

const labelKeys: ReadonlyArray<[string, ReadonlyArray<string>]> = [
  ["appraisal.grade", ["excellent", "qualified", "basicallyQualified", "unqualified"]],
  ["appraisal.form", ["correctWithinPeriod", "adviseToWithdraw", "remove"]],
  ["appraisal.outcome", ["corrected", "notCorrected", "withdrew", "refusedToWithdraw", "removed"]]
]

const en: Catalog = {
  ...labels(namesEn, labelKeys),
  "appraisal.beforeOpened": (p) =>
    `The date ${show(p.at)} is before appraisal ${show(p.appraisalId)} was opened (${show(p.openedAt)})`,
  "appraisal.yearOutOfRange": (p) =>
    `Appraisal ${show(p.appraisalId)} cannot be opened on ${
      show(p.at)
    }: a year is appraised in that year or early in the next`,
  "appraisal.noMembers": (p) => `Organization ${show(p.orgId)} has no members to appraise`,
  "appraisal.notGraded": (p) => `Member ${show(p.memberId)} has no grade in appraisal ${show(p.appraisalId)}`,
  "appraisal.gradeNotConfigured": (p) =>
    `The grade ${en_(p.grade)} is not one of the grades the policy uses for appraisal ${show(p.appraisalId)}`,
  "appraisal.probationaryNotGraded": (p) =>
    `Probationary member ${show(p.memberId)} takes part in appraisal ${
      show(p.appraisalId)
    } without a grade under this policy`,
  "appraisal.probationaryExcellent": (p) =>
    `Probationary member ${show(p.memberId)} cannot be rated excellent (优秀) in appraisal ${show(p.appraisalId)}`,
  "appraisal.alreadyGraded": (p) =>
    `Member ${show(p.memberId)} already has a result in appraisal ${show(p.appraisalId)}; correct it instead`,
  "appraisal.notMemberOfOrg": (p) =>
    `Member ${show(p.memberId)} is neither affiliated to nor a mobile member hosted by ${show(p.orgId)} (appraisal ${
      show(p.appraisalId)
    })`,
  "appraisal.disposalRunning": (p) =>
    `A disposal of member ${show(p.memberId)} is running in appraisal ${show(p.appraisalId)}; conclude it first`,
  "appraisal.notBasicallyQualified": (p) =>
    `Member ${show(p.memberId)} is graded ${en_(p.grade)}, not basically qualified, in appraisal ${
      show(p.appraisalId)
    }`,
  "appraisal.disposalNeedsUnqualified": (p) =>
    `An organizational disposal follows an unqualified grade; member ${show(p.memberId)} is graded ${
      en_(p.grade)
    } in appraisal ${show(p.appraisalId)}`,
  "appraisal.disposalOfProbationary": (p) =>
    `Member ${show(p.memberId)} is probationary: extend or cancel the probation instead of an organizational disposal`,
  "appraisal.disposalAfterDiscipline": (p) =>
    `Matter ${show(p.matterId)} of member ${
      show(p.memberId)
    } was dealt with by discipline: no organizational disposal follows`,
  "appraisal.disposalFinal": (p) =>
    `The disposal of member ${show(p.memberId)} in appraisal ${show(p.appraisalId)} already ended (${en_(p.outcome)})`,
  "appraisal.datesOutOfOrder": (p) =>
    `In appraisal ${show(p.appraisalId)} the grade (${show(p.gradedAt)}), the general meeting (${
      show(p.voteAt)
    }), the approval (${show(p.approvalAt)}) and the decision (${show(p.at)}) must come in that order`,
  "appraisal.disposalNotPassed": (p) =>
    `The disposal of member ${show(p.memberId)} got ${show(p.yes)} yes-votes of ${
      show(p.entitled)
    } entitled; it needs ${show(p.required)}`,
  "appraisal.disposalNeedsApproval": (p) =>
    `A ${en_(p.form)} of member ${show(p.memberId)} needs the higher organization's approval`,
  "appraisal.monthsOnlyForCorrection": (p) =>
    `Only a limited-time correction has a period; member ${show(p.memberId)}'s disposal is a ${en_(p.form)}`,
  "appraisal.correctionTooLong": (p) =>
    `The limited-time correction of member ${show(p.memberId)} may run at most ${show(p.max)} months${
      p.latest === undefined ? "" : ` (until ${show(p.latest)})`
    }`,
  "appraisal.noRunningCorrection": (p) =>
    `Member ${show(p.memberId)} has no running limited-time correction in appraisal ${show(p.appraisalId)}`,
  "appraisal.extensionNotLater": (p) =>
    `The new review date ${show(p.until)} of member ${show(p.memberId)} is not after ${show(p.reviewDueOn)}`,
  "appraisal.noRunningDisposal": (p) =>
    `Member ${show(p.memberId)} has no running disposal in appraisal ${show(p.appraisalId)}`,
  "appraisal.outcomeNotForForm": (p) =>
    `The outcome ${en_(p.outcome)} does not end a ${en_(p.form)} (member ${show(p.memberId)})`,
  "appraisal.finding.notClosed": (p) =>
    `The democratic appraisal of ${show(p.year)} at ${show(p.orgId)} is still open; it was due to be closed by ${
      show(p.due)
    }`,
  "appraisal.finding.excellentOverCap": (p) =>
    `Appraisal ${show(p.year)} of ${show(p.orgId)} rates ${show(p.excellent)} members excellent of a basis of ${
      show(p.basis)
    }; generally at most ${show(p.cap)}`,
  "appraisal.finding.guidanceDue": (p) =>
    `Member ${show(p.memberId)}, graded basically qualified in ${show(p.year)} at ${
      show(p.orgId)
    }: point out the gaps and help to improve`,
  "appraisal.finding.disposalDue": (p) =>
    `Member ${show(p.memberId)}, graded unqualified in ${show(p.year)} at ${
      show(p.orgId)
    }: an organizational disposal is to be decided${p.due === undefined ? "" : ` by ${show(p.due)}`}`,
  "appraisal.finding.probationaryUnqualified": (p) =>
    `Probationary member ${show(p.memberId)}, graded unqualified in ${show(p.year)} at ${
      show(p.orgId)
    }: discuss extending or cancelling the probation`,
  "appraisal.finding.correctionReview": (p) =>
    `The limited-time correction of member ${show(p.memberId)} (${show(p.orgId)}, ${show(p.year)}) is reviewed on ${
      show(p.due)
    }`,
  "appraisal.finding.disposalRunning": (p) =>
    `The ${en_(p.form)} of member ${show(p.memberId)} (${show(p.orgId)}, ${show(p.year)}) awaits its outcome`,
  "appraisal.finding.furtherDecisionDue": (p) =>
    `Member ${show(p.memberId)} (${show(p.orgId)}, ${show(p.year)}): ${
      en_(p.outcome)
    }; the general meeting decides the next step`
}

const zh: Catalog = {
  ...labels(namesZh, labelKeys),
  "appraisal.beforeOpened": (p) =>
    `日期 ${show(p.at)} 早于民主评议 ${show(p.appraisalId)} 的开始日期 ${show(p.openedAt)}`,
  "appraisal.yearOutOfRange": (p) => `${show(p.at)} 不能开始民主评议 ${show(p.appraisalId)}:评议年度应为当年或上一年`,
  "appraisal.noMembers": (p) => `党组织 ${show(p.orgId)} 没有可参加评议的党员`,
  "appraisal.notGraded": (p) => `党员 ${show(p.memberId)} 在民主评议 ${show(p.appraisalId)} 中没有评定等次`,
  "appraisal.gradeNotConfigured": (p) => `等次"${zh_(p.grade)}"不在民主评议 ${show(p.appraisalId)} 所用政策的等次之内`,
  "appraisal.probationaryNotGraded": (p) =>
    `按现行政策,预备党员 ${show(p.memberId)} 参加民主评议 ${show(p.appraisalId)} 但不评定等次`,
  "appraisal.probationaryExcellent": (p) =>
    `预备党员 ${show(p.memberId)} 不能在民主评议 ${show(p.appraisalId)} 中被评为优秀`,
  "appraisal.alreadyGraded": (p) =>
    `党员 ${show(p.memberId)} 在民主评议 ${show(p.appraisalId)} 中已有评定结果;如需更改请作更正`,
  "appraisal.notMemberOfOrg": (p) =>
    `党员 ${show(p.memberId)} 的组织关系不在 ${show(p.orgId)},也不是其接收的流动党员(民主评议 ${show(p.appraisalId)})`,
  "appraisal.disposalRunning": (p) =>
    `党员 ${show(p.memberId)} 在民主评议 ${show(p.appraisalId)} 中的组织处置尚未结束,请先办结`,
  "appraisal.notBasicallyQualified": (p) =>
    `党员 ${show(p.memberId)} 在民主评议 ${show(p.appraisalId)} 中评定为${zh_(p.grade)},不是基本合格`,
  "appraisal.disposalNeedsUnqualified": (p) =>
    `组织处置适用于评定为不合格的党员;党员 ${show(p.memberId)} 在民主评议 ${show(p.appraisalId)} 中评定为${
      zh_(p.grade)
    }`,
  "appraisal.disposalOfProbationary": (p) =>
    `党员 ${show(p.memberId)} 是预备党员,不作组织处置,应按程序延长预备期或取消预备党员资格`,
  "appraisal.disposalAfterDiscipline": (p) =>
    `党员 ${show(p.memberId)} 的问题 ${show(p.matterId)} 已受党纪处分,不因同一问题再进行组织处置`,
  "appraisal.disposalFinal": (p) =>
    `党员 ${show(p.memberId)} 在民主评议 ${show(p.appraisalId)} 中的组织处置已办结(${zh_(p.outcome)})`,
  "appraisal.datesOutOfOrder": (p) =>
    `民主评议 ${show(p.appraisalId)} 中,评定(${show(p.gradedAt)})、支部大会(${show(p.voteAt)})、上级批准(${
      show(p.approvalAt)
    })与决定日期(${show(p.at)})须依次发生`,
  "appraisal.disposalNotPassed": (p) =>
    `对党员 ${show(p.memberId)} 的组织处置获赞成票 ${show(p.yes)} 张,应到会有表决权 ${show(p.entitled)} 人,至少需要 ${
      show(p.required)
    } 张`,
  "appraisal.disposalNeedsApproval": (p) => `对党员 ${show(p.memberId)} 作出${zh_(p.form)}须报上级党组织批准`,
  "appraisal.monthsOnlyForCorrection": (p) => `只有限期改正规定期限;对党员 ${show(p.memberId)} 的处置为${zh_(p.form)}`,
  "appraisal.correctionTooLong": (p) =>
    `党员 ${show(p.memberId)} 的限期改正最长不超过 ${show(p.max)} 个月${
      p.latest === undefined ? "" : `(至 ${show(p.latest)})`
    }`,
  "appraisal.noRunningCorrection": (p) =>
    `党员 ${show(p.memberId)} 在民主评议 ${show(p.appraisalId)} 中没有进行中的限期改正`,
  "appraisal.extensionNotLater": (p) =>
    `党员 ${show(p.memberId)} 新的考察日期 ${show(p.until)} 不晚于原定的 ${show(p.reviewDueOn)}`,
  "appraisal.noRunningDisposal": (p) =>
    `党员 ${show(p.memberId)} 在民主评议 ${show(p.appraisalId)} 中没有进行中的组织处置`,
  "appraisal.outcomeNotForForm": (p) => `"${zh_(p.outcome)}"不是${zh_(p.form)}的办结结果(党员 ${show(p.memberId)})`,
  "appraisal.finding.notClosed": (p) =>
    `${show(p.orgId)} ${show(p.year)} 年度民主评议党员尚未结束,应于 ${show(p.due)} 前完成`,
  "appraisal.finding.excellentOverCap": (p) =>
    `${show(p.orgId)} ${show(p.year)} 年度民主评议评为优秀 ${show(p.excellent)} 人,基数 ${
      show(p.basis)
    } 人,一般不超过 ${show(p.cap)} 人`,
  "appraisal.finding.guidanceDue": (p) =>
    `党员 ${show(p.memberId)} 在 ${show(p.orgId)} ${show(p.year)} 年度评定为基本合格:应指出差距,帮助改进提高`,
  "appraisal.finding.disposalDue": (p) =>
    `党员 ${show(p.memberId)} 在 ${show(p.orgId)} ${show(p.year)} 年度评定为不合格:应按规定作出组织处置${
      p.due === undefined ? "" : `(${show(p.due)} 前)`
    }`,
  "appraisal.finding.probationaryUnqualified": (p) =>
    `预备党员 ${show(p.memberId)} 在 ${show(p.orgId)} ${
      show(p.year)
    } 年度评定为不合格:应讨论延长预备期或取消预备党员资格`,
  "appraisal.finding.correctionReview": (p) =>
    `党员 ${show(p.memberId)}(${show(p.orgId)},${show(p.year)} 年度)的限期改正应于 ${show(p.due)} 考察`,
  "appraisal.finding.disposalRunning": (p) =>
    `党员 ${show(p.memberId)}(${show(p.orgId)},${show(p.year)} 年度)的${zh_(p.form)}尚待办结`,
  "appraisal.finding.furtherDecisionDue": (p) =>
    `党员 ${show(p.memberId)}(${show(p.orgId)},${show(p.year)} 年度)${zh_(p.outcome)}:由支部大会决定下一步处置`
}

/**
 * @category messages
 * @since 0.3.0
 */
export const appraisalMessages: Catalogs = { en, "zh-CN": zh }
