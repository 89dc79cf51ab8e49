// The demo's own workspace chrome: the file explorer (a left-dock view, as in Obsidian), the command palette
// and the ribbon buttons for settings and the theme.
import { FuzzySuggestModal, ItemView, setIcon, type App, type WorkspaceLeaf } from "./shim/obsidian";
import type { Command } from "obsidian";

export const FILE_EXPLORER = "file-explorer";

export class FileExplorerView extends ItemView {
  override icon = "folder";

  /** The demo's app, whole: a view sees only what the stand-in's views need of it. */
  constructor(leaf: WorkspaceLeaf, private readonly demo: App) {
    super(leaf);
  }

  getViewType(): string {
    return FILE_EXPLORER;
  }

  getDisplayText(): string {
    return "Files";
  }

  protected override async onOpen(): Promise<void> {
    const { vault, workspace } = this.demo;
    const redraw = (): void => this.render();
    this.registerEvent(vault.on("create", redraw));
    this.registerEvent(vault.on("delete", redraw));
    this.registerEvent(vault.on("rename", redraw));
    this.registerEvent(workspace.on("file-open", redraw));
    this.render();
    return Promise.resolve();
  }

  private render(): void {
    const active = this.demo.workspace.getActiveFile();
    this.contentEl.empty();
    this.contentEl.createDiv({ cls: "nav-header" }).createDiv({ cls: "nav-folder-title", text: this.demo.vault.getName() });
    const list = this.contentEl.createDiv("nav-files-container");
    const files = this.demo.vault.getMarkdownFiles().sort((a, b) => a.path.localeCompare(b.path));
    for (const file of files) {
      const item = list.createDiv("tree-item nav-file");
      const title = item.createDiv({
        cls: "tree-item-self nav-file-title is-clickable", attr: { "data-path": file.path, tabindex: 0, role: "treeitem" },
      });
      title.toggleClass("is-active", file === active);
      title.createDiv({ cls: "tree-item-inner nav-file-title-content", text: file.basename });
      const open = (): void => void this.demo.workspace.getLeaf(false).openFile(file);
      title.addEventListener("click", open);
      title.addEventListener("keydown", (evt) => {
        if (evt.key === "Enter") open();
      });
    }
  }
}

class CommandPalette extends FuzzySuggestModal<Command> {
  constructor(private readonly demo: App) {
    super(demo);
    this.setPlaceholder("Select a command...");
    this.setInstructions([
      { command: "↑↓", purpose: "to navigate" },
      { command: "↵", purpose: "to use" },
      { command: "esc", purpose: "to dismiss" },
    ]);
    this.modalEl.addClass("mod-command-palette");
  }

  getItems(): Command[] {
    return this.demo.commands.listCommands().sort((a, b) => a.name.localeCompare(b.name));
  }

  getItemText(command: Command): string {
    return command.name;
  }

  onChooseItem(command: Command): void {
    this.demo.commands.executeCommandById(command.id);
  }
}

export function openCommandPalette(app: App): void {
  new CommandPalette(app).open();
}

export function setTheme(dark: boolean): void {
  document.body.toggleClass("theme-dark", dark);
  document.body.toggleClass("theme-light", !dark);
  app?.workspace.trigger("css-change");
}

let app: App | null = null;

/** Ribbon buttons and global keys: Ctrl/Cmd+P palette, Ctrl/Cmd+, settings. */
export function installChrome(theApp: App): void {
  app = theApp;
  const top = theApp.ribbonActionsEl;
  const button = (parent: HTMLElement, icon: string, label: string, run: () => void): void => {
    const el = parent.createDiv({ cls: "side-dock-ribbon-action clickable-icon", attr: { "aria-label": label, tabindex: 0, "data-demo": icon, "data-icon": icon } });
    setIcon(el, icon);
    el.addEventListener("click", run);
  };
  button(top, "terminal-square", "Open command palette", () => openCommandPalette(theApp));
  const bottom = theApp.ribbonEl.createDiv("side-dock-settings");
  button(bottom, "moon", "Toggle dark theme", () => setTheme(!document.body.hasClass("theme-dark")));
  button(bottom, "settings", "Settings", () => void theApp.setting.open());
  document.addEventListener("keydown", (evt) => {
    if (!(evt.ctrlKey || evt.metaKey) || evt.altKey) return;
    if (evt.key.toLowerCase() === "p") {
      evt.preventDefault();
      openCommandPalette(theApp);
    } else if (evt.key === ",") {
      evt.preventDefault();
      theApp.setting.open();
    }
  });
}
