// The index cache in the browser's real IndexedDB: the demo's first start indexes the sample vault and
// saves it, a reload of the page (the next start) restores it without reading a note, and a damaged
// record only means a cold start.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openDemo, sidebar, startDemo, type DemoSession, WAIT } from "./harness";

let session: DemoSession;
beforeAll(async () => {
  session = await startDemo();
});
afterAll(async () => {
  await session?.close();
});

interface PluginState {
  saveCache(): Promise<void>;
  indexer: { lastRebuild: { indexed: number; onWorkers: number } | null; restored: { index: { size: number } } | null };
}

const startState = (page: Page): Promise<{ last: { indexed: number; onWorkers: number } | null; restored: number | null }> =>
  page.evaluate(() => {
    const { indexer } = window.bqDemo!.plugin as unknown as PluginState;
    return { last: indexer.lastRebuild, restored: indexer.restored?.index.size ?? null };
  });

/** The page's IndexedDB databases, and whether any localStorage entry holds a cache file. */
const storage = (page: Page): Promise<{ databases: string[]; cacheInLocalStorage: boolean }> =>
  page.evaluate(async () => ({
    databases: (await window.indexedDB.databases()).map((db) => db.name ?? ""),
    cacheInLocalStorage: Object.keys(window.localStorage).some((key) => key.includes("index-cache.bin")),
  }));

async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.waitForSelector("body[data-demo-ready=true]");
  await sidebar(page).locator(".bq-section-today").waitFor(WAIT);
}

describe("the index cache in IndexedDB", () => {
  it("a reload of the demo restores the saved index and reads no note; a damaged record starts cold", async () => {
    const page = await openDemo(session);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => void (message.type() === "error" && errors.push(message.text())));
    await expect.poll(async () => (await startState(page)).last, WAIT).not.toBeNull();
    expect(await startState(page)).toEqual({ last: { indexed: 3, onWorkers: 0 }, restored: null });
    const status = await page.locator(".status-bar .bq-status").textContent();

    // What the plugin's save timer runs.
    await page.evaluate(() => (window.bqDemo!.plugin as unknown as PluginState).saveCache());
    const stored = await storage(page);
    expect(stored.databases).toEqual([expect.stringMatching(/^brain-queue-index-cache-[0-9a-f]{32}$/)]);
    expect(stored.cacheInLocalStorage).toBe(false);

    await reload(page);
    await expect.poll(async () => (await startState(page)).last, WAIT).not.toBeNull();
    // Every note's stat matched the cache: nothing was read or parsed.
    expect(await startState(page)).toEqual({ last: { indexed: 0, onWorkers: 0 }, restored: 3 });
    expect(await page.locator(".status-bar .bq-status").textContent()).toBe(status);
    expect((await storage(page)).databases).toEqual(stored.databases);

    // A record cut short: restored is nothing, every note is read again, and the page shows the same.
    await page.evaluate(async (name) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = window.indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error("open failed"));
      });
      const transaction = db.transaction("cache", "readwrite");
      const store = transaction.objectStore("cache");
      const read = store.get("index");
      read.onsuccess = () => store.put((read.result as ArrayBuffer).slice(0, 100), "index");
      await new Promise((resolve) => (transaction.oncomplete = resolve));
      db.close();
    }, stored.databases[0]);
    await reload(page);
    await expect.poll(async () => (await startState(page)).last, WAIT).not.toBeNull();
    expect(await startState(page)).toEqual({ last: { indexed: 3, onWorkers: 0 }, restored: null });
    await expect.poll(() => page.locator(".status-bar .bq-status").textContent(), WAIT).toBe(status);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
