import { describe, expect, it } from "vitest";
import { findDateExpr } from "../../src/core/markdown/dateExpr";
import { applyLineEdits } from "../../src/core/planner/edits";
import { isSchedule, journalOf, planRoll, rememberedMode, rememberMode, rewriteLine, undoEdits, type RollPlan } from "../../src/core/planner/roll";
import { DEFAULT_SETTINGS, type BrainQueueSettings } from "../../src/core/base/settings";
import type { RollMode } from "../../src/core/base/types";
import { parseNote } from "../../src/core/items/parse";
import { trackKey } from "../../src/core/items";
import { nameRecord } from "../../src/core/base";

const T = "\t";
const W = "\u3000";

// A planner note in the shapes people write: dates first with padding, dates last after tabs or
// spaces, glued dates, ranges, 年月日, dotted dates, Tasks and Dataview forms.
const NOTE = [
  "# 日程",
  "",
  "- [x] 2024/03/05    第1周星期二_课程甲 A101 开课",
  "",
  "- [ ] 2024/03/28    读一篇论文",
  "",
  "- [ ] 2024/04/05    画架构图",
  "- [ ] 2024/04/20    第8周星期六_课程甲 结课",
  "- [ ] 2024/09/09    AAAI  2025 投稿截至日期",
  "- [ ] 2024/11/17 - 2024/11/30  模型设计专题",
  "- [ ] 2024/05/01    整理笔记",
  "",
  "## 每日算法",
  "",
  "**链表**",
  "",
  "- [x] 2024/04/06    反转链表",
  "- [x] 2024/04/07    环形链表",
  "- [ ] 2024/04/08    相交链表",
  "- [ ] 2024/04/09    删除倒数第N个节点",
  "- [ ] 2024/04/10    ",
  "- [ ] 2024/04/11",
  "",
  "## 编程指南",
  "",
  `**第1章${W}并行计算**`,
  "",
  `- [x] 1.1${W}并行计算${T}${T}2024/4/06`,
  "",
  `- [ ] 1.2${W}异构计算        2024/4/07`,
  `  1.3${W}总结`,
  `- [ ] 1.4${W}用GPU输出${T}${T}2024/4/08`,
  `- [ ] 1.5${W}统一内存的矩阵加法2024/4/09`,
  `- [ ] 1.6${W}习题                 2024/4/10`,
  "",
  "## 读书",
  "",
  "- [ ] 2024.4.8    第一章",
  "- [ ] 2024.4.9    第二章",
  "- [ ] 2024.4.10  第三章",
  "",
  "## 网课",
  "",
  "- [ ] 2024年4月9日 第一讲",
  "- [ ] 2024年4月10日  第二讲",
  "",
  "## Tasks",
  "",
  "- [ ] Write report 📅 2024-04-01",
  "- [ ] Review PR [due:: 2024-04-02] #work",
  "- [ ] 2024-04-03  Fix the build",
  `- [ ] 2024/4/9${T}${T}Tidy the desk`,
  "- [ ] 2024/04/01 - 2024/04/03  Sprint",
  "- [ ] 2024年4月1日 至 2024年4月3日  集训",
  "- [ ] Plan trip 📅 2024-06-01",
  "",
].join("\n");

const DAY = "2024-04-10";
const itemsOf = (path: string, text: string) => parseNote(path, text).items;

function roll(text: string, mode: RollMode, settings: BrainQueueSettings = DEFAULT_SETTINGS, track?: string): { plan: RollPlan; text: string } {
  const plan = planRoll(itemsOf("Plan.md", text), DAY, { mode, settings, track });
  const outcome = applyLineEdits(text, plan.changes.map((c) => c.edit));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.failures));
  return { plan, text: outcome.text };
}

/** The note with whole lines replaced, each old line required to occur exactly once. */
function withLines(text: string, replacements: [string, string][]): string {
  const lines = text.split("\n");
  for (const [old, next] of replacements) {
    const at = lines.indexOf(old);
    expect(at, old).toBeGreaterThanOrEqual(0);
    expect(lines.indexOf(old, at + 1), old).toBe(-1);
    lines[at] = next;
  }
  return lines.join("\n");
}

const TODAY_TIME: [string, string][] = [
  ["- [ ] 2024/03/28    读一篇论文", "- [ ] 2024/04/10    读一篇论文"],
  ["- [ ] 2024/04/05    画架构图", "- [ ] 2024/04/10    画架构图"],
];
const TODAY_TASKS: [string, string][] = [
  ["- [ ] Write report 📅 2024-04-01", "- [ ] Write report 📅 2024-04-10"],
  ["- [ ] Review PR [due:: 2024-04-02] #work", "- [ ] Review PR [due:: 2024-04-10] #work"],
  ["- [ ] 2024-04-03  Fix the build", "- [ ] 2024-04-10  Fix the build"],
  [`- [ ] 2024/4/9${T}${T}Tidy the desk`, `- [ ] 2024/4/10${T}${T}Tidy the desk`],
  ["- [ ] 2024/04/01 - 2024/04/03  Sprint", "- [ ] 2024/04/10 - 2024/04/12  Sprint"],
  ["- [ ] 2024年4月1日 至 2024年4月3日  集训", "- [ ] 2024年4月10日 至 2024年4月12日 集训"],
];
const SHIFT_ALGO: [string, string][] = [
  ["- [ ] 2024/04/08    相交链表", "- [ ] 2024/04/10    相交链表"],
  ["- [ ] 2024/04/09    删除倒数第N个节点", "- [ ] 2024/04/11    删除倒数第N个节点"],
  ["- [ ] 2024/04/10    ", "- [ ] 2024/04/12    "],
  ["- [ ] 2024/04/11", "- [ ] 2024/04/13"],
];
const SHIFT_GUIDE: [string, string][] = [
  [`- [ ] 1.2${W}异构计算        2024/4/07`, `- [ ] 1.2${W}异构计算        2024/4/10`],
  [`- [ ] 1.4${W}用GPU输出${T}${T}2024/4/08`, `- [ ] 1.4${W}用GPU输出${T}${T}2024/4/11`],
  [`- [ ] 1.5${W}统一内存的矩阵加法2024/4/09`, `- [ ] 1.5${W}统一内存的矩阵加法2024/4/12`],
  [`- [ ] 1.6${W}习题                 2024/4/10`, `- [ ] 1.6${W}习题                 2024/4/13`],
];
const SHIFT_BOOK: [string, string][] = [
  ["- [ ] 2024.4.8    第一章", "- [ ] 2024.4.10   第一章"],
  ["- [ ] 2024.4.9    第二章", "- [ ] 2024.4.11   第二章"],
  ["- [ ] 2024.4.10  第三章", "- [ ] 2024.4.12  第三章"],
];
const SHIFT_COURSE: [string, string][] = [
  ["- [ ] 2024年4月9日 第一讲", "- [ ] 2024年4月10日 第一讲"],
  ["- [ ] 2024年4月10日  第二讲", "- [ ] 2024年4月11日  第二讲"],
];

describe("planRoll on a planner note", () => {
  it("auto: schedules shift, other tracks move to today, fixed items stay", () => {
    const { plan, text } = roll(NOTE, "auto");
    expect(text).toBe(withLines(NOTE, [...TODAY_TIME, ...SHIFT_ALGO, ...SHIFT_GUIDE, ...SHIFT_BOOK, ...SHIFT_COURSE, ...TODAY_TASKS]));
    expect(plan.modes).toEqual(Object.fromEntries(Object.entries({ 日程: "today", 每日算法: "shift", 编程指南: "shift", 读书: "shift", 网课: "shift", Tasks: "today" })
      .map(([name, mode]) => [trackKey("Plan.md", name), mode])));
    expect(plan.skipped).toEqual([]);
    const change = plan.changes.find((c) => c.text === "读一篇论文")!;
    expect(change).toMatchObject({ path: "Plan.md", line: 5, from: "2024/03/28", to: "2024/04/10", track: "日程" });
    expect(plan.changes.find((c) => c.text === "Write report")).toMatchObject({ from: "📅 2024-04-01", to: "📅 2024-04-10" });
  });

  it("today: every overdue movable item moves to the day, ranges keep their length", () => {
    const { text } = roll(NOTE, "today");
    expect(text).toBe(withLines(NOTE, [
      ...TODAY_TIME, ...TODAY_TASKS,
      ["- [ ] 2024/04/08    相交链表", "- [ ] 2024/04/10    相交链表"],
      ["- [ ] 2024/04/09    删除倒数第N个节点", "- [ ] 2024/04/10    删除倒数第N个节点"],
      [`- [ ] 1.2${W}异构计算        2024/4/07`, `- [ ] 1.2${W}异构计算        2024/4/10`],
      [`- [ ] 1.4${W}用GPU输出${T}${T}2024/4/08`, `- [ ] 1.4${W}用GPU输出${T}${T}2024/4/10`],
      [`- [ ] 1.5${W}统一内存的矩阵加法2024/4/09`, `- [ ] 1.5${W}统一内存的矩阵加法2024/4/10`],
      ["- [ ] 2024.4.8    第一章", "- [ ] 2024.4.10   第一章"],
      ["- [ ] 2024.4.9    第二章", "- [ ] 2024.4.10   第二章"],
      ["- [ ] 2024年4月9日 第一讲", "- [ ] 2024年4月10日 第一讲"],
    ]));
  });

  it("shift: the cadence is kept from the first missed item; fixed items are skipped with a reason", () => {
    const { plan, text } = roll(NOTE, "shift");
    expect(text).toBe(withLines(NOTE, [
      ["- [ ] 2024/03/28    读一篇论文", "- [ ] 2024/04/10    读一篇论文"],
      ["- [ ] 2024/04/05    画架构图", "- [ ] 2024/04/18    画架构图"],
      ["- [ ] 2024/11/17 - 2024/11/30  模型设计专题", "- [ ] 2024/11/30 - 2024/12/13  模型设计专题"],
      ["- [ ] 2024/05/01    整理笔记", "- [ ] 2024/05/14    整理笔记"],
      ...SHIFT_ALGO, ...SHIFT_GUIDE, ...SHIFT_BOOK, ...SHIFT_COURSE,
      ["- [ ] Write report 📅 2024-04-01", "- [ ] Write report 📅 2024-04-10"],
      ["- [ ] Review PR [due:: 2024-04-02] #work", "- [ ] Review PR [due:: 2024-04-11] #work"],
      ["- [ ] 2024-04-03  Fix the build", "- [ ] 2024-04-12  Fix the build"],
      [`- [ ] 2024/4/9${T}${T}Tidy the desk`, `- [ ] 2024/4/18${T}${T}Tidy the desk`],
      ["- [ ] 2024/04/01 - 2024/04/03  Sprint", "- [ ] 2024/04/10 - 2024/04/12  Sprint"],
      ["- [ ] 2024年4月1日 至 2024年4月3日  集训", "- [ ] 2024年4月10日 至 2024年4月12日 集训"],
      ["- [ ] Plan trip 📅 2024-06-01", "- [ ] Plan trip 📅 2024-06-10"],
    ]));
    expect(plan.skipped).toEqual([
      { path: "Plan.md", line: 8, reason: "fixed date: “结课”", text: "第8周星期六_课程甲 结课" },
      { path: "Plan.md", line: 9, reason: "fixed date: deadline", text: "AAAI  2025 投稿截至日期" },
    ]);
  });

  it("reports overdue fixed items in every mode and never moves them", () => {
    const note = "## 学期\n\n- [ ] 2024/03/01    课程乙 开课\n- [ ] 2024/03/02    ICML 2024 submission\n- [ ] 2024/03/03    期中 exam\n- [ ] 2024/03/04    作业\n";
    for (const mode of ["auto", "today", "shift"] as const) {
      const { plan, text } = roll(note, mode);
      expect(plan.skipped.map((s) => [s.line, s.reason])).toEqual([
        [3, "fixed date: “开课”"], [4, "fixed date: deadline"], [5, "fixed date: “exam”"],
      ]);
      expect(text).toBe(note.replace("2024/03/04", "2024/04/10"));
    }
  });

  it("remembers a mode per track and can roll one track only", () => {
    const settings = { ...DEFAULT_SETTINGS, trackModes: { 每日算法: "today" as const, Tasks: "shift" as const } };
    const { plan } = roll(NOTE, "auto", settings);
    expect(plan.modes[trackKey("Plan.md", "每日算法")]).toBe("today");
    expect(plan.modes[trackKey("Plan.md", "Tasks")]).toBe("shift");
    const one = roll(NOTE, "auto", DEFAULT_SETTINGS, trackKey("Plan.md", "读书"));
    expect(one.text).toBe(withLines(NOTE, SHIFT_BOOK));
    expect(Object.keys(one.plan.modes)).toEqual([trackKey("Plan.md", "读书")]);
  });

  it("a mode remembered for a track beats one older data kept for its heading name in any note", () => {
    const settings = { ...DEFAULT_SETTINGS, trackModes: nameRecord<RollMode>() };
    settings.trackModes["每日算法"] = "today"; // older data: the heading in any note
    expect(roll(NOTE, "auto", settings).plan.modes[trackKey("Plan.md", "每日算法")]).toBe("today");
    rememberMode(settings, trackKey("Plan.md", "每日算法"), "shift");
    expect(roll(NOTE, "auto", settings).plan.modes[trackKey("Plan.md", "每日算法")]).toBe("shift");
    expect(rememberedMode(settings, trackKey("Old.md", "每日算法"))).toBe("today");
    // Back to auto: kept as a choice, or the older name would speak for this track again.
    rememberMode(settings, trackKey("Plan.md", "每日算法"), "auto");
    expect(rememberedMode(settings, trackKey("Plan.md", "每日算法"))).toBe("auto");
    rememberMode(settings, trackKey("Plan.md", "读书"), "spread");
    rememberMode(settings, trackKey("Plan.md", "读书"), "auto");
    expect({ ...settings.trackModes }).toEqual({ 每日算法: "today", [trackKey("Plan.md", "每日算法")]: "auto" });
  });

  it("spells a date the way its track pads fields the old date did not show", () => {
    const note = [
      "## 指南", "",
      `- [ ] 1.1${W}概述${T}${T}2024/4/27`,
      `- [ ] 1.2${W}内存        2024/4/28`,
      `- [ ] 1.3${W}习题        2024/5/01`,
      "- [ ] 2024/4/29  单独的一行",
      "",
    ].join("\n");
    const plan = planRoll(itemsOf("G.md", note), "2024-05-05", { mode: "shift", settings: DEFAULT_SETTINGS });
    expect(plan.changes.map((c) => `${c.from} → ${c.to}`)).toEqual([
      "2024/4/27 → 2024/5/05", "2024/4/28 → 2024/5/06", "2024/5/01 → 2024/5/09", "2024/4/29 → 2024/5/07",
    ]);
    const lone = planRoll(itemsOf("H.md", "## x\n- [ ] 2024/4/29  a\n"), "2024-05-05", { mode: "today", settings: DEFAULT_SETTINGS });
    expect(lone.changes[0].to).toBe("2024/5/5");
  });

  it("leaves cancelled items alone", () => {
    const note = "## x\n- [-] 2024/04/01    取消了\n- [/] 2024/04/02    进行中\n- [>] 2024/04/03    推迟\n";
    const { plan, text } = roll(note, "today");
    expect(plan.changes.map((c) => c.line)).toEqual([3, 4]);
    expect(text).toBe("## x\n- [-] 2024/04/01    取消了\n- [/] 2024/04/10    进行中\n- [>] 2024/04/10    推迟\n");
  });

  it("changes nothing when nothing is overdue", () => {
    const plan = planRoll(itemsOf("Plan.md", NOTE), "2024-03-01", { mode: "auto", settings: DEFAULT_SETTINGS });
    expect(plan).toEqual({ date: "2024-03-01", modes: {}, changes: [], skipped: [] });
  });

  it("undo restores the exact bytes", () => {
    const crlf = `\uFEFF${NOTE.replaceAll("\n", "\r\n")}`;
    const { plan, text } = roll(crlf, "auto");
    const entry = journalOf(plan, "2024-04-10T08:00:00Z");
    expect(entry.edits).toHaveLength(plan.changes.length);
    const undone = applyLineEdits(text, undoEdits(entry));
    expect(undone.ok && undone.text).toBe(crlf);
  });
});

describe("isSchedule", () => {
  const items = (dates: string[], done: boolean[] = []) =>
    itemsOf("s.md", `## s\n${dates.map((d, i) => `- [${done[i] ? "x" : " "}] ${d} x`).join("\n")}\n`);
  it.each<[string[], boolean]>([
    [["2024/04/01", "2024/04/02", "2024/04/03"], true],
    [["2024/04/01", "2024/04/01", "2024/04/03", "2024/04/05"], true],
    [["2024/04/01", "2024/04/04", "2024/04/07"], false],
    [["2024/04/01", "2024/04/03", "2024/04/02"], false],
    [["2024/04/01"], false],
    [["2024/03/28", "2024/03/28", "2024/04/05", "2024/04/08", "2024/04/10", "2024/04/20", "2024/04/25"], false],
  ])("%j → %s", (dates, expected) => {
    expect(isSchedule(items(dates))).toBe(expected);
  });
  it("ignores finished items", () => {
    expect(isSchedule(items(["2024/04/09", "2024/04/01", "2024/04/10"], [true, false, false]))).toBe(false);
    expect(isSchedule(items(["2024/05/09", "2024/04/01", "2024/04/02"], [true, false, false]))).toBe(true);
  });
});

describe("rewriteLine", () => {
  it.each<[string, string, string | null, string]>([
    ["- [ ] 2024/3/9    text", "2024-03-12", null, "- [ ] 2024/3/12   text"],
    ["- [ ] 2024/3/12   text", "2024-04-01", null, "- [ ] 2024/4/1    text"],
    ["- [ ] 2024/3/9  text", "2024-03-12", null, "- [ ] 2024/3/12 text"],
    ["- [ ] 2024/3/9 text", "2024-03-12", null, "- [ ] 2024/3/12 text"],
    ["- [ ] 2024/3/9  \ttext", "2024-03-12", null, "- [ ] 2024/3/12  \ttext"],
    ["- [ ] 2024年3月9日    text", "2024-12-10", null, "- [ ] 2024年12月10日  text"],
    ["- [ ] 2024/3/9 - 2024/3/9    text", "2024-03-10", "2024-03-10", "- [ ] 2024/3/10 - 2024/3/10  text"],
  ])("%s → %s", (source, date, end, expected) => {
    const found = findDateExpr(source.slice(5));
    if (!found || "error" in found) throw new Error(source);
    expect(rewriteLine(source, 5 + found.from, 5 + found.to, date, end).line).toBe(expected);
  });
});

describe("the supported year range", () => {
  // Years end at 9999: a date rolled past it has no spelling (it came out as `1000/00/00`).
  const END_OF_TIME = [
    "## 年末",
    "",
    "- [ ] 9999/12/28    第一天",
    "- [ ] 9999/12/29    第二天",
    "- [ ] 9999/12/30    第三天",
    "- [ ] 9999/12/31    第四天",
    "",
    "## Ranges",
    "",
    "- [ ] 9999-12-20  Fits",
    "- [ ] 9999/12/22 - 9999/12/25  长假",
    "",
  ].join("\n");
  const PAST_THE_END = "out of range: the new date would pass 9999-12-31";

  it("shift: items that would pass 9999-12-31 are skipped with the reason, the others written", () => {
    const plan = planRoll(itemsOf("Plan.md", END_OF_TIME), "9999-12-31", { mode: "shift", settings: DEFAULT_SETTINGS });
    expect(plan.changes.map((c) => [c.line, c.to])).toEqual([[3, "9999/12/31"], [10, "9999-12-31"]]);
    expect(plan.skipped.map((s) => [s.line, s.reason])).toEqual([[4, PAST_THE_END], [5, PAST_THE_END], [6, PAST_THE_END], [11, PAST_THE_END]]);
    const outcome = applyLineEdits(END_OF_TIME, plan.changes.map((c) => c.edit));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.failures));
    expect(outcome.text).toBe(withLines(END_OF_TIME, [
      ["- [ ] 9999/12/28    第一天", "- [ ] 9999/12/31    第一天"],
      ["- [ ] 9999-12-20  Fits", "- [ ] 9999-12-31  Fits"],
    ]));
  });

  it("today: a range whose end would pass 9999-12-31 keeps its dates; single dates move", () => {
    const plan = planRoll(itemsOf("Plan.md", END_OF_TIME), "9999-12-31", { mode: "today", settings: DEFAULT_SETTINGS });
    expect(plan.changes.map((c) => [c.line, c.to])).toEqual([[3, "9999/12/31"], [4, "9999/12/31"], [5, "9999/12/31"], [10, "9999-12-31"]]);
    expect(plan.skipped.map((s) => [s.line, s.reason])).toEqual([[11, PAST_THE_END]]);
  });
});

describe("empty slots", () => {
  // A schedule with days kept free for the next chapter (`- [ ] 2021/04/22    `, a date and no text), and a
  // list whose first line is an empty slot: free slots are not tasks, so a past one is never overdue.
  const SLOTS = [
    "## LeetCode",
    "",
    "**哈希表**",
    "",
    "- [x] 2021/04/15    两数之和",
    "- [ ] 2021/04/16    三数之和",
    "- [ ] 2021/04/17    四数之和",
    "",
    "**回溯算法**",
    "",
    "- [ ] 2021/04/22    ",
    "- [ ] 2021/04/23    ",
    "- [ ] 2021/04/25",
    "- [ ] 2021/04/26",
    "",
    "## 杂事",
    "",
    "- [ ] 2021/04/10",
    "- [ ] 2021/04/21    洗衣服",
    "- [ ] 2021/04/22   ",
    "",
    "## 空档",
    "",
    "- [ ] 2021/04/01    ",
    "- [ ] 2021/04/02",
    "",
  ].join("\n");
  const DAY_AFTER = "2021-04-25";
  const rolled = (mode: RollMode) => {
    const plan = planRoll(itemsOf("Plan.md", SLOTS), DAY_AFTER, { mode, settings: DEFAULT_SETTINGS });
    const outcome = applyLineEdits(SLOTS, plan.changes.map((c) => c.edit));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.failures));
    return { plan, text: outcome.text };
  };

  it("today: a past empty slot stays where it is and no track of only empty slots is rolled", () => {
    const { plan, text } = rolled("today");
    expect(text).toBe(withLines(SLOTS, [
      ["- [ ] 2021/04/16    三数之和", "- [ ] 2021/04/25    三数之和"],
      ["- [ ] 2021/04/17    四数之和", "- [ ] 2021/04/25    四数之和"],
      ["- [ ] 2021/04/21    洗衣服", "- [ ] 2021/04/25    洗衣服"],
    ]));
    expect(Object.keys(plan.modes)).toEqual([trackKey("Plan.md", "LeetCode"), trackKey("Plan.md", "杂事")]);
    expect(plan.skipped).toEqual([]);
  });

  it("shift: the earliest missed task sets the shift; empty slots from it on shift with the track, never as overdue", () => {
    const { plan, text } = rolled("shift");
    expect(text).toBe(withLines(SLOTS, [
      ["- [ ] 2021/04/16    三数之和", "- [ ] 2021/04/25    三数之和"],
      ["- [ ] 2021/04/17    四数之和", "- [ ] 2021/04/26    四数之和"],
      ["- [ ] 2021/04/22    ", "- [ ] 2021/05/01    "],
      ["- [ ] 2021/04/23    ", "- [ ] 2021/05/02    "],
      ["- [ ] 2021/04/25", "- [ ] 2021/05/04"],
      ["- [ ] 2021/04/26", "- [ ] 2021/05/05"],
      // 杂事: its empty slot of 04/10 is before the missed 洗衣服 and stays; the one of 04/22 shifts along.
      ["- [ ] 2021/04/21    洗衣服", "- [ ] 2021/04/25    洗衣服"],
      ["- [ ] 2021/04/22   ", "- [ ] 2021/04/26   "],
    ]));
    expect(plan.changes.filter((c) => c.overdue).map((c) => c.text)).toEqual(["三数之和", "四数之和", "洗衣服"]);
  });

  it("spread: past empty slots are not laid out as backlog, and stay when the later items shift", () => {
    const { plan, text } = rolled("spread");
    expect(text).toBe(withLines(SLOTS, [
      ["- [ ] 2021/04/16    三数之和", "- [ ] 2021/04/25    三数之和"],
      ["- [ ] 2021/04/17    四数之和", "- [ ] 2021/04/26    四数之和"],
      // The slots from the day on make room for the backlog; the past ones stay.
      ["- [ ] 2021/04/25", "- [ ] 2021/04/27"],
      ["- [ ] 2021/04/26", "- [ ] 2021/04/28"],
      ["- [ ] 2021/04/21    洗衣服", "- [ ] 2021/04/25    洗衣服"],
    ]));
    expect(plan.changes.filter((c) => c.overdue).map((c) => c.text)).toEqual(["三数之和", "四数之和", "洗衣服"]);
  });

  it("auto: nothing but empty slots in the past is nothing to roll", () => {
    const plan = planRoll(itemsOf("Plan.md", SLOTS), DAY_AFTER, { mode: "auto", settings: DEFAULT_SETTINGS, track: trackKey("Plan.md", "空档") });
    expect(plan).toEqual({ date: DAY_AFTER, modes: {}, changes: [], skipped: [] });
  });
});
