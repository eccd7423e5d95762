/**
 * `dangjian rules [R16 …]`: the rules of the library's catalog (`Rules` in `@dangjian/core`), each with its
 * title, class, source (regulation and article, or the seed practice) and the policy fields that change it,
 * in the user's language: the text of the documentation site's rules reference, for a clerk who sees `R16` in
 * a report.
 *
 * @since 0.2.0
 */
import type { Locale } from "@dangjian/core"
import { Rules } from "@dangjian/core"
import { t } from "./messages.ts"

/**
 * The rules asked for, in catalog order (every rule when none is named), and the ids that name no rule.
 *
 * @category queries
 * @since 0.2.0
 */
export const select = (
  ids: ReadonlyArray<string>
): { readonly rules: ReadonlyArray<Rules.Rule>; readonly unknown: ReadonlyArray<string> } => {
  if (ids.length === 0) return { rules: Rules.all, unknown: [] }
  // `r16` and `16` name R16 too: what a clerk types after reading a report.
  const normalized = ids.map((id) => ({ id, rule: Rules.get(`R${id.trim().replace(/^r/i, "")}`) }))
  const wanted = new Set(normalized.flatMap(({ rule }) => (rule === undefined ? [] : [rule.id])))
  return {
    rules: Rules.all.filter((rule) => wanted.has(rule.id)),
    unknown: normalized.filter(({ rule }) => rule === undefined).map(({ id }) => id)
  }
}

/**
 * One rule as text: its id and title, then class, source and policy fields, indented.
 *
 * @category rendering
 * @since 0.2.0
 */
export const render = (rule: Rules.Rule, locale: Locale): string =>
  [
    `${rule.id}  ${rule.title[locale]}`,
    `    ${t("cli.rules.class", { classes: rule.classes.join(", ") }, locale)}`,
    `    ${t("cli.rules.source", { source: rule.source }, locale)}`,
    `    ${
      t("cli.rules.knobs", {
        knobs: rule.knobs.length === 0 ? t("cli.rules.noKnobs", {}, locale) : rule.knobs.join(", ")
      }, locale)
    }`
  ].join("\n")
