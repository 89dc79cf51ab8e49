// The start-up index's work shared between this thread and the parse workers: notes are read here in
// batches; a batch goes to a worker when one has room, else it is parsed here, so both threads stay busy
// and the workers never wait for the next batch. Answers are taken in order; a note edited or removed
// since it was read keeps its newer state, and a batch a failed worker had is parsed here after all.
import { noteSize, ownBuffer, type NoteText } from "../markdown";
import type { ParsedRecords, ParsePool } from "../storage";
import type { NoteRecord, NoteStat, VaultIndex } from "./vaultIndex";

/** Notes go to the workers in batches of about this many characters (or bytes): some 3 ms of parsing. */
export const WORKER_BATCH_SIZE = 256 * 1024;

/** Notes read and waiting to be parsed, with each one's record when it was read. */
export interface ReadBatch {
  paths: string[];
  texts: NoteText[];
  stats: (NoteStat | null)[];
  before: (NoteRecord | undefined)[];
  size: number;
  /** Its bytes went to a worker (handed over, not copied): parsing it here means reading it again. */
  handedOver: boolean;
}

/** A batch out with the workers; `answer` once they replied ("failed" when they could not: it is parsed here). */
interface SentBatch extends ReadBatch {
  answer?: ParsedRecords | "failed";
  answered: Promise<void>;
}

const emptyBatch = (): ReadBatch => ({ paths: [], texts: [], stats: [], before: [], size: 0, handedOver: false });

export interface SharedParseHooks {
  stat?: (path: string) => NoteStat | null;
  cancelled?: () => boolean;
  /** Parses the batch's notes `only(k)` selects on this thread (the batch loop's own way); false when cancelled. */
  parseHere: (batch: ReadBatch, only: (k: number) => boolean) => Promise<boolean>;
  batchSize?: number;
  /** About how much (characters or bytes) is still to be read after the notes added so far. */
  remaining?: () => number;
}

export class SharedParse {
  /** Notes whose records came from the workers. */
  onWorkers = 0;
  private filling = emptyBatch();
  private readonly sent: SentBatch[] = [];

  constructor(private readonly pool: ParsePool, private readonly index: VaultIndex, private readonly hooks: SharedParseHooks) {}

  /** A note gone from the vault since it was read: it goes from the index too. */
  private vanished(path: string): boolean {
    return this.hooks.stat?.(path) === null;
  }

  private get batchSize(): number {
    return this.hooks.batchSize ?? WORKER_BATCH_SIZE;
  }

  /** Adds a note just read; false when the run was cancelled. */
  async add(path: string, text: NoteText, stat: NoteStat | undefined): Promise<boolean> {
    const batch = this.filling;
    batch.paths.push(path);
    batch.texts.push(text);
    batch.stats.push(stat ?? null);
    batch.before.push(this.index.note(path));
    batch.size += noteSize(text);
    if (batch.size >= this.batchSize && !(await this.dispatch())) return false;
    return this.takeAnswered(false);
  }

  /** Sends or parses what is left and takes every answer; false when the run was cancelled. */
  async finish(): Promise<boolean> {
    if (this.filling.paths.length > 0 && !(await this.dispatch())) return false;
    return this.takeAnswered(true);
  }

  private unchanged(batch: ReadBatch, k: number): boolean {
    return this.index.note(batch.paths[k]) === batch.before[k];
  }

  private async dispatch(): Promise<boolean> {
    const batch = this.filling;
    this.filling = emptyBatch();
    if (this.pool.saturated || this.enoughQueued()) return this.hooks.parseHere(batch, (k) => this.unchanged(batch, k));
    const transfer: ArrayBuffer[] = [];
    for (const text of batch.texts) {
      const buffer = ownBuffer(text);
      if (buffer) transfer.push(buffer);
    }
    batch.handedOver = transfer.length > 0;
    const out: SentBatch = Object.assign(batch, { answered: Promise.resolve() });
    out.answered = this.pool.parse({ options: this.index.options, paths: batch.paths, texts: batch.texts, stats: batch.stats }, transfer)
      .then((records) => { out.answer = records; }, () => { out.answer = "failed"; });
    this.sent.push(out);
    return true;
  }

  /**
   * Near the end: the workers' queues hold more than is left to read, so they stay busy to the end
   * anyway. The rest is parsed here, or this thread would sit waiting while the workers drain them.
   */
  private enoughQueued(): boolean {
    const remaining = this.hooks.remaining?.();
    return remaining !== undefined && remaining < this.pool.queued * this.batchSize;
  }

  /** Takes the batches answered so far, in order; with `all`, waits for every one. False when cancelled. */
  private async takeAnswered(all: boolean): Promise<boolean> {
    while (this.sent.length > 0 && (all || this.sent[0].answer !== undefined)) {
      const batch = this.sent.shift()!;
      if (batch.answer === undefined) await batch.answered;
      if (this.hooks.cancelled?.() || !(await this.take(batch))) return false;
    }
    return true;
  }

  /** Stores a batch's records where the note is still as it was read; what the workers did not do is done here. */
  private async take(batch: SentBatch): Promise<boolean> {
    const records = batch.answer;
    if (!Array.isArray(records)) return this.hooks.parseHere(batch, (k) => this.unchanged(batch, k));
    this.onWorkers += this.index.adopt(batch.paths, batch.stats, records, (path, k) => this.unchanged(batch, k) && !this.vanished(path));
    // Left to do here: removing notes that vanished meanwhile.
    return this.hooks.parseHere(batch, (k) => this.unchanged(batch, k) && this.vanished(batch.paths[k]));
  }
}
