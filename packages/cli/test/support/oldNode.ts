/**
 * Finds a Node.js older than a given version on this machine, for tests of what such a Node does with the
 * built package. The PATH is scanned (plus /usr/local/bin and /usr/bin, where a system Node usually sits).
 */
import { spawnSync } from "node:child_process"
import { accessSync, constants } from "node:fs"
import { delimiter, join } from "node:path"

export interface OldNode {
  readonly path: string
  readonly version: string
}

/** The first `node` executable whose version is below `major.minor`, if there is one. */
export const findNodeBelow = (major: number, minor: number): OldNode | undefined => {
  const dirs = [...(process.env["PATH"] ?? "").split(delimiter), "/usr/local/bin", "/usr/bin"]
  for (const dir of new Set(dirs.filter((d) => d.length > 0))) {
    const path = join(dir, "node")
    try {
      accessSync(path, constants.X_OK)
    } catch {
      continue
    }
    const version = spawnSync(path, ["--version"], { encoding: "utf8", timeout: 10_000 }).stdout?.trim() ?? ""
    const match = /^v(\d+)\.(\d+)\./.exec(version)
    if (match === null) continue
    const [m, n] = [Number(match[1]), Number(match[2])]
    if (m < major || (m === major && n < minor)) return { path, version }
  }
  return undefined
}
