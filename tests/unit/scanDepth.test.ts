// Containers nested thousands deep: the scanner's work on a line must follow the line's length, not
// the nesting depth (a note 8,000 levels deep took seconds per re-index when every level rescanned
// the line's indentation, and every blank line walked every level).
import { describe, expect, it } from "vitest";
import { DEEP_SHAPES } from "../../scripts/bench/deepNotes";
import { BlockScanner } from "../../src/core/markdown/blockScanner";

/** Characters and containers the scanner may visit per character of the note, plus per line. */
const PER_CHAR = 4;
const PER_LINE = 4;

describe("the block scanner on deeply nested notes", () => {
  it.each(DEEP_SHAPES.map((shape) => [shape.name, shape] as const))("works in proportion to the note's length: %s", (_name, shape) => {
    const text = shape.note(8000, 300_000);
    const scanner = new BlockScanner(text);
    const scanned = scanner.run();
    expect(scanner.work).toBeGreaterThan(0);
    expect(scanner.work).toBeLessThanOrEqual(PER_CHAR * text.length + PER_LINE * scanned.lineCount);
  });

  it("finds every task of a note 8,000 list items deep, each under the one before", () => {
    const text = DEEP_SHAPES[0].note(8000, 200_000);
    const { tasks, itemParent } = new BlockScanner(text).run();
    const lines = text.split("\n").length - 1;
    expect(tasks.length).toBe(lines);
    // The first line opens 8,000 items, the task in the innermost; each later line's task is its child.
    expect(itemParent[tasks.item(0)]).toBe(7998);
    for (let k = 1; k < tasks.length; k++) expect(itemParent[tasks.item(k)]).toBe(tasks.item(0));
  });
});
