// The sidebar's forecast under each active track: the whole track's done/total and what its pace of the
// last 14 days says, in the interface's language, from the recorded history when there is one.
import { afterEach, describe, expect, it } from "vitest";
import { flush } from "../../demo/shim/testing";
import { memoryStore } from "../../demo/shim/app";
import { Vault } from "../../demo/shim/vault";
import { setLanguage } from "../../src/obsidian/i18n";
import { openToday, startPlugin } from "./pluginFixtures";

const PATH = "学期计划.md";
const FOLDER = `${new Vault().configDir}/plugins/brain-queue`;

// The plugin's day is 2021-04-14: the pace window is 2021-04-01 … 2021-04-14.
const NOTE = [
  "当前 BPU （Brain Processing Unit）最大进程数为：4，按优先级排序",
  "",
  "- 深度学习工程师",
  "- CUDA C编程权威指南",
  "- LeetCode",
  "- 论文阅读",
  "",
  "Brain Queue",
  "",
  "- 图形学入门",
  "",
  "## 深度学习工程师",
  "",
  "- [x] 2021/3/1  第一周 深度学习概论",
  "- [ ] 2021/3/8  第二周 神经网络基础",
  "",
  "## CUDA C编程权威指南",
  "",
  "**第1章　基于CUDA的异构并行计算**",
  "",
  "- [x] 1.1　并行计算\t\t2021/4/10",
  "- [x] 1.2　异构计算\t\t2021/4/11",
  "- [ ] 1.3　用GPU输出Hello World\t2021/4/20",
  "- [ ] 2.1　CUDA编程模型概述\t2021/4/30",
  "",
  "## LeetCode",
  "",
  "- [x] 2021/04/13    两数之和",
  "- [ ] 2021/04/14    三数之和",
  "",
  "## 论文阅读",
  "",
  "- [x] 2021/04/02    Attention Is All You Need",
  "- [x] 2021/04/09    ResNet",
  "",
  "## 图形学入门",
  "",
  "- [ ] 1.1　光栅化\t\t2021/4/14",
  "",
].join("\n");

afterEach(() => {
  setLanguage("en");
  window.localStorage.clear();
});

function forecasts(el: HTMLElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const track of Array.from(el.querySelectorAll<HTMLElement>(".bq-track"))) out[track.dataset.track ?? ""] = track.querySelector(":scope > .bq-forecast")?.textContent ?? "";
  return out;
}

describe("the sidebar's forecast", () => {
  it("says late by how many days, on plan, no pace yet or all done, for active tracks only", async () => {
    const { plugin } = await startPlugin({ [PATH]: NOTE });
    const { el } = await openToday(plugin);
    el.querySelector<HTMLElement>(".bq-queued > .tree-item-self")!.click();
    expect(forecasts(el)).toEqual({
      深度学习工程师: "1/2 · no pace yet", // its one done item is from March
      // 2 done in the window, 2 left: D + 14 − 1 = 04-27, planned 04-30.
      "CUDA C编程权威指南": "2/4 · on plan",
      // 1 done in the window, 1 left: 04-27, planned 04-14.
      LeetCode: "1/2 · at this pace +13 d",
      论文阅读: "2/2 · all done",
      图形学入门: "", // queued: no forecast
    });
    const late = el.querySelector<HTMLElement>('.bq-track[data-track="LeetCode"] > .bq-forecast')!;
    expect(late.classList.contains("bq-forecast-late")).toBe(true);
    expect(late.getAttribute("aria-label")).toBe("At this pace the last item is done on 2021-04-27, 13 days after the plan (2021-04-14)");
    // The forecast sits under the day's bar.
    expect(late.previousElementSibling?.classList.contains("bq-progress")).toBe(true);
    plugin.unload();
  });

  it("speaks Chinese when the interface does", async () => {
    const { plugin } = await startPlugin({ [PATH]: NOTE });
    setLanguage("zh");
    const { el } = await openToday(plugin);
    expect(forecasts(el)).toMatchObject({
      深度学习工程师: "1/2 · 暂无节奏",
      "CUDA C编程权威指南": "2/4 · 按计划",
      LeetCode: "1/2 · 按此节奏晚 13 天",
      论文阅读: "2/2 · 全部完成",
    });
    plugin.unload();
  });

  it("counts recorded days: another device's tick of March is not this fortnight's pace", async () => {
    const store = memoryStore();
    const line = (seq: number, text: string, day: string): string => `${JSON.stringify({ seq, at: 100 + seq, path: PATH, text, n: 0, day })}\n`;
    store.saveFile(`${FOLDER}/history-phone.jsonl`, new TextEncoder().encode(line(0, "两数之和", "2021-03-30")));
    const { plugin } = await startPlugin({ [PATH]: NOTE }, store);
    await flush();
    const { el } = await openToday(plugin);
    expect(forecasts(el).LeetCode).toBe("1/2 · no pace yet");
    plugin.unload();
  });

  it("follows a tick: the track is then all done", async () => {
    const { app, plugin } = await startPlugin({ [PATH]: NOTE });
    const { view, el } = await openToday(plugin);
    el.querySelector<HTMLElement>('.bq-track[data-track="LeetCode"] .bq-item:not(.is-done) input')!.click();
    await flush(5);
    expect(app.vault.readNow(PATH)).toContain("- [x] 2021/04/14    三数之和");
    await new Promise((resolve) => window.setTimeout(resolve, 50));
    await flush();
    view.renderNow();
    expect(forecasts(el).LeetCode).toBe("2/2 · all done");
    plugin.unload();
  });
});
