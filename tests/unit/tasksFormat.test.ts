// Tasks' format in one place: whether a line is in it (ticking writes ✅ on such lines, planning gives such an
// undated line `📅 date`), and the done date a line records (ticking takes it off, the pace counts by it).
import { describe, expect, it } from "vitest";
import { isTasksFormat, tasksDoneDate } from "../../src/core/markdown/tasksFormat";
import { withoutDoneDate, writesDoneDate } from "../../src/core/planner/doneDate";
import { doneDateKey } from "../../src/core/planner/stats";
import { applyLineEdits } from "../../src/core/planner/edits";
import { planTrack } from "../../src/core/planner/planTrack";
import { checklistLines } from "../../src/core/items/planLines";
import { DEFAULT_SETTINGS } from "../../src/core/base/settings";

// [line, in Tasks' format]. Every field emoji of Tasks counts, the due and scheduled aliases (📆 🗓 ⌛) too;
// a Dataview field or a note's own date shape does not.
const LINES: [string, boolean][] = [
  ["- [ ] Read chapter 3 📅 2026-03-04", true],
  ["- [ ] Read chapter 3 ⏳ 2026-03-04", true],
  ["- [ ] Read chapter 3 🛫 2026-03-04", true],
  ["- [ ] Read chapter 3 📆 2026-03-04", true],
  ["- [ ] Read chapter 3 🗓 2026-03-04", true],
  ["- [ ] Read chapter 3 ⌛ 2026-03-04", true],
  ["- [x] Read chapter 3 ✅ 2026-03-04", true],
  ["- [ ] Read chapter 3 ➕ 2026-03-01", true],
  ["- [-] Read chapter 3 ❌ 2026-03-01", true],
  ["- [ ] 复习错题 🔁 every week", true],
  ...["⏫", "🔼", "🔽", "🔺", "⏬"].map((p): [string, boolean] => [`- [ ] 背单词 ${p}`, true]),
  ["- [ ] 整理笔记 🆔 abc123", true],
  ["- [ ] 整理笔记 ⛔ abc123", true],
  ["- [ ] 整理笔记 🏁 delete", true],
  ["- [ ] 2021/3/27  第一周 深度学习概论", false],
  [`- [ ] 1.1\u3000并行计算\t\t2021/3/22`, false],
  ["- [ ] Read [due:: 2026-03-04]", false],
  ["- [ ] 2021/04/22    ", false],
  ["- [ ] 读论文 #paper ^r1", false],
];

/** Plans the undated line under a plain track with one dated line, one item a day from 2026-03-02. */
function planned(line: string): string {
  const note = ["## 复习", "- [ ] 2026/02/27 背单词", line, ""].join("\n");
  const lines = checklistLines("Plan.md", note, 2);
  const result = planTrack(lines, lines, { start: "2026-03-02", pace: { perDay: 1 } }, DEFAULT_SETTINGS);
  if (!result.ok) throw new Error(result.error);
  const out = applyLineEdits(note, result.plan.changes.map((c) => c.edit));
  if (!out.ok) throw new Error("edits refused");
  return out.text.split("\n")[2];
}

describe("whether a line is in Tasks' format", () => {
  it.each(LINES)("%s → %s, for ticking as for the rule", (line, tasks) => {
    expect(isTasksFormat(line)).toBe(tasks);
    expect(writesDoneDate(line, "tasks")).toBe(tasks);
  });

  it("an undated line in Tasks' format is planned with 📅, any other in the track's habit", () => {
    expect(planned("- [ ] 复习错题 🔁 every week ⏫")).toBe("- [ ] 复习错题 🔁 every week ⏫ 📅 2026-03-03");
    expect(planned("- [ ] 整理笔记 🆔 abc123")).toBe("- [ ] 整理笔记 🆔 abc123 📅 2026-03-03");
    expect(planned("- [ ] 读论文 #paper")).toBe("- [ ] 2026/03/03 读论文 #paper");
    // A date field without a date (Tasks reads the last field of a line) is Tasks' format as well.
    expect(planned("- [ ] 买 📅 日历")).toBe("- [ ] 买 📅 日历 📅 2026-03-03");
  });
});

describe("the done date of a line", () => {
  // [line, its day as yyyymmdd (0: none or not a day), the line with the done date taken off].
  const DONE: [string, number, string][] = [
    ["- [x] Read 📅 2026-03-04 ✅ 2026-03-05", 20260305, "- [x] Read 📅 2026-03-04"],
    ["- [x] Read ✅\uFE0F 2026-03-05 ^r1", 20260305, "- [x] Read ^r1"],
    ["- [x] Read ✅2026-03-05", 20260305, "- [x] Read"],
    ["- [x] Read\t✅ 2026-03-05 ⏫", 20260305, "- [x] Read ⏫"],
    // Written, so unticking takes it off; no day, so the pace does not count by it.
    ["- [x] Read ✅ 2026-02-30", 0, "- [x] Read"],
    // Tasks writes the done date last: the mark followed by a date is the one.
    ["- [x] 打卡 ✅ 完成 ✅ 2026-03-05", 20260305, "- [x] 打卡 ✅ 完成"],
    // Not Tasks' shape (YYYY-MM-DD): neither a done date nor taken off.
    ["- [x] Read ✅ 2026-3-5", 0, "- [x] Read ✅ 2026-3-5"],
    ["- [x] 2021/3/22 并行计算", 0, "- [x] 2021/3/22 并行计算"],
  ];

  it.each(DONE)("%s → %s", (line, key, without) => {
    expect(tasksDoneDate(line)?.key ?? 0).toBe(key);
    expect(doneDateKey(line)).toBe(key);
    expect(withoutDoneDate(line)).toBe(without);
  });

  it("the pace also reads Dataview's completion field, which ticking neither writes nor takes off", () => {
    const line = "- [x] Read [completion:: 2026-03-06]";
    expect(tasksDoneDate(line)).toBeNull();
    expect(doneDateKey(line)).toBe(20260306);
    expect(withoutDoneDate(line)).toBe(line);
  });
});
