// The commonmark.js block algorithm over lines (containers, lazy continuation, tabs as 4-column
// stops), keeping only what the planner needs. State lives in fields so the hot loop allocates little.
import { htmlBlockEnds, htmlBlockKind } from "./scanHtml";
import type { Heading } from "./types";
import { stripEmphasis, boldOnly } from "./inline";
import {
  LineCursor, atxHeading, checkboxEnd, closingFence, countComments, frontmatterEnd, isThematicBreak, isSetextUnderline, lastBlocker,
  listMarker, openingFence,
} from "./scanLine";
import type { ScannedNote, ScannedTask } from "./scan";

const enum Leaf { None, Paragraph, Fenced, Indented, Html, Math }
interface Container {
  quote: boolean;
  width: number;
  id: number;
  hasChild: boolean;
  line: number;
  /** The marker ended its line with nothing after it, not even a space. */
  bare: boolean;
}

/** First characters that may start something other than paragraph text (or be indentation). */
const SPECIAL = new Uint8Array(128);
for (const ch of " \t>%#`~$<=-*_+0123456789") SPECIAL[ch.charCodeAt(0)] = 1;

export class BlockScanner {
  readonly mask: Uint8Array;
  readonly headings: Heading[] = [];
  readonly tasks: ScannedTask[] = [];
  readonly itemParent: number[] = [];
  /** Open containers are pool[0 .. depth); entries past depth are reused, not reallocated. */
  private pool: Container[] = [];
  private depth = 0;
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
  // Per-line state.
  private n = 0;
  private matched = 0;
  private paraOpen = false;
  private lazy = false;

  /** The next line to scan; -1 until the frontmatter is skipped. */
  private next = -1;

  constructor(readonly lines: string[]) {
    this.mask = new Uint8Array(lines.length);
  }

  run(): ScannedNote {
    this.scanUntil(this.lines.length);
    return this.result();
  }

  /** Whether every line has been scanned. */
  get done(): boolean {
    return this.next >= this.lines.length;
  }

  /** The scan so far; complete once `done`. */
  result(): ScannedNote {
    return { lines: this.lines, mask: this.mask, headings: this.headings, tasks: this.tasks, itemParent: this.itemParent };
  }

  /**
   * Scans the lines before `end` that are not scanned yet, so a long note can be scanned a stretch at a
   * time (with other work between) and end in the same state as one `run()`.
   */
  scanUntil(end: number): void {
    const lines = this.lines;
    if (this.next < 0) {
      this.next = frontmatterEnd(lines);
      this.mask.fill(1, 0, this.next);
    }
    const stop = Math.min(end, lines.length);
    for (let n = this.next; n < stop; n++) {
      const line = lines[n];
      this.n = n;
      if (this.inComment) {
        this.mask[n] = 1;
        if (line.includes("%%")) this.inComment = false;
      } else if (this.depth === 0 && this.leaf <= Leaf.Paragraph && line.length > 0 && !this.special(line.charCodeAt(0))) {
        this.plainTopLevelText(line); // fast path: most prose lines
      } else {
        this.scanLine(line);
      }
    }
    if (stop > this.next) this.next = stop;
  }

  private special(c: number): boolean {
    return c < 128 && SPECIAL[c] === 1;
  }

  private plainTopLevelText(line: string): void {
    if (this.leaf !== Leaf.Paragraph) {
      this.afterIndentedCode = false;
      this.leaf = Leaf.Paragraph;
      this.paraLine = this.n;
      this.paraTop = true;
    }
    if (line.includes("%%") && countComments(line, 0) % 2 === 1) this.inComment = true;
  }

  private scanLine(line: string): void {
    const cur = this.cur;
    cur.reset(line);
    this.continueContainers(line);
    const allMatched = this.matched === this.depth;
    cur.findNextNonspace();
    if (allMatched && this.leaf > Leaf.Paragraph) {
      if (this.continueLeaf(line)) return;
    } else if (allMatched && this.leaf === Leaf.Paragraph && cur.blank) {
      this.leaf = Leaf.None;
    }
    this.paraOpen = allMatched && this.leaf === Leaf.Paragraph;
    this.lazy = !allMatched && this.leaf === Leaf.Paragraph && !cur.blank;
    if (this.startBlocks(line, allMatched)) return;
    if (this.lazy) return; // lazy paragraph continuation
    this.depth = this.matched;
    if (cur.blank) {
      this.leaf = Leaf.None;
      return;
    }
    this.paragraphText(line);
  }

  /** Step 1: how many open containers this line continues; leaves the cursor after their markers. */
  private continueContainers(line: string): void {
    const cur = this.cur;
    const pool = this.pool;
    let matched = 0;
    for (; matched < this.depth; matched++) {
      const c = pool[matched];
      cur.findNextNonspace();
      if (c.quote) {
        if (cur.indent >= 4 || line.charCodeAt(cur.nextNonspace) !== 62) break;
        cur.advanceNextNonspace();
        cur.advanceOffset(1, false);
        if (cur.spaceOrTabAt(cur.offset)) cur.advanceOffset(1, true);
      } else if (cur.blank) {
        if (!c.hasChild) break;
        cur.advanceNextNonspace();
      } else if (cur.indent >= c.width) {
        cur.advanceOffset(c.width, true);
      } else break;
    }
    this.matched = matched;
  }

  /** Step 2: an open code/HTML/math leaf takes the line (true) or closes. */
  private continueLeaf(line: string): boolean {
    const cur = this.cur;
    const n = this.n;
    switch (this.leaf) {
      case Leaf.Fenced:
        this.mask[n] = 1;
        if (cur.indent < 4 && closingFence(line, cur.nextNonspace, this.fenceChar, this.fenceLength)) this.leaf = Leaf.None;
        return true;
      case Leaf.Math:
        this.mask[n] = 1;
        if (line.includes("$$", cur.offset)) this.leaf = Leaf.None;
        return true;
      case Leaf.Html:
        if (cur.blank && this.htmlKind >= 6) {
          this.leaf = Leaf.None;
          return false;
        }
        this.mask[n] = 1;
        if (htmlBlockEnds(this.htmlKind, line.slice(cur.offset))) this.leaf = Leaf.None;
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
  private startBlocks(line: string, allMatched: boolean): boolean {
    const cur = this.cur;
    const n = this.n;
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
      if (ch === 37 /* % */ && line.startsWith("%%", at)) {
        // An Obsidian comment opened at the start of a block hides the line (and more, until `%%`).
        this.mask[n] = 1;
        if (countComments(line, at) % 2 === 1) this.inComment = true;
        return true;
      }
      if (ch === 35 /* # */) {
        const heading = atxHeading(line, at);
        if (heading) {
          const topLevel = this.matched === 0;
          this.openBlock();
          if (topLevel) this.headings.push({ line: n + 1, level: heading.level, text: stripEmphasis(heading.text) });
          return true;
        }
      }
      if (ch === 96 || ch === 126) {
        const open = openingFence(line, at);
        if (open) {
          this.openBlock();
          this.fenceChar = ch;
          this.fenceLength = open;
          this.leaf = Leaf.Fenced;
          this.mask[n] = 1;
          return true;
        }
      }
      if (ch === 36 /* $ */ && line.startsWith("$$", at)) {
        this.openBlock();
        this.mask[n] = 1;
        if (!line.includes("$$", at + 2)) this.leaf = Leaf.Math;
        return true;
      }
      if (ch === 60 /* < */) {
        const kind = htmlBlockKind(line.slice(at), !this.paraOpen && !this.lazy);
        if (kind) {
          this.openBlock();
          this.htmlKind = kind;
          this.mask[n] = 1;
          if (!(kind <= 5 && htmlBlockEnds(kind, line.slice(cur.offset)))) this.leaf = Leaf.Html;
          return true;
        }
      }
      if (this.paraOpen && (ch === 61 || ch === 45) && isSetextUnderline(line, at)) {
        this.closeAsSetext(ch === 61 ? 1 : 2);
        return true;
      }
      if ((ch === 42 || ch === 45 || ch === 95) && isThematicBreak(line, at, this.blocker(line, ch))) {
        this.openBlock();
        return true;
      }
      const marker = listMarker(line, at, this.paraOpen || (this.afterIndentedCode && allMatched));
      if (!marker) return false;
      const markerIndent = cur.indent;
      const bare = at + marker === line.length;
      this.openBlock();
      const width = markerIndent + cur.openListItem(marker);
      const id = this.itemParent.length;
      this.itemParent.push(this.enclosingItem());
      this.push(false, width, id, bare);
    }
  }

  /** lastBlocker(line, ch) for `*`, `-`, `_`, cached for the current line. */
  private blockers = [-2, -2, -2];
  private blockersLine = -1;
  private blocker(line: string, ch: number): number {
    if (this.blockersLine !== this.n) {
      this.blockersLine = this.n;
      this.blockers.fill(-2);
    }
    const k = ch === 42 ? 0 : ch === 45 ? 1 : 2;
    if (this.blockers[k] === -2) this.blockers[k] = lastBlocker(line, ch);
    return this.blockers[k];
  }

  private push(quote: boolean, width: number, id: number, bare: boolean): void {
    const c = this.pool[this.depth];
    if (c) {
      c.quote = quote;
      c.width = width;
      c.id = id;
      c.hasChild = false;
      c.line = this.n;
      c.bare = bare;
    } else {
      this.pool.push({ quote, width, id, hasChild: false, line: this.n, bare });
    }
    this.matched = ++this.depth;
  }

  private enclosingItem(): number {
    for (let i = this.depth - 1; i >= 0; i--) if (!this.pool[i].quote) return this.pool[i].id;
    return -1;
  }

  /** Step 4: paragraph text, continuing the open paragraph or starting one (maybe a task). */
  private paragraphText(line: string): void {
    const cur = this.cur;
    const n = this.n;
    const at = cur.nextNonspace;
    if (!this.paraOpen) {
      const parent = this.depth > 0 ? this.pool[this.depth - 1] : undefined;
      // GFM (as micromark reads it): the checkbox opens the item's first paragraph on the marker's
      // line, or on the next line when the marker stood alone without even a trailing space.
      if (parent && !parent.quote && !parent.hasChild && (parent.line === n || parent.bare)) {
        const contentFrom = checkboxEnd(line, at);
        if (contentFrom > 0) {
          this.tasks.push({ line: n, status: line.slice(at + 1, contentFrom - 1), checkFrom: at, contentFrom, item: parent.id });
        }
      }
      if (parent) parent.hasChild = true;
      this.afterIndentedCode = false;
      this.leaf = Leaf.Paragraph;
      this.paraLine = n;
      this.paraTop = this.depth === 0;
    }
    if (this.paraTop) {
      const bold = boldOnly(line, at);
      if (bold !== null) this.headings.push({ line: n + 1, level: 7, text: bold });
    }
    if (line.includes("%%", at) && countComments(line, at) % 2 === 1) this.inComment = true;
  }

  /** A paragraph followed by `===`/`---` is a heading: no task, and its bold lines are no groups. */
  private closeAsSetext(level: number): void {
    const tasks = this.tasks;
    if (tasks.length > 0 && tasks[tasks.length - 1].line === this.paraLine) tasks.pop();
    this.leaf = Leaf.None;
    if (!this.paraTop || this.matched !== 0) return;
    const headings = this.headings;
    while (headings.length > 0 && headings[headings.length - 1].line > this.paraLine) headings.pop();
    const text = this.lines.slice(this.paraLine, this.n).map((l) => l.trim()).join(" ");
    headings.push({ line: this.paraLine + 1, level, text: stripEmphasis(text) });
  }
}
