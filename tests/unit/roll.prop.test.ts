import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "../../src/core/base/dates";
import { applyLineEdits } from "../../src/core/planner/edits";
import { parseNote } from "../../src/core/items/parse";
import { journalOf, planRoll, undoEdits } from "../../src/core/planner/roll";
import { DEFAULT_SETTINGS, type BrainQueueSettings } from "../../src/core/base/settings";
import { weekdayIndex } from "../../src/core/base/dates";
import type { Item } from "../../src/core/base/types";
import { trackKeyOf } from "../../src/core/items";

// Random planner notes from the shapes a person writes, plus noise.
const FIRST = "2024-03-01";
const dayArb = fc.integer({ min: 0, max: 90 }).map((n) => addDays(FIRST, n));

type Style = (y: string, m: number, d: number) => string;
const p2 = (n: number): string => String(n).padStart(2, "0");
const STYLES: Style[] = [
  (y, m, d) => `${y}/${p2(m)}/${p2(d)}`,
  (y, m, d) => `${y}/${m}/${d}`,
  (y, m, d) => `${y}/${m}/${p2(d)}`,
  (y, m, d) => `${y}-${p2(m)}-${p2(d)}`,
  (y, m, d) => `${y}.${m}.${d}`,
  (y, m, d) => `${y}年${m}月${d}日`,
];
const written = (style: number, iso: string): string =>
  STYLES[style](iso.slice(0, 4), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

const textArb = fc.constantFrom(
  "读一篇论文", "第二周 神经网络基础 2.1-2.6", "Lecture 2A: CNNs", "1.2\u3000异构计算", "反转链表、环形链表",
  "课程甲 开课", "期末考试", "CVPR 2025 投稿截止", "Lab 3: RNNs ", "http://example.com/paper_32.html", "",
);
const statusArb = fc.constantFrom(" ", " ", " ", "x", "X", "-");
const padArb = fc.constantFrom(" ", "  ", "    ", "        ", "\t", "\t\t", "  \t", "\u3000");

const checklist = fc.oneof(
  fc.record({ s: statusArb, style: fc.nat(5), date: dayArb, pad: padArb, text: textArb })
    .map(({ s, style, date, pad, text }) => `- [${s}] ${written(style, date)}${pad}${text}`),
  fc.record({ s: statusArb, style: fc.nat(5), date: dayArb, pad: fc.oneof(padArb, fc.constant("")), text: textArb })
    .map(({ s, style, date, pad, text }) => `- [${s}] ${text || "习题"}${pad}${written(style, date)}`),
  fc.record({ s: statusArb, style: fc.nat(2), date: dayArb, len: fc.nat(20), text: textArb })
    .map(({ s, style, date, len, text }) => `- [${s}] ${written(style, date)} - ${written(style, addDays(date, len))}  ${text}`),
  fc.record({ s: statusArb, date: dayArb, text: textArb }).map(({ s, date, text }) => `- [${s}] ${text} 📅 ${date}`),
  fc.record({ s: statusArb, date: dayArb, text: textArb }).map(({ s, date, text }) => `- [${s}] ${text} [due:: ${date}] #tag`),
  fc.record({ s: statusArb, date: dayArb }).map(({ s, date }) => `- [${s}] ${written(0, date)}    `),
);
const noise = fc.constantFrom(
  "", "", "", "## 每日算法", "## 编程指南", "# TIME", "**第1章\u3000并行计算**", "  - [ ] 子任务", "- [ ] 没有日期的任务",
  "  1.3\u3000总结", "2024/03/22  -  2024/05/07", "https://example.com/2024/03/05/x.html", "---", "> 引用 2024/03/05",
  "- [ ] 2024/02/30    不存在的日期", "\u3000\u3000全角缩进的行",
);
const noteArb = fc.record({
  lines: fc.array(fc.oneof({ weight: 4, arbitrary: checklist }, { weight: 2, arbitrary: noise }, { weight: 1, arbitrary: fc.constantFrom("```\n- [ ] 2024/03/05    代码里\n```", "```") }), { minLength: 3, maxLength: 40, size: "medium" }),
  eols: fc.array(fc.constantFrom("\n", "\r\n", "\r\n", "\r"), { minLength: 40, maxLength: 40 }),
  bom: fc.boolean(),
  finalEol: fc.boolean(),
}).map(({ lines, eols, bom, finalEol }) => {
  const body = lines.map((line, i) => line + (i < lines.length - 1 || finalEol ? eols[i] : "")).join("");
  return (bom ? "\uFEFF" : "") + "## 日程" + eols[39] + body;
});
const modeArb = fc.constantFrom<"auto" | "today" | "shift" | "spread">("auto", "today", "shift", "spread");

function rolled(text: string, day: string, mode: "auto" | "today" | "shift" | "spread", perDay?: number, settings: BrainQueueSettings = DEFAULT_SETTINGS) {
  const items = parseNote("N.md", text).items;
  const plan = planRoll(items, day, { mode, settings, perDay });
  const outcome = applyLineEdits(text, plan.changes.map((c) => c.edit));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.failures));
  return { items, plan, next: outcome.text };
}

const lineTexts = (text: string): string[] => text.replace(/^\uFEFF/u, "").split(/\r\n|\r|\n/u);
const lastDay = (item: Item): string => item.end ?? item.date;

describe("roll-forward properties", () => {
  it("changes nothing but the reported date spans and the alignment spaces after them", () => {
    fc.assert(fc.property(noteArb, dayArb, modeArb, (text, day, mode) => {
      const { items, plan, next } = rolled(text, day, mode);
      const before = lineTexts(text);
      const after = lineTexts(next);
      expect(after.length).toBe(before.length);
      expect(next.replace(/[^\r\n]/gu, "")).toBe(text.replace(/[^\r\n]/gu, ""));
      expect(next.startsWith("\uFEFF")).toBe(text.startsWith("\uFEFF"));
      const changed = new Map(plan.changes.map((c) => [c.line, c]));
      before.forEach((line, i) => {
        const change = changed.get(i + 1);
        if (!change) { expect(after[i]).toBe(line); return; }
        const item = items.find((it) => it.line === i + 1)!;
        expect(change.from).toBe(line.slice(item.dateFrom, item.dateTo));
        const head = line.slice(0, item.dateFrom);
        expect(after[i].startsWith(head + change.to)).toBe(true);
        const oldRest = line.slice(item.dateTo);
        const newRest = after[i].slice(head.length + change.to.length);
        expect(newRest.replace(/^ +/u, "")).toBe(oldRest.replace(/^ +/u, ""));
        if (!/^ {2,}[^\t]/u.test(oldRest)) expect(newRest).toBe(oldRest);
      });
    }), { numRuns: 300 });
  });

  it("never moves finished or cancelled items, or items not yet due in today mode; leaves nothing movable overdue", () => {
    fc.assert(fc.property(noteArb, dayArb, modeArb, (text, day, mode) => {
      const { items, plan, next } = rolled(text, day, mode);
      const moved = new Set(plan.changes.map((c) => c.line));
      for (const item of items) {
        if (item.done || item.status === "-") expect(moved.has(item.line)).toBe(false);
        if (mode === "today" && lastDay(item) >= day) expect(moved.has(item.line)).toBe(false);
      }
      const skipped = new Set(plan.skipped.map((s) => s.line));
      for (const item of parseNote("N.md", next).items) {
        // An empty slot is a free day, not a task: a past one is left where it is.
        if (!item.done && item.status !== "-" && item.text !== "" && lastDay(item) < day) expect(skipped.has(item.line)).toBe(true);
        const old = items.find((it) => it.line === item.line)!;
        expect(item.text).toBe(old.text);
        if (old.end !== null) expect(daysBetween(item.date, item.end!)).toBe(daysBetween(old.date, old.end));
      }
    }), { numRuns: 300 });
  });

  it("an empty slot is never overdue: a past one moves only in a shift, from the track's earliest missed task on", () => {
    fc.assert(fc.property(noteArb, dayArb, modeArb, (text, day, mode) => {
      const { items, plan } = rolled(text, day, mode);
      const byLine = new Map(items.map((item) => [item.line, item]));
      const earliest = new Map<string, string>();
      for (const change of plan.changes) {
        if (!change.overdue) continue;
        const date = byLine.get(change.line)!.date;
        if (date < (earliest.get(change.track) ?? "9999")) earliest.set(change.track, date);
      }
      for (const change of plan.changes) {
        const item = byLine.get(change.line)!;
        if (item.text !== "") continue;
        expect(change.overdue).toBe(false);
        if (lastDay(item) >= day) continue;
        expect(plan.modes[trackKeyOf(item)]).toBe("shift");
        expect(item.date >= earliest.get(item.track)!).toBe(true);
      }
    }), { numRuns: 300 });
  });

  it("moved items land on or after the day, and undo restores the exact bytes", () => {
    fc.assert(fc.property(noteArb, dayArb, modeArb, (text, day, mode) => {
      const { plan, next } = rolled(text, day, mode);
      const reparsed = parseNote("N.md", next).items;
      for (const change of plan.changes) {
        const item = reparsed.find((it) => it.line === change.line)!;
        expect(item.date >= day).toBe(true);
      }
      const undone = applyLineEdits(next, undoEdits(journalOf(plan, "t")));
      expect(undone.ok && undone.text).toBe(text);
    }), { numRuns: 300 });
  });

  it("spread: a track's backlog keeps its order, at most N a day from the day on", () => {
    fc.assert(fc.property(noteArb, dayArb, fc.integer({ min: 1, max: 3 }), (text, day, perDay) => {
      const { plan, next } = rolled(text, day, "spread", perDay);
      const reparsed = new Map(parseNote("N.md", next).items.map((it) => [it.line, it]));
      const perTrackDay = new Map<string, number>();
      const lastOf = new Map<string, string>();
      for (const change of plan.changes.filter((c) => c.overdue)) {
        const date = reparsed.get(change.line)!.date;
        const key = `${change.track}\n${date}`;
        perTrackDay.set(key, (perTrackDay.get(key) ?? 0) + 1);
        expect(perTrackDay.get(key)).toBeLessThanOrEqual(perDay);
        expect(date >= (lastOf.get(change.track) ?? day)).toBe(true);
        lastOf.set(change.track, date);
      }
    }), { numRuns: 300 });
  });

  it("spread on study days: only the reported spans change, and the backlog keeps its order on study days, at most K a day", () => {
    // Study weekdays (at least one), dates to skip and a cap, as the settings may hold them.
    const studyArb = fc.record({
      studyWeekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }).map((days) => [...days].sort()),
      skipDates: fc.uniqueArray(fc.integer({ min: 0, max: 120 }).map((n) => addDays(FIRST, n)), { maxLength: 30 }),
      spreadCap: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(fc.property(noteArb, dayArb, studyArb, (text, day, study) => {
      const settings = { ...DEFAULT_SETTINGS, ...study };
      const { items, plan, next } = rolled(text, day, "spread", undefined, settings);
      const before = lineTexts(text);
      const after = lineTexts(next);
      const changed = new Map(plan.changes.map((c) => [c.line, c]));
      before.forEach((line, i) => {
        const change = changed.get(i + 1);
        if (!change) { expect(after[i]).toBe(line); return; }
        const item = items.find((it) => it.line === i + 1)!;
        expect(after[i].startsWith(line.slice(0, item.dateFrom) + change.to)).toBe(true);
      });
      const reparsed = new Map(parseNote("N.md", next).items.map((it) => [it.line, it]));
      const perTrackDay = new Map<string, number>();
      const lastOf = new Map<string, string>();
      for (const change of plan.changes.filter((c) => c.overdue)) {
        const date = reparsed.get(change.line)!.date;
        expect(settings.studyWeekdays).toContain(weekdayIndex(date) + 1);
        expect(settings.skipDates).not.toContain(date);
        expect(date >= (lastOf.get(change.track) ?? day)).toBe(true);
        lastOf.set(change.track, date);
        const key = `${change.track}\n${date}`;
        perTrackDay.set(key, (perTrackDay.get(key) ?? 0) + 1);
        if (settings.spreadCap > 0) expect(perTrackDay.get(key)).toBeLessThanOrEqual(settings.spreadCap);
      }
    }), { numRuns: 300 });
  });
});
