// Writing the index cache: `toCache()` in one go (what a save used to cost the main thread), and the
// stepped encode the plugin runs, through the same loop (runInSlices), yielding with setImmediate.
import { Buffer } from "node:buffer";
import { setImmediate } from "node:timers";
import { runInSlices } from "../../src/core/index";
import { CACHE_SLICE_MS } from "../../src/core/storage";
import type { VaultIndex } from "../../src/core/index";
import { collectGarbage, median } from "./timing";

export interface CacheWriteResult { oneGoMs: number; steppedMs: number; longestSliceMs: number; slices: number }

/** Medians of `runs` encodes each way, and of each stepped run's longest slice (one stalled run is not the rule). */
export async function cacheWrite(index: VaultIndex, runs: number): Promise<CacheWriteResult> {
  const oneGo: number[] = [];
  const stepped: number[] = [];
  const longest: number[] = [];
  let slices = 0;
  for (let r = 0; r < runs; r++) {
    let longestSlice = 0;
    collectGarbage();
    let start = performance.now();
    const expected = index.toCache();
    oneGo.push(performance.now() - start);
    collectGarbage();
    // Work stretches as the loop sees them: from resuming after a yield until the next yield.
    let sliceStart = performance.now();
    slices = 1;
    const yieldToUi = (): Promise<void> => {
      longestSlice = Math.max(longestSlice, performance.now() - sliceStart);
      slices++;
      return new Promise((resolve) => setImmediate(() => { sliceStart = performance.now(); resolve(); }));
    };
    start = sliceStart = performance.now();
    const bytes = await runInSlices(index.toCacheInSteps(), { yieldToUi, budgetMs: CACHE_SLICE_MS, now: () => performance.now() });
    longestSlice = Math.max(longestSlice, performance.now() - sliceStart);
    stepped.push(performance.now() - start);
    longest.push(longestSlice);
    if (!bytes || !sameBytes(bytes, expected)) throw new Error("the stepped cache encode differs from toCache()");
  }
  return { oneGoMs: median(oneGo), steppedMs: median(stepped), longestSliceMs: median(longest), slices };
}

const view = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.compare(view(a), view(b)) === 0;
