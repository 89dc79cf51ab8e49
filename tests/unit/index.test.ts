import { describe, expect, it } from "vitest";
import { VaultIndex } from "../../src/core/index/vaultIndex";
import { trackKey, trackKeyOf } from "../../src/core/items";

const U = "\u3000";
const PLAN = [
  "- [ ] 2021/03/20    above every heading",           // 1
  "# TIME",                                              // 2
  "- [x] 2021/03/09    第2周星期二_课程 A3302 开课",    // 3
  "- [ ] 2021/03/24 - 2021/03/27  搭建基线",            // 4
  "- [ ] 2021/02/30    不存在",                          // 5
  "## **会议与期刊**",                                   // 6
  "**AAAI2021**/~~NIPS2021~~/**CVPR2022**",              // 7
  "当前 BPU （Brain Processing Unit）最大进程数为：2，按优先级排序", // 8
  "- 编程",                                              // 9
  "- 每日一题",                                          // 10
  "## CUDA 编程",                                        // 11
  `**第1章${U}异构计算**`,                               // 12
  `- [x] 1.1${U}并行计算\t\t2021/3/22`,                  // 13
  `- [ ] 1.2${U}异构计算        2021/3/23`,              // 14
  "## 每日一题",                                         // 15
  "- [ ] 2021/03/25    二叉树",                          // 16
  "  - [ ] 子任务",                                      // 17
  "- [ ] 2021/04/22    ",                                // 18
].join("\n");

function index(): VaultIndex {
  const idx = new VaultIndex();
  idx.update("Plans/Term.md", PLAN, { mtime: 1, size: PLAN.length });
  idx.update("A.md", "## 每日一题\n- [ ] 2021/03/25 early in path order\n## Extra\n");
  idx.update("Prose.md", "# Notes\n\nNothing dated here, only [links](x).\n", { mtime: 2, size: 40 });
  return idx;
}

const where = (items: { path: string; line: number }[]): string[] => items.map((i) => `${i.path}:${i.line}`);

describe("VaultIndex queries", () => {
  it("lists items by path then line, with tracks, groups and subtasks", () => {
    const items = index().items();
    expect(where(items)).toEqual([
      "A.md:2", "Plans/Term.md:1", "Plans/Term.md:3", "Plans/Term.md:4", "Plans/Term.md:13", "Plans/Term.md:14",
      "Plans/Term.md:16", "Plans/Term.md:18",
    ]);
    const byLine = new Map(items.map((i) => [`${i.path}:${i.line}`, i]));
    expect(byLine.get("Plans/Term.md:1")!.track).toBe("Term");
    expect(byLine.get("Plans/Term.md:13")).toMatchObject({ track: "CUDA 编程", group: `第1章${U}异构计算`, date: "2021-03-22", done: true });
    expect(byLine.get("Plans/Term.md:16")!.subtasks).toEqual([{ line: 17, status: " ", done: false, text: "子任务" }]);
    expect(byLine.get("Plans/Term.md:18")).toMatchObject({ text: "", date: "2021-04-22" });
  });

  it("answers per-day, overdue and upcoming queries; ranges cover every day", () => {
    const idx = index();
    expect(where(idx.itemsOn("2021-03-25"))).toEqual(["A.md:2", "Plans/Term.md:4", "Plans/Term.md:16"]);
    expect(where(idx.itemsOn("2021-03-27"))).toEqual(["Plans/Term.md:4"]);
    expect(where(idx.itemsOn("2021-03-28"))).toEqual([]);
    expect(where(idx.overdue("2021-03-25"))).toEqual(["Plans/Term.md:1", "Plans/Term.md:14"]);
    expect(where(idx.overdue("2021-03-28"))).toEqual(["A.md:2", "Plans/Term.md:1", "Plans/Term.md:4", "Plans/Term.md:14", "Plans/Term.md:16"]);
    expect(where(idx.upcoming("2021-03-22", 3))).toEqual(["Plans/Term.md:14", "Plans/Term.md:4", "A.md:2", "Plans/Term.md:16"]);
    expect(idx.nextPlannedDay("2021-03-28")).toBe("2021-04-22");
    expect(idx.nextPlannedDay("2021-03-24")).toBe("2021-03-25");
    expect(idx.nextPlannedDay("2021-04-22")).toBeNull();
  });

  it("lists each note's tracks in document order (a heading in two notes is two tracks) and keeps problems, queue blocks and venue marks", () => {
    const idx = index();
    expect(idx.tracks().map((t) => `${t.name}@${t.path}:${t.line}`)).toEqual([
      "每日一题@A.md:1", "Extra@A.md:3", "Term@Plans/Term.md:1", "TIME@Plans/Term.md:2", "会议与期刊@Plans/Term.md:6",
      "CUDA 编程@Plans/Term.md:11", "每日一题@Plans/Term.md:15",
    ]);
    expect(idx.problems()).toEqual([{ path: "Plans/Term.md", line: 5, message: expect.any(String) }]);
    expect(idx.queueBlocks().map((b) => [b.path, b.limit, b.active.map((e) => e.text)])).toEqual([["Plans/Term.md", 2, ["编程", "每日一题"]]]);
    expect(idx.venueMarks().map((m) => `${m.venue}${m.year}:${m.state}`)).toEqual(["AAAI2021:targeted", "NeurIPS2021:dropped", "CVPR2022:targeted"]);
  });

  it("keeps notes without items cheap but known, for freshness", () => {
    const idx = index();
    expect(idx.has("Prose.md")).toBe(true);
    expect(idx.isFresh("Prose.md", { mtime: 2, size: 40 })).toBe(true);
    expect(idx.isFresh("Prose.md", { mtime: 3, size: 40 })).toBe(false);
    expect(idx.isFresh("A.md", { mtime: 0, size: 0 })).toBe(false); // indexed without a stat
  });
});

describe("VaultIndex changes", () => {
  it("bumps the version and tells listeners which paths changed", () => {
    const idx = index();
    const heard: string[][] = [];
    const stop = idx.onChange((paths) => heard.push(paths));
    const before = idx.version;
    idx.update("A.md", "- [x] 2021/03/25 done now\n");
    idx.remove("Prose.md");
    idx.remove("Missing.md"); // unknown: nothing happens
    idx.rename("A.md", "B/A2.md");
    idx.batch(() => {
      idx.update("C.md", "- [ ] 2021/03/25 c\n");
      idx.update("D.md", "- [ ] 2021/03/25 d\n");
    });
    stop();
    idx.update("E.md", "x");
    expect(heard).toEqual([["A.md"], ["Prose.md"], ["A.md", "B/A2.md"], ["C.md", "D.md"]]);
    expect(idx.version).toBe(before + 6);
  });

  it("re-reads a changed note and forgets a removed one", () => {
    const idx = index();
    idx.update("Plans/Term.md", "## 新\n- [ ] 2021/03/25 only\n");
    expect(where(idx.itemsOn("2021-03-25"))).toEqual(["A.md:2", "Plans/Term.md:2"]);
    expect(idx.problems()).toEqual([]);
    idx.remove("Plans/Term.md");
    expect(where(idx.items())).toEqual(["A.md:2"]);
    expect(idx.queueBlocks()).toEqual([]);
  });

  it("renames: items above every heading, and empty headings, follow the new name", () => {
    const idx = new VaultIndex();
    idx.update("Old.md", "- [ ] 2021/03/25 top\n## Old\n- [ ] 2021/03/25 kept\n## \n- [ ] 2021/03/25 empty heading\n");
    idx.rename("Old.md", "Dir/New.md");
    const fresh = new VaultIndex();
    fresh.update("Dir/New.md", "- [ ] 2021/03/25 top\n## Old\n- [ ] 2021/03/25 kept\n## \n- [ ] 2021/03/25 empty heading\n");
    expect(idx.items()).toEqual(fresh.items());
    expect(idx.items().map((i) => i.track)).toEqual(["New", "Old", "New"]);
    expect(idx.tracks()).toEqual(fresh.tracks());
    expect(idx.has("Old.md")).toBe(false);
  });

  it("a failing listener does not stop indexing or other listeners", () => {
    const idx = new VaultIndex();
    const heard: string[][] = [];
    idx.onChange(() => { throw new Error("listener bug"); });
    idx.onChange((paths) => heard.push(paths));
    idx.update("A.md", "- [ ] 2021/03/25 a\n");
    expect(heard).toEqual([["A.md"]]);
  });
});

describe("VaultIndex cache", () => {
  it("round-trips through bytes and keeps freshness", () => {
    const idx = index();
    const restored = VaultIndex.fromCache(idx.toCache());
    // A.md was indexed without a stat, so it is not cached and will be read again.
    expect(restored.has("A.md")).toBe(false);
    const withoutA = (items: { path: string }[]): unknown[] => items.filter((i) => i.path !== "A.md");
    expect(restored.items()).toEqual(withoutA(idx.items()));
    expect(restored.problems()).toEqual(idx.problems());
    expect(restored.queueBlocks()).toEqual(idx.queueBlocks());
    expect(restored.venueMarks()).toEqual(idx.venueMarks());
    idx.remove("A.md");
    expect(restored.tracks()).toEqual(idx.tracks());
    expect(restored.isFresh("Plans/Term.md", { mtime: 1, size: PLAN.length })).toBe(true);
    expect(restored.isFresh("Prose.md", { mtime: 2, size: 40 })).toBe(true);
    expect(restored.isFresh("Prose.md", { mtime: 3, size: 40 })).toBe(false);
  });

  it("a restored index renames, edits and saves again like a fresh one", () => {
    const idx = index();
    idx.remove("A.md");
    const restored = VaultIndex.fromCache(idx.toCache());
    restored.rename("Plans/Term.md", "Plans/Renamed.md");
    idx.rename("Plans/Term.md", "Plans/Renamed.md");
    expect(restored.items()).toEqual(idx.items());
    // Saved again without ever reading a note's text, then restored: still the same items.
    const untouched = VaultIndex.fromCache(idx.toCache());
    expect(VaultIndex.fromCache(untouched.toCache()).items()).toEqual(idx.items());
    expect(VaultIndex.fromCache(untouched.toCache()).toCache()).toEqual(idx.toCache());
  });

  it("remembers selections across a restart, so the first query after it reads no text", () => {
    const idx = index();
    const deadlines = idx.openItemsWithText("words", (text) => text.includes("二叉树") || text.includes("above"));
    expect(deadlines.map((i) => i.text)).toEqual(["above every heading", "二叉树"]);
    const restored = VaultIndex.fromCache(idx.toCache());
    const asked: string[] = [];
    expect(restored.openItemsWithText("words", (text) => { asked.push(text); return false; })).toEqual(deadlines);
    expect(asked).toEqual([]);
    // Another key is worked out afresh, and an edited note is asked again.
    expect(restored.openItemsWithText("other", () => true).length).toBeGreaterThan(2);
    restored.update("Plans/Term.md", PLAN.replace("二叉树", "链表"), { mtime: 9, size: 1 });
    expect(restored.openItemsWithText("words", (text) => text.includes("二叉树")).map((i) => i.text)).toEqual([]);
  });

  it("reads a cache handed over at an unaligned offset (a pooled file buffer)", () => {
    const bytes = index().toCache();
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    expect(VaultIndex.fromCache(padded.subarray(3)).items()).toEqual(VaultIndex.fromCache(bytes).items());
  });

  it("drops foreign, outdated or truncated caches without throwing", () => {
    const good = index().toCache();
    const header = (i: number, value: number): Uint8Array => {
      const copy = good.slice();
      new DataView(copy.buffer).setInt32(i * 4, value, true);
      return copy;
    };
    for (const bad of [null, undefined, new Uint8Array(0), new Uint8Array(7), header(0, 0), header(2, 1), header(3, 3), good.slice(0, -1), good.slice(0, 40)]) {
      expect(VaultIndex.fromCache(bad).items()).toEqual([]);
    }
    expect(VaultIndex.fromCache(good, { trackHeadingLevel: 3 }).items()).toEqual([]);
    // Venue marks depend on the venue list: a cache made with another list is not restored.
    expect(VaultIndex.fromCache(good, { venues: [{ name: "MYCONF", aliases: [] }] }).paths()).toEqual([]);
    expect(VaultIndex.fromCache(good).paths()).toEqual(["Plans/Term.md", "Prose.md"]);
  });

  it("keeps the notes before a damaged record and drops the rest", () => {
    const idx = new VaultIndex();
    const note = (n: number): string => `## T${n}\n- [ ] 2021/03/2${n} item ${n}\n`;
    for (let n = 1; n <= 3; n++) idx.update(`n${n}.md`, note(n), { mtime: n, size: 20 });
    const bytes = idx.toCache();
    // The second note's first item date (20210322, little-endian) becomes an impossible day.
    const target = new Uint8Array(new Int32Array([20210322]).buffer);
    const at = bytes.findIndex((_, i) => target.every((b, k) => bytes[i + k] === b));
    expect(at).toBeGreaterThan(0);
    new DataView(bytes.buffer).setInt32(at, 20210230, true);
    const restored = VaultIndex.fromCache(bytes);
    expect(restored.paths()).toEqual(["n1.md"]);
    expect(restored.items().map((i) => i.text)).toEqual(["item 1"]);
  });

  it("does not cache a note whose text would not survive UTF-8 (a lone surrogate)", () => {
    const idx = new VaultIndex();
    idx.update("odd.md", "- [ ] 2021/03/25 half a pair \uD800 here\n", { mtime: 1, size: 9 });
    idx.update("fine.md", "- [ ] 2021/03/25 一对 😀 emoji\n", { mtime: 1, size: 9 });
    const restored = VaultIndex.fromCache(idx.toCache());
    expect(restored.has("odd.md")).toBe(false);
    expect(restored.items()).toEqual(idx.items().filter((i) => i.path === "fine.md"));
  });
});

describe("VaultIndex never throws", () => {
  it("on hostile notes", () => {
    const idx = new VaultIndex();
    const hostile = [
      "\u0000\uFFFF\uD800- [ ] 2021/03/25 lone surrogate\uDC00",
      `${"> ".repeat(1000)}- [ ] 2021/03/25 deep quote`,
      `${"  ".repeat(1000)}- [ ] 2021/03/25 deep list`,
      "```\n- [ ] 2021/03/25 unterminated fence",
      `# ${"长".repeat(10_000)}\n- [ ] 2021/03/25 long heading`,
      "- [ ] 0001/01/01 a\n- [ ] 9999/12/31 b\n- [ ] 2021/13/40 c\n- [ ] 2021/02/29 d\n- [ ] 2020/02/29 e",
      `- [ ] 2021/03/25 ${"x".repeat(1_000_000)}`,
    ];
    hostile.forEach((text, i) => expect(() => idx.update(`h${i}.md`, text)).not.toThrow());
    expect(() => idx.itemsOn("2021-03-25")).not.toThrow();
    expect(idx.items().length).toBeGreaterThan(0);
  });
});

describe("VaultIndex at scale", () => {
  it("a 5 MB note with 100,000 checklist lines", () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) lines.push(`- [${i % 2 ? "x" : " "}] 2021/${1 + (i % 12)}/${1 + (i % 28)}    第${i}项任务，附带一些说明文字`);
    const text = lines.join("\n");
    expect(text.length).toBeGreaterThan(2_500_000); // UTF-16 units; over 5 MB as UTF-8
    const idx = new VaultIndex();
    idx.update("big.md", text);
    expect(idx.items()).toHaveLength(100_000);
    expect(idx.itemsOn("2021-01-01").length).toBeGreaterThan(0);
    idx.update("big.md", text.replace("第0项任务", "第0项任务（改）"));
    expect(idx.items()[0].text).toContain("（改）");
  }, 120_000);

  it("a vault of 50,000 notes without tasks costs only the prefilter", () => {
    const idx = new VaultIndex();
    const prose = "# 笔记\n\n今天读了一章书，记下几点想法：[[链接]]，还有 **重点**。\n- 列表项\n";
    for (let i = 0; i < 50_000; i++) idx.update(`notes/${i}.md`, prose + i, { mtime: i, size: prose.length });
    expect(idx.items()).toEqual([]);
    expect(idx.tracks()).toEqual([]);
    expect(idx.isFresh("notes/49999.md", { mtime: 49_999, size: prose.length })).toBe(true);
    expect(VaultIndex.fromCache(idx.toCache()).paths()).toHaveLength(50_000);
  }, 120_000);
});

describe("itemsOfTracks", () => {
  it("makes the items of the given tracks only, by path then line, as items() has them", () => {
    const idx = index();
    const all = idx.items();
    const tracks = [...new Set(all.map(trackKeyOf))];
    expect(tracks.length).toBeGreaterThan(2);
    const daily = trackKey("Plans/Term.md", "每日一题");
    for (const pick of [[], [tracks[0]], tracks.slice(1), tracks, [trackKey("A.md", "no such track")], [daily, trackKey("Plans/Term.md", "Term")]]) {
      const wanted = new Set(pick);
      expect(idx.itemsOfTracks(wanted)).toEqual(all.filter((item) => wanted.has(trackKeyOf(item))));
    }
    // The same heading in another note is another track.
    expect(where(idx.itemsOfTracks(new Set([daily])))).toEqual(["Plans/Term.md:16", "Plans/Term.md:18"]);
    // A name the note uses for a group or a prefix is not a track of its items.
    expect(idx.itemsOfTracks(new Set([trackKey("Plans/Term.md", "- [ ] ")]))).toEqual([]);
  });
});
