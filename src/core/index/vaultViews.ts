// Whole-vault answers the index keeps across edits (the day's items, overdue counts per track, selections):
// after a change only the changed notes' parts are taken out and put back, instead of walking every note.
import { ITEM_STRIDE, TRACK } from "../items";
import type { NoteRecord } from "../items";
import type { IsoDate, Item } from "../base";
import { type TrackKey, splitTrackKey, trackKey } from "../items";

/**
 * One track's overdue items on one day: how many, and the first ones. A large vault has tens of thousands of these, so the note's label and the first items are made when read.
 */
export interface OverdueGroup {
  readonly key: TrackKey;
  /** The heading's name. */
  readonly track: string;
  readonly path: string;
  /** The note's name when the heading is in several notes (tracks.ts `noteLabel`), else null. */
  readonly note: string | null;
  readonly count: number;
  /** The first items by line, up to the limit the groups were asked with. Read-only. */
  readonly items: Item[];
}

/** The overdue groups of the vault: the leading tracks' first, then by their first item (path, then line: a note's groups sit together). Read-only: shared until the next change. */
export interface OverdueGroups {
  readonly list: readonly OverdueGroup[];
  /** How many items the groups hold, all told. */
  readonly count: number;
  /** The group of one track, if it has overdue items. */
  get(key: TrackKey): OverdueGroup | undefined;
  /** The same by the track's note and heading name (cheaper with a note's own strings than a key). */
  of(path: string, name: string): OverdueGroup | undefined;
}

/** What a view reads from the index: the current records and their per-note, per-day answers. */
export interface ViewSource {
  record(path: string): NoteRecord | undefined;
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

  /** The list now: a fresh array after a change to its entries (callers may still hold the old one), else the same. */
  current(source: ViewSource): T[] {
    if (this.pending.size === 0) return this.list;
    let list = this.list;
    for (const path of this.pending.keys()) {
      const record = source.record(path);
      const part = record ? this.part(record) : [];
      const [from, to] = partRange(list, path);
      // Most edits touch a note with no entry here before or after: the list stays the same array.
      if (from === to && part.length === 0) continue;
      if (list === this.list) list = list.slice();
      replacePart(list, path, part);
    }
    this.pending.clear();
    return (this.list = list);
  }
}

/** A note's part of `TrackGroups`: each track's entries, in the order of its first entry. */
export type TrackPart<T> = readonly (readonly [TrackKey, T[]])[];

/**
 * Entries grouped by track, patched per changed note: a track is a heading in a note (tracks.ts), so a
 * note's groups are its own and a change replaces them alone. The map's order is not the notes' order.
 */
export class TrackGroups<T> extends PatchedView {
  private constructor(private map: Map<TrackKey, T[]>, private readonly part: (record: NoteRecord) => TrackPart<T>) {
    super();
  }

  static build<T>(records: Iterable<NoteRecord>, part: (record: NoteRecord) => TrackPart<T>): TrackGroups<T> {
    const map = new Map<TrackKey, T[]>();
    for (const record of records) for (const [key, entries] of part(record)) map.set(key, entries);
    return new TrackGroups(map, part);
  }

  /** The groups now: a fresh map after a change to them (callers may still hold the old one), else the same. */
  current(source: ViewSource): ReadonlyMap<TrackKey, T[]> {
    if (this.pending.size === 0) return this.map;
    let map = this.map;
    for (const [path, old] of this.pending) {
      const before = old ? this.part(old) : [];
      const record = source.record(path);
      const after = record ? this.part(record) : [];
      if (before.length === 0 && after.length === 0) continue;
      if (map === this.map) map = new Map(map);
      for (const [key] of before) map.delete(key);
      for (const [key, entries] of after) map.set(key, entries);
    }
    this.pending.clear();
    return (this.map = map);
  }
}

/** Replaces the entries of `path` in a list sorted by path with `part`. */
export function replacePart<T extends { path: string }>(list: T[], path: string, part: readonly T[]): void {
  const [from, to] = partRange(list, path);
  spliceIn(list, from, to, part);
}

/** Puts `part` in place of `list[from, to)`. */
function spliceIn<T>(list: T[], from: number, to: number, part: readonly T[]): void {
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

/** Where the entries of `path` sit in a list sorted by path from `start` on: [from, to). */
function partRange(list: readonly { path: string }[], path: string, start = 0): [number, number] {
  return [lowerBound(list, path, false, start), lowerBound(list, path, true, start)];
}

/** Entries passed to one `splice` call at most. */
const SPREAD_MAX = 10_000;

/** The first entry whose path is at or after `path` (`after`: strictly after). */
function lowerBound(list: readonly { path: string }[], path: string, after: boolean, start: number): number {
  let lo = start;
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

/**
 * The overdue groups on one day, patched per changed note: a note's groups sit together in the list (it is
 * sorted by path, then first row), so a change replaces that note's part and nothing else is made again.
 */
export class OverdueView extends PatchedView {
  /** The leading tracks' groups first, in their order; then every other group by path, then first row. */
  private groups: OverdueSnapshot = new OverdueSnapshot([], 0, 0);

  /**
   * `part`: a note's groups by first row; `lead`: a leading track's place, or undefined; `key` names
   * everything they depend on besides the notes.
   */
  private constructor(
    readonly key: string, private readonly part: (record: NoteRecord) => OverdueGroup[],
    private readonly lead: (group: OverdueGroup) => number | undefined,
  ) {
    super();
  }

  static build(
    records: Iterable<NoteRecord>, key: string, part: (record: NoteRecord) => OverdueGroup[], lead: (group: OverdueGroup) => number | undefined,
  ): OverdueView {
    const view = new OverdueView(key, part, lead);
    const front: OverdueGroup[] = [];
    const rest: OverdueGroup[] = [];
    for (const record of records) {
      for (const group of part(record)) (lead(group) === undefined ? rest : front).push(group);
    }
    front.sort((a, b) => lead(a)! - lead(b)!);
    const list = front.concat(rest);
    view.groups = new OverdueSnapshot(list, front.length, countOf(list, 0, list.length));
    return view;
  }

  /** The groups now: a fresh snapshot after a change (callers may still hold the old one, and read it as it was). */
  current(source: ViewSource): OverdueGroups {
    if (this.pending.size === 0) return this.groups;
    // Patched in place on one copy: a large vault has tens of thousands of groups, and the model hands the list on as it is.
    const list = this.groups.list.slice();
    let { front, count } = this.groups;
    for (const path of this.pending.keys()) {
      for (let i = front - 1; i >= 0; i--) {
        if (list[i].path !== path) continue;
        count -= list[i].count;
        list.splice(i, 1);
        front--;
      }
      const record = source.record(path);
      const part = record ? this.part(record) : [];
      const rest = part.filter((group) => this.lead(group) === undefined);
      const [from, to] = partRange(list, path, front);
      count += countOf(part, 0, part.length) - countOf(list, from, to);
      spliceIn(list, from, to, rest);
      for (const group of part) {
        const place = this.lead(group);
        if (place === undefined) continue;
        let at = 0;
        while (at < front && this.lead(list[at])! < place) at++;
        list.splice(at, 0, group);
        front++;
      }
    }
    this.pending.clear();
    return (this.groups = new OverdueSnapshot(list, front, count));
  }
}

/** The groups as one query saw them: lookups read that list, not the notes, so a model built from it stays whole after later edits. */
class OverdueSnapshot implements OverdueGroups {
  /** `front`: how many of `list`'s groups are leading ones (the rest are by path, then first row); `count`: their items. */
  constructor(readonly list: OverdueGroup[], readonly front: number, readonly count: number) {}

  get(key: TrackKey): OverdueGroup | undefined {
    const { path, name } = splitTrackKey(key);
    return this.of(path, name);
  }

  of(path: string, name: string): OverdueGroup | undefined {
    const { list, front } = this;
    for (let i = 0; i < front; i++) if (list[i].path === path && list[i].track === name) return list[i];
    const [from, to] = partRange(list, path, front);
    for (let i = from; i < to; i++) if (list[i].track === name) return list[i];
    return undefined;
  }
}

function countOf(groups: readonly OverdueGroup[], from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) count += groups[i].count;
  return count;
}

/** What a note's groups share: how many items a group makes, and how. */
export interface GroupMaker {
  limit: number;
  item(record: NoteRecord, row: number): Item;
  /** The note's label beside a track name (tracks.ts `noteLabel`). */
  label(path: string, name: string): string | null;
}

/** A note's overdue groups, one per track in order of its first row; `rows`: the note's overdue rows by line. */
export function overdueGroupsOf(record: NoteRecord, rows: readonly number[], maker: GroupMaker): OverdueGroup[] {
  if (rows.length === 0) return NO_GROUPS;
  const { cols, names } = record.items;
  const groups: LazyGroup[] = [];
  let last: LazyGroup | undefined;
  for (const row of rows) {
    const name = names[cols[row * ITEM_STRIDE + TRACK]];
    // Rows of one track mostly follow each other: look the group up only when the name changes.
    if (last?.track !== name) {
      last = groups.find((group) => group.track === name);
      if (!last) groups.push((last = new LazyGroup(maker, record, rows, name, row)));
    }
    last.count++;
  }
  return groups;
}

/** Shared by every note with nothing overdue. */
const NO_GROUPS: OverdueGroup[] = Object.freeze([]) as unknown as OverdueGroup[];

/** Fields, not closures: a large vault has tens of thousands of groups. */
class LazyGroup implements OverdueGroup {
  count = 0;
  private made: Item[] | null = null;

  constructor(
    private readonly maker: GroupMaker, private readonly record: NoteRecord, private readonly rows: readonly number[],
    readonly track: string, private readonly firstRow: number,
  ) {}

  get path(): string {
    return this.record.path;
  }

  get key(): TrackKey {
    return trackKey(this.record.path, this.track);
  }

  get note(): string | null {
    return this.maker.label(this.record.path, this.track);
  }

  get items(): Item[] {
    if (this.made) return this.made;
    const { cols, names } = this.record.items;
    const items: Item[] = [];
    for (const row of this.rows) {
      if (items.length >= this.maker.limit) break;
      if (row >= this.firstRow && names[cols[row * ITEM_STRIDE + TRACK]] === this.track) items.push(this.maker.item(this.record, row));
    }
    return (this.made = items);
  }
}
