// Venue milestones are fixed dates by default, and settings saved before they were keep up with the
// defaults unless the person edited the list.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSettings } from "../../src/cli/vault";
import { parseNote } from "../../src/core/items/parse";
import { planRoll } from "../../src/core/planner/roll";
import { DEFAULT_SETTINGS, fixedKeywordsFrom } from "../../src/core/base/settings";

/** The default list every version before the milestones shipped with. */
const FIRST_DEFAULT = ["截止", "截至", "deadline", "DDL", "开课", "结课", "考试", "笔试", "exam"];

const VENUE_CALENDAR = [
  "## 投稿",
  "- [ ] 2025/03/01 EMNLP 2025 rebuttal",
  "- [ ] 2025/03/05 accept/reject notification",
  "- [ ] 2025/03/06 Camera-ready version due",
  "- [ ] 2025/03/07 early registration closes",
  "- [ ] 2025/03/08 会议录用通知",
  "- [ ] 2025/03/09 会议注册",
  "- [ ] 2025/03/10 改论文",
].join("\n");

describe("milestones are fixed dates", () => {
  it("are in the default fixed-date keywords, so a roll leaves them and says why", () => {
    const plan = planRoll(parseNote("Venues.md", VENUE_CALENDAR).items, "2025-03-20", { mode: "today", settings: DEFAULT_SETTINGS });
    expect(plan.changes.map((c) => c.line)).toEqual([8]);
    expect(plan.skipped.map((s) => [s.line, s.reason])).toEqual([
      [2, "fixed date: “rebuttal”"], [3, "fixed date: “notification”"], [4, "fixed date: “camera-ready”"],
      [5, "fixed date: “registration”"], [6, "fixed date: “通知”"], [7, "fixed date: “注册”"],
    ]);
  });

  it("reach settings saved with an earlier default list; an edited list stays as it is", () => {
    expect(fixedKeywordsFrom(FIRST_DEFAULT)).toEqual(DEFAULT_SETTINGS.fixedKeywords);
    expect(fixedKeywordsFrom(["考试", "exam"])).toEqual(["考试", "exam"]);
    expect(fixedKeywordsFrom([...FIRST_DEFAULT, "答辩"])).toEqual([...FIRST_DEFAULT, "答辩"]);
    expect(fixedKeywordsFrom([])).toEqual([]);
  });

  it("the CLI reads a settings file the same way", () => {
    const dir = mkdtempSync(join(tmpdir(), "bq-settings-"));
    const file = (name: string, settings: object): string => {
      writeFileSync(join(dir, name), JSON.stringify({ settings }));
      return join(dir, name);
    };
    expect(loadSettings(file("old.json", { fixedKeywords: FIRST_DEFAULT })).fixedKeywords).toEqual(DEFAULT_SETTINGS.fixedKeywords);
    expect(loadSettings(file("own.json", { fixedKeywords: ["答辩"] })).fixedKeywords).toEqual(["答辩"]);
  });
});
