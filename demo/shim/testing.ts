// Stand-in only: build an App over some notes and load a plugin into it the way Obsidian starts up
// (onload, then layout ready, then the metadata cache settles). Shared by the plugin tests and the demo.
import type { App as RealApp, PluginManifest } from "obsidian";
import { App, memoryStore, type PluginDataStore } from "./app";

export interface CreateAppOptions {
  files?: Record<string, string>;
  /** Initial plugin data by plugin id, or a store. */
  pluginData?: PluginDataStore | Record<string, unknown>;
  /** Where to attach the workspace, status bar and ribbon; defaults to document.body. */
  mount?: HTMLElement | null;
  vaultName?: string;
}

export function createApp(options: CreateAppOptions = {}): App {
  const data = options.pluginData;
  const store = data && typeof (data as PluginDataStore).load === "function" ? (data as PluginDataStore) : memoryStore((data ?? {}) as Record<string, unknown>);
  const app = new App({ vaultName: options.vaultName, pluginData: store });
  for (const [path, text] of Object.entries(options.files ?? {})) app.vault.addFile(path, text);
  const mount = options.mount === undefined ? document.body : options.mount;
  mount?.append(app.ribbonEl, app.workspace.containerEl, app.statusBarEl);
  return app;
}

/** The same object typed as the real API, for code compiled against `obsidian.d.ts`. */
export function asReal(app: App): RealApp {
  return app as unknown as RealApp;
}

export const TEST_MANIFEST: PluginManifest = {
  id: "brain-queue", name: "Brain Queue", version: "0.0.0", minAppVersion: "1.5.7",
  description: "Test build.", author: "tests", isDesktopOnly: false,
};

interface Loadable {
  load(): void;
  unload(): void;
}

/** Instantiates and loads a plugin class, then marks the layout ready and waits for the cache to settle. */
export async function loadPlugin<P extends Loadable>(
  app: App, PluginClass: new (app: RealApp, manifest: PluginManifest) => P, manifest: PluginManifest = TEST_MANIFEST,
): Promise<P> {
  const plugin = new PluginClass(asReal(app), manifest);
  plugin.load();
  await (plugin as unknown as { loaded?: Promise<void> }).loaded;
  if (!app.workspace.layoutReady) app.workspace.setLayoutReady();
  await flush();
  await app.metadataCache.settle();
  await flush();
  return plugin;
}

/** Lets timers of 0 ms and pending promises run. */
export async function flush(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => window.setTimeout(resolve, 0));
}
