// The demo workspace: the sample vault in a stand-in Obsidian, with the built plugin (/main.js) loaded
// unmodified as CommonJS. DEMO DATE = 2026-11-30: the sample vault is planned around that Monday; the
// page shows that day (the browser tests also pin their clock there), `?date=YYYY-MM-DD` another one.
// Other URL parameters: `?theme=dark`, `?lang=zh`, `?file=Reading plan.md`, `?mobile=1` (the phone layout).
import * as codemirrorState from "@codemirror/state";
import * as codemirrorView from "@codemirror/view";
import type { Plugin as RealPlugin, PluginManifest } from "obsidian";
import { FILE_EXPLORER, FileExplorerView, installChrome, setTheme } from "./chrome";
import { demoEditorExtensions } from "./editorSetup";
import { enterPhoneMode, installPhoneChrome, isPhoneMode } from "./phone";
import { pinDate } from "./pinDate";
import * as obsidian from "./shim/obsidian";
import { localStorageStore } from "./shim/app";

const TODAY_VIEW = "brain-queue-today";
const PLUGIN_ID = "brain-queue";
const DEFAULT_NOTE = "学期规划.md";
const DEMO_DATE = "2026-11-30";
const GENERATED_MTIME = Date.UTC(2026, 10, 1);

declare global {
  interface Window { bqDemo?: { app: obsidian.App; plugin: RealPlugin | null; error: string | null } }
}

const params = new URLSearchParams(window.location.search);

async function fetchOk(url: string): Promise<Response> {
  // The demo page reads the vault and the plugin from its own dev server (plugins would use requestUrl).
  const response = await window.fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response;
}

async function fetchText(url: string): Promise<string> {
  return (await fetchOk(url)).text();
}

/** A note's text and its modification time on the server's disk (whole seconds, as HTTP gives it). */
interface DemoNote { text: string; mtime?: number }

async function loadVault(): Promise<Record<string, DemoNote>> {
  const paths = JSON.parse(await fetchText("/vault-index.json")) as string[];
  const notes = await Promise.all(paths.map(async (path): Promise<DemoNote> => {
    const response = await fetchOk(`/vault/${path.split("/").map(encodeURIComponent).join("/")}`);
    const mtime = Date.parse(response.headers.get("last-modified") ?? "");
    return { text: await response.text(), ...(Number.isNaN(mtime) ? {} : { mtime }) };
  }));
  return Object.fromEntries(paths.map((path, i) => [path, notes[i]]));
}

/**
 * `?notes=N`: N more notes, each a track with an item on the demo's Monday, so the vault is large enough
 * for the plugin to index it on its parse workers (tests/browser/workers.test.ts).
 */
function generatedNotes(count: number): Record<string, DemoNote> {
  const notes: Record<string, DemoNote> = {};
  for (let n = 1; n <= count; n++) {
    notes[`Generated/Week ${String(n).padStart(3, "0")}.md`] = {
      text: `## Generated ${n}\n\nNotes from week ${n}.\n\n- [ ] 2026/11/30  generated task ${n}\n- [x] 2026/11/2${n % 10}  finished ${n}\n`,
      mtime: GENERATED_MTIME, // the same at every load, like a file nobody touched
    };
  }
  return notes;
}

/** Evaluates main.js as Obsidian does: CommonJS, with `obsidian` and CodeMirror provided by the host. */
function evaluatePlugin(source: string): new (app: obsidian.App, manifest: PluginManifest) => RealPlugin {
  const provided: Record<string, unknown> = { obsidian, "@codemirror/state": codemirrorState, "@codemirror/view": codemirrorView };
  const require = (name: string): unknown => {
    if (name in provided) return provided[name];
    throw new Error(`Cannot find module '${name}' (the demo provides only obsidian and @codemirror/state|view)`);
  };
  const host = { require, module: { exports: {} as Record<string, unknown> }, error: null as unknown };
  (window as unknown as Record<string, unknown>).__bqPluginHost = host;
  // A classic script runs synchronously when inserted; the wrapper is the CommonJS function Obsidian builds.
  document.head.createEl("script", {
    text: `(function (h) { try { (function (require, module, exports) {\n${source}\n})(h.require, h.module, h.module.exports); } catch (e) { h.error = e; } })(window.__bqPluginHost);\n//# sourceURL=plugin:brain-queue/main.js`,
  });
  if (host.error) throw host.error instanceof Error ? host.error : new Error(JSON.stringify(host.error));
  const module = host.module;
  const exported = (module.exports.default ?? module.exports) as unknown;
  if (typeof exported !== "function") throw new Error("main.js does not export a plugin class");
  return exported as new (app: obsidian.App, manifest: PluginManifest) => RealPlugin;
}

function layout(app: obsidian.App): void {
  const container = document.body.createDiv("app-container");
  const main = container.createDiv("horizontal-main-container");
  main.append(app.ribbonEl, app.workspace.containerEl);
  container.appendChild(app.statusBarEl);
}

function showError(message: string): void {
  document.body.createDiv({ cls: "bq-demo-error", text: message });
}

async function start(): Promise<void> {
  // The sample vault is planned around the demo date: the page shows that day unless ?date= names another.
  pinDate(params.get("date") ?? DEMO_DATE);
  const language = params.get("lang");
  if (language) window.localStorage.setItem("language", language);
  setTheme(params.get("theme") === "dark");
  const phone = isPhoneMode(params);
  if (phone) enterPhoneMode();

  const pluginData = localStorageStore("brain-queue-demo/");
  // First visit: the sample term started on Monday 2026-09-07, so the header can show the term week.
  if (pluginData.load(PLUGIN_ID) === null) pluginData.save(PLUGIN_ID, { settings: { termStart: "2026-09-07" } });
  const notes = { ...(await loadVault()), ...generatedNotes(Number(params.get("notes") ?? 0)) };
  const app = obsidian.createApp({ pluginData, mount: null, vaultName: "Sample vault" });
  for (const [path, { text, mtime }] of Object.entries(notes)) app.vault.addFile(path, text, mtime === undefined ? undefined : { mtime, ctime: mtime });
  window.bqDemo = { app, plugin: null, error: null };
  layout(app);
  installChrome(app);
  if (phone) installPhoneChrome(app);
  app.workspace.baseEditorExtensions = demoEditorExtensions();
  app.workspace.saveDelay = 250;
  app.workspace.registerViewType(FILE_EXPLORER, (leaf) => new FileExplorerView(leaf, app));
  await app.workspace.getLeftLeaf(false).setViewState({ type: FILE_EXPLORER });

  // Obsidian loads plugins first, then restores the layout (here: the note and the plugin's sidebar view).
  let plugin: RealPlugin | null = null;
  try {
    const [source, manifest] = await Promise.all([fetchText("/main.js"), fetchText("/manifest.json")]);
    const PluginClass = evaluatePlugin(source);
    plugin = new PluginClass(app, JSON.parse(manifest) as PluginManifest);
    plugin.load();
    await (plugin as unknown as obsidian.Plugin).loaded;
    window.bqDemo.plugin = plugin;
  } catch (error) {
    window.bqDemo.error = String(error);
    showError(`The plugin did not load: ${String(error)}`);
  }
  const note = app.vault.getFileByPath(params.get("file") ?? DEFAULT_NOTE) ?? app.vault.getMarkdownFiles()[0];
  if (note) await app.workspace.getLeaf(false).openFile(note);
  if (plugin && app.workspace.getLeavesOfType(TODAY_VIEW).length === 0) {
    await app.workspace.getRightLeaf(false).setViewState({ type: TODAY_VIEW });
  }
  app.workspace.setLayoutReady();
  app.metadataCache.trigger("resolved");
  document.body.setAttribute("data-demo-ready", "true");
}

start().catch((error: unknown) => {
  showError(`The demo failed to start: ${String(error)}`);
  document.body.setAttribute("data-demo-ready", "error");
});
