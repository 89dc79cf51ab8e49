import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const shim = fileURLToPath(new URL("./demo/shim/obsidian.ts", import.meta.url));

export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        resolve: { alias: { obsidian: shim } },
        test: { name: "plugin", include: ["tests/plugin/**/*.test.ts"], environment: "happy-dom" },
      },
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
