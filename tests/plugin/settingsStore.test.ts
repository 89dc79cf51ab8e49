// Stored data may be corrupt, hand-edited, or from an older version: it migrates, never crashes.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { migrateSettings, readPluginData } from "../../src/obsidian/settingsStore";
import { openToday, startPlugin } from "./pluginFixtures";

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
    expect(data.indexCache).toBeNull();
    expect(data.rollJournal).toEqual([]);
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
    const { plugin } = await startPlugin(undefined, { settings: { queueLimit: "many", priority: 5 }, indexCache: { version: 99, notes: "?" }, rollJournal: 7 });
    const { el } = await openToday(plugin);
    expect(plugin.data.settings.queueLimit).toBe(DEFAULT_SETTINGS.queueLimit);
    expect(el.querySelectorAll(".bq-track").length).toBeGreaterThan(0);
    plugin.unload();
  });

  it("warm-starts from the cache it saved", async () => {
    const first = await startPlugin();
    await first.plugin.saveSettings();
    const saved = first.app.pluginData.load("brain-queue") as { indexCache: unknown };
    expect(saved.indexCache).not.toBeNull();
    first.plugin.unload();
    const second = await startPlugin(undefined, saved);
    expect(second.plugin.index().itemsOn("2021-04-14").map((i) => i.text)).toContain("三数之和");
    second.plugin.unload();
  });
});
