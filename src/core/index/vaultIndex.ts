// The vault index: one parsed record per note, kept current one note at a time, with fast per-day queries.
//
// Notes are re-parsed only when they change; notes without a dated checklist line (the prefilter) and
// without a queue block or venue list cost a string scan. Items are kept in columns (noteItems.ts);
// queries filter each note's columns once per day and remember the answer per note, and the whole-vault
// answers the sidebar asks for are patched with the edited note's old and new part (vaultViews.ts), so
// after an edit only that note is asked again, and Item objects exist only for what a query returned.
import { addDays, dayKey, dayOfKey, flatString } from "../base";
import { insertSorted, removeSorted } from "./sortedPaths";
import {
  allItems, cancelledAt, closedAt, DATE, ITEM_STRIDE, itemAt, lastDayAt, textAt, TRACK, type NoteItems,
} from "../items";
import type { QueueBlock, TrackInfo } from "../items";
import { BUILTIN_VENUES, type VenueMark } from "../items";
import type { IsoDate, Item, ParseOptions, Problem } from "../base";
import { encodeIndexCache, encodeIndexCacheInSteps } from "../storage";
import { decodeIndexCache } from "../storage";
import {
  type GroupMaker, NextDays, OverdueView, overdueGroupsOf, PathList, replacePart, TrackGroups, type OverdueGroup, type OverdueGroups, type TrackPart, type ViewSource,
} from "./vaultViews";
import {
  blankRecord, hasContent, RecordBuilder, renameRecord, sameTracks, sameValue, sameValues,
  type IndexOptions, type NoteRecord, type NoteStat,
} from "../items";
import { END, type TrackKey, groupByTrack, namesInSeveralNotes, noteLabel, splitTrackKey } from "../items";

export type { IndexOptions, NoteRecord, NoteStat, NoteTrack } from "../items";
export type { OverdueGroup, OverdueGroups } from "./vaultViews";

/** Whole-vault lists, rebuilt lazily after a change (`withItems` is patched instead). */
interface Lists {
  withItems?: NoteRecord[];
  tracks?: TrackInfo[];
  problems?: Problem[];
  queueBlocks?: QueueBlock[];
  venueMarks?: VenueMark[];
  overdue?: { day: IsoDate; items: Item[] };
  /** Track names that are headings in more than one note. */
  sharedNames?: Set<string>;
}

/** Whole-vault answers patched after a change, not rebuilt (vaultViews.ts): what the sidebar asks after every edit. */
interface Views {
  on?: { day: IsoDate; list: PathList<Item> };
  /** `itemsOnSplit`'s lists for one day and test, and the others grouped by track for the list they were made from. */
  onSplit?: { key: string; passed: PathList<Item>; others: PathList<Item>; byTrack: TrackGroups<Item> };
  overdue?: OverdueView;
  next?: NextDays;
  /** Per selection key, the most recent last; a few at most. */
  picks: Map<string, PathList<Item>>;
}

/** Changes remembered for `mostPlanned`; an answer older than that is worked out again. */
const CHANGE_LOG_MAX = 1024;

/** Selections kept whole-vault at once: the sidebar's deadline candidates and a few more. */
const MAX_PICK_VIEWS = 4;
/** Changes `withItems` is patched for before it is dropped instead (the views use the same measure). */
const MAX_UNASKED_CHANGES = 64;

/** What one note contributes to the queries about one day; filled in as the queries ask. */
interface NoteDay {
  day: IsoDate;
  on: Item[];
  /** Overdue item rows, by line (a large vault has hundreds of thousands: numbers, not objects). */
  overdue: number[];
  /** `itemsOnSplit`'s part of the note, under the key of the question that made it. */
  split?: NoteSplit;
  /** The overdue groups of the note (vaultViews.ts), under the key of the question that made them. */
  groupsKey?: string;
  groups?: OverdueGroup[];
  /** Of `overdue`, the rows that can be missed, under the key of the test that said which cannot. */
  missable?: { key: string; rows: number[] };
  upcoming?: { last: IsoDate; items: Item[] };
  /** The first day after `day` with one of this note's items on it (yyyymmdd), 0 when none. */
  next?: number;
  /** Pairs (track name index, row) of the note's first open item with text after `day`, per name. */
  nextOpen?: Int32Array;
  /** How many of the note's items are planned on `day` or later. */
  planned?: number;
}

/** What a note's queries found so far: one Item object per item, however many queries return it. */
interface NoteMemo {
  /** Made only once a query returns one of the note's items: most notes never need it. */
  made?: Map<number, Item>;
  day?: NoteDay;
  /** Rows picked by `select`/`openItemsWithText` under one key (the sidebar's), and under any others;
   *  persisted with the cache. Fields, not a Map per note: fifty thousand Maps weigh megabytes. */
  pickedKey?: string;
  pickedRows?: number[];
  otherPicks?: Map<string, number[]>;
}

/** A test on an item, remembered per note under `key`. */
export interface ItemTest {
  key: string;
  test: (item: Item) => boolean;
}

/** A test on an item's text (and its days, asked for only when needed), remembered per note under `key`. */
export interface RowTest {
  key: string;
  test: (text: string, days: () => { date: IsoDate; end: IsoDate | null }) => boolean;
}

const NONE: Item[] = Object.freeze([]) as unknown as Item[];
/** A note's part of `itemsOnSplit`; `byTrack` groups `others`, made when first asked. */
interface NoteSplit {
  key: string;
  passed: Item[];
  others: Item[];
  byTrack?: TrackPart<Item>;
}

const NO_SPLIT: NoteSplit = Object.freeze({ key: "", passed: NONE, others: NONE, byTrack: Object.freeze([]) });
const NO_ROWS: number[] = Object.freeze([]) as unknown as number[];
const NO_RECORDS: NoteRecord[] = Object.freeze([]) as unknown as NoteRecord[];

export class VaultIndex {
  readonly options: IndexOptions;
  private notes = new Map<string, NoteRecord>();
  /** Builds the records of updated notes, reusing its working memory from note to note. */
  private readonly records = new RecordBuilder();
  private listeners = new Set<(paths: string[]) => void>();
  /** Paths of notes that contribute anything (most notes do not), kept sorted. */
  private contentPaths: string[] = [];
  private lists: Lists = {};
  /** Changes since `recordsWithItems` was last asked for. */
  private unaskedChanges = 0;
  private views: Views = { picks: new Map() };
  /** How the views read the notes. */
  private source: ViewSource = {
    record: (path) => this.notes.get(path),
    nextDay: (record, day) => (this.noteDay(record, day).next ??= nextDayIn(record.items, dayKey(day), dayKey(addDays(day, 1)))),
  };
  /** Per note: its answers for the last day asked, so after an edit only that note is filtered again. */
  private memos = new WeakMap<NoteRecord, NoteMemo>();
  /** The paths of the latest changes, for answers that stand until one of their notes changes; the first is change number `changeLogStart`. */
  private changeLog: string[] = [];
  private changeLogStart = 0;
  /** `mostPlanned`'s answers, per list of notes. */
  private planChoices = new WeakMap<object, { day: IsoDate; seen: number; paths: Set<string>; best: number }>();
  private pending: string[] = [];
  private holds = 0;
  private changeCount = 0;
  /** Answers later stages work out from this index, kept with it (see `keep`). */
  private keptAnswers = new Map<string, unknown>();

  constructor(options?: Partial<IndexOptions>) {
    this.options = { trackHeadingLevel: options?.trackHeadingLevel ?? 2, venues: options?.venues ?? BUILTIN_VENUES };
  }

  get version(): number {
    return this.changeCount;
  }

  /**
   * What a later stage remembers about this index's answers (the planner's per-note stats, the queue it
   * resolved), kept here so it lives and goes with the index: the value kept under `kind`, made by
   * `make` the first time. A `kind` is one caller's, with one type.
   */
  keep<T>(kind: string, make: () => T): T {
    let value = this.keptAnswers.get(kind) as T | undefined;
    if (value === undefined) this.keptAnswers.set(kind, (value = make()));
    return value;
  }

  /** Re-parses one note. Never throws: a note that cannot be parsed becomes a problem. */
  update(path: string, text: string, stat?: NoteStat): void {
    this.put(path, this.records.build(path, text, stat ?? null, this.options));
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

  /** The records of the notes with items, by path (read-only): for answers that read the columns themselves. */
  notesWithItems(): readonly NoteRecord[] {
    return this.recordsWithItems();
  }

  /** How many notes are known. */
  get size(): number {
    return this.notes.size;
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
    // Held updates are a bulk stretch (start-up, a batch): their columns may share storage.
    const endBulk = this.records.beginBulk();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      endBulk();
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

  /** Every item, sorted by path then line: fresh objects, made on each call (a large vault has a million). */
  items(): Item[] {
    const out: Item[] = [];
    for (const path of this.contentPaths) {
      const record = this.notes.get(path)!;
      if (record.items.count > 0) for (const item of allItems(record.items, path)) out.push(item);
    }
    return out;
  }

  /** The items of the given tracks (see tracks.ts), by path then line: fresh objects, made only for those
   *  tracks' notes (a roll-forward over three tracks need not make the vault's million items). */
  itemsOfTracks(tracks: ReadonlySet<TrackKey>): Item[] {
    const byPath = new Map<string, Set<string>>();
    for (const key of tracks) {
      const { path, name } = splitTrackKey(key);
      const names = byPath.get(path);
      if (names) names.add(name);
      else byPath.set(path, new Set([name]));
    }
    const out: Item[] = [];
    for (const path of [...byPath.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      const record = this.notes.get(path);
      if (!record || record.items.count === 0) continue;
      const { cols, names, count } = record.items;
      const chosen = byPath.get(path)!;
      const wanted = names.map((name) => chosen.has(name));
      for (let k = 0; k < count; k++) if (wanted[cols[k * ITEM_STRIDE + TRACK]]) out.push(itemAt(record.items, k, path));
    }
    return out;
  }

  /** One note's items, by line (fresh objects). */
  itemsOf(path: string): Item[] {
    const record = this.notes.get(path);
    return record ? allItems(record.items, path) : [];
  }

  /** Items planned on `day`; a range counts on every day it spans. Sorted by path then line. */
  itemsOn(day: IsoDate): Item[] {
    if (this.views.on?.day === day) return this.views.on.list.current(this.source);
    const out: Item[] = [];
    for (const record of this.recordsWithItems()) for (const item of this.noteDay(record, day).on) out.push(item);
    this.views.on = { day, list: new PathList(out, (record) => this.noteDay(record, day).on) };
    return out;
  }

  /**
   * `itemsOn(day)` split by `where` (its key must name the test and everything it depends on): the items
   * that pass, the others, and the others by track. Each note's split is remembered with its day, and the
   * lists are patched per changed note like `itemsOn`'s; so is the grouping (whose order is not the notes').
   */
  itemsOnSplit(day: IsoDate, where: ItemTest): { passed: Item[]; others: Item[]; othersByTrack: ReadonlyMap<TrackKey, Item[]> } {
    const key = flatString(`${day}\n${where.key}`);
    let view = this.views.onSplit;
    if (view?.key !== key) {
      const split = (record: NoteRecord): NoteSplit => {
        const noteDay = this.noteDay(record, day);
        // Most notes have nothing on the day: they share one empty split.
        if (noteDay.on.length === 0) return NO_SPLIT;
        if (noteDay.split?.key === key) return noteDay.split;
        const passed: Item[] = [];
        const others: Item[] = [];
        for (const item of noteDay.on) (where.test(item) ? passed : others).push(item);
        return (noteDay.split = { key, passed, others });
      };
      const passed: Item[] = [];
      const others: Item[] = [];
      for (const record of this.recordsWithItems()) {
        const part = split(record);
        for (const item of part.passed) passed.push(item);
        for (const item of part.others) others.push(item);
      }
      view = this.views.onSplit = {
        key,
        passed: new PathList(passed, (record) => split(record).passed),
        others: new PathList(others, (record) => split(record).others),
        byTrack: TrackGroups.build(this.recordsWithItems(), (record) => {
          const part = split(record);
          return (part.byTrack ??= [...groupByTrack(part.others)]);
        }),
      };
    }
    const othersNow = view.others.current(this.source);
    return { passed: view.passed.current(this.source), others: othersNow, othersByTrack: view.byTrack.current(this.source) };
  }

  /** Open items (neither done nor cancelled) whose date (a range: its end) is before `day`. Sorted by path then line. */
  overdue(day: IsoDate): Item[] {
    if (this.lists.overdue?.day === day) return this.lists.overdue.items;
    const out: Item[] = [];
    for (const record of this.recordsWithItems()) {
      const memo = this.memo(record);
      for (const row of this.noteDay(record, day).overdue) out.push(this.item(record, memo, row));
    }
    this.lists.overdue = { day, items: out };
    return out;
  }

  /**
   * `overdue(day)` by track (note and heading, see tracks.ts), less the items `unmissable` names (its key
   * must name the test and everything it depends on): the `lead` tracks' groups first in that order, then
   * the others in order of their first item (path, then line). A large vault has tens of thousands of groups and hundreds of thousands of overdue items: after
   * an edit only the edited note's groups are made again, and a group's items (its first `limit`) become
   * objects only when read.
   */
  overdueGroups(day: IsoDate, options: { limit?: number; unmissable?: RowTest; lead?: readonly TrackKey[] } = {}): OverdueGroups {
    const { limit = Infinity, unmissable, lead = [] } = options;
    const key = flatString(`${day}\n${limit}\n${unmissable?.key ?? ""}\n${lead.join("\n\n")}`);
    const maker: GroupMaker = {
      limit,
      item: (record, row) => this.item(record, this.memo(record), row),
      label: (path, name) => noteLabel(path, name, this.sharedTrackNames()),
    };
    const part = (record: NoteRecord): OverdueGroup[] => {
      // Kept with the note's day, so that one track's group is found from its note alone.
      const noteDay = this.noteDay(record, day);
      if (noteDay.groupsKey === key) return noteDay.groups!;
      noteDay.groupsKey = key;
      return (noteDay.groups = overdueGroupsOf(record, this.missableRows(record, day, unmissable), maker));
    };
    if (this.views.overdue?.key !== key) {
      const places = new Map(lead.map((track, place) => [track, place]));
      this.views.overdue = OverdueView.build(this.recordsWithItems(), key, part, (group) => (places.size === 0 ? undefined : places.get(group.key)));
    }
    return this.views.overdue.current(this.source);
  }

  /** Track names that are headings in more than one note (a track is a heading in a note, tracks.ts). */
  sharedTrackNames(): ReadonlySet<string> {
    return (this.lists.sharedNames ??= namesInSeveralNotes(this.tracks()));
  }

  /** Unfinished items starting after `day`, up to `days` days later; sorted by date, then path and line. */
  upcoming(day: IsoDate, days: number): Item[] {
    const last = addDays(day, Math.max(0, Math.floor(days)));
    const out: Item[] = [];
    for (const record of this.recordsWithItems()) for (const item of this.noteUpcoming(record, day, last)) out.push(item);
    // Stable: within a date the path-then-line order of the join stays.
    return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  /**
   * Per track asked for (note and heading, see tracks.ts): its first unfinished item with text (not an empty
   * slot) starting after `day`, by date, then line. A track is in one note: only that note is read, and
   * its first items per track are remembered with its day.
   */
  nextOpenItems(tracks: ReadonlySet<TrackKey>, day: IsoDate): Map<TrackKey, Item> {
    const out = new Map<TrackKey, Item>();
    for (const track of tracks) {
      const { path, name } = splitTrackKey(track);
      const record = this.notes.get(path);
      if (!record || record.items.count === 0) continue;
      const noteDay = this.noteDay(record, day);
      const pairs = (noteDay.nextOpen ??= nextOpenRows(record.items, dayKey(day)));
      const { names, cols } = record.items;
      let best = -1;
      // Two of a note's names can read alike (a heading named like the note): the earlier item wins.
      for (let p = 0; p < pairs.length; p += 2) {
        if (names[pairs[p]] !== name) continue;
        const row = pairs[p + 1];
        const date = cols[row * ITEM_STRIDE + DATE];
        const bestDate = best < 0 ? 0 : cols[best * ITEM_STRIDE + DATE];
        if (best < 0 || date < bestDate || (date === bestDate && row < best)) best = row;
      }
      if (best >= 0) out.set(track, this.item(record, this.memo(record), best));
    }
    return out;
  }

  /** The first day after `day` with any item on it that is not cancelled, or null. */
  nextPlannedDay(day: IsoDate): IsoDate | null {
    if (this.views.next?.day !== day) this.views.next = NextDays.build(this.source, this.recordsWithItems(), day);
    const best = this.views.next.current(this.source);
    return best === 0 ? null : dayOfKey(best);
  }

  /**
   * Items for which `pick` holds, by path then line. The answer is remembered per note under `key`
   * (which must name `pick` and everything it depends on), so after an edit only that note is asked again.
   * The answers are saved with the cache: a key must change whenever what it picks changes.
   */
  select(key: string, pick: (item: Item) => boolean): Item[] {
    return this.picked(key, (record, memo) => {
      const rows: number[] = [];
      for (let k = 0; k < record.items.count; k++) {
        // Items that are not picked are not kept: only what a query returns stays in memory.
        if (pick(memo.made?.get(k) ?? itemAt(record.items, k, record.path))) rows.push(k);
      }
      return rows;
    });
  }

  /**
   * Open items (neither done nor cancelled) whose text passes `test`, by path then line; remembered per note under `key` like
   * `select`. Only the items that pass become objects.
   */
  openItemsWithText(key: string, test: (text: string) => boolean): Item[] {
    return this.picked(key, (record) => {
      const rows: number[] = [];
      for (let k = 0; k < record.items.count; k++) if (!closedAt(record.items, k) && test(textAt(record.items, k))) rows.push(k);
      return rows;
    });
  }

  private picked(key: string, pick: (record: NoteRecord, memo: NoteMemo) => number[]): Item[] {
    const picks = this.views.picks;
    const view = picks.get(key);
    if (view) {
      picks.delete(key); // most recent last
      picks.set(key, view);
      return view.current(this.source);
    }
    const part = (record: NoteRecord): Item[] => this.pickedItems(record, key, pick);
    const out: Item[] = [];
    for (const record of this.recordsWithItems()) for (const item of part(record)) out.push(item);
    picks.set(key, new PathList(out, part));
    if (picks.size > MAX_PICK_VIEWS) picks.delete(picks.keys().next().value!);
    return out;
  }

  /** One note's picked items under `key`, its rows remembered per note. */
  private pickedItems(record: NoteRecord, key: string, pick: (record: NoteRecord, memo: NoteMemo) => number[]): Item[] {
    const memo = this.memo(record);
    let rows = memo.pickedKey === key ? memo.pickedRows : memo.otherPicks?.get(key);
    if (!rows) {
      rows = pick(record, memo);
      if (rows.length === 0) rows = NO_ROWS;
      if (memo.pickedKey === undefined) {
        memo.pickedKey = key;
        memo.pickedRows = rows;
      } else (memo.otherPicks ??= new Map()).set(key, rows);
    }
    return rows.length === 0 ? NONE : rows.map((row) => this.item(record, memo, row));
  }

  /** Every track: each heading name of each note once, at its first occurrence, by path then line. */
  tracks(): TrackInfo[] {
    if (this.lists.tracks) return this.lists.tracks;
    const tracks: TrackInfo[] = [];
    for (const path of this.contentPaths) {
      const seen = new Set<string>();
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

  /**
   * Of `notes` (a list the caller keeps while it stands, such as the notes a queue name can mean), the one
   * that plans the most from `day` on (the first on a tie): its place in the list. Remembered per list
   * until one of its notes changes, so a list of thousands is not counted again after every edit.
   */
  mostPlanned(notes: readonly { path: string }[], day: IsoDate): number {
    const held = this.planChoices.get(notes);
    const now = this.changeLogStart + this.changeLog.length;
    if (held?.day === day && held.seen >= this.changeLogStart) {
      let fresh = true;
      for (let i = held.seen - this.changeLogStart; i < this.changeLog.length && fresh; i++) fresh = !held.paths.has(this.changeLog[i]);
      if (fresh) {
        held.seen = now;
        return held.best;
      }
    }
    let best = 0;
    let most = -1;
    for (let i = 0; i < notes.length; i++) {
      const planned = this.plannedFrom(notes[i].path, day);
      if (planned > most) [best, most] = [i, planned];
    }
    this.planChoices.set(notes, { day, seen: now, paths: held?.paths ?? new Set(notes.map((note) => note.path)), best });
    return best;
  }

  /** How many of the note's items are planned on `day` or later (a range: by its end). */
  plannedFrom(path: string, day: IsoDate): number {
    const record = this.notes.get(path);
    if (!record || record.items.count === 0) return 0;
    const noteDay = this.noteDay(record, day);
    if (noteDay.planned !== undefined) return noteDay.planned;
    const { items } = record;
    const from = dayKey(day);
    let count = 0;
    for (let k = 0; k < items.count; k++) if (lastDayAt(items, k) >= from) count++;
    return (noteDay.planned = count);
  }

  /** Queue blocks, by path. */
  queueBlocks(): QueueBlock[] {
    return (this.lists.queueBlocks ??= this.collect((r) => (r.queueBlock ? [r.queueBlock] : [])));
  }

  venueMarks(): VenueMark[] {
    return (this.lists.venueMarks ??= this.collect((r) => r.venueMarks));
  }

  /** The index as bytes for the next start-up (see indexCache.ts). */
  toCache(): Uint8Array {
    // Remembered selections go along, so the first sidebar after a restart need not read every item's text.
    return encodeIndexCache(this.options.trackHeadingLevel, this.optionsKey(), this.notes.values(), (record) => picksOf(this.memos.get(record)));
  }

  /**
   * `toCache()` in steps: drive it with `next()`, giving the UI a turn between steps. It encodes the
   * notes as they are when it is called: records are never changed in place, so updates, renames and
   * removals made between steps do not reach it (the next save has them). Selections remembered
   * meanwhile go along or not; either way with the record they were worked out on.
   */
  toCacheInSteps(): Generator<void, Uint8Array, void> {
    const records = [...this.notes.values()];
    return encodeIndexCacheInSteps(this.options.trackHeadingLevel, this.optionsKey(), records, (record) => picksOf(this.memos.get(record)));
  }

  /** Rebuilds an index from `toCache()` output; anything malformed is dropped, never thrown. */
  static fromCache(cache: Uint8Array | null | undefined, options?: Partial<IndexOptions>): VaultIndex {
    const index = new VaultIndex(options);
    if (!cache) return index;
    const { records, picks } = decodeIndexCache(cache, index.options.trackHeadingLevel, index.optionsKey());
    // Not through `put`: comparing track lists would decode every record now rather than when asked.
    for (const record of records) {
      index.notes.set(record.path, record);
      if (hasContent(record)) insertSorted(index.contentPaths, record.path);
    }
    for (const [record, [[key, rows], ...others]] of picks) {
      index.memos.set(record, { pickedKey: key, pickedRows: rows, otherPicks: others.length > 0 ? new Map(others) : undefined });
    }
    return index;
  }

  /**
   * Stores records parsed elsewhere (a worker's `parseBatch`, made with these options), each one only
   * where `accept(path)` agrees; a null record is a note with nothing in it. Returns how many it stored.
   */
  adopt(paths: string[], stats: (NoteStat | null)[], records: (NoteRecord | null)[], accept: (path: string, k: number) => boolean): number {
    const stored: string[] = [];
    for (let k = 0; k < paths.length; k++) {
      const path = paths[k];
      if (!accept(path, k)) continue;
      this.put(path, records[k] ?? blankRecord(path, stats[k]));
      stored.push(path);
    }
    if (stored.length > 0) this.changed(stored);
    return stored.length;
  }

  /** Everything parsing depends on, as one string: a cache made under other options is not restored. */
  private optionsKey(): string {
    // "archive": caches from before archived notes counted for nothing hold their items.
    return JSON.stringify([this.options.trackHeadingLevel, this.options.venues, "archive"]);
  }

  private parseOptions(): ParseOptions {
    return { trackHeadingLevel: this.options.trackHeadingLevel };
  }

  /** Replaces (or with null, drops) a note's record, keeping the path list and the whole-vault lists in step. */
  private put(path: string, record: NoteRecord | null): void {
    const old = this.notes.get(path);
    this.changeLog.push(path);
    if (this.changeLog.length > CHANGE_LOG_MAX) {
      this.changeLogStart += this.changeLog.length;
      this.changeLog = [];
    }
    // Whole-vault lists survive an edit that leaves the note's part in them as it was (most edits touch
    // items only); `changed` drops the item lists.
    if (!sameTracks(old?.tracks ?? [], record?.tracks ?? [])) this.lists.tracks = this.lists.sharedNames = undefined;
    if (!sameValues(old?.problems ?? [], record?.problems ?? [])) this.lists.problems = undefined;
    if (!sameValue(old?.queueBlock ?? null, record?.queueBlock ?? null)) this.lists.queueBlocks = undefined;
    if (!sameValues(old?.venueMarks ?? [], record?.venueMarks ?? [])) this.lists.venueMarks = undefined;
    if (old && hasContent(old)) removeSorted(this.contentPaths, path);
    if (record) {
      this.notes.set(path, record);
      if (hasContent(record)) insertSorted(this.contentPaths, path);
    } else {
      this.notes.delete(path);
    }
    if (this.lists.withItems) {
      // A stretch of changes nobody asks about in between (start-up, a batch) costs a rebuild, not a splice each.
      if (++this.unaskedChanges > MAX_UNASKED_CHANGES) this.lists.withItems = undefined;
      else replacePart(this.lists.withItems, path, record && record.items.count > 0 ? [record] : NO_RECORDS);
    }
    this.viewsChanged(path, old);
  }

  /** Tells each view which note changed and what it was; a view with too much to catch up on is dropped. */
  private viewsChanged(path: string, old: NoteRecord | undefined): void {
    const { on, onSplit, overdue, next, picks } = this.views;
    if (on && !on.list.changed(path, old)) this.views.on = undefined;
    if (onSplit && !(onSplit.passed.changed(path, old) && onSplit.others.changed(path, old) && onSplit.byTrack.changed(path, old))) this.views.onSplit = undefined;
    if (overdue && !overdue.changed(path, old)) this.views.overdue = undefined;
    if (next && !next.changed(path, old)) this.views.next = undefined;
    for (const [key, view] of picks) if (!view.changed(path, old)) picks.delete(key);
  }

  /** Notes with items, by path: what every per-day query walks. */
  private recordsWithItems(): NoteRecord[] {
    this.unaskedChanges = 0;
    if (this.lists.withItems) return this.lists.withItems;
    const out: NoteRecord[] = [];
    for (const path of this.contentPaths) {
      const record = this.notes.get(path)!;
      if (record.items.count > 0) out.push(record);
    }
    return (this.lists.withItems = out);
  }

  private memo(record: NoteRecord): NoteMemo {
    let memo = this.memos.get(record);
    if (!memo) this.memos.set(record, (memo = {}));
    return memo;
  }

  private item(record: NoteRecord, memo: NoteMemo, k: number): Item {
    memo.made ??= new Map();
    let item = memo.made.get(k);
    if (!item) memo.made.set(k, (item = itemAt(record.items, k, record.path)));
    return item;
  }

  /** The note's items on `day` and its overdue rows on `day`, in one pass over its columns. */
  private noteDay(record: NoteRecord, day: IsoDate): NoteDay {
    const memo = this.memo(record);
    if (memo.day?.day === day) return memo.day;
    const key = dayKey(day);
    const items = record.items;
    const cols = items.cols;
    let on: Item[] = NONE;
    let overdue = NO_ROWS;
    for (let k = 0, at = 0; k < items.count; k++, at += ITEM_STRIDE) {
      const first = cols[at + DATE];
      const last = lastDayAt(items, k);
      if (first <= key && key <= last) {
        if (on === NONE) on = [];
        on.push(this.item(record, memo, k));
      } else if (last < key && !closedAt(items, k)) {
        if (overdue === NO_ROWS) overdue = [];
        overdue.push(k);
      }
    }
    // Kept until the note or the day changes: without the room `push` left (a large vault has hundreds of thousands of rows).
    return (memo.day = { day, on, overdue: overdue === NO_ROWS ? overdue : overdue.slice() });
  }

  /** The note's overdue rows on `day` less those `unmissable` names, remembered with the note's day. */
  private missableRows(record: NoteRecord, day: IsoDate, unmissable: RowTest | undefined): number[] {
    const noteDay = this.noteDay(record, day);
    if (!unmissable || noteDay.overdue.length === 0) return noteDay.overdue;
    if (noteDay.missable?.key === unmissable.key) return noteDay.missable.rows;
    const items = record.items;
    const rows = noteDay.overdue.filter((k) => !unmissable.test(textAt(items, k), () => daysAt(items, k)));
    noteDay.missable = { key: unmissable.key, rows: rows.length === noteDay.overdue.length ? noteDay.overdue : rows.slice() };
    return noteDay.missable.rows;
  }

  private noteUpcoming(record: NoteRecord, day: IsoDate, last: IsoDate): Item[] {
    const memo = this.memo(record);
    const dayMemo = this.noteDay(record, day);
    if (dayMemo.upcoming?.last === last) return dayMemo.upcoming.items;
    const from = dayKey(day);
    const to = dayKey(last);
    const cols = record.items.cols;
    const items: Item[] = [];
    for (let k = 0, at = 0; k < record.items.count; k++, at += ITEM_STRIDE) {
      const first = cols[at + DATE];
      if (first > from && first <= to && !closedAt(record.items, k)) items.push(this.item(record, memo, k));
    }
    dayMemo.upcoming = { last, items };
    return items;
  }

  private collect<T>(pick: (record: NoteRecord) => T[]): T[] {
    const out: T[] = [];
    for (const path of this.contentPaths) for (const value of pick(this.notes.get(path)!)) out.push(value);
    return out;
  }

  private changed(paths: string[]): void {
    this.changeCount++;
    const { withItems, tracks, sharedNames, problems, queueBlocks, venueMarks } = this.lists;
    this.lists = { withItems, tracks, sharedNames, problems, queueBlocks, venueMarks };
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

  /**
   * `update` for a long note, in steps: drive it with `next()` and give the UI a turn between steps
   * (certainly after a yielded `true`: the next step may be long). The last step stores the record
   * `update` would store, unless the note was updated, removed or renamed meanwhile: then the newer
   * state stays and it returns false.
   */
  *updateInSteps(path: string, text: string, stat?: NoteStat): Generator<boolean, boolean> {
    const before = this.notes.get(path);
    const record = yield* this.records.buildInSteps(path, text, stat ?? null, this.options);
    if (this.notes.get(path) !== before) return false;
    this.put(path, record);
    this.changed([path]);
    return true;
  }
}

/** Every selection remembered for a note, as key and rows. */
/** An item's date and end as ISO days, from its columns. */
function daysAt(items: NoteItems, k: number): { date: IsoDate; end: IsoDate | null } {
  const at = k * ITEM_STRIDE;
  const end = items.cols[at + END];
  return { date: dayOfKey(items.cols[at + DATE]), end: end === 0 ? null : dayOfKey(end) };
}

function picksOf(memo: NoteMemo | undefined): [string, number[]][] {
  if (memo?.pickedKey === undefined || memo.pickedRows === undefined) return [];
  return [[memo.pickedKey, memo.pickedRows], ...(memo.otherPicks ?? [])];
}

/** The first day after `day` on which one of the note's items is planned (yyyymmdd keys), 0 when none. */
function nextDayIn(items: NoteItems, day: number, tomorrow: number): number {
  let best = 0;
  for (let k = 0; k < items.count; k++) {
    if (lastDayAt(items, k) <= day || cancelledAt(items, k)) continue;
    const first = items.cols[k * ITEM_STRIDE + DATE];
    const next = first > day ? first : tomorrow; // a range under way continues tomorrow
    if (best === 0 || next < best) best = next;
  }
  return best;
}

/** Pairs (track name index, row) of a note's earliest open item with text dated after `after`, per track (the first row on a tie). */
function nextOpenRows(items: NoteRecord["items"], after: number): Int32Array {
  const { cols, names, count } = items;
  const rows = new Int32Array(names.length).fill(-1);
  let found = 0;
  for (let k = 0, at = 0; k < count; k++, at += ITEM_STRIDE) {
    const first = cols[at + DATE];
    if (first <= after || closedAt(items, k)) continue;
    const track = cols[at + TRACK];
    const held = rows[track];
    if ((held >= 0 && cols[held * ITEM_STRIDE + DATE] <= first) || textAt(items, k) === "") continue;
    if (held < 0) found++;
    rows[track] = k;
  }
  return pairsOf(rows, -1, found);
}

/** Pairs (index, value) of the `found` entries of `values` that are not `none`. */
function pairsOf(values: Int32Array, none: number, found: number): Int32Array {
  const pairs = new Int32Array(found * 2);
  for (let t = 0, p = 0; t < values.length; t++) {
    if (values[t] === none) continue;
    pairs[p++] = t;
    pairs[p++] = values[t];
  }
  return pairs;
}

