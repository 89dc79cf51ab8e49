// `render`: the Today renderer drawing 500 items into a happy-dom document, the way the sidebar does.
import { runInThisContext } from "node:vm";
import { Window } from "happy-dom";
import type { TodayModel, TodayTrack } from "../../src/core/planner";
import type { Item } from "../../src/core/base";
import { renderToday } from "../../src/obsidian/todayRender";
import { installDomHelpers } from "../../demo/shim/dom";
import { BENCH_DAY } from "./fragments";
import { median } from "./timing";
import { groupByTrack } from "../../src/core/items";

let domReady = false;

/** happy-dom's window as the global one, with Obsidian's element helpers (createEl, createDiv…). */
function setupDom(): void {
  if (domReady) return;
  const win = new Window({ url: "http://localhost/" });
  const globals = runInThisContext("this") as Record<string, unknown>; // the shim's icons use the global document
  for (const name of ["window", "document", "navigator", "Node", "Element", "HTMLElement", "SVGElement", "Event", "KeyboardEvent", "MouseEvent", "getComputedStyle"]) {
    globals[name] = name === "window" ? win : (win as unknown as Record<string, unknown>)[name];
  }
  globals.activeDocument = win.document;
  globals.activeWindow = win;
  installDomHelpers(win as unknown as Parameters<typeof installDomHelpers>[0]);
  domReady = true;
}

/** The day's model with its tracks replaced by `count` items from the vault, a few tracks of them. */
export function modelWithItems(base: TodayModel, items: Item[], count: number): TodayModel {
  const chosen = items.slice(0, count).map((item) => ({ ...item, date: BENCH_DAY, end: null }));
  const tracks: TodayTrack[] = [...groupByTrack(chosen)].map(([key, list], rank) => ({
    key, name: list[0].track, path: list[0].path, note: null, next: null,
    state: "active", items: list, done: list.filter((i) => i.done).length, total: list.length, overdue: 0, rank,
  }));
  return { ...base, tracks, active: tracks, overdue: [], overdueCount: 0, deadlines: [], done: chosen.filter((i) => i.done).length, total: chosen.length };
}

/** The DOM's own cost: as many plain elements (class, attribute, text) as the renderer made, nothing else. */
function domFloor(doc: Document, elements: number): number {
  const container = doc.body.createDiv();
  const start = performance.now();
  for (let i = 0; i < elements; i++) container.createDiv({ cls: "bq-floor", text: `row ${i}`, attr: { "data-line": i } });
  const ms = performance.now() - start;
  container.remove();
  return ms;
}

export function renderLatency(model: TodayModel, runs: number): { renderMs: number; nodes: number; floorMs: number } {
  setupDom();
  const doc = (runInThisContext("this") as { document: Document }).document;
  const times: number[] = [];
  let nodes = 0;
  for (let r = 0; r < runs + 1; r++) {
    const container = doc.body.createDiv();
    const start = performance.now();
    const dispose = renderToday(container, model, { today: BENCH_DAY, collapsed: new Set(), shown: new Map() });
    if (r > 0) times.push(performance.now() - start);
    dispose();
    nodes = container.querySelectorAll("*").length;
    container.remove();
  }
  const floors: number[] = [];
  for (let r = 0; r < runs; r++) floors.push(domFloor(doc, nodes));
  return { renderMs: median(times), nodes, floorMs: median(floors) };
}
