// `naive`: a full CommonMark parse of every note. Too slow to run on 50,000 notes, so it runs on a
// deterministic sample (every k-th regular note) and is extrapolated by bytes; the 1 MB notes are
// parsed whole and added as measured. The same parses check that the index finds exactly these items.
import { readFileSync } from "node:fs";
import type { VaultIndex } from "../../src/core/index";
import type { BenchVault } from "./context";
import { REINDEX_NOTE } from "./generator";
import { naiveItemLines } from "./naive";
import { median } from "./timing";

const SAMPLE_BYTES = 1024 * 1024;

export interface Mismatch { path: string; onlyIndex: number[]; onlyNaive: number[]; examples: string[] }
export interface NaiveResult {
  naiveMs: number;
  method: string;
  checkedNotes: number;
  checkedItems: number;
  mismatches: Mismatch[];
}

/** The 1 MB notes are identical in every vault size: parse each once per process. */
const bigNoteCache = new Map<string, { lines: number[]; ms: number }>();

export function naiveAndCheck(bench: BenchVault, index: VaultIndex, runs: number): NaiveResult {
  const regular = bench.files.map((f, i) => ({ ...f, i })).filter((f) => f.kind !== "big");
  const regularBytes = regular.reduce((sum, f) => sum + f.bytes, 0);
  const step = Math.max(1, Math.ceil(regularBytes / SAMPLE_BYTES));
  const sample = regular.filter((_, k) => k % step === 0);
  const sampleBytes = sample.reduce((sum, f) => sum + f.bytes, 0);

  const times: number[] = [];
  const found = new Map<number, number[]>();
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    for (const f of sample) found.set(f.i, naiveItemLines(readFileSync(bench.abs[f.i], "utf8")));
    times.push(performance.now() - start);
  }
  let bigMs = 0;
  const bigs = bench.files.map((f, i) => ({ ...f, i })).filter((f) => f.kind === "big");
  for (const f of bigs) {
    const key = `${f.path}:${f.bytes}`;
    let entry = bigNoteCache.get(key);
    if (!entry) {
      const start = performance.now();
      const lines = naiveItemLines(readFileSync(bench.abs[f.i], "utf8"));
      entry = { lines, ms: performance.now() - start };
      bigNoteCache.set(key, entry);
    }
    bigMs += entry.ms;
    found.set(f.i, entry.lines);
  }

  const measured = bench.paths.indexOf(REINDEX_NOTE); // the note the latencies use is always checked
  if (measured >= 0 && !found.has(measured)) found.set(measured, naiveItemLines(readFileSync(bench.abs[measured], "utf8")));

  const mismatches: Mismatch[] = [];
  let checkedItems = 0;
  for (const [i, naiveLines] of found) {
    const path = bench.paths[i];
    const indexLines = index.itemsOf(path).map((item) => item.line);
    checkedItems += naiveLines.length;
    const inIndex = new Set(indexLines);
    const inNaive = new Set(naiveLines);
    const onlyIndex = indexLines.filter((l) => !inNaive.has(l));
    const onlyNaive = naiveLines.filter((l) => !inIndex.has(l));
    if (onlyIndex.length > 0 || onlyNaive.length > 0) {
      const lines = readFileSync(bench.abs[i], "utf8").split("\n");
      const examples = [...onlyIndex, ...onlyNaive].slice(0, 3).map((l) => `${l}: ${JSON.stringify(lines[l - 1])}`);
      mismatches.push({ path, onlyIndex, onlyNaive, examples });
    }
  }

  const full = step === 1;
  const naiveMs = median(times) * (full ? 1 : regularBytes / sampleBytes) + bigMs;
  const share = ((100 * sampleBytes) / regularBytes).toFixed(1);
  const method = full
    ? `all ${sample.length} regular notes, median of ${runs}; ${bigs.length} × 1 MB parsed once`
    : `sample of ${sample.length} notes (every ${step}th, ${share}% of bytes), median of ${runs}, ` +
      `extrapolated by bytes; ${bigs.length} × 1 MB parsed once and added`;
  return { naiveMs, method, checkedNotes: found.size, checkedItems, mismatches };
}
