// One journal for rolls, plans and postpones: "Undo last roll-forward" undoes the newest and says what it
// was; "Undo last plan" undoes the newest plan even when a postpone came after it.
import type { MarkdownView } from "../../demo/shim/views";
import { describe, expect, it } from "vitest";
import { flush } from "../../demo/shim/testing";
import { readPluginData } from "../../src/obsidian/settingsStore";
import { openToday, PLANNER, startPlugin } from "./pluginFixtures";

const W = "\u3000";
const BOOK = [
  "## CUDA编程",
  "",
  `- [x] 1.1${W}并行计算\t\t2021/4/12`,
  `- [ ] 1.2${W}异构计算`,
  `- [ ] 1.3${W}用GPU输出Hello World`,
  "",
].join("\n");
const PLANNED = BOOK
  .replace(`- [ ] 1.2${W}异构计算`, `- [ ] 1.2${W}异构计算\t\t2021/4/15`)
  .replace(`- [ ] 1.3${W}用GPU输出Hello World`, `- [ ] 1.3${W}用GPU输出Hello World\t\t2021/4/16`);
const POSTPONED = PLANNER.replace("- [ ] 2021/04/14    三数之和", "- [ ] 2021/04/15    三数之和");

const notices = (): string[] => Array.from(document.body.querySelectorAll(".notice")).map((el) => el.textContent ?? "");
const clearNotices = (): void => document.body.querySelectorAll(".notice").forEach((el) => el.remove());

describe("Undo after plans and postpones", () => {
  it("undoes the last plan past a later postpone, then the postpone, each saying what it undid", async () => {
    const { app, plugin } = await startPlugin({ "Plans/Term.md": PLANNER, "Books/CUDA.md": BOOK });
    const leaf = app.workspace.getLeaf(false);
    await leaf.openFile(app.vault.getFileByPath("Books/CUDA.md")!);
    const editor = (leaf.view as MarkdownView).editor;
    editor.setCursor({ line: 3, ch: 2 });
    app.commands.executeCommandById("brain-queue:plan-track");
    await flush(5);
    document.body.querySelector<HTMLButtonElement>(".modal.bq-plan-modal .bq-plan-confirm")!.click();
    await flush(5);
    expect(editor.getValue()).toBe(PLANNED);

    const { el } = await openToday(plugin);
    const row = Array.from(el.querySelectorAll<HTMLElement>(".bq-item")).find((r) => r.querySelector(".bq-item-text")?.textContent === "三数之和")!;
    row.querySelector<HTMLElement>(".bq-item-text")!.dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true, clientX: 40, clientY: 60 }));
    Array.from(document.body.querySelectorAll<HTMLElement>(".menu .menu-item")).find((item) => item.textContent === "Postpone to tomorrow")!.click();
    await flush(5);
    expect(app.vault.readNow("Plans/Term.md")).toBe(POSTPONED);
    expect(plugin.data.rollJournal.map((entry) => [entry.kind, entry.label])).toEqual([["plan", "CUDA编程"], ["postpone", "三数之和"]]);
    // What is saved reads back with what each entry was.
    expect(readPluginData(JSON.parse(JSON.stringify(plugin.data))).rollJournal).toEqual(plugin.data.rollJournal);

    clearNotices();
    app.commands.executeCommandById("brain-queue:undo-plan");
    await flush(5);
    expect(editor.getValue()).toBe(BOOK);
    expect(app.vault.readNow("Plans/Term.md")).toBe(POSTPONED);
    expect(notices()).toEqual(["Undid the plan of CUDA编程. Restored 2 lines."]);

    clearNotices();
    app.commands.executeCommandById("brain-queue:undo-plan");
    await flush(5);
    expect(notices()).toEqual(["No plan to undo."]);

    clearNotices();
    app.commands.executeCommandById("brain-queue:undo-roll");
    await flush(5);
    expect(app.vault.readNow("Plans/Term.md")).toBe(PLANNER);
    expect(notices()).toEqual(["Undid postponing 三数之和. Restored 1 line."]);
    expect(plugin.data.rollJournal).toEqual([]);
    plugin.unload();
  });

  it("a roll's undo names its day; an entry saved before entries had a kind is a roll", async () => {
    const old = { at: "2021-04-13T09:00:00.000Z", date: "2021-04-13", edits: [{ path: "Plans/Term.md", line: 37, before: "- [ ] 2021/04/13    三数之和", after: "- [ ] 2021/04/14    三数之和" }] };
    const { app, plugin } = await startPlugin(undefined, { settings: {}, rollJournal: [old] });
    await plugin.whenIndexReady();
    app.commands.executeCommandById("brain-queue:undo-plan");
    await flush(5);
    expect(notices()).toEqual(["No plan to undo."]);
    clearNotices();
    app.commands.executeCommandById("brain-queue:undo-roll");
    await flush(5);
    expect(app.vault.readNow("Plans/Term.md")).toBe(PLANNER.replace("- [ ] 2021/04/14    三数之和", "- [ ] 2021/04/13    三数之和"));
    expect(notices()).toEqual(["Undid the roll-forward to 2021-04-13. Restored 1 line."]);
    plugin.unload();
  });

  it("an empty slot postponed from the editor is named by its day", async () => {
    const note = PLANNER.replace("- [ ] 2021/04/14    三数之和", "- [ ] 2021/04/14    三数之和\n- [ ] 2021/04/16    ");
    const { app, plugin } = await startPlugin({ "Plans/Term.md": note });
    const leaf = app.workspace.getLeaf(false);
    await leaf.openFile(app.vault.getFileByPath("Plans/Term.md")!);
    const editor = (leaf.view as MarkdownView).editor;
    editor.setCursor({ line: note.split("\n").indexOf("- [ ] 2021/04/16    "), ch: 3 });
    app.commands.executeCommandById("brain-queue:postpone-at-cursor");
    await flush(2);
    Array.from(document.body.querySelectorAll<HTMLElement>(".modal.prompt .suggestion-item")).find((el) => el.textContent?.startsWith("Postpone by a week"))!.click();
    await flush(5);
    expect(editor.getValue()).toBe(note.replace("- [ ] 2021/04/16    ", "- [ ] 2021/04/23    "));
    clearNotices();
    app.commands.executeCommandById("brain-queue:undo-roll");
    await flush(5);
    expect(editor.getValue()).toBe(note);
    expect(notices()).toEqual(["Undid postponing the free slot of 2021-04-16. Restored 1 line."]);
    plugin.unload();
  });
});
