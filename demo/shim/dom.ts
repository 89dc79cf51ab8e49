// Obsidian's global DOM helpers (createEl, empty, addClass, …), which Obsidian installs on the DOM prototypes
// and the global scope at start-up. Plugins call them everywhere, so the stand-in installs them the same way.

type Attrs = Record<string, string | number | boolean | null>;

function applyInfo(el: HTMLElement, o: DomElementInfo | string | undefined): void {
  if (o === undefined) return;
  const info: DomElementInfo = typeof o === "string" ? { cls: o } : o;
  // Obsidian assigns className, so an entry may itself hold several space-separated classes.
  if (info.cls !== undefined) el.className = Array.isArray(info.cls) ? info.cls.join(" ") : info.cls;
  if (info.text !== undefined) setElementText(el, info.text);
  if (info.attr) setAttributes(el, info.attr);
  if (info.title !== undefined) el.title = info.title;
  if (info.value !== undefined && "value" in el) (el as HTMLInputElement).value = info.value;
  if (info.type !== undefined) el.setAttribute("type", info.type);
  if (info.placeholder !== undefined) el.setAttribute("placeholder", info.placeholder);
  if (info.href !== undefined) el.setAttribute("href", info.href);
}

function setAttributes(el: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === false) el.removeAttribute(name);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
}

function setElementText(el: Element, text: string | DocumentFragment): void {
  if (typeof text === "string") el.textContent = text;
  else {
    el.textContent = "";
    el.appendChild(text);
  }
}

function place(parent: Node | undefined, el: Node, prepend: boolean | undefined): void {
  if (!parent) return;
  if (prepend) parent.insertBefore(el, parent.firstChild);
  else parent.appendChild(el);
}

function makeEl<K extends keyof HTMLElementTagNameMap>(
  doc: Document, tag: K, o?: DomElementInfo | string, callback?: (el: HTMLElementTagNameMap[K]) => void, parent?: Node,
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  applyInfo(el, o);
  const info = typeof o === "object" ? o : undefined;
  place(parent ?? info?.parent, el, info?.prepend);
  callback?.(el);
  return el;
}

function makeSvg<K extends keyof SVGElementTagNameMap>(
  doc: Document, tag: K, o?: SvgElementInfo | string, callback?: (el: SVGElementTagNameMap[K]) => void, parent?: Node,
): SVGElementTagNameMap[K] {
  const el = doc.createElementNS("http://www.w3.org/2000/svg", tag);
  const info: SvgElementInfo = typeof o === "string" ? { cls: o } : (o ?? {});
  if (info.cls !== undefined) el.setAttribute("class", Array.isArray(info.cls) ? info.cls.join(" ") : info.cls);
  if (info.attr) setAttributes(el, info.attr);
  place(parent ?? info.parent, el, info.prepend);
  callback?.(el);
  return el;
}

function matchParent(start: Element, selector: string, lastParent?: Element): Element | null {
  for (let el: Element | null = start; el && el !== lastParent; el = el.parentElement) if (el.matches(selector)) return el;
  return null;
}

function define(target: object, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, configurable: true, writable: true, enumerable: false });
}

/** Installs the helpers once per window (the demo page, or happy-dom in the plugin tests). */
export function installDomHelpers(win: Window & typeof globalThis = window): void {
  const flag = "__bqShimDom";
  if ((win as unknown as Record<string, unknown>)[flag]) return;
  define(win, flag, true);
  const nodeProto = win.Node.prototype;
  const elProto = win.Element.prototype;
  const htmlProto = win.HTMLElement.prototype;
  const docOf = (node: Node): Document => node.ownerDocument ?? (node as Document);

  define(nodeProto, "createEl", function (this: Node, tag: keyof HTMLElementTagNameMap, o?: DomElementInfo | string, cb?: (el: HTMLElement) => void) {
    return makeEl(docOf(this), tag, o, cb, typeof o === "object" && o.parent ? o.parent : this);
  });
  define(nodeProto, "createDiv", function (this: Node, o?: DomElementInfo | string, cb?: (el: HTMLDivElement) => void) {
    return makeEl(docOf(this), "div", o, cb, typeof o === "object" && o.parent ? o.parent : this);
  });
  define(nodeProto, "createSpan", function (this: Node, o?: DomElementInfo | string, cb?: (el: HTMLSpanElement) => void) {
    return makeEl(docOf(this), "span", o, cb, typeof o === "object" && o.parent ? o.parent : this);
  });
  define(nodeProto, "createSvg", function (this: Node, tag: keyof SVGElementTagNameMap, o?: SvgElementInfo | string, cb?: (el: SVGElement) => void) {
    return makeSvg(docOf(this), tag, o, cb, typeof o === "object" && o.parent ? o.parent : this);
  });
  define(nodeProto, "detach", function (this: Node) { this.parentNode?.removeChild(this); });
  define(nodeProto, "empty", function (this: Node) { while (this.firstChild) this.removeChild(this.firstChild); });
  define(nodeProto, "appendText", function (this: Node, val: string) { this.appendChild(docOf(this).createTextNode(val)); });
  define(nodeProto, "insertAfter", function <T extends Node>(this: Node, node: T, child: Node | null): T {
    return this.insertBefore(node, child ? child.nextSibling : this.firstChild);
  });
  define(nodeProto, "indexOf", function (this: Node, other: Node) { return Array.prototype.indexOf.call(this.childNodes, other); });
  define(nodeProto, "setChildrenInPlace", function (this: Node, children: Node[]) {
    while (this.firstChild) this.removeChild(this.firstChild);
    for (const child of children) this.appendChild(child);
  });
  define(nodeProto, "instanceOf", function (this: Node, type: new () => unknown) { return this instanceof type; });
  Object.defineProperty(nodeProto, "doc", { configurable: true, get(this: Node) { return docOf(this); } });
  Object.defineProperty(nodeProto, "win", { configurable: true, get(this: Node) { return docOf(this).defaultView ?? win; } });

  define(elProto, "getText", function (this: Element) { return this.textContent ?? ""; });
  define(elProto, "setText", function (this: Element, val: string | DocumentFragment) { setElementText(this, val); });
  define(elProto, "addClass", function (this: Element, ...classes: string[]) { this.classList.add(...classes.filter(Boolean)); });
  define(elProto, "addClasses", function (this: Element, classes: string[]) { this.classList.add(...classes.filter(Boolean)); });
  define(elProto, "removeClass", function (this: Element, ...classes: string[]) { this.classList.remove(...classes); });
  define(elProto, "removeClasses", function (this: Element, classes: string[]) { this.classList.remove(...classes); });
  define(elProto, "toggleClass", function (this: Element, classes: string | string[], value: boolean) {
    for (const cls of Array.isArray(classes) ? classes : [classes]) this.classList.toggle(cls, value);
  });
  define(elProto, "hasClass", function (this: Element, cls: string) { return this.classList.contains(cls); });
  define(elProto, "setAttr", function (this: Element, name: string, value: string | number | boolean | null) { setAttributes(this, { [name]: value }); });
  define(elProto, "setAttrs", function (this: Element, obj: Attrs) { setAttributes(this, obj); });
  define(elProto, "getAttr", function (this: Element, name: string) { return this.getAttribute(name); });
  define(elProto, "matchParent", function (this: Element, selector: string, lastParent?: Element) {
    return matchParent(this, selector, lastParent);
  });
  define(elProto, "find", function (this: Element, selector: string) { return this.querySelector(selector); });
  define(elProto, "findAll", function (this: Element, selector: string) { return Array.from(this.querySelectorAll(selector)); });
  define(elProto, "isActiveElement", function (this: Element) { return docOf(this).activeElement === this; });

  define(htmlProto, "show", function (this: HTMLElement) { this.style.removeProperty("display"); });
  define(htmlProto, "hide", function (this: HTMLElement) { this.style.display = "none"; });
  define(htmlProto, "toggle", function (this: HTMLElement, show: boolean) { if (show) this.style.removeProperty("display"); else this.style.display = "none"; });
  define(htmlProto, "toggleVisibility", function (this: HTMLElement, visible: boolean) { this.style.visibility = visible ? "" : "hidden"; });
  // As Obsidian's: attached, and neither it nor an ancestor hidden with `display: none` (a hidden tab's leaf).
  define(htmlProto, "isShown", function (this: HTMLElement) {
    if (!this.isConnected) return false;
    for (let el = this as HTMLElement | null; el && el !== el.ownerDocument.body; el = el.parentElement) {
      if (el.style.display === "none" || el.ownerDocument.defaultView?.getComputedStyle(el).display === "none") return false;
    }
    return true;
  });
  define(htmlProto, "setCssStyles", function (this: HTMLElement, styles: Partial<CSSStyleDeclaration>) { Object.assign(this.style, styles); });
  define(htmlProto, "setCssProps", function (this: HTMLElement, props: Record<string, string>) {
    for (const [name, value] of Object.entries(props)) this.style.setProperty(name, value);
  });
  define(htmlProto, "onClickEvent", function (this: HTMLElement, listener: (ev: MouseEvent) => unknown, options?: boolean | AddEventListenerOptions) {
    this.addEventListener("click", listener, options);
    this.addEventListener("auxclick", listener, options);
  });

  const g = win as unknown as Record<string, unknown>;
  const doc = win.document;
  define(g, "createEl", (tag: keyof HTMLElementTagNameMap, o?: DomElementInfo | string, cb?: (el: HTMLElement) => void) => makeEl(doc, tag, o, cb));
  define(g, "createDiv", (o?: DomElementInfo | string, cb?: (el: HTMLDivElement) => void) => makeEl(doc, "div", o, cb));
  define(g, "createSpan", (o?: DomElementInfo | string, cb?: (el: HTMLSpanElement) => void) => makeEl(doc, "span", o, cb));
  define(g, "createSvg", (tag: keyof SVGElementTagNameMap, o?: SvgElementInfo | string, cb?: (el: SVGElement) => void) => makeSvg(doc, tag, o, cb));
  define(g, "createFragment", (cb?: (el: DocumentFragment) => void) => {
    const fragment = doc.createDocumentFragment();
    cb?.(fragment);
    return fragment;
  });
  define(g, "activeWindow", win);
  define(g, "activeDocument", doc);
  define(g, "sleep", (ms: number) => new Promise<void>((resolve) => win.setTimeout(resolve, ms)));
  define(g, "nextFrame", () => new Promise<void>((resolve) => win.requestAnimationFrame(() => resolve())));
  installLanguageHelpers();
}

/** Obsidian's additions to Array/String/Math that plugin code may rely on. */
function installLanguageHelpers(): void {
  const arrayProto = Array.prototype as unknown as Record<string, unknown>;
  if (typeof arrayProto.contains === "function") return;
  define(Array.prototype, "first", function (this: unknown[]) { return this[0]; });
  define(Array.prototype, "last", function (this: unknown[]) { return this[this.length - 1]; });
  define(Array.prototype, "contains", function (this: unknown[], target: unknown) { return this.includes(target); });
  define(Array.prototype, "remove", function (this: unknown[], target: unknown) {
    const index = this.indexOf(target);
    if (index >= 0) this.splice(index, 1);
  });
  define(Array.prototype, "unique", function (this: unknown[]) { return Array.from(new Set(this)); });
  define(String.prototype, "contains", function (this: string, target: string) { return this.includes(target); });
  define(Math, "clamp", (value: number, min: number, max: number) => Math.min(max, Math.max(min, value)));
  define(Math, "square", (value: number) => value * value);
}
