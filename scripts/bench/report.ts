// Budgets, the per-size table and the JSON shape.
import { round } from "./timing";

export interface SizeResult {
  notes: number;
  vaultMB: number;
  items: number;
  datedLines: number;
  runs: number;
  floorMs: number;
  /** The plugin's cold start: this thread reads and parses, and so do the parse workers (started once, warm). */
  coldMs: number;
  /** The same with workers started inside each run: their code not yet compiled, as at a start of the plugin. */
  coldFreshWorkersMs: number;
  /** The same index built on one thread (the plugin where workers are unavailable). */
  coldOneThreadMs: number;
  /** Notes whose records came from the workers in the last cold run (the rest were parsed on the reading thread). */
  coldOnWorkers: number;
  /** Parse workers beside the reading thread (one per core beyond it, as in the plugin). */
  parseWorkers: number;
  naiveMs: number;
  naiveMethod: string;
  /** IndexCacheStore.read + restore (checksums) + stat check; the store on fake-indexeddb (memory, no disk). */
  warmMs: number;
  /** The part of warmMs that reads the record (open, transaction, structured clone of the bytes). */
  warmReadMs: number;
  /** The same read in real Chromium from its profile on disk: the first after a browser start, then the median. */
  warmReadChromiumFirstMs: number;
  warmReadChromiumMs: number;
  /** warmMs with Chromium's first read in place of fake-indexeddb's, over floorMs (reported, no budget). */
  warmChromiumOverFloor: number;
  reindexP50Ms: number;
  reindexP95Ms: number;
  /** The same p95 in CPU time: what the edit costs when no other process competes for the cores. */
  reindexP95CpuMs: number;
  reindex1MBP50Ms: number;
  reindex1MBP95Ms: number;
  /** A keystroke in 1 MB notes of extreme shapes (scripts/bench/deepNotes.ts, 8,000 deep): the worst shape's p95. */
  reindexAnyShape1MBP95Ms: number;
  reindexAnyShapeWorst: string;
  todayMs: number;
  todayCachedMs: number;
  /** The first sidebar model on an index just restored from the cache (no budget: reported for honesty). */
  firstTodayAfterWarmMs: number;
  /** Every track's pace and forecast on the warm index: the first answer, and after an edit (issue 20). */
  statsFirstMs: number;
  statsMs: number;
  /** A year of daily ticks from a history file, parsed and merged (issue 20). */
  historyLoadMs: number;
  renderMs: number;
  renderDomFloorMs: number;
  /** The same render in real Chromium (NaN when no Chromium was found). */
  renderChromiumMs: number;
  renderer: string;
  longestTaskMs: number;
  longestSliceMs: number;
  batchedColdMs: number;
  heapMB: number;
  heapRecordsMB: number;
  cacheMB: number;
  /** `toCache()` in one go: what a save cost the main thread before it was stepped. */
  cacheEncodeMs: number;
  /** The stepped encode the plugin's saves run: from start to result, turns for the UI included. */
  cacheSteppedMs: number;
  /** Its longest stretch without a turn for the UI (median over runs), and how many stretches it took. */
  cacheLongestSliceMs: number;
  cacheSlices: number;
  /** Planning a roll of 20,000 overdue items and grouping its changes by note (independent of the vault). */
  rollPlanMs: number;
  /** The plan preview of a 500-item track: its note's checklist lines, the dates, the text edits (independent of the vault). */
  planPreviewMs: number;
  coldOverFloor: number;
  coldFreshWorkersOverFloor: number;
  coldOneThreadOverFloor: number;
  warmOverFloor: number;
  /** cold / floor in CPU time, steadier than the wall-time ratio on a busy machine. */
  coldOverFloorCpu: number;
  checkedNotes: number;
  checkedItems: number;
  mismatches: { path: string; onlyIndex: number[]; onlyNaive: number[]; examples: string[] }[];
}

export interface BudgetCheck { size: number; name: string; value: number; limit: string; pass: boolean }

/** A keystroke in a 1 MB note of any shape (deepReindexLatency). */
export const ANY_SHAPE_BUDGET_MS = 50;

type Rule = { name: string; metric: keyof SizeResult; max: number; appliesTo: (size: number) => boolean; note?: string };

const RULES: Rule[] = [
  { name: "coldOverFloor", metric: "coldOverFloor", max: 2, appliesTo: (n) => n >= 10_000 },
  { name: "warmOverFloor", metric: "warmOverFloor", max: 0.5, appliesTo: () => true },
  { name: "reindexP95Ms (25 KB note)", metric: "reindexP95Ms", max: 5, appliesTo: () => true },
  { name: "reindexAnyShape1MBP95Ms (1 MB note of any shape, 8,000-deep nesting included)", metric: "reindexAnyShape1MBP95Ms", max: ANY_SHAPE_BUDGET_MS, appliesTo: () => true },
  { name: "todayMs", metric: "todayMs", max: 20, appliesTo: () => true },
  { name: "statsMs (every track's pace, after an edit)", metric: "statsMs", max: 50, appliesTo: () => true },
  { name: "history load (a year of daily ticks)", metric: "historyLoadMs", max: 20, appliesTo: () => true },
  { name: "renderMs (500 items)", metric: "renderMs", max: 30, appliesTo: () => true },
  { name: "longestTaskMs", metric: "longestTaskMs", max: 50, appliesTo: () => true },
  { name: "heapMB", metric: "heapMB", max: 150, appliesTo: (n) => n >= 50_000 },
  { name: "plan and group a 20k-item roll (ms)", metric: "rollPlanMs", max: 500, appliesTo: () => true },
  { name: "plan preview of a 500-item track (ms)", metric: "planPreviewMs", max: 20, appliesTo: () => true },
];

export function checkBudgets(size: number, result: SizeResult): BudgetCheck[] {
  const checks: BudgetCheck[] = RULES.filter((rule) => rule.appliesTo(size)).map((rule) => {
    const value = result[rule.metric] as number;
    return { size, name: rule.name, value: round(value), limit: `≤ ${rule.max}`, pass: value <= rule.max };
  });
  checks.push({ size, name: "cold = naive (same items)", value: result.mismatches.length, limit: "0 mismatching notes", pass: result.mismatches.length === 0 });
  return checks;
}

const ROWS: [string, keyof SizeResult, string][] = [
  ["floor (read + line regex)", "floorMs", "ms"],
  ["cold (read + full index, with parse workers)", "coldMs", "ms"],
  ["  notes of it parsed on the workers", "coldOnWorkers", ""],
  ["  same, workers started within the run", "coldFreshWorkersMs", "ms"],
  ["  same, one thread (no workers)", "coldOneThreadMs", "ms"],
  ["naive (mdast + GFM tasks)", "naiveMs", "ms"],
  ["warm (IndexedDB read + restore + stat check)", "warmMs", "ms"],
  ["  of it the IndexedDB read (fake-indexeddb, in memory)", "warmReadMs", "ms"],
  ["  the same read in Chromium, first after a browser start (from disk)", "warmReadChromiumFirstMs", "ms"],
  ["  the same read in Chromium, the next reads (median)", "warmReadChromiumMs", "ms"],
  ["reindex 25 KB p50", "reindexP50Ms", "ms"],
  ["reindex 25 KB p95", "reindexP95Ms", "ms"],
  ["reindex 25 KB p95, CPU time", "reindexP95CpuMs", "ms"],
  ["reindex 1 MB p50", "reindex1MBP50Ms", "ms"],
  ["reindex 1 MB p95", "reindex1MBP95Ms", "ms"],
  ["reindex 1 MB of any shape, worst shape's p95", "reindexAnyShape1MBP95Ms", "ms"],
  ["today after an edit (model + active tracks' forecasts)", "todayMs", "ms"],
  ["today, nothing changed", "todayCachedMs", "ms"],
  ["first today after a warm start", "firstTodayAfterWarmMs", "ms"],
  ["stats, first answer", "statsFirstMs", "ms"],
  ["stats after an edit", "statsMs", "ms"],
  ["history: a year of daily ticks loaded", "historyLoadMs", "ms"],
  ["render 500 items", "renderMs", "ms"],
  ["  same number of bare elements", "renderDomFloorMs", "ms"],
  ["  same render in Chromium (+ layout)", "renderChromiumMs", "ms"],
  ["longest task (batched cold)", "longestTaskMs", "ms"],
  ["batched cold start total", "batchedColdMs", "ms"],
  ["heap + ArrayBuffers (index + day lookups)", "heapMB", "MB"],
  ["heap + ArrayBuffers (records only)", "heapRecordsMB", "MB"],
  ["cache record", "cacheMB", "MB"],
  ["cache encode in one go", "cacheEncodeMs", "ms"],
  ["cache encode in slices, total", "cacheSteppedMs", "ms"],
  ["cache encode in slices, longest slice", "cacheLongestSliceMs", "ms"],
  ["cache encode in slices, slices", "cacheSlices", ""],
  ["plan and group a 20k-item roll", "rollPlanMs", "ms"],
  ["plan preview of a 500-item track", "planPreviewMs", "ms"],
  ["cold / floor", "coldOverFloor", "×"],
  ["cold / floor, CPU time of all threads", "coldOverFloorCpu", "×"],
  ["cold, workers started within / floor", "coldFreshWorkersOverFloor", "×"],
  ["cold on one thread / floor", "coldOneThreadOverFloor", "×"],
  ["warm / floor", "warmOverFloor", "×"],
  ["warm with Chromium's first read instead / floor", "warmChromiumOverFloor", "×"],
];

export function formatTable(size: number, result: SizeResult, checks: BudgetCheck[]): string {
  const lines = [
    `\n## ${size.toLocaleString("en-US")} notes — ${round(result.vaultMB, 1)} MB, ${result.items.toLocaleString("en-US")} items, ` +
      `${result.datedLines.toLocaleString("en-US")} dated-looking lines`,
    "",
    "| measure | value |",
    "| --- | ---: |",
  ];
  for (const [label, key, unit] of ROWS) lines.push(`| ${label} | ${round(result[key] as number)} ${unit} |`);
  lines.push("", `floor, cold, warm: median of ${result.runs} runs; cold: one reading thread + ${result.parseWorkers} parse worker(s), started once and warmed by a discarded run like this thread; reindex: 300 samples (25 KB), 30 (1 MB), 10 per shape (any shape; worst: ${result.reindexAnyShapeWorst})`, `naive: ${result.naiveMethod}`, `render: ${result.renderer}`,
    `checked: ${result.checkedNotes} notes, ${result.checkedItems} items against the CommonMark reference`, "");
  for (const check of checks) lines.push(`${check.pass ? "PASS" : "FAIL"}  ${check.name} = ${check.value} (budget ${check.limit})`);
  for (const m of result.mismatches.slice(0, 10)) {
    lines.push(`  mismatch ${m.path}: only in index ${JSON.stringify(m.onlyIndex.slice(0, 8))}, only in reference ${JSON.stringify(m.onlyNaive.slice(0, 8))}`);
    for (const example of m.examples) lines.push(`    ${example}`);
  }
  return lines.join("\n");
}
