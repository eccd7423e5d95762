// The dues register: a ledger per member (months owed, paid and exempt, the balance, the paid-through month) and
// a summary per organization and month, as of any date; member ids that are awkward as object keys.
import { assert, describe, it } from "@effect/vitest"
import { DuesRegister } from "../../src/index.ts"
import type { Command } from "./fixtures.ts"
import {
  assess,
  declare,
  open,
  pay,
  payMonthly,
  policy,
  runAll,
  salariedAccount,
  township,
  viewOf
} from "./fixtures.ts"

describe("DuesRegister: the ledger of a member", () => {
  const world = runAll(policy, [
    ...payMonthly("v1-f1", "2024-01", "2024-02"),
    // paid ahead in March for April and May, with a voluntary extra of 1000.00 (to the centre)
    pay("v1-f1", "ahead", ["2024-04", "2024-05"], 3000 + 100000, "2024-03-20")
  ], salariedAccount("v1-f1", "2024-01"))

  it("months owed, paid, open and paid ahead; due, paid and the balance; the paid-through month stops at the gap", () => {
    const ledger = DuesRegister.ledgerOf(viewOf(world), "v1-f1", "2024-03-25")!
    assert.deepStrictEqual(ledger.months.map((m) => `${m.month} ${m.status} ${m.amountFen} ${m.paidFen}`), [
      "2024-01 paid 1500 1500",
      "2024-02 paid 1500 1500",
      "2024-03 open 1500 0",
      "2024-04 paid 1500 1500",
      "2024-05 paid 1500 1500"
    ])
    assert.deepInclude(ledger, {
      dueFen: 4500,
      paidFen: 6000,
      balanceFen: 1500,
      voluntaryExtraFen: 100000,
      centralFen: 100000,
      unpaidMonths: 0,
      unassessedMonths: 0,
      paidThrough: "2024-02"
    })
  })

  it("as of an earlier date, later payments are left out; March becomes unpaid once it ends", () => {
    const early = DuesRegister.ledgerOf(viewOf(world, "2024-03-10"), "v1-f1", "2024-03-10")!
    assert.deepStrictEqual(early.months.map((m) => m.status), ["paid", "paid", "open"])
    assert.deepStrictEqual([early.paidFen, early.balanceFen], [3000, -1500])
    const later = DuesRegister.ledgerOf(viewOf(world), "v1-f1", "2024-04-01")!
    assert.strictEqual(later.months[2]!.status, "unpaid")
    assert.strictEqual(later.unpaidMonths, 1)
    assert.isUndefined(DuesRegister.ledgerOf(viewOf(world), "v1-f2", "2024-04-01"))
  })

  it("awkward member ids (__proto__, constructor) are members like any other", () => {
    const awkward = runAll(policy, [
      {
        _tag: "EstablishOrganization",
        orgId: "v3",
        name: "Branch v3",
        kind: "branch",
        formation: "standalone",
        locus: "village",
        parentId: "town",
        approval: { by: "town", level: "township", at: "2020-01-01" },
        initialMembers: ["__proto__", "constructor", "v3-f3"].map((memberId) => ({
          memberId,
          status: "full" as const
        })),
        at: "2020-01-01"
      },
      ...["__proto__", "constructor"].flatMap((memberId): ReadonlyArray<Command> => [
        { _tag: "RegisterMember", memberId, orgId: "v3", status: "full", at: "2020-01-01" },
        open(memberId, "2024-01-02"),
        declare(memberId, 2024, "student", undefined, "2024-01-02"),
        assess(memberId, 2024, "2024-01-02"),
        pay(memberId, "a", ["2024-01"], 20, "2024-01-03", { collectingOrgId: "v3" })
      ])
    ], township())
    const view = viewOf(awkward)
    assert.deepStrictEqual(Object.keys(view.accounts).sort(), ["__proto__", "constructor"])
    assert.strictEqual(DuesRegister.ledgerOf(view, "__proto__", "2024-01-31")?.paidThrough, "2024-01")
    assert.strictEqual(DuesRegister.ledgerOf(view, "constructor", "2024-01-31")?.paidFen, 20)
    assert.isUndefined(DuesRegister.ledgerOf(view, "toString", "2024-01-31"))
    assert.deepStrictEqual(DuesRegister.summary(view, "2024-01", "2024-01-31").map((r) => [r.orgId, r.membersPaid]), [[
      "v3",
      2
    ]])
  })
})

describe("DuesRegister: the summary per organization and month", () => {
  const world = runAll(policy, [
    open("v1-f2", "2024-01-02"),
    declare("v1-f2", 2024, "student", undefined, "2024-01-02"),
    assess("v1-f2", 2024, "2024-01-02"),
    open("v2-f1", "2024-01-02"),
    declare("v2-f1", 2024, "farmer", undefined, "2024-01-02"),
    assess("v2-f1", 2024, "2024-01-02"),
    ...payMonthly("v1-f1", "2024-01", "2024-02"),
    pay("v1-f2", "s1", ["2024-02"], 20 + 100, "2024-02-10"),
    {
      _tag: "ExemptDues",
      memberId: "v2-f1",
      decisionId: "x1",
      fromMonth: "2024-02",
      toMonth: "2024-02",
      branchDecision: { by: "v2", at: "2024-01-20" },
      approval: { by: "town", level: "township", at: "2024-01-25" },
      at: "2024-01-26"
    }
  ], salariedAccount("v1-f1", "2024-01"))

  it("members due, paid, unpaid, open and exempt, with the amounts due, paid and collected, by organization", () => {
    const rows = DuesRegister.summary(viewOf(world), "2024-02", "2024-03-05")
    assert.deepStrictEqual(rows, [
      {
        orgId: "v1",
        month: "2024-02",
        membersDue: 2,
        membersPaid: 2,
        membersUnpaid: 0,
        membersOpen: 0,
        membersExempt: 0,
        membersUnassessed: 0,
        dueFen: 1520,
        paidFen: 1520,
        // collected in February: v1-f1's February (paid on 02-01) and v1-f2's, with a voluntary 1.00
        collectedFen: 1520,
        voluntaryExtraFen: 100,
        centralFen: 0
      },
      {
        orgId: "v2",
        month: "2024-02",
        membersDue: 0,
        membersPaid: 0,
        membersUnpaid: 0,
        membersOpen: 0,
        membersExempt: 1,
        membersUnassessed: 0,
        dueFen: 0,
        paidFen: 0,
        collectedFen: 0,
        voluntaryExtraFen: 0,
        centralFen: 0
      }
    ])
  })

  it("a month still running counts its unpaid members as open; once ended, as unpaid", () => {
    const running = DuesRegister.summary(viewOf(world), "2024-01", "2024-01-20")
    assert.deepStrictEqual(running.map((r) => [r.orgId, r.membersPaid, r.membersOpen, r.membersUnpaid]), [
      ["v1", 1, 1, 0],
      ["v2", 0, 1, 0]
    ])
    const ended = DuesRegister.summary(viewOf(world), "2024-01", "2024-02-20")
    assert.deepStrictEqual(ended.map((r) => [r.orgId, r.membersPaid, r.membersOpen, r.membersUnpaid]), [
      ["v1", 1, 0, 1],
      ["v2", 0, 0, 1]
    ])
  })

  it("a member counts at the organization of the month's end: a transfer received in March moves March, not February", () => {
    const moved = runAll(policy, [
      {
        _tag: "IssueTransferLetter",
        memberId: "v1-f1",
        transferId: "tr1",
        toOrgId: "v2",
        duesPaidThrough: "2024-02",
        at: "2024-03-01"
      },
      { _tag: "ReceiveTransfer", memberId: "v1-f1", transferId: "tr1", at: "2024-03-05" }
    ], world)
    const view = viewOf(moved)
    assert.deepStrictEqual(DuesRegister.summary(view, "2024-02", "2024-03-31").map((r) => [r.orgId, r.membersDue]), [
      ["v1", 2],
      ["v2", 0]
    ])
    assert.deepStrictEqual(DuesRegister.summary(view, "2024-03", "2024-03-31").map((r) => [r.orgId, r.membersDue]), [
      ["v1", 1],
      ["v2", 2]
    ])
    assert.strictEqual(DuesRegister.affiliationAt(view.members["v1-f1"]!, "2024-03-04"), "v1")
    assert.strictEqual(DuesRegister.affiliationAt(view.members["v1-f1"]!, "2024-03-05"), "v2")
  })
})
