// Date shapes from notes written by other people: version numbers, Tasks' other dates, Dataview
// fields and dates joined to a time. `content` is what follows `[ ]` on a checklist line.
import { describe, expect, it } from "vitest";
import { findDateExpr, rewriteDateExpr } from "../../src/core/markdown/dateExpr";

type Found = [content: string, raw: string, date: string, form: string];

describe("version numbers are not dates", () => {
  it.each([
    " 2022.3.4f1", " 2021.3.28f1", " Unity 2022.3.62f3 升级", " 2022.3.0f1 LTS", " v2021.3.4", " build2021-03-04",
    " tag 2021-03-04rc", " release-2021.3.4b2 notes", " 2021.3.4a",
  ])("finds no date (and no problem) in %j", (content) => {
    expect(findDateExpr(content)).toBeNull();
  });

  it.each<Found>([
    [" 矩阵加法2021/4/07", "2021/4/07", "2021-04-07", "plain"],
    [" 2021/3/1开会", "2021/3/1", "2021-03-01", "plain"],
    [" 作业（2021.3.9）", "2021.3.9", "2021-03-09", "plain"],
    [" 2021-03-04, then more", "2021-03-04", "2021-03-04", "plain"],
    [" 升级到 2022.3.4f1 之后 2021/5/6 复查", "2021/5/6", "2021-05-06", "plain"],
    [" 2021-03-04T09:30 standup", "2021-03-04", "2021-03-04", "plain"],
  ])("still dates %j", (content, raw, date, form) => {
    const found = findDateExpr(content);
    if (!found || "error" in found) throw new Error(`no date in ${content}`);
    expect([content.slice(found.from, found.to), found.date, found.form]).toEqual([raw, date, form]);
  });
});

describe("a date joined to a time by a slash", () => {
  it.each<Found>([
    [" 2021/11/16/23:53:54 CST解决", "2021/11/16", "2021-11-16", "plain"],
    [" 2021-11-16/9:05 修复", "2021-11-16", "2021-11-16", "plain"],
  ])("dates %j", (content, raw, date, form) => {
    const found = findDateExpr(content);
    if (!found || "error" in found) throw new Error(`no date in ${content}`);
    expect([content.slice(found.from, found.to), found.date, found.form]).toEqual([raw, date, form]);
  });

  it.each([" http://example.com/2021/11/16/post", " 2021/11/16/23 草稿", " 2021/11/16/a:b"])("still rejects a path in %j", (content) => {
    expect(findDateExpr(content)).toBeNull();
  });
});

describe("Tasks' start date and Dataview's other fields", () => {
  it.each<Found>([
    [" 写周报 🛫 2025-07-07", "🛫 2025-07-07", "2025-07-07", "tasks-start"],
    [" 写周报 🛫 2025-07-07 ➕ 2025-07-01", "🛫 2025-07-07", "2025-07-07", "tasks-start"],
    [" 写周报 🛫 2025-07-07 📅 2025-07-11", "📅 2025-07-11", "2025-07-11", "tasks-due"],
    [" 写周报 🛫 2025-07-07 ⏳ 2025-07-09", "⏳ 2025-07-09", "2025-07-09", "tasks-scheduled"],
    [" 2025/7/8 写周报 🛫 2025-07-07", "2025/7/8", "2025-07-08", "plain"],
    [" Lecture 4 [start:: 2025-07-07]", "[start:: 2025-07-07]", "2025-07-07", "dataview"],
    [" Lecture 4 [date:: 2023-05-12]", "[date:: 2023-05-12]", "2023-05-12", "dataview"],
    [" Lecture 4 [date:: 2023-05-12] [due:: 2023-05-19]", "[due:: 2023-05-19]", "2023-05-19", "dataview"],
    [" Lecture 4 [date:: 2023-05-12] 📅 2023-05-19", "📅 2023-05-19", "2023-05-19", "tasks-due"],
    [" Lecture 4 [date:: 2023-05-12] [start:: 2023-05-10]", "[start:: 2023-05-10]", "2023-05-10", "dataview"],
    [" 2023/5/11 Lecture 4 [date:: 2023-05-12]", "2023/5/11", "2023-05-11", "plain"],
    [" 交作业 due:: 2021-08-22", "due:: 2021-08-22", "2021-08-22", "dataview"],
    [" 交作业 scheduled:: 2021-08-20  ", "scheduled:: 2021-08-20", "2021-08-20", "dataview"],
    [" 交作业 start::2021-08-18", "start::2021-08-18", "2021-08-18", "dataview"],
    [" 交作业 due: 2021-08-22", "2021-08-22", "2021-08-22", "plain"],
  ])("dates %j", (content, raw, date, form) => {
    const found = findDateExpr(content);
    if (!found || "error" in found) throw new Error(`no date in ${content}`);
    expect([content.slice(found.from, found.to), found.date, found.form]).toEqual([raw, date, form]);
  });

  it.each([
    " 交作业 due:: 2021-08-22 再说", " 写完 ✅ 2025-07-06", " 写完 ➕ 2025-07-06", " 放弃 ❌ 2025-07-06",
    " 写完 [completion:: 2025-07-06]", " 写完 [created:: 2025-07-06]", " 放弃 [cancelled:: 2025-07-06]", " notdue:: 2021-08-22",
  ])("finds no plan in the history or mid-line field of %j", (content) => {
    expect(findDateExpr(content)).toBeNull();
  });

  it.each([
    [" 交报告 📅 2025-02-30 ⏳ 2025-02-20", "📅 2025-02-30"],
    [" 交报告 ⏳ 2025-02-20 📅 2025-02-30", "📅 2025-02-30"],
    [" 交报告 [due:: 2025-02-30] [scheduled:: 2025-02-20]", "[due:: 2025-02-30]"],
    [" 交报告 🛫 2025-13-01 📅 2025-02-20", "🛫 2025-13-01"],
    [" 交报告 due:: 2025-02-30", "due:: 2025-02-30"],
  ])("reports the impossible date in %j even beside a valid one", (content, raw) => {
    const found = findDateExpr(content);
    if (!found || !("error" in found)) throw new Error(`expected a problem in ${content}`);
    expect(content.slice(found.from, found.to)).toBe(raw);
  });

  it.each([
    ["🛫 2025-07-07", "2025-07-21", "🛫 2025-07-21"],
    ["🛫2025-07-07", "2025-07-21", "🛫2025-07-21"],
    ["[start:: 2025-07-07]", "2025-07-21", "[start:: 2025-07-21]"],
    ["[date:: 2023-05-12]", "2023-06-01", "[date:: 2023-06-01]"],
    ["due:: 2021-08-22", "2021-09-01", "due:: 2021-09-01"],
    ["2021/11/16", "2021-12-01", "2021/12/01"],
  ])("rewrites %s to %s in its own form", (raw, date, expected) => {
    expect(rewriteDateExpr(raw, date, null)).toBe(expected);
  });
});
