// Whole-vault measurements: floor, cold, warm and heap. Each reads the notes from disk itself, so no
// run keeps every text alive and the heap figure is the index's own.
import { readFileSync, writeFileSync } from "node:fs";
import { cpuUsage, memoryUsage } from "node:process";
import { VaultIndex } from "../../src/core/vaultIndex";
import type { BenchVault } from "./context";
import { countDatedLines } from "./scan";
import { collectGarbage, median } from "./timing";

export function floorRun(bench: BenchVault): { ms: number; lines: number } {
  const start = performance.now();
  let lines = 0;
  for (const file of bench.abs) lines += countDatedLines(readFileSync(file, "utf8"));
  return { ms: performance.now() - start, lines };
}

export function coldRun(bench: BenchVault): { ms: number; index: VaultIndex } {
  const start = performance.now();
  const index = new VaultIndex();
  index.batch(() => {
    for (let i = 0; i < bench.abs.length; i++) index.update(bench.paths[i], readFileSync(bench.abs[i], "utf8"), bench.stats[i]);
  });
  return { ms: performance.now() - start, index };
}

/** A cold run longer than this means a huge vault: 3 runs instead of 5 keep the bench near 10 minutes. */
const LONG_RUN_MS = 12_000;

/** CPU time of this process (all its threads) in ms: unlike wall time, not stretched by other processes. */
export function cpuMs(since?: ReturnType<typeof cpuUsage>): number {
  const used = cpuUsage(since);
  return (used.user + used.system) / 1000;
}

export interface FloorAndCold { floorMs: number; coldMs: number; floorCpuMs: number; coldCpuMs: number; datedLines: number; runs: number }

/** Interleaved so drift in the machine hits both alike; the first floor pass warms the page cache. */
export function floorAndCold(bench: BenchVault, maxRuns: number): FloorAndCold {
  const floors: number[] = [];
  const colds: number[] = [];
  const floorCpu: number[] = [];
  const coldCpu: number[] = [];
  const warmup = floorRun(bench);
  let runs = maxRuns;
  for (let r = 0; r < runs; r++) {
    collectGarbage();
    let cpu = cpuUsage();
    floors.push(floorRun(bench).ms);
    floorCpu.push(cpuMs(cpu));
    collectGarbage();
    cpu = cpuUsage();
    colds.push(coldRun(bench).ms);
    coldCpu.push(cpuMs(cpu));
    if (r === 0 && colds[0] > LONG_RUN_MS) runs = Math.min(runs, 3);
  }
  return {
    floorMs: median(floors), coldMs: median(colds), floorCpuMs: median(floorCpu), coldCpuMs: median(coldCpu),
    datedLines: warmup.lines, runs,
  };
}

/** Index memory after a full collection, before and after building (and querying) the index: the JS heap
 *  plus ArrayBuffers (the index's columns live in typed arrays, outside `heapUsed`). */
export function buildMeasuringHeap(bench: BenchVault, warmUp: (index: VaultIndex) => void): { index: VaultIndex; heapMB: number; recordsMB: number } {
  const used = (): number => {
    const usage = memoryUsage();
    return usage.heapUsed + usage.arrayBuffers;
  };
  collectGarbage();
  const before = used();
  const { index } = coldRun(bench);
  collectGarbage();
  const records = used();
  warmUp(index); // the per-day lookups the sidebar builds on first use stay in memory too
  collectGarbage();
  const after = used();
  const mb = (bytes: number): number => bytes / (1024 * 1024);
  return { index, heapMB: mb(after - before), recordsMB: mb(records - before) };
}

export interface WarmResult { warmMs: number; cacheMB: number; stale: number; restoredItems: number }

/**
 * Start-up from the persisted cache with nothing changed: read the cache file, restore, and compare each
 * note's stat. The stats are the ones taken when the vault was opened, as for `cold`: Obsidian knows every
 * file's stat before a plugin asks (TFile.stat), so the plugin never stats a file itself.
 */
export function warmStart(bench: BenchVault, index: VaultIndex, runs: number): WarmResult {
  const bytes = index.toCache();
  writeFileSync(bench.cachePath, bytes);
  const times: number[] = [];
  let stale = 0;
  let restoredItems = 0;
  for (let r = 0; r < runs; r++) {
    collectGarbage();
    const start = performance.now();
    const restored = VaultIndex.fromCache(readFileSync(bench.cachePath));
    stale = 0;
    for (let i = 0; i < bench.abs.length; i++) if (!restored.isFresh(bench.paths[i], bench.stats[i])) stale++;
    times.push(performance.now() - start);
    restoredItems = restored.items().length;
  }
  return { warmMs: median(times), cacheMB: bytes.byteLength / (1024 * 1024), stale, restoredItems };
}
