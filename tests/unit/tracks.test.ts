// A track is a heading in a note: last term's plan and this term's both have `## LeetCode`, and rolling,
// progress, the queue and the sidebar keep the two apart.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyLineEdits } from "../../src/core/planner/edits";
import { planRoll } from "../../src/core/planner/roll";
import { DEFAULT_SETTINGS } from "../../src/core/base/settings";
import { buildToday } from "../../src/core/planner/today";
import { chooseTrack, namesInSeveralNotes, trackKey } from "../../src/core/items/tracks";
import type { IsoDate } from "../../src/core/base/types";
import { VaultIndex } from "../../src/core/index/vaultIndex";

const VAULT = join(import.meta.dirname, "../fixtures/vaults/terms");
const OLD = "Plans/2020 秋季计划.md";
const NEW = "Plans/2021 秋季计划.md";
const texts: Record<string, string> = Object.fromEntries([OLD, NEW].map((path) => [path, readFileSync(join(VAULT, path), "utf8")]));
const DAY = "2021-09-06";
const now = new Date(2021, 8, 6, 9, 0);

function indexOf(notes: Record<string, string>): VaultIndex {
  const index = new VaultIndex();
  for (const [path, text] of Object.entries(notes)) index.update(path, text);
  return index;
}

/** Rolls `items` and returns each note's text after the plan is applied. */
function rolled(notes: Record<string, string>, day: IsoDate, track?: string): Record<string, string> {
  const index = indexOf(notes);
  const plan = planRoll(index.items(), day, { mode: "auto", settings: DEFAULT_SETTINGS, track });
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(notes)) {
    const outcome = applyLineEdits(text, plan.changes.filter((c) => c.path === path).map((c) => c.edit));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.failures));
    out[path] = outcome.text;
  }
  return out;
}

const changed = (before: string, after: string): [string, string][] => {
  const a = before.split("\n");
  const b = after.split("\n");
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]] as [string, string]]));
};

describe("tracks of the same name in two notes", () => {
  it("rolling one note's track never touches the other note", () => {
    const out = rolled(texts, DAY, trackKey(NEW, "LeetCode"));
    expect(out[OLD]).toBe(texts[OLD]);
    expect(changed(texts[NEW], out[NEW])).toEqual([
      ["- [ ] 2021/09/02    对称二叉树", "- [ ] 2021/09/06    对称二叉树"],
      ["- [ ] 2021/09/03    二叉树的最大深度", "- [ ] 2021/09/07    二叉树的最大深度"],
      ["- [ ] 2021/09/07    路径总和", "- [ ] 2021/09/11    路径总和"],
      ["- [ ] 2021/09/08    从前序与中序遍历序列构造二叉树", "- [ ] 2021/09/12    从前序与中序遍历序列构造二叉树"],
    ]);
    const old = rolled(texts, DAY, trackKey(OLD, "LeetCode"));
    expect(old[NEW]).toBe(texts[NEW]);
    expect(changed(texts[OLD], old[OLD]).map(([, after]) => after)).toEqual([
      "- [ ] 2021/09/06    三数之和", "- [ ] 2021/09/07    接雨水", "- [ ] 2021/09/08    合并两个有序链表", "- [ ] 2021/09/09    ",
    ]);
  });

  it("a roll of everything shifts each note's schedule by its own missed days, not the other note's", () => {
    const out = rolled(texts, DAY);
    // The 2020 LeetCode lost 306 days; this term's only 4, and its later items move by 4.
    expect(changed(texts[NEW], out[NEW])).toEqual([
      ["- [ ] 2021/09/02    整理暑期实验记录", "- [ ] 2021/09/06    整理暑期实验记录"],
      ["- [ ] 2021/09/02    对称二叉树", "- [ ] 2021/09/06    对称二叉树"],
      ["- [ ] 2021/09/03    二叉树的最大深度", "- [ ] 2021/09/07    二叉树的最大深度"],
      ["- [ ] 2021/09/07    路径总和", "- [ ] 2021/09/11    路径总和"],
      ["- [ ] 2021/09/08    从前序与中序遍历序列构造二叉树", "- [ ] 2021/09/12    从前序与中序遍历序列构造二叉树"],
      ["- [ ] 2021/09/03    第一周 神经网络基础 1.1-1.4", "- [ ] 2021/09/06    第一周 神经网络基础 1.1-1.4"],
      ["- [ ] 2021/09/04    第一周 神经网络基础 1.5-1.8", "- [ ] 2021/09/07    第一周 神经网络基础 1.5-1.8"],
      ["- [ ] 2021/09/05    第二周 优化方法 2.1-2.5", "- [ ] 2021/09/08    第二周 优化方法 2.1-2.5"],
      ["- [ ] 2021/09/06    第二周 优化方法 2.6-2.9", "- [ ] 2021/09/09    第二周 优化方法 2.6-2.9"],
    ]);
  });

  it("a note with nothing missed is not shifted by another note's missed items of the same track", () => {
    const ahead = texts[NEW].replaceAll("- [ ] 2021/09/02    对称二叉树", "- [ ] 2021/09/07    对称二叉树")
      .replaceAll("- [ ] 2021/09/03    二叉树的最大深度", "- [ ] 2021/09/07    二叉树的最大深度");
    const out = rolled({ [OLD]: texts[OLD], [NEW]: ahead }, DAY);
    expect(changed(ahead, out[NEW]).filter(([before]) => /二叉|路径总和/u.test(before))).toEqual([]);
    expect(out[OLD]).not.toBe(texts[OLD]);
  });

  it("the sidebar's model keeps the two apart, names their notes, and the queue block means its own note's heading", () => {
    const model = buildToday(indexOf(texts), DAY, now, DEFAULT_SETTINGS);
    const leetcode = model.tracks.filter((t) => t.name === "LeetCode").map((t) => [t.path, t.note, t.state]);
    // Both notes have a queue block: the one in use is the plan with the most items from the day on (this term's),
    // and its LeetCode is this term's. Last term's has nothing on the day: not listed as queued.
    expect(model.tracks.filter((t) => t.state === "active").map((t) => [t.name, t.path])).toEqual([["LeetCode", NEW], ["网课", NEW]]);
    expect(leetcode).toEqual([[NEW, "2021 秋季计划", "active"]]);
    expect(model.problems.map((p) => [p.path, p.message.slice(0, 36)])).toContainEqual([OLD, "Another queue block is in use (Plans"]);
    expect(model.overdue.filter((g) => g.track === "LeetCode").map((g) => [g.path, g.note, g.count])).toEqual([
      [NEW, "2021 秋季计划", 2], // in queue order: this term's LeetCode is active
      [OLD, "2020 秋季计划", 3], // the empty slot of 11/07 is free time, never overdue
    ]);
    // 网课 is a heading in one note only: no note name beside it.
    expect(model.overdue.find((g) => g.track === "网课")).toMatchObject({ path: NEW, note: null, count: 3 });
  });

  it("a queue entry resolves in its block's own note first", () => {
    // Only this term's note has a block: its LeetCode is active, last term's is another track, queued.
    const withoutOldBlock = texts[OLD].replace(/当前 BPU[^\n]*\n\n- LeetCode\n- 操作系统\n\nBrain Queue\n\n- 读书\n/u, "");
    const model = buildToday(indexOf({ [OLD]: withoutOldBlock, [NEW]: texts[NEW] }), "2021-09-07", now, DEFAULT_SETTINGS);
    expect(model.tracks.filter((t) => t.state === "active").map((t) => [t.name, t.path, t.done, t.total])).toEqual([
      ["LeetCode", NEW, 0, 1], ["网课", NEW, 0, 0],
    ]);
  });

  it("a queue in a note of its own runs each name in the note that plans the most from the day on", () => {
    // A dashboard note lists the tracks; both terms' plans have a LeetCode heading. Last term's must not
    // run beside this term's (before: both were active, and a weekly note per week made one active track per week).
    const withoutOldBlock = texts[OLD].replace(/当前 BPU[^\n]*\n\n- LeetCode\n- 操作系统\n\nBrain Queue\n\n- 读书\n/u, "");
    const withoutNewBlock = texts[NEW].replace(/当前 BPU[^\n]*\n\n- LeetCode\n- 网课\n/u, "");
    expect(withoutNewBlock).not.toBe(texts[NEW]);
    const dashboard = "# 进程\n\n当前 BPU （Brain Processing Unit）最大进程数为：2，按优先级排序\n\n- LeetCode\n- 网课\n";
    const notes = { [OLD]: withoutOldBlock, [NEW]: withoutNewBlock, "进程.md": dashboard };
    const active = (day: IsoDate): string[][] =>
      buildToday(indexOf(notes), day, now, DEFAULT_SETTINGS).tracks.filter((t) => t.state === "active").map((t) => [t.name, t.path]);
    expect(active(DAY)).toEqual([["LeetCode", NEW], ["网课", NEW]]);
    // The choice follows the notes as they change: once last term's plan holds more from the day on, it runs.
    const index = indexOf(notes);
    const running = (): string[] => buildToday(index, DAY, now, DEFAULT_SETTINGS).tracks.filter((t) => t.state === "active").map((t) => t.path);
    expect(running()).toEqual([NEW, NEW]);
    const more = Array.from({ length: 40 }, (_, i) => `- [ ] 2021/10/${String((i % 28) + 1).padStart(2, "0")}    题目 ${i}`).join("\n");
    // Appended at the end: every heading keeps its line, so the queue's lists stand and only the note changed.
    index.update(OLD, `${withoutOldBlock.trimEnd()}\n${more}\n`);
    expect(running()).toEqual([OLD, NEW]);
    index.update(OLD, withoutOldBlock);
    expect(running()).toEqual([NEW, NEW]);
  });

  it("names in several notes, and picking one track by name and note", () => {
    const tracks = indexOf(texts).tracks();
    expect([...namesInSeveralNotes(tracks)].sort()).toEqual(["LeetCode", "日程", "每日安排"].sort());
    expect(chooseTrack(tracks, "LeetCode", null)).toEqual({ several: [OLD, NEW] });
    expect(chooseTrack(tracks, "LeetCode", NEW)).toEqual({ key: trackKey(NEW, "LeetCode") });
    expect(chooseTrack(tracks, "网课", null)).toEqual({ key: trackKey(NEW, "网课") });
    expect(chooseTrack(tracks, "Leetcod", null)).toEqual({ unknown: ["LeetCode"] });
    expect(chooseTrack(tracks, "网课", OLD)).toEqual({ unknown: [] });
  });
});
