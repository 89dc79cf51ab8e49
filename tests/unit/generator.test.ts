// The benchmark's vault generator: deterministic, and the shapes it promises are really there.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REINDEX_NOTE, generateNote, planVault, utf8Length } from "../../scripts/bench/generator";
import { createRng, hashSeed } from "../../scripts/bench/prng";
import { ensureVault } from "../../scripts/bench/vault";

const SEED = 20260310;
const specs = planVault(SEED, 2_000);
const planners = specs.filter((s) => s.kind === "planner").slice(0, 80);
const proses = specs.filter((s) => s.kind === "prose").slice(0, 120);
const plannerText = planners.map((s) => generateNote(SEED, s)).join("\n");

describe("prng", () => {
  it("repeats a stream for a seed and differs between seeds", () => {
    const draw = (seed: number): number[] => { const rng = createRng(seed); return Array.from({ length: 8 }, () => rng.next()); };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    expect(hashSeed(1, "a")).toBe(hashSeed(1, "a"));
    expect(hashSeed(1, "a")).not.toBe(hashSeed("1a"));
  });

  it("keeps int() within its bounds", () => {
    const rng = createRng(5);
    for (let i = 0; i < 1000; i++) {
      const n = rng.int(3, 7);
      expect(n >= 3 && n <= 7 && Number.isInteger(n)).toBe(true);
    }
  });
});

describe("planVault / generateNote", () => {
  it("is deterministic for a seed and changes with the seed", () => {
    expect(planVault(SEED, 300)).toEqual(planVault(SEED, 300));
    const spec = planners[0];
    expect(generateNote(SEED, spec)).toBe(generateNote(SEED, spec));
    expect(generateNote(SEED + 1, spec)).not.toBe(generateNote(SEED, spec));
  });

  it("has the promised mix, sizes and special notes", () => {
    expect(specs).toHaveLength(2_000);
    expect(new Set(specs.map((s) => s.path)).size).toBe(2_000);
    const share = specs.filter((s) => s.kind === "planner").length / specs.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.35);
    expect(specs[0].path).toBe(REINDEX_NOTE);
    expect(specs.filter((s) => s.kind === "big")).toHaveLength(1);
    expect(planVault(SEED, 10_000).filter((s) => s.kind === "big")).toHaveLength(3);
    for (const spec of proses.slice(0, 40)) {
      const bytes = utf8Length(generateNote(SEED, spec));
      expect(bytes).toBeGreaterThanOrEqual(2 * 1024);
      expect(bytes).toBeLessThan(9 * 1024);
    }
    for (const spec of planners.slice(0, 40)) {
      const bytes = utf8Length(generateNote(SEED, spec));
      expect(bytes).toBeGreaterThanOrEqual(5 * 1024);
      expect(bytes).toBeLessThan(32 * 1024);
    }
    const reindex = utf8Length(generateNote(SEED, specs[0]));
    expect(reindex).toBeGreaterThanOrEqual(25 * 1024);
    expect(reindex).toBeLessThan(30 * 1024);
  });

  it("writes a 1 MB note", () => {
    const big = specs.find((s) => s.kind === "big")!;
    const text = generateNote(SEED, big);
    expect(utf8Length(text)).toBeGreaterThanOrEqual(1024 * 1024);
    expect(text).toMatch(/^- \[.\] /m);
  });

  it.each([
    ["date first", /^- \[.\] \d{4}\/\d{1,2}\/\d{1,2} {4}\S/m],
    ["date last after tabs", /^- \[.\] \S.*\t\t\d{4}[/.-]\d{1,2}[/.-]\d{1,2}$/m],
    ["date last after U+3000", /^- \[.\] \S.*[^\u3000]\u3000\d{4}/m],
    ["date glued to CJK text", /^- \[.\] .*[\u4e00-\u9fff]\d{4}[/.-]\d{1,2}[/.-]\d{1,2}$/m],
    ["年月日", /^- \[.\] \d{4}年\d{1,2}月\d{1,2}日/m],
    ["dot separator", /^- \[.\] \d{4}\.\d{1,2}\.\d{1,2}/m],
    ["mixed padding", /\d{4}\/[1-9]\/0\d/],
    ["dash range", / - \d{4}/],
    ["tilde range", /\d ?[~～] ?\d{4}/],
    ["至 range", /\d 至 \d{4}/],
    ["en dash range", /\d – \d{4}/],
    ["Tasks due", /📅 \d{4}-\d{2}-\d{2}/],
    ["Tasks scheduled", /⏳ \d{4}-\d{2}-\d{2}/],
    ["Dataview due", /\[due:: \d{4}-\d{2}-\d{2}\]/],
    ["empty slot", /^- \[ \] \d{4}[/.-]\d{1,2}[/.-]\d{1,2} *$/m],
    ["undated subtask under a dated item", /^- \[.\] .*\d{4}.*\n(?: {2}|\t| {4})- \[.\] [^\d\n]*$/m],
    ["callout with items", /^> \[!todo\].*\n> - \[.\] /m],
    ["bold chapter line", /^\*\*第\d+章\u3000.+\*\*$/m],
    ["bold H2 track", /^## \*\*.+\*\*$/m],
    ["undated sibling checklist", /^- \[ \] [^\d\n]+$/m],
    ["other status characters", /^[-*+] \[[-/>]\] /m],
    ["ordered checklist", /^\d+[.)] \[.\] \d{4}/m],
    ["queue block", /(最大进程数为：\d|Active tracks \(limit \d\):)/],
  ])("planner notes contain %s", (_name, pattern) => {
    expect(plannerText).toMatch(pattern);
  });

  it("sometimes uses CRLF and a BOM", () => {
    const texts = specs.slice(0, 600).filter((s) => s.kind === "prose").map((s) => generateNote(SEED, s));
    expect(texts.some((t) => t.includes("\r\n"))).toBe(true);
    expect(texts.some((t) => t.startsWith("\uFEFF"))).toBe(true);
  });
});

describe("ensureVault", () => {
  const root = mkdtempSync(join(tmpdir(), "bq-gen-test-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("writes the files once and reuses them while the marker matches", () => {
    const first = ensureVault(SEED, 25, root);
    expect(first.reused).toBe(false);
    expect(first.files).toHaveLength(25);
    const sample = first.files[5];
    expect(readFileSync(join(first.dir, sample.path), "utf8")).toBe(generateNote(SEED, planVault(SEED, 25)[5]));
    const again = ensureVault(SEED, 25, root);
    expect(again.reused).toBe(true);
    expect(again.files).toEqual(first.files);
    expect(again.bytes).toBe(first.bytes);
  });

  it("regenerates when the marker does not match", () => {
    const vault = ensureVault(SEED, 12, root);
    writeFileSync(join(vault.dir, ".bench-vault.json"), JSON.stringify({ version: -1, seed: SEED, size: 12, files: [] }));
    expect(ensureVault(SEED, 12, root).reused).toBe(false);
  });
});
