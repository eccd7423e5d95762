// Fixtures of the dues tests: a pure world of every stream, where each command runs through its aggregate's
// route (`Dangjian.routes`, the same one `Dangjian.execute` runs against a store) over the states of this world,
// and accepted events are applied with the route's own folds and kept as a log of envelopes (for the register).
// A township `town` with village branches `v1` (members v1-f1 … v1-f3) and `v2` (v2-f1 … v2-f3), a temporary
// branch `t1`; dues policies with the figures cn2008 leaves unset.
import { Result } from "effect"
import type { DomainError } from "../../src/index.ts"
import { Dangjian, Dues, DuesRegister, GovernancePolicy, InvalidCommand, Messages } from "../../src/index.ts"
import type { Route } from "../../src/kernel/Decider.ts"
import type { Envelope } from "../../src/kernel/Envelope.ts"
import { CommandHandler } from "../../src/kernel/index.ts"
import type { Locale } from "../../src/kernel/Message.ts"
import type { Policies } from "../../src/organization/decide.ts"
import { legalDateOf } from "../../src/organization/projections/OrganizationTree.ts"

export type Command = Dangjian.Command

/** The national policy with the dues figures cn2008 leaves to local choice set (half-up to the fen, farmers 0.50,
 * the origin collecting in transit), and any change. */
export const policyWith = (patch: Partial<Dues.DuesPolicy> = {}): GovernancePolicy.GovernancePolicy => ({
  ...GovernancePolicy.national,
  dues: {
    ...Dues.cn2008,
    id: "test-county",
    rounding: { unit: "fen", mode: "halfUp" },
    farmerMonthlyAmountFen: 50,
    duesDuringTransit: "origin",
    ...patch
  }
})

export const policy = policyWith()

export interface World {
  readonly states: ReadonlyMap<string, unknown>
  readonly log: ReadonlyArray<Envelope>
}

export const emptyWorld: World = { states: new Map(), log: [] }

const routeByTag = new Map<string, Route<Command, Policies, DomainError>>(
  Dangjian.routes.flatMap((route) =>
    route.tags.map((tag) => [tag, route as unknown as Route<Command, Policies, DomainError>] as const)
  )
)

/** Decides a command in the world and applies its events. */
export const run = (policies: Policies, world: World, command: Command): Result.Result<World, DomainError> => {
  const route = routeByTag.get(command._tag)
  if (route === undefined) return Result.fail(new InvalidCommand({ code: "domain.unknownCommand", params: {} }))
  const states = CommandHandler.discover(
    route,
    command,
    (id) => world.states.get(id) ?? route.fold(id).initialState
  )
  return Result.map(route.decide(command, states, policies), (decided) => {
    const next = new Map(world.states)
    const log = [...world.log]
    for (const { events, streamId } of decided) {
      const fold = route.fold(streamId)
      let state = next.get(streamId) ?? fold.initialState
      for (const event of events) {
        state = fold.evolve(state, event)
        log.push({
          eventId: `e${log.length + 1}`,
          streamId,
          streamPosition: log.filter((e) => e.streamId === streamId).length + 1,
          globalPosition: log.length + 1,
          type: event._tag,
          schemaVersion: 1,
          data: event,
          metadata: { occurredAt: command.at }
        } as unknown as Envelope)
      }
      next.set(streamId, state)
    }
    return { states: next, log }
  })
}

/** Runs commands that must all be accepted; throws with the rejection otherwise. */
export const runAll = (policies: Policies, commands: ReadonlyArray<Command>, world: World = emptyWorld): World => {
  let current = world
  for (const command of commands) {
    const result = run(policies, current, command)
    if (Result.isFailure(result)) {
      throw new Error(`${command._tag} rejected: ${result.failure.message}`)
    }
    current = result.success
  }
  return current
}

/** The rejection of a command (throws if it was accepted). */
export const rejection = (policies: Policies, world: World, command: Command): DomainError => {
  const result = run(policies, world, command)
  if (Result.isSuccess(result)) throw new Error(`${command._tag} was accepted`)
  return result.failure
}

/** The rule id and code of a rejection. */
export const ruleOf = (error: DomainError): [string | undefined, string] => [
  error._tag === "RuleViolation" ? error.ruleId : undefined,
  error.code
]

/** The events a command appended (the last ones of the log). */
export const appended = (before: World, after: World): ReadonlyArray<Dues.DuesEvent> =>
  after.log.slice(before.log.length).map((e) => e.data as Dues.DuesEvent)

/** A member's dues account. */
export const account = (world: World, memberId: string): Dues.DuesState =>
  (world.states.get(Dues.streamId(memberId)) as Dues.DuesState | undefined) ?? Dues.initialState

/** The register as of a date (the whole log by default). */
export const viewOf = (world: World, asOf = "9999-12-31"): DuesRegister.RegisterView =>
  world.log.filter((e) => legalDateOf(e) <= asOf).reduce(DuesRegister.apply, DuesRegister.empty)

export const render = (localized: { readonly code: string; readonly params: object }, locale: Locale): string =>
  Messages.renderCode(localized.code, localized.params as Record<string, string | number | boolean>, locale)

// ---------------------------------------------------------------------------------------------------------
// The township
// ---------------------------------------------------------------------------------------------------------

const branch = (orgId: string, kind: "branch" | "temporaryBranch" = "branch"): Command => ({
  _tag: "EstablishOrganization",
  orgId,
  name: `Branch ${orgId}`,
  kind,
  formation: "standalone",
  locus: "village",
  parentId: "town",
  approval: { by: "town", level: "township", at: "2020-01-01" },
  initialMembers: kind === "temporaryBranch"
    ? []
    : [1, 2, 3].map((n) => ({ memberId: `${orgId}-f${n}`, status: "full" as const })),
  at: "2020-01-01"
})

/** The township (2020-01-01): `town` over the branches `v1` and `v2` (three full members each) and the
 * temporary branch `t1`; `v1-f1`, `v1-f2` and `v2-f1` are registered members. */
export const township = (policies: Policies = policy): World =>
  runAll(policies, [
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
    branch("v1"),
    branch("v2"),
    ...(["v1-f1", "v1-f2", "v2-f1"] as const).map((memberId): Command => ({
      _tag: "RegisterMember",
      memberId,
      orgId: memberId.slice(0, 2),
      status: "full",
      at: "2020-01-01"
    }))
  ])

/** Admits `memberId` to `orgId` by a vote on `voteAt`, approved on `approvedAt`. */
export const admit = (memberId: string, orgId: string, voteAt: string, approvedAt: string): Command => ({
  _tag: "AdmitMember",
  memberId,
  orgId,
  meeting: { entitled: 3, present: 3, yes: 3, at: voteAt },
  approval: { by: "town", level: "township", at: approvedAt },
  at: approvedAt
})

// ---------------------------------------------------------------------------------------------------------
// Dues commands
// ---------------------------------------------------------------------------------------------------------

export const open = (memberId: string, at: string, fromMonth?: string): Command => ({
  _tag: "OpenDuesAccount",
  memberId,
  ...(fromMonth === undefined ? {} : { fromMonth }),
  at
})

export const declare = (
  memberId: string,
  year: number,
  category: Dues.DuesCategory,
  baseFen: number | undefined,
  at: string,
  options: Partial<Dues.DeclareDuesBase> = {}
): Command => ({
  _tag: "DeclareDuesBase",
  memberId,
  year,
  category,
  ...(baseFen === undefined ? {} : { baseFen }),
  at,
  ...options
})

export const assess = (
  memberId: string,
  year: number,
  at: string,
  options: Partial<Dues.AssessDues> = {}
): Command => ({
  _tag: "AssessDues",
  memberId,
  year,
  at,
  ...options
})

export const pay = (
  memberId: string,
  paymentId: string,
  months: ReadonlyArray<string>,
  amountFen: number,
  at: string,
  options: Partial<Dues.PayDues> = {}
): Command => ({
  _tag: "PayDues",
  memberId,
  paymentId,
  months,
  amountFen,
  collectingOrgId: memberId.slice(0, 2),
  payer: "self",
  method: "cash",
  at,
  ...options
})

/** A registered member of `v1` whose account opened on `from` (a month), paying 15.00 a month as a salaried
 * member with a base of 3000.00 (assessed for every year from the account's to 2025). */
export const salariedAccount = (memberId = "v1-f1", from = "2023-07", policies: Policies = policy): World =>
  runAll(policies, [
    open(memberId, `${from}-01`, from),
    declare(memberId, Number(from.slice(0, 4)), "salaried", 300000, `${from}-01`, { fromMonth: from }),
    ...Array.from(
      { length: 2026 - Number(from.slice(0, 4)) },
      (_, i) => assess(memberId, Number(from.slice(0, 4)) + i, `${from}-01`)
    )
  ], township(policies))

/** Pays 15.00 for each month from `from` to `to` on the first day of each month. */
export const payMonthly = (memberId: string, from: string, to: string): ReadonlyArray<Command> =>
  Dues.monthSpan(from, to).map((month) => pay(memberId, `p-${month}`, [month], 1500, `${month}-01`))
