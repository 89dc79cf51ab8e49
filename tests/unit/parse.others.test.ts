// A note in the shapes other people write (tests/fixtures/notes/others.md): what counts as an item and
// a date, what text the sidebar shows, and that edits still see the raw line.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { displayText } from "../../src/core/markdown/inline";
import { parseNote } from "../../src/core/items/parse";
import type { Item } from "../../src/core/base/types";

const text = readFileSync(new URL("../fixtures/notes/others.md", import.meta.url), "utf8");
const lines = text.split("\n");

type Row = [line: number, status: string, date: string, form: string, track: string, group: string | null, text: string];
const row = (i: Item): Row => [i.line, i.status, i.date, i.form, i.track, i.group, i.text];

const TODO = "1. ToDo list";
const ITEMS: Row[] = [
  [11, " ", "2021-04-07", "plain", TODO, null, "矩阵乘法"],
  [12, " ", "2021-03-01", "plain", TODO, null, "开会"],
  [13, "x", "2021-11-16", "plain", TODO, null, "23:53:54 CST解决"],
  [14, "-", "2021-03-20", "plain", TODO, null, "旧方案（放弃）"],
  [16, " ", "2020-12-17", "plain", TODO, null, "整理 git 基本操作 和分支模型"],
  [20, " ", "2022-09-07", "cjk", TODO, null, "读完第三章"],
  [23, " ", "2023-01-09", "plain", TODO, null, ""],
  [24, " ", "2023-01-10", "plain", TODO, null, "下一项"],
  [28, " ", "2023-01-11", "plain", TODO, "归档", ""],
  [33, " ", "2025-07-11", "tasks-due", "Tasks", null, "#task 写周报"],
  [34, "x", "2025-07-05", "tasks-due", "Tasks", null, "提交报销"],
  [35, " ", "2025-07-07", "tasks-start", "Tasks", null, "整理照片"],
  [36, " ", "2023-05-12", "dataview", "Tasks", null, "Lecture 4"],
  [37, " ", "2021-08-22", "dataview", "Tasks", null, "Lab 2"],
  [38, " ", "2021-08-23", "dataview", "Tasks", null, "Lab 3"],
  [40, " ", "2025-03-05", "plain", "Tasks", null, "registration deadline"],
  [41, " ", "2025-03-06", "plain", "Tasks", null, "Switch images"],
  [42, " ", "2025-03-07", "plain", "Tasks", null, "measurement"],
];

describe("a note written by someone else", () => {
  const parsed = parseNote("Lab/others.md", text);

  it("finds the items, their dates and the text Tasks users see", () => {
    expect(parsed.items.map(row)).toEqual(ITEMS);
  });

  it("reports the impossible due date beside a valid scheduled one, and no version number", () => {
    expect(parsed.problems.map((p) => [p.line, p.message])).toEqual([[39, "impossible date 2025-02-30"]]);
  });

  it("keeps the raw line and the date's offsets for edits", () => {
    for (const item of parsed.items) {
      expect(item.source).toBe(lines[item.line - 1]);
      expect(item.source.slice(item.dateFrom, item.dateTo)).toMatch(/\d{4}/);
    }
  });

  it("names tracks and groups without their HTML", () => {
    expect(parsed.tracks.map((t) => t.name)).toEqual(["实验日志", TODO, "Tasks"]);
  });
});

describe("the text Tasks users see", () => {
  it.each([
    ["#task 写周报 🔁 every week ⏫ ➕ 2025-07-06", "#task 写周报"],
    ["Fix the build 🔼 #work ^abc-1", "Fix the build #work"],
    ["提交 🆔 abc123 ⛔ x1, y2 🏁 delete", "提交"],
    ["复盘 ✅ 2025-07-06 ❌ 2025-07-07 ⏬", "复盘"],
    ["Fix [priority:: high] [created:: 2025-01-01] [completion:: 2025-01-02]", "Fix"],
    ["Fix [project:: Thesis]", "Fix [project:: Thesis]"],
    ["a <b c > d", "a <b c > d"],
    ["：registration deadline", "registration deadline"],
    [": Switch images", "Switch images"],
    ["- measurement", "measurement"],
    ["-1 的补码", "-1 的补码"],
    ["1.1\u3000并行计算", "1.1\u3000并行计算"],
    ["<br>", ""],
  ])("%j shows as %j", (written, shown) => {
    expect(displayText(written)).toBe(shown);
  });
});
