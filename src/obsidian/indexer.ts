// Keeps the core VaultIndex current with the vault: built once the layout is ready (in batches that
// yield to the UI, warm-started from the cached index), then one note at a time from vault, metadata
// cache and editor events. Everything it registers goes away with the component.
import { inScope } from "../core/items";
import { Component, Platform, TFile, type App, type TAbstractFile } from "obsidian";
import { indexInBatches, STEPPED_FROM, type BatchResult } from "../core/index";
import { venuesOf } from "../core/items";
import type { NoteText } from "../core/markdown";
import type { ParsePool } from "../core/storage";
import type { BrainQueueSettings } from "../core/base";
import { VaultIndex, type NoteStat } from "../core/index";
import { startParseWorkers } from "./parseWorkers";

/** Short enough that a tick in the editor reaches the sidebar within a frame or two. */
const DEBOUNCE_MS = 16;
/** Fewer notes to read than this are parsed here: starting a worker would cost more than it saves. */
const WORKERS_FROM_NOTES = 200;
/** Longest stretch of a re-index without a turn for the UI, as in the start-up index. */
const SLICE_MS = 16;

export class Indexer extends Component {
  index!: VaultIndex;
  ready = false;
  /** The index start-up read back from the cache, and its version then (what the cache holds). */
  restored: { index: VaultIndex; version: number } | null = null;
  private listeners = new Set<() => void>();
  private detachIndex: (() => void) | null = null;
  private changedDuringRebuild: Set<string> | null = null;
  private timers = new Map<string, number>();
  /** Per note, the latest re-index running in steps: an older one still running stops at its next turn. */
  private stepped = new Map<string, object>();
  private stopped = false;
  private generation = 0;
  /** Parse workers while a rebuild runs; stopped when it ends or the plugin unloads. */
  private pool: ParsePool | null = null;
  /** What the last rebuild read, and how many of those notes the parse workers parsed (tests read it). */
  lastRebuild: { indexed: number; onWorkers: number } | null = null;

  constructor(
    private readonly app: App, private readonly settings: () => BrainQueueSettings,
    /** The saved index, read once the layout is ready (not during the plugin's load, which Obsidian waits for). */
    private readonly loadCache: () => Promise<Uint8Array | null>,
  ) {
    super();
    this.attach(new VaultIndex(this.options()));
  }

  private options(): { trackHeadingLevel: number; venues: ReturnType<typeof venuesOf> } {
    const settings = this.settings();
    return { trackHeadingLevel: settings.trackHeadingLevel, venues: venuesOf(settings) };
  }

  /**
   * A cached index is good enough to show at once; the batch run then re-checks every note's stat. A
   * cache from another version or a damaged one gives an empty index: the batch run starts cold.
   */
  private async restore(): Promise<void> {
    const restored = VaultIndex.fromCache(await this.loadCache(), this.options());
    if (this.stopped || restored.size === 0) return;
    this.restored = { index: restored, version: restored.version };
    this.attach(restored);
    this.ready = true;
    this.emit();
  }

  override onunload(): void {
    this.stopped = true;
    this.pool?.close();
    this.pool = null;
    this.detachIndex?.();
    this.listeners.clear();
    for (const timer of this.timers.values()) window.clearTimeout(timer);
    this.timers.clear();
  }

  /** Called once the workspace layout is ready: listen, then (re)index everything in scope. */
  async start(): Promise<void> {
    // Before listening: the restored index replaces the empty one, and the rebuild below re-reads
    // whatever changed on disk while the cache was being read.
    await this.restore();
    if (this.stopped) return;
    const { vault, metadataCache, workspace } = this.app;
    this.registerEvent(vault.on("create", (file) => this.schedule(file)));
    this.registerEvent(vault.on("modify", (file) => this.schedule(file)));
    this.registerEvent(vault.on("delete", (file) => this.deleted(file)));
    this.registerEvent(vault.on("rename", (file, oldPath) => this.renamed(file, oldPath)));
    // The metadata cache hands over the text it just parsed: no second read.
    this.registerEvent(metadataCache.on("changed", (file, data) => void this.updateNow(file.path, data, file.stat)));
    // Unsaved editor changes (a box ticked in the note) reach the sidebar before the autosave.
    this.registerEvent(
      workspace.on("editor-change", (editor, info) => {
        const file = info.file;
        // Long notes wait for a pause in typing so each keystroke does not re-parse them.
        const delay = editor.lineCount() > 3000 ? 250 : DEBOUNCE_MS;
        if (file && this.inScope(file.path)) this.debounce(file.path, () => void this.updateNow(file.path, editor.getValue()), delay);
      }),
    );
    await this.rebuild(false);
  }

  /** Re-indexes every note in scope; `cold` discards the index first (settings that change parsing). */
  async rebuild(cold: boolean): Promise<void> {
    const generation = ++this.generation;
    // A cold rebuild fills a fresh index in the background and swaps it in when complete, so the
    // views never show a half-built vault; notes that change meanwhile are re-read after the swap.
    const target = cold ? new VaultIndex(this.options()) : this.index;
    if (cold) this.changedDuringRebuild = new Set();
    const files = this.app.vault.getMarkdownFiles().filter((file) => this.inScope(file.path));
    const paths = files.map((file) => file.path);
    const wanted = new Set(paths);
    target.batch(() => {
      for (const path of [...target.paths()]) if (!wanted.has(path)) target.remove(path);
    });
    const stale = files.reduce((n, file) => (target.isFresh(file.path, file.stat) ? n : n + 1), 0);
    this.pool?.close(); // a rebuild still running is cancelled by the generation below
    const pool = (this.pool = stale >= WORKERS_FROM_NOTES ? startParseWorkers() : null);
    let result: BatchResult;
    try {
      // With workers, notes are read as bytes and decoded there too (much of the cost of reading a note's text).
      // Not on mobile, whose file bridge may well carry bytes slower than text (not measured: kept as it was).
      const asBytes = pool !== null && !Platform.isMobile;
      result = await indexInBatches(paths, (path) => (asBytes ? this.readBytes(path) : this.read(path)), target, {
        yieldToUi,
        stat: (path) => this.statOf(path),
        cancelled: () => this.stopped || generation !== this.generation,
        pool,
      });
    } finally {
      pool?.close();
      if (this.pool === pool) this.pool = null;
    }
    if (generation !== this.generation || this.stopped) return;
    this.lastRebuild = { indexed: result.indexed, onWorkers: result.onWorkers };
    if (cold) {
      const changed = this.changedDuringRebuild ?? new Set<string>();
      this.changedDuringRebuild = null;
      this.attach(target);
      for (const path of changed) void this.refresh(path);
    }
    this.ready = true;
    this.emit();
  }

  /** Resolves once the first build ends (at once when it has); never, if the plugin unloads first. */
  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.onChange(() => {
        if (!this.ready) return;
        off();
        resolve();
      });
    });
  }

  /** Fires after any change to the index, when the index is replaced, and when the first build ends. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  private attach(index: VaultIndex): void {
    this.detachIndex?.();
    this.index = index;
    this.detachIndex = index.onChange(() => this.emit());
    this.emit();
  }

  inScope(path: string): boolean {
    return path.endsWith(".md") && inScope(path, this.settings());
  }

  private statOf(path: string): NoteStat | null {
    const file = this.app.vault.getAbstractFileByPath(path);
    return file instanceof TFile ? { mtime: file.stat.mtime, size: file.stat.size } : null;
  }

  /** The note's text, or null when it vanished or moved while being read. */
  private async read(path: string): Promise<{ text: string; stat: NoteStat } | null> {
    const file = this.app.vault.getAbstractFileByPath(path);
    if (!(file instanceof TFile)) return null;
    const text = await this.app.vault.cachedRead(file);
    if (this.app.vault.getAbstractFileByPath(path) !== file) return null;
    return { text, stat: { mtime: file.stat.mtime, size: file.stat.size } };
  }

  /** The note's bytes from disk (for a parse worker to decode), or null when it vanished or moved meanwhile. */
  private async readBytes(path: string): Promise<{ text: NoteText; stat: NoteStat } | null> {
    const file = this.app.vault.getAbstractFileByPath(path);
    if (!(file instanceof TFile)) return null;
    const bytes = new Uint8Array(await this.app.vault.readBinary(file));
    if (this.app.vault.getAbstractFileByPath(path) !== file) return null;
    return { text: bytes, stat: { mtime: file.stat.mtime, size: file.stat.size } };
  }

  private debounce(path: string, run: () => void, delay = DEBOUNCE_MS): void {
    const previous = this.timers.get(path);
    if (previous !== undefined) window.clearTimeout(previous);
    this.timers.set(path, window.setTimeout(() => {
      this.timers.delete(path);
      if (!this.stopped) run();
    }, delay));
  }

  private schedule(file: TAbstractFile): void {
    if (file instanceof TFile && this.inScope(file.path)) this.debounce(file.path, () => void this.refresh(file.path));
  }

  /** Re-reads one note now (after a refused edit, or from a debounced event). */
  async refresh(path: string, text?: string): Promise<void> {
    if (text !== undefined) {
      await this.updateNow(path, text);
      return;
    }
    const read = await this.read(path).catch(() => null);
    if (this.stopped) return;
    this.changedDuringRebuild?.add(path);
    if (read === null) this.forget(path);
    else await this.reindex(path, read.text, read.stat);
  }

  private updateNow(path: string, text: string, stat?: NoteStat): Promise<void> {
    if (this.stopped || !this.inScope(path)) return Promise.resolve();
    this.changedDuringRebuild?.add(path);
    const pending = this.timers.get(path);
    if (pending !== undefined && stat) {
      window.clearTimeout(pending);
      this.timers.delete(path);
    }
    // An editor's unsaved text has no stat yet; dropping the stat keeps the cache from trusting it.
    return this.reindex(path, text, stat ? { mtime: stat.mtime, size: stat.size } : undefined);
  }

  /**
   * Re-indexes one note: a long one in steps with turns for the UI between them, so a keystroke in a
   * huge note never holds the editor for a whole parse. A newer re-index of the note stops an older
   * one still in steps; anything that changed the note meanwhile keeps its newer state.
   */
  private async reindex(path: string, text: string, stat?: NoteStat): Promise<void> {
    const run = {};
    if (text.length < STEPPED_FROM) {
      this.stepped.delete(path);
      this.index.update(path, text, stat);
      return;
    }
    this.stepped.set(path, run);
    const steps = this.index.updateInSteps(path, text, stat);
    let sliceStart = Date.now();
    for (let step = steps.next(); !step.done; step = steps.next()) {
      // `true`: the next step may be long and gets a slice of its own.
      if (!step.value && Date.now() - sliceStart < SLICE_MS) continue;
      await yieldToUi();
      if (this.stopped || this.stepped.get(path) !== run) {
        steps.return(false);
        return;
      }
      sliceStart = Date.now();
    }
    if (this.stepped.get(path) === run) this.stepped.delete(path);
  }

  private forget(path: string, folder = false): void {
    this.changedDuringRebuild?.add(path);
    const pending = this.timers.get(path);
    if (pending !== undefined) window.clearTimeout(pending);
    this.timers.delete(path);
    if (!folder) {
      this.index.remove(path);
      return;
    }
    // A folder: anything indexed under it goes too (whether or not an event per file follows).
    const prefix = `${path}/`;
    this.index.batch(() => {
      for (const known of this.index.paths().filter((p) => p.startsWith(prefix))) this.index.remove(known);
    });
  }

  private deleted(file: TAbstractFile): void {
    this.forget(file.path, !(file instanceof TFile));
  }

  private renamed(file: TAbstractFile, oldPath: string): void {
    this.changedDuringRebuild?.add(oldPath).add(file.path);
    if (!(file instanceof TFile)) {
      // A folder: its notes moved with it (in scope at the new place, or no longer).
      const prefix = `${oldPath}/`;
      const moved = this.index.paths().filter((p) => p.startsWith(prefix));
      this.index.batch(() => {
        for (const p of moved) {
          const next = file.path + p.slice(oldPath.length);
          if (this.inScope(next)) this.index.rename(p, next);
          else this.index.remove(p);
        }
      });
      return;
    }
    if (this.index.has(oldPath) && this.inScope(file.path)) this.index.rename(oldPath, file.path);
    else if (this.index.has(oldPath)) this.index.remove(oldPath);
    else if (!this.index.has(file.path)) this.schedule(file); // already moved with its folder otherwise
  }
}

/** Gives the UI a turn: idle time when the platform offers it, else the next macrotask. */
export function yieldToUi(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(() => resolve(), { timeout: 50 });
    else window.setTimeout(resolve, 0);
  });
}
