// Fuzzes the roster reader (issue 19): JSON rows whose keys and values are the names of Object.prototype's
// properties (`{"toString": 1}` as a cell made `String(cell)` throw), awkward ids, and CSV headers and cells of
// the same names. Reading never throws: every file is rows or row errors with a known code. Planning never
// throws, and an import of prototype-named organizations and members on the in-memory store is all or nothing.
// Also: the Mermaid tree gives every organization its own node, whatever characters its id holds.
import { Dangjian, Member, MemoryStore, Organization, OrganizationTree } from "@dangjian/core"
import { Effect, Result } from "effect"
import fc from "fast-check"
import { assert, describe, it } from "vitest"
import { Input, Output, Roster, Sync } from "../src/index.ts"
import { cliMessages } from "../src/messages.ts"

// A file's text read as the CLI reads it: CSV through the strict parser, JSON as parsed.
const readText = (text: string, format: "csv" | "json"): Result.Result<Roster.Rows, Array<Roster.RowError>> => {
  if (format === "json") {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      return Result.fail([{ code: "cli.file.badJson", params: { file: "f" } }])
    }
    return Roster.readRows({ kind: "json", value })
  }
  const table = Input.parseCsv(text, "f")
  return Result.isFailure(table) ? Result.fail([table.failure]) : Roster.readRows(table.success)
}

const prototypeNames = [...Object.getOwnPropertyNames(Object.prototype), "prototype"]
const columnNames = Object.values(Roster.columns).flat()
const knownCodes = new Set(Object.keys(cliMessages.en))

const protoName = fc.constantFrom(...prototypeNames)
const key = fc.oneof(protoName, fc.constantFrom(...columnNames), fc.string({ maxLength: 6 }))
const scalar = fc.oneof(
  protoName,
  fc.constantFrom("", " ", "-", "党支部", "2024-01-01", "county", "branch", "village", "full", "x".repeat(300)),
  fc.integer(),
  fc.boolean(),
  fc.constant(null)
)
// A cell: a scalar, or an object or array with prototype-named keys and values (as JSON text, so `__proto__` is an
// own key, as JSON.parse makes it).
const cellText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: scalar.map((v) => JSON.stringify(v)), weight: 4 },
  fc.tuple(protoName, fc.oneof(scalar, fc.constant({}))).map(([k, v]) =>
    `{${JSON.stringify(k)}: ${JSON.stringify(v)}}`
  ),
  fc.array(scalar, { maxLength: 2 }).map((a) => JSON.stringify(a))
)
const rowText: fc.Arbitrary<string> = fc.oneof(
  {
    arbitrary: fc.array(fc.tuple(key, cellText), { maxLength: 8 }).map((cells) =>
      `{${cells.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(", ")}}`
    ),
    weight: 6
  },
  cellText
)
const jsonFile: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.array(rowText, { maxLength: 6 }).map((rows) => `[${rows.join(", ")}]`), weight: 8 },
  cellText,
  fc.constant("{\"__proto__\": []}"),
  fc.string({ maxLength: 20 })
)
const csvCell = fc.oneof(protoName, fc.constantFrom(...columnNames), fc.constantFrom("", "\"a,b\"", "党支部"))
const csvFile: fc.Arbitrary<string> = fc
  .array(fc.array(csvCell, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 5 })
  .map((rows) => rows.map((row) => row.join(",")).join("\n"))

// A roster whose organization and member ids are prototype names: accepted or rejected as a whole.
const orgRow = (orgId: string, memberId: string | undefined, parentId?: string) => ({
  orgId,
  orgName: `org ${orgId}`,
  kind: parentId === undefined ? "townshipCommittee" : "branch",
  locus: parentId === undefined ? "township" : "village",
  ...(parentId === undefined ? {} : { parentId }),
  approvedBy: "county",
  approvalLevel: "county",
  approvedAt: "2024-01-01",
  ...(memberId === undefined ? {} : { memberId, status: "full" })
})

// A store that already holds an organization and a member for every prototype name.
const prototypeState: Sync.StoreState = {
  tree: OrganizationTree.fromStates(
    prototypeNames.map((orgId) => ({ ...Organization.initialState, status: "active" as const, orgId, name: orgId }))
  ),
  members: {
    members: Object.fromEntries(
      prototypeNames.map((
        memberId
      ) => [memberId, { ...Member.initialState, status: "full" as const, memberId, orgId: memberId }])
    )
  }
}

const checkErrors = (errors: ReadonlyArray<Roster.RowError>) => {
  for (const error of errors) {
    assert.isTrue(knownCodes.has(error.code), error.code)
    assert.isTrue(error.line === undefined || (Number.isInteger(error.line) && error.line >= 1))
  }
}

describe("Roster: awkward keys and values", () => {
  it("reading and planning JSON and CSV files never throws; every problem is a row error with a known code", () => {
    let rows = 0
    let rejected = 0
    fc.assert(
      fc.property(fc.oneof(jsonFile.map((t) => [t, "json"] as const), csvFile.map((t) => [t, "csv"] as const)), ([
        text,
        format
      ]) => {
        const read = readText(text, format)
        if (Result.isFailure(read)) {
          rejected++
          checkErrors(read.failure)
          return
        }
        checkErrors(read.success.warnings)
        rows += read.success.rows.length
        for (const row of read.success.rows) {
          for (const value of Object.values(row.values)) assert.strictEqual(typeof value, "string")
        }
        const roster = Roster.check(read.success.rows, "2026-12-31")
        if (Result.isFailure(roster)) {
          checkErrors(roster.failure)
          return
        }
        for (const mode of ["import", "sync"] as const) {
          const planned = Sync.plan(roster.success, prototypeState, { mode, date: "2026-07-01" })
          if (Result.isFailure(planned)) checkErrors(planned.failure)
          else checkErrors(planned.success.unapplied)
        }
      }),
      { numRuns: 20_000, seed: 19_005 }
    )
    assert.isAbove(rows, 1_000)
    assert.isAbove(rejected, 100)
  })

  it("a cell that is an object, such as {\"toString\": 1}, is a row error in a column the import reads", () => {
    const read = readText(
      "[{\"orgId\": {\"toString\": 1}, \"note\": {\"valueOf\": 2}}, {\"orgId\": [\"__proto__\"]}]",
      "json"
    )
    assert.deepStrictEqual(
      read,
      Result.fail([
        { line: 1, code: "cli.row.notText", params: { column: "orgId", columnZh: "组织编号" } },
        { line: 2, code: "cli.row.notText", params: { column: "orgId", columnZh: "组织编号" } }
      ])
    )
    // A prototype-named column is just an unknown column; prototype-named values are just text.
    const ok = readText("[{\"__proto__\": 1, \"constructor\": \"x\", \"orgId\": \"constructor\"}]", "json")
    assert.isTrue(Result.isSuccess(ok))
    if (Result.isSuccess(ok)) {
      assert.deepStrictEqual(ok.success.rows, [{ line: 1, values: { orgId: "constructor" } }])
      assert.deepStrictEqual(ok.success.warnings.map((w) => [w.code, w.params["name"]]), [
        ["cli.header.unknown", "__proto__"],
        ["cli.header.unknown", "constructor"]
      ])
    }
  })

  it("an import of prototype-named organizations and members is accepted whole", async () => {
    const rows = [
      orgRow("prototype", undefined),
      ...["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty"].flatMap((orgId) =>
        ["constructor", "__proto__", "toString"].map((m) =>
          orgRow(orgId, `${m}${orgId === m ? "" : `@${orgId}`}`, "prototype")
        )
      )
    ]
    const read = readText(JSON.stringify(rows), "json")
    assert.isTrue(Result.isSuccess(read))
    if (Result.isFailure(read)) return
    const roster = Roster.check(read.success.rows, "2026-12-31")
    assert.isTrue(Result.isSuccess(roster), JSON.stringify(roster))
    if (Result.isFailure(roster)) return
    const imported = await Effect.runPromise(
      Effect.result(Effect.gen(function*() {
        const plan = yield* Effect.fromResult(
          Sync.plan(roster.success, (yield* Sync.readState()).state, { mode: "import", date: "2026-07-01" })
        )
        return yield* Sync.apply(plan, { locale: "en" })
      })).pipe(
        Effect.provide(MemoryStore.layer({ codec: Dangjian.codec }))
      )
    )
    assert.isTrue(Result.isSuccess(imported), JSON.stringify(Result.isFailure(imported) ? imported.failure : ""))
    if (Result.isSuccess(imported)) {
      assert.deepStrictEqual([imported.success.organizations, imported.success.members], [6, 15])
    }
  })
})

describe("Output.treeMermaid: awkward ids", () => {
  it("ids that differ only in punctuation (a-b, a.b, a_b) stay distinct nodes", () => {
    const ids = ["a-b", "a.b", "a_b", "ab", "constructor", "__proto__", ""]
    const states = ids.map((orgId) => ({ ...Organization.initialState, status: "active" as const, orgId, name: orgId }))
    const chart = Output.treeMermaid(OrganizationTree.fromStates(states), "en")
    const nodes = chart.split("\n").slice(1).map((line) => line.trim().split("[")[0])
    assert.strictEqual(new Set(nodes).size, ids.length)
    assert.include(nodes, "o_ab")
  })
})
