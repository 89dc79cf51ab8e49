// Pace and forecast per track for a pinned day, from notes in a planner's shapes.
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/core/items/parse";
import { VaultIndex } from "../../src/core/index";
import { CompletionHistory } from "../../src/core/planner/history";
import { doneDateKey, forecastOf, trackStats, type StatsItem } from "../../src/core/planner/stats";
import { statsOfTracks, vaultStats } from "../../src/core/planner/vaultStats";

const DAY = "2021-04-10"; // a Saturday; the pace window is 2021-03-28 … 2021-04-10

const itemsOf = (lines: string[]): StatsItem[] => parseNote("计划.md", ["## CUDA C编程权威指南", "", ...lines, ""].join("\n")).items;

describe("trackStats", () => {
  it("an empty track has no pace, no plan and no forecast", () => {
    expect(trackStats([], DAY)).toEqual({
      total: 0, done: 0, remaining: 0, recent: 0, pace: 0, plannedEnd: null, projectedEnd: null, slipDays: null,
    });
  });

  it("items done before history began count on their date; the forecast runs from D at the 14-day pace", () => {
    const items = itemsOf([
      "- [x] 1.1　并行计算		2021/3/22", // before the window: done, not recent
      "- [x] 1.2　异构计算		2021/3/28", // first day of the window
      "- [x] 2.1　CUDA编程模型	2021/4/02",
      "- [x] 2.2　给核函数计时	2021/4/10", // D itself
      "- [ ] 2.3　组织并行线程	2021/4/11",
      "- [ ] 2.4　设备管理      2021/4/12",
      "- [ ] 3.1　CUDA执行模型概述	2021/4/13",
      "- [ ] 3.2　理解线程束执行的本质	2021/4/20",
    ]);
    const stats = trackStats(items, DAY);
    // 3 recent: 14 × 4 / 3 = 18.67 → 19 days, D + 19 − 1 = 2021-04-28; planned 2021-04-20 → 8 days late.
    expect(stats).toEqual({
      total: 8, done: 4, remaining: 4, recent: 3, pace: 3 / 14, plannedEnd: "2021-04-20", projectedEnd: "2021-04-28", slipDays: 8,
    });
  });

  it("pace 0: nothing completed in the last 14 days gives no forecast and no slip", () => {
    const items = itemsOf(["- [x] 2021/3/1 第一周 深度学习概论", "- [ ] 2021/3/8 第二周 神经网络基础"]);
    expect(trackStats(items, DAY)).toMatchObject({ total: 2, done: 1, recent: 0, pace: 0, plannedEnd: "2021-03-08", projectedEnd: null, slipDays: null });
  });

  it("all done: the forecast is the day of the last completion, whatever the pace", () => {
    const items = itemsOf(["- [x] 2021/3/1 第一周 深度学习概论", "- [x] 2021/3/8 第二周 神经网络基础"]);
    expect(trackStats(items, DAY)).toMatchObject({ remaining: 0, recent: 0, plannedEnd: "2021-03-08", projectedEnd: "2021-03-08", slipDays: 0 });
  });

  it("an item done early counts on D, not on its later date", () => {
    const items = itemsOf(["- [x] 2021/4/30 第八周 提前完成", "- [ ] 2021/5/7 第九周"]);
    // Completed on D → recent 1: D + 14 − 1.
    expect(trackStats(items, DAY)).toMatchObject({ done: 1, recent: 1, projectedEnd: "2021-04-23", plannedEnd: "2021-05-07", slipDays: -14 });
  });

  it("a range counts by its end: planned end and the day an old done range was completed", () => {
    const items = itemsOf([
      "- [x] 2021/3/20 - 2021/3/30 大作业一",
      "- [ ] 2021/4/01 ~ 2021/5/15 大作业二",
    ]);
    expect(trackStats(items, DAY)).toMatchObject({ total: 2, done: 1, recent: 1, plannedEnd: "2021-05-15", projectedEnd: "2021-04-23", slipDays: -22 });
  });

  it("cancelled items and empty slots are neither total, done nor planned", () => {
    const items = itemsOf([
      "- [-] 2021/4/30 取消的实验",
      "- [ ] 2021/04/22    ",
      "- [x] 2021/4/05 实验一",
      "- [ ] 2021/4/15 实验二",
    ]);
    expect(trackStats(items, DAY)).toMatchObject({ total: 2, done: 1, remaining: 1, recent: 1, plannedEnd: "2021-04-15", projectedEnd: "2021-04-23", slipDays: 8 });
  });

  it("a ✅ date is the completion day: one outside the window is not recent", () => {
    const items = itemsOf([
      "- [x] Read chapter 3 📅 2021-04-09 ✅ 2021-03-01",
      "- [x] Read chapter 4 📅 2021-04-20 ✅ 2021-04-08",
      "- [ ] Read chapter 5 📅 2021-04-25",
    ]);
    // Chapter 3 was done long before its date (not recent); chapter 4 early, on 04-08 (recent, not on D).
    expect(trackStats(items, DAY)).toMatchObject({ done: 2, recent: 1, projectedEnd: "2021-04-23", plannedEnd: "2021-04-25", slipDays: -2 });
    const allDone = itemsOf(["- [x] Read chapter 3 📅 2021-04-09 ✅ 2021-03-01", "- [x] Read chapter 4 📅 2021-04-20 ✅ 2021-04-08"]);
    expect(trackStats(allDone, DAY)).toMatchObject({ remaining: 0, projectedEnd: "2021-04-08", slipDays: -12 });
  });

  it("a recorded completion wins over the item's date and its ✅ mark", () => {
    const [first, second] = itemsOf(["- [x] 2021/3/1 第一周 深度学习概论", "- [ ] 2021/5/1 第二周 神经网络基础"]);
    const stats = trackStats([{ ...first, completedOn: "2021-04-09" }, second], DAY);
    expect(stats).toMatchObject({ recent: 1, projectedEnd: "2021-04-23" });
  });

  it("the forecast is exact integer arithmetic: 14 × remaining divisible by recent adds no day", () => {
    const done = Array.from({ length: 7 }, (_, i) => `- [x] 2021/4/0${i + 1} 练习 ${i + 1}`);
    const open = Array.from({ length: 3 }, (_, i) => `- [ ] 2021/4/1${i + 1} 练习 ${i + 8}`);
    // recent 7, remaining 3: 14 × 3 / 7 = 6 days exactly → D + 5.
    expect(trackStats(itemsOf([...done, ...open]), DAY)).toMatchObject({ recent: 7, remaining: 3, projectedEnd: "2021-04-15", plannedEnd: "2021-04-13", slipDays: 2 });
  });
});

describe("doneDateKey", () => {
  it("reads Tasks' ✅ date and Dataview's completion field; nothing else", () => {
    expect(doneDateKey("- [x] Read 📅 2026-03-04 ✅ 2026-03-05")).toBe(20260305);
    expect(doneDateKey("- [x] Read ✅\uFE0F 2026-03-05")).toBe(20260305);
    expect(doneDateKey("- [x] Read [completion:: 2026-03-06]")).toBe(20260306);
    expect(doneDateKey("- [x] 2021/3/22 并行计算")).toBe(0);
    expect(doneDateKey("- [x] Read ✅ 2026-02-30")).toBe(0);
  });
});

describe("vaultStats with a completion history", () => {
  it("a recorded day counts for the item it names (twins apart); other done items fall back to their date", () => {
    const index = new VaultIndex();
    index.update("学期规划.md", [
      "## 组会",
      "",
      "- [x] 2021/3/03    组会汇报",
      "- [x] 2021/3/10    组会汇报",
      "- [x] 2021/3/17    论文精读",
      "- [ ] 2021/4/14    组会汇报",
      "",
    ].join("\n"));
    const history = new CompletionHistory();
    // The second 组会汇报 was ticked late, on 04-09; the first one has no record (done before history began).
    history.add([{ device: "phone", seq: 0, at: 1, path: "学期规划.md", text: "组会汇报", occurrence: 1, day: "2021-04-09" }]);
    const without = vaultStats(index, DAY);
    expect(without.tracks).toMatchObject([{ track: "组会", path: "学期规划.md", line: 1, total: 4, done: 3, recent: 0, projectedEnd: null }]);
    const stats = vaultStats(index, DAY, history);
    expect(stats.tracks).toMatchObject([{ track: "组会", total: 4, done: 3, recent: 1, projectedEnd: "2021-04-23", slipDays: 9 }]);
    expect(stats.days.filter((d) => d.done > 0)).toEqual([
      { date: "2021-03-03", done: 1 }, { date: "2021-03-17", done: 1 }, { date: "2021-04-09", done: 1 },
    ]);
    // Unticked on another device later: back to the date rule, and the remembered answer follows the history.
    history.add([{ device: "laptop", seq: 0, at: 2, path: "学期规划.md", text: "组会汇报", occurrence: 1, day: null }]);
    expect(vaultStats(index, DAY, history).tracks[0]).toMatchObject({ recent: 0, projectedEnd: null });
  });
});

describe("statsOfTracks", () => {
  const index = new VaultIndex();
  index.update("计划/本学期.md", [
    "## LeetCode",
    "",
    "- [x] 2021/04/09    两数之和",
    "- [ ] 2021/04/12    三数之和",
    "",
    "## 深度学习工程师",
    "",
    "- [x] 2021/3/1 第一周 深度学习概论",
    "- [ ] 2021/3/8 第二周 神经网络基础",
    "",
  ].join("\n"));
  index.update("计划/上学期.md", "## LeetCode\n\n- [x] 2020/12/01    爬楼梯\n");

  it("answers for the tracks asked, as vaultStats does, and leaves out what has no items", () => {
    const asked = [
      { path: "计划/本学期.md", name: "LeetCode" },
      { path: "计划/上学期.md", name: "LeetCode" },
      { path: "计划/本学期.md", name: "没有这个标题" },
      { path: "计划/不存在.md", name: "LeetCode" },
    ];
    const stats = statsOfTracks(index, DAY, asked);
    expect([...stats.keys()]).toEqual(["计划/本学期.md\nLeetCode", "计划/上学期.md\nLeetCode"]);
    const whole = vaultStats(index, DAY).tracks;
    for (const [key, value] of stats) {
      const [path, name] = key.split("\n");
      expect(whole.find((t) => t.path === path && t.track === name)).toMatchObject(value);
    }
    expect(stats.get("计划/本学期.md\nLeetCode")).toMatchObject({ done: 1, total: 2, recent: 1, projectedEnd: "2021-04-23", slipDays: 11 });
  });
});

describe("forecastOf", () => {
  const base = { total: 4, done: 2, remaining: 2, recent: 2, pace: 2 / 14, plannedEnd: "2021-04-20", projectedEnd: "2021-04-23", slipDays: 3 };
  it("late, on plan (ahead included), no pace, all done, and nothing for an empty track", () => {
    expect(forecastOf(base)).toEqual({ kind: "late", days: 3, on: "2021-04-23" });
    expect(forecastOf({ ...base, projectedEnd: "2021-04-20", slipDays: 0 })).toEqual({ kind: "onPlan", on: "2021-04-20" });
    expect(forecastOf({ ...base, projectedEnd: "2021-04-12", slipDays: -8 })).toEqual({ kind: "onPlan", on: "2021-04-12" });
    expect(forecastOf({ ...base, recent: 0, pace: 0, projectedEnd: null, slipDays: null })).toEqual({ kind: "noPace" });
    // All done late is still done: the slip is history, not a forecast.
    expect(forecastOf({ ...base, done: 4, remaining: 0, projectedEnd: "2021-04-25", slipDays: 5 })).toEqual({ kind: "done", on: "2021-04-25" });
    expect(forecastOf({ ...base, total: 0, done: 0, remaining: 0, recent: 0, pace: 0, plannedEnd: null, projectedEnd: null, slipDays: null })).toBeNull();
  });
});
