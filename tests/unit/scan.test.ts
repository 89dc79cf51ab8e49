import { describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import { codeLineMask, scanNote } from "../../src/core/markdown/scan";
import { splitLines } from "../../src/core/markdown/scanLine";
import { BlockScanner } from "../../src/core/markdown/blockScanner";
import { RecordBuilder } from "../../src/core/items/noteRecord";
import { BUILTIN_VENUES } from "../../src/core/items/venues";

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/notes/${name}`, import.meta.url), "utf8");
const maskedLines = (text: string): number[] => Array.from(codeLineMask(text)).flatMap((m, i) => (m ? [i + 1] : []));

describe("splitLines", () => {
  it("splits on CRLF, LF and lone CR and drops a BOM", () => {
    expect(splitLines("a\r\nb\nc\rd")).toEqual(["a", "b", "c", "d"]);
    expect(splitLines("\uFEFFa\n")).toEqual(["a", ""]);
    expect(splitLines("")).toEqual([""]);
    expect(splitLines("\r\r\n\n")).toEqual(["", "", "", ""]);
  });
});

describe("codeLineMask", () => {
  it("marks fences, indented code, HTML blocks but not quotes or items", () => {
    const masked = maskedLines(fixture("noise.md"));
    expect(masked).toEqual([
      9, 10, 11, // top-level fence
      14, 15, 16, // fence inside the item
      18, 19, 20, 21, 22, // ~~~~ fence with a shorter inner ``` and ~~~
      24, 25, // indented code (and the blank line it may continue over)
      26, 27, 28, // HTML comment
      30, 31, 32, // <div> block up to the blank line
    ]);
  });

  it("marks frontmatter, %% comments and $$ math", () => {
    const masked = maskedLines(fixture("obsidian-constructs.md"));
    expect(masked).toEqual([1, 2, 3, 4, 5, 9, 10, 11, 16, 19, 20, 21, 28, 29]);
  });

  it("runs an unterminated fence to the end of its container", () => {
    expect(maskedLines("```\n- [ ] 2021/3/4 a\n- [ ] b")).toEqual([1, 2, 3]);
    expect(maskedLines("- ```\n  - [ ] 2021/3/4 a\n- [ ] 2021/3/4 b")).toEqual([1, 2]);
    expect(maskedLines("> ```\n> code\nlazy is not code")).toEqual([1, 2]);
  });

  it("closes a fence only with the same character, at least as long, and nothing after", () => {
    expect(maskedLines("````\n```\n~~~~\n```` x\n````\nafter")).toEqual([1, 2, 3, 4, 5]);
    expect(maskedLines("```js\n    ```\n```\nafter")).toEqual([1, 2, 3]);
  });

  it("does not start indented code inside a paragraph or list continuation", () => {
    expect(maskedLines("para\n    still para\n\n    code")).toEqual([4]);
    expect(maskedLines("- item\n\n    continuation paragraph\n\n        code in item")).toEqual([5]);
    expect(maskedLines("\tcode\n  \n\tmore")).toEqual([1, 2, 3]);
  });

  it("ends HTML kinds 1-5 at their end marker and 6-7 at a blank line", () => {
    expect(maskedLines("<pre>\n\n- [ ] x\n</pre>\nafter")).toEqual([1, 2, 3, 4]);
    expect(maskedLines("<!-- a -->\n- [ ] x")).toEqual([1]);
    expect(maskedLines("<table>\n- [ ] x\n\n- [ ] y")).toEqual([1, 2]);
    expect(maskedLines("<custom-tag>\n- [ ] x\n\n- [ ] y")).toEqual([1, 2]);
    expect(maskedLines("para\n<custom-tag>\n- [ ] y")).toEqual([]);
  });
});

describe("scanNote structure", () => {
  it("finds headings (ATX, setext, bold-only lines) outside containers only", () => {
    const { headings } = scanNote("# One #\n## **Two**  ##\n> ## quoted\nSetext\n---\n**Bold**\n- **in item**\n#7 no\n####### seven\n");
    expect(headings).toEqual([
      { line: 1, level: 1, text: "One" },
      { line: 2, level: 2, text: "Two" },
      { line: 4, level: 2, text: "Setext" },
      { line: 6, level: 7, text: "Bold" },
    ]);
  });

  it("records tasks with status, offsets and list nesting", () => {
    const s = scanNote("- [ ] a\n  - [x] b\n    1. [-] c\n- [ ] d\n> * [/] e");
    expect(s.tasks.all().map((t) => [t.line, t.status, t.checkFrom, t.contentFrom])).toEqual([
      [0, " ", 2, 5], [1, "x", 4, 7], [2, "-", 7, 10], [3, " ", 2, 5], [4, "/", 4, 7],
    ]);
    const parent = (i: number): number => s.itemParent[s.tasks.item(i)];
    expect(parent(0)).toBe(-1);
    expect(parent(1)).toBe(s.tasks.item(0));
    expect(parent(2)).toBe(s.tasks.item(1));
    expect(parent(3)).toBe(-1);
  });

  it("accepts any single status character, including astral ones, but not two", () => {
    const s = scanNote("- [✅] a\n- [😀] b\n- [ab] c\n- [] d\n- [x]e\n- [x]");
    expect(s.tasks.all().map((t) => t.status)).toEqual(["✅", "😀", "x"]);
  });

  it("scans each call afresh: a scan is its caller's, never shared with another caller", () => {
    const a = "- [ ] 2021/3/4 a\n";
    const first = scanNote(a);
    expect(scanNote(a.slice(0))).not.toBe(first);
    expect(scanNote(a).tasks.all()).toEqual(first.tasks.all());
    const b = "- [x] 2021/3/4 a\n";
    expect(scanNote(b).tasks.at(0).status).toBe("x");
    expect(scanNote(a).tasks.at(0).status).toBe(" ");
  });

  it("a scan kept aside is not overwritten by thousands of later scans (their arrays share slabs)", () => {
    const kept = "```\n- [ ] 2021/3/3 code\n```\n" + "- [ ] 2021/3/4 a\n  - [x] sub\n".repeat(300);
    const scanned = scanNote(kept);
    const snapshot = { mask: [...scanned.mask], tasks: scanned.tasks.all(), parents: [...scanned.itemParent] };
    for (let i = 0; i < 3000; i++) scanNote(`> - [${i % 2 ? "x" : " "}] 2021/3/${(i % 28) + 1} other ${i}\n`.repeat(1 + (i % 40)) + "```\n");
    expect({ mask: [...scanned.mask], tasks: scanned.tasks.all(), parents: [...scanned.itemParent] }).toEqual(snapshot);
    expect(snapshot.mask.slice(0, 4)).toEqual([1, 1, 1, 0]);
    expect(snapshot.tasks).toHaveLength(600);
  });
});

describe("one scan per note", () => {
  it("a note's record scans the note once for its items, its queue block and its venue marks", () => {
    const note = [
      "当前 BPU （Brain Processing Unit）最大进程数为：2",
      "",
      "- 论文",
      "- LeetCode",
      "",
      "## 论文",
      "**AAAI2027**/~~IJCAI2027~~",
      "- [ ] 2026/8/1    AAAI 2027 投稿截止",
      "```",
      "- [ ] 2026/8/2    in code",
      "```",
      "## LeetCode",
      "- [x] 2026/7/30    两数之和",
    ].join("\n");
    const run = vi.spyOn(BlockScanner.prototype, "run");
    try {
      const record = new RecordBuilder().build("Plans/Term.md", note, null, { trackHeadingLevel: 2, venues: BUILTIN_VENUES });
      expect(record.items.count).toBe(2);
      expect(record.queueBlock?.active.map((e) => e.text)).toEqual(["论文", "LeetCode"]);
      expect(record.venueMarks.map((m) => [m.venue, m.state])).toEqual([["AAAI", "targeted"], ["IJCAI", "dropped"]]);
      expect(run).toHaveBeenCalledTimes(1);
    } finally {
      run.mockRestore();
    }
  });
});
