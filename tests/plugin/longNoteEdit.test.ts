// A keystroke in a huge note: the re-index runs in steps with turns for the UI between them (as the
// start-up index does), so typing never waits for a whole parse; a newer change wins over one in steps.
import { describe, expect, it } from "vitest";
import { DEEP_SHAPES } from "../../scripts/bench/deepNotes";
import { PLANNER, startPlugin } from "./pluginFixtures";

/** About 1 MB: 8,000 nested list items, lines continuing them, and one dated item to find. */
function hugeNote(task: string): string {
  return `## 长笔记\n\n- [ ] 2021/04/14    ${task}\n\n${DEEP_SHAPES[0].note(8000, 1 << 20)}`;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => window.setTimeout(resolve, 0));

describe("re-indexing a huge note after an edit", () => {
  it("gives the UI turns while it parses, then shows the change; a newer change wins", async () => {
    const { app, plugin } = await startPlugin({ "Plans/Term.md": PLANNER, "Plans/Huge.md": hugeNote("第一版") });
    const file = app.vault.getFileByPath("Plans/Huge.md")!;
    const texts = (): string[] => plugin.index().itemsOn("2021-04-14").filter((i) => i.path === "Plans/Huge.md").map((i) => i.text);
    for (let i = 0; i < 500 && texts().length === 0; i++) await nextTurn(); // the start-up index parses it in steps too
    expect(texts()).toEqual(["第一版"]);

    app.metadataCache.trigger("changed", file, hugeNote("第二版"), {});
    expect(texts()).toEqual(["第一版"]); // nothing parsed in the event's own task
    let turns = 0;
    while (texts()[0] === "第一版" && turns < 500) {
      await nextTurn();
      turns++;
    }
    expect(texts()).toEqual(["第二版"]);
    expect(turns).toBeGreaterThan(1);

    // Two changes in a row: the first, still in steps, gives way to the second.
    app.metadataCache.trigger("changed", file, hugeNote("第三版"), {});
    await nextTurn();
    app.metadataCache.trigger("changed", file, hugeNote("第四版"), {});
    for (let i = 0; i < 500 && texts()[0] !== "第四版"; i++) await nextTurn();
    const seen: string[] = [];
    plugin.index().onChange(() => seen.push(texts()[0]));
    for (let i = 0; i < 20; i++) await nextTurn();
    expect(texts()).toEqual(["第四版"]);
    expect(seen).toEqual([]); // the superseded parse never lands after the newer one
    plugin.unload();
  }, 60_000);
});
