// Study days: the weekdays a person studies on, less the dates they skip. A plan lays items only on
// them, a spread backlog too, and "postpone to the next study day" finds the next one. Days are day
// numbers (days since 1970-01-01) so the walks never spell a date past 9999-12-31.
import { toDayNumber, type IsoDate } from "../base";

/** Dates are written with four-digit years. */
export const LAST_DAY_NUMBER = toDayNumber("9999-12-31");
export const ALL_WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5, 6, 7];

export class StudyDays {
  private readonly weekdays = new Set<number>();
  private readonly skip: Set<number>;
  /** `weekdays`: ISO (1 = Monday … 7 = Sunday); `skip`: days never studied on. */
  constructor(weekdays: readonly number[], skip: readonly IsoDate[] = []) {
    for (const w of weekdays) this.weekdays.add(w - 1);
    this.skip = new Set(skip.map(toDayNumber));
  }

  /** From a person's settings: no weekday chosen reads as all seven, so there is always a study day. */
  static of(weekdays: readonly number[], skip: readonly IsoDate[]): StudyDays {
    return new StudyDays(weekdays.length === 0 ? ALL_WEEKDAYS : weekdays, skip);
  }

  get none(): boolean {
    return this.weekdays.size === 0;
  }

  isStudy(day: number): boolean {
    // Day 0, 1970-01-01, was a Thursday: weekday 3 counting from Monday = 0.
    return this.weekdays.has((((day + 3) % 7) + 7) % 7) && !this.skip.has(day);
  }

  /** The first study day on or after `day`, or null past the last writable day. */
  from(day: number): number | null {
    for (let d = day; d <= LAST_DAY_NUMBER; d++) if (this.isStudy(d)) return d;
    return null;
  }

  count(from: number, to: number): number {
    let n = 0;
    for (let d = from; d <= to; d++) if (this.isStudy(d)) n++;
    return n;
  }
}
