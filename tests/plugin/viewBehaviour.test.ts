// The view's behaviour over time: live updates keep scroll, collapsed state and focus; keyboard use;
// renames and deletions; Chinese UI; and the reading-view deadline classes.
import { describe, expect, it } from "vitest";
import { flush } from "../../demo/shim/testing";
import { renderReadingView } from "../../demo/shim/reading";
import { setLanguage } from "../../src/obsidian/i18n";
import { openToday, PLANNER, startPlugin, texts } from "./pluginFixtures";

const settle = async (): Promise<void> => {
  await new Promise((resolve) => window.setTimeout(resolve, 40));
  await flush();
};

describe("live updates", () => {
  it("keep the collapsed state, the scroll position and the focused row", async () => {
    const { app, plugin } = await startPlugin();
    const { view, el } = await openToday(plugin);
    const overdueHead = el.querySelector<HTMLElement>(".bq-section-overdue > .tree-item-self")!;
    overdueHead.click();
    expect(el.querySelector(".bq-section-overdue")?.classList.contains("is-collapsed")).toBe(true);
    const queued = el.querySelector<HTMLElement>(".bq-queued > .tree-item-self")!;
    queued.click(); // open a tree that starts collapsed
    el.scrollTop = 7;
    el.querySelector<HTMLElement>('.bq-item[data-line]')!.focus();
    const focusedLine = (document.activeElement as HTMLElement).dataset.line;

    await app.vault.process(app.vault.getFileByPath("Plans/Term.md")!, (text) => text.replace("三数之和", "三数之和（一）"));
    await settle();
    view.renderNow();
    expect(texts(el, ".bq-item-text")).toContain("三数之和（一）");
    expect(el.querySelector(".bq-section-overdue")?.classList.contains("is-collapsed")).toBe(true);
    expect(el.querySelector(".bq-queued")?.classList.contains("is-collapsed")).toBe(false);
    expect(el.scrollTop).toBe(7);
    expect((document.activeElement as HTMLElement).dataset.line).toBe(focusedLine);
    plugin.unload();
  });

  it("follows renames and deletions", async () => {
    const { app, plugin } = await startPlugin({ "Plans/Term.md": PLANNER, "Side.md": "## Side\n- [ ] 2021/04/14 extra task\n" });
    const { view, el } = await openToday(plugin);
    // Side is not in the queue: open Queued and its track (the view keeps them open across re-renders).
    el.querySelector<HTMLElement>(".bq-queued > .tree-item-self")!.click();
    el.querySelector<HTMLElement>('.bq-track[data-track="Side"] > .tree-item-self')!.click();
    expect(texts(el, ".bq-item-text")).toContain("extra task");
    await app.fileManager.renameFile(app.vault.getFileByPath("Side.md")!, "Archive/Side.md");
    await settle();
    view.renderNow();
    // A track is a heading in a note: the renamed note's track is another tree item, collapsed like any queued one.
    el.querySelector<HTMLElement>('.bq-track[data-track="Side"] > .tree-item-self')!.click();
    expect(el.querySelector('.bq-item[data-path="Archive/Side.md"]')).not.toBeNull();
    await app.vault.delete(app.vault.getFileByPath("Archive/Side.md")!);
    await settle();
    view.renderNow();
    expect(texts(el, ".bq-item-text")).not.toContain("extra task");
    plugin.unload();
  });
});

describe("settings that change parsing", () => {
  it("re-index the vault in the background and swap the result in", async () => {
    const { app, plugin } = await startPlugin();
    plugin.data.settings.trackHeadingLevel = 1;
    const saving = plugin.saveSettings();
    // The old index keeps serving until the new one is complete.
    expect(plugin.index().tracks().map((t) => t.name)).toContain("机器学习课程");
    await app.vault.process(app.vault.getFileByPath("Plans/Term.md")!, (text) => text + "- [ ] 2021/04/14    late addition\n");
    await saving;
    await settle();
    expect(new Set(plugin.index().items().map((i) => i.track))).toEqual(new Set(["Schedule"]));
    expect(plugin.index().itemsOn("2021-04-14").map((i) => i.text)).toContain("late addition");
    plugin.unload();
  });
});

describe("a new day", () => {
  it("moves the view and the status bar to the new day", async () => {
    const { app, plugin } = await startPlugin();
    const { el } = await openToday(plugin);
    plugin.clock = () => new Date(2021, 3, 15, 0, 0, 30);
    plugin.todaySource.checkDay();
    await new Promise((resolve) => window.setTimeout(resolve, 40));
    expect(el.querySelector(".bq-day")?.textContent).toBe("2021-04-15 Thu");
    expect(el.querySelector(".bq-today-button")).toBeNull();
    // 1.2 着色 that day belongs to a queued track: not counted with what Today shows.
    expect(app.statusBarEl.querySelector(".bq-status")?.textContent).toMatch(/^Today 0\/1/);
    plugin.unload();
  });
});

describe("keyboard", () => {
  it("arrow keys move between rows, space toggles, enter opens the note at the line", async () => {
    const { app, plugin } = await startPlugin();
    const { el } = await openToday(plugin);
    const rows = Array.from(el.querySelectorAll<HTMLElement>(".bq-section-today .bq-track-active .bq-item"));
    rows[0].focus();
    rows[0].dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
    expect(document.activeElement).toBe(rows[1]);
    rows[1].dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowUp", bubbles: true }));
    expect(document.activeElement).toBe(rows[0]);
    rows[0].dispatchEvent(new KeyboardEvent("keydown", { key: " ", bubbles: true }));
    await flush(5);
    expect(app.vault.readNow("Plans/Term.md")).toContain("- [x] 2021/04/14    三数之和");
    const target = el.querySelector<HTMLElement>(".bq-section-today .bq-track-active .bq-item")!;
    target.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    await flush(5);
    const markdown = app.workspace.getLeavesOfType("markdown")[0]?.view as unknown as { editor: { getCursor(): { line: number } } };
    expect(markdown.editor.getCursor().line).toBe(Number(target.dataset.line) - 1);
    plugin.unload();
  });

  it("reach the Show more row, which keeps focus through a live update and opens with Enter", async () => {
    // In the track's own note: the same heading in another note would be another track.
    const drills = Array.from({ length: 14 }, (_, i) => `- [ ] 2021/04/14    drill ${i + 1}\n`).join("");
    const { app, plugin } = await startPlugin({ "Plans/Term.md": PLANNER.replace("## 算法练习 每日一题\n\n", `## 算法练习 每日一题\n\n${drills}`) });
    const { view, el } = await openToday(plugin);
    const rows = el.querySelectorAll<HTMLElement>('.bq-track[data-track="算法练习 每日一题"] .bq-item');
    rows[rows.length - 1].focus();
    rows[rows.length - 1].dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
    expect(document.activeElement?.textContent).toBe("Show 6 more");
    await app.vault.process(app.vault.getFileByPath("Plans/Term.md")!, (text) => text.replace("drill 1\n", "drill one\n"));
    await settle();
    view.renderNow();
    expect(texts(el, ".bq-item-text")).toContain("drill one");
    expect(document.activeElement?.textContent).toBe("Show 6 more");
    document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    expect(document.activeElement?.textContent).toBe("drill 11");
    plugin.unload();
  });

  it("steps days with the header arrows and comes back with the Today button", async () => {
    const { plugin } = await startPlugin();
    const { view, el } = await openToday(plugin);
    el.querySelector<HTMLElement>(".bq-next-day")!.click();
    expect(view.shownDay()).toBe("2021-04-15");
    expect(texts(el, ".bq-item-text")).toContain("第二讲 线性模型 2.5-2.8");
    el.querySelector<HTMLElement>(".bq-today-button")!.click();
    expect(view.shownDay()).toBe("2021-04-14");
    expect(el.querySelector(".bq-today-button")).toBeNull();
    plugin.unload();
  });
});

describe("language and reading view", () => {
  it("speaks Chinese when Obsidian does", async () => {
    const { plugin } = await startPlugin(undefined, { settings: { termStart: "2021-02-22" } });
    setLanguage("zh");
    const { el } = await openToday(plugin);
    expect(el.querySelector(".bq-section-today .tree-item-inner")?.textContent).toBe("今天");
    expect(el.querySelector(".bq-day")?.textContent).toBe("2021-04-14 周三");
    expect(el.querySelector(".bq-term-week")?.textContent).toBe("第8周星期三");
    setLanguage("en");
    plugin.unload();
  });

  it("adds urgency classes and a badge to rendered deadline task items", async () => {
    const { app, plugin } = await startPlugin();
    const container = document.body.createDiv();
    await renderReadingView(app, "Plans/Term.md", PLANNER, container);
    const decorated = Array.from(container.querySelectorAll<HTMLElement>("li.bq-deadline"));
    expect(decorated.map((li) => li.querySelector(".bq-deadline-badge")?.textContent)).toEqual(["D-4", "D-148"]);
    expect(decorated[0].classList.contains("bq-urgency-soon")).toBe(true);
    plugin.unload();
  });
});
