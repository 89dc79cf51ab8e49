import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/core/base/settings";
import { parseNote } from "../../src/core/items/parse";
import { applyLineEdits } from "../../src/core/planner/edits";
import { postponeDay, postponePlan } from "../../src/core/planner/postpone";

const NOTE = [
  "## 每日算法",
  "- [ ] 2021/04/16    两数之和",
  "- [ ] 2021/04/17    三数之和",
  "- [ ] 2021/04/18    期末考试",
  "- [ ] 2021/04/19    四数之和",
  "- [x] 2021/04/20    做完的",
].join("\n");
const items = parseNote("Plan.md", NOTE).items;

describe("postpone", () => {
  it("names the day of each choice", () => {
    // 2021-04-16 is a Friday.
    expect(postponeDay("tomorrow", items[0], "2021-04-16", [1, 2, 3, 4, 5, 6, 7])).toBe("2021-04-17");
    expect(postponeDay("week", items[1], "2021-04-16", [1, 2, 3, 4, 5, 6, 7])).toBe("2021-04-24");
    expect(postponeDay("week", items[0], "2021-04-20", [1, 2, 3, 4, 5, 6, 7])).toBe("2021-04-27");
    expect(postponeDay("studyDay", items[0], "2021-04-16", [1, 2, 3, 4, 5])).toBe("2021-04-19");
  });

  it("moves one item, or with the rest of its track after it, fixed items staying", () => {
    const one = postponePlan(items[0], items, "2021-04-17", false, DEFAULT_SETTINGS);
    const written = applyLineEdits(NOTE, one.changes.map((c) => c.edit));
    expect(written.ok && written.text).toBe(NOTE.replace("2021/04/16    两数之和", "2021/04/17    两数之和"));
    const rest = postponePlan(items[0], items, "2021-04-18", true, DEFAULT_SETTINGS);
    expect(rest.skipped.map((s) => s.text)).toEqual(["期末考试"]);
    const shifted = applyLineEdits(NOTE, rest.changes.map((c) => c.edit));
    expect(shifted.ok && shifted.text).toBe(NOTE.replace("2021/04/16    两数之和", "2021/04/18    两数之和")
      .replace("2021/04/17    三数之和", "2021/04/19    三数之和").replace("2021/04/19    四数之和", "2021/04/21    四数之和"));
  });
});
