import { describe, expect, it } from "vitest";
import { applyLineEdits } from "../../src/core/planner/edits";
import { FixedRules, namedOwnDay } from "../../src/core/planner/fixed";
import { parseNote } from "../../src/core/items/parse";
import { planRoll } from "../../src/core/planner/roll";
import { DEFAULT_SETTINGS } from "../../src/core/base/settings";

// A term calendar and a course in the shapes a planner note has: term-week labels name their day,
// course weeks (`第一周 …`) do not.
const TERM = [
  "## 日程",
  "",
  "- [ ] 2023/06/25    第19周星期日 2022-2023第二学期结束",
  "- [ ] 2023/08/28    第1周星期一  2023-2024第一学期开始",
  "- [ ] 2023/08/30    周三 组会汇报",
  "- [ ] 2023/08/31    周三 组会汇报（日期写错了）",
  "- [ ] 2023/08/29    Tue 3/4 lab meeting",
  "- [ ] 2023/08/29    Thursday reading group",
  "- [ ] 2023/08/21    Mon/Wed/Fri 健身",
  "- [ ] 2023/08/22    每周三次 跑步",
  "",
  "## 网课",
  "",
  "- [ ] 2023/08/20    第一周 机器学习概论 1.1-1.4",
  "- [ ] 2023/08/21    第一周 机器学习概论 1.5-1.8",
  "- [ ] 2023/08/22    第二周 线性回归 2.1-2.6",
  "",
].join("\n");

const DAY = "2023-09-04"; // a Monday, after every date above

describe("items whose text names their own day", () => {
  it("a term-week label is a calendar fact whatever the date", () => {
    expect(namedOwnDay("第19周星期日 2022-2023第二学期结束", "2023-06-25")).toBe("第19周星期日");
    expect(namedOwnDay("第1周星期一  2023-2024第一学期开始", "2023-08-28")).toBe("第1周星期一");
    expect(namedOwnDay("第 3 周 周二 实验课", "2020-01-01")).toBe("第 3 周 周二");
    expect(namedOwnDay("第10周星期天_课程丙", "2020-01-01")).toBe("第10周星期天");
  });

  it("a weekday name counts only when it is the date's weekday", () => {
    expect(namedOwnDay("周三 组会汇报", "2023-08-30")).toBe("周三");
    expect(namedOwnDay("星期三 组会汇报", "2023-08-30")).toBe("星期三");
    expect(namedOwnDay("周三 组会汇报", "2023-08-31")).toBeNull();
    expect(namedOwnDay("Tue 3/4 lab meeting", "2023-08-29")).toBe("Tue");
    expect(namedOwnDay("lab meeting (TUES)", "2023-08-29")).toBe("TUES");
    expect(namedOwnDay("Wednesday: lab meeting", "2023-08-30")).toBe("Wednesday");
    expect(namedOwnDay("wednesday lab meeting", "2023-08-30")).toBe("wednesday");
    expect(namedOwnDay("Thursday reading group", "2023-08-29")).toBeNull();
  });

  it("a range agrees on its first or last day", () => {
    expect(namedOwnDay("Fri demo", "2023-08-28", "2023-09-01")).toBe("Fri");
    expect(namedOwnDay("Sat demo", "2023-08-28", "2023-09-01")).toBeNull();
  });

  it("course weeks, several weekdays, counts and ordinary words name no day", () => {
    expect(namedOwnDay("第一周 机器学习概论 1.1-1.4", "2023-08-20")).toBeNull();
    expect(namedOwnDay("第二周 线性回归", "2023-08-22")).toBeNull();
    expect(namedOwnDay("Mon/Wed/Fri 健身", "2023-08-21")).toBeNull();
    expect(namedOwnDay("周一至周五 早起", "2023-08-21")).toBeNull();
    expect(namedOwnDay("每周三次 跑步", "2023-08-30")).toBeNull();
    expect(namedOwnDay("the sun sat on a wed cake", "2023-08-27")).toBeNull(); // a Sunday
    expect(namedOwnDay("Monitor the runs", "2023-08-28")).toBeNull();
    expect(namedOwnDay("Sundays off", "2023-08-27")).toBeNull();
  });

  it("gives the roll's reason, after deadlines and keywords", () => {
    expect(new FixedRules(DEFAULT_SETTINGS).reason({ text: "第2周星期二_课程甲 A101 开课", date: "2024-03-05", end: null })).toBe("fixed date: “开课”");
    expect(new FixedRules(DEFAULT_SETTINGS).reason({ text: "周三 组会汇报", date: "2023-08-30", end: null })).toBe("fixed date: “周三”");
    expect(new FixedRules(DEFAULT_SETTINGS).reason({ text: "周三 组会汇报", date: "2023-08-31", end: null })).toBeNull();
  });
});

describe("roll-forward keeps calendar facts", () => {
  for (const mode of ["auto", "today", "shift"] as const) {
    it(`${mode}: term labels and agreeing weekdays stay, course weeks move`, () => {
      const plan = planRoll(parseNote("Plan.md", TERM).items, DAY, { mode, settings: DEFAULT_SETTINGS });
      expect(plan.skipped.map((s) => [s.line, s.reason])).toEqual([
        [3, "fixed date: “第19周星期日”"],
        [4, "fixed date: “第1周星期一”"],
        [5, "fixed date: “周三”"],
        [7, "fixed date: “Tue”"],
      ]);
      const moved = plan.changes.map((c) => c.line);
      expect(moved).toEqual([6, 8, 9, 10, 14, 15, 16]);
      const outcome = applyLineEdits(TERM, plan.changes.map((c) => c.edit));
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      const lines = outcome.text.split("\n");
      for (const line of [3, 4, 5, 7]) expect(lines[line - 1]).toBe(TERM.split("\n")[line - 1]);
    });
  }
});
