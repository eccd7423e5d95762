import { defineProject } from "vitest/config"

export default defineProject({
  test: {
    name: "example-township",
    include: ["test/**/*.test.ts"]
  }
})
