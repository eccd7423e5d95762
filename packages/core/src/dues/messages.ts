/**
 * Messages of the dues aggregate in zh-CN and en: rejections (`dues.*`), policy validation
 * (`dues.policy.*`), findings (`dues.finding.*`) and the labels of the dues categories (`dues.category.*`,
 * R65). Params hold ids, months, dates, counts, categories and policy figures only: never a base or an amount
 * computed from one (a member's income).
 *
 * @since 0.3.0
 */
import type { Catalog, Catalogs } from "../kernel/Message.ts"
import { show } from "../kernel/Message.ts"

// A policy figure in fen, as yuan with two decimals (integer arithmetic: no binary fractions).
const yuan = (fen: string | number | boolean | undefined): string => {
  if (typeof fen !== "number" || !Number.isInteger(fen)) return show(fen)
  const whole = Math.trunc(fen / 100)
  return `${whole}.${String(Math.abs(fen % 100)).padStart(2, "0")}`
}

const en: Catalog = {
  "dues.category.salaried": () => "salaried",
  "dues.category.annualSalary": () => "annual salary",
  "dues.category.selfEmployed": () => "no fixed monthly income",
  "dues.category.villageCadre": () => "village cadre on a fixed subsidy",
  "dues.category.farmerWithIncome": () => "farmer with wage or business income",
  "dues.category.retiree": () => "retired",
  "dues.category.farmer": () => "farmer",
  "dues.category.student": () => "student",
  "dues.category.unemployed": () => "laid off or unemployed",
  "dues.category.relief": () => "living on 抚恤 or 救济",
  "dues.category.minimumLivingAllowance": () => "on the minimum living allowance (低保)",
  "dues.policyIncomplete": (p) =>
    `Dues policy ${show(p.policy)} does not set ${show(p.field)}: set it in a local policy before this command`,
  "dues.policyNotInForce": (p) =>
    `Dues policy ${show(p.policy)} applies from ${show(p.effectiveFrom)}; ${show(p.month)} is earlier`,
  "dues.policy.bracketsInvalid": (p) =>
    `Dues policy ${show(p.policy)}: the ${show(p.field)} brackets must ascend and end with an open bracket`,
  "dues.policy.flatAmountChanged": (p) =>
    `Dues policy ${show(p.policy)} changes the fixed amount of category ${show(p.category)}`,
  "dues.policy.farmerAmountOutOfRange": (p) =>
    `Dues policy ${show(p.policy)}: the farmer amount must lie between ${yuan(p.minFen)} and ${yuan(p.maxFen)} yuan`,
  "dues.policy.windowLoosened": (p) =>
    `Dues policy ${show(p.policy)}: ${show(p.field)} of ${show(p.months)} months is over the ${show(p.max)} allowed`,
  "dues.policy.warnAfterLapse": (p) =>
    `Dues policy ${show(p.policy)}: the early warning (${show(p.warn)} months) must come before the lapse (${
      show(p.lapse)
    } months)`,
  "dues.wrongStream": (p) =>
    `Command for member ${show(p.memberId)} sent to the dues account of ${show(p.streamMemberId)}`,
  "dues.accountNotOpen": (p) => `Member ${show(p.memberId)} has no dues account`,
  "dues.accountExists": (p) => `Member ${show(p.memberId)} already has a dues account`,
  "dues.accountClosed": (p) => `The dues account of member ${show(p.memberId)} closed after ${show(p.lastMonth)}`,
  "dues.memberNotActive": (p) =>
    `Member ${show(p.memberId)} is not an active member (${show(p.status)}): no dues account can be opened`,
  "dues.beforeOpened": (p) =>
    `The date ${show(p.at)} is before the dues account of member ${show(p.memberId)} was opened (${show(p.openedAt)})`,
  "dues.monthOutsideYear": (p) => `Month ${show(p.month)} is not in year ${show(p.year)}`,
  "dues.beforeAdmissionVote": (p) =>
    `Member ${show(p.memberId)} owes dues from ${show(p.firstMonth)}, the month of the admission vote; ${
      show(p.month)
    } is earlier`,
  "dues.beforeFirstMonth": (p) =>
    `The dues account of member ${show(p.memberId)} starts in ${show(p.firstMonth)}; ${show(p.month)} is earlier`,
  "dues.baseRequired": (p) => `Category ${show(p.category)} pays a rate on a base: declare the monthly base`,
  "dues.baseNotApplicable": (p) =>
    `Category ${show(p.category)} pays a fixed amount: no base is recorded for member ${show(p.memberId)}`,
  "dues.retireeAllowancesIncluded": (p) =>
    `Under dues policy ${show(p.policy)} a retiree's base leaves out allowances (津补贴); declare it without them`,
  "dues.noDeclaration": (p) =>
    `No category or base is declared for member ${show(p.memberId)} for ${show(p.year)}: declare it first`,
  "dues.alreadyAssessed": (p) =>
    `The monthly amount of member ${show(p.memberId)} for ${
      show(p.year)
    } is already fixed: reassess within the year instead`,
  "dues.notAssessed": (p) =>
    `The monthly amount of member ${show(p.memberId)} for ${show(p.year)} has not been fixed yet`,
  "dues.amountNotComputed": (p) =>
    `The amount for member ${show(p.memberId)} in ${
      show(p.year)
    } differs from the computed one: state an override reason`,
  "dues.fixedAmountOverridden": (p) =>
    `Category ${show(p.category)} pays a fixed amount: a lower one needs an approved hardship reduction`,
  "dues.organizationPays": (p) =>
    `The organization may not pay dues for member ${show(p.memberId)} (垫交 is prohibited)`,
  "dues.proxyWithoutPayer": (p) =>
    `A payment by a ${show(p.payer)} for member ${show(p.memberId)} names who paid (payerId)`,
  "dues.payrollDeduction": (p) => `Dues of member ${show(p.memberId)} may not be deducted from pay (扣缴)`,
  "dues.specialDues": (p) =>
    `The organization may not ask member ${show(p.memberId)} for "special dues" beyond the rules`,
  "dues.emptyPayment": (p) => `A payment for member ${show(p.memberId)} covers no month and pays nothing`,
  "dues.duplicateMonth": (p) => `A payment for member ${show(p.memberId)} names ${show(p.month)} twice`,
  "dues.monthNotDue": (p) => `Member ${show(p.memberId)} owes nothing for ${show(p.month)}`,
  "dues.monthAlreadyPaid": (p) => `Member ${show(p.memberId)} has already paid for ${show(p.month)}`,
  "dues.monthNotAssessed": (p) =>
    `No monthly amount is fixed for member ${show(p.memberId)} for ${show(p.month)}: assess the year first`,
  "dues.monthExempt": (p) => `Member ${show(p.memberId)} is exempt for ${show(p.month)}`,
  "dues.outsidePaymentWindow": (p) =>
    `A payment in ${show(p.paidIn)} covering ${show(p.month)} is more than ${show(p.backMax)} months back or ${
      show(p.advanceMax)
    } months ahead: it needs an approved exception`,
  "dues.datesOutOfOrder": (p) =>
    `The decision of ${show(p.decidedAt)} for member ${show(p.memberId)} is out of order with ${show(p.at)}`,
  "dues.wrongCollector": (p) =>
    `Dues of member ${show(p.memberId)} are paid to the branch of the affiliation, not to ${show(p.orgId)}`,
  "dues.wrongCollectorInTransit": (p) =>
    `While transfer ${show(p.transferId)} is in transit the ${show(p.collects)} collects the dues of member ${
      show(p.memberId)
    }, not ${show(p.orgId)}`,
  "dues.temporaryBranchCollects": (p) =>
    `Temporary branch ${show(p.orgId)} collects no dues: member ${show(p.memberId)} pays the home organization`,
  "dues.underpaid": (p) =>
    `The payment for member ${show(p.memberId)} is less than the regular amount of its ${show(p.months)} month(s)`,
  "dues.monthsOutOfOrder": (p) => `${show(p.fromMonth)} is after ${show(p.toMonth)}`,
  "dues.reliefNotByBranch": (p) =>
    `A reduction or exemption for member ${show(p.memberId)} is decided by the member's branch ${
      show(p.branchId)
    }, not ${show(p.orgId)}`,
  "dues.reliefNeedsHigherApproval": (p) =>
    `Reduction or exemption ${show(p.decisionId)} for member ${
      show(p.memberId)
    } needs the approval of a committee above the branch (approved by: ${show(p.approvedBy)})`,
  "dues.notAReduction": (p) =>
    `The reduced amount for member ${show(p.memberId)} is not below the amount fixed for ${show(p.month)}`,
  "dues.quarterlyNotAllowed": (p) => `Dues policy ${show(p.policy)} does not allow quarterly payment`,
  "dues.quarterlyNeedsConsent": (p) =>
    `Quarterly payment for member ${show(p.memberId)} needs the consent of the member's branch ${
      show(p.branchId)
    } (given by ${show(p.orgId)})`,
  "dues.quarterlyAlreadyArranged": (p) => `Member ${show(p.memberId)} already pays quarterly`,
  "dues.quarterlyOverlaps": (p) =>
    `A quarterly arrangement from ${show(p.fromMonth)} overlaps one that ended in ${show(p.lastMonth)}`,
  "dues.noQuarterlyArrangement": (p) => `Member ${show(p.memberId)} has no quarterly arrangement`,
  "dues.noLapseFinding": (p) =>
    `Member ${show(p.memberId)} has no six-months-unpaid finding from ${show(p.fromMonth)} to close`,
  "dues.paidBeyondClose": (p) =>
    `Member ${show(p.memberId)} has paid for ${show(p.month)}, after the month the account would close`,
  "dues.paidThroughTooLate": (p) =>
    `Transfer letter ${show(p.transferId)} says dues are paid through ${show(p.paidThrough)}; the latest possible is ${
      show(p.latest)
    }`,
  "dues.finding.lapse": (p) =>
    `Member ${show(p.memberId)} left ${show(p.months)} consecutive months unpaid (${show(p.fromMonth)} to ${
      show(p.toMonth)
    }; ${show(p.required)} make a self-lapse under DZ Art. 9)${
      p.paidOn === undefined ? "" : `; paid on ${show(p.paidOn)}`
    }: a person reviews and closes this`,
  "dues.finding.arrearsWarning": (p) =>
    `Member ${show(p.memberId)} has ${show(p.months)} unpaid months (${show(p.fromMonth)} to ${show(p.toMonth)}); at ${
      show(p.required)
    } it is a self-lapse`,
  "dues.finding.letterWithoutPaidThrough": (p) =>
    `Transfer letter ${show(p.transferId)} of member ${show(p.memberId)} (from ${
      show(p.fromOrgId)
    }) does not say the month dues are paid through`,
  "dues.finding.arrearsIntoTransfer": (p) =>
    `Member ${show(p.memberId)} left ${show(p.fromOrgId)} on ${show(p.issuedAt)} with dues paid only through ${
      show(p.paidThrough)
    } (transfer ${show(p.transferId)})`,
  "dues.finding.letterPaidThroughMismatch": (p) =>
    `Transfer letter ${show(p.transferId)} of member ${show(p.memberId)} says paid through ${
      show(p.stated)
    }; the ledger says ${show(p.ledger)}`,
  "dues.finding.reassessedWithoutReason": (p) =>
    `The monthly amount of member ${show(p.memberId)} was changed from ${show(p.fromMonth)} without a reason`,
  "dues.finding.yearNotAssessed": (p) =>
    `The monthly amount of member ${show(p.memberId)} for ${show(p.year)} has not been fixed at the start of the year`,
  "dues.finding.firstMonthAfterVote": (p) =>
    `Member ${show(p.memberId)} owes dues from ${
      show(p.voteMonth)
    }, the month of the admission vote, but the account starts in ${show(p.firstMonth)}`,
  "dues.finding.aboveMonthlyCap": (p) =>
    `The regular monthly amount of member ${show(p.memberId)} in ${show(p.year)} is above the local cap of ${
      yuan(p.capFen)
    } yuan`
}

const zh: Catalog = {
  "dues.category.salaried": () => "按月领取工资",
  "dues.category.annualSalary": () => "实行年薪制",
  "dues.category.selfEmployed": () => "无固定工资收入",
  "dues.category.villageCadre": () => "领取定额补贴的村干部",
  "dues.category.farmerWithIncome": () => "有工资或经营收入的农民",
  "dues.category.retiree": () => "离退休",
  "dues.category.farmer": () => "农民",
  "dues.category.student": () => "学生",
  "dues.category.unemployed": () => "下岗失业",
  "dues.category.relief": () => "依靠抚恤或救济生活",
  "dues.category.minimumLivingAllowance": () => "领取最低生活保障金",
  "dues.policyIncomplete": (p) => `党费政策 ${show(p.policy)} 未设置 ${show(p.field)}:请先在本地政策中设置`,
  "dues.policyNotInForce": (p) =>
    `党费政策 ${show(p.policy)} 自 ${show(p.effectiveFrom)} 起施行,${show(p.month)} 早于此日`,
  "dues.policy.bracketsInvalid": (p) =>
    `党费政策 ${show(p.policy)}:${show(p.field)} 的档次须由低到高排列,并以不设上限的一档结束`,
  "dues.policy.flatAmountChanged": (p) => `党费政策 ${show(p.policy)} 改变了 ${show(p.category)} 类的固定交纳数额`,
  "dues.policy.farmerAmountOutOfRange": (p) =>
    `党费政策 ${show(p.policy)}:农民党员月交纳数额须在 ${yuan(p.minFen)} 元至 ${yuan(p.maxFen)} 元之间`,
  "dues.policy.windowLoosened": (p) =>
    `党费政策 ${show(p.policy)}:${show(p.field)} 为 ${show(p.months)} 个月,超过允许的 ${show(p.max)} 个月`,
  "dues.policy.warnAfterLapse": (p) =>
    `党费政策 ${show(p.policy)}:预警(${show(p.warn)} 个月)须早于自行脱党提示(${show(p.lapse)} 个月)`,
  "dues.wrongStream": (p) => `党员 ${show(p.memberId)} 的命令发到了 ${show(p.streamMemberId)} 的党费账户`,
  "dues.accountNotOpen": (p) => `党员 ${show(p.memberId)} 尚无党费账户`,
  "dues.accountExists": (p) => `党员 ${show(p.memberId)} 已有党费账户`,
  "dues.accountClosed": (p) => `党员 ${show(p.memberId)} 的党费账户已于 ${show(p.lastMonth)} 后关闭`,
  "dues.memberNotActive": (p) => `${show(p.memberId)} 不是在册党员(${show(p.status)}),不能开立党费账户`,
  "dues.beforeOpened": (p) => `日期 ${show(p.at)} 早于党员 ${show(p.memberId)} 党费账户的开立日期 ${show(p.openedAt)}`,
  "dues.monthOutsideYear": (p) => `${show(p.month)} 不在 ${show(p.year)} 年内`,
  "dues.beforeAdmissionVote": (p) =>
    `党员 ${show(p.memberId)} 自支部大会通过其为预备党员的 ${show(p.firstMonth)} 起交纳党费,${show(p.month)} 早于此月`,
  "dues.beforeFirstMonth": (p) =>
    `党员 ${show(p.memberId)} 的党费账户自 ${show(p.firstMonth)} 起,${show(p.month)} 早于此月`,
  "dues.baseRequired": (p) => `${show(p.category)} 类按计算基数的比例交纳党费:请申报月计算基数`,
  "dues.baseNotApplicable": (p) => `${show(p.category)} 类按固定数额交纳党费:不记录党员 ${show(p.memberId)} 的计算基数`,
  "dues.retireeAllowancesIncluded": (p) =>
    `按党费政策 ${show(p.policy)},离退休党员的计算基数不含津补贴:请不含津补贴申报`,
  "dues.noDeclaration": (p) => `党员 ${show(p.memberId)} 尚未申报 ${show(p.year)} 年的类别和计算基数:请先申报`,
  "dues.alreadyAssessed": (p) => `党员 ${show(p.memberId)} ${show(p.year)} 年的月交纳数额已核定:年内调整请另行办理`,
  "dues.notAssessed": (p) => `党员 ${show(p.memberId)} ${show(p.year)} 年的月交纳数额尚未核定`,
  "dues.amountNotComputed": (p) => `党员 ${show(p.memberId)} ${show(p.year)} 年的核定数额与按规定计算的不同:请说明理由`,
  "dues.fixedAmountOverridden": (p) => `${show(p.category)} 类按固定数额交纳党费:少交须经批准的困难减免`,
  "dues.organizationPays": (p) => `不得为党员 ${show(p.memberId)} 垫交党费`,
  "dues.proxyWithoutPayer": (p) => `他人为党员 ${show(p.memberId)} 代交党费,须注明代交人(payerId)`,
  "dues.payrollDeduction": (p) => `不得从工资中扣缴党员 ${show(p.memberId)} 的党费`,
  "dues.specialDues": (p) => `不得要求党员 ${show(p.memberId)} 交纳规定以外的"特殊党费"`,
  "dues.emptyPayment": (p) => `党员 ${show(p.memberId)} 的这笔交纳既无所交月份也无金额`,
  "dues.duplicateMonth": (p) => `党员 ${show(p.memberId)} 的这笔交纳重复列出 ${show(p.month)}`,
  "dues.monthNotDue": (p) => `党员 ${show(p.memberId)} ${show(p.month)} 无应交党费`,
  "dues.monthAlreadyPaid": (p) => `党员 ${show(p.memberId)} ${show(p.month)} 的党费已交`,
  "dues.monthNotAssessed": (p) => `党员 ${show(p.memberId)} ${show(p.month)} 的月交纳数额尚未核定:请先核定`,
  "dues.monthExempt": (p) => `党员 ${show(p.memberId)} ${show(p.month)} 已批准免交党费`,
  "dues.outsidePaymentWindow": (p) =>
    `${show(p.paidIn)} 交纳 ${show(p.month)} 的党费,补交超过 ${show(p.backMax)} 个月或预交超过 ${
      show(p.advanceMax)
    } 个月:须经批准`,
  "dues.datesOutOfOrder": (p) => `党员 ${show(p.memberId)} 的决定日期 ${show(p.decidedAt)} 与 ${show(p.at)} 先后不符`,
  "dues.wrongCollector": (p) => `党员 ${show(p.memberId)} 的党费交给组织关系所在党支部,不交给 ${show(p.orgId)}`,
  "dues.wrongCollectorInTransit": (p) =>
    `组织关系转接 ${show(p.transferId)} 途中,党员 ${show(p.memberId)} 的党费由${
      p.collects === "origin" ? "转出" : "接收"
    }党组织收缴,不由 ${show(p.orgId)} 收缴`,
  "dues.temporaryBranchCollects": (p) =>
    `临时党支部 ${show(p.orgId)} 不收缴党费:党员 ${show(p.memberId)} 向组织关系所在党组织交纳`,
  "dues.underpaid": (p) => `党员 ${show(p.memberId)} 这笔交纳少于其 ${show(p.months)} 个月的应交数额`,
  "dues.monthsOutOfOrder": (p) => `${show(p.fromMonth)} 晚于 ${show(p.toMonth)}`,
  "dues.reliefNotByBranch": (p) =>
    `党员 ${show(p.memberId)} 少交或免交党费由其所在党支部 ${show(p.branchId)} 研究,不由 ${show(p.orgId)}`,
  "dues.reliefNeedsHigherApproval": (p) =>
    `党员 ${show(p.memberId)} 的少交或免交 ${show(p.decisionId)} 须报上一级党委批准(批准单位:${show(p.approvedBy)})`,
  "dues.notAReduction": (p) => `党员 ${show(p.memberId)} 的减交数额不低于 ${show(p.month)} 的核定数额`,
  "dues.quarterlyNotAllowed": (p) => `党费政策 ${show(p.policy)} 不允许按季度交纳`,
  "dues.quarterlyNeedsConsent": (p) =>
    `党员 ${show(p.memberId)} 按季度交纳党费须经其所在党支部 ${show(p.branchId)} 同意(同意单位:${show(p.orgId)})`,
  "dues.quarterlyAlreadyArranged": (p) => `党员 ${show(p.memberId)} 已按季度交纳党费`,
  "dues.quarterlyOverlaps": (p) => `自 ${show(p.fromMonth)} 起的按季度交纳与截至 ${show(p.lastMonth)} 的安排重叠`,
  "dues.noQuarterlyArrangement": (p) => `党员 ${show(p.memberId)} 没有按季度交纳的安排`,
  "dues.noLapseFinding": (p) => `党员 ${show(p.memberId)} 没有自 ${show(p.fromMonth)} 起连续6个月未交党费的提示可关闭`,
  "dues.paidBeyondClose": (p) => `党员 ${show(p.memberId)} 已交 ${show(p.month)} 的党费,晚于账户关闭的月份`,
  "dues.paidThroughTooLate": (p) =>
    `组织关系介绍信 ${show(p.transferId)} 注明党费交至 ${show(p.paidThrough)},最晚只能到 ${show(p.latest)}`,
  "dues.finding.lapse": (p) =>
    `党员 ${show(p.memberId)} 连续 ${show(p.months)} 个月未交纳党费(${show(p.fromMonth)} 至 ${show(p.toMonth)};满 ${
      show(p.required)
    } 个月按党章第九条视为自行脱党)${p.paidOn === undefined ? "" : `;已于 ${show(p.paidOn)} 补交`}:须经人工核实后关闭`,
  "dues.finding.arrearsWarning": (p) =>
    `党员 ${show(p.memberId)} 已有 ${show(p.months)} 个月未交党费(${show(p.fromMonth)} 至 ${show(p.toMonth)});满 ${
      show(p.required)
    } 个月视为自行脱党`,
  "dues.finding.letterWithoutPaidThrough": (p) =>
    `党员 ${show(p.memberId)} 的组织关系介绍信 ${show(p.transferId)}(${show(p.fromOrgId)} 开具)未注明党费交至年月`,
  "dues.finding.arrearsIntoTransfer": (p) =>
    `党员 ${show(p.memberId)} 于 ${show(p.issuedAt)} 转出 ${show(p.fromOrgId)} 时党费只交至 ${
      show(p.paidThrough)
    }(转接 ${show(p.transferId)})`,
  "dues.finding.letterPaidThroughMismatch": (p) =>
    `党员 ${show(p.memberId)} 的介绍信 ${show(p.transferId)} 注明党费交至 ${show(p.stated)},账目为 ${show(p.ledger)}`,
  "dues.finding.reassessedWithoutReason": (p) =>
    `党员 ${show(p.memberId)} 自 ${show(p.fromMonth)} 起调整月交纳数额,未说明理由`,
  "dues.finding.yearNotAssessed": (p) => `党员 ${show(p.memberId)} ${show(p.year)} 年的月交纳数额未在年初核定`,
  "dues.finding.firstMonthAfterVote": (p) =>
    `党员 ${show(p.memberId)} 应自支部大会通过的 ${show(p.voteMonth)} 起交纳党费,账户却自 ${show(p.firstMonth)} 起`,
  "dues.finding.aboveMonthlyCap": (p) =>
    `党员 ${show(p.memberId)} ${show(p.year)} 年的月交纳数额超过本地 ${yuan(p.capFen)} 元的上限`
}

/**
 * @category messages
 * @since 0.3.0
 */
export const duesMessages: Catalogs = { en, "zh-CN": zh }
