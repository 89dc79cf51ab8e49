// The CLI's JSON shapes (the contract the acceptance checks use).
import type { Deadline } from "../core/items";
import type { RollPlan, TrackPlan } from "../core/planner";
import type { TodayModel, VaultStats } from "../core/planner";
import type { Item, Problem } from "../core/base";

export interface ItemJson {
  path: string;
  line: number;
  status: string;
  done: boolean;
  text: string;
  date: string;
  end: string | null;
  track: string;
  group: string | null;
  subtasks: { line: number; status: string; done: boolean; text: string }[];
}

export function itemJson(item: Item): ItemJson {
  return {
    path: item.path,
    line: item.line,
    status: item.status,
    done: item.done,
    text: item.text,
    date: item.date,
    end: item.end,
    track: item.track,
    group: item.group,
    subtasks: item.subtasks.map((s) => ({ line: s.line, status: s.status, done: s.done, text: s.text })),
  };
}

const problemJson = (p: Problem): Problem => ({ path: p.path, line: p.line, message: p.message });

export function scanJson(items: Item[], problems: Problem[]): object {
  return { items: items.map(itemJson), problems: problems.map(problemJson) };
}

const byPathThenLine = (a: Item, b: Item): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line);

export function todayJson(model: TodayModel): object {
  return {
    date: model.date,
    limit: model.limit,
    fixedToday: model.fixedToday.map(itemJson),
    tracks: model.tracks.map((t) => ({ name: t.name, path: t.path, state: t.state, items: t.items.map(itemJson) })),
    overdue: model.overdue.flatMap((group) => group.items).sort(byPathThenLine).map(itemJson),
    // Missed this week first (by date), then the ones ahead within the horizon.
    deadlines: [...model.recentDeadlines, ...model.deadlines].map((d) => ({ ...itemJson(d), daysLeft: d.daysLeft })),
    laterDeadlines: model.laterDeadlines,
    used: model.used,
    overCapacity: model.overCapacity,
    done: model.done,
    total: model.total,
    nextPlannedDay: model.nextPlannedDay,
    termWeek: model.termWeek,
    problems: model.problems.map(problemJson),
  };
}

export function deadlineJson(d: Deadline): object {
  return { ...itemJson(d), venue: d.venue, year: d.year, daysLeft: d.daysLeft, dropped: d.dropped };
}

export function rollJson(plan: RollPlan, written?: { path: string; ok: boolean; reason?: string }[]): object {
  return {
    date: plan.date,
    changes: plan.changes.map((c) => ({ path: c.path, line: c.line, from: c.from, to: c.to, text: c.text })),
    skipped: plan.skipped.map((s) => ({ path: s.path, line: s.line, reason: s.reason })),
    ...(written ? { written: written.filter((w) => w.ok).map((w) => w.path), failed: written.filter((w) => !w.ok).map((w) => ({ path: w.path, reason: w.reason })) } : {}),
  };
}

/** `pace` rounded to 3 decimals; tracks in document order of their headings. */
export function statsJson(stats: VaultStats): object {
  return {
    date: stats.date,
    tracks: stats.tracks.map((t) => ({
      track: t.track, path: t.path, total: t.total, done: t.done, remaining: t.remaining, pace: Math.round(t.pace * 1000) / 1000,
      plannedEnd: t.plannedEnd, projectedEnd: t.projectedEnd, slipDays: t.slipDays,
    })),
    days: stats.days,
  };
}

export function planJson(plan: TrackPlan, written?: { path: string; ok: boolean; reason?: string }[]): object {
  return {
    start: plan.start,
    end: plan.end,
    changes: plan.changes.map((c) => ({ path: c.path, line: c.line, from: c.from, to: c.to, text: c.text })),
    ...(written ? { written: written.filter((w) => w.ok).map((w) => w.path), failed: written.filter((w) => !w.ok).map((w) => ({ path: w.path, reason: w.reason })) } : {}),
  };
}
