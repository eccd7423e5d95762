// The documentation site: zh-CN at the root, en under /en/. Page sources and URLs:
//
//   docs/zh/**          → /**            (zh-CN; rewritten to the root)
//   docs/en/**          → /en/**         (en home and glossary; generated: rules page, API reference, guides)
//   docs/guide/*.md     → /en/guide/*    (the English guides, through copies in docs/en/guide/: they stay in
//                                          docs/guide/ because their examples run as tests there and are
//                                          type-checked against the packed packages, and VitePress decides a
//                                          page's language, for search too, by where its source is)
//
// Generated before a build (gitignored): docs/en/guide/ (scripts/guides.mjs), docs/{zh,en}/rules.md
// (scripts/rules.mjs) and docs/en/api/ (scripts/api.mjs). `pnpm docs:build` and `pnpm docs:dev` run them.
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import type { DefaultTheme } from "vitepress"
import { defineConfig } from "vitepress"
import { cjkBreaks } from "./cjkBreaks.ts"
import { ruleLinks } from "./ruleLinks.ts"

// Written by scripts/api.mjs (under node_modules, where lint and format checks do not look).
const apiSidebarFile = join(import.meta.dirname, "..", "node_modules", ".dangjian", "api-sidebar.json")
const apiSidebar: Array<DefaultTheme.SidebarItem> = existsSync(apiSidebarFile)
  ? JSON.parse(readFileSync(apiSidebarFile, "utf8"))
  : []

const enGuide: Array<DefaultTheme.SidebarItem> = [
  {
    text: "Start here",
    items: [
      { text: "The first fifteen minutes", link: "/en/guide/first-fifteen-minutes" },
      { text: "Getting started", link: "/en/guide/getting-started" },
      { text: "For teams without Effect", link: "/en/guide/without-effect" },
      { text: "Running it for a county or a province", link: "/en/guide/deployment" },
      { text: "The national deployment", link: "/en/guide/national-deployment" }
    ]
  },
  {
    text: "The three pillars",
    items: [
      { text: "Organizations", link: "/en/guide/organizations" },
      { text: "Members", link: "/en/guide/membership" },
      { text: "Meetings and organizational life", link: "/en/guide/meetings" },
      { text: "Party dues", link: "/en/guide/dues" },
      { text: "Appraisal, points and roles", link: "/en/guide/appraisal-and-points" },
      { text: "Member development and leadership history", link: "/en/guide/development" },
      { text: "Agreements", link: "/en/guide/agreements" }
    ]
  },
  {
    text: "Building on it",
    items: [
      { text: "The kernel", link: "/en/guide/kernel" },
      { text: "Stores", link: "/en/guide/stores" },
      { text: "Read models", link: "/en/guide/read-models" },
      { text: "The command line", link: "/en/guide/cli" },
      { text: "Testing", link: "/en/guide/testing" }
    ]
  },
  {
    text: "Reference",
    items: [
      { text: "Rules R1–R96", link: "/en/rules" },
      { text: "Glossary", link: "/en/glossary" },
      { text: "API", link: "/en/api/" }
    ]
  }
]

const zhGuide: Array<DefaultTheme.SidebarItem> = [
  {
    text: "入门",
    items: [
      { text: "前十五分钟", link: "/guide/first-fifteen-minutes" },
      { text: "快速开始", link: "/guide/getting-started" },
      { text: "不使用 Effect 的团队", link: "/guide/without-effect" },
      { text: "县级与省级部署", link: "/guide/deployment" },
      { text: "全国部署", link: "/guide/national-deployment" }
    ]
  },
  {
    text: "三个方面",
    items: [
      { text: "组织设置", link: "/guide/organizations" },
      { text: "党员管理", link: "/guide/membership" },
      { text: "三会一课与组织生活", link: "/guide/meetings" },
      { text: "党费", link: "/guide/dues" },
      { text: "民主评议、积分与选派", link: "/guide/appraisal-and-points" },
      { text: "发展党员与班子届次", link: "/guide/development" },
      { text: "结对共建", link: "/guide/agreements" }
    ]
  },
  {
    text: "在此基础上开发",
    items: [
      { text: "事件溯源内核", link: "/guide/kernel" },
      { text: "存储", link: "/guide/stores" },
      { text: "读模型", link: "/guide/read-models" },
      { text: "命令行", link: "/guide/cli" },
      { text: "测试", link: "/guide/testing" }
    ]
  },
  {
    text: "参考",
    items: [
      { text: "规则 R1–R96", link: "/rules" },
      { text: "术语表", link: "/glossary" },
      { text: "API(英文)", link: "/en/api/" }
    ]
  }
]

export default defineConfig({
  title: "dangjian 党建",
  description: "事件溯源的农村社区党建 TypeScript 库 · An event-sourced TypeScript library for Party building",
  head: [["link", { rel: "icon", type: "image/svg+xml", href: "/favicon.svg" }]],
  srcExclude: ["test/**", "scripts/**", "guide/**", "README.md"],
  rewrites: { "zh/:rest*": ":rest*" },
  lastUpdated: false,
  // Vite's dependency cache, out of docs/ (lint and format checks skip node_modules).
  cacheDir: "node_modules/.dangjian/vitepress-cache",
  // Every internal link must resolve: the build fails on a dead one (the browser test checks the built site too).
  ignoreDeadLinks: false,
  markdown: {
    config: (md) => md.use(cjkBreaks).use(ruleLinks)
  },
  themeConfig: {
    search: {
      provider: "local",
      options: {
        // Chinese has no spaces between words: index every Han character and every pair of neighbours
        // (bigrams), so "党支部" or a rule's Chinese title is found; other text is split on spaces and
        // punctuation as usual. A query is cut the same way but into pairs only, and every pair must match.
        // (These functions are sent to the browser as source text, so they must not use anything outside.)
        miniSearch: {
          options: {
            tokenize: (text: string) => {
              const out: Array<string> = []
              for (const word of text.split(/[\s\p{P}\p{S}]+/u)) {
                for (const run of word.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) ?? []) {
                  if (!/\p{Script=Han}/u.test(run)) {
                    out.push(run)
                    continue
                  }
                  for (let i = 0; i < run.length; i++) {
                    out.push(run[i]!)
                    if (i + 1 < run.length) out.push(run.slice(i, i + 2))
                  }
                }
              }
              return out
            }
          },
          searchOptions: {
            combineWith: "AND",
            tokenize: (text: string) => {
              const out: Array<string> = []
              for (const word of text.split(/[\s\p{P}\p{S}]+/u)) {
                for (const run of word.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) ?? []) {
                  if (!/\p{Script=Han}/u.test(run)) out.push(run)
                  else if (run.length === 1) out.push(run)
                  else for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2))
                }
              }
              return out
            }
          }
        },
        locales: {
          root: {
            translations: {
              button: { buttonText: "搜索", buttonAriaLabel: "搜索" },
              modal: {
                displayDetails: "显示详情",
                resetButtonTitle: "清除",
                backButtonTitle: "关闭",
                noResultsText: "没有找到",
                footer: { selectText: "选择", navigateText: "切换", closeText: "关闭" }
              }
            }
          }
        }
      }
    }
  },
  locales: {
    root: {
      label: "简体中文",
      lang: "zh-CN",
      themeConfig: {
        nav: [
          { text: "指南", link: "/guide/first-fifteen-minutes" },
          { text: "规则", link: "/rules" },
          { text: "术语", link: "/glossary" },
          { text: "API", link: "/en/api/" }
        ],
        sidebar: { "/": zhGuide, "/en/api/": apiSidebar },
        outline: { label: "本页目录", level: [2, 3] },
        docFooter: { prev: "上一页", next: "下一页" },
        returnToTopLabel: "回到顶部",
        sidebarMenuLabel: "菜单",
        darkModeSwitchLabel: "外观",
        langMenuLabel: "语言",
        notFound: { title: "页面不存在", quote: "这个地址没有页面。", linkText: "回到首页" }
      }
    },
    en: {
      label: "English",
      lang: "en",
      link: "/en/",
      themeConfig: {
        nav: [
          { text: "Guide", link: "/en/guide/first-fifteen-minutes" },
          { text: "Rules", link: "/en/rules" },
          { text: "Glossary", link: "/en/glossary" },
          { text: "API", link: "/en/api/" }
        ],
        sidebar: { "/en/api/": apiSidebar, "/en/": enGuide },
        outline: { level: [2, 3] },
        // Most English pages (the guides, the API) have no Chinese version: the language switch goes to the
        // Chinese home. Chinese pages all have an English one, so the root locale keeps the switch page to page.
        i18nRouting: false
      }
    }
  }
})
