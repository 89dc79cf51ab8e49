// Completion history in the plugin: a tick the index sees is appended to this device's file in the
// plugin's folder with the day it was seen; an untick too; at the next start every device's file is merged.
import { afterEach, describe, expect, it } from "vitest";
import { flush } from "../../demo/shim/testing";
import { memoryStore, type App, type PluginDataStore } from "../../demo/shim/app";
import { Vault } from "../../demo/shim/vault";
import { parseEvents } from "../../src/core/planner";
import type BrainQueuePlugin from "../../src/obsidian/main";
import { PLANNER, startPlugin } from "./pluginFixtures";

const FOLDER = `${new Vault().configDir}/plugins/brain-queue`;
const PATH = "Plans/Term.md";

afterEach(() => window.localStorage.clear());

async function setNote(app: App, text: string): Promise<void> {
  await app.vault.modify(app.vault.getFileByPath(PATH)!, text);
  await app.metadataCache.settle();
  await flush();
}

function ownFile(store: PluginDataStore): { device: string; text: string } {
  const device = window.localStorage.getItem("brain-queue-device")!;
  const bytes = store.loadFile(`${FOLDER}/history-${device}.jsonl`);
  return { device, text: bytes === null ? "" : new TextDecoder().decode(bytes) };
}

const started = async (store: PluginDataStore): Promise<{ app: App; plugin: BrainQueuePlugin }> => {
  const started = await startPlugin({ [PATH]: PLANNER }, store);
  await flush();
  return started;
};

describe("completion log", () => {
  it("records a tick seen by the index with the day, then an untick; opening the vault records nothing", async () => {
    const store = memoryStore();
    const { app, plugin } = await started(store);
    expect(ownFile(store).text).toBe(""); // items done before history began are not ticks

    await setNote(app, PLANNER.replace("- [ ] 2021/4/14    第二讲 线性模型 2.1-2.4", "- [x] 2021/4/14    第二讲 线性模型 2.1-2.4"));
    await plugin.completionLog.flushed();
    const { device, text } = ownFile(store);
    expect(parseEvents(device, text)).toMatchObject([{ seq: 0, path: PATH, text: "第二讲 线性模型 2.1-2.4", occurrence: 0, day: "2021-04-14" }]);
    expect(plugin.completionLog.history.dayOf(PATH, "第二讲 线性模型 2.1-2.4", 0)).toBe("2021-04-14");

    await setNote(app, PLANNER);
    await plugin.completionLog.flushed();
    expect(parseEvents(device, ownFile(store).text).map((e) => [e.seq, e.day])).toEqual([[0, "2021-04-14"], [1, null]]);
    expect(plugin.completionLog.history.dayOf(PATH, "第二讲 线性模型 2.1-2.4", 0)).toBeNull();
    plugin.unload();
  });

  it("merges another device's file at start-up, and goes on numbering its own", async () => {
    const store = memoryStore();
    window.localStorage.setItem("brain-queue-device", "laptop");
    const line = (seq: number, at: number, text: string, day: string | null): string => `${JSON.stringify({ seq, at, path: PATH, text, n: 0, day })}\n`;
    store.saveFile(`${FOLDER}/history-phone.jsonl`, new TextEncoder().encode(line(0, 100, "第一讲 概论 1.1-1.3", "2021-04-12") + line(1, 300, "三数之和", null)));
    store.saveFile(`${FOLDER}/history-laptop.jsonl`, new TextEncoder().encode(line(0, 200, "三数之和", "2021-04-13")));
    const { app, plugin } = await started(store);
    const history = plugin.completionLog.history;
    expect(history.dayOf(PATH, "第一讲 概论 1.1-1.3", 0)).toBe("2021-04-12");
    expect(history.dayOf(PATH, "三数之和", 0)).toBeNull(); // the phone's later untick wins
    await setNote(app, PLANNER.replace("- [ ] 2021/04/14    三数之和", "- [x] 2021/04/14    三数之和"));
    await plugin.completionLog.flushed();
    expect(parseEvents("laptop", ownFile(store).text).map((e) => [e.seq, e.text, e.day])).toEqual([[0, "三数之和", "2021-04-13"], [1, "三数之和", "2021-04-14"]]);
    expect(history.dayOf(PATH, "三数之和", 0)).toBe("2021-04-14");
    plugin.unload();
  });
});
