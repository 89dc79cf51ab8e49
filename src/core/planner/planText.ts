// A plan's dates as line edits, written in the track's own habit: where its dates stand (first or
// last), what separates them from the words, how they are spelled. Dated lines are rewritten in
// place as a roll does; undated lines get a date inserted.
import { addDays, daysBetween, type IsoDate } from "../base";
import type { PlanLine } from "../items";
import { isTasksFormat, rewriteDateExpr } from "../markdown";
import type { Assignment } from "./plan";
import { columns, paddingHabit, rewriteLine, spelledLikeTrack, type RollChange } from "./roll";

/** Where and how a track writes its dates. */
export interface DateHabit {
  kind: "first" | "last" | "tasks" | "dataview";
  /** first: what stands between the checkbox and the date. */
  lead: string;
  /** first: what follows the date; last: what precedes it. */
  gap: string;
  /** When the gap is a run of spaces that aligns (two or more): the display column it reaches. */
  column: number | null;
  /** A date written as the track writes them (separator, zero padding, 年月日). */
  sample: string;
}

/** `YYYY/MM/DD` first, then one space. */
export const DEFAULT_HABIT: DateHabit = { kind: "first", lead: " ", gap: " ", column: null, sample: "2000/01/01" };

export interface PlanChange extends RollChange {
  /** The new day. */
  date: IsoDate;
}

const BLANKS = /^[ \t\u3000]*$/u;
const aligns = (gap: string): boolean => gap.length >= 2 && /^ +$/u.test(gap);

interface Vote { kind: DateHabit["kind"]; lead: string; gap: string; column: number | null; line: PlanLine }

/** How one dated line places its date, or null for a date in the middle of the words. */
function voteOf(line: PlanLine): Vote | null {
  if (line.form === null) return null;
  if (line.form === "dataview") return { kind: "dataview", lead: "", gap: " ", column: null, line };
  if (line.form !== "plain" && line.form !== "cjk") return { kind: "tasks", lead: "", gap: " ", column: null, line };
  const { source, contentFrom, dateFrom, dateTo } = line;
  const before = source.slice(contentFrom, dateFrom);
  const after = source.slice(dateTo);
  if (BLANKS.test(before)) {
    const gap = /^[ \t\u3000]*/u.exec(after)?.[0] ?? "";
    return { kind: "first", lead: before, gap, column: aligns(gap) ? columns(source.slice(0, dateTo) + gap) : null, line };
  }
  if (BLANKS.test(after)) {
    const gap = /[ \t\u3000]*$/u.exec(source.slice(0, dateFrom))?.[0] ?? "";
    return { kind: "last", lead: "", gap, column: aligns(gap) ? columns(source.slice(0, dateFrom)) : null, line };
  }
  return null;
}

const keyOf = (v: Vote): string => `${v.kind}\u0000${v.lead}\u0000${aligns(v.gap) ? "aligned" : v.gap}`;

/** The most frequent value (ties: the first seen). */
function mostFrequent<T>(values: readonly T[], key: (v: T) => string): T | null {
  const counts = new Map<string, number>();
  let best: T | null = null;
  let bestCount = 0;
  for (const v of values) {
    const k = key(v);
    const n = (counts.get(k) ?? 0) + 1;
    counts.set(k, n);
    if (n > bestCount) { best = v; bestCount = n; }
  }
  return best;
}

/**
 * The habit of the track's dated lines, else of the note's (its most frequent; ties: the first in
 * the note), else the default.
 */
export function dateHabit(trackLines: readonly PlanLine[], noteLines: readonly PlanLine[], fallback: DateHabit = DEFAULT_HABIT): DateHabit {
  for (const lines of [trackLines, noteLines]) {
    const votes = lines.map(voteOf).filter((v): v is Vote => v !== null);
    const winner = mostFrequent(votes, keyOf);
    if (winner === null) continue;
    const same = votes.filter((v) => keyOf(v) === keyOf(winner));
    const column = winner.column === null ? null : mostFrequent(same.map((v) => v.column ?? 0), String);
    const dated = lines.filter((l) => l.form === "plain" || l.form === "cjk");
    const spelled = same.find((v) => v.line.form === "plain" || v.line.form === "cjk")?.line ?? dated[0];
    const sample = spelled === undefined ? fallback.sample
      : spelledLikeTrack(spelled.source.slice(spelled.dateFrom, spelled.dateTo), paddingHabit(dated));
    return { kind: winner.kind, lead: winner.lead, gap: winner.gap, column, sample };
  }
  return fallback;
}

// A block id ends the line and must stay last.
const BLOCK_ID = /[ \t]+\^[A-Za-z0-9-]+[ \t]*$/u;

/** The line with `expr` appended to its words (before a block id), after `gap`. */
function appended(line: PlanLine, expr: string, gap: string, column: number | null): string {
  const { source } = line;
  const id = BLOCK_ID.exec(source);
  const tail = id === null ? "" : id[0];
  const words = source.slice(0, source.length - tail.length).replace(/[ \t\u3000]+$/u, "");
  const space = column === null ? gap : " ".repeat(Math.max(1, column - columns(words)));
  return words + space + expr + tail;
}

/** An undated line with its new date, and the date as written. */
function withNewDate(line: PlanLine, date: IsoDate, habit: DateHabit): { line: string; expr: string } {
  if (habit.kind === "tasks" || isTasksFormat(line.source.slice(line.contentFrom))) {
    const expr = `📅 ${date}`;
    return { line: appended(line, expr, " ", null), expr };
  }
  if (habit.kind === "dataview") {
    const expr = `[due:: ${date}]`;
    return { line: appended(line, expr, " ", null), expr };
  }
  const expr = rewriteDateExpr(habit.sample, date, null);
  if (habit.kind === "last") return { line: appended(line, expr, habit.gap, habit.column), expr };
  const head = line.source.slice(0, line.contentFrom) + habit.lead + expr;
  const words = line.source.slice(line.contentFrom).replace(/^[ \t\u3000]+/u, "");
  const gap = habit.column === null ? habit.gap : " ".repeat(Math.max(1, habit.column - columns(head)));
  return { line: head + gap + words, expr };
}

/** The changes that write a plan's dates; lines already on their new day are left out. */
export function planChanges(assignments: readonly Assignment[], habit: DateHabit, trackLines: readonly PlanLine[], trackLevel: number): PlanChange[] {
  const padding = paddingHabit(trackLines.filter((l) => l.form !== null));
  const changes: PlanChange[] = [];
  for (const { line, date } of assignments) {
    let replacement: string;
    let from = "";
    let to: string;
    if (line.date !== null) {
      const end = line.end === null ? null : addDays(date, daysBetween(line.date, line.end));
      const rewritten = rewriteLine(line.source, line.dateFrom, line.dateTo, date, end, padding);
      ({ line: replacement, before: from, after: to } = rewritten);
    } else {
      ({ line: replacement, expr: to } = withNewDate(line, date, habit));
    }
    if (replacement === line.source) continue;
    changes.push({
      path: line.path, line: line.line, from, to, text: line.text, track: line.track, overdue: false, date,
      edit: { path: line.path, line: line.line, expected: line.source, replacement, track: { name: line.track, level: trackLevel } },
    });
  }
  return changes;
}
