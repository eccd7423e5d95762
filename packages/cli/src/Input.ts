/**
 * Reading an input file as a user hands it over: a CSV in UTF-8 (with or without a BOM) or, on request, in
 * GB18030 (what Excel on Chinese Windows saves as "CSV"), an Excel workbook (`.xlsx`, its first sheet), or
 * JSON. Every problem with the file as a whole is a {@link FileProblem} with a message code and the advice a
 * clerk needs ("save as CSV UTF-8, or pass --encoding gb18030"), never a misleading row error:
 *
 * - bytes that are not UTF-8 are refused, never decoded with replacement characters (which would store
 *   `������` as a name forever); a UTF-8 file read with `--encoding gb18030` is refused too;
 * - an empty file and a file with a header and no rows are refused;
 * - CSV is parsed by `csv-parse` with strict quoting: an unclosed quote or a quote inside an unquoted field is
 *   an error with its line; a row with more cells than the header is an error of that row;
 * - an old `.xls` workbook, a UTF-16 text and an unreadable workbook get their own advice.
 *
 * A CSV file can also be read in chunks ({@link streamCsv}), its records handed over as they are parsed, so that
 * a county's roster is never held whole as bytes, text and records at once. A workbook and JSON are read whole
 * (their parsers need the whole file).
 *
 * @since 0.2.0
 */
import { parse as parseCsvStream } from "csv-parse"
import { parse as parseCsvText } from "csv-parse/sync"
import { Effect, Result } from "effect"
import { closeSync, createReadStream, openSync, readFileSync, readSync } from "node:fs"
import { Transform, Writable } from "node:stream"
import { pipeline } from "node:stream/promises"
import { readSheet } from "read-excel-file/node"

/**
 * The encodings a text file may be read in. `utf-8` is the default; `gb18030` (also given as `gbk` or
 * `gb2312`, which it contains) is decoded with `TextDecoder("gb18030")`.
 *
 * @category models
 * @since 0.2.0
 */
export type Encoding = "utf-8" | "gb18030"

/**
 * The accepted spellings of `--encoding`.
 *
 * @category constants
 * @since 0.2.0
 */
export const encodingNames: Readonly<Record<string, Encoding>> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  gb18030: "gb18030",
  gbk: "gb18030",
  gb2312: "gb18030"
}

/**
 * A problem with a file as a whole (or with one line of its text, for CSV syntax), with a message code.
 *
 * @category models
 * @since 0.2.0
 */
export interface FileProblem {
  readonly code: string
  readonly params: Readonly<Record<string, string | number>>
  readonly line?: number
}

/**
 * A table: its header row and its data rows, each with the line (CSV) or row number (xlsx) it starts on.
 * Cells are text; an Excel date is `YYYY-MM-DD`.
 *
 * @category models
 * @since 0.2.0
 */
export interface Table {
  readonly kind: "table"
  readonly format: "csv" | "xlsx"
  readonly header: { readonly line: number; readonly names: ReadonlyArray<string> }
  readonly records: ReadonlyArray<{ readonly line: number; readonly cells: ReadonlyArray<string> }>
}

/**
 * A JSON document, parsed.
 *
 * @category models
 * @since 0.2.0
 */
export interface Json {
  readonly kind: "json"
  readonly value: unknown
}

/**
 * What a file holds.
 *
 * @category models
 * @since 0.2.0
 */
export type Source = Table | Json

const problem = (code: string, params: Record<string, string | number>, line?: number): FileProblem =>
  line === undefined ? { code, params } : { code, params, line }

/** The 1-based line of the first byte sequence a fatal decoder refuses. */
const firstBadLine = (bytes: Uint8Array, encoding: Encoding): number => {
  const decoder = new TextDecoder(encoding, { fatal: true })
  let line = 1
  let start = 0
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i))
      } catch {
        return line
      }
      line++
      start = i + 1
    }
  }
  return line - 1
}

const decodes = (bytes: Uint8Array, encoding: Encoding): boolean => {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/**
 * Decodes a text file's bytes: strict UTF-8 by default (a BOM is dropped), or GB18030 on request. Bytes
 * that are not in the encoding, UTF-16, and a UTF-8 file read as GB18030 are refused with advice.
 *
 * @category decoding
 * @since 0.2.0
 */
export const decodeText = (
  bytes: Uint8Array,
  file: string,
  encoding: Encoding
): Result.Result<string, FileProblem> => {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return Result.fail(problem("cli.file.utf16", { file }))
  }
  const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  if (encoding === "gb18030") {
    // A UTF-8 file decoded as GB18030 would store garbled names without a word: refuse it instead.
    const nonAscii = bytes.some((b) => b >= 0x80)
    if (utf8Bom || (nonAscii && decodes(bytes, "utf-8"))) {
      return Result.fail(problem("cli.file.utf8NotGb18030", { file }))
    }
    if (!decodes(bytes, "gb18030")) {
      return Result.fail(problem("cli.file.notGb18030", { file, line: firstBadLine(bytes, "gb18030") }))
    }
    return Result.succeed(new TextDecoder("gb18030").decode(bytes))
  }
  try {
    // TextDecoder drops a UTF-8 BOM by default.
    return Result.succeed(new TextDecoder("utf-8", { fatal: true }).decode(bytes))
  } catch {
    const guess = decodes(bytes, "gb18030") ? "gb18030" : "unknown"
    return Result.fail(problem(`cli.file.notUtf8.${guess}`, { file, line: firstBadLine(bytes, "utf-8") }))
  }
}

// Line breaks inside one record (quoted fields may hold them), to find the line the record starts on.
const breaksIn = (cells: ReadonlyArray<string>): number =>
  cells.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0)

const csvReasons: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: "quoteNotClosed",
  INVALID_OPENING_QUOTE: "quoteInField",
  CSV_INVALID_CLOSING_QUOTE: "textAfterQuote",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "textAfterQuote"
}

const isBlank = (cells: ReadonlyArray<string>) => cells.every((cell) => cell.trim().length === 0)

/**
 * Parses CSV text (a header row, then data rows) with strict quoting. The delimiter is a comma, or a tab when
 * the header row has tabs and no commas (Excel's "Unicode text"). Blank rows are skipped.
 *
 * @category parsing
 * @since 0.2.0
 */
export const parseCsv = (text: string, file: string): Result.Result<Table, FileProblem> => {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r|\n/)) || text.length)
  const delimiter = firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ","
  let parsed: Array<{ readonly record: Array<string>; readonly info: { readonly lines: number } }>
  try {
    parsed = parseCsvText(text, {
      bom: true,
      info: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ["\r\n", "\n", "\r"]
    }) as unknown as typeof parsed
  } catch (cause) {
    const error = cause as { readonly code?: string; readonly lines?: number }
    const reason = csvReasons[error.code ?? ""] ?? "other"
    return Result.fail(problem(`cli.csv.${reason}`, { file, code: error.code ?? "?" }, error.lines))
  }
  const records = parsed
    .map(({ info, record }) => ({ line: info.lines - breaksIn(record), cells: record }))
    .filter((r) => !isBlank(r.cells))
  const [header, ...rows] = records
  if (header === undefined) return Result.fail(problem("cli.file.empty", { file }))
  if (rows.length === 0) return Result.fail(problem("cli.file.noRows", { file }))
  return Result.succeed({
    kind: "table",
    format: "csv",
    header: { line: header.line, names: header.cells },
    records: rows
  })
}

const pad2 = (n: number) => String(n).padStart(2, "0")

/** An Excel cell as text: dates as `YYYY-MM-DD` (Excel dates carry no zone: their UTC parts are the date). */
const cellText = (cell: unknown): string =>
  cell === null || cell === undefined
    ? ""
    : cell instanceof Date
    ? `${cell.getUTCFullYear()}-${pad2(cell.getUTCMonth() + 1)}-${pad2(cell.getUTCDate())}`
    : typeof cell === "string"
    ? cell
    : typeof cell === "number" || typeof cell === "boolean"
    ? String(cell)
    : ""

/**
 * Reads the first sheet of an Excel workbook as a table; row numbers are Excel's.
 *
 * @category parsing
 * @since 0.2.0
 */
export const readXlsx = (bytes: Uint8Array, file: string): Effect.Effect<Table, FileProblem> =>
  Effect.gen(function*() {
    const data = yield* Effect.tryPromise({
      try: () => readSheet(Buffer.from(bytes)),
      catch: () => problem("cli.file.xlsxUnreadable", { file })
    })
    const records = data
      .map((row, i) => ({ line: i + 1, cells: row.map(cellText) }))
      .filter((r) => !isBlank(r.cells))
    const [header, ...rows] = records
    if (header === undefined) return yield* Effect.fail(problem("cli.file.empty", { file }))
    if (rows.length === 0) return yield* Effect.fail(problem("cli.file.noRows", { file }))
    return { kind: "table", format: "xlsx", header: { line: header.line, names: header.cells }, records: rows } as const
  })

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
const isOle = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0

/**
 * Reads a roster file: `.xlsx` (or any file that is a workbook), `.json`, or CSV text in the given encoding.
 *
 * @category reading
 * @since 0.2.0
 */
export const readFile = (file: string, encoding: Encoding): Effect.Effect<Source, FileProblem> =>
  Effect.gen(function*() {
    const bytes = yield* Effect.try({
      try: () => new Uint8Array(readFileSync(file)),
      catch: (cause) =>
        problem("cli.file.unreadable", { file, reason: (cause as { code?: string }).code ?? "unreadable" })
    })
    const lower = file.toLowerCase()
    if (isOle(bytes) || lower.endsWith(".xls")) return yield* Effect.fail(problem("cli.file.xls", { file }))
    if (isZip(bytes) || lower.endsWith(".xlsx")) return yield* readXlsx(bytes, file)
    if (bytes.length === 0) return yield* Effect.fail(problem("cli.file.empty", { file }))
    const text = yield* Effect.fromResult(decodeText(bytes, file, encoding))
    if (text.trim().length === 0) return yield* Effect.fail(problem("cli.file.empty", { file }))
    if (lower.endsWith(".json")) {
      const value = yield* Effect.try({
        try: () => JSON.parse(text) as unknown,
        // The parser's message quotes the text around the error, which may be personal data: only its line.
        catch: (cause) => {
          const line = /line (\d+)/.exec(String((cause as Error).message))?.[1]
          return problem("cli.file.badJson", { file }, line === undefined ? undefined : Number(line))
        }
      })
      return { kind: "json", value } as const
    }
    return yield* Effect.fromResult(parseCsv(text, file))
  })

/**
 * Where a streamed CSV file's header and records go, one at a time, in file order.
 *
 * @category models
 * @since 0.3.0
 */
export interface TableSink {
  readonly header: (header: Table["header"]) => void
  readonly record: (record: Table["records"][number]) => void
}

// The first line (the header) must be within this many bytes for a file to be streamed; chunks are this size.
const chunkBytes = 1 << 20

const readHead = (file: string): Uint8Array | undefined => {
  try {
    const fd = openSync(file, "r")
    try {
      const head = new Uint8Array(chunkBytes)
      return head.subarray(0, readSync(fd, head, 0, chunkBytes, 0))
    } finally {
      closeSync(fd)
    }
  } catch {
    return undefined
  }
}

/** Checks the bytes as they pass (and, for GB18030, turns them into UTF-8 for the parser). */
const decoding = (encoding: Encoding): Transform => {
  const strict = new TextDecoder(encoding, { fatal: true })
  // GB18030: a file that is UTF-8 with non-ASCII text is refused (`decodeText`), so it is decoded as UTF-8 too.
  const utf8 = encoding === "gb18030" ? new TextDecoder("utf-8", { fatal: true }) : undefined
  let utf8Valid = true
  let nonAscii = false
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      try {
        const text = strict.decode(chunk, { stream: true })
        if (utf8 === undefined) return callback(null, chunk)
        if (!nonAscii) nonAscii = chunk.some((b) => b >= 0x80)
        if (utf8Valid) {
          try {
            utf8.decode(chunk, { stream: true })
          } catch {
            utf8Valid = false
          }
        }
        callback(null, Buffer.from(text, "utf8"))
      } catch (cause) {
        callback(cause as Error)
      }
    },
    flush(callback) {
      try {
        const rest = strict.decode()
        if (utf8 !== undefined) {
          try {
            utf8.decode()
          } catch {
            utf8Valid = false
          }
          if (nonAscii && utf8Valid) return callback(new Error("UTF-8 read as GB18030"))
        }
        callback(null, utf8 === undefined || rest.length === 0 ? undefined : Buffer.from(rest, "utf8"))
      } catch (cause) {
        callback(cause as Error)
      }
    }
  })
}

const streamCsvFile = async (file: string, encoding: Encoding, sink: TableSink): Promise<boolean> => {
  const lower = file.toLowerCase()
  if (lower.endsWith(".xls") || lower.endsWith(".xlsx") || lower.endsWith(".json")) return false
  const head = readHead(file)
  if (head === undefined || head.length === 0 || isZip(head) || isOle(head)) return false
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0
  if (bom > 0 && encoding === "gb18030") return false
  // The delimiter is chosen on the first line, as `parseCsv` does; a file whose first line is blank or longer
  // than a chunk is read whole.
  const end = head.findIndex((b, i) => i >= bom && (b === 0x0a || b === 0x0d))
  if (end <= bom) return false
  let firstLine: string
  try {
    firstLine = new TextDecoder(encoding, { fatal: true }).decode(head.subarray(bom, end))
  } catch {
    return false
  }
  const delimiter = firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ","
  let header = false
  let rows = 0
  const records = new Writable({
    objectMode: true,
    write(
      { info, record }: { readonly record: Array<string>; readonly info: { readonly lines: number } },
      _encoding,
      callback
    ) {
      if (!isBlank(record)) {
        const line = info.lines - breaksIn(record)
        if (!header) {
          header = true
          sink.header({ line, names: record })
        } else {
          rows++
          sink.record({ line, cells: record })
        }
      }
      callback()
    }
  })
  try {
    await pipeline(
      createReadStream(file, { highWaterMark: chunkBytes }),
      decoding(encoding),
      parseCsvStream({
        bom: true,
        info: true,
        delimiter,
        relax_column_count: true,
        skip_empty_lines: true,
        record_delimiter: ["\r\n", "\n", "\r"]
      }),
      records
    )
  } catch {
    return false
  }
  return header && rows > 0
}

/**
 * Reads a CSV file in chunks, handing its header and records to `sink` as they are parsed: the same header and
 * records, with the same lines, as {@link readFile} gives, without holding the file. `true` when the file was
 * read so; `false` when it is not a CSV file (a workbook, JSON), or has any problem (bytes not in the encoding,
 * a CSV syntax error, no rows, a blank first line): then read it whole with {@link readFile}, which reports the
 * problem exactly, and drop what `sink` got.
 *
 * @category reading
 * @since 0.3.0
 */
export const streamCsv = (file: string, encoding: Encoding, sink: TableSink): Effect.Effect<boolean> =>
  Effect.promise(() => streamCsvFile(file, encoding, sink))
