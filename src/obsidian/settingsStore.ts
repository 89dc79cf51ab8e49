// The plugin's stored data (settings, roll journal, notice day), read defensively:
// data.json may be corrupt, hand-edited, or written by an older version. Never throws.
import { DEFAULT_SETTINGS, fixedKeywordsFrom, nameRecord, type BrainQueueSettings } from "../core/base";
import type { RollMode } from "../core/base";

export interface StoredJournalEntry {
  at: string;
  date: string;
  edits: { path: string; line: number; before: string; after: string; prev?: string; next?: string }[];
}

// Early builds kept the index cache here as `indexCache`; it now lives in IndexedDB
// (cacheStore.ts), and the old key is dropped on the next save.
export interface PluginData {
  settings: BrainQueueSettings;
  /** Most recent last. */
  rollJournal: StoredJournalEntry[];
  /** Local day of the last deadline notice, so it shows once a day. */
  lastNoticeDay: string | null;
}

export const JOURNAL_LIMIT = 10;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isIsoDate = (v: unknown): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);

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
  };
}

/** ISO weekdays 1–7, each once, in order; at least one, else all seven. */
function studyWeekdays(value: unknown): number[] {
  const days = Array.isArray(value) ? value.filter((d): d is number => Number.isInteger(d) && d >= 1 && d <= 7) : [];
  return days.length === 0 ? [...DEFAULT_SETTINGS.studyWeekdays] : [...new Set(days)].sort((a, b) => a - b);
}

function journal(value: unknown): StoredJournalEntry[] {
  if (!Array.isArray(value)) return [];
  const entries: StoredJournalEntry[] = [];
  for (const entry of value) {
    if (!isRecord(entry) || typeof entry.at !== "string" || !isIsoDate(entry.date) || !Array.isArray(entry.edits)) continue;
    const edits = entry.edits.filter(
      (e): e is StoredJournalEntry["edits"][number] =>
        isRecord(e) && typeof e.path === "string" && typeof e.line === "number" &&
        typeof e.before === "string" && typeof e.after === "string" &&
        (e.prev === undefined || typeof e.prev === "string") && (e.next === undefined || typeof e.next === "string"),
    );
    entries.push({ at: entry.at, date: entry.date, edits });
  }
  return entries.slice(-JOURNAL_LIMIT);
}

/** Reads what `loadData()` returned. Version 0 stored the settings flat at the top level. */
export function readPluginData(raw: unknown): PluginData {
  if (!isRecord(raw)) return { settings: migrateSettings(null), rollJournal: [], lastNoticeDay: null };
  const flat = !isRecord(raw.settings);
  return {
    settings: migrateSettings(flat ? raw : raw.settings),
    rollJournal: journal(raw.rollJournal),
    lastNoticeDay: isIsoDate(raw.lastNoticeDay) ? raw.lastNoticeDay : null,
  };
}
