// The demo workspace loads the built main.js unmodified and shows the plugin's sidebar.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemo, sidebar, startDemo, type DemoSession } from "./harness";

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
    await expect.poll(() => page.locator(".mod-root .view-header-title").textContent()).toBe("学期规划");
    expect(await page.locator(".mod-root .cm-content").textContent()).toContain("# TIME");
    expect(await sidebar(page).count()).toBe(1);
    expect(await page.locator(".nav-file-title").allTextContents()).toEqual(["Reading plan", "Tasks style", "学期规划"]);
    const commands = await page.evaluate(() => window.bqDemo!.app.commands.listCommands().map((c) => c.id));
    expect(commands).toContain("brain-queue:open-today");
    await page.context().close();
  });
});
