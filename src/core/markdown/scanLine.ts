// Line-level pieces of the block scanner: a cursor that counts columns with 4-column tab stops
// (as CommonMark does), and recognisers for block starts. All are single forward passes. They read a
// line in place, as `s[from, end)` of the note's text: cutting every line out cost more than scanning it.

const isSpaceOrTab = (c: number): boolean => c === 32 || c === 9;

export class LineCursor {
  line = "";
  /** Where the line ends in `line` (the note's text). */
  end = 0;
  offset = 0;
  column = 0;
  partialTab = false;
  nextNonspace = 0;
  nextNonspaceColumn = 0;
  indent = 0;
  blank = false;
  /** Characters looked at so far (the tests hold the scanner's work to the note's length). */
  work = 0;

  /** Where the last search for the next non-space began: from there to `nextNonspace` is all spaces and tabs. */
  private searchedFrom = -1;

  reset(text: string, from: number, end: number): void {
    this.line = text;
    this.end = end;
    this.offset = from;
    this.column = 0;
    this.partialTab = false;
    this.searchedFrom = -1;
  }

  spaceOrTabAt(i: number): boolean {
    return i < this.end && isSpaceOrTab(this.line.charCodeAt(i));
  }

  findNextNonspace(): void {
    // Still inside the run of spaces searched last (each of 8,000 nested list items takes two of a
    // line's 16,000 spaces): the same non-space, at the same column, as tab stops are the line's own.
    if (this.searchedFrom >= 0 && this.searchedFrom <= this.offset && this.offset <= this.nextNonspace) {
      this.work++;
      this.indent = this.nextNonspaceColumn - this.column;
      return;
    }
    const line = this.line;
    const end = this.end;
    let i = this.offset;
    this.searchedFrom = i;
    let cols = this.column;
    for (; i < end; i++) {
      const c = line.charCodeAt(i);
      if (c === 32) cols++;
      else if (c === 9) cols += 4 - (cols % 4);
      else break;
    }
    this.work += i - this.offset + 1;
    this.blank = i >= end;
    this.nextNonspace = i;
    this.nextNonspaceColumn = cols;
    this.indent = cols - this.column;
  }

  /** Consumes a `>` right at the offset and one space or tab after it (as a quote continues); false when
   *  the offset holds something else. Nested quotes (`>>>>`) need no indentation measured per level. */
  takeQuoteMarker(): boolean {
    if (this.offset >= this.end || this.line.charCodeAt(this.offset) !== 62) return false;
    this.work++;
    this.offset++;
    this.column++;
    this.partialTab = false;
    if (this.spaceOrTabAt(this.offset)) this.advanceOffset(1, true);
    return true;
  }

  advanceNextNonspace(): void {
    this.offset = this.nextNonspace;
    this.column = this.nextNonspaceColumn;
    this.partialTab = false;
  }

  /** Moves `count` characters, or `count` columns when `columns` (a tab may be consumed partly). */
  advanceOffset(count: number, columns: boolean): void {
    const line = this.line;
    while (count > 0 && this.offset < this.end) {
      if (line.charCodeAt(this.offset) === 9) {
        const toTab = 4 - (this.column % 4);
        if (columns) {
          this.partialTab = toTab > count;
          const step = Math.min(count, toTab);
          this.column += step;
          this.offset += this.partialTab ? 0 : 1;
          count -= step;
        } else {
          this.partialTab = false;
          this.column += toTab;
          this.offset += 1;
          count -= 1;
        }
      } else {
        this.partialTab = false;
        this.offset += 1;
        this.column += 1;
        count -= 1;
      }
    }
  }

  /** Consumes a list marker at the next non-space and the spaces after it; returns the content padding. */
  openListItem(markerLength: number): number {
    this.advanceNextNonspace();
    this.advanceOffset(markerLength, true);
    const startColumn = this.column;
    const startOffset = this.offset;
    do {
      this.advanceOffset(1, true);
    } while (this.column - startColumn < 5 && this.spaceOrTabAt(this.offset));
    const blankItem = this.offset >= this.end;
    const spaces = this.column - startColumn;
    if (spaces >= 5 || spaces < 1 || blankItem) {
      this.column = startColumn;
      this.offset = startOffset;
      if (this.spaceOrTabAt(this.offset)) this.advanceOffset(1, true);
      return markerLength + 1;
    }
    return markerLength + spaces;
  }
}

function onlySpacesFrom(s: string, i: number, end: number): boolean {
  for (; i < end; i++) if (!isSpaceOrTab(s.charCodeAt(i))) return false;
  return true;
}

function runLength(s: string, at: number, end: number, c: number): number {
  let i = at;
  while (i < end && s.charCodeAt(i) === c) i++;
  return i - at;
}

/** `#`–`######` heading at `at`: level and raw inline text (closing `#`s removed). */
export function atxHeading(s: string, at: number, lineEnd: number): { level: number; text: string } | null {
  const level = runLength(s, at, lineEnd, 35);
  if (level > 6) return null;
  let i = at + level;
  if (i < lineEnd && !isSpaceOrTab(s.charCodeAt(i))) return null;
  while (i < lineEnd && isSpaceOrTab(s.charCodeAt(i))) i++;
  let end = lineEnd;
  while (end > i && isSpaceOrTab(s.charCodeAt(end - 1))) end--;
  let j = end;
  while (j > i && s.charCodeAt(j - 1) === 35) j--;
  if (j === i) end = i;
  else if (j < end && isSpaceOrTab(s.charCodeAt(j - 1))) end = j;
  return { level, text: s.slice(i, end) };
}

/** Length of an opening code fence at `at`, or 0. */
export function openingFence(s: string, at: number, end: number): number {
  const c = s.charCodeAt(at);
  const run = runLength(s, at, end, c);
  if (run < 3) return 0;
  if (c === 96) for (let i = at + run; i < end; i++) if (s.charCodeAt(i) === 96) return 0;
  return run;
}

export function closingFence(s: string, at: number, end: number, c: number, length: number): boolean {
  const run = runLength(s, at, end, c);
  return run >= length && onlySpacesFrom(s, at + run, end);
}

/** Index of the last character of `s[from, end)` that is not `c`, a space or a tab (`from - 1` when there is none). */
export function lastBlocker(s: string, from: number, end: number, c: number): number {
  let i = end - 1;
  while (i >= from) {
    const d = s.charCodeAt(i);
    if (d !== c && !isSpaceOrTab(d)) break;
    i--;
  }
  return i;
}

/** `***`, `- - -`, `___` from `at`; `blocker` is lastBlocker(…, c) of the line, computed once per line so
 *  that a line of 500,000 nested `- ` markers is not rescanned at every level. */
export function isThematicBreak(s: string, at: number, end: number, blocker: number): boolean {
  if (blocker >= at) return false;
  const c = s.charCodeAt(at);
  let count = 0;
  for (let i = at; i < end && count < 3; i++) if (s.charCodeAt(i) === c) count++;
  return count >= 3;
}

export function isSetextUnderline(s: string, at: number, end: number): boolean {
  return onlySpacesFrom(s, at + runLength(s, at, end, s.charCodeAt(at)), end);
}

/** Length of a list marker (`-`, `+`, `*`, `1.`, `1)`) at `at` that may start an item here, or 0. */
export function listMarker(s: string, at: number, end: number, interruptsParagraph: boolean): number {
  const c = s.charCodeAt(at);
  let length: number;
  if (c === 45 || c === 43 || c === 42) length = 1;
  else {
    let i = at;
    while (i - at < 10 && i < end && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    const digits = i - at;
    const d = i < end ? s.charCodeAt(i) : -1;
    if (digits === 0 || digits > 9 || (d !== 46 && d !== 41)) return 0;
    if (interruptsParagraph && Number(s.slice(at, i)) !== 1) return 0;
    length = digits + 1;
  }
  const after = at + length;
  if (after < end && !isSpaceOrTab(s.charCodeAt(after))) return 0;
  if (interruptsParagraph && onlySpacesFrom(s, after, end)) return 0;
  return length;
}

/**
 * Occurrences of a mark (`%%`, `$$`) within lines, read in increasing order. The last search is
 * remembered: searching the text from every line would cost a pass over the rest of the note per line.
 */
export class MarkFinder {
  private searchedFrom = 0;
  private found = -2; // not searched yet
  constructor(private readonly text: string, private readonly mark: string) {}

  /** Where the first mark lying wholly in `[from, end)` starts, or -1. */
  firstIn(from: number, end: number): number {
    if (this.found === -2 || from < this.searchedFrom || (this.found >= 0 && this.found < from)) {
      this.searchedFrom = from;
      this.found = this.text.indexOf(this.mark, from);
    }
    return this.found >= 0 && this.found + this.mark.length <= end ? this.found : -1;
  }

  /** How many marks lie in `[from, end)`, not overlapping. */
  countIn(from: number, end: number): number {
    let n = 0;
    for (let at = this.firstIn(from, end); at >= 0; at = this.firstIn(at + this.mark.length, end)) n++;
    return n;
  }
}

/** `[c]` followed by a space, a tab or the end of the line, for any single character c: the
 *  offset just after `]`, or -1. */
export function checkboxEnd(s: string, at: number, end: number): number {
  if (at + 2 >= end || s.charCodeAt(at) !== 91) return -1;
  const c = s.charCodeAt(at + 1);
  const low = at + 2 < end ? s.charCodeAt(at + 2) : -1;
  const width = c >= 0xd800 && c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
  const close = at + 1 + width;
  if (c === 93 || c === 9 || close >= end || s.charCodeAt(close) !== 93) return -1;
  return close + 1 >= end || s.charCodeAt(close + 1) === 32 || s.charCodeAt(close + 1) === 9 ? close + 1 : -1;
}

/** Splits on \r\n, \n or a lone \r; drops a leading BOM (it is not part of line 1's text). */
export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // The native split is several times faster than a scan; only CR needs the general path.
  if (!body.includes("\r")) return body.split("\n");
  return body.split(/\r\n|\r|\n/);
}
