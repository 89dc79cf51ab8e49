import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type BrainQueueSettings } from "../../src/core/base/settings";
import { buildToday, SIDEBAR_OVERDUE_LIMIT } from "../../src/core/planner/today";
import { VaultIndex } from "../../src/core/index/vaultIndex";

const U = "\u3000";
const DAILY = [
  "# TIME",
  "- [ ] 2021/03/25    整理实验数据",
  "- [ ] 2021/09/09    AAAI  2021 投稿截至日期",
  "- [ ] 2021/03/20    ICRA  2022 投稿截止日期",
  "## **会议与期刊**",
  "**AAAI2021**/~~ICRA2022~~",
  "# Daily",
  "当前 BPU （Brain Processing Unit）最大进程数为：2，按优先级排序",
  "- LeetCode",
  "- CUDA编程权威",
  "- 原理",
  "Brain Queue",
  "- 训练营",
  "## CUDA 编程权威指南",
  `- [x] 1.1${U}并行计算\t\t2021/3/24`,
  `- [ ] 1.2${U}异构计算        2021/3/25`,
  "## LeetCode 每日一题/专题",
  "- [ ] 2021/03/24    对称二叉树",
  "## 原理与实践",
  "- [x] 2021/3/25  第1课",
  "- [ ] 2021/3/25  第2课",
  "## 全栈训练营",
  "- [ ] 2021/3/26  Lecture 2",
  "## 英语",
  "- [ ] 2021/3/25  听力",
].join("\n");

const settings = (patch: Partial<BrainQueueSettings> = {}): BrainQueueSettings => ({ ...structuredClone(DEFAULT_SETTINGS), ...patch });
const now = new Date(2021, 2, 25, 9, 0);

function indexOf(notes: Record<string, string>): VaultIndex {
  const index = new VaultIndex();
  for (const [path, text] of Object.entries(notes)) index.update(path, text);
  return index;
}

describe("buildToday", () => {
  it("carries complete overdue counts but only the first items of each track when asked to", () => {
    const late = Array.from({ length: 250 }, (_, i) => `- [ ] 2021/03/${String(1 + (i % 20)).padStart(2, "0")} late ${i}`);
    const index = indexOf({ "A.md": `## Reading\n${late.join("\n")}\n## Writing\n- [ ] 2021/03/02 draft\n` });
    const full = buildToday(index, "2021-03-25", now, settings());
    const sidebar = buildToday(index, "2021-03-25", now, settings(), { overdueLimit: SIDEBAR_OVERDUE_LIMIT });
    expect(full.overdue.map((g) => [g.track, g.count, g.items.length])).toEqual([["Reading", 250, 250], ["Writing", 1, 1]]);
    expect(sidebar.overdue.map((g) => [g.track, g.count, g.items.length])).toEqual([["Reading", 250, SIDEBAR_OVERDUE_LIMIT], ["Writing", 1, 1]]);
    expect(sidebar.overdue[0].items).toEqual(full.overdue[0].items.slice(0, SIDEBAR_OVERDUE_LIMIT));
    expect([full.overdueCount, sidebar.overdueCount]).toEqual([251, 251]);
    expect(sidebar.tracks.map((t) => [t.name, t.overdue])).toEqual(full.tracks.map((t) => [t.name, t.overdue]));
  });

  it("active tracks in priority order (even empty), then queued tracks with items; counts and overdue", () => {
    const model = buildToday(indexOf({ "Plan.md": DAILY }), "2021-03-25", now, settings({ termStart: "2021-03-01" }));
    // The header counts what Today shows: the active tracks' items (the queued ones wait in "Queued").
    expect(model).toMatchObject({ date: "2021-03-25", limit: 2, used: 3, overCapacity: true, done: 0, total: 1, nextPlannedDay: null, termWeek: "第4周星期四" });
    expect(model.queued).toEqual({ tracks: 3, items: 4 });
    // Ranks are places in the queue block; tracks it does not name have none.
    expect(model.tracks.map((t) => [t.name, t.state, t.rank, t.done, t.total, t.overdue])).toEqual([
      ["LeetCode 每日一题/专题", "active", 1, 0, 0, 1],
      ["CUDA 编程权威指南", "active", 2, 0, 1, 0],
      ["原理与实践", "queued", 3, 1, 2, 0],
      ["TIME", "queued", null, 0, 1, 0],
      ["英语", "queued", null, 0, 1, 0],
    ]);
    expect(model.tracks[1].items.map((i) => i.line)).toEqual([16]);
    // The missed ICRA deadline (line 4) is not overdue: it is listed with the recent deadlines.
    expect(model.overdue.map((g) => [g.track, g.items.map((i) => i.line)])).toEqual([["LeetCode 每日一题/专题", [18]]]);
    // Deadlines still ahead; one missed within the week is listed apart (here a dropped venue's).
    expect(model.deadlines.map((d) => [d.line, d.venue, d.daysLeft, d.targeted])).toEqual([[3, "AAAI", 168, true]]);
    expect(model.recentDeadlines.map((d) => [d.line, d.venue, d.daysLeft, d.dropped])).toEqual([[4, "ICRA", -5, true]]);
    expect(buildToday(indexOf({ "Plan.md": DAILY }), "2021-03-28", new Date(2021, 2, 28, 9), settings()).recentDeadlines).toEqual([]);
    expect(model.problems).toEqual([]);
  });

  it("reads the waiting tracks as they were when the model was built, even after later edits", () => {
    const index = indexOf({ "Plan.md": DAILY });
    const model = buildToday(index, "2021-03-25", now, settings());
    expect(model.active.map((t) => t.name)).toEqual(["LeetCode 每日一题/专题", "CUDA 编程权威指南"]);
    // 英语 gains an overdue item and loses its item on the day before anyone reads the waiting tracks.
    index.update("Plan.md", DAILY.replace("- [ ] 2021/3/25  听力", "- [ ] 2021/3/20  听力\n- [ ] 2021/3/26  口语"));
    const english = (m: typeof model) => m.tracks.find((t) => t.name === "英语");
    expect([english(model)?.items.map((i) => i.text), english(model)?.overdue]).toEqual([["听力"], 0]);
    expect(model.queued).toEqual({ tracks: 3, items: 4 });
    const after = buildToday(index, "2021-03-25", now, settings());
    expect(english(after)).toBeUndefined();
    expect(after.queued).toEqual({ tracks: 2, items: 3 });
    expect(after.overdue.find((g) => g.track === "英语")?.count).toBe(1);
  });

  it("falls back to the settings without a queue block, and says when the day is empty", () => {
    const index = indexOf({ "A.md": "## 英语\n- [ ] 2021/3/25 听力\n## 健身\n- [ ] 2021/3/28 跑步\n" });
    const model = buildToday(index, "2021-03-26", now, settings({ queueLimit: 1, priority: ["健身", "没有这个"] }));
    expect(model).toMatchObject({ limit: 1, used: 1, overCapacity: false, total: 0, nextPlannedDay: "2021-03-28", termWeek: null });
    expect(model.tracks.map((t) => [t.name, t.state])).toEqual([["健身", "active"]]);
    expect(model.problems.map((p) => p.message)).toEqual([expect.stringContaining("没有这个")]);
  });

  it("uses the first queue block by path and reports the others", () => {
    const block = (n: number, entry: string): string => `最大进程数为：${n}\n- ${entry}\n`;
    const index = indexOf({
      "b.md": block(1, "英语"),
      "a.md": `${block(2, "健身")}## 英语\n- [ ] 2021/3/25 听力\n## 健身\n- [ ] 2021/3/25 跑步\n`,
    });
    const model = buildToday(index, "2021-03-25", now, settings());
    expect(model.limit).toBe(2);
    expect(model.tracks.map((t) => [t.name, t.state])).toEqual([["健身", "active"], ["英语", "queued"]]);
    expect(model.problems).toEqual([{ path: "b.md", line: 1, message: expect.stringContaining("a.md"), fix: "archive" }]);
  });

  it("a limit line mentioned in prose, with no list, loses to a real block", () => {
    const index = indexOf({
      "README.md": "The block (`最大进程数为：5` + list) lives in the planner.\n",
      "plan.md": "最大进程数为：1\n- 健身\n## 健身\n- [ ] 2021/3/25 跑步\n",
    });
    const model = buildToday(index, "2021-03-25", now, settings());
    expect(model.limit).toBe(1);
    expect(model.problems).toEqual([]);
  });

  it("includes parse problems and copes with an empty vault", () => {
    const model = buildToday(indexOf({ "x.md": "- [ ] 2021/02/30 nope\n" }), "2021-03-25", now, settings());
    expect(model.problems).toHaveLength(1);
    expect(model).toMatchObject({ tracks: [], overdue: [], deadlines: [], total: 0, nextPlannedDay: null });
  });
});
