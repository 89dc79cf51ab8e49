// Turns a note's text into planner items: dated checklist lines with their track, group and
// undated subtasks. The block structure comes from the scanner; this file only interprets it.
import { dateKeys, findDateKeys } from "../markdown";
import { ownString, type Slabs } from "../base";
import { scanNote, scanNoteInSteps, STEP_CHARS, type ScannedNote } from "../markdown";
import { displayText } from "../markdown";
import { allItems, BODY_MORE, NoteItemsBuilder, NoteWorkspace, textAround, type NoteItems } from "./noteItems";
import type { ParsedNote, ParseOptions, Problem } from "../base";

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
const LINE_PREFIX = /^(?:[ \t>\uFEFF]|[-*+][ \t]|\d{1,9}[.)][ \t])*$/;
const DATE_AHEAD = /^[^\n\r]*?\d{4}[-/.年]\d\d?[-/.月]\d/;

/** Cheap prefilter: false ⇒ parseNote finds no items and no problems. */
export function mightHaveItems(text: string): boolean {
  const checkbox = /\[(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\]\n\r])\][ \t]/g; // a literal here: a fresh lastIndex per call
  for (let m = checkbox.exec(text); m; m = checkbox.exec(text)) {
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
export function withoutComments(content: string): string {
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

/** A paragraph's further lines (`\n  整理 git\n> 和分支`) as one line of text: containers' marks and
 *  indentation dropped, lines joined by a space. */
export function continuation(lines: string): string {
  return lines.split(/\r\n|\r|\n/).map((l) => l.replace(/^[ \t>]+/, "").trim()).filter((l) => l !== "").join(" ");
}

/** For each list item id, the index (in `items`) of its nearest dated ancestor item, memoised. */
class DatedAncestors {
  private memo: Int32Array;
  private own: Int32Array;
  constructor(private parent: Int32Array, slabs: Slabs) {
    this.memo = slabs.ints(parent.length).fill(-2);
    this.own = slabs.ints(parent.length).fill(-1);
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

/** `workspace`: the one of whoever parses notes one after another (see NoteWorkspace). */
export function parseNoteColumns(path: string, text: string, options?: Partial<ParseOptions>,
  workspace = NoteWorkspace.forOneNote()): ParsedColumns {
  return parseScanned(path, scanNote(text, workspace.scanSlabs), options, workspace);
}

/** `parseNoteColumns` over a scan the caller already has (the record builder scans a note once). */
export function parseScanned(path: string, scanned: ScannedNote, options: Partial<ParseOptions> | undefined,
  workspace: NoteWorkspace): ParsedColumns {
  const items = new NoteItemsBuilder(workspace, scanned.tasks.length);
  const pass = new ItemPass(path, scanned, options?.trackHeadingLevel ?? DEFAULT_TRACK_LEVEL, items, workspace);
  pass.run(scanned.tasks.length);
  return { items: items.build(), problems: pass.problems, tracks: pass.tracks };
}

/**
 * `parseNoteColumns` in steps, for a long note: yields between stretches of lines (scan) and of tasks
 * (items) so the caller can give the UI a turn, and returns the same result.
 */
export function* parseNoteColumnsInSteps(path: string, text: string, options?: Partial<ParseOptions>,
  stepChars = STEP_CHARS, workspace = NoteWorkspace.forOneNote()): Generator<boolean, ParsedColumns> {
  return yield* parseScannedInSteps(path, yield* scanNoteInSteps(text, stepChars, workspace.scanSlabs), options, workspace, stepChars);
}

/** `parseScanned` in steps of tasks. Other notes may be parsed with the workspace while this one waits. */
export function* parseScannedInSteps(path: string, scanned: ScannedNote, options: Partial<ParseOptions> | undefined,
  workspace: NoteWorkspace, stepChars = STEP_CHARS): Generator<boolean, ParsedColumns> {
  const items = NoteItemsBuilder.pausable(workspace, scanned.tasks.length);
  const pass = new ItemPass(path, scanned, options?.trackHeadingLevel ?? DEFAULT_TRACK_LEVEL, items, workspace);
  const { tasks } = scanned;
  for (let to = 0; to < tasks.length;) {
    yield false;
    for (let chars = 0; to < tasks.length && chars < stepChars; to++) chars += tasks.to(to) - tasks.from(to) + TASK_CHARS;
    pass.run(to);
  }
  yield true; // copying the columns of thousands of items takes a while while the code is cold
  const parsed = { items: items.build(), problems: pass.problems, tracks: pass.tracks };
  yield true; // the caller's step
  return parsed;
}

/** What a task costs beyond its line's characters, in characters, for sizing the steps. */
const TASK_CHARS = 64;

/** Interprets a scanned note's tasks in line order; `run(to)` continues up to task `to`, so it can pause. */
class ItemPass {
  readonly problems: Problem[] = [];
  readonly tracks: { name: string; line: number }[];
  private readonly ancestors: DatedAncestors;
  /** Where each line's date is written (findDateKeys), line after line. */
  private readonly keys = dateKeys();
  private readonly fallback: string;
  private next = 0;
  private nextHeading = 0;
  private track: string;
  private group: string | null = null;

  constructor(private readonly path: string, private readonly scanned: ScannedNote, private readonly trackLevel: number,
    private readonly items: NoteItemsBuilder, workspace: NoteWorkspace) {
    const fallback = noteName(path);
    this.fallback = this.track = fallback;
    this.tracks = scanned.headings
      .filter((h) => h.level <= trackLevel)
      .map((h) => ({ name: workspace.names.get(h.text || fallback), line: h.line }));
    this.ancestors = new DatedAncestors(scanned.itemParent, workspace.scanSlabs);
  }

  run(to: number): void {
    const { path, items, problems, ancestors, trackLevel, fallback, keys } = this;
    const { tasks, text, headings } = this.scanned;
    let nextHeading = this.nextHeading;
    let track = this.track;
    let group = this.group;
    for (let t = this.next; t < to; t++) {
      const line = tasks.line(t);
      const from = tasks.from(t);
      const contentFrom = tasks.contentFrom(t);
      const content = text.slice(from + contentFrom, tasks.to(t));
      const found = findDateKeys(withoutComments(content), keys);
      if (found && "error" in found) {
        problems.push({ path, line: line + 1, message: ownString(found.error) });
        continue;
      }
      if (!found) {
        const owner = ancestors.of(tasks.item(t));
        if (owner >= 0) items.addSubtask(owner, line + 1, tasks.status(t), content.trim());
        continue;
      }
      for (; nextHeading < headings.length && headings[nextHeading].line <= line; nextHeading++) {
        const h = headings[nextHeading];
        if (h.level <= trackLevel) {
          track = h.text || fallback;
          group = null;
        } else group = h.text || null;
      }
      const to = tasks.to(t);
      const paraTo = tasks.paraTo(t);
      // Text on the next lines shows only for an item whose first line has none (`- [ ] 2020-12-17` + `  整理`).
      const body = paraTo > to && displayText(textAround(content, found.from, found.to)) === ""
        ? content + BODY_MORE + continuation(text.slice(to, paraTo)) : content;
      const index = items.addItem({
        line: line + 1, status: tasks.status(t), text, lineFrom: from, contentFrom,
        form: found.form, date: found.date, end: found.end, dateFrom: contentFrom + found.from, dateTo: contentFrom + found.to,
        track, group, body,
      });
      ancestors.markDated(tasks.item(t), index);
    }
    if (to > this.next) this.next = to;
    this.nextHeading = nextHeading;
    this.track = track;
    this.group = group;
  }
}
