// Turns a note's text into planner items: dated checklist lines with their track, group and
// undated subtasks. The block structure comes from the scanner; this file only interprets it.
import { findDateKeys } from "./dateExpr";
import { ownString, pooledString } from "./ownString";
import { scanNote } from "./scan";
import { allItems, NoteItemsBuilder, type NoteItems } from "./noteItems";
import type { ParsedNote, ParseOptions, Problem } from "./types";

const DEFAULT_TRACK_LEVEL = 2;

/** "Plans/Term.md" → "Term". */
export function noteName(path: string): string {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return base.toLowerCase().endsWith(".md") ? base.slice(0, -3) : base;
}

// The prefilter looks for `[c]` followed by a space or tab (one character, or a surrogate pair, between
// the brackets): an unanchored search the regex engine runs as a fast scan for `[`. Only there does it
// look back at the line's start (container and list-marker prefix; each alternative starts with a
// different character, so nothing backtracks) and ahead for the shape of any date findDateKeys accepts
// or reports. A bare `[ ]` line covers a checkbox under a marker that stood alone on the line above.
const CHECKBOX = /\[(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\]\n\r])\][ \t]/g;
const LINE_PREFIX = /^(?:[ \t>\uFEFF]|[-*+][ \t]|\d{1,9}[.)][ \t])*$/;
const DATE_AHEAD = /^[^\n\r]*?\d{4}[-/.年]\d\d?[-/.月]\d/;

/** Cheap prefilter: false ⇒ parseNote finds no items and no problems. */
export function mightHaveItems(text: string): boolean {
  CHECKBOX.lastIndex = 0;
  for (let m = CHECKBOX.exec(text); m; m = CHECKBOX.exec(text)) {
    const lineStart = Math.max(text.lastIndexOf("\n", m.index - 1), text.lastIndexOf("\r", m.index - 1)) + 1;
    if (!LINE_PREFIX.test(text.slice(lineStart, m.index))) continue;
    const after = m.index + m[0].length;
    const newline = text.indexOf("\n", after);
    const lineEnd = newline < 0 ? text.length : newline;
    if (DATE_AHEAD.test(text.slice(after, lineEnd))) return true;
  }
  return false;
}

/** Blanks `%% … %%` comment spans (same length) so a date inside a comment does not count. */
function withoutComments(content: string): string {
  if (!content.includes("%%")) return content;
  let out = "";
  let from = 0;
  for (let open = content.indexOf("%%"); open >= 0; open = content.indexOf("%%", from)) {
    const close = content.indexOf("%%", open + 2);
    const end = close < 0 ? content.length : close + 2;
    out += content.slice(from, open) + " ".repeat(end - open);
    from = end;
  }
  return out + content.slice(from);
}

/** For each list item id, the index (in `items`) of its nearest dated ancestor item, memoised. */
class DatedAncestors {
  private memo: Int32Array;
  private own: Int32Array;
  constructor(private parent: number[]) {
    this.memo = new Int32Array(parent.length).fill(-2);
    this.own = new Int32Array(parent.length).fill(-1);
  }
  markDated(item: number, index: number): void { this.own[item] = index; }
  /** Nearest strict ancestor of `item` that is a dated item, or -1. */
  of(item: number): number {
    const chain: number[] = [];
    let p = this.parent[item];
    let found = -1;
    while (p >= 0) {
      if (this.own[p] >= 0) { found = this.own[p]; break; }
      if (this.memo[p] !== -2) { found = this.memo[p]; break; }
      chain.push(p);
      p = this.parent[p];
    }
    for (const c of chain) this.memo[c] = found;
    return found;
  }
}

/** A note's items in columns (what the index keeps), its problems and its track headings. */
export interface ParsedColumns {
  items: NoteItems;
  problems: Problem[];
  tracks: { name: string; line: number }[];
}

export function parseNote(path: string, text: string, options?: Partial<ParseOptions>): ParsedNote {
  const parsed = parseNoteColumns(path, text, options);
  return { path, items: allItems(parsed.items, path), problems: parsed.problems, tracks: parsed.tracks };
}

export function parseNoteColumns(path: string, text: string, options?: Partial<ParseOptions>): ParsedColumns {
  const trackLevel = options?.trackHeadingLevel ?? DEFAULT_TRACK_LEVEL;
  const scanned = scanNote(text);
  const fallback = noteName(path);
  const tracks = scanned.headings
    .filter((h) => h.level <= trackLevel)
    .map((h) => ({ name: pooledString(h.text || fallback), line: h.line }));
  const items = new NoteItemsBuilder();
  const problems: Problem[] = [];
  const ancestors = new DatedAncestors(scanned.itemParent);
  const headings = scanned.headings;
  let nextHeading = 0;
  let track = fallback;
  let group: string | null = null;

  for (const task of scanned.tasks) {
    const source = scanned.lines[task.line];
    const content = source.slice(task.contentFrom);
    const found = findDateKeys(withoutComments(content));
    if (found && "error" in found) {
      problems.push({ path, line: task.line + 1, message: ownString(found.error) });
      continue;
    }
    if (!found) {
      const owner = ancestors.of(task.item);
      if (owner >= 0) items.addSubtask(owner, task.line + 1, task.status, content.trim());
      continue;
    }
    for (; nextHeading < headings.length && headings[nextHeading].line <= task.line; nextHeading++) {
      const h = headings[nextHeading];
      if (h.level <= trackLevel) {
        track = h.text || fallback;
        group = null;
      } else group = h.text || null;
    }
    const index = items.addItem(task.line + 1, source, task.status, found.form, found.date, found.end,
      task.contentFrom + found.from, task.contentFrom + found.to, task.contentFrom, track, group);
    ancestors.markDated(task.item, index);
  }
  return { items: items.build(), problems, tracks };
}
