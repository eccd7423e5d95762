/**
 * The organization tree read model: every organization's state (kind, parent, locus, roster counts,
 * leadership, term) folded from the organization streams of the global log, with queries for the tree
 * (roots, children, subtree counts) and a text rendering. {@link asOf} builds the same model as of any legal
 * date, by leaving out the events that took effect later; the organization's findings assess it (see
 * `organization/findings.ts`).
 *
 * The model reuses the aggregate's own `evolve`, so the projection and a replay of each stream can never
 * disagree on counts.
 *
 * @since 0.1.0
 */
import { Effect, Option } from "effect"
import type { Envelope } from "../../kernel/Envelope.ts"
import type { ReadError } from "../../kernel/errors.ts"
import type { EventStore } from "../../kernel/EventStore.ts"
import type { Locale, MessageParams } from "../../kernel/Message.ts"
import { renderWith } from "../../kernel/Message.ts"
import * as Projection from "../../kernel/Projection.ts"
import * as ReadModel from "../../kernel/ReadModel.ts"
import { lookup, put } from "../../kernel/records.ts"
import type { LegalDate } from "../../LegalDate.ts"
import { fromIso } from "../../LegalDate.ts"
import type { OrganizationEvent } from "../events.ts"
import { organizationMessages } from "../messages.ts"
import type { RosterStatus } from "../model.ts"
import type { OrganizationState } from "../state.ts"
import { evolve, initialState } from "../state.ts"
import { orgIdOf } from "../stream.ts"
import { subtreeCounts } from "../subtree.ts"

/**
 * Every organization's state, by organization id.
 *
 * @category models
 * @since 0.1.0
 */
export interface TreeView {
  readonly orgs: Readonly<Record<string, OrganizationState>>
}

/**
 * The empty tree.
 *
 * @category constructors
 * @since 0.1.0
 */
export const empty: TreeView = { orgs: {} }

/**
 * A tree of given states (for tests and for callers that load streams themselves).
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromStates = (states: Iterable<OrganizationState>): TreeView => {
  const orgs: Record<string, OrganizationState> = {}
  for (const state of states) if (state.status !== "none") put(orgs, state.orgId, state)
  return { orgs }
}

/**
 * The legal date of a stored event: its `at` field when it has one, else the metadata's `occurredAt`.
 *
 * @category getters
 * @since 0.1.0
 */
export const legalDateOf = (envelope: Envelope): LegalDate => {
  const data = envelope.data as { readonly at?: unknown }
  return typeof data.at === "string" ? data.at : fromIso(envelope.metadata.occurredAt)
}

/**
 * Applies one envelope: events of organization streams update that organization; others are ignored.
 *
 * @category folding
 * @since 0.1.0
 */
export const apply = (view: TreeView, envelope: Envelope): TreeView => {
  const orgId = orgIdOf(envelope.streamId)
  if (orgId === undefined) return view
  const before = lookup(view.orgs, orgId) ?? initialState
  const after = evolve(before, envelope.data as OrganizationEvent)
  if (after === before) return view
  return { orgs: { ...view.orgs, [orgId]: after } }
}

/** Folds a batch, copying the organizations' record once per batch (see `Projection.applyBatch`). */
const applyBatchWhere = (
  view: TreeView,
  envelopes: ReadonlyArray<Envelope>,
  include: (envelope: Envelope) => boolean
): TreeView => {
  let orgs: Record<string, OrganizationState> | undefined
  for (const envelope of envelopes) {
    const orgId = orgIdOf(envelope.streamId)
    if (orgId === undefined || !include(envelope)) continue
    const current = orgs ?? view.orgs
    const before = lookup(current, orgId) ?? initialState
    const after = evolve(before, envelope.data as OrganizationEvent)
    if (after === before) continue
    orgs ??= { ...view.orgs }
    put(orgs, orgId, after)
  }
  return orgs === undefined ? view : { orgs }
}

const always = () => true

/**
 * Folds a batch of envelopes, with the same result as {@link apply} on each in turn.
 *
 * @category folding
 * @since 0.1.0
 */
export const applyBatch = (view: TreeView, envelopes: ReadonlyArray<Envelope>): TreeView =>
  applyBatchWhere(view, envelopes, always)

/**
 * The tree projection (current state).
 *
 * @category projections
 * @since 0.1.0
 */
export const projection: Projection.Projection<TreeView> = Projection.make({
  name: "organization.tree",
  version: 1,
  initialState: empty,
  apply,
  applyBatch
})

/**
 * The tree as of a legal date: events that take effect after `date` are left out.
 *
 * @category projections
 * @since 0.1.0
 */
export const asOf = (date: LegalDate): Projection.Projection<TreeView> => asOfProjection(date)

const asOfProjection = (date: LegalDate): Projection.Projection<TreeView> => {
  const include = (envelope: Envelope) => legalDateOf(envelope) <= date
  return Projection.make({
    name: `organization.tree.asOf.${date}`,
    version: 1,
    initialState: empty,
    apply: (view, envelope) => (include(envelope) ? apply(view, envelope) : view),
    applyBatch: (view, envelopes) => applyBatchWhere(view, envelopes, include)
  })
}

// A roster is a record of up to tens of thousands of member ids, every key its own: parsed from JSON, each becomes a
// property V8 has to hash in, a million of them for a province's tree, most of a report's reading of the tree, and
// a million keys for its collector to copy. A row keeps the roster as one string instead (each member as the
// length of its id in base 36, ":", the id and its status's first letter), and a state read from a row makes the
// record only when its roster is read (few queries read one: R12's party groups, points schemes, decisions).
type StoredState = Omit<OrganizationState, "roster"> & {
  readonly roster: string | Readonly<Record<string, RosterStatus>>
}

const statusOf: Readonly<Record<string, RosterStatus>> = { f: "full", p: "probationary", s: "suspended" }

// The packed rosters of the states decoded from rows whose roster nobody has read yet: such a state is written back
// without making its record.
const unread = new WeakMap<OrganizationState, string>()

const rosterFrom = (packed: string): Readonly<Record<string, RosterStatus>> => {
  const roster: Record<string, RosterStatus> = {}
  let at = 0
  while (at < packed.length) {
    const colon = packed.indexOf(":", at)
    if (colon < 0) break
    const end = colon + 1 + Number.parseInt(packed.slice(at, colon), 36)
    const id = packed.slice(colon + 1, end)
    const status = statusOf[packed.charAt(end)] ?? "full"
    // An assignment defines an own property for every key but `__proto__` (as JSON.parse does), and costs far less.
    if (id === "__proto__") put(roster, id, status)
    else roster[id] = status
    at = end + 1
  }
  return roster
}

const packed = (state: OrganizationState): string => {
  const pending = unread.get(state)
  if (pending !== undefined) return pending
  let out = ""
  for (const id of Object.keys(state.roster)) out += `${id.length.toString(36)}:${id}${state.roster[id]!.charAt(0)}`
  return out
}

/**
 * How the tree's rows keep a state (`ReadModel.StateCodec`): the roster packed in one string, made a record again when
 * a reader reads it. Rows written with the roster as a record (before 0.4.0) decode as they are.
 *
 * @category read models
 * @since 0.4.0
 */
export const stateCodec: ReadModel.StateCodec<OrganizationState> = {
  encode: (state) => {
    const stored: Record<string, unknown> = {}
    // Field by field: the roster of a state nobody read is taken as it was stored, not made and packed again.
    for (const key of Object.keys(state) as ReadonlyArray<keyof OrganizationState>) {
      stored[key] = key === "roster" ? packed(state) : state[key]
    }
    return stored
  },
  decode: (stored) => {
    // Given a row's state just parsed, changed in place: a copy costs as much again as the parse.
    const state = stored as StoredState | null
    if (typeof state !== "object" || state === null || typeof state.roster !== "string") {
      return state as OrganizationState
    }
    unread.set(state as OrganizationState, state.roster)
    Object.defineProperty(state, "roster", { get: readRoster, enumerable: true, configurable: true })
    return state as OrganizationState
  }
}

// One getter for every state read from a row: the record is made from the packed roster on the first read, and
// replaces the getter. Its place among the state's fields is the roster's own, so a state reads and encodes as one
// never stored. Read through an object that inherits from the state, it is the state's roster all the same.
function readRoster(this: OrganizationState): Readonly<Record<string, RosterStatus>> {
  const state = decodedOwner(this) ?? this
  const roster = rosterFrom(unread.get(state) ?? "")
  unread.delete(state)
  Object.defineProperty(state, "roster", { value: roster, enumerable: true, writable: true, configurable: true })
  return roster
}

/** The decoded state whose roster is unread: the object itself, or one it inherits from. */
const decodedOwner = (object: object): OrganizationState | undefined => {
  for (let at: object | null = object; at !== null; at = Object.getPrototypeOf(at) as object | null) {
    if (unread.has(at as OrganizationState)) return at as OrganizationState
  }
  return undefined
}

/**
 * The tree as a keyed read model: one row per organization with its state as of every legal date on which it
 * changed, kept in the store (see `ReadModel`). {@link fromTimelines} turns its rows into the tree as of a date.
 *
 * @category read models
 * @since 0.3.0
 */
export const readModel: ReadModel.ReadModel<OrganizationState> = ReadModel.make({
  name: "organization.tree",
  version: 1,
  mode: "inline",
  keyOf: (envelope) => orgIdOf(envelope.streamId),
  initial: initialState,
  evolve: (state, envelope) => evolve(state, envelope.data as OrganizationEvent),
  dateOf: legalDateOf,
  codec: stateCodec
})

/**
 * The tree as of a date, from the rows of {@link readModel}.
 *
 * @category read models
 * @since 0.3.0
 */
export const fromTimelines = (
  timelines: ReadonlyMap<string, ReadModel.Timeline<OrganizationState>>,
  date: LegalDate
): TreeView => ({ orgs: ReadModel.recordAsOf(readModel, timelines, date) })

/**
 * The tree now, or as of a legal date: from the read model when the environment has a `ReadModelStore` (its
 * rows, with events after its checkpoint folded in memory; nothing is written), otherwise by replaying the log.
 *
 * @category read models
 * @since 0.3.0
 */
export const view = (asOf?: LegalDate): Effect.Effect<TreeView, ReadError, EventStore> =>
  Effect.flatMap(Effect.serviceOption(ReadModel.ReadModelStore), (rows) =>
    Option.isSome(rows)
      ? Effect.provideService(
        Effect.map(ReadModel.loadCurrent(readModel), ({ timelines }) => fromTimelines(timelines, asOf ?? latestDate)),
        ReadModel.ReadModelStore,
        rows.value
      )
      : Effect.map(Projection.replay(asOf === undefined ? projection : asOfProjection(asOf)), (c) => c.state))

// Later than any legal date: the newest state of every timeline.
const latestDate = "9999-12-31"

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

/**
 * The active organizations.
 *
 * @category queries
 * @since 0.1.0
 */
export const active = (view: TreeView): ReadonlyArray<OrganizationState> =>
  Object.values(view.orgs).filter((state) => state.status === "active")

/**
 * The active organizations without an active parent in the view, sorted by id.
 *
 * @category queries
 * @since 0.1.0
 */
export const roots = (view: TreeView): ReadonlyArray<OrganizationState> =>
  active(view)
    .filter((state) => state.parentId === undefined || lookup(view.orgs, state.parentId)?.status !== "active")
    .sort((a, b) => (a.orgId < b.orgId ? -1 : a.orgId > b.orgId ? 1 : 0))

/**
 * The active children of an organization, sorted by id.
 *
 * @category queries
 * @since 0.1.0
 */
export const children = (view: TreeView, orgId: string): ReadonlyArray<OrganizationState> =>
  Object.keys(lookup(view.orgs, orgId)?.children ?? {})
    .sort()
    .map((id) => lookup(view.orgs, id))
    .filter((state): state is OrganizationState => state !== undefined && state.status === "active")

// Full and all members of an organization and everything below it: defined below the read model, where the tree
// decisions can use it too (a decision imports no read model).
export { subtreeCounts } from "../subtree.ts"

/**
 * Renders the tree as indented text: kind, name, id and counts (own, and subtree where it differs).
 *
 * @example
 * ```ts
 * import { OrganizationTree } from "@dangjian/core"
 *
 * OrganizationTree.render(OrganizationTree.empty, "en") // => ""
 * ```
 *
 * @category rendering
 * @since 0.1.0
 */
export const render = (view: TreeView, locale: Locale = "zh-CN"): string => {
  // The organization's own catalog, not `messages/`: a read model sits below the merged catalogs.
  const renderCode = (code: string, params: MessageParams) => renderWith(organizationMessages, code, params, locale)
  const lines: Array<string> = []
  const walk = (state: OrganizationState, depth: number) => {
    const own = { full: state.full, all: state.full + state.probationary }
    const total = subtreeCounts(view, state.orgId)
    const kind = renderCode(`organization.kind.${state.kind}`, {})
    const counts = renderCode("organization.tree.counts", { full: own.full, all: own.all })
    const subtree = total.all !== own.all || total.full !== own.full
      ? " " + renderCode("organization.tree.subtree", { full: total.full, all: total.all })
      : ""
    lines.push(`${"  ".repeat(depth)}${kind} ${state.name} [${state.orgId}] ${counts}${subtree}`)
    for (const child of children(view, state.orgId)) walk(child, depth + 1)
  }
  for (const root of roots(view)) walk(root, 0)
  return lines.join("\n")
}
