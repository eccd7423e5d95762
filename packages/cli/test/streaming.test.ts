// A CSV roster read in chunks (`Input.streamCsv` into `Roster.streaming`) gives exactly what reading the whole
// file gives (`Input.readFile` then `Roster.readAndCheck`): the same rows, warnings, problems and lines, in
// UTF-8 and GB18030, with a BOM or not, LF, CRLF or CR line ends, quoted fields holding line breaks and commas,
// tab-separated files, bad rows, and files of several chunks whose multi-byte characters straddle a chunk's end.
// A file with any problem of the file itself (bytes not in the encoding, a quote left open, no rows) is not
// streamed: `streamCsv` says so and the CLI reads it whole, which reports the problem as before.
import { Effect, Result } from "effect"
import fc from "fast-check"
import iconv from "iconv-lite"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { assert, describe, it } from "vitest"
import { Input, Roster } from "../src/index.ts"
import { workdir } from "./support/cli.ts"
import { county, header } from "./support/county.ts"

const today = "2026-12-01"

/** Reads a file both ways: `streamed` is undefined when `streamCsv` declined it. */
const bothWays = async (file: string, encoding: Input.Encoding) => {
  const streaming = Roster.streaming(today)
  const streamed = await Effect.runPromise(Input.streamCsv(file, encoding, streaming.sink))
  const source = await Effect.runPromise(Effect.result(Input.readFile(file, encoding)))
  const whole = Result.isSuccess(source) ? Roster.readAndCheck(source.success, file, today) : source.failure
  return { streamed: streamed ? streaming.outcome() : undefined, whole }
}

const englishHeader =
  "orgId,orgName,kind,locus,parentId,approvedBy,approvalLevel,approvedAt,memberId,status,probationEndsAt,lastOrgLifeAt,lastDuesAt"

// Cells as a clerk's spreadsheet has them: good values, bad ones, quotes, commas and line breaks in quotes.
const cell = fc.oneof(
  {
    arbitrary: fc.constantFrom("t001", "t001-v001", "党支部", "村", "乡镇", "2019-03-01", "正式", "预备", ""),
    weight: 8
  },
  fc.constantFrom("\"a,b\"", "\"两行\n文字\"", "\"say \"\"hi\"\"\"", "2019/3/1", "2019年3月1日", "x", "备注", " 东村 "),
  fc.string({ maxLength: 4 }).map((s) => s.replace(/["\r\n,\t]/g, ""))
)
const goodRow = fc.integer({ min: 1, max: 40 }).map((m) =>
  `t001-v001,第1村党支部,党支部,村,t001,第1镇党委,乡镇,2019-03-01,t001-v001-m${m},正式,,2026-05-10,2026-10-11`
)
const row = fc.oneof(
  { arbitrary: goodRow, weight: 3 },
  fc.array(cell, { minLength: 1, maxLength: 15 }).map((c) => c.join(","))
)
const csvText = fc.record({
  header: fc.constantFrom(header, englishHeader, `${header},备注,姓名`, header.replace("批准日期", "批准时间")),
  rows: fc.array(row, { minLength: 0, maxLength: 12 }),
  end: fc.constantFrom("\n", "\r\n", "\r"),
  blankLines: fc.boolean(),
  tabs: fc.boolean(),
  bom: fc.boolean(),
  town: fc.boolean()
}).map((f) => {
  const lines = [
    f.header,
    ...(f.town ? ["t001,第1镇党委,乡镇党委,乡镇,,县委,县级,2019-01-15,,,,,"] : []),
    ...f.rows.flatMap((r) => (f.blankLines ? [r, ""] : [r]))
  ].map((l) => (f.tabs && !l.includes("\"") ? l.replaceAll(",", "\t") : l))
  return `${f.bom ? "\uFEFF" : ""}${lines.join(f.end)}${f.end}`
})

describe("Input.streamCsv with Roster.streaming", () => {
  it("gives what reading the whole file gives, for random CSV rosters in UTF-8 and GB18030", async () => {
    const dir = workdir()
    let streamedFiles = 0
    let rows = 0
    let rejected = 0
    let declined = 0
    let n = 0
    await fc.assert(
      fc.asyncProperty(csvText, fc.constantFrom("utf-8" as const, "gb18030" as const), async (text, encoding) => {
        const file = join(dir, `r${n++}.csv`)
        writeFileSync(file, encoding === "utf-8" ? text : iconv.encode(text.replace(/^\uFEFF/, ""), "gb18030"))
        const { streamed, whole } = await bothWays(file, encoding)
        if (streamed === undefined) {
          // Declined: reading the whole file finds a problem with the file itself.
          assert.property(whole, "code", JSON.stringify(text))
          declined++
          return
        }
        streamedFiles++
        assert.deepStrictEqual(streamed, whole)
        if (Result.isSuccess(streamed.read)) rows += streamed.read.success.rows
        if (Result.isFailure(streamed.read) || Result.isFailure(streamed.checked)) rejected++
      }),
      { numRuns: 300, seed: 20_261_206 }
    )
    // Not vacuous: most files were streamed, with rows, and some of them were refused for their rows.
    assert.isAbove(streamedFiles, 200)
    assert.isAbove(rows, 1_000)
    assert.isAbove(rejected, 30)
    assert.isAbove(declined, 0)
  }, 120_000)

  it("a county roster of several chunks (multi-byte characters across chunk ends) reads the same both ways", async () => {
    const dir = workdir()
    const generated = county({ townships: 8, villages: 50, today: "2026-11-30" })
    const text = `${generated.lines.join("\r\n")}\r\n`
    for (const encoding of ["utf-8", "gb18030"] as const) {
      const file = join(dir, `county-${encoding}.csv`)
      const bytes = encoding === "utf-8" ? Buffer.from(text, "utf8") : iconv.encode(text, "gb18030")
      assert.isAbove(bytes.length, 1 << 20, "more than one chunk")
      writeFileSync(file, bytes)
      const { streamed, whole } = await bothWays(file, encoding)
      assert.isDefined(streamed, encoding)
      assert.deepStrictEqual(streamed, whole)
      assert.isTrue(streamed !== undefined && Result.isSuccess(streamed.checked))
      if (streamed !== undefined && Result.isSuccess(streamed.checked)) {
        assert.strictEqual(streamed.checked.success.members.size, generated.members)
        assert.strictEqual(streamed.checked.success.orgs.size, generated.organizations)
      }
    }
  })

  it("a file with a problem of its own is not streamed; reading it whole reports the problem", async () => {
    const dir = workdir()
    const good = `${header}\nt001,第1镇党委,乡镇党委,乡镇,,县委,县级,2019-01-15,,,,,\n`
    const cases: ReadonlyArray<readonly [string, Uint8Array | string, Input.Encoding, string]> = [
      ["gb-as-utf8.csv", iconv.encode(good, "gb18030"), "utf-8", "cli.file.notUtf8.gb18030"],
      ["utf8-as-gb.csv", good, "gb18030", "cli.file.utf8NotGb18030"],
      ["open-quote.csv", `${good}t002,"第2镇党委,乡镇党委\n`, "utf-8", "cli.csv.quoteNotClosed"],
      ["header-only.csv", `${header}\n`, "utf-8", "cli.file.noRows"],
      ["empty.csv", "", "utf-8", "cli.file.empty"],
      ["blank-first-line.csv", `\n${good}`, "utf-8", "(read whole)"],
      ["utf16.csv", Buffer.from(`\uFEFF${good}`, "utf16le"), "utf-8", "cli.file.utf16"]
    ]
    for (const [name, data, encoding, code] of cases) {
      const file = join(dir, name)
      writeFileSync(file, data)
      const { streamed, whole } = await bothWays(file, encoding)
      assert.isUndefined(streamed, name)
      if (code !== "(read whole)") assert.strictEqual((whole as Input.FileProblem).code, code, name)
      else assert.isTrue("read" in whole && Result.isSuccess(whole.read), name)
    }
  })
})
