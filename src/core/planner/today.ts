// The model behind the Today view and `cli today`: the day's items grouped by track under the queue.
import { collectDeadlines, recentlyMissed, type Deadline } from "../items";
import { fixedKey, fixedRulesOf, overdueGroups } from "./fixed";
import { resolveQueue, type QueueBlock, type QueueState, type TrackInfo } from "../items";
import type { BrainQueueSettings } from "../base";
import { termWeek } from "./termWeek";
import type { IsoDate, Item, Problem } from "../base";
import type { OverdueGroup, VaultIndex } from "../index";
import { type TrackKey, noteLabel, splitTrackKey, trackKey } from "../items";

/** A track is a heading in a note (tracks.ts): the same heading in two notes is two tracks. */
export interface TodayTrack {
  key: TrackKey;
  name: string;
  /** The note the heading is in. */
  path: string;
  /** The note's name, when `name` is a heading in more than one note (else null). */
  note: string | null;
  state: "active" | "queued";
  /** The track's items on the day that are not fixed, by path then line; empty slots included. */
  items: Item[];
  /** Of `items`, not counting empty slots (they are free time, not tasks). */
  done: number;
  total: number;
  /** Unfinished items of this track dated before the day that can be missed (not fixed, not empty slots). */
  overdue: number;
  /** 1-based place in the queue: active tracks, then the waiting list; null for a track the queue does not name. */
  rank: number | null;
  /** An active track with nothing to do on the day: its next unfinished item after the day, or null. */
  next: Item | null;
}

export interface TodayModel {
  date: IsoDate;
  limit: number;
  used: number;
  overCapacity: boolean;
  /** What Today shows: the fixed items and the active tracks' items, each once, empty slots not counted. */
  done: number;
  total: number;
  /** Fixed items on the day (deadlines, exams, 开课/结课), done or not, whatever their track, by path then line. */
  fixedToday: Item[];
  /** The active tracks in priority order, always, even without items. */
  active: TodayTrack[];
  /** The active tracks, then the waiting tracks with items on the day in queue order (made when first read:
   *  a large vault has thousands of waiting tracks, and the sidebar keeps them folded). */
  readonly tracks: TodayTrack[];
  /** The waiting tracks with items on the day: how many, and their items (empty slots not counted). */
  queued: { tracks: number; items: number };
  /** Overdue items grouped by track: the tracks the queue lists in its order, then the others by their first
   *  overdue item (path, then line); each group's count and its first items (see `overdueLimit`). Fixed
   *  items and empty slots are never overdue: a past event is over, and a missed deadline is in `recentDeadlines`. */
  overdue: readonly OverdueGroup[];
  /** How many items are overdue, all told (every group's count). */
  overdueCount: number;
  /** Unfinished deadlines that have not passed (days left ≥ 0) and fall within the horizon, dropped ones included, by date. */
  deadlines: Deadline[];
  /** Unfinished deadlines passed within the last week, by date. */
  recentDeadlines: Deadline[];
  /** Unfinished deadlines beyond the horizon (`deadlineHorizonMonths`). */
  laterDeadlines: number;
  /** When nothing is planned on the day: the next day that has items. */
  nextPlannedDay: IsoDate | null;
  termWeek: string | null;
  problems: Problem[];
}

/**
 * The queue blocks that count, the one in use first: a limit line with no list under it (a mention in
 * prose) loses to a real block anywhere, and of several blocks (last term's plan beside this term's)
 * the one whose note plans the most from `day` on is in use; then by path. The view, the CLI and the
 * queue commands all use this.
 */
export function queueBlocksInUse(index: VaultIndex, day: IsoDate): QueueBlock[] {
  const all = index.queueBlocks();
  const listed = all.some((b) => b.active.length > 0) ? all.filter((b) => b.active.length > 0) : all;
  if (listed.length < 2) return listed;
  const ahead = new Map(listed.map((block) => [block.path, index.plannedFrom(block.path, day)]));
  // Stable: blocks with as much ahead stay in path order.
  return [...listed].sort((a, b) => ahead.get(b.path)! - ahead.get(a.path)!);
}

/** The last queue resolved, per track list (kept by the index): the track list outlives edits that keep
 *  every track heading, so after a keystroke the queue is not matched against every track name again. */
type QueueMemo = WeakMap<TrackInfo[], { block: QueueBlock | null; limit: number; priority: string; state: QueueState }>;

function resolveQueueOnce(index: VaultIndex, block: QueueBlock | null, tracks: TrackInfo[], limit: number, priority: string[]): QueueState {
  const key = JSON.stringify(priority);
  const lastQueue = index.keep<QueueMemo>("today.queue", () => new WeakMap());
  const memo = lastQueue.get(tracks);
  if (memo && memo.block === block && memo.limit === limit && memo.priority === key) return memo.state;
  const state = resolveQueue(block, tracks, { limit, priority });
  lastQueue.set(tracks, { block, limit, priority: key, state });
  return state;
}

/** The queue in effect on `day`: the block in use (`queueBlocksInUse`), else the settings' limit and
 *  priority list. The sidebar's model, the queue commands and the settings tab all resolve it here. */
export function queueOn(index: VaultIndex, day: IsoDate, settings: BrainQueueSettings, blocks = queueBlocksInUse(index, day)): QueueState {
  return resolveQueueOnce(index, blocks[0] ?? null, index.tracks(), settings.queueLimit, settings.priority);
}

/**
 * The queue's tracks with each name in one note. An entry means its heading in the block's own note; a name
 * that is not a heading there means that heading in the note that plans the most from `day` on (ties: the
 * first by path), as for the block in use: last term's plan, or last week's note, does not run beside this one.
 */
export function oneNotePerName(index: VaultIndex, day: IsoDate, names: readonly TrackInfo[][]): TrackKey[] {
  return names.map((tracks) => {
    const best = tracks.length === 1 ? tracks[0] : tracks[index.mostPlanned(tracks, day)];
    return trackKey(best.path, best.name);
  });
}

/** Open items with a deadline word: the only ones that can be deadlines. The index remembers which those
 *  are per note (the sidebar asks after every edit; the commands ask the same question). */
export function deadlineCandidates(index: VaultIndex, settings: BrainQueueSettings): Item[] {
  const words = settings.deadlineWords;
  return index.openItemsWithText(`deadline-words:1:${JSON.stringify(words)}`, fixedRulesOf(index, settings).deadlines.hasWord);
}

const NO_ITEMS: Item[] = Object.freeze([]) as unknown as Item[];

/** How many overdue items per track the sidebar's model carries; the counts are always complete. */
export const SIDEBAR_OVERDUE_LIMIT = 100;

export interface TodayOptions {
  /** Overdue items kept per track (default: all of them). */
  overdueLimit?: number;
}

export function buildToday(index: VaultIndex, day: IsoDate, now: Date, settings: BrainQueueSettings, options: TodayOptions = {}): TodayModel {
  const blocks = queueBlocksInUse(index, day);
  const block = blocks[0] ?? null;
  const queue = queueOn(index, day, settings, blocks);
  const problems: Problem[] = [...index.problems(), ...queue.problems];
  for (const extra of blocks.slice(1)) {
    problems.push({
      path: extra.path,
      line: extra.limitLine,
      message: `Another queue block is in use (${block.path}, line ${block.limitLine}); this one is ignored`,
      fix: "archive",
    });
  }

  const rules = fixedRulesOf(index, settings);
  const { passed: fixedToday, others, othersByTrack: byTrack } = index.itemsOnSplit(day, { key: fixedKey(settings), test: (item) => rules.isFixed(item) });
  const activeTracks = oneNotePerName(index, day, queue.activeTracks);
  const listed = [...activeTracks, ...oneNotePerName(index, day, queue.queuedTracks)];
  // The tracks the queue lists lead the overdue groups, in its order.
  const overdueGroupsNow = overdueGroups(index, day, settings, options.overdueLimit ?? Infinity, listed);
  const ranked = new Set(listed);
  const idle = activeTracks.filter((key) => countable(byTrack.get(key) ?? []).length === 0);
  const next = index.nextOpenItems(new Set(idle), day);
  const shared = index.sharedTrackNames();
  // Everything the entries read is a snapshot of this query (the split, the overdue groups, the queue), so
  // the waiting tracks' entries can wait until someone reads them: the sidebar keeps them folded.
  const entry = (key: TrackKey, state: TodayTrack["state"], at: number): TodayTrack => {
    const items = byTrack.get(key) ?? NO_ITEMS;
    // An item's own strings are flat and hashed once; a key's parts would be new strings each time.
    const { path, name } = items.length > 0 ? { path: items[0].path, name: items[0].track } : splitTrackKey(key);
    let done = 0;
    let total = 0;
    for (const item of items) {
      if (!isCountable(item)) continue;
      total++;
      if (item.done) done++;
    }
    // One literal with every field: a spread into a literal is copied property by property.
    return {
      key, name, path, note: noteLabel(path, name, shared), state, items, done, total,
      overdue: overdueGroupsNow.of(path, name)?.count ?? 0,
      rank: ranked.has(key) ? at + 1 : null,
      next: next.get(key) ?? null,
    };
  };
  // Active tracks hold the queue's first places, in its order.
  const active = activeTracks.map((key, at) => entry(key, "active", queue.places.get(key) ?? at));
  const activeSet = new Set(activeTracks);
  // The waiting tracks: those with items on the day that are not active.
  const waitingKeys: TrackKey[] = [];
  let queuedItems = 0;
  for (const [key, items] of byTrack) {
    if (activeSet.has(key) || items.length === 0) continue;
    waitingKeys.push(key);
    for (const item of items) if (isCountable(item)) queuedItems++;
  }
  // Then the waiting tracks with items on the day, in queue order; anything the queue does not know goes
  // last, in item order. A track's number is its place in the queue.
  const waiting = (): TodayTrack[] => {
    const places = queue.places;
    const firstItem = (key: TrackKey): Item => byTrack.get(key)![0];
    const inQueueOrder = (a: TrackKey, b: TrackKey): number => {
      const at = places.get(a);
      const bt = places.get(b);
      if (at !== undefined || bt !== undefined) return (at ?? Infinity) - (bt ?? Infinity);
      const x = firstItem(a);
      const y = firstItem(b);
      return x.path < y.path ? -1 : x.path > y.path ? 1 : x.line - y.line;
    };
    return [...waitingKeys].sort(inQueueOrder).map((key) => entry(key, "queued", places.get(key) ?? -1));
  };
  let tracks: TodayTrack[] | undefined;

  const overdue = overdueGroupsNow.list;
  const allDeadlines = collectDeadlines(deadlineCandidates(index, settings), index.venueMarks(), now, settings, rules.deadlines);
  const horizon = addMonths(day, settings.deadlineHorizonMonths);
  const deadlines = allDeadlines.filter((d) => d.daysLeft >= 0 && (d.end ?? d.date) <= horizon);
  const recentDeadlines = allDeadlines.filter(recentlyMissed);
  const shown = [...countable(fixedToday), ...active.flatMap((track) => countable(track.items))];
  return {
    date: day,
    limit: queue.limit,
    used: queue.used,
    overCapacity: queue.overCapacity,
    done: shown.filter((item) => item.done).length,
    total: shown.length,
    fixedToday,
    active,
    get tracks() {
      return (tracks ??= [...active, ...waiting()]);
    },
    queued: { tracks: waitingKeys.length, items: queuedItems },
    overdue,
    overdueCount: overdueGroupsNow.count,
    deadlines,
    recentDeadlines,
    laterDeadlines: allDeadlines.filter((d) => (d.end ?? d.date) > horizon).length,
    nextPlannedDay: fixedToday.length === 0 && others.length === 0 ? index.nextPlannedDay(day) : null,
    termWeek: termWeek(settings.termStart, day),
    problems,
  };
}

/** The items that count toward a day's progress: an empty slot (`- [ ] 2021/04/22`) is free time, and a
 *  cancelled item (`[-]`) is neither done nor remaining; both are shown but not counted. */
function countable(items: readonly Item[]): Item[] {
  return items.filter(isCountable);
}

function isCountable(item: Item): boolean {
  return item.text !== "" && item.status !== "-";
}

/** The same day `months` later (the month's last day when it is shorter). */
function addMonths(day: IsoDate, months: number): IsoDate {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1 + months;
  const target = { year: year + Math.floor(month / 12), month: (month % 12) + 1 };
  const last = new Date(Date.UTC(target.year, target.month, 0)).getUTCDate();
  const date = Math.min(Number(day.slice(8, 10)), last);
  return `${String(target.year).padStart(4, "0")}-${String(target.month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
}
