/**
 * Arbitraries for keyed read models (`ReadModel`): keys every store can keep, awkward ones first (prototype
 * names, the empty string, Chinese and CJK Extension text, emoji, full-width punctuation that sorts differently
 * by code point and by UTF-16 code unit, the longest storable key); legal dates in a narrow window, so that
 * events share dates and arrive back-dated; and histories of dated events on a few keys, in append batches.
 *
 * @since 0.3.0
 */
import type { Dangjian } from "@dangjian/core"
import { ReadModel } from "@dangjian/core/kernel"
import fc from "fast-check"
import { isIdField } from "./awkward.ts"
import { townshipHistory } from "./township.ts"

/**
 * Keys that stress a read-model store and are still storable: prototype names, the empty string and
 * whitespace, Chinese (including CJK Extension A and B, which GB18030 encodes in four bytes), emoji and a
 * family emoji, combining marks, characters of U+E000–U+FFFF (`！`, private use) that sort before an emoji by
 * code point and after it by UTF-16 code unit, a dash and a stream-like key, and keys of exactly
 * `ReadModel.maxKeyLength` code units (Chinese: 1,536 bytes of UTF-8; emoji: surrogate pairs).
 *
 * @since 0.3.0
 * @category read models
 */
export const awkwardKeys: ReadonlyArray<string> = [
  "",
  " ",
  "\u3000",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "prototype",
  "a",
  "A",
  "a-b",
  "organization-o1",
  "党支部",
  "第一党小组",
  "㐀",
  "𠀀",
  "𪚥",
  "！",
  "\ue000",
  "\uffee",
  "😀",
  "👨‍👩‍👧",
  "e\u0301",
  "é",
  "\u0007",
  "党".repeat(ReadModel.maxKeyLength),
  "😀".repeat(ReadModel.maxKeyLength / 2),
  "k".repeat(ReadModel.maxKeyLength - 1) + "z"
]

/**
 * A storable read-model key: one of {@link awkwardKeys} (most often) or a short random string of any code
 * points that `ReadModel.isStorableKey` accepts. Shrinks towards the empty string.
 *
 * @since 0.3.0
 * @category read models
 */
export const readModelKey: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...awkwardKeys), weight: 3 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 8 }).filter(ReadModel.isStorableKey), weight: 1 }
)

/**
 * A legal date (`YYYY-MM-DD`) in a window of `days` days from `from` (default 2024-02-20, 14 days, across the
 * leap day): narrow on purpose, so events share dates and often arrive after events dated later. Shrinks towards
 * `from`.
 *
 * @since 0.3.0
 * @category read models
 */
export const readModelDate = (
  options: { readonly from?: string; readonly days?: number } = {}
): fc.Arbitrary<string> => {
  const from = Date.parse(`${options.from ?? "2024-02-20"}T00:00:00Z`)
  return fc
    .integer({ min: 0, max: Math.max(0, (options.days ?? 14) - 1) })
    .map((day) => new Date(from + day * 86_400_000).toISOString().slice(0, 10))
}

/**
 * One dated event of a read-model history: the key it concerns, its legal date, and what it does (`created`
 * changes an entity once, `noted` changes it every time, with `n`).
 *
 * @since 0.3.0
 * @category read models
 */
export interface DatedEvent {
  readonly key: string
  readonly date: string
  readonly kind: "created" | "noted"
  readonly n: number
}

/**
 * A dated event on one of `keys`.
 *
 * @since 0.3.0
 * @category read models
 */
export const datedEvent = (keys: ReadonlyArray<string>, date = readModelDate()): fc.Arbitrary<DatedEvent> =>
  fc.record({
    key: fc.constantFrom(...keys),
    date,
    kind: fc.constantFrom("noted" as const, "created" as const),
    n: fc.integer({ min: -1_000, max: 1_000 })
  })

/**
 * A read-model history: a few distinct storable keys, and one to `maxBatches` append batches of one to
 * `maxEvents` dated events on them (in log order; dates random, so many are back-dated). Shrinks towards one
 * batch of one event.
 *
 * @since 0.3.0
 * @category read models
 */
export const readModelHistory = (
  options: { readonly maxKeys?: number; readonly maxBatches?: number; readonly maxEvents?: number } = {}
): fc.Arbitrary<ReadonlyArray<ReadonlyArray<DatedEvent>>> =>
  fc.uniqueArray(readModelKey, { minLength: 1, maxLength: Math.max(1, options.maxKeys ?? 4) }).chain((keys) =>
    fc.array(
      fc.array(datedEvent(keys), { minLength: 1, maxLength: Math.max(1, options.maxEvents ?? 6) }),
      { minLength: 1, maxLength: Math.max(1, options.maxBatches ?? 5) }
    )
  )

const prefixIds = (value: unknown, prefix: string, idField: boolean): unknown => {
  if (typeof value === "string") return idField ? prefix + value : value
  if (Array.isArray(value)) return value.map((item) => prefixIds(item, prefix, idField))
  if (typeof value !== "object" || value === null) return value
  // Built with defineProperty semantics (fromEntries), so a key such as `__proto__` stays an own key.
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, prefixIds(item, prefix, isIdField(key))]))
}

/**
 * A command or an event with every id (every string in an `isIdField` field, at any depth) prefixed by `prefix`:
 * a copy that concerns other entities, accepted by the rules exactly when the original is.
 *
 * @since 0.3.0
 * @category read models
 */
export const withIdPrefix = <A>(value: A, prefix: string): A => prefixIds(value, prefix, false) as A

/**
 * A deterministic stream of commands for large logs: township histories ({@link townshipHistory}, each with up
 * to `members` membership and `agreements` agreement steps) drawn from `seed`, the accepted commands of each with
 * every id prefixed by `h<n>-`, so no two histories share a stream. Run in order by `Dangjian.execute`, every
 * command is accepted (ids are opaque to the rules). Lazy: take as many histories as you need.
 *
 * @since 0.3.0
 * @category read models
 */
export function* townshipCommands(
  options: { readonly seed?: number; readonly members?: number; readonly agreements?: number } = {}
): Generator<ReadonlyArray<Dangjian.Command>> {
  const arbitrary = townshipHistory({ members: options.members ?? 150, agreements: options.agreements ?? 50 })
  const seed = options.seed ?? 42
  for (let n = 1;; n++) {
    const [history] = fc.sample(arbitrary, { numRuns: 1, seed: seed + n })
    yield history!.accepted.map((command) => withIdPrefix(command, `h${n}-`))
  }
}
