// The index's persisted form: bytes, so start-up reads the columns back instead of parsing JSON.
// Five sections after a header: stats (Float64), numbers (Int32), string lengths (Int32), the short
// strings (paths, names) as one UTF-8 run decoded in a single call, and each note's item text as UTF-8.
// Records are keyed by path with mtime + size, so a restart re-reads only the notes that changed. This
// file writes the format; indexCacheRead.ts restores it.
import type { NoteItems } from "./noteItems";
import type { QueueBlock } from "./queue";
import type { NoteRecord } from "./noteRecord";

export const INDEX_CACHE_VERSION = 6;
export const MAGIC = 0x43495142; // "BQIC" read as a little-endian u32
export const BYTE_ORDER = 0x01020304;
export const HEADER_INTS = 10;

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

/** A growable typed array. */
class Column<T extends Int32Array | Float64Array> {
  length = 0;
  constructor(public data: T, private readonly make: (n: number) => T) {}
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2 + 64);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  pushAll(values: Int32Array): void {
    while (this.length + values.length > this.data.length) {
      const bigger = this.make(this.data.length * 2 + 64);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data.set(values, this.length);
    this.length += values.length;
  }
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

// A lone surrogate would come back from UTF-8 as U+FFFD: a note holding one is not cached (it is re-read).
// Without the `u` flag the first test is a plain scan for any surrogate code unit; most notes have none.
const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const survivesUtf8 = (s: string): boolean => !SURROGATE.test(s) || !LONE_SURROGATE.test(s);

class Writer {
  readonly stats = new Column(new Float64Array(1024), (n) => new Float64Array(n));
  readonly ints = new Column(new Int32Array(4096), (n) => new Int32Array(n));
  readonly lengths = new Column(new Int32Array(4096), (n) => new Int32Array(n));
  readonly strings: string[] = [];
  readonly texts: Uint8Array[] = [];
  /** Selection keys, each written once in the strings and referred to by its index. */
  readonly keys = new Map<string, number>();
  private readonly encoder = new TextEncoder();
  notes = 0;

  str(value: string): void {
    this.strings.push(value);
    this.lengths.push(value.length);
  }

  record(record: NoteRecord, selections: Iterable<[string, number[]]> | undefined): void {
    const { items } = record;
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
    const utf8 = items instanceof CachedNoteItems ? items.utf8 : this.encoder.encode(items.text);
    this.texts.push(utf8);
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

export function encodeIndexCache(
  trackHeadingLevel: number, optionsKey: string, records: Iterable<NoteRecord>,
  selectionsOf: (record: NoteRecord) => Iterable<[string, number[]]> | undefined = () => undefined,
): Uint8Array {
  const writer = new Writer();
  // What the records were parsed with (venues decide venue marks): a cache made with other options is not used.
  writer.str(optionsKey);
  for (const record of records) {
    if (!record.stat) continue; // without a stat the entry could never be proven fresh
    if (!recordStrings(record).every(survivesUtf8)) continue;
    writer.record(record, selectionsOf(record));
  }
  // The selection keys follow the last note's strings.
  writer.ints.push(writer.keys.size);
  for (const key of writer.keys.keys()) writer.str(key);
  const utf8 = new TextEncoder().encode(writer.strings.join(""));
  const stats = writer.stats.view();
  const ints = writer.ints.view();
  const lengths = writer.lengths.view();
  const textBytes = writer.texts.reduce((sum, bytes) => sum + bytes.length, 0);
  const header = new Int32Array([MAGIC, BYTE_ORDER, INDEX_CACHE_VERSION, trackHeadingLevel, writer.notes, stats.length, ints.length, lengths.length, utf8.length, textBytes]);
  const size = HEADER_INTS * 4 + stats.byteLength + ints.byteLength + lengths.byteLength + utf8.length + textBytes;
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of [header, stats, ints, lengths, utf8, ...writer.texts]) {
    out.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at);
    at += part.byteLength;
  }
  return out;
}

