// The Workspace: a main area of markdown tabs and two side docks, each showing one leaf at a time with a row
// of tab icons, as Obsidian's sidebars do. Views come from the creators registered with `registerView`.
import { Compartment, type Extension } from "@codemirror/state";
import type { OpenViewState, PaneType, Side, ViewState, Workspace as RealWorkspace, WorkspaceLeaf as RealWorkspaceLeaf } from "obsidian";
import { Events } from "./events";
import { setIcon } from "./icons";
import { EmptyView, MarkdownView, View, type ViewApp } from "./views";
import { TFile } from "./vault";

/** What the workspace and its leaves use of the app: what their views use, and the workspace itself. */
export interface WorkspaceApp extends ViewApp { readonly workspace: Workspace }

export type ViewCreator = (leaf: WorkspaceLeaf) => View;
type Area = "left" | "right" | "main";

let leafCounter = 0;

// Members whose types mention other leaves or views are left out: those classes are only partly modelled.
type LeafModelled = "isDeferred" | "loadIfDeferred" | "getViewState" | "setViewState" | "getDisplayText" | "getIcon" | "getEphemeralState" |
  "setEphemeralState" | "setPinned" | "togglePinned" | "setGroup" | "detach" | "onResize";

export class WorkspaceLeaf extends Events implements Pick<RealWorkspaceLeaf, LeafModelled> {
  readonly id = `leaf-${++leafCounter}`;
  view: View;
  readonly containerEl: HTMLElement;
  /** Stand-in only: the tab button that shows this leaf. */
  readonly tabEl: HTMLElement;

  constructor(readonly app: WorkspaceApp, readonly area: Area) {
    super();
    this.containerEl = createDiv("workspace-leaf");
    this.tabEl = createDiv("workspace-tab-header clickable-icon");
    this.tabEl.addEventListener("click", () => void app.workspace.revealLeaf(this));
    // As in Obsidian, clicking or focusing into any leaf (sidebars included) makes it the active leaf.
    const activate = (): void => app.workspace.setActiveLeaf(this);
    this.containerEl.addEventListener("mousedown", activate);
    this.containerEl.addEventListener("focusin", activate);
    this.view = new EmptyView(this);
    this.containerEl.appendChild(this.view.containerEl);
  }

  get isDeferred(): boolean {
    return false;
  }

  async loadIfDeferred(): Promise<void> {}

  getViewState(): ViewState {
    return { type: this.view.getViewType(), state: this.view.getState() };
  }

  async setViewState(viewState: ViewState, eState?: unknown): Promise<void> {
    const workspace = this.app.workspace;
    if (viewState.type !== this.view.getViewType()) {
      await this.view.close();
      this.view = workspace.createView(viewState.type, this);
      this.containerEl.appendChild(this.view.containerEl);
      await this.view.open();
    }
    if (viewState.state) await this.view.setState(viewState.state, { history: false });
    if (eState) this.view.setEphemeralState(eState);
    this.updateHeader();
    if (viewState.active) workspace.setActiveLeaf(this);
    workspace.trigger("layout-change");
  }

  async open(view: View): Promise<View> {
    await this.view.close();
    this.view = view;
    this.containerEl.appendChild(view.containerEl);
    await view.open();
    this.updateHeader();
    return view;
  }

  async openFile(file: TFile, openState?: OpenViewState): Promise<void> {
    if (!(this.view instanceof MarkdownView)) await this.setViewState({ type: "markdown" });
    const view = this.view as MarkdownView;
    if (view.file !== file) await view.loadFile(file);
    if (openState?.eState) view.setEphemeralState(openState.eState);
    if (openState?.active !== false) this.app.workspace.setActiveLeaf(this);
    this.app.workspace.trigger("file-open", file);
  }

  getDisplayText(): string {
    return this.view.getDisplayText();
  }

  getIcon(): string {
    return this.view.getIcon();
  }

  getEphemeralState(): unknown {
    return this.view.getEphemeralState();
  }

  setEphemeralState(state: unknown): void {
    this.view.setEphemeralState(state);
  }

  setPinned(_pinned: boolean): void {}
  togglePinned(): void {}
  setGroup(_group: string): void {}
  onResize(): void {
    this.view.onResize();
  }

  detach(): void {
    void this.view.close();
    this.app.workspace.removeLeaf(this);
  }

  /** Stand-in only: redraws the tab button (icon + title). */
  updateHeader(): void {
    this.tabEl.empty();
    this.tabEl.setAttribute("aria-label", this.getDisplayText());
    this.tabEl.setAttribute("data-type", this.view.getViewType());
    if (this.area === "main") this.tabEl.createDiv({ cls: "workspace-tab-header-inner-title", text: this.getDisplayText() });
    else setIcon(this.tabEl.createDiv("workspace-tab-header-inner-icon"), this.getIcon() || "file");
  }
}

/** One area (a side dock or the main tabs): a tab row and the leaves, one shown at a time. */
export class LeafArea {
  readonly containerEl: HTMLElement;
  readonly tabsEl: HTMLElement;
  readonly leavesEl: HTMLElement;
  readonly leaves: WorkspaceLeaf[] = [];
  shown: WorkspaceLeaf | null = null;
  collapsed = false;

  constructor(readonly area: Area) {
    this.containerEl = createDiv(area === "main" ? "workspace-split mod-root" : `workspace-split mod-sidedock mod-${area}-split`);
    this.tabsEl = this.containerEl.createDiv("workspace-tab-header-container");
    this.leavesEl = this.containerEl.createDiv("workspace-tab-container");
  }

  add(leaf: WorkspaceLeaf): void {
    this.leaves.push(leaf);
    this.tabsEl.appendChild(leaf.tabEl);
    this.leavesEl.appendChild(leaf.containerEl);
    leaf.updateHeader();
    if (!this.shown) this.show(leaf);
    else leaf.containerEl.hide();
  }

  remove(leaf: WorkspaceLeaf): void {
    this.leaves.remove(leaf);
    leaf.tabEl.remove();
    leaf.containerEl.remove();
    if (this.shown === leaf) {
      this.shown = null;
      const next = this.leaves.last();
      if (next) this.show(next);
    }
  }

  show(leaf: WorkspaceLeaf): void {
    const before = this.shown;
    this.shown = leaf;
    for (const other of this.leaves) {
      other.containerEl.toggle(other === leaf);
      other.tabEl.toggleClass("is-active", other === leaf);
    }
    if (before === leaf || !before) return;
    // As Obsidian does when it selects a tab: the leaf shown is resized, and the layout has changed.
    leaf.onResize();
    leaf.app.workspace.trigger("layout-change");
  }

  /** Stand-in only: told after the area opens or closes (the demo's phone drawers listen). */
  onCollapseChange: ((collapsed: boolean) => void) | null = null;

  setCollapsed(collapsed: boolean): void {
    const changed = collapsed !== this.collapsed;
    this.collapsed = collapsed;
    this.containerEl.toggleClass("is-collapsed", collapsed);
    if (changed) this.onCollapseChange?.(collapsed);
  }

  /** As Obsidian's side docks (and phone drawers): collapse, expand, toggle. */
  collapse(): void {
    this.setCollapsed(true);
  }

  expand(): void {
    this.setCollapsed(false);
  }

  toggle(): void {
    this.setCollapsed(!this.collapsed);
  }
}

export class Workspace extends Events implements Pick<RealWorkspace, "layoutReady" | "onLayoutReady" | "getActiveFile" | "getLastOpenFiles" | "updateOptions" | "detachLeavesOfType" | "openLinkText" | "on"> {
  readonly containerEl: HTMLElement;
  readonly leftSplit = new LeafArea("left");
  readonly rightSplit = new LeafArea("right");
  readonly rootSplit = new LeafArea("main");
  activeLeaf: WorkspaceLeaf | null = null;
  layoutReady = false;
  /** Stand-in only: editor extensions every editor gets (the demo adds history, keymaps, markdown styling). */
  baseEditorExtensions: Extension[] = [];
  /** Stand-in only: ms between the last keystroke and the write to the vault (Obsidian waits ~2 s). */
  saveDelay = 0;
  private readonly pluginExtensions: Extension[] = [];
  private readonly extensionCompartment = new Compartment();
  private readonly creators = new Map<string, ViewCreator>();
  private readonly layoutReadyCallbacks: (() => unknown)[] = [];
  private lastFile: TFile | null = null;

  constructor(readonly app: WorkspaceApp) {
    super();
    this.containerEl = createDiv("workspace");
    this.containerEl.append(this.leftSplit.containerEl, this.rootSplit.containerEl, this.rightSplit.containerEl);
  }

  get activeEditor(): MarkdownView | null {
    const view = this.activeLeaf?.view;
    return view instanceof MarkdownView ? view : null;
  }

  onLayoutReady(callback: () => unknown): void {
    if (this.layoutReady) window.setTimeout(callback, 0);
    else this.layoutReadyCallbacks.push(callback);
  }

  /** Stand-in only: what Obsidian does once the vault is indexed and the layout restored. */
  setLayoutReady(): void {
    this.layoutReady = true;
    for (const callback of this.layoutReadyCallbacks.splice(0)) callback();
    this.trigger("layout-ready");
  }

  registerViewType(type: string, creator: ViewCreator): void {
    this.creators.set(type, creator);
  }

  unregisterViewType(type: string): void {
    this.creators.delete(type);
  }

  createView(type: string, leaf: WorkspaceLeaf): View {
    if (type === "markdown") return new MarkdownView(leaf);
    const creator = this.creators.get(type);
    return creator ? creator(leaf) : new EmptyView(leaf);
  }

  allLeaves(): WorkspaceLeaf[] {
    return [...this.rootSplit.leaves, ...this.leftSplit.leaves, ...this.rightSplit.leaves];
  }

  iterateAllLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
    this.allLeaves().forEach((leaf) => callback(leaf));
  }

  iterateRootLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
    this.rootSplit.leaves.forEach((leaf) => callback(leaf));
  }

  getLeavesOfType(viewType: string): WorkspaceLeaf[] {
    return this.allLeaves().filter((leaf) => leaf.view.getViewType() === viewType);
  }

  getRightLeaf(_split: boolean): WorkspaceLeaf {
    return this.newLeaf(this.rightSplit);
  }

  getLeftLeaf(_split: boolean): WorkspaceLeaf {
    return this.newLeaf(this.leftSplit);
  }

  getLeaf(newLeaf?: PaneType | boolean): WorkspaceLeaf {
    if (!newLeaf) {
      const current = this.activeLeaf?.area === "main" ? this.activeLeaf : this.rootSplit.shown;
      if (current) return current;
    }
    const leaf = this.newLeaf(this.rootSplit);
    this.rootSplit.show(leaf);
    return leaf;
  }

  getMostRecentLeaf(): WorkspaceLeaf | null {
    return this.rootSplit.shown;
  }

  async ensureSideLeaf(type: string, side: Side, options: { active?: boolean; reveal?: boolean; state?: Record<string, unknown> } = {}): Promise<WorkspaceLeaf> {
    const existing = this.getLeavesOfType(type)[0];
    const leaf = existing ?? (side === "left" ? this.getLeftLeaf(false) : this.getRightLeaf(false));
    if (!existing) await leaf.setViewState({ type, state: options.state, active: options.active });
    if (options.reveal !== false) await this.revealLeaf(leaf);
    return leaf;
  }

  async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
    const area = this.areaOf(leaf);
    area.show(leaf);
    area.setCollapsed(false);
    return Promise.resolve();
  }

  detachLeavesOfType(viewType: string): void {
    for (const leaf of this.getLeavesOfType(viewType)) leaf.detach();
  }

  setActiveLeaf(leaf: WorkspaceLeaf, _params?: { focus?: boolean }): void {
    if (this.activeLeaf === leaf) return;
    this.activeLeaf?.containerEl.removeClass("mod-active");
    this.activeLeaf = leaf;
    leaf.containerEl.addClass("mod-active");
    this.areaOf(leaf).show(leaf);
    if (leaf.view instanceof MarkdownView) this.lastFile = leaf.view.file;
    this.trigger("active-leaf-change", leaf);
  }

  getActiveViewOfType<T extends View>(type: abstract new (...args: never[]) => T): T | null {
    const view = this.activeLeaf?.view;
    return view instanceof type ? view : null;
  }

  getActiveFile(): TFile | null {
    const view = this.activeLeaf?.view;
    if (view instanceof MarkdownView) return view.file;
    return this.lastFile && this.app.vault.getFileByPath(this.lastFile.path) ? this.lastFile : null;
  }

  getLastOpenFiles(): string[] {
    return this.lastFile ? [this.lastFile.path] : [];
  }

  async openLinkText(linktext: string, sourcePath: string, newLeaf?: PaneType | boolean, openViewState?: OpenViewState): Promise<void> {
    const file = this.resolveLink(linktext.split("#")[0], sourcePath);
    if (!file) throw new Error(`No note matches ${linktext}`);
    await this.getLeaf(newLeaf).openFile(file, openViewState);
  }

  /** Collects `registerEditorExtension` extensions; every editor sees them through one compartment. */
  registerEditorExtension(extension: Extension): void {
    this.pluginExtensions.push(extension);
    this.updateOptions();
  }

  unregisterEditorExtension(extension: Extension): void {
    this.pluginExtensions.remove(extension);
    this.updateOptions();
  }

  editorExtensionSlot(): Extension {
    return this.extensionCompartment.of([...this.pluginExtensions]);
  }

  updateOptions(): void {
    const effect = this.extensionCompartment.reconfigure([...this.pluginExtensions]);
    for (const leaf of this.allLeaves()) {
      if (leaf.view instanceof MarkdownView) leaf.view.editor.cm.dispatch({ effects: effect });
    }
  }

  removeLeaf(leaf: WorkspaceLeaf): void {
    this.areaOf(leaf).remove(leaf);
    if (this.activeLeaf === leaf) this.activeLeaf = this.rootSplit.shown;
    this.trigger("layout-change");
  }

  private resolveLink(link: string, sourcePath: string): TFile | null {
    const vault = this.app.vault;
    const direct = vault.getFileByPath(link) ?? vault.getFileByPath(`${link}.md`);
    if (direct) return direct;
    const folder = sourcePath.split("/").slice(0, -1).join("/");
    const relative = folder ? vault.getFileByPath(`${folder}/${link}.md`) : null;
    return relative ?? vault.getMarkdownFiles().find((f) => f.basename === link || f.path.endsWith(`/${link}.md`)) ?? null;
  }

  private newLeaf(area: LeafArea): WorkspaceLeaf {
    const leaf = new WorkspaceLeaf(this.app, area.area);
    area.add(leaf);
    return leaf;
  }

  private areaOf(leaf: WorkspaceLeaf): LeafArea {
    return leaf.area === "left" ? this.leftSplit : leaf.area === "right" ? this.rightSplit : this.rootSplit;
  }
}
