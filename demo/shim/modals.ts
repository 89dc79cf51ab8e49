// Notice, Modal, SuggestModal/FuzzySuggestModal (real input, arrow keys + Enter), Menu and Scope.
import type {
  FuzzyMatch, FuzzySuggestModal as RealFuzzySuggestModal, Instruction, Modal as RealModal, Notice as RealNotice,
  SearchResult, SuggestModal as RealSuggestModal,
} from "obsidian";
import { Component } from "./events";
import { setIcon } from "./icons";

function noticeContainer(): HTMLElement {
  return document.body.querySelector<HTMLElement>(".notice-container") ?? document.body.createDiv("notice-container");
}

export class Notice implements Pick<RealNotice, "containerEl" | "messageEl" | "setMessage" | "hide"> {
  containerEl: HTMLElement;
  messageEl: HTMLElement;
  private readonly rootEl: HTMLElement;

  /** Deprecated in the API but still there. */
  get noticeEl(): HTMLElement {
    return this.rootEl;
  }

  constructor(message: string | DocumentFragment, duration?: number) {
    this.containerEl = noticeContainer();
    this.rootEl = this.containerEl.createDiv("notice");
    this.messageEl = this.rootEl.createDiv("notice-message");
    this.setMessage(message);
    this.rootEl.addEventListener("click", () => this.hide());
    const timeout = duration ?? 5000;
    if (timeout > 0) window.setTimeout(() => this.hide(), timeout);
  }

  setMessage(message: string | DocumentFragment): this {
    this.messageEl.setText(message);
    return this;
  }

  hide(): void {
    this.rootEl.remove();
  }
}

export class Scope {
  private handlers: { modifiers: string[] | null; key: string | null; func: (evt: KeyboardEvent) => unknown }[] = [];

  constructor(readonly parent?: Scope) {}

  register(modifiers: string[] | null, key: string | null, func: (evt: KeyboardEvent) => unknown): object {
    const handler = { modifiers, key, func };
    this.handlers.push(handler);
    return handler;
  }

  unregister(handler: object): void {
    this.handlers = this.handlers.filter((h) => h !== handler);
  }

  /** Stand-in only: returns false when a handler consumed the key. */
  handle(evt: KeyboardEvent): boolean {
    for (const handler of this.handlers) {
      if (handler.key !== null && handler.key !== evt.key) continue;
      if (handler.func(evt) === false) return false;
    }
    return true;
  }
}

export class Modal implements Pick<RealModal, "containerEl" | "modalEl" | "titleEl" | "contentEl" | "shouldRestoreSelection" | "open" | "close" | "onOpen" | "onClose"> {
  /** The app, kept for the plugin's code: the stand-in's modal reads nothing of it. */
  app: object;
  scope = new Scope();
  containerEl: HTMLElement;
  modalEl: HTMLElement;
  titleEl: HTMLElement;
  contentEl: HTMLElement;
  shouldRestoreSelection = true;
  private closeCallback: (() => unknown) | null = null;
  private isOpen = false;
  private readonly onKey = (evt: KeyboardEvent): void => {
    if (evt.key === "Escape") {
      evt.preventDefault();
      this.close();
    } else if (!this.scope.handle(evt)) evt.preventDefault();
  };

  constructor(app: object) {
    this.app = app;
    this.containerEl = createDiv("modal-container mod-dim");
    this.containerEl.createDiv("modal-bg").addEventListener("click", () => this.close());
    this.modalEl = this.containerEl.createDiv("modal");
    const close = this.modalEl.createDiv({ cls: "modal-close-button", attr: { "aria-label": "Close" } });
    setIcon(close, "x");
    close.addEventListener("click", () => this.close());
    this.titleEl = this.modalEl.createDiv("modal-title");
    this.contentEl = this.modalEl.createDiv("modal-content");
  }

  open(): void {
    if (this.isOpen) return;
    this.isOpen = true;
    document.body.appendChild(this.containerEl);
    document.addEventListener("keydown", this.onKey, true);
    void this.onOpen();
  }

  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    document.removeEventListener("keydown", this.onKey, true);
    this.containerEl.remove();
    this.onClose();
    this.closeCallback?.();
  }

  onOpen(): Promise<void> | void {}
  onClose(): void {}

  setTitle(title: string): this {
    this.titleEl.setText(title);
    return this;
  }

  setContent(content: string | DocumentFragment): this {
    this.contentEl.setText(content);
    return this;
  }

  setCloseCallback(callback: () => unknown): this {
    this.closeCallback = callback;
    return this;
  }
}

export abstract class SuggestModal<T> extends Modal implements Pick<RealSuggestModal<T>, "limit" | "emptyStateText" | "inputEl" | "resultContainerEl" | "setPlaceholder" | "setInstructions" | "onNoSuggestion" | "selectSuggestion" | "selectActiveSuggestion"> {
  limit = 100;
  emptyStateText = "No results found.";
  inputEl: HTMLInputElement;
  resultContainerEl: HTMLElement;
  private instructionsEl: HTMLElement;
  private values: T[] = [];
  private selected = 0;
  private requestId = 0;

  constructor(app: object) {
    super(app);
    this.modalEl.addClass("prompt");
    this.modalEl.empty();
    const inputContainer = this.modalEl.createDiv("prompt-input-container");
    this.inputEl = inputContainer.createEl("input", { cls: "prompt-input", type: "text", attr: { enterkeyhint: "done" } });
    // Phones have no Escape key: the phone layout shows this button beside the input.
    inputContainer.createEl("button", { cls: "prompt-cancel-button", text: "Cancel" }).addEventListener("click", () => this.close());
    this.resultContainerEl = this.modalEl.createDiv("prompt-results");
    this.instructionsEl = this.modalEl.createDiv("prompt-instructions");
    this.inputEl.addEventListener("input", () => void this.updateSuggestions());
    this.inputEl.addEventListener("keydown", (evt) => this.onInputKey(evt));
  }

  setPlaceholder(placeholder: string): void {
    this.inputEl.placeholder = placeholder;
  }

  setInstructions(instructions: Instruction[]): void {
    this.instructionsEl.empty();
    for (const { command, purpose } of instructions) {
      const el = this.instructionsEl.createDiv("prompt-instruction");
      el.createSpan({ cls: "prompt-instruction-command", text: command });
      el.createSpan({ text: purpose });
    }
  }

  override open(): void {
    super.open();
    this.inputEl.focus();
    void this.updateSuggestions();
  }

  onNoSuggestion(): void {
    this.resultContainerEl.empty();
    this.resultContainerEl.createDiv({ cls: "suggestion-empty", text: this.emptyStateText });
  }

  selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
    this.close();
    this.onChooseSuggestion(value, evt);
  }

  selectActiveSuggestion(evt: MouseEvent | KeyboardEvent): void {
    const value = this.values[this.selected];
    if (value !== undefined) this.selectSuggestion(value, evt);
  }

  abstract getSuggestions(query: string): T[] | Promise<T[]>;
  abstract renderSuggestion(value: T, el: HTMLElement): void;
  abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;

  /** Stand-in only: resolves once the list shows the current query's suggestions. */
  async updateSuggestions(): Promise<void> {
    const id = ++this.requestId;
    const values = await this.getSuggestions(this.inputEl.value);
    if (id !== this.requestId) return;
    this.values = values.slice(0, this.limit);
    this.selected = 0;
    if (this.values.length === 0) {
      this.onNoSuggestion();
      return;
    }
    this.resultContainerEl.empty();
    this.values.forEach((value, index) => {
      const el = this.resultContainerEl.createDiv("suggestion-item mod-complex");
      this.renderSuggestion(value, el);
      el.addEventListener("mousemove", () => this.select(index));
      el.addEventListener("click", (evt) => this.selectSuggestion(value, evt));
    });
    this.select(0);
  }

  private select(index: number): void {
    this.selected = index;
    Array.from(this.resultContainerEl.children).forEach((el, i) => el.toggleClass("is-selected", i === index));
    this.resultContainerEl.children[index]?.scrollIntoView?.({ block: "nearest" });
  }

  private onInputKey(evt: KeyboardEvent): void {
    const count = this.values.length;
    if (evt.key === "ArrowDown" && count > 0) this.select((this.selected + 1) % count);
    else if (evt.key === "ArrowUp" && count > 0) this.select((this.selected - 1 + count) % count);
    else if (evt.key === "Enter") this.selectActiveSuggestion(evt);
    else return;
    evt.preventDefault();
  }
}

/** Obsidian's fuzzy matcher: every query character in order; tighter and earlier matches score higher. */
export function prepareFuzzySearch(query: string): (text: string) => SearchResult | null {
  const needle = query.toLowerCase().replace(/\s+/g, "");
  return (text: string) => {
    if (needle === "") return { score: 0, matches: [] };
    const haystack = text.toLowerCase();
    const matches: [number, number][] = [];
    let from = 0;
    let score = 0;
    for (const ch of needle) {
      const at = haystack.indexOf(ch, from);
      if (at < 0) return null;
      const last = matches.last();
      if (last && last[1] === at) last[1] = at + 1;
      else matches.push([at, at + 1]);
      score -= at - from;
      from = at + 1;
    }
    return { score: score - matches.length, matches };
  };
}

export function prepareSimpleSearch(query: string): (text: string) => SearchResult | null {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return (text: string) => {
    const haystack = text.toLowerCase();
    const matches: [number, number][] = [];
    for (const word of words) {
      const at = haystack.indexOf(word);
      if (at < 0) return null;
      matches.push([at, at + word.length]);
    }
    return { score: -matches.length, matches };
  };
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<FuzzyMatch<T>> implements Pick<RealFuzzySuggestModal<T>, "getSuggestions" | "renderSuggestion" | "onChooseSuggestion"> {
  getSuggestions(query: string): FuzzyMatch<T>[] {
    const search = prepareFuzzySearch(query);
    const results: FuzzyMatch<T>[] = [];
    for (const item of this.getItems()) {
      const match = search(this.getItemText(item));
      if (match) results.push({ item, match });
    }
    return query.trim() === "" ? results : results.sort((a, b) => b.match.score - a.match.score);
  }

  renderSuggestion(result: FuzzyMatch<T>, el: HTMLElement): void {
    const text = this.getItemText(result.item);
    let at = 0;
    for (const [from, to] of result.match.matches) {
      el.appendText(text.slice(at, from));
      el.createSpan({ cls: "suggestion-highlight", text: text.slice(from, to) });
      at = to;
    }
    el.appendText(text.slice(at));
  }

  onChooseSuggestion(result: FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
    this.onChooseItem(result.item, evt);
  }

  abstract getItems(): T[];
  abstract getItemText(item: T): string;
  abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;
}

export class MenuItem {
  readonly dom: HTMLElement;
  private callback: ((evt: MouseEvent | KeyboardEvent) => unknown) | null = null;

  constructor(parent: HTMLElement, onClose: () => void) {
    this.dom = parent.createDiv("menu-item");
    this.dom.addEventListener("click", (evt) => {
      onClose();
      this.callback?.(evt);
    });
  }

  setTitle(title: string | DocumentFragment): this {
    (this.dom.querySelector<HTMLElement>(".menu-item-title") ?? this.dom.createDiv("menu-item-title")).setText(title);
    return this;
  }

  setIcon(icon: string | null): this {
    const iconEl = this.dom.querySelector<HTMLElement>(".menu-item-icon") ?? this.dom.createDiv({ cls: "menu-item-icon", prepend: true });
    if (icon) setIcon(iconEl, icon);
    return this;
  }

  setChecked(checked: boolean | null): this {
    this.dom.toggleClass("mod-checked", checked === true);
    return this;
  }

  setDisabled(disabled: boolean): this {
    this.dom.toggleClass("is-disabled", disabled);
    return this;
  }

  setWarning(isWarning: boolean): this {
    this.dom.toggleClass("mod-warning", isWarning);
    return this;
  }

  setIsLabel(isLabel: boolean): this {
    this.dom.toggleClass("is-label", isLabel);
    return this;
  }

  setSection(_section: string): this {
    return this;
  }

  onClick(callback: (evt: MouseEvent | KeyboardEvent) => unknown): this {
    this.callback = callback;
    return this;
  }
}

export class Menu extends Component {
  readonly dom: HTMLElement = createDiv("menu");
  private hideCallbacks: (() => unknown)[] = [];

  setNoIcon(): this {
    return this;
  }

  setUseNativeMenu(_useNativeMenu: boolean): this {
    return this;
  }

  addItem(cb: (item: MenuItem) => unknown): this {
    cb(new MenuItem(this.dom, () => this.hide()));
    return this;
  }

  addSeparator(): this {
    this.dom.createDiv("menu-separator");
    return this;
  }

  showAtMouseEvent(evt: MouseEvent): this {
    return this.showAtPosition({ x: evt.clientX, y: evt.clientY });
  }

  showAtPosition(position: { x: number; y: number }): this {
    this.dom.setCssStyles({ left: `${position.x}px`, top: `${position.y}px` });
    document.body.appendChild(this.dom);
    // Pointer events, so a tap outside closes it as a click does.
    const dismiss = (evt: PointerEvent): void => {
      if (!this.dom.contains(evt.target as Node)) this.hide();
    };
    window.setTimeout(() => document.addEventListener("pointerdown", dismiss), 0);
    this.register(() => document.removeEventListener("pointerdown", dismiss));
    this.load();
    return this;
  }

  hide(): this {
    this.dom.remove();
    this.unload();
    for (const callback of this.hideCallbacks.splice(0)) callback();
    return this;
  }

  close(): void {
    this.hide();
  }

  onHide(callback: () => unknown): void {
    this.hideCallbacks.push(callback);
  }

  static forEvent(_evt: MouseEvent): Menu {
    return new Menu();
  }
}
