// The CLI and the sidebar share the core: on a note in other people's shapes, `today` and `roll` agree
// with buildToday on what is overdue and what text an item shows.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/core/base/settings";
import { buildToday } from "../../src/core/planner/today";
import { VaultIndex } from "../../src/core/index/vaultIndex";
import { cliJson, ROOT, useBuiltCli } from "./cliRun";

const NOTE = join(ROOT, "tests/fixtures/notes/others.md");
const DAY = "2025-07-08";
let vault = "";

useBuiltCli();

beforeAll(() => {
  vault = mkdtempSync(join(tmpdir(), "bq-others-"));
  copyFileSync(NOTE, join(vault, "others.md"));
}, 60_000);

afterAll(() => rmSync(vault, { recursive: true, force: true }));

type Where = { path: string; line: number; text: string; status: string };

describe("the CLI on other people's shapes", () => {
  it("lists the overdue items the sidebar lists, with the same text, and rolls or skips each of them", () => {
    const index = new VaultIndex();
    index.update("others.md", readFileSync(NOTE, "utf8"));
    const model = buildToday(index, DAY, new Date(2025, 6, 8, 9), structuredClone(DEFAULT_SETTINGS));
    const sidebar = model.overdue.flatMap((g) => g.items).map((i) => `${i.line} ${i.text}`).sort();
    const today = cliJson<{ overdue: Where[] }>("today", "--vault", vault, "--date", DAY);
    expect(today.overdue.map((i) => `${i.line} ${i.text}`).sort()).toEqual(sidebar);
    expect(today.overdue.some((i) => i.status === "-")).toBe(false);
    expect(sidebar).toEqual(expect.arrayContaining(["16 整理 git 基本操作 和分支模型", "36 Lecture 4", "37 Lab 2"]));
    const roll = cliJson<{ changes: Where[]; skipped: Where[] }>("roll", "--vault", vault, "--date", DAY);
    const handled = [...roll.changes, ...roll.skipped].map((i) => i.line);
    for (const item of today.overdue) expect(handled).toContain(item.line);
  });
});
