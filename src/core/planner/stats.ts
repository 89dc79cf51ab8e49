// Pace and forecast per track for a day D (issue 20): how many items, how many done, how many were
// completed in the 14 days up to D, and when the rest is done at that pace. Whole days and integers
// only: the forecast never depends on floating point.
import { addDays, dayKey, dayOfKey, daysBetween, isValidYmd, type IsoDate, type Item } from "../base";
import { tasksDoneDate } from "../markdown";

/** The days `recent` looks back over, D included. */
export const PACE_DAYS = 14;

export interface TrackStats {
  /** Dated items, cancelled ones (`[-]`) and empty slots left out. */
  total: number;
  done: number;
  remaining: number;
  /** Items completed in D−13 … D. */
  recent: number;
  /** `recent / 14`, items per day. */
  pace: number;
  /** The latest day among the counted items (a range: its end); null without items. */
  plannedEnd: IsoDate | null;
  /** All done: the day of the last completion. Otherwise D + ⌈14 × remaining / recent⌉ − 1, or null at no pace. */
  projectedEnd: IsoDate | null;
  /** projectedEnd − plannedEnd in days; null when either is null. */
  slipDays: number | null;
}

/** A track's counts so far; day values are yyyymmdd keys (they compare like days), 0 for none. */
export interface StatsTally {
  total: number;
  done: number;
  recent: number;
  plannedEnd: number;
  lastCompletion: number;
}

export const emptyTally = (): StatsTally => ({ total: 0, done: 0, recent: 0, plannedEnd: 0, lastCompletion: 0 });

/** The window `recent` counts, as yyyymmdd keys. */
export interface PaceWindow { from: number; day: number }

export const paceWindow = (day: IsoDate): PaceWindow => ({ from: dayKey(addDays(day, -(PACE_DAYS - 1))), day: dayKey(day) });

/**
 * The day a done item counts as completed: its recorded day (history, or a `✅` date) when there is one;
 * otherwise, for an item done before history began, its date (a range: its end), or D when that is later.
 */
export function completionKey(recorded: number, lastDay: number, window: PaceWindow): number {
  if (recorded !== 0) return recorded;
  return lastDay < window.day ? lastDay : window.day;
}

/**
 * Counts one item. `counted`: false for a cancelled item or an empty slot (neither planned work nor
 * done). `completed`: the item's completion key (see `completionKey`), 0 while it is not done.
 */
export function tallyItem(tally: StatsTally, counted: boolean, lastDay: number, completed: number, window: PaceWindow): void {
  if (!counted) return;
  tally.total++;
  if (lastDay > tally.plannedEnd) tally.plannedEnd = lastDay;
  if (completed === 0) return;
  tally.done++;
  if (completed >= window.from && completed <= window.day) tally.recent++;
  if (completed > tally.lastCompletion) tally.lastCompletion = completed;
}

export function addTally(into: StatsTally, from: StatsTally): void {
  into.total += from.total;
  into.done += from.done;
  into.recent += from.recent;
  if (from.plannedEnd > into.plannedEnd) into.plannedEnd = from.plannedEnd;
  if (from.lastCompletion > into.lastCompletion) into.lastCompletion = from.lastCompletion;
}

export function statsOfTally(tally: StatsTally, day: IsoDate): TrackStats {
  const { total, done, recent } = tally;
  const remaining = total - done;
  const plannedEnd = tally.plannedEnd === 0 ? null : dayOfKey(tally.plannedEnd);
  let projectedEnd: IsoDate | null = null;
  if (total > 0 && remaining === 0) projectedEnd = dayOfKey(tally.lastCompletion);
  else if (remaining > 0 && recent > 0) projectedEnd = addDays(day, Math.floor((PACE_DAYS * remaining + recent - 1) / recent) - 1);
  const slipDays = projectedEnd === null || plannedEnd === null ? null : daysBetween(plannedEnd, projectedEnd);
  return { total, done, remaining, recent, pace: recent / PACE_DAYS, plannedEnd, projectedEnd, slipDays };
}

/** What a track's forecast says in one word: all done, late by `days` at this pace, on plan, or no pace. */
export type Forecast =
  | { kind: "done"; on: IsoDate }
  | { kind: "late"; days: number; on: IsoDate }
  | { kind: "onPlan"; on: IsoDate }
  | { kind: "noPace" };

/** The forecast of a track's stats; null for a track with nothing counted. On plan includes ahead of it. */
export function forecastOf(stats: TrackStats): Forecast | null {
  if (stats.total === 0) return null;
  if (stats.projectedEnd === null) return { kind: "noPace" };
  if (stats.remaining === 0) return { kind: "done", on: stats.projectedEnd };
  if (stats.slipDays !== null && stats.slipDays > 0) return { kind: "late", days: stats.slipDays, on: stats.projectedEnd };
  return { kind: "onPlan", on: stats.projectedEnd };
}

/** An item as the stats see it; `completedOn` is what history recorded for it, if anything. */
export type StatsItem = Pick<Item, "status" | "text" | "date" | "end" | "source"> & { completedOn?: IsoDate | null };

/** One track's stats for day D from its items (the CLI and views use the column path in vaultStats.ts). */
export function trackStats(items: readonly StatsItem[], day: IsoDate): TrackStats {
  const window = paceWindow(day);
  const tally = emptyTally();
  for (const item of items) {
    const lastDay = dayKey(item.end ?? item.date);
    const done = item.status === "x" || item.status === "X";
    const recorded = item.completedOn ? dayKey(item.completedOn) : doneDateKey(item.source);
    tallyItem(tally, item.status !== "-" && item.text !== "", lastDay, done ? completionKey(recorded, lastDay, window) : 0, window);
  }
  return statsOfTally(tally, day);
}

const COMPLETION_FIELD = /[[(]completion::[ \t]*(\d{4})-(\d{2})-(\d{2})[ \t]*[\])]/u;

/** The day a line says it was done (Tasks' `✅ 2026-03-04`, Dataview's `[completion:: …]`) as yyyymmdd, else 0. */
export function doneDateKey(line: string): number {
  const done = tasksDoneDate(line);
  if (done !== null) return done.key;
  const match = line.includes("completion::") ? COMPLETION_FIELD.exec(line) : null;
  if (!match) return 0;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidYmd(y, m, d) ? y * 10_000 + m * 100 + d : 0;
}
