// The settings tab: sections with headings, the priority list (add, reorder, remove), and saving.
import { describe, expect, it } from "vitest";
import { flush } from "../../demo/shim/testing";
import { startPlugin } from "./pluginFixtures";

const NOTE = "## Alpha\n- [ ] 2021/04/14 a\n## Beta\n- [ ] 2021/04/14 b\n## Gamma\n- [ ] 2021/04/14 c\n";

async function openSettings() {
  const started = await startPlugin({ "A.md": NOTE }, { settings: { queueLimit: 1 } });
  const modal = started.app.setting.open();
  await flush();
  return { ...started, root: modal.modalEl };
}

const names = (root: HTMLElement): string[] => Array.from(root.querySelectorAll(".bq-priority-row .setting-item-name")).map((el) => el.textContent ?? "");

describe("settings tab", () => {
  it("has sentence-case section headings and every setting", async () => {
    const { plugin, root } = await openSettings();
    const headings = Array.from(root.querySelectorAll(".setting-item-heading .setting-item-name")).map((el) => el.textContent);
    expect(headings).toEqual(["Tracks and scope", "Active queue", "Deadlines", "Planning"]);
    const all = Array.from(root.querySelectorAll(".setting-item-name")).map((el) => el.textContent);
    for (const name of ["Track heading level", "Include folders", "Exclude folders", "Term start date", "Fixed-date keywords", "Active track limit",
      "Priority", "Deadline words", "Custom venues", "Anywhere on Earth", "Deadline notice", "Highlight deadlines in the editor", "Done date when ticking", "Dates to skip", "Spread: most items a day"]) {
      expect(all).toContain(name);
    }
    plugin.unload();
  });

  it("adds, reorders and removes priority entries, and the queue follows", async () => {
    const { plugin, root } = await openSettings();
    const add = (name: string): void => {
      const input = root.querySelector<HTMLInputElement>(".bq-priority-list input[type=text]")!;
      input.value = name;
      input.dispatchEvent(new Event("input"));
      input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
    };
    add("Beta");
    await flush();
    add("Gamma");
    await flush();
    expect(names(root)).toEqual(["1. Beta", "2. Gamma"]);
    expect(plugin.queueState().active).toEqual(["Beta"]);
    // Move Gamma up.
    const up = root.querySelectorAll<HTMLElement>(".bq-priority-row")[1].querySelector<HTMLElement>('[aria-label="Move up"]')!;
    up.click();
    await flush();
    expect(names(root)).toEqual(["1. Gamma", "2. Beta"]);
    expect(plugin.data.settings.priority).toEqual(["Gamma", "Beta"]);
    expect(plugin.queueState().active).toEqual(["Gamma"]);
    root.querySelectorAll<HTMLElement>(".bq-priority-row")[0].querySelector<HTMLElement>('[aria-label="Remove"]')!.click();
    await flush();
    expect(plugin.data.settings.priority).toEqual(["Beta"]);
    plugin.unload();
  });

  it("ignores an unfinished term start date and saves a whole one", async () => {
    const { plugin, root } = await openSettings();
    const setting = Array.from(root.querySelectorAll<HTMLElement>(".setting-item")).find((el) => el.textContent?.startsWith("Term start date"))!;
    const input = setting.querySelector<HTMLInputElement>("input")!;
    input.value = "2021-02";
    input.dispatchEvent(new Event("input"));
    await flush();
    expect(plugin.data.settings.termStart).toBeNull();
    input.value = "2021-02-22";
    input.dispatchEvent(new Event("input"));
    await flush();
    expect(plugin.data.settings.termStart).toBe("2021-02-22");
    plugin.unload();
  });

  it("shows the limit's number and the deadline horizon's, and says when a queue block is in effect", async () => {
    const { plugin, root } = await openSettings();
    const limit = Array.from(root.querySelectorAll<HTMLElement>(".setting-item")).find((el) => el.textContent?.startsWith("Active track limit"))!;
    expect(limit.querySelector(".bq-slider-value")?.textContent).toBe("1");
    const slider = limit.querySelector<HTMLInputElement>("input.slider")!;
    slider.value = "4";
    slider.dispatchEvent(new Event("input"));
    slider.dispatchEvent(new Event("change"));
    await flush();
    expect(limit.querySelector(".bq-slider-value")?.textContent).toBe("4");
    expect(plugin.data.settings.queueLimit).toBe(4);
    const horizon = Array.from(root.querySelectorAll<HTMLElement>(".setting-item")).find((el) => el.textContent?.startsWith("Deadline horizon"))!;
    expect(horizon.querySelector(".bq-slider-value")?.textContent).toBe("12 months");
    expect(root.querySelector(".bq-queue-in-effect")).toBeNull();
    plugin.unload();

    const withBlock = await startPlugin({ "A.md": `最大进程数为：2\n- Alpha\n${NOTE}` });
    const modal = withBlock.app.setting.open();
    await flush();
    expect(modal.modalEl.querySelector(".bq-queue-in-effect")?.textContent).toBe("A queue block in A.md (line 1) is in effect: limit 2. These settings apply only without one.");
    withBlock.plugin.unload();
  });
});
