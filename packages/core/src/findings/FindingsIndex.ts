/**
 * The findings index: every member's findings under one policy timeline, kept as the days they change on, so a
 * count of findings as of any date reads a few large rows instead of every member's whole history, and judges nobody
 * whose findings only depend on time passing (R39's lapse, R37's end of probation, R43's letter…).
 *
 * For each state of a member's roster timeline, the index keeps {@link Member.findingsSchedule} of that state from its
 * date until the next state's: each stretch with the member's affiliation and its findings' rule, severity and
 * message code, members packed 256 to a row. It is judged with an empty meeting register and without the
 * organizations, so it leaves to the query's own judgement the members whose findings depend on more than their own
 * history: a member whose organization records its meetings or who took part in one (R61; the query's
 * `judgeOrganizations` and `judgeMembers`), a mobile member (R45's origin, R11's count at a host) and a member without
 * an affiliation. Those, and every member with an event after the index's checkpoint, come back as
 * {@link IndexedPage.unindexed}.
 *
 * The index is kept in the store of keyed read models under a name of the policy timeline's hash
 * ({@link modelOf}): another timeline has its own index. Its checkpoint says which events its rows reflect;
 * {@link catchUp} rewrites the rows of the members with events since, and builds the index the first time. A build
 * writes its rows under keys of its own (its epoch), a page at a time, and moves the checkpoint last with a meta row
 * naming its epoch: rows of a build that did not finish (a crash, a second builder that lost the race) are never read,
 * and the next build deletes them.
 *
 * @since 0.4.0
 */
import { Clock, Effect, Random } from "effect"
import type { ReadError } from "../kernel/errors.ts"
import { StoreUnavailable } from "../kernel/errors.ts"
import { EventStore } from "../kernel/EventStore.ts"
import * as ReadModel from "../kernel/ReadModel.ts"
import type { LegalDate } from "../LegalDate.ts"
import { daysBetween } from "../LegalDate.ts"
import * as MeetingRegister from "../meeting/projections/MeetingRegister.ts"
import { findingsSchedule } from "../member/findings.ts"
import * as MemberRoster from "../member/projections/Roster.ts"
import type { MemberState } from "../member/state.ts"
import type { Policies } from "../organization/decide.ts"
import type { Finding, Severity } from "./Finding.ts"
import { namesOrganizations } from "./Finding.ts"

// ---------------------------------------------------------------------------------------------------------
// Models
// ---------------------------------------------------------------------------------------------------------

/**
 * What the index keeps of a finding: enough to count it by rule, severity, area (the code's prefix) and
 * organization. The same object for every finding with the same four.
 *
 * @category models
 * @since 0.4.0
 */
export interface IndexedFinding {
  readonly ruleId: string
  readonly severity: Severity
  readonly code: string
  /**
   * Whether its params name an organization (`Finding.namesOrganizations`: a transfer's origin and destination, a
   * check-in's community…), which the index does not keep: a count by organization that must know them judges the
   * member from its row. Otherwise the finding concerns the member's affiliation only.
   */
  readonly namesOrganizations: boolean
}

/**
 * Findings on a date, from the index: an affiliation on that date and what the findings are.
 *
 * @category models
 * @since 0.4.0
 */
export interface IndexedFindings {
  readonly orgId: string
  readonly findings: ReadonlyArray<IndexedFinding>
}

/**
 * A member's findings on a date, from the index: the member's affiliation on that date and what its findings are.
 *
 * @category models
 * @since 0.4.0
 */
export interface IndexedMember extends IndexedFindings {
  readonly memberId: string
}

/**
 * Members with the same affiliation and the same findings on a date, counted ({@link ReadOptions.group}).
 *
 * @category models
 * @since 0.4.0
 */
export interface IndexedGroup extends IndexedFindings {
  /** How many members. */
  readonly members: number
}

/**
 * One page of {@link forEachPage}: the members of the page with findings on the date, one by one in `indexed` or
 * counted in `groups` ({@link ReadOptions.group}), and the members whose findings the index does not hold for the date
 * (judge them from their rows).
 *
 * @category models
 * @since 0.4.0
 */
export interface IndexedPage {
  readonly indexed: ReadonlyArray<IndexedMember>
  readonly groups: ReadonlyArray<IndexedGroup>
  readonly unindexed: ReadonlyArray<string>
}

/**
 * What a {@link catchUp} did: the checkpoint it left and how many members' rows it wrote.
 *
 * @category models
 * @since 0.4.0
 */
export interface CaughtUp {
  readonly position: number
  readonly members: number
  /** Whether it built the index from zero. */
  readonly rebuilt: boolean
}

/**
 * The rows' format and the judgement they were made with. A change to any member finding changes what a row
 * should hold, so it changes this version (a test fingerprints the findings of a fixed set of members and fails
 * until it is raised), and the next catch-up builds the index again.
 *
 * @category models
 * @since 0.4.0
 */
export const version = 3

// The rows are buckets of members in key order, about `bucketSize` each, kept under "<epoch>.<number>" (a build's
// rows never overwrite another's). A bucket is [orgs, members]: `members` is one string of lines, one per member: the
// length of its id in base 36, ":", the id, its stretches, "\n". The stretches pack each stretch as its first day
// ({@link dayCode}: 5 characters), the number of the member's affiliation in `orgs` in base 36 ("-": the member is
// judged from its row on these days), ":", the numbers of its findings in the meta row's list, in base 36, separated by
// ",", and ";". A few large strings: the store parses them at once, and a query decodes only the stretch of its date.
type Bucket = readonly [orgs: ReadonlyArray<string>, members: string]
// The meta row: the epoch of the build the checkpoint belongs to, every finding a row names ("ruleId|severity|code|o"
// when its params name an organization, else "ruleId|severity|code|"), and each bucket's first key (the first bucket's
// is "", below every key). No bucket's key starts with "~".
type Meta = readonly [epoch: string, findings: ReadonlyArray<string>, bounds: ReadonlyArray<string>]
const metaKey = "~m"
const bucketSize = 256

// A day as the days since 0000-01-01 in base 36, five characters wide (up to 60 million days: every legal date): half a
// date's ten, and in the same order as text, so a query still finds its stretch by comparing characters. A province's
// index is a third smaller for it (its members' lines are mostly days).
const dayCodeLength = 5
const lastDayCode = 36 ** dayCodeLength - 1
const dayCode = (date: LegalDate): string =>
  Math.min(Math.max(daysBetween("0000-01-01", date), 0), lastDayCode).toString(36).padStart(dayCodeLength, "0")

const bucketKey = (epoch: string, n: number) => `${epoch}.${n.toString(36)}`

const isStrings = (value: unknown): value is ReadonlyArray<string> =>
  Array.isArray(value) && value.every((cell) => typeof cell === "string")

const isMeta = (row: unknown): row is Meta =>
  Array.isArray(row) && row.length === 3 && typeof row[0] === "string" && isStrings(row[1]) && isStrings(row[2])
  && row[2].length > 0

const isBucket = (row: unknown): row is Bucket =>
  Array.isArray(row) && row.length === 2 && isStrings(row[0]) && typeof row[1] === "string"

/** The line of the member at `at` in a bucket's members: where its id starts and ends, and where its line ends. */
const lineAt = (
  members: string,
  at: number
): { readonly idStart: number; readonly idEnd: number; readonly end: number } => {
  let length = 0
  let i = at
  for (let c = members.charCodeAt(i); c !== 58 && i < members.length; c = members.charCodeAt(++i)) {
    length = length * 36 + (c <= 57 ? c - 48 : c - 87)
  }
  const idStart = i + 1
  const idEnd = idStart + length
  const end = members.indexOf("\n", idEnd)
  return { idStart, idEnd, end: end < 0 ? members.length : end }
}

/** The bucket a member's key falls in: the last whose first key is not above it. */
const bucketOf = (bounds: ReadonlyArray<string>, memberId: string): number => {
  let low = 0
  let high = bounds.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (ReadModel.compareKeys(bounds[mid]!, memberId) <= 0) low = mid
    else high = mid - 1
  }
  return low
}

// ---------------------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------------------

// A 53-bit hash of a string (cyrb53): the policy timeline's name for its index.
const hashOf = (text: string): string => {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}

/**
 * Where the index of a policy timeline is kept: a keyed read model's name and version in the store.
 *
 * @category models
 * @since 0.4.0
 */
export const modelOf = (policies: Policies): ReadModel.ReadModelKey => ({
  name: `compliance.findings.${hashOf(JSON.stringify(policies))}`,
  version
})

/** The findings rows name, numbered in the order they were first met. */
const numbering = (findings: ReadonlyArray<string>) => {
  const numbers = new Map(findings.map((key, n) => [key, n]))
  // By whether it names an organization, code, severity, then rule: no string is built for a finding met before.
  const byCode = [
    new Map<string, Map<string, Map<string, string>>>(),
    new Map<string, Map<string, Map<string, string>>>()
  ]
  return {
    numberOf: (finding: Finding): string => {
      const naming = namesOrganizations(finding)
      const codes = byCode[naming ? 1 : 0]!
      let bySeverity = codes.get(finding.code)
      if (bySeverity === undefined) codes.set(finding.code, bySeverity = new Map())
      let byRule = bySeverity.get(finding.severity)
      if (byRule === undefined) bySeverity.set(finding.severity, byRule = new Map())
      let number = byRule.get(finding.ruleId)
      if (number === undefined) {
        const key = `${finding.ruleId}|${finding.severity}|${finding.code}|${naming ? "o" : ""}`
        let n = numbers.get(key)
        if (n === undefined) {
          n = numbers.size
          numbers.set(key, n)
        }
        byRule.set(finding.ruleId, number = n.toString(36))
      }
      return number
    },
    all: (): ReadonlyArray<string> => [...numbers.keys()]
  }
}
type Numbering = ReturnType<typeof numbering>

// Every day the query judges the member with the meeting register as of the day; the row's, with none that records
// or names the member: the query judges the member itself when the register does.
const noMeetings = { attendance: MeetingRegister.empty }

/** The affiliation findings are counted under, or `undefined` when the member's findings need more than its history. */
const indexedOrgOf = (memberId: string, state: MemberState): string | undefined =>
  state.mobile === undefined && state.memberId === memberId && typeof state.orgId === "string" && state.orgId !== ""
    ? state.orgId
    : undefined

/**
 * A member's stretches: each state's schedule from its date until the next state's, equal stretches merged; its
 * affiliations numbered in the bucket's `orgs` (added to it).
 */
const stretchesOf = (
  memberId: string,
  timeline: ReadModel.Timeline<MemberState>,
  policies: Policies,
  findings: Numbering,
  orgs: Array<string>
): string => {
  let stretches = ""
  let last: string | undefined
  const push = (from: LegalDate, rest: string) => {
    if (rest === last) return
    stretches += `${dayCode(from)}${rest};`
    last = rest
  }
  for (let i = 0; i < timeline.length; i++) {
    const [date, state] = timeline[i]!
    const until = timeline[i + 1]?.[0]
    const orgId = indexedOrgOf(memberId, state)
    if (orgId === undefined) {
      push(date, "-:")
      continue
    }
    let org = orgs.indexOf(orgId)
    if (org < 0) org = orgs.push(orgId) - 1
    for (
      const stretch of findingsSchedule(
        state,
        policies,
        date,
        until === undefined ? noMeetings : { ...noMeetings, until }
      )
    ) {
      push(stretch.from, `${org.toString(36)}:${stretch.findings.map(findings.numberOf).join(",")}`)
    }
  }
  return stretches
}

/** A bucket being written: its members' stretches by id. */
interface OpenBucket {
  readonly orgs: Array<string>
  readonly entries: Map<string, string>
}

const openBucket = (stored?: unknown): OpenBucket => {
  const entries = new Map<string, string>()
  if (!isBucket(stored)) return { orgs: [], entries }
  const members = stored[1]
  for (let at = 0; at < members.length;) {
    const { end, idEnd, idStart } = lineAt(members, at)
    entries.set(members.slice(idStart, idEnd), members.slice(idEnd, end))
    at = end + 1
  }
  return { orgs: [...stored[0]], entries }
}

const closeBucket = (bucket: OpenBucket): Bucket => {
  let members = ""
  for (const [memberId, stretches] of bucket.entries) {
    members += `${memberId.length.toString(36)}:${memberId}${stretches}\n`
  }
  return [bucket.orgs, members]
}

/** The buckets of some members' timelines, their stored rows read and rewritten with these members' stretches. */
const mergeInto = (
  model: ReadModel.ReadModelKey,
  epoch: string,
  bounds: ReadonlyArray<string>,
  timelines: ReadonlyMap<string, ReadModel.Timeline<MemberState>>,
  policies: Policies,
  findings: Numbering
) =>
  Effect.gen(function*() {
    const rows = yield* ReadModel.ReadModelStore
    const byBucket = new Map<number, Array<string>>()
    for (const memberId of timelines.keys()) {
      const n = bucketOf(bounds, memberId)
      const members = byBucket.get(n)
      if (members === undefined) byBucket.set(n, [memberId])
      else members.push(memberId)
    }
    const keys = [...byBucket.keys()].map((n) => bucketKey(epoch, n))
    const stored = keys.length === 0 ? new Map<string, unknown>() : yield* rows.get(model, keys)
    const out: Array<readonly [string, unknown]> = []
    for (const [n, members] of byBucket) {
      const key = bucketKey(epoch, n)
      const bucket = openBucket(stored.get(key))
      for (const memberId of members) {
        bucket.entries.set(memberId, stretchesOf(memberId, timelines.get(memberId)!, policies, findings, bucket.orgs))
      }
      out.push([key, closeBucket(bucket)])
    }
    return out
  })

// ---------------------------------------------------------------------------------------------------------
// Keeping it current
// ---------------------------------------------------------------------------------------------------------

/** The members with events after `after`, and the position of the last event read. */
const membersChangedAfter = (after: number, batchSize: number) =>
  Effect.gen(function*() {
    const store = yield* EventStore
    const changed = new Set<string>()
    let position = after
    while (true) {
      const batch = yield* store.readAll({ after: position, limit: batchSize })
      for (const envelope of batch) {
        const memberId = MemberRoster.readModel.keyOf(envelope)
        if (memberId !== undefined) changed.add(memberId)
      }
      if (batch.length > 0) position = batch[batch.length - 1]!.globalPosition
      if (batch.length < batchSize) break
    }
    return { changed, position }
  })

/**
 * Options of {@link catchUp}.
 *
 * @category models
 * @since 0.4.0
 */
export interface CatchUpOptions {
  /** Members read at a time in a build (default 10,000). */
  readonly pageSize?: number
  /** Events read at a time (default 5,000). */
  readonly batchSize?: number
  /**
   * Above this many members with events since the checkpoint, the index is built again instead (default 50,000): a
   * catch-up writes every changed member's bucket in one commit, a build a page at a time.
   */
  readonly buildAbove?: number
  /** Called after each page of a build, with the members indexed so far. */
  readonly onProgress?: (members: number) => Effect.Effect<void>
}

const newEpoch = Effect.map(
  Effect.all([Clock.currentTimeMillis, Random.nextInt]),
  ([millis, n]) => `${millis.toString(36)}.${(n >>> 0).toString(36)}`
)

// A build writes every member's bucket under its own epoch, a page at a time with the checkpoint where it was, and
// moves the checkpoint last, with the meta row of its epoch; then deletes the rows of other epochs, which no reader
// reads once the meta row names another.
const build = (policies: Policies, from: number, options: CatchUpOptions | undefined) =>
  Effect.gen(function*() {
    const rows = yield* ReadModel.ReadModelStore
    const model = modelOf(policies)
    const epoch = yield* newEpoch
    const findings = numbering([])
    const bounds: Array<string> = [""]
    let bucket = openBucket()
    let members = 0
    let lastKey: string | undefined
    // Members the roster gives out of key order (entities only the events after its checkpoint know of, keys kept
    // escaped): their buckets are written after the rest.
    const late = new Map<string, ReadModel.Timeline<MemberState>>()
    const written: Array<readonly [string, unknown]> = []
    const close = () => {
      if (bucket.entries.size === 0) return
      written.push([bucketKey(epoch, bounds.length - 1), closeBucket(bucket)])
      bucket = openBucket()
    }
    const { position } = yield* ReadModel.forEachPage(MemberRoster.readModel, (timelines) => {
      for (const [memberId, timeline] of timelines) {
        members++
        if (lastKey !== undefined && ReadModel.compareKeys(memberId, lastKey) <= 0) {
          late.set(memberId, timeline)
          continue
        }
        if (bucket.entries.size === bucketSize) {
          close()
          bounds.push(memberId)
        }
        bucket.entries.set(memberId, stretchesOf(memberId, timeline, policies, findings, bucket.orgs))
        lastKey = memberId
      }
      const progress = options?.onProgress?.(members) ?? Effect.void
      return written.length === 0
        ? progress
        : Effect.andThen(rows.commit(model, { from, to: from, rows: written.splice(0) }), progress)
    }, { pageSize: options?.pageSize ?? 10_000, batchSize: options?.batchSize ?? 5_000 })
    close()
    if (written.length > 0) yield* rows.commit(model, { from, to: from, rows: written.splice(0) })
    const lateRows = yield* mergeInto(model, epoch, bounds, late, policies, findings)
    const meta: Meta = [epoch, findings.all(), bounds]
    yield* rows.commit(model, { from, to: position, rows: [...lateRows, [metaKey, meta]] })
    yield* deleteOtherEpochs(model, epoch, position)
    return { position, members, rebuilt: true } satisfies CaughtUp
  })

/** Deletes the rows of other builds than `epoch`'s; left for the next build if a catch-up moves the checkpoint. */
const deleteOtherEpochs = (model: ReadModel.ReadModelKey, epoch: string, position: number) =>
  Effect.gen(function*() {
    const rows = yield* ReadModel.ReadModelStore
    const prefix = `${epoch}.`
    const stale: Array<readonly [string, undefined]> = []
    let after: string | undefined
    while (true) {
      const page = yield* rows.scan(model, { after, limit: 100 })
      let skip = false
      for (const [key] of page) {
        if (key.startsWith(prefix)) skip = true
        else if (key !== metaKey) stale.push([key, undefined])
      }
      if (page.length < 100) break
      // The epoch's own rows are contiguous: the first key after them is above "<epoch>/" ("/" follows ".").
      after = skip ? `${epoch}/` : page[page.length - 1]![0]
    }
    if (stale.length > 0) {
      yield* Effect.ignore(rows.commit(model, { from: position, to: position, rows: stale }))
    }
  })

// A catch-up rewrites the buckets of the members with events since the checkpoint, with the meta row and the new
// checkpoint, in one commit: two runners never mix their rows.
const catchUpOnce = (policies: Policies, options: CatchUpOptions | undefined) =>
  Effect.gen(function*() {
    const rows = yield* ReadModel.ReadModelStore
    const model = modelOf(policies)
    const from = yield* rows.position(model)
    const meta = from === 0 ? undefined : (yield* rows.get(model, [metaKey])).get(metaKey)
    if (!isMeta(meta)) return yield* build(policies, from, options)
    const { changed, position } = yield* membersChangedAfter(from, options?.batchSize ?? 5_000)
    if (changed.size > (options?.buildAbove ?? 50_000)) return yield* build(policies, from, options)
    if (position === from) return { position, members: 0, rebuilt: false } satisfies CaughtUp
    const [epoch, known, bounds] = meta
    const findings = numbering(known)
    const { timelines } = yield* ReadModel.loadCurrent(MemberRoster.readModel, { keys: changed })
    const written = yield* mergeInto(model, epoch, bounds, timelines, policies, findings)
    const next = findings.all()
    yield* rows.commit(model, {
      from,
      to: position,
      rows: next.length > known.length ? [...written, [metaKey, [epoch, next, bounds]]] : written
    })
    return { position, members: timelines.size, rebuilt: false } satisfies CaughtUp
  })

/**
 * Brings the index of a policy timeline up to the log's head: rewrites the buckets of the members with events since
 * its checkpoint, with the new checkpoint, in one commit; or builds it, when it has none or when more than
 * `buildAbove` members changed. Safe to run from several processes at once: a runner whose commit finds the
 * checkpoint moved reads it again and goes on from there.
 *
 * @category running
 * @since 0.4.0
 */
export const catchUp = (
  policies: Policies,
  options?: CatchUpOptions
): Effect.Effect<CaughtUp, ReadError, EventStore | ReadModel.ReadModelStore> => {
  const attempt = (left: number): Effect.Effect<CaughtUp, ReadError, EventStore | ReadModel.ReadModelStore> =>
    Effect.catchTag(catchUpOnce(policies, options), "CheckpointMoved", (moved) =>
      left > 0
        ? attempt(left - 1)
        : Effect.fail(
          new StoreUnavailable({
            operation: "findingsIndex.catchUp",
            reason: `${moved.readModel}: checkpoint keeps moving`
          })
        ))
  return attempt(8).pipe(Effect.withSpan("dangjian.findingsIndex.catchUp"))
}

/**
 * Builds the index of a policy timeline again, whatever it holds: the rows of the previous build count until the new
 * one finishes, and are deleted then.
 *
 * @category running
 * @since 0.4.0
 */
export const rebuild = (
  policies: Policies,
  options?: CatchUpOptions
): Effect.Effect<CaughtUp, ReadError, EventStore | ReadModel.ReadModelStore> =>
  ReadModel.ReadModelStore.use((rows) => rows.position(modelOf(policies))).pipe(
    Effect.flatMap((from) => build(policies, from, options)),
    Effect.catchTag("CheckpointMoved", () => catchUp(policies, options)),
    Effect.withSpan("dangjian.findingsIndex.rebuild")
  )

// ---------------------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------------------

/**
 * Options of {@link forEachPage}.
 *
 * @category models
 * @since 0.4.0
 */
export interface ReadOptions {
  /** Rows read at a time (default 10,000). */
  readonly pageSize?: number
  /** Events read at a time (default 5,000). */
  readonly batchSize?: number
  /** Members to judge from their rows although the index holds them (R61: those the meeting register names). */
  readonly judgeMembers?: Iterable<string>
  /**
   * Organizations whose members on the date are judged from their rows although the index holds them (R61: those that
   * record their meetings).
   */
  readonly judgeOrganizations?: Iterable<string>
  /**
   * Counts instead of lists: the members with the same affiliation and the same findings come as one
   * {@link IndexedGroup} in `groups`, without their ids: what a count by organization, rule and severity needs, for a
   * fraction of the work (no member's id is read but those of the members to judge). The members of a group that
   * `split` picks come one by one in `indexed` all the same.
   */
  readonly group?: {
    readonly split?: (group: IndexedFindings) => boolean
  }
}

/** Whether the day at `at` in `text` ({@link dayCode}) is on or before the day `day` (a day code too). */
const onOrBefore = (text: string, at: number, day: string): boolean => {
  for (let i = 0; i < dayCodeLength; i++) {
    const a = text.charCodeAt(at + i)
    const b = day.charCodeAt(i)
    if (a !== b) return a < b
  }
  return true
}

/**
 * Every member's findings on a date from the index of a policy timeline, a page of members at a time, without
 * writing: members with findings come in `indexed`, or counted in `groups` ({@link ReadOptions.group}); members the
 * index does not hold for the date (see the module's description, every member with an event after the checkpoint,
 * and those of `judgeMembers` and `judgeOrganizations`) come in `unindexed`, each once, and must be judged from their
 * rows. Members without findings on the date come in none of them. Returns `false`, with no page, when the index was
 * never built (every member must be judged).
 *
 * @category reading
 * @since 0.4.0
 */
export const forEachPage = <E, R>(
  policies: Policies,
  asOf: LegalDate,
  onPage: (page: IndexedPage) => Effect.Effect<void, E, R>,
  options?: ReadOptions
): Effect.Effect<boolean, ReadError | E, EventStore | ReadModel.ReadModelStore | R> =>
  Effect.gen(function*() {
    const rows = yield* ReadModel.ReadModelStore
    const model = modelOf(policies)
    const position = yield* rows.position(model)
    const meta = position === 0 ? undefined : (yield* rows.get(model, [metaKey])).get(metaKey)
    if (!isMeta(meta)) return false
    const [epoch, known, bounds] = meta
    const { changed } = yield* membersChangedAfter(position, options?.batchSize ?? 5_000)
    const judgeMembers = new Set(options?.judgeMembers)
    const judgeOrganizations = new Set(options?.judgeOrganizations)
    // The buckets that hold a member to look at by id (changed since the checkpoint, or to be judged): only there are
    // the members' ids read; elsewhere a member is its stretch of the date.
    const watched = new Set<number>()
    for (const memberId of changed) watched.add(bucketOf(bounds, memberId))
    for (const memberId of judgeMembers) watched.add(bucketOf(bounds, memberId))
    const group = options?.group
    const split = group?.split
    const findingAt = known.map((key): IndexedFinding => {
      const bar = key.indexOf("|")
      const second = key.indexOf("|", bar + 1)
      const last = key.lastIndexOf("|")
      return {
        ruleId: key.slice(0, bar),
        severity: key.slice(bar + 1, second) as Severity,
        code: key.slice(second + 1, last),
        namesOrganizations: key.slice(last + 1) === "o"
      }
    })
    // The same list for every member whose stretch names the same findings.
    const decoded = new Map<string, ReadonlyArray<IndexedFinding> | undefined>()
    const decode = (numbers: string): ReadonlyArray<IndexedFinding> | undefined => {
      if (decoded.has(numbers)) return decoded.get(numbers)
      const list = numbers.split(",").map((n) => findingAt[Number.parseInt(n, 36)])
      const found = list.every((f) => f !== undefined) ? list : undefined
      decoded.set(numbers, found)
      return found
    }
    const prefix = `${epoch}.`
    const asOfDay = dayCode(asOf)
    const limit = Math.max(1, Math.ceil((options?.pageSize ?? 10_000) / bucketSize))
    let after = epoch
    let done = false
    while (!done) {
      const page = yield* rows.scan(model, { after, limit })
      const indexed: Array<IndexedMember> = []
      const groups: Array<IndexedGroup> = []
      const unindexed: Array<string> = []
      for (const [key, bucket] of page) {
        if (!key.startsWith(prefix)) {
          done = true
          break
        }
        if (!isBucket(bucket)) continue
        const [orgs, members] = bucket
        const byId = watched.has(Number.parseInt(key.slice(prefix.length), 36))
        // What each stretch (its affiliation's number in the bucket and its findings' numbers) comes to, found once a
        // bucket: a group's count, or what to do with each member instead.
        const stretches = new Map<string, Stretch>()
        for (let line = 0; line < members.length;) {
          const { end: lineEnd, idEnd, idStart } = lineAt(members, line)
          line = lineEnd + 1
          const memberId = byId ? members.slice(idStart, idEnd) : undefined
          if (memberId !== undefined && changed.size > 0 && changed.delete(memberId)) {
            unindexed.push(memberId)
            continue
          }
          // The stretch of the date: the last that starts on or before it (none: not yet a member), looked for from
          // the last (a date near today is in one of the last). Stretches hold no ";" of the id's.
          let end = lineEnd - 1
          let at = -1
          while (end > idEnd) {
            const start = Math.max(members.lastIndexOf(";", end - 1) + 1, idEnd)
            if (onOrBefore(members, start, asOfDay)) {
              at = start
              break
            }
            end = start - 1
          }
          if (at < 0) continue
          if (memberId !== undefined && judgeMembers.has(memberId)) {
            unindexed.push(memberId)
            continue
          }
          const text = members.slice(at + dayCodeLength, end)
          let stretch = stretches.get(text)
          if (stretch === undefined) {
            const colon = text.indexOf(":")
            const orgMark = text.slice(0, colon)
            const orgId = orgMark === "-" ? undefined : orgs[Number.parseInt(orgMark, 36)]
            const findings = colon + 1 === text.length ? [] : decode(text.slice(colon + 1))
            stretch = orgId === undefined || judgeOrganizations.has(orgId) || findings === undefined
              ? unindexedStretch
              : findings.length === 0
              ? noFindings
              : group === undefined || (split !== undefined && split({ orgId, findings }))
              ? { kind: "members", orgId, findings }
              : { kind: "group", group: { orgId, findings, members: 0 } }
            stretches.set(text, stretch)
          }
          switch (stretch.kind) {
            case "none":
              continue
            case "unindexed":
              unindexed.push(memberId ?? members.slice(idStart, idEnd))
              continue
            case "members":
              indexed.push({
                memberId: memberId ?? members.slice(idStart, idEnd),
                orgId: stretch.orgId,
                findings: stretch.findings
              })
              continue
            case "group":
              stretch.group.members++
          }
        }
        for (const stretch of stretches.values()) if (stretch.kind === "group") groups.push(stretch.group)
      }
      if (indexed.length > 0 || groups.length > 0 || unindexed.length > 0) {
        yield* onPage({ indexed, groups, unindexed })
      }
      if (page.length < limit) break
      after = page[page.length - 1]![0]
    }
    // Members the index has no row of: new since the checkpoint.
    const rest = [...changed]
    const pageSize = options?.pageSize ?? 10_000
    for (let start = 0; start < rest.length; start += pageSize) {
      yield* onPage({ indexed: [], groups: [], unindexed: rest.slice(start, start + pageSize) })
    }
    return true
  }).pipe(Effect.withSpan("dangjian.findingsIndex.read", { attributes: { "dangjian.asOf": asOf } }))

/** What a stretch of a bucket comes to for the members whose stretch of the date it is. */
type Stretch =
  | { readonly kind: "none" }
  | { readonly kind: "unindexed" }
  | { readonly kind: "members"; readonly orgId: string; readonly findings: ReadonlyArray<IndexedFinding> }
  | {
    readonly kind: "group"
    readonly group: { readonly orgId: string; readonly findings: ReadonlyArray<IndexedFinding>; members: number }
  }

const noFindings: Stretch = { kind: "none" }
const unindexedStretch: Stretch = { kind: "unindexed" }
