// `npm run cli -- …`: bundles src/cli/main.ts into .build/cli.mjs when any source is newer, then runs it.
import { mkdirSync, readdirSync, renameSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, ".build", "cli.mjs");

function newestSource(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt() {
  try {
    return statSync(out).mtimeMs;
  } catch {
    return -1;
  }
}

if (builtAt() < Math.max(newestSource(join(root, "src")), statSync(join(root, "package.json")).mtimeMs)) {
  const { build } = await import("esbuild");
  mkdirSync(dirname(out), { recursive: true });
  // Build to a private file and rename, so concurrent runs never see half a bundle.
  const temp = `${out}.${process.pid}.tmp.mjs`;
  try {
    await build({
      entryPoints: [join(root, "src/cli/main.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      outfile: temp,
      logLevel: "silent",
    });
  } catch (error) {
    const first = error?.errors?.[0];
    process.stderr.write(`brain-queue: could not build the CLI: ${first ? `${first.text} (${first.location?.file}:${first.location?.line})` : String(error)}\n`);
    process.exit(2);
  }
  renameSync(temp, out);
}

await import(pathToFileURL(out).href);
