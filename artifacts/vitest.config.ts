import { defineProject } from "vitest/config"

export default defineProject({
  test: {
    name: "artifacts",
    include: ["test/**/*.test.ts"],
    // Packs every public package and installs the tarballs with npm in a folder outside the workspace, once.
    globalSetup: ["./setup.ts"],
    testTimeout: 180_000,
    hookTimeout: 600_000
  }
})
