// Every ```ts block in the documentation is a runnable example: this test extracts each one into a module
// next to the docs and imports it, so a page whose example no longer compiles or runs fails CI. A block
// fenced as ```ts no-run is shown but not run (for fragments).
import { assert, describe, it } from "@effect/vitest"
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join, relative } from "node:path"
import ts from "typescript"

const docs = join(import.meta.dirname, "..")
const out = join(docs, "test", ".examples")

const pages = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? entry.name === "node_modules" || entry.name === "test" ? [] : pages(join(dir, entry.name))
      : entry.name.endsWith(".md")
      ? [join(dir, entry.name)]
      : []
  )

const examples = pages(docs).flatMap((page) => {
  const text = readFileSync(page, "utf8")
  const blocks = [...text.matchAll(/```ts( no-run)?\n([\s\S]*?)```/g)]
  return blocks
    .filter((m) => m[1] === undefined)
    .map((m, i) => ({ page: relative(docs, page), index: i + 1, code: m[2]! }))
})

rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })

const fileOf = (example: { readonly page: string; readonly index: number }) =>
  join(out, `${example.page.replace(/[^a-z0-9]+/gi, "_")}_${example.index}.ts`)

describe("documentation examples", () => {
  it("the pages have examples", () => {
    assert.isAtLeast(examples.length, 3)
  })

  // Running an example strips its types; a reader copies them too, so they must type-check under the
  // project's strict settings.
  it("every example type-checks under the project's strict compiler options", () => {
    for (const example of examples) writeFileSync(fileOf(example), example.code)
    const root = join(docs, "..")
    const base = ts.readConfigFile(join(root, "tsconfig.base.json"), ts.sys.readFile).config
    const { options } = ts.parseJsonConfigFileContent(
      {
        ...base,
        compilerOptions: {
          ...base.compilerOptions,
          noEmit: true,
          composite: false,
          incremental: false,
          declaration: false,
          declarationMap: false,
          types: ["node"],
          typeRoots: [join(root, "node_modules", "@types")]
        }
      },
      ts.sys,
      out
    )
    const program = ts.createProgram(examples.map(fileOf), options)
    const problems = ts.getPreEmitDiagnostics(program)
      .filter((d) => d.file === undefined || d.file.fileName.startsWith(out))
      .map((d) =>
        `${d.file === undefined ? "" : relative(docs, d.file.fileName)}: ${
          ts.flattenDiagnosticMessageText(d.messageText, "\n")
        }`
      )
    assert.deepStrictEqual(problems, [])
  }, 120_000)
  for (const example of examples) {
    it(`${example.page} example ${example.index} runs`, async () => {
      const file = fileOf(example)
      writeFileSync(file, example.code)
      await import(file)
    }, 30_000)
  }
})
