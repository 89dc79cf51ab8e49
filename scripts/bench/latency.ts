// Per-edit latencies: re-indexing one note after a one-character edit, and building the sidebar model.
import { readFileSync } from "node:fs";
import { DEFAULT_SETTINGS } from "../../src/core/base";
import {
  buildToday, CompletionHistory, eventLine, parseEvents, SIDEBAR_OVERDUE_LIMIT, statsOfTracks, type CompletionEvent, type TodayModel, vaultStats,
} from "../../src/core/planner";

/** What the sidebar asks for (main.ts): overdue counts, and the first items of each track. */
const SIDEBAR = { overdueLimit: SIDEBAR_OVERDUE_LIMIT };
import { VaultIndex } from "../../src/core/index";
import type { IndexCacheStore } from "../../src/obsidian/cacheStore";
import { cpuUsage } from "node:process";
import type { BenchVault } from "./context";
import { DEEP_SHAPES } from "./deepNotes";
import { BENCH_DAY } from "./fragments";
import { median, percentile } from "./timing";

export const BENCH_NOW = new Date(2026, 2, 10, 9, 30);

/** The note with one character changed inside an item's text (the middle item), as typing would. */
export function oneCharEdit(text: string): string {
  const lines = text.split("\n");
  const items = lines.map((line, i) => (/^\s*- \[.\] .*\S$/.test(line) ? i : -1)).filter((i) => i >= 0);
  const target = items[Math.floor(items.length / 2)] ?? Math.floor(lines.length / 2);
  const line = lines[target];
  lines[target] = line.endsWith("a") ? `${line.slice(0, -1)}b` : `${line}a`;
  return lines.join("\n");
}

export interface Latency { p50: number; p95: number; p95Cpu: number; samples: number }

/** Alternates the original and edited text so every update is a real change. */
export function reindexLatency(bench: BenchVault, index: VaultIndex, path: string, samples: number, warmup = 10): Latency {
  const i = bench.paths.indexOf(path);
  if (i < 0) throw new Error(`${path} is not in the vault`);
  const original = readFileSync(bench.abs[i], "utf8");
  const edited = oneCharEdit(original);
  const stat = bench.stats[i];
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let n = 0; n < warmup + samples; n++) {
    const text = n % 2 === 0 ? edited : original;
    const cpu = cpuUsage();
    const start = performance.now();
    index.update(path, text, { mtime: stat.mtime + n + 1, size: stat.size });
    const ms = performance.now() - start;
    const used = cpuUsage(cpu);
    if (n >= warmup) { times.push(ms); cpuTimes.push((used.user + used.system) / 1000); }
  }
  index.update(path, original, stat);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p95Cpu: percentile(cpuTimes, 95), samples };
}

export interface DeepReindex { worstP95: number; worstShape: string; shapes: { shape: string; p50: number; p95: number; p95Cpu: number }[] }

/** Depth of the nested shapes: a 1 MB note holds one line of 8,000 list markers and 65 lines continuing them. */
export const DEEP_DEPTH = 8000;

/**
 * A keystroke in a 1 MB note of each extreme shape (containers 8,000 deep, continued, left, blank,
 * lazy; quotes; a staircase): the whole re-index in one go, as `index.update` does it, alternating the
 * original and edited text. The plugin runs it in steps with turns for the UI between them; this is
 * the full cost those steps add up to. Each note joins the index and leaves it afterwards.
 */
export function deepReindexLatency(index: VaultIndex, samples: number, warmup = 2): DeepReindex {
  const shapes = DEEP_SHAPES.map((shape, k) => {
    const path = `Deep/shape-${k}.md`;
    const original = shape.note(DEEP_DEPTH, 1 << 20);
    const edited = oneCharEdit(original);
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let n = 0; n < warmup + samples; n++) {
      const cpu = cpuUsage();
      const start = performance.now();
      index.update(path, n % 2 === 0 ? edited : original);
      const ms = performance.now() - start;
      const used = cpuUsage(cpu);
      if (n >= warmup) { times.push(ms); cpuTimes.push((used.user + used.system) / 1000); }
    }
    index.remove(path);
    return { shape: shape.name, p50: percentile(times, 50), p95: percentile(times, 95), p95Cpu: percentile(cpuTimes, 95) };
  });
  const worst = shapes.reduce((a, b) => (b.p95 > a.p95 ? b : a));
  return { worstP95: worst.p95, worstShape: worst.shape, shapes };
}

/**
 * The sidebar refresh after an edit: one note re-indexed (not timed), then buildToday (timed),
 * so the index's per-day lookups are rebuilt the way they are after every keystroke.
 */
export function todayLatency(bench: BenchVault, index: VaultIndex, path: string, runs: number): { todayMs: number; todayCachedMs: number; model: TodayModel } {
  const i = bench.paths.indexOf(path);
  const original = readFileSync(bench.abs[i], "utf8");
  const edited = oneCharEdit(original);
  const afterEdit: number[] = [];
  const cached: number[] = [];
  const first = performance.now();
  let model = sidebarRefresh(index);
  if (performance.now() - first > 1000) runs = Math.min(runs, 3); // keeps a huge vault's bench near 10 minutes
  for (let r = 0; r < runs + 1; r++) {
    index.update(path, r % 2 === 0 ? edited : original, bench.stats[i]);
    let start = performance.now();
    model = sidebarRefresh(index);
    if (r > 0) afterEdit.push(performance.now() - start);
    start = performance.now();
    sidebarRefresh(index);
    if (r > 0) cached.push(performance.now() - start);
  }
  index.update(path, original, bench.stats[i]);
  return { todayMs: median(afterEdit), todayCachedMs: median(cached), model };
}

/** What the sidebar works out after a change: the model, and the active tracks' pace and forecast (todayView.ts). */
function sidebarRefresh(index: VaultIndex): TodayModel {
  const model = buildToday(index, BENCH_DAY, BENCH_NOW, DEFAULT_SETTINGS, SIDEBAR);
  statsOfTracks(index, BENCH_DAY, model.active);
  return model;
}

/**
 * Loading a year of daily ticks from a device's history file (issue 20): five ticks a day, one untick a
 * week, parsed and merged as the plugin does at start.
 */
export function historyLoadLatency(runs: number): { historyLoadMs: number; historyEvents: number } {
  const events: CompletionEvent[] = [];
  const start = Date.UTC(2025, 2, 10);
  for (let d = 0; d < 365; d++) {
    const day = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    for (let k = 0; k < 5; k++) {
      const seq = events.length;
      events.push({ device: "bench", seq, at: start + d * 86_400_000 + k, path: `Plans/Track ${k}.md`, text: `第${d}天 任务 ${k}`, occurrence: 0, day });
    }
    if (d % 7 === 6) events.push({ ...events[events.length - 1], seq: events.length, at: start + d * 86_400_000 + 10, day: null });
  }
  const text = events.map(eventLine).join("");
  const times: number[] = [];
  for (let r = 0; r < runs + 1; r++) {
    const begin = performance.now();
    new CompletionHistory().add(parseEvents("bench", text));
    if (r > 0) times.push(performance.now() - begin);
  }
  return { historyLoadMs: median(times), historyEvents: events.length };
}

/**
 * Every track's pace and forecast (cli stats, the sidebar's forecasts) on the warm index: the first answer
 * counts every note; after an edit only the edited note is counted again.
 */
export function statsLatency(bench: BenchVault, index: VaultIndex, path: string, runs: number): { statsFirstMs: number; statsMs: number } {
  const i = bench.paths.indexOf(path);
  const original = readFileSync(bench.abs[i], "utf8");
  const edited = oneCharEdit(original);
  let start = performance.now();
  vaultStats(index, BENCH_DAY);
  const statsFirstMs = performance.now() - start;
  const afterEdit: number[] = [];
  for (let r = 0; r < runs; r++) {
    index.update(path, r % 2 === 0 ? edited : original, bench.stats[i]);
    start = performance.now();
    vaultStats(index, BENCH_DAY);
    afterEdit.push(performance.now() - start);
  }
  index.update(path, original, bench.stats[i]);
  return { statsFirstMs, statsMs: median(afterEdit) };
}

/** For the heap figure: the lookups buildToday makes, so their caches are part of the steady state. */
export function warmQueries(index: VaultIndex): void {
  buildToday(index, BENCH_DAY, BENCH_NOW, DEFAULT_SETTINGS, SIDEBAR);
}

/** The sidebar's first model after a warm start: what the restored index must still work out (and decode). */
export async function firstTodayAfterWarm(store: Pick<IndexCacheStore, "read">): Promise<number> {
  const restored = VaultIndex.fromCache(await store.read());
  const start = performance.now();
  buildToday(restored, BENCH_DAY, BENCH_NOW, DEFAULT_SETTINGS, SIDEBAR);
  return performance.now() - start;
}
