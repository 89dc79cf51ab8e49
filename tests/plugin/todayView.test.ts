import { describe, expect, it } from "vitest";
import { flush } from "../../demo/shim/testing";
import { openToday, PINNED, PLANNER, startPlugin, texts } from "./pluginFixtures";

describe("Today view", () => {
  it("renders tracks in queue order with states and counts for a pinned day", async () => {
    const { plugin } = await startPlugin();
    const { el } = await openToday(plugin);
    expect(el.querySelector(".bq-day")?.textContent).toBe("2021-04-14 Wed");
    const active = el.querySelectorAll(".bq-section-today > .tree-item-children > .bq-track-active");
    expect(Array.from(active).map((t) => (t as HTMLElement).dataset.track)).toEqual(["算法练习 每日一题", "机器学习课程"]);
    expect(el.querySelector(".bq-queued")?.classList.contains("is-collapsed")).toBe(true);
    el.querySelector<HTMLElement>(".bq-queued > .tree-item-self")!.click(); // its tracks are built on opening
    const queued = el.querySelectorAll(".bq-queued .bq-track-queued");
    expect(Array.from(queued).map((t) => (t as HTMLElement).dataset.track)).toEqual(["图形学入门"]);
    const algo = active[0];
    expect(algo.querySelector(".tree-item-flair")?.textContent).toBe("1/2");
    expect(texts(algo, ".bq-item-text")).toEqual(["三数之和", "四数之和"]);
    expect(algo.querySelectorAll("input.task-list-item-checkbox:checked")).toHaveLength(1);
    const ml = active[1];
    expect(texts(ml, ".bq-group")).toEqual(["第一章　基础"]);
    expect(texts(ml, ".bq-subtask .bq-item-text")).toEqual(["推导最小二乘"]);
    // The header counts what Today shows; 图形学入门's item waits folded in "Queued".
    expect(el.querySelector(".bq-done-count")?.textContent).toBe("1/3 done");
    plugin.unload();
  });

  it("shows overdue grouped by track and deadlines coloured by urgency", async () => {
    const { plugin } = await startPlugin();
    const { el } = await openToday(plugin);
    const overdue = el.querySelector(".bq-section-overdue")!;
    expect(texts(overdue, ".bq-overdue-track > .tree-item-self .tree-item-inner")).toEqual(["Schedule"]);
    expect(overdue.querySelector(".bq-overdue-track")?.classList.contains("is-collapsed")).toBe(true);
    const rows = Array.from(el.querySelectorAll<HTMLElement>(".bq-deadline-row"));
    expect(rows.map((r) => r.querySelector(".bq-deadline-venue")?.textContent)).toEqual(["ICRA 2022", "AAAI 2021"]);
    expect(rows[0].classList.contains("bq-urgency-soon")).toBe(true);
    expect(rows[0].querySelector(".bq-days-left")?.textContent).toBe("4d");
    expect(rows[1].classList.contains("bq-urgency-later")).toBe(true);
    plugin.unload();
  });

  it("ticking a checkbox writes [x] byte-exact through vault.process and the view follows", async () => {
    const { app, plugin } = await startPlugin();
    const { el } = await openToday(plugin);
    const row = Array.from(el.querySelectorAll<HTMLElement>(".bq-item")).find((r) => r.textContent?.includes("三数之和"))!;
    row.querySelector<HTMLInputElement>("input")!.click();
    await flush(5);
    const after = app.vault.readNow("Plans/Term.md");
    expect(after).toBe(PLANNER.replace("- [ ] 2021/04/14    三数之和", "- [x] 2021/04/14    三数之和"));
    await new Promise((resolve) => window.setTimeout(resolve, 50));
    await flush();
    expect(el.querySelector(".bq-section-today .bq-track-active .tree-item-flair")?.textContent).toBe("2/2");
    plugin.unload();
  });

  it("ticking an undated subtask writes [x] on its own line, and refuses when that line changed", async () => {
    const { app, plugin } = await startPlugin();
    const { view, el } = await openToday(plugin);
    el.querySelector<HTMLInputElement>(".bq-subtask input")!.click();
    await flush(5);
    expect(app.vault.readNow("Plans/Term.md")).toBe(PLANNER.replace("  - [ ] 推导最小二乘", "  - [x] 推导最小二乘"));
    await new Promise((resolve) => window.setTimeout(resolve, 40));
    view.renderNow();
    expect(el.querySelector<HTMLInputElement>(".bq-subtask input")!.checked).toBe(true);
    const file = app.vault.getFileByPath("Plans/Term.md")!;
    const changed = app.vault.readNow("Plans/Term.md").replace("  - [x] 推导最小二乘", "  - [x] 推导最小二乘法");
    await app.vault.modify(file, changed); // the index has not seen this yet
    el.querySelector<HTMLElement>(".bq-subtask")!.dispatchEvent(new KeyboardEvent("keydown", { key: " " }));
    await flush(5);
    expect(app.vault.readNow("Plans/Term.md")).toBe(changed);
    expect(Array.from(document.body.querySelectorAll(".notice")).some((n) => n.textContent?.includes("推导最小二乘"))).toBe(true);
    plugin.unload();
  });

  it("refuses an edit when the line changed meanwhile: a notice, nothing written", async () => {
    const { app, plugin } = await startPlugin();
    await openToday(plugin);
    const item = plugin.index().itemsOn("2021-04-14").find((i) => i.text === "三数之和")!;
    const changed = PLANNER.replace("三数之和", "三数之和（改）");
    await app.vault.modify(app.vault.getFileByPath("Plans/Term.md")!, changed);
    const result = await plugin.applyEdits(item.path, [{ path: item.path, line: item.line, expected: item.source, replacement: item.source.replace("[ ]", "[x]") }]);
    expect(result.ok).toBe(false);
    expect(app.vault.readNow("Plans/Term.md")).toBe(changed);
    expect(document.body.querySelector(".notice")?.textContent).toContain("三数之和");
    plugin.unload();
  });

  it("ticking an item revealed with Show more writes it, and the re-render keeps the list open", async () => {
    const many = Array.from({ length: 24 }, (_, i) => `- [ ] 2021/04/14    练习 ${i + 1}`);
    // In the track's own note: the same heading in another note would be another track.
    const planner = PLANNER.replace("- [x] 2021/04/14    四数之和\n", `- [x] 2021/04/14    四数之和\n${many.join("\n")}\n`);
    const { app, plugin } = await startPlugin({ "Plans/Term.md": planner });
    const { view, el } = await openToday(plugin);
    const algo = (): HTMLElement => el.querySelector<HTMLElement>('.bq-track[data-track="算法练习 每日一题"]')!;
    expect(algo().querySelector(".tree-item-flair")?.textContent).toBe("1/26");
    expect(algo().querySelectorAll(".bq-item")).toHaveLength(10);
    const more = algo().querySelector<HTMLElement>(".bq-show-more")!;
    expect(more.textContent).toBe("Show 16 more");
    more.click();
    expect(algo().querySelectorAll(".bq-item")).toHaveLength(26);
    const row = Array.from(algo().querySelectorAll<HTMLElement>(".bq-item")).find((r) => r.textContent === "练习 20")!;
    row.focus();
    row.dispatchEvent(new KeyboardEvent("keydown", { key: " ", bubbles: true }));
    await flush(5);
    expect(app.vault.readNow("Plans/Term.md")).toContain("- [x] 2021/04/14    练习 20");
    await new Promise((resolve) => window.setTimeout(resolve, 50));
    await flush();
    view.renderNow();
    expect(algo().querySelector(".tree-item-flair")?.textContent).toBe("2/26");
    expect(algo().querySelectorAll(".bq-item")).toHaveLength(26);
    expect(algo().querySelector(".bq-show-more")).toBeNull();
    expect((document.activeElement as HTMLElement).textContent).toBe("练习 20"); // focus stays on the ticked row
    // Another day starts short again.
    view.setDay("2021-04-15");
    view.setDay("2021-04-14");
    expect(algo().querySelectorAll(".bq-item")).toHaveLength(10);
    plugin.unload();
  });

  it("shows the empty state with the next planned day, which is one click away", async () => {
    const { plugin } = await startPlugin({ "Next.md": "## Reading\n\n- [ ] 2021/04/20    chapter one\n" });
    const { view, el } = await openToday(plugin);
    expect(el.querySelector(".bq-empty")?.textContent).toContain("Nothing planned");
    el.querySelector<HTMLElement>(".bq-next-planned")!.click();
    expect(view.shownDay()).toBe("2021-04-20");
    expect(el.querySelector(".bq-day")?.textContent).toContain("2021-04-20");
    expect(el.querySelector(".bq-today-button")).not.toBeNull();
    void PINNED;
    plugin.unload();
  });
});
