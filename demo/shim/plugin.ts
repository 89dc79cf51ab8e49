// Plugin: every add*/register* call is undone when the plugin unloads, as in Obsidian.
import type { Extension } from "@codemirror/state";
import type {
  Command, IconName, MarkdownPostProcessor, MarkdownPostProcessorContext, Plugin as RealPlugin, PluginManifest,
} from "obsidian";
import { Component } from "./events";
import { setIcon } from "./icons";
import type { PluginSettingTab } from "./settings";
import type { ViewCreator, Workspace } from "./workspace";

/** What a plugin uses of the app (app.ts's App has all of it). */
export interface PluginHost {
  readonly commands: { add(command: Command): void; remove(id: string): void };
  readonly setting: { addTab(tab: PluginSettingTab): void; removeTab(tab: PluginSettingTab): void };
  readonly pluginData: { load(id: string): unknown; save(id: string, data: unknown): void };
  readonly postProcessors: MarkdownPostProcessor[];
  readonly ribbonActionsEl: HTMLElement;
  readonly statusBarEl: HTMLElement;
  readonly workspace: Workspace;
}

type Modelled =
  | "manifest" | "addRibbonIcon" | "addStatusBarItem" | "removeCommand" | "registerExtensions" | "registerEditorExtension"
  | "registerObsidianProtocolHandler" | "loadData" | "saveData" | "onUserEnable";

export abstract class Plugin extends Component implements Pick<RealPlugin, Modelled> {
  app: PluginHost;
  manifest: PluginManifest;
  /** Stand-in only: settles when an async onload has finished. */
  loaded: Promise<void> = Promise.resolve();

  constructor(app: PluginHost, manifest: PluginManifest) {
    super();
    this.app = app;
    this.manifest = manifest;
  }

  override load(): void {
    if (this._loaded) return;
    this._loaded = true;
    const result = this.onload();
    this.loaded = Promise.resolve(result).catch((error: unknown) => console.error(error));
  }

  addRibbonIcon(icon: IconName, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = this.app.ribbonActionsEl.createDiv({ cls: "side-dock-ribbon-action clickable-icon", attr: { "aria-label": title, tabindex: 0, "data-icon": icon } });
    setIcon(el, icon);
    el.addEventListener("click", callback);
    this.register(() => el.remove());
    return el;
  }

  addStatusBarItem(): HTMLElement {
    const el = this.app.statusBarEl.createDiv(`status-bar-item plugin-${this.manifest.id}`);
    this.register(() => el.remove());
    return el;
  }

  addCommand(command: Command): Command {
    const full: Command = { ...command, id: `${this.manifest.id}:${command.id}`, name: `${this.manifest.name}: ${command.name}` };
    this.app.commands.add(full);
    this.register(() => this.app.commands.remove(full.id));
    return full;
  }

  removeCommand(commandId: string): void {
    this.app.commands.remove(`${this.manifest.id}:${commandId}`);
  }

  addSettingTab(settingTab: PluginSettingTab): void {
    this.app.setting.addTab(settingTab);
    this.register(() => this.app.setting.removeTab(settingTab));
  }

  registerView(type: string, viewCreator: ViewCreator): void {
    const workspace = this.app.workspace;
    workspace.registerViewType(type, viewCreator);
    this.register(() => {
      workspace.detachLeavesOfType(type);
      workspace.unregisterViewType(type);
    });
  }

  registerExtensions(_extensions: string[], _viewType: string): void {}

  registerHoverLinkSource(_id: string, _info: unknown): void {}

  registerEditorExtension(extension: Extension): void {
    this.app.workspace.registerEditorExtension(extension);
    this.register(() => this.app.workspace.unregisterEditorExtension(extension));
  }

  registerMarkdownPostProcessor(postProcessor: MarkdownPostProcessor, sortOrder?: number): MarkdownPostProcessor {
    if (sortOrder !== undefined) postProcessor.sortOrder = sortOrder;
    this.app.postProcessors.push(postProcessor);
    this.register(() => this.app.postProcessors.remove(postProcessor));
    return postProcessor;
  }

  registerMarkdownCodeBlockProcessor(
    language: string, handler: (source: string, el: HTMLElement, ctx: MarkdownPostProcessorContext) => Promise<unknown> | void,
  ): MarkdownPostProcessor {
    const processor: MarkdownPostProcessor = (el, ctx) => {
      for (const code of Array.from(el.querySelectorAll<HTMLElement>(`pre > code.language-${language}`))) {
        const host = createDiv(`block-language-${language}`);
        code.parentElement?.replaceWith(host);
        void handler(code.textContent ?? "", host, ctx);
      }
    };
    return this.registerMarkdownPostProcessor(processor);
  }

  registerObsidianProtocolHandler(_action: string, _handler: unknown): void {}

  registerEditorSuggest(_editorSuggest: unknown): void {}

  async loadData(): Promise<unknown> {
    return Promise.resolve(this.app.pluginData.load(this.manifest.id));
  }

  async saveData(data: unknown): Promise<void> {
    this.app.pluginData.save(this.manifest.id, data);
    return Promise.resolve();
  }

  onUserEnable(): void {}
}
