// The one place that rewrites note text: verified, all-or-nothing line edits that keep every other byte.
//
// Line model: the text is split on `\r\n`, lone `\r` and `\n`; every line keeps its own terminator, so
// LF, CRLF, mixed endings and a missing final newline survive untouched. A leading BOM is NOT part of
// line 1's text (the parser's `Item.source` excludes it too); it is kept in front of the result.
import { noteName } from "../items";
import { scanNote } from "../markdown";
import { lowerBound, type Heading, type Item, type LineEdit } from "../base";

export type EditFailure = { edit: LineEdit; reason: "changed" | "ambiguous" | "missing" };
export type EditOutcome =
  | { ok: true; text: string; changed: { line: number; from: number; to: number }[]; kept: LineEdit[] }
  | { ok: false; failures: EditFailure[] };
export interface EditOptions {
  /** Leave out, as `kept`, edits whose text is nowhere nearby any more (an undo keeps lines edited since). */
  keepChanged?: boolean;
}

const BOM = "\uFEFF";

interface SourceLine {
  text: string;
  eol: "" | "\n" | "\r\n" | "\r";
}

export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const pattern = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    lines.push({ text: text.slice(start, m.index), eol: m[0] as SourceLine["eol"] });
    start = m.index + m[0].length;
  }
  // The piece after the last terminator is a line too (empty when the text ends with a newline),
  // matching how editors number lines.
  lines.push({ text: text.slice(start), eol: "" });
  return lines;
}

/** The most frequent terminator, used for lines a replacement adds after a line that has none. */
function dominantEol(lines: SourceLine[]): SourceLine["eol"] {
  const counts = { "\n": 0, "\r\n": 0, "\r": 0 };
  for (const line of lines) if (line.eol) counts[line.eol]++;
  if (counts["\r\n"] > counts["\n"] && counts["\r\n"] >= counts["\r"]) return "\r\n";
  if (counts["\r"] > counts["\n"] && counts["\r"] > counts["\r\n"]) return "\r";
  return "\n";
}

/** How far from its planned line, in lines, a moved line is looked for ("nearby"). */
export const NEARBY_LINES = 500;

const CHECKLIST = /^[ \t\u3000]*(?:>[ \t]*)*(?:[-*+]|\d{1,9}[.)])[ \t]+\[.\]/u;

/**
 * Which lines an edit may land on, by the kind of line it expects: a checklist line only where the
 * scanner finds a checklist item, any other line only outside code, comments, HTML, math and
 * frontmatter. A copy of an item inside a fence or `%% %%` is never the item.
 */
class LineKinds {
  private readonly tasks: Uint8Array;
  private readonly mask: Uint8Array;
  private readonly lineCount: number;
  private readonly headings: Heading[];
  /** Per heading level: the track heading's index (in `headings`) for each line, -1 above any. */
  private readonly tracks = new Map<number, Int32Array>();
  /** Index of the frontmatter's closing line, -1 without frontmatter. */
  private readonly frontmatterEnd: number;
  constructor(body: string, lines: SourceLine[]) {
    const scanned = scanNote(body);
    this.mask = scanned.mask;
    this.headings = scanned.headings;
    this.lineCount = lines.length;
    this.tasks = new Uint8Array(lines.length);
    for (let k = 0; k < scanned.tasks.length; k++) this.tasks[scanned.tasks.line(k)] = 1;
    let end = -1;
    if (lines.length > 0 && lines[0].text.trimEnd() === "---") {
      for (let i = 1; i < lines.length && end < 0; i++) if (/^(?:---|\.\.\.)\s*$/u.test(lines[i].text)) end = i;
    }
    this.frontmatterEnd = end;
  }
  allows(index: number, checklist: boolean, frontmatter = false): boolean {
    if (frontmatter) return index <= this.frontmatterEnd;
    return checklist ? this.tasks[index] === 1 : this.mask[index] !== 1;
  }
  /** Whether line `index` stands under a track heading named `track.name` (or above any heading, in a note of that name). */
  inTrack(index: number, track: { name: string; level: number }, path: string): boolean {
    let owners = this.tracks.get(track.level);
    if (owners === undefined) {
      owners = new Int32Array(this.lineCount).fill(-1);
      for (let h = 0; h < this.headings.length; h++) {
        const heading = this.headings[h];
        if (heading.level <= track.level) owners.fill(h, Math.min(heading.line, this.lineCount));
      }
      this.tracks.set(track.level, owners);
    }
    const owner = owners[index];
    const name = owner < 0 ? "" : this.headings[owner].text;
    return (name || noteName(path)) === track.name;
  }
}

/**
 * An edit and the lines near its planned one that read what it expects, are of its kind and keep its
 * context (`at`); `near` counts those lines whatever their context.
 */
interface Candidate { edit: LineEdit; order: number; planned: number; at: number[]; near: number }

function candidatesOf(edit: LineEdit, order: number, lines: SourceLine[], positions: Map<string, number[]>, kinds: LineKinds): Candidate {
  const planned = edit.line - 1;
  const all = positions.get(edit.expected) ?? [];
  const checklist = CHECKLIST.test(edit.expected);
  const at: number[] = [];
  let near = 0;
  const inContext = (index: number): boolean => (edit.context ?? []).every((c) => {
    const other = index + c.line - edit.line;
    return other >= 0 && other < lines.length && lines[other].text === c.expected;
  });
  if (Number.isInteger(planned)) {
    for (let k = lowerBound(all, planned - NEARBY_LINES); k < all.length && all[k] <= planned + NEARBY_LINES; k++) {
      if (!kinds.allows(all[k], checklist, edit.frontmatter === true)) continue;
      if (edit.track !== undefined && !kinds.inTrack(all[k], edit.track, edit.path)) continue;
      near++;
      if (inContext(all[k])) at.push(all[k]);
    }
  }
  return { edit, order, planned, at, near };
}

/**
 * Where each edit of one note's batch applies now. When every line still reads what it expects at
 * its planned place, there. Otherwise the note moved: a line that occurs once nearby (of its kind)
 * is found there; a line with identical twins nearby takes the shift of the batch's unique lines
 * around it (both sides must agree), or, with none, the one shift that puts every twin on its text.
 * Anything else is refused: we cannot know which twin moved where.
 */
function resolveBatch(candidates: Candidate[], failures: EditFailure[]): Map<Candidate, number> {
  const found = new Map<Candidate, number>();
  if (candidates.every((c) => c.at.includes(c.planned))) {
    for (const c of candidates) found.set(c, c.planned);
    return found;
  }
  const sorted = [...candidates].sort((a, b) => a.planned - b.planned || a.order - b.order);
  const shiftBefore: (number | null)[] = [];
  let last: number | null = null;
  for (const c of sorted) {
    if (c.at.length === 1) last = c.at[0] - c.planned;
    shiftBefore.push(last);
  }
  let next: number | null = null;
  const shiftAfter: (number | null)[] = new Array<number | null>(sorted.length);
  for (let k = sorted.length - 1; k >= 0; k--) {
    if (sorted[k].at.length === 1) next = sorted[k].at[0] - sorted[k].planned;
    shiftAfter[k] = next;
  }
  const twins = sorted.filter((c) => c.at.length > 1);
  const common = commonShift(twins);
  sorted.forEach((c, k) => {
    if (c.at.length === 1) {
      found.set(c, c.at[0]);
      return;
    }
    const before = shiftBefore[k];
    const after = shiftAfter[k];
    const shift = before !== null && after !== null ? (before === after ? before : null) : before ?? after ?? common;
    const index = shift === null ? -1 : c.planned + shift;
    if (c.at.includes(index)) found.set(c, index);
    else failures.push({ edit: c.edit, reason: "ambiguous" });
  });
  return found;
}

/** The one shift that puts every twin on a line reading its text, or null when none or several do. */
function commonShift(twins: Candidate[]): number | null {
  if (twins.length === 0) return null;
  const shifts = twins[0].at.map((index) => index - twins[0].planned)
    .filter((shift) => twins.every((c) => c.at.includes(c.planned + shift)));
  return shifts.length === 1 ? shifts[0] : null;
}

function indexPositions(lines: SourceLine[], wanted: Set<string>): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  lines.forEach((line, index) => {
    if (!wanted.has(line.text)) return;
    const list = positions.get(line.text);
    if (list) list.push(index);
    else positions.set(line.text, [index]);
  });
  return positions;
}

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/**
 * Applies every edit or none. Keeps every byte outside the edited lines. `changed` lists, in the new
 * text, the span of each line that differs from what was there (1-based line, UTF-16 columns); a
 * deleted line leaves an empty span at column 0 of the line that took its place.
 */
export function applyLineEdits(text: string, edits: LineEdit[], options: EditOptions = {}): EditOutcome {
  const hasBom = text.startsWith(BOM);
  const body = hasBom ? text.slice(1) : text;
  const lines = splitLines(body);
  const positions = indexPositions(lines, new Set(edits.map((edit) => edit.expected)));
  const kinds = new LineKinds(body, lines);

  const failures: EditFailure[] = [];
  const kept: LineEdit[] = [];
  const candidates: Candidate[] = [];
  edits.forEach((edit, order) => {
    const candidate = candidatesOf(edit, order, lines, positions, kinds);
    if (candidate.at.length > 0) candidates.push(candidate);
    // Its text is still nearby but not where its neighbours are: a twin that moved apart from them.
    else if (candidate.near > 0) failures.push({ edit, reason: "ambiguous" });
    else if (options.keepChanged) kept.push(edit);
    else {
      const planned = edit.line - 1;
      const exists = Number.isInteger(planned) && planned >= 0 && planned < lines.length;
      failures.push({ edit, reason: exists ? "changed" : "missing" });
    }
  });
  const found = resolveBatch(candidates, failures);
  const targets: { edit: LineEdit; index: number }[] = [];
  const claimed = new Map<number, LineEdit>();
  for (const candidate of candidates) {
    const index = found.get(candidate);
    if (index === undefined) continue;
    const edit = candidate.edit;
    const other = claimed.get(index);
    if (other) {
      // Two edits on one line cannot both hold: refuse both.
      failures.push({ edit, reason: "ambiguous" });
      if (!failures.some((f) => f.edit === other)) failures.push({ edit: other, reason: "ambiguous" });
      continue;
    }
    claimed.set(index, edit);
    targets.push({ edit, index });
  }
  if (failures.length > 0) return { ok: false, failures: failures.sort((a, b) => edits.indexOf(a.edit) - edits.indexOf(b.edit)) };

  const fallbackEol = dominantEol(lines);
  targets.sort((a, b) => a.index - b.index);
  const changed: { line: number; from: number; to: number }[] = [];
  const out: string[] = [];
  let next = 0; // first source line not yet copied
  let newLine = 1; // 1-based line number in the new text of the next line written
  const copyUpTo = (end: number): void => {
    for (; next < end; next++) {
      out.push(lines[next].text, lines[next].eol);
      newLine++;
    }
  };

  for (const { edit, index } of targets) {
    copyUpTo(index);
    const old = lines[index];
    next = index + 1;
    if (edit.replacement === null) {
      deleteLine(out, old, next === lines.length);
      changed.push({ line: newLine, from: 0, to: 0 });
      continue;
    }
    const parts = edit.replacement.split(/\r\n|\r|\n/);
    const joinEol = old.eol || fallbackEol;
    parts.forEach((part, i) => {
      out.push(part, i === parts.length - 1 ? old.eol : joinEol);
      const span = spanOf(old.text, part, i, parts.length);
      if (span) changed.push({ line: newLine, ...span });
      newLine++;
    });
  }
  copyUpTo(lines.length);
  // A deletion at the end may leave the last written line's number past the end; clamp the marker.
  const lastLine = newLine - 1;
  for (const span of changed) if (span.line > lastLine) span.line = Math.max(1, lastLine);
  return { ok: true, text: (hasBom ? BOM : "") + out.join(""), changed, kept };
}

/** Deleting the last line (which has no terminator) also removes the terminator before it. */
function deleteLine(out: string[], old: SourceLine, isLast: boolean): void {
  if (!isLast || old.eol !== "" || out.length === 0) return;
  out[out.length - 1] = "";
}

/** The span of a replacement line that differs from the old line, or null when nothing differs. */
function spanOf(oldText: string, part: string, i: number, count: number): { from: number; to: number } | null {
  if (count === 1) {
    const prefix = commonPrefix(oldText, part);
    const suffix = commonSuffix(oldText, part, prefix);
    if (prefix === part.length && prefix === oldText.length) return null;
    return { from: prefix, to: part.length - suffix };
  }
  // A line split into several: the first keeps the old line's common start, the last its common end;
  // every line in between is new.
  if (i === 0) return { from: commonPrefix(oldText, part), to: part.length };
  if (i === count - 1) return { from: 0, to: part.length };
  return { from: 0, to: part.length };
}

/** `[ ]`↔`[x]`; any status other than x/X becomes `x`. `done` forces a direction. */
export function toggleEdit(item: Item, done?: boolean): LineEdit {
  const makeDone = done ?? !item.done;
  const match = /^([ \t\u3000]*(?:>[ \t]*)*(?:[-*+]|\d{1,9}[.)])[ \t]+\[)(.)\]/u.exec(item.source);
  let replacement = item.source;
  if (match) {
    const status = match[2];
    const isDone = status === "x" || status === "X";
    const next = makeDone ? (isDone ? status : "x") : " ";
    const at = match[1].length;
    replacement = item.source.slice(0, at) + next + item.source.slice(at + status.length);
  }
  return { path: item.path, line: item.line, expected: item.source, replacement };
}
