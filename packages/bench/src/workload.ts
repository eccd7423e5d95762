/**
 * The workload of shared bench/WORKLOAD.md, shared by every system: the events, the W3 state and fold, the
 * W4 projection and the untimed checks. Stream `organization-<s>` (s = 0..S-1) has exactly 10 events: k = 0
 * `OrganizationEstablished`, k = 1..9 `MemberJoined`.
 */
import { getHeapSpaceStatistics } from "node:v8"

/** The workloads, in the order they are reported. */
export const workloads = ["W1", "W2", "W3", "W4", "W4c"] as const

export type Workload = (typeof workloads)[number]

/** Events per stream. */
export const perStream = 10

// Type aliases, not interfaces: Emmett wants event data assignable to `Record<string, unknown>`.
export type OrganizationEstablished = {
  readonly orgId: string
  readonly name: string
  readonly plan: string
}

export type MemberJoined = {
  readonly orgId: string
  readonly memberId: string
  readonly role: string
}

/** An event as the raw baselines and Emmett see it: a type name and its data. */
export type BenchEvent =
  | { readonly type: "OrganizationEstablished"; readonly data: OrganizationEstablished }
  | { readonly type: "MemberJoined"; readonly data: MemberJoined }

export const streamName = (s: number): string => `organization-${s}`

/** Event k of stream s. */
export const eventOf = (s: number, k: number): BenchEvent =>
  k === 0
    ? { type: "OrganizationEstablished", data: { orgId: `org-${s}`, name: `Organization ${s}`, plan: "standard" } }
    : { type: "MemberJoined", data: { orgId: `org-${s}`, memberId: `member-${s}-${k}`, role: "member" } }

/** The W3 state. */
export interface State {
  readonly established: boolean
  readonly memberCount: number
}

export const initialState: State = { established: false, memberCount: 0 }

/** The W3 fold, on the event's type name and nothing else. */
export const evolveByType = (state: State, type: string): State =>
  type === "OrganizationEstablished"
    ? { established: true, memberCount: 0 }
    : type === "MemberJoined"
    ? { established: state.established, memberCount: state.memberCount + 1 }
    : state

/** The W4 projection step: `Map<orgId, memberCount>`. */
export const project = (counts: Map<string, number>, type: string, orgId: string): void => {
  if (type === "MemberJoined") counts.set(orgId, (counts.get(orgId) ?? 0) + 1)
  else if (!counts.has(orgId)) counts.set(orgId, 0)
}

/** What a timed section measured, before its checks. */
export interface Measurement {
  readonly events: number
  readonly seconds: number
  /** Failed untimed checks; empty when the run counts. */
  readonly failures: ReadonlyArray<string>
  /** Anything worth reporting about how the cell ran (settings, versions). */
  readonly notes?: ReadonlyArray<string>
}

/** Collects failed checks without stopping the run, so a broken cell reports every problem at once. */
export class Checks {
  readonly failures: Array<string> = []
  private mismatches = 0

  /** A per-append version check: cheap enough to run inside a timed loop (one comparison). */
  version(actual: number | bigint, expected: number): void {
    if (Number(actual) !== expected) {
      this.mismatches++
      if (this.mismatches <= 3) this.failures.push(`append returned version ${actual}, expected ${expected}`)
    }
  }

  that(ok: boolean, message: string): void {
    if (!ok) this.failures.push(message)
  }

  /** W3: the folded member counts add up to 9·S. */
  total(total: number, streams: number): void {
    this.that(
      total === (perStream - 1) * streams,
      `W3 total memberCount ${total}, expected ${(perStream - 1) * streams}`
    )
  }

  /** W4/W4c: S keys, each 9. */
  counts(counts: ReadonlyMap<string, number> | Readonly<Record<string, number>>, streams: number): void {
    const entries = counts instanceof Map ? [...counts.entries()] : Object.entries(counts)
    this.that(entries.length === streams, `projection has ${entries.length} keys, expected ${streams}`)
    const wrong = entries.filter(([, n]) => n !== perStream - 1)
    this.that(wrong.length === 0, `${wrong.length} projection keys are not ${perStream - 1}`)
  }

  /** The store holds exactly 10·S events after an append workload. */
  stored(count: number, streams: number): void {
    this.that(count === perStream * streams, `store holds ${count} events, expected ${perStream * streams}`)
  }
}

type GarbageCollector = (options?: { readonly type?: "major" | "minor" }) => void

// Keeps the young-generation warm-up's arrays observable, so that no compiler can drop their allocation.
const warmUpSink: { last: ReadonlyArray<unknown> } = { last: [] }

/**
 * Brings the heap of a cell to the state a long-running process has before a timed section starts, the same for
 * every system:
 *
 * - a full collection, so that no system pays in its timed section for its pre-fill's garbage (a major collection
 *   that happened to fall there made one system's W3 two to five times slower from one run to the next);
 * - then allocating as much short-lived garbage as the young generation holds, and a minor collection, so that the
 *   young generation's pages are in memory. Otherwise a timed section's allocations landed on as many untouched
 *   pages as the pre-fill happened to leave (a page fault each): raw JS's W3 ran at a third of its speed, and one
 *   dangjian W3 in four to eight had ~2,000 faults that made a 15 ms section 40–55 ms.
 *
 * Every cell runs with `--expose-gc`.
 */
export const settle = (): void => {
  const gc = (globalThis as { gc?: GarbageCollector }).gc
  if (gc === undefined) throw new Error("run the cell with node --expose-gc: the pre-fill's garbage must be collected")
  gc()
  const youngBytes = getHeapSpaceStatistics().find((space) => space.space_name === "new_space")?.space_size ?? 0
  for (let allocated = 0; allocated < youngBytes; allocated += 1024) {
    // A length, not an element: an array of 120 holes takes ~1 KiB of the young generation.
    // oxlint-disable-next-line unicorn/no-new-array
    warmUpSink.last = new Array(120)
  }
  warmUpSink.last = []
  gc({ type: "minor" })
}

/** Times an async section with the monotonic clock, after {@link settle}. */
export const time = async <A>(body: () => Promise<A>): Promise<{ readonly seconds: number; readonly value: A }> => {
  settle()
  const start = performance.now()
  const value = await body()
  return { seconds: (performance.now() - start) / 1000, value }
}
