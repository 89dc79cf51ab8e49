// What a scan of a note found: which lines are code-like, the headings and bold-only lines, and the
// checklist tasks in columns with how their list items nest. The scanner (blockScanner.ts) fills it.
import { Slabs, type Heading } from "../base";

/** A list item whose first paragraph starts with `[c]`. Lines and offsets are 0-based. */
export interface ScannedTask {
  line: number;
  /** Where the line starts and ends (before its break) in the note's text. */
  from: number;
  to: number;
  status: string;
  /** Offset of `[` and of the first character after `]` in the line (from `from`). */
  checkFrom: number;
  contentFrom: number;
  /** The list item's id; `itemParent[item]` is the enclosing list item's id or -1. */
  item: number;
  /** Where the task's paragraph ends (before its last line's break): `to`, unless text continues on the next lines. */
  paraTo: number;
}

/** The tasks a scan found, in columns: a planner note has thousands, and an object per task was most of
 *  the scan's garbage. `at(k)` makes the object, for readers that are not in a hot loop. */
export class ScannedTasks {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 16, private readonly slabs = new Slabs(0, 0)) {
    this.data = slabs.ints(TASK_STRIDE * Math.max(1, capacity));
  }

  add(line: number, from: number, to: number, status: number, checkFrom: number, contentFrom: number, item: number): void {
    if ((this.length + 1) * TASK_STRIDE > this.data.length) this.data = this.slabs.grownInts(this.data);
    const d = this.data;
    const at = this.length++ * TASK_STRIDE;
    d[at] = line; d[at + 1] = from; d[at + 2] = to; d[at + 3] = status; d[at + 4] = checkFrom; d[at + 5] = contentFrom; d[at + 6] = item;
    d[at + 7] = to;
  }

  /** The paragraph of task `k` continues to `end` (a later line's end). */
  continuePara(k: number, end: number): void {
    this.data[k * TASK_STRIDE + 7] = end;
  }

  pop(): void {
    if (this.length > 0) this.length--;
  }

  line(k: number): number { return this.data[k * TASK_STRIDE]; }
  from(k: number): number { return this.data[k * TASK_STRIDE + 1]; }
  to(k: number): number { return this.data[k * TASK_STRIDE + 2]; }
  /** The status character's code point. */
  status(k: number): number { return this.data[k * TASK_STRIDE + 3]; }
  checkFrom(k: number): number { return this.data[k * TASK_STRIDE + 4]; }
  contentFrom(k: number): number { return this.data[k * TASK_STRIDE + 5]; }
  item(k: number): number { return this.data[k * TASK_STRIDE + 6]; }
  paraTo(k: number): number { return this.data[k * TASK_STRIDE + 7]; }

  at(k: number): ScannedTask {
    return {
      line: this.line(k), from: this.from(k), to: this.to(k), status: String.fromCodePoint(this.status(k)),
      checkFrom: this.checkFrom(k), contentFrom: this.contentFrom(k), item: this.item(k), paraTo: this.paraTo(k),
    };
  }

  all(): ScannedTask[] {
    return Array.from({ length: this.length }, (_, k) => this.at(k));
  }
}

const TASK_STRIDE = 8;

export interface ScannedNote {
  text: string;
  lineCount: number;
  /** 1 where a line is code, HTML, comment, frontmatter or math: never content. */
  mask: Uint8Array;
  /** Headings and bold-only lines outside any container, 1-based lines, in order. */
  headings: Heading[];
  tasks: ScannedTasks;
  itemParent: Int32Array;
}
