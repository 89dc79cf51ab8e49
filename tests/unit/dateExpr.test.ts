import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { findDateExpr, rewriteDateExpr } from "../../src/core/markdown/dateExpr";
import { isoDate, daysInMonth } from "../../src/core/base/dates";

type Expect = [content: string, raw: string, date: string, end: string | null, form: string];

// Content is what follows `[ ]` on a checklist line; `raw` is the slice the offsets must cover.
const FOUND: Expect[] = [
  [" 2021/03/28    读完一篇流模型论文", "2021/03/28", "2021-03-28", null, "plain"],
  [" 2021/3/27  第3课：语音方向", "2021/3/27", "2021-03-27", null, "plain"],
  [" 2021-3-27 x", "2021-3-27", "2021-03-27", null, "plain"],
  [" 2021.3.27 x", "2021.3.27", "2021-03-27", null, "plain"],
  [" 2021年3月27日 开题", "2021年3月27日", "2021-03-27", null, "cjk"],
  [" 2021年3月9号 开题", "2021年3月9号", "2021-03-09", null, "cjk"],
  [" 2021/4/01  第5课：卷积（下）", "2021/4/01", "2021-04-01", null, "plain"],
  [" 1.1　并行世界\t\t2021/3/22", "2021/3/22", "2021-03-22", null, "plain"],
  [" 2.2　给函数计时                  2021/3/25", "2021/3/25", "2021-03-25", null, "plain"],
  [" 附录　延伸阅读\u3000\u30002021/5/08", "2021/5/08", "2021-05-08", null, "plain"],
  [" 4.5　统一内存版本的向量求和2021/4/07", "2021/4/07", "2021-04-07", null, "plain"],
  [" 8.6　CUDA　6.0中库函数介绍 2021/4/26", "2021/4/26", "2021-04-26", null, "plain"],
  [" 2021/11/17 - 2021/11/30  模型设计专题", "2021/11/17 - 2021/11/30", "2021-11-17", "2021-11-30", "plain"],
  [" 2021/12/01 - 2021/12/31 三十天写内核", "2021/12/01 - 2021/12/31", "2021-12-01", "2021-12-31", "plain"],
  [" 2021/11/17-2021/11/30 x", "2021/11/17-2021/11/30", "2021-11-17", "2021-11-30", "plain"],
  [" 2021/11/17 ~ 2021/11/30", "2021/11/17 ~ 2021/11/30", "2021-11-17", "2021-11-30", "plain"],
  [" 2021/11/17～2021/11/30", "2021/11/17～2021/11/30", "2021-11-17", "2021-11-30", "plain"],
  [" 2021/11/17 至 2021/11/30", "2021/11/17 至 2021/11/30", "2021-11-17", "2021-11-30", "plain"],
  [" 2021/11/17 – 2021/11/30", "2021/11/17 – 2021/11/30", "2021-11-17", "2021-11-30", "plain"],
  [" 2021年11月17日\u3000至\u30002021年11月30日 x", "2021年11月17日\u3000至\u30002021年11月30日", "2021-11-17", "2021-11-30", "cjk"],
  [" 2021/04/22    ", "2021/04/22", "2021-04-22", null, "plain"],
  [" 2021/04/29", "2021/04/29", "2021-04-29", null, "plain"],
  [" 2021/09/09    AAAI  2021 投稿截至日期", "2021/09/09", "2021-09-09", null, "plain"],
  [" 2021/07/11    第19周星期日 2020-2021第二学期结束", "2021/07/11", "2021-07-11", null, "plain"],
  [" 2021/3/22    第一周 概论 1.1-1.6", "2021/3/22", "2021-03-22", null, "plain"],
  [" 2021/04/05    http://example.com/paper_32.html", "2021/04/05", "2021-04-05", null, "plain"],
  [" 读 http://example.com/2018/01/07/post.html 2021/4/1", "2021/4/1", "2021-04-01", null, "plain"],
  [" 提交报告 📅 2026-03-04", "📅 2026-03-04", "2026-03-04", null, "tasks-due"],
  [" 提交报告 📅2026-03-04 🔁 every week", "📅2026-03-04", "2026-03-04", null, "tasks-due"],
  [" 提交报告 ⏳ 2026-03-02", "⏳ 2026-03-02", "2026-03-02", null, "tasks-scheduled"],
  [" 提交报告 📅 2026-03-04 ⏳ 2026-03-02", "⏳ 2026-03-02", "2026-03-02", null, "tasks-scheduled"],
  [" done 📅 2026-03-04 ✅ 2026-03-05", "📅 2026-03-04", "2026-03-04", null, "tasks-due"],
  [" 提交报告 [due:: 2026-03-04]", "[due:: 2026-03-04]", "2026-03-04", null, "dataview"],
  [" 提交报告 (due::2026-03-04)", "(due::2026-03-04)", "2026-03-04", null, "dataview"],
  [" 提交报告 [scheduled:: 2026-03-02] [due:: 2026-03-04]", "[scheduled:: 2026-03-02]", "2026-03-02", null, "dataview"],
  [" [created:: 2026-01-01] 提交报告 2026-03-04", "2026-03-04", "2026-03-04", null, "plain"],
  [" 0001-01-01 far past", "0001-01-01", "0001-01-01", null, "plain"],
  [" 9999-12-31 far future", "9999-12-31", "9999-12-31", null, "plain"],
  [" 2024/02/29 leap", "2024/02/29", "2024-02-29", null, "plain"],
];

const NONE = [
  " 第一周 概论 1.1-1.6", " 2.4　设备管理", " 代码随想录（v1.1）", " AAAI 2021 投稿", " 2020-2021第二学期",
  " 使用C++ 11开发", " http://example.com/2018/01/07/post.html", " ✅ 2021-03-04", " ➕ 2021-03-04",
  " [completion:: 2021-03-04]", " 12021/3/4", " 2021/3/4/5", " 2021.3.4.5", " 2021-3-4-5", " 192.168.1.1",
  " 8.10　习题", "", " ", " Notebook: coding a net from scratch", " 2021/123/4", " 20211/3/4",
];

describe("findDateExpr", () => {
  it.each(FOUND)("%j", (content, raw, date, end, form) => {
    const found = findDateExpr(content);
    expect(found).not.toBeNull();
    if (!found || "error" in found) throw new Error(`no date in ${content}`);
    expect(content.slice(found.from, found.to)).toBe(raw);
    expect(found).toMatchObject({ date, end, form });
  });

  it.each(NONE)("finds no date in %j", (content) => {
    expect(findDateExpr(content)).toBeNull();
  });

  it.each([
    [" 2021/02/30 x", "2021/02/30"],
    [" 2021/13/40", "2021/13/40"],
    [" 2021/02/29 not a leap year", "2021/02/29"],
    [" 0000-01-01", "0000-01-01"],
    [" 2021/0/5", "2021/0/5"],
    [" 2021/11/30 - 2021/11/31", "2021/11/30 - 2021/11/31"],
    [" 2021/11/30 - 2021/11/17 backwards", "2021/11/30 - 2021/11/17"],
    [" x 📅 2026-02-30", "📅 2026-02-30"],
  ])("reports an impossible date in %j", (content, raw) => {
    const found = findDateExpr(content);
    if (!found || !("error" in found)) throw new Error("expected an error");
    expect(content.slice(found.from, found.to)).toBe(raw);
    expect(found.error.length).toBeGreaterThan(0);
  });

  it("never throws and stays fast on a 1 MB line", () => {
    const line = "2021/3/".repeat(150_000) + " \u3000".repeat(100_000) + "2021/3/4";
    const found = findDateExpr(line);
    expect(found).toMatchObject({ date: "2021-03-04" });
    expect(findDateExpr("[due::" + " ".repeat(1_000_000))).toBeNull();
    expect(findDateExpr("\uD800\uDC00\uDFFF📅".repeat(50_000))).toBeNull();
  });
});

describe("rewriteDateExpr", () => {
  it.each([
    ["2021/4/01", "2021-12-25", null, "2021/12/25"],
    ["2021/4/01", "2021-05-02", null, "2021/5/02"],
    ["2021/03/28", "2021-04-05", null, "2021/04/05"],
    ["2021/3/22", "2021-04-05", null, "2021/4/5"],
    ["2021.3.27", "2022-01-09", null, "2022.1.9"],
    ["2021-03-27", "2022-01-09", null, "2022-01-09"],
    ["2021/12/25", "2022-01-09", null, "2022/01/09"],
    ["2021/12/5", "2022-01-09", null, "2022/1/9"],
    ["2021年3月9日", "2022-10-01", null, "2022年10月1日"],
    ["2021年03月09日", "2022-10-01", null, "2022年10月01日"],
    ["📅 2026-03-04", "2026-03-05", null, "📅 2026-03-05"],
    ["⏳2026-03-04", "2026-03-05", null, "⏳2026-03-05"],
    ["[due:: 2026-03-04]", "2026-03-05", null, "[due:: 2026-03-05]"],
    ["[due:: 2026-03-04]", "2026-03-05", "2026-03-09", "[due:: 2026-03-05]"],
    ["2021/11/17 - 2021/11/30", "2021-12-01", "2021-12-09", "2021/12/01 - 2021/12/09"],
    ["2021/11/17～2021/11/30", "2021-12-01", "2021-12-09", "2021/12/01～2021/12/09"],
    ["2021/11/17 至 2021/11/30", "2021-12-01", null, "2021/12/01"],
    ["2021/3/4", "2021-12-01", "2021-12-09", "2021/12/1 - 2021/12/9"],
    ["not a date", "2021-12-01", null, "2021-12-01"],
    ["2021/02/30", "2021-03-01", null, "2021/03/01"],
  ])("%s → %s/%s", (raw, date, end, expected) => {
    expect(rewriteDateExpr(raw, date, end)).toBe(expected);
  });
});

// ---- properties -------------------------------------------------------------------------------

const dateArb = fc
  .record({ y: fc.integer({ min: 1, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysInMonth(y, m)) }));
type Ymd = { y: number; m: number; d: number };
const styleArb = fc.record({
  sep: fc.constantFrom("/", "-", ".", "年"),
  padMonth: fc.boolean(),
  padDay: fc.boolean(),
  suffix: fc.constantFrom("日", "号", ""),
});
type Style = { sep: string; padMonth: boolean; padDay: boolean; suffix: string };
const spell = (v: Ymd, s: Style): string => {
  const mm = s.padMonth ? String(v.m).padStart(2, "0") : String(v.m);
  const dd = s.padDay ? String(v.d).padStart(2, "0") : String(v.d);
  const yyyy = String(v.y).padStart(4, "0");
  return s.sep === "年" ? `${yyyy}年${mm}月${dd}${s.suffix}` : `${yyyy}${s.sep}${mm}${s.sep}${dd}`;
};
const iso = (v: Ymd): string => isoDate(v.y, v.m, v.d);
const rawArb = fc
  .record({
    a: dateArb, b: dateArb, style: styleArb, range: fc.boolean(),
    rangeSep: fc.constantFrom("-", "~", "～", "至", "–"), left: fc.constantFrom("", " ", "  ", "\u3000", "\t"), right: fc.constantFrom("", " ", "  ", "\u3000"),
    wrap: fc.constantFrom("none", "📅 ", "⏳ ", "📅", "[due:: ", "[scheduled::", "(due:: "),
  })
  .map((r) => {
    const [a, b] = iso(r.a) <= iso(r.b) ? [r.a, r.b] : [r.b, r.a];
    const style = r.wrap === "none" ? r.style : { ...r.style, sep: "-" };
    const first = spell(a, style);
    if (r.wrap !== "none") {
      const close = r.wrap.startsWith("[") ? "]" : r.wrap.startsWith("(") ? ")" : "";
      return { raw: r.wrap + first + close, date: iso(a), end: null, style, month: a.m };
    }
    if (!r.range) return { raw: first, date: iso(a), end: null, style, month: a.m };
    return { raw: first + r.left + r.rangeSep + r.right + spell(b, style), date: iso(a), end: iso(b), style, month: a.m };
  });

function parsed(raw: string): { date: string; end: string | null } {
  const found = findDateExpr(raw);
  if (!found || "error" in found) throw new Error(`not a date: ${raw}`);
  expect(found.from).toBe(0);
  expect(found.to).toBe(raw.length);
  return found;
}

describe("date expression properties", () => {
  it("parses what it is given and rewriting to the parsed dates is the identity", () => {
    fc.assert(fc.property(rawArb, ({ raw, date, end }) => {
      const found = parsed(raw);
      expect(found.date).toBe(date);
      expect(found.end).toBe(end);
      expect(rewriteDateExpr(raw, found.date, found.end)).toBe(raw);
    }), { numRuns: 500 });
  });

  it("rewriting then parsing yields the new dates in the same style", () => {
    fc.assert(fc.property(rawArb, dateArb, dateArb, ({ raw, end, style, month }, n1, n2) => {
      const [a, b] = iso(n1) <= iso(n2) ? [n1, n2] : [n2, n1];
      const next = rewriteDateExpr(raw, iso(a), end ? iso(b) : null);
      const found = parsed(next);
      expect(found.date).toBe(iso(a));
      expect(found.end).toBe(end ? iso(b) : null);
      // Same separator and the month's padding habit, where the old month showed one (< 10).
      const year = String(a.y).padStart(4, "0");
      const at = next.indexOf(year + style.sep);
      expect(at).toBeGreaterThanOrEqual(0);
      const fields = next.slice(at + 5).split(/[^0-9]/, 2);
      if (month < 10 && style.padMonth) expect(fields[0]).toHaveLength(2);
      if (month < 10 && !style.padMonth) expect(fields[0]).toBe(String(a.m));
    }), { numRuns: 500 });
  });
});
