// Pace and forecast for every track of the vault on day D, read from the index's columns (no Item
// objects: a large vault has a million items), with each note's tallies remembered for the day asked,
// so after an edit only that note is counted again.
import { addDays, dayKey, type IsoDate } from "../base";
import { cancelledAt, closedAt, ITEM_STRIDE, lastDayAt, sourceAt, textAt, TRACK, trackKey, type NoteRecord, type TrackKey } from "../items";
import type { VaultIndex } from "../index";
import {
  completionKey, doneDateKey, emptyTally, paceWindow, statsOfTally, tallyItem, type PaceWindow, type StatsTally, type TrackStats,
} from "./stats";

/** The days `days` covers: D−181 … D (26 weeks). */
export const HISTORY_DAYS = 182;

/** Completions recorded for items, by their identity in a note (see history.ts). */
export interface CompletionLookup {
  /** A number that changes whenever a recorded completion does (remembered answers depend on it). */
  readonly version: number;
  /** Whether any completion is recorded for an item of this note. */
  hasNote(path: string): boolean;
  /** The recorded day of the `occurrence`-th (0-based) item of the note with this text, or null. */
  dayOf(path: string, text: string, occurrence: number): IsoDate | null;
}

export interface VaultTrackStats extends TrackStats {
  track: string;
  /** The note the track's heading is in. */
  path: string;
  /** The heading's line (0 for items above every heading). */
  line: number;
}

export interface VaultStats {
  date: IsoDate;
  /** Tracks with at least one dated item, by path, then heading line. */
  tracks: VaultTrackStats[];
  /** Completions per day, D−181 … D, oldest first, zeros included. */
  days: { date: IsoDate; done: number }[];
}

/** One note's part, worked out for one day and history version: its tracks' stats by heading line, and
 *  the completion days within the history window. A call after an edit only adds up these parts. */
interface NoteStats {
  key: string;
  tracks: VaultTrackStats[];
  completions: number[];
}

/** Each note's part, kept by the index: a changed note has a new record, so its part is worked out again. */
const notesStats = (index: VaultIndex): WeakMap<NoteRecord, NoteStats> => index.keep("vaultStats.notes", () => new WeakMap<NoteRecord, NoteStats>());

export function vaultStats(index: VaultIndex, day: IsoDate, history?: CompletionLookup): VaultStats {
  const window = paceWindow(day);
  const dates: IsoDate[] = [];
  const slot = new Map<number, number>();
  for (let i = HISTORY_DAYS - 1; i >= 0; i--) {
    const date = addDays(day, -i);
    slot.set(dayKey(date), dates.length);
    dates.push(date);
  }
  const counts = new Array<number>(HISTORY_DAYS).fill(0);
  const key = `${day}|${history?.version ?? -1}`;
  const tracks: VaultTrackStats[] = [];
  const remembered = notesStats(index);
  // The records come by path, and each note's tracks by line: document order without a sort.
  for (const record of index.notesWithItems()) {
    const note = rememberedStats(remembered, record, key, day, window, dayKey(dates[0]), history);
    for (const track of note.tracks) tracks.push(track);
    for (const completed of note.completions) counts[slot.get(completed)!]++;
  }
  return { date: day, tracks, days: dates.map((date, i) => ({ date, done: counts[i] })) };
}

/**
 * The stats of some tracks only (the sidebar's shown ones), from the same per-note parts as vaultStats:
 * only their notes are read, and after an edit only a changed note is counted again. A track with no
 * dated item is left out.
 */
export function statsOfTracks(index: VaultIndex, day: IsoDate, tracks: readonly { path: string; name: string }[], history?: CompletionLookup): Map<TrackKey, TrackStats> {
  const window = paceWindow(day);
  const key = `${day}|${history?.version ?? -1}`;
  const firstDay = dayKey(addDays(day, -(HISTORY_DAYS - 1)));
  const out = new Map<TrackKey, TrackStats>();
  const remembered = notesStats(index);
  for (const { path, name } of tracks) {
    const record = index.note(path);
    if (!record) continue;
    const found = rememberedStats(remembered, record, key, day, window, firstDay, history).tracks.find((track) => track.track === name);
    if (found) out.set(trackKey(path, name), found);
  }
  return out;
}

function rememberedStats(remembered: WeakMap<NoteRecord, NoteStats>, record: NoteRecord, key: string, day: IsoDate, window: PaceWindow, firstDay: number, history?: CompletionLookup): NoteStats {
  let note = remembered.get(record);
  if (note?.key !== key) remembered.set(record, (note = noteStats(record, key, day, window, firstDay, history)));
  return note;
}

function noteStats(record: NoteRecord, key: string, day: IsoDate, window: PaceWindow, firstDay: number, history?: CompletionLookup): NoteStats {
  const tracks = new Map<string, StatsTally>();
  const completions: number[] = [];
  walkNote(record, window, history, (name, _text, counted, lastDay, completed) => {
    let tally = tracks.get(name);
    if (!tally) tracks.set(name, (tally = emptyTally()));
    if (!counted) return;
    if (completed !== 0 && completed >= firstDay && completed <= window.day) completions.push(completed);
    tallyItem(tally, true, lastDay, completed, window);
  });
  const lines = new Map(record.tracks.map((t) => [t.name, t.line]));
  const stats = [...tracks].map(([track, tally]): VaultTrackStats => ({ track, path: record.path, line: lines.get(track) ?? 0, ...statsOfTally(tally, day) }));
  stats.sort((a, b) => a.line - b.line);
  return { key, tracks: stats, completions };
}

/**
 * A note's items in line order as the stats count them: `counted` is false for a cancelled item or an
 * empty slot; `lastDay` is the item's day (a range: its end) and `completed` the day a done item counts as
 * completed (completionKey: recorded in the history, else its ✅ date, else its day or D), 0 while open.
 * The stats and the Progress view's charts share it, so both count alike.
 */
export function walkNote(
  record: NoteRecord, window: PaceWindow, history: CompletionLookup | undefined,
  visit: (track: string, text: string, counted: boolean, lastDay: number, completed: number) => void,
): void {
  const items = record.items;
  const recorded = history?.hasNote(record.path) === true;
  // Done marks are rare: most notes never need a line's text for them.
  const marked = items.text.includes("✅") || items.text.includes("completion::");
  const seen = recorded ? new Map<string, number>() : null;
  for (let k = 0; k < items.count; k++) {
    const name = items.names[items.cols[k * ITEM_STRIDE + TRACK]];
    const text = textAt(items, k);
    const occurrence = seen ? (seen.get(text) ?? 0) : 0;
    seen?.set(text, occurrence + 1);
    if (cancelledAt(items, k) || text === "") {
      visit(name, text, false, 0, 0);
      continue;
    }
    const lastDay = lastDayAt(items, k);
    let completed = 0;
    if (closedAt(items, k)) {
      const day = recorded ? (history?.dayOf(record.path, text, occurrence) ?? null) : null;
      const known = day !== null ? dayKey(day) : marked ? doneDateKey(sourceAt(items, k)) : 0;
      completed = completionKey(known, lastDay, window);
    }
    visit(name, text, true, lastDay, completed);
  }
}
