/**
 * Findings: what `assess` reports about the state of organizations, members and agreements as of a date.
 * A finding names its rule, how serious it is, its subject, when it is due, and a message code with params
 * (rendered in zh-CN or en by `Messages.render`). Every pillar's assessment returns this one shape, so they
 * join into one compliance view.
 *
 * @since 0.1.0
 */
import { Order, Schema } from "effect"
import { LegalDate } from "../LegalDate.ts"
import { Params } from "../rules/RuleViolation.ts"

/**
 * - `violation`: a HARD rule is not met now (for example a committee missing at ≥ 7 full members);
 * - `warning`: a recommendation is not followed (REC), or a deadline has passed;
 * - `notice`: something is possible or coming up (may upgrade, renewal reminder).
 *
 * @category models
 * @since 0.1.0
 */
export const Severity = Schema.Literals(["violation", "warning", "notice"])

/**
 * @category models
 * @since 0.1.0
 */
export type Severity = typeof Severity.Type

/**
 * What a finding is about.
 *
 * @category models
 * @since 0.1.0
 */
export const Subject = Schema.Struct({
  kind: Schema.Literals(["organization", "member", "agreement", "transfer", "checkIn", "unit"]),
  id: Schema.String
})

/**
 * @category models
 * @since 0.1.0
 */
export type Subject = typeof Subject.Type

/**
 * @category models
 * @since 0.1.0
 */
export const Finding = Schema.Struct({
  ruleId: Schema.String,
  severity: Severity,
  subject: Subject,
  /** When it must be acted on; absent when there is no deadline. */
  due: Schema.optionalKey(LegalDate),
  code: Schema.String,
  params: Params
}).annotate({ identifier: "Finding" })

/**
 * @category models
 * @since 0.1.0
 */
export type Finding = typeof Finding.Type

const severityRank: Record<Severity, number> = { violation: 0, warning: 1, notice: 2 }

/**
 * Orders findings by due date (undated last), then severity, rule id and subject, so that reports are
 * stable.
 *
 * @category ordering
 * @since 0.1.0
 */
export const order: Order.Order<Finding> = (a, b) => {
  const da = a.due ?? "9999-12-31"
  const db = b.due ?? "9999-12-31"
  if (da !== db) return da < db ? -1 : 1
  const s = severityRank[a.severity] - severityRank[b.severity]
  if (s !== 0) return s < 0 ? -1 : 1
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1
  const sa = `${a.subject.kind}:${a.subject.id}:${a.code}`
  const sb = `${b.subject.kind}:${b.subject.id}:${b.code}`
  return sa < sb ? -1 : sa > sb ? 1 : 0
}

/**
 * Sorts findings with {@link order}.
 *
 * @category ordering
 * @since 0.1.0
 */
export const sort = (findings: ReadonlyArray<Finding>): ReadonlyArray<Finding> => [...findings].sort(order)
