// The layers of packages/core/src (ARCHITECTURE.md §4 "Layers"), checked on the import graph: every relative
// import and re-export of every source file, `import type` and `export type` included (a type import still
// ties one module's meaning to another's), read with the TypeScript compiler's own pre-processor.
//
//   kernel → dates → units → errors → policy → aggregates → findings → namespaces → messages → app → promise
//   → entry
//
// Nothing imports upward. Besides the order, the rules the layering exists for are asserted one by one, each
// listing its offending edges: the kernel imports only the kernel; an error carries a code and params and
// imports no catalog; the policy imports no aggregate; a decision imports no read model; a stored format
// (an aggregate's `events.ts`) owns its literals and reaches no policy module, however indirectly; a catalog
// is data; and no two files import each other, directly or through others.
import { readdirSync, readFileSync } from "node:fs"
import { dirname, join, posix, relative, resolve, sep } from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"
import { describe, expect, it } from "vitest"

const root = fileURLToPath(new URL("../src", import.meta.url))

const layers = [
  "kernel",
  "dates",
  "units",
  "errors",
  "policy",
  "aggregates",
  "findings",
  "namespaces",
  "messages",
  "app",
  "promise",
  "entry"
] as const
type Layer = typeof layers[number]

const aggregates = [
  "organization",
  "member",
  "unitCheckIn",
  "agreement",
  "council",
  "appraisal",
  "points",
  "roles",
  "meeting",
  "dues",
  "development",
  "leadership"
]
const namespaceOf: Readonly<Record<string, string>> = {
  organization: "Organization.ts",
  member: "Member.ts",
  unitCheckIn: "UnitCheckIn.ts",
  agreement: "Agreement.ts",
  council: "Council.ts",
  appraisal: "Appraisal.ts",
  points: "Points.ts",
  roles: "Roles.ts",
  meeting: "Meeting.ts",
  dues: "Dues.ts",
  development: "Development.ts",
  leadership: "Leadership.ts"
}

/**
 * The layer of a file, by its path under src/. An aggregate folder holds three layers: its decisions, state,
 * events, model, catalog and read models are the aggregate; its `findings.ts` judges read models against the
 * policy, as `findings/` does, so it is a finding; its namespace file (`Member.ts`) re-exports all of these,
 * so it sits above both. `undefined`: a file no rule places (the test fails on it, so a new folder gets a
 * layer on purpose).
 */
const layerOf = (file: string): Layer | undefined => {
  const [top, ...rest] = file.split("/")
  if (top === "kernel") return "kernel"
  if (file === "LegalDate.ts") return "dates"
  // The small Schemas every aggregate and the policy share (counts, days, months, ids, the actor).
  if (file === "units.ts") return "units"
  if (top === "rules") return "errors"
  if (top === "policy") return "policy"
  if (top !== undefined && aggregates.includes(top)) {
    if (rest.join("/") === "findings.ts") return "findings"
    if (rest.join("/") === namespaceOf[top]) return "namespaces"
    return "aggregates"
  }
  if (top === "findings") return "findings"
  if (top === "messages") return "messages"
  if (top === "app") return "app"
  if (top === "promise") return "promise"
  if (file === "index.ts" || file === "store.ts") return "entry"
  return undefined
}

const rank = (layer: Layer): number => layers.indexOf(layer)

const sourceFiles = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith(".ts") ? [path] : []
  })

const toKey = (path: string): string => relative(root, path).split(sep).join(posix.sep)

/** Every file (relative to src/, with `/`) and the files it imports or re-exports. */
const graph: ReadonlyMap<string, ReadonlyArray<string>> = new Map(
  sourceFiles(root).sort().map((path) => {
    const info = ts.preProcessFile(readFileSync(path, "utf8"), true, true)
    const targets = info.importedFiles
      .map((imported) => imported.fileName)
      .filter((name) => name.startsWith("."))
      .map((name) => toKey(resolve(dirname(path), name)))
    return [toKey(path), [...new Set(targets)].sort()] as const
  })
)

interface Edge {
  readonly from: string
  readonly to: string
}
const edges: ReadonlyArray<Edge> = [...graph].flatMap(([from, targets]) => targets.map((to) => ({ from, to })))
const show = ({ from, to }: Edge): string => `${from} → ${to} (${layerOf(from)} → ${layerOf(to)})`

const isCatalog = (file: string): boolean => file.startsWith("messages/") || file.endsWith("/messages.ts")
const isProjection = (file: string): boolean => file.split("/")[1] === "projections"
const isStoredFormat = (file: string): boolean =>
  aggregates.some((a) => file.startsWith(`${a}/`))
  && file.endsWith("/events.ts")

/** The import chain from `from` to the first file `stop` accepts, breadth first (shortest), or undefined. */
const chainTo = (from: string, stop: (file: string) => boolean): ReadonlyArray<string> | undefined => {
  const previous = new Map<string, string>([[from, from]])
  const queue = [from]
  while (queue.length > 0) {
    const file = queue.shift()!
    for (const next of graph.get(file) ?? []) {
      if (previous.has(next)) continue
      previous.set(next, file)
      if (stop(next)) {
        const chain = [next]
        for (let at = file; at !== from; at = previous.get(at)!) chain.unshift(at)
        return [from, ...chain]
      }
      queue.push(next)
    }
  }
  return undefined
}

/** The import cycles: one shortest cycle per strongly connected component of more than one file. */
const cycles = (): ReadonlyArray<string> => {
  // Tarjan's algorithm, iterative over the sorted graph so the report is stable.
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: Array<string> = []
  const onStack = new Set<string>()
  const components: Array<Array<string>> = []
  let counter = 0
  const visit = (start: string) => {
    const work: Array<[string, number]> = [[start, 0]]
    index.set(start, counter)
    low.set(start, counter++)
    stack.push(start)
    onStack.add(start)
    while (work.length > 0) {
      const top = work[work.length - 1]!
      const [file, i] = top
      const targets = (graph.get(file) ?? []).filter((t) => graph.has(t))
      if (i < targets.length) {
        top[1] = i + 1
        const next = targets[i]!
        if (!index.has(next)) {
          index.set(next, counter)
          low.set(next, counter++)
          stack.push(next)
          onStack.add(next)
          work.push([next, 0])
        } else if (onStack.has(next)) {
          low.set(file, Math.min(low.get(file)!, index.get(next)!))
        }
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent !== undefined) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(file)!))
      if (low.get(file) === index.get(file)) {
        const component: Array<string> = []
        let member: string
        do {
          member = stack.pop()!
          onStack.delete(member)
          component.push(member)
        } while (member !== file)
        if (component.length > 1 || (graph.get(file) ?? []).includes(file)) components.push(component.sort())
      }
    }
  }
  for (const file of graph.keys()) if (!index.has(file)) visit(file)
  return components.map((component) => {
    const first = component[0]!
    const inside = new Set(component)
    const previous = new Map<string, string>()
    const queue = [first]
    while (queue.length > 0) {
      const file = queue.shift()!
      for (const next of graph.get(file) ?? []) {
        if (!inside.has(next) || previous.has(next)) continue
        previous.set(next, file)
        queue.push(next)
      }
      if (previous.has(first)) break
    }
    const path: Array<string> = []
    for (let at = previous.get(first)!; at !== first; at = previous.get(at)!) path.unshift(at)
    return [first, ...path, first].join(" → ")
  }).sort()
}

describe("layers of packages/core/src", () => {
  it("reads the whole source tree", () => {
    expect(graph.size).toBeGreaterThan(50)
    expect(edges.length).toBeGreaterThan(200)
  })

  it("every file has a layer", () => {
    expect([...graph.keys()].filter((file) => layerOf(file) === undefined), "files no layer rule places").toEqual([])
  })

  it("every relative import names a source file", () => {
    expect(edges.filter(({ to }) => !graph.has(to)).map(show), "imports of missing files").toEqual([])
  })

  it("nothing imports upward", () => {
    const upward = edges.filter(({ from, to }) => {
      const a = layerOf(from)
      const b = layerOf(to)
      return a !== undefined && b !== undefined && rank(b) > rank(a)
    })
    expect(upward.map(show), `upward imports (order: ${layers.join(" → ")})`).toEqual([])
  })

  it("no import cycle between files", () => {
    expect(cycles(), "import cycles").toEqual([])
  })

  it("the kernel imports only the kernel", () => {
    const out = edges.filter(({ from, to }) => layerOf(from) === "kernel" && layerOf(to) !== "kernel")
    expect(out.map(show), "kernel imports outside the kernel").toEqual([])
  })

  it("errors carry codes and params and import no catalog", () => {
    // The kernel's errors render their English from the kernel's own catalog (kernel/messages.ts), which is
    // kernel code and imports nothing; no error imports `messages/` or a pillar's or the rules' catalog.
    const errorFiles = ["rules/RuleViolation.ts", "kernel/errors.ts"]
    const out = edges.filter(({ from, to }) =>
      errorFiles.includes(from) && isCatalog(to) && !(from.startsWith("kernel/") && to === "kernel/messages.ts")
    )
    expect(out.map(show), "errors importing a message catalog").toEqual([])
  })

  it("the policy imports no aggregate", () => {
    const out = edges.filter(({ from, to }) =>
      layerOf(from) === "policy" && aggregates.some((a) => to.startsWith(`${a}/`))
    )
    expect(out.map(show), "policy imports of aggregate files").toEqual([])
  })

  it("a decision imports no read model", () => {
    // Decisions, state, events, model and routes of an aggregate: everything of the aggregate layer outside
    // projections/. Read models may build on each other; findings read them by design.
    const out = edges.filter(({ from, to }) =>
      layerOf(from) === "aggregates" && !isProjection(from) && isProjection(to)
    )
    expect(out.map(show), "decision code importing a read model (projections/)").toEqual([])
  })

  it("a stored format owns its literals: no events.ts reaches a policy module", () => {
    const chains = [...graph.keys()]
      .filter(isStoredFormat)
      .map((file) => chainTo(file, (to) => layerOf(to) === "policy"))
      .filter((chain) => chain !== undefined)
      .map((chain) => chain.join(" → "))
    expect(chains, "stored event formats importing a policy module (directly or through others)").toEqual([])
  })

  it("a catalog is data: it imports only the kernel's message types", () => {
    const out = edges.filter(({ from, to }) =>
      isCatalog(from) && !from.startsWith("messages/") && to !== "kernel/Message.ts"
    )
    expect(out.map(show), "catalog imports other than kernel/Message.ts").toEqual([])
  })
})
