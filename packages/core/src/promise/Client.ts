/**
 * A Promise facade for applications that do not use Effect: a client over a store layer that sends
 * commands, reads the organization tree and the findings, and closes the store. Failures reject with the
 * library's typed errors (`CommandDecodeError`, `RuleViolation`, `InvalidCommand`, `VersionConflict`,
 * `StoreUnavailable`, …), each an `Error` with a stable `_tag`, `code` and `params`; `Messages.render(error,
 * "zh-CN")` gives its Chinese text.
 *
 * @since 0.1.0
 */
import type { Layer } from "effect"
import { Data, Effect, ManagedRuntime, Option } from "effect"
import * as Dangjian from "../app/Dangjian.ts"
import * as Compliance from "../findings/Compliance.ts"
import type { Finding } from "../findings/Finding.ts"
import * as FindingsIndex from "../findings/FindingsIndex.ts"
import type { RetryPolicy } from "../kernel/CommandHandler.ts"
import type { ReadError } from "../kernel/errors.ts"
import type { EventStore } from "../kernel/EventStore.ts"
import * as ReadModel from "../kernel/ReadModel.ts"
import type { LegalDate } from "../LegalDate.ts"
import type { Policies } from "../organization/Organization.ts"
import * as OrganizationTree from "../organization/projections/OrganizationTree.ts"
import * as PolicyTimeline from "../policy/PolicyTimeline.ts"

/**
 * @category models
 * @since 0.1.0
 */
export interface ClientOptions {
  /** The store: `MemoryStore.layer({ codec: Dangjian.codec })`, `SqliteStore.layer(...)`, `PostgresStore.layer(...)`. */
  readonly store: Layer.Layer<EventStore, unknown>
  /** The policies by legal date (default: the national timeline). */
  readonly policies?: Policies
  /** Recorded as the actor of every command this client sends that names none itself (an opaque id). */
  readonly actor?: string
  /**
   * Retries after a version conflict, as plain data: `{ retries, baseMillis, capMillis }` (default
   * `CommandHandler.defaultRetryPolicy`: 12 retries with a jittered backoff from 5 ms up to 250 ms).
   */
  readonly retry?: RetryPolicy
}

/**
 * @category models
 * @since 0.1.0
 */
export interface Client {
  /** Decodes and runs a command (a plain JSON object). */
  readonly execute: (command: unknown) => Promise<Dangjian.Executed>
  /** The organization tree, now or as of a legal date. */
  readonly tree: (asOf?: LegalDate) => Promise<OrganizationTree.TreeView>
  /** The findings as of a legal date, sorted by due date. */
  readonly findings: (asOf: LegalDate) => Promise<ReadonlyArray<Finding>>
  /**
   * The same findings a page of members at a time, unsorted (`Compliance.assessInPages`): `onPage` gets each
   * page's findings with the view they come from, and the next page is read once what it returns has settled.
   * What a count over millions of members uses: neither every member nor every finding is held at once (pages of
   * `pageSize` members, 10,000 by default). Rejects with what `onPage` throws or rejects with, and reads no
   * further page then. A store without read models gives one page, replayed from the log.
   */
  readonly findingsInPages: (
    asOf: LegalDate,
    onPage: (page: Compliance.FindingsPage) => void | PromiseLike<void>,
    options?: { readonly pageSize?: number }
  ) => Promise<void>
  /**
   * The same findings, with members counted from the findings index where it holds them
   * (`Compliance.assessIndexedInPages`): each page has `findings` (judged, with their params) and `indexed` (members
   * counted from the index: the affiliation on the date and each finding's rule, severity and code). What a count
   * or a summary over a province uses: a member whose findings only depend on time passing costs a few bytes of a
   * large row, not its own row. The index is caught up first (built the first time: about half a minute a million
   * members). `judgeIndexed` picks members of the index to judge all the same (a report of some organizations);
   * with `grouped`, the index's members with the same affiliation and findings come counted in `groups` (all a count
   * needs, for less work). Rejects as `findingsInPages` does; a store without read models gives one page, replayed
   * from the log.
   */
  readonly findingsIndexedInPages: (
    asOf: LegalDate,
    onPage: (page: Compliance.IndexedFindingsPage) => void | PromiseLike<void>,
    options?: Pick<Compliance.AssessIndexedOptions, "pageSize" | "judgeIndexed" | "grouped">
  ) => Promise<void>
  /** Releases the store (closes its connections or file). */
  readonly close: () => Promise<void>
}

/**
 * Creates a client. The store opens on first use.
 *
 * @example
 * ```ts
 * import { Dangjian, MemoryStore, PromiseClient } from "@dangjian/core"
 *
 * const client = PromiseClient.make({ store: MemoryStore.layer({ codec: Dangjian.codec }) })
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (options: ClientOptions): Client => {
  const runtime = ManagedRuntime.make(options.store)
  const policies = options.policies ?? PolicyTimeline.national
  const executeOptions: Dangjian.ExecuteOptions = {
    policies,
    ...(options.actor === undefined ? {} : { actor: options.actor }),
    ...(options.retry === undefined ? {} : { retry: options.retry })
  }
  // The read models are committed before a query reads them, so a query reads no more of the log than what
  // came since the last one (a store without read models replays).
  const caughtUp = Effect.flatMap(
    Effect.serviceOption(ReadModel.ReadModelStore),
    (rows) =>
      Option.isSome(rows)
        ? Effect.provideService(Compliance.catchUp(), ReadModel.ReadModelStore, rows.value)
        : Effect.void
  )
  // Pages of findings from the read models, each handed over once the last one settled; replayed from the log, in
  // one page, on a store without read models.
  const inPages = <P extends Compliance.FindingsPage>(
    asOf: LegalDate,
    onPage: (page: P) => void | PromiseLike<void>,
    fromRows: (
      handOver: (page: P) => Effect.Effect<void, PageRejected>
    ) => Effect.Effect<void, ReadError | PageRejected, EventStore | ReadModel.ReadModelStore>,
    replayed: (page: Compliance.FindingsPage) => P
  ): Promise<void> => {
    const handOver = (page: P) =>
      Effect.tryPromise({ try: async () => await onPage(page), catch: (cause) => new PageRejected({ cause }) })
    const pages = Effect.flatMap(Effect.serviceOption(ReadModel.ReadModelStore), (rows) =>
      Option.isSome(rows)
        ? Effect.provideService(Effect.andThen(caughtUp, fromRows(handOver)), ReadModel.ReadModelStore, rows.value)
        : Effect.flatMap(
          Compliance.view(asOf),
          (view) => handOver(replayed({ view, findings: Compliance.assess(view, policies) }))
        ))
    // What `onPage` threw is what the promise rejects with, as it would be without the client in between.
    return runtime.runPromise(pages.pipe(Effect.catchTag("PageRejected", (e) => Effect.die(e.cause))))
  }
  return {
    execute: (command) => runtime.runPromise(Dangjian.decodeAndExecute(command, executeOptions)),
    tree: (asOf) => runtime.runPromise(Effect.andThen(caughtUp, OrganizationTree.view(asOf))),
    findings: (asOf) =>
      runtime.runPromise(Effect.andThen(caughtUp, Effect.map(Compliance.report(policies, asOf), (r) => r.findings))),
    findingsInPages: (asOf, onPage, pageOptions) =>
      inPages(
        asOf,
        onPage,
        (handOver) => Compliance.assessInPages(policies, asOf, handOver, pageOptions),
        (page) => page
      ),
    findingsIndexedInPages: (asOf, onPage, pageOptions) =>
      inPages(
        asOf,
        onPage,
        (handOver) =>
          Effect.andThen(
            FindingsIndex.catchUp(policies),
            Compliance.assessIndexedInPages(policies, asOf, handOver, pageOptions)
          ),
        (page) => ({ ...page, indexed: [], groups: [] })
      ),
    close: () => runtime.dispose()
  }
}

class PageRejected extends Data.TaggedError("PageRejected")<{ readonly cause: unknown }> {}
