// A CommonMark block scanner that only keeps what the planner needs: which lines are code-like,
// where headings, bold-only lines and checklist items are, and how list items nest. It follows the
// commonmark.js block algorithm (containers, lazy continuation, tabs as 4-column stops) line by
// line, with no regex that can backtrack on a long line, so its cost is one pass over the text.
import { BlockScanner } from "./blockScanner";
import type { ScannedNote } from "./scanned";

// The index reads one note several times in a row (items, queue block, venue marks); remembering
// the last scan makes the later calls free. Results are shared, so callers treat them as read-only.
let lastText: string | null = null;
let lastScan: ScannedNote | null = null;

export function scanNote(text: string): ScannedNote {
  if (lastScan !== null && text === lastText) return lastScan;
  const scanned = new BlockScanner(text).run();
  lastText = text;
  lastScan = scanned;
  return scanned;
}

/** About how many characters a stepped scan or parse handles between two yields (~1 ms warm, a few cold). */
export const STEP_CHARS = 16 * 1024;

/**
 * `scanNote` in steps, for a long note: yields between stretches of lines so the caller can give the
 * UI a turn. The result is the same, and like `scanNote`'s it becomes the remembered scan, once
 * complete (never a partial one). Stepped functions yield `true` where the next step may run long,
 * so a caller can start it in a fresh slice.
 */
export function* scanNoteInSteps(text: string, stepChars = STEP_CHARS): Generator<boolean, ScannedNote> {
  if (lastScan !== null && text === lastText) return lastScan;
  const scanner = new BlockScanner(text);
  while (!scanner.done) {
    yield false;
    scanner.scanUntil(scanner.position + stepChars);
  }
  const scanned = scanner.result();
  rememberScan(text, scanned);
  return scanned;
}

/** Makes `scanned` the remembered scan of `text` again (other notes may have been scanned since). */
export function rememberScan(text: string, scanned: ScannedNote): void {
  lastText = text;
  lastScan = scanned;
}

/** Per 0-based line: 1 where the line is code/html/comment/frontmatter/math (never content). */
export function codeLineMask(text: string): Uint8Array {
  return scanNote(text).mask;
}
