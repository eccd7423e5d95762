/**
 * Any command and any event of the library: every member of `Dangjian.Command` and `Dangjian.Event`.
 *
 * @since 0.1.0
 */
import type { Dangjian } from "@dangjian/core"
import fc from "fast-check"
import { agreementCommand, agreementEvent } from "./agreement.ts"
import { appraisalCommand, appraisalEvent, pointsCommand, pointsEvent, rolesCommand, rolesEvent } from "./appraisal.ts"
import { command } from "./commands.ts"
import { councilCommand, councilEvent } from "./council.ts"
import { developmentCommand, developmentEvent } from "./development.ts"
import { duesCommand, duesEvent } from "./dues.ts"
import { organizationEvent } from "./events.ts"
import { leadershipCommand, leadershipEvent } from "./leadership.ts"
import { meetingCommand, meetingEvent } from "./meeting.ts"
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
    appraisalCommand(options),
    pointsCommand(options),
    rolesCommand(options),
    councilCommand(options),
    meetingCommand(options),
    developmentCommand(options),
    leadershipCommand(options),
    duesCommand(options)
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
    appraisalEvent(options),
    pointsEvent(options),
    rolesEvent(options),
    councilEvent(options),
    meetingEvent(options),
    developmentEvent(options),
    leadershipEvent(options),
    duesEvent(options)
  )
