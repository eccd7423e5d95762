/**
 * The decisions of the agreement aggregate. Signing and renewal ({@link SigningCommand}) are decided over
 * the agreement stream and the streams of its party organizations and joint organization, which must exist
 * and not be dissolved (R48, R50); the route (`route.ts`) runs them through the kernel's command loop, so
 * every organization stream takes part in the append with its exact expected version and gets no events: a
 * dissolution racing a signing makes one of them retry, and the decision never rests on a stale organization.
 * A pairing agreement creates no organization and no affiliation (R48).
 *
 * The other commands are decided on the agreement stream alone ({@link decider}). Every decision is judged
 * with the pairing policy in force on the command's legal date.
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import type { Decider } from "../kernel/Decider.ts"
import { lookup } from "../kernel/records.ts"
import type { LegalDate } from "../LegalDate.ts"
import type { Policies } from "../organization/decide.ts"
import { toTimeline } from "../organization/decide.ts"
import type { OrganizationState } from "../organization/state.ts"
import type { PairingPolicy } from "../policy/PairingPolicy.ts"
import { policyAt } from "../policy/PolicyTimeline.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import { invalid, unknownCommand, violation } from "../rules/RuleViolation.ts"
import type {
  AgreementCommand,
  EvaluateAgreement,
  ExpireAgreement,
  ProposeAgreement,
  RecordAgreementActivity,
  RenewAgreement,
  SignAgreement,
  SigningCommand,
  SubmitAgreementReport,
  TerminateAgreement
} from "./commands.ts"
import type { AgreementEvent } from "./events.ts"
import {
  AgreementActivityRecorded,
  AgreementEvaluated,
  AgreementExpired,
  AgreementProposed,
  AgreementRenewed,
  AgreementReportSubmitted,
  AgreementSigned,
  AgreementTerminated
} from "./events.ts"
import type { Area, Form, Party, Signatory, Term } from "./model.ts"
import { endOf, partyIdOf } from "./model.ts"
import type { AgreementState } from "./state.ts"
import { evolve, initialState, nextReport, termEnd } from "./state.ts"

type Decision = Result.Result<ReadonlyArray<AgreementEvent>, DomainError>

const fail = (error: DomainError): Decision => Result.fail(error)
const ok = (events: ReadonlyArray<AgreementEvent>): Decision => Result.succeed(events)

/**
 * The states of the organizations a signing reads, by organization id (a missing id reads as "none").
 *
 * @category models
 * @since 0.1.0
 */
export type OrganizationStates = Readonly<Record<string, OrganizationState>>

/**
 * The commands decided on the agreement stream alone.
 *
 * @category commands
 * @since 0.1.0
 */
export type StreamCommand = Exclude<AgreementCommand, SigningCommand>

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

const first = (...checks: ReadonlyArray<() => DomainError | undefined>): DomainError | undefined => {
  for (const check of checks) {
    const error = check()
    if (error !== undefined) return error
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------------------
// Checks on the contents (R49, R50)
// ---------------------------------------------------------------------------------------------------------

/**
 * R49 / R50 HARD (the library's schema): ≥ 2 distinct parties, at least one a Party organization.
 *
 * @category decisions
 * @since 0.1.0
 */
export const checkParties = (agreementId: string, parties: ReadonlyArray<Party>): DomainError | undefined => {
  const ids = parties.map(partyIdOf)
  const seen = new Set<string>()
  for (const id of ids) {
    // R50 HARD: the parties are distinct; the same party twice is one party
    if (seen.has(id)) return violation("R50", "agreement.duplicateParty", { agreementId, partyId: id })
    seen.add(id)
  }
  // R50 HARD: at least 2 distinct parties
  if (ids.length < 2) {
    return violation("R50", "agreement.tooFewParties", { agreementId, parties: ids.length, required: 2 })
  }
  // R50: a Party-building pairing has at least one Party organization among its parties
  if (!parties.some((p) => p._tag === "OrganizationParty")) {
    return violation("R50", "agreement.noPartyOrganization", { agreementId })
  }
  return undefined
}

/**
 * R49 HARD (the library's schema): at least one of the five areas, each named once.
 *
 * @category decisions
 * @since 0.1.0
 */
export const checkAreas = (agreementId: string, areas: ReadonlyArray<Area>): DomainError | undefined => {
  // R49 HARD: at least one focus area (五联)
  if (areas.length === 0) return violation("R49", "agreement.noArea", { agreementId })
  if (new Set(areas).size !== areas.length) return invalid("agreement.duplicateArea", { agreementId })
  return undefined
}

/**
 * R50 CONF: a term with start and end, or explicitly open-ended, when the policy requires one; an end not
 * before the start.
 *
 * @category decisions
 * @since 0.1.0
 */
export const checkTerm = (
  policy: PairingPolicy,
  agreementId: string,
  term: Term | undefined
): DomainError | undefined => {
  // R50 CONF (policy.requireTerm): no national term exists, so the agreement states one or says it has none
  if (term === undefined) {
    return policy.requireTerm ? violation("R50", "agreement.termRequired", { agreementId }) : undefined
  }
  const end = endOf(term)
  if (end !== undefined && end < term.startDate) {
    return violation("R50", "agreement.termEndsBeforeStart", { agreementId, startDate: term.startDate, endDate: end })
  }
  return undefined
}

/**
 * R50: every party has a signatory, and every signatory signs for a party.
 *
 * @category decisions
 * @since 0.1.0
 */
export const checkSignatories = (
  agreementId: string,
  parties: ReadonlyArray<Party>,
  signatories: ReadonlyArray<Signatory>
): DomainError | undefined => {
  const ids = new Set(parties.map(partyIdOf))
  for (const signatory of signatories) {
    if (!ids.has(signatory.partyId)) {
      return invalid("agreement.signatoryNotParty", { agreementId, partyId: signatory.partyId })
    }
  }
  const signed = new Set(signatories.map((s) => s.partyId))
  for (const id of ids) {
    // R50 HARD: the agreement is signed for every party (the branch secretaries sign)
    if (!signed.has(id)) return violation("R50", "agreement.partyNotSigned", { agreementId, partyId: id })
  }
  return undefined
}

const existsAt = (state: OrganizationState | undefined, at: LegalDate): state is OrganizationState =>
  state !== undefined && state.status !== "none" && (state.establishedAt === undefined || state.establishedAt <= at)

/**
 * R50 HARD: every party organization exists on the signing date and is not dissolved.
 *
 * @category decisions
 * @since 0.1.0
 */
export const checkPartyOrganizations = (
  agreementId: string,
  parties: ReadonlyArray<Party>,
  orgs: OrganizationStates,
  at: LegalDate
): DomainError | undefined => {
  for (const party of parties) {
    if (party._tag !== "OrganizationParty") continue
    const state = lookup(orgs, party.orgId)
    // R50 HARD: a party organization must exist when the agreement is signed
    if (!existsAt(state, at)) {
      return violation("R50", "agreement.partyOrganizationNotFound", { agreementId, orgId: party.orgId, at })
    }
    // R50 HARD: and must not be dissolved (or merged away)
    if (state.status === "dissolved") {
      return violation("R50", "agreement.partyOrganizationDissolved", {
        agreementId,
        orgId: party.orgId,
        dissolvedAt: state.dissolvedAt
      })
    }
  }
  return undefined
}

const jointForms: ReadonlyArray<Form> = ["villageCommunity", "villageEnterprise"]

/**
 * R48: a linked joint organization (村居联建, 村企联建) is an active organization of the Organization pillar,
 * formed jointly (joint, village–community unified or village–enterprise), and only a village–community or
 * village–enterprise pairing links one.
 *
 * @category decisions
 * @since 0.1.0
 */
export const checkJointOrganization = (
  agreementId: string,
  form: Form,
  orgId: string | undefined,
  orgs: OrganizationStates,
  at: LegalDate
): DomainError | undefined => {
  if (orgId === undefined) return undefined
  // R48 CONF: joint organizations are the 村居联建 and 村企联建 kinds
  if (!jointForms.includes(form)) return violation("R48", "agreement.jointFormRequired", { agreementId, form, orgId })
  const state = lookup(orgs, orgId)
  // R48 HARD: a joint organization is an organization (set up with R6 approval in the Organization pillar)
  if (!existsAt(state, at)) return violation("R48", "agreement.jointOrganizationNotFound", { agreementId, orgId, at })
  if (state.status === "dissolved") {
    return violation("R48", "agreement.jointOrganizationDissolved", {
      agreementId,
      orgId,
      dissolvedAt: state.dissolvedAt
    })
  }
  const joint = state.kind === "jointBranch" || state.formation === "joint"
    || state.formation === "villageCommunityUnified" || state.formation === "villageEnterprise"
  if (!joint) {
    return violation("R48", "agreement.notJointOrganization", { agreementId, orgId, formation: state.formation })
  }
  return undefined
}

const notFound = (agreementId: string) => invalid("domain.notFound", { entity: "agreement", id: agreementId })
const closed = (state: AgreementState) =>
  invalid("domain.closed", { entity: "agreement", id: state.agreementId, state: state.status })
const beforeLast = (state: AgreementState, at: LegalDate) =>
  state.lastAt !== undefined && at < state.lastAt
    ? invalid("domain.dateBeforeLast", { id: state.agreementId, at, last: state.lastAt })
    : undefined

// ---------------------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------------------

const propose = (policy: PairingPolicy, state: AgreementState, cmd: typeof ProposeAgreement.Type): Decision => {
  if (state.status === "terminated" || state.status === "expired") return fail(closed(state))
  if (state.status === "signed") {
    return fail(invalid("domain.alreadyExists", { entity: "agreement", id: cmd.agreementId }))
  }
  const error = first(
    () => beforeLast(state, cmd.at),
    () => checkParties(cmd.agreementId, cmd.parties),
    () => checkAreas(cmd.agreementId, cmd.areas),
    () => checkTerm(policy, cmd.agreementId, cmd.term)
  )
  if (error !== undefined) return fail(error)
  const event = AgreementProposed.make({
    agreementId: cmd.agreementId,
    parties: cmd.parties,
    form: cmd.form,
    areas: cmd.areas,
    ...optional("term", cmd.term),
    at: cmd.at
  })
  return ok(state.status === "proposed" && same(proposalOf(state), event) ? [] : [event])
}

const proposalOf = (state: AgreementState) =>
  AgreementProposed.make({
    agreementId: state.agreementId,
    parties: state.parties,
    form: state.form,
    areas: state.areas,
    ...optional("term", state.term),
    at: state.proposedAt ?? ""
  })

const sign = (
  policy: PairingPolicy,
  state: AgreementState,
  orgs: OrganizationStates,
  cmd: typeof SignAgreement.Type
): Decision => {
  const event = AgreementSigned.make({
    agreementId: cmd.agreementId,
    parties: cmd.parties,
    form: cmd.form,
    areas: cmd.areas,
    ...optional("term", cmd.term),
    signatories: cmd.signatories,
    ...optional("jointOrganizationId", cmd.jointOrganizationId),
    at: cmd.at
  })
  if (state.status === "signed" || state.status === "expired") {
    // the same signing again is nothing to do
    if (state.round === 1 && same(signingOf(state), event)) return ok([])
    return fail(invalid("domain.alreadyExists", { entity: "agreement", id: cmd.agreementId }))
  }
  if (state.status === "terminated") return fail(closed(state))
  const error = first(
    () => beforeLast(state, cmd.at),
    () => checkParties(cmd.agreementId, cmd.parties),
    () => checkAreas(cmd.agreementId, cmd.areas),
    () => checkTerm(policy, cmd.agreementId, cmd.term),
    () => checkSignatories(cmd.agreementId, cmd.parties, cmd.signatories),
    () => checkPartyOrganizations(cmd.agreementId, cmd.parties, orgs, cmd.at),
    () => checkJointOrganization(cmd.agreementId, cmd.form, cmd.jointOrganizationId, orgs, cmd.at)
  )
  return error === undefined ? ok([event]) : fail(error)
}

const signingOf = (state: AgreementState) =>
  AgreementSigned.make({
    agreementId: state.agreementId,
    parties: state.parties,
    form: state.form,
    areas: state.areas,
    ...optional("term", state.term),
    signatories: state.signatories,
    ...optional("jointOrganizationId", state.jointOrganizationId),
    at: state.signedAt ?? ""
  })

const renew = (
  policy: PairingPolicy,
  state: AgreementState,
  orgs: OrganizationStates,
  cmd: typeof RenewAgreement.Type
): Decision => {
  if (state.status === "none" || state.status === "proposed") {
    return fail(invalid("agreement.notSigned", { agreementId: cmd.agreementId, status: state.status }))
  }
  if (state.status === "terminated") return fail(closed(state))
  const current = state.term?.startDate
  const error = first(
    () => beforeLast(state, cmd.at),
    () => checkAreas(cmd.agreementId, cmd.areas),
    () => checkTerm(policy, cmd.agreementId, cmd.term),
    () =>
      current !== undefined && cmd.term !== undefined && cmd.term.startDate < current
        ? invalid("agreement.renewalStartsBeforeCurrent", {
          agreementId: cmd.agreementId,
          startDate: cmd.term.startDate,
          currentStart: current
        })
        : undefined,
    () => checkSignatories(cmd.agreementId, state.parties, cmd.signatories),
    () => checkPartyOrganizations(cmd.agreementId, state.parties, orgs, cmd.at),
    () =>
      checkJointOrganization(
        cmd.agreementId,
        state.form,
        cmd.jointOrganizationId,
        orgs,
        cmd.at
      )
  )
  if (error !== undefined) return fail(error)
  return ok([
    AgreementRenewed.make({
      agreementId: cmd.agreementId,
      round: state.round + 1,
      previousRound: state.round,
      areas: cmd.areas,
      ...optional("term", cmd.term),
      signatories: cmd.signatories,
      ...optional("jointOrganizationId", cmd.jointOrganizationId),
      at: cmd.at
    })
  ])
}

// An agreement is in force on `at` when signed, on or after its signing, and not past its term's end.
const inForce = (state: AgreementState, at: LegalDate): DomainError | undefined => {
  if (state.status === "none") return notFound(state.agreementId)
  if (state.status === "proposed") {
    return invalid("agreement.notSigned", { agreementId: state.agreementId, status: state.status })
  }
  if (state.status !== "signed") return closed(state)
  if (state.signedAt !== undefined && at < state.signedAt) {
    return invalid("agreement.beforeSigned", { agreementId: state.agreementId, at, signedAt: state.signedAt })
  }
  const end = termEnd(state)
  if (end !== undefined && at > end) {
    return invalid("agreement.outsideTerm", { agreementId: state.agreementId, at, endDate: end })
  }
  return undefined
}

const recordActivity = (state: AgreementState, cmd: typeof RecordAgreementActivity.Type): Decision => {
  const event = AgreementActivityRecorded.make({
    agreementId: cmd.agreementId,
    activityId: cmd.activityId,
    area: cmd.area,
    partyIds: cmd.partyIds,
    participants: cmd.participants,
    description: cmd.description,
    at: cmd.at
  })
  const existing = lookup(state.activities, cmd.activityId)
  if (existing !== undefined) {
    const again = existing.at === cmd.at && existing.area === cmd.area && existing.participants === cmd.participants
      && same(existing.partyIds, cmd.partyIds)
    return again ? ok([]) : fail(invalid("domain.alreadyExists", { entity: "activity", id: cmd.activityId }))
  }
  const ids = new Set(state.parties.map(partyIdOf))
  const error = first(
    () => inForce(state, cmd.at),
    // R49: activities serve the agreed areas (五联)
    () =>
      state.areas.includes(cmd.area)
        ? undefined
        : violation("R49", "agreement.areaNotAgreed", { agreementId: cmd.agreementId, area: cmd.area }),
    () =>
      cmd.partyIds.length === 0 ? invalid("agreement.noPartiesInvolved", { agreementId: cmd.agreementId }) : undefined,
    () => {
      const unknown = cmd.partyIds.find((id) => !ids.has(id))
      return unknown === undefined
        ? undefined
        : invalid("agreement.partyNotInAgreement", { agreementId: cmd.agreementId, partyId: unknown })
    },
    () =>
      new Set(cmd.partyIds).size === cmd.partyIds.length
        ? undefined
        : invalid("agreement.duplicatePartyInvolved", { agreementId: cmd.agreementId })
  )
  return error === undefined ? ok([event]) : fail(error)
}

const submitReport = (policy: PairingPolicy, state: AgreementState, cmd: typeof SubmitAgreementReport.Type) => {
  const existing = lookup(state.reports, cmd.reportId)
  if (existing !== undefined) return ok([])
  if (state.status === "none") return fail(notFound(cmd.agreementId))
  if (state.status === "proposed") {
    return fail(invalid("agreement.notSigned", { agreementId: cmd.agreementId, status: state.status }))
  }
  if (state.status === "terminated") return fail(closed(state))
  if (state.roundSignedAt !== undefined && cmd.at < state.roundSignedAt) {
    return fail(
      invalid("agreement.beforeSigned", { agreementId: cmd.agreementId, at: cmd.at, signedAt: state.roundSignedAt })
    )
  }
  // R50 CONF: reports follow the policy's cadence; a report covers the earliest period not yet reported, once
  // that period has begun (a late report still covers it)
  const next = nextReport(state, policy.reportEveryMonths)
  if (next === undefined || next.start > cmd.at) {
    return fail(invalid("agreement.noReportDue", {
      agreementId: cmd.agreementId,
      at: cmd.at,
      nextStart: next?.start,
      everyMonths: policy.reportEveryMonths
    }))
  }
  return ok([
    AgreementReportSubmitted.make({
      agreementId: cmd.agreementId,
      reportId: cmd.reportId,
      round: state.round,
      period: next.period,
      periodEnd: next.due,
      at: cmd.at
    })
  ])
}

const evaluate = (state: AgreementState, cmd: typeof EvaluateAgreement.Type): Decision => {
  const previous = lookup(state.evaluations, cmd.evaluationId)
  if (previous !== undefined) {
    return previous.rating === cmd.rating && previous.at === cmd.at
      ? ok([])
      : fail(invalid("domain.alreadyExists", { entity: "evaluation", id: cmd.evaluationId }))
  }
  if (state.status === "none") return fail(notFound(cmd.agreementId))
  if (state.status === "proposed") {
    return fail(invalid("agreement.notSigned", { agreementId: cmd.agreementId, status: state.status }))
  }
  if (state.status === "terminated") return fail(closed(state))
  if (state.roundSignedAt !== undefined && cmd.at < state.roundSignedAt) {
    return fail(
      invalid("agreement.beforeSigned", { agreementId: cmd.agreementId, at: cmd.at, signedAt: state.roundSignedAt })
    )
  }
  return ok([
    AgreementEvaluated.make({
      agreementId: cmd.agreementId,
      evaluationId: cmd.evaluationId,
      round: state.round,
      rating: cmd.rating,
      at: cmd.at
    })
  ])
}

const terminate = (state: AgreementState, cmd: typeof TerminateAgreement.Type): Decision => {
  if (state.status === "none") return fail(notFound(cmd.agreementId))
  if (state.status === "terminated") {
    return state.terminationReason === cmd.reason && state.terminatedAt === cmd.at ? ok([]) : fail(closed(state))
  }
  if (state.status === "expired") return fail(closed(state))
  const error = beforeLast(state, cmd.at)
  if (error !== undefined) return fail(error)
  return ok([AgreementTerminated.make({ agreementId: cmd.agreementId, reason: cmd.reason, at: cmd.at })])
}

const expire = (state: AgreementState, cmd: typeof ExpireAgreement.Type): Decision => {
  if (state.status === "none") return fail(notFound(cmd.agreementId))
  if (state.status === "expired") return ok([])
  if (state.status === "proposed") {
    return fail(invalid("agreement.notSigned", { agreementId: cmd.agreementId, status: state.status }))
  }
  if (state.status === "terminated") return fail(closed(state))
  const end = termEnd(state)
  // R50: only a term with an end expires
  if (end === undefined) return fail(invalid("agreement.openEnded", { agreementId: cmd.agreementId }))
  if (cmd.at <= end) {
    return fail(invalid("agreement.termNotEnded", { agreementId: cmd.agreementId, at: cmd.at, endDate: end }))
  }
  return ok([AgreementExpired.make({ agreementId: cmd.agreementId, round: state.round, endDate: end, at: cmd.at })])
}

/**
 * Decides any agreement command under one pairing policy, given the agreement's state and the states of
 * the organizations it names (only signing and renewal read them). Pure.
 *
 * @category decisions
 * @since 0.1.0
 */
export const decideWith = (
  policy: PairingPolicy,
  command: AgreementCommand,
  state: AgreementState,
  orgs: OrganizationStates = {}
): Decision => {
  switch (command._tag) {
    case "ProposeAgreement":
      return propose(policy, state, command)
    case "SignAgreement":
      return sign(policy, state, orgs, command)
    case "RecordAgreementActivity":
      return recordActivity(state, command)
    case "SubmitAgreementReport":
      return submitReport(policy, state, command)
    case "EvaluateAgreement":
      return evaluate(state, command)
    case "RenewAgreement":
      return renew(policy, state, orgs, command)
    case "TerminateAgreement":
      return terminate(state, command)
    case "ExpireAgreement":
      return expire(state, command)
    default: {
      const _exhaustive: never = command
      return fail(unknownCommand(_exhaustive))
    }
  }
}

/**
 * The pairing policy in force on a date.
 *
 * @category getters
 * @since 0.1.0
 */
export const pairingPolicyAt = (policies: Policies, at: LegalDate): PairingPolicy =>
  policyAt(toTimeline(policies), at).pairing

/**
 * Decides a command with the pairing policy in force on its legal date. Pure.
 *
 * @category decisions
 * @since 0.1.0
 */
export const decide = (
  policies: Policies,
  command: AgreementCommand,
  state: AgreementState,
  orgs: OrganizationStates = {}
): Decision => decideWith(pairingPolicyAt(policies, command.at), command, state, orgs)

/**
 * The organizations a command reads: for a signing, its party organizations and joint organization; for a
 * renewal, the agreement's party organizations and the new joint organization. None for other commands.
 *
 * @category decisions
 * @since 0.1.0
 */
export const requiredOrganizations = (command: AgreementCommand, state: AgreementState): ReadonlyArray<string> => {
  const ids: Array<string | undefined> = []
  const parties = command._tag === "SignAgreement"
    ? command.parties
    : command._tag === "RenewAgreement"
    ? state.parties
    : []
  for (const party of parties) if (party._tag === "OrganizationParty") ids.push(party.orgId)
  if (command._tag === "SignAgreement" || command._tag === "RenewAgreement") ids.push(command.jointOrganizationId)
  return [...new Set(ids.filter((id): id is string => id !== undefined))]
}

/**
 * The single-stream decider of the commands that read no organization.
 *
 * @category deciders
 * @since 0.1.0
 */
export const decider = (
  policies: Policies
): Decider<StreamCommand, AgreementEvent, AgreementState, DomainError> => ({
  initialState,
  evolve,
  decide: (command, state) => decide(policies, command, state)
})
