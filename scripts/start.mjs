// `npm start`: build the plugin when stale, build the demo, install the plugin into the sample vault,
// and serve the demo workspace on http://127.0.0.1:<port> (--port N or PORT; default 5173) over the sample
// vault, or over another folder of notes with --vault <folder> (read only: nothing is installed there).
import { spawnSync, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, relative, resolve as resolvePath, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildDemo } from "../demo/build.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const vaultDir = join(root, "demo", "vault");
const PLUGIN_FILES = ["main.js", "manifest.json", "styles.css"];
const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8", ".md": "text/markdown; charset=utf-8", ".map": "application/json",
  ".svg": "image/svg+xml", ".png": "image/png", ".woff2": "font/woff2",
};
// A CJK web font from a dev dependency, so the demo's Chinese text looks and measures the same on every
// machine, one without CJK fonts (or any fonts) included.
const cjkFontDir = join(root, "node_modules", "@fontsource-variable", "noto-sans-sc");

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Builds main.js when it is missing or older than src/ or styles.css, then the demo bundle. */
export async function prepare({ log = console.log } = {}) {
  const mainJs = join(root, "main.js");
  const sources = Math.max(newestMtime(join(root, "src")), newestMtime(join(root, "styles.css")), newestMtime(join(root, "manifest.json")));
  if (!existsSync(mainJs) || statSync(mainJs).mtimeMs < sources) {
    log("Building the plugin (main.js)…");
    const result = spawnSync(process.execPath, ["esbuild.config.mjs", "production"], { cwd: root, stdio: "inherit" });
    if (result.status !== 0) throw new Error("The plugin build failed (node esbuild.config.mjs production).");
  }
  await buildDemo();
  installIntoVault();
}

/** Copies the plugin into the sample vault so Obsidian itself can open demo/vault with the plugin on. */
function installIntoVault() {
  const pluginDir = join(vaultDir, ".obsidian", "plugins", "brain-queue");
  mkdirSync(pluginDir, { recursive: true });
  for (const name of PLUGIN_FILES) copyFileSync(join(root, name), join(pluginDir, name));
  writeFileSync(join(vaultDir, ".obsidian", "community-plugins.json"), `${JSON.stringify(["brain-queue"], null, 2)}\n`);
}

function listNotes(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith(".")) return [];
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return listNotes(full, base);
    return entry.name.endsWith(".md") ? [relative(base, full).split(sep).join("/")] : [];
  }).sort();
}

/** Maps a URL path to a file inside the folder that route serves (null when it would leave that folder). */
function resolveRequest(pathname, vault) {
  const inside = (base, rest) => {
    const file = normalize(join(base, rest));
    return file === base || file.startsWith(base + sep) ? file : null;
  };
  if (pathname === "/" || pathname === "/index.html") return join(root, "demo", "index.html");
  if (pathname === "/demo.css") return join(root, "demo", "demo.css");
  if (pathname.startsWith("/fonts/noto-sans-sc/")) return inside(cjkFontDir, pathname.slice("/fonts/noto-sans-sc/".length));
  if (pathname.startsWith("/dist/")) return inside(join(root, "demo", "dist"), pathname.slice("/dist/".length));
  if (PLUGIN_FILES.some((name) => pathname === `/${name}`)) return join(root, pathname.slice(1));
  if (pathname.startsWith("/vault/")) return inside(vault, pathname.slice("/vault/".length));
  return null;
}

function handle(req, res, vault) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
  } catch {
    res.writeHead(400).end("Bad request");
    return;
  }
  if (pathname === "/vault-index.json") {
    res.writeHead(200, { "content-type": TYPES[".json"], "cache-control": "no-store" });
    res.end(JSON.stringify(listNotes(vault)));
    return;
  }
  const file = resolveRequest(pathname, vault);
  if (!file || !existsSync(file) || statSync(file).isDirectory()) {
    res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
    return;
  }
  // A note's modification time goes with it, so a reload of the demo finds the notes as the plugin's
  // cache saw them (a warm start) unless the file changed on disk.
  const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" };
  if (pathname.startsWith("/vault/")) headers["last-modified"] = new Date(statSync(file).mtimeMs).toUTCString();
  res.writeHead(200, headers);
  res.end(readFileSync(file));
}

/** Starts the demo server (port 0 = any free port) over `vault` (default: the sample vault). Resolves with
 *  its URL and a close function. */
export function startServer({ port = 5173, host = "127.0.0.1", vault = vaultDir } = {}) {
  return new Promise((resolve, reject) => {
    const server = createServer((req, res) => handle(req, res, vault));
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      const url = `http://${host}:${typeof address === "object" && address ? address.port : port}/`;
      resolve({ url, server, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

function parsePort(argv, env) {
  const index = argv.indexOf("--port");
  const raw = index >= 0 ? argv[index + 1] : (argv.find((a) => a.startsWith("--port="))?.slice(7) ?? env.PORT ?? "5173");
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Not a port number: ${raw}. Use --port 5174, for example.`);
    process.exit(1);
  }
  return port;
}

function hasDisplay() {
  if (process.env.CI) return false;
  if (process.platform === "darwin" || process.platform === "win32") return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function openBrowser(url) {
  const [cmd, args] = process.platform === "darwin" ? ["open", [url]]
    : process.platform === "win32" ? ["cmd", ["/c", "start", "", url]] : ["xdg-open", [url]];
  const child = spawn(cmd, args, { stdio: "ignore", detached: true });
  child.on("error", () => {});
  child.unref();
}

/** `--vault <folder>` or `--vault=<folder>`: the folder of notes to serve instead of the sample vault. */
function parseVault(argv) {
  const index = argv.indexOf("--vault");
  const raw = index >= 0 ? argv[index + 1] : argv.find((a) => a.startsWith("--vault="))?.slice(8);
  if (raw === undefined) return vaultDir;
  const folder = resolvePath(raw);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    console.error(`Not a folder: ${raw}. Use --vault path/to/notes.`);
    process.exit(1);
  }
  return folder;
}

async function main() {
  const port = parsePort(process.argv.slice(2), process.env);
  const vault = parseVault(process.argv.slice(2));
  await prepare();
  let started;
  try {
    started = await startServer({ port, vault });
  } catch (error) {
    if (error && error.code === "EADDRINUSE") {
      console.error(`Port ${port} is already in use. Try another one: npm start -- --port ${port + 1}`);
      process.exit(1);
    }
    throw error;
  }
  console.log(`Brain Queue demo: ${started.url}`);
  if (vault === vaultDir) console.log("The sample vault with the plugin installed is demo/vault (open it in Obsidian to try the real thing).");
  else console.log(`Serving the notes in ${vault} (read only: edits in the demo stay in the page).`);
  console.log("This terminal keeps the server running (Ctrl+C stops it); use another one for npm test.");
  if (hasDisplay()) openBrowser(started.url);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
