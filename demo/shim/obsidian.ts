// A stand-in for the Obsidian API, used by the demo workspace (bundled for the browser) and by the plugin
// tests (vitest aliases `obsidian` here). Typed against the official obsidian.d.ts: each class
// `implements Pick<Real…, …>` for the members it models, so API drift fails `tsc`.
//
// Left out: the file system and adapters (the vault is an in-memory map), multiple windows and splits
// (one main tab area plus two side docks, one leaf shown per dock), live preview rendering and the full
// markdown renderer (the editor is plain CodeMirror 6; reading view renders headings, paragraphs and
// lists only), link resolution beyond paths and basenames, frontmatter/tags/links in the metadata cache,
// hotkeys, moment, requestUrl, Bases, the mobile drawer, hover popovers, the CLI handlers.
import { installDomHelpers } from "./dom";

if (typeof window !== "undefined") installDomHelpers(window);

export { Events, Component, type EventRef } from "./events";
export { TAbstractFile, TFile, TFolder, Vault, FileManager, MetadataCache, normalizePath } from "./vault";
export { Editor } from "./editor";
export { View, ItemView, MarkdownView } from "./views";
export { Workspace, WorkspaceLeaf } from "./workspace";
export { Notice, Modal, SuggestModal, FuzzySuggestModal, Menu, MenuItem, Scope, prepareFuzzySearch, prepareSimpleSearch } from "./modals";
export {
  Setting, SettingTab, PluginSettingTab, BaseComponent, ValueComponent, TextComponent, TextAreaComponent, ToggleComponent,
  DropdownComponent, SliderComponent, ButtonComponent, ExtraButtonComponent,
} from "./settings";
export { Plugin } from "./plugin";
export { App } from "./app";
export { setIcon, getIcon, addIcon, getIconIds } from "./icons";
export { getLanguage, debounce, Platform, apiVersion, requireApiVersion, MarkdownRenderChild, Keymap, stripHeading } from "./misc";
export { renderReadingView } from "./reading";
export { createApp, asReal, loadPlugin, flush, TEST_MANIFEST } from "./testing";
