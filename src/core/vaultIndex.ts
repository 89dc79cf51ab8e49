// The vault index: one parsed record per note, kept current one note at a time, with fast per-day queries.
//
// Notes are re-parsed only when they change; notes without a dated checklist line (the prefilter) and
// without a queue block or venue list cost a string scan. Query results are cached until the next change.
import { addDays } from "./dates";
import { DayIndex, insertSorted, removeSorted } from "./dayIndex";
import { mightHaveItems, noteName, parseNote } from "./parse";
import { findQueueBlock, type QueueBlock, type TrackInfo } from "./queue";
import { BUILTIN_VENUES, findVenueMarks, type Venue, type VenueMark } from "./deadlines";
import type { IsoDate, Item, ParseOptions, Problem } from "./types";
import { fromCacheRecords, toCacheRecords, type IndexCache } from "./indexCache";

export type { IndexCache } from "./indexCache";

export interface NoteStat { mtime: number; size: number }

export interface NoteRecord {
  path: string;
  items: Item[];
  problems: Problem[];
  /** Track headings plus, when items sit above every track heading, the note's own name. */
  tracks: NoteTrack[];
  queueBlock: QueueBlock | null;
  venueMarks: VenueMark[];
  stat: NoteStat | null;
}

export interface NoteTrack {
  name: string;
  line: number;
  /** Named after the note (items above every heading, or an empty heading): follows a rename. */
  fromNoteName: boolean;
}

export interface IndexOptions extends ParseOptions {
  venues: Venue[];
}

const hasQueueMarker = (text: string): boolean => text.includes("最大进程数") || /active\s+tracks/iu.test(text);
const hasVenueMarker = (text: string): boolean => text.includes("~~") || text.includes("**");
const hasContent = (r: NoteRecord): boolean =>
  r.items.length > 0 || r.problems.length > 0 || r.tracks.length > 0 || r.queueBlock !== null || r.venueMarks.length > 0;

/** Whole-vault lists, rebuilt lazily after a change. */
interface Lists {
  items?: Item[];
  tracks?: TrackInfo[];
  problems?: Problem[];
  queueBlocks?: QueueBlock[];
  venueMarks?: VenueMark[];
  overdue?: { day: IsoDate; items: Item[] };
  overdueByTrack?: { day: IsoDate; groups: Map<string, Item[]> };
}

/** One note's overdue items for a day, by line, and the same grouped by track. */
interface NoteOverdue {
  day: IsoDate;
  items: Item[];
  /** Tracks in order of their first overdue item in the note. */
  byTrack: { track: string; items: Item[] }[];
}

export class VaultIndex {
  readonly options: IndexOptions;
  private notes = new Map<string, NoteRecord>();
  private listeners = new Set<(paths: string[]) => void>();
  private days = new DayIndex();
  /** Paths of notes that contribute anything (most notes do not), kept sorted. */
  private contentPaths: string[] = [];
  private lists: Lists = {};
  private selections = new WeakMap<NoteRecord, Map<string, Item[]>>();
  /** Each note's overdue items for the last day asked, so after an edit only that note is filtered again. */
  private overdueByNote = new WeakMap<NoteRecord, NoteOverdue>();
  private pending: string[] = [];
  private holds = 0;
  private changeCount = 0;

  constructor(options?: Partial<IndexOptions>) {
    this.options = { trackHeadingLevel: options?.trackHeadingLevel ?? 2, venues: options?.venues ?? BUILTIN_VENUES };
  }

  get version(): number {
    return this.changeCount;
  }

  /** Re-parses one note. Never throws: a note that cannot be parsed becomes a problem. */
  update(path: string, text: string, stat?: NoteStat): void {
    this.put(path, this.parse(path, text, stat ?? null));
    this.changed([path]);
  }

  remove(path: string): void {
    if (!this.notes.has(path)) return;
    this.put(path, null);
    this.changed([path]);
  }

  /** Moves a note's record; items that belonged to the note's name follow the new name. */
  rename(oldPath: string, newPath: string): void {
    const record = this.notes.get(oldPath);
    if (!record || oldPath === newPath) return;
    this.put(oldPath, null);
    this.put(newPath, renameRecord(record, newPath));
    this.changed([oldPath, newPath]);
  }

  has(path: string): boolean {
    return this.notes.has(path);
  }

  /** The record of one note (read-only). */
  note(path: string): NoteRecord | undefined {
    return this.notes.get(path);
  }

  /** Every known path, sorted. */
  paths(): string[] {
    return [...this.notes.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  isFresh(path: string, stat: NoteStat): boolean {
    const known = this.notes.get(path)?.stat;
    return known != null && known.mtime === stat.mtime && known.size === stat.size;
  }

  onChange(listener: (paths: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Holds change notifications until the returned function is called; then tells listeners once. */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      if (this.holds > 0 || this.pending.length === 0) return;
      const paths = [...new Set(this.pending)];
      this.pending = [];
      this.notify(paths);
    };
  }

  /** Runs several updates and tells listeners once, with every path that changed. */
  batch(run: () => void): void {
    const release = this.hold();
    try {
      run();
    } finally {
      release();
    }
  }

  /** Every item, sorted by path then line. Read-only: shared until the next change. */
  items(): Item[] {
    return (this.lists.items ??= this.collect((r) => r.items));
  }

  /** Items planned on `day`; a range counts on every day it spans. Sorted by path then line. */
  itemsOn(day: IsoDate): Item[] {
    return this.days.on(day);
  }

  /** Unfinished items whose date (a range: its end) is before `day`. Sorted by path then line. */
  overdue(day: IsoDate): Item[] {
    // The view and the status bar ask for the same day after every change: answer once.
    // Per-note answers are kept across changes and joined in path order: no global sort.
    if (this.lists.overdue?.day === day) return this.lists.overdue.items;
    const out: Item[] = [];
    for (const path of this.contentPaths) {
      const record = this.notes.get(path)!;
      if (record.items.length > 0) for (const item of this.noteOverdue(record, day).items) out.push(item);
    }
    this.lists.overdue = { day, items: out };
    return out;
  }

  /**
   * `overdue(day)` grouped by track: tracks in order of their first overdue item, each group by path
   * then line. Read-only: shared until the next change.
   */
  overdueByTrack(day: IsoDate): Map<string, Item[]> {
    if (this.lists.overdueByTrack?.day === day) return this.lists.overdueByTrack.groups;
    // Each note's groups are joined once per track at the end: one copy per item, no regrowth.
    const parts = new Map<string, Item[][]>();
    for (const path of this.contentPaths) {
      const record = this.notes.get(path)!;
      if (record.items.length === 0) continue;
      for (const group of this.noteOverdue(record, day).byTrack) {
        const list = parts.get(group.track);
        if (list) list.push(group.items);
        else parts.set(group.track, [group.items]);
      }
    }
    const groups = new Map<string, Item[]>();
    for (const [track, chunks] of parts) groups.set(track, join(chunks));
    this.lists.overdueByTrack = { day, groups };
    return groups;
  }

  /** Unfinished items starting after `day`, up to `days` days later; sorted by date, then path and line. */
  upcoming(day: IsoDate, days: number): Item[] {
    return this.days.upcoming(day, addDays(day, Math.max(0, Math.floor(days))));
  }

  /** The first day after `day` with any item on it, or null. */
  nextPlannedDay(day: IsoDate): IsoDate | null {
    return this.days.next(day);
  }

  /**
   * Items for which `pick` holds, by path then line. The answer is remembered per note under `key`
   * (which must name `pick` and everything it depends on), so after an edit only that note is asked again.
   */
  select(key: string, pick: (item: Item) => boolean): Item[] {
    const out: Item[] = [];
    for (const path of this.contentPaths) {
      const record = this.notes.get(path)!;
      let memo = this.selections.get(record);
      if (!memo) this.selections.set(record, (memo = new Map<string, Item[]>()));
      let picked = memo.get(key);
      if (!picked) memo.set(key, (picked = record.items.filter(pick)));
      for (const item of picked) out.push(item);
    }
    return out;
  }

  /** Distinct track names, each at its first occurrence by path then line. */
  tracks(): TrackInfo[] {
    if (this.lists.tracks) return this.lists.tracks;
    const seen = new Set<string>();
    const tracks: TrackInfo[] = [];
    for (const path of this.contentPaths) {
      for (const track of this.notes.get(path)!.tracks) {
        if (seen.has(track.name)) continue;
        seen.add(track.name);
        tracks.push({ name: track.name, path, line: track.line });
      }
    }
    return (this.lists.tracks = tracks);
  }

  problems(): Problem[] {
    return (this.lists.problems ??= this.collect((r) => r.problems));
  }

  /** Queue blocks, by path. */
  queueBlocks(): QueueBlock[] {
    return (this.lists.queueBlocks ??= this.collect((r) => (r.queueBlock ? [r.queueBlock] : [])));
  }

  venueMarks(): VenueMark[] {
    return (this.lists.venueMarks ??= this.collect((r) => r.venueMarks));
  }

  toCache(): IndexCache {
    return toCacheRecords(this.options.trackHeadingLevel, this.notes.values());
  }

  /** Rebuilds an index from `toCache()` output; anything malformed is dropped, never thrown. */
  static fromCache(cache: unknown, options?: Partial<IndexOptions>): VaultIndex {
    const index = new VaultIndex(options);
    for (const record of fromCacheRecords(cache, index.options.trackHeadingLevel)) index.put(record.path, record);
    return index;
  }

  private parse(path: string, text: string, stat: NoteStat | null): NoteRecord {
    const record: NoteRecord = { path, items: [], problems: [], tracks: [], queueBlock: null, venueMarks: [], stat };
    try {
      if (mightHaveItems(text)) {
        const parsed = parseNote(path, text, { trackHeadingLevel: this.options.trackHeadingLevel });
        record.items = parsed.items;
        record.problems = parsed.problems;
        record.tracks = noteTracks(path, text, parsed.tracks, parsed.items);
      }
      if (hasQueueMarker(text)) record.queueBlock = findQueueBlock(path, text);
      if (hasVenueMarker(text)) record.venueMarks = findVenueMarks(path, text, this.options.venues);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ...record, items: [], tracks: [], queueBlock: null, venueMarks: [], problems: [{ path, line: 1, message: `Could not read this note: ${message}` }] };
    }
    return record;
  }

  /** Replaces (or with null, drops) a note's record, keeping the day index and path list in step. */
  private put(path: string, record: NoteRecord | null): void {
    const old = this.notes.get(path);
    // The track list survives an edit that leaves the note's track headings as they were.
    if (!sameTracks(old?.tracks ?? [], record?.tracks ?? [])) this.lists.tracks = undefined;
    if (old) {
      this.days.remove(old.items);
      if (hasContent(old)) removeSorted(this.contentPaths, path);
    }
    if (record) {
      this.notes.set(path, record);
      this.days.add(record.items);
      if (hasContent(record)) insertSorted(this.contentPaths, path);
    } else {
      this.notes.delete(path);
    }
  }

  private noteOverdue(record: NoteRecord, day: IsoDate): NoteOverdue {
    let memo = this.overdueByNote.get(record);
    if (memo?.day !== day) {
      const items = overdueByLine(record.items, day);
      const byTrack: NoteOverdue["byTrack"] = [];
      for (const item of items) {
        const group = byTrack.find((g) => g.track === item.track);
        if (group) group.items.push(item);
        else byTrack.push({ track: item.track, items: [item] });
      }
      this.overdueByNote.set(record, (memo = { day, items, byTrack }));
    }
    return memo;
  }

  private collect<T>(pick: (record: NoteRecord) => T[]): T[] {
    const out: T[] = [];
    for (const path of this.contentPaths) for (const value of pick(this.notes.get(path)!)) out.push(value);
    return out;
  }

  private changed(paths: string[]): void {
    this.changeCount++;
    this.lists = { tracks: this.lists.tracks };
    if (this.holds > 0) this.pending.push(...paths);
    else this.notify(paths);
  }

  private notify(paths: string[]): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(paths);
      } catch {
        // A failing listener must not break indexing or the other listeners.
      }
    }
  }
}

/** The note's tracks; items above every track heading make the note's name a track of its own. */
function noteTracks(path: string, text: string, headings: { name: string; line: number }[], items: Item[]): NoteTrack[] {
  const name = noteName(path);
  let lines: string[] | null = null;
  const tracks = headings.map((h) => {
    if (h.name !== name) return { ...h, fromNoteName: false };
    // An empty heading is named after the note by the parser; a heading that spells the name is not.
    lines ??= text.replace(/^\uFEFF/u, "").split(/\r\n|\r|\n/u);
    return { ...h, fromNoteName: !(lines[h.line - 1] ?? "").includes(name) };
  });
  const firstHeading = headings.length > 0 ? headings[0].line : Infinity;
  const orphan = items.find((item) => item.line < firstHeading);
  return orphan ? [{ name, line: orphan.line, fromNoteName: true }, ...tracks] : tracks;
}

function join<T>(chunks: T[][]): T[] {
  let total = 0;
  for (const chunk of chunks) total += chunk.length;
  const out = new Array<T>(total);
  let at = 0;
  for (const chunk of chunks) for (const value of chunk) out[at++] = value;
  return out;
}

function sameTracks(a: NoteTrack[], b: NoteTrack[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].name !== b[i].name || a[i].line !== b[i].line) return false;
  return true;
}

/** A note's unfinished items whose last day is before `day`, by line. */
function overdueByLine(items: Item[], day: IsoDate): Item[] {
  const found = items.filter((item) => !item.done && (item.end ?? item.date) < day);
  for (let i = 1; i < found.length; i++) {
    if (found[i - 1].line > found[i].line) return found.sort((a, b) => a.line - b.line);
  }
  return found;
}

/** The track entry governing a line: the last one at or above it. */
function governing(tracks: NoteTrack[], line: number): NoteTrack | undefined {
  let found: NoteTrack | undefined;
  for (const track of tracks) if (track.line <= line) found = track;
  return found;
}

function renameRecord(record: NoteRecord, newPath: string): NoteRecord {
  const newName = noteName(newPath);
  const follows = (line: number): boolean => governing(record.tracks, line)?.fromNoteName ?? true;
  return {
    path: newPath,
    items: record.items.map((item) => ({ ...item, path: newPath, track: follows(item.line) ? newName : item.track })),
    problems: record.problems.map((p) => ({ ...p, path: newPath })),
    tracks: record.tracks.map((t) => (t.fromNoteName ? { ...t, name: newName } : t)),
    queueBlock: record.queueBlock && { ...record.queueBlock, path: newPath },
    venueMarks: record.venueMarks.map((m) => ({ ...m, path: newPath })),
    stat: record.stat,
  };
}
