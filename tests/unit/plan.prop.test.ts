import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, weekdayIndex } from "../../src/core/base/dates";
import { applyLineEdits } from "../../src/core/planner/edits";
import { type Pace, type PlanOptions } from "../../src/core/planner/plan";
import { planTrack } from "../../src/core/planner/planTrack";
import { checklistLines } from "../../src/core/items/planLines";
import { DEFAULT_SETTINGS } from "../../src/core/base/settings";

// Random planner notes in the shapes people write: dates first or last in every spelling, undated
// lines, subtasks, chapters, Tasks lines, empty slots, finished and fixed items.
const FIRST = "2024-03-01";
const dayArb = fc.integer({ min: 0, max: 60 }).map((n) => addDays(FIRST, n));
const p2 = (n: number): string => String(n).padStart(2, "0");
const STYLES = [
  (y: string, m: number, d: number): string => `${y}/${p2(m)}/${p2(d)}`,
  (y: string, m: number, d: number): string => `${y}/${m}/${d}`,
  (y: string, m: number, d: number): string => `${y}-${p2(m)}-${p2(d)}`,
  (y: string, m: number, d: number): string => `${y}.${m}.${p2(d)}`,
  (y: string, m: number, d: number): string => `${y}年${m}月${d}日`,
];
const written = (style: number, iso: string): string => STYLES[style](iso.slice(0, 4), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
const textArb = fc.constantFrom("读一篇论文", "第二周 神经网络基础", "Lecture 2A: CNNs", "1.2\u3000异构计算", "反转链表", "期末考试", "Lab 3 ^lab3", "复习 🔁 every week");
const statusArb = fc.constantFrom(" ", " ", " ", " ", "x", "-", "/");
const padArb = fc.constantFrom(" ", "  ", "    ", "\t", "\t\t", "\u3000");

const lineArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({ s: statusArb, text: textArb }).map(({ s, text }) => `- [${s}] ${text}`) },
  { weight: 2, arbitrary: fc.record({ s: statusArb, style: fc.nat(4), date: dayArb, pad: padArb, text: textArb })
    .map(({ s, style, date, pad, text }) => `- [${s}] ${written(style, date)}${pad}${text}`) },
  { weight: 2, arbitrary: fc.record({ s: statusArb, style: fc.nat(4), date: dayArb, pad: padArb, text: textArb })
    .map(({ s, style, date, pad, text }) => `- [${s}] ${text.replace(" ^lab3", "")}${pad}${written(style, date)}`) },
  { weight: 1, arbitrary: fc.record({ s: statusArb, date: dayArb, text: textArb }).map(({ s, date, text }) => `- [${s}] ${text} 📅 ${date}`) },
  { weight: 1, arbitrary: fc.record({ date: dayArb, len: fc.nat(5) }).map(({ date, len }) => `- [ ] ${written(0, date)} - ${written(0, addDays(date, len))}  专题`) },
  { weight: 1, arbitrary: fc.record({ style: fc.nat(4), date: dayArb }).map(({ style, date }) => `- [ ] ${written(style, date)}    `) },
  { weight: 1, arbitrary: fc.constantFrom("  - [ ] 子任务", "    - [x] 做完的子任务") },
  { weight: 1, arbitrary: fc.constantFrom("", "**第1章\u3000并行计算**", "### 第二部分", "## 另一条") },
);
const noteArb = fc.array(lineArb, { minLength: 1, maxLength: 30 }).map((lines) => ["## 计划", ...lines].join("\n"));

const weekdaysArb = fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 });
const paceArb: fc.Arbitrary<Pace> = fc.oneof(
  fc.integer({ min: 1, max: 4 }).map((perDay) => ({ perDay })),
  fc.integer({ min: 1, max: 3 }).map((every) => ({ every })),
  fc.integer({ min: 0, max: 40 }).map((n) => ({ end: addDays("2024-05-01", n) })),
);
const optionsArb: fc.Arbitrary<PlanOptions> = fc.record({
  start: fc.integer({ min: 0, max: 30 }).map((n) => addDays("2024-04-20", n)),
  pace: paceArb,
  weekdays: weekdaysArb,
  skip: fc.array(fc.integer({ min: 0, max: 60 }).map((n) => addDays("2024-04-20", n)), { maxLength: 10 }),
  chapterDays: fc.boolean(),
});

/** The line with its date expression (and the blanks around it) taken out. */
const without = (line: string, expr: string, from: number): string => {
  const at = expr === "" ? -1 : line.indexOf(expr, from);
  const rest = at < 0 ? line : `${line.slice(0, at)} ${line.slice(at + expr.length)}`;
  return rest.replace(/[ \t\u3000]+/gu, " ").trim();
};

describe("plan: properties", () => {
  it("writes only the reported dates, each on a study day, in order, at the pace", () => {
    let dated = 0;
    fc.assert(fc.property(noteArb, optionsArb, (note, options) => {
      const lines = checklistLines("Plan.md", note, 2);
      const track = lines.filter((l) => l.track === "计划");
      const result = planTrack(track, lines, options, DEFAULT_SETTINGS);
      if (!result.ok) return;
      const { assignments, changes } = result.plan;
      dated += changes.length;
      const out = applyLineEdits(note, changes.map((c) => c.edit));
      expect(out.ok).toBe(true);
      if (!out.ok) return;
      const before = note.split("\n");
      const after = out.text.split("\n");
      expect(after.length).toBe(before.length);
      const changed = new Map(changes.map((c) => [c.line, c]));
      const contentFrom = new Map(lines.map((l) => [l.line, l.contentFrom]));
      before.forEach((line, i) => {
        const change = changed.get(i + 1);
        if (change === undefined) expect(after[i]).toBe(line);
        // Only the date and the blanks around it differ.
        else expect(without(after[i], change.to, contentFrom.get(i + 1) ?? 0)).toBe(without(line, change.from, contentFrom.get(i + 1) ?? 0));
      });
      // Every planned line now reads its new date.
      const reread = new Map(checklistLines("Plan.md", out.text, 2).map((l) => [l.line, l]));
      for (const a of assignments) expect(reread.get(a.line.line)?.date).toBe(a.date);

      const weekdays = new Set(options.weekdays);
      const perDay = new Map<string, number>();
      const groups = new Map<string, Set<number>>();
      for (let k = 0; k < assignments.length; k++) {
        const { date, line } = assignments[k];
        expect(date >= options.start).toBe(true);
        if (k > 0) expect(date >= assignments[k - 1].date).toBe(true);
        if (k > 0 && "every" in options.pace) expect(daysBetween(assignments[k - 1].date, date)).toBeGreaterThanOrEqual(options.pace.every);
        expect(weekdays.has(weekdayIndex(date) + 1)).toBe(true);
        expect(options.skip?.includes(date)).toBe(false);
        perDay.set(date, (perDay.get(date) ?? 0) + 1);
        groups.set(date, (groups.get(date) ?? new Set()).add(line.groupLine));
      }
      for (const n of perDay.values()) {
        if ("perDay" in options.pace) expect(n).toBeLessThanOrEqual(options.pace.perDay);
      }
      if ("end" in options.pace) for (const a of assignments) expect(a.date <= (options.pace).end).toBe(true);
      if (options.chapterDays) for (const g of groups.values()) expect(g.size).toBe(1);
    }), { numRuns: 400 });
    // The notes are planner notes: most runs date something.
    expect(dated).toBeGreaterThan(400);
  });
});
