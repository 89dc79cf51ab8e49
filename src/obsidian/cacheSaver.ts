// When the index is written to its cache. A timed save encodes in slices between turns for the UI
// (a large vault's index takes long to encode); unloading writes only when the next start would
// otherwise be cold.
import { runInSlices } from "../core/index";
import { CACHE_SLICE_MS } from "../core/storage";
import type { VaultIndex } from "../core/index";
import type { IndexCacheStore } from "./cacheStore";
import type { Indexer } from "./indexer";

/** The cache is written at most this often after a change (it can be large). */
export const CACHE_SAVE_MS = 30_000;

/** An index and its version at the time. */
interface Snapshot { index: VaultIndex; version: number }

export class CacheSaver {
  /**
   * What the cache holds (or the last write is writing): undefined before the first write, when it
   * holds what start-up restored, if anything; null after a failed write (then nothing is known).
   */
  private written: Snapshot | null | undefined = undefined;
  private timer: number | null = null;
  private saving: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly store: Pick<IndexCacheStore, "write" | "clear">,
    private readonly indexer: Pick<Indexer, "ready" | "index" | "restored">,
    private readonly yieldToUi: () => Promise<void>,
  ) {}

  /** Saves CACHE_SAVE_MS from now, unless a save is already due. */
  schedule(): void {
    if (this.timer !== null || this.stopped || !this.indexer.ready) return;
    this.timer = window.setTimeout(() => void this.save(), CACHE_SAVE_MS);
  }

  /** Writes the index unless the cache holds it as it is; encodes in slices, so the UI stays responsive. */
  async save(): Promise<void> {
    this.clearTimer();
    // One save at a time: a call during a save waits for it, then saves whatever changed since.
    while (this.saving) await this.saving;
    if (this.stopped || !this.indexer.ready) return;
    const index = this.indexer.index;
    const stored = this.stored();
    if (stored?.index === index && stored.version === index.version) return;
    this.saving = this.encodeAndWrite(index).finally(() => {
      this.saving = null;
    });
    await this.saving;
  }

  /**
   * On unload, which cannot wait for slices. When the cache holds this index, even a version behind, it
   * is left alone: start-up checks every note's stat and reads again only the notes changed since the
   * last save, which costs less than encoding the whole index now with the app waiting (seconds in a
   * large vault: docs/performance.md). Otherwise (the first build was never saved, or a settings change
   * rebuilt the index) the next start would be cold: that is worth encoding in one go.
   */
  unload(): void {
    this.stopped = true; // a save in slices stops at its next turn, unwritten
    this.clearTimer();
    if (!this.indexer.ready || this.stored()?.index === this.indexer.index) return;
    const index = this.indexer.index;
    void this.write({ index, version: index.version }, index.toCache()).catch(() => undefined);
  }

  /** Deletes the stored cache, after any save under way; the next save writes the index whole. */
  async clear(): Promise<void> {
    this.clearTimer();
    while (this.saving) await this.saving;
    this.written = null;
    await this.store.clear();
  }

  private async encodeAndWrite(index: VaultIndex): Promise<void> {
    const version = index.version;
    // The encode is of the index as it is now; changes made meanwhile are in the next save.
    const bytes = await runInSlices(index.toCacheInSteps(), {
      yieldToUi: this.yieldToUi,
      budgetMs: CACHE_SLICE_MS,
      now: () => performance.now(),
      // A settings change swapped in a new index: it will be saved in its turn.
      cancelled: () => this.stopped || this.indexer.index !== index,
    });
    if (bytes) await this.write({ index, version }, bytes).catch(() => undefined);
  }

  private async write(snapshot: Snapshot, bytes: Uint8Array): Promise<void> {
    this.written = snapshot;
    try {
      await this.store.write(bytes);
    } catch (error) {
      if (this.written === snapshot) this.written = null; // try again after the next change
      throw error;
    }
  }

  private stored(): Snapshot | null {
    return this.written === undefined ? this.indexer.restored : this.written;
  }

  private clearTimer(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
  }
}
