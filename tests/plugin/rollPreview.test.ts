// The roll preview: untick items and tracks before writing, a summary of what will be written, and
// a roll of thousands of items drawn a page at a time.
import { describe, expect, it } from "vitest";
import { flush } from "../../demo/shim/testing";
import { setLanguage } from "../../src/obsidian/i18n";
import { startPlugin } from "./pluginFixtures";
import { confirmRoll, openRollPreview, READING, readingShifted, rollModal as modal, rollRows as rows, untick, until } from "./rollFixtures";

const PLAN = [
  ...READING,
  "",
  "## Errands",
  "- [ ] 2021/04/11    buy a book",
  "- [ ] 2021/04/12    post the forms",
  "",
].join("\n");

const OTHER = ["## Thesis", "- [ ] 2021/4/12    outline", ""].join("\n");

const summary = (): string => modal().querySelector(".bq-roll-summary")?.textContent ?? "";

describe("roll preview", () => {
  it("says what it will write and leaves unticked items and tracks as they are", async () => {
    const { app, plugin } = await startPlugin({ "Plan.md": PLAN, "Thesis.md": OTHER });
    await openRollPreview(app);
    // Reading is a schedule (shift): ch2, ch3 overdue, ch4 slides along; the others move to today.
    expect(summary()).toBe("6 lines in 2 notes: 5 overdue moved, 1 later item shifted");

    untick("ch3");
    expect(summary()).toBe("5 lines in 2 notes: 4 overdue moved, 1 later item shifted");
    // A track with some of its changes still ticked stays on.
    const reading = modal().querySelector<HTMLElement>('.bq-roll-track-block[data-track="Reading"] .checkbox-container')!;
    expect(reading.classList.contains("is-enabled")).toBe(true);
    const errands = modal().querySelector<HTMLElement>('.bq-roll-track-block[data-track="Errands"] .checkbox-container')!;
    errands.click();
    await flush();
    expect(summary()).toBe("3 lines in 2 notes: 2 overdue moved, 1 later item shifted");
    expect(modal().querySelectorAll(".bq-roll-change.is-left")).toHaveLength(3);

    await confirmRoll();
    expect(app.vault.readNow("Plan.md")).toBe(
      PLAN.replace("2021/4/11    ch2", "2021/4/14    ch2").replace("2021/4/15    ch4", "2021/4/18    ch4"),
    );
    expect(app.vault.readNow("Thesis.md")).toBe(OTHER.replace("2021/4/12", "2021/4/14"));
    plugin.unload();
  });

  it("names what auto chose in brackets of the interface's language", async () => {
    const { app, plugin } = await startPlugin({ "Plan.md": PLAN });
    const autoOf = (track: string): string | null | undefined => modal().querySelector(`.bq-roll-track-block[data-track="${track}"] select option[value="auto"]`)?.textContent;
    await openRollPreview(app);
    expect(autoOf("Reading")).toBe("Auto (shift the schedule)");
    modal().querySelector<HTMLButtonElement>(".bq-modal-buttons button")!.click();
    setLanguage("zh");
    await openRollPreview(app);
    expect(autoOf("Reading")).toBe("自动（整体顺延）");
    setLanguage("en");
    plugin.unload();
  });

  it("an unticked item stays unticked when a mode change re-plans the preview", async () => {
    const { app, plugin } = await startPlugin({ "Plan.md": PLAN });
    await openRollPreview(app);
    untick("ch2");
    const select = modal().querySelector<HTMLSelectElement>('.bq-roll-track-block[data-track="Reading"] select')!;
    select.value = "today";
    select.dispatchEvent(new Event("change"));
    await flush();
    const box = Array.from(modal().querySelectorAll<HTMLElement>(".bq-roll-change")).find((r) => r.textContent?.endsWith("ch2"))!;
    expect(box.querySelector<HTMLInputElement>("input")!.checked).toBe(false);
    expect(summary()).toBe("3 lines in 1 note: 3 overdue moved, 0 later items shifted");
    plugin.unload();
  });

  it("a past empty slot is no row of the preview and stays in the note", async () => {
    // Errands (no schedule) moves to today; its free days of 04/12 and 04/13 (a date, no text) are not missed tasks.
    const note = [...READING, "", "## Errands", "- [ ] 2021/04/05    buy a book", "- [ ] 2021/04/12    ", "- [ ] 2021/04/13", ""].join("\n");
    const { app, plugin } = await startPlugin({ "Plan.md": note });
    await openRollPreview(app);
    expect(summary()).toBe("4 lines in 1 note: 3 overdue moved, 1 later item shifted");
    await confirmRoll();
    expect(app.vault.readNow("Plan.md")).toBe(readingShifted(note).replace("2021/04/05    buy a book", "2021/04/14    buy a book"));
    plugin.unload();
  });

  it("nothing ticked: the confirm button is off", async () => {
    const { app, plugin } = await startPlugin({ "Thesis.md": OTHER });
    await openRollPreview(app);
    untick("outline");
    expect(modal().querySelector<HTMLButtonElement>(".bq-roll-confirm")!.disabled).toBe(true);
    plugin.unload();
  });

  it("a roll of thousands of items draws a page per track, and Show more draws the next", async () => {
    const lines = ["## Drill"];
    for (let i = 0; i < 3000; i++) lines.push(`- [ ] 2021/4/${1 + (i % 9)}    drill ${i}`);
    const { app, plugin } = await startPlugin({ "Drill.md": lines.join("\n") + "\n" });
    await until(() => plugin.isIndexReady());
    await openRollPreview(app);
    expect(summary()).toBe("3000 lines in 1 note: 3000 overdue moved, 0 later items shifted");
    expect(rows()).toHaveLength(50);
    const more = modal().querySelector<HTMLElement>(".bq-roll-more")!;
    expect(more.textContent).toBe("Show 50 more");
    more.click();
    await flush();
    expect(rows()).toHaveLength(100);
    expect(rows()[99]).toMatch(/drill 99$/);
    plugin.unload();
  });

  it("a roll asked for while the vault is still being read waits for it, never saying there is nothing to roll", async () => {
    const lines = ["## Drill"];
    for (let i = 0; i < 3000; i++) lines.push(`- [ ] 2021/4/${1 + (i % 9)}    drill ${i}`);
    // The vault's reads wait until the test lets them through: the index cannot be ready before.
    let letRead!: () => void;
    const gate = new Promise<void>((resolve) => (letRead = resolve));
    const { app, plugin } = await startPlugin({ "Drill.md": lines.join("\n") + "\n" }, undefined, (app) => {
      const { vault } = app;
      const cachedRead = vault.cachedRead.bind(vault);
      const readBinary = vault.readBinary.bind(vault);
      vault.cachedRead = async (file) => gate.then(() => cachedRead(file));
      vault.readBinary = async (file) => gate.then(() => readBinary(file));
    });
    expect(plugin.isIndexReady()).toBe(false);
    await openRollPreview(app);
    expect(modal()).toBeNull(); // no preview of a half-read vault
    expect(document.body.textContent).toContain("Reading the vault: the roll-forward preview opens when it is done.");
    letRead();
    await until(() => modal() !== null);
    expect(modal().textContent).not.toContain("Nothing to roll forward");
    expect(summary()).toBe("3000 lines in 1 note: 3000 overdue moved, 0 later items shifted");
    plugin.unload();
  });
});
