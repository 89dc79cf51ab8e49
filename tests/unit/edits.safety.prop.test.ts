// Properties of where stale edits may land: never inside code, comments, HTML or math, and an undo
// after arbitrary insertions and deletions restores each line's own text or refuses.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyLineEdits } from "../../src/core/planner/edits";
import { journalOf, undoEdits, type RollPlan } from "../../src/core/planner/roll";
import type { LineEdit } from "../../src/core/base/types";

const ITEMS = ["- [ ] 2021/4/1    ch2", "- [ ] 2021/4/2    ch3", "> - [ ] 2021/4/3 quoted", "  - [ ] 2021/4/4    nested", "- [ ] 2021/04/22    "];
const WRAPS: [string, string][] = [["```", "```"], ["~~~md", "~~~"], ["%%", "%%"], ["<div>", "</div>"], ["$$", "$$"]];

type Block = { kind: "item"; text: string } | { kind: "protected"; open: string; close: string; inner: string[] };
const itemBlock = fc.constantFrom(...ITEMS).map((text): Block => ({ kind: "item", text }));
const protectedBlock = fc.tuple(fc.constantFrom(...WRAPS), fc.array(fc.constantFrom(...ITEMS), { minLength: 1, maxLength: 3 }))
  .map(([[open, close], inner]): Block => ({ kind: "protected", open, close, inner }));

/** Lines of the blocks, with whether each lies inside code, a comment, HTML or math. A blank line ends each block. */
function flatten(blocks: Block[]): { lines: string[]; guarded: boolean[] } {
  const lines: string[] = ["# Plan", ""];
  const guarded: boolean[] = [false, false];
  for (const block of blocks) {
    const own = block.kind === "item" ? [block.text] : [block.open, ...block.inner, block.close];
    lines.push(...own, "");
    guarded.push(...own.map(() => block.kind === "protected"), false);
  }
  return { lines, guarded };
}

describe("stale edits, properties", () => {
  it("an edit never changes a line inside code, comments, HTML or math", () => {
    const change = fc.oneof(
      fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), block: fc.oneof(itemBlock, protectedBlock) }),
      fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
      fc.record({ kind: fc.constant("rewrite" as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(itemBlock, protectedBlock), { minLength: 1, maxLength: 8 }), fc.array(change, { maxLength: 4 }), (v1, changes) => {
        const before = flatten(v1);
        const plan: LineEdit[] = [];
        before.lines.forEach((text, i) => {
          if (!before.guarded[i] && ITEMS.includes(text)) plan.push({ path: "n.md", line: i + 1, expected: text, replacement: text.replace("[ ]", "[x]") });
        });
        const v2 = [...v1];
        for (const c of changes) {
          if (c.kind === "insert") v2.splice(c.at % (v2.length + 1), 0, c.block);
          else if (v2.length > 0) {
            const at = c.at % v2.length;
            const block = v2[at];
            if (c.kind === "delete") v2.splice(at, 1);
            else if (block.kind === "item") v2[at] = { kind: "item", text: `${block.text} (edited)` };
          }
        }
        const after = flatten(v2);
        const outcome = applyLineEdits(after.lines.join("\n"), plan);
        if (!outcome.ok) return;
        const out = outcome.text.split("\n");
        expect(out.length).toBe(after.lines.length);
        after.guarded.forEach((guarded, j) => { if (guarded) expect(out[j]).toBe(after.lines[j]); });
      }),
      { numRuns: 500 },
    );
  });

  it("undo after arbitrary insertions and deletions restores each line's own text or refuses", () => {
    // Items that a roll to today turns into twins, each with a subtask of its own.
    const note = fc.array(fc.tuple(fc.constantFrom("workout", "read"), fc.integer({ min: 1, max: 9 }), fc.boolean()), { minLength: 1, maxLength: 8 });
    const change = fc.oneof(
      fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.constantFrom("", "- [ ] 2021/4/20    workout", "    - [ ] sub 1", "new line", "## Other") }),
      fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), count: fc.integer({ min: 1, max: 3 }) }),
    );
    fc.assert(
      fc.property(note, fc.array(change, { maxLength: 5 }), (specs, changes) => {
        const v0: string[] = ["## Gym"];
        const rolled: number[] = [];
        specs.forEach(([text, day, subtask], k) => {
          rolled.push(v0.length);
          v0.push(`- [ ] 2021/4/${day}    ${text}`);
          if (subtask) v0.push(`    - [ ] sub ${k}`);
        });
        v0.push("");
        const plan: RollPlan = {
          date: "2021-04-14", modes: { Gym: "today" }, skipped: [],
          changes: rolled.map((i) => {
            const edit = { path: "n.md", line: i + 1, expected: v0[i], replacement: v0[i].replace(/2021\/4\/\d/u, "2021/4/14") };
            return { path: "n.md", line: i + 1, from: "", to: "", text: "", track: "Gym", overdue: true, edit };
          }),
        };
        const roll = applyLineEdits(v0.join("\n"), plan.changes.map((c) => c.edit));
        if (!roll.ok) throw new Error("the roll itself was refused");
        const entry = journalOf(plan, "2021-04-14T09:00:00Z", () => roll.text);
        const v1 = roll.text.split("\n");
        const v2 = [...v1];
        const origin = v1.map((_, i) => i);
        for (const c of changes) {
          if (c.kind === "insert") {
            const at = c.at % (v2.length + 1);
            v2.splice(at, 0, c.text);
            origin.splice(at, 0, -1);
          } else if (v2.length > c.count) {
            const at = c.at % v2.length;
            v2.splice(at, c.count);
            origin.splice(at, c.count);
          }
        }
        const outcome = applyLineEdits(v2.join("\n"), undoEdits(entry), { keepChanged: true });
        if (changes.length === 0) expect(outcome).toMatchObject({ ok: true, text: v0.join("\n") });
        if (!outcome.ok) return;
        const out = outcome.text.split("\n");
        expect(out.length).toBe(v2.length);
        out.forEach((line, j) => {
          if (line === v2[j]) return;
          // Only a rolled line may change, and only back to its own text before the roll.
          expect(rolled).toContain(origin[j]);
          expect(line).toBe(v0[origin[j]]);
        });
      }),
      { numRuns: 1000 },
    );
  });
});
