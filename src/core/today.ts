// The model behind the Today view and `cli today`: the day's items grouped by track under the queue.
import { collectDeadlines, hasKeyword, type Deadline } from "./deadlines";
import { resolveQueue, type QueueBlock, type QueueState, type TrackInfo } from "./queue";
import type { BrainQueueSettings } from "./settings";
import { termWeek } from "./termWeek";
import type { IsoDate, Item, Problem } from "./types";
import type { VaultIndex } from "./vaultIndex";

export interface TodayTrack {
  name: string;
  state: "active" | "queued";
  /** The track's items on the day, by path then line. */
  items: Item[];
  done: number;
  total: number;
  /** Unfinished items of this track dated before the day. */
  overdue: number;
  /** 1-based place in the queue order: active tracks in priority order, then queued ones. */
  rank: number;
}

export interface TodayModel {
  date: IsoDate;
  limit: number;
  used: number;
  overCapacity: boolean;
  done: number;
  total: number;
  /** Active tracks in priority order (always, even without items), then queued tracks with items today. */
  tracks: TodayTrack[];
  /** Overdue items grouped by track, in queue order: each group's count and its first items (see `overdueLimit`). */
  overdue: { track: string; count: number; items: Item[] }[];
  /** Unfinished deadlines that have not passed (days left ≥ 0), dropped ones included, by date. */
  deadlines: Deadline[];
  /** Unfinished deadlines passed within the last week, by date. */
  recentDeadlines: Deadline[];
  /** When nothing is planned on the day: the next day that has items. */
  nextPlannedDay: IsoDate | null;
  termWeek: string | null;
  problems: Problem[];
}

/** How many items count toward a day's progress: a cancelled one (`[-]`) is neither done nor remaining. */
const countedItems = (items: Item[]): number => items.filter((item) => item.status !== "-").length;

/** Items by track, tracks in order of their first item. */
export function groupByTrack(items: Item[]): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const list = groups.get(item.track);
    if (list) list.push(item);
    else groups.set(item.track, [item]);
  }
  return groups;
}

/** The queue blocks that count, the one in use first: a limit line with no list under it (a mention
 *  in prose) loses to a real block anywhere. The view, the CLI and the queue commands all use this. */
const RECENT_DEADLINE_DAYS = 7;

export function queueBlocksInUse(index: VaultIndex): QueueBlock[] {
  const all = index.queueBlocks();
  return all.some((b) => b.active.length > 0) ? all.filter((b) => b.active.length > 0) : all;
}

/** The last queue resolved, per track list: the track list outlives edits that keep every track heading,
 *  so after a keystroke the queue is not matched against every track name again. */
const lastQueue = new WeakMap<TrackInfo[], { block: QueueBlock | null; limit: number; priority: string; state: QueueState }>();

function resolveQueueOnce(block: QueueBlock | null, tracks: TrackInfo[], limit: number, priority: string[]): QueueState {
  const key = JSON.stringify(priority);
  const memo = lastQueue.get(tracks);
  if (memo && memo.block === block && memo.limit === limit && memo.priority === key) return memo.state;
  const state = resolveQueue(block, tracks, { limit, priority });
  lastQueue.set(tracks, { block, limit, priority: key, state });
  return state;
}

/** Open items with a deadline word: the only ones that can be deadlines. The index remembers which those
 *  are per note (the sidebar asks after every edit; the commands ask the same question). */
export function deadlineCandidates(index: VaultIndex, settings: BrainQueueSettings): Item[] {
  const words = settings.deadlineWords;
  return index.openItemsWithText(`deadline-words:1:${JSON.stringify(words)}`, (text) => hasKeyword(text, words));
}

/** How many overdue items per track the sidebar's model carries; the counts are always complete. */
export const SIDEBAR_OVERDUE_LIMIT = 100;

export interface TodayOptions {
  /** Overdue items kept per track (default: all of them). */
  overdueLimit?: number;
}

export function buildToday(index: VaultIndex, day: IsoDate, now: Date, settings: BrainQueueSettings, options: TodayOptions = {}): TodayModel {
  const blocks = queueBlocksInUse(index);
  const block = blocks[0] ?? null;
  const queue = resolveQueueOnce(block, index.tracks(), settings.queueLimit, settings.priority);
  const problems: Problem[] = [...index.problems(), ...queue.problems];
  for (const extra of blocks.slice(1)) {
    problems.push({
      path: extra.path,
      line: extra.limitLine,
      message: `Another queue block is in use (${block.path}, line ${block.limitLine}); this one is ignored`,
    });
  }

  const todayItems = index.itemsOn(day);
  const byTrack = groupByTrack(todayItems);
  const overdueByTrack = index.overdueGroups(day, options.overdueLimit ?? Infinity);
  // Every track an item names is in the queue order; anything unknown goes last, in item order.
  const order = [...queue.active, ...queue.queued];
  const known = new Set(order);
  for (const name of [...byTrack.keys(), ...overdueByTrack.keys()]) {
    if (!known.has(name)) {
      known.add(name);
      order.push(name);
    }
  }
  const activeSet = new Set(queue.active);

  const tracks: TodayTrack[] = [];
  order.forEach((name, i) => {
    const items = byTrack.get(name) ?? [];
    const state = activeSet.has(name) ? "active" : "queued";
    if (state === "queued" && items.length === 0) return;
    tracks.push({
      name, state, items,
      done: items.filter((item) => item.done).length,
      total: countedItems(items),
      overdue: overdueByTrack.get(name)?.count ?? 0,
      rank: i + 1,
    });
  });

  const overdue = order.filter((name) => overdueByTrack.has(name)).map((name) => {
    const group = overdueByTrack.get(name)!;
    return { track: name, count: group.count, items: group.items.slice() };
  });
  const allDeadlines = collectDeadlines(deadlineCandidates(index, settings), index.venueMarks(), now, settings);
  const deadlines = allDeadlines.filter((d) => d.daysLeft >= 0);
  // A deadline missed this week stays in sight (a late submission window, a reminder to tick it).
  const recentDeadlines = allDeadlines.filter((d) => d.daysLeft < 0 && d.daysLeft >= -RECENT_DEADLINE_DAYS);
  const done = todayItems.filter((item) => item.done).length;
  return {
    date: day,
    limit: queue.limit,
    used: queue.used,
    overCapacity: queue.overCapacity,
    done,
    total: countedItems(todayItems),
    tracks,
    overdue,
    deadlines,
    recentDeadlines,
    nextPlannedDay: todayItems.length === 0 ? index.nextPlannedDay(day) : null,
    termWeek: termWeek(settings.termStart, day),
    problems,
  };
}
