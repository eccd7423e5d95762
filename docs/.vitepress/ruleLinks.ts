// A markdown-it plugin: a rule id in running text ("R16") becomes a link to its section of the rules page in
// the page's language (/rules#r16 or /en/rules#r16). Code, headings and existing links are left alone.
import type MarkdownIt from "markdown-it"

type Token = ReturnType<MarkdownIt["parse"]>[number]

const english = (path: unknown): boolean => typeof path === "string" && /[\\/]docs[\\/](en|guide)[\\/]/.test(path)

export const ruleLinks = (md: MarkdownIt): void => {
  md.core.ruler.push("dangjian-rule-links", (state) => {
    const base = english((state.env as { path?: unknown }).path) ? "/en/rules" : "/rules"
    const tokens = state.tokens
    for (let i = 0; i < tokens.length; i++) {
      const block = tokens[i]!
      if (block.type !== "inline" || tokens[i - 1]?.type === "heading_open" || block.children === null) continue
      const out: Array<Token> = []
      let inLink = 0
      for (const child of block.children) {
        if (child.type === "link_open") inLink++
        if (child.type === "link_close") inLink--
        if (child.type !== "text" || inLink > 0 || !/\bR\d{1,2}\b/.test(child.content)) {
          out.push(child)
          continue
        }
        let last = 0
        for (const m of child.content.matchAll(/\bR(\d{1,2})\b/g)) {
          const n = Number(m[1])
          if (n < 1 || n > 96) continue
          if (m.index > last) out.push(text(state, child.content.slice(last, m.index)))
          const open = new state.Token("link_open", "a", 1)
          open.attrs = [["href", `${base}#r${n}`], ["class", "rule-link"]]
          out.push(open, text(state, m[0]), new state.Token("link_close", "a", -1))
          last = m.index + m[0].length
        }
        if (last < child.content.length) out.push(text(state, child.content.slice(last)))
      }
      block.children = out
    }
  })
}

const text = (state: { Token: new(type: string, tag: string, nesting: -1 | 0 | 1) => Token }, content: string) => {
  const token = new state.Token("text", "", 0)
  token.content = content
  return token
}
