// Property: the editor changes computed by the write path turn the editor's text into exactly the
// text the core produced, touching nothing else. Plus the subtask edit builder.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { EditorState } from "@codemirror/state";
import { applyLineEdits } from "../../src/core/planner/edits";
import { editorChanges } from "../../src/obsidian/applyEdits";
import type { Item } from "../../src/core/base/types";
import { subtaskEdit } from "../../src/obsidian/subtaskEdit";

/** Applies Obsidian-style changes (positions in the original text) the way CodeMirror does. */
function applyEditorChanges(before: string, changes: ReturnType<typeof editorChanges>): string {
  const state = EditorState.create({ doc: before });
  const offset = (pos: { line: number; ch: number }): number => state.doc.line(pos.line + 1).from + pos.ch;
  return state.update({ changes: changes.map((c) => ({ from: offset(c.from), to: c.to ? offset(c.to) : undefined, insert: c.text })) }).state.doc.toString();
}

const lineArb = fc.oneof(
  fc.constantFrom("- [ ] 2021/4/14    任务", "- [x] 2021/04/13\t\tdone", "  - [ ] 子任务", "## **会议**", "", "text\u3000全角", "- [ ] 2021/04/22    "),
  fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, "")),
);

describe("editorChanges", () => {
  it("reproduces the core's result for any set of line edits (same or changed line count)", () => {
    fc.assert(fc.property(
      fc.array(lineArb, { minLength: 1, maxLength: 30 }),
      fc.array(fc.tuple(fc.nat(), fc.option(fc.array(lineArb, { minLength: 1, maxLength: 3 }).map((parts) => parts.join("\n")), { nil: null })), { maxLength: 4 }),
      (lines, picks) => {
        const before = lines.join("\n");
        const used = new Set<number>();
        const edits = picks
          .map(([n, replacement]) => ({ index: n % lines.length, replacement }))
          .filter(({ index }) => !used.has(index) && used.add(index) !== undefined && lines.indexOf(lines[index]) === index && lines.lastIndexOf(lines[index]) === index)
          .map(({ index, replacement }) => ({ path: "n.md", line: index + 1, expected: lines[index], replacement }));
        const outcome = applyLineEdits(before, edits);
        if (!outcome.ok) return;
        const changes = editorChanges(before, outcome.text);
        expect(applyEditorChanges(before, changes)).toBe(outcome.text);
        if (lines.length === outcome.text.split("\n").length) {
          for (const change of changes) expect(change.from.line).toBe(change.to?.line);
        }
      },
    ), { numRuns: 300 });
  });
});

describe("subtaskEdit", () => {
  const sub = { line: 2, status: " ", done: false, text: "推导最小二乘" };
  const parent = (source: string): Item => ({
    path: "n.md", line: 1, status: " ", done: false, text: "parent", date: "2021-04-14", end: null, track: "n", group: null,
    subtasks: [sub], source, dateFrom: 6, dateTo: 15, form: "plain",
  });
  const item = parent("- [ ] 2021/4/14 parent");
  it("ticks the subtask's own line, keeping indentation and the rest, and asks its item to stand above it", () => {
    expect(subtaskEdit("- [ ] 2021/4/14 parent\r\n\t- [ ] 推导最小二乘  \r\n", item, sub)).toEqual({
      path: "n.md", line: 2, expected: "\t- [ ] 推导最小二乘  ", replacement: "\t- [x] 推导最小二乘  ",
      context: [{ line: 1, expected: "- [ ] 2021/4/14 parent" }],
    });
    expect(subtaskEdit("\uFEFF> - [ ] 2021/4/14 parent\n> - [x] 推导最小二乘", parent("> - [ ] 2021/4/14 parent"), { ...sub, status: "x", done: true })?.replacement)
      .toBe("> - [ ] 推导最小二乘");
  });
  it("refuses when the line is not what the index saw", () => {
    expect(subtaskEdit("- [ ] 2021/4/14 parent\n- [x] 推导最小二乘", item, sub)).toBeNull();
    expect(subtaskEdit("- [ ] 2021/4/14 parent\n- [ ] 推导最小二乘法", item, sub)).toBeNull();
    expect(subtaskEdit("- [ ] 2021/4/14 parent\nplain text 推导最小二乘", item, sub)).toBeNull();
    expect(subtaskEdit("- [ ] 2021/4/14 parent", item, sub)).toBeNull();
  });
  it("refuses when another item stands above the line (the stale tick of a deleted item's subtask)", () => {
    expect(subtaskEdit("- [ ] 2021/4/14 physics\n  - [ ] 推导最小二乘", item, sub)).toBeNull();
  });
});
