// Settings as stored in the plugin's data.json, read the one way the plugin and the CLI share: data.json
// may be corrupt, hand-edited or written by an older version, so each bad field falls back to its default
// alone and nothing throws.
import { isValidYmd } from "./dates";
import { DEFAULT_SETTINGS, fixedKeywordsFrom, nameRecord, type BrainQueueSettings } from "./settings";
import type { RollMode } from "./types";

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
export const isIsoDate = (v: unknown): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** A list of names: an array of strings, or (hand-edited) one string of lines or commas. */
function stringList(value: unknown, fallback: string[]): string[] {
  if (typeof value === "string") return value.split(/\r?\n|,/).map((s) => s.trim()).filter(Boolean);
  if (!Array.isArray(value)) return [...fallback];
  return value.filter((s): s is string => typeof s === "string").map((s) => s.trim()).filter(Boolean);
}

function integer(value: unknown, fallback: number, min: number, max: number): number {
  const n = typeof value === "string" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, Math.round(n)));
}

const boolean = (value: unknown, fallback: boolean): boolean => (typeof value === "boolean" ? value : fallback);

function trackModes(value: unknown): Record<string, RollMode> {
  const modes = nameRecord<RollMode>();
  if (!isRecord(value)) return modes;
  for (const [track, mode] of Object.entries(value)) {
    if (mode === "auto" || mode === "today" || mode === "shift" || mode === "spread") modes[track] = mode;
  }
  return modes;
}

/** ISO weekdays 1–7, each once, in order; at least one, else all seven. */
function studyWeekdays(value: unknown): number[] {
  const days = Array.isArray(value) ? value.filter((d): d is number => Number.isInteger(d) && d >= 1 && d <= 7) : [];
  return days.length === 0 ? [...DEFAULT_SETTINGS.studyWeekdays] : [...new Set(days)].sort((a, b) => a - b);
}

/** Real days written `YYYY-MM-DD`, each once, in order. */
function skipDates(value: unknown): string[] {
  const days = stringList(value, []).filter((day) => isIsoDate(day) && isValidYmd(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))));
  return [...new Set(days)].sort();
}

/** Any value → valid settings. Unknown fields are dropped; each bad field falls back alone. */
export function migrateSettings(raw: unknown): BrainQueueSettings {
  const s = isRecord(raw) ? raw : {};
  const d = DEFAULT_SETTINGS;
  return {
    version: 1,
    // 0.x stored `headingLevel`; accept it once.
    trackHeadingLevel: integer(s.trackHeadingLevel ?? s.headingLevel, d.trackHeadingLevel, 1, 6),
    includePaths: stringList(s.includePaths, d.includePaths),
    excludePaths: stringList(s.excludePaths, d.excludePaths),
    archiveFolders: stringList(s.archiveFolders, d.archiveFolders),
    queueLimit: integer(s.queueLimit ?? s.limit, d.queueLimit, 1, 99),
    priority: stringList(s.priority, d.priority),
    termStart: isIsoDate(s.termStart) ? s.termStart : null,
    fixedKeywords: fixedKeywordsFrom(stringList(s.fixedKeywords, d.fixedKeywords)),
    deadlineWords: stringList(s.deadlineWords, d.deadlineWords),
    customVenues: stringList(s.customVenues, d.customVenues),
    anywhereOnEarth: boolean(s.anywhereOnEarth, d.anywhereOnEarth),
    deadlineHorizonMonths: integer(s.deadlineHorizonMonths, d.deadlineHorizonMonths, 1, 120),
    deadlineNotice: boolean(s.deadlineNotice, d.deadlineNotice),
    highlightDeadlines: boolean(s.highlightDeadlines, d.highlightDeadlines),
    trackModes: trackModes(s.trackModes),
    studyWeekdays: studyWeekdays(s.studyWeekdays),
    skipDates: skipDates(s.skipDates),
    spreadCap: integer(s.spreadCap, d.spreadCap, 0, 99),
    doneDates: s.doneDates === "tasks" || s.doneDates === "always" || s.doneDates === "never" ? s.doneDates : d.doneDates,
  };
}

/** The settings in a whole data.json as parsed: `{ settings: {…}, … }`, or version 0's flat fields at the top level. */
export function settingsFromData(data: unknown): BrainQueueSettings {
  return migrateSettings(isRecord(data) && isRecord(data.settings) ? data.settings : data);
}
