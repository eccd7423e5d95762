/**
 * The route of the unit check-in aggregate for the kernel's command loop (`CommandHandler.run`): a unit
 * organization's community check-in reads and writes its own stream only.
 *
 * @since 0.2.0
 */
import { Result } from "effect"
import type { Route } from "../kernel/Decider.ts"
import { tagsOf } from "../kernel/tags.ts"
import type { Policies } from "../organization/decide.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import type { UnitCheckInCommand } from "./commands.ts"
import { UnitCheckInCommand as UnitCheckInCommandSchema } from "./commands.ts"
import { decide } from "./decide.ts"
import type { UnitCheckInState } from "./state.ts"
import { fold } from "./state.ts"
import { streamId } from "./stream.ts"

/**
 * Unit check-in commands: the unit's check-in stream.
 *
 * @category routes
 * @since 0.2.0
 */
export const route: Route<UnitCheckInCommand, Policies, DomainError> = {
  tags: tagsOf(UnitCheckInCommandSchema),
  fold: () => fold,
  streams: (command) => [streamId(command.unitOrgId)],
  decide: (command, states, policies) => {
    const stream = streamId(command.unitOrgId)
    return Result.map(
      decide(policies, command, states.get(stream) as UnitCheckInState),
      (events) => [{ streamId: stream, events }]
    )
  }
}
