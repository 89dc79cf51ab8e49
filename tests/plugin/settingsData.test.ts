// One data.json, one reading: the plugin (starting over the stand-in with the file as its data) and the
// CLI (`--settings data.json`) reach the same settings, old shapes and hand edits included.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { loadSettings } from "../../src/cli/vault";
import { DEFAULT_SETTINGS } from "../../src/core/base/settings";
import { readPluginData } from "../../src/obsidian/settingsStore";
import { startPlugin } from "./pluginFixtures";

const dir = mkdtempSync(join(tmpdir(), "bq-data-json-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
/** What the CLI reads: the data written to a file as JSON. */
function cliSettings(data: unknown) {
  const file = join(dir, `data-${files++}.json`);
  writeFileSync(file, JSON.stringify(data));
  return loadSettings(file);
}

const SHAPES: [string, unknown][] = [
  ["as saved now", {
    settings: {
      ...DEFAULT_SETTINGS, trackHeadingLevel: 3, queueLimit: 3, priority: ["算法练习", "机器学习课程"], termStart: "2021-03-01",
      trackModes: { 机器学习课程: "shift" }, studyWeekdays: [6, 1, 1], customVenues: ["SIGGRAPH|SIGGRAPH Asia"],
    },
    rollJournal: [], lastNoticeDay: "2021-04-13",
  }],
  ["version 0, flat at the top level", { headingLevel: 3, limit: 4, priority: "LeetCode\nCUDA", anywhereOnEarth: true }],
  ["hand-edited, mistyped fields", {
    settings: {
      queueLimit: "7", trackHeadingLevel: 99, termStart: "2021-3-1", priority: ["a", 3, " b "], includePaths: "Plans, Notes",
      trackModes: { a: "shift", b: "sideways" }, deadlineHorizonMonths: 0, studyWeekdays: [0, 8], deadlineNotice: "no",
    },
  }],
  ["an earlier default list of fixed-date keywords", { settings: { fixedKeywords: ["截止", "截至", "deadline", "DDL", "开课", "结课", "考试", "笔试", "exam"] } }],
  ["settings that are not an object", { settings: "nope", queueLimit: 2 }],
  ["settings that are a list", { settings: [1, 2] }],
  ["not an object at all", [1, 2]],
  ["null", null],
];

describe("data.json read by the plugin and by the CLI", () => {
  it.each(SHAPES)("gives the same settings: %s", async (_shape, data) => {
    const { plugin } = await startPlugin(undefined, data);
    expect(cliSettings(data)).toEqual(plugin.data.settings);
    plugin.unload();
  });

  it("reads version 0's names and hand-written lists the same way", () => {
    expect(cliSettings(SHAPES[1][1])).toMatchObject({ trackHeadingLevel: 3, queueLimit: 4, priority: ["LeetCode", "CUDA"], anywhereOnEarth: true });
    expect(cliSettings(SHAPES[2][1])).toMatchObject({ queueLimit: 7, trackHeadingLevel: 6, termStart: null, priority: ["a", "b"], includePaths: ["Plans", "Notes"] });
  });

  it("agree on any JSON", () => {
    const settingsLike = fc.dictionary(fc.constantFrom(...Object.keys(DEFAULT_SETTINGS), "headingLevel", "limit"), fc.jsonValue());
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), settingsLike, fc.record({ settings: settingsLike })), (data) => {
      expect(cliSettings(data)).toEqual(readPluginData(JSON.parse(JSON.stringify(data)) as unknown).settings);
    }), { numRuns: 200 });
  });
});
