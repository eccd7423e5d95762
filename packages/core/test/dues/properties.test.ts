// Laws of the dues aggregate (fast-check): a ledger folds to the same balance whatever the order of the payments
// made within a month; every amount the aggregate computes or stores is a whole number of fen ≥ 0; and the
// monthly amount is the one of RULES.md §J to the fen, checked against an independent oracle in BigInt
// arithmetic on every base, with the steps exactly at 3000.00 → 3000.01, 5000.00 → 5000.01, 10000.00 → 10000.01
// (salaried) and 5000.00 → 5000.01 (retired).
import { assert, describe, it } from "@effect/vitest"
import { Result } from "effect"
import fc from "fast-check"
import { Dues } from "../../src/index.ts"
import type { Command } from "./fixtures.ts"
import { account, pay, policyWith, runAll, salariedAccount } from "./fixtures.ts"

const policy = policyWith()

// A command of a random history: kept when accepted, dropped when refused.
const tryRun = (world: ReturnType<typeof salariedAccount>, command: Command) => {
  try {
    return runAll(policy, [command], world)
  } catch {
    return world
  }
}

const modes = ["halfUp", "halfEven", "floor", "ceil"] as const
const rounding = fc.record({ unit: fc.constantFrom("fen" as const, "jiao" as const), mode: fc.constantFrom(...modes) })

// The oracle: RULES.md §J's tables written out, and rounding in BigInt, independent of the library's code.
const salariedBp = (base: bigint): bigint =>
  base <= 300000n ? 50n : base <= 500000n ? 100n : base <= 1000000n ? 150n : 200n
const retireeBp = (base: bigint): bigint => (base <= 500000n ? 50n : 100n)
const roundOracle = (n: bigint, d: bigint, mode: (typeof modes)[number]): bigint => {
  const q = n / d
  const r = n % d
  if (r === 0n) return q
  if (mode === "floor") return q
  if (mode === "ceil") return q + 1n
  if (2n * r > d) return q + 1n
  if (2n * r < d) return q
  return mode === "halfUp" ? q + 1n : q % 2n === 0n ? q : q + 1n
}
const oracle = (base: number, bp: (b: bigint) => bigint, r: Dues.Rounding): number => {
  const b = BigInt(base)
  return r.unit === "fen"
    ? Number(roundOracle(b * bp(b), 10000n, r.mode))
    : Number(roundOracle(b * bp(b), 100000n, r.mode) * 10n)
}

const amountOf = (policy: Dues.DuesPolicy, category: Dues.DuesCategory, baseFen: number | undefined): number => {
  const result = Dues.monthlyAmount(policy, { category, baseFen })
  if (Result.isFailure(result)) throw new Error(result.failure.code)
  return result.success
}

const near = (bounds: ReadonlyArray<number>) =>
  fc.oneof(
    fc.integer({ min: 0, max: Dues.maxFen }),
    fc.integer({ min: 0, max: 3_000_000 }),
    fc.constantFrom(...bounds).chain((b) => fc.integer({ min: Math.max(0, b - 3), max: b + 3 }))
  )

describe("Law: the monthly amount of RULES.md §J, to the fen", () => {
  it("R66: salaried, every base and rounding: the oracle's amount; the step at 3000.00 → 3000.01, 5000.00 → 5000.01, 10000.00 → 10000.01", () => {
    fc.assert(
      fc.property(near([300000, 500000, 1000000]), rounding, (base, r) => {
        const policy = { ...Dues.cn2008, rounding: r }
        assert.strictEqual(amountOf(policy, "salaried", base), oracle(base, salariedBp, r))
      }),
      { numRuns: 2_000 }
    )
    const bounds = [[300000, 50, 100], [500000, 100, 150], [1000000, 150, 200]] as const
    for (const [bound, below, above] of bounds) {
      assert.strictEqual(Dues.rateFor(Dues.cn2008.salaried, bound), below, `${bound}`)
      assert.strictEqual(Dues.rateFor(Dues.cn2008.salaried, bound + 1), above, `${bound + 1}`)
    }
  })

  it("R67: retired, every base and rounding: the oracle's amount; the step at 5000.00 → 5000.01", () => {
    fc.assert(
      fc.property(near([500000]), rounding, (base, r) => {
        assert.strictEqual(amountOf({ ...Dues.cn2008, rounding: r }, "retiree", base), oracle(base, retireeBp, r))
      }),
      { numRuns: 1_000 }
    )
    assert.deepStrictEqual([Dues.rateFor(Dues.cn2008.retiree, 500000), Dues.rateFor(Dues.cn2008.retiree, 500001)], [
      50,
      100
    ])
  })

  it("R66: the amount never falls as the base rises (the brackets rise with the base)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        rounding,
        (base, more, r) => {
          const policy = { ...Dues.cn2008, rounding: r }
          assert.isAtMost(amountOf(policy, "salaried", base), amountOf(policy, "salaried", base + more))
        }
      ),
      { numRuns: 1_000 }
    )
  })
})

describe("Law: amounts are whole fen ≥ 0", () => {
  const brackets = fc.uniqueArray(fc.integer({ min: 1, max: Dues.maxFen - 1 }), { minLength: 0, maxLength: 4 }).chain((
    bounds
  ) =>
    fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: bounds.length + 1, maxLength: bounds.length + 1 }).map((
      bps
    ) => [
      ...[...bounds].sort((a, b) => a - b).map((upTo, i) => ({ upTo, bp: bps[i]! })),
      { upTo: null, bp: bps[bounds.length]! }
    ])
  )

  it("every computed monthly amount, under any valid brackets and rounding, for any category and base", () => {
    fc.assert(
      fc.property(
        brackets,
        brackets,
        rounding,
        fc.integer({ min: 20, max: 100 }),
        fc.constantFrom(...Dues.DuesCategory.literals),
        fc.integer({ min: 0, max: Dues.maxFen }),
        (salaried, retiree, r, farmer, category, base) => {
          const policy: Dues.DuesPolicy = {
            ...Dues.cn2008,
            salaried,
            retiree,
            rounding: r,
            farmerMonthlyAmountFen: farmer,
            farmerWithWageIncome: "brackets"
          }
          assert.isTrue(Result.isSuccess(Dues.validate(policy)))
          const scheme = Dues.schemeOf(policy, category)
          const needsBase = Result.isSuccess(scheme) && Dues.takesBase(scheme.success)
          const fen = amountOf(policy, category, needsBase ? base : undefined)
          assert.isTrue(Number.isSafeInteger(fen) && fen >= 0, `${category} ${base}: ${fen}`)
        }
      ),
      { numRuns: 1_000 }
    )
  })

  it("every amount a history of payments stores, and every figure of its ledger, is a whole number (≥ 0 but the balance)", () => {
    const world = salariedAccount("v1-f1", "2024-01")
    const payment = fc.record({
      months: fc.subarray([...Dues.monthSpan("2024-01", "2024-12")]),
      extra: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 200_000 })),
      short: fc.boolean(),
      day: fc.integer({ min: 1, max: 28 })
    })
    let stored = 0
    fc.assert(
      fc.property(fc.array(payment, { maxLength: 8 }), (payments) => {
        let current = world
        payments.forEach((p, i) => {
          const regular = p.months.length * 1500
          const command = pay(
            "v1-f1",
            `p${i}`,
            p.months,
            Math.max(0, regular + p.extra - (p.short ? 1 : 0)),
            `2024-06-${String(p.day).padStart(2, "0")}`
          )
          current = tryRun(current, command)
        })
        const state = account(current, "v1-f1")
        stored += state.payments.length
        for (const paid of state.payments) {
          for (const n of [paid.regularFen, paid.voluntaryExtraFen, ...paid.covered.map((c) => c.fen)]) {
            assert.isTrue(Number.isSafeInteger(n) && n >= 0)
          }
          assert.strictEqual(paid.regularFen, paid.covered.reduce((s, c) => s + c.fen, 0))
        }
        const ledger = Dues.ledger(state, "2024-12-31")
        for (
          const n of [ledger.dueFen, ledger.paidFen, ledger.voluntaryExtraFen, ledger.centralFen, ledger.unpaidMonths]
        ) {
          assert.isTrue(Number.isSafeInteger(n) && n >= 0)
        }
        assert.isTrue(Number.isSafeInteger(ledger.balanceFen))
        assert.strictEqual(ledger.balanceFen, ledger.paidFen - ledger.dueFen)
      }),
      { numRuns: 200 }
    )
    // not vacuous: many payments were accepted and stored
    assert.isAbove(stored, 200)
  })
})

describe("Law: the order of the payments within a month does not change the ledger", () => {
  it("a ledger folds to the same balance (and the same months) in any order of the payments made within a month", () => {
    const world = salariedAccount("v1-f1", "2024-01")
    // disjoint groups of months, each paid once in June 2024, with extras and proxies
    const payments = fc
      .array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 })
      .chain((groups) => {
        const byGroup = [0, 1, 2, 3].map((g) => Dues.monthSpan("2024-01", "2024-06").filter((_, i) => groups[i] === g))
          .filter((months) => months.length > 0)
        return fc.tuple(
          ...byGroup.map((months, i) =>
            fc.record({
              months: fc.constant(months),
              extra: fc.integer({ min: 0, max: 150_000 }),
              day: fc.integer({ min: 1, max: 30 }),
              proxy: fc.boolean(),
              id: fc.constant(`p${i}`)
            })
          )
        )
      })
      .chain((list) =>
        fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))
      )
    fc.assert(
      fc.property(payments, ([ordered, shuffled]) => {
        const commands = (list: typeof ordered) =>
          list.map((p) =>
            pay(
              "v1-f1",
              p.id,
              p.months,
              p.months.length * 1500 + p.extra,
              `2024-06-${String(p.day).padStart(2, "0")}`,
              p.proxy ? { payer: "relative", payerId: "relative-1" } : {}
            )
          )
        const a = account(runAll(policy, commands(ordered), world), "v1-f1")
        const b = account(runAll(policy, commands(shuffled), world), "v1-f1")
        for (const asOf of ["2024-06-15", "2024-06-30", "2024-12-31"]) {
          const la = Dues.ledger(a, asOf)
          const lb = Dues.ledger(b, asOf)
          assert.strictEqual(la.balanceFen, lb.balanceFen)
          assert.deepStrictEqual(la, lb)
        }
        assert.strictEqual(Dues.ledger(a, "2024-06-30").balanceFen, 0)
      }),
      { numRuns: 300 }
    )
  })
})
