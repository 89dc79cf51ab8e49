// The CLI end to end: spawn it on fixture vaults and check the JSON, the files it writes and its exit codes.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Buffer } from "node:buffer";
import { afterAll, describe, expect, it } from "vitest";
import type { ItemJson } from "../../src/cli/json";
import { cli, cliJson, ROOT, useBuiltCli } from "./cliRun";

const PLANNER = join(ROOT, "tests/fixtures/vaults/planner");
const EMPTY = join(ROOT, "tests/fixtures/vaults/empty");
const TERM = join(ROOT, "tests/fixtures/vaults/term2021");
const TERM_PLAN = "2021 学期计划.md";
const TERMS = join(ROOT, "tests/fixtures/vaults/terms");
const temps: string[] = [];

interface ScanJson { items: ItemJson[]; problems: { path: string; line: number; message: string }[] }
interface TodayJson {
  date: string; limit: number; termWeek: string | null; done: number; total: number;
  fixedToday: ItemJson[];
  tracks: { name: string; path: string; state: string; items: ItemJson[] }[];
  overdue: ItemJson[];
  deadlines: (ItemJson & { daysLeft: number })[];
}
interface DeadlinesJson { date: string; deadlines: (ItemJson & { venue: string | null; year: number | null; daysLeft: number; dropped: boolean })[] }
interface RollJson {
  date: string;
  changes: { path: string; line: number; from: string; to: string; text: string }[];
  skipped: { path: string; line: number; reason: string }[];
  written?: string[];
  failed?: unknown[];
}

const json = cliJson;

function copyOf(vault: string): string {
  const dir = mkdtempSync(join(tmpdir(), "bq-cli-"));
  temps.push(dir);
  cpSync(vault, dir, { recursive: true });
  return dir;
}

const where = (items: { path: string; line: number }[]): string[] => items.map((i) => `${i.path}:${i.line}`);

useBuiltCli();

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe("cli scan", () => {
  it("lists every item in the documented shape, sorted, skipping dot-folders, with problems", () => {
    const out = json<ScanJson>("scan", "--vault", PLANNER);
    expect(Object.keys(out)).toEqual(["items", "problems"]);
    expect(out.items).toHaveLength(26);
    expect(where(out.items).slice(0, 4)).toEqual(["Notes/Other.md:1", "Notes/Other.md:2", "Notes/Other.md:6", "Plan.md:3"]);
    expect(out.items.some((i) => /hidden|trashed|不算/u.test(i.text))).toBe(false);
    expect(out.items[0]).toEqual({
      path: "Notes/Other.md", line: 1, status: " ", done: false, text: "复查笔记", date: "2021-03-25", end: null,
      track: "Other", group: null, subtasks: [],
    });
    const byWhere = new Map(out.items.map((i): [string, ItemJson] => [`${i.path}:${i.line}`, i]));
    expect(byWhere.get("Plan.md:17")).toMatchObject({ date: "2021-03-24", end: "2021-03-27", text: "搭建点云基线", track: "TIME" });
    expect(byWhere.get("Plan.md:56")).toMatchObject({ text: "1.1\u3000并行计算", date: "2021-03-22", done: true, status: "x", group: "第1章\u3000异构并行计算" });
    expect(byWhere.get("Plan.md:65")).toMatchObject({ text: "2.3\u3000使用统一内存的矩阵加法", date: "2021-03-26" });
    expect(byWhere.get("Plan.md:78")).toMatchObject({ text: "", date: "2021-04-23" });
    expect(byWhere.get("Plan.md:88")).toMatchObject({
      track: "全栈训练营", group: "Week 1: Fundamentals",
      subtasks: [{ line: 89, status: " ", done: false, text: "阅读讲义（一）" }, { line: 90, status: "x", done: true, text: "阅读讲义（二）" }],
    });
    expect(byWhere.get("Plan.md:98")).toMatchObject({ date: "2021-03-27", text: "第3课：典型应用" });
    expect(out.problems).toEqual([{ path: "Plan.md", line: 11, message: expect.stringContaining("2021/02/30") }]);
  });

  it("prints a readable, aligned summary by default", () => {
    const run = cli("scan", "--vault", PLANNER);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("26 items in 2 notes, 1 problem");
    expect(run.stdout).toContain("Plan.md:11");
  });
});

describe("cli today", () => {
  it("orders tracks like the view: active by priority, then queued tracks with items", () => {
    const out = json<TodayJson>("today", "--vault", PLANNER, "--date", "2021-03-25");
    expect(out).toMatchObject({ date: "2021-03-25", limit: 3 });
    expect(out.tracks.map((t) => [t.name, t.state, where(t.items)])).toEqual([
      ["LeetCode 每日一题/专题", "active", ["Plan.md:76"]],
      ["CUDA 并行编程指南", "active", ["Plan.md:64"]],
      ["原理与实践", "active", []],
      ["全栈训练营", "queued", ["Plan.md:88"]],
      ["Other", "queued", ["Notes/Other.md:1"]],
      ["杂事", "queued", ["Notes/Other.md:6"]],
      ["TIME", "queued", ["Plan.md:7", "Plan.md:17"]],
    ]);
    // Plan.md:5 (报名口语考试) has a fixed-date keyword: past, it is not overdue (roll lists it as skipped).
    expect(where(out.overdue)).toEqual(["Notes/Other.md:2", "Plan.md:63", "Plan.md:75", "Plan.md:96"]);
    expect(out.deadlines.map((d) => [d.line, d.daysLeft])).toEqual([[16, 3], [15, 168]]);
    expect(Object.keys(out.tracks[0].items[0])).toEqual(["path", "line", "status", "done", "text", "date", "end", "track", "group", "subtasks"]);
  });

  it("puts the day's fixed items apart, once, and names each track's note", () => {
    const out = json<TodayJson>("today", "--vault", TERM, "--date", "2021-09-09");
    expect(where(out.fixedToday)).toEqual([`${TERM_PLAN}:18`]);
    expect(out.tracks.flatMap((t) => where(t.items))).not.toContain(`${TERM_PLAN}:18`);
    expect(out.tracks.map((t) => [t.name, t.path])).toEqual([
      ["LeetCode 刷题", TERM_PLAN], ["CUDA 编程权威指南", TERM_PLAN], ["深度学习课程", TERM_PLAN],
    ]);
    expect([out.done, out.total]).toEqual([0, 1]);
  });

  it("never lists a past fixed item as overdue; a missed deadline stays in deadlines for 7 days", () => {
    const out = json<TodayJson>("today", "--vault", TERM, "--date", "2021-10-20");
    const fixed = /开课|结课|考试|截止/u;
    expect(out.overdue.filter((i) => fixed.test(i.text))).toEqual([]);
    expect(out.deadlines.map((d) => [d.text, d.daysLeft])[0]).toEqual(["ICRA 2022 投稿截止", -5]);
    expect(json<TodayJson>("today", "--vault", TERM, "--date", "2021-10-23").deadlines.map((d) => d.daysLeft)).not.toContain(-8);
    // Roll still names every unfinished past fixed item, of any age, with its reason.
    const roll = json<RollJson>("roll", "--vault", TERM, "--date", "2021-10-20");
    const skipped = roll.skipped.filter((s) => s.path === TERM_PLAN).map((s) => [s.line, s.reason]);
    expect(skipped).toEqual(expect.arrayContaining([
      [7, expect.stringContaining("结课")], [11, expect.stringContaining("考试")], [17, expect.stringContaining("开课")], [18, "fixed date: deadline"], [19, "fixed date: deadline"],
    ]));
  });

  it("says when nothing is planned and names the next planned day", () => {
    const run = cli("today", "--vault", PLANNER, "--date", "2021-04-15");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Next planned day: 2021-04-22");
  });

  it("uses the settings file when no note has a queue block", () => {
    const dir = copyOf(PLANNER);
    const plan = readFileSync(join(dir, "Plan.md"), "utf8");
    writeFileSync(join(dir, "Plan.md"), plan.replace("最大进程数为：3", "最多三个"));
    const settings = join(dir, "settings.json");
    writeFileSync(settings, JSON.stringify({ settings: { queueLimit: 1, priority: ["杂事"], termStart: "2021-03-01" } }));
    const out = json<TodayJson>("today", "--vault", dir, "--date", "2021-03-25", "--settings", settings);
    expect(out.limit).toBe(1);
    expect(out.termWeek).toBe("第4周星期四");
    expect(out.tracks[0]).toMatchObject({ name: "杂事", state: "active" });
    expect(out.tracks.slice(1).every((t) => t.state === "queued")).toBe(true);
  });
});

describe("cli deadlines", () => {
  it("lists upcoming deadlines, then the ones of the last 7 days", () => {
    const out = json<DeadlinesJson>("deadlines", "--vault", PLANNER, "--date", "2021-03-30");
    expect(out.date).toBe("2021-03-30");
    expect(out.deadlines.map((d) => [d.line, d.venue, d.year, d.daysLeft, d.dropped])).toEqual([
      [15, "AAAI", 2021, 163, false],
      [16, "ICRA", 2022, -2, false],
    ]);
    expect(json<DeadlinesJson>("deadlines", "--vault", PLANNER, "--date", "2021-04-05").deadlines.map((d) => d.line)).toEqual([15]);
  });

  it("lists the missed deadlines `today` lists, on the last day they stay and the first day they leave", () => {
    const missed = (deadlines: { line: number; daysLeft: number }[]) => deadlines.filter((d) => d.daysLeft < 0).map((d) => [d.line, d.daysLeft]);
    for (const [date, expected] of [["2021-03-30", [[16, -2]]], ["2021-04-04", [[16, -7]]], ["2021-04-05", []]] as const) {
      const fromDeadlines = missed(json<DeadlinesJson>("deadlines", "--vault", PLANNER, "--date", date).deadlines);
      expect(fromDeadlines, date).toEqual(expected);
      expect(missed(json<TodayJson>("today", "--vault", PLANNER, "--date", date).deadlines), date).toEqual(fromDeadlines);
    }
  });
});

describe("cli deadline days", () => {
  it("says today on the deadline day, as the sidebar, status bar and notice do; days ahead and ago in their words", () => {
    const rows = (command: string, date: string): string[] =>
      cli(command, "--vault", TERM, "--date", date).stdout.split("\n").map((row) => row.trim().replace(/ {2,}/gu, " | ")).filter((row) => /^\d{4}-.*投稿截止/u.test(row));
    expect(rows("deadlines", "2021-09-09").slice(0, 2)).toEqual(["2021-09-09 | today | AAAI 2022 | AAAI 2022 论文投稿截止", "2021-10-15 | 36d | ICRA 2022 | ICRA 2022 投稿截止"]);
    expect(rows("today", "2021-09-09")[0]).toBe("2021-09-09 | today | AAAI 2022 | AAAI 2022 论文投稿截止");
    // Missed three days ago: listed after the ones ahead, in both commands.
    for (const command of ["deadlines", "today"]) expect(rows(command, "2021-09-12").find((row) => row.includes("AAAI")), command).toBe("2021-09-09 | 3d ago | AAAI 2022 | AAAI 2022 论文投稿截止");
  });
});

describe("cli roll", () => {
  it("prints the plan with the dates exactly as written", () => {
    const out = json<RollJson>("roll", "--vault", PLANNER, "--date", "2021-03-25");
    expect(Object.keys(out)).toEqual(["date", "changes", "skipped"]);
    expect(out.changes).toContainEqual({ path: "Plan.md", line: 98, from: "2021年3月27日", to: "2021年3月29日", text: "第3课：典型应用" });
    expect(out.changes).toContainEqual({ path: "Notes/Other.md", line: 2, from: "2021-03-20", to: "2021-03-25", text: "写周报" });
    expect(out.skipped).toEqual([{ path: "Plan.md", line: 5, reason: expect.stringContaining("考试") }]);
  });

  it("--write rewrites only the date spans, keeping BOM, CRLF and everything else", () => {
    const dir = copyOf(PLANNER);
    const before = { plan: readFileSync(join(dir, "Plan.md"), "utf8"), other: readFileSync(join(dir, "Notes/Other.md"), "utf8") };
    const out = json<RollJson>("roll", "--vault", dir, "--date", "2021-03-25", "--mode", "today", "--write");
    expect(out.written).toEqual(["Notes/Other.md", "Plan.md"]);
    expect(out.failed).toEqual([]);
    const other = readFileSync(join(dir, "Notes/Other.md"), "utf8");
    expect(other).toBe(before.other.replace("- [/] 2021-03-20 写周报", "- [/] 2021-03-25 写周报"));
    const planLines = readFileSync(join(dir, "Plan.md"), "utf8").split("\n");
    const beforeLines = before.plan.split("\n");
    const changedLines = planLines.map((l, i) => (l === beforeLines[i] ? null : i + 1)).filter((n) => n !== null);
    expect(changedLines).toEqual(out.changes.filter((c) => c.path === "Plan.md").map((c) => c.line));
    expect(planLines[62]).toBe("- [ ] 2.1\u3000编程模型概述\t\t2021/3/25");
    // Nothing is overdue any more, so a second run plans nothing.
    expect(json<RollJson>("roll", "--vault", dir, "--date", "2021-03-25", "--mode", "today").changes).toEqual([]);
  });

  it("leaves a past empty slot where it is: a free day, not an overdue task", () => {
    const out = json<RollJson>("roll", "--vault", PLANNER, "--date", "2021-04-25", "--mode", "today");
    // LeetCode's missed items move; its free days of 04/22 and 04/23 (no text) stay.
    expect(out.changes.filter((c) => c.path === "Plan.md" && c.line >= 74 && c.line <= 78).map((c) => c.line)).toEqual([75, 76]);
    expect(out.changes.filter((c) => c.text === "")).toEqual([]);
    expect(out.skipped.filter((s) => s.line === 77 || s.line === 78)).toEqual([]);
  });

  it("--write leaves a note that is not valid UTF-8 byte for byte as it was", () => {
    const dir = mkdtempSync(join(tmpdir(), "bq-cli-"));
    temps.push(dir);
    const bytes = Buffer.concat([Buffer.from("- [ ] 2021/03/20 读书 "), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from("\n")]);
    writeFileSync(join(dir, "bad.md"), bytes);
    writeFileSync(join(dir, "good.md"), "- [ ] 2021/03/20 跑步\n");
    const run = cli("roll", "--vault", dir, "--date", "2021-03-25", "--mode", "today", "--write", "--json");
    expect(run.code).toBe(1); // a note that should have been written was not
    expect(run.stderr).toBe("brain-queue: not written: bad.md (the note is not valid UTF-8; left untouched)\n");
    const out = JSON.parse(run.stdout) as RollJson;
    expect(out.written).toEqual(["good.md"]);
    expect(out.failed).toEqual([{ path: "bad.md", reason: expect.stringContaining("UTF-8") }]);
    expect(readFileSync(join(dir, "bad.md")).equals(bytes)).toBe(true);
    expect(readFileSync(join(dir, "good.md"), "utf8")).toBe("- [ ] 2021/03/25 跑步\n");
  });

  it("--track limits the plan to one track", () => {
    const out = json<RollJson>("roll", "--vault", PLANNER, "--date", "2021-03-25", "--track", "原理与实践");
    expect(new Set(out.changes.map((c) => c.line))).toEqual(new Set([96, 97, 98]));
  });
});

describe("cli roll of one track: a heading in one note", () => {
  const OLD = "Plans/2020 秋季计划.md";
  const NEW = "Plans/2021 秋季计划.md";

  it("a name in several notes needs --note: exit 2 naming the notes", () => {
    const run = cli("roll", "--vault", TERMS, "--date", "2021-09-06", "--track", "LeetCode");
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      `brain-queue: track "LeetCode" is in 2 notes ("${OLD}", "${NEW}"): pick one with --note`,
    ]);
  });

  it("--note picks the note, and --write changes only that note", () => {
    const dir = copyOf(TERMS);
    const before = readFileSync(join(dir, OLD), "utf8");
    const out = json<RollJson>("roll", "--vault", dir, "--date", "2021-09-06", "--track", "LeetCode", "--note", NEW, "--write");
    expect(out.changes.map((c) => [c.path, c.line, c.from, c.to])).toEqual([
      [NEW, 26, "2021/09/02", "2021/09/06"], [NEW, 27, "2021/09/03", "2021/09/07"],
      [NEW, 28, "2021/09/07", "2021/09/11"], [NEW, 29, "2021/09/08", "2021/09/12"],
    ]);
    expect(out.written).toEqual([NEW]);
    expect(readFileSync(join(dir, OLD), "utf8")).toBe(before);
  });

  it("a name in one note needs no --note", () => {
    const out = json<RollJson>("roll", "--vault", TERMS, "--date", "2021-09-06", "--track", "网课");
    expect(new Set(out.changes.map((c) => c.path))).toEqual(new Set([NEW]));
    expect(out.changes).toHaveLength(4);
  });

  it.each([
    [["--track", "Leetcod"], 'no track "Leetcod"; closest: "LeetCode"'],
    [["--track", "网课", "--note", OLD], `no track "网课" in "${OLD}"`],
    [["--track", "Zzz"], 'no track "Zzz"'],
  ])("an unknown track exits 2 with the closest names: %j", (args, message) => {
    const run = cli("roll", "--vault", TERMS, "--date", "2021-09-06", ...args);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split("\n")).toEqual([`brain-queue: ${message}`]);
  });

  it("--note only applies with --track, and only to roll", () => {
    expect(cli("roll", "--vault", TERMS, "--note", NEW).stderr).toContain("--note only applies with --track");
    expect(cli("today", "--vault", TERMS, "--note", NEW).stderr).toContain("--note only applies to roll");
  });

  it("today's tracks carry their note's path", () => {
    const out = json<TodayJson>("today", "--vault", TERMS, "--date", "2021-09-06");
    // Both plans have a queue block; this term's, with more planned from the day on, is the one in use.
    expect(out.tracks.map((t) => [t.name, t.path, t.state])).toEqual([["LeetCode", NEW, "active"], ["网课", NEW, "active"]]);
  });
});

describe("cli and archived plans", () => {
  const OLD = "Plans/2020 秋季计划.md";

  it("an archived note (frontmatter or archive folder) is in no answer of any command", () => {
    const settings = join(copyOf(EMPTY), "settings.json");
    writeFileSync(settings, JSON.stringify({ archiveFolders: ["Plans/2020 秋季计划.md"] }));
    let dir = "";
    for (const extra of [["--settings", settings], []]) {
      dir = copyOf(TERMS);
      // Archived by its frontmatter, or (with the settings) by being in an archive folder.
      if (extra.length === 0) writeFileSync(join(dir, OLD), `---\nbrain-queue: archived\n---\n${readFileSync(join(dir, OLD), "utf8")}`);
      const before = readFileSync(join(dir, OLD), "utf8");
      for (const command of ["scan", "today", "deadlines", "roll"]) {
        const run = cli(command, "--vault", dir, "--date", "2021-09-06", "--json", ...extra);
        expect(run.code).toBe(0);
        expect(run.stdout).not.toContain("2020 秋季计划");
      }
      const rolled = json<RollJson>("roll", "--vault", dir, "--date", "2021-09-06", "--write", ...extra);
      expect(rolled.changes.length).toBeGreaterThan(0);
      expect(readFileSync(join(dir, OLD), "utf8")).toBe(before);
    }
    // With the only other LeetCode archived, the name needs no --note.
    const one = json<RollJson>("roll", "--vault", TERMS, "--date", "2021-09-06", "--track", "操作系统");
    expect(one.changes.every((c) => c.path === OLD)).toBe(true);
    const run = cli("roll", "--vault", dir, "--date", "2021-09-06", "--track", "操作系统");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no track "操作系统"');
  });
});

describe("cli errors", () => {
  it.each([
    [["scan"], "--vault"],
    [["scan", "--vault", join(ROOT, "no/such/folder")], "not found"],
    [["scan", "--vault", join(PLANNER, "Plan.md")], "not a folder"],
    [["frobnicate", "--vault", PLANNER], "unknown command"],
    [["today", "--vault", PLANNER, "--date", "2021-02-30"], "--date"],
    [["today", "--vault", PLANNER, "--date", "tomorrow"], "--date"],
    [["roll", "--vault", PLANNER, "--mode", "sideways"], "--mode"],
    [["scan", "--vault", PLANNER, "--write"], "--write"],
    [["scan", "--vault", PLANNER, "--colour"], "unknown option"],
    [["scan", "--vault", PLANNER, "--settings", join(ROOT, "nope.json")], "settings"],
    [[], "missing command"],
  ])("%j → exit 2 with one line", (args, message) => {
    const run = cli(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(message);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("a vault with no notes is fine", () => {
    expect(json<ScanJson>("scan", "--vault", EMPTY)).toEqual({ items: [], problems: [] });
  });
});

describe("cli storage", () => {
  /** Every entry under `dir` (dot-folders too) with its size and modification time. */
  const tree = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, encoding: "utf8" }).sort().map((name) => {
      const stat = statSync(join(dir, name));
      return `${name} ${stat.size} ${stat.mtimeMs}`;
    });

  it("keeps no cache: reading commands leave the folder exactly as it was", () => {
    const dir = copyOf(TERM);
    const before = tree(dir);
    for (const command of ["scan", "today", "deadlines", "roll"]) expect(cli(command, "--vault", dir, "--date", "2021-04-14").code).toBe(0);
    expect(tree(dir)).toEqual(before);
  });
});
