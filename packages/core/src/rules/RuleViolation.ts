/**
 * Domain rejections. A {@link RuleViolation} names the rule it enforces (`R1`…`R57`, `C1`…`C14` of the
 * rules specification), a message code and its params; an {@link InvalidCommand} is a rejection that is not
 * a governance rule (an unknown organization, a closed agreement). Params hold ids, counts and dates only,
 * never a member's personal data.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import type { Localized, MessageParams } from "../kernel/Message.ts"
import { renderCode } from "../messages/index.ts"

/**
 * Message parameters as a Schema (ids, counts, dates, flags).
 *
 * @category models
 * @since 0.1.0
 */
export const Params = Schema.Record(Schema.String, Schema.Union([Schema.String, Schema.Number, Schema.Boolean]))

/**
 * A command broke a governance rule. Nothing was written.
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
    return `[${this.ruleId}] ${renderCode(this.code, this.params as MessageParams, "en")}`
  }
}

/**
 * A command cannot apply to the current state for a reason that is not a governance rule. Nothing was
 * written.
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidCommand extends Schema.TaggedError<InvalidCommand>()("InvalidCommand", {
  code: Schema.String,
  params: Params
}) implements Localized {
  override get message() {
    return renderCode(this.code, this.params as MessageParams, "en")
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
