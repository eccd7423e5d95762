// The public entry points of every published package, read from each package.json's `exports` (never listed by
// hand): `{ name: "@dangjian/core/kernel", file: "/…/packages/core/src/kernel/index.ts", slug: "core-kernel" }`.
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join, resolve } from "node:path"

export const root = resolve(import.meta.dirname, "..", "..")

export const entries = () => {
  const out = []
  const packages = join(root, "packages")
  for (const dir of readdirSync(packages).sort()) {
    const manifestPath = join(packages, dir, "package.json")
    if (!existsSync(manifestPath)) continue
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"))
    if (manifest.private || typeof manifest.exports !== "object") continue
    for (const [key, target] of Object.entries(manifest.exports)) {
      if (typeof target !== "string" || !target.endsWith(".ts")) continue
      const name = key === "." ? manifest.name : `${manifest.name}/${key.slice(2)}`
      out.push({ name, file: join(packages, dir, target), slug: name.replace(/^@dangjian\//, "").replace(/\//g, "-") })
    }
  }
  return out
}
