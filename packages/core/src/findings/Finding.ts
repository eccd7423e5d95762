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

/**
 * The members a finding is about: its subject when that is a member, and the member its `memberId` names (a
 * transfer's, a check-in's), each once.
 *
 * @category getters
 * @since 0.4.0
 */
export const membersOf = (finding: Finding): ReadonlyArray<string> => {
  const subject = finding.subject.kind === "member" ? finding.subject.id : undefined
  const named = finding.params["memberId"]
  if (typeof named !== "string" || named === subject) return subject === undefined ? [] : [subject]
  return subject === undefined ? [named] : [subject, named]
}

/**
 * Whether a param of a finding names an organization: `orgId`, or a key ending in `OrgId` (`toOrgId`,
 * `communityOrgId`, `hostOrgId`…). What a report filtered by organization reads, besides the subject.
 *
 * @category getters
 * @since 0.4.0
 */
export const isOrganizationParam = (key: string): boolean => key === "orgId" || key.endsWith("OrgId")

/**
 * Whether a finding's params name an organization ({@link isOrganizationParam}, with a non-empty id).
 *
 * @category getters
 * @since 0.4.0
 */
export const namesOrganizations = (finding: Finding): boolean => {
  for (const key of Object.keys(finding.params)) {
    const value = finding.params[key]
    if (isOrganizationParam(key) && typeof value === "string" && value.length > 0) return true
  }
  return false
}

const severityRank: Record<Severity, number> = { violation: 0, warning: 1, notice: 2 }

const undated = "9999-12-31"

/**
 * Orders findings by due date (undated last), then severity, rule id and subject, so that reports are
 * stable.
 *
 * @category ordering
 * @since 0.1.0
 */
export const order: Order.Order<Finding> = (a, b) => {
  const da = a.due ?? undated
  const db = b.due ?? undated
  if (da !== db) return da < db ? -1 : 1
  const s = severityRank[a.severity] - severityRank[b.severity]
  if (s !== 0) return s < 0 ? -1 : 1
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1
  return compareJoined(a.subject.kind, a.subject.id, a.code, b.subject.kind, b.subject.id, b.code)
}

const compareStrings = (a: string, b: string): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0)

const isPrefix = (a: string, b: string): boolean => a.length < b.length ? b.startsWith(a) : a.startsWith(b)

/**
 * The order of the strings `x0:x1:x2` and `y0:y1:y2`, without building them: the first parts that differ decide,
 * unless one is a prefix of the other (then what follows it matters, and the strings are compared).
 */
const compareJoined = (x0: string, x1: string, x2: string, y0: string, y1: string, y2: string): -1 | 0 | 1 => {
  if (x0 !== y0) {
    return isPrefix(x0, y0) ? compareStrings(`${x0}:${x1}:${x2}`, `${y0}:${y1}:${y2}`) : x0 < y0 ? -1 : 1
  }
  if (x1 !== y1) return isPrefix(x1, y1) ? compareStrings(`${x1}:${x2}`, `${y1}:${y2}`) : x1 < y1 ? -1 : 1
  return compareStrings(x2, y2)
}

/**
 * Sorts findings with {@link order}.
 *
 * @category ordering
 * @since 0.1.0
 */
export const sort = (findings: ReadonlyArray<Finding>): ReadonlyArray<Finding> => {
  if (findings.length < 16) return [...findings].sort(order)
  // {@link order} with its first keys worked out once per finding rather than once per comparison: the due date,
  // the severity and the rule id become one number, from the ranks of the dates and rule ids present. `sort` is
  // stable, so findings that compare equal keep their order, as with `order`.
  const dues = new Map<string, number>()
  const rules = new Map<string, number>()
  for (const finding of findings) {
    dues.set(finding.due ?? undated, 0)
    rules.set(finding.ruleId, 0)
  }
  rank(dues)
  rank(rules)
  const keyed = findings.map((finding): SortKey => ({
    finding,
    first: (dues.get(finding.due ?? undated)! * 3 + severityRank[finding.severity]) * rules.size
      + rules.get(finding.ruleId)!,
    kind: finding.subject.kind,
    id: finding.subject.id,
    code: finding.code
  }))
  keyed.sort((a, b) =>
    a.first !== b.first ? a.first - b.first : compareJoined(a.kind, a.id, a.code, b.kind, b.id, b.code)
  )
  return keyed.map((k) => k.finding)
}

interface SortKey {
  readonly finding: Finding
  readonly first: number
  readonly kind: string
  readonly id: string
  readonly code: string
}

/** Sets each key's value to its rank in string order. */
const rank = (values: Map<string, number>): void => {
  const sorted = [...values.keys()].sort(compareStrings)
  for (let i = 0; i < sorted.length; i++) values.set(sorted[i]!, i)
}
