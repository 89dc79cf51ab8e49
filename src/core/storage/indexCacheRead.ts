// Restoring the index from its cache (format: indexCache.ts). Start-up uses the columns where they lie
// in the cache's buffer, checks every note's checksum and every number it will later trust (offsets,
// name indexes, dates) and decodes a note's items, tracks and text only when a query first needs them.
// A damaged or foreign cache yields fewer records, never an exception and never a changed one.
import { isValidYmd } from "../base";
import type { VenueMark } from "../items";
import { CHECKSUM_SEED, mixBytes, mixWord, mixWords, wordAligned } from "./checksum";
import { BYTE_ORDER, CachedNoteItems, HEADER_INTS, INDEX_CACHE_VERSION, MAGIC, SHARED_SUMS } from "./indexCache";
import {
  BODY_FROM, DATE, DATE_FROM, DATE_TO, END, FORM_SHIFT, FORMS, GROUP, ITEM_STRIDE, LINE, NO_ITEMS, NO_VALUES, PREFIX, STATUS_FORM,
  SUB_LINE, SUB_OWNER, SUB_STATUS, SUB_STRIDE, SUB_TEXT_FROM, SUB_TEXT_TO, TRACK, type NoteItems,
} from "../items";
import type { QueueBlock, QueueEntry } from "../items";
import type { Problem } from "../base";
import type { NoteRecord, NoteStat, NoteTrack } from "../items";

const NO_INTS = new Int32Array(0);
const NO_BYTES = new Uint8Array(0);

function check(ok: boolean): void {
  if (!ok) throw new Error("damaged index cache");
}

/** Where a reader was: see `Reader.mixSince`. */
interface Mark { int: number; len: number; char: number; byte: number }

class Reader {
  private int = 0;
  private len = 0;
  private char = 0;
  private byte = 0;
  /** `texts` as words: each note's text starts on a word and is filled up to whole words. */
  private readonly textWords: Int32Array;
  constructor(private ints: Int32Array, private lengths: Int32Array, private text: string, private texts: Uint8Array) {
    this.textWords = new Int32Array(texts.buffer, texts.byteOffset, texts.length >> 2);
  }

  mark(): Mark {
    return { int: this.int, len: this.len, char: this.char, byte: this.byte };
  }
  /**
   * The sum after where `mark` was and the numbers, string lengths and text words read since (as the writer
   * sums a note). The places count: a damaged length before them would have the strings read from elsewhere.
   */
  mixSince(sum: number, mark: Mark): number {
    const at = mixWord(mixWord(mixWord(mixWord(sum, mark.int), mark.len), mark.char), mark.byte);
    const h = mixWords(mixWords(at, this.ints, mark.int, this.int), this.lengths, mark.len, this.len);
    return mixWords(h, this.textWords, mark.byte >> 2, this.byte >> 2);
  }

  next(): number {
    check(this.int < this.ints.length);
    return this.ints[this.int++];
  }
  count(): number {
    const n = this.next();
    check(n >= 0 && n <= this.ints.length);
    return n;
  }
  /** Moves past `n` numbers without making a view of them (a start-up skips 50,000 notes' columns). */
  skipNumbers(n: number): void {
    check(n >= 0 && this.int + n <= this.ints.length);
    this.int += n;
  }
  skipBytes(n: number): void {
    check(n >= 0 && this.byte + wordAligned(n) <= this.texts.length);
    this.byte += wordAligned(n);
  }
  /** The next `n` numbers, as a view on the cache's buffer (no copy). */
  take(n: number): Int32Array {
    this.skipNumbers(n);
    return n === 0 ? NO_INTS : this.ints.subarray(this.int - n, this.int); // most notes have nothing
  }
  bytes(n: number): Uint8Array {
    const at = this.byte;
    this.skipBytes(n);
    return n === 0 ? NO_BYTES : this.texts.subarray(at, at + n);
  }
  str(): string {
    const n = this.skipStr();
    return this.text.slice(this.char - n, this.char);
  }
  /** Moves past the next string; returns its length. */
  skipStr(): number {
    check(this.len < this.lengths.length);
    const n = this.lengths[this.len++];
    check(n >= 0 && this.char + n <= this.text.length);
    this.char += n;
    return n;
  }
  /** Where the next number is, for reading columns in place. */
  get position(): number {
    return this.int;
  }
  /** The numbers, for checking columns in place. */
  get numbers(): Int32Array {
    return this.ints;
  }
  /** A reader that continues from here on its own. */
  fork(): Reader {
    const copy = new Reader(this.ints, this.lengths, this.text, this.texts);
    copy.int = this.int;
    copy.len = this.len;
    copy.char = this.char;
    copy.byte = this.byte;
    return copy;
  }
}

const validKey = (key: number): boolean => isValidYmd(Math.floor(key / 10_000), Math.floor(key / 100) % 100, key % 100);
const validCodePoint = (c: number): boolean => c >= 0 && c <= 0x10ffff;

/** What a record says of its columns, before they are trusted. */
interface ColumnsShape {
  /** How many numbers the columns hold, and how many items they describe. */
  colCount: number;
  count: number;
  bodiesEnd: number;
  /** The text's UTF-16 length. */
  textLength: number;
  /** Each name's length. */
  nameLengths: number[];
}

/** Checks every number of a note's columns (`shape.colCount` numbers at `at` in `ints`) that an item will be built from. */
function checkColumns(ints: Int32Array, at: number, { colCount, count, bodiesEnd, textLength, nameLengths }: ColumnsShape): void {
  const nameCount = nameLengths.length;
  const itemEnd = at + count * ITEM_STRIDE;
  const end = at + colCount;
  check(colCount >= count * ITEM_STRIDE && (colCount - count * ITEM_STRIDE) % SUB_STRIDE === 0 && bodiesEnd >= 0 && bodiesEnd <= textLength);
  for (let i = at; i < itemEnd; i += ITEM_STRIDE) {
    const from = ints[i + BODY_FROM];
    const to = i + ITEM_STRIDE < itemEnd ? ints[i + ITEM_STRIDE + BODY_FROM] : bodiesEnd;
    const prefix = ints[i + PREFIX];
    check(prefix >= 0 && prefix < nameCount && from >= 0 && from <= to);
    const prefixLength = nameLengths[prefix];
    const sourceLength = prefixLength + to - from;
    check(ints[i + LINE] >= 1 && validKey(ints[i + DATE]) && (ints[i + END] === 0 || (validKey(ints[i + END]) && ints[i + END] >= ints[i + DATE])));
    check(ints[i + STATUS_FORM] >= 0 && validCodePoint(ints[i + STATUS_FORM] & ((1 << FORM_SHIFT) - 1)) && ints[i + STATUS_FORM] >>> FORM_SHIFT < FORMS.length);
    check(prefixLength <= ints[i + DATE_FROM] && ints[i + DATE_FROM] <= ints[i + DATE_TO] && ints[i + DATE_TO] <= sourceLength);
    check(ints[i + TRACK] >= 0 && ints[i + TRACK] < nameCount && ints[i + GROUP] >= -1 && ints[i + GROUP] < nameCount);
  }
  for (let i = itemEnd; i < end; i += SUB_STRIDE) {
    // Rows by owner: an item's subtasks are found by binary search.
    check(ints[i + SUB_OWNER] >= 0 && ints[i + SUB_OWNER] < count && (i === itemEnd || ints[i + SUB_OWNER] >= ints[i - SUB_STRIDE + SUB_OWNER]));
    check(ints[i + SUB_LINE] >= 1 && validCodePoint(ints[i + SUB_STATUS]));
    check(ints[i + SUB_TEXT_FROM] >= 0 && ints[i + SUB_TEXT_FROM] <= ints[i + SUB_TEXT_TO] && ints[i + SUB_TEXT_TO] <= textLength);
  }
}

/** Restored records, and for the few that have them, the rows remembered per selection key (see VaultIndex.select). */
export interface RestoredIndex {
  records: NoteRecord[];
  picks: Map<NoteRecord, [string, number[]][]>;
}


/** What a restored record decodes on first use. */
interface Body { items: NoteItems; problems: Problem[]; tracks: NoteTrack[]; queueBlock: QueueBlock | null; venueMarks: VenueMark[] }

/**
 * A note restored from the cache whose contents (items, tracks, marks) are decoded when first read: a
 * start-up restores every note's path and stat, and most notes are not asked about before the first
 * sidebar. Every number was checked while the cache was read, so decoding later cannot fail.
 */
export class RestoredRecord implements NoteRecord {
  private body: Body | null = null;
  constructor(readonly path: string, readonly stat: NoteStat, readonly holdsContent: boolean, private reader: Reader | null) {}
  get items(): NoteItems { return this.load().items; }
  get problems(): Problem[] { return this.load().problems; }
  get tracks(): NoteTrack[] { return this.load().tracks; }
  get queueBlock(): QueueBlock | null { return this.load().queueBlock; }
  get venueMarks(): VenueMark[] { return this.load().venueMarks; }
  private load(): Body {
    if (!this.body) {
      this.body = this.reader ? readBody(this.reader, this.path) : EMPTY_BODY;
      this.reader = null;
    }
    return this.body;
  }
}

const EMPTY_BODY: Body = { items: NO_ITEMS, problems: NO_VALUES, tracks: NO_VALUES, queueBlock: null, venueMarks: NO_VALUES };

/** Decodes a record's body from a reader placed after its path (checked already by `skipBody`). */
function readBody(reader: Reader, path: string): Body {
  const count = reader.count();
  const colCount = reader.count();
  const nameCount = reader.count();
  const bodiesEnd = reader.next();
  const cols = reader.take(colCount);
  const utf8 = reader.bytes(reader.next());
  const textLength = reader.next();
  const names: string[] = [];
  for (let i = 0; i < nameCount; i++) names.push(reader.str());
  const items: NoteItems = count === 0 ? NO_ITEMS : new CachedNoteItems(count, cols, bodiesEnd, names, utf8, textLength);
  const problemCount = reader.count();
  const problems: Problem[] = problemCount === 0 ? NO_VALUES : [];
  for (let n = problemCount; n > 0; n--) problems.push({ path, line: reader.next(), message: reader.str() });
  const trackCount = reader.count();
  const tracks: NoteTrack[] = trackCount === 0 ? NO_VALUES : [];
  for (let n = trackCount; n > 0; n--) tracks.push({ line: reader.next(), fromNoteName: reader.next() === 1, name: reader.str() });
  const queueBlock = reader.next() === 1 ? readQueue(reader, path) : null;
  const markCount = reader.count();
  const venueMarks: VenueMark[] = markCount === 0 ? NO_VALUES : [];
  for (let n = markCount; n > 0; n--) {
    const line = reader.next();
    const year = reader.next();
    const state = reader.next() === 1 ? "dropped" : "targeted";
    venueMarks.push({ venue: reader.str(), year: year < 0 ? null : year, state, path, line });
  }
  return { items, problems, tracks, queueBlock, venueMarks };
}

/**
 * Moves past a record's body, checking every number `readBody` will trust, and makes nothing but the
 * remembered selection rows. Says whether the record holds anything.
 */
function skipBody(reader: Reader, picked: (id: number, rows: number[]) => void): boolean {
  const count = reader.count();
  const colCount = reader.count();
  const nameCount = reader.count();
  const bodiesEnd = reader.next();
  const colsAt = reader.position;
  reader.skipNumbers(colCount);
  const byteCount = reader.next();
  reader.skipBytes(byteCount);
  const textLength = reader.next();
  // UTF-8 takes at least one byte and at most three per UTF-16 unit.
  check(textLength >= 0 && byteCount >= textLength && byteCount <= 3 * textLength);
  const nameLengths: number[] = [];
  for (let i = 0; i < nameCount; i++) nameLengths.push(reader.skipStr());
  if (count > 0) checkColumns(reader.numbers, colsAt, { colCount, count, bodiesEnd, textLength, nameLengths });
  const problems = reader.count();
  for (let n = problems; n > 0; n--) { reader.next(); reader.skipStr(); }
  const tracks = reader.count();
  for (let n = tracks; n > 0; n--) { reader.next(); reader.next(); reader.skipStr(); }
  const queue = reader.next() === 1;
  if (queue) readQueue(reader, ""); // rare: one note in a vault
  const marks = reader.count();
  for (let n = marks; n > 0; n--) { reader.next(); reader.next(); reader.next(); reader.skipStr(); }
  for (let n = reader.count(); n > 0; n--) {
    const id = reader.next();
    const rows = Array.from(reader.take(reader.count()));
    check(rows.every((row, i) => row >= 0 && row < count && (i === 0 || row > rows[i - 1])));
    picked(id, rows);
  }
  return count > 0 || problems > 0 || tracks > 0 || queue || marks > 0;
}

/**
 * The next record, or null when its checksum (`sum`, begun with its stats) says it changed since it was
 * written: the reader is then past it, and the note is read again from the vault.
 */
function readRecord(reader: Reader, mtime: number, size: number, sum: number, expected: number,
  pickIds: Map<NoteRecord, [number, number[]][]>): NoteRecord | null {
  const start = reader.mark();
  const path = reader.str();
  const body = reader.fork();
  const ids: [number, number[]][] = [];
  const holdsContent = skipBody(reader, (id, rows) => ids.push([id, rows]));
  if (reader.mixSince(sum, start) !== expected) return null;
  const restored = new RestoredRecord(path, { mtime, size }, holdsContent, holdsContent ? body : null);
  if (ids.length > 0) pickIds.set(restored, ids);
  return restored;
}

function readQueue(reader: Reader, path: string): QueueBlock {
  const limit = reader.next();
  const limitLine = reader.next();
  const waitingLine = reader.next();
  const endLine = reader.next();
  const lists: QueueEntry[][] = [[], []];
  for (const list of lists) for (let n = reader.count(); n > 0; n--) list.push({ line: reader.next(), text: reader.str() });
  const source: string[] = [];
  for (let n = reader.count(); n > 0; n--) source.push(reader.str());
  return { path, limit, limitLine, active: lists[0], waiting: lists[1], waitingLine: waitingLine < 0 ? null : waitingLine, source, endLine };
}

/** Records from a cache made with the same format and track level; anything else yields nothing. */
export function decodeIndexCache(bytes: Uint8Array, trackHeadingLevel: number, optionsKey: string): RestoredIndex {
  try {
    return decode(bytes, trackHeadingLevel, optionsKey);
  } catch {
    return nothing();
  }
}

/** What a cache that cannot be read restores: a fresh empty answer each time (callers may fill it). */
const nothing = (): RestoredIndex => ({ records: [], picks: new Map() });

function decode(bytes: Uint8Array, trackHeadingLevel: number, optionsKey: string): RestoredIndex {
  if (!(bytes instanceof Uint8Array) || bytes.byteLength < HEADER_INTS * 4) return nothing();
  // Typed views need aligned offsets; a buffer handed over at an odd offset is copied once.
  const data = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const header = new Int32Array(data.buffer, data.byteOffset, HEADER_INTS);
  const [magic, order, version, level, notes, statCount, intCount, lengthCount, textBytes, utf8Length, sumCount] = header;
  if (magic !== MAGIC || order !== BYTE_ORDER || version !== INDEX_CACHE_VERSION || level !== trackHeadingLevel) return nothing();
  if ([notes, intCount, lengthCount, utf8Length, textBytes].some((n) => n < 0)) return nothing();
  if (statCount !== notes * 2 || sumCount !== notes + SHARED_SUMS || textBytes % 4 !== 0) return nothing();
  const statsAt = data.byteOffset + HEADER_INTS * 4;
  const sumsAt = statsAt + statCount * 8;
  const intsAt = sumsAt + sumCount * 4;
  const lengthsAt = intsAt + intCount * 4;
  const textsAt = lengthsAt + lengthCount * 4;
  const utf8At = textsAt + textBytes;
  if (utf8At - data.byteOffset + wordAligned(utf8Length) !== data.byteLength) return nothing();
  const sums = new Int32Array(data.buffer, sumsAt, sumCount);
  // The header and the short strings (every note's path and names): past a change there, nothing stands.
  if (mixBytes(mixWords(CHECKSUM_SEED, header), new Uint8Array(data.buffer, utf8At, wordAligned(utf8Length))) !== sums[notes]) return nothing();
  const statWords = new Int32Array(data.buffer, statsAt, statCount * 2);
  const stats = new Float64Array(data.buffer, statsAt, statCount);
  const ints = new Int32Array(data.buffer, intsAt, intCount);
  const lengths = new Int32Array(data.buffer, lengthsAt, lengthCount);
  const reader = new Reader(ints, lengths, new TextDecoder().decode(new Uint8Array(data.buffer, utf8At, utf8Length)),
    new Uint8Array(data.buffer, textsAt, textBytes));
  if (reader.str() !== optionsKey) return nothing();
  const records: NoteRecord[] = [];
  const pickIds = new Map<NoteRecord, [number, number[]][]>();
  const keys: string[] = [];
  try {
    for (let i = 0; i < notes; i++) {
      const record = readRecord(reader, stats[2 * i], stats[2 * i + 1], mixWords(CHECKSUM_SEED, statWords, 4 * i, 4 * i + 4), sums[i], pickIds);
      if (record) records.push(record);
    }
    const keysAt = reader.mark();
    for (let n = reader.count(); n > 0; n--) keys.push(reader.str());
    if (reader.mixSince(CHECKSUM_SEED, keysAt) !== sums[notes + 1]) keys.length = 0;
  } catch {
    // Records are read in order: past the first damaged one nothing can be trusted, before it all was checked.
    // Without the whole key table the remembered selections are dropped; the records stand.
    keys.length = 0;
  }
  const picks = new Map<NoteRecord, [string, number[]][]>();
  for (const [record, picked] of pickIds) {
    const named = picked.filter(([id]) => id >= 0 && id < keys.length).map(([id, rows]): [string, number[]] => [keys[id], rows]);
    if (named.length > 0) picks.set(record, named);
  }
  return { records, picks };
}
