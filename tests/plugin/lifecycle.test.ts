// The plugin loads, works and unloads leaving nothing behind: listeners, timers, DOM, commands.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp, flush, loadPlugin } from "../../demo/shim/testing";
import BrainQueuePlugin from "../../src/obsidian/main";
import { setLanguage } from "../../src/obsidian/i18n";
import { openToday, PLANNER } from "./pluginFixtures";

/** Counts timers that are still pending (set, neither fired nor cleared). */
function trackTimers() {
  const pending = new Map<number, number>();
  const realSet = window.setTimeout.bind(window);
  const realClear = window.clearTimeout.bind(window);
  const set = vi.spyOn(window, "setTimeout").mockImplementation(((fn: () => void, ms?: number, ...rest: unknown[]) => {
    const id = realSet(() => {
      pending.delete(id);
      fn();
    }, ms, ...rest);
    pending.set(id, ms ?? 0);
    return id;
  }) as typeof window.setTimeout);
  const clear = vi.spyOn(window, "clearTimeout").mockImplementation(((id?: number) => {
    if (id !== undefined) pending.delete(id);
    realClear(id);
  }) as typeof window.clearTimeout);
  return {
    longPending: () => [...pending.values()].filter((ms) => ms >= 1000).length,
    restore: () => {
      set.mockRestore();
      clear.mockRestore();
    },
  };
}

afterEach(() => vi.restoreAllMocks());

describe("plugin lifecycle", () => {
  it("registers its view, ribbon icon, status bar, commands and settings tab", async () => {
    setLanguage("en");
    const app = createApp({ files: { "Term.md": PLANNER } });
    const plugin = await loadPlugin(app, BrainQueuePlugin);
    const ids = [...app.commands.commands.keys()].filter((id) => id.startsWith("brain-queue:"));
    expect(ids.sort()).toEqual([
      "brain-queue:archive-plan", "brain-queue:export-ics", "brain-queue:open-progress", "brain-queue:open-today", "brain-queue:pause-track", "brain-queue:plan-track", "brain-queue:postpone-at-cursor", "brain-queue:promote-queued-track",
      "brain-queue:rebuild-index", "brain-queue:roll-forward", "brain-queue:roll-track", "brain-queue:show-deadlines", "brain-queue:toggle-deadline-highlighting",
      "brain-queue:toggle-task-at-cursor", "brain-queue:undo-plan", "brain-queue:undo-roll",
    ]);
    expect([...app.commands.commands.values()].every((c) => !c.hotkeys || c.hotkeys.length === 0)).toBe(true);
    expect(app.ribbonEl.querySelector('[aria-label="Open today\'s tasks"]')).not.toBeNull();
    expect(app.statusBarEl.querySelector(".bq-status")?.textContent).toMatch(/^Today \d+\/\d+/);
    plugin.unload();
  });

  it("opening the view twice reuses the one leaf", async () => {
    setLanguage("en");
    const app = createApp({ files: { "Term.md": PLANNER } });
    const plugin = await loadPlugin(app, BrainQueuePlugin);
    await plugin.activateView();
    await plugin.activateView();
    app.commands.executeCommandById("brain-queue:open-today");
    await flush();
    expect(app.workspace.getLeavesOfType("brain-queue-today")).toHaveLength(1);
    plugin.unload();
  });

  it("the views hear of a changed index, saved settings and a new day from one source, and nothing after unload", async () => {
    setLanguage("en");
    const app = createApp({ files: { "Term.md": PLANNER } });
    const plugin = await loadPlugin(app, BrainQueuePlugin);
    plugin.clock = () => new Date(2021, 3, 14, 23, 59, 0);
    plugin.todaySource.checkDay(); // from the real day to the pinned one
    await flush(5);
    let heard = 0;
    plugin.todaySource.onRefresh(() => heard++);
    const file = app.vault.getFileByPath("Term.md")!;
    await app.vault.process(file, (text) => text.replace("三数之和", "三数之和!"));
    await new Promise((resolve) => window.setTimeout(resolve, 40)); // the re-index waits for a pause in events
    expect(heard).toBeGreaterThan(0);
    heard = 0;
    await plugin.saveSettings();
    expect(heard).toBe(1);
    plugin.todaySource.checkDay(); // the same day: nothing to tell
    expect(heard).toBe(1);
    plugin.clock = () => new Date(2021, 3, 15, 0, 0, 30);
    plugin.todaySource.checkDay();
    expect(heard).toBe(2);
    expect(plugin.model(plugin.today()).date).toBe("2021-04-15");
    plugin.unload();
    await app.vault.process(file, (text) => text.replace("三数之和!", "三数之和"));
    await new Promise((resolve) => window.setTimeout(resolve, 40));
    expect(heard).toBe(2);
  });

  it("unloading leaves no listeners, timers, DOM, commands or extensions behind", async () => {
    setLanguage("en");
    const timers = trackTimers();
    const app = createApp({ files: { "Term.md": PLANNER } });
    const before = {
      vault: app.vault.listenerCount(),
      cache: app.metadataCache.listenerCount(),
      workspace: app.workspace.listenerCount(),
      commands: app.commands.commands.size,
      processors: app.postProcessors.length,
      ribbon: app.ribbonEl.childElementCount,
      statusBar: app.statusBarEl.childElementCount,
    };
    const plugin = await loadPlugin(app, BrainQueuePlugin);
    await openToday(plugin);
    app.commands.executeCommandById("brain-queue:open-progress");
    await flush();
    expect(document.querySelector(".bq-progress-view .bq-heatmap-chart")).not.toBeNull();
    const file = app.vault.getFileByPath("Term.md")!;
    await app.workspace.getLeaf(false).openFile(file);
    await app.vault.process(file, (text) => text.replace("三数之和", "三数之和!"));
    await flush(5);
    expect(document.querySelector(".bq-today")).not.toBeNull();
    expect(timers.longPending()).toBeGreaterThan(0); // midnight timers, cache save

    plugin.unload();
    // The open markdown view is the stand-in's, not ours: close it before counting.
    app.workspace.detachLeavesOfType("markdown");
    await flush();
    expect(app.vault.listenerCount()).toBe(before.vault);
    expect(app.metadataCache.listenerCount()).toBe(before.cache);
    expect(app.workspace.listenerCount()).toBe(before.workspace);
    expect(app.commands.commands.size).toBe(before.commands);
    expect(app.postProcessors).toHaveLength(before.processors);
    expect(document.querySelector(".bq-today, .bq-status, .bq-deadline, .bq-deadline-badge")).toBeNull();
    expect(app.ribbonEl.childElementCount).toBe(before.ribbon);
    expect(app.statusBarEl.childElementCount).toBe(before.statusBar);
    expect(app.workspace.getLeavesOfType("brain-queue-today")).toHaveLength(0);
    expect(app.workspace.getLeavesOfType("brain-queue-progress")).toHaveLength(0);
    expect(document.querySelector(".bq-progress-view")).toBeNull();
    expect(timers.longPending()).toBe(0);
    timers.restore();
  });
});
