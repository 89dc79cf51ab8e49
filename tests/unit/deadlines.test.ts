import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  collectDeadlines, DeadlineRules, daysLeft, findVenueMarks, keywordTest, listPrefixLength, mayListVenues, urgencyOf, venueMarksInLine, venuesOf,
} from "../../src/core/items/deadlines";
import { DEFAULT_SETTINGS } from "../../src/core/base/settings";
import type { Item } from "../../src/core/base/types";
import { BUILTIN_VENUES, findVenues, parseCustomVenues, type Venue, VenueMatcher } from "../../src/core/items/venues";

const WORDS = DEFAULT_SETTINGS.deadlineWords;
/** One question to rules compiled for it (the planner and the editor keep theirs). */
const recognizeDeadline = (text: string, words: string[], venues: Venue[]): ReturnType<DeadlineRules["recognize"]> =>
  new DeadlineRules(words, venues).recognize(text);
const hasKeyword = (text: string, words: string[]): boolean => keywordTest(words)(text);
const BUILTIN = new VenueMatcher(BUILTIN_VENUES);

describe("recognizeDeadline", () => {
  it.each<[string, string | null, number | null]>([
    ["AAAI  2021 投稿截至日期", "AAAI", 2021],
    ["ICRA  2022 投稿截止日期", "ICRA", 2022],
    ["CVPR 2022 投稿截至日期", "CVPR", 2022],
    ["IROS  2022 投稿截至日期", "IROS", 2022],
    ["AAAI2021 截稿（摘要）投稿", "AAAI", 2021],
    ["AAAI-22 abstract deadline", "AAAI", 2022],
    ["ICML'24 submission", "ICML", 2024],
    ["ICML’25 Submission Deadline (AoE)", "ICML", 2025],
    ["NIPS 2021 DDL", "NeurIPS", 2021],
    ["neurips 2023 full paper deadline", "NeurIPS", 2023],
    ["SIGGRAPH Asia 2024 deadline", "SIGGRAPH Asia", 2024],
    ["SIGGRAPH 2024 deadline", "SIGGRAPH", 2024],
    ["ACM MM 2023 paper submission", "ACM MM", 2023],
    ["MM24 投稿", "ACM MM", 2024],
    ["SIGKDD 2022 research track deadline", "KDD", 2022],
    ["TheWebConf 2025 deadline", "WWW", 2025],
    ["3DV 2025 DDL", "3DV", 2025],
    ["CoRL 2024 submission", "CoRL", 2024],
    ["Deadline for RSS 2023", "RSS", 2023],
    ["毕业论文初稿截止", null, null],
    ["project report deadline", null, null],
    ["ECCV deadline", "ECCV", null],
    ["2022 CVPR 投稿截止", "CVPR", 2022],
    ["2023年ICCV投稿截止", "ICCV", 2023],
    ["v12022 CVPR deadline", "CVPR", null],
    ["投稿 ICCV２０２３", "ICCV", null],
  ])("%s → %s %s", (text, venue, year) => {
    expect(recognizeDeadline(text, WORDS, BUILTIN_VENUES)).toEqual({ venue, year });
  });

  it.each([
    "read a CVPR 2022 paper",
    "阅读 AAAI 2021 的一篇论文",
    "deadlines are stressful",
    "Submissions folder cleanup",
    "DDLs everywhere",
    "ICRA 2022 海报展示",
    "",
  ])("%s is not a deadline", (text) => {
    expect(recognizeDeadline(text, WORDS, BUILTIN_VENUES)).toBeNull();
  });

  it("does not read ordinary words as short venue names", () => {
    expect(recognizeDeadline("rss feed deadline", WORDS, BUILTIN_VENUES)).toEqual({ venue: null, year: null });
    expect(recognizeDeadline("5mm screws deadline", WORDS, BUILTIN_VENUES)).toEqual({ venue: null, year: null });
    expect(recognizeDeadline("acl2021 deadline", WORDS, BUILTIN_VENUES)).toEqual({ venue: null, year: null });
    expect(recognizeDeadline("Claims deadline", WORDS, BUILTIN_VENUES)).toEqual({ venue: null, year: null });
  });

  it("uses custom venues and words", () => {
    const venues = [...parseCustomVenues(["ISMAR|IEEE ISMAR", "", "# comment", " |  "]), ...BUILTIN_VENUES];
    expect(recognizeDeadline("IEEE ISMAR 2024 截稿", ["截稿"], venues)).toEqual({ venue: "ISMAR", year: 2024 });
    expect(parseCustomVenues(["A|b| c |", "  "])).toEqual([{ name: "A", aliases: ["b", "c"] }]);
  });

  it("whole words for Latin keywords, anywhere for CJK", () => {
    expect(hasKeyword("EXAM tomorrow", ["exam"])).toBe(true);
    expect(hasKeyword("examples", ["exam"])).toBe(false);
    expect(hasKeyword("期末考试周", ["考试"])).toBe(true);
    expect(hasKeyword("ÜBERGABE morgen", ["über"])).toBe(true);
  });

  it("finds every venue mention, longest first", () => {
    expect(findVenues("SIGGRAPH Asia 2024 / SIGGRAPH 2025", BUILTIN).map((m) => [m.venue, m.year]))
      .toEqual([["SIGGRAPH Asia", 2024], ["SIGGRAPH", 2025]]);
  });
});

describe("hasKeyword against its plain definition", () => {
  // Non-ASCII words anywhere in any case, ASCII words as whole words in any case.
  const reference = (text: string, words: string[]): boolean => {
    const lower = text.toLowerCase();
    return words.map((w) => w.trim()).filter((w) => w !== "").some((w) => /[^\x20-\x7e]/u.test(w)
      ? lower.includes(w.toLowerCase())
      : new RegExp(String.raw`(?<![A-Za-z0-9])${w.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}(?![A-Za-z0-9])`, "iu").test(text));
  };
  it("agrees on random texts and word lists", () => {
    const bit = fc.constantFrom("截止", "投稿", "DDL", "ddl", "Deadline", "x", " ", "1", "Über", "über", "ÜBER", "ß", "SS", "İ", "i", "a.b", "(", "é", "É", "考试");
    fc.assert(fc.property(fc.array(bit, { maxLength: 12 }), fc.array(fc.array(bit, { minLength: 1, maxLength: 3 }).map((w) => w.join("")), { maxLength: 4 }), (parts, words) => {
      const text = parts.join("");
      expect(hasKeyword(text, words)).toBe(reference(text, words));
    }), { numRuns: 3000 });
  });
});

describe("findVenueMarks", () => {
  const NOTE = [
    "## **会议与期刊**",
    "",
    "图形学会议",
    "",
    "~~ACM MM~~/ ~~SIGGRAPH~~",
    "",
    "人工智能会议",
    "",
    "**AAAI2021**/~~NIPS2021~~/~~ACL2021~~/**CVPR2022**/**IROS 2022**/ICLR2022",
    "",
    "期刊",
    "",
    "TOG/ TIP/ TVCG",
    "",
    "**CVPR 2022** is a paper I liked / read it",
    "```",
    "**AAAI2030**/**CVPR2030**",
    "```",
    "- ~~ECCV 2024~~、**WACV 2025**",
  ].join("\n");

  it("reads bold as targeted and strikethrough as dropped, only in venue lists", () => {
    const marks = findVenueMarks("Plan.md", NOTE, BUILTIN_VENUES);
    expect(marks.map((m) => [m.venue, m.year, m.state, m.line])).toEqual([
      ["ACM MM", null, "dropped", 5],
      ["SIGGRAPH", null, "dropped", 5],
      ["AAAI", 2021, "targeted", 9],
      ["NeurIPS", 2021, "dropped", 9],
      ["ACL", 2021, "dropped", 9],
      ["CVPR", 2022, "targeted", 9],
      ["IROS", 2022, "targeted", 9],
      ["ECCV", 2024, "dropped", 19],
      ["WACV", 2025, "targeted", 19],
    ]);
    expect(marks.every((m) => m.path === "Plan.md")).toBe(true);
  });

  it("ignores venue lists in frontmatter, comments and code", () => {
    const text = "---\nv: **AAAI2021**/**CVPR2022**\n---\n%%\n**ICML2021**/~~ICLR2021~~\n%%\n    **ECCV2022**/**ICCV2021**\n\n~~WACV2022~~/BMVC2022\n";
    expect(findVenueMarks("a.md", text, BUILTIN_VENUES).map((m) => [m.venue, m.line])).toEqual([["WACV", 9]]);
  });

  it("follows emphasis spanning several venues", () => {
    const marks = findVenueMarks("a.md", "~~ICML2021, IJCAI2021~~, CVPR2022", BUILTIN_VENUES);
    expect(marks.map((m) => [m.venue, m.state])).toEqual([["ICML", "dropped"], ["IJCAI", "dropped"]]);
  });

  it("skips long prose between separators but not a venue padded with any kind of space", () => {
    const pad = "\u00a0\u2003\u3000 \t".repeat(10);
    const text = `**${pad}AAAI2021${pad}**/~~NIPS2021~~/熟悉常用的**点云配准**，参考资料见下方链接，其中第二篇综述写得最清楚`;
    expect(findVenueMarks("a.md", text, BUILTIN_VENUES).map((m) => [m.venue, m.state])).toEqual([["AAAI", "targeted"], ["NeurIPS", "dropped"]]);
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (ch.trim() !== "" || ch === "\n" || ch === "\r") continue;
      const padded = `~~NIPS2021~~/${ch.repeat(40)}**AAAI2021**${ch.repeat(40)}`;
      expect(findVenueMarks("a.md", padded, BUILTIN_VENUES), `U+${c.toString(16)}`).toHaveLength(2);
    }
  });

  it("a venue list under a deep quote or a long list number still counts", () => {
    const marks = (text: string): unknown[] => findVenueMarks("a.md", text, BUILTIN_VENUES).map((m) => [m.venue, m.state]);
    expect(marks(`${"> ".repeat(30)}**AAAI2021**/~~NIPS2021~~`)).toEqual([["AAAI", "targeted"], ["NeurIPS", "dropped"]]);
    expect(marks("123456789. **The Web Conference 2021**/~~NIPS2021~~")).toEqual([["WWW", "targeted"], ["NeurIPS", "dropped"]]);
  });

  it("the prefix skipped before counting matches the list-marker pattern", () => {
    const piece = fc.constantFrom(" ", "\t", ">", "\u3000", "-", "*", "+", "1", "12", "1234567890", ".", ")", "**AAAI2021**", "/", "~~ICML2021~~", "x");
    fc.assert(fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
      const line = parts.join("");
      expect(listPrefixLength(line)).toBe(/^[\s>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?/u.exec(line)![0].length);
      expect(listPrefixLength(`ab${line}\ncd`, 2, 2 + line.length)).toBe(listPrefixLength(line));
    }), { numRuns: 2000 });
  });

  it("the prefilter never drops a line that lists venues", () => {
    const custom = new VenueMatcher([...parseCustomVenues(["中国计算机大会|CNCC", "ÅRC", "$Money Conf"]), ...BUILTIN_VENUES]);
    const piece = fc.constantFrom("**AAAI2021**", "~~NIPS2021~~", "__CVPR 2022__", "ICML'24", "\u212ADD", "ſIGIR", "kdd", "åRC", "$money conf",
      "中国计算机大会", "**CNCC**", "/", "、", "，", "；", "|", "**", "~~", "~", "_", " ", "\u3000", "- ", "> ", "1. ", "熟悉常用的", "x", "The Web Conference");
    fc.assert(fc.property(fc.array(piece, { maxLength: 16 }), fc.boolean(), (parts, withCustom) => {
      const line = parts.join("");
      const venues = withCustom ? custom : BUILTIN;
      if (venueMarksInLine(line, venues, "a.md", 1).length > 0) expect(mayListVenues(line, 0, line.length, venues)).toBe(true);
      // Offsets into a longer text read the same line.
      const text = `x**\n${line}\n**y`;
      expect(mayListVenues(text, 4, 4 + line.length, venues)).toBe(mayListVenues(line, 0, line.length, venues));
    }), { numRuns: 4000 });
    expect(mayListVenues("\u212ADD2021/**ICML2021**", 0, 24, BUILTIN)).toBe(true); // KELVIN SIGN folds to K
    expect(mayListVenues("- 熟悉常用的**设计模式**；参考资料见下方链接", 0, 24, BUILTIN)).toBe(false);
  });

  it("finds the same lines whether it jumps from mark to mark (LF) or reads every line (CRLF)", () => {
    const piece = fc.constantFrom("**AAAI2021**", "~~NIPS2021~~", "__CVPR2022__", "ICML", "/", "、", "**", "~~", "__", " ", "\n", "\n\n", "- ", "> ", "```\n", "%%", "\uFEFF", "x", "中");
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const text = parts.join("");
      const where = (t: string): unknown[] => findVenueMarks("a.md", t, BUILTIN_VENUES).map((m) => [m.venue, m.state, m.line]);
      expect(where(text)).toEqual(where(text.replace(/\n/g, "\r\n")));
    }), { numRuns: 1000 });
  });
});

describe("daysLeft", () => {
  it("counts calendar days in local time to the end of the day", () => {
    const late = new Date(2021, 8, 9, 23, 59); // local 2021-09-09 23:59
    expect(daysLeft("2021-09-09", late, false)).toBe(0);
    expect(daysLeft("2021-09-10", late, false)).toBe(1);
    expect(daysLeft("2021-09-08", new Date(2021, 8, 9, 0, 1), false)).toBe(-1);
  });

  it("counts in Anywhere-on-Earth time (UTC−12)", () => {
    // 2021-09-10T11:59Z is still 2021-09-09 23:59 at UTC−12: the deadline day has not ended.
    expect(daysLeft("2021-09-09", new Date("2021-09-10T11:59:00Z"), true)).toBe(0);
    expect(daysLeft("2021-09-09", new Date("2021-09-10T12:00:00Z"), true)).toBe(-1);
    expect(daysLeft("2021-09-09", new Date("2021-09-09T11:59:59Z"), true)).toBe(1);
    expect(daysLeft("2022-01-01", new Date("2022-01-01T12:00:00Z"), true)).toBe(0);
  });

  it.each<[number, string]>([[-1, "past"], [0, "urgent"], [3, "urgent"], [4, "soon"], [7, "soon"], [8, "month"], [30, "month"], [31, "later"]])(
    "urgency of %i is %s", (days, urgency) => expect(urgencyOf(days)).toBe(urgency));
});

function item(line: number, date: string, text: string, done = false, path = "Plan.md"): Item {
  const source = `- [${done ? "x" : " "}] ${date.replaceAll("-", "/")}    ${text}`;
  return {
    path, line, status: done ? "x" : " ", done, text, date, end: null, track: "TIME", group: null, subtasks: [],
    source, dateFrom: 6, dateTo: 16, form: "plain",
  };
}

describe("collectDeadlines", () => {
  const items = [
    item(3, "2021-11-16", "CVPR 2022 投稿截至日期"),
    item(1, "2021-09-09", "AAAI  2021 投稿截至日期"),
    item(2, "2021-10-31", "ICRA  2022 投稿截止日期", true),
    item(4, "2021-05-20", "NIPS 2021 投稿截止"),
    item(5, "2021-05-01", "阅读 CVPR 2022 论文"),
    item(6, "2021-06-01", "课程论文 DDL", false, "A.md"),
    item(7, "2021-06-01", "ECCV 2022 deadline"),
    { ...item(8, "2021-06-02", "IJCAI 2021 deadline"), status: "-" },
  ];
  const marks = findVenueMarks("Plan.md", "**AAAI2021**/~~NIPS2021~~/**CVPR2022**/~~ECCV~~", BUILTIN_VENUES);

  it("keeps unfinished deadlines, sorted by date, with marks and days left", () => {
    const now = new Date(2021, 4, 25, 10, 0);
    const list = collectDeadlines(items, marks, now, DEFAULT_SETTINGS);
    expect(list.map((d) => [d.line, d.venue, d.year, d.daysLeft, d.urgency, d.targeted, d.dropped])).toEqual([
      [4, "NeurIPS", 2021, -5, "past", false, true],
      [6, null, null, 7, "soon", false, false],
      [7, "ECCV", 2022, 7, "soon", false, true],
      [1, "AAAI", 2021, 107, "later", true, false],
      [3, "CVPR", 2022, 175, "later", true, false],
    ]);
    expect(list[0].text).toBe("NIPS 2021 投稿截止");
  });

  it("recognises the person's own venues, before the built-in ones", () => {
    const settings = { ...DEFAULT_SETTINGS, customVenues: ["ISMAR|IEEE ISMAR"] };
    expect(venuesOf(settings)).toEqual([{ name: "ISMAR", aliases: ["IEEE ISMAR"] }, ...BUILTIN_VENUES]);
    expect(venuesOf(DEFAULT_SETTINGS)).toBe(BUILTIN_VENUES);
    const [d] = collectDeadlines([item(1, "2024-03-20", "IEEE ISMAR 2024 submission")], [], new Date(2024, 2, 1), settings);
    expect([d.venue, d.year, d.daysLeft]).toEqual(["ISMAR", 2024, 19]);
  });

  it("a mark with a year matches only that year; Anywhere-on-Earth from settings", () => {
    const other = [item(1, "2022-09-09", "AAAI 2022 投稿截止")];
    const [d] = collectDeadlines(other, marks, new Date("2022-09-10T11:00:00Z"), { ...DEFAULT_SETTINGS, anywhereOnEarth: true });
    expect([d.targeted, d.dropped, d.daysLeft]).toEqual([false, false, 0]);
  });
});

describe("hostile input", () => {
  it("never throws on random text and stays linear on huge lines", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), (noise) => {
      recognizeDeadline(`${noise} deadline`, WORDS, BUILTIN_VENUES);
      findVenueMarks("n.md", `**${noise}**/~~CVPR2022~~/${noise}\n${noise}`, BUILTIN_VENUES);
    }));
    const big = 1_000_000;
    expect(recognizeDeadline(`CVPR${" ".repeat(big)}x deadline`, WORDS, BUILTIN_VENUES)).toEqual({ venue: "CVPR", year: null });
    expect(recognizeDeadline(`${"ACM ".repeat(big / 4)} deadline`, WORDS, BUILTIN_VENUES)).toEqual({ venue: null, year: null });
    expect(findVenueMarks("n.md", "**CVPR2022**/".repeat(big / 13), BUILTIN_VENUES)).toHaveLength(Math.floor(big / 13));
    expect(findVenueMarks("n.md", `~~ICML${" ".repeat(big)}/ICLR~~`, BUILTIN_VENUES).map((m) => m.state)).toEqual(["dropped", "dropped"]);
  });
});
