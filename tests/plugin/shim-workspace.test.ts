// The stand-in's workspace, editor and plugin plumbing, as the Brain Queue plugin uses them.
import { describe, expect, it } from "vitest";
import { ViewPlugin, Decoration, type DecorationSet, type EditorView } from "@codemirror/view";
import type { App as RealApp, PluginManifest } from "obsidian";
import {
  FuzzySuggestModal, ItemView, MarkdownView, Plugin, Setting, SettingTab, createApp, debounce, flush, loadPlugin, type App,
  type WorkspaceLeaf,
} from "../../demo/shim/obsidian";

class TodayView extends ItemView {
  getViewType(): string { return "test-today"; }
  getDisplayText(): string { return "Today"; }
  protected override async onOpen(): Promise<void> {
    this.contentEl.createDiv({ cls: "test-body", text: "hello" });
    return Promise.resolve();
  }
}

const marker = ViewPlugin.fromClass(class {
  decorations: DecorationSet;
  constructor(view: EditorView) {
    this.decorations = Decoration.set(view.state.doc.lines > 0 ? [Decoration.line({ class: "test-line" }).range(0)] : []);
  }
}, { decorations: (v) => v.decorations });

class TestPlugin extends Plugin {
  saved: unknown = null;
  override async onload(): Promise<void> {
    this.registerView("test-today", (leaf) => new TodayView(leaf));
    this.addCommand({ id: "open", name: "Open today", callback: () => void this.app.workspace.getRightLeaf(false)?.setViewState({ type: "test-today" }) });
    this.addCommand({ id: "never", name: "Hidden", checkCallback: () => false });
    this.addStatusBarItem().setText("Today 0/0");
    this.registerEditorExtension(marker);
    this.addSettingTab(new TestTab(this.app, this));
    this.saved = await this.loadData();
  }
}

class TestTab extends SettingTab {
  constructor(app: Plugin["app"], readonly plugin: Plugin) {
    super(app);
  }

  display(): void {
    new Setting(this.containerEl).setName("Limit").addText((t) => t.setValue("5"));
  }
}

const manifest: PluginManifest = { id: "t", name: "Test", version: "1", minAppVersion: "1.5.7", description: "x.", author: "a" };

describe("workspace and plugin", () => {
  it("registers views, commands, status bar, settings; unload removes them", async () => {
    const app = createApp({ files: { "a.md": "- [ ] x\n" }, pluginData: { t: { limit: 3 } } });
    const plugin = await loadPlugin(app, TestPlugin as unknown as new (a: RealApp, m: PluginManifest) => TestPlugin, manifest);
    expect(plugin.saved).toEqual({ limit: 3 });
    expect(app.commands.listCommands().map((c) => c.id)).toEqual(["t:open"]);
    expect(app.commands.executeCommandById("t:open")).toBe(true);
    await flush();
    const leaf = app.workspace.getLeavesOfType("test-today")[0];
    expect(leaf.view.containerEl.children[1].textContent).toBe("hello");
    expect(leaf.view.containerEl.children[0].className).toBe("view-header");
    expect(document.querySelector(".status-bar-item.plugin-t")?.textContent).toBe("Today 0/0");
    const modal = app.setting.open();
    expect(modal.contentEl.querySelector(".setting-item-name")?.textContent).toBe("Limit");
    modal.close();
    plugin.unload();
    expect(app.workspace.getLeavesOfType("test-today")).toEqual([]);
    expect(app.commands.commands.size).toBe(0);
    expect(document.querySelector(".status-bar-item.plugin-t")).toBeNull();
    app.workspace.containerEl.remove();
  });

  it("a markdown leaf edits through the vault both ways and gets editor extensions", async () => {
    const app = createApp({ files: { "a.md": "- [ ] one\n- [ ] two\n" } });
    const plugin = await loadPlugin(app, TestPlugin as unknown as new (a: RealApp, m: PluginManifest) => TestPlugin, manifest);
    const leaf: WorkspaceLeaf = app.workspace.getLeaf(false);
    const file = app.vault.getFileByPath("a.md")!;
    await leaf.openFile(file, { eState: { line: 1 } });
    const view = app.workspace.getActiveViewOfType(MarkdownView)!;
    expect(view.file).toBe(file);
    expect(view.editor.getCursor()).toEqual({ line: 1, ch: 0 });
    expect(view.editor.cm.contentDOM.querySelector(".cm-line.test-line")).not.toBeNull();
    view.editor.setLine(0, "- [x] one");
    await flush();
    expect(app.vault.readNow("a.md")).toBe("- [x] one\n- [ ] two\n");
    await app.vault.process(file, (t) => t.replace("[ ] two", "[x] two"));
    expect(view.editor.getValue()).toBe("- [x] one\n- [x] two\n");
    expect(view.editor.getCursor()).toEqual({ line: 1, ch: 0 });
    plugin.unload();
    expect(view.editor.cm.contentDOM.querySelector(".test-line")).toBeNull();
    app.workspace.containerEl.remove();
  });
});

class Picker extends FuzzySuggestModal<string> {
  chosen: string | null = null;
  getItems(): string[] { return ["LeetCode 每日一题", "CUDA C 编程权威指南", "深度学习工程师"]; }
  getItemText(item: string): string { return item; }
  onChooseItem(item: string): void { this.chosen = item; }
}

describe("editor, suggesters, helpers", () => {
  it("the Editor API edits the CodeMirror document with 0-based lines", async () => {
    const app = createApp({ files: { "n.md": "a\nbb\nccc\n" }, mount: null });
    const leaf = app.workspace.getLeaf(false);
    await leaf.openFile(app.vault.getFileByPath("n.md")!);
    const editor = (leaf.view as MarkdownView).editor;
    expect([editor.lineCount(), editor.getLine(1), editor.posToOffset({ line: 2, ch: 1 })]).toEqual([4, "bb", 6]);
    editor.transaction({ changes: [{ from: { line: 0, ch: 0 }, to: { line: 0, ch: 1 }, text: "A" }, { from: { line: 2, ch: 3 }, text: "!" }] });
    editor.replaceRange("B", { line: 1, ch: 0 }, { line: 1, ch: 1 });
    expect(editor.getValue()).toBe("A\nBb\nccc!\n");
    expect(editor.offsetToPos(5)).toEqual({ line: 2, ch: 0 });
    await flush();
    expect(app.vault.readNow("n.md")).toBe("A\nBb\nccc!\n");
    editor.undo();
    expect(editor.getValue()).toBe("A\nbb\nccc!\n");
    editor.undo();
    editor.undo();
    expect(editor.getValue()).toBe("a\nbb\nccc\n"); // the loaded text: undo stops at the file's opening
    editor.redo();
    expect(editor.getValue()).toBe("A\nbb\nccc!\n");
  });

  it("a fuzzy suggester filters as you type, moves with the arrow keys and chooses with Enter", async () => {
    const app = createApp({ mount: null });
    const picker = new Picker(app);
    picker.open();
    picker.inputEl.value = "深度";
    picker.inputEl.dispatchEvent(new Event("input"));
    await picker.updateSuggestions();
    expect(Array.from(picker.resultContainerEl.querySelectorAll(".suggestion-item")).map((el) => el.textContent)).toEqual(["深度学习工程师"]);
    picker.inputEl.value = "";
    await picker.updateSuggestions();
    picker.inputEl.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown" }));
    expect(picker.resultContainerEl.querySelector(".is-selected")?.textContent).toBe("CUDA C 编程权威指南");
    picker.inputEl.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
    expect(picker.chosen).toBe("CUDA C 编程权威指南");
    expect(document.querySelector(".modal.prompt")).toBeNull();
  });

  it("clicking into a sidebar leaf makes it active, as in Obsidian", async () => {
    const app: App = createApp({ files: { "a.md": "x" } });
    const main = app.workspace.getLeaf(false);
    await main.openFile(app.vault.getFileByPath("a.md")!);
    const side = app.workspace.getRightLeaf(false);
    expect(app.workspace.getActiveViewOfType(MarkdownView)).toBe(main.view);
    side.containerEl.dispatchEvent(new MouseEvent("mousedown", { bubbles: true }));
    expect(app.workspace.activeLeaf).toBe(side);
    expect(app.workspace.getActiveViewOfType(MarkdownView)).toBeNull();
    expect(app.workspace.getLeaf(false)).toBe(main);
    app.workspace.containerEl.remove();
  });

  it("debounce runs once after the calls stop; cancel drops the pending call", async () => {
    const calls: number[] = [];
    const run = debounce((n: number) => calls.push(n), 5, true);
    run(1);
    run(2);
    await new Promise((resolve) => window.setTimeout(resolve, 20));
    run(3);
    run.cancel();
    await new Promise((resolve) => window.setTimeout(resolve, 20));
    expect(calls).toEqual([2]);
  });
});
