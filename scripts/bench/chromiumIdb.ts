// The cache read at start-up in real Chromium: the plugin's IndexCacheStore stores the cache's bytes in
// one browser process, then a new process over the same profile (as at the app's next start) reads them
// back from disk. Skipped when no Chromium is found; the OS may still hold the files in its page cache.
import { Buffer } from "node:buffer";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { env } from "node:process";
import { chromium, type BrowserContext } from "playwright-core";
import { chromiumLaunch } from "../chromium.mjs";
import { projectRoot } from "./context";
import { median } from "./timing";

const ORIGIN = "http://bench.invalid/";
const DATABASE = "brain-queue-index-cache-bench";

interface PageStore { read(): Promise<Uint8Array | null>; write(bytes: Uint8Array): Promise<void> }
type StoreClass = new (idb: IDBFactory, name: string) => PageStore;

export interface ChromiumIdbRead { firstMs: number; medianMs: number }

/** The first read after a browser start, and the median of `runs` more; null without Chromium. */
export async function chromiumIdbRead(bytes: Uint8Array, runs: number): Promise<ChromiumIdbRead | null> {
  const pagePath = join(projectRoot(), ".build/bench-page.js");
  const launch = existsSync(pagePath) ? await chromiumLaunch() : null;
  if (!launch) return null;
  const profile = mkdtempSync(join(tmpdir(), "bq-bench-idb-"));
  const script = readFileSync(pagePath, "utf8");
  const open = async (): Promise<BrowserContext> => {
    const context = await chromium.launchPersistentContext(profile, { executablePath: launch.executablePath, args: launch.args, env: { ...env, ...launch.env } });
    // An origin of its own (IndexedDB needs one), served from here: the page and the cache's bytes.
    await context.route(`${ORIGIN}**`, (route) => route.request().url().endsWith("/cache.bin")
      ? route.fulfill({ body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), contentType: "application/octet-stream" })
      : route.fulfill({ body: "<!doctype html><title>bench</title>", contentType: "text/html" }));
    const page = context.pages()[0] ?? await context.newPage();
    await page.goto(ORIGIN);
    await page.addScriptTag({ content: script });
    return context;
  };
  try {
    let context = await open();
    await context.pages()[0].evaluate(async (name) => {
      const Store = (window as unknown as { bqIndexCacheStore: StoreClass }).bqIndexCacheStore;
      const cache = new Uint8Array(await (await window.fetch("/cache.bin")).arrayBuffer());
      await new Store(window.indexedDB, name).write(cache);
    }, DATABASE);
    await context.close();
    context = await open();
    const times = await context.pages()[0].evaluate(async ([name, n, size]) => {
      const Store = (window as unknown as { bqIndexCacheStore: StoreClass }).bqIndexCacheStore;
      const out: number[] = [];
      for (let r = 0; r <= n; r++) {
        const start = performance.now();
        const read = await new Store(window.indexedDB, name).read();
        out.push(performance.now() - start);
        if (read?.byteLength !== size) throw new Error("the cache record was not read back whole");
      }
      return out;
    }, [DATABASE, runs, bytes.byteLength] as const);
    await context.close();
    return { firstMs: times[0], medianMs: median(times.slice(1)) };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
