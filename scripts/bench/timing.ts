// Small timing helpers. Figures are milliseconds from performance.now().
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function timed<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

/** V8's collector, exposed at run time so the benchmark needs no special node flag to get it. */
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Full collection before a measurement, so one run's garbage is not billed to the next. */
export function collectGarbage(): void {
  gc();
  gc();
}

export const round = (value: number, digits = 2): number => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};
