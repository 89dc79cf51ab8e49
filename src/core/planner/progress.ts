// The Progress view's pictures as numbers. Per track: the remaining items over time (planned, from the
// items' dates; actual, from the days they were completed; and the forecast at the pace of the last 14
// days) and the axis' ticks (term weeks within the term, months elsewhere). For the vault: completions per day over the last
// 26 weeks, weeks as columns. The geometry to draw them is in chartGeometry.ts.
import { addDays, dayKey, dayOfKey, daysBetween, weekdayIndex, type IsoDate } from "../base";
import type { NoteRecord } from "../items";
import { emptyTally, paceWindow, statsOfTally, tallyItem, type TrackStats } from "./stats";
import { HISTORY_DAYS, walkNote, type CompletionLookup } from "./vaultStats";

/** A track's counted items (cancelled ones and empty slots left out) as days: yyyymmdd keys, ascending. */
export interface TrackDays {
  path: string;
  track: string;
  /** The heading's line (0 above every heading). */
  line: number;
  /** Each item's planned day (a range: its end). */
  planned: number[];
  /** Each done item's completion day (see completionKey). */
  completed: number[];
}

/** A completion within the last 26 weeks, for the heatmap's days. */
export interface CompletedItem {
  day: number;
  path: string;
  track: string;
  text: string;
}

export interface NoteProgress {
  /** The note's tracks with counted items, by heading line. */
  tracks: TrackDays[];
  /** Its items completed from D − 181 to D, in line order. */
  completions: CompletedItem[];
}

/** One note's part of the Progress view for day D (the caller may keep it per record, day and history version). */
export function noteProgress(record: NoteRecord, day: IsoDate, history?: CompletionLookup): NoteProgress {
  const window = paceWindow(day);
  const firstDay = dayKey(addDays(day, -(HISTORY_DAYS - 1)));
  const tracks = new Map<string, TrackDays>();
  const completions: CompletedItem[] = [];
  const lines = new Map(record.tracks.map((t) => [t.name, t.line]));
  walkNote(record, window, history, (track, text, counted, lastDay, completed) => {
    if (!counted) return;
    let days = tracks.get(track);
    if (!days) tracks.set(track, (days = { path: record.path, track, line: lines.get(track) ?? 0, planned: [], completed: [] }));
    days.planned.push(lastDay);
    if (completed === 0) return;
    days.completed.push(completed);
    if (completed >= firstDay && completed <= window.day) completions.push({ day: completed, path: record.path, track, text });
  });
  const out = [...tracks.values()].sort((a, b) => a.line - b.line);
  for (const t of out) {
    t.planned.sort((a, b) => a - b);
    t.completed.sort((a, b) => a - b);
  }
  return { tracks: out, completions };
}

/** The stats of a track's days, as vaultStats counts them. */
export function statsOfDays(days: TrackDays, day: IsoDate): TrackStats {
  const window = paceWindow(day);
  const tally = emptyTally();
  // Sums and maxima only: pairing the k-th planned day with the k-th completion counts the same.
  for (let k = 0; k < days.planned.length; k++) tallyItem(tally, true, days.planned[k], days.completed[k] ?? 0, window);
  return statsOfTally(tally, day);
}

/** Remaining items from `day` on (at the end of that day). */
export interface BurndownPoint {
  day: IsoDate;
  remaining: number;
}

export interface Burndown {
  total: number;
  /** The day before the first planned or completed item: everything remains. */
  start: IsoDate;
  /** The axis' last day: the plan's end, D or the forecast's end, whichever is latest (a far forecast is cut off). */
  end: IsoDate;
  today: IsoDate;
  /** Steps: each point's value holds from its day until the next point. */
  planned: BurndownPoint[];
  /** Steps up to D (the last one's value holds until D). */
  actual: BurndownPoint[];
  /** From D's remaining to 0 on `projectedEnd`, straight; `to` is where the axis ends when that is sooner. */
  forecast: { to: BurndownPoint; projectedEnd: IsoDate; clipped: boolean } | null;
  stats: TrackStats;
}

/** The least number of days the axis runs past the plan's end (or D) for a late forecast. */
const MIN_FORECAST_ROOM = 28;

/** A track's burndown on day D; null for a track with nothing counted. */
export function burndown(days: TrackDays, day: IsoDate): Burndown | null {
  const total = days.planned.length;
  if (total === 0) return null;
  const stats = statsOfDays(days, day);
  const today = dayKey(day);
  const first = Math.min(days.planned[0], days.completed[0] ?? today, today);
  const start = addDays(dayOfKey(first), -1);
  const planned = steps(start, total, days.planned, Infinity);
  const actual = steps(start, total, days.completed, today);
  const left = actual[actual.length - 1].remaining;
  const base = stats.plannedEnd !== null && stats.plannedEnd > day ? stats.plannedEnd : day;
  const cap = addDays(base, Math.max(daysBetween(start, base), MIN_FORECAST_ROOM));
  let end = base;
  let forecast: Burndown["forecast"] = null;
  const projected = stats.projectedEnd;
  if (left > 0 && projected !== null && projected > day) {
    const clipped = projected > cap;
    end = clipped ? cap : projected > end ? projected : end;
    const to = clipped ? { day: cap, remaining: left * (1 - daysBetween(day, cap) / daysBetween(day, projected)) } : { day: projected, remaining: 0 };
    forecast = { to, projectedEnd: projected, clipped };
  }
  return { total, start, end, today: day, planned, actual, forecast, stats };
}

/** `total` less the days (sorted keys) up to `until`, as steps from `start`. */
function steps(start: IsoDate, total: number, days: number[], until: number): BurndownPoint[] {
  const out: BurndownPoint[] = [{ day: start, remaining: total }];
  let remaining = total;
  for (let i = 0; i < days.length && days[i] <= until; i++) {
    remaining--;
    if (i + 1 < days.length && days[i + 1] === days[i]) continue;
    out.push({ day: dayOfKey(days[i]), remaining });
  }
  return out;
}

/** A labelled day of the time axis: the first day of term week `n`, or the first of month `n` (1–12) of `year`. */
export interface AxisTick {
  day: IsoDate;
  kind: "week" | "month";
  n: number;
  year: number;
}

/** The weeks a term counts (a term calendar ends in week 19 or 20): past them the axis goes back to months. */
export const TERM_WEEKS = 20;

/** Term weeks (from `termStart`, week 1 on it) within the term, the firsts of months outside it, from start to end. */
export function axisTicks(start: IsoDate, end: IsoDate, termStart: IsoDate | null): AxisTick[] {
  const term = termStart !== null && /^\d{4}-\d{2}-\d{2}$/u.test(termStart) ? { first: termStart, after: addDays(termStart, TERM_WEEKS * 7) } : null;
  const ticks: AxisTick[] = [];
  let year = Number(start.slice(0, 4));
  let month = Number(start.slice(5, 7));
  for (;;) {
    if (++month > 12) [year, month] = [year + 1, 1];
    const tick = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
    if (tick > end) break;
    if (term === null || tick < term.first || tick >= term.after) ticks.push({ day: tick, kind: "month", n: month, year });
  }
  if (term === null) return ticks;
  for (let week = 0; week < TERM_WEEKS; week++) {
    const tick = addDays(term.first, week * 7);
    if (tick >= start && tick <= end) ticks.push({ day: tick, kind: "week", n: week + 1, year: Number(tick.slice(0, 4)) });
  }
  return ticks.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** The heatmap's columns. */
export const HEATMAP_WEEKS = 26;

export interface HeatmapDay {
  date: IsoDate;
  count: number;
  /** 0 for none, else 1–4 by the share of the busiest day. */
  level: number;
  /** The day's items by track, tracks in order of first completion. */
  tracks: { track: string; path: string; texts: string[] }[];
}

export interface Heatmap {
  /** The Monday of the first column. */
  first: IsoDate;
  /** HEATMAP_WEEKS columns of 7 days, Monday first; null for the days after D. */
  weeks: (HeatmapDay | null)[][];
  total: number;
  max: number;
}

/** Completions per day in the 26 weeks that end with D's week (Monday to Sunday). */
export function heatmap(completions: readonly CompletedItem[], day: IsoDate): Heatmap {
  const first = addDays(day, -(weekdayIndex(day) + 7 * (HEATMAP_WEEKS - 1)));
  const byDay = new Map<number, CompletedItem[]>();
  for (const item of completions) {
    const list = byDay.get(item.day);
    if (list) list.push(item);
    else byDay.set(item.day, [item]);
  }
  const firstKey = dayKey(first);
  const todayKey = dayKey(day);
  let max = 0;
  let total = 0;
  for (const [key, list] of byDay) {
    if (key < firstKey || key > todayKey) continue;
    max = Math.max(max, list.length);
    total += list.length;
  }
  const weeks: (HeatmapDay | null)[][] = [];
  for (let w = 0; w < HEATMAP_WEEKS; w++) {
    const column: (HeatmapDay | null)[] = [];
    for (let d = 0; d < 7; d++) {
      const date = addDays(first, w * 7 + d);
      if (date > day) {
        column.push(null);
        continue;
      }
      const list = byDay.get(dayKey(date)) ?? [];
      const tracks: HeatmapDay["tracks"] = [];
      for (const item of list) {
        let group = tracks.find((t) => t.track === item.track && t.path === item.path);
        if (!group) tracks.push((group = { track: item.track, path: item.path, texts: [] }));
        group.texts.push(item.text);
      }
      column.push({ date, count: list.length, level: list.length === 0 ? 0 : Math.min(4, Math.ceil((4 * list.length) / max)), tracks });
    }
    weeks.push(column);
  }
  return { first, weeks, total, max };
}
