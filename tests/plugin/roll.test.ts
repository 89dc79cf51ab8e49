// Roll forward from Obsidian: preview, per-track modes (remembered), writing per note, undo.
import { describe, expect, it } from "vitest";
import { flush } from "../../demo/shim/testing";
import { openToday, startPlugin } from "./pluginFixtures";
import { confirmRoll, OLD_READING, openRollPreview, READING, readingShifted, rollModal as modal, rollRows } from "./rollFixtures";

const NOTE = [
  ...READING,
  "",
  "## Events",
  "- [ ] 2021/04/12    final exam 考试",
  "- [ ] 2021/04/11    buy a book",
  "",
].join("\r\n");

const ROLLED = readingShifted(NOTE).replace("2021/04/11    buy", "2021/04/14    buy");

describe("roll forward", () => {
  it("previews per track, writes byte-exact on confirm, and undo restores the bytes", async () => {
    const { app, plugin } = await startPlugin({ "Plan.md": NOTE });
    await openRollPreview(app);
    expect(rollRows()).toEqual(["2021/4/11 → 2021/4/14ch2", "2021/4/12 → 2021/4/15ch3", "2021/4/15 → 2021/4/18ch4", "2021/04/11 → 2021/04/14buy a book"]);
    expect(modal().querySelector(".bq-roll-skip")?.textContent).toContain("final exam");
    expect(app.vault.readNow("Plan.md")).toBe(NOTE); // nothing written before confirming
    const summary = modal().querySelector(".bq-roll-summary")?.textContent;
    expect(summary).toBe("4 lines in 1 note: 3 overdue moved, 1 later item shifted");
    await confirmRoll();
    expect(app.vault.readNow("Plan.md")).toBe(ROLLED);
    expect(document.body.querySelector(".bq-roll-modal")).toBeNull();
    // The notice says what the preview said it would write.
    expect(Array.from(document.body.querySelectorAll(".notice")).map((el) => el.textContent)).toContain(`Rolled forward ${summary}.`);
    expect(plugin.data.rollJournal).toHaveLength(1);

    app.commands.executeCommandById("brain-queue:undo-roll");
    await flush(5);
    expect(app.vault.readNow("Plan.md")).toBe(NOTE);
    expect(plugin.data.rollJournal).toHaveLength(0);
    plugin.unload();
  });

  it("undo keeps lines edited since the roll", async () => {
    const { app, plugin } = await startPlugin({ "Plan.md": NOTE });
    await openRollPreview(app);
    await confirmRoll();
    const file = app.vault.getFileByPath("Plan.md")!;
    await app.vault.process(file, (text) => text.replace("2021/4/14    ch2", "2021/4/14    ch2 (started)"));
    app.commands.executeCommandById("brain-queue:undo-roll");
    await flush(5);
    expect(app.vault.readNow("Plan.md")).toBe(NOTE.replace("2021/4/11    ch2", "2021/4/14    ch2 (started)"));
    const notices = Array.from(document.body.querySelectorAll(".notice")).map((el) => el.textContent);
    expect(notices).toContain("Undid the roll-forward to 2021-04-14. Restored 3 lines; 1 line edited since was kept.");
    plugin.unload();
  });

  it("a mode change re-plans the preview and is remembered per track", async () => {
    const { app, plugin } = await startPlugin({ "Plan.md": NOTE });
    await openRollPreview(app);
    const block = modal().querySelector<HTMLElement>('.bq-roll-track-block[data-track="Reading"]')!;
    const select = block.querySelector("select")!;
    select.value = "today";
    select.dispatchEvent(new Event("change"));
    await flush();
    const rows = Array.from(modal().querySelectorAll('.bq-roll-track-block[data-track="Reading"] .bq-roll-change')).map((r) => r.textContent);
    expect(rows).toEqual(["2021/4/11 → 2021/4/14ch2", "2021/4/12 → 2021/4/14ch3"]);
    expect(plugin.data.settings.trackModes).toEqual({ "Plan.md\nReading": "today" });
    plugin.unload();
  });

  it("a mode chosen for one note's track leaves the same heading in another note as it was", async () => {
    const { app, plugin } = await startPlugin({ "Plan.md": NOTE, "Old/Plan 2020.md": OLD_READING });
    await openRollPreview(app);
    const block = (path: string): HTMLElement => modal().querySelector<HTMLElement>(`.bq-roll-track-block[data-track="Reading"][data-path="${path}"]`)!;
    const oldRows = (): string[] => Array.from(block("Old/Plan 2020.md").querySelectorAll(".bq-roll-change")).map((r) => r.textContent ?? "");
    const before = { rows: oldRows(), label: block("Old/Plan 2020.md").querySelector("select option")?.textContent };
    const select = block("Plan.md").querySelector("select")!;
    select.value = "spread";
    select.dispatchEvent(new Event("change"));
    await flush();
    expect({ rows: oldRows(), label: block("Old/Plan 2020.md").querySelector("select option")?.textContent }).toEqual(before);
    expect(plugin.data.settings.trackModes).toEqual({ "Plan.md\nReading": "spread" });
    plugin.unload();
  });

  it("a note changed between preview and confirm is re-planned, never overwritten", async () => {
    const { app, plugin } = await startPlugin({ "Plan.md": NOTE });
    await openRollPreview(app);
    const file = app.vault.getFileByPath("Plan.md")!;
    const edited = NOTE.replace("2021/4/12    ch3", "2021/4/12    ch3 and notes");
    await app.vault.modify(file, edited);
    await confirmRoll();
    expect(app.vault.readNow("Plan.md")).toBe(edited);
    expect(modal().querySelector(".bq-roll-notice")?.textContent).toContain("re-planned");
    expect(rollRows()).toContain("2021/4/12 → 2021/4/15ch3 and notes");
    await confirmRoll();
    expect(app.vault.readNow("Plan.md")).toBe(ROLLED.replace("2021/4/15    ch3", "2021/4/15    ch3 and notes"));
    plugin.unload();
  });

  it("roll-track previews only the track under the cursor", async () => {
    const { app, plugin } = await startPlugin({ "Plan.md": NOTE });
    const leaf = app.workspace.getLeaf(false);
    await leaf.openFile(app.vault.getFileByPath("Plan.md")!);
    (leaf.view as unknown as { editor: { setCursor(pos: { line: number; ch: number }): void } }).editor.setCursor({ line: 8, ch: 0 });
    app.commands.executeCommandById("brain-queue:roll-track");
    await flush();
    const tracks = Array.from(modal().querySelectorAll<HTMLElement>(".bq-roll-track-block[data-track]")).map((b) => b.dataset.track);
    expect(tracks).toEqual(["Events"]);
    expect(rollRows()).toEqual(["2021/04/11 → 2021/04/14buy a book"]);
    plugin.unload();
  });

  it("a heading in two notes is two tracks: the sidebar names their notes and rolls one note only", async () => {
    // Last term's plan and this term's, both with `## Reading` (2021-04-14 is the pinned day).
    const old = OLD_READING;
    const { app, plugin } = await startPlugin({ "Plans/2020.md": old, "Plans/2021.md": NOTE });
    const { el } = await openToday(plugin);
    const overdue = Array.from(el.querySelectorAll<HTMLElement>('.bq-overdue-track[data-track="Reading"]'));
    expect(overdue.map((t) => [t.dataset.path, t.querySelector(".bq-track-note")?.textContent])).toEqual([
      ["Plans/2020.md", "2020"], ["Plans/2021.md", "2021"],
    ]);
    // Events is a heading in one note: no note name beside it.
    expect(el.querySelector('.bq-overdue-track[data-track="Events"] .bq-track-note')).toBeNull();
    overdue[1].querySelector<HTMLElement>(".bq-roll-track")!.click();
    await flush();
    expect(Array.from(modal().querySelectorAll<HTMLElement>(".bq-roll-track-block")).map((b) => [b.dataset.track, b.dataset.path])).toEqual([
      ["Reading", "Plans/2021.md"],
    ]);
    await confirmRoll();
    expect(app.vault.readNow("Plans/2020.md")).toBe(old);
    expect(app.vault.readNow("Plans/2021.md")).toBe(readingShifted(NOTE));
    plugin.unload();
  });

  it("roll-track from the editor rolls the heading of that note only", async () => {
    const old = OLD_READING;
    const { app, plugin } = await startPlugin({ "Plans/2020.md": old, "Plans/2021.md": NOTE });
    const leaf = app.workspace.getLeaf(false);
    await leaf.openFile(app.vault.getFileByPath("Plans/2020.md")!);
    (leaf.view as unknown as { editor: { setCursor(pos: { line: number; ch: number }): void } }).editor.setCursor({ line: 1, ch: 0 });
    app.commands.executeCommandById("brain-queue:roll-track");
    await flush();
    expect(rollRows()).toEqual([
      "2020/11/02 → 2021/04/14old ch1", "2020/11/03 → 2021/04/15old ch2",
    ]);
    await confirmRoll();
    expect(app.vault.readNow("Plans/2021.md")).toBe(NOTE);
    plugin.unload();
  });
});
