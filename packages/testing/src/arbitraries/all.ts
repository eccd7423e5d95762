/**
 * Any command and any event of the library: every member of `Dangjian.Command` and `Dangjian.Event`.
 *
 * @since 0.1.0
 */
import type { Dangjian } from "@dangjian/core"
import fc from "fast-check"
import { agreementCommand, agreementEvent } from "./agreement.ts"
import { command } from "./commands.ts"
import { councilCommand, councilEvent } from "./council.ts"
import { organizationEvent } from "./events.ts"
import { memberCommand, memberEvent } from "./member.ts"
import { unitCheckInCommand, unitCheckInEvent } from "./unitCheckIn.ts"
import type { ValueOptions } from "./values.ts"

/**
 * Any command of the three pillars (every member of `Dangjian.Command`); each value decodes with that
 * Schema.
 *
 * @since 0.1.0
 * @category commands
 */
export const dangjianCommand = (options: ValueOptions = {}): fc.Arbitrary<Dangjian.Command> =>
  fc.oneof(
    command(options),
    memberCommand(options),
    unitCheckInCommand(options),
    agreementCommand(options),
    councilCommand(options)
  )

/**
 * Any event of the three pillars (every member of `Dangjian.Event`); each value decodes with that Schema
 * and round-trips through `Dangjian.codec`.
 *
 * @since 0.1.0
 * @category events
 */
export const dangjianEvent = (options: ValueOptions = {}): fc.Arbitrary<typeof Dangjian.Event.Type> =>
  fc.oneof(
    organizationEvent(options),
    memberEvent(options),
    unitCheckInEvent(options),
    agreementEvent(options),
    councilEvent(options)
  )
