import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectDeadlines, findVenueMarks } from "../../src/core/items/deadlines";
import { escapeText, foldLine, toIcs } from "../../src/core/planner/ics";
import { DEFAULT_SETTINGS } from "../../src/core/base/settings";
import type { Item } from "../../src/core/base/types";
import { BUILTIN_VENUES } from "../../src/core/items/venues";

function item(line: number, date: string, text: string, extra: Partial<Item> = {}): Item {
  return {
    path: "Plans/学期.md", line, status: " ", done: false, text, date, end: null, track: "日程", group: null,
    subtasks: [], source: `- [ ] ${date}  ${text}`, dateFrom: 6, dateTo: 16, form: "plain", ...extra,
  };
}

const NOW = new Date("2021-08-01T08:30:00Z");

/** Unfolds and splits into content lines. */
const contentLines = (ics: string): string[] => ics.replace(/\r\n /gu, "").split("\r\n");

describe("toIcs", () => {
  const items = [
    item(3, "2021-09-09", "AAAI 2021 投稿截至日期"),
    item(5, "2021-11-17", "模型设计; 轻量化, 网络", { end: "2021-11-30" }),
    item(7, "2021-03-22", "", { done: true, status: "x", track: "CUDA 编程" }),
    item(9, "2021-05-20", "NIPS 2021 投稿截止"),
  ];
  const marks = findVenueMarks("V.md", "**AAAI2021**/~~NIPS2021~~", BUILTIN_VENUES);
  const deadlines = collectDeadlines(items, marks, NOW, DEFAULT_SETTINGS);
  const ics = toIcs(items, deadlines, NOW);
  const lines = contentLines(ics);

  it("writes a calendar with CRLF line ends and one event per item", () => {
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/gu, "")).not.toMatch(/[\r\n]/u);
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(4);
    expect(lines).toContain("DTSTAMP:20210801T083000Z");
  });

  it("writes all-day events; a range ends the day after its end", () => {
    expect(lines).toContain("DTSTART;VALUE=DATE:20210909");
    expect(lines).toContain("DTEND;VALUE=DATE:20210910");
    expect(lines).toContain("DTSTART;VALUE=DATE:20211117");
    expect(lines).toContain("DTEND;VALUE=DATE:20211201");
    expect(lines).toContain("SUMMARY:模型设计\\; 轻量化\\, 网络");
    expect(lines).toContain("SUMMARY:✓ CUDA 编程");
  });

  it("reminds a week before targeted deadlines only", () => {
    const alarms = ics.split("BEGIN:VEVENT").filter((e) => e.includes("BEGIN:VALARM"));
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toContain("AAAI 2021");
    expect(alarms[0]).toContain("TRIGGER:-P7D");
    expect(alarms[0]).toContain("CATEGORIES:Deadline");
  });

  it("gives stable, distinct UIDs", () => {
    const uids = lines.filter((l) => l.startsWith("UID:"));
    expect(new Set(uids).size).toBe(4);
    expect(contentLines(toIcs(items, deadlines, new Date("2030-01-01T00:00:00Z"))).filter((l) => l.startsWith("UID:"))).toEqual(uids);
  });

  it("writes each item once even when it is also a deadline", () => {
    expect(toIcs([], deadlines, NOW).split("BEGIN:VEVENT")).toHaveLength(deadlines.length + 1);
  });
});

describe("escaping and folding", () => {
  it("escapes backslash, semicolon, comma and newlines", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("folds at 75 octets without splitting UTF-8 characters (property)", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
      const line = `SUMMARY:${escapeText(text)}`;
      const folded = foldLine(line);
      const encoder = new TextEncoder();
      for (const [i, part] of folded.split("\r\n").entries()) {
        expect(encoder.encode(part).length).toBeLessThanOrEqual(75);
        if (i > 0) expect(part.startsWith(" ")).toBe(true);
      }
      expect(folded.replace(/\r\n /gu, "")).toBe(line);
    }));
  });

  it("folds a long Chinese summary into 75-octet lines", () => {
    const folded = foldLine(`SUMMARY:${"概率图模型".repeat(10)}`);
    expect(folded.split("\r\n").map((p) => new TextEncoder().encode(p).length)).toEqual([74, 73, 13]);
  });
});
