// VaultIndex.updateInSteps stores what update stores, and never a result the note has moved past.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STEP_CHARS } from "../../src/core/markdown/scan";
import { VaultIndex, type NoteRecord } from "../../src/core/index/vaultIndex";

const U = "\u3000";
const SHAPES = [
  "- [ ] 2021/03/28    阅读论文", `- [x] 1.1${U}并行计算\t\t2021/3/22`, "- [ ] 2021/11/17 - 2021/11/30  模型设计", "  - [ ] 子任务（一）",
  "- [ ] undated sibling", "- [ ] 2021/02/30    impossible", `**第2章${U}编程模型**`, "## **会议与期刊**", "## ", "# Term", "```", "<div>",
  "**AAAI2021**/~~NIPS2021~~", "当前 BPU （Brain Processing Unit）最大进程数为：2，按优先级排序", "- A", "Brain Queue",
  "> - [ ] 📅 2026-03-04 call", "%%", "段落文字", "", "",
];
const noteText = fc
  .tuple(fc.array(fc.oneof(fc.constantFrom(...SHAPES), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 30 }), fc.constantFrom("\n", "\r\n"))
  .map(([lines, eol]) => lines.join(eol));
/** A random note repeated past a few step lengths, so the stepped path really takes many steps. */
const longNote = noteText.map((text) => {
  let long = text;
  while (long.length < 3 * STEP_CHARS) long += `\n\n${text}`;
  return long;
});

function plain(record: NoteRecord | undefined): unknown {
  if (!record) return record;
  const { items } = record;
  return { ...record, items: { ...items, cols: [...items.cols] } };
}

/** Runs `steps` to the end, calling `between` at every yield. */
function drain(steps: Generator<boolean, boolean>, between: (k: number) => void = () => {}): boolean {
  for (let k = 0, step = steps.next(); ; step = steps.next(), k++) {
    if (step.done) return step.value;
    between(k);
  }
}

describe("VaultIndex.updateInSteps", () => {
  it("stores the record update stores, with other notes updated between its steps", () => {
    fc.assert(
      fc.property(longNote, fc.array(noteText, { minLength: 1, maxLength: 3 }), (text, others) => {
        const expected = new VaultIndex();
        expected.update("Plans/Long.md", text, { mtime: 3, size: 9 });
        const stepped = new VaultIndex();
        const heard: string[][] = [];
        stepped.onChange((paths) => heard.push(paths));
        const stored = drain(stepped.updateInSteps("Plans/Long.md", text, { mtime: 3, size: 9 }), (k) => {
          stepped.update(`Other ${k % 2}.md`, others[k % others.length]);
        });
        expect(stored).toBe(true);
        expect(plain(stepped.note("Plans/Long.md"))).toEqual(plain(expected.note("Plans/Long.md")));
        expect(stepped.itemsOf("Plans/Long.md")).toEqual(expected.itemsOf("Plans/Long.md"));
        expect(heard.at(-1)).toEqual(["Plans/Long.md"]);
      }),
      { numRuns: 40 },
    );
  });

  it("yields many times for a long note and stores only in the last step", () => {
    const text = "## Track\n" + "- [ ] 2021/03/28    阅读论文\n  - [ ] 子任务\n".repeat(3000);
    const index = new VaultIndex();
    const steps = index.updateInSteps("Long.md", text);
    let yields = 0;
    let sawStored = false;
    for (let step = steps.next(); !step.done; step = steps.next()) {
      yields++;
      sawStored ||= index.has("Long.md");
    }
    expect(sawStored).toBe(false);
    expect(yields).toBeGreaterThan(10);
    expect(index.itemsOf("Long.md")).toHaveLength(3000);
  });

  it("drops its result when the note is updated, removed or renamed while it waits", () => {
    const old = "- [ ] 2021/03/01 old\n".repeat(4000);
    const newer = "- [ ] 2021/04/01 newer\n";
    const cases: [string, (index: VaultIndex) => void, (index: VaultIndex) => void][] = [
      ["updated", (index) => index.update("N.md", newer), (index) => expect(index.itemsOf("N.md").map((i) => i.text)).toEqual(["newer"])],
      ["removed", (index) => index.remove("N.md"), (index) => expect(index.has("N.md")).toBe(false)],
      ["renamed", (index) => index.rename("N.md", "M.md"), (index) => {
        expect(index.has("N.md")).toBe(false);
        expect(index.itemsOf("M.md")).toHaveLength(1);
      }],
    ];
    for (const [, meanwhile, check] of cases) {
      const index = new VaultIndex();
      index.update("N.md", "- [ ] 2021/02/01 first\n");
      const steps = index.updateInSteps("N.md", old);
      for (let k = 0; k < 5; k++) expect(steps.next().done).toBe(false);
      meanwhile(index);
      expect(drain(steps)).toBe(false);
      check(index);
    }
    // A note updated before the stepped parse began is no reason to drop it.
    const index = new VaultIndex();
    index.update("N.md", newer);
    expect(drain(index.updateInSteps("N.md", old))).toBe(true);
    expect(index.itemsOf("N.md")).toHaveLength(4000);
  });

  it("turns a note that cannot be parsed into a problem, like update", () => {
    const text = "- [ ] 2021/03/28 item\n".repeat(2000) + "**AAAI2021**/~~NIPS2021~~\n";
    // A venue list that is not one: reading the venue marks throws.
    const broken = new VaultIndex({ venues: [null] as never });
    const expected = new VaultIndex({ venues: [null] as never });
    expected.update("B.md", text);
    expect(drain(broken.updateInSteps("B.md", text))).toBe(true);
    expect(plain(broken.note("B.md"))).toEqual(plain(expected.note("B.md")));
    expect(broken.problems()[0].message).toMatch(/^Could not read this note/);
  });
});
