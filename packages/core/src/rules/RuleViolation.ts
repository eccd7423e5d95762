/**
 * Domain rejections. A {@link RuleViolation} names the rule it enforces (`R1`…`R57`, `C1`…`C14` of the
 * rules specification), a message code and its params; an {@link InvalidCommand} is a rejection that is not
 * a governance rule (an unknown organization, a closed agreement). Params hold ids, counts and dates only,
 * never a member's personal data.
 *
 * Errors sit below the message catalogs: an error's `message` is its rule id, code and params as plain text
 * (`[R9] organization.temporaryBranchNoAdmission (orgId=t)`), for logs and stack traces; `Messages.render(error,
 * locale)` renders it in zh-CN or en from the catalogs.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import type { Localized, MessageParams } from "../kernel/Message.ts"

/**
 * Message parameters as a Schema (ids, counts, dates, flags).
 *
 * @category models
 * @since 0.1.0
 */
export const Params = Schema.Record(Schema.String, Schema.Union([Schema.String, Schema.Number, Schema.Boolean]))

/**
 * A command broke a governance rule. Nothing was written. Its `message` is plain (`[R1] code (key=value, …)`);
 * render it with `Messages.render`.
 *
 * @category errors
 * @since 0.1.0
 */
export class RuleViolation extends Schema.TaggedError<RuleViolation>()("RuleViolation", {
  ruleId: Schema.String,
  code: Schema.String,
  params: Params
}) implements Localized {
  override get message() {
    return `[${this.ruleId}] ${plain(this.code, this.params)}`
  }
}

/**
 * A command cannot apply to the current state for a reason that is not a governance rule. Nothing was
 * written. Its `message` is plain (`code (key=value, …)`); render it with `Messages.render`.
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidCommand extends Schema.TaggedError<InvalidCommand>()("InvalidCommand", {
  code: Schema.String,
  params: Params
}) implements Localized {
  override get message() {
    return plain(this.code, this.params)
  }
}

/**
 * Builds a {@link RuleViolation}, dropping undefined params.
 *
 * @category constructors
 * @since 0.1.0
 */
export const violation = (ruleId: string, code: string, params: MessageParams = {}): RuleViolation =>
  new RuleViolation({ ruleId, code, params: clean(params) })

/**
 * Builds an {@link InvalidCommand}, dropping undefined params.
 *
 * @category constructors
 * @since 0.1.0
 */
export const invalid = (code: string, params: MessageParams = {}): InvalidCommand =>
  new InvalidCommand({ code, params: clean(params) })

/**
 * The rejection of a command no decision knows (`domain.unknownCommand`): what the `default` of a `decide`
 * switch returns after its `never` check, for a command built without its Schema. Taking `never`, it is also
 * that check: a command tag without its case fails to compile where this is called.
 *
 * @category constructors
 * @since 0.2.0
 */
export const unknownCommand = (_command: never): InvalidCommand => invalid("domain.unknownCommand")

// The code and its params as text, in the shape `Message.renderWith` gives a code no catalog knows.
const plain = (code: string, params: MessageParams): string => {
  const shown = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(", ")
  return shown.length > 0 ? `${code} (${shown})` : code
}

const clean = (params: MessageParams): Record<string, string | number | boolean> => {
  const out: Record<string, string | number | boolean> = {}
  for (const [k, v] of Object.entries(params)) if (v !== undefined) out[k] = v
  return out
}

/**
 * The errors a domain decision can return.
 *
 * @category errors
 * @since 0.1.0
 */
export type DomainError = RuleViolation | InvalidCommand
