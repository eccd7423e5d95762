/**
 * Model-based tests (fast-check `commands`) of the member and organization aggregates, for reuse: a small
 * model that predicts, independently of the deciders, whether each command is accepted and what the
 * streams then hold; and a real system, `Dangjian.execute` on any event store. After every command the run
 * checks that the real outcome is the predicted one and that the stored states and projections equal the
 * model's, so no sequence of commands reaches a state the model forbids.
 *
 * ```ts
 * const { model, real } = await Models.memberSetup()
 * await fc.assert(fc.asyncProperty(Models.memberCommands(), (cmds) => fc.asyncModelRun(() => ({ model, real }), cmds)))
 * ```
 *
 * (Set up a fresh world per run: call `memberSetup` inside the property.) Pass `makeStore` to run the same
 * model against another store (SQLite, PostgreSQL).
 *
 * @since 0.1.0
 */
import type { LegalDate as LegalDateType } from "@dangjian/core"
import {
  Dangjian,
  LegalDate,
  MemberRoster,
  MemoryStore,
  Organization,
  OrganizationTree,
  PolicyTimeline
} from "@dangjian/core"
import { CommandHandler, EventStore, Projection } from "@dangjian/core/kernel"
import { Effect, Result } from "effect"
import fc from "fast-check"

/**
 * The real system: an event store and the policies `Dangjian.execute` judges by.
 *
 * @category models
 * @since 0.1.0
 */
export interface Real {
  readonly store: EventStore.EventStoreShape
  readonly policies: Organization.Policies
}

/**
 * Makes the store of a run (default: a fresh `MemoryStore` with `Dangjian.codec`).
 *
 * @category models
 * @since 0.1.0
 */
export type MakeStore = () => Promise<EventStore.EventStoreShape>

const memoryStore: MakeStore = () => Effect.runPromise(MemoryStore.make({ codec: Dangjian.codec }))

const runIn = <A, E>(real: Real, effect: Effect.Effect<A, E, EventStore.EventStore>) =>
  Effect.runPromise(Effect.result(effect).pipe(Effect.provideService(EventStore.EventStore, real.store)))

const execute = (real: Real, command: Dangjian.Command) =>
  runIn(real, Dangjian.execute(command, { policies: real.policies }))

const expectOutcome = (result: Result.Result<unknown, { readonly _tag: string }>, allowed: boolean, label: string) => {
  if (allowed && Result.isFailure(result)) {
    throw new Error(`${label}: rejected (${JSON.stringify(result.failure)}), the model accepts it`)
  }
  if (!allowed && Result.isSuccess(result)) throw new Error(`${label}: accepted, the model rejects it`)
}

const same = (actual: unknown, expected: unknown, label: string) => {
  const a = JSON.stringify(actual)
  const e = JSON.stringify(expected)
  if (a !== e) throw new Error(`${label}: the store holds ${a}, the model ${e}`)
}

type Roster = Record<string, Organization.RosterStatus>

const sorted = (roster: Readonly<Roster>): Roster =>
  Object.fromEntries(Object.entries(roster).sort(([a], [b]) => a.localeCompare(b)))

const countsOf = (roster: Readonly<Roster>) => {
  const statuses = Object.values(roster)
  const full = statuses.filter((s) => s === "full").length
  return { full, all: full + statuses.filter((s) => s === "probationary").length }
}

const approval = (at: LegalDateType.LegalDate): Organization.Approval => ({ by: "town", level: "township", at })

const setupCommands = (orgIds: ReadonlyArray<string>, listed: number): ReadonlyArray<Organization.TreeCommand> => [
  {
    _tag: "EstablishOrganization",
    orgId: "town",
    name: "Town",
    kind: "townshipCommittee",
    formation: "standalone",
    locus: "township",
    approval: { by: "county", level: "county", at: "2024-01-01" },
    initialMembers: [],
    at: "2024-01-01"
  },
  ...orgIds.map((orgId): Organization.TreeCommand => ({
    _tag: "EstablishOrganization",
    orgId,
    name: orgId,
    kind: "branch",
    formation: "standalone",
    locus: orgId.startsWith("c") ? "community" : "village",
    parentId: "town",
    approval: approval("2024-01-01"),
    initialMembers: Array.from({ length: listed }, (_, n) => ({ memberId: `${orgId}-m${n}`, status: "full" as const })),
    at: "2024-01-01"
  }))
]

const establish = async (real: Real, commands: ReadonlyArray<Organization.TreeCommand>) => {
  for (const command of commands) expectOutcome(await execute(real, command), true, `setup ${command.orgId}`)
}

// ---------------------------------------------------------------------------------------------------------
// Members
// ---------------------------------------------------------------------------------------------------------

/**
 * What the member model knows of one member.
 *
 * @category models
 * @since 0.1.0
 */
export interface ModelMember {
  status: "none" | "probationary" | "full"
  orgId: string | undefined
  probationEndsAt: LegalDateType.LegalDate | undefined
  transfer: { readonly transferId: string; readonly toOrgId: string; readonly validUntil: string } | undefined
  checkIn: string | undefined
}

/**
 * The member model: today, every organization's roster, and every member of the pool (`v1-m0` … listed at
 * establishment, `n0` … new), with counts of accepted and rejected commands.
 *
 * @category models
 * @since 0.1.0
 */
export interface MemberModel {
  today: LegalDateType.LegalDate
  readonly rosters: Record<string, Roster>
  readonly members: Record<string, ModelMember>
  accepted: number
  rejected: number
}

/**
 * The organizations of the member model: two village branches and a community branch, three full members
 * listed on each at establishment.
 *
 * @category constants
 * @since 0.1.0
 */
export const memberModelOrgs: ReadonlyArray<string> = ["v1", "v2", "c1"]

/**
 * The member pool of the member model: the listed members and four new ones.
 *
 * @category constants
 * @since 0.1.0
 */
export const memberModelPool: ReadonlyArray<string> = [
  ...memberModelOrgs.flatMap((orgId) => [0, 1, 2].map((n) => `${orgId}-m${n}`)),
  "n0",
  "n1",
  "n2",
  "n3"
]

/**
 * A fresh member model and real system: a township with the {@link memberModelOrgs}, established on
 * 2024-01-01 in a new store (from `makeStore`, default a `MemoryStore`), judged by the national timeline.
 *
 * @category constructors
 * @since 0.1.0
 */
export const memberSetup = async (
  makeStore: MakeStore = memoryStore
): Promise<{ readonly model: MemberModel; readonly real: Real }> => {
  const real: Real = { store: await makeStore(), policies: PolicyTimeline.national }
  await establish(real, setupCommands(memberModelOrgs, 3))
  const rosters: Record<string, Roster> = {}
  for (const orgId of memberModelOrgs) {
    rosters[orgId] = { [`${orgId}-m0`]: "full", [`${orgId}-m1`]: "full", [`${orgId}-m2`]: "full" }
  }
  const members: Record<string, ModelMember> = {}
  for (const memberId of memberModelPool) {
    members[memberId] = {
      status: "none",
      orgId: undefined,
      probationEndsAt: undefined,
      transfer: undefined,
      checkIn: undefined
    }
  }
  return { model: { today: "2024-01-02", rosters, members, accepted: 0, rejected: 0 }, real }
}

const checkMembers = async (model: MemberModel, real: Real) => {
  const replayed = await runIn(real, Projection.replay(MemberRoster.projection))
  if (Result.isFailure(replayed)) throw new Error("MemberRoster replay failed")
  for (const [memberId, m] of Object.entries(model.members)) {
    const state = replayed.success.state.members[memberId]
    same(
      state === undefined
        ? ["none"]
        : [
          state.status,
          state.orgId,
          state.transfer?.status === "inTransit" ? state.transfer.toOrgId : undefined,
          state.checkIn?.communityOrgId
        ],
      m.status === "none" ? ["none"] : [m.status, m.orgId, m.transfer?.toOrgId, m.checkIn],
      `member ${memberId}`
    )
  }
  for (const orgId of memberModelOrgs) {
    const loaded = await runIn(real, CommandHandler.load(Organization.fold, Organization.streamId(orgId)))
    if (Result.isFailure(loaded)) throw new Error(`load ${orgId} failed`)
    same(sorted(loaded.success.state.roster), sorted(model.rosters[orgId] ?? {}), `roster of ${orgId}`)
  }
}

type MemberCmd = fc.AsyncCommand<MemberModel, Real>

/**
 * One model-based step: runs the command against the store, expects acceptance exactly when the model allows
 * it, applies it to the model, then compares the store's read models with the model (`check`).
 */
const step = <M extends { readonly today: string; accepted: number; rejected: number }>(
  check: (model: M, real: Real) => Promise<void>
) =>
(
  label: string,
  command: (model: M) => Dangjian.Command,
  allowed: (model: M) => boolean,
  apply: (model: M) => void
): fc.AsyncCommand<M, Real> => ({
  check: () => true,
  run: async (model, real) => {
    const ok = allowed(model)
    expectOutcome(await execute(real, command(model)), ok, `${label} on ${model.today}`)
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

const memberStep = step<MemberModel>((model, real) => checkMembers(model, real))

const isActive = (m: ModelMember) => m.status === "probationary" || m.status === "full"
const fullAt = (model: MemberModel, orgId: string | undefined) => countsOf(model.rosters[orgId ?? ""] ?? {}).full
const meetingOf = (model: MemberModel, orgId: string | undefined) => {
  const entitled = Math.max(1, fullAt(model, orgId))
  return { entitled, present: entitled, yes: entitled, at: model.today }
}

const memberOf = (model: MemberModel, memberId: string): ModelMember => model.members[memberId]!
const homeOf = (memberId: string): string => memberId.split("-")[0] ?? "v1"

/**
 * One command of the member model: register, admit, convert, issue, receive and reject a transfer letter,
 * check in and out at a community, vote, or let days pass. Each predicts acceptance from the model alone
 * (R20, R25, R37, R38, R42, R43, R47).
 *
 * @category member model
 * @since 0.1.0
 */
export const memberCommand: fc.Arbitrary<MemberCmd> = (() => {
  const member = fc.constantFrom(...memberModelPool)
  const org = fc.constantFrom(...memberModelOrgs)
  let sequence = 0
  const register = fc.tuple(member, org).map(([m, o]) => {
    const orgId = m.startsWith("n") ? o : homeOf(m)
    return memberStep(
      `Register(${m}, ${orgId})`,
      (model) => ({ _tag: "RegisterMember", memberId: m, orgId, status: "full", at: model.today }),
      (model) => memberOf(model, m).status === "none" && [undefined, "full"].includes(model.rosters[orgId]![m]),
      (model) => {
        Object.assign(memberOf(model, m), { status: "full", orgId })
        model.rosters[orgId]![m] = "full"
      }
    )
  })
  const admit = fc.tuple(member, org).map(([m, orgId]) =>
    memberStep(
      `Admit(${m}, ${orgId})`,
      (model) => ({
        _tag: "AdmitMember",
        memberId: m,
        orgId,
        meeting: meetingOf(model, orgId),
        approval: approval(model.today),
        at: model.today
      }),
      // R38: once; the roster takes the member; R20/R25: the full members vote, more than half attend and agree
      (model) =>
        memberOf(model, m).status === "none" && model.rosters[orgId]![m] === undefined && fullAt(model, orgId) >= 1,
      (model) => {
        Object.assign(memberOf(model, m), {
          status: "probationary",
          orgId,
          probationEndsAt: LegalDate.addMonths(model.today, 12)
        })
        model.rosters[orgId]![m] = "probationary"
      }
    )
  )
  const convert = member.map((m) =>
    memberStep(
      `Convert(${m})`,
      (model) => ({
        _tag: "ConvertMember",
        memberId: m,
        meeting: meetingOf(model, memberOf(model, m).orgId),
        approval: approval(model.today),
        at: model.today
      }),
      // R37: at the end of probation, by a passed general-meeting vote
      (model) => {
        const x = memberOf(model, m)
        return x.status === "probationary" && (x.probationEndsAt ?? "") <= model.today && fullAt(model, x.orgId) >= 1
      },
      (model) => {
        const x = memberOf(model, m)
        x.status = "full"
        model.rosters[x.orgId!]![m] = "full"
      }
    )
  )
  const issue = fc.tuple(member, org).map(([m, toOrgId]) => {
    const transferId = `t${sequence++}`
    return memberStep(
      `Issue(${m}, ${toOrgId}, ${transferId})`,
      (model) => ({ _tag: "IssueTransferLetter", memberId: m, transferId, toOrgId, at: model.today }),
      (model) => {
        const x = memberOf(model, m)
        return isActive(x) && x.transfer === undefined && x.orgId !== toOrgId
      },
      (model) => {
        // R43: valid 90 days by the national policy
        memberOf(model, m).transfer = { transferId, toOrgId, validUntil: LegalDate.addDays(model.today, 90) }
      }
    )
  })
  const settle = fc.tuple(member, fc.boolean()).map(([m, receive]) =>
    memberStep(
      `${receive ? "Receive" : "Reject"}(${m})`,
      (model) => {
        const transferId = memberOf(model, m).transfer?.transferId ?? "t-none"
        return receive
          ? { _tag: "ReceiveTransfer", memberId: m, transferId, at: model.today }
          : { _tag: "RejectTransfer", memberId: m, transferId, reason: "fileIncomplete", at: model.today }
      },
      (model) => {
        const x = memberOf(model, m)
        if (!isActive(x) || x.transfer === undefined) return false
        // R43: an expired letter is not received; R42: the destination's roster takes the member
        return !receive || (model.today <= x.transfer.validUntil && model.rosters[x.transfer.toOrgId]![m] === undefined)
      },
      (model) => {
        const x = memberOf(model, m)
        const to = x.transfer!.toOrgId
        if (receive) {
          delete model.rosters[x.orgId!]![m]
          model.rosters[to]![m] = x.status as "full" | "probationary"
          x.orgId = to
          if (x.checkIn === to) x.checkIn = undefined
        }
        x.transfer = undefined
      }
    )
  )
  const checkIn = fc.tuple(member, org).map(([m, communityOrgId]) =>
    memberStep(
      `CheckIn(${m}, ${communityOrgId})`,
      (model) => ({
        _tag: "CheckInAtCommunity",
        memberId: m,
        checkInId: `ci${sequence++}`,
        communityOrgId,
        record: { residenceRef: "residence-1", skills: [], serviceWillingness: [] },
        resettled: false,
        at: model.today
      }),
      // R47: at another organization than the affiliation, once at a time
      (model) => {
        const x = memberOf(model, m)
        return isActive(x) && x.checkIn === undefined && x.orgId !== communityOrgId
      },
      (model) => {
        memberOf(model, m).checkIn = communityOrgId
      }
    )
  )
  const checkOut = member.map((m) =>
    memberStep(
      `CheckOut(${m})`,
      (model) => ({ _tag: "CheckOutOfCommunity", memberId: m, at: model.today }),
      (model) => memberOf(model, m).status !== "none",
      (model) => {
        memberOf(model, m).checkIn = undefined
      }
    )
  )
  const vote = fc.tuple(member, org).map(([m, orgId]) =>
    memberStep(
      `Vote(${m}, ${orgId})`,
      (model) => ({ _tag: "RecordVote", memberId: m, orgId, kind: "vote", at: model.today }),
      // R20, R38: only full members, only at the affiliation
      (model) => memberOf(model, m).status === "full" && memberOf(model, m).orgId === orgId,
      () => {}
    )
  )
  const advance = fc.integer({ min: 1, max: 200 }).map((days): MemberCmd => ({
    check: () => true,
    run: async (model) => {
      model.today = LegalDate.addDays(model.today, days)
    },
    toString: () => `Advance(${days})`
  }))
  return fc.oneof(
    { arbitrary: register, weight: 4 },
    { arbitrary: admit, weight: 3 },
    { arbitrary: convert, weight: 2 },
    { arbitrary: issue, weight: 3 },
    { arbitrary: settle, weight: 3 },
    { arbitrary: checkIn, weight: 2 },
    { arbitrary: checkOut, weight: 1 },
    { arbitrary: vote, weight: 2 },
    { arbitrary: advance, weight: 2 }
  )
})()

/**
 * Sequences of {@link memberCommand}s for `fc.asyncModelRun` (up to `maxCommands`, default 50).
 *
 * @category member model
 * @since 0.1.0
 */
export const memberCommands = (maxCommands = 50): fc.Arbitrary<Iterable<MemberCmd>> =>
  fc.commands([memberCommand], { maxCommands, size: "+1" })

// ---------------------------------------------------------------------------------------------------------
// Organizations
// ---------------------------------------------------------------------------------------------------------

/**
 * The organization model: today, and the roster of each organization.
 *
 * @category models
 * @since 0.1.0
 */
export interface OrganizationModel {
  today: LegalDateType.LegalDate
  readonly rosters: Record<string, Roster>
  accepted: number
  rejected: number
}

/**
 * The organizations of the organization model: two village branches, three full members listed on each.
 *
 * @category constants
 * @since 0.1.0
 */
export const organizationModelOrgs: ReadonlyArray<string> = ["v1", "v2"]

/**
 * A fresh organization model and real system (see {@link memberSetup}).
 *
 * @category constructors
 * @since 0.1.0
 */
export const organizationSetup = async (
  makeStore: MakeStore = memoryStore
): Promise<{ readonly model: OrganizationModel; readonly real: Real }> => {
  const real: Real = { store: await makeStore(), policies: PolicyTimeline.national }
  await establish(real, setupCommands(organizationModelOrgs, 3))
  const rosters: Record<string, Roster> = {}
  for (const orgId of organizationModelOrgs) {
    rosters[orgId] = { [`${orgId}-m0`]: "full", [`${orgId}-m1`]: "full", [`${orgId}-m2`]: "full" }
  }
  return { model: { today: "2024-01-02", rosters, accepted: 0, rejected: 0 }, real }
}

const checkOrganizations = async (model: OrganizationModel, real: Real) => {
  const tree = await runIn(real, Projection.replay(OrganizationTree.projection))
  if (Result.isFailure(tree)) throw new Error("OrganizationTree replay failed")
  for (const orgId of organizationModelOrgs) {
    const roster = model.rosters[orgId] ?? {}
    const state = tree.success.state.orgs[orgId]
    same(sorted(state?.roster ?? {}), sorted(roster), `roster of ${orgId}`)
    same(OrganizationTree.subtreeCounts(tree.success.state, orgId), countsOf(roster), `counts of ${orgId}`)
  }
}

type OrgCmd = fc.AsyncCommand<OrganizationModel, Real>

const transitions: Readonly<Record<Organization.RosterStatus, ReadonlyArray<Organization.RosterStatus>>> = {
  probationary: ["full", "suspended"],
  full: ["suspended"],
  suspended: ["full", "probationary"]
}

const orgStep = step<OrganizationModel>((model, real) => checkOrganizations(model, real))

/**
 * One command of the organization model: add a member to a roster, remove one, change a member's status,
 * or let days pass. Each predicts acceptance from the model alone.
 *
 * @category organization model
 * @since 0.1.0
 */
export const organizationCommand: fc.Arbitrary<OrgCmd> = (() => {
  const org = fc.constantFrom(...organizationModelOrgs)
  const member = fc.constantFrom("v1-m0", "v1-m1", "v2-m0", "x0", "x1", "x2")
  const status = fc.constantFrom<Organization.RosterStatus>("full", "probationary", "suspended")
  const add = fc.tuple(org, member, fc.boolean()).map(([orgId, m, full]) =>
    orgStep(
      `Add(${orgId}, ${m}, ${full ? "full" : "probationary"})`,
      (model) => ({
        _tag: "AddRosterMember",
        orgId,
        memberId: m,
        status: full ? "full" : "probationary",
        reason: full ? "transferredIn" : "admitted",
        at: model.today
      }),
      (model) => model.rosters[orgId]![m] === undefined,
      (model) => {
        model.rosters[orgId]![m] = full ? "full" : "probationary"
      }
    )
  )
  const remove = fc.tuple(org, member).map(([orgId, m]) =>
    orgStep(
      `Remove(${orgId}, ${m})`,
      (model) => ({ _tag: "RemoveRosterMember", orgId, memberId: m, reason: "transferredOut", at: model.today }),
      (model) => model.rosters[orgId]![m] !== undefined,
      (model) => {
        delete model.rosters[orgId]![m]
      }
    )
  )
  const change = fc.tuple(org, member, status).map(([orgId, m, to]) =>
    orgStep(
      `Status(${orgId}, ${m}, ${to})`,
      (model) => ({ _tag: "ChangeRosterStatus", orgId, memberId: m, status: to, at: model.today }),
      (model) => {
        const current = model.rosters[orgId]![m]
        return current !== undefined && (current === to || transitions[current].includes(to))
      },
      (model) => {
        model.rosters[orgId]![m] = to
      }
    )
  )
  const advance = fc.integer({ min: 1, max: 60 }).map((days): OrgCmd => ({
    check: () => true,
    run: async (model) => {
      model.today = LegalDate.addDays(model.today, days)
    },
    toString: () => `Advance(${days})`
  }))
  return fc.oneof(
    { arbitrary: add, weight: 3 },
    { arbitrary: remove, weight: 2 },
    { arbitrary: change, weight: 3 },
    { arbitrary: advance, weight: 1 }
  )
})()

/**
 * Sequences of {@link organizationCommand}s for `fc.asyncModelRun` (up to `maxCommands`, default 50).
 *
 * @category organization model
 * @since 0.1.0
 */
export const organizationCommands = (maxCommands = 50): fc.Arbitrary<Iterable<OrgCmd>> =>
  fc.commands([organizationCommand], { maxCommands, size: "+1" })
