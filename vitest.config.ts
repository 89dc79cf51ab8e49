import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const shim = fileURLToPath(new URL("./demo/shim/obsidian.ts", import.meta.url));

export default defineConfig({
  test: {
    projects: [
      // Property tests take seconds; on a shared, loaded machine several times as long. A timeout is no
      // assertion here (tests never assert timings), only a guard against a hang.
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 60_000 } },
      {
        resolve: { alias: { obsidian: shim } },
        test: { name: "plugin", include: ["tests/plugin/**/*.test.ts"], environment: "happy-dom", testTimeout: 60_000 },
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
