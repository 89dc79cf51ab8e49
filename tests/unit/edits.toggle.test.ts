// Parser + toggle + applier together: ticking any item changes exactly its status character.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyLineEdits, toggleEdit } from "../../src/core/planner/edits";
import { parseNote } from "../../src/core/items/parse";

const U = "\u3000";
const SHAPES = [
  "- [ ] 2021/03/28    阅读论文", `- [x] 1.1${U}并行计算\t\t2021/3/22`, `- [ ] 4.5${U}矩阵加法2021/4/07`, "- [ ] 2021/04/22    ",
  "- [ ] 2021/11/17 - 2021/11/30  模型设计", "  - [ ] 子任务（一）", "* [/] 2021-03-20 写周报", "1. [-] 2021.03.25 买书",
  "> - [X] 📅 2026-03-04 call", "## **会议与期刊**", `**第2章${U}编程模型**`, "```", "", "text 2021/03/25 not an item",
];
const note = fc.tuple(fc.array(fc.constantFrom(...SHAPES), { minLength: 1, maxLength: 25 }), fc.constantFrom("\n", "\r\n", "\r"), fc.boolean(), fc.boolean())
  .map(([lines, eol, bom, finalEol]) => (bom ? "\uFEFF" : "") + lines.join(eol) + (finalEol ? eol : ""));

describe("toggle through the applier", () => {
  it("changes only the status character of the ticked items, and the parser agrees", () => {
    fc.assert(
      fc.property(note, fc.array(fc.nat(), { maxLength: 4 }), (text, picks) => {
        const items = parseNote("n.md", text).items;
        fc.pre(items.length > 0);
        const chosen = [...new Set(picks.map((p) => p % items.length))].map((i) => items[i]);
        const outcome = applyLineEdits(text, chosen.map((item) => toggleEdit(item)));
        if (!outcome.ok) throw new Error(JSON.stringify(outcome.failures));
        expect(outcome.text.length).toBe(text.length);
        const differing = [...outcome.text].filter((c, i) => c !== [...text][i]).length;
        expect(differing).toBeLessThanOrEqual(chosen.length);
        expect(outcome.changed.every((s) => s.to - s.from === 1)).toBe(true);
        const after = parseNote("n.md", outcome.text).items;
        for (const item of chosen) expect(after.find((a) => a.line === item.line)!.done).toBe(!item.done);
        expect(after.filter((a) => !chosen.some((c) => c.line === a.line))).toEqual(items.filter((a) => !chosen.some((c) => c.line === a.line)));
      }),
      { numRuns: 300 },
    );
  });

  it("two plans made against the same version: the second applies to other lines, refuses the same line", () => {
    const text = "- [ ] 2021/03/24 a\r\n- [ ] 2021/03/25 b\r\n";
    const [a, b] = parseNote("n.md", text).items;
    const first = applyLineEdits(text, [toggleEdit(a)]);
    if (!first.ok) throw new Error("first refused");
    const second = applyLineEdits(first.text, [toggleEdit(b)]);
    expect(second).toMatchObject({ ok: true, text: "- [x] 2021/03/24 a\r\n- [x] 2021/03/25 b\r\n" });
    expect(applyLineEdits(first.text, [toggleEdit(a)])).toMatchObject({ ok: false, failures: [{ reason: "changed" }] });
  });
});
