// Hostile and odd input: the parser never throws, stays linear, and the prefilter never lies.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { env } from "node:process";
import { mightHaveItems, parseNote } from "../../src/core/items/parse";
import { codeLineMask } from "../../src/core/markdown/scan";

const MB = 1_000_000;

describe("hostile input", () => {
  it("handles 100,000 checklist lines (about 5 MB)", () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `- [ ] 2021/3/${(i % 28) + 1} 第${i}项任务，写得长一点以接近真实的笔记内容`).join("\n");
    expect(text.length).toBeGreaterThan(3 * MB);
    const parsed = parseNote("big.md", text);
    expect(parsed.items).toHaveLength(100_000);
    expect(parsed.items[99_999]).toMatchObject({ line: 100_000, date: "2021-03-12" });
  });

  it.each([
    ["no comment or math mark at all", ""],
    ["a comment that never closes", "%% open\n"],
    ["math that never closes", "$$\n"],
    ["a backtick fence that never closes", "```\n"],
  ])("reads 300,000 short lines after %s once each (a search per line would take minutes)", (_label, head) => {
    const text = head + "prose line\n- [ ] 2021/3/4 task\n".repeat(150_000);
    const parsed = parseNote("long.md", text);
    expect(parsed.items).toHaveLength(head === "" ? 150_000 : 0);
    expect(codeLineMask(text).length).toBe(text.split("\n").length);
  });

  it.each([
    ["plain text", "x".repeat(MB)],
    ["a checklist line with the date at the end", "- [ ] " + "字".repeat(MB) + " 2021/3/4"],
    ["date-like fragments", "- [ ] " + "2021/3/".repeat(MB / 7)],
    ["hashes", "#".repeat(MB)],
    ["backticks", "`".repeat(MB)],
    ["stars", "*".repeat(MB)],
    ["list markers", "- ".repeat(MB / 2) + "[ ] 2021/3/4 deep"],
    ["quote markers", "> ".repeat(MB / 2) + "- [ ] 2021/3/4 deep"],
    ["an almost-HTML tag", "<a" + " b".repeat(MB / 2)],
    ["attribute soup", "<a " + "b=c ".repeat(MB / 4)],
    ["spaces before a range separator", "- [ ] 2021/3/4" + " ".repeat(MB) + "-"],
    ["inline fields", "- [ ] " + "[due:: ".repeat(MB / 7)],
    ["percent signs", "- [ ] 2021/3/4 " + "%".repeat(MB)],
  ])("handles a 1 MB line of %s", (_label, line) => {
    expect(() => parseNote("one.md", line)).not.toThrow();
    expect(() => mightHaveItems(line + "\n" + line)).not.toThrow();
    expect(() => parseNote("two.md", line + "\n- [ ] 2021/3/4 after")).not.toThrow();
  });

  it("finds the item at the end of a 1 MB line and under 500,000 nested list markers", () => {
    expect(parseNote("a.md", "- [ ] " + "字".repeat(MB) + " 2021/3/4").items[0].date).toBe("2021-03-04");
    expect(parseNote("a.md", "- ".repeat(MB / 2) + "[ ] 2021/3/4 deep").items[0].text).toBe("deep");
  });

  it("handles 1,000 levels of nested lists and blockquotes", () => {
    const lists = Array.from({ length: 1000 }, (_, i) => "  ".repeat(i) + `- [ ] ${i % 2 ? "" : "2021/3/4 "}level ${i}`).join("\n");
    const parsed = parseNote("n.md", lists);
    expect(parsed.items).toHaveLength(500);
    expect(parsed.items[0].subtasks).toEqual([{ line: 2, status: " ", done: false, text: "level 1" }]);
    const quotes = Array.from({ length: 1000 }, (_, i) => ">".repeat(i + 1) + " - [x] 2021/3/4 q").join("\n");
    expect(parseNote("q.md", quotes).items).toHaveLength(1000);
    const both = Array.from({ length: 1000 }, (_, i) => "> ".repeat(i) + "- ".repeat(i) + "[ ] 2021/3/4 x").join("\n");
    expect(() => parseNote("b.md", both)).not.toThrow();
  });

  it("handles headings of 10,000 characters", () => {
    const heading = "## " + "**粗体** _斜体_ ".repeat(1000);
    const parsed = parseNote("h.md", heading + "\n- [ ] 2021/3/4 x");
    expect(parsed.tracks[0].name.length).toBeGreaterThan(5000);
    expect(parsed.items[0].track).toBe(parsed.tracks[0].name);
  });

  it("handles unterminated constructs", () => {
    for (const open of ["```", "~~~", "<!--", "<pre>", "$$", "%%", "---", "<div>"]) {
      const parsed = parseNote("u.md", `${open}\n- [ ] 2021/3/4 hidden?\n`);
      expect(parsed.problems).toEqual([]);
    }
    expect(parseNote("u.md", "```\n- [ ] 2021/3/4 x").items).toEqual([]);
  });

  it("reports out-of-range dates and accepts the extreme valid ones", () => {
    const parsed = parseNote("d.md", [
      "- [ ] 0001-01-01 first", "- [ ] 9999-12-31 last", "- [ ] 2021/13/40 bad", "- [ ] 2021/02/29 not leap",
      "- [ ] 2024/02/29 leap", "- [ ] 0000/01/01 year zero", "- [ ] 2021/3/5 ~ 2021/3/1 backwards",
    ].join("\n"));
    expect(parsed.items.map((i) => i.date)).toEqual(["0001-01-01", "9999-12-31", "2024-02-29"]);
    expect(parsed.problems.map((p) => p.line)).toEqual([3, 4, 6, 7]);
    expect(parsed.problems.every((p) => p.path === "d.md" && p.message.length > 0)).toBe(true);
  });

  it("handles invalid UTF-16, NULs and control characters", () => {
    const text = "\uD800- [ ] 2021/3/4 a\n- [\uDC00] 2021/3/4 lone low\n\u0000\u0001\u001b[31m\n- [ ] 2021/3/4 \uDBFF\uD800 tail\n\uFFFE\uFFFF";
    const parsed = parseNote("bin.md", text);
    expect(parsed.items.map((i) => i.line)).toEqual([2, 4]);
    expect(parsed.items[0].status).toBe("\uDC00");
  });
});

const LINES = [
  "# 标题", "## **轨道**", "**第1章　分组**", "- [ ] 2021/3/4 a", "- [x] 1.1　并行\t\t2021/3/22", "- [ ] 矩阵加法2021/4/07",
  "- [ ] 2021/04/22    ", "  - [ ] 子任务", "- [ ] 无日期", "- [ ] 2021/02/30 坏日期", "- [ ] 2021/11/17 - 2021/11/30 区间",
  "- [ ] x 📅 2026-03-04", "- [ ] x [due:: 2026-03-04]", "> - [ ] 2021/3/4 引用", "```", "~~~", "    code", "<!--", "-->",
  "%%", "$$", "---", "", "  1.3　未列出", "段落 2021 AAAI", "1. [ ] 2021年3月9日 中文日期",
  "-", "  [ ] 2021/3/4 under a bare marker", "> ", "- - [x] 2021/3/4 nested", "\uFEFF", "\t- [ ] 2021/3/4 tab", "-\t[😀] 2021/3/4 astral",
];
const noteArb = fc
  .tuple(
    fc.array(fc.oneof(fc.constantFrom(...LINES), fc.string({ maxLength: 30 }), fc.string({ unit: "binary", maxLength: 30 })), { maxLength: 60 }),
    fc.constantFrom("\n", "\r\n", "\r"),
  )
  .map(([lines, eol]) => lines.join(eol));

describe("properties over random notes", () => {
  it("never throws, and the prefilter is never false when there is an item or problem", () => {
    fc.assert(fc.property(noteArb, (text) => {
      const parsed = parseNote("r.md", text);
      if (parsed.items.length > 0 || parsed.problems.length > 0) expect(mightHaveItems(text)).toBe(true);
      for (const item of parsed.items) {
        expect(item.source.slice(item.dateFrom, item.dateTo).length).toBeGreaterThan(0);
        expect(codeLineMask(text)[item.line - 1]).toBe(0);
      }
    }), { numRuns: Number(env.HOSTILE_RUNS ?? 1500) });
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
      parseNote("s.md", text);
      codeLineMask(text);
      mightHaveItems(text);
    }), { numRuns: 1500 });
  });
});
