// Human-readable output: short headers, aligned columns, note text kept on one line.
import type { Deadline } from "../core/items";
import type { RollPlan, TrackPlan } from "../core/planner";
import type { TodayModel, VaultStats } from "../core/planner";
import type { Item, Problem } from "../core/base";
import type { WriteResult } from "./vault";
import { clean, displayWidth, padEnd, shownPath, truncate } from "./width";
import { daysLeftText, splitTrackKey } from "../core/items";

const TEXT_WIDTH = 60;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
const box = (item: { status: string }): string => `[${clean(item.status)}]`;
const when = (item: Item): string => (item.end && item.end !== item.date ? `${item.date} → ${item.end}` : item.date);
const label = (item: Item): string => truncate(clean(item.text) || "(empty slot)", TEXT_WIDTH);

function table(rows: string[][], indent = "  "): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map((row) => indent + row.map((cell, i) => (i === row.length - 1 ? cell : padEnd(cell, widths[i]))).join("  ").trimEnd());
}

function problemLines(problems: Problem[]): string[] {
  if (problems.length === 0) return [];
  return ["", `Problems (${problems.length})`, ...table(problems.map((p) => [`${shownPath(p.path)}:${p.line}`, truncate(clean(p.message), 100)]))];
}

export function formatScan(items: Item[], problems: Problem[]): string {
  const notes = new Set(items.map((i) => i.path));
  const lines = [`${plural(items.length, "item")} in ${plural(notes.size, "note")}, ${plural(problems.length, "problem")}`];
  let path = "";
  let rows: string[][] = [];
  const flush = (): void => {
    if (rows.length > 0) lines.push("", shownPath(path), ...table(rows));
    rows = [];
  };
  for (const item of items) {
    if (item.path !== path) {
      flush();
      path = item.path;
    }
    const where = item.group ? `${item.track} › ${item.group}` : item.track;
    rows.push([String(item.line), box(item), when(item), truncate(clean(where), 30), label(item)]);
    for (const sub of item.subtasks) rows.push([String(sub.line), "", "", "", `  ${box(sub)} ${truncate(clean(sub.text), TEXT_WIDTH)}`]);
  }
  flush();
  lines.push(...problemLines(problems));
  return lines.join("\n");
}

export function formatToday(model: TodayModel): string {
  const head = [model.date];
  if (model.termWeek) head.push(model.termWeek);
  head.push(`${model.done}/${model.total} done`, `queue ${model.used}/${model.limit}${model.overCapacity ? " (over capacity)" : ""}`);
  const lines = [head.join(" · ")];
  if (model.fixedToday.length > 0) {
    lines.push("", "Fixed");
    lines.push(...table(model.fixedToday.map((item) => [box(item), label(item), `(${truncate(clean(item.track), 30)})`]), "  "));
  }
  if (model.total === 0 && model.queued.items === 0) {
    lines.push("", model.nextPlannedDay ? `Nothing planned for this day. Next planned day: ${model.nextPlannedDay}` : "Nothing planned for this day.");
  }
  for (const state of ["active", "queued"] as const) {
    const tracks = model.tracks.filter((t) => t.state === state);
    if (tracks.length === 0) continue;
    lines.push("", state === "active" ? "Active" : "Queued");
    for (const track of tracks) {
      const overdue = track.overdue > 0 ? ` · ${track.overdue} overdue` : "";
      const rank = track.rank === null ? "" : `${track.rank}. `;
      const note = track.note === null ? "" : ` (${clean(track.note)})`;
      const next = track.next ? ` · next ${track.next.date} ${label(track.next)}` : "";
      lines.push(`  ${rank}${clean(track.name)}${note}  ${track.done}/${track.total}${overdue}${next}`);
      const rows: string[][] = [];
      for (const item of track.items) {
        rows.push([box(item), label(item), item.group ? `(${truncate(clean(item.group), 30)})` : ""]);
        for (const sub of item.subtasks) rows.push(["", `  ${box(sub)} ${truncate(clean(sub.text), TEXT_WIDTH)}`, ""]);
      }
      lines.push(...table(rows, "       "));
    }
  }
  const overdueCount = model.overdue.reduce((n, g) => n + g.count, 0);
  if (overdueCount > 0) {
    lines.push("", `Overdue (${overdueCount})`);
    for (const group of model.overdue) {
      lines.push(`  ${clean(group.track)}${group.note === null ? "" : ` (${clean(group.note)})`}  ${group.count}`);
      lines.push(...table(group.items.slice(0, 5).map((item) => [when(item), label(item)]), "       "));
      if (group.count > 5) lines.push(`       … ${group.count - 5} more`);
    }
  }
  // Missed within the last 7 days first, then the ones ahead: as the sidebar and `today --json` list them.
  const deadlines = [...model.recentDeadlines, ...model.deadlines];
  if (deadlines.length > 0) lines.push("", "Deadlines", ...deadlineRows(deadlines.slice(0, 10)));
  lines.push(...problemLines(model.problems));
  return lines.join("\n");
}

function deadlineRows(deadlines: Deadline[]): string[] {
  return table(deadlines.map((d) => [
    d.end ?? d.date,
    daysLeftText(d.daysLeft),
    d.venue ? `${d.venue}${d.year ? ` ${d.year}` : ""}` : "",
    `${label(d)}${d.dropped ? " (dropped)" : ""}`,
  ]));
}

export function formatDeadlines(date: string, deadlines: Deadline[]): string {
  if (deadlines.length === 0) return `${date} · no deadlines ahead`;
  return [`${date} · ${plural(deadlines.length, "deadline")}`, "", ...deadlineRows(deadlines)].join("\n");
}

export function formatRoll(plan: RollPlan, written: WriteResult[] | null): string {
  const modes = Object.entries(plan.modes).map(([key, mode]) => {
    const { path, name } = splitTrackKey(key);
    return `${clean(name)} (${clean(path)}): ${mode}`;
  });
  const lines = [`Roll to ${plan.date} · ${plural(plan.changes.length, "change")}, ${plan.skipped.length} skipped`];
  if (modes.length > 0) lines.push(`Modes: ${modes.join(", ")}`);
  if (plan.changes.length > 0) {
    lines.push("", "Changes", ...table(plan.changes.map((c) => [`${shownPath(c.path)}:${c.line}`, clean(c.from), "→", clean(c.to), truncate(clean(c.text), TEXT_WIDTH)])));
  }
  if (plan.skipped.length > 0) {
    lines.push("", "Skipped", ...table(plan.skipped.map((s) => [`${shownPath(s.path)}:${s.line}`, clean(s.reason), truncate(clean(s.text), TEXT_WIDTH)])));
  }
  if (written === null) {
    if (plan.changes.length > 0) lines.push("", "Dry run: add --write to apply.");
  } else {
    const ok = written.filter((w) => w.ok);
    lines.push("", `Wrote ${plural(ok.length, "note")}.`);
    for (const w of written) if (!w.ok) lines.push(`  not written: ${shownPath(w.path)} (${w.reason})`);
  }
  return lines.join("\n");
}

/** One row per track: done/total, the 14-day pace, the planned and the projected end, and the slip. */
export function formatStats(stats: VaultStats): string {
  const recent = stats.days.slice(-14).reduce((sum, d) => sum + d.done, 0);
  const head = `${stats.date} · ${plural(stats.tracks.length, "track")} · ${recent} done in the last 14 days`;
  if (stats.tracks.length === 0) return head;
  const slip = (days: number | null): string => (days === null ? "" : days === 0 ? "on plan" : `${days > 0 ? "+" : ""}${days} d`);
  const rows = [["track", "note", "done", "per day", "planned end", "projected end", "slip"]];
  for (const t of stats.tracks) {
    rows.push([
      truncate(clean(t.track), 30), truncate(shownPath(t.path), 30), `${t.done}/${t.total}`, t.pace.toFixed(2),
      t.plannedEnd ?? "", t.projectedEnd ?? (t.remaining > 0 ? "no pace yet" : ""), slip(t.slipDays),
    ]);
  }
  return [head, "", ...table(rows)].join("\n");
}

/** "Plan 编程指南 (Books/CUDA.md) · 4 items from 2021-03-29 to 2021-03-30", then each change. */
export function formatPlan(plan: TrackPlan, track: string, path: string, written: WriteResult[] | null): string {
  const lines = [plan.end === null
    ? `Plan ${clean(track)} (${shownPath(path)}) · nothing to plan`
    : `Plan ${clean(track)} (${shownPath(path)}) · ${plural(plan.assignments.length, "item")} from ${plan.start} to ${plan.end}, ${plural(plan.changes.length, "change")}`];
  if (plan.changes.length > 0) {
    lines.push("", ...table(plan.changes.map((c) => [`${shownPath(c.path)}:${c.line}`, clean(c.from) || "·", "→", clean(c.to), truncate(clean(c.text), TEXT_WIDTH)])));
  }
  if (written === null) {
    if (plan.changes.length > 0) lines.push("", "Dry run: add --write to apply.");
  } else {
    lines.push("", `Wrote ${plural(written.filter((w) => w.ok).length, "note")}.`);
    for (const w of written) if (!w.ok) lines.push(`  not written: ${shownPath(w.path)} (${w.reason})`);
  }
  return lines.join("\n");
}
