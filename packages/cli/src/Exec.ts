/**
 * `dangjian exec`: runs commands from JSON Lines (one command per line, as `dangjian schema` describes them)
 * through `Dangjian.decodeAndExecute`, so anything the library can record can be recorded from the command
 * line: elections, transfers, check-ins, agreements.
 *
 * Every line is read and decoded first: a line that is not JSON, or not a command, is bad input and nothing is
 * written. Then each command runs in order and is reported as accepted (with its events) or rejected (with its
 * rule and message). By default each accepted command is written as it runs; with `atomic`, every command is
 * decided on a staging area over the store (a unit of work) and all are written in one atomic append only if
 * every one is accepted.
 *
 * @since 0.2.0
 */
import type { Locale } from "@dangjian/core"
import { Dangjian, Messages } from "@dangjian/core"
import type { EventStore, ReadModel } from "@dangjian/core/kernel"
import { Effect, Result } from "effect"
import type { RowError } from "./Roster.ts"
import * as Staging from "./Staging.ts"

/**
 * One line of the input, parsed.
 *
 * @category models
 * @since 0.2.0
 */
export interface Line {
  readonly line: number
  readonly input: unknown
}

/**
 * What happened to one command.
 *
 * @category models
 * @since 0.2.0
 */
export type Outcome =
  | {
    readonly line: number
    readonly status: "accepted"
    readonly command: string
    readonly events: ReadonlyArray<string>
  }
  | {
    readonly line: number
    readonly status: "rejected"
    readonly command: string
    readonly ruleId: string | null
    readonly code: string
    readonly message: string
  }

/**
 * Splits JSON Lines text into parsed lines (blank lines and lines starting with `#` or `//` are skipped);
 * fails with every line that is not JSON or not a command (the decoder's path and issue, never the input).
 *
 * @category parsing
 * @since 0.2.0
 */
export const parseLines = (text: string): Result.Result<Array<Line>, Array<RowError>> => {
  const lines: Array<Line> = []
  const errors: Array<RowError> = []
  text.replace(/^\uFEFF/, "").split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1
    const trimmed = raw.trim()
    if (trimmed.length === 0 || trimmed.startsWith("#") || trimmed.startsWith("//")) return
    let input: unknown
    try {
      input = JSON.parse(trimmed)
    } catch {
      errors.push({ line, code: "cli.exec.notJson", params: {} })
      return
    }
    const decoded = Dangjian.decodeCommand(input)
    if (Result.isFailure(decoded)) {
      errors.push({
        line,
        code: "cli.exec.notCommand",
        params: { path: decoded.failure.path, issue: decoded.failure.issue }
      })
      return
    }
    lines.push({ line, input })
  })
  return errors.length > 0 ? Result.fail(errors) : Result.succeed(lines)
}

const tagOf = (input: unknown) => String((input as { readonly _tag?: unknown })._tag)

const outcomeOf = (
  line: Line,
  result: Result.Result<Dangjian.Executed, unknown>,
  locale: Locale
): Outcome => {
  if (Result.isSuccess(result)) {
    return {
      line: line.line,
      status: "accepted",
      command: tagOf(line.input),
      events: result.success.events.map((e) => e.type)
    }
  }
  const error = result.failure as { readonly ruleId?: string; readonly code?: unknown; readonly params?: unknown }
  const localized = typeof error.code === "string" && typeof error.params === "object"
  return {
    line: line.line,
    status: "rejected",
    command: tagOf(line.input),
    ruleId: error.ruleId ?? null,
    code: localized ? (error.code as string) : "cli.exec.failed",
    message: localized ? Messages.render(error as never, locale) : String(result.failure)
  }
}

// Failures that are not about the command (the store is unavailable, a read failed): the run stops.
const isRejection = (error: unknown) => {
  const tag = (error as { readonly _tag?: string })._tag
  return tag === "RuleViolation" || tag === "InvalidCommand" || tag === "CommandDecodeError"
}

/**
 * Runs every line in order on the store; each accepted command is written as it runs.
 *
 * @category executing
 * @since 0.2.0
 */
export const run = (
  lines: ReadonlyArray<Line>,
  options: {
    readonly locale: Locale
    readonly actor: string
    readonly onOutcome?: (outcome: Outcome) => Effect.Effect<void>
  }
): Effect.Effect<Array<Outcome>, unknown, EventStore.EventStore> =>
  Effect.gen(function*() {
    const outcomes: Array<Outcome> = []
    for (const line of lines) {
      const result = yield* Effect.result(Dangjian.decodeAndExecute(line.input, { actor: options.actor }))
      if (Result.isFailure(result) && !isRejection(result.failure)) return yield* Effect.fail(result.failure)
      const outcome = outcomeOf(line, result, options.locale)
      outcomes.push(outcome)
      if (options.onOutcome !== undefined) yield* options.onOutcome(outcome)
    }
    return outcomes
  })

/**
 * Runs every line in order on a staging area over the store (a unit of work), and writes everything in one
 * atomic append only if every command was accepted. Returns the outcomes and the number of events written (0
 * when any was rejected).
 *
 * @category executing
 * @since 0.2.0
 */
export const runAtomic = (
  lines: ReadonlyArray<Line>,
  options: {
    readonly locale: Locale
    readonly actor: string
    readonly onOutcome?: (outcome: Outcome) => Effect.Effect<void>
  }
): Effect.Effect<
  { readonly outcomes: Array<Outcome>; readonly written: number },
  Staging.StoreChanged | unknown,
  EventStore.EventStore | ReadModel.ReadModelStore
> =>
  Effect.gen(function*() {
    const staging = yield* Staging.make
    const outcomes: Array<Outcome> = []
    for (const line of lines) {
      const result = yield* Effect.result(
        Dangjian.decodeAndExecute(line.input, { actor: options.actor }).pipe(Staging.onStaging(staging))
      )
      if (Result.isFailure(result) && !isRejection(result.failure)) return yield* Effect.fail(result.failure)
      const outcome = outcomeOf(line, result, options.locale)
      outcomes.push(outcome)
      if (options.onOutcome !== undefined) yield* options.onOutcome(outcome)
    }
    if (outcomes.some((o) => o.status === "rejected")) return { outcomes, written: 0 }
    return { outcomes, written: yield* Staging.commitAndCatchUp(staging) }
  })
