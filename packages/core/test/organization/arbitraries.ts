// The organization pillar's tests use the generators of @dangjian/testing (no private set): command intents
// over a pool of organizations, resolved against the current world.
import { Arbitraries } from "@dangjian/testing"

export type Intent = Arbitraries.Intent
export const intent = Arbitraries.intent
export const intents = Arbitraries.intents
export const resolve = Arbitraries.resolve
