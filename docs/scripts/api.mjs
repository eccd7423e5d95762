// Generates the API reference (Markdown, for VitePress) from the JSDoc of every package entry point into
// docs/en/api/ (gitignored), with TypeDoc, typedoc-plugin-markdown and typedoc-vitepress-theme. Run by
// `pnpm docs:build` before VitePress; `node docs/scripts/api.mjs` runs it alone.
import { mkdirSync, readFileSync, renameSync, rmSync } from "node:fs"
import { join, relative } from "node:path"
import { Application, Comment, Converter, ReflectionKind } from "typedoc"
import { entries, root } from "./entries.mjs"

export const apiOut = join(root, "docs", "en", "api")
// The sidebar typedoc-vitepress-theme writes beside the pages, kept where lint and format checks do not look.
export const apiSidebar = join(root, "docs", "node_modules", ".dangjian", "api-sidebar.json")

// The first JSDoc block of a file, without its `*` margins and block tags.
const headerOf = (file) => {
  const block = /^\s*\/\*\*([\s\S]*?)\*\//.exec(readFileSync(file, "utf8"))
  if (block === null) return ""
  const lines = block[1].split("\n").map((line) => line.replace(/^\s*\* ?/, ""))
  const end = lines.findIndex((line) => /^@[a-zA-Z]+(\s|$)/.test(line))
  return (end === -1 ? lines : lines.slice(0, end)).join("\n").trim()
}

export const generateApi = async () => {
  const all = entries()
  rmSync(apiOut, { recursive: true, force: true })
  const app = await Application.bootstrapWithPlugins({
    entryPoints: all.map((e) => e.file),
    tsconfig: join(root, "docs", "tsconfig.typedoc.json"),
    plugin: ["typedoc-plugin-markdown", "typedoc-vitepress-theme"],
    out: apiOut,
    docsRoot: join(root, "docs"),
    readme: "none",
    outputFileStrategy: "modules",
    name: "API",
    skipErrorChecking: true,
    excludePrivate: true,
    excludeInternal: true,
    excludeExternals: true,
    hideGenerator: true,
    logLevel: "Warn",
    validation: { notExported: false, invalidLink: false, rewrittenLink: false, unusedMergeModuleWith: false },
    entryFileName: "index",
    hidePageHeader: true,
    hideBreadcrumbs: false,
    useCodeBlocks: true,
    expandObjects: false,
    parametersFormat: "table",
    sidebar: { autoConfiguration: true, format: "vitepress", pretty: false, collapsed: true },
    navigation: { includeCategories: false, includeGroups: false, includeFolders: false }
  })
  // Name each module after its import specifier (`@dangjian/core/kernel`), not after its file path, and give it
  // its entry file's header as its description (the headers carry no `@module` tag).
  const byFile = new Map(all.map((e) => [e.file, e.name]))
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const mod of context.project.getChildrenByKind(ReflectionKind.Module)) {
      const file = mod.sources?.[0]?.fullFileName
      const name = file === undefined ? undefined : byFile.get(file)
      if (name === undefined) continue
      mod.name = name
      const header = headerOf(file)
      if (header !== "" && (mod.comment === undefined || mod.comment.summary.length === 0)) {
        mod.comment = new Comment([{ kind: "text", text: header }])
      }
    }
  })
  const project = await app.convert()
  if (project === undefined) throw new Error("TypeDoc could not convert the entry points")
  await app.generateOutputs(project)
  mkdirSync(join(apiSidebar, ".."), { recursive: true })
  renameSync(join(apiOut, "typedoc-sidebar.json"), apiSidebar)
  return all
}

if (import.meta.main) {
  const started = Date.now()
  await generateApi()
  console.log(`api: ${relative(root, apiOut)} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
