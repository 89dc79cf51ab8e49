// Moving tracks between the active list and the waiting list of a queue block, as line edits. A block
// in a callout or blockquote is edited behind its `>` marks: lines are read without them and every
// line written gets them back, so the callout stays whole.
import type { LineEdit } from "../base";
import { quoteOf, type QueueBlock, type QueueEntry, type QueueState } from "../items";

const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+)(\[.\][ \t]+)?/u;

/** Per block line: keep it or delete it, and lines to insert after it. */
type LineOps = Map<number, { keep: boolean; after: string[] }>;

function opAt(ops: LineOps, line: number): { keep: boolean; after: string[] } {
  let op = ops.get(line);
  if (!op) ops.set(line, (op = { keep: true, after: [] }));
  return op;
}

/** A block line without its quote marks. */
function lineText(block: QueueBlock, line: number): string {
  const text = block.source[line - block.limitLine];
  return text.slice(quoteOf(text).length);
}

/**
 * A new line of the block with the limit line's quote marks (every line of the block has as many; a
 * blank one gets the marks alone, as editors write it).
 */
function quoted(block: QueueBlock, content: string): string {
  const quote = quoteOf(block.source[0]);
  return content === "" ? quote.trimEnd() : quote + content;
}

/** The list marker of `line` for a new entry after it (`- `, `* `, `3. ` → `4. `), with its indentation. */
function markerAfter(line: string | undefined): string {
  const match = line === undefined ? null : LIST_ITEM.exec(line);
  if (!match) return "- ";
  const [, indent, marker, space, checkbox] = match;
  const ordered = /^(\d+)([.)])$/u.exec(marker);
  const next = ordered ? `${Number(ordered[1]) + 1}${ordered[2]}` : marker;
  return `${indent}${next}${space}${checkbox ? "[ ] " : ""}`;
}

/** A fresh list's first marker, styled after another list of the block when there is one. */
function firstMarker(block: QueueBlock, other: QueueEntry[]): string {
  const sample = other.length > 0 ? lineText(block, other[0].line) : undefined;
  return markerAfter(sample).replace(/\d+([.)])/u, "1$1");
}

/** Appends `text` as a new entry of `list`, after its last entry or after `header`. */
function appendTo(ops: LineOps, block: QueueBlock, list: QueueEntry[], other: QueueEntry[], header: number, text: string): void {
  if (list.length > 0) {
    const last = list[list.length - 1].line;
    opAt(ops, last).after.push(markerAfter(lineText(block, last)) + text);
  } else {
    opAt(ops, header).after.push("", firstMarker(block, other) + text);
  }
}

/**
 * Deletes `entry` from `list`. Emptying a list also drops the one blank line between it and its
 * header, the one `appendTo` adds when it fills an empty list, so a pause then promote is exact.
 */
function removeFrom(ops: LineOps, block: QueueBlock, list: QueueEntry[], entry: QueueEntry, header: number | null): void {
  opAt(ops, entry.line).keep = false;
  const blank = entry.line - 1;
  if (list.length === 1 && header === blank - 1 && /^[ \t]*$/u.test(lineText(block, blank))) opAt(ops, blank).keep = false;
}

function toEdits(block: QueueBlock, ops: LineOps): LineEdit[] {
  return [...ops.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([line, op]) => {
      const expected = block.source[line - block.limitLine];
      const parts = op.keep ? [expected, ...op.after.map((content) => quoted(block, content))] : op.after.map((content) => quoted(block, content));
      return { path: block.path, line, expected, replacement: parts.length > 0 ? parts.join("\n") : null };
    });
}

/**
 * Moves the first queued track into the active list (its waiting-list line moves; a track that is
 * not listed is added by name). Null without a block, without a free slot, or with nothing queued.
 */
export function promoteEdits(state: QueueState): LineEdit[] | null {
  const block = state.block;
  if (!block || state.used >= state.limit) return null;
  const listed = new Set(state.entries.filter((e) => e.list === "active").map((e) => e.track));
  const track = state.queued.find((name) => !listed.has(name));
  if (track === undefined) return null;
  const ops: LineOps = new Map();
  const waiting = state.entries.find((e) => e.list === "waiting" && e.track === track);
  if (waiting) removeFrom(ops, block, block.waiting, waiting.entry, block.waitingLine);
  appendTo(ops, block, block.active, block.waiting, block.limitLine, waiting ? waiting.entry.text : track.trim());
  return toEdits(block, ops);
}

/**
 * Moves `track` from the priority list to the end of the waiting list, creating the waiting line
 * when the block has none. Null without a block or when the track is not in the priority list.
 */
export function pauseEdits(state: QueueState, track: string): LineEdit[] | null {
  const block = state.block;
  if (!block) return null;
  const resolved = state.entries.find((e) => e.list === "active" && e.track === track);
  if (!resolved) return null;
  const ops: LineOps = new Map();
  removeFrom(ops, block, block.active, resolved.entry, block.limitLine);
  if (block.waitingLine !== null) {
    appendTo(ops, block, block.waiting, block.active, block.waitingLine, resolved.entry.text);
  } else {
    const anchor = block.active.length > 0 ? block.active[block.active.length - 1].line : block.limitLine;
    const label = lineText(block, block.limitLine).includes("最大进程数") ? "Brain Queue" : "Queue:";
    opAt(ops, anchor).after.push("", label, "", firstMarker(block, block.active) + resolved.entry.text);
  }
  return toEdits(block, ops);
}
