// Indexing many notes without blocking the UI: parse until the time budget is spent, then yield.
// The plugin (startup, cache saves) and the benchmark share these loops so the benchmark measures what users get.
import { errorMessage } from "../base";
import { decodeNote, type NoteText } from "../markdown";
import type { ParsePool } from "../storage";
import { SharedParse, type ReadBatch } from "./sharedParse";
import type { NoteStat, VaultIndex } from "./vaultIndex";

/**
 * Notes from this many characters on are parsed in steps. Parsing 64 K characters in one go takes
 * ~10–15 ms while the code is still cold (the 1 MB bench journal, 790 K characters: 110–200 ms), ~2 ms warm.
 */
export const STEPPED_FROM = 64 * 1024;

/**
 * A note's text (or its UTF-8 bytes, which a parse worker decodes off this thread), optionally with its
 * stat (for the cache); null when the note vanished meanwhile.
 */
export type ReadResult = string | { text: NoteText; stat?: NoteStat } | null;

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
  /** Workers to parse on: this thread reads, hands batches of notes to them and parses a batch itself
   *  whenever they are busy (sharedParse.ts). */
  pool?: ParsePool | null;
  /** Characters (or bytes) per batch sent to the workers; WORKER_BATCH_SIZE unless a test says otherwise. */
  workerBatchSize?: number;
}

export interface BatchResult {
  indexed: number;
  /** Fresh in the index already (cache hit), not read. */
  skipped: number;
  failed: { path: string; message: string }[];
  /** How many times the loop yielded to the UI. */
  yields: number;
  /** Notes whose records came from the parse workers (the rest of `indexed` was parsed on this thread). */
  onWorkers: number;
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
  const result: BatchResult = { indexed: 0, skipped: 0, failed: [], yields: 0, onWorkers: 0 };
  let release = index.hold();
  let sliceStart = now();
  const giveTurn = async (): Promise<void> => {
    release();
    await options.yieldToUi();
    result.yields++;
    release = index.hold();
    sliceStart = now();
  };
  /** Gives the UI a turn once the budget is spent; false when the run was cancelled meanwhile. */
  const turnIfDue = async (): Promise<boolean> => {
    if (now() - sliceStart < budget) return true;
    await giveTurn();
    return !options.cancelled?.();
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
  /** Parses one note on this thread: long ones in steps with turns for the UI; false when cancelled meanwhile. */
  const parseHere = async (path: string, text: NoteText, stat: NoteStat | undefined, known: boolean): Promise<boolean> => {
    const decoded = decodeNote(text);
    if (decoded.length < steppedFrom) index.update(path, decoded, stat);
    else if (!(await updateInSteps(path, decoded, stat, known))) return false;
    return true;
  };
  /** A note of a batch the workers could not parse, whose bytes went to them: read again (null: vanished;
   *  undefined: unreadable now, listed in `failed`, its record left as it was). */
  const readAgain = async (path: string): Promise<{ text: NoteText; stat?: NoteStat } | null | undefined> => {
    try {
      const value = await read(path);
      return typeof value === "string" ? { text: value } : value;
    } catch (error) {
      result.failed.push({ path, message: errorMessage(error) });
      return undefined;
    }
  };
  /** Parses a batch's notes here, with turns for the UI between them; false when cancelled. */
  const parseBatchHere = async (batch: ReadBatch, only: (k: number) => boolean): Promise<boolean> => {
    for (let k = 0; k < batch.paths.length; k++) {
      if (!only(k)) continue;
      const path = batch.paths[k];
      if (options.stat?.(path) === null) index.remove(path); // vanished since it was read
      else {
        const again = batch.handedOver ? await readAgain(path) : { text: batch.texts[k], stat: batch.stats[k] ?? undefined };
        if (again === null) index.remove(path);
        else if (again !== undefined && !(await parseHere(path, again.text, again.stat ?? batch.stats[k] ?? undefined, batch.before[k] !== undefined))) return false;
      }
      if (!(await turnIfDue())) return false;
    }
    return true;
  };
  const pool = options.pool && options.pool.size > 0 ? options.pool : null;
  let next = 0;
  const toRead = pool ? sizesFrom(paths, options.stat) : null;
  const shared = pool ? new SharedParse(pool, index, {
    stat: options.stat, cancelled: options.cancelled, parseHere: parseBatchHere, batchSize: options.workerBatchSize,
    remaining: toRead ? () => toRead[next] : undefined,
  }) : null;
  try {
    for (let i = 0; i < paths.length; i++) {
      next = i + 1;
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
        result.failed.push({ path, message: errorMessage(error) });
        continue;
      }
      if (value === null) {
        index.remove(path);
      } else {
        const text = typeof value === "string" ? value : value.text;
        const noteStat = (typeof value === "string" ? undefined : value.stat) ?? stat ?? undefined;
        if (shared) {
          if (!(await shared.add(path, text, noteStat))) break;
        } else if (!(await parseHere(path, text, noteStat, stat !== null))) break;
        result.indexed++;
      }
      if (i < paths.length - 1 && now() - sliceStart >= budget) await giveTurn();
    }
    if (shared && !options.cancelled?.()) await shared.finish();
  } finally {
    release();
    result.onWorkers = shared?.onWorkers ?? 0;
  }
  return result;
}

/** For each position, the size of the notes from there on (by their stats); null when a stat is missing. */
function sizesFrom(paths: string[], stat: BatchOptions["stat"]): Float64Array | null {
  if (!stat) return null;
  const sizes = new Float64Array(paths.length + 1);
  for (let i = paths.length - 1; i >= 0; i--) {
    const size = stat(paths[i])?.size;
    if (size === undefined) return null;
    sizes[i] = sizes[i + 1] + size;
  }
  return sizes;
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
