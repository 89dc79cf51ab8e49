// Whole-vault answers the index keeps across edits (the day's items, overdue counts per track, selections):
// after a change only the changed notes' parts are taken out and put back, instead of walking every note.
import { DATE, ITEM_STRIDE, TRACK } from "../items";
import type { NoteRecord } from "../items";
import { insertSorted, removeSorted } from "./sortedPaths";
import type { IsoDate, Item } from "../base";
import { type TrackKey, trackKey } from "../items";

/** One track's overdue items: how many, and the first ones by path then line. */
export interface OverdueGroup {
  count: number;
  items: Item[];
}

/** What a view reads from the index: the current records and their per-note, per-day answers. */
export interface ViewSource {
  record(path: string): NoteRecord | undefined;
  /** The note's unfinished rows dated before `day`, by line. */
  overdueRows(record: NoteRecord, day: IsoDate): number[];
  item(record: NoteRecord, row: number): Item;
  /** The first day after `day` with one of the note's items on it (yyyymmdd), 0 when none. */
  nextDay(record: NoteRecord, day: IsoDate): number;
}

/** More changes than this between two queries: rebuilding is as cheap as patching, so the view is dropped. */
const MAX_PENDING = 64;

/** A view and the notes changed since it was last brought up to date. */
export abstract class PatchedView {
  /** Per changed path: the record the view saw there (undefined: none). */
  protected pending = new Map<string, NoteRecord | undefined>();

  /** Takes note of a change; false when the view should rather be dropped. */
  changed(path: string, old: NoteRecord | undefined): boolean {
    if (!this.pending.has(path)) this.pending.set(path, old);
    return this.pending.size <= MAX_PENDING;
  }
}

/** A list sorted by path whose entries of one note sit together, made of each note's own part. */
export class PathList<T extends { path: string }> extends PatchedView {
  constructor(private list: T[], private part: (record: NoteRecord) => readonly T[]) {
    super();
  }

  /** The list now: a fresh array after a change (callers may still hold the old one), else the same. */
  current(source: ViewSource): T[] {
    if (this.pending.size === 0) return this.list;
    const list = this.list.slice();
    for (const path of this.pending.keys()) {
      const record = source.record(path);
      replacePart(list, path, record ? this.part(record) : []);
    }
    this.pending.clear();
    return (this.list = list);
  }
}

/** Replaces the entries of `path` in a list sorted by path with `part`. */
export function replacePart<T extends { path: string }>(list: T[], path: string, part: readonly T[]): void {
  const from = lowerBound(list, path, false);
  const to = lowerBound(list, path, true);
  if (from === to && part.length === 0) return;
  if (part.length <= SPREAD_MAX) {
    list.splice(from, to - from, ...part);
    return;
  }
  // A huge note's part would overflow the call's arguments: move the tail by hand.
  const tail = list.slice(to);
  list.length = from;
  for (const entry of part) list.push(entry);
  for (const entry of tail) list.push(entry);
}

/** Entries passed to one `splice` call at most. */
const SPREAD_MAX = 10_000;

/** The first entry whose path is at or after `path` (`after`: strictly after). */
function lowerBound(list: { path: string }[], path: string, after: boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const at = list[mid].path;
    if (at < path || (after && at === path)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first day after one day with an item on it: how many notes name each such day as their next. */
export class NextDays extends PatchedView {
  private notes = new Map<number, number>();
  private best = 0;

  private constructor(readonly day: IsoDate) {
    super();
  }

  static build(source: ViewSource, records: Iterable<NoteRecord>, day: IsoDate): NextDays {
    const next = new NextDays(day);
    for (const record of records) next.count(source.nextDay(record, day), 1);
    next.best = next.first();
    return next;
  }

  /** The first such day (yyyymmdd), 0 when none. */
  current(source: ViewSource): number {
    if (this.pending.size === 0) return this.best;
    for (const [path, old] of this.pending) {
      if (old) this.count(source.nextDay(old, this.day), -1);
      const record = source.record(path);
      if (record) this.count(source.nextDay(record, this.day), 1);
    }
    this.pending.clear();
    return (this.best = this.first());
  }

  private count(day: number, by: number): void {
    if (day === 0) return;
    const notes = (this.notes.get(day) ?? 0) + by;
    if (notes === 0) this.notes.delete(day);
    else this.notes.set(day, notes);
  }

  /** The earliest day counted; there are a few hundred distinct ones at most in practice. */
  private first(): number {
    let best = 0;
    for (const day of this.notes.keys()) if (best === 0 || day < best) best = day;
    return best;
  }
}

/** One track's part of the overdue rows: its count, the notes it has rows in (its own: a track is a
 *  heading in a note), and its first items. */
interface TrackTally {
  key: TrackKey;
  name: string;
  count: number;
  /** Notes with overdue rows of this track, sorted. */
  paths: string[];
  /** The track's first overdue row in its first note: with that note's path, the track's place. */
  firstRow: number;
  group: OverdueGroup;
}

/**
 * Overdue rows on one day, per track (note and heading): running counts patched with each changed note's old and new part,
 * and per track the notes it has rows in, so its first items are found again from its first notes only.
 */
export class OverdueTally extends PatchedView {
  private tracks = new Map<TrackKey, TrackTally>();
  /** By place: the first overdue row's path, then line (rows are in line order). */
  private order: TrackTally[] = [];
  private groups: Map<TrackKey, OverdueGroup> | null = null;

  private constructor(readonly day: IsoDate, private limit: number) {
    super();
  }

  /** Tallies every note in one pass, in path order; `records` are the notes with items, by path. */
  static build(source: ViewSource, records: Iterable<NoteRecord>, day: IsoDate, limit: number): OverdueTally {
    const tally = new OverdueTally(day, limit);
    for (const record of records) {
      const rows = source.overdueRows(record, day);
      if (rows.length === 0) continue;
      const { cols, names } = record.items;
      // Rows of one track mostly follow each other: look the track up per run.
      let trackIndex = -1;
      let track: TrackTally | undefined;
      for (const row of rows) {
        const index = cols[row * ITEM_STRIDE + TRACK];
        if (index !== trackIndex || !track) {
          trackIndex = index;
          track = tally.trackFor(record.path, names[index], row);
          if (track.paths[track.paths.length - 1] !== record.path) track.paths.push(record.path);
        }
        track.count++;
        if (track.group.items.length < limit) track.group.items.push(source.item(record, row));
      }
    }
    for (const track of tally.tracks.values()) track.group.count = track.count;
    return tally;
  }

  /** Per track in order of its first overdue item: the count and the first `limit` items. Read-only. */
  groupsFor(source: ViewSource, limit: number): Map<TrackKey, OverdueGroup> {
    const relimit = limit !== this.limit;
    this.limit = limit;
    if (this.pending.size > 0) this.patch(source);
    if (relimit) {
      for (const track of this.tracks.values()) this.refill(source, track);
      this.groups = null;
    }
    return (this.groups ??= new Map(this.order.map((track) => [track.key, track.group])));
  }

  private patch(source: ViewSource): void {
    const touched = new Set<TrackTally>();
    for (const [path, old] of this.pending) {
      if (old) {
        for (const [name, count] of tracksIn(source, old, this.day)) {
          const track = this.tracks.get(trackKey(path, name))!;
          track.count -= count;
          removeSorted(track.paths, path);
          touched.add(track);
        }
      }
      const record = source.record(path);
      if (record) {
        for (const [name, count] of tracksIn(source, record, this.day)) {
          const track = this.trackFor(path, name, -1);
          track.count += count;
          insertSorted(track.paths, path);
          touched.add(track);
        }
      }
    }
    this.pending.clear();
    this.order = this.order.filter((track) => !touched.has(track));
    for (const track of touched) {
      if (track.count === 0) {
        this.tracks.delete(track.key);
        continue;
      }
      track.firstRow = firstRowOf(source, track, this.day);
      this.refill(source, track);
      this.order.splice(this.place(track), 0, track);
    }
    this.groups = null;
  }

  private trackFor(path: string, name: string, row: number): TrackTally {
    const key = trackKey(path, name);
    let track = this.tracks.get(key);
    if (!track) {
      track = { key, name, count: 0, paths: [], firstRow: row, group: { count: 0, items: [] } };
      this.tracks.set(key, track);
      // A new track in a pass by path comes after every track seen so far; when patching, `patch` places it.
      if (row >= 0) this.order.push(track);
    }
    return track;
  }

  /** Where `track` goes in `order`. */
  private place(track: TrackTally): number {
    const path = track.paths[0];
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = this.order[mid];
      const at = other.paths[0];
      if (at < path || (at === path && other.firstRow < track.firstRow)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** A new group with the track's count and first items, read from its first notes. */
  private refill(source: ViewSource, track: TrackTally): void {
    const items: Item[] = [];
    for (const path of track.paths) {
      if (items.length >= this.limit) break;
      const record = source.record(path)!;
      const { cols, names } = record.items;
      for (const row of source.overdueRows(record, this.day)) {
        if (items.length >= this.limit) break;
        if (names[cols[row * ITEM_STRIDE + TRACK]] === track.name) items.push(source.item(record, row));
      }
    }
    track.group = { count: track.count, items };
  }
}

/** A note's overdue rows per track: how many. */
function tracksIn(source: ViewSource, record: NoteRecord, day: IsoDate): Map<string, number> {
  const counts = new Map<string, number>();
  const { cols, names } = record.items;
  for (const row of source.overdueRows(record, day)) {
    const name = names[cols[row * ITEM_STRIDE + TRACK]];
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

function firstRowOf(source: ViewSource, track: TrackTally, day: IsoDate): number {
  const record = source.record(track.paths[0])!;
  const { cols, names } = record.items;
  for (const row of source.overdueRows(record, day)) if (names[cols[row * ITEM_STRIDE + TRACK]] === track.name) return row;
  return -1;
}

/** A note's part of a per-track answer: pairs (index into the note's names, value). */
export type TrackPairs = Int32Array;

/** Per track, a count summed over the notes (such as past items that cannot be overdue), patched per changed note. */
export class TrackCounts extends PatchedView {
  private counts = new Map<TrackKey, number>();

  private constructor(readonly day: IsoDate, private readonly part: (record: NoteRecord) => TrackPairs) {
    super();
  }

  static build(records: Iterable<NoteRecord>, day: IsoDate, part: (record: NoteRecord) => TrackPairs): TrackCounts {
    const view = new TrackCounts(day, part);
    for (const record of records) view.add(record, 1);
    return view;
  }

  /** The counts now (tracks with none are absent). Read-only: shared until the next change. */
  current(source: ViewSource): ReadonlyMap<TrackKey, number> {
    if (this.pending.size === 0) return this.counts;
    this.counts = new Map(this.counts);
    for (const [path, old] of this.pending) {
      if (old) this.add(old, -1);
      const record = source.record(path);
      if (record) this.add(record, 1);
    }
    this.pending.clear();
    return this.counts;
  }

  private add(record: NoteRecord, sign: 1 | -1): void {
    const pairs = this.part(record);
    const names = record.items.names;
    for (let p = 0; p < pairs.length; p += 2) {
      const key = trackKey(record.path, names[pairs[p]]);
      const count = (this.counts.get(key) ?? 0) + sign * pairs[p + 1];
      if (count === 0) this.counts.delete(key);
      else this.counts.set(key, count);
    }
  }
}

/** One note's first open item of a track: its day (yyyymmdd) and row. */
interface FirstOpen {
  key: number;
  row: number;
}

/**
 * Per track, its first open item after a day across the vault (earliest day, then first by path and line),
 * patched per changed note: each note's candidates are kept per track, and a track's best is found again
 * only when one of its notes changed.
 */
export class NextOpen extends PatchedView {
  private byTrack = new Map<TrackKey, Map<string, FirstOpen>>();
  private best = new Map<TrackKey, { path: string; row: number } | null>();

  private constructor(readonly day: IsoDate, private readonly part: (record: NoteRecord) => TrackPairs) {
    super();
  }

  static build(records: Iterable<NoteRecord>, day: IsoDate, part: (record: NoteRecord) => TrackPairs): NextOpen {
    const view = new NextOpen(day, part);
    for (const record of records) view.put(record, true);
    return view;
  }

  /** The first open item of each of `tracks` that has one: its note's path and row. */
  current(source: ViewSource, tracks: ReadonlySet<TrackKey>): Map<TrackKey, { path: string; row: number }> {
    for (const [path, old] of this.pending) {
      if (old) this.put(old, false);
      const record = source.record(path);
      if (record) this.put(record, true);
    }
    this.pending.clear();
    const out = new Map<TrackKey, { path: string; row: number }>();
    for (const track of tracks) {
      let best = this.best.get(track);
      if (best === undefined) {
        best = null;
        let bestKey = 0;
        for (const [path, first] of this.byTrack.get(track) ?? []) {
          if (best === null || first.key < bestKey || (first.key === bestKey && path < best.path)) {
            best = { path, row: first.row };
            bestKey = first.key;
          }
        }
        this.best.set(track, best);
      }
      if (best) out.set(track, best);
    }
    return out;
  }

  /** Adds (or takes out) a note's candidates; the tracks it touches find their best again when asked. */
  private put(record: NoteRecord, add: boolean): void {
    const pairs = this.part(record);
    const { names, cols } = record.items;
    for (let p = 0; p < pairs.length; p += 2) {
      const track = trackKey(record.path, names[pairs[p]]);
      this.best.delete(track);
      let notes = this.byTrack.get(track);
      if (!add) {
        notes?.delete(record.path);
        if (notes?.size === 0) this.byTrack.delete(track);
        continue;
      }
      if (!notes) this.byTrack.set(track, (notes = new Map<string, FirstOpen>()));
      const row = pairs[p + 1];
      const key = cols[row * ITEM_STRIDE + DATE];
      // Two of a note's names can read alike (a heading named like the note): the earlier item wins.
      const held = notes.get(record.path);
      if (!held || key < held.key || (key === held.key && row < held.row)) notes.set(record.path, { key, row });
    }
  }
}
