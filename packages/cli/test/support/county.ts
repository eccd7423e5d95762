/**
 * The county roster of the domain workloads (shared/bench/WORKLOAD.md, "Domain workloads at scale"), generated
 * from a seed: `townships` township committees, each with `villages` village organizations under it; 85 %
 * branches of 5–48 members and 15 % general branches of 55–94; 3 % of members probationary; last
 * organizational life and dues within the 11 months before `today`; approvals at township level. 100 townships
 * of 50 villages give 5,100 organizations and ~168,000 members: the county size.
 *
 * Run as a script to write a roster file: `node packages/cli/test/support/county.ts <file> <townships>
 * [villages=50] [today=2026-11-30]`.
 */
import { writeFileSync } from "node:fs"

export const header =
  "组织编号,组织名称,组织类型,所在地类型,上级组织编号,批准机关,批准级别,批准日期,党员编号,党员状态,预备期满日期,最近组织生活日期,最近交纳党费日期"

/** mulberry32: a small deterministic generator, so that a seed always gives the same roster. */
const random = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, "0")

/** `today` minus `days` days, as `YYYY-MM-DD`. */
const daysBefore = (today: string, days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10)

export interface County {
  readonly lines: ReadonlyArray<string>
  readonly organizations: number
  readonly members: number
}

/** The roster's lines (header first), and its counts of organizations and members. */
export const county = (
  options: { readonly townships: number; readonly villages?: number; readonly today?: string; readonly seed?: number }
): County => {
  const next = random(options.seed ?? 2026)
  const villages = options.villages ?? 50
  const today = options.today ?? "2026-11-30"
  const lines = [header]
  let members = 0
  for (let t = 1; t <= options.townships; t++) {
    const town = `t${pad(t, 3)}`
    const townName = `第${t}镇党委`
    lines.push(`${town},${townName},乡镇党委,乡镇,,县委,县级,2019-01-15,,,,,`)
    for (let v = 1; v <= villages; v++) {
      const general = next() < 0.15
      const size = general ? 55 + Math.floor(next() * 40) : 5 + Math.floor(next() * 44)
      const org = `${town}-v${pad(v, 3)}`
      const orgPart = `${org},${townName}第${v}村${general ? "党总支" : "党支部"},${
        general ? "党总支" : "党支部"
      },村,${town},${townName},乡镇,2019-03-01`
      for (let m = 1; m <= size; m++) {
        const probationary = next() < 0.03
        const life = daysBefore(today, Math.floor(next() * 330))
        const dues = daysBefore(today, Math.floor(next() * 330))
        const probationEnds = probationary ? daysBefore(today, Math.floor(next() * 360) - 180) : ""
        lines.push(
          `${orgPart},${org}-m${pad(m, 3)},${probationary ? "预备" : "正式"},${probationEnds},${life},${dues}`
        )
        members++
      }
    }
  }
  return { lines, organizations: options.townships * (villages + 1), members }
}

/** Writes a county roster to `file`; returns its counts. */
export const writeCounty = (file: string, options: Parameters<typeof county>[0]): County => {
  const generated = county(options)
  writeFileSync(file, `${generated.lines.join("\n")}\n`)
  return generated
}

if (import.meta.main === true) {
  const [file, townships, villages = "50", today = "2026-11-30"] = process.argv.slice(2)
  if (file === undefined || townships === undefined) {
    process.stderr.write("usage: node county.ts <file> <townships> [villages=50] [today=2026-11-30]\n")
    process.exitCode = 2
  } else {
    const written = writeCounty(file, { townships: Number(townships), villages: Number(villages), today })
    process.stdout.write(`${written.organizations} organizations, ${written.members} members\n`)
  }
}
