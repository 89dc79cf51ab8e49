// `npm run bench [-- --sizes 1000,10000] [--json] [--seed N] [--runs N]`: generates (or reuses) the
// synthetic vaults, measures each in this one process, prints a table per size and writes the JSON.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import process, { memoryUsage } from "node:process";
import { resolve } from "node:path";
import { REINDEX_NOTE } from "./generator";
import { openVault, projectRoot } from "./context";
import { chromiumIdbRead } from "./chromiumIdb";
import { cacheWrite } from "./cacheWrite";
import { naiveAndCheck } from "./correctness";
import { DEEP_DEPTH, deepReindexLatency, firstTodayAfterWarm, reindexLatency, historyLoadLatency, statsLatency, todayLatency, warmQueries } from "./latency";
import { longestTask } from "./longest";
import { buildMeasuringHeap, floorAndCold, warmStart, type FloorAndCold } from "./measure";
import { chromiumRenderMs } from "./chromiumRender";
import { modelWithItems, renderLatency } from "./render";
import { planPreviewLatency } from "./planPreview";
import { rollPlanLatency } from "./rollPlan";
import { ANY_SHAPE_BUDGET_MS, checkBudgets, formatTable, type BudgetCheck, type SizeResult } from "./report";
import { collectGarbage, round } from "./timing";
import { parseWorkerCount } from "../../src/core/storage";
import { VaultIndex } from "../../src/core/index";
import { ensureVault } from "./vault";

interface Args { sizes: number[]; json: boolean; seed: number; runs: number; anyShapeOnly: boolean }

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [1_000, 10_000, 50_000], json: false, seed: 20260310, runs: 5, anyShapeOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) usage(`${flag} needs a value`);
      return next;
    };
    if (flag === "--json") args.json = true;
    else if (flag === "--any-shape-only") args.anyShapeOnly = true;
    else if (flag === "--sizes") args.sizes = value().split(",").map((s) => Number(s.replace(/[_k]/g, (c) => (c === "k" ? "000" : ""))));
    else if (flag === "--seed") args.seed = Number(value());
    else if (flag === "--runs") args.runs = Number(value());
    else usage(`unknown argument ${flag}`);
  }
  if (args.sizes.some((n) => !Number.isInteger(n) || n < 10)) usage("--sizes takes note counts like 1000,10000");
  if (!Number.isInteger(args.seed) || !Number.isInteger(args.runs) || args.runs < 1) usage("--seed and --runs take integers");
  return args;
}

function usage(message: string): never {
  process.stderr.write(`bench: ${message}\nusage: npm run bench -- [--sizes 1000,10000,50000] [--json] [--seed N] [--runs N] [--any-shape-only]\n`);
  process.exit(2);
}

const log = (message: string): void => { process.stderr.write(`${message}\n`); };
const out = (message: string): void => { process.stdout.write(`${message}\n`); };

/** A size's vault and its floor and cold figures, measured before anything else of any size (see main). */
interface FirstPass { vault: ReturnType<typeof ensureVault>; bench: ReturnType<typeof openVault>; figures: FloorAndCold }

async function floorAndColdOf(size: number, args: Args): Promise<FirstPass> {
  const started = performance.now();
  const vault = ensureVault(args.seed, size);
  const bench = openVault(vault);
  log(`  ${vault.reused ? "reused" : "generated"} ${vault.dir}`);
  collectGarbage();
  log(`  heap in use: ${round(memoryUsage().heapUsed / 2 ** 20, 1)} MB`);
  const figures = await floorAndCold(bench, args.runs);
  log(`  floor and cold (${round((performance.now() - started) / 1000, 1)} s)`);
  return { vault, bench, figures };
}

async function measureSize(size: number, args: Args, first: FirstPass): Promise<SizeResult> {
  let started = performance.now();
  const step = (label: string): void => {
    log(`  ${label} (${round((performance.now() - started) / 1000, 1)} s)`);
    started = performance.now();
  };
  const { vault, bench } = first;
  const { floorMs, coldMs, coldFreshWorkersMs, coldOneThreadMs, floorCpuMs, coldCpuMs, datedLines, runs, onWorkers } = first.figures;
  const { index, heapMB, recordsMB } = await buildMeasuringHeap(bench, warmQueries);
  step("heap");
  const naive = naiveAndCheck(bench, index, Math.min(2, args.runs));
  step("naive and correctness");
  const warm = await warmStart(bench, index, runs);
  if (warm.stale > 0) throw new Error(`warm start found ${warm.stale} stale notes though nothing changed`);
  const firstTodayMs = await firstTodayAfterWarm(warm.store);
  const cacheBytes = await warm.store.read();
  await warm.store.clear();
  // A comparison only: a failure here is reported, not fatal.
  const idbChromium = cacheBytes ? await chromiumIdbRead(cacheBytes, runs).catch((error: unknown) => {
    log(`  Chromium IndexedDB read failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    return null;
  }) : null;
  step("warm");
  const reindex = reindexLatency(bench, index, REINDEX_NOTE, 300);
  const big = bench.files.find((f) => f.kind === "big")!;
  const reindexBig = reindexLatency(bench, index, big.path, 30, 3);
  const reindexDeep = deepReindexLatency(index, 10);
  step("reindex");
  const today = todayLatency(bench, index, REINDEX_NOTE, Math.max(7, args.runs));
  step("today");
  const stats = statsLatency(bench, index, REINDEX_NOTE, Math.max(7, args.runs));
  const history = historyLoadLatency(Math.max(7, args.runs));
  step("stats");
  const renderModel = modelWithItems(today.model, index.items(), 500);
  const render = renderLatency(renderModel, args.runs);
  // A comparison only: a failure here is reported, not fatal.
  const renderChromium = await chromiumRenderMs(renderModel, args.runs).catch((error: unknown) => {
    log(`  Chromium render failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    return null;
  });
  step("render");
  const longest = await longestTask(bench);
  step("longest task");
  const write = await cacheWrite(index, Math.min(3, runs));
  step("cache write");
  const roll = rollPlanLatency(runs);
  step("roll plan");
  const planPreview = planPreviewLatency(runs);
  step("plan preview");
  return {
    runs, notes: size, vaultMB: vault.bytes / (1024 * 1024), items: index.items().length, datedLines,
    floorMs, coldMs, coldFreshWorkersMs, coldOneThreadMs, coldOnWorkers: onWorkers, parseWorkers: parseWorkerCount(cpus().length), naiveMs: naive.naiveMs, naiveMethod: naive.method, warmMs: warm.warmMs, warmReadMs: warm.warmReadMs,
    warmReadChromiumFirstMs: idbChromium?.firstMs ?? NaN, warmReadChromiumMs: idbChromium?.medianMs ?? NaN,
    reindexP50Ms: reindex.p50, reindexP95Ms: reindex.p95, reindexP95CpuMs: reindex.p95Cpu, reindex1MBP50Ms: reindexBig.p50, reindex1MBP95Ms: reindexBig.p95,
    reindexAnyShape1MBP95Ms: reindexDeep.worstP95, reindexAnyShapeWorst: reindexDeep.worstShape,
    todayMs: today.todayMs, todayCachedMs: today.todayCachedMs, firstTodayAfterWarmMs: firstTodayMs,
    statsFirstMs: stats.statsFirstMs, statsMs: stats.statsMs, historyLoadMs: history.historyLoadMs,
    renderMs: render.renderMs, renderDomFloorMs: render.floorMs, renderChromiumMs: renderChromium ?? NaN, renderer: `renderToday (src/obsidian/todayRender.ts) in happy-dom, ${render.nodes} elements`,
    longestTaskMs: longest.longestTaskMs, longestSliceMs: longest.longestSliceMs, batchedColdMs: longest.totalMs,
    heapMB, heapRecordsMB: recordsMB, cacheMB: warm.cacheMB,
    cacheEncodeMs: write.oneGoMs, cacheSteppedMs: write.steppedMs, cacheLongestSliceMs: write.longestSliceMs, cacheSlices: write.slices,
    rollPlanMs: roll.ms, planPreviewMs: planPreview.ms,
    coldOverFloor: coldMs / floorMs, coldFreshWorkersOverFloor: coldFreshWorkersMs / floorMs, coldOneThreadOverFloor: coldOneThreadMs / floorMs, warmOverFloor: warm.warmMs / floorMs,
    warmChromiumOverFloor: (warm.warmMs - warm.warmReadMs + (idbChromium?.firstMs ?? NaN)) / floorMs, coldOverFloorCpu: coldCpuMs / floorCpuMs,
    checkedNotes: naive.checkedNotes, checkedItems: naive.checkedItems, mismatches: naive.mismatches,
  };
}

/** `--any-shape-only`: the one row for 1 MB notes of extreme shapes, on an empty index, per shape. */
function anyShapeOnly(args: Args): void {
  const result = deepReindexLatency(new VaultIndex(), 10 * args.runs);
  const pass = result.worstP95 <= ANY_SHAPE_BUDGET_MS;
  if (args.json) out(JSON.stringify({ ...result, budgetMs: ANY_SHAPE_BUDGET_MS, pass }, null, 2));
  else {
    out(`\n## re-index after a keystroke, 1 MB note of any shape (${DEEP_DEPTH.toLocaleString("en-US")}-deep nesting included)\n`);
    out("| shape | p50 (ms) | p95 (ms) | p95, CPU time (ms) |\n| --- | ---: | ---: | ---: |");
    for (const s of result.shapes) out(`| ${s.shape} | ${round(s.p50)} | ${round(s.p95)} | ${round(s.p95Cpu)} |`);
    out(`\nload average ${round(loadavg()[0])} on ${cpus().length} cores`);
    out(`${pass ? "PASS" : "FAIL"}  reindexAnyShape1MBP95Ms = ${round(result.worstP95)} (budget ≤ ${ANY_SHAPE_BUDGET_MS}; worst: ${result.worstShape})`);
  }
  process.exitCode = pass ? 0 : 1;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.anyShapeOnly) {
    anyShapeOnly(args);
    return;
  }
  const sizes: Record<string, SizeResult> = {};
  const checks: BudgetCheck[] = [];
  const tables: string[] = [];
  const began = performance.now();
  const loadAtStart = loadavg()[0];
  log(`bench: load average ${round(loadAtStart)} on ${cpus().length} cores`);
  // Floor and cold of every size first, so each is measured in the same state of this process: after the
  // other measurements (a DOM, a browser, the reference parser, a size's index) the heap is larger and
  // busier, and which size came after them would change its ratio (10k read ~0.1–0.9 higher there).
  const firsts = new Map<number, FirstPass>();
  for (const size of args.sizes) {
    log(`bench: ${size} notes, floor and cold`);
    firsts.set(size, await floorAndColdOf(size, args));
  }
  for (const size of args.sizes) {
    log(`bench: ${size} notes`);
    const result = await measureSize(size, args, firsts.get(size)!);
    const sizeChecks = checkBudgets(size, result);
    sizes[size] = roundAll(result);
    checks.push(...sizeChecks);
    const table = formatTable(size, result, sizeChecks);
    tables.push(table);
    if (!args.json) out(table);
  }
  const pass = checks.every((c) => c.pass);
  const report = {
    date: new Date().toISOString(), node: process.version, cpus: cpus().length, seed: args.seed, runs: args.runs,
    // Other processes on this 2-core machine skew the wall times; the ratios suffer least.
    loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0] },
    totalSeconds: round((performance.now() - began) / 1000, 1), sizes, budgets: checks, pass,
  };
  const dir = resolve(projectRoot(), ".build/bench");
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `bench-${report.date.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(resolve(dir, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
  if (args.json) out(JSON.stringify(report, null, 2));
  else out(`\n${pass ? "All budgets met." : `${checks.filter((c) => !c.pass).length} budget(s) missed.`} JSON: ${file}`);
  process.exitCode = pass ? 0 : 1;
}

function roundAll(result: SizeResult): SizeResult {
  const copy = { ...result } as Record<string, unknown>;
  for (const [key, value] of Object.entries(copy)) if (typeof value === "number") copy[key] = round(value, 3);
  return copy as unknown as SizeResult;
}

main().catch((error: unknown) => {
  log(error instanceof Error ? String(error.stack) : String(error));
  process.exit(3);
});
