// Property tests: an edit changes exactly the spans it reports, and a stale plan is never misapplied.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyLineEdits, splitLines } from "../../src/core/planner/edits";
import type { LineEdit } from "../../src/core/base/types";

const SHAPES = [
  "- [ ] 2021/03/28    阅读GraphAF",
  "- [x] 1.1\u3000并行计算\t\t2021/3/22",
  "- [ ] 4.5\u3000矩阵加法2021/4/07",
  "- [ ] 2021/04/22    ",
  "- [ ] 2021/11/17 - 2021/11/30  模型设计",
  "  - [ ] 子任务（一）",
  "**第2章\u3000编程模型**",
  "## **会议与期刊**",
  "> - [ ] 📅 2026-03-04 call",
  "",
  "  ",
];
const lineText = fc.oneof(fc.constantFrom(...SHAPES), fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, "")));
// Lines that open no code, comment, HTML, math or frontmatter, so every line is content and an edit
// at its planned line always holds (inside those blocks nothing is ever edited: edits.safety.test.ts).
const contentText = fc.oneof(fc.constantFrom(...SHAPES), fc.string({ maxLength: 12 }).map((s) => s.replace(/[^\p{L}\p{N} ]/gu, "").trimStart()));
const eol = fc.constantFrom("\n", "\r\n", "\r");
const note = fc.record({
  bom: fc.boolean(),
  lines: fc.array(fc.tuple(contentText, eol), { minLength: 1, maxLength: 30 }),
  finalNewline: fc.boolean(),
});

function render(n: { bom: boolean; lines: [string, string][]; finalNewline: boolean }): string {
  const body = n.lines.map(([t, e], i) => t + (i < n.lines.length - 1 || n.finalNewline ? e : "")).join("");
  return (n.bom ? "\uFEFF" : "") + body;
}

function dominant(eols: string[]): string {
  const count = (e: string): number => eols.filter((x) => x === e).length;
  const [lf, crlf, cr] = [count("\n"), count("\r\n"), count("\r")];
  if (crlf > lf && crlf >= cr) return "\r\n";
  return cr > lf && cr > crlf ? "\r" : "\n";
}

describe("applyLineEdits properties", () => {
  it("single-line edits: splicing the old text back into the reported spans gives the input back", () => {
    fc.assert(
      fc.property(note, fc.array(fc.tuple(fc.nat(), lineText), { maxLength: 6 }), (n, picks) => {
        const text = render(n);
        const lines = splitLines(text.replace(/^\uFEFF/, ""));
        const chosen = new Map<number, string>();
        for (const [at, replacement] of picks) chosen.set(at % lines.length, replacement);
        // A lone CR before an LF-terminated line that becomes empty reads back as one CRLF: the bytes
        // are right but the line count is not comparable, so leave that case out.
        fc.pre(![...chosen].some(([i, r]) => r === "" && i > 0 && lines[i - 1].eol === "\r" && lines[i].eol === "\n"));
        const edits: LineEdit[] = [...chosen].map(([index, replacement]) => ({
          path: "n.md", line: index + 1, expected: lines[index].text, replacement,
        }));
        const outcome = applyLineEdits(text, edits);
        // Planned lines that read their expected text exactly are always found.
        if (!outcome.ok) throw new Error(JSON.stringify(outcome.failures));
        const out = splitLines(outcome.text.replace(/^\uFEFF/, ""));
        expect(out.length).toBe(lines.length);
        expect(outcome.text.startsWith("\uFEFF")).toBe(n.bom);
        const restored = out.map((l) => ({ ...l }));
        for (const span of outcome.changed) {
          const index = span.line - 1;
          const old = chosen.has(index) ? lines[index].text : "";
          const suffix = out[index].text.length - span.to;
          restored[index].text = out[index].text.slice(0, span.from) + old.slice(span.from, old.length - suffix) + out[index].text.slice(span.to);
        }
        expect(restored).toEqual(lines);
        // Unreported lines are byte-identical, terminators included.
        const reported = new Set(outcome.changed.map((s) => s.line - 1));
        out.forEach((l, i) => { if (!reported.has(i)) expect(l).toEqual(lines[i]); });
      }),
      { numRuns: 400 },
    );
  });

  it("deletions and multi-line replacements keep every other line and terminator", () => {
    fc.assert(
      fc.property(note, fc.nat(), fc.option(fc.array(lineText, { minLength: 1, maxLength: 3 })), (n, at, parts) => {
        const text = render(n);
        const lines = splitLines(text.replace(/^\uFEFF/, ""));
        const index = at % lines.length;
        const replacement = parts === null ? null : parts.join("\n");
        const outcome = applyLineEdits(text, [{ path: "n.md", line: index + 1, expected: lines[index].text, replacement }]);
        if (!outcome.ok) throw new Error(JSON.stringify(outcome.failures));
        // The model: the line's pieces with its own terminator (the dominant one when it has none);
        // deleting the unterminated last line also drops the terminator before it.
        const model = lines.map((l) => [l.text, l.eol]);
        if (parts === null) {
          model.splice(index, 1);
          if (index === lines.length - 1 && index > 0) model[index - 1][1] = "";
        } else {
          const join = lines[index].eol || dominant(lines.map((l) => l.eol));
          model.splice(index, 1, ...parts.map((p, i) => [p, i === parts.length - 1 ? lines[index].eol : join]));
        }
        expect(outcome.text).toBe((n.bom ? "\uFEFF" : "") + model.flat().join(""));
      }),
      { numRuns: 300 },
    );
  });

  it("a plan made against an old version is applied at the moved lines or refused, never elsewhere", () => {
    const change = fc.oneof(
      fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: lineText }),
      fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
      fc.record({ kind: fc.constant("rewrite" as const), at: fc.nat(), text: lineText }),
    );
    fc.assert(
      fc.property(
        fc.array(lineText, { minLength: 1, maxLength: 20 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.array(change, { maxLength: 5 }),
        (v1, picks, changes) => {
          const targets = [...new Set(picks.map((p) => p % v1.length))];
          const plan: LineEdit[] = targets.map((i) => ({ path: "n.md", line: i + 1, expected: v1[i], replacement: `${v1[i]} ✓` }));
          // v2: the note after other edits; `origin` maps each v2 line to its v1 line (or -1 if new/rewritten).
          const v2 = [...v1];
          const origin = v1.map((_, i) => i);
          for (const c of changes) {
            if (c.kind === "insert") {
              const at = c.at % (v2.length + 1);
              v2.splice(at, 0, c.text);
              origin.splice(at, 0, -1);
            } else if (v2.length > 1) {
              const at = c.at % v2.length;
              if (c.kind === "delete") { v2.splice(at, 1); origin.splice(at, 1); }
              else { v2[at] = c.text; origin[at] = -1; }
            }
          }
          const outcome = applyLineEdits(v2.join("\n"), plan);
          if (!outcome.ok) return; // refusing is always safe
          const out = outcome.text.split("\n");
          expect(out.length).toBe(v2.length);
          let differing = 0;
          out.forEach((line, j) => {
            if (line === v2[j]) return;
            differing++;
            // Only a line that still read what the plan expected may change, and only as planned.
            expect(plan.some((e) => e.expected === v2[j] && e.replacement === line)).toBe(true);
          });
          expect(differing).toBeLessThanOrEqual(plan.length);
          // When the planned text is unique in both versions and its line survived, it is exactly that line.
          for (const e of plan) {
            const survivor = origin.indexOf(e.line - 1);
            const unique = v1.filter((t) => t === e.expected).length === 1 && v2.filter((t) => t === e.expected).length === 1;
            if (unique && survivor >= 0 && v2[survivor] === e.expected) expect(out[survivor]).toBe(e.replacement);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
