/**
 * The `dangjian` command: `demo`, `import`, `report`, `tree`, `replay` and `schema`, each with `--store`
 * (`sqlite:<file>`, default `sqlite:./dangjian.db`, or `postgres://…`) and `--lang zh-CN|en` (default from
 * `LANG`). Results go to stdout, messages and progress to stderr. Exit codes: 0 done, 1 unexpected failure,
 * 2 usage, 3 bad input (nothing written), 4 store unavailable or misconfigured, 5 a command was rejected.
 *
 * @since 0.1.0
 */
import type { Locale } from "@dangjian/core"
import { Compliance, Dangjian, LegalDate, Messages, OrganizationTree } from "@dangjian/core"
import { EventStore, Projection } from "@dangjian/core/kernel"
import { Clock, Effect, Layer, Result } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import * as Demo from "./Demo.ts"
import { localeFrom, t } from "./messages.ts"
import * as Output from "./Output.ts"
import * as Roster from "./Roster.ts"
import * as Store from "./Store.ts"

/**
 * Exit codes.
 *
 * @category constants
 * @since 0.1.0
 */
export const ExitCode = { ok: 0, failure: 1, usage: 2, badInput: 3, store: 4, rejected: 5 } as const

const out = (text: string) => Effect.sync(() => void process.stdout.write(text.endsWith("\n") ? text : `${text}\n`))
const err = (text: string) => Effect.sync(() => void process.stderr.write(text.endsWith("\n") ? text : `${text}\n`))
const exit = (code: number) => Effect.sync(() => void (process.exitCode = code))

const today = Effect.map(Clock.currentTimeMillis, (ms) => new Date(ms).toISOString().slice(0, 10))

const shared = {
  store: Flag.String("store").pipe(
    Flag.withDescription("sqlite:<file> (default sqlite:./dangjian.db) or postgres://user@host/db"),
    Flag.withDefault(Store.defaultSpec)
  ),
  lang: Flag.Literals("lang", ["zh-CN", "en"]).pipe(Flag.withDescription("output language"), Flag.optional)
}

const localeOf = (lang: { readonly _tag: string; readonly value?: unknown }): Locale =>
  localeFrom(lang._tag === "Some" ? (lang.value as string) : undefined, process.env)

/** Runs `body` on the store; reports a store that cannot open, and any typed failure, with an exit code. */
const withStore = <A>(
  spec: string,
  locale: Locale,
  body: Effect.Effect<A, unknown, EventStore.EventStore | Projection.ProjectionStore>
): Effect.Effect<void> => {
  const parsed = Store.parse(spec)
  if (Result.isFailure(parsed)) {
    return Effect.andThen(err(t("cli.store.invalid", { spec: parsed.failure }, locale)), exit(ExitCode.usage))
  }
  return body.pipe(
    Effect.provide(Layer.fresh(Store.layer(parsed.success))),
    Effect.asVoid,
    Effect.catch((error: unknown) => {
      const e = error as { _tag?: string; code?: unknown; params?: unknown; ruleId?: string }
      const text = typeof e.code === "string" && typeof e.params === "object"
        ? `${e.ruleId === undefined ? "" : `[${e.ruleId}] `}${Messages.render(e as never, locale)}`
        : String(error)
      const code = e._tag === "StoreUnavailable" || e._tag === "InvalidStoreConfig"
        ? ExitCode.store
        : e._tag === "RuleViolation" || e._tag === "InvalidCommand"
        ? ExitCode.rejected
        : ExitCode.failure
      return Effect.andThen(err(text), exit(code))
    })
  )
}

const asOfFlag = Flag.String("as-of").pipe(
  Flag.withDescription("the legal date to judge by, YYYY-MM-DD (default: today)"),
  Flag.filter(LegalDate.isLegalDate, () => "expected a date YYYY-MM-DD"),
  Flag.optional
)

const resolveDate = (flag: { readonly _tag: string; readonly value?: unknown }) =>
  flag._tag === "Some" ? Effect.succeed(flag.value as string) : today

const printReport = (asOf: string, format: "table" | "json" | "markdown", locale: Locale) =>
  Effect.gen(function*() {
    const { findings } = yield* Compliance.report(Dangjian.defaultPolicies, asOf)
    yield* out(
      format === "json"
        ? JSON.stringify(Output.reportJson(findings, asOf, locale), null, 2)
        : Output.reportText(findings, asOf, locale, format)
    )
  })

const printTree = (asOf: string | undefined, format: "text" | "mermaid", locale: Locale) =>
  Effect.gen(function*() {
    const { state } = yield* Projection.replay(
      asOf === undefined ? OrganizationTree.projection : OrganizationTree.asOf(asOf)
    )
    yield* out(format === "mermaid" ? Output.treeMermaid(state, locale) : Output.treeText(state, locale))
  })

const demo = Command.make("demo", shared, ({ lang, store }) => {
  const locale = localeOf(lang)
  return withStore(
    store,
    locale,
    Effect.gen(function*() {
      const asOf = yield* today
      const events = yield* Demo.run(asOf)
      yield* err(t("cli.demo.done", { store, events }, locale))
      yield* printTree(undefined, "text", locale)
      yield* out("")
      yield* printReport(asOf, "table", locale)
    })
  )
}).pipe(Command.withDescription("Write a demo township into the store and print its tree and findings"))

const importCommand = Command.make("import", {
  ...shared,
  file: Argument.String("file").pipe(Argument.withDescription("a roster as .csv or .json (see the README)"))
}, ({ file, lang, store }) => {
  const locale = localeOf(lang)
  let text: string
  try {
    text = readFileSync(file, "utf8")
  } catch (cause) {
    const reason = (cause as { code?: string }).code ?? "unreadable"
    return Effect.andThen(err(t("cli.file.unreadable", { file, reason }, locale)), exit(ExitCode.badInput))
  }
  const rows = Roster.readRows(text, file.toLowerCase().endsWith(".json") ? "json" : "csv")
  if (Result.isFailure(rows)) {
    return Effect.andThen(err(Roster.renderErrors(rows.failure, locale)), exit(ExitCode.badInput))
  }
  const progress = (done: number, total: number) =>
    err(`[${"#".repeat(Math.round((done / total) * 30)).padEnd(30, ".")}] ${done}/${total}`)
  return withStore(
    store,
    locale,
    Roster.importRows(rows.success, { locale, actor: "import", onProgress: progress }).pipe(
      Effect.flatMap((imported) => out(t("cli.import.done", { ...imported }, locale))),
      Effect.catch((error: unknown) => {
        if (Array.isArray(error)) {
          return err(
            `${Roster.renderErrors(error, locale)}\n${t("cli.import.failed", { count: error.length }, locale)}`
          )
            .pipe(Effect.andThen(exit(ExitCode.badInput)))
        }
        if ((error as { _tag?: string })._tag === "StoreChanged") {
          return Effect.andThen(err(t("cli.import.changed", {}, locale)), exit(ExitCode.failure))
        }
        return Effect.fail(error)
      })
    )
  )
}).pipe(Command.withDescription("Import organizations and members from a roster file, all or nothing"))

const report = Command.make("report", {
  ...shared,
  asOf: asOfFlag,
  format: Flag.Literals("format", ["table", "json", "markdown"]).pipe(Flag.withDefault("table"))
}, ({ asOf, format, lang, store }) => {
  const locale = localeOf(lang)
  return withStore(store, locale, Effect.flatMap(resolveDate(asOf), (date) => printReport(date, format, locale)))
}).pipe(
  Command.withDescription(
    "Print the findings of the three pillars as of a date, grouped by pillar and sorted by due date"
  )
)

const tree = Command.make("tree", {
  ...shared,
  asOf: asOfFlag,
  format: Flag.Literals("format", ["text", "mermaid"]).pipe(Flag.withDefault("text"))
}, ({ asOf, format, lang, store }) => {
  const locale = localeOf(lang)
  return withStore(store, locale, printTree(asOf._tag === "Some" ? (asOf.value as string) : undefined, format, locale))
}).pipe(Command.withDescription("Print the organization tree as text or Mermaid"))

const replay = Command.make("replay", shared, ({ lang, store }) => {
  const locale = localeOf(lang)
  return withStore(
    store,
    locale,
    Effect.gen(function*() {
      const head = yield* EventStore.EventStore.use((s) => s.head)
      const rebuilt = yield* Projection.rebuild(OrganizationTree.projection, {
        batchSize: 2_000,
        onProgress: (position) =>
          err(`[${"#".repeat(Math.round((position / Math.max(1, head)) * 30)).padEnd(30, ".")}] ${position}/${head}`)
      })
      yield* out(t("cli.replay.done", { projections: 1, events: rebuilt.position }, locale))
    })
  )
}).pipe(Command.withDescription("Rebuild the persisted projections from the event log"))

const schemaFiles = { commands: "commands.schema.json", events: "events.schema.json" } as const

/** Writes the two documents of `Dangjian.jsonSchemas()` into `dir` (made if missing); says where, or why not. */
const writeSchemas = (dir: string, locale: Locale): Effect.Effect<void> => {
  const documents = Dangjian.jsonSchemas()
  const commands = join(dir, schemaFiles.commands)
  const events = join(dir, schemaFiles.events)
  try {
    mkdirSync(dir, { recursive: true })
    writeFileSync(commands, `${JSON.stringify(documents.commands, null, 2)}\n`)
    writeFileSync(events, `${JSON.stringify(documents.events, null, 2)}\n`)
  } catch (cause) {
    const reason = (cause as { code?: string }).code ?? "unwritable"
    return Effect.andThen(err(t("cli.file.unwritable", { file: dir, reason }, locale)), exit(ExitCode.failure))
  }
  return err(t("cli.schema.written", { commands, events }, locale))
}

const schema = Command.make("schema", {
  lang: shared.lang,
  split: Flag.String("split").pipe(
    Flag.withDescription(`write ${schemaFiles.commands} and ${schemaFiles.events} into this directory instead`),
    Flag.optional
  )
}, ({ lang, split }) =>
  split._tag === "Some"
    ? writeSchemas(split.value, localeOf(lang))
    : out(JSON.stringify(Dangjian.jsonSchema(), null, 2))).pipe(
    Command.withDescription(
      "Print one JSON Schema (draft 2020-12) that validates a command or an event; --split writes one per kind"
    )
  )

/**
 * The `dangjian` command with its subcommands.
 *
 * @category commands
 * @since 0.1.0
 */
export const cli = Command.make("dangjian").pipe(
  Command.withDescription("dangjian 党建: Party organizations, membership and joint building, event-sourced"),
  Command.withSubcommands([demo, importCommand, report, tree, replay, schema])
)
