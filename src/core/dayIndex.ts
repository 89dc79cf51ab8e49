// Items by day, kept current item by item, so per-day queries on a large vault stay cheap after an edit.
import { addDays } from "./dates";
import type { IsoDate, Item } from "./types";

export const byPathThenLine = (a: { path: string; line: number }, b: { path: string; line: number }): number =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line;

const lastDay = (item: Item): IsoDate => item.end ?? item.date;
const isRange = (item: Item): boolean => item.end !== null && item.end !== item.date;

function addTo(map: Map<IsoDate, Set<Item>>, day: IsoDate, item: Item): void {
  const set = map.get(day);
  if (set) set.add(item);
  else map.set(day, new Set([item]));
}

function removeFrom(map: Map<IsoDate, Set<Item>>, day: IsoDate, item: Item): void {
  const set = map.get(day);
  if (!set) return;
  set.delete(item);
  if (set.size === 0) map.delete(day);
}

export class DayIndex {
  /** Single-day items by their day. */
  private single = new Map<IsoDate, Set<Item>>();
  private ranges = new Set<Item>();
  /** Unfinished items by their first day (upcoming). Overdue items are kept per note by the vault index. */
  private openByFirst = new Map<IsoDate, Set<Item>>();
  /** Every item's first day, with a count, for the next planned day. */
  private starts = new Map<IsoDate, number>();
  private sortedStarts: IsoDate[] | null = null;

  add(items: Item[]): void {
    for (const item of items) {
      if (isRange(item)) this.ranges.add(item);
      else addTo(this.single, item.date, item);
      if (!item.done) {
        addTo(this.openByFirst, item.date, item);
      }
      const count = this.starts.get(item.date) ?? 0;
      if (count === 0) this.sortedStarts = null;
      this.starts.set(item.date, count + 1);
    }
  }

  remove(items: Item[]): void {
    for (const item of items) {
      if (isRange(item)) this.ranges.delete(item);
      else removeFrom(this.single, item.date, item);
      if (!item.done) {
        removeFrom(this.openByFirst, item.date, item);
      }
      const count = (this.starts.get(item.date) ?? 1) - 1;
      if (count <= 0) {
        this.starts.delete(item.date);
        this.sortedStarts = null;
      } else this.starts.set(item.date, count);
    }
  }

  on(day: IsoDate): Item[] {
    const found = [...(this.single.get(day) ?? [])];
    for (const item of this.ranges) if (item.date <= day && day <= lastDay(item)) found.push(item);
    return found.sort(byPathThenLine);
  }

  /** Unfinished items whose first day is in (day, last]; by date, then path and line. */
  upcoming(day: IsoDate, last: IsoDate): Item[] {
    const found: Item[] = [];
    for (const [first, set] of this.openByFirst) if (first > day && first <= last) found.push(...set);
    return found.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : byPathThenLine(a, b)));
  }

  /** The first day after `day` that has an item on it. */
  next(day: IsoDate): IsoDate | null {
    const tomorrow = addDays(day, 1);
    for (const item of this.ranges) if (item.date <= tomorrow && tomorrow <= lastDay(item)) return tomorrow;
    this.sortedStarts ??= [...this.starts.keys()].sort();
    const starts = this.sortedStarts;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo < starts.length ? starts[lo] : null;
  }
}

/** Inserts into / removes from a sorted array of distinct strings. */
export function insertSorted(list: string[], value: string): void {
  const at = lowerBound(list, value);
  if (list[at] !== value) list.splice(at, 0, value);
}

export function removeSorted(list: string[], value: string): void {
  const at = lowerBound(list, value);
  if (list[at] === value) list.splice(at, 1);
}

function lowerBound(list: string[], value: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
