// "Archive this plan": the frontmatter key written through the one write path, byte-exact, and the
// note's items gone from the sidebar; an archive folder does the same from the settings.
import { describe, expect, it } from "vitest";
import { flush } from "../../demo/shim/testing";
import { openToday, startPlugin, texts } from "./pluginFixtures";

const OLD = ["# 日程", "", "- [ ] 2021/04/01    旧计划的组会", "", "## Reading", "- [ ] 2021/04/02    old ch1", ""].join("\n");
const NEW = ["## Reading", "- [ ] 2021/04/13    new ch1", "- [ ] 2021/04/14    new ch2", ""].join("\n");

async function openNote(app: Awaited<ReturnType<typeof startPlugin>>["app"], path: string): Promise<void> {
  await app.workspace.getLeaf(false).openFile(app.vault.getFileByPath(path)!);
  await flush();
}

describe("archive this plan", () => {
  it("writes brain-queue: archived into a new frontmatter, byte-exact, and the sidebar forgets the note", async () => {
    const { app, plugin } = await startPlugin({ "Plans/2020.md": OLD, "Plans/2021.md": NEW });
    const { view, el } = await openToday(plugin);
    expect(el.querySelectorAll('.bq-overdue-track[data-path="Plans/2020.md"]')).toHaveLength(2);
    await openNote(app, "Plans/2020.md");
    app.commands.executeCommandById("brain-queue:archive-plan");
    await flush(5);
    expect(app.vault.readNow("Plans/2020.md")).toBe(`---\nbrain-queue: archived\n---\n${OLD}`);
    expect(app.vault.readNow("Plans/2021.md")).toBe(NEW);
    await new Promise((resolve) => window.setTimeout(resolve, 50));
    await flush();
    view.renderNow();
    expect(el.querySelector('[data-path="Plans/2020.md"]')).toBeNull();
    // Reading is a heading in one counted note now: no note name beside it.
    expect(texts(el, ".bq-track-note")).toEqual([]);
    expect(texts(document.body, ".notice")).toContain("Archived 2020: its items no longer count in Brain Queue.");
    // Again: nothing to write.
    app.commands.executeCommandById("brain-queue:archive-plan");
    await flush(5);
    expect(app.vault.readNow("Plans/2020.md")).toBe(`---\nbrain-queue: archived\n---\n${OLD}`);
    expect(texts(document.body, ".notice")).toContain("2020 is already archived.");
    plugin.unload();
  });

  it("the problem of a second queue block offers to archive that plan, from the sidebar", async () => {
    const block = "当前 BPU 最大进程数为：1\n\n- Reading\n\n";
    const { app, plugin } = await startPlugin({ "Plans/2020.md": block + OLD, "Plans/2021.md": block + NEW });
    const { view, el } = await openToday(plugin);
    el.querySelector<HTMLElement>(".bq-section-problems > .tree-item-self")!.click();
    const problem = el.querySelector<HTMLElement>(".bq-problem")!;
    expect(problem.querySelector(".bq-problem-where")?.textContent).toBe("Plans/2020.md:1");
    const archive = problem.querySelector<HTMLElement>(".bq-problem-fix")!;
    expect(archive.textContent).toBe("Archive this plan");
    archive.click();
    for (let i = 0; i < 20 && app.vault.readNow("Plans/2020.md") === block + OLD; i++) await new Promise((resolve) => window.setTimeout(resolve, 10));
    expect(app.vault.readNow("Plans/2020.md")).toBe(`---\nbrain-queue: archived\n---\n${block}${OLD}`);
    expect(app.vault.readNow("Plans/2021.md")).toBe(block + NEW);
    await new Promise((resolve) => window.setTimeout(resolve, 50));
    await flush();
    view.renderNow();
    expect(el.querySelector(".bq-section-problems")).toBeNull();
    plugin.unload();
  });

  it("adds the key to an existing frontmatter", async () => {
    const withFrontmatter = `---\ntags: [plan]\n---\n${NEW}`;
    const { app, plugin } = await startPlugin({ "Plans/2021.md": withFrontmatter });
    await openNote(app, "Plans/2021.md");
    app.commands.executeCommandById("brain-queue:archive-plan");
    for (let i = 0; i < 20 && app.vault.readNow("Plans/2021.md") === withFrontmatter; i++) await new Promise((resolve) => window.setTimeout(resolve, 10));
    expect(app.vault.readNow("Plans/2021.md")).toBe(`---\ntags: [plan]\nbrain-queue: archived\n---\n${NEW}`);
    await flush(5);
    expect(plugin.index().items()).toEqual([]);
    plugin.unload();
  });

  it("an archive folder in the settings takes its notes out of every count", async () => {
    const { plugin } = await startPlugin({ "Archive/2020.md": OLD, "Plans/2021.md": NEW });
    expect(plugin.index().items().some((item) => item.path === "Archive/2020.md")).toBe(true);
    plugin.data.settings.archiveFolders = ["Archive"];
    await plugin.saveSettings();
    await flush(10);
    await new Promise((resolve) => window.setTimeout(resolve, 50));
    await flush(10);
    expect(plugin.index().items().map((item) => item.path)).toEqual(["Plans/2021.md", "Plans/2021.md"]);
    plugin.unload();
  });
});
