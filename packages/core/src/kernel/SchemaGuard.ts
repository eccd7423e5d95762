/**
 * Checks compiled by hand for the simplest schemas, in front of `Schema.is` on the read path (internal: not
 * exported from the package).
 *
 * @since 0.1.0
 */
import type { SchemaAST } from "effect"

/**
 * @category models
 * @since 0.1.0
 */
export type Guard = (u: unknown) => boolean

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * A hand-built check for the simplest schemas — structs, arrays and literal unions of strings, numbers,
 * booleans and literals, without checks or transformations — or `undefined` for anything else. It is one
 * `typeof` per field where `Schema.is` walks its parser (about 20× slower on a four-field struct), and every
 * stored event is checked on each read. It only ever answers `true` for a value `Schema.is` accepts; a `false`
 * goes on to `Schema.is` and the full decode, which decide and describe.
 *
 * @category guards
 * @since 0.1.0
 */
export const fastGuard = (ast: SchemaAST.AST): Guard | undefined => {
  if (ast.checks !== undefined || ast.encoding !== undefined) return undefined
  switch (ast._tag) {
    case "String":
      return (u) => typeof u === "string"
    case "Number":
      return (u) => typeof u === "number"
    case "Boolean":
      return (u) => typeof u === "boolean"
    case "Literal": {
      const literal = ast.literal
      return (u) => u === literal
    }
    case "Union": {
      if (ast.encodingChecks !== undefined) return undefined
      const literals: Array<unknown> = []
      for (const member of ast.types) {
        if (member._tag !== "Literal" || member.checks !== undefined || member.encoding !== undefined) return undefined
        literals.push(member.literal)
      }
      return (u) => literals.includes(u)
    }
    case "Arrays": {
      if (ast.encodingChecks !== undefined || ast.elements.length > 0 || ast.rest.length !== 1) return undefined
      const element = fastGuard(ast.rest[0]!)
      if (element === undefined) return undefined
      return (u) => Array.isArray(u) && u.every(element)
    }
    case "Objects": {
      if (ast.encodingChecks !== undefined || ast.indexSignatures.length > 0) return undefined
      const fields: Array<{ readonly name: string; readonly optional: boolean; readonly guard: Guard }> = []
      for (const property of ast.propertySignatures) {
        if (typeof property.name !== "string") return undefined
        const guard = fastGuard(property.type)
        if (guard === undefined) return undefined
        // An optional key may be absent; when present it must hold its type (`Schema.optionalKey`). Mutability
        // and constructor defaults (a tagged struct's `_tag`) do not change what a value must be.
        fields.push({ name: property.name, optional: property.type.context?.isOptional === true, guard })
      }
      return (u) => {
        if (!isRecord(u)) return false
        for (let i = 0; i < fields.length; i++) {
          const field = fields[i]!
          if (field.optional && !Object.hasOwn(u, field.name)) continue
          if (!field.guard(u[field.name])) return false
        }
        return true
      }
    }
    default:
      return undefined
  }
}
