// Shared by the plugin tests: a small planner vault in the shapes of a real note (own wording), and a
// loader that starts the plugin in the stand-in app with the clock pinned.
import { IDBFactory } from "fake-indexeddb";
import { afterEach, beforeEach, vi } from "vitest";
import { createApp, flush, loadPlugin } from "../../demo/shim/testing";
import type { PluginDataStore } from "../../demo/shim/app";
import BrainQueuePlugin from "../../src/obsidian/main";
import { setLanguage } from "../../src/obsidian/i18n";
import { TodayView, VIEW_TYPE_TODAY } from "../../src/obsidian/todayView";

export const PLANNER = [
  "# Schedule",
  "",
  "- [x] 2021/03/09    第2周星期二_课程A 开课",
  "",
  "- [ ] 2021/04/10    画出系统框图",
  "- [ ] 2021/04/18    ICRA  2022 投稿截止日期",
  "- [ ] 2021/09/09    AAAI  2021 投稿截至日期",
  "",
  "## **会议与期刊**",
  "",
  "**AAAI2021**/~~NIPS2021~~/**ICRA2022**",
  "",
  "---",
  "",
  "当前 BPU （Brain Processing Unit）最大进程数为：2，按优先级排序",
  "",
  "- 算法练习",
  "- 机器学习课程",
  "",
  "Brain Queue",
  "",
  "- 图形学入门",
  "",
  "## 机器学习课程",
  "",
  "**第一章　基础**",
  "",
  "- [x] 2021/4/12    第一讲 概论 1.1-1.3",
  "- [x] 2021/4/13    第一讲 概论 1.4-1.6",
  "- [ ] 2021/4/14    第二讲 线性模型 2.1-2.4",
  "  - [ ] 推导最小二乘",
  "- [ ] 2021/4/15    第二讲 线性模型 2.5-2.8",
  "",
  "## 算法练习 每日一题",
  "",
  "- [x] 2021/04/13    两数之和",
  "- [ ] 2021/04/14    三数之和",
  "- [x] 2021/04/14    四数之和",
  "",
  "## 图形学入门",
  "",
  "- [ ] 1.1\u3000光栅化\t\t2021/4/14",
  "- [ ] 1.2\u3000着色2021/4/15",
  "",
].join("\n");

/** 2021-04-14 09:00 local time. */
export const PINNED = new Date(2021, 3, 14, 9, 0, 0);

export async function startPlugin(files: Record<string, string> = { "Plans/Term.md": PLANNER }, data?: unknown, beforeLoad?: (app: ReturnType<typeof createApp>) => void) {
  setLanguage("en");
  document.body.empty();
  const store = typeof (data as { load?: unknown } | undefined)?.load === "function" ? (data as PluginDataStore) : null;
  const app = createApp({ files, pluginData: store ?? (data === undefined ? {} : { "brain-queue": data }) });
  beforeLoad?.(app);
  const plugin = await loadPlugin(app, BrainQueuePlugin);
  plugin.clock = () => PINNED;
  return { app, plugin };
}

export async function openToday(plugin: BrainQueuePlugin): Promise<{ view: TodayView; el: HTMLElement }> {
  await plugin.activateView();
  await flush();
  const leaf = plugin.app.workspace.getLeavesOfType(VIEW_TYPE_TODAY)[0];
  const view = leaf.view as TodayView;
  view.renderNow();
  return { view, el: view.contentEl };
}

export const texts = (root: ParentNode, selector: string): string[] =>
  Array.from(root.querySelectorAll(selector)).map((el) => el.textContent ?? "");

/**
 * A fresh, empty IndexedDB (fake-indexeddb: the real API's semantics in memory) as `window.indexedDB` for
 * each test of the calling file; happy-dom has none, and without it the plugin keeps no cache.
 */
export function withIndexedDb(): void {
  beforeEach(() => void vi.stubGlobal("indexedDB", new IDBFactory()));
  afterEach(() => void vi.unstubAllGlobals());
}
