// Line-level pieces of the block scanner: a cursor that counts columns with 4-column tab stops
// (as CommonMark does), and recognisers for block starts. All are single forward passes.

const isSpaceOrTab = (c: number): boolean => c === 32 || c === 9;

export class LineCursor {
  line = "";
  offset = 0;
  column = 0;
  partialTab = false;
  nextNonspace = 0;
  nextNonspaceColumn = 0;
  indent = 0;
  blank = false;

  reset(line: string): void {
    this.line = line;
    this.offset = 0;
    this.column = 0;
    this.partialTab = false;
  }

  spaceOrTabAt(i: number): boolean {
    return isSpaceOrTab(this.line.charCodeAt(i));
  }

  findNextNonspace(): void {
    const line = this.line;
    let i = this.offset;
    let cols = this.column;
    for (; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === 32) cols++;
      else if (c === 9) cols += 4 - (cols % 4);
      else break;
    }
    this.blank = i >= line.length;
    this.nextNonspace = i;
    this.nextNonspaceColumn = cols;
    this.indent = cols - this.column;
  }

  advanceNextNonspace(): void {
    this.offset = this.nextNonspace;
    this.column = this.nextNonspaceColumn;
    this.partialTab = false;
  }

  /** Moves `count` characters, or `count` columns when `columns` (a tab may be consumed partly). */
  advanceOffset(count: number, columns: boolean): void {
    const line = this.line;
    while (count > 0 && this.offset < line.length) {
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
    const blankItem = this.offset >= this.line.length;
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

function onlySpacesFrom(line: string, i: number): boolean {
  for (; i < line.length; i++) if (!isSpaceOrTab(line.charCodeAt(i))) return false;
  return true;
}

function runLength(line: string, at: number, c: number): number {
  let i = at;
  while (line.charCodeAt(i) === c) i++;
  return i - at;
}

/** `#`–`######` heading at `at`: level and raw inline text (closing `#`s removed). */
export function atxHeading(line: string, at: number): { level: number; text: string } | null {
  const level = runLength(line, at, 35);
  if (level > 6) return null;
  let i = at + level;
  if (i < line.length && !isSpaceOrTab(line.charCodeAt(i))) return null;
  while (i < line.length && isSpaceOrTab(line.charCodeAt(i))) i++;
  let end = line.length;
  while (end > i && isSpaceOrTab(line.charCodeAt(end - 1))) end--;
  let j = end;
  while (j > i && line.charCodeAt(j - 1) === 35) j--;
  if (j === i) end = i;
  else if (j < end && isSpaceOrTab(line.charCodeAt(j - 1))) end = j;
  return { level, text: line.slice(i, end) };
}

/** Length of an opening code fence at `at`, or 0. */
export function openingFence(line: string, at: number): number {
  const c = line.charCodeAt(at);
  const run = runLength(line, at, c);
  if (run < 3) return 0;
  if (c === 96 && line.indexOf("`", at + run) >= 0) return 0;
  return run;
}

export function closingFence(line: string, at: number, c: number, length: number): boolean {
  const run = runLength(line, at, c);
  return run >= length && onlySpacesFrom(line, at + run);
}

/** Index of the last character that is not `c`, a space or a tab (-1 when there is none). */
export function lastBlocker(line: string, c: number): number {
  let i = line.length - 1;
  while (i >= 0) {
    const d = line.charCodeAt(i);
    if (d !== c && !isSpaceOrTab(d)) break;
    i--;
  }
  return i;
}

/** `***`, `- - -`, `___` from `at`; `blocker` is lastBlocker(line, c), computed once per line so
 *  that a line of 500,000 nested `- ` markers is not rescanned at every level. */
export function isThematicBreak(line: string, at: number, blocker: number): boolean {
  if (blocker >= at) return false;
  const c = line.charCodeAt(at);
  let count = 0;
  for (let i = at; i < line.length && count < 3; i++) if (line.charCodeAt(i) === c) count++;
  return count >= 3;
}

export function isSetextUnderline(line: string, at: number): boolean {
  return onlySpacesFrom(line, at + runLength(line, at, line.charCodeAt(at)));
}

/** Length of a list marker (`-`, `+`, `*`, `1.`, `1)`) at `at` that may start an item here, or 0. */
export function listMarker(line: string, at: number, interruptsParagraph: boolean): number {
  const c = line.charCodeAt(at);
  let length: number;
  if (c === 45 || c === 43 || c === 42) length = 1;
  else {
    let i = at;
    while (i - at < 10 && line.charCodeAt(i) >= 48 && line.charCodeAt(i) <= 57) i++;
    const digits = i - at;
    const d = line.charCodeAt(i);
    if (digits === 0 || digits > 9 || (d !== 46 && d !== 41)) return 0;
    if (interruptsParagraph && Number(line.slice(at, i)) !== 1) return 0;
    length = digits + 1;
  }
  const after = at + length;
  if (after < line.length && !isSpaceOrTab(line.charCodeAt(after))) return 0;
  if (interruptsParagraph && onlySpacesFrom(line, after)) return 0;
  return length;
}

/** Line index after YAML frontmatter (`---` on line 1 up to `---` or `...`), or 0 when there is none. */
export function frontmatterEnd(lines: string[]): number {
  if (lines.length < 2 || lines[0].trimEnd() !== "---") return 0;
  for (let i = 1; i < lines.length; i++) {
    const t = lines[i].trimEnd();
    if (t === "---" || t === "...") return i + 1;
  }
  return 0;
}

export function countComments(line: string, from: number): number {
  let n = 0;
  for (let i = line.indexOf("%%", from); i >= 0; i = line.indexOf("%%", i + 2)) n++;
  return n;
}

/** `[c]` followed by a space, a tab or the end of the line, for any single character c: the
 *  offset just after `]`, or -1. */
export function checkboxEnd(line: string, at: number): number {
  if (line.charCodeAt(at) !== 91) return -1;
  const c = line.charCodeAt(at + 1);
  const low = line.charCodeAt(at + 2);
  const width = c >= 0xd800 && c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
  const close = at + 1 + width;
  if (Number.isNaN(c) || c === 93 || c === 9 || line.charCodeAt(close) !== 93) return -1;
  const after = line.charCodeAt(close + 1);
  return Number.isNaN(after) || after === 32 || after === 9 ? close + 1 : -1;
}
