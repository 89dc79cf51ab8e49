// "Postpone the item under the cursor…": the line the editor shows, the same choices as a row's menu,
// the bytes written as one editor transaction (so the editor's undo takes it back), and Undo after it.
import type { MarkdownView } from "../../demo/shim/views";
import { describe, expect, it } from "vitest";
import { flush } from "../../demo/shim/testing";
import { setLanguage } from "../../src/obsidian/i18n";
import { PLANNER, startPlugin } from "./pluginFixtures";

const picker = (): HTMLElement | null => document.body.querySelector<HTMLElement>(".modal.prompt");
const choices = (): string[] => Array.from(picker()?.querySelectorAll(".suggestion-item") ?? []).map((el) => el.textContent ?? "");
const notices = (): string[] => Array.from(document.body.querySelectorAll(".notice")).map((el) => el.textContent ?? "");

async function cursorOn(line: string, note = PLANNER) {
  const started = await startPlugin({ "Plans/Term.md": note });
  const { app } = started;
  const leaf = app.workspace.getLeaf(false);
  await leaf.openFile(app.vault.getFileByPath("Plans/Term.md")!);
  const editor = (leaf.view as MarkdownView).editor;
  editor.setCursor({ line: editor.getValue().split("\n").indexOf(line), ch: 3 });
  return { ...started, editor };
}

async function choose(title: string): Promise<void> {
  const item = Array.from(picker()!.querySelectorAll<HTMLElement>(".suggestion-item")).find((el) => el.querySelector(".bq-postpone-title")?.textContent === title);
  if (!item) throw new Error(`No choice ${title} in ${choices().join(", ")}`);
  item.click();
  await flush(5);
}

describe("Postpone the item under the cursor…", () => {
  it("offers the menu's choices with their days and moves the line by a week, as one editor transaction", async () => {
    const { app, plugin, editor } = await cursorOn("- [ ] 2021/04/14    三数之和");
    expect(app.commands.executeCommandById("brain-queue:postpone-at-cursor")).toBe(true);
    await flush(2);
    // 2021-04-14 is a Wednesday; every weekday is a study day by default.
    expect(choices()).toEqual([
      "Postpone to tomorrow2021-04-15", "Postpone by a week2021-04-21", "Postpone to the next study day2021-04-15", "Postpone to a date…",
    ]);
    await choose("Postpone by a week");
    const postponed = PLANNER.replace("- [ ] 2021/04/14    三数之和", "- [ ] 2021/04/21    三数之和");
    expect(editor.getValue()).toBe(postponed);
    expect(picker()).toBeNull();
    expect(notices()).toContain("Postponed 1 item.");
    // The editor's own undo takes the write back in one step.
    editor.undo();
    expect(editor.getValue()).toBe(PLANNER);
    plugin.unload();
  });

  it("works on the text the editor shows before it is saved, and shifts the rest of a schedule along", async () => {
    const { app, plugin, editor } = await cursorOn("- [ ] 2021/4/14    第二讲 线性模型 2.1-2.4");
    // Two lines typed above it and not yet indexed: the item now stands two lines lower.
    editor.replaceRange("备注\n\n", { line: 0, ch: 0 });
    editor.setCursor({ line: editor.getValue().split("\n").indexOf("- [ ] 2021/4/14    第二讲 线性模型 2.1-2.4"), ch: 3 });
    const typed = editor.getValue();
    app.commands.executeCommandById("brain-queue:postpone-at-cursor");
    await flush(2);
    expect(choices()).toContain("Postpone and shift the rest of the track2021-04-15");
    await choose("Postpone and shift the rest of the track");
    expect(editor.getValue()).toBe(typed
      .replace("- [ ] 2021/4/14    第二讲 线性模型 2.1-2.4", "- [ ] 2021/4/15    第二讲 线性模型 2.1-2.4")
      .replace("- [ ] 2021/4/15    第二讲 线性模型 2.5-2.8", "- [ ] 2021/4/16    第二讲 线性模型 2.5-2.8"));
    app.commands.executeCommandById("brain-queue:undo-roll");
    await flush(5);
    expect(editor.getValue()).toBe(typed);
    plugin.unload();
  });

  it("picks a date in the editor's note; a fixed or finished item, a subtask and prose have nothing to postpone", async () => {
    const { app, plugin, editor } = await cursorOn("- [ ] 1.2\u3000着色2021/4/15");
    app.commands.executeCommandById("brain-queue:postpone-at-cursor");
    await flush(2);
    await choose("Postpone to a date…");
    // The dialog says which item it is for, and the day it has now.
    const dialog = document.body.querySelector<HTMLElement>(".modal.bq-postpone-modal")!;
    expect(dialog.querySelector(".modal-title")?.textContent).toBe("Postpone 1.2\u3000着色");
    expect(dialog.querySelector(".setting-item-name")?.textContent).toBe("New date");
    expect(dialog.querySelector(".setting-item-description")?.textContent).toBe("Now on 2021-04-15");
    const input = document.body.querySelector<HTMLInputElement>(".modal.bq-postpone-modal input")!;
    input.value = "2021-05-02";
    input.dispatchEvent(new Event("input"));
    document.body.querySelector<HTMLButtonElement>(".bq-postpone-confirm")!.click();
    await flush(5);
    expect(editor.getValue()).toBe(PLANNER.replace("- [ ] 1.2\u3000着色2021/4/15", "- [ ] 1.2\u3000着色2021/5/2"));

    for (const line of ["- [ ] 2021/04/18    ICRA  2022 投稿截止日期", "- [x] 2021/04/13    两数之和", "  - [ ] 推导最小二乘"]) {
      editor.setCursor({ line: editor.getValue().split("\n").indexOf(line), ch: 3 });
      document.body.querySelectorAll(".notice").forEach((el) => el.remove());
      app.commands.executeCommandById("brain-queue:postpone-at-cursor");
      await flush(2);
      expect(picker()).toBeNull();
      expect(notices()).toEqual(["No unfinished item to postpone on this line (finished, fixed and undated lines stay)."]);
    }
    editor.setCursor({ line: 0, ch: 0 }); // a heading: the palette does not offer the command
    expect(app.commands.executeCommandById("brain-queue:postpone-at-cursor")).toBe(false);
    expect(editor.getValue()).toBe(PLANNER.replace("- [ ] 1.2\u3000着色2021/4/15", "- [ ] 1.2\u3000着色2021/5/2"));
    plugin.unload();
  });

  it("says in Chinese which item the date is for, and a range's days", async () => {
    const note = PLANNER.replace("- [ ] 1.2\u3000着色2021/4/15", "- [ ] 1.2\u3000着色 2021/4/15 - 2021/4/17");
    const { app, plugin } = await cursorOn("- [ ] 1.2\u3000着色 2021/4/15 - 2021/4/17", note);
    setLanguage("zh");
    app.commands.executeCommandById("brain-queue:postpone-at-cursor");
    await flush(2);
    await choose("推迟到某天…");
    const dialog = document.body.querySelector<HTMLElement>(".modal.bq-postpone-modal")!;
    expect(dialog.querySelector(".modal-title")?.textContent).toBe("推迟 1.2\u3000着色");
    expect(dialog.querySelector(".setting-item-name")?.textContent).toBe("新日期");
    expect(dialog.querySelector(".setting-item-description")?.textContent).toBe("原定 2021-04-15 – 2021-04-17");
    setLanguage("en");
    plugin.unload();
  });
});
