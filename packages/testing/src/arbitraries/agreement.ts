/**
 * Every command and event of the agreement aggregate: pairing agreements (`Agreement.AgreementCommand`,
 * `Agreement.AgreementEvent`), one arbitrary per `_tag` and one per union, with the value objects they are made
 * of (parties, terms, signatories). Values are structurally valid (each decodes with its Schema) but not
 * necessarily accepted; for accepted histories see `townshipHistory`.
 *
 * @since 0.1.0
 */
import type { LegalDate } from "@dangjian/core"
import { Agreement } from "@dangjian/core"
import fc from "fast-check"
import { actor, oneOfRecord, tagged } from "../internal/tagged.ts"
import type { ValueOptions } from "./values.ts"
import { values } from "./values.ts"

type Cmd<Tag extends Agreement.AgreementCommand["_tag"]> = Extract<Agreement.AgreementCommand, { readonly _tag: Tag }>
type Ev<Tag extends Agreement.AgreementEvent["_tag"]> = Extract<Agreement.AgreementEvent, { readonly _tag: Tag }>

/**
 * An arbitrary for every agreement command, by `_tag`.
 *
 * @since 0.1.0
 * @category models
 */
export type AgreementCommandArbitraries = {
  readonly [Tag in Agreement.AgreementCommand["_tag"]]: fc.Arbitrary<Cmd<Tag>>
}

/**
 * An arbitrary for every agreement event, by `_tag`.
 *
 * @since 0.1.0
 * @category models
 */
export type AgreementEventArbitraries = {
  readonly [Tag in Agreement.AgreementEvent["_tag"]]: fc.Arbitrary<Ev<Tag>>
}

/**
 * One of the five joint areas (五联).
 *
 * @since 0.1.0
 * @category agreement values
 */
export const area: fc.Arbitrary<Agreement.Area> = fc.constantFrom(...Agreement.areas)

/**
 * One to five distinct joint areas (the shape R49 accepts).
 *
 * @since 0.1.0
 * @category agreement values
 */
export const areas: fc.Arbitrary<ReadonlyArray<Agreement.Area>> = fc.uniqueArray(area, { minLength: 1, maxLength: 5 })

/**
 * A party organization of an agreement, with its liaison (an opaque id).
 *
 * @since 0.1.0
 * @category agreement values
 */
export const organizationParty = (orgId: fc.Arbitrary<string>): fc.Arbitrary<Agreement.Party> =>
  fc.record({
    _tag: fc.constant("OrganizationParty" as const),
    orgId,
    liaison: fc.record({ liaisonId: fc.constantFrom("liaison-1", "liaison-2"), role: fc.constant("organizer") }, {
      requiredKeys: ["liaisonId"]
    })
  })

/**
 * An outside unit party (an enterprise, agency or social organization) with its liaison.
 *
 * @since 0.1.0
 * @category agreement values
 */
export const outsideUnitParty: fc.Arbitrary<Agreement.Party> = fc.record({
  _tag: fc.constant("OutsideUnitParty" as const),
  unitId: fc.integer({ min: 1, max: 3 }).map((n) => `unit-${n}`),
  name: fc.integer({ min: 1, max: 3 }).map((n) => `Unit ${n}`),
  unitType: fc.constantFrom(...Agreement.UnitType.literals),
  liaison: fc.record({ liaisonId: fc.constantFrom("liaison-3", "liaison-4"), role: fc.constant("manager") }, {
    requiredKeys: ["liaisonId"]
  })
})

/**
 * A term whose start and end (or open end) are dates from `dates` (the end may precede the start: R50 rejects
 * that, and the generator probes it).
 *
 * @since 0.1.0
 * @category agreement values
 */
export const term = (dates: fc.Arbitrary<LegalDate.LegalDate>): fc.Arbitrary<Agreement.Term> =>
  fc.oneof(
    fc.record({ startDate: dates, endDate: dates }),
    fc.record({ startDate: dates, openEnded: fc.constant(true as const) })
  )

/**
 * A signatory for a party (opaque ids).
 *
 * @since 0.1.0
 * @category agreement values
 */
export const signatory = (partyId: fc.Arbitrary<string>): fc.Arbitrary<Agreement.Signatory> =>
  fc.record({ partyId, signatoryId: fc.constantFrom("secretary-1", "secretary-2"), role: fc.constant("secretary") }, {
    requiredKeys: ["partyId", "signatoryId"]
  })

const agreementValues = (options: ValueOptions) => {
  const v = values(options)
  const party = fc.oneof({ arbitrary: organizationParty(v.orgId), weight: 3 }, {
    arbitrary: outsideUnitParty,
    weight: 1
  })
  return {
    ...v,
    agreementId: v.entityId("agreement-"),
    parties: fc.array(party, { maxLength: 4 }),
    areas: fc.uniqueArray(area, { maxLength: 5 }),
    form: fc.constantFrom(...Agreement.Form.literals),
    term: term(v.date),
    signatories: fc.array(signatory(fc.oneof(v.orgId, fc.constantFrom("unit-1", "unit-2"))), { maxLength: 4 }),
    round: fc.integer({ min: 1, max: 4 }),
    rating: fc.constantFrom(...Agreement.Rating.literals),
    orgIds: fc.uniqueArray(v.orgId, { maxLength: 4 })
  }
}

/**
 * One arbitrary per agreement command (`ProposeAgreement` … `ExpireAgreement`), over the ids and dates of
 * `options`.
 *
 * @since 0.1.0
 * @category agreement commands
 */
export const agreementCommandArbitraries = (options: ValueOptions = {}): AgreementCommandArbitraries => {
  const v = agreementValues(options)
  const { agreementId, date: at } = v
  return {
    ProposeAgreement: tagged<Cmd<"ProposeAgreement">>("ProposeAgreement", {
      agreementId,
      parties: v.parties,
      form: v.form,
      areas: v.areas,
      at
    }, { term: v.term, actor }),
    SignAgreement: tagged<Cmd<"SignAgreement">>("SignAgreement", {
      agreementId,
      parties: v.parties,
      form: v.form,
      areas: v.areas,
      signatories: v.signatories,
      at
    }, { term: v.term, jointOrganizationId: v.orgId, actor }),
    RecordAgreementActivity: tagged<Cmd<"RecordAgreementActivity">>("RecordAgreementActivity", {
      agreementId,
      activityId: v.entityId("activity-"),
      area,
      partyIds: v.orgIds,
      participants: v.count,
      description: fc.constantFrom("joint market day", "river clean-up", "study session"),
      at
    }, { actor }),
    SubmitAgreementReport: tagged<Cmd<"SubmitAgreementReport">>("SubmitAgreementReport", {
      agreementId,
      reportId: v.entityId("report-"),
      at
    }, { actor }),
    EvaluateAgreement: tagged<Cmd<"EvaluateAgreement">>("EvaluateAgreement", {
      agreementId,
      evaluationId: v.entityId("evaluation-"),
      rating: v.rating,
      at
    }, { actor }),
    RenewAgreement: tagged<Cmd<"RenewAgreement">>("RenewAgreement", {
      agreementId,
      areas: v.areas,
      signatories: v.signatories,
      at
    }, { term: v.term, jointOrganizationId: v.orgId, actor }),
    TerminateAgreement: tagged<Cmd<"TerminateAgreement">>("TerminateAgreement", {
      agreementId,
      reason: fc.constantFrom(...Agreement.TerminationReason.literals),
      at
    }, { actor }),
    ExpireAgreement: tagged<Cmd<"ExpireAgreement">>("ExpireAgreement", { agreementId, at }, { actor })
  }
}

/**
 * One arbitrary per agreement event (`AgreementProposed` … `AgreementExpired`).
 *
 * @since 0.1.0
 * @category agreement events
 */
export const agreementEventArbitraries = (options: ValueOptions = {}): AgreementEventArbitraries => {
  const v = agreementValues(options)
  const { agreementId, date: at } = v
  return {
    AgreementProposed: tagged<Ev<"AgreementProposed">>("AgreementProposed", {
      agreementId,
      parties: v.parties,
      form: v.form,
      areas: v.areas,
      at
    }, { term: v.term }),
    AgreementSigned: tagged<Ev<"AgreementSigned">>("AgreementSigned", {
      agreementId,
      parties: v.parties,
      form: v.form,
      areas: v.areas,
      signatories: v.signatories,
      at
    }, { term: v.term, jointOrganizationId: v.orgId }),
    AgreementActivityRecorded: tagged<Ev<"AgreementActivityRecorded">>("AgreementActivityRecorded", {
      agreementId,
      activityId: v.entityId("activity-"),
      area,
      partyIds: v.orgIds,
      participants: v.count,
      description: fc.constantFrom("joint market day", "river clean-up"),
      at
    }, {}),
    AgreementReportSubmitted: tagged<Ev<"AgreementReportSubmitted">>("AgreementReportSubmitted", {
      agreementId,
      reportId: v.entityId("report-"),
      round: v.round,
      period: fc.integer({ min: 1, max: 12 }),
      periodEnd: at,
      at
    }, {}),
    AgreementEvaluated: tagged<Ev<"AgreementEvaluated">>("AgreementEvaluated", {
      agreementId,
      evaluationId: v.entityId("evaluation-"),
      round: v.round,
      rating: v.rating,
      at
    }, {}),
    AgreementRenewed: tagged<Ev<"AgreementRenewed">>("AgreementRenewed", {
      agreementId,
      round: v.round,
      previousRound: v.round,
      areas: v.areas,
      signatories: v.signatories,
      at
    }, { term: v.term, jointOrganizationId: v.orgId }),
    AgreementTerminated: tagged<Ev<"AgreementTerminated">>("AgreementTerminated", {
      agreementId,
      reason: fc.constantFrom(...Agreement.TerminationReason.literals),
      at
    }, {}),
    AgreementExpired: tagged<Ev<"AgreementExpired">>("AgreementExpired", {
      agreementId,
      round: v.round,
      endDate: at,
      at
    }, {})
  }
}

/**
 * Any agreement command (every member of `Agreement.AgreementCommand`); each value decodes with that Schema.
 *
 * @since 0.1.0
 * @category agreement commands
 */
export const agreementCommand = (options: ValueOptions = {}): fc.Arbitrary<Agreement.AgreementCommand> =>
  oneOfRecord<Agreement.AgreementCommand>(agreementCommandArbitraries(options))

/**
 * Any agreement event (every member of `Agreement.AgreementEvent`); each value decodes with that Schema and
 * round-trips through `Dangjian.codec`.
 *
 * @since 0.1.0
 * @category agreement events
 */
export const agreementEvent = (options: ValueOptions = {}): fc.Arbitrary<Agreement.AgreementEvent> =>
  oneOfRecord<Agreement.AgreementEvent>(agreementEventArbitraries(options))
