// The Progress view over the stand-in: opened by its command and from the sidebar's header, a heatmap of
// the last 26 weeks whose days list their items by track, and a burndown per active track.
import { describe, expect, it, vi } from "vitest";
import { flush } from "../../demo/shim/testing";
import { setLanguage } from "../../src/obsidian/i18n";
import { ProgressView, VIEW_TYPE_PROGRESS } from "../../src/obsidian/progressView";
import { openToday, PLANNER, startPlugin } from "./pluginFixtures";

type ShimApp = Awaited<ReturnType<typeof startPlugin>>["app"];

async function openProgress(app: ShimApp): Promise<HTMLElement> {
  app.commands.executeCommandById("brain-queue:open-progress");
  await flush(5);
  const leaves = app.workspace.getLeavesOfType(VIEW_TYPE_PROGRESS);
  expect(leaves).toHaveLength(1);
  return (leaves[0].view as unknown as ProgressView).contentEl;
}

describe("the Progress view", () => {
  it("opens once from its command; the heatmap's days hold their items by track", async () => {
    const { app, plugin } = await startPlugin();
    const el = await openProgress(app);
    await openProgress(app); // revealed again, not a second one
    // 2021-04-14 is a Wednesday: 25 full weeks and three days.
    const cells = Array.from(el.querySelectorAll<SVGRectElement>(".bq-heatmap-chart rect.bq-heat"));
    expect(cells).toHaveLength(25 * 7 + 3);
    expect(cells[cells.length - 1].dataset.date).toBe("2021-04-14");
    expect(el.querySelector(".bq-progress-count")?.textContent).toBe("5 in 26 weeks");
    const day = cells.find((cell) => cell.dataset.date === "2021-04-13")!;
    expect(day.getAttribute("aria-label")).toBe("2021-04-13: 2 completed\n机器学习课程: 第一讲 概论 1.4-1.6\n算法练习 每日一题: 两数之和");
    expect(day.classList.contains("bq-heat-4")).toBe(true);
    // The day shown first is today; a click shows another.
    expect(el.querySelector(".bq-heatmap-detail-day")?.textContent).toBe("2021-04-14: 1 completed");
    day.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    expect(el.querySelector(".bq-heatmap-detail-day")?.textContent).toBe("2021-04-13: 2 completed");
    expect(Array.from(el.querySelectorAll(".bq-heatmap-detail-name"), (n) => n.textContent)).toEqual(["机器学习课程", "算法练习 每日一题"]);
    expect(day.classList.contains("is-selected")).toBe(true);
    plugin.unload();
  });

  it("draws a burndown per active track in queue order, with its forecast; the others are folded", async () => {
    const { app, plugin } = await startPlugin();
    const el = await openProgress(app);
    const cards = Array.from(el.querySelectorAll<HTMLElement>(".bq-burndowns > .bq-burndown"));
    expect(cards.map((card) => card.dataset.track)).toEqual(["算法练习 每日一题", "机器学习课程"]);
    expect(cards.map((card) => card.querySelector(".bq-forecast")?.textContent)).toEqual(["2/3 · at this pace +6 d", "2/4 · at this pace +12 d"]);
    const chart = cards[1].querySelector("svg.bq-burndown-chart")!;
    expect(chart.getAttribute("aria-label")).toBe("Burndown of 机器学习课程: 2 of 4 items remaining");
    for (const cls of ["bq-burndown-planned", "bq-burndown-actual"]) expect(chart.querySelector(`path.${cls}`)?.getAttribute("d")).toMatch(/^M[\d.]+ [\d.]+(H[\d.]+V[\d.]+)*H[\d.]+$/);
    expect(chart.querySelector("line.bq-burndown-forecast")).not.toBeNull();
    expect(chart.querySelector("line.bq-burndown-today")).not.toBeNull();
    const toggle = el.querySelector<HTMLButtonElement>(".bq-progress-others-toggle")!;
    expect(toggle.textContent).toBe("Other tracks (2)");
    expect(el.querySelectorAll(".bq-progress-others .bq-burndown")).toHaveLength(0);
    toggle.click();
    expect(Array.from(el.querySelectorAll<HTMLElement>(".bq-progress-others .bq-burndown"), (card) => card.dataset.track)).toEqual(["Schedule", "图形学入门"]);
    plugin.unload();
  });

  it("follows a tick, speaks the interface's language, and opens from the sidebar's header", async () => {
    const { app, plugin } = await startPlugin();
    setLanguage("zh");
    const { el: sidebar } = await openToday(plugin);
    sidebar.querySelector<HTMLElement>(".bq-open-progress")!.click();
    await flush(5);
    const el = (app.workspace.getLeavesOfType(VIEW_TYPE_PROGRESS)[0].view as unknown as ProgressView).contentEl;
    expect(el.querySelector(".bq-progress-count")?.textContent).toBe("26 周共 5 项");
    expect(el.querySelector(".bq-progress-others-toggle")?.textContent).toBe("其他进程（2）");
    await app.vault.modify(app.vault.getFileByPath("Plans/Term.md")!, PLANNER.replace("- [ ] 2021/04/14    三数之和", "- [x] 2021/04/14    三数之和"));
    await app.metadataCache.settle();
    await new Promise((resolve) => window.setTimeout(resolve, 50));
    await flush(5);
    expect(el.querySelector(".bq-progress-count")?.textContent).toBe("26 周共 6 项");
    expect(el.querySelector('.bq-burndown[data-track="算法练习 每日一题"] .bq-forecast')?.textContent).toBe("3/3 · 全部完成");
    setLanguage("en");
    plugin.unload();
  });
});

describe("the Progress view in a hidden tab", () => {
  it("draws nothing while its tab is hidden, and once when it is shown again after changes", async () => {
    const { app, plugin } = await startPlugin();
    const el = await openProgress(app);
    const progressLeaf = app.workspace.getLeavesOfType(VIEW_TYPE_PROGRESS)[0];
    const view = progressLeaf.view as unknown as ProgressView;
    // A note opened in a new tab hides the Progress tab.
    await app.workspace.getLeaf("tab").openFile(app.vault.getFileByPath("Plans/Term.md")!);
    expect(view.containerEl.isShown()).toBe(false);
    const renders = vi.spyOn(view, "renderNow");
    const tick = async (from: string, to: string): Promise<void> => {
      const file = app.vault.getFileByPath("Plans/Term.md")!;
      await app.vault.modify(file, app.vault.readNow("Plans/Term.md").replace(from, to));
      await app.metadataCache.settle();
      await new Promise((resolve) => window.setTimeout(resolve, 50));
      await flush(5);
    };
    await tick("- [ ] 2021/04/14    三数之和", "- [x] 2021/04/14    三数之和");
    await tick("- [x] 2021/04/14    三数之和", "- [ ] 2021/04/14    三数之和");
    await tick("- [ ] 2021/04/14    三数之和", "- [x] 2021/04/14    三数之和");
    expect(renders).not.toHaveBeenCalled();
    expect(el.querySelector(".bq-progress-count")?.textContent).toBe("5 in 26 weeks");

    await app.workspace.revealLeaf(progressLeaf);
    await flush(5);
    expect(renders).toHaveBeenCalledTimes(1);
    expect(el.querySelector(".bq-progress-count")?.textContent).toBe("6 in 26 weeks");

    // Hidden and shown again with nothing changed meanwhile: nothing to redraw.
    await app.workspace.revealLeaf(app.workspace.getLeavesOfType("markdown")[0]);
    await app.workspace.revealLeaf(progressLeaf);
    await flush(5);
    expect(renders).toHaveBeenCalledTimes(1);
    plugin.unload();
  });
});

// Last term's plan kept beside this term's: the same headings in two notes are two tracks.
const LAST_TERM = [
  "## 算法练习",
  "",
  "- [x] 2020/12/20    两数之和",
  "- [ ] 2020/12/21    三数之和 ✅ 2021-04-13",
  "",
  "## 机器学习课程",
  "",
  "- [ ] 2020/12/22    第一讲 概论",
  "",
].join("\n").replace("- [ ] 2020/12/21", "- [x] 2020/12/21");
const THIS_TERM = [
  "当前 BPU （Brain Processing Unit）最大进程数为：1，按优先级排序",
  "",
  "- 算法练习",
  "",
  "## 算法练习",
  "",
  "- [x] 2021/04/13    四数之和",
  "- [ ] 2021/04/15    最长回文子串",
  "",
  "## 图形学入门",
  "",
  "- [ ] 1.1\u3000光栅化\t\t2021/4/15",
  "",
].join("\n");

describe("the Progress view over two terms' plans", () => {
  const files = { "Plans/2020 规划.md": LAST_TERM, "Plans/2021 规划.md": THIS_TERM };
  const cardsOf = (el: HTMLElement, selector: string): string[] =>
    Array.from(el.querySelectorAll<HTMLElement>(selector), (card) => [card.querySelector(".bq-burndown-name")?.textContent, card.querySelector(".bq-track-note")?.textContent ?? "-"].join(" | "));

  it("names the note beside a heading that is in more than one note, in burndowns, charts and the heatmap", async () => {
    const { app, plugin } = await startPlugin(files);
    const el = await openProgress(app);
    expect(cardsOf(el, ".bq-burndowns > .bq-burndown")).toEqual(["算法练习 | 2021 规划"]);
    el.querySelector<HTMLButtonElement>(".bq-progress-others-toggle")!.click();
    expect(cardsOf(el, ".bq-progress-others .bq-burndown")).toEqual(["算法练习 | 2020 规划", "机器学习课程 | -", "图形学入门 | -"]);
    const charts = Array.from(el.querySelectorAll("svg.bq-burndown-chart"), (chart) => chart.getAttribute("aria-label"));
    expect(charts[0]).toBe("Burndown of 算法练习 (2021 规划): 1 of 2 items remaining");
    expect(charts[1]).toBe("Burndown of 算法练习 (2020 规划): 0 of 2 items remaining");
    expect(charts[2]).toBe("Burndown of 机器学习课程: 1 of 1 item remaining");
    const day = el.querySelector<SVGRectElement>('.bq-heatmap-chart rect[data-date="2021-04-13"]')!;
    expect(day.getAttribute("aria-label")).toBe("2021-04-13: 2 completed\n算法练习 (2020 规划): 三数之和\n算法练习 (2021 规划): 四数之和");
    day.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    expect(Array.from(el.querySelectorAll(".bq-heatmap-detail-track"), (row) => [row.querySelector(".bq-heatmap-detail-name")?.textContent, row.querySelector(".bq-track-note")?.textContent].join(" | "))).toEqual([
      "算法练习 | 2020 规划",
      "算法练习 | 2021 规划",
    ]);
    plugin.unload();
  });

  it("says it in Chinese with full-width brackets", async () => {
    const { app, plugin } = await startPlugin(files);
    setLanguage("zh");
    const el = await openProgress(app);
    expect(el.querySelector("svg.bq-burndown-chart")?.getAttribute("aria-label")).toBe("算法练习（2021 规划）的燃尽图：2 项中还剩 1 项");
    expect(el.querySelector('.bq-heatmap-chart rect[data-date="2021-04-13"]')?.getAttribute("aria-label")).toBe("2021-04-13：完成 2 项\n算法练习（2020 规划）：三数之和\n算法练习（2021 规划）：四数之和");
    setLanguage("en");
    plugin.unload();
  });
});
