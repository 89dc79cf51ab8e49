// A note's items in columns: the numbers in one Int32Array, the lines' text in one string. Item
// objects are made only for query results, so a vault of a million items costs about a hundred bytes
// per item instead of a few hundred, and the cache is these columns written out as they are.
import { dayOfKey } from "../base";
import { displayText } from "../markdown";
import { Slabs, StringPool } from "../base";
import type { DateForm, Item, Subtask } from "../base";

// Item columns.
export const LINE = 0;
/** First day as yyyymmdd (20210327): compares like the ISO string, converts without a Date. */
export const DATE = 1;
/** Last day as yyyymmdd, or 0 when the item is not a range. */
export const END = 2;
/** The status character's code point, and the date form (its index in FORMS) shifted by FORM_SHIFT. */
export const STATUS_FORM = 3;
/** Offsets of the date expression in the source line. */
export const DATE_FROM = 4;
export const DATE_TO = 5;
/** Where the line's body (the source after its prefix) starts in `text`; it ends where the next item's starts.
 *  A body may go on after BODY_MORE with the text of the item's next lines (when its first line has none). */
export const BODY_FROM = 6;
/** Index in `names` of the line's prefix (`- [ ] `, `  > 1. [x]\t`): few distinct ones, shared. */
export const PREFIX = 7;
/** Index in `names` of the track, and of the group (-1: none). */
export const TRACK = 8;
export const GROUP = 9;
export const ITEM_STRIDE = 10;

// Subtask rows follow the items in `cols`, ordered by the item they belong to (most items have none,
// so an item carries no subtask columns); a subtask's text is stored trimmed.
export const SUB_OWNER = 0;
export const SUB_LINE = 1;
export const SUB_STATUS = 2;
export const SUB_TEXT_FROM = 3;
export const SUB_TEXT_TO = 4;
export const SUB_STRIDE = 5;

/** Separates a body's line from the text of the lines after it: a line never holds a line break. */
export const BODY_MORE = "\n";

export const FORM_SHIFT = 24;
const STATUS_MASK = (1 << FORM_SHIFT) - 1;
export const FORMS: readonly DateForm[] = ["plain", "cjk", "tasks-due", "tasks-scheduled", "dataview", "tasks-start"];

export interface NoteItems {
  count: number;
  /** ITEM_STRIDE numbers per item in line order, then SUB_STRIDE numbers per subtask row. */
  cols: Int32Array;
  /** The items' bodies back to back, then the subtask texts: a flat copy that keeps no note text alive. */
  text: string;
  /** Where the bodies end in `text`. */
  bodiesEnd: number;
  /** Track and group names and line prefixes the columns point at. */
  names: string[];
}

/** One shared empty list for the many notes without problems, tracks or venue marks (records are read-only). */
export const NO_VALUES: never[] = Object.freeze([]) as never[];

export const NO_ITEMS: NoteItems = Object.freeze({ count: 0, cols: new Int32Array(0), text: "", bodiesEnd: 0, names: [] });

/** Where the subtask rows start in `cols`, and how many there are. */
export const subRowsAt = (note: NoteItems): number => note.count * ITEM_STRIDE;
export const subRowCount = (note: NoteItems): number => (note.cols.length - note.count * ITEM_STRIDE) / SUB_STRIDE;

export const isDoneStatus = (status: string): boolean => status === "x" || status === "X";

/** A growable Int32Array. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = value;
  }
  /** Room for `n` more numbers at `length`; the caller writes them and moves `length`. */
  reserve(n: number): Int32Array {
    while (this.length + n > this.data.length) this.grow();
    return this.data;
  }
  /** Empty, with room for `n` numbers: one allocation instead of doubling from a small start. */
  clearFor(n: number): void {
    this.length = 0;
    if (this.data.length < n) this.data = new Int32Array(n);
  }
  /** Back to `capacity` numbers when it grew past them (for a huge note), so it does not keep that room. */
  shrink(capacity: number): void {
    if (this.data.length > capacity) this.data = new Int32Array(capacity);
    this.length = 0;
  }
  private grow(): void {
    const bigger = new Int32Array(Math.max(64, this.data.length * 2));
    bigger.set(this.data);
    this.data = bigger;
  }
}

/** A builder's working lists: its items' and its subtasks' numbers, copied into the columns at the end. */
class ItemLists {
  readonly cols: IntList;
  readonly subs: IntList;
  constructor(capacity: number) {
    this.cols = new IntList(capacity);
    this.subs = new IntList(capacity);
  }
  /** Empty, with room for the items and subtasks of a note with `tasks` checklist lines. */
  clearFor(tasks: number): void {
    this.cols.clearFor(tasks * ITEM_STRIDE);
    this.subs.clearFor(tasks * SUB_STRIDE);
  }
  /** Gives back the room a huge note made them grow to. */
  shrink(): void {
    this.cols.shrink(LISTS_KEPT);
    this.subs.shrink(LISTS_KEPT);
  }
}

/** Numbers a working list keeps room for between notes: a note with more items makes it grow for itself. */
const LISTS_KEPT = 1 << 14;

const SLAB_INTS = 1 << 16;
/** Line prefixes remembered across notes. */
const RECENT_PREFIXES = 8;

/**
 * What parsing notes one after another reuses, so a vault of notes does not allocate growing arrays per
 * note: slabs for a scan's working arrays and, in a bulk stretch, for the notes' columns; a builder's
 * working lists; one copy of each name and line prefix. A record builder (the index's, each parse
 * worker's) owns one, so two owners never share one. A builder empties the working lists it starts
 * with: a parse that pauses (in steps) takes lists of its own (`NoteItemsBuilder.pausable`).
 */
export class NoteWorkspace {
  readonly names = new StringPool();
  readonly lists: ItemLists;
  /** Line prefixes met lately, pooled: most items of a vault start with one of a few. */
  private readonly recentPrefixes: string[] = [];
  // A scan's working arrays (line mask, tasks, list parents) are short-lived: in a bulk stretch they come
  // from large slabs, let go when it ends; an edit's come from a small slab, so an index at rest keeps
  // little.
  private readonly bulkScanSlabs: Slabs;
  private readonly scanSlabsAtRest: Slabs;
  // While many notes are indexed at once (a cold start), their columns are carved out of slabs: one
  // ArrayBuffer per note made V8 account for thousands of external allocations (docs/performance.md,
  // "Items in columns"). A slab lives while any note cut from it does, so a note re-indexed later leaves
  // its old columns as dead space there; single updates (edits) therefore get buffers of their own,
  // which bounds that dead space by the columns of the bulk-built notes.
  private readonly columnSlabs: Slabs;
  private bulkDepth = 0;

  constructor(manyNotes = true) {
    this.bulkScanSlabs = manyNotes ? new Slabs(1 << 20, 1 << 17) : new Slabs(0, 0);
    this.scanSlabsAtRest = manyNotes ? new Slabs(1 << 16, 1 << 14) : this.bulkScanSlabs;
    this.columnSlabs = manyNotes ? new Slabs(SLAB_INTS * 4, SLAB_INTS) : new Slabs(0, 0);
    this.lists = new ItemLists(manyNotes ? 1024 : 64);
  }

  /** A workspace for one note parsed on its own (a command, a test): nothing in it is kept for later. */
  static forOneNote(): NoteWorkspace {
    return new NoteWorkspace(false);
  }

  /** Where a scan's working arrays (and the mask, tasks and parents it hands back) are carved. */
  get scanSlabs(): Slabs {
    return this.bulkDepth > 0 ? this.bulkScanSlabs : this.scanSlabsAtRest;
  }

  /** Marks the start of a bulk stretch that ends when the returned function is called (for async loops). */
  beginBulk(): () => void {
    this.bulkDepth++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      if (--this.bulkDepth > 0) return;
      this.bulkScanSlabs.release();
      this.lists.shrink();
    };
  }

  /** Room for a note's finished columns. */
  columns(length: number): Int32Array {
    return this.bulkDepth === 0 ? new Int32Array(length) : this.columnSlabs.ints(length);
  }

  /** The pooled copy of the `length` characters at `from`, a line's prefix, cut out only the first time. */
  prefix(text: string, from: number, length: number): string {
    const recent = this.recentPrefixes;
    let prefix = recent.find((p) => p.length === length && text.startsWith(p, from));
    if (prefix === undefined) {
      prefix = this.names.get(text.slice(from, from + length));
      recent.unshift(prefix);
      if (recent.length > RECENT_PREFIXES) recent.pop();
    }
    return prefix;
  }
}

/** A value and its index in a builder's names. */
interface Remembered { value: string; index: number }

/** One dated checklist line, as the parse hands it to a builder. */
export interface ItemLine {
  /** 1-based. */
  line: number;
  /** The status character's code point. */
  status: number;
  /** The note's text, where the line starts in it, and how long the line's prefix (`- [ ] `) is. */
  text: string;
  lineFrom: number;
  contentFrom: number;
  form: DateForm;
  /** Days as yyyymmdd keys; `end` 0 when the item is not a range. */
  date: number;
  end: number;
  /** Where the date expression is, from the line's start. */
  dateFrom: number;
  dateTo: number;
  track: string;
  group: string | null;
  /** The line after its prefix, and the text of its next lines after BODY_MORE when it has none of its own. */
  body: string;
}

/** Appends items while a note is parsed, then hands over compact columns. */
export class NoteItemsBuilder {
  private readonly cols: IntList;
  private readonly subs: IntList;
  private bodies: string[] = [];
  private bodiesLength = 0;
  private subTexts: string[] = [];
  private subTextsLength = 0;
  private names: string[] = [];
  private nameIndex = new Map<string, number>();
  // Consecutive items mostly share their prefix, track and group: remember the last of each.
  private lastPrefix = "";
  private lastPrefixIndex = -1;
  private lastTrack: Remembered = { value: "", index: -1 };
  private lastGroup: Remembered = { value: "", index: -1 };
  count = 0;

  /**
   * A builder over the workspace's working lists, for a note with `tasks` checklist lines: no other
   * builder of the workspace may run until it is built.
   */
  constructor(private readonly workspace: NoteWorkspace, tasks: number, private readonly lists = workspace.lists) {
    lists.clearFor(tasks);
    this.cols = lists.cols;
    this.subs = lists.subs;
  }

  /** A builder with working lists of its own, for a parse that pauses while others use the workspace. */
  static pausable(workspace: NoteWorkspace, tasks: number): NoteItemsBuilder {
    return new NoteItemsBuilder(workspace, tasks, new ItemLists(0));
  }

  /** Adds an item; returns its index, for subtasks. */
  addItem(item: ItemLine): number {
    const trackIndex = this.nameOf(this.lastTrack, item.track);
    const prefix = this.prefixIndex(item.text, item.lineFrom, item.contentFrom);
    const groupIndex = item.group === null ? -1 : this.nameOf(this.lastGroup, item.group);
    const data = this.cols.reserve(ITEM_STRIDE);
    const at = this.cols.length;
    data[at + LINE] = item.line;
    data[at + DATE] = item.date;
    data[at + END] = item.end;
    data[at + STATUS_FORM] = item.status | (FORMS.indexOf(item.form) << FORM_SHIFT);
    data[at + DATE_FROM] = item.dateFrom;
    data[at + DATE_TO] = item.dateTo;
    data[at + BODY_FROM] = this.bodiesLength;
    data[at + PREFIX] = prefix;
    data[at + TRACK] = trackIndex;
    data[at + GROUP] = groupIndex;
    this.cols.length += ITEM_STRIDE;
    this.bodies.push(item.body);
    this.bodiesLength += item.body.length;
    return this.count++;
  }

  /** Adds a subtask to item `owner` (`status` a code point); subtasks must be added in line order, after their owner. */
  addSubtask(owner: number, line: number, status: number, text: string): void {
    const subs = this.subs;
    subs.push(owner); subs.push(line); subs.push(status); subs.push(this.subTextsLength);
    this.subTexts.push(text);
    this.subTextsLength += text.length;
    subs.push(this.subTextsLength);
  }

  build(): NoteItems {
    const built = this.count === 0 ? NO_ITEMS : this.columns();
    this.lists.shrink();
    return built;
  }

  private columns(): NoteItems {
    const itemInts = this.count * ITEM_STRIDE;
    const cols = this.workspace.columns(itemInts + this.subs.length);
    cols.set(this.cols.data.subarray(0, itemInts));
    this.copySubtaskRows(cols, itemInts);
    const parts = this.subTexts.length > 0 ? [...this.bodies, ...this.subTexts] : this.bodies;
    // join() copies two or more parts into a new string but hands back a lone part as it is: a slice
    // of the note that would keep the whole note's text alive.
    if (parts.length === 1) parts.push(" ");
    return { count: this.count, cols, text: parts.join(""), bodiesEnd: this.bodiesLength, names: this.names };
  }

  /** Subtask rows by owner, keeping line order within an owner (a dated child's subtasks can come between
   *  two of its parent's); their text offsets move past the bodies, which come first in the string. */
  private copySubtaskRows(cols: Int32Array, at: number): void {
    const subs = this.subs.data;
    const rows = this.subs.length / SUB_STRIDE;
    let sorted = true; // the usual case: subtasks follow their owner, owners in line order
    for (let row = 1; row < rows && sorted; row++) sorted = subs[(row - 1) * SUB_STRIDE + SUB_OWNER] <= subs[row * SUB_STRIDE + SUB_OWNER];
    const order = Array.from({ length: rows }, (_, i) => i);
    if (!sorted) order.sort((a, b) => subs[a * SUB_STRIDE + SUB_OWNER] - subs[b * SUB_STRIDE + SUB_OWNER] || a - b);
    for (const row of order) {
      cols.set(subs.subarray(row * SUB_STRIDE, (row + 1) * SUB_STRIDE), at);
      cols[at + SUB_TEXT_FROM] += this.bodiesLength;
      cols[at + SUB_TEXT_TO] += this.bodiesLength;
      at += SUB_STRIDE;
    }
  }

  /** The names index of the `length` characters at `from`, without cutting them out when they repeat
   *  (consecutive items alternate between a few prefixes, `- [ ] ` and `- [x] `; a vault has a handful). */
  private prefixIndex(text: string, from: number, length: number): number {
    const last = this.lastPrefix;
    if (this.lastPrefixIndex >= 0 && length === last.length && text.startsWith(last, from)) return this.lastPrefixIndex;
    const prefix = this.workspace.prefix(text, from, length);
    this.lastPrefix = prefix;
    this.lastPrefixIndex = this.name(prefix);
    return this.lastPrefixIndex;
  }

  /** `name(value)`, remembered in `last` for the next item, which mostly has the same. */
  private nameOf(last: Remembered, value: string): number {
    if (last.index < 0 || value !== last.value) {
      last.value = value;
      last.index = this.name(value);
    }
    return last.index;
  }

  private name(value: string): number {
    let index = this.nameIndex.get(value);
    if (index === undefined) {
      index = this.names.length;
      this.names.push(this.workspace.names.get(value));
      this.nameIndex.set(value, index);
    }
    return index;
  }
}

/** The line's words around the date expression, as one trimmed string. */
export function textAround(content: string, from: number, to: number): string {
  const left = content.slice(0, from);
  const right = content.slice(to);
  const l = left.trim();
  const r = right.trim();
  if (!l || !r) return l || r;
  const spaced = /\s$/.test(left) || /^\s/.test(right);
  return spaced ? `${l} ${r}` : l + r;
}

/** Where item `k`'s subtask rows start in `cols` (the first row owned by `k` or a later item): binary search. */
function firstSubtaskRow(note: NoteItems, k: number): number {
  const base = subRowsAt(note);
  let lo = 0;
  let hi = subRowCount(note);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (note.cols[base + mid * SUB_STRIDE + SUB_OWNER] < k) lo = mid + 1;
    else hi = mid;
  }
  return base + lo * SUB_STRIDE;
}

/** Item `k`'s body: its source line after the prefix. */
function bodyAt(note: NoteItems, k: number): string {
  const at = k * ITEM_STRIDE;
  const to = k + 1 < note.count ? note.cols[at + ITEM_STRIDE + BODY_FROM] : note.bodiesEnd;
  return note.text.slice(note.cols[at + BODY_FROM], to);
}

/** Item `k`'s text (the line's words around the date, as `displayText` shows them), without making the whole item. */
export function textAt(note: NoteItems, k: number): string {
  const c = note.cols;
  const at = k * ITEM_STRIDE;
  const contentFrom = note.names[c[at + PREFIX]].length;
  return shownText(bodyAt(note, k), c[at + DATE_FROM] - contentFrom, c[at + DATE_TO] - contentFrom);
}

/** The text shown for a body with the date at `[from, to)`: its line's, or else its next lines'. */
function shownText(body: string, from: number, to: number): string {
  const more = body.indexOf(BODY_MORE);
  if (more < 0) return displayText(textAround(body, from, to));
  return displayText(textAround(body.slice(0, more), from, to)) || displayText(body.slice(more + 1));
}

/** A body without the text of its next lines. */
const bodyLine = (body: string): string => {
  const more = body.indexOf(BODY_MORE);
  return more < 0 ? body : body.slice(0, more);
};

/** Item `k`'s source line, as `itemAt(…).source`, without making the item. */
export function sourceAt(note: NoteItems, k: number): string {
  return note.names[note.cols[k * ITEM_STRIDE + PREFIX]] + bodyLine(bodyAt(note, k));
}

/** Item `k` of a note as a fresh object. */
export function itemAt(note: NoteItems, k: number, path: string): Item {
  const c = note.cols;
  const at = k * ITEM_STRIDE;
  const prefix = note.names[c[at + PREFIX]];
  const body = bodyAt(note, k);
  const status = String.fromCodePoint(c[at + STATUS_FORM] & STATUS_MASK);
  const subtasks: Subtask[] = [];
  for (let s = firstSubtaskRow(note, k); s < c.length && c[s + SUB_OWNER] === k; s += SUB_STRIDE) {
    const subStatus = String.fromCodePoint(c[s + SUB_STATUS]);
    subtasks.push({
      line: c[s + SUB_LINE], status: subStatus, done: isDoneStatus(subStatus), text: note.text.slice(c[s + SUB_TEXT_FROM], c[s + SUB_TEXT_TO]),
    });
  }
  return {
    path, line: c[at + LINE], status, done: isDoneStatus(status),
    text: shownText(body, c[at + DATE_FROM] - prefix.length, c[at + DATE_TO] - prefix.length),
    date: dayOfKey(c[at + DATE]), end: c[at + END] === 0 ? null : dayOfKey(c[at + END]),
    track: note.names[c[at + TRACK]], group: c[at + GROUP] < 0 ? null : note.names[c[at + GROUP]],
    subtasks, source: prefix + bodyLine(body), dateFrom: c[at + DATE_FROM], dateTo: c[at + DATE_TO], form: FORMS[c[at + STATUS_FORM] >>> FORM_SHIFT],
  };
}

/** Every item of a note, as fresh objects. */
export function allItems(note: NoteItems, path: string): Item[] {
  const out = new Array<Item>(note.count);
  for (let k = 0; k < note.count; k++) out[k] = itemAt(note, k, path);
  return out;
}

/** Whether item `k` is finished (`x`/`X`) or cancelled (`-`): such an item is neither overdue nor remaining. */
export function closedAt(note: NoteItems, k: number): boolean {
  const status = note.cols[k * ITEM_STRIDE + STATUS_FORM] & STATUS_MASK;
  return status === 120 || status === 88 || status === 45;
}

/** Whether item `k` is cancelled (`-`): no longer a plan. */
export function cancelledAt(note: NoteItems, k: number): boolean {
  return (note.cols[k * ITEM_STRIDE + STATUS_FORM] & STATUS_MASK) === 45;
}

/** Item `k`'s last day (its end, or its date). */
export function lastDayAt(note: NoteItems, k: number): number {
  const at = k * ITEM_STRIDE;
  return note.cols[at + END] || note.cols[at + DATE];
}
