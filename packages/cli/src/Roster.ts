/**
 * Roster import: organizations and their members from a CSV or JSON file, with zh-CN or English column
 * names (the format is documented in the package README). Every row is checked first and every bad row is
 * reported with its line number and reason; then every organization is decided by the library's own rules on
 * a staging copy of the store; only when everything is accepted are all events written in ONE atomic append,
 * with the expected version of every stream it touches. So an import is all or nothing: a bad row, a rule
 * violation or a concurrent change leaves the store exactly as it was.
 *
 * @since 0.1.0
 */
import type { Locale } from "@dangjian/core"
import { Dangjian, LegalDate, Member, Messages, Organization } from "@dangjian/core"
import type { EventStore as EventStoreModule } from "@dangjian/core/kernel"
import { Effect, Result } from "effect"
import { t } from "./messages.ts"
import * as Staging from "./Staging.ts"

/**
 * A problem with one row (or, with line 0, with the file).
 *
 * @category models
 * @since 0.1.0
 */
export interface RowError {
  readonly line: number
  readonly code: string
  readonly params: Readonly<Record<string, string | number>>
}

/**
 * The canonical columns with their accepted names.
 *
 * @category models
 * @since 0.1.0
 */
export const columns = {
  orgId: ["orgId", "组织编号"],
  orgName: ["orgName", "组织名称"],
  kind: ["kind", "组织类型"],
  locus: ["locus", "所在地类型"],
  formation: ["formation", "组建方式"],
  parentId: ["parentId", "上级组织编号"],
  approvedBy: ["approvedBy", "批准机关"],
  approvalLevel: ["approvalLevel", "批准级别"],
  approvedAt: ["approvedAt", "批准日期"],
  memberId: ["memberId", "党员编号"],
  status: ["status", "党员状态"],
  probationEndsAt: ["probationEndsAt", "预备期满日期"],
  lastOrgLifeAt: ["lastOrgLifeAt", "最近组织生活日期"],
  lastDuesAt: ["lastDuesAt", "最近交纳党费日期"]
} as const

type Column = keyof typeof columns
const required: ReadonlyArray<Column> = [
  "orgId",
  "orgName",
  "kind",
  "locus",
  "approvedBy",
  "approvalLevel",
  "approvedAt"
]

const aliases = (map: Record<string, ReadonlyArray<string>>): Map<string, string> => {
  const out = new Map<string, string>()
  for (const [value, names] of Object.entries(map)) for (const name of [value, ...names]) out.set(name, value)
  return out
}

const kinds = aliases({
  townshipCommittee: ["乡镇党委"],
  subdistrictCommittee: ["街道党工委", "街道党委"],
  primaryCommittee: ["党委", "基层党委"],
  generalBranch: ["党总支"],
  branch: ["党支部"],
  jointBranch: ["联合党支部"],
  temporaryBranch: ["临时党支部"],
  mobileMemberBranch: ["流动党员党支部"],
  functionalBranch: ["功能型党支部", "职能党支部"]
})
const loci = aliases({
  village: ["村"],
  community: ["社区"],
  enterprise: ["企业"],
  agency: ["机关"],
  institution: ["事业单位"],
  school: ["学校"],
  hospital: ["医院"],
  socialOrganization: ["社会组织"],
  park: ["园区"],
  market: ["市场"],
  cooperative: ["合作社"],
  project: ["项目"],
  township: ["乡镇"],
  subdistrict: ["街道"],
  other: ["其他"]
})
const formations = aliases({
  standalone: ["单独组建"],
  joint: ["联合组建"],
  attachedToVillage: ["村社挂建"],
  villageCommunityUnified: ["村居合一"],
  villageEnterprise: ["村企联建"]
})
const levels = aliases({
  primaryCommittee: ["基层党委"],
  township: ["乡镇", "乡镇党委", "街道"],
  county: ["县级", "县委"],
  city: ["市级", "市委"],
  province: ["省级", "省委"],
  central: ["中央"]
})
const statuses = aliases({ full: ["正式", "正式党员"], probationary: ["预备", "预备党员"] })

/**
 * Splits CSV text into records (RFC 4180: quoted fields, doubled quotes, CRLF), each with its line number.
 *
 * @category parsing
 * @since 0.1.0
 */
export const parseCsv = (text: string): Array<{ readonly line: number; readonly fields: Array<string> }> => {
  const records: Array<{ line: number; fields: Array<string> }> = []
  let fields: Array<string> = []
  let field = ""
  let quoted = false
  let line = 1
  let start = 1
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (quoted) {
      if (c === "\"") {
        if (body[i + 1] === "\"") {
          field += "\""
          i++
        } else quoted = false
      } else {
        if (c === "\n") line++
        field += c
      }
      continue
    }
    if (c === "\"") quoted = true
    else if (c === ",") {
      fields.push(field)
      field = ""
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i++
      fields.push(field)
      if (fields.some((f) => f.trim().length > 0)) records.push({ line: start, fields })
      fields = []
      field = ""
      line++
      start = line
    } else field += c
  }
  fields.push(field)
  if (fields.some((f) => f.trim().length > 0)) records.push({ line: start, fields })
  return records
}

/**
 * One row with its line number, keyed by canonical column.
 *
 * @category models
 * @since 0.1.0
 */
export interface Row {
  readonly line: number
  readonly values: Partial<Record<Column, string>>
}

const canonical = new Map<string, Column>(
  Object.entries(columns).flatMap(([key, names]) => names.map((name) => [name, key as Column] as const))
)

/**
 * Reads rows from a CSV text (first record = header) or a JSON text (an array of objects, line = index + 1).
 *
 * @category parsing
 * @since 0.1.0
 */
export const readRows = (
  text: string,
  format: "csv" | "json"
): Result.Result<Array<Row>, Array<RowError>> => {
  let raw: Array<{ line: number; record: Record<string, string> }>
  if (format === "json") {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      return Result.fail([{ line: 0, code: "cli.file.format", params: { file: "JSON", reason: "not valid JSON" } }])
    }
    if (!Array.isArray(parsed)) {
      return Result.fail([{
        line: 0,
        code: "cli.file.format",
        params: { file: "JSON", reason: "expected an array of rows" }
      }])
    }
    raw = parsed.map((item, i) => ({
      line: i + 1,
      record: typeof item === "object" && item !== null
        ? Object.fromEntries(Object.entries(item).map(([k, v]) => [k, v === null || v === undefined ? "" : String(v)]))
        : {}
    }))
  } else {
    const records = parseCsv(text)
    const header = records[0]
    if (header === undefined) return Result.succeed([])
    raw = records.slice(1).map((r) => ({
      line: r.line,
      record: Object.fromEntries(header.fields.map((name, i) => [name.trim(), r.fields[i] ?? ""]))
    }))
    const known = new Set(header.fields.map((name) => canonical.get(name.trim())))
    const missing = required.filter((c) => !known.has(c))
    if (missing.length > 0) {
      return Result.fail(
        missing.map((column) => ({ line: header.line, code: "cli.row.missingColumn", params: { column } }))
      )
    }
  }
  return Result.succeed(raw.map(({ line, record }) => {
    const values: Partial<Record<Column, string>> = {}
    for (const [name, value] of Object.entries(record)) {
      const column = canonical.get(name.trim())
      if (column !== undefined && value.trim().length > 0) values[column] = value.trim()
    }
    return { line, values }
  }))
}

/**
 * One member of the roster: the membership pillar's registration of a member already in the Party (R38),
 * and the last organizational life and dues the roster records (R39), each with the row's line.
 *
 * @category models
 * @since 0.1.0
 */
export interface MemberPlan {
  readonly line: number
  readonly register: Member.RegisterMember
  readonly participation: ReadonlyArray<Member.RecordParticipation>
}

/**
 * One organization of the roster: its establishment (listing its members) and its members' registrations.
 *
 * @category models
 * @since 0.1.0
 */
export interface OrgPlan {
  readonly lines: Array<number>
  readonly command: typeof Organization.EstablishOrganization.Type
  readonly firstLine: number
  readonly members: ReadonlyArray<MemberPlan>
}

/**
 * Checks every row and groups them into one establishment per organization, parents first.
 *
 * @category validation
 * @since 0.1.0
 */
export const plan = (
  rows: ReadonlyArray<Row>,
  existing: ReadonlySet<string>,
  existingMembers: ReadonlySet<string> = new Set()
): Result.Result<Array<OrgPlan>, Array<RowError>> => {
  const errors: Array<RowError> = []
  const orgs = new Map<
    string,
    {
      plan: Omit<OrgPlan, "members">
      members: Array<{ memberId: string; status: "full" | "probationary" }>
      registrations: Array<MemberPlan>
    }
  >()
  const members = new Map<string, number>()
  for (const row of rows) {
    const v = row.values
    const fail = (code: string, params: Record<string, string | number>) =>
      errors.push({ line: row.line, code, params })
    const missing = required.filter((c) => v[c] === undefined)
    if (missing.length > 0) {
      for (const column of missing) fail("cli.row.required", { column })
      continue
    }
    const kind = kinds.get(v.kind!)
    const locus = loci.get(v.locus!)
    const formation = v.formation === undefined ? "standalone" : formations.get(v.formation)
    const level = levels.get(v.approvalLevel!)
    let bad = false
    const reject = (code: string, params: Record<string, string | number>) => {
      bad = true
      fail(code, params)
    }
    if (kind === undefined) {
      reject("cli.row.invalidValue", { column: "kind", expected: [...new Set(kinds.values())].join("|") })
    }
    if (locus === undefined) {
      reject("cli.row.invalidValue", { column: "locus", expected: [...new Set(loci.values())].join("|") })
    }
    if (formation === undefined) {
      reject("cli.row.invalidValue", { column: "formation", expected: [...new Set(formations.values())].join("|") })
    }
    if (level === undefined) {
      reject("cli.row.invalidValue", { column: "approvalLevel", expected: [...new Set(levels.values())].join("|") })
    }
    if (!LegalDate.isLegalDate(v.approvedAt)) {
      reject("cli.row.invalidValue", { column: "approvedAt", expected: "YYYY-MM-DD" })
    }
    const status = v.memberId === undefined ? undefined : statuses.get(v.status ?? "full")
    if (v.memberId !== undefined && status === undefined) {
      bad = true
      fail("cli.row.invalidValue", { column: "status", expected: "full|probationary|正式|预备" })
    }
    // The member's dates: the end of probation (R37, probationary members only) and the last organizational
    // life and dues (R39), none before the organization's establishment.
    for (const column of ["probationEndsAt", "lastOrgLifeAt", "lastDuesAt"] as const) {
      const value = v[column]
      if (value === undefined) continue
      if (v.memberId === undefined || (column === "probationEndsAt" && status !== "probationary")) {
        reject("cli.row.invalidValue", {
          column,
          expected: column === "probationEndsAt" ? "status=probationary" : "memberId"
        })
      } else if (!LegalDate.isLegalDate(value)) {
        reject("cli.row.invalidValue", { column, expected: "YYYY-MM-DD" })
      } else if (column !== "probationEndsAt" && LegalDate.isLegalDate(v.approvedAt) && value < v.approvedAt) {
        reject("cli.row.invalidValue", { column, expected: `>= approvedAt ${v.approvedAt}` })
      }
    }
    if (v.memberId !== undefined) {
      // R38: one affiliation per member, across the file and the store.
      const first = existingMembers.has(v.memberId) ? "store" : members.get(v.memberId)
      if (first !== undefined) reject("cli.row.duplicateMember", { memberId: v.memberId, firstLine: first })
      else members.set(v.memberId, row.line)
    }
    if (bad) continue
    const command = {
      _tag: "EstablishOrganization" as const,
      orgId: v.orgId!,
      name: v.orgName!,
      kind: kind as Organization.OrgKind,
      formation: formation as Organization.FormationMode,
      locus: locus as Organization.Locus,
      ...(v.parentId === undefined ? {} : { parentId: v.parentId }),
      approval: { by: v.approvedBy!, level: level as Organization.Approval["level"], at: v.approvedAt! },
      initialMembers: [],
      at: v.approvedAt!
    }
    const known = orgs.get(v.orgId!)
    if (known === undefined) {
      if (existing.has(v.orgId!)) fail("cli.row.exists", { orgId: v.orgId! })
      else {
        orgs.set(v.orgId!, {
          plan: { lines: [row.line], command, firstLine: row.line },
          members: [],
          registrations: []
        })
      }
    } else {
      const a = known.plan.command
      const differs = (["name", "kind", "locus", "formation", "parentId"] as const).find((k) => a[k] !== command[k])
        ?? (a.approval.by !== command.approval.by || a.approval.level !== command.approval.level
            || a.approval.at !== command.approval.at
          ? "approval"
          : undefined)
      if (differs !== undefined) {
        fail("cli.row.conflictingOrg", { orgId: v.orgId!, firstLine: known.plan.firstLine, column: differs })
      } else known.plan.lines.push(row.line)
    }
    const entry = orgs.get(v.orgId!)
    if (entry !== undefined && v.memberId !== undefined) {
      const memberId = v.memberId
      const memberStatus = status as "full" | "probationary"
      const at = entry.plan.command.at
      entry.members.push({ memberId, status: memberStatus })
      // R38: the member stream of a member already in the Party, at the organization that lists them
      entry.registrations.push({
        line: row.line,
        register: {
          _tag: "RegisterMember",
          memberId,
          orgId: v.orgId!,
          status: memberStatus,
          ...(v.probationEndsAt === undefined ? {} : { probationEndsAt: v.probationEndsAt }),
          at
        },
        participation: ([["orgLife", v.lastOrgLifeAt], ["dues", v.lastDuesAt]] as const).flatMap(([kind, date]) =>
          date === undefined ? [] : [{ _tag: "RecordParticipation" as const, memberId, kind, at: date }]
        )
      })
    }
  }
  // Parents first; a parent must be in the file or in the store, and the chain must not loop.
  const ordered: Array<OrgPlan> = []
  const state = new Map<string, "visiting" | "done">()
  const visit = (orgId: string): void => {
    const entry = orgs.get(orgId)!
    if (state.get(orgId) === "done") return
    if (state.get(orgId) === "visiting") {
      errors.push({ line: entry.plan.firstLine, code: "cli.row.cycle", params: { orgId } })
      return
    }
    state.set(orgId, "visiting")
    const parentId = entry.plan.command.parentId
    if (parentId !== undefined) {
      if (orgs.has(parentId)) visit(parentId)
      else if (!existing.has(parentId)) {
        errors.push({ line: entry.plan.firstLine, code: "cli.row.unknownParent", params: { parentId } })
      }
    }
    state.set(orgId, "done")
    ordered.push({
      ...entry.plan,
      command: { ...entry.plan.command, initialMembers: entry.members },
      members: entry.registrations
    })
  }
  for (const orgId of orgs.keys()) visit(orgId)
  return errors.length > 0 ? Result.fail(errors.sort((a, b) => a.line - b.line)) : Result.succeed(ordered)
}

/**
 * The outcome of an import.
 *
 * @category models
 * @since 0.1.0
 */
export interface Imported {
  readonly organizations: number
  readonly members: number
  readonly events: number
}

/**
 * Imports a file's rows: checks them, decides every establishment on a staging copy of the store, and writes
 * all events in one atomic append. Fails with every bad row; writes nothing unless everything is accepted.
 *
 * @category importing
 * @since 0.1.0
 */
export const importRows = (
  rows: ReadonlyArray<Row>,
  options: {
    readonly policies?: Organization.Policies
    readonly actor?: string
    readonly locale: Locale
    readonly onProgress?: (done: number, total: number) => Effect.Effect<void>
  }
): Effect.Effect<
  Imported,
  Array<RowError> | { readonly _tag: "StoreChanged" } | unknown,
  EventStoreModule.EventStore
> =>
  Effect.gen(function*() {
    // Staging: the store's current log, copied into memory with the same streams and versions.
    const staging = yield* Staging.make
    const log = staging.log
    const existing = new Set(
      log.filter((e) => e.type === "OrganizationEstablished").map((e) => (e.data as { orgId: string }).orgId)
    )
    // R38: a member on a roster or with a member stream of their own is known to the store already.
    const onRoster = new Set<string>()
    const withStream = new Set<string>()
    for (const e of log) {
      const data = e.data as { memberId?: string }
      const memberId = Member.memberIdOf(e.streamId)
      if (memberId !== undefined) withStream.add(memberId)
      else if (e.type === "RosterMemberAdded") onRoster.add(data.memberId!)
      else if (e.type === "RosterMemberRemoved") onRoster.delete(data.memberId!)
    }
    const planned = plan(rows, existing, new Set([...onRoster, ...withStream]))
    if (Result.isFailure(planned)) return yield* Effect.fail(planned.failure)
    const errors: Array<RowError> = []
    const executeOptions = {
      ...(options.policies === undefined ? {} : { policies: options.policies }),
      ...(options.actor === undefined ? {} : { actor: options.actor })
    }
    /** Decides one command on the staging copy; a rejection is reported on the given lines. */
    const stage = (command: Dangjian.Command, lines: ReadonlyArray<number>) =>
      Effect.gen(function*() {
        const executed = yield* Effect.result(Staging.execute(staging, command, executeOptions))
        if (Result.isSuccess(executed)) return true
        const error = executed.failure as { ruleId?: string } & Parameters<typeof Messages.render>[0]
        const reason = `${error.ruleId === undefined ? "" : `[${error.ruleId}] `}${
          typeof error.code === "string" ? Messages.render(error, options.locale) : String(executed.failure)
        }`
        for (const line of lines) errors.push({ line, code: "cli.row.rejected", params: { reason } })
        return false
      })
    let done = 0
    for (const org of planned.success) {
      // The establishment lists the members on the roster; each member's own stream follows (R38), with the
      // last organizational life and dues the roster records (R39).
      if (yield* stage(org.command, org.lines)) {
        for (const member of org.members) {
          if (!(yield* stage(member.register, [member.line]))) continue
          for (const participation of member.participation) yield* stage(participation, [member.line])
        }
      }
      done++
      if (options.onProgress !== undefined && (done % 50 === 0 || done === planned.success.length)) {
        yield* options.onProgress(done, planned.success.length)
      }
    }
    if (errors.length > 0) return yield* Effect.fail(errors.sort((a, b) => a.line - b.line))
    // One atomic append of everything the staging copy gained, each stream at its version before the import.
    const events = yield* Staging.commit(staging)
    return {
      organizations: planned.success.length,
      members: planned.success.reduce((n, org) => n + org.command.initialMembers.length, 0),
      events
    }
  })

/**
 * Renders row errors, one line each: `line N: reason`.
 *
 * @category rendering
 * @since 0.1.0
 */
export const renderErrors = (errors: ReadonlyArray<RowError>, locale: Locale): string =>
  errors.map((e) =>
    `${locale === "en" ? "line" : "第"} ${e.line}${locale === "en" ? ":" : " 行:"} ${t(e.code, e.params, locale)}`
  )
    .join("\n")
