// `cli stats`: per-track pace and forecast, and completions per day, over a vault the test writes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, useBuiltCli } from "./cliRun";

const DAY = "2021-04-10";

interface StatsJson {
  date: string;
  tracks: { track: string; path: string; total: number; done: number; remaining: number; pace: number; plannedEnd: string | null; projectedEnd: string | null; slipDays: number | null }[];
  days: { date: string; done: number }[];
}

// A term planner in the shapes a real one has, and a Tasks-format reading list with ✅ marks.
const PLANNER = [
  "# TIME",
  "",
  "- [x] 2021/3/01    第1周星期一 开课",
  "- [-] 2021/3/20    取消的讲座",
  "",
  "## CUDA C编程权威指南",
  "",
  "**第1章　异构并行计算**",
  "",
  "- [x] 1.1　并行计算		2021/3/22",
  "- [x] 1.2　异构计算		2021/3/28",
  "- [x] 2.1　CUDA编程模型	2021/4/02",
  "- [ ] 2.3　组织并行线程	2021/4/11",
  "- [ ] 2.4　设备管理      2021/4/12",
  "- [ ] 2021/04/14    ",
  "- [ ] 3.1　CUDA执行模型概述	2021/4/13 - 2021/4/20",
  "",
  "## 深度学习工程师",
  "",
  "- [ ] 2021/4/15    第一周 深度学习概论",
  "",
].join("\n");

const READING = [
  "## CUDA C编程权威指南",
  "",
  "- [x] Read chapter 3 📅 2021-04-09 ✅ 2021-04-09",
  "- [x] Read chapter 4 📅 2021-04-12 ✅ 2021-04-09",
  "- [x] Read chapter 5 📅 2021-04-20 ✅ 2021-04-10",
  "",
].join("\n");

let vault: string;

useBuiltCli();

beforeAll(() => {
  vault = mkdtempSync(join(tmpdir(), "bq-stats-"));
  writeFileSync(join(vault, "2021 学期计划.md"), PLANNER);
  mkdirSync(join(vault, "Reading"));
  writeFileSync(join(vault, "Reading", "CUDA.md"), READING);
}, 60_000);

afterAll(() => {
  rmSync(vault, { recursive: true, force: true });
});

describe("cli stats", () => {
  it("prints each track with a dated item, by note then heading, in the documented JSON shape", () => {
    const run = cli("stats", "--vault", vault, "--date", DAY, "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as StatsJson;
    expect(Object.keys(out)).toEqual(["date", "tracks", "days"]);
    expect(out.date).toBe(DAY);
    expect(out.tracks).toEqual([
      // 开课 done on its day (before the window); the cancelled lecture counts nowhere.
      { track: "TIME", path: "2021 学期计划.md", total: 1, done: 1, remaining: 0, pace: 0, plannedEnd: "2021-03-01", projectedEnd: "2021-03-01", slipDays: 0 },
      // 1.2 and 2.1 in the window (2021-03-28 … 04-10): 14 × 3 / 2 = 21 days → 04-30; the range ends 04-20; the empty slot is left out.
      { track: "CUDA C编程权威指南", path: "2021 学期计划.md", total: 6, done: 3, remaining: 3, pace: 0.143, plannedEnd: "2021-04-20", projectedEnd: "2021-04-30", slipDays: 10 },
      { track: "深度学习工程师", path: "2021 学期计划.md", total: 1, done: 0, remaining: 1, pace: 0, plannedEnd: "2021-04-15", projectedEnd: null, slipDays: null },
      // Same heading in another note: a track of its own. All done: the last ✅ day, 10 days before plan.
      { track: "CUDA C编程权威指南", path: "Reading/CUDA.md", total: 3, done: 3, remaining: 0, pace: 0.214, plannedEnd: "2021-04-20", projectedEnd: "2021-04-10", slipDays: -10 },
    ]);
    expect(out.days).toHaveLength(182);
    expect(out.days[0]).toEqual({ date: "2020-10-11", done: 0 });
    expect(out.days.at(-1)).toEqual({ date: DAY, done: 1 });
    expect(out.days.filter((d) => d.done > 0)).toEqual([
      { date: "2021-03-01", done: 1 }, { date: "2021-03-22", done: 1 }, { date: "2021-03-28", done: 1 },
      { date: "2021-04-02", done: 1 }, { date: "2021-04-09", done: 2 }, { date: "2021-04-10", done: 1 },
    ]);
  });

  it("prints a readable table by default", () => {
    const run = cli("stats", "--vault", vault, "--date", DAY);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe(`${DAY} · 4 tracks · 5 done in the last 14 days`);
    expect(lines.find((l) => l.includes("深度学习工程师"))).toMatch(/0\/1\s+0\.00\s+2021-04-15\s+no pace yet$/u);
    expect(lines.find((l) => l.includes("Reading/CUDA.md"))).toMatch(/3\/3\s+0\.21\s+2021-04-20\s+2021-04-10\s+-10 d$/u);
  });

  it("reads the plugin's completion history with --history: a recorded day wins over the item's date", () => {
    // The plugin's folder in the vault's config folder (a dot-folder: never read as notes).
    const folder = join(vault, ".config", "plugins", "brain-queue");
    mkdirSync(folder, { recursive: true });
    const line = (seq: number, at: number, text: string, day: string | null): string => `${JSON.stringify({ seq, at, path: "2021 学期计划.md", text, n: 0, day })}\n`;
    // 1.1 (planned 03-22) was ticked late, on 04-08, on the laptop; the phone's file ends in a torn line.
    writeFileSync(join(folder, "history-laptop.jsonl"), line(0, 1, "1.1　并行计算", "2021-04-08"));
    writeFileSync(join(folder, "history-phone.jsonl"), `${line(0, 2, "深度学习概论", "2021-04-09")}{"seq":1,"at":3,"pa`);
    writeFileSync(join(folder, "history-notes.txt"), line(0, 4, "1.2　异构计算", "2021-04-10"));
    const run = cli("stats", "--vault", vault, "--date", DAY, "--json", "--history", folder);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as StatsJson;
    // Now 3 done in the window: 14 × 3 / 3 = 14 days → 04-23, 3 days after the plan.
    expect(out.tracks[1]).toEqual({ track: "CUDA C编程权威指南", path: "2021 学期计划.md", total: 6, done: 3, remaining: 3, pace: 0.214, plannedEnd: "2021-04-20", projectedEnd: "2021-04-23", slipDays: 3 });
    expect(out.days.find((d) => d.date === "2021-03-22")).toEqual({ date: "2021-03-22", done: 0 });
    expect(out.days.find((d) => d.date === "2021-04-08")).toEqual({ date: "2021-04-08", done: 1 });
    // Without it, the rule for items done before history began, as before.
    expect((JSON.parse(cli("stats", "--vault", vault, "--date", DAY, "--json").stdout) as StatsJson).tracks[1].projectedEnd).toBe("2021-04-30");
  });

  it("refuses --history for other commands, and a folder that is not there", () => {
    expect(cli("today", "--vault", vault, "--history", vault)).toMatchObject({ code: 2, stderr: expect.stringContaining("--history only applies to stats") as string });
    const missing = cli("stats", "--vault", vault, "--history", join(vault, "nowhere"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read history folder");
    expect(missing.stderr).toContain("no such folder");
  });

  it("refuses roll's options", () => {
    const run = cli("stats", "--vault", vault, "--track", "TIME");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--track only applies to roll");
  });
});
