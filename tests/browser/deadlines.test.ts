// Deadline lines highlighted in the demo editor (CodeMirror 6 extension from main.js), and the command
// palette that toggles it. Demo date: Monday 2026-11-30.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { dismissNotices, editorContent, openDemo, screenshot, startDemo, type DemoSession, WAIT } from "./harness";

let session: DemoSession;
beforeAll(async () => {
  session = await startDemo();
});
afterAll(async () => {
  await session?.close();
});

/** Each visible deadline line of the editor as "text | urgency class | badge". */
async function deadlineLines(page: Page): Promise<string[]> {
  return editorContent(page).locator(".cm-line.bq-deadline").evaluateAll((lines) => lines.map((line) => {
    const badge = line.querySelector(".bq-deadline-badge");
    const text = Array.from(line.childNodes).filter((node) => node !== badge).map((node) => node.textContent).join("");
    return [text, (line.getAttribute("class") ?? "").match(/bq-urgency-\w+/)?.[0] ?? "", line.classList.contains("bq-dropped") ? "dropped" : "", badge?.textContent ?? ""].join(" | ");
  }));
}

describe("deadline highlighting in the editor", () => {
  it("colours deadline lines by urgency with a D-n badge; dropped venues are dimmed; other lines are untouched", async () => {
    const page = await openDemo(session, { height: 1000 });
    await expect.poll(() => deadlineLines(page), WAIT).toEqual([
      "- [ ] 2026/11/26    CVPR  2027 投稿截止日期 | bq-urgency-past |  | D+4",
      "- [ ] 2026/12/02    IJCAI 2027 摘要投稿截止 | bq-urgency-urgent |  | D-2",
      "- [ ] 2026/12/03    AAAI  2027 投稿截止日期 | bq-urgency-urgent |  | D-3",
      "- [ ] 2026/12/06    ICRA 2027 投稿截至日期 | bq-urgency-soon |  | D-6",
      "- [ ] 2026/12/15    3DV 2027 投稿截止日期 | bq-urgency-month |  | D-15",
      "- [ ] 2026/12/19    ACL 2027 投稿截止日期 | bq-urgency-month | dropped | D-19",
      "- [ ] 2027/01/28    ICML 2027 投稿截止日期 | bq-urgency-later |  | D-59",
      "- [ ] 2027/03/01    IROS  2027 投稿截至日期 | bq-urgency-later |  | D-91",
    ]);
    const plain = editorContent(page).locator(".cm-line", { hasText: "全国大学英语六级笔试" });
    expect(await plain.getAttribute("class")).not.toContain("bq-deadline");
    await dismissNotices(page);
    await page.mouse.move(700, 890);
    await screenshot(page.locator(".mod-root"), "editor-deadlines");
    await page.context().close();
  });

  it("the command palette (Ctrl+P) runs “Toggle deadline highlighting”", async () => {
    const page = await openDemo(session);
    await editorContent(page).locator(".bq-deadline").first().waitFor();
    await page.keyboard.press("Control+p");
    const palette = page.locator(".modal.prompt");
    await palette.locator("input.prompt-input").fill("toggle deadline");
    const first = palette.locator(".suggestion-item.is-selected");
    expect(await first.textContent()).toBe("Brain Queue: Toggle deadline highlighting");
    await page.keyboard.press("Enter");
    await expect.poll(() => editorContent(page).locator(".bq-deadline").count(), WAIT).toBe(0);
    expect(await page.locator(".notice").last().textContent()).toMatch(/highlight/i);
    await page.context().close();
  });
});

describe("deadline highlighting in reading view", () => {
  it("the plugin's post-processor marks rendered deadline items with the same badge", async () => {
    const page = await openDemo(session);
    await page.locator('.mod-root .view-action[aria-label^="Current view: editing"]').click();
    const reading = page.locator(".mod-root .markdown-reading-view");
    const aaai = reading.locator("li.task-list-item", { hasText: "AAAI  2027" });
    await expect.poll(() => aaai.getAttribute("class"), WAIT).toContain("bq-urgency-urgent");
    expect(await aaai.locator(".bq-deadline-badge").textContent()).toBe("D-3");
    const plain = reading.locator("li.task-list-item", { hasText: "全国大学英语六级笔试" });
    expect(await plain.getAttribute("class")).not.toContain("bq-deadline");
    await page.context().close();
  });
});
