// "Plan this track…" as a person sees it, light and dark: the form, the preview's dates | text grid, and
// the dates written into the note. "Postpone the item under the cursor…" from the palette, undone by Ctrl+Z.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { DEMO_PLANNER as PLANNER, dismissNotices, editorText, fontsLoaded, openDemo, screenshot, sidebar, startDemo, type DemoSession, WAIT } from "./harness";

let session: DemoSession;
beforeAll(async () => {
  session = await startDemo();
});
afterAll(async () => {
  await session?.close();
});

const TRACK = "深度学习工程师";

/** Preview rows whose text does not start right of its date, or that overlap the next row. */
async function misplacedRows(modal: Locator): Promise<string[]> {
  await fontsLoaded(modal);
  return modal.locator(".bq-plan-row").evaluateAll((rows) => {
    const bad: string[] = [];
    rows.forEach((row, i) => {
      const dates = row.querySelector(".bq-roll-dates")!.getBoundingClientRect();
      const text = row.querySelector(".bq-roll-text")!.getBoundingClientRect();
      if (text.left < dates.right - 0.5) bad.push(`${i}: text not in its own column`);
      const next = rows[i + 1];
      if (next && next.getBoundingClientRect().top < row.getBoundingClientRect().bottom - 0.5) bad.push(`${i}: overlaps the next row`);
    });
    return bad;
  });
}

const noteLine = (page: Page, path: string, line: number): Promise<string> =>
  page.evaluate(async ([p, l]) => {
    const app = window.bqDemo!.app;
    const view = app.workspace.getMostRecentLeaf()?.view as { file?: { path: string }; editor?: { getValue(): string } } | undefined;
    const text = view?.file?.path === p && view.editor ? view.editor.getValue() : await app.vault.cachedRead(app.vault.getFileByPath(p)!);
    return text.split(/\r?\n/)[l - 1];
  }, [path, line] as const);

describe("Plan this track", () => {
  for (const theme of ["light", "dark"] as const) {
    it(`previews each item with its new date and writes them (${theme})`, async () => {
      const page = await openDemo(session, { theme, width: 1100 });
      await dismissNotices(page);
      await sidebar(page).locator(`.bq-track-active[data-track="${TRACK}"] > .tree-item-self`).click({ button: "right" });
      await page.locator(".menu .menu-item", { hasText: "Plan this track…" }).click();
      const modal = page.locator(".modal.bq-plan-modal");
      await modal.waitFor();
      await modal.locator(".bq-plan-count input").fill("2");
      await expect.poll(() => modal.locator(".bq-plan-summary").textContent(), WAIT).toBe("6 items on 3 days, the last on 2026-12-03 · 7 days a week");
      expect(await modal.locator(".bq-plan-row .bq-roll-dates").allTextContents()).toEqual(["2026-12-01", "", "2026-12-02", "", "2026-12-03", ""]);
      expect(await misplacedRows(modal)).toEqual([]);
      await screenshot(page, `plan-modal-${theme}`);
      const first = Number(await modal.locator(".bq-plan-row").first().getAttribute("data-line"));
      const last = Number(await modal.locator(".bq-plan-row").last().getAttribute("data-line"));
      await modal.locator(".bq-plan-confirm").click();
      await expect.poll(() => modal.count(), WAIT).toBe(0);
      await expect.poll(() => noteLine(page, "学期规划.md", first), WAIT).toMatch(/^- \[ \] 2026\/12\/0?1 {3,4}第一周 循环神经网络 1\.7-1\.12$/u);
      expect(await noteLine(page, "学期规划.md", last)).toMatch(/^- \[ \] 2026\/12\/0?3 {3,4}人工智能大师访谈 1-2$/u);
      await page.context().close();
    });
  }
});

describe("Postpone the item under the cursor", () => {
  for (const theme of ["light", "dark"] as const) {
    it(`offers each choice with its day, writes the line and Ctrl+Z takes it back (${theme})`, async () => {
      const page = await openDemo(session, { theme, width: 1100 });
      await dismissNotices(page);
      const line = PLANNER.split("\n").indexOf("- [ ] 2026/11/30    组合问题、剪枝优化");
      await page.evaluate((target) => {
        const view = window.bqDemo!.app.workspace.getMostRecentLeaf()!.view as unknown as {
          editor: { setCursor(l: number, c: number): void; scrollIntoView(r: object, c: boolean): void; focus(): void };
        };
        view.editor.scrollIntoView({ from: { line: target, ch: 0 }, to: { line: target, ch: 0 } }, true);
        view.editor.setCursor(target, 8);
        view.editor.focus();
      }, line);
      await page.keyboard.press("Control+p");
      const palette = page.locator(".modal.prompt");
      await palette.locator("input.prompt-input").fill("postpone the item");
      await expect.poll(() => palette.locator(".suggestion-item.is-selected").textContent(), WAIT).toBe("Brain Queue: Postpone the item under the cursor…");
      await page.keyboard.press("Enter");
      const picker = page.locator(".modal.prompt .bq-postpone-choice");
      await expect.poll(() => picker.count(), WAIT).toBe(5);
      // 2026-11-30 is a Monday; every weekday is a study day in the demo.
      expect(await picker.evaluateAll((els) => els.map((el) => [el.querySelector(".bq-postpone-title")?.textContent, el.querySelector(".bq-date")?.textContent ?? ""]))).toEqual([
        ["Postpone to tomorrow", "2026-12-01"], ["Postpone by a week", "2026-12-07"], ["Postpone to the next study day", "2026-12-01"],
        ["Postpone to a date…", ""], ["Postpone and shift the rest of the track", "2026-12-01"],
      ]);
      // Title and day side by side on one line, the day inside the row.
      expect(await picker.evaluateAll((els) => els.filter((el) => {
        const title = el.querySelector(".bq-postpone-title")!.getBoundingClientRect();
        const day = el.querySelector(".bq-date")?.getBoundingClientRect();
        const row = el.getBoundingClientRect();
        return day !== undefined && (day.left < title.right || day.right > row.right + 0.5 || Math.abs(day.top + day.height / 2 - (title.top + title.height / 2)) > 2);
      }).length)).toBe(0);
      await screenshot(page, `postpone-picker-${theme}`);
      await picker.filter({ hasText: "Postpone by a week" }).click();
      await expect.poll(() => editorText(page), WAIT).toBe(PLANNER.replace("- [ ] 2026/11/30    组合问题、剪枝优化", "- [ ] 2026/12/07    组合问题、剪枝优化"));
      await page.locator(".mod-root .cm-content").click();
      await page.keyboard.press("Control+z");
      await expect.poll(() => editorText(page), WAIT).toBe(PLANNER);
      await page.context().close();
    });
  }
});
