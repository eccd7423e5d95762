/**
 * The state of one dues account (`dues-<memberId>`), its total `evolve`, and the pure queries the rules and
 * the read models ask of it: the amount owed for a month (R66–R69, R71), the ledger as of a date (months owed,
 * paid and exempt, and the balance), the paid-through month for a transfer letter (R74), and the runs of
 * consecutive unpaid months (R75).
 *
 * A month is **due** from the account's first month (R73) until the account closes; an exempt month (R71) is
 * not due. A due month is **unpaid** from the first day after it ends, or, under a quarterly arrangement
 * (R70), after its quarter ends, unless a payment made before then covered it.
 *
 * @since 0.3.0
 */
import type { Fold } from "../kernel/Decider.ts"
import type { LegalDate } from "../LegalDate.ts"
import type { DuesEvent } from "./events.ts"
import type {
  ClosingReason,
  CoveredMonth,
  DuesCategory,
  ExtraRouting,
  OpeningBasis,
  Payer,
  PaymentMethod,
  YearMonth
} from "./model.ts"
import { firstDayAfter, monthOf, monthSpan, quarterEnd, shiftMonth, yearOf } from "./model.ts"

/**
 * A declared category and base (R65). The base is the member's income: it stays in the state, and no query
 * below returns it.
 *
 * @category models
 * @since 0.3.0
 */
export interface Declaration {
  readonly year: number
  readonly category: DuesCategory
  readonly baseFen: number | undefined
  readonly includesAllowances: boolean
  readonly fromMonth: YearMonth
  readonly at: LegalDate
}

/**
 * A fixing of the monthly amount (R69): the annual assessment or a reassessment within the year.
 *
 * @category models
 * @since 0.3.0
 */
export interface Assessment {
  readonly kind: "annual" | "reassessment"
  readonly year: number
  readonly fromMonth: YearMonth
  readonly category: DuesCategory
  readonly computedFen: number
  readonly monthlyFen: number
  /** R66: the amount differs from the computed one, with a stated reason. */
  readonly overridden: boolean
  /** R69: a reassessment states its reason (an income change under `followIncome` always does). */
  readonly reasonGiven: boolean
  readonly policyId: string
  readonly at: LegalDate
}

/**
 * A payment (R70, R72).
 *
 * @category models
 * @since 0.3.0
 */
export interface Payment {
  readonly paymentId: string
  readonly covered: ReadonlyArray<CoveredMonth>
  readonly regularFen: number
  readonly voluntaryExtraFen: number
  readonly extraRouting: ExtraRouting
  readonly payer: Payer
  readonly payerId: string | undefined
  readonly method: PaymentMethod
  readonly collectingOrgId: string
  readonly exception: boolean
  readonly at: LegalDate
}

/**
 * A hardship decision (R71): a reduced amount, or an exemption (amount 0, not due).
 *
 * @category models
 * @since 0.3.0
 */
export interface Relief {
  readonly decisionId: string
  readonly kind: "reduced" | "exempt"
  readonly fromMonth: YearMonth
  readonly toMonth: YearMonth
  readonly monthlyFen: number
  readonly at: LegalDate
}

/**
 * A quarterly arrangement (R70), open while `lastMonth` is undefined.
 *
 * @category models
 * @since 0.3.0
 */
export interface QuarterlySpell {
  readonly fromMonth: YearMonth
  readonly lastMonth: YearMonth | undefined
  readonly at: LegalDate
}

/**
 * The state of one dues account.
 *
 * @category models
 * @since 0.3.0
 */
export interface DuesState {
  readonly status: "none" | "open" | "closed"
  readonly memberId: string
  /** The affiliation when the account opened (the member stream says where the member is now). */
  readonly orgId: string
  readonly basis: OpeningBasis
  /** R73: the first month owed. */
  readonly firstMonth: YearMonth
  readonly openedAt: LegalDate | undefined
  readonly declarations: ReadonlyArray<Declaration>
  readonly assessments: ReadonlyArray<Assessment>
  readonly payments: ReadonlyArray<Payment>
  readonly relief: ReadonlyArray<Relief>
  readonly quarterly: ReadonlyArray<QuarterlySpell>
  /** R75: the first months of the unpaid runs a person reviewed and closed. */
  readonly reviewedLapses: ReadonlyArray<YearMonth>
  readonly closed: { readonly lastMonth: YearMonth; readonly reason: ClosingReason; readonly at: LegalDate } | undefined
}

/**
 * The state before the first event.
 *
 * @category models
 * @since 0.3.0
 */
export const initialState: DuesState = {
  status: "none",
  memberId: "",
  orgId: "",
  basis: "registration",
  firstMonth: "0000-01",
  openedAt: undefined,
  declarations: [],
  assessments: [],
  payments: [],
  relief: [],
  quarterly: [],
  reviewedLapses: [],
  closed: undefined
}

/**
 * Applies one event. Total and pure; never throws on a stored event.
 *
 * @category folding
 * @since 0.3.0
 */
export const evolve = (state: DuesState, event: DuesEvent): DuesState => {
  switch (event._tag) {
    case "DuesAccountOpened":
      return {
        ...initialState,
        status: "open",
        memberId: event.memberId,
        orgId: event.orgId,
        basis: event.basis,
        firstMonth: event.firstMonth,
        openedAt: event.at
      }
    case "DuesBaseDeclared":
      return {
        ...state,
        declarations: [...state.declarations, {
          year: event.year,
          category: event.category,
          baseFen: event.baseFen,
          includesAllowances: event.includesAllowances ?? false,
          fromMonth: event.fromMonth,
          at: event.at
        }]
      }
    case "DuesAssessed":
    case "DuesReassessed":
      return {
        ...state,
        assessments: [...state.assessments, {
          kind: event._tag === "DuesAssessed" ? "annual" : "reassessment",
          year: event.year,
          fromMonth: event.fromMonth,
          category: event.category,
          computedFen: event.computedFen,
          monthlyFen: event.monthlyFen,
          overridden: event.overrideReason !== undefined,
          reasonGiven: event._tag === "DuesAssessed" || event.cause === "incomeChange"
            || (event.reason !== undefined && event.reason.trim().length > 0),
          policyId: event.policyId,
          at: event.at
        }]
      }
    case "DuesPaid":
      return {
        ...state,
        payments: [...state.payments, {
          paymentId: event.paymentId,
          covered: event.covered,
          regularFen: event.regularFen,
          voluntaryExtraFen: event.voluntaryExtraFen,
          extraRouting: event.extraRouting,
          payer: event.payer,
          payerId: event.payerId,
          method: event.method,
          collectingOrgId: event.collectingOrgId,
          exception: event.exceptionApproval !== undefined,
          at: event.at
        }]
      }
    case "DuesReduced":
    case "DuesExempted":
      return {
        ...state,
        relief: [...state.relief, {
          decisionId: event.decisionId,
          kind: event._tag === "DuesReduced" ? "reduced" : "exempt",
          fromMonth: event.fromMonth,
          toMonth: event.toMonth,
          monthlyFen: event._tag === "DuesReduced" ? event.monthlyFen : 0,
          at: event.at
        }]
      }
    case "QuarterlyDuesArranged":
      return {
        ...state,
        quarterly: [...state.quarterly, { fromMonth: event.fromMonth, lastMonth: undefined, at: event.at }]
      }
    case "QuarterlyDuesEnded":
      return {
        ...state,
        quarterly: state.quarterly.map((spell) =>
          spell.lastMonth === undefined ? { ...spell, lastMonth: event.lastMonth } : spell
        )
      }
    case "DuesLapseReviewed":
      return state.reviewedLapses.includes(event.fromMonth)
        ? state
        : { ...state, reviewedLapses: [...state.reviewedLapses, event.fromMonth] }
    case "DuesAccountClosed":
      return { ...state, status: "closed", closed: { lastMonth: event.lastMonth, reason: event.reason, at: event.at } }
    default:
      return state
  }
}

/**
 * The fold of the dues stream.
 *
 * @category folding
 * @since 0.3.0
 */
export const fold: Fold<DuesEvent, DuesState> = { initialState, evolve }

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

/**
 * Whether the account is open (opened and not closed).
 *
 * @category queries
 * @since 0.3.0
 */
export const isOpen = (state: DuesState): boolean => state.status === "open"

/**
 * Whether a month is within the account: from its first month, and not after it closed. Exempt months are
 * within it but not due ({@link amountFor}).
 *
 * @category queries
 * @since 0.3.0
 */
export const inAccount = (state: DuesState, month: YearMonth): boolean =>
  state.status !== "none" && month >= state.firstMonth
  && (state.closed === undefined || month <= state.closed.lastMonth)

// The last element of a list satisfying `keep` with the greatest key (later elements win ties).
const latestBy = <A>(xs: ReadonlyArray<A>, keep: (a: A) => boolean, key: (a: A) => string): A | undefined => {
  let found: A | undefined
  for (const x of xs) if (keep(x) && (found === undefined || key(x) >= key(found))) found = x
  return found
}

/**
 * The declaration in force in a month (R65): the latest one from a month on or before it (a declaration
 * carries into later years until a new one is made).
 *
 * @category queries
 * @since 0.3.0
 */
export const declarationAt = (state: DuesState, month: YearMonth): Declaration | undefined =>
  latestBy(state.declarations, (d) => d.fromMonth <= month, (d) => d.fromMonth)

/**
 * Whether the annual assessment of a year was made (R69).
 *
 * @category queries
 * @since 0.3.0
 */
export const assessedYear = (state: DuesState, year: number): boolean =>
  state.assessments.some((a) => a.kind === "annual" && a.year === year)

/**
 * What a month owes: the amount in fen, whether it is carried over from an earlier year (the year is not yet
 * assessed, R69), reduced or exempt (R71). Undefined when no assessment reaches the month.
 *
 * @category models
 * @since 0.3.0
 */
export interface MonthAmount {
  readonly fen: number
  /** The category of the fixing the amount comes from (undefined under a hardship decision). */
  readonly category: DuesCategory | undefined
  readonly carried: boolean
  readonly reduced: boolean
  readonly exempt: boolean
}

/**
 * The amount of a month (R66–R69, R71): a hardship decision covering it wins (the latest one); otherwise the
 * latest fixing of the month's year from a month on or before it; otherwise the latest earlier fixing, carried
 * over. Undefined when nothing was assessed yet.
 *
 * @category queries
 * @since 0.3.0
 */
export const amountFor = (state: DuesState, month: YearMonth): MonthAmount | undefined => {
  const relief = latestBy(state.relief, (r) => r.fromMonth <= month && month <= r.toMonth, (r) => r.at)
  if (relief !== undefined) {
    return {
      fen: relief.monthlyFen,
      category: undefined,
      carried: false,
      reduced: relief.kind === "reduced",
      exempt: relief.kind === "exempt"
    }
  }
  const year = yearOf(month)
  const own = latestBy(state.assessments, (a) => a.year === year && a.fromMonth <= month, (a) => a.fromMonth)
  if (own !== undefined) {
    return { fen: own.monthlyFen, category: own.category, carried: false, reduced: false, exempt: false }
  }
  const earlier = latestBy(state.assessments, (a) => a.fromMonth < month, (a) => a.fromMonth)
  return earlier === undefined
    ? undefined
    : { fen: earlier.monthlyFen, category: earlier.category, carried: true, reduced: false, exempt: false }
}

/**
 * The payment that covered a month, with the amount it settled for it (the first one: a month is paid once).
 *
 * @category queries
 * @since 0.3.0
 */
export const paymentFor = (
  state: DuesState,
  month: YearMonth
): { readonly payment: Payment; readonly fen: number } | undefined => {
  for (const payment of state.payments) {
    const covered = payment.covered.find((c) => c.month === month)
    if (covered !== undefined) return { payment, fen: covered.fen }
  }
  return undefined
}

/**
 * Whether a month falls under a quarterly arrangement (R70).
 *
 * @category queries
 * @since 0.3.0
 */
export const isQuarterly = (state: DuesState, month: YearMonth): boolean =>
  state.quarterly.some((s) => s.fromMonth <= month && (s.lastMonth === undefined || month <= s.lastMonth))

/**
 * The day from which a due month left unpaid is unpaid (R75): the first day after it ends, or after its
 * quarter ends under a quarterly arrangement (R70).
 *
 * @example
 * ```ts
 * import { Dues } from "@dangjian/core"
 *
 * Dues.unpaidFrom(Dues.initialState, "2024-02") // => "2024-03-01"
 * ```
 *
 * @category queries
 * @since 0.3.0
 */
export const unpaidFrom = (state: DuesState, month: YearMonth): LegalDate =>
  firstDayAfter(isQuarterly(state, month) ? quarterEnd(month) : month)

/**
 * One month of a ledger.
 *
 * - `paid`: a payment made on or before the ledger's date covered it (also a month paid in advance);
 * - `exempt`: not due (R71);
 * - `unpaid`: due, not paid, and its month (or quarter) has ended;
 * - `open`: due, not paid, and still running (the current month, or the running quarter).
 *
 * `amountFen` is what the month owes (undefined: not assessed yet); `paidFen` what its payment settled.
 *
 * @category models
 * @since 0.3.0
 */
export interface LedgerMonth {
  readonly month: YearMonth
  readonly status: "paid" | "exempt" | "unpaid" | "open"
  readonly amountFen: number | undefined
  readonly carried: boolean
  readonly reduced: boolean
  readonly paidFen: number
  readonly paidOn: LegalDate | undefined
  readonly paymentId: string | undefined
}

/**
 * A member's ledger as of a date. `dueFen` sums the assessed amounts of the due months up to the month of the
 * date (the running month included); `paidFen` sums the regular amounts of every payment made by then (paid in
 * advance too); `balanceFen = paidFen − dueFen` (negative: arrears, positive: paid ahead). Voluntary extras are
 * outside the balance (R72).
 *
 * @category models
 * @since 0.3.0
 */
export interface Ledger {
  readonly memberId: string
  readonly asOf: LegalDate
  readonly firstMonth: YearMonth
  readonly months: ReadonlyArray<LedgerMonth>
  readonly dueFen: number
  readonly paidFen: number
  readonly balanceFen: number
  readonly voluntaryExtraFen: number
  readonly centralFen: number
  /** Due months that are unpaid. */
  readonly unpaidMonths: number
  /** Due months up to the date with no assessed amount (R69). */
  readonly unassessedMonths: number
  /** R74: the last month paid without a gap (see {@link paidThrough}). */
  readonly paidThrough: YearMonth | undefined
}

const paidBy = (state: DuesState, month: YearMonth, asOf: LegalDate) => {
  const found = paymentFor(state, month)
  return found !== undefined && found.payment.at <= asOf ? found : undefined
}

/**
 * The months of the account as of a date, from its first month to the month of the date (or its last month if
 * closed earlier), then every later month already paid in advance.
 *
 * @category queries
 * @since 0.3.0
 */
export const ledgerMonths = (state: DuesState, asOf: LegalDate): ReadonlyArray<LedgerMonth> => {
  if (state.status === "none") return []
  const current = monthOf(asOf)
  const last = state.closed !== undefined && state.closed.lastMonth < current ? state.closed.lastMonth : current
  const ahead = state.payments
    .filter((p) => p.at <= asOf)
    .flatMap((p) => p.covered.map((c) => c.month))
    .filter((m) => m > last && inAccount(state, m))
  const months = [...monthSpan(state.firstMonth, last), ...[...new Set(ahead)].sort()]
  return months.map((month): LedgerMonth => {
    const amount = amountFor(state, month)
    const paid = paidBy(state, month, asOf)
    const status = amount?.exempt === true
      ? "exempt"
      : paid !== undefined
      ? "paid"
      : unpaidFrom(state, month) <= asOf
      ? "unpaid"
      : "open"
    return {
      month,
      status,
      amountFen: amount?.fen,
      carried: amount?.carried ?? false,
      reduced: amount?.reduced ?? false,
      paidFen: paid?.fen ?? 0,
      paidOn: paid?.payment.at,
      paymentId: paid?.payment.paymentId
    }
  })
}

/**
 * R74: the last month paid without a gap as of a date ("党费已交到 X年X月"): every due month from the first
 * one up to it is paid (by a payment made by then) or exempt. The month before the first month when that is
 * unpaid; undefined for an account not opened.
 *
 * @example
 * ```ts
 * import { Dues } from "@dangjian/core"
 *
 * Dues.paidThrough(Dues.initialState, "2024-06-10") // => undefined
 * ```
 *
 * @category queries
 * @since 0.3.0
 */
export const paidThrough = (state: DuesState, asOf: LegalDate): YearMonth | undefined => {
  if (state.status === "none") return undefined
  let month = state.firstMonth
  const settled = (m: YearMonth) => amountFor(state, m)?.exempt === true || paidBy(state, m, asOf) !== undefined
  // A settled month is paid or exempt, and there are finitely many of each: the walk ends.
  while (inAccount(state, month) && settled(month)) month = shiftMonth(month, 1)
  return shiftMonth(month, -1)
}

/**
 * The ledger of the account as of a date (see {@link Ledger}).
 *
 * @category queries
 * @since 0.3.0
 */
export const ledger = (state: DuesState, asOf: LegalDate): Ledger => {
  const months = ledgerMonths(state, asOf)
  const current = monthOf(asOf)
  let dueFen = 0
  let unpaidMonths = 0
  let unassessedMonths = 0
  for (const m of months) {
    if (m.month > current || m.status === "exempt") continue
    if (m.amountFen === undefined) unassessedMonths++
    else dueFen += m.amountFen
    if (m.status === "unpaid") unpaidMonths++
  }
  const made = state.payments.filter((p) => p.at <= asOf)
  const paidFen = made.reduce((n, p) => n + p.regularFen, 0)
  return {
    memberId: state.memberId,
    asOf,
    firstMonth: state.firstMonth,
    months,
    dueFen,
    paidFen,
    balanceFen: paidFen - dueFen,
    voluntaryExtraFen: made.reduce((n, p) => n + p.voluntaryExtraFen, 0),
    centralFen: made.reduce((n, p) => n + (p.extraRouting === "central" ? p.voluntaryExtraFen : 0), 0),
    unpaidMonths,
    unassessedMonths,
    paidThrough: paidThrough(state, asOf)
  }
}

/**
 * A run of consecutive unpaid due months (R75): from `fromMonth` to `toMonth` (`months` of them, exempt months
 * skipped without breaking the run), which fired on `firesOn` (the first day after its `length`-th month
 * ended, or its quarter); `paidOn` is the latest payment date when every month of the run has since been paid.
 *
 * @category models
 * @since 0.3.0
 */
export interface UnpaidRun {
  readonly fromMonth: YearMonth
  readonly toMonth: YearMonth
  readonly months: number
  readonly firesOn: LegalDate
  readonly paidOn: LegalDate | undefined
}

const dueMonths = (state: DuesState, asOf: LegalDate): ReadonlyArray<YearMonth> =>
  ledgerMonths(state, asOf)
    .filter((m) => m.status !== "exempt" && m.month <= monthOf(asOf))
    .map((m) => m.month)

/**
 * R75: the runs of at least `length` consecutive due months that were all unpaid on the day the run's
 * `length`-th month became unpaid, as of a date. Once such a run fires it stays on record: a later
 * back-payment sets `paidOn` but does not erase it (a person closes it, `ReviewDuesLapse`). Overlapping
 * windows form one run, reported from its first month.
 *
 * @category queries
 * @since 0.3.0
 */
export const unpaidRuns = (state: DuesState, asOf: LegalDate, length: number): ReadonlyArray<UnpaidRun> => {
  if (length < 1) return []
  const due = dueMonths(state, asOf)
  const paidOnOf = (month: YearMonth) => paidBy(state, month, asOf)?.payment.at
  const fires: Array<LegalDate | undefined> = []
  for (let i = 0; i + length <= due.length; i++) {
    const window = due.slice(i, i + length)
    const firesOn = window.map((m) => unpaidFrom(state, m)).reduce((a, b) => (a > b ? a : b))
    const allUnpaid = firesOn <= asOf && window.every((m) => {
      const paidOn = paidOnOf(m)
      return paidOn === undefined || paidOn >= firesOn
    })
    fires.push(allUnpaid ? firesOn : undefined)
  }
  const runs: Array<UnpaidRun> = []
  let i = 0
  while (i < fires.length) {
    const firesOn = fires[i]
    if (firesOn === undefined) {
      i++
      continue
    }
    let j = i
    while (j + 1 < fires.length && fires[j + 1] !== undefined) j++
    const months = due.slice(i, j + length)
    const paid = months.map(paidOnOf)
    runs.push({
      fromMonth: months[0]!,
      toMonth: months.at(-1)!,
      months: months.length,
      firesOn,
      paidOn: paid.every((d) => d !== undefined) ? paid.reduce((a, b) => (a! > b! ? a : b)) : undefined
    })
    i = j + 1
  }
  return runs
}

/**
 * The current arrears as of a date: the trailing run of due months that have ended and are unpaid now
 * (R75's early warning counts them). Empty when the last ended due month is paid.
 *
 * @category queries
 * @since 0.3.0
 */
export const currentArrears = (state: DuesState, asOf: LegalDate): ReadonlyArray<YearMonth> => {
  const ended = ledgerMonths(state, asOf).filter((m) => m.status !== "exempt" && m.status !== "open")
    .filter((m) => m.month <= monthOf(asOf))
  const out: Array<YearMonth> = []
  for (let i = ended.length - 1; i >= 0 && ended[i]!.status === "unpaid"; i--) out.unshift(ended[i]!.month)
  return out
}
