import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, weekdayIndex } from "../../src/core/base/dates";
import type { BrainQueueSettings } from "../../src/core/base/settings";
import type { Item } from "../../src/core/base/types";
import { StudyDays } from "../../src/core/planner/studyDays";
import { postponeDay } from "../../src/core/planner/postpone";
import { applyLineEdits } from "../../src/core/planner/edits";
import { parseNote } from "../../src/core/items/parse";
import { trackKey } from "../../src/core/items";
import { planRoll } from "../../src/core/planner/roll";
import { DEFAULT_SETTINGS } from "../../src/core/base/settings";
import { spreadDates, spreadPerDay, usualPerDay } from "../../src/core/planner/spread";

const DAY = "2024-04-10";

function spread(note: string, perDay?: number, settings: BrainQueueSettings = DEFAULT_SETTINGS): { text: string; modes: Record<string, string>; skipped: number } {
  const plan = planRoll(parseNote("Plan.md", note).items, DAY, { mode: "spread", settings, perDay });
  const out = applyLineEdits(note, plan.changes.map((c) => c.edit));
  if (!out.ok) throw new Error("refused");
  return { text: out.text, modes: { ...plan.modes }, skipped: plan.skipped.length };
}

describe("roll forward: spread", () => {
  it("an empty slot holds no item: the backlog may take its day", () => {
    // Not a schedule (gaps of weeks): the later days keep their items, and a free slot is no item.
    const note = [
      "## 读书",
      "- [ ] 2024/03/01    第一章",
      "- [ ] 2024/03/20    第二章",
      "- [ ] 2024/04/10    ",
      "- [ ] 2024/04/11    已排好的一章",
      "- [ ] 2024/04/12",
    ].join("\n");
    expect(spread(note, 1).text).toBe(note.replace("2024/03/01    第一章", "2024/04/10    第一章").replace("2024/03/20    第二章", "2024/04/12    第二章"));
  });

  it("lays a backlog one a day at the track's pace, past the days that already hold an item", () => {
    const note = [
      "## 读书",
      "- [ ] 2024/03/01    第一章",
      "- [ ] 2024/03/05    第二章",
      "- [ ] 2024/03/20    第三章",
      "- [ ] 2024/04/11    已排好的一章",
      "- [ ] 2024/03/25    第四章",
      "- [x] 2024/02/20    读完的",
    ].join("\n");
    const { text, modes } = spread(note);
    expect(modes).toEqual({ [trackKey("Plan.md", "读书")]: "spread" });
    expect(text).toBe([
      "## 读书",
      "- [ ] 2024/04/10    第一章",
      "- [ ] 2024/04/12    第二章",
      "- [ ] 2024/04/13    第三章",
      "- [ ] 2024/04/11    已排好的一章",
      "- [ ] 2024/04/14    第四章",
      "- [x] 2024/02/20    读完的",
    ].join("\n"));
  });

  it("keeps the track's usual number a day, or --per-day's; a schedule's later items shift past the backlog", () => {
    const note = [
      "## 每日算法",
      "- [ ] 2024/04/07    两数之和",
      "- [ ] 2024/04/07    三数之和",
      "- [ ] 2024/04/08    反转链表",
      "- [ ] 2024/04/08    环形链表",
      "- [ ] 2024/04/09    相交链表",
      "- [ ] 2024/04/10    二叉树",
      "- [ ] 2024/04/10    二叉搜索树",
      "- [ ] 2024/04/11    堆",
      "- [ ] 2024/04/11    栈",
      "- [ ] 2024/04/12    期末考试",
    ].join("\n");
    expect(usualPerDay(parseNote("Plan.md", note).items)).toBe(2);
    const { text, skipped } = spread(note);
    expect(text).toBe([
      "## 每日算法",
      "- [ ] 2024/04/10    两数之和",
      "- [ ] 2024/04/10    三数之和",
      "- [ ] 2024/04/11    反转链表",
      "- [ ] 2024/04/11    环形链表",
      "- [ ] 2024/04/12    相交链表",
      "- [ ] 2024/04/13    二叉树",
      "- [ ] 2024/04/13    二叉搜索树",
      "- [ ] 2024/04/14    堆",
      "- [ ] 2024/04/14    栈",
      "- [ ] 2024/04/12    期末考试",
    ].join("\n"));
    expect(skipped).toBe(1);
    expect(spread(note, 5).text).toBe([
      "## 每日算法",
      "- [ ] 2024/04/10    两数之和",
      "- [ ] 2024/04/10    三数之和",
      "- [ ] 2024/04/10    反转链表",
      "- [ ] 2024/04/10    环形链表",
      "- [ ] 2024/04/10    相交链表",
      "- [ ] 2024/04/11    二叉树",
      "- [ ] 2024/04/11    二叉搜索树",
      "- [ ] 2024/04/12    堆",
      "- [ ] 2024/04/12    栈",
      "- [ ] 2024/04/12    期末考试",
    ].join("\n"));
  });

  // 2024-04-10 is a Wednesday.
  const BACKLOG = [
    "## 线性代数",
    "- [ ] 4.1\u3000向量空间\t\t2024/3/25",
    "- [ ] 4.2\u3000子空间\t\t2024/3/26",
    "- [ ] 4.3\u3000基与维数\t\t2024/3/27",
    "- [ ] 4.4\u3000坐标\t\t2024/3/28",
    "- [ ] 4.5\u3000矩阵加法\t\t2024/3/29",
    "- [ ] 5.1\u3000特征值\t\t2024/5/06",
  ].join("\n");

  it("lays the backlog on study weekdays only, past the dates to skip", () => {
    const settings = { ...DEFAULT_SETTINGS, studyWeekdays: [1, 2, 3, 4, 5], skipDates: ["2024-04-11", "2024-04-15"] };
    expect(spread(BACKLOG, undefined, settings).text).toBe([
      "## 线性代数",
      "- [ ] 4.1\u3000向量空间\t\t2024/4/10", // Wednesday
      "- [ ] 4.2\u3000子空间\t\t2024/4/12", // Thursday the 11th is skipped
      "- [ ] 4.3\u3000基与维数\t\t2024/4/16", // the weekend and Monday the 15th are not study days
      "- [ ] 4.4\u3000坐标\t\t2024/4/17",
      "- [ ] 4.5\u3000矩阵加法\t\t2024/4/18",
      "- [ ] 5.1\u3000特征值\t\t2024/5/06",
    ].join("\n"));
  });

  it("the day itself moves to the next study day when it is not one; the settings' cap lowers the usual number", () => {
    const settings = { ...DEFAULT_SETTINGS, studyWeekdays: [6, 7] };
    expect(spread(BACKLOG, 2, settings).text).toBe(BACKLOG
      .replace("2024/3/25", "2024/4/13").replace("2024/3/26", "2024/4/13").replace("2024/3/27", "2024/4/14")
      .replace("2024/3/28", "2024/4/14").replace("2024/3/29", "2024/4/20"));
    const doubled = ["## 刷题", ...["a", "b", "c", "d", "e", "f"].map((name, k) => `- [ ] 2024/04/0${1 + (k >> 1)}    ${name}`)].join("\n");
    const items = parseNote("Plan.md", doubled).items;
    expect(usualPerDay(items)).toBe(2);
    expect(spreadPerDay(items, 0)).toBe(2);
    expect(spreadPerDay(items, 1)).toBe(1);
    expect(spreadPerDay(items, 5)).toBe(2);
    expect(spread(doubled, undefined, { ...DEFAULT_SETTINGS, spreadCap: 1 }).text).toBe(doubled
      .replace("2024/04/01    a", "2024/04/10    a").replace("2024/04/01    b", "2024/04/11    b").replace("2024/04/02    c", "2024/04/12    c")
      .replace("2024/04/02    d", "2024/04/13    d").replace("2024/04/03    e", "2024/04/14    e").replace("2024/04/03    f", "2024/04/15    f"));
  });

  it("an item the study days cannot reach before 9999-12-31 is skipped, the rest still spread", () => {
    const note = ["## 远期", "- [ ] 9999/12/29    甲", "- [ ] 9999/12/29    乙", "- [ ] 9999/12/29    丙"].join("\n");
    const plan = planRoll(parseNote("Plan.md", note).items, "9999-12-30", { mode: "spread", settings: DEFAULT_SETTINGS, perDay: 1 });
    expect(plan.changes.map((c) => c.to)).toEqual(["9999/12/30", "9999/12/31"]);
    expect(plan.skipped.map((s) => s.text)).toEqual(["丙"]);
  });

  it("the next study day skips the dates to skip", () => {
    const item = parseNote("Plan.md", BACKLOG).items[0];
    expect(postponeDay("studyDay", item, "2024-04-10", [1, 2, 3, 4, 5], ["2024-04-11", "2024-04-12"])).toBe("2024-04-15");
    expect(postponeDay("studyDay", item, "2024-04-10", [4])).toBe("2024-04-11");
  });

  it("spreadDates: each day a study day, in order, at most K counting what is held, no study day left with room", () => {
    const FROM = "2024-04-01";
    const dayArb = fc.integer({ min: 0, max: 40 }).map((n) => addDays(FROM, n));
    const fake = (date: string): Item => ({ date }) as Item;
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 12 }), fc.array(dayArb, { maxLength: 12 }), dayArb, fc.integer({ min: 1, max: 3 }),
      fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), fc.uniqueArray(dayArb, { maxLength: 20 }),
      (count, laterDays, day, perDay, weekdays, skip) => {
        const study = new StudyDays(weekdays, skip);
        const { dates, laterShift } = spreadDates(Array.from({ length: count }, () => fake(day)), laterDays.map(fake), day, perDay, false, study);
        expect(dates).toHaveLength(count);
        expect(laterShift).toBe(0);
        const load = new Map<string, number>();
        for (const held of laterDays) load.set(held, (load.get(held) ?? 0) + 1);
        const used = new Map<string, number>();
        dates.forEach((date, k) => {
          expect(date >= day).toBe(true);
          if (k > 0) expect(date >= dates[k - 1]).toBe(true);
          expect(weekdays).toContain(weekdayIndex(date) + 1);
          expect(skip).not.toContain(date);
          used.set(date, (used.get(date) ?? 0) + 1);
          expect((used.get(date) ?? 0) + (load.get(date) ?? 0)).toBeLessThanOrEqual(Math.max(perDay, (load.get(date) ?? 0)));
        });
        // Greedy: every study day before the last one used is full.
        if (dates.length > 0) {
          for (let d = day; d < dates[dates.length - 1]; d = addDays(d, 1)) {
            if (!weekdays.includes(weekdayIndex(d) + 1) || skip.includes(d)) continue;
            expect((used.get(d) ?? 0) + (load.get(d) ?? 0)).toBeGreaterThanOrEqual(perDay);
          }
        }
      },
    ), { numRuns: 300 });
  });
});
