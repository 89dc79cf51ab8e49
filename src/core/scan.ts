// A CommonMark block scanner that only keeps what the planner needs: which lines are code-like,
// where headings, bold-only lines and checklist items are, and how list items nest. It follows the
// commonmark.js block algorithm (containers, lazy continuation, tabs as 4-column stops) line by
// line, with no regex that can backtrack on a long line, so its cost is one pass over the text.
import { htmlBlockEnds, htmlBlockKind } from "./scanHtml";
import type { Heading } from "./types";
import { stripEmphasis, boldOnly } from "./inline";
import { LineCursor, atxHeading, closingFence, isThematicBreak, isSetextUnderline, listMarker, openingFence } from "./scanLine";

/** A list item whose first paragraph starts with `[c]`. Lines and offsets are 0-based. */
export interface ScannedTask {
  line: number;
  status: string;
  /** Offset of `[` and of the first character after `]` in the line. */
  checkFrom: number;
  contentFrom: number;
  /** The list item's id; `itemParent[item]` is the enclosing list item's id or -1. */
  item: number;
}

export interface ScannedNote {
  lines: string[];
  /** 1 where a line is code, HTML, comment, frontmatter or math: never content. */
  mask: Uint8Array;
  /** Headings and bold-only lines outside any container, 1-based lines, in order. */
  headings: Heading[];
  tasks: ScannedTask[];
  itemParent: number[];
}

/** Splits on \r\n, \n or a lone \r; drops a leading BOM (it is not part of line 1's text). */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push(text.slice(start, i));
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push(text.slice(start));
  return lines;
}

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

/** Line index after YAML frontmatter (`---` on line 1 up to `---` or `...`), or 0 when there is none. */
function frontmatterEnd(lines: string[]): number {
  if (lines.length < 2 || lines[0].trimEnd() !== "---") return 0;
  for (let i = 1; i < lines.length; i++) {
    const t = lines[i].trimEnd();
    if (t === "---" || t === "...") return i + 1;
  }
  return 0;
}

function countComments(line: string, from: number): number {
  let n = 0;
  for (let i = line.indexOf("%%", from); i >= 0; i = line.indexOf("%%", i + 2)) n++;
  return n;
}

export function scanNote(text: string): ScannedNote {
  const lines = splitLines(text);
  const mask = new Uint8Array(lines.length);
  const headings: Heading[] = [];
  const tasks: ScannedTask[] = [];
  const itemParent: number[] = [];
  const stack: Container[] = [];
  const cur = new LineCursor();
  let leaf = Leaf.None;
  let fence = { char: 0, length: 0, indent: 0 };
  let htmlKind = 0;
  let inComment = false;
  // micromark keeps "interrupting" after indented code (even across blank lines) while the same
  // containers continue: an ordered item not numbered 1, or an empty item, cannot start there.
  let afterIndentedCode = false;
  let para: { line: number; texts: string[] | null } = { line: 0, texts: null };

  const start = frontmatterEnd(lines);
  mask.fill(1, 0, start);

  const parentOfNew = (): Container | undefined => stack[stack.length - 1];
  const markChild = (): void => { const p = parentOfNew(); if (p) p.hasChild = true; };

  for (let n = start; n < lines.length; n++) {
    const line = lines[n];
    if (inComment) {
      mask[n] = 1;
      if (line.includes("%%")) inComment = false;
      continue;
    }
    cur.reset(line);

    // 1. Which open containers does this line continue?
    let matched = 0;
    for (; matched < stack.length; matched++) {
      const c = stack[matched];
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
    const allMatched = matched === stack.length;

    // 2. Does the open leaf take this line?
    cur.findNextNonspace();
    if (allMatched && leaf !== Leaf.None && leaf !== Leaf.Paragraph) {
      if (leaf === Leaf.Fenced) {
        mask[n] = 1;
        if (cur.indent < 4 && closingFence(line, cur.nextNonspace, fence.char, fence.length)) leaf = Leaf.None;
        continue;
      }
      if (leaf === Leaf.Math) {
        mask[n] = 1;
        if (line.includes("$$", cur.offset)) leaf = Leaf.None;
        continue;
      }
      if (leaf === Leaf.Html) {
        if (cur.blank && htmlKind >= 6) leaf = Leaf.None;
        else {
          mask[n] = 1;
          if (htmlBlockEnds(htmlKind, line.slice(cur.offset))) leaf = Leaf.None;
          continue;
        }
      } else if (leaf === Leaf.Indented) {
        if (cur.indent >= 4 || cur.blank) { mask[n] = 1; continue; }
        leaf = Leaf.None;
      }
    } else if (allMatched && leaf === Leaf.Paragraph && cur.blank) {
      leaf = Leaf.None;
    }

    // 3. New blocks starting on this line.
    let paraOpen = allMatched && leaf === Leaf.Paragraph;
    let lazy = !allMatched && leaf === Leaf.Paragraph && !cur.blank;
    const openBlock = (): void => {
      stack.length = matched;
      leaf = Leaf.None;
      paraOpen = false;
      lazy = false;
      afterIndentedCode = false;
      markChild();
    };
    let done = false;
    for (;;) {
      cur.findNextNonspace();
      if (cur.blank) break;
      const at = cur.nextNonspace;
      const ch = line.charCodeAt(at);
      if (cur.indent >= 4) {
        if (paraOpen || lazy) break;
        openBlock();
        leaf = Leaf.Indented;
        afterIndentedCode = allMatched;
        mask[n] = 1;
        done = true;
        break;
      }
      if (ch === 62 /* > */) {
        openBlock();
        cur.advanceNextNonspace();
        cur.advanceOffset(1, false);
        if (cur.spaceOrTabAt(cur.offset)) cur.advanceOffset(1, true);
        stack.push({ quote: true, width: 0, id: -1, hasChild: false, line: n, bare: false });
        matched = stack.length;
        continue;
      }
      if (ch === 37 /* % */ && line.startsWith("%%", at)) {
        // An Obsidian comment opened at the start of a block hides the line (and more, until `%%`).
        mask[n] = 1;
        if (countComments(line, at) % 2 === 1) inComment = true;
        done = true;
        break;
      }
      if (ch === 35 /* # */) {
        const heading = atxHeading(line, at);
        if (heading) {
          const topLevel = matched === 0;
          openBlock();
          if (topLevel) headings.push({ line: n + 1, level: heading.level, text: stripEmphasis(heading.text) });
          done = true;
          break;
        }
      }
      if (ch === 96 || ch === 126) {
        const open = openingFence(line, at);
        if (open) {
          openBlock();
          fence = { char: ch, length: open, indent: cur.indent };
          leaf = Leaf.Fenced;
          mask[n] = 1;
          done = true;
          break;
        }
      }
      if (ch === 36 /* $ */ && line.startsWith("$$", at)) {
        openBlock();
        mask[n] = 1;
        if (!line.includes("$$", at + 2)) leaf = Leaf.Math;
        done = true;
        break;
      }
      if (ch === 60 /* < */) {
        const kind = htmlBlockKind(line.slice(at), !paraOpen && !lazy);
        if (kind) {
          openBlock();
          htmlKind = kind;
          mask[n] = 1;
          if (!(kind <= 5 && htmlBlockEnds(kind, line.slice(cur.offset)))) leaf = Leaf.Html;
          done = true;
          break;
        }
      }
      if (paraOpen && (ch === 61 || ch === 45) && isSetextUnderline(line, at)) {
        closeAsSetext(headings, para, matched === 0 && stack.length === 0, ch === 61 ? 1 : 2);
        // A heading is not a paragraph, so its first line is no task either.
        if (tasks.length > 0 && tasks[tasks.length - 1].line === para.line) tasks.pop();
        leaf = Leaf.None;
        done = true;
        break;
      }
      if ((ch === 42 || ch === 45 || ch === 95) && isThematicBreak(line, at)) {
        openBlock();
        done = true;
        break;
      }
      const marker = listMarker(line, at, paraOpen || (afterIndentedCode && allMatched));
      if (marker) {
        const markerIndent = cur.indent;
        const bare = at + marker === line.length;
        openBlock();
        const width = markerIndent + cur.openListItem(marker);
        const id = itemParent.length;
        itemParent.push(enclosingItem(stack));
        stack.push({ quote: false, width, id, hasChild: false, line: n, bare });
        matched = stack.length;
        continue;
      }
      break;
    }
    if (done) continue;

    // 4. Paragraph text: a lazy or ordinary continuation, or a new paragraph.
    if (lazy) continue;
    stack.length = matched;
    if (cur.blank) { leaf = Leaf.None; continue; }
    const topLevel = stack.length === 0;
    if (!paraOpen) {
      const parent = parentOfNew();
      // GFM (as micromark reads it): the checkbox opens the item's first paragraph on the marker's
      // line, or on the next line when the marker stood alone without even a trailing space.
      if (parent && !parent.quote && !parent.hasChild && (parent.line === n || parent.bare)) {
        const task = checkbox(line, cur.nextNonspace);
        if (task) tasks.push({ line: n, status: task.status, checkFrom: cur.nextNonspace, contentFrom: task.contentFrom, item: parent.id });
      }
      markChild();
      afterIndentedCode = false;
      leaf = Leaf.Paragraph;
      para = { line: n, texts: topLevel ? [] : null };
    }
    if (para.texts) {
      para.texts.push(line.slice(cur.nextNonspace));
      const bold = boldOnly(line, cur.nextNonspace);
      if (bold !== null) headings.push({ line: n + 1, level: 7, text: bold });
    }
    if (line.includes("%%", cur.nextNonspace) && countComments(line, cur.nextNonspace) % 2 === 1) inComment = true;
  }
  return { lines, mask, headings, tasks, itemParent };
}

function enclosingItem(stack: Container[]): number {
  for (let i = stack.length - 1; i >= 0; i--) if (!stack[i].quote) return stack[i].id;
  return -1;
}

/** A paragraph followed by `===`/`---` is a heading; its bold-only lines stop being group labels. */
function closeAsSetext(headings: Heading[], para: { line: number; texts: string[] | null }, topLevel: boolean, level: number): void {
  if (!topLevel || !para.texts) return;
  while (headings.length > 0 && headings[headings.length - 1].line > para.line) headings.pop();
  headings.push({ line: para.line + 1, level, text: stripEmphasis(para.texts.map((t) => t.trim()).join(" ")) });
}

/** `[c]` followed by a space, a tab or the end of the line, for any single character c. */
function checkbox(line: string, at: number): { status: string; contentFrom: number } | null {
  if (line.charCodeAt(at) !== 91) return null;
  const c = line.charCodeAt(at + 1);
  const width = c >= 0xd800 && c <= 0xdbff && line.charCodeAt(at + 2) >= 0xdc00 && line.charCodeAt(at + 2) <= 0xdfff ? 2 : 1;
  const close = at + 1 + width;
  if (Number.isNaN(c) || c === 93 || c === 9 || line.charCodeAt(close) !== 93) return null;
  const after = line.charCodeAt(close + 1);
  if (!(Number.isNaN(after) || after === 32 || after === 9)) return null;
  return { status: line.slice(at + 1, close), contentFrom: close + 1 };
}

/** Per 0-based line: 1 where the line is code/html/comment/frontmatter/math (never content). */
export function codeLineMask(text: string): Uint8Array {
  return scanNote(text).mask;
}
