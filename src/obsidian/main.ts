// Brain Queue: wires the core (src/core) into Obsidian. onload only registers things; the behaviour
// lives in the modules it wires. Everything is registered so unloading leaves nothing behind.
import { MarkdownView, Plugin, requireApiVersion, TFile, type WorkspaceLeaf } from "obsidian";
import type { Extension } from "@codemirror/state";
import { localDay } from "../core/base";
import { isVenueDropped, venuesOf, type Venue } from "../core/items";
import type { QueueState } from "../core/items";
import { buildToday, queueOn, SIDEBAR_OVERDUE_LIMIT, type TodayModel } from "../core/planner";
import type { IsoDate, LineEdit } from "../core/base";
import type { VaultIndex } from "../core/index";
import { applyLineEditsToNote, type EditResult } from "./applyEdits";
import { indexCacheStore, removeOldCacheFile } from "./cacheStore";
import { CacheSaver } from "./cacheSaver";
import { CompletionLog } from "./completionLog";
import { registerCommands } from "./commands";
import { deadlineExtension } from "./deadlineExtension";
import type { DeadlineContext } from "./deadlineLine";
import { msUntilMidnight } from "./deadlineLine";
import { showDeadlineNotices } from "./deadlineNotice";
import type { BrainQueueHost } from "./host";
import { t } from "./i18n";
import { Indexer, yieldToUi } from "./indexer";
import { decorateRenderedDeadlines } from "./readingView";
import { openRollPreview } from "./rollActions";
import { readPluginData, type PluginData } from "./settingsStore";
import { BrainQueueSettingTab } from "./settingsTab";
import { setUpStatusBar } from "./statusBar";
import { TodayView, VIEW_TYPE_TODAY } from "./todayView";
import { type TrackKey } from "../core/items";

export default class BrainQueuePlugin extends Plugin implements BrainQueueHost {
  data!: PluginData;
  indexer!: Indexer;
  /** The clock; tests and the demo pin it. */
  clock: () => Date = () => new Date();
  private listeners = new Set<() => void>();
  private settingsVersion = 0;
  private parseKey = "";
  private modelCache = new Map<string, TodayModel>();
  private editorExtensions: Extension[] = [];
  private dayTimer: number | null = null;
  private dayShown = "";
  private venueCache: { custom: string[]; venues: Venue[] } | null = null;
  private cacheSaver!: CacheSaver;
  /** The venue lists the editors were last drawn with (none before the index is built). */
  private venueMarksSeen: { marks: unknown; key: string } = { marks: null, key: "[]" };
  /** The day items were ticked, per device (history-<device>.jsonl in the plugin's folder). */
  completionLog!: CompletionLog;
  private unloaded = false;
  readonly deadlineContext: DeadlineContext = {
    now: () => this.now(),
    settings: () => this.data.settings,
    venues: () => this.venues(),
    isDropped: (venue, year) => isVenueDropped(this.index().venueMarks(), venue, year),
  };

  override async onload(): Promise<void> {
    this.data = readPluginData(await this.loadData().catch(() => null));
    this.parseKey = parseKeyOf(this.data);
    const cacheStore = indexCacheStore(this.app, this.manifest);
    this.indexer = this.addChild(new Indexer(this.app, () => this.data.settings, () => cacheStore.read()));
    this.cacheSaver = new CacheSaver(cacheStore, this.indexer, yieldToUi);
    this.register(this.indexer.onChange(() => this.changed(true)));
    this.register(() => this.clearTimers());

    this.registerView(VIEW_TYPE_TODAY, (leaf) => new TodayView(leaf, this));
    this.addRibbonIcon("list-checks", t("cmd.openToday"), () => void this.activateView());
    registerCommands(this, this);
    this.addSettingTab(new BrainQueueSettingTab(this.app, this, this));
    if (this.data.settings.highlightDeadlines) this.editorExtensions.push(deadlineExtension(this.deadlineContext));
    this.registerEditorExtension(this.editorExtensions);
    this.registerMarkdownPostProcessor((el, ctx) => decorateRenderedDeadlines(el, ctx, this.deadlineContext));
    const updateStatus = setUpStatusBar(this.addStatusBarItem(), this);
    this.register(this.onRefresh(updateStatus));
    updateStatus();
    this.watchDay();
    this.completionLog = new CompletionLog(this.app, this.manifest, () => this.now());
    this.app.workspace.onLayoutReady(() => {
      void removeOldCacheFile(this.app, this.manifest);
      this.indexer.start().then(() => {
        this.dailyNotice();
        return this.recordCompletions();
      }).catch((error: unknown) => console.error("Brain Queue: indexing failed", error));
    });
  }

  /** From the first complete index on, ticks seen by the index are recorded, in whichever index is current. */
  private async recordCompletions(): Promise<void> {
    await this.completionLog.load();
    if (this.unloaded) return;
    const follow = (): void => {
      if (this.isIndexReady()) this.completionLog.watch(this.index());
    };
    follow();
    this.register(this.indexer.onChange(follow));
    this.register(() => this.completionLog.close());
  }

  override onunload(): void {
    this.unloaded = true;
    this.listeners.clear();
    // Writes only when the next start would otherwise be cold (see CacheSaver.unload).
    this.cacheSaver.unload();
  }

  /** Built-in plus custom venues, parsed again only when the custom list changes. */
  private venues(): Venue[] {
    const custom = this.data.settings.customVenues;
    if (this.venueCache?.custom !== custom) this.venueCache = { custom, venues: venuesOf(this.data.settings) };
    return this.venueCache.venues;
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
    const key = `${this.index().version}|${this.settingsVersion}|${day}|${this.today()}`;
    let model = this.modelCache.get(key);
    if (!model) {
      if (this.modelCache.size > 8) this.modelCache.clear();
      model = buildToday(this.index(), day, this.now(), this.data.settings, { overdueLimit: SIDEBAR_OVERDUE_LIMIT });
      this.modelCache.set(key, model);
    }
    return model;
  }

  queueState(): QueueState {
    return queueOn(this.index(), this.today(), this.data.settings);
  }

  onRefresh(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(indexChanged: boolean): void {
    if (indexChanged) {
      this.cacheSaver.schedule();
      this.redrawOnNewVenueMarks();
    }
    for (const listener of [...this.listeners]) listener();
  }

  /**
   * Editors and reading views dim deadlines of dropped venues by the index's venue lists, but draw only
   * on their own changes: one opened before the index was built (or before a list was edited elsewhere)
   * is redrawn when the lists change.
   */
  private redrawOnNewVenueMarks(): void {
    if (!this.indexer.ready) return;
    const marks = this.index().venueMarks();
    if (marks === this.venueMarksSeen.marks) return;
    const key = JSON.stringify(marks);
    const changed = key !== this.venueMarksSeen.key;
    this.venueMarksSeen = { marks, key };
    if (changed) this.refreshRenderedNotes();
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
    this.settingsVersion++;
    const key = parseKeyOf(this.data);
    if (key !== this.parseKey) {
      this.parseKey = key;
      void this.indexer.rebuild(true);
    }
    await this.persist();
    this.refreshRenderedNotes();
    this.changed(false);
  }

  /** Editors rebuild their decorations on reconfiguration; notes in reading view render again. */
  private refreshRenderedNotes(): void {
    const { workspace } = this.app;
    workspace.updateOptions();
    for (const leaf of workspace.getLeavesOfType("markdown")) {
      if (leaf.view instanceof MarkdownView && leaf.view.getMode() === "preview") leaf.view.previewMode.rerender(true);
    }
  }

  setHighlighting(on: boolean): void {
    this.data.settings.highlightDeadlines = on;
    this.editorExtensions.length = 0;
    if (on) this.editorExtensions.push(deadlineExtension(this.deadlineContext));
    void this.saveSettings();
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

  /**
   * At local midnight the views move to the new day and the daily deadline notice runs. A timer for
   * midnight, plus a check every minute, because timers stall while a laptop sleeps.
   */
  private watchDay(): void {
    this.dayShown = this.today();
    const scheduleMidnight = (): void => {
      this.dayTimer = window.setTimeout(() => {
        this.checkDay();
        scheduleMidnight();
      }, msUntilMidnight(this.now()));
    };
    scheduleMidnight();
    this.registerInterval(window.setInterval(() => this.checkDay(), 60_000));
  }

  /** Moves everything to the new day when the local day changed. */
  checkDay(): void {
    if (this.today() === this.dayShown) return;
    this.dayShown = this.today();
    this.refreshRenderedNotes();
    this.changed(false);
    this.dailyNotice();
  }

  private dailyNotice(): void {
    if (this.indexer.ready && showDeadlineNotices(this.data, this.model(this.today()))) void this.persist();
  }

  private clearTimers(): void {
    if (this.dayTimer !== null) window.clearTimeout(this.dayTimer);
    this.dayTimer = null;
  }
}

/** Settings that change how notes are parsed: a change re-indexes the vault. */
function parseKeyOf(data: PluginData): string {
  const s = data.settings;
  return JSON.stringify([s.trackHeadingLevel, s.includePaths, s.excludePaths, s.archiveFolders, s.customVenues]);
}
