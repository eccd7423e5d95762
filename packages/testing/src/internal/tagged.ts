// A record arbitrary of a tagged struct, typed field by field against the struct's type; one of the arbitraries of
// a record (an arbitrary per `_tag`).
import fc from "fast-check"

type RequiredKeys<A> = { [K in keyof A]-?: {} extends Pick<A, K> ? never : K }[keyof A]
type OptionalKeys<A> = Exclude<keyof A, RequiredKeys<A>>

/**
 * A record arbitrary of a tagged struct: an arbitrary for every required field and for every optional one.
 * Optional keys are present or absent (absent when shrunk).
 *
 * @internal
 */
export const tagged = <A extends { readonly _tag: string }>(
  tag: A["_tag"],
  required: { readonly [K in Exclude<RequiredKeys<A>, "_tag">]: fc.Arbitrary<A[K]> },
  optional: { readonly [K in OptionalKeys<A>]-?: fc.Arbitrary<Exclude<A[K], undefined>> }
): fc.Arbitrary<A> =>
  fc.record(
    { _tag: fc.constant(tag), ...required, ...optional } as Record<string, fc.Arbitrary<unknown>>,
    { requiredKeys: ["_tag", ...Object.keys(required)] }
  ) as unknown as fc.Arbitrary<A>

/**
 * Any value of one of the arbitraries of a record (one arbitrary per `_tag`: any member of the union).
 *
 * @internal
 */
export const oneOfRecord = <A>(arbitraries: Readonly<Record<string, fc.Arbitrary<A>>>): fc.Arbitrary<A> =>
  fc.oneof(...Object.values(arbitraries))

/**
 * The optional `actor` of a generated command: one of two opaque clerk ids.
 *
 * @internal
 */
export const actor: fc.Arbitrary<string> = fc.constantFrom("clerk-1", "clerk-2")
