// App: the vault, workspace, metadata cache and file manager, plus what Obsidian keeps privately and the
// demo shows: the command registry (palette), the settings tabs, plugin data, status bar, ribbon.
import type { App as RealApp, Command, DataAdapter, MarkdownPostProcessor } from "obsidian";
import { Modal, Notice } from "./modals";
import type { PluginSettingTab, SettingTab } from "./settings";
import { FileManager, MetadataCache, Vault } from "./vault";
import { Workspace } from "./workspace";

export class CommandRegistry {
  readonly commands = new Map<string, Command>();

  constructor(private readonly app: App) {}

  add(command: Command): void {
    this.commands.set(command.id, command);
  }

  remove(id: string): void {
    this.commands.delete(id);
  }

  /** Commands the palette offers now: check callbacks asked with `checking = true`, like Obsidian does. */
  listCommands(): Command[] {
    return [...this.commands.values()].filter((command) => this.run(command, true));
  }

  executeCommandById(id: string): boolean {
    const command = this.commands.get(id);
    return command ? this.run(command, false) : false;
  }

  private run(command: Command, checking: boolean): boolean {
    const markdown = this.app.workspace.getMostRecentLeaf()?.view;
    const editorView = markdown && "editor" in markdown ? (markdown as unknown as { editor: never; file: unknown }) : null;
    if (command.editorCheckCallback) {
      if (!editorView) return false;
      return command.editorCheckCallback(checking, editorView.editor, editorView as never) !== false;
    }
    if (command.editorCallback) {
      if (!editorView) return false;
      if (!checking) void command.editorCallback(editorView.editor, editorView as never);
      return true;
    }
    if (command.checkCallback) return command.checkCallback(checking) !== false;
    if (command.callback) {
      if (!checking) void command.callback();
      return true;
    }
    return false;
  }
}

/** Obsidian's settings window, reduced to the plugin tabs. */
export class SettingRegistry {
  readonly tabs: SettingTab[] = [];

  constructor(private readonly app: App) {}

  addTab(tab: SettingTab): void {
    this.tabs.push(tab);
  }

  removeTab(tab: SettingTab): void {
    this.tabs.remove(tab);
  }

  /** Opens the settings modal on a tab (the first one by default) and returns it. */
  open(tab: SettingTab | undefined = this.tabs[0]): Modal {
    const modal = new SettingsModal(this.app, this.tabs, tab);
    modal.open();
    return modal;
  }
}

class SettingsModal extends Modal {
  constructor(app: App, private readonly tabs: SettingTab[], private current: SettingTab | undefined) {
    super(app);
    this.modalEl.addClass("mod-settings", "mod-sidebar-layout");
  }

  override onOpen(): void {
    this.setTitle("Settings");
    const body = this.contentEl.createDiv("vertical-tabs-container");
    const nav = body.createDiv("vertical-tab-header");
    const content = body.createDiv("vertical-tab-content-container");
    nav.createDiv({ cls: "vertical-tab-header-group-title", text: "Community plugins" });
    const show = (tab: SettingTab): void => {
      this.current?.hide();
      this.current = tab;
      content.empty();
      content.appendChild(tab.containerEl);
      tab.containerEl.empty();
      tab.display();
      nav.querySelectorAll(".vertical-tab-nav-item").forEach((el, i) => el.toggleClass("is-active", this.tabs[i] === tab));
    };
    for (const tab of this.tabs) {
      const name = (tab as PluginSettingTab).plugin?.manifest.name ?? "Plugin";
      nav.createDiv({ cls: "vertical-tab-nav-item", text: name }).addEventListener("click", () => show(tab));
    }
    if (this.current) show(this.current);
  }

  override onClose(): void {
    this.current?.hide();
  }
}

/**
 * Where `loadData`/`saveData` keep plugin data, and the adapter keeps binary files of the config
 * folder (a plugin's cache): memory in tests, localStorage in the demo.
 */
export interface PluginDataStore {
  load(id: string): unknown;
  save(id: string, data: unknown): void;
  loadFile(path: string): Uint8Array | null;
  saveFile(path: string, bytes: Uint8Array): void;
  removeFile(path: string): void;
  /** The paths of the files kept, for the adapter's list(). */
  filePaths(): string[];
}

export function memoryStore(initial: Record<string, unknown> = {}): PluginDataStore {
  const data = new Map<string, string>(Object.entries(initial).map(([id, value]) => [id, JSON.stringify(value)]));
  const files = new Map<string, Uint8Array>();
  return {
    load: (id) => (data.has(id) ? (JSON.parse(data.get(id)!) as unknown) : null),
    save: (id, value) => void data.set(id, JSON.stringify(value)),
    loadFile: (path) => files.get(path)?.slice() ?? null,
    saveFile: (path, bytes) => void files.set(path, bytes.slice()),
    removeFile: (path) => void files.delete(path),
    filePaths: () => [...files.keys()],
  };
}

export function localStorageStore(prefix: string): PluginDataStore {
  const fileKey = (path: string): string => `${prefix}file:${path}`;
  return {
    load: (id) => {
      const raw = window.localStorage.getItem(`${prefix}${id}`);
      return raw === null ? null : (JSON.parse(raw) as unknown);
    },
    save: (id, value) => window.localStorage.setItem(`${prefix}${id}`, JSON.stringify(value)),
    loadFile: (path) => {
      const raw = window.localStorage.getItem(fileKey(path));
      return raw === null ? null : Uint8Array.from(window.atob(raw), (c) => c.charCodeAt(0));
    },
    saveFile: (path, bytes) => {
      let binary = "";
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      try {
        window.localStorage.setItem(fileKey(path), window.btoa(binary));
      } catch {
        // Over the demo's storage quota: the file is simply not kept, as after a failed write.
      }
    },
    removeFile: (path) => window.localStorage.removeItem(fileKey(path)),
    filePaths: () => Object.keys(window.localStorage).filter((key) => key.startsWith(fileKey(""))).map((key) => key.slice(fileKey("").length)),
  };
}

/** The vault adapter's file calls for the config folder, over the store (the notes themselves live in the Vault). */
export class ConfigAdapter implements Pick<DataAdapter, "exists" | "readBinary" | "writeBinary" | "rename" | "remove" | "read" | "append" | "list"> {
  constructor(private readonly store: PluginDataStore) {}

  read(normalizedPath: string): Promise<string> {
    const bytes = this.store.loadFile(normalizedPath);
    if (bytes === null) return Promise.reject(new Error(`ENOENT: ${normalizedPath}`));
    return Promise.resolve(new TextDecoder().decode(bytes));
  }

  /** Like Obsidian's, creates the file when it is missing. */
  append(normalizedPath: string, data: string): Promise<void> {
    const old = this.store.loadFile(normalizedPath) ?? new Uint8Array(0);
    const added = new TextEncoder().encode(data);
    const bytes = new Uint8Array(old.length + added.length);
    bytes.set(old);
    bytes.set(added, old.length);
    this.store.saveFile(normalizedPath, bytes);
    return Promise.resolve();
  }

  /** The files directly in a folder (this store keeps no empty folders). */
  list(normalizedPath: string): Promise<{ files: string[]; folders: string[] }> {
    const prefix = `${normalizedPath}/`;
    const files = this.store.filePaths().filter((path) => path.startsWith(prefix) && !path.slice(prefix.length).includes("/"));
    return Promise.resolve({ files: files.sort(), folders: [] });
  }

  exists(normalizedPath: string): Promise<boolean> {
    return Promise.resolve(this.store.loadFile(normalizedPath) !== null);
  }

  readBinary(normalizedPath: string): Promise<ArrayBuffer> {
    const bytes = this.store.loadFile(normalizedPath);
    if (bytes === null) return Promise.reject(new Error(`ENOENT: ${normalizedPath}`));
    return Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  }

  writeBinary(normalizedPath: string, data: ArrayBuffer): Promise<void> {
    this.store.saveFile(normalizedPath, new Uint8Array(data));
    return Promise.resolve();
  }

  /** Like the Vault's rename, refuses a destination that exists. */
  rename(normalizedPath: string, normalizedNewPath: string): Promise<void> {
    const bytes = this.store.loadFile(normalizedPath);
    if (bytes === null) return Promise.reject(new Error(`ENOENT: ${normalizedPath}`));
    if (normalizedNewPath === normalizedPath) return Promise.resolve();
    if (this.store.loadFile(normalizedNewPath) !== null) return Promise.reject(new Error("Destination file already exists!"));
    this.store.saveFile(normalizedNewPath, bytes);
    this.store.removeFile(normalizedPath);
    return Promise.resolve();
  }

  remove(normalizedPath: string): Promise<void> {
    if (this.store.loadFile(normalizedPath) === null) return Promise.reject(new Error(`ENOENT: ${normalizedPath}`));
    this.store.removeFile(normalizedPath);
    return Promise.resolve();
  }
}

export class App implements Pick<RealApp, "isDarkMode" | "loadLocalStorage" | "saveLocalStorage" | "lastEvent"> {
  readonly vault: Vault;
  readonly metadataCache: MetadataCache;
  readonly fileManager: FileManager;
  readonly workspace: Workspace;
  readonly commands = new CommandRegistry(this);
  readonly setting = new SettingRegistry(this);
  readonly postProcessors: MarkdownPostProcessor[] = [];
  readonly statusBarEl: HTMLElement = createDiv("status-bar");
  readonly ribbonEl: HTMLElement = createDiv("workspace-ribbon side-dock-ribbon mod-left");
  /** The ribbon's action group, where `addRibbonIcon` puts plugin icons. */
  readonly ribbonActionsEl: HTMLElement = this.ribbonEl.createDiv("side-dock-actions");
  lastEvent = null;
  pluginData: PluginDataStore;

  constructor(options: { vaultName?: string; pluginData?: PluginDataStore } = {}) {
    this.vault = new Vault(options.vaultName);
    this.metadataCache = new MetadataCache(this.vault);
    this.fileManager = new FileManager(this.vault);
    this.workspace = new Workspace(this);
    this.pluginData = options.pluginData ?? memoryStore();
    this.vault.adapter = new ConfigAdapter(this.pluginData);
  }

  isDarkMode(): boolean {
    return document.body.classList.contains("theme-dark");
  }

  loadLocalStorage(key: string): unknown {
    const raw = window.localStorage.getItem(`${this.vault.getName()}-${key}`);
    return raw === null ? null : (JSON.parse(raw) as unknown);
  }

  saveLocalStorage(key: string, data: unknown): void {
    const full = `${this.vault.getName()}-${key}`;
    if (data === null || data === undefined) window.localStorage.removeItem(full);
    else window.localStorage.setItem(full, JSON.stringify(data));
  }

  /** Stand-in only: shows a notice the way core features do (for the demo's own messages). */
  notify(message: string): Notice {
    return new Notice(message);
  }
}
