// Builds every published package per file with tsc (ESM, declarations and their maps), after removing what
// an earlier build left: `tsc -b` never deletes a file whose source is gone, and a stale module would ship.
// tsc keeps `node:` specifiers as written (a bundler once rewrote `node:sqlite` to a package that does not
// exist), and rewrites relative `.ts` imports to `.js`. The command line is then bundled into one file as well.
import { spawnSync } from "node:child_process"
import { rmSync } from "node:fs"
import { join, resolve } from "node:path"

const root = resolve(import.meta.dirname, "..")
const packages = ["core", "testing", "store-sqlite", "store-postgres", "cli"].map((name) =>
  join(root, "packages", name)
)
for (const dir of packages) {
  rmSync(join(dir, "dist"), { recursive: true, force: true })
  rmSync(join(dir, "build"), { recursive: true, force: true })
}
const tsc = join(root, "node_modules", "typescript", "bin", "tsc")
const result = spawnSync(process.execPath, [tsc, "-b", ...packages], { stdio: "inherit" })
if (result.status !== 0) process.exit(result.status ?? 1)
// Then the command line's one-file bundle (scripts/bundle-cli.mjs).
const bundled = spawnSync(process.execPath, [join(root, "scripts", "bundle-cli.mjs")], { stdio: "inherit" })
process.exit(bundled.status ?? 1)
