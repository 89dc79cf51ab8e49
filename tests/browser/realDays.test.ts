// The demo on a term planner's vault (tests/fixtures/vaults/term2021: a 2021 plan with a queue block, a
// term calendar, conference deadlines, and last year's plan beside it) on the days that matter: a deadline
// day, a free day, a day after weeks of missed items; in light and dark, and at phone width.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { dismissNotices, fontsLoaded, openDemo, screenshot, sidebar, startDemo, type DemoSession, WAIT } from "./harness";

const VAULT = fileURLToPath(new URL("../fixtures/vaults/term2021", import.meta.url));
const ACTIVE = ["LeetCode 刷题", "CUDA 编程权威指南", "深度学习课程"];

let session: DemoSession;
beforeAll(async () => {
  session = await startDemo({ vault: VAULT });
});
afterAll(async () => {
  await session?.close();
});

const on = (day: string, options: { theme?: "light" | "dark"; width?: number; height?: number } = {}): Promise<Page> =>
  openDemo(session, { ...options, query: { date: day, file: "2021 学期计划.md" } });

const todayChildren = (page: Page) => sidebar(page).locator(".bq-section-today > .tree-item-children");

async function activeTracks(page: Page): Promise<{ name: string; flair: string; next: string }[]> {
  return todayChildren(page).locator(":scope > .bq-track-active").evaluateAll((tracks) => tracks.map((track) => ({
    name: track.querySelector(":scope > .tree-item-self .tree-item-inner")?.textContent ?? "",
    flair: track.querySelector(":scope > .tree-item-self .tree-item-flair")?.textContent ?? "",
    next: track.querySelector(".bq-next-item")?.textContent ?? "",
  })));
}

describe("a term planner's real days", () => {
  it("on the deadline day the deadline heads Today, whatever its track", async () => {
    for (const theme of ["light", "dark"] as const) {
      const page = await on("2021-09-09", { theme, height: 1000 });
      const view = sidebar(page);
      expect(await view.locator(".bq-day").textContent()).toBe("2021-09-09 Thu");
      const first = todayChildren(page).locator(":scope > *").first();
      expect(await first.getAttribute("class")).toContain("bq-fixed-today");
      expect(await first.locator(".bq-item-text").allTextContents()).toEqual(["AAAI 2022 论文投稿截止"]);
      expect(await first.locator(".bq-group").allTextContents()).toEqual(["TIME"]);
      expect(await view.locator(".bq-done-count").textContent()).toBe("0/1 done");
      expect((await activeTracks(page)).map((t) => t.name)).toEqual(ACTIVE);
      // The deadline counts down to "today" in the sidebar and the status bar alike; one notice lists the week.
      expect(await view.locator(".bq-deadline-row .bq-days-left").first().textContent()).toBe("today");
      expect(await page.locator(".bq-status").textContent()).toContain("AAAI 2022 · today");
      expect(await page.locator(".notice").count()).toBe(1);
      expect(await page.locator(".notice").textContent()).toContain("AAAI 2022 · today");
      expect(await view.locator(".bq-deadlines-later").textContent()).toBe("1 later");
      await dismissNotices(page);
      await screenshot(page.locator(".mod-right-split"), `real-days-deadline-${theme}`);
      await page.context().close();
    }
  });

  it("on a free day the running tracks stay, each with its next item; pausing one takes it away", async () => {
    const page = await on("2021-09-06");
    const view = sidebar(page);
    expect(await view.locator(".bq-section-today .bq-empty").first().textContent()).toContain("Nothing planned for today.");
    const active = await activeTracks(page);
    expect(active.map((t) => [t.name, t.flair])).toEqual(ACTIVE.map((name) => [name, ""]));
    expect(active.map((t) => t.next)).toEqual([
      "Next背包问题小结09-08 Wed", "Next2.1　编程模型概述09-07 Tue", "Next第一周 神经网络基础09-13 Mon",
    ]);
    await dismissNotices(page);
    await screenshot(page.locator(".mod-right-split"), "real-days-free-light");

    await page.keyboard.press("Control+p");
    await page.locator(".modal.prompt input.prompt-input").fill("pause track");
    await page.keyboard.press("Enter");
    await page.locator(".modal.prompt").last().locator("input.prompt-input").fill("CUDA");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await activeTracks(page)).map((t) => t.name), WAIT).toEqual(["LeetCode 刷题", "深度学习课程"]);
    await page.context().close();
  });

  it("after weeks of missed items: past events are not overdue, the missed deadline shows as missed", async () => {
    const page = await on("2021-10-20", { height: 1000 });
    const view = sidebar(page);
    const overdue = view.locator(".bq-section-overdue");
    const tracks = await overdue.locator(".bq-overdue-track > .tree-item-self .tree-item-inner").allTextContents();
    expect(tracks).toContain("TIME");
    await overdue.locator('.bq-overdue-track[data-track="TIME"] > .tree-item-self').click();
    const time = await overdue.locator('.bq-overdue-track[data-track="TIME"] .bq-item-text').allTextContents();
    expect(time).toContain("整理暑期实验记录");
    for (const text of time) expect(text).not.toMatch(/开课|结课|考试|截止/u);
    const missed = view.locator(".bq-deadline-row", { hasText: "ICRA 2022" });
    expect(await missed.locator(".bq-days-left").textContent()).toBe("5d ago");
    // The last section's rows are not under the status bar once scrolled to the end.
    await view.locator(".view-content").evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const lastRow = await view.locator(".bq-tree-head").last().boundingBox();
    const status = await page.locator(".status-bar").boundingBox();
    expect(lastRow!.y + lastRow!.height).toBeLessThanOrEqual(status!.y);
    await dismissNotices(page);
    await screenshot(page.locator(".mod-right-split"), "real-days-missed-light");
    await page.context().close();
  });

  it("reads at phone width, sidebar and settings", async () => {
    for (const theme of ["light", "dark"] as const) {
      const page = await on("2021-09-09", { theme, width: 390, height: 844 });
      await dismissNotices(page);
      await screenshot(page, `real-days-390-${theme}`);
      await page.context().close();
    }
    const page = await on("2021-09-09", { width: 390, height: 844 });
    await dismissNotices(page);
    await page.keyboard.press("Control+,");
    const modal = page.locator(".modal.mod-settings");
    await modal.waitFor();
    expect(await modal.locator(".bq-queue-in-effect").textContent()).toContain("2021 学期计划.md");
    expect(await modal.locator(".bq-slider-value").first().textContent()).toBe("5");
    await screenshot(page, "real-days-settings-390-light");
    // Nothing of the settings is cut off: no control reaches past the window's right edge.
    await fontsLoaded(page);
    const overflow = await modal.evaluate((el) => Array.from(el.querySelectorAll<HTMLElement>(".setting-item-control > *"))
      .filter((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5).map((c) => c.className));
    expect(overflow).toEqual([]);
    await page.context().close();
  });
});
