// `longestTask`: a cold start through indexInBatches with parse workers, as the plugin runs it, yielding
// with setImmediate, while a heartbeat
// (one setImmediate after another, as the UI's turns would be) records the longest gap between beats.
import { readFile } from "node:fs/promises";
import { setImmediate } from "node:timers";
import { indexInBatches } from "../../src/core/index";
import { VaultIndex } from "../../src/core/index";
import type { BenchVault } from "./context";
import { startNodeParseWorkers } from "./workers";

export interface LongestTaskResult { longestTaskMs: number; longestSliceMs: number; totalMs: number; yields: number; indexed: number }

export async function longestTask(bench: BenchVault): Promise<LongestTaskResult> {
  const byPath = new Map(bench.paths.map((p, i) => [p, i]));
  let running = true;
  let longestGap = 0;
  let lastBeat = performance.now();
  const beat = (): void => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - lastBeat);
    lastBeat = now;
    if (running) setImmediate(beat);
  };
  // Work stretches as the loop sees them: from resuming after a yield until the next yield.
  let longestSlice = 0;
  let sliceStart = performance.now();
  const yieldToUi = (): Promise<void> => {
    longestSlice = Math.max(longestSlice, performance.now() - sliceStart);
    return new Promise((resolve) => setImmediate(() => { sliceStart = performance.now(); resolve(); }));
  };
  const index = new VaultIndex();
  // Bytes, as the plugin reads when it has workers (fs/promises gives each file a buffer of its own).
  const read = async (path: string): Promise<{ text: Uint8Array; stat: { mtime: number; size: number } }> => {
    const i = byPath.get(path)!;
    return { text: await readFile(bench.abs[i]), stat: bench.stats[i] };
  };
  setImmediate(beat);
  const start = performance.now();
  sliceStart = start;
  const workers = startNodeParseWorkers();
  const stat = (path: string): { mtime: number; size: number } | null => bench.stats[byPath.get(path) ?? -1] ?? null;
  const result = await indexInBatches(bench.paths, read, index, { yieldToUi, now: () => performance.now(), pool: workers.pool, stat });
  workers.pool.close(); // as the plugin does when the index is complete
  const totalMs = performance.now() - start;
  longestSlice = Math.max(longestSlice, performance.now() - sliceStart);
  running = false;
  await workers.stop();
  if (result.failed.length > 0) throw new Error(`indexInBatches failed on ${result.failed.length} notes: ${result.failed[0].message}`);
  return { longestTaskMs: longestGap, longestSliceMs: longestSlice, totalMs, yields: result.yields, indexed: result.indexed };
}
