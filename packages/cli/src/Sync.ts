/**
 * Roster sync: compares a checked roster with the store and plans the commands that bring the store in line,
 * then decides them all on a staging area over the store (a unit of work: only the streams the commands touch
 * are read and held) and writes them in ONE atomic append.
 *
 * What a sync plans, each as the library's own commands, judged by the rules:
 *
 * - a new organization: `EstablishOrganization` listing its new members (parents first), each new member's
 *   `RegisterMember` on the establishment's date (R38);
 * - a new member of an organization already in the store: `RegisterMember` on the sync's date;
 * - a member listed under another organization than the store's: a transfer, `IssueTransferLetter` and
 *   `ReceiveTransfer` on the sync's date (R42), one atomic append over the member and both organizations;
 * - a later organizational life or dues date than the store has: `RecordParticipation` (R39).
 *
 * What it reports without acting, because the file cannot say why or how and the rules need it: members of
 * the file's organizations who are missing from the file (a departure needs its reason: a transfer out, a
 * removal, a death), an organization whose name, kind, place or parent differ from the store's, a member
 * whose status differs (a conversion needs its meeting), a member removed from the store. Each is to be
 * recorded with `dangjian exec`.
 *
 * An import is a sync that only adds: into an empty store it is exactly the sync's first run; a roster the
 * store already holds is recognised as a re-import (one message, nothing written).
 *
 * @since 0.2.0
 */
import type { Locale } from "@dangjian/core"
import { Dangjian, MemberRoster, Messages, OrganizationTree } from "@dangjian/core"
import type { Envelope, EventStore as EventStoreModule, ReadError, ReadModel } from "@dangjian/core/kernel"
import { EventStore, Projection } from "@dangjian/core/kernel"
import { Effect, Result } from "effect"
import type { MemberRow, OrgRow, Roster, RowError } from "./Roster.ts"
import * as Staging from "./Staging.ts"

/**
 * The store as a sync sees it: the organization tree and every member's state.
 *
 * @category models
 * @since 0.2.0
 */
export interface StoreState {
  readonly tree: OrganizationTree.TreeView
  readonly members: MemberRoster.RosterView
}

/**
 * Folds a log into the state a sync compares with.
 *
 * @category constructors
 * @since 0.2.0
 */
export const stateOf = (log: ReadonlyArray<Envelope.Envelope>): StoreState => foldState(emptyState, log)

const emptyState: StoreState = {
  tree: OrganizationTree.projection.initialState,
  members: MemberRoster.projection.initialState
}

const foldState = (state: StoreState, events: ReadonlyArray<Envelope.Envelope>): StoreState => ({
  tree: Projection.foldEnvelopes(OrganizationTree.projection, state.tree, events),
  members: Projection.foldEnvelopes(MemberRoster.projection, state.members, events)
})

// The fields both projections read (every field when either reads all).
const stateFields = ((): ReadonlyArray<Envelope.EnvelopeField> | undefined => {
  const tree = OrganizationTree.projection.fields
  const members = MemberRoster.projection.fields
  return tree === undefined || members === undefined ? undefined : [...new Set([...tree, ...members])]
})()

/**
 * The state a sync compares with, read from the store's log page by page (5,000 events a page, only the fields
 * the projections read): no page is kept. Returns the state and the global position it was read up to, and
 * tells `onProgress` the position read and the store's head after each page.
 *
 * @category constructors
 * @since 0.3.0
 */
export const readState = (
  options: { readonly onProgress?: (read: number, head: number) => Effect.Effect<void> } = {}
): Effect.Effect<{ readonly state: StoreState; readonly position: number }, ReadError, EventStoreModule.EventStore> =>
  Effect.gen(function*() {
    const store = yield* EventStore.EventStore
    const head = options.onProgress === undefined ? 0 : yield* store.head
    let state = emptyState
    let position = 0
    while (true) {
      const page = yield* store.readAll(
        stateFields === undefined
          ? { after: position, limit: 5_000 }
          : { after: position, limit: 5_000, fields: stateFields }
      )
      if (page.length === 0) break
      // The projections read only the fields asked for.
      state = foldState(state, page as ReadonlyArray<Envelope.Envelope>)
      position = page[page.length - 1]!.globalPosition
      if (options.onProgress !== undefined) yield* options.onProgress(position, Math.max(head, position))
    }
    return { state, position }
  })

/**
 * A command of the plan with the lines of the file it comes from.
 *
 * @category models
 * @since 0.2.0
 */
export interface Step {
  readonly command: Dangjian.Command
  readonly lines: ReadonlyArray<number>
}

/**
 * The plan of a sync.
 *
 * @category models
 * @since 0.2.0
 */
export interface Plan {
  /** New organizations, parents first, each with its new members. */
  readonly establish: ReadonlyArray<{ readonly org: OrgRow; readonly members: ReadonlyArray<MemberRow> }>
  /** New members of organizations already in the store. */
  readonly register: ReadonlyArray<MemberRow>
  /** Members listed under another organization than the store's. */
  readonly transfers: ReadonlyArray<{ readonly row: MemberRow; readonly fromOrgId: string }>
  /**
   * Later organizational life or dues dates than the store has, in the file's order (new members' dates
   * included; their commands follow their registration, see {@link stepsOf}). Made when first asked for: an
   * import of a province plans two million of them, and only a sync's printed plan lists them.
   */
  readonly participation: ReadonlyArray<
    {
      readonly row: MemberRow
      readonly kind: "orgLife" | "dues"
      readonly at: string
      /** Whether the plan registers the member, so that this entry's command follows the registration. */
      readonly registered: boolean
    }
  >
  /** The number of entries of {@link Plan.participation}, without making them. */
  readonly participationCount: number
  /**
   * The entries of {@link Plan.participation} of members already in the store, in the file's order: their
   * commands follow the transfers (see {@link stepsOf}).
   */
  readonly storedParticipation: ReadonlyArray<
    { readonly row: MemberRow; readonly kind: "orgLife" | "dues"; readonly at: string }
  >
  /** Members of the file's organizations that the file no longer lists: reported, not acted on. */
  readonly departures: ReadonlyArray<{ readonly memberId: string; readonly orgId: string }>
  /** Differences the file cannot settle: reported, not acted on. */
  readonly unapplied: ReadonlyArray<RowError>
  /** The commands, in order (made when first asked for; {@link stepsOf} makes them one at a time). */
  readonly steps: ReadonlyArray<Step>
  readonly date: string
}

/**
 * Whether a plan does nothing.
 *
 * @category getters
 * @since 0.2.0
 */
export const isEmpty = (plan: Plan): boolean => stepCount(plan) === 0

/** The organizational life and dues dates of a row later than `since` (R39). */
const participationOf = (
  row: MemberRow,
  since: Partial<Record<"orgLife" | "dues", string>>
): Array<{ readonly kind: "orgLife" | "dues"; readonly at: string }> => {
  const out: Array<{ readonly kind: "orgLife" | "dues"; readonly at: string }> = []
  for (const [kind, at] of [["orgLife", row.lastOrgLifeAt], ["dues", row.lastDuesAt]] as const) {
    if (at !== undefined && at > (since[kind] ?? "")) out.push({ kind, at })
  }
  return out
}
const participationStep = (row: MemberRow, kind: "orgLife" | "dues", at: string): Step => ({
  command: { _tag: "RecordParticipation", memberId: row.memberId, kind, at },
  lines: [row.line]
})

const activeStatuses = new Set(["full", "probationary", "suspended"])

/**
 * Plans a sync (or, with `mode: "import"`, an import: additions only) of a roster against the store's state.
 * `date` is the legal date of the sync's registrations and transfers. Fails with every problem the store's
 * state reveals (a parent that does not exist, a loop of parents, an import of what the store already holds).
 *
 * @category planning
 * @since 0.2.0
 */
export const plan = (
  roster: Roster,
  state: StoreState,
  options: { readonly mode: "import" | "sync"; readonly date: string }
): Result.Result<Plan, Array<RowError>> => {
  const errors: Array<RowError> = []
  const unapplied: Array<RowError> = []
  const orgInStore = (orgId: string) => Object.hasOwn(state.tree.orgs, orgId) ? state.tree.orgs[orgId] : undefined
  const memberInStore = (memberId: string) =>
    Object.hasOwn(state.members.members, memberId) ? state.members.members[memberId] : undefined

  if (options.mode === "import") {
    // An import only adds. What the store already holds is a re-import (all of it) or an overlap: one message.
    const orgs = [...roster.orgs.values()].filter((org) => orgInStore(org.orgId) !== undefined)
    const members = [...roster.members.values()].filter((m) => (memberInStore(m.memberId)?.status ?? "none") !== "none")
    if (orgs.length > 0 || members.length > 0) {
      const all = orgs.length === roster.orgs.size && members.length === roster.members.size
      const first = [
        ...orgs.map((o) => ({ line: o.line, id: o.orgId })),
        ...members.map((m) => ({ line: m.line, id: m.memberId }))
      ]
        .sort((a, b) => a.line - b.line)[0]!
      return Result.fail([{
        code: all ? "cli.import.already" : "cli.import.overlap",
        params: { orgs: orgs.length, members: members.length, firstLine: first.line, id: first.id }
      }])
    }
  }

  // Organizations: new ones are established (parents first); known ones are compared.
  const newOrgs = new Map<string, OrgRow>()
  for (const org of roster.orgs.values()) {
    const stored = orgInStore(org.orgId)
    if (stored === undefined) {
      newOrgs.set(org.orgId, org)
      continue
    }
    if (stored.status === "dissolved") {
      unapplied.push({ line: org.line, code: "cli.sync.orgDissolved", params: { orgId: org.orgId } })
      continue
    }
    const fields = (["name", "kind", "locus", "formation", "parentId"] as const).filter((field) =>
      stored[field] !== org[field]
    )
    for (const field of fields) {
      unapplied.push({ line: org.line, code: "cli.sync.orgDiffers", params: { orgId: org.orgId, field } })
    }
  }
  const ordered: Array<OrgRow> = []
  const visiting = new Map<string, "visiting" | "done">()
  const visit = (org: OrgRow): void => {
    if (visiting.get(org.orgId) === "done") return
    if (visiting.get(org.orgId) === "visiting") {
      errors.push({ line: org.line, code: "cli.row.cycle", params: { orgId: org.orgId } })
      return
    }
    visiting.set(org.orgId, "visiting")
    if (org.parentId !== undefined) {
      const parent = newOrgs.get(org.parentId)
      if (parent !== undefined) visit(parent)
      else if (orgInStore(org.parentId)?.status !== "active") {
        errors.push({ line: org.line, code: "cli.row.unknownParent", params: { parentId: org.parentId } })
      }
    }
    visiting.set(org.orgId, "done")
    ordered.push(org)
  }
  for (const org of newOrgs.values()) visit(org)
  if (errors.length > 0) return Result.fail(errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)))

  // Members.
  const joining = new Map<string, Array<MemberRow>>()
  const register: Array<MemberRow> = []
  const transfers: Array<{ row: MemberRow; fromOrgId: string }> = []
  // Participation: the rows with a later date and, for members already in the store (by their index among
  // them), the dates the store has. References, not an entry per date: the entries are made only when
  // `participation` is asked for.
  const participants: Array<MemberRow> = []
  const storedSince = new Map<number, Partial<Record<"orgLife" | "dues", string>>>()
  const storedParticipation: Array<{ row: MemberRow; kind: "orgLife" | "dues"; at: string }> = []
  let participationCount = 0
  const participate = (row: MemberRow, since: Partial<Record<"orgLife" | "dues", string>> | undefined) => {
    const entries = participationOf(row, since ?? {})
    if (entries.length === 0) return
    if (since !== undefined) storedSince.set(participants.length, since)
    participants.push(row)
    participationCount += entries.length
    if (since !== undefined) { for (const { at, kind } of entries) storedParticipation.push({ row, kind, at }) }
  }
  for (const row of roster.members.values()) {
    const stored = memberInStore(row.memberId)
    if (stored === undefined || stored.status === "none") {
      if (newOrgs.has(row.orgId)) {
        const list = joining.get(row.orgId) ?? []
        list.push(row)
        joining.set(row.orgId, list)
      } else register.push(row)
      participate(row, undefined)
      continue
    }
    if (!activeStatuses.has(stored.status)) {
      unapplied.push({
        line: row.line,
        code: "cli.sync.memberClosed",
        params: { memberId: row.memberId, status: stored.status }
      })
      continue
    }
    if (stored.orgId !== row.orgId) {
      if (stored.transfer?.status === "inTransit") {
        unapplied.push({
          line: row.line,
          code: "cli.sync.transferOpen",
          params: { memberId: row.memberId, transferId: stored.transfer.transferId }
        })
      } else transfers.push({ row, fromOrgId: stored.orgId ?? "" })
    }
    const status = stored.status === "suspended" ? undefined : stored.status
    if (status !== undefined && status !== row.status) {
      unapplied.push({
        line: row.line,
        code: "cli.sync.statusDiffers",
        params: { memberId: row.memberId, stored: status, listed: row.status }
      })
    }
    participate(row, stored.lastParticipation)
  }

  // Departures: members of the file's organizations (as the store has them) that the file no longer lists.
  const departures: Array<{ memberId: string; orgId: string }> = []
  if (options.mode === "sync") {
    for (const member of Object.values(state.members.members)) {
      if (!activeStatuses.has(member.status) || member.orgId === undefined) continue
      if (roster.orgs.has(member.orgId) && !roster.members.has(member.memberId)) {
        departures.push({ memberId: member.memberId, orgId: member.orgId })
      }
    }
    departures.sort((a, b) => (a.orgId === b.orgId ? (a.memberId < b.memberId ? -1 : 1) : a.orgId < b.orgId ? -1 : 1))
  }

  const establish = ordered.map((org) => ({ org, members: joining.get(org.orgId) ?? [] }))
  // `participation` and the steps are made when they are asked for: `stage` takes the steps one at a time and lets
  // each go once it is decided, so a county's half a million commands are never all held at once.
  let participation: Plan["participation"] | undefined
  let steps: ReadonlyArray<Step> | undefined
  const planned: Plan = {
    establish,
    register,
    transfers,
    get participation() {
      return (participation ??= participants.flatMap((row, i) => {
        const since = storedSince.get(i)
        return participationOf(row, since ?? {}).map(({ at, kind }) => ({
          row,
          kind,
          at,
          registered: since === undefined
        }))
      }))
    },
    participationCount,
    storedParticipation,
    departures,
    unapplied: unapplied.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    date: options.date,
    get steps() {
      return (steps ??= [...stepsOf(planned)])
    }
  }
  return Result.succeed(planned)
}

/**
 * The commands of a plan, in order, made one at a time: establishments with their members (parents first),
 * registrations, transfers, the participation of members already in the store. A member the plan registers has
 * its participation recorded right after its registration: its events lie together in the log, so a read model
 * rebuilt from it writes the member's row once instead of once per part of the plan.
 *
 * @category planning
 * @since 0.3.0
 */
export function* stepsOf(plan: Omit<Plan, "steps">): Generator<Step> {
  function* registerSteps(row: MemberRow, at: string): Generator<Step> {
    yield {
      command: {
        _tag: "RegisterMember",
        memberId: row.memberId,
        orgId: row.orgId,
        status: row.status,
        ...(row.probationEndsAt === undefined ? {} : { probationEndsAt: row.probationEndsAt }),
        at
      },
      lines: [row.line]
    }
    for (const { at, kind } of participationOf(row, {})) yield participationStep(row, kind, at)
  }
  for (const { members, org } of plan.establish) {
    yield {
      command: {
        _tag: "EstablishOrganization",
        orgId: org.orgId,
        name: org.name,
        kind: org.kind,
        formation: org.formation,
        locus: org.locus,
        ...(org.parentId === undefined ? {} : { parentId: org.parentId }),
        approval: org.approval,
        initialMembers: members.map((m) => ({ memberId: m.memberId, status: m.status })),
        at: org.approval.at
      },
      lines: org.lines
    }
    // R38: the member stream of a member already in the Party, at the organization that lists them
    for (const member of members) yield* registerSteps(member, org.approval.at)
  }
  for (const row of plan.register) yield* registerSteps(row, plan.date)
  for (const { row } of plan.transfers) {
    const transferId = `sync-${plan.date}-${row.memberId}`
    yield {
      command: { _tag: "IssueTransferLetter", memberId: row.memberId, transferId, toOrgId: row.orgId, at: plan.date },
      lines: [row.line]
    }
    yield { command: { _tag: "ReceiveTransfer", memberId: row.memberId, transferId, at: plan.date }, lines: [row.line] }
  }
  for (const { at, kind, row } of plan.storedParticipation) yield participationStep(row, kind, at)
}

/**
 * The number of commands of a plan, without making them.
 *
 * @category getters
 * @since 0.3.0
 */
export const stepCount = (plan: Omit<Plan, "steps">): number =>
  plan.establish.reduce((n, e) => n + 1 + e.members.length, 0) + plan.register.length + 2 * plan.transfers.length
  + plan.participationCount

/**
 * The outcome of an applied (or staged) plan.
 *
 * @category models
 * @since 0.2.0
 */
export interface Applied {
  readonly organizations: number
  readonly members: number
  readonly transfers: number
  readonly participation: number
  readonly events: number
}

/**
 * Decides every command of a plan on the staging area; fails with every rejection (on the lines it comes
 * from), else returns the number of events staged. Nothing is written to the store.
 *
 * @category applying
 * @since 0.2.0
 */
export const stage = (
  staging: Staging.Staging,
  plan: Plan,
  options: {
    readonly locale: Locale
    readonly actor?: string
    readonly onProgress?: (done: number, total: number) => Effect.Effect<void>
  }
): Effect.Effect<number, Array<RowError>> =>
  Effect.gen(function*() {
    const errors: Array<RowError> = []
    const failedMembers = new Set<string>()
    let done = 0
    let events = 0
    const total = stepCount(plan)
    const executeOptions = options.actor === undefined ? {} : { actor: options.actor }
    for (const step of stepsOf(plan)) {
      done++
      if (options.onProgress !== undefined && (done % 500 === 0 || done === total)) {
        yield* options.onProgress(done, total)
      }
      // A member whose registration or establishment was rejected: its later commands would only echo that.
      const memberId = (step.command as { readonly memberId?: string }).memberId
      if (memberId !== undefined && failedMembers.has(memberId)) continue
      const executed = yield* Effect.result(Dangjian.execute(step.command, executeOptions))
      if (Result.isSuccess(executed)) {
        events += executed.success.events.length
        continue
      }
      if (memberId !== undefined) failedMembers.add(memberId)
      if (step.command._tag === "EstablishOrganization") {
        for (const member of step.command.initialMembers) failedMembers.add(member.memberId)
      }
      const error = executed.failure as { readonly ruleId?: string; readonly code?: unknown; readonly params?: unknown }
      const reason = `${error.ruleId === undefined ? "" : `[${error.ruleId}] `}${
        typeof error.code === "string" ? Messages.render(error as never, options.locale) : String(executed.failure)
      }`
      for (const line of step.lines) errors.push({ line, code: "cli.row.rejected", params: { reason } })
    }
    if (errors.length > 0) return yield* Effect.fail(errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)))
    return events
  }).pipe(
    // Every command is decided on the staging area: provided once, not once per command (`Staging.execute`).
    Staging.onStaging(staging)
  )

/**
 * Stages a plan and writes it all or nothing, in parts inside one store transaction ({@link Staging.transact});
 * fails with every rejection (nothing written) or with `StoreChanged` when the store changed meanwhile (nothing
 * written). With `readUpTo`, the global position the plan's state was read up to ({@link readState}), a change
 * to a stream the plan's commands read after that position is `StoreChanged` too, before anything is committed
 * — also when it made a command fail (the plan rests on what the store no longer holds: that is the change to
 * report, not the command).
 *
 * @category applying
 * @since 0.2.0
 */
export const apply = (
  plan: Plan,
  options: {
    readonly locale: Locale
    readonly actor?: string
    readonly onProgress?: (done: number, total: number) => Effect.Effect<void>
    readonly onWrite?: Effect.Effect<void>
    readonly readUpTo?: number
  }
): Effect.Effect<
  Applied,
  Array<RowError> | Staging.StoreChanged | unknown,
  EventStore.EventStore | ReadModel.ReadModelStore
> =>
  Effect.gen(function*() {
    const readUpTo = options.readUpTo
    const storeChanged: Staging.StoreChanged = { _tag: "StoreChanged" }
    const { events } = yield* Staging.transact((staging) =>
      Effect.gen(function*() {
        const changed = readUpTo === undefined ? Effect.succeed(false) : Staging.changedAfter(staging, readUpTo)
        yield* stage(staging, plan, options).pipe(
          Effect.catch((errors) =>
            Effect.flatMap(
              changed,
              (yes): Effect.Effect<never, Array<RowError> | Staging.StoreChanged> =>
                yes ? Effect.fail(storeChanged) : Effect.fail(errors)
            )
          )
        )
        if (yield* changed) return yield* Effect.fail(storeChanged)
        if (options.onWrite !== undefined) yield* options.onWrite
      })
    )
    return {
      organizations: plan.establish.length,
      members: plan.establish.reduce((n, e) => n + e.members.length, 0) + plan.register.length,
      transfers: plan.transfers.length,
      participation: plan.participationCount,
      events
    }
  })
