import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzyFilter } from "../../src/core/items/fuzzy";
import { findQueueBlock, matchTrack, resolveQueue, type TrackInfo } from "../../src/core/items/queue";

// Track headings shaped like the person's planner (names quoted in the queue issue).
const TRACKS = [
  "TIME", "Daily", "To be a Scientist", "深度学习工程师", "LeetCode 每日一题/专题", "每日一Blog", "概率图模型",
  "生成模型", "CUDA C 编程权威指南 ", "English", "Music", "全栈深度学习训练营", "深度学习原理与实践",
  "深度学习模型设计-轻量化网络", "自制操作系统", "自制游戏引擎",
];
const trackInfos = (names: string[], path = "Plan.md"): TrackInfo[] => names.map((name, i) => ({ name, path, line: 10 + i * 10 }));

const CJK_NOTE = [
  "# 日程",
  "",
  "- [ ] 2024/03/01    某件事",
  "",
  "---",
  "",
  "# Daily",
  "",
  "当前 BPU （Brain Processing Unit）最大进程数为：5，按优先级排序",
  "",
  "- LeetCode",
  "- CUDA C编程权威指南",
  "- 深度学习工程师",
  "- 深度学习原理与实践",
  "- 深度学习全栈",
  "",
  "",
  "",
  "Brain Queue",
  "",
  "",
  "",
  "",
  "",
  "## To be a Scientist",
  "",
].join("\n");

describe("findQueueBlock", () => {
  it("reads the Chinese block with an empty Brain Queue", () => {
    const block = findQueueBlock("Plan.md", CJK_NOTE)!;
    expect(block.limit).toBe(5);
    expect(block.limitLine).toBe(9);
    expect(block.active.map((e) => [e.text, e.line])).toEqual([
      ["LeetCode", 11], ["CUDA C编程权威指南", 12], ["深度学习工程师", 13], ["深度学习原理与实践", 14], ["深度学习全栈", 15],
    ]);
    expect(block.waitingLine).toBe(19);
    expect(block.waiting).toEqual([]);
    expect(block.source[0]).toBe("当前 BPU （Brain Processing Unit）最大进程数为：5，按优先级排序");
    expect(block.source.length).toBe(block.endLine - block.limitLine + 1);
  });

  it.each([
    ["最大进程数为：3", 3],
    ["最大进程数为3", 3],
    ["**当前最大进程数: 4**", 4],
    ["当前 BPU（大脑处理单元）最大进程数：２，按优先级排序", 2],
    ["Active tracks (limit 3):", 3],
    ["## Active Tracks (limit: 2)", 2],
    ["**active tracks (LIMIT 7)**", 7],
  ])("recognises the limit line %s", (line, limit) => {
    const block = findQueueBlock("n.md", `${line}\n- a\n- b\n`);
    expect(block?.limit).toBe(limit);
    expect(block?.active.map((e) => e.text)).toEqual(["a", "b"]);
  });

  it.each([
    "进程数为 5",
    "The active tracks of last year were many",
    "最大进程数很多",
  ])("ignores %s", (line) => {
    expect(findQueueBlock("n.md", `${line}\n- a\n`)).toBeNull();
  });

  it("reads the English form with a queue list, CRLF and ordered lists", () => {
    const text = "Intro\r\n\r\nActive tracks (limit 2):\r\n1. Alpha\r\n2. Beta\r\n\r\n3. Gamma\r\n\r\n**Queue:**\r\n* Delta\r\n* Epsilon\r\n\r\nAfter\r\n";
    const block = findQueueBlock("n.md", text)!;
    expect(block.active.map((e) => e.text)).toEqual(["Alpha", "Beta", "Gamma"]);
    expect(block.waitingLine).toBe(9);
    expect(block.waiting.map((e) => [e.text, e.line])).toEqual([["Delta", 10], ["Epsilon", 11]]);
    expect(block.endLine).toBe(11);
  });

  it.each(["Brain Queue", "brain queue:", "## Brain Queue", "**Brain Queue**", "Queue：", "### **BRAIN QUEUE**："])(
    "accepts the waiting line %s", (line) => {
      const block = findQueueBlock("n.md", `最大进程数为：1\n- a\n\n${line}\n- b\n`)!;
      expect(block.waitingLine).toBe(4);
      expect(block.waiting.map((e) => e.text)).toEqual(["b"]);
    });

  it("stops the list at the first other line and has no waiting line when none follows", () => {
    const block = findQueueBlock("n.md", "最大进程数为：2\n- a\nsome paragraph\n- b\n")!;
    expect(block.active.map((e) => e.text)).toEqual(["a"]);
    expect(block.waitingLine).toBeNull();
  });

  it("prefers a limit line with a list to one mentioned in prose", () => {
    const text = "The block starts with `最大进程数为：9` and a list.\n\n最大进程数为：2\n- a\n";
    expect(findQueueBlock("n.md", text)).toMatchObject({ limit: 2, limitLine: 3 });
    expect(findQueueBlock("n.md", "只写了最大进程数为：4\n\n正文\n")).toMatchObject({ limit: 4, active: [], waitingLine: null });
  });

  it("ignores blocks in frontmatter and comments", () => {
    const text = "---\nnote: 最大进程数为：7\n---\n<!--\n最大进程数为：8\n- x\n-->\n%%\nActive tracks (limit 9):\n%%\nActive tracks (limit 2):\n- y\n";
    expect(findQueueBlock("n.md", text)).toMatchObject({ limit: 2, limitLine: 11 });
  });

  it("ignores a block inside a code fence and strips a BOM", () => {
    const text = "\uFEFF```\n最大进程数为：9\n- x\n```\n最大进程数为：2\n- y\n";
    const block = findQueueBlock("n.md", text)!;
    expect(block.limit).toBe(2);
    expect(block.limitLine).toBe(5);
  });
});

describe("matchTrack", () => {
  it.each([
    ["LeetCode", "LeetCode 每日一题/专题"],
    ["CUDA C编程权威指南", "CUDA C 编程权威指南 "],
    ["深度学习全栈", "全栈深度学习训练营"],
    ["深度学习工程师", "深度学习工程师"],
    ["深度学习原理与实践", "深度学习原理与实践"],
    ["**leetcode**", "LeetCode 每日一题/专题"],
    ["ＣＵＤＡ　Ｃ　编程权威指南", "CUDA C 编程权威指南 "],
    ["概率图", "概率图模型"],
    ["music", "Music"],
  ])("resolves %s", (entry, track) => {
    expect(matchTrack(entry, TRACKS)).toEqual({ track });
  });

  it("prefers exact over containment over characters, then the fewest extra characters", () => {
    expect(matchTrack("模型", ["生成模型", "概率图模型"])).toEqual({ track: "生成模型" });
    expect(matchTrack("ab", ["xaby", "ab"])).toEqual({ track: "ab" });
    expect(matchTrack("ab", ["bxa", "xxab"])).toEqual({ track: "xxab" });
    expect(matchTrack("CUDA", ["A", "CUDA C 编程权威指南"])).toEqual({ track: "CUDA C 编程权威指南" });
    expect(matchTrack("深度学习原理与实践（课程）", ["深度学习原理与实践", "深度学习"])).toEqual({ track: "深度学习原理与实践" });
    expect(matchTrack("LeetCode", ["T", "Code"])).toEqual({ track: "Code" });
  });

  it("reports an entry that matches nothing or two tracks equally", () => {
    expect(matchTrack("量子计算", TRACKS)).toHaveProperty("problem");
    const tie = matchTrack("模型", ["生成模型", "模型设计"]);
    expect("problem" in tie && tie.problem).toContain("生成模型");
    expect(matchTrack("  **  ", TRACKS)).toHaveProperty("problem");
  });
});

describe("resolveQueue", () => {
  const block = findQueueBlock("Plan.md", CJK_NOTE)!;

  it("makes the first `limit` entries active and queues the rest in document order", () => {
    const state = resolveQueue(block, trackInfos(TRACKS), { limit: 3, priority: [] });
    expect(state.from).toBe("note");
    expect(state.limit).toBe(5);
    expect(state.active).toEqual(["LeetCode 每日一题/专题", "CUDA C 编程权威指南 ", "深度学习工程师", "深度学习原理与实践", "全栈深度学习训练营"]);
    expect(state.queued).toEqual(TRACKS.filter((t) => !state.active.includes(t)));
    expect(state.used).toBe(5);
    expect(state.overCapacity).toBe(false);
    expect(state.problems).toEqual([]);
  });

  it("puts overflow entries, then the waiting list in its order, before other tracks; reports problems", () => {
    const text = "最大进程数为：2\n- a\n- b\n- c\n- zzz\n- a\n\nBrain Queue\n- e\n- d\n";
    const tracks = trackInfos(["d", "e", "f"], "B.md").concat(trackInfos(["c", "b", "a"], "A.md"));
    const state = resolveQueue(findQueueBlock("Q.md", text), tracks, { limit: 9, priority: [] });
    expect(state.active).toEqual(["a", "b"]);
    expect(state.queued).toEqual(["c", "e", "d", "f"]);
    expect(state.used).toBe(3);
    expect(state.overCapacity).toBe(true);
    expect(state.problems.map((p) => [p.path, p.line])).toEqual([["Q.md", 5], ["Q.md", 6]]);
    expect(state.problems[0].message).toContain("zzz");
  });

  it("falls back to the settings without a block", () => {
    const state = resolveQueue(null, trackInfos(["x", "y", "z"]), { limit: 1, priority: ["Z", "x"] });
    expect(state).toMatchObject({ from: "settings", limit: 1, active: ["z"], queued: ["x", "y"], used: 2, overCapacity: true });
  });
});

describe("fuzzyFilter", () => {
  it("keeps matching names, best first, for the track suggester", () => {
    expect(fuzzyFilter("深度学习", TRACKS, (t) => t)).toEqual([
      "深度学习工程师", "全栈深度学习训练营", "深度学习原理与实践", "深度学习模型设计-轻量化网络",
    ]);
    expect(fuzzyFilter("", ["b", "a"], (t) => t)).toEqual(["b", "a"]);
    expect(fuzzyFilter("cuda", TRACKS, (t) => t)).toEqual(["CUDA C 编程权威指南 "]);
  });
});

describe("hostile input", () => {
  it("never throws on random text and stays linear on huge lines", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), fc.array(fc.string(), { maxLength: 5 }), (noise, names) => {
      const text = `最大进程数为：2\n${noise}\n- ${noise}\nBrain Queue\n- ${noise}`;
      const block = findQueueBlock("n.md", text);
      const state = resolveQueue(block, names.map((name, i) => ({ name, path: "n.md", line: i })), { limit: 2, priority: names });
      expect(state.active.length).toBeLessThanOrEqual(2);
      matchTrack(noise, names);
    }));
    const big = 1_000_000;
    expect(findQueueBlock("n.md", "最大进程数".repeat(big / 5))).toBeNull();
    expect(findQueueBlock("n.md", `Active tracks (limit 3)${" ".repeat(big)}x`)).toBeNull();
    expect(findQueueBlock("n.md", `最大进程数为：1\n- a\nqueue${" ".repeat(big)}x\n`)?.waitingLine).toBeNull();
    expect(findQueueBlock("n.md", `最大进程数为：1\n${"- a\n".repeat(50_000)}`)?.active).toHaveLength(50_000);
  });
});
