import { describe, expect, it } from "vitest";
import { applyLineEdits, splitLines, toggleEdit } from "../../src/core/planner/edits";
import type { Item, LineEdit } from "../../src/core/base/types";

const edit = (line: number, expected: string, replacement: string | null): LineEdit => ({
  path: "n.md",
  line,
  expected,
  replacement,
});

function ok(text: string, edits: LineEdit[]): { text: string; changed: { line: number; from: number; to: number }[] } {
  const outcome = applyLineEdits(text, edits);
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.failures)}`);
  return outcome;
}

function item(source: string, line: number, done: boolean, status = done ? "x" : " "): Item {
  return {
    path: "n.md", line, status, done, text: "", date: "2021-03-22", end: null, track: "n", group: null,
    subtasks: [], source, dateFrom: 0, dateTo: 0, form: "plain",
  };
}

describe("splitLines", () => {
  it("keeps each line's own terminator and a final unterminated piece", () => {
    expect(splitLines("a\r\nb\rc\nd")).toEqual([
      { text: "a", eol: "\r\n" }, { text: "b", eol: "\r" }, { text: "c", eol: "\n" }, { text: "d", eol: "" },
    ]);
    expect(splitLines("a\n")).toEqual([{ text: "a", eol: "\n" }, { text: "", eol: "" }]);
    expect(splitLines("")).toEqual([{ text: "", eol: "" }]);
  });
});

describe("applyLineEdits: byte exact", () => {
  it("LF", () => {
    const r = ok("# T\n- [ ] 2021/3/27 a\n- [ ] b\n", [edit(2, "- [ ] 2021/3/27 a", "- [x] 2021/3/27 a")]);
    expect(r.text).toBe("# T\n- [x] 2021/3/27 a\n- [ ] b\n");
    expect(r.changed).toEqual([{ line: 2, from: 3, to: 4 }]);
  });

  it("CRLF, mixed and lone CR keep their terminators", () => {
    const text = "a\r\n- [ ] x\r\nb\nc\r- [ ] y\rd";
    const r = ok(text, [edit(2, "- [ ] x", "- [x] x"), edit(5, "- [ ] y", "- [x] y")]);
    expect(r.text).toBe("a\r\n- [x] x\r\nb\nc\r- [x] y\rd");
  });

  it("BOM stays in front and is not part of line 1", () => {
    const r = ok("\uFEFF- [ ] 2021/03/28    读\r\n", [edit(1, "- [ ] 2021/03/28    读", "- [x] 2021/03/28    读")]);
    expect(r.text).toBe("\uFEFF- [x] 2021/03/28    读\r\n");
    expect(r.changed).toEqual([{ line: 1, from: 3, to: 4 }]);
  });

  it("no final newline, tabs, full-width spaces and trailing spaces survive", () => {
    const text = "**第1章\u3000并行**\n- [ ] 1.1\u3000并行计算\t\t2021/3/22  \n- [ ] 2021/04/22    ";
    const r = ok(text, [edit(3, "- [ ] 2021/04/22    ", "- [x] 2021/04/22    ")]);
    expect(r.text).toBe("**第1章\u3000并行**\n- [ ] 1.1\u3000并行计算\t\t2021/3/22  \n- [x] 2021/04/22    ");
  });

  it("a replacement with newlines uses that line's terminator, or the dominant one on the last line", () => {
    expect(ok("a\r\nb\r\nc", [edit(2, "b", "b1\nb2")]).text).toBe("a\r\nb1\r\nb2\r\nc");
    const r = ok("a\r\nb\r\nc", [edit(3, "c", "c1\nc2")]);
    expect(r.text).toBe("a\r\nb\r\nc1\r\nc2");
    expect(r.changed).toEqual([{ line: 3, from: 1, to: 2 }, { line: 4, from: 0, to: 2 }]);
  });

  it("null deletes the line with its terminator; the last line takes the one before it", () => {
    expect(ok("a\r\nb\nc", [edit(2, "b", null)]).text).toBe("a\r\nc");
    expect(ok("a\nb\nc", [edit(3, "c", null)]).text).toBe("a\nb");
    expect(ok("a\nb\nc", [edit(2, "b", null), edit(3, "c", null)]).text).toBe("a");
  });

  it("reports spans in the new text after earlier edits change the line count", () => {
    const r = ok("q\na\nb\nc\n", [edit(4, "c", "C"), edit(2, "a", "a\nnew"), edit(3, "b", null)]);
    expect(r.text).toBe("q\na\nnew\nC\n");
    expect(r.changed).toEqual([
      { line: 2, from: 1, to: 1 }, { line: 3, from: 0, to: 3 }, { line: 4, from: 0, to: 0 }, { line: 4, from: 0, to: 1 },
    ]);
  });
});

describe("applyLineEdits: moved and changed lines", () => {
  const before = "# T\n- [ ] 2021/3/27 a\n- [ ] 2021/3/28 b\n";

  it("re-finds a line after lines were inserted above", () => {
    const now = "# T\nnew 1\nnew 2\n- [ ] 2021/3/27 a\n- [ ] 2021/3/28 b\n";
    const r = ok(now, [edit(2, "- [ ] 2021/3/27 a", "- [x] 2021/3/27 a"), edit(3, "- [ ] 2021/3/28 b", "- [x] 2021/3/28 b")]);
    expect(r.text).toBe("# T\nnew 1\nnew 2\n- [x] 2021/3/27 a\n- [x] 2021/3/28 b\n");
    expect(r.changed.map((s) => s.line)).toEqual([4, 5]);
  });

  it("refuses a line that changed or vanished, writing nothing", () => {
    const now = "# T\n- [ ] 2021/3/29 a\n- [ ] 2021/3/28 b\n";
    const r = applyLineEdits(now, [edit(2, "- [ ] 2021/3/27 a", "- [x] 2021/3/27 a"), edit(3, "- [ ] 2021/3/28 b", "- [x] 2021/3/28 b")]);
    expect(r).toEqual({ ok: false, failures: [{ edit: edit(2, "- [ ] 2021/3/27 a", "- [x] 2021/3/27 a"), reason: "changed" }] });
    expect(applyLineEdits("# T\n", [edit(7, "x", "y")])).toMatchObject({ ok: false, failures: [{ reason: "missing" }] });
    expect(applyLineEdits(before, [edit(0, "x", "y")])).toMatchObject({ ok: false, failures: [{ reason: "missing" }] });
  });

  it("refuses when identical lines compete", () => {
    const now = "x\n- [ ] 2021/04/22    \ny\n- [ ] 2021/04/22    \n";
    expect(applyLineEdits(now, [edit(3, "- [ ] 2021/04/22    ", "- [x] 2021/04/22    ")]))
      .toMatchObject({ ok: false, failures: [{ reason: "ambiguous" }] });
    // Still at its planned line: identical twins elsewhere do not matter.
    expect(ok(now, [edit(4, "- [ ] 2021/04/22    ", "- [x] 2021/04/22    ")]).text)
      .toBe("x\n- [ ] 2021/04/22    \ny\n- [x] 2021/04/22    \n");
  });

  it("refuses two edits on one line", () => {
    const r = applyLineEdits("a\nb\n", [edit(1, "a", "A"), edit(1, "a", "B")]);
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.failures.map((f) => f.reason)).toEqual(["ambiguous", "ambiguous"]);
  });

  it("a stale plan applied after the note changed is re-targeted or refused, never misapplied", () => {
    // Planned against v1; v2 inserted a line above and rewrote the second item.
    const v1 = "- [ ] 2021/3/27 a\n- [ ] 2021/3/28 b\n";
    const plan = [edit(1, "- [ ] 2021/3/27 a", "- [ ] 2021/4/14 a"), edit(2, "- [ ] 2021/3/28 b", "- [ ] 2021/4/15 b")];
    expect(ok(v1, plan).text).toBe("- [ ] 2021/4/14 a\n- [ ] 2021/4/15 b\n");
    const v2 = "top\n- [ ] 2021/3/27 a\n- [x] 2021/3/28 b\n";
    expect(applyLineEdits(v2, plan)).toMatchObject({ ok: false, failures: [{ edit: plan[1], reason: "changed" }] });
    const v3 = "top\n- [ ] 2021/3/27 a\n- [ ] 2021/3/28 b\n";
    expect(ok(v3, plan).text).toBe("top\n- [ ] 2021/4/14 a\n- [ ] 2021/4/15 b\n");
  });
});

describe("toggleEdit", () => {
  it("flips the status character only", () => {
    expect(toggleEdit(item("- [ ] 2021/3/27 a", 4, false)).replacement).toBe("- [x] 2021/3/27 a");
    expect(toggleEdit(item("\t* [x] a", 4, true)).replacement).toBe("\t* [ ] a");
    expect(toggleEdit(item("> - [X] a", 4, true), true).replacement).toBe("> - [X] a");
    expect(toggleEdit(item("> > 12) [-] a", 4, false, "-")).replacement).toBe("> > 12) [x] a");
    expect(toggleEdit(item("  + [/] a [ ]", 4, false, "/"), false).replacement).toBe("  + [ ] a [ ]");
    expect(toggleEdit(item("- [ ] a", 9, false))).toEqual({ path: "n.md", line: 9, expected: "- [ ] a", replacement: "- [x] a" });
  });
});
