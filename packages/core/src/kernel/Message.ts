/**
 * Localised messages as data: an error or finding carries a stable `code` and its `params`; the text is
 * rendered from a catalog per locale (zh-CN and en), as Zod does with its locale files. Params never hold a
 * member's personal data, so a rendered message is safe to log.
 *
 * @since 0.1.0
 */

/**
 * The locales every message exists in.
 *
 * @category models
 * @since 0.1.0
 */
export type Locale = "zh-CN" | "en"

/**
 * @category models
 * @since 0.1.0
 */
export const locales: ReadonlyArray<Locale> = ["zh-CN", "en"]

/**
 * Parameters of a message: ids, counts, dates, rule ids. Never names or other personal data.
 *
 * @category models
 * @since 0.1.0
 */
export type MessageParams = Readonly<Record<string, string | number | boolean | undefined>>

/**
 * Something that renders as a localised message.
 *
 * @category models
 * @since 0.1.0
 */
export interface Localized {
  readonly code: string
  readonly params: MessageParams
}

/**
 * A template: a function from params to text.
 *
 * @category models
 * @since 0.1.0
 */
export type Template = (params: MessageParams) => string

/**
 * One locale's templates, keyed by message code.
 *
 * @category models
 * @since 0.1.0
 */
export type Catalog = Readonly<Record<string, Template>>

/**
 * Catalogs for every locale. Build one per area (kernel, organization, …) and merge them with
 * {@link mergeCatalogs}.
 *
 * @category models
 * @since 0.1.0
 */
export type Catalogs = Readonly<Record<Locale, Catalog>>

/**
 * Merges several catalogs; a later catalog wins on a duplicate code.
 *
 * @category combining
 * @since 0.1.0
 */
export const mergeCatalogs = (...all: ReadonlyArray<Catalogs>): Catalogs => ({
  "zh-CN": Object.assign({}, ...all.map((c) => c["zh-CN"])),
  en: Object.assign({}, ...all.map((c) => c.en))
})

/**
 * Renders a code with its params from catalogs. An unknown code renders as the code itself followed by its
 * params, so nothing is ever lost.
 *
 * @category rendering
 * @since 0.1.0
 */
export const renderWith = (catalogs: Catalogs, code: string, params: MessageParams, locale: Locale): string => {
  // Own keys only: a code (or a locale) such as `constructor` must not find Object.prototype's.
  const catalog = Object.hasOwn(catalogs, locale) ? catalogs[locale] : catalogs.en
  const template = (Object.hasOwn(catalog, code) ? catalog[code] : undefined)
    ?? (Object.hasOwn(catalogs.en, code) ? catalogs.en[code] : undefined)
  if (template !== undefined) return template(params)
  const shown = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(", ")
  return shown.length > 0 ? `${code} (${shown})` : code
}

/** Shows a param, or a dash when it is missing. */
export const show = (value: string | number | boolean | undefined): string => value === undefined ? "—" : String(value)
