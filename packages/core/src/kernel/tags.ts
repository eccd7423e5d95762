/**
 * The `_tag` literals of a union of tagged structs (a route's command tags, from its command Schema).
 * Internal: not exported from any entry point.
 */
export const tagsOf = <Tag extends string>(
  union: { readonly members: ReadonlyArray<{ readonly fields: { readonly _tag: { readonly schema: unknown } } }> }
): ReadonlyArray<Tag> => union.members.map((m) => (m.fields._tag.schema as { readonly literal: Tag }).literal)

/**
 * Closes a switch over the tags of a union: `value` is `never` once every tag has its case, so a new tag fails
 * to compile where this is called; at run time (a value built without its Schema) the switch answers
 * `fallback`. Internal: not exported from any entry point.
 */
export const exhaustive = <A>(_value: never, fallback: A): A => fallback
