/**
 * The route of the agreement aggregate for the kernel's command loop (`CommandHandler.run`). It only ever
 * appends to the agreement's own stream; a signing or renewal reads its party organizations and joint
 * organization, so those streams take part in the append with their expected versions and get no events
 * (R48, R50).
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
import type { AgreementCommand } from "./commands.ts"
import { AgreementCommand as AgreementCommandSchema } from "./commands.ts"
import { decide, requiredOrganizations } from "./decide.ts"
import type { AgreementState } from "./state.ts"
import { fold } from "./state.ts"
import { streamId } from "./stream.ts"

/**
 * Agreement commands: the agreement, then (for a signing or renewal) the organizations it names.
 *
 * @category routes
 * @since 0.2.0
 */
export const route: Route<AgreementCommand, Policies, DomainError> = {
  tags: tagsOf(AgreementCommandSchema),
  fold: (id) => orgIdOf(id) === undefined ? fold : organizationFold,
  streams: (command, states) => {
    const agreement = states.get(streamId(command.agreementId)) as AgreementState | undefined
    return agreement === undefined
      ? [streamId(command.agreementId)]
      : [streamId(command.agreementId), ...requiredOrganizations(command, agreement).map(organizationStreamId)]
  },
  decide: (command, states, policies) => {
    const stream = streamId(command.agreementId)
    return Result.map(
      decide(policies, command, states.get(stream) as AgreementState, organizationsIn(states)),
      (events) => [{ streamId: stream, events }]
    )
  }
}
