// The plugin's stored data (settings, roll journal, notice day), read defensively:
// data.json may be corrupt, hand-edited, or written by an older version. Never throws. The settings
// are read by the core's `settingsFromData`, as the CLI reads them.
import { isIsoDate, isRecord, settingsFromData, type BrainQueueSettings } from "../core/base";
import type { JournalKind } from "../core/planner";

export interface StoredJournalEntry {
  at: string;
  date: string;
  kind?: JournalKind;
  label?: string;
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
    const kind: { kind?: JournalKind } = entry.kind === "roll" || entry.kind === "plan" || entry.kind === "postpone" ? { kind: entry.kind } : {};
    const label = typeof entry.label === "string" ? { label: entry.label } : {};
    entries.push({ at: entry.at, date: entry.date, ...kind, ...label, edits });
  }
  return entries.slice(-JOURNAL_LIMIT);
}

/** Reads what `loadData()` returned. Version 0 stored the settings flat at the top level. */
export function readPluginData(raw: unknown): PluginData {
  const settings = settingsFromData(raw);
  if (!isRecord(raw)) return { settings, rollJournal: [], lastNoticeDay: null };
  return {
    settings,
    rollJournal: journal(raw.rollJournal),
    lastNoticeDay: isIsoDate(raw.lastNoticeDay) ? raw.lastNoticeDay : null,
  };
}
