// A CommonMark block scanner that only keeps what the planner needs: which lines are code-like,
// where headings, bold-only lines and checklist items are, and how list items nest. It follows the
// commonmark.js block algorithm (containers, lazy continuation, tabs as 4-column stops) line by
// line, with no regex that can backtrack on a long line, so its cost is one pass over the text.
import { BlockScanner } from "./blockScanner";
import type { Slabs } from "../base";
import type { ScannedNote } from "./scanned";

/** Scans a note. A reader that needs the scan of a note another reader has scanned is handed that scan.
 *  `slabs`: where the scan's arrays are carved, when notes are scanned one after another. */
export function scanNote(text: string, slabs?: Slabs): ScannedNote {
  return new BlockScanner(text, slabs).run();
}

/** About how many characters a stepped scan or parse handles between two yields. */
export const STEP_CHARS = 16 * 1024;

/**
 * `scanNote` in steps, for a long note: yields between stretches of lines so the caller can give the
 * UI a turn. The result is the same. Stepped functions yield `true` where the next step may run long,
 * so a caller can start it in a fresh slice.
 */
export function* scanNoteInSteps(text: string, stepChars = STEP_CHARS, slabs?: Slabs): Generator<boolean, ScannedNote> {
  const scanner = new BlockScanner(text, slabs);
  while (!scanner.done) {
    yield false;
    scanner.scanUntil(scanner.position + stepChars);
  }
  return scanner.result();
}

/** Per 0-based line: 1 where the line is code/html/comment/frontmatter/math (never content). */
export function codeLineMask(text: string): Uint8Array {
  return scanNote(text).mask;
}
