// Moving tracks between the active list and the Brain Queue with the commands, in the demo workspace.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { DEMO_PLANNER as PLANNER, editorText, openDemo, sidebar, startDemo, type DemoSession, WAIT } from "./harness";


let session: DemoSession;
beforeAll(async () => {
  session = await startDemo();
});
afterAll(async () => {
  await session?.close();
});

async function runCommand(page: Page, query: string, expected: string): Promise<void> {
  await page.keyboard.press("Control+p");
  const palette = page.locator(".modal.prompt");
  await palette.locator("input.prompt-input").fill(query);
  expect(await palette.locator(".suggestion-item.is-selected").textContent()).toBe(expected);
  await page.keyboard.press("Enter");
}

async function activeTracks(page: Page): Promise<string[]> {
  return sidebar(page).locator(".bq-section-today .bq-track-active > .tree-item-self .tree-item-inner").allTextContents();
}

/** The queue block of the planner note as the editor shows it. */
async function queueBlock(page: Page): Promise<string> {
  const text = await editorText(page);
  return text.slice(text.indexOf("当前 BPU"), text.indexOf("## To be a Scientist")).trim();
}

describe("queue commands", () => {
  it("Pause track… (fuzzy suggester) then Promote next queued track rewrite the queue block and the sidebar follows", async () => {
    const page = await openDemo(session);
    await runCommand(page, "pause track", "Brain Queue: Pause track…");
    const picker = page.locator(".modal.prompt").last();
    await picker.locator("input.prompt-input").fill("全栈");
    await page.keyboard.press("Enter");
    await expect.poll(() => activeTracks(page), WAIT).toEqual(["LeetCode 每日一题/专题", "CUDA C 编程权威指南", "深度学习工程师", "分布式系统原理"]);
    const paused = await queueBlock(page);
    expect(paused).not.toBe(PLANNER.slice(PLANNER.indexOf("当前 BPU"), PLANNER.indexOf("## To be a Scientist")).trim());
    expect(paused.split("Brain Queue")[0]).not.toContain("深度学习全栈");

    await runCommand(page, "promote", "Brain Queue: Promote next queued track");
    await expect.poll(() => activeTracks(page), WAIT).toHaveLength(5);
    const promoted = await activeTracks(page);
    expect(promoted.slice(0, 4)).toEqual(["LeetCode 每日一题/专题", "CUDA C 编程权威指南", "深度学习工程师", "分布式系统原理"]);
    expect(promoted[4]).toBe("概率图模型");
    // The note now says: 概率图模型 active, 深度学习全栈 waiting last; every blank line kept.
    expect((await queueBlock(page)).split("\n")).toEqual([
      "当前 BPU （Brain Processing Unit）最大进程数为：5，按优先级排序", "",
      "- LeetCode", "- CUDA C编程权威指南", "- 深度学习工程师", "- 分布式系统", "- 概率图模型", "", "",
      "Brain Queue", "",
      "- 每日一 Blog", "- 深度学习全栈",
    ]);
    await page.context().close();
  });
});
