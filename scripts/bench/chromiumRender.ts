// The same render in real Chromium (playwright-core, the browser the tests use), for comparison with happy-dom,
// whose element creation alone costs more than the whole budget. Skipped when no Chromium is found.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { env } from "node:process";
import { chromium } from "playwright-core";
import { chromiumLaunch } from "../chromium.mjs";
import type { TodayModel } from "../../src/core/planner";
import { projectRoot } from "./context";
import { BENCH_DAY } from "./fragments";
import { median } from "./timing";

/** Median render time in ms; null without Chromium or the page bundle (built by scripts/bench.mjs). */
export async function chromiumRenderMs(model: TodayModel, runs: number): Promise<number | null> {
  const pagePath = join(projectRoot(), ".build/bench-page.js");
  const launch = existsSync(pagePath) ? await chromiumLaunch() : null;
  if (!launch) return null;
  const browser = await chromium.launch({ executablePath: launch.executablePath, args: launch.args, env: { ...env, ...launch.env } });
  try {
    const page = await browser.newPage();
    await page.setContent("<!doctype html><html><body></body></html>");
    await page.addScriptTag({ content: readFileSync(pagePath, "utf8") });
    const times = await page.evaluate(
      ([m, n, day]) => (window as unknown as { bqRenderTimes: (m: unknown, n: number, d: string) => number[] }).bqRenderTimes(m, n, day),
      [model, runs, BENCH_DAY] as const,
    );
    return median(times);
  } finally {
    await browser.close();
  }
}
