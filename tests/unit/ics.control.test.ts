// iCalendar forbids control characters in values (RFC 5545 §3.1: all but HTAB); notes can hold them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeText, toIcs } from "../../src/core/planner/ics";
import type { Item } from "../../src/core/base/types";

const item = (text: string, extra: Partial<Item> = {}): Item => ({
  path: "Plans/学期.md", line: 3, status: " ", done: false, text, date: "2021-04-14", end: null, track: "日程", group: null,
  subtasks: [], source: `- [ ] 2021/4/14  ${text}`, dateFrom: 6, dateTo: 15, form: "plain", ...extra,
});

/** Every character of the calendar that is a control character, other than the CRLF line ends and HTAB. */
function controls(ics: string): number[] {
  const found: number[] = [];
  const body = ics.replace(/\r\n/gu, "");
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f) found.push(c);
  }
  return found;
}

describe("control characters in the calendar", () => {
  it("NUL, vertical tab, form feed, escape and DEL do not pass; a tab does", () => {
    expect(escapeText("a\u0000b\u000Bc\u000Cd\u001Be\u007Ff\tg")).toBe("ab c def\tg");
    const ics = toIcs([item("read\u0000 chapter\u000B3", { track: "trk\u0001", path: "a\u0002.md" })], [], new Date("2021-04-01T00:00:00Z"));
    expect(controls(ics)).toEqual([]);
    expect(ics).toContain("SUMMARY:read chapter 3");
  });

  it("whatever the text, track and path, only CRLF line ends and tabs remain", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 40 }), fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), (text, track, path) => {
      expect(controls(toIcs([item(text, { track, path })], [], new Date("2021-04-01T00:00:00Z")))).toEqual([]);
    }), { numRuns: 300 });
  });
});
