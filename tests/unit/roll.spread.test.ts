import { describe, expect, it } from "vitest";
import { applyLineEdits } from "../../src/core/planner/edits";
import { parseNote } from "../../src/core/items/parse";
import { trackKey } from "../../src/core/items";
import { planRoll } from "../../src/core/planner/roll";
import { DEFAULT_SETTINGS } from "../../src/core/base/settings";
import { usualPerDay } from "../../src/core/planner/spread";

const DAY = "2024-04-10";

function spread(note: string, perDay?: number): { text: string; modes: Record<string, string>; skipped: number } {
  const plan = planRoll(parseNote("Plan.md", note).items, DAY, { mode: "spread", settings: DEFAULT_SETTINGS, perDay });
  const out = applyLineEdits(note, plan.changes.map((c) => c.edit));
  if (!out.ok) throw new Error("refused");
  return { text: out.text, modes: { ...plan.modes }, skipped: plan.skipped.length };
}

describe("roll forward: spread", () => {
  it("lays a backlog one a day at the track's pace, past the days that already hold an item", () => {
    const note = [
      "## 读书",
      "- [ ] 2024/03/01    第一章",
      "- [ ] 2024/03/05    第二章",
      "- [ ] 2024/03/20    第三章",
      "- [ ] 2024/04/11    已排好的一章",
      "- [ ] 2024/03/25    第四章",
      "- [x] 2024/02/20    读完的",
    ].join("\n");
    const { text, modes } = spread(note);
    expect(modes).toEqual({ [trackKey("Plan.md", "读书")]: "spread" });
    expect(text).toBe([
      "## 读书",
      "- [ ] 2024/04/10    第一章",
      "- [ ] 2024/04/12    第二章",
      "- [ ] 2024/04/13    第三章",
      "- [ ] 2024/04/11    已排好的一章",
      "- [ ] 2024/04/14    第四章",
      "- [x] 2024/02/20    读完的",
    ].join("\n"));
  });

  it("keeps the track's usual number a day, or --per-day's; a schedule's later items shift past the backlog", () => {
    const note = [
      "## 每日算法",
      "- [ ] 2024/04/07    两数之和",
      "- [ ] 2024/04/07    三数之和",
      "- [ ] 2024/04/08    反转链表",
      "- [ ] 2024/04/08    环形链表",
      "- [ ] 2024/04/09    相交链表",
      "- [ ] 2024/04/10    二叉树",
      "- [ ] 2024/04/10    二叉搜索树",
      "- [ ] 2024/04/11    堆",
      "- [ ] 2024/04/11    栈",
      "- [ ] 2024/04/12    期末考试",
    ].join("\n");
    expect(usualPerDay(parseNote("Plan.md", note).items)).toBe(2);
    const { text, skipped } = spread(note);
    expect(text).toBe([
      "## 每日算法",
      "- [ ] 2024/04/10    两数之和",
      "- [ ] 2024/04/10    三数之和",
      "- [ ] 2024/04/11    反转链表",
      "- [ ] 2024/04/11    环形链表",
      "- [ ] 2024/04/12    相交链表",
      "- [ ] 2024/04/13    二叉树",
      "- [ ] 2024/04/13    二叉搜索树",
      "- [ ] 2024/04/14    堆",
      "- [ ] 2024/04/14    栈",
      "- [ ] 2024/04/12    期末考试",
    ].join("\n"));
    expect(skipped).toBe(1);
    expect(spread(note, 5).text).toBe([
      "## 每日算法",
      "- [ ] 2024/04/10    两数之和",
      "- [ ] 2024/04/10    三数之和",
      "- [ ] 2024/04/10    反转链表",
      "- [ ] 2024/04/10    环形链表",
      "- [ ] 2024/04/10    相交链表",
      "- [ ] 2024/04/11    二叉树",
      "- [ ] 2024/04/11    二叉搜索树",
      "- [ ] 2024/04/12    堆",
      "- [ ] 2024/04/12    栈",
      "- [ ] 2024/04/12    期末考试",
    ].join("\n"));
  });
});
