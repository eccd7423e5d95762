/**
 * What a cell process prints for the bench that started it: one line, the marker then the JSON result.
 */
import type { Workload } from "./workload.ts"

/** What a cell prints. */
export interface CellResult {
  readonly system: string
  readonly workload: Workload
  readonly streams: number
  readonly events?: number
  readonly seconds?: number
  readonly eventsPerSecond?: number
  /** Failed untimed checks: a run with any does not count. */
  readonly failures: ReadonlyArray<string>
  /** Set when the cell could not run at all. */
  readonly error?: string
  readonly notes?: ReadonlyArray<string>
}

export const resultMarker = "BENCH-RESULT "
