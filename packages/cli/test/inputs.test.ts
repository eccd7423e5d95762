// Every bad input of issue 21 as a clerk hands it over, as real files, on SQLite and on PostgreSQL: each gets a
// clear error (with the advice a clerk needs), the right exit code, no "line 0", and writes nothing: the store's
// event count is the same afterwards. And the inputs that are fine once read right: GB18030 with
// --encoding gb18030, an Excel workbook, Chinese date forms, an unknown column (a warning), a personal-data
// column (read from nowhere, echoed nowhere).
import iconv from "iconv-lite"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, assert, beforeAll, describe, it } from "vitest"
import writeXlsxFile from "write-excel-file/node"
import type { TestStore } from "./support/cli.ts"
import { ensureBuilt, pgUnreachable, postgresStore, run, sqliteStore, workdir } from "./support/cli.ts"
import { header, month1, write } from "./support/rosters.ts"

beforeAll(ensureBuilt, 180_000)

const dropped: Array<TestStore> = []
afterAll(async () => {
  for (const store of dropped) await store.drop()
})

// A second township's villages, new to the store, to import in every encoding and format.
const square = (id: string) =>
  `g1,广场村党支部,党支部,村,town,城关镇党委,乡镇,2020-05-01,${id},正式,2026-06-01,2026-06-01`
const squareRoster = [header, ...["g-1", "g-2", "g-3"].map(square)]

for (const kind of ["sqlite", "postgres"] as const) {
  describe.skipIf(kind === "postgres" && pgUnreachable !== undefined)(`bad input on ${kind}`, () => {
    it("every bad input is refused with its reason and advice, and the store is unchanged", async () => {
      const cwd = workdir()
      const store = kind === "sqlite" ? sqliteStore(cwd) : postgresStore("inputs")
      dropped.push(store)
      assert.strictEqual(run(cwd, ["import", write(cwd, "base.csv", month1), "--store", store.spec]).code, 0)
      const events = await store.events()
      const refuse = (file: string, expected: ReadonlyArray<string | RegExp>, extra: ReadonlyArray<string> = []) => {
        const ran = run(cwd, ["import", file, "--store", store.spec, ...extra])
        assert.strictEqual(ran.code, 3, `${file}: ${ran.stderr}`)
        for (const e of expected) {
          if (typeof e === "string") assert.include(ran.stderr, e, file)
          else assert.match(ran.stderr, e, file)
        }
        assert.notMatch(ran.stderr, /line 0|第 0 行/, file)
        return ran
      }
      const bytes = (name: string, data: Uint8Array | string) => {
        const path = join(cwd, name)
        writeFileSync(path, data)
        return path
      }

      // GB18030, Chinese Excel's default "CSV": Chinese headers, and English headers with Chinese names.
      const gb = bytes("gb.csv", iconv.encode(`${squareRoster.join("\r\n")}\r\n`, "gb18030"))
      refuse(gb, [
        "gb.csv is not UTF-8 (line 1); it looks like GB18030",
        "save it as \"CSV UTF-8 (Comma delimited)\", or run again with --encoding gb18030"
      ])
      const english = squareRoster.map((l, i) =>
        i === 0
          ? "orgId,orgName,kind,locus,parentId,approvedBy,approvalLevel,approvedAt,memberId,status,lastOrgLifeAt,lastDuesAt"
          : l
      )
      refuse(bytes("gb-en.csv", iconv.encode(english.join("\n"), "gb18030")), ["gb-en.csv is not UTF-8 (line 2)"])
      const zh = run(cwd, ["import", gb, "--store", store.spec, "--lang", "zh-CN"])
      assert.include(zh.stderr, "请在 Excel 中“另存为”“CSV UTF-8(逗号分隔)”,或加上 --encoding gb18030 重新运行")
      // A UTF-8 file read as GB18030 would garble every name: refused.
      refuse(write(cwd, "utf8.csv", squareRoster), ["utf8.csv is UTF-8, not GB18030"], ["--encoding", "gb18030"])
      refuse(bytes("utf16.csv", Buffer.from(`\uFEFF${squareRoster.join("\n")}`, "utf16le")), ["UTF-16"])

      // Workbooks: an old .xls, and a file named .xlsx that is none.
      refuse(bytes("old.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])), [
        "old.xls is an old Excel workbook (.xls)",
        "save it as .xlsx"
      ])
      refuse(bytes("broken.xlsx", "orgId,orgName\n"), ["broken.xlsx cannot be read as an Excel workbook (.xlsx)"])

      // Empty, blank, header only.
      refuse(bytes("empty.csv", ""), ["empty.csv is empty: nothing to import"])
      refuse(bytes("blank.csv", "\n \r\n"), ["blank.csv is empty"])
      refuse(write(cwd, "header.csv", [header]), ["header.csv has a header but no rows"])
      refuse(write(cwd, "header-blank-rows.csv", [header, ",,,,,,,,,,,", ""]), ["has a header but no rows"])
      refuse(bytes("empty.json", "[]"), ["empty.json has a header but no rows"])

      // Columns: misspelled, missing, twice.
      refuse(write(cwd, "missing.csv", squareRoster.map((l) => l.split(",").filter((_, i) => i !== 7).join(","))), [
        "line 1 (header): missing required column approvedAt (批准日期)"
      ])
      refuse(write(cwd, "typo.csv", squareRoster.map((l, i) => (i === 0 ? l.replace("批准日期", "批准时间") : l))), [
        "line 1 (header): unknown column \"批准时间\": did you mean \"批准日期\"?"
      ])
      refuse(write(cwd, "twice.csv", squareRoster.map((l, i) => `${l},${i === 0 ? "orgId" : "g1"}`)), [
        "columns \"组织编号\" and \"orgId\" both name orgId (组织编号)"
      ])

      // CSV syntax: an unclosed quote, a quote inside a field, a comma in an unquoted value.
      refuse(
        write(cwd, "quote.csv", [
          header,
          square("g-1"),
          `g1,"广场村党支部,党支部,村,town,城关镇党委,乡镇,2020-05-01,g-2,正式,,`
        ]),
        [
          "line 3: a quote opened here is never closed"
        ]
      )
      refuse(write(cwd, "inner.csv", [header, square("g-1").replace("广场村党支部", "广场村\"党\"支部")]), [
        "line 2: a quote inside a field that does not start with one"
      ])
      refuse(write(cwd, "comma.csv", [header, square("g-1").replace("城关镇党委", "城关镇,党委")]), [
        "line 2: 13 cells for 12 columns (a comma in a value? put that value in quotes)"
      ])

      // Values: the bad value echoed with what was expected; dates in the expected forms.
      refuse(
        write(cwd, "values.csv", [
          header,
          square("g-1").replace(",2020-05-01,", ",2020/13/1,"),
          square("g-2").replace(",正式,", ",党员,")
        ]),
        [
          "line 2: approvedAt (批准日期): \"2020/13/1\" is not a date (YYYY-MM-DD; 2019/3/1, 2019.3.1, 2019年3月1日 and 20190301 are read too)",
          "line 3: status (党员状态): \"党员\" is not one of full 正式 | probationary 预备",
          "import failed: 2 rows with errors"
        ]
      )

      // JSON: not rows, and a cell that is no text.
      refuse(bytes("object.json", "{\"rows\": []}"), ["object.json: expected a JSON array of rows"])
      refuse(bytes("broken.json", "[{\"orgId\": "), ["broken.json is not valid JSON"])

      // A partial re-import: one message naming the first overlap, not one per row.
      const overlap = refuse(write(cwd, "overlap.csv", [...squareRoster, month1[2]!]), [
        "1 organizations and 1 members of this roster are already in the store (the first: east, line 5)"
      ])
      assert.strictEqual(overlap.stderr.split("\n").filter((l) => l.includes("already in the store")).length, 1)

      assert.strictEqual(await store.events(), events)
    })

    it("GB18030 with --encoding gb18030, an Excel workbook, and remarks on columns import as written", async () => {
      const cwd = workdir()
      const store = kind === "sqlite" ? sqliteStore(cwd) : postgresStore("inputs")
      dropped.push(store)
      assert.strictEqual(run(cwd, ["import", write(cwd, "base.csv", month1), "--store", store.spec]).code, 0)

      const gb = join(cwd, "gb.csv")
      writeFileSync(gb, iconv.encode(`${squareRoster.join("\r\n")}\r\n`, "gb18030"))
      const imported = run(cwd, ["import", gb, "--encoding", "gb18030", "--store", store.spec])
      assert.strictEqual(imported.code, 0, imported.stderr)

      // An .xlsx: Excel date cells and text dates in the Chinese forms; a personal-data column and a remark.
      const xlsx = join(cwd, "名册.xlsx")
      const names = [...header.split(","), "姓名", "备注"]
      const cell = (value: string | Date) => ({
        value,
        ...(value instanceof Date ? { type: Date, format: "yyyy-mm-dd" } : {})
      })
      await writeXlsxFile([
        names.map((name) => cell(name)),
        ...["x-1", "x-2", "x-3"].map((id, i) =>
          [
            "x1",
            "学校村党支部",
            "党支部",
            "村",
            "town",
            "城关镇党委",
            "乡镇",
            new Date(Date.UTC(2021, 2, 1)),
            id,
            "正式",
            ["2026/6/1", "2026.6.1", "2026年6月1日"][i]!,
            new Date(Date.UTC(2026, 5, 2)),
            "王小明",
            "备注"
          ].map((value) => cell(value))
        )
      ]).toFile(xlsx)
      const book = run(cwd, ["import", xlsx, "--store", store.spec])
      assert.strictEqual(book.code, 0, book.stderr)
      assert.include(
        book.stderr,
        "warning: line 1 (header): column \"姓名\" holds personal data: it is not read and not stored"
      )
      assert.include(book.stderr, "warning: line 1 (header): unknown column \"备注\" is ignored")
      assert.notInclude(book.stdout + book.stderr, "王小明")

      const tree = run(cwd, ["tree", "--store", store.spec])
      assert.include(tree.stdout, "广场村党支部 [g1] (FM 3, AM 3)")
      assert.include(tree.stdout, "学校村党支部 [x1] (FM 3, AM 3)")
      const report = run(cwd, [
        "report",
        "--store",
        store.spec,
        "--as-of",
        "2026-06-30",
        "--org",
        "x1",
        "--format",
        "json"
      ])
      assert.strictEqual(report.code, 0, report.stderr)
      // The dates were read: nobody in 学校村 has lapsed (R39).
      const findings = (JSON.parse(report.stdout) as { findings: Array<{ ruleId: string }> }).findings
      assert.isFalse(findings.some((f) => f.ruleId === "R39"))
    })
  })
}
