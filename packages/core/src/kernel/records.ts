/**
 * Records keyed by user data (organization, member, group, hub, unit, agreement ids): safe lookups and
 * updates. States and read models keep such records as plain objects, because they are stored as JSON
 * (snapshots, projection stores) and a JSON round trip gives plain objects back; so a lookup must never see
 * `Object.prototype`: with `record[id]`, the id `constructor` finds a function and `__proto__` finds an object,
 * and an assignment `record["__proto__"] = v` replaces the prototype instead of adding an entry. Read with
 * {@link lookup} / {@link has} (own keys only); write with object spreads and computed keys, which define own
 * properties (`{ ...record, [id]: v }`), with {@link without} and {@link put}, or into a {@link dictionary} (no
 * prototype) that stays local.
 * Internal: not exported from any entry point.
 */

/** The value under an own key, or undefined: an id such as `constructor` finds nothing inherited. */
export const lookup = <V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined =>
  record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined

/** Whether the record has an own entry for the key. */
export const has = (record: Readonly<Record<string, unknown>>, key: string): boolean => Object.hasOwn(record, key)

/** A copy without the key (the record itself when it has no such entry). */
export const without = <V>(record: Readonly<Record<string, V>>, key: string): Readonly<Record<string, V>> => {
  if (!Object.hasOwn(record, key)) return record
  const { [key]: _removed, ...rest } = record
  return rest
}

/**
 * Sets an entry of a mutable plain record in place, as an own property even for the key `__proto__` (where
 * `record[key] = value` would replace the record's prototype). For records built entry by entry that stay
 * plain objects (read models compared with, or stored as, JSON).
 */
export const put = <V>(record: Record<string, V>, key: string, value: V): void => {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true })
}

/**
 * An empty, mutable record without a prototype, for building a record entry by entry: `out[id] = v` defines
 * an entry even for `__proto__`, and `out[id]` is undefined for an id not set. A spread of it
 * (`{ ...out }`) is a plain object again: read that with {@link lookup}.
 */
export const dictionary = <V>(): Record<string, V> => Object.create(null) as Record<string, V>
