// The exported names of every entry point of every published package, from the installed declarations and
// the installed JavaScript. Growth of the public API is a reviewed decision: it changes exports.snap.txt.
// Every value the JavaScript exports must also be a value in the declarations (a bundled build once dropped
// 97 of them: `Dangjian.Command`, `Finding.Finding`, `LegalDate.LegalDate`, …).
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import ts from "typescript"
import { assert, describe, expect, it } from "vitest"
import { consumerDir, installedManifest, installedPackages, run } from "./helpers.ts"

const entryPoints = (): Array<string> =>
  installedPackages.flatMap((name) =>
    Object.entries(installedManifest(name).exports)
      .filter(([subpath, target]) => target !== null && subpath !== "./package.json")
      .map(([subpath]) => subpath === "." ? name : `${name}/${subpath.slice(2)}`)
  )

type Kind = "value" | "type" | "value+type" | "namespace"

/** Names (and namespace members as `Namespace.member`) with their kinds, from the declarations. */
const declaredNames = (specifiers: ReadonlyArray<string>): Record<string, Map<string, Kind>> => {
  const dir = join(consumerDir(), "exports-probe")
  mkdirSync(dir, { recursive: true })
  const files = specifiers.map((specifier, i) => {
    const file = join(dir, `probe${i}.ts`)
    writeFileSync(file, `export * as probe from ${JSON.stringify(specifier)}\n`)
    return file
  })
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }))
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    types: []
  })
  const checker = program.getTypeChecker()
  const kindOf = (symbol: ts.Symbol): Kind => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
    if (target.flags & ts.SymbolFlags.ValueModule && target.valueDeclaration?.kind === ts.SyntaxKind.SourceFile) {
      return "namespace"
    }
    const value = (target.flags & ts.SymbolFlags.Value) !== 0
    const type = (target.flags & (ts.SymbolFlags.Type | ts.SymbolFlags.Namespace)) !== 0
    return value && type ? "value+type" : value ? "value" : "type"
  }
  const out: Record<string, Map<string, Kind>> = {}
  specifiers.forEach((specifier, i) => {
    const source = program.getSourceFile(files[i]!)!
    const diagnostics = ts.getPreEmitDiagnostics(program, source)
    assert.deepStrictEqual(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")), [], specifier)
    const probe = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!)[0]!
    const module = checker.getAliasedSymbol(probe)
    const names = new Map<string, Kind>()
    for (const symbol of checker.getExportsOfModule(module)) {
      const kind = kindOf(symbol)
      names.set(symbol.name, kind)
      if (kind === "namespace") {
        const target = checker.getAliasedSymbol(symbol)
        for (const member of checker.getExportsOfModule(target)) {
          names.set(`${symbol.name}.${member.name}`, kindOf(member))
        }
      }
    }
    out[specifier] = names
  })
  return out
}

/** Names (and namespace members) the installed JavaScript exports at runtime. */
const runtimeNames = (specifiers: ReadonlyArray<string>): Record<string, Array<string>> => {
  const script = `
    const out = {}
    for (const specifier of ${JSON.stringify(specifiers)}) {
      const m = await import(specifier)
      const names = []
      for (const name of Object.keys(m)) {
        names.push(name)
        const v = m[name]
        if (v !== null && typeof v === "object" && Object.prototype.toString.call(v) === "[object Module]") {
          for (const member of Object.keys(v)) names.push(name + "." + member)
        }
      }
      out[specifier] = names
    }
    console.log(JSON.stringify(out))`
  const result = run(process.execPath, ["--input-type=module", "-e", script])
  assert.strictEqual(result.code, 0, result.stderr)
  return JSON.parse(result.stdout) as Record<string, Array<string>>
}

describe("exported names", () => {
  it("match the reviewed snapshot, and every runtime value is declared", async () => {
    const specifiers = entryPoints()
    assert.includeMembers(specifiers, ["@dangjian/core", "@dangjian/core/kernel", "@dangjian/core/store"])
    const declared = declaredNames(specifiers)
    const runtime = runtimeNames(specifiers)
    const undeclared: Array<string> = []
    for (const specifier of specifiers) {
      for (const name of runtime[specifier]!) {
        const kind = declared[specifier]!.get(name)
        if (kind === undefined || kind === "type") undeclared.push(`${specifier}: ${name}`)
      }
    }
    assert.deepStrictEqual(undeclared, [])

    const lines: Array<string> = []
    for (const specifier of specifiers) {
      const names = [...declared[specifier]!]
      const top = names.filter(([name]) => !name.includes("."))
      lines.push(
        `## ${specifier}: ${top.length} names, ${names.length} with namespace members`,
        ...names.map(([name, kind]) => `${name} ${kind}`).sort(),
        ""
      )
    }
    await expect(lines.join("\n")).toMatchFileSnapshot("exports.snap.txt")
  })
})
