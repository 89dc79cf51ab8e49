// The roll-forward preview as a person sees it: each change a row of a grid (dates | text) whose wrapped
// text stays in its own column, at desktop and phone width; an unticked row is not written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { fontsLoaded, openDemo, screenshot, sidebar, startDemo, type DemoSession, WAIT } from "./harness";

let session: DemoSession;
beforeAll(async () => {
  session = await startDemo();
});
afterAll(async () => {
  await session?.close();
});

const TRACK = "深度学习工程师";

async function openPreview(page: Page, mobile: boolean): Promise<Locator> {
  await page.locator(".notice").evaluateAll((notices) => notices.forEach((notice) => notice.remove()));
  const button = sidebar(page).locator(`.bq-track-active[data-track="${TRACK}"] > .tree-item-self .bq-roll-track`);
  if (mobile) {
    await page.tap(".sidebar-toggle-button.mod-right");
    await button.tap();
  } else await button.click();
  const modal = page.locator(".modal.bq-roll-modal");
  await modal.waitFor();
  return modal;
}

/** Rows whose text box starts left of its dates' end on the same line, or that overlap the next row. */
async function misplacedRows(modal: Locator, mobile: boolean): Promise<string[]> {
  await fontsLoaded(modal);
  return modal.locator(".bq-roll-change").evaluateAll((rows, phone) => {
    const bad: string[] = [];
    rows.forEach((row, i) => {
      const dates = row.querySelector(".bq-roll-dates")!.getBoundingClientRect();
      const text = row.querySelector(".bq-roll-text")!.getBoundingClientRect();
      const beside = text.left >= dates.right - 0.5;
      const below = text.top >= dates.bottom - 0.5 && Math.abs(text.left - dates.left) < 1;
      if (!(phone ? below : beside)) bad.push(`${i}: text not in its own column`);
      const next = rows[i + 1];
      if (next && next.getBoundingClientRect().top < row.getBoundingClientRect().bottom - 0.5) bad.push(`${i}: overlaps the next row`);
    });
    return bad;
  }, mobile);
}

/** A note's line (counted from 1) as the person sees it: the open editor's text when the note is open. */
const noteLine = (page: Page, path: string, line: number): Promise<string> =>
  page.evaluate(async ([p, l]) => {
    const app = window.bqDemo!.app;
    const view = app.workspace.getMostRecentLeaf()?.view as { file?: { path: string }; editor?: { getValue(): string } } | undefined;
    const text = view?.file?.path === p && view.editor ? view.editor.getValue() : await app.vault.cachedRead(app.vault.getFileByPath(p)!);
    return text.split(/\r?\n/)[l - 1];
  }, [path, line] as const);

describe("Roll preview", () => {
  for (const mobile of [false, true]) {
    it(`lays each change out as dates | text, and leaves an unticked row unwritten (${mobile ? "phone" : "desktop"})`, async () => {
      const page = await openDemo(session, mobile ? { mobile: true } : { width: 900 });
      const modal = await openPreview(page, mobile);
      const rows = modal.locator(".bq-roll-change");
      expect(await rows.count()).toBeGreaterThanOrEqual(2);
      expect(await misplacedRows(modal, mobile)).toEqual([]);
      expect(await modal.locator(".bq-roll-summary").textContent()).toMatch(/^\d+ lines? in 1 note: \d+ overdue moved, \d+ later items? shifted$/);

      const first = rows.nth(0);
      const second = rows.nth(1);
      const [path, line] = [(await first.getAttribute("data-path"))!, Number(await first.getAttribute("data-line"))];
      const secondLine = Number(await second.getAttribute("data-line"));
      const before = await noteLine(page, path, line);
      const secondBefore = await noteLine(page, path, secondLine);
      await first.locator("input.bq-roll-include").uncheck();
      await expect.poll(() => modal.locator(".bq-roll-change.is-left").count(), WAIT).toBe(1);
      await screenshot(page, `roll-preview-${mobile ? "phone" : "desktop"}`);
      await modal.locator(".bq-roll-confirm").click();
      await expect.poll(() => modal.count(), WAIT).toBe(0);
      expect(await noteLine(page, path, line)).toBe(before);
      expect(await noteLine(page, path, secondLine)).not.toBe(secondBefore);
      await page.context().close();
    });
  }
});
