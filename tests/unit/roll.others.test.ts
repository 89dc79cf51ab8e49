// What the sidebar calls overdue and what a roll does with it must agree: every overdue item is moved
// or skipped with a reason, and a cancelled item is neither overdue nor remaining.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../src/core/base/dates";
import { applyLineEdits } from "../../src/core/planner/edits";
import { parseNote } from "../../src/core/items/parse";
import { planRoll } from "../../src/core/planner/roll";
import { isEmptySlot } from "../../src/core/planner/fixed";
import { DEFAULT_SETTINGS } from "../../src/core/base/settings";
import { buildToday } from "../../src/core/planner/today";
import { VaultIndex } from "../../src/core/index/vaultIndex";

const DAY = "2025-05-20";
const indexOf = (notes: Record<string, string>): VaultIndex => {
  const index = new VaultIndex();
  for (const [path, text] of Object.entries(notes)) index.update(path, text);
  return index;
};

const LOG = [
  "## 实验记录",
  "- [x] 2025-05-02 搭环境",
  "- [-] 2025-05-03 换成另一个框架（放弃）",
  "- [ ] 2025-05-04 跑基线",
  "- [-] 2025/5/5 写插件 📅 2025-05-06",
  "- [/] 2025-05-07 调参",
  "- [>] 2025-05-08 改到下周",
  "- [ ] 2025-05-20 今天的",
  "- [-] 2025-05-20 今天取消的",
  "- [-] 2025-05-25 以后取消的",
  "- [ ] 2025-05-26 以后的",
].join("\n");

describe("cancelled items", () => {
  it("are neither overdue nor remaining, on the sidebar and in a roll", () => {
    const index = indexOf({ "Log.md": LOG });
    const model = buildToday(index, DAY, new Date(2025, 4, 20, 9), structuredClone(DEFAULT_SETTINGS));
    expect(model.overdue.map((g) => [g.track, g.count, g.items.map((i) => i.line)])).toEqual([["实验记录", 3, [4, 6, 7]]]);
    expect(model.tracks.map((t) => [t.name, t.done, t.total, t.overdue])).toEqual([["实验记录", 0, 1, 3]]);
    // Without a queue block or priority list the track waits in Queued: the header counts what Today
    // shows (nothing here), Queued its one remaining item (not the cancelled one).
    expect([model.done, model.total, model.queued.items]).toEqual([0, 0, 1]);
    const plan = planRoll(index.items(), DAY, { mode: "today", settings: DEFAULT_SETTINGS });
    expect(plan.changes.map((c) => c.line)).toEqual([4, 6, 7]);
    expect(plan.skipped).toEqual([]);
    expect(index.nextPlannedDay(DAY)).toBe("2025-05-26");
    expect(index.upcoming(DAY, 7).map((i) => i.line)).toEqual([11]);
  });

  it("never count as open deadlines", () => {
    const index = indexOf({ "Venues.md": "- [-] 2025-06-01 ICML 2025 投稿截止\n- [ ] 2025-06-02 NeurIPS 2025 投稿截止\n" });
    const model = buildToday(index, DAY, new Date(2025, 4, 20, 9), structuredClone(DEFAULT_SETTINGS));
    expect(model.deadlines.map((d) => d.line)).toEqual([2]);
  });
});

// Random notes in the shapes of other people's notes: every status, Tasks and Dataview fields, version
// numbers, fixed milestones.
const dayArb = fc.integer({ min: 0, max: 40 }).map((n) => addDays("2025-05-01", n));
const statusArb = fc.constantFrom(" ", " ", "x", "X", "-", "/", ">", "!", "?");
const textArb = fc.constantFrom("跑基线", "camera-ready 提交", "rebuttal 截止", "录用通知", "Unity 2022.3.4f1 升级", "#task 写周报 🔁 every week", "期末考试", "");
const lineArb = fc.oneof(
  fc.record({ s: statusArb, d: dayArb, t: textArb }).map(({ s, d, t }) => `- [${s}] ${d} ${t}`),
  fc.record({ s: statusArb, d: dayArb, t: textArb }).map(({ s, d, t }) => `- [${s}] ${t} 📅 ${d}`),
  fc.record({ s: statusArb, d: dayArb, t: textArb }).map(({ s, d, t }) => `- [${s}] ${t} 🛫 ${d} ➕ 2025-04-01`),
  fc.record({ s: statusArb, d: dayArb, t: textArb }).map(({ s, d, t }) => `- [${s}] ${t} [date:: ${d}]`),
  fc.record({ s: statusArb, d: dayArb, t: textArb }).map(({ s, d, t }) => `- [${s}] ${t} due:: ${d}`),
  fc.record({ s: statusArb, d: dayArb, n: fc.integer({ min: 0, max: 9 }) }).map(({ s, d, n }) => `- [${s}] ${d.replaceAll("-", ".")}f${n}`),
  fc.constantFrom("## 论文", "## 课程", "", "  - [ ] 子任务"),
);
const notesArb = fc.array(fc.array(lineArb, { minLength: 1, maxLength: 25 }), { minLength: 1, maxLength: 3 });

describe("overdue and roll agree", () => {
  it("every overdue item is moved by a roll or skipped with a reason, in every mode", () => {
    fc.assert(fc.property(notesArb, dayArb, fc.constantFrom<"auto" | "today" | "shift">("auto", "today", "shift"), (notes, day, mode) => {
      const index = indexOf(Object.fromEntries(notes.map((lines, i) => [`n${i}.md`, lines.join("\n")])));
      const plan = planRoll(index.items(), day, { mode, settings: DEFAULT_SETTINGS });
      const handled = new Set([...plan.changes.map((c) => `${c.path}:${c.line}`), ...plan.skipped.map((s) => `${s.path}:${s.line}`)]);
      for (const item of index.overdue(day)) {
        expect(item.status).not.toBe("-");
        // An empty slot is a free day, not a missed task: a roll leaves a past one where it is.
        if (isEmptySlot(item)) continue;
        expect(handled.has(`${item.path}:${item.line}`), `${item.path}:${item.line} ${item.source}`).toBe(true);
      }
      for (const skip of plan.skipped) expect(skip.reason.length).toBeGreaterThan(0);
      for (const change of plan.changes) if (change.text === "") expect(change.overdue).toBe(false);
    }), { numRuns: 300 });
  });
});

describe("items shown differently from their line", () => {
  it("roll only the date's line, byte for byte, whatever text they show", () => {
    const note = [
      "## 学习",
      "- [ ] 2025-05-10",
      "  整理 git 基本操作",
      "> - [ ] 2025年05月11日<br>",
      "> 读完第三章",
      "- [ ] #task 写周报 🔁 every week ⏫ 📅 2025-05-12 ➕ 2025-05-01 ^w1",
      "- [ ] 2025-05-13：registration deadline",
      "- [ ] 整理照片 🛫 2025-05-14 🔽",
      "- [ ] Lab 2 due:: 2025-05-15",
      "- [ ] Lecture 4 [date:: 2025-05-16]",
      "- [x] 2022.3.4f1",
      "",
    ].join("\r\n");
    const items = parseNote("Study.md", note).items;
    expect(items.map((i) => i.text)).toEqual(["整理 git 基本操作", "读完第三章", "#task 写周报", "registration deadline", "整理照片", "Lab 2", "Lecture 4"]);
    const plan = planRoll(items, DAY, { mode: "today", settings: DEFAULT_SETTINGS });
    expect(plan.skipped.map((s) => [s.line, s.reason])).toEqual([[7, "fixed date: deadline"]]);
    const outcome = applyLineEdits(note, plan.changes.map((c) => c.edit));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.failures));
    expect(outcome.text).toBe([
      "## 学习",
      "- [ ] 2025-05-20",
      "  整理 git 基本操作",
      "> - [ ] 2025年05月20日<br>",
      "> 读完第三章",
      "- [ ] #task 写周报 🔁 every week ⏫ 📅 2025-05-20 ➕ 2025-05-01 ^w1",
      "- [ ] 2025-05-13：registration deadline",
      "- [ ] 整理照片 🛫 2025-05-20 🔽",
      "- [ ] Lab 2 due:: 2025-05-20",
      "- [ ] Lecture 4 [date:: 2025-05-20]",
      "- [x] 2022.3.4f1",
      "",
    ].join("\r\n"));
  });
});
