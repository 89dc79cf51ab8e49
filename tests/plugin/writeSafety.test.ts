// The write path never lands on the wrong line: not on a copy inside code or a comment, not on the
// wrong one of twin lines, not on another item's subtask, and not twice for a double click.
import process from "node:process";
import { describe, expect, it } from "vitest";
import { flush } from "../../demo/shim/testing";
import type { MarkdownView } from "../../demo/shim/views";
import { openToday, startPlugin } from "./pluginFixtures";
import { confirmRoll as confirm, openRollPreview as openPreview, rollModal as modal } from "./rollFixtures";

type App = Awaited<ReturnType<typeof startPlugin>>["app"];

const notices = (): string[] => Array.from(document.body.querySelectorAll(".notice")).map((n) => n.textContent ?? "");

async function modify(app: App, path: string, edit: (text: string) => string): Promise<string> {
  const text = edit(app.vault.readNow(path));
  await app.vault.modify(app.vault.getFileByPath(path)!, text);
  return text;
}

const CH2 = "- [ ] 2021/4/1    ch2";
/** Plugin data making these tracks active, so the sidebar shows their items open. */
const ACTIVE = { settings: { priority: ["Reading", "Study"] } };

describe("an edit never lands on a copy inside code or a comment", () => {
  it("roll preview: the real line changed before confirming, the fenced copy stays", async () => {
    const note = ["## Reading", CH2, "- [ ] 2021/4/2    ch3", "", "```md", CH2, "```", ""].join("\n");
    const { app, plugin } = await startPlugin({ "Plan.md": note });
    await openPreview(app);
    const edited = await modify(app, "Plan.md", (text) => text.replace(`${CH2}\n`, `${CH2} (started)\n`));
    await confirm();
    expect(app.vault.readNow("Plan.md")).toBe(edited);
    expect(modal().querySelector(".bq-roll-notice")?.textContent).toContain("re-planned");
    plugin.unload();
  });

  it("open editor: the line ticked in the editor while the preview is open, the %% copy stays", async () => {
    const note = ["## Reading", CH2, "", "%%", CH2, "%%", ""].join("\n");
    const { app, plugin } = await startPlugin({ "Plan.md": note });
    const leaf = app.workspace.getLeaf(false);
    await leaf.openFile(app.vault.getFileByPath("Plan.md")!);
    const editor = (leaf.view as MarkdownView).editor;
    await openPreview(app);
    editor.replaceRange("x", { line: 1, ch: 3 }, { line: 1, ch: 4 });
    const ticked = editor.getValue();
    expect(ticked).toBe(note.replace(`${CH2}\n\n`, "- [x] 2021/4/1    ch2\n\n"));
    await confirm();
    expect(editor.getValue()).toBe(ticked);
    plugin.unload();
  });

  it("a stale tick after the item was deleted leaves the fenced copy alone and says why", async () => {
    const today = "- [ ] 2021/4/14    ch2";
    const note = ["## Reading", today, "- [ ] 2021/4/14    ch3", "", "```", today, "```", ""].join("\n");
    const { app, plugin } = await startPlugin({ "Plan.md": note }, ACTIVE);
    const { el } = await openToday(plugin);
    const row = Array.from(el.querySelectorAll<HTMLElement>(".bq-item")).find((r) => r.textContent?.includes("ch2"))!;
    const deleted = await modify(app, "Plan.md", (text) => text.replace(`${today}\n`, "")); // the index has not seen this yet
    row.querySelector<HTMLInputElement>("input")!.click();
    await flush(5);
    expect(app.vault.readNow("Plan.md")).toBe(deleted);
    expect(notices().some((n) => n.includes("ch2"))).toBe(true);
    plugin.unload();
  });
});

describe("twin lines and subtasks", () => {
  const GYM = [
    "## Gym",
    "- [ ] 2021/4/1    workout", "    - [ ] legs",
    "- [ ] 2021/4/5    workout", "    - [ ] arms",
    "- [ ] 2021/4/9    workout", "    - [ ] core",
    "",
  ];

  it("undo after a twin was deleted refuses the note rather than give the others its date", async () => {
    const { app, plugin } = await startPlugin({ "Gym.md": GYM.join("\n") });
    await openPreview(app);
    const select = modal().querySelector<HTMLSelectElement>('.bq-roll-track-block[data-track="Gym"] select')!;
    select.value = "today";
    select.dispatchEvent(new Event("change"));
    await flush();
    await confirm();
    const twin = "- [ ] 2021/4/14   workout"; // the padding absorbs the wider date
    expect(app.vault.readNow("Gym.md")).toBe([GYM[0], twin, GYM[2], twin, GYM[4], twin, GYM[6], ""].join("\n"));
    const deleted = await modify(app, "Gym.md", (text) => text.replace(`${twin}\n    - [ ] legs\n`, ""));
    app.commands.executeCommandById("brain-queue:undo-roll");
    await flush(5);
    expect(app.vault.readNow("Gym.md")).toBe(deleted); // it gave arms 4/1 and core 4/5
    expect(notices().some((n) => n.includes("1 note was left as it is"))).toBe(true);
    plugin.unload();
  });

  it("a stale subtask tick never ticks another item's subtask", async () => {
    const note = ["## Study", "- [ ] 2021/4/14    math", "  - [ ] review", "- [ ] 2021/4/14    physics", "  - [ ] review", ""].join("\n");
    const { app, plugin } = await startPlugin({ "Study.md": note }, ACTIVE);
    const { el } = await openToday(plugin);
    const mathReview = el.querySelector<HTMLInputElement>(".bq-subtask input")!;
    const deleted = await modify(app, "Study.md", (text) => text.replace("- [ ] 2021/4/14    math\n  - [ ] review\n", ""));
    mathReview.click();
    await flush(5);
    expect(app.vault.readNow("Study.md")).toBe(deleted);
    expect(notices().some((n) => n.includes("review"))).toBe(true);
    plugin.unload();
  });
});

describe("one edit at a time per note", () => {
  it("two undos asked for at once undo one roll and pop one journal entry", async () => {
    const note = ["## Reading", CH2, "- [ ] 2021/4/2    ch3", ""].join("\n");
    const { app, plugin } = await startPlugin({ "Plan.md": note });
    await openPreview(app);
    await confirm();
    const rolled = app.vault.readNow("Plan.md");
    plugin.data.rollJournal.unshift({ at: "2021-04-13T09:00:00.000Z", date: "2021-04-13", edits: [] });
    app.commands.executeCommandById("brain-queue:undo-roll");
    app.commands.executeCommandById("brain-queue:undo-roll");
    await flush(8);
    expect(rolled).not.toBe(note);
    expect(app.vault.readNow("Plan.md")).toBe(note);
    expect(plugin.data.rollJournal).toHaveLength(1);
    plugin.unload();
  });

  it("a double-clicked checkbox ticks once and reports nothing", async () => {
    const note = ["## Reading", "- [ ] 2021/4/14    ch2", ""].join("\n");
    const { app, plugin } = await startPlugin({ "Plan.md": note }, ACTIVE);
    const { el } = await openToday(plugin);
    const input = el.querySelector<HTMLInputElement>(".bq-item input")!;
    input.click();
    input.click();
    await flush(5);
    expect(app.vault.readNow("Plan.md")).toBe(note.replace("[ ]", "[x]"));
    expect(notices()).toEqual([]);
    plugin.unload();
  });
});

describe("calendar export", () => {
  it("a folder named Brain Queue.ics: a notice, nothing thrown, nothing written", async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown): void => { rejections.push(reason); };
    process.on("unhandledRejection", onRejection);
    try {
      const { app, plugin } = await startPlugin({ "Plan.md": CH2, "Brain Queue.ics/notes.md": "x" });
      app.commands.executeCommandById("brain-queue:export-ics");
      await flush(5);
      await new Promise((resolve) => window.setTimeout(resolve, 20));
      expect(rejections).toEqual([]);
      expect(notices().some((n) => n.includes("Brain Queue.ics") && n.includes("folder"))).toBe(true);
      expect(app.vault.getFileByPath("Brain Queue.ics")).toBeNull();
      plugin.unload();
    } finally {
      process.off("unhandledRejection", onRejection);
    }
  });
});
