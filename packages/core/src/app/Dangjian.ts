/**
 * The library's single entry point for applications: the codec of every stored event, the union of every
 * command, and `execute`, which routes a command to its aggregate (one stream, or several atomically) and
 * judges it by the policy in force on its legal date. `decodeAndExecute` takes untrusted JSON: bad input is a
 * typed `CommandDecodeError` with the Schema issue path, never an exception, and the input is never echoed.
 *
 * The Promise facade, the CLI and the JSON Schema export are built on this module.
 *
 * @since 0.1.0
 */
import { Effect, Result, Schema } from "effect"
import type { SchemaIssue } from "effect"
import * as Agreement from "../agreement/Agreement.ts"
import * as Appraisal from "../appraisal/Appraisal.ts"
import * as Council from "../council/Council.ts"
import * as Development from "../development/Development.ts"
import * as Dues from "../dues/Dues.ts"
import * as CommandHandler from "../kernel/CommandHandler.ts"
import type { Route } from "../kernel/Decider.ts"
import type { Envelope } from "../kernel/Envelope.ts"
import type { AppendError, ReadError } from "../kernel/errors.ts"
import { CommandDecodeError, describeIssue } from "../kernel/errors.ts"
import * as EventCodec from "../kernel/EventCodec.ts"
import type { EventStore } from "../kernel/EventStore.ts"
import * as Leadership from "../leadership/Leadership.ts"
import * as Meeting from "../meeting/Meeting.ts"
import * as Member from "../member/Member.ts"
import * as Organization from "../organization/Organization.ts"
import * as Points from "../points/Points.ts"
import * as PolicyTimeline from "../policy/PolicyTimeline.ts"
import * as Roles from "../roles/Roles.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import { invalid } from "../rules/RuleViolation.ts"
import * as UnitCheckIn from "../unitCheckIn/UnitCheckIn.ts"

/**
 * Every event definition of the library, for a store's codec.
 *
 * @category events
 * @since 0.1.0
 */
export const eventDefinitions = [
  ...Organization.organizationEvents,
  ...Member.memberEvents,
  ...UnitCheckIn.unitCheckInEvents,
  ...Agreement.agreementEvents,
  ...Appraisal.appraisalEvents,
  ...Points.pointsEvents,
  ...Roles.rolesEvents,
  ...Council.councilEvents,
  ...Development.developmentEvents,
  ...Leadership.leadershipEvents,
  ...Meeting.meetingEvents,
  ...Dues.duesEvents
] as const

/**
 * The codec of every event (unknown or undecodable events fail reads).
 *
 * @category events
 * @since 0.1.0
 */
export const codec = EventCodec.make(eventDefinitions)

/**
 * Every event, as one Schema (for JSON Schema export).
 *
 * @category events
 * @since 0.1.0
 */
export const Event = Schema.Union([
  Organization.OrganizationEvent,
  Member.MemberEvent,
  UnitCheckIn.UnitCheckInEvent,
  Agreement.AgreementEvent,
  Appraisal.AppraisalEvent,
  Points.PointsEvent,
  Roles.RolesEvent,
  Council.CouncilEvent,
  Development.DevelopmentEvent,
  Leadership.LeadershipEvent,
  Meeting.MeetingEvent,
  Dues.DuesEvent
]).annotate({ identifier: "DangjianEvent" })

/**
 * Every command, as one Schema.
 *
 * @category commands
 * @since 0.1.0
 */
export const Command = Schema.Union([
  Organization.TreeCommand,
  Organization.OrganizationCommand,
  Member.MemberCommand,
  UnitCheckIn.UnitCheckInCommand,
  Agreement.AgreementCommand,
  Appraisal.AppraisalCommand,
  Points.PointsCommand,
  Roles.RolesCommand,
  Council.CouncilCommand,
  Development.DevelopmentCommand,
  Leadership.LeadershipCommand,
  Meeting.MeetingCommand,
  Dues.DuesCommand
]).annotate({
  identifier: "DangjianCommand"
})

/**
 * @category commands
 * @since 0.1.0
 */
export type Command = typeof Command.Type

/**
 * @category models
 * @since 0.1.0
 */
export interface ExecuteOptions {
  /** The policies by legal date (default: the national timeline, with the pre-2018 rules before July 2018). */
  readonly policies?: Organization.Policies
  /** Who sends the command (an opaque id); recorded in the events' metadata. */
  readonly actor?: string
  readonly commandId?: string
  readonly correlationId?: string
  /**
   * Retries after a version conflict: a `Schedule`, or a `CommandHandler.RetryPolicy` as plain data (default:
   * `CommandHandler.CommandRetry`, a jittered exponential backoff).
   */
  readonly retry?: CommandHandler.Retry
}

/**
 * What a command did: each stream it appended to with its new version, and the events it appended (both
 * empty when the decision was "nothing to do"; streams read but not written are never listed).
 *
 * @category models
 * @since 0.1.0
 */
export interface Executed {
  readonly streams: ReadonlyArray<{ readonly streamId: string; readonly version: number }>
  readonly events: ReadonlyArray<Envelope>
}

/**
 * The errors `execute` can fail with.
 *
 * @category errors
 * @since 0.1.0
 */
export type ExecuteError = DomainError | AppendError | ReadError

/**
 * The policies used when none are given: the national timeline (pre-2018 rules before July 2018).
 *
 * @category constants
 * @since 0.1.0
 */
export const defaultPolicies: Organization.Policies = PolicyTimeline.national

/**
 * The route of every aggregate (organization tree and single-stream, member, unit check-in, agreement,
 * council): `execute` finds a command's route by its tag and runs it through the kernel's one command loop.
 *
 * @category routing
 * @since 0.2.0
 */
export const routes = [
  Organization.treeRoute,
  Organization.route,
  Member.route,
  UnitCheckIn.route,
  Agreement.route,
  Appraisal.route,
  Points.route,
  Roles.route,
  Council.route,
  Development.route,
  Leadership.route,
  Meeting.route,
  Dues.route
] as const

type AnyRoute = Route<Command, Organization.Policies, DomainError>

const routeByTag: ReadonlyMap<string, AnyRoute> = new Map(
  routes.flatMap((route) => route.tags.map((tag): [string, AnyRoute] => [tag, route as unknown as AnyRoute]))
)

// The command's own actor (who acted, as the command records it) comes first; the options' actor (the
// client's, the session's) stands in when the command names none.
// Built by assignment, in the same key order as the stored metadata's (no spread objects: one per command).
const contextOf = (command: Command, options: ExecuteOptions | undefined): CommandHandler.CommandContext => {
  const context: { -readonly [K in keyof CommandHandler.CommandContext]: CommandHandler.CommandContext[K] } = {
    occurredAt: command.at
  }
  const actor = command.actor ?? options?.actor
  if (actor !== undefined) context.actor = actor
  if (options?.commandId !== undefined) context.commandId = options.commandId
  if (options?.correlationId !== undefined) context.correlationId = options.correlationId
  return context
}

/**
 * Runs a command: finds its route by its tag, decides it on the state of the streams it concerns with the
 * policy in force on its legal date, and appends the result atomically, trying again after a version
 * conflict as `options.retry` (or `CommandHandler.CommandRetry`) allows.
 *
 * @category executing
 * @since 0.1.0
 */
export const execute = (
  command: Command,
  options?: ExecuteOptions
): Effect.Effect<Executed, ExecuteError, EventStore> => {
  // Every tag of `Command` has a route (a test holds them so); a command built without the Schema is refused.
  const route = routeByTag.get(command._tag)
  if (route === undefined) return Effect.fail(invalid("domain.unknownCommand"))
  return Effect.map(
    CommandHandler.run(route, command, options?.policies ?? defaultPolicies, {
      context: contextOf(command, options),
      ...(options?.retry === undefined ? {} : { retry: options.retry })
    }),
    (ran): Executed => ({ streams: ran.streams, events: ran.events })
  )
}

// Commands are tagged structs in nested unions; decoding against the whole union reports the first member's
// failure at the root. Choosing the member by `_tag` first gives the issue's real path (e.g. `memberId`).
const commandDecoders = new Map<
  string,
  (input: unknown) => Result.Result<unknown, { readonly issue: SchemaIssue.Issue }>
>()
const collectCommands = (schema: Schema.Top): void => {
  const node = schema as Schema.Top & {
    readonly members?: ReadonlyArray<Schema.Top>
    readonly fields?: { readonly _tag?: { readonly ast: { readonly literal?: unknown } } }
  }
  if (node.members !== undefined) {
    for (const member of node.members) collectCommands(member)
    return
  }
  const tag = node.fields?._tag?.ast.literal
  if (typeof tag === "string") commandDecoders.set(tag, Schema.decodeUnknownResult(schema as Schema.Codec<unknown>))
}
collectCommands(Command)

/**
 * Decodes untrusted input into a command. A failure carries the Schema issue's path and message, never the
 * input.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeCommand = (input: unknown): Result.Result<Command, CommandDecodeError> => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return Result.fail(new CommandDecodeError({ path: "(root)", issue: "Expected an object with a _tag" }))
  }
  const tag = (input as { readonly _tag?: unknown })._tag
  const decode = typeof tag === "string" ? commandDecoders.get(tag) : undefined
  // The issue names no value the caller sent: unknown input is never echoed.
  if (decode === undefined) {
    return Result.fail(new CommandDecodeError({ path: "_tag", issue: "Expected a command type of Dangjian.Command" }))
  }
  const decoded = decode(input)
  return Result.isSuccess(decoded)
    ? Result.succeed(decoded.success as Command)
    : Result.fail(new CommandDecodeError(describeIssue(decoded.failure.issue)))
}

/**
 * Decodes untrusted input and runs it.
 *
 * @category executing
 * @since 0.1.0
 */
export const decodeAndExecute = (
  input: unknown,
  options?: ExecuteOptions
): Effect.Effect<Executed, CommandDecodeError | ExecuteError, EventStore> =>
  Effect.flatMap(Effect.fromResult(decodeCommand(input)), (command) => execute(command, options))

/**
 * A JSON Schema document (draft 2020-12) as plain JSON: its root schema, with every named part under `$defs`.
 *
 * @category json schema
 * @since 0.1.0
 */
export interface JsonSchemaDocument {
  readonly $schema: "https://json-schema.org/draft/2020-12/schema"
  readonly title: string
  readonly description: string
  readonly $defs: { readonly [name: string]: unknown }
  readonly [keyword: string]: unknown
}

// What each document cannot say, in its own description: a schema sees one JSON value, never the streams, the
// policies or the stored versions.
const commandLimits = "A command that validates has the shape Dangjian.decodeCommand accepts; the rules (R1, R38, "
  + "…) are judged afterwards by Dangjian.execute, on the state of the streams and the policy in force on the "
  + "command's date, so it can still be rejected."
const eventLimits = "An event's data is described at its current schema version, with its _tag as the stored "
  + "type; data of an older version is upcast by the codec before it is decoded, and is not described here."
const excess = "Properties not listed are allowed, and dropped by the decoder."

const documentOf = (schema: Schema.Top, title: string, description: string): JsonSchemaDocument => {
  const document = Schema.toJsonSchemaDocument(schema)
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title,
    description,
    ...document.schema,
    $defs: document.definitions
  }
}

// One Schema for "a command or an event": their tags are disjoint (a test holds them so), so `anyOf` matches
// exactly one branch for any valid value.
const CommandOrEvent = Schema.Union([Command, Event])

/**
 * One JSON Schema (draft 2020-12) document that validates a command or an event, as JSON, for teams that call
 * dangjian from other languages. Its root is `anyOf` the `$defs` `DangjianCommand` and `DangjianEvent`; every
 * member constrains its `_tag`, so an unknown type is refused.
 *
 * A command that validates is one `decodeCommand` accepts, and an event that validates is one `codec` decodes;
 * the rules are judged later, by `execute`, and no schema can say them.
 *
 * @category json schema
 * @since 0.1.0
 */
export const jsonSchema = (): JsonSchemaDocument =>
  documentOf(
    CommandOrEvent,
    "dangjian command or event",
    `A dangjian command, or the data of a dangjian event. ${commandLimits} ${eventLimits} ${excess}`
  )

/**
 * The same JSON Schema as two documents, for a tool that wants one file per kind: `commands` validates a
 * command only, `events` an event only. Each is a whole document on its own.
 *
 * @category json schema
 * @since 0.1.0
 */
export const jsonSchemas = (): { readonly commands: JsonSchemaDocument; readonly events: JsonSchemaDocument } => ({
  commands: documentOf(Command, "dangjian command", `A dangjian command. ${commandLimits} ${excess}`),
  events: documentOf(Event, "dangjian event", `The data of a dangjian event. ${eventLimits} ${excess}`)
})
