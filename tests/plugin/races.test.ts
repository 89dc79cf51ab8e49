// Races in the stand-in vault: concurrent edits, edits to vanished notes, renames during indexing.
import { describe, expect, it } from "vitest";
import { createApp, flush, loadPlugin } from "../../demo/shim/testing";
import { toggleEdit } from "../../src/core/planner/edits";
import BrainQueuePlugin from "../../src/obsidian/main";
import { PLANNER, startPlugin } from "./pluginFixtures";

describe("races", () => {
  it("two edits to the same note in the same tick both land", async () => {
    const { app, plugin } = await startPlugin();
    const items = plugin.index().itemsOn("2021-04-14").filter((i) => !i.done);
    const [a, b] = [items.find((i) => i.text === "三数之和")!, items.find((i) => i.text.startsWith("第二讲"))!];
    const results = await Promise.all([plugin.applyEdits(a.path, [toggleEdit(a)]), plugin.applyEdits(b.path, [toggleEdit(b)])]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    const text = app.vault.readNow("Plans/Term.md");
    expect(text).toContain("- [x] 2021/04/14    三数之和");
    expect(text).toContain("- [x] 2021/4/14    第二讲 线性模型 2.1-2.4");
    plugin.unload();
  });

  it("the same edit twice while the first is pending (a double click): written once, no refusal", async () => {
    const { app, plugin } = await startPlugin();
    const a = plugin.index().itemsOn("2021-04-14").find((i) => i.text === "三数之和")!;
    const results = await Promise.all([plugin.applyEdits(a.path, [toggleEdit(a)]), plugin.applyEdits(a.path, [toggleEdit(a)])]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(document.body.querySelectorAll(".notice")).toHaveLength(0);
    expect(app.vault.readNow("Plans/Term.md")).toBe(PLANNER.replace("- [ ] 2021/04/14    三数之和", "- [x] 2021/04/14    三数之和"));
    plugin.unload();
  });

  it("the same stale edit again after the first was written is refused", async () => {
    const { app, plugin } = await startPlugin();
    const a = plugin.index().itemsOn("2021-04-14").find((i) => i.text === "三数之和")!;
    expect((await plugin.applyEdits(a.path, [toggleEdit(a)], true)).ok).toBe(true);
    expect((await plugin.applyEdits(a.path, [toggleEdit(a)], true)).ok).toBe(false);
    expect(app.vault.readNow("Plans/Term.md")).toBe(PLANNER.replace("- [ ] 2021/04/14    三数之和", "- [x] 2021/04/14    三数之和"));
    plugin.unload();
  });

  it("an edit to a note deleted meanwhile is refused with a message and the index forgets it", async () => {
    const { app, plugin } = await startPlugin();
    const a = plugin.index().itemsOn("2021-04-14").find((i) => i.text === "三数之和")!;
    await app.vault.delete(app.vault.getFileByPath("Plans/Term.md")!);
    const result = await plugin.applyEdits(a.path, [toggleEdit(a)]);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toContain("no longer exists");
    await flush(5);
    expect(plugin.index().has("Plans/Term.md")).toBe(false);
    plugin.unload();
  });

  it("a note renamed while the plugin starts up ends up under its new path only", async () => {
    const files: Record<string, string> = { "Plans/Term.md": PLANNER };
    for (let i = 0; i < 400; i++) files[`Notes/n${i}.md`] = `## T${i}\n- [ ] 2021/04/14 task ${i}\n`;
    const app = createApp({ files });
    const loading = loadPlugin(app, BrainQueuePlugin);
    await app.fileManager.renameFile(app.vault.getFileByPath("Notes/n399.md")!, "Moved/n399.md");
    const plugin = await loading;
    await new Promise((resolve) => window.setTimeout(resolve, 60));
    await flush(5);
    expect(plugin.index().has("Notes/n399.md")).toBe(false);
    expect(plugin.index().has("Moved/n399.md")).toBe(true);
    expect(plugin.index().itemsOn("2021-04-14").filter((i) => i.text.startsWith("task "))).toHaveLength(400);
    plugin.unload();
  });

  it("follows a folder renamed and then deleted", async () => {
    const { app, plugin } = await startPlugin({ "Plans/Term.md": PLANNER, "Plans/Side.md": "## Side\n- [ ] 2021/04/14 side task\n" });
    await app.fileManager.renameFile(app.vault.getFolderByPath("Plans")!, "Archive");
    await new Promise((resolve) => window.setTimeout(resolve, 40));
    expect(plugin.index().paths()).toEqual(["Archive/Side.md", "Archive/Term.md"]);
    await app.vault.delete(app.vault.getFolderByPath("Archive")!, true);
    await new Promise((resolve) => window.setTimeout(resolve, 40));
    expect(plugin.index().paths()).toEqual([]);
    plugin.unload();
  });
});
