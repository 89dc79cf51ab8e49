// Calendar-day arithmetic on `YYYY-MM-DD` strings, independent of time zones, and the yyyymmdd keys the index stores.
import type { IsoDate } from "./types";

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** "2021-03-27" → 20210327. */
export function dayKey(day: IsoDate): number {
  return (day.charCodeAt(0) - 48) * 10_000_000 + (day.charCodeAt(1) - 48) * 1_000_000 + (day.charCodeAt(2) - 48) * 100_000 +
    (day.charCodeAt(3) - 48) * 10_000 + (day.charCodeAt(5) - 48) * 1000 + (day.charCodeAt(6) - 48) * 100 +
    (day.charCodeAt(8) - 48) * 10 + (day.charCodeAt(9) - 48);
}

/** 20210327 → "2021-03-27". */
export function dayOfKey(key: number): IsoDate {
  return isoDate(Math.floor(key / 10_000), Math.floor(key / 100) % 100, key % 100);
}

/** Days since 1970-01-01 (proleptic Gregorian). */
export function toDayNumber(date: IsoDate): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const utc = new Date(0);
  utc.setUTCFullYear(y, m - 1, d);
  return Math.round(utc.getTime() / 86_400_000);
}

export function fromDayNumber(n: number): IsoDate {
  const utc = new Date(n * 86_400_000);
  return isoDate(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** b − a in days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** The local calendar day of an instant (the machine's time zone). */
export function localDay(now: Date): IsoDate {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: IsoDate): number {
  return (toDayNumber(date) + 3) % 7; // 1970-01-01 was a Thursday
}
