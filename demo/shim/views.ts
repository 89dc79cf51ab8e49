// Views: View, ItemView (header + content like Obsidian's containerEl.children[0]/[1]) and MarkdownView
// with a real CodeMirror 6 editor that writes back into the vault and follows outside changes to its file.
import { Annotation, EditorState, type Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import type { IconName, ItemView as RealItemView, MarkdownView as RealMarkdownView, View as RealView, ViewState, ViewStateResult } from "obsidian";
import { Editor } from "./editor";
import { clearHistory, historyExtension } from "./history";
import { Component } from "./events";
import { setIcon } from "./icons";
import { renderReadingView, type ReadingHost } from "./reading";
import { TFile, type TAbstractFile } from "./vault";
import type { Vault } from "./vault";

/** What a view uses of the app: the vault, the post-processors of the reading view, and the workspace's editor extensions, events and save delay. */
export interface ViewApp extends ReadingHost {
  readonly vault: Vault;
  readonly workspace: {
    readonly baseEditorExtensions: Extension[];
    editorExtensionSlot(): Extension;
    readonly saveDelay: number;
    trigger(name: string, ...data: unknown[]): void;
  };
}

/** What a view uses of its leaf (workspace.ts makes leaves and views; views do not import it back). */
export interface ViewLeaf {
  readonly app: ViewApp;
  updateHeader(): void;
  setViewState(viewState: ViewState): Promise<void>;
}

export abstract class View extends Component implements Pick<RealView, "icon" | "navigation" | "getViewType" | "getDisplayText" | "getIcon" | "onResize" | "getState" | "setState" | "getEphemeralState" | "setEphemeralState"> {
  app: ViewApp;
  icon: IconName = "";
  navigation = false;
  leaf: ViewLeaf;
  containerEl: HTMLElement;
  scope = null;

  constructor(leaf: ViewLeaf) {
    super();
    this.leaf = leaf;
    this.app = leaf.app;
    this.containerEl = createDiv("workspace-leaf-content");
  }

  protected async onOpen(): Promise<void> {}
  protected async onClose(): Promise<void> {}

  /** Stand-in only: what WorkspaceLeaf calls (Obsidian calls the protected hooks from inside). */
  async open(): Promise<void> {
    this.containerEl.setAttribute("data-type", this.getViewType());
    this.load();
    await this.onOpen();
  }

  async close(): Promise<void> {
    await this.onClose();
    this.unload();
    this.containerEl.remove();
  }

  abstract getViewType(): string;
  abstract getDisplayText(): string;

  getIcon(): IconName {
    return this.icon;
  }

  getState(): Record<string, unknown> {
    return {};
  }

  async setState(_state: unknown, _result: ViewStateResult): Promise<void> {}

  getEphemeralState(): Record<string, unknown> {
    return {};
  }

  setEphemeralState(_state: unknown): void {}

  onResize(): void {}
}

export abstract class ItemView extends View implements Pick<RealItemView, "addAction"> {
  contentEl: HTMLElement;
  private readonly actionsEl: HTMLElement;
  private readonly titleEl: HTMLElement;

  constructor(leaf: ViewLeaf) {
    super(leaf);
    const header = this.containerEl.createDiv("view-header");
    const titleContainer = header.createDiv("view-header-title-container");
    this.titleEl = titleContainer.createDiv("view-header-title");
    this.actionsEl = header.createDiv("view-actions");
    this.contentEl = this.containerEl.createDiv("view-content");
  }

  override async open(): Promise<void> {
    this.titleEl.setText(this.getDisplayText());
    await super.open();
  }

  /** Stand-in only: refreshes the header title (Obsidian does this on rename/file open). */
  updateHeader(): void {
    this.titleEl.setText(this.getDisplayText());
    this.leaf.updateHeader();
  }

  addAction(icon: IconName, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const button = this.actionsEl.createEl("a", { cls: "clickable-icon view-action", attr: { "aria-label": title } });
    setIcon(button, icon);
    button.addEventListener("click", callback);
    return button;
  }
}

export class EmptyView extends ItemView {
  getViewType(): string {
    return "empty";
  }
  getDisplayText(): string {
    return "New tab";
  }
}

/** Marks editor changes that came from the vault, so they are not written back. */
const fromVault = Annotation.define<boolean>();

export class MarkdownView extends ItemView implements Pick<RealMarkdownView, "getViewType" | "getMode" | "getViewData" | "clear"> {
  file: TFile | null = null;
  editor: Editor;
  private saveTimer: number | null = null;
  private mode: "source" | "preview" = "source";
  private readonly sourceEl: HTMLElement;
  private readonly readingEl: HTMLElement;
  private readonly modeButton: HTMLElement;

  constructor(leaf: ViewLeaf) {
    super(leaf);
    this.icon = "file-text";
    this.navigation = true;
    this.sourceEl = this.contentEl.createDiv("markdown-source-view mod-cm6 is-live-preview");
    this.readingEl = this.contentEl.createDiv("markdown-reading-view");
    this.readingEl.hide();
    this.modeButton = this.addAction("book-open", "Current view: editing. Click to read.", () => void this.toggleMode());
    const workspace = this.app.workspace;
    const cm = new EditorView({
      parent: this.sourceEl,
      state: EditorState.create({
        doc: "",
        extensions: [
          historyExtension(),
          workspace.baseEditorExtensions,
          workspace.editorExtensionSlot(),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged || update.transactions.some((tr) => tr.annotation(fromVault))) return;
            this.app.workspace.trigger("editor-change", this.editor, this);
            this.requestSave();
          }),
        ],
      }),
    });
    this.editor = new Editor(cm);
  }

  getViewType(): string {
    return "markdown";
  }

  getDisplayText(): string {
    return this.file?.basename ?? "No file";
  }

  getMode(): "source" | "preview" {
    return this.mode;
  }

  /** Switches between the editor and the (reduced) reading view, which runs the post-processors. */
  async toggleMode(): Promise<void> {
    this.mode = this.mode === "source" ? "preview" : "source";
    const reading = this.mode === "preview";
    this.sourceEl.toggle(!reading);
    this.readingEl.toggle(reading);
    setIcon(this.modeButton, reading ? "pencil" : "book-open");
    this.modeButton.setAttribute("aria-label", reading ? "Current view: reading. Click to edit." : "Current view: editing. Click to read.");
    if (reading) await this.renderReading();
  }

  private async renderReading(): Promise<void> {
    if (this.mode !== "preview" || !this.file) return;
    const fresh = createDiv();
    await renderReadingView(this.app, this.file.path, this.editor.getValue(), fresh);
    this.readingEl.empty();
    this.readingEl.appendChild(fresh);
  }

  getViewData(): string {
    return this.editor.getValue();
  }

  setViewData(data: string, _clear: boolean): void {
    this.applyText(data);
  }

  clear(): void {
    this.applyText("");
  }

  override onload(): void {
    const vault = this.app.vault;
    this.registerEvent(vault.on("modify", (file: TAbstractFile) => {
      if (!this.file || file !== this.file) return;
      if (this.saveTimer === null) this.applyText(vault.readNow(this.file.path));
      void this.renderReading();
    }));
    this.registerEvent(vault.on("rename", (file: TAbstractFile) => {
      if (file === this.file) this.updateHeader();
    }));
    this.registerEvent(vault.on("delete", (file: TAbstractFile) => {
      if (file === this.file) void this.leaf.setViewState({ type: "empty" });
    }));
  }

  override onunload(): void {
    this.flushSave();
    this.editor.cm.destroy();
  }

  /** Stand-in only: what leaf.openFile calls. */
  async loadFile(file: TFile): Promise<void> {
    this.flushSave();
    this.file = file;
    this.applyText(await this.app.vault.read(file));
    this.editor.cm.dispatch({ effects: clearHistory.of(null) });
    this.editor.setCursor({ line: 0, ch: 0 });
    this.updateHeader();
    await this.renderReading();
  }

  override getState(): Record<string, unknown> {
    return { file: this.file?.path ?? null, mode: this.mode };
  }

  override setEphemeralState(state: unknown): void {
    const line = (state as { line?: unknown } | null)?.line;
    if (typeof line !== "number") return;
    const target = Math.min(Math.max(line, 0), this.editor.lastLine());
    this.editor.setCursor({ line: target, ch: 0 });
    this.editor.scrollIntoView({ from: { line: target, ch: 0 }, to: { line: target, ch: 0 } }, true);
  }

  /** Obsidian saves a moment after typing stops; the delay is `workspace.saveDelay` (0 in tests). */
  requestSave(): void {
    if (this.saveTimer !== null) window.clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => this.flushSave(), this.app.workspace.saveDelay);
  }

  async save(): Promise<void> {
    this.flushSave();
    return Promise.resolve();
  }

  private flushSave(): void {
    if (this.saveTimer !== null) window.clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const file = this.file;
    if (!file || !this.app.vault.getFileByPath(file.path)) return;
    const text = this.editor.getValue();
    if (text !== this.app.vault.readNow(file.path)) void this.app.vault.modify(file, text);
  }

  /** Replaces only the differing middle so the cursor and scroll stay where they were. */
  private applyText(text: string): void {
    const current = this.editor.cm.state.doc.toString();
    if (current === text) return;
    let start = 0;
    while (start < current.length && start < text.length && current[start] === text[start]) start++;
    let endCurrent = current.length;
    let endText = text.length;
    while (endCurrent > start && endText > start && current[endCurrent - 1] === text[endText - 1]) {
      endCurrent--;
      endText--;
    }
    this.editor.cm.dispatch({
      changes: { from: start, to: endCurrent, insert: text.slice(start, endText) },
      annotations: fromVault.of(true),
    });
  }
}

export function isMarkdownFile(file: TAbstractFile | null): file is TFile {
  return file instanceof TFile && file.extension === "md";
}
