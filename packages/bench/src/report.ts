/**
 * Turns the cells' results into the comparison: the median events/s of each cell, and for each dangjian store
 * and workload the ratios to the raw driver and to Emmett of the same kind with the verdict against the target
 * (at least half of the raw driver, and ahead of Emmett).
 */
import type { CellResult } from "./protocol.ts"
import type { Kind, System } from "./systems.ts"
import { kinds, systems } from "./systems.ts"
import type { Workload } from "./workload.ts"
import { workloads } from "./workload.ts"

/** The target: dangjian ≥ this share of the raw driver on the same kind of store. */
export const rawTarget = 0.5

/** One cell over its runs. */
export type CellSummary =
  | { readonly status: "ok"; readonly median: number; readonly rates: ReadonlyArray<number> }
  | {
    readonly status: "checks failed"
    readonly median: number
    readonly rates: ReadonlyArray<number>
    readonly failures: ReadonlyArray<string>
  }
  | { readonly status: "error"; readonly error: string }
  | { readonly status: "n/a"; readonly reason: string }
  | { readonly status: "skipped"; readonly reason: string }

export const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export const summarize = (
  system: System,
  workload: Workload,
  runs: ReadonlyArray<CellResult>,
  skipped?: string
): CellSummary => {
  if (!system.workloads.includes(workload)) return { status: "n/a", reason: system.missing ?? "not offered" }
  if (skipped !== undefined) return { status: "skipped", reason: skipped }
  const errored = runs.find((run) => run.error !== undefined)
  if (errored !== undefined) return { status: "error", error: errored.error! }
  if (runs.length === 0) return { status: "skipped", reason: "not run" }
  const rates = runs.map((run) => run.eventsPerSecond!)
  const failures = runs.flatMap((run) => run.failures)
  if (failures.length > 0) {
    return { status: "checks failed", median: median(rates), rates, failures: [...new Set(failures)] }
  }
  return { status: "ok", median: median(rates), rates }
}

/** A dangjian store's workload beside its raw driver and Emmett. */
export interface Comparison {
  readonly kind: Kind
  readonly system: System
  readonly workload: Workload
  readonly raw: CellSummary
  readonly emmett: CellSummary
  readonly dangjian: CellSummary
  readonly vsRaw?: number
  readonly vsEmmett?: number
  readonly meetsRaw?: boolean
  readonly beatsEmmett?: boolean
  /** PASS when every applicable target is met; FAIL when one is not; otherwise why there is no verdict. */
  readonly verdict: string
}

const rateOf = (cell: CellSummary): number | undefined => (cell.status === "ok" ? cell.median : undefined)

export const compare = (
  summaries: ReadonlyMap<string, ReadonlyMap<Workload, CellSummary>>,
  selected: ReadonlyArray<System>
): Array<Comparison> => {
  const out: Array<Comparison> = []
  const cell = (system: System | undefined, workload: Workload): CellSummary =>
    system === undefined
      ? { status: "skipped", reason: "not selected" }
      : summaries.get(system.id)?.get(workload) ?? { status: "skipped", reason: "not selected" }
  for (const kind of kinds) {
    const ofKind = selected.filter((s) => s.kind === kind)
    const raw = systems.find((s) => s.kind === kind && s.role === "raw")
    const emmett = systems.find((s) => s.kind === kind && s.role === "emmett")
    for (const system of ofKind.filter((s) => s.role === "dangjian")) {
      for (const workload of workloads) {
        const r = cell(selected.includes(raw!) ? raw : undefined, workload)
        const e = cell(selected.includes(emmett!) ? emmett : undefined, workload)
        const d = cell(system, workload)
        const ours = rateOf(d)
        const rawRate = rateOf(r)
        const emmettRate = rateOf(e)
        const vsRaw = ours !== undefined && rawRate !== undefined ? ours / rawRate : undefined
        const vsEmmett = ours !== undefined && emmettRate !== undefined ? ours / emmettRate : undefined
        const meetsRaw = vsRaw === undefined ? undefined : vsRaw >= rawTarget
        const beatsEmmett = vsEmmett === undefined ? undefined : vsEmmett > 1
        const judged = [meetsRaw, beatsEmmett].filter((v) => v !== undefined)
        const verdict = d.status === "checks failed"
          ? "does not count (checks failed)"
          : d.status !== "ok"
          ? d.status
          : judged.length === 0
          ? "no peer"
          : judged.every(Boolean)
          ? "PASS"
          : "FAIL"
        out.push({
          kind,
          system,
          workload,
          raw: r,
          emmett: e,
          dangjian: d,
          ...(vsRaw === undefined ? {} : { vsRaw }),
          ...(vsEmmett === undefined ? {} : { vsEmmett }),
          ...(meetsRaw === undefined ? {} : { meetsRaw }),
          ...(beatsEmmett === undefined ? {} : { beatsEmmett }),
          verdict
        })
      }
    }
  }
  return out
}

const thousands = (n: number): string => Math.round(n).toLocaleString("en-US")

/** A cell as text: the median events/s, or why there is none. */
export const showCell = (cell: CellSummary): string => {
  switch (cell.status) {
    case "ok":
      return thousands(cell.median)
    case "checks failed":
      return `(${thousands(cell.median)}) ✗checks`
    case "error":
      return "error"
    case "n/a":
      return "n/a"
    case "skipped":
      return "—"
  }
}

const showRatio = (ratio: number | undefined, ok: boolean | undefined): string =>
  ratio === undefined ? "—" : `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}× ${ok ? "✓" : "✗"}`

export const header = ["store", "workload", "raw", "Emmett", "dangjian", "dangjian/raw", "dangjian/Emmett", "verdict"]

export const rows = (comparisons: ReadonlyArray<Comparison>): Array<Array<string>> =>
  comparisons.map((c) => [
    c.system.label,
    c.workload,
    showCell(c.raw),
    showCell(c.emmett),
    showCell(c.dangjian),
    showRatio(c.vsRaw, c.meetsRaw),
    showRatio(c.vsEmmett, c.beatsEmmett),
    c.verdict
  ])

/** A plain-text table with aligned columns. */
export const textTable = (head: ReadonlyArray<string>, body: ReadonlyArray<ReadonlyArray<string>>): string => {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)))
  const line = (cells: ReadonlyArray<string>) =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ")
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n")
}

/** A Markdown table. */
export const markdownTable = (head: ReadonlyArray<string>, body: ReadonlyArray<ReadonlyArray<string>>): string => {
  const escape = (cell: string) => cell.replaceAll("|", "\\|")
  const align = head.map((_, i) => (i < 2 ? "---" : "---:"))
  return [head, align, ...body].map((row) => `| ${row.map(escape).join(" | ")} |`).join("\n")
}

/** Every cell's median (and each run) for the raw table. */
export const cellRows = (
  summaries: ReadonlyMap<string, ReadonlyMap<Workload, CellSummary>>,
  selected: ReadonlyArray<System>
): Array<Array<string>> =>
  selected.map((system) => [
    system.label,
    system.kind,
    ...workloads.map((w) => showCell(summaries.get(system.id)?.get(w) ?? { status: "skipped", reason: "" }))
  ])

/** Why cells have no number: errors, failed checks and n/a, once each. */
export const problems = (
  summaries: ReadonlyMap<string, ReadonlyMap<Workload, CellSummary>>,
  selected: ReadonlyArray<System>
): Array<string> => {
  const out: Array<string> = []
  for (const system of selected) {
    const cells = summaries.get(system.id)
    if (cells === undefined) continue
    const naReasons = new Set<string>()
    for (const [workload, cell] of cells) {
      if (cell.status === "error") out.push(`${system.label} ${workload}: could not run — ${cell.error}`)
      if (cell.status === "checks failed") {
        out.push(`${system.label} ${workload}: does not count, untimed checks failed — ${cell.failures.join("; ")}`)
      }
      if (cell.status === "skipped" && cell.reason !== "not selected") {
        out.push(`${system.label} ${workload}: skipped — ${cell.reason}`)
      }
      if (cell.status === "n/a") naReasons.add(`${workload}`)
    }
    if (naReasons.size > 0) {
      out.push(`${system.label} ${[...naReasons].join(", ")}: n/a — ${system.missing ?? "not offered"}`)
    }
  }
  return out
}
