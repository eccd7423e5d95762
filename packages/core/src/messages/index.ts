/**
 * Every message catalog of the library merged into one, and rendering in zh-CN or en. Each area keeps its
 * own catalog file (kernel, rules, each pillar); add a new one to `catalogs` below.
 *
 * @since 0.1.0
 */
import { agreementMessages } from "../agreement/messages.ts"
import { appraisalMessages } from "../appraisal/messages.ts"
import { councilMessages } from "../council/messages.ts"
import { developmentMessages } from "../development/messages.ts"
import { duesMessages } from "../dues/messages.ts"
import type { Catalogs, Locale, Localized, MessageParams } from "../kernel/Message.ts"
import { mergeCatalogs, renderWith } from "../kernel/Message.ts"
import { kernelMessages } from "../kernel/messages.ts"
import { leadershipMessages } from "../leadership/messages.ts"
import { meetingMessages } from "../meeting/messages.ts"
import { memberMessages } from "../member/messages.ts"
import { organizationMessages } from "../organization/messages.ts"
import { pointsMessages } from "../points/messages.ts"
import { rolesMessages } from "../roles/messages.ts"
import { ruleMessages } from "../rules/messages.ts"
import { unitCheckInMessages } from "../unitCheckIn/messages.ts"

/**
 * All catalogs.
 *
 * @category messages
 * @since 0.1.0
 */
export const catalogs: Catalogs = mergeCatalogs(
  kernelMessages,
  ruleMessages,
  organizationMessages,
  memberMessages,
  unitCheckInMessages,
  agreementMessages,
  appraisalMessages,
  pointsMessages,
  rolesMessages,
  councilMessages,
  developmentMessages,
  leadershipMessages,
  meetingMessages,
  duesMessages
)

/**
 * Renders a message code with its params.
 *
 * @category rendering
 * @since 0.1.0
 */
export const renderCode = (code: string, params: MessageParams, locale: Locale = "zh-CN"): string =>
  renderWith(catalogs, code, params, locale)

/**
 * Renders an error or finding (anything with `code` and `params`).
 *
 * @category rendering
 * @since 0.1.0
 */
export const render = (localized: Localized, locale: Locale = "zh-CN"): string =>
  renderWith(catalogs, localized.code, localized.params, locale)

/**
 * Whether a code has a template in every locale (tests use it to find missing translations).
 *
 * @category guards
 * @since 0.1.0
 */
export const isTranslated = (code: string): boolean =>
  Object.hasOwn(catalogs.en, code) && Object.hasOwn(catalogs["zh-CN"], code)
