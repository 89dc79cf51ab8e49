// The Today model on a term planner's real days (tests/fixtures/vaults/term2021): a deadline day, a free
// day and a day after weeks of missed items.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type BrainQueueSettings } from "../../src/core/base/settings";
import { buildToday } from "../../src/core/planner/today";
import { VaultIndex } from "../../src/core/index/vaultIndex";

const VAULT = join(import.meta.dirname, "../fixtures/vaults/term2021");
const PLAN = "2021 学期计划.md";
const settings = (patch: Partial<BrainQueueSettings> = {}): BrainQueueSettings => ({ ...structuredClone(DEFAULT_SETTINGS), ...patch });

function vault(extra: Record<string, string> = {}): VaultIndex {
  const index = new VaultIndex();
  for (const name of readdirSync(VAULT)) index.update(name, readFileSync(join(VAULT, name), "utf8"));
  for (const [path, text] of Object.entries(extra)) index.update(path, text);
  return index;
}

const on = (day: string, index = vault(), patch: Partial<BrainQueueSettings> = {}) =>
  buildToday(index, day, new Date(`${day}T09:00:00`), settings(patch));

describe("Today on a term planner's real days", () => {
  it("on a deadline day the deadline is at the top, whatever its track, and counted once", () => {
    const model = on("2021-09-09");
    expect(model.fixedToday.map((i) => [i.text, i.track])).toEqual([["AAAI 2022 论文投稿截止", "TIME"]]);
    // Not repeated in a track: TIME is not in the queue, and no track lists the deadline again.
    expect(model.tracks.flatMap((t) => t.items).map((i) => i.text)).not.toContain("AAAI 2022 论文投稿截止");
    expect(model.tracks.map((t) => [t.name, t.state, t.total])).toEqual([
      ["LeetCode 刷题", "active", 0], ["CUDA 编程权威指南", "active", 0], ["深度学习课程", "active", 0],
    ]);
    expect([model.done, model.total]).toEqual([0, 1]);
    expect(model.deadlines[0]).toMatchObject({ venue: "AAAI", daysLeft: 0, targeted: true });
  });

  it("on a free day the active tracks carry their next item and its date", () => {
    const model = on("2021-09-06");
    expect([model.total, model.fixedToday.length, model.queued]).toEqual([0, 0, { tracks: 0, items: 0 }]);
    expect(model.tracks.map((t) => [t.name, t.path, t.next?.date, t.next?.text])).toEqual([
      ["LeetCode 刷题", PLAN, "2021-09-08", "背包问题小结"],
      ["CUDA 编程权威指南", PLAN, "2021-09-07", "2.1　编程模型概述"],
      ["深度学习课程", PLAN, "2021-09-13", "第一周 神经网络基础"],
    ]);
  });

  it("pausing a track takes it out of the free day's list", () => {
    const text = readFileSync(join(VAULT, PLAN), "utf8").replace("- CUDA 编程\n- 深度学习课程\n\nBrain Queue\n\n", "- 深度学习课程\n\nBrain Queue\n\n- CUDA 编程\n");
    const model = on("2021-09-06", vault({ [PLAN]: text }));
    expect(model.tracks.map((t) => t.name)).toEqual(["LeetCode 刷题", "深度学习课程"]);
  });

  it("queued tracks keep their ordinary items; the header counts what Today shows", () => {
    const model = on("2021-09-07");
    expect(model.tracks.map((t) => [t.name, t.state, t.total])).toEqual([
      ["LeetCode 刷题", "active", 0], ["CUDA 编程权威指南", "active", 1], ["深度学习课程", "active", 0], ["全栈训练营", "queued", 1],
    ]);
    expect([model.done, model.total]).toEqual([0, 1]);
    expect(model.queued).toEqual({ tracks: 1, items: 1 });
  });

  it("an empty slot is shown in its track but is not a task to count", () => {
    const model = on("2021-09-04");
    const english = model.tracks.find((t) => t.name === "英语")!;
    expect(english.items.map((i) => i.text)).toEqual([""]);
    expect([english.done, english.total]).toEqual([0, 0]);
    expect(model.queued).toEqual({ tracks: 1, items: 0 });
    // Nor overdue once its day has passed.
    expect(on("2021-09-30").overdue.flatMap((g) => g.items).some((i) => i.text === "")).toBe(false);
  });

  it("past fixed events are not overdue; a missed deadline shows as missed for 7 days, then leaves", () => {
    const model = on("2021-10-20");
    const overdue = model.overdue.flatMap((g) => g.items).filter((i) => i.path === PLAN).map((i) => i.text);
    expect(overdue).toContain("整理暑期实验记录");
    for (const text of overdue) expect(text).not.toMatch(/开课|结课|考试|截止/u);
    const time = model.overdue.find((g) => g.track === "TIME")!;
    expect(time.count).toBe(time.items.length);
    expect(model.tracks.find((t) => t.name === "LeetCode 刷题")!.overdue).toBe(model.overdue.find((g) => g.track === "LeetCode 刷题")!.count);
    expect(model.recentDeadlines.map((d) => [d.venue, d.daysLeft])).toEqual([["ICRA", -5]]);
    expect(on("2021-10-23").recentDeadlines).toEqual([]);
    expect(on("2021-10-22").recentDeadlines.map((d) => d.daysLeft)).toEqual([-7]);
  });

  it("a line that names its own day is a fixed event: at the top on its day, never overdue after", () => {
    // 第18周星期日 春季学期结束 has no keyword: its term-week label is what makes it a calendar fact.
    expect(on("2021-07-04").fixedToday.map((i) => i.text)).toContain("第18周星期日 春季学期结束");
    const meetings = { "Lab.md": "## 组会\n\n- [ ] 2021/10/13    周三 组会\n- [ ] 2021/10/14    周三 组会\n" };
    const model = on("2021-10-20", vault(meetings));
    const overdue = model.overdue.flatMap((g) => g.items).map((i) => [i.text, i.date]);
    expect(overdue).not.toContainEqual(["第18周星期日 春季学期结束", "2021-07-04"]);
    // 2021-10-13 is a Wednesday: that 周三 is its own day. On the Thursday, 周三 is not a fact about the date.
    expect(overdue).not.toContainEqual(["周三 组会", "2021-10-13"]);
    expect(overdue).toContainEqual(["周三 组会", "2021-10-14"]);
    expect(model.overdue.find((g) => g.track === "组会")!.count).toBe(1);
    expect(model.overdue.find((g) => g.track === "TIME")!.items.map((i) => i.text)).not.toContain("第18周星期日 春季学期结束");
  });

  it("deadlines within the horizon are listed, the rest counted as later", () => {
    const model = on("2021-09-09");
    expect(model.deadlines.map((d) => d.venue)).toEqual(["AAAI", "ICRA", "CVPR", "IROS"]);
    expect(model.laterDeadlines).toBe(1);
    expect(on("2021-09-09", vault(), { deadlineHorizonMonths: 3 }).laterDeadlines).toBe(2);
  });

  it("without a queue block only the settings' priority list is ranked", () => {
    const text = readFileSync(join(VAULT, PLAN), "utf8").replace(/当前 BPU[^\n]*\n/u, "");
    const model = on("2021-09-07", vault({ [PLAN]: text }), { queueLimit: 1, priority: ["全栈训练营"] });
    expect(model.tracks.map((t) => [t.name, t.state, t.rank])).toEqual([["全栈训练营", "active", 1], ["CUDA 编程权威指南", "queued", null]]);
  });
});
