// `npm run bench`: bundles scripts/bench/*.ts (and the src/ code it measures) into .build/bench.mjs,
// then runs it with --expose-gc so heap figures are taken after full collections.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import esbuild from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const outfile = `${root}.build/bench.mjs`;
const alias = { obsidian: "./scripts/bench/obsidianStub.ts" };

// The page that renders in Chromium, built from the same tree as the bench so the two always agree.
await esbuild.build({
  absWorkingDir: root,
  entryPoints: ["scripts/bench/browserPage.ts"],
  bundle: true,
  format: "iife",
  platform: "browser",
  outfile: `${root}.build/bench-page.js`,
  alias,
  logLevel: "warning",
});

// The parse worker the cold start runs on (scripts/bench/workers.ts finds it next to the bench bundle).
await esbuild.build({
  absWorkingDir: root,
  entryPoints: ["scripts/bench/parseWorker.ts"],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile: `${root}.build/bench-worker.mjs`,
  logLevel: "warning",
});

await esbuild.build({
  absWorkingDir: root,
  entryPoints: ["scripts/bench/main.ts"],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile,
  // The Today renderer imports `obsidian`: give it the demo stand-in's icons and language lookup.
  alias,
  external: [ "playwright-core", "happy-dom", "mdast-util-from-markdown", "mdast-util-gfm-task-list-item", "micromark-extension-gfm-task-list-item"],
  logLevel: "warning",
});

const result = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=6144", outfile, ...process.argv.slice(2)], {
  stdio: "inherit",
  cwd: root,
});
process.exit(result.status ?? 1);
