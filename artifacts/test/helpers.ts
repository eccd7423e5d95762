// Shared by the artifact tests: the consumer folder, running its programs, and the installed manifests.
import { spawnSync } from "node:child_process"
import { cpSync, readdirSync, readFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { inject } from "vitest"
import { findNodeBelow } from "../../packages/cli/test/support/oldNode.ts"

export const root = resolve(import.meta.dirname, "..", "..")
export const consumerDir = (): string => inject("consumerDir")

/** Copies the consumer's sources (TypeScript project, plain JavaScript program) into the consumer folder. */
export const copyConsumerSources = (): string => {
  const dir = consumerDir()
  cpSync(join(import.meta.dirname, "..", "consumer"), dir, { recursive: true })
  return dir
}

export interface Ran {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

export const run = (
  command: string,
  args: ReadonlyArray<string>,
  // An `undefined` value leaves the variable out (Node's spawn ignores it).
  options: { readonly cwd?: string; readonly env?: Record<string, string | undefined> } = {}
): Ran => {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? consumerDir(),
    encoding: "utf8",
    env: { ...process.env, ...options.env },
    timeout: 170_000,
    maxBuffer: 64 * 1024 * 1024
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Type-checks (and emits) a TypeScript project with the workspace's compiler; returns its diagnostics. */
export const tsc = (project: string): Ran =>
  run(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", project, "--pretty", "false"])

export interface Manifest {
  readonly name: string
  readonly version: string
  readonly dependencies?: Record<string, string>
  readonly peerDependencies?: Record<string, string>
  readonly exports: Record<string, unknown>
  readonly engines?: { readonly node?: string }
  readonly bin?: Record<string, string>
}

/** The installed package's manifest (as published: `publishConfig` applied by `pnpm pack`). */
export const installedManifest = (name: string): Manifest =>
  JSON.parse(readFileSync(join(consumerDir(), "node_modules", name, "package.json"), "utf8")) as Manifest

export const installedPackages = [
  "@dangjian/core",
  "@dangjian/testing",
  "@dangjian/store-sqlite",
  "@dangjian/store-postgres",
  "@dangjian/cli"
] as const

/** Every file below a folder, recursively. */
export const filesBelow = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesBelow(join(dir, entry.name)) : [join(dir, entry.name)]
  )

/** A Node.js older than the CLI needs (22.19), if the machine has one besides the Node running the tests. */
export const oldNode = (): string | undefined => findNodeBelow(22, 19)?.path
