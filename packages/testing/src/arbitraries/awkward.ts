/**
 * Awkward ids: the names of `Object.prototype`'s properties (`constructor`, `__proto__`, `toString`,
 * `hasOwnProperty`, …) and `prototype`, empty-ish and whitespace strings, unicode, very long strings, and
 * strings with the stream separator (`-`, `organization-o1`, `org:o1`). A library that keeps user-keyed data
 * in plain objects (`record[id]`) finds an inherited function for `constructor` and sets the prototype for
 * `__proto__`; these arbitraries put such ids into every id field of every command, so a fuzz test shows
 * whether the library crashes, or accepts a command for something that does not exist.
 *
 * @since 0.1.0
 */
import type { Dangjian } from "@dangjian/core"
import fc from "fast-check"
import { dangjianCommand } from "./all.ts"
import type { ValueOptions } from "./values.ts"

/**
 * The own property names of `Object.prototype` (`constructor`, `__proto__`, `toString`, `valueOf`,
 * `hasOwnProperty`, `isPrototypeOf`, `propertyIsEnumerable`, `toLocaleString`, `__defineGetter__`, …) and
 * `prototype`, plus a few names that other prototypes or thenables give a meaning to (`length`, `then`).
 *
 * @since 0.1.0
 * @category awkward ids
 */
export const prototypeNames: ReadonlyArray<string> = [
  ...new Set([...Object.getOwnPropertyNames(Object.prototype), "prototype", "length", "then"])
]

/**
 * Awkward strings that are not prototype names: empty and whitespace-only, the stream separator and ids
 * that look like stream ids or stream keys, path and dot separators, unicode (CJK, emoji, combining marks,
 * zero-width and right-to-left characters, a lone surrogate, a control character), number- and
 * keyword-like strings, and long strings (around the 200-character stream-id limit, and 10,000 characters).
 *
 * @since 0.1.0
 * @category awkward ids
 */
export const awkwardStrings: ReadonlyArray<string> = [
  "",
  " ",
  "  ",
  "\t",
  "\n",
  "\u00a0",
  "\u200b",
  "\u3000",
  " o1 ",
  "-",
  "--",
  "o1-",
  "-o1",
  "a-b-c",
  "organization-o1",
  "member-m0",
  "agreement-a1",
  "unitcheckin-o1",
  "council-c1",
  "org:o1",
  "member",
  ":",
  "/",
  ".",
  "..",
  "t.0",
  "\\",
  "%",
  "*",
  "党支部",
  "第一党小组",
  "🙂",
  "👨‍👩‍👧",
  "e\u0301",
  "\u202eo1",
  "\ud800",
  "\u0000",
  "\u0007",
  "0",
  "-1",
  "1e3",
  "NaN",
  "Infinity",
  "undefined",
  "null",
  "true",
  "[object Object]",
  "x".repeat(190),
  "x".repeat(201),
  "长".repeat(300),
  "y".repeat(10_000)
]

/**
 * One awkward id: a prototype name (most often), one of {@link awkwardStrings}, or a short random string of
 * any code points. Shrinks towards `constructor`'s neighbours in {@link prototypeNames}.
 *
 * @since 0.1.0
 * @category awkward ids
 */
export const awkwardId: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...prototypeNames), weight: 5 },
  { arbitrary: fc.constantFrom(...awkwardStrings), weight: 4 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 6 }), weight: 1 }
)

/**
 * Whether a field holds an id (or a list of ids): its name ends in `Id` or `Ids`, or it is an approver
 * (`by`), a matter voted on (`matter`) or a residence reference (`residenceRef`).
 *
 * @since 0.1.0
 * @category awkward ids
 */
export const isIdField = (name: string): boolean =>
  name.endsWith("Id") || name.endsWith("Ids") || name === "by" || name === "matter" || name === "residenceRef"

/**
 * The options of {@link withAwkwardIds}.
 *
 * @since 0.1.0
 * @category awkward ids
 */
export interface AwkwardOptions {
  /** Each id is replaced with probability 1 / `oneIn` (default 2; 1 replaces every id). */
  readonly oneIn?: number
  /** Where replacements come from (default {@link awkwardId}). */
  readonly ids?: fc.Arbitrary<string>
}

const countIds = (value: unknown, idField = false): number => {
  if (typeof value === "string") return idField ? 1 : 0
  if (Array.isArray(value)) return value.reduce<number>((n, item) => n + countIds(item, idField), 0)
  if (typeof value !== "object" || value === null) return 0
  let n = 0
  for (const [key, item] of Object.entries(value)) n += countIds(item, isIdField(key))
  return n
}

const replaceIds = (value: unknown, next: () => string | undefined, idField = false): unknown => {
  if (typeof value === "string") return idField ? next() ?? value : value
  if (Array.isArray(value)) return value.map((item) => replaceIds(item, next, idField))
  if (typeof value !== "object" || value === null) return value
  // Built with defineProperty semantics (fromEntries), so a key such as `__proto__` stays an own key.
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceIds(item, next, isIdField(key))]))
}

/**
 * The values of `arbitrary` with their ids (every string in an {@link isIdField} field, at any depth, and
 * every string in a list of ids) replaced, each with probability 1 / `oneIn`, by an awkward id. The shape
 * stays the same, so a command still decodes: only its ids are awkward.
 *
 * @since 0.1.0
 * @category awkward ids
 */
export const withAwkwardIds = <A>(arbitrary: fc.Arbitrary<A>, options: AwkwardOptions = {}): fc.Arbitrary<A> => {
  const oneIn = Math.max(1, Math.floor(options.oneIn ?? 2))
  const ids = options.ids ?? awkwardId
  const slot: fc.Arbitrary<string | undefined> = oneIn === 1
    ? ids
    : fc.oneof({ arbitrary: fc.constant(undefined), weight: oneIn - 1 }, { arbitrary: ids, weight: 1 })
  return arbitrary.chain((value) => {
    const n = countIds(value)
    return fc.array(slot, { minLength: n, maxLength: n }).map((replacements) => {
      let i = 0
      return replaceIds(value, () => replacements[i++]) as A
    })
  })
}

/**
 * Any command of the three pillars (`dangjianCommand`) with awkward ids (see {@link withAwkwardIds}); the
 * ids that are kept come from `options` (give the ids of a seeded history to reach existing streams).
 *
 * @since 0.1.0
 * @category awkward ids
 */
export const awkwardCommand = (options: ValueOptions & AwkwardOptions = {}): fc.Arbitrary<Dangjian.Command> =>
  withAwkwardIds(dangjianCommand(options), options)
