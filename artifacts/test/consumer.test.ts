// The published packages as a user installs them (see setup.ts): a strict TypeScript ESM application on the
// Effect API, a plain JavaScript application on the Promise client, the installed `dangjian` command, the
// guides' examples type-checked against the installed declarations, and nothing the packages import that
// their manifests do not provide.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import ts from "typescript"
import { assert, beforeAll, describe, it } from "vitest"
import {
  consumerDir,
  copyConsumerSources,
  filesBelow,
  installedManifest,
  installedPackages,
  root,
  run,
  tsc
} from "./helpers.ts"

beforeAll(() => {
  copyConsumerSources()
})

const lastJsonLine = (stdout: string): Record<string, unknown> =>
  JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as Record<string, unknown>

describe("the installed packages", () => {
  it("every import in the published JavaScript is a node: built-in or a declared dependency", () => {
    const problems: Array<string> = []
    for (const name of installedPackages) {
      const manifest = installedManifest(name)
      const allowed = new Set([
        name,
        ...Object.keys(manifest.dependencies ?? {}),
        ...Object.keys(manifest.peerDependencies ?? {})
      ])
      const dist = join(consumerDir(), "node_modules", name, "dist")
      for (const file of filesBelow(dist).filter((f) => f.endsWith(".js"))) {
        const text = readFileSync(file, "utf8")
        const specifiers = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName)
        for (const specifier of specifiers) {
          if (specifier.startsWith(".") || specifier.startsWith("node:")) continue
          const pkg = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!
          if (!allowed.has(pkg)) problems.push(`${name}: ${file.slice(dist.length + 1)} imports "${specifier}"`)
        }
      }
    }
    assert.deepStrictEqual(problems, [])
  })

  it("a strict TypeScript ESM consumer type-checks and runs across the three pillars and the kernel", () => {
    const dir = consumerDir()
    const checked = tsc(dir)
    assert.strictEqual(checked.code, 0, checked.stdout + checked.stderr)
    const pillars = run(process.execPath, [join(dir, "out", "pillars.js")])
    assert.strictEqual(pillars.code, 0, pillars.stderr)
    assert.strictEqual(lastJsonLine(pillars.stdout)["ok"], true)
    const kernel = run(process.execPath, [join(dir, "out", "kernel.js")])
    assert.strictEqual(kernel.code, 0, kernel.stderr)
    assert.deepStrictEqual(lastJsonLine(kernel.stdout), { ok: true, trees: 1 })
  })

  it("a plain JavaScript consumer uses the Promise client on SQLite", () => {
    const js = run(process.execPath, [join(consumerDir(), "promise-client.mjs")])
    assert.strictEqual(js.code, 0, js.stderr)
    const out = lastJsonLine(js.stdout)
    assert.strictEqual(out["ok"], true)
    assert.strictEqual(out["organizations"], 2)
    assert.strictEqual(out["indexed"], 3)
  })

  it("only the documented entry points resolve", () => {
    const probe = (specifier: string) =>
      run(process.execPath, ["--input-type=module", "-e", `await import(${JSON.stringify(specifier)})`])
    for (const ok of ["@dangjian/core", "@dangjian/core/kernel", "@dangjian/core/store", "@dangjian/testing"]) {
      assert.strictEqual(probe(ok).code, 0, `${ok}: ${probe(ok).stderr}`)
    }
    for (
      const blocked of ["@dangjian/core/internal/x", "@dangjian/core/dist/index.js", "@dangjian/core/src/index.ts"]
    ) {
      const result = probe(blocked)
      assert.notStrictEqual(result.code, 0, blocked)
      assert.include(result.stderr, "ERR_PACKAGE_PATH_NOT_EXPORTED", blocked)
    }
  })

  it("the installed dangjian command prints its help and version and runs the demo", () => {
    const bin = join(consumerDir(), "node_modules", ".bin", "dangjian")
    const help = run(bin, ["--help"])
    assert.strictEqual(help.code, 0, help.stderr)
    assert.include(help.stdout, "demo")
    const version = run(bin, ["--version"])
    assert.strictEqual(version.code, 0, version.stderr)
    assert.include(version.stdout, installedManifest("@dangjian/cli").version)
    const work = mkdtempSync(join(tmpdir(), "dangjian-demo-"))
    try {
      const store = `sqlite:${join(work, "demo.db")}`
      const demo = run(bin, ["demo", "--store", store], { cwd: work })
      assert.strictEqual(demo.code, 0, demo.stderr)
      assert.isAbove(demo.stdout.length, 100)
      // The demo's writer left the findings index at the log's head; the summary counts from it, and its counts
      // are the full report's.
      const db = new DatabaseSync(join(work, "demo.db"), { readOnly: true })
      try {
        const { head } = db.prepare("SELECT max(global_position) AS head FROM dangjian_events").get() as {
          head: number
        }
        const index = db.prepare(
          "SELECT position FROM dangjian_read_model_checkpoints WHERE name LIKE 'compliance.findings.%'"
        ).all() as Array<{ position: number }>
        assert.deepStrictEqual(index.map((row) => row.position), [head])
      } finally {
        db.close()
      }
      const summary = run(bin, ["report", "--summary", "--format", "json", "--store", store], { cwd: work })
      assert.strictEqual(summary.code, 0, summary.stderr)
      const report = run(bin, ["report", "--format", "json", "--store", store], { cwd: work })
      assert.strictEqual(report.code, 0, report.stderr)
      const counted = JSON.parse(summary.stdout) as { total: number; counts: Record<string, number> }
      const listed = JSON.parse(report.stdout) as { total: number; counts: Record<string, number> }
      assert.isAbove(listed.total, 0)
      assert.deepStrictEqual([counted.total, counted.counts], [listed.total, listed.counts])
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  })

  it("the installed dangjian command caches its compiled modules where Node is told to", () => {
    const bin = join(consumerDir(), "node_modules", ".bin", "dangjian")
    const temp = mkdtempSync(join(tmpdir(), "dangjian-tmp-"))
    try {
      const env = { TMPDIR: temp, NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined }
      const disabled = run(bin, ["--help"], { env: { ...env, NODE_DISABLE_COMPILE_CACHE: "1" } })
      assert.strictEqual(disabled.code, 0, disabled.stderr)
      assert.deepStrictEqual(readdirSync(temp), [])
      const help = run(bin, ["--help"], { env })
      assert.strictEqual(help.code, 0, help.stderr)
      // The command line is one bundled module, loaded after the cache is on.
      assert.isAtLeast(filesBelow(join(temp, "node-compile-cache")).length, 1)
    } finally {
      rmSync(temp, { recursive: true, force: true })
    }
  })

  // Every ```ts block of the guides and READMEs, as a user copies it, against the installed declarations.
  it("the guides' and READMEs' examples type-check against the installed packages", () => {
    const pages = [
      ...filesBelow(join(root, "docs", "guide")).filter((f) => f.endsWith(".md")),
      join(root, "README.md"),
      ...installedPackages.map((name) => join(root, "packages", name.replace("@dangjian/", ""), "README.md"))
    ]
    const project = join(consumerDir(), "examples")
    mkdirSync(join(project, "src"), { recursive: true })
    let count = 0
    for (const page of pages) {
      const text = readFileSync(page, "utf8")
      for (const [i, block] of [...text.matchAll(/```ts( no-run)?\n([\s\S]*?)```/g)].entries()) {
        if (block[1] !== undefined) continue
        const name = `${page.slice(root.length + 1).replace(/[^a-z0-9]+/gi, "_")}_${i + 1}.ts`
        writeFileSync(join(project, "src", name), block[2]!)
        count++
      }
    }
    const config = JSON.parse(readFileSync(join(consumerDir(), "tsconfig.json"), "utf8")) as {
      compilerOptions: Record<string, unknown>
    }
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { ...config.compilerOptions, noEmit: true }, include: ["src"] })
    )
    assert.isAtLeast(count, 15)
    const checked = tsc(project)
    assert.strictEqual(checked.code, 0, checked.stdout + checked.stderr)
  })
})
