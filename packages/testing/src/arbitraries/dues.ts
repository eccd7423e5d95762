/**
 * Every command and event of the dues aggregate (`Dues.DuesCommand`, `Dues.DuesEvent`: 党费, R65–R76), one
 * arbitrary per `_tag` and one per union, plus the values they are made of: months (`YearMonth`), amounts in
 * whole fen clustered at the bracket bounds of `cn2008` (3000.00 | 3000.01, 5000.00 | 5000.01, 10000.00 |
 * 10000.01), dues categories and dues policies (`cn2008` with a rounding and the local figures set). Values are
 * structurally valid (each decodes with its Schema) but not necessarily accepted; for accepted histories see
 * `townshipHistory` (dues steps) and the dues model test. Ids are opaque and drawn from small pools.
 *
 * @since 0.3.0
 */
import type { Dangjian, GovernancePolicy, LegalDate } from "@dangjian/core"
import { Dues, Member } from "@dangjian/core"
import fc from "fast-check"
import * as DangjianWorld from "../DangjianWorld.ts"
import { actor, oneOfRecord, tagged } from "../internal/tagged.ts"
import type { ValueOptions } from "./values.ts"
import { values } from "./values.ts"

type DuesCmd<Tag extends Dues.DuesCommand["_tag"]> = Extract<Dues.DuesCommand, { readonly _tag: Tag }>
type DuesEv<Tag extends Dues.DuesEvent["_tag"]> = Extract<Dues.DuesEvent, { readonly _tag: Tag }>

/**
 * An arbitrary for every dues command, by `_tag`.
 *
 * @since 0.3.0
 * @category models
 */
export type DuesCommandArbitraries = {
  readonly [Tag in Dues.DuesCommand["_tag"]]: fc.Arbitrary<DuesCmd<Tag>>
}

/**
 * An arbitrary for every dues event, by `_tag`.
 *
 * @since 0.3.0
 * @category models
 */
export type DuesEventArbitraries = {
  readonly [Tag in Dues.DuesEvent["_tag"]]: fc.Arbitrary<DuesEv<Tag>>
}

/**
 * A month `YYYY-MM` between `min` and `max` inclusive (defaults 2008-04 … 2030-12, the years of `cn2008`);
 * shrinks towards `min`.
 *
 * @since 0.3.0
 * @category dues
 */
export const yearMonth = (
  options: { readonly min?: Dues.YearMonth; readonly max?: Dues.YearMonth } = {}
): fc.Arbitrary<Dues.YearMonth> => {
  const min = options.min ?? "2008-04"
  const max = options.max ?? "2030-12"
  return fc.integer({ min: 0, max: Math.max(0, Dues.monthDiff(min, max)) }).map((n) => Dues.shiftMonth(min, n))
}

/**
 * The inclusive upper bounds of the `cn2008` brackets in fen (salaried 3000.00, 5000.00, 10000.00; retired
 * 5000.00).
 *
 * @since 0.3.0
 * @category dues
 */
export const bracketBounds: ReadonlyArray<number> = [
  ...new Set(
    [...Dues.cn2008.salaried, ...Dues.cn2008.retiree].flatMap((b) => (b.upTo === null ? [] : [b.upTo]))
  )
].sort((a, b) => a - b)

/**
 * A monthly base in whole fen: mostly within 3 fen of a bracket bound (3000.00 | 3000.01 …), otherwise any base
 * up to 30000.00, or any amount the Schema takes. Shrinks towards small bases.
 *
 * @since 0.3.0
 * @category dues
 */
export const baseFen: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.constantFrom(...bracketBounds).chain((b) => fc.integer({ min: b - 3, max: b + 3 })), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 3_000_000 }), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: Dues.maxFen }), weight: 1 }
)

/**
 * An amount in whole fen (0 … 2000.00, or any amount the Schema takes).
 *
 * @since 0.3.0
 * @category dues
 */
export const fen: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 200_000 }), weight: 4 },
  { arbitrary: fc.integer({ min: 0, max: Dues.maxFen }), weight: 1 }
)

/**
 * A dues policy the library can compute every amount with: `cn2008` with a rounding (any unit and mode), a
 * farmer amount in 0.20–1.00, a choice for farmers with income and for dues in transit; it passes
 * `Dues.validate`.
 *
 * @since 0.3.0
 * @category dues
 */
export const completeDuesPolicy: fc.Arbitrary<Dues.DuesPolicy> = fc.record({
  unit: fc.constantFrom("fen" as const, "jiao" as const),
  mode: fc.constantFrom("halfUp" as const, "halfEven" as const, "floor" as const, "ceil" as const),
  farmer: fc.integer({ min: 20, max: 100 }),
  farmerWithWageIncome: fc.constantFrom("flat" as const, "brackets" as const),
  duesDuringTransit: fc.constantFrom("origin" as const, "destination" as const),
  fixing: fc.constantFrom("annual" as const, "followIncome" as const)
}).map((p) => ({
  ...Dues.cn2008,
  id: `cn2008-${p.unit}-${p.mode}`,
  rounding: { unit: p.unit, mode: p.mode },
  farmerMonthlyAmountFen: p.farmer,
  farmerWithWageIncome: p.farmerWithWageIncome,
  duesDuringTransit: p.duesDuringTransit,
  fixing: p.fixing
}))

/**
 * A governance policy with a complete dues part ({@link completeDuesPolicy}) on top of `base`.
 *
 * @since 0.3.0
 * @category dues
 */
export const withCompleteDues = (
  base: GovernancePolicy.GovernancePolicy
): fc.Arbitrary<GovernancePolicy.GovernancePolicy> => completeDuesPolicy.map((dues) => ({ ...base, dues }))

const duesValues = (options: ValueOptions) => {
  const v = values(options)
  const month = yearMonth()
  return {
    ...v,
    month,
    months: fc.uniqueArray(month, { maxLength: 6 }),
    year: fc.integer({ min: 2008, max: 2030 }),
    category: fc.constantFrom(...Dues.DuesCategory.literals),
    decision: fc.record({ by: v.orgId, at: v.date }),
    reason: fc.constantFrom("pay scale changed", "retired", "hardship approved")
  }
}

/**
 * One arbitrary per dues command (`OpenDuesAccount` … `CloseDuesAccount`).
 *
 * @since 0.3.0
 * @category dues commands
 */
export const duesCommandArbitraries = (options: ValueOptions = {}): DuesCommandArbitraries => {
  const v = duesValues(options)
  const { date: at, memberId, month } = v
  return {
    OpenDuesAccount: tagged<DuesCmd<"OpenDuesAccount">>("OpenDuesAccount", { memberId, at }, {
      fromMonth: month,
      actor
    }),
    DeclareDuesBase: tagged<DuesCmd<"DeclareDuesBase">>("DeclareDuesBase", {
      memberId,
      year: v.year,
      category: v.category,
      at
    }, { baseFen, includesAllowances: fc.boolean(), fromMonth: month, actor }),
    AssessDues: tagged<DuesCmd<"AssessDues">>("AssessDues", { memberId, year: v.year, at }, {
      fromMonth: month,
      amountFen: fen,
      overrideReason: v.reason,
      actor
    }),
    ReassessDues: tagged<DuesCmd<"ReassessDues">>("ReassessDues", { memberId, year: v.year, fromMonth: month, at }, {
      reason: v.reason,
      amountFen: fen,
      overrideReason: v.reason,
      actor
    }),
    PayDues: tagged<DuesCmd<"PayDues">>("PayDues", {
      memberId,
      paymentId: v.entityId("pay-"),
      months: v.months,
      amountFen: fen,
      collectingOrgId: v.orgId,
      payer: fc.constantFrom(...Dues.Payer.literals),
      method: fc.constantFrom(...Dues.PaymentMethod.literals),
      at
    }, {
      payerId: v.memberId,
      extraInitiatedBy: fc.constantFrom(...Dues.ExtraInitiator.literals),
      exceptionApproval: v.decision,
      actor
    }),
    ReduceDues: tagged<DuesCmd<"ReduceDues">>("ReduceDues", {
      memberId,
      decisionId: v.entityId("relief-"),
      fromMonth: month,
      toMonth: month,
      monthlyFen: fen,
      branchDecision: v.decision,
      at
    }, { approval: v.approval, actor }),
    ExemptDues: tagged<DuesCmd<"ExemptDues">>("ExemptDues", {
      memberId,
      decisionId: v.entityId("relief-"),
      fromMonth: month,
      toMonth: month,
      branchDecision: v.decision,
      at
    }, { approval: v.approval, actor }),
    ArrangeQuarterlyDues: tagged<DuesCmd<"ArrangeQuarterlyDues">>("ArrangeQuarterlyDues", {
      memberId,
      fromMonth: month,
      consent: v.decision,
      at
    }, { actor }),
    EndQuarterlyDues: tagged<DuesCmd<"EndQuarterlyDues">>("EndQuarterlyDues", { memberId, lastMonth: month, at }, {
      actor
    }),
    ReviewDuesLapse: tagged<DuesCmd<"ReviewDuesLapse">>("ReviewDuesLapse", { memberId, fromMonth: month, at }, {
      actor
    }),
    CloseDuesAccount: tagged<DuesCmd<"CloseDuesAccount">>("CloseDuesAccount", {
      memberId,
      lastMonth: month,
      reason: fc.constantFrom(...Dues.ClosingReason.literals),
      at
    }, { actor })
  }
}

/**
 * One arbitrary per dues event (`DuesAccountOpened` … `DuesAccountClosed`).
 *
 * @since 0.3.0
 * @category dues events
 */
export const duesEventArbitraries = (options: ValueOptions = {}): DuesEventArbitraries => {
  const v = duesValues(options)
  const { date: at, memberId, month } = v
  const covered = fc.uniqueArray(fc.record({ month, fen }), { maxLength: 6, selector: (c) => c.month })
  return {
    DuesAccountOpened: tagged<DuesEv<"DuesAccountOpened">>("DuesAccountOpened", {
      memberId,
      orgId: v.orgId,
      basis: fc.constantFrom(...Dues.OpeningBasis.literals),
      firstMonth: month,
      at
    }, {}),
    DuesBaseDeclared: tagged<DuesEv<"DuesBaseDeclared">>("DuesBaseDeclared", {
      memberId,
      year: v.year,
      category: v.category,
      fromMonth: month,
      at
    }, { baseFen, includesAllowances: fc.boolean() }),
    DuesAssessed: tagged<DuesEv<"DuesAssessed">>("DuesAssessed", {
      memberId,
      year: v.year,
      fromMonth: month,
      category: v.category,
      computedFen: fen,
      monthlyFen: fen,
      policyId: fc.constant("cn2008"),
      at
    }, { overrideReason: v.reason }),
    DuesReassessed: tagged<DuesEv<"DuesReassessed">>("DuesReassessed", {
      memberId,
      year: v.year,
      fromMonth: month,
      category: v.category,
      computedFen: fen,
      monthlyFen: fen,
      cause: fc.constantFrom("incomeChange" as const, "decision" as const),
      policyId: fc.constant("cn2008"),
      at
    }, { overrideReason: v.reason, reason: v.reason }),
    DuesPaid: tagged<DuesEv<"DuesPaid">>("DuesPaid", {
      memberId,
      paymentId: v.entityId("pay-"),
      covered,
      regularFen: fen,
      voluntaryExtraFen: fen,
      extraRouting: fc.constantFrom(...Dues.ExtraRouting.literals),
      payer: fc.constantFrom(...Dues.Payer.literals),
      method: fc.constantFrom(...Dues.PaymentMethod.literals),
      collectingOrgId: v.orgId,
      at
    }, { payerId: v.memberId, exceptionApproval: v.decision }),
    DuesReduced: tagged<DuesEv<"DuesReduced">>("DuesReduced", {
      memberId,
      decisionId: v.entityId("relief-"),
      fromMonth: month,
      toMonth: month,
      monthlyFen: fen,
      branchDecision: v.decision,
      approval: v.approval,
      at
    }, {}),
    DuesExempted: tagged<DuesEv<"DuesExempted">>("DuesExempted", {
      memberId,
      decisionId: v.entityId("relief-"),
      fromMonth: month,
      toMonth: month,
      branchDecision: v.decision,
      approval: v.approval,
      at
    }, {}),
    QuarterlyDuesArranged: tagged<DuesEv<"QuarterlyDuesArranged">>("QuarterlyDuesArranged", {
      memberId,
      fromMonth: month,
      consent: v.decision,
      at
    }, {}),
    QuarterlyDuesEnded: tagged<DuesEv<"QuarterlyDuesEnded">>(
      "QuarterlyDuesEnded",
      { memberId, lastMonth: month, at },
      {}
    ),
    DuesLapseReviewed: tagged<DuesEv<"DuesLapseReviewed">>("DuesLapseReviewed", { memberId, fromMonth: month, at }, {}),
    DuesAccountClosed: tagged<DuesEv<"DuesAccountClosed">>("DuesAccountClosed", {
      memberId,
      lastMonth: month,
      reason: fc.constantFrom(...Dues.ClosingReason.literals),
      at
    }, {})
  }
}

/**
 * Any dues command (every member of `Dues.DuesCommand`).
 *
 * @since 0.3.0
 * @category dues commands
 */
export const duesCommand = (options: ValueOptions = {}): fc.Arbitrary<Dues.DuesCommand> =>
  oneOfRecord<Dues.DuesCommand>(duesCommandArbitraries(options))

/**
 * Any dues event (every member of `Dues.DuesEvent`).
 *
 * @since 0.3.0
 * @category dues events
 */
export const duesEvent = (options: ValueOptions = {}): fc.Arbitrary<Dues.DuesEvent> =>
  oneOfRecord<Dues.DuesEvent>(duesEventArbitraries(options))

// ---------------------------------------------------------------------------------------------------------
// Township histories
// ---------------------------------------------------------------------------------------------------------

/**
 * A dues step in the abstract, resolved against the world when it runs ({@link resolveDues}): `m` picks the
 * member (`m % count` among those that fit), `n` a number of months or an extra, `flag` a variant; `gap` is the
 * days since the previous step.
 *
 * @since 0.3.0
 * @category township histories
 */
export type DuesIntent =
  & { readonly gap: number; readonly m: number; readonly n: number; readonly flag: boolean }
  & {
    readonly _tag:
      | "open"
      | "declare"
      | "assess"
      | "pay"
      | "exempt"
      | "quarterly"
      | "reassess"
      | "review"
      | "close"
  }

const duesIntentOf = (tag: DuesIntent["_tag"], weight: number) => ({
  arbitrary: fc.record({
    _tag: fc.constant(tag),
    gap: fc.integer({ min: 0, max: 40 }),
    m: fc.nat({ max: 1_000 }),
    n: fc.integer({ min: 0, max: 8 }),
    flag: fc.boolean()
  }),
  weight
})

/**
 * One {@link DuesIntent}, weighted towards opening accounts, declaring, assessing and paying, so that later
 * steps find accounts with amounts to pay.
 *
 * @since 0.3.0
 * @category township histories
 */
export const duesIntent: fc.Arbitrary<DuesIntent> = fc.oneof(
  duesIntentOf("open", 4),
  duesIntentOf("declare", 4),
  duesIntentOf("assess", 4),
  duesIntentOf("pay", 8),
  duesIntentOf("exempt", 1),
  duesIntentOf("quarterly", 1),
  duesIntentOf("reassess", 1),
  duesIntentOf("review", 1),
  duesIntentOf("close", 1)
)

const choose = <A>(xs: ReadonlyArray<A>, n: number): A | undefined => xs[n % Math.max(xs.length, 1)]

// Fixed-amount categories are complete under the national policy (0.20); the others need local figures, so
// under `GovernancePolicy.national` their assessments are refused and left out of the accepted history.
const categories: ReadonlyArray<Dues.DuesCategory> = [
  "student",
  "unemployed",
  "relief",
  "minimumLivingAllowance",
  "salaried",
  "retiree",
  "farmer"
]

/**
 * The concrete dues command of an intent in the current world on `at` (undefined when nothing fits, e.g. a
 * payment with no open account). Payment ids are `dp<step>`, hardship decisions `dx<step>`.
 *
 * @since 0.3.0
 * @category township histories
 */
export const resolveDues = (
  world: DangjianWorld.World,
  step: number,
  at: LegalDate.LegalDate,
  i: DuesIntent
): Dangjian.Command | undefined => {
  const year = Dues.yearOf(Dues.monthOf(at))
  const active = Object.values(world.members).filter(Member.isActive).sort((a, b) =>
    a.memberId.localeCompare(b.memberId)
  )
  const accounts = active.flatMap((member) => {
    const account = DangjianWorld.duesOf(world, member.memberId)
    return Dues.isOpen(account) ? [{ member, account }] : []
  })
  const chosen = choose(accounts, i.m)
  const unopened = choose(active.filter((m) => DangjianWorld.duesOf(world, m.memberId).status === "none"), i.m)
  // Steps that need an account open one while none is open, so that short histories reach payments.
  if (i._tag === "open" || (accounts.length === 0 && i._tag !== "review")) {
    return unopened === undefined ? undefined : { _tag: "OpenDuesAccount", memberId: unopened.memberId, at }
  }
  // Prefer the accounts a step moves on: undeclared ones to declare, declared but unassessed ones to assess.
  const undeclared = accounts.filter(({ account }) => Dues.declarationAt(account, Dues.monthOf(at)) === undefined)
  const unassessed = accounts.filter(({ account }) =>
    Dues.declarationAt(account, Dues.monthOf(at)) !== undefined && !Dues.assessedYear(account, year)
  )
  switch (i._tag) {
    case "declare": {
      const target = choose(undeclared.length > 0 ? undeclared : accounts, i.m)
      if (target === undefined) return undefined
      const category = choose(categories, i.n) ?? "student"
      const scheme = category === "salaried" || category === "retiree"
      const nextYear = i.flag && i.n % 4 === 0
      return {
        _tag: "DeclareDuesBase",
        memberId: target.member.memberId,
        year: nextYear ? year + 1 : year,
        category,
        ...(scheme ? { baseFen: (bracketBounds[i.n % bracketBounds.length] ?? 300000) + (i.flag ? 1 : 0) } : {}),
        at
      }
    }
    case "assess": {
      const target = choose(unassessed.length > 0 ? unassessed : accounts, i.m)
      return target === undefined ? undefined : {
        _tag: "AssessDues",
        memberId: target.member.memberId,
        year: i.flag && i.n % 4 === 0 ? year + 1 : year,
        at
      }
    }
    case "reassess":
      return chosen === undefined ? undefined : {
        _tag: "ReassessDues",
        memberId: chosen.member.memberId,
        year,
        fromMonth: Dues.monthOf(at),
        ...(i.flag ? { reason: "pay scale changed" } : {}),
        at
      }
    case "pay": {
      const payable = accounts.filter(({ account }) => Dues.amountFor(account, Dues.monthOf(at)) !== undefined)
      // Nothing to pay yet: move an account on instead (declare a fixed-amount category, or assess the year).
      if (payable.length === 0) {
        const target = choose(undeclared.length > 0 ? undeclared : unassessed, i.m)
        if (target === undefined) return undefined
        return undeclared.includes(target)
          ? {
            _tag: "DeclareDuesBase",
            memberId: target.member.memberId,
            year,
            category: choose(categories.slice(0, 4), i.n) ?? "student",
            at
          }
          : { _tag: "AssessDues", memberId: target.member.memberId, year, at }
      }
      const target = choose(payable, i.m)
      const orgId = target?.member.orgId
      if (target === undefined || orgId === undefined) return undefined
      const { account, member } = target
      // Months owed with a known amount, at most `backPayMaxMonths` back (R70): most payments are accepted.
      const open = Dues.ledgerMonths(account, at).filter((m) =>
        (m.status === "unpaid" || m.status === "open") && m.amountFen !== undefined
        && Dues.monthDiff(m.month, Dues.monthOf(at)) <= Dues.cn2008.backPayMaxMonths
      )
      const months = open.slice(0, 1 + (i.n % 4)).map((m) => m.month)
      const regular = months.reduce((sum, m) => sum + (Dues.amountFor(account, m)?.fen ?? 0), 0)
      return {
        _tag: "PayDues",
        memberId: member.memberId,
        paymentId: `dp${step}`,
        months,
        amountFen: regular + (i.flag ? i.n * 1_000 : 0),
        collectingOrgId: orgId,
        payer: i.n % 3 === 0 ? "relative" : "self",
        ...(i.n % 3 === 0 ? { payerId: `relative-${i.n}` } : {}),
        method: i.flag ? "online" : "cash",
        at
      }
    }
    case "exempt": {
      if (chosen === undefined || chosen.member.orgId === undefined) return undefined
      const parentId = DangjianWorld.orgOf(world, chosen.member.orgId).parentId
      const fromMonth = Dues.shiftMonth(Dues.monthOf(at), 1)
      return {
        _tag: "ExemptDues",
        memberId: chosen.member.memberId,
        decisionId: `dx${step}`,
        fromMonth,
        toMonth: Dues.shiftMonth(fromMonth, i.n % 3),
        branchDecision: { by: chosen.member.orgId, at },
        ...(parentId === undefined ? {} : { approval: { by: parentId, level: "township" as const, at } }),
        at
      }
    }
    case "quarterly":
      return chosen === undefined || chosen.member.orgId === undefined ? undefined : {
        _tag: "ArrangeQuarterlyDues",
        memberId: chosen.member.memberId,
        fromMonth: Dues.shiftMonth(Dues.monthOf(at), 1),
        consent: { by: chosen.member.orgId, at },
        at
      }
    case "review": {
      const lapsed = accounts.flatMap(({ account, member }) =>
        Dues.unpaidRuns(account, at, Dues.cn2008.arrearsLapseMonths)
          .filter((run) => !account.reviewedLapses.includes(run.fromMonth))
          .map((run) => ({ memberId: member.memberId, fromMonth: run.fromMonth }))
      )
      const run = choose(lapsed, i.m)
      return run === undefined ? undefined : { _tag: "ReviewDuesLapse", ...run, at }
    }
    case "close":
      return chosen === undefined ? undefined : {
        _tag: "CloseDuesAccount",
        memberId: chosen.member.memberId,
        lastMonth: Dues.monthOf(at),
        reason: "other",
        at
      }
  }
}
