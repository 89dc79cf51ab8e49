// The CLI's plan command end to end, and roll --mode spread: the JSON, the bytes written, exit 2 messages.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { cli, cliJson, ROOT, useBuiltCli } from "./cliRun";

const T = "\t";
const W = "\u3000";
const BOOK = [
  "# CUDA C编程权威指南",
  "",
  "## 编程指南",
  "",
  `**第1章${W}基于CUDA的异构并行计算**`,
  "",
  `- [x] 1.1${W}并行计算${T}${T}2021/3/22`,
  `- [ ] 1.2${W}异构计算`,
  `- [ ] 1.3${W}用GPU输出Hello World`,
  "  - [ ] 跑通示例",
  "",
  `**第2章${W}CUDA编程模型**`,
  "",
  `- [ ] 2.1${W}CUDA编程模型概述`,
  `- [ ] 2.2${W}给核函数计时`,
  "",
  "## 读书",
  "",
  "- [ ] 第一章",
  "",
].join("\n");
const TERM = ["## 读书", "", "- [ ] 2021/03/01  论文一", "- [ ] 2021/03/02  论文二", "", "## 考试", "", "- [ ] 2021/03/31  期末考试", ""].join("\r\n");
const OLD = ["---", "brain-queue: archived", "---", "## 旧书", "- [ ] 第一章", ""].join("\n");

interface PlanJson { start: string; end: string | null; changes: { path: string; line: number; from: string; to: string; text: string }[]; written?: string[] }

let vault = "";
const json = cliJson;
const plan = (...more: string[]): string[] => ["plan", "--vault", vault, "--track", "编程指南", "--start", "2021-03-29", ...more];
const read = (path: string): string => readFileSync(join(vault, path), "utf8");

useBuiltCli();

beforeEach(() => {
  if (vault) rmSync(vault, { recursive: true, force: true });
  vault = mkdtempSync(join(tmpdir(), "bq-plan-"));
  mkdirSync(join(vault, "Books"));
  mkdirSync(join(vault, "Plans"));
  mkdirSync(join(vault, "Old"));
  writeFileSync(join(vault, "Books/CUDA.md"), BOOK);
  writeFileSync(join(vault, "Plans/2021.md"), TERM);
  writeFileSync(join(vault, "Old/2020.md"), OLD);
});

afterAll(() => rmSync(vault, { recursive: true, force: true }));

describe("cli plan", () => {
  it("prints the plan in the documented shape, in the track's date habit, and writes nothing without --write", () => {
    const out = json<PlanJson>(...plan("--per-day", "2", "--chapter-days"));
    expect(out).toEqual({
      start: "2021-03-29",
      end: "2021-03-30",
      changes: [
        { path: "Books/CUDA.md", line: 8, from: "", to: "2021/3/29", text: `1.2${W}异构计算` },
        { path: "Books/CUDA.md", line: 9, from: "", to: "2021/3/29", text: `1.3${W}用GPU输出Hello World` },
        { path: "Books/CUDA.md", line: 14, from: "", to: "2021/3/30", text: `2.1${W}CUDA编程模型概述` },
        { path: "Books/CUDA.md", line: 15, from: "", to: "2021/3/30", text: `2.2${W}给核函数计时` },
      ],
    });
    expect(read("Books/CUDA.md")).toBe(BOOK);
  });

  it("--write changes the note exactly at the reported places", () => {
    const run = cli(...plan("--every", "2", "--weekdays", "1,2,3,4,5", "--write"));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(read("Books/CUDA.md")).toBe(BOOK
      .replace(`- [ ] 1.2${W}异构计算`, `- [ ] 1.2${W}异构计算${T}${T}2021/3/29`)
      .replace(`- [ ] 1.3${W}用GPU输出Hello World`, `- [ ] 1.3${W}用GPU输出Hello World${T}${T}2021/3/31`)
      .replace(`- [ ] 2.1${W}CUDA编程模型概述`, `- [ ] 2.1${W}CUDA编程模型概述${T}${T}2021/4/2`)
      .replace(`- [ ] 2.2${W}给核函数计时`, `- [ ] 2.2${W}给核函数计时${T}${T}2021/4/5`));
    expect(read("Plans/2021.md")).toBe(TERM);
  });

  it("an end date spreads the items evenly; skipped dates and fixed days get none", () => {
    const out = json<PlanJson>(...plan("--end", "2021-04-01", "--skip", "2021-03-30", "--skip-fixed"));
    // Study days 03-29 and 04-01 (03-30 skipped, 03-31 holds an exam): 2 items each.
    expect(out.changes.map((c) => c.to)).toEqual(["2021/3/29", "2021/3/29", "2021/4/1", "2021/4/1"]);
    expect(out.end).toBe("2021-04-01");
  });

  it("a track in two notes needs --note; with it, the plan is that note's", () => {
    const run = cli("plan", "--vault", vault, "--track", "读书", "--start", "2021-03-29", "--per-day", "1");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"Books/CUDA.md"');
    expect(run.stderr).toContain('"Plans/2021.md"');
    const out = json<PlanJson>("plan", "--vault", vault, "--track", "读书", "--note", "Plans/2021.md", "--start", "2021-03-29", "--per-day", "1", "--write");
    expect(out.changes.map((c) => [c.line, c.from, c.to])).toEqual([[3, "2021/03/01", "2021/03/29"], [4, "2021/03/02", "2021/03/30"]]);
    expect(read("Plans/2021.md")).toBe(TERM.replace("2021/03/01", "2021/03/29").replace("2021/03/02", "2021/03/30"));
  });

  it("a track with nothing unfinished is an empty plan", () => {
    writeFileSync(join(vault, "Books/CUDA.md"), BOOK.replace(/- \[ \]/gu, "- [x]"));
    expect(json<PlanJson>(...plan("--per-day", "1"))).toEqual({ start: "2021-03-29", end: null, changes: [] });
  });

  // Options after `plan --vault VAULT --track 编程指南 --start 2021-03-29` (the vault is made per test).
  it.each([
    [[], "one of --per-day N, --every N or --end YYYY-MM-DD"],
    [["--per-day", "1", "--end", "2021-04-30"], "only one of --per-day, --every and --end"],
    [["--per-day", "0"], "--per-day must be a whole number from 1"],
    [["--every", "x"], "--every must be a whole number from 1"],
    [["--end", "2021-03-20"], "the start 2021-03-29 is after the end 2021-03-20"],
    [["--end", "2021-03-29", "--chapter-days"], "2 chapters need as many study days, but 2021-03-29 to 2021-03-29 has 1: it needs 1 more day"],
    [["--per-day", "1", "--weekdays", "6,8"], "--weekdays"],
    [["--end", "2021-04-04", "--weekdays", "6,7", "--skip", "2021-04-03,2021-04-04"], "no study day from 2021-03-29 to 2021-04-04"],
    [["--per-day", "1", "--skip", "2021-02-30"], "--skip"],
  ])("plan %j → exit 2 with one line, nothing written", (more, message) => {
    const run = cli(...plan(...more));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(message);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(read("Books/CUDA.md")).toBe(BOOK);
  });

  it.each([
    [["plan", "--vault", ROOT, "--start", "2021-03-29", "--per-day", "1"], "--track"],
    [["plan", "--vault", ROOT, "--track", "编程指南", "--per-day", "1"], "--start"],
    [["roll", "--vault", ROOT, "--every", "2"], "--every only applies to plan"],
    [["roll", "--vault", ROOT, "--per-day", "2"], "--per-day only applies to plan and roll --mode spread"],
  ])("%j → exit 2 with one line", (args, message) => {
    const run = cli(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("an unknown track exits 2 with the closest names; an archived note's track is unknown", () => {
    const typo = cli("plan", "--vault", vault, "--track", "编程", "--start", "2021-03-29", "--per-day", "1");
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('"编程指南"');
    const archived = cli("plan", "--vault", vault, "--track", "旧书", "--start", "2021-03-29", "--per-day", "1");
    expect(archived.code).toBe(2);
    expect(archived.stderr).toContain("no track");
  });
});

describe("cli roll --mode spread", () => {
  it("lays the backlog at most --per-day a day", () => {
    const out = json<PlanJson & { date: string }>("roll", "--vault", vault, "--date", "2021-03-29", "--mode", "spread", "--per-day", "1", "--track", "读书", "--note", "Plans/2021.md");
    expect(out.changes.map((c) => [c.line, c.to])).toEqual([[3, "2021/03/29"], [4, "2021/03/30"]]);
  });

  it("keeps to the study weekdays and dates to skip of the plugin's data.json", () => {
    const settings = join(vault, "data.json");
    writeFileSync(settings, JSON.stringify({ settings: { studyWeekdays: [1, 2, 3, 4, 5], skipDates: ["2021-04-05"], spreadCap: 1 }, rollJournal: [] }));
    // 2021-04-02 is a Friday: the weekend is no study day and Monday the 5th is skipped.
    const out = json<PlanJson & { date: string }>("roll", "--vault", vault, "--date", "2021-04-02", "--mode", "spread", "--track", "读书", "--note", "Plans/2021.md", "--settings", settings);
    expect(out.changes.map((c) => [c.line, c.to])).toEqual([[3, "2021/04/02"], [4, "2021/04/06"]]);
  });
});
