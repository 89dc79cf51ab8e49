// Indexing many notes without blocking the UI: parse until the time budget is spent, then yield.
// The plugin (startup, cache saves) and the benchmark share these loops so the benchmark measures what users get.
import type { NoteStat, VaultIndex } from "./vaultIndex";

/**
 * Notes from this many characters on are parsed in steps. Parsing 64 K characters in one go takes
 * ~10–15 ms while the code is still cold (the 1 MB bench journal, 790 K characters: 110–200 ms), ~2 ms warm.
 */
export const STEPPED_FROM = 64 * 1024;

/** A note's text, optionally with its stat (for the cache); null when the note vanished meanwhile. */
export type ReadResult = string | { text: string; stat?: NoteStat } | null;

export interface BatchOptions {
  /** Gives the UI a turn (e.g. `requestAnimationFrame` or `setTimeout(0)` wrapped in a promise). */
  yieldToUi: () => Promise<void>;
  /** Longest uninterrupted stretch of work, in ms: notes from `steppedFrom` characters on are parsed in steps. */
  budgetMs?: number;
  /** Notes this long (characters) or longer are parsed in steps, with turns for the UI between. */
  steppedFrom?: number;
  now?: () => number;
  /** When given, notes whose stat matches the index (e.g. restored from the cache) are not read. */
  stat?: (path: string) => NoteStat | null;
  /** Checked between notes and steps; when true the run stops (plugin unloaded). */
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
  const steppedFrom = options.steppedFrom ?? STEPPED_FROM;
  const now = options.now ?? (() => Date.now());
  const result: BatchResult = { indexed: 0, skipped: 0, failed: [], yields: 0 };
  let release = index.hold();
  let sliceStart = now();
  const giveTurn = async (): Promise<void> => {
    release();
    await options.yieldToUi();
    result.yields++;
    release = index.hold();
    sliceStart = now();
  };
  /** Indexes a long note in steps, giving the UI a turn whenever the budget is spent; false when cancelled. */
  const updateInSteps = async (path: string, text: string, stat: NoteStat | undefined, known: boolean): Promise<boolean> => {
    const steps = index.updateInSteps(path, text, stat);
    for (let step = steps.next(); !step.done; step = steps.next()) {
      // `true`: the next step may be long; it gets a slice of its own.
      if (!step.value && now() - sliceStart < budget) continue;
      await giveTurn();
      if (options.cancelled?.()) {
        steps.return(false);
        return false;
      }
    }
    // A note that vanished while it was parsed goes (when it was new, no removal had anything to drop).
    if (known && options.stat?.(path) === null) index.remove(path);
    return true;
  };
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
      if (value === null) {
        index.remove(path);
      } else {
        const text = typeof value === "string" ? value : value.text;
        const noteStat = (typeof value === "string" ? undefined : value.stat) ?? stat ?? undefined;
        if (text.length < steppedFrom) index.update(path, text, noteStat);
        else if (!(await updateInSteps(path, text, noteStat, stat !== null))) break;
        result.indexed++;
      }
      if (i < paths.length - 1 && now() - sliceStart >= budget) await giveTurn();
    }
  } finally {
    release();
  }
  return result;
}

export type SliceOptions = Pick<BatchOptions, "yieldToUi" | "budgetMs" | "now" | "cancelled">;

/**
 * Runs stepped work (a generator that yields between short steps), giving the UI a turn whenever the
 * budget is spent. Resolves to the work's result, or null when `cancelled` said so after a turn (the
 * generator is then closed).
 */
export async function runInSlices<T>(steps: Generator<unknown, T, void>, options: SliceOptions): Promise<T | null> {
  const budget = options.budgetMs ?? 16;
  const now = options.now ?? (() => Date.now());
  let sliceStart = now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (now() - sliceStart < budget) continue;
    await options.yieldToUi();
    if (options.cancelled?.()) {
      steps.return(undefined as never);
      return null;
    }
    sliceStart = now();
  }
}
