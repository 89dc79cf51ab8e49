// The stand-in itself: the behaviours the plugin relies on must match Obsidian's.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { getIcon } from "../../demo/shim/icons";
import { App, Component, Events, Notice, Setting, TFile, createApp, flush, renderReadingView, setIcon, type TAbstractFile } from "../../demo/shim/obsidian";
import type { MarkdownPostProcessorContext } from "obsidian";

function appWith(files: Record<string, string>): App {
  return createApp({ files, mount: null });
}

describe("Events and Component", () => {
  it("calls listeners in order, survives a throwing one, and offref removes exactly one", () => {
    const events = new Events();
    const calls: string[] = [];
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    events.on("x", () => calls.push("a"));
    events.on("x", () => { throw new Error("boom"); });
    const ref = events.on("x", (n: number) => calls.push(`c${n}`));
    events.trigger("x", 1);
    events.offref(ref);
    events.trigger("x", 2);
    expect(calls).toEqual(["a", "c1", "a"]);
    expect(error).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });

  it("unload removes registered events, DOM listeners and children", () => {
    const events = new Events();
    const parent = new Component();
    const child = new Component();
    const onUnload = vi.fn();
    child.register(onUnload);
    parent.addChild(child);
    parent.load();
    parent.registerEvent(events.on("e", () => {}));
    const el = createDiv();
    const click = vi.fn();
    parent.registerDomEvent(el, "click", click);
    parent.unload();
    el.click();
    expect(events.listenerCount()).toBe(0);
    expect(click).not.toHaveBeenCalled();
    expect(onUnload).toHaveBeenCalledOnce();
  });
});

describe("Vault", () => {
  it("process is atomic: fn sees the current text, the result is written once, then one modify", async () => {
    const app = appWith({ "a.md": "one\n" });
    const file = app.vault.getFileByPath("a.md")!;
    const seen: string[] = [];
    app.vault.on("modify", (f: TAbstractFile) => seen.push(`${f.path}:${app.vault.readNow(f.path)}`));
    const first = app.vault.process(file, (text) => `${text}two\n`);
    const second = app.vault.process(file, (text) => `${text}three\n`);
    expect(await first).toBe("one\ntwo\n");
    expect(await second).toBe("one\ntwo\nthree\n");
    expect(seen).toEqual(["a.md:one\ntwo\n", "a.md:one\ntwo\nthree\n"]);
    expect(await app.vault.read(file)).toBe("one\ntwo\nthree\n");
  });

  it("fires metadataCache changed after a write, then resolved", async () => {
    const app = appWith({ "a.md": "# A\n- [ ] x\n" });
    const events: string[] = [];
    app.metadataCache.on("changed", (file: TFile, data: string) => events.push(`changed ${file.path} ${JSON.stringify(data)}`));
    app.metadataCache.on("resolved", () => events.push("resolved"));
    await app.vault.modify(app.vault.getFileByPath("a.md")!, "# A\n- [x] x\n");
    expect(events).toEqual([]);
    await app.metadataCache.settle();
    expect(events).toEqual(['changed a.md "# A\\n- [x] x\\n"', "resolved"]);
    const cache = app.metadataCache.getCache("a.md")!;
    expect(cache.headings?.[0].heading).toBe("A");
    expect(cache.listItems?.[0].task).toBe("x");
  });

  it("rename moves text and fires rename with the old path; delete fires delete", async () => {
    const app = appWith({ "Plans/Term.md": "text", "Other.md": "" });
    const log: string[] = [];
    app.vault.on("rename", (f: TAbstractFile, old: string) => log.push(`rename ${old} -> ${f.path}`));
    app.vault.on("delete", (f: TAbstractFile) => log.push(`delete ${f.path}`));
    const file = app.vault.getFileByPath("Plans/Term.md")!;
    await app.fileManager.renameFile(file, "Archive/Term 2.md");
    expect(file.path).toBe("Archive/Term 2.md");
    expect(file.basename).toBe("Term 2");
    expect(file.parent?.path).toBe("Archive");
    expect(app.vault.getFileByPath("Plans/Term.md")).toBeNull();
    expect(await app.vault.read(file)).toBe("text");
    await app.vault.delete(app.vault.getFileByPath("Other.md")!);
    expect(log).toEqual(["rename Plans/Term.md -> Archive/Term 2.md", "delete Other.md"]);
    expect(app.vault.getMarkdownFiles().map((f) => f.path)).toEqual(["Archive/Term 2.md"]);
  });
});

describe("DOM helpers", () => {
  it("createEl, classes, attributes, text, empty and detach work like Obsidian's", () => {
    const root = createDiv({ cls: "root" });
    const span = root.createSpan({ cls: ["a", "b"], text: "hi", attr: { "data-x": 1, hidden: false } });
    root.createDiv("first", (el) => el.setAttr("id", "f"));
    expect(root.children[0]).toBe(span);
    expect(root.createEl("p", { text: "top", prepend: true })).toBe(root.firstChild);
    expect(span.className).toBe("a b");
    expect(span.getAttr("data-x")).toBe("1");
    expect(span.hasAttribute("hidden")).toBe(false);
    span.toggleClass("c", true);
    span.removeClass("a");
    expect(span.hasClass("c") && !span.hasClass("a")).toBe(true);
    span.setText("bye");
    expect(span.getText()).toBe("bye");
    expect(span.instanceOf(HTMLSpanElement)).toBe(true);
    span.detach();
    expect(root.contains(span)).toBe(false);
    root.empty();
    expect(root.childNodes.length).toBe(0);
  });

  it("setIcon builds an SVG without markup parsing and renders nothing for unknown ids", () => {
    const el = createDiv();
    setIcon(el, "calendar-check");
    expect(el.querySelector("svg.svg-icon.lucide-calendar-check path")).not.toBeNull();
    setIcon(el, "no-such-icon");
    expect(el.childNodes.length).toBe(0);
  });

  it("a Notice shows its message and hides on click", async () => {
    const notice = new Notice("Saved", 0);
    expect(document.querySelector(".notice")?.textContent).toBe("Saved");
    notice.messageEl.click();
    await flush(1);
    expect(document.querySelector(".notice")).toBeNull();
  });
});

describe("reading view", () => {
  it("runs post-processors per section with getSectionInfo pointing at the source lines", async () => {
    const app = appWith({});
    const seen: string[] = [];
    app.postProcessors.push((el: HTMLElement, ctx: MarkdownPostProcessorContext) => {
      const info = ctx.getSectionInfo(el)!;
      el.querySelectorAll("li.task-list-item").forEach((li) => {
        seen.push(`${info.lineStart + Number(li.getAttribute("data-line"))}:${li.getAttribute("data-task")}:${li.textContent}`);
      });
    });
    const container = createDiv();
    await renderReadingView(app, "a.md", "# A\n\n- [ ] one\n- [x] two\n\ntext\n\n- [ ] three\n", container);
    expect(seen).toEqual(["2::one", "3:x:two", "7::three"]);
    expect(container.querySelector("h1")?.textContent).toBe("A");
  });
});

describe("Setting", () => {
  it("builds Obsidian's setting row and reports changes from toggle, text, dropdown and buttons", () => {
    const container = createDiv();
    const changes: string[] = [];
    new Setting(container).setName("Section").setHeading();
    const row = new Setting(container)
      .setName("Limit").setDesc("How many tracks run at once.")
      .addToggle((toggle) => toggle.setValue(false).onChange((on) => changes.push(`toggle ${on}`)))
      .addText((text) => text.setValue("5").onChange((value) => changes.push(`text ${value}`)))
      .addDropdown((dropdown) => dropdown.addOptions({ "2": "##", "3": "###" }).setValue("3").onChange((value) => changes.push(`dropdown ${value}`)))
      .addExtraButton((button) => button.setIcon("arrow-up").setTooltip("Move up").onClick(() => changes.push("up")));
    expect(container.querySelector(".setting-item-heading .setting-item-name")?.textContent).toBe("Section");
    expect(row.descEl.textContent).toBe("How many tracks run at once.");
    (row.controlEl.querySelector(".checkbox-container") as HTMLElement).click();
    const input = row.controlEl.querySelector("input[type=text]") as HTMLInputElement;
    input.value = "6";
    input.dispatchEvent(new Event("input"));
    const select = row.controlEl.querySelector("select") as HTMLSelectElement;
    expect(select.value).toBe("3");
    select.value = "2";
    select.dispatchEvent(new Event("change"));
    (row.controlEl.querySelector('.extra-setting-button[aria-label="Move up"]') as HTMLElement).click();
    expect(changes).toEqual(["toggle true", "text 6", "dropdown 2", "up"]);
    expect(row.controlEl.querySelector(".checkbox-container")?.classList.contains("is-enabled")).toBe(true);
  });
});

describe("icons", () => {
  // Obsidian draws any Lucide icon; the stand-in has a small set, and an id it lacks draws nothing.
  it("has every icon the plugin asks for", () => {
    const used = new Set<string>();
    for (const file of readdirSync("src/obsidian").filter((f) => f.endsWith(".ts"))) {
      const text = readFileSync(`src/obsidian/${file}`, "utf8");
      // A call's arguments (not a definition's), and the tables of icons by choice.
      const calls = [...text.matchAll(/(function )?(?:setIcon|iconButton|addRibbonIcon)\(([^;]*?)\)(?:;|\n|\.)/g)].filter((m) => !m[1]).map((m) => m[2]);
      const tables = [...text.matchAll(/_ICONS[^=]*= \{([^}]*)\}/g)].map((m) => m[1]);
      for (const args of [...calls, ...tables]) {
        for (const [, id] of args.matchAll(/"([a-z][a-z0-9-]*)"/g)) if (!id.startsWith("bq-")) used.add(id);
      }
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((id) => getIcon(id) === null)).toEqual([]);
  });
});
