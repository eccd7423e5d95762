// The dues model (fast-check `commands`): random sequences of dues commands (accounts opened, bases declared,
// years assessed, payments of every kind, hardship exemptions, days passing) against `Dangjian.execute` on the
// in-memory store, checked after every command against a small model that predicts, on its own, whether the
// command is accepted and what each account then owes and holds: the amount of every month (with the rates of
// RULES.md §J as an independent table), the months paid and exempt, and the ledger's balance. Then the dues
// generators: every generated command and event decodes, every tag is generated, events round-trip through the
// codec, and township histories reach the dues aggregate.
import type { LegalDate as LegalDateType } from "@dangjian/core"
import { Dangjian, Dues, DuesRegister, GovernancePolicy, LegalDate, MemoryStore } from "@dangjian/core"
import { CommandHandler, EventStore, Projection } from "@dangjian/core/kernel"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Result, Schema } from "effect"
import fc from "fast-check"
import { Arbitraries, DangjianWorld } from "../src/index.ts"

// ---------------------------------------------------------------------------------------------------------
// The real system
// ---------------------------------------------------------------------------------------------------------

const policy: GovernancePolicy.GovernancePolicy = {
  ...GovernancePolicy.national,
  dues: {
    ...Dues.cn2008,
    id: "model",
    rounding: { unit: "fen", mode: "halfUp" },
    farmerMonthlyAmountFen: 50,
    duesDuringTransit: "origin"
  }
}

interface Real {
  readonly store: EventStore.EventStoreShape
}

const runIn = <A, E>(real: Real, effect: Effect.Effect<A, E, EventStore.EventStore>) =>
  Effect.runPromise(Effect.result(effect).pipe(Effect.provideService(EventStore.EventStore, real.store)))

const members = ["v1-f1", "v1-f2", "v2-f1"] as const

const setup: ReadonlyArray<Dangjian.Command> = [
  {
    _tag: "EstablishOrganization",
    orgId: "town",
    name: "Town",
    kind: "townshipCommittee",
    formation: "standalone",
    locus: "township",
    approval: { by: "county", level: "county", at: "2020-01-01" },
    initialMembers: [],
    at: "2020-01-01"
  },
  ...["v1", "v2"].map((orgId): Dangjian.Command => ({
    _tag: "EstablishOrganization",
    orgId,
    name: `Branch ${orgId}`,
    kind: "branch",
    formation: "standalone",
    locus: "village",
    parentId: "town",
    approval: { by: "town", level: "township", at: "2020-01-01" },
    initialMembers: [1, 2, 3].map((n) => ({ memberId: `${orgId}-f${n}`, status: "full" as const })),
    at: "2020-01-01"
  })),
  ...members.map((memberId): Dangjian.Command => ({
    _tag: "RegisterMember",
    memberId,
    orgId: memberId.slice(0, 2),
    status: "full",
    at: "2020-01-01"
  }))
]

// ---------------------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------------------

type Category = "salaried" | "retiree" | "student" | "farmer"

interface ModelAccount {
  readonly firstMonth: string
  readonly declarations: Array<{ readonly fromMonth: string; readonly fen: number; readonly category: Category }>
  readonly fixings: Array<{ readonly year: number; readonly fromMonth: string; readonly fen: number }>
  readonly paid: Map<string, number>
  readonly exempt: Set<string>
  paidRegular: number
}

interface Model {
  today: LegalDateType.LegalDate
  readonly accounts: Map<string, ModelAccount>
  accepted: number
  rejected: number
}

// RULES.md §J written out: one rate on the whole base (inclusive upper bounds), half-up to the fen.
const rateOf = (category: Category, base: number): number =>
  category === "retiree"
    ? (base <= 500000 ? 50 : 100)
    : base <= 300000
    ? 50
    : base <= 500000
    ? 100
    : base <= 1000000
    ? 150
    : 200
const halfUp = (n: bigint, d: bigint): number => Number(n / d + (2n * (n % d) >= d ? 1n : 0n))
const modelAmount = (category: Category, base: number): number =>
  category === "student"
    ? 20
    : category === "farmer"
    ? 50
    : halfUp(BigInt(base) * BigInt(rateOf(category, base)), 10000n)

const monthOf = (date: string) => date.slice(0, 7)
const yearOf = (month: string) => Number(month.slice(0, 4))

const latest = <A extends { readonly fromMonth: string }>(xs: ReadonlyArray<A>, keep: (a: A) => boolean) =>
  xs.reduce<A | undefined>(
    (found, x) => (keep(x) && (found === undefined || x.fromMonth >= found.fromMonth) ? x : found),
    undefined
  )

// What a month owes in the model: exempt, else the latest fixing of its year from on or before it, else the
// latest earlier one carried over.
const owed = (account: ModelAccount, month: string): number | "exempt" | undefined => {
  if (account.exempt.has(month)) return "exempt"
  const own = latest(account.fixings, (f) => f.year === yearOf(month) && f.fromMonth <= month)
  return (own ?? latest(account.fixings, (f) => f.fromMonth < month))?.fen
}

const balanceOf = (account: ModelAccount, today: string): number => {
  let due = 0
  for (const month of Dues.monthSpan(account.firstMonth, monthOf(today))) {
    const fen = owed(account, month)
    if (typeof fen === "number") due += fen
  }
  return account.paidRegular - due
}

const same = (actual: unknown, expected: unknown, label: string) => {
  const a = JSON.stringify(actual)
  const e = JSON.stringify(expected)
  if (a !== e) throw new Error(`${label}: the store holds ${a}, the model ${e}`)
}

const check = async (model: Model, real: Real) => {
  const replayed = await runIn(real, Projection.replay(DuesRegister.projection))
  if (Result.isFailure(replayed)) throw new Error("DuesRegister replay failed")
  for (const memberId of members) {
    const loaded = await runIn(real, CommandHandler.load(Dues.fold, Dues.streamId(memberId)))
    if (Result.isFailure(loaded)) throw new Error(`load ${memberId} failed`)
    const state = loaded.success.state
    const account = model.accounts.get(memberId)
    if (account === undefined) {
      same(state.status, "none", `account of ${memberId}`)
      continue
    }
    same(state.firstMonth, account.firstMonth, `first month of ${memberId}`)
    for (const month of Dues.monthSpan(account.firstMonth, Dues.shiftMonth(monthOf(model.today), 7))) {
      const amount = Dues.amountFor(state, month)
      same(amount?.exempt === true ? "exempt" : amount?.fen, owed(account, month), `${memberId} owes for ${month}`)
      same(Dues.paymentFor(state, month)?.fen, account.paid.get(month), `${memberId} paid for ${month}`)
    }
    const ledger = DuesRegister.ledgerOf(replayed.success.state, memberId, model.today)
    same(ledger?.balanceFen, balanceOf(account, model.today), `balance of ${memberId} on ${model.today}`)
  }
}

type DuesCmd = fc.AsyncCommand<Model, Real>

const step = (
  label: string,
  command: (model: Model) => Dangjian.Command,
  allowed: (model: Model) => boolean,
  apply: (model: Model) => void
): DuesCmd => ({
  check: () => true,
  run: async (model, real) => {
    const ok = allowed(model)
    const built = command(model)
    const result = await runIn(real, Dangjian.execute(built, { policies: policy }))
    if (ok && Result.isFailure(result)) {
      throw new Error(`${label} on ${model.today}: rejected (${JSON.stringify(result.failure)}), the model accepts it`)
    }
    if (!ok && Result.isSuccess(result)) throw new Error(`${label} on ${model.today}: accepted, the model rejects it`)
    if (ok) {
      apply(model)
      model.accepted++
    } else {
      model.rejected++
    }
    await check(model, real)
  },
  toString: () => label
})

// Commands act on two of the three members (the third keeps no account), so sequences reach payments.
const member = fc.constantFrom("v1-f1", "v2-f1")
// Payment and decision ids, unique across every command of every run (a repeated id is an idempotent repeat).
let serial = 0
const accountOf = (model: Model, memberId: string) => model.accounts.get(memberId)

// The earliest months from the first one that are neither paid nor exempt, at most `n`.
const unsettled = (account: ModelAccount, until: string, n: number): ReadonlyArray<string> =>
  Dues.monthSpan(account.firstMonth, until).filter((m) => !account.paid.has(m) && !account.exempt.has(m)).slice(0, n)

/**
 * One command of the dues model: open an account, declare a category and base, assess a year, pay (in full,
 * with an extra, short, or by the organization), exempt the next months with the township's approval, or let
 * days pass. Each predicts acceptance from the model alone (R65–R73).
 */
const duesCommand: fc.Arbitrary<DuesCmd> = (() => {
  const open = member.map((m) =>
    step(
      `Open(${m})`,
      (model) => ({ _tag: "OpenDuesAccount", memberId: m, at: model.today }),
      (model) => accountOf(model, m) === undefined,
      (model) => {
        model.accounts.set(m, {
          firstMonth: monthOf(model.today),
          declarations: [],
          fixings: [],
          paid: new Map(),
          exempt: new Set(),
          paidRegular: 0
        })
      }
    )
  )
  const base = fc.constantFrom(299999, 300000, 300001, 499999, 500000, 500001, 1000000, 1000001, 123456)
  const declare = fc.tuple(member, fc.constantFrom<Category>("salaried", "retiree", "student", "farmer"), base).map(
    ([m, category, baseFen]) =>
      step(
        `Declare(${m}, ${category}, ${baseFen})`,
        (model) => ({
          _tag: "DeclareDuesBase",
          memberId: m,
          year: yearOf(monthOf(model.today)),
          category,
          ...(category === "salaried" || category === "retiree" ? { baseFen } : {}),
          at: model.today
        }),
        // R65: an open account; a base for the bracket categories only
        (model) => accountOf(model, m) !== undefined,
        (model) => {
          accountOf(model, m)!.declarations.push({
            fromMonth: `${monthOf(model.today).slice(0, 4)}-01`,
            fen: modelAmount(category, baseFen),
            category
          })
        }
      )
  )
  const assess = fc.tuple(member, fc.boolean()).map(([m, nextYear]) =>
    step(
      `Assess(${m}${nextYear ? ", next year" : ""})`,
      (model) => ({
        _tag: "AssessDues",
        memberId: m,
        year: yearOf(monthOf(model.today)) + (nextYear ? 1 : 0),
        at: model.today
      }),
      // R69: once a year; R65: from a declared category; the first month is January or the account's
      (model) => {
        const account = accountOf(model, m)
        if (account === undefined) return false
        const year = yearOf(monthOf(model.today)) + (nextYear ? 1 : 0)
        const from = `${year}-01` > account.firstMonth ? `${year}-01` : account.firstMonth
        return !account.fixings.some((f) => f.year === year)
          && latest(account.declarations, (d) => d.fromMonth <= from) !== undefined
      },
      (model) => {
        const account = accountOf(model, m)!
        const year = yearOf(monthOf(model.today)) + (nextYear ? 1 : 0)
        const from = `${year}-01` > account.firstMonth ? `${year}-01` : account.firstMonth
        account.fixings.push({
          year,
          fromMonth: from,
          fen: latest(account.declarations, (d) => d.fromMonth <= from)!.fen
        })
      }
    )
  )
  // full: the earliest months still owed within the last 6 (or up to 7 ahead); late: the earliest months still
  // owed, however far back, with an approved exception (R70); extra: with a voluntary extra; short: 0.01 less
  // than the regular amount; organization: paid by the organization (垫交).
  type Variant = "full" | "late" | "extra" | "short" | "organization"
  const pay = fc.tuple(
    member,
    fc.integer({ min: 0, max: 4 }),
    fc.constantFrom<Variant>("full", "full", "late", "extra", "short", "organization")
  )
    .map(([m, n, variant]) => {
      const months = (model: Model) => {
        const account = accountOf(model, m)
        if (account === undefined) return []
        const until = Dues.shiftMonth(monthOf(model.today), 7)
        if (variant === "late") return unsettled(account, until, n)
        const recent = Dues.shiftMonth(monthOf(model.today), -6)
        return unsettled(account, until, 100).filter((month) => month >= recent).slice(0, n)
      }
      const regular = (model: Model) =>
        months(model).reduce((s, month) => {
          const fen = owed(accountOf(model, m)!, month)
          return s + (typeof fen === "number" ? fen : 0)
        }, 0)
      return step(
        `Pay(${m}, ${n}, ${variant})`,
        (model) => ({
          _tag: "PayDues",
          memberId: m,
          paymentId: `p${serial++}`,
          months: months(model),
          amountFen: Math.max(0, regular(model) + (variant === "extra" ? 12345 : 0) - (variant === "short" ? 1 : 0)),
          collectingOrgId: m.slice(0, 2),
          payer: variant === "organization" ? "organization" : "self",
          method: "cash",
          ...(variant === "late" ? { exceptionApproval: { by: m.slice(0, 2), at: model.today } } : {}),
          at: model.today
        }),
        (model) => {
          const account = accountOf(model, m)
          if (account === undefined || variant === "organization") return false
          const list = months(model)
          if (list.length === 0) return variant === "extra"
          const paidIn = monthOf(model.today)
          // R69: every month has an amount; R70: within 6 months back and ahead; R66/R68: paid in full
          const inWindow = Dues.monthDiff(list[0]!, paidIn) <= 6 && Dues.monthDiff(paidIn, list.at(-1)!) <= 6
          return list.every((month) => typeof owed(account, month) === "number")
            && (inWindow || variant === "late") && variant !== "short"
        },
        (model) => {
          const account = accountOf(model, m)!
          const list = months(model)
          const sum = regular(model)
          for (const month of list) account.paid.set(month, owed(account, month) as number)
          account.paidRegular += sum
        }
      )
    })
  const exempt = member.map((m) => {
    return step(
      `Exempt(${m})`,
      (model) => {
        const from = Dues.shiftMonth(monthOf(model.today), 1)
        return {
          _tag: "ExemptDues",
          memberId: m,
          decisionId: `x${serial++}`,
          fromMonth: from,
          toMonth: Dues.shiftMonth(from, 1),
          branchDecision: { by: m.slice(0, 2), at: model.today },
          approval: { by: "town", level: "township", at: model.today },
          at: model.today
        }
      },
      // R71: the branch decides, the township approves; months already paid are not exempted
      (model) => {
        const account = accountOf(model, m)
        const from = Dues.shiftMonth(monthOf(model.today), 1)
        return account !== undefined && !account.paid.has(from) && !account.paid.has(Dues.shiftMonth(from, 1))
      },
      (model) => {
        const from = Dues.shiftMonth(monthOf(model.today), 1)
        accountOf(model, m)!.exempt.add(from).add(Dues.shiftMonth(from, 1))
      }
    )
  })
  const wait = fc.integer({ min: 1, max: 45 }).map((days): DuesCmd => ({
    check: () => true,
    run: async (model, real) => {
      model.today = LegalDate.addDays(model.today, days)
      await check(model, real)
    },
    toString: () => `Wait(${days})`
  }))
  return fc.oneof(
    { arbitrary: open, weight: 3 },
    { arbitrary: declare, weight: 4 },
    { arbitrary: assess, weight: 4 },
    { arbitrary: pay, weight: 8 },
    { arbitrary: exempt, weight: 1 },
    { arbitrary: wait, weight: 3 }
  )
})()

const freshSetup = async (): Promise<{ readonly model: Model; readonly real: Real }> => {
  const real: Real = { store: await Effect.runPromise(MemoryStore.make({ codec: Dangjian.codec })) }
  for (const command of setup) {
    const result = await runIn(real, Dangjian.execute(command, { policies: policy }))
    if (Result.isFailure(result)) throw new Error(`setup ${command._tag} rejected`)
  }
  return { model: { today: "2024-01-02", accounts: new Map(), accepted: 0, rejected: 0 }, real }
}

describe("Dues model", () => {
  it(
    "no dues command sequence reaches a state the model forbids; amounts, payments, exemptions and balances equal the model",
    async () => {
      let accepted = 0
      let rejected = 0
      let paid = 0
      await fc.assert(
        fc.asyncProperty(fc.commands([duesCommand], { maxCommands: 60, size: "max" }), async (cmds) => {
          const setup = await freshSetup()
          await fc.asyncModelRun(() => setup, cmds)
          accepted += setup.model.accepted
          rejected += setup.model.rejected
          for (const account of setup.model.accounts.values()) paid += account.paid.size
        }),
        { numRuns: 100 }
      )
      // not vacuous: many commands accepted and many refused, many months paid
      assert.isAbove(accepted, 250)
      assert.isAbove(rejected, 100)
      assert.isAbove(paid, 100)
    },
    300_000
  )

  it("the check can fail: a model that forgets the bracket step at 3000.00 → 3000.01 is caught", async () => {
    const setup = await freshSetup()
    const run = (cmd: Dangjian.Command) => runIn(setup.real, Dangjian.execute(cmd, { policies: policy }))
    await run({ _tag: "OpenDuesAccount", memberId: "v1-f1", at: "2024-01-02" })
    await run({
      _tag: "DeclareDuesBase",
      memberId: "v1-f1",
      year: 2024,
      category: "salaried",
      baseFen: 300001,
      at: "2024-01-02"
    })
    await run({ _tag: "AssessDues", memberId: "v1-f1", year: 2024, at: "2024-01-02" })
    const wrong: ModelAccount = {
      firstMonth: "2024-01",
      declarations: [],
      // the marginal mis-reading: 0.5 % on the first 3000.00, 1 % on the fen above (15.00 instead of 30.00)
      fixings: [{ year: 2024, fromMonth: "2024-01", fen: 1500 }],
      paid: new Map(),
      exempt: new Set(),
      paidRegular: 0
    }
    setup.model.accounts.set("v1-f1", wrong)
    const error = await check(setup.model, setup.real).then(() => undefined, (e: Error) => e.message)
    assert.include(error ?? "", "v1-f1 owes for 2024-01: the store holds 3000, the model 1500")
  })
})

describe("dues generators", () => {
  const tagsOf = (
    union: { readonly members: ReadonlyArray<{ readonly fields: { readonly _tag: { readonly ast: unknown } } }> }
  ) => union.members.map((m) => (m.fields._tag.ast as { readonly literal: string }).literal).sort()

  it("every generated dues command and event decodes with its Schema, all 11 tags of each are generated, events round-trip", () => {
    for (
      const [schema, arbitrary] of [
        [Dues.DuesCommand, Arbitraries.duesCommand()],
        [Dues.DuesEvent, Arbitraries.duesEvent()]
      ] as const
    ) {
      const decode = Schema.decodeUnknownSync(schema as unknown as Schema.Codec<{ readonly _tag: string }, unknown>)
      const seen = new Set<string>()
      fc.assert(
        fc.property(arbitrary as fc.Arbitrary<{ readonly _tag: string }>, (value) => {
          assert.deepStrictEqual(decode(JSON.parse(JSON.stringify(value))), value)
          seen.add(value._tag)
        }),
        { numRuns: 2_000, seed: 20261201 }
      )
      assert.deepStrictEqual([...seen].sort(), tagsOf(schema))
      assert.strictEqual(seen.size, 11)
    }
    fc.assert(
      fc.property(Arbitraries.duesEvent(), (event) => {
        const encoded = Dangjian.codec.encode(event)
        assert.isTrue(Result.isSuccess(encoded))
        if (Result.isSuccess(encoded)) {
          assert.deepStrictEqual<unknown>(Dangjian.codec.decode(encoded.success), Result.succeed(event))
        }
      }),
      { numRuns: 500 }
    )
  })

  it("bases cluster at the bracket bounds; complete dues policies validate and compute every category", () => {
    assert.deepStrictEqual(Arbitraries.bracketBounds, [300000, 500000, 1000000])
    const near = fc.sample(Arbitraries.baseFen, { numRuns: 500, seed: 3 })
      .filter((b) => Arbitraries.bracketBounds.some((bound) => Math.abs(b - bound) <= 3))
    assert.isAbove(near.length, 150)
    fc.assert(
      fc.property(
        Arbitraries.completeDuesPolicy,
        Arbitraries.baseFen,
        fc.constantFrom(...Dues.DuesCategory.literals),
        (p, base, category) => {
          assert.isTrue(Result.isSuccess(Dues.validate(p)))
          const scheme = Dues.schemeOf(p, category)
          const needsBase = Result.isSuccess(scheme) && Dues.takesBase(scheme.success)
          assert.isTrue(Result.isSuccess(Dues.monthlyAmount(p, { category, baseFen: needsBase ? base : undefined })))
        }
      ),
      { numRuns: 500 }
    )
  })

  it("township histories reach the dues aggregate: accounts, assessments and payments are accepted", () => {
    let payments = 0
    let accounts = 0
    fc.assert(
      fc.property(Arbitraries.townshipHistory({ members: 30, agreements: 0, dues: 40 }), (history) => {
        const duesCommands = history.accepted.filter((c) => DangjianWorld.pillarOf(c) === "dues")
        payments += duesCommands.filter((c) => c._tag === "PayDues").length
        accounts += Object.values(history.world.dues).filter((a) => a.status !== "none").length
        // replayed from nothing, the accepted history is accepted again and reaches the same accounts
        const replayed = DangjianWorld.play(GovernancePolicy.national, history.accepted)
        assert.deepStrictEqual(replayed.rejected, [])
        assert.deepStrictEqual(replayed.world.dues, history.world.dues)
      }),
      { numRuns: 40, seed: 11 }
    )
    assert.isAbove(accounts, 40)
    assert.isAbove(payments, 40)
  })
})
