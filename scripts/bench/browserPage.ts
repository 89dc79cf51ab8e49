// Runs inside Chromium: the same renderToday the sidebar uses, timed on a real DOM, and the cache store.
import type { TodayModel } from "../../src/core/planner";
import { renderToday } from "../../src/obsidian/todayRender";
import { installDomHelpers } from "../../demo/shim/dom";
import { IndexCacheStore } from "../../src/obsidian/cacheStore";

installDomHelpers(window);

function renderTimes(model: TodayModel, runs: number, today: string): number[] {
  const times: number[] = [];
  for (let r = 0; r < runs + 1; r++) {
    const container = document.body.createDiv();
    const start = performance.now();
    renderToday(container, model, { today, collapsed: new Set() });
    // Forces style and layout, as the frame that shows the sidebar would.
    void container.getBoundingClientRect().height;
    if (r > 0) times.push(performance.now() - start);
    container.remove();
  }
  return times;
}

Object.assign(window, { bqRenderTimes: renderTimes });

// The plugin's cache store, for the IndexedDB read in real Chromium (chromiumIdb.ts).
Object.assign(window, { bqIndexCacheStore: IndexCacheStore });
