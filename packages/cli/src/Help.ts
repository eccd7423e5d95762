/**
 * Help and usage errors in the user's language (zh-CN first): a presenter for `effect/cli` that renders the
 * help of a command from its help document with localized headings, and every parsing error from its data
 * (the option, the value, the suggestions) with a localized message. Help asked for goes to stdout; a usage
 * error goes to stderr, followed by the help of the command, and the command line exits with 2.
 *
 * @since 0.2.0
 */
import type { Locale } from "@dangjian/core"
import { Effect, Option } from "effect"
import type { CliError, HelpDoc } from "effect/cli"
import { CliOutput } from "effect/cli"
import { t } from "./messages.ts"
import { mask } from "./Store.ts"

const width = (s: string) => [...s].reduce((w, c) => w + (c.codePointAt(0)! > 0x2e7f ? 2 : 1), 0)
const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - width(s)))

// `effect/cli` appends "(choices: …)" in English to a choice flag's description; the descriptions here list the
// choices in the user's language already.
const description = (text: Option.Option<string>) =>
  Option.getOrElse(text, () => "").replace(/\s*\(choices: [^)]*\)$/, "")

const typeNames: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  string: { en: "text", "zh-CN": "文本" },
  choice: { en: "value", "zh-CN": "值" },
  integer: { en: "number", "zh-CN": "整数" }
}
const typeName = (type: string, locale: Locale) => Object.hasOwn(typeNames, type) ? typeNames[type]![locale] : type

const builtInDescription: Readonly<Record<string, string>> = {
  help: "cli.help.flag.help",
  version: "cli.help.flag.version"
}

/**
 * Renders a help document.
 *
 * @category rendering
 * @since 0.2.0
 */
export const formatHelp = (doc: HelpDoc.HelpDoc, locale: Locale): string => {
  const lines: Array<string> = []
  const colon = locale === "en" ? ": " : ":"
  const path = (doc.commandPath ?? []).join(" ")
  if (doc.description.length > 0) lines.push(doc.description, "")
  const hasCommands = (doc.subcommands ?? []).some((group) => group.commands.length > 0)
  const args = (doc.args ?? []).map((a) => (a.required ? `<${a.name}>` : `[<${a.name}>]`) + (a.variadic ? "…" : ""))
  const usage = [
    path,
    hasCommands ? `<${t("cli.help.command", {}, locale)}>` : undefined,
    doc.flags.length > 0 ? `[${t("cli.help.option", {}, locale)}]` : undefined,
    ...args
  ].filter((part) => part !== undefined && part.length > 0)
  lines.push(`${t("cli.help.usage", {}, locale)}${colon}${usage.join(" ")}`)
  const table = (heading: string, rows: ReadonlyArray<readonly [string, string]>) => {
    if (rows.length === 0) return
    const w = Math.max(...rows.map(([left]) => width(left)))
    lines.push("", `${heading}${colon.trim()}`)
    for (const [left, right] of rows) lines.push(`  ${pad(left, w)}  ${right}`.trimEnd())
  }
  table(
    t("cli.help.commands", {}, locale),
    (doc.subcommands ?? []).flatMap((group) =>
      group.commands.map((c) => [c.name, c.shortDescription ?? c.description] as const)
    )
  )
  table(
    t("cli.help.arguments", {}, locale),
    (doc.args ?? []).map((a) => [`<${a.name}>`, description(a.description)] as const)
  )
  const flagRows = (flags: ReadonlyArray<HelpDoc.FlagDoc>) =>
    flags.map((f) => {
      const names = [
        ...f.aliases.filter((a) => a.length === 2),
        `--${f.name}`,
        ...f.aliases.filter((a) => a.length > 2)
      ]
      const value = f.type === "boolean" || f.type.length === 0 ? "" : ` <${typeName(f.type, locale)}>`
      const text = Object.hasOwn(builtInDescription, f.name)
        ? t(builtInDescription[f.name]!, {}, locale)
        : description(f.description)
      return [`${names.join(", ")}${value}`, text] as const
    })
  table(t("cli.help.options", {}, locale), flagRows([...doc.flags, ...(doc.inheritedFlags ?? [])]))
  table(t("cli.help.global", {}, locale), flagRows(doc.globalFlags ?? []))
  lines.push("", t("cli.help.exitCodes", {}, locale))
  return lines.join("\n")
}

const list = (values: ReadonlyArray<string>) => values.join(", ")

/**
 * Renders one parsing error. Values the user typed are shown with any password masked.
 *
 * @category rendering
 * @since 0.2.0
 */
export const formatError = (error: CliError.CliError, locale: Locale): string => {
  switch (error._tag) {
    case "UnrecognizedOption":
      return t(
        "cli.usage.unrecognizedOption",
        { option: mask(error.option), suggestions: list(error.suggestions) },
        locale
      )
    case "DuplicateOption":
      return t("cli.usage.duplicateOption", { option: error.option }, locale)
    case "MissingOption":
      return t("cli.usage.missingOption", { option: error.option }, locale)
    case "MissingArgument":
      return t("cli.usage.missingArgument", { argument: error.argument }, locale)
    case "UnexpectedArgument":
      return t("cli.usage.unexpectedArgument", { arguments: mask(list(error.arguments)) }, locale)
    case "InvalidValue":
      return t("cli.usage.invalidValue", {
        option: error.kind === "flag" ? `--${error.option.replace(/^--/, "")}` : `<${error.option}>`,
        value: mask(error.value),
        expected: error.expected.replace(/^Expected (one of )?/i, "")
      }, locale)
    case "UnknownSubcommand":
      return t("cli.usage.unknownSubcommand", {
        subcommand: mask(error.subcommand),
        suggestions: list(error.suggestions)
      }, locale)
    case "ValidationError":
      return mask(error.message)
    case "UserError":
      return mask(error.message)
    case "ShowHelp":
      return t("cli.usage.noCommand", {}, locale)
  }
}

/**
 * The presenter: help asked for on stdout; usage errors (and a command line without a command) on stderr,
 * the errors first, then the help.
 *
 * @category services
 * @since 0.2.0
 */
export const presenter = (locale: Locale): CliOutput.Presenter => ({
  present: (event) =>
    Effect.sync(() => {
      switch (event._tag) {
        case "Help":
          if (event.reason === "Requested") process.stdout.write(`${formatHelp(event.helpDoc, locale)}\n`)
          else {
            process.stderr.write(`${t("cli.usage.noCommand", {}, locale)}\n\n${formatHelp(event.helpDoc, locale)}\n`)
          }
          return
        case "InvalidInvocation":
          process.stderr.write(
            `${event.errors.map((e) => formatError(e, locale)).join("\n")}\n\n${formatHelp(event.helpDoc, locale)}\n`
          )
          return
        case "Version":
          process.stdout.write(`${event.name} v${event.version}\n`)
          return
      }
    })
})

/**
 * The layer installing the presenter.
 *
 * @category layers
 * @since 0.2.0
 */
export const layer = (locale: Locale) => CliOutput.layerPresenter(presenter(locale))
