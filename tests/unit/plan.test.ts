import { describe, expect, it } from "vitest";
import { applyLineEdits } from "../../src/core/planner/edits";
import { assignDates, fixedDays, plannable, planDays, type PlanOptions } from "../../src/core/planner/plan";
import { planTrack } from "../../src/core/planner/planTrack";
import { checklistLines } from "../../src/core/items/planLines";
import { DEFAULT_SETTINGS } from "../../src/core/base/settings";
import { parseNote } from "../../src/core/items/parse";

const T = "\t";
const W = "\u3000";

/** Plans `track` of a note and returns the note as written, or the planner's error. */
function planned(note: string, track: string, options: PlanOptions): string {
  const lines = checklistLines("Plan.md", note, 2);
  const result = planTrack(lines.filter((l) => l.track === track), lines, options, DEFAULT_SETTINGS);
  if (!result.ok) return `error: ${result.error}`;
  const out = applyLineEdits(note, result.plan.changes.map((c) => c.edit));
  if (!out.ok) throw new Error("edits refused");
  return out.text;
}

const perDay = (n: number, start = "2021-03-29"): PlanOptions => ({ start, pace: { perDay: n } });

describe("plan: dates written in the track's habit", () => {
  it("date first, padded, keeps the text's column", () => {
    const note = [
      "## 深度学习",
      "- [x] 2021/03/22    已读的一章",
      "- [ ] 第一周 深度学习概论",
      "- [ ] 第二周 神经网络基础",
      "",
    ].join("\n");
    expect(planned(note, "深度学习", perDay(1))).toBe([
      "## 深度学习",
      "- [x] 2021/03/22    已读的一章",
      "- [ ] 2021/03/29    第一周 深度学习概论",
      "- [ ] 2021/03/30    第二周 神经网络基础",
      "",
    ].join("\n"));
  });

  it("date first without zero padding: a shorter date gets more spaces so the text stays aligned", () => {
    const note = ["## 课程", "- [x] 2021/3/27  第一周 概论", "- [ ] 第二周 基础", "- [ ] 第三周 进阶"].join("\r\n");
    expect(planned(note, "课程", perDay(1, "2021-04-09"))).toBe(
      ["## 课程", "- [x] 2021/3/27  第一周 概论", "- [ ] 2021/4/9   第二周 基础", "- [ ] 2021/4/10  第三周 进阶"].join("\r\n"));
  });

  it("date last after tabs", () => {
    const note = ["## 编程指南", `**第1章${W}并行计算**`, `- [x] 1.1${W}并行计算${T}${T}2021/3/22`, `- [ ] 1.2${W}异构计算`, `- [ ] 1.3${W}总结`, ""].join("\n");
    expect(planned(note, "编程指南", perDay(1))).toBe(
      ["## 编程指南", `**第1章${W}并行计算**`, `- [x] 1.1${W}并行计算${T}${T}2021/3/22`, `- [ ] 1.2${W}异构计算${T}${T}2021/3/29`,
        `- [ ] 1.3${W}总结${T}${T}2021/3/30`, ""].join("\n"));
  });

  it("date last after aligning spaces reaches the same column; after `　` keeps the `　`", () => {
    const note = ["## 操作系统", `- [ ] 2.4${W}设备管理      2021/3/27`, `- [ ] 2.5${W}文件系统管理`, `- [ ] 2.6${W}总结`].join("\n");
    expect(planned(note, "操作系统", perDay(1))).toBe(
      ["## 操作系统", `- [ ] 2.4${W}设备管理      2021/3/29`, `- [ ] 2.5${W}文件系统管理  2021/3/30`, `- [ ] 2.6${W}总结          2021/3/31`].join("\n"));
    const full = ["## 算法", `- [ ] 习题一${W}2021.03.27`, "- [ ] 习题二 ^blk"].join("\n");
    expect(planned(full, "算法", perDay(1))).toBe(["## 算法", `- [ ] 习题一${W}2021.03.29`, `- [ ] 习题二${W}2021.03.30 ^blk`].join("\n"));
  });

  it("年月日 dates", () => {
    const note = ["## 会议", "- [x] 2021年3月9日 组会", "- [ ] 读论文", "- [ ] 写总结"].join("\n");
    expect(planned(note, "会议", perDay(1))).toBe(["## 会议", "- [x] 2021年3月9日 组会", "- [ ] 2021年3月29日 读论文", "- [ ] 2021年3月30日 写总结"].join("\n"));
  });

  it("Tasks lines get 📅, before a block id; so does a line with Tasks fields in a plain track", () => {
    const note = ["## Reading", "- [x] Read chapter 2 📅 2026-02-27", "- [ ] Read chapter 3", "- [ ] Read chapter 4 ^ch4", ""].join("\n");
    expect(planned(note, "Reading", perDay(1, "2026-03-02"))).toBe(
      ["## Reading", "- [x] Read chapter 2 📅 2026-02-27", "- [ ] Read chapter 3 📅 2026-03-02", "- [ ] Read chapter 4 📅 2026-03-03 ^ch4", ""].join("\n"));
    const mixed = ["## 复习", "- [ ] 2026/02/27 背单词", "- [ ] 复习错题 🔁 every week ⏫"].join("\n");
    expect(planned(mixed, "复习", perDay(1, "2026-03-02"))).toBe(
      ["## 复习", "- [ ] 2026/03/02 背单词", "- [ ] 复习错题 🔁 every week ⏫ 📅 2026-03-03"].join("\n"));
  });

  it("a track with no dated line takes the note's most frequent habit, else YYYY/MM/DD and one space", () => {
    const note = ["## 甲", `- [ ] 一${T}2021-03-01`, `- [ ] 二${T}2021-03-02`, "- [ ] 2021-03-03 三", "## 乙", "- [ ] 新任务"].join("\n");
    expect(planned(note, "乙", perDay(1))).toBe(
      ["## 甲", `- [ ] 一${T}2021-03-01`, `- [ ] 二${T}2021-03-02`, "- [ ] 2021-03-03 三", "## 乙", `- [ ] 新任务${T}2021-03-29`].join("\n"));
    expect(planned("## 新书\n- [ ] 第1章\n- [ ] 第2章\n", "新书", perDay(1, "2026-03-02"))).toBe("## 新书\n- [ ] 2026/03/02 第1章\n- [ ] 2026/03/03 第2章\n");
  });

  it("dated items are rewritten in place keeping their style; a range keeps its length", () => {
    const note = ["## 计划", "- [ ] 2021/4/01    甲", "- [ ] 2021/4/13 - 2021/4/15  乙", "- [ ] 丙 [due:: 2021-04-20]", "- [ ] 丁"].join("\n");
    expect(planned(note, "计划", perDay(1, "2021-05-03"))).toBe(
      ["## 计划", "- [ ] 2021/5/03    甲", "- [ ] 2021/5/04 - 2021/5/06  乙", "- [ ] 丙 [due:: 2021-05-05]", "- [ ] 2021/5/06    丁"].join("\n"));
  });

  it("subtasks, empty slots, fixed items and finished items keep their lines", () => {
    const note = [
      "## 课程",
      "- [ ] 2021/03/22  第一讲",
      "  - [ ] 预习",
      "- [ ] 第二讲",
      "  - [ ] 作业",
      "- [ ] 2021/03/24  ",
      "- [ ] 2021/04/02  期末考试",
      "- [x] 2021/03/20  已完成",
      "- [-] 取消的",
      "- [ ] 第三讲",
    ].join("\n");
    expect(planned(note, "课程", perDay(1))).toBe([
      "## 课程",
      "- [ ] 2021/03/29  第一讲",
      "  - [ ] 预习",
      "- [ ] 2021/03/30  第二讲",
      "  - [ ] 作业",
      "- [ ] 2021/03/24  ",
      "- [ ] 2021/04/02  期末考试",
      "- [x] 2021/03/20  已完成",
      "- [-] 取消的",
      "- [ ] 2021/03/31  第三讲",
    ].join("\n"));
  });
});

/** Days of a plan of `n` plain lines (chapters from `chapters`, one per line). */
function daysOf(n: number, options: PlanOptions, chapters: number[] = []): string[] {
  const note = ["## T", ...Array.from({ length: n }, (_, k) => `${chapters.includes(k) ? `\n**第${k}章**\n\n` : ""}- [ ] 任务${k}`)].join("\n");
  const result = assignDates(plannable(checklistLines("T.md", note, 2), DEFAULT_SETTINGS), options);
  if (!result.ok) return [`error: ${result.error}`];
  return result.assignments.map((a) => a.date.slice(5));
}

describe("plan: paces", () => {
  it("N per study day on the chosen weekdays, skipping listed dates", () => {
    // 2021-03-29 is a Monday; study Mon, Wed, Fri; skip Wed 03-31.
    expect(daysOf(5, { start: "2021-03-29", pace: { perDay: 2 }, weekdays: [1, 3, 5], skip: ["2021-03-31"] }))
      .toEqual(["03-29", "03-29", "04-02", "04-02", "04-05"]);
  });

  it("one every N calendar days: a skipped day moves the item to the next study day and counts on from there", () => {
    expect(daysOf(4, { start: "2021-03-27", pace: { every: 2 }, weekdays: [1, 2, 3, 4, 5] }))
      .toEqual(["03-29", "03-31", "04-02", "04-05"]);
  });

  it("an end date: ⌊n/S⌋ a day and the first n mod S days one more", () => {
    expect(daysOf(10, { start: "2021-03-29", pace: { end: "2021-04-01" } })).toEqual(
      ["03-29", "03-29", "03-29", "03-30", "03-30", "03-30", "03-31", "03-31", "04-01", "04-01"]);
    expect(daysOf(2, { start: "2021-03-29", pace: { end: "2021-04-02" } })).toEqual(["03-29", "03-30"]);
  });

  it("chapter days: a chapter starts on a new day, at a pace and up to an end date", () => {
    expect(daysOf(5, { start: "2021-03-29", pace: { perDay: 3 }, chapterDays: true }, [0, 2])).toEqual(["03-29", "03-29", "03-30", "03-30", "03-30"]);
    // Chapters of 1 and 5 items on 4 days: the long chapter gets three of them.
    expect(daysOf(6, { start: "2021-03-29", pace: { end: "2021-04-01" }, chapterDays: true }, [0, 1])).toEqual(
      ["03-29", "03-30", "03-30", "03-31", "03-31", "04-01"]);
  });

  it("fixed days of the vault can be skipped", () => {
    const items = parseNote("Term.md", "- [ ] 2021/03/30  期末考试\n- [ ] 2021/03/31  读书\n- [x] 2021/04/01  AAAI 2022 投稿截止\n").items;
    expect(fixedDays(items, DEFAULT_SETTINGS)).toEqual(["2021-03-30", "2021-04-01"]);
  });
});

/** The preview's "N days a week" for n one-line items planned with `options`, and the days used. */
function weekOf(n: number, options: PlanOptions): { days: number; perWeek: number | null } {
  const note = ["## T", ...Array.from({ length: n }, (_, k) => `- [ ] 任务${k}`)].join("\n");
  const result = assignDates(plannable(checklistLines("T.md", note, 2), DEFAULT_SETTINGS), options);
  if (!result.ok) throw new Error(result.error);
  return planDays(result.assignments, options);
}

describe("plan: the days a week the preview states", () => {
  // 2021-09-10 is a Friday: every plan below starts and ends in the middle of a week.
  it("a plan on every day is 7 days a week, on weekdays 5, whatever its first and last weeks hold", () => {
    expect(weekOf(42, { start: "2021-09-10", pace: { perDay: 1 } })).toEqual({ days: 42, perWeek: 7 });
    expect(weekOf(42, { start: "2021-09-10", pace: { perDay: 1 }, weekdays: [1, 2, 3, 4, 5] })).toEqual({ days: 42, perWeek: 5 });
    expect(weekOf(9, { start: "2021-09-10", pace: { perDay: 3 }, weekdays: [1, 3, 5] })).toEqual({ days: 3, perWeek: 3 });
    // Two days, Friday and Saturday: the pace of the days chosen, not 2 in one calendar week.
    expect(weekOf(2, { start: "2021-09-10", pace: { perDay: 1 } })).toEqual({ days: 2, perWeek: 7 });
  });

  it("dates to skip are not study days: a dense plan around them is still every study day", () => {
    expect(weekOf(20, { start: "2021-09-10", pace: { perDay: 1 }, weekdays: [1, 2, 3, 4, 5], skip: ["2021-09-15", "2021-09-21"] })).toEqual({ days: 20, perWeek: 5 });
  });

  it("one every N days is 7/N days a week; up to an end date, what the days used make", () => {
    expect(weekOf(21, { start: "2021-09-10", pace: { every: 2 } })).toEqual({ days: 21, perWeek: 3.5 });
    expect(weekOf(5, { start: "2021-09-10", pace: { every: 7 } })).toEqual({ days: 5, perWeek: 1 });
    // 4 items up to Thursday two weeks on: one on each of the first four days, so 7 a week while it runs.
    expect(weekOf(4, { start: "2021-09-10", pace: { end: "2021-09-23" } })).toEqual({ days: 4, perWeek: 7 });
  });

  it("a plan on one day states no weekly figure", () => {
    expect(weekOf(3, { start: "2021-09-10", pace: { perDay: 5 } })).toEqual({ days: 1, perWeek: null });
  });
});

describe("plan: bad input is one clear line", () => {
  it("says what is wrong", () => {
    expect(daysOf(3, { start: "2021-04-02", pace: { end: "2021-04-01" } })).toEqual(["error: the start 2021-04-02 is after the end 2021-04-01"]);
    expect(daysOf(3, { start: "2021-03-29", pace: { perDay: 1 }, weekdays: [] })).toEqual(["error: no study day: choose at least one weekday"]);
    expect(daysOf(3, { start: "2021-03-27", pace: { end: "2021-03-28" }, weekdays: [1, 2, 3, 4, 5] }))
      .toEqual(["error: no study day from 2021-03-27 to 2021-03-28: the weekdays and skipped dates leave none"]);
    expect(daysOf(4, { start: "2021-03-29", pace: { end: "2021-03-30" }, chapterDays: true }, [0, 1, 2, 3]))
      .toEqual(["error: 4 chapters need as many study days, but 2021-03-29 to 2021-03-30 has 2: it needs 2 more days"]);
    expect(daysOf(3, { start: "2021-03-29", pace: { perDay: 0 } })).toEqual(["error: items per day must be a whole number from 1"]);
    expect(daysOf(3, { start: "9999-12-30", pace: { perDay: 1 } })).toEqual(["error: the plan would pass 9999-12-31"]);
  });

  it("a track with nothing to plan is an empty plan", () => {
    const lines = checklistLines("T.md", "## T\n- [x] 2021/03/01 done\n", 2);
    const result = planTrack(lines, lines, perDay(1), DEFAULT_SETTINGS);
    expect(result).toEqual({ ok: true, plan: { start: "2021-03-29", end: null, assignments: [], changes: [] } });
  });
});
