// The Progress view as a person sees it in real Chromium: opened from the sidebar's header, in the main
// area, in the right sidebar and on a phone, light and dark. Screenshots in tests/output/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { fontsLoaded, openDemo, PHONE, screenshot, sidebar, startDemo, type DemoSession, WAIT } from "./harness";

let session: DemoSession;
beforeAll(async () => {
  session = await startDemo();
});
afterAll(async () => {
  await session?.close();
});

const view = (page: Page): Locator => page.locator('.workspace-leaf-content[data-type="brain-queue-progress"]');

/** Charts and labels that stick out of the view, and chart text that overlaps other chart text. */
async function layoutProblems(root: Locator): Promise<string[]> {
  await fontsLoaded(root);
  return root.evaluate((el) => {
    const bad: string[] = [];
    const box = el.getBoundingClientRect();
    for (const svg of Array.from(el.querySelectorAll("svg.bq-heatmap-chart, svg.bq-burndown-chart"))) {
      const r = svg.getBoundingClientRect();
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5) bad.push(`${svg.getAttribute("class")} is ${r.width}px wide in ${box.width}px`);
      const labels = Array.from(svg.querySelectorAll("text")).map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
      for (const { text, r: l } of labels) if (l.left < box.left - 0.5 || l.right > box.right + 0.5) bad.push(`label ${text} outside`);
      labels.forEach((a, i) => labels.slice(i + 1).forEach((b) => {
        if (a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom) bad.push(`labels ${a.text} and ${b.text} overlap`);
      }));
    }
    return bad;
  });
}

/** The colour a chart's part is drawn in, and the view's background. */
const colours = (page: Page): Promise<{ actual: string; planned: string; heat: string; empty: string; background: string }> =>
  view(page).evaluate((el) => {
    const stroke = (sel: string): string => getComputedStyle(el.querySelector(sel)!).stroke;
    const fill = (sel: string): string => getComputedStyle(el.querySelector(sel)!).fill;
    return {
      actual: stroke(".bq-burndown-chart .bq-burndown-actual"),
      planned: stroke(".bq-burndown-chart .bq-burndown-planned"),
      heat: fill(".bq-heatmap-legend .bq-heat-4"),
      empty: fill(".bq-heatmap-legend .bq-heat-0"),
      background: getComputedStyle(el.querySelector(".view-content")!).backgroundColor,
    };
  });

describe("Progress view", () => {
  for (const theme of ["light", "dark"] as const) {
    it(`opens from the sidebar's header with a heatmap and the active tracks' burndowns (${theme})`, async () => {
      const page = await openDemo(session, { theme, width: 1200 });
      await sidebar(page).locator(".bq-open-progress").click();
      const progress = view(page);
      await progress.locator(".bq-burndown").first().waitFor();
      const active = await sidebar(page).locator(".bq-section-today > .tree-item-children > .bq-track-active").evaluateAll((tracks) => tracks.map((t) => (t as HTMLElement).dataset.track));
      const drawn = await progress.locator(".bq-burndowns > .bq-burndown").evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.track));
      // Every active track with dated items has a chart, in the sidebar's order.
      expect(drawn.length).toBeGreaterThan(0);
      expect(active.filter((name) => drawn.includes(name))).toEqual(drawn);
      // The sidebar's forecast and the chart's title say the same.
      const first = drawn[0]!;
      expect(await progress.locator(`.bq-burndown[data-track="${first}"] .bq-forecast`).textContent())
        .toBe(await sidebar(page).locator(`.bq-track-active[data-track="${first}"] > .bq-forecast`).textContent());
      // All burndowns share one time axis: today's line at one x in every chart.
      const todays = await progress.locator(".bq-burndown-chart line.bq-burndown-today").evaluateAll((lines) => lines.map((l) => l.getAttribute("x1")));
      expect(todays.length).toBeGreaterThan(1);
      expect(new Set(todays).size).toBe(1);
      expect(await progress.locator(".bq-heatmap-chart rect.bq-heat").count()).toBe(25 * 7 + 1); // 2026-11-30 is a Monday
      expect(await layoutProblems(progress)).toEqual([]);
      // Remaining and planned lines tell apart, and so do busy and empty days; none is the background.
      const c = await colours(page);
      expect(c.actual).not.toBe(c.planned);
      expect(c.heat).not.toBe(c.empty);
      for (const colour of [c.actual, c.planned, c.heat, c.empty]) expect(colour).not.toBe(c.background);
      await screenshot(progress, `progress-${theme}`);
      await page.context().close();
    });
  }

  it("a day of the heatmap lists its items by track, and the view fits the sidebar's width", async () => {
    const page = await openDemo(session, { width: 1200 });
    await page.evaluate(async () => {
      const workspace = window.bqDemo!.app.workspace;
      const leaf = workspace.getRightLeaf(false);
      await leaf.setViewState({ type: "brain-queue-progress", active: true });
      await workspace.revealLeaf(leaf);
    });
    const progress = page.locator('.mod-right-split .workspace-leaf-content[data-type="brain-queue-progress"]');
    await progress.locator(".bq-burndown").first().waitFor();
    const busiest = progress.locator(".bq-heatmap-chart rect.bq-heat-4").last();
    const date = await busiest.getAttribute("data-date");
    await busiest.click();
    await expect.poll(() => progress.locator(".bq-heatmap-detail-day").textContent(), WAIT).toMatch(new RegExp(`^${date}: \\d+ completed$`));
    expect(await progress.locator(".bq-heatmap-detail-track").count()).toBeGreaterThan(0);
    expect(await busiest.getAttribute("aria-label")).toContain(`${date}: `);
    expect(await layoutProblems(progress)).toEqual([]);
    await screenshot(progress, "progress-sidebar-light");
    await page.context().close();
  });

  for (const theme of ["light", "dark"] as const) {
    it(`fits a phone's screen (${theme})`, async () => {
      const page = await openDemo(session, { theme, mobile: true });
      await page.locator(".sidebar-toggle-button.mod-right").click();
      await sidebar(page).locator(".bq-open-progress").click();
      const progress = view(page);
      await progress.locator(".bq-burndown").first().waitFor();
      // The drawer closed to show the view.
      const drawer = page.locator(".workspace-drawer.mod-right");
      await expect.poll(() => drawer.evaluate((el) => getComputedStyle(el).visibility), WAIT).toBe("hidden");
      const width = await progress.evaluate((el) => el.getBoundingClientRect().width);
      expect(width).toBeLessThanOrEqual(PHONE.width);
      expect(await layoutProblems(progress)).toEqual([]);
      await screenshot(page, `progress-phone-${theme}`);
      await page.context().close();
    });
  }
});
