// Roll-forward's spread mode: a backlog laid over the next days at the track's usual pace instead of
// piling up on one day.
import { addDays, daysBetween, type IsoDate, type Item } from "../base";

/** The median number of items per planned day among a track's dated items (rounded down), at least 1. */
export function usualPerDay(trackItems: readonly Item[]): number {
  const perDay = new Map<IsoDate, number>();
  for (const item of trackItems) perDay.set(item.date, (perDay.get(item.date) ?? 0) + 1);
  const counts = [...perDay.values()].sort((a, b) => a - b);
  if (counts.length === 0) return 1;
  const mid = counts.length >> 1;
  const median = counts.length % 2 === 1 ? counts[mid] : (counts[mid - 1] + counts[mid]) / 2;
  return Math.max(1, Math.floor(median));
}

/**
 * New first days for `overdue` (in document order) from `day` on, at most `perDay` a day counting
 * what `planned` already holds there; then, when `shiftLater` (a schedule), how far the track's later
 * items move so the first of them comes after the last spread day (0 when they already do).
 */
export function spreadDates(overdue: readonly Item[], later: readonly Item[], day: IsoDate, perDay: number,
  shiftLater: boolean): { dates: IsoDate[]; laterShift: number } {
  const held = new Map<IsoDate, number>();
  if (!shiftLater) for (const item of later) held.set(item.date, (held.get(item.date) ?? 0) + 1);
  const dates: IsoDate[] = [];
  let current = day;
  let onDay = held.get(current) ?? 0;
  for (let k = 0; k < overdue.length; k++) {
    while (onDay >= perDay) {
      current = addDays(current, 1);
      onDay = held.get(current) ?? 0;
    }
    dates.push(current);
    onDay++;
  }
  if (!shiftLater || dates.length === 0 || later.length === 0) return { dates, laterShift: 0 };
  const firstLater = later.reduce((min, item) => (item.date < min ? item.date : min), later[0].date);
  return { dates, laterShift: Math.max(0, daysBetween(firstLater, dates[dates.length - 1]) + 1) };
}
