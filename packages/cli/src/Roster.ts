/**
 * The roster format: organizations and their members, one row per member (a row without a member describes
 * an organization alone), with zh-CN or English column names (the format is documented in the package
 * README). This module reads the header and the rows of a file {@link Input.Source} and checks every row,
 * reporting every problem with its line:
 *
 * - a column name that is not known is named with the nearest known one (edit distance): a misspelling of a
 *   column the file lacks (`最近组织生活时间` for `最近组织生活日期`) is an error, since the column would
 *   otherwise be ignored silently; any other unknown column (`备注`) is a warning, and a column of personal
 *   data (`姓名`, `身份证号`) is a notice that it is neither read nor stored;
 * - a bad value is echoed with what was expected (values of personal-data columns are never read);
 * - dates are `YYYY-MM-DD`, and the forms Chinese spreadsheets use are accepted too: `2019/3/1`, `2019.3.1`,
 *   `2019年3月1日`, `20190301`, and an Excel date cell.
 *
 * What the rows mean for the store (new organizations, new members, transfers) is planned by `Sync.ts`.
 *
 * JSON rosters are read without trusting their keys: a cell is text, a number or a boolean, and a key named
 * like a property of `Object.prototype` (`__proto__`, `toString`) is just an unknown column.
 *
 * @since 0.1.0
 */
import { LegalDate, Organization } from "@dangjian/core"
import { Result } from "effect"
import type * as Input from "./Input.ts"

/**
 * A problem (or, as a warning, a remark) with one row, with the header (its line), or with the file as a
 * whole (no line).
 *
 * @category models
 * @since 0.1.0
 */
export interface RowError {
  readonly line?: number
  readonly code: string
  readonly params: Readonly<Record<string, string | number>>
}

/**
 * The canonical columns with their accepted names (English first, then Chinese).
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

/**
 * @category models
 * @since 0.2.0
 */
export type Column = keyof typeof columns

/**
 * The columns a roster must have.
 *
 * @category models
 * @since 0.2.0
 */
export const required: ReadonlyArray<Column> = [
  "orgId",
  "orgName",
  "kind",
  "locus",
  "approvedBy",
  "approvalLevel",
  "approvedAt"
]

// Columns a spreadsheet of members often has, holding personal data: never read, never stored, never echoed.
const personal = [
  "name",
  "姓名",
  "gender",
  "性别",
  "idNumber",
  "身份证号",
  "身份证号码",
  "birthDate",
  "出生日期",
  "ethnicity",
  "民族",
  "phone",
  "联系电话",
  "手机号",
  "手机号码",
  "address",
  "家庭住址",
  "住址",
  "education",
  "学历"
]

const normalizeName = (name: string) => name.normalize("NFKC").replace(/[\s_-]/g, "").toLowerCase()

const canonical = new Map<string, Column>(
  Object.entries(columns).flatMap(([key, names]) => names.map((name) => [normalizeName(name), key as Column] as const))
)
const personalNames = new Set(personal.map(normalizeName))

/**
 * The label of a column in messages: both names, the locale's first.
 *
 * @category rendering
 * @since 0.2.0
 */
export const columnParams = (column: Column): { readonly column: string; readonly columnZh: string } => ({
  column,
  columnZh: columns[column][1]
})

/**
 * Edit distance (Levenshtein, by code point) between two names.
 *
 * @category validation
 * @since 0.2.0
 */
export const editDistance = (a: string, b: string): number => {
  const x = [...a]
  const y = [...b]
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j)
  for (let i = 1; i <= x.length; i++) {
    const current = [i]
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[y.length]!
}

/**
 * The known column nearest to an unknown name, with the name as written and its distance.
 *
 * @category validation
 * @since 0.2.0
 */
export const nearestColumn = (
  name: string,
  present: ReadonlySet<Column> = new Set()
): { readonly column: Column; readonly name: string; readonly distance: number } => {
  let best: { column: Column; name: string; distance: number } = { column: "orgId", name: "orgId", distance: Infinity }
  const wanted = normalizeName(name)
  for (const [column, names] of Object.entries(columns) as Array<[Column, ReadonlyArray<string>]>) {
    for (const known of names) {
      const distance = editDistance(wanted, normalizeName(known))
      // On a tie, a column the file lacks is the likelier meaning (`批准时间`: 批准日期 rather than 批准机关).
      if (
        distance < best.distance || (distance === best.distance && present.has(best.column) && !present.has(column))
      ) {
        best = { column, name: known, distance }
      }
    }
  }
  return best
}

/**
 * Close enough to be a misspelling: a third of the shorter name (half of it for Chinese names, whose words are
 * two characters: `批准时间` for `批准日期`), at least one character.
 */
const isClose = (name: string, nearest: { readonly name: string; readonly distance: number }) => {
  const shorter = Math.min([...normalizeName(name)].length, [...nearest.name].length)
  const cjk = /[\u3400-\u9fff]/.test(name)
  return nearest.distance <= Math.max(1, Math.floor(shorter / (cjk ? 2 : 3)))
}

/**
 * One row with its line number, keyed by canonical column (every value trimmed and not empty).
 *
 * @category models
 * @since 0.1.0
 */
export interface Row {
  readonly line: number
  readonly values: Partial<Record<Column, string>>
}

/**
 * The rows of a file, and the remarks on its columns that do not stop it (unknown and personal columns).
 *
 * @category models
 * @since 0.2.0
 */
export interface Rows {
  readonly rows: ReadonlyArray<Row>
  readonly warnings: ReadonlyArray<RowError>
}

/**
 * Maps column names (a header, or the keys of JSON rows) to canonical columns. Unknown names are errors when
 * they look like a missing column, warnings otherwise; two names for one column are an error; required
 * columns missing are errors, unless a misspelling already explains them.
 *
 * @category validation
 * @since 0.2.0
 */
export const mapColumns = (
  names: ReadonlyArray<string>,
  line: number | undefined,
  options: { readonly requireAll: boolean }
): {
  readonly columns: ReadonlyArray<Column | undefined>
  readonly errors: Array<RowError>
  readonly warnings: Array<RowError>
} => {
  const at = line === undefined ? {} : { line }
  const errors: Array<RowError> = []
  const warnings: Array<RowError> = []
  const mapped: Array<Column | undefined> = names.map((name) => canonical.get(normalizeName(name)))
  const present = new Set(mapped.filter((c): c is Column => c !== undefined))
  const seen = new Map<Column, string>()
  names.forEach((name, i) => {
    const column = mapped[i]
    if (column !== undefined) {
      const first = seen.get(column)
      if (first !== undefined) {
        errors.push({ ...at, code: "cli.header.duplicate", params: { name, first, ...columnParams(column) } })
      } else seen.set(column, name)
    }
  })
  const explained = new Set<Column>()
  names.forEach((raw, i) => {
    const name = raw.trim()
    if (mapped[i] !== undefined || name.length === 0) return
    if (personalNames.has(normalizeName(name))) {
      warnings.push({ ...at, code: "cli.header.personal", params: { name } })
      return
    }
    const nearest = nearestColumn(name, present)
    if (isClose(name, nearest) && !present.has(nearest.column)) {
      explained.add(nearest.column)
      errors.push({
        ...at,
        code: "cli.header.misspelled",
        params: { name, suggestion: nearest.name, ...columnParams(nearest.column) }
      })
    } else {
      warnings.push({
        ...at,
        code: isClose(name, nearest) ? "cli.header.unknownNear" : "cli.header.unknown",
        params: { name, suggestion: nearest.name }
      })
    }
  })
  if (options.requireAll) {
    for (const column of required) {
      if (!present.has(column) && !explained.has(column)) {
        errors.push({ ...at, code: "cli.header.missing", params: columnParams(column) })
      }
    }
  }
  return { columns: mapped, errors, warnings }
}

// The text of a JSON cell, or undefined when it is not a scalar.
const jsonCell = (value: unknown): string | undefined =>
  value === null || value === undefined
    ? ""
    : typeof value === "string"
    ? value
    : typeof value === "number" || typeof value === "boolean"
    ? String(value)
    : undefined

/**
 * Reads a table's records into rows one at a time (a CSV file as it is parsed, see `Input.streamCsv`): the
 * header is mapped once ({@link mapColumns}); a record with more cells than the header is an error of its line.
 *
 * @category models
 * @since 0.3.0
 */
export interface TableReader {
  /** The row of a record, or `undefined` when the record is bad (its error is in `errors`). */
  readonly add: (record: Input.Table["records"][number]) => Row | undefined
  /** The header's problems and every bad record's, in file order. */
  readonly errors: ReadonlyArray<RowError>
  readonly warnings: ReadonlyArray<RowError>
}

/**
 * A {@link TableReader} for a table with this header.
 *
 * @category parsing
 * @since 0.3.0
 */
export const tableReader = (header: Input.Table["header"]): TableReader => {
  const mapped = mapColumns(header.names, header.line, { requireAll: true })
  const errors = [...mapped.errors]
  const width = header.names.length
  return {
    errors,
    warnings: mapped.warnings,
    add: (record) => {
      if (record.cells.length > width && record.cells.slice(width).some((c) => c.trim() !== "")) {
        errors.push({
          line: record.line,
          code: "cli.row.extraCells",
          params: { cells: record.cells.length, columns: width }
        })
        return undefined
      }
      const values: Partial<Record<Column, string>> = {}
      record.cells.forEach((cell, i) => {
        const column = mapped.columns[i]
        const value = cell.trim()
        if (column !== undefined && value.length > 0) values[column] = value
      })
      return { line: record.line, values }
    }
  }
}

const readTable = (table: Input.Table): Result.Result<Rows, Array<RowError>> => {
  const reader = tableReader(table.header)
  const rows: Array<Row> = []
  for (const record of table.records) {
    const row = reader.add(record)
    if (row !== undefined) rows.push(row)
  }
  return reader.errors.length > 0
    ? Result.fail([...reader.errors])
    : Result.succeed({ rows, warnings: reader.warnings })
}

const readJson = (value: unknown, file: string): Result.Result<Rows, Array<RowError>> => {
  if (!Array.isArray(value)) return Result.fail([{ code: "cli.json.notArray", params: { file } }])
  if (value.length === 0) return Result.fail([{ code: "cli.file.noRows", params: { file } }])
  // Every key of every row, in order of first appearance, mapped like a header (with no line).
  const keys: Array<string> = []
  const known = new Set<string>()
  for (const item of value) {
    if (typeof item !== "object" || item === null || Array.isArray(item)) continue
    for (const key of Object.keys(item)) {
      if (!known.has(key)) {
        known.add(key)
        keys.push(key)
      }
    }
  }
  const header = mapColumns(keys, undefined, { requireAll: false })
  const columnOf = new Map(keys.map((key, i) => [key, header.columns[i]] as const))
  const errors = [...header.errors]
  const rows: Array<Row> = []
  value.forEach((item, i) => {
    const line = i + 1
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      errors.push({ line, code: "cli.json.notObject", params: {} })
      return
    }
    // A cell is text, a number or a boolean (null is empty). An object or array in a column the import reads is
    // a bad cell (`String` of `{"toString": 1}` would throw); in any other column it is ignored.
    const values: Partial<Record<Column, string>> = {}
    for (const [key, cell] of Object.entries(item)) {
      const column = columnOf.get(key)
      if (column === undefined) continue
      const text = jsonCell(cell)
      if (text === undefined) {
        errors.push({ line, code: "cli.row.notText", params: columnParams(column) })
      } else if (text.trim().length > 0) values[column] = text.trim()
    }
    rows.push({ line, values })
  })
  return errors.length > 0 ? Result.fail(errors) : Result.succeed({ rows, warnings: header.warnings })
}

/**
 * Reads the rows of a roster file: a table's header is mapped to columns (see {@link mapColumns}); JSON is an
 * array of objects whose keys are column names (a row's line is its index + 1).
 *
 * @category parsing
 * @since 0.1.0
 */
export const readRows = (source: Input.Source, file = "roster"): Result.Result<Rows, Array<RowError>> =>
  source.kind === "json" ? readJson(source.value, file) : readTable(source)

// ---------------------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------------------

const aliases = (map: Record<string, ReadonlyArray<string>>): Map<string, string> => {
  const out = new Map<string, string>()
  for (const [value, names] of Object.entries(map)) {
    for (const name of [value, ...names]) out.set(normalizeName(name), value)
  }
  return out
}

const listOf = (map: Record<string, ReadonlyArray<string>>) =>
  Object.entries(map).map(([value, names]) => `${value} ${names[0] ?? ""}`.trim()).join(" | ")

const kindNames = {
  townshipCommittee: ["乡镇党委"],
  subdistrictCommittee: ["街道党工委", "街道党委"],
  primaryCommittee: ["党委", "基层党委"],
  generalBranch: ["党总支"],
  branch: ["党支部"],
  jointBranch: ["联合党支部"],
  temporaryBranch: ["临时党支部"],
  mobileMemberBranch: ["流动党员党支部"],
  functionalBranch: ["功能型党支部", "职能党支部"]
}
const locusNames = {
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
}
const formationNames = {
  standalone: ["单独组建"],
  joint: ["联合组建"],
  attachedToVillage: ["村社挂建"],
  villageCommunityUnified: ["村居合一"],
  villageEnterprise: ["村企联建"]
}
const levelNames = {
  primaryCommittee: ["基层党委"],
  township: ["乡镇", "乡镇党委", "街道"],
  county: ["县级", "县委"],
  city: ["市级", "市委"],
  province: ["省级", "省委"],
  central: ["中央"]
}
const statusNames = { full: ["正式", "正式党员"], probationary: ["预备", "预备党员"] }

const enums = {
  kind: { map: aliases(kindNames), expected: listOf(kindNames) },
  locus: { map: aliases(locusNames), expected: listOf(locusNames) },
  formation: { map: aliases(formationNames), expected: listOf(formationNames) },
  approvalLevel: { map: aliases(levelNames), expected: listOf(levelNames) },
  status: { map: aliases(statusNames), expected: listOf(statusNames) }
} as const

const pad2 = (n: string) => n.padStart(2, "0")

const isoDay = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/

/**
 * A date as written in a spreadsheet, as a legal date `YYYY-MM-DD`: also `2019/3/1`, `2019.3.1`,
 * `2019-3-1`, `2019年3月1日`, `20190301`, full-width digits, and a date with a midnight time
 * (`2019-03-01 00:00:00`, as Excel exports a date cell to CSV). `undefined` when it is none of these or not
 * a day of the calendar.
 *
 * @category parsing
 * @since 0.2.0
 */
export const parseDate = (text: string): string | undefined => {
  // Most cells are already `YYYY-MM-DD` in ASCII, which normalizing, trimming and the patterns below leave as is.
  if (isoDay.test(text)) return LegalDate.isLegalDate(text) ? text : undefined
  const value = text.normalize("NFKC").trim().replace(/[ T]0?0:00(:00(\.0+)?)?Z?$/, "")
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value)
    ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value)
  if (m === null) return undefined
  const date = `${m[1]}-${pad2(m[2]!)}-${pad2(m[3]!)}`
  return LegalDate.isLegalDate(date) ? date : undefined
}

const show = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value)

/**
 * An organization as the roster describes it, with the lines that describe it.
 *
 * @category models
 * @since 0.2.0
 */
export interface OrgRow {
  readonly line: number
  readonly lines: Array<number>
  readonly orgId: string
  readonly name: string
  readonly kind: Organization.OrgKind
  readonly locus: Organization.Locus
  readonly formation: Organization.FormationMode
  readonly parentId: string | undefined
  readonly approval: Organization.Approval
}

/**
 * A member as the roster lists them.
 *
 * @category models
 * @since 0.2.0
 */
export interface MemberRow {
  readonly line: number
  readonly memberId: string
  readonly orgId: string
  readonly status: "full" | "probationary"
  readonly probationEndsAt: string | undefined
  readonly lastOrgLifeAt: string | undefined
  readonly lastDuesAt: string | undefined
}

/**
 * A checked roster: its organizations (in the order they first appear) and its members.
 *
 * @category models
 * @since 0.2.0
 */
export interface Roster {
  readonly orgs: ReadonlyMap<string, OrgRow>
  readonly members: ReadonlyMap<string, MemberRow>
}

/**
 * Checks rows one at a time, as a file is read: every row is checked as it is added, and the roster (or every
 * problem) is there at the end. Only the roster itself is kept, never the rows.
 *
 * @category models
 * @since 0.3.0
 */
export interface Checker {
  readonly add: (row: Row) => void
  readonly result: () => Result.Result<Roster, Array<RowError>>
}

/**
 * A {@link Checker}: required values, values of the known kinds and levels, dates (not after `today`, not
 * before the establishment), a member listed once, and an organization described the same way on each of
 * its rows. Every problem is reported with its line.
 *
 * @category validation
 * @since 0.3.0
 */
export const checker = (today: string): Checker => {
  const errors: Array<RowError> = []
  const orgs = new Map<string, OrgRow>()
  const members = new Map<string, MemberRow>()
  // The first line of a member id whose first row was bad (a good first row is in `members`), so that a
  // duplicate is always named. Kept apart: a province's million good rows need no second record of their id.
  const listedBad = new Map<string, number>()
  // One string per distinct date: a roster's dates repeat, and a million members' three dates would otherwise
  // each be a string of their own (the roster is held until the import is written).
  const dateStrings = new Map<string, string>()
  const interned = (value: string): string => {
    const known = dateStrings.get(value)
    if (known !== undefined) return known
    dateStrings.set(value, value)
    return value
  }
  const add = (row: Row): void => {
    const memberId = row.values.memberId
    // R38: one affiliation per member: listed once in the file.
    const first = memberId === undefined ? undefined : members.get(memberId)?.line ?? listedBad.get(memberId)
    if (memberId !== undefined && first !== undefined) {
      errors.push({ line: row.line, code: "cli.row.duplicateMember", params: { memberId, firstLine: first } })
      for (const column of required) {
        if (row.values[column] === undefined) {
          errors.push({ line: row.line, code: "cli.row.required", params: columnParams(column) })
        }
      }
      return
    }
    addListed(row)
    if (memberId !== undefined && !members.has(memberId)) listedBad.set(memberId, row.line)
  }
  const addListed = (row: Row): void => {
    const v = row.values
    const line = row.line
    let bad = false
    const fail = (code: string, params: Record<string, string | number>) => {
      bad = true
      errors.push({ line, code, params })
    }
    for (const column of required) if (v[column] === undefined) fail("cli.row.required", columnParams(column))
    if (bad) return
    const choose = (column: keyof typeof enums, fallback?: string): string | undefined => {
      const raw = v[column] ?? fallback
      if (raw === undefined) return undefined
      const value = enums[column].map.get(normalizeName(raw))
      if (value === undefined) {
        fail("cli.row.invalidChoice", { ...columnParams(column), value: show(raw), expected: enums[column].expected })
      }
      return value
    }
    const date = (column: Column): string | undefined => {
      const raw = v[column]
      if (raw === undefined) return undefined
      const value = parseDate(raw)
      if (value === undefined) fail("cli.row.invalidDate", { ...columnParams(column), value: show(raw) })
      return value === undefined ? undefined : interned(value)
    }
    const kind = choose("kind")
    const locus = choose("locus")
    const formation = choose("formation", "standalone")
    const level = choose("approvalLevel")
    const approvedAt = date("approvedAt")
    const memberId = v.memberId
    const status = memberId === undefined ? undefined : choose("status", "full")
    const dates: Partial<Record<"probationEndsAt" | "lastOrgLifeAt" | "lastDuesAt", string>> = {}
    for (const column of ["probationEndsAt", "lastOrgLifeAt", "lastDuesAt"] as const) {
      if (v[column] === undefined) continue
      if (memberId === undefined) {
        fail("cli.row.memberOnly", columnParams(column))
        continue
      }
      if (column === "probationEndsAt" && status !== undefined && status !== "probationary") {
        fail("cli.row.probationaryOnly", columnParams(column))
        continue
      }
      const value = date(column)
      if (value === undefined) continue
      if (column !== "probationEndsAt" && approvedAt !== undefined && value < approvedAt) {
        fail("cli.row.beforeApproved", { ...columnParams(column), value, approvedAt })
      } else if (column !== "probationEndsAt" && value > today) {
        fail("cli.row.future", { ...columnParams(column), value, today })
      } else dates[column] = value
    }
    if (bad) return
    const org: OrgRow = {
      line,
      lines: [line],
      orgId: v.orgId!,
      name: v.orgName!,
      kind: kind as Organization.OrgKind,
      locus: locus as Organization.Locus,
      formation: formation as Organization.FormationMode,
      parentId: v.parentId,
      approval: { by: v.approvedBy!, level: level as Organization.Approval["level"], at: approvedAt! }
    }
    const known = orgs.get(org.orgId)
    if (known === undefined) orgs.set(org.orgId, org)
    else {
      const differs = (["name", "kind", "locus", "formation", "parentId"] as const).find((k) => known[k] !== org[k])
        ?? (known.approval.by !== org.approval.by || known.approval.level !== org.approval.level
            || known.approval.at !== org.approval.at
          ? "approval"
          : undefined)
      if (differs !== undefined) {
        errors.push({
          line,
          code: "cli.row.conflictingOrg",
          params: { orgId: org.orgId, firstLine: known.line, field: differs }
        })
        return
      }
      known.lines.push(line)
    }
    if (memberId !== undefined) {
      members.set(memberId, {
        line,
        memberId,
        // The organization's own id, one string for all its members.
        orgId: (known ?? org).orgId,
        status: status as "full" | "probationary",
        probationEndsAt: dates.probationEndsAt,
        lastOrgLifeAt: dates.lastOrgLifeAt,
        lastDuesAt: dates.lastDuesAt
      })
    }
  }
  return { add, result: () => (errors.length > 0 ? Result.fail([...errors]) : Result.succeed({ orgs, members })) }
}

/**
 * Checks every row (see {@link checker}): every problem is reported with its line.
 *
 * @category validation
 * @since 0.2.0
 */
export const check = (rows: ReadonlyArray<Row>, today: string): Result.Result<Roster, Array<RowError>> => {
  const rosterChecker = checker(today)
  for (const row of rows) rosterChecker.add(row)
  return rosterChecker.result()
}

/**
 * A roster file read and checked: its header line (a table's), the problems of reading it (nothing is checked
 * then) or its warnings and number of rows, and the checked roster.
 *
 * @category models
 * @since 0.3.0
 */
export interface Outcome {
  readonly header: number | undefined
  readonly read: Result.Result<
    { readonly rows: number; readonly warnings: ReadonlyArray<RowError> },
    Array<RowError>
  >
  readonly checked: Result.Result<Roster, Array<RowError>>
}

const notChecked: Result.Result<Roster, Array<RowError>> = Result.fail([])

/**
 * Reads and checks a whole source (a workbook, JSON, or CSV read whole).
 *
 * @category validation
 * @since 0.3.0
 */
export const readAndCheck = (source: Input.Source, file: string, today: string): Outcome => {
  const header = source.kind === "table" ? source.header.line : undefined
  const read = readRows(source, file)
  if (Result.isFailure(read)) return { header, read: Result.fail(read.failure), checked: notChecked }
  return {
    header,
    read: Result.succeed({ rows: read.success.rows.length, warnings: read.success.warnings }),
    checked: check(read.success.rows, today)
  }
}

/**
 * Reads and checks a table as it is streamed (`Input.streamCsv`): each record becomes a row and is checked as
 * it comes, so neither the file nor its rows are held, only the roster. `outcome` is the same as
 * {@link readAndCheck} of the whole file.
 *
 * @category validation
 * @since 0.3.0
 */
export const streaming = (today: string): {
  readonly sink: Input.TableSink
  readonly outcome: () => Outcome
} => {
  let reader: TableReader | undefined
  let header: number | undefined
  let rows = 0
  const rosterChecker = checker(today)
  return {
    sink: {
      header: (h) => {
        header = h.line
        reader = tableReader(h)
      },
      record: (record) => {
        const row = reader!.add(record)
        if (row === undefined) return
        rows++
        // Once the file is known to be bad, its rows are not checked (they would not be reported).
        if (reader!.errors.length === 0) rosterChecker.add(row)
      }
    },
    outcome: () =>
      reader === undefined
        ? { header, read: Result.fail([]), checked: notChecked }
        : reader.errors.length > 0
        ? { header, read: Result.fail([...reader.errors]), checked: notChecked }
        : { header, read: Result.succeed({ rows, warnings: reader.warnings }), checked: rosterChecker.result() }
  }
}

/**
 * The number of distinct lines among errors (a whole-file error counts as one).
 *
 * @category rendering
 * @since 0.2.0
 */
export const badLines = (errors: ReadonlyArray<RowError>): number => new Set(errors.map((e) => e.line ?? 0)).size
