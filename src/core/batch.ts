// Indexing many notes without blocking the UI: parse until the time budget is spent, then yield.
// The plugin (startup) and the benchmark share this loop so the benchmark measures what users get.
import type { NoteStat, VaultIndex } from "./vaultIndex";

/** A note's text, optionally with its stat (for the cache); null when the note vanished meanwhile. */
export type ReadResult = string | { text: string; stat?: NoteStat } | null;

export interface BatchOptions {
  /** Gives the UI a turn (e.g. `requestAnimationFrame` or `setTimeout(0)` wrapped in a promise). */
  yieldToUi: () => Promise<void>;
  /** Longest uninterrupted stretch of work, in ms. One note larger than this is still parsed whole. */
  budgetMs?: number;
  now?: () => number;
  /** When given, notes whose stat matches the index (e.g. restored from the cache) are not read. */
  stat?: (path: string) => NoteStat | null;
  /** Checked between notes; when true the run stops (plugin unloaded). */
  cancelled?: () => boolean;
}

export interface BatchResult {
  indexed: number;
  /** Fresh in the index already (cache hit), not read. */
  skipped: number;
  failed: { path: string; message: string }[];
  /** How many times the loop yielded to the UI. */
  yields: number;
}

/**
 * Reads and indexes `paths`. Listeners hear about each slice once, when it ends. Never throws: a note
 * that cannot be read is listed in `failed` and the rest carry on.
 */
export async function indexInBatches(
  paths: string[],
  read: (path: string) => Promise<ReadResult> | ReadResult,
  index: VaultIndex,
  options: BatchOptions,
): Promise<BatchResult> {
  const budget = options.budgetMs ?? 16;
  const now = options.now ?? (() => Date.now());
  const result: BatchResult = { indexed: 0, skipped: 0, failed: [], yields: 0 };
  let release = index.hold();
  let sliceStart = now();
  try {
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i];
      if (options.cancelled?.()) break;
      const stat = options.stat?.(path) ?? null;
      if (stat && index.isFresh(path, stat)) {
        result.skipped++;
        continue;
      }
      let value: ReadResult;
      try {
        value = await read(path);
      } catch (error) {
        result.failed.push({ path, message: error instanceof Error ? error.message : String(error) });
        continue;
      }
      if (value === null) index.remove(path);
      else if (typeof value === "string") index.update(path, value, stat ?? undefined);
      else index.update(path, value.text, value.stat ?? stat ?? undefined);
      if (value !== null) result.indexed++;
      if (i < paths.length - 1 && now() - sliceStart >= budget) {
        release();
        await options.yieldToUi();
        result.yields++;
        release = index.hold();
        sliceStart = now();
      }
    }
  } finally {
    release();
  }
  return result;
}
