// Brain Queue: wires the core (src/core) into Obsidian. onload only registers things; the behaviour
// lives in the modules it wires. Everything is registered so unloading leaves nothing behind.
import { MarkdownView, Plugin, requireApiVersion, TFile, type WorkspaceLeaf } from "obsidian";
import { localDay } from "../core/base";
import type { QueueState } from "../core/items";
import type { CompletionLookup, TodayModel } from "../core/planner";
import type { IsoDate, LineEdit } from "../core/base";
import type { VaultIndex } from "../core/index";
import { applyLineEditsToNote, type EditResult } from "./applyEdits";
import { indexCacheStore, removeOldCacheFile } from "./cacheStore";
import { CacheSaver } from "./cacheSaver";
import { CompletionLog } from "./completionLog";
import { registerCommands } from "./commands";
import { DeadlineHighlights } from "./deadlineHighlights";
import type { BrainQueueHost } from "./host";
import { t } from "./i18n";
import { Indexer, yieldToUi } from "./indexer";
import { decorateRenderedDeadlines } from "./readingView";
import { openProgressView, ProgressView, VIEW_TYPE_PROGRESS } from "./progressView";
import { openRollPreview } from "./rollActions";
import { readPluginData, type PluginData } from "./settingsStore";
import { BrainQueueSettingTab } from "./settingsTab";
import { setUpStatusBar } from "./statusBar";
import { TodaySource } from "./todaySource";
import { TodayView, VIEW_TYPE_TODAY } from "./todayView";
import { type TrackKey } from "../core/items";

export default class BrainQueuePlugin extends Plugin implements BrainQueueHost {
  data!: PluginData;
  indexer!: Indexer;
  /** The clock; tests and the demo pin it. */
  clock: () => Date = () => new Date();
  /** What the views show (models, queue, the day) and the one source of their changes. */
  todaySource!: TodaySource;
  private parseKey = "";
  private highlights!: DeadlineHighlights;
  private cacheSaver!: CacheSaver;
  /** The day items were ticked, per device (history-<device>.jsonl in the plugin's folder). */
  completionLog!: CompletionLog;
  private unloaded = false;

  override async onload(): Promise<void> {
    this.data = readPluginData(await this.loadData().catch(() => null));
    this.parseKey = parseKeyOf(this.data);
    const cacheStore = indexCacheStore(this.app, this.manifest);
    this.indexer = this.addChild(new Indexer(this.app, () => this.data.settings, () => cacheStore.read()));
    this.cacheSaver = new CacheSaver(cacheStore, this.indexer, yieldToUi);
    this.highlights = new DeadlineHighlights({ app: this.app, data: () => this.data, now: () => this.now(), indexer: this.indexer });
    this.register(this.indexer.onChange(() => {
      this.cacheSaver.schedule();
      this.highlights.indexChanged();
    }));
    this.todaySource = this.addChild(new TodaySource({
      indexer: this.indexer, data: () => this.data, now: () => this.now(),
      onNewDay: () => this.highlights.redraw(), persist: () => this.persist(),
    }));

    this.registerView(VIEW_TYPE_TODAY, (leaf) => new TodayView(leaf, this));
    this.addRibbonIcon("list-checks", t("cmd.openToday"), () => void this.activateView());
    this.registerView(VIEW_TYPE_PROGRESS, (leaf) => new ProgressView(leaf, this));
    this.addCommand({ id: "open-progress", name: t("cmd.openProgress"), callback: () => void this.openProgress() });
    registerCommands(this, this);
    this.addSettingTab(new BrainQueueSettingTab(this.app, this, this));
    this.registerEditorExtension(this.highlights.extensions);
    this.registerMarkdownPostProcessor((el, ctx) => decorateRenderedDeadlines(el, ctx, this.highlights.context));
    const updateStatus = setUpStatusBar(this.addStatusBarItem(), this);
    this.register(this.onRefresh(updateStatus));
    updateStatus();
    this.completionLog = new CompletionLog(this.app, this.manifest, () => this.now());
    this.app.workspace.onLayoutReady(() => {
      void removeOldCacheFile(this.app, this.manifest);
      this.indexer.start().then(() => {
        this.todaySource.dailyNotice();
        return this.recordCompletions();
      }).catch((error: unknown) => console.error("Brain Queue: indexing failed", error));
    });
  }

  /** From the first complete index on, ticks seen by the index are recorded, in whichever index is current. */
  private async recordCompletions(): Promise<void> {
    await this.completionLog.load();
    if (this.unloaded) return;
    this.todaySource.refresh(); // the forecasts now count the recorded days
    const follow = (): void => {
      if (this.isIndexReady()) this.completionLog.watch(this.index());
    };
    follow();
    this.register(this.indexer.onChange(follow));
    this.register(() => this.completionLog.close());
  }

  override onunload(): void {
    this.unloaded = true;
    // Writes only when the next start would otherwise be cold (see CacheSaver.unload).
    this.cacheSaver.unload();
  }

  now(): Date {
    return this.clock();
  }

  today(): IsoDate {
    return localDay(this.now());
  }

  index(): VaultIndex {
    return this.indexer.index;
  }

  isIndexReady(): boolean {
    return this.indexer.ready;
  }

  whenIndexReady(): Promise<void> {
    return this.indexer.whenReady();
  }

  model(day: IsoDate): TodayModel {
    return this.todaySource.model(day);
  }

  queueState(): QueueState {
    return this.todaySource.queueState();
  }

  onRefresh(listener: () => void): () => void {
    return this.todaySource.onRefresh(listener);
  }

  applyEdits(path: string, edits: LineEdit[], quiet = false, keepChanged = false): Promise<EditResult> {
    return applyLineEditsToNote(this.app, path, edits, { quiet, keepChanged, reindex: (p, text) => this.indexer.refresh(p, text) });
  }

  reindex(path: string): Promise<void> {
    return this.indexer.refresh(path);
  }

  async rebuildIndex(): Promise<number> {
    await this.cacheSaver.clear().catch(() => undefined);
    await this.indexer.rebuild(true);
    return this.indexer.lastRebuild?.indexed ?? 0;
  }

  async openAt(path: string, line: number): Promise<void> {
    const file = this.app.vault.getAbstractFileByPath(path);
    if (!(file instanceof TFile)) return;
    const { workspace } = this.app;
    // A tab already showing the note is reused rather than replacing whatever the active tab shows.
    const open = workspace.getLeavesOfType("markdown").find((l) => l.view instanceof MarkdownView && l.view.file?.path === path);
    const leaf = open ?? workspace.getLeaf(false);
    await leaf.openFile(file, { eState: { line: line - 1 } });
    if (open) workspace.setActiveLeaf(open, { focus: true });
    if (leaf.view instanceof MarkdownView) leaf.view.editor.setCursor({ line: line - 1, ch: 0 });
  }

  /** Reveals the one Today leaf, creating it in the right sidebar only when there is none. */
  async activateView(): Promise<void> {
    const { workspace } = this.app;
    let leaf: WorkspaceLeaf | null = workspace.getLeavesOfType(VIEW_TYPE_TODAY)[0] ?? null;
    if (!leaf) {
      leaf = workspace.getRightLeaf(false);
      if (!leaf) return;
      await leaf.setViewState({ type: VIEW_TYPE_TODAY, active: true });
    }
    // revealLeaf (1.7.2+) also uncollapses the sidebar; older apps just activate the leaf.
    if (requireApiVersion("1.7.2")) await workspace.revealLeaf(leaf);
    else workspace.setActiveLeaf(leaf, { focus: true });
  }

  async saveSettings(): Promise<void> {
    const key = parseKeyOf(this.data);
    if (key !== this.parseKey) {
      this.parseKey = key;
      void this.indexer.rebuild(true);
    }
    await this.persist();
    this.highlights.redraw();
    this.todaySource.settingsChanged();
  }

  setHighlighting(on: boolean): void {
    this.data.settings.highlightDeadlines = on;
    this.highlights.setOn(on);
    void this.saveSettings();
  }

  completions(): CompletionLookup {
    return this.completionLog.history;
  }

  openProgress(): Promise<void> {
    return openProgressView(this.app);
  }

  rollPreview(track?: TrackKey): void {
    void openRollPreview(this, track);
  }

  private async persist(): Promise<void> {
    await this.saveData(this.data);
  }

  /** Writes the index to its cache (in slices), unless the cache holds it as it is. */
  saveCache(): Promise<void> {
    return this.cacheSaver.save();
  }
}

/** Settings that change how notes are parsed: a change re-indexes the vault. */
function parseKeyOf(data: PluginData): string {
  const s = data.settings;
  return JSON.stringify([s.trackHeadingLevel, s.includePaths, s.excludePaths, s.archiveFolders, s.customVenues]);
}
