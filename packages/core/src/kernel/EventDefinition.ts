/**
 * Event definitions: an Effect Schema tagged struct with a type name (its tag) and a schema version, plus
 * the upcasters that turn the stored data of older versions into the current one.
 *
 * The tag and fields of a definition are the stored format: add a version with an upcaster instead of
 * renaming or reshaping in place.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * Turns the stored JSON of version `fromVersion` into the stored JSON of version `fromVersion + 1`. `schema`
 * checks the old shape first, so an upcaster only ever sees data of the version it was written for.
 *
 * @category models
 * @since 0.1.0
 */
export interface Upcaster {
  readonly fromVersion: number
  readonly schema: Schema.Top
  readonly upcast: (old: unknown) => unknown
}

/**
 * Builds an {@link Upcaster} with a typed old shape.
 *
 * @category constructors
 * @since 0.1.0
 */
export const upcaster = <S extends Schema.Top>(
  fromVersion: number,
  schema: S,
  upcast: (old: S["Type"]) => unknown
): Upcaster => ({ fromVersion, schema, upcast: upcast as (old: unknown) => unknown })

/**
 * A tagged-struct schema whose `_tag` is the event type.
 *
 * @category models
 * @since 0.1.0
 */
export type EventSchema = Schema.Top & { readonly Type: { readonly _tag: string } }

/**
 * An event type: its name, current schema version, schema and upcasters.
 *
 * @category models
 * @since 0.1.0
 */
export interface EventDefinition<S extends EventSchema = EventSchema> {
  readonly type: S["Type"]["_tag"]
  readonly version: number
  readonly schema: S
  readonly upcasters: ReadonlyArray<Upcaster>
}

/**
 * Defines an event type from a `Schema.TaggedStruct`. `version` defaults to 1; version `n` needs upcasters
 * from every version `1 … n-1`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { EventDefinition } from "@dangjian/core/kernel"
 *
 * const MemberJoined = EventDefinition.define(
 *   "MemberJoined",
 *   Schema.TaggedStruct("MemberJoined", { orgId: Schema.String, memberId: Schema.String })
 * )
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const define = <const Tag extends string, S extends EventSchema & { readonly Type: { readonly _tag: Tag } }>(
  type: Tag,
  schema: S,
  options?: { readonly version?: number; readonly upcasters?: ReadonlyArray<Upcaster> }
): EventDefinition<S> => {
  const version = options?.version ?? 1
  const upcasters = [...(options?.upcasters ?? [])].sort((a, b) => a.fromVersion - b.fromVersion)
  if (!Number.isInteger(version) || version < 1) {
    throw new TypeError(`EventDefinition ${type}: version must be an integer ≥ 1`)
  }
  for (let v = 1; v < version; v++) {
    if (upcasters[v - 1]?.fromVersion !== v) {
      throw new TypeError(`EventDefinition ${type}: version ${version} needs an upcaster from version ${v}`)
    }
  }
  return { type, version, schema, upcasters }
}

/**
 * The union of the domain types of several definitions.
 *
 * @category models
 * @since 0.1.0
 */
export type EventOf<Defs extends ReadonlyArray<EventDefinition>> = Defs[number]["schema"]["Type"]
