// The term week as the person writes it (`第8周星期二`), counted from the first day of week 1.
import { daysBetween, weekdayIndex } from "../base";
import type { IsoDate } from "../base";

const WEEKDAYS = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"];

/** `第N周星期X` for `day`, week 1 starting on `termStart`; null before the term starts. */
export function termWeek(termStart: IsoDate | null, day: IsoDate): string | null {
  if (!termStart || !/^\d{4}-\d{2}-\d{2}$/u.test(termStart)) return null;
  const offset = daysBetween(termStart, day);
  if (!Number.isFinite(offset) || offset < 0) return null;
  return `第${Math.floor(offset / 7) + 1}周${WEEKDAYS[weekdayIndex(day)]}`;
}
