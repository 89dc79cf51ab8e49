// The index's persisted form: JSON-able, keyed by path with mtime + size, so a restart re-reads only
// the notes that changed. Loading validates every record; anything malformed is dropped (and re-read).
import type { QueueBlock } from "./queue";
import type { Item, Problem } from "./types";
import type { VenueMark } from "./deadlines";
import type { NoteRecord } from "./vaultIndex";

export const INDEX_CACHE_VERSION = 1;

type Pathless<T> = Omit<T, "path">;

export interface CachedNote {
  mtime: number;
  size: number;
  items: Pathless<Item>[];
  problems: Pathless<Problem>[];
  tracks: { name: string; line: number; fromNoteName: boolean }[];
  queue: Pathless<QueueBlock> | null;
  marks: Pathless<VenueMark>[];
}

export interface IndexCache {
  version: number;
  trackHeadingLevel: number;
  notes: Record<string, CachedNote>;
}

function withoutPath<T extends { path: string }>(value: T): Pathless<T> {
  const copy: Partial<T> = { ...value };
  delete copy.path;
  return copy as Pathless<T>;
}

export function toCacheRecords(trackHeadingLevel: number, records: Iterable<NoteRecord>): IndexCache {
  const notes: Record<string, CachedNote> = {};
  for (const record of records) {
    if (!record.stat) continue; // without a stat the entry could never be proven fresh
    notes[record.path] = {
      mtime: record.stat.mtime,
      size: record.stat.size,
      items: record.items.map(withoutPath),
      problems: record.problems.map(withoutPath),
      tracks: record.tracks,
      queue: record.queueBlock && withoutPath(record.queueBlock),
      marks: record.venueMarks.map(withoutPath),
    };
  }
  return { version: INDEX_CACHE_VERSION, trackHeadingLevel, notes };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const isDay = (v: unknown): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/u.test(v);
const isString = (v: unknown): v is string => typeof v === "string";
const isArrayOf = (v: unknown, check: (x: unknown) => boolean): boolean => Array.isArray(v) && v.every(check);

const isSubtask = (v: unknown): boolean =>
  isObject(v) && isInt(v.line) && isString(v.status) && typeof v.done === "boolean" && isString(v.text);

const isItem = (v: unknown): boolean =>
  isObject(v) && isInt(v.line) && isString(v.status) && typeof v.done === "boolean" && isString(v.text) &&
  isDay(v.date) && (v.end === null || isDay(v.end)) && isString(v.track) && (v.group === null || isString(v.group)) &&
  isArrayOf(v.subtasks, isSubtask) && isString(v.source) && isInt(v.dateFrom) && isInt(v.dateTo) && isString(v.form);

const isProblem = (v: unknown): boolean => isObject(v) && isInt(v.line) && isString(v.message);
const isTrack = (v: unknown): boolean => isObject(v) && isInt(v.line) && isString(v.name) && typeof v.fromNoteName === "boolean";
const isEntry = (v: unknown): boolean => isObject(v) && isInt(v.line) && isString(v.text);

const isQueue = (v: unknown): boolean =>
  v === null ||
  (isObject(v) && isInt(v.limit) && isInt(v.limitLine) && isArrayOf(v.active, isEntry) && isArrayOf(v.waiting, isEntry) &&
    (v.waitingLine === null || isInt(v.waitingLine)) && isArrayOf(v.source, isString));

const isMark = (v: unknown): boolean =>
  isObject(v) && isString(v.venue) && (v.year === null || isInt(v.year)) && (v.state === "targeted" || v.state === "dropped") && isInt(v.line);

function isCachedNote(v: unknown): v is CachedNote {
  return isObject(v) && typeof v.mtime === "number" && typeof v.size === "number" && isArrayOf(v.items, isItem) &&
    isArrayOf(v.problems, isProblem) && isArrayOf(v.tracks, isTrack) &&
    isQueue(v.queue) && isArrayOf(v.marks, isMark);
}

/**
 * Records from a cache made with the same format and track level; anything else yields nothing.
 * Takes ownership of `cache`: its validated objects become the records (no copies, less garbage at startup).
 */
export function fromCacheRecords(cache: unknown, trackHeadingLevel: number): NoteRecord[] {
  if (!isObject(cache) || cache.version !== INDEX_CACHE_VERSION || cache.trackHeadingLevel !== trackHeadingLevel) return [];
  if (!isObject(cache.notes)) return [];
  const records: NoteRecord[] = [];
  for (const [path, note] of Object.entries(cache.notes)) {
    if (!isCachedNote(note)) continue;
    const withPath = <T extends object>(value: T): T & { path: string } => Object.assign(value, { path });
    records.push({
      path,
      items: note.items.map(withPath),
      problems: note.problems.map(withPath),
      tracks: note.tracks,
      queueBlock: note.queue && withPath(note.queue),
      venueMarks: note.marks.map(withPath),
      stat: { mtime: note.mtime, size: note.size },
    });
  }
  return records;
}
