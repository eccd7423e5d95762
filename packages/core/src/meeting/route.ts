/**
 * The route of the meeting aggregate for the kernel's command loop (`CommandHandler.run`): a meeting command
 * reads the meeting stream and, to plan, record or correct, the organization's stream (named by the command,
 * or by the held meeting for a correction); it appends to the meeting stream only, and the organization stream
 * takes part in the append with its expected version and gets no events.
 *
 * @since 0.3.0
 */
import { Result } from "effect"
import type { Route } from "../kernel/Decider.ts"
import { tagsOf } from "../kernel/tags.ts"
import type { Policies } from "../organization/decide.ts"
import type { OrganizationState } from "../organization/state.ts"
import { fold as organizationFold } from "../organization/state.ts"
import { orgIdOf, streamId as organizationStreamId } from "../organization/stream.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import type { MeetingCommand } from "./commands.ts"
import { MeetingCommand as MeetingCommandSchema } from "./commands.ts"
import { decide, requiredOrganization } from "./decide.ts"
import type { MeetingState } from "./state.ts"
import { fold } from "./state.ts"
import { streamId } from "./stream.ts"

/**
 * Meeting commands: the meeting, then the organization it reads.
 *
 * @category routes
 * @since 0.3.0
 */
export const route: Route<MeetingCommand, Policies, DomainError> = {
  tags: tagsOf(MeetingCommandSchema),
  fold: (id) => orgIdOf(id) === undefined ? fold : organizationFold,
  streams: (command, states) => {
    const stream = streamId(command.meetingId)
    const state = states.get(stream) as MeetingState | undefined
    if (state === undefined) return [stream]
    const orgId = requiredOrganization(command, state)
    return orgId === undefined ? [stream] : [stream, organizationStreamId(orgId)]
  },
  decide: (command, states, policies) => {
    const stream = streamId(command.meetingId)
    const state = states.get(stream) as MeetingState
    const orgId = requiredOrganization(command, state)
    const org = orgId === undefined
      ? undefined
      : states.get(organizationStreamId(orgId)) as OrganizationState | undefined
    return Result.map(decide(policies, command, state, org), (events) => [{ streamId: stream, events }])
  }
}
