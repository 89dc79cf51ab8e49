// The commonmark.js block algorithm over lines (containers, lazy continuation, tabs as 4-column
// stops), keeping only what the planner needs. State lives in fields so the hot loop allocates little.
import { htmlBlockEnds, htmlBlockKind } from "./scanHtml";
import type { Heading } from "../base";
import { stripEmphasis, boldOnly } from "./inline";
import {
  LineCursor, MarkFinder, atxHeading, checkboxEnd, closingFence, isThematicBreak, isSetextUnderline, lastBlocker, listMarker, openingFence,
  splitLines,
} from "./scanLine";
import { ScannedTasks, type ScannedNote } from "./scanned";
import { Slabs } from "../base";

const enum Leaf { None, Paragraph, Fenced, Indented, Html, Math }
interface Container {
  quote: boolean;
  width: number;
  id: number;
  hasChild: boolean;
  line: number;
  /** The marker ended its line with nothing after it, not even a space. */
  bare: boolean;
  /** The nearest quote below this container (-1: none), and for a quote the nearest above it as last
   *  pushed (valid only while that one is open: see `quoteAbove`). */
  prevQuote: number;
  nextQuote: number;
}

/** First characters that may start something other than paragraph text (or be indentation). */
const SPECIAL = new Uint8Array(128);
for (const ch of " \t>%#`~$<=-*_+0123456789") SPECIAL[ch.charCodeAt(0)] = 1;

export class BlockScanner {
  /** Per line, 1 for code; grown as lines are found (a note's line count is known only at its end). */
  private mask: Uint8Array;
  readonly headings: Heading[] = [];
  readonly tasks: ScannedTasks;
  /** Per list item, the enclosing list item or -1 (`items` of them). */
  private parents: Int32Array;
  private items = 0;
  /** Open containers are pool[0 .. depth); entries past depth are reused, not reallocated. */
  private pool: Container[] = [];
  private depth = 0;
  /** The first quote as last pushed (see `quoteAbove`). */
  private firstQuote = -1;
  private cur = new LineCursor();
  private leaf = Leaf.None;
  private fenceChar = 0;
  private fenceLength = 0;
  private htmlKind = 0;
  private inComment = false;
  // micromark keeps "interrupting" after indented code (even across blank lines) while the same
  // containers continue: an ordered item not numbered 1, or an empty item, cannot start there.
  private afterIndentedCode = false;
  /** First line of the open paragraph, and whether it sits outside any container. */
  private paraLine = 0;
  private paraTop = false;
  /** The current line: its number, and where it starts and ends in the text. */
  private n = 0;
  private from = 0;
  private end = 0;
  // Per-line state.
  private matched = 0;
  private paraOpen = false;
  private lazy = false;
  /** Where the open paragraph's first line starts. */
  private paraFrom = 0;
  /** The task whose first paragraph is open (its text may go on over the next lines), or -1. */
  private paraTask = -1;

  private readonly lineBreaks: LineBreaks;
  private readonly comments: MarkFinder;
  private readonly math: MarkFinder;
  /** Offset of the next line to scan; -1 until the frontmatter is skipped, past the text when done. */
  private next = -1;
  private lineCount = 0;

  /** `slabs` holds the working arrays (and the mask, tasks and parents the scan hands back). */
  constructor(readonly text: string, private readonly slabs = new Slabs(0, 0)) {
    // Sized for a typical note (a line every ~30 characters, a list item every ~60); they grow when not.
    this.mask = slabs.bytes(Math.min(text.length + 1, (text.length >> 5) + 64));
    this.parents = slabs.ints((text.length >> 6) + 16);
    this.tasks = new ScannedTasks((text.length >> 7) + 8, slabs);
    this.lineBreaks = new LineBreaks(text);
    this.comments = new MarkFinder(text, "%%");
    this.math = new MarkFinder(text, "$$");
  }

  /** Characters and open containers visited so far: the tests hold it to the note's length. */
  get work(): number {
    return this.cur.work + this.containerSteps;
  }
  private containerSteps = 0;

  run(): ScannedNote {
    this.scanUntil(this.text.length);
    return this.result();
  }

  /** Whether every line has been scanned. */
  get done(): boolean {
    return this.next > this.text.length;
  }

  /** Offset of the next line to scan (0 before the first, past the text's end when done). */
  get position(): number {
    return Math.max(0, this.next);
  }

  /** The scan so far; complete once `done`. */
  result(): ScannedNote {
    const mask = this.mask.subarray(0, this.lineCount);
    return { text: this.text, lineCount: this.lineCount, mask, headings: this.headings, tasks: this.tasks, itemParent: this.parents.subarray(0, this.items) };
  }

  /**
   * Scans the lines that start before offset `end` and are not scanned yet, so a long note can be scanned
   * a stretch at a time (with other work between) and end in the same state as one `run()`.
   */
  scanUntil(end: number): void {
    const text = this.text;
    const breaks = this.lineBreaks;
    if (this.next < 0) this.skipFrontmatter();
    // Lines starting before `end`; the call that reaches the text's end scans the last line too.
    const last = end >= text.length;
    while (this.next <= text.length && (this.next < end || last)) {
      const from = this.next;
      const lineEnd = breaks.endOf(from);
      const n = this.lineCount++;
      if (n >= this.mask.length) this.growMask();
      this.n = n;
      this.from = from;
      this.end = lineEnd;
      if (this.inComment) {
        this.mask[n] = 1;
        if (this.comments.firstIn(from, lineEnd) >= 0) this.inComment = false;
      } else if (this.depth === 0 && this.leaf <= Leaf.Paragraph && lineEnd > from && !this.special(text.charCodeAt(from))) {
        this.plainTopLevelText(); // fast path: most prose lines
      } else if (lineEnd === from && this.leaf <= Leaf.Paragraph) {
        this.emptyLine(); // fast path: a million blank lines must not cost a million full line scans
      } else {
        this.scanLine();
      }
      this.next = breaks.after;
    }
  }

  private growMask(): void {
    this.mask = this.slabs.grownBytes(this.mask);
  }

  /** YAML frontmatter: `---` on line 1 up to `---` or `...`; its lines are code. None when it never closes. */
  private skipFrontmatter(): void {
    const text = this.text;
    const breaks = this.lineBreaks;
    const first = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a BOM is not part of line 1
    this.next = first;
    if (text.slice(first, breaks.endOf(first)).trimEnd() !== "---") return;
    let lines = 1;
    for (let from = breaks.after; from <= text.length; from = breaks.after, lines++) {
      const t = text.slice(from, breaks.endOf(from)).trimEnd();
      if (t === "---" || t === "...") {
        while (this.mask.length < lines + 1) this.growMask();
        this.mask.fill(1, 0, lines + 1);
        this.lineCount = lines + 1;
        this.next = breaks.after;
        return;
      }
    }
  }

  private special(c: number): boolean {
    return c < 128 && SPECIAL[c] === 1;
  }

  private plainTopLevelText(): void {
    if (this.leaf !== Leaf.Paragraph) {
      this.afterIndentedCode = false;
      this.leaf = Leaf.Paragraph;
      this.paraLine = this.n;
      this.paraFrom = this.from;
      this.paraTop = true;
      this.paraTask = -1;
    }
    if (this.comments.countIn(this.from, this.end) % 2 === 1) this.inComment = true;
  }

  /** `scanLine` for an empty line outside code, HTML and math: it ends the paragraph and the containers it cannot continue. */
  private emptyLine(): void {
    this.matched = this.depth === 0 ? 0 : this.blankStop(0);
    this.depth = this.matched;
    this.leaf = Leaf.None;
    this.paraOpen = false;
    this.lazy = false;
  }

  private scanLine(): void {
    const cur = this.cur;
    cur.reset(this.text, this.from, this.end);
    this.continueContainers();
    const allMatched = this.matched === this.depth;
    cur.findNextNonspace();
    if (allMatched && this.leaf > Leaf.Paragraph) {
      if (this.continueLeaf()) return;
    } else if (allMatched && this.leaf === Leaf.Paragraph && cur.blank) {
      this.leaf = Leaf.None;
    }
    this.paraOpen = allMatched && this.leaf === Leaf.Paragraph;
    this.lazy = !allMatched && this.leaf === Leaf.Paragraph && !cur.blank;
    if (this.startBlocks(allMatched)) return;
    if (this.lazy) { // lazy paragraph continuation
      if (this.paraTask >= 0) this.tasks.continuePara(this.paraTask, this.end);
      return;
    }
    this.depth = this.matched;
    if (cur.blank) {
      this.leaf = Leaf.None;
      return;
    }
    this.paragraphText();
  }

  /** Step 1: how many open containers this line continues; leaves the cursor after their markers. */
  private continueContainers(): void {
    const cur = this.cur;
    const line = this.text;
    const pool = this.pool;
    let matched = 0;
    for (; matched < this.depth; matched++) {
      this.containerSteps++;
      const c = pool[matched];
      if (c.quote && cur.takeQuoteMarker()) continue;
      cur.findNextNonspace();
      if (c.quote) {
        if (cur.indent >= 4 || line.charCodeAt(cur.nextNonspace) !== 62) break;
        cur.advanceNextNonspace();
        cur.advanceOffset(1, false);
        if (cur.spaceOrTabAt(cur.offset)) cur.advanceOffset(1, true);
      } else if (cur.blank) {
        // The rest of the line is blank: every list item with content continues, up to the next quote
        // or the innermost item while it is still empty. Found without walking thousands of levels.
        const stop = this.blankStop(matched);
        if (stop > matched) cur.advanceNextNonspace();
        matched = stop;
        break;
      } else if (cur.indent >= c.width) {
        cur.advanceOffset(c.width, true);
      } else break;
    }
    this.matched = matched;
  }

  /**
   * Where a line that is blank from container `i` on (a list item) stops matching: the first quote at
   * or above `i`, or the innermost container when it has no content yet, else all of them. Only the
   * innermost container can lack content (opening a block inside one gives it some), and a line turns
   * blank at the first container or just after a quote, whose `nextQuote` is then at hand.
   */
  private blankStop(i: number): number {
    const pool = this.pool;
    const below = i - 1;
    let stop = this.depth;
    if (below < 0 || pool[below].quote) {
      const next = below < 0 ? this.firstQuote : pool[below].nextQuote;
      if (this.quoteAbove(next, below)) stop = next;
    } else {
      for (stop = i; stop < this.depth && !pool[stop].quote && pool[stop].hasChild; stop++) this.containerSteps++;
      return stop;
    }
    const top = this.depth - 1;
    if (top >= i && top < stop && !pool[top].hasChild) stop = top;
    return stop;
  }

  /**
   * Whether `next`, as recorded for quote `below` (-1: the first quote), is still the next open quote
   * above it. A record is set when a quote is pushed on top of `below`'s stretch, so it can only be
   * stale after that quote closed; then no quote is open above `below` unless one was pushed since,
   * which would have replaced the record.
   */
  private quoteAbove(next: number, below: number): boolean {
    return next > below && next < this.depth && this.pool[next].quote && this.pool[next].prevQuote === below;
  }

  /** Step 2: an open code/HTML/math leaf takes the line (true) or closes. */
  private continueLeaf(): boolean {
    const cur = this.cur;
    const n = this.n;
    const { text, end } = this;
    switch (this.leaf) {
      case Leaf.Fenced:
        this.mask[n] = 1;
        if (cur.indent < 4 && closingFence(text, cur.nextNonspace, end, this.fenceChar, this.fenceLength)) this.leaf = Leaf.None;
        return true;
      case Leaf.Math:
        this.mask[n] = 1;
        if (this.math.firstIn(cur.offset, end) >= 0) this.leaf = Leaf.None;
        return true;
      case Leaf.Html:
        if (cur.blank && this.htmlKind >= 6) {
          this.leaf = Leaf.None;
          return false;
        }
        this.mask[n] = 1;
        if (htmlBlockEnds(this.htmlKind, text.slice(cur.offset, end))) this.leaf = Leaf.None;
        return true;
      default: // indented code
        if (cur.indent >= 4 || cur.blank) {
          this.mask[n] = 1;
          return true;
        }
        this.leaf = Leaf.None;
        return false;
    }
  }

  /** A new block interrupts: close unmatched containers and the open paragraph. */
  private openBlock(): void {
    this.depth = this.matched;
    this.leaf = Leaf.None;
    this.paraOpen = false;
    this.lazy = false;
    this.afterIndentedCode = false;
    if (this.depth > 0) this.pool[this.depth - 1].hasChild = true;
  }

  /** Step 3: containers and leaves starting on this line; true when a leaf consumed the line. */
  private startBlocks(allMatched: boolean): boolean {
    const cur = this.cur;
    const n = this.n;
    const { text: line, end } = this;
    for (;;) {
      cur.findNextNonspace();
      if (cur.blank) return false;
      const at = cur.nextNonspace;
      const ch = line.charCodeAt(at);
      if (cur.indent >= 4) {
        if (this.paraOpen || this.lazy) return false;
        this.openBlock();
        this.leaf = Leaf.Indented;
        this.afterIndentedCode = allMatched;
        this.mask[n] = 1;
        return true;
      }
      if (!this.special(ch)) return false;
      if (ch === 62 /* > */) {
        this.openBlock();
        cur.advanceNextNonspace();
        cur.advanceOffset(1, false);
        if (cur.spaceOrTabAt(cur.offset)) cur.advanceOffset(1, true);
        this.push(true, 0, -1, false);
        continue;
      }
      if (ch === 37 /* % */ && at + 2 <= end && line.startsWith("%%", at)) {
        // An Obsidian comment opened at the start of a block hides the line (and more, until `%%`).
        this.mask[n] = 1;
        if (this.comments.countIn(at, end) % 2 === 1) this.inComment = true;
        return true;
      }
      if (ch === 35 /* # */) {
        const heading = atxHeading(line, at, end);
        if (heading) {
          const topLevel = this.matched === 0;
          this.openBlock();
          if (topLevel) this.headings.push({ line: n + 1, level: heading.level, text: stripEmphasis(heading.text) });
          return true;
        }
      }
      if (ch === 96 || ch === 126) {
        const open = openingFence(line, at, end);
        if (open) {
          this.openBlock();
          this.fenceChar = ch;
          this.fenceLength = open;
          this.leaf = Leaf.Fenced;
          this.mask[n] = 1;
          return true;
        }
      }
      if (ch === 36 /* $ */ && at + 2 <= end && line.startsWith("$$", at)) {
        this.openBlock();
        this.mask[n] = 1;
        if (this.math.firstIn(at + 2, end) < 0) this.leaf = Leaf.Math;
        return true;
      }
      if (ch === 60 /* < */) {
        const kind = htmlBlockKind(line.slice(at, end), !this.paraOpen && !this.lazy);
        if (kind) {
          this.openBlock();
          this.htmlKind = kind;
          this.mask[n] = 1;
          if (!(kind <= 5 && htmlBlockEnds(kind, line.slice(cur.offset, end)))) this.leaf = Leaf.Html;
          return true;
        }
      }
      if (this.paraOpen && (ch === 61 || ch === 45) && isSetextUnderline(line, at, end)) {
        this.closeAsSetext(ch === 61 ? 1 : 2);
        return true;
      }
      if ((ch === 42 || ch === 45 || ch === 95) && isThematicBreak(line, at, end, this.blocker(ch))) {
        this.openBlock();
        return true;
      }
      const marker = listMarker(line, at, end, this.paraOpen || (this.afterIndentedCode && allMatched));
      if (!marker) return false;
      const markerIndent = cur.indent;
      const bare = at + marker === end;
      this.openBlock();
      const width = markerIndent + cur.openListItem(marker);
      const id = this.items++;
      if (id === this.parents.length) this.parents = this.slabs.grownInts(this.parents);
      this.parents[id] = this.enclosingItem();
      this.push(false, width, id, bare);
    }
  }

  /** lastBlocker(line, ch) for `*`, `-`, `_`, cached for the current line. */
  private blockers = [-2, -2, -2];
  private blockersLine = -1;
  private blocker(ch: number): number {
    if (this.blockersLine !== this.n) {
      this.blockersLine = this.n;
      this.blockers.fill(-2);
    }
    const k = ch === 42 ? 0 : ch === 45 ? 1 : 2;
    if (this.blockers[k] === -2) this.blockers[k] = lastBlocker(this.text, this.from, this.end, ch);
    return this.blockers[k];
  }

  private push(quote: boolean, width: number, id: number, bare: boolean): void {
    const at = this.depth;
    const below = at > 0 ? this.pool[at - 1] : undefined;
    const prevQuote = below === undefined ? -1 : below.quote ? at - 1 : below.prevQuote;
    const c = this.pool[at];
    if (c) {
      c.quote = quote;
      c.width = width;
      c.id = id;
      c.hasChild = false;
      c.line = this.n;
      c.bare = bare;
      c.prevQuote = prevQuote;
      c.nextQuote = -1;
    } else {
      this.pool.push({ quote, width, id, hasChild: false, line: this.n, bare, prevQuote, nextQuote: -1 });
    }
    if (quote) {
      if (prevQuote < 0) this.firstQuote = at;
      else this.pool[prevQuote].nextQuote = at;
    }
    this.matched = ++this.depth;
  }

  private enclosingItem(): number {
    for (let i = this.depth - 1; i >= 0; i--) if (!this.pool[i].quote) return this.pool[i].id;
    return -1;
  }

  /** Step 4: paragraph text, continuing the open paragraph or starting one (maybe a task). */
  private paragraphText(): void {
    const cur = this.cur;
    const { n, text: line, from, end } = this;
    const at = cur.nextNonspace;
    if (this.paraOpen) {
      if (this.paraTask >= 0) this.tasks.continuePara(this.paraTask, end);
    } else {
      this.paraTask = -1;
      const parent = this.depth > 0 ? this.pool[this.depth - 1] : undefined;
      // GFM (as micromark reads it): the checkbox opens the item's first paragraph on the marker's
      // line, or on the next line when the marker stood alone without even a trailing space.
      if (parent && !parent.quote && !parent.hasChild && (parent.line === n || parent.bare)) {
        const contentEnd = checkboxEnd(line, at, end);
        if (contentEnd > 0) {
          this.paraTask = this.tasks.length;
          this.tasks.add(n, from, end, line.codePointAt(at + 1)!, at - from, contentEnd - from, parent.id);
        }
      }
      if (parent) parent.hasChild = true;
      this.afterIndentedCode = false;
      this.leaf = Leaf.Paragraph;
      this.paraLine = n;
      this.paraFrom = from;
      this.paraTop = this.depth === 0;
    }
    if (this.paraTop) {
      const bold = boldOnly(line, at, end);
      if (bold !== null) this.headings.push({ line: n + 1, level: 7, text: bold });
    }
    if (this.comments.countIn(at, end) % 2 === 1) this.inComment = true;
  }

  /** A paragraph followed by `===`/`---` is a heading: no task, and its bold lines are no groups. */
  private closeAsSetext(level: number): void {
    const tasks = this.tasks;
    if (tasks.length > 0 && tasks.line(tasks.length - 1) === this.paraLine) tasks.pop();
    this.leaf = Leaf.None;
    this.paraTask = -1;
    if (!this.paraTop || this.matched !== 0) return;
    const headings = this.headings;
    while (headings.length > 0 && headings[headings.length - 1].line > this.paraLine) headings.pop();
    // The paragraph's whole lines, up to this one (which starts after the last line break).
    const text = splitLines(this.text.slice(this.paraFrom, this.from)).slice(0, -1).map((l) => l.trim()).join(" ");
    headings.push({ line: this.paraLine + 1, level, text: stripEmphasis(text) });
  }
}

/** Line ends of a text: `\n`, `\r\n` or a lone `\r`, as `splitLines` reads them. */
class LineBreaks {
  /** Where the line after the last one asked for starts (past the text's end after the last line). */
  after = 0;
  private readonly hasCr: boolean;
  constructor(private readonly text: string) {
    this.hasCr = text.includes("\r");
  }
  /** Where the line starting at `from` ends (before its break); sets `after`. */
  endOf(from: number): number {
    const text = this.text;
    if (!this.hasCr) {
      const end = text.indexOf("\n", from);
      this.after = end < 0 ? text.length + 1 : end + 1;
      return end < 0 ? text.length : end;
    }
    let i = from;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) break;
    }
    this.after = i >= text.length ? text.length + 1 : text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    return i;
  }
}
