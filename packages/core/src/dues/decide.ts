/**
 * The decisions of the dues aggregate (R65–R76). A dues command is decided over the member's dues account,
 * the member's own stream (standing, affiliation, admission vote, mobile host, open transfer) and, where a
 * rule needs them, organizations: a payment's collecting organization (R9, R70), the member's branch and its
 * higher committees for a hardship decision (R71). The route (`route.ts`) runs them through the kernel's
 * command loop; only the dues stream gets events, and every stream read takes part in the append with its
 * expected version, so no decision rests on a member or an organization that changed meanwhile.
 *
 * - The policy in force on the command's date judges it (`GovernancePolicy.dues`, preset `cn2008`). Figures
 *   the preset leaves unset ([NF]: rounding, the farmer amount, farmers with wage income, dues in transit)
 *   refuse the commands that need them, as "policy incomplete".
 * - One small function per command, in the order of `DuesCommand`; {@link decideWith} dispatches over every
 *   tag (a `never` check closes the switch).
 * - PRIVACY: the base is a member's income. No error below carries a base or an amount computed from one:
 *   params hold ids, months, categories, policy ids and policy figures only.
 *
 * @since 0.3.0
 */
import { Result } from "effect"
import type { Decider } from "../kernel/Decider.ts"
import { lookup } from "../kernel/records.ts"
import { exhaustive } from "../kernel/tags.ts"
import type { MemberState } from "../member/state.ts"
import { initialState as memberInitial, isActive, openTransfer } from "../member/state.ts"
import type { Policies } from "../organization/decide.ts"
import { toTimeline } from "../organization/decide.ts"
import { requireActive } from "../organization/roster.ts"
import type { OrganizationState } from "../organization/state.ts"
import { initialState as organizationInitial } from "../organization/state.ts"
import type { DuesPolicy } from "../policy/DuesPolicy.ts"
import { applyRate, rateFor } from "../policy/DuesPolicy.ts"
import type { GovernancePolicy } from "../policy/GovernancePolicy.ts"
import { policyAt } from "../policy/PolicyTimeline.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import { invalid, unknownCommand, violation } from "../rules/RuleViolation.ts"
import type {
  ArrangeQuarterlyDues,
  AssessDues,
  CloseDuesAccount,
  DeclareDuesBase,
  DuesCommand,
  EndQuarterlyDues,
  ExemptDues,
  OpenDuesAccount,
  PayDues,
  ReassessDues,
  ReduceDues,
  ReviewDuesLapse
} from "./commands.ts"
import type { DuesEvent } from "./events.ts"
import {
  DuesAccountClosed,
  DuesAccountOpened,
  DuesAssessed,
  DuesBaseDeclared,
  DuesExempted,
  DuesLapseReviewed,
  DuesPaid,
  DuesReassessed,
  DuesReduced,
  QuarterlyDuesArranged,
  QuarterlyDuesEnded
} from "./events.ts"
import type { DuesCategory, YearMonth } from "./model.ts"
import { flatCategories, januaryOf, monthDiff, monthOf, shiftMonth, yearOf } from "./model.ts"
import type { Declaration, DuesState } from "./state.ts"
import {
  amountFor,
  assessedYear,
  declarationAt,
  evolve,
  inAccount,
  initialState,
  paymentFor,
  unpaidRuns
} from "./state.ts"

/**
 * The states a dues decision reads: the account, the member, and the organizations it needs (by id).
 *
 * @category models
 * @since 0.3.0
 */
export interface DuesStates {
  readonly account: DuesState
  readonly member: MemberState
  readonly orgs: Readonly<Record<string, OrganizationState>>
}

type Decision = Result.Result<ReadonlyArray<DuesEvent>, DomainError>

const fail = (error: DomainError): Decision => Result.fail(error)
const ok = (events: ReadonlyArray<DuesEvent>): Decision => Result.succeed(events)

// ---------------------------------------------------------------------------------------------------------
// The monthly amount (R65–R68)
// ---------------------------------------------------------------------------------------------------------

/**
 * How a category's monthly amount is found under a policy (R65): by the salaried or the retiree brackets, or
 * a fixed amount (the farmer amount for farmers, village cadres not paid like the salaried, and farmers with
 * income when the policy says `flat`).
 *
 * @category models
 * @since 0.3.0
 */
export type Scheme = "salaried" | "retiree" | "farmer" | "student" | "unemployed" | "relief" | "minimumLivingAllowance"

const incomplete = (ruleId: string, policy: DuesPolicy, field: string): DomainError =>
  violation(ruleId, "dues.policyIncomplete", { policy: policy.id, field })

/**
 * The scheme of a category under a policy, or the rejection when the policy leaves it open (R65:
 * `farmerWithWageIncome` has no default).
 *
 * @category decisions
 * @since 0.3.0
 */
export const schemeOf = (policy: DuesPolicy, category: DuesCategory): Result.Result<Scheme, DomainError> => {
  switch (category) {
    case "salaried":
    case "annualSalary":
    case "selfEmployed":
      return Result.succeed("salaried")
    case "villageCadre":
      // R65 CONF: village cadres on a fixed subsidy pay like salaried members ([2nd], default true)
      return Result.succeed(policy.villageCadreSubsidyIsSalary ? "salaried" : "farmer")
    case "farmerWithIncome":
      // R65 CONF: farmers with wage or business income: the farmer amount or the brackets (no default)
      return policy.farmerWithWageIncome === undefined
        ? Result.fail(incomplete("R65", policy, "farmerWithWageIncome"))
        : Result.succeed(policy.farmerWithWageIncome === "brackets" ? "salaried" : "farmer")
    case "retiree":
      return Result.succeed("retiree")
    case "farmer":
    case "student":
    case "unemployed":
    case "relief":
    case "minimumLivingAllowance":
      return Result.succeed(category)
    default:
      return exhaustive(category, Result.succeed("salaried"))
  }
}

/**
 * Whether a scheme takes a base (the brackets do; the fixed amounts do not).
 *
 * @category decisions
 * @since 0.3.0
 */
export const takesBase = (scheme: Scheme): boolean => scheme === "salaried" || scheme === "retiree"

/**
 * The monthly amount in fen of a declared category and base under a policy (R66–R68): one rate on the whole
 * base, chosen by its bracket and rounded as the policy names (R66, R67), or the fixed amount (R68). Refused
 * when the policy leaves a needed figure unset (`rounding`, `farmerMonthlyAmountFen`) or the base is missing.
 * The rejection never carries the base.
 *
 * @example
 * ```ts
 * import { Dues } from "@dangjian/core"
 * import { Result } from "effect"
 *
 * const policy = { ...Dues.cn2008, rounding: { unit: "fen", mode: "halfUp" } } as const
 * const amount = (baseFen: number) => Dues.monthlyAmount(policy, { category: "salaried", baseFen })
 * Result.getOrUndefined(amount(300000)) // => 1500
 * Result.getOrUndefined(amount(300001)) // => 3000
 * Result.isFailure(Dues.monthlyAmount(Dues.cn2008, { category: "salaried", baseFen: 300000 })) // => true
 * Result.getOrUndefined(Dues.monthlyAmount(Dues.cn2008, { category: "student", baseFen: undefined })) // => 20
 * ```
 *
 * @category decisions
 * @since 0.3.0
 */
export const monthlyAmount = (
  policy: DuesPolicy,
  declaration: { readonly category: DuesCategory; readonly baseFen: number | undefined }
): Result.Result<number, DomainError> => {
  const scheme = schemeOf(policy, declaration.category)
  if (Result.isFailure(scheme)) return Result.fail(scheme.failure)
  switch (scheme.success) {
    case "salaried":
    case "retiree": {
      const ruleId = scheme.success === "salaried" ? "R66" : "R67"
      // R65 HARD: a bracket category has a base
      if (declaration.baseFen === undefined) {
        return Result.fail(violation("R65", "dues.baseRequired", { category: declaration.category }))
      }
      // R66 CONF: the rounding has no default ([NF]): a policy must name it before a rate applies
      if (policy.rounding === undefined) return Result.fail(incomplete(ruleId, policy, "rounding"))
      const brackets = scheme.success === "salaried" ? policy.salaried : policy.retiree
      // R66 / R67: one rate, of the bracket the whole base falls in (upper bounds inclusive), on the whole base
      return Result.succeed(applyRate(declaration.baseFen, rateFor(brackets, declaration.baseFen), policy.rounding))
    }
    case "farmer": {
      const amount = policy.farmerMonthlyAmountFen
      // R68 CONF: where in 0.20–1.00 a farmer pays is a local choice (no default)
      if (amount === undefined) return Result.fail(incomplete("R68", policy, "farmerMonthlyAmountFen"))
      const range = policy.flatMonthlyFen.farmer
      // R68 HARD: the farmer amount lies in [0.20, 1.00]
      if (amount < range.min || amount > range.max) {
        return Result.fail(
          violation("R68", "dues.policy.farmerAmountOutOfRange", {
            policy: policy.id,
            minFen: range.min,
            maxFen: range.max
          })
        )
      }
      return Result.succeed(amount)
    }
    case "student":
    case "unemployed":
    case "relief":
    case "minimumLivingAllowance":
      // R68 HARD: students, the unemployed, members on relief and on 低保 pay exactly the fixed 0.20
      return Result.succeed(policy.flatMonthlyFen[scheme.success])
    default:
      return exhaustive(scheme.success, Result.succeed(0))
  }
}

// ---------------------------------------------------------------------------------------------------------
// Shared checks
// ---------------------------------------------------------------------------------------------------------

const orgState = (states: DuesStates, orgId: string): OrganizationState =>
  lookup(states.orgs, orgId) ?? organizationInitial

const requireOpen = (account: DuesState, memberId: string): DomainError | undefined =>
  account.status === "none"
    ? invalid("dues.accountNotOpen", { memberId })
    : account.status === "closed"
    ? invalid("dues.accountClosed", { memberId, lastMonth: account.closed?.lastMonth })
    : undefined

const requireAccount = (account: DuesState, memberId: string): DomainError | undefined =>
  account.status === "none" ? invalid("dues.accountNotOpen", { memberId }) : undefined

// R76: the policy's figures apply from its effective date; nothing is owed under it for an earlier month
const checkInForce = (policy: DuesPolicy, month: YearMonth): DomainError | undefined =>
  month < monthOf(policy.effectiveFrom)
    ? violation("R76", "dues.policyNotInForce", { policy: policy.id, effectiveFrom: policy.effectiveFrom, month })
    : undefined

const checkYear = (memberId: string, year: number, month: YearMonth): DomainError | undefined =>
  yearOf(month) === year ? undefined : invalid("dues.monthOutsideYear", { memberId, year, month })

// R73 HARD: nothing is assessed before the account's first month (for an admitted member, the vote month)
const checkFirstMonth = (account: DuesState, memberId: string, month: YearMonth): DomainError | undefined =>
  month >= account.firstMonth
    ? undefined
    : account.basis === "admission"
    ? violation("R73", "dues.beforeAdmissionVote", { memberId, month, firstMonth: account.firstMonth })
    : invalid("dues.beforeFirstMonth", { memberId, month, firstMonth: account.firstMonth })

const hasText = (s: string | undefined): boolean => s !== undefined && s.trim().length > 0

/**
 * R66 / R68: the amount a fixing records: the computed one, or, for a bracket category, another one with a
 * stated override reason (e.g. an approved hardship reduction); a fixed-amount category pays its fixed amount
 * (a lower one needs a hardship decision, R71).
 */
const fixedAmount = (
  policy: DuesPolicy,
  declaration: Declaration,
  memberId: string,
  year: number,
  cmd: { readonly amountFen?: number; readonly overrideReason?: string }
): Result.Result<{ readonly computedFen: number; readonly monthlyFen: number }, DomainError> => {
  const computed = monthlyAmount(policy, declaration)
  if (Result.isFailure(computed)) return Result.fail(computed.failure)
  const amount = cmd.amountFen ?? computed.success
  if (amount === computed.success) return Result.succeed({ computedFen: computed.success, monthlyFen: amount })
  const scheme = schemeOf(policy, declaration.category)
  if (Result.isSuccess(scheme) && !takesBase(scheme.success)) {
    // R68 HARD: the fixed amounts are exact; less needs R71's reduction
    return Result.fail(
      violation("R68", "dues.fixedAmountOverridden", { memberId, year, category: declaration.category })
    )
  }
  // R66 HARD: a recorded amount equals the computed one, or carries an override reason
  if (!hasText(cmd.overrideReason)) {
    return Result.fail(violation("R66", "dues.amountNotComputed", { memberId, year }))
  }
  return Result.succeed({ computedFen: computed.success, monthlyFen: amount })
}

// ---------------------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------------------

const open = (policy: DuesPolicy, states: DuesStates, cmd: OpenDuesAccount): Decision => {
  const { account, member } = states
  if (account.status !== "none") return fail(invalid("dues.accountExists", { memberId: cmd.memberId }))
  if (!isActive(member) || member.orgId === undefined) {
    return fail(invalid("dues.memberNotActive", { memberId: cmd.memberId, status: member.status }))
  }
  const voteMonth = member.admissionVoteAt === undefined ? undefined : monthOf(member.admissionVoteAt)
  // R73: an admitted member owes from the month of the branch general meeting's vote, not of the approval
  const firstMonth = cmd.fromMonth ?? voteMonth ?? monthOf(cmd.at)
  // R73 HARD: no dues are owed before the admission vote
  if (voteMonth !== undefined && firstMonth < voteMonth) {
    return fail(
      violation("R73", "dues.beforeAdmissionVote", { memberId: cmd.memberId, month: firstMonth, firstMonth: voteMonth })
    )
  }
  const notInForce = checkInForce(policy, firstMonth)
  if (notInForce !== undefined) return fail(notInForce)
  return ok([
    DuesAccountOpened.make({
      memberId: cmd.memberId,
      orgId: member.orgId,
      basis: voteMonth === undefined ? "registration" : "admission",
      firstMonth,
      at: cmd.at
    })
  ])
}

const declare = (policy: DuesPolicy, states: DuesStates, cmd: DeclareDuesBase): Decision => {
  const { account } = states
  const memberId = cmd.memberId
  const fromMonth = cmd.fromMonth ?? januaryOf(cmd.year)
  const error = requireOpen(account, memberId) ?? checkYear(memberId, cmd.year, fromMonth)
  if (error !== undefined) return fail(error)
  const scheme = schemeOf(policy, cmd.category)
  if (Result.isFailure(scheme)) return fail(scheme.failure)
  if (takesBase(scheme.success)) {
    // R65 HARD: a bracket category declares its base (≥ 0 by the Schema)
    if (cmd.baseFen === undefined) {
      return fail(violation("R65", "dues.baseRequired", { memberId, category: cmd.category }))
    }
  } else if (cmd.baseFen !== undefined) {
    // A fixed-amount category has no base: an income the rules do not need is not recorded
    return fail(invalid("dues.baseNotApplicable", { memberId, category: cmd.category }))
  }
  const retiree = cmd.category === "retiree"
  // R67 CONF / C17: a retiree's base leaves out allowances (津补贴) where the policy says so
  if (retiree && cmd.includesAllowances === true && policy.retireeBaseExcludesAllowances) {
    return fail(violation("R67", "dues.retireeAllowancesIncluded", { memberId, policy: policy.id }))
  }
  const declared = DuesBaseDeclared.make({
    memberId,
    year: cmd.year,
    category: cmd.category,
    ...(cmd.baseFen === undefined ? {} : { baseFen: cmd.baseFen }),
    ...(retiree && cmd.includesAllowances !== undefined ? { includesAllowances: cmd.includesAllowances } : {}),
    fromMonth,
    at: cmd.at
  })
  // R69 / C15: under `followIncome` a new base changes the amount from the month it applies; under `annual` the
  // amount stays as fixed for the year, and the base applies from the next assessment
  if (policy.fixing === "annual" || !assessedYear(account, cmd.year)) return ok([declared])
  const month = fromMonth < account.firstMonth ? account.firstMonth : fromMonth
  if (yearOf(month) !== cmd.year) return ok([declared])
  const declaration = evolve(account, declared).declarations.at(-1)!
  const amount = monthlyAmount(policy, declaration)
  if (Result.isFailure(amount)) return fail(amount.failure)
  return ok([
    declared,
    DuesReassessed.make({
      memberId,
      year: cmd.year,
      fromMonth: month,
      category: cmd.category,
      computedFen: amount.success,
      monthlyFen: amount.success,
      cause: "incomeChange",
      policyId: policy.id,
      at: cmd.at
    })
  ])
}

const fixing = (
  policy: DuesPolicy,
  account: DuesState,
  memberId: string,
  year: number,
  fromMonth: YearMonth
): Result.Result<Declaration, DomainError> => {
  const error = requireOpen(account, memberId) ?? checkYear(memberId, year, fromMonth)
    ?? checkFirstMonth(account, memberId, fromMonth) ?? checkInForce(policy, fromMonth)
  if (error !== undefined) return Result.fail(error)
  const declaration = declarationAt(account, fromMonth)
  // R65 HARD: an amount is fixed from a declared category (and base)
  return declaration === undefined
    ? Result.fail(violation("R65", "dues.noDeclaration", { memberId, year }))
    : Result.succeed(declaration)
}

const assess = (policy: DuesPolicy, states: DuesStates, cmd: AssessDues): Decision => {
  const { account } = states
  const memberId = cmd.memberId
  // R69 HARD: one annual assessment per member and year
  if (assessedYear(account, cmd.year)) {
    return fail(violation("R69", "dues.alreadyAssessed", { memberId, year: cmd.year }))
  }
  const january = januaryOf(cmd.year)
  const fromMonth = cmd.fromMonth ?? (account.firstMonth > january ? account.firstMonth : january)
  const declaration = fixing(policy, account, memberId, cmd.year, fromMonth)
  if (Result.isFailure(declaration)) return fail(declaration.failure)
  const amount = fixedAmount(policy, declaration.success, memberId, cmd.year, cmd)
  if (Result.isFailure(amount)) return fail(amount.failure)
  return ok([
    DuesAssessed.make({
      memberId,
      year: cmd.year,
      fromMonth,
      category: declaration.success.category,
      ...amount.success,
      ...(amount.success.monthlyFen !== amount.success.computedFen ? { overrideReason: cmd.overrideReason! } : {}),
      policyId: policy.id,
      at: cmd.at
    })
  ])
}

const reassess = (policy: DuesPolicy, states: DuesStates, cmd: ReassessDues): Decision => {
  const { account } = states
  const memberId = cmd.memberId
  if (account.status === "open" && !assessedYear(account, cmd.year)) {
    return fail(invalid("dues.notAssessed", { memberId, year: cmd.year }))
  }
  const declaration = fixing(policy, account, memberId, cmd.year, cmd.fromMonth)
  if (Result.isFailure(declaration)) return fail(declaration.failure)
  const amount = fixedAmount(policy, declaration.success, memberId, cmd.year, cmd)
  if (Result.isFailure(amount)) return fail(amount.failure)
  // R69 REC: a mid-year reassessment states a reason (accepted without one; a finding follows)
  return ok([
    DuesReassessed.make({
      memberId,
      year: cmd.year,
      fromMonth: cmd.fromMonth,
      category: declaration.success.category,
      ...amount.success,
      ...(amount.success.monthlyFen !== amount.success.computedFen ? { overrideReason: cmd.overrideReason! } : {}),
      cause: "decision",
      ...(cmd.reason === undefined ? {} : { reason: cmd.reason }),
      policyId: policy.id,
      at: cmd.at
    })
  ])
}

// R70: where a payment may be made: the branch of the formal affiliation; a holder of the 流动党员活动证 may pay
// the host; while a transfer is in transit, whoever the policy names (R74 CONF, no default)
const checkCollector = (
  policy: DuesPolicy,
  account: DuesState,
  member: MemberState,
  cmd: PayDues
): DomainError | undefined => {
  const orgId = cmd.collectingOrgId
  const memberId = cmd.memberId
  if (member.mobile?.credential === "mobileCard" && member.mobile.hostOrgId === orgId) return undefined
  const transfer = openTransfer(member)
  if (transfer !== undefined) {
    // R74 CONF: who collects while the letter is in transit has no default ([NF]): the policy must say
    if (policy.duesDuringTransit === undefined) return incomplete("R74", policy, "duesDuringTransit")
    const collector = policy.duesDuringTransit === "origin" ? transfer.fromOrgId : transfer.toOrgId
    return orgId === collector ? undefined : violation("R74", "dues.wrongCollectorInTransit", {
      memberId,
      orgId,
      transferId: transfer.transferId,
      collects: policy.duesDuringTransit
    })
  }
  const affiliation = member.orgId ?? account.orgId
  // R70 HARD: dues are paid to the branch of the formal affiliation
  return orgId === affiliation ? undefined : violation("R70", "dues.wrongCollector", { memberId, orgId })
}

const pay = (policy: DuesPolicy, states: DuesStates, cmd: PayDues): Decision => {
  const { account, member } = states
  const memberId = cmd.memberId
  const error = requireAccount(account, memberId)
  if (error !== undefined) return fail(error)
  if (account.payments.some((p) => p.paymentId === cmd.paymentId)) return ok([])
  if (account.openedAt !== undefined && cmd.at < account.openedAt) {
    return fail(invalid("dues.beforeOpened", { memberId, at: cmd.at, openedAt: account.openedAt }))
  }
  // R70 HARD: no 垫交: the organization never pays for the member
  if (cmd.payer === "organization") return fail(violation("R70", "dues.organizationPays", { memberId }))
  // R70: a relative or another member may pay on the member's behalf (代交), named by an opaque id
  if (cmd.payer !== "self" && !hasText(cmd.payerId)) {
    return fail(invalid("dues.proxyWithoutPayer", { memberId, payer: cmd.payer }))
  }
  // R70 HARD: no 扣缴: dues are not deducted from pay
  if (cmd.method === "payrollDeduction") return fail(violation("R70", "dues.payrollDeduction", { memberId }))
  // R70 HARD: no "special dues" asked by the organization beyond the rules; extras are the member's own
  if (cmd.extraInitiatedBy === "organization") return fail(violation("R70", "dues.specialDues", { memberId }))
  if (cmd.months.length === 0 && cmd.amountFen === 0) return fail(invalid("dues.emptyPayment", { memberId }))
  const months = [...cmd.months].sort()
  const paidIn = monthOf(cmd.at)
  const covered: Array<{ readonly month: YearMonth; readonly fen: number }> = []
  let regular = 0
  let underpaidRule = "R66"
  for (const [i, month] of months.entries()) {
    if (i > 0 && months[i - 1] === month) return fail(invalid("dues.duplicateMonth", { memberId, month }))
    if (!inAccount(account, month)) return fail(invalid("dues.monthNotDue", { memberId, month }))
    if (paymentFor(account, month) !== undefined) return fail(invalid("dues.monthAlreadyPaid", { memberId, month }))
    const amount = amountFor(account, month)
    // R69: a month is paid at the amount fixed for it (carried over from the last fixing until the next one)
    if (amount === undefined) return fail(violation("R69", "dues.monthNotAssessed", { memberId, month }))
    // R71: an exempt month owes nothing
    if (amount.exempt) return fail(invalid("dues.monthExempt", { memberId, month }))
    if (amount.reduced) underpaidRule = "R71"
    else if (amount.category !== undefined && flatCategories.includes(amount.category) && underpaidRule === "R66") {
      underpaidRule = "R68"
    }
    covered.push({ month, fen: amount.fen })
    regular += amount.fen
  }
  const first = months[0]
  const last = months.at(-1)
  const outside = first !== undefined && last !== undefined
    && (monthDiff(first, paidIn) > policy.backPayMaxMonths || monthDiff(paidIn, last) > policy.advancePayMaxMonths)
  // R70 HARD (CONF): back-payment and advance payment "一般不得超过6个月": beyond, an approved exception
  if (outside && cmd.exceptionApproval === undefined) {
    return fail(
      violation("R70", "dues.outsidePaymentWindow", {
        memberId,
        month: monthDiff(first!, paidIn) > policy.backPayMaxMonths ? first! : last!,
        paidIn,
        backMax: policy.backPayMaxMonths,
        advanceMax: policy.advancePayMaxMonths
      })
    )
  }
  if (cmd.exceptionApproval !== undefined && cmd.exceptionApproval.at > cmd.at) {
    return fail(invalid("dues.datesOutOfOrder", { memberId, decidedAt: cmd.exceptionApproval.at, at: cmd.at }))
  }
  const collector = checkCollector(policy, account, member, cmd)
  if (collector !== undefined) return fail(collector)
  const org = orgState(states, cmd.collectingOrgId)
  const inactive = requireActive(org, cmd.collectingOrgId, cmd.at)
  if (inactive !== undefined) return fail(inactive)
  // R9 HARD: a temporary branch collects no dues; its members pay their home organization
  if (org.kind === "temporaryBranch") {
    return fail(violation("R9", "dues.temporaryBranchCollects", { memberId, orgId: cmd.collectingOrgId }))
  }
  // R66 / R68 / R71 HARD: the regular amount is paid in full; more is a voluntary extra (R72), less is refused
  if (cmd.amountFen < regular) {
    return fail(violation(underpaidRule, "dues.underpaid", { memberId, months: months.length }))
  }
  const extra = cmd.amountFen - regular
  return ok([
    DuesPaid.make({
      memberId,
      paymentId: cmd.paymentId,
      covered,
      regularFen: regular,
      voluntaryExtraFen: extra,
      // R72 HARD (CONF): a voluntary extra of 1000.00 or more in one payment goes to the centre in full
      extraRouting: extra === 0 ? "none" : extra >= policy.lumpToCentreThresholdFen ? "central" : "branch",
      payer: cmd.payer,
      ...(cmd.payer === "self" || cmd.payerId === undefined ? {} : { payerId: cmd.payerId }),
      method: cmd.method,
      collectingOrgId: cmd.collectingOrgId,
      ...(cmd.exceptionApproval === undefined ? {} : { exceptionApproval: cmd.exceptionApproval }),
      at: cmd.at
    })
  ])
}

// The ids of the member's branch and of every organization above it, as far as the loaded states reach.
const chainOf = (states: DuesStates, orgId: string | undefined): ReadonlyArray<string> => {
  const chain: Array<string> = []
  let id = orgId
  while (id !== undefined && !chain.includes(id)) {
    chain.push(id)
    id = lookup(states.orgs, id)?.parentId
  }
  return chain
}

// R71 HARD: the member's branch decides, and a committee above it approves ("报上一级党委批准")
const checkRelief = (
  states: DuesStates,
  cmd: ReduceDues | ExemptDues
): DomainError | undefined => {
  const memberId = cmd.memberId
  const branch = states.member.orgId ?? states.account.orgId
  if (cmd.fromMonth > cmd.toMonth) {
    return invalid("dues.monthsOutOfOrder", { memberId, fromMonth: cmd.fromMonth, toMonth: cmd.toMonth })
  }
  const before = checkFirstMonth(states.account, memberId, cmd.fromMonth)
  if (before !== undefined) return before
  if (cmd.branchDecision.by !== branch) {
    return violation("R71", "dues.reliefNotByBranch", { memberId, orgId: cmd.branchDecision.by, branchId: branch })
  }
  const above = chainOf(states, branch).slice(1)
  if (cmd.approval === undefined || !above.includes(cmd.approval.by)) {
    return violation("R71", "dues.reliefNeedsHigherApproval", {
      memberId,
      decisionId: cmd.decisionId,
      approvedBy: cmd.approval?.by
    })
  }
  if (!(cmd.branchDecision.at <= cmd.approval.at && cmd.approval.at <= cmd.at)) {
    return invalid("dues.datesOutOfOrder", { memberId, decidedAt: cmd.branchDecision.at, at: cmd.approval.at })
  }
  for (const payment of states.account.payments) {
    const paid = payment.covered.find((c) => cmd.fromMonth <= c.month && c.month <= cmd.toMonth)
    if (paid !== undefined) return invalid("dues.monthAlreadyPaid", { memberId, month: paid.month })
  }
  return undefined
}

const reduce = (states: DuesStates, cmd: ReduceDues): Decision => {
  const { account } = states
  const error = requireOpen(account, cmd.memberId)
  if (error !== undefined) return fail(error)
  if (account.relief.some((r) => r.decisionId === cmd.decisionId)) return ok([])
  const rejected = checkRelief(states, cmd)
  if (rejected !== undefined) return fail(rejected)
  // R71: 少交 is less than the amount fixed for each month it covers
  let month = cmd.fromMonth
  while (month <= cmd.toMonth) {
    const amount = amountFor(account, month)
    if (amount !== undefined && !amount.exempt && cmd.monthlyFen >= amount.fen) {
      return fail(invalid("dues.notAReduction", { memberId: cmd.memberId, month }))
    }
    month = shiftMonth(month, 1)
  }
  return ok([
    DuesReduced.make({
      memberId: cmd.memberId,
      decisionId: cmd.decisionId,
      fromMonth: cmd.fromMonth,
      toMonth: cmd.toMonth,
      monthlyFen: cmd.monthlyFen,
      branchDecision: cmd.branchDecision,
      approval: cmd.approval!,
      at: cmd.at
    })
  ])
}

const exempt = (states: DuesStates, cmd: ExemptDues): Decision => {
  const { account } = states
  const error = requireOpen(account, cmd.memberId)
  if (error !== undefined) return fail(error)
  if (account.relief.some((r) => r.decisionId === cmd.decisionId)) return ok([])
  const rejected = checkRelief(states, cmd)
  if (rejected !== undefined) return fail(rejected)
  return ok([
    DuesExempted.make({
      memberId: cmd.memberId,
      decisionId: cmd.decisionId,
      fromMonth: cmd.fromMonth,
      toMonth: cmd.toMonth,
      branchDecision: cmd.branchDecision,
      approval: cmd.approval!,
      at: cmd.at
    })
  ])
}

const arrangeQuarterly = (policy: DuesPolicy, states: DuesStates, cmd: ArrangeQuarterlyDues): Decision => {
  const { account, member } = states
  const memberId = cmd.memberId
  const error = requireOpen(account, memberId) ?? checkFirstMonth(account, memberId, cmd.fromMonth)
  if (error !== undefined) return fail(error)
  // R70 CONF: quarterly payment exists only where the policy allows it
  if (!policy.quarterlyAllowed) {
    return fail(violation("R70", "dues.quarterlyNotAllowed", { memberId, policy: policy.id }))
  }
  // R70 HARD: "经党支部同意": a quarterly arrangement needs the consent of the member's branch
  const branch = member.orgId ?? account.orgId
  if (cmd.consent.by !== branch || cmd.consent.at > cmd.at) {
    return fail(violation("R70", "dues.quarterlyNeedsConsent", { memberId, orgId: cmd.consent.by, branchId: branch }))
  }
  if (account.quarterly.some((s) => s.lastMonth === undefined)) {
    return fail(invalid("dues.quarterlyAlreadyArranged", { memberId }))
  }
  const latest = account.quarterly.reduce<YearMonth | undefined>(
    (m, s) => (s.lastMonth !== undefined && (m === undefined || s.lastMonth > m) ? s.lastMonth : m),
    undefined
  )
  if (latest !== undefined && cmd.fromMonth <= latest) {
    return fail(invalid("dues.quarterlyOverlaps", { memberId, fromMonth: cmd.fromMonth, lastMonth: latest }))
  }
  return ok([QuarterlyDuesArranged.make({ memberId, fromMonth: cmd.fromMonth, consent: cmd.consent, at: cmd.at })])
}

const endQuarterly = (states: DuesStates, cmd: EndQuarterlyDues): Decision => {
  const { account } = states
  const error = requireOpen(account, cmd.memberId)
  if (error !== undefined) return fail(error)
  const spell = account.quarterly.find((s) => s.lastMonth === undefined)
  if (spell === undefined) return fail(invalid("dues.noQuarterlyArrangement", { memberId: cmd.memberId }))
  if (cmd.lastMonth < shiftMonth(spell.fromMonth, -1)) {
    return fail(
      invalid("dues.monthsOutOfOrder", { memberId: cmd.memberId, fromMonth: spell.fromMonth, toMonth: cmd.lastMonth })
    )
  }
  return ok([QuarterlyDuesEnded.make({ memberId: cmd.memberId, lastMonth: cmd.lastMonth, at: cmd.at })])
}

const reviewLapse = (policy: DuesPolicy, states: DuesStates, cmd: ReviewDuesLapse): Decision => {
  const { account } = states
  const error = requireAccount(account, cmd.memberId)
  if (error !== undefined) return fail(error)
  if (account.reviewedLapses.includes(cmd.fromMonth)) return ok([])
  // R75: a person closes the six-months-unpaid finding; there must be one, from that month, as of the review
  if (!unpaidRuns(account, cmd.at, policy.arrearsLapseMonths).some((run) => run.fromMonth === cmd.fromMonth)) {
    return fail(invalid("dues.noLapseFinding", { memberId: cmd.memberId, fromMonth: cmd.fromMonth }))
  }
  return ok([DuesLapseReviewed.make({ memberId: cmd.memberId, fromMonth: cmd.fromMonth, at: cmd.at })])
}

const close = (states: DuesStates, cmd: CloseDuesAccount): Decision => {
  const { account } = states
  if (account.status === "closed") return ok([])
  const error = requireOpen(account, cmd.memberId)
  if (error !== undefined) return fail(error)
  if (cmd.lastMonth < shiftMonth(account.firstMonth, -1)) {
    return fail(
      invalid("dues.beforeFirstMonth", { memberId: cmd.memberId, month: cmd.lastMonth, firstMonth: account.firstMonth })
    )
  }
  const beyond = account.payments.flatMap((p) => p.covered).find((c) => c.month > cmd.lastMonth)
  if (beyond !== undefined) {
    return fail(invalid("dues.paidBeyondClose", { memberId: cmd.memberId, month: beyond.month }))
  }
  return ok([
    DuesAccountClosed.make({ memberId: cmd.memberId, lastMonth: cmd.lastMonth, reason: cmd.reason, at: cmd.at })
  ])
}

// ---------------------------------------------------------------------------------------------------------
// The decision
// ---------------------------------------------------------------------------------------------------------

/**
 * Decides a dues command over the account, the member and the needed organizations, under one policy.
 *
 * @category decisions
 * @since 0.3.0
 */
export const decideWith = (policy: GovernancePolicy, command: DuesCommand, states: DuesStates): Decision => {
  const account = states.account
  if (account.status !== "none" && account.memberId !== command.memberId) {
    return fail(invalid("dues.wrongStream", { memberId: command.memberId, streamMemberId: account.memberId }))
  }
  const dues = policy.dues
  switch (command._tag) {
    case "OpenDuesAccount":
      return open(dues, states, command)
    case "DeclareDuesBase":
      return declare(dues, states, command)
    case "AssessDues":
      return assess(dues, states, command)
    case "ReassessDues":
      return reassess(dues, states, command)
    case "PayDues":
      return pay(dues, states, command)
    case "ReduceDues":
      return reduce(states, command)
    case "ExemptDues":
      return exempt(states, command)
    case "ArrangeQuarterlyDues":
      return arrangeQuarterly(dues, states, command)
    case "EndQuarterlyDues":
      return endQuarterly(states, command)
    case "ReviewDuesLapse":
      return reviewLapse(dues, states, command)
    case "CloseDuesAccount":
      return close(states, command)
    default: {
      const _exhaustive: never = command
      return fail(unknownCommand(_exhaustive))
    }
  }
}

/**
 * Decides a dues command with the policy in force on its legal date. Pure.
 *
 * @category decisions
 * @since 0.3.0
 */
export const decide = (policies: Policies, command: DuesCommand, states: DuesStates): Decision =>
  decideWith(policyAt(toTimeline(policies), command.at), command, states)

/**
 * The organizations a dues command reads, given the member's state and the organizations loaded so far: a
 * payment's collecting organization; for a hardship decision, the member's branch and every organization
 * above it (the loop of the route asks again after each load, so the chain is followed to the top).
 *
 * @category decisions
 * @since 0.3.0
 */
export const requiredOrganizations = (
  command: DuesCommand,
  member: MemberState,
  orgs: Readonly<Record<string, OrganizationState>> = {}
): ReadonlyArray<string> => {
  switch (command._tag) {
    case "PayDues":
      return [command.collectingOrgId]
    case "ReduceDues":
    case "ExemptDues":
      return chainOf({ account: initialState, member, orgs }, member.orgId)
    case "OpenDuesAccount":
    case "DeclareDuesBase":
    case "AssessDues":
    case "ReassessDues":
    case "ArrangeQuarterlyDues":
    case "EndQuarterlyDues":
    case "ReviewDuesLapse":
    case "CloseDuesAccount":
      return []
    default:
      return exhaustive(command, [])
  }
}

/**
 * The decider of one dues stream for fixed member and organization states (for tests and replays; the
 * application runs commands through {@link route} or `Dangjian.execute`, which load them).
 *
 * @category deciders
 * @since 0.3.0
 */
export const decider = (
  policies: Policies,
  member: MemberState = memberInitial,
  orgs: Readonly<Record<string, OrganizationState>> = {}
): Decider<DuesCommand, DuesEvent, DuesState, DomainError> => ({
  initialState,
  evolve,
  decide: (command, account) => decide(policies, command, { account, member, orgs })
})
