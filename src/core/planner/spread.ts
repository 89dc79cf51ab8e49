// Roll-forward's spread mode: a backlog laid over the next study days at the track's usual pace
// instead of piling up on one day.
import { daysBetween, fromDayNumber, toDayNumber, type IsoDate, type Item } from "../base";
import { isEmptySlot } from "./fixed";
import { ALL_WEEKDAYS, StudyDays } from "./studyDays";

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

/** The spread's K: the track's usual number a day, at most `cap` when the settings set one (0: none). */
export function spreadPerDay(trackItems: readonly Item[], cap: number): number {
  const usual = usualPerDay(trackItems);
  return cap >= 1 ? Math.min(usual, cap) : usual;
}

/**
 * New first days for `overdue` (in document order) on the study days from `day` on, at most `perDay`
 * a day counting what the track's `later` items (not its empty slots) already hold there; then, when
 * `shiftLater` (a schedule), how far the later items move so the first of them comes after the last
 * spread day (0 when they already do). `dates` is shorter than `overdue` when the study days run out before
 * 9999-12-31: the items left over cannot move.
 */
export function spreadDates(overdue: readonly Item[], later: readonly Item[], day: IsoDate, perDay: number,
  shiftLater: boolean, studyDays: StudyDays = new StudyDays(ALL_WEEKDAYS)): { dates: IsoDate[]; laterShift: number } {
  const held = new Map<number, number>();
  // An empty slot is a free day, not an item already planned: it leaves its day's room to the backlog.
  if (!shiftLater) for (const item of later) if (!isEmptySlot(item)) held.set(toDayNumber(item.date), (held.get(toDayNumber(item.date)) ?? 0) + 1);
  const dates: IsoDate[] = [];
  let current = studyDays.from(toDayNumber(day));
  let onDay = current === null ? 0 : held.get(current) ?? 0;
  for (let k = 0; k < overdue.length && current !== null; k++) {
    while (current !== null && onDay >= perDay) {
      current = studyDays.from(current + 1);
      onDay = current === null ? 0 : held.get(current) ?? 0;
    }
    if (current === null) break;
    dates.push(fromDayNumber(current));
    onDay++;
  }
  if (!shiftLater || dates.length === 0 || later.length === 0) return { dates, laterShift: 0 };
  const firstLater = later.reduce((min, item) => (item.date < min ? item.date : min), later[0].date);
  return { dates, laterShift: Math.max(0, daysBetween(firstLater, dates[dates.length - 1]) + 1) };
}
