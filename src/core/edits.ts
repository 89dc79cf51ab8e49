// The one place that rewrites note text: verified, all-or-nothing line edits that keep every other byte.
//
// Line model: the text is split on `\r\n`, lone `\r` and `\n`; every line keeps its own terminator, so
// LF, CRLF, mixed endings and a missing final newline survive untouched. A leading BOM is NOT part of
// line 1's text (the parser's `Item.source` excludes it too); it is kept in front of the result.
import type { Item, LineEdit } from "./types";

export type EditFailure = { edit: LineEdit; reason: "changed" | "ambiguous" | "missing" };
export type EditOutcome =
  | { ok: true; text: string; changed: { line: number; from: number; to: number }[] }
  | { ok: false; failures: EditFailure[] };

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

type Resolution = { index: number } | { reason: EditFailure["reason"] };

/**
 * Where an edit applies now. The planned line when it still reads `expected`; otherwise the one line
 * in the note that reads `expected`. When several lines read it we cannot know which one moved where
 * (an identical line may have been deleted), so we refuse rather than guess by distance.
 */
function resolve(edit: LineEdit, lines: SourceLine[], positions: Map<string, number[]>): Resolution {
  const planned = edit.line - 1;
  if (Number.isInteger(planned) && planned >= 0 && planned < lines.length && lines[planned].text === edit.expected) {
    return { index: planned };
  }
  const candidates = positions.get(edit.expected) ?? [];
  if (candidates.length === 1) return { index: candidates[0] };
  if (candidates.length > 1) return { reason: "ambiguous" };
  const exists = Number.isInteger(planned) && planned >= 0 && planned < lines.length;
  return { reason: exists ? "changed" : "missing" };
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
export function applyLineEdits(text: string, edits: LineEdit[]): EditOutcome {
  const hasBom = text.startsWith(BOM);
  const lines = splitLines(hasBom ? text.slice(1) : text);
  const positions = indexPositions(lines, new Set(edits.map((edit) => edit.expected)));

  const failures: EditFailure[] = [];
  const targets: { edit: LineEdit; index: number }[] = [];
  const claimed = new Map<number, LineEdit>();
  for (const edit of edits) {
    const found = resolve(edit, lines, positions);
    if ("reason" in found) {
      failures.push({ edit, reason: found.reason });
      continue;
    }
    const other = claimed.get(found.index);
    if (other) {
      // Two edits on one line cannot both hold: refuse both.
      failures.push({ edit, reason: "ambiguous" });
      if (!failures.some((f) => f.edit === other)) failures.push({ edit: other, reason: "ambiguous" });
      continue;
    }
    claimed.set(found.index, edit);
    targets.push({ edit, index: found.index });
  }
  if (failures.length > 0) return { ok: false, failures };

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
  return { ok: true, text: (hasBom ? BOM : "") + out.join(""), changed };
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
