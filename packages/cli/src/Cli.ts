/**
 * The `dangjian` command: `demo`, `import`, `roster sync`, `exec`, `report`, `tree`, `replay` and `schema`,
 * each with `--store` (`sqlite:<file>`, default `sqlite:./dangjian.db`, or `postgres://…[?schema=name]`) and
 * `--lang zh-CN|en` (default from `LANG`, else zh-CN). Results go to stdout, messages and progress to
 * stderr. Exit codes ({@link ExitCode}): 0 done, 1 unexpected failure, 2 usage, 3 bad input (nothing
 * written), 4 store unavailable or missing, 5 a command was rejected by a rule, 6 the demo's store holds other
 * data.
 *
 * The command tree is built for one locale ({@link make}), so every description, heading and message is in
 * the user's language.
 *
 * @since 0.1.0
 */
import type { Locale } from "@dangjian/core"
import { Compliance, Dangjian, Finding, FindingsIndex, type Member, OrganizationTree } from "@dangjian/core"
import type { EventStore as EventStoreModule } from "@dangjian/core/kernel"
import { EventStore, ReadModel } from "@dangjian/core/kernel"
import { Clock, Data, Effect, Layer, Option, Result } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import * as Demo from "./Demo.ts"
import * as Exec from "./Exec.ts"
import * as Input from "./Input.ts"
import { localeFrom, t } from "./messages.ts"
import * as Output from "./Output.ts"
import * as Progress from "./Progress.ts"
import * as Roster from "./Roster.ts"
import * as RuleCatalog from "./Rules.ts"
import * as Staging from "./Staging.ts"
import * as Store from "./Store.ts"
import * as Sync from "./Sync.ts"

/**
 * Exit codes.
 *
 * @category constants
 * @since 0.1.0
 */
export const ExitCode = { ok: 0, failure: 1, usage: 2, badInput: 3, store: 4, rejected: 5, notEmpty: 6 } as const

/**
 * How a command ends when it does not succeed: its exit code and the lines to print on stderr.
 *
 * @category errors
 * @since 0.2.0
 */
export class CliExit extends Data.TaggedError("CliExit")<{
  readonly code: number
  readonly lines: ReadonlyArray<string>
}> {}

const fail = (code: number, ...lines: ReadonlyArray<string>) => Effect.fail(new CliExit({ code, lines }))

const out = (text: string) => Effect.sync(() => void process.stdout.write(text.endsWith("\n") ? text : `${text}\n`))
const err = (text: string) =>
  Effect.sync(() => void process.stderr.write(Store.mask(text.endsWith("\n") ? text : `${text}\n`)))

/**
 * The time zone "today" is read in: `TZ` when it names a zone the runtime knows, else Asia/Shanghai.
 *
 * @category dates
 * @since 0.2.0
 */
export const timeZone = (env: Record<string, string | undefined> = process.env): string => {
  const tz = env["TZ"]?.replace(/^:/, "")
  if (tz === undefined || tz.length === 0) return "Asia/Shanghai"
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone: tz }).resolvedOptions().timeZone === "" ? "Asia/Shanghai" : tz
  } catch {
    return "Asia/Shanghai"
  }
}

/**
 * The legal date of an instant in a time zone (`YYYY-MM-DD`).
 *
 * @category dates
 * @since 0.2.0
 */
export const dateIn = (epochMillis: number, zone: string): string => {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(new Date(epochMillis))
  const get = (type: string) => parts.find((p) => p.type === type)!.value
  return `${get("year")}-${get("month")}-${get("day")}`
}

const today = Effect.map(Clock.currentTimeMillis, (ms) => dateIn(ms, timeZone()))

// ---------------------------------------------------------------------------------------------------------
// Rendering problems
// ---------------------------------------------------------------------------------------------------------

/**
 * Renders row errors, one line each: `第 N 行:reason` (no line for a problem of the whole file).
 *
 * @category rendering
 * @since 0.1.0
 */
export const renderErrors = (
  errors: ReadonlyArray<Roster.RowError>,
  locale: Locale,
  options?: { readonly header?: number; readonly prefix?: string }
): string =>
  errors.map((e) => {
    const where = e.line === undefined
      ? ""
      : t(e.line === options?.header ? "cli.line.header" : "cli.line", { line: e.line }, locale)
    return `${options?.prefix ?? ""}${where}${t(e.code, e.params, locale)}`
  }).join("\n")

const fileProblem = (problem: Input.FileProblem, locale: Locale) =>
  new CliExit({
    code: ExitCode.badInput,
    lines: [renderErrors([{ ...problem, ...(problem.line === undefined ? {} : { line: problem.line }) }], locale)]
  })

const describeFailure = (error: unknown): string => {
  const e = error as {
    readonly _tag?: string
    readonly reason?: unknown
    readonly message?: unknown
    readonly operation?: unknown
  }
  const reason = typeof e.reason === "string"
    ? e.reason
    : typeof e.message === "string" && e.message.length > 0
    ? e.message
    : e._tag
  return Store.mask(`${typeof e.operation === "string" ? `${e.operation}: ` : ""}${String(reason ?? error)}`)
}

// ---------------------------------------------------------------------------------------------------------
// Stores
// ---------------------------------------------------------------------------------------------------------

type Access = "write" | "existing" | "read"

/** Runs `body` on the store; a store that cannot open, and any failure, becomes a {@link CliExit}. */
const onStore = <A>(
  spec: string,
  access: Access,
  locale: Locale,
  body: Effect.Effect<A, unknown, EventStoreModule.EventStore | ReadModel.ReadModelStore>
): Effect.Effect<A, CliExit> => {
  const parsed = Store.parse(spec)
  if (Result.isFailure(parsed)) return fail(ExitCode.usage, t("cli.store.invalid", { spec: parsed.failure }, locale))
  const store = Store.describe(parsed.success)
  const layer = access === "read"
    ? Store.layerReadOnly(parsed.success)
    : access === "existing"
    ? Store.layerExisting(parsed.success)
    : Store.layer(parsed.success)
  return body.pipe(
    Effect.provide(Layer.fresh(layer)),
    Effect.mapError((error: unknown): CliExit => {
      if (error instanceof CliExit) return error
      const e = error as { readonly _tag?: string; readonly ruleId?: string }
      switch (e._tag) {
        case "StoreMissing": {
          const missing = error as Store.StoreMissing
          return new CliExit({
            code: ExitCode.store,
            lines: [t(`cli.store.missing.${missing.reason}`, { store }, locale)]
          })
        }
        case "StoreUnavailable":
        case "InvalidStoreConfig":
        case "NodeSqliteUnavailable":
        case "SqlError":
          return new CliExit({
            code: ExitCode.store,
            lines: [t("cli.store.unavailable", { store, reason: describeFailure(error) }, locale)]
          })
        case "StoreChanged":
          return new CliExit({ code: ExitCode.failure, lines: [t("cli.import.changed", {}, locale)] })
        default:
          return new CliExit({
            code: ExitCode.failure,
            lines: [t("cli.error.unexpected", { message: describeFailure(error) }, locale)]
          })
      }
    })
  )
}

// ---------------------------------------------------------------------------------------------------------
// Flags
// ---------------------------------------------------------------------------------------------------------

const valueOf = <A>(option: Option.Option<A>): A | undefined => Option.getOrUndefined(option)

// Flags are checked while the command line is parsed, so that a bad value is a usage error shown with the help.
const checked = (ok: (value: string) => boolean, expected: string) =>
  Flag.filterMap((value: string) => (ok(value) ? Option.some(value) : Option.none()), () => expected)

const isList = (known: ReadonlyArray<string>) => (value: string) =>
  value.split(/[,，、\s]+/).filter((s) => s.length > 0).every((item) => known.includes(item))

const isRuleList = (value: string) =>
  value.split(/[,，、\s]+/).filter((s) => s.length > 0).every((item) => /^r?\d+$/i.test(item))

const flags = (locale: Locale) => {
  const d = (code: string) => t(code, {}, locale)
  const dates = locale === "en"
    ? "YYYY-MM-DD (or 2019/3/1, 2019.3.1, 2019年3月1日)"
    : "YYYY-MM-DD(或 2019/3/1、2019.3.1、2019年3月1日)"
  const isDate = (value: string) => Roster.parseDate(value) !== undefined
  return {
    store: Flag.String("store").pipe(
      Flag.withDescription(d("cli.help.flag.store")),
      checked((value) => Result.isSuccess(Store.parse(value)), "sqlite:<file> | postgres://user@host/db"),
      Flag.withDefault(Store.defaultSpec)
    ),
    lang: Flag.Literals("lang", ["zh-CN", "en"]).pipe(Flag.withDescription(d("cli.help.flag.lang")), Flag.optional),
    asOf: Flag.String("as-of").pipe(
      Flag.withDescription(d("cli.help.flag.asOf")),
      checked(isDate, dates),
      Flag.optional
    ),
    at: Flag.String("at").pipe(Flag.withDescription(d("cli.help.flag.at")), checked(isDate, dates), Flag.optional),
    encoding: Flag.String("encoding").pipe(
      Flag.withDescription(d("cli.help.flag.encoding")),
      checked((value) => Object.hasOwn(Input.encodingNames, value.toLowerCase()), "utf-8, gb18030"),
      Flag.withDefault("utf-8")
    ),
    org: Flag.String("org").pipe(Flag.withDescription(d("cli.help.flag.org")), Flag.optional),
    rule: Flag.String("rule").pipe(
      Flag.withDescription(d("cli.help.flag.rule")),
      checked(isRuleList, "R1, R16, …"),
      Flag.optional
    ),
    severity: Flag.String("severity").pipe(
      Flag.withDescription(d("cli.help.flag.severity")),
      checked(isList(Finding.Severity.literals), Finding.Severity.literals.join(", ")),
      Flag.optional
    ),
    pillar: Flag.String("pillar").pipe(
      Flag.withDescription(d("cli.help.flag.pillar")),
      checked(isList(Output.pillars), Output.pillars.join(", ")),
      Flag.optional
    ),
    d
  }
}

const usage = (locale: Locale, code: string, params: Record<string, string>) =>
  new CliExit({ code: ExitCode.usage, lines: [t(code, params, locale)] })

/** A date flag: `YYYY-MM-DD` or a Chinese spreadsheet form; today when absent. */
const dateFlag = (flag: string, value: Option.Option<string>, locale: Locale): Effect.Effect<string, CliExit> => {
  const raw = valueOf(value)
  if (raw === undefined) return today
  const date = Roster.parseDate(raw)
  return date === undefined
    ? Effect.fail(usage(locale, "cli.usage.badDate", { flag, value: raw }))
    : Effect.succeed(date)
}

/** A comma-separated list of known values. */
const listFlag = <A extends string>(
  flag: string,
  value: Option.Option<string>,
  known: ReadonlyArray<A>,
  locale: Locale
): Result.Result<ReadonlySet<A> | undefined, CliExit> => {
  const raw = valueOf(value)
  if (raw === undefined) return Result.succeed(undefined)
  const items = raw.split(/[,，、\s]+/).filter((s) => s.length > 0)
  const bad = items.find((item) => !(known as ReadonlyArray<string>).includes(item))
  return bad === undefined
    ? Result.succeed(new Set(items as Array<A>))
    : Result.fail(usage(locale, "cli.usage.badList", { flag, value: bad, expected: known.join(", ") }))
}

const encodingOf = (value: string, locale: Locale): Effect.Effect<Input.Encoding, CliExit> => {
  const encoding = Input.encodingNames[value.toLowerCase()]
  return encoding === undefined
    ? Effect.fail(usage(locale, "cli.usage.badList", { flag: "encoding", value, expected: "utf-8, gb18030" }))
    : Effect.succeed(encoding)
}

// ---------------------------------------------------------------------------------------------------------
// Reading rosters
// ---------------------------------------------------------------------------------------------------------

/**
 * Reads and checks a roster file; prints its warnings; fails with its problems (exit 3). A CSV file is read in
 * chunks and each row checked as it is parsed (only the roster is kept); a workbook or JSON is read whole, and
 * so is a CSV file with any problem, so that the problem is reported exactly as for a whole file.
 */
const readRoster = (
  file: string,
  encoding: Input.Encoding,
  date: string,
  locale: Locale,
  progress: Progress.Progress
) =>
  Effect.gen(function*() {
    const streaming = Roster.streaming(date)
    const outcome = (yield* Input.streamCsv(file, encoding, streaming.sink))
      ? streaming.outcome()
      : Roster.readAndCheck(
        yield* Input.readFile(file, encoding).pipe(Effect.mapError((p) => fileProblem(p, locale))),
        file,
        date
      )
    const headerOption = outcome.header === undefined ? {} : { header: outcome.header }
    if (Result.isFailure(outcome.read)) {
      return yield* fail(
        ExitCode.badInput,
        renderErrors(outcome.read.failure, locale, headerOption),
        t("cli.import.failed", { lines: Roster.badLines(outcome.read.failure) }, locale)
      )
    }
    if (outcome.read.success.warnings.length > 0) {
      yield* err(
        renderErrors(outcome.read.success.warnings, locale, { ...headerOption, prefix: t("cli.warning", {}, locale) })
      )
    }
    yield* progress.update("reading", outcome.read.success.rows, outcome.read.success.rows)
    if (Result.isFailure(outcome.checked)) {
      return yield* fail(
        ExitCode.badInput,
        renderErrors(outcome.checked.failure, locale),
        t("cli.import.failed", { lines: Roster.badLines(outcome.checked.failure) }, locale)
      )
    }
    return outcome.checked.success
  })

const printPlan = (
  plan: Sync.Plan,
  file: string,
  tree: OrganizationTree.TreeView,
  roster: Roster.Roster,
  locale: Locale
) => {
  const lines = [t("cli.sync.planTitle", { file, date: plan.date }, locale)]
  // An organization by its name in the store, else in the file (a new one).
  const label = (orgId: string) => {
    const inFile = roster.orgs.get(orgId)
    return Object.hasOwn(tree.orgs, orgId) || inFile === undefined
      ? Output.orgLabel(tree, orgId)
      : `${inFile.name} [${orgId}]`
  }
  const limit = 20
  const section = <A>(code: string, items: ReadonlyArray<A>, show: (item: A) => string) => {
    if (items.length === 0) return
    lines.push("", t(code, { count: items.length }, locale))
    for (const item of items.slice(0, limit)) lines.push(`  ${show(item)}`)
    if (items.length > limit) lines.push(`  ${t("cli.sync.more", { count: items.length - limit }, locale)}`)
  }
  const lineOf = (line: number) => t("cli.line", { line }, locale).replace(/[::]\s*$/, "")
  section(
    "cli.sync.section.establish",
    plan.establish,
    ({ members, org }) =>
      `+ ${org.name} [${org.orgId}]${org.parentId === undefined ? "" : ` → ${label(org.parentId)}`}, ${
        t("cli.sync.members", { count: members.length }, locale)
      } (${lineOf(org.line)})`
  )
  section(
    "cli.sync.section.register",
    plan.register,
    (row) => `+ ${row.memberId} → ${label(row.orgId)} (${lineOf(row.line)})`
  )
  section(
    "cli.sync.section.transfers",
    plan.transfers,
    ({ fromOrgId, row }) => `~ ${row.memberId}: ${label(fromOrgId)} → ${label(row.orgId)} (${lineOf(row.line)})`
  )
  section(
    "cli.sync.section.participation",
    plan.participation,
    ({ at, kind, row }) => `${row.memberId} ${kind} ${at} (${lineOf(row.line)})`
  )
  section("cli.sync.section.departures", plan.departures, ({ memberId, orgId }) => `- ${memberId} (${label(orgId)})`)
  section("cli.sync.section.unapplied", plan.unapplied, (e) => renderErrors([e], locale))
  if (Sync.isEmpty(plan)) lines.push("", t("cli.sync.nothing", {}, locale))
  return lines.join("\n")
}

/**
 * Plans a roster against the store (a sync's plan printed, an import's unapplied rows warned of). The plan is
 * made from the store's log, read page by page and not kept; the commands are then decided on a staging area
 * that reads only the streams they touch (and, when writing, writes them in parts inside one transaction).
 * The roster is taken from `takeRoster` once the store's state is read, and held by no one once the plan is made.
 */
const planAgainstStore = (
  takeRoster: () => Roster.Roster,
  options: {
    readonly file: string
    readonly mode: "import" | "sync"
    readonly date: string
    readonly locale: Locale
    readonly progress: Progress.Progress
  }
) =>
  Effect.gen(function*() {
    const { date, file, locale, mode, progress } = options
    const { position, state } = yield* Sync.readState({
      onProgress: (read, head) => progress.update("catchingUp", read, head)
    })
    const roster = takeRoster()
    const planned = Sync.plan(roster, state, { mode, date })
    if (Result.isFailure(planned)) {
      const single = planned.failure.length === 1 && planned.failure[0]!.line === undefined
      return yield* fail(
        ExitCode.badInput,
        renderErrors(planned.failure, locale),
        ...(single ? [] : [t(`cli.${mode}.failed`, { lines: Roster.badLines(planned.failure) }, locale)])
      )
    }
    const plan = planned.success
    if (mode === "sync") yield* out(printPlan(plan, file, state.tree, roster, locale))
    else if (plan.unapplied.length > 0) {
      yield* err(renderErrors(plan.unapplied, locale, { prefix: t("cli.warning", {}, locale) }))
    }
    return { plan, position }
  })

/** Import (additions only) or sync a roster file. */
const rosterCommand = (options: {
  readonly mode: "import" | "sync"
  readonly file: string
  readonly store: string
  readonly encoding: string
  readonly at: Option.Option<string>
  readonly dryRun: boolean
  readonly locale: Locale
}) =>
  Effect.gen(function*() {
    const { file, locale, mode } = options
    const progress = Progress.make(locale)
    const encoding = yield* encodingOf(options.encoding, locale)
    const date = yield* dateFlag("at", options.at, locale)
    // Taken by the planning, so that only the plan is kept while the commands are decided and the read models
    // caught up: the roster's index of a province's members (a map of a million) is let go of. No local of these
    // generators may hold it, nor the effect that plans (a suspended generator keeps its locals and temporaries).
    let roster: Roster.Roster | undefined = yield* readRoster(file, encoding, yield* today, locale, progress)
    const takeRoster = () => {
      const taken = roster!
      roster = undefined
      return taken
    }
    return yield* onStore(
      options.store,
      options.dryRun ? "read" : "write",
      locale,
      Effect.gen(function*() {
        const { plan, position } = yield* planAgainstStore(takeRoster, { file, mode, date, locale, progress })
        const stageOptions = {
          locale,
          actor: mode,
          onProgress: (done: number, total: number) => progress.update("checking", done, total)
        }
        const rejected = (errors: ReadonlyArray<Roster.RowError>) =>
          fail(
            ExitCode.badInput,
            renderErrors(errors, locale),
            t(`cli.${mode}.failed`, { lines: Roster.badLines(errors) }, locale)
          )
        if (options.dryRun) {
          const staging = yield* Staging.make
          const events = yield* Sync.stage(staging, plan, stageOptions).pipe(
            Effect.catch((errors) => Effect.andThen(progress.done, rejected(errors)))
          )
          yield* progress.done
          return yield* err(t("cli.sync.dryRun", { events }, locale))
        }
        const applied = yield* Sync.apply(plan, {
          ...stageOptions,
          onWrite: progress.update("writing", 0, 1),
          readUpTo: position
        }).pipe(
          Effect.catch((error) =>
            Array.isArray(error) ? Effect.andThen(progress.done, rejected(error)) : Effect.fail(error)
          )
        )
        yield* progress.update("writing", 1, 1)
        yield* progress.done
        yield* (mode === "import" ? out : err)(
          mode === "import"
            ? t("cli.import.done", { ...applied, members: applied.members }, locale)
            : t("cli.sync.done", { ...applied }, locale)
        )
      })
    )
  })

// ---------------------------------------------------------------------------------------------------------
// Reports and the tree
// ---------------------------------------------------------------------------------------------------------

const nearestOrg = (tree: OrganizationTree.TreeView, orgId: string): string | undefined => {
  let best: { id: string; distance: number } | undefined
  for (const [id, state] of Object.entries(tree.orgs)) {
    for (const candidate of [id, state.name]) {
      const distance = Roster.editDistance(orgId, candidate)
      if (best === undefined || distance < best.distance) best = { id, distance }
    }
  }
  return best !== undefined && best.distance <= Math.max(2, Math.floor([...orgId].length / 3))
    ? Output.orgLabel(tree, best.id)
    : undefined
}

const checkOrg = (tree: OrganizationTree.TreeView, org: string | undefined, locale: Locale) => {
  if (org === undefined || Object.hasOwn(tree.orgs, org)) return Effect.void
  const suggestion = nearestOrg(tree, org)
  return Effect.fail(
    new CliExit({
      code: ExitCode.usage,
      lines: [t("cli.report.unknownOrg", { orgId: org, ...(suggestion === undefined ? {} : { suggestion }) }, locale)]
    })
  )
}

const ruleList = (
  value: Option.Option<string>,
  locale: Locale
): Result.Result<ReadonlySet<string> | undefined, CliExit> => {
  const raw = valueOf(value)
  if (raw === undefined) return Result.succeed(undefined)
  const rules = new Set<string>()
  for (const item of raw.split(/[,，、\s]+/).filter((s) => s.length > 0)) {
    const m = /^r?(\d+)$/i.exec(item)
    if (m === null) return Result.fail(usage(locale, "cli.usage.badRule", { value: item }))
    rules.add(`R${Number(m[1])}`)
  }
  return Result.succeed(rules)
}

const report = (
  locale: Locale,
  options: {
    readonly store: string
    readonly asOf: Option.Option<string>
    readonly format: "table" | "json" | "markdown"
    readonly org: Option.Option<string>
    readonly rule: Option.Option<string>
    readonly severity: Option.Option<string>
    readonly pillar: Option.Option<string>
    readonly summary: boolean
  }
) =>
  Effect.gen(function*() {
    const asOf = yield* dateFlag("as-of", options.asOf, locale)
    const rules = yield* Effect.fromResult(ruleList(options.rule, locale))
    const severities = yield* Effect.fromResult(
      listFlag("severity", options.severity, Finding.Severity.literals, locale)
    )
    const pillars = yield* Effect.fromResult(listFlag("pillar", options.pillar, Output.pillars, locale))
    const org = valueOf(options.org)
    yield* onStore(
      options.store,
      "read",
      locale,
      Effect.gen(function*() {
        const filters: Output.Filters = {
          ...(org === undefined ? {} : { org }),
          ...(rules === undefined ? {} : { rules }),
          ...(severities === undefined ? {} : { severities }),
          ...(pillars === undefined ? {} : { pillars })
        }
        // Whether a finding is within a subtree may depend on its params (a transfer's destination), which the
        // findings index does not keep: under `--org`, members whose findings name organizations are judged.
        const nowhere: ReadonlySet<string> = new Set()
        let within: { readonly tree: OrganizationTree.TreeView; readonly ids: ReadonlySet<string> } | undefined
        const subtreeOf = (tree: OrganizationTree.TreeView) => {
          if (org === undefined) return undefined
          if (within?.tree !== tree) within = { tree, ids: Output.subtree(tree, org) }
          return within.ids
        }
        if (options.summary) {
          // A summary only counts: members whose findings the findings index holds are counted from it, every other
          // member is read and judged a page at a time, never all held at once.
          const builder = Output.summaryBuilder()
          let tree: OrganizationTree.TreeView | undefined
          const onPage = (page: Compliance.IndexedFindingsPage) =>
            Effect.gen(function*() {
              if (tree === undefined) {
                tree = page.view.tree
                yield* checkOrg(tree, org, locale)
              }
              builder.add(Output.filter(page.findings, page.view, filters), page.view)
              builder.addIndexed(page.groups, filters, page.view.tree)
            })
          yield* Compliance.assessIndexedInPages(
            Dangjian.defaultPolicies,
            asOf,
            onPage,
            // The index's members are counted in groups under their affiliation: only those naming organizations are
            // judged.
            {
              grouped: true,
              ...(org === undefined ? {} : { judgeIndexed: (member) => Output.mayPass(member, filters, nowhere) })
            }
          )
          const summary = builder.result(asOf, tree ?? OrganizationTree.empty)
          return yield* out(
            options.format === "json"
              ? JSON.stringify(summary, null, 2)
              : Output.summaryText(summary, locale, options.format, tree ?? OrganizationTree.empty)
          )
        }
        // The findings that pass the filters are kept, with the members they concern; every other member is let go
        // with its page. With a filter, the members the findings index holds are judged only when their findings may
        // pass it (`Output.mayPass`); the rest are not read.
        const kept: Array<Finding.Finding> = []
        const members: Record<string, Member.MemberState> = {}
        let first: Compliance.ComplianceView | undefined
        const onPage = (page: Compliance.FindingsPage) =>
          Effect.gen(function*() {
            if (first === undefined) {
              first = page.view
              yield* checkOrg(first.tree, org, locale)
            }
            for (const finding of Output.filter(page.findings, page.view, filters)) {
              kept.push(finding)
              for (const id of Finding.membersOf(finding)) {
                const member = Object.hasOwn(page.view.members.members, id) ? page.view.members.members[id] : undefined
                // Defined, not assigned: an id is any string, `__proto__` too.
                if (member !== undefined) {
                  Object.defineProperty(members, id, {
                    value: member,
                    enumerable: true,
                    writable: true,
                    configurable: true
                  })
                }
              }
            }
          })
        const filtered = org !== undefined || rules !== undefined || severities !== undefined || pillars !== undefined
        yield* filtered
          ? Compliance.assessIndexedInPages(Dangjian.defaultPolicies, asOf, onPage, {
            judgeIndexed: (member, view) => Output.mayPass(member, filters, subtreeOf(view.tree))
          })
          : Compliance.assessInPages(Dangjian.defaultPolicies, asOf, onPage)
        const findings = Finding.sort(kept)
        const view = { ...(first ?? Compliance.empty(asOf)), members: { members } }
        yield* out(
          options.format === "json"
            ? JSON.stringify(Output.reportJson(findings, asOf, locale, view), null, 2)
            : Output.reportText(findings, asOf, locale, options.format, view)
        )
      })
    )
  })

const printTree = (
  asOf: string | undefined,
  format: "text" | "mermaid",
  org: string | undefined,
  locale: Locale
) =>
  Effect.gen(function*() {
    const state = yield* OrganizationTree.view(asOf)
    yield* checkOrg(state, org, locale)
    const view = Output.subtreeView(state, org)
    yield* out(format === "mermaid" ? Output.treeMermaid(view, locale) : Output.treeText(view, locale))
  })

const printReport = (asOf: string, locale: Locale) =>
  Effect.gen(function*() {
    const { findings, view } = yield* Compliance.report(Dangjian.defaultPolicies, asOf)
    yield* out(Output.reportText(findings, asOf, locale, "table", view))
  })

// ---------------------------------------------------------------------------------------------------------
// The demo
// ---------------------------------------------------------------------------------------------------------

/** The events of a store that are not the demo's (the demo's carry the actor `demo`), up to a few pages. */
const foreignEvents = Effect.gen(function*() {
  const store = yield* EventStore.EventStore
  const head = yield* store.head
  if (head === 0) return { head, foreign: false }
  const page = yield* store.readAll({ after: 0, limit: 10_000 })
  return { head, foreign: page.some((e) => e.metadata.actor !== "demo") || head > page.length + 10_000 }
})

const demo = (locale: Locale, store: string) =>
  onStore(
    store,
    "write",
    locale,
    Effect.gen(function*() {
      const asOf = yield* today
      const shown = Store.describe(Result.getOrThrow(Store.parse(store)))
      const { foreign, head } = yield* foreignEvents
      if (foreign) return yield* fail(ExitCode.notEmpty, t("cli.demo.refused", { store: shown, events: head }, locale))
      if (head > 0) yield* err(t("cli.demo.again", { store: shown }, locale))
      else {
        const events = yield* Demo.run(asOf)
        yield* err(t("cli.demo.done", { store: shown, events }, locale))
      }
      yield* printTree(undefined, "text", undefined, locale)
      yield* out("")
      yield* printReport(asOf, locale)
    })
  )

// ---------------------------------------------------------------------------------------------------------
// exec
// ---------------------------------------------------------------------------------------------------------

const readCommands = (file: string | undefined, locale: Locale): Effect.Effect<string, CliExit> => {
  if (file === undefined && process.stdin.isTTY === true) {
    return Effect.fail(usage(locale, "cli.exec.stdinTerminal", {}))
  }
  return Effect.try({
    try: () => new Uint8Array(readFileSync(file ?? 0)),
    catch: (cause) =>
      new CliExit({
        code: ExitCode.badInput,
        lines: [
          t(
            "cli.file.unreadable",
            { file: file ?? "stdin", reason: (cause as { code?: string }).code ?? "unreadable" },
            locale
          )
        ]
      })
  }).pipe(
    Effect.flatMap((bytes) =>
      Effect.fromResult(Input.decodeText(bytes, file ?? "stdin", "utf-8")).pipe(
        Effect.mapError((p) => fileProblem(p, locale))
      )
    )
  )
}

const exec = (
  locale: Locale,
  options: {
    readonly file: string | undefined
    readonly store: string
    readonly atomic: boolean
    readonly format: "text" | "json"
    readonly actor: string
  }
) =>
  Effect.gen(function*() {
    const text = yield* readCommands(options.file, locale)
    const parsed = Exec.parseLines(text)
    if (Result.isFailure(parsed)) {
      return yield* fail(
        ExitCode.badInput,
        renderErrors(parsed.failure, locale),
        t("cli.exec.badInput", { lines: parsed.failure.length }, locale)
      )
    }
    if (parsed.success.length === 0) return yield* fail(ExitCode.badInput, t("cli.exec.empty", {}, locale))
    const onOutcome = (outcome: Exec.Outcome) =>
      out(
        options.format === "json"
          ? JSON.stringify(outcome)
          : `${t("cli.line", { line: outcome.line }, locale)}${
            outcome.status === "accepted"
              ? outcome.events.length === 0
                ? t("cli.exec.acceptedNothing", { command: outcome.command }, locale)
                : t("cli.exec.accepted", { command: outcome.command, events: outcome.events.join(", ") }, locale)
              : t("cli.exec.rejected", {
                command: outcome.command,
                message: `${outcome.ruleId === null ? "" : `[${outcome.ruleId}] `}${outcome.message}`
              }, locale)
          }`
      )
    const run = { locale, actor: options.actor, onOutcome }
    yield* onStore(
      options.store,
      "write",
      locale,
      Effect.gen(function*() {
        const { outcomes, written } = options.atomic
          ? yield* Exec.runAtomic(parsed.success, run)
          : yield* Effect.map(Exec.run(parsed.success, run), (outcomes) => ({
            outcomes,
            written: outcomes.reduce((n, o) => n + (o.status === "accepted" ? o.events.length : 0), 0)
          }))
        const rejected = outcomes.filter((o) => o.status === "rejected").length
        const summary = t(
          "cli.exec.summary",
          { accepted: outcomes.length - rejected, rejected, events: written },
          locale
        )
        if (rejected === 0) return yield* err(summary)
        return yield* fail(
          ExitCode.rejected,
          ...(options.atomic ? [t("cli.exec.atomicRejected", { rejected }, locale)] : []),
          summary
        )
      })
    )
  })

// ---------------------------------------------------------------------------------------------------------
// replay and schema
// ---------------------------------------------------------------------------------------------------------

const replay = (locale: Locale, store: string) =>
  onStore(
    store,
    "existing",
    locale,
    Effect.gen(function*() {
      // Rebuilds exactly the read models that `report` and `tree` read, from zero, reading the log once.
      const progress = Progress.make(locale)
      const models = Compliance.readModels
      const rebuilt = yield* ReadModel.rebuildAll(models, {
        batchSize: 10_000,
        onProgress: (p) => progress.update("catchingUp", p.position, p.head)
      })
      // Then the findings index that `report --summary` counts from: a count of members (how many is not known ahead),
      // shown every 100,000, as a log file would want it.
      let shown = 0
      yield* FindingsIndex.rebuild(Dangjian.defaultPolicies, {
        onProgress: (members) => {
          if (members - shown < 100_000) return Effect.void
          shown = members
          return progress.update("indexing", members, 0)
        }
      })
      // The rows of older versions (a release that changed a read model rebuilt it under its new version) are read by
      // no process of this release: the operator's rebuild reclaims them.
      const olderRows = yield* ReadModel.resetOlderVersions([
        ...models,
        FindingsIndex.modelOf(Dangjian.defaultPolicies)
      ])
      const position = Math.max(0, ...rebuilt.map((r) => r.position))
      yield* progress.done
      yield* out(t("cli.replay.done", { projections: models.length, events: position }, locale))
      if (olderRows > 0) yield* out(t("cli.replay.olderVersions", { rows: olderRows }, locale))
    })
  )

const schemaFiles = { commands: "commands.schema.json", events: "events.schema.json" } as const

/** Writes the two documents of `Dangjian.jsonSchemas()` into `dir` (made if missing); says where, or why not. */
const writeSchemas = (dir: string, locale: Locale): Effect.Effect<void, CliExit> => {
  const documents = Dangjian.jsonSchemas()
  const commands = join(dir, schemaFiles.commands)
  const events = join(dir, schemaFiles.events)
  try {
    mkdirSync(dir, { recursive: true })
    writeFileSync(commands, `${JSON.stringify(documents.commands, null, 2)}\n`)
    writeFileSync(events, `${JSON.stringify(documents.events, null, 2)}\n`)
  } catch (cause) {
    const reason = (cause as { code?: string }).code ?? "unwritable"
    return fail(ExitCode.failure, t("cli.file.unwritable", { file: dir, reason }, locale))
  }
  return err(t("cli.schema.written", { commands, events }, locale))
}

// ---------------------------------------------------------------------------------------------------------
// The command tree
// ---------------------------------------------------------------------------------------------------------

/**
 * The `dangjian` command with its subcommands, described in one locale.
 *
 * @category commands
 * @since 0.2.0
 */
export const make = (locale: Locale) => {
  const f = flags(locale)
  const { d } = f
  const withLocale = (lang: Option.Option<"zh-CN" | "en">) => localeFrom(valueOf(lang), process.env)
  const fileName = locale === "en" ? "file" : "文件"
  const rosterArg = Argument.String(fileName).pipe(Argument.withDescription(d("cli.help.arg.roster")))

  const demoCommand = Command.make("demo", {
    store: Flag.String("store").pipe(
      Flag.withDescription(d("cli.help.flag.demoStore")),
      checked((value) => Result.isSuccess(Store.parse(value)), "sqlite:<file> | postgres://user@host/db"),
      Flag.withDefault(Store.demoSpec)
    ),
    lang: f.lang
  }, ({ lang, store }) => demo(withLocale(lang), store)).pipe(Command.withDescription(d("cli.help.demo")))

  const importCommand = Command.make("import", {
    store: f.store,
    lang: f.lang,
    encoding: f.encoding,
    file: rosterArg
  }, ({ encoding, file, lang, store }) =>
    rosterCommand({
      mode: "import",
      file,
      store,
      encoding,
      at: Option.none(),
      dryRun: false,
      locale: withLocale(lang)
    })).pipe(Command.withDescription(d("cli.help.import")))

  const syncCommand = Command.make(
    "sync",
    {
      store: f.store,
      lang: f.lang,
      encoding: f.encoding,
      at: f.at,
      dryRun: Flag.Boolean("dry-run").pipe(Flag.withDescription(d("cli.help.flag.dryRun")), Flag.withDefault(false)),
      file: rosterArg
    },
    ({ at, dryRun, encoding, file, lang, store }) =>
      rosterCommand({ mode: "sync", file, store, encoding, at, dryRun, locale: withLocale(lang) })
  ).pipe(
    Command.withDescription(d("cli.help.sync"))
  )

  const rosterGroup = Command.make("roster").pipe(
    Command.withDescription(d("cli.help.roster")),
    Command.withSubcommands([syncCommand])
  )

  const execCommand = Command.make(
    "exec",
    {
      store: f.store,
      lang: f.lang,
      atomic: Flag.Boolean("atomic").pipe(Flag.withDescription(d("cli.help.flag.atomic")), Flag.withDefault(false)),
      format: Flag.Literals("format", ["text", "json"]).pipe(
        Flag.withDescription(d("cli.help.flag.format.exec")),
        Flag.withDefault("text")
      ),
      actor: Flag.String("actor").pipe(Flag.withDescription(d("cli.help.flag.actor")), Flag.withDefault("cli")),
      file: Argument.String(fileName).pipe(Argument.withDescription(d("cli.help.arg.jsonl")), Argument.optional)
    },
    ({ actor, atomic, file, format, lang, store }) =>
      exec(withLocale(lang), { file: valueOf(file), store, atomic, format, actor })
  ).pipe(
    Command.withDescription(d("cli.help.exec"))
  )

  const reportCommand = Command.make("report", {
    store: f.store,
    lang: f.lang,
    asOf: f.asOf,
    format: Flag.Literals("format", ["table", "json", "markdown"]).pipe(
      Flag.withDescription(d("cli.help.flag.format.report")),
      Flag.withDefault("table")
    ),
    org: f.org,
    rule: f.rule,
    severity: f.severity,
    pillar: f.pillar,
    summary: Flag.Boolean("summary").pipe(Flag.withDescription(d("cli.help.flag.summary")), Flag.withDefault(false))
  }, ({ lang, ...options }) => report(withLocale(lang), options)).pipe(Command.withDescription(d("cli.help.report")))

  const treeCommand = Command.make("tree", {
    store: f.store,
    lang: f.lang,
    asOf: f.asOf,
    org: f.org,
    format: Flag.Literals("format", ["text", "mermaid"]).pipe(
      Flag.withDescription(d("cli.help.flag.format.tree")),
      Flag.withDefault("text")
    )
  }, ({ asOf, format, lang, org, store }) => {
    const locale = withLocale(lang)
    return Effect.gen(function*() {
      const date = valueOf(asOf) === undefined ? undefined : yield* dateFlag("as-of", asOf, locale)
      yield* onStore(store, "read", locale, printTree(date, format, valueOf(org), locale))
    })
  }).pipe(Command.withDescription(d("cli.help.tree")))

  const replayCommand = Command.make(
    "replay",
    { store: f.store, lang: f.lang },
    ({ lang, store }) => replay(withLocale(lang), store)
  ).pipe(Command.withDescription(d("cli.help.replay")))

  const schemaCommand = Command.make("schema", {
    lang: f.lang,
    split: Flag.String("split").pipe(Flag.withDescription(d("cli.help.flag.split")), Flag.optional)
  }, ({ lang, split }) =>
    Option.isSome(split)
      ? writeSchemas(split.value, withLocale(lang))
      : out(JSON.stringify(Dangjian.jsonSchema(), null, 2))).pipe(Command.withDescription(d("cli.help.schema")))

  const rulesCommand = Command.make("rules", {
    lang: f.lang,
    ids: Argument.String("id").pipe(Argument.withDescription(d("cli.help.arg.rules")), Argument.variadic())
  }, ({ ids, lang }) => {
    const locale = withLocale(lang)
    const { rules, unknown } = RuleCatalog.select(ids)
    if (unknown.length > 0) return fail(ExitCode.usage, ...unknown.map((id) => t("cli.rules.unknown", { id }, locale)))
    return out(rules.map((rule) => RuleCatalog.render(rule, locale)).join("\n\n"))
  }).pipe(Command.withDescription(d("cli.help.rules")))

  return Command.make("dangjian").pipe(
    Command.withDescription(d("cli.help.dangjian")),
    Command.withSubcommands([
      demoCommand,
      importCommand,
      rosterGroup,
      execCommand,
      reportCommand,
      treeCommand,
      replayCommand,
      schemaCommand,
      rulesCommand
    ])
  )
}

/**
 * The `dangjian` command described in zh-CN.
 *
 * @category commands
 * @since 0.1.0
 */
export const cli = make("zh-CN")
