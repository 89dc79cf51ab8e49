import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { mightHaveItems, noteName, parseNote } from "../../src/core/items/parse";
import { findDateExpr } from "../../src/core/markdown/dateExpr";
import type { Item, ParsedNote } from "../../src/core/base/types";

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/notes/${name}`, import.meta.url), "utf8");

type Row = [line: number, status: string, date: string, end: string | null, track: string, group: string | null, text: string, subtasks?: [number, string, string][]];
const row = (i: Item): Row => {
  const r: Row = [i.line, i.status, i.date, i.end, i.track, i.group, i.text];
  if (i.subtasks.length) r.push(i.subtasks.map((s) => [s.line, s.status, s.text]));
  return r;
};

/** Every item's source is its line, and its date offsets cover a date expression that parses to its dates. */
function checkSources(parsed: ParsedNote, text: string): void {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  for (const item of parsed.items) {
    expect(item.source).toBe(lines[item.line - 1]);
    expect(item.done).toBe(item.status === "x" || item.status === "X");
    const expr = findDateExpr(item.source.slice(item.dateFrom, item.dateTo));
    expect(expr).toMatchObject({ from: 0, to: item.dateTo - item.dateFrom, date: item.date, end: item.end, form: item.form });
  }
}

const PLANNER: Row[] = [
  [3, "x", "2022-02-15", null, "时间线", null, "第1周星期二_分布式系统 B201 开课"],
  [5, "x", "2022-02-17", null, "时间线", null, "第1周星期四_编译原理 B305 开课"],
  [7, " ", "2022-03-02", null, "时间线", null, "读完一篇扩散模型综述 DDPM/Score-based"],
  [9, " ", "2022-03-20", null, "时间线", null, "全国计算机等级考试报名"],
  [13, " ", "2022-04-05", null, "时间线", null, "第8周星期二_分布式系统 结课"],
  [15, " ", "2022-07-03", null, "时间线", null, "第20周星期日 2021-2022第二学期结束"],
  [19, " ", "2022-08-29", null, "时间线", null, "第1周星期一  2022-2023第一学期开始"],
  [20, " ", "2022-09-09", null, "时间线", null, "AAAI  2023 投稿截至日期"],
  [21, " ", "2022-11-11", null, "时间线", null, "CVPR 2023 投稿截至日期"],
  [22, " ", "2022-11-14", "2022-11-27", "时间线", null, "扩散模型复现"],
  [23, " ", "2022-12-01", "2022-12-31", "时间线", null, "一个月写完编译器"],
  [24, " ", "2022-12-05", "2022-12-09", "时间线", null, "期末复习周"],
  [25, " ", "2023-01-03", "2023-01-08", "时间线", null, "寒假旅行"],
  [61, "x", "2022-03-01", null, "力扣 每日一题/专题", "「算法小抄」动态规划专题（v2.0）", "爬楼梯、最小花费爬楼梯"],
  [62, "x", "2022-03-02", null, "力扣 每日一题/专题", "「算法小抄」动态规划专题（v2.0）", "不同路径、不同路径 II"],
  [64, "x", "2022-03-03", null, "力扣 每日一题/专题", "「算法小抄」动态规划专题（v2.0）", "整数拆分、不同的二叉搜索树"],
  [68, " ", "2022-03-04", null, "力扣 每日一题/专题", "背包问题", ""],
  [69, " ", "2022-03-05", null, "力扣 每日一题/专题", "背包问题", ""],
  [71, " ", "2022-03-06", null, "力扣 每日一题/专题", "背包问题", ""],
  [81, "x", "2022-03-21", null, "并行编程实战", "第1章\u3000并行计算基础", "1.1\u3000为什么要并行"],
  [83, "x", "2022-03-22", null, "并行编程实战", "第1章\u3000并行计算基础", "1.2\u3000异构架构"],
  [91, " ", "2022-03-23", null, "并行编程实战", "第2章\u3000编程模型", "2.1\u3000线程层次"],
  [93, " ", "2022-03-24", null, "并行编程实战", "第2章\u3000编程模型", "2.2\u3000内存层次"],
  [95, " ", "2022-03-25", null, "并行编程实战", "第2章\u3000编程模型", "2.3\u3000计时与分析"],
  [105, "x", "2022-03-24", null, "全栈训练营", "Week 1: Basics", "Lecture 1: Fundamentals"],
  [107, " ", "2022-03-25", null, "全栈训练营", "Week 1: Basics", "Lab 1: Setup"],
  [112, " ", "2022-11-17", null, "模型压缩", null, "模型压缩常用方法", [[113, " ", "方法（一）总览"], [114, "x", "方法（二）剪枝"], [115, " ", "结构化剪枝细节"]]],
  [116, " ", "2022-11-28", null, "模型压缩", null, "轻量网络", [[117, " ", "理论"]]],
  [118, " ", "2022-12-10", null, "模型压缩", null, "提交报告"],
  [119, "-", "2022-12-08", null, "模型压缩", null, "复习"],
  [120, " ", "2022-12-12", null, "模型压缩", null, "组会"],
  [122, " ", "2022-12-01", null, "模型压缩", null, "有序列表的任务"],
  [123, "/", "2022-12-02", null, "模型压缩", null, "进行中"],
];

describe("parseNote on a planner note", () => {
  const text = fixture("planner.md");
  const parsed = parseNote("Plans/planner.md", text);

  it("finds exactly the dated checklist lines", () => {
    expect(parsed.items.map(row)).toEqual(PLANNER);
    expect(parsed.items.every((i) => i.path === "Plans/planner.md")).toBe(true);
    checkSources(parsed, text);
  });

  it("keeps the written form and offsets of each date", () => {
    const byLine = new Map(parsed.items.map((i) => [i.line, i]));
    const written = (line: number): string => { const i = byLine.get(line)!; return i.source.slice(i.dateFrom, i.dateTo); };
    expect(written(22)).toBe("2022/11/14 - 2022/11/27");
    expect(written(25)).toBe("2023年1月3日 至 2023年1月8日");
    expect(byLine.get(25)!.form).toBe("cjk");
    expect(written(81)).toBe("2022/3/21");
    expect(written(95)).toBe("2022/3/25");
    expect(written(118)).toBe("📅 2022-12-10");
    expect(byLine.get(118)!.form).toBe("tasks-due");
    expect(written(119)).toBe("⏳ 2022-12-08");
    expect(byLine.get(119)!.form).toBe("tasks-scheduled");
    expect(written(120)).toBe("[due:: 2022-12-12]");
    expect(byLine.get(120)!.form).toBe("dataview");
  });

  it("reports the impossible date with path and line, and no item for it", () => {
    expect(parsed.problems).toEqual([{ path: "Plans/planner.md", line: 26, message: "impossible date 2023/02/30" }]);
  });

  it("lists every track heading, emphasis stripped", () => {
    expect(parsed.tracks).toEqual([
      { name: "时间线", line: 1 }, { name: "技能清单", line: 30 }, { name: "会议与期刊", line: 39 },
      { name: "Daily", line: 47 }, { name: "力扣 每日一题/专题", line: 55 }, { name: "并行编程实战", line: 75 },
      { name: "全栈训练营", line: 101 }, { name: "模型压缩", line: 110 },
    ]);
  });

  it("gives the same result for CRLF, lone CR and a BOM", () => {
    const strip = (p: ParsedNote) => ({ ...p, items: p.items.map((i) => ({ ...i })) });
    for (const variant of [text.replace(/\n/g, "\r\n"), text.replace(/\n/g, "\r"), "\uFEFF" + text]) {
      const other = parseNote("Plans/planner.md", variant);
      expect(strip(other)).toEqual(strip(parsed));
    }
  });

  it("honours trackHeadingLevel", () => {
    const h1 = parseNote("Plans/planner.md", text, { trackHeadingLevel: 1 });
    expect(h1.tracks.map((t) => t.name)).toEqual(["时间线", "Daily"]);
    const item = h1.items.find((i) => i.line === 81)!;
    expect([item.track, item.group]).toEqual(["Daily", "第1章\u3000并行计算基础"]);
    const slot = h1.items.find((i) => i.line === 112)!;
    expect([slot.track, slot.group]).toEqual(["Daily", "模型压缩"]);
  });
});

describe("parseNote on CommonMark noise", () => {
  const text = fixture("noise.md");
  const parsed = parseNote("noise.md", text);

  it("skips code, HTML and lazy lines but keeps quotes, callouts and every bullet kind", () => {
    expect(parsed.items.map(row)).toEqual([
      [2, " ", "2022-01-03", null, "noise", null, "before any heading"],
      [7, " ", "2022-01-04", null, "Setext track", null, "under a setext heading"],
      [13, " ", "2022-01-06", null, "Setext track", null, "item with a fence inside"],
      [34, " ", "2022-01-12", null, "Setext track", null, "in a blockquote"],
      [36, "x", "2022-01-13", null, "Setext track", null, "nested quote"],
      [42, " ", "2022-01-14", null, "Setext track two", null, "star bullet"],
      [43, "X", "2022-01-15", null, "Setext track two", null, "plus bullet, capital X"],
      [44, " ", "2022-01-16", null, "Setext track two", null, "tab after marker"],
      [45, " ", "2022-01-17", null, "Setext track two", null, "one-space indent"],
      [49, " ", "2022-01-18", null, "Setext track two", null, "interrupts the paragraph"],
      [53, ">", "2022-01-20", null, "Setext track two", "Deeper group", "forwarded status"],
    ]);
    expect(parsed.problems).toEqual([]);
    checkSources(parsed, text);
  });
});

describe("parseNote on Obsidian constructs", () => {
  const text = fixture("obsidian-constructs.md");
  const parsed = parseNote("obsidian-constructs.md", text);

  it("skips frontmatter, %% comments and $$ math; counts callouts", () => {
    expect(parsed.items.map(row)).toEqual([
      [13, " ", "2022-05-03", null, "Obsidian", null, "visible %% note with 2022/05/30 %% after comment"],
      [14, " ", "2022-05-04", null, "Obsidian", null, "%% 2022/05/31 %% date after an inline comment"],
      [17, " ", "2022-05-05", null, "Obsidian", null, "after a one-line comment"],
      [24, " ", "2022-05-07", null, "Obsidian", null, "in a callout", [[25, " ", "sub in callout"]]],
      [27, " ", "2022-05-08", null, "Obsidian", null, "opens a comment %%"],
      [30, " ", "2022-05-10", null, "Obsidian", null, "visible again"],
    ]);
    checkSources(parsed, text);
  });

  it("treats a --- line 1 without a closing line as a thematic break", () => {
    const open = parseNote("a.md", "---\n- [ ] 2022/05/01 not frontmatter\n");
    expect(open.items.map((i) => i.line)).toEqual([2]);
    const dots = parseNote("a.md", "---\nx: 1\n...\n- [ ] 2022/05/01 after\n");
    expect(dots.items.map((i) => i.line)).toEqual([4]);
  });
});

describe("items, subtasks and groups", () => {
  it("undated siblings are neither items nor subtasks; undated children are subtasks", () => {
    const parsed = parseNote("n.md", [
      "## 训练营", "- [x] 2022/3/24  Lecture", "- [ ] Notebook", "- [ ] 2022/3/25  Lab", "  - [ ] 子任务", "    - [x] 孙任务",
      "  - [ ] 2022/3/26 dated child", "    - [ ] under dated child", "  - note", "    - [ ] under a plain bullet",
    ].join("\n"));
    expect(parsed.items.map(row)).toEqual([
      [2, "x", "2022-03-24", null, "训练营", null, "Lecture"],
      [4, " ", "2022-03-25", null, "训练营", null, "Lab", [[5, " ", "子任务"], [6, "x", "孙任务"], [10, " ", "under a plain bullet"]]],
      [7, " ", "2022-03-26", null, "训练营", null, "dated child", [[8, " ", "under dated child"]]],
    ]);
  });

  it("a new track resets the group; a deeper heading is a group", () => {
    const parsed = parseNote("n.md", "**Loose label**\n- [ ] 2022/1/1 a\n## T\n- [ ] 2022/1/2 b\n### Sub *part*\n- [ ] 2022/1/3 c\n## U\n- [ ] 2022/1/4 d\n");
    expect(parsed.items.map((i) => [i.track, i.group])).toEqual([["n", "Loose label"], ["T", null], ["T", "Sub part"], ["U", null]]);
  });

  it("a bold line that is not only bold is no group", () => {
    const parsed = parseNote("n.md", "## T\n**A**/~~B~~/**C**\n- [ ] 2022/1/2 b\n");
    expect(parsed.items[0].group).toBeNull();
  });
});

describe("mightHaveItems and noteName", () => {
  it("is true for planner notes and false for prose", () => {
    for (const name of ["planner.md", "noise.md", "obsidian-constructs.md"]) expect(mightHaveItems(fixture(name))).toBe(true);
    expect(mightHaveItems("# Notes\n\nJust prose, AAAI 2021, section 2.4 and v1.1.\n- [ ] undated\n")).toBe(false);
    expect(mightHaveItems("- [ ] x [due:: 2026-03-04]")).toBe(true);
    // Prose with dates and links but no dated checklist line is skipped.
    expect(mightHaveItems("见 [链接](https://x) 2021/3/4 开会\n- [ ] 无日期\n- 2021/3/4 不是任务")).toBe(false);
    // Every way a dated item can be written still passes.
    for (const text of ["\uFEFF- [ ] 2021/3/4 a", "x\r> 1. - [😀] 2021年3月4日", "-\n  [ ] 2021/3/4 under a bare marker", " +\t[x]\t2021.3.4"]) {
      expect(parseNote("p.md", text).items).toHaveLength(1);
      expect(mightHaveItems(text)).toBe(true);
    }
  });

  it("agrees with the line-anchored regex it replaced, and never hides an item or a problem", () => {
    const OLD = /^(?:[ \t>\uFEFF]|[-*+][ \t]|\d{1,9}[.)][ \t])*\[(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\]\n\r])\][ \t][^\n\r]*?\d{4}[-/.年]\d\d?[-/.月]\d/m;
    const piece = fc.constantFrom("- ", "* ", "1. ", "> ", "  ", "\t", "[ ] ", "[x]\t", "[😀] ", "[", "]", " ", "2021/3/4", "2021年3月4日", "2021-02-30",
      "2021.13.1", "\n", "\r\n", "\r", "\uFEFF", "x", "中", "```\n", "%%", "<!--", "-->", "    ", "[[link]]", "#", "**b**");
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
      const text = parts.join("");
      expect(mightHaveItems(text)).toBe(OLD.test(text));
      if (!mightHaveItems(text)) expect(parseNote("p.md", text)).toMatchObject({ items: [], problems: [] });
    }), { numRuns: 3000 });
  });

  it("names notes", () => {
    expect(noteName("Plans/Term.md")).toBe("Term");
    expect(noteName("Term.MD")).toBe("Term");
    expect(noteName("a/b/v1.2 notes.md")).toBe("v1.2 notes");
    expect(noteName("a/b/c.txt")).toBe("c.txt");
  });
});
