/**
 * The route of the leadership-history aggregate for the kernel's command loop (`CommandHandler.run`): a
 * leadership command reads the leadership stream and, to record an election, the organization's stream (its kind
 * and locus, R9, R21); it appends to the leadership stream only, and the organization's stream takes part in the
 * append with its expected version and gets no events.
 *
 * @since 0.3.0
 */
import { Result } from "effect"
import type { Route } from "../kernel/Decider.ts"
import { tagsOf } from "../kernel/tags.ts"
import type { Policies } from "../organization/decide.ts"
import { organizationsIn } from "../organization/route.ts"
import { fold as organizationFold } from "../organization/state.ts"
import { streamId as organizationStreamId } from "../organization/stream.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import type { LeadershipCommand } from "./commands.ts"
import { LeadershipCommand as LeadershipCommandSchema } from "./commands.ts"
import { decide, requiredOrganizations } from "./decide.ts"
import type { LeadershipState } from "./state.ts"
import { fold } from "./state.ts"
import { leadershipOrgIdOf, streamId } from "./stream.ts"

/**
 * Leadership commands: the history, and the organization an election names.
 *
 * @category routes
 * @since 0.3.0
 */
export const route: Route<LeadershipCommand, Policies, DomainError> = {
  tags: tagsOf(LeadershipCommandSchema),
  fold: (id) => leadershipOrgIdOf(id) !== undefined ? fold : organizationFold,
  streams: (command) => [streamId(command.orgId), ...requiredOrganizations(command).map(organizationStreamId)],
  decide: (command, states, policies) => {
    const stream = streamId(command.orgId)
    return Result.map(
      decide(policies, command, states.get(stream) as LeadershipState, organizationsIn(states)),
      (events) => [{ streamId: stream, events }]
    )
  }
}
