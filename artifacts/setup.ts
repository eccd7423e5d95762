// The packages as users get them: every public package built, packed with `pnpm pack` (which applies
// `publishConfig`), and the tarballs installed with npm into a fresh folder outside the workspace, with
// `effect` (their one peer every user adds) and `@types/node` for the TypeScript consumer. npm installs the
// other declared peers (`@dangjian/testing`'s vitest and fast-check) itself, as it does for a user.
import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import type { TestProject } from "vitest/node"

export const root = resolve(import.meta.dirname, "..")

/** The published packages, in dependency order. */
export const publicPackages = ["core", "testing", "store-sqlite", "store-postgres", "cli"] as const

declare module "vitest" {
  export interface ProvidedContext {
    /** The consumer folder: `package.json`, `node_modules` with the installed tarballs. */
    readonly consumerDir: string
    /** Each tarball's file name and size in bytes, by package name. */
    readonly tarballs: Record<string, { readonly file: string; readonly bytes: number }>
  }
}

const run = (command: string, args: ReadonlyArray<string>, cwd: string) => {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} in ${cwd} exited ${result.status}:\n${result.stdout}\n${result.stderr}`
    )
  }
  return result.stdout
}

export default function setup(project: TestProject) {
  // Up to date with the sources (incremental; `pnpm build` also removes stale files before a release).
  run(process.execPath, [
    join(root, "node_modules", "typescript", "bin", "tsc"),
    "-b",
    ...publicPackages.map((name) => join(root, "packages", name))
  ], root)

  const dir = mkdtempSync(join(tmpdir(), "dangjian-artifacts-"))
  const tarballDir = join(dir, "tarballs")
  mkdirSync(tarballDir)
  const tarballs: Record<string, { file: string; bytes: number }> = {}
  const dependencies: Record<string, string> = {}
  for (const name of publicPackages) {
    const cwd = join(root, "packages", name)
    const manifest = JSON.parse(readFileSync(join(cwd, "package.json"), "utf8")) as { name: string }
    const before = new Set(readdirSync(tarballDir))
    run("pnpm", ["pack", "--pack-destination", tarballDir], cwd)
    const file = readdirSync(tarballDir).find((f) => !before.has(f) && f.endsWith(".tgz"))
    if (file === undefined) throw new Error(`pnpm pack wrote no tarball for ${manifest.name}`)
    tarballs[manifest.name] = { file, bytes: statSync(join(tarballDir, file)).size }
    dependencies[manifest.name] = `file:./tarballs/${file}`
  }
  const core = JSON.parse(readFileSync(join(root, "packages", "core", "package.json"), "utf8")) as {
    peerDependencies: Record<string, string>
  }
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify(
      {
        name: "dangjian-consumer",
        private: true,
        type: "module",
        dependencies: { ...dependencies, effect: core.peerDependencies["effect"] },
        devDependencies: { "@types/node": "^24" },
        // The packages depend on each other by version (`pnpm pack` turned `workspace:^` into `^0.0.0`): the
        // tarballs above are those versions.
        overrides: Object.fromEntries(Object.keys(dependencies).map((name) => [name, `$${name}`]))
      },
      null,
      2
    )
  )
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], dir)

  project.provide("consumerDir", dir)
  project.provide("tarballs", tarballs)
  return () => {
    if (process.env["DANGJIAN_KEEP_ARTIFACTS"] === undefined) rmSync(dir, { recursive: true, force: true })
  }
}
