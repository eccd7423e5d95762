// What one import costs an application that bundles the installed core (effect external, as every user
// already has it): the per-file build and `sideEffects: false` let a bundler keep only what is imported.
import { build } from "esbuild"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { assert, describe, inject, it } from "vitest"
import { consumerDir } from "./helpers.ts"

const bundleSize = async (name: string, source: string): Promise<number> => {
  const entry = join(consumerDir(), `bundle-${name}.mjs`)
  writeFileSync(entry, source)
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    external: ["effect", "effect/*"],
    write: false,
    logLevel: "silent"
  })
  return result.outputFiles[0]!.contents.byteLength
}

// The budget for one small module: a bundled core once made `LegalDate` alone 241 kB.
const legalDateBudget = 10 * 1024

describe("one-import bundles of @dangjian/core", () => {
  it(`LegalDate alone stays under ${legalDateBudget} bytes`, async () => {
    const sizes: Record<string, number> = {
      "{ LegalDate }": await bundleSize(
        "legal-date",
        `import { LegalDate } from "@dangjian/core"\nexport const f = LegalDate.fromIso\n`
      ),
      "{ Messages }": await bundleSize(
        "messages",
        `import { Messages } from "@dangjian/core"\nexport const f = Messages.render\n`
      ),
      "{ EventCodec } from /kernel": await bundleSize(
        "codec",
        `import { EventCodec } from "@dangjian/core/kernel"\nexport const f = EventCodec.make\n`
      ),
      "{ PromiseClient }": await bundleSize(
        "promise-client",
        `import { PromiseClient } from "@dangjian/core"\nexport const f = PromiseClient.make\n`
      ),
      "every name of the root": await bundleSize("all", `export * from "@dangjian/core"\n`)
    }
    // Printed for the release notes; the tarball sizes come from setup.
    console.log(JSON.stringify({ bundleBytes: sizes, tarballBytes: inject("tarballs") }))
    assert.isBelow(sizes["{ LegalDate }"]!, legalDateBudget)
    // The whole root is what one import cost before: the per-file build must cut most of it.
    assert.isBelow(sizes["{ LegalDate }"]! * 10, sizes["every name of the root"]!)
  })
})
