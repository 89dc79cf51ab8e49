// The index's persisted form: bytes, so start-up reads the columns back instead of parsing JSON.
// After a header: stats (Float64), checksums (Int32), numbers (Int32), string lengths (Int32), each
// note's item text as UTF-8 (each on a 4-byte boundary), and the short strings (paths, names) as one
// UTF-8 run decoded in a single call. Records are keyed by path with mtime + size, so a restart re-reads
// only the notes that changed. Every note has a checksum over its stats, numbers, lengths and text; the
// short strings with the header have one, the selection keys another: a damaged note is not restored
// (it is read again), damaged short strings restore nothing. This file writes the format;
// indexCacheRead.ts restores it.
import type { NoteItems } from "../items";
import type { QueueBlock } from "../items";
import type { NoteRecord } from "../items";
import { CHECKSUM_SEED, mixBytes, mixWord, mixWords, wordAligned } from "./checksum";
import { ChunkedColumn, Utf8Chunks } from "./chunks";

/** Raised whenever parsing reads the same text differently (then a cached record would be stale). */
export const INDEX_CACHE_VERSION = 8;
export const MAGIC = 0x43495142; // "BQIC" read as a little-endian u32
export const BYTE_ORDER = 0x01020304;
/** An even count: the stats after the header are Float64s, which need 8-byte alignment. */
export const HEADER_INTS = 12;
/** Checksums after the notes' own: the header with the short strings, then the selection keys. */
export const SHARED_SUMS = 2;
/** Longest stretch of a stepped encode (ms) before the UI gets a turn: a step or so past it at most. */
export const CACHE_SLICE_MS = 8;


/** Columns read from a cache: the text stays UTF-8 in the file's buffer until something reads it. */
export class CachedNoteItems implements NoteItems {
  private decoded: string | null = null;
  constructor(
    readonly count: number, readonly cols: Int32Array, readonly bodiesEnd: number, readonly names: string[],
    /** The text as stored, and its length in UTF-16 units (what the columns' offsets count). */
    readonly utf8: Uint8Array, readonly length: number,
  ) {}

  get text(): string {
    if (this.decoded === null) {
      const text = new TextDecoder().decode(this.utf8);
      // Damaged bytes can decode to another length; the offsets must still fall inside the text.
      this.decoded = text.length === this.length ? text : text.padEnd(this.length).slice(0, this.length);
    }
    return this.decoded;
  }
}

/** Short strings are encoded to UTF-8 in runs of about this many characters, between notes. */
const STRING_RUN = 64 * 1024;
/** Bytes copied into the output per step (fresh memory is slow to touch on some systems). */
const COPY_STEP = 256 * 1024;

// A lone surrogate would come back from UTF-8 as U+FFFD: a note holding one is not cached (it is re-read).
// Without the `u` flag the first test is a plain scan for any surrogate code unit; most notes have none.
// With it a pair is one code point outside the range, so only a lone half matches (no lookbehind needed).
const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const survivesUtf8 = (s: string): boolean => !SURROGATE.test(s) || !LONE_SURROGATE.test(s);

class Writer {
  readonly stats = new ChunkedColumn((n) => new Float64Array(n));
  readonly ints = new ChunkedColumn((n) => new Int32Array(n));
  readonly lengths = new ChunkedColumn((n) => new Int32Array(n));
  /** The short strings as UTF-8, in runs; `strings` waits for the next run. */
  readonly utf8: Uint8Array[] = [];
  private strings: string[] = [];
  private pending = 0;
  /** Selection keys, each written once in the strings and referred to by its index. */
  readonly keys = new Map<string, number>();
  private readonly encoder = new TextEncoder();
  /** Each note's item text as UTF-8. */
  readonly texts = new Utf8Chunks(this.encoder);
  /** Each note's checksum (see `mixStats`). */
  readonly sums = new ChunkedColumn((n) => new Int32Array(n));
  notes = 0;
  /** A note's two stats as the four words the checksum mixes. */
  private readonly statPair = new Float64Array(2);
  private readonly statWords = new Int32Array(this.statPair.buffer);

  /** A note's checksum: its two stats, where its parts start, then its numbers, string lengths and text bytes (as stored). */
  private mixStats(sum: number, mtime: number, size: number): number {
    this.statPair[0] = mtime;
    this.statPair[1] = size;
    return mixWords(sum, this.statWords);
  }

  /** The sum after the numbers `[from, to)` of an Int32 column. */
  static mixColumn(sum: number, column: ChunkedColumn<Int32Array>, from: number, to: number): number {
    let h = sum;
    for (const piece of column.range(from, to)) h = mixWords(h, piece);
    return h;
  }

  /** UTF-16 units of the short strings so far. */
  chars = 0;

  str(value: string): void {
    this.chars += value.length;
    this.strings.push(value);
    this.pending += value.length;
    this.lengths.push(value.length);
  }

  /**
   * Encodes the strings written so far once there are enough of them (or `always`). Called between
   * notes only: every string before a cut is well-formed UTF-16 (see survivesUtf8), so the runs add up
   * to the same bytes as encoding all strings joined at once.
   */
  endRun(always: boolean): void {
    if (this.pending < STRING_RUN && !(always && this.strings.length > 0)) return;
    this.utf8.push(this.encoder.encode(this.strings.join("")));
    this.strings = [];
    this.pending = 0;
  }

  record(record: NoteRecord, selections: Iterable<[string, number[]]> | undefined): void {
    const { items } = record;
    const intsFrom = this.ints.length;
    const lengthsFrom = this.lengths.length;
    const charsFrom = this.chars;
    const bytesFrom = this.texts.byteLength;
    this.notes++;
    this.stats.push(record.stat!.mtime);
    this.stats.push(record.stat!.size);
    this.str(record.path);
    this.ints.push(items.count);
    this.ints.push(items.cols.length);
    this.ints.push(items.names.length);
    this.ints.push(items.bodiesEnd);
    this.ints.pushAll(items.cols);
    // A note restored from the cache and never read since is written back as the bytes it came as.
    let utf8: Uint8Array;
    if (items instanceof CachedNoteItems) this.texts.add((utf8 = items.utf8));
    else utf8 = this.texts.encode(items.text);
    this.ints.push(utf8.length);
    this.ints.push(items instanceof CachedNoteItems ? items.length : items.text.length);
    for (const name of items.names) this.str(name);
    this.ints.push(record.problems.length);
    for (const problem of record.problems) { this.ints.push(problem.line); this.str(problem.message); }
    this.ints.push(record.tracks.length);
    for (const track of record.tracks) { this.ints.push(track.line); this.ints.push(track.fromNoteName ? 1 : 0); this.str(track.name); }
    this.queue(record.queueBlock);
    this.ints.push(record.venueMarks.length);
    for (const mark of record.venueMarks) {
      this.ints.push(mark.line); this.ints.push(mark.year ?? -1); this.ints.push(mark.state === "dropped" ? 1 : 0); this.str(mark.venue);
    }
    const picked = [...(selections ?? [])];
    this.ints.push(picked.length);
    for (const [key, rows] of picked) {
      let id = this.keys.get(key);
      if (id === undefined) this.keys.set(key, (id = this.keys.size));
      this.ints.push(id);
      this.ints.push(rows.length);
      for (const row of rows) this.ints.push(row);
    }
    let sum = this.mixStats(CHECKSUM_SEED, record.stat!.mtime, record.stat!.size);
    sum = mixWord(mixWord(mixWord(mixWord(sum, intsFrom), lengthsFrom), charsFrom), bytesFrom);
    sum = Writer.mixColumn(sum, this.ints, intsFrom, this.ints.length);
    sum = Writer.mixColumn(sum, this.lengths, lengthsFrom, this.lengths.length);
    this.sums.push(mixBytes(sum, utf8));
  }

  private queue(block: QueueBlock | null): void {
    this.ints.push(block ? 1 : 0);
    if (!block) return;
    this.ints.push(block.limit); this.ints.push(block.limitLine); this.ints.push(block.waitingLine ?? -1); this.ints.push(block.endLine);
    for (const list of [block.active, block.waiting]) {
      this.ints.push(list.length);
      for (const entry of list) { this.ints.push(entry.line); this.str(entry.text); }
    }
    this.ints.push(block.source.length);
    for (const line of block.source) this.str(line);
  }
}

const recordStrings = (record: NoteRecord): string[] => [
  record.path, ...(record.items instanceof CachedNoteItems ? [] : [record.items.text]), ...record.items.names, ...record.problems.map((p) => p.message), ...record.tracks.map((t) => t.name),
  ...(record.queueBlock ? [...record.queueBlock.source, ...record.queueBlock.active.map((e) => e.text), ...record.queueBlock.waiting.map((e) => e.text)] : []),
  ...record.venueMarks.map((m) => m.venue),
];

/**
 * The cache of `records` in steps: drive it with `next()` and give the UI a turn between steps. A step
 * encodes one note or copies a quarter of a megabyte; the result is the same bytes as `encodeIndexCache`.
 * `records` is read as the steps go: pass a copy (an array) to encode a snapshot.
 */
export function* encodeIndexCacheInSteps(
  trackHeadingLevel: number, optionsKey: string, records: Iterable<NoteRecord>,
  selectionsOf: (record: NoteRecord) => Iterable<[string, number[]]> | undefined = () => undefined,
): Generator<void, Uint8Array, void> {
  const writer = new Writer();
  // What the records were parsed with (venues decide venue marks): a cache made with other options is not used.
  writer.str(optionsKey);
  for (const record of records) {
    // Without a stat the entry could never be proven fresh.
    if (record.stat && recordStrings(record).every(survivesUtf8)) {
      writer.record(record, selectionsOf(record));
      writer.endRun(false);
    }
    yield;
  }
  writer.endRun(true);
  // The selection keys follow the last note's strings.
  const keysFrom = writer.ints.length;
  const keyLengthsFrom = writer.lengths.length;
  const keyCharsFrom = writer.chars;
  writer.ints.push(writer.keys.size);
  for (const key of writer.keys.keys()) writer.str(key);
  writer.endRun(true);
  writer.texts.endPart();
  yield;
  const stats = writer.stats.parts();
  const ints = writer.ints.parts();
  const lengths = writer.lengths.parts();
  const byteLength = (parts: ArrayBufferView[]): number => parts.reduce((sum, part) => sum + part.byteLength, 0);
  const utf8Length = byteLength(writer.utf8);
  const header = new Int32Array([
    MAGIC, BYTE_ORDER, INDEX_CACHE_VERSION, trackHeadingLevel, writer.notes, writer.stats.length, writer.ints.length,
    writer.lengths.length, byteLength(writer.texts.parts), utf8Length, writer.notes + SHARED_SUMS, 0,
  ]);
  // The short strings in one piece, filled up to whole words: checksummed as words, as they are read.
  const strings = new Uint8Array(wordAligned(utf8Length));
  writer.utf8.reduce((at, run) => (strings.set(run, at), at + run.length), 0);
  writer.sums.push(mixBytes(mixWords(CHECKSUM_SEED, header), strings));
  let keys = mixWord(mixWord(mixWord(mixWord(CHECKSUM_SEED, keysFrom), keyLengthsFrom), keyCharsFrom), writer.texts.byteLength);
  keys = Writer.mixColumn(keys, writer.ints, keysFrom, writer.ints.length);
  keys = Writer.mixColumn(keys, writer.lengths, keyLengthsFrom, writer.lengths.length);
  writer.sums.push(keys);
  yield;
  return yield* concat([header, ...stats, ...writer.sums.parts(), ...ints, ...lengths, ...writer.texts.parts, strings]);
}

/** The parts back to back in one buffer, copied a step at a time. */
function* concat(parts: ArrayBufferView[]): Generator<void, Uint8Array, void> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  yield; // a hundred megabytes take a while to allocate
  let at = 0;
  let sinceYield = 0;
  for (const part of parts) {
    const bytes = new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
    for (let from = 0; from < bytes.length; from += COPY_STEP) {
      const piece = from === 0 && bytes.length <= COPY_STEP ? bytes : bytes.subarray(from, from + COPY_STEP);
      out.set(piece, at);
      at += piece.length;
      sinceYield += piece.length;
      if (sinceYield >= COPY_STEP) {
        sinceYield = 0;
        yield;
      }
    }
  }
  return out;
}

/** The cache of `records` in one go (see encodeIndexCacheInSteps). */
export function encodeIndexCache(
  trackHeadingLevel: number, optionsKey: string, records: Iterable<NoteRecord>,
  selectionsOf?: (record: NoteRecord) => Iterable<[string, number[]]> | undefined,
): Uint8Array {
  const steps = encodeIndexCacheInSteps(trackHeadingLevel, optionsKey, records, selectionsOf);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
