// The demo workspace loads the built main.js unmodified and shows the plugin's sidebar.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dismissNotices, openDemo, renderedFonts, screenshot, sidebar, startDemo, type DemoSession, WAIT } from "./harness";

let session: DemoSession;
beforeAll(async () => {
  session = await startDemo();
});
afterAll(async () => {
  await session?.close();
});

describe("demo workspace", () => {
  it("loads main.js, opens the planner note in the editor and the Today view in the right sidebar", async () => {
    const page = await openDemo(session);
    await expect.poll(() => page.locator(".mod-root .view-header-title").textContent(), WAIT).toBe("学期规划");
    expect(await page.locator(".mod-root .cm-content").textContent()).toContain("# TIME");
    expect(await sidebar(page).count()).toBe(1);
    expect(await page.locator(".nav-file-title").allTextContents()).toEqual(["Reading plan", "Tasks style", "学期规划"]);
    const commands = await page.evaluate(() => window.bqDemo!.app.commands.listCommands().map((c) => c.id));
    expect(commands).toContain("brain-queue:open-today");
    await page.context().close();
  });

  it("switches theme from the ribbon and shows the plugin's settings tab in the settings window", async () => {
    const page = await openDemo(session);
    await page.locator('.side-dock-ribbon-action[aria-label="Toggle dark theme"]').click();
    expect(await page.evaluate(() => document.body.className)).toContain("theme-dark");
    await page.keyboard.press("Control+,");
    const settings = page.locator(".modal.mod-settings");
    expect(await settings.locator(".vertical-tab-nav-item.is-active").textContent()).toBe("Brain Queue");
    const names = await settings.locator(".setting-item-name").allTextContents();
    expect(names.length).toBeGreaterThan(5);
    expect(await settings.locator(".setting-item-heading").count()).toBeGreaterThan(1);
    await page.keyboard.press("Escape");
    expect(await settings.count()).toBe(0);
    await page.context().close();
  });

  it("?date= moves the page's clock to another day (for people trying the demo on other dates)", async () => {
    const page = await openDemo(session, { query: { date: "2026-12-01" } });
    await expect.poll(() => sidebar(page).locator(".bq-day").textContent(), WAIT).toBe("2026-12-01 Tue");
    await page.context().close();
  });

  it("draws Chinese text in the font the demo ships, whatever fonts the machine has", async () => {
    const page = await openDemo(session);
    const title = page.locator(".mod-root .view-header-title");
    await expect.poll(() => title.textContent(), WAIT).toBe("学期规划");
    // Which fonts Chromium drew the title's glyphs with: only the web font, none of the system's.
    // (Its name inside the file is the variable font's default instance, "Noto Sans SC Thin".)
    expect(await renderedFonts(page, ".mod-root .view-header-title")).toEqual([{ familyName: expect.stringMatching(/^Noto Sans SC/), isCustomFont: true, glyphCount: 4 }]);
    // A CJK glyph is one em wide: the layout checks of the other tests measure real text.
    const { width, size } = await title.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return { width: range.getBoundingClientRect().width, size: parseFloat(getComputedStyle(el).fontSize) };
    });
    expect(Math.abs(width - 4 * size)).toBeLessThan(1);
    await page.context().close();
  });

  it("takes a picture of the whole workspace for the README", async () => {
    const page = await openDemo(session);
    await dismissNotices(page);
    await page.mouse.move(700, 450);
    await screenshot(page, "workspace-light");
    await page.context().close();
  });
});
