// The start-up index on real web workers: main.js carries the parse worker as text and starts it from a
// blob URL when a vault has enough notes; the records it sends back are what the sidebar shows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DATE, openDemo, screenshot, sidebar, startDemo, type DemoSession, WAIT } from "./harness";

let session: DemoSession;
beforeAll(async () => {
  session = await startDemo();
});
afterAll(async () => {
  await session?.close();
});

interface IndexerState {
  lastRebuild: { indexed: number; onWorkers: number } | null;
  pool: unknown;
  index: { itemsOn(day: string): { path: string; text: string }[]; size: number };
}

describe("parse workers", () => {
  it("index a 303-note vault off the main thread, and the generated items reach the sidebar", async () => {
    const page = await openDemo(session, { query: { notes: "300" } });
    const indexer = (): Promise<{ last: IndexerState["lastRebuild"]; workersLeft: boolean; generated: string[]; size: number }> =>
      page.evaluate((day) => {
        const state = (window.bqDemo!.plugin as unknown as { indexer: IndexerState }).indexer;
        const generated = state.index.itemsOn(day).filter((item) => item.path.startsWith("Generated/")).map((item) => item.text);
        return { last: state.lastRebuild, workersLeft: state.pool !== null, generated, size: state.index.size };
      }, DEMO_DATE);
    await expect.poll(async () => (await indexer()).last, WAIT).not.toBeNull();
    const state = await indexer();
    // One batch (the vault is under 256 KB) went to the worker, and every note came back from it.
    expect(state.last).toEqual({ indexed: 303, onWorkers: 303 });
    expect(state.workersLeft).toBe(false);
    expect(state.size).toBe(303);
    expect(state.generated).toHaveLength(300);
    expect(state.generated[0]).toBe("generated task 1");
    // The worker's records are the sidebar's: the sample vault's fixed event and 5 active items today, and in Queued its 6
    // waiting items plus the 300 generated ones (each note a track of its own).
    await expect.poll(() => page.locator(".status-bar .bq-status").textContent(), WAIT).toBe("Today 0/6 · 10 overdue · AAAI 2027 · 3d");
    const queued = sidebar(page).locator(".tree-item-self", { hasText: "Queued" });
    expect(await queued.locator(".tree-item-flair").textContent()).toBe("305 tracks · 306 items");
    await queued.click();
    await expect.poll(() => sidebar(page).getByText("Generated 1", { exact: true }).count(), WAIT).toBe(1);
    await screenshot(page, "workers-vault-303-notes");
    await page.context().close();
  });

  it("are not started for a small vault: the three sample notes are parsed on the main thread", async () => {
    const page = await openDemo(session);
    const last = (): Promise<IndexerState["lastRebuild"]> =>
      page.evaluate(() => (window.bqDemo!.plugin as unknown as { indexer: IndexerState }).indexer.lastRebuild);
    await expect.poll(last, WAIT).not.toBeNull();
    expect(await last()).toEqual({ indexed: 3, onWorkers: 0 });
    await page.context().close();
  });
});
