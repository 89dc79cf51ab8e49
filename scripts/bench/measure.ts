// Whole-vault measurements: floor, cold, warm and heap. Each reads the notes from disk itself, so no
// run keeps every text alive and the heap figure is the index's own.
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { IDBFactory } from "fake-indexeddb";
import { cpuUsage, memoryUsage } from "node:process";
import { setImmediate } from "node:timers";
import { indexInBatches } from "../../src/core/index";
import { VaultIndex, type NoteStat } from "../../src/core/index";
import { IndexCacheStore } from "../../src/obsidian/cacheStore";
import { startNodeParseWorkers, type NodeParseWorkers } from "./workers";
import type { BenchVault } from "./context";
import { countDatedLines } from "./scan";
import { collectGarbage, median } from "./timing";

export function floorRun(bench: BenchVault): { ms: number; lines: number } {
  const start = performance.now();
  let lines = 0;
  for (const file of bench.abs) lines += countDatedLines(readFileSync(file, "utf8"));
  return { ms: performance.now() - start, lines };
}

/** The whole index built on this thread alone, reading and parsing in one loop (the plugin without workers). */
export function coldRunOneThread(bench: BenchVault): { ms: number; index: VaultIndex } {
  const start = performance.now();
  const index = new VaultIndex();
  index.batch(() => {
    for (let i = 0; i < bench.abs.length; i++) index.update(bench.paths[i], readFileSync(bench.abs[i], "utf8"), bench.stats[i]);
  });
  return { ms: performance.now() - start, index };
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A note's bytes in a buffer of their own (handed to a worker, not copied; readFileSync's small buffers
 * share one pool). As the plugin does when it has workers, the bytes are decoded where they are parsed.
 */
export function readBytes(file: string, size: number): Uint8Array {
  const fd = openSync(file, "r");
  try {
    const bytes = new Uint8Array(size);
    let got = 0;
    for (let n = 1; got < size && n > 0; got += n) n = readSync(fd, bytes, got, size - got, null);
    return got === size ? bytes : bytes.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/**
 * The plugin's cold start: its batch loop (16 ms slices, turns between) reads every note on this thread
 * and shares the parsing with the parse workers. Reads are synchronous here, as for the floor. Without
 * `workers`, they are started inside the timed stretch, their code not yet compiled (their threads' exit
 * is awaited after it).
 */
export async function coldRun(bench: BenchVault, workers?: NodeParseWorkers): Promise<{ ms: number; index: VaultIndex; onWorkers: number }> {
  let next = 0;
  // Paths are read in order; the lookup only guards that.
  const read = (path: string): { text: Uint8Array; stat: NoteStat } => {
    const i = bench.paths[next] === path ? next++ : bench.paths.indexOf(path);
    return { text: readBytes(bench.abs[i], bench.stats[i].size), stat: bench.stats[i] };
  };
  // The stats Obsidian holds for every file (TFile.stat), which the plugin hands to the loop as well.
  const stats = new Map(bench.paths.map((path, i) => [path, bench.stats[i]]));
  const stat = (path: string): NoteStat | null => stats.get(path) ?? null;
  const start = performance.now();
  const started = workers ?? startNodeParseWorkers();
  const index = new VaultIndex();
  const result = await indexInBatches(bench.paths, read, index, { yieldToUi: nextTurn, now: () => performance.now(), pool: started.pool, stat });
  if (!workers) started.pool.close();
  const ms = performance.now() - start;
  if (!workers) await started.stop();
  if (result.indexed !== bench.paths.length || result.failed.length > 0) throw new Error(`cold run indexed ${result.indexed} of ${bench.paths.length} notes`);
  return { ms, index, onWorkers: result.onWorkers };
}

/** A cold run longer than this means a huge vault: 3 runs instead of 5 keep the bench near 10 minutes. */
const LONG_RUN_MS = 12_000;

/** CPU time of this process (all its threads) in ms: unlike wall time, not stretched by other processes. */
export function cpuMs(since?: ReturnType<typeof cpuUsage>): number {
  const used = cpuUsage(since);
  return (used.user + used.system) / 1000;
}

export interface FloorAndCold {
  floorMs: number; coldMs: number; coldFreshWorkersMs: number; coldOneThreadMs: number; floorCpuMs: number; coldCpuMs: number;
  datedLines: number; runs: number;
  /** Notes of the last cold run whose records came from the workers (the rest were parsed on the reading thread). */
  onWorkers: number;
}

/**
 * Interleaved so drift in the machine hits all alike. As for this thread, whose code is compiled by the
 * warm-up passes, `cold` runs on workers started once and warmed by one discarded run; `coldFreshWorkers`
 * starts new workers inside each run, as a start of the plugin does (reported, not budgeted).
 */
export async function floorAndCold(bench: BenchVault, maxRuns: number): Promise<FloorAndCold> {
  const floors: number[] = [];
  const colds: number[] = [];
  const fresh: number[] = [];
  const oneThread: number[] = [];
  const floorCpu: number[] = [];
  const coldCpu: number[] = [];
  const warmup = floorRun(bench);
  const pool = startNodeParseWorkers();
  await coldRun(bench, pool);
  let onWorkers = 0;
  let runs = maxRuns;
  try {
    for (let r = 0; r < runs; r++) {
      collectGarbage();
      let cpu = cpuUsage();
      floors.push(floorRun(bench).ms);
      floorCpu.push(cpuMs(cpu));
      collectGarbage();
      cpu = cpuUsage();
      const cold = await coldRun(bench, pool);
      colds.push(cold.ms);
      coldCpu.push(cpuMs(cpu)); // the workers' CPU time included: cpuUsage counts every thread
      onWorkers = cold.onWorkers;
      collectGarbage();
      fresh.push((await coldRun(bench)).ms);
      collectGarbage();
      oneThread.push(coldRunOneThread(bench).ms);
      if (r === 0 && oneThread[0] > LONG_RUN_MS) runs = Math.min(runs, 3);
    }
  } finally {
    await pool.stop();
  }
  return {
    floorMs: median(floors), coldMs: median(colds), coldFreshWorkersMs: median(fresh), coldOneThreadMs: median(oneThread),
    floorCpuMs: median(floorCpu), coldCpuMs: median(coldCpu), datedLines: warmup.lines, runs, onWorkers,
  };
}

/** Index memory after a full collection, before and after building (and querying) the index: the JS heap
 *  plus ArrayBuffers (the index's columns live in typed arrays, outside `heapUsed`). */
export async function buildMeasuringHeap(bench: BenchVault, warmUp: (index: VaultIndex) => void): Promise<{ index: VaultIndex; heapMB: number; recordsMB: number }> {
  const used = (): number => {
    const usage = memoryUsage();
    return usage.heapUsed + usage.arrayBuffers;
  };
  collectGarbage();
  const before = used();
  const { index } = await coldRun(bench);
  collectGarbage();
  const records = used();
  warmUp(index); // the per-day lookups the sidebar builds on first use stay in memory too
  collectGarbage();
  const after = used();
  const mb = (bytes: number): number => bytes / (1024 * 1024);
  return { index, heapMB: mb(after - before), recordsMB: mb(records - before) };
}

export interface WarmResult { warmMs: number; warmReadMs: number; cacheMB: number; stale: number; restoredItems: number; store: IndexCacheStore }

/**
 * Start-up from the persisted cache with nothing changed: read the cache through the plugin's own store
 * (IndexCacheStore: open the database, one readonly transaction, close), restore, and compare each
 * note's stat. The IndexedDB is fake-indexeddb, in this process's memory: the read is a structured clone
 * of the record, not the app's read from disk. The stats are the ones taken when the vault was opened,
 * as for `cold`: Obsidian knows every file's stat before a plugin asks (TFile.stat), so the plugin never
 * stats a file itself.
 */
export async function warmStart(bench: BenchVault, index: VaultIndex, runs: number): Promise<WarmResult> {
  const bytes = index.toCache();
  const store = new IndexCacheStore(new IDBFactory(), "brain-queue-index-cache-bench");
  await store.write(bytes);
  const times: number[] = [];
  const reads: number[] = [];
  let stale = 0;
  let restoredItems = 0;
  for (let r = 0; r < runs; r++) {
    collectGarbage();
    const start = performance.now();
    const cached = await store.read();
    reads.push(performance.now() - start);
    const restored = VaultIndex.fromCache(cached);
    stale = 0;
    for (let i = 0; i < bench.abs.length; i++) if (!restored.isFresh(bench.paths[i], bench.stats[i])) stale++;
    times.push(performance.now() - start);
    restoredItems = restored.items().length;
  }
  return { warmMs: median(times), warmReadMs: median(reads), cacheMB: bytes.byteLength / (1024 * 1024), stale, restoredItems, store };
}
