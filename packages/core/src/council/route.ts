/**
 * The route of the council aggregate for the kernel's command loop (`CommandHandler.run`): a council command
 * reads the council stream and, to form a council or add a member, the member organizations' streams; it
 * appends to the council stream only, and the organization streams take part in the append with their
 * expected versions and get no events (R48, R51).
 *
 * @since 0.2.0
 */
import { Result } from "effect"
import type { Route } from "../kernel/Decider.ts"
import { tagsOf } from "../kernel/tags.ts"
import type { Policies } from "../organization/decide.ts"
import { organizationsIn } from "../organization/route.ts"
import { fold as organizationFold } from "../organization/state.ts"
import { orgIdOf, streamId as organizationStreamId } from "../organization/stream.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import type { CouncilCommand } from "./commands.ts"
import { CouncilCommand as CouncilCommandSchema } from "./commands.ts"
import { decide, requiredOrganizations } from "./decide.ts"
import type { CouncilState } from "./state.ts"
import { fold } from "./state.ts"
import { streamId } from "./stream.ts"

/**
 * Council commands: the council, and the organizations a new council or a new member names.
 *
 * @category routes
 * @since 0.2.0
 */
export const route: Route<CouncilCommand, Policies, DomainError> = {
  tags: tagsOf(CouncilCommandSchema),
  fold: (id) => orgIdOf(id) === undefined ? fold : organizationFold,
  streams: (command) => [streamId(command.councilId), ...requiredOrganizations(command).map(organizationStreamId)],
  decide: (command, states, policies) => {
    const stream = streamId(command.councilId)
    return Result.map(
      decide(policies, command, states.get(stream) as CouncilState, organizationsIn(states)),
      (events) => [{ streamId: stream, events }]
    )
  }
}
