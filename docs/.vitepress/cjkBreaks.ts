// A markdown-it plugin: a line break inside a paragraph becomes a space in HTML, which is right between English
// words and wrong between Chinese characters ("命令。 这里"). Source lines of the Chinese pages are wrapped like
// the English ones, so a soft break with Chinese on both sides (punctuation aside) is dropped.
import type MarkdownIt from "markdown-it"

type Token = ReturnType<MarkdownIt["parse"]>[number]

const han = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…]/u
const punctuation = /[\s,.;:!?()[\]"'“”]/u

// The text next to a soft break, across emphasis and link markers: the last characters before it, the first after.
const textNear = (tokens: ReadonlyArray<Token>, from: number, step: 1 | -1): string => {
  for (let i = from; i >= 0 && i < tokens.length; i += step) {
    const token = tokens[i]!
    if (token.type === "text" || token.type === "code_inline") return token.content
    if (!/_(open|close)$/.test(token.type)) return ""
  }
  return ""
}

const chineseAt = (text: string, end: boolean): boolean => {
  const chars = [...text]
  if (end) chars.reverse()
  const first = chars.find((c) => !punctuation.test(c))
  return first !== undefined && han.test(first)
}

export const cjkBreaks = (md: MarkdownIt): void => {
  md.core.ruler.push("dangjian-cjk-breaks", (state) => {
    for (const block of state.tokens) {
      if (block.type !== "inline" || block.children === null) continue
      const children = block.children
      block.children = children.filter((token, i) =>
        token.type !== "softbreak"
        || !(chineseAt(textNear(children, i - 1, -1), true) && chineseAt(textNear(children, i + 1, 1), false))
      )
    }
  })
}
