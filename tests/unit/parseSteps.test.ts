// Parsing a long note in steps (with other notes parsed between the steps) gives what one parse gives.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BlockScanner } from "../../src/core/markdown/blockScanner";
import { NoteWorkspace } from "../../src/core/items/noteItems";
import { parseNoteColumns, parseNoteColumnsInSteps, type ParsedColumns } from "../../src/core/items/parse";
import { scanNote, scanNoteInSteps } from "../../src/core/markdown/scan";
import type { ScannedNote } from "../../src/core/markdown/scanned";

const U = "\u3000";
/** Block structure (containers, code, HTML, comments, setext) and dated items, subtasks and groups. */
const SHAPES = [
  "- [ ] 2021/03/28    阅读论文", `- [x] 1.1${U}并行计算\t\t2021/3/22`, `- [ ] 4.5${U}矩阵加法2021/4/07`, "- [ ] 2021/04/22    ",
  "- [ ] 2021/11/17 - 2021/11/30  模型设计", "  - [ ] 子任务（一）", "    - [x] deeper subtask", "- [ ] undated sibling",
  "- [ ] 2021/02/30    impossible", `**第2章${U}编程模型**`, "## **会议与期刊**", "## ", "### group", "# TIME", "> - [ ] 📅 2026-03-04 call",
  "- [ ] 2021年3月9日 课程 [due:: 2021-03-10]", "- [ ] ⏳ 2026-03-01 📅 2026-03-04 both", "1. [x] 2021/5/1 ordered", "-", "  [ ] 2021/5/2 under bare",
  "```", "~~~", "    indented code 2021/3/3", "<div>", "</div>", "<!-- 注释", "-->", "%%", "%% - [ ] 2021/3/3 hidden %%", "$$", "---", "===",
  "段落文字", "  续行文字", "> 引用", ">", "- > - [ ] 2021/6/1 quoted in item", "\t- [ ] 2021/6/2 tab nested", "", "", "",
];
const noteText = fc
  .tuple(fc.array(fc.oneof(fc.constantFrom(...SHAPES), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 60 }), fc.constantFrom("\n", "\r\n", "\r"))
  .map(([lines, eol]) => lines.join(eol));

/** The parse as plain data: columns as arrays, so `toEqual` compares every number and string. */
function plain(parsed: ParsedColumns): unknown {
  const { items } = parsed;
  return { ...parsed, items: { ...items, cols: [...items.cols] } };
}

function plainScan(scanned: ScannedNote): unknown {
  return { ...scanned, mask: [...scanned.mask], tasks: scanned.tasks.all() };
}

/** Runs `steps` to the end, calling `between` at every yield; returns the result and the number of yields. */
function drain<T>(steps: Generator<boolean, T>, between: (k: number) => void = () => {}): { value: T; yields: number } {
  let yields = 0;
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return { value: step.value, yields };
    between(yields++);
  }
}

describe("BlockScanner.scanUntil", () => {
  it("scanning in stretches ends in the state of one run", () => {
    fc.assert(
      fc.property(noteText, fc.array(fc.nat(80), { maxLength: 8 }), (text, cuts) => {
        const whole = new BlockScanner(text).run();
        const stepped = new BlockScanner(text);
        for (const cut of [...cuts].sort((a, b) => a - b)) stepped.scanUntil(cut);
        // Lines are scanned whole: a cut inside the last line may finish the note early, never late.
        if (cuts.some((c) => c >= text.length)) expect(stepped.done).toBe(true);
        stepped.scanUntil(text.length);
        expect(stepped.done).toBe(true);
        expect(plainScan(stepped.result())).toEqual(plainScan(whole));
      }),
      { numRuns: 300 },
    );
  });
});

describe("parseNoteColumnsInSteps", () => {
  it("equals parseNoteColumns, with other notes parsed and scanned between its steps", () => {
    fc.assert(
      fc.property(noteText, fc.array(noteText, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 3 }),
        (text, others, stepChars, level) => {
          const options = { trackHeadingLevel: level };
          const expected = plain(parseNoteColumns("Plans/Term.md", text, options));
          const otherResults = others.map((other) => plain(parseNoteColumns("Other.md", other, options)));
          // Other parses with the same workspace between steps refill its builder lists and carve its slabs.
          const workspace = new NoteWorkspace();
          const { value, yields } = drain(parseNoteColumnsInSteps("Plans/Term.md", text, options, stepChars, workspace), (k) => {
            const other = others[k % others.length];
            expect(plain(parseNoteColumns("Other.md", other, options, workspace))).toEqual(otherResults[k % others.length]);
          });
          expect(plain(value)).toEqual(expected);
          expect(yields).toBeGreaterThanOrEqual(2);
        }),
      { numRuns: 300 },
    );
  });

  it("takes one step per stretch of characters", () => {
    const text = Array.from({ length: 400 }, (_, i) => `- [ ] 2021/03/${String(1 + (i % 28)).padStart(2, "0")} task ${i}`).join("\n");
    scanNote("something else");
    const { value, yields } = drain(parseNoteColumnsInSteps("n.md", text, undefined, 1000), () => scanNote("meanwhile"));
    // ~14 KB: about 14 scan steps and, with each task's extra cost, about 40 item steps.
    expect(yields).toBeGreaterThan(40);
    expect(value.items.count).toBe(400);
  });
});

describe("scanNoteInSteps", () => {
  it("a scan in steps left unfinished leaves no trace in the next scan of the note", () => {
    const text = "# A\n\n```\n- [ ] 2021/3/3 in code\n```\n- [ ] 2021/3/4 real\n".repeat(50);
    scanNote("other");
    const steps = scanNoteInSteps(text, 30);
    for (let k = 0; k < 5; k++) steps.next();
    steps.return(undefined as never);
    const scanned = scanNote(text);
    expect(plainScan(scanned)).toEqual(plainScan(new BlockScanner(text).run()));
    expect(scanned.tasks).toHaveLength(50);
  });

  it("returns the whole scan, however many notes were scanned meanwhile", () => {
    fc.assert(
      fc.property(noteText, noteText, fc.integer({ min: 1, max: 60 }), (text, other, stepChars) => {
        const expected = plainScan(new BlockScanner(text).run());
        const { value } = drain(scanNoteInSteps(text, stepChars), () => scanNote(other));
        expect(plainScan(value)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
