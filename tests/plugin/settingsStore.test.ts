// Stored data may be corrupt, hand-edited, or from an older version: it migrates, never crashes.
import { describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { DEFAULT_SETTINGS } from "../../src/core/base/settings";
import { migrateSettings } from "../../src/core/base/storedSettings";
import { readPluginData } from "../../src/obsidian/settingsStore";
import { asReal, createApp, loadPlugin, TEST_MANIFEST } from "../../demo/shim/obsidian";
import { memoryStore } from "../../demo/shim/app";
import { VaultIndex } from "../../src/core/index/vaultIndex";
import { indexCacheStore } from "../../src/obsidian/cacheStore";
import BrainQueuePlugin from "../../src/obsidian/main";
import { openToday, PLANNER, startPlugin, withIndexedDb } from "./pluginFixtures";

withIndexedDb();

describe("settings store", () => {
  it("fills defaults for nothing, garbage and wrong types", () => {
    for (const raw of [null, undefined, 42, "x", [], [1, 2], { settings: "nope" }]) {
      expect(readPluginData(raw).settings).toEqual(DEFAULT_SETTINGS);
    }
    const odd = migrateSettings({ queueLimit: "7", trackHeadingLevel: 99, termStart: "2021-3-1", priority: ["a", 3, " b "], trackModes: { a: "shift", b: "sideways" } });
    expect(odd.queueLimit).toBe(7);
    expect(odd.trackHeadingLevel).toBe(6);
    expect(odd.termStart).toBeNull();
    expect(odd.priority).toEqual(["a", "b"]);
    expect(odd.trackModes).toEqual({ a: "shift" });
  });

  it("migrates version 0 data stored flat at the top level", () => {
    const data = readPluginData({ headingLevel: 3, limit: 4, priority: "LeetCode\nCUDA", anywhereOnEarth: true });
    expect(data.settings).toMatchObject({ version: 1, trackHeadingLevel: 3, queueLimit: 4, priority: ["LeetCode", "CUDA"], anywhereOnEarth: true });
    expect(data.rollJournal).toEqual([]);
  });

  it("keeps real dates to skip, each once and in order, and a spread cap from 0 to 99", () => {
    const data = readPluginData({ settings: { skipDates: ["2021-05-02", "2021-02-30", "soon", "2021-05-01", "2021-05-02", 7], spreadCap: "3" } });
    expect(data.settings.skipDates).toEqual(["2021-05-01", "2021-05-02"]);
    expect(data.settings.spreadCap).toBe(3);
    expect(readPluginData({ settings: { spreadCap: -2 } }).settings.spreadCap).toBe(0);
    expect(readPluginData({ settings: { skipDates: "2021-05-01, 2021-05-03" } }).settings.skipDates).toEqual(["2021-05-01", "2021-05-03"]);
    expect(readPluginData({}).settings).toMatchObject({ skipDates: [], spreadCap: 0 });
  });

  it("keeps only well-formed journal entries", () => {
    const good = { at: "2021-04-14T09:00:00Z", date: "2021-04-14", edits: [{ path: "a.md", line: 3, before: "x", after: "y" }, { path: 1 }] };
    const data = readPluginData({ settings: {}, rollJournal: [good, { at: 1 }, "junk"] });
    expect(data.rollJournal).toEqual([{ ...good, edits: [good.edits[0]] }]);
  });

  it("never throws on arbitrary JSON", () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const data = readPluginData(value);
      expect(data.settings.version).toBe(1);
      expect(Array.isArray(data.settings.priority)).toBe(true);
    }));
    fc.assert(fc.property(fc.dictionary(fc.constantFrom(...Object.keys(DEFAULT_SETTINGS)), fc.anything()), (settings) => {
      expect(() => readPluginData({ settings })).not.toThrow();
    }));
  });

  it("the plugin starts with corrupt data (and a corrupt index cache) and still shows today", async () => {
    const store = memoryStore({ "brain-queue": { settings: { queueLimit: "many", priority: 5 }, indexCache: { version: 99, notes: "?" }, rollJournal: 7 } });
    await indexCacheStore(asReal(createApp({ mount: null })), TEST_MANIFEST).write(new Uint8Array([66, 81, 73, 67, 1, 2, 3]));
    const { plugin } = await startPlugin(undefined, store);
    const { el } = await openToday(plugin);
    expect(plugin.data.settings.queueLimit).toBe(DEFAULT_SETTINGS.queueLimit);
    expect(el.querySelectorAll(".bq-track").length).toBeGreaterThan(0);
    plugin.unload();
  });

  it("warm-starts from the cache it saved, and keeps data.json small", async () => {
    const first = await startPlugin();
    await first.plugin.saveCache();
    await first.plugin.saveSettings();
    const store = first.app.pluginData;
    expect((await indexCacheStore(asReal(first.app), TEST_MANIFEST).read())?.length).toBeGreaterThan(100);
    expect(JSON.stringify(store.load("brain-queue"))).not.toContain("三数之和");
    first.plugin.unload();
    // The second start shows the cached items before it has read a single note.
    const app = createApp({ pluginData: store });
    const before = first.app.vault.getFileByPath("Plans/Term.md")!.stat;
    app.vault.addFile("Plans/Term.md", PLANNER, { mtime: before.mtime, ctime: before.ctime }); // the same file, untouched
    const reads = vi.spyOn(app.vault, "cachedRead");
    const restored = VaultIndex.fromCache(await indexCacheStore(asReal(app), TEST_MANIFEST).read());
    expect(restored.itemsOn("2021-04-14").map((i) => i.text)).toContain("三数之和");
    const second = await loadPlugin(app, BrainQueuePlugin);
    expect(second.index().itemsOn("2021-04-14").map((i) => i.text)).toContain("三数之和");
    expect(reads).not.toHaveBeenCalled(); // every note's stat matched the cache
    second.unload();
  });
});

describe("fixed-date keywords saved by an earlier version", () => {
  const FIRST_DEFAULT = ["截止", "截至", "deadline", "DDL", "开课", "结课", "考试", "笔试", "exam"];
  it("follow the defaults when never edited, and stay as they are when edited", () => {
    expect(readPluginData({ settings: { fixedKeywords: FIRST_DEFAULT } }).settings.fixedKeywords).toEqual(DEFAULT_SETTINGS.fixedKeywords);
    expect(DEFAULT_SETTINGS.fixedKeywords).toEqual(expect.arrayContaining(["notification", "rebuttal", "录用"]));
    expect(readPluginData({ settings: { fixedKeywords: ["考试"] } }).settings.fixedKeywords).toEqual(["考试"]);
  });
});
