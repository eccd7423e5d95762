/**
 * Progress on long work, on stderr: the phase (reading, checking, writing, catching up, indexing findings) with
 * counts. On a terminal one line is redrawn in place (at most ten times a second); otherwise (a pipe, a log file, a
 * test) each phase prints plain lines: when it starts with a count, at every quarter, and when it ends.
 *
 * @since 0.2.0
 */
import type { Locale } from "@dangjian/core"
import { Effect } from "effect"
import { t } from "./messages.ts"

/**
 * The phases of long work.
 *
 * @category models
 * @since 0.2.0
 */
export type Phase = "reading" | "checking" | "writing" | "catchingUp" | "indexing"

/**
 * A progress reporter.
 *
 * @category models
 * @since 0.2.0
 */
export interface Progress {
  /** Reports `done` of `total` in a phase (total 0: a count without a known end). */
  readonly update: (phase: Phase, done: number, total: number) => Effect.Effect<void>
  /** Ends the current line (on a terminal). */
  readonly done: Effect.Effect<void>
}

/**
 * A reporter writing to `stream`: in place when it is a terminal, plain lines otherwise.
 *
 * @category constructors
 * @since 0.2.0
 */
export const make = (
  locale: Locale,
  stream: { readonly isTTY?: boolean; readonly write: (text: string) => unknown } = process.stderr
): Progress => {
  const tty = stream.isTTY === true
  let last: { phase: Phase; quarter: number } | undefined
  let drawnAt = 0
  let open = false
  const text = (phase: Phase, done: number, total: number) => {
    const label = t(`cli.progress.${phase}`, {}, locale)
    if (total <= 0) return `${label} ${done}`
    const bar = "#".repeat(Math.round((Math.min(done, total) / total) * 20)).padEnd(20, ".")
    return `${label} [${bar}] ${done}/${total}`
  }
  return {
    update: (phase, done, total) =>
      Effect.sync(() => {
        if (tty) {
          const now = Date.now()
          if (done < total && now - drawnAt < 100 && last?.phase === phase) return
          drawnAt = now
          stream.write(`\r\x1b[2K${text(phase, done, total)}`)
          open = true
          last = { phase, quarter: 0 }
          return
        }
        const quarter = total > 0 ? Math.floor((Math.min(done, total) / total) * 4) : 0
        if (last?.phase === phase && last.quarter === quarter && done < total) return
        if (last?.phase === phase && last.quarter === 4) return
        last = { phase, quarter: done >= total && total > 0 ? 4 : quarter }
        stream.write(`${text(phase, done, total)}\n`)
      }),
    done: Effect.sync(() => {
      if (tty && open) stream.write("\n")
      open = false
      last = undefined
    })
  }
}

/**
 * A reporter that says nothing.
 *
 * @category constructors
 * @since 0.2.0
 */
export const silent: Progress = { update: () => Effect.void, done: Effect.void }
