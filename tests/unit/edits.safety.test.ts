// Where a moved line may be found again: only where the scanner finds a line of the same kind (a
// checklist item outside code, comments and HTML), near where it was, and only when the whole batch
// of edits still stands in the same relation (twin lines).
import { describe, expect, it } from "vitest";
import { applyLineEdits } from "../../src/core/planner/edits";
import type { LineEdit } from "../../src/core/base/types";

const edit = (line: number, expected: string, replacement: string | null, context?: LineEdit["context"]): LineEdit =>
  ({ path: "n.md", line, expected, replacement, ...(context ? { context } : {}) });

const CH2 = "- [ ] 2021/4/1    ch2";
const CH2_ROLLED = "- [ ] 2021/4/14    ch2";

function refusedWith(text: string, edits: LineEdit[]): string[] {
  const outcome = applyLineEdits(text, edits);
  if (outcome.ok) throw new Error(`applied:\n${outcome.text}`);
  return outcome.failures.map((f) => f.reason);
}

describe("a changed line is never found again in code, comments or HTML", () => {
  const planned = edit(2, CH2, CH2_ROLLED);

  it("fenced code", () => {
    const now = ["## Reading", `${CH2} (started)`, "", "```md", CH2, "```", ""].join("\n");
    expect(refusedWith(now, [planned])).toEqual(["changed"]);
  });

  it("a %% comment %% block", () => {
    const now = ["## Reading", "- [x] 2021/4/1    ch2", "", "%%", CH2, "%%", ""].join("\n");
    expect(refusedWith(now, [planned])).toEqual(["changed"]);
  });

  it("an HTML block", () => {
    const now = ["## Reading", "", "<div>", CH2, "</div>", ""].join("\n");
    expect(refusedWith(now, [planned])).toEqual(["changed"]);
  });

  it("a stale tick after the item was deleted", () => {
    const now = ["## Reading", "- [ ] 2021/4/2    ch3", "```", CH2, "```", ""].join("\r\n");
    expect(refusedWith(now, [edit(3, CH2, "- [x] 2021/4/1    ch2")])).toEqual(["changed"]);
  });

  it("the planned line itself when it is now inside a fence", () => {
    const now = ["## Reading", "```", CH2, "```", ""].join("\n");
    expect(refusedWith(now, [edit(3, CH2, CH2_ROLLED)])).toEqual(["changed"]);
  });

  it("a $$ math block, and a plain line (a queue block's) in code", () => {
    expect(refusedWith(["x", "$$", CH2, "$$", ""].join("\n"), [edit(1, CH2, CH2_ROLLED)])).toEqual(["changed"]);
    const queue = ["Active tracks (limit 2):", "- Reading", "", "```", "Queue:", "```", ""].join("\n");
    expect(refusedWith(queue, [edit(3, "Queue:", "Queue:\n- Thesis")])).toEqual(["changed"]);
  });

  it("far away: an identical item more than the nearby window off is not the same line", () => {
    const filler = Array.from({ length: 600 }, (_, i) => `line ${i}`);
    const now = ["## Reading", "- [ ] 2021/4/2    other", ...filler, CH2, ""].join("\n");
    expect(refusedWith(now, [edit(2, CH2, CH2_ROLLED)])).toEqual(["changed"]);
    const near = ["## Reading", "new", "new", CH2, ""].join("\n");
    const outcome = applyLineEdits(near, [edit(2, CH2, CH2_ROLLED)]);
    expect(outcome).toMatchObject({ ok: true, text: ["## Reading", "new", "new", CH2_ROLLED, ""].join("\n") });
  });

  it("items in callouts and blockquotes are still found when they moved", () => {
    const quoted = `> ${CH2}`;
    const now = ["> [!todo] Plan", "> new line", quoted, ""].join("\n");
    expect(applyLineEdits(now, [edit(2, quoted, `> ${CH2_ROLLED}`)])).toMatchObject({ ok: true, text: ["> [!todo] Plan", "> new line", `> ${CH2_ROLLED}`, ""].join("\n") });
  });
});

describe("twin lines: the batch stands in the same relation or is refused", () => {
  const twin = "- [ ] 2021/4/14    workout";
  const rolled = [
    "## Gym",
    twin, "    - [ ] legs",
    twin, "    - [ ] arms",
    twin, "    - [ ] core",
    "",
  ];
  const undo = [
    edit(2, twin, "- [ ] 2021/4/1    workout"),
    edit(4, twin, "- [ ] 2021/4/5    workout"),
    edit(6, twin, "- [ ] 2021/4/9    workout"),
  ];

  it("undo after the first twin was deleted is refused as a whole (it gave arms 4/1 and core 4/5)", () => {
    const now = [...rolled.slice(0, 1), ...rolled.slice(3)].join("\n");
    expect(refusedWith(now, undo)).toContain("ambiguous");
    expect(applyLineEdits(now, undo, { keepChanged: true }).ok).toBe(false);
  });

  it("applies to twins that all shifted together", () => {
    const now = ["top", ...rolled].join("\n");
    const outcome = applyLineEdits(now, undo);
    expect(outcome).toMatchObject({
      ok: true,
      text: ["top", "## Gym", "- [ ] 2021/4/1    workout", "    - [ ] legs", "- [ ] 2021/4/5    workout", "    - [ ] arms",
        "- [ ] 2021/4/9    workout", "    - [ ] core", ""].join("\n"),
    });
  });

  it("takes a twin's offset from unique neighbours in the batch, and refuses when they disagree", () => {
    const lines = ["## Gym", "- [ ] 2021/4/14    run", twin, twin, "- [ ] 2021/4/14    swim", ""];
    const batch = [
      edit(2, lines[1], "- [ ] 2021/4/1    run"), edit(3, twin, "- [ ] 2021/4/2    workout"),
      edit(4, twin, "- [ ] 2021/4/3    workout"), edit(5, lines[4], "- [ ] 2021/4/4    swim"),
    ];
    const shifted = ["new", ...lines];
    expect(applyLineEdits(shifted.join("\n"), batch)).toMatchObject({
      ok: true, text: ["new", "## Gym", "- [ ] 2021/4/1    run", "- [ ] 2021/4/2    workout", "- [ ] 2021/4/3    workout", "- [ ] 2021/4/4    swim", ""].join("\n"),
    });
    // A line inserted between the twins: run and swim disagree, so which twin is which is unknown.
    const split = [lines[0], lines[1], twin, "new", twin, lines[4], ""];
    expect(refusedWith(split.join("\n"), batch)).toContain("ambiguous");
  });

  it("keepChanged leaves out lines edited since, and applies the rest only when they still stand together", () => {
    const now = [...rolled];
    now[3] = "- [x] 2021/4/14    workout";
    const outcome = applyLineEdits(now.join("\n"), undo.map((e) => ({ ...e, expected: e.expected })), { keepChanged: true });
    // A twin ticked: the two others are where they were, but nothing proves it; refuse rather than guess.
    expect(outcome.ok).toBe(false);
    const distinct = [
      edit(2, "- [ ] 2021/4/14    a", "- [ ] 2021/4/1    a"),
      edit(3, "- [ ] 2021/4/14    b", "- [ ] 2021/4/2    b"),
    ];
    const edited = ["## Gym", "- [ ] 2021/4/14    a", "- [x] 2021/4/14    b (done)", ""].join("\n");
    expect(applyLineEdits(edited, distinct, { keepChanged: true })).toMatchObject({
      ok: true, kept: [distinct[1]], text: ["## Gym", "- [ ] 2021/4/1    a", "- [x] 2021/4/14    b (done)", ""].join("\n"),
    });
  });

  it("a context line must still read the same at the same distance (a subtask's parent)", () => {
    const review = "    - [ ] review";
    const before = ["## Study", "- [ ] 2021/4/14    math", review, "- [ ] 2021/4/14    physics", review, ""];
    const tick = edit(3, review, "    - [x] review", [{ line: 2, expected: before[1] }]);
    expect(applyLineEdits(before.join("\n"), [tick])).toMatchObject({ ok: true });
    const mathDeleted = [before[0], before[3], before[4], ""].join("\n");
    expect(refusedWith(mathDeleted, [tick])).toEqual(["ambiguous"]);
  });
});
