// Commands other than roll-forward: queue moves, toggle at cursor, deadlines suggester, .ics export,
// highlighting toggle; plus the status bar and the daily deadline notice.
import { describe, expect, it, vi } from "vitest";
import { asReal, createApp, flush, TEST_MANIFEST } from "../../demo/shim/testing";
import BrainQueuePlugin from "../../src/obsidian/main";
import type { MarkdownView } from "../../demo/shim/views";
import { PINNED, PLANNER, startPlugin } from "./pluginFixtures";
import { trackKey } from "../../src/core/items";

const run = async (app: Awaited<ReturnType<typeof startPlugin>>["app"], id: string): Promise<void> => {
  app.commands.executeCommandById(`brain-queue:${id}`);
  await flush(5);
};

describe("commands", () => {
  it("promote says so when the active queue is full, and writes nothing", async () => {
    const { app, plugin } = await startPlugin();
    await run(app, "promote-queued-track");
    expect(app.vault.readNow("Plans/Term.md")).toBe(PLANNER);
    expect(document.body.querySelector(".notice")?.textContent).toContain("full (2/2)");
    plugin.unload();
  });

  it("promote moves the first queued track into the active list of the note's queue block", async () => {
    const { app, plugin } = await startPlugin({ "Plans/Term.md": PLANNER.replace("最大进程数为：2", "最大进程数为：3") });
    expect(plugin.queueState().active).toEqual(["算法练习 每日一题", "机器学习课程"]);
    await run(app, "promote-queued-track");
    expect(plugin.queueState().active).toContain("图形学入门");
    const text = app.vault.readNow("Plans/Term.md");
    expect(text.indexOf("- 图形学入门")).toBeLessThan(text.indexOf("Brain Queue"));
    plugin.unload();
  });

  it("pause picks an active track with a fuzzy suggester and moves it to the queue", async () => {
    const { app, plugin } = await startPlugin();
    await run(app, "pause-track");
    const input = document.body.querySelector<HTMLInputElement>(".prompt-input")!;
    input.value = "机器";
    input.dispatchEvent(new Event("input"));
    await flush();
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
    await flush(5);
    await new Promise((resolve) => window.setTimeout(resolve, 40));
    expect(plugin.queueState().active).toEqual(["算法练习 每日一题"]);
    plugin.unload();
  });

  it("act on the queue the sidebar shows, resolved once while the index stands", async () => {
    const { plugin } = await startPlugin();
    const state = plugin.queueState();
    const shown = plugin.model(plugin.today()).tracks.filter((track) => track.state === "active").map((track) => track.key);
    // Each name is a heading in one note here: the queue's candidates are the tracks the sidebar runs.
    expect(state.activeTracks.map((tracks) => tracks.map((track) => trackKey(track.path, track.name)))).toEqual(shown.map((key) => [key]));
    expect(state.active).toEqual(["算法练习 每日一题", "机器学习课程"]);
    expect(plugin.queueState()).toBe(state);
    plugin.unload();
  });

  it("without a queue block, promote and pause edit the settings' priority list", async () => {
    const { app, plugin } = await startPlugin({ "A.md": "## One\n- [ ] 2021/04/14 a\n## Two\n- [ ] 2021/04/14 b\n" }, { settings: { queueLimit: 1, priority: ["One"] } });
    expect(plugin.queueState()).toMatchObject({ from: "settings", active: ["One"], queued: ["Two"] });
    await run(app, "promote-queued-track");
    expect(plugin.data.settings.priority).toEqual(["One", "Two"]);
    plugin.unload();
  });

  it("toggle-task-at-cursor ticks the line under the cursor in the editor", async () => {
    const { app, plugin } = await startPlugin();
    const leaf = app.workspace.getLeaf(false);
    await leaf.openFile(app.vault.getFileByPath("Plans/Term.md")!);
    const editor = (leaf.view as MarkdownView).editor;
    const line = PLANNER.split("\n").indexOf("- [ ] 2021/04/14    三数之和");
    editor.setCursor({ line, ch: 8 });
    await run(app, "toggle-task-at-cursor");
    expect(editor.getLine(line)).toBe("- [x] 2021/04/14    三数之和");
    expect(editor.getCursor()).toEqual({ line, ch: 8 });
    plugin.unload();
  });

  it("show-deadlines lists upcoming deadlines and opens the chosen one at its line", async () => {
    const { app, plugin } = await startPlugin();
    await run(app, "show-deadlines");
    const items = Array.from(document.body.querySelectorAll(".suggestion-item")).map((el) => el.querySelector(".bq-deadline-venue")?.textContent);
    expect(items).toEqual(["ICRA 2022", "AAAI 2021"]);
    document.body.querySelector<HTMLElement>(".suggestion-item")!.click();
    await flush(5);
    const markdown = app.workspace.getLeavesOfType("markdown")[0]?.view as MarkdownView | undefined;
    expect(markdown?.file?.path).toBe("Plans/Term.md");
    expect(markdown?.editor.getCursor().line).toBe(PLANNER.split("\n").indexOf("- [ ] 2021/04/18    ICRA  2022 投稿截止日期"));
    plugin.unload();
  });

  it("export-ics writes Brain Queue.ics into the vault, and rewrites it the second time", async () => {
    const { app, plugin } = await startPlugin();
    await run(app, "export-ics");
    const first = app.vault.readNow("Brain Queue.ics");
    expect(first).toContain("BEGIN:VCALENDAR");
    expect(first).toContain("ICRA");
    await run(app, "export-ics");
    expect(app.vault.readNow("Brain Queue.ics")).toContain("END:VCALENDAR");
    plugin.unload();
  });

  it("an editor opened before the index is built dims a dropped venue's deadline once the index knows the list", async () => {
    const note = ["## Venues", "", "**AAAI2021**/~~NIPS2021~~", "", "- [ ] 2021/05/10    NIPS 2021 投稿截止", "- [ ] 2021/09/09    AAAI 2021 投稿截止", ""].join("\n");
    const app = createApp({ files: { "Venues.md": note } });
    const plugin = new BrainQueuePlugin(asReal(app), TEST_MANIFEST);
    plugin.clock = () => PINNED;
    plugin.load();
    await (plugin as unknown as { loaded?: Promise<void> }).loaded;
    const leaf = app.workspace.getLeaf(false);
    await leaf.openFile(app.vault.getFileByPath("Venues.md")!);
    const dom = (leaf.view as MarkdownView).editor.cm.dom;
    const deadlines = (): string[] => Array.from(dom.querySelectorAll(".cm-line.bq-deadline"), (line) => `${line.textContent?.slice(20, 24) ?? ""}${line.classList.contains("bq-dropped") ? " dropped" : ""}`);
    expect(deadlines()).toEqual(["NIPS", "AAAI"]); // no index yet: no venue list known
    app.workspace.setLayoutReady();
    await vi.waitFor(() => expect(plugin.isIndexReady()).toBe(true));
    await flush();
    expect(deadlines()).toEqual(["NIPS dropped", "AAAI"]);
    plugin.unload();
  });

  it("toggle-deadline-highlighting flips the setting and the editor decorations", async () => {
    const { app, plugin } = await startPlugin();
    const leaf = app.workspace.getLeaf(false);
    await leaf.openFile(app.vault.getFileByPath("Plans/Term.md")!);
    const dom = (leaf.view as MarkdownView).editor.cm.dom;
    expect(dom.querySelectorAll(".bq-deadline-badge").length).toBeGreaterThan(0);
    await run(app, "toggle-deadline-highlighting");
    expect(plugin.data.settings.highlightDeadlines).toBe(false);
    expect(dom.querySelectorAll(".bq-deadline-badge")).toHaveLength(0);
    await run(app, "toggle-deadline-highlighting");
    expect(dom.querySelectorAll(".bq-deadline-badge").length).toBeGreaterThan(0);
    plugin.unload();
  });
});

describe("status bar and notices", () => {
  it("shows today's count, overdue and the nearest targeted deadline; a click opens the view", async () => {
    const { app, plugin } = await startPlugin();
    const status = app.statusBarEl.querySelector<HTMLElement>(".bq-status")!;
    plugin.data.settings.priority = [];
    await plugin.saveSettings();
    // 1.2 着色 waits in a queued track: not counted with what Today shows.
    expect(status.textContent).toBe("Today 1/3 · 1 overdue · ICRA 2022 · 4d");
    status.click();
    await flush();
    expect(app.workspace.getLeavesOfType("brain-queue-today")).toHaveLength(1);
    plugin.unload();
  });

  it("notices a targeted deadline a week away once a day", async () => {
    const { plugin } = await startPlugin();
    const notices = () => Array.from(document.body.querySelectorAll(".notice")).map((n) => n.textContent ?? "");
    plugin.todaySource.dailyNotice();
    expect(notices().filter((n) => n.includes("ICRA 2022"))).toHaveLength(1);
    expect(plugin.data.lastNoticeDay).toBe("2021-04-14");
    plugin.todaySource.dailyNotice();
    expect(notices().filter((n) => n.includes("ICRA 2022"))).toHaveLength(1);
    plugin.unload();
  });
});
