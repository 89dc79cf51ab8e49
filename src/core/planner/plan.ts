// Planning a track: lay its unfinished checklist items on study days at a pace or up to an end date.
// Pure: dates in, dates out; planText.ts turns the result into line edits.
import { fromDayNumber, toDayNumber, type BrainQueueSettings, type IsoDate, type Item } from "../base";
import type { PlanLine } from "../items";
import { FixedRules } from "./fixed";
import { ALL_WEEKDAYS, StudyDays } from "./studyDays";

/** N items per study day, one item every N calendar days, or as evenly as fits up to an end date. */
export type Pace = { perDay: number } | { every: number } | { end: IsoDate };

export interface PlanOptions {
  start: IsoDate;
  pace: Pace;
  /** ISO weekdays (1 = Monday … 7 = Sunday) to study on; default all seven. */
  weekdays?: readonly number[];
  /** Days never to plan on. */
  skip?: readonly IsoDate[];
  /** A chapter (group) never shares a day with the one before it. */
  chapterDays?: boolean;
}

export interface Assignment { line: PlanLine; date: IsoDate }
export type PlanResult = { ok: true; assignments: Assignment[]; end: IsoDate | null } | { ok: false; error: string };

/**
 * The lines a plan dates: open, not a subtask, not an empty slot (a dated line without text keeps
 * its day) and not fixed (a deadline or an exam keeps its day, as in a roll).
 */
export function plannable(lines: readonly PlanLine[], settings: BrainQueueSettings): PlanLine[] {
  const rules = new FixedRules(settings);
  return lines.filter((l) => {
    if (!l.open || l.subtask || l.text === "") return false;
    return l.date === null || rules.reason({ text: l.text, date: l.date, end: l.end }) === null;
  });
}

/** Every day that holds a fixed item (a deadline, an exam, `开课` …): days a plan may skip. */
export function fixedDays(items: readonly Item[], settings: BrainQueueSettings): IsoDate[] {
  const days = new Set<IsoDate>();
  const rules = new FixedRules(settings);
  for (const item of items) {
    if (item.status === "-" || rules.reason(item) === null) continue;
    const last = item.end === null ? toDayNumber(item.date) : Math.min(toDayNumber(item.end), toDayNumber(item.date) + 366);
    for (let d = toDayNumber(item.date); d <= last; d++) days.add(fromDayNumber(d));
  }
  return [...days].sort();
}

/** Consecutive lines of one chapter: sizes of the runs, in order. */
function chapterRuns(lines: readonly PlanLine[]): number[] {
  const runs: number[] = [];
  for (let k = 0; k < lines.length; k++) {
    if (k > 0 && lines[k].groupLine === lines[k - 1].groupLine && lines[k].path === lines[k - 1].path) runs[runs.length - 1]++;
    else runs.push(1);
  }
  return runs;
}

const newChapter = (lines: readonly PlanLine[], k: number): boolean =>
  k > 0 && (lines[k].groupLine !== lines[k - 1].groupLine || lines[k].path !== lines[k - 1].path);

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Checks the options; null when they are usable. */
export function planOptionsError(options: PlanOptions): string | null {
  const weekdays = options.weekdays ?? ALL_WEEKDAYS;
  if (weekdays.some((w) => !Number.isInteger(w) || w < 1 || w > 7)) return "weekdays are numbers from 1 (Monday) to 7 (Sunday)";
  if (weekdays.length === 0) return "no study day: choose at least one weekday";
  const { pace } = options;
  if ("perDay" in pace && !(Number.isInteger(pace.perDay) && pace.perDay >= 1)) return "items per day must be a whole number from 1";
  if ("every" in pace && !(Number.isInteger(pace.every) && pace.every >= 1)) return "the number of days between items must be a whole number from 1";
  if ("end" in pace && pace.end < options.start) return `the start ${options.start} is after the end ${pace.end}`;
  return null;
}

/**
 * Dates for `lines` (the plannable lines of a track, in document order) from `start` on. Every date
 * falls on a study day (a chosen weekday not in `skip`); dates never go back in document order.
 */
export function assignDates(lines: readonly PlanLine[], options: PlanOptions): PlanResult {
  const invalid = planOptionsError(options);
  if (invalid !== null) return { ok: false, error: invalid };
  const days = new StudyDays(options.weekdays ?? ALL_WEEKDAYS, options.skip ?? []);
  const start = toDayNumber(options.start);
  const { pace } = options;
  const chapterDays = options.chapterDays === true;
  let perDay: number[];
  if ("end" in pace) {
    const end = toDayNumber(pace.end);
    const studyDays = days.count(start, end);
    if (studyDays === 0) return { ok: false, error: `no study day from ${options.start} to ${pace.end}: the weekdays and skipped dates leave none` };
    const loads = chapterDays ? chapterLoads(chapterRuns(lines), studyDays) : evenLoads(lines.length, studyDays);
    if (typeof loads === "number") {
      return { ok: false, error: `${plural(loads + studyDays, "chapter")} need as many study days, but ${options.start} to ${pace.end} has ${studyDays}: it needs ${plural(loads, "more day")}` };
    }
    perDay = loads;
  } else perDay = [];

  const assignments: Assignment[] = [];
  let day = days.from(start);
  let onDay = 0;
  let dayIndex = 0;
  for (let k = 0; k < lines.length; k++) {
    if (day === null) return { ok: false, error: "the plan would pass 9999-12-31" };
    if (k > 0) {
      let next: boolean;
      if ("every" in pace) next = true;
      else if ("perDay" in pace) next = onDay >= pace.perDay || (chapterDays && newChapter(lines, k));
      else next = onDay >= perDay[dayIndex];
      if (next) {
        day = days.from("every" in pace ? day + pace.every : day + 1);
        if (day === null) return { ok: false, error: "the plan would pass 9999-12-31" };
        onDay = 0;
        dayIndex++;
      }
    }
    assignments.push({ line: lines[k], date: fromDayNumber(day) });
    onDay++;
  }
  return { ok: true, assignments, end: assignments.length === 0 ? null : assignments[assignments.length - 1].date };
}

/** n items on s days: ⌊n/s⌋ each, the first n mod s days one more (no empty day before the last). */
function evenLoads(n: number, s: number): number[] {
  const base = Math.floor(n / s);
  const extra = n % s;
  const used = Math.min(s, n);
  return Array.from({ length: used }, (_, i) => base + (i < extra ? 1 : 0));
}

/**
 * Loads per day when each chapter starts a new day: every chapter gets one day, and each further day
 * goes to the chapter whose busiest day is fullest (the first such), until days or items run out.
 * Returns how many days are missing when there are more chapters than days.
 */
function chapterLoads(runs: number[], studyDays: number): number[] | number {
  if (runs.length > studyDays) return runs.length - studyDays;
  const given = runs.map(() => 1);
  const busiest = (c: number): number => Math.ceil(runs[c] / given[c]);
  for (let left = studyDays - runs.length; left > 0; left--) {
    let best = -1;
    for (let c = 0; c < runs.length; c++) {
      if (given[c] >= runs[c]) continue;
      if (best < 0 || busiest(c) > busiest(best)) best = c;
    }
    if (best < 0) break;
    given[best]++;
  }
  return runs.flatMap((n, c) => evenLoads(n, given[c]));
}

/**
 * The days a plan uses and how many of them a week: the chosen weekdays' count over the mean gap between
 * the days used, counted in study days (dates to skip are none). Counted this way a plan on every study day
 * says the weekdays chosen however its first and last calendar weeks are cut, and one every N days 7/N.
 * A plan on one day has no weekly figure (null). Rounded to one decimal, as the preview shows it.
 */
export function planDays(assignments: readonly Assignment[], options: Pick<PlanOptions, "weekdays" | "skip">): { days: number; perWeek: number | null } {
  const distinct = new Set(assignments.map((a) => toDayNumber(a.date)));
  if (distinct.size < 2) return { days: distinct.size, perWeek: null };
  const weekdays = options.weekdays ?? ALL_WEEKDAYS;
  const study = new StudyDays(weekdays, options.skip ?? []);
  const used = [...distinct];
  const studyDays = study.count(Math.min(...used), Math.max(...used));
  // A day used off the study days (none today) would make the mean gap shorter than one study day.
  const perWeek = Math.min(weekdays.length, (weekdays.length * (distinct.size - 1)) / Math.max(1, studyDays - 1));
  return { days: distinct.size, perWeek: Math.round(perWeek * 10) / 10 };
}
