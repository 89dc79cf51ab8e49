// The Today sidebar in the demo workspace on the sample vault, at the demo date (Monday 2026-11-30).
// Every assertion reads what is on screen: the sidebar's rows, the editor's text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { DEMO_PLANNER as PLANNER, editorText, openDemo, screenshot, sidebar, startDemo, type DemoSession, WAIT } from "./harness";

const ACTIVE = ["LeetCode 每日一题/专题", "CUDA C 编程权威指南", "深度学习工程师", "分布式系统原理", "全栈深度学习训练营"];

let session: DemoSession;
beforeAll(async () => {
  session = await startDemo();
});
afterAll(async () => {
  await session?.close();
});

async function dismissNotices(page: Page): Promise<void> {
  await page.locator(".notice").evaluateAll((notices) => notices.forEach((notice) => notice.remove()));
}

/** Name, flair and item texts of each track row under a tree node. */
async function tracksUnder(page: Page, selector: string): Promise<{ name: string; count: string; items: string[] }[]> {
  return sidebar(page).locator(selector).evaluateAll((tracks) => tracks.map((track) => ({
    name: track.querySelector(":scope > .tree-item-self .tree-item-inner")?.textContent ?? "",
    count: track.querySelector(":scope > .tree-item-self .tree-item-flair")?.textContent ?? "",
    items: Array.from(track.querySelectorAll(":scope > .tree-item-children > .bq-item .bq-item-text")).map((el) => el.textContent ?? ""),
  })));
}

/** The planner with `count` items today at the top of each of the given tracks (a track is a heading in a
 *  note: the same heading in another note would be another track). */
function drilled(names: string[], count: number): string {
  let text = PLANNER;
  for (const name of names) {
    const heading = text.indexOf(`## ${name}`);
    const end = text.indexOf("\n", heading) + 1;
    const drills = Array.from({ length: count }, (_, i) => `- [ ] 2026/11/30    ${name} drill ${i + 1}\n`).join("");
    text = `${text.slice(0, end)}\n${drills}${text.slice(end)}`;
  }
  return text;
}

async function addDrills(page: Page, tracks: string[], count: number): Promise<void> {
  await page.evaluate(async (text) => {
    const app = window.bqDemo!.app;
    await app.vault.process(app.vault.getFileByPath("学期规划.md")!, () => text);
  }, drilled(tracks, count));
}

function itemRow(page: Page, text: string) {
  return sidebar(page).locator(".bq-item", { has: page.locator(".bq-item-text", { hasText: text }) }).first();
}

describe("Today sidebar", () => {
  it("shows the active tracks in priority order with the day's items, then the queued ones", async () => {
    const page = await openDemo(session);
    const view = sidebar(page);
    expect(await view.locator(".bq-day").textContent()).toBe("2026-11-30 Mon");
    // The header counts what Today shows: the day's fixed event (TIME's 第13周星期一 期中报告, at the top)
    // and the active tracks' items, not the 6 waiting in Queued.
    expect(await view.locator(".bq-done-count").textContent()).toBe("0/6 done");
    expect(await view.locator(".bq-term-week").textContent()).toBe("第13周星期一"); // the demo's term started 2026-09-07

    const active = await tracksUnder(page, ".bq-section-today > .tree-item-children > .bq-track-active");
    expect(active.map((t) => t.name)).toEqual(ACTIVE);
    expect(active.map((t) => t.items)).toEqual([
      ["组合问题、剪枝优化"],
      ["3.5\u3000展开循环"],
      ["第二周 词嵌入 2.6-2.10"],
      ["实验二：实现 Raft 日志复制"],
      ["Lecture 2B: Computer Vision Applications"],
    ]);
    expect(active.map((t) => t.count)).toEqual(["0/1", "0/1", "0/1", "0/1", "0/1"]);
    // Group labels stay quiet next to the item; subtasks are nested under their dated parent.
    expect(await itemRow(page, "组合问题").locator(".bq-group").textContent()).toBe("回溯算法");
    expect(await view.locator('.bq-track[data-track="分布式系统原理"] .bq-subtask .bq-item-text').allTextContents())
      .toEqual(["阅读 Raft 论文第 5 节", "完成 AppendEntries", "通过全部测试"]);

    const queued = view.locator(".bq-queued");
    expect(await queued.locator(":scope > .tree-item-self .tree-item-inner").textContent()).toBe("Queued");
    expect(await queued.locator(":scope > .tree-item-self .tree-item-flair").textContent()).toBe("5 tracks · 6 items");
    expect(await queued.getAttribute("class")).toContain("is-collapsed");
    await queued.locator(":scope > .tree-item-self").click();
    const waiting = await tracksUnder(page, ".bq-queued > .tree-item-children > .bq-track-queued");
    expect(waiting.map((t) => `${t.name} ${t.count}`)).toEqual([
      "概率图模型 0/1", "每日一Blog 0/1", "Designing Data-Intensive Applications 0/1", "Errands 0/2", "TIME 0/1",
    ]);
    // TIME's other item today names its own day (第13周星期一): a fixed event, first in Today, not in Queued.
    expect(await view.locator(".bq-fixed-today .bq-item-text").allTextContents()).toEqual(["第13周星期一_分布式系统原理 期中报告"]);
    await page.context().close();
  });

  it("lists overdue items by track with counts, and the deadlines with days left", async () => {
    const page = await openDemo(session, { height: 1060 });
    const view = sidebar(page);
    const overdue = view.locator(".bq-section-overdue");
    // The CVPR deadline missed four days ago is not overdue: it is listed, missed, with the deadlines.
    expect(await overdue.locator(":scope > .tree-item-self .tree-item-flair").textContent()).toBe("10");
    const groups = await tracksUnder(page, ".bq-section-overdue .bq-overdue-track");
    expect(groups.map((g) => `${g.name} ${g.count}`)).toEqual([
      "LeetCode 每日一题/专题 2", "CUDA C 编程权威指南 2", "深度学习工程师 2", "全栈深度学习训练营 1",
      "Designing Data-Intensive Applications 1", "Errands 1", "TIME 1",
    ]);
    const cuda = overdue.locator('.bq-overdue-track[data-track="CUDA C 编程权威指南"]');
    await cuda.locator(":scope > .tree-item-self .tree-item-inner").click();
    expect(await cuda.locator(".bq-item").evaluateAll((rows) => rows.map((r) => `${r.querySelector(".bq-date")?.textContent} ${r.querySelector(".bq-item-text")?.textContent}`)))
      .toEqual(["2026-11-27 3.3\u3000并行性的表现", "2026-11-28 3.4\u3000避免分支分化"]);

    const deadlines = await view.locator(".bq-section-deadlines .bq-deadline-row").evaluateAll((rows) => rows.map((row) => [
      row.querySelector(".bq-deadline-venue")?.textContent, row.querySelector(".bq-date")?.textContent,
      row.querySelector(".bq-days-left")?.textContent, (row.getAttribute("class") ?? "").match(/bq-urgency-\w+/)?.[0], row.classList.contains("bq-dropped"),
    ].join(" | ")));
    // The CVPR deadline missed four days ago stays in sight, last and in red.
    expect(deadlines.at(-1)).toBe("CVPR 2027 | 2026-11-26 | 4d ago | bq-urgency-past | false");
    expect(deadlines.slice(0, 5)).toEqual([
      "IJCAI 2027 | 2026-12-02 | 2d | bq-urgency-urgent | false",
      "AAAI 2027 | 2026-12-03 | 3d | bq-urgency-urgent | false",
      "ICRA 2027 | 2026-12-06 | 6d | bq-urgency-soon | false",
      "Workshop paper submission deadline | 2026-12-12 | 12d | bq-urgency-month | false",
      "3DV 2027 | 2026-12-15 | 15d | bq-urgency-month | false",
    ]);
    expect(deadlines).toContain("ACL 2027 | 2026-12-19 | dropped | bq-urgency-month | true");
    expect(deadlines).toContain("ICML 2027 | 2027-01-28 | 59d | bq-urgency-later | false");
    expect(await page.locator(".status-bar .bq-status").textContent()).toBe("Today 0/6 · 10 overdue · AAAI 2027 · 3d");
    await dismissNotices(page);
    await page.mouse.move(700, 500);
    await screenshot(page.locator(".mod-right-split"), "sidebar-light");
    await page.context().close();
  });

  it("ticking a checkbox in the sidebar writes [x] into the note, byte for byte", async () => {
    const page = await openDemo(session);
    await itemRow(page, "组合问题、剪枝优化").locator("input.task-list-item-checkbox").click();
    await expect.poll(() => editorText(page), WAIT).toBe(PLANNER.replace("- [ ] 2026/11/30    组合问题、剪枝优化", "- [x] 2026/11/30    组合问题、剪枝优化"));
    await expect.poll(() => itemRow(page, "组合问题、剪枝优化").getAttribute("class"), WAIT).toContain("is-done");
    expect(await sidebar(page).locator(".bq-done-count").textContent()).toBe("1/6 done");
    expect(await sidebar(page).locator('.bq-track[data-track="LeetCode 每日一题/专题"] > .tree-item-self .tree-item-flair').textContent()).toBe("1/1");
    // Ticking again writes it back.
    await itemRow(page, "组合问题、剪枝优化").locator("input.task-list-item-checkbox").click();
    await expect.poll(() => editorText(page), WAIT).toBe(PLANNER);
    await page.context().close();
  });

  it("a tick typed in the editor updates the sidebar", async () => {
    const page = await openDemo(session);
    const line = PLANNER.split("\n").indexOf("- [ ] 2026/11/30    第二周 词嵌入 2.6-2.10");
    expect(line).toBeGreaterThan(0);
    await page.evaluate((target) => {
      const view = window.bqDemo!.app.workspace.getMostRecentLeaf()!.view as unknown as {
        editor: { setSelection(a: object, h: object): void; scrollIntoView(r: object, c: boolean): void; focus(): void };
      };
      view.editor.scrollIntoView({ from: { line: target, ch: 0 }, to: { line: target, ch: 0 } }, true);
      view.editor.setSelection({ line: target, ch: 3 }, { line: target, ch: 4 });
      view.editor.focus();
    }, line);
    await page.keyboard.type("x");
    await expect.poll(() => itemRow(page, "第二周 词嵌入 2.6-2.10").getAttribute("class"), WAIT).toContain("is-done");
    expect(await sidebar(page).locator(".bq-done-count").textContent()).toBe("1/6 done");
    expect((await editorText(page)).split("\n")[line]).toBe("- [x] 2026/11/30    第二周 词嵌入 2.6-2.10");
    await page.context().close();
  });

  it("a tick from the sidebar is undone with Ctrl+Z in the editor, like any edit", async () => {
    const page = await openDemo(session);
    await itemRow(page, "3.5\u3000展开循环").locator("input.task-list-item-checkbox").click();
    await expect.poll(() => itemRow(page, "3.5\u3000展开循环").getAttribute("class"), WAIT).toContain("is-done");
    await page.locator(".mod-root .cm-content").click();
    await page.keyboard.press("Control+z");
    await expect.poll(() => editorText(page), WAIT).toBe(PLANNER);
    await expect.poll(() => itemRow(page, "3.5\u3000展开循环").getAttribute("class"), WAIT).not.toContain("is-done");
    await page.context().close();
  });

  it("clicking an item's text opens its note at that line", async () => {
    const page = await openDemo(session);
    await sidebar(page).locator(".bq-queued > .tree-item-self").click();
    await sidebar(page).locator('.bq-track[data-track="Errands"] > .tree-item-self').click();
    await itemRow(page, "Call the bank about the card").locator(".bq-item-text").click();
    await expect.poll(() => page.locator(".mod-root .view-header-title").textContent(), WAIT).toBe("Tasks style");
    const cursor = await page.evaluate(() => {
      const view = window.bqDemo!.app.workspace.getMostRecentLeaf()!.view as unknown as { editor: { getCursor(): { line: number }; getLine(n: number): string } };
      return view.editor.getLine(view.editor.getCursor().line);
    });
    expect(cursor).toBe("- [ ] Call the bank about the card 📅 2026-11-30");
    await page.context().close();
  });

  it("follows the dark theme", async () => {
    const page = await openDemo(session, { theme: "dark", height: 1060 });
    expect(await page.evaluate(() => document.body.className)).toContain("theme-dark");
    const colors = await sidebar(page).locator(".view-content").evaluate((el) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, text: getComputedStyle(el.querySelector(".tree-item-inner")!).color };
    });
    expect(colors.background).toBe("rgb(38, 38, 38)");
    const [r, g, b] = (colors.text.match(/\d+/g) ?? []).map(Number);
    expect(Math.min(r, g, b)).toBeGreaterThan(150); // light text on the dark pane
    await dismissNotices(page);
    await sidebar(page).locator('.bq-overdue-track[data-track="深度学习工程师"] > .tree-item-self').click();
    await page.mouse.move(700, 500);
    await screenshot(page.locator(".mod-right-split"), "sidebar-dark");
    await page.context().close();
  });

  it("a long track shows ten rows and a Show more row; what it reveals stays open when an item is ticked", async () => {
    const page = await openDemo(session, { height: 1060 });
    await addDrills(page, [ACTIVE[0]], 30);
    const track = sidebar(page).locator(`.bq-track[data-track="${ACTIVE[0]}"]`);
    await expect.poll(() => track.locator(":scope > .tree-item-self .tree-item-flair").textContent(), WAIT).toBe("0/31");
    const rows = track.locator(":scope > .tree-item-children > .bq-item");
    expect(await rows.count()).toBe(10);
    const more = track.locator(":scope > .tree-item-children > .bq-show-more");
    expect(await more.textContent()).toBe("Show 21 more");
    await dismissNotices(page);
    await page.mouse.move(700, 500);
    await screenshot(page.locator(".mod-right-split"), "sidebar-show-more-light");

    await more.click();
    expect(await rows.count()).toBe(31);
    expect(await more.count()).toBe(0);
    await itemRow(page, "组合问题、剪枝优化").locator("input.task-list-item-checkbox").click(); // the 31st row
    await expect.poll(() => editorText(page), WAIT).toBe(drilled([ACTIVE[0]], 30).replace("- [ ] 2026/11/30    组合问题、剪枝优化", "- [x] 2026/11/30    组合问题、剪枝优化"));
    await expect.poll(() => itemRow(page, "组合问题、剪枝优化").getAttribute("class"), WAIT).toContain("is-done");
    expect(await rows.count()).toBe(31);
    await page.context().close();
  });

  it("rows past the first screens are drawn as the sidebar scrolls near them", async () => {
    const page = await openDemo(session, { height: 600 });
    await addDrills(page, ACTIVE, 30);
    const view = sidebar(page);
    await expect.poll(() => view.locator(".bq-section-today > .tree-item-self .tree-item-flair").textContent(), WAIT).toBe(`0/${6 + 5 * 30}`);
    // The first render stopped well above the deadlines: they wait behind a row of their own.
    const deadlines = view.locator(".bq-section-deadlines .bq-deadline-row");
    expect(await deadlines.count()).toBe(0);
    expect(await view.locator(".bq-section-deadlines .bq-show-more").count()).toBe(1);
    const scroller = view.locator(".view-content");
    await expect.poll(async () => {
      await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      return deadlines.evaluateAll((rows) => rows.at(-1)?.textContent ?? "");
    }, WAIT).toBe("CVPR 20272026-11-264d ago");
    expect(await view.locator(".bq-section-deadlines .bq-show-more").count()).toBe(0);
    await page.context().close();
  });

  it("shows the Show more row in the dark theme", async () => {
    const page = await openDemo(session, { theme: "dark", height: 1060 });
    await addDrills(page, [ACTIVE[0]], 30);
    const more = sidebar(page).locator(`.bq-track[data-track="${ACTIVE[0]}"] .bq-show-more`);
    await expect.poll(() => more.textContent(), WAIT).toBe("Show 21 more");
    await more.focus(); // a keyboard stop: Enter reveals, and focus moves on to the first new row
    await dismissNotices(page);
    await page.mouse.move(700, 500);
    await screenshot(page.locator(".mod-right-split"), "sidebar-show-more-dark");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), WAIT).toBe(`${ACTIVE[0]} drill 11`);
    await page.context().close();
  });
});
