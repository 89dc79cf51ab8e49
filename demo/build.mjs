// Bundles the demo workspace (demo/app.ts + the Obsidian stand-in + CodeMirror) into demo/dist/app.js.
// The plugin itself is NOT bundled here: the page fetches the built /main.js and runs it unmodified.
import esbuild from "esbuild";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

export async function buildDemo({ minify = false } = {}) {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ["demo/app.ts"],
    outfile: "demo/dist/app.js",
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2021",
    minify,
    sourcemap: minify ? false : "linked",
    logLevel: "warning",
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await buildDemo({ minify: process.argv.includes("--minify") });
  console.log("demo/dist/app.js built");
}
