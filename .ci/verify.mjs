// The project's test command (`pnpm verify`, as the README says): type-check, lint, format check, the build,
// every test (among them `artifacts/`: the packed packages installed with npm outside the workspace and used as
// users use them), and publint + attw on the packed packages. It ends with a plain `N passed, N failed` line
// counted from vitest's JSON report, and exits non-zero if any step failed.
import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { join, resolve } from "node:path"

const root = resolve(import.meta.dirname, "..")
const out = join(root, ".ci-out")
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })

const failures = []
const step = (name, command, args, options = {}) => {
  const started = Date.now()
  console.log(`\n=== ${name}: ${command} ${args.join(" ")}`)
  const result = spawnSync(command, args, { stdio: "inherit", cwd: root, ...options })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (result.status !== 0) {
    failures.push(name)
    console.log(`=== ${name}: FAILED (${seconds} s)`)
  } else {
    console.log(`=== ${name}: ok (${seconds} s)`)
  }
  return result.status === 0
}

const bin = (name) => join(root, "node_modules", ".bin", name)

step("type-check", process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-b", "tsconfig.json"])
step("lint", bin("oxlint"), ["--deny-warnings", "packages", "examples", "docs", "artifacts", "scripts"])
step("format", bin("dprint"), ["check"])

// The CLI tests drive the built binary, so the build comes first.
// core ⇄ testing is a dev-only cycle (core tests itself with the generators), so the order is spelled out.
step("build", "pnpm", ["run", "build"])

// The documentation site (rules pages and API reference generated from the code, then VitePress); the browser
// test in docs/test/site.test.ts drives the built site.
step("docs build", process.execPath, [join(root, "docs", "scripts", "build.mjs")])

const report = join(out, "vitest.json")
step("test", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`])
let passed = 0
let failed = 0
let skipped = 0
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, "utf8"))
  passed = json.numPassedTests ?? 0
  failed = (json.numFailedTests ?? 0) + (json.numFailedTestSuites > 0 && json.numFailedTests === 0 ? 1 : 0)
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0)
} else {
  failed = 1
}

const packagesDir = join(root, "packages")
for (const dir of readdirSync(packagesDir)) {
  const manifestPath = join(packagesDir, dir, "package.json")
  if (!existsSync(manifestPath)) continue
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"))
  if (manifest.private) continue
  const cwd = join(packagesDir, dir)
  step(`publint ${manifest.name}`, bin("publint"), ["run", "--pack", "pnpm", "--strict"], { cwd })
  const packed = spawnSync("pnpm", ["pack", "--pack-destination", out], { cwd, encoding: "utf8" })
  const tarball = packed.stdout.trim().split("\n").pop() ?? ""
  if (packed.status !== 0 || !tarball.endsWith(".tgz")) {
    failures.push(`pack ${manifest.name}`)
    console.log(packed.stdout, packed.stderr)
    continue
  }
  // attw exits 0 on a tarball without types; a published package of ours always has them.
  const attw = spawnSync(bin("attw"), [tarball, "--profile", "esm-only"], { cwd, encoding: "utf8" })
  console.log(`\n=== attw ${manifest.name}\n${attw.stdout}${attw.stderr}`)
  if (attw.status !== 0 || attw.stdout.includes("does not contain types")) failures.push(`attw ${manifest.name}`)
}

console.log("")
if (failures.length > 0) console.log(`failed steps: ${failures.join(", ")}`)
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`)
process.exit(failures.length > 0 || failed > 0 ? 1 : 0)
