// A record arbitrary of a tagged struct, typed field by field against the struct's type.
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
