// Builds the plugin bundle (main.js). `node esbuild.config.mjs production` for a minified release build.
import esbuild from "esbuild";
import builtins from "builtin-modules";
import { resolve } from "node:path";
import { checkFile } from "./scripts/lookbehind.mjs";

const production = process.argv[2] === "production";
const watch = process.argv.includes("--watch");

/**
 * The parse worker goes into main.js as text (a plugin is one file): src/obsidian/parseWorkerSource.ts,
 * which says `null` to tests and the type checker, is replaced by the bundled worker, rebuilt on every
 * build so watch mode never carries a stale one.
 */
const parseWorkerSource = {
  name: "parse-worker-source",
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]obsidian[\\/]parseWorkerSource\.ts$/ }, async () => {
      const worker = await esbuild.build({
        entryPoints: ["src/worker/parseWorker.ts"],
        bundle: true,
        format: "iife",
        target: "es2021",
        platform: "browser",
        minify: production,
        write: false,
        metafile: true,
        logLevel: "warning",
      });
      return {
        contents: `export default ${JSON.stringify(worker.outputFiles[0].text)};`,
        loader: "js",
        watchFiles: Object.keys(worker.metafile.inputs).map((input) => resolve(input)),
      };
    });
  },
};

/** Every build of main.js, watched or not, is checked for regex lookbehind (see scripts/lookbehind.mjs). */
const noLookbehind = {
  name: "no-lookbehind",
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      const problem = checkFile(build.initialOptions.outfile);
      if (problem === null) return;
      console.error(problem);
      if (!watch) process.exitCode = 1;
    });
  },
};

const context = await esbuild.context({
  entryPoints: ["src/obsidian/main.ts"],
  plugins: [parseWorkerSource, noLookbehind],
  bundle: true,
  // Provided by Obsidian at run time; never bundled.
  external: [
    "obsidian",
    "electron",
    "@codemirror/autocomplete",
    "@codemirror/collab",
    "@codemirror/commands",
    "@codemirror/language",
    "@codemirror/lint",
    "@codemirror/search",
    "@codemirror/state",
    "@codemirror/view",
    "@lezer/common",
    "@lezer/highlight",
    "@lezer/lr",
    ...builtins,
  ],
  format: "cjs",
  target: "es2021",
  platform: "browser",
  logLevel: "info",
  sourcemap: production ? false : "inline",
  treeShaking: true,
  minify: production,
  outfile: "main.js",
});

if (watch) {
  await context.watch();
} else {
  await context.rebuild();
  await context.dispose();
}
