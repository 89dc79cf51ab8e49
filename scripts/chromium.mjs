// Which Chromium the real-browser tests, the bench and the screenshots drive. Nothing is downloaded at
// run time: CHROMIUM_PATH, a system Chromium, an installed Chrome, else the headless Chromium shipped
// inside the @sparticuz/chromium dev dependency (Linux x64), so `npm install && npm test` is enough.
// BRAIN_QUEUE_CHROMIUM=bundled skips the first three, as on a machine without a browser.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { brotliDecompressSync } from "node:zlib";

export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

const INSTALLED = [
  "/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium",
  "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/opt/google/chrome/chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

export const wantsBundled = () => process.env.BRAIN_QUEUE_CHROMIUM === "bundled";

/** A Chromium or Chrome the machine has (CHROMIUM_PATH first), or null. */
export function installedChromiumPath() {
  if (wantsBundled()) return null;
  return [process.env.CHROMIUM_PATH, ...INSTALLED].find((p) => p && existsSync(p)) ?? null;
}

/**
 * How to launch Chromium with playwright-core: `{ executablePath, args, env, source }`, or null when there
 * is none. The bundled one is unpacked from its package into the temp folder on first use (by the package
 * itself) and launched with the package's recommended arguments, its own fonts and, for a machine without
 * NSS, the libraries the package carries for Amazon Linux.
 */
export async function chromiumLaunch() {
  const installed = installedChromiumPath();
  if (installed) return { executablePath: installed, args: CHROMIUM_ARGS, env: {}, source: "installed" };
  if (process.platform !== "linux" || process.arch !== "x64") return null;
  let chromium;
  try {
    chromium = (await import("@sparticuz/chromium")).default;
  } catch {
    return null; // installed without dev dependencies
  }
  let executablePath = await chromium.executablePath();
  if (!runs(executablePath, {})) {
    rmSync(executablePath, { force: true }); // a copy cut short by an interrupted first run
    executablePath = await chromium.executablePath();
  }
  const env = {
    FONTCONFIG_PATH: join(tmpdir(), "fonts"),
    LD_LIBRARY_PATH: [await amazonLinuxLibraries(), process.env.LD_LIBRARY_PATH].filter(Boolean).join(":"),
  };
  if (!runs(executablePath, env)) throw new Error(`The bundled Chromium (${executablePath}) does not start on this machine.`);
  // Its arguments are made for AWS Lambda, where one process is a must; here the renderer gets its own, as
  // a single-process browser goes down with the first page context the tests close.
  const args = chromium.args.filter((arg) => arg !== "--single-process");
  return { executablePath, args, env, source: "bundled (@sparticuz/chromium)" };
}

function runs(executablePath, env) {
  const result = spawnSync(executablePath, ["--version"], { env: { ...process.env, ...env }, encoding: "utf8", timeout: 30_000 });
  return result.status === 0 && /\d+\.\d+/.test(result.stdout);
}

/** The package's NSS and expat libraries, unpacked once next to its Chromium (as it does on AWS). */
async function amazonLinuxLibraries() {
  const target = join(tmpdir(), "al2023");
  const lib = join(target, "lib");
  if (existsSync(join(lib, "libnss3.so"))) return lib;
  // The package exports no subpaths: its main file is build/cjs/index.cjs, its files are in bin/.
  const main = createRequire(import.meta.url).resolve("@sparticuz/chromium");
  const tar = brotliDecompressSync(await readFile(join(dirname(main), "..", "..", "bin", "al2023.tar.br")));
  const staging = mkdtempSync(join(tmpdir(), "al2023-"));
  const untar = spawnSync("tar", ["-x", "-C", staging], { input: tar });
  if (untar.status !== 0) throw new Error(`Could not unpack the bundled Chromium's libraries: ${untar.stderr}`);
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
  return lib;
}
