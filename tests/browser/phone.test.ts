// The demo in its phone layout (`?mobile=1`, 390×844, a touch screen): the note takes the whole width,
// the sidebar is a drawer, and every control in it is large enough for a finger. Sizes are read from the
// page's own layout (bounding boxes), taps and swipes are the browser's touch input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { centreOf, DEMO_PLANNER as PLANNER, dismissNotices, editorText, fontsLoaded, openDemo, PHONE, screenshot, sidebar, startDemo, touchDrag, touchHold, type DemoSession, WAIT } from "./harness";

/** The smallest touch target accepted (Obsidian's own mobile panes use 40–44 px). */
const TOUCH = 36;

let session: DemoSession;
beforeAll(async () => {
  session = await startDemo();
});
afterAll(async () => {
  await session?.close();
});

const drawer = (page: Page): Locator => page.locator(".workspace-drawer.mod-right");

async function openDrawer(page: Page): Promise<void> {
  await page.tap(".sidebar-toggle-button.mod-right");
  await expect.poll(() => drawerLeft(page), WAIT).toBe(0);
}

/** Where the right drawer's left edge is, or null while it is out of sight. */
async function drawerLeft(page: Page): Promise<number | null> {
  return drawer(page).evaluate((el) => (getComputedStyle(el).visibility === "hidden" ? null : Math.round(el.getBoundingClientRect().left)));
}

/** Width and height of every element a selector finds inside the sidebar, with a label to tell them apart. */
async function boxes(page: Page, selector: string): Promise<{ label: string; width: number; height: number }[]> {
  return sidebar(page).locator(selector).evaluateAll((els) => els.map((el) => {
    const box = el.getBoundingClientRect();
    const label = `${el.getAttribute("class") ?? ""} ${(el.getAttribute("aria-label") ?? el.textContent ?? "").slice(0, 24)}`;
    return { label, width: Math.round(box.width), height: Math.round(box.height) };
  }));
}

/** Elements whose text is wider than their box (cut off or spilling out) or that reach past the screen. */
async function overflowing(page: Page, scope: Locator, selector: string): Promise<string[]> {
  await fontsLoaded(page);
  return scope.locator(selector).evaluateAll((els, screen) => els.filter((el) => {
    const box = el.getBoundingClientRect();
    return el.scrollWidth > el.clientWidth + 1 || box.right > screen + 0.5 || box.left < -0.5;
  }).map((el) => `${el.getAttribute("class") ?? ""}: ${el.textContent ?? ""}`), PHONE.width);
}

describe("Phone layout", () => {
  it("sets is-mobile and is-phone, gives the note the whole width and keeps the sidebar in a closed drawer", async () => {
    const page = await openDemo(session, { mobile: true });
    expect(await page.evaluate(() => [document.body.classList.contains("is-mobile"), document.body.classList.contains("is-phone")])).toEqual([true, true]);
    const editor = await page.locator(".mod-root .cm-editor").boundingBox();
    expect(editor?.x).toBe(0);
    expect(editor?.width).toBe(PHONE.width);
    const content = await page.locator(".mod-root .cm-content").boundingBox();
    expect(content!.width).toBeGreaterThanOrEqual(PHONE.width - 40); // was 26 px beside a desktop sidebar
    expect(await drawerLeft(page)).toBeNull();
    expect(await page.locator(".status-bar").isVisible()).toBe(false); // phones have none
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await dismissNotices(page);
    await screenshot(page, "phone-note-light");
    await page.context().close();
  });

  it("opens the drawer full width by its button, by a swipe and by the plugin's action in the menu", async () => {
    const page = await openDemo(session, { mobile: true });
    await dismissNotices(page);
    // A swipe from right to left over the note opens the right drawer; one back closes it.
    await touchDrag(page, { x: 360, y: 420 }, { x: 80, y: 430 });
    await expect.poll(() => drawerLeft(page), WAIT).toBe(0);
    expect((await drawer(page).boundingBox())?.width).toBe(PHONE.width);
    await touchDrag(page, { x: 80, y: 420 }, { x: 360, y: 430 });
    await expect.poll(() => drawerLeft(page), WAIT).toBeNull();
    // The header's button.
    await openDrawer(page);
    await page.tap(".workspace-drawer.mod-right .workspace-drawer-close");
    await expect.poll(() => drawerLeft(page), WAIT).toBeNull();
    // The navbar's menu holds the ribbon's actions, the plugin's among them.
    await page.tap(".mobile-navbar .mod-ribbon");
    await page.locator(".menu .menu-item", { hasText: "Open today's tasks" }).tap();
    await expect.poll(() => drawerLeft(page), WAIT).toBe(0);
    await page.context().close();
  });

  it("gives every checkbox, button and row of the sidebar a touch target of at least 36 px", async () => {
    const page = await openDemo(session, { mobile: true });
    await dismissNotices(page);
    await openDrawer(page);
    await sidebar(page).locator('.bq-overdue-track[data-track="CUDA C 编程权威指南"] > .tree-item-self').tap();
    await sidebar(page).locator(".bq-next-day").tap();
    await expect.poll(() => sidebar(page).locator(".bq-today-button").count(), WAIT).toBe(1);
    await sidebar(page).locator(".bq-prev-day").tap();
    await expect.poll(() => sidebar(page).locator(".bq-day").textContent(), WAIT).toBe("2026-11-30 Mon");

    const controls = [
      ...await boxes(page, ".bq-item > input.task-list-item-checkbox"),
      ...await boxes(page, "button.bq-roll-track"),
      ...await boxes(page, ".bq-prev-day, .bq-next-day"),
    ];
    expect(controls.length).toBeGreaterThan(20);
    expect(controls.filter((c) => c.width < TOUCH || c.height < TOUCH)).toEqual([]);
    const rows = await boxes(page, ".bq-tree-head, .bq-item, .bq-deadline-row, .bq-show-more");
    expect(rows.length).toBeGreaterThan(30);
    expect(rows.filter((r) => r.height < TOUCH)).toEqual([]);
    // Nothing is cut off or wider than the screen.
    const view = sidebar(page);
    expect(await overflowing(page, view, ".bq-item-text, .tree-item-inner, .tree-item-flair, .bq-date, .bq-group, .bq-deadline-venue, .bq-days-left, .bq-day")).toEqual([]);
    expect(await view.locator(".view-content").evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await screenshot(page, "phone-sidebar-light");
    await page.context().close();
  });

  it("ticks an item by a tap, byte for byte, and a tap on its text opens the note and closes the drawer", async () => {
    const page = await openDemo(session, { mobile: true, theme: "dark" });
    await dismissNotices(page);
    await openDrawer(page);
    await screenshot(page, "phone-sidebar-dark");
    const row = sidebar(page).locator(".bq-item", { has: page.locator(".bq-item-text", { hasText: "组合问题、剪枝优化" }) });
    // The edge of the enlarged box counts, not only the drawn square in its middle.
    const box = (await row.locator("input.task-list-item-checkbox").boundingBox())!;
    await page.touchscreen.tap(box.x + 3, box.y + box.height / 2);
    await expect.poll(() => editorText(page), WAIT).toBe(PLANNER.replace("- [ ] 2026/11/30    组合问题、剪枝优化", "- [x] 2026/11/30    组合问题、剪枝优化"));
    await expect.poll(() => row.getAttribute("class"), WAIT).toContain("is-done");
    expect(await drawerLeft(page)).toBe(0); // ticking keeps the drawer open
    // The day's fixed event sits above the tracks: the row may be below the fold, as a person would scroll to it.
    const target = sidebar(page).locator(".bq-track-active .bq-item-text", { hasText: "展开循环" });
    await target.scrollIntoViewIfNeeded();
    const text = await centreOf(target);
    await page.touchscreen.tap(text.x, text.y);
    await expect.poll(() => drawerLeft(page), WAIT).toBeNull();
    await expect.poll(() => page.evaluate(() => {
      const view = window.bqDemo?.app.workspace.getMostRecentLeaf()?.view as { editor?: { getCursor(): { line: number } } } | undefined;
      return view?.editor?.getCursor().line ?? -1;
    }), WAIT).toBe(PLANNER.split("\n").findIndex((line) => line.includes("3.5\u3000展开循环")));
    await page.context().close();
  });

  it("a long-press on a row opens its menu as a sheet from the bottom, and the menu marks the item done", async () => {
    const page = await openDemo(session, { mobile: true });
    await dismissNotices(page);
    await openDrawer(page);
    const row = sidebar(page).locator(".bq-track-active .bq-item", { has: page.locator(".bq-item-text", { hasText: "第二周 词嵌入 2.6-2.10" }) });
    await touchHold(page, await centreOf(row.locator(".bq-item-text")), 800);
    const menu = page.locator(".menu");
    await menu.waitFor();
    expect(await menu.locator(".menu-item-title").allTextContents()).toEqual(["Open in note", "Mark as done", "Postpone to tomorrow", "Postpone by a week", "Postpone to the next study day", "Postpone to a date…", "Postpone and shift the rest of the track", "Roll this track forward"]);
    const sheet = (await menu.boundingBox())!;
    expect([sheet.x, sheet.width, Math.round(sheet.y + sheet.height)]).toEqual([0, PHONE.width, PHONE.height]);
    const items = await menu.locator(".menu-item").evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().height)));
    expect(items.filter((height) => height < TOUCH)).toEqual([]);
    expect(await row.getAttribute("class")).toContain("has-active-menu");
    // The sheet covers the lower part of the screen: the pressed row moves above it, in sight.
    const rowBox = async () => (await row.boundingBox())!;
    await expect.poll(async () => Math.round((await rowBox()).y + (await rowBox()).height) <= Math.round(sheet.y), WAIT).toBe(true);
    expect((await rowBox()).y).toBeGreaterThanOrEqual((await sidebar(page).locator(".view-content").boundingBox())!.y);
    expect(await drawerLeft(page)).toBe(0); // the press did not open the note
    await screenshot(page, "phone-row-menu-light");
    await menu.locator(".menu-item", { hasText: "Mark as done" }).tap();
    await expect.poll(() => editorText(page), WAIT).toBe(PLANNER.replace("- [ ] 2026/11/30    第二周 词嵌入 2.6-2.10", "- [x] 2026/11/30    第二周 词嵌入 2.6-2.10"));
    // The room made for the sheet goes with it.
    expect(await sidebar(page).locator(".view-content").evaluate((el) => getComputedStyle(el, "::after").height)).toBe("0px");
    await page.context().close();
  });

  it("a long-press on the last row scrolls it above the sheet, with room made after it while the sheet is open", async () => {
    const page = await openDemo(session, { mobile: true });
    await dismissNotices(page);
    await openDrawer(page);
    const content = sidebar(page).locator(".view-content");
    // The last overdue track open and the deadlines folded: its last item is the view's last row.
    await sidebar(page).locator(".bq-section-deadlines > .tree-item-self").tap();
    await sidebar(page).locator(".bq-overdue-track > .tree-item-self").last().tap();
    await content.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const row = sidebar(page).locator(".bq-item:visible").last();
    const before = (await row.boundingBox())!;
    await touchHold(page, { x: before.x + 40, y: before.y + before.height / 2 }, 800);
    const sheet = (await page.locator(".menu").boundingBox())!;
    expect(before.y + before.height).toBeGreaterThan(sheet.y); // the sheet would cover it where it was
    await expect.poll(async () => { const box = (await row.boundingBox())!; return Math.round(box.y + box.height) <= Math.round(sheet.y); }, WAIT).toBe(true);
    expect(await content.evaluate((el) => getComputedStyle(el, "::after").height)).not.toBe("0px");
    await screenshot(page, "phone-last-row-menu-light");
    await page.locator(".menu-item").first().evaluate(() => document.body.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true })));
    await expect.poll(() => page.locator(".menu").count(), WAIT).toBe(0);
    expect(await content.evaluate((el) => getComputedStyle(el, "::after").height)).toBe("0px");
    await page.context().close();
  });

  it("the command palette, the deadline suggester and the settings fit the screen with touch-sized rows", async () => {
    const page = await openDemo(session, { mobile: true });
    await dismissNotices(page);
    const prompt = page.locator(".modal.prompt");
    await page.tap('.mobile-navbar-action[aria-label="Open command palette"]');
    await page.keyboard.type("brain queue");
    expect(await prompt.locator(".suggestion-item").count()).toBeGreaterThan(5);
    expect((await prompt.locator(".suggestion-item").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height))).filter((h) => h < TOUCH)).toEqual([]);
    expect(await overflowing(page, prompt, ".suggestion-item")).toEqual([]);
    await prompt.locator(".suggestion-item", { hasText: "Show upcoming deadlines" }).tap();
    await expect.poll(() => prompt.locator(".bq-deadline-suggestion").count(), WAIT).toBeGreaterThan(5);
    expect((await prompt.locator(".suggestion-item").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height))).filter((h) => h < TOUCH)).toEqual([]);
    expect(await overflowing(page, prompt, ".bq-deadline-venue, .bq-date, .bq-days-left, .bq-group")).toEqual([]);
    await screenshot(page, "phone-deadlines-light");
    const cancel = prompt.locator(".prompt-cancel-button"); // no Escape key on a phone
    expect((await cancel.boundingBox())!.height).toBeGreaterThanOrEqual(TOUCH);
    await cancel.tap();
    await expect.poll(() => prompt.count(), WAIT).toBe(0);

    await page.tap(".mobile-navbar .mod-ribbon");
    await page.locator(".menu .menu-item", { hasText: "Settings" }).tap();
    const settings = page.locator(".modal.mod-settings");
    expect((await settings.boundingBox())?.width).toBe(PHONE.width);
    const add = settings.locator(".setting-item", { hasText: "Add track" });
    await add.locator("input").fill("深度学习工程师");
    await add.locator("button").tap();
    const moves = settings.locator(".bq-priority-row .extra-setting-button");
    await expect.poll(() => moves.count(), WAIT).toBe(3);
    expect((await moves.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()))).filter((b) => b.width < TOUCH || b.height < TOUCH)).toEqual([]);
    expect(await overflowing(page, settings, ".setting-item-name, .setting-item-description, .setting-item-control")).toEqual([]);
    expect(await settings.locator(".vertical-tab-content-container").evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await settings.locator(".bq-priority-list").scrollIntoViewIfNeeded();
    await screenshot(page, "phone-settings-light");
    await page.context().close();
  });

  it("the roll-forward preview is a sheet within the screen, its picker and buttons touch-sized", async () => {
    const page = await openDemo(session, { mobile: true, theme: "dark" });
    await dismissNotices(page);
    await openDrawer(page);
    await sidebar(page).locator('.bq-track-active[data-track="深度学习工程师"] > .tree-item-self .bq-roll-track').tap();
    const modal = page.locator(".modal.bq-roll-modal");
    await modal.waitFor();
    const box = (await modal.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    const controls = await modal.locator("button, select, .modal-close-button").evaluateAll((els) => els.map((el) => el.getBoundingClientRect()));
    expect(controls.length).toBeGreaterThanOrEqual(4);
    expect(controls.filter((b) => b.height < TOUCH)).toEqual([]);
    expect(await modal.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await overflowing(page, modal, ".bq-roll-text, .bq-roll-dates, .setting-item-name")).toEqual([]);
    await screenshot(page, "phone-roll-dark");
    await modal.locator("button", { hasText: "Cancel" }).tap();
    await expect.poll(() => modal.count(), WAIT).toBe(0);
    await page.context().close();
  });
});
