import { assert, describe, it } from "@effect/vitest"
import * as Agreement from "../../src/agreement/Agreement.ts"
import { agreementMessages } from "../../src/agreement/messages.ts"
import { GovernancePolicy } from "../../src/index.ts"
import { kernelMessages } from "../../src/kernel/messages.ts"
import { organizationMessages } from "../../src/organization/messages.ts"
import { ruleMessages } from "../../src/rules/messages.ts"
import {
  activity,
  catalogs,
  dissolved,
  orgParty,
  orgWorld,
  policy,
  rejection,
  render,
  report,
  sign,
  signatoriesFor,
  steps,
  unitParty
} from "./fixtures.ts"

const ruleOf = (error: { readonly code: string }) => [(error as { ruleId?: string }).ruleId, error.code]

describe("Agreement: signing (R48–R50)", () => {
  const world = orgWorld()

  it("a village branch and an enterprise branch sign on economy and public security", () => {
    const state = steps(world, [sign()])
    assert.strictEqual(state.status, "signed")
    assert.strictEqual(state.round, 1)
    assert.strictEqual(state.signedAt, "2024-03-01")
    assert.deepStrictEqual(state.areas, ["economy", "publicSecurity"])
    assert.deepStrictEqual(state.parties.map(Agreement.partyIdOf), ["v1", "e1"])
    assert.strictEqual(Agreement.termEnd(state), "2025-02-28")
  })

  it("R50: signing with one party is rejected, in zh-CN and en", () => {
    const error = rejection(world, sign({ parties: [orgParty("v1")] }))
    assert.deepStrictEqual(ruleOf(error), ["R50", "agreement.tooFewParties"])
    assert.deepStrictEqual(error.params, { agreementId: "pa", parties: 1, required: 2 })
    assert.strictEqual(render(error, "en"), "Agreement pa names 1 distinct party; a pairing needs at least 2")
    assert.strictEqual(render(error, "zh-CN"), "结对共建协议 pa 只有 1 个不同的结对方,至少需要 2 个")
  })

  it("R50: signing with the same party twice is rejected, in zh-CN and en", () => {
    const error = rejection(world, sign({ parties: [orgParty("v1"), orgParty("v1")] }))
    assert.deepStrictEqual(ruleOf(error), ["R50", "agreement.duplicateParty"])
    assert.deepStrictEqual(error.params, { agreementId: "pa", partyId: "v1" })
    assert.strictEqual(render(error, "en"), "Agreement pa names party v1 twice; the parties must be distinct")
    assert.strictEqual(render(error, "zh-CN"), "结对共建协议 pa 重复列出结对方 v1,结对方必须互不相同")
    // an outside unit with the id of a party organization is the same party too
    assert.deepStrictEqual(ruleOf(rejection(world, sign({ parties: [orgParty("v1"), unitParty("v1")] }))), [
      "R50",
      "agreement.duplicateParty"
    ])
  })

  it("R49: signing with no area is rejected, in zh-CN and en", () => {
    const error = rejection(world, sign({ areas: [] }))
    assert.deepStrictEqual(ruleOf(error), ["R49", "agreement.noArea"])
    assert.strictEqual(
      render(error, "en"),
      "Agreement pa names no joint area; choose at least one of the five (economy, culture, public welfare, public security, ideology and morality)"
    )
    assert.strictEqual(
      render(error, "zh-CN"),
      "结对共建协议 pa 未选择共建内容,至少选择“五联”之一(经济建设联抓、文化事业联搞、公益事业联建、社会治安联防、思想道德联做)"
    )
    // one area is enough; all five are allowed
    assert.strictEqual(steps(world, [sign({ areas: ["culture"] })]).status, "signed")
    assert.strictEqual(steps(world, [sign({ areas: Agreement.areas })]).areas.length, 5)
    assert.strictEqual(rejection(world, sign({ areas: ["culture", "culture"] })).code, "agreement.duplicateArea")
  })

  it("R50: signing with a dissolved party organization is rejected, in zh-CN and en", () => {
    const error = rejection(dissolved(world, "e1", "2024-02-01"), sign())
    assert.deepStrictEqual(ruleOf(error), ["R50", "agreement.partyOrganizationDissolved"])
    assert.deepStrictEqual(error.params, { agreementId: "pa", orgId: "e1", dissolvedAt: "2024-02-01" })
    assert.strictEqual(
      render(error, "en"),
      "Party organization e1 of agreement pa was dissolved on 2024-02-01; it cannot sign"
    )
    assert.strictEqual(render(error, "zh-CN"), "结对共建协议 pa 的党组织 e1 已于 2024-02-01 撤销,不能签订")
  })

  it("R50: a party organization must exist on the signing date", () => {
    const unknown = rejection(world, sign({ parties: [orgParty("v1"), orgParty("nowhere")] }))
    assert.deepStrictEqual(ruleOf(unknown), ["R50", "agreement.partyOrganizationNotFound"])
    // established 2024-01-01: a signing dated the day before is rejected, the same day accepted
    const early = rejection(world, sign({ at: "2023-12-31" }))
    assert.deepStrictEqual(ruleOf(early), ["R50", "agreement.partyOrganizationNotFound"])
    assert.strictEqual(steps(world, [sign({ at: "2024-01-01" })]).status, "signed")
    assert.strictEqual(render(unknown, "zh-CN"), "结对共建协议 pa 的党组织 nowhere 在 2024-03-01 不存在")
  })

  it("R50: outside units (enterprise, agency, social organization) pair with a Party organization", () => {
    const parties = [orgParty("v1"), unitParty("factory"), unitParty("bureau", "agency")]
    const state = steps(world, [
      sign({ parties, signatories: signatoriesFor(parties), form: "departmentToGrassroots" })
    ])
    assert.strictEqual(state.parties.length, 3)
    const onlyUnits = [unitParty("factory"), unitParty("ngo", "socialOrganization")]
    assert.deepStrictEqual(
      ruleOf(rejection(world, sign({ parties: onlyUnits, signatories: signatoriesFor(onlyUnits) }))),
      ["R50", "agreement.noPartyOrganization"]
    )
  })

  it("R50: the term is required by policy unless open-ended; an end before the start is rejected", () => {
    const { term: _term, ...noTerm } = sign()
    const error = rejection(world, noTerm)
    assert.deepStrictEqual(ruleOf(error), ["R50", "agreement.termRequired"])
    assert.strictEqual(
      render(error, "en"),
      "Agreement pa has no term: give a start and an end date, or declare it open-ended"
    )
    const open = steps(world, [sign({ term: { startDate: "2024-03-01", openEnded: true } })])
    assert.isUndefined(Agreement.termEnd(open))
    // policy.requireTerm = false: no term at all is accepted
    const lenient = { ...policy, pairing: { ...policy.pairing, requireTerm: false } }
    assert.strictEqual(Agreement.decide(lenient, noTerm, Agreement.initialState, world.states)._tag, "Success")
    // an end on the start day is a one-day term; the day before is rejected
    assert.strictEqual(
      steps(world, [sign({ term: { startDate: "2024-03-01", endDate: "2024-03-01" } })]).status,
      "signed"
    )
    assert.deepStrictEqual(
      ruleOf(rejection(world, sign({ term: { startDate: "2024-03-01", endDate: "2024-02-29" } }))),
      ["R50", "agreement.termEndsBeforeStart"]
    )
  })

  it("R50: every party signs, and only parties sign", () => {
    const error = rejection(world, sign({ signatories: [{ partyId: "v1", signatoryId: "s1" }] }))
    assert.deepStrictEqual(ruleOf(error), ["R50", "agreement.partyNotSigned"])
    assert.deepStrictEqual(error.params, { agreementId: "pa", partyId: "e1" })
    const stranger = rejection(
      world,
      sign({ signatories: [...signatoriesFor([orgParty("v1"), orgParty("e1")]), { partyId: "x", signatoryId: "s" }] })
    )
    assert.strictEqual(stranger.code, "agreement.signatoryNotParty")
  })

  it("R48: a village–enterprise pairing links its joint organization, which must be a joint organization", () => {
    const linked = steps(world, [sign({ jointOrganizationId: "ve1" })])
    assert.strictEqual(linked.jointOrganizationId, "ve1")
    assert.deepStrictEqual(ruleOf(rejection(world, sign({ jointOrganizationId: "c1" }))), [
      "R48",
      "agreement.notJointOrganization"
    ])
    assert.deepStrictEqual(ruleOf(rejection(world, sign({ jointOrganizationId: "nowhere" }))), [
      "R48",
      "agreement.jointOrganizationNotFound"
    ])
    assert.deepStrictEqual(ruleOf(rejection(world, sign({ form: "gridPairing", jointOrganizationId: "ve1" }))), [
      "R48",
      "agreement.jointFormRequired"
    ])
    const gone = dissolved(world, "ve1", "2024-02-01")
    assert.deepStrictEqual(ruleOf(rejection(gone, sign({ jointOrganizationId: "ve1" }))), [
      "R48",
      "agreement.jointOrganizationDissolved"
    ])
  })

  it("a proposal is checked like a signing and may be amended; the same signing twice is nothing to do", () => {
    const { signatories: _s, jointOrganizationId: _j, ...contents } = sign({ at: "2024-02-15" })
    const proposed = steps(world, [{ ...contents, _tag: "ProposeAgreement" }])
    assert.strictEqual(proposed.status, "proposed")
    assert.deepStrictEqual(ruleOf(rejection(world, { ...contents, _tag: "ProposeAgreement", areas: [] })), [
      "R49",
      "agreement.noArea"
    ])
    const signed = steps(world, [sign()], proposed)
    assert.strictEqual(signed.proposedAt, "2024-02-15")
    assert.deepStrictEqual(steps(world, [sign()], signed), signed)
    assert.strictEqual(rejection(world, sign({ areas: ["culture"] }), signed).code, "domain.alreadyExists")
    assert.strictEqual(rejection(world, sign({ at: "2024-02-14" }), proposed).code, "domain.dateBeforeLast")
  })
})

describe("Agreement: lifecycle", () => {
  const world = orgWorld()
  const signed = steps(world, [sign()])

  it("activities are recorded in an agreed area with the parties involved", () => {
    const state = steps(world, [
      activity("2024-03-10"),
      activity("2024-04-10", { area: "publicSecurity", partyIds: ["v1"] })
    ], signed)
    assert.deepStrictEqual(Object.keys(state.activities), ["act-2024-03-10", "act-2024-04-10"])
    assert.strictEqual(state.lastActivityAt, "2024-04-10")
    // R49: an activity outside the agreed areas is rejected
    const error = rejection(world, activity("2024-03-10", { area: "culture" }), signed)
    assert.deepStrictEqual(ruleOf(error), ["R49", "agreement.areaNotAgreed"])
    assert.strictEqual(render(error, "zh-CN"), "结对共建协议 pa 不包括“文化事业联搞”")
    assert.strictEqual(render(error, "en"), "Agreement pa does not cover the area cultural affairs")
    assert.strictEqual(
      rejection(world, activity("2024-03-10", { partyIds: ["x"] }), signed).code,
      "agreement.partyNotInAgreement"
    )
    assert.strictEqual(
      rejection(world, activity("2024-03-10", { partyIds: [] }), signed).code,
      "agreement.noPartiesInvolved"
    )
    // recording the same activity again is nothing to do; a different one under the same id is rejected
    const once = steps(world, [activity("2024-03-10")], signed)
    assert.strictEqual(steps(world, [activity("2024-03-10")], once), once)
    assert.strictEqual(rejection(world, activity("2024-03-10", { participants: 3 }), once).code, "domain.alreadyExists")
  })

  it("activities fall within the term: on the end date accepted, the day after rejected, before signing rejected", () => {
    assert.strictEqual(steps(world, [activity("2025-02-28")], signed).lastActivityAt, "2025-02-28")
    assert.strictEqual(rejection(world, activity("2025-03-01"), signed).code, "agreement.outsideTerm")
    assert.strictEqual(rejection(world, activity("2024-02-29"), signed).code, "agreement.beforeSigned")
    assert.strictEqual(rejection(world, activity("2024-03-10")).code, "domain.notFound")
  })

  it("R50: reports follow the quarterly cadence, one per period, in order", () => {
    // quarter 1 is 2024-03-01 … 2024-05-31; its report may be submitted once it has begun
    const first = steps(world, [report("2024-05-31")], signed)
    assert.strictEqual(first.reportedPeriods, 1)
    assert.deepStrictEqual(Agreement.nextReport(first, 3), { period: 2, start: "2024-06-01", due: "2024-08-31" })
    // period 2 has not begun on 2024-05-31: nothing is due
    assert.strictEqual(rejection(world, report("2024-05-31", "again"), first).code, "agreement.noReportDue")
    // a late report still covers the earliest missing period
    const late = steps(world, [report("2024-09-15")], first)
    assert.strictEqual(late.reportedPeriods, 2)
    // the last period is clipped to the term's end
    assert.deepStrictEqual(Agreement.reportPeriod(signed, 3, 4), { start: "2024-12-01", due: "2025-02-28" })
    assert.isUndefined(Agreement.reportPeriod(signed, 3, 5))
    // reportEveryMonths = 0: no reports are required
    assert.isUndefined(Agreement.nextReport(signed, 0))
  })

  it("R50: evaluation, renewal as a new round, termination with reason, expiry after the end date", () => {
    const evaluated = steps(world, [{
      _tag: "EvaluateAgreement",
      agreementId: "pa",
      evaluationId: "ev1",
      rating: "good",
      at: "2025-01-20"
    }], signed)
    assert.deepStrictEqual(evaluated.evaluations["ev1"], { round: 1, rating: "good", at: "2025-01-20" })
    const renew: typeof Agreement.RenewAgreement.Type = {
      _tag: "RenewAgreement",
      agreementId: "pa",
      areas: ["economy", "publicSecurity", "culture"],
      term: { startDate: "2025-03-01", endDate: "2026-02-28" },
      signatories: signatoriesFor([orgParty("v1"), orgParty("e1")]),
      at: "2025-02-20"
    }
    const renewed = steps(world, [renew], evaluated)
    assert.strictEqual(renewed.round, 2)
    assert.strictEqual(renewed.roundSignedAt, "2025-02-20")
    assert.strictEqual(renewed.signedAt, "2024-03-01")
    assert.strictEqual(renewed.reportedPeriods, 0)
    assert.strictEqual(Agreement.termEnd(renewed), "2026-02-28")
    // a renewal checks the party organizations again (R50)
    const gone = dissolved(world, "v1", "2025-01-01")
    assert.deepStrictEqual(ruleOf(rejection(gone, renew, evaluated)), ["R50", "agreement.partyOrganizationDissolved"])
    assert.deepStrictEqual(ruleOf(rejection(world, { ...renew, areas: [] }, evaluated)), ["R49", "agreement.noArea"])
    // expiry: not on the end date, from the day after
    assert.strictEqual(
      rejection(world, { _tag: "ExpireAgreement", agreementId: "pa", at: "2025-02-28" }, signed).code,
      "agreement.termNotEnded"
    )
    const expired = steps(world, [{ _tag: "ExpireAgreement", agreementId: "pa", at: "2025-03-01" }], signed)
    assert.strictEqual(expired.status, "expired")
    // an expired agreement can still start a new round
    assert.strictEqual(steps(world, [{ ...renew, at: "2025-03-05" }], expired).status, "signed")
    const terminated = steps(world, [{
      _tag: "TerminateAgreement",
      agreementId: "pa",
      reason: "mutualConsent",
      at: "2024-10-01"
    }], signed)
    assert.strictEqual(terminated.terminationReason, "mutualConsent")
    assert.strictEqual(rejection(world, activity("2024-10-02"), terminated).code, "domain.closed")
    assert.strictEqual(rejection(world, renew, terminated).code, "domain.closed")
  })
})

describe("Agreement messages", () => {
  it("every agreement code renders in zh-CN and en", () => {
    const codes = Object.keys(agreementMessages.en)
    assert.deepStrictEqual(Object.keys(agreementMessages["zh-CN"]).sort(), [...codes].sort())
    for (const code of codes) {
      assert.isDefined(catalogs.en[code], code)
      assert.isDefined(catalogs["zh-CN"][code], code)
    }
    // the pillar's codes do not shadow any code of the other areas
    for (const other of [kernelMessages, ruleMessages, organizationMessages]) {
      for (const code of codes) assert.isUndefined(other.en[code], code)
    }
  })

  it("the policy presets carry the pairing defaults (quarterly reports, tagged local)", () => {
    assert.deepStrictEqual(GovernancePolicy.national.pairing, Agreement.defaultPairingPolicy)
  })
})
